"""`armstrace curate`: confirm, reject, edit and grade claims; overrule a finding's credibility.

Every action is written with its audit entry (see `armstrace audit`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from armstrace.cli.common import (
    DbOption,
    FormatOption,
    NoteOption,
    UserOption,
    acting_user,
    open_store,
    write_result,
)
from armstrace.cli.render import claims_table
from armstrace.errors import UsageError
from armstrace.model.claim import CLAIM_FIELDS

if TYPE_CHECKING:
    from armstrace.store import StoredClaim

NAME = "curate"
HELP = (
    "Confirm, reject, edit or grade a claim; every change is kept in the audit log.\n\n"
    "Claim ids are shown by `armstrace claims --format json`."
)
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace curate confirm 3f9c0a1b2c3d4e5f60718293 --note 'checked the PDF'`\n"
    "- `armstrace curate edit 3f9c0a1b2c3d4e5f60718293 --set supplier=RU --set quantity=3000`\n"
    "- `armstrace curate credibility 3f9c0a1b2c3d4e5f60718293 2`\n"
    "- `armstrace curate finding 9b508fee9d3e1240 3`\n"
)

app = typer.Typer(
    name=NAME, help=HELP, epilog=EXAMPLES, no_args_is_help=True, rich_markup_mode="markdown"
)


def parse_value(field: str, text: str) -> Any:
    """A --set value: JSON for objects, lists, null and quantities, else the text as written.

    So `when=2009` stays the string "2009" and `item={"category": "rockets"}` is an object.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return text
    if value is None or isinstance(value, dict | list):
        return value
    if field == "quantity" and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return text


def parse_changes(assignments: list[str]) -> dict[str, Any]:
    """`field=value` pairs into a changes dict; a malformed pair is a usage error."""
    changes: dict[str, Any] = {}
    for assignment in assignments:
        field, sep, text = assignment.partition("=")
        field = field.strip()
        if not sep or not field:
            raise UsageError(f"--set {assignment!r}: expected FIELD=VALUE")
        changes[field] = parse_value(field, text.strip())
    return changes


def show_claim(claim: StoredClaim, output: str, message: str) -> None:
    """The claim after the change: a JSON record, or a line and a one-row table."""
    record = claim.to_record() | {"credibility": claim.credibility}
    write_result(output, record, message, claims_table([record]))


ClaimId = Annotated[str, typer.Argument(metavar="CLAIM_ID", help="The claim's id.")]


@app.command("confirm")
def confirm(
    claim_id: ClaimId,
    user: UserOption = None,
    note: NoteOption = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Mark a claim as a faithful reading of its document."""
    from armstrace.curation import confirm_claim

    with open_store(db) as store:
        claim = confirm_claim(store, claim_id, acting_user(user), note)
    show_claim(claim, output, f"claim {claim.id}: {claim.curation_status}")


@app.command("reject")
def reject(
    claim_id: ClaimId,
    user: UserOption = None,
    note: NoteOption = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Mark a claim as wrongly extracted: findings leave it out, re-extraction keeps it out."""
    from armstrace.curation import reject_claim

    with open_store(db) as store:
        claim = reject_claim(store, claim_id, acting_user(user), note)
    show_claim(claim, output, f"claim {claim.id}: {claim.curation_status}")


@app.command("edit")
def edit(
    claim_id: ClaimId,
    assignments: Annotated[
        list[str],
        typer.Option(
            "--set",
            metavar="FIELD=VALUE",
            help=(
                f"A field to change ({', '.join(CLAIM_FIELDS)}); VALUE is JSON or plain "
                "text; null removes the field. Repeat for several fields."
            ),
        ),
    ],
    user: UserOption = None,
    note: NoteOption = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Change fields of a claim; it keeps its id and becomes "edited". The evidence is fixed."""
    from armstrace.curation import edit_claim

    changes = parse_changes(assignments)
    with open_store(db) as store:
        claim = edit_claim(store, claim_id, acting_user(user), changes, note)
    show_claim(claim, output, f"claim {claim.id}: edited ({', '.join(sorted(changes))})")


@app.command("credibility")
def credibility(
    claim_id: ClaimId,
    value: Annotated[
        int | None,
        typer.Argument(
            metavar="N", min=1, max=6, help="1 confirmed .. 6 cannot be judged; omit to clear."
        ),
    ] = None,
    user: UserOption = None,
    note: NoteOption = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Grade a claim's credibility (Admiralty 1..6); grading also confirms the claim."""
    from armstrace.curation import set_credibility

    with open_store(db) as store:
        claim = set_credibility(store, claim_id, value, acting_user(user), note)
    show_claim(claim, output, f"claim {claim.id}: credibility {claim.credibility or 'cleared'}")


@app.command("finding")
def finding(
    finding_id: Annotated[str, typer.Argument(metavar="FINDING_ID", help="From `findings`.")],
    value: Annotated[
        int | None,
        typer.Argument(metavar="N", min=1, max=6, help="1..6; omit to return to the suggestion."),
    ] = None,
    user: UserOption = None,
    note: NoteOption = None,
    db: DbOption = None,
    output: FormatOption = "table",
) -> None:
    """Overrule a finding's suggested credibility with your own (1..6)."""
    from armstrace.curation import set_finding_credibility

    with open_store(db) as store:
        set_finding_credibility(store, finding_id, value, acting_user(user), note)
    shown = value if value is not None else "the suggested value"
    message = f"finding {finding_id}: credibility set to {shown}"
    write_result(output, {"finding": finding_id, "credibility": value}, message)

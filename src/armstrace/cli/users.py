"""`armstrace users`: the people who may sign in to the workbench in team mode."""

from __future__ import annotations

import os
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from armstrace.cli.common import DbOption, FormatOption, open_store, stdout, write_json
from armstrace.model.vocab import ROLES

if TYPE_CHECKING:
    from armstrace.auth.users import User

NAME = "users"
HELP = "Users of the workbench in team mode (`armstrace serve --team`): add, list, change."
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace users add ana --role admin` (asks for the password)\n"
    "- `ARMSTRACE_PASSWORD=... armstrace users add bot --role viewer` (for scripts)\n"
    "- `armstrace users list --format json`\n"
    "- `armstrace users role ana analyst`\n"
    "- `armstrace users disable bot`\n"
)

app = typer.Typer(
    name=NAME, help=HELP, epilog=EXAMPLES, no_args_is_help=True, rich_markup_mode="markdown"
)

ByOption = Annotated[
    str, typer.Option("--by", metavar="NAME", help="Who makes the change (for the audit log).")
]


def _password(confirm: bool = True) -> str:
    """ARMSTRACE_PASSWORD when set (scripts), else asked for without echo."""
    from_env = os.environ.get("ARMSTRACE_PASSWORD")
    if from_env:
        return from_env
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=confirm)
    return value


def _show(users: list[User], output: str) -> None:
    if output == "json":
        write_json([asdict(u) | {"created_at": u.created_at.isoformat()} for u in users])
        return
    if not users:
        stdout.print("No users yet: add one with `armstrace users add NAME --role admin`.", markup=False)  # fmt: skip
        return
    table = Table(title="Users")
    for column in ("name", "role", "state", "created (UTC)"):
        table.add_column(column)
    for user in users:
        state = "disabled" if user.disabled else "active"
        table.add_row(user.name, user.role, state, f"{user.created_at:%Y-%m-%d %H:%M}")
    stdout.print(table)


@app.command("add", epilog=EXAMPLES)
def add(
    name: Annotated[str, typer.Argument(help="User name: letters, digits and . _ @ -")],
    role: Annotated[
        str, typer.Option("--role", metavar="ROLE", help=f"One of {', '.join(ROLES)}.")
    ],
    db: DbOption = None,
    by: ByOption = "cli",
    output: FormatOption = "table",
) -> None:
    """Add a user; the password comes from a prompt or ARMSTRACE_PASSWORD."""
    from armstrace.auth import add_user

    with open_store(db) as store:
        user = add_user(store, name, role, _password(), by=by)
    _show([user], output)


@app.command("list", epilog=EXAMPLES)
def list_(db: DbOption = None, output: FormatOption = "table") -> None:
    """List every user with role and state."""
    from armstrace.auth import list_users

    with open_store(db) as store:
        _show(list_users(store), output)


@app.command("role", epilog=EXAMPLES)
def role(
    name: str,
    new_role: Annotated[str, typer.Argument(metavar="ROLE", help=f"One of {', '.join(ROLES)}.")],
    db: DbOption = None,
    by: ByOption = "cli",
    output: FormatOption = "table",
) -> None:
    """Give a user another role."""
    from armstrace.auth import set_role

    with open_store(db) as store:
        user = set_role(store, name, new_role, by=by)
    _show([user], output)


@app.command("disable", epilog=EXAMPLES)
def disable(name: str, db: DbOption = None, by: ByOption = "cli", output: FormatOption = "table") -> None:  # fmt: skip
    """Stop a user from signing in (their sessions and tokens stop working)."""
    from armstrace.auth import set_disabled

    with open_store(db) as store:
        user = set_disabled(store, name, True, by=by)
    _show([user], output)


@app.command("enable", epilog=EXAMPLES)
def enable(name: str, db: DbOption = None, by: ByOption = "cli", output: FormatOption = "table") -> None:  # fmt: skip
    """Let a disabled user sign in again."""
    from armstrace.auth import set_disabled

    with open_store(db) as store:
        user = set_disabled(store, name, False, by=by)
    _show([user], output)


@app.command("password", epilog=EXAMPLES)
def password(name: str, db: DbOption = None, by: ByOption = "cli") -> None:
    """Set a new password (prompt or ARMSTRACE_PASSWORD); the user's sessions end."""
    from armstrace.auth import set_password

    with open_store(db) as store:
        set_password(store, name, _password(), by=by)
    stdout.print(f"password of {name} changed", markup=False)

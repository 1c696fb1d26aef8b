"""Analyst judgements in the store: merge, distinguish and split entities, with an audit trail.

Why append-only: a merge changes how findings group and count, so an analyst must be able to
see who merged what, when and why, and undo it. A split retracts a judgement (it records who
and when) and never deletes it; every merge, distinction and split also gets an audit entry.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import or_, select

from armstrace.errors import UsageError
from armstrace.model.vocab import ENTITY_KINDS
from armstrace.resolve.candidates import resolve_name
from armstrace.resolve.features import gazetteer_ids
from armstrace.resolve.resolver import Judgement, Resolver, canonical_claims
from armstrace.resolve.vessels import vessel_key
from armstrace.store import Store, StoredClaim
from armstrace.store.curation import add_audit, check_user, read_session, write_session
from armstrace.store.tables import ClaimTable, JudgementTable, utcnow

log = logging.getLogger(__name__)


def merge(
    store: Store, left: str, right: str, user: str, reason: str, kind: str = "actor"
) -> Judgement:
    """Record that `left` and `right` are the same entity; findings then group them as one.

    Refused when they already are one, or when an active "different" judgement stands
    between their groups (split that one first).
    """
    return _judge(store, left, right, user, reason, kind, "same")


def distinguish(
    store: Store, left: str, right: str, user: str, reason: str, kind: str = "actor"
) -> Judgement:
    """Record that `left` and `right` are different entities (a merge between them is refused)."""
    return _judge(store, left, right, user, reason, kind, "different")


def split(store: Store, judgement_id: int, user: str, note: str | None = None) -> Judgement:
    """Retract a judgement (undo a merge or a distinction); the row stays, marked retracted."""
    user = check_user(user)
    with write_session(store) as session:
        row = session.get(JudgementTable, judgement_id)
        if row is None:
            raise UsageError(f"judgement {judgement_id}: no such judgement")
        if row.retracted_at is not None:
            raise UsageError(
                f"judgement {judgement_id}: already retracted by {row.retracted_by} "
                f"at {row.retracted_at:%Y-%m-%d %H:%M} UTC"
            )
        row.retracted_at, row.retracted_by = utcnow(), user
        session.flush()
        judgement = judgement_record(row)
        add_audit(
            session, user=user, action="split", target_type="judgement",
            target_id=str(row.id), before={"retracted_at": None, "retracted_by": None},
            after={"retracted_at": row.retracted_at.isoformat(), "retracted_by": user}, note=note,
        )  # fmt: skip
    log.info("judgement %d (%s %s %s) retracted by %s", judgement.id, *_pair(judgement), user)
    return judgement


def list_judgements(
    store: Store, *, active_only: bool = False, entity_id: str | None = None
) -> list[Judgement]:
    """Judgements, oldest first; optionally only active ones, or only those naming an id."""
    query = select(JudgementTable).order_by(JudgementTable.id)
    if active_only:
        query = query.where(JudgementTable.retracted_at.is_(None))
    if entity_id is not None:
        query = query.where(
            or_(JudgementTable.left_id == entity_id, JudgementTable.right_id == entity_id)
        )
    with read_session(store) as session:
        return [judgement_record(row) for row in session.scalars(query)]


def load_resolver(store: Store) -> Resolver:
    """A Resolver over every judgement in the store (retracted ones are ignored by it)."""
    return Resolver(list_judgements(store))


def canonical_id(store: Store, entity_id: str) -> str:
    """The canonical id for `entity_id`, following active "same" judgements."""
    return load_resolver(store).canonical(entity_id)


def query_canonical_claims(
    store: Store,
    *,
    type: str | None = None,
    supplier: str | None = None,
    recipient: str | None = None,
    category: str | None = None,
    since: str | None = None,
    until: str | None = None,
    hedge: str | None = None,
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredClaim]:
    """`Store.query_claims` with actor ids replaced by canonical ones (analysts' merges).

    Supplier and recipient match by canonical id, so asking for one member of a merged group
    finds the claims of every member; the other filters work as in `Store.query_claims`.
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise UsageError(f"limit and offset must not be negative (got {limit}, {offset})")
    resolver = load_resolver(store)
    wanted = (resolver.canonical_or_none(supplier), resolver.canonical_or_none(recipient))
    stored = store.query_claims(
        type=type, category=category, since=since, until=until, hedge=hedge, doc=doc
    )
    found = [
        claim
        for claim in canonical_claims(stored, resolver)
        if (wanted[0] is None or claim.supplier == wanted[0])
        and (wanted[1] is None or claim.recipient == wanted[1])
    ]
    return found[offset:] if limit is None else found[offset : offset + limit]


def judgement_record(row: JudgementTable) -> Judgement:
    return Judgement(
        id=row.id, at=row.at, user=row.user, left_id=row.left_id, right_id=row.right_id,
        kind=row.kind, verdict=row.verdict, reason=row.reason,
        retracted_at=row.retracted_at, retracted_by=row.retracted_by,
    )  # fmt: skip


def entity_id(store: Store, kind: str, text: str) -> str:
    """The id an analyst means by `text`: a gazetteer entry, a vessel key, or an id in claims.

    Unknown or ambiguous names are a UsageError that lists the candidates.
    """
    if kind not in ENTITY_KINDS:
        raise UsageError(f"kind: {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
    text = (text or "").strip()
    if not text:
        raise UsageError(f"an empty {kind} id cannot be judged")
    if kind == "vessel":
        key = vessel_key(text.removeprefix("vessel:"))
        if key is None:
            raise UsageError(f"{text!r}: not a vessel name or IMO number")
        return key
    found = gazetteer_ids(text, kind)
    if len(found) == 1:
        return found[0]
    if not found and text in _ids_in_claims(store, kind):
        return text
    if found:
        raise UsageError(f"{kind} {text!r} is ambiguous: it names {', '.join(found)}; use an id")
    candidates = [c.id for c in resolve_name(text, kind, limit=5)]
    hint = f"; did you mean {', '.join(candidates)}?" if candidates else ""
    raise UsageError(f"{kind} {text!r} is neither in the gazetteer nor in any stored claim{hint}")


def _judge(
    store: Store, left: str, right: str, user: str, reason: str, kind: str, verdict: str
) -> Judgement:
    user = check_user(user)
    if not (reason or "").strip():
        raise UsageError("reason: say why (it is kept with the judgement)")
    left_id, right_id = entity_id(store, kind, left), entity_id(store, kind, right)
    if left_id == right_id:
        raise UsageError(f"{left!r} and {right!r} are the same id {left_id!r}")
    with write_session(store) as session:
        query = select(JudgementTable).order_by(JudgementTable.id)
        resolver = Resolver([judgement_record(row) for row in session.scalars(query)])
        _refuse_contradiction(resolver, left_id, right_id, verdict)
        row = JudgementTable(
            at=utcnow(), user=user, left_id=left_id, right_id=right_id, kind=kind,
            verdict=verdict, reason=reason.strip(),
        )  # fmt: skip
        session.add(row)
        session.flush()
        judgement = judgement_record(row)
        action = "merge" if verdict == "same" else "distinguish"
        add_audit(
            session, user=user, action=action, target_type="judgement", target_id=str(row.id),
            before=None, after=_audit_value(judgement), note=judgement.reason,
        )  # fmt: skip
    log.info("judgement %d: %s %s %s (%s)", judgement.id, *_pair(judgement), user)
    return judgement


def _refuse_contradiction(resolver: Resolver, left: str, right: str, verdict: str) -> None:
    if verdict == "same":
        if resolver.same(left, right):
            raise UsageError(
                f"{left} and {right} are already one entity ({resolver.canonical(left)})"
            )
        blocking = resolver.conflicts(left, right)
        if blocking:
            ids = ", ".join(str(j.id) for j in blocking)
            raise UsageError(
                f"{left} and {right} were judged different (judgement {ids}); split it first"
            )
    elif resolver.same(left, right):
        merged = [
            str(j.id) for j in resolver.judgements if j.active and j.verdict == "same"
            and {j.left_id, j.right_id} & set(resolver.members(left))
        ]  # fmt: skip
        raise UsageError(
            f"{left} and {right} are merged (judgement {', '.join(merged)}); split it first"
        )


def _audit_value(judgement: Judgement) -> dict[str, Any]:
    keys = ("left_id", "right_id", "kind", "verdict", "reason")
    return {key: getattr(judgement, key) for key in keys}


def _pair(judgement: Judgement) -> tuple[str, str, str]:
    verdict = "=" if judgement.verdict == "same" else "≠"
    return judgement.left_id, verdict, judgement.right_id


def _ids_in_claims(store: Store, kind: str) -> set[str]:
    """Ids the stored claims use for `kind` (actors may be outside the gazetteer)."""
    found: set[str] = set()
    with read_session(store) as session:
        if kind == "actor":
            columns = (ClaimTable.supplier, ClaimTable.recipient, ClaimTable.seized_by)
            for column in columns:
                found.update(v for v in session.scalars(select(column).distinct()) if v)
            for via in session.scalars(select(ClaimTable.via)):
                found.update(via or ())
        elif kind == "item":
            query = select(ClaimTable.item_designation).distinct()
            found.update(v for v in session.scalars(query) if v)
    return found

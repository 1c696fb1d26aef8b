"""Canonical ids from analyst judgements: union-find over the active "same" decisions.

Why pure and in memory: findings, exports and the claims listing all need the same answer to
"which entity is this id really?", computed from the judgements table in one read. The
representative of a group is deterministic: the smallest gazetteer id in it if there is one
(so a merged group keeps a known name), else the smallest id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from armstrace.gazetteer import Gazetteer, load_gazetteer
from armstrace.store import StoredClaim


@dataclass(frozen=True)
class Judgement:
    """An analyst's decision that two ids are the same entity (or not); retracted by a split."""

    id: int
    at: datetime
    user: str
    left_id: str
    right_id: str
    kind: str
    verdict: str
    reason: str
    retracted_at: datetime | None = None
    retracted_by: str | None = None

    @property
    def active(self) -> bool:
        return self.retracted_at is None

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict (times as ISO 8601)."""
        record = dataclasses.asdict(self)
        record["at"] = self.at.isoformat()
        record["retracted_at"] = self.retracted_at.isoformat() if self.retracted_at else None
        record["active"] = self.active
        return record


def gazetteer_entity_ids(gazetteer: Gazetteer | None = None) -> frozenset[str]:
    """Every id the gazetteer knows: actor ids, place names, weapon designations."""
    gaz = gazetteer or load_gazetteer()
    return frozenset(
        [*gaz.actors, *(place.name for place in gaz.places), *(w.designation for w in gaz.weapons)]
    )


class Resolver:
    """Answers "which entity is this id?" from a set of judgements (active "same" ones count)."""

    def __init__(
        self, judgements: Iterable[Judgement] = (), *, known_ids: frozenset[str] | None = None
    ) -> None:
        self._parent: dict[str, str] = {}
        self._known = known_ids if known_ids is not None else gazetteer_entity_ids()
        self.judgements = tuple(judgements)
        for judgement in self.judgements:
            if judgement.active and judgement.verdict == "same":
                self._union(judgement.left_id, judgement.right_id)
        self._canonical = {node: self._pick(node) for node in self._parent}

    def canonical(self, entity_id: str) -> str:
        """The group's representative; an id nobody merged is its own."""
        return self._canonical.get(entity_id, entity_id)

    def canonical_or_none(self, entity_id: str | None) -> str | None:
        return None if entity_id is None else self.canonical(entity_id)

    def members(self, entity_id: str) -> list[str]:
        """Every id in the same group, sorted (just the id itself when unmerged)."""
        if entity_id not in self._parent:
            return [entity_id]
        root = self._find(entity_id)
        return sorted(node for node in self._parent if self._find(node) == root)

    def same(self, left: str, right: str) -> bool:
        return left == right or self.canonical(left) == self.canonical(right)

    def conflicts(self, left: str, right: str) -> list[Judgement]:
        """Active "different" judgements that merging `left` and `right` would overrule."""
        left_group, right_group = set(self.members(left)), set(self.members(right))
        joined = left_group | right_group
        return [
            judgement
            for judgement in self.judgements
            if judgement.active
            and judgement.verdict == "different"
            and {judgement.left_id, judgement.right_id} <= joined
            and not {judgement.left_id, judgement.right_id} <= left_group
            and not {judgement.left_id, judgement.right_id} <= right_group
        ]

    def _find(self, node: str) -> str:
        root = node
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[node] != root:
            self._parent[node], node = root, self._parent[node]
        return root

    def _union(self, left: str, right: str) -> None:
        for node in (left, right):
            self._parent.setdefault(node, node)
        a, b = self._find(left), self._find(right)
        if a != b:
            self._parent[max(a, b)] = min(a, b)

    def _pick(self, node: str) -> str:
        group = self.members(node)
        known = [member for member in group if member in self._known]
        return min(known) if known else min(group)


def canonical_claims(claims: Iterable[StoredClaim], resolver: Resolver) -> list[StoredClaim]:
    """The claims with actor ids (supplier, recipient, via, seized_by) and item designations
    replaced by their canonical ids; everything else, the id included, unchanged.
    """
    out = []
    for claim in claims:
        out.append(
            dataclasses.replace(
                claim,
                supplier=resolver.canonical_or_none(claim.supplier),
                recipient=resolver.canonical_or_none(claim.recipient),
                via=tuple(resolver.canonical(actor) for actor in claim.via),
                seized_by=resolver.canonical_or_none(claim.seized_by),
                item_designation=resolver.canonical_or_none(claim.item_designation),
            )
        )
    return out

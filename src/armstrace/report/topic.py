"""What a briefing is about: a flow between two actors, one actor, or one kind of item.

Why a record of its own: the CLI, the web app's button and a notebook name a topic the same
way, and the brief's title, its claims and its context network all follow from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from armstrace.errors import UsageError
from armstrace.evaluate.score import normalise_actor
from armstrace.export.wording import actor_name
from armstrace.gazetteer import load_gazetteer
from armstrace.model.claim import CATEGORIES
from armstrace.store import StoredClaim


@dataclass(frozen=True)
class Topic:
    """Exactly one of: supplier and recipient (a flow), actor, or item (a category)."""

    supplier: str | None = None
    recipient: str | None = None
    actor: str | None = None
    item: str | None = None

    @classmethod
    def of(
        cls,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        actor: str | None = None,
        item: str | None = None,
    ) -> Topic:
        """A checked topic with actor ids normalised ("kp" → "KP"); UsageError otherwise."""
        pair = supplier is not None or recipient is not None
        chosen = sum((pair, actor is not None, item is not None))
        if chosen != 1:
            raise UsageError(
                "a brief needs one topic: --supplier and --recipient, or --actor, or --item"
            )
        if pair and (supplier is None or recipient is None):
            raise UsageError("a flow needs both --supplier and --recipient")
        if item is not None and item not in CATEGORIES:
            raise UsageError(f"item: {item!r} is not a category ({', '.join(CATEGORIES)})")
        return cls(
            supplier=_actor(supplier),
            recipient=_actor(recipient),
            actor=_actor(actor),
            item=item,
        )

    @property
    def kind(self) -> str:
        """What the topic is: "flow", "actor" or "item"."""
        if self.supplier and self.recipient:
            return "flow"
        return "actor" if self.actor else "item"

    @property
    def title(self) -> str:
        """For headings: "North Korea → Russia", "Hezbollah", "Artillery ammunition"."""
        if self.kind == "flow":
            return f"{actor_name(self.supplier)} → {actor_name(self.recipient)}"
        if self.kind == "actor":
            return actor_name(self.actor)
        return (self.item or "").replace("_", " ").capitalize()

    @property
    def slug(self) -> str:
        """For file names: "KP-RU", "hezbollah", "artillery_ammunition"."""
        if self.kind == "flow":
            return f"{self.supplier}-{self.recipient}"
        return self.actor or self.item or "brief"

    @property
    def actors(self) -> tuple[str, ...]:
        """The actors the topic names (none for an item)."""
        found = (self.supplier, self.recipient) if self.kind == "flow" else (self.actor,)
        return tuple(actor_id for actor_id in found if actor_id)

    def matches(self, claim: StoredClaim) -> bool:
        """Whether a claim is about the topic (a flow's claims go from supplier to recipient)."""
        if self.kind == "flow":
            return claim.supplier == self.supplier and claim.recipient == self.recipient
        if self.kind == "actor":
            return self.actor in _parties(claim)
        return claim.item_category == self.item

    def touches(self, claim: StoredClaim) -> bool:
        """Whether a claim belongs in the topic's context network (any topic actor takes part)."""
        if self.kind == "item":
            return self.matches(claim)
        return any(actor_id in _parties(claim) for actor_id in self.actors)

    def select(self, claims: Iterable[StoredClaim]) -> list[StoredClaim]:
        return [claim for claim in claims if self.matches(claim)]


def _parties(claim: StoredClaim) -> tuple[str, ...]:
    found = (claim.supplier, claim.recipient, *claim.via, claim.seized_by)
    return tuple(actor_id for actor_id in found if actor_id)


def _actor(value: str | None) -> str | None:
    """The gazetteer's id for what was typed ("kp" → "KP", "nato" → "NATO"), else normalised."""
    if value is None:
        return None
    known = load_gazetteer().actors
    for candidate in (value, value.upper(), value.lower()):
        if candidate in known:
            return candidate
    return normalise_actor(value) or value

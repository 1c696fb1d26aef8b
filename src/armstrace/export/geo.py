"""Where a claim's flow runs: points for actors and for the places its evidence names.

Why capitals: a state is a country, not a point, so it stands at its capital (the gazetteer's
`data/countries.yml`, which the workbench map uses too), and a group at its country
(`country`, else the first state it is listed beside). A named place in the same country as a
party (the port of Rajin for North Korea) replaces the capital: the line then starts or ends
where the text says. Places are found in the evidence with the extractor's phrase matching.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import cast

from armstrace.export.wording import actor_kind
from armstrace.gazetteer import Place, load_gazetteer
from armstrace.nlp.phrases import PhraseIndex
from armstrace.store import StoredClaim


@dataclass(frozen=True)
class GeoPoint:
    """A named point; `kind` is a place kind, or "capital" for a state's stand-in."""

    name: str
    kind: str
    country: str
    lon: float
    lat: float


def actor_country(actor_id: str | None) -> str | None:
    """The state an actor stands in: itself for a state, else its country or first state."""
    if not actor_id:
        return None
    actor = load_gazetteer().actors.get(actor_id)
    if actor is None:
        return None
    if actor.kind == "state":
        return actor.id
    candidates = [actor.country, *actor.see]
    return next((c for c in candidates if c and actor_kind(c) == "state"), None)


def actor_point(actor_id: str | None) -> GeoPoint | None:
    """The capital of the actor's state, or None when it has no known place."""
    country = actor_country(actor_id)
    return _capitals().get(country) if country else None


def places_in(text: str) -> list[GeoPoint]:
    """Gazetteer places with coordinates named in `text`, in order of first mention."""
    found: dict[str, GeoPoint] = {}
    for _start, _end, _form, value in _place_index().find(text):
        place = cast(Place, value)
        found.setdefault(place.name, _point(place))
    return list(found.values())


def claim_places(claim: StoredClaim) -> list[GeoPoint]:
    """The places a claim's evidence and facility name."""
    points = places_in(claim.evidence_text)
    if claim.facility:
        for place in load_gazetteer().lookup_place(claim.facility):
            if place.lat is not None and place.lon is not None:
                points.append(_point(place))
    return list({point.name: point for point in points}.values())


def claim_route(claim: StoredClaim) -> list[GeoPoint]:
    """Origin, transit points, destination; empty when either end has no place.

    Named places stand for the party of their country; named places of other countries
    become transit points in the order the text gives them, after the `via` actors.
    """
    named = claim_places(claim)
    used: set[str] = set()

    def place_for(actor_id: str | None) -> GeoPoint | None:
        country = actor_country(actor_id)
        for point in named:
            if point.country == country and point.name not in used:
                used.add(point.name)
                return point
        return actor_point(actor_id)

    origin = place_for(claim.supplier)
    destination = place_for(claim.recipient)
    if origin is None or destination is None or claim.type in ("production",):
        return []
    transit = [p for p in (place_for(actor_id) for actor_id in claim.via) if p]
    parties = {actor_country(a) for a in (claim.supplier, claim.recipient, *claim.via)}
    transit += [p for p in named if p.name not in used and p.country not in parties]
    route = [origin, *transit, destination]
    return [p for i, p in enumerate(route) if i == 0 or _where(p) != _where(route[i - 1])]


def _where(point: GeoPoint) -> tuple[float, float]:
    return point.lon, point.lat


def _point(place: Place) -> GeoPoint:
    return GeoPoint(place.name, place.kind, place.country, place.lon or 0.0, place.lat or 0.0)


@functools.cache
def _place_index() -> PhraseIndex:
    """Every name and alias of the places with coordinates; a hit's value is its Place."""
    places = [p for p in load_gazetteer().places if p.lat is not None and p.lon is not None]
    return PhraseIndex(
        ((name, p) for p in places for name in (p.name, *p.aliases)), lower=True, group="places"
    )


@functools.cache
def _capitals() -> dict[str, GeoPoint]:
    """State id → its capital as a point."""
    return {
        code: GeoPoint(capital.name, "capital", code, capital.lon, capital.lat)
        for code, capital in load_gazetteer().capitals.items()
    }

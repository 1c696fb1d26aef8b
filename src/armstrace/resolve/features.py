"""Match features: each compares two mentions and says how alike they are, and why.

Why `(score, reason)`: an analyst must be able to see why two names were proposed as one
entity before merging them (nomenklatura's explainable features). A score is 0..1; None
means the feature has nothing to compare (no IMO number on one side, an unknown place).
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz

from armstrace.gazetteer import Gazetteer, compact, load_gazetteer, normalise
from armstrace.model.vocab import ENTITY_KINDS
from armstrace.resolve.vessels import find_imo, vessel_key

Feature = tuple[float | None, str]
"""(score 0..1 or None when not comparable, a reason an analyst can read)."""

KINDS = ENTITY_KINDS


def compare_ids(left: str, right: str) -> Feature:
    """The same id, exactly (ids are case-sensitive: "KP" is not "kp")."""
    if left == right:
        return 1.0, f"same id {left!r}"
    return 0.0, f"different ids {left!r} and {right!r}"


def gazetteer_ids(name: str, kind: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """The gazetteer entries a name or id stands for: actor ids, place names, designations."""
    gaz = gazetteer or load_gazetteer()
    if kind == "actor":
        by_id = {actor_id.casefold(): actor_id for actor_id in gaz.actors}
        exact = by_id.get(name.strip().casefold())
        return [exact] if exact else gaz.lookup_actor(name)
    if kind == "place":
        return sorted({place.name for place in gaz.lookup_place(name)})
    if kind == "item":
        return sorted({weapon.designation for weapon in gaz.lookup_weapon(name)})
    return []


def compare_aliases(
    left: str, right: str, kind: str, gazetteer: Gazetteer | None = None
) -> Feature:
    """Both names are listed for the same gazetteer entry ("NIS" and "National Intelligence
    Service"); 0 when each is listed but for different entries; None when either is unlisted.
    """
    left_ids = gazetteer_ids(left, kind, gazetteer)
    right_ids = gazetteer_ids(right, kind, gazetteer)
    if not left_ids or not right_ids:
        unknown = left if not left_ids else right
        return None, f"{unknown!r} is not in the gazetteer as a {kind}"
    shared = sorted(set(left_ids) & set(right_ids))
    if shared:
        return 1.0, f"both are names of {kind} {', '.join(shared)}"
    return 0.0, (f"{left!r} names {', '.join(left_ids)} but {right!r} names {', '.join(right_ids)}")


def compare_names(left: str, right: str) -> Feature:
    """Fuzzy similarity of the normalised names: rapidfuzz token-set ratio, tempered.

    Token-set alone scores a name inside a longer one as 100 ("Korea" in "North Korea"), so
    the score is the mean of token-set and plain ratio; the reason shows both.
    """
    a, b = normalise(left), normalise(right)
    if not a or not b:
        return None, "an empty name cannot be compared"
    token_set = fuzz.token_set_ratio(a, b)
    plain = fuzz.ratio(a, b)
    score = round((token_set + plain) / 200, 3)
    return score, f"name similarity {score:.2f} (token-set {token_set:.0f}, plain {plain:.0f})"


def compare_designations(left: str, right: str) -> Feature:
    """Weapon designations compared without spaces and hyphens ("KN-23" vs "KN 23")."""
    a, b = compact(left), compact(right)
    if not a or not b:
        return None, "an empty designation cannot be compared"
    if a == b:
        return 1.0, f"same designation once spaces and hyphens are ignored ({a})"
    score = round(fuzz.ratio(a, b) / 100, 3)
    return score, f"designation similarity {score:.2f}"


def compare_imo(left: str, right: str) -> Feature:
    """IMO numbers (given as "imo:NNNNNNN" keys or written in the names) are equal or not."""
    left_imo, right_imo = _imo(left), _imo(right)
    if left_imo is None or right_imo is None:
        return None, "an IMO number is known for at most one of the two"
    if left_imo == right_imo:
        return 1.0, f"same IMO number {left_imo}"
    return 0.0, f"different IMO numbers {left_imo} and {right_imo}"


def compare_vessel_names(left: str, right: str) -> Feature:
    """Vessel names equal once "MV", "M/V", "the" and case are set aside."""
    a, b = vessel_key(_name_part(left)), vessel_key(_name_part(right))
    if a is None or b is None or a.startswith("imo:") or b.startswith("imo:"):
        return None, "no vessel name on one side"
    if a == b:
        return 1.0, f"same vessel name ({a.removeprefix('vessel:')})"
    return compare_names(a.removeprefix("vessel:"), b.removeprefix("vessel:"))


def compare_countries(left: str, right: str, gazetteer: Gazetteer | None = None) -> Feature:
    """Places: both in the same country (a port and a city of one state can be one place)."""
    gaz = gazetteer or load_gazetteer()
    left_countries = {place.country for place in gaz.lookup_place(left)}
    right_countries = {place.country for place in gaz.lookup_place(right)}
    if not left_countries or not right_countries:
        return None, "the country of one of the places is unknown"
    shared = sorted(left_countries & right_countries)
    if shared:
        return 1.0, f"both in {', '.join(shared)}"
    return 0.0, (
        f"in different countries ({', '.join(sorted(left_countries))} vs "
        f"{', '.join(sorted(right_countries))})"
    )


def compare(
    left: str, right: str, kind: str, gazetteer: Gazetteer | None = None
) -> dict[str, Feature]:
    """Every feature that applies to `kind`, by feature name."""
    features: dict[str, Callable[[], Feature]] = {"id": lambda: compare_ids(left, right)}
    if kind == "vessel":
        features["imo"] = lambda: compare_imo(left, right)
        features["vessel_name"] = lambda: compare_vessel_names(left, right)
    else:
        features["alias"] = lambda: compare_aliases(left, right, kind, gazetteer)
        if kind == "item":
            features["designation"] = lambda: compare_designations(left, right)
        else:
            features["name"] = lambda: compare_names(left, right)
        if kind == "place":
            features["country"] = lambda: compare_countries(left, right, gazetteer)
    return {name: feature() for name, feature in features.items()}


def _imo(text: str) -> str | None:
    if text.startswith("imo:"):
        return text.removeprefix("imo:")
    return find_imo(text)


def _name_part(text: str) -> str:
    return text.removeprefix("vessel:")

"""Independent sources: who really asserts a claim, and how many distinct voices a finding has.

Why this matters: two articles quoting the same NIS briefing are one source, not two. The
Admiralty code's "confirmed by another source" is only worth something when the sources are
independent, so every claim is traced to the body that asserts it: its `source` field
("South Korea's NIS", "NIS (via Yonhap)", "Reuters, citing the NIS") with relays set aside,
resolved through the gazetteer; where no source is stated, the document's publisher. The
credibility rule below is deliberately simple and explains itself in its reason string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from armstrace.gazetteer import Gazetteer, load_gazetteer, normalise
from armstrace.gazetteer.index import NameHit
from armstrace.resolve.candidates import contained_actors
from armstrace.resolve.resolver import Resolver
from armstrace.store import StoredClaim

ASSERTING_KINDS = ("agency", "body", "media", "company")
"""Gazetteer actors that speak for themselves; a state speaks through its government."""
GOVERNMENT_HEADS = frozenset({
    "officials", "official", "government", "authorities", "military", "army", "navy", "force",
    "forces", "intelligence", "ministry", "minister", "president", "spokesman", "spokesperson",
    "spokeswoman", "diplomats", "diplomat", "embassy", "envoy", "ambassador", "customs",
    "guard", "police", "prosecutors", "court", "administration", "lawmakers", "leader",
})  # fmt: skip
"""After a demonym these make the phrase a state's voice ("South Korean officials")."""
GENERIC_WORDS = frozenset({
    "a", "an", "the", "in", "its", "it", "they", "he", "she", "officials", "sources",
    "experts", "analysts", "observers", "diplomats", "authorities", "investigators",
    "witnesses", "residents", "reports", "report", "media", "outlet", "finding", "one", "some",
    "other", "others", "several", "people",
})  # fmt: skip
"""Words that never make a phrase a nameable body ("Officials", "In its hold they")."""
RELIABLE = ("A", "B")
_RELAY_IN_PARENS = re.compile(
    r"\(\s*(?:via|through|quoted (?:on|by|in)|as reported by|reported by)\s+([^)]*)\)", re.I
)
_RELAY_AFTER = re.compile(
    r"^(.*?)[,\s]+(?:via|as reported by|reported by|quoted (?:on|by|in))\s+(.+)$", re.I
)
_CITING = re.compile(r"^(.*?),?\s+(?:citing|quoting)\s+(.+)$", re.I)
_PARENS = re.compile(r"\([^)]*\)?")
_LEAD = re.compile(r"^\s*(?:according to|as reported by|per|citing)\s+", re.I)


@dataclass(frozen=True)
class Attribution:
    """Who asserts one claim: a canonical source key, a label, and how it was decided."""

    key: str
    label: str
    kind: str
    country: str | None
    relays: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Source:
    """One independent source of a finding, with everything that was traced to it."""

    key: str
    label: str
    reliability: str | None
    documents: tuple[str, ...]
    claims: tuple[str, ...]
    relays: tuple[str, ...]
    reasons: tuple[str, ...]
    supporting: bool
    """False when every claim traced to this source denies the finding."""


def split_relays(source: str) -> tuple[list[str], list[str]]:
    """The asserting parts of a `source` text and the relays that passed them on.

    "NIS (via Yonhap)" -> (["NIS"], ["Yonhap"]); "Reuters, citing the NIS" -> (["the NIS"],
    ["Reuters"]); "UN Panel of Experts (cargo); Israel (end user)" -> two asserting parts.
    """
    asserted: list[str] = []
    relays: list[str] = []
    for part in source.split(";"):
        relays.extend(m.strip() for m in _RELAY_IN_PARENS.findall(part))
        part = _LEAD.sub("", _RELAY_IN_PARENS.sub(" ", part)).strip(" ,")
        citing = _CITING.match(part)
        if citing:
            relays.append(citing.group(1).strip(" ,"))
            part = citing.group(2)
        after = _RELAY_AFTER.match(part)
        if after:
            relays.append(after.group(2).strip(" ,"))
            part = after.group(1)
        part = _LEAD.sub("", part).strip(" ,")
        if part:
            asserted.append(" ".join(part.split()))
    return asserted, [r for r in relays if r]


def resolve_body(text: str, gazetteer: Gazetteer | None = None) -> Attribution | None:
    """The gazetteer body a phrase names, preferring agencies, bodies and media over states.

    A state counts only by name ("South Korea said") or as a demonym before a government word
    ("South Korean officials"); "a North Korean defector" is not North Korea's voice. Weak or
    ambiguous forms count only when a state named in the same phrase settles them ("South
    Korean Defense Ministry" -> kr-mnd). None when nothing fits.
    """
    gaz = gazetteer or load_gazetteer()
    mentions = contained_actors(text, gaz)
    words = set(normalise(text).split())
    states = {
        hit.actor_id
        for mention in mentions
        for hit in mention.hits
        if gaz.actors[hit.actor_id].kind == "state" and hit.strength != "weak"
    }
    best: tuple[tuple[int, int, int], str, NameHit] | None = None
    for mention in mentions:
        for hit in _settled(mention.hits, states, gaz):
            actor = gaz.actors[hit.actor_id]
            if actor.kind == "state" and hit.strength == "demonym" and not words & GOVERNMENT_HEADS:
                continue
            rank = (
                0 if actor.kind in ASSERTING_KINDS else 1 if actor.kind == "group" else 2,
                -mention.length,
                mention.start,
            )
            if best is None or rank < best[0]:
                best = (rank, mention.text, hit)
    if best is None:
        return None
    _rank, form, hit = best
    actor = gaz.actors[hit.actor_id]
    country = actor.id if actor.kind == "state" else actor.country
    reason = f"{text!r} names {actor.name} ({actor.kind}) through {form!r}"
    return Attribution(actor.id, actor.name, actor.kind, country, (), reason)


def publisher_key(publisher: str, gazetteer: Gazetteer | None = None) -> tuple[str, str]:
    """(source key, label) for a publisher name: its gazetteer id when it is a known outlet
    or body ("Reuters" -> "reuters"), else "publisher:<normalised name>".
    """
    gaz = gazetteer or load_gazetteer()
    text = publisher.strip()
    if text in gaz.actors:
        return text, gaz.actors[text].name
    found = [a for a in gaz.lookup_actor(text) if gaz.actors[a].kind in ASSERTING_KINDS]
    if len(found) == 1:
        return found[0], gaz.actors[found[0]].name
    return f"publisher:{normalise(text)}", text


def attribute(
    source: str | None,
    publisher: str | None,
    stem: str,
    *,
    resolver: Resolver | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Attribution]:
    """The bodies asserting one claim (usually one), each with a canonical key and a reason."""
    gaz = gazetteer or load_gazetteer()
    found: list[Attribution] = []
    asserted, relays = split_relays(source or "")
    for part in asserted:
        # a note in parentheses ("(cargo)", "(NIS)", a court case) is read only if needed
        bare = " ".join(_PARENS.sub(" ", part).split())
        body = resolve_body(bare, gaz) or resolve_body(part, gaz) or _named(bare)
        if body is None:
            continue
        found.append(_with(body, resolver, tuple(relays)))
    if found:
        return found
    for relay in relays:  # "a media outlet (via Yonhap)": the relay is all we can name
        body = resolve_body(relay, gaz)
        if body is not None:
            why = f"{source!r} names no body of its own; counted as its relay {body.label}"
            return [_with(Attribution(body.key, body.label, body.kind, body.country, (), why),
                          resolver, ())]  # fmt: skip
    if publisher:
        key, label = publisher_key(publisher, gaz)
        why = (
            f"{source!r} names no known body; counted as the publisher {label}"
            if source
            else f"no source stated; the publisher {label} is the source"
        )
        return [_with(Attribution(key, label, "publisher", None, (), why), resolver, ())]
    why = f"no source stated and no publisher; the document {stem} stands alone"
    return [Attribution(f"document:{stem}", stem, "document", None, (), why)]


def fold_state_voices(attributions: Iterable[Attribution]) -> dict[str, str]:
    """Key -> key it is counted with: a state's generic voice ("South Korean officials", KR)
    joins that state's own agency when the finding also cites one (kr-nis), because the two
    cannot be told apart. Several agencies of the state: the smallest id takes it.
    """
    items = list(attributions)
    agencies: dict[str, list[str]] = {}
    for item in items:
        if item.kind in ASSERTING_KINDS and item.country:
            agencies.setdefault(item.country, []).append(item.key)
    return {
        item.key: min(agencies[item.key])
        for item in items
        if item.kind == "state" and item.key in agencies
    }


def count_sources(
    traced: Iterable[tuple[StoredClaim, Attribution]], grades: Mapping[str, str]
) -> list[Source]:
    """The independent sources behind (claim, attribution) pairs, by key, with their grades.

    Two documents whose claims trace to the same key are one source; a state's generic voice
    is folded into its agency (`fold_state_voices`).
    """
    pairs = list(traced)
    folded = fold_state_voices(found for _claim, found in pairs)
    merged: dict[str, list[tuple[StoredClaim, Attribution]]] = {}
    for claim, found in pairs:
        merged.setdefault(folded.get(found.key, found.key), []).append((claim, found))
    sources = []
    for key, items in sorted(merged.items()):
        labels = [found.label for _c, found in items if found.key == key] or [items[0][1].label]
        reasons = list(dict.fromkeys(found.reason for _c, found in items))
        if any(found.key != key for _c, found in items):
            reasons.append("a state's generic voice is counted with its own agency here")
        sources.append(
            Source(
                key=key,
                label=labels[0],
                reliability=grades.get(key),
                documents=tuple(sorted({claim.doc for claim, _f in items})),
                claims=tuple(dict.fromkeys(claim.id for claim, _f in items)),
                relays=tuple(sorted({relay for _c, found in items for relay in found.relays})),
                reasons=tuple(reasons),
                supporting=any(claim.hedge != "denied" for claim, _f in items),
            )
        )
    return sources


def suggest_credibility(sources: Iterable[Source], denials: int = 0) -> tuple[int, str]:
    """Admiralty credibility (1..6) suggested from independent sources; (value, reason).

    The rule: 2 "probably true" with at least two independent sources graded A or B, or three
    of any grade; 3 "possibly true" with two; a single source: 3 if graded A/B, 4 "doubtful"
    if C, 5 "improbable" if D/E, 6 "cannot be judged" if F or ungraded. Only denials: 5.
    Claims that deny the finding lower the value one step. 1 "confirmed" is never suggested:
    that is the analyst's call.
    """
    supporting = [s for s in sources if s.supporting]
    count = len(supporting)
    reliable = [s for s in supporting if s.reliability in RELIABLE]
    if count == 0:
        return 5, "improbable: every source denies it"
    if count >= 2 and len(reliable) >= 2:
        value, reason = 2, f"probably true: {count} independent sources, {len(reliable)} graded A/B"
    elif count >= 3:
        value, reason = 2, f"probably true: {count} independent sources"
    elif count == 2:
        value, reason = 3, "possibly true: 2 independent sources, fewer than 2 graded A/B"
    else:
        value, reason = _single(supporting[0])
    if denials:
        value = min(6, value + 1)
        verb = "claims deny" if denials > 1 else "claim denies"
        reason += f"; one step lower: {denials} {verb} it"
    return value, reason


def source_reliability(
    grades: Mapping[str, str | None], gazetteer: Gazetteer | None = None
) -> dict[str, str]:
    """Publisher grades (as stored: names or gazetteer ids) by source key."""
    out: dict[str, str] = {}
    for name, grade in grades.items():
        if grade:
            out[publisher_key(name, gazetteer)[0]] = grade
    return out


def _single(source: Source) -> tuple[int, str]:
    grade = source.reliability
    label = f"a single source ({source.label}, graded {grade or 'nothing'})"
    if grade in RELIABLE:
        return 3, f"possibly true: {label}"
    if grade == "C":
        return 4, f"doubtful: {label}"
    if grade in ("D", "E"):
        return 5, f"improbable: {label}"
    return 6, f"cannot be judged: {label}"


def _settled(hits: Iterable[NameHit], states: set[str], gaz: Gazetteer) -> list[NameHit]:
    """Hits of one mention that can be used: strong and unambiguous, or settled by a state."""
    hits = list(hits)
    ids = {hit.actor_id for hit in hits}
    in_context = [
        h for h in hits if h.actor_id in states or gaz.actors[h.actor_id].country in states
    ]
    if len(ids) == 1 and hits[0].strength != "weak":
        return hits[:1]
    return in_context[:1] if len({h.actor_id for h in in_context}) == 1 else []


def _named(part: str) -> Attribution | None:
    """A body the gazetteer does not know, kept by its name when the phrase looks like one."""
    words = [w for w in part.split() if w.casefold() not in ("a", "an", "the")]
    if not words or len(words) > 6:
        return None
    head = words[0]
    if not head[:1].isupper() or head.casefold() in GENERIC_WORDS:
        return None  # a name starts with a capital: not "took apart downed Shaheds"
    key = normalise(" ".join(words))
    reason = f"{part!r} is not in the gazetteer; kept as a named source"
    return Attribution(f"name:{key}", part, "name", None, (), reason)


def _with(body: Attribution, resolver: Resolver | None, relays: tuple[str, ...]) -> Attribution:
    key = resolver.canonical(body.key) if resolver is not None else body.key
    return Attribution(key, body.label, body.kind, body.country, relays, body.reason)

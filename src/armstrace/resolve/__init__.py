"""Entity resolution: mentions to canonical actors, items, places and vessels.

    from armstrace.resolve import resolve_name, merge, split, canonical_id
    resolve_name("Hizbolla")            # [Candidate("hezbollah", 0.85, ...)]: ranked, never a guess
    merge(store, "MV Francop", "imo:9203863", "ana", "same hull", kind="vessel")

Features explain every score (`features.py`); judgements are append-only (`judgements.py`).
"""

from armstrace.resolve.candidates import Candidate, Mention, contained_actors, resolve_name
from armstrace.resolve.features import KINDS, Feature, compare
from armstrace.resolve.judgements import (
    canonical_id,
    distinguish,
    entity_id,
    list_judgements,
    load_resolver,
    merge,
    query_canonical_claims,
    split,
)
from armstrace.resolve.resolver import Judgement, Resolver, canonical_claims
from armstrace.resolve.vessels import imo_is_valid, vessel_key

__all__ = [
    "KINDS",
    "Candidate",
    "Feature",
    "Judgement",
    "Mention",
    "Resolver",
    "canonical_claims",
    "canonical_id",
    "compare",
    "contained_actors",
    "distinguish",
    "entity_id",
    "imo_is_valid",
    "list_judgements",
    "load_resolver",
    "merge",
    "query_canonical_claims",
    "resolve_name",
    "split",
    "vessel_key",
]

"""`ftm`: FollowTheMoney entities, one JSON object a line, as Aleph and `ftm` tools load them.

What maps to what: states → `PublicBody` (their government, with the country as jurisdiction),
groups, bodies, agencies, media and companies → `Organization`; named ships → `Vessel`, named
aircraft → `Airplane`; documents → `Document`; each claim → an `Event` (a `Trip` when it names
the vessel or aircraft) with the supplier as organiser, the other parties as involved, and
`proof` pointing at its document; `UnknownLink`s spell out each party's role (supplier,
recipient, transit, seized by). Ids are readable and derived from actor ids, names, stems and
claim ids (`armstrace-claim-<id>`), so a re-export replaces rather than duplicates entities.
Rejected claims are left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import IO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from armstrace.export.dataset import ExportDocument, ExportSet
from armstrace.export.wording import (
    CREDIBILITY_WORDS,
    TYPE_VERBS,
    actor_kind,
    actor_name,
    claim_summary,
    flow_text,
    item_text,
)
from armstrace.gazetteer import load_gazetteer
from armstrace.store import StoredClaim

PREFIX = "armstrace"
_VEHICLES = {"ship": "Vessel", "aircraft": "Airplane"}


def entity_id(kind: str, key: str) -> str:
    """`armstrace-<kind>-<slug>`: readable, stable, and safe in URLs."""
    slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "unnamed"
    return f"{PREFIX}-{kind}-{slug}"


def build_entities(export: ExportSet) -> list[EntityProxy]:
    """Every entity of the export, sorted by id."""
    entities: dict[str, EntityProxy] = {}

    def keep(entity: EntityProxy) -> str:
        key = str(entity.id)
        if key in entities:
            entities[key].merge(entity)
        else:
            entities[key] = entity
        return key

    for claim in export.accepted:
        proof = keep(_document(export.document(claim)))
        parties = _parties(claim)
        for actor_id in dict.fromkeys(actor for _, actor in parties):
            keep(_actor(actor_id, proof))
        vehicle = _vehicle(claim, proof)
        if vehicle is not None:
            keep(vehicle)
        event = keep(_event(claim, export.document(claim), proof, vehicle))
        for role, actor_id in parties:
            keep(_link(claim, role, actor_id, event, proof))
    return [entities[key] for key in sorted(entities)]


def write(export: ExportSet, fh: IO[str]) -> None:
    """One entity per line, keys sorted."""
    for entity in build_entities(export):
        fh.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")


def _parties(claim: StoredClaim) -> list[tuple[str, str]]:
    """(role, actor id) for everyone the claim names, in a fixed order."""
    found = [("supplier", claim.supplier), ("recipient", claim.recipient)]
    found += [("transit", actor_id) for actor_id in claim.via]
    found.append(("seized by", claim.seized_by))
    return [(role, actor_id) for role, actor_id in found if actor_id]


def _actor(actor_id: str, proof: str) -> EntityProxy:
    kind = actor_kind(actor_id)
    entity = model.make_entity("PublicBody" if kind == "state" else "Organization")
    entity.id = entity_id("actor", actor_id)
    entity.add("name", actor_name(actor_id))
    actor = load_gazetteer().actors.get(actor_id)
    if actor is not None:
        entity.add("alias", [name for name in actor.names if name != actor.name])
        entity.add("wikidataId", actor.qid)
    if kind == "state":
        entity.add("jurisdiction", actor_id.lower())
        entity.add("country", actor_id.lower())
    elif actor is not None and actor.country:
        entity.add("country", actor.country.lower())
    entity.add("proof", proof)
    return entity


def _vehicle(claim: StoredClaim, proof: str) -> EntityProxy | None:
    schema = _VEHICLES.get(claim.conveyance_kind or "")
    if schema is None or not claim.conveyance_name:
        return None
    entity = model.make_entity(schema)
    entity.id = entity_id(schema.lower(), claim.conveyance_name)
    entity.add("name", claim.conveyance_name)
    entity.add("proof", proof)
    return entity


def _document(document: ExportDocument) -> EntityProxy:
    entity = model.make_entity("Document")
    entity.id = entity_id("doc", document.stem)
    entity.add("title", document.label)
    entity.add("fileName", document.source.rsplit("/", 1)[-1])
    entity.add("publisher", document.publisher)
    entity.add("publishedAt", document.published)
    entity.add("sourceUrl", document.url)
    # contentHash is a SHA-1 in FtM; ours is a SHA-256, so it is not carried over.
    return entity


def _event(
    claim: StoredClaim, document: ExportDocument, proof: str, vehicle: EntityProxy | None
) -> EntityProxy:
    entity = model.make_entity("Trip" if vehicle is not None else "Event")
    entity.id = entity_id("claim", claim.id)
    item = item_text(claim)
    entity.add("name", f"{flow_text(claim)}: {TYPE_VERBS.get(claim.type, claim.type)}"
               + (f" of {item}" if item else ""))  # fmt: skip
    entity.add("summary", claim_summary(claim))
    entity.add("description", claim.evidence_text)
    when = claim.when
    if isinstance(when, str):
        entity.add("date", when)
    elif when:
        entity.add("startDate", when.get("start"))
        entity.add("endDate", when.get("end"))
    if claim.supplier:
        entity.add("organizer", entity_id("actor", claim.supplier))
    others = [claim.recipient, *claim.via, claim.seized_by]
    entity.add("involved", [entity_id("actor", a) for a in dict.fromkeys(others) if a])
    entity.add("country", _countries([claim.supplier, claim.recipient, *claim.via]))
    if vehicle is not None:
        entity.add("vehicle", vehicle.id)
    entity.add("keywords", [k for k in (claim.type, claim.item_category, claim.hedge) if k])
    entity.add("notes", _curation(claim))
    entity.add("proof", proof)
    entity.add("publisher", document.publisher)
    entity.add("sourceUrl", document.url)
    entity.add("recordId", claim.id)
    return entity


def _link(claim: StoredClaim, role: str, actor_id: str, event: str, proof: str) -> EntityProxy:
    entity = model.make_entity("UnknownLink")
    entity.id = entity_id("link", f"{claim.id}-{role}-{actor_id}")
    entity.add("subject", entity_id("actor", actor_id))
    entity.add("object", event)
    entity.add("role", role)
    entity.add("proof", proof)
    return entity


def _countries(actor_ids: Iterable[str | None]) -> list[str]:
    return [a.lower() for a in dict.fromkeys(actor_ids) if a and actor_kind(a) == "state"]


def _curation(claim: StoredClaim) -> str | None:
    parts = []
    if claim.curation_status != "extracted":
        parts.append(f"Analyst: {claim.curation_status}.")
    if claim.credibility:
        words = CREDIBILITY_WORDS.get(claim.credibility, "")
        parts.append(f"Credibility {claim.credibility} ({words}).")
    return " ".join(parts) or None

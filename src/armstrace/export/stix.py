"""`stix`: a STIX 2.1 bundle built with the `stix2` library.

What maps to what:
- each actor → an `identity` (states also get a `location` and a `located-at` relationship);
- each claim with a giver and a receiver → a `relationship` (supplies-arms-to, ships-arms-to,
  supports) whose external reference quotes the evidence; other claims → a `note`;
- each document → a `report` of the objects its claims produced;
- analyst judgements → an `opinion` per curated claim, and a `note` per audit entry.
Confidence comes from credibility by the STIX 2.1 Admiralty mapping (appendix A). Ids are
hashes of claim ids, actor ids and document stems, and timestamps come from the data, so a
re-export yields the same objects and a consumer deduplicates them. Rejected claims are left
out: a STIX consumer would take a relationship as an assertion.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import IO, Any

import stix2

from armstrace.export.dataset import ExportDocument, ExportSet
from armstrace.export.wording import (
    TYPE_VERBS,
    actor_kind,
    actor_name,
    claim_summary,
    date_bounds,
)
from armstrace.gazetteer import load_gazetteer
from armstrace.store import StoredClaim
from armstrace.store.curation import AuditEntry

ID_SALT = b"armstrace.stix.v1"
"""Hashed with each key into a deterministic id (changing it changes every id)."""
REFERENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
"""`created` of objects that describe reference data (actors, countries), not events."""
RELATIONSHIP_TYPES = {
    "transfer": "supplies-arms-to",
    "interdiction": "ships-arms-to",
    "support": "supports",
}
CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
"""STIX 2.1 appendix A: Admiralty credibility → confidence; 6 ("cannot be judged") → none."""
OPINIONS = {"confirmed": "strongly-agree", "edited": "agree", "rejected": "strongly-disagree"}
_IDENTITY_CLASS = {"group": "group"}
_SECTORS = {"state": ["government"], "agency": ["government"], "body": ["government"]}


def stix_id(kind: str, key: str) -> str:
    """A deterministic STIX id: `kind--` and a UUID of version-4 form made from a hash.

    STIX 2.1 asks for version-4 UUIDs on domain objects; taking the bits from a SHA-256 of
    the key instead of a random source keeps that form and makes the id reproducible.
    """
    digest = hashlib.sha256(ID_SALT + f"\0{kind}\0{key}".encode()).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


def build_bundle(export: ExportSet) -> stix2.Bundle:
    """The bundle: every object sorted by id, the bundle id derived from their ids."""
    objects: dict[str, Any] = {}
    per_document: dict[int, list[str]] = defaultdict(list)
    times: dict[int, list[datetime]] = defaultdict(list)
    for claim in export.accepted:
        actors = _actors(claim)
        for actor_id in actors:
            for obj in _actor_objects(actor_id):
                objects.setdefault(obj.id, obj)
        audit = export.audit.get(claim.id, ())
        main = _claim_object(claim, export.document(claim), audit)
        objects[main.id] = main
        refs = [main.id, *(stix_id("identity", actor_id) for actor_id in actors)]
        for obj in _judgements(claim, main.id, audit):
            objects[obj.id] = obj
            refs.append(obj.id)
        per_document[claim.document_id].extend(refs)
        times[claim.document_id].extend([main.created, main.modified])
    for document_id, refs in per_document.items():
        document = export.documents.get(document_id) or _stand_in(export, document_id)
        report = _report(document, refs, min(times[document_id]), max(times[document_id]))
        objects[report.id] = report
    ordered = [objects[key] for key in sorted(objects)]
    bundle_key = "\n".join(sorted(objects))
    return stix2.Bundle(*ordered, id=stix_id("bundle", bundle_key), allow_custom=False)


def write(export: ExportSet, fh: IO[str]) -> None:
    """The bundle as indented JSON."""
    fh.write(build_bundle(export).serialize(pretty=True) + "\n")


def _actors(claim: StoredClaim) -> list[str]:
    found = [claim.supplier, claim.recipient, *claim.via, claim.seized_by]
    return list(dict.fromkeys(actor_id for actor_id in found if actor_id))


def _actor_objects(actor_id: str) -> list[Any]:
    kind = actor_kind(actor_id)
    references = [{"source_name": "armstrace", "external_id": actor_id}]
    actor = load_gazetteer().actors.get(actor_id)
    if actor and actor.qid:
        references.append(
            {
                "source_name": "wikidata",
                "external_id": actor.qid,
                "url": f"https://www.wikidata.org/wiki/{actor.qid}",
            }
        )
    identity = stix2.Identity(
        id=stix_id("identity", actor_id),
        created=REFERENCE_EPOCH,
        modified=REFERENCE_EPOCH,
        name=actor_name(actor_id),
        identity_class=_IDENTITY_CLASS.get(kind, "organization" if actor else "unknown"),
        sectors=_SECTORS.get(kind),
        external_references=references,
    )
    if kind != "state":
        return [identity]
    location = stix2.Location(
        id=stix_id("location", actor_id),
        created=REFERENCE_EPOCH,
        modified=REFERENCE_EPOCH,
        name=actor_name(actor_id),
        country=actor_id,
    )
    located = stix2.Relationship(
        id=stix_id("relationship", f"located-at:{actor_id}"),
        created=REFERENCE_EPOCH,
        modified=REFERENCE_EPOCH,
        relationship_type="located-at",
        source_ref=identity.id,
        target_ref=location.id,
    )
    return [identity, location, located]


def _claim_object(claim: StoredClaim, document: ExportDocument, audit: Sequence[AuditEntry]) -> Any:
    """A relationship for a flow between two actors, else a note about the actors named."""
    created = claim.extracted_at
    modified = max([created, *(entry.at for entry in audit)])
    common: dict[str, Any] = {
        "created": created,
        "modified": modified,
        "labels": [label for label in (claim.type, claim.item_category, claim.hedge) if label],
        "external_references": [_evidence(claim, document)],
    }
    confidence = CONFIDENCE.get(claim.credibility) if claim.credibility else None
    if confidence is not None:
        common["confidence"] = confidence
    kind = RELATIONSHIP_TYPES.get(claim.type)
    if kind and claim.supplier and claim.recipient:
        start, stop = date_bounds(claim.when)
        if start and stop and stop <= start:
            start = stop = None
        return stix2.Relationship(
            id=stix_id("relationship", claim.id),
            relationship_type=kind,
            source_ref=stix_id("identity", claim.supplier),
            target_ref=stix_id("identity", claim.recipient),
            description=claim_summary(claim),
            start_time=start,
            stop_time=stop,
            **common,
        )
    refs = [stix_id("identity", actor_id) for actor_id in _actors(claim)]
    return stix2.Note(
        id=stix_id("note", claim.id),
        abstract=f"{TYPE_VERBS.get(claim.type, claim.type)} claim",
        content=f"{claim_summary(claim)}\n\nEvidence: \u201c{claim.evidence_text}\u201d",
        object_refs=refs or [stix_id("report", document.stem)],
        **common,
    )


def _evidence(claim: StoredClaim, document: ExportDocument) -> dict[str, str]:
    """The external reference that cites the claim's sentence in its document."""
    reference = {
        "source_name": document.label,
        "description": claim.evidence_text,
        "external_id": f"{document.stem}:{claim.evidence_start}-{claim.evidence_end}",
    }
    if document.url:
        reference["url"] = document.url
    return reference


def _judgements(claim: StoredClaim, target: str, audit: Sequence[AuditEntry]) -> list[Any]:
    """An opinion for a curated claim's status, a note for each audit entry."""
    found: list[Any] = []
    opinion = OPINIONS.get(claim.curation_status)
    if opinion:
        last = audit[-1] if audit else None
        at = last.at if last else claim.extracted_at
        found.append(
            stix2.Opinion(
                id=stix_id("opinion", claim.id),
                created=at,
                modified=at,
                opinion=opinion,
                authors=[last.user] if last else None,
                explanation=(
                    last.note
                    if last and last.note
                    else f"Claim {claim.curation_status} by an analyst."
                ),
                object_refs=[target],
            )
        )
    for entry in audit:
        change = f"{entry.user} — {entry.action}: {entry.before!r} → {entry.after!r}"
        found.append(
            stix2.Note(
                id=stix_id("note", f"{claim.id}:audit:{entry.at.isoformat()}:{entry.action}"),
                created=entry.at,
                modified=entry.at,
                abstract=f"analyst {entry.action}",
                content=f"{change}\n{entry.note}" if entry.note else change,
                authors=[entry.user],
                object_refs=[target],
            )
        )
    return found


def _report(
    document: ExportDocument, refs: list[str], created: datetime, modified: datetime
) -> Any:
    published = date_bounds(document.published)[0] if document.published else None
    labels = [f"reliability-{document.reliability}"] if document.reliability else None
    reference = {"source_name": document.publisher or "armstrace", "external_id": document.stem}
    if document.url:
        reference["url"] = document.url
    return stix2.Report(
        id=stix_id("report", document.stem),
        created=created,
        modified=modified,
        name=document.label,
        published=published or created,
        report_types=["threat-report"],
        description=f"Published by {document.publisher}." if document.publisher else None,
        labels=labels,
        object_refs=sorted(set(refs)),
        external_references=[reference],
    )


def _stand_in(export: ExportSet, document_id: int) -> ExportDocument:
    claim = next(claim for claim in export.claims if claim.document_id == document_id)
    return export.document(claim)

"""`geojson`: flows as lines and the places they name as points (RFC 7946).

A flow is the claims that share a type, supplier, recipient, intermediaries and route; its
line runs from the origin through the transit points to the destination (see `geo.py` for
where each party stands). Points are the ports, crossings, airfields and factories the claims
name, each with the claims that name it. Coordinates are [longitude, latitude] in WGS 84,
rounded to 4 decimals (about 10 m); a line that crosses the antimeridian is cut there into a
MultiLineString, as RFC 7946 section 3.1.9 asks. Rejected claims are left out.
"""

from __future__ import annotations

import json
from collections import defaultdict
from itertools import pairwise
from typing import IO, Any

from armstrace.export.dataset import ExportSet
from armstrace.export.geo import GeoPoint, claim_places, claim_route
from armstrace.export.wording import actor_name, quantity_text, when_text
from armstrace.gazetteer import POINT_KINDS
from armstrace.store import StoredClaim

PRECISION = 4


def build_collection(export: ExportSet) -> dict[str, Any]:
    """The FeatureCollection: flows (sorted by parties and route), then points (by name)."""
    flows: dict[tuple[Any, ...], list[StoredClaim]] = defaultdict(list)
    routes: dict[tuple[Any, ...], list[GeoPoint]] = {}
    places: dict[str, tuple[GeoPoint, list[StoredClaim]]] = {}
    for claim in export.accepted:
        route = claim_route(claim)
        if route:
            key = (claim.type, claim.supplier, claim.recipient, claim.via, *route)
            flows[key].append(claim)
            routes[key] = route
        for point in claim_places(claim):
            if point.kind in POINT_KINDS:
                places.setdefault(point.name, (point, []))[1].append(claim)
    features = [
        _flow_feature(routes[key], claims, export)
        for key, claims in sorted(flows.items(), key=lambda item: _sort_key(item[0]))
    ]
    features += [_place_feature(point, claims) for _, (point, claims) in sorted(places.items())]
    return {"type": "FeatureCollection", "features": features}


def write(export: ExportSet, fh: IO[str]) -> None:
    """The collection as indented JSON, keys sorted."""
    fh.write(json.dumps(build_collection(export), ensure_ascii=False, indent=1, sort_keys=True))
    fh.write("\n")


def _sort_key(key: tuple[Any, ...]) -> tuple[str, ...]:
    kind, supplier, recipient, via, *route = key
    return (kind, supplier or "", recipient or "", ",".join(via), *(p.name for p in route))


def _flow_feature(
    route: list[GeoPoint], claims: list[StoredClaim], export: ExportSet
) -> dict[str, Any]:
    first = claims[0]
    properties: dict[str, Any] = {
        "feature": "flow",
        "type": first.type,
        "supplier": first.supplier,
        "supplier_name": actor_name(first.supplier),
        "recipient": first.recipient,
        "recipient_name": actor_name(first.recipient),
        "via": list(first.via),
        "route": [point.name for point in route],
        "claims": len(claims),
        "claim_ids": sorted(claim.id for claim in claims),
        "documents": sorted({export.document(claim).stem for claim in claims}),
        "categories": sorted({c.item_category for c in claims if c.item_category}),
        "hedges": sorted({c.hedge for c in claims if c.hedge}),
        "quantities": sorted({q for q in (quantity_text(c) for c in claims) if q}),
        "periods": sorted({w for w in (when_text(c.when) for c in claims) if w}),
    }
    return {"type": "Feature", "geometry": _line(route), "properties": properties}


def _place_feature(point: GeoPoint, claims: list[StoredClaim]) -> dict[str, Any]:
    properties = {
        "feature": "place",
        "name": point.name,
        "kind": point.kind,
        "country": point.country,
        "claims": len(claims),
        "claim_ids": sorted({claim.id for claim in claims}),
    }
    geometry = {"type": "Point", "coordinates": _position(point.lon, point.lat)}
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _position(lon: float, lat: float) -> list[float]:
    return [round(lon, PRECISION), round(lat, PRECISION)]


def _line(route: list[GeoPoint]) -> dict[str, Any]:
    """A LineString, or a MultiLineString cut where a segment crosses the antimeridian.

    A segment crosses it when going the short way round means passing ±180°: its longitudes
    differ by more than 180°.
    """
    parts: list[list[list[float]]] = [[_position(route[0].lon, route[0].lat)]]
    for before, after in pairwise(route):
        if abs(after.lon - before.lon) > 180:
            edge = 180.0 if before.lon > 0 else -180.0
            shifted = after.lon + (360 if edge > 0 else -360)
            share = (edge - before.lon) / (shifted - before.lon)
            lat = before.lat + share * (after.lat - before.lat)
            parts[-1].append(_position(edge, lat))
            parts.append([_position(-edge, lat)])
        parts[-1].append(_position(after.lon, after.lat))
    if len(parts) == 1:
        return {"type": "LineString", "coordinates": parts[0]}
    return {"type": "MultiLineString", "coordinates": parts}

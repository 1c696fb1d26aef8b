"""Country centroids for the map, computed from the world-atlas TopoJSON the map draws.

Why compute them: flows are drawn between countries, and the basemap already holds every
country's outline; the centroid of its largest polygon is a stable place for an arrow's end.
Countries are matched to gazetteer states by name (the TopoJSON carries names, not ISO
alpha-2 codes); names that match no state are left out and logged.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from armstrace.gazetteer import Gazetteer

log = logging.getLogger(__name__)

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute (lon, lat) coordinates of every arc (quantised, delta-encoded in the file)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    """The ring's points, longitudes unwrapped so a ring crossing 180° stays continuous."""
    ring: list[Point] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    unwrapped: list[Point] = []
    for lon, lat in ring:
        if unwrapped:
            previous = unwrapped[-1][0]
            while lon - previous > 180:
                lon -= 360
            while previous - lon > 180:
                lon += 360
        unwrapped.append((lon, lat))
    return unwrapped


def ring_centroid(ring: list[Point]) -> tuple[float, Point]:
    """(absolute area, centroid) of a closed ring, by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def country_centroids(topology: dict[str, Any], layer: str = "countries") -> dict[str, Point]:
    """TopoJSON country name → (lon, lat) of the centroid of its largest polygon."""
    arcs = decode_arcs(topology)
    result: dict[str, Point] = {}
    for geometry in topology["objects"][layer]["geometries"]:
        name = (geometry.get("properties") or {}).get("name")
        kind = geometry.get("type")
        polygons = geometry.get("arcs") or []
        if not name or kind not in ("Polygon", "MultiPolygon"):
            continue
        if kind == "Polygon":
            polygons = [polygons]
        best = max((ring_centroid(_ring(arcs, polygon[0])) for polygon in polygons), default=None)
        if best is not None:
            lon, lat = best[1]
            result[name] = ((lon + 180) % 360 - 180, lat)
    return result


def state_centroids(topology_path: Path, gazetteer: Gazetteer) -> dict[str, Point]:
    """Gazetteer state id → (lon, lat), for the states the basemap draws."""
    return dict(_state_centroids(topology_path, gazetteer))


@lru_cache(maxsize=4)
def _state_centroids(topology_path: Path, gazetteer: Gazetteer) -> tuple[tuple[str, Point], ...]:
    if not topology_path.is_file():
        log.warning(
            "%s is missing (run `npm ci`): flows cannot be placed on the map", topology_path
        )
        return ()
    topology = json.loads(topology_path.read_text(encoding="utf-8"))
    found: dict[str, Point] = {}
    for name, point in country_centroids(topology).items():
        states = [i for i in gazetteer.lookup_actor(name) if gazetteer.actors[i].kind == "state"]
        if len(states) == 1:
            found.setdefault(states[0], point)
        else:
            log.debug("basemap country %r matches states %s: left out", name, states)
    return tuple(sorted(found.items()))


def actor_location(actor_id: str, gazetteer: Gazetteer, centroids: dict[str, Point]) -> str | None:
    """The state an actor is drawn at: itself, its country, its parent, or a state it names."""
    actor = gazetteer.actors.get(actor_id)
    if actor_id in centroids:
        return actor_id
    if actor is None:
        return None
    for candidate in (actor.country, actor.parent, *actor.see):
        if candidate and candidate in centroids:
            return candidate
    return None

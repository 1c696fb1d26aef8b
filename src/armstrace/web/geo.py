"""Where the map draws a flow's ends: the capital of the state each actor stands for.

Why the gazetteer's capitals (data/countries.yml): the GeoJSON export draws states at the same
points, so the map and an exported file agree, and nothing depends on the basemap's shapes.
"""

from __future__ import annotations

from armstrace.gazetteer import Capital, Gazetteer


def actor_location(actor_id: str, gazetteer: Gazetteer) -> Capital | None:
    """The capital an actor is drawn at: its own, its country's, its parent's or a named state's."""
    capitals = gazetteer.capitals
    if actor_id in capitals:
        return capitals[actor_id]
    actor = gazetteer.actors.get(actor_id)
    if actor is None:
        return None
    for candidate in (actor.country, actor.parent, *actor.see):
        if candidate and candidate in capitals:
            return capitals[candidate]
    return None

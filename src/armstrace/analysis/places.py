"""Ports, crossings and airfields named in a claim's evidence, placed on its chain.

Why only these kinds: they are where cargo changes hands or borders, so they can be
chokepoints; cities and factories name where things are, not how they move. A place stands
for its country (gazetteer convention), so it goes on the chain next to the actor of that
country: after the supplier or a transit state, before the recipient. A place whose
country is not on the chain is left out (logged): its role in the route is unknown.
"""

from __future__ import annotations

import logging
import re

from armstrace.gazetteer import Gazetteer, Place

log = logging.getLogger(__name__)

TRANSIT_KINDS = ("port", "rail_crossing", "border_crossing", "airfield")


def place_node(place: Place) -> str:
    """The graph node id of a place."""
    return f"place:{place.name}"


class PlaceFinder:
    """Finds transit places in text with one regex over every name and alias."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._by_form: dict[str, Place] = {}
        self._by_node: dict[str, Place] = {}
        for place in gazetteer.places:
            if place.kind not in TRANSIT_KINDS:
                continue
            self._by_node[place_node(place)] = place
            for form in (place.name, *place.aliases):
                self._by_form.setdefault(form.casefold(), place)
        forms = sorted(self._by_form, key=len, reverse=True)
        alternation = "|".join(re.escape(form) for form in forms) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)

    def place(self, node: str) -> Place:
        return self._by_node[node]

    def find(self, text: str) -> list[Place]:
        """Transit places named in `text`, first mention order, each once."""
        found: list[Place] = []
        for match in self._pattern.finditer(text):
            place = self._by_form.get(match.group(0).casefold())
            if place is not None and place not in found:
                found.append(place)
        return found

    def insert(self, chain: list[str], text: str) -> list[str]:
        """The chain with the places named in `text` next to the actor of their country."""
        found = self.find(text)
        if not found:
            return chain
        before: dict[int, list[str]] = {}
        after: dict[int, list[str]] = {}
        last = len(chain) - 1
        for place in found:
            if place.country in chain[:last]:
                after.setdefault(chain.index(place.country), []).append(place_node(place))
            elif place.country == chain[last]:
                before.setdefault(last, []).append(place_node(place))
            else:
                log.debug("%s (%s) is not on the chain %s", place.name, place.country, chain)
        result: list[str] = []
        for i, actor in enumerate(chain):
            result.extend(before.get(i, []))
            result.append(actor)
            result.extend(after.get(i, []))
        return result

"""The analyses behind the overview, network, actor, estimates and map pages, cached.

Why a cache: the network and the flow summaries are built from every claim in the store
(`armstrace.analysis.build_network`), which takes seconds at 100,000 claims. Results are
kept per query and thrown away as soon as the data change: every call first reads a cheap
version key (claim and document counts, newest document, newest audit entry).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func, select

from armstrace.analysis import (
    build_network,
    chokepoints,
    estimate_series,
    find_paths,
    summarise_flows,
)
from armstrace.auth.db import reading
from armstrace.store import Store
from armstrace.store.tables import ClaimTable
from armstrace.web.claim_filters import ClaimFilter
from armstrace.web.queries import (
    claims_by_ids,
    data_version,
    documents_by_id,
    find_claims,
    network_claims,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
CACHE_ENTRIES = 32
SYNC_REBUILD_S = 1.0
"""Builds slower than this are refreshed in the background, serving the previous result."""
MAX_FILTERED_CLAIMS = 20_000


@dataclass
class _Entry:
    version: Hashable
    value: Any
    seconds: float


class Insights:
    """Analyses of one store, each computed once per version of the data.

    A result that took long to build (the network of 100,000 claims) is not rebuilt while a
    request waits: after a change, the previous result is served while a background thread
    builds the new one (stale-while-revalidate). Quick results are rebuilt at once.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._gates: dict[Hashable, threading.Lock] = {}
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._refreshing: set[Hashable] = set()
        self._local = threading.local()
        self.builds: dict[str, float] = {}
        """Seconds the last build of each kind took (the benchmark reports cold times)."""

    def cached(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()` once per key and data version (see the class docstring for slow builds)."""
        version = data_version(self.store)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.version == version:
                self._entries.move_to_end(key)
                return entry.value  # type: ignore[no-any-return]
            if entry is not None and entry.seconds >= SYNC_REBUILD_S:
                if key not in self._refreshing:
                    self._refreshing.add(key)
                    threading.Thread(
                        target=self._refresh, args=(key, build, version), daemon=True
                    ).start()
                self._local.stale = True
                return entry.value  # type: ignore[no-any-return]
            gate = self._gates.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None and entry.version == version:
                    return entry.value  # type: ignore[no-any-return]
            return self._build(key, build, version)

    def warm(self) -> None:
        """Build the store-wide analyses ahead of the first request (run in a thread)."""
        try:
            self.flows(top=10)
            self.network(None, top=150, support=False)
        except Exception:  # a warm-up has no caller; the first request will report the error
            log.exception("warming the analyses failed")

    def _build(self, key: Hashable, build: Callable[[], T], version: Hashable) -> T:
        outer = getattr(self._local, "stale", False)
        self._local.stale = False
        started = time.perf_counter()
        try:
            value = build()
        finally:
            stale_inputs = self._local.stale
            self._local.stale = outer or stale_inputs
        seconds = time.perf_counter() - started
        self.builds[str(key[0] if isinstance(key, tuple) else key)] = seconds
        log.debug("built %r in %.2f s", key, seconds)
        with self._lock:
            # built from stale inputs: keep it, but let the next request build it again
            self._entries[key] = _Entry(None if stale_inputs else version, value, seconds)
            self._entries.move_to_end(key)
            while len(self._entries) > CACHE_ENTRIES:
                self._entries.popitem(last=False)
        return value

    def _refresh(self, key: Hashable, build: Callable[[], Any], version: Hashable) -> None:
        try:
            gate = self._gates.setdefault(key, threading.Lock())
            with gate:
                self._build(key, build, version)
        except Exception:  # a background rebuild has no caller: keep the old value, log
            log.exception("rebuilding %r failed", key)
        finally:
            with self._lock:
                self._refreshing.discard(key)

    # -- network ------------------------------------------------------------------------------

    def graph(self, filt: ClaimFilter | None = None, places: bool = False) -> Any:
        """The claim network (`build_network`) of all claims, or of those matching `filt`."""

        def build() -> Any:
            if filt is None or not filt.active():
                claims = network_claims(self.store)
            else:
                found = find_claims(self.store, filt, limit=MAX_FILTERED_CLAIMS).claims
                claims = [c for c in found if c.curation_status != "rejected"]
            return build_network(claims, places=places)

        return self.cached(("graph", filt, places), build)

    def network(self, filt: ClaimFilter | None, *, top: int, support: bool) -> dict[str, Any]:
        """Nodes and aggregated edges (one per actor pair) for the graph view."""
        key = ("network", filt, top, support)
        return self.cached(key, lambda: _network(self.graph(filt), top, support))

    def hop_claims(self, source: str, target: str, filt: ClaimFilter | None) -> list[str]:
        """Ids of the claims behind the hop source → target (all of them, support included)."""
        graph = self.graph(filt)
        if not graph.has_edge(source, target):
            return []
        return list(dict.fromkeys(d["claim"] for d in graph[source][target].values()))

    def paths(self, source: str, target: str, max_hops: int) -> list[dict[str, Any]]:
        """Routes source → target (`find_paths`), best evidenced first."""

        def build() -> list[dict[str, Any]]:
            found = find_paths(self.graph(), source, target, max_hops=max_hops)
            return [route.to_record() for route in found]

        return self.cached(("paths", source, target, max_hops), build)

    def flows(self, top: int = 10) -> list[dict[str, Any]]:
        """The largest stated flows (`summarise_flows`)."""

        def build() -> list[dict[str, Any]]:
            return [f.to_record() for f in summarise_flows(self.graph(), top=top)]

        return self.cached(("flows", top), build)

    def chokepoints(self, top: int = 10) -> list[dict[str, Any]]:
        """Nodes whose removal cuts the most stated flows (`chokepoints`)."""

        def build() -> list[dict[str, Any]]:
            return [c.to_record() for c in chokepoints(self.graph(), top=top)]

        return self.cached(("chokepoints", top), build)

    # -- estimates ----------------------------------------------------------------------------

    def estimates(
        self, supplier: str, recipient: str, unit: str | None, category: str | None
    ) -> dict[str, Any]:
        """`estimate_series` of one flow; only that flow's quantified claims are loaded."""

        def build() -> dict[str, Any]:
            with reading(self.store) as session:
                ids = list(
                    session.scalars(
                        select(ClaimTable.id).where(
                            ClaimTable.supplier == supplier,
                            ClaimTable.recipient == recipient,
                            ClaimTable.quantity_value.is_not(None),
                            ClaimTable.curation_status != "rejected",
                        )
                    )
                )
            claims = claims_by_ids(self.store, ids)
            documents = documents_by_id(self.store, [c.document_id for c in claims])
            series = estimate_series(
                claims, documents.values(), supplier, recipient, unit=unit, category=category
            )
            return series.to_record()

        return self.cached(("estimates", supplier, recipient, unit, category), build)

    def quantified_flows(self, limit: int = 50) -> list[dict[str, Any]]:
        """Flows with figures, most figures first: the choices of the estimates page."""

        def build() -> list[dict[str, Any]]:
            count = func.count().label("points")
            query = (
                select(ClaimTable.supplier, ClaimTable.recipient, ClaimTable.quantity_unit, count)
                .where(
                    ClaimTable.quantity_value.is_not(None),
                    ClaimTable.supplier.is_not(None),
                    ClaimTable.recipient.is_not(None),
                    ClaimTable.curation_status != "rejected",
                )
                .group_by(ClaimTable.supplier, ClaimTable.recipient, ClaimTable.quantity_unit)
                .order_by(count.desc(), ClaimTable.supplier, ClaimTable.recipient)
                .limit(limit)
            )
            with reading(self.store) as session:
                return [
                    {"supplier": s, "recipient": r, "unit": u, "points": n}
                    for s, r, u, n in session.execute(query)
                ]

        return self.cached(("quantified_flows", limit), build)


def _network(graph: Any, top: int, support: bool) -> dict[str, Any]:
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for a, b, data in graph.edges(data=True):
        if data.get("support") and not support:
            continue
        pair = pairs.setdefault(
            (a, b),
            {"claims": set(), "docs": set(), "categories": {}, "flow": False, "support": True},
        )
        pair["claims"].add(data["claim"])
        pair["docs"].add(data["doc"])
        category = data.get("category") or "unspecified"
        pair["categories"][category] = pair["categories"].get(category, 0) + 1
        pair["flow"] = pair["flow"] or bool(data.get("flow"))
        pair["support"] = pair["support"] and bool(data.get("support"))
    ranked = sorted(pairs.items(), key=lambda kv: (-len(kv[1]["claims"]), kv[0]))
    shown = ranked[:top]
    nodes = {n for (a, b), _ in shown for n in (a, b)}
    degree: dict[str, int] = {}
    for (a, b), pair in shown:
        for n in (a, b):
            degree[n] = degree.get(n, 0) + len(pair["claims"])
    return {
        "nodes": [
            {
                "id": n,
                "name": graph.nodes[n].get("name") or n,
                "kind": graph.nodes[n].get("kind"),
                "claims": degree.get(n, 0),
            }
            for n in sorted(nodes)
        ],
        "edges": [
            {
                "id": f"{a}->{b}",
                "source": a,
                "target": b,
                "claims": len(pair["claims"]),
                "documents": len(pair["docs"]),
                "categories": dict(sorted(pair["categories"].items(), key=lambda kv: -kv[1])),
                "kind": "flow" if pair["flow"] else ("support" if pair["support"] else "other"),
            }
            for (a, b), pair in shown
        ],
        "total_edges": len(pairs),
    }

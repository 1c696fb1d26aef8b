"""GraphML: networkx reads the file back with the claim counts and sources on the edges."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from armstrace.export import ExportSet, get_exporter

from .samples import SampleStore


def _read(export: ExportSet, tmp_path: Path) -> nx.DiGraph:
    path = tmp_path / "network.graphml"
    with path.open("w", encoding="utf-8") as fh:
        get_exporter("graphml").write(export, fh)
    graph = nx.read_graphml(path)
    assert isinstance(graph, nx.DiGraph)
    return graph


def test_graphml_reads_back_with_counts_and_sources(
    sample: SampleStore, sample_export: ExportSet, tmp_path: Path
) -> None:
    graph = _read(sample_export, tmp_path)
    edge = graph.edges["KP", "RU"]
    kept = [
        c for c in sample_export.claims
        if (c.supplier, c.recipient) == ("KP", "RU") and c.curation_status != "rejected"
    ]  # fmt: skip
    assert edge["weight"] == edge["claims"] == len(kept)
    assert sample.rejected not in edge["claim_ids"].split("; ")
    assert "Northeast Ledger" in edge["sources"].split("; ")
    assert "ledger_container_estimates" in edge["documents"].split("; ")
    assert graph.nodes["KP"]["label"] == "North Korea"
    assert graph.nodes["KP"]["kind"] == "state"


def test_graphml_edges_sum_to_the_claim_hops(sample_export: ExportSet, tmp_path: Path) -> None:
    graph = _read(sample_export, tmp_path)
    hops = sum(
        len(c.via) + 1
        for c in sample_export.accepted
        if c.supplier and c.recipient and c.supplier != c.recipient
    )
    claims_on_edges = sum(len(d["claim_ids"].split("; ")) for *_e, d in graph.edges(data=True))
    assert claims_on_edges == hops

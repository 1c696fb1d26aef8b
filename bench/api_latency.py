"""API latency: claims filters and search under 100 ms at p95, network, path and estimates
under 300 ms, on SQLite and on PostgreSQL (issue 7 asks for this at 1,000,000 claims).

    .venv/bin/python bench/api_latency.py                       # SQLite (a temporary file)
    .venv/bin/python bench/api_latency.py --pg postgresql://...  # and PostgreSQL
    pg_virtualenv sh -c '.venv/bin/python bench/api_latency.py --pg "postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE"'
    .venv/bin/python bench/api_latency.py --claims 1000000 --keep /tmp/bench-1m.db  # fill once

The store is filled by a seeded generator (documents with text in English, Korean and Russian,
claims with evidence spans inside them) and bulk-inserted. Requests go through the real app
(FastAPI, in process) with every query parameter the pages use. Each query is asked once to
warm up (the network is built from every claim and then cached until the data change; the
cold time is printed), then `--rounds` times. Exit code 1 when a p95 misses its target.

Filling a million claims takes minutes: `--keep FILE` (SQLite) and `--pg-schema NAME` keep the
filled store and reuse it when it already holds claims (it is migrated to head first, as the
app would). A kept store is reused as it is, whatever `--claims` says.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from armstrace.model.claim import CATEGORIES, HEDGES
from armstrace.store import open_store
from armstrace.store.db import make_engine, normalise_url
from armstrace.store.tables import ClaimTable, DocumentTable

REPO = Path(__file__).resolve().parents[1]
TARGETS_MS = {
    "claims filter": 100.0,
    "search": 100.0,
    "network": 300.0,
    "path": 300.0,
    "estimates": 300.0,
}

STATES = ["KP", "RU", "IR", "SY", "CN", "BY", "UA", "IL", "LB", "YE", "IQ", "SD", "LY", "ER",
          "MM", "PK", "AE", "TR", "EG", "VE"]  # fmt: skip
GROUPS = ["hezbollah", "hamas", "houthis", "wagner", "pij", "taliban", "al-shabaab", "ltte"]
SOURCES = ["NIS", "UN Panel of Experts", "US State Department", "IDF", "Reuters", "officials",
           "Conflict Armament Research", "Ukraine's GUR", None, None]  # fmt: skip
PUBLISHERS = ["Harbour Review", "Northeast Ledger", "Levant Quarterly", "Yonhap", "TASS",
              "Frontline Forensics Weekly", "Arms Monitor"]  # fmt: skip
WORDS = ["shipment", "cargo", "vessel", "port", "customs", "inspection", "rockets", "shells", "launcher", "rifles", "convoy", "border", "crossing", "officials", "report", "estimate", "containers", "tons", "aircraft", "railway", "depot"]  # fmt: skip
FOREIGN = [
    "북한은 러시아에 포탄을 보냈다",
    "снаряды для артиллерии",
    "حزب الله",
    "Hezbollah fighters",
]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    if rng.random() < 0.15:
        words.insert(rng.randint(0, len(words)), rng.choice(FOREIGN))
    return " ".join(words).capitalize() + "."


def generate(url: str, claims: int, per_document: int, seed: int) -> None:
    """Fill the store at `url` with `claims` claims in documents of `per_document` claims."""
    rng = random.Random(seed)
    engine = make_engine(url)
    actors = STATES + GROUPS
    weights = [12 if a in ("KP", "RU", "IR") else 3 for a in actors]
    now = datetime(2024, 6, 1, tzinfo=UTC)
    n_documents = claims // per_document
    with engine.begin() as connection:
        for first in range(0, n_documents, 500):
            documents, rows = [], []
            for d in range(first, min(first + 500, n_documents)):
                sentences = [_sentence(rng) for _ in range(per_document + 5)]
                body = " ".join(sentences)
                year = rng.randint(2000, 2025)
                documents.append({
                    "id": d + 1, "content_hash": uuid.UUID(int=rng.getrandbits(128)).hex * 2,
                    "stem": f"bench_{d:06d}", "source": f"/bench/{d}.txt", "format": "text",
                    "title": f"Report {d}: {sentences[0][:60]}", "publisher": rng.choice(PUBLISHERS),
                    "published": f"{year}-{rng.randint(1, 12):02d}", "text": body,
                    "ingested_at": now, "status": "ok",
                })  # fmt: skip
                at = 0
                for i, sentence in enumerate(sentences[:per_document]):
                    start = body.index(sentence, at)
                    at = start + len(sentence)
                    supplier, recipient = rng.choices(actors, weights, k=2)
                    if supplier == recipient:
                        recipient = "RU" if supplier != "RU" else "KP"
                    quantity = rng.random() < 0.3
                    when = f"{rng.randint(year - 3, year)}-{rng.randint(1, 12):02d}" if rng.random() < 0.7 else None  # fmt: skip
                    rows.append({
                        "id": f"b{d:07d}{i:04d}{rng.getrandbits(32):08x}", "document_id": d + 1,
                        "doc": f"bench_{d:06d}",
                        "type": rng.choices(["transfer", "interdiction", "support", "production"], [6, 2, 1, 1])[0],
                        "supplier": supplier, "recipient": recipient,
                        "via": [rng.choice(STATES)] if rng.random() < 0.1 else [],
                        "item_category": rng.choice(CATEGORIES), "item_designation": None,
                        "quantity_value": float(rng.randint(1, 40) * 250) if quantity else None,
                        "quantity_unit": rng.choice(["items", "containers", "tons"]) if quantity else None,
                        "quantity_qualifier": rng.choice(["exact", "approx", "at_least", "at_most"]) if quantity else None,
                        "when_json": when, "when_start": when, "when_end": when,
                        "source": rng.choice(SOURCES), "hedge": rng.choice(HEDGES),
                        "evidence_text": sentence, "evidence_start": start, "evidence_end": at,
                        "extractor_version": "bench", "extracted_at": now,
                        "credibility": rng.randint(1, 6) if rng.random() < 0.2 else None,
                        "curation_status": "extracted",
                    })  # fmt: skip
            connection.execute(insert(DocumentTable), documents)
            for chunk in range(0, len(rows), 5000):
                connection.execute(insert(ClaimTable), rows[chunk : chunk + 5000])
    if engine.dialect.name == "postgresql":
        # What autovacuum does after a bulk load, done now so that it does not run during the
        # measurement (it did, and three searches took 1.8 s while it read a million rows).
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE documents"))
            connection.execute(text("VACUUM ANALYZE claims"))
    engine.dispose()


QUERIES: dict[str, list[str]] = {
    "claims filter": [
        "/api/claims",
        "/api/claims?supplier=KP",
        "/api/claims?supplier=KP&recipient=RU&category=artillery_ammunition",
        "/api/claims?type=interdiction&hedge=confirmed",
        "/api/claims?actor=hezbollah",
        "/api/claims?item=rockets&since=2015&until=2020",
        "/api/claims?credibility_max=2&offset=500",
        "/api/claims?source=panel",
        "/api/claims?status=extracted&type=support&offset=2000",
        "/api/claims?q=Hezbollah&supplier=IR",
    ],
    "search": [
        "/api/search?q=북한",
        "/api/search?q=снаряды",
        "/api/search?q=Hezbollah%20fighters",
        "/api/search?q=railway%20depot",
        "/api/search?q=ab",
        "/api/search?q=nothing%20matches%20this",
    ],
    "network": [
        "/api/network",
        "/api/network?support=true&top=300",
        "/api/network/hop?from=KP&to=RU",
    ],
    "path": ["/api/network/paths?source=KP&target=hezbollah&max_hops=3"],
    "estimates": [
        "/api/estimates?supplier=KP&recipient=RU&unit=containers",
        "/api/estimates?supplier=IR&recipient=hezbollah",
        "/api/estimates/flows",
    ],
}


@dataclass
class Result:
    database: str
    group: str
    samples: list[float]
    cold_ms: float
    by_path: dict[str, list[float]]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[max(0, round(0.95 * len(ordered)) - 1)]

    @property
    def target(self) -> float:
        return TARGETS_MS[self.group]


def measure(url: str, label: str, rounds: int, groups: list[str] | None = None) -> list[Result]:
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from armstrace.web import WebSettings, create_app

    app = create_app(
        WebSettings(
            db_url=url, vendor_dir=REPO / "node_modules", upload_dir=Path(tempfile.gettempdir())
        )
    )
    client = TestClient(app)
    results = []
    for group, paths in QUERIES.items():
        if groups and group not in groups:
            continue
        cold = []
        for path in paths:
            started = time.perf_counter()
            response = client.get(path)
            cold.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(
                    f"{label} {path}: HTTP {response.status_code}: {response.text[:200]}"
                )
        samples: list[float] = []
        by_path: dict[str, list[float]] = {path: [] for path in paths}
        for _ in range(rounds):
            for path in paths:
                started = time.perf_counter()
                client.get(path)
                elapsed = (time.perf_counter() - started) * 1000
                samples.append(elapsed)
                by_path[path].append(elapsed)
        results.append(Result(label, group, samples, max(cold), by_path))
    app.state.store.close()
    return results


def _fresh_pg_schema(base: str) -> tuple[str, Any]:
    return _pg_schema(base, f"bench_{uuid.uuid4().hex[:12]}")


def _pg_schema(base: str, schema: str) -> tuple[str, Any]:
    """A URL whose search_path is `schema` (created if missing) and a function dropping it."""
    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    url = normalise_url(base).update_query_dict({"options": f"-csearch_path={schema}"})

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return url.render_as_string(hide_password=False), drop


def stored_claims(url: str) -> int:
    """How many claims the store at `url` holds (0 for a new one)."""
    store = open_store(url)
    try:
        return store.counts()["claims"]
    finally:
        store.close()


def fill(url: str, label: str, args: argparse.Namespace) -> None:
    """Generate the store's claims unless it already holds some (a kept store)."""
    held = stored_claims(url)
    if held:
        print(f"{label}: reusing {held:,} stored claims", file=sys.stderr)
        return
    started = time.perf_counter()
    generate(url, args.claims, args.per_document, args.seed)
    print(f"{label}: {args.claims:,} claims generated and inserted in {time.perf_counter() - started:.1f} s", file=sys.stderr)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--per-document", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=10, help="times each query is asked")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--detail", action="store_true", help="also print each query's p95")
    parser.add_argument(
        "--pg", default=os.environ.get("ARMSTRACE_BENCH_PG"), metavar="URL",
        help="PostgreSQL server to measure too (a schema is made and dropped)",
    )  # fmt: skip
    parser.add_argument(
        "--keep", type=Path, metavar="FILE",
        help="SQLite file to fill once and keep; reused when it already holds claims",
    )  # fmt: skip
    parser.add_argument(
        "--pg-schema", metavar="NAME",
        help="PostgreSQL schema to fill once and keep (instead of a temporary one)",
    )  # fmt: skip
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    parser.add_argument(
        "--only", action="append", choices=list(QUERIES), metavar="GROUP",
        help=f"measure only this group (repeatable): {', '.join(QUERIES)}",
    )  # fmt: skip
    args = parser.parse_args()
    targets: list[tuple[str, str, Any]] = []
    folder = tempfile.TemporaryDirectory(prefix="armstrace-bench-")
    if not args.no_sqlite:
        sqlite_file = args.keep or Path(folder.name) / "bench.db"
        targets.append(("sqlite", f"sqlite:///{sqlite_file}", None))
    if args.pg:
        if args.pg_schema:
            url, _drop = _pg_schema(args.pg, args.pg_schema)
            targets.append(("postgresql", url, None))
        else:
            targets.append(("postgresql", *_fresh_pg_schema(args.pg)))
    results: list[Result] = []
    try:
        for label, url, _drop in targets:
            fill(url, label, args)
            results += measure(url, label, args.rounds, args.only)
    finally:
        for _label, _url, drop in targets:
            if drop is not None:
                drop()
        folder.cleanup()
    header = f"{'database':<11} {'endpoints':<14} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'target':>7} {'p95/target':>10} {'cold ms':>8}  ok"
    print(header)
    print("-" * len(header))
    missed = 0
    for r in results:
        ok = r.p95 <= r.target
        missed += not ok
        print(f"{r.database:<11} {r.group:<14} {len(r.samples):>5} {r.p50:>8.1f} {r.p95:>8.1f} {r.target:>7.0f} {r.p95 / r.target:>10.2f} {r.cold_ms:>8.0f}  {'yes' if ok else 'NO'}")  # fmt: skip
    if args.detail:
        for r in results:
            for path, times in r.by_path.items():
                print(
                    f"  {r.database:<11} {max(times):>8.1f} ms max  {statistics.median(times):>7.1f} ms median  {path}"
                )
    if not args.pg:
        print("postgresql: not measured (give --pg URL or ARMSTRACE_BENCH_PG)")
    print(f"{missed} target(s) missed" if missed else "every target met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

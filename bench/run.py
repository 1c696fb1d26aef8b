"""The armstrace benchmark: throughput against spaCy's tokenizer, memory, query latency.

    .venv/bin/python bench/run.py            # full (make bench)
    .venv/bin/python bench/run.py --quick    # reduced, under two minutes (make bench-quick)
    ARMSTRACE_BENCH_PG=postgresql://... adds the PostgreSQL rows (make runs it in pg_virtualenv)

Every ratio compares figures measured in this run (the machine is shared and noisy). Ingest
rates are steady-state: from the first stored batch to the last, so pool and cluster start-up
(printed apart) do not count. Figures go to bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth

from armstrace.batch import IngestEvent
from armstrace.extract import load_extractor
from armstrace.scale import ingest_dask, ingest_stream
from armstrace.scale.writer import OFF_TOPIC
from armstrace.store import open_store

BENCH = Path(__file__).resolve().parent
SIZES: dict[str, dict[str, Any]] = {
    "quick": {"arms": 160, "mixed": 1000, "batch": 16, "rss": (1000, 4000), "claims": 20_000},
    "full": {
        "arms": 1200,
        "mixed": 6000,
        "batch": 32,
        "rss": (10_000, 100_000),
        "claims": 1_000_000,
    },
}


class Rates:
    """Steady-state rate of an ingest, from its events' arrival times."""

    def __init__(self, words: dict[str, int]) -> None:
        self.words = words
        self.times: list[float] = []
        self.sources: list[str] = []
        self.off_topic = 0  # stored without extraction: the prefilter found them off-topic

    def __call__(self, event: IngestEvent) -> None:
        self.times.append(time.perf_counter())
        self.sources.append(event.source)
        self.off_topic += (event.reason or "").startswith(OFF_TOPIC)

    def measure(self, started: float) -> dict[str, float]:
        first = self.times[0]
        # the events that arrived with the first one belong to the start-up
        skip = sum(1 for t in self.times if t - first < 1e-3)
        span = self.times[-1] - first
        docs = len(self.times) - skip
        words = sum(self.words[s] for s in self.sources[skip:])
        return {"docs": docs, "seconds": span, "articles_s": docs / span, "words_s": words / span,
                "startup_s": first - started, "off_topic": self.off_topic}  # fmt: skip


def tokenizer(texts: list[str]) -> tuple[float, dict[int, int]]:
    nlp = spacy.blank("en")
    started = time.perf_counter()
    counts = {i: len(nlp.make_doc(text)) for i, text in enumerate(texts)}
    return time.perf_counter() - started, counts


def corpus(
    folder: Path, count: int, share: float
) -> tuple[list[Path], list[str], dict[str, int], float]:
    paths = synth.write_corpus(folder, count, share)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    seconds, counts = tokenizer(texts)
    words = {str(p): counts[i] for i, p in enumerate(paths)}
    return paths, texts, words, sum(counts.values()) / seconds


def type_token(texts: list[str]) -> dict[str, float]:
    """The corpus's type/token ratio at the reference points and over all of it: the tokenizer
    baseline only means something on a vocabulary that grows like real news."""
    points = [*synth.REFERENCE_TTR, 100_000, 1_000_000]
    ratios = synth.type_token_ratios(synth.spacy_tokens(texts), points)
    return {str(n): ratio for n, ratio in ratios.items()}


def run_ingest(
    label: str,
    url: str,
    folder: Path,
    words: dict[str, int],
    call: Callable[..., Any],
    **kwargs: Any,
) -> dict[str, float]:
    rates = Rates(words)
    with open_store(url) as store:
        started = time.perf_counter()
        call([str(folder)], store, on_event=rates, **kwargs)
    result = rates.measure(started)
    print(
        f"  {label}: {result['articles_s']:.1f} articles/s, start-up {result['startup_s']:.1f} s",
        file=sys.stderr,
    )
    return result


PEAK_RSS_PROBE = """
import atexit, os, runpy, sys
def report():
    with open("/proc/self/status") as status, open(os.environ["ARMSTRACE_BENCH_HWM"], "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM:")).split()[1])
atexit.register(report)
sys.argv = ["armstrace", *sys.argv[1:]]
runpy.run_module("armstrace", run_name="__main__", alter_sys=True)
"""
"""Runs `armstrace` and writes its own peak RSS (KiB) at exit. Not `os.wait4`'s ru_maxrss: a
child started from this (large) process inherits its high-water mark at exec, so that figure
was the benchmark's own size, not the ingest's."""


def peak_rss(folder: Path, db: str) -> float:
    """Peak RSS (MiB) of `armstrace ingest` over `folder`, in a fresh process."""
    with tempfile.TemporaryDirectory() as scratch:
        report, errors = Path(scratch, "hwm"), Path(scratch, "stderr")
        with errors.open("wb") as stderr:
            done = subprocess.run(
                [sys.executable, "-c", PEAK_RSS_PROBE, "ingest", str(folder), "--db", db],
                stdout=subprocess.DEVNULL, stderr=stderr, check=False,
                env={**os.environ, "ARMSTRACE_BENCH_HWM": str(report)},
            )  # fmt: skip
        if done.returncode != 0:  # a failed run measures nothing
            tail = errors.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"armstrace ingest {folder} failed ({done.returncode}):\n{tail}")
        return int(report.read_text(encoding="ascii")) / 1024


def profile(extract: Callable[[], object]) -> str:
    profiler = cProfile.Profile()
    profiler.runcall(extract)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(15)
    return out.getvalue()


def latency(claims: int, pg: str | None, tmp: Path) -> list[dict[str, Any]]:
    import api_latency as api

    rows = []
    targets = [("sqlite", f"sqlite:///{tmp / 'latency.db'}", None)]
    if pg:
        targets.append(("postgresql", *api._fresh_pg_schema(pg)))
    try:
        for label, url, _drop in targets:
            open_store(url).close()
            api.generate(url, claims, 50, 20240601)
            for r in api.measure(url, label, 5):
                rows.append(
                    {
                        "database": label,
                        "query": r.group,
                        "p50_ms": r.p50,
                        "p95_ms": r.p95,
                        "target_ms": r.target,
                    }
                )
    finally:
        for _label, _url, drop in targets:
            if drop is not None:
                drop()
    return rows


def main() -> int:
    """Run every stage in a scratch folder that is removed afterwards (it can reach gigabytes)."""
    with tempfile.TemporaryDirectory(prefix="armstrace-bench-") as scratch:
        return _main(Path(scratch))


def _main(tmp: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--pg", default=os.environ.get("ARMSTRACE_BENCH_PG"))
    parser.add_argument("--skip-latency", action="store_true")
    args = parser.parse_args()
    size = SIZES["quick" if args.quick else "full"]
    batch = size["batch"]
    print(
        f"generating {size['arms']} reports and a mixed corpus of {size['mixed']}", file=sys.stderr
    )
    _a, arms_texts, arms_words, tok_wps = corpus(tmp / "arms", size["arms"], 1.0)
    _m, mixed_texts, mixed_words, mixed_tok_wps = corpus(tmp / "mixed", size["mixed"], 0.1)
    ttr = {"reports": type_token(arms_texts), "mixed": type_token(mixed_texts)}
    del mixed_texts
    rows: dict[str, dict[str, float]] = {}
    total_words = sum(arms_words.values())
    rows["tokenizer (spaCy blank en)"] = {
        "articles_s": tok_wps / (total_words / len(arms_texts)),
        "words_s": tok_wps,
    }

    extractor = load_extractor()
    started = time.perf_counter()
    for i, text in enumerate(arms_texts):
        extractor.extract_text(text, f"d{i}")
    seconds = time.perf_counter() - started
    rows["extraction alone"] = {
        "articles_s": len(arms_texts) / seconds,
        "words_s": total_words / seconds,
    }
    sample = arms_texts[:40]
    top = profile(
        lambda: [extractor.extract_text(t, f"p{i}") for i, t in enumerate(sample)] and None
    )

    def db(name: str) -> str:
        return f"sqlite:///{tmp / name}.db"

    arms = tmp / "arms"
    rows["ingest SQLite, 1 worker"] = run_ingest(
        "sqlite", db("one"), arms, arms_words, ingest_stream, batch_size=batch
    )
    if args.pg:
        from api_latency import _fresh_pg_schema

        url, drop = _fresh_pg_schema(args.pg)
        try:
            rows["ingest PostgreSQL, 1 worker"] = run_ingest(
                "postgresql", url, arms, arms_words, ingest_stream, batch_size=batch
            )
        finally:
            drop()
    rows["ingest SQLite, --workers 2"] = run_ingest(
        "workers 2", db("two"), arms, arms_words, ingest_stream, workers=2, batch_size=batch
    )
    rows["ingest SQLite, Dask 2 local workers"] = run_ingest(
        "dask",
        db("dask"),
        arms,
        arms_words,
        ingest_dask,
        address="local",
        workers=2,
        batch_size=batch,
    )
    rows["mixed 10% arms, SQLite, 1 worker"] = run_ingest(
        "mixed", db("mixed"), tmp / "mixed", mixed_words, ingest_stream, batch_size=64
    )

    base, extract = (
        rows["tokenizer (spaCy blank en)"]["words_s"],
        rows["extraction alone"]["words_s"],
    )
    one = rows["ingest SQLite, 1 worker"]["words_s"]
    for name, row in rows.items():
        row["ratio"] = row["words_s"] / (mixed_tok_wps if name.startswith("mixed") else base)
    ratios = {
        "extract_vs_tokenizer": extract / base,
        "ingest_vs_extract": one / extract,
        "workers2_vs_1": rows["ingest SQLite, --workers 2"]["words_s"] / one,
        "dask2_vs_1": rows["ingest SQLite, Dask 2 local workers"]["words_s"] / one,
        "mixed_vs_tokenizer": rows["mixed 10% arms, SQLite, 1 worker"]["words_s"] / mixed_tok_wps,
    }
    if "ingest PostgreSQL, 1 worker" in rows:
        ratios["ingest_pg_vs_extract"] = rows["ingest PostgreSQL, 1 worker"]["words_s"] / extract

    small, large = size["rss"]
    rss = {}
    for n in (small, large):
        print(f"peak RSS: ingesting {n:,} mixed documents", file=sys.stderr)
        folder = tmp / f"rss{n}"
        synth.write_corpus(folder, n, 0.1, seed=11)
        rss[str(n)] = peak_rss(folder, db(f"rss{n}"))
        shutil.rmtree(folder)  # 100,000 documents take half a gigabyte
    ratios["rss_large_vs_small"] = rss[str(large)] / rss[str(small)]
    queries = [] if args.skip_latency else latency(size["claims"], args.pg, tmp)

    print(f"\n{'stage':<38} {'articles/s':>11} {'words/s':>11} {'× baseline':>10}")
    for name, row in rows.items():
        print(
            f"{name:<38} {row['articles_s']:>11.1f} {row['words_s']:>11.0f} {row['ratio']:>10.3f}"
        )
    print(
        f"(mixed corpus ratio is against the tokenizer on the mixed text: {mixed_tok_wps:,.0f} words/s)"
    )
    mixed = rows["mixed 10% arms, SQLite, 1 worker"]
    print(
        f"(mixed corpus: {mixed['off_topic']:,.0f} of {size['mixed']:,} documents stored as off-topic "
        f"by the prefilter; {round(size['mixed'] * 0.9):,} are off-topic news)"
    )
    print(f"\ntype/token ratio   {'tokens':>10} {'reports':>8} {'mixed':>8} {'real':>6}")
    for n in sorted(ttr["reports"].keys() | ttr["mixed"].keys(), key=int):
        real = synth.REFERENCE_TTR.get(int(n))
        cells = [f"{ttr[k][n]:.3f}" if n in ttr[k] else "" for k in ("reports", "mixed")]
        print(f"{'':<18} {int(n):>10,} {cells[0]:>8} {cells[1]:>8} {real or '':>6}")
    print("\nratio                      value  target")
    targets = {"extract_vs_tokenizer": 0.25, "ingest_vs_extract": 0.6, "workers2_vs_1": 1.6,
               "dask2_vs_1": 1.5, "mixed_vs_tokenizer": 1.0, "rss_large_vs_small": 1.1}  # fmt: skip
    for key, value in ratios.items():
        target = targets.get(key)
        print(
            f"{key:<25} {value:>6.3f}  {'' if target is None else ('≤ ' if key.startswith('rss') else '≥ ') + str(target)}"
        )
    print(
        f"\npeak RSS: {', '.join(f'{int(n):,} docs {mib:.0f} MiB' for n, mib in rss.items())} (target < 1024 MiB)"
    )
    if queries:
        print(
            f"\nquery latency at {size['claims']:,} claims\n{'database':<11} {'query':<14} {'p50 ms':>8} {'p95 ms':>8} {'target':>7}"
        )
        for q in queries:
            print(
                f"{q['database']:<11} {q['query']:<14} {q['p50_ms']:>8.1f} {q['p95_ms']:>8.1f} {q['target_ms']:>7.0f}"
            )
    if not args.pg:
        print("postgresql: not measured (ARMSTRACE_BENCH_PG or --pg)")
    print("\nprofile of extraction (cProfile, top 15 by cumulative time):\n" + top)
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    payload = {"mode": "quick" if args.quick else "full", "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
               **ratios, "stages": rows, "peak_rss_mib": rss, "latency": queries,
               "tokenizer_mixed_words_s": mixed_tok_wps, "type_token_ratio": ttr}  # fmt: skip
    (results / "latest.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

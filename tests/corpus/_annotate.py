"""Build a test set's `gold.jsonl` from its compact `annotations.yml`.

Annotators write each claim once, with an evidence *quote* instead of offsets; this script
finds the quote in the document's text and fills in `evidence.start`/`end`, so offsets can
never drift from the documents. It fails loudly, listing every problem, when a quote is
missing or occurs more than once, when a field is outside the spec's vocabulary, or when a
document and its annotations do not pair up.

The text of a `.txt` document is its file contents (UTF-8). The text of an `.html`
document is what `armstrace.ingest.read(path).text` returns; that text is also written to
`STEM.txt` beside the page, because the shared scorer only looks for evidence in
`STEM.txt` (see README.md).

A test set is a folder with `docs/` and `annotations.yml`; this one script serves both,
tests/corpus (the default) and tests/corpus_holdout.

usage: python tests/corpus/_annotate.py [FOLDER]           # write gold.jsonl (and renditions)
       python tests/corpus/_annotate.py [FOLDER] --check   # exit 1 if anything on disk is stale
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent

try:
    from armstrace.model import claim as _vocab
except ImportError:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from armstrace.model import claim as _vocab

FIELD_ORDER = _vocab.CLAIM_FIELDS
ALLOWED = {*FIELD_ORDER, "quote"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ACTOR = re.compile(r"^([A-Z]{2}|UN|EU|NATO|[a-z0-9]+(-[a-z0-9]+)*)$")
NEEDS_PARTIES = {
    "transfer": ("supplier", "recipient"),
    "support": ("supplier", "recipient"),
    "production": ("supplier",),
    "interdiction": (),
}


class AnnotationError(Exception):
    """Collects every problem found, so one run shows them all."""


def document_text(docs: Path, stem: str) -> tuple[str, Path]:
    """The text annotations are anchored to, and the file it came from."""
    html = docs / f"{stem}.html"
    if html.exists():
        from armstrace.ingest import read

        return read(str(html)).text, html
    txt = docs / f"{stem}.txt"
    return txt.read_text(encoding="utf-8"), txt


def document_stems(docs: Path) -> set[str]:
    """Every document in docs/: an HTML page's text rendition is not a document of its own."""
    return {p.stem for p in docs.iterdir() if p.suffix in (".txt", ".html")}


def normalise(claim: dict[str, Any]) -> dict[str, Any]:
    """Undo YAML's helpfulness: unquoted dates become strings, `null` overrides drop the key."""

    def _date(value: Any) -> Any:
        return value.isoformat() if isinstance(value, dt.date) else value

    out = {k: v for k, v in claim.items() if v is not None}
    when = out.get("when")
    if isinstance(when, dict):
        out["when"] = {k: _date(v) for k, v in when.items()}
    elif when is not None:
        out["when"] = _date(when)
    return out


def _check_when(when: Any) -> bool:
    if isinstance(when, str):
        return bool(_DATE.match(when))
    if isinstance(when, dict) and when and set(when) <= {"start", "end"}:
        return all(isinstance(v, str) and _DATE.match(v) for v in when.values())
    return False


def validate(claim: dict[str, Any]) -> list[str]:
    """Problems with one annotated claim, as readable strings (empty when it is fine)."""
    errs = [f"unknown field {k!r}" for k in claim if k not in ALLOWED]
    kind = claim.get("type")
    if kind not in _vocab.CLAIM_TYPES:
        return [*errs, f"type {kind!r} not in {_vocab.CLAIM_TYPES}"]
    errs += [f"{kind} needs {f}" for f in NEEDS_PARTIES[kind] if not claim.get(f)]
    for key in ("supplier", "recipient", "seized_by"):
        if key in claim and not _ACTOR.match(str(claim[key])):
            errs.append(f"{key} {claim[key]!r} is not an actor id")
    for actor in claim.get("via", []):
        if not _ACTOR.match(str(actor)):
            errs.append(f"via {actor!r} is not an actor id")
    item = claim.get("item")
    if item is None and kind != "support":
        errs.append(f"{kind} needs item")
    if item is not None and item.get("category") not in _vocab.CATEGORIES:
        errs.append(f"category {item.get('category')!r} unknown")
    quantity = claim.get("quantity")
    if quantity is not None:
        if quantity.get("unit") not in _vocab.UNITS:
            errs.append(f"unit {quantity.get('unit')!r} unknown")
        if quantity.get("qualifier") not in _vocab.QUALIFIERS:
            errs.append(f"qualifier {quantity.get('qualifier')!r} unknown")
        if (quantity.get("qualifier") == "range") != ("max" in quantity):
            errs.append("quantity: 'max' goes with qualifier 'range' and only with it")
        if not isinstance(quantity.get("value"), int | float):
            errs.append("quantity value must be a number")
    if "when" in claim and not _check_when(claim["when"]):
        errs.append(f"when {claim['when']!r} is not YYYY[-MM[-DD]] or {{start, end}}")
    if claim.get("hedge") not in _vocab.HEDGES:
        errs.append(f"hedge {claim.get('hedge')!r} unknown")
    conveyance = claim.get("conveyance")
    if conveyance is not None and conveyance.get("kind") not in _vocab.CONVEYANCE_KINDS:
        errs.append(f"conveyance kind {conveyance.get('kind')!r} unknown")
    if "concealment" in claim and claim["concealment"] not in _vocab.CONCEALMENTS:
        errs.append(f"concealment {claim['concealment']!r} unknown")
    if not isinstance(claim.get("quote"), str) or not claim["quote"].strip():
        errs.append("quote missing")
    return errs


def locate(text: str, quote: str) -> tuple[int, int] | str:
    """Offsets of the one occurrence of `quote`, or why there is not exactly one."""
    count = text.count(quote)
    if count != 1:
        return f"quote found {count} times (needs exactly 1): {quote[:70]!r}"
    start = text.index(quote)
    return start, start + len(quote)


def build(folder: Path) -> tuple[list[dict[str, Any]], dict[Path, str]]:
    """Gold records in annotation order, plus the text renditions of HTML documents."""
    docs = folder / "docs"
    annotations = yaml.safe_load((folder / "annotations.yml").read_text(encoding="utf-8"))
    problems: list[str] = []
    stems = document_stems(docs)
    problems += [f"{s}: document has no entry in annotations.yml" for s in stems - set(annotations)]
    problems += [f"{s}: annotated but no such document" for s in set(annotations) - stems]
    records: list[dict[str, Any]] = []
    renditions: dict[Path, str] = {}
    for stem in sorted(set(annotations) & stems):
        text, path = document_text(docs, stem)
        if path.suffix == ".html":
            renditions[path.with_suffix(".txt")] = text
        for n, claim in enumerate(annotations[stem] or [], 1):
            where = f"{stem} claim {n}"
            claim = normalise(claim)
            errs = validate(claim)
            found = locate(text, claim.get("quote") or "\0")
            if isinstance(found, str):
                errs.append(found)
            if errs:
                problems += [f"{where}: {e}" for e in errs]
                continue
            assert not isinstance(found, str)
            record: dict[str, Any] = {"doc": stem}
            record.update({k: claim[k] for k in FIELD_ORDER if k in claim})
            record["evidence"] = {"text": claim["quote"], "start": found[0], "end": found[1]}
            records.append(record)
    if problems:
        raise AnnotationError("\n".join(problems))
    return records, renditions


def render(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, default=HERE, help="the test set (default: tests/corpus)"
    )
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    folder: Path = args.folder.resolve()
    try:
        records, renditions = build(folder)
    except AnnotationError as exc:
        print(f"{folder.name}/annotations.yml has problems:\n{exc}", file=sys.stderr)
        return 1
    outputs = {folder / "gold.jsonl": render(records), **renditions}
    if args.check:
        stale = [p for p, body in outputs.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != body]  # fmt: skip
        for path in stale:
            print(f"stale: {path.relative_to(folder.parent)} (run _annotate.py)", file=sys.stderr)
        return 1 if stale else 0
    for path, body in outputs.items():
        path.write_text(body, encoding="utf-8")
    print(f"wrote {len(records)} claims for {len({r['doc'] for r in records})} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())

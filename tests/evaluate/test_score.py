"""The evaluation scorer: its tuples, and figures identical to the official scorer's."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from armstrace.errors import InputError
from armstrace.evaluate.report import format_scores
from armstrace.evaluate.score import claim_tuples, compare_document, load_claims, score
from armstrace.model.claim import CATEGORIES

Record = dict[str, Any]


def _claim(**fields: Any) -> Record:
    record: Record = {
        "doc": "d",
        "type": "transfer",
        "evidence": {"text": "x", "start": 0, "end": 1},
    }
    record.update(fields)
    return record


@pytest.mark.parametrize(
    ("fields", "level", "expected"),
    [
        (
            {"supplier": "kp", "recipient": "Hezbollah"},
            "relations",
            ("transfer", "KP", "hezbollah"),
        ),
        ({"supplier": " ru "}, "relations", ("transfer", "RU", None)),
        ({"supplier": "NATO"}, "relations", ("transfer", "nato", None)),
        ({"item": {"category": ""}}, "items", ("transfer", None, None, None)),
        (
            {"item": {"category": "rockets"}, "quantity": {"value": 5, "unit": "items"}},
            "quantities",
            ("transfer", None, None, "rockets", "items", 5.0),
        ),
        (
            {"type": "interdiction", "conveyance": {"kind": "ship", "name": "MV  Francop"}},
            "interdictions",
            ("francop", None),
        ),
        (
            {"type": "interdiction", "conveyance": {"kind": "ship", "name": "m/v Klos C"}},
            "interdictions",
            ("klos c", None),
        ),
        ({"type": "interdiction", "when": {"end": "2009-11"}}, "interdictions", (None, "2009")),
        ({"type": "interdiction", "when": "2002-01-03"}, "interdictions", (None, "2002")),
    ],
)
def test_claim_tuples_normalise_fields(
    fields: Record, level: str, expected: tuple[Any, ...]
) -> None:
    assert claim_tuples(_claim(**fields))[level] == expected


def test_claim_tuples_skip_levels_a_claim_does_not_reach() -> None:
    tuples = claim_tuples(_claim(quantity={"value": "many", "unit": "items"}))
    assert set(tuples) == {"relations", "items"}


@pytest.mark.parametrize(
    ("predicted_value", "hit"), [(1000, 1), (1009.9, 1), (990, 1), (1011, 0), (989, 0)]
)
def test_compare_quantities_within_one_percent(predicted_value: float, hit: int) -> None:
    gold = [_claim(item={"category": "rockets"}, quantity={"value": 1000, "unit": "items"})]
    pred = [
        _claim(item={"category": "rockets"}, quantity={"value": predicted_value, "unit": "items"})
    ]
    result = compare_document("d", gold, pred).levels["quantities"]
    assert (result.hits, len(result.missed), len(result.false_alarms)) == (hit, 1 - hit, 1 - hit)


def test_compare_quantities_match_one_to_one() -> None:
    gold = [_claim(item={"category": "rockets"}, quantity={"value": 100, "unit": "items"})]
    pred = [
        _claim(item={"category": "rockets"}, quantity={"value": v, "unit": "items"})
        for v in (100, 100.5)
    ]
    result = compare_document("d", gold, pred).levels["quantities"]
    assert result.hits == 1
    assert result.false_alarms == (("transfer", None, None, "rockets", "items", 100.5),)


def test_score_grounded_folds_whitespace_and_counts_missing_text() -> None:
    gold = {"a": [_claim(doc="a")], "b": [_claim(doc="b")]}
    predicted = {
        "a": [
            _claim(doc="a", evidence={"text": "shells   were\nsent", "start": 0, "end": 18}),
            _claim(doc="a", evidence={"text": "not in the text", "start": 0, "end": 15}),
        ],
        "b": [_claim(doc="b")],
    }
    result = score(gold, predicted, {"a": "Artillery shells were sent\nnorth."})
    assert result.grounded == round(1 / 3, 3)


def test_score_ignores_documents_without_gold() -> None:
    gold = {"a": [_claim(doc="a", supplier="KP", recipient="RU")]}
    predicted = {
        "a": [_claim(doc="a", supplier="KP", recipient="RU")],
        "z": [_claim(doc="z", supplier="IR", recipient="RU")],
    }
    figures = score(gold, predicted).levels["relations"]
    assert (figures.hits, figures.predicted, figures.gold) == (1, 1, 1)


def test_load_claims_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_claim()) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_claims(path)
    assert caught.value.source == str(path)
    assert caught.value.reason.startswith("line 3: not JSON")


# -- the official scorer on the dev set ----------------------------------------------------------


def _perturb(records: list[Record], seed: int) -> list[Record]:
    """A plausible imperfect prediction: drops, wrong categories and values, noise, extras."""
    rng = random.Random(seed)
    out: list[Record] = []
    for original in records:
        record = copy.deepcopy(original)
        roll = rng.random()
        if roll < 0.15:
            continue  # missed claim
        if roll < 0.25 and record.get("item"):
            record["item"]["category"] = rng.choice(CATEGORIES)
        elif roll < 0.35 and record.get("quantity"):
            record["quantity"]["value"] *= rng.choice([1.005, 0.995, 1.02, 2])
        elif roll < 0.40 and record.get("supplier"):
            record["supplier"] = record["supplier"].lower()
        elif roll < 0.45 and record.get("conveyance", {}).get("name"):
            record["conveyance"]["name"] = "MV " + record["conveyance"]["name"].upper()
        elif roll < 0.50 and record.get("when"):
            record["when"] = {"start": "1999"}
        elif roll < 0.55:
            record["evidence"]["text"] = record["evidence"]["text"][::-1]  # not grounded
        elif roll < 0.60:
            record["evidence"]["text"] = "  " + record["evidence"]["text"].replace(" ", "\n ")
        elif roll < 0.65:
            out.append(copy.deepcopy(record))  # a duplicate prediction
        elif roll < 0.70:
            extra = copy.deepcopy(record)
            extra["recipient"] = rng.choice(["RU", "hamas", "SY", None])
            out.append(extra)
        out.append(record)
    out.append({**copy.deepcopy(records[0]), "doc": "not_in_gold"})
    return out


def _official(shared_dir: Path, gold: Path, pred: Path, *, as_json: bool) -> str:
    docs = shared_dir / "corpus" / "dev" / "docs"
    args = [sys.executable, str(shared_dir / "eval" / "score.py"), str(gold), str(pred)]
    args += ["--docs", str(docs), *(["--json"] if as_json else [])]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _dev_texts(shared_dir: Path, docs: list[str]) -> dict[str, str | None]:
    folder = shared_dir / "corpus" / "dev" / "docs"
    return {doc: (folder / f"{doc}.txt").read_text(encoding="utf-8") for doc in docs}


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
def test_score_equals_official_scorer(shared_dir: Path, tmp_path: Path, seed: int | None) -> None:
    gold_path = shared_dir / "corpus" / "dev" / "gold.jsonl"
    gold_records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    predicted = gold_records if seed is None else _perturb(gold_records, seed)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(r) + "\n" for r in predicted), encoding="utf-8")

    gold = load_claims(gold_path)
    mine = score(gold, load_claims(pred_path), _dev_texts(shared_dir, list(gold)))

    assert mine.to_dict() == json.loads(_official(shared_dir, gold_path, pred_path, as_json=True))
    assert (
        format_scores(mine) == _official(shared_dir, gold_path, pred_path, as_json=False).rstrip()
    )

"""The marking rules load from data, and a broken data file is named with its key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from armstrace.errors import DataFileError
from armstrace.markings import decode_marking, load_rules
from armstrace.markings.rules import DATA_DIR


def test_marking_rules_load_in_order_with_cues() -> None:
    rules = load_rules()
    names = [rule.name for rule in rules.rules]
    assert names[0].startswith("item-code/") and names[-1] == "calibre/latin.v1"
    assert "hangul/방.v1" in names and "lot-code/factory-year-batch.v1" in names
    assert rules.cues.search("the Stencil said") is not None


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("item_codes.yml", "category: rockets", "category: drones",
         "markings/item_codes.yml: category: 'drones' is not a claim category"),
        ("lot_codes.yml", "\npivot: 29", "\npivot: 130", "markings/lot_codes.yml: pivot: expected 0..99"),
        ("lot_codes.yml", "(?P<batch>\\d{1,4})'", "(?P<lot>\\d{1,4})'",
         "lot-code/factory-year-batch.v1: pattern lacks groups ['batch']"),
        ("calibres.yml", "(?P<caliber>\\d{1,3}(?:[.,]", "(?P<caliber>\\d{1,3}(?:[.,",
         "markings/calibres.yml: pattern"),
        ("hangul.yml", "    calibres: [60, 82, 120, 160]\n", "",
         "markings/hangul.yml: calibres: missing"),
        ("cues.yml", "cues: [", "words: [", "markings/cues.yml: cues: expected a non-empty list"),
        ("hangul.yml", "  - prefix: 방\n", "  - prefix: 방\n    prefix: 밤\n",
         "markings/hangul.yml: prefix: duplicate key"),
    ],
)  # fmt: skip
def test_marking_rules_bad_data_names_file_and_key(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    data = tmp_path / "markings"
    shutil.copytree(DATA_DIR, data)
    text = (data / file).read_text(encoding="utf-8")
    assert old in text
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_rules(data)
    assert message in str(caught.value)


def test_marking_rules_from_another_folder_are_used(tmp_path: Path) -> None:
    data = tmp_path / "markings"
    shutil.copytree(DATA_DIR, data)
    path = data / "hangul.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("[107, 122, 240, 300]", "[122]"))
    assert decode_marking("방-240", load_rules(data)) is None
    assert decode_marking("방-240") is not None

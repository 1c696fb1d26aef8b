"""Fixtures for the gazetteer tests: a small, valid data folder written to tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

MINIMAL = {
    "actors/XA.yml": """\
id: XA
kind: state
name: Xanadu
names: [Xanadu, Xan]
names_weak: [the Kingdom]
demonyms: [Xanaduan]
""",
    "actors/XB.yml": """\
id: XB
kind: state
name: Borduria
names: [Borduria]
names_weak: [the Kingdom]
demonyms: [Bordurian]
""",
    "actors/xa-army.yml": """\
id: xa-army
kind: agency
name: Xanadu Army
country: XA
""",
    "places/ports.yml": """\
- name: Port Xan
  aliases: [Xan harbour]
  kind: port
  country: XA
  lat: 10.5
  lon: -20.25
""",
    "weapons/rockets.yml": """\
- designation: XR-1
  aliases: [Xan rocket]
  category: rockets
  caliber_mm: 122
  origin: XA
  based_on: null
- designation: XR-2
  category: rockets
  origin: XB
  based_on: XR-1
""",
    "countries.yml": "XA: {capital: Xan City, lat: 11.5, lon: -21.0}\n",
}

WriteData = Callable[[Mapping[str, str | None]], Path]


@pytest.fixture
def write_data(tmp_path: Path) -> WriteData:
    """Write MINIMAL, with files replaced (text) or removed (None), and return the data dir."""

    def write(changes: Mapping[str, str | None]) -> Path:
        root = tmp_path / "data"
        files: dict[str, str | None] = {**MINIMAL, **changes}
        for rel, text in files.items():
            if text is None:
                continue
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for sub in ("actors", "places", "weapons"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        return root

    return write

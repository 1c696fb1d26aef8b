"""The package's public API: `__all__` names exactly what a notebook may rely on."""

from __future__ import annotations

import armstrace


def test_public_api_all_names_exist() -> None:
    missing = [name for name in armstrace.__all__ if not hasattr(armstrace, name)]
    assert missing == []


def test_public_api_reads_and_extracts_a_document(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "note.txt"
    path.write_text("North Korea shipped artillery shells to Russia in 2024.", encoding="utf-8")
    document = armstrace.read(str(path))
    claims = armstrace.extract_claims(document)
    assert [(c.supplier, c.recipient, c.item.category if c.item else None) for c in claims] == [
        ("KP", "RU", "artillery_ammunition")
    ]
    assert claims[0].evidence.text in document.text

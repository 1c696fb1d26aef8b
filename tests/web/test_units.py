"""Small pieces: text runs for highlighting, where the map draws actors, upload names, settings."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from armstrace.errors import TooLarge, UnsupportedFormat
from armstrace.gazetteer import load_gazetteer
from armstrace.store import StoredClaim
from armstrace.web.config import WebSettings
from armstrace.web.geo import actor_location
from armstrace.web.highlight import runs
from armstrace.web.uploads import check_suffix, safe_stem, save_upload
from armstrace.web.vendor import VENDOR_FILES, missing_files

REPO = Path(__file__).resolve().parents[2]


def _claim(claim_id: str, start: int, end: int) -> StoredClaim:
    return StoredClaim(
        id=claim_id, document_id=1, doc="d", type="transfer", evidence_text="", evidence_start=start,
        evidence_end=end, extractor_version="t", extracted_at=datetime(2024, 1, 1, tzinfo=UTC),
        curation_status="extracted",
    )  # fmt: skip


def test_runs_cover_the_text_and_overlapping_claims() -> None:
    text = "aaaa bbbb cccc"
    found = runs(text, [_claim("x", 0, 9), _claim("y", 5, 14), _claim("z", 5, 9)])
    assert "".join(r.text for r in found) == text
    assert [(r.text, r.claim_ids) for r in found] == [
        ("aaaa ", ("x",)),
        ("bbbb", ("x", "y", "z")),
        (" cccc", ("y",)),
    ]
    assert [r.first_of for r in found] == [("x",), ("y", "z"), ()]


def test_runs_clip_spans_outside_the_text() -> None:
    found = runs("short", [_claim("x", 3, 99), _claim("y", 50, 60)])
    assert [(r.text, r.claim_ids) for r in found] == [("sho", ()), ("rt", ("x",))]


@pytest.mark.parametrize(
    ("actor", "capital"),
    [("KP", "Pyongyang"), ("hezbollah", "Beirut"), ("kr-dia", "Seoul"), ("wagner", "Moscow")],
)
def test_actor_location_is_the_capital_of_its_state(actor: str, capital: str) -> None:
    found = actor_location(actor, load_gazetteer())
    assert found is not None and found.name == capital


def test_actor_location_of_an_unknown_actor_or_a_state_without_capital() -> None:
    assert actor_location("nobody-at-all", load_gazetteer()) is None
    assert actor_location("AQ", load_gazetteer()) is None  # Antarctica: no capital to draw


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("report.pdf", "report"),
        ("../../etc/passwd.txt", "passwd"),
        ("C:\\Users\\x\\secret plan.html", "secret_plan"),
        ("북한 보고서.txt", "upload"),
        (".hidden.md", "hidden"),
        ("", "upload"),
    ],
)
def test_upload_names_keep_only_a_safe_label(name: str, stem: str) -> None:
    assert safe_stem(name) == stem


@pytest.mark.parametrize("name", ["a.exe", "a.txt.sh", "noext", "a.meta.json", ""])
def test_upload_refuses_unknown_suffixes(name: str) -> None:
    with pytest.raises(UnsupportedFormat, match="can be uploaded"):
        check_suffix(name)


def test_upload_stops_at_the_limit_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(TooLarge, match="over the upload limit of 10 bytes"):
        save_upload(io.BytesIO(b"x" * 11), "big.txt", tmp_path, 10)
    assert list(tmp_path.iterdir()) == []
    saved = save_upload(io.BytesIO(b"0123456789"), "ok.txt", tmp_path, 10)
    assert saved.parent == tmp_path and saved.read_bytes() == b"0123456789"


def test_vendor_allow_list_points_into_npm_packages() -> None:
    assert all(not rel.startswith(("/", ".")) and ".." not in rel for rel in VENDOR_FILES.values())
    if (REPO / "node_modules").is_dir():
        assert missing_files(REPO / "node_modules") == []


def test_web_settings_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARMSTRACE_TEAM", "1")
    monkeypatch.setenv("ARMSTRACE_UPLOAD_MAX_BYTES", "1234")
    monkeypatch.setenv("ARMSTRACE_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2")
    monkeypatch.setenv("ARMSTRACE_HOME", str(tmp_path))
    settings = WebSettings()
    assert settings.team and settings.upload_max_bytes == 1234
    assert settings.trusted_proxies == ("10.0.0.1", "10.0.0.2")
    assert settings.upload_dir == tmp_path / "uploads"

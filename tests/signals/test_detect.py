"""detect_signals: AI notices, anonymous sources, opinion labels and party statements."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from armstrace.errors import DataFileError
from armstrace.ingest import read
from armstrace.model import Document
from armstrace.signals import detect_signals, load_cues
from armstrace.signals.cues import DATA_DIR
from armstrace.store import open_store

Run = Callable[..., CompletedProcess[str]]
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "docs"


def _doc(text: str = "", **meta: str) -> Document:
    meta.setdefault("source", "/in/report.txt")
    return Document(stem="report", text=text, format="text", **meta)  # type: ignore[arg-type]


def _kinds(document: Document) -> list[tuple[str, str]]:
    return [(s.kind, s.evidence) for s in detect_signals(document)]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("This content is AI-generated based on source articles.", "This content is AI-generated"),
        ("This article was generated with the help of AI.", "generated with the help of AI"),
        ("The summary was written using artificial intelligence.",
         "written using artificial intelligence"),
        ("Shells were AI-generated?", None),
        ("Researchers study AI in missile guidance.", None),
    ],
)  # fmt: skip
def test_signals_ai_notice(text: str, evidence: str | None) -> None:
    found = [e for k, e in _kinds(_doc(text)) if k == "ai_generated"]
    assert found == ([evidence] if evidence else [])


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("The details came from a North Korean defector.", "a North Korean defector"),
        ("Sources said the ship left Nampo in May.", "Sources said"),
        ("An unnamed official confirmed the shipment.", "An unnamed official"),
        ("According to a source, the crates held rockets.", "According to a source"),
        ("He spoke on condition of anonymity.", None),  # "spoke", not "speaking": cue list only
        ("Officials, speaking on condition of anonymity, said so.",
         "speaking on condition of anonymity"),
        ("People familiar with the matter said the deal closed.",
         "People familiar with the matter"),
        ("The defence minister said the ship left Nampo.", None),
        ("According to the UN Panel of Experts, the cargo held rockets.", None),
    ],
)  # fmt: skip
def test_signals_anonymous_source(text: str, evidence: str | None) -> None:
    found = [e for k, e in _kinds(_doc(text)) if k == "anonymous_source"]
    assert found == ([evidence] if evidence else [])


@pytest.mark.parametrize(
    ("title", "text", "evidence"),
    [
        ("Opinion: What a Satellite Photo Cannot Tell You", "Opinion: What a Satellite...",
         "Opinion:"),
        ("Shells by rail", "COMMENTARY\nNorth Korea sent shells.", "COMMENTARY"),
        ("Shells by rail", "Analysis by Jane Doe\nNorth Korea sent shells.", "Analysis by J"),
        ("Op-Ed | The missing crates", "Text.", "Op-Ed |"),
        ("Court rules on Hamas funding", "In a lengthy opinion, the court found ...", None),
        ("Shells by rail", "Line 1\nLine 2\nLine 3\nLine 4\nLine 5\nLine 6\nOpinion\n", None),
    ],
)  # fmt: skip
def test_signals_opinion_label_at_the_top(title: str, text: str, evidence: str | None) -> None:
    found = [e for k, e in _kinds(_doc(text, title=title)) if k == "opinion"]
    assert found == ([evidence] if evidence else [])


@pytest.mark.parametrize(
    ("meta", "text", "where"),
    [
        ({"publisher": "KCNA"}, "", "publisher"),
        ({"publisher": "Korean Central News Agency"}, "", "publisher"),
        ({"publisher": "Russian Ministry of Defence"}, "", "publisher"),
        ({"publisher": "IRNA"}, "", "publisher"),
        ({"source": "http://www.kcna.kp/en/article/q/123.kcmsd"}, "", "source"),
        ({"source": "https://www.state.gov/remarks"}, "", "source"),
        ({"source": "https://mil.ru/news"}, "", "source"),
        ({}, "Pyongyang, May 5 (KCNA) -- The DPRK said ...", "text"),
        ({"publisher": "Reuters"}, "", None),
        ({"publisher": "38 North", "source": "https://www.38north.org/x"}, "", None),
        ({}, "Seoul, May 5 (Yonhap) -- KCNA reported later that day ...", None),
    ],
)
def test_signals_party_press_release(meta: dict[str, str], text: str, where: str | None) -> None:
    found = [s for s in detect_signals(_doc(text, **meta)) if s.kind == "party_press_release"]
    assert [s.where for s in found] == ([where] if where else [])
    for signal in found:
        assert signal.reason.startswith("published by a party to the conflict")


def test_signals_spans_point_into_their_field() -> None:
    text = "Intro.\nThis content is AI-generated. A defector said so."
    document = _doc(text, title="Opinion: on defectors")
    for signal in detect_signals(document):
        field = document.title if signal.where == "title" else text
        assert field is not None and field[signal.start : signal.end] == signal.evidence
    assert {s.kind for s in detect_signals(document)} == {
        "opinion",
        "ai_generated",
        "anonymous_source",
    }


def test_signals_in_the_annotated_test_corpus() -> None:
    opinion = read(CORPUS / "004_satellite_opinion.txt")
    assert [s.kind for s in detect_signals(opinion)] == ["opinion"]
    court = read(CORPUS / "014_court_ruling.txt")
    assert detect_signals(court) == []


def test_signals_in_the_dev_corpus(shared_dir: Path) -> None:
    docs = shared_dir / "corpus" / "dev" / "docs"
    defector = detect_signals(read(docs / "003_a81cc6c1537d15cd.txt"))
    assert {s.kind for s in defector} == {"anonymous_source"}
    assert "the unnamed defector" in [s.evidence for s in defector]
    ai = detect_signals(read(docs / "004_54fb07c07905d520.txt"))
    assert [(s.kind, s.evidence) for s in ai] == [("ai_generated", "This content is AI-generated")]
    assert detect_signals(read(docs / "000_f44f3c7c2ec9164b.txt")) == []


def test_signals_bad_cue_file_names_file_and_key(tmp_path: Path) -> None:
    data = tmp_path / "signals"
    shutil.copytree(DATA_DIR, data)
    path = data / "opinion.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("in: [title, top]", "in: [footer]"))
    with pytest.raises(DataFileError, match=r"signals/opinion\.yml: in: expected some of"):
        load_cues(data)


def test_signals_of_stored_documents_and_cli(store_url: str, run_cli: Run) -> None:
    ai = Document(
        source="https://example.org/a",
        stem="ai",
        text="This content is AI-generated.",
        format="text",
        title="Containers",
    )
    kcna = Document(source="k.txt", stem="kcna", text="Statement.", format="text", publisher="KCNA")
    plain = Document(source="p.txt", stem="plain", text="Shells went north.", format="text")
    with open_store(store_url) as store:
        for document in (ai, kcna, plain):
            store.save_document(document, [])
        rows = store.documents()
        row = next(r for r in rows if r.stem == "ai")
        assert [s.kind for s in detect_signals(row, text=store.get_document_text(row.id))] == [
            "ai_generated"
        ]
        assert detect_signals(row) == []  # a DocumentRow carries no text
    result = run_cli("signals", "--format", "json", "--db", store_url)
    assert result.returncode == 0, result.stderr
    kinds = {r["doc"]: [s["kind"] for s in r["signals"]] for r in json.loads(result.stdout)}
    assert kinds == {"ai": ["ai_generated"], "kcna": ["party_press_release"], "plain": []}
    table = run_cli("signals", "--db", store_url)
    assert "Signals in 2 of 3 documents" in table.stdout
    one = run_cli("signals", "--doc", "plain", "--db", store_url)
    assert "No signals in 1 document(s)." in one.stdout

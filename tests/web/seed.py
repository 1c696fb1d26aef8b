"""A small store for web tests: three documents (English, Korean, Russian) and their claims.

Written here, not copied from the corpus; evidence offsets are computed from the text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from armstrace.model import Claim, Document, Evidence, Item, Quantity
from armstrace.store import Store

ENGLISH = (
    "Ledger of shipments.\n"
    "Officials said North Korea sent about 10,000 containers of munitions to Russia by "
    "October 2023. A later estimate put the figure at more than 13,000 containers.\n"
    "Iran moved rockets to Hezbollah through Syria, the report alleged.\n"
    "Analysts wrote <script>alert(1)</script> to test escaping."
)
KOREAN = (
    "국가정보원은 북한이 러시아에 포탄을 보냈다고 밝혔다. "
    "북한은 컨테이너 6,700개 분량을 보낸 것으로 추정된다."
)
RUSSIAN = "Северная Корея передала России артиллерийские снаряды, сообщили источники."

STEMS = ("ledger", "nis_briefing", "tass_note")


def _span(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(phrase, start, start + len(phrase))


def _claim(doc: str, text: str, phrase: str, **fields: Any) -> Claim:
    fields.setdefault("extracted_at", datetime(2024, 5, 1, 12, 0, tzinfo=UTC))
    return Claim(doc=doc, evidence=_span(text, phrase), **fields)


def documents() -> list[tuple[Document, list[Claim]]]:
    ledger = Document(
        source="/in/ledger.txt", stem="ledger", text=ENGLISH, format="text",
        raw=ENGLISH.encode(), title="Ledger <b>of</b> shipments", publisher="Harbour Review",
        published="2023-11-02", url="javascript:alert(1)",
    )  # fmt: skip
    nis = Document(
        source="/in/nis_briefing.txt", stem="nis_briefing", text=KOREAN, format="text",
        raw=KOREAN.encode(), title="국정원 브리핑", publisher="Yonhap", published="2024-02-10",
        url="https://example.org/nis",
    )  # fmt: skip
    tass = Document(
        source="/in/tass_note.txt", stem="tass_note", text=RUSSIAN, format="text",
        raw=RUSSIAN.encode(), title="Заметка", publisher="TASS", published="2024-03-01",
    )  # fmt: skip
    sent = "Officials said North Korea sent about 10,000 containers of munitions to Russia by October 2023."
    later = "A later estimate put the figure at more than 13,000 containers."
    return [
        (
            ledger,
            [
                _claim("ledger", ENGLISH, sent, type="transfer", supplier="KP", recipient="RU",
                       item=Item("munitions"), quantity=Quantity(10000, "containers", "approx"),
                       when="2023-10", source="officials", hedge="reported"),
                _claim("ledger", ENGLISH, later, type="transfer", supplier="KP", recipient="RU",
                       item=Item("munitions"), quantity=Quantity(13000, "containers", "at_least"),
                       hedge="reported"),
                _claim("ledger", ENGLISH, "Iran moved rockets to Hezbollah through Syria, the report alleged.",
                       type="transfer", supplier="IR", recipient="hezbollah", via=["SY"],
                       item=Item("rockets"), hedge="alleged"),
            ],
        ),
        (
            nis,
            [
                _claim("nis_briefing", KOREAN, "국가정보원은 북한이 러시아에 포탄을 보냈다고 밝혔다.",
                       type="transfer", supplier="KP", recipient="RU",
                       item=Item("artillery_ammunition"), source="NIS", hedge="confirmed"),
                _claim("nis_briefing", KOREAN, "북한은 컨테이너 6,700개 분량을 보낸 것으로 추정된다.",
                       type="transfer", supplier="KP", recipient="RU", item=Item("munitions"),
                       quantity=Quantity(6700, "containers", "approx"), when="2024-01",
                       source="NIS", hedge="reported"),
            ],
        ),
        (
            tass,
            [
                _claim("tass_note", RUSSIAN, RUSSIAN, type="transfer", supplier="KP",
                       recipient="RU", item=Item("artillery_ammunition"), hedge="reported"),
            ],
        ),
    ]  # fmt: skip


def seed(store: Store) -> dict[str, int]:
    """Save the documents; returns stem → document id."""
    ids = {}
    for document, claims in documents():
        ids[document.stem] = store.save_document(document, claims).document_id
    return ids

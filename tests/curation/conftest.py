"""A store holding one short report and its three claims, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from armstrace.model import Claim, Conveyance, Document, Evidence, Item, Quantity
from armstrace.store import Store, open_store

TEXT = (
    "Israeli naval commandos boarded the MV Francop off Cyprus in November 2009 and found "
    "about 3,000 rockets bound for Hezbollah, the IDF said. North Korea sent artillery shells "
    "to Russia in 2023, according to South Korea's NIS. Iran trains Houthi fighters."
)


def span(phrase: str) -> Evidence:
    start = TEXT.index(phrase)
    return Evidence(phrase, start, start + len(phrase))


@dataclass(frozen=True)
class Sample:
    """The stored claims' ids, by what they say."""

    rockets: str
    shells: str
    training: str


def sample_claims(doc: str = "francop") -> list[Claim]:
    return [
        Claim(
            doc, "interdiction", span("found about 3,000 rockets bound for Hezbollah"),
            supplier="IR", recipient="hezbollah", item=Item("rockets"),
            quantity=Quantity(3000, "items", "approx"), when="2009-11", source="the IDF",
            hedge="confirmed", conveyance=Conveyance("ship", "MV Francop"), seized_by="IL",
        ),
        Claim(
            doc, "transfer", span("North Korea sent artillery shells to Russia in 2023"),
            supplier="KP", recipient="RU", item=Item("artillery_ammunition"), when="2023",
            source="South Korea's NIS", hedge="reported",
        ),
        Claim(doc, "support", span("Iran trains Houthi fighters"), supplier="IR",
              recipient="houthis", item=Item("training")),
    ]  # fmt: skip


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def sample(store: Store) -> Sample:
    """Stores the report; its publisher is "Harbour Watch"."""
    document = Document(
        "/in/francop.txt", "francop", TEXT, "text", raw=TEXT.encode(), publisher="Harbour Watch"
    )
    claims = sample_claims()
    store.save_document(document, claims)
    return Sample(*(claim.id for claim in claims))

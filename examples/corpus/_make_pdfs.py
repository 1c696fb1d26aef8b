"""Generate the PDF reports of the sample corpus, and their sidecars, with reportlab.

The PDFs are committed; this script is how they were made and how to remake them after an
edit. The text lives here, so a diff of this file shows what changed in the PDFs. Output is
byte-for-byte reproducible (reportlab's invariant mode fixes dates and document ids).

Korean marking text is set in reportlab's built-in Korean CID font, because the standard
PDF fonts have no Hangul; pypdf extracts it as ordinary Unicode.

usage: .venv/bin/python examples/corpus/_make_pdfs.py
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
KOREAN_FONT = "HYSMyeongJo-Medium"
_HANGUL_TOKEN = re.compile(r"[\uac00-\ud7a3]+(?:-\d+)?")


@dataclass(frozen=True)
class Report:
    stem: str
    title: str
    publisher: str
    published: str  # sidecar form: YYYY-MM-DD or YYYY-MM
    dateline: str  # as printed under the title
    paragraphs: tuple[str, ...]


REPORTS = (
    Report(
        stem="lot_markings_1980s",
        title="Old Stock, New War: Reading the Markings on North Korean Munitions in Ukraine",
        publisher="Field Ordnance Notebook",
        published="2024-06-12",
        dateline="12 June 2024",
        paragraphs=(
            "Photographs of North Korean ammunition captured or recovered in Ukraine have given "
            "ordnance specialists a rare look at the stencils that one of the world's most "
            "closed arms industries paints on its shells and crates. The markings suggest that "
            "a good part of what Pyongyang has sent to Russia is not new.",
            "The best-known case involves 122mm rockets for multiple launchers. Pictures "
            "circulated in 2023 showed Korean lettering on the rocket bodies, including the "
            "marking 방-122. In May 2024, after a South Korean media report said some of the "
            "rockets had been produced in the 1970s, Seoul's National Intelligence Service said "
            "it was examining whether North Korea had shipped munitions of that age to Russia.",
            "Shell and crate markings usually follow a short code separated by dashes: a number "
            "for the producing factory, the last two digits of the year of manufacture, and a "
            "lot or batch number. A made-up stencil reading 17-86-21 would thus describe lot 21 "
            "from factory 17, filled in 1986. Specialists warn that not every factory number is "
            "understood and that some codes may record when a round was refurbished rather than "
            "when it was made.",
            "Even allowing for that, year codes from the 1980s recur in the photographs analysts "
            "have collected, with a smaller number from the 1970s. That matches what is known "
            "of North Korean stockpiling: for decades the country built up huge reserves of "
            "artillery ammunition for a war on the peninsula, stored much of it underground, and "
            "has now found a customer for the oldest layers.",
            "Age counts on the battlefield. Ukrainian soldiers describe a high share of duds and "
            "of rounds with uneven propellant, and Russian gunners have complained of barrels "
            "damaged by badly made shells. Forty years in storage, even in good conditions, can "
            "degrade explosive fillings and corrode fuzes.",
            "Pyongyang has also restarted its production lines. South Korea's defence minister "
            "said in early 2024 that North Korean factories making shells for Russia were "
            "running at full capacity while much of the country's other industry lacked raw "
            "materials and electricity. New rounds and old stock are therefore likely to arrive "
            "together, and the markings are one of the few ways to tell them apart.",
        ),
    ),
    Report(
        stem="bulsae_fagot",
        title="Bulsae and Fagot: North Korean Anti-Tank Missiles and the Armed Groups of the "
        "Levant",
        publisher="Lantern Policy Notes",
        published="2024-01-22",
        dateline="22 January 2024",
        paragraphs=(
            "Among the weapons Hamas fighters carried into southern Israel on 7 October 2023, "
            "researchers identified at least two of North Korean origin: F-7 rocket-propelled "
            "grenades, recognisable by Korean characters painted on the warhead, and the "
            "Bulsae-2 anti-tank guided missile.",
            "The Bulsae-2 is North Korea's version of the Soviet 9K111 Fagot, a wire-guided "
            "missile fired from a tripod launcher at targets up to about two kilometres away. "
            "North Korea has produced the design for decades and has marketed it abroad under "
            "its own name.",
            "Hezbollah used the original Fagot, together with the more capable Kornet, against "
            "Israeli armour in the 2006 war. Israeli officials said then that many of those "
            "missiles had been bought by Syria from Russia and passed on to the group.",
            "How North Korean missiles reached Gaza is less certain. Most analysts assume an "
            "indirect route, in which Iran buys North Korean weapons and moves them to Hamas "
            "through its own smuggling networks, rather than a direct sale from Pyongyang. North "
            "Korea's official news agency has called reports of such deliveries a groundless "
            "rumour spread by the United States.",
            "The case shows a wider difficulty for arms-control monitoring. A missile designed in "
            "the Soviet Union, copied in North Korea, bought by Iran and fired by Hamas passes "
            "through four sets of hands, and the markings on one launch tube may be the only "
            "physical evidence that connects them.",
        ),
    ),
    Report(
        stem="bangkok_il76",
        title="The Bangkok Il-76: Anatomy of an Arms Flight",
        publisher="Strait Current Weekly",
        published="2010-06",
        dateline="June 2010",
        paragraphs=(
            "On 12 December 2009 an Ilyushin Il-76 cargo aircraft landed at Bangkok's Don "
            "Mueang airport to refuel. Thai police and military officers, reportedly acting on a "
            "tip from the United States, searched the plane and found about 35 tons of weapons "
            "in its hold.",
            "The cargo had been loaded in Pyongyang. It included 240mm rockets for multiple "
            "launchers, rocket-propelled grenades, shoulder-fired surface-to-air missiles and "
            "explosives, packed in crates that the flight documents described as spare parts for "
            "oil-drilling equipment. Its value was later put at more than 16 million US dollars.",
            "The aircraft was registered in Georgia and had been leased through a chain of "
            "companies in several countries. Its five crew members, four from Kazakhstan and one "
            "from Belarus, said they thought they were carrying oil-industry equipment. They "
            "were charged with illegal possession of weapons, but were allowed to return home "
            "in February. The flight plan listed onward stops in Sri Lanka and the United Arab "
            "Emirates, and investigators came to believe the final destination was Iran.",
            "Thailand reported the seizure to the UN Security Council committee that monitors "
            "sanctions on North Korea, which ban nearly all of its arms exports. Israeli "
            "officials have since asserted that the weapons were meant for Hamas and Hezbollah, "
            "travelling by way of Iran. North Korea has made no public comment.",
            "The case is often cited as evidence that North Korea sends heavier weapons by air "
            "when speed or secrecy matters more than cost, and as an example of how leasing "
            "chains hide who really controls an aircraft.",
        ),
    ),
)


def _markup(text: str) -> str:
    """Escape for reportlab's mini-HTML and set Hangul runs in the Korean font."""
    escaped = escape(text)
    return _HANGUL_TOKEN.sub(lambda m: f'<font name="{KOREAN_FONT}">{m.group(0)}</font>', escaped)


def write_pdf(report: Report, folder: Path) -> Path:
    styles = getSampleStyleSheet()
    path = folder / f"{report.stem}.pdf"
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        title=report.title,
        author=report.publisher,
        invariant=1,
    )
    story = [
        Paragraph(_markup(report.title), styles["Title"]),
        Paragraph(_markup(f"{report.publisher} | {report.dateline}"), styles["Italic"]),
        Spacer(1, 0.4 * cm),
    ]
    for text in report.paragraphs:
        story += [Paragraph(_markup(text), styles["BodyText"]), Spacer(1, 0.2 * cm)]
    doc.build(story)
    return path


def write_sidecar(report: Report, folder: Path) -> Path:
    path = folder / f"{report.stem}.meta.json"
    meta = {
        "title": report.title,
        "url": None,
        "publisher": report.publisher,
        "published": report.published,
    }
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def build(folder: Path = HERE) -> list[Path]:
    """Write every report's PDF and sidecar into `folder`; returns the PDF paths."""
    pdfmetrics.registerFont(UnicodeCIDFont(KOREAN_FONT))
    written = []
    for report in REPORTS:
        written.append(write_pdf(report, folder))
        write_sidecar(report, folder)
    return written


if __name__ == "__main__":
    build()

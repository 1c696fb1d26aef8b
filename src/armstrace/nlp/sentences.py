"""Split text into sentences and clauses by character offsets.

Why not spaCy's sentencizer alone: news text puts headlines, captions and list items on their
own lines without final punctuation, and abbreviations such as "U.S." must not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = re.compile(
    r"(?:[A-Z]\.)+|(?:[A-Z]\.)*(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rep|Sen|Gov|St|No|Nos|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|approx|e\.g|i\.e|cf|al|v|vs)\."
)
_BOUNDARY = re.compile(
    r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f\uac00-\ud7a3])"
)
_BOILERPLATE = re.compile(
    r"^(?:related articles|related stories|related|read more|read next|also read|see also|"
    r"more from|recommended|leave a reply|share this|comments|sign in to|subscribe|stay informed)\b",
    re.I,
)


def _is_prose(line: str) -> bool:
    """A paragraph of running text, as opposed to a link title or a heading."""
    return len(line) >= 150 and ". " in line


def _last_prose_line(lines: list[str]) -> int:
    return max((i for i, line in enumerate(lines) if _is_prose(line)), default=-1)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    line_start: bool  # first sentence of its line (headline, caption, list item)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in reading order.

    A teaser line ("Read more: ...") inside an article is skipped; at one with no running text
    after it (a page's trailing list of links) processing stops.
    """
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    lines = text.split("\n")
    last_prose = _last_prose_line(lines)
    for index, line in enumerate(lines):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        stripped = line.strip()
        if not stripped:
            paragraph += 1
            continue
        if _BOILERPLATE.match(stripped) and len(stripped) < 90:
            if index > last_prose:
                break
            paragraph += 1
            continue
        paragraph += 1  # one line, one paragraph: news text puts paragraphs on lines
        first = True
        start = line_start + (len(line) - len(line.lstrip()))
        for m in _BOUNDARY.finditer(line):
            end = line_start + m.end()
            word = re.search(r"\S+$", text[start : line_start + m.start() + 1])
            if m.group(0) == "." and word and _ABBREV.fullmatch(word.group(0)):
                continue
            if end - start >= 2:
                sentences.append(Sentence(start, end, paragraph, first))
                first = False
            start = end
            while start < line_end and text[start].isspace():
                start += 1
        end = line_end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(start, end, paragraph, first))
    return sentences


_CLAUSE_BREAK = re.compile(
    r",?\s+(?:but|while|whereas|although|though|yet)\s+(?=\w)|;\s+(?=[a-z])"
    r"|\s+and\s+(?:he|she|they|it|officials?)?\s*(?:added|said|claimed|noted|warned|stressed)\s+(?:that\s+)?"
    r"|,\s+and\s+(?=(?:the\s+)?(?-i:[A-Z]))"
    r"|,?\s+(?=and\s+then\s+(?:\w+\s+)?(?:handed|passed|sent|shipped|transferred|moved|forwarded|smuggled|delivered|given|trucked|flown|sold)\b)"
    # "exported Scuds to Tehran, which in turn supplied rockets to Hezbollah": the buyer's own
    # deliveries, with goods of their own ("which passed them on" stays one clause)
    r"|,\s+(?=which\s+(?:in\s+turn\s+|then\s+|later\s+|also\s+|itself\s+)?(?:has\s+|had\s+)?"
    r"(?:supplied|supplies|sent|sends|shipped|ships|gave|gives|provided|provides|sold|sells|delivered|delivers|"
    r"transferred|armed|arms)\s+(?!(?:(?:many|most|some|much|part|all)\s+of\s+)?(?:them|it|these|those)\b))",
    re.I,
)


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of one sentence, split at contrastive conjunctions and added reports."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.start() - cursor > 15 and end - m.end() > 15:
            spans.append((cursor, m.start()))
            cursor = m.end()
    spans.append((cursor, end))
    return spans

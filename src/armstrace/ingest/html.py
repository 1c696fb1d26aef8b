"""HTML reader (.html, .htm): the article's main text plus title, date and site name.

trafilatura keeps the article and drops menus, comments, scripts and styles; tables keep
their cell text. A small page where trafilatura finds nothing falls back to a plain lxml
text dump, because a short press release is still worth reading.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from armstrace.errors import EmptyText, Unreadable
from armstrace.ingest.encoding import check_text, decode, normalise_newlines
from armstrace.ingest.origin import Origin
from armstrace.ingest.published import clean_published
from armstrace.model import Document

log = logging.getLogger(__name__)

FORMAT = "html"
SUFFIXES = (".html", ".htm")
MIME_TYPES = ("text/html", "application/xhtml+xml")
# Only pages whose whole visible text is this short may fall back to the lxml dump:
# on a big page, "trafilatura found nothing" means boilerplate, not an article.
SMALL_PAGE_CHARS = 5000
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_INVISIBLE = ("script", "style", "noscript", "template", "head")
_BLOCKS = (
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "section", "article", "blockquote", "pre", "header", "footer", "dd", "dt",
)  # fmt: skip


def meta_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes (`<meta charset>` or XML declaration)."""
    head = head[:_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def parse(raw: bytes, origin: Origin) -> Document:
    """Decode and extract an HTML page; HTTP's charset wins over the page's own <meta>."""
    declared = origin.declared_charset or meta_charset(raw)
    markup, encoding = decode(raw, declared, source=origin.source)
    check_text(markup, origin.source)
    tree = _parse_tree(markup, origin.source)
    text = _main_text(tree, origin.url) or _fallback_text(tree, origin.source)
    meta = trafilatura.extract_metadata(deepcopy(tree), default_url=origin.url, extensive=False)
    return Document(
        source=origin.source,
        stem=origin.stem,
        text=text,
        format=FORMAT,
        raw=raw,
        title=meta.title or None,
        publisher=meta.sitename or None,
        published=clean_published(meta.date),
        url=origin.url or meta.url or None,
        encoding=encoding,
    )


def _parse_tree(markup: str, source: str) -> HtmlElement:
    """Parse leniently (truncated pages keep their text), but never lose text silently."""
    # lxml refuses str input that carries an XML encoding declaration; the text is decoded.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    # huge_tree: without it libxml2 drops any text node over 10 MB without a word.
    parser = HTMLParser(huge_tree=True)
    try:
        tree = document_fromstring(markup, parser=parser)
    except etree.ParserError as exc:  # "Document is empty": markup with no elements
        raise EmptyText(source, "no text found") from exc
    except (etree.LxmlError, ValueError) as exc:
        raise Unreadable(source, f"HTML could not be parsed: {exc}") from exc
    fatal = [error for error in parser.error_log if error.level == etree.ErrorLevels.FATAL]
    if fatal:
        reason = fatal[0].message.split(", use ")[0]  # libxml2 suggests a flag; not for users
        if not tree.text_content().strip():
            raise Unreadable(source, f"HTML could not be parsed: {reason}")
        log.warning(
            "%s: HTML parsing stopped early (%s); keeping the text before it", source, reason
        )
    return tree


def _main_text(tree: HtmlElement, url: str | None) -> str | None:
    text = trafilatura.extract(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    if not text or not text.strip():
        return None
    return normalise_newlines(text)


def _fallback_text(tree: HtmlElement, source: str) -> str:
    text = _dump_text(tree)
    if not text:
        raise EmptyText(source, "no text found")
    if len(text) > SMALL_PAGE_CHARS:
        raise EmptyText(source, "no main text found (the page looks like navigation only)")
    log.info("%s: trafilatura found no main text; using the page's plain text", source)
    return text


def _dump_text(tree: HtmlElement) -> str:
    """All visible text, one block per line; scripts and styles never appear."""
    tree = deepcopy(tree)
    etree.strip_elements(tree, *_INVISIBLE, etree.Comment, with_tail=False)
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)

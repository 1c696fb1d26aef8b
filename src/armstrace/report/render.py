"""The brief as a standalone HTML page and as a PDF (WeasyPrint).

Why one template for both: the web app shows the HTML, the PDF is that page printed, so the
two never drift apart. The page holds its CSS and its SVG drawings inline and loads nothing,
so it opens offline and WeasyPrint needs no network.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from armstrace.errors import ArmstraceError
from armstrace.report.model import Brief

log = logging.getLogger(__name__)


def render_html(brief: Brief) -> str:
    """The brief as one HTML document (UTF-8, no external resources)."""
    css = files(__package__).joinpath("templates", "brief.css").read_text(encoding="utf-8")
    return _environment().get_template("brief.html.j2").render(brief=brief, css=Markup(css))


def render_pdf(brief: Brief) -> bytes:
    """The brief as PDF bytes, A4."""
    from weasyprint import HTML  # imported here: loading pango takes a moment

    html = render_html(brief)
    try:
        return bytes(HTML(string=html).write_pdf())
    except (OSError, ValueError) as exc:
        raise ArmstraceError(f"the PDF of {brief.title!r} could not be rendered: {exc}") from exc


def css_string(text: str) -> Markup:
    """`text` safe inside a double-quoted CSS string in a <style> element."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;-_()→'" else f"\\{ord(ch):x} " for ch in str(text)
    )
    return Markup(escaped.replace("'", "\\27 "))


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("armstrace.report", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["css_string"] = css_string
    return environment

"""Briefings on a topic (a flow, an actor or an item) as HTML and PDF.

    from armstrace.report import Topic, build_brief, render_html, render_pdf
    brief = build_brief(store, Topic.of(supplier="KP", recipient="RU"))
    Path("kp-ru.pdf").write_bytes(render_pdf(brief))

Every sentence about the world is cited to the document and the sentence it rests on.
"""

from armstrace.report.build import brief_from, build_brief
from armstrace.report.model import Brief, Chart, Citation, FindingView, ReliabilityRow, Statement
from armstrace.report.render import render_html, render_pdf
from armstrace.report.topic import Topic

__all__ = [
    "Brief",
    "Chart",
    "Citation",
    "FindingView",
    "ReliabilityRow",
    "Statement",
    "Topic",
    "brief_from",
    "build_brief",
    "render_html",
    "render_pdf",
]

"""The estimates chart: every figure of one unit over time, as inline SVG (no JavaScript).

Why drawn by hand: WeasyPrint renders inline SVG but runs no scripts, and a chart library
would be a large dependency for one kind of chart. How to read it: a point stands at the date
its figure is "as of"; a horizontal whisker shows how precise that date is ("2025" spans the
year); the marker shows the qualifier (filled: exact, hollow: about, ▲ at least, ▼ up to, a
vertical bar: a range); colour shows who asserted the figure. Points are never merged.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from html import escape

from armstrace.analysis import EstimatePoint

WIDTH, HEIGHT = 680, 270
LEFT, RIGHT, TOP, BOTTOM = 78, 18, 22, 62
PALETTE = ("#1f5a96", "#c2571a", "#3a8a3a", "#8a3a8a", "#a07a10", "#2a8a8a", "#6a6a6a")
"""Distinct in print and for the common colour-vision deficiencies (blue/orange first)."""
FONT = "DejaVu Sans, sans-serif"


def drawable(points: Sequence[EstimatePoint]) -> tuple[list[EstimatePoint], list[EstimatePoint]]:
    """(points with a date their figure stands at, points without one)."""
    dated = [p for p in points if p.window.end is not None]
    return dated, [p for p in points if p.window.end is None]


def estimates_svg(points: Sequence[EstimatePoint], unit: str) -> str:
    """The chart for the dated points of one unit (callers pass one unit's points)."""
    dated, _ = drawable(points)
    if not dated:
        return ""
    first = min(p.window.end.first for p in dated if p.window.end)
    last = max(p.window.end.last for p in dated if p.window.end)
    pad = max((last - first).days * 0.06, 120)
    x0, x1 = first.toordinal() - pad, last.toordinal() + pad
    top = _nice_top(max(max(p.value, p.max or 0) for p in dated))
    width, height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        return LEFT + (day.toordinal() - x0) / (x1 - x0) * width

    def y(value: float) -> float:
        return TOP + height - value / top * height

    bodies = list(dict.fromkeys(asserted_by(p) for p in dated))
    colour = {body: PALETTE[i % len(PALETTE)] for i, body in enumerate(bodies)}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" font-family="{FONT}" font-size="10" '
        f'role="img" aria-label="Reported {escape(unit)} over time">',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    for tick in _ticks(top):
        ty = y(tick)
        parts.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" stroke="#dddddd" stroke-width="0.7"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{ty + 3.5:.1f}" text-anchor="end" fill="#444">{_short(tick)}</text>'
        )
    parts.extend(_time_axis(int(x0), int(x1), x, TOP + height))
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP + height}" x2="{WIDTH - RIGHT}" y2="{TOP + height}" stroke="#333" stroke-width="1"/>'
    )
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + height}" stroke="#333" stroke-width="1"/>'
    )
    parts.append(
        f'<text x="14" y="{TOP + height / 2:.1f}" transform="rotate(-90 14 {TOP + height / 2:.1f})" '
        f'text-anchor="middle" fill="#333">{escape(unit)}</text>'
    )
    placed: list[tuple[float, float, float]] = []
    for point in sorted(
        dated, key=lambda p: (p.window.end.first if p.window.end else date.min, p.value)
    ):
        span = point.window.end
        assert span is not None
        left, right = x(span.first), x(span.last)
        cx, cy = (left + right) / 2, y(point.value)
        stroke = colour[asserted_by(point)]
        if right - left > 2:
            parts.append(
                f'<line x1="{left:.1f}" y1="{cy:.1f}" x2="{right:.1f}" y2="{cy:.1f}" stroke="{stroke}" stroke-width="1.4" opacity="0.7"/>'
            )
        parts.append(_marker(point, cx, cy, stroke, y))
        ly = _free_row(placed, cx, cy, len(point.label) * 5.6)
        parts.append(
            f'<text x="{cx:.1f}" y="{ly:.1f}" text-anchor="middle" fill="{stroke}" font-size="9.5">{escape(point.label)}</text>'
        )
    parts.extend(_legend(bodies, colour, TOP + height + 30))
    parts.append("</svg>")
    return "\n".join(parts)


def _time_axis(first: int, last: int, x: Callable[[date], float], bottom: float) -> list[str]:
    """Year lines with labels; over a short span, quarter ticks (Apr, Jul, Oct) as well."""
    parts = []
    start, end = date.fromordinal(first), date.fromordinal(last)
    short = last - first < 3 * 366
    for year in range(start.year, end.year + 1):
        for month in (1, 4, 7, 10) if short else (1,):
            day = date(year, month, 1)
            if not start < day < end:
                continue
            tx = x(day)
            major = month == 1
            parts.append(
                f'<line x1="{tx:.1f}" y1="{TOP if major else bottom}" x2="{tx:.1f}" '
                f'y2="{bottom + (0 if major else 4)}" stroke="{"#eeeeee" if major else "#333"}" '
                'stroke-width="0.7"/>'
            )
            label = str(year) if major else day.strftime("%b %Y" if len(parts) == 1 else "%b")
            parts.append(
                f'<text x="{tx:.1f}" y="{bottom + 14}" text-anchor="middle" '
                f'fill="{"#444" if major else "#888"}" font-size="{10 if major else 8.5}">{label}</text>'
            )
    return parts


def asserted_by(point: EstimatePoint) -> str:
    """Who the chart says gave a figure: its asserting body, else its document's title."""
    return point.asserted_by or point.title or point.doc


def _free_row(
    placed: list[tuple[float, float, float]], cx: float, cy: float, width: float
) -> float:
    """A label baseline near (cx, cy) that overlaps no label placed before; records it."""
    for offset in (-9, -21, 17, -33, 29, -45):
        ly = cy + offset
        if all(abs(ly - y) >= 11 or abs(cx - x) >= (width + w) / 2 + 2 for x, y, w in placed):
            break
    placed.append((cx, ly, width))
    return ly


def _marker(
    point: EstimatePoint, cx: float, cy: float, stroke: str, y: Callable[[float], float]
) -> str:
    if point.qualifier == "at_least":
        return f'<polygon points="{cx:.1f},{cy - 5:.1f} {cx - 5:.1f},{cy + 4:.1f} {cx + 5:.1f},{cy + 4:.1f}" fill="{stroke}"/>'
    if point.qualifier == "at_most":
        return f'<polygon points="{cx:.1f},{cy + 5:.1f} {cx - 5:.1f},{cy - 4:.1f} {cx + 5:.1f},{cy - 4:.1f}" fill="{stroke}"/>'
    if point.qualifier == "range" and point.max is not None:
        high = y(point.max)
        return (
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{cx:.1f}" y2="{high:.1f}" stroke="{stroke}" stroke-width="3"/>'
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{stroke}"/>'
        )
    fill = "#ffffff" if point.qualifier == "approx" else stroke
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.2" fill="{fill}" stroke="{stroke}" stroke-width="1.6"/>'


def _legend(bodies: list[str], colour: dict[str, str], top: float) -> list[str]:
    parts = []
    keys = [("●", "exact"), ("○", "about"), ("▲", "at least"), ("▼", "up to"), ("┃", "range")]
    text = "   ".join(f"{mark} {words}" for mark, words in keys)
    parts.append(
        f'<text x="{LEFT}" y="{top:.1f}" fill="#333">{escape(text)}   ── date precision</text>'
    )
    x, row = float(LEFT), top + 18
    for body in bodies:
        label = escape(body if len(body) <= 38 else body[:37] + "…")
        width = 18 + 6.2 * len(label)
        if x + width > WIDTH - RIGHT:
            x, row = float(LEFT), row + 15
        parts.append(
            f'<rect x="{x:.1f}" y="{row - 8:.1f}" width="10" height="10" fill="{colour[body]}"/>'
        )
        parts.append(f'<text x="{x + 14:.1f}" y="{row:.1f}" fill="#333">{label}</text>')
        x += width + 12
    return parts


TICKS = 4


def _nice_top(value: float) -> float:
    """The top of the axis: TICKS round steps (1, 2, 2.5 or 5 × 10^k) just above `value`."""
    if value <= 0:
        return float(TICKS)
    rough = value * 1.08 / TICKS
    magnitude = 10.0 ** math.floor(math.log10(rough))
    step = next(s * magnitude for s in (1, 2, 2.5, 5, 10) if s * magnitude >= rough)
    return step * TICKS


def _ticks(top: float) -> list[float]:
    return [top * i / TICKS for i in range(TICKS + 1)]


def _short(value: float) -> str:
    """Axis labels: 12,000 → "12,000"; 3,000,000 → "3M"; 2,500,000 → "2.5M"."""
    if value >= 1_000_000:
        text = f"{value / 1_000_000:.1f}".rstrip("0").rstrip(".")
        return f"{text}M"
    return f"{value:,.0f}"

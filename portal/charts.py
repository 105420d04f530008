"""Geometry of the portal's server-rendered SVG bar charts; each template draws it beside the table of its numbers.

Three shapes: bars over time (`vertical`), a pair of bars over time (`paired`:
the clause pages put what an even pace requires next to what was delivered)
and bars for categories (`horizontal`). A value of None draws no bar: the
templates mark it with a dash and the word their table uses, so no meaning
rests on colour and the picture never shows more than the table. Part of the
core: the procurement and report features both draw with it, neither owns it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH = 640
# Room for the value axis on the left and the date labels below vertical bars.
LEFT, RIGHT, TOP = 48, 8, 12
# The labels are 12 px system-ui text (reports.css); 7 px a character is a generous average, so the
# reserved room is never shorter than the drawn text (a Finnish compound is long, "ä" is as wide as "a").
CHAR_W = 7.0
# A horizontal chart's label column: at least this, at most this, so the bars keep half the picture.
LABEL_MIN, LABEL_MAX, LABEL_GAP = 80, 300, 14


@dataclass(frozen=True)
class Tick:
    """A gridline of the value axis: its position and value."""

    position: float
    value: float


@dataclass(frozen=True)
class Rect:
    """A rectangle in chart coordinates."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BarItem:
    """One bar: its label, its value (None: hidden) and its rectangle."""

    label: str
    value: float | None
    x: float
    y: float
    width: float
    height: float
    text_x: float
    text_y: float
    label_x: float = 0.0  # horizontal charts: where the label ends (it is drawn right-aligned)


@dataclass(frozen=True)
class BarChart:
    """Everything the SVG template draws for one chart of single bars."""

    width: int
    height: int
    horizontal: bool
    bars: list[BarItem]
    ticks: list[Tick]
    axis: tuple[float, float, float, float]  # x1, y1, x2, y2 of the baseline
    percent: bool


@dataclass(frozen=True)
class PairChart:
    """Everything the SVG template draws for pairs of bars over time."""

    width: int
    height: int
    plot_left: int
    plot_right: int
    baseline: float
    ticks: list[Tick]
    groups: list[tuple[object, Rect, Rect, float]]  # item, first bar, second bar, label x
    target: tuple[float, float] | None = None  # (value, y) of a target line across the plot, if any


def nice_top(value: float) -> float:
    """A round number at or above the value, for the top of the scale."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude + 1e-9:
            return step * magnitude
    return 10 * magnitude


def text_width(text: str) -> float:
    """The width the text takes at most in chart coordinates."""
    return len(text) * CHAR_W


def fit(text: str, width: float) -> str:
    """The text, shortened with an ellipsis to fit the width (the table beside the chart has it whole)."""
    if text_width(text) <= width:
        return text
    keep = max(1, int(width // CHAR_W) - 1)
    return text[:keep].rstrip() + "…"


def _columns(count: int, height: int, bottom: int) -> tuple[float, float, float]:
    """The plot height, the baseline and the width of one slot when `count` columns share the plot."""
    plot_h = height - TOP - bottom
    return plot_h, TOP + plot_h, (WIDTH - LEFT - RIGHT) / max(1, count)


def _value_ticks(base: float, span: float, top: float, sign: int = -1) -> list[Tick]:
    """Gridlines at nought, half and the top of the scale."""
    return [Tick(base + sign * span * f, top * f) for f in (0, 0.5, 1)]


def vertical(points: list[tuple[str, float | None]], height: int = 220, percent: bool = False) -> BarChart:
    """Bars over months (labels short enough to stand under each bar)."""
    top = 1.0 if percent else nice_top(max([v or 0 for _, v in points] + [0]))
    plot_h, base, slot = _columns(len(points), height, 34)
    bar_w = min(28.0, slot * 0.6)
    bars = []
    for i, (label, value) in enumerate(points):
        centre = LEFT + slot * (i + 0.5)
        h = plot_h * (value or 0) / top
        # A label stands centred under its bar, so it may take one slot (less a little air) and no more.
        shown = fit(label, min(slot - 4, 2 * (centre - 2)))
        bars.append(BarItem(shown, value, centre - bar_w / 2, base - h, bar_w, h, centre, base + 18))
    return BarChart(WIDTH, height, False, bars, _value_ticks(base, plot_h, top), (LEFT, base, WIDTH - RIGHT, base),
                    percent)


def paired(items: list[tuple[object, float, float]], height: int = 260, target: float | None = None) -> PairChart:
    """Two bars a slot, side by side: (item, first value, second value) for each date; a target line if given."""
    # The scale reaches a little above the target, so the line's label stays inside the picture.
    top = nice_top(max([max(a, b) for _, a, b in items] + [(target or 0) * 1.08, 0]))
    plot_h, base, slot = _columns(len(items), height, 36)
    bar_w = min(22.0, slot * 0.36)
    groups = []
    for i, (item, first, second) in enumerate(items):
        centre = LEFT + slot * (i + 0.5)
        h1, h2 = plot_h * first / top, plot_h * second / top
        groups.append((item, Rect(centre - bar_w - 1, base - h1, bar_w, h1), Rect(centre + 1, base - h2, bar_w, h2),
                       centre))
    line = (target, base - plot_h * target / top) if target else None
    return PairChart(WIDTH, height, LEFT, WIDTH - RIGHT, base, _value_ticks(base, plot_h, top), groups, line)


def horizontal(items: list[tuple[str, float | None]], percent: bool = False) -> BarChart:
    """Bars for categories, labels on the left."""
    right, row_h, top_pad = 70, 30, 8
    # The label column is as wide as the longest label needs (within bounds): labels end at
    # `left - LABEL_GAP / 2` and run leftwards, so a fixed column clipped long ones at the picture's edge.
    longest = max([text_width(label) for label, _ in items] + [0])
    left = int(min(LABEL_MAX, max(LABEL_MIN, longest + LABEL_GAP)))
    top = 1.0 if percent else nice_top(max([v or 0 for _, v in items] + [0]))
    plot_w = WIDTH - left - right
    bars = []
    for i, (label, value) in enumerate(items):
        y = top_pad + i * row_h
        w = plot_w * (value or 0) / top
        shown = fit(label, left - LABEL_GAP)
        bars.append(BarItem(shown, value, left, y + 5, w, row_h - 10, left + w + 6, y + row_h / 2 + 4,
                            left - 8))
    height = top_pad * 2 + row_h * max(1, len(items))
    ticks = _value_ticks(left, plot_w, top, sign=1)
    return BarChart(WIDTH, height, True, bars, ticks, (left, top_pad, left, height - top_pad), percent)

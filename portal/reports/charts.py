"""Geometry of the dashboard's server-rendered SVG charts; the templates draw it beside its table.

Two shapes: vertical bars over months (one series) and horizontal bars for
categories. A hidden cell draws no bar and is marked with a dash-filled
placeholder and the word the table uses, so no meaning rests on colour and
the picture never shows more than the table.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH = 640


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


@dataclass(frozen=True)
class Tick:
    """A gridline of the value axis: its position and value."""

    position: float
    value: float


@dataclass(frozen=True)
class BarChart:
    """Everything the SVG template draws for one chart."""

    width: int
    height: int
    horizontal: bool
    bars: list[BarItem]
    ticks: list[Tick]
    axis: tuple[float, float, float, float]  # x1, y1, x2, y2 of the baseline
    percent: bool


def nice_top(value: float) -> float:
    """A round number at or above the value, for the top of the scale."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude + 1e-9:
            return step * magnitude
    return 10 * magnitude


def vertical(points: list[tuple[str, float | None]], height: int = 220, percent: bool = False) -> BarChart:
    """Bars over months (labels short enough to stand under each bar)."""
    left, right, top_pad, bottom = 48, 8, 12, 34
    top = 1.0 if percent else nice_top(max([v or 0 for _, v in points] + [0]))
    plot_w, plot_h = WIDTH - left - right, height - top_pad - bottom
    base = top_pad + plot_h
    slot = plot_w / max(1, len(points))
    bar_w = min(28.0, slot * 0.6)
    bars = []
    for i, (label, value) in enumerate(points):
        centre = left + slot * (i + 0.5)
        h = plot_h * (value or 0) / top
        bars.append(BarItem(label, value, centre - bar_w / 2, base - h, bar_w, h, centre, base + 18))
    ticks = [Tick(base - plot_h * f, top * f) for f in (0, 0.5, 1)]
    return BarChart(WIDTH, height, False, bars, ticks, (left, base, WIDTH - right, base), percent)


def horizontal(items: list[tuple[str, float | None]], percent: bool = False) -> BarChart:
    """Bars for categories, labels on the left."""
    left, right, row_h, top_pad = 200, 70, 30, 8
    top = 1.0 if percent else nice_top(max([v or 0 for _, v in items] + [0]))
    plot_w = WIDTH - left - right
    bars = []
    for i, (label, value) in enumerate(items):
        y = top_pad + i * row_h
        w = plot_w * (value or 0) / top
        bars.append(BarItem(label, value, left, y + 5, w, row_h - 10, left + w + 6, y + row_h / 2 + 4))
    height = top_pad * 2 + row_h * max(1, len(items))
    ticks = [Tick(left + plot_w * f, top * f) for f in (0, 0.5, 1)]
    return BarChart(WIDTH, height, True, bars, ticks, (left, top_pad, left, height - top_pad), percent)

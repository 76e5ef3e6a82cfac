"""Geometry of the dashboard's charts, drawn as inline SVG by templates/stats/_charts.html: stacked
columns over time and stacked horizontal bars per country or vertical. Nothing runs in the browser, so
the charts work without JavaScript, print, and are tested like any HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

SERIES = ("9710", "9810", "stock")
COLOURS = {"9710": "#1f6f8b", "9810": "#e0a526", "stock": "#7b9e3e"}


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    series: str
    value: Decimal

    @property
    def colour(self) -> str:
        return COLOURS[self.series]


@dataclass
class Item:
    label: str
    total: Decimal
    rects: list[Rect] = field(default_factory=list)
    x: float = 0  # label anchor
    y: float = 0


@dataclass
class Chart:
    width: int
    height: int
    items: list[Item]
    ticks: list[tuple[float, Decimal]]  # (position, value)
    plot: tuple[float, float, float, float]  # x, y, w, h
    horizontal: bool


def nice_max(value: Decimal) -> Decimal:
    """A round axis maximum at or above `value`: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten."""
    if value <= 0:
        return Decimal(1)
    exp = value.adjusted()
    for step in (
        *(Decimal(s) for s in ("1", "1.2", "1.5", "2", "2.5", "3", "4", "5", "6", "8")),
        Decimal(10),
    ):
        candidate = step.scaleb(exp)
        if candidate >= value:
            return candidate
    return Decimal(10).scaleb(exp).to_integral_value(ROUND_CEILING)


def _parts(values: dict[str, Decimal | None]) -> list[tuple[str, Decimal]]:
    return [(s, values.get(s) or Decimal(0)) for s in SERIES]


def columns(
    rows: list[tuple[str, dict[str, Decimal | None]]], *, width: int = 720, height: int = 280
) -> Chart:
    """Stacked columns, one per row (label, {series: value})."""
    left, right, top, bottom = 86, 10, 12, 46
    pw, ph = width - left - right, height - top - bottom
    top_value = nice_max(max((sum(v for _, v in _parts(vals)) for _, vals in rows), default=Decimal(0)))
    slot = pw / max(len(rows), 1)
    bar = slot * 0.7
    items = []
    for i, (label, vals) in enumerate(rows):
        x = left + i * slot + (slot - bar) / 2
        y = top + ph
        item = Item(label=label, total=sum(v for _, v in _parts(vals)), x=x + bar / 2, y=top + ph + 16)
        for series, value in _parts(vals):
            h = float(value / top_value) * ph
            if h > 0:
                y -= h
                item.rects.append(Rect(x, y, bar, h, series, value))
        items.append(item)
    ticks = [(top + ph - ph * k / 4, top_value * k / 4) for k in range(5)]
    return Chart(width, height, items, ticks, (left, top, pw, ph), horizontal=False)


def bars(rows: list[tuple[str, dict[str, Decimal | None]]], *, width: int = 720) -> Chart:
    """Stacked horizontal bars, one per row (label, {series: value})."""
    left, right, top, row_h = 170, 20, 24, 26
    height = top + row_h * max(len(rows), 1) + 10
    pw = width - left - right
    top_value = nice_max(max((sum(v for _, v in _parts(vals)) for _, vals in rows), default=Decimal(0)))
    items = []
    for i, (label, vals) in enumerate(rows):
        y = top + i * row_h + 4
        x = float(left)
        item = Item(label=label, total=sum(v for _, v in _parts(vals)), x=left - 6, y=y + 13)
        for series, value in _parts(vals):
            w = float(value / top_value) * pw
            if w > 0:
                item.rects.append(Rect(x, y, w, row_h - 8, series, value))
                x += w
        items.append(item)
    ticks = [(left + pw * k / 4, top_value * k / 4) for k in range(5)]
    return Chart(width, height, items, ticks, (left, top, pw, row_h * len(rows)), horizontal=True)

"""Geometry for server-rendered SVG charts (no JavaScript). Hidden counts get no bar, only their label."""

from __future__ import annotations

from dataclasses import dataclass

BAR_WIDTH = 400
LABEL_WIDTH = 150
VALUE_WIDTH = 44
ROW_HEIGHT = 22
COLUMN_HEIGHT = 160


@dataclass(frozen=True)
class Item:
    label: str
    value: int | None
    display: str


@dataclass(frozen=True)
class Bar:
    label: str
    display: str
    y: float
    text_y: float
    width: float
    value_x: float


@dataclass(frozen=True)
class Column:
    label: str
    display: str
    x: float
    label_x: float
    y: float
    height: float
    value_y: float


def _scale(items: list[Item]) -> int:
    return max([item.value or 0 for item in items] + [1])


def bars(items: list[Item]) -> dict:
    top = _scale(items)
    room = BAR_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    rows = []
    for index, item in enumerate(items):
        width = room * (item.value or 0) / top
        y = index * ROW_HEIGHT + 3
        rows.append(Bar(item.label, item.display, y, y + 12, width, LABEL_WIDTH + width + 4))
    return {"bars": rows, "width": BAR_WIDTH, "height": max(len(items), 1) * ROW_HEIGHT + 4, "left": LABEL_WIDTH}


def columns(items: list[Item]) -> dict:
    top = _scale(items)
    step = BAR_WIDTH / max(len(items), 1)
    cols = []
    for index, item in enumerate(items):
        height = (COLUMN_HEIGHT - 20) * (item.value or 0) / top
        x = index * step + step * 0.15
        y = COLUMN_HEIGHT - height
        cols.append(Column(item.label, item.display, x, index * step + step / 2, y, height, y - 4))
    return {"columns": cols, "width": BAR_WIDTH, "height": COLUMN_HEIGHT + 18, "bar": step * 0.7, "base": COLUMN_HEIGHT}

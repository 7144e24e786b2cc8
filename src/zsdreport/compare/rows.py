"""The words and columns every output of a comparison shares: status names, changes, rates."""

from __future__ import annotations

from decimal import Decimal

from zsdreport.compare.figures import signed
from zsdreport.compare.model import FigureChange, ItemChange
from zsdreport.compare.units import KIND_NAMES
from zsdreport.figures.figure import format_value

FIGURE_STATUS = {
    "changed": "变化",
    "renamed": "改名",
    "added": "新增",
    "removed": "删除",
    "unit_changed": "单位改变",
}
ITEM_STATUS = {"added": "新增", "removed": "删除", "moved": "移动"}
FIGURE_HEADINGS = ("状态", "标识", "名称", "上期", "本期", "增减", "增幅", "说明")


def change_unit(unit: str) -> str:
    """Return the unit of a change: a change of a percentage is in 个百分点."""
    return "个百分点" if unit == "%" else unit


def has_rate(unit: str) -> bool:
    """Tell whether a change in ``unit`` gets a 增幅: a percentage's change is in 个百分点 already."""
    return unit != "%"


def change_text(figure: FigureChange) -> str:
    """Return the change as printed, e.g. ``+18人`` or ``-0.3个百分点``; empty when not compared."""
    if figure.change is None:
        return ""
    return signed(figure.change) + change_unit(figure.unit)


def rate_text(rate: Decimal | None) -> str:
    """Return a rate as printed, e.g. ``+10.7%``; empty when there is none (from 0)."""
    return "" if rate is None else signed(rate) + "%"


def note(figure: FigureChange) -> str:
    """Return what a reader must know beyond the numbers: a new label, a new unit, a formula."""
    notes = []
    if figure.status == "unit_changed":
        notes.append(f"单位由“{figure.old_unit}”改为“{figure.unit}”，不作比较")
    if figure.old_label is not None:
        notes.append(f"原名称“{figure.old_label}”")
    if figure.computed:
        notes.append("计算指标")
    if figure.status != "unit_changed" and figure.old is not None and figure.old.is_zero():
        notes.append("上期为 0，无增幅")
    return "；".join(notes)


def figure_cells(figure: FigureChange) -> list[str]:
    """Return one figure's row under FIGURE_HEADINGS, as text."""
    return [
        FIGURE_STATUS[figure.status],
        figure.id,
        figure.label,
        figure.old_text,
        figure.new_text,
        change_text(figure),
        rate_text(figure.rate) if figure.status != "unit_changed" and has_rate(figure.unit) else "",
        note(figure),
    ]


def plain(value: Decimal | None) -> str:
    """Return a number as typed, no unit, no sign added."""
    return "" if value is None else format_value(value)


def item_line(item: ItemChange) -> str:
    """Return one structural change as a line: 移动 条目 二、4. → 二、2.：lead."""
    kind = KIND_NAMES[item.kind]
    if item.status == "moved":
        where = f"{item.old_where} → {item.new_where}"
    else:
        where = (item.new_where if item.status == "added" else item.old_where) or ""
    return f"{ITEM_STATUS[item.status]}{kind} {where}：{item.title}"

"""Figures by id: old and new value, change and rate; the same numbers the 对比表 prints."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from zsdreport.compare.model import FigureChange
from zsdreport.figures.figure import Figure

RATE_DIGITS = 1


def delta(old: Decimal, new: Decimal) -> tuple[Decimal, Decimal | None]:
    """Return the change ``new - old`` and the rate in percent (one decimal, none from 0)."""
    change = new - old
    if old.is_zero():
        return change, None
    rate = (change / abs(old) * 100).quantize(Decimal(1).scaleb(-RATE_DIGITS), ROUND_HALF_UP)
    return change, abs(rate) if rate.is_zero() else rate


def signed(value: Decimal) -> str:
    """Return ``value`` with its sign, as a change is printed: +18, -3, 0."""
    if value.is_zero():
        return "0"
    text = format(value, "f")
    return text if value < 0 else f"+{text}"


def compare_figures(
    old: Mapping[str, Figure], new: Mapping[str, Figure]
) -> tuple[list[FigureChange], int]:
    """Return the figures that differ, in the new period's order (removed ones last).

    A figure whose unit changed is flagged and not compared: 1.6万 and 2.4万元 are not the
    same quantity even though they share an id.
    """
    changes: list[FigureChange] = []
    unchanged = 0
    for key, figure in new.items():
        before = old.get(key)
        if before is None:
            changes.append(_one_sided(figure, "added"))
            continue
        renamed = before.metric.label != figure.metric.label
        unit = figure.metric.unit
        if before.metric.unit != unit:
            changes.append(_pair(before, figure, "unit_changed", renamed, None, None))
        elif before.value != figure.value:
            change, rate = delta(before.value, figure.value)
            changes.append(_pair(before, figure, "changed", renamed, change, rate))
        elif renamed:
            changes.append(_pair(before, figure, "renamed", renamed, None, None))
        else:
            unchanged += 1
    changes += [_one_sided(f, "removed") for key, f in old.items() if key not in new]
    return changes, unchanged


def _pair(
    old: Figure,
    new: Figure,
    status: str,
    renamed: bool,
    change: Decimal | None,
    rate: Decimal | None,
) -> FigureChange:
    return FigureChange(
        id=new.id,
        status=status,  # type: ignore[arg-type]
        label=new.metric.label,
        old_label=old.metric.label if renamed else None,
        old=old.value,
        new=new.value,
        old_text=old.text,
        new_text=new.text,
        change=change,
        rate=rate,
        unit=new.metric.unit,
        old_unit=old.metric.unit if status == "unit_changed" else None,
        computed=new.metric.formula is not None,
    )


def _one_sided(figure: Figure, status: str) -> FigureChange:
    added = status == "added"
    return FigureChange(
        id=figure.id,
        status=status,  # type: ignore[arg-type]
        label=figure.metric.label,
        old_label=None,
        old=None if added else figure.value,
        new=figure.value if added else None,
        old_text="" if added else figure.text,
        new_text=figure.text if added else "",
        change=None,
        rate=None,
        unit=figure.metric.unit,
        old_unit=None,
        computed=figure.metric.formula is not None,
    )

"""The rows of the 主要指标对比表, computed by the same code as ``zsdreport diff``."""

from __future__ import annotations

from zsdreport.compare.figures import compare_figures
from zsdreport.compare.rows import change_text, change_unit, has_rate, rate_text
from zsdreport.figures.figure import Figure
from zsdreport.report import Report

HEADER = ("指标", "上期", "本期", "增减", "增幅")
ALIGN = ("left", "right", "right", "right", "right")
MISSING = "—"


def comparison_rows(report: Report) -> tuple[tuple[str, ...], ...]:
    """Return the header and one row per chosen figure: label, previous, current, change, rate."""
    table = report.meta.comparison
    if table is None:
        return ()
    rows = [HEADER]
    for key in table.metrics:
        figure = report.figures[key]
        before = report.previous.get(key)
        if before is None:
            rows.append((figure.metric.label, MISSING, figure.text, MISSING, MISSING))
            continue
        changes, _ = compare_figures({key: before}, {key: figure})
        change = changes[0] if changes else None
        if change is not None and change.status == "unit_changed":
            # Different units: the numbers are printed, not compared.
            rows.append((figure.metric.label, before.text, figure.text, MISSING, MISSING))
        elif change is None or change.change is None:  # the same value (perhaps relabelled)
            same = "0" + change_unit(figure.metric.unit)
            rows.append(
                (figure.metric.label, before.text, figure.text, same, _rate("0.0%", figure))
            )
        else:
            rows.append(
                (
                    figure.metric.label,
                    before.text,
                    figure.text,
                    change_text(change),
                    _rate(rate_text(change.rate) or MISSING, figure),
                )
            )
    return tuple(rows)


def _rate(text: str, figure: Figure) -> str:
    """Return the 增幅 cell, or "—" where the unit has none (has_rate)."""
    return text if has_rate(figure.metric.unit) else MISSING

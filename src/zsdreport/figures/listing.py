"""The metrics listing: every figure as a table or JSON (the 填报表 is in periods/sheet.py)."""

from __future__ import annotations

import json
from pathlib import Path

from zsdreport.errors import UsageError
from zsdreport.figures.figure import format_value
from zsdreport.report import Report
from zsdreport.schema.section import PENDING
from zsdreport.text import columns

COLUMNS = ("id", "label", "value", "unit", "source")
HEADINGS = ("标识", "名称", "数值", "单位", "出处")


def list_metrics(report: Report, fmt: str) -> str:
    """Return every figure of ``report`` in ``fmt`` (table or json)."""
    rows = [
        {
            "id": f.id,
            "label": f.metric.label,
            "value": PENDING if f.pending else format_value(f.value, f.metric.digits),
            "unit": f.metric.unit,
            "source": f"{_relative(f.file, report.root)}:{f.line}",
            "formula": f.metric.formula or "",
        }
        for f in report.figures.values()
    ]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        table = [list(HEADINGS), *[[str(r[c]) for c in COLUMNS] for r in rows]]
        widths = [max(columns(row[i]) for row in table) for i in range(len(COLUMNS))]
        lines = [
            "  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in table
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines) + f"\n共 {len(rows)} 项指标\n"
    raise UsageError(f"不支持的格式：{fmt}；可选 table、json、xlsx、csv")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _pad(text: str, width: int) -> str:
    return text + " " * (width - columns(text))

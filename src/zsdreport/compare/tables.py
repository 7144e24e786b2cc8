"""A comparison for programs and spreadsheets: JSON (with a shipped schema), CSV and .xlsx."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from importlib import resources
from typing import Any

from zsdreport.compare.model import Comparison
from zsdreport.compare.rows import (
    FIGURE_STATUS,
    ITEM_STATUS,
    change_unit,
    has_rate,
    note,
    plain,
)
from zsdreport.compare.units import KIND_NAMES
from zsdreport.spreadsheet import spreadsheet_cell

SCHEMA_NAME = "diff.schema.json"
SCHEMA_ID = "https://zsdreport.invalid/schema/diff-1.json"
CSV_HEADINGS = (
    "状态", "标识", "名称", "上期数值", "本期数值", "增减", "增幅（%）", "单位", "上期单位", "说明",
)  # fmt: skip
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).


def schema() -> dict[str, Any]:
    """Return the JSON Schema that ``--format json`` output follows."""
    text = resources.files("zsdreport.compare").joinpath(SCHEMA_NAME).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def render_json(comparison: Comparison) -> str:
    """Return the comparison as JSON, numbers as exact decimal strings."""
    data = {"$schema": SCHEMA_ID, **comparison.to_data()}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _signed(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def figure_rows(comparison: Comparison) -> list[list[str]]:
    """Return one row per changed figure under CSV_HEADINGS: numbers without units."""
    return [
        [
            FIGURE_STATUS[f.status],
            f.id,
            f.label,
            plain(f.old),
            plain(f.new),
            _signed(f.change),
            _signed(f.rate) if has_rate(f.unit) else "",
            change_unit(f.unit) if f.change is not None else f.unit,
            f.old_unit or "",
            note(f),
        ]
        for f in comparison.figures
    ]


def render_csv(comparison: Comparison) -> bytes:
    """Return the changed figures as CSV: UTF-8 with BOM (Excel needs it), Chinese headings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADINGS)
    writer.writerows([spreadsheet_cell(cell) for cell in row] for row in figure_rows(comparison))
    return buffer.getvalue().encode("utf-8-sig")


def render_xlsx(comparison: Comparison) -> bytes:
    """Return a workbook: 指标 (as the CSV, numbers as numbers), 结构 and 文字修改."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheets = [
        ("指标", list(CSV_HEADINGS), figure_rows(comparison)),
        (
            "结构",
            ["变化", "类别", "上期位置", "本期位置", "内容"],
            [
                [
                    ITEM_STATUS[i.status],
                    KIND_NAMES[i.kind],
                    i.old_where or "",
                    i.new_where or "",
                    i.title,
                ]
                for i in (*comparison.sections, *comparison.items)
            ],
        ),
        (
            "文字修改",
            ["类别", "位置", "条目", "删除", "新增", "修改后（上下文）"],
            [
                [
                    p.kind,
                    p.where,
                    p.title,
                    "／".join(s.text for s in p.segments if s.op == "delete"),
                    "／".join(s.text for s in p.segments if s.op == "insert"),
                    "".join(s.text for s in p.segments if s.op != "delete"),
                ]
                for p in comparison.prose
            ],
        ),
    ]
    book.remove(book.worksheets[0])  # the empty default sheet
    for title, headings, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(headings)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for r, row in enumerate(rows, 2):
            for c, value in enumerate(row, 1):
                target = sheet.cell(r, c)
                if title == "指标" and c in (4, 5, 6, 7) and value:
                    target.value = Decimal(value)
                else:
                    # Stored as text: openpyxl would write "=..." as a formula.
                    target.value = value
                    target.data_type = "s"
        for c, heading in enumerate(headings, 1):
            width = max([len(heading) * 2, *(len(str(row[c - 1])) * 2 for row in rows)])
            sheet.column_dimensions[sheet.cell(1, c).column_letter].width = min(width + 2, 60)
        sheet.freeze_panes = "A2"
    book.properties.creator = "zsdreport"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""The 填报表: every figure as a sheet a department fills in (xlsx for Excel/WPS, or CSV).

Columns: 标识, 名称, 单位, 上期数, 本期数, 备注, 出处. Computed figures are listed with their
value but cannot be typed into: the xlsx sheet is protected with only the 本期数 cells of typed
figures left open, and `fill` refuses a changed value for a computed one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from zsdreport.figures.figure import Figure, format_value
from zsdreport.report import Report
from zsdreport.spreadsheet import spreadsheet_cell

HEADINGS = ("标识", "名称", "单位", "上期数", "本期数", "备注", "出处")
ID, VALUE = HEADINGS.index("标识"), HEADINGS.index("本期数")
SHEET = "填报表"
WIDTHS = (28, 44, 10, 12, 12, 48, 34)
"""Column widths in characters; a Chinese character counts two."""


@dataclass(frozen=True)
class Row:
    """One figure as a row of the sheet."""

    id: str
    label: str
    unit: str
    previous: str
    value: str
    note: str
    source: str
    computed: bool

    def cells(self) -> tuple[str, ...]:
        """Return the row's cells in HEADINGS order."""
        return (
            self.id,
            self.label,
            self.unit,
            self.previous,
            self.value,
            self.note,
            self.source,
        )


def rows(report: Report) -> list[Row]:
    """Return one row per figure, in the order the files declare them."""
    return [_row(figure, report.root) for figure in report.figures.values()]


def _row(figure: Figure, root: Path) -> Row:
    metric = figure.metric
    computed = metric.formula is not None
    note = metric.note or ""
    if computed:
        note = f"由公式计算（{metric.formula}），不用填写" + (f"；{note}" if note else "")
    elif metric.fixed:
        note = "固定数（各期相同）：规定变了才改" + (f"；{note}" if note else "")
    previous = "" if figure.previous is None else format_value(figure.previous, metric.digits)
    value = "" if figure.pending else format_value(figure.value, metric.digits)
    try:
        where = figure.file.relative_to(root).as_posix()
    except ValueError:
        where = figure.file.name
    return Row(
        figure.id,
        metric.label,
        metric.unit,
        previous,
        value,
        note,
        f"{where}:{figure.line}",
        computed,
    )


def to_csv(table: list[Row]) -> bytes:
    """Return the sheet as CSV: UTF-8 with a BOM (so Excel reads the Chinese), CRLF lines.

    Text cells from the data (labels, units, notes) go through spreadsheet_cell, so none can
    run as a formula; the two number columns are numbers.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for row in table:
        cells = list(row.cells())
        writer.writerow(
            [
                c if i in (HEADINGS.index("上期数"), VALUE) else spreadsheet_cell(c)
                for i, c in enumerate(cells)
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(table: list[Row]) -> bytes:
    """Return the sheet as an .xlsx workbook: protected, only the 本期数 of typed figures open."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(list(HEADINGS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    open_fill = PatternFill("solid", fgColor="FFF2CC")
    for number, row in enumerate(table, start=2):
        for column, text in enumerate(row.cells(), start=1):
            cell = sheet.cell(number, column)
            if column - 1 in (HEADINGS.index("上期数"), VALUE) and text:
                cell.value = _number(text)
                cell.number_format = "General"
            else:
                cell.value = text
                # openpyxl stores a text starting with "=" as a formula: keep it text.
                cell.data_type = "s"
        if not row.computed:
            entry = sheet.cell(number, VALUE + 1)
            entry.protection = Protection(locked=False)
            entry.fill = open_fill
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = (
        True  # no password: it only keeps computed figures from being typed over
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _number(text: str) -> int | float:
    return int(text) if "." not in text else float(text)

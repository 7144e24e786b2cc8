"""`zsdreport fill`: write the 本期数 of a filled-in 填报表 (xlsx or CSV) back into the data.

All or nothing: every cell is read and checked first, the changed files are checked as a
whole period in a scratch copy, and only then written, together. Each changed value changes
one line of its YAML file; comments, order and quoting stay as they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zsdreport.check.suggest import did_you_mean
from zsdreport.errors import DataError, Problem, UsageError
from zsdreport.figures.figure import Figure, format_value
from zsdreport.periods.roundtrip import Number, read
from zsdreport.periods.sheet import HEADINGS, SHEET
from zsdreport.schema.section import MAX_INTEGER_DIGITS, PENDING

if TYPE_CHECKING:
    from zsdreport.load.reader import Source

_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－", "0123456789.-")


@dataclass(frozen=True)
class Cell:
    """One cell read from the sheet, with where it stands (row and column are 1-based)."""

    value: Any
    row: int
    column: int

    def name(self) -> str:
        """Return the spreadsheet name of the cell, e.g. ``E12``."""
        return f"{_letter(self.column)}{self.row}"


@dataclass(frozen=True)
class Change:
    """A figure whose value the sheet changes."""

    figure: Figure
    old: str
    new: str

    def describe(self) -> str:
        """Return the change as shown to the clerk: ``名称: 旧 → 新``."""
        unit = self.figure.metric.unit
        old = self.old if self.old == PENDING else self.old + unit
        return f"{self.figure.metric.label}: {old} → {self.new}{unit}"


class _Sheet:
    """Where the cells came from, for messages: the file, and the worksheet of an xlsx."""

    def __init__(self, path: Path, title: str | None) -> None:
        self.path, self.title = path, title

    def problem(self, cell: Cell | None, message: str, row: int | None = None) -> Problem:
        where = f"工作表“{self.title}”" if self.title else ""
        if cell is not None:
            where += f"单元格 {cell.name()}"
            return Problem(self.path, cell.row, cell.column, f"{where}：{message}")
        line = f"第 {row} 行" if row else ""
        return Problem(
            self.path, row, None, f"{where}{line}：{message}" if where or line else message
        )


def fill(data_dir: Path, sheet_path: Path) -> list[Change]:
    """Write the sheet's 本期数 into ``data_dir``; return the changes; nothing changes on error."""
    from zsdreport.build import check

    report, _ = check(data_dir)
    sheet, table = _read_sheet(sheet_path)
    problems: list[Problem] = []
    changes = _changes(report.figures, sheet, table, problems)
    if problems:
        raise DataError(problems)
    if not changes:
        return []
    files = _rewrite(changes)
    _check_result(data_dir, files)
    from zsdreport.write import write_all

    write_all(data_dir, files)
    return changes


def _changes(
    figures: dict[str, Figure], sheet: _Sheet, table: list[list[Cell]], problems: list[Problem]
) -> list[Change]:
    header = (
        {str(c.value).strip(): i for i, c in enumerate(table[0]) if c.value is not None}
        if table
        else {}
    )
    missing = [h for h in ("标识", "本期数") if h not in header]
    if missing:
        problems.append(
            sheet.problem(
                None,
                f"第 1 行缺少“{'”“'.join(missing)}”一栏：请用 zsdreport metrics --format xlsx 导出的填报表，"
                f"表头为 {'、'.join(HEADINGS)}",
                row=1,
            )
        )
        return []
    id_at, value_at = header["标识"], header["本期数"]
    seen: dict[str, int] = {}
    changes: list[Change] = []
    for cells in table[1:]:
        ident = _cell(cells, id_at)
        entry = _cell(cells, value_at)
        key = "" if ident.value is None else str(ident.value).strip()
        if not key:
            if _blank(entry.value):
                continue
            problems.append(
                sheet.problem(ident, "这一行填了本期数，但没有标识：请不要删改“标识”一栏")
            )
            continue
        if key in seen:
            problems.append(
                sheet.problem(
                    ident, f"标识“{key}”重复（第 {seen[key]} 行已有）：每个指标只填一行，请删除一行"
                )
            )
            continue
        seen[key] = ident.row
        figure = figures.get(key)
        if figure is None:
            hint = did_you_mean(key, list(figures))
            problems.append(
                sheet.problem(ident, f"标识“{key}”不是本期的指标{hint}：请不要删改“标识”一栏")
            )
            continue
        if _blank(entry.value):
            continue
        try:
            number = parse_number(entry.value)
        except ValueError as e:
            problems.append(sheet.problem(entry, f"“{figure.metric.label}”的本期数{e}"))
            continue
        current = None if figure.pending else figure.value
        if figure.metric.formula is not None:
            if current is None or Decimal(number) != current:
                problems.append(
                    sheet.problem(
                        entry,
                        f"“{figure.metric.label}”由公式 {figure.metric.formula} 计算，不能填写：请清空这一格",
                    )
                )
            continue
        if current is not None and Decimal(number) == current:
            continue
        old = PENDING if figure.pending else format_value(figure.value)
        changes.append(Change(figure, old, number))
    return changes


def parse_number(value: Any) -> str:
    """Return a cell's number as the text to write (``12``, ``3.5``); ValueError says what to write."""
    if isinstance(value, bool):
        raise ValueError(f"应为数字，实际为“{value}”")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = format(Decimal(repr(value)), "f") if not value.is_integer() else str(int(value))
    elif isinstance(value, Decimal):
        text = format(value, "f")
    else:
        text = _number_text(str(value))
    if len(text.lstrip("-").split(".")[0]) > MAX_INTEGER_DIGITS:
        raise ValueError(f"“{text}”过大：整数部分最多 {MAX_INTEGER_DIGITS} 位")
    return text


def _number_text(raw: str) -> str:
    text = raw.strip().translate(_FULL_WIDTH)
    if _NUMBER.match(text):
        return text
    if text.startswith("="):
        raise ValueError(f"是公式“{raw}”：请填写计算结果（数字），不要写公式")
    if re.fullmatch(r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", text):
        raise ValueError(f"“{raw}”用了千位分隔符：请写 {text.replace(',', '')}")
    leading = re.match(r"^-?[0-9]+(\.[0-9]+)?", text)
    if leading:
        raise ValueError(
            f"“{raw}”带了单位或文字：只写数字，如 {leading.group()}（单位写在“单位”一栏）"
        )
    if re.search("[零〇一二三四五六七八九十百千万亿两]", text):
        raise ValueError(f"“{raw}”是汉字数字：请用阿拉伯数字填写，如 120")
    raise ValueError(f"应为数字（如 12、3.5、-2），实际为“{raw}”")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in ("", PENDING))


def _cell(cells: list[Cell], index: int) -> Cell:
    if index < len(cells):
        return cells[index]
    row = cells[0].row if cells else 0
    return Cell(None, row, index + 1)


def _read_sheet(path: Path) -> tuple[_Sheet, list[list[Cell]]]:
    if not path.is_file():
        raise UsageError(f"找不到填报表：{path}")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise UsageError(f"不支持的填报表格式：{path.name}；请用 .xlsx 或 .csv 文件")


def _read_xlsx(path: Path) -> tuple[_Sheet, list[list[Cell]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise DataError(
            [
                Problem(
                    path,
                    None,
                    None,
                    f"无法读取 Excel 文件（{type(e).__name__}）：请用 Excel 或 WPS 另存为 .xlsx 后重试",
                )
            ]
        ) from e
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        table = [
            [Cell(value, number, column) for column, value in enumerate(values, start=1)]
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
        return _Sheet(path, sheet.title), table
    finally:
        book.close()


def _read_csv(path: Path) -> tuple[_Sheet, list[list[Cell]]]:
    import csv

    from zsdreport.load.encoding import decode

    text, problems = decode(path.read_bytes(), path)
    if text is None:
        raise DataError(problems)
    table = [
        [Cell(value, number, column) for column, value in enumerate(values, start=1)]
        for number, values in enumerate(csv.reader(text.splitlines()), start=1)
    ]
    return _Sheet(path, None), table


def _rewrite(changes: list[Change]) -> dict[str, bytes]:
    """Return the new bytes of each data file the changes touch (the 待填 or old value replaced)."""
    by_file: dict[Path, list[Change]] = {}
    for change in changes:
        by_file.setdefault(change.figure.file, []).append(change)
    files: dict[str, bytes] = {}
    for path, edits in by_file.items():
        document = read(path)
        for change in edits:
            document.data["metrics"][change.figure.id]["value"] = Number(change.new)
        files[path.name] = document.encoded()
    return files


def _check_result(data_dir: Path, files: dict[str, bytes]) -> None:
    """Check the period as it will be after the change; refuse it if it has errors.

    The changed files are read from memory in place, so the folders report.yaml names
    relative to this one (compare: {previous: ../2023H1}) are found as a build finds them.
    """
    from zsdreport.check.validate import Files, load_report
    from zsdreport.load.reader import load_bytes

    class Changed(Files):
        def source(self, path: Path) -> Source:
            here = path.resolve().parent == data_dir.resolve()
            content = files.get(path.name) if here else None
            return super().source(path) if content is None else load_bytes(path, content)

    _, problems = load_report(data_dir, files=Changed())
    errors = [p for p in problems if p.is_error]
    if errors:
        raise DataError(errors)


def _letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters

"""Other periods in this one: last period's figures, changes and rates in prose, sums in formulas.

report.yaml may name other periods' folders (``compare: {previous: ../2023H1}``). Then prose
may write, for a figure ``x``:

| 写法 | 印出 | 用的期别 |
|---|---|---|
| ``{x.上期}`` | 上期的数值和单位，如 568件 | compare.previous |
| ``{x.增减}`` | 增加12件 / 减少12件 / 持平 | compare.previous |
| ``{x.增幅}`` | 增长12.5% / 下降12.5% / 持平（上期为 0 时报错） | compare.previous |
| ``{x.去年同期}`` ``{x.同比增减}`` ``{x.同比增幅}`` | 同上 | compare.last_year |

and formulas may use ``上期.x`` (or ``prev.x``), ``去年同期.x`` (``last_year.x``),
``上半年.x`` (``h1.x``) and ``下半年.x`` (``h2.x``): an H2 report's 全年累计 is
``上期.x + x``, an annual report's figure ``上半年.x + 下半年.x``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from zsdreport.errors import Problem, UsageError
from zsdreport.figures.figure import Figure, format_value
from zsdreport.figures.formula import FormulaError, Name
from zsdreport.load.reader import PathKey, Source

if TYPE_CHECKING:
    from zsdreport.report import Report

Field = tuple[Source, PathKey, str]
KEYS = ("previous", "last_year", "first_half", "second_half")
NAMES = {
    "previous": "上期",
    "last_year": "去年同期",
    "first_half": "上半年",
    "second_half": "下半年",
}
SCOPES = {
    "上期": "previous",
    "prev": "previous",
    "去年同期": "last_year",
    "last_year": "last_year",
    "上半年": "first_half",
    "h1": "first_half",
    "下半年": "second_half",
    "h2": "second_half",
}
SUFFIXES = {
    "上期": ("previous", "value"),
    "增减": ("previous", "change"),
    "增幅": ("previous", "rate"),
    "去年同期": ("last_year", "value"),
    "同比增减": ("last_year", "change"),
    "同比增幅": ("last_year", "rate"),
}
RATE_DIGITS = 1


def load_others(report: Report, problems: list[Problem]) -> dict[str, Report]:
    """Load each folder report.yaml's ``compare`` names; a missing or invalid one is an error."""
    from zsdreport.check.validate import load_report

    compare = report.meta.compare
    others: dict[str, Report] = {}
    if compare is None:
        return others
    for key in KEYS:
        folder = getattr(compare, key)
        if folder is None:
            continue
        where = ("compare", key)
        path = (report.root / folder).resolve()
        if path == report.root.resolve():
            problems.append(
                report.source.problem(
                    where, f"compare.{key} 指向本期自己的文件夹：请写另一期的文件夹"
                )
            )
            continue
        try:
            other, found = load_report(path, previous=False)
        except UsageError as e:
            problems.append(report.source.problem(where, f"compare.{key}（{NAMES[key]}）：{e}"))
            continue
        if other is None:
            errors = sum(p.is_error for p in found)
            message = f"compare.{key}（{NAMES[key]}）的数据 {folder} 有 {errors} 处错误：请先运行 zsdreport check {path}"
            problems.append(report.source.problem(where, message))
            continue
        others[key] = other
    return others


def outside(report: Report, others: dict[str, Report]) -> Callable[[Name], Fraction]:
    """Return the lookup of scoped formula names (上期.x) that compute_figures calls."""

    def lookup(name: Name) -> Fraction:
        key = SCOPES.get(name.scope or "")
        if key is None:
            known = "、".join(SCOPES)
            raise FormulaError(
                f"“{name.scope}”不是可用的期别：可写 {known}", name.offset, name.width
            )
        other = others.get(key)
        if other is None:
            raise FormulaError(
                f"“{name.qualified}”用到了{NAMES[key]}的指标，但 report.yaml 没有写 compare.{key}"
                "（那一期的数据文件夹），或那一期的数据有错误",
                name.offset,
                name.width,
            )
        try:
            figure = _figure_there(other, key, name.id)
            _same_unit(report, figure, key)
        except FormulaError as e:
            raise FormulaError(str(e), name.offset, name.width) from e
        return Fraction(figure.value)

    return lookup


def _figure_there(other: Report, key: str, ident: str) -> Figure:
    figure = other.figures.get(ident)
    if figure is None:
        raise FormulaError(f"{NAMES[key]}（{other.root.name}）中没有指标“{ident}”")
    if figure.pending:
        raise FormulaError(f"{NAMES[key]}（{other.root.name}）的“{figure.metric.label}”还是待填")
    return figure


def _same_unit(report: Report, figure: Figure, key: str) -> None:
    here = report.figures.get(figure.id)
    if here is not None and here.metric.unit != figure.metric.unit:
        raise FormulaError(
            f"“{figure.metric.label}”的单位变了：本期为“{here.metric.unit}”，{NAMES[key]}为“{figure.metric.unit}”：无法比较"
        )


def comparison_words(
    report: Report, others: dict[str, Report], fields: list[Field], problems: list[Problem]
) -> dict[str, str]:
    """Return what each {x.上期}, {x.增减} … in prose prints; locate every one that cannot."""
    from zsdreport.figures.references import references

    words: dict[str, str] = {}
    for source, path, text in fields:
        for match in references(text):
            name = match.group(1)
            if "." not in name or name in words:
                continue
            ident, suffix = name.split(".", 1)
            if ident not in report.figures:
                continue  # check_references reports an undefined id
            key, kind = SUFFIXES[suffix]
            try:
                words[name] = _word(report, others, ident, key, kind)
            except FormulaError as e:
                problems.append(
                    source.problem(
                        path, f"{{{name}}}：{e}", offset=match.start(), width=len(match.group())
                    )
                )
    return words


def _word(report: Report, others: dict[str, Report], ident: str, key: str, kind: str) -> str:
    here = report.figures[ident]
    other = others.get(key)
    if other is None:
        raise FormulaError(
            f"要印出{NAMES[key]}的数，report.yaml 需要写 compare.{key}（{NAMES[key]}的数据文件夹，如 ../2023H1）"
        )
    there = _figure_there(other, key, ident)
    _same_unit(report, there, key)
    digits = here.metric.digits
    if kind == "value":
        return there.text
    if here.pending:
        return f"【待填：本期{here.metric.label}】"
    change = here.value - there.value
    if kind == "change":
        if change == 0:
            return "持平"
        word = "增加" if change > 0 else "减少"
        return f"{word}{format_value(abs(change), digits)}{here.metric.unit}"
    if there.value == 0:
        raise FormulaError(f"{NAMES[key]}的“{there.metric.label}”为 0，无法计算增幅：请改写为增减")
    rate = change / there.value * 100
    if rate == 0:
        return "持平"
    word = "增长" if rate > 0 else "下降"
    return f"{word}{format_value(abs(Decimal(rate)), RATE_DIGITS)}%"

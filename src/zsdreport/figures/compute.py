"""Figures across files: compute every metric (formulas included) and check their use in prose."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from zsdreport.check.suggest import did_you_mean
from zsdreport.errors import Problem, Severity
from zsdreport.figures.figure import Figure, format_value
from zsdreport.figures.formula import FormulaError, evaluate, formula_names
from zsdreport.figures.references import references
from zsdreport.load.reader import PathKey, Source
from zsdreport.report import Report, Section
from zsdreport.schema.report import PERIOD_WORDS

RESERVED = frozenset(PERIOD_WORDS)
Field = tuple[Source, PathKey, str]


def compute_figures(report: Report, problems: list[Problem]) -> set[str]:
    """Compute every figure into ``report.figures``; return the ids declared (valid or not)."""
    declared: dict[str, tuple[Section, Any]] = {}
    for section in report.sections():
        for key, metric in section.data.metrics.items():
            where = ("metrics", key)
            if key in RESERVED:
                problems.append(
                    section.source.problem(
                        where, f"指标标识“{key}”是保留字（期别用词），请换一个", at_key=True
                    )
                )
            elif key in declared:
                first = declared[key][0]
                line = first.source.locate(where, at_key=True)[0]
                message = f"指标“{key}”重复定义（已在 {first.source.path.name}:{line} 定义）"
                problems.append(section.source.problem(where, message, at_key=True))
            else:
                declared[key] = (section, metric)
    values: dict[str, Decimal] = {}
    visiting: set[str] = set()

    def value_of(key: str) -> Decimal:
        if key in values:
            return values[key]
        if key not in declared:
            raise FormulaError(f"公式用到了未定义的指标“{key}”{did_you_mean(key, list(declared))}")
        if key in visiting:
            raise FormulaError(f"公式循环引用了指标“{key}”")
        metric = declared[key][1]
        if metric.formula is None:
            values[key] = metric.value
            return metric.value  # type: ignore[no-any-return]
        visiting.add(key)
        try:
            values[key] = evaluate(metric.formula, value_of)
        finally:
            visiting.discard(key)
        return values[key]

    for key, (section, metric) in declared.items():
        where = ("metrics", key)
        try:
            if metric.formula is not None:
                formula_names(metric.formula)
            value = value_of(key)
        except FormulaError as e:
            name = re.search(r"“([A-Za-z_][A-Za-z0-9_]*)”", str(e))
            snippet = name.group(1) if name and name.group(1) in (metric.formula or "") else None
            problems.append(section.source.problem((*where, "formula"), str(e), snippet=snippet))
            continue
        if metric.formula is not None:
            # The printed figure is the rounded one; formulas built on it use the exact value.
            value = Decimal(format_value(value, metric.digits))
            if metric.value is not None and value != metric.value:
                message = f"“{metric.label}”填写为 {metric.value}，按公式 {metric.formula} 计算应为 {format_value(value)}"
                problems.append(section.source.problem((*where, "value"), message))
                continue
        line = section.source.locate(where, at_key=True)[0]
        report.figures[key] = Figure(key, metric, value, section.source.path, line, section.name)
    return set(declared)


def check_references(
    report: Report, fields: Iterable[Field], declared: set[str], problems: list[Problem]
) -> None:
    """Check every {name} in prose is declared; warn about figures that nothing uses.

    A figure counts as used when prose prints it or a used figure's formula needs it.
    """
    words = report.meta.period.words()
    used: set[str] = set()
    for source, path, text in fields:
        for match in references(text):
            name = match.group(1)
            if name in words or name in declared:
                used.add(name)
                continue
            hint = did_you_mean(name, [*report.figures, *words])
            message = f"正文引用了未定义的指标 {{{name}}}{hint}"
            problems.append(
                source.problem(path, message, offset=match.start(), width=len(match.group()))
            )
    needed = list(used)
    while needed:
        figure = report.figures.get(needed.pop())
        if figure is not None and figure.metric.formula is not None:
            inputs = set(formula_names(figure.metric.formula)) - used
            used |= inputs
            needed += inputs
    for key, figure in report.figures.items():
        if key not in used:
            section = next(s for s in report.sections() if s.name == figure.section)
            message = f"指标“{key}”（{figure.metric.label}）已定义但正文没有引用"
            problems.append(
                section.source.problem(("metrics", key), message, Severity.WARNING, at_key=True)
            )

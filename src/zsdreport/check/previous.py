"""The previous period of a 主要指标对比表: load its figures, check the chosen ids exist."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from zsdreport.check.suggest import did_you_mean
from zsdreport.errors import Problem, Severity, ZsdError
from zsdreport.report import Report

Loader = Callable[[Path], tuple[Report | None, list[Problem]]]


def load_previous(report: Report, load: Loader) -> list[Problem]:
    """Fill ``report.previous`` with the previous period's figures; return the problems met."""
    table = report.meta.comparison
    if table is None:
        return []
    source = report.source
    where = ("comparison", "previous")
    folder = (report.root / table.previous).resolve()
    if folder == report.root.resolve():
        return [
            source.problem(where, "上期数据不能是本期的文件夹：请写上一期的文件夹，如 ../2023H1")
        ]
    try:
        previous, problems = load(folder)
    except ZsdError as e:
        return [source.problem(where, f"无法读取上期数据：{e}")]
    if previous is None:
        errors = sum(p.is_error for p in problems)
        message = (
            f"上期数据 {table.previous} 有 {errors} 处错误，对比表无法生成："
            f"请先运行 zsdreport check {folder}"
        )
        return [source.problem(where, message)]
    report.previous = previous.figures
    found: list[Problem] = []
    for n, key in enumerate(table.metrics):
        at = ("comparison", "metrics", n)
        if key not in report.figures:
            hint = did_you_mean(key, list(report.figures))
            found.append(source.problem(at, f"对比表中的指标“{key}”本期没有定义{hint}"))
        elif key not in previous.figures:
            message = f"对比表中的指标“{key}”上期（{table.previous}）没有，表中上期一栏印“—”"
            found.append(source.problem(at, message, Severity.WARNING))
    return found

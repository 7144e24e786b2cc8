"""The previous period of a 主要指标对比表: load its figures, check the chosen ids exist."""

from __future__ import annotations

import posixpath
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
    where: tuple[str, ...] = ("comparison", "previous")
    compare = report.meta.compare.previous if report.meta.compare else None
    named = table.previous or compare
    if named is None:
        message = (
            "对比表需要上期数据：在 compare 中写 previous（如 compare: {previous: ../2023H1}）"
        )
        return [source.problem(("comparison",), message)]
    if table.previous and compare and _same(table.previous) != _same(compare):
        message = (
            f"对比表的上期 {table.previous} 与 compare.previous（{compare}）不同："
            "对比表就用上期，请删除 comparison.previous 或改成一致"
        )
        return [source.problem(where, message)]
    if table.previous is None:
        where = ("compare", "previous")
    folder = (report.root / named).resolve()
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
            f"上期数据 {named} 有 {errors} 处错误，对比表无法生成："
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
            message = f"对比表中的指标“{key}”上期（{named}）没有，表中上期一栏印“—”"
            found.append(source.problem(at, message, Severity.WARNING))
    return found


def _same(folder: str) -> str:
    """Return a folder as written in report.yaml, spelled one way (``./../2023H1/`` is ``../2023H1``)."""
    return posixpath.normpath(folder.replace("\\", "/"))

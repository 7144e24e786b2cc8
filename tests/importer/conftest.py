"""Helpers for the importer tests: import a file, and describe a data folder's outline."""

from __future__ import annotations

from pathlib import Path

from zsdreport.build import check
from zsdreport.figures.references import expand
from zsdreport.importer import ImportResult, import_report
from zsdreport.text import prose

REPORTS = Path(__file__).resolve().parent / "reports"


def imported(source: Path, folder: Path, **options: bool) -> ImportResult:
    """Import ``source`` into ``folder`` and check that the folder is valid data."""
    result = import_report(source, folder, **options)
    check(folder)
    return result


def outline_of(folder: Path) -> list[str]:
    """Return the headings of a data folder as printed, each section with its counts.

    ``"> 抓党建，强基础 items=2 sub=0 points=0"`` is a （一） area under the line before it; what
    "the same outline" compares.
    """
    report, _ = check(folder)
    words = report.words()
    lines: list[str] = []
    for part in report.parts:
        if part.heading is not None:
            lines.append(prose(expand(part.heading, words)))
        for section in part.sections:
            data = section.data
            points = len(data.points) + sum(
                len(i.points) + sum(len(s.points) for s in i.items) for i in data.items
            )
            sub = sum(len(i.items) for i in data.items)
            indent = "> " if part.heading is not None else ""
            heading = prose(expand(data.heading, words))
            lines.append(f"{indent}{heading} items={len(data.items)} sub={sub} points={points}")
    return lines

"""Periods and folders: the period a folder name stands for, and the check that they agree."""

from __future__ import annotations

import re
from pathlib import Path

from zsdreport.errors import Problem, Severity
from zsdreport.load.reader import Source
from zsdreport.schema import Period

_FOLDER = re.compile(r"^(\d{4})(?:[Hh]([12]))?$")


def period_of_folder(folder: Path) -> Period | None:
    """Return the period a folder is named after (2023H1, 2023h2, 2023), if it is."""
    match = _FOLDER.match(folder.name)
    if not match:
        return None
    try:
        return Period.of(match[0].upper())
    except ValueError:
        return None


def check_folder(root: Path, source: Source, period: Period) -> list[Problem]:
    """Warn when a folder named after a period holds another period's report.

    A folder copied by hand (2024H1/ holding period: 2023H2) builds into build/2024H1/ with the
    old period's words; folders not named after a period (mini, 2023H1-草稿) are not checked.
    """
    named = period_of_folder(root.resolve())
    if named is None or named == period:
        return []
    message = (
        f"文件夹名 {root.resolve().name} 表示{named.name()}，但 period 写的是 {period}："
        f"请把 period 改为 {named}，或把文件夹改名为 {period}"
    )
    return [source.problem(("period",), message, Severity.WARNING)]

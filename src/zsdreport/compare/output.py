"""``zsdreport diff`` outputs: pick the format, render in memory; writing is write.py's job."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from zsdreport.errors import UsageError
from zsdreport.report import Report

FORMATS = ("text", "md", "json", "csv", "xlsx", "docx")
BINARY = ("xlsx", "docx")


def wants_colour(is_terminal: bool) -> bool:
    """Tell whether the terminal view may use colour: on a terminal, unless NO_COLOR is set."""
    return is_terminal and not os.environ.get("NO_COLOR")


def check_format(fmt: str, output: Path | None) -> str:
    """Return the format name, refusing unknown ones and binary formats without ``-o``."""
    name = fmt.strip().lower()
    if name not in FORMATS:
        raise UsageError(f"不支持的格式：{fmt}；可选 {'、'.join(FORMATS)}")
    if name in BINARY and output is None:
        raise UsageError(f"--format {name} 需要用 -o 指定输出文件，如 -o 修订稿.{name}")
    return name


def diff_output(
    old_dir: Path, new_dir: Path, fmt: str, *, colour: bool = False, author: str | None = None
) -> tuple[bytes, bool]:
    """Return the comparison of two data folders in ``fmt``, and whether they differ."""
    from zsdreport.build import check
    from zsdreport.compare.periods import compare_reports

    old, _ = check(old_dir)
    new, _ = check(new_dir)
    comparison = compare_reports(old, new, old_dir.as_posix(), new_dir.as_posix())
    if fmt == "docx":
        return tracked_report(old, new, author), comparison.different
    if fmt in ("text", "md"):
        from zsdreport.compare.view import render_markdown, render_terminal

        text = (
            render_markdown(comparison)
            if fmt == "md"
            else render_terminal(comparison, colour=colour)
        )
        return text.encode("utf-8"), comparison.different
    from zsdreport.compare import tables

    if fmt == "json":
        return tables.render_json(comparison).encode("utf-8"), comparison.different
    if fmt == "csv":
        return tables.render_csv(comparison), comparison.different
    return tables.render_xlsx(comparison), comparison.different


def revision_time(new: Report) -> datetime:
    """Return the time the revisions carry: SOURCE_DATE_EPOCH, else NEW's 成文日期."""
    from zsdreport.render.docx_package import FIXED_TIME, build_time

    if os.environ.get("SOURCE_DATE_EPOCH", "").strip() or new.meta.date is None:
        return build_time() if os.environ.get("SOURCE_DATE_EPOCH", "").strip() else FIXED_TIME
    day = new.meta.date
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def tracked_report(old: Report, new: Report, author: str | None = None) -> bytes:
    """Return NEW's .docx with tracked changes against OLD."""
    from zsdreport.build import render
    from zsdreport.compare.tracked import tracked_docx
    from zsdreport.document.outline import outline

    new_doc = outline(new)
    old_bytes = render(outline(old), old, ["docx"])["docx"]
    new_bytes = render(new_doc, new, ["docx"])["docx"]
    who = author or new_doc.author or "zsdreport"
    return tracked_docx(old_bytes, new_bytes, who, revision_time(new))

"""Compare two periods' data folders: the one entry point of ``zsdreport diff``."""

from __future__ import annotations

from pathlib import Path

from zsdreport.build import check
from zsdreport.compare.figures import compare_figures
from zsdreport.compare.model import Comparison, MetaChange
from zsdreport.compare.structure import compare_items, compare_sections
from zsdreport.report import Report


def compare_reports(old: Report, new: Report, old_name: str, new_name: str) -> Comparison:
    """Return what changed from ``old`` to ``new``."""
    figures, unchanged = compare_figures(old.figures, new.figures)
    items, prose = compare_items(old, new)
    return Comparison(
        old=old_name,
        new=new_name,
        old_period=str(old.meta.period),
        new_period=str(new.meta.period),
        meta=_meta(old, new),
        figures=figures,
        unchanged_figures=unchanged,
        sections=compare_sections(old, new),
        items=items,
        prose=prose,
    )


def compare_folders(old_dir: Path, new_dir: Path) -> Comparison:
    """Validate both data folders (errors abort, as for build) and compare them."""
    old, _ = check(old_dir)
    new, _ = check(new_dir)
    return compare_reports(old, new, old_dir.as_posix(), new_dir.as_posix())


def _meta(old: Report, new: Report) -> list[MetaChange]:
    def date(report: Report) -> str:
        when = report.meta.date
        return f"{when.year}年{when.month}月{when.day}日" if when else "（未写）"

    fields = [
        ("period", "期别", str(old.meta.period), str(new.meta.period)),
        ("title", "标题", old.title(), new.title()),
        ("date", "成文日期", date(old), date(new)),
        ("organs", "署名", "、".join(old.meta.organs), "、".join(new.meta.organs)),
    ]
    return [MetaChange(*f) for f in fields if f[2] != f[3]]

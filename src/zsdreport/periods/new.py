"""`zsdreport new`: start the next period's folder from the last one.

Everything carries over (structure, ids, labels, units, formulas, prose, comments, layout) but
the period, the 成文日期 and the typed figures: each becomes ``value: 待填`` with the old value
kept as ``previous:`` (a figure marked ``fixed: true`` keeps its value), so `git diff OLD NEW` shows one changed line per figure and nothing is
printed as if it were this period's until it is filled in.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zsdreport.errors import DataError, UsageError
from zsdreport.periods.period import period_of_folder
from zsdreport.periods.roundtrip import YamlDocument, read
from zsdreport.schema import Period
from zsdreport.schema.section import PENDING
from zsdreport.write import write_folder

HALF_TITLE = "{half}工作总结"
YEAR_TITLE = "工作总结和{next_year}年工作计划"


@dataclass(frozen=True)
class NewPeriod:
    """What `new` made: the folder, its period, how many figures wait for a value, what to know."""

    folder: Path
    period: Period
    previous: Period
    files: list[Path]
    pending: int
    notes: list[str]


def choose_period(new_dir: Path, given: str | None, old: Period) -> Period:
    """Return the new folder's period: from its name, else ``--period``; they must agree."""
    named = period_of_folder(new_dir)
    chosen: Period | None = None
    if given is not None:
        try:
            chosen = Period.of(given)
        except ValueError as e:
            raise UsageError(f"--period {given}：{e}") from e
    if named is not None and chosen is not None and named != chosen:
        raise UsageError(
            f"文件夹名 {new_dir.name} 表示{named.name()}，与 --period {chosen}（{chosen.name()}）不一致：请改其中一个"
        )
    period = chosen or named
    if period is None:
        raise UsageError(
            f"无法从文件夹名“{new_dir.name}”看出期别：请用 --period 指定（如 --period {old.following()}），"
            f"或把文件夹命名为期别（如 {new_dir.parent / str(old.following())}）"
        )
    if period == old:
        raise UsageError(f"新的一期与 {old} 相同：请指定下一期，如 {old.following()}")
    return period


def new_period(new_dir: Path, old_dir: Path, period_text: str | None = None) -> NewPeriod:
    """Create ``new_dir`` as the period after ``old_dir``; nothing is written on any error."""
    from zsdreport.build import check

    if new_dir.exists():
        raise UsageError(f"{new_dir} 已经存在：`new` 只创建新的文件夹，不会改动已有的文件")
    report, _ = check(old_dir)  # an old period with errors would carry them on
    old = report.meta.period
    period = choose_period(new_dir, period_text, old)
    names = {report.source.path.name: report.source.path}
    names.update({s.source.path.name: s.source.path for s in report.sections()})
    files: dict[str, bytes] = {}
    notes: list[str] = []
    pending = 0
    for path in sorted(p for p in old_dir.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.name not in names:
            files[path.name] = path.read_bytes()  # notes, unlisted files: copied as they are
            continue
        document = _read(path)
        if path == report.source.path:
            _next_report(document, old, period)
            _next_compare(document, old_dir, new_dir, period, notes)
        else:
            pending += _next_section(document)
        files[path.name] = _relocate_schema(document.encoded(), old_dir, new_dir)
    written = write_folder(new_dir, files)
    return NewPeriod(new_dir, period, old, written, pending, notes)


_MODELINE = re.compile(rb"^(# yaml-language-server: \$schema=)(\S+)$", re.M)


def _relocate_schema(content: bytes, old_dir: Path, new_dir: Path) -> bytes:
    """Point the editor's schema comment at the same schema file from the new folder."""

    def moved(match: re.Match[bytes]) -> bytes:
        target = match.group(2).decode("ascii", "replace")
        if "://" in target or Path(target).is_absolute():
            return match.group()
        schema = (old_dir / target).resolve()
        relative = os.path.relpath(schema, new_dir.resolve()).replace(os.sep, "/")
        return match.group(1) + relative.encode("utf-8")

    return _MODELINE.sub(moved, content)


def _read(path: Path) -> YamlDocument:
    try:
        return read(path)
    except DataError:
        raise
    except Exception as e:  # ruamel refusing what the strict reader accepted
        from zsdreport.errors import Problem

        raise DataError([Problem(path, None, None, f"无法按原样改写此文件：{e}")]) from e


def _next_report(document: YamlDocument, old: Period, period: Period) -> None:
    """Set the period, clear the 成文日期, and turn the title into the new kind's."""
    data = document.data
    data["period"] = str(period)
    if data.get("date") is not None:
        data["date"] = None
    title = data.get("title")
    if isinstance(title, str):
        if period.annual and not old.annual and HALF_TITLE in title:
            data["title"] = _same_style(title, title.replace(HALF_TITLE, YEAR_TITLE))
        elif old.annual and not period.annual and YEAR_TITLE in title:
            data["title"] = _same_style(title, title.replace(YEAR_TITLE, HALF_TITLE))


def _next_compare(
    document: YamlDocument, old_dir: Path, new_dir: Path, period: Period, notes: list[str]
) -> None:
    """Point ``compare`` (and the 对比表's ``previous``) at the periods the new one compares with.

    ``previous`` is always the folder the new period was made from, so {x.上期} and {x.增减}
    work at once. The other periods keep their meaning: 去年同期 becomes the new period's same
    half of last year, 上半年/下半年 the new year's halves, each beside the folder named before.
    """
    data = document.data
    earlier = _relative(old_dir, new_dir)
    compare = data.get("compare")
    if not hasattr(compare, "get"):
        from ruamel.yaml.comments import CommentedMap

        compare = CommentedMap(previous=earlier)
        compare.fa.set_flow_style()
        keys = list(data)
        if "compare" in keys:  # written but left empty
            data["compare"] = compare
        else:
            data.insert(
                keys.index("period") + 1 if "period" in keys else len(keys), "compare", compare
            )
    else:
        compare["previous"] = earlier
        targets = {
            "last_year": Period(year=period.year - 1, half=period.half),
            "first_half": Period(year=period.year, half=1),
            "second_half": Period(year=period.year, half=2),
        }
        for key, target in targets.items():
            folder = compare.get(key)
            if not isinstance(folder, str) or not folder.strip():
                continue
            if target == period:  # a 下半年 report's 上半年 is, in the next year's 上半年, itself
                del compare[key]
                notes.append(f"compare.{key} 在{period.name()}就是本期自己，已删除")
                continue
            beside = (old_dir / folder).parent / str(target)
            compare[key] = _same_style(folder, _relative(beside, new_dir))
    table = data.get("comparison")
    if hasattr(table, "get") and "previous" in table:
        table["previous"] = _same_style(table["previous"], earlier)


def _relative(folder: Path, start: Path) -> str:
    """Return ``folder`` written from ``start``, with forward slashes as report.yaml has them."""
    return os.path.relpath(folder.resolve(), start.resolve()).replace(os.sep, "/")


def _same_style(old: Any, text: str) -> Any:
    """Return ``text`` written with the quotes ``old`` was written with."""
    return type(old)(text) if type(old) is not str else text


def _next_section(document: YamlDocument) -> int:
    """Mark every typed figure 待填 with its value kept as previous; return how many."""
    metrics = document.data.get("metrics") if hasattr(document.data, "get") else None
    if not metrics:
        return 0
    count = 0
    for metric in metrics.values():
        if metric.get("formula") is not None:
            if "value" in metric:
                del metric["value"]  # a computed figure's check value was last period's
            continue
        if metric.get("fixed") is True:
            continue  # the same in every period (an age limit, a standard): kept as it is
        count += 1
        old = metric.get("value")
        if _is_pending(old):
            # Not filled in last period either: there is no last-period value to keep.
            if "previous" in metric:
                del metric["previous"]
            continue
        metric["value"] = PENDING
        if "previous" in metric:
            metric["previous"] = old
        else:
            metric.insert(list(metric).index("value") + 1, "previous", old)
    return count


def _is_pending(value: Any) -> bool:
    return isinstance(value, str) and value.strip() == PENDING

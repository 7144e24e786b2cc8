"""Outline markers are generated: find hand-typed ones, and lists too long to number.

A `1.` typed at the start of an item's lead prints as "1.1.加强…", a typed `一是` in a point as
"一是一是…". Only the paragraphs that get a generated marker are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from zsdreport.document.numbering import MAX_NUMBER, marker, ordinal_point
from zsdreport.errors import Problem, Severity
from zsdreport.load.reader import PathKey, Source
from zsdreport.report import Report
from zsdreport.schema import Item, Point, SubItem

_CN = "一二三四五六七八九十百零〇"
_DIGIT = "0-9０-９"
_TYPED = re.compile(
    rf"[ \t\u3000]*("
    rf"[（(][ \t]*(?:[{_CN}]{{1,6}}|[{_DIGIT}]{{1,4}})[ \t]*[）)]"
    rf"|[{_CN}]{{1,6}}[ \t]*[、是]"
    rf"|[{_DIGIT}]{{1,4}}[ \t]*[.．、)）](?![{_DIGIT}])"
    rf"|第[{_CN}]{{1,6}}[，、,]"
    # A marker introduces words: a placeholder such as "一是。" is left alone.
    rf")(?=[ \t\u3000]*[^\s。，、；：！？.,;:!?])"
)


def check_markers(report: Report) -> list[Problem]:
    """Warn about markers typed at the start of a numbered paragraph; refuse unnumberable lists."""
    problems: list[Problem] = []
    for n, ref in enumerate(report.meta.sections, 1):
        if ref.heading:
            where = ("sections", n - 1, "heading")
            problems += _typed(report.source, where, ref.heading, _marker(1, n))
    problems += _too_many(report.source, ("sections",), len(report.meta.sections), "节")
    for i, ref in enumerate(report.meta.sections):
        if ref.files is not None:
            problems += _too_many(report.source, ("sections", i, "files"), len(ref.files), "节")
    for n, part in enumerate(report.parts, 1):
        for m, section in enumerate(part.sections, 1):
            source, data = section.source, section.data
            number = _marker(2, m) if part.heading is not None else _marker(1, n)
            problems += _typed(source, ("heading",), data.heading, number)
            problems += list(_items(source, ("items",), data.items, 3))
            problems += list(_points(source, ("points",), data.points))
    return problems


def _items(
    source: Source, path: PathKey, items: Sequence[Item | SubItem], level: int
) -> Iterator[Problem]:
    for i, item in enumerate(items):
        here = (*path, i)
        number = marker(level, i + 1)
        if item.lead.strip():
            yield from _typed(source, (*here, "lead"), item.lead, number)
        elif item.text:
            yield from _typed(source, _first(source, (*here, "text")), item.text[0], number)
        yield from _points(source, (*here, "points"), item.points)
        if isinstance(item, Item):
            yield from _items(source, (*here, "items"), item.items, 4)


def _points(source: Source, path: PathKey, points: list[Point]) -> Iterator[Problem]:
    yield from _too_many(source, path, len(points), "个要点")
    for i, point in enumerate(points[:MAX_NUMBER]):
        here: PathKey = (*path, i)
        number = ordinal_point(i + 1)
        if source.scalars.get(here) is not None:
            yield from _typed(source, here, point.text, number)
        elif point.lead.strip():
            yield from _typed(source, (*here, "lead"), point.lead, number)
        else:
            yield from _typed(source, (*here, "text"), point.text, number)


def _marker(level: int, n: int) -> str:
    # Beyond MAX_NUMBER the list is refused by _too_many; the marker shown does not matter.
    return marker(level, n) if n <= MAX_NUMBER else ""


def _first(source: Source, path: PathKey) -> PathKey:
    """Return the path of a text's first paragraph: the text itself when written as one string."""
    return path if source.scalars.get(path) is not None else (*path, 0)


def typed_marker(text: str) -> re.Match[str] | None:
    """Return the hand-typed marker (group 1) at the start of ``text``, if there is one."""
    return _TYPED.match(text)


def _typed(source: Source, path: PathKey, text: str, number: str) -> list[Problem]:
    match = _TYPED.match(text)
    if not match:
        return []
    typed = match.group(1).strip()
    message = (
        f"开头的“{typed}”像是手打的序号：序号由程序自动生成，这里会印成“{number}{typed}…”，"
        f"请删除“{typed}”"
    )
    return [
        source.problem(path, message, Severity.WARNING, offset=match.start(1), width=len(typed))
    ]


def _too_many(source: Source, path: PathKey, count: int, word: str) -> list[Problem]:
    if count <= MAX_NUMBER:
        return []
    message = f"这一级有 {count} {word}，超过了序号能编到的 {MAX_NUMBER}：请分成几部分"
    return [source.problem((*path, MAX_NUMBER), message)]

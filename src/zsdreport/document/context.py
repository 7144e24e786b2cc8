"""What the template sees: the validated report as plain text, references expanded, in order.

Every string here is printed text (``{id}`` expanded, punctuation full-width) but not yet
escaped: the template escapes it with the ``md`` filter. Numbers are not here: the template
computes them from loop indexes with the ``marker`` and ``point`` filters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from zsdreport.text import prose

if TYPE_CHECKING:
    from zsdreport.report import Report
    from zsdreport.report import Section as ReportSection
    from zsdreport.schema import Item as ItemData
    from zsdreport.schema import Point as PointData
    from zsdreport.schema import SubItem

# The records below travel to the renderer's own process (render/worker.py), which imports this
# module to read them back: the report, the models and the references are imported only where used.


# Named tuples, not dataclasses: defined at every start, where a dataclass costs ~1 ms each.
class Point(NamedTuple):
    """One 一是…… entry: an optional run-in lead and its text."""

    lead: str
    text: str


class Item(NamedTuple):
    """A 1. item (or a （1） sub-item): lead, paragraphs, inline points and sub-items."""

    lead: str
    text: list[str]
    points: list[Point]
    items: list[Item]


class Figure(NamedTuple):
    """A metric as the template may print it: 标识, 名称, value and unit, and both together."""

    id: str
    label: str
    value: str
    unit: str
    text: str


class Table(NamedTuple):
    """A table: rows of cells as wide as the widest (the first is the header), caption, alignment."""

    rows: list[list[str]]
    align: list[str]
    """Per column: "left", or "right" for numbers."""
    caption: str = ""


class Section(NamedTuple):
    """A section file: heading, paragraphs, items, points and the figures it declares."""

    name: str
    heading: str
    text: list[str]
    items: list[Item]
    points: list[Point]
    tables: list[Table]
    metrics: dict[str, Figure]


class Part(NamedTuple):
    """A top-level part 一、二、…: a heading over sections （一）（二）, or one section alone."""

    heading: str | None
    sections: list[Section]


def template_context(report: Report) -> dict[str, Any]:
    """Return the template's variables (listed in the header of the default template)."""
    from zsdreport.figures.references import expand

    words = report.words()
    meta = report.meta

    def say(text: str) -> str:
        return prose(expand(text, words))

    figures = {
        key: Figure(
            key, say(f.metric.label), f.text.removesuffix(f.metric.unit), f.metric.unit, f.text
        )
        for key, f in report.figures.items()
    }
    # Grouped once: a scan of every figure for each section grows as the square of the data.
    by_section: dict[str, dict[str, Figure]] = {}
    for key, fig in figures.items():
        by_section.setdefault(report.figures[key].section, {})[key] = fig

    def section(s: ReportSection) -> Section:
        data = s.data
        return Section(
            s.name,
            say(data.heading),
            _paragraphs(data.text, say),
            _items(data.items, say),
            _points(data.points, say),
            [_table(t.rows, say) for t in data.tables],
            by_section.get(s.name, {}),
        )

    date = meta.date
    return {
        "title": report.title(),
        "recipient": say(meta.recipient) if meta.recipient else "",
        "preamble": _paragraphs(meta.preamble, say),
        "comparison": _comparison(report, say),
        "parts": [
            Part(
                say(p.heading) if p.heading is not None else None, [section(s) for s in p.sections]
            )
            for p in report.parts
        ],
        "organs": [say(o) for o in meta.organs],
        "date": f"{date.year}年{date.month}月{date.day}日" if date else "",
        "words": dict(words),
        "figures": figures,
    }


def _paragraphs(text: Sequence[str], say: Callable[[str], str]) -> list[str]:
    return [say(p) for p in text if p.strip()]


def _points(points: Sequence[PointData], say: Callable[[str], str]) -> list[Point]:
    return [Point(say(p.lead), say(p.text)) for p in points]


def _items(items: Sequence[ItemData | SubItem], say: Callable[[str], str]) -> list[Item]:
    from zsdreport.schema import Item as ItemData

    return [
        Item(
            say(item.lead),
            _paragraphs(item.text, say),
            _points(item.points, say),
            _items(item.items, say) if isinstance(item, ItemData) else [],
        )
        for item in items
    ]


def _table(rows: Sequence[Sequence[str]], say: Callable[[str], str]) -> Table:
    width = max(len(row) for row in rows)
    return Table(
        [[say(c) for c in row] + [""] * (width - len(row)) for row in rows], ["left"] * width
    )


def _comparison(report: Report, say: Callable[[str], str]) -> Table | None:
    """Return the 主要指标对比表 (上期/本期/增减/增幅), computed as ``zsdreport diff`` does."""
    if report.meta.comparison is None:
        return None
    from zsdreport.compare.table import ALIGN, comparison_rows

    # A label is prose as everywhere else in the document ({half} expanded, full-width marks);
    # the other cells are figures and fixed words.
    rows = [[say(label), *cells] for label, *cells in comparison_rows(report)]
    return Table(rows, list(ALIGN), say(report.meta.comparison.title))

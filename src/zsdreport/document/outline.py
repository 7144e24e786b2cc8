"""Pure layout: Report → the ordered blocks of the document, with generated numbering.

Markdown and .docx are both written from these blocks, so their text cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from zsdreport.document.numbering import marker, ordinal_point
from zsdreport.document.placement import signature_indents
from zsdreport.figures.references import expand
from zsdreport.report import Report, Section
from zsdreport.schema import Item, Point, SubItem
from zsdreport.text import prose, zi

Kind = Literal[
    "title",
    "recipient",
    "body",
    "heading1",
    "heading2",
    "item",
    "subitem",
    "point",
    "signature",
    "date",
    "table",
]


Say = Callable[[str], str]


@dataclass(frozen=True)
class Block:
    """One paragraph of the document.

    ``marker`` is the generated number (一、 （一） 1. （1） 一是), ``lead`` the run-in heading,
    ``body`` the rest; ``right_chars`` is the right indent in 字 for the signature and date.
    """

    kind: Kind
    body: str = ""
    marker: str = ""
    lead: str = ""
    level: int = 0
    right_chars: float = 0
    rows: tuple[tuple[str, ...], ...] = ()
    caption: str = ""
    align: tuple[str, ...] = ()
    """Per column: "left" or "right" (numbers); empty means every column left."""

    @property
    def text(self) -> str:
        """Return the paragraph's full text as printed."""
        return self.marker + self.lead + self.body


@dataclass(frozen=True)
class Document:
    """The whole document: its title, core properties and blocks."""

    title: str
    author: str
    blocks: list[Block]


def outline(report: Report) -> Document:
    """Lay out ``report`` as numbered blocks."""
    words = report.words()
    meta = report.meta

    def say(text: str) -> str:
        return prose(expand(text, words))

    title = report.title()
    blocks = [Block("title", title)]
    if meta.recipient:
        blocks.append(Block("recipient", say(meta.recipient)))
    blocks += [Block("body", say(p)) for p in meta.preamble if p.strip()]
    if meta.comparison is not None:
        blocks.append(_comparison(report, say(meta.comparison.title)))
    for n, part in enumerate(report.parts, 1):
        if part.heading is not None:
            blocks.append(Block("heading1", say(part.heading), marker(1, n), level=1))
            for m, section in enumerate(part.sections, 1):
                blocks.append(Block("heading2", say(section.data.heading), marker(2, m), level=2))
                blocks += _section_body(section, say)
        else:
            for section in part.sections:
                blocks.append(Block("heading1", say(section.data.heading), marker(1, n), level=1))
                blocks += _section_body(section, say)
    blocks += _signature(report, say)
    author = meta.author or (meta.organs[0] if meta.organs else "")
    return Document(title, say(author) if author else "", blocks)


def _section_body(section: Section, say: Say) -> Iterator[Block]:
    data = section.data
    yield from (Block("body", say(p)) for p in data.text if p.strip())
    yield from _items(data.items, say, level=3)
    for n, point in enumerate(data.points, 1):
        yield Block("point", say(point.text), ordinal_point(n), say(point.lead))
    for table in data.tables:
        width = max(len(row) for row in table.rows)
        rows = tuple(tuple(say(c) for c in row) + ("",) * (width - len(row)) for row in table.rows)
        # The body holds the cells' text so that whatever reads blocks as text still sees it.
        yield Block("table", " ".join(c for row in rows for c in row if c), rows=rows)


def _items(items: Sequence[Item | SubItem], say: Say, level: int) -> Iterator[Block]:
    kind: Kind = "item" if level == 3 else "subitem"
    for n, item in enumerate(items, 1):
        # The first paragraph carries the number and lead; inline points end the last one.
        paragraphs = [say(p) for p in item.text if p.strip()] or [""]
        paragraphs[-1] += _inline_points(item.points, say)
        yield Block(kind, paragraphs[0], marker(level, n), say(item.lead), level=level)
        yield from (Block("body", p) for p in paragraphs[1:])
        if isinstance(item, Item):
            yield from _items(item.items, say, level=4)


def _inline_points(points: list[Point], say: Say) -> str:
    return "".join(ordinal_point(n) + say(p.lead) + say(p.text) for n, p in enumerate(points, 1))


def _signature(report: Report, say: Say) -> list[Block]:
    meta = report.meta
    organs = [say(o) for o in meta.organs]
    date = f"{meta.date.year}年{meta.date.month}月{meta.date.day}日" if meta.date else ""
    if not organs and not date:
        return []
    longest = max(organs, key=zi, default="")
    right_name, right_date = signature_indents(
        longest, date, literal=meta.style.signature_rule == "literal"
    )
    blocks = [Block("signature", organ, right_chars=right_name) for organ in organs]
    if date:
        blocks.append(Block("date", date, right_chars=right_date))
    return blocks


def _comparison(report: Report, caption: str) -> Block:
    """Return the 主要指标对比表 as a table block with its caption."""
    from zsdreport.compare.table import ALIGN, comparison_rows

    rows = comparison_rows(report)
    body = " ".join(c for row in rows for c in row if c)
    return Block("table", body, rows=rows, caption=caption, align=ALIGN)

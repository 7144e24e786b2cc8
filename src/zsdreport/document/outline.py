"""The document: the blocks the template's Markdown reads back as, in order.

The template (templates/report.md.j2) renders the report into document Markdown;
``outline`` reads that back into blocks, and the .md and .docx are both written from them,
so a change to the template reaches both and their text cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from zsdreport.document.placement import signature_indents
from zsdreport.text import prose, zi

if TYPE_CHECKING:
    from jinja2 import Template

    from zsdreport.report import Report

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


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class Document(NamedTuple):
    """The whole document: its title, core properties and blocks."""

    title: str
    author: str
    blocks: list[Block]


class Layout(NamedTuple):
    """What the document takes from the report besides the template's context."""

    title: str
    """The title when the template writes none (report.title())."""
    author: str
    """The document's author property, printed text."""
    literal_signature: bool
    """Signature and date placed by the literal rule (style.signature_rule)."""


def layout_of(report: Report) -> Layout:
    """Return the report's ``Layout``: plain text, so that another process can render with it."""
    from zsdreport.figures.references import expand

    meta = report.meta
    author = meta.author or (meta.organs[0] if meta.organs else "")
    return Layout(
        report.title(),
        prose(expand(author, report.words())),
        meta.style.signature_rule == "literal",
    )


def outline(
    report: Report, templates: Path | None = None, *, template: Template | None = None
) -> Document:
    """Render ``report`` through the template and read the document it writes back as blocks.

    ``template`` is the compiled template of ``templates``, when the caller kept it.
    """
    from zsdreport.document.context import template_context

    return outline_context(
        template_context(report), layout_of(report), templates, template=template
    )


def outline_context(
    context: dict[str, Any],
    layout: Layout,
    templates: Path | None = None,
    *,
    template: Template | None = None,
) -> Document:
    """Render the template's ``context`` (document/context.py) and read the blocks it writes."""
    from zsdreport.document.dialect import DocumentSyntaxError, failure, read_blocks
    from zsdreport.render.env import environment
    from zsdreport.render.template_folder import TEMPLATE

    if template is None:
        template = environment(templates).get_template(TEMPLATE)
    markdown = template.render(context)
    try:
        blocks = read_blocks(markdown)
    except DocumentSyntaxError as e:
        raise failure(e, str(template.filename), markdown) from e
    blocks = place_signature(blocks, literal=layout.literal_signature)
    title = next((b.text for b in blocks if b.kind == "title"), layout.title)
    return Document(title, layout.author, blocks)


def place_signature(blocks: list[Block], *, literal: bool = False) -> list[Block]:
    """Return ``blocks`` with the right indents of the 署名 and 成文日期 set (GB/T 9704 §7.3.5)."""
    names = [b.text for b in blocks if b.kind == "signature"]
    date = next((b.text for b in blocks if b.kind == "date"), "")
    if not names and not date:
        return blocks
    right_name, right_date = signature_indents(
        max(names, key=zi, default=""), date, literal=literal
    )
    indents = {"signature": right_name, "date": right_date}
    return [replace(b, right_chars=indents[b.kind]) if b.kind in indents else b for b in blocks]

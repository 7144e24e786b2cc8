"""The document: the blocks the template's Markdown reads back as, in order.

The template (templates/report.md.j2) renders the report into document Markdown;
``outline`` reads that back into blocks, and the .md and .docx are both written from them,
so a change to the template reaches both and their text cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from zsdreport.document.placement import signature_indents
from zsdreport.figures.references import expand
from zsdreport.report import Report
from zsdreport.text import prose, zi

if TYPE_CHECKING:
    from jinja2 import Template

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


def outline(
    report: Report, templates: Path | None = None, *, template: Template | None = None
) -> Document:
    """Render ``report`` through the template and read the document it writes back as blocks.

    ``template`` is the compiled template of ``templates``, when the caller kept it.
    """
    from zsdreport.document.context import template_context
    from zsdreport.document.dialect import DocumentSyntaxError, failure, read_blocks
    from zsdreport.render.env import environment
    from zsdreport.render.template_folder import TEMPLATE

    if template is None:
        template = environment(templates).get_template(TEMPLATE)
    markdown = template.render(template_context(report))
    try:
        blocks = read_blocks(markdown)
    except DocumentSyntaxError as e:
        raise failure(e, str(template.filename), markdown) from e
    blocks = place_signature(blocks, literal=report.meta.style.signature_rule == "literal")
    meta = report.meta
    title = next((b.text for b in blocks if b.kind == "title"), report.title())
    author = meta.author or (meta.organs[0] if meta.organs else "")
    return Document(title, prose(expand(author, report.words())), blocks)


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

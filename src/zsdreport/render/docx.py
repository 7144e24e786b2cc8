"""The .docx writer: blocks → a print-ready GB/T 9704-2012 Word document."""

from __future__ import annotations

from typing import Any

from docx.document import Document as WordDocument
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from zsdreport.document.outline import Block, Document
from zsdreport.render.docx_base import DocxBase, docx_base
from zsdreport.render.docx_keep import keep_closing_with_body
from zsdreport.render.docx_package import build_time, set_properties
from zsdreport.render.docx_runs import add_text
from zsdreport.render.docx_style_names import (
    BLANK_STYLE,
    BODY_PT,
    LEAD_STYLE,
    STYLE_NAMES,
)
from zsdreport.render.print_style import PrintStyle

TWIPS_PER_CHAR = BODY_PT * 20


def render_docx(doc: Document, style: PrintStyle) -> bytes:
    """Return ``doc`` as .docx bytes; the same input always gives the same bytes."""
    when = build_time()
    base = docx_base(style)
    document = base.fresh()
    write_blocks(document, doc.blocks, style, base)
    keep_closing_with_body(document, base)
    set_properties(document, doc, when)
    return base.package(when)


def write_blocks(
    document: WordDocument, blocks: list[Block], style: PrintStyle, base: DocxBase
) -> None:
    """Append one paragraph per block, with the blank lines after the title and before the 署名."""
    body = _Body(document, base)
    signed = False
    for block in blocks:
        if block.kind in ("signature", "date") and not signed:
            body.paragraph(BLANK_STYLE)
            signed = True
        if not body.reuse(block):
            mark = body.last()
            _write_block(document, body, block, style, base)
            body.remember(block, mark)
        if block.kind == "title":
            body.paragraph(BLANK_STYLE)
    base.forget_unused_blocks()


class _Body:
    """Appends paragraphs as ``document.add_paragraph(style=name)`` does, in constant time each.

    python-docx finds the w:sectPr to insert before by scanning the body, and the style id by
    scanning the styles: both grow with the document. Here both are found once, and a block
    written by the last build (``zsdreport watch``) is copied from it instead of written again.
    """

    def __init__(self, document: WordDocument, base: DocxBase) -> None:
        self._container = document._body
        end = document.element.body.sectPr
        if end is None:  # pragma: no cover - the base always has its section (setup_page)
            raise ValueError("the base document has no w:sectPr")
        self._end = end
        self._base = base

    def paragraph(self, style: str) -> Paragraph:
        """Append an empty paragraph of paragraph style ``style`` (a name)."""
        p = self._base.empty_paragraph(style)
        self._end.addprevious(p)
        return Paragraph(p, self._container)

    def last(self) -> Any:
        """Return the last element before the section properties (a mark for ``remember``)."""
        return self._end.getprevious()

    def remember(self, block: Block, mark: Any) -> None:
        """Keep the elements written for ``block`` since ``mark`` for the next build."""
        written = []
        element = self._end.getprevious()
        while element is not None and element is not mark:
            written.append(element)
            element = element.getprevious()
        self._base.remember_block(block, written[::-1])

    def reuse(self, block: Block) -> bool:
        """Append copies of the elements ``block`` was written as last time; False if none."""
        elements = self._base.recall_block(block)
        if elements is None:
            return False
        for element in elements:
            self._end.addprevious(element)
        return True


def _write_block(
    document: WordDocument, body: _Body, block: Block, style: PrintStyle, base: DocxBase
) -> None:
    if block.kind == "table":
        from zsdreport.render.docx_table import write_table

        write_table(document, block, base)
        return
    paragraph = body.paragraph(STYLE_NAMES[block.kind])
    if block.kind == "item" and style.item_lead_bold and (block.marker or block.lead):
        add_text(paragraph, block.marker + block.lead, style_id=base.character_style(LEAD_STYLE))
        if block.body:
            add_text(paragraph, block.body)
    elif block.text:
        add_text(paragraph, block.text)
    if block.kind in ("signature", "date"):
        # Direct formatting on purpose: the indent depends on the lengths of this 署名 and date.
        right = Twips(round(block.right_chars * TWIPS_PER_CHAR))
        paragraph.paragraph_format.right_indent = right

"""The .docx writer: blocks → a print-ready GB/T 9704-2012 Word document."""

from __future__ import annotations

import io

import docx
from docx.document import Document as WordDocument
from docx.shared import Twips

from zsdreport.document.outline import Block, Document
from zsdreport.render.docx_fonts import write_font_table
from zsdreport.render.docx_keep import keep_closing_with_body
from zsdreport.render.docx_package import (
    build_time,
    drop_unused_parts,
    set_app_properties,
    set_compatibility_mode,
    set_properties,
    stable_zip,
)
from zsdreport.render.docx_page import setup_page
from zsdreport.render.docx_runs import add_text
from zsdreport.render.docx_styles import (
    BLANK_STYLE,
    BODY_PT,
    LEAD_STYLE,
    STYLE_NAMES,
    apply_styles,
)
from zsdreport.schema.style import StyleProfile

TWIPS_PER_CHAR = BODY_PT * 20


def render_docx(doc: Document, style: StyleProfile) -> bytes:
    """Return ``doc`` as .docx bytes; the same input always gives the same bytes."""
    document = docx.Document()
    apply_styles(document.styles.element, style)
    setup_page(document, style)
    write_blocks(document, doc.blocks, style)
    keep_closing_with_body(document)
    write_font_table(document, style)
    set_compatibility_mode(document)
    when = build_time()
    set_properties(document, doc, when)
    set_app_properties(document)
    drop_unused_parts(document)
    out = io.BytesIO()
    document.save(out)
    return stable_zip(out.getvalue(), when)


def write_blocks(document: WordDocument, blocks: list[Block], style: StyleProfile) -> None:
    """Append one paragraph per block, with the blank lines after the title and before the 署名."""
    signed = False
    for block in blocks:
        if block.kind in ("signature", "date") and not signed:
            document.add_paragraph(style=BLANK_STYLE)
            signed = True
        _write_block(document, block, style)
        if block.kind == "title":
            document.add_paragraph(style=BLANK_STYLE)


def _write_block(document: WordDocument, block: Block, style: StyleProfile) -> None:
    if block.kind == "table":
        from zsdreport.render.docx_table import write_table

        write_table(document, block)
        return
    paragraph = document.add_paragraph(style=STYLE_NAMES[block.kind])
    if block.kind == "item" and style.item_lead_bold and (block.marker or block.lead):
        add_text(paragraph, block.marker + block.lead, document.styles[LEAD_STYLE])
        if block.body:
            add_text(paragraph, block.body)
    elif block.text:
        add_text(paragraph, block.text)
    if block.kind in ("signature", "date"):
        # Direct formatting on purpose: the indent depends on the lengths of this 署名 and date.
        right = Twips(round(block.right_chars * TWIPS_PER_CHAR))
        paragraph.paragraph_format.right_indent = right

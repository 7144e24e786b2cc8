"""The section: A4 page, margins, line grid and the odd/even page-number footers (§5, §7.5)."""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import _Footer
from docx.shared import Mm, Twips

from zsdreport.render.docx_runs import add_field, add_text
from zsdreport.render.docx_style_names import FOOTER_STYLE
from zsdreport.render.docx_styles import line_twips
from zsdreport.render.print_style import PrintStyle

DASH = "\u2014"  # 一字线, never a hyphen


def setup_page(document: WordDocument, style: PrintStyle) -> None:
    """Lay out the only section as A4 with GB/T 9704 margins, a line grid and page numbers."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = style.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.gutter = Twips(0)
    section.footer_distance = Mm(style.footer_distance_mm)
    grid = section._sectPr.find(qn("w:docGrid"))
    # "lines", not "linesAndChars": LibreOffice draws each CJK glyph in two cells of a char grid.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_twips(style)))
    grid.attrib.pop(qn("w:charSpace"), None)
    document.settings.odd_and_even_pages_header_footer = True
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:  # the template says ja-JP
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
    indent = Twips(round(style.page_number_indent_pt * 20))
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT, right=indent)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, left=indent)


def _page_number(
    footer: _Footer,
    align: WD_ALIGN_PARAGRAPH,
    left: Twips | None = None,
    right: Twips | None = None,
) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = FOOTER_STYLE
    paragraph.alignment = align
    if left is not None:
        paragraph.paragraph_format.left_indent = left
    if right is not None:
        paragraph.paragraph_format.right_indent = right
    add_text(paragraph, f"{DASH} ")
    add_field(paragraph, " PAGE ", "1")
    add_text(paragraph, f" {DASH}")

"""Tables in the GB/T layout: full borders, fixed column widths in w:gridCol, numbers right-aligned."""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from zsdreport.document.outline import Block
from zsdreport.render.docx_base import DocxBase
from zsdreport.render.docx_runs import add_text
from zsdreport.render.docx_style_names import (
    TABLE_CAPTION_STYLE,
    TABLE_HEADER_STYLE,
    TABLE_PT,
    TABLE_TEXT_STYLE,
)
from zsdreport.text import zi

CELL_MARGIN_TW = 108  # Word's default left and right cell margin
BORDER = {"val": "single", "sz": "4", "space": "0", "color": "000000"}  # ½ pt lines


def text_width_twips(document: WordDocument) -> int:
    """Return the width between the margins, in twips."""
    section = document.sections[0]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    assert width is not None and left is not None and right is not None  # setup_page set them
    return int((width - left - right) / 635)


def column_widths(rows: tuple[tuple[str, ...], ...], total: int) -> list[int]:
    """Return column widths in twips filling ``total``.

    Every column but the first is as wide as its longest cell (figures must not wrap); the first,
    the names, takes the rest and wraps when it must. When even that does not fit, all shrink.
    """
    count = len(rows[0])
    # A quarter 字 of slack: a client's digits can be wider than half a 字.
    natural = [
        round((max(zi(row[c]) for row in rows) + 0.25) * TABLE_PT * 20) + 2 * CELL_MARGIN_TW
        for c in range(count)
    ]
    rest = total - sum(natural[1:])
    least = 4 * TABLE_PT * 20 + 2 * CELL_MARGIN_TW
    if count == 1 or rest >= least:
        return [max(rest, 0) if count > 1 else total, *natural[1:]]
    scale = total / sum(natural)
    widths = [int(w * scale) for w in natural]
    widths[0] += total - sum(widths)
    return widths


def write_table(document: WordDocument, block: Block, base: DocxBase) -> None:
    """Write a table block (and its caption); the first row is the header and repeats on each page."""
    if block.caption:
        caption = document.add_paragraph()
        caption._p.style = base.paragraph_style(TABLE_CAPTION_STYLE)
        add_text(caption, block.caption)
    header, text_style = (base.paragraph_style(n) for n in (TABLE_HEADER_STYLE, TABLE_TEXT_STYLE))
    widths = column_widths(block.rows, text_width_twips(document))
    table = document.add_table(rows=len(block.rows), cols=len(widths))
    _table_properties(table._tbl, sum(widths))
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width))
    for r, row in enumerate(block.rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Twips(widths[c])
            paragraph = cell.paragraphs[0]
            paragraph._p.style = header if r == 0 else text_style
            if r and block.align and block.align[c] == "right":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if text:
                add_text(paragraph, text)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _table_properties(tbl: object, width: int) -> None:
    """Centre the table, fix its layout and width, and draw every border."""
    tbl_pr = tbl.tblPr  # type: ignore[attr-defined]
    for tag in ("w:tblStyle", "w:tblW", "w:jc", "w:tblBorders", "w:tblLayout", "w:tblLook"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    # Children in CT_TblPr schema order.
    tbl_pr.append(OxmlElement("w:tblW", {qn("w:w"): str(width), qn("w:type"): "dxa"}))
    tbl_pr.append(OxmlElement("w:jc", {qn("w:val"): "center"}))
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(OxmlElement(f"w:{side}", {qn(f"w:{k}"): v for k, v in BORDER.items()}))
    tbl_pr.append(borders)
    tbl_pr.append(OxmlElement("w:tblLayout", {qn("w:type"): "fixed"}))

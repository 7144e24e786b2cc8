"""Read a .docx: paragraphs and tables in body order, heading styles, bold or 黑体 runs, and the
numbers Word's automatic numbering shows but does not store in the text."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from zsdreport.errors import DataError, Problem
from zsdreport.importer.numbering import Numbering
from zsdreport.importer.sources import Paragraph, Source
from zsdreport.text import join_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TITLE_STYLES = {"title", "标题"}
# Heading styles below 2 say less than the text: our own .docx prints 1. items in Heading 3.
_FONT_LEVELS = (("黑体", 1), ("楷体", 2))
_MAX_HEADING = 60


def read_docx(path: Path, raw: bytes) -> Source:
    """Return the paragraphs of the Word file ``raw`` (read from ``path``)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as WordParagraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        message = "无法作为 Word 文档（.docx）打开：文件已损坏，或不是 .docx（旧的 .doc 请先用 Word 另存为 .docx）"
        raise DataError([Problem(path, None, None, message)]) from e
    except Exception as e:  # lxml raises its own XMLSyntaxError for damaged parts
        if type(e).__name__ != "XMLSyntaxError":
            raise
        raise DataError([Problem(path, None, None, "Word 文档内部的 XML 已损坏，无法读取")]) from e
    numbering = Numbering.of(document)
    out: list[Paragraph] = []
    for n, child in enumerate(document.element.body.iterchildren(), 1):
        if child.tag == _W + "p":
            paragraph = WordParagraph(child, document)
            text = join_lines(paragraph.text)
            number = numbering.number(paragraph)
            if not text:
                continue
            out.append(
                Paragraph(
                    number + text if number else text,
                    n,
                    heading=_heading_level(paragraph, text),
                    title=_style_names(paragraph) & _TITLE_STYLES != set(),
                    auto=bool(number),
                )
            )
        elif child.tag == _W + "tbl":
            table = Table(child, document)
            rows = tuple(
                tuple(join_lines(cell.text) for cell in _unique(row.cells)) for row in table.rows
            )
            if any(any(cell for cell in row) for row in rows):
                out.append(Paragraph("", n, table=rows))
    return Source(path, out, by_paragraph=True)


def _unique(cells: Any) -> list[Any]:
    """Return a row's cells with a merged cell once (python-docx repeats it per grid column)."""
    seen: list[Any] = []
    for cell in cells:
        if not any(cell._tc is other._tc for other in seen):
            seen.append(cell)
    return seen


def _style_names(paragraph: Any) -> set[str]:
    names: set[str] = set()
    style = paragraph.style
    while style is not None and len(names) < 10:
        names.add((style.name or "").strip().lower())
        style = style.base_style
    return names


def _heading_level(paragraph: Any, text: str) -> int | None:
    """Return the outline level the paragraph's style or fonts suggest, if any."""
    style = paragraph.style
    while style is not None:
        match = _HEADING.match((style.name or "").strip())
        if match:
            return int(match.group(1))
        style = style.base_style
    if len(text) > _MAX_HEADING:
        return None
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return None
    fonts = {_east_asian_font(run) for run in runs}
    for name, level in _FONT_LEVELS:
        if all(name in font for font in fonts):
            return level
    if all(run.bold or (run.bold is None and _style_bold(paragraph)) for run in runs):
        return 1
    return None


def _style_bold(paragraph: Any) -> bool:
    style = paragraph.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _east_asian_font(run: Any) -> str:
    properties = run._r.rPr
    fonts = properties.find(_W + "rFonts") if properties is not None else None
    if fonts is not None:
        name = fonts.get(_W + "eastAsia") or fonts.get(_W + "ascii")
        if name:
            return str(name)
    style = run.style
    while style is not None:
        element = style.element.rPr
        found = element.find(_W + "rFonts") if element is not None else None
        if found is not None and found.get(_W + "eastAsia"):
            return str(found.get(_W + "eastAsia"))
        style = style.base_style
    return ""

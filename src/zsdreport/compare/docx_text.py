"""The text of a .docx, one paragraph a line: for ``zsdreport totext`` and git's textconv."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from lxml import etree  # type: ignore[import-untyped]

from zsdreport.errors import UsageError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
View = Literal["accept", "reject"]


def w(tag: str) -> str:
    """Return the Clark name of a WordprocessingML tag: ``w("p")`` → ``{…main}p``."""
    return f"{{{W}}}{tag}"


def read_document(data: bytes, where: str = "文件") -> Any:
    """Return the parsed word/document.xml of .docx ``data``; a clear error when it is no .docx."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = package.read("word/document.xml")
        return etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=False))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as e:
        raise UsageError(f"{where} 不是有效的 Word 文档（.docx）") from e


def _inside(element: Any, tag: str, stop: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def paragraph_text(paragraph: Any, view: View = "accept") -> str:
    """Return a paragraph's text with every revision accepted (or rejected)."""
    skip = w("del") if view == "accept" else w("ins")
    out: list[str] = []
    for node in paragraph.iter(w("t"), w("delText"), w("tab"), w("br")):
        if _inside(node, skip, paragraph):
            continue
        if node.tag == w("tab"):
            out.append("\t")
        elif node.tag == w("br"):
            out.append("\n")
        else:
            out.append(node.text or "")
    return "".join(out)


def mark_revision(paragraph: Any) -> str | None:
    """Return "ins" or "del" when the paragraph mark itself is a tracked insertion or deletion."""
    rpr = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    if rpr is None:
        return None
    for kind in ("ins", "del"):
        if rpr.find(w(kind)) is not None:
            return kind
    return None


def body_lines(body: Any, view: View = "accept") -> Iterator[str]:
    """Yield the body's text: a paragraph a line, a table row a line with cells joined by " | "."""
    pending = ""
    gone = "del" if view == "accept" else "ins"
    for child in body:
        if child.tag == w("p"):
            text = pending + paragraph_text(child, view)
            # A removed paragraph mark joins this paragraph's text to the next one.
            if mark_revision(child) == gone:
                pending = text
                continue
            pending = ""
            yield text
        elif child.tag == w("tbl"):
            for row in child.iter(w("tr")):
                mark = row.find(f"{w('trPr')}/{w(gone)}")
                if mark is not None:
                    continue
                cells = [
                    "".join(paragraph_text(p, view) for p in cell.iter(w("p")))
                    for cell in row.iter(w("tc"))
                ]
                yield " | ".join(cells)
    if pending:
        yield pending


def docx_lines(data: bytes, where: str = "文件") -> list[str]:
    """Return the lines of .docx ``data`` as ``zsdreport totext`` prints them (blank lines dropped)."""
    body = read_document(data, where).find(w("body"))
    return [line for line in body_lines(body) if line.strip()] if body is not None else []


def totext(path: Path) -> str:
    """Return the text of the .docx at ``path``, one paragraph a line."""
    if not path.is_file():
        raise UsageError(f"找不到文件：{path}")
    return "".join(line + "\n" for line in docx_lines(path.read_bytes(), str(path)))

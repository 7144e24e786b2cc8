"""What Word shows after 全部接受 or 全部拒绝 revisions, done on the XML as Word does it.

Written independently of zsdreport.compare so the tests do not grade the code with itself.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def resolve(data: bytes, accept: bool) -> bytes:
    """Return the .docx with every revision accepted (or rejected): a file without w:ins/w:del."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    drop, keep = ("del", "ins") if accept else ("ins", "del")
    body = root.find(_q("body"))
    # A paragraph whose mark is removed joins the next paragraph.
    for p in list(body.iter(_q("p"))):
        mark = p.find(f"w:pPr/w:rPr/w:{drop}", NS)
        if mark is not None:
            following = p.getnext()
            runs = [c for c in p if c.tag != _q("pPr")]
            if following is not None and following.tag == _q("p"):
                anchor = following.find(_q("pPr"))
                at = 0 if anchor is None else 1
                for n, run in enumerate(runs):
                    following.insert(at + n, run)
            p.getparent().remove(p)
        kept = p.find(f"w:pPr/w:rPr/w:{keep}", NS)
        if kept is not None:
            kept.getparent().remove(kept)
    for row in list(body.iter(_q("tr"))):
        if row.find(f"w:trPr/w:{drop}", NS) is not None:
            row.getparent().remove(row)
        for mark in row.findall(f"w:trPr/w:{keep}", NS):
            mark.getparent().remove(mark)
    for element in list(root.iter(_q(drop))):
        element.getparent().remove(element)
    for element in list(root.iter(_q(keep))):
        parent = element.getparent()
        at = parent.index(element)
        for n, child in enumerate(list(element)):
            parent.insert(at + n, child)
        parent.remove(element)
    for text in list(root.iter(_q("delText"))):
        text.tag = _q("t")
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return out.getvalue()


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """Return (style, text) of every body paragraph, as python-docx reads them."""
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]


def revisions(data: bytes) -> list[Any]:
    """Return every w:ins and w:del element of the document."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return list(root.iter(_q("ins"), _q("del")))


def document_root(data: bytes) -> Any:
    """Return the parsed word/document.xml."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))

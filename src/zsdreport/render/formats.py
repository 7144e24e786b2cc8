"""A document in each output format, as bytes: what build writes, in one process or two."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zsdreport.document.outline import Document
    from zsdreport.render.print_style import PrintStyle


def render_texts(doc: Document, style: PrintStyle, formats: list[str]) -> dict[str, bytes]:
    """Return the .md and the .docx of ``formats``; the .docx also when a PDF is asked for."""
    files: dict[str, bytes] = {}
    if "md" in formats:
        from zsdreport.render.markdown import render_markdown

        files["md"] = render_markdown(doc).encode("utf-8")
    if "docx" in formats or "pdf" in formats:
        from zsdreport.render.docx import render_docx

        files["docx"] = render_docx(doc, style)
    return files


def with_pdf(files: dict[str, bytes], formats: list[str]) -> dict[str, bytes]:
    """Add the PDF made from the .docx of ``files`` if asked for; keep that .docx only if asked."""
    if "pdf" in formats:
        from zsdreport.render.pdf import docx_to_pdf

        files["pdf"] = docx_to_pdf(files["docx"])
        if "docx" not in formats:
            del files["docx"]
    return files

"""Keep rules that depend on where a paragraph stands: the body's end stays with the 署名."""

from __future__ import annotations

from docx.document import Document as WordDocument

from zsdreport.render.docx_base import DocxBase
from zsdreport.render.docx_style_names import STYLE_NAMES


def keep_closing_with_body(document: WordDocument, base: DocxBase) -> None:
    """Keep the last body paragraph and the blank line after it with the 署名 (§7.3.5).

    The 署名 and 成文日期 never start a page of their own: the paragraphs before the first
    signature line get keep-with-next, so its last lines (two, by widow control) go along.
    """
    # Compared by style id: resolving each paragraph's style by name costs more than the rule.
    closing = {base.paragraph_style(STYLE_NAMES[kind]) for kind in ("signature", "date")}
    paragraphs = document.paragraphs
    first = next((i for i, p in enumerate(paragraphs) if p._p.style in closing), None)
    if first is None:
        return
    for paragraph in reversed(paragraphs[:first]):
        paragraph.paragraph_format.keep_with_next = True
        if paragraph.text.strip():  # the last body paragraph: the blank lines before it are done
            return

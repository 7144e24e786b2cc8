"""Markdown output: the document's blocks as plain CommonMark that any Markdown reader shows.

The document Markdown the template writes marks each paragraph's kind with ``{.kind}``;
readers without markdown-it's attribute syntax would print those marks, so the .md file is
the same blocks with only what CommonMark has: ``#`` headings and paragraphs.
"""

from __future__ import annotations

from zsdreport.document.outline import Block, Document
from zsdreport.render.env import escape_markdown

HEADING_MARKS = {"title": "# ", "heading1": "## ", "heading2": "### "}


def render_markdown(doc: Document) -> str:
    """Return the report as Markdown: one heading, paragraph or table per block."""
    return "".join(_block(block) + "\n\n" for block in doc.blocks).removesuffix("\n")


def _block(block: Block) -> str:
    if block.kind == "table":
        header, *rows = block.rows
        align = block.align or ("left",) * len(header)
        rule = "|" + "".join(" ---: |" if a == "right" else " --- |" for a in align)
        caption = f"**{escape_markdown(block.caption)}**\n\n" if block.caption else ""
        return caption + "\n".join([_row(header), rule, *(_row(row) for row in rows)])
    return HEADING_MARKS.get(block.kind, "") + escape_markdown(block.text)


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(escape_markdown(c) for c in cells) + " |"

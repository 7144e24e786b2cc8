"""Markdown output: the blocks through the report.md.j2 template."""

from __future__ import annotations

from pathlib import Path

from zsdreport.document.outline import Document
from zsdreport.render.env import environment

TEMPLATE = "report.md.j2"


def render_markdown(doc: Document, templates: Path | None = None) -> str:
    """Return the report as Markdown."""
    text = environment(templates).get_template(TEMPLATE).render(doc=doc)
    return text.strip("\n") + "\n"

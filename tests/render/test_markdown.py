from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from zsdreport.outline import Block, outline
from zsdreport.render.env import escape_markdown
from zsdreport.render.markdown import render_markdown
from zsdreport.validate import load_report

MINI = Path(__file__).parent.parent / "data" / "mini"
HEADING_LEVEL = {"title": 1, "heading1": 2, "heading2": 3}


def read_back(markdown: str) -> list[tuple[int, str]]:
    """Parse Markdown with a real CommonMark reader: (heading level or 0, plain text) per block."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    out: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        if token.type == "inline":
            opener = tokens[i - 1]
            level = int(opener.tag[1]) if opener.type == "heading_open" else 0
            text = "".join(child.content for child in token.children or [] if child.type == "text")
            out.append((level, text))
        elif token.type not in (
            "heading_open",
            "heading_close",
            "paragraph_open",
            "paragraph_close",
        ):
            out.append((-1, token.type))
    return out


def expected(blocks: list[Block]) -> list[tuple[int, str]]:
    return [(HEADING_LEVEL.get(b.kind, 0), b.text) for b in blocks]


def test_markdown_round_trips_through_a_real_reader() -> None:
    report, _ = load_report(MINI)
    assert report is not None
    doc = outline(report)
    assert read_back(render_markdown(doc)) == expected(doc.blocks)


# Hostile text (headings, lists, emphasis, HTML, template code) is covered by
# tests/check/test_safety.py, including a property test of the escaping.


def test_escape_keeps_plain_chinese_untouched() -> None:
    assert escape_markdown("加强党的领导，把准发展“方向盘”。") == "加强党的领导，把准发展“方向盘”。"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1.加强党的领导。", "1.加强党的领导。"),  # no blank after "1.": not a list, stays readable
        ("1. 加强", "1\\. 加强"),
        ("2) 项", "2\\) 项"),
        ("- 项", "\\- 项"),
        ("-项", "-项"),
        ("---", "\\---"),
        ("#3", "\\#3"),
    ],
)
def test_escape_only_what_markdown_would_read_as_markup(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped

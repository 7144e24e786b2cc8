from __future__ import annotations

from pathlib import Path

import pytest

from tests.markdown_reader import read_blocks
from zsdreport.check.validate import load_report
from zsdreport.document.outline import Block, outline
from zsdreport.render.env import escape_markdown
from zsdreport.render.markdown import render_markdown

MINI = Path(__file__).parent.parent / "data" / "mini"
HEADING_TAG = {"title": "h1", "heading1": "h2", "heading2": "h3"}


def expected(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(HEADING_TAG.get(b.kind, "p"), b.text) for b in blocks]


def test_markdown_round_trips_through_a_real_reader() -> None:
    report, _ = load_report(MINI)
    assert report is not None
    doc = outline(report)
    assert read_blocks(render_markdown(doc)) == expected(doc.blocks)


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

"""The reused base: a build after other builds gives the bytes a first build in a new process gives."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest

from tests.render.test_docx import SAMPLE
from zsdreport.document.outline import Block, Document
from zsdreport.render.docx import render_docx
from zsdreport.render.docx_base import docx_base
from zsdreport.schema.style import StyleProfile

TABLE = Block(
    "table",
    rows=(("指标", "本期", "上期"), ("办结事项", "566件", "540件")),
    caption="表1 主要指标对比表",
    align=("left", "right", "right"),
)


def _other() -> Document:
    """SAMPLE with one item changed, one block more and the closing moved."""
    blocks = list(SAMPLE.blocks)
    blocks[5] = replace(blocks[5], body="组织学习4次。")
    blocks.insert(7, TABLE)
    blocks[-1] = replace(blocks[-1], body="2023年7月11日", right_chars=5.0)
    return Document(SAMPLE.title, "另一个作者", blocks)


def _cold(doc: Document, style: StyleProfile) -> bytes:
    """Render ``doc`` with a base built for it alone, as the first build of a process does."""
    docx_base.cache_clear()
    try:
        return render_docx(doc, style)
    finally:
        docx_base.cache_clear()


@pytest.mark.parametrize("style", [StyleProfile(), StyleProfile(item_lead_bold=True)])
def test_builds_in_any_order_give_the_bytes_of_a_cold_build(style: StyleProfile) -> None:
    first, second = _cold(SAMPLE, style), _cold(_other(), style)
    assert first != second
    warm = [render_docx(d, style) for d in (SAMPLE, _other(), SAMPLE, _other(), _other())]
    assert warm == [first, second, first, second, second]


def test_a_reused_block_is_a_copy_that_the_keep_rule_does_not_leak_into() -> None:
    # The last body paragraph gets keep-with-next; moved away from the end, it must lose it.
    style = StyleProfile()
    render_docx(SAMPLE, style)
    blocks = [*SAMPLE.blocks[:8], Block("body", "新的最后一段。"), *SAMPLE.blocks[8:]]
    moved = Document(SAMPLE.title, SAMPLE.author, blocks)
    assert render_docx(moved, style) == _cold(moved, style)
    with zipfile.ZipFile(io.BytesIO(render_docx(SAMPLE, style))) as package:
        assert package.read("word/document.xml").count(b"<w:keepNext/>") == 2


def test_profiles_get_their_own_base() -> None:
    plain, bold = StyleProfile(), StyleProfile(item_lead_bold=True)
    assert docx_base(plain) is docx_base(StyleProfile())
    assert docx_base(plain) is not docx_base(bold)
    assert render_docx(SAMPLE, bold) == _cold(SAMPLE, bold)

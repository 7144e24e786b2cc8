"""Reading a changed document again: only the changed runs are parsed, as a whole parse reads."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pytest

from zsdreport.document.dialect import DocumentSyntaxError, _LastDocument, parser, read_blocks

if TYPE_CHECKING:
    from markdown_it.token import Token


def _document() -> str:
    from tests.conftest import DATA
    from zsdreport.check.validate import load_report
    from zsdreport.document.context import template_context
    from zsdreport.render.env import environment
    from zsdreport.render.template_folder import TEMPLATE

    report, _ = load_report(DATA)
    assert report is not None
    return environment().get_template(TEMPLATE).render(template_context(report))


def _shape(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [
        (
            t.type,
            t.tag,
            t.map,
            t.attrs,
            t.content,
            t.level,
            [(c.type, c.content, c.attrs) for c in t.children or []],
        )
        for t in tokens
    ]


def _edits(lines: list[str], rng: random.Random) -> list[str]:
    """Return ``lines`` with a few random changes of the kinds a template or data edit makes."""
    changed = list(lines)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(changed))
        kind = rng.choice(["text", "insert", "delete", "blank", "class", "list", "table", "join"])
        if kind == "text":
            changed[at] += "改"
        elif kind == "insert":
            changed[at:at] = ["", "新的一段。"]
        elif kind == "delete":
            del changed[at]
        elif kind == "blank":
            changed[at:at] = [""]
        elif kind == "class":
            changed[at:at] = ["{.item}"]
        elif kind == "list":
            changed[at:at] = ["", "- 列表"]
        elif kind == "table":
            changed[at:at] = ["| 甲 | 乙 |", "|---|---|"]
        else:
            changed[at : at + 2] = ["".join(changed[at : at + 2])]
    return changed


def test_a_changed_document_reads_as_a_whole_parse_of_it_reads() -> None:
    rng = random.Random(13)
    whole = _document()
    reader = _LastDocument()
    reader.tokens(whole)
    lines = whole.split("\n")
    for _ in range(300):
        lines = _edits(lines, rng) if rng.random() < 0.8 else whole.split("\n")
        markdown = "\n".join(lines)
        assert _shape(reader.tokens(markdown)) == _shape(parser().parse(markdown)), markdown


def test_only_the_changed_runs_are_parsed_again() -> None:
    whole = _document()
    reader = _LastDocument()
    reader.tokens(whole)
    assert reader.parsed_lines == whole.count("\n") + 1
    lines = whole.split("\n")
    at = next(i for i, line in enumerate(lines) if "中心组学习" in line)
    lines[at] = lines[at].replace("中心组学习", "中心组集中学习")
    assert _shape(reader.tokens("\n".join(lines))) == _shape(parser().parse("\n".join(lines)))
    assert 0 < reader.parsed_lines < 5
    # Nothing is kept from a document that holds anything but the dialect's flat blocks.
    listed = "\n".join(["- 列表", "", *lines])
    with pytest.raises(DocumentSyntaxError, match="无序列表"):
        read_blocks(listed)
    assert reader.tokens(listed) and reader.parsed_lines == listed.count("\n") + 1

"""Reading a changed document again: only the changed runs are parsed, as a whole parse reads."""

from __future__ import annotations

import random

import pytest

from tests.document.tokens import plain_parser, shape
from zsdreport.document.dialect import DocumentSyntaxError, _LastDocument, parser, read_blocks


def _document() -> str:
    from tests.conftest import DATA
    from zsdreport.check.validate import load_report
    from zsdreport.document.context import template_context
    from zsdreport.render.env import environment
    from zsdreport.render.template_folder import TEMPLATE

    report, _ = load_report(DATA)
    assert report is not None
    return environment().get_template(TEMPLATE).render(template_context(report))


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
    # Against the dialect's own parser, whose kept inline children the other tests check:
    # markdown-it's takes four times as long.
    reader, whole_parse = _LastDocument(), parser().parse
    reader.tokens(whole)
    lines = whole.split("\n")
    for _ in range(300):
        lines = _edits(lines, rng) if rng.random() < 0.8 else whole.split("\n")
        markdown = "\n".join(lines)
        assert shape(reader.tokens(markdown)) == shape(whole_parse(markdown)), markdown


def test_only_the_changed_runs_are_parsed_again() -> None:
    whole = _document()
    reader = _LastDocument()
    assert reader.parsed_lines == 0
    reader.tokens(whole)
    assert reader.parsed_lines == whole.count("\n") + 1
    lines = whole.split("\n")
    at = next(i for i, line in enumerate(lines) if "中心组学习" in line)
    lines[at] = lines[at].replace("中心组学习", "中心组集中学习")
    assert shape(reader.tokens("\n".join(lines))) == shape(plain_parser().parse("\n".join(lines)))
    assert 0 < reader.parsed_lines < 5
    # Nothing is kept from a document that holds anything but the dialect's flat blocks.
    listed = "\n".join(["- 列表", "", *lines])
    with pytest.raises(DocumentSyntaxError, match="无序列表"):
        read_blocks(listed)
    assert reader.tokens(listed) and reader.parsed_lines == listed.count("\n") + 1


# Lines that look like what they are not: blank-looking text, {.kind} lines indented or not,
# block starts and ends, and what makes a document parse whole.
_LINES = [
    *["", "", "", " ", "\t", "\u3000", "X", "甲。", "乙 丙", "[1.]{.marker}丁", "戊\t"],
    *["{.item}", " {.point}", "   {.caption}", "X {.item}", "\t{.x}", "{.signature}"],
    *["| 甲 | 乙 |", "|---|--:|", "| 1 | 2 |", "## 一、标题", "# 题", "===", "---"],
    *["- 列", "> 引", "    码", "```", "[甲]", "[甲]: /x", "甲\r乙", "甲\0乙"],
]


def test_small_documents_changed_anywhere_read_as_whole_parses_of_them_read() -> None:
    rng = random.Random(7)
    plain = plain_parser()
    for _ in range(250):
        reader = _LastDocument()
        lines = [rng.choice(_LINES) for _ in range(rng.randint(0, 8))]
        for _ in range(6):
            markdown = "\n".join(lines)
            assert shape(reader.tokens(markdown)) == shape(plain.parse(markdown)), markdown
            at = rng.randint(0, len(lines))
            edit = rng.random()
            if edit < 0.4 or not lines:
                lines[at:at] = rng.choices(_LINES, k=rng.randint(1, 3))
            elif edit < 0.7:
                del lines[min(at, len(lines) - 1)]
            else:
                lines[min(at, len(lines) - 1)] = rng.choice(_LINES)


@pytest.mark.parametrize(
    ("before", "after", "parsed"),
    [
        # The run the change is in, up to the blank line after it; lines in or out shift the rest.
        ("甲\n\n乙\n\n丙\n", "甲\n\n乙改\n\n丙\n", 2),
        ("甲\n\n丙\n", "甲\n\n乙\n\n丙\n", 2),
        ("甲\n\n乙\n\n丙\n", "甲\n\n丙\n", 0),
        ("甲\n\n乙\n\n丙\n", "甲改\n\n乙\n\n丙\n", 2),
        ("甲\n\n乙\n\n丙", "甲\n\n乙\n\n丙改", 1),
        # A {.kind} line gives its class across blank lines: its block is parsed with it.
        ("{.item}\n\n甲\n\n乙\n", "{.item}\n\n甲改\n\n乙\n", 4),
        ("{.item}\n\n\n甲\n\n乙\n", "{.item}\n\n\n甲改\n\n乙\n", 5),
        (" {.item}\n\n甲\n\n乙\n", " {.item}\n\n甲改\n\n乙\n", 4),
        ("乙\n\n甲\n\n丙\n", "乙\n\n{.item}\n\n甲\n\n丙\n", 4),
        # Only up to three spaces then { make one: other lines ending a block are text.
        ("X {.item}\n\n甲\n\n乙\n", "X {.item}\n\n甲改\n\n乙\n", 2),
        ("丙\n\t{.x}\n\n甲\n\n乙\n", "丙\n\t{.x}\n\n甲改\n\n乙\n", 2),
        ("{.item}\nX\n\n甲\n\n乙\n", "{.item}\nX\n\n甲改\n\n乙\n", 2),
        ("{.item}\n\u3000\n\n甲\n\n乙\n", "{.item}\n\u3000\n\n甲改\n\n乙\n", 2),
        # Only spaces and tabs make a line blank.
        ("甲\nX\n乙\n\n丙\n", "甲\nX\n乙改\n\n丙\n", 4),
        ("甲\n\u3000\n乙\n\n丙\n", "甲\n\u3000\n乙改\n\n丙\n", 4),
        ("甲\n \t\n乙\n\n丙\n", "甲\n \t\n乙改\n\n丙\n", 2),
        # The end of a document is a boundary only for a document that ends there too.
        ("甲", "甲\n乙", 2),
        ("甲\n乙", "甲", 1),
        ("甲\n\n乙", "甲\n\n乙\n丙", 2),
    ],
)
def test_only_the_runs_holding_a_change_are_parsed(before: str, after: str, parsed: int) -> None:
    reader = _LastDocument()
    reader.tokens(before)
    assert shape(reader.tokens(after)) == shape(plain_parser().parse(after))
    assert reader.parsed_lines == parsed


@pytest.mark.parametrize(
    "after",
    [
        "甲\n\n乙\r改\n\n丙\n",  # markdown-it counts a carriage return as a line break
        "甲\n\n乙\r\n\n丙\n",
        "[甲]\n\n乙\n\n丙\n\n[甲]: /x\n",  # a definition makes a link of every [甲]
    ],
)
def test_a_document_markdown_it_reads_unlike_its_lines_is_parsed_whole(after: str) -> None:
    reader, plain = _LastDocument(), plain_parser()
    reader.tokens("[甲]\n\n乙\n\n丙\n")
    assert shape(reader.tokens(after)) == shape(plain.parse(after))
    assert reader.parsed_lines == after.count("\n") + 1
    # ... and nothing of it is kept for the next one, which is parsed whole too.
    changed = after.replace("丙", "丁")
    assert shape(reader.tokens(changed)) == shape(plain.parse(changed))
    assert reader.parsed_lines == changed.count("\n") + 1
    again = "[甲]\n\n乙\n\n丁\n"
    assert shape(reader.tokens(again)) == shape(plain.parse(again))


def test_a_change_that_makes_blocks_not_flat_is_parsed_whole() -> None:
    # A list item goes on across the blank line: the kept "  乙" belongs to it now.
    reader = _LastDocument()
    reader.tokens("甲\n\n  乙\n")
    listed = "- 甲\n\n  乙\n"
    assert shape(reader.tokens(listed)) == shape(plain_parser().parse(listed))
    assert reader.parsed_lines == 4

"""A paragraph text is parsed inline once: read again, it takes the children it gave before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.document.tokens import inlines, plain_parser, shape
from zsdreport.document.dialect import _Inlines, _new_parser

if TYPE_CHECKING:
    from markdown_it.token import Token


def _same(a: list[Token], b: list[Token]) -> bool:
    """Tell whether two children lists hold the very same tokens (kept, not parsed again)."""
    return len(a) == len(b) > 0 and all(x is y for x, y in zip(a, b, strict=True))


def _fresh(a: list[Token], b: list[Token]) -> bool:
    """Tell whether two children lists share no token (parsed anew)."""
    return not {id(x) for x in a} & {id(y) for y in b}


def test_a_text_read_before_takes_its_children_and_a_new_one_is_parsed() -> None:
    md, plain = _new_parser(_Inlines()), plain_parser()
    # Spans, braces added to a span, emphasis: what the parser reads is markdown-it's reading.
    first_text = (
        "[1.]{.marker}[加强学习。]{.lead}甲乙\n丙 *丁*\n\n[2.]{.marker}{.lead #i}辛\n\n## 戊\n"
    )
    first = md.parse(first_text)
    assert shape(first) == shape(plain.parse(first_text))
    assert inlines(first)[1][0].attrs == {"class": "marker lead", "id": "i"}
    second_text = first_text.replace("\n\n[2.]", "\n\n己 `庚`\n\n[2.]")
    second = md.parse(second_text)
    assert shape(second) == shape(plain.parse(second_text))
    (kept, braces, heading), (now, new, *later) = inlines(first), inlines(second)
    assert _same(kept, now) and _same(braces, later[0]) and _same(heading, later[1])
    assert now is not kept  # a list of its own: the kept one stays as it was
    assert _fresh(new, kept + braces + heading)
    # A text seen the first time is kept from then on, children as text_join left them.
    third_text = "己 `庚`\n"
    third = md.parse(third_text)
    assert _same(inlines(third)[0], new)
    assert shape(third) == shape(plain.parse(third_text))


def test_a_document_with_link_definitions_is_parsed_afresh_and_kept_apart() -> None:
    md, plain = _new_parser(_Inlines()), plain_parser()
    bare = md.parse("[甲]\n")
    assert [c.type for c in inlines(bare)[0]] == ["text"]
    linked_text = "[甲]\n\n[甲]: /x\n"
    linked = md.parse(linked_text)
    assert shape(linked) == shape(plain.parse(linked_text))
    assert [c.type for c in inlines(linked)[0]] == ["link_open", "text", "link_close"]
    again = md.parse(linked_text)
    assert shape(again) == shape(linked) and _fresh(inlines(again)[0], inlines(linked)[0])
    # What the linked documents parsed is not kept for documents without definitions.
    assert _same(inlines(md.parse("[甲]\n"))[0], inlines(bare)[0])


def test_the_kept_texts_start_again_once_they_pass_the_limit() -> None:
    kept = _Inlines()
    kept.LIMIT = 2
    md = _new_parser(kept)
    first = inlines(md.parse("甲\n\n乙\n"))
    md.parse("丙\n")  # two texts kept, not past the limit: the third is added
    assert _same(inlines(md.parse("甲\n"))[0], first[0])  # three kept: past it, so dropped
    again = md.parse("乙\n")
    assert _fresh(inlines(again)[0], first[1])
    assert shape(again) == shape(plain_parser().parse("乙\n"))

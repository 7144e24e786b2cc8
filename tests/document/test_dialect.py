"""The document dialect: the Markdown the template writes, read back into blocks."""

from __future__ import annotations

import pytest

from zsdreport.document.dialect import DocumentSyntaxError, failure, read_blocks
from zsdreport.document.outline import Block


def refusal(markdown: str) -> str:
    """Return the message read_blocks refuses ``markdown`` with, line first."""
    with pytest.raises(DocumentSyntaxError) as caught:
        read_blocks(markdown)
    return str(caught.value)


def test_headings_are_the_title_and_two_outline_levels() -> None:
    markdown = "# 工作总结\n\n## [一、]{.marker}工作情况\n\n### [（一）]{.marker}抓党建\n"
    assert read_blocks(markdown) == [
        Block("title", "工作总结"),
        Block("heading1", "工作情况", "一、", level=1),
        Block("heading2", "抓党建", "（一）", level=2),
    ]


def test_a_setext_heading_is_a_heading_too() -> None:
    assert read_blocks("工作总结\n===\n") == [Block("title", "工作总结")]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("body", Block("body", "正文")),
        ("recipient", Block("recipient", "正文")),
        ("item", Block("item", "正文", level=3)),
        ("subitem", Block("subitem", "正文", level=4)),
        ("point", Block("point", "正文")),
        ("signature", Block("signature", "正文")),
        ("date", Block("date", "正文")),
    ],
)
def test_each_paragraph_class_gives_its_kind_and_level(kind: str, expected: Block) -> None:
    assert read_blocks(f"{{.{kind}}}\n正文\n") == [expected]


def test_a_paragraph_without_class_is_body_text_at_level_zero() -> None:
    assert read_blocks("甲段\n\n乙段\n") == [Block("body", "甲段"), Block("body", "乙段")]


def test_marker_and_lead_come_apart_from_the_body() -> None:
    markdown = "{.item}\n[1.]{.marker}[加强党的领导。]{.lead}组织学习3次。\n"
    assert read_blocks(markdown) == [
        Block("item", "组织学习3次。", "1.", "加强党的领导。", level=3)
    ]
    (block,) = read_blocks(markdown)
    assert block.text == "1.加强党的领导。组织学习3次。"


def test_a_lead_alone_and_an_empty_marker_are_allowed() -> None:
    assert read_blocks("{.point}\n[一是]{.lead}村级力量薄弱。\n") == [
        Block("point", "村级力量薄弱。", lead="一是")
    ]
    # An empty marker is nothing yet: the marker after it is still first.
    assert read_blocks("[]{.marker}[1.]{.marker}正文\n") == [Block("body", "正文", "1.")]


def test_a_line_the_template_wrapped_joins_without_a_space_beside_chinese() -> None:
    markdown = (
        "{.item}\n[1.]{.marker}[加强\n管理。]{.lead}共办理\n568件，model\nA，型号 ABX\nXYZ 两种。\n"
    )
    assert read_blocks(markdown) == [
        Block("item", "共办理568件，model A，型号 ABX XYZ 两种。", "1.", "加强管理。", level=3)
    ]


def test_joining_looks_at_the_last_and_first_character_only() -> None:
    assert read_blocks("ab中\ncd\n") == [Block("body", "ab中cd")]
    assert read_blocks("ab\n中c\n") == [Block("body", "ab中c")]
    assert read_blocks("ab\ncd\n") == [Block("body", "ab cd")]


def test_a_break_right_after_a_span_adds_no_space() -> None:
    assert read_blocks("[1.]{.marker}\nabc\n") == [Block("body", "abc", "1.")]
    assert read_blocks("[a\n]{.lead}b\n") == [Block("body", "b", lead="a")]


def test_blanks_inside_a_line_stay() -> None:
    # A full-width space the data put at the start of a wrapped line is text, not a line break.
    assert read_blocks("甲\n\u3000乙  丙\n") == [Block("body", "甲\u3000乙  丙")]


def test_a_table_with_alignment_caption_and_empty_cells() -> None:
    markdown = (
        "{.caption}\n表1 主要指标\n\n"
        "| 指标 | 上期 | 本期 |\n| --- | ---: | :-: |\n| 财政收入 | 120 | |\n| 项目 | | 3 |\n\n"
        "表后正文\n"
    )
    assert read_blocks(markdown) == [
        Block(
            "table",
            "指标 上期 本期 财政收入 120 项目 3",
            rows=(("指标", "上期", "本期"), ("财政收入", "120", ""), ("项目", "", "3")),
            caption="表1 主要指标",
            align=("left", "right", "left"),
        ),
        Block("body", "表后正文"),
    ]


def test_a_table_with_every_column_left_stores_no_alignment() -> None:
    markdown = "| 甲 | 乙 |\n| --- | :-- |\n| 1 | 2 |\n"
    assert read_blocks(markdown) == [Block("table", "甲 乙 1 2", rows=(("甲", "乙"), ("1", "2")))]


def test_a_caption_belongs_to_the_next_table_only() -> None:
    markdown = "{.caption}\n表1\n\n| 甲 |\n| --- |\n| 1 |\n\n| 乙 |\n| --- |\n| 2 |\n"
    assert [(b.caption, b.rows) for b in read_blocks(markdown)] == [
        ("表1", (("甲",), ("1",))),
        ("", (("乙",), ("2",))),
    ]


def test_a_caption_after_other_blocks_captions_its_table() -> None:
    markdown = "# 标题\n\n正文\n\n{.caption}\n表1\n\n| 甲 |\n| --- |\n| 1 |\n\n末段\n"
    assert read_blocks(markdown) == [
        Block("title", "标题"),
        Block("body", "正文"),
        Block("table", "甲 1", rows=(("甲",), ("1",)), caption="表1"),
        Block("body", "末段"),
    ]


def test_a_caption_with_a_lead_keeps_its_whole_text() -> None:
    markdown = "{.caption}\n[表1]{.lead}主要指标\n\n| 甲 |\n| --- |\n| 1 |\n"
    assert read_blocks(markdown)[0].caption == "表1主要指标"


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("{.caption}\n表1\n\n正文\n", "line 2: {.caption} 表题之后应紧接着表格"),
        ("正文\n\n{.caption}\n表1\n", "line 4: {.caption} 表题之后应紧接着表格"),
    ],
)
def test_a_caption_must_stand_right_before_a_table(markdown: str, message: str) -> None:
    assert refusal(markdown) == message


def test_a_marker_or_lead_in_a_table_cell_is_refused() -> None:
    head = "正文\n\n| 甲 | 乙 |\n| --- | --- |\n"
    assert refusal(head + "| [1.]{.marker}x | y |\n") == (
        "line 3: 表格中的 [序号]{.marker} 或 [引语]{.lead}"
    )
    assert refusal(head + "| x | [引语]{.lead}y |\n") == (
        "line 3: 表格中的 [序号]{.marker} 或 [引语]{.lead}"
    )


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("#### 标题\n", "line 1: #### 级标题（只有 # ## ###）"),
        ("正文\n\n###### 标题\n", "line 3: ###### 级标题（只有 # ## ###）"),
        ("{.item}\n## 标题\n", "line 2: 标题前的 {.…}：标题不能另指类型"),
        ("{#x}\n正文\n", "line 2: {.…} 里只能写一个类型，如 {.item}"),
        ("{.item title=x}\n正文\n", "line 2: {.…} 里只能写一个类型，如 {.item}"),
        (
            "{.item .point}\n正文\n",
            "line 2: 不认识的段落类型 {.item point}（可用：{.body} {.recipient} {.item}"
            " {.subitem} {.point} {.signature} {.date} {.caption}）",
        ),
        ("- 列表\n", "line 1: 无序列表（行首的 - + *）"),
        ("1. 列表\n", "line 1: 有序列表（行首的 1. 加空格）"),
        ("> 引用\n", "line 1: 引用（行首的 >）"),
        ("正文\n\n    代码\n", "line 3: 缩进代码块（行首四个空格）"),
        ("```\n代码\n```\n", "line 1: 代码块（```）"),
        ("正文\n\n---\n", "line 3: 分隔线（---）"),
        ("<div>\n", "line 1: HTML"),
        ("正文\n\n甲<b>乙</b>\n", "line 3: HTML"),
        ("*强调*\n", "line 1: 强调（*文字*）"),
        ("**加粗**\n", "line 1: 加粗（**文字**）"),
        ("[链接](http://x)\n", "line 1: 链接"),
        ("![图片](x.png)\n", "line 1: 图片"),
        ("`代码`{.marker}\n", "line 1: 行内代码（`文字`）"),
        ("甲  \n乙\n", "line 1: 强制换行（行尾两个空格或反斜杠）"),
        ("[x]{.note}正文\n", "line 1: […]{.note}：只有 [序号]{.marker} 和 [引语]{.lead}"),
        ("[x]{.marker #i}正文\n", "line 1: […]{.marker}：只有 [序号]{.marker} 和 [引语]{.lead}"),
        ("[[x]{.marker}]{.lead}\n", "line 1: […]{.marker}：只有 [序号]{.marker} 和 [引语]{.lead}"),
        (
            "[1.]{.marker}[2.]{.marker}正文\n",
            "line 1: […]{.marker} 应写在段首，{.marker} 在 {.lead} 之前",
        ),
        (
            "[甲]{.lead}[1.]{.marker}正文\n",
            "line 1: […]{.marker} 应写在段首，{.marker} 在 {.lead} 之前",
        ),
        (
            "[甲]{.lead}[乙]{.lead}正文\n",
            "line 1: […]{.lead} 应写在段首，{.marker} 在 {.lead} 之前",
        ),
        ("正文[甲]{.lead}\n", "line 1: […]{.lead} 应写在段首，{.marker} 在 {.lead} 之前"),
        # Braces right after a span add to it rather than falling into the text unnoticed.
        (
            "[1.]{.marker}{.lead}正文\n",
            "line 1: […]{.marker lead}：只有 [序号]{.marker} 和 [引语]{.lead}",
        ),
        ("[1.]{.marker}{#i}正文\n", "line 1: […]{.marker}：只有 [序号]{.marker} 和 [引语]{.lead}"),
        ("[1.]{#i}正文\n", "line 1: […]{.}：只有 [序号]{.marker} 和 [引语]{.lead}"),
        ("正文\n\n{.caption}\n表*1*\n\n| 甲 |\n| --- |\n", "line 4: 强调（*文字*）"),
        ("正文\n\n| *甲* |\n| --- |\n| 1 |\n", "line 3: 强调（*文字*）"),
    ],
)
def test_markdown_the_document_cannot_hold_is_refused_with_its_line(
    markdown: str, message: str
) -> None:
    assert refusal(markdown) == message


def test_the_refusal_carries_its_line_and_what() -> None:
    with pytest.raises(DocumentSyntaxError) as caught:
        read_blocks("正文\n\n*强调*\n")
    assert (caught.value.line, caught.value.what) == (3, "强调（*文字*）")


def test_the_failure_message_shows_the_line_the_template_wrote() -> None:
    markdown = "# 标题\n\n*强调*\n"
    message = str(failure(DocumentSyntaxError(3, "强调（*文字*）"), "my.md.j2", markdown))
    assert message == (
        "模板 my.md.j2 生成的文档第 3 行用了文档结构中没有的写法：强调（*文字*）"
        "（该行：*强调*）；可用的写法见默认模板 report.md.j2 开头的说明"
    )


@pytest.mark.parametrize(("line", "shown"), [(1, "# 标题"), (2, "末行"), (0, ""), (3, "")])
def test_the_failure_shows_a_line_only_when_there_is_one(line: int, shown: str) -> None:
    message = str(failure(DocumentSyntaxError(line, "HTML"), "t", "# 标题\n末行"))
    assert f"（该行：{shown}）" in message


# Reading the Markdown again (zsdreport watch): paragraphs parsed before give the same blocks.
AGAIN = (
    "# 标题\n\n{.recipient}\n县委：\n\n## [一、]{.marker}上半年\n\n"
    "{.item}\n[1.]{.marker}[加强领导。]{.lead}组织学习\\*3次。\n\n正文一段。\n"
)


def test_a_second_reading_gives_the_blocks_of_the_first() -> None:
    first = read_blocks(AGAIN)
    again = read_blocks(AGAIN)
    changed = read_blocks(AGAIN.replace("正文一段。", "正文另一段。"))
    assert again == first
    assert [b.text for b in first][-2:] == ["1.加强领导。组织学习*3次。", "正文一段。"]
    assert changed[:-1] == first[:-1]
    assert changed[-1].text == "正文另一段。"


def test_a_paragraph_seen_without_its_link_definition_is_read_again_with_it() -> None:
    # Alone, "[甲][乙]" is text; with a definition of 乙 it is a link, which the dialect refuses.
    assert read_blocks("[甲][乙]\n")[0].text == "[甲][乙]"
    with pytest.raises(DocumentSyntaxError, match="链接"):
        read_blocks("[甲][乙]\n\n[乙]: https://example.com\n")
    assert read_blocks("[甲][乙]\n")[0].text == "[甲][乙]"

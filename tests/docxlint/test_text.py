"""Marker characters, punctuation width and document properties."""

from __future__ import annotations

import pytest
from docx.document import Document as DocumentObject

from tests.docxlint.conftest import Lint, failing
from tests.docxlint.samples import paragraphs_of


def _set_text(doc: DocumentObject, kind: str, text: str) -> None:
    paragraphs_of(doc, kind)[0].runs[0].text = text


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        ("h1", "一.上半年工作", "一级标题序号“一.”应为“一、”（顿号 U+3001）（第 4 段）"),
        (
            "h2",
            "（一）、大力抓党建",
            "二级标题序号“（一）、”：括号后不加标点，应为“（一）”（第 5 段）",
        ),
        ("h3", "1、加强党的领导。", "三级标题序号“1、”应为“1.”（半角句点）（第 6 段）"),
        (
            "h4",
            "（1）.完善工作制度。",
            "四级标题序号“（1）.”：括号后不加标点，应为“（1）”（第 7 段）",
        ),
    ],
)
def test_a_wrong_marker_character_fails(
    doc: DocumentObject, lint: Lint, kind: str, text: str, message: str
) -> None:
    _set_text(doc, kind, text)
    result = lint(doc)
    assert failing(result) == {"marker.chars"}
    assert result["marker.chars"].details == [message]


def test_ascii_brackets_around_a_marker_fail_once(doc: DocumentObject, lint: Lint) -> None:
    _set_text(doc, "h2", "(一)大力抓党建，夯实基层基础")
    result = lint(doc)
    assert failing(result) == {"marker.chars"}  # not punct.width too: the marker is its rule's
    assert result["marker.chars"].details == ["二级标题序号“(一)”应使用全角括号（）（第 5 段）"]


def test_full_width_digits_in_a_marker_are_a_warning(doc: DocumentObject, lint: Lint) -> None:
    _set_text(doc, "h3", "１．加强党的领导。组织学习3次。")
    result = lint(doc)
    assert failing(result) == {"marker.digits"}
    assert result["marker.digits"].details == [
        "三级标题序号“１．”用了全角字符，应为“1.”（第 6 段）"
    ]
    assert result.exit_code == 0


def test_an_ascii_comma_between_chinese_fails_with_examples(
    doc: DocumentObject, lint: Lint
) -> None:
    _set_text(doc, "body", "2024年以来,在县委、县政府的坚强领导下,我镇各项工作稳步推进.")
    result = lint(doc)
    assert failing(result) == {"punct.width"}
    assert result["punct.width"].details == [
        "中文里有 3 处半角标点，应改为全角（，；：？！（）。）",
        "第 3 段 半角逗号“,”：…024年以来,在县委、县政…",
        "第 3 段 半角逗号“,”：…的坚强领导下,我镇各项工作…",
        "第 3 段 半角句点“.”：…工作稳步推进.…",
    ]


def test_ascii_punctuation_in_numbers_and_latin_is_fine(doc: DocumentObject, lint: Lint) -> None:
    _set_text(
        doc, "body", "完成投资1,200万元，增长3.5%，会议于8:30召开，详见 www.example.com (English)."
    )
    assert failing(lint(doc)) == set()


def test_a_hyphen_between_chinese_is_a_warning(doc: DocumentObject, lint: Lint) -> None:
    _set_text(doc, "body", "着力打造荷叶-清潭-王钊溪沿线示范村。电话0745-1234567。")
    result = lint(doc)
    assert failing(result) == {"punct.hyphen"}
    assert (
        result["punct.hyphen"].details[0] == "汉字之间有 2 处半角连字符“-”，表示起止应改为一字线“—”"
    )


def test_empty_and_default_properties_fail(doc: DocumentObject, lint: Lint) -> None:
    doc.core_properties.title = ""
    doc.core_properties.author = "python-docx"
    result = lint(doc)
    assert failing(result) == {"core.props"}
    assert result["core.props"].details == [
        "文档属性“标题”为空，应填写公文标题",
        "文档属性“作者”为默认值“python-docx”，应填写发文机关",
    ]

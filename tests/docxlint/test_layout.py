"""Indent, title alignment, 署名 and 成文日期 rules."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.docxlint.conftest import Lint, failing
from tests.docxlint.samples import paragraphs_of
from zsdreport.document.placement import signature_indents
from zsdreport.text import zi


def test_body_without_first_line_indent_fails(doc: DocumentObject, lint: Lint) -> None:
    paragraphs_of(doc, "body")[1].paragraph_format.first_line_indent = Pt(0)
    result = lint(doc)
    assert failing(result) == {"para.indent"}
    assert result["para.indent"].details == [
        "正文首行缩进 0 字，应为 2 字（首行缩进 32 磅或 2 字符）（第 8 段）"
    ]


def test_two_character_units_are_accepted(doc: DocumentObject, lint: Lint) -> None:
    normal = doc.styles["Normal"].element.pPr.find(qn("w:ind"))
    normal.set(qn("w:firstLineChars"), "200")
    normal.set(qn("w:firstLine"), "0")
    assert failing(lint(doc)) == set()


def test_two_full_width_spaces_count_as_the_indent(doc: DocumentObject, lint: Lint) -> None:
    para = paragraphs_of(doc, "body")[0]
    para.paragraph_format.first_line_indent = Pt(0)
    para.runs[0].text = "\u3000\u3000" + para.runs[0].text
    assert failing(lint(doc)) == set()


def test_a_left_indent_breaks_the_flush_wrapped_lines(doc: DocumentObject, lint: Lint) -> None:
    paragraphs_of(doc, "h3")[0].paragraph_format.left_indent = Pt(32)
    result = lint(doc)
    assert result["para.indent"].details == [
        "三级标题首行缩进 4 字，应为 2 字（首行缩进 32 磅或 2 字符）（第 6 段）",
        "三级标题左缩进 2 字，回行应顶格（左缩进 0）（第 6 段）",
    ]


def test_the_body_indent_leaking_into_the_title_fails(doc: DocumentObject, lint: Lint) -> None:
    title = doc.styles["公文标题"].element.pPr
    title.remove(title.find(qn("w:ind")))
    result = lint(doc)
    assert failing(result) == {"para.indent"}
    assert result["para.indent"].details == [
        "标题有首行缩进 2 字，应为 0（明确设为 0，不要继承正文的缩进）（第 1 段）"
    ]


def test_a_left_aligned_title_fails(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["公文标题"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    result = lint(doc)
    assert failing(result) == {"title.align"}
    assert result["title.align"].details == [
        "标题“某某镇2024年上半年工…”（第 1 段）对齐方式为 left，应居中"
    ]


def test_a_recipient_line_is_flush_left(doc: DocumentObject, lint: Lint) -> None:
    body = paragraphs_of(doc, "body")[0]
    recipient = body.insert_paragraph_before("县委、县政府：")
    recipient.paragraph_format.first_line_indent = Pt(0)
    assert failing(lint(doc)) == set()
    recipient.paragraph_format.first_line_indent = None
    assert lint(doc)["para.indent"].details == ["主送机关应居左顶格，现在缩进 2 字（第 3 段）"]


def test_a_zero_padded_date_fails(doc: DocumentObject, lint: Lint) -> None:
    paragraphs_of(doc, "date")[0].runs[0].text = "2024年06月3日"
    result = lint(doc)
    assert failing(result) == {"closing.date"}
    assert result["closing.date"].details == [
        "成文日期“2024年06月3日”不规范：月、日不补 0（应如“2024年6月30日”）"
    ]


def test_a_date_in_chinese_numerals_fails(doc: DocumentObject, lint: Lint) -> None:
    paragraphs_of(doc, "date")[0].runs[0].text = "二〇二四年六月三十日"
    result = lint(doc)
    assert "closing.date" in failing(result)
    assert "应使用阿拉伯数字" in result["closing.date"].details[0]


def test_a_missing_date_and_signature_fail(doc: DocumentObject, lint: Lint) -> None:
    for para in paragraphs_of(doc, "signature") + paragraphs_of(doc, "date"):
        para._p.getparent().remove(para._p)
    result = lint(doc)
    assert failing(result) == {"closing.signature", "closing.date"}


def test_a_left_aligned_signature_fails(doc: DocumentObject, lint: Lint) -> None:
    paragraphs_of(doc, "signature")[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    result = lint(doc)
    assert failing(result) == {"closing.align"}
    assert result["closing.align"].details[0] == "署名“某某镇人民政府”对齐方式为 left，应右对齐"


def test_the_signature_right_space_follows_the_date_length(doc: DocumentObject, lint: Lint) -> None:
    # Both 右空二字 fits neither reading: the date must start 2 字 right of the 署名's first character.
    paragraphs_of(doc, "signature")[0].paragraph_format.right_indent = Pt(32)
    result = lint(doc)
    assert failing(result) == {"closing.align"}
    assert result["closing.align"].details == [
        "署名“某某镇人民政府”右空 2 字，应为 3.5 字（右缩进 = 字数 × 16 磅）"
    ]


def test_the_literal_reading_of_the_dispute_is_accepted(doc: DocumentObject, lint: Lint) -> None:
    # 署名右空二字 and the date 2 字 right of its first character: N − D = 0.5 字.
    paragraphs_of(doc, "signature")[0].paragraph_format.right_indent = Pt(32)
    paragraphs_of(doc, "date")[0].paragraph_format.right_indent = Pt(8)
    assert failing(lint(doc)) == set()


def test_trailing_full_width_spaces_count_as_right_space(doc: DocumentObject, lint: Lint) -> None:
    date = paragraphs_of(doc, "date")[0]
    date.paragraph_format.right_indent = Pt(0)
    date.runs[0].text += "\u3000\u3000"
    assert failing(lint(doc)) == set()


def test_width_counts_digits_as_half() -> None:
    assert zi("2024年12月20日") == 7
    assert zi("某某镇人民政府") == 7


def test_the_spec_example_and_both_readings_of_the_dispute() -> None:
    assert signature_indents("某某镇人民政府", "2024年12月20日") == (4.0, 2.0)
    assert signature_indents("某某镇人民政府", "2024年12月20日", literal=True) == (2.0, 0.0)
    assert signature_indents("中共某某县某某镇委员会", "2024年6月30日") == (2.0, 4.5)
    assert signature_indents("某镇政府", "2024年12月20日") == (7.0, 2.0)
    assert signature_indents("某镇政府", "2024年12月20日", literal=True) == (7.0, 2.0)
    assert signature_indents("某镇政府", None) == (2.0, 0.0)


def test_a_date_two_and_a_half_zi_shorter_keeps_the_name_at_two() -> None:
    # The step from 署名 to date is more than 2 字: the 署名 stays 右空二字.
    assert signature_indents("某某某镇人民政府办", "2024年10月1日") == (2.0, 2.5)

"""Keep-with-next on headings, outline levels of body paragraphs, and the font table."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tests.docxlint.conftest import Lint, failing
from tests.docxlint.samples import FONTS, paragraphs_of, set_font_table, set_fonts


def _outline(paragraph_element: object, level: int) -> None:
    p_pr = paragraph_element.get_or_add_pPr()  # type: ignore[attr-defined]
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    p_pr.append(outline)


def test_a_heading_style_without_keep_with_next_fails(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["二级标题"].paragraph_format.keep_with_next = False
    result = lint(doc)
    assert failing(result) == {"keep.heading"}
    assert result["keep.heading"].details == [
        "二级标题没有设“与下段同页”，可能单独留在页末（背题）："
        "段落 → 换行和分页 → 勾选“与下段同页”（第 5 段）"
    ]


def test_direct_keep_with_next_on_the_paragraph_counts(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["一级标题"].paragraph_format.keep_with_next = False
    for para in paragraphs_of(doc, "h1"):
        para.paragraph_format.keep_with_next = True
    assert failing(lint(doc)) == set()


def test_a_direct_keep_off_beats_the_style(doc: DocumentObject, lint: Lint) -> None:
    paragraphs_of(doc, "h1")[0].paragraph_format.keep_with_next = False
    assert failing(lint(doc)) == {"keep.heading"}


def test_an_item_paragraph_with_an_outline_level_fails(doc: DocumentObject, lint: Lint) -> None:
    _outline(paragraphs_of(doc, "h3")[0]._p, 2)
    result = lint(doc)
    assert failing(result) == {"outline.body"}
    assert result["outline.body"].details[0].startswith("三级标题段落带大纲级别 3 级")


def test_an_outline_level_on_the_body_style_fails_every_body_paragraph(
    doc: DocumentObject, lint: Lint
) -> None:
    _outline(doc.styles["Normal"].element, 0)
    result = lint(doc)
    assert failing(result) == {"outline.body"}
    assert [line.split("段落带")[0] for line in result["outline.body"].details] == [
        "正文",
        "三级标题",
        "四级标题",
        "署名",
        "成文日期",
    ]


def test_a_standalone_numbered_heading_may_have_an_outline_level(
    doc: DocumentObject, lint: Lint
) -> None:
    para = paragraphs_of(doc, "h3")[0]
    para.runs[0].text = "1.加强党的领导"  # a heading line of its own, no text after it
    _outline(para._p, 2)
    assert failing(lint(doc)) == set()


def test_a_font_missing_from_the_table_fails(doc: DocumentObject, lint: Lint) -> None:
    set_font_table(doc, {k: v for k, v in FONTS.items() if k != "黑体"})
    result = lint(doc)
    assert failing(result) == {"font.table"}
    assert result["font.table"].details == [
        "字体“黑体”不在字体表（word/fontTable.xml）中：没有该字体的电脑无从替换，会随意换成别的字体"
    ]


def test_a_gb2312_font_without_an_alternate_name_fails(doc: DocumentObject, lint: Lint) -> None:
    set_font_table(doc, {**FONTS, "仿宋_GB2312": (None, "86")})
    result = lint(doc)
    assert failing(result) == {"font.table"}
    assert result["font.table"].details[0].startswith("字体“仿宋_GB2312”在字体表中没有替代字体")


def test_chinese_text_in_a_latin_font_fails(doc: DocumentObject, lint: Lint) -> None:
    for para in paragraphs_of(doc, "body"):
        for run in para.runs:
            set_fonts(run._r, "Times New Roman")
    result = lint(doc)
    assert "font.table" in failing(result)
    assert result["font.table"].details == [
        "中文文字用的字体“Times New Roman”（第 3 段起）在字体表中的字符集为 00，"
        "不是简体中文字体（应为 86，GB2312）"
    ]


def test_the_page_number_font_must_be_in_the_table_too(doc: DocumentObject, lint: Lint) -> None:
    set_font_table(doc, {k: v for k, v in FONTS.items() if k != "宋体"})
    assert failing(lint(doc)) == {"font.table"}

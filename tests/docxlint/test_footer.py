"""Page-number rules: the PAGE field and its dashes, 4号宋体, odd/even positions."""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.docxlint.conftest import Lint, failing
from tests.docxlint.samples import page_number, set_fonts
from zsdreport.docxlint.document import make_para
from zsdreport.docxlint.rules_footer import PAGE, page_text


def _clear(paragraph: object) -> None:
    p = paragraph._p  # type: ignore[attr-defined]
    for child in list(p):
        p.remove(child)


def test_hyphens_around_the_page_number_fail(doc: DocumentObject, lint: Lint) -> None:
    footer = doc.sections[0].footer.paragraphs[0]
    _clear(footer)
    page_number(footer, WD_ALIGN_PARAGRAPH.RIGHT, "- ", " -")
    result = lint(doc)
    assert failing(result) == {"page-number.field"}
    assert result["page-number.field"].details == [
        "奇数页页脚页码为“- 1 -”，应为“— 1 —”（两侧为一字线 U+2014，与数字间各一个半角空格；不要用连字符“-”）"
    ]


def test_a_footer_without_a_page_field_fails(doc: DocumentObject, lint: Lint) -> None:
    footer = doc.sections[0].even_page_footer.paragraphs[0]
    _clear(footer)
    footer.add_run("— 2 —")
    result = lint(doc)
    assert "page-number.field" in failing(result)
    assert result["page-number.field"].details == [
        "偶数页页脚没有 PAGE 页码域（插入 → 页码），应为“— 1 —”"
    ]


def test_a_simple_page_field_is_accepted(doc: DocumentObject, lint: Lint) -> None:
    footer = doc.sections[0].footer.paragraphs[0]
    _clear(footer)
    page_number(footer, WD_ALIGN_PARAGRAPH.RIGHT)
    runs = footer._p.findall(qn("w:r"))
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), " PAGE  \\* MERGEFORMAT ")
    result_run = OxmlElement("w:r")
    result_run.append(runs[4].find(qn("w:rPr")).__copy__())
    text = OxmlElement("w:t")
    text.text = "1"
    result_run.append(text)
    simple.append(result_run)
    for run in runs[1:6]:  # begin, instr, separate, result, end
        footer._p.remove(run)
    runs[0].addnext(simple)
    assert failing(lint(doc)) == set()


def test_page_text_reads_a_complex_field_and_ignores_numpages() -> None:
    para = Document().add_paragraph()
    page_number(para, WD_ALIGN_PARAGRAPH.RIGHT)
    text, runs = page_text(make_para(1, para._p))
    assert text == f"— {PAGE} —"
    assert len(runs) == 5
    instr = para._p.find(f".//{qn('w:instrText')}")
    instr.text = " NUMPAGES "
    assert page_text(make_para(1, para._p)) == (None, [])


def test_missing_odd_and_even_setting_fails_the_position(doc: DocumentObject, lint: Lint) -> None:
    doc.settings.odd_and_even_pages_header_footer = False
    result = lint(doc)
    assert failing(result) == {"page-number.position"}
    assert result["page-number.position"].details == [
        "没有设置“奇偶页不同”（w:evenAndOddHeaders），单页页码居右、双页页码居左无法实现"
    ]


def test_an_even_page_number_on_the_right_fails(doc: DocumentObject, lint: Lint) -> None:
    doc.sections[0].even_page_footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    result = lint(doc)
    assert failing(result) == {"page-number.position"}
    assert result["page-number.position"].details == ["偶数页页脚页码对齐方式为 right，应居左"]


def test_a_leaked_first_line_indent_pushes_the_even_page_number(
    doc: DocumentObject, lint: Lint
) -> None:
    doc.sections[0].even_page_footer.paragraphs[0].paragraph_format.first_line_indent = None
    result = lint(doc)
    assert result["page-number.position"].details == [
        "偶数页页脚页码居左空 46 磅，应空一字（14～16 磅）"
    ]


def test_one_body_character_of_space_is_accepted(doc: DocumentObject, lint: Lint) -> None:
    doc.sections[0].footer.paragraphs[0].paragraph_format.right_indent = Pt(16)
    assert failing(lint(doc)) == set()


def test_a_page_number_in_the_body_font_fails(doc: DocumentObject, lint: Lint) -> None:
    for run in doc.sections[0].footer.paragraphs[0].runs:
        set_fonts(run._r, "仿宋_GB2312", "Times New Roman")
        run.font.size = Pt(16)
    result = lint(doc)
    assert failing(result) == {"page-number.font"}
    assert result["page-number.font"].details == [
        "奇数页页脚页码的中文字体为“仿宋_GB2312”（直接格式），应为宋体",
        "奇数页页脚页码的数字字体为“Times New Roman”（直接格式），应为宋体",
        "奇数页页脚页码字号为 16 磅，应为 4 号（14 磅）",
    ]


def test_a_page_number_in_a_text_box_cannot_be_placed(doc: DocumentObject, lint: Lint) -> None:
    frame = OxmlElement("w:framePr")
    frame.set(qn("w:wrap"), "around")
    doc.sections[0].footer.paragraphs[0]._p.get_or_add_pPr().insert(0, frame)
    result = lint(doc)
    assert failing(result) == {"page-number.position"}
    assert result["page-number.position"].severity == "warning"

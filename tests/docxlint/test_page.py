"""Page setup, line pitch and grid rules on python-docx samples."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from tests.docxlint.conftest import Lint, failing
from zsdreport.docxlint import RULES
from zsdreport.errors import EXIT_DATA, EXIT_OK


def test_the_conforming_sample_passes_every_rule(doc: DocumentObject, lint: Lint) -> None:
    result = lint(doc)
    assert failing(result) == set()
    assert len(result) == len(RULES)
    assert result.exit_code == EXIT_OK


def test_letter_paper_fails_the_size_and_costs_lines(doc: DocumentObject, lint: Lint) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(12240), Twips(15840)
    result = lint(doc)
    # Letter is shorter and wider: 20 lines and 29 字 per line follow from the same mistake.
    assert failing(result) == {"page.size", "line.pitch", "line.chars"}
    assert result["page.size"].details == [
        "纸张为 215.9 mm × 279.4 mm，应为 A4（210.0 mm × 297.0 mm）；现在是美国 Letter 纸"
    ]
    assert result.exit_code == EXIT_DATA


def test_a_landscape_a4_section_is_a4_and_skips_margins(doc: DocumentObject, lint: Lint) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(297), Mm(210)
    section._sectPr.find(qn("w:pgSz")).set(qn("w:orient"), "landscape")
    result = lint(doc)
    assert result["page.size"].passed
    assert result["page.margins"].passed


def test_a_wrong_bottom_margin_fails_with_the_measured_value(
    doc: DocumentObject, lint: Lint
) -> None:
    doc.sections[0].bottom_margin = Mm(33)
    result = lint(doc)
    assert failing(result) == {"page.margins"}
    assert result["page.margins"].details == ["下页边距为 33.0 mm，应为 35.0 mm（允许 ±1 mm）"]


def test_margins_within_one_millimetre_pass(doc: DocumentObject, lint: Lint) -> None:
    section = doc.sections[0]
    section.left_margin, section.right_margin = Mm(28.9), Mm(25.1)
    assert lint(doc)["page.margins"].passed


def test_every_section_is_checked_and_named(doc: DocumentObject, lint: Lint) -> None:
    second = doc.add_section(WD_SECTION.NEW_PAGE)
    second.page_width, second.page_height = Twips(12240), Twips(15840)
    doc.add_paragraph("附件正文。")
    result = lint(doc)
    assert result["page.size"].details[0].startswith("第 2 节：纸张为 215.9 mm × 279.4 mm")


def test_thirty_point_spacing_gives_21_lines(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["Normal"].paragraph_format.line_spacing = Pt(30)
    result = lint(doc)
    assert failing(result) == {"line.pitch"}
    assert result["line.pitch"].details[0].startswith("行距固定值 30 磅，每页 21 行，应为 22 行")


def test_28_point_spacing_still_gives_22_lines(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["Normal"].paragraph_format.line_spacing = Pt(28)
    assert failing(lint(doc)) == set()


def test_single_spacing_on_words_default_chinese_grid_gives_20_lines(
    doc: DocumentObject, lint: Lint
) -> None:
    doc.styles["Normal"].paragraph_format.line_spacing = 1.0
    doc.sections[0]._sectPr.find(qn("w:docGrid")).set(qn("w:linePitch"), "312")
    result = lint(doc)
    assert "line.pitch" in failing(result)
    assert "每页 20 行" in result["line.pitch"].details[0]


def test_single_spacing_snapped_to_a_22_line_grid_passes(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["Normal"].paragraph_format.line_spacing = 1.0
    assert lint(doc)["line.pitch"].passed


def test_multiple_spacing_without_a_grid_fails(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["Normal"].paragraph_format.line_spacing = 1.5
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    grid.getparent().remove(grid)
    result = lint(doc)
    assert result["line.pitch"].details[0].startswith("行距为1.5 倍行距，每页行数随字体而变")


def test_a_character_grid_is_only_a_warning(doc: DocumentObject, lint: Lint) -> None:
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:charSpace"), "-841")
    result = lint(doc)
    assert failing(result) == {"line.grid"}
    assert result["line.grid"].severity == "warning"
    assert result.exit_code == EXIT_OK


def test_without_character_spacing_a_line_holds_27_chars(doc: DocumentObject, lint: Lint) -> None:
    rpr = doc.styles["Normal"].element.rPr
    rpr.remove(rpr.find(qn("w:spacing")))
    result = lint(doc)
    assert failing(result) == {"line.chars"}
    assert (
        result["line.chars"]
        .details[0]
        .startswith("正文每行约 27 字（16 磅字、字距 0 磅），应为 28 字")
    )


def test_space_after_paragraphs_is_a_warning(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["一级标题"].paragraph_format.space_before = Pt(24)
    result = lint(doc)
    assert failing(result) == {"para.spacing"}
    assert result["para.spacing"].details == [
        "一级标题段前 24 磅、段后 0 磅，应为 0（否则每页不足 22 行）（第 4 段）"
    ]


def test_a_far_footer_distance_is_only_a_warning(doc: DocumentObject, lint: Lint) -> None:
    doc.sections[0].footer_distance = Mm(12.7)
    result = lint(doc)
    assert failing(result) == {"footer.distance"}
    assert result.exit_code == EXIT_OK

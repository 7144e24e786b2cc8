"""Font, size, colour and bold rules: effective values through styles, and theme fonts that win."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.dml import MSO_THEME_COLOR
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from tests.docxlint.conftest import Lint, failing
from tests.docxlint.samples import paragraphs_of, set_fonts


def _fonts(element: object) -> object:
    return element.get_or_add_rPr().find(qn("w:rFonts"))  # type: ignore[attr-defined]


def test_a_theme_font_on_the_heading_style_wins_over_its_name(
    doc: DocumentObject, lint: Lint
) -> None:
    _fonts(doc.styles["一级标题"].element).set(qn("w:eastAsiaTheme"), "majorEastAsia")
    result = lint(doc)
    assert failing(result) == {"font.east-asia"}
    assert result["font.east-asia"].details == [
        "一级标题的中文字体为主题字体 majorEastAsia，即“宋体”（段落样式“一级标题”），应为黑体（黑体、SimHei、方正黑体_GBK）（第 4 段）"
    ]


def test_a_theme_font_below_the_deciding_level_does_not_matter(
    doc: DocumentObject, lint: Lint
) -> None:
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    defaults.find(qn("w:rFonts")).set(qn("w:eastAsiaTheme"), "minorEastAsia")
    assert failing(lint(doc)) == set()


def test_theme_fonts_leak_from_docdefaults_when_no_style_names_a_font(
    doc: DocumentObject, lint: Lint
) -> None:
    normal = doc.styles["Normal"].element.rPr
    normal.remove(normal.find(qn("w:rFonts")))
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = defaults.find(qn("w:rFonts"))
    for attr in ("eastAsia", "ascii", "hAnsi"):
        del fonts.attrib[qn(f"w:{attr}")]
    fonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    result = lint(doc)
    # The title, heading and closing styles name their own fonts; body text, 1. and （1） fall through.
    # The theme's Latin font (Calibri) is not in the font table either.
    assert failing(result) == {"font.east-asia", "font.latin", "font.table"}
    fangsong = "应为仿宋（仿宋_GB2312、仿宋、FangSong、方正仿宋_GBK）"
    assert result["font.east-asia"].details == [
        f"正文的中文字体为主题字体 minorEastAsia，即“宋体”（文档默认格式），{fangsong}（第 3、8 段）",
        f"三级标题的中文字体为主题字体 minorEastAsia，即“宋体”（文档默认格式），{fangsong}（第 6 段）",
        f"四级标题的中文字体为主题字体 minorEastAsia，即“宋体”（文档默认格式），{fangsong}（第 7 段）",
    ]


def test_a_run_naming_the_font_overrides_a_theme_style(doc: DocumentObject, lint: Lint) -> None:
    _fonts(doc.styles["一级标题"].element).set(qn("w:eastAsiaTheme"), "majorEastAsia")
    for para in paragraphs_of(doc, "h1"):
        for run in para.runs:
            set_fonts(run._r, "黑体")
    assert failing(lint(doc)) == set()


def test_a_theme_attribute_on_the_run_beats_its_style(doc: DocumentObject, lint: Lint) -> None:
    run = paragraphs_of(doc, "body")[0].runs[0]
    set_fonts(run._r, "仿宋_GB2312")
    run._r.rPr.rFonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")
    result = lint(doc)
    assert failing(result) == {"font.east-asia"}
    assert "（直接格式）" in result["font.east-asia"].details[0]


def test_a_wrong_font_name_is_reported_with_its_source(doc: DocumentObject, lint: Lint) -> None:
    set_fonts(doc.styles["二级标题"].element, "宋体")
    result = lint(doc)
    assert result["font.east-asia"].details == [
        "二级标题的中文字体为“宋体”（段落样式“二级标题”），应为楷体（楷体_GB2312、楷体、KaiTi、方正楷体_GBK）（第 5 段）"
    ]


def _rewrite(doc: DocumentObject, kind: str, *runs: tuple[str, str]) -> None:
    """Replace the paragraph of ``kind`` by Normal-style runs of (text, East Asian font)."""
    para = paragraphs_of(doc, kind)[0]
    para.style = doc.styles["Normal"]
    para.paragraph_format.keep_with_next = True  # as the heading style had it
    for run in list(para.runs):
        para._p.remove(run._r)
    for text, font in runs:
        set_fonts(para.add_run(text)._r, font)


def test_a_run_in_heading_is_kaiti_only_up_to_its_full_stop(
    doc: DocumentObject, lint: Lint
) -> None:
    _rewrite(doc, "h2", ("（一）抓党建。", "楷体"), ("组织学习3次，完善制度。", "仿宋"))
    assert failing(lint(doc)) == set()


def test_a_single_run_is_judged_by_where_it_starts(doc: DocumentObject, lint: Lint) -> None:
    _rewrite(doc, "h2", ("（一）抓党建。组织学习3次。", "楷体"))
    assert failing(lint(doc)) == set()


def test_a_run_in_heading_in_fangsong_fails(doc: DocumentObject, lint: Lint) -> None:
    _rewrite(doc, "h2", ("（一）抓党建。", "仿宋"), ("组织学习3次，完善制度。", "仿宋"))
    result = lint(doc)
    assert failing(result) == {"font.east-asia"}
    assert (
        result["font.east-asia"]
        .details[0]
        .startswith("二级标题的中文字体为“仿宋”（直接格式），应为楷体")
    )


def test_a_title_in_body_size_fails(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["公文标题"].font.size = Pt(16)
    result = lint(doc)
    assert failing(result) == {"font.size"}
    assert result["font.size"].details == ["标题字号为 16 磅，应为 2 号（22 磅）（第 1 段）"]


def test_a_theme_blue_heading_fails_the_colour_rule(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["一级标题"].font.color.theme_color = MSO_THEME_COLOR.ACCENT_1
    result = lint(doc)
    assert failing(result) == {"font.color"}
    assert result["font.color"].details[0].startswith("一级标题文字颜色为")
    assert "主题颜色 accent1" in result["font.color"].details[0]


def test_explicit_black_and_text1_are_black(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["Normal"].font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["一级标题"].font.color.theme_color = MSO_THEME_COLOR.TEXT_1
    assert failing(lint(doc)) == set()


def test_a_red_page_number_fails_the_colour_rule(doc: DocumentObject, lint: Lint) -> None:
    doc.sections[0].footer.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)
    result = lint(doc)
    assert result["font.color"].details == [
        "奇数页页脚文字颜色为 #FF0000，来自直接格式，应为黑色（第 1 段）"
    ]


def test_a_bold_title_is_a_warning(doc: DocumentObject, lint: Lint) -> None:
    doc.styles["公文标题"].font.bold = True
    doc.styles["二级标题"].font.bold = True  # disputed: some templates bold （一）
    result = lint(doc)
    assert failing(result) == {"font.bold"}
    assert result["font.bold"].details == ["标题加粗了，应不加粗（第 1 段）"]

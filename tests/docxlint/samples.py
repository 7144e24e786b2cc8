"""Build small .docx samples with python-docx: one that conforms to GB/T 9704, and ways to break it."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

TITLE = "某某镇2024年上半年工作总结"
BODY = "2024年以来，在县委、县政府的坚强领导下，我镇各项工作稳步推进。现将有关情况报告如下："
SIGNATURE = "某某镇人民政府"
DATE = "2024年6月30日"
LINES = [
    ("title", TITLE),
    ("blank", ""),
    ("body", BODY),
    ("h1", "一、上半年工作开展情况"),
    ("h2", "（一）大力抓党建，夯实基层基础"),
    ("h3", "1.加强党的领导。组织党委理论学习中心组学习3次，完成积极分子推荐34人。"),
    ("h4", "（1）完善工作制度。全面落实“三会一课”制度。"),
    ("body", "一是上争项目，下聚民力；二是全力以赴拼经济，完成投资1.2亿元。"),
    ("blank", ""),
    ("signature", SIGNATURE),
    ("date", DATE),
]


def set_fonts(element: object, east_asia: str, latin: str = "Times New Roman") -> None:
    """Set explicit fonts on a style, run or rPr element and strip the theme attributes."""
    rpr = element if getattr(element, "tag", "") == qn("w:rPr") else element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)


def set_char_spacing(style: ParagraphStyle, twentieths: int) -> None:
    """Set character spacing (``w:spacing`` in rPr, in twentieths of a point)."""
    rpr = style.element.get_or_add_rPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(twentieths))
    rpr.append(spacing)


# The font table a Word user's file has when it names these fonts: (alternate name, charset).
FONTS = {
    "方正小标宋简体": ("宋体", "86"),
    "仿宋_GB2312": ("仿宋", "86"),
    "黑体": ("SimHei", "86"),
    "楷体_GB2312": ("楷体", "86"),
    "宋体": ("SimSun", "86"),
    "仿宋": ("FangSong", "86"),
    "楷体": ("KaiTi", "86"),
    "Times New Roman": (None, "00"),
}


def set_font_table(doc: DocumentObject, fonts: dict[str, tuple[str | None, str]]) -> None:
    """Replace the font table with ``fonts`` (name → alternate name, charset)."""
    entries = []
    for name, (alt, charset) in fonts.items():
        alt_name = f'<w:altName w:val="{alt}"/>' if alt else ""
        entries.append(f'<w:font w:name="{name}">{alt_name}<w:charset w:val="{charset}"/></w:font>')
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(entries)
        + "</w:fonts>"
    )
    doc.part.part_related_by(RT.FONT_TABLE)._blob = xml.encode("utf-8")


def paragraph_style(doc: DocumentObject, name: str, east_asia: str, size: float) -> ParagraphStyle:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    set_fonts(style.element, east_asia)
    style.font.size = Pt(size)
    return style


def conforming() -> DocumentObject:
    """Return a document that passes every rule, built the way spec §12 describes."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(23)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), "579")

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    set_fonts(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"), "仿宋_GB2312")
    defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}").set(qn("w:after"), "0")

    normal = doc.styles["Normal"]
    set_fonts(normal.element, "仿宋_GB2312")
    normal.font.size = Pt(16)
    set_char_spacing(normal, -5)
    fmt = normal.paragraph_format
    fmt.line_spacing = Pt(28.95)
    fmt.first_line_indent = Pt(32)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    title = paragraph_style(doc, "公文标题", "方正小标宋简体", 22)
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name, font in (("一级标题", "黑体"), ("二级标题", "楷体_GB2312")):
        paragraph_style(doc, name, font, 16).paragraph_format.keep_with_next = True
    closing = paragraph_style(doc, "落款", "仿宋_GB2312", 16)
    closing.paragraph_format.first_line_indent = Pt(0)
    closing.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    styles = {
        "title": "公文标题",
        "h1": "一级标题",
        "h2": "二级标题",
        "signature": "落款",
        "date": "落款",
    }

    for kind, text in LINES:
        para = doc.add_paragraph(text, style=styles.get(kind, "Normal"))
        if kind == "signature":
            # §7: N = 7, D = 6.5 (digits count half) → 署名右空 D − N + 4 = 3.5 字, 日期右空 2 字.
            para.paragraph_format.right_indent = Pt(56)
        elif kind == "date":
            para.paragraph_format.right_indent = Pt(32)

    doc.settings.odd_and_even_pages_header_footer = True
    page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    doc.core_properties.title = TITLE
    doc.core_properties.author = SIGNATURE
    set_font_table(doc, FONTS)
    return doc


def page_number(
    para: Paragraph, align: WD_ALIGN_PARAGRAPH, before: str = "— ", after: str = " —"
) -> None:
    """Write ``— PAGE —`` in 4号宋体 with a complex field, 1 字 from the outer edge."""
    para.alignment = align
    fmt = para.paragraph_format
    fmt.first_line_indent = Pt(0)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = Pt(14)
    else:
        fmt.left_indent = Pt(14)
    para.add_run(before)
    _field_char(para, "begin")
    instr = para.add_run()._r
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = " PAGE "
    instr.append(text)
    _field_char(para, "separate")
    para.add_run("1")
    _field_char(para, "end")
    para.add_run(after)
    for run in para.runs:
        set_fonts(run._r, "宋体", "宋体")
        run.font.size = Pt(14)


def _field_char(para: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    para.add_run()._r.append(char)


def paragraphs_of(doc: DocumentObject, kind: str) -> list[Paragraph]:
    """Return the body paragraphs built for ``kind`` (in LINES order)."""
    return [p for p, (k, _) in zip(doc.paragraphs, LINES, strict=False) if k == kind]


def save(doc: DocumentObject, tmp_path: Path, name: str = "report.docx") -> Path:
    path = tmp_path / name
    doc.save(str(path))
    return path

"""The styles part: docDefaults and the named styles of a GB/T 9704 document.

Built-in names ("Title", "heading 1"…) are kept so Word shows 标题 / 标题 1 and users can restyle
them; every style is rebuilt from nothing, so no theme font, colour or spacing of python-docx's
template survives. Styles the report does not use are dropped.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from zsdreport.render.docx_style_names import (
    BODY_PT,
    FOOTER_STYLE,
    LEAD_STYLE,
    STYLE_NAMES,
    TABLE_CAPTION_STYLE,
    TABLE_HEADER_STYLE,
    TABLE_PT,
    TABLE_TEXT_STYLE,
)
from zsdreport.render.print_style import PrintStyle

TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
INDENT_TW = 2 * BODY_PT * 20  # 左空二字
KEEP = ("DefaultParagraphFont", "TableNormal", "NoList")


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class StyleSpec(NamedTuple):
    """What one style sets; ``None`` means inherited from ``based_on``."""

    style_id: str
    name: str
    based_on: str | None = "Normal"
    next_id: str | None = None
    character: bool = False
    font: str | None = None
    latin: str | None = None
    size_pt: float | None = None
    bold: bool | None = None
    char_spacing: int | None = None
    align: str | None = None
    first_line: int | None = None
    outline: int | None = None
    line: int | None = None
    line_rule: str = "exact"
    snap_to_grid: bool | None = None
    keep_next: bool = False
    keep_lines: bool = False
    priority: int | None = None


def style_specs(style: PrintStyle) -> list[StyleSpec]:
    """Return the styles a report uses, in the order they are written."""
    latin = style.fonts.latin
    body, h1, h2 = style.font("body"), style.font("heading1"), style.font("heading2")
    line = line_twips(style)
    specs = [
        StyleSpec(
            "Normal",
            "Normal",
            based_on=None,
            font=body,
            latin=latin,
            size_pt=BODY_PT,
            char_spacing=round(style.char_spacing_pt * 20),
            align="both",
            first_line=0,
            line=line,
            priority=0,
        ),
        StyleSpec(
            "Title",
            "Title",
            next_id="Normal",
            font=style.font("title"),
            latin=latin,
            size_pt=TITLE_PT,
            bold=False,
            char_spacing=0,
            align="center",
            first_line=0,
            snap_to_grid=False,  # else LibreOffice gives the 2号 line two grid lines
            priority=10,
        ),
        StyleSpec("Salutation", "Salutation", next_id="BodyText", first_line=0, priority=99),
        StyleSpec("BodyText", "Body Text", first_line=INDENT_TW, priority=99),
        _heading(1, h1, latin, bold=False),
        _heading(2, h2, latin, bold=style.heading2_bold),
        # 1. and （1） paragraphs are body text with a run-in lead, not headings: no outline
        # level, so the navigation pane and a table of contents list 一、 and （一） only.
        StyleSpec("ZsdItem", STYLE_NAMES["item"], based_on="BodyText", priority=99),
        StyleSpec("ZsdSubItem", STYLE_NAMES["subitem"], based_on="BodyText", priority=99),
        StyleSpec(
            "ZsdPoint", STYLE_NAMES["point"], based_on="BodyText", first_line=INDENT_TW, priority=99
        ),
        # The 署名 lines stay together and with the date (the last body line is kept with them
        # by docx_keep): the signature block never splits across pages.
        StyleSpec(
            "ZsdSignature",
            STYLE_NAMES["signature"],
            align="right",
            first_line=0,
            keep_next=True,
            keep_lines=True,
            priority=99,
        ),
        StyleSpec(
            "ZsdDate",
            STYLE_NAMES["date"],
            align="right",
            first_line=0,
            keep_lines=True,
            priority=99,
        ),
        # Tables: the caption in 黑体 stays with its table; cells in 4号 with single line
        # spacing off the line grid, so the 28.95 pt body pitch does not inflate every row.
        StyleSpec(
            "ZsdTableCaption",
            TABLE_CAPTION_STYLE,
            font=h1,
            latin=latin,
            align="center",
            first_line=0,
            keep_next=True,
            priority=99,
        ),
        StyleSpec(
            "ZsdTableText",
            TABLE_TEXT_STYLE,
            size_pt=TABLE_PT,
            char_spacing=0,
            align="left",
            first_line=0,
            line=240,
            line_rule="auto",
            snap_to_grid=False,
            priority=99,
        ),
        StyleSpec(
            "ZsdTableHeader",
            TABLE_HEADER_STYLE,
            based_on="ZsdTableText",
            font=h1,
            latin=latin,
            align="center",
            keep_next=True,
            priority=99,
        ),
        StyleSpec(
            "Footer",
            FOOTER_STYLE,
            font=style.font("page_number"),
            latin=style.font("page_number"),
            size_pt=PAGE_NUMBER_PT,
            char_spacing=0,
            first_line=0,
            line=240,
            line_rule="auto",
            snap_to_grid=False,
            priority=99,
        ),
    ]
    if style.item_lead_bold:
        specs.append(
            StyleSpec(
                "ZsdLead", LEAD_STYLE, based_on="DefaultParagraphFont", character=True, bold=True
            )
        )
    return specs


def _heading(level: int, font: str, latin: str, *, bold: bool) -> StyleSpec:
    return StyleSpec(
        f"Heading{level}",
        f"heading {level}",
        next_id="BodyText",
        font=font,
        latin=latin,
        bold=bold,
        first_line=INDENT_TW,
        outline=level - 1,
        # No heading alone at the foot of a page (背题): it goes on with the first two lines of
        # what follows (widow control of that paragraph supplies the second line).
        keep_next=True,
        keep_lines=True,
        priority=9,
    )


def line_twips(style: PrintStyle) -> int:
    """Return the exact line spacing (and grid pitch) in twips: 28.95 pt → 579."""
    return round(style.line_pitch_pt * 20)


def apply_styles(styles_element: Any, style: PrintStyle) -> None:
    """Rewrite docDefaults and replace every style in ``styles_element`` (w:styles)."""
    _set_doc_defaults(styles_element, style)
    for old in styles_element.findall(qn("w:style")):
        if old.get(qn("w:styleId")) not in KEEP:
            styles_element.remove(old)
    for spec in style_specs(style):
        styles_element.append(_style_element(spec))


def _set_doc_defaults(styles_element: Any, style: PrintStyle) -> None:
    defaults = styles_element.find(qn("w:docDefaults"))
    for child in list(defaults):
        defaults.remove(child)
    latin = style.fonts.latin
    r_pr = _el("w:rPr")
    r_pr.append(_fonts(style.font("body"), latin))
    r_pr.append(_el("w:sz", val=str(BODY_PT * 2)))
    r_pr.append(_el("w:szCs", val=str(BODY_PT * 2)))
    r_pr.append(_el("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    p_pr = _el("w:pPr")
    p_pr.append(_spacing(line_twips(style)))
    defaults.append(_wrap("w:rPrDefault", r_pr))
    defaults.append(_wrap("w:pPrDefault", p_pr))


def _style_element(spec: StyleSpec) -> Any:
    kind = "character" if spec.character else "paragraph"
    el = _el("w:style", type=kind, styleId=spec.style_id)
    if spec.style_id == "Normal":
        el.set(qn("w:default"), "1")
    el.append(_el("w:name", val=spec.name))
    if spec.based_on:
        el.append(_el("w:basedOn", val=spec.based_on))
    if spec.next_id:
        el.append(_el("w:next", val=spec.next_id))
    if spec.priority is not None:
        el.append(_el("w:uiPriority", val=str(spec.priority)))
    el.append(_el("w:qFormat"))
    properties = [_run_properties(spec)]
    if not spec.character:
        properties.insert(0, _paragraph_properties(spec))
    el.extend(p for p in properties if len(p))
    return el


def _paragraph_properties(spec: StyleSpec) -> Any:
    # Children in CT_PPrBase schema order: Word rejects out-of-order properties.
    p_pr = _el("w:pPr")
    if spec.keep_next:
        p_pr.append(_el("w:keepNext"))
    if spec.keep_lines:
        p_pr.append(_el("w:keepLines"))
    if spec.style_id == "Normal":
        # No single first or last line of a paragraph on a page: a page may end a line early.
        p_pr.append(_el("w:widowControl"))
        # Punctuation may hang in the margin (Word's default, stated so both clients agree on
        # the value). LibreOffice reads this flag inverted (val="1" turns its hanging off), and
        # its hanging marks at the end of a full justified line vanish from its PDFs: with "1"
        # LibreOffice moves the mark to the next line with the character before it instead.
        p_pr.append(_el("w:overflowPunct", val="1"))
        # No extra space between Chinese and digits/Latin: 28 字 a line and the §7 date
        # placement count a digit as half a 字, which Word's auto-spacing breaks (LibreOffice
        # ignores these flags; render.pdf switches its auto-spacing off).
        p_pr.append(_el("w:autoSpaceDE", val="0"))
        p_pr.append(_el("w:autoSpaceDN", val="0"))
    if spec.snap_to_grid is not None:
        p_pr.append(_el("w:snapToGrid", val="1" if spec.snap_to_grid else "0"))
    if spec.line is not None:
        p_pr.append(_spacing(spec.line, spec.line_rule))
    if spec.first_line is not None:
        p_pr.append(_el("w:ind", firstLine=str(spec.first_line)))
    if spec.align:
        p_pr.append(_el("w:jc", val=spec.align))
    if spec.outline is not None:
        p_pr.append(_el("w:outlineLvl", val=str(spec.outline)))
    return p_pr


def _run_properties(spec: StyleSpec) -> Any:
    # Children in CT_RPr schema order.
    r_pr = _el("w:rPr")
    if spec.font or spec.latin:
        r_pr.append(_fonts(spec.font, spec.latin))
    if spec.bold is not None:
        value = {} if spec.bold else {"val": "0"}
        r_pr.append(_el("w:b", **value))
        r_pr.append(_el("w:bCs", **value))
    if spec.char_spacing is not None:
        r_pr.append(_el("w:spacing", val=str(spec.char_spacing)))
    if spec.size_pt is not None:
        half_points = str(round(spec.size_pt * 2))
        r_pr.append(_el("w:sz", val=half_points))
        r_pr.append(_el("w:szCs", val=half_points))
    return r_pr


def _fonts(east_asia: str | None, latin: str | None) -> Any:
    fonts = _el("w:rFonts")
    if latin:
        fonts.set(qn("w:ascii"), latin)
        fonts.set(qn("w:hAnsi"), latin)
    if east_asia:
        fonts.set(qn("w:eastAsia"), east_asia)
    if latin:
        fonts.set(qn("w:cs"), latin)
    return fonts


def _spacing(line: int, rule: str = "exact") -> Any:
    return _el("w:spacing", before="0", after="0", line=str(line), lineRule=rule)


def _wrap(tag: str, child: Any) -> Any:
    el = _el(tag)
    el.append(child)
    return el


def _el(tag: str, **attrs: str) -> Any:
    return OxmlElement(tag, {qn(f"w:{k}"): v for k, v in attrs.items()})

"""Effective properties of the paragraphs and runs the rules look at, and how to name them in messages."""

from __future__ import annotations

from zsdreport.docxlint.document import LintDoc, Para, Run
from zsdreport.docxlint.resolve import (
    FontValue,
    Indent,
    LineSpacing,
    resolve_font,
    resolve_indent,
    resolve_line_spacing,
    resolve_size,
    resolve_value,
)

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4

# Accept-sets from spec §2, in the spec's order (messages list them so).
FontSet = tuple[str, ...]
FANGSONG: FontSet = ("仿宋_GB2312", "仿宋", "FangSong", "方正仿宋_GBK")
KAITI: FontSet = ("楷体_GB2312", "楷体", "KaiTi", "方正楷体_GBK")
HEITI: FontSet = ("黑体", "SimHei", "方正黑体_GBK")
XIAOBIAOSONG: FontSet = ("方正小标宋简体", "方正小标宋_GBK")
SONGTI: FontSet = ("宋体", "SimSun")

FONT_SET_NAMES = {
    FANGSONG: "仿宋",
    KAITI: "楷体",
    HEITI: "黑体",
    XIAOBIAOSONG: "小标宋",
    SONGTI: "宋体",
}


def mm(twips: float) -> str:
    """Return ``twips`` in millimetres for messages: ``37.0 mm``."""
    return f"{twips / TWIPS_PER_MM:.1f} mm"


def pt(value: float) -> str:
    """Return a point size without a needless ``.0``: ``16 磅``, ``28.95 磅``."""
    return f"{value:g} 磅"


def visible_runs(para: Para) -> list[Run]:
    """Return the runs that print something other than spaces."""
    return [run for run in para.runs if run.text.strip()]


def run_font(doc: LintDoc, para: Para, run: Run, slot: str = "eastAsia") -> FontValue:
    """Return what decides ``slot`` of ``run``'s font."""
    return resolve_font(doc.styles.run_levels(para.element, run.element), slot)


def run_size(doc: LintDoc, para: Para, run: Run) -> float:
    """Return ``run``'s font size in points."""
    return resolve_size(doc.styles.run_levels(para.element, run.element))[0]


def paragraph_size(doc: LintDoc, para: Para) -> float:
    """Return the paragraph's own font size in points (the unit of its ``*Chars`` indents)."""
    return resolve_size(doc.styles.run_levels(para.element, None))[0]


def indent(doc: LintDoc, para: Para) -> Indent:
    """Return the paragraph's effective indents in twips."""
    char_tw = paragraph_size(doc, para) * TWIPS_PER_PT
    return resolve_indent(doc.styles.paragraph_levels(para.element), char_tw)


def alignment(doc: LintDoc, para: Para) -> str:
    """Return the effective ``w:jc`` value; ``left`` when nothing sets it."""
    value, _ = resolve_value(doc.styles.paragraph_levels(para.element), "jc")
    return value or "left"


def line_spacing(doc: LintDoc, para: Para) -> LineSpacing:
    return resolve_line_spacing(doc.styles.paragraph_levels(para.element))


def is_centred(doc: LintDoc, para: Para) -> bool:
    return alignment(doc, para) == "center"


def leading_spaces(text: str) -> float:
    """Return the width of leading spaces in 字: a full-width space is one, an ASCII space half."""
    width = 0.0
    for ch in text:
        if ch == "\u3000":
            width += 1
        elif ch in " \u00a0":
            width += 0.5
        else:
            break
    return width


def font_description(doc: LintDoc, font: FontValue) -> str:
    """Return how a font choice reads in a message: ``“宋体”（段落样式“Normal”）``."""
    where = f"（{font.source}）" if font.source else ""
    if font.theme:
        actual = doc.theme_fonts.get(font.theme)
        shown = f"，即“{actual}”" if actual else ""
        return f"主题字体 {font.theme}{shown}{where}"
    if font.name:
        return f"“{font.name}”{where}"
    return "未指定（由 Word 按语言替换）"


def font_ok(font: FontValue, accepted: FontSet) -> bool:
    """Return whether an explicit (non-theme) font from ``accepted`` decides the slot."""
    return font.theme is None and font.name in accepted

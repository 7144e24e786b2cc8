"""Page setup rules (spec §1, §8): A4 paper, margins, footer distance — checked per section."""

from __future__ import annotations

from zsdreport.docxlint.document import LintDoc, Section
from zsdreport.docxlint.props import TWIPS_PER_MM, mm
from zsdreport.docxlint.result import RuleResult, rule

A4 = (11906, 16838)
MARGINS = {"top": 2098, "bottom": 1984, "left": 1587, "right": 1474}
MARGIN_NAMES = {"top": "上（天头）", "bottom": "下", "left": "左（订口）", "right": "右"}
TOLERANCE = 57  # 1 mm
FOOTER_DISTANCE = 23 * TWIPS_PER_MM
FOOTER_TOLERANCE = 3 * TWIPS_PER_MM


def section_name(doc: LintDoc, section: Section) -> str:
    """Return ``第 2 节：`` when the document has several sections, else nothing."""
    return f"第 {section.number} 节：" if len(doc.sections) > 1 else ""


def check_page_size(doc: LintDoc) -> RuleResult:
    """Every section is A4 (210 × 297 mm), portrait or landscape (landscape tables, §9)."""
    problems = []
    for section in doc.sections:
        if section.width is None or section.height is None:
            problems.append(
                f"{section_name(doc, section)}没有设置纸张大小（Word 会按 Letter 纸处理），应为 A4"
            )
            continue
        size = sorted((section.width, section.height))
        if any(abs(a - b) > TOLERANCE for a, b in zip(size, A4, strict=True)):
            problems.append(
                f"{section_name(doc, section)}纸张为 {mm(section.width)} × {mm(section.height)}，"
                f"应为 A4（210.0 mm × 297.0 mm）{_paper_name(size)}"
            )
    return rule("page.size", "纸张为 A4", problems, info=["所有节均为 A4"])


def _paper_name(size: list[int]) -> str:
    if abs(size[0] - 12240) <= TOLERANCE and abs(size[1] - 15840) <= TOLERANCE:
        return "；现在是美国 Letter 纸"
    return ""


def check_margins(doc: LintDoc) -> RuleResult:
    """Margins are 37/35/28/26 mm (top/bottom/left/right), ±1 mm; a gutter counts as left margin."""
    problems = []
    info = []
    for section in doc.sections:
        if section.landscape:
            info.append(f"{section_name(doc, section)}横向页面（表格页），不检查页边距")
            continue
        actual = {
            "top": section.top,
            "bottom": section.bottom,
            "left": None if section.left is None else section.left + section.gutter,
            "right": section.right,
        }
        for side, expected in MARGINS.items():
            value = actual[side]
            if value is None:
                problems.append(
                    f"{section_name(doc, section)}没有设置{MARGIN_NAMES[side]}页边距，应为 {mm(expected)}"
                )
            elif abs(value - expected) > TOLERANCE:
                problems.append(
                    f"{section_name(doc, section)}{MARGIN_NAMES[side]}页边距为 {mm(value)}，应为 {mm(expected)}（允许 ±1 mm）"
                )
    title = "页边距：上 37 mm、下 35 mm、左 28 mm、右 26 mm"
    return rule("page.margins", title, problems, info=info or ["版心 156 mm × 225 mm"])


def check_footer_distance(doc: LintDoc) -> RuleResult:
    """The page number's 一字线 sits 7 mm below the text block: footer distance ≈ 23 mm (warning only)."""
    problems = []
    for section in doc.sections:
        value = section.footer_distance
        if value is None:
            problems.append(f"{section_name(doc, section)}没有设置页脚距离，建议约 23 mm")
        elif abs(value - FOOTER_DISTANCE) > FOOTER_TOLERANCE:
            problems.append(
                f"{section_name(doc, section)}页脚距离为 {mm(value)}；页码一字线应在版心下边缘之下 7 mm，"
                "页脚距离约 23 mm（常见做法 12.5～30 mm，仅提示）"
            )
    return rule("footer.distance", "页脚距离约 23 mm（页码在版心下 7 mm）", problems, "warning")

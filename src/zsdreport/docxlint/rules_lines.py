"""Line rules (spec §4, §6): 22 lines per page, the document grid, 28 字 per line, paragraph spacing."""

from __future__ import annotations

import math

from zsdreport.docxlint.document import LintDoc, Para, Section
from zsdreport.docxlint.kinds import Kind
from zsdreport.docxlint.props import TWIPS_PER_PT, line_spacing, paragraph_size, pt, visible_runs
from zsdreport.docxlint.resolve import (
    resolve_flag,
    resolve_size,
    resolve_space,
    resolve_value,
    to_int,
)
from zsdreport.docxlint.result import Findings, RuleResult, rule
from zsdreport.docxlint.rules_page import section_name

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
# A CJK font's natural line is taller than its em; Word's common fonts run to about 1.3 em.
_NATURAL_LINE = 1.3
_CHAR_GRIDS = {"linesAndChars", "snapToChars"}
_SPACED_KINDS = (
    Kind.BODY,
    Kind.H1,
    Kind.H2,
    Kind.H3,
    Kind.H4,
    Kind.RECIPIENT,
    Kind.SIGNATURE,
    Kind.DATE,
)


# What Word uses when a document sets no page size or margins: US Letter, 1 inch margins.
_WORD_PAGE_HEIGHT = 15840
_WORD_PAGE_WIDTH = 12240
_WORD_MARGIN = 1440


def _body_height(section: Section) -> int | None:
    """Return the text block's height in twips (Word's defaults where unset); ``None`` if landscape."""
    if section.landscape:
        return None
    height = section.height if section.height is not None else _WORD_PAGE_HEIGHT
    top = section.top if section.top is not None else _WORD_MARGIN
    bottom = section.bottom if section.bottom is not None else _WORD_MARGIN
    return height - top - bottom


def pitch(doc: LintDoc, para: Para) -> tuple[float | None, str]:
    """Return the paragraph's line pitch in twips (``None`` if the font decides) and how it is set."""
    spacing = line_spacing(doc, para)
    natural = paragraph_size(doc, para) * TWIPS_PER_PT * _NATURAL_LINE
    if spacing.rule == "exact":
        return spacing.line, f"固定值 {pt(spacing.line / TWIPS_PER_PT)}"
    if spacing.rule == "atLeast":
        return max(spacing.line, natural), f"最小值 {pt(spacing.line / TWIPS_PER_PT)}"
    section = doc.sections[min(para.section, len(doc.sections) - 1)]
    multiple = spacing.line / 240
    snaps = resolve_flag(doc.styles.paragraph_levels(para.element), "snapToGrid", default=True)
    if section.grid_type in {"lines", *_CHAR_GRIDS} and section.grid_pitch and snaps:
        # A line snapped to the grid takes as many grid lines as its font needs.
        grid = section.grid_pitch
        value = math.ceil(natural / grid) * grid * multiple
        return value, f"{multiple:g} 倍行距对齐网格（网格 {pt(grid / TWIPS_PER_PT)}）"
    return None, f"{multiple:g} 倍行距"


def check_line_pitch(doc: LintDoc) -> RuleResult:
    """Exact (or grid-snapped) spacing gives 22 lines on a full page: floor(版心高 / 行距) = 22."""
    findings = Findings()
    seen: dict[str, int] = {}
    for para in doc.paragraphs:
        if para.kind in (Kind.TITLE, Kind.SUBTITLE):
            continue
        section = doc.sections[min(para.section, len(doc.sections) - 1)]
        height = _body_height(section)
        if height is None:
            continue
        value, how = pitch(doc, para)
        if value is None:
            findings.add(f"行距为{how}，每页行数随字体而变；应设固定值 28.95 磅", para.number)
            continue
        if value <= 0:
            findings.add(f"行距为{how}，数值不合理；应设固定值 28.95 磅", para.number)
            continue
        lines = math.floor(height / value + 1e-9)
        if lines != LINES_PER_PAGE:
            # 22 lines fit when 版心高 / 23 < 行距 ≤ 版心高 / 22.
            low = (math.floor(height / (LINES_PER_PAGE + 1)) + 1) / TWIPS_PER_PT
            high = math.floor(height / LINES_PER_PAGE) / TWIPS_PER_PT
            findings.add(
                f"行距{how}，每页 {lines} 行，应为 22 行（{section_name(doc, section)}"
                f"版心高 {height / TWIPS_PER_PT:.1f} 磅，固定行距应在 {low:.2f}～{high:.2f} 磅之间，"
                "推荐 28.95 磅）",
                para.number,
            )
        else:
            seen[how] = seen.get(how, 0) + 1
    info = [f"行距{how}：每页 22 行（{count} 段）" for how, count in seen.items()]
    return rule("line.pitch", "行距：每页 22 行", findings.lines(), info=info or ["没有正文段落"])


def check_grid(doc: LintDoc) -> RuleResult:
    """Report the document grid; a character grid is broken in LibreOffice (about 14 字 per line)."""
    problems, info = [], []
    for section in doc.sections:
        name = section_name(doc, section)
        pitch_text = f"，行距 {pt(section.grid_pitch / TWIPS_PER_PT)}" if section.grid_pitch else ""
        if section.grid_type in _CHAR_GRIDS:
            problems.append(
                f"{name}文档网格为 {section.grid_type}（字符网格{pitch_text}）：LibreOffice 会把每个汉字排成两格，"
                "每行只剩约 14 字；建议改为只指定行网格（type=lines），字数靠 −0.25 磅字距控制"
            )
        elif section.grid_type == "lines":
            info.append(f"{name}文档网格：只指定行网格（type=lines{pitch_text}）")
        else:
            info.append(f"{name}没有文档网格，行数由固定行距决定")
    return rule("line.grid", "文档网格不用字符网格", problems, "warning", info)


def check_chars_per_line(doc: LintDoc) -> RuleResult:
    """Estimate 字 per full line of body text: floor(版心宽 / (字号 + 字距)) should be 28 (warning)."""
    findings = Findings()
    for para in doc.paragraphs:
        runs = visible_runs(para)
        if para.kind is not Kind.BODY or not runs:
            continue
        section = doc.sections[min(para.section, len(doc.sections) - 1)]
        if section.landscape:
            continue
        width = (
            (section.width if section.width is not None else _WORD_PAGE_WIDTH)
            - (section.left if section.left is not None else _WORD_MARGIN)
            - (section.right if section.right is not None else _WORD_MARGIN)
            - section.gutter
        )
        levels = doc.styles.run_levels(para.element, runs[0].element)
        size = resolve_size(levels)[0]
        if section.grid_type in _CHAR_GRIDS and section.grid_char_space is not None:
            advance = (size + section.grid_char_space / 4096) * TWIPS_PER_PT
            how = f"字符网格 {advance / TWIPS_PER_PT:.2f} 磅"
        else:
            spacing = to_int(resolve_value(levels, "spacing")[0])
            advance = size * TWIPS_PER_PT + spacing
            how = f"{pt(size)}字、字距 {pt(spacing / TWIPS_PER_PT)}"
        # Word's grid pitch is rounded, so allow a hundredth of a 字.
        chars = math.floor(width / advance + 0.01) if advance > 0 else 0
        if chars != CHARS_PER_LINE:
            hint = "；可给 3 号字加 −0.25 磅字距（w:spacing −5）" if chars < CHARS_PER_LINE else ""
            findings.add(f"正文每行约 {chars} 字（{how}），应为 28 字{hint}", para.number)
    return rule("line.chars", "每行 28 字（估算）", findings.lines(), "warning", ["正文每行 28 字"])


def check_paragraph_spacing(doc: LintDoc) -> RuleResult:
    """Body, headings and closing lines have no space before or after (spec §6, practice)."""
    findings = Findings()
    for para in doc.paragraphs:
        if para.kind not in _SPACED_KINDS:
            continue
        levels = doc.styles.paragraph_levels(para.element)
        before, after = resolve_space(levels, "before"), resolve_space(levels, "after")
        if before or after:
            findings.add(
                f"{para.kind.value}段前 {pt(before / TWIPS_PER_PT)}、段后 {pt(after / TWIPS_PER_PT)}，应为 0（否则每页不足 22 行）",
                para.number,
            )
    return rule("para.spacing", "段前段后为 0", findings.lines(), "warning")

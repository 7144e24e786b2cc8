"""Font rules (spec §2): East Asian font per paragraph kind, Latin font slot, size, colour, bold."""

from __future__ import annotations

import re

from zsdreport.docxlint.document import LintDoc, Para, Run
from zsdreport.docxlint.kinds import Kind, heading_end
from zsdreport.docxlint.props import (
    FANGSONG,
    FONT_SET_NAMES,
    HEITI,
    KAITI,
    XIAOBIAOSONG,
    FontSet,
    font_description,
    font_ok,
    pt,
    run_font,
    run_size,
    visible_runs,
)
from zsdreport.docxlint.resolve import resolve_element, resolve_flag, w
from zsdreport.docxlint.result import Findings, RuleResult, rule
from zsdreport.text import CJK

_CJK = re.compile(CJK)
_LATIN = re.compile(r"[A-Za-z0-9]")

KIND_FONT = {
    Kind.TITLE: XIAOBIAOSONG,
    Kind.SUBTITLE: KAITI,
    Kind.H1: HEITI,
    Kind.H2: KAITI,
    Kind.ATTACHMENT: HEITI,
}
SIZE_NAMES = {22.0: "2 号", 16.0: "3 号", 14.0: "4 号"}
_NOT_BOLD = {
    Kind.TITLE,
    Kind.SUBTITLE,
    Kind.RECIPIENT,
    Kind.H1,
    Kind.H4,
    Kind.BODY,
    Kind.SIGNATURE,
    Kind.DATE,
}
_BLACK = {"auto", "000000"}
_BLACK_THEMES = {None, "text1", "dark1"}


def _in_heading(para: Para, run: Run) -> bool:
    return run.start < heading_end(para.text)


def expected_font(para: Para, run: Run) -> FontSet:
    """Return the accepted East Asian fonts for ``run``: a run-in heading's sentence after 。 is body text."""
    if para.kind in (Kind.H1, Kind.H2) and not _in_heading(para, run):
        return FANGSONG
    return KIND_FONT.get(para.kind, FANGSONG)


def _text_paragraphs(doc: LintDoc) -> list[Para]:
    return [p for p in doc.paragraphs if p.kind is not Kind.BLANK]


def check_east_asian_font(doc: LintDoc) -> RuleResult:
    """Each kind's Chinese text is in its font; a theme font at the deciding level fails."""
    findings = Findings()
    used: dict[str, set[str]] = {}
    for para in _text_paragraphs(doc):
        for run in visible_runs(para):
            if not _CJK.search(run.text):
                continue
            font, accepted = run_font(doc, para, run), expected_font(para, run)
            if font_ok(font, accepted):
                used.setdefault(para.kind.value, set()).add(font.name or "")
                continue
            name = FONT_SET_NAMES[accepted]
            findings.add(
                f"{para.kind.value}的中文字体为{font_description(doc, font)}，应为{name}（{'、'.join(accepted)}）",
                para.number,
            )
    info = [f"{kind}：{'、'.join(sorted(names))}" for kind, names in used.items()]
    title = "中文字体：标题小标宋、一级标题黑体、二级标题楷体、其余仿宋"
    return rule("font.east-asia", title, findings.lines(), info=info)


def check_latin_font(doc: LintDoc) -> RuleResult:
    """Digits and Latin letters do not fall back to a theme font such as Calibri (warning)."""
    findings = Findings()
    for para in _text_paragraphs(doc):
        for run in visible_runs(para):
            if not _LATIN.search(run.text):
                continue
            font = run_font(doc, para, run, "ascii")
            if font.theme or not font.name:
                findings.add(
                    f"{para.kind.value}中数字和西文的字体为{font_description(doc, font)}；"
                    "应明确指定（如 Times New Roman 或与中文同一字体）",
                    para.number,
                )
    return rule("font.latin", "数字和西文不用主题字体", findings.lines(), "warning")


def expected_size(para: Para) -> float:
    return 22.0 if para.kind is Kind.TITLE else 16.0


def check_sizes(doc: LintDoc) -> RuleResult:
    """Title 2 号 (22 pt); body, headings, signature and date 3 号 (16 pt)."""
    findings = Findings()
    for para in _text_paragraphs(doc):
        expected = expected_size(para)
        for run in visible_runs(para):
            size = run_size(doc, para, run)
            if abs(size - expected) > 0.01:
                findings.add(
                    f"{para.kind.value}字号为 {pt(size)}，应为 {SIZE_NAMES[expected]}（{pt(expected)}）",
                    para.number,
                )
    return rule("font.size", "字号：标题 2 号（22 磅），其余 3 号（16 磅）", findings.lines())


def _colour(doc: LintDoc, para: Para, run: Run) -> str | None:
    """Return a description of ``run``'s colour if it is not black."""
    found, source = resolve_element(
        doc.styles.run_levels(para.element, run.element), "color", attr=None
    )
    if found is None:
        return None
    value, theme = found.get(w("val")), found.get(w("themeColor"))
    shaded = found.get(w("themeTint")) or found.get(w("themeShade"))
    if (value or "auto").lower() in _BLACK and theme in _BLACK_THEMES and not shaded:
        return None
    shown = f"#{value}" if value and value != "auto" else "自动"
    if theme:
        shown += f"（主题颜色 {theme}）"
    return f"{shown}，来自{source}"


def check_colour(doc: LintDoc) -> RuleResult:
    """All text, page numbers included, is black (spec §2, GB/T 9704 §5.2.4)."""
    findings = Findings()
    stories = [(p.kind.value, p) for p in _text_paragraphs(doc)]
    stories += [(footer.label, p) for footer in doc.footers for p in footer.paragraphs]
    for label, para in stories:
        for run in visible_runs(para):
            colour = _colour(doc, para, run)
            if colour:
                findings.add(f"{label}文字颜色为 {colour}，应为黑色", para.number)
    return rule("font.color", "文字颜色为黑色", findings.lines())


def check_bold(doc: LintDoc) -> RuleResult:
    """Title, 一级/四级标题, body and closing lines are not bold (二级、三级标题 may be; warning)."""
    findings = Findings()
    for para in _text_paragraphs(doc):
        for run in visible_runs(para):
            in_body = para.kind in (Kind.H1, Kind.H2, Kind.H3) and not _in_heading(para, run)
            if para.kind not in _NOT_BOLD and not in_body:
                continue
            if resolve_flag(doc.styles.run_levels(para.element, run.element), "b"):
                findings.add(f"{para.kind.value}加粗了，应不加粗", para.number)
    return rule("font.bold", "标题和正文不加粗", findings.lines(), "warning")

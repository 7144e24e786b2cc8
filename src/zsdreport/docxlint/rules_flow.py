"""How the text flows onto pages and into Word's outline: keep-with-next, outline levels, fonts.

None of these is a rule of GB/T 9704 itself; each guards against what a reader sees at once:
a heading alone at the foot of a page (背题), whole paragraphs listed in the navigation pane,
and a client replacing a font it does not have with any font it likes.
"""

from __future__ import annotations

import re

from zsdreport.docxlint.document import LintDoc, Para
from zsdreport.docxlint.kinds import Kind, heading_end
from zsdreport.docxlint.props import run_font, visible_runs
from zsdreport.docxlint.resolve import resolve_flag, resolve_value, to_int
from zsdreport.docxlint.result import Findings, RuleResult, rule

_KEPT = (Kind.H1, Kind.H2)
_OUTLINED = (Kind.TITLE, Kind.SUBTITLE, Kind.H1, Kind.H2)
_CJK_NAME = re.compile(r"[\u3400-\u9fff]")
GB2312 = "86"
BODY_LEVEL = 9  # w:outlineLvl 9 is "body text"


def check_heading_keep(doc: LintDoc) -> RuleResult:
    """一、 and （一） headings keep with the next paragraph, so none is left at a page's foot."""
    findings = Findings()
    for para in doc.paragraphs:
        if para.kind in _KEPT and not resolve_flag(
            doc.styles.paragraph_levels(para.element), "keepNext"
        ):
            findings.add(
                f"{para.kind.value}没有设“与下段同页”，可能单独留在页末（背题）："
                "段落 → 换行和分页 → 勾选“与下段同页”",
                para.number,
            )
    return rule("keep.heading", "一、（一）标题与下段同页（不背题）", findings.lines())


def _outline_level(doc: LintDoc, para: Para) -> int:
    value, _ = resolve_value(doc.styles.paragraph_levels(para.element), "outlineLvl")
    return BODY_LEVEL if value is None else to_int(value)


def _is_body(para: Para) -> bool:
    """Return whether ``para`` is text, not a heading: a 1. or （1） lead followed by body counts."""
    if para.kind in _OUTLINED or para.kind is Kind.BLANK:
        return False
    if para.kind in (Kind.H3, Kind.H4):
        return heading_end(para.text) < len(para.text.rstrip())
    return True


def check_body_outline(doc: LintDoc) -> RuleResult:
    """Body paragraphs (a 1. item with its text included) carry no outline level."""
    findings = Findings()
    for para in doc.paragraphs:
        level = _outline_level(doc, para)
        if _is_body(para) and level < BODY_LEVEL:
            findings.add(
                f"{para.kind.value}段落带大纲级别 {level + 1} 级，会整段列入导航窗格和目录："
                "改用正文样式（大纲级别“正文文本”），段内标题可用字符样式",
                para.number,
            )
    return rule("outline.body", "正文段落没有大纲级别（导航窗格只列标题）", findings.lines())


def _used_fonts(doc: LintDoc) -> tuple[dict[str, int], dict[str, int], int | None]:
    """Return the named fonts the text uses and those that set Chinese text (each with a
    paragraph that uses it), and a paragraph whose Chinese text has no named font at all."""
    used: dict[str, int] = {}
    chinese: dict[str, int] = {}
    unnamed: int | None = None
    paragraphs = [*doc.paragraphs, *(p for f in doc.footers for p in f.paragraphs)]
    for para in paragraphs:
        for run in visible_runs(para):
            for slot in ("eastAsia", "ascii", "hAnsi"):
                font = run_font(doc, para, run, slot)
                name = doc.theme_fonts.get(font.theme, "") if font.theme else font.name
                sets_chinese = slot == "eastAsia" and bool(_CJK_NAME.search(run.text))
                if name:
                    used.setdefault(name, para.number)
                    if sets_chinese:
                        chinese.setdefault(name, para.number)
                elif sets_chinese and unnamed is None:
                    unnamed = para.number
    return used, chinese, unnamed


def check_font_table(doc: LintDoc) -> RuleResult:
    """Every font the text uses is in the font table; those setting Chinese text with charset 86
    and, for the GB2312 and 方正 fonts a standard Windows lacks, an alternate name."""
    used, chinese, unnamed = _used_fonts(doc)
    problems = []
    if unnamed is not None:
        problems.append(
            f"中文文字没有指定字体（第 {unnamed} 段起），字体表里也就没有中文字体：各软件会随意替换"
        )
    for name in used:
        entry = doc.font_table.get(name)
        if entry is None:
            problems.append(
                f"字体“{name}”不在字体表（word/fontTable.xml）中：没有该字体的电脑无从替换，会随意换成别的字体"
            )
            continue
        if name in chinese and entry.charset != GB2312:
            problems.append(
                f"中文文字用的字体“{name}”（第 {chinese[name]} 段起）在字体表中的字符集为"
                f" {entry.charset or '未写'}，不是简体中文字体（应为 86，GB2312）"
            )
        if ("_GB2312" in name or name.startswith("方正")) and not entry.alt:
            problems.append(
                f"字体“{name}”在字体表中没有替代字体（w:altName）：多数 Windows 电脑没有这个字体，"
                "应写明用哪种字体代替（如仿宋_GB2312 → 仿宋）"
            )
    info = [f"字体表列出所用的 {len(used)} 种字体"]
    return rule("font.table", "字体表列出所用字体及替代字体", problems, info=info)

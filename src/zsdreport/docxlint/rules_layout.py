"""Layout rules (spec §5–§7): first-line indent, centred title, 署名 and 成文日期."""

from __future__ import annotations

import re

from zsdreport.document.placement import signature_indents
from zsdreport.docxlint.document import LintDoc, Para
from zsdreport.docxlint.kinds import DATE, HEADINGS, Kind
from zsdreport.docxlint.props import alignment, indent, leading_spaces
from zsdreport.docxlint.result import Findings, RuleResult, rule
from zsdreport.text import zi as width_in_zi

ZI = 320  # one 字 of 3号 text, in twips
INDENT_TOLERANCE = 40  # 2 字 of 15.75 pt (with −0.25 pt character spacing) is 630 tw
ZERO_TOLERANCE = 20
RIGHT_TOLERANCE = 0.3  # 字
_INDENTED = (Kind.BODY, *HEADINGS)
_FLUSH = (Kind.RECIPIENT, Kind.ATTACHMENT)
_UNINDENTED = (Kind.TITLE, Kind.SUBTITLE, Kind.SIGNATURE, Kind.DATE)
_RIGHT = {"right", "end"}


def zi(twips: float) -> str:
    """Return a length in 字 for messages: ``2 字``, ``1.5 字``."""
    return f"{round(twips / ZI, 2):g} 字"


def check_indent(doc: LintDoc) -> RuleResult:
    """Body and headings 左空二字 and 回行顶格; title, 署名 and 日期 have no first-line indent."""
    findings = Findings()
    for para in doc.paragraphs:
        ind = indent(doc, para)
        start = ind.left + ind.first_line + leading_spaces(para.text) * ZI
        kind = para.kind.value
        if para.kind in _INDENTED:
            if abs(start - 2 * ZI) > INDENT_TOLERANCE:
                findings.add(
                    f"{kind}首行缩进 {zi(start)}，应为 2 字（首行缩进 32 磅或 2 字符）", para.number
                )
            if abs(ind.left) > ZERO_TOLERANCE:
                findings.add(f"{kind}左缩进 {zi(ind.left)}，回行应顶格（左缩进 0）", para.number)
        elif para.kind in _FLUSH and (
            abs(start) > ZERO_TOLERANCE or abs(ind.left) > ZERO_TOLERANCE
        ):
            findings.add(f"{kind}应居左顶格，现在缩进 {zi(start)}", para.number)
        elif para.kind in _UNINDENTED and abs(ind.first_line) > ZERO_TOLERANCE:
            findings.add(
                f"{kind}有首行缩进 {zi(ind.first_line)}，应为 0（明确设为 0，不要继承正文的缩进）",
                para.number,
            )
    return rule("para.indent", "首行缩进 2 字（标题、署名、日期不缩进）", findings.lines())


def check_title(doc: LintDoc) -> RuleResult:
    """The first non-empty paragraph is the title, and it is centred."""
    titles = [p for p in doc.paragraphs if p.kind is Kind.TITLE]
    if not titles:
        return rule("title.align", "标题居中", ["没有找到标题（文档为空）"])
    problems = [
        f"标题“{p.snippet}”（第 {p.number} 段）对齐方式为 {alignment(doc, p)}，应居中"
        for p in titles
        if alignment(doc, p) != "center"
    ]
    return rule("title.align", "标题居中", problems, info=[f"标题：{titles[0].text.strip()}"])


def check_signature(doc: LintDoc) -> RuleResult:
    """The main text ends with the 署名 (the issuing organ), before the date."""
    names = [p.text.strip() for p in doc.paragraphs if p.kind is Kind.SIGNATURE]
    problems = [] if names else ["正文末尾没有找到署名（发文机关名称，单独成行，在成文日期上一行）"]
    return rule("closing.signature", "有署名", problems, info=[f"署名：{'、'.join(names)}"])


def date_hints(text: str) -> list[str]:
    """Return what is wrong with a date that does not match ``2024年12月20日``."""
    hints = []
    if re.search(r"[〇○零一二三四五六七八九十]", text):
        hints.append("应使用阿拉伯数字")
    if re.search(r"[０-９]", text):
        hints.append("数字应为半角")
    if re.search(r"[年月]\s*0", text):
        hints.append("月、日不补 0")
    if re.search(r"\s", text):
        hints.append("中间不要有空格")
    if re.match(r"^\d{2}年", text):
        hints.append("年份应写全 4 位")
    return hints or ["月份应为 1～12，日应为 1～31"]


def check_date(doc: LintDoc) -> RuleResult:
    """The 成文日期 is Arabic, complete and not zero-padded: ``2024年12月20日``."""
    dates = [p for p in doc.paragraphs if p.kind is Kind.DATE]
    if not dates:
        return rule(
            "closing.date",
            "成文日期格式",
            ["正文末尾没有找到成文日期（署名下一行，如“2024年12月20日”）"],
        )
    text = dates[0].text.strip()
    if DATE.match(text):
        return rule("closing.date", "成文日期格式", [], info=[f"成文日期：{text}"])
    problem = f"成文日期“{text}”不规范：{'；'.join(date_hints(text))}（应如“2024年6月30日”）"
    return rule("closing.date", "成文日期格式", [problem])


def _right_space(doc: LintDoc, para: Para) -> float:
    # Word lets trailing ASCII spaces hang past a right-aligned line; full-width ones take room.
    trailing = leading_spaces(para.text[::-1].replace(" ", ""))
    return indent(doc, para).right / ZI + trailing


def check_closing_alignment(doc: LintDoc) -> RuleResult:
    """署名 and 日期 are right-aligned; 署名右空二字 and the date starts 2 字 right of the 署名 (§7)."""
    names = [p for p in doc.paragraphs if p.kind is Kind.SIGNATURE]
    dates = [p for p in doc.paragraphs if p.kind is Kind.DATE]
    date = dates[0] if dates else None
    problems: list[str] = []
    info: list[str] = []
    for para in names + dates:
        if alignment(doc, para) not in _RIGHT:
            problems.append(
                f"{para.kind.value}“{para.snippet}”对齐方式为 {alignment(doc, para)}，应右对齐"
            )
    if names or date:
        problems += _space_problems(doc, names, date, info)
    return rule(
        "closing.align", "署名和日期右对齐，右空二字、日期首字右移二字", problems, info=info
    )


def _space_problems(
    doc: LintDoc, names: list[Para], date: Para | None, info: list[str]
) -> list[str]:
    """Compare right spaces with every accepted layout; report against the spec's own reading."""
    closing = [*names, *([date] if date else [])]
    actual = [_right_space(doc, p) for p in closing]
    refs = [names[-1], max(names, key=lambda p: width_in_zi(p.text))] if names else [None]
    layouts = []
    # With several organs the date may step from the last 署名 or the longest one (§7 is silent).
    for literal in (False, True):
        for ref in refs:
            spaces = [
                signature_indents(p.text, date.text if date else None, literal=literal)[0]
                for p in names
            ]
            if date is not None:
                spaces.append(
                    signature_indents(ref.text, date.text, literal=literal)[1] if ref else 2.0
                )
            layouts.append(spaces)
    if any(
        all(abs(a - e) <= RIGHT_TOLERANCE for a, e in zip(actual, layout, strict=True))
        for layout in layouts
    ):
        info.extend(f"{p.kind.value}右空 {a:g} 字" for p, a in zip(closing, actual, strict=True))
        return []
    return [
        f"{p.kind.value}“{p.snippet}”右空 {round(a, 2):g} 字，应为 {e:g} 字（右缩进 = 字数 × 16 磅）"
        for p, a, e in zip(closing, actual, layouts[0], strict=True)
        if abs(a - e) > RIGHT_TOLERANCE
    ]

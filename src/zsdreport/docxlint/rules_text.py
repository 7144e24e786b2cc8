"""Text rules: level markers (spec §3), punctuation width (§10), document properties (§12)."""

from __future__ import annotations

import re

from zsdreport.docxlint.document import LintDoc, Para
from zsdreport.docxlint.kinds import NUMERALS, Kind
from zsdreport.docxlint.result import Findings, RuleResult, rule
from zsdreport.text import half_width_marks

_AFTER_PAREN = "、，,.．。：:；;"
_MARKER = {
    Kind.H1: re.compile(rf"^[{NUMERALS}]+(?P<sep>.)"),
    Kind.H2: re.compile(rf"^(?P<open>[（(])[{NUMERALS}]+(?P<close>[）)])(?P<after>.?)"),
    Kind.H3: re.compile(r"^(?P<num>[0-9０-９]+)(?P<sep>.)"),
    Kind.H4: re.compile(r"^(?P<open>[（(])(?P<num>[0-9０-９]+)(?P<close>[）)])(?P<after>.?)"),
}
_NAMES = {
    ",": "逗号",
    ";": "分号",
    ":": "冒号",
    "?": "问号",
    "!": "叹号",
    "(": "括号",
    ")": "括号",
    ".": "句点",
}
_PLACEHOLDER_AUTHORS = {"python-docx", "Administrator", "User", "Microsoft Office User"}
_PLACEHOLDER_TITLES = {"Word Document"}
EXAMPLES = 5


def _marker_problems(para: Para) -> tuple[list[str], list[str]]:
    """Return (errors, warnings) for the marker that starts a heading paragraph."""
    text = para.text.strip()
    match = _MARKER[para.kind].match(text) if para.kind in _MARKER else None
    if match is None:
        return [], []
    errors: list[str] = []
    warnings: list[str] = []
    marker = match.group(0)
    groups = match.groupdict()
    if para.kind is Kind.H1 and groups["sep"] != "、":
        errors.append(f"一级标题序号“{marker}”应为“{marker[:-1]}、”（顿号 U+3001）")
    if para.kind is Kind.H3:
        sep, num = groups["sep"], groups["num"]
        if sep in "、，,":
            errors.append(f"三级标题序号“{marker}”应为“{_ascii(num)}.”（半角句点）")
        elif sep == "．" or not num.isascii():
            warnings.append(f"三级标题序号“{marker}”用了全角字符，应为“{_ascii(num)}.”")
    if para.kind in (Kind.H2, Kind.H4):
        core = text[: match.end("close")]
        if groups["open"] != "（" or groups["close"] != "）":
            errors.append(f"{para.kind.value}序号“{core}”应使用全角括号（）")
        if groups["after"] and groups["after"] in _AFTER_PAREN:
            errors.append(f"{para.kind.value}序号“{marker}”：括号后不加标点，应为“{core}”")
        if para.kind is Kind.H4 and not groups["num"].isascii():
            warnings.append(
                f"四级标题序号“{core}”用了全角数字，应为半角“（{_ascii(groups['num'])}）”"
            )
    return errors, warnings


def _ascii(digits: str) -> str:
    return digits.translate({0xFF10 + i: ord("0") + i for i in range(10)})


def check_markers(doc: LintDoc) -> RuleResult:
    """一、 uses 顿号; （一）（1） full-width brackets with nothing after; 1. uses ASCII digits and point."""
    findings = Findings()
    for para in doc.paragraphs:
        for message in _marker_problems(para)[0]:
            findings.add(message, para.number)
    return rule("marker.chars", "层次序数：一、（一）1.（1）的标点", findings.lines())


def check_marker_digits(doc: LintDoc) -> RuleResult:
    """Full-width digits or point in ``1.`` and ``（1）`` markers (warning)."""
    findings = Findings()
    for para in doc.paragraphs:
        for message in _marker_problems(para)[1]:
            findings.add(message, para.number)
    return rule("marker.digits", "层次序数用半角数字", findings.lines(), "warning")


def marker_end(para: Para) -> int:
    """Return where a heading's marker ends in ``para.text`` (0 for other paragraphs)."""
    pattern = _MARKER.get(para.kind)
    text = para.text.lstrip()
    match = pattern.match(text) if pattern else None
    if match is None:
        return 0
    end = match.end("close") if "close" in match.groupdict() else match.end()
    return len(para.text) - len(text) + end


def _examples(doc: LintDoc, marks: str, describe: bool) -> tuple[int, list[str]]:
    """Count the ASCII ``marks`` that printing would make full-width (text.half_width_marks)."""
    count, examples = 0, list[str]()
    for para in doc.paragraphs:
        if para.kind is Kind.BLANK:
            continue
        # The marker rule reports a heading's own marker; do not count it twice.
        skip = marker_end(para)
        for at in half_width_marks(para.text):
            mark = para.text[at]
            if at < skip or mark not in marks:
                continue
            count += 1
            if len(examples) < EXAMPLES:
                start, end = max(0, at - 6), at + 1 + 6
                context = para.text[start:end].replace("\n", " ")
                name = f"半角{_NAMES[mark]}“{mark}”：" if describe else ""
                examples.append(f"第 {para.number} 段 {name}…{context}…")
    return count, examples


def check_punctuation(doc: LintDoc) -> RuleResult:
    """ASCII , ; : ? ! ( ) and a sentence-final . next to Chinese text should be full-width (§10)."""
    count, examples = _examples(doc, ",;:?!().", describe=True)
    problems = (
        [f"中文里有 {count} 处半角标点，应改为全角（，；：？！（）。）", *examples] if count else []
    )
    return rule("punct.width", "中文里用全角标点", problems)


def check_hyphen(doc: LintDoc) -> RuleResult:
    """An ASCII hyphen between Chinese characters (a range or link) should be “—” (warning)."""
    count, examples = _examples(doc, "-", describe=False)
    problems = (
        [f"汉字之间有 {count} 处半角连字符“-”，表示起止应改为一字线“—”", *examples] if count else []
    )
    return rule("punct.hyphen", "汉字之间不用连字符“-”", problems, "warning")


def check_core_properties(doc: LintDoc) -> RuleResult:
    """The document properties name the title and the author (the issuing organ)."""
    problems = []
    title, author = (doc.title or "").strip(), (doc.author or "").strip()
    if not title or title in _PLACEHOLDER_TITLES:
        shown = f"为默认值“{title}”" if title else "为空"
        problems.append(f"文档属性“标题”{shown}，应填写公文标题")
    if not author or author in _PLACEHOLDER_AUTHORS:
        shown = f"为默认值“{author}”" if author else "为空"
        problems.append(f"文档属性“作者”{shown}，应填写发文机关")
    return rule(
        "core.props", "文档属性：标题和作者", problems, info=[f"标题：{title}；作者：{author}"]
    )

"""Page-number rules (spec §8): a PAGE field as “— 1 —”, 4号宋体, odd pages right and even pages left."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from zsdreport.docxlint.document import Footer, LintDoc, Para, Run
from zsdreport.docxlint.props import (
    SONGTI,
    TWIPS_PER_PT,
    alignment,
    font_description,
    font_ok,
    indent,
    leading_spaces,
    paragraph_size,
    pt,
)
from zsdreport.docxlint.resolve import Element, resolve_font, resolve_size, w
from zsdreport.docxlint.result import RuleResult, rule

PAGE = "\x00"
_FORMAT = re.compile(f"^—[ \u00a0]?{PAGE}[ \u00a0]?—$")
# “空一字” is one 字 of either the 14 pt page number or the 16 pt body text (spec §8, disputed).
SPACE_RANGE = (14 * TWIPS_PER_PT - 20, 16 * TWIPS_PER_PT + 20)


@dataclass
class _Field:
    code: str = ""
    in_result: bool = False
    runs: list[Run] = field(default_factory=list)

    @property
    def is_page(self) -> bool:
        return is_page_code(self.code)


def is_page_code(code: str | None) -> bool:
    """Return whether a field code is ``PAGE`` (with any switches), not NUMPAGES or PAGEREF."""
    words = (code or "").split()
    return bool(words) and words[0].upper() == "PAGE"


def page_text(para: Para) -> tuple[str | None, list[Run]]:
    """Return the paragraph's text with ``PAGE`` in place of a PAGE field, and the runs of that field.

    Returns ``(None, [])`` when the paragraph has no PAGE field.
    """
    out: list[str] = []
    field_runs: list[Run] = []
    stack: list[_Field] = []
    seen_simple: set[Element] = set()
    for run in para.runs:
        simple = next(run.element.iterancestors(w("fldSimple")), None)
        if simple is not None and is_page_code(simple.get(w("instr"))):
            field_runs.append(run)
            if simple not in seen_simple:
                seen_simple.add(simple)
                out.append(PAGE)
            continue
        for child in run.element:
            if child.tag == w("fldChar"):
                closed = _field_char(child.get(w("fldCharType")), stack, out)
                if closed is not None and closed.is_page:
                    field_runs.extend([*closed.runs, run])
            elif child.tag == w("instrText") and stack:
                stack[-1].code += child.text or ""
            elif child.tag in (w("t"), w("tab")) and not any(
                f.is_page or not f.in_result for f in stack
            ):
                out.append(child.text or "" if child.tag == w("t") else "\t")
        for open_field in stack:
            open_field.runs.append(run)
    if PAGE not in out:
        # A fldSimple with no result runs still prints a number.
        simple_pages = [
            s for s in para.element.iter(w("fldSimple")) if is_page_code(s.get(w("instr")))
        ]
        if not simple_pages:
            return None, []
        out.append(PAGE)
    return "".join(out), field_runs


def _field_char(kind: str | None, stack: list[_Field], out: list[str]) -> _Field | None:
    """Apply a ``w:fldChar``; return the field it ends, if any."""
    if kind == "begin":
        stack.append(_Field())
    elif kind == "separate" and stack:
        stack[-1].in_result = True
        if stack[-1].is_page:
            out.append(PAGE)
    elif kind == "end" and stack:
        ended = stack.pop()
        if ended.is_page and not ended.in_result:
            out.append(PAGE)
        return ended
    return None


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class _PageNumber(NamedTuple):
    footer: Footer
    para: Para
    text: str
    runs: list[Run]


def _needed(doc: LintDoc) -> tuple[list[tuple[Footer, list[_PageNumber]]], list[str]]:
    """Return the footers the pages use, with their page numbers, and the footers that are missing."""
    by_id = {f.rel_id: f for f in doc.footers}
    used: list[tuple[Footer, list[_PageNumber]]] = []
    missing: list[str] = []
    seen: set[str] = set()
    for section in doc.sections:
        kinds = [
            "default",
            *(["even"] if doc.even_and_odd else []),
            *(["first"] if section.title_page else []),
        ]
        prefix = f"第 {section.number} 节" if len(doc.sections) > 1 else ""
        for kind in kinds:
            rel_id = section.footer_ids.get(kind)
            if rel_id is None or rel_id not in by_id:
                name = {
                    "default": "奇数页页脚" if doc.even_and_odd else "页脚",
                    "even": "偶数页页脚",
                }
                missing.append(f"{prefix}没有{name.get(kind, '首页页脚')}，这些页不显示页码")
                continue
            if rel_id in seen:
                continue
            seen.add(rel_id)
            footer = by_id[rel_id]
            numbers = []
            for para in footer.paragraphs:
                text, runs = page_text(para)
                if text is not None:
                    numbers.append(_PageNumber(footer, para, text, runs))
            used.append((footer, numbers))
    return used, missing


def _shown(text: str) -> str:
    return text.strip().replace(PAGE, "1")


def check_page_field(doc: LintDoc) -> RuleResult:
    """Each footer in use holds a PAGE field written “— 1 —” with U+2014, never “- 1 -”."""
    used, problems = _needed(doc)
    for footer, numbers in used:
        if not numbers:
            problems.append(f"{footer.label}没有 PAGE 页码域（插入 → 页码），应为“— 1 —”")
        for number in numbers:
            if not _FORMAT.match(number.text.strip()):
                problems.append(
                    f"{footer.label}页码为“{_shown(number.text)}”，应为“— 1 —”"
                    "（两侧为一字线 U+2014，与数字间各一个半角空格；不要用连字符“-”）"
                )
    return rule("page-number.field", "页码为“— 1 —”（PAGE 域，一字线）", problems)


def check_page_font(doc: LintDoc) -> RuleResult:
    """Page numbers, dashes and digits alike, are 4号半角宋体 (14 pt)."""
    used, _ = _needed(doc)
    problems: list[str] = []
    for footer, numbers in used:
        for number in numbers:
            runs = [r for r in number.para.runs if r.text.strip()] + number.runs
            # A fldSimple without result runs prints in the paragraph's own formatting.
            layers = [doc.styles.run_levels(number.para.element, r.element) for r in runs]
            layers = layers or [doc.styles.run_levels(number.para.element, None)]
            messages: dict[str, None] = {}
            for levels in layers:
                for slot, what in (("eastAsia", "中文字体"), ("ascii", "数字字体")):
                    font = resolve_font(levels, slot)
                    if not font_ok(font, SONGTI):
                        messages[
                            f"{footer.label}页码的{what}为{font_description(doc, font)}，应为宋体"
                        ] = None
                size = resolve_size(levels)[0]
                if abs(size - 14) > 0.01:
                    messages[f"{footer.label}页码字号为 {pt(size)}，应为 4 号（14 磅）"] = None
            problems.extend(messages)
    return rule("page-number.font", "页码为 4 号宋体（14 磅）", problems)


def _in_box(para: Para) -> bool:
    ancestors = {a.tag for a in para.element.iterancestors()}
    return (
        w("txbxContent") in ancestors or para.element.find(f"{w('pPr')}/{w('framePr')}") is not None
    )


def check_page_position(doc: LintDoc) -> RuleResult:
    """Odd pages 居右空一字, even pages 居左空一字; needs 奇偶页不同 (w:evenAndOddHeaders)."""
    problems: list[str] = []
    unsure: list[str] = []
    if not doc.even_and_odd:
        problems.append(
            "没有设置“奇偶页不同”（w:evenAndOddHeaders），单页页码居右、双页页码居左无法实现"
        )
    used, _ = _needed(doc)
    for footer, numbers in used:
        if footer.kind == "first" or not numbers:
            continue
        para = numbers[0].para
        if _in_box(para):
            unsure.append(f"{footer.label}页码在文本框或图文框中，位置无法自动核对，请目视检查")
            continue
        char = paragraph_size(doc, para) * TWIPS_PER_PT
        ind, jc = indent(doc, para), alignment(doc, para)
        if footer.kind == "default":
            side, aligned = "右", jc in {"right", "end"}
            space = ind.right + leading_spaces(para.text[::-1].replace(" ", "")) * char
        else:
            side, aligned = "左", jc in {"left", "start", "both", "distribute"}
            space = ind.left + ind.first_line + leading_spaces(para.text.replace(" ", "")) * char
        if not aligned:
            problems.append(f"{footer.label}页码对齐方式为 {jc}，应居{side}")
        elif not SPACE_RANGE[0] <= space <= SPACE_RANGE[1]:
            problems.append(
                f"{footer.label}页码居{side}空 {pt(space / TWIPS_PER_PT)}，应空一字（14～16 磅）"
            )
    if problems:
        return rule("page-number.position", _TITLE, problems + unsure)
    return rule(
        "page-number.position",
        _TITLE,
        unsure,
        "warning",
        ["单页页码居右空一字，双页页码居左空一字"],
    )


_TITLE = "页码位置：单页居右、双页居左，各空一字"

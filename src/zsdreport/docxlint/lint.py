"""Run every GB/T 9704 rule over one .docx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from zsdreport.docxlint import (
    rules_flow,
    rules_fonts,
    rules_footer,
    rules_layout,
    rules_lines,
    rules_page,
    rules_text,
)
from zsdreport.docxlint.document import LintDoc, Para, read_docx
from zsdreport.docxlint.kinds import classify
from zsdreport.docxlint.props import is_centred
from zsdreport.docxlint.result import LintResult, RuleResult

Rule = Callable[[LintDoc], RuleResult]

# In the order a clerk would fix them: page, fonts, lines, layout, text, page numbers, properties.
RULES: tuple[Rule, ...] = (
    rules_page.check_page_size,
    rules_page.check_margins,
    rules_fonts.check_east_asian_font,
    rules_fonts.check_latin_font,
    rules_fonts.check_sizes,
    rules_fonts.check_colour,
    rules_fonts.check_bold,
    rules_flow.check_font_table,
    rules_lines.check_line_pitch,
    rules_lines.check_grid,
    rules_lines.check_chars_per_line,
    rules_lines.check_paragraph_spacing,
    rules_layout.check_indent,
    rules_layout.check_title,
    rules_text.check_markers,
    rules_text.check_marker_digits,
    rules_flow.check_heading_keep,
    rules_flow.check_body_outline,
    rules_footer.check_page_field,
    rules_footer.check_page_font,
    rules_footer.check_page_position,
    rules_page.check_footer_distance,
    rules_layout.check_signature,
    rules_layout.check_date,
    rules_layout.check_closing_alignment,
    rules_text.check_punctuation,
    rules_text.check_hyphen,
    rules_text.check_core_properties,
)


def load(path: Path) -> LintDoc:
    """Read ``path`` and recognise each paragraph's kind."""
    doc = read_docx(path)

    def centred(para: Para) -> bool:
        return is_centred(doc, para)

    classify(doc.paragraphs, centred)
    return doc


def lint_docx(path: Path) -> LintResult:
    """Check ``path`` against GB/T 9704-2012; raise DocxReadError if it cannot be read as .docx."""
    doc = load(path)
    return LintResult(path, [_checked(check, doc) for check in RULES])


def _checked(check: Rule, doc: LintDoc) -> RuleResult:
    """Run one rule; a value no Word document has (a margin of 1e999) fails it with a message."""
    try:
        return check(doc)
    except (ArithmeticError, ValueError) as e:
        title = (check.__doc__ or check.__name__).strip().splitlines()[0]
        detail = f"文档中的数值不合理，无法检查这一条（{type(e).__name__}）：请用 Word 或 WPS 打开后另存再检查"
        return RuleResult(check.__name__.removeprefix("check_"), title, False, "error", [detail])

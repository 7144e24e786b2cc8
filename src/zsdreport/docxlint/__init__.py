"""GB/T 9704-2012 conformance checker for any .docx: ``lint_docx(path)`` and ``format_result(result)``."""

from __future__ import annotations

from zsdreport.docxlint.lint import RULES, lint_docx
from zsdreport.docxlint.report import format_result
from zsdreport.docxlint.result import DocxReadError, LintResult, RuleResult

__all__ = ["RULES", "DocxReadError", "LintResult", "RuleResult", "format_result", "lint_docx"]

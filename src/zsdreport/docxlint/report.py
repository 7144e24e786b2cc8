"""Format a lint result for the terminal, in Chinese: one line per rule, details indented."""

from __future__ import annotations

from zsdreport.docxlint.result import LintResult, RuleResult

PASS, FAIL, WARN = "✓", "✗", "!"
INDENT = "    "


def mark(result: RuleResult) -> str:
    """Return ✓ for a pass, ✗ for a failed error rule, ! for a failed warning rule."""
    if result.passed:
        return PASS
    return FAIL if result.severity == "error" else WARN


def summary(result: LintResult) -> str:
    """Return ``共 N 条规则：通过 X，失败 Y，警告 Z``."""
    passed = sum(r.passed for r in result)
    return f"共 {len(result)} 条规则：通过 {passed}，失败 {len(result.errors)}，警告 {len(result.warnings)}"


def format_result(result: LintResult, verbose: bool = False) -> str:
    """Return the report; a passed rule's details (what was measured) only with ``verbose``."""
    lines = [f"{result.path}：按 GB/T 9704-2012 检查"]
    for rule in result:
        lines.append(f"{mark(rule)} {rule.rule_id} {rule.title}")
        if not rule.passed or verbose:
            lines.extend(f"{INDENT}{detail}" for detail in rule.details)
    lines.append(summary(result))
    return "\n".join(lines)

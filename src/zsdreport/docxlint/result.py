"""What a lint run returns: one result per rule, and a helper that groups repeated findings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from zsdreport.errors import EXIT_DATA, EXIT_OK, ZsdError

Severity = Literal["error", "warning"]


class DocxReadError(ZsdError):
    """The file is not a .docx that can be read (missing, not a zip, not a Word document)."""


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one rule: ``details`` explain a failure, or say what was measured."""

    rule_id: str
    title: str
    passed: bool
    severity: Severity
    details: list[str] = field(default_factory=list)

    @property
    def is_error(self) -> bool:
        """Return whether this result makes the document non-conforming."""
        return not self.passed and self.severity == "error"

    @property
    def is_warning(self) -> bool:
        return not self.passed and self.severity == "warning"


@dataclass(frozen=True)
class LintResult:
    """Every rule's result for one file, in the order the rules ran."""

    path: Path
    rules: list[RuleResult]

    def __iter__(self) -> Iterator[RuleResult]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __getitem__(self, rule_id: str) -> RuleResult:
        for rule in self.rules:
            if rule.rule_id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def errors(self) -> list[RuleResult]:
        return [r for r in self.rules if r.is_error]

    @property
    def warnings(self) -> list[RuleResult]:
        return [r for r in self.rules if r.is_warning]

    @property
    def exit_code(self) -> int:
        """Return 1 if any error-severity rule failed, else 0 (warnings never fail)."""
        return EXIT_DATA if self.errors else EXIT_OK


def rule(
    rule_id: str,
    title: str,
    problems: list[str],
    severity: Severity = "error",
    info: list[str] | None = None,
) -> RuleResult:
    """Return a result that passes when ``problems`` is empty; ``info`` is shown when it passes."""
    if problems:
        return RuleResult(rule_id, title, False, severity, problems)
    return RuleResult(rule_id, title, True, severity, list(info or []))


class Findings:
    """Collect the same problem across many paragraphs and report it once, with the paragraph numbers."""

    def __init__(self, limit: int = 5) -> None:
        self._where: dict[str, list[int]] = {}
        self._limit = limit

    def add(self, message: str, paragraph: int) -> None:
        places = self._where.setdefault(message, [])
        if paragraph not in places:
            places.append(paragraph)

    def __bool__(self) -> bool:
        return bool(self._where)

    def lines(self) -> list[str]:
        """Return one line per distinct problem: ``message（第 3、5 段）`` or ``…（第 3、5、7 段等共 12 段）``."""
        out = []
        for message, places in self._where.items():
            shown = "、".join(str(n) for n in places[: self._limit])
            more = f"等共 {len(places)} 段" if len(places) > self._limit else "段"
            out.append(f"{message}（第 {shown} {more}）")
        return out

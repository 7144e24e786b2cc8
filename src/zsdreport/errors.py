"""Problems found in the user's data, and the exceptions that carry them to the CLI.

Exit codes live here only: 0 success, 1 bad data (or a failed build), 2 bad usage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from zsdreport.text import columns, visible

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


class Severity(str, Enum):
    """How serious a problem is."""

    ERROR = "错误"
    WARNING = "警告"


@dataclass(frozen=True)
class Problem:
    """One located problem: file, 1-based line and column, and a message in Chinese."""

    file: Path | None
    line: int | None
    col: int | None
    message: str
    severity: Severity = Severity.ERROR
    path: tuple[str | int, ...] = ()
    source_line: str | None = field(default=None, compare=False)
    width: int = field(default=1, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """Return ``file:line:col`` (as much of it as is known)."""
        parts = [str(self.file) if self.file else "<未知文件>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def format(self) -> str:
        """Return the problem as shown to users, with the source line and a caret."""
        # The message quotes the data: an ESC sequence in it must not reach the terminal.
        text = visible(f"{self.location()}: {self.severity.value}: {self.message}", keep="\n\t")
        if self.source_line is None or self.col is None:
            return text
        line = self.source_line.rstrip("\n")
        start = min(self.col - 1, len(line))
        end = min(start + max(self.width, 1), len(line))
        # A very long line is shown as a window around the caret.
        low = max(0, start - _CONTEXT) if len(line) > 2 * _CONTEXT else 0
        high = min(len(line), end + _CONTEXT) if len(line) > 2 * _CONTEXT else len(line)
        before = ("…" if low else "") + visible(line[low:start], keep="\t")
        target = visible(line[start:end], keep="\t")
        after = visible(line[end:high], keep="\t") + ("…" if high < len(line) else "")
        pad = "".join("\t" if ch == "\t" else " " * columns(ch) for ch in before)
        caret = "^" * max(1, columns(target))
        gutter = f"{self.line:>4} | "
        return f"{text}\n{gutter}{before}{target}{after}\n{' ' * (len(gutter) - 2)}| {pad}{caret}"


_CONTEXT = 60


class ZsdError(Exception):
    """Base of every error the CLI turns into a message and an exit code."""

    exit_code = EXIT_DATA


class UsageError(ZsdError):
    """The command line itself is wrong (a missing folder, an unknown format)."""

    exit_code = EXIT_USAGE


class DataError(ZsdError):
    """The data has problems; carries every problem found, errors and warnings."""

    def __init__(self, problems: list[Problem], *, strict: bool = False) -> None:
        self.problems = problems
        self.strict = strict
        errors = sum(p.is_error for p in problems)
        super().__init__(f"发现 {errors} 处错误")

    def summary(self) -> str:
        """Return the closing line: how many errors and warnings, and why that fails."""
        errors = sum(p.is_error for p in self.problems)
        warnings = len(self.problems) - errors
        text = f"共 {errors} 处错误，{warnings} 处警告"
        if self.strict and warnings:
            text += "（--strict：警告按错误处理）"
        return text


class OutputError(ZsdError):
    """Writing or converting an output failed (disk, LibreOffice)."""


class TemplateFailure(ZsdError):
    """A template could not be compiled or rendered (syntax, an unsafe access, an undefined name)."""

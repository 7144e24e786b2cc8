"""Problems found in the user's data, and the exceptions that carry them to the CLI.

Exit codes live here only: 0 success, 1 bad data (or a failed build), 2 bad usage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

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
        text = f"{self.location()}: {self.severity.value}: {self.message}"
        if self.source_line is not None and self.col is not None:
            line = self.source_line.rstrip("\n")
            prefix = line[: self.col - 1]
            pad = "".join("\t" if ch == "\t" else " " * _display_width(ch) for ch in prefix)
            caret = "^" * max(1, _display_width(line[self.col - 1 : self.col - 1 + self.width]))
            gutter = f"{self.line:>4} | "
            text += f"\n{gutter}{line}\n{' ' * (len(gutter) - 2)}| {pad}{caret}"
        return text


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class ZsdError(Exception):
    """Base of every error the CLI turns into a message and an exit code."""

    exit_code = EXIT_DATA


class UsageError(ZsdError):
    """The command line itself is wrong (a missing folder, an unknown format)."""

    exit_code = EXIT_USAGE


class DataError(ZsdError):
    """The data has problems; carries every problem found, errors and warnings."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = sum(p.is_error for p in problems)
        super().__init__(f"发现 {errors} 处错误")


class OutputError(ZsdError):
    """Writing or converting an output failed (disk, LibreOffice)."""

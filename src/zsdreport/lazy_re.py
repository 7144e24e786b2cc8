"""Regular expressions compiled on first use, so that a command pays only for those it runs.

The CJK character classes take milliseconds each to compile; `--help` and `lint-docx` import
the modules that hold them without ever matching Chinese prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property


class LazyPattern:
    """A compiled pattern's matching methods, compiling the pattern the first time one is used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        """Return the compiled pattern."""
        return re.compile(self.pattern, self.flags)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """Like re.Pattern.search."""
        return self.compiled.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """Like re.Pattern.match."""
        return self.compiled.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """Like re.Pattern.fullmatch."""
        return self.compiled.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Like re.Pattern.finditer."""
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[str]:
        """Like re.Pattern.findall."""
        return self.compiled.findall(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        """Like re.Pattern.sub."""
        return self.compiled.sub(replacement, text)

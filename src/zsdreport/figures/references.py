"""The {name} references in prose: find them and expand them to their printed form."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

REFERENCE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def references(text: str) -> Iterator[re.Match[str]]:
    """Yield each {name} reference in ``text``."""
    return REFERENCE.finditer(text)


def expand(text: str, words: Mapping[str, str]) -> str:
    """Replace every {name} in ``text`` by its printed form; unknown names must be checked first."""
    return REFERENCE.sub(lambda m: words[m.group(1)], text)

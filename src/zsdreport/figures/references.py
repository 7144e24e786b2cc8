"""The {name} references in prose: find them and expand them to their printed form."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from zsdreport.schema.base import ID

REFERENCE = re.compile(r"\{(" + ID + r")\}")
"""A reference is exactly "{", an id (schema.base.ID) and "}"; other braces are proofread."""


def references(text: str) -> Iterator[re.Match[str]]:
    """Yield each {name} reference in ``text``."""
    return REFERENCE.finditer(text)


def expand(text: str, words: Mapping[str, str]) -> str:
    """Replace every {name} in ``text`` by its printed form; unknown names must be checked first."""
    return REFERENCE.sub(lambda m: words[m.group(1)], text)

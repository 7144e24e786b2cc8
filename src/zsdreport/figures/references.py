"""The {name} references in prose: find them and expand them to their printed form."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from zsdreport.schema.base import ID

COMPARISONS = ("上期", "增减", "增幅", "去年同期", "同比增减", "同比增幅")
"""What may follow an id and a dot to print another period's figure (periods/compare.py)."""
REFERENCE = re.compile(r"\{(" + ID + r"(?:\.(?:" + "|".join(COMPARISONS) + r"))?)\}")
"""A reference is exactly "{", an id (schema.base.ID), maybe ".上期" and the like, and "}";
other braces are proofread."""


def references(text: str) -> Iterator[re.Match[str]]:
    """Yield each {name} reference in ``text``."""
    return REFERENCE.finditer(text)


def expand(text: str, words: Mapping[str, str]) -> str:
    """Replace every {name} in ``text`` by its printed form; unknown names must be checked first."""
    return REFERENCE.sub(lambda m: words[m.group(1)], text)

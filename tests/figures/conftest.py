"""Shared set-up of the figures tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from zsdreport.figures.formula import parse


@pytest.fixture(autouse=True)
def _fresh_parse_cache() -> Iterator[None]:
    """Parse every formula anew: a cached result would hide what the parser does (make mutation)."""
    parse.cache_clear()
    yield
    parse.cache_clear()

"""Fixtures shared by the render tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user cache folder of this test's own (XDG_CACHE_HOME), not yet made."""
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home

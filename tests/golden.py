"""Golden files: what users see, pinned. Rewrite with `make golden` (pytest --update-golden)."""

from __future__ import annotations

from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str, update: bool) -> None:
    """Compare ``actual`` with tests/golden/``name``; rewrite it instead when ``update``."""
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"golden file {path} is missing: run `make golden` and review it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"output differs from {path}; if intended, run `make golden` and review the diff"
    )

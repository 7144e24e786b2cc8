"""The test harness itself: CI detection and the golden-file switch cannot be fooled."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, in_ci


@pytest.mark.parametrize(
    ("value", "ci"),
    [
        ("true", True),
        ("1", True),
        ("TRUE", True),
        ("yes", True),
        ("false", False),
        ("0", False),
        ("", False),
        ("no", False),
    ],
)
def test_only_a_true_value_of_ci_counts(
    value: str, ci: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", value)
    assert in_ci() is ci


def test_ci_unset_is_not_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert in_ci() is False


def test_update_golden_is_refused_in_ci() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--update-golden",
            "-q",
            "tests/test_golden.py",
            "-p",
            "no:cacheprovider",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "true"},
        check=False,
    )
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert "--update-golden is refused in CI" in result.stderr

"""Lean start-up: a command imports only what it needs, and nothing works at import time."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import DATA

PROBE = """
import json, sys
from zsdreport.cli import main
code = 0
try:
    main({args!r})
except SystemExit as e:
    code = e.code or 0
# pydantic is not listed: Typer itself uses it to convert command-line values.
heavy = ["docx", "jinja2", "yaml", "lxml", "markdown_it", "zsdreport.render.docx", "zsdreport.check.validate"]
print(json.dumps({{"code": code, "loaded": [m for m in heavy if m in sys.modules]}}), file=sys.stderr)
"""


def imported(args: list[str]) -> list[str]:
    """Return the heavy modules ``zsdreport *args`` loaded; the command itself must succeed."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=False
    )
    probe = json.loads(result.stderr.strip().splitlines()[-1])
    assert probe["code"] == 0, result.stderr
    return list(probe["loaded"])


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["build", "--help"],
        ["check", "--help"],
        ["diff", "--help"],
        ["import", "--help"],
    ],
)
def test_help_imports_nothing_heavy(args: list[str]) -> None:
    assert imported(args) == []


def test_check_does_not_load_the_renderers() -> None:
    assert imported(["check", str(DATA)]) == ["yaml", "zsdreport.check.validate"]


def test_markdown_build_does_not_load_word_support(tmp_path: object) -> None:
    loaded = imported(["build", str(DATA), "-o", str(tmp_path), "--only", "md"])
    assert "docx" not in loaded and "lxml" not in loaded and "jinja2" in loaded

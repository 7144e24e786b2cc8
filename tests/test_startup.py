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
try:
    main({args!r})
except SystemExit:
    pass
# pydantic is not listed: Typer itself uses it to convert command-line values.
heavy = ["docx", "jinja2", "yaml", "lxml", "markdown_it", "zsdreport.render.docx", "zsdreport.check.validate"]
print(json.dumps([m for m in heavy if m in sys.modules]), file=sys.stderr)
"""


def imported(args: list[str]) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=False
    )
    return list(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["check", "--help"]])
def test_help_imports_nothing_heavy(args: list[str]) -> None:
    assert imported(args) == []


def test_check_does_not_load_the_renderers() -> None:
    assert imported(["check", str(DATA)]) == ["yaml", "zsdreport.check.validate"]


def test_markdown_build_does_not_load_word_support(tmp_path: object) -> None:
    loaded = imported(["build", str(DATA), "-o", str(tmp_path), "-f", "md"])
    assert "docx" not in loaded and "lxml" not in loaded and "jinja2" in loaded

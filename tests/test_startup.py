"""Lean start-up: a command imports only what it needs, and nothing works at import time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA

PROBE = """
import json, re, sys
compiled = []
_compile = re._compile
def _record(pattern, flags):
    # Patterns our own modules compile (the caller's module), cached ones included.
    caller = sys._getframe(2).f_globals.get("__name__", "")
    if caller.startswith("zsdreport"):
        compiled.append(caller)
    return _compile(pattern, flags)
re._compile = _record
from zsdreport.cli import main
code = 0
try:
    main({args!r})
except SystemExit as e:
    code = e.code or 0
heavy = [
    "docx", "jinja2", "yaml", "lxml", "markdown_it", "pydantic", "zsdreport.render.docx",
    "zsdreport.check.validate",
]
loaded = [m for m in heavy if m in sys.modules]
print(json.dumps({{"code": code, "loaded": loaded, "compiled": compiled}}), file=sys.stderr)
"""


def probe(args: list[str]) -> dict[str, list[str]]:
    """Run ``zsdreport *args``, which must succeed; say what it loaded and compiled."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=False
    )
    found = json.loads(result.stderr.strip().splitlines()[-1])
    assert found["code"] == 0, result.stderr
    return {"loaded": list(found["loaded"]), "compiled": list(found["compiled"])}


def imported(args: list[str]) -> list[str]:
    """Return the heavy modules ``zsdreport *args`` loaded."""
    return probe(args)["loaded"]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["build", "--help"],
        ["check", "--help"],
        ["diff", "--help"],
        ["import", "--help"],
        ["templates", "export", "--help"],
    ],
)
def test_help_imports_nothing_heavy(args: list[str]) -> None:
    assert imported(args) == []


def test_check_does_not_load_the_renderers() -> None:
    assert imported(["check", str(DATA)]) == ["yaml", "pydantic", "zsdreport.check.validate"]


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["lint-docx", "--help"]])
def test_help_compiles_none_of_our_regular_expressions(args: list[str]) -> None:
    # The CJK classes of zsdreport.text take milliseconds to compile; help never matches prose.
    assert probe(args)["compiled"] == []


def test_lint_docx_needs_no_pydantic(tmp_path: Path) -> None:
    from zsdreport.build import build

    (docx,) = build(DATA, tmp_path, "docx").outputs
    loaded = imported(["lint-docx", str(docx)])
    assert "pydantic" not in loaded and "yaml" not in loaded and "docx" in loaded


def test_path_options_are_still_paths_without_pydantic(tmp_path: Path) -> None:
    # The plain conversion (cli/params.py) replaces Typer's pydantic one for these types.
    from typer.main import get_command

    from zsdreport.cli import app
    from zsdreport.cli.params import _PlainParam

    command = get_command(app)
    build_command = command.commands["build"]  # type: ignore[attr-defined]
    ctx = build_command.make_context("build", [str(DATA), "-o", str(tmp_path)])
    assert ctx.params["data_dirs"] == [DATA] and ctx.params["output"] == tmp_path
    assert all(isinstance(p._runtime_param, _PlainParam) for p in build_command.params)


def test_markdown_build_does_not_load_word_support(tmp_path: object) -> None:
    loaded = imported(["build", str(DATA), "-o", str(tmp_path), "--only", "md"])
    assert "docx" not in loaded and "lxml" not in loaded and "jinja2" in loaded


def test_exporting_templates_loads_neither_jinja_nor_the_parser(tmp_path: object) -> None:
    assert imported(["templates", "export", f"{tmp_path}/tpl"]) == []


def _fresh(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; return the lines it printed."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_style_profile_is_imported_without_the_other_models() -> None:
    # zsdreport.schema imports its models on first use: the .docx writer needs one of them.
    found = _fresh(
        "import sys, zsdreport.schema.style\n"
        "print(*(m in sys.modules for m in ('zsdreport.schema.report', 'zsdreport.schema.section')))\n"
        "from zsdreport.schema import ReportFile, StyleProfile, Table\n"
        "print(ReportFile.__module__, StyleProfile.__module__, Table.__module__)\n"
    )
    assert found == [
        "False",
        "False",
        *("zsdreport.schema." + m for m in ("report", "style", "section")),
    ]
    with pytest.raises(AttributeError, match="NoSuchModel"):
        import zsdreport.schema

        zsdreport.schema.NoSuchModel  # noqa: B018


def test_the_renderers_process_imports_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    # What render/worker.py's child does with a job: only plain values come over the pipe.
    import pickle

    from zsdreport.build import check
    from zsdreport.document.context import template_context
    from zsdreport.document.outline import layout_of
    from zsdreport.render.print_style import plain_style

    report, _ = check(DATA)
    job = (template_context(report), layout_of(report), None, plain_style(report.meta.style))
    (tmp_path / "job").write_bytes(pickle.dumps((*job, ["md", "docx"])))
    found = _fresh(
        "import pickle, sys\n"
        "from zsdreport.render import worker\n"
        "worker._prepare()\n"
        f"files = worker._render(*pickle.loads(open({str(tmp_path / 'job')!r}, 'rb').read()))\n"
        "print(sorted(files), *(m in sys.modules for m in ('pydantic', 'yaml', 'zsdreport.report')))\n"
    )
    assert found == ["['docx',", "'md']", "False", "False", "False"]

"""Records on the build and check path are named tuples, unless they need a dataclass.

Python compiles a dataclass's generated methods from source at every start (~1 ms a class,
which the .pyc cache does not cover); a named tuple costs a tenth of that.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA

PROBE = """
import dataclasses, inspect, json, sys
from zsdreport.cli import main
try:
    main({args!r})
except SystemExit:
    pass
found = [
    f"{{name}}.{{cls.__qualname__}}"
    for name, module in list(sys.modules.items())
    if name.startswith("zsdreport")
    for cls in vars(module).values()
    if inspect.isclass(cls) and cls.__module__ == name and dataclasses.is_dataclass(cls)
]
print(json.dumps(sorted(found)), file=sys.stderr)
"""

# Each dataclass a command may define, and what it needs a dataclass for.
KEPT = {
    "zsdreport.batch.FolderOutcome": "field(default_factory=list) for its lists",
    "zsdreport.cli.params._PlainParam": "extends Typer's RuntimeParam, itself a dataclass",
    "zsdreport.docxlint.document.LintDoc": "field(default_factory=dict) for the font table",
    "zsdreport.docxlint.document.Para": "mutable: kinds.py sets each paragraph's kind",
    "zsdreport.docxlint.document.Section": "field(default_factory=dict) for the footer ids",
    "zsdreport.docxlint.result.LintResult": "iterates and indexes its rules by id, unlike a tuple",
    "zsdreport.docxlint.result.RuleResult": "field(default_factory=list) for the details",
    "zsdreport.docxlint.rules_footer._Field": "mutable, filled in as the field's runs are read",
    "zsdreport.document.outline.Block": "dataclasses.replace (document/dialect.py, tests)",
    "zsdreport.errors.Problem": "source_line and width are left out of ==",
    "zsdreport.figures.figure.Figure": "cached_property text, which needs an instance __dict__",
    "zsdreport.load.reader.Source": "mutable, filled in as the file is read",
    "zsdreport.report.Report": "mutable: check fills in comparisons",
}


def defined(args: list[str]) -> list[str]:
    """Return the dataclasses in our modules loaded by ``zsdreport *args``."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=False
    )
    return list(json.loads(result.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("command", ["build", "check", "batch", "lint-docx"])
def test_only_records_that_need_a_dataclass_are_dataclasses(command: str, tmp_path: Path) -> None:
    if command == "lint-docx":
        from zsdreport.build import build

        (docx,) = build(DATA, tmp_path, "docx").outputs
        args = ["lint-docx", str(docx)]
    else:
        args = {
            "build": ["build", str(DATA), "-o", str(tmp_path)],
            "check": ["check", str(DATA)],
            "batch": ["build", str(DATA), str(DATA), "-o", str(tmp_path), "--only", "md"],
        }[command]
    found = defined(args)
    assert "zsdreport.errors.Problem" in found  # the probe sees what the command loaded
    assert [name for name in found if name not in KEPT] == []

"""Which file events make a rebuild: data files and templates, never temporaries or outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from zsdreport.watch.loop import ChangeFilter


@pytest.fixture
def keep(tmp_path: Path) -> ChangeFilter:
    return ChangeFilter(tmp_path / "2023H1", tmp_path / "tpl", tmp_path / "2023H1" / "out")


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("2023H1/work-party.yaml", True),
        ("2023H1/report.yml", True),
        ("2023H1/notes.txt", False),
        ("2023H1/.work-party.yaml.swp", False),
        ("2023H1/work-party.yaml~", False),
        ("2023H1/.#work-party.yaml", False),
        ("2023H1/~$report.yaml", False),
        ("2023H1/#work-party.yaml#", False),
        ("2023H1/4913", False),
        ("2023H1/work-party.yaml.tmp", False),
        ("2023H1/old/work-party.yaml", False),
        ("2023H1/out/report.yaml", False),
        ("2023H1/out/报告.md", False),
        ("tpl/report.md.j2", True),
        ("tpl/parts/table.j2", True),
        ("tpl/.report.md.j2.swp", False),
        ("elsewhere/work-party.yaml", False),
    ],
)
def test_only_what_a_build_reads_makes_a_rebuild(
    keep: ChangeFilter, tmp_path: Path, name: str, kept: bool
) -> None:
    assert keep(None, str(tmp_path / name)) is kept

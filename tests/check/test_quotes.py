"""ASCII quotes in Chinese text: converted as pairs, and an unpaired one is flagged, not half-converted."""

from __future__ import annotations

from pathlib import Path

from tests.check.conftest import MINI, Cli, Folder

PROBLEMS = MINI["problems.yaml"]


def test_an_unpaired_ascii_quote_is_a_located_warning(folder: Folder, cli: Cli) -> None:
    folder({"problems.yaml": PROBLEMS.replace("我镇虽有。", '我镇虽有"特色产业。')})
    run = cli("check", "data")
    assert run.code == 0
    assert run.problems == [
        'data/problems.yaml:6:15: 警告: 半角引号“"”没有配对：生成时不会改为全角，请补上另一半（或改为全角引号）或删除',
    ]


def test_a_paired_quote_prints_as_a_full_width_pair(folder: Folder, cli: Cli) -> None:
    folder({"problems.yaml": PROBLEMS.replace("我镇虽有。", '我镇虽有"OK"产业。')})
    run = cli("build", "data", "-o", "out", "--only", "md")
    assert run.code == 0
    text = next(Path("out").glob("*.md")).read_text(encoding="utf-8")
    assert "我镇虽有“OK”产业。" in text

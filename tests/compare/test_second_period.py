"""tests/data/2023H2: a second period made from data/2023H1, the input of every comparison test."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA, ROOT
from zsdreport.build import build, check

SECOND = ROOT / "tests" / "data" / "2023H2"


def test_second_period_passes_check_with_no_warning_the_first_lacks() -> None:
    _, first = check(DATA)
    report, second = check(SECOND)
    assert str(report.meta.period) == "2023H2"
    # The 92比458万 typo is settled in the second half; the unbalanced bracket stays.
    assert {p.message for p in second} < {p.message for p in first}


def test_second_period_builds_the_second_half_report(tmp_path: Path) -> None:
    result = build(SECOND, tmp_path, "md,docx")
    assert sorted(p.name for p in result.outputs) == [
        "祖师殿镇2023年下半年工作总结.docx",
        "祖师殿镇2023年下半年工作总结.md",
    ]
    markdown = (tmp_path / "祖师殿镇2023年下半年工作总结.md").read_text(encoding="utf-8")
    assert "明年工作打算" in markdown and "2024年1月10日" in markdown
    assert "办结率99.3%" in markdown

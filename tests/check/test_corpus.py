"""Every bad input of the corpus: `check` names file, line, column and cause; `build` writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.cases import CASES as BASE_CASES
from tests.check.cases import Case
from tests.check.cases_figures import FIGURE_CASES
from tests.check.cases_hostile import CASES as HOSTILE
from tests.check.conftest import Cli, Folder

CASES = [*BASE_CASES, *HOSTILE, *FIGURE_CASES]


def _summary(case: Case, problems: list[str]) -> str:
    """Return the closing line of `check`, which writes nothing and so says nothing of files."""
    errors = sum(": 错误: " in p for p in problems)
    warnings = len(problems) - errors
    if case.code == 0:
        return f"校验通过：0 处错误，{warnings} 处警告。"
    strict = "（--strict：警告按错误处理）" if "--strict" in case.args and warnings else ""
    return f"共 {errors} 处错误，{warnings} 处警告{strict}。"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_check_reports_every_problem_with_its_place(case: Case, folder: Folder, cli: Cli) -> None:
    folder(case.files)
    run = cli("check", *case.args, "data")
    assert (run.code, run.problems) == (case.code, case.expected)
    assert run.err.splitlines()[-1] == _summary(case, case.expected)
    assert run.out == ""


@pytest.mark.parametrize("case", [c for c in CASES if c.code == 1], ids=lambda c: c.id)
def test_build_stops_on_the_same_problems_and_writes_nothing(
    case: Case, folder: Folder, cli: Cli
) -> None:
    folder(case.files)
    run = cli("build", *case.args, "data", "-o", "out", "--only", "md")
    assert (run.code, run.problems) == (1, case.expected)
    assert run.err.splitlines()[-1] == _summary(case, case.expected)[:-1] + "；未生成任何文件。"
    assert not Path("out").exists()


def test_the_corpus_covers_every_class() -> None:
    kinds: dict[str, int] = {}
    for case in CASES:
        kinds[case.kind] = kinds.get(case.kind, 0) + 1
    assert len({c.id for c in CASES}) == len(CASES)
    # Every class of the issue is covered, with a floor per class (more cases are welcome).
    floors = {"syntax": 10, "loader": 12, "schema": 15, "cross": 12, "proofread": 10}
    assert set(kinds) == set(floors)
    assert all(kinds[kind] >= floor for kind, floor in floors.items()), kinds
    assert len(CASES) >= 70


def test_a_problem_shows_its_line_and_a_caret_under_the_exact_characters(
    folder: Folder, cli: Cli
) -> None:
    folder(
        {
            "problems.yaml": (
                "heading: 存在问题及不足\n"
                "points:\n"
                "  - lead: 平安建设。\n"
                "    text: >-\n"
                "      加强对涉众事件风险隐患人员稳控工作，\n"
                "      确保社会环境安全稳定。⠂ ⠂\n"
            )
        }
    )
    run = cli("check", "data")
    assert run.err == (
        "data/problems.yaml:6:18: 警告: 含有异常字符 U+2802（BRAILLE PATTERN DOTS-2）："
        "多半是从其他文档复制时带入的，请删除\n"
        "   6 |       确保社会环境安全稳定。⠂ ⠂\n"
        "     |                             ^^^\n"
        "校验通过：0 处错误，1 处警告。\n"
    )


def test_problems_of_every_file_are_listed_in_one_run(folder: Folder, cli: Cli) -> None:
    """report.yaml is broken, yet the section files it lists are still read and checked."""
    folder(
        {
            "report.yaml": "titel: 总结\nperiod: 2023H1\nsections: [work-party, problems]\n",
            "work-party.yaml": "heading: 党建\nitems:\n  - lead: 一是。\n    txet: 内容。\n",
            "problems.yaml": "heading: 问题\nheading: 重复\npoints: [一是。]\n",
        }
    )
    run = cli("check", "data")
    assert run.code == 1
    assert run.problems == [
        'data/report.yaml:1:1: 错误: 未知字段 "titel"，是否想写 "title"？',
        'data/work-party.yaml:4:5: 错误: 未知字段 "txet"，是否想写 "text"？',
        "data/problems.yaml:2:1: 错误: 字段“heading”重复（第 1 行已有）：重复的字段会丢失内容，请合并或删除一个",
    ]
    assert run.err.splitlines()[-1] == "共 3 处错误，0 处警告。"

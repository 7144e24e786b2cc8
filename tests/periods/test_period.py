"""Periods: half years and whole years, folder names, and period words that do not fit."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from zsdreport.check.validate import load_report
from zsdreport.errors import Severity
from zsdreport.periods.period import period_of_folder
from zsdreport.schema import Period

Tree = Callable[[Mapping[str, str | bytes]], Path]
DATA = Path(__file__).parents[2] / "data" / "2023H1"


def report_yaml(period: str, title: str = "祖师殿镇{year}年{half}工作总结") -> str:
    return f"""
        title: "{title}"
        period: "{period}"
        organs: [祖师殿镇人民政府]
        sections: [area]
    """


@pytest.mark.parametrize(
    ("text", "following", "half", "next_half"),
    [
        ("2023H1", "2023H2", "上半年", "下半年"),
        ("2023H2", "2024H1", "下半年", "明年"),
        ("2023", "2024", "全年", "明年"),
    ],
)
def test_periods_follow_each_other_with_their_words(
    text: str, following: str, half: str, next_half: str
) -> None:
    period = Period.of(text)
    assert str(period) == text
    assert str(period.following()) == following
    assert period.words()["half"] == half
    assert period.words()["next_half"] == next_half
    assert period.annual is (text == "2023")


def test_annual_report_title(tree: Tree) -> None:
    root = tree(
        {
            "report.yaml": report_yaml("2023", "祖师殿镇{year}年工作总结和{next_year}年工作计划"),
            "area.yaml": 'heading: "{half}工作开展情况"\ntext: 正文。\n',
        }
    )
    report, problems = load_report(root)
    assert report is not None, problems
    assert report.title() == "祖师殿镇2023年工作总结和2024年工作计划"
    assert report.meta.period.name() == "2023年"


@pytest.mark.parametrize(
    ("name", "period"), [("2023H2", "2023H2"), ("2024h1", "2024H1"), ("2023", "2023"), ("x", None)]
)
def test_period_of_folder(name: str, period: str | None) -> None:
    found = period_of_folder(Path("/tmp") / name)
    assert (str(found) if found else None) == period


def test_folder_named_after_another_period_warns(tmp_path: Path) -> None:
    root = tmp_path / "2024H1"
    shutil.copytree(DATA, root)
    report_file = root / "report.yaml"
    report_file.write_text(
        report_file.read_text("utf-8").replace("period: 2023H1", "period: 2023H2"), "utf-8"
    )
    _, problems = load_report(root)
    folder = [p for p in problems if "文件夹名" in p.message]
    assert [p.format().splitlines()[0] for p in folder] == [
        f"{report_file}:3:9: 警告: 文件夹名 2024H1 表示2024年上半年，但 period 写的是 2023H2："
        "请把 period 改为 2024H1，或把文件夹改名为 2023H2"
    ]


def test_folder_named_after_its_period_does_not_warn(tmp_path: Path) -> None:
    root = tmp_path / "2023H1"
    shutil.copytree(DATA, root)
    _, problems = load_report(root)
    assert not [p for p in problems if "文件夹名" in p.message or "期别" in p.message]


@pytest.mark.parametrize(
    ("period", "text", "word"),
    [
        ("2023H2", "上半年共完成三项。", "上半年"),
        ("2023H2", "截至6月底，完成三项。", "截至6月底"),
        ("2023H2", "截至2023年6月，完成三项。", "截至2023年6月"),
        ("2023H2", "1-6月完成三项。", "1-6月"),
        ("2023H2", "建立{year}年春季学期台账。", "春季学期"),
        ("2023H2", "下半年完成三项。", "下半年"),
        ("2023H1", "下半年将完成三项。", "下半年"),
        ("2023H1", "上半年共完成三项。", "上半年"),
        ("2023H1", "截至12月底完成三项。", "截至12月底"),
        ("2023H1", "截至年底完成三项。", "截至年底"),
        ("2023", "上半年以来完成三项。", "上半年以来"),
        ("2023", "截至6月完成三项。", "截至6月"),
    ],
)
def test_typed_period_words_that_do_not_fit_warn(
    tree: Tree, period: str, text: str, word: str
) -> None:
    root = tree({"report.yaml": report_yaml(period), "area.yaml": f"heading: 标题\ntext: {text}\n"})
    _, problems = load_report(root)
    found = [p for p in problems if "与期别" in p.message or "手写的期别用词" in p.message]
    assert len(found) == 1, problems
    assert found[0].severity is Severity.WARNING
    # The period's own words (上半年 in an H1 report) fit it: typing them is the fault.
    own = (period, word) in {("2023H1", "上半年"), ("2023H1", "下半年"), ("2023H2", "下半年")}
    fault = "是手写的期别用词：" if own else f"与期别 {Period.of(period).name()}不符："
    assert found[0].message.startswith(f"“{word}”{fault}")
    assert (found[0].line, found[0].col) == (2, 7 + text.index(word))


@pytest.mark.parametrize(
    ("period", "text"),
    [
        ("2023H2", "较上半年增长三成。"),
        ("2023H2", "与上半年相比增长三成。"),
        ("2023H2", "{half}完成三项，{next_half}继续。"),
        ("2023H1", "截至6月底，完成三项；建立春季学期台账。"),
        ("2023", "上半年完成一项，下半年完成两项。"),
    ],
)
def test_period_words_that_fit_do_not_warn(tree: Tree, period: str, text: str) -> None:
    root = tree({"report.yaml": report_yaml(period), "area.yaml": f"heading: 标题\ntext: {text}\n"})
    _, problems = load_report(root)
    assert not [p for p in problems if "与期别" in p.message or "期别用词" in p.message]

"""Other periods in the text: {x.上期} {x.增减} {x.增幅}, and formulas over other periods."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_tree
from zsdreport.build import build
from zsdreport.check.validate import load_report

REPORT = """
    title: 祖师殿镇{{year}}年{{half}}工作总结
    period: {period}
    organs: [镇政府]
    date: {date}
    sections: [area]
"""
DATES = {"2023H1": "2023-07-10", "2023H2": "2024-01-10", "2023": "2024-01-10"}


def period(root: Path, name: str, metrics: str, text: str, compare: str = "") -> Path:
    report = REPORT.format(period=name, date=DATES[name]) + (
        f"    compare: {compare}\n" if compare else ""
    )
    area = f"""
        heading: 工作
        metrics:
{metrics}
        text: "{text}"
    """
    return write_tree(root / name, {"report.yaml": report, "area.yaml": area})


def first_half(root: Path, value: str = "16", unit: str = "件") -> Path:
    return period(
        root,
        "2023H1",
        f"          done: {{label: 办结事项, value: {value}, unit: {unit}}}",
        "办结{done}。",
    )


def markdown(folder: Path, out: Path) -> str:
    build(folder, out, "md")
    return next(out.glob("*.md")).read_text("utf-8")


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        ("18", "较上半年增加2件（增长12.5%），上期16件"),
        ("12", "较上半年减少4件（下降25.0%），上期16件"),
        ("16", "较上半年持平（持平），上期16件"),
    ],
)
def test_h2_text_states_change_and_rate_from_the_h1_folder(
    tmp_path: Path, value: str, printed: str
) -> None:
    first_half(tmp_path)
    second = period(
        tmp_path,
        "2023H2",
        f"          done: {{label: 办结事项, value: {value}, unit: 件}}",
        "办结{done}，较上半年{done.增减}（{done.增幅}），上期{done.上期}。",
        "{previous: ../2023H1}",
    )
    assert f"办结{value}件，{printed}。" in markdown(second, tmp_path / "out")


def test_h2_states_the_whole_year_from_h1(tmp_path: Path) -> None:
    first_half(tmp_path)
    second = period(
        tmp_path,
        "2023H2",
        "          done: {label: 办结事项, value: 18, unit: 件}\n"
        "          year_done: {label: 全年办结事项, formula: 上期.done + done, digits: 0, unit: 件}",
        "办结{done}，全年累计{year_done}。",
        "{previous: ../2023H1}",
    )
    assert "办结18件，全年累计34件。" in markdown(second, tmp_path / "out")


def test_annual_figure_is_h1_plus_h2(tmp_path: Path) -> None:
    first_half(tmp_path)
    period(
        tmp_path, "2023H2", "          done: {label: 办结事项, value: 18, unit: 件}", "办结{done}。"
    )
    annual = period(
        tmp_path,
        "2023",
        "          done: {label: 全年办结事项, formula: 上半年.done + h2.done, digits: 0, unit: 件}",
        "全年办结{done}。",
        "{first_half: ../2023H1, second_half: ../2023H2}",
    )
    assert "全年办结34件。" in markdown(annual, tmp_path / "out")


@pytest.mark.parametrize(
    ("compare", "metrics", "text", "message", "where"),
    [
        (
            "{previous: ../2022H2}",
            "",
            "办结{done}。",
            "compare.previous（上期）：找不到数据文件夹",
            "report.yaml:6",
        ),
        (
            "{previous: ../broken}",
            "",
            "办结{done}。",
            "compare.previous（上期）的数据 ../broken 有 1 处错误",
            "report.yaml:6",
        ),
        ("", "", "较上半年{done.增减}。", "report.yaml 需要写 compare.previous", "area.yaml:4:12"),
        (
            "{previous: ../2023H1}",
            "\n          other: {label: 新指标, value: 3, unit: 件}",
            "新增{other.增减}，办结{done}。",
            "上期（2023H1）中没有指标“other”",
            "area.yaml:5:10",
        ),
        (
            "{previous: ../2023H1}",
            "\n          total: {label: 全年, formula: 上期.nothing + done, digits: 0, unit: 件}",
            "办结{done}，全年{total}。",
            "上期（2023H1）中没有指标“nothing”",
            "area.yaml:4:31",
        ),
    ],
)
def test_a_missing_period_figure_or_folder_is_a_located_error(
    tmp_path: Path, compare: str, metrics: str, text: str, message: str, where: str
) -> None:
    first_half(tmp_path)
    write_tree(
        tmp_path / "broken",
        {
            "report.yaml": "title: 标题\nperiod: 2023H3\nsections: [area]\n",
            "area.yaml": "heading: 工作\ntext: 正文。\n",
        },
    )
    second = period(
        tmp_path,
        "2023H2",
        "          done: {label: 办结事项, value: 18, unit: 件}" + metrics,
        text,
        compare,
    )
    report, problems = load_report(second)
    assert report is None
    found = [p for p in problems if message in p.message]
    assert len(found) == 1, [p.message for p in problems]
    assert f"{found[0].file.name}:{found[0].line}:{found[0].col}".startswith(where), found[
        0
    ].format()


def test_a_changed_unit_is_an_error(tmp_path: Path) -> None:
    first_half(tmp_path, unit="次")
    second = period(
        tmp_path,
        "2023H2",
        "          done: {label: 办结事项, value: 18, unit: 件}",
        "办结{done}，较上半年{done.增减}。",
        "{previous: ../2023H1}",
    )
    _, problems = load_report(second)
    assert [p.message for p in problems if p.is_error] == [
        "{done.增减}：“办结事项”的单位变了：本期为“件”，上期为“次”：无法比较"
    ]


def test_rate_against_zero_is_an_error(tmp_path: Path) -> None:
    first_half(tmp_path, value="0")
    second = period(
        tmp_path,
        "2023H2",
        "          done: {label: 办结事项, value: 18, unit: 件}",
        "办结{done}，较上半年{done.增幅}。",
        "{previous: ../2023H1}",
    )
    _, problems = load_report(second)
    assert [p.message for p in problems if p.is_error] == [
        "{done.增幅}：上期的“办结事项”为 0，无法计算增幅：请改写为增减"
    ]

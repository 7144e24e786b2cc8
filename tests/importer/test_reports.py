"""Small reports as townships type them: each imports with its outline, period, organs and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.importer.conftest import REPORTS, imported, outline_of
from zsdreport.build import check

CASES = {
    "qiaojiang-2023H2.txt": dict(
        period="2023H2",
        title="桥江镇{year}年{half}工作总结",
        recipient="县委、县政府：",
        organs=["中共溆浦县桥江镇委员会", "溆浦县桥江镇人民政府"],
        date=dt.date(2024, 1, 5),
        outline=[
            "下半年工作开展情况",
            "> 抓党建，强基础 items=2 sub=0 points=0",
            "> 抓产业，促增收 items=2 sub=0 points=0",
            "存在的问题 items=0 sub=0 points=2",
            "明年工作打算 items=2 sub=0 points=0",
        ],
    ),
    "longtan-2022H1.md": dict(
        period="2022H1",
        title="龙潭乡{year}年{half}工作总结",
        recipient=None,
        organs=["中共溆浦县龙潭乡委员会"],
        date=dt.date(2022, 7, 8),
        outline=[
            "主要工作",
            "> 乡村振兴 items=2 sub=0 points=0",
            "> 平安建设 items=1 sub=0 points=0",
            "下半年打算 items=1 sub=0 points=0",
        ],
    ),
    "guanshan-2024H1.txt": dict(
        period="2024H1",
        title="观山镇{year}年{half}工作情况汇报",
        recipient=None,
        organs=["溆浦县观山镇人民政府"],
        date=None,
        # The top level starts at （一）: it becomes the report's top level.
        outline=[
            "党建引领 items=2 sub=0 points=0",
            "民生保障 items=1 sub=0 points=0",
            "下半年打算 items=1 sub=0 points=3",
        ],
    ),
    "dajiangkou-2023H1.txt": dict(
        period="2023H1",
        title="大江口镇{year}年{half}工作总结",
        recipient=None,
        organs=["中共溆浦县大江口镇委员会"],
        date=dt.date(2023, 7, 3),
        # 一、 then （1） directly: a skipped level; （1）（3） is a gap, warned and renumbered.
        outline=["工作开展情况 items=2 sub=0 points=0", "下一步打算 items=1 sub=0 points=0"],
        warning="序号跳号：这里是第 3 个“（1）”级条目，前面缺少第 2 个",
    ),
    "dizhuang-2023H2.txt": dict(
        period="2023H2",
        title="低庄镇{year}年{half}工作总结",
        recipient=None,
        organs=["溆浦县低庄镇人民政府"],
        date=dt.date(2023, 12, 20),
        # 1. 2. 1. restarts: warned, then numbered on; 一是、二是、三是 run in as points.
        outline=[
            "工作成效",
            "> 产业发展 items=3 sub=0 points=3",
            "> 社会治理 items=1 sub=0 points=0",
            "下一步工作思路 items=1 sub=0 points=0",
        ],
        warning="“1.”级序号在这里重新从 1 开始",
    ),
    "huaqiao-2024H1.txt": dict(
        period="2024H1",
        title="花桥镇{year}年{half}工作总结",
        recipient=None,
        organs=["中共溆浦县花桥镇委员会", "溆浦县花桥镇人民政府"],
        date=dt.date(2024, 7, 2),
        # Full-width 1． and ２． markers.
        outline=[
            "上半年工作情况",
            "> 乡村振兴 items=2 sub=0 points=0",
            "> 安全稳定 items=1 sub=0 points=0",
            "存在问题 items=1 sub=0 points=0",
            "下半年工作安排 items=1 sub=0 points=0",
        ],
    ),
    "liangyaping-2022H2.txt": dict(
        period="2022H2",
        title="两丫坪镇{year}年{half}工作总结",
        recipient="县委：",
        organs=["溆浦县两丫坪镇人民政府"],
        date=dt.date(2022, 12, 30),
        # ① items under （一）.
        outline=[
            "下半年主要工作",
            "> 基层党建 items=2 sub=0 points=0",
            "> 经济发展 items=1 sub=0 points=0",
            "工作打算 items=1 sub=0 points=0",
        ],
    ),
    "zushi-2023H1-gb18030.txt": dict(
        period="2023H1",
        # A title typed on two lines; the file is GB18030 with Windows line ends.
        title="祖市殿镇{year}年{half}工作总结",
        recipient="县委、县政府：",
        organs=["溆浦县祖市殿镇人民政府"],
        date=dt.date(2023, 7, 12),
        outline=[
            "主要成效",
            "> 农业生产 items=2 sub=0 points=0",
            "> 民生实事 items=1 sub=0 points=0",
            "下半年打算 items=1 sub=0 points=0",
        ],
        warning="文件编码为 GBK",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_report_imports_with_its_outline_and_front_matter(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    folder = tmp_path / "data"
    result = imported(REPORTS / name, folder)
    report, _ = check(folder)
    meta = report.meta
    assert str(meta.period) == case["period"] == result.period
    assert meta.title == case["title"]
    assert meta.recipient == case["recipient"]
    assert meta.organs == case["organs"]
    assert meta.date == case["date"]
    assert outline_of(folder) == case["outline"]
    messages = [p.message for p in result.problems]
    if "warning" in case:
        assert any(case["warning"] in m for m in messages), messages
    else:
        assert not any("序号" in m for m in messages), messages


def test_every_report_fixture_has_a_case() -> None:
    assert sorted(p.name for p in REPORTS.iterdir()) == sorted([*CASES, "lufeng-2023.txt"])


def test_an_annual_report_is_recognised(tmp_path: Path) -> None:
    from zsdreport.importer.outline import recognise
    from zsdreport.importer.period import find_period
    from zsdreport.importer.sources import read_source

    source = REPORTS / "lufeng-2023.txt"
    outline = recognise(read_source(source))
    assert outline.title == "卢峰街道2023年工作总结"
    assert outline.organs == ["中共溆浦县委卢峰街道工作委员会", "溆浦县人民政府卢峰街道办事处"]
    assert outline.date == dt.date(2023, 12, 28)
    period = find_period(outline.title, source.stem, [])
    assert period is not None and period.code() == "2023"
    imported(source, tmp_path / "data")
    report, _ = check(tmp_path / "data")
    assert str(report.meta.period) == "2023"
    assert report.meta.title == "卢峰街道{year}年工作总结"
    assert outline_of(tmp_path / "data") == [
        "2023年工作回顾 items=2 sub=0 points=0",
        "2024年工作计划 items=1 sub=0 points=0",
    ]


def test_markdown_headings_without_numbers(tmp_path: Path) -> None:
    source = tmp_path / "报告.md"
    source.write_text(
        "# 黄茅园镇2023年下半年工作总结\n\n## 下半年工作\n\n### 党建工作\n\n1. 强化学习。学习4次。\n\n"
        "### 民生工作\n\n发放救助金12万元。\n\n## 明年打算\n\n1. 抓产业。\n\n黄茅园镇人民政府\n",
        encoding="utf-8",
    )
    imported(source, tmp_path / "data")
    assert outline_of(tmp_path / "data") == [
        "下半年工作",
        "> 党建工作 items=1 sub=0 points=0",
        "> 民生工作 items=0 sub=0 points=0",
        "明年打算 items=1 sub=0 points=0",
    ]

"""Figures in prose become metrics; ordinals, dates, years and Chinese numerals do not."""

from __future__ import annotations

from typing import Any

import pytest

from zsdreport.importer.figures import extract
from zsdreport.importer.period import Period, period_words


def figures_of(text: str) -> tuple[str, dict[str, dict[str, str]], list[str]]:
    data: dict[str, Any] = {"heading": "测试", "text": [text]}
    warnings: list[str] = []
    extract([("work-test", data)], lambda _, message: warnings.append(message))
    return data["text"][0], data.get("metrics", {}), warnings


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("全镇有脱贫户1743户6095人。", [("1743", "户"), ("6095", "人")]),
        ("截至6月，完成35.1442万元村集体经济收入。", [("35.1442", "万元")]),
        ("完成3.2万亩农作物播种面积。", [("3.2", "万亩")]),
        ("检查监管单位100余次，接待群众咨询152人次。", [("100", "余次"), ("152", "人次")]),
        ("整治河道6.5公里，改造危房26栋。", [("6.5", "公里"), ("26", "栋")]),
        ("参保率98.5%。", [("98.5", "%")]),
    ],
)
def test_number_and_unit_spans_become_metrics(text: str, values: list[tuple[str, str]]) -> None:
    replaced, metrics, _ = figures_of(text)
    assert [(m["value"], m["unit"]) for m in metrics.values()] == values
    for key in metrics:
        assert "{" + key + "}" in replaced


@pytest.mark.parametrize(
    "text",
    [
        "第3次会议在7月5日召开。",
        "学习贯彻党的二十大精神，第一时间传达。",
        "一月一课一片一实践。",
        "电话0745-1234567。",
        "GB/T 9704-2012 格式。",
        "排名第1名。",
    ],
)
def test_ordinals_dates_and_chinese_numerals_are_not_figures(text: str) -> None:
    replaced, metrics, _ = figures_of(text)
    assert metrics == {} and replaced == text


def test_years_of_the_period_become_period_words() -> None:
    period = Period(2023, 1)
    text = "2023年以来，较2022年增长；2024年计划；2020年建成；2023上半年到期，下半年继续，较上半年增加。"
    assert period_words(text, period) == (
        "{year}年以来，较{prev_year}年增长；{next_year}年计划；2020年建成；"
        "{year}{half}到期，{next_half}继续，较上半年增加。"
    )


def test_a_rate_that_a_formula_reproduces_is_flagged_but_kept() -> None:
    _, metrics, warnings = figures_of("办理事项568件，办结566件，办结率99.6%。")
    rate = next(m for m in metrics.values() if m["unit"] == "%")
    assert rate["value"] == "99.6"
    assert rate["note"].startswith("可由公式 test_cases_2 / test_cases_1 * 100 算出")
    assert len(warnings) == 1 and "99.6%" in warnings[0]


def test_a_rate_no_formula_gives_is_not_flagged() -> None:
    _, metrics, warnings = figures_of("办理事项568件，办结560件，满意率99.6%。")
    assert warnings == [] and all("note" not in m for m in metrics.values())


def test_labels_come_from_nearby_words() -> None:
    _, metrics, _ = figures_of("加强对298户低保户、特困供养200户的救助；组织开展学习3次。")
    assert [m["label"] for m in metrics.values()] == ["低保户", "特困供养", "组织开展学习"]

"""Outline markers as they are really typed, dates in both numerals, and 一是 enumerations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zsdreport.errors import UsageError
from zsdreport.importer.outline import marker, parse_date
from zsdreport.importer.shape import inline_points, split_lead
from zsdreport.importer.writer import write_folder


@pytest.mark.parametrize(
    ("text", "rank", "number", "rest"),
    [
        ("一、上半年工作", 1, 1, "上半年工作"),
        ("十二、其他", 1, 12, "其他"),
        ("（三）抓民生", 2, 3, "抓民生"),
        ("(三)抓民生", 2, 3, "抓民生"),
        ("（三）、抓民生", 2, 3, "抓民生"),
        ("1.加强学习", 3, 1, "加强学习"),
        ("1、加强学习", 3, 1, "加强学习"),
        ("1．加强学习", 3, 1, "加强学习"),
        ("１．加强学习", 3, 1, "加强学习"),
        ("12. 加强学习", 3, 12, "加强学习"),
        ("（2）细化", 4, 2, "细化"),
        ("(2)细化", 4, 2, "细化"),
        ("③细化", 5, 3, "细化"),
    ],
)
def test_markers(text: str, rank: int, number: int, rest: str) -> None:
    assert marker(text) == (rank, number, rest)


@pytest.mark.parametrize(
    "text", ["一是抓党建", "3.2万亩农作物", "2023年以来", "18个村", "一方面", "（青龙溪为重点村）"]
)
def test_not_markers(text: str) -> None:
    assert marker(text) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2023年7月5日", dt.date(2023, 7, 5)),
        ("二〇二三年七月五日", dt.date(2023, 7, 5)),
        ("二○二三年十二月三十一日", dt.date(2023, 12, 31)),
        ("二〇二四年一月二十日", dt.date(2024, 1, 20)),
        ("2023 年 7 月 10 日", dt.date(2023, 7, 10)),
    ],
)
def test_dates(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize("text", ["2023年2月30日", "7月5日", "2023年7月5日召开会议"])
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_lead_splits_at_the_first_full_stop_outside_quotes() -> None:
    assert split_lead("把准发展“方向盘。”始终把政治建设摆在首位。") == (
        "把准发展“方向盘。”始终把政治建设摆在首位。",
        "",
    )
    assert split_lead("加强党的领导，把准发展“方向盘”。始终把……；再") == (
        "加强党的领导，把准发展“方向盘”。",
        "始终把……；再",
    )
    assert split_lead("强化阵地建设；打出规范“组合拳”。") == (
        "强化阵地建设；",
        "打出规范“组合拳”。",
    )


def test_inline_points() -> None:
    intro, points = inline_points("坚持民生优先。一是上争项目；二是拼经济。三是以农业强为目标。")
    assert intro == "坚持民生优先。"
    assert [p["text"] for p in points] == ["上争项目；", "拼经济。", "以农业强为目标。"]
    # One 一是 alone, or 一是 inside a word, is no enumeration.
    assert inline_points("其中之一是抓党建。") == ("其中之一是抓党建。", [])
    assert inline_points("一是抓党建。") == ("一是抓党建。", [])


def test_force_never_deletes_the_report_being_imported(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    report = tmp_path / "old" / "报告.txt"
    report.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="以免把原稿删掉"):
        write_folder(tmp_path / "old", {"report.yaml": "a: b\n"}, force=True, keep=report)
    assert report.exists()

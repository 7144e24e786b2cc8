from __future__ import annotations

import pytest

from zsdreport.text import full_width, join_lines, prose


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("第一句。\n第二句。", "第一句。第二句。"),
        ("第一句， \n  第二句", "第一句，第二句"),
        ("the quick\nbrown fox", "the quick brown fox"),
        ("共计 168 人", "共计168人"),
        ("  前后空白  \n", "前后空白"),
    ],
)
def test_join_lines_never_puts_spaces_into_chinese(raw: str, joined: str) -> None:
    assert join_lines(raw) == joined


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("报告如下:", "报告如下："),
        ("各村(社区)两委", "各村（社区）两委"),
        ("一是,二是;三是", "一是，二是；三是"),
        ("增长3.5%,共1.2万元.", "增长3.5%，共1.2万元。"),
        ("时间12:30开会", "时间12:30开会"),
        ("荷叶-清潭-王钊溪", "荷叶—清潭—王钊溪"),
        ('打造"网红"产品', "打造“网红”产品"),
        ("1.加强领导", "1.加强领导"),
        ("version 1.2, beta", "version 1.2, beta"),
    ],
)
def test_full_width_punctuation_next_to_chinese(raw: str, printed: str) -> None:
    assert full_width(raw) == printed


def test_prose_joins_after_converting_punctuation() -> None:
    assert prose("进行;\n 1.5万元") == "进行；1.5万元"


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("增长3%,\n使用APP,\n成效明显。", "增长3%，使用APP，成效明显。"),
        ("进行;\n 1.5万元", "进行；1.5万元"),
        ("报告如下:\n", "报告如下："),
    ],
)
def test_punctuation_at_a_line_end_is_converted_once_lines_are_joined(
    raw: str, printed: str
) -> None:
    assert prose(raw) == printed

from __future__ import annotations

import pytest

from zsdreport.document.numbering import MAX_NUMBER, chinese, marker, ordinal_point


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (1011, "一千零一十一"),  # 一十 after 零, as written in full
        (9999, "九千九百九十九"),
    ],
)
def test_chinese_numerals(n: int, expected: str) -> None:
    assert chinese(n) == expected


@pytest.mark.parametrize("n", [0, -1, MAX_NUMBER + 1])
def test_chinese_numerals_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        chinese(n)


def test_markers_per_level() -> None:
    assert [marker(1, n) for n in (1, 11, 20, 99)] == ["一、", "十一、", "二十、", "九十九、"]
    assert [marker(2, n) for n in (1, 10, 12)] == ["（一）", "（十）", "（十二）"]
    assert [marker(3, n) for n in (1, 2, 10)] == ["1.", "2.", "10."]
    assert [marker(4, n) for n in (1, 12)] == ["（1）", "（12）"]
    assert [ordinal_point(n) for n in (1, 2, 10)] == ["一是", "二是", "十是"]
    with pytest.raises(ValueError):
        marker(5, 1)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1011, "一千零一十一"), (1100, "一千一百"), (2020, "二千零二十"), (9999, "九千九百九十九")],
)
def test_a_zero_is_said_once_and_only_before_the_next_digit(n: int, expected: str) -> None:
    assert chinese(n) == expected


def test_out_of_range_errors_name_the_value() -> None:
    with pytest.raises(ValueError, match="out of range: 10000"):
        chinese(10000)
    with pytest.raises(ValueError, match="no outline level 5"):
        marker(5, 1)

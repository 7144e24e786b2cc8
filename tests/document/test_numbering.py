from __future__ import annotations

import pytest

from zsdreport.document.numbering import chinese, marker, ordinal_point


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
    ],
)
def test_chinese_numerals(n: int, expected: str) -> None:
    assert chinese(n) == expected


@pytest.mark.parametrize("n", [0, -1, 10000])
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

"""Edges of the formula language: precedence of signs, spans of messages, working limits."""

from __future__ import annotations

from fractions import Fraction

import pytest

from zsdreport.figures.figure import round_half_up
from zsdreport.figures.formula import MAX_MAGNITUDE, FormulaError, evaluate

LIMIT = 10**200  # formula._MAX_WORKING
VALUES = {"a": Fraction(0), "b": Fraction(7), "x": Fraction(3), "huge": Fraction(LIMIT)}


def _value(formula: str, **values: Fraction) -> Fraction:
    return evaluate(formula, {**VALUES, **values}.__getitem__)


def _refusal(formula: str, **values: Fraction) -> tuple[str, int | None, int]:
    with pytest.raises(FormulaError) as error:
        _value(formula, **values)
    return str(error.value), error.value.offset, error.value.width


@pytest.mark.parametrize(
    ("formula", "refusal"),
    [
        # A sign binds tighter than * and /: the divisor is "-a", not "-a * b".
        ("x / -a * b", ("公式中的除数 -a 为 0，无法计算", 4, 2)),
        ("x / +a * b", ("公式中的除数 +a 为 0，无法计算", 4, 2)),
        ("x / --a * b", ("公式中的除数 --a 为 0，无法计算", 4, 3)),
        # Only a divisor wholly in brackets loses them in the message.
        ("x / -(a * 1)", ("公式中的除数 -(a * 1) 为 0，无法计算", 4, 8)),
        ("x / （ a ）", ("公式中的除数 a 为 0，无法计算", 4, 5)),
        ("x / a", ("公式中的除数 a 为 0，无法计算", 4, 1)),
    ],
)
def test_the_divisor_named_in_the_message_is_the_one_that_is_zero(
    formula: str, refusal: tuple[str, int, int]
) -> None:
    assert _refusal(formula) == refusal


def test_signs_apply_to_the_next_operand_only() -> None:
    assert _value("-x - b") == -10
    assert _value("-x * b + 1") == -20
    assert _value("+x - b") == -4
    assert _value("- -x") == 3
    assert _value("b - -x * 2") == 13


@pytest.mark.parametrize(
    ("formula", "refusal"),
    [
        ("x * ()", ("括号里没有内容：请写算式或删除这对括号", 4, 2)),
        ("x + )", ("“+”后面缺少数字或指标", 2, 1)),
        ("x * (b - )", ("“-”后面缺少数字或指标", 7, 1)),
        ("(* x", ("“*”前面缺少数字或指标", 1, 1)),
        ("x - (/ b)", ("“/”前面缺少数字或指标", 5, 1)),
        ("x * / b", ("运算符“*”和“/”连在一起：中间缺少数字或指标", 2, 3)),
        ("x ÷ × b", ("运算符“÷”和“×”连在一起：中间缺少数字或指标", 2, 3)),
        ("x - ", ("公式在“-”后面缺少数字或指标", 2, 1)),
        ("(", ("公式在“(”后面缺少数字或指标", 0, 1)),
        ("b X 100", ("“X”不是乘号：乘号请写 * 或 ×", 2, 1)),
        ("b x 100", ("“x”不是乘号：乘号请写 * 或 ×", 2, 1)),
        ("b prev.x", ("“prev.x”前面缺少运算符（+ - * /）", 2, 6)),
        ("b xy", ("“xy”前面缺少运算符（+ - * /）", 2, 2)),
        ("b 2", ("“2”前面缺少运算符（+ - * /）", 2, 1)),
        ("b （x）", ("“（”前面缺少运算符：乘法也要写出 *，如 2 * (a + b)", 2, 1)),
        ("x) + (b", ("多余的“)”：前面没有对应的“(”", 1, 1)),
        ("（x", ("“（”没有对应的“）”：请补上或删除", 0, 1)),
        ("x + (b", ("“(”没有对应的“)”：请补上或删除", 4, 1)),
    ],
)
def test_a_missing_piece_is_named_where_it_is_missing(
    formula: str, refusal: tuple[str, int, int]
) -> None:
    assert _refusal(formula) == refusal


def test_the_working_limit_is_reached_at_exactly_ten_to_the_two_hundred() -> None:
    message = "公式的中间结果过大：请检查公式和用到的数值"
    assert _refusal("1 + huge * 1") == (message, 4, 8)
    assert _refusal("0 - huge") == (message, 0, 8)
    assert _refusal("1 + 1 / huge") == (message, 4, 8)
    # Just below the limit the intermediate result is accepted (and only the result is checked).
    below = Fraction(LIMIT - 1)
    assert _refusal("1 * huge", huge=below) == ("公式的结果过大：请检查公式和用到的数值", 0, 8)
    assert _value("1 / huge", huge=below) == Fraction(1, LIMIT - 1)


def test_the_result_limit_holds_for_negative_results_and_is_inclusive() -> None:
    message = ("公式的结果过大：请检查公式和用到的数值", 0, 8)
    assert _refusal("0 - huge", huge=Fraction(MAX_MAGNITUDE)) == message
    assert _refusal("huge * 1", huge=Fraction(MAX_MAGNITUDE)) == message
    assert _value("huge * 1", huge=Fraction(MAX_MAGNITUDE - 1)) == MAX_MAGNITUDE - 1


@pytest.mark.parametrize(
    ("value", "digits", "rounded"),
    [
        (Fraction(5, 2), 0, "3"),
        (Fraction(35, 2), 0, "18"),
        (Fraction(-35, 2), 0, "-18"),
        (Fraction(1049, 100), 1, "10.5"),
        (Fraction(-3, 10), 0, "0"),
        (Fraction(0), 1, "0.0"),
    ],
)
def test_rounding_half_up_keeps_the_whole_part(value: Fraction, digits: int, rounded: str) -> None:
    assert str(round_half_up(value, digits)) == rounded

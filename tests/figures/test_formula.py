from __future__ import annotations

from decimal import Decimal

import pytest

from zsdreport.figures.figure import format_value
from zsdreport.figures.formula import FormulaError, evaluate, formula_names

VALUES = {"done": Decimal(566), "handled": Decimal(568), "zero": Decimal(0), "a": Decimal(1)}


@pytest.mark.parametrize(
    ("value", "digits", "printed"),
    [
        ("35.1442", None, "35.1442"),
        ("29.70", None, "29.70"),  # as typed: a trailing zero is kept
        ("99.64788732394366197183098592", 1, "99.6"),
        ("0.05", 1, "0.1"),  # half up, not banker's rounding
        ("0.25", 1, "0.3"),
        ("-0.001", 2, "0.00"),  # never "-0.00"
        ("-0", None, "0"),
        ("1E+3", None, "1000"),  # never an exponent
    ],
)
def test_format_value(value: str, digits: int | None, printed: str) -> None:
    assert format_value(Decimal(value), digits) == printed


def test_evaluate_is_exact_decimal_arithmetic() -> None:
    result = evaluate("done / handled * 100", VALUES.__getitem__)
    assert format_value(result, 1) == "99.6"
    assert evaluate("(a + 0.1) * 3", VALUES.__getitem__) == Decimal("3.3")
    assert formula_names("done / handled * 100") == ["done", "handled"]


@pytest.mark.parametrize(
    ("formula", "message"),
    [
        ("done / zero", "公式中的除数 zero 为 0，无法计算"),
        ("done / (a - 1)", "公式中的除数 a - 1 为 0，无法计算"),
        ("True * 2", "公式“True * 2”只能用指标标识、数字、+ - * / 和括号"),
        ("done ** 2", "公式“done ** 2”只能用指标标识、数字、+ - * / 和括号"),
        ("__import__('os')", "公式“__import__('os')”只能用指标标识、数字、+ - * / 和括号"),
        ("done * 1e999", "公式“done * 1e999”的结果过大：请检查公式和用到的数值"),
        ("1e999 - 1e999", "公式“1e999 - 1e999”无法计算（数值过大或无效）"),
        ("done * 1e20", "公式“done * 1e20”的结果过大：请检查公式和用到的数值"),
        ("done +", "公式“done +”写法有误"),
    ],
)
def test_bad_formulas_say_why_in_chinese(formula: str, message: str) -> None:
    with pytest.raises(FormulaError) as error:
        evaluate(formula, VALUES.__getitem__)
    assert str(error.value) == message

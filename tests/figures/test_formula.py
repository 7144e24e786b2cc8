from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from zsdreport.figures import tokens
from zsdreport.figures.figure import format_value, round_half_up
from zsdreport.figures.formula import MAX_MAGNITUDE, FormulaError, evaluate, formula_names, parse

VALUES = {
    "done": Fraction(566),
    "handled": Fraction(568),
    "zero": Fraction(0),
    "a": Fraction(1),
    "big": Fraction(10**14),
}


def _value(formula: str) -> Fraction:
    return evaluate(formula, VALUES.__getitem__)


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


@pytest.mark.parametrize(
    ("value", "digits", "rounded"),
    [
        (Fraction(566 * 100, 568), 1, "99.6"),
        (Fraction(1, 20), 1, "0.1"),
        (Fraction(-1, 20), 1, "-0.1"),  # half away from zero
        (Fraction(1, 3), 2, "0.33"),
        (Fraction(2, 3), 0, "1"),
        (Fraction(-1, 1000), 2, "0.00"),
        (Fraction(5), 2, "5.00"),
    ],
)
def test_round_half_up_rounds_the_exact_value_once(
    value: Fraction, digits: int, rounded: str
) -> None:
    assert format_value(round_half_up(value, digits), digits) == rounded


@pytest.mark.parametrize(
    ("formula", "value"),
    [
        ("done / handled * 100", Fraction(56600, 568)),
        ("(a + 0.1) * 3", Fraction(33, 10)),
        ("0.1 + 0.2 - 0.3", Fraction(0)),  # exact: no float or decimal residue
        ("big + 0.000000000000001 - big", Fraction(1, 10**15)),  # cancellation keeps every digit
        ("1 / 3 * 3", Fraction(1)),
        ("1 + 2 * 3", Fraction(7)),  # * before +
        ("(1 + 2) * 3", Fraction(9)),
        ("10 - 4 - 3", Fraction(3)),  # left to right
        ("8 / 2 / 2", Fraction(2)),
        ("-a * 2", Fraction(-2)),
        ("2 * -a", Fraction(-2)),
        ("2 - -3", Fraction(5)),
        ("- -a", Fraction(1)),
        ("-(a + 1) * 2", Fraction(-4)),
        ("+a", Fraction(1)),
        ("（a ＋ 1）× 3 ÷ 2", Fraction(3)),  # the full-width forms an input method types
        ("done － a", Fraction(565)),
        ("done − a", Fraction(565)),  # U+2212 MINUS SIGN
        ("３ ＊ ２ ／ ４", Fraction(3, 2)),
        ("done\u3000/\u3000handled", Fraction(566, 568)),
    ],
)
def test_evaluate_is_exact_rational_arithmetic(formula: str, value: Fraction) -> None:
    assert _value(formula) == value


def test_names_are_listed_in_order_with_their_scope() -> None:
    assert formula_names("done / handled * 100") == ["done", "handled"]
    names = parse("prev.done + 上期.done + done").names
    assert [(n.scope, n.id, n.qualified) for n in names] == [
        ("prev", "done", "prev.done"),
        ("上期", "done", "上期.done"),
        (None, "done", "done"),
    ]
    assert [(n.offset, n.width) for n in names] == [(0, 9), (12, 7), (22, 4)]


def test_the_lookup_receives_qualified_names() -> None:
    seen: list[str] = []

    def lookup(name: str) -> Fraction:
        seen.append(name)
        return Fraction(2)

    assert evaluate("prev.done * done", lookup) == 4
    assert seen == ["prev.done", "done"]


def test_deep_brackets_and_long_sums_need_no_recursion(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "MAX_LENGTH", 10**6)
    deep = "(" * 50_000 + "a" + ")" * 50_000
    assert _value(deep) == 1
    negated = "-" * 50_001 + "a"
    assert _value(negated) == -1
    assert _value(" + ".join(["a"] * 20_000)) == 20_000


def test_a_formula_within_the_limit_is_read_and_a_longer_one_is_refused() -> None:
    limit = tokens.MAX_LENGTH
    nested = "(" * ((limit - 1) // 2) + "a" + ")" * ((limit - 1) // 2)
    assert _value(nested) == 1
    with pytest.raises(FormulaError) as error:
        _value(" + ".join(["a"] * 10_000))
    assert str(error.value) == (
        f"公式过长（39997 个字符，最多 {limit} 个）：请拆成几个指标分步计算"
    )


def test_a_huge_literal_is_refused_before_python_reads_it() -> None:
    with pytest.raises(FormulaError) as error:
        _value("a * " + "9" * 1000)
    assert str(error.value) == "数字过长（最多 30 位）：请检查是否多打了数字"
    assert (error.value.offset, error.value.width) == (4, 1000)
    assert _value("0." + "0" * 27 + "1") == Fraction(1, 10**28)


@pytest.mark.parametrize(
    ("formula", "message", "offset", "width"),
    [
        ("done / zero", "公式中的除数 zero 为 0，无法计算", 7, 4),
        ("done / (a - 1)", "公式中的除数 a - 1 为 0，无法计算", 7, 7),
        ("done / （a - 1）", "公式中的除数 a - 1 为 0，无法计算", 7, 7),
        ("done * 1e999", "数字“1e999”用了科学记数法：公式中的数字请直接写出，如 1000", 7, 5),
        ("done * 1e20", "数字“1e20”用了科学记数法：公式中的数字请直接写出，如 1000", 7, 4),
        ("big * 10", "公式的结果过大：请检查公式和用到的数值", 0, 8),
        ("done +", "公式在“+”后面缺少数字或指标", 5, 1),
        ("", "公式是空的：请写算式，如 done / handled * 100", 0, 1),
        ("  ", "公式是空的：请写算式，如 done / handled * 100", 0, 2),
        (
            "done # / handled * 100",
            "公式中不能写“#”（它不是注释）：请删除“#”及后面的说明，说明可写在 note 中",
            5,
            17,
        ),
        (
            "done / handled * 100%",
            "公式末尾不要写“%”：百分比写成 … * 100，单位“%”写在 unit 中",
            20,
            1,
        ),
        ("done % handled", "公式中不能用“%”：百分比写成 … * 100，单位“%”写在 unit 中", 5, 1),
        (
            "rate = done / handled",
            "公式中不要写“=”：只写等号右边的算式，如 done / handled * 100",
            5,
            1,
        ),
        ("1,203 - done", "数值不要写千位分隔符，写 1203", 1, 1),
        ("1,234,567 - done", "数值不要写千位分隔符，写 1234567", 1, 1),
        ("done, handled", "公式中不能有“,”：公式只能用指标标识、数字、+ - * / 和括号", 4, 1),
        ("[done + a] * 2", "公式中不能用“[”：分组只用圆括号 ( ) 或（ ）", 0, 1),
        ("［done + a］", "公式中不能用“［”：分组只用圆括号 ( ) 或（ ）", 0, 1),
        ("{done}", "公式中不能用“{”：分组只用圆括号 ( ) 或（ ）", 0, 1),
        ("done ** 2", "公式不支持乘方“**”：请写成连乘，如 a * a", 5, 2),
        ("done ^ 2", "公式不支持乘方“^”：请写成连乘，如 a * a", 5, 1),
        ("done x 100", "“x”不是乘号：乘号请写 * 或 ×", 5, 1),
        ("done · 100", "“·”不是乘号：乘号请写 * 或 ×", 5, 1),
        ("done — a", "“—”不是减号：减号请写 - 或 －", 5, 1),
        ("done \\ a", "“\\”不是除号：除号请写 / 或 ÷", 5, 1),
        ("010 + a", "数字“010”不能以 0 开头（是否想写 10？）", 0, 3),
        ("00.5 + a", "数字“00.5”不能以 0 开头（是否想写 0.5？）", 0, 4),
        ("1. + a", "数字“1.”的小数点后面缺少数字：请写 1", 0, 2),
        (".5 + a", "数字“.5”前面缺少 0：请写 0.5", 0, 2),
        (
            "3done",
            "“3done”写法有误：指标标识要以字母开头，数字和标识之间要写运算符（如 3 * done）",
            0,
            5,
        ),
        ("办结事项 / a", "公式中要写指标的标识（英文，如 done），不能写“办结事项”", 0, 4),
        ("ｄone", "“ｄ”是全角字符：标识请用半角小写字母、数字和下划线", 0, 1),
        ("(done", "“(”没有对应的“)”：请补上或删除", 0, 1),
        ("（done", "“（”没有对应的“）”：请补上或删除", 0, 1),
        ("done)", "多余的“)”：前面没有对应的“(”", 4, 1),
        (")done", "多余的“)”：前面没有对应的“(”", 0, 1),
        ("()", "括号里没有内容：请写算式或删除这对括号", 0, 2),
        ("done handled", "“handled”前面缺少运算符（+ - * /）", 5, 7),
        ("2 (a)", "“(”前面缺少运算符：乘法也要写出 *，如 2 * (a + b)", 2, 1),
        ("* done", "“*”前面缺少数字或指标", 0, 1),
        ("done + * a", "运算符“+”和“*”连在一起：中间缺少数字或指标", 5, 3),
        (
            "done\u200b+ a",
            "公式中不能有 U+200B（ZERO WIDTH SPACE）：公式只能用指标标识、数字、+ - * / 和括号",
            4,
            1,
        ),
        ("__import__('os')", "公式中不能有“'”：公式只能用指标标识、数字、+ - * / 和括号", 11, 1),
    ],
)
def test_bad_formulas_say_why_and_where(
    formula: str, message: str, offset: int, width: int
) -> None:
    with pytest.raises(FormulaError) as error:
        _value(formula)
    assert (str(error.value), error.value.offset, error.value.width) == (message, offset, width)


def test_the_magnitude_limit_is_a_thousand_trillion() -> None:
    assert _value("big * 9.99") < MAX_MAGNITUDE
    with pytest.raises(FormulaError):
        _value("big * 10")


def test_intermediate_results_cannot_grow_without_bound() -> None:
    with pytest.raises(FormulaError) as error:
        _value(" * ".join(["99999999999999"] * 20) + " / big")
    assert str(error.value) == "公式的中间结果过大：请检查公式和用到的数值"

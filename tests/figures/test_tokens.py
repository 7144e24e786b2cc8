"""The words of the formula language: exact tokens, limits and the message for every refusal."""

from __future__ import annotations

from fractions import Fraction

import pytest

from zsdreport.figures.tokens import MAX_DIGITS, MAX_LENGTH, MAX_NAME, FormulaError, Token, tokenize


def _words(formula: str) -> list[tuple[str, int, int, str]]:
    return [(t.kind, t.start, t.end, t.text) for t in tokenize(formula)]


def _refusal(formula: str) -> tuple[str, int | None, int]:
    with pytest.raises(FormulaError) as error:
        tokenize(formula)
    return str(error.value), error.value.offset, error.value.width


def test_full_width_operators_and_brackets_are_the_ascii_tokens() -> None:
    assert _words("a＋b－c×d÷e（f）−g＊h／i") == [
        ("name", 0, 1, "a"),
        ("+", 1, 2, "＋"),
        ("name", 2, 3, "b"),
        ("-", 3, 4, "－"),
        ("name", 4, 5, "c"),
        ("*", 5, 6, "×"),
        ("name", 6, 7, "d"),
        ("/", 7, 8, "÷"),
        ("name", 8, 9, "e"),
        ("(", 9, 10, "（"),
        ("name", 10, 11, "f"),
        (")", 11, 12, "）"),
        ("-", 12, 13, "−"),
        ("name", 13, 14, "g"),
        ("*", 14, 15, "＊"),
        ("name", 15, 16, "h"),
        ("/", 16, 17, "／"),
        ("name", 17, 18, "i"),
        ("end", 18, 18, ""),
    ]


def test_spaces_of_every_kind_separate_tokens() -> None:
    assert _words(" a\t+\r\n\u3000b ") == [
        ("name", 1, 2, "a"),
        ("+", 3, 4, "+"),
        ("name", 7, 8, "b"),
        ("end", 9, 9, ""),
    ]


def test_numbers_keep_their_typed_text_and_exact_value() -> None:
    words = tokenize("１２．５ + 0.25 * 7 - 0")
    assert [(t.kind, t.start, t.end, t.text, t.value) for t in words] == [
        ("number", 0, 4, "１２．５", Fraction(25, 2)),
        ("+", 5, 6, "+", None),
        ("number", 7, 11, "0.25", Fraction(1, 4)),
        ("*", 12, 13, "*", None),
        ("number", 14, 15, "7", Fraction(7)),
        ("-", 16, 17, "-", None),
        ("number", 18, 19, "0", Fraction(0)),
        ("end", 19, 19, "", None),
    ]


def test_a_number_may_end_the_formula_or_touch_a_bracket() -> None:
    assert tokenize("(10)")[1] == Token("number", 1, 3, "10", Fraction(10))
    assert tokenize("2.5")[0] == Token("number", 0, 3, "2.5", Fraction(5, 2))


def test_names_are_ascii_words_with_digits_and_underscores() -> None:
    assert tokenize("_a1_b2+c")[0] == Token("name", 0, 6, "_a1_b2")
    assert tokenize("Done")[0] == Token("name", 0, 4, "Done")


@pytest.mark.parametrize(
    ("formula", "token"),
    [
        ("prev.done", Token("name", 0, 9, "done", scope="prev")),
        ("上期.done", Token("name", 0, 7, "done", scope="上期")),
        ("上期．done", Token("name", 0, 7, "done", scope="上期")),
        ("prev._x", Token("name", 0, 7, "_x", scope="prev")),
    ],
)
def test_a_scoped_name_is_one_token(formula: str, token: Token) -> None:
    assert tokenize(formula) == [token, Token("end", len(formula), len(formula))]


def test_a_point_not_followed_by_an_id_is_not_a_scope() -> None:
    assert _refusal("prev.") == ("公式中不能有“.”：公式只能用指标标识、数字、+ - * / 和括号", 4, 1)
    assert _refusal("prev.上期") == (
        "公式中不能有“.”：公式只能用指标标识、数字、+ - * / 和括号",
        4,
        1,
    )
    assert _refusal("prev.5") == ("数字“.5”前面缺少 0：请写 0.5", 4, 2)


def test_a_cjk_word_ends_at_the_first_ascii_letter() -> None:
    assert _refusal("办结a") == ("公式中要写指标的标识（英文，如 done），不能写“办结”", 0, 2)
    assert _refusal("a + 上期") == ("公式中要写指标的标识（英文，如 done），不能写“上期”", 4, 2)


def test_the_length_limit_is_inclusive() -> None:
    longest = "a" + " " * (MAX_LENGTH - 1)
    assert tokenize(longest)[-1] == Token("end", MAX_LENGTH, MAX_LENGTH)
    assert _refusal(longest + " ") == (
        f"公式过长（{MAX_LENGTH + 1} 个字符，最多 {MAX_LENGTH} 个）：请拆成几个指标分步计算",
        None,
        1,
    )


def test_the_digit_limit_counts_digits_not_the_point() -> None:
    assert tokenize("9" * MAX_DIGITS)[0].value == Fraction(10**MAX_DIGITS - 1)
    assert tokenize("1." + "0" * (MAX_DIGITS - 1))[0].value == Fraction(1)
    assert _refusal("9" * (MAX_DIGITS + 1)) == (
        f"数字过长（最多 {MAX_DIGITS} 位）：请检查是否多打了数字",
        0,
        MAX_DIGITS + 1,
    )
    assert _refusal("1." + "0" * MAX_DIGITS)[1:] == (0, MAX_DIGITS + 2)


def test_the_name_limit_covers_the_id_and_the_scope() -> None:
    assert tokenize("a" * MAX_NAME)[0].text == "a" * MAX_NAME
    assert tokenize("p" * MAX_NAME + ".a")[0].scope == "p" * MAX_NAME
    message = f"标识过长（最多 {MAX_NAME} 个字符）"
    assert _refusal("a" * (MAX_NAME + 1)) == (message, 0, MAX_NAME + 1)
    assert _refusal("x + " + "p" * (MAX_NAME + 1) + ".a") == (message, 4, MAX_NAME + 3)
    assert _refusal("p." + "a" * (MAX_NAME + 1)) == (message, 0, MAX_NAME + 3)


@pytest.mark.parametrize(
    ("formula", "refusal"),
    [
        ("a ×* b", ("公式不支持乘方“**”：请写成连乘，如 a * a", 2, 2)),
        ("a**", ("公式不支持乘方“**”：请写成连乘，如 a * a", 1, 2)),
        (
            "1X",
            ("“1X”写法有误：指标标识要以字母开头，数字和标识之间要写运算符（如 3 * done）", 0, 2),
        ),
        ("1,2345 a", ("数值不要写千位分隔符，写 12345", 1, 1)),
        ("1,234X", ("数值不要写千位分隔符，写 1234", 1, 1)),
        ("a ＊＊ b", ("公式不支持乘方“**”：请写成连乘，如 a * a", 2, 2)),
        ("a *＊b", ("公式不支持乘方“**”：请写成连乘，如 a * a", 2, 2)),
        ("1E3", ("数字“1E3”用了科学记数法：公式中的数字请直接写出，如 1000", 0, 3)),
        ("a+1.5e3", ("数字“1.5e3”用了科学记数法：公式中的数字请直接写出，如 1000", 2, 5)),
        ("1.e3", ("数字“1.e3”用了科学记数法：公式中的数字请直接写出，如 1000", 0, 4)),
        (
            "a+12ab",
            ("“12ab”写法有误：指标标识要以字母开头，数字和标识之间要写运算符（如 3 * done）", 2, 4),
        ),
        (
            "1_a",
            ("“1_a”写法有误：指标标识要以字母开头，数字和标识之间要写运算符（如 3 * done）", 0, 3),
        ),
        (
            "3f",
            ("“3f”写法有误：指标标识要以字母开头，数字和标识之间要写运算符（如 3 * done）", 0, 2),
        ),
        ("a + ．5", ("数字“．5”前面缺少 0：请写 0.5", 4, 2)),
        ("a + 1.", ("数字“1.”的小数点后面缺少数字：请写 1", 4, 2)),
        ("a + １２．", ("数字“１２．”的小数点后面缺少数字：请写 12", 4, 3)),
        ("00", ("数字“00”不能以 0 开头（是否想写 0？）", 0, 2)),
        ("a+007", ("数字“007”不能以 0 开头（是否想写 7？）", 2, 3)),
        ("０１", ("数字“０１”不能以 0 开头（是否想写 1？）", 0, 2)),
        ("1,23", ("公式中不能有“,”：公式只能用指标标识、数字、+ - * / 和括号", 1, 1)),
        ("1,2ab", ("公式中不能有“,”：公式只能用指标标识、数字、+ - * / 和括号", 1, 1)),
        ("a,123", ("公式中不能有“,”：公式只能用指标标识、数字、+ - * / 和括号", 1, 1)),
        ("1 ,234", ("公式中不能有“,”：公式只能用指标标识、数字、+ - * / 和括号", 2, 1)),
        (",123", ("公式中不能有“,”：公式只能用指标标识、数字、+ - * / 和括号", 0, 1)),
        ("a、b", ("公式中不能有“、”：公式只能用指标标识、数字、+ - * / 和括号", 1, 1)),
        ("1，２３４ + a", ("数值不要写千位分隔符，写 1234", 1, 1)),
        ("12,345,678", ("数值不要写千位分隔符，写 12345678", 2, 1)),
        ("1,2345", ("数值不要写千位分隔符，写 12345", 1, 1)),
        ("a %  ", ("公式末尾不要写“%”：百分比写成 … * 100，单位“%”写在 unit 中", 2, 1)),
        (
            "a %\xa0",
            ("公式中不能用“%”：百分比写成 … * 100，单位“%”写在 unit 中", 2, 1),
        ),
        ("a ％ b", ("公式中不能用“％”：百分比写成 … * 100，单位“%”写在 unit 中", 2, 1)),
        ("a％", ("公式末尾不要写“％”：百分比写成 … * 100，单位“%”写在 unit 中", 1, 1)),
        (
            "a ＃ x",
            ("公式中不能写“＃”（它不是注释）：请删除“＃”及后面的说明，说明可写在 note 中", 2, 3),
        ),
        ("a＝b", ("公式中不要写“＝”：只写等号右边的算式，如 done / handled * 100", 1, 1)),
        ("<a>", ("公式中不能用“<”：分组只用圆括号 ( ) 或（ ）", 0, 1)),
        ("a 【b】", ("公式中不能用“【”：分组只用圆括号 ( ) 或（ ）", 2, 1)),
        ("a 〉", ("公式中不能用“〉”：分组只用圆括号 ( ) 或（ ）", 2, 1)),
        ("a•b", ("“•”不是乘号：乘号请写 * 或 ×", 1, 1)),
        ("a ✖ b", ("“✖”不是乘号：乘号请写 * 或 ×", 2, 1)),
        ("a – b", ("“–”不是减号：减号请写 - 或 －", 2, 1)),
        ("a ‑ b", ("“‑”不是减号：减号请写 - 或 －", 2, 1)),
        ("a ＼ b", ("“＼”不是除号：除号请写 / 或 ÷", 2, 1)),
        ("a^2", ("公式不支持乘方“^”：请写成连乘，如 a * a", 1, 1)),
        ("a！", ("“！”是全角字符：标识请用半角小写字母、数字和下划线", 1, 1)),
        ("a～", ("“～”是全角字符：标识请用半角小写字母、数字和下划线", 1, 1)),
        ("ａ", ("“ａ”是全角字符：标识请用半角小写字母、数字和下划线", 0, 1)),
        (
            "a\xa0+ b",
            (
                "公式中不能有 U+00A0（NO-BREAK SPACE）：公式只能用指标标识、数字、+ - * / 和括号",
                1,
                1,
            ),
        ),
        ("a;", ("公式中不能有“;”：公式只能用指标标识、数字、+ - * / 和括号", 1, 1)),
        ("Ü", ("公式中不能有“Ü”：公式只能用指标标识、数字、+ - * / 和括号", 0, 1)),
    ],
)
def test_every_refusal_says_what_to_write_instead(
    formula: str, refusal: tuple[str, int, int]
) -> None:
    assert _refusal(formula) == refusal


def test_a_lone_times_sign_at_the_end_is_a_token() -> None:
    assert _words("2*X") == [
        ("number", 0, 1, "2"),
        ("*", 1, 2, "*"),
        ("name", 2, 3, "X"),
        ("end", 3, 3, ""),
    ]
    assert _words("a *") == [("name", 0, 1, "a"), ("*", 2, 3, "*"), ("end", 3, 3, "")]
    assert _words("a ×") == [("name", 0, 1, "a"), ("*", 2, 3, "×"), ("end", 3, 3, "")]


def test_a_point_before_a_digit_starts_a_number_and_a_lone_point_is_refused() -> None:
    assert _refusal(". 5") == ("公式中不能有“.”：公式只能用指标标识、数字、+ - * / 和括号", 0, 1)
    assert _refusal("a.") == ("公式中不能有“.”：公式只能用指标标识、数字、+ - * / 和括号", 1, 1)


def test_the_width_of_an_error_is_at_least_one() -> None:
    assert FormulaError("x", 3, 0).width == 1
    assert FormulaError("x", 3, 4).width == 4
    assert FormulaError("x").offset is None

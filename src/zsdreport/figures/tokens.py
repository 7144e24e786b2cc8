"""The words of the formula language: numbers, metric names, operators and brackets.

Full-width forms an input method types are the same token as their ASCII form: ＋ － × ÷ （ ）
and full-width digits. Everything else is refused with a message saying what to write instead.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal, NamedTuple

from zsdreport.load.encoding import describe_char
from zsdreport.text import is_cjk

MAX_LENGTH = 2000
"""Characters in one formula; real ones are under a hundred, so more is a pasted mistake."""
MAX_DIGITS = 30
"""Digits in one number of a formula (integer and decimal part together)."""
MAX_NAME = 100
"""Characters in one metric name of a formula."""

Kind = Literal["number", "name", "+", "-", "*", "/", "(", ")", "end"]

_SAME = {
    "+": "+",
    "＋": "+",
    "-": "-",
    "−": "-",
    "－": "-",
    "*": "*",
    "×": "*",
    "＊": "*",
    "/": "/",
    "÷": "/",
    "／": "/",
    "(": "(",
    "（": "(",
    ")": ")",
    "）": ")",
}
_DIGITS = "0123456789０１２３４５６７８９"
_TO_ASCII = str.maketrans("０１２３４５６７８９．", "0123456789.")
_POINTS = ".．"
_SPACES = " \t\r\n\u3000"
_OTHER_BRACKETS = "[]［］{}｛｝【】〔〕<>《》〈〉"
_TIMES_LOOKALIKES = "·•∙⋅✕✖"
_DASHES = "–—―‐‑"
_PERCENT = "%％"
_HINT = "公式只能用指标标识、数字、+ - * / 和括号"


class FormulaError(ValueError):
    """A formula that cannot be read or evaluated; the message is for users.

    ``offset`` and ``width`` point at the characters of the formula the message is about.
    """

    def __init__(self, message: str, offset: int | None = None, width: int = 1) -> None:
        super().__init__(message)
        self.offset = offset
        self.width = max(1, width)


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class Token(NamedTuple):
    """One word of a formula and where it stands (offsets into the formula text)."""

    kind: Kind
    start: int
    end: int
    text: str = ""
    value: Fraction | None = None
    scope: str | None = None


def tokenize(formula: str) -> list[Token]:
    """Split ``formula`` into tokens ending with an ``end`` token; raise FormulaError at a bad one."""
    if len(formula) > MAX_LENGTH:
        raise FormulaError(
            f"公式过长（{len(formula)} 个字符，最多 {MAX_LENGTH} 个）：请拆成几个指标分步计算"
        )
    tokens: list[Token] = []
    i, n = 0, len(formula)
    while i < n:
        ch = formula[i]
        if ch in _SPACES:
            i += 1
        elif ch in _SAME:
            if ch in "*×＊" and i + 1 < n and formula[i + 1] in "*＊":
                raise FormulaError("公式不支持乘方“**”：请写成连乘，如 a * a", i, 2)
            tokens.append(Token(_SAME[ch], i, i + 1, ch))  # type: ignore[arg-type]
            i += 1
        elif ch in _DIGITS or (ch in _POINTS and i + 1 < n and formula[i + 1] in _DIGITS):
            token = _number(formula, i)
            tokens.append(token)
            i = token.end
        elif _is_id_start(ch) or _is_cjk_letter(ch):
            token = _name(formula, i)
            tokens.append(token)
            i = token.end
        else:
            raise _unexpected(formula, i, tokens)
    tokens.append(Token("end", n, n))
    return tokens


def _number(formula: str, start: int) -> Token:
    i, n = start, len(formula)
    while i < n and formula[i] in _DIGITS:
        i += 1
    whole = i
    if i < n and formula[i] in _POINTS:
        i += 1
        while i < n and formula[i] in _DIGITS:
            i += 1
    end = i
    while i < n and (formula[i].isalnum() or formula[i] in "_"):
        i += 1
    typed = formula[start:i]
    if i > end:
        if formula[end] in "eE" and typed[: end - start].strip(_POINTS):
            raise FormulaError(
                f"数字“{typed}”用了科学记数法：公式中的数字请直接写出，如 1000", start, i - start
            )
        raise FormulaError(
            f"“{typed}”写法有误：指标标识要以字母开头，数字和标识之间要写运算符（如 3 * done）",
            start,
            i - start,
        )
    plain = typed.translate(_TO_ASCII)
    if plain.startswith("."):
        raise FormulaError(f"数字“{typed}”前面缺少 0：请写 0{plain}", start, end - start)
    if plain.endswith("."):
        raise FormulaError(
            f"数字“{typed}”的小数点后面缺少数字：请写 {plain[:-1]}", start, end - start
        )
    if len(plain) - ("." in plain) > MAX_DIGITS:
        raise FormulaError(
            f"数字过长（最多 {MAX_DIGITS} 位）：请检查是否多打了数字", start, end - start
        )
    if whole - start > 1 and plain[0] == "0":
        fixed = plain.lstrip("0")
        fixed = fixed if fixed and fixed[0] != "." else "0" + fixed
        raise FormulaError(f"数字“{typed}”不能以 0 开头（是否想写 {fixed}？）", start, end - start)
    return Token("number", start, end, typed, Fraction(plain))


def _name(formula: str, start: int) -> Token:
    scope = None
    i = _word_end(formula, start)
    if i < len(formula) and formula[i] in _POINTS and i + 1 < len(formula):
        after = formula[i + 1]
        if _is_id_start(after):
            # `prev.done`, `上期.done`: a metric of another period (see formula.Name).
            scope = formula[start:i]
            i = _word_end(formula, i + 1)
    text = formula[start:i]
    ident = text.split(".")[-1].split("．")[-1]
    if scope is None and not text.isascii():
        raise FormulaError(
            f"公式中要写指标的标识（英文，如 done），不能写“{text}”", start, i - start
        )
    if len(ident) > MAX_NAME or (scope is not None and len(scope) > MAX_NAME):
        raise FormulaError(f"标识过长（最多 {MAX_NAME} 个字符）", start, i - start)
    return Token("name", start, i, ident, scope=scope)


def _is_id_start(ch: str) -> bool:
    return ch.isascii() and (ch.isalpha() or ch == "_")


def _is_cjk_letter(ch: str) -> bool:
    # Full-width Latin letters are CJK by block but are mistyped ids, explained in _unexpected.
    return is_cjk(ch) and ch.isalpha() and not "\uff01" <= ch <= "\uff5e"


def _word_end(formula: str, i: int) -> int:
    cjk = _is_cjk_letter(formula[i])
    while i < len(formula):
        ch = formula[i]
        if not (_is_cjk_letter(ch) if cjk else ch.isascii() and (ch.isalnum() or ch == "_")):
            break
        i += 1
    return i


def _unexpected(formula: str, i: int, tokens: list[Token]) -> FormulaError:
    """Explain a character the language has no use for, with what to write instead."""
    ch = formula[i]
    if ch in _PERCENT:
        if not formula[i + 1 :].strip(_SPACES):
            return FormulaError(f"公式末尾不要写“{ch}”：百分比写成 … * 100，单位“%”写在 unit 中", i)
        return FormulaError(f"公式中不能用“{ch}”：百分比写成 … * 100，单位“%”写在 unit 中", i)
    if ch in "#＃":
        return FormulaError(
            f"公式中不能写“{ch}”（它不是注释）：请删除“{ch}”及后面的说明，说明可写在 note 中",
            i,
            len(formula) - i,
        )
    if ch in "=＝":
        return FormulaError(f"公式中不要写“{ch}”：只写等号右边的算式，如 done / handled * 100", i)
    if ch in ",，、":
        after = formula[i + 1 : i + 4]
        if tokens and tokens[-1].kind == "number" and tokens[-1].end == i and _three_digits(after):
            end = i
            while end < len(formula) and (formula[end] in _DIGITS or formula[end] in ",，"):
                end += 1
            typed = tokens[-1].text + formula[i:end]
            fixed = "".join(c for c in typed if c not in ",，").translate(_TO_ASCII)
            return FormulaError(f"数值不要写千位分隔符，写 {fixed}", i)
        return FormulaError(f"公式中不能有“{ch}”：{_HINT}", i)
    if ch in _OTHER_BRACKETS:
        return FormulaError(f"公式中不能用“{ch}”：分组只用圆括号 ( ) 或（ ）", i)
    if ch in _TIMES_LOOKALIKES:
        return FormulaError(f"“{ch}”不是乘号：乘号请写 * 或 ×", i)
    if ch in _DASHES:
        return FormulaError(f"“{ch}”不是减号：减号请写 - 或 －", i)
    if ch in "\\＼":
        return FormulaError(f"“{ch}”不是除号：除号请写 / 或 ÷", i)
    if ch in "^":
        return FormulaError("公式不支持乘方“^”：请写成连乘，如 a * a", i)
    if "\uff01" <= ch <= "\uff5e":
        return FormulaError(f"“{ch}”是全角字符：标识请用半角小写字母、数字和下划线", i)
    shown = f"“{ch}”" if ch.isprintable() and not ch.isspace() else describe_char(ch)
    return FormulaError(
        f"公式中不能有 {shown}：{_HINT}" if shown[0] == "U" else f"公式中不能有{shown}：{_HINT}", i
    )


def _three_digits(text: str) -> bool:
    return len(text) == 3 and all(c in _DIGITS for c in text)

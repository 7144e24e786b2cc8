"""The formula language of derived metrics: parse without recursion, evaluate exactly.

A formula is arithmetic over numbers and metric names::

    formula := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary)*
    unary   := ("-" | "+")* atom
    atom    := number | name | "(" formula ")"

Operators may be typed as ``+ - * /`` or ``＋ － × ÷``, brackets as ``( )`` or ``（ ）``
(see figures/tokens.py for the words and the messages about everything else).

The parser is a shunting-yard over an explicit stack, so deep brackets and long sums cannot
hit Python's recursion limit; the size of a formula is bounded by tokens.MAX_LENGTH instead.
Arithmetic is exact (fractions.Fraction): ``0.1 + 0.2 - 0.3`` is 0, and a value is rounded
only when it is printed (figures.figure.round_half_up).

Extension point — names of other periods. A name may carry a scope: ``prev.done`` or
``上期.done`` is a ``Name`` with ``scope`` "prev" / "上期" and ``id`` "done"; ``qualified`` is
the name as one string. ``Formula.evaluate`` hands every name to the caller's ``lookup``, which
decides what a scope means; compute.compute_figures takes an ``outside`` lookup for scoped
names and without one refuses them with a message.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from zsdreport.figures.tokens import FormulaError, Token, tokenize

__all__ = ["MAX_MAGNITUDE", "Formula", "FormulaError", "Name", "evaluate", "formula_names", "parse"]

MAX_MAGNITUDE = Fraction(10) ** 15
"""Figures at or beyond this (a thousand trillion) are surely typing or formula mistakes."""
_MAX_WORKING = 10**200
"""Numerators and denominators of intermediate results stay below this (no runaway growth)."""

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "pos": 3}
_SHOWN = {"+": "+", "-": "-", "*": "*", "/": "/"}


# Named tuples, not dataclasses: defined at every start, where a dataclass costs ~1 ms each.
class Name(NamedTuple):
    """A metric named in a formula, with the offset and width of its text."""

    id: str
    scope: str | None
    offset: int
    width: int

    @property
    def qualified(self) -> str:
        """Return the name as one string: ``done`` or ``prev.done``."""
        return f"{self.scope}.{self.id}" if self.scope else self.id


class _Step(NamedTuple):
    """One step of the program in postfix order; ``start``/``end`` span what it computes."""

    op: str  # "number", "name", "neg", "pos", "+", "-", "*", "/"
    start: int
    end: int
    value: Fraction | None = None
    name: Name | None = None
    right: tuple[int, int] = (0, 0)  # for "/": the span of the divisor


class Formula(NamedTuple):
    """A parsed formula: its text, its names in order, and a postfix program."""

    text: str
    names: tuple[Name, ...]
    steps: tuple[_Step, ...]

    def evaluate(self, lookup: Callable[[Name], Fraction]) -> Fraction:
        """Compute the formula exactly; ``lookup`` gives each name's value (or raises FormulaError)."""
        stack: list[Fraction] = []
        for step in self.steps:
            if step.op == "number":
                assert step.value is not None
                stack.append(step.value)
                continue
            if step.op == "name":
                assert step.name is not None
                stack.append(Fraction(lookup(step.name)))
                continue
            if step.op in ("neg", "pos"):
                stack[-1] = -stack[-1] if step.op == "neg" else stack[-1]
                continue
            right = stack.pop()
            left = stack.pop()
            if step.op == "+":
                value = left + right
            elif step.op == "-":
                value = left - right
            elif step.op == "*":
                value = left * right
            else:
                if right == 0:
                    a, b = step.right
                    shown = _unbracket(self.text[a:b])
                    raise FormulaError(f"公式中的除数 {shown} 为 0，无法计算", a, b - a)
                value = left / right
            if abs(value.numerator) >= _MAX_WORKING or value.denominator >= _MAX_WORKING:
                raise FormulaError(
                    "公式的中间结果过大：请检查公式和用到的数值", step.start, step.end - step.start
                )
            stack.append(value)
        (result,) = stack
        if abs(result) >= MAX_MAGNITUDE:
            raise FormulaError("公式的结果过大：请检查公式和用到的数值", 0, len(self.text))
        return result


@lru_cache(maxsize=4096)
def parse(text: str) -> Formula:
    """Parse ``text``; raise FormulaError pointing at the first mistake."""
    tokens = tokenize(text)
    steps: list[_Step] = []
    spans: list[tuple[int, int]] = []  # the span of each value the program leaves on its stack
    pending: list[Token] = []  # operators and open brackets waiting for their operands
    names: list[Name] = []

    def emit(op: Token) -> None:
        if op.text in ("neg", "pos"):
            end = spans.pop()[1]
            spans.append((op.start, end))
            steps.append(_Step(op.text, op.start, end))
            return
        right = spans.pop()
        left = spans.pop()
        spans.append((left[0], right[1]))
        steps.append(_Step(op.kind, left[0], right[1], right=right))

    expect_operand = True
    previous: Token | None = None
    for token in tokens:
        if expect_operand:
            if token.kind == "number":
                steps.append(_Step("number", token.start, token.end, value=token.value))
            elif token.kind == "name":
                name = Name(token.text, token.scope, token.start, token.end - token.start)
                names.append(name)
                steps.append(_Step("name", token.start, token.end, name=name))
            elif token.kind == "(":
                pending.append(token)
                previous = token
                continue
            elif token.kind in "+-":
                unary = "neg" if token.kind == "-" else "pos"
                pending.append(Token("-", token.start, token.end, unary))
                previous = token
                continue
            else:
                raise _missing_operand(text, token, previous)
            spans.append((token.start, token.end))
            expect_operand = False
        elif token.kind in ("+", "-", "*", "/"):
            while (
                pending
                and pending[-1].kind != "("
                and _rank(pending[-1]) >= _PRECEDENCE[token.kind]
            ):
                emit(pending.pop())
            pending.append(token)
            expect_operand = True
        elif token.kind == ")":
            while pending and pending[-1].kind != "(":
                emit(pending.pop())
            if not pending:
                raise FormulaError(
                    f"多余的“{token_text(text, token)}”：前面没有对应的“(”", token.start
                )
            opener = pending.pop()
            spans[-1] = (opener.start, token.end)
        elif token.kind == "end":
            while pending:
                top = pending.pop()
                if top.kind == "(":
                    closer = "）" if text[top.start] == "（" else ")"
                    raise FormulaError(
                        f"“{text[top.start]}”没有对应的“{closer}”：请补上或删除", top.start
                    )
                emit(top)
        else:
            raise _missing_operator(text, token)
        previous = token
    return Formula(text, tuple(names), tuple(steps))


def _rank(op: Token) -> int:
    return _PRECEDENCE[op.text] if op.text in ("neg", "pos") else _PRECEDENCE[op.kind]


def token_text(text: str, token: Token) -> str:
    """Return the characters of ``token`` as typed."""
    return text[token.start : token.end]


def _missing_operand(text: str, token: Token, previous: Token | None) -> FormulaError:
    if token.kind == "end":
        if previous is None:
            return FormulaError(
                "公式是空的：请写算式，如 done / handled * 100", 0, max(1, len(text))
            )
        shown = token_text(text, previous)
        return FormulaError(f"公式在“{shown}”后面缺少数字或指标", previous.start)
    shown = token_text(text, token)
    if token.kind == ")":
        if previous is not None and previous.kind == "(":
            return FormulaError(
                "括号里没有内容：请写算式或删除这对括号", previous.start, token.end - previous.start
            )
        if previous is None:
            return FormulaError(f"多余的“{shown}”：前面没有对应的“(”", token.start)
        return FormulaError(f"“{token_text(text, previous)}”后面缺少数字或指标", previous.start)
    if previous is None or previous.kind == "(":
        return FormulaError(f"“{shown}”前面缺少数字或指标", token.start)
    return FormulaError(
        f"运算符“{token_text(text, previous)}”和“{shown}”连在一起：中间缺少数字或指标",
        previous.start,
        token.end - previous.start,
    )


def _missing_operator(text: str, token: Token) -> FormulaError:
    shown = token_text(text, token)
    if token.kind == "name" and token.scope is None and token.text in ("x", "X"):
        return FormulaError(f"“{shown}”不是乘号：乘号请写 * 或 ×", token.start)
    if token.kind == "(":
        return FormulaError(f"“{shown}”前面缺少运算符：乘法也要写出 *，如 2 * (a + b)", token.start)
    return FormulaError(f"“{shown}”前面缺少运算符（+ - * /）", token.start, token.end - token.start)


def _unbracket(shown: str) -> str:
    """Return a divisor as the message shows it: ``(a - 1)`` as ``a - 1``."""
    if shown[:1] in "(（" and shown[-1:] in ")）":
        return shown[1:-1].strip()
    return shown


def formula_names(text: str) -> list[str]:
    """Return the qualified names ``text`` uses, in order; raise FormulaError when it is not valid."""
    return [name.qualified for name in parse(text).names]


def evaluate(text: str, lookup: Callable[[str], Fraction]) -> Fraction:
    """Parse and compute ``text`` exactly, looking names up by their qualified form."""
    return parse(text).evaluate(lambda name: lookup(name.qualified))

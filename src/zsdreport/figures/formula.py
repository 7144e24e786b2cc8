"""The formula language of derived metrics: parse and evaluate exactly."""

from __future__ import annotations

import ast
from collections.abc import Callable
from decimal import Decimal, InvalidOperation


class FormulaError(ValueError):
    """A formula that cannot be evaluated; the message is for users."""


MAX_MAGNITUDE = Decimal(10) ** 15
"""Figures at or beyond this (a thousand trillion) are surely typing or formula mistakes."""


def formula_names(formula: str) -> list[str]:
    """Return the metric ids a formula uses, raising FormulaError when it is not arithmetic."""
    tree = _parse(formula)
    return [n.id for n in ast.walk(tree) if isinstance(n, ast.Name)]


def evaluate(formula: str, lookup: Callable[[str], Decimal]) -> Decimal:
    """Evaluate ``formula`` (+ - * / and parentheses over metric ids and numbers) exactly."""
    try:
        value = _eval(_parse(formula).body, lookup)
    except (InvalidOperation, OverflowError) as e:
        raise FormulaError(f"公式“{formula}”无法计算（数值过大或无效）") from e
    if not value.is_finite() or abs(value) >= MAX_MAGNITUDE:
        raise FormulaError(f"公式“{formula}”的结果过大：请检查公式和用到的数值")
    return value


def _parse(formula: str) -> ast.Expression:
    try:
        tree = ast.parse(formula.strip(), mode="eval")
    except SyntaxError as e:
        raise FormulaError(f"公式“{formula}”写法有误") from e
    for node in ast.walk(tree):
        if not isinstance(
            node,
            ast.Expression
            | ast.BinOp
            | ast.UnaryOp
            | ast.Name
            | ast.Constant
            | ast.Load
            | ast.Add
            | ast.Sub
            | ast.Mult
            | ast.Div
            | ast.USub
            | ast.UAdd,
        ):
            raise FormulaError(f"公式“{formula}”只能用指标标识、数字、+ - * / 和括号")
        if isinstance(node, ast.Constant) and (
            isinstance(node.value, bool) or not isinstance(node.value, int | float)
        ):
            raise FormulaError(f"公式“{formula}”只能用指标标识、数字、+ - * / 和括号")
    return tree


def _eval(node: ast.expr, lookup: Callable[[str], Decimal]) -> Decimal:
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        return lookup(node.id)
    if isinstance(node, ast.UnaryOp):
        inner = _eval(node.operand, lookup)
        return -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, lookup), _eval(node.right, lookup)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if right.is_zero():
            raise FormulaError(f"公式中的除数 {ast.unparse(node.right)} 为 0，无法计算")
        return left / right
    raise FormulaError("公式无法计算")  # pragma: no cover - _parse rejects everything else

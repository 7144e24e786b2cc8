"""A figure: a metric with its final value, and how a value is printed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cached_property
from pathlib import Path

from zsdreport.schema import Metric
from zsdreport.schema.section import PENDING


@dataclass(frozen=True)
class Figure:
    """A metric with its final value and where it was declared."""

    id: str
    metric: Metric
    value: Decimal
    file: Path
    line: int
    section: str
    pending: bool = False
    """Still last period's: typed as 待填, or computed from such a figure; ``value`` is then
    last period's value (0 when unknown) and the printed text says so."""
    previous: Decimal | None = None
    """Last period's value, when known."""

    @cached_property
    def text(self) -> str:
        """Return the figure as printed: value and unit, e.g. ``99.6%``; 【待填：上期 3次】 if pending."""
        # Cached: every expansion of the prose asks for every figure's text (Report.words).
        if self.pending:
            if self.previous is None:
                return f"【{PENDING}】"
            return f"【{PENDING}：上期 {self.previous_text}】"
        return format_value(self.value, self.metric.digits) + self.metric.unit

    @property
    def previous_text(self) -> str:
        """Return last period's value as printed, e.g. ``3次`` (empty when unknown)."""
        if self.previous is None:
            return ""
        return format_value(self.previous, self.metric.digits) + self.metric.unit


def format_value(value: Decimal, digits: int | None = None) -> str:
    """Return ``value`` as typed (no exponent, no grouping); rounded half-up to ``digits``."""
    if digits is not None:
        value = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if value.is_zero():
        value = abs(value)  # never print -0 or -0.00
    return format(value, "f")


def round_half_up(value: Fraction, digits: int) -> Decimal:
    """Return the exact ``value`` rounded half-up (away from zero) to ``digits`` decimals."""
    scaled = abs(value) * 10**digits
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    sign = "-" if value < 0 and whole else ""
    return Decimal(f"{sign}{whole}").scaleb(-digits)

"""A section file: a heading, the figures it declares, and its items."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from zsdreport.schema.base import Identifier, Model, Paragraphs, Text, has_text

_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")
MAX_INTEGER_DIGITS = 15


def _number(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER.match(text):
            raise ValueError(f'应为数字（如 12、3.5、-2），实际为 "{value}"')
        if len(text.lstrip("-").split(".")[0]) > MAX_INTEGER_DIGITS:
            raise ValueError(f"数值“{value}”过大：整数部分最多 {MAX_INTEGER_DIGITS} 位")
        return Decimal(text)
    return value


Number = Annotated[Decimal, BeforeValidator(_number)]


class Metric(Model):
    """A figure: typed once, with a label and a unit, referenced from prose as {id}."""

    label: Text
    value: Number | None = None
    unit: str = ""
    formula: str | None = Field(default=None, description="由其他指标计算，如 done / total * 100")
    digits: Annotated[int, Field(ge=0, le=6)] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _value_or_formula(self) -> Metric:
        if self.value is None and self.formula is None:
            raise ValueError("指标需要 value（数值）或 formula（计算公式）")
        if self.formula is None and self.digits is not None:
            raise ValueError("digits（小数位数）只用于有 formula 的计算指标")
        if self.formula is not None and self.digits is None:
            raise ValueError("计算指标需要 digits（保留几位小数，如 1），否则结果可能是很长的小数")
        return self


def _point(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Point(Model):
    """One entry of a 一是……二是…… enumeration."""

    lead: str = ""
    text: str = ""

    @model_validator(mode="after")
    def _not_empty(self) -> Point:
        if not (self.lead.strip() or self.text.strip()):
            raise ValueError("要点需要 lead 或 text")
        return self


PointEntry = Annotated[Point, BeforeValidator(_point)]


class SubItem(Model):
    """A （1） paragraph under a numbered item: lead, prose and inline points, no deeper level."""

    lead: str = ""
    text: Paragraphs = []
    points: list[PointEntry] = []

    @model_validator(mode="before")
    @classmethod
    def _no_deeper_level(cls, data: Any) -> Any:
        if isinstance(data, dict) and "items" in data:
            raise ValueError("（1）级条目下不能再写 items：正文层次最多两级（1. 和（1））")
        return data

    @model_validator(mode="after")
    def _not_empty(self) -> SubItem:
        if not (self.lead.strip() or has_text(self.text) or self.points):
            raise ValueError("条目至少需要 lead、text 或 points 之一")
        return self


class Item(Model):
    """A numbered paragraph: a run-in lead sentence, prose, inline points and （1） sub-items."""

    lead: str = ""
    text: Paragraphs = []
    points: list[PointEntry] = []
    items: list[SubItem] = []

    @model_validator(mode="after")
    def _not_empty(self) -> Item:
        if not (self.lead.strip() or has_text(self.text) or self.points or self.items):
            raise ValueError("条目至少需要 lead、text、points 或 items 之一")
        return self


class SectionFile(Model):
    """One section file: 一's areas (一)…(六), or 二、三、四 of the report."""

    heading: Text
    metrics: dict[Identifier, Metric] = {}
    text: Paragraphs = []
    items: list[Item] = []
    points: list[PointEntry] = []

    @model_validator(mode="after")
    def _has_content(self) -> SectionFile:
        if not (has_text(self.text) or self.items or self.points):
            raise ValueError("这一节没有内容：需要 text、items 或 points")
        return self

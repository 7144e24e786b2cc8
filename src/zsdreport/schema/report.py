"""The report file: title, period, signing organs, date, preamble, section order, options."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from zsdreport.schema.base import Model, Paragraphs, Text
from zsdreport.schema.style import StyleProfile

_PERIOD = re.compile(r"^(\d{4})(?:H([12]))?$")
PERIOD_WORDS = ("year", "prev_year", "next_year", "half", "next_half")
"""The names prose may reference besides metrics: {year} → 2023, {half} → 上半年 …"""


class Period(Model):
    """A half-year (2023H1 is 2023年上半年) or, with no half, a whole year (2023 is 2023年全年)."""

    year: Annotated[int, Field(ge=1949, le=2999)]
    half: Literal[1, 2] | None = None

    @classmethod
    def parse(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            match = _PERIOD.match(value.strip())
            if not match:
                raise ValueError(
                    f'应为“年份H1”“年份H2”（半年，如 2023H1）或“年份”（全年，如 2023），实际为 "{value}"'
                )
            year = int(match[1])
            if not 1949 <= year <= 2999:
                raise ValueError(f"年份 {year} 不合理：应在 1949～2999 之间，如 2023H1")
            return {"year": year, "half": int(match[2]) if match[2] else None}
        return value

    @classmethod
    def of(cls, text: str) -> Period:
        """Return the period written as ``text`` (2023H1, 2023H2, 2023), raising ValueError."""
        return cls.model_validate(cls.parse(text))

    @property
    def annual(self) -> bool:
        """Tell whether this is a whole year's report (工作总结和明年工作计划)."""
        return self.half is None

    def __str__(self) -> str:
        return f"{self.year}" if self.half is None else f"{self.year}H{self.half}"

    def name(self) -> str:
        """Return the period in words: 2023年上半年, 2023年下半年, 2023年."""
        return f"{self.year}年{self.words()['half']}" if self.half else f"{self.year}年"

    def following(self) -> Period:
        """Return the next period of the same kind: 2023H1 → 2023H2 → 2024H1, 2023 → 2024."""
        if self.half == 1:
            return Period(year=self.year, half=2)
        return Period(year=self.year + 1, half=None if self.half is None else 1)

    def words(self) -> dict[str, str]:
        """Return the words prose may reference (PERIOD_WORDS): {year}, {half}, {next_half} …"""
        half = {1: "上半年", 2: "下半年", None: "全年"}[self.half]
        values = (
            str(self.year),
            str(self.year - 1),
            str(self.year + 1),
            half,
            "下半年" if self.half == 1 else "明年",
        )
        return dict(zip(PERIOD_WORDS, values, strict=True))


def _date(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        match = re.match(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$", text)
        if match:
            text = f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            raise ValueError(f'应为日期，如 2023-07-10 或 2023年7月10日，实际为 "{value}"')
        try:
            return dt.date.fromisoformat(text)
        except ValueError as e:
            raise ValueError(f'不是有效日期："{value}"') from e
    return value


class SectionGroup(Model):
    """One entry of ``sections``: a single file, or a heading over area files （一）（二）…"""

    file: str | None = None
    heading: str | None = None
    files: list[str] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> SectionGroup:
        if (self.file is None) == (self.files is None):
            raise ValueError("每一节写作一个文件名，或写 heading 加 files（多个文件）")
        if self.files is not None and not (self.heading and self.heading.strip()):
            raise ValueError("有 files 的一节需要 heading（标题）")
        if self.files is not None and not self.files:
            raise ValueError("files 至少需要一个文件名")
        return self

    def names(self) -> list[str]:
        """Return the file names (without .yaml) this entry uses, in order."""
        return [self.file] if self.file is not None else list(self.files or [])


def _section_ref(value: Any) -> Any:
    return {"file": value} if isinstance(value, str) else value


SectionRef = Annotated[SectionGroup, BeforeValidator(_section_ref)]


class Output(Model):
    """Where the outputs go and what they are called."""

    filename: Text = "{title}"
    formats: list[Literal["md", "docx", "pdf"]] = ["md", "docx"]


class ReportFile(Model):
    """The report file (report.yaml) of a period's data folder."""

    title: Text
    period: Annotated[Period, BeforeValidator(Period.parse)]
    organs: list[Text] = Field(default=[], description="署名：发文机关，每行一个")
    author: str | None = Field(default=None, description="文档属性中的作者，默认第一个署名")
    date: Annotated[dt.date, BeforeValidator(_date)] | None = None
    recipient: str | None = None
    preamble: Paragraphs = []
    sections: list[SectionRef] = Field(min_length=1)
    output: Output = Output()
    style: StyleProfile = StyleProfile()

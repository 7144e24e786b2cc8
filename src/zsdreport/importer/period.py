"""The period a report covers, read from its title (or file name, or first lines), and the
years and half-years in its prose turned into period words ({year}, {half} …)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HALF = re.compile(r"([0-9]{4})\s*年?\s*(上半年|下半年|1[-—～~至到]6月|7[-—～~至到]12月)")
_YEAR = re.compile(r"([0-9]{4})\s*年度?")
_CODE = re.compile(r"(?<![0-9])([0-9]{4})[-_ ]?H([12])(?![0-9])", re.I)
_IN_PROSE = re.compile(r"(?<![0-9.{])([0-9]{4})(?=年|上半年|下半年)")
_HALF_WORDS = ("上半年", "下半年")
_FIRST_HALF = re.compile("(?<![较比与同和对于从至])上半年")


@dataclass(frozen=True)
class Period:
    """A year and, for a half-year report, which half (None: the whole year)."""

    year: int
    half: int | None

    def code(self) -> str:
        """Return the period as report.yaml writes it: 2023H1, or 2023 for a year."""
        return f"{self.year}H{self.half}" if self.half else str(self.year)

    def describe(self) -> str:
        """Return the period in words: 2023年上半年, 2023年."""
        return f"{self.year}年" + (_HALF_WORDS[self.half - 1] if self.half else "")


def _half_of(word: str) -> int:
    return 1 if word.startswith(("上", "1")) else 2


def find_period(title: str | None, file_name: str, texts: list[str]) -> Period | None:
    """Return the period: from the title, else the file name, else the first lines of text."""
    for text in [title or "", file_name]:
        half = _HALF.search(text)
        if half:
            return Period(int(half[1]), _half_of(half[2]))
        code = _CODE.search(text)
        if code:
            return Period(int(code[1]), int(code[2]))
    if title:
        year = _YEAR.search(title)
        if year:
            return Period(int(year[1]), None)
    head = "".join(texts[:40])
    half = _HALF.search(head)
    if half:
        return Period(int(half[1]), _half_of(half[2]))
    year = _YEAR.search(head)
    if year:
        later = re.search("上半年|下半年", head)
        return Period(int(year[1]), _half_of(later.group()) if later else None)
    return None


def period_words(text: str, period: Period) -> str:
    """Return ``text`` with the period's years and halves as {year}, {prev_year}, {half} …

    As the period-word check asks: in a first-half report 上半年 is {half} and 下半年
    {next_half}; in a second-half one 下半年 is {half}. "较上半年" compares and stays.
    """
    names = {period.year: "{year}", period.year - 1: "{prev_year}", period.year + 1: "{next_year}"}
    text = _IN_PROSE.sub(lambda m: names.get(int(m[1]), m[1]), text)
    if period.half == 1:
        return _FIRST_HALF.sub("{half}", text).replace("下半年", "{next_half}")
    if period.half == 2:
        return text.replace("下半年", "{half}")
    return text


def heading_words(text: str, period: Period) -> str:
    """Return a heading or title with its years and half-years as period words."""
    text = period_words(text, period)
    return text.replace("明年", "{next_half}") if period.half == 2 else text

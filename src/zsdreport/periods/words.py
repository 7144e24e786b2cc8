"""Period words typed in prose that contradict the report's period (截至6月 in an H2 report).

Prose should say the period through {half}, {year}, {next_half}; a word typed literally does
not follow when `zsdreport new` starts the next period. The table below lists what is checked:

| 写在正文中的词 | 在哪种报告中提示 | 为什么 |
|---|---|---|
| 上半年（“较上半年”“与上半年”等比较除外） | 上半年、下半年 | 上半年报告应写 {half}；下半年报告里是上一期的词 |
| 下半年 | 上半年、下半年 | 上半年报告应写 {next_half}；下半年报告应写 {half} |
| 上半年以来 | 全年 | 全年总结说的是全年 |
| 截至6月（底）、1-6月、1至6月 | 下半年、全年 | 上半年的时间 |
| 截至12月（底）、截至年底、1-12月 | 上半年 | 全年的时间 |
| 春季学期 | 下半年 | 下半年是秋季学期 |
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from zsdreport.errors import Problem, Severity
from zsdreport.figures.references import REFERENCE
from zsdreport.load.reader import PathKey, Source
from zsdreport.schema import Period

Field = tuple[Source, PathKey, str]
H1, H2, YEAR = "H1", "H2", "annual"
_COMPARED = "(?<![较比与同和对于从至])"
_JUNE = r"(?:6|六)月(?:底|末|份)?"
_DECEMBER = r"(?:12|十二)月(?:底|末|份)?"
_DASH = r"\s*[-—–~～至到]\s*"


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class Contradiction(NamedTuple):
    """A typed word, the kinds of report it is wrong in, and what to write instead."""

    pattern: re.Pattern[str]
    kinds: frozenset[str]
    advice: dict[str, str]


def _rule(pattern: str, advice: dict[str, str]) -> Contradiction:
    return Contradiction(re.compile(pattern), frozenset(advice), advice)


TABLE = (
    _rule(
        _COMPARED + "上半年",
        {H1: "请写 {half}，换期时会自动更新", H2: "这是上半年的用词：请改为 {half}（下半年）"},
    ),
    _rule(
        "下半年",
        {H1: "请写 {next_half}，换期时会自动更新", H2: "请写 {half}，换期时会自动更新"},
    ),
    _rule("上半年以来", {YEAR: "全年总结请改为 {year}年以来"}),
    _rule(
        f"截至(?:\\d{{4}}年)?{_JUNE}|(?:1|一){_DASH}{_JUNE}",
        {H2: "这是上半年的时间：请改写本期的时间", YEAR: "这是上半年的时间：请改写全年的时间"},
    ),
    _rule(
        f"截至(?:\\d{{4}}年)?(?:{_DECEMBER}|年底|年末)|(?:1|一){_DASH}{_DECEMBER}",
        {H1: "这是全年的时间：上半年总结请写截至6月"},
    ),
    _rule("春季学期", {H2: "下半年一般是秋季学期：请核对"}),
)


def kind(period: Period) -> str:
    """Return the kind of report the table speaks of: H1, H2 or annual."""
    return YEAR if period.half is None else f"H{period.half}"


def check_period_words(fields: Iterable[Field], period: Period) -> list[Problem]:
    """Warn about each typed word of TABLE that does not fit ``period``."""
    which = kind(period)
    rules = [rule for rule in TABLE if which in rule.kinds]
    # 上半年 typed in an H1 report fits the period: the fault is typing it, not the word.
    own = {word for key, word in period.words().items() if key in ("half", "next_half")}
    problems: list[Problem] = []
    for source, path, value in fields:
        # {half} and friends expand to the right word; only what was typed is checked.
        typed = REFERENCE.sub(lambda m: "\x00" * len(m.group()), value)
        for rule in rules:
            for match in rule.pattern.finditer(typed):
                word = match.group()
                if word in own:
                    message = f"“{word}”是手写的期别用词：{rule.advice[which]}"
                else:
                    message = f"“{word}”与期别 {period.name()}不符：{rule.advice[which]}"
                problems.append(
                    source.problem(
                        path, message, Severity.WARNING, offset=match.start(), width=len(word)
                    )
                )
    return problems

"""Turn the figures typed in prose (``1743户6095人``, ``35.1442万元``, ``99.6%``) into metrics.

Each becomes a metric with a generated id and a label from the nearby words; the clerk renames
them later. Rates stay typed, but one that a formula of two nearby figures reproduces is
flagged with that formula. Ordinals (第3), dates (7月5日) and years are not figures.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from zsdreport.errors import Problem, Severity

UNITS = (
    "万亩",
    "万元",
    "亿元",
    "万人",
    "万吨",
    "万张",
    "万株",
    "万只",
    "万头",
    "万户",
    "人次",
    "户次",
    "公里",
    "平方米",
    "平方公里",
    "立方米",
    "千米",
    "千瓦",
    "学时",
    "课时",
    "周岁",
    "小时",
    "个",
    "户",
    "人",
    "名",
    "次",
    "亩",
    "元",
    "万",
    "亿",
    "%",
    "％",
    "笔",
    "家",
    "处",
    "起",
    "台",
    "栋",
    "条",
    "件",
    "场",
    "所",
    "座",
    "吨",
    "辆",
    "间",
    "套",
    "批",
    "项",
    "期",
    "天",
    "村",
    "米",
    "株",
    "头",
    "只",
    "份",
    "本",
    "张",
    "篇",
    "轮",
    "类",
    "对",
    "位",
    "支",
    "门",
    "宗",
    "根",
    "块",
    "片",
    "届",
    "组",
    "盏",
    "棵",
    "眼",
    "口",
    "座",
)
_UNIT = "|".join(re.escape(u) for u in sorted(set(UNITS), key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?<![0-9０-９.．A-Za-z_{{第])(0|[1-9][0-9]{{0,14}})(\.[0-9]+)?((?:余|多)?(?:{_UNIT}))"
)
_BOUNDARY = re.compile(r"[，。；：、（）“”《》！？,;:()!?\s]|\{[A-Za-z_][A-Za-z0-9_]*\}")
_FILLERS = (
    "共计",
    "共有",
    "累计",
    "合计",
    "总计",
    "其中",
    "全镇",
    "全乡",
    "共",
    "达到",
    "达",
    "约",
    "计",
    "有",
    "为",
    "对",
    "已",
    "在",
    "以",
)
_UNIT_WORDS = {
    "户": "households",
    "人": "people",
    "名": "people",
    "人次": "visits",
    "个": "count",
    "次": "times",
    "亩": "area",
    "万亩": "area",
    "元": "money",
    "万元": "money",
    "亿元": "money",
    "万": "wan",
    "%": "rate",
    "％": "rate",
    "家": "units",
    "处": "sites",
    "起": "cases",
    "件": "cases",
    "笔": "loans",
    "台": "machines",
    "栋": "buildings",
    "公里": "km",
    "条": "items",
}
_MAX_LABEL = 14
_MAX_NOUN = 8
# Counted things: "6个脱贫村", "298户低保户" are named by the words after the figure.
_COUNTERS = set("个名户家处栋台条笔所座辆间套批项场位支村人株头只份本张篇")
_NOUN_STOP = re.compile(
    r"[0-9{]|已|的|是|在|为|和|及|与|等|均|共|达|进行|开展|全部|以上|以下|左右|即"
)

Say = Callable[[str], None]


def extract(sections: list[tuple[str, dict[str, Any]]], warn: Callable[[str, str], None]) -> int:
    """Replace figures in every section's prose by {id} references; return how many were made.

    ``sections`` are (file name, section data) pairs; ``warn(file name, message)`` reports a rate
    that a formula reproduces.
    """
    taken: set[str] = set()
    total = 0
    for name, data in sections:
        metrics: dict[str, dict[str, str]] = {}
        prefix = re.sub(r"[^a-z0-9]+", "_", name.lower().removeprefix("work-")).strip("_") or "m"
        if not prefix[0].isalpha():
            prefix = "m_" + prefix
        say = functools.partial(warn, name)
        for holder, key in _prose_fields(data):
            holder[key] = _replace(holder[key], prefix, metrics, taken, say)
        if metrics:
            ordered = {"heading": data.pop("heading"), "metrics": metrics}
            ordered.update(data)
            data.clear()
            data.update(ordered)
            total += len(metrics)
    return total


def _prose_fields(data: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    """Yield (container, key) for every prose string of a section, in document order."""
    yield from _paragraphs(data, "text")
    for item in data.get("items", []):
        yield from _item_fields(item)
    for point in data.get("points", []):
        yield from _point_fields(point)


def _paragraphs(holder: dict[str, Any], key: str) -> Iterator[tuple[Any, Any]]:
    value = holder.get(key)
    if isinstance(value, list):
        yield from ((value, n) for n in range(len(value)))
    elif isinstance(value, str):
        yield holder, key


def _item_fields(item: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    if item.get("lead"):
        yield item, "lead"
    yield from _paragraphs(item, "text")
    for point in item.get("points", []):
        yield from _point_fields(point)
    for sub in item.get("items", []):
        yield from _item_fields(sub)


def _point_fields(point: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    for key in ("lead", "text"):
        if point.get(key):
            yield point, key


def _replace(
    text: str, prefix: str, metrics: dict[str, dict[str, str]], taken: set[str], warn: Say
) -> str:
    out: list[str] = []
    last_end = 0
    previous_label = ""
    here: list[tuple[str, Decimal, str]] = []
    for match in _FIGURE.finditer(text):
        value_text = match.group(1) + (match.group(2) or "")
        unit = match.group(3)
        before = text[last_end : match.start()]
        label = _label(before, text[match.end() :], previous_label if not before else "", unit)
        previous_label = label
        key = _new_id(prefix, unit, taken)
        metric = {"label": label, "value": value_text, "unit": unit}
        value = Decimal(value_text)
        if unit in ("%", "％"):
            formula = _rate_formula(value, value_text, here)
            if formula:
                metric["note"] = (
                    f"可由公式 {formula} 算出：如需自动计算，请把 value 换成 formula 与 digits"
                )
                warn(
                    f"“{label}”{value_text}{unit}可由公式 {formula} 算出：已照原文录入数值，如需自动计算请改写为 formula（指标 {key}）"
                )
        metrics[key] = metric
        here.append((key, value, unit))
        out += [before, "{" + key + "}"]
        last_end = match.end()
    out.append(text[last_end:])
    return "".join(out)


def _label(before: str, after: str, inherited: str, unit: str) -> str:
    """Return a label from the words before the figure (or after it, or the previous label)."""
    noun = _NOUN_STOP.split(_BOUNDARY.split(after)[0])[0][:_MAX_NOUN]
    if unit.lstrip("余多") in _COUNTERS and len(noun) >= 2:
        return noun
    parts = _BOUNDARY.split(before)
    words = parts[-1] if parts else ""
    changed = True
    while changed:
        changed = False
        for filler in _FILLERS:
            if words.startswith(filler) and len(words) > len(filler):
                words, changed = words[len(filler) :], True
    if words in _FILLERS:
        words = ""
    if len(words) < 2:
        words = noun if len(noun) >= 2 else (inherited or words)
        if inherited and words == inherited:
            words = f"{inherited}（{unit}）"
    words = words[-_MAX_LABEL:] if len(words) > _MAX_LABEL else words
    return words or f"数字（{unit}）"


def _new_id(prefix: str, unit: str, taken: set[str]) -> str:
    word = _UNIT_WORDS.get(unit.lstrip("余多"), "figure")
    n = 1
    while f"{prefix}_{word}_{n}" in taken:
        n += 1
    key = f"{prefix}_{word}_{n}"
    taken.add(key)
    return key


def _rate_formula(value: Decimal, typed: str, here: list[tuple[str, Decimal, str]]) -> str | None:
    """Return ``a / b * 100`` when two figures typed before the rate in its paragraph give it."""
    digits = len(typed.partition(".")[2])
    quantum = Decimal(1).scaleb(-digits)
    candidates = [(k, v, u) for k, v, u in here if u not in ("%", "％") and v > 0]
    for i in range(len(candidates) - 1, -1, -1):
        for j in range(i - 1, -1, -1):
            (ka, va, ua), (kb, vb, ub) = candidates[i], candidates[j]
            if ua != ub:
                continue
            for top, bottom, kt, kbm in ((va, vb, ka, kb), (vb, va, kb, ka)):
                if (
                    top <= bottom
                    and (top / bottom * 100).quantize(quantum, rounding=ROUND_HALF_UP) == value
                ):
                    return f"{kt} / {kbm} * 100"
    return None


def figure_problem(file: str, message: str) -> Problem:
    """Return the warning for a rate a formula reproduces, located at its section file."""
    from pathlib import Path

    return Problem(Path(file), None, None, message, Severity.WARNING)

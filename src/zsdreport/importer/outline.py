"""Recognise a report's outline from typed markers: 一、 （一） 1. （1） ①, heading styles, the
title, the 主送机关, the 署名 and the 成文日期. Numbers are read, checked and then dropped:
the data folder regenerates them, so a gap or a repeat is a warning, never a silent change."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from zsdreport.errors import Problem
from zsdreport.importer.sources import Paragraph, Source

_CN = "一二三四五六七八九十"
_CN_DIGIT = {ch: n for n, ch in enumerate("〇一二三四五六七八九")} | {
    "零": 0,
    "○": 0,
    "O": 0,
    "０": 0,
}
_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^([{_CN}]{{1,3}})\s*[、.．，,]\s*")),
    (2, re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[)）]\s*[、.．，,]?\s*")),
    (3, re.compile(r"^([0-9０-９]{1,2})\s*[.．、，,](?![0-9０-９])\s*")),
    (4, re.compile(r"^[（(]\s*([0-9０-９]{1,2})\s*[)）]\s*[、.．，,]?\s*")),
    (5, re.compile(r"^([①-⑳])\s*")),
)
RANK_NAMES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①"}
_SENTENCE_MARKS = "。，；！？：,;!?:"
_TITLE_WORDS = re.compile(r"总结|报告|汇报|情况|要点|计划|打算|述职")
_ORGAN_WORDS = re.compile(
    r"委员会|政府|办事处|党委|党组|委$|局$|办公室|中心$|镇$|乡$|街道|村$|社区|公司|部$|所$|站$|院$|队$|支部|总支"
)
_DATE = re.compile(
    r"^\s*([0-9０-９]{4}|[〇○零OО０一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$"
)
_MAX_SHORT = 40


@dataclass
class Node:
    """A heading or numbered paragraph, the plain paragraphs after it and its sub-headings."""

    rank: int
    number: int | None
    text: str
    line: int
    auto: bool = False
    typed: str = ""
    body: list[Paragraph] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


@dataclass
class Outline:
    """A report as recognised: the front matter, the tree of headings and the signature."""

    title: str | None
    recipient: str | None
    preamble: list[Paragraph]
    top: list[Node]
    organs: list[str]
    date: dt.date | None
    problems: list[Problem] = field(default_factory=list)


def marker(text: str) -> tuple[int, int, str] | None:
    """Return (rank, number, text after the marker) when ``text`` starts with an outline marker."""
    for rank, pattern in _MARKERS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return rank, _number(match.group(1)), text[match.end() :]
    return None


def _number(token: str) -> int:
    if token in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(token) + 1
    if token[0] in _CN:
        return chinese_number(token)
    return int(token.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def chinese_number(token: str) -> int:
    """Return the value of a Chinese numeral up to 九十九: 三 → 3, 十二 → 12, 二十 → 20."""
    if "十" not in token:
        return (
            _CN_DIGIT[token[-1]]
            if len(token) == 1
            else int("".join(str(_CN_DIGIT[c]) for c in token))
        )
    tens, _, ones = token.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def parse_date(text: str) -> dt.date | None:
    """Return the date of a 成文日期 line (2023年7月5日 or 二〇二三年七月五日), else None."""
    match = _DATE.match(text)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return dt.date(_date_part(year), _date_part(month), _date_part(day))
    except ValueError:
        return None


def _date_part(token: str) -> int:
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    if "十" in token:
        return chinese_number(token)
    return int("".join(str(_CN_DIGIT[c]) for c in token))


def recognise(source: Source) -> Outline:
    """Return the outline of ``source``'s paragraphs."""
    paragraphs = list(source.paragraphs)
    organs, date = _signature(paragraphs)
    title = _title(paragraphs)
    recipient = None
    if paragraphs and _is_recipient(paragraphs[0]):
        recipient = paragraphs.pop(0).text
    root = Node(0, None, "", 0)
    stack = [root]
    preamble: list[Paragraph] = []
    for paragraph in paragraphs:
        found = None if paragraph.table is not None else marker(paragraph.text)
        if found is not None:
            rank, number, text = found
        elif (
            paragraph.heading is not None and paragraph.table is None and len(paragraph.text) <= 60
        ):
            rank, number, text = min(paragraph.heading, 4), None, paragraph.text
        else:
            target = stack[-1]
            (target.body if target is not root else preamble).append(paragraph)
            continue
        while stack[-1].rank >= rank and stack[-1] is not root:
            stack.pop()
        typed = paragraph.text[: len(paragraph.text) - len(text)] if found else ""
        node = Node(rank, number, text, paragraph.line, paragraph.auto, typed)
        stack[-1].children.append(node)
        stack.append(node)
    outline = Outline(title, recipient, preamble, root.children, organs, date)
    _check_numbers(source, root, outline.problems)
    return outline


def _title(paragraphs: list[Paragraph]) -> str | None:
    """Take the title off the front: a Title-styled paragraph, or short lines naming the report."""
    marked = [n for n, p in enumerate(paragraphs[:3]) if p.title]
    if marked:
        end = marked[-1] + 1
        text = "".join(p.text for p in paragraphs[:end])
        del paragraphs[:end]
        return text
    lines: list[str] = []
    for p in paragraphs[:3]:
        if p.table is not None or not _is_short(p.text) or marker(p.text) or _is_recipient(p):
            break
        lines.append(p.text)
        if _TITLE_WORDS.search(p.text):
            del paragraphs[: len(lines)]
            return "".join(lines)
    return None


def _is_short(text: str) -> bool:
    return len(text) <= _MAX_SHORT and not any(mark in text for mark in _SENTENCE_MARKS)


def _is_recipient(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return (
        paragraph.table is None
        and len(text) <= _MAX_SHORT
        and text.endswith(("：", ":"))
        and marker(text) is None
        and not any(mark in text[:-1] for mark in "。；！？;!?")
    )


def _signature(paragraphs: list[Paragraph]) -> tuple[list[str], dt.date | None]:
    """Take the 署名 and 成文日期 off the end (either order, the date may be missing)."""
    organs: list[str] = []
    date: dt.date | None = None
    while paragraphs:
        last = paragraphs[-1]
        if last.table is not None:
            break
        found = parse_date(last.text)
        if found is not None and date is None and not organs:
            date = found
        elif (
            len(organs) < 4
            and _is_short(last.text)
            and marker(last.text) is None
            and _ORGAN_WORDS.search(last.text)
            and last.heading is None
        ):
            organs.insert(0, last.text)
        else:
            break
        paragraphs.pop()
    return organs, date


def _check_numbers(source: Source, node: Node, problems: list[Problem]) -> None:
    """Warn about typed numbers that skip, repeat or run backwards among siblings of one rank."""
    last: dict[int, int] = {}
    for child in node.children:
        if child.number is not None and not child.auto:
            want = last.get(child.rank, 0) + 1
            name = RANK_NAMES[child.rank]
            if child.number != want:
                if child.number == 1:
                    message = f"“{name}”级序号在这里重新从 1 开始；导入后按顺序连续编号，请核对"
                elif child.number > want:
                    message = f"序号跳号：这里是第 {child.number} 个“{name}”级条目，前面缺少第 {want} 个；导入后按顺序重新编号，请核对"
                else:
                    message = f"序号重复或倒序：这里写作第 {child.number} 个“{name}”级条目，应为第 {want} 个；导入后按顺序重新编号，请核对"
                problems.append(source.problem(child.line, message))
            last[child.rank] = child.number
        else:
            last[child.rank] = last.get(child.rank, 0) + 1
        _check_numbers(source, child, problems)

"""Word's automatic numbering: the number a list paragraph shows, computed from numbering.xml.

Word stores only "this paragraph is level 0 of list 5"; the "3." the author saw is counted
while reading. Counters run per list (w:num) as Word runs them, so a list that Word let run
on across sections reads 3., 4. under （二）; the outline restarts it, as the author meant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zsdreport.document.numbering import chinese

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Level:
    """One level of an abstract list: its start, number format and text such as ``%1.``."""

    start: int
    fmt: str
    text: str


@dataclass
class Numbering:
    """The lists of one document and the counters met so far while reading it."""

    lists: dict[str, dict[int, Level]] = field(default_factory=dict)
    starts: dict[tuple[str, int], int] = field(default_factory=dict)
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> Numbering:
        """Return the numbering definitions of a python-docx ``document`` (none if it has none)."""
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstract: dict[str, dict[int, Level]] = {}
        for element in root.iterchildren(_W + "abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in element.iterchildren(_W + "lvl"):
                levels[int(lvl.get(_W + "ilvl", "0"))] = Level(
                    int(_val(lvl, "start") or 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                )
            abstract[element.get(_W + "abstractNumId", "")] = levels
        for num in root.iterchildren(_W + "num"):
            num_id = num.get(_W + "numId", "")
            numbering.lists[num_id] = abstract.get(_val(num, "abstractNumId") or "", {})
            for override in num.iterchildren(_W + "lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    numbering.starts[(num_id, int(override.get(_W + "ilvl", "0")))] = int(start)
        return numbering

    def number(self, paragraph: Any) -> str:
        """Return the number ``paragraph`` shows (such as ``3.`` or ``（二）``), or ``""``."""
        found = _num_pr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.lists.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        level = levels[ilvl]
        start = self.starts.get((num_id, ilvl), level.start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text
        for k in range(9):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                value = counters.get(k, levels[k].start if k in levels else 1)
                fmt = levels[k].fmt if k in levels else "decimal"
                text = text.replace(placeholder, _format(value, fmt))
        return text.strip()


def _val(element: Any, name: str) -> str | None:
    child = element.find(_W + name)
    return None if child is None else child.get(_W + "val")


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """Return (numId, ilvl) from the paragraph, else from its style chain; numId 0 means none."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.find(_W + "numPr") if p_pr is not None else None
    ilvl: int | None = None
    num_id: str | None = None
    if num_pr is not None:
        num_id = _val(num_pr, "numId")
        level = _val(num_pr, "ilvl")
        ilvl = int(level) if level is not None else None
    style = paragraph.style
    while num_id is None and style is not None:
        s_pr = style.element.pPr
        s_num = s_pr.find(_W + "numPr") if s_pr is not None else None
        if s_num is not None:
            num_id = _val(s_num, "numId")
            if ilvl is None and _val(s_num, "ilvl") is not None:
                ilvl = int(_val(s_num, "ilvl") or 0)
        style = style.base_style
    if num_id is None or num_id == "0":
        return None
    return num_id, ilvl or 0


def _format(value: int, fmt: str) -> str:
    """Return ``value`` in Word's number format ``fmt`` (the formats Chinese reports use)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographTraditional",
        "japaneseCounting",
        "taiwaneseCounting",
    ):
        return chinese(value) if 1 <= value <= 9999 else str(value)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= len(
        _CIRCLED
    ):
        return _CIRCLED[value - 1]
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(value))
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for amount, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= amount:
            out += letters
            value -= amount
    return out

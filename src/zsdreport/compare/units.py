"""A report as comparable units: the preamble, each section's heading and text, each item and point.

Prose is tokenised with every {reference} as one token, so a changed figure or the period words
(上半年 → 下半年) do not count as changed wording; figures are compared on their own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from zsdreport.compare.tokens import Token, char_tokens
from zsdreport.document.numbering import marker, ordinal_point
from zsdreport.figures.references import REFERENCE, expand
from zsdreport.report import Report, Section
from zsdreport.schema import Item, Point, SubItem
from zsdreport.text import prose

# Private-use characters stand for references while the prose is joined and made full-width.
_FIRST_SLOT = 0xE000

KIND_NAMES = {
    "preamble": "开头语",
    "heading": "标题",
    "text": "段落",
    "item": "条目",
    "point": "要点",
    "section": "节",
}


@dataclass(frozen=True)
class Unit:
    """One comparable piece of the report, with its printed place (一、（二）3.)."""

    kind: str
    section: str
    index: int
    where: str
    lead: str
    tokens: list[Token]

    @property
    def printed(self) -> str:
        """Return the unit's text as printed."""
        return "".join(t.text for t in self.tokens)

    @property
    def keys(self) -> list[str]:
        """Return the token keys: what decides whether the wording changed."""
        return [t.key for t in self.tokens]

    @property
    def title(self) -> str:
        """Return how the unit is named in a listing: its lead, or the start of its text."""
        text = self.lead or self.printed.replace("\n", "")
        return text if len(text) <= 24 else text[:24] + "…"


class Tokeniser:
    """Turn a report's prose fields into tokens, references kept whole."""

    def __init__(self, report: Report) -> None:
        self.words = report.words()
        self.names = list(self.words)
        self.slots = {name: chr(_FIRST_SLOT + n) for n, name in enumerate(self.names)}

    def tokens(self, text: str) -> list[Token]:
        """Return the printed ``text`` as tokens; each {name} is one token keyed by its name."""
        printed = prose(expand(text, self.words))
        marked = prose(REFERENCE.sub(lambda m: self.slots[m.group(1)], text))
        tokens: list[Token] = []
        literal = ""
        for ch in marked:
            slot = ord(ch) - _FIRST_SLOT
            if 0 <= slot < len(self.names):
                tokens += char_tokens(literal)
                literal = ""
                name = self.names[slot]
                tokens.append(Token("{" + name + "}", self.words[name]))
            else:
                literal += ch
        tokens += char_tokens(literal)
        # Joining lines treats a slot unlike the figure it stands for only in rare spacing cases;
        # then the printed characters are compared instead, which is never wrong, only noisier.
        if "".join(t.text for t in tokens) != printed:
            return char_tokens(printed)
        return tokens

    def join(self, parts: Sequence[str], separator: str = "\n") -> list[Token]:
        """Return the tokens of several paragraphs, one separator token between them."""
        tokens: list[Token] = []
        for n, part in enumerate(p for p in parts if p.strip()):
            if n:
                tokens.append(Token(separator, separator))
            tokens += self.tokens(part)
        return tokens


def section_places(report: Report) -> dict[str, str]:
    """Return each section's printed place: 一、（二） for an area, 二、 for a part of its own."""
    places: dict[str, str] = {}
    for n, part in enumerate(report.parts, 1):
        for m, section in enumerate(part.sections, 1):
            places[section.name] = marker(1, n) + (marker(2, m) if part.heading else "")
    return places


def report_units(report: Report) -> list[Unit]:
    """Return every comparable unit of ``report`` in document order."""
    say = Tokeniser(report)
    units = [Unit("preamble", "", 0, "开头语", "", say.join(report.meta.preamble))]
    places = section_places(report)
    for section in report.sections():
        units += _section_units(section, places[section.name], say)
    return units


def _section_units(section: Section, place: str, say: Tokeniser) -> Iterator[Unit]:
    data = section.data
    name = section.name
    yield Unit("heading", name, 0, place, "", say.tokens(data.heading))
    if any(p.strip() for p in data.text):
        yield Unit("text", name, 0, place, "", say.join(data.text))
    for n, item in enumerate(data.items, 1):
        where = place + marker(3, n)
        yield Unit("item", name, n, where, _lead(item.lead, say), _item_tokens(item, say))
    for n, point in enumerate(data.points, 1):
        where = place + ordinal_point(n)
        yield Unit("point", name, n, where, _lead(point.lead, say), _point_tokens(point, say))


def _lead(text: str, say: Tokeniser) -> str:
    return "".join(t.text for t in say.tokens(text)) if text.strip() else ""


def _point_tokens(point: Point, say: Tokeniser) -> list[Token]:
    return say.tokens(point.lead) + say.tokens(point.text)


def _item_tokens(item: Item | SubItem, say: Tokeniser) -> list[Token]:
    tokens = say.tokens(item.lead) if item.lead.strip() else []
    tokens += say.join(item.text)
    for n, point in enumerate(item.points, 1):
        tokens += [Token(ch, ch) for ch in ordinal_point(n)] + _point_tokens(point, say)
    for n, sub in enumerate(item.items if isinstance(item, Item) else [], 1):
        tokens += [Token("\n", "\n"), *(Token(ch, ch) for ch in marker(4, n))]
        tokens += _item_tokens(sub, say)
    return tokens

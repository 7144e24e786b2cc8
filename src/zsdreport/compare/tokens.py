"""Character-level diffs of Chinese text: a number or a figure is one token, any other char one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from zsdreport.compare.model import Op, Segment

_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")
CONTEXT = 12
"""Characters of unchanged text kept on each side of a change in a prose diff."""


@dataclass(frozen=True)
class Token:
    """A diff unit: ``key`` decides equality, ``text`` is what is printed."""

    key: str
    text: str


def char_tokens(text: str) -> list[Token]:
    """Split printed text into tokens: each number (with its decimal point, %) whole."""
    tokens: list[Token] = []
    at = 0
    for match in _NUMBER.finditer(text):
        tokens += [Token(ch, ch) for ch in text[at : match.start()]]
        tokens.append(Token(match.group(), match.group()))
        at = match.end()
    tokens += [Token(ch, ch) for ch in text[at:]]
    return tokens


def diff_tokens(old: Sequence[Token], new: Sequence[Token]) -> list[Segment]:
    """Return the segments that turn ``old`` into ``new``; a replacement deletes before it inserts."""
    matcher = SequenceMatcher(None, [t.key for t in old], [t.key for t in new], autojunk=False)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _add(segments, "equal", "".join(t.text for t in new[j1:j2]))
            continue
        _add(segments, "delete", "".join(t.text for t in old[i1:i2]))
        _add(segments, "insert", "".join(t.text for t in new[j1:j2]))
    return segments


def diff_text(old: str, new: str) -> list[Segment]:
    """Return the character-level diff of two printed texts."""
    return diff_tokens(char_tokens(old), char_tokens(new))


def _add(segments: list[Segment], op: Op, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


def similarity(old: str, new: str) -> float:
    """Return how alike two texts are, 0 to 1, by characters."""
    return SequenceMatcher(None, old, new, autojunk=False).ratio()


def with_context(segments: list[Segment], context: int = CONTEXT) -> list[Segment]:
    """Cut long unchanged runs down to ``context`` characters around each change, marked with …"""
    out: list[Segment] = []
    last = len(segments) - 1
    for n, segment in enumerate(segments):
        text = segment.text
        if segment.op != "equal" or last == 0:
            out.append(segment)
        elif n == 0:
            out.append(Segment("equal", text if len(text) <= context else "…" + text[-context:]))
        elif n == last:
            out.append(Segment("equal", text if len(text) <= context else text[:context] + "…"))
        elif len(text) <= 2 * context:
            out.append(segment)
        else:
            out.append(Segment("equal", text[:context] + "…" + text[-context:]))
    return out

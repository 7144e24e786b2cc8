"""Recognise what each paragraph is (title, heading level, body, signature, date) from its text.

Recognition is deliberately lenient — ``(一)`` with ASCII brackets or ``1、`` still count as headings —
so that a wrong marker is reported by the marker rule instead of hiding the paragraph's kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Protocol, TypeVar

NUMERALS = "一二三四五六七八九十百零〇"
_CN_DIGIT = "0-9０-９〇○零一二三四五六七八九十"

H1 = re.compile(rf"^[{NUMERALS}]+[、.．,，]")
H2 = re.compile(rf"^[（(][{NUMERALS}]+[）)]")
H3 = re.compile(r"^[0-9０-９]+[.．、，,](?![0-9０-９])")
H4 = re.compile(r"^[（(][0-9０-９]+[）)]")
ATTACHMENT = re.compile(r"^附件\s*[0-9０-９]*$")
DATE_LIKE = re.compile(
    rf"^[{_CN_DIGIT}]{{2,4}}\s*年\s*[{_CN_DIGIT}]{{1,3}}\s*月\s*[{_CN_DIGIT}]{{1,3}}\s*日$"
)
DATE = re.compile(r"^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$")
_SUBTITLE = re.compile(r"^（.*\d{4}\s*年.*）$")
_SENTENCE_PUNCT = re.compile(r"[。，；！？：,;!?:]")


class Kind(str, Enum):
    """Paragraph kinds; the value is the Chinese name used in messages."""

    TITLE = "标题"
    SUBTITLE = "题注日期"
    RECIPIENT = "主送机关"
    H1 = "一级标题"
    H2 = "二级标题"
    H3 = "三级标题"
    H4 = "四级标题"
    BODY = "正文"
    ATTACHMENT = "附件标识"
    SIGNATURE = "署名"
    DATE = "成文日期"
    BLANK = "空段"


HEADINGS = (Kind.H1, Kind.H2, Kind.H3, Kind.H4)


class _Paragraph(Protocol):
    text: str
    kind: Kind


_P = TypeVar("_P", bound=_Paragraph)


def heading_kind(text: str) -> Kind | None:
    """Return the heading level that ``text`` starts with, if any."""
    for kind, pattern in ((Kind.H2, H2), (Kind.H4, H4), (Kind.H1, H1), (Kind.H3, H3)):
        if pattern.match(text):
            return kind
    return None


def heading_end(text: str) -> int:
    """Return where a heading's own text ends: after the first 。 of a run-in heading, else the end."""
    stripped = text.rstrip()
    stop = stripped.find("。")
    return stop + 1 if 0 <= stop < len(stripped) - 1 else len(text)


def classify(paragraphs: Sequence[_P], centred: Callable[[_P], bool]) -> None:
    """Set ``kind`` on every paragraph of the main story."""
    end = next(
        (i for i, p in enumerate(paragraphs) if ATTACHMENT.match(p.text.strip())), len(paragraphs)
    )
    closing = _closing(paragraphs[:end])
    state = "start"
    attachment_title = False
    for i, p in enumerate(paragraphs):
        text = p.text.strip()
        if not text:
            p.kind = Kind.BLANK
            state = "after_title" if state == "title" else state
            continue
        if i in closing:
            p.kind = closing[i]
            continue
        if state == "start":
            p.kind, state = Kind.TITLE, "title"
            continue
        if state == "title" and centred(p):
            p.kind = Kind.SUBTITLE if _SUBTITLE.match(text) else Kind.TITLE
            continue
        if ATTACHMENT.match(text):
            p.kind, attachment_title = Kind.ATTACHMENT, True
            continue
        if attachment_title and centred(p):
            p.kind, attachment_title = Kind.TITLE, False
            continue
        attachment_title = False
        heading = heading_kind(text)
        if heading is not None:
            p.kind = heading
        elif state in {"title", "after_title"} and _is_recipient(text):
            p.kind = Kind.RECIPIENT
        else:
            p.kind = Kind.BODY
        state = "body"


def _is_recipient(text: str) -> bool:
    return text.endswith(("：", ":")) and len(text) <= 40 and "。" not in text


def _signature_like(text: str) -> bool:
    text = text.strip()
    return (
        0 < len(text) <= 30
        and not _SENTENCE_PUNCT.search(text)
        and heading_kind(text) is None
        and not DATE_LIKE.match(text)
    )


def _closing(paragraphs: Sequence[_Paragraph]) -> dict[int, Kind]:
    """Return the indexes of the closing 署名 and 成文日期: the last lines, the date last."""
    filled = [i for i, p in enumerate(paragraphs) if p.text.strip()]
    found: dict[int, Kind] = {}
    pos = len(filled) - 1
    if pos > 0 and DATE_LIKE.match(paragraphs[filled[pos]].text.strip()):
        found[filled[pos]] = Kind.DATE
        pos -= 1
    previous = filled[pos + 1] if pos + 1 < len(filled) else None
    # Signing organs stand on consecutive lines right above the date; the title is never one.
    while pos > 0 and len(found) < 4 and _signature_like(paragraphs[filled[pos]].text):
        if previous is not None and filled[pos] != previous - 1:
            break
        found[filled[pos]] = Kind.SIGNATURE
        previous = filled[pos]
        pos -= 1
    return found

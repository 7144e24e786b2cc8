"""Prose handling: join wrapped lines the Chinese way and normalise punctuation for print."""

from __future__ import annotations

import re

# CJK ideographs, CJK symbols and punctuation, full-width forms, and the quotes/dashes of Chinese text.
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7\u2236"
)
CJK = f"[{_CJK}]"
HAN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
"""A Chinese character (汉字), as a regular-expression class."""

_SPACE_NEAR_CJK = re.compile(rf"(?<={CJK})\s+|\s+(?={CJK})")
_SPACES = re.compile(r"\s+")


def join_lines(text: str) -> str:
    """Join a wrapped paragraph: no space where a line break meets Chinese text, one elsewhere."""
    return _SPACES.sub(" ", _SPACE_NEAR_CJK.sub("", text)).strip()


HALF_TO_FULL = {
    ",": "，",
    ";": "；",
    ":": "：",
    "?": "？",
    "!": "！",
    "(": "（",
    ")": "）",
    ".": "。",
    "-": "—",
}
"""What each ASCII mark becomes in Chinese text; "-" between two 汉字 is the 一字线 of a range."""

HALF_WIDTH = re.compile(
    rf"(?<={CJK})[,;:?!()]|[,;:?!()](?={CJK})"  # a mark touching Chinese
    rf"|(?<={HAN})\.(?=\s*(?:$|{CJK}))"  # a full stop after Chinese, not a decimal point
    rf"|(?<={HAN})-(?={HAN})",  # 荷叶-清潭
    re.M,
)
"""ASCII punctuation that printing makes full-width (GB/T 15834); the checkers flag the same."""


def full_width(text: str) -> str:
    """Return ``text`` with ASCII punctuation next to Chinese made full-width (GB/T 15834).

    Decimals, clock times, ``1.`` markers and Latin text keep their ASCII forms.
    """
    text = HALF_WIDTH.sub(lambda m: HALF_TO_FULL[m.group()], text)
    # A bracket whose partner was converted follows it, so (2023) inside Chinese reads （2023）.
    return _quotes(_pair_brackets(text))


def _pair_brackets(text: str) -> str:
    out = list(text)
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(out):
        if ch in "(（":
            stack.append((i, ch))
        elif ch in ")）" and stack:
            j, opener = stack.pop()
            if opener == "（" and ch == ")":
                out[i] = "）"
            elif opener == "(" and ch == "）":
                out[j] = "（"
    return "".join(out)


def _quotes(text: str) -> str:
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    open_double = open_single = False
    for i, ch in enumerate(text):
        near_cjk = bool(
            (i > 0 and re.match(CJK, text[i - 1]))
            or (i + 1 < len(text) and re.match(CJK, text[i + 1]))
        )
        if ch == '"' and near_cjk:
            out.append("”" if open_double else "“")
            open_double = not open_double
        elif ch == "'" and near_cjk:
            out.append("’" if open_single else "‘")
            open_single = not open_single
        else:
            out.append(ch)
    return "".join(out)


def prose(text: str) -> str:
    """Return a data prose field as printed: lines joined, punctuation full-width."""
    # Join first so that punctuation at a line end meets the Chinese of the next line, then
    # join again to drop a blank left beside punctuation that became full-width.
    return join_lines(full_width(join_lines(text)))


_INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def visible(text: str, keep: str = "") -> str:
    """Return ``text`` with characters nobody can see written out as <U+200B> (except ``keep``)."""
    import unicodedata

    return "".join(
        f"<U+{ord(ch):04X}>" if ch not in keep and unicodedata.category(ch) in _INVISIBLE else ch
        for ch in text
    )


def columns(text: str) -> int:
    """Return how many terminal columns ``text`` takes: wide (CJK) characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def zi(text: str) -> float:
    """Return the printed width of ``text`` in 字: digits and Latin letters count ½ (GB/T 9704 §7)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


def is_cjk(ch: str) -> bool:
    """Tell whether ``ch`` is Chinese text or Chinese punctuation."""
    return re.fullmatch(CJK, ch) is not None

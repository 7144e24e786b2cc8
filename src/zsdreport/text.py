"""Prose handling: join wrapped lines the Chinese way and normalise punctuation for print."""

from __future__ import annotations

from functools import lru_cache

from zsdreport.lazy_re import LazyPattern

# CJK ideographs, CJK symbols and punctuation, full-width forms, and the quotes/dashes of Chinese text.
_CJK_BLOCKS = (
    ("\u2e80", "\u2fff"),
    ("\u3000", "\u303f"),
    ("\u3040", "\u30ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\ufe30", "\ufe4f"),
    ("\uff00", "\uffef"),
)
_CJK_MARKS = "\u2014\u2026\u2018\u2019\u201c\u201d\u00b7\u2236"
CJK = f"[{''.join(f'{low}-{high}' for low, high in _CJK_BLOCKS)}{_CJK_MARKS}]"
"""CJK (see is_cjk) as a regular-expression class: compiling it costs milliseconds, so the
build's own scanners compare code points instead (is_cjk, is_han)."""
_HAN_BLOCKS = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))

_SPACES = LazyPattern(r"\s+")


def join_lines(text: str) -> str:
    """Join a wrapped paragraph: no space where a line break meets Chinese text, one elsewhere."""
    return _SPACES.sub(lambda run: _joint(text, *run.span()), text).strip()


def _joint(text: str, start: int, end: int) -> str:
    """Return what the whitespace run ``text[start:end]`` becomes: nothing, or one space.

    Nothing after or before Chinese text. A run can hold Chinese itself (the ideographic space
    U+3000): then, as if scanning from the left, the run is dropped up to the last one, and that
    one goes too if a second one stands just before it.
    """
    if (start and is_cjk(text[start - 1])) or (end < len(text) and is_cjk(text[end])):
        return ""
    inner = [q for q in range(start + 1, end) if is_cjk(text[q])]
    return "" if inner and is_cjk(text[inner[-1] - 1]) else " "


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

_TOUCHING = frozenset(",;:?!()")
_MARKS = LazyPattern(r"[,;:?!().\-]")


def half_width_marks(text: str) -> list[int]:
    """Return where the ASCII marks are that printing makes full-width (GB/T 15834), in order.

    A mark , ; : ? ! ( ) touching Chinese; a full stop after Chinese, not a decimal point, before
    Chinese or a line end (5%.另有, APP.下一步; not 1.加强 or （1）.加强; 比率5%. at a line end);
    a "-" between two 汉字 (荷叶-清潭). The checkers flag the same marks.
    """
    found: list[int] = []
    n = len(text)
    for mark in _MARKS.finditer(text):
        p, ch = mark.start(), mark.group()
        before = text[p - 1] if p else ""
        if ch in _TOUCHING:
            if is_cjk(before) or (p + 1 < n and is_cjk(text[p + 1])):
                found.append(p)
        elif ch == "-":
            if is_han(before) and p + 1 < n and is_han(text[p + 1]):
                found.append(p)
        elif ch == "." and before and _full_stop(text, p, before):
            found.append(p)
    return found


def _full_stop(text: str, p: int, before: str) -> bool:
    """Tell whether the "." at ``p`` (after ``before``) ends a Chinese sentence."""
    end = p + 1
    while end < len(text) and text[end].isspace():
        end += 1
    spaces = text[p + 1 : end]
    line_end = end == len(text) or "\n" in spaces
    following = text[end : end + 1]
    if is_han(before):
        return line_end or is_cjk(following) or any(is_cjk(ch) for ch in spaces)
    if (before in ("%", "‰") or is_cjk(before)) and line_end:
        return True
    plain = not (before.isdecimal() or before.isspace() or before in (".", ")", "）"))
    return plain and is_han(following)


def full_width(text: str) -> str:
    """Return ``text`` with ASCII punctuation next to Chinese made full-width (GB/T 15834).

    Decimals, clock times, ``1.`` markers and Latin text keep their ASCII forms.
    """
    marks = half_width_marks(text)
    if marks:
        chars = list(text)
        for p in marks:
            chars[p] = HALF_TO_FULL[chars[p]]
        text = "".join(chars)
    # A bracket whose partner was converted follows it, so (2023) inside Chinese reads （2023）.
    return _quotes(_pair_brackets(text))


def _pair_brackets(text: str) -> str:
    if "(" not in text and ")" not in text:
        return text
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
    """Make ASCII quotes in Chinese text full-width, a pair at a time (like brackets).

    Quotes pair up in order: the 1st with the 2nd, the 3rd with the 4th. A pair touching Chinese
    on either side, or holding Chinese, becomes “…” (or ‘…’); an unpaired quote stays ASCII,
    never half of a converted pair, and ``check`` flags it (``unpaired_quote``).
    """
    if '"' not in text and "'" not in text:
        return text
    out = list(text)
    for ascii_quote, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        for start, end in quote_pairs(text, ascii_quote)[0]:
            if _touches_cjk(text, start, end):
                out[start], out[end] = opening, closing
    return "".join(out)


def quote_pairs(text: str, quote: str = '"') -> tuple[list[tuple[int, int]], int | None]:
    """Return the index pairs of ``quote`` in order, and the index of a last unpaired one."""
    found = [i for i, ch in enumerate(text) if ch == quote]
    pairs = list(zip(found[0::2], found[1::2], strict=False))
    return pairs, (found[-1] if len(found) % 2 else None)


def _touches_cjk(text: str, start: int, end: int) -> bool:
    outside = (start > 0 and is_cjk(text[start - 1])) or (
        end + 1 < len(text) and is_cjk(text[end + 1])
    )
    return outside or any(is_cjk(ch) for ch in text[start + 1 : end])


@lru_cache(maxsize=8192)
def prose(text: str) -> str:
    """Return a data prose field as printed: lines joined, punctuation full-width."""
    # Cached: a report has a few hundred fields, and a rebuild (watch) asks for the same again.
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
    """Tell whether ``ch`` is Chinese text or Chinese punctuation (one character of CJK)."""
    # Compared, not matched: compiling the class would cost a build milliseconds.
    return len(ch) == 1 and (ch in _CJK_MARKS or any(lo <= ch <= hi for lo, hi in _CJK_BLOCKS))


def is_han(ch: str) -> bool:
    """Tell whether ``ch`` is one Chinese character (汉字), not punctuation."""
    return len(ch) == 1 and any(lo <= ch <= hi for lo, hi in _HAN_BLOCKS)


INTRO = "现将有关情况报告如下："
"""The sentence the default template ends the preamble with (templates/report.md.j2)."""


def without_intro(paragraph: str) -> str:
    """Return ``paragraph`` without a closing 现将有关情况报告如下：, which the template writes."""
    text = paragraph.rstrip()
    for ending in (INTRO, INTRO[:-1] + ":", INTRO[:-1] + "。", INTRO[:-1]):
        if text.endswith(ending):
            return text.removesuffix(ending).rstrip()
    return paragraph

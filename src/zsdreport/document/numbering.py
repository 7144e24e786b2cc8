"""Generated outline markers: 一、 （一） 1. （1） and the 一是 enumeration. Never stored in data."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_UNITS = ["", "十", "百", "千"]
MAX_NUMBER = 9999
"""The largest number written in Chinese numerals (一、 （一） 一是); check refuses longer lists."""


def chinese(n: int) -> str:
    """Return ``n`` (1–9999) in Chinese numerals as used in outline markers: 十一, 二十, 一百零五."""
    if not 1 <= n <= MAX_NUMBER:
        raise ValueError(f"outline number out of range: {n}")
    digits = [int(d) for d in str(n)]
    out: list[str] = []
    zero = False
    for i, d in enumerate(digits):
        unit = _UNITS[len(digits) - 1 - i]
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[d] + unit)
    text = "".join(out)
    return text[1:] if 10 <= n <= 19 else text


def marker(level: int, n: int) -> str:
    """Return the marker for item ``n`` at outline ``level`` (1: 一、 2: （一） 3: 1. 4: （1））."""
    if level == 1:
        return f"{chinese(n)}、"
    if level == 2:
        return f"（{chinese(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"no outline level {level}")


def ordinal_point(n: int) -> str:
    """Return the enumeration prefix 一是, 二是 … for point ``n``."""
    return f"{chinese(n)}是"

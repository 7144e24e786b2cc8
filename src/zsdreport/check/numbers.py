"""Why a typed value is not a number, and what the clerk probably meant: 1,203 · 一百二 · 12户."""

from __future__ import annotations

import re
from typing import Any

DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_THOUSANDS = re.compile(r"-?[1-9][0-9]{0,2}([,，][0-9]{3})+(\.[0-9]+)?")
_WITH_UNIT = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)([^0-9.,，_][^0-9]*)")
_GROUP = re.compile(r"[0-9]{3}(\.[0-9]+)?")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－", "0123456789.-")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_CHARS = "".join([*_CN_DIGITS, *_CN_UNITS, *_CN_BIG])
# 56八, 5十: Arabic digits run on into Chinese ones (万 and 亿 are left to be units).
_MIXED = re.compile(f"-?[0-9]+(?:\\.[0-9]+)?([{''.join([*_CN_DIGITS, *_CN_UNITS])}]+)")


def number_hint(text: str) -> str:
    """Return why ``text`` is not a number as we read numbers, and what was probably meant."""
    value = text.strip()
    plain = value.translate(_FULL_WIDTH)
    if plain != value and DECIMAL.fullmatch(plain):
        return f"：请用半角数字，是否想写 {plain}？"
    if re.match(r"-?0[0-9]", value):
        fixed = re.sub(r"^(-?)0+(?=[0-9])", r"\1", value)
        return f"：数字不能以 0 开头（是否想写 {fixed}？）"
    if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?[eE][-+]?[0-9]+", value):
        return "：不要用科学记数法（如 1e3），请直接写出数字，如 1000"
    if _THOUSANDS.fullmatch(value):
        return f"：数值不要写千位分隔符，写 {re.sub('[,，]', '', value)}"
    cleaned = re.sub(r"[_,，]", "", value)
    if cleaned != value and DECIMAL.fullmatch(cleaned):
        return f"：数字中不要写下划线或逗号，是否想写 {cleaned}？"
    if re.fullmatch(r"-?[0-9]+\.", value):
        return f"：小数点后没有数字，是否想写 {value[:-1]}？"
    if re.fullmatch(r"-?[0-9.]*[0-9][0-9.]*", value):
        return "：数字中只能有一个小数点，请核对"
    mixed = _MIXED.fullmatch(value)
    if mixed:
        # 56八: reading 八 as a unit (as for 12户) would silently drop a digit. 万 and 亿 stay
        # units (1万 → unit: 万), as 万元 and 万亩 are.
        return f"：数值中混有汉字数字“{mixed.group(1)}”，请全部用阿拉伯数字写出"
    with_unit = _WITH_UNIT.fullmatch(value)
    if with_unit:
        number, unit = with_unit.groups()
        return f"：数值只写数字 {number}，单位“{unit.strip()}”写在 unit 中（unit: {unit.strip()}）"
    return _chinese_hint(value)


def _chinese_hint(value: str) -> str:
    end = len(value)
    while end and value[end - 1] not in _CN_CHARS:
        end -= 1
    number = chinese_number(value[:end]) if end else None
    if number is None:
        return ""
    unit = value[end:].strip()
    if unit:
        return f"：数值要用阿拉伯数字写，如 {number}，单位“{unit}”写在 unit 中（unit: {unit}）"
    return f"：数值要用阿拉伯数字写，如 {number}"


def chinese_number(text: str) -> int | None:
    """Read a Chinese numeral as people type it: 一百二十三 → 123, 一百二 → 120, 两万 → 20000."""
    if not text or len(text) > 20 or any(ch not in _CN_CHARS for ch in text):
        return None
    total = section = 0
    digit: int | None = None
    last_unit = 0
    after_unit = False
    for ch in text:
        if ch in _CN_DIGITS:
            if digit not in (None, 0):
                return None  # 一二三 is not a number
            digit = _CN_DIGITS[ch]
            after_unit = after_unit and digit != 0
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit, last_unit, after_unit = None, _CN_UNITS[ch], True
        else:
            total += (section + (digit or 0)) * _CN_BIG[ch]
            section, digit, last_unit, after_unit = 0, None, _CN_BIG[ch], True
    if digit:
        # 一百二 is 120 and 一万二 is 12000: a last digit right after a unit counts one unit down.
        section += digit * (last_unit // 10) if after_unit and last_unit >= 100 else digit
    result = total + section
    return result or None


def split_number(data: Any, path: tuple[Any, ...]) -> str | None:
    """Explain `{value: 1,203}`: YAML split the number at the comma and made "203" a key.

    ``path`` is the unknown key's path; returns the message, or None when it is something else.
    """
    parent: Any = data
    for part in path[:-1]:
        parent = parent.get(part) if isinstance(parent, dict) else None
    key = path[-1]
    if not (isinstance(parent, dict) and isinstance(key, str) and _GROUP.fullmatch(key)):
        return None
    keys = list(parent)
    first = parent.get("value")
    if not (isinstance(first, str) and re.fullmatch(r"-?[1-9][0-9]{0,2}", first)):
        return None
    run: list[str] = []
    for after in keys[keys.index("value") + 1 :]:
        if parent[after] is not None or not _GROUP.fullmatch(after):
            break
        run.append(after)
    if key not in run:
        return None
    return f"数值不要写千位分隔符，写 {first}{''.join(run)}"

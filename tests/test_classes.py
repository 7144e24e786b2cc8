"""Character classes written for a quick start match exactly the classes they stand for."""

from __future__ import annotations

import re

from zsdreport.load.encoding import _UNREADABLE
from zsdreport.text import CJK, is_cjk

# Every code point in one string: one pass per pattern at the speed of C.
EVERY = "".join(map(chr, range(0x110000)))
BMP = EVERY[:0x10000] + "\U00010000\U00020000\U0010ffff"


def test_unreadable_is_what_yaml_refuses_plus_the_other_line_breaks() -> None:
    # PyYAML's Reader.NON_PRINTABLE, and the line breaks besides \n (what the class replaced).
    allowed = re.compile(
        "[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]"
    )
    found = [m.start() for m in _UNREADABLE.finditer(EVERY)]
    assert found == [m.start() for m in allowed.finditer(EVERY)]
    assert len(found) == 2115


def test_is_cjk_is_the_cjk_class() -> None:
    matched = {m.group() for m in re.finditer(CJK, BMP)}
    assert {ch for ch in BMP if is_cjk(ch)} == matched
    assert len(matched) > 29000
    assert not is_cjk("") and not is_cjk("中文") and is_cjk("中") and is_cjk("“")

"""GB/T 9704 placement arithmetic, shared by the .docx writer and the .docx checker."""

from __future__ import annotations

from zsdreport.text import zi


def signature_indents(name: str, date: str | None, *, literal: bool = False) -> tuple[float, float]:
    """Return the right indents (字) of the 署名 ``name`` and the 成文日期 ``date`` (§7.3.5.2).

    The 署名 is 右空二字 and the date starts 2 字 right of the 署名's start. When that would
    leave the date less than 2 字 from the margin, the date is 右空二字 and the 署名 moves left
    to keep the 2 字 step ("spec"); the "literal" reading of the dispute does so only when the
    date is longer than the 署名. Digits and Latin letters count ½ 字.
    """
    if not date:
        return 2.0, 0.0
    n, d = zi(name.strip()), zi(date.strip())
    if (d > n) if literal else (n - d < 2):
        return d - n + 4, 2.0
    return 2.0, n - d

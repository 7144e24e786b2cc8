"""Turn a data file's bytes into text, or say plainly why not; never guess into mojibake.

UTF-8 (with or without BOM) is read as is. A file saved by Notepad in the "ANSI" encoding of a
Chinese Windows (GBK, or GB18030) is read with a warning, but only when the decoded text looks
like Chinese; anything else, and any UTF-8 file with a damaged byte, is refused with its position.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from zsdreport.errors import Problem, Severity

# What PyYAML refuses (its Reader.NON_PRINTABLE: all but tab, newline, printable ASCII, \xa0 to
# \ud7ff, \ue000 to \ufffd and beyond the BMP) and what it would count as a line break besides \n:
# both are refused here, with a position, so that YAML never sees them and lines stay ours.
# Written as the few characters refused, not as the negation of those allowed: the same set, but
# compiled in a tenth of the time (re walks every code point of a class's ranges).
_UNREADABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# Share of the non-ASCII characters of a GBK-decoded file that must be Chinese (GB2312 hanzi or
# CJK punctuation) before we believe it: Big5, Shift-JIS and damaged UTF-8 all fall well short.
_PLAUSIBLE = 0.9
_CJK_PUNCTUATION = re.compile(
    "[\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]"
)


def decode(raw: bytes, path: Path) -> tuple[str | None, list[Problem]]:
    """Return the text of ``raw`` with \\n line ends, or None and the problem that stops it."""
    if not raw.strip(b" \t\r\n\xef\xbb\xbf"):
        return None, [Problem(path, 1, None, "文件为空：请填写内容")]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem(path, 1, None, "文件编码为 UTF-16：请另存为 UTF-8 编码")]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                None,
                "文件含有空字节（\\0），不是文本文件（或是 UTF-16 编码）：请另存为 UTF-8 编码",
            )
        ]
    problems: list[Problem] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        decoded, problem = _not_utf8(raw, e, path)
        if decoded is None:
            return None, [problem]
        text = decoded
        problems.append(problem)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _UNREADABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        source_line = text.split("\n")[line - 1]
        message = f"文件含有不可见的控制字符 {describe_char(bad.group())}：请删除它（常见于从网页或其他软件复制的文字）"
        return None, [Problem(path, line, col, message, source_line=source_line)]
    return text, problems


def _not_utf8(raw: bytes, error: UnicodeDecodeError, path: Path) -> tuple[str | None, Problem]:
    line = raw[: error.start].count(b"\n") + 1
    line_start = raw.rfind(b"\n", 0, error.start) + 1
    col = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
    lossy = raw.decode("utf-8", "replace")
    damaged = lossy.count("\ufffd")
    if sum(ord(ch) > 0x7F for ch in lossy) - damaged > damaged:
        # Mostly valid UTF-8 with a few bad bytes: a damaged file or a paste from another
        # encoding. Decoding all of it as GBK would turn the good part into mojibake.
        message = (
            f"文件不是有效的 UTF-8：这里有无法识别的字节 0x{raw[error.start]:02X}"
            "（可能混入了其他编码的文字，或文件已损坏）：请删除该处文字后重新输入，并以 UTF-8 编码保存"
        )
        source_line = lossy.split("\n")[line - 1].rstrip("\r")
        return None, Problem(path, line, col, message, source_line=source_line)
    for encoding in ("gbk", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_chinese(text):
            message = (
                f"文件编码为 {encoding.upper()}，不是 UTF-8；已按 {encoding.upper()} 读取。"
                "建议用记事本“另存为”并选择 UTF-8 编码"
            )
            return text, Problem(path, None, None, message, Severity.WARNING)
        break
    message = "无法识别文件编码：既不是 UTF-8，也不像 GBK/GB18030 编码的中文：请另存为 UTF-8 编码"
    return None, Problem(path, line, col, message)


def _looks_chinese(text: str) -> bool:
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    good = sum(_is_gb2312_hanzi(ch) or _CJK_PUNCTUATION.match(ch) is not None for ch in wide)
    return good >= _PLAUSIBLE * len(wide)


def _is_gb2312_hanzi(ch: str) -> bool:
    if not "\u4e00" <= ch <= "\u9fff":
        return False
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def describe_char(ch: str) -> str:
    """Return ``U+200B（ZERO WIDTH SPACE）`` for a character users cannot see."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f"（{name}）" if name else "")

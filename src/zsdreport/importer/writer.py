"""Write the data folder: YAML in the layout of data/2023H1, one sentence per line of prose.

A small emitter of our own (the data has only mappings, lists and strings): block mappings,
``text: >-`` folded prose broken after each sentence, metrics as one-line flow mappings, and
quotes only where YAML would otherwise read a string differently. Tests load every file back
with the strict loader and compare.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from zsdreport.errors import OutputError, UsageError

_INDENT = "  "
_PROSE_KEYS = {"text", "preamble"}
_SENTENCE_END = "。；！？"
_SOFT_BREAK = "，、："
_LINE = 36
_PLAIN_START = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]")
# What the strict loader refuses to see raw in a file; written as \u escapes in double quotes.
_RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff\u2028\u2029]")


def scalar(text: str, *, flow: bool = False) -> str:
    """Return ``text`` as a YAML scalar: plain when YAML reads it back unchanged, else quoted."""
    unsafe = (
        not text
        or _PLAIN_START.match(text) is not None
        or text != text.strip()
        or ": " in text
        or " #" in text
        or text.endswith(":")
        or any(ch in text for ch in '\n\t\r\\"')
        or _RAW_UNSAFE.search(text) is not None
        # Flow mappings read ASCII marks (, : ? [ ] { } #) as syntax in more places than blocks do.
        or (flow and any(ord(ch) < 0x80 and not (ch.isalnum() or ch in "._-/+ ") for ch in text))
    )
    return _quoted(text) if unsafe else text


def _quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif _RAW_UNSAFE.match(ch):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def sentences(text: str) -> list[str]:
    """Break prose after each sentence, and long sentences after a comma, for one line each."""
    lines: list[str] = []
    current = ""
    depth = 0
    for ch in text:
        current += ch
        if ch in "“‘（(《":
            depth += 1
        elif ch in "”’）)》":
            depth = max(0, depth - 1)
        # An unclosed bracket must not glue the rest of the paragraph into one line.
        if (depth == 0 or len(current) > 2 * _LINE) and (
            ch in _SENTENCE_END or (ch in _SOFT_BREAK and len(current) >= _LINE)
        ):
            lines.append(current)
            current = ""
    if current:
        lines.append(current)
    return lines


def _foldable(text: str) -> bool:
    """Tell whether ``text`` survives a folded block: no edge blanks, no line breaks or tabs."""
    return (
        bool(text)
        and text == text.strip()
        and not any(ch in text for ch in "\n\r\t")
        and _RAW_UNSAFE.search(text) is None
        and not any(line != line.strip() for line in sentences(text))
    )


def _folded(text: str, indent: str) -> list[str]:
    return [">-", *(indent + line for line in sentences(text))]


def dump(data: dict[str, Any], comment: str = "") -> str:
    """Return ``data`` (mappings, lists, strings) as YAML text, with an optional header comment."""
    lines = [f"# {line}" for line in comment.splitlines()] if comment else []
    _mapping(data, "", lines)
    return "\n".join(lines) + "\n"


def _mapping(data: dict[str, Any], indent: str, lines: list[str], first: str | None = None) -> None:
    for n, (key, value) in enumerate(data.items()):
        head = (first if n == 0 and first is not None else indent) + f"{key}:"
        _value(key, value, indent, head, lines)


def _value(key: str, value: Any, indent: str, head: str, lines: list[str]) -> None:
    inner = indent + _INDENT
    if (
        key in _PROSE_KEYS
        and isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], str)
    ):
        value = value[0]
    if key == "points" and isinstance(value, list):
        value = [e["text"] if isinstance(e, dict) and list(e) == ["text"] else e for e in value]
        key = "text"
    if key == "metrics" and isinstance(value, dict):
        lines.append(head)
        for name, metric in value.items():
            fields = ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in metric.items())
            lines.append(f"{inner}{name}: {{{fields}}}")
    elif isinstance(value, dict):
        lines.append(head)
        _mapping(value, inner, lines)
    elif isinstance(value, list):
        if not value:
            lines.append(f"{head} []")
            return
        lines.append(head)
        for entry in value:
            if isinstance(entry, dict):
                _mapping(entry, inner + _INDENT, lines, first=f"{inner}- ")
            elif isinstance(entry, list):
                lines.append(
                    f"{inner}- " + "[" + ", ".join(scalar(str(c), flow=True) for c in entry) + "]"
                )
            elif key in _PROSE_KEYS and _foldable(entry):
                folded = _folded(entry, inner + _INDENT)
                lines.append(f"{inner}- {folded[0]}")
                lines += folded[1:]
            else:
                lines.append(f"{inner}- {scalar(str(entry))}")
    elif key in _PROSE_KEYS and isinstance(value, str) and _foldable(value) and len(value) > _LINE:
        folded = _folded(value, inner)
        lines.append(f"{head} {folded[0]}")
        lines += folded[1:]
    else:
        lines.append(f"{head} {scalar(str(value))}")


def write_folder(
    folder: Path, files: dict[str, str], *, force: bool, keep: Path | None = None
) -> None:
    """Write ``files`` (name → text) as a new folder; refuse a non-empty one unless ``force``.

    ``keep`` (the report being imported) must not be inside a folder that --force replaces.
    """
    if keep is not None and folder.resolve() in keep.resolve().parents:
        raise UsageError(
            f"输出文件夹 {folder} 里有正在导入的文件 {keep.name}：请换一个输出位置，以免把原稿删掉"
        )
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} 已存在且不是文件夹：请换一个输出位置")
    if folder.exists() and any(folder.iterdir()) and not force:
        raise UsageError(
            f"输出文件夹 {folder} 已存在且不为空：请换一个位置，或加 --force 替换其中的内容"
        )
    staging = folder.with_name(f".{folder.name}.importing")
    try:
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir(parents=True)
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
    except OSError as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"无法写入 {folder}：{e.strerror or e}") from e

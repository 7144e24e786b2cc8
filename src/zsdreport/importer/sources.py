"""Read an existing report (.docx, .txt, .md) into plain paragraphs, the way its author saw them."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from zsdreport.errors import DataError, Problem, Severity, UsageError
from zsdreport.text import join_lines

SUFFIXES = (".docx", ".txt", ".md")
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the original: its text and what its formatting says about it.

    ``heading`` is the outline level a Word heading style or font suggests (1 一、 … 4 （1）);
    ``auto`` is true when the leading number was computed from Word's automatic numbering;
    ``table`` holds the cell texts, row by row, when the paragraph is a table.
    """

    text: str
    line: int
    heading: int | None = None
    title: bool = False
    auto: bool = False
    table: tuple[tuple[str, ...], ...] | None = None


@dataclass
class Source:
    """The paragraphs of one report file, and what reading it noticed."""

    path: Path
    paragraphs: list[Paragraph]
    problems: list[Problem] = field(default_factory=list)
    by_paragraph: bool = False

    def problem(self, line: int, message: str, severity: Severity = Severity.WARNING) -> Problem:
        """Make a problem at ``line`` (a paragraph number for .docx, said in the message)."""
        if self.by_paragraph:
            return Problem(self.path, None, None, f"第 {line} 段：{message}", severity)
        return Problem(self.path, line, None, message, severity)


def read_source(path: Path) -> Source:
    """Read ``path`` into paragraphs; raise UsageError or DataError in Chinese when it cannot be."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：请给出 .docx、.txt 或 .md 文件"
        )
    if not path.exists():
        raise UsageError(f"找不到文件 {path}")
    if not path.is_file():
        raise UsageError(f"{path} 不是文件")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise UsageError(f"无法读取 {path}：{e.strerror or e}") from e
    if len(raw) > MAX_BYTES:
        raise DataError(
            [
                Problem(
                    path,
                    None,
                    None,
                    f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB），不像一份工作报告",
                )
            ]
        )
    if suffix == ".docx":
        from zsdreport.importer.word import read_docx

        return read_docx(path, raw)
    return _read_text(path, raw, markdown=suffix == ".md")


def _read_text(path: Path, raw: bytes, *, markdown: bool) -> Source:
    from zsdreport.load.encoding import decode

    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        message = "这是 Word 等软件的二进制文件，不是文本文件：请把扩展名改为 .docx（旧的 .doc 请先用 Word 另存为 .docx）"
        raise DataError([Problem(path, None, None, message)])
    text, problems = decode(raw, path)
    if text is None:
        raise DataError(problems)
    lines = text.split("\n")
    paragraphs = (
        _markdown(lines)
        if markdown
        else [Paragraph(join_lines(line), n) for n, line in enumerate(lines, 1) if line.strip()]
    )
    return Source(path, paragraphs, problems)


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~&])")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _markdown(lines: list[str]) -> list[Paragraph]:
    """Return the paragraphs of Markdown: blank lines separate, # marks headings, | a table."""
    out: list[Paragraph] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        if not line.strip():
            n += 1
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            # "#" is the title; "##" the 一、 level, "###" the （一） level, as build writes them.
            outline_level = min(level - 1, 4) if level > 1 else None
            out.append(
                Paragraph(_plain(heading.group(2)), n + 1, heading=outline_level, title=level == 1)
            )
            n += 1
            continue
        if (
            line.lstrip().startswith("|")
            and n + 1 < len(lines)
            and _MD_TABLE_RULE.match(lines[n + 1])
        ):
            start = n
            rows = [_cells(line)]
            n += 2
            while n < len(lines) and lines[n].lstrip().startswith("|"):
                rows.append(_cells(lines[n]))
                n += 1
            out.append(Paragraph("", start + 1, table=tuple(rows)))
            continue
        start = n
        block = [line]
        n += 1
        while n < len(lines) and lines[n].strip() and not _new_block(lines[n]):
            block.append(lines[n])
            n += 1
        out.append(Paragraph(_plain(join_lines("\n".join(block))), start + 1))
    return out


def _new_block(line: str) -> bool:
    """Tell whether a line starts a paragraph of its own even without a blank line before it."""
    from zsdreport.importer.outline import marker

    return bool(_MD_HEADING.match(line)) or marker(_plain(line)) is not None


def _plain(text: str) -> str:
    """Return Markdown inline text without its markup (emphasis, escapes, quote and list marks)."""
    text = re.sub(r"^(>\s*)+", "", text)
    text = re.sub(r"^[-*+]\s+", "", text)
    text = text.replace("**", "").replace("__", "")
    return html.unescape(_MD_ESCAPE.sub(r"\1", text)).strip()


def _cells(line: str) -> tuple[str, ...]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return tuple(_plain(cell.replace("\\|", "|")) for cell in re.split(r"(?<!\\)\|", body))

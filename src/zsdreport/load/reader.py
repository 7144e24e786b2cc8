"""Read data files strictly: decode, parse YAML without implicit typing, and remember positions.

Readers only produce plain data (dicts, lists, str, None); the schema validates it.
Every scalar stays the text the clerk typed: ``no``, ``010`` and ``12:30`` are strings here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml.composer import Composer
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from zsdreport.errors import Problem, Severity
from zsdreport.load.encoding import decode
from zsdreport.load.files import RefusedFile, TooLarge, read_regular
from zsdreport.load.yaml_errors import QUOTE_HINT, translate


def _libyaml_parser() -> Any:
    """Return libyaml's event parser, or None when PyYAML was built without libyaml."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - depends on how PyYAML was installed
        return None
    return CParser


# libyaml parses about ten times faster than the pure-Python parser.
_CParser: Any = _libyaml_parser()

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
PathKey = tuple[str | int, ...]

_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {_STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class Scalar(NamedTuple):
    """Where a scalar's text stands in the file (character offsets) and how it was written."""

    start: int
    end: int
    style: str | None
    value: str


@dataclass
class Source:
    """One data file: its text, its plain data and where each value stands in it."""

    path: Path
    text: str
    data: Any
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[PathKey, Scalar] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _spots: dict[PathKey, list[int]] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def _lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for line in self._lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return starts

    def line(self, number: int) -> str | None:
        """Return source line ``number`` (1-based), if there is one."""
        return self._lines[number - 1] if 0 < number <= len(self._lines) else None

    def problem(
        self,
        path: PathKey,
        message: str,
        severity: Severity = Severity.ERROR,
        *,
        at_key: bool = False,
        snippet: str | None = None,
        offset: int | None = None,
        width: int = 1,
    ) -> Problem:
        """Make a problem located at the YAML node for ``path`` (or its nearest parent).

        With ``offset``, point at that character of the scalar's value (as loaded, after YAML
        folded its lines and undid its escapes); with ``snippet``, at its first occurrence there.
        """
        line, col = self.locate(path, at_key=at_key)
        scalar = self.scalars.get(path)
        if snippet:
            width = len(snippet)
            if scalar is not None and snippet in scalar.value:
                offset = scalar.value.index(snippet)
            else:
                line, col = self.find(snippet, line, col)
        if offset is not None and scalar is not None:
            line, col = self.position(path, offset)
        return Problem(self.path, line, col, message, severity, path, self.line(line), width)

    def position(self, path: PathKey, offset: int) -> tuple[int, int]:
        """Return the line and column in the file of character ``offset`` of the value at ``path``."""
        scalar = self.scalars.get(path)
        if scalar is None:
            return self.locate(path)
        spots = self._spots.get(path)
        if spots is None:
            raw = self.text[scalar.start : scalar.end]
            spots = self._spots[path] = align(raw, scalar.value, scalar.style)
        return self._line_col(scalar.start + spots[max(0, min(offset, len(spots) - 1))])

    def find(self, snippet: str, line: int, col: int) -> tuple[int, int]:
        """Return where ``snippet`` first stands at or after ``line``:``col`` (else that spot)."""
        start = self._line_starts[line - 1] + col - 1 if 0 < line <= len(self._lines) else 0
        found = self.text.find(snippet, start)
        return (line, col) if found < 0 else self._line_col(found)

    def locate(self, path: PathKey, *, at_key: bool = False) -> tuple[int, int]:
        """Return the 1-based line and column of ``path``, falling back to its parents."""
        if at_key and path in self.key_marks:
            return self.key_marks[path]
        probe = path
        while probe not in self.marks and probe:
            probe = probe[:-1]
        return self.marks.get(probe, (1, 1))

    def _line_col(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, index)
        return line, index - self._line_starts[line - 1] + 1


def align(raw: str, value: str, style: str | None) -> list[int]:
    """Return, for each character of ``value`` (and its end), its index in ``raw``.

    ``raw`` is the scalar as written (quotes, block header, indentation, escapes, folded lines);
    ``value`` what YAML made of it. Whitespace may fold into whitespace and escapes stand for one
    character; anything unexpected resynchronises on the next equal character, so the answer is
    always a position inside the scalar, exact wherever the text was typed literally.
    """
    n = len(raw)
    i = 0
    if style in ("|", ">"):
        i = raw.find("\n") + 1 if "\n" in raw else n
    elif style in ('"', "'"):
        i = 1
    spots: list[int] = []
    for ch in value:
        escape = style == '"' and i < n and raw[i] == "\\" and raw[i + 1 : i + 2] != "\n"
        if ch in " \t\n" and not escape:
            spots.append(min(i, n))
            if i < n and raw[i] in " \t\n":
                i += 1
            continue
        while i < n and not escape:
            if raw[i] in " \t\n":
                i += 1
            elif style == '"' and raw[i] == "\\" and raw[i + 1 : i + 2] == "\n":
                i += 2
            else:
                break
            escape = style == '"' and i < n and raw[i] == "\\" and raw[i + 1 : i + 2] != "\n"
        spots.append(min(i, n))
        if i >= n:
            continue
        if escape:
            i += {"x": 4, "u": 6, "U": 10}.get(raw[i + 1 : i + 2], 2)
        elif style == "'" and ch == "'" and raw[i : i + 2] == "''":
            i += 2
        elif raw[i] == ch:
            i += 1
        else:
            ahead = raw.find(ch, i)
            if ahead >= 0:
                spots[-1], i = ahead, ahead + 1
    spots.append(min(i, n))
    return spots


class _LoadError(Exception):
    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _StrictLoader(Reader, Scanner, Parser, Composer, BaseResolver):
    """A YAML loader with no implicit types, no aliases and bounded depth."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            raise _LoadError(
                "不支持 YAML 别名（以“*”开头的引用）" + QUOTE_HINT + "；否则请把内容直接写出",
                event.start_mark,
            )
        if isinstance(event, ScalarEvent | SequenceStartEvent | MappingStartEvent):
            if event.anchor is not None:
                raise _LoadError(
                    "不支持 YAML 锚点（以“&”开头的名称）" + QUOTE_HINT + "；否则请删除它",
                    event.start_mark,
                )
            if event.tag not in (None, "!"):
                raise _LoadError(
                    f"不支持 YAML 标签 {_short_tag(event.tag)}（以“!”开头）{QUOTE_HINT}；否则请删除它",
                    event.start_mark,
                )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _LoadError(
                    f"嵌套层次超过 {MAX_DEPTH} 层：数据不应嵌套这么深，请检查缩进和括号",
                    event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_file(path: Path) -> Source:
    """Read one YAML data file into plain data with positions; problems are collected."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except RefusedFile as e:
        return Source(path, "", None, problems=[Problem(path, None, None, f"文件{e}")])
    except TooLarge as e:
        message = (
            f"文件过大（{e.size / 1024 / 1024:.1f} MB，上限 {MAX_BYTES // 1024 // 1024} MB）："
            "一节的数据不会这么大，请检查是否放错了文件"
        )
        return Source(path, "", None, problems=[Problem(path, None, None, message)])
    except OSError as e:
        message = f"无法读取文件：{e.strerror or e}"
        return Source(path, "", None, problems=[Problem(path, None, None, message)])
    return load_bytes(path, raw)


def load_bytes(path: Path, raw: bytes) -> Source:
    """Read ``raw``, the content ``path`` has or is about to have, as load_file reads a file."""
    text, problems = decode(raw, path)
    if text is None:
        return Source(path, "", None, problems=problems)
    source = Source(path, text, None, problems=problems)
    if _CParser is not None and _read_events(source):
        return source
    try:
        loader = _StrictLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        source.data = _construct(node, (), source) if node is not None else None
    except _LoadError as e:
        source.problems.append(_at_mark(source, e.message, e.mark))
    except yaml.MarkedYAMLError as e:
        message, where = translate(e, source.line)
        source.problems.append(_at(source, message, where))
    except yaml.YAMLError as e:  # pragma: no cover - decode() refuses what the Reader would
        source.problems.append(Problem(path, 1, None, f"YAML 格式错误：{e}"))
    return source


# Where libyaml accepts what PyYAML refuses, or places an empty value elsewhere (found by
# fuzzing, tests/load/test_events.py): tabs, which PyYAML refuses in more places; "?", which
# ends a plain scalar in a flow collection for PyYAML only.
_PURE_ONLY = ("\t", "?")


class _Explain(Exception):
    """The file needs the pure-Python loader: it has a mistake that loader explains."""


def _read_events(source: Source) -> bool:
    """Fill ``source`` from libyaml's event stream; return False if the file has any mistake.

    On the way a clean file takes, this builds the same data and positions as the pure loader
    (``_StrictLoader`` and ``_construct``) from the same events, without composing nodes. On the
    first sign of a mistake (a syntax error, an alias, an anchor, a tag, a duplicate or empty key,
    too deep nesting, a second document) it gives up, and the pure loader, whose marks and
    error texts the messages are written against, explains it.
    """
    assert _CParser is not None
    text = source.text
    if any(mark in text for mark in _PURE_ONLY):
        return False
    parser = _CParser(text)
    marks: dict[PathKey, tuple[int, int]] = {}
    key_marks: dict[PathKey, tuple[int, int]] = {}
    scalars: dict[PathKey, Scalar] = {}
    # One entry per open collection: its path, its value, the key waiting for its value, and
    # whether it is a flow collection ([…] or {…}).
    stack: list[tuple[PathKey, Any, list[str | None], bool]] = []
    root: Any = None
    documents = 0
    try:
        while True:
            event: Any = parser.get_event()
            kind = type(event)
            if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    raise _Explain
                # Keys count as nodes for the depth limit, as they do in _StrictLoader.
                if len(stack) >= MAX_DEPTH - 1:
                    raise _Explain
                mark = event.start_mark
                if stack:
                    parent_path, parent, pending, flow = stack[-1]
                    if type(parent) is dict and pending[0] is None:
                        if kind is not ScalarEvent or not event.value.strip():
                            raise _Explain
                        key = event.value
                        here = (*parent_path, key)
                        if key in parent:
                            raise _Explain
                        key_marks[here] = (mark.line + 1, mark.column + 1)
                        pending[0] = key
                        continue
                    path: PathKey = (
                        (*parent_path, len(parent))
                        if type(parent) is list
                        else (*parent_path, pending[0])  # type: ignore[arg-type]
                    )
                else:
                    path, flow = (), True
                marks[path] = (mark.line + 1, mark.column + 1)
                value: Any
                if kind is ScalarEvent:
                    style = event.style or None
                    if style is None and event.value == "":
                        if flow:  # PyYAML puts an empty value in […] {…} before the comma
                            raise _Explain
                        value = None
                    else:
                        if style in ("|", ">") and not _plain_header(text, mark.index):
                            raise _Explain
                        value = event.value
                        scalars[path] = Scalar(mark.index, event.end_mark.index, style, value)
                else:
                    value = {} if kind is MappingStartEvent else []
                if not stack:
                    root = value
                elif type(stack[-1][1]) is list:
                    stack[-1][1].append(value)
                else:
                    stack[-1][1][pending[0]] = value
                    pending[0] = None
                if kind is not ScalarEvent:
                    stack.append((path, value, [None], bool(stack and flow) or event.flow_style))
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
            elif kind is AliasEvent:
                raise _Explain
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Explain
            elif kind is StreamEndEvent:
                break
    except (_Explain, yaml.YAMLError):
        return False
    finally:
        parser.dispose()
    source.data, source.marks, source.key_marks, source.scalars = root, marks, key_marks, scalars
    return True


def _plain_header(text: str, start: int) -> bool:
    """Tell whether a block scalar's header line (`|`, `>-`, `|2 # 注释`) is one PyYAML accepts.

    libyaml also takes `>#…`; PyYAML wants blanks before a comment there.
    """
    end = text.find("\n", start)
    rest = text[start + 1 : end if end >= 0 else len(text)].lstrip("+-123456789")
    return not rest.strip(" ") or (rest[:1] == " " and rest.lstrip(" ")[:1] == "#")


def _at_mark(source: Source, message: str, mark: Any) -> Problem:
    return _at(source, message, (mark.line + 1, mark.column + 1) if mark is not None else None)


def _at(source: Source, message: str, where: tuple[int, int] | None) -> Problem:
    if where is None:
        return Problem(source.path, 1, None, message)
    line, col = where
    return Problem(source.path, line, col, message, source_line=source.line(line))


def _construct(node: Node, path: PathKey, source: Source) -> Any:
    source.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag not in _PLAIN_TAGS:
        raise _LoadError(f"不支持 YAML 标签 {_short_tag(node.tag)}：请删除它", node.start_mark)
    if isinstance(node, ScalarNode):
        if node.style is None and node.value == "":
            return None
        source.scalars[path] = Scalar(
            node.start_mark.index, node.end_mark.index, node.style, node.value
        )
        return node.value
    if isinstance(node, SequenceNode):
        return [_construct(child, (*path, i), source) for i, child in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _LoadError("字段名必须是一段文字，不能是列表或映射", key_node.start_mark)
            if not key_node.value.strip():
                raise _LoadError("字段名不能为空：每个字段应写成“名称: 内容”", key_node.start_mark)
            key = key_node.value
            here = (*path, key)
            mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                # Collected rather than raised, so that every duplicate is listed at once.
                first = source.key_marks[here]
                message = f"字段“{key}”重复（第 {first[0]} 行已有）：重复的字段会丢失内容，请合并或删除一个"
                source.problems.append(_at_mark(source, message, key_node.start_mark))
                continue
            source.key_marks[here] = mark
            result[key] = _construct(value_node, here, source)
        return result
    raise _LoadError("无法识别的 YAML 节点", node.start_mark)  # pragma: no cover


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")

"""Read data files strictly: decode, parse YAML without implicit typing, and remember positions.

Readers only produce plain data (dicts, lists, str, None); the schema validates it.
Every scalar stays the text the clerk typed: ``no``, ``010`` and ``12:30`` are strings here.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from zsdreport.errors import Problem, Severity

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
PathKey = tuple[str | int, ...]

_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {_STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Source:
    """One data file: its text, its plain data and where each value stands in it."""

    path: Path
    text: str
    data: Any
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, number: int) -> str | None:
        """Return source line ``number`` (1-based), if there is one."""
        lines = self.text.split("\n")
        return lines[number - 1] if 0 < number <= len(lines) else None

    def problem(
        self,
        path: PathKey,
        message: str,
        severity: Severity = Severity.ERROR,
        *,
        at_key: bool = False,
        snippet: str | None = None,
    ) -> Problem:
        """Make a problem located at the YAML node for ``path`` (or its nearest parent).

        With ``snippet``, point at its first occurrence inside that node's text.
        """
        line, col = self.locate(path, at_key=at_key)
        width = 1
        if snippet:
            line, col = self.find(snippet, line, col)
            width = len(snippet)
        return Problem(self.path, line, col, message, severity, path, self.line(line), width)

    def find(self, snippet: str, line: int, col: int) -> tuple[int, int]:
        """Return where ``snippet`` first stands at or after ``line``:``col`` (else that spot)."""
        lines = self.text.split("\n")
        start = sum(len(x) + 1 for x in lines[: line - 1]) + col - 1
        found = self.text.find(snippet, start)
        if found < 0:
            return line, col
        found_line = self.text.count("\n", 0, found) + 1
        return found_line, found - (self.text.rfind("\n", 0, found) + 1) + 1

    def locate(self, path: PathKey, *, at_key: bool = False) -> tuple[int, int]:
        """Return the 1-based line and column of ``path``, falling back to its parents."""
        if at_key and path in self.key_marks:
            return self.key_marks[path]
        probe = path
        while probe not in self.marks and probe:
            probe = probe[:-1]
        return self.marks.get(probe, (1, 1))


class _LoadError(Exception):
    def __init__(self, message: str, mark: yaml.Mark | None) -> None:
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
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _LoadError("不支持 YAML 别名（*引用）：请把内容直接写出", event.start_mark)
        if isinstance(event, ScalarEvent | SequenceStartEvent | MappingStartEvent):
            if event.anchor is not None:
                raise _LoadError("不支持 YAML 锚点（&名称）：请把内容直接写出", event.start_mark)
            if event.tag not in (None, "!"):
                raise _LoadError(
                    f"不支持 YAML 标签 {_short_tag(event.tag)}：请删除它", event.start_mark
                )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _LoadError(f"嵌套层次超过 {MAX_DEPTH} 层", event.start_mark)
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


def decode(raw: bytes, path: Path) -> tuple[str | None, list[Problem]]:
    """Decode file bytes: UTF-8 (BOM allowed); GB18030 with a warning; refuse the rest."""
    if not raw.strip(b" \t\r\n\xef\xbb\xbf"):
        return None, [Problem(path, None, None, "文件为空：请填写内容或从报告文件中删除此节")]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem(path, None, None, "文件编码为 UTF-16：请另存为 UTF-8 编码")]
    problems: list[Problem] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            line = raw[: e.start].count(b"\n") + 1
            return None, [
                Problem(
                    path, line, None, "文件不是 UTF-8 文本（也不是 GBK/GB18030）：请另存为 UTF-8"
                )
            ]
        if not re.search(r"[\u4e00-\u9fff]", text) or _CONTROL.search(text):
            line = raw[: e.start].count(b"\n") + 1
            return None, [Problem(path, line, None, "文件不是 UTF-8 文本：请另存为 UTF-8")]
        problems.append(
            Problem(
                path,
                None,
                None,
                "文件编码为 GBK/GB18030，已按此编码读取；建议用记事本“另存为”UTF-8 编码",
                Severity.WARNING,
            )
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        return None, [Problem(path, line, col, "文件含有控制字符，看起来不是文本文件")]
    return text, problems


def load_file(path: Path) -> Source:
    """Read one YAML data file into plain data with positions; problems are collected."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problem = Problem(path, None, None, f"文件过大（{size} 字节，上限 {MAX_BYTES} 字节）")
            return Source(path, "", None, problems=[problem])
        raw = path.read_bytes()
    except OSError as e:
        return Source(path, "", None, problems=[Problem(path, None, None, f"无法读取文件：{e}")])
    text, problems = decode(raw, path)
    if text is None:
        return Source(path, "", None, problems=problems)
    source = Source(path, text, None, problems=problems)
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
        source.problems.append(_at_mark(source, _yaml_message(e), e.problem_mark))
    except yaml.YAMLError as e:
        source.problems.append(Problem(path, None, None, f"YAML 格式错误：{e}"))
    return source


def _at_mark(source: Source, message: str, mark: yaml.Mark | None) -> Problem:
    if mark is None:
        return Problem(source.path, None, None, message)
    line, col = mark.line + 1, mark.column + 1
    return Problem(source.path, line, col, message, source_line=source.line(line))


_YAML_MESSAGES = {
    "found duplicate anchor": "锚点重复",
    "mapping values are not allowed here": "这里不能出现冒号加空格（“: ”）：若是正文，请用中文冒号“：”或给整段加引号",
    "could not find expected ':'": "缺少冒号“:”：每个字段应写成“名称: 内容”",
    "found character '\\t' that cannot start any token": "不能用 Tab 键缩进：请改用空格",
    "expected <block end>, but found '-'": "列表项“-”的缩进与上文不一致",
    "found unexpected end of stream": "文件意外结束：引号或括号没有闭合",
    "found undefined alias": "不支持 YAML 别名",
}


def _yaml_message(e: yaml.MarkedYAMLError) -> str:
    problem = e.problem or ""
    for english, chinese in _YAML_MESSAGES.items():
        if problem.startswith(english):
            return f"YAML 格式错误：{chinese}"
    if "expected a single document" in (e.context or "") or "but found another document" in problem:
        return "YAML 格式错误：一个文件只能有一个文档（删除多余的“---”）"
    if "while scanning a quoted scalar" in (e.context or ""):
        return "YAML 格式错误：引号没有闭合"
    if "expected ',' or '}'" in problem or "expected ',' or ']'" in problem:
        return "YAML 格式错误：花括号或方括号没有正确闭合"
    if "block" in problem and "indent" in problem:
        return "YAML 格式错误：缩进不一致"
    return f"YAML 格式错误：{e.context + '，' if e.context else ''}{problem}"


def _construct(node: Node, path: PathKey, source: Source) -> Any:
    source.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag not in _PLAIN_TAGS:
        raise _LoadError(f"不支持 YAML 标签 {_short_tag(node.tag)}：请删除它", node.start_mark)
    if isinstance(node, ScalarNode):
        if node.style is None and node.value == "":
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [_construct(child, (*path, i), source) for i, child in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or not key_node.value:
                raise _LoadError("字段名必须是一段文字", key_node.start_mark)
            key = key_node.value
            here = (*path, key)
            mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = source.key_marks[here]
                raise _LoadError(
                    f"字段“{key}”重复（第 {first[0]} 行已有）：重复的字段会丢失内容，请合并或删除一个",
                    key_node.start_mark,
                )
            source.key_marks[here] = mark
            result[key] = _construct(value_node, here, source)
        return result
    raise _LoadError("无法识别的 YAML 节点", node.start_mark)  # pragma: no cover


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")

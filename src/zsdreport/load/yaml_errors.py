"""PyYAML's syntax errors in plain Chinese, each pointing where the clerk has to look.

PyYAML reports where it gave up; that is often the line after the mistake or the end of the file.
Where its context says better (the opening quote, the line without a colon), we point there.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

QUOTE_HINT = "：若这是正文，请给整段内容加引号"
_PREFIX = "YAML 格式错误："
_FOUND_CHAR = re.compile(r"found character '(.+)' that cannot start any token")
_CLOSERS = {"}": "{", "]": "["}

Position = tuple[int, int]


def translate(
    error: yaml.MarkedYAMLError, line_of: Callable[[int], str | None]
) -> tuple[str, Position | None]:
    """Return a Chinese message for ``error`` and the 1-based line and column to show."""
    context = error.context or ""
    problem = error.problem or ""
    at_problem = _position(error.problem_mark)
    at_context = _position(error.context_mark) or at_problem
    colon = _missing_colon(context, problem, at_problem, at_context, line_of)
    if colon is not None:
        return colon
    indent = _over_indented(problem, at_problem, line_of)
    if indent is not None:
        return indent
    comment = _comment_in_flow(problem, at_context, line_of)
    if comment is not None:
        return comment
    for rule in _RULES:
        found = rule(context, problem)
        if found is not None:
            message, where = found
            return _PREFIX + message, at_context if where == "context" else at_problem
    if "expected <block end>" in problem:
        return _block_end(problem, at_problem, line_of)
    detail = "，".join(part for part in (context, problem) if part)
    return f"{_PREFIX}无法解析（{detail}）", at_problem


# `heading 大力…` or `- lead：加强…`: a field name, then a blank or an input method's "：".
_KEY_WITHOUT_COLON = re.compile(
    r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]{0,39})(\s*：\s*|\s+)(?=\S)(.*)$"
)


_SHOWN = 16


def _missing_colon(
    context: str,
    problem: str,
    at_problem: Position | None,
    at_context: Position | None,
    line_of: Callable[[int], str | None],
) -> tuple[str, Position] | None:
    """Point at the line whose field name lacks its ":", which PyYAML reports a line late.

    After `heading 大力…` YAML reads the whole line as text, and only the next line's
    `metrics:` is wrong for it; the cause, and the fix, are on the line before.
    """
    if problem.startswith("mapping values are not allowed here") and at_problem:
        number = at_problem[0] - 1
        while number > 0 and not (line_of(number) or "").strip():
            number -= 1
    elif problem.startswith("could not find expected ':'") and at_context:
        number = at_context[0]
    else:
        return None
    text = line_of(number) if number > 0 else None
    match = _KEY_WITHOUT_COLON.match(text or "")
    if match is None or match[4].lstrip().startswith("#"):
        return None
    key, rest = match[2], match[4].rstrip()
    shown = rest if len(rest) <= _SHOWN else rest[:_SHOWN]
    if shown.count("{") > shown.count("}"):
        shown = shown[: shown.rindex("{")]  # never cut a {reference} in two
    shown += "……" if len(shown) < len(rest) else ""
    why = f"“{key}”后面用了中文冒号“：”" if "：" in match[3] else f"“{key}”后面缺少冒号"
    message = f"{_PREFIX}{why}：字段名与内容之间应写英文冒号加空格，请改为“{key}: {shown}”"
    return message, (number, len(match[1]) + 1)


_KEY_LINE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]{0,39}):(?:\s+(\S.*))?$")


def _over_indented(
    problem: str, at_problem: Position | None, line_of: Callable[[int], str | None]
) -> tuple[str, Position] | None:
    """Explain a field indented further than the one above it (` - lead: …` then `    text:`).

    YAML reads the deeper line as more words of the text above, then stumbles on its ": ";
    the fix is the indentation, not the colon.
    """
    if not (problem.startswith("mapping values are not allowed here") and at_problem):
        return None
    line, column = at_problem
    here = _KEY_LINE.match(line_of(line) or "")
    if here is None or "-" in here[1] or len(here[1]) + len(here[2]) + 1 != column:
        return None
    number = line - 1
    while number > 0 and not (line_of(number) or "").strip():
        number -= 1
    above = _KEY_LINE.match(line_of(number) or "") if number > 0 else None
    if above is None or not above[3] or above[3][0] in "|>#":
        return None
    want, have = len(above[1]), len(here[1])
    if have <= want:
        return None
    message = (
        f"{_PREFIX}缩进不一致：“{here[2]}”比上一行的“{above[2]}”多缩进了 {have - want} 格，"
        f"被当成了上一行内容的延续：同一层的字段要左端对齐（“{here[2]}”前面应为 {want} 个空格）"
    )
    return message, (line, have + 1)


Rule = Callable[[str, str], "tuple[str, str] | None"]


def _quoted(context: str, problem: str) -> tuple[str, str] | None:
    if "quoted scalar" in context and (
        "end of stream" in problem or "document separator" in problem
    ):
        return "引号没有闭合：从这里开始的引号直到文件末尾都没有对应的结束引号", "context"
    if "double-quoted scalar" in context:
        return (
            "双引号中的反斜杠“\\”是转义符，这里的转义无效：要写反斜杠本身，请改用单引号，或写成“\\\\”",
            "problem",
        )
    return None


def _simple_key(context: str, problem: str) -> tuple[str, str] | None:
    if problem.startswith("could not find expected ':'"):
        return (
            "缺少冒号“:”：每个字段应写成“名称: 内容”；若这一行是上一行正文的续行，请检查缩进",
            "context",
        )
    if problem.startswith("mapping values are not allowed here"):
        return (
            "这里不能出现冒号加空格（“: ”）：若是正文，请用中文冒号“：”或给整段内容加引号",
            "problem",
        )
    return None


def _tab(context: str, problem: str) -> tuple[str, str] | None:
    if "'\\t'" in problem or "tab character" in problem:
        return "不能用 Tab 键缩进：请改用空格", "problem"
    return None


def _start_char(context: str, problem: str) -> tuple[str, str] | None:
    match = _FOUND_CHAR.search(problem)
    if match:
        return f"“{match.group(1)}”不能作为内容的开头{QUOTE_HINT}", "problem"
    starters = {
        "alias": "以“*”开头的内容会被当作 YAML 别名",
        "anchor": "以“&”开头的内容会被当作 YAML 锚点",
        "tag": "以“!”开头的内容会被当作 YAML 标签",
        "block scalar": "“|”或“>”之后应直接换行、正文写在下一行并缩进；以“|”或“>”开头的内容会被当作多行文字的标记",
        "directive": "以“%”开头的行会被当作 YAML 指令",
    }
    for word, message in starters.items():
        if context.startswith(("while scanning a", "while parsing a")) and context.endswith(word):
            return message + QUOTE_HINT, "context"
    return None


def _flow(context: str, problem: str) -> tuple[str, str] | None:
    if "expected ',' or '}'" in problem:
        return "花括号“{”没有正确闭合（或其中的正文含有“,”“:”等符号）" + QUOTE_HINT, "context"
    if "expected ',' or ']'" in problem:
        return "方括号“[”没有正确闭合（或其中的正文含有“,”“:”等符号）" + QUOTE_HINT, "context"
    return None


def _document(context: str, problem: str) -> tuple[str, str] | None:
    if "expected a single document" in context or "but found another document" in problem:
        return "一个文件只能有一个文档：请删除多余的“---”", "problem"
    if "<document start>" in problem:
        return (
            "这一行无法解析：文件的内容应是“名称: 内容”的字段（若上面有“...”，请删除）",
            "problem",
        )
    if "end of stream" in problem:
        return "文件意外结束：引号或括号没有闭合", "problem"
    if problem.startswith("expected the node content"):
        return "这里缺少内容，或内容以 YAML 的特殊符号开头" + QUOTE_HINT, "problem"
    return None


def _comment_in_flow(
    problem: str, at: Position | None, line_of: Callable[[int], str | None]
) -> tuple[str, Position | None] | None:
    """Explain `{formula: done # / handled}`: " #" starts a comment, which swallows the "}"."""
    if "expected ',' or '}'" not in problem or at is None:
        return None
    text = line_of(at[0]) or ""
    found = text.find(" #", at[1] - 1)
    if found < 0:
        return None
    message = (
        "花括号“{”中的“ #”被 YAML 当作注释，从“#”到行末（包括“}”）都被丢掉了："
        "公式和数值中不能写“#”，说明请写在 note 中；若这是正文，请给整段内容加引号"
    )
    return _PREFIX + message, (at[0], found + 2)


_RULES: list[Rule] = [_quoted, _simple_key, _tab, _start_char, _flow, _document]


def _block_end(
    problem: str, at: Position | None, line_of: Callable[[int], str | None]
) -> tuple[str, Position | None]:
    text = line_of(at[0]) if at else None
    if at and text and 1 < at[1] <= len(text) + 1 and text[at[1] - 2] in _CLOSERS:
        # `title: {year}年…` — the value began a flow mapping; point at its opening brace.
        opener = _opener(text, at[1] - 2)
        return (
            f"{_PREFIX}以“{text[opener]}”开头的内容会被当作 YAML 的映射或列表"
            f'{QUOTE_HINT}，如 title: "{{year}}年……"',
            (at[0], opener + 1),
        )
    if "found '-'" in problem:
        return f"{_PREFIX}列表项“-”的缩进与上文不一致：同一列表的“-”应上下对齐", at
    if "found ':'" in problem:
        return f"{_PREFIX}冒号“:”前缺少字段名", at
    return f"{_PREFIX}缩进不一致：这一行与上面同级的内容没有对齐", at


def _opener(text: str, close: int) -> int:
    depth = 0
    for i in range(close, -1, -1):
        if text[i] in _CLOSERS:
            depth += 1
        elif text[i] in _CLOSERS.values():
            depth -= 1
            if depth == 0:
                return i
    return close


def _position(mark: yaml.Mark | None) -> Position | None:
    return (mark.line + 1, mark.column + 1) if mark is not None else None

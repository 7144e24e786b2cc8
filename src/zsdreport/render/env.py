"""The Jinja2 environment: sandboxed, strict about undefined names, templates from the package."""

from __future__ import annotations

import functools
import re
import time
import traceback
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from jinja2 import (
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from zsdreport.document.numbering import chinese, marker, ordinal_point
from zsdreport.errors import TemplateFailure
from zsdreport.render.template_folder import check_folder, default_templates

# What a template itself can get wrong, besides Jinja's own errors: `{{ 1 / 0 }}`, `{{ "a" + 1 }}`.
_TEMPLATE_FAULTS = (
    TemplateError,
    ArithmeticError,
    AttributeError,
    LookupError,
    RecursionError,
    TypeError,
    ValueError,
)


MAX_OUTPUT_CHARS = 20_000_000
"""Longest output a template may produce: a report is some 50 000 characters."""
MAX_STEPS = 1_000_000
"""Most loop iterations in one render: the shipped template needs a few thousand."""
MAX_SECONDS = 10.0
"""Longest a render may take, checked as it runs (a loop, an output chunk)."""
MAX_REPEAT = 1_000_000
"""Longest string or list ``*`` may make, and the largest power ``**`` may raise to."""


class TemplateLimit(Exception):
    """A template went past one of the limits above; the message says which, in Chinese."""


class _Template(Template):
    """A template whose failures become a Chinese message naming the template file and line.

    The render is streamed, so that an endless or enormous output is stopped as it grows.
    """

    def render(self, *args: Any, **kwargs: Any) -> str:
        environment = self.environment
        assert isinstance(environment, _Environment)
        environment.start_budget()
        chunks: list[str] = []
        size = 0
        try:
            for chunk in self.generate(*args, **kwargs):
                size += len(chunk)
                if size > MAX_OUTPUT_CHARS:
                    raise TemplateLimit(
                        f"输出超过 {MAX_OUTPUT_CHARS} 个字：请检查模板中的循环是否嵌套过多或没有尽头"
                    )
                environment.step(0)
                chunks.append(chunk)
        except (*_TEMPLATE_FAULTS, TemplateLimit) as e:
            raise TemplateFailure(explain(e, self.filename)) from e
        text = "".join(chunks)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            # A lone surrogate ("\ud800" in a template) cannot be saved in any file.
            line = text.count("\n", 0, e.start) + 1
            message = (
                f"模板 {self.filename} 输出了无法保存的字符 U+{ord(text[e.start]):04X}"
                f"（输出的第 {line} 行）：请检查模板中 \\ud800 之类的写法"
            )
            raise TemplateFailure(message) from e
        return text


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox (no attributes starting with _, no changing the data) with our template class.

    On top of Jinja's sandbox, a render has limits: loop iterations, time, output size, and the
    size of what ``*`` and ``**`` may build, so that a template cannot hang the build.
    """

    template_class = _Template
    intercepted_binops = frozenset({"*", "**"})
    _steps = 0
    _deadline = 0.0

    def start_budget(self) -> None:
        """Start counting the steps and time of one render."""
        self._steps = 0
        self._deadline = time.monotonic() + MAX_SECONDS

    def step(self, count: int = 1) -> None:
        """Count ``count`` loop iterations; stop the render past a limit."""
        self._steps += count
        if self._steps > MAX_STEPS:
            raise TemplateLimit(
                f"循环次数超过 {MAX_STEPS} 次：请检查模板中的循环是否嵌套过多或没有尽头"
            )
        if (count == 0 or self._steps % 1024 == 0) and time.monotonic() > self._deadline:
            raise TemplateLimit(
                f"运行超过 {MAX_SECONDS:.0f} 秒：请检查模板中的循环是否嵌套过多或没有尽头"
            )

    def budgeted(self, iterable: Any) -> Any:
        """Iterate ``iterable`` for a for loop, counting each step against the render's budget."""
        for item in iterable:
            self.step()
            yield item

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > MAX_REPEAT
                ):
                    raise TemplateLimit(
                        f"用“*”重复生成的内容超过 {MAX_REPEAT} 个字或项：报告用不到这么长的内容"
                    )
        if (
            operator == "**"
            and isinstance(left, int | float)
            and isinstance(right, int | float)
            and abs(right) > 64
            and abs(left) > 1
        ):
            raise TemplateLimit(f"乘方“{left} ** {right}”的结果过大：报告用不到这么大的数")
        return super().call_binop(context, operator, left, right)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse a template and make each for loop count its steps (see budgeted)."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            budget = nodes.EnvironmentAttribute("budgeted", lineno=loop.lineno)
            loop.iter = nodes.Call(budget, [loop.iter], [], None, None, lineno=loop.lineno)
        return tree

    def get_template(
        self,
        name: str | Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> Template:
        try:
            return super().get_template(name, parent, globals)
        except _TEMPLATE_FAULTS as e:
            raise TemplateFailure(explain(e, None)) from e


def explain(error: BaseException, filename: str | None) -> str:
    """Return a template failure in Chinese, with the template file and line it happened on.

    Jinja's and Python's own text is English: it follows in parentheses, so nothing is lost.
    """
    if isinstance(error, TemplateNotFound):
        return f"找不到模板 {error.name}"
    where = _where(error, filename)
    if isinstance(error, TemplateSyntaxError):
        why = _first_match(_SYNTAX, error.message or "", "写法不符合模板语法")
        return f"模板 {where} 语法错误：{why}（Jinja 原文：{error.message}）"
    if isinstance(error, SecurityError):
        return f"模板 {where} 试图访问不允许的内容，已被安全沙箱阻止（{error}）：模板只能使用提供给它的数据"
    if isinstance(error, UndefinedError):
        what = _first_match(_UNDEFINED, str(error), "未定义的值")
        return (
            f"模板 {where} 用到了{what}（Jinja 原文：{error}）："
            "可用的变量见默认模板 report.md.j2 开头的说明"
        )
    if isinstance(error, TemplateLimit):
        return f"模板 {where} 超出运行限制，已停止：{error}"
    why = next((text for kind, text in _FAULTS if isinstance(error, kind)), "运行时发生错误")
    return f"模板 {where} 出错：{why}（Python 原文：{type(error).__name__}: {error}）"


# Jinja's commonest syntax messages, each with what it means for someone editing a template.
# The explanations go through str.format, so literal braces are doubled.
_SYNTAX = (
    (
        r"The innermost block that needs to be closed is '(\w+)'",
        "模板在 {{% {0} %}} 块结束前就结束了：缺少 {{% end{0} %}}",
    ),
    (r"^unexpected end of template", "模板在表达式写完前就结束了：缺少 }}}} 或 %}}"),
    (r"^Encountered unknown tag '(end\w*)'", "多余的 {{% {0} %}}：前面没有与它配对的开始标签"),
    (r"^Encountered unknown tag '(\w+)'", "不认识的标签 {{% {0} %}}"),
    (r"^Expected an expression", "缺少表达式：{{{{ }}}} 或 {{% %}} 里少写了内容"),
    (r"^No filter named '(.+?)'", "没有名为 {0} 的过滤器"),
    (r"^No test named '(.+?)'", "没有名为 {0} 的测试"),
    (r"^unexpected char (.+?) at \d+", "出现了意外的字符 {0}：引号或括号是否成对？"),
    (r"^unexpected '(.+?)'", "出现了多余的 {0}"),
    (r"^expected token '.+?', got '(.+?)'", "表达式写法有误：多出了 {0}"),
    (r"^block '(.+?)' defined twice", "块 {0} 定义了两次"),
)
_UNDEFINED = (
    (r"^'(.+?)' is undefined$", "未定义的变量 {0}"),
    (r"has no attribute '(.+?)'$", "不存在的属性 {0}"),
    (r"has no element (.+)$", "不存在的元素 {0}"),
)
_FAULTS: tuple[tuple[type[BaseException], str], ...] = (
    (ZeroDivisionError, "计算时除数为零"),
    (TypeError, "数据类型不匹配，例如把文字和数字相加"),
    (RecursionError, "嵌套太深：宏或 include 是否调用了自己？"),
    (LookupError, "取不到这个元素或键"),
)


def _first_match(patterns: tuple[tuple[str, str], ...], text: str, default: str) -> str:
    for pattern, explanation in patterns:
        if found := re.search(pattern, text):
            return explanation.format(*found.groups())
    return default


def _where(error: BaseException, filename: str | None) -> str:
    if isinstance(error, TemplateSyntaxError):
        return f"{error.filename or error.name or filename}:{error.lineno}"
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        # Jinja rewrites the traceback with one frame per template line, marked like this.
        if "__jinja_exception__" in frame.f_globals:
            filename, line = frame.f_code.co_filename, lineno
    return f"{filename}:{line}" if line else str(filename or "<模板>")


def environment(templates: Path | None = None) -> SandboxedEnvironment:
    """Return the template environment: the shipped templates, or a user's folder instead.

    A user's folder is used alone (check_folder): falling back to a shipped file would print
    a layout the user did not write.
    """
    from zsdreport.render.template_cache import bytecode_cache

    folder = default_templates() if templates is None else check_folder(templates)
    env = _Environment(
        loader=FileSystemLoader(str(folder)),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(Path(__file__)),
    )
    env.filters["md"] = escape_document
    # Numbering is computed in the template from loop indexes, never typed in data.
    env.filters["marker"] = lambda n, level: marker(level, n)
    env.filters["point"] = ordinal_point
    env.filters["chinese"] = chinese
    _bound_builtins(env)
    return env


# A width like %*s or {:>999999999} in a format string: one filter call allocating gigabytes.
_HUGE_WIDTH = re.compile(r"%[-+ #0]*(?:\*|[0-9]{7,})|\{[^{}]*:[^{}]*[0-9]{7,}")


def _bound_builtins(env: SandboxedEnvironment) -> None:
    """Refuse the built-in filters' arguments that would build one enormous string at once.

    The streamed render stops a template that prints too much, but only between pieces: a
    single ``"x"|center(10**9)`` or ``lipsum(10**9)`` would first fill the memory.
    """

    def widths(name: str) -> Any:
        original = env.filters[name]

        @functools.wraps(original)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            for value in (*args, *kwargs.values()):
                if isinstance(value, int) and not isinstance(value, bool) and value > MAX_REPEAT:
                    raise TemplateLimit(
                        f"过滤器 {name} 的参数 {value} 过大（最多 {MAX_REPEAT}）：报告用不到这么长的内容"
                    )
            return original(*args, **kwargs)

        return bounded

    for name in ("center", "indent", "wordwrap", "truncate"):
        env.filters[name] = widths(name)
    original_format = env.filters["format"]

    @functools.wraps(original_format)
    def bounded_format(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and _HUGE_WIDTH.search(value):
            raise TemplateLimit(f"format 的格式“{value}”中的宽度过大：报告用不到这么长的内容")
        return original_format(value, *args, **kwargs)

    env.filters["format"] = bounded_format
    original_lipsum = env.globals["lipsum"]

    def bounded_lipsum(n: int = 5, *args: Any, **kwargs: Any) -> Any:
        if isinstance(n, int) and n > 100:
            raise TemplateLimit(f"lipsum({n}) 过大：最多 100 段")
        return original_lipsum(n, *args, **kwargs)  # type: ignore[operator]

    env.globals["lipsum"] = bounded_lipsum


_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
# What can open a block at the start of a line once the inline marks are escaped: a list
# marker (- + 1. 1)) followed by a blank or the end, or a line of only - and =, which
# Markdown reads as a thematic break or a setext underline. "1.加强…" needs no escape:
# CommonMark lists need a blank after the marker, so the run-in items stay readable.
_LIST_START = re.compile(r"^(?:([-+])|([0-9]{1,9})([.)]))(?=[ \t]|$)")
_RULE_LINE = re.compile(r"^[-=][-= \t]*$")


def escape_markdown(text: str) -> str:
    """Escape ``text`` so that Markdown reads it as plain text, whatever characters it holds."""
    # Leading blanks would make an indented code block; Markdown drops them anyway.
    text = _INLINE.sub(r"\\\1", text.lstrip())
    text = text.replace("&", "&amp;")
    if _RULE_LINE.match(text):
        return "\\" + text
    return _LIST_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def escape_document(text: str) -> str:
    """Escape ``text`` for the document Markdown, where ``{.kind}`` lines also mean structure."""
    return escape_markdown(text).replace("{", "\\{").replace("}", "\\}")

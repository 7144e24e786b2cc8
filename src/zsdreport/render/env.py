"""The Jinja2 environment: sandboxed, strict about undefined names, templates from the package."""

from __future__ import annotations

import re
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
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from zsdreport.errors import TemplateFailure, UsageError

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


class _Template(Template):
    """A template whose failures become a Chinese message naming the template file and line."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        try:
            return super().render(*args, **kwargs)
        except _TEMPLATE_FAULTS as e:
            raise TemplateFailure(explain(e, self.filename)) from e


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox (no attributes starting with _, no changing the data) with our template class."""

    template_class = _Template

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


def default_templates() -> Path:
    """Return the folder of the templates that ship with zsdreport."""
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    # An editable install runs from the source tree, where templates/ sits at the top.
    return Path(__file__).resolve().parents[3] / "templates"


def environment(templates: Path | None = None) -> SandboxedEnvironment:
    """Return the template environment; a user folder overrides the shipped templates."""
    folders = [default_templates()]
    if templates is not None:
        if not templates.is_dir():
            raise UsageError(f"找不到模板文件夹：{templates}")
        folders.insert(0, templates)
    env = _Environment(
        loader=FileSystemLoader([str(f) for f in folders]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_markdown
    return env


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

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
    """Return a template failure in Chinese, with the template file and line it happened on."""
    if isinstance(error, TemplateNotFound):
        return f"找不到模板 {error.name}"
    where = _where(error, filename)
    if isinstance(error, TemplateSyntaxError):
        return f"模板 {where} 语法错误：{error.message}"
    if isinstance(error, SecurityError):
        return f"模板 {where} 试图访问不允许的内容，已被安全沙箱阻止（{error}）：模板只能使用提供给它的数据"
    if isinstance(error, UndefinedError):
        return f"模板 {where} 用到了未定义的名称（{error}）：可用的变量见默认模板 report.md.j2 开头的说明"
    return f"模板 {where} 出错：{type(error).__name__}: {error}"


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

"""The Jinja2 environment: sandboxed, strict about undefined names, templates from the package."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from zsdreport.errors import UsageError


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
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(f) for f in folders]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_markdown
    return env


_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-+*]\s|=+\s*$|-+\s*$|\d+[.)])")


def escape_markdown(text: str) -> str:
    """Escape ``text`` so that Markdown reads it as plain text, whatever characters it holds."""
    text = _INLINE.sub(r"\\\1", text)
    text = text.replace("&", "&amp;")
    match = _BLOCK_START.match(text)
    if match and match.group(2)[0].isdigit():
        digits = match.group(2)
        text = match.group(1) + digits[:-1] + "\\" + digits[-1] + text[match.end() :]
    elif match and match.group(2)[0] in "-+=":
        text = match.group(1) + "\\" + text[len(match.group(1)) :]
    return text

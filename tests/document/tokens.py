"""Helpers for the dialect's caches: markdown-it's own parse of the dialect, and token shapes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


def plain_parser() -> MarkdownIt:
    """Return markdown-it set up as the dialect is, without the kept inline children."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

    md = MarkdownIt("commonmark").enable("table").use(attrs_block_plugin)
    return md.use(attrs_plugin, spans=True, after=("span_close",))


def shape(tokens: list[Token]) -> list[tuple[object, ...]]:
    """Return what a reader may see of ``tokens``: all but their identity."""
    return [
        (
            t.type,
            t.tag,
            t.map,
            t.attrs,
            t.content,
            t.level,
            t.nesting,
            t.markup,
            [(c.type, c.tag, c.content, c.attrs, c.markup, c.nesting) for c in t.children or []],
        )
        for t in tokens
    ]


def inlines(tokens: list[Token]) -> list[list[Token]]:
    """Return the children of each inline token of ``tokens``."""
    return [t.children or [] for t in tokens if t.type == "inline"]

"""Read Markdown back with a real CommonMark reader, for tests of what the output means."""

from __future__ import annotations

from markdown_it import MarkdownIt

READER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def read_blocks(markdown: str) -> list[tuple[str, str]]:
    """Return (block tag or kind, plain text) for each top-level block a real reader sees.

    Paragraphs and headings come as ("p" | "h1" …, text); any inline markup shows as <type>
    inside the text and any other block as (its token type, content), so escaping failures show.
    """
    tokens = READER.parse(markdown)
    out = []
    for i, token in enumerate(tokens):
        if token.type == "inline":
            text = "".join(
                c.content if c.type == "text" else f"<{c.type}>" for c in token.children or []
            )
            out.append((tokens[i - 1].tag, text))
        elif token.level == 0 and not token.type.endswith(("_open", "_close")):
            out.append((token.type, token.content))
        elif (
            token.level == 0
            and token.type.endswith("_open")
            and token.tag not in ("p", "h1", "h2", "h3")
        ):
            out.append((token.type, ""))
    return out

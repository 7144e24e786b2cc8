"""The document Markdown the template writes, read back into blocks with markdown-it-py.

The dialect is CommonMark with markdown-it's attribute syntax (mdit-py-plugins ``attrs``),
and nothing else:

    # 标题                    title           （the first ``#`` heading is also the document title）
    ## 一、标题               heading1
    ### （一）标题            heading2
    段落                      body
    {.recipient} 段落         recipient (主送机关)
    {.item} / {.subitem}      a 1. / （1） paragraph
    {.point}                  a 一是…… paragraph
    {.signature} / {.date}    署名 / 成文日期 (placed by GB/T 9704 §7.3.5)
    | 表头 | 表头 |         table (a pipe table; its first row is the header, ---: right-aligns)
    {.caption}                the next table's caption (表题)

``{.kind}`` stands on its own line before the paragraph. Inside a paragraph or heading,
``[1.]{.marker}`` marks the generated number and ``[加强……。]{.lead}`` the run-in lead;
both come first, in that order. Anything else (lists, quotes, emphasis, links, HTML) is
refused with the line it is on, so the .docx can never silently lose part of the document.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from zsdreport.document.outline import Block, Kind
from zsdreport.errors import TemplateFailure
from zsdreport.text import is_cjk

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core.state_core import StateCore
    from markdown_it.token import Token

HEADINGS: dict[str, Kind] = {"h1": "title", "h2": "heading1", "h3": "heading2"}
PARAGRAPHS: dict[str, Kind] = {
    "": "body",
    "body": "body",
    "recipient": "recipient",
    "item": "item",
    "subitem": "subitem",
    "point": "point",
    "signature": "signature",
    "date": "date",
    "caption": "body",  # read with the table that follows
}
LEVELS: dict[Kind, int] = {"heading1": 1, "heading2": 2, "item": 3, "subitem": 4}
SPANS = ("marker", "lead")

# What a refused token is, for the message.
_NAMES = {
    "bullet_list_open": "无序列表（行首的 - + *）",
    "ordered_list_open": "有序列表（行首的 1. 加空格）",
    "blockquote_open": "引用（行首的 >）",
    "code_block": "缩进代码块（行首四个空格）",
    "fence": "代码块（```）",
    "hr": "分隔线（---）",
    "html_block": "HTML",
    "html_inline": "HTML",
    "em_open": "强调（*文字*）",
    "strong_open": "加粗（**文字**）",
    "link_open": "链接",
    "image": "图片",
    "code_inline": "行内代码（`文字`）",
    "hardbreak": "强制换行（行尾两个空格或反斜杠）",
}


class DocumentSyntaxError(ValueError):
    """The rendered document uses Markdown the document structure does not have."""

    def __init__(self, line: int, what: str) -> None:
        self.line = line
        self.what = what
        super().__init__(f"line {line}: {what}")


@cache
def parser() -> MarkdownIt:
    """Return the markdown-it parser of the document dialect (one per process, see _Inlines)."""
    return _new_parser(_Inlines())


def _new_parser(inlines: _Inlines) -> MarkdownIt:
    """Return a markdown-it parser of the dialect that parses paragraph texts with ``inlines``."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

    md = MarkdownIt("commonmark").enable("table").use(attrs_block_plugin)
    # Only [text]{.class} spans take attributes: `code`{.x} and links are refused anyway.
    md.use(attrs_plugin, spans=True, after=("span_close",))
    md.core.ruler.at("inline", inlines.parse)
    md.core.ruler.after("text_join", "zsd_remember_inlines", inlines.remember)
    return md


class _Inlines:
    """Inline parsing, once per paragraph text: a rebuild re-reads only the paragraphs it changed.

    Two thirds of reading a document is parsing the inside of its paragraphs, and the result
    depends on the paragraph's text alone (and on link reference definitions, which the
    dialect has no use for: a document with any is parsed afresh). The children kept are
    those after text_join, which leaves them as they are when it meets them again; readers
    never change tokens, so documents may share them.
    """

    LIMIT = 20_000
    # The inline tokens the document being read parsed anew: set by parse(), which runs first.
    _new: list[Token]

    def __init__(self) -> None:
        self._children: dict[str, list[Token]] = {}

    def parse(self, state: StateCore) -> None:
        """Parse each inline token's content, or take the children it gave before."""
        self._new = []
        if state.env.get("references"):
            from markdown_it.rules_core.inline import inline

            inline(state)
            return
        for token in state.tokens:
            if token.type != "inline":
                continue
            known = self._children.get(token.content)
            if known is not None:
                token.children = list(known)
                continue
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)
            self._new.append(token)

    def remember(self, state: StateCore) -> None:
        """Keep the children parsed by this document, as text_join left them."""
        if len(self._children) > self.LIMIT:
            self._children.clear()
        for token in self._new:
            self._children[token.content] = list(token.children or [])


# What the dialect's blocks parse into: a document holding anything else is parsed whole, so
# that it is refused exactly as a first reading refuses it.
_FLAT = frozenset(
    {"heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline"}
    | {
        f"{part}_{end}"
        for part in ("table", "thead", "tbody", "tr", "th", "td")
        for end in ("open", "close")
    }
)


class _LastDocument:
    """The document read last, so that reading the next one parses only the lines that changed.

    The dialect's blocks are flat and end at a blank line, so a run of lines between blank
    lines parses the same wherever it stands, bar its line numbers. The runs a document
    shares at its start and at its end with the last one are taken from the last parse
    (shifted); only the lines in between are parsed. A blank line after a {.kind} line is no
    boundary: the class belongs to the block after it. A document holding anything but flat
    blocks, or a link reference definition (which applies to the whole document), or a
    carriage return (which markdown-it counts as a line break), is parsed whole.
    """

    def __init__(self) -> None:
        # The lines and the tokens of the document read last, while they may be reused.
        self._kept: tuple[list[str], list[Token]] | None = None
        self.parsed_lines = 0
        """How many lines the last reading parsed: for tests."""

    def tokens(self, markdown: str) -> list[Token]:
        """Return the tokens of ``markdown``, as one parse of the whole document gives them."""
        lines = markdown.split("\n")
        whole = "]:" in markdown or "\r" in markdown
        tokens = None if whole or self._kept is None else self._spliced(lines, *self._kept)
        if tokens is not None and not _flat(tokens):
            tokens = None
        if tokens is None:
            tokens = parser().parse(markdown)
            self.parsed_lines = len(lines)
        self._kept = None if whole or not _flat(tokens) else (lines, tokens)
        return tokens

    def _spliced(self, lines: list[str], old: list[str], tokens: list[Token]) -> list[Token]:
        """Return the tokens of ``lines``, parsing only the runs not shared with ``old``."""
        shift = len(lines) - len(old)
        same = min(len(old), len(lines))
        head = 0
        while head < same and old[head] == lines[head]:
            head += 1
        tail = 0
        while tail < same - head and old[-1 - tail] == lines[-1 - tail]:
            tail += 1
        # The parsed lines start and end where both documents have a boundary, so that the
        # blocks kept from the last one are whole in both (its end is no boundary for a
        # document that goes on in its last block). Both ends of a document are boundaries.
        start = head
        while not (_boundary(old, start) and _boundary(lines, start)):
            start -= 1
        end = len(old) - tail
        while not (_boundary(old, end) and _boundary(lines, end + shift)):
            end += 1
        middle = parser().parse("\n".join(lines[start : end + shift]))
        self.parsed_lines = end + shift - start
        for token in middle:
            if token.map:
                token.map = [token.map[0] + start, token.map[1] + start]
        after = (_moved(t, shift) for t in tokens[_first_at(tokens, end) :])
        return [*tokens[: _first_at(tokens, start)], *middle, *after]


def _flat(tokens: list[Token]) -> bool:
    """Tell whether ``tokens`` hold only the dialect's blocks (see _FLAT)."""
    return all(t.type in _FLAT for t in tokens)


def _first_at(tokens: list[Token], line: int) -> int:
    """Return the index of the first token of the first block at or after ``line``, or the end.

    ``line`` is a boundary, so no block stands across it: the tokens of a block before it all
    lie before it.
    """
    return next((i for i, t in enumerate(tokens) if t.map and t.map[0] >= line), len(tokens))


def _boundary(lines: list[str], index: int) -> bool:
    """Tell whether a run of lines may start at ``index``: after a blank line not after {.kind}."""
    if index == 0 or index == len(lines):
        return True
    if lines[index - 1].strip(" \t"):
        return False
    # The last line before the blank ones: a {.kind} line gives its class across them.
    before = index - 2
    while before >= 0 and not lines[before].strip(" \t"):
        before -= 1
    return before < 0 or not lines[before].lstrip(" ").startswith("{")


def _moved(token: Token, shift: int) -> Token:
    """Return ``token`` moved down ``shift`` lines (a copy: the last document keeps its own)."""
    if not shift or not token.map:
        return token
    return replace(token, map=[token.map[0] + shift, token.map[1] + shift])


_last = _LastDocument()


def read_blocks(markdown: str) -> list[Block]:
    """Return the blocks of a rendered document; raise DocumentSyntaxError on what it cannot hold."""
    tokens = _last.tokens(markdown)
    blocks: list[Block] = []
    caption = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        line = token.map[0] + 1 if token.map else 0
        if token.type == "heading_open":
            kind = HEADINGS.get(token.tag)
            if kind is None:
                raise DocumentSyntaxError(
                    line, f"{int(token.tag[1:]) * '#'} 级标题（只有 # ## ###）"
                )
            if token.attrs:
                raise DocumentSyntaxError(line, "标题前的 {.…}：标题不能另指类型")
        elif token.type == "paragraph_open" and token.attrs.get("class") == "caption":
            if i + 3 >= len(tokens) or tokens[i + 3].type != "table_open":
                raise DocumentSyntaxError(line, "{.caption} 表题之后应紧接着表格")
            caption = "".join(_spans(tokens[i + 1], line))
            i += 3
            continue
        elif token.type == "paragraph_open":
            kind = _paragraph_kind(token, line)
        elif token.type == "table_open":
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            blocks.append(replace(_table(tokens[i:end], line), caption=caption))
            caption = ""
            i = end + 1
            continue
        else:
            raise DocumentSyntaxError(line, _NAMES.get(token.type, token.type))
        blocks.append(_block(kind, tokens[i + 1], line))
        i += 3  # open, inline, close
    return blocks


def _paragraph_kind(token: Token, line: int) -> Kind:
    if set(token.attrs) - {"class"}:
        raise DocumentSyntaxError(line, "{.…} 里只能写一个类型，如 {.item}")
    name = str(token.attrs.get("class", ""))
    if name not in PARAGRAPHS:
        known = " ".join(f"{{.{k}}}" for k in PARAGRAPHS if k)
        raise DocumentSyntaxError(line, f"不认识的段落类型 {{.{name}}}（可用：{known}）")
    return PARAGRAPHS[name]


def _block(kind: Kind, inline: Token, line: int) -> Block:
    marker, lead, body = _spans(inline, line)
    return Block(kind, body, marker, lead, level=LEVELS.get(kind, 0))


def _spans(inline: Token, line: int) -> tuple[str, str, str]:
    """Return the marker, the lead and the body of a paragraph's inline content."""
    parts = {"marker": "", "lead": "", "body": ""}
    current: str | None = None
    for child in inline.children or []:
        if child.type == "span_open":
            name = str(child.attrs.get("class", ""))
            if current is not None or set(child.attrs) != {"class"} or name not in SPANS:
                raise DocumentSyntaxError(
                    line, f"[…]{{.{name}}}：只有 [序号]{{.marker}} 和 [引语]{{.lead}}"
                )
            if parts["body"] or parts["lead"] or (name == "marker" and parts["marker"]):
                raise DocumentSyntaxError(
                    line, f"[…]{{.{name}}} 应写在段首，{{.marker}} 在 {{.lead}} 之前"
                )
            current = name
        elif child.type == "span_close":
            current = None
        elif child.type in ("text", "softbreak"):
            parts[current or "body"] += "\n" if child.type == "softbreak" else child.content
        else:
            raise DocumentSyntaxError(line, _NAMES.get(child.type, child.type))
    return _join(parts["marker"]), _join(parts["lead"]), _join(parts["body"])


def _table(tokens: list[Token], line: int) -> Block:
    rows: list[tuple[str, ...]] = []
    align: list[str] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append(())
        elif token.type == "th_open":
            align.append("right" if "right" in str(token.attrs.get("style", "")) else "left")
        elif token.type == "inline":
            marker, lead, cell = _spans(token, line)
            if marker or lead:
                raise DocumentSyntaxError(line, "表格中的 [序号]{.marker} 或 [引语]{.lead}")
            rows[-1] += (cell,)
    # The body holds the cells' text so that whatever reads blocks as text still sees it.
    body = " ".join(c for row in rows for c in row if c)
    # Every column left is stored as no alignment, as the .docx writer expects.
    aligned = tuple(align) if "right" in align else ()
    return Block("table", body, rows=tuple(rows), align=aligned)


def _join(text: str) -> str:
    """Join the lines of a paragraph the template wrapped: no space beside Chinese, one elsewhere.

    Only the line breaks are touched: blanks the template or the data put inside a line stay.
    """
    lines = [line.strip(" \t") for line in text.split("\n")]
    joined = lines[0]
    for line in lines[1:]:
        chinese = bool(joined and is_cjk(joined[-1])) or bool(line and is_cjk(line[0]))
        joined += ("" if chinese or not joined or not line else " ") + line
    return joined


def failure(error: DocumentSyntaxError, template: str, markdown: str) -> TemplateFailure:
    """Return the Chinese message for a document the template wrote wrongly, with its line."""
    lines = markdown.splitlines()
    shown = lines[error.line - 1] if 0 < error.line <= len(lines) else ""
    return TemplateFailure(
        f"模板 {template} 生成的文档第 {error.line} 行用了文档结构中没有的写法：{error.what}"
        f"（该行：{shown}）；可用的写法见默认模板 report.md.j2 开头的说明"
    )

"""Shape a recognised outline into the data folder's structure: report, parts, sections, items.

Plain dicts and lists in the schema's key order; the writer turns them into YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zsdreport.errors import Problem
from zsdreport.importer.outline import RANK_NAMES, Node, Outline
from zsdreport.importer.sources import Paragraph, Source

Data = dict[str, Any]

_ORDINAL = "一二三四五六七八九十"
_BOUNDARY = "。；;：:，,！？!?"
_LEAD_END = "。；;！？!?"
_MAX_POINT_LEAD = 30
# Heading words → file names: the areas a township reports on, checked in heading order.
_SLUGS = (
    ("党建", "party"),
    ("党的建设", "party"),
    ("组织建设", "party"),
    ("基层党", "party"),
    ("产业", "industry"),
    ("农业", "industry"),
    ("经济", "economy"),
    ("乡村振兴", "revitalization"),
    ("脱贫", "revitalization"),
    ("巩固", "revitalization"),
    ("民生", "livelihood"),
    ("社会事业", "livelihood"),
    ("保障", "livelihood"),
    ("安全", "safety"),
    ("稳定", "safety"),
    ("平安", "safety"),
    ("信访", "petitions"),
    ("治理", "governance"),
    ("环境", "environment"),
    ("生态", "environment"),
    ("乡风", "governance"),
    ("招商", "investment"),
    ("项目", "projects"),
    ("城镇", "town"),
    ("集镇", "town"),
    ("建设", "construction"),
    ("教育", "education"),
    ("卫生", "health"),
    ("医疗", "health"),
    ("财政", "finance"),
    ("作风", "conduct"),
    ("廉", "integrity"),
    ("纪律", "integrity"),
    ("成效", "highlights"),
    ("亮点", "highlights"),
    ("成绩", "highlights"),
    ("问题", "problems"),
    ("不足", "problems"),
    ("短板", "problems"),
    ("打算", "plans"),
    ("计划", "plans"),
    ("思路", "plans"),
    ("安排", "plans"),
    ("措施", "plans"),
    ("工作", "work"),
)


@dataclass
class Section:
    """One section file to write: its name, a comment line and its data."""

    name: str
    comment: str
    data: Data


@dataclass
class Shaped:
    """The data folder as plain data: report.yaml's fields and the section files."""

    report: Data
    sections: list[Section] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def shape(outline: Outline, source: Source) -> Shaped:
    """Return the data folder for ``outline`` (title and period are filled in by the caller)."""
    shaped = Shaped({"preamble": [p.text for p in outline.preamble if p.table is None]})
    names: set[str] = set()
    entries: list[Any] = []
    if any(p.table is not None for p in outline.preamble):
        shaped.problems.append(
            source.problem(
                outline.preamble[0].line,
                "正文开头（第一个标题之前）的表格无法导入，已略去：请手工加到相应的节",
            )
        )
    if not outline.top:
        return shaped
    for n, node in enumerate(outline.top, 1):
        areas = [c for c in node.children if c.rank == 2] if node.rank == 1 else []
        if areas:
            heading = node.text
            files: list[str] = []
            stray = [c for c in node.children if c.rank != 2]
            if node.body or stray:
                shaped.problems.append(
                    source.problem(
                        node.line,
                        "这一级标题下、第一个“（一）”之前的文字已并入第一个“（一）”一节的开头：请核对",
                    )
                )
            for m, area in enumerate(areas, 1):
                if m == 1:
                    area.body = node.body + [Paragraph(_raw(c), c.line) for c in stray] + area.body
                section = _section(
                    area, source, shaped.problems, f"# {_cn(n)}、（{_cn(m)}）", "work-", names
                )
                shaped.sections.append(section)
                files.append(section.name)
            entries.append({"heading": heading, "files": files})
        else:
            section = _section(node, source, shaped.problems, f"# {_cn(n)}、", "", names)
            shaped.sections.append(section)
            entries.append(section.name)
    shaped.report["sections"] = entries
    return shaped


def _cn(n: int) -> str:
    from zsdreport.document.numbering import chinese

    return chinese(n)


def _raw(node: Node) -> str:
    return node.typed + node.text


def slug(heading: str, prefix: str, taken: set[str]) -> str:
    """Return a stable, filesystem-safe file name for a section from its heading's words."""
    found = [
        (heading.find(word), name) for word, name in _SLUGS if word in heading and name != "work"
    ]
    base = prefix + (
        min(found)[1] if found else "work" if "工作" in heading and not prefix else "section"
    )
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def _section(
    node: Node, source: Source, problems: list[Problem], comment: str, prefix: str, names: set[str]
) -> Section:
    heading, rest = _heading_split(node.text)
    name = slug(heading, prefix, names)
    data: Data = {"heading": heading}
    paragraphs = ([rest] if rest else []) + [p.text for p in node.body if p.table is None]
    tables = _tables(node, source, problems)
    if not node.children:
        text, points = _point_paragraphs(paragraphs)
    else:
        text, points = paragraphs, []
    if text:
        data["text"] = text
    items = [_item(child, source, problems, depth=1) for child in node.children]
    if items:
        data["items"] = items
    if points:
        data["points"] = points
    if tables and _has_tables():
        data["tables"] = [_table(t) for t in tables]
    elif tables:
        problems.append(
            source.problem(tables[0].line, "本版本的数据格式还不能保存表格：表格已略去，请手工录入")
        )
    if not (text or items or points or tables):
        problems.append(
            source.problem(
                node.line, f"标题“{heading}”下没有内容：已写成一句说明文字，请补写或删除这一节"
            )
        )
        data["text"] = ["（原稿此节无内容）"]
    return Section(name, comment + heading, data)


def _has_tables() -> bool:
    from zsdreport.schema import SectionFile

    return "tables" in SectionFile.model_fields


def _tables(node: Node, source: Source, problems: list[Problem]) -> list[Paragraph]:
    """Return the tables of a section; those inside an item move to the section's end."""
    found = [p for p in node.body if p.table is not None]

    def inner(children: list[Node]) -> None:
        for child in children:
            for p in child.body:
                if p.table is not None:
                    problems.append(
                        source.problem(p.line, "条目中的表格已移到本节末尾：请核对位置")
                    )
                    found.append(p)
            inner(child.children)

    inner(node.children)
    return found


def _table(paragraph: Paragraph) -> Data:
    rows = [list(row) for row in paragraph.table or ()]
    return {"rows": rows}


def _heading_split(text: str) -> tuple[str, str]:
    """Split a run-in heading ("（一）党建工作。本期……") into the heading and the prose after it."""
    lead, rest = split_lead(text)
    if rest and len(lead) <= 60:
        return lead, rest
    return text, ""


def _item(node: Node, source: Source, problems: list[Problem], depth: int) -> Data:
    lead, rest = split_lead(node.text)
    paragraphs = ([rest] if rest else []) + [p.text for p in node.body if p.table is None]
    item: Data = {"lead": lead}
    points: list[Data] = []
    if paragraphs:
        intro, points = inline_points(paragraphs[-1])
        if points:
            paragraphs = paragraphs[:-1] + ([intro] if intro else [])
    if paragraphs:
        item["text"] = paragraphs
    if points:
        item["points"] = points
    if node.children:
        if depth == 1:
            item["items"] = [_item(child, source, problems, depth=2) for child in node.children]
        else:
            problems.append(
                source.problem(
                    node.children[0].line,
                    f"正文层次超过两级（1. 和（1））：“{RANK_NAMES[node.children[0].rank]}”级的条目已连同原序号并入上一条的正文，请核对",
                )
            )
            item.setdefault("text", [])
            item["text"] += _flatten(node.children)
    return item


def _flatten(nodes: list[Node]) -> list[str]:
    out: list[str] = []
    for node in nodes:
        out.append(node.typed + node.text)
        out += [p.text for p in node.body if p.table is None]
        out += _flatten(node.children)
    return out


def split_lead(text: str) -> tuple[str, str]:
    """Split ``text`` after its first 。 or ； outside quotes and brackets: (lead, rest)."""
    for brackets in (True, False):  # an unclosed bracket: split as if there were none
        depth = 0
        for i, ch in enumerate(text):
            if brackets and ch in "“‘（(《【「":
                depth += 1
            elif brackets and ch in "”’）)》】」":
                depth = max(0, depth - 1)
            elif ch in _LEAD_END and depth == 0:
                return text[: i + 1], text[i + 1 :].strip()
        if depth == 0:
            break
    return text, ""


def _ordinal_at(text: str, n: int, start: int) -> int:
    """Return where "N是" (一是, 二是 …) starts at or after ``start``, at a clause boundary, or -1."""
    from zsdreport.document.numbering import chinese

    word = chinese(n) + "是"
    at = text.find(word, start)
    while at >= 0:
        boundary = at == 0 or text[at - 1] in _BOUNDARY
        # 一是否…, 一是一… are words, not the first point.
        if boundary and not (
            at + len(word) < len(text) and text[at + len(word)] in _ORDINAL + "否"
        ):
            return at
        at = text.find(word, at + 1)
    return -1


def inline_points(paragraph: str) -> tuple[str, list[Data]]:
    """Split "……。一是……；二是……" into the text before 一是 and the points; ([], []) if none."""
    starts: list[int] = []
    n, at = 1, 0
    while (found := _ordinal_at(paragraph, n, at)) >= 0:
        starts.append(found)
        at, n = found + 2, n + 1
    if len(starts) < 2:
        return paragraph, []
    bounds = [*starts, len(paragraph)]
    points = []
    for k, start in enumerate(starts):
        width = len(_ordinal_word(k + 1))
        points.append({"text": paragraph[start + width : bounds[k + 1]]})
    return paragraph[: starts[0]], points


def _ordinal_word(n: int) -> str:
    from zsdreport.document.numbering import chinese

    return chinese(n) + "是"


def _point_paragraphs(paragraphs: list[str]) -> tuple[list[str], list[Data]]:
    """Turn trailing paragraphs that start 一是, 二是 … into section points (with short leads)."""
    for first in range(len(paragraphs)):
        run = paragraphs[first:]
        if len(run) >= 2 and all(
            p.startswith(_ordinal_word(k + 1)) and _ordinal_at(p, k + 1, 0) == 0
            for k, p in enumerate(run)
        ):
            points = []
            for k, p in enumerate(run):
                body = p[len(_ordinal_word(k + 1)) :]
                lead, rest = split_lead(body)
                points.append(
                    {"lead": lead, "text": rest}
                    if rest and len(lead) <= _MAX_POINT_LEAD
                    else {"text": body}
                )
            return paragraphs[:first], points
    return paragraphs, []

"""A comparison for people: the terminal view (colour only on a terminal) and Markdown."""

from __future__ import annotations

from collections.abc import Callable

from zsdreport.compare.model import Comparison, Segment
from zsdreport.compare.rows import FIGURE_HEADINGS, figure_cells, item_line
from zsdreport.text import columns

RED, GREEN, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"


def summary(comparison: Comparison) -> str:
    """Return the one-line count of changes."""
    c = comparison.counts()
    if not comparison.different:
        return "两期没有差别。"
    return (
        f"指标变化 {c['figures_changed']} 项、新增 {c['figures_added']} 项、删除 {c['figures_removed']} 项、"
        f"单位改变 {c['figures_unit_changed']} 项（未变 {c['figures_unchanged']} 项）；"
        f"条目新增 {c['items_added']} 条、删除 {c['items_removed']} 条、移动 {c['items_moved']} 条；"
        f"文字修改 {c['prose_changes']} 处。"
    )


def _marked(segments: list[Segment], colour: bool) -> str:
    def one(segment: Segment) -> str:
        if segment.op == "equal":
            return segment.text
        if colour:
            return (RED if segment.op == "delete" else GREEN) + segment.text + RESET
        return f"[-{segment.text}-]" if segment.op == "delete" else f"{{+{segment.text}+}}"

    return "".join(one(s) for s in segments).replace("\n", "⏎")


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(columns(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell + " " * (w - columns(cell)) for cell, w in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    ]


def render_terminal(comparison: Comparison, *, colour: bool = False) -> str:
    """Return the comparison for a terminal; ``colour`` marks deletions red and insertions green."""
    heading: Callable[[str], str] = (lambda t: BOLD + t + RESET) if colour else (lambda t: t)
    lines = [
        f"比较 {comparison.old}（{comparison.old_period}）→ {comparison.new}（{comparison.new_period}）",
        summary(comparison),
    ]
    if comparison.meta:
        lines += ["", heading("== 报告信息")]
        lines += [f"{m.label}：{m.old} → {m.new}" for m in comparison.meta]
    if comparison.figures:
        lines += ["", heading("== 指标")]
        lines += _table([list(FIGURE_HEADINGS), *(figure_cells(f) for f in comparison.figures)])
    if comparison.sections or comparison.items:
        lines += ["", heading("== 结构")]
        lines += [item_line(i) for i in (*comparison.sections, *comparison.items)]
    if comparison.prose:
        lines += ["", heading("== 文字修改")]
        for change in comparison.prose:
            lines.append(f"{change.kind} {change.where}：{change.title}")
            lines.append("    " + _marked(change.segments, colour))
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ") or " "


def _md_text(text: str) -> str:
    """Escape what Markdown would read as markup in running text."""
    out = text
    for ch in "\\`*_[]<>#|~":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_marked(segments: list[Segment]) -> str:
    parts = []
    for s in segments:
        text = _md_text(s.text).replace("\n", "⏎")
        parts.append(text if s.op == "equal" else f"<{s.op[:3]}>{text}</{s.op[:3]}>")
    return "".join(parts)


def render_markdown(comparison: Comparison) -> str:
    """Return the comparison as Markdown ready to paste: tables for figures, <del>/<ins> for prose."""
    lines = [
        f"# 两期对比：{comparison.old_period} → {comparison.new_period}",
        "",
        f"比较 `{comparison.old}` 与 `{comparison.new}`。{summary(comparison)}",
    ]
    if comparison.meta:
        lines += ["", "## 报告信息", ""]
        lines += [f"- {m.label}：{_md_text(m.old)} → {_md_text(m.new)}" for m in comparison.meta]
    if comparison.figures:
        lines += ["", "## 指标", ""]
        lines.append("| " + " | ".join(FIGURE_HEADINGS) + " |")
        lines.append(
            "|"
            + "|".join(
                "---:" if h in ("上期", "本期", "增减", "增幅") else "---" for h in FIGURE_HEADINGS
            )
            + "|"
        )
        for figure in comparison.figures:
            lines.append("| " + " | ".join(_md_cell(c) for c in figure_cells(figure)) + " |")
    if comparison.sections or comparison.items:
        lines += ["", "## 结构", ""]
        lines += [f"- {_md_text(item_line(i))}" for i in (*comparison.sections, *comparison.items)]
    if comparison.prose:
        lines += ["", "## 文字修改", ""]
        for change in comparison.prose:
            lines.append(f"- {change.kind} {change.where}：{_md_text(change.title)}")
            lines += ["", f"  {_md_marked(change.segments)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"

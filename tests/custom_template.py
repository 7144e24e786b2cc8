"""A real edit of the exported template: a reworded fixed sentence and an added paragraph."""

from __future__ import annotations

from pathlib import Path

from zsdreport.render.template_folder import TEMPLATE, export_templates

INTRO = "现将有关情况报告如下："
NEW_INTRO = "现将{half}主要工作情况汇报如下："
"""The reworded sentence as printed, with the period's words filled in."""
ADDED = "特此报告。"


def customised(folder: Path) -> Path:
    """Export the default templates into ``folder`` and edit report.md.j2 as a user would."""
    export_templates(folder)
    path = folder / TEMPLATE
    text = path.read_text(encoding="utf-8")
    edited = text.replace(
        f'{{%- set intro = "{INTRO}" -%}}',
        '{%- set intro = "现将" ~ words.half ~ "主要工作情况汇报如下：" -%}',
    ).replace("{%- for organ in organs %}", f"\n\n{ADDED}\n{{%- for organ in organs %}}")
    assert edited.count(ADDED) == 1 and "主要工作情况汇报" in edited, "the default template moved"
    path.write_text(edited, encoding="utf-8")
    return folder

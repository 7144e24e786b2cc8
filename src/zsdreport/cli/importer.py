"""The import command: an existing report → a data folder. Logic lives in zsdreport.importer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zsdreport.cli import _guard, _print_problems, app
from zsdreport.cli.output import say
from zsdreport.cli.zh import ChineseCommand


@app.command("import", cls=ChineseCommand)
def import_command(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="报告文件", help="已有的报告：.docx、.txt 或 .md", show_default=False
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="要生成的数据文件夹，如 data/2022H2", show_default=False
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="输出文件夹已存在时，替换其中的内容")
    ] = False,
    no_metrics: Annotated[
        bool, typer.Option("--no-metrics", help="正文中的数字原样保留，不提取为指标")
    ] = False,
) -> None:
    """把已有的报告（Word、文本或 Markdown）转换为一期数据文件夹。"""
    from zsdreport.importer import import_report

    result = _guard(
        lambda: import_report(file, output, force=force, metrics=not no_metrics),
        "；未写入任何文件。",
    )
    _print_problems(result.problems)
    say(
        f"已导入 {file} → {result.folder}：期别 {result.period}，{result.sections} 个节文件，"
        f"{result.figures} 个指标。请用 zsdreport check {result.folder} 检查，并核对指标名称。"
    )

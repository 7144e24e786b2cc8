"""``zsdreport templates``: the document template, exported for editing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zsdreport.cli.zh import ChineseCommand, ChineseGroup

templates_app = typer.Typer(
    name="templates",
    cls=ChineseGroup,
    help="导出默认的文档模板，供修改后用 build --templates 使用。",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@templates_app.command("export", cls=ChineseCommand)
def export_command(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="文件夹", help="把默认模板写到这个文件夹（不存在时新建）", show_default=False
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help="覆盖文件夹中已有的同名模板")] = False,
) -> None:
    """把默认模板（report.md.j2）写到文件夹中，修改后用 build --templates 文件夹 生成。"""
    from zsdreport.cli import _guard
    from zsdreport.render.template_folder import export_templates

    for path in _guard(lambda: export_templates(folder, force=force)):
        typer.echo(f"已导出 {path}")

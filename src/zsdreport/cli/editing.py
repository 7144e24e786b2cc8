"""Commands for the editing loop: `schema` for the editor, `watch` for instant rebuilds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zsdreport.cli import _guard
from zsdreport.cli.output import say


def schema_command(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="写入 JSON Schema 文件的文件夹")
    ] = Path("schema"),
) -> None:
    """生成数据文件的 JSON Schema（供 VS Code 等编辑器补全字段、提示错误）。"""
    from zsdreport.schema.export import schema_files
    from zsdreport.write import write_all

    for path in _guard(lambda: write_all(output, schema_files())):
        say(f"已生成 {path}")

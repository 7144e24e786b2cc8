"""Commands for the next period: `new` starts it, `fill` takes figures from a spreadsheet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zsdreport.cli import _guard


def new_command(
    new_dir: Annotated[
        Path,
        typer.Argument(
            metavar="新文件夹",
            help="新一期的数据文件夹（必须还不存在），如 data/2023H2",
            show_default=False,
        ),
    ],
    old_dir: Annotated[
        Path,
        typer.Option("--from", metavar="上一期文件夹", help="上一期的数据文件夹，如 data/2023H1"),
    ],
    period: Annotated[
        str | None,
        typer.Option(
            "--period", metavar="期别", help="新一期的期别（如 2023H2、2024）；默认由文件夹名得出"
        ),
    ] = None,
) -> None:
    """从上一期创建新的一期：结构、文字、注释照搬，录入的数字标为“待填”并记下上期数。"""
    from zsdreport.periods.new import new_period

    made = _guard(lambda: new_period(new_dir, old_dir, period), "；未创建任何文件。")
    typer.echo(
        f"已创建 {made.folder}（{made.period.name()}，由 {made.previous.name()} 的数据生成）："
        f"{made.pending} 个录入的指标改为“待填”，上期数记在 previous 中，成文日期已清空。"
    )
    typer.echo(
        f"下一步：zsdreport metrics {made.folder} --format xlsx -o 填报表.xlsx 导出填报表，"
        f"填好后 zsdreport fill {made.folder} 填报表.xlsx；或直接在文件中把“待填”改为本期数。"
    )

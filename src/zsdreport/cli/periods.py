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
    for note in made.notes:
        typer.echo(f"注意：{note}。")
    typer.echo(
        f"下一步：zsdreport metrics {made.folder} --format xlsx -o 填报表.xlsx 导出填报表，"
        f"填好后 zsdreport fill {made.folder} 填报表.xlsx；或直接在文件中把“待填”改为本期数。"
    )


def write_sheet(data_dir: Path, fmt: str, output: Path | None) -> None:
    """Write the 填报表 of ``data_dir`` as xlsx or CSV, to ``output`` or (CSV only) the screen."""
    import sys

    from zsdreport.errors import UsageError

    def make() -> bytes:
        from zsdreport.build import check
        from zsdreport.periods.sheet import rows, to_csv, to_xlsx

        if fmt == "xlsx" and output is None:
            raise UsageError("xlsx 填报表要写入文件：请加 -o 文件名，如 -o 填报表.xlsx")
        report, _ = check(data_dir)
        table = rows(report)
        return to_xlsx(table) if fmt == "xlsx" else to_csv(table)

    content = _guard(make)
    if output is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    from zsdreport.write import write_all

    def save() -> list[Path]:
        if output.is_dir():
            raise UsageError(
                f"-o 应为文件名，{output} 是文件夹：如 -o {output / ('填报表.' + fmt)}"
            )
        return write_all(output.parent, {output.name: content})

    for path in _guard(save, "；未写入任何文件。"):
        typer.echo(f"已生成 {path}")


def fill_command(
    data_dir: Annotated[
        Path,
        typer.Argument(
            metavar="数据文件夹",
            help="要填入数值的一期数据文件夹，如 data/2023H2",
            show_default=False,
        ),
    ],
    sheet: Annotated[
        Path,
        typer.Argument(
            metavar="填报表",
            help="填好的填报表：metrics --format xlsx 或 csv 导出的 .xlsx 或 .csv 文件",
            show_default=False,
        ),
    ],
) -> None:
    """把填报表“本期数”一栏写回数据文件：只改数值所在的行，注释和顺序不变；有任何错误时不改任何文件。"""
    from zsdreport.periods.fill import fill

    changes = _guard(lambda: fill(data_dir, sheet), "；未改动任何文件。")
    for change in changes:
        typer.echo(change.describe())
    if changes:
        files = len({c.figure.file for c in changes})
        typer.echo(f"已更新 {len(changes)} 个指标（{files} 个文件）。", err=True)
    else:
        typer.echo("填报表中没有与数据不同的数值，未改动任何文件。", err=True)

"""Commands for reviewing changes: diff, totext, git-setup, and the pre-commit check."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from zsdreport.cli import _guard, app
from zsdreport.cli.zh import ChineseCommand
from zsdreport.errors import EXIT_DATA


@app.command("diff", cls=ChineseCommand)
def diff_command(
    old_dir: Annotated[
        Path,
        typer.Argument(metavar="上期文件夹", help="上期数据，如 data/2023H1", show_default=False),
    ],
    new_dir: Annotated[
        Path,
        typer.Argument(metavar="本期文件夹", help="本期数据，如 data/2023H2", show_default=False),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="输出格式：text（默认）、md、json、csv、xlsx、docx（修订稿）",
            show_default=False,
        ),
    ] = "text",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="写入文件（xlsx、docx 必须指定）")
    ] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="两期有差别时退出码为 1（便于脚本判断）")
    ] = False,
    author: Annotated[
        str | None, typer.Option("--author", help="修订稿中修订的作者（默认第一个署名）")
    ] = None,
) -> None:
    """比较两期数据：指标增减、条目增删与移动、文字修改；可生成带修订的 Word 文档。"""
    from zsdreport.compare.output import check_format, diff_output, wants_colour

    def run() -> tuple[bytes, bool]:
        name = check_format(fmt, output)
        colour = output is None and wants_colour(sys.stdout.isatty())
        return diff_output(old_dir, new_dir, name, colour=colour, author=author)

    content, different = _guard(run)
    if output is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
    else:
        from zsdreport.write import write_all

        folder = output.parent
        written = _guard(lambda: write_all(folder, {output.name: content}))
        typer.echo(f"已生成 {written[0]}", err=True)
    if exit_code and different:
        raise typer.Exit(EXIT_DATA)


@app.command("totext", cls=ChineseCommand)
def totext_command(
    file: Annotated[
        Path, typer.Argument(metavar="文件.docx", help="要取出文字的 Word 文档", show_default=False)
    ],
) -> None:
    """打印 Word 文档的文字，一段一行（供 git diff 比较 .docx 使用）。"""
    from zsdreport.compare.docx_text import totext

    sys.stdout.buffer.write(_guard(lambda: totext(file)).encode("utf-8"))
    sys.stdout.flush()


@app.command("git-setup", cls=ChineseCommand)
def git_setup_command(
    folder: Annotated[
        Path, typer.Argument(metavar="仓库文件夹", help="git 仓库（默认当前文件夹）")
    ] = Path("."),
) -> None:
    """设置 git，让 git diff 把 .docx 显示为文字（.gitattributes 与 textconv）。"""
    from zsdreport.compare.gitsetup import git_setup

    for line in _guard(lambda: git_setup(folder)):
        typer.echo(line)


@app.command("check-changed", cls=ChineseCommand)
def check_changed_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(metavar="文件", help="改动过的文件（pre-commit 传入）", show_default=False),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="把警告也当作错误")] = False,
) -> None:
    """校验这些文件所在的数据文件夹（含 report.yaml）；供 pre-commit 钩子使用。"""
    from zsdreport.build import check
    from zsdreport.check.changed import data_folders

    failed = False
    for folder in data_folders(files or []):
        try:
            _, problems = _guard(lambda folder=folder: check(folder, strict=strict))  # type: ignore[misc]
        except typer.Exit as e:
            failed = failed or e.exit_code != 0
            continue
        for problem in problems:
            typer.echo(problem.format(), err=True)
        typer.echo(f"{folder}：校验通过，{len(problems)} 处警告。", err=True)
    if failed:
        raise typer.Exit(EXIT_DATA)

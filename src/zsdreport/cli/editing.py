"""Commands for the editing loop: `schema` for the editor, `watch` for instant rebuilds."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zsdreport.cli import ExtraFormats, OnlyFormats, OutputDir, _guard
from zsdreport.cli.output import say

if TYPE_CHECKING:
    from zsdreport.watch.session import Rebuild


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


def watch_command(
    data_dir: Annotated[
        Path,
        typer.Argument(
            metavar="数据文件夹", help="一期数据的文件夹，如 data/2023H1", show_default=False
        ),
    ],
    output: OutputDir = None,
    formats: ExtraFormats = None,
    only: OnlyFormats = None,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="自定义模板文件夹（修改其中的模板后也会重新生成）"),
    ] = None,
) -> None:
    """监视数据文件夹：每次保存后立即重新生成报告（按 Ctrl-C 停止）。"""
    import gc

    from zsdreport.build import default_output
    from zsdreport.watch.loop import ChangeFilter, Changes, stopped_by_signals
    from zsdreport.watch.session import Watcher

    watcher = Watcher(data_dir, output, only, templates, extra=formats)
    keep = ChangeFilter(data_dir, templates, output or default_output(data_dir))
    built = False

    def show(outcome: Rebuild) -> None:
        nonlocal built
        built = _show(outcome, first=not built) or built

    def watch_loop(stop: threading.Event) -> None:
        events = Changes(watcher.watched(), keep, stop)
        if watcher.changed():  # saved while the first build ran
            show(watcher.rebuild())
        say(f"正在监视 {data_dir}：保存数据文件后自动重新生成（按 Ctrl-C 停止）", err=True)
        for _ in events:
            if watcher.changed():
                show(watcher.rebuild())

    # Long-running, unlike the other commands (cli.console turns collection off): collect, but
    # never again through what start-up and the first build made (modules, caches).
    gc.enable()
    with stopped_by_signals() as stop:
        show(_guard(lambda: watcher.rebuild(raise_usage=True)))
        gc.freeze()
        _guard(lambda: watch_loop(stop))
    say("已停止", err=True)


def _show(outcome: Rebuild, *, first: bool) -> bool:
    """Print one build's outcome; return whether it wrote the outputs."""
    from zsdreport.errors import DataError

    failure = outcome.failure
    if failure is None:
        for problem in outcome.warnings:
            say(problem.format(), err=True)
        names = "、".join(p.name for p in outcome.outputs)
        verb = "已生成" if first else "已重建"
        say(f"{verb}（{outcome.milliseconds:.0f} ms）：{names}")
        return True
    if isinstance(failure, DataError):
        for problem in failure.problems:
            say(problem.format(), err=True)
        say(failure.summary() + "。", err=True)
    else:
        say(f"错误：{failure}", err=True)
    say("未生成：改正后保存即自动生成" if first else "未重建：保留上次生成的文件", err=True)
    return False

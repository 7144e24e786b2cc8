"""The command line: parse options, call one function, turn ZsdError into a message and exit code.

This is the single error boundary: nothing else prints to stderr or exits.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from zsdreport.cli.output import say
from zsdreport.cli.zh import ChineseCommand, ChineseGroup, run
from zsdreport.errors import EXIT_DATA, EXIT_USAGE, DataError, Problem, ZsdError

if TYPE_CHECKING:
    from zsdreport.render.worker import RenderWorker

app = typer.Typer(
    name="zsdreport",
    cls=ChineseGroup,
    help="把每半年的工作数据（YAML）生成工作总结：Markdown 与符合 GB/T 9704-2012 的 Word 文档。",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

T = TypeVar("T")
# one_shot: this process ends with its command (console), so a build may fork a worker.
_state = {"debug": False, "one_shot": False}

DataDir = Annotated[
    Path,
    typer.Argument(
        metavar="数据文件夹", help="一期数据的文件夹，如 data/2023H1", show_default=False
    ),
]
Strict = Annotated[bool, typer.Option("--strict", help="把警告也当作错误")]
# The output options build and watch share.
OutputDir = Annotated[
    Path | None,
    typer.Option(
        "-o", "--output", help="输出文件夹（默认为 data 文件夹旁的 build/<数据文件夹名>）"
    ),
]
ExtraFormats = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="在 report.yaml 所设格式之外增加，逗号分隔：md,docx,pdf（如 --format pdf）",
    ),
]
OnlyFormats = Annotated[
    str | None, typer.Option("--only", help="只生成这些格式，逗号分隔（如 --only md）")
]


def _show_version(value: bool) -> None:
    if value:
        from zsdreport import __version__

        say(f"zsdreport {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="出现内部错误时显示完整的调用栈")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", help="显示版本号并退出", callback=_show_version, is_eager=True),
    ] = False,
) -> None:
    _state["debug"] = debug


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        say(problem.format(), err=True)


def _guard(action: Callable[[], T], outcome: str = "") -> T:
    """Run ``action``; print user errors in Chinese and exit with their code, never a traceback.

    ``outcome`` follows the count of problems, e.g. what was (not) written.
    """
    try:
        return action()
    except DataError as e:
        _print_problems(e.problems)
        say(e.summary() + outcome, err=True)
        raise typer.Exit(e.exit_code) from None
    except ZsdError as e:
        say(f"错误：{e}", err=True)
        raise typer.Exit(e.exit_code) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except ModuleNotFoundError as e:
        # A library added by an update that this environment has not installed yet.
        if _state["debug"] or not e.name or e.name.split(".")[0] == "zsdreport":
            raise
        say(
            f"错误：缺少 zsdreport 需要的软件包 {e.name}：更新 zsdreport 后请重新安装，"
            "在仓库目录运行 make build（或 .venv/bin/pip install -e .）",
            err=True,
        )
        raise typer.Exit(EXIT_DATA) from None
    except Exception as e:
        if _state["debug"]:
            raise
        say(
            f"内部错误（{type(e).__name__}）：这是 zsdreport 的缺陷，不是您数据的问题。"
            "请加 --debug 重新运行，并把输出发给维护人员。",
            err=True,
        )
        raise typer.Exit(EXIT_DATA) from None


@app.command("build", cls=ChineseCommand)
def build_command(
    data_dirs: Annotated[
        list[Path],
        typer.Argument(
            metavar="数据文件夹",
            help="一期数据的文件夹，如 data/2023H1；可以写多个，同时生成（-o 下各占一个子文件夹）",
            show_default=False,
        ),
    ],
    output: OutputDir = None,
    formats: ExtraFormats = None,
    only: OnlyFormats = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="自定义模板文件夹，须含 report.md.j2（用 templates export 导出默认模板后修改）",
        ),
    ] = None,
    strict: Strict = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "-j",
            "--jobs",
            metavar="<jobs>",
            help="同时生成几个文件夹（默认为处理器核数；1 表示逐个生成）",
            show_default=False,
        ),
    ] = None,
) -> None:
    """校验数据并生成报告（Markdown、Word，可选 PDF）。"""
    if len(data_dirs) > 1:
        _build_batch(data_dirs, jobs, output, only, templates, strict, formats)
        return
    # Before anything the check needs is imported: the worker imports the rendering meanwhile.
    worker = _render_worker()
    data_dir = data_dirs[0]
    try:
        from zsdreport.build import build

        result = _guard(
            lambda: build(
                data_dir,
                output,
                only,
                templates,
                strict=strict,
                extra=formats,
                renderer=worker,
            ),
            "；未生成任何文件。",
        )
    finally:
        if worker is not None:
            worker.close()
    _print_problems(result.warnings)
    for path in result.outputs:
        say(f"已生成 {path}")


def _render_worker() -> RenderWorker | None:
    """Start the renderer's own process (render/worker.py), where this run ends with the build.

    In-process callers (tests, ``watch``) build without one: their process goes on, may run
    other threads, and has imported the renderer already.
    """
    if not _state["one_shot"]:
        return None
    from zsdreport.render.worker import RenderWorker

    return RenderWorker.start()


def _build_batch(
    folders: list[Path],
    jobs: int | None,
    output: Path | None,
    only: str | None,
    templates: Path | None,
    strict: bool,
    extra: str | None,
) -> None:
    """Build several folders in parallel: their problems, then one summary line per folder."""
    from zsdreport.batch import BatchJob, build_many

    job = BatchJob(output, only, templates, strict, extra)
    outcomes = _guard(lambda: build_many(folders, job, jobs))
    for outcome in outcomes:
        _print_problems(outcome.problems)
        if outcome.error is not None:
            say(f"{outcome.folder}：{outcome.error}", err=True)
        else:
            names = "、".join(p.name for p in outcome.outputs)
            say(f"{outcome.folder}：已生成 {names}（{outcome.seconds:.1f} 秒）")
    failed = sum(o.failed for o in outcomes)
    say(
        f"共 {len(outcomes)} 个文件夹：{len(outcomes) - failed} 个成功，{failed} 个失败。", err=True
    )
    if failed:
        raise typer.Exit(EXIT_DATA)


@app.command("check", cls=ChineseCommand)
def check_command(data_dir: DataDir, strict: Strict = False) -> None:
    """只校验数据，不写任何文件：列出所有错误和警告。"""
    from zsdreport.build import check

    _, problems = _guard(lambda: check(data_dir, strict=strict), "。")
    _print_problems(problems)
    say(f"校验通过：0 处错误，{len(problems)} 处警告。", err=True)


@app.command("metrics", cls=ChineseCommand)
def metrics_command(
    data_dir: DataDir,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="输出格式：table（表格）、json，填报表 xlsx 或 csv",
        ),
    ] = "table",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="写入文件（xlsx 必须指定；其他格式默认显示在屏幕上）"),
    ] = None,
) -> None:
    """列出本期所有数据指标（标识、名称、数值、单位、出处），或导出填报表。"""
    from zsdreport.build import check
    from zsdreport.figures.listing import list_metrics

    if fmt in ("xlsx", "csv"):
        from zsdreport.cli.periods import write_sheet

        return write_sheet(data_dir, fmt, output)

    def run() -> str:
        report, _ = check(data_dir)
        return list_metrics(report, fmt)

    say(_guard(run), nl=False, data=True)


@app.command("lint-docx", cls=ChineseCommand)
def lint_docx_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="文件.docx", help="要检查的 Word 文档（可以是多个）", show_default=False
        ),
    ],
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="也列出通过的规则的测量值")
    ] = False,
) -> None:
    """按 GB/T 9704-2012 检查 Word 文档的版式（任何 .docx 都可以检查）。"""
    from zsdreport.docxlint import LintResult, format_result, lint_docx

    def lint_one(path: Path) -> LintResult | ZsdError:
        # A file that cannot be read must not stop the others from being checked.
        try:
            return lint_docx(path)
        except ZsdError as e:
            return e

    failed = False
    usage_errors = 0
    for path in files:
        outcome = _guard(lambda path=path: lint_one(path))  # type: ignore[misc]
        if len(files) > 1:
            say(f"== {path}")
        if isinstance(outcome, ZsdError):
            say(f"错误：{outcome}", err=True)
            usage_errors += outcome.exit_code == EXIT_USAGE
            failed = True
        else:
            say(format_result(outcome, verbose=verbose))
            failed = failed or outcome.exit_code != 0
    # Exit 2 only when nothing could be checked because every path was wrong (missing, a folder).
    if usage_errors == len(files):
        raise typer.Exit(EXIT_USAGE)
    if failed:
        raise typer.Exit(EXIT_DATA)


from zsdreport.cli import editing  # noqa: E402  (its commands use _guard, defined above)

app.command("schema", cls=ChineseCommand)(editing.schema_command)
app.command("watch", cls=ChineseCommand)(editing.watch_command)

from zsdreport.cli import periods  # noqa: E402  (its commands use _guard, defined above)

app.command("new", cls=ChineseCommand)(periods.new_command)
app.command("fill", cls=ChineseCommand)(periods.fill_command)

from zsdreport.cli.templates import templates_app  # noqa: E402  (it uses _guard above)

app.add_typer(templates_app)


def main(args: list[str] | None = None) -> None:
    """Run the command line and exit with its code."""
    sys.exit(run(app, args))


def console() -> None:
    """Run the installed command: like main, minus the work a short-lived process can skip.

    Measured on `check` and `build` of data/2023H1 (medians of 12 runs, side by side): skipping
    the interpreter's teardown with os._exit saves about 10 %. Collecting no garbage saves
    another 8 % of a build's CPU time (574 -> 526 ms, medians of 21 alternating runs, against
    collecting with a threshold of 50 000), for 4 MB more at the peak of 100x data (119 -> 123
    MB): a command runs for seconds and its cycles die with it. `watch`, which runs for hours,
    collects again (cli/editing.py). Output is flushed first; all files were closed by write.py.
    """
    import gc
    import os

    gc.disable()
    _state["one_shot"] = True
    code = run(app, None)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe (`| head`): nothing more can be said
        code = code or 1
    os._exit(code)


# Commands with their own module register themselves on ``app`` when imported.
from zsdreport.cli import compare as _compare  # noqa: E402, F401
from zsdreport.cli import importer as _importer  # noqa: E402, F401

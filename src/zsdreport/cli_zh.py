"""Chinese for the parts of the command line that Typer prints in English: help headings, usage errors."""

from __future__ import annotations

from typing import Any

import typer
from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup

_HELP_WORDS = (
    ("Usage: ", "用法："),
    ("Options:", "选项："),
    ("Commands:", "命令："),
    ("Arguments:", "参数："),
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("[default: ", "[默认："),
    ("[required]", "[必填]"),
    ("[OPTIONS]", "[选项]"),
    ("COMMAND [ARGS]...", "命令 [参数]..."),
    # Click pads the columns before we translate: keep each replacement as wide as the original.
    ("<list[Path]>", "<路径>...   "),
    ("<path>", "<路径>"),
    ("<str>", "<值> "),
)


def translate_help(text: str) -> str:
    """Return Typer's help text with its English headings in Chinese."""
    for english, chinese in _HELP_WORDS:
        text = text.replace(english, chinese)
    return text


class ChineseGroup(TyperGroup):
    """The command group, with help headings in Chinese."""

    def get_help(self, ctx: Any) -> str:
        return translate_help(super().get_help(ctx))

    def get_usage(self, ctx: Any) -> str:
        return translate_help(super().get_usage(ctx))


class ChineseCommand(TyperCommand):
    """A command, with help headings in Chinese."""

    def get_help(self, ctx: Any) -> str:
        return translate_help(super().get_help(ctx))

    def get_usage(self, ctx: Any) -> str:
        return translate_help(super().get_usage(ctx))


def usage_message(error: Exception) -> str:
    """Return a usage error as a Chinese message with a hint where to find help."""
    if isinstance(error, click_errors.MissingParameter) and error.param is not None:
        message = f"缺少参数 {error.param.metavar or error.param.name}"
    elif isinstance(error, click_errors.NoSuchOption):
        message = f"没有选项 {error.option_name}"
        if error.possibilities:
            message += f"，是否想写 {' 或 '.join(sorted(error.possibilities))}？"
    elif isinstance(error, click_errors.BadOptionUsage):
        message = f"选项 {error.option_name} 用法有误：{error.message}"
    elif isinstance(error, click_errors.BadParameter):
        name = (error.param.metavar or error.param.name) if error.param is not None else ""
        message = f"参数 {name} 的值无效：{error.message}"
    elif isinstance(error, click_errors.UsageError) and error.message.startswith("No such command"):
        message = (
            "没有这个命令：" + error.message.split("'")[1]
            if "'" in error.message
            else error.message
        )
    elif (
        isinstance(error, click_errors.UsageError)
        and "Got unexpected extra argument" in error.message
    ):
        message = "多余的参数：" + error.message.split("(", 1)[-1].rstrip(")")
    else:
        message = getattr(error, "message", str(error))
    ctx = getattr(error, "ctx", None)
    path = ctx.command_path if ctx is not None else "zsdreport"
    return f"错误：{message}\n请运行 “{path} --help” 查看用法。"


def run(app: typer.Typer, args: list[str] | None = None) -> int:
    """Run ``app`` and return its exit code; usage errors are printed in Chinese (exit 2)."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="zsdreport", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as e:
        typer.echo(e.ctx.get_help() if e.ctx is not None else "", err=True)
        return 2
    except click_errors.UsageError as e:
        typer.echo(usage_message(e), err=True)
        return 2
    except typer.Exit as e:
        return int(e.exit_code)
    except typer.Abort:
        typer.echo("已中止。", err=True)
        return 1
    return result if isinstance(result, int) else 0

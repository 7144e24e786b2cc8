"""Chinese for the parts of the command line that Typer prints in English: help headings, usage errors."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

import typer
from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup, TyperOption

from zsdreport.cli.output import say
from zsdreport.cli.params import use_plain_conversion
from zsdreport.lazy_re import LazyPattern

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
    ("<jobs>", "<个数>"),
)


def translate_help(text: str) -> str:
    """Return Typer's help text with its English headings in Chinese."""
    for english, chinese in _HELP_WORDS:
        text = text.replace(english, chinese)
    return text


class UnknownCommand(click_errors.UsageError):
    """A command name the group does not have, with the names that were probably meant."""

    def __init__(self, name: str, commands: list[str], ctx: Any) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name
        self.commands = commands
        self.possibilities = difflib.get_close_matches(name, commands)


def _parse_in_context(
    parse: Callable[[Any, list[str]], list[str]], ctx: Any, args: list[str]
) -> list[str]:
    """Run ``parse``; an option error without a context gets ``ctx``, so the hint names the command."""
    try:
        return parse(ctx, args)
    except click_errors.UsageError as e:
        if e.ctx is None:
            e.ctx = ctx
        raise


class ChineseGroup(TyperGroup):
    """The command group, with help headings in Chinese."""

    def get_help(self, ctx: Any) -> str:
        return translate_help(super().get_help(ctx))

    def get_usage(self, ctx: Any) -> str:
        return translate_help(super().get_usage(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        use_plain_conversion(self.get_params(ctx))
        return _parse_in_context(super().parse_args, ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click_errors.UsageError as e:
            # Typer adds its suggestion to the English text; keep the name and suggest in Chinese.
            if args and not args[0].startswith("-") and self.get_command(ctx, args[0]) is None:
                raise UnknownCommand(args[0], self.list_commands(ctx), ctx) from e
            raise


class ChineseCommand(TyperCommand):
    """A command, with help headings in Chinese."""

    def get_help(self, ctx: Any) -> str:
        return translate_help(super().get_help(ctx))

    def get_usage(self, ctx: Any) -> str:
        return translate_help(super().get_usage(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        use_plain_conversion(self.get_params(ctx))
        return _parse_in_context(super().parse_args, ctx, args)


_EXTRA_ARGUMENTS = LazyPattern(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)$", re.DOTALL)
_NEEDS_VALUES = LazyPattern(r"requires (\d+) arguments\.$")


def _option_message(error: click_errors.BadOptionUsage) -> str:
    name, text = error.option_name, error.message
    if text.endswith("requires an argument."):
        return f"选项 {name} 缺少值"
    if needs := _NEEDS_VALUES.search(text):
        return f"选项 {name} 需要 {needs[1]} 个值"
    if text.endswith("does not take a value."):
        return f"选项 {name} 不接受值"
    return f"选项 {name} 用法有误（{text}）"


def _command_names(ctx: Any) -> list[str]:
    command = getattr(ctx, "command", None)
    return list(command.list_commands(ctx)) if isinstance(command, TyperGroup) else []


def usage_message(error: Exception) -> str:
    """Return a usage error as a Chinese message with a hint where to find help.

    Click's text is English: known messages are translated, any other one is kept in parentheses
    after a Chinese lead, so nothing is lost.
    """
    ctx = getattr(error, "ctx", None)
    text = getattr(error, "message", str(error))
    if isinstance(error, click_errors.MissingParameter) and error.param is not None:
        message = f"缺少参数 {error.param.metavar or error.param.name}"
    elif isinstance(error, click_errors.NoSuchOption):
        message = f"没有选项 {error.option_name}"
        if error.possibilities:
            message += f"，是否想写 {' 或 '.join(sorted(error.possibilities))}？"
    elif isinstance(error, click_errors.BadOptionUsage):
        message = _option_message(error)
    elif isinstance(error, click_errors.BadParameter):
        param = error.param
        if isinstance(param, TyperOption):
            message = f"选项 {'/'.join(param.opts)} 的值无效：{error.message}"
        else:
            name = (param.metavar or param.name) if param is not None else ""
            message = f"参数 {name} 的值无效：{error.message}"
    elif isinstance(error, UnknownCommand):
        message = f"没有这个命令：{error.name}"
        if error.possibilities:
            message += f"，是否想写 {' 或 '.join(error.possibilities)}？"
        elif error.commands:
            message += f"；可用的命令有 {'、'.join(error.commands)}"
    elif text == "Missing command." and _command_names(ctx):
        message = f"缺少命令；可用的命令有 {'、'.join(_command_names(ctx))}"
    elif extra := _EXTRA_ARGUMENTS.match(text):
        message = f"多余的参数：{extra[1]}"
    else:
        message = f"命令行用法有误（{text}）"
    path = ctx.command_path if ctx is not None else "zsdreport"
    return f"错误：{message}\n请运行 “{path} --help” 查看用法。"


def run(app: typer.Typer, args: list[str] | None = None) -> int:
    """Run ``app`` and return its exit code; usage errors are printed in Chinese (exit 2)."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="zsdreport", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as e:
        say(e.ctx.get_help() if e.ctx is not None else "", err=True)
        return 2
    except click_errors.UsageError as e:
        say(usage_message(e), err=True)
        return 2
    except typer.Exit as e:
        return int(e.exit_code)
    except typer.Abort:
        say("已中止。", err=True)
        return 1
    return result if isinstance(result, int) else 0

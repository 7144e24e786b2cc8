"""Command-line values turned into Path and str without pydantic.

Typer converts every non-flag value through a pydantic TypeAdapter, which imports pydantic
(about a fifth of a `lint-docx` run) even for a command that validates no data. Our options are
only paths, texts, counts and lists of paths; for those, plain conversion gives the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam
from typer.core import TyperArgument, TyperOption


def count(value: str) -> int:
    """Return a positive whole number (a count of processes), or say what is wrong in Chinese."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise BadParameter(f"须为正整数（如 2），不是“{value}”")
    return int(text)


# Conversions for the annotations our commands use; any other keeps Typer's own conversion.
_PLAIN: dict[Any, Any] = {
    Path: Path,
    str: str,
    bool: bool,
    int: count,
    list[Path]: Path,
    list[str]: str,
}
# Path options Typer checks itself (exists=, resolve_path= …): leave those to Typer.
_PATH_CHECKS = ("exists", "resolve_path", "allow_dash")


@dataclass(frozen=True)
class _PlainParam(RuntimeParam):
    """Convert each value with a plain constructor: Path(value), str(value)."""

    convert: Any = None

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, list | tuple):
            return [self.convert(item) for item in value]
        return self.convert(value)


def use_plain_conversion(params: list[Any]) -> None:
    """Give each path or text parameter a pydantic-free conversion, before values are parsed."""
    for param in params:
        if not isinstance(param, TyperArgument | TyperOption):
            continue
        if getattr(param, "_runtime_param", False) is not None:
            continue  # already built, or a Typer without this hook: keep its conversion
        annotation = param.type_descriptor.annotation
        info = param.type_descriptor.parameter_info
        convert = _PLAIN.get(annotation)
        if convert is None or any(getattr(info, name, False) for name in _PATH_CHECKS):
            continue
        param._runtime_param = _PlainParam(info, annotation, convert)

"""Pydantic errors → problems in plain Chinese, located at the YAML node they are about.

Also refuses the numbers pydantic would read loosely (``2_5`` → 25, ``010`` → 10, ``nan``):
the loader keeps every scalar as typed, so the schema is where a number becomes a number.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from zsdreport.check.numbers import DECIMAL, number_hint, split_number
from zsdreport.check.suggest import closest, did_you_mean
from zsdreport.errors import Problem
from zsdreport.load.reader import PathKey, Source
from zsdreport.text import visible

M = TypeVar("M", bound=BaseModel)


def validate(source: Source, model: type[M], problems: list[Problem]) -> M | None:
    """Return the file's data as ``model``, or None; every problem found goes into ``problems``."""
    if source.data is None:
        if not any(p.is_error for p in source.problems):
            problems.append(
                Problem(source.path, 1, None, "文件没有内容（只有注释或空白）：请填写内容")
            )
        return None
    if not isinstance(source.data, dict):
        problems.append(source.problem((), "文件的最外层应为“字段: 值”的映射（每行“名称: 内容”）"))
        return None
    loose = _loose_numbers(source, model, source.data)
    problems += loose.values()
    try:
        result = model.model_validate(source.data)
    except ValidationError as e:
        problems += _problems(source, model, e.errors(), loose)
        return None
    return None if loose else result


def _data_path(data: Any, loc: tuple[Any, ...]) -> PathKey:
    """Return an error location as a path into the data, without pydantic's own steps.

    Pydantic adds steps such as ``function-before[_point(), Point]``; a step that does not
    index into the data is one of those, except the last (a missing field's name).
    """
    path: list[str | int] = []
    for i, part in enumerate(loc):
        if (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        ):
            data = data[part]
        elif part != "[key]" and i < len(loc) - 1:
            continue
        else:
            data = None
        path.append(part)
    return tuple(path)


def _problems(
    source: Source, model: type[BaseModel], errors: list[Any], loose: dict[PathKey, Problem]
) -> list[Problem]:
    """Turn pydantic's errors into problems, leaving out the ones another message already explains."""
    explained: set[PathKey] = set(loose)
    for error in errors:
        loc = _data_path(source.data, tuple(error["loc"]))
        if error["type"] == "extra_forbidden":
            # `titel:` already says "是否想写 title"; "缺少 title" would say it twice.
            guess = closest(str(loc[-1]), _fields_at(model, loc[:-1]))
            if guess is not None:
                explained.add((*loc[:-1], guess))
    problems = []
    for error in errors:
        loc = _data_path(source.data, tuple(error["loc"]))
        if loc in explained:
            continue
        if error["type"] == "missing" and isinstance(loc[-1], int):
            # A fixed-length list (margins_mm) that is too short: say so once.
            explained |= {(*loc[:-1], i) for i in range(loc[-1], loc[-1] + 100)}
            problems.append(source.problem(loc[:-1], f"项数不够：缺少第 {loc[-1] + 1} 项"))
            continue
        problems.append(_problem(source, model, error))
    # `- {a, b}` makes one "unknown field" per key, all explained by the same message.
    return list(dict.fromkeys(problems))


_TYPE_WORDS = {dict: "映射（字段: 值）", list: "列表（- 项）", str: "文字"}


def _problem(source: Source, model: type[BaseModel], error: Any) -> Problem:
    loc = _data_path(source.data, tuple(error["loc"]))
    kind = error["type"]
    given = _describe(error.get("input"))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        split = split_number(source.data, loc)
        if split is not None:
            return source.problem((*loc[:-1], "value"), split)
        hint = _flow_hint(source, loc[:-1])
        if hint:
            return source.problem(loc[:-1], f"应为文字，实际为映射{hint}")
        fields = _fields_at(model, loc[:-1])
        guess = did_you_mean(key, fields)
        message = f'未知字段 "{visible(key)}"{guess}'
        if not guess and not key.isascii():
            # `- 办理: 568件` — prose with an ASCII colon became a key.
            message += "：正文中的“: ”会被当作“字段: 值”，请用中文冒号“：”或给整段内容加引号"
        elif not guess and fields:
            message += f"；可用的字段：{'、'.join(fields)}"
        return source.problem(loc, message, at_key=True)
    if kind == "missing":
        return source.problem(loc[:-1], f'缺少必填字段 "{loc[-1]}"')
    if loc and loc[-1] == "[key]":
        return source.problem(
            loc[:-1], f"标识“{visible(str(loc[-2]))}”不合规：{_strip(error['msg'])}", at_key=True
        )
    if error.get("input") is None and kind in _EMPTY_KINDS:
        return source.problem(loc, _empty(loc))
    messages = {
        "string_type": f"应为文字，实际为{given}{_flow_hint(source, loc)}",
        "list_type": f"应为列表（每项以“- ”开头），实际为{given}",
        "dict_type": f"应为映射（字段: 值），实际为{given}",
        "model_type": f"应为映射（字段: 值），实际为{given}",
        "model_attributes_type": f"应为映射（字段: 值），实际为{given}",
        "int_parsing": f"应为整数，实际为{given}",
        "int_from_float": f"应为整数，实际为{given}",
        "float_parsing": f"应为数字，实际为{given}",
        "decimal_parsing": f"应为数字，实际为{given}",
        "bool_parsing": f"应为 true 或 false，实际为{given}",
        "too_short": "项数不够：至少需要 1 项",
        "tuple_type": f"应为列表，实际为{given}",
    }
    if kind in messages:
        message = messages[kind]
    elif kind == "literal_error":
        # pydantic writes "'md', 'docx' or 'pdf'" for strings and "1 or 2" for numbers.
        listed = re.split(r",\s*|\s+or\s+", error.get("ctx", {}).get("expected", ""))
        expected = [item.strip().strip("'") for item in listed if item.strip()]
        message = f"应为 {'、'.join(expected)} 之一，实际为{given}"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = error.get("ctx", {})
        bound = next(iter(ctx.values()), "")
        word = {"greater_than_equal": "不小于", "less_than_equal": "不大于"}.get(kind, "超出范围")
        message = f"数值应{word} {bound}，实际为{given}"
    else:
        message = _strip(error["msg"])
        if isinstance(error.get("input"), str) and message.startswith("应为数字"):
            message += number_hint(error["input"])
    return source.problem(loc, message)


_EMPTY_KINDS = frozenset(
    {"string_type", "list_type", "dict_type", "model_type", "model_attributes_type", "tuple_type"}
)


def _empty(loc: PathKey) -> str:
    """Say that a value was left empty (`text:` with nothing after it), whatever its type."""
    if loc and isinstance(loc[-1], str):
        return f"“{loc[-1]}:”后面没有内容：请在冒号后填写内容，不需要时删除这一行"
    return "这一项是空的：请在“- ”后填写内容，或删除这一行"


def _strip(message: str) -> str:
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f' "{visible(value)}"'
    if value is None:
        return "空"
    for kind, word in _TYPE_WORDS.items():
        if isinstance(value, kind):
            return word
    return f" {value!r}"


def _flow_hint(source: Source, path: PathKey) -> str:
    """Explain `text: {handled}`: YAML read the braces as a mapping, not as a reference."""
    value = _value_at(source.data, path)
    line, col = source.locate(path)
    text = source.line(line) or ""
    if (
        isinstance(value, dict)
        and value
        and all(v is None for v in value.values())
        and text[col - 1 : col] == "{"
    ):
        name = next(iter(value))
        return f'：以“{{”开头的内容会被当作 YAML 映射，引用指标请加引号，如 "{{{name}}}"'
    return ""


def _value_at(data: Any, path: PathKey) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")


def _loose_numbers(source: Source, model: type[BaseModel], data: Any) -> dict[PathKey, Problem]:
    """Find numbers pydantic would read loosely (`2_5` → 25, `010` → 10, `nan`) and refuse them."""
    found: dict[PathKey, Problem] = {}

    def walk(annotation: Any, value: Any, path: PathKey) -> None:
        annotation = _bare(annotation)
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if isinstance(value, dict):
                for key, item in value.items():
                    field = annotation.model_fields.get(key)
                    if field is not None:
                        walk(field.annotation, item, (*path, key))
        elif origin in (list, tuple) and isinstance(value, list):
            for i, item in enumerate(value):
                if origin is list or (len(args) == 2 and args[1] is Ellipsis):
                    walk(args[0], item, (*path, i))
                elif i < len(args):
                    walk(args[i], item, (*path, i))
        elif origin is dict and isinstance(value, dict):
            for key, item in value.items():
                walk(args[1], item, (*path, key))
        elif annotation in (int, float) and isinstance(value, str):
            pattern = _INTEGER if annotation is int else DECIMAL
            if not pattern.fullmatch(value.strip()):
                word = "整数（如 1、12）" if annotation is int else "数字（如 12、3.5、-2）"
                message = f'应为{word}，实际为 "{visible(value)}"{number_hint(value)}'
                found[path] = source.problem(path, message)

    walk(model, data, ())
    return found


def _bare(annotation: Any) -> Any:
    """Return the type inside Annotated[…] and Optional[…]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _fields_at(model: type[BaseModel], loc: PathKey) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (
            isinstance(current, type) and issubclass(current, BaseModel)
        ):
            current = _inner(current)
            if isinstance(part, int):
                continue
        if (
            isinstance(current, type)
            and issubclass(current, BaseModel)
            and part in current.model_fields
        ):
            current = _inner(current.model_fields[part].annotation)
        else:
            current = _inner(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner(annotation: Any) -> Any:
    while True:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if models:
            return models[0]
        if not args:
            return annotation
        annotation = args[-1]

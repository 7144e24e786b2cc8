"""Shared model configuration: strict about keys, text kept exactly as typed."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

ID = r"[a-z][a-z0-9_]*"
"""The one id pattern (metric keys, {references}): Python code matches it whole (is_identifier)."""
ID_PATTERN = f"^{ID}$"
"""The id pattern for the JSON Schema, whose ECMA-262 ``$`` is the end of the text."""
_ID = re.compile(ID)


def is_identifier(text: str) -> bool:
    """Tell whether all of ``text`` is an id (Python's ``$`` would let "done\\n" pass)."""
    return _ID.fullmatch(text) is not None


def described(title: str, description: str) -> ConfigDict:
    """Return a model config that adds a Chinese title and description to the JSON Schema."""
    return ConfigDict(title=title, json_schema_extra={"description": description})


def doc(title: str, description: str, *examples: Any, **extra: Any) -> Any:
    """Return the Chinese title, description and examples of a field, for the JSON Schema only."""
    return Field(
        title=title,
        description=description,
        examples=list(examples) or None,
        json_schema_extra=extra or None,
    )


class Model(BaseModel):
    """Base of every data model: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("不能为空")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
"""A required piece of prose: any characters, but not only blanks."""


def _identifier(value: str) -> str:
    if not is_identifier(value) and is_identifier(value.strip()):
        raise ValueError("标识前后不能有空格或换行：请删除，只写标识本身")
    if not is_identifier(value):
        raise ValueError("标识只能用小写英文字母、数字和下划线，并以字母开头")
    return value


# The schema states the rule too, so that an editor flags a bad id while the clerk types it.
Identifier = Annotated[
    str,
    AfterValidator(_identifier),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "title": "指标标识"}),
]


def _paragraphs(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Paragraphs = Annotated[
    list[str], BeforeValidator(_paragraphs, json_schema_input_type=str | list[str])
]
"""Prose of one or more paragraphs: a text, or a list of texts (one paragraph each)."""


def has_text(paragraphs: list[str]) -> bool:
    """Tell whether any paragraph holds more than blanks."""
    return any(p.strip() for p in paragraphs)

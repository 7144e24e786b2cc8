"""Shared model configuration: strict about keys, text kept exactly as typed."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

ID_PATTERN = r"^[a-z][a-z0-9_]*$"


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
    if not re.match(ID_PATTERN, value):
        raise ValueError("标识只能用小写英文字母、数字和下划线，并以字母开头")
    return value


Identifier = Annotated[str, AfterValidator(_identifier)]


def _paragraphs(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Paragraphs = Annotated[list[str], BeforeValidator(_paragraphs)]
"""Prose of one or more paragraphs: a text, or a list of texts (one paragraph each)."""


def has_text(paragraphs: list[str]) -> bool:
    """Tell whether any paragraph holds more than blanks."""
    return any(p.strip() for p in paragraphs)

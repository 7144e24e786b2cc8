"""The plain copy of a style profile (render/print_style.py) renders what the profile renders."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from tests.render.test_docx import SAMPLE
from zsdreport.render.docx import render_docx
from zsdreport.render.print_style import KINDS, PlainStyle, plain_style
from zsdreport.schema.style import FONT_SETS, StyleProfile

PROFILES: list[dict[str, Any]] = [
    {},
    *({"font_set": name} for name in FONT_SETS),
    {"heading2_bold": True, "item_lead_bold": True},
    {"fonts": {"body": "华文仿宋", "latin": "Arial", "heading1": "方正黑体_GBK"}},
    {"line_pitch_pt": 28.0, "char_spacing_pt": 0.5, "margins_mm": (36, 34, 27, 25)},
    {"footer_distance_mm": 5, "page_number_indent_pt": 14, "signature_rule": "literal"},
]


@pytest.mark.parametrize("fields", PROFILES)
def test_the_plain_copy_renders_the_same_bytes(fields: dict[str, Any]) -> None:
    style = StyleProfile(**fields)
    plain = plain_style(style)
    assert render_docx(SAMPLE, plain) == render_docx(SAMPLE, style)


@pytest.mark.parametrize("fields", PROFILES)
def test_the_plain_copy_answers_as_the_profile(fields: dict[str, Any]) -> None:
    style = StyleProfile(**fields)
    plain = plain_style(style)
    assert [plain.font(kind) for kind in KINDS] == [style.font(kind) for kind in KINDS]
    assert plain.model_dump_json() == style.model_dump_json()
    assert plain.fonts.latin == style.fonts.latin
    for name in PlainStyle._fields:
        if hasattr(style, name) and name != "fonts":  # fonts: only .latin is read (above)
            assert getattr(plain, name) == getattr(style, name), name


def test_the_plain_copy_travels_and_keys_one_base() -> None:
    # Pickled to the renderer's process; equal copies are one key of docx_base's cache.
    plain = plain_style(StyleProfile(font_set="windows"))
    again = pickle.loads(pickle.dumps(plain))
    assert again == plain and hash(again) == hash(plain)
    assert plain_style(StyleProfile()) != plain
    with pytest.raises(ValueError):
        plain.font("footnote")  # not one of KINDS: the profile has no such font either

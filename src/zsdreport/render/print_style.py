"""The print style as the .docx writer reads it, and a copy of it that needs no pydantic.

The writer (render/docx*.py) reads a style through ``PrintStyle``: the validated profile
(schema/style.py) is one, and ``plain_style`` copies one into a named tuple of plain values,
so that the renderer's own process (render/worker.py) renders without importing pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from zsdreport.schema.style import StyleProfile

KINDS = ("title", "body", "heading1", "heading2", "page_number")
"""What the East Asian fonts are chosen for."""


class LatinFont(Protocol):
    @property
    def latin(self) -> str:
        """Return the font of digits and Latin letters."""
        ...


class PrintStyle(Protocol):
    """What the .docx writer reads of a style profile (the profile's fields, same meaning)."""

    @property
    def fonts(self) -> LatinFont: ...
    @property
    def heading2_bold(self) -> bool: ...
    @property
    def item_lead_bold(self) -> bool: ...
    @property
    def line_pitch_pt(self) -> float: ...
    @property
    def char_spacing_pt(self) -> float: ...
    @property
    def margins_mm(self) -> tuple[float, float, float, float]: ...
    @property
    def footer_distance_mm(self) -> float: ...
    @property
    def page_number_indent_pt(self) -> float: ...

    def font(self, kind: str) -> str:
        """Return the East Asian font for ``kind`` (one of KINDS)."""
        ...

    def model_dump_json(self) -> str:
        """Return the profile as JSON: what names the styled base kept for it (docx_base.py)."""
        ...

    def __hash__(self) -> int:
        """Styles are hashable: equal ones share one styled base (docx_base.py)."""
        ...


class _Latin(NamedTuple):
    latin: str


class PlainStyle(NamedTuple):
    """A style profile's values, copied: picklable and hashable without pydantic."""

    fonts: _Latin
    heading2_bold: bool
    item_lead_bold: bool
    line_pitch_pt: float
    char_spacing_pt: float
    margins_mm: tuple[float, float, float, float]
    footer_distance_mm: float
    page_number_indent_pt: float
    east_asian: tuple[str, ...]
    """The font of each of KINDS, in that order."""
    profile_json: str

    def font(self, kind: str) -> str:
        """Return the East Asian font for ``kind``, as the profile's ``font`` does."""
        return self.east_asian[KINDS.index(kind)]

    def model_dump_json(self) -> str:
        """Return the JSON of the profile this was copied from."""
        return self.profile_json


def plain_style(style: StyleProfile) -> PlainStyle:
    """Copy ``style`` into plain values that render the same .docx."""
    return PlainStyle(
        _Latin(style.fonts.latin),
        style.heading2_bold,
        style.item_lead_bold,
        style.line_pitch_pt,
        style.char_spacing_pt,
        style.margins_mm,
        style.footer_distance_mm,
        style.page_number_indent_pt,
        tuple(style.font(kind) for kind in KINDS),
        style.model_dump_json(),
    )

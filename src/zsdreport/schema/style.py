"""The print style profile: fonts and the choices GB/T 9704 leaves open."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from zsdreport.schema.base import Model

FONT_SETS: dict[str, dict[str, str]] = {
    "gb2312": {
        "title": "方正小标宋简体",
        "body": "仿宋_GB2312",
        "heading1": "黑体",
        "heading2": "楷体_GB2312",
        "page_number": "宋体",
    },
    "windows": {
        "title": "方正小标宋简体",
        "body": "仿宋",
        "heading1": "黑体",
        "heading2": "楷体",
        "page_number": "宋体",
    },
    "founder": {
        "title": "方正小标宋_GBK",
        "body": "方正仿宋_GBK",
        "heading1": "方正黑体_GBK",
        "heading2": "方正楷体_GBK",
        "page_number": "宋体",
    },
}


class Fonts(Model):
    """East Asian font names per paragraph kind; unset ones come from the font set."""

    title: str | None = None
    body: str | None = None
    heading1: str | None = None
    heading2: str | None = None
    page_number: str | None = None
    latin: str = "Times New Roman"


class StyleProfile(Model):
    """Print choices. Defaults follow GB/T 9704-2012 as written up in the project's spec."""

    font_set: Literal["gb2312", "windows", "founder"] = "gb2312"
    fonts: Fonts = Fonts()
    heading2_bold: bool = False
    item_lead_bold: bool = False
    line_pitch_pt: float = Field(default=28.95, ge=20, le=40)
    char_spacing_pt: float = Field(default=-0.25, ge=-2, le=2)
    margins_mm: tuple[float, float, float, float] = (37, 35, 28, 26)
    # 25.5 mm puts the page number's dash 7 mm below the text block (§7.5), measured by rendering;
    # the spec's arithmetic 23 mm left it 9.6 mm below.
    footer_distance_mm: float = Field(default=25.5, ge=5, le=40)
    page_number_indent_pt: float = Field(default=14, ge=0, le=32)
    signature_rule: Literal["spec", "literal"] = "spec"

    def font(self, kind: str) -> str:
        """Return the East Asian font for ``kind`` (title, body, heading1, heading2, page_number)."""
        chosen: str | None = getattr(self.fonts, kind)
        return chosen or FONT_SETS[self.font_set][kind]

"""The print style profile: fonts and the choices GB/T 9704 leaves open."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from zsdreport.schema.base import Model, described, doc

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

    model_config = described("字体", "各类段落的中文字体；不写的取字体组合 font_set 中的字体")

    title: Annotated[str | None, doc("标题字体", "报告标题的中文字体", "方正小标宋简体")] = None
    body: Annotated[str | None, doc("正文字体", "正文的中文字体", "仿宋_GB2312")] = None
    heading1: Annotated[str | None, doc("一级标题字体", "“一、”级标题的字体", "黑体")] = None
    heading2: Annotated[str | None, doc("二级标题字体", "“（一）”级标题的字体", "楷体_GB2312")] = (
        None
    )
    page_number: Annotated[str | None, doc("页码字体", "页码“— 1 —”的字体", "宋体")] = None
    latin: Annotated[str, doc("西文字体", "数字和英文字母的字体", "Times New Roman")] = (
        "Times New Roman"
    )


A4_MM = (210, 297)
MIN_TEXT_MM = (100, 150)
"""Smallest text block the margins may leave (the standard's is 156 × 225 mm)."""
Margin = Annotated[float, Field(ge=0, le=100)]


class StyleProfile(Model):
    """Print choices. Defaults follow GB/T 9704-2012 as written up in the project's spec."""

    model_config = described("排版设置", "字体和 GB/T 9704-2012 留给使用者选择的排版参数")

    font_set: Annotated[
        Literal["gb2312", "windows", "founder"],
        doc(
            "字体组合",
            "gb2312：仿宋_GB2312 等；windows：Windows 自带的仿宋、楷体；founder：方正 GBK 字体",
            "gb2312",
        ),
    ] = "gb2312"
    fonts: Annotated[
        Fonts, doc("逐项字体", "逐项指定的字体，覆盖字体组合 font_set 中的同名项", {"body": "仿宋"})
    ] = Fonts()
    heading2_bold: Annotated[bool, doc("二级标题加粗", "“（一）”级标题是否加粗", False)] = False
    item_lead_bold: Annotated[bool, doc("引语加粗", "条目开头的序号和引语是否加粗", False)] = False
    line_pitch_pt: Annotated[float, doc("行距（磅）", "固定行距；28.95 磅时每页 22 行", 28.95)] = (
        Field(default=28.95, ge=20, le=40)
    )
    char_spacing_pt: Annotated[
        float, doc("字间距（磅）", "字符间距调整；-0.25 磅时每行 28 字", -0.25)
    ] = Field(default=-0.25, ge=-2, le=2)
    margins_mm: Annotated[
        tuple[Margin, Margin, Margin, Margin],
        doc("页边距（毫米）", "上、下、左、右页边距", [37, 35, 28, 26]),
    ] = (37, 35, 28, 26)

    @field_validator("margins_mm")
    @classmethod
    def _text_fits_the_page(
        cls, margins: tuple[float, float, float, float]
    ) -> tuple[float, float, float, float]:
        top, bottom, left, right = margins
        if top + bottom > A4_MM[1] - MIN_TEXT_MM[1]:
            raise ValueError(
                f"上下页边距之和 {top + bottom:g} mm 过大：A4 纸高 {A4_MM[1]} mm，"
                f"正文至少要留 {MIN_TEXT_MM[1]} mm（国家标准为上 37、下 35）"
            )
        if left + right > A4_MM[0] - MIN_TEXT_MM[0]:
            raise ValueError(
                f"左右页边距之和 {left + right:g} mm 过大：A4 纸宽 {A4_MM[0]} mm，"
                f"正文至少要留 {MIN_TEXT_MM[0]} mm（国家标准为左 28、右 26）"
            )
        return margins

    # 25.5 mm puts the page number's dash 7 mm below the text block (§7.5), measured by rendering;
    # the spec's arithmetic 23 mm left it 9.6 mm below.
    footer_distance_mm: Annotated[
        float, doc("页脚距离（毫米）", "页码到纸张下边缘的距离", 25.5)
    ] = Field(default=25.5, ge=5, le=40)
    page_number_indent_pt: Annotated[
        float, doc("页码缩进（磅）", "单页页码右空、双页页码左空的距离；14 磅为一字", 14)
    ] = Field(default=14, ge=0, le=32)
    signature_rule: Annotated[
        Literal["spec", "literal"],
        doc("署名位置规则", "spec：按标准的右空规则；literal：按标准条文的字面计算", "spec"),
    ] = "spec"

    def font(self, kind: str) -> str:
        """Return the East Asian font for ``kind`` (title, body, heading1, heading2, page_number)."""
        chosen: str | None = getattr(self.fonts, kind)
        return chosen or FONT_SETS[self.font_set][kind]

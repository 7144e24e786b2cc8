"""A section file: a heading, the figures it declares, and its items."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator

from zsdreport.schema.base import (
    ID_PATTERN,
    Identifier,
    Model,
    Paragraphs,
    Text,
    described,
    doc,
    has_text,
)

_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")
MAX_INTEGER_DIGITS = 15


def _number(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER.fullmatch(text):
            raise ValueError(f'应为数字（如 12、3.5、-2），实际为 "{value}"')
        if len(text.lstrip("-").split(".")[0]) > MAX_INTEGER_DIGITS:
            raise ValueError(f"数值“{value}”过大：整数部分最多 {MAX_INTEGER_DIGITS} 位")
        return Decimal(text)
    return value


Number = Annotated[
    Decimal,
    BeforeValidator(_number),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": _NUMBER.pattern}]}),
]

PENDING = "待填"
"""The value of a figure not yet updated for this period (``zsdreport new`` writes it)."""


def _number_or_pending(value: Any) -> Any:
    if isinstance(value, str) and value.strip() == PENDING:
        return PENDING
    return _number(value)


Value = Annotated[
    Decimal | Literal["待填"],
    BeforeValidator(_number_or_pending),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": _NUMBER.pattern},
                {"const": PENDING},
            ]
        }
    ),
]


def _unit(value: str) -> str:
    # A unit is printed right after the value, so "{x}" would print as an unresolved reference.
    brace = next((ch for ch in value if ch in "{}｛｝"), None)
    if brace is not None:
        raise ValueError(f"单位中不能有花括号“{brace}”：单位只写文字，如 件、%、万元")
    if any(ch in "\n\r" for ch in value):
        raise ValueError("单位不能分行：只写一个词，如 件、%、万元")
    return value


Unit = Annotated[str, AfterValidator(_unit)]


class Metric(Model):
    """A figure: typed once, with a label and a unit, referenced from prose as {id}."""

    model_config = described(
        "指标", "一个数字：只录入一次，正文用 {标识} 引用，生成时替换为“数值+单位”"
    )

    label: Annotated[Text, doc("名称", "指标的名称，指标清单中显示", "办结事项")]
    value: Annotated[
        Value | None,
        doc(
            "数值",
            "录入的数值；计算指标可以不写，写了则必须与公式的结果一致；"
            "“待填”表示本期数尚未填写（zsdreport new 写入）",
            566,
            12.5,
        ),
    ] = None
    previous: Annotated[
        Number | None,
        doc("上期数", "上一期的数值：zsdreport new 从上一期记下，填报表的“上期数”一栏", 3),
    ] = None
    unit: Annotated[
        Unit, doc("单位", "紧跟在数值后面的单位；没有单位时不写", "件", "万元", "%")
    ] = ""
    formula: Annotated[
        str | None,
        doc("计算公式", "由其他指标计算：指标标识、数字、加减乘除和括号", "done / total * 100"),
    ] = None
    digits: Annotated[
        Annotated[int, Field(ge=0, le=6)] | None,
        doc("小数位数", "计算结果保留几位小数（四舍五入，0～6）；写了 formula 时必填", 1),
    ] = None
    note: Annotated[
        str | None, doc("备注", "说明数字的来源或口径，只在数据文件中，不进入报告", "据民政办台账")
    ] = None
    fixed: Annotated[
        bool,
        doc(
            "固定数",
            "不随期别变化的数（如年龄条件、补助标准）：zsdreport new 保留原值，不标“待填”",
            True,
        ),
    ] = False

    @model_validator(mode="after")
    def _value_or_formula(self) -> Metric:
        if self.value is None and self.formula is None:
            raise ValueError("指标需要 value（数值）或 formula（计算公式）")
        if self.formula is None and self.digits is not None:
            raise ValueError("digits（小数位数）只用于有 formula 的计算指标")
        if self.formula is not None and self.digits is None:
            raise ValueError("计算指标需要 digits（保留几位小数，如 1），否则结果可能是很长的小数")
        if self.formula is not None and self.value == PENDING:
            raise ValueError(f"计算指标由公式算出，不用写 value: {PENDING}：请删除 value")
        if self.fixed and self.formula is not None:
            raise ValueError(
                "fixed（固定数）只用于录入的数；计算指标随它用到的数变化：请删除 fixed"
            )
        if self.fixed and self.value == PENDING:
            raise ValueError(f"fixed（固定数）要写出它的数值，不能是 {PENDING}")
        return self

    @property
    def pending(self) -> bool:
        """Tell whether the value is still to be typed (value: 待填)."""
        return self.value == PENDING


def _point(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Point(Model):
    """One entry of a 一是……二是…… enumeration."""

    model_config = described("要点", "“一是……二是……”中的一项；序号自动生成，不要手打")

    lead: Annotated[
        str, doc("引语", "要点开头的一句，接在“一是”之后", "村级工作力量相对薄弱。")
    ] = ""
    text: Annotated[str, doc("正文", "引语之后的内容", "部分村干部年龄偏大。")] = ""

    @model_validator(mode="after")
    def _not_empty(self) -> Point:
        if not (self.lead.strip() or self.text.strip()):
            raise ValueError("要点需要 lead 或 text")
        return self


PointEntry = Annotated[Point, BeforeValidator(_point, json_schema_input_type=str | Point)]

_LEAD = doc("引语", "段落开头的一句，接在序号之后", "加强党的领导，把准发展“方向盘”。")
_TEXT = doc(
    "正文",
    "一段文字；写成列表时每项一段。可用 {标识} 引用指标，用 {year}、{half} 等引用期别",
    "组织开展党委理论学习中心组学习{study_sessions}。",
)
_POINTS = doc("要点", "“一是……二是……”的各项，序号自动生成", ["村级工作力量相对薄弱。"])


class SubItem(Model):
    """A （1） paragraph under a numbered item: lead, prose and inline points, no deeper level."""

    model_config = described(
        "（1）级条目", "编为（1）（2）的段落：引语、正文和要点；下面不能再有 items"
    )

    lead: Annotated[str, _LEAD] = ""
    text: Annotated[Paragraphs, _TEXT] = []
    points: Annotated[list[PointEntry], _POINTS] = []

    @model_validator(mode="before")
    @classmethod
    def _no_deeper_level(cls, data: Any) -> Any:
        if isinstance(data, dict) and "items" in data:
            raise ValueError("（1）级条目下不能再写 items：正文层次最多两级（1. 和（1））")
        return data

    @model_validator(mode="after")
    def _not_empty(self) -> SubItem:
        if not (self.lead.strip() or has_text(self.text) or self.points):
            raise ValueError("条目至少需要 lead、text 或 points 之一")
        return self


class Item(Model):
    """A numbered paragraph: a run-in lead sentence, prose, inline points and （1） sub-items."""

    model_config = described("条目", "编为 1. 2. 3. 的段落：引语、正文、要点和（1）级条目")

    lead: Annotated[str, _LEAD] = ""
    text: Annotated[Paragraphs, _TEXT] = []
    points: Annotated[list[PointEntry], _POINTS] = []
    items: Annotated[
        list[SubItem],
        doc(
            "（1）级条目",
            "本条目下编为（1）（2）的段落，序号自动生成",
            [{"lead": "引语。", "text": "正文。"}],
        ),
    ] = []

    @model_validator(mode="after")
    def _not_empty(self) -> Item:
        if not (self.lead.strip() or has_text(self.text) or self.points or self.items):
            raise ValueError("条目至少需要 lead、text、points 或 items 之一")
        return self


class Table(Model):
    """A table kept as data, printed after the section's prose: the first row is the header."""

    model_config = described("表格", "一张表格：rows 为各行，第一行为表头，印在本节正文之后")

    rows: Annotated[
        list[list[str]],
        doc(
            "各行",
            "每行一个列表，写各单元格的文字；第一行为表头",
            [["指标", "完成"], ["投资", "3200万元"]],
        ),
        Field(min_length=1),
    ]

    @model_validator(mode="after")
    def _has_cells(self) -> Table:
        if not any(cell.strip() for row in self.rows for cell in row):
            raise ValueError("表格没有内容：rows 至少需要一个非空单元格")
        return self


class SectionFile(Model):
    """One section file: 一's areas (一)…(六), or 二、三、四 of the report."""

    model_config = described(
        "节文件", "报告的一节：一、下的（一）（二）……，或二、三、四；序号自动生成"
    )

    heading: Annotated[
        Text, doc("标题", "这一节的标题，不写序号", "大力抓党建、提作风，不断夯实基层党建工作基础")
    ]
    metrics: Annotated[
        dict[Identifier, Metric],
        doc(
            "指标",
            "本节的数字：标识（小写英文、数字、下划线）→ 名称、数值、单位",
            {"study_sessions": {"label": "党委理论学习中心组学习", "value": 3, "unit": "次"}},
            propertyNames={"pattern": ID_PATTERN},
        ),
    ] = {}
    text: Annotated[Paragraphs, _TEXT] = []
    items: Annotated[
        list[Item],
        doc("条目", "编为 1. 2. 3. 的段落，序号自动生成", [{"lead": "引语。", "text": "正文。"}]),
    ] = []
    points: Annotated[list[PointEntry], _POINTS] = []
    tables: Annotated[
        list[Table],
        doc("表格", "印在本节正文、条目和要点之后的表格", [{"rows": [["指标", "完成"]]}]),
    ] = []

    @model_validator(mode="after")
    def _has_content(self) -> SectionFile:
        if not (has_text(self.text) or self.items or self.points or self.tables):
            raise ValueError("这一节没有内容：需要 text、items、points 或 tables")
        return self

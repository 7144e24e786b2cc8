"""The report file: title, period, signing organs, date, preamble, section order, options."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from zsdreport.schema.base import Identifier, Model, Paragraphs, Text, described, doc
from zsdreport.schema.style import StyleProfile

_PERIOD = re.compile(r"^(\d{4})(?:H([12]))?$")
PERIOD_WORDS = ("year", "prev_year", "next_year", "half", "next_half")
"""The names prose may reference besides metrics: {year} → 2023, {half} → 上半年 …"""


class Period(Model):
    """A half-year (2023H1 is 2023年上半年) or, with no half, a whole year (2023 is 2023年全年)."""

    year: Annotated[int, Field(ge=1949, le=2999)]
    half: Literal[1, 2] | None = None

    @classmethod
    def parse(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            match = _PERIOD.match(value.strip())
            if not match:
                guess = _period_guess(value)
                hint = f"，是否想写 {guess}？" if guess else ""
                raise ValueError(
                    f'应为“年份H1”“年份H2”（半年，如 2023H1）或“年份”（全年，如 2023），实际为 "{value}"{hint}'
                )
            year = int(match[1])
            if not 1949 <= year <= 2999:
                raise ValueError(f"年份 {year} 不合理：应在 1949～2999 之间，如 2023H1")
            return {"year": year, "half": int(match[2]) if match[2] else None}
        return value

    @classmethod
    def of(cls, text: str) -> Period:
        """Return the period written as ``text`` (2023H1, 2023H2, 2023), raising ValueError."""
        return cls.model_validate(cls.parse(text))

    @property
    def annual(self) -> bool:
        """Tell whether this is a whole year's report (工作总结和明年工作计划)."""
        return self.half is None

    def __str__(self) -> str:
        return f"{self.year}" if self.half is None else f"{self.year}H{self.half}"

    def name(self) -> str:
        """Return the period in words: 2023年上半年, 2023年下半年, 2023年."""
        return f"{self.year}年{self.words()['half']}" if self.half else f"{self.year}年"

    def following(self) -> Period:
        """Return the next period of the same kind: 2023H1 → 2023H2 → 2024H1, 2023 → 2024."""
        if self.half == 1:
            return Period(year=self.year, half=2)
        return Period(year=self.year + 1, half=None if self.half is None else 1)

    def words(self) -> dict[str, str]:
        """Return the words prose may reference (PERIOD_WORDS): {year}, {half}, {next_half} …"""
        half = {1: "上半年", 2: "下半年", None: "全年"}[self.half]
        values = (
            str(self.year),
            str(self.year - 1),
            str(self.year + 1),
            half,
            "下半年" if self.half == 1 else "明年",
        )
        return dict(zip(PERIOD_WORDS, values, strict=True))


_LOOSE_PERIOD = re.compile(
    r"(\d{4}|[０-９]{4})\s*[年_\-./]?\s*(?:[HhＨｈ]\s*([12１２])|([上下])半?年?|第?([一二12])半年)"
)


def _period_guess(value: str) -> str | None:
    """Return the period a clerk probably meant by ``2023h2``, ``2023下半年`` or ``2023年上半年``."""
    match = _LOOSE_PERIOD.fullmatch(value.strip())
    if match is None:
        return None
    year = match[1].translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    half = match[2] or match[4] or match[3]
    return f"{year}H{1 if half in ('1', '１', '一', '上') else 2}"


def _date(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        match = re.match(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$", text)
        if match:
            text = f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            raise ValueError(f'应为日期，如 2023-07-10 或 2023年7月10日，实际为 "{value}"')
        try:
            return dt.date.fromisoformat(text)
        except ValueError as e:
            raise ValueError(f'不是有效日期："{value}"') from e
    return value


class SectionGroup(Model):
    """One entry of ``sections``: a single file, or a heading over area files （一）（二）…"""

    model_config = described(
        "一节", "一个节文件名，或一个标题（heading）加其下的多个节文件（files，编为（一）（二）……）"
    )

    file: Annotated[str | None, doc("节文件", "节文件名（不写 .yaml）", "highlights")] = None
    heading: Annotated[str | None, doc("标题", "这一节的标题，不写序号", "{half}工作开展情况")] = (
        None
    )
    files: Annotated[
        list[str] | None,
        doc(
            "节文件列表",
            "这一节下的各个节文件（不写 .yaml），依次编为（一）（二）……",
            ["work-party"],
        ),
    ] = None

    @model_validator(mode="after")
    def _one_kind(self) -> SectionGroup:
        if (self.file is None) == (self.files is None):
            raise ValueError("每一节写作一个文件名，或写 heading 加 files（多个文件）")
        if self.files is not None and not (self.heading and self.heading.strip()):
            raise ValueError("有 files 的一节需要 heading（标题）")
        if self.files is not None and not self.files:
            raise ValueError("files 至少需要一个文件名")
        return self

    def names(self) -> list[str]:
        """Return the file names (without .yaml) this entry uses, in order."""
        return [self.file] if self.file is not None else list(self.files or [])


def _section_ref(value: Any) -> Any:
    return {"file": value} if isinstance(value, str) else value


# `period: 2023` is a number to the editor's YAML 1.2 reader, a text to ours: both are accepted.
_PeriodText = Annotated[
    str,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\s*\d{4}(H[12])?\s*$"},
                {"type": "integer", "minimum": 1949, "maximum": 2999},
            ]
        }
    ),
]
_DateText = Annotated[
    str,
    WithJsonSchema(
        {"type": "string", "pattern": r"^\s*\d{4}(-\d{2}-\d{2}|年\d{1,2}月\d{1,2}日)\s*$"}
    ),
]

SectionRef = Annotated[
    SectionGroup, BeforeValidator(_section_ref, json_schema_input_type=str | SectionGroup)
]


class Compare(Model):
    """Other periods' data folders this report compares with or adds up (上期, 去年同期 …)."""

    model_config = described(
        "对比的期别",
        "其他期的数据文件夹（相对于本文件夹）：正文写 {标识.上期}、{标识.增减}、{标识.增幅}，公式写 上期.标识",
    )

    previous: Annotated[
        str | None,
        doc(
            "上期",
            "上一期的数据文件夹：{标识.上期}、{标识.增减}、{标识.增幅} 和公式中的 上期.标识",
            "../2023H1",
        ),
    ] = None
    last_year: Annotated[
        str | None,
        doc(
            "去年同期",
            "去年同期的数据文件夹：{标识.去年同期}、{标识.同比增减}、{标识.同比增幅} 和 去年同期.标识",
            "../2022H2",
        ),
    ] = None
    first_half: Annotated[
        str | None, doc("上半年", "全年总结用：上半年的数据文件夹，公式写 上半年.标识", "../2023H1")
    ] = None
    second_half: Annotated[
        str | None, doc("下半年", "全年总结用：下半年的数据文件夹，公式写 下半年.标识", "../2023H2")
    ] = None


class Output(Model):
    """Where the outputs go and what they are called."""

    model_config = described("输出设置", "输出文件的名称和格式")

    filename: Annotated[
        Text, doc("文件名", "输出文件名（不含扩展名），可用 {title}、{year} 等", "{title}")
    ] = "{title}"
    formats: Annotated[
        list[Literal["md", "docx", "pdf"]],
        doc("输出格式", "md（Markdown）、docx（Word）、pdf（需要 LibreOffice）", ["md", "docx"]),
    ] = ["md", "docx"]


class ComparisonTable(Model):
    """The 主要指标对比表: chosen figures of this period against the previous one."""

    model_config = described(
        "主要指标对比表", "在开头语之后印一张表：所选指标的上期、本期、增减和增幅"
    )

    previous: Annotated[
        Text | None,
        doc("上期数据", "上一期数据文件夹，相对于本文件夹；不写则用 compare.previous", "../2023H1"),
    ] = None
    metrics: Annotated[
        list[Identifier],
        doc("指标", "要列出的指标标识，按表中的先后", ["services_handled", "handled_rate"]),
        Field(min_length=1),
    ]
    title: Annotated[Text, doc("表题", "表格上方的标题", "主要指标对比表")] = "主要指标对比表"


class ReportFile(Model):
    """The report file (report.yaml) of a period's data folder."""

    model_config = described(
        "报告总文件", "report.yaml：标题、期别、署名、成文日期、开头语、各节顺序和输出、排版设置"
    )

    title: Annotated[
        Text, doc("标题", "报告标题，可用 {year}、{half} 等", "祖师殿镇{year}年{half}工作总结")
    ]
    period: Annotated[
        Period,
        BeforeValidator(Period.parse, json_schema_input_type=_PeriodText),
        doc("期别", "年份加 H1（上半年）或 H2（下半年）；全年总结只写年份", "2023H1", 2023),
    ]
    organs: Annotated[
        list[Text], doc("署名", "发文机关，每行一个", ["中共溆浦县祖师殿镇委员会"])
    ] = Field(default=[])
    author: Annotated[
        str | None, doc("作者", "Word 文档属性中的作者，默认取第一个署名", "祖师殿镇人民政府")
    ] = Field(default=None)
    date: Annotated[
        Annotated[dt.date, BeforeValidator(_date, json_schema_input_type=_DateText)] | None,
        doc("成文日期", "如 2023-07-10 或 2023年7月10日", "2023-07-10"),
    ] = None
    recipient: Annotated[
        str | None, doc("主送机关", "标题下的主送机关，不写则没有", "县委、县政府：")
    ] = None
    preamble: Annotated[
        Paragraphs,
        doc(
            "开头语",
            "标题后的开头一段（末尾的“现将有关情况报告如下：”由模板写出）；写成列表时每项一段",
            "{year}年以来，……各项工作稳步推进。",
        ),
    ] = []
    sections: Annotated[
        list[SectionRef],
        doc("各节顺序", "报告的各节，依次编为一、二、三……", ["highlights", "problems", "plans"]),
    ] = Field(min_length=1)
    compare: Annotated[
        Compare | None,
        doc(
            "对比",
            "其他期的数据文件夹，用于上期数、增减、增幅和跨期公式",
            {"previous": "../2023H1"},
        ),
    ] = None
    output: Annotated[
        Output,
        doc(
            "输出",
            "输出文件的名称和格式；不写则生成 Markdown 和 Word",
            {"formats": ["md", "docx", "pdf"]},
        ),
    ] = Output()
    comparison: Annotated[
        ComparisonTable | None,
        doc(
            "主要指标对比表",
            "与上一期对比的指标表；不写则没有",
            {"previous": "../2023H1", "metrics": ["services_handled"]},
        ),
    ] = None
    style: Annotated[
        StyleProfile,
        doc(
            "排版", "字体和排版参数；不写则全部按 GB/T 9704-2012 的默认值", {"font_set": "windows"}
        ),
    ] = StyleProfile()

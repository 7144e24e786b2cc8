"""Recognising paragraph kinds from text, and resolving properties through the style chain."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from zsdreport.docxlint.kinds import Kind, classify, heading_end, heading_kind
from zsdreport.docxlint.resolve import W_NS, StyleSheet, resolve_font, resolve_indent, resolve_size


@dataclass
class P:
    text: str
    centred: bool = False
    kind: Kind = Kind.BODY


def kinds(*paragraphs: P) -> list[Kind]:
    classify(list(paragraphs), lambda p: p.centred)  # type: ignore[attr-defined]
    return [p.kind for p in paragraphs]


def test_a_whole_report_is_recognised() -> None:
    assert kinds(
        P("某某镇2024年上半年", centred=True),
        P("工作总结", centred=True),
        P("（2024年7月1日）", centred=True),
        P(""),
        P("县委、县政府："),
        P("2024年以来，各项工作稳步推进。"),
        P("一、主要工作"),
        P("（一）抓党建"),
        P("1.加强领导。组织学习3次。"),
        P("（1）完善制度。"),
        P("一是上争项目；二是下聚民力。"),
        P(""),
        P("中共某某镇委员会"),
        P("某某镇人民政府"),
        P("2024年7月1日"),
    ) == [
        Kind.TITLE,
        Kind.TITLE,
        Kind.SUBTITLE,
        Kind.BLANK,
        Kind.RECIPIENT,
        Kind.BODY,
        Kind.H1,
        Kind.H2,
        Kind.H3,
        Kind.H4,
        Kind.BODY,
        Kind.BLANK,
        Kind.SIGNATURE,
        Kind.SIGNATURE,
        Kind.DATE,
    ]


def test_attachments_come_after_the_closing_lines() -> None:
    assert kinds(
        P("标题", centred=True),
        P("正文。"),
        P("某某镇人民政府"),
        P("2024年7月1日"),
        P("附件1"),
        P("附件标题", centred=True),
        P("附件正文。"),
    ) == [Kind.TITLE, Kind.BODY, Kind.SIGNATURE, Kind.DATE, Kind.ATTACHMENT, Kind.TITLE, Kind.BODY]


def test_a_body_sentence_at_the_end_is_not_a_signature() -> None:
    assert kinds(P("标题"), P("正文。"), P("特此报告。")) == [Kind.TITLE, Kind.BODY, Kind.BODY]


def test_a_zero_padded_date_is_still_recognised_as_the_date() -> None:
    assert kinds(P("标题"), P("正文。"), P("某镇政府"), P("2024年06月30日"))[-2:] == [
        Kind.SIGNATURE,
        Kind.DATE,
    ]


def test_wrong_markers_still_count_as_headings() -> None:
    assert [
        heading_kind(t) for t in ("(一)抓党建", "1、加强", "１．加强", "一.工作", "(1)制度")
    ] == [
        Kind.H2,
        Kind.H3,
        Kind.H3,
        Kind.H1,
        Kind.H4,
    ]
    assert [
        heading_kind(t) for t in ("一是上争项目", "3.2万亩耕地", "2023年以来", "十四五规划")
    ] == [None] * 4


def test_a_run_in_heading_ends_at_its_first_full_stop() -> None:
    assert heading_end("（一）抓党建。组织学习。") == 7
    assert heading_end("（一）抓党建") == 6
    assert heading_end("1.加强领导。") == 7


STYLES = f"""
<w:styles xmlns:w="{W_NS}">
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia" w:eastAsia="宋体"/><w:sz w:val="21"/></w:rPr></w:rPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文文本"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:ind w:firstLineChars="200" w:firstLine="100"/></w:pPr>
    <w:rPr><w:rFonts w:eastAsia="仿宋"/><w:sz w:val="32"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
  <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>
    <w:rPr><w:rFonts w:eastAsiaTheme="majorEastAsia"/></w:rPr></w:style>
</w:styles>
"""


def _paragraph(style: str | None, run_props: str = "") -> tuple[etree._Element, etree._Element]:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    p = etree.fromstring(f'<w:p xmlns:w="{W_NS}">{ppr}<w:r>{run_props}<w:t>字</w:t></w:r></w:p>')
    return p, p[-1]


def test_the_deciding_level_is_the_most_specific_one_that_sets_the_slot() -> None:
    sheet = StyleSheet(etree.fromstring(STYLES))
    p, r = _paragraph("Body")
    font = resolve_font(sheet.run_levels(p, r), "eastAsia")
    assert (font.name, font.theme, font.source) == ("仿宋", None, "段落样式“正文文本”")
    assert resolve_size(sheet.run_levels(p, r)) == (16.0, "段落样式“正文文本”")
    assert resolve_indent(sheet.paragraph_levels(p), 320).first_line == 640  # chars win over twips


def test_a_theme_attribute_wins_at_its_own_level() -> None:
    sheet = StyleSheet(etree.fromstring(STYLES))
    p, r = _paragraph(None)
    font = resolve_font(sheet.run_levels(p, r), "eastAsia")
    assert (font.name, font.theme, font.source) == (None, "minorEastAsia", "文档默认格式")
    p, r = _paragraph("Body", '<w:rPr><w:rStyle w:val="Strong"/></w:rPr>')
    assert resolve_font(sheet.run_levels(p, r), "eastAsia").source == "字符样式“Strong”"


def test_unknown_and_cyclic_styles_fall_back_without_hanging() -> None:
    sheet = StyleSheet(etree.fromstring(STYLES))
    for style in ("Missing", "Loop"):
        p, r = _paragraph(style)
        assert resolve_size(sheet.run_levels(p, r)) == (10.5, "文档默认格式")

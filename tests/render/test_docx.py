"""The .docx writer, read back as XML: page, styles, paragraphs, footers and stable bytes."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from lxml import etree

from tests.conftest import require_client
from zsdreport.check.validate import load_report
from zsdreport.document.outline import Block, Document, outline
from zsdreport.errors import UsageError
from zsdreport.render.docx import render_docx
from zsdreport.schema.style import StyleProfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
Element = etree._Element

SAMPLE = Document(
    "祖师殿镇2023年上半年工作总结",
    "溆浦县祖师殿镇人民政府",
    [
        Block("title", "祖师殿镇2023年上半年工作总结"),
        Block("recipient", "县委、县政府："),
        Block("body", "2023年以来，各项工作稳步推进。现将有关情况报告如下："),
        Block("heading1", "上半年工作开展情况", "一、", level=1),
        Block("heading2", "抓党建、提作风", "（一）", level=2),
        Block("item", "组织学习3次。", "1.", "把准发展“方向盘”。", level=3),
        Block("subitem", "办结率99.6%。", "（1）", "办理事项。", level=4),
        Block("point", "干部配备齐全……", "一是", "力量相对薄弱。"),
        Block("signature", "中共溆浦县祖师殿镇委员会", right_chars=2),
        Block("signature", "溆浦县祖师殿镇人民政府", right_chars=2),
        Block("date", "2023年7月10日", right_chars=5.5),
    ],
)


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


class Docx:
    """A rendered .docx opened as XML parts, with style resolution for assertions."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.document = self.part("word/document.xml")
        self.styles = self.part("word/styles.xml")
        self.by_id = {s.get(w("styleId")): s for s in self.styles.iterfind("w:style", NS)}

    def part(self, name: str) -> Element:
        return etree.fromstring(self.zip.read(name))

    def paragraphs(self) -> list[Element]:
        return self.document.findall("w:body/w:p", NS)

    def style_id(self, paragraph: Element) -> str:
        found = paragraph.find("w:pPr/w:pStyle", NS)
        return "Normal" if found is None else str(found.get(w("val")))

    def style_name(self, paragraph: Element) -> str:
        return str(self.by_id[self.style_id(paragraph)].find("w:name", NS).get(w("val")))

    def chain(self, style_id: str) -> Iterator[Element]:
        """Yield the style, its basedOn ancestors, then a fake style holding docDefaults."""
        current: str | None = style_id
        while current is not None:
            style = self.by_id[current]
            yield style
            based = style.find("w:basedOn", NS)
            current = None if based is None else based.get(w("val"))
        defaults = etree.Element(w("style"))
        for tag in ("rPr", "pPr"):
            props = self.styles.find(f"w:docDefaults/w:{tag}Default/w:{tag}", NS)
            if props is not None:
                defaults.append(props.__copy__())
        yield defaults

    def resolve(self, paragraph: Element, path: str, attr: str = "val") -> str | None:
        """Return ``path/@attr`` from direct formatting, else the style chain, else docDefaults."""
        found = paragraph.find(f"w:pPr/{path.removeprefix('w:pPr/')}", NS)
        if path.startswith("w:pPr/") and found is not None and found.get(w(attr)) is not None:
            return found.get(w(attr))
        for style in self.chain(self.style_id(paragraph)):
            found = style.find(path, NS)
            if found is not None and found.get(w(attr)) is not None:
                return found.get(w(attr))
        return None

    def bold(self, paragraph: Element) -> bool:
        for style in self.chain(self.style_id(paragraph)):
            found = style.find("w:rPr/w:b", NS)
            if found is not None:
                return found.get(w("val"), "1") not in {"0", "false", "off"}
        return False

    def text(self, paragraph: Element) -> str:
        return "".join(t.text or "" for t in paragraph.iterfind(".//w:t", NS))

    def by_style(self, name: str) -> Element:
        return next(p for p in self.paragraphs() if self.style_name(p) == name)


@pytest.fixture(autouse=True)
def no_source_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="module")
def out() -> Docx:
    return Docx(render_docx(SAMPLE, StyleProfile()))


KIND_STYLE = {
    "title": "Title",
    "recipient": "Salutation",
    "body": "Body Text",
    "heading1": "heading 1",
    "heading2": "heading 2",
    "item": "条目",
    "subitem": "子条目",
    "point": "要点",
    "signature": "署名",
    "date": "成文日期",
}


def test_page_is_a4_with_the_gbt_margins_and_footer_distance(out: Docx) -> None:
    sect = out.document.find("w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert [margins.get(w(k)) for k in ("top", "bottom", "left", "right")] == [
        "2098",
        "1984",
        "1587",
        "1474",
    ]
    assert margins.get(w("footer")) == "1446"  # 25.5 mm
    assert margins.get(w("gutter")) == "0"


def test_line_grid_is_lines_only_at_the_22_line_pitch(out: Docx) -> None:
    grid = out.document.find("w:body/w:sectPr/w:docGrid", NS)
    assert grid.get(w("type")) == "lines"
    assert grid.get(w("linePitch")) == "579"
    assert grid.get(w("charSpace")) is None


def test_paragraphs_are_the_blocks_in_order_with_two_blank_lines(out: Docx) -> None:
    got = [(out.style_name(p), out.text(p)) for p in out.paragraphs()]
    want = [(KIND_STYLE[b.kind], b.text) for b in SAMPLE.blocks]
    want.insert(1, ("Normal", ""))  # after the title
    want.insert(9, ("Normal", ""))  # before the 署名
    assert got == want


@pytest.mark.parametrize(
    ("style", "font", "size", "bold"),
    [
        ("Title", "方正小标宋简体", "44", False),
        ("Salutation", "仿宋_GB2312", "32", False),
        ("Body Text", "仿宋_GB2312", "32", False),
        ("heading 1", "黑体", "32", False),
        ("heading 2", "楷体_GB2312", "32", False),
        ("条目", "仿宋_GB2312", "32", False),
        ("子条目", "仿宋_GB2312", "32", False),
        ("要点", "仿宋_GB2312", "32", False),
        ("署名", "仿宋_GB2312", "32", False),
        ("成文日期", "仿宋_GB2312", "32", False),
    ],
)
def test_each_kind_resolves_its_east_asian_font_size_and_weight(
    out: Docx, style: str, font: str, size: str, bold: bool
) -> None:
    paragraph = out.by_style(style)
    assert out.resolve(paragraph, "w:rPr/w:rFonts", "eastAsia") == font
    assert out.resolve(paragraph, "w:rPr/w:rFonts", "ascii") == "Times New Roman"
    assert out.resolve(paragraph, "w:rPr/w:rFonts", "hAnsi") == "Times New Roman"
    assert out.resolve(paragraph, "w:rPr/w:sz") == size
    assert out.bold(paragraph) is bold


def test_font_set_and_style_options_change_the_styles() -> None:
    style = StyleProfile(font_set="windows", heading2_bold=True, fonts={"heading1": "方正黑体_GBK"})
    doc = Docx(render_docx(SAMPLE, style))
    assert doc.resolve(doc.by_style("Body Text"), "w:rPr/w:rFonts", "eastAsia") == "仿宋"
    assert doc.resolve(doc.by_style("heading 1"), "w:rPr/w:rFonts", "eastAsia") == "方正黑体_GBK"
    assert doc.resolve(doc.by_style("heading 2"), "w:rPr/w:rFonts", "eastAsia") == "楷体"
    assert doc.bold(doc.by_style("heading 2")) is True


def test_no_theme_fonts_colours_or_template_leftovers(out: Docx) -> None:
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        root = out.part(name)
        themed = [
            a for el in root.iter() for a in el.attrib if etree.QName(a).localname.endswith("heme")
        ]
        assert themed == [], name
        assert root.find(".//w:color", NS) is None, name
    names = set(out.zip.namelist())
    assert "word/stylesWithEffects.xml" not in names
    assert "docProps/thumbnail.jpeg" not in names


def test_doc_defaults_are_16pt_chinese_with_no_spacing_after(out: Docx) -> None:
    r_pr = out.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert r_pr.find("w:sz", NS).get(w("val")) == "32"
    assert r_pr.find("w:lang", NS).get(w("eastAsia")) == "zh-CN"
    assert r_pr.find("w:rFonts", NS).get(w("eastAsia")) == "仿宋_GB2312"
    spacing = out.styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:spacing", NS)
    assert spacing.get(w("after")) == "0"
    assert spacing.get(w("lineRule")) == "exact"


def test_normal_controls_widows_lets_punctuation_hang_and_adds_no_digit_space(out: Docx) -> None:
    normal = out.by_id["Normal"]
    flags = [(etree.QName(c).localname, c.get(w("val"))) for c in normal.find("w:pPr", NS)][:4]
    # overflowPunct="1" is Word's default, written out because LibreOffice reads it inverted.
    assert flags == [
        ("widowControl", None),
        ("overflowPunct", "1"),
        ("autoSpaceDE", "0"),
        ("autoSpaceDN", "0"),
    ]


def test_headings_and_the_closing_keep_with_what_follows(out: Docx) -> None:
    """一、（一）and the 署名 lines keep with the next paragraph; so do the body's end and the blank."""
    kept = [
        (out.style_name(p), out.text(p)[:6])
        for p in out.paragraphs()
        if p.find("w:pPr/w:keepNext", NS) is not None
        or any(st.find("w:pPr/w:keepNext", NS) is not None for st in out.chain(out.style_id(p)))
    ]
    assert kept == [
        ("heading 1", "一、上半年工"),
        ("heading 2", "（一）抓党建"),
        ("要点", "一是力量相对"),
        ("Normal", ""),
        ("署名", "中共溆浦县祖"),
        ("署名", "溆浦县祖师殿"),
    ]
    for name in ("heading 1", "heading 2", "署名", "成文日期"):
        style = out.by_id[out.style_id(out.by_style(name))]
        assert style.find("w:pPr/w:keepLines", NS) is not None, name


def test_every_paragraph_has_exact_28_95pt_lines_and_no_space_around(out: Docx) -> None:
    for paragraph in out.paragraphs():
        assert out.resolve(paragraph, "w:pPr/w:spacing", "line") == "579"
        assert out.resolve(paragraph, "w:pPr/w:spacing", "lineRule") == "exact"
        assert out.resolve(paragraph, "w:pPr/w:spacing", "before") == "0"
        assert out.resolve(paragraph, "w:pPr/w:spacing", "after") == "0"


def test_16pt_text_is_tightened_so_28_characters_fit_but_the_title_is_not(out: Docx) -> None:
    for paragraph in out.paragraphs():
        want = "0" if out.style_name(paragraph) == "Title" else "-5"
        assert out.resolve(paragraph, "w:rPr/w:spacing") == want


def test_alignment_and_first_line_indent_per_kind(out: Docx) -> None:
    expected = {
        "Title": ("center", "0"),
        "Normal": ("both", "0"),
        "Salutation": ("both", "0"),
        "Body Text": ("both", "640"),
        "heading 1": ("both", "640"),
        "heading 2": ("both", "640"),
        "条目": ("both", "640"),
        "子条目": ("both", "640"),
        "要点": ("both", "640"),
        "署名": ("right", "0"),
        "成文日期": ("right", "0"),
    }
    for paragraph in out.paragraphs():
        got = (
            out.resolve(paragraph, "w:pPr/w:jc"),
            out.resolve(paragraph, "w:pPr/w:ind", "firstLine"),
        )
        assert got == expected[out.style_name(paragraph)], out.text(paragraph)


def test_only_one_and_yi_headings_have_outline_levels(out: Docx) -> None:
    levels = {out.style_name(p): out.resolve(p, "w:pPr/w:outlineLvl") for p in out.paragraphs()}
    assert levels == {
        "Title": None,
        "Normal": None,
        "Salutation": None,
        "Body Text": None,
        "heading 1": "0",
        "heading 2": "1",
        "条目": None,
        "子条目": None,
        "要点": None,
        "署名": None,
        "成文日期": None,
    }


def test_runs_carry_no_formatting_but_the_east_asian_hint_on_quotes(out: Docx) -> None:
    for paragraph in out.paragraphs():
        for run in paragraph.iterfind("w:r", NS):
            text = "".join(t.text or "" for t in run.iterfind("w:t", NS))
            r_pr = run.find("w:rPr", NS)
            if re.search("[“”‘’—…]", text):
                assert r_pr is not None and len(r_pr) == 1, text
                assert dict(r_pr[0].attrib) == {w("hint"): "eastAsia"}
            else:
                assert r_pr is None, text
    hinted = [out.text(p) for p in out.paragraphs() if p.find(".//w:rFonts", NS) is not None]
    assert hinted == ["1.把准发展“方向盘”。组织学习3次。", "一是力量相对薄弱。干部配备齐全……"]


def test_item_lead_bold_puts_marker_and_lead_in_a_bold_character_style() -> None:
    doc = Docx(render_docx(SAMPLE, StyleProfile(item_lead_bold=True)))
    runs = doc.by_style("条目").findall("w:r", NS)
    assert ["".join(t.text or "" for t in r.iterfind("w:t", NS)) for r in runs] == [
        "1.把准发展“方向盘”。",
        "组织学习3次。",
    ]
    lead_style = runs[0].find("w:rPr/w:rStyle", NS).get(w("val"))
    lead = doc.by_id[lead_style]
    assert lead.get(w("type")) == "character"
    assert lead.find("w:name", NS).get(w("val")) == "段内标题"
    assert lead.find("w:rPr/w:b", NS) is not None
    assert runs[1].find("w:rPr/w:rStyle", NS) is None
    assert len(doc.by_style("子条目").findall("w:r", NS)) == 1  # only 1. items


def test_signature_and_date_are_right_indented_in_characters(out: Docx) -> None:
    indents = [
        (out.text(p), out.resolve(p, "w:pPr/w:ind", "right"))
        for p in out.paragraphs()
        if out.style_name(p) in {"署名", "成文日期"}
    ]
    assert indents == [
        ("中共溆浦县祖师殿镇委员会", "640"),
        ("溆浦县祖师殿镇人民政府", "640"),
        ("2023年7月10日", "1760"),
    ]


def footer(out: Docx, kind: str) -> Element:
    sect = out.document.find("w:body/w:sectPr", NS)
    ref = sect.find(f"w:footerReference[@w:type='{kind}']", NS)
    rels = out.part("word/_rels/document.xml.rels")
    r_id = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    target = next(r.get("Target") for r in rels if r.get("Id") == r_id)
    return out.part(f"word/{target}")


@pytest.mark.parametrize(
    ("kind", "align", "side"), [("default", "right", "right"), ("even", "left", "left")]
)
def test_page_numbers_are_dashed_fields_odd_right_even_left(
    out: Docx, kind: str, align: str, side: str
) -> None:
    paragraphs = footer(out, kind).findall("w:p", NS)
    assert len(paragraphs) == 1
    p = paragraphs[0]
    assert out.style_name(p) == "footer"
    assert out.resolve(p, "w:pPr/w:jc") == align
    ind = p.find("w:pPr/w:ind", NS)
    assert {etree.QName(k).localname: v for k, v in ind.attrib.items()} == {side: "280"}
    assert out.resolve(p, "w:pPr/w:ind", "firstLine") == "0"
    for slot in ("ascii", "hAnsi", "eastAsia"):
        assert out.resolve(p, "w:rPr/w:rFonts", slot) == "宋体"
    assert out.resolve(p, "w:rPr/w:sz") == "28"
    runs = []
    for run in p.iterfind("w:r", NS):
        content = [c for c in run if c.tag != w("rPr")]
        assert len(content) == 1
        c = content[0]
        runs.append((etree.QName(c).localname, c.get(w("fldCharType")) or c.text))
    assert runs == [
        ("t", "\u2014 "),
        ("fldChar", "begin"),
        ("instrText", " PAGE "),
        ("fldChar", "separate"),
        ("t", "1"),
        ("fldChar", "end"),
        ("t", " \u2014"),
    ]


def test_settings_switch_on_odd_and_even_footers_and_speak_chinese(out: Docx) -> None:
    settings = out.part("word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert settings.find("w:themeFontLang", NS).get(w("eastAsia")) == "zh-CN"


def test_word_opens_the_file_in_its_current_layout_mode(out: Docx) -> None:
    settings = out.part("word/settings.xml")
    modes = [
        c.get(w("val"))
        for c in settings.iterfind("w:compat/w:compatSetting", NS)
        if c.get(w("name")) == "compatibilityMode"
    ]
    assert modes == ["15"]


@pytest.mark.parametrize(
    ("font_set", "fonts"),
    [
        (
            "gb2312",
            [
                ("方正小标宋简体", "宋体", "86"),
                ("仿宋_GB2312", "仿宋", "86"),
                ("黑体", "SimHei", "86"),
                ("楷体_GB2312", "楷体", "86"),
                ("宋体", "SimSun", "86"),
                ("Times New Roman", None, "00"),
            ],
        ),
        (
            "windows",
            [
                ("方正小标宋简体", "宋体", "86"),
                ("仿宋", "FangSong", "86"),
                ("黑体", "SimHei", "86"),
                ("楷体", "KaiTi", "86"),
                ("宋体", "SimSun", "86"),
                ("Times New Roman", None, "00"),
            ],
        ),
    ],
)
def test_the_font_table_lists_each_font_used_with_its_fallback(
    font_set: str, fonts: list[tuple[str, str | None, str]]
) -> None:
    table = Docx(render_docx(SAMPLE, StyleProfile(font_set=font_set))).part("word/fontTable.xml")
    got = []
    for font in table.iterfind("w:font", NS):
        alt = font.find("w:altName", NS)
        got.append(
            (
                font.get(w("name")),
                None if alt is None else alt.get(w("val")),
                font.find("w:charset", NS).get(w("val")),
            )
        )
    assert got == fonts


def test_a_font_of_the_users_choice_gets_an_entry_too() -> None:
    style = StyleProfile(fonts={"body": "华文仿宋", "latin": "Arial"})
    table = Docx(render_docx(SAMPLE, style)).part("word/fontTable.xml")
    charsets = {
        f.get(w("name")): f.find("w:charset", NS).get(w("val"))
        for f in table.iterfind("w:font", NS)
    }
    assert charsets["华文仿宋"] == "86"
    assert charsets["Arial"] == "00"
    assert "Times New Roman" not in charsets


def test_app_properties_name_zsdreport_and_claim_no_counts(out: Docx) -> None:
    app = out.part("docProps/app.xml")
    fields = {etree.QName(c).localname: c.text for c in app}
    assert fields == {"Application": "zsdreport", "DocSecurity": "0"}


def test_core_properties_hold_title_author_and_a_fixed_time(out: Docx) -> None:
    props = docx.Document(io.BytesIO(out.data)).core_properties
    assert props.title == SAMPLE.title
    assert props.author == SAMPLE.author
    assert props.last_modified_by == SAMPLE.author
    assert props.revision == 1
    assert props.created == props.modified == datetime(2000, 1, 1, tzinfo=timezone.utc)
    assert props.comments == ""


def test_same_document_gives_the_same_bytes(out: Docx) -> None:
    again = render_docx(SAMPLE, StyleProfile())
    assert again == out.data
    infos = out.zip.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}


def test_source_date_epoch_sets_the_times(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1688947200")  # 2023-07-10 00:00 UTC
    data = render_docx(SAMPLE, StyleProfile())
    assert docx.Document(io.BytesIO(data)).core_properties.created == datetime(
        2023, 7, 10, tzinfo=timezone.utc
    )
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {
        (2023, 7, 10, 0, 0, 0)
    }


def test_a_bad_source_date_epoch_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        render_docx(SAMPLE, StyleProfile())


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "5000000000",
            "环境变量 SOURCE_DATE_EPOCH 太大：5000000000 秒晚于 2107 年底，Word 文档（zip 格式）"
            "记录不了这么晚的时间；请设为 0 到 4354819199（2107-12-31）之间的秒数",
        ),
        (
            "4354819200",
            "环境变量 SOURCE_DATE_EPOCH 太大：4354819200 秒晚于 2107 年底，Word 文档（zip 格式）"
            "记录不了这么晚的时间；请设为 0 到 4354819199（2107-12-31）之间的秒数",
        ),
        (
            "99999999999999999999999",
            "环境变量 SOURCE_DATE_EPOCH 太大：99999999999999999999999 秒晚于 2107 年底，"
            "Word 文档（zip 格式）记录不了这么晚的时间；请设为 0 到 4354819199（2107-12-31）之间的秒数",
        ),
        (
            "-1",
            "环境变量 SOURCE_DATE_EPOCH 不能为负数，现为 “-1”；"
            "请设为 0 到 4354819199（2107-12-31）之间的秒数",
        ),
    ],
)
def test_a_source_date_epoch_a_zip_cannot_hold_is_a_usage_error(
    value: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(UsageError) as caught:
        render_docx(SAMPLE, StyleProfile())
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("value", "zip_time"),
    [
        ("4354819199", (2107, 12, 31, 23, 59, 58)),  # zip times count in steps of 2 seconds
        ("1", (1980, 1, 1, 0, 0, 0)),  # before 1980: the zip says 1980, the properties say 1970
    ],
)
def test_source_date_epoch_at_the_ends_of_the_zip_range(
    value: str, zip_time: tuple[int, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    data = render_docx(SAMPLE, StyleProfile())
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {zip_time}
    assert docx.Document(io.BytesIO(data)).core_properties.created == datetime.fromtimestamp(
        int(value), tz=timezone.utc
    )


MINI = {
    "report.yaml": """
        title: 祖师殿镇{year}年{half}工作总结
        period: 2023H1
        organs:
          - 溆浦县祖师殿镇人民政府
        date: 2023-07-10
        preamble: "{year}年以来，各项工作稳步推进。"
        sections:
          - heading: "{half}工作开展情况"
            files: [work-party]
          - problems
        """,
    "work-party.yaml": """
        heading: 大力抓党建、提作风
        items:
          - lead: 加强党的领导，把准发展“方向盘”。
            text: 组织开展学习。
            items:
              - lead: 抓学习。
                text: 每月一次。
        """,
    "problems.yaml": """
        heading: 存在问题及不足
        points:
          - lead: 村级工作力量相对薄弱。
            text: 虽然我镇各村干部配备齐全。
        """,
}


def test_a_report_from_yaml_renders_every_block(
    tree: Callable[[Mapping[str, str | bytes]], Path],
) -> None:
    report, problems = load_report(tree(MINI))
    assert report is not None, problems
    doc = outline(report)
    out = Docx(render_docx(doc, report.meta.style))
    texts = [out.text(p) for p in out.paragraphs() if out.style_name(p) != "Normal"]
    assert texts == [b.text for b in doc.blocks]
    assert [out.style_name(p) for p in out.paragraphs()] == [
        "Title",
        "Normal",
        "Body Text",
        "heading 1",
        "heading 2",
        "条目",
        "子条目",
        "heading 1",
        "要点",
        "Normal",
        "署名",
        "成文日期",
    ]


@pytest.mark.client
def test_libreoffice_lays_out_22_lines_of_28_characters(tmp_path: Path) -> None:
    soffice = require_client("soffice", "libreoffice-writer-nogui")
    require_client("pdftotext", "poppler-utils")
    line = "我镇" * 14  # 28 字: a full line, no punctuation to hang or squeeze
    blocks = [Block("title", "标题"), *[Block("body", line * 3) for _ in range(20)]]
    source = tmp_path / "grid.docx"
    source.write_bytes(render_docx(Document("标题", "", blocks), StyleProfile()))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "grid.pdf"), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    pages = [[ln for ln in page.splitlines() if ln.strip()] for page in text.split("\f")]
    pages = [page for page in pages if page]
    # Title, blank line, then 20 paragraphs of 4 lines (26 字 after the indent, 28, 28, 2): 82 lines.
    assert len(pages) == 4
    for number, page in enumerate(pages, 1):
        *body, mark = page
        assert mark.replace(" ", "") == f"—{number}—"  # pdftotext drops the narrow spaces
        rows = len(body) + (1 if number == 1 else 0)  # the blank line after the title
        if number < len(pages):
            assert rows == 22, f"page {number}: {rows} lines"
        for row in body:
            assert len(row.replace(" ", "")) <= 28
    full = [row for page in pages for row in page if row.replace(" ", "") == line]
    assert len(full) == 40  # the 2nd and 3rd line of each paragraph are 28 字 wide

"""Word files made elsewhere: heading styles, automatic numbering, bold headings, tables, pandoc."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED, require_client
from tests.fidelity import normalise, ratio, read_text
from tests.importer.conftest import imported, outline_of
from zsdreport.build import build, check


def test_heading_styles_and_list_numbering_that_runs_on(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("青山乡2023年上半年工作总结", style="Title")
    document.add_paragraph("上半年，青山乡各项工作稳步推进。")
    document.add_paragraph("上半年工作情况", style="Heading 1")
    document.add_paragraph("党建工作", style="Heading 2")
    typed = [
        ("加强理论学习。", "组织集中学习6次。"),
        ("规范组织生活。", "各村按时召开组织生活会。"),
    ]
    for lead, body in typed:
        document.add_paragraph(lead + body, style="List Number")
    document.add_paragraph("产业发展", style="Heading 2")
    # Word lets the same list run on: these two show 3. and 4. under the second heading.
    more = [("发展特色种植。", "新增茶叶基地300亩。"), ("培育经营主体。", "新增合作社4家。")]
    for lead, body in more:
        document.add_paragraph(lead + body, style="List Number")
    document.add_paragraph("下半年工作打算", style="Heading 1")
    document.add_paragraph("抓好秋收。", style="List Number")
    document.add_paragraph("青山乡人民政府")
    document.add_paragraph("2023年7月6日")
    source = tmp_path / "青山乡.docx"
    document.save(str(source))

    result = imported(source, tmp_path / "data")
    assert not [p for p in result.problems if "序号" in p.message]
    assert outline_of(tmp_path / "data") == [
        "上半年工作情况",
        "> 党建工作 items=2 sub=0 points=0",
        "> 产业发展 items=2 sub=0 points=0",
        "下半年工作打算 items=1 sub=0 points=0",
    ]
    report, _ = check(tmp_path / "data")
    assert report.meta.title == "青山乡{year}年{half}工作总结"
    assert report.meta.organs == ["青山乡人民政府"]
    assert str(report.meta.date) == "2023-07-06"
    markdown = read_text(build(tmp_path / "data", tmp_path / "out", "md").outputs[0])
    # Numbering restarts per section, and every typed word is printed.
    assert "3.发展特色种植" not in markdown and "1.发展特色种植。新增茶叶基地300亩。" in markdown
    for paragraph in docx.Document(str(source)).paragraphs:
        assert normalise(paragraph.text) in normalise(markdown)


def test_numbering_definitions_give_the_shown_numbers(tmp_path: Path) -> None:
    import docx

    from zsdreport.importer.numbering import Numbering

    document = docx.Document()
    for text in ("甲", "乙", "丙"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("正文")
    numbering = Numbering.of(document)
    shown = [numbering.number(p) for p in document.paragraphs]
    assert shown == ["1.", "2.", "3.", ""]


def test_bold_and_heiti_headings_without_numbers(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("石门镇2022年下半年工作总结")
    heading = document.add_paragraph().add_run("一、主要工作")
    heading.bold = True
    area = document.add_paragraph().add_run("抓安全生产")
    area.font.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "楷体_GB2312")
    document.add_paragraph("1.排查隐患。排查整改隐患21处。")
    plain = document.add_paragraph().add_run("下一步打算")
    plain.font.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    document.add_paragraph("1.抓好冬季防火。")
    document.add_paragraph("石门镇人民政府")
    source = tmp_path / "石门镇.docx"
    document.save(str(source))
    imported(source, tmp_path / "data")
    assert outline_of(tmp_path / "data") == [
        "主要工作",
        "> 抓安全生产 items=1 sub=0 points=0",
        "下一步打算 items=1 sub=0 points=0",
    ]


@pytest.mark.client
def test_seed_converted_by_pandoc(tmp_path: Path, report_figure: Callable[[str], None]) -> None:
    pandoc = require_client("pandoc", "pandoc")
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    markdown = tmp_path / "seed.md"
    markdown.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    source = tmp_path / "seed.docx"
    subprocess.run(
        [pandoc, "-f", "commonmark", "-t", "docx", "-o", str(source), str(markdown)], check=True
    )
    imported(source, tmp_path / "data")
    assert outline_of(tmp_path / "data") == outline_of(DATA)
    built = read_text(build(tmp_path / "data", tmp_path / "out", "md").outputs[0])
    value = ratio(SEED.read_text(encoding="utf-8"), built)
    report_figure(f"import: seed via pandoc .docx → data → md: fidelity {value:.4f}")
    assert value >= 0.99


def test_a_table_is_kept_as_data_and_printed_in_both_outputs(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("江东镇2023年上半年工作总结", style="Title")
    document.add_paragraph("一、主要指标完成情况")
    document.add_paragraph("主要经济指标完成情况见下表。")
    cells = [
        ["指标", "单位", "完成"],
        ["固定资产投资", "万元", "3200"],
        ["招商引资|到位", "亿元", "1.5"],
    ]
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、下半年打算")
    document.add_paragraph("1.抓项目。加快项目建设。")
    document.add_paragraph("江东镇人民政府")
    document.add_paragraph("二〇二三年七月九日")
    source = tmp_path / "江东镇.docx"
    document.save(str(source))

    imported(source, tmp_path / "data")
    report, _ = check(tmp_path / "data")
    assert str(report.meta.date) == "2023-07-09"
    first = report.sections()[0].data
    assert [t.rows for t in first.tables] == [cells]
    outputs = {p.suffix: p for p in build(tmp_path / "data", tmp_path / "out", "md,docx").outputs}
    markdown = outputs[".md"].read_text(encoding="utf-8")
    assert (
        "| 指标 | 单位 | 完成 |\n| --- | --- | --- |\n| 固定资产投资 | 万元 | 3200 |\n" in markdown
    )
    from tests.markdown_reader import READER

    tokens = READER.parse(markdown)
    inline = [t.content for t in tokens if t.type == "inline"]
    at = inline.index("招商引资|到位")  # the escaped bar is text to a real reader, not a column
    assert inline[at : at + 3] == ["招商引资|到位", "亿元", "1.5"]
    word = docx.Document(str(outputs[".docx"]))
    assert [[c.text for c in row.cells] for row in word.tables[0].rows] == cells


def _multilevel_list(document: object) -> str:
    """Add a three-level 一、 （一） 1. list definition to ``document``; return its numId."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    lvl = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for n, (fmt, text) in enumerate(levels)
    )
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="90">{lvl}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def test_a_multilevel_word_list_in_chinese_numerals(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    num_id = _multilevel_list(document)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def numbered(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        p_pr = paragraph._p.get_or_add_pPr()
        p_pr.append(
            parse_xml(
                f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        )

    document.add_paragraph("水东镇2024年上半年工作总结")
    numbered("上半年工作情况", 0)
    numbered("党建工作", 1)
    numbered("加强学习。组织学习5次。", 2)
    numbered("强化监督。开展督查3轮。", 2)
    numbered("产业发展", 1)
    numbered("发展种植。新增油茶800亩。", 2)
    numbered("下半年打算", 0)
    numbered("抓好项目。", 2)
    document.add_paragraph("水东镇人民政府")
    source = tmp_path / "水东镇.docx"
    document.save(str(source))

    from zsdreport.importer.sources import read_source

    shown = [p.text for p in read_source(source).paragraphs]
    assert shown[1:5] == [
        "一、上半年工作情况",
        "（一）党建工作",
        "1.加强学习。组织学习5次。",
        "2.强化监督。开展督查3轮。",
    ]
    assert shown[6:9] == ["1.发展种植。新增油茶800亩。", "二、下半年打算", "1.抓好项目。"]
    imported(source, tmp_path / "data")
    assert outline_of(tmp_path / "data") == [
        "上半年工作情况",
        "> 党建工作 items=2 sub=0 points=0",
        "> 产业发展 items=1 sub=0 points=0",
        "下半年打算 items=1 sub=0 points=0",
    ]

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from zsdreport.check.validate import load_report
from zsdreport.document.dialect import DocumentSyntaxError
from zsdreport.document.outline import Block, outline, place_signature
from zsdreport.document.placement import signature_indents
from zsdreport.errors import TemplateFailure
from zsdreport.report import Report

MINI = Path(__file__).parents[1] / "data" / "mini"


def report_of(root: Path) -> Report:
    report, problems = load_report(root)
    assert report is not None, [p.format() for p in problems]
    return report


def blocks_of(root: Path) -> list[Block]:
    return outline(report_of(root)).blocks


def test_outline_of_the_sample_period() -> None:
    blocks = blocks_of(MINI)
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "祖师殿镇2023年上半年工作总结"),
        (
            "body",
            "2023年以来，在县委、县政府的坚强领导下，各项工作稳步推进。现将有关情况报告如下：",
        ),
        ("heading1", "一、上半年工作开展情况"),
        ("heading2", "（一）大力抓党建、提作风，不断夯实基层党建工作基础"),
        (
            "item",
            "1.加强党的领导，把准发展“方向盘”。组织开展党委理论学习中心组学习3次。"
            "办理568件，办结566件，办结率99.6%。",
        ),
        ("heading1", "二、存在问题及不足"),
        ("point", "一是村级工作力量相对薄弱。虽然我镇各村（居）干部配备齐全。"),
        ("point", "二是产业发展结构比较单一。我镇虽有。"),
        ("signature", "中共溆浦县祖师殿镇委员会"),
        ("signature", "溆浦县祖师殿镇人民政府"),
        ("date", "2023年7月10日"),
    ]


def test_moving_an_item_renumbers_everything(tree: Callable[[Mapping[str, str]], Path]) -> None:
    root = tree(
        {
            "report.yaml": """
                title: 测试
                period: 2023H2
                sections: [plans, problems]
            """,
            "plans.yaml": """
                heading: "{next_half}工作打算"
                items:
                  - lead: 乙。
                    points: [甲事；, 乙事。]
                  - lead: 甲。
                    items:
                      - text: 子项一。
                      - text: 子项二。
            """,
            "problems.yaml": """
                heading: 存在问题
                points:
                  - 问题一。
                  - 问题二。
            """,
        }
    )
    texts = [b.text for b in blocks_of(root)]
    assert texts == [
        "测试",
        "一、明年工作打算",
        "1.乙。一是甲事；二是乙事。",
        "2.甲。",
        "（1）子项一。",
        "（2）子项二。",
        "二、存在问题",
        "一是问题一。",
        "二是问题二。",
    ]
    report = (
        (root / "report.yaml")
        .read_text(encoding="utf-8")
        .replace("[plans, problems]", "[problems, plans]")
    )
    (root / "report.yaml").write_text(report, encoding="utf-8")
    assert [b.text for b in blocks_of(root)][1:3] == ["一、存在问题", "一是问题一。"]


def test_period_words_come_from_the_period(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    report = root / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("2023H1", "2024H2"), encoding="utf-8"
    )
    texts = [b.text for b in blocks_of(root)]
    assert texts[0] == "祖师殿镇2024年下半年工作总结"
    assert texts[2] == "一、下半年工作开展情况"


@pytest.mark.parametrize(
    ("name", "date", "expected"),
    [
        ("某某镇人民政府", "2024年12月20日", (4.0, 2.0)),  # the spec's worked example
        ("中共溆浦县祖师殿镇委员会", "2023年7月10日", (2.0, 5.5)),
        ("某镇", "2023年7月10日", (8.5, 2.0)),
    ],
)
def test_signature_indents_follow_gbt9704(
    name: str, date: str, expected: tuple[float, float]
) -> None:
    assert signature_indents(name, date) == expected


def test_literal_signature_rule_moves_the_name_only_for_a_longer_date() -> None:
    name, date = "某某镇人民政府", "2023年7月10日"  # 7 字 and 6.5 字
    assert signature_indents(name, date, literal=True) == (2.0, 0.5)
    assert signature_indents(name, date) == (3.5, 2.0)


def test_latin_letters_count_half_a_zi_like_digits() -> None:
    # ABCD镇人民政府 is 2 + 5 = 7 字, like 某某镇人民政府.
    assert signature_indents("ABCD镇人民政府", "2023年7月10日") == (3.5, 2.0)


def test_a_text_given_as_a_list_is_several_paragraphs(
    tree: Callable[[Mapping[str, str]], Path],
) -> None:
    root = tree(
        {
            "report.yaml": """
                title: 测试
                period: 2023H1
                preamble:
                  - 开头第一段。
                  - 开头第二段。
                sections: [plans]
            """,
            "plans.yaml": """
                heading: 打算
                items:
                  - lead: 甲。
                    text:
                      - 第一段。
                      - 第二段。
                    points: [一事。, 二事。]
            """,
        }
    )
    assert [(b.kind, b.text) for b in blocks_of(root)] == [
        ("title", "测试"),
        ("body", "开头第一段。"),
        ("body", "开头第二段。现将有关情况报告如下："),  # the template's fixed sentence
        ("heading1", "一、打算"),
        ("item", "1.甲。第一段。"),
        ("body", "第二段。一是一事。二是二事。"),
    ]


SIGNED = {
    "report.yaml": """
        title: 某镇{year}年{half}工作总结
        period: 2023H1
        organs: [某镇, 某某镇人民政府]
        date: 2023-07-10
        sections: [plans]
    """,
    "plans.yaml": """
        heading: 打算
        text: 正文。
    """,
}


def signed(line: str) -> dict[str, str]:
    """Return SIGNED with one more line in report.yaml."""
    report = SIGNED["report.yaml"].replace("sections:", line + "\n        sections:")
    return {**SIGNED, "report.yaml": report}


def placed(blocks: list[Block]) -> list[tuple[str, float]]:
    return [(b.text, b.right_chars) for b in blocks if b.kind in ("signature", "date")]


@pytest.mark.parametrize(
    ("rule", "name", "date"),
    [("spec", 3.5, 2.0), ("literal", 2.0, 0.5)],  # 某某镇人民政府 is 7 字, the date 6.5
)
def test_every_signature_is_placed_by_the_longest_name_and_the_rule(
    tree: Callable[[Mapping[str, str]], Path], rule: str, name: float, date: float
) -> None:
    assert placed(blocks_of(tree(signed(f"style: {{signature_rule: {rule}}}")))) == [
        ("某镇", name),
        ("某某镇人民政府", name),
        ("2023年7月10日", date),
    ]


def test_a_signature_without_a_date_stands_two_zi_from_the_margin(
    tree: Callable[[Mapping[str, str]], Path],
) -> None:
    files = {
        **SIGNED,
        "report.yaml": SIGNED["report.yaml"].replace("        date: 2023-07-10\n", ""),
    }
    assert placed(blocks_of(tree(files))) == [("某镇", 2.0), ("某某镇人民政府", 2.0)]


def test_a_date_without_a_signature_stands_two_zi_from_the_margin_whatever_its_length() -> None:
    for literal in (False, True):
        blocks = [Block("body", "正文"), Block("date", "七月")]
        assert place_signature(blocks, literal=literal) == [
            Block("body", "正文"),
            Block("date", "七月", right_chars=2.0),
        ]


def test_placing_reads_only_signatures_and_dates_and_follows_the_spec_by_default() -> None:
    assert place_signature([Block("body", "正文")]) == [Block("body", "正文")]
    # A short name alone keeps 右空二字: no date moves it.
    assert place_signature([Block("signature", "某镇")]) == [
        Block("signature", "某镇", right_chars=2.0)
    ]
    blocks = [Block("signature", "某某镇人民政府"), Block("date", "2023年7月10日")]
    assert [b.right_chars for b in place_signature(blocks)] == [3.5, 2.0]


def test_the_document_title_and_author_come_from_the_report(
    tree: Callable[[Mapping[str, str]], Path],
) -> None:
    doc = outline(report_of(tree(SIGNED)))
    assert (doc.title, doc.author) == ("某镇2023年上半年工作总结", "某镇")
    doc = outline(report_of(tree(signed("author: 某镇{year}年(办公室)"))))
    assert doc.author == "某镇2023年（办公室）"
    unsigned = SIGNED["report.yaml"].replace("        organs: [某镇, 某某镇人民政府]\n", "")
    assert outline(report_of(tree({**SIGNED, "report.yaml": unsigned}))).author == ""


def test_the_title_is_the_templates_first_heading_or_else_the_reports(
    tree: Callable[[Mapping[str, str]], Path], tmp_path: Path
) -> None:
    report = report_of(tree(SIGNED))
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "report.md.j2").write_text("正文\n\n# 另一个标题\n\n# 第三\n", encoding="utf-8")
    assert outline(report, templates).title == "另一个标题"
    (templates / "report.md.j2").write_text("{{ title | md }}\n", encoding="utf-8")
    doc = outline(report, templates)
    assert (doc.title, doc.blocks) == ("某镇2023年上半年工作总结", [Block("body", doc.title)])


def test_a_kept_template_is_rendered_instead_of_the_folders(
    tree: Callable[[Mapping[str, str]], Path], tmp_path: Path
) -> None:
    # `watch` keeps the compiled template; given one, outline reads no template folder.
    from zsdreport.render.env import environment

    report = report_of(tree(SIGNED))
    kept = environment(None).from_string("# 留下的模板\n\n{{ organs | join('、') | md }}\n")
    doc = outline(report, tmp_path / "no-such-folder", template=kept)
    assert (doc.title, [b.text for b in doc.blocks]) == (
        "留下的模板",
        ["留下的模板", "某镇、某某镇人民政府"],
    )


def test_a_template_writing_markdown_the_document_cannot_hold_names_file_and_line(
    tree: Callable[[Mapping[str, str]], Path], tmp_path: Path
) -> None:
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "report.md.j2").write_text("# {{ title }}\n\n- 列表\n", encoding="utf-8")
    with pytest.raises(TemplateFailure) as caught:
        outline(report_of(tree(SIGNED)), templates)
    assert str(caught.value) == (
        f"模板 {templates / 'report.md.j2'} 生成的文档第 3 行用了文档结构中没有的写法："
        "无序列表（行首的 - + *）（该行：- 列表）；可用的写法见默认模板 report.md.j2 开头的说明"
    )
    assert isinstance(caught.value.__cause__, DocumentSyntaxError)

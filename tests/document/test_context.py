"""What the template sees: the report as printed text, in order (document/context.py)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree
from zsdreport.check.validate import load_report
from zsdreport.document.context import (
    Figure,
    Item,
    Part,
    Point,
    Section,
    Table,
    template_context,
)
from zsdreport.report import Report

PREVIOUS = {
    "report.yaml": """
        title: 某镇{year}年{half}工作总结
        period: 2023H1
        sections: [party]
    """,
    "party.yaml": """
        heading: 党建
        metrics:
          handled: {label: 办理事项, value: 2, unit: 件}
        text: 办理{handled}。
    """,
}

CURRENT = {
    "report.yaml": """
        title: 某镇{year}年{half}工作总结
        period: 2023H2
        recipient: 县委(县政府)
        organs: [某镇党委, "某镇{year}年政府"]
        date: 2024-01-05
        preamble: ["{half}以来,工作推进.", "  ", 第二段。]
        comparison:
          previous: ../2023H1
          metrics: [handled]
          title: "{year}年(全镇)对比"
        sections:
          - heading: "{half}工作(情况)"
            files: [party, safety]
          - problems
    """,
    "party.yaml": """
        heading: 党建{year}
        metrics:
          handled: {label: "办理事项({half})", value: 3, unit: 件}
          rate: {label: 比率, formula: handled / 4 * 100, digits: 1, unit: "%"}
        text: ["共{handled},比率{rate}。", " "]
        items:
          - lead: "引(语){year}。"
            text: [甲段, "", 乙段]
            points: [一点, {lead: 引, text: 文}]
            items:
              - lead: 子
                text: 子段
                points: [子点]
        points: ["要点{year}"]
        tables:
          - rows: [[指标, "值{year}"], [只有一格]]
    """,
    "safety.yaml": """
        heading: 安全
        text: 安全文
    """,
    "problems.yaml": """
        heading: 问题
        points: [问题一。]
    """,
}


def report_of(root: Path) -> Report:
    report, problems = load_report(root)
    assert report is not None, [p.format() for p in problems]
    return report


def test_the_template_sees_every_text_expanded_and_in_order(tmp_path: Path) -> None:
    write_tree(tmp_path / "2023H1", PREVIOUS)
    context = template_context(report_of(write_tree(tmp_path / "2023H2", CURRENT)))
    handled = Figure("handled", "办理事项（下半年）", "3", "件", "3件")
    rate = Figure("rate", "比率", "75.0", "%", "75.0%")
    assert context == {
        "title": "某镇2023年下半年工作总结",
        "recipient": "县委（县政府）",
        "preamble": ["下半年以来，工作推进。", "第二段。"],
        "comparison": Table(
            [
                ["指标", "上期", "本期", "增减", "增幅"],
                ["办理事项（下半年）", "2件", "3件", "+1件", "+50.0%"],
            ],
            ["left", "right", "right", "right", "right"],
            "2023年（全镇）对比",
        ),
        "parts": [
            Part(
                "下半年工作（情况）",
                [
                    Section(
                        "party",
                        "党建2023",
                        ["共3件，比率75.0%。"],
                        [
                            Item(
                                "引（语）2023。",
                                ["甲段", "乙段"],
                                [Point("", "一点"), Point("引", "文")],
                                [Item("子", ["子段"], [Point("", "子点")], [])],
                            )
                        ],
                        [Point("", "要点2023")],
                        [Table([["指标", "值2023"], ["只有一格", ""]], ["left", "left"])],
                        {"handled": handled, "rate": rate},
                    ),
                    Section("safety", "安全", ["安全文"], [], [], [], {}),
                ],
            ),
            Part(None, [Section("problems", "问题", [], [], [Point("", "问题一。")], [], {})]),
        ],
        "organs": ["某镇党委", "某镇2023年政府"],
        "date": "2024年1月5日",
        "words": {
            "year": "2023",
            "half": "下半年",
            "next_half": "明年",
            "next_year": "2024",
            "prev_year": "2022",
            "handled": "3件",
            "rate": "75.0%",
        },
        "figures": {"handled": handled, "rate": rate},
    }


def test_a_report_without_recipient_date_or_comparison_gives_empty_values(tmp_path: Path) -> None:
    context = template_context(report_of(write_tree(tmp_path / "2023H1", PREVIOUS)))
    assert (context["recipient"], context["date"], context["comparison"]) == ("", "", None)
    assert (context["organs"], context["preamble"]) == ([], [])

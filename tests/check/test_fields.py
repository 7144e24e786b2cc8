"""Every prose field of the schema is read by check (references, proofreading) and printed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from zsdreport.check.validate import load_report
from zsdreport.document.outline import outline

FILES = {
    "report.yaml": """
        title: 标题{zz01}
        period: 2023H1
        recipient: 主送{zz02}
        author: 作者{zz03}
        organs:
          - 署名{zz04}
        date: 2023-07-10
        preamble: 开头{zz05}
        sections:
          - heading: 一级{zz06}
            files: [area]
          - plans
    """,
    "area.yaml": """
        heading: 二级{zz07}
        text: 节正文{zz08}
        items:
          - lead: 引语{zz09}
            text:
              - 正文{zz10}
              - 正文第二段{zz21}
            points:
              - 要点{zz11}
              - lead: 要点引语{zz12}
                text: 要点正文{zz13}
            items:
              - lead: 子引语{zz14}
                text: 子正文{zz15}
                points:
                  - 子要点{zz16}
    """,
    "plans.yaml": """
        heading: 打算{zz17}
        points:
          - lead: 问题引语{zz18}
            text: 问题正文{zz19}
          - 问题{zz20}
        tables:
          - rows:
              - [表头, "单元格{zz22}"]
    """,
}
FIELDS = 22


def test_every_prose_field_is_checked(tree: Callable[[Mapping[str, str]], Path]) -> None:
    report, problems = load_report(tree(FILES))
    assert report is None
    undefined = sorted(
        p.message.split("{")[1].split("}")[0] for p in problems if "未定义的指标" in p.message
    )
    assert undefined == [f"zz{n:02d}" for n in range(1, FIELDS + 1)]


def test_every_prose_field_is_printed(tree: Callable[[Mapping[str, str]], Path]) -> None:
    files = {name: text.replace("{zz", "【").replace("}", "】") for name, text in FILES.items()}
    report, problems = load_report(tree(files))
    assert report is not None, [p.format() for p in problems]
    doc = outline(report)
    printed = "".join(b.text for b in doc.blocks) + doc.author
    assert sorted(int(x) for x in printed.split("【")[1:] for x in [x.split("】")[0]]) == list(
        range(1, FIELDS + 1)
    )

"""One template drives both outputs: an edited template reaches the .md and the .docx alike."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import docx

from tests.conftest import DATA
from tests.custom_template import ADDED, INTRO, NEW_INTRO, customised
from tests.markdown_reader import read_blocks
from zsdreport.build import build


def outputs(out: Path, templates: Path | None) -> tuple[list[str], list[tuple[str, str]]]:
    """Build data/2023H1; return the .md paragraphs and the .docx (style, text) paragraphs."""
    result = build(DATA, out, "md,docx", templates)
    files = {p.suffix: p for p in result.outputs}
    markdown = [text for _, text in read_blocks(files[".md"].read_text(encoding="utf-8"))]
    document = docx.Document(str(files[".docx"]))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    return markdown, paragraphs


def test_an_edited_template_changes_both_outputs_paragraph_for_paragraph(tmp_path: Path) -> None:
    default_md, default_docx = outputs(tmp_path / "default", None)
    custom_md, custom_docx = outputs(tmp_path / "custom", customised(tmp_path / "tpl"))

    # The expected document: the default one with the sentence reworded and one paragraph added.
    preamble = next(i for i, text in enumerate(default_md) if text.endswith(INTRO))
    signature = default_md.index("中共溆浦县祖师殿镇委员会")
    expected = list(default_md)
    expected[preamble] = expected[preamble].removesuffix(INTRO) + NEW_INTRO.format(half="上半年")
    expected.insert(signature, ADDED)
    assert custom_md == expected
    assert [text for _, text in custom_docx] == expected

    # In Word the added paragraph is body text, and every other paragraph keeps its style.
    assert custom_docx[signature] == ("Body Text", ADDED)
    styles = [style for style, _ in custom_docx]
    assert styles[:signature] + styles[signature + 1 :] == [style for style, _ in default_docx]


def test_an_imported_report_prints_the_fixed_sentence_once(tmp_path: Path) -> None:
    from tests.conftest import SEED
    from zsdreport.importer import import_report

    import_report(SEED, tmp_path / "data")
    result = build(tmp_path / "data", tmp_path / "out", "md")
    markdown = result.outputs[0].read_text(encoding="utf-8")
    assert markdown.count(INTRO) == 1
    assert SEED.read_text(encoding="utf-8").count(INTRO[:-1]) == 1  # the seed has ":"


def test_a_table_goes_through_the_template_into_both_outputs(
    tree: Callable[[Mapping[str, str]], Path], tmp_path: Path
) -> None:
    root = tree(
        {
            "report.yaml": """
                title: 测试
                period: 2023H1
                sections: [plans]
            """,
            "plans.yaml": """
                heading: 打算
                text: 正文。
                tables:
                  - rows:
                      - [指标, 完成]
                      - ["投资|总额", 3200万元]
                      - [只有一格]
            """,
        }
    )
    result = build(root, tmp_path / "out", "md,docx")
    files = {p.suffix: p for p in result.outputs}
    markdown = files[".md"].read_text(encoding="utf-8")
    assert (
        "| 指标 | 完成 |\n| --- | --- |\n| 投资\\|总额 | 3200万元 |\n| 只有一格 |  |\n" in markdown
    )
    table = docx.Document(str(files[".docx"])).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["指标", "完成"],
        ["投资|总额", "3200万元"],
        ["只有一格", ""],
    ]

"""The 主要指标对比表: in both outputs when report.yaml asks, figures equal to those diff reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.compare.test_second_period import SECOND
from tests.conftest import DATA
from zsdreport.build import build, check
from zsdreport.compare.periods import compare_folders
from zsdreport.compare.rows import change_text, figure_cells
from zsdreport.compare.table import HEADER
from zsdreport.errors import DataError

CHOSEN = [
    "services_handled",
    "services_done",
    "handled_rate",
    "collective_income_total",
    "new_loans",
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    result = build(SECOND, tmp_path_factory.mktemp("out"), "md,docx")
    return {p.suffix.lstrip("."): p for p in result.outputs}


def expected_rows() -> list[list[str]]:
    """The rows as zsdreport diff shows them ("—" where diff leaves the 增幅 empty)."""
    found = {f.id: f for f in compare_folders(DATA, SECOND).figures}
    return [
        [
            found[k].label,
            found[k].old_text,
            found[k].new_text,
            change_text(found[k]),
            figure_cells(found[k])[6] or "—",
        ]
        for k in CHOSEN
    ]


def test_markdown_table_has_the_figures_diff_reports(outputs: dict[str, Path]) -> None:
    text = outputs["md"].read_text(encoding="utf-8")
    assert (
        "\n**主要指标对比表**\n\n| 指标 | 上期 | 本期 | 增减 | 增幅 |\n| --- | ---: | ---: | ---: | ---: |\n"
        in text
    )
    lines = [line for line in text.splitlines() if line.startswith("| ")][2:]
    rows = [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]
    assert rows[: len(CHOSEN)] == expected_rows()
    # A figure whose unit changed is printed, not compared.
    assert rows[len(CHOSEN)] == ["困境儿童慰问资金", "1.6万", "2.4万元", "—", "—"]
    assert text.index("主要指标对比表") < text.index("## 一、")


def test_word_table_is_a_gb_table_with_the_same_figures(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    (table,) = document.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == list(HEADER) and cells[1 : len(CHOSEN) + 1] == expected_rows()
    tbl = table._tbl
    borders = tbl.tblPr.find(qn("w:tblBorders"))
    assert [b.tag.split("}")[1] for b in borders] == [
        "top",
        "left",
        "bottom",
        "right",
        "insideH",
        "insideV",
    ]
    assert all(b.get(qn("w:val")) == "single" for b in borders)
    grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
    section = document.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) // 635
    assert len(grid) == 5 and abs(sum(grid) - text_width) <= 1
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    header, body = table.rows[0].cells[0].paragraphs[0], table.rows[1].cells[1].paragraphs[0]
    assert header.style.name == "表格表头" and body.style.name == "表格文字"
    assert (
        str(body.alignment).endswith("RIGHT (2)")
        and table.rows[1].cells[0].paragraphs[0].alignment is None
    )
    styles = {s.style_id: s for s in document.styles}
    head_font = styles["ZsdTableHeader"].element.rPr.rFonts.get(qn("w:eastAsia"))
    assert head_font == styles["Heading1"].element.rPr.rFonts.get(qn("w:eastAsia"))  # 黑体
    text_style = styles["ZsdTableText"].element
    spacing = text_style.pPr.find(qn("w:spacing"))
    # Single line spacing off the grid: the body's exact 28.95 pt would make every row a body line.
    assert spacing.get(qn("w:lineRule")) == "auto" and spacing.get(qn("w:line")) == "240"
    assert text_style.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    caption = next(p for p in document.paragraphs if p.text == "主要指标对比表")
    assert caption.style.name == "表题"


def test_no_table_unless_asked(tmp_path: Path) -> None:
    (md,) = build(DATA, tmp_path, "md").outputs
    assert "主要指标对比表" not in md.read_text(encoding="utf-8")


def copy_second(tmp_path: Path, comparison: str) -> Path:
    target = tmp_path / "2023H2"
    shutil.copytree(SECOND, target)
    report = target / "report.yaml"
    text = report.read_text(encoding="utf-8")
    start = text.index("comparison:")
    end = text.index("sections:")
    report.write_text(text[:start] + comparison + text[end:], encoding="utf-8")
    return target


def messages(folder: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        check(folder)
    return [p.format().splitlines()[0] for p in info.value.problems if p.is_error]


def test_a_missing_previous_folder_is_an_error_at_its_line(tmp_path: Path) -> None:
    folder = copy_second(tmp_path, "comparison:\n  previous: ../2022H2\n  metrics: [new_loans]\n")
    (message,) = messages(folder)
    assert message.startswith(
        f"{folder / 'report.yaml'}:16:13: 错误: 无法读取上期数据：找不到数据文件夹"
    )


def test_an_unknown_metric_is_an_error(tmp_path: Path) -> None:
    comparison = f"comparison:\n  previous: {DATA}\n  metrics: [new_loans, new_loan]\n"
    (message,) = messages(copy_second(tmp_path, comparison))
    assert message.endswith('对比表中的指标“new_loan”本期没有定义，是否想写 "new_loans"？')


def test_a_broken_previous_period_is_named(tmp_path: Path) -> None:
    previous = tmp_path / "2023H1"
    shutil.copytree(DATA, previous)
    (previous / "plans.yaml").write_text("heading: [", encoding="utf-8")
    comparison = f"comparison:\n  previous: {previous}\n  metrics: [new_loans]\n"
    (message,) = messages(copy_second(tmp_path, comparison))
    assert "上期数据" in message and "有 1 处错误" in message and "zsdreport check" in message


def test_the_table_uses_compare_previous_when_it_names_no_folder(tmp_path: Path) -> None:
    """One folder for 上期: comparison.previous may be left out when compare.previous is written."""
    comparison = f"compare: {{previous: {DATA}}}\ncomparison:\n  metrics: [{', '.join(CHOSEN)}]\n"
    folder = copy_second(tmp_path, comparison)
    (md,) = build(folder, tmp_path / "out", "md").outputs
    lines = [line for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    rows = [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines[2:]]
    assert rows == expected_rows()


def test_two_different_previous_folders_are_an_error(tmp_path: Path) -> None:
    comparison = (
        f"compare: {{previous: {DATA}}}\n"
        "comparison:\n  previous: ../2022H2\n  metrics: [new_loans]\n"
    )
    folder = copy_second(tmp_path, comparison)
    (message,) = messages(folder)
    assert message == (
        f"{folder / 'report.yaml'}:17:13: 错误: 对比表的上期 ../2022H2 与 compare.previous（{DATA}）"
        "不同：对比表就用上期，请删除 comparison.previous 或改成一致"
    )


def test_the_same_folder_written_twice_is_accepted(tmp_path: Path) -> None:
    comparison = (
        f"compare: {{previous: {DATA}/}}\ncomparison:\n  previous: {DATA}\n  metrics: [new_loans]\n"
    )
    check(copy_second(tmp_path, comparison))


def test_a_table_without_any_previous_folder_is_an_error(tmp_path: Path) -> None:
    folder = copy_second(tmp_path, "comparison:\n  metrics: [new_loans]\n")
    (message,) = messages(folder)
    assert message == (
        f"{folder / 'report.yaml'}:16:3: 错误: 对比表需要上期数据："
        "在 compare 中写 previous（如 compare: {previous: ../2023H1}）"
    )

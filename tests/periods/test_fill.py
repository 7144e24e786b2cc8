"""The 填报表: metrics --format xlsx/csv out, fill back in, one changed line per changed value."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import DATA
from zsdreport.cli import main
from zsdreport.periods.fill import parse_number
from zsdreport.periods.sheet import HEADINGS


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of data/2023H1, committed."""
    root = tmp_path / "repo"
    shutil.copytree(DATA, root / "2023H1")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "data")
    return root


def export(repo: Path, capsys: pytest.CaptureFixture[str], name: str = "填报表.xlsx") -> Path:
    sheet = repo.parent / name
    code, out, err = run(
        ["metrics", str(repo / "2023H1"), "-f", sheet.suffix[1:], "-o", str(sheet)], capsys
    )
    assert code == 0, err
    assert f"已生成 {sheet}" in out
    return sheet


def row_of(sheet: Path, ident: str) -> int:
    book = load_workbook(sheet)
    column = [c.value for c in book.active["A"]]  # type: ignore[index]
    return column.index(ident) + 1


def edit(sheet: Path, cells: dict[str, object]) -> None:
    book = load_workbook(sheet)
    for name, value in cells.items():
        book.active[name] = value  # type: ignore[index]
    book.save(sheet)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_xlsx_round_trip_changes_exactly_the_edited_lines(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = export(repo, capsys)
    edit(
        sheet,
        {
            f"E{row_of(sheet, 'study_sessions')}": 5,
            f"E{row_of(sheet, 'rain_dew_subsidy')}": 31.5,
        },
    )
    code, out, err = run(["fill", str(repo / "2023H1"), str(sheet)], capsys)
    assert code == 0, err
    assert out.splitlines() == [
        "党委理论学习中心组学习次数: 3次 → 5次",
        "雨露计划拟补助金额: 29.7万元 → 31.5万元",
    ]
    assert git(repo, "diff", "--numstat").split() == [
        "1", "1", "2023H1/work-party.yaml", "1", "1", "2023H1/work-revitalization.yaml"
    ]  # fmt: skip
    changed = [
        line for line in git(repo, "diff", "-U0").splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]  # fmt: skip
    assert changed == [
        "-  study_sessions: {label: 党委理论学习中心组学习次数, value: 3, unit: 次}",
        "+  study_sessions: {label: 党委理论学习中心组学习次数, value: 5, unit: 次}",
        "-  rain_dew_subsidy: {label: 雨露计划拟补助金额, value: 29.7, unit: 万元}",
        "+  rain_dew_subsidy: {label: 雨露计划拟补助金额, value: 31.5, unit: 万元}",
    ]
    out_dir = tmp_path / "out"
    code, _, err = run(["build", str(repo / "2023H1"), "-o", str(out_dir)], capsys)
    assert code == 0, err
    markdown = next(out_dir.glob("*.md")).read_text("utf-8")
    assert "中心组学习5次" in markdown and "拟补助31.5万元" in markdown
    assert "中心组学习3次" not in markdown and "29.7万元" not in markdown


@pytest.mark.parametrize(
    ("column", "row", "value", "message"),
    [
        ("A", "study_sessions", "study_sesions", "标识“study_sesions”不是本期的指标"),
        ("E", "study_sessions", "一百二", "“一百二”是汉字数字：请用阿拉伯数字填写，如 120"),
        ("E", "study_sessions", "12户", "“12户”带了单位或文字：只写数字，如 12"),
        ("E", "study_sessions", "1,203", "“1,203”用了千位分隔符：请写 1203"),
        (
            "E",
            "handled_rate",
            50,
            "“办结率”由公式 services_done / services_handled * 100 计算，不能填写",
        ),
        ("A", "cadre_training_people", "study_sessions", "标识“study_sessions”重复（第 2 行已有）"),
    ],
)
def test_a_bad_cell_is_located_and_changes_nothing(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    column: str,
    row: str,
    value: object,
    message: str,
) -> None:
    sheet = export(repo, capsys)
    good = f"E{row_of(sheet, 'village_count')}"
    at = f"{column}{row_of(sheet, row)}"
    edit(sheet, {good: 19, at: value})
    before = snapshot(repo / "2023H1")
    code, out, err = run(["fill", str(repo / "2023H1"), str(sheet)], capsys)
    assert code == 1
    assert f"工作表“填报表”单元格 {at}：" in err and message in err
    assert err.rstrip().endswith("未改动任何文件。")
    assert out == ""
    assert snapshot(repo / "2023H1") == before


def test_a_complete_sheet_leaves_no_stale_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = tmp_path / "2023H2"
    assert run(["new", str(second), "--from", str(DATA)], capsys)[0] == 0
    sheet = tmp_path / "填报表.xlsx"
    assert run(["metrics", str(second), "-f", "xlsx", "-o", str(sheet)], capsys)[0] == 0
    book = load_workbook(sheet)
    typed = 0
    for cells in book.active.iter_rows(min_row=2):  # type: ignore[union-attr]
        if cells[5].value and str(cells[5].value).startswith("固定数"):
            assert cells[4].value == 60 and cells[3].value is None  # kept by new, not 待填
        elif not cells[4].protection.locked:
            cells[4].value = cells[3].value + 1
            typed += 1
    book.save(sheet)
    code, out, err = run(["fill", str(second), str(sheet)], capsys)
    assert code == 0, err
    assert len(out.splitlines()) == typed >= 80
    code, _, err = run(["check", str(second)], capsys)
    assert code == 0
    assert "尚未更新" not in err and "待填" not in err


def test_xlsx_sheet_is_protected_except_the_typed_values(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = export(repo, capsys)
    book = load_workbook(sheet)
    page = book.active
    assert page is not None
    assert page.title == "填报表" and page.protection.sheet
    assert [c.value for c in page[1]] == list(HEADINGS)
    rate = row_of(sheet, "handled_rate")
    sessions = row_of(sheet, "study_sessions")
    assert page[f"E{rate}"].value == 99.6 and page[f"E{rate}"].protection.locked
    assert page[f"E{sessions}"].value == 3 and not page[f"E{sessions}"].protection.locked
    assert page[f"B{sessions}"].protection.locked
    assert all(page.column_dimensions[c].width >= 10 for c in "ABCDEFG")


def test_csv_has_a_bom_chinese_headers_and_fills_back(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["metrics", str(repo / "2023H1"), "-f", "csv"], capsys)
    assert code == 0
    sheet = export(repo, capsys, "填报表.csv")
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == list(HEADINGS)
    for cells in table:
        if cells[0] == "study_sessions":
            cells[4] = "7"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    sheet.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    code, out, err = run(["fill", str(repo / "2023H1"), str(sheet)], capsys)
    assert code == 0, err
    assert out == "党委理论学习中心组学习次数: 3次 → 7次\n"
    assert git(repo, "diff", "--numstat").split() == ["1", "1", "2023H1/work-party.yaml"]


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (12, "12"),
        (12.0, "12"),
        (3.25, "3.25"),
        (-2, "-2"),
        ("１２", "12"),
        (" 7 ", "7"),
        (0.00001, "0.00001"),
    ],
)
def test_numbers_are_written_as_typed(cell: object, text: str) -> None:
    assert parse_number(cell) == text


def test_xlsx_needs_an_output_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["metrics", str(repo / "2023H1"), "-f", "xlsx"], capsys)
    assert code == 2 and out == ""
    assert "请加 -o 文件名" in err


def test_fill_finds_the_periods_report_yaml_names_relative_to_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The period after the fill is checked in place: compare: {previous: ../2023H1} is found."""
    shutil.copytree(DATA, tmp_path / "data" / "2023H1")
    second = tmp_path / "data" / "2023H2"
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # relative folders must not depend on the cwd
    assert run(["new", str(second), "--from", str(tmp_path / "data" / "2023H1")], capsys)[0] == 0
    assert "compare: {previous: ../2023H1}" in (second / "report.yaml").read_text("utf-8")
    sheet = tmp_path / "填报表.xlsx"
    assert run(["metrics", str(second), "-f", "xlsx", "-o", str(sheet)], capsys)[0] == 0
    book = load_workbook(sheet)
    rows = list(book.active.iter_rows(min_row=2))  # type: ignore[union-attr]
    (row,) = [cells for cells in rows if cells[0].value == "study_sessions"]
    row[4].value = 5
    book.save(sheet)
    code, out, err = run(["fill", str(second), str(sheet)], capsys)
    assert code == 0, err
    assert "党委理论学习中心组学习次数: 待填 → 5次" in out

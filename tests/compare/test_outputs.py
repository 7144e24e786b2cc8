"""zsdreport diff data/2023H1 tests/data/2023H2 in every format, pinned as golden files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.compare.word_view import W
from tests.conftest import ROOT
from tests.golden import assert_golden
from tests.test_cli import run

ARGS = ["diff", "data/2023H1", "tests/data/2023H2"]


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_text_formats_are_golden(
    fmt: str, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    code, out, err = run([*ARGS, "--format", fmt], capsys)
    assert code == 0, err
    assert "\x1b[" not in out  # not a terminal: no colour
    assert_golden(f"diff/2023H1-2023H2.{'txt' if fmt == 'text' else fmt}", out, update_golden)


def test_json_follows_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    from zsdreport.compare.tables import schema

    _, out, _ = run([*ARGS, "--format", "json"], capsys)
    jsonschema.Draft202012Validator.check_schema(schema())
    data = json.loads(out)
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert data["counts"]["figures_changed"] == 17
    broken = {**data, "figures": [{**data["figures"][0], "old": 3}]}  # a number, not a string
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema()).validate(broken)


def test_csv_has_a_bom_chinese_headings_and_is_golden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    target = tmp_path / "对比.csv"
    code, _, err = run([*ARGS, "--format", "csv", "-o", str(target)], capsys)
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["状态", "标识", "名称", "上期数值", "本期数值"]
    assert rows[[r[1] for r in rows].index("services_handled")][:7] == [
        "变化",
        "services_handled",
        "为群众办理、代办事项数",
        "568",
        "1203",
        "635",
        "111.8",
    ]
    text = data.decode("utf-8-sig")
    assert text.count("\r\n") == text.count("\n")  # Excel's line ends
    assert_golden("diff/2023H1-2023H2.csv", text.replace("\r\n", "\n"), update_golden)


def sheet_dump(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        lines.append(f"== {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            lines.append("\t".join("" if v is None else repr(v) for v in row))
    return "\n".join(lines) + "\n"


def test_xlsx_holds_figures_structure_and_prose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    target = tmp_path / "对比.xlsx"
    code, _, err = run([*ARGS, "--format", "xlsx", "-o", str(target)], capsys)
    assert code == 0, err
    dump = sheet_dump(target)
    assert "== 指标\n" in dump and "== 结构\n" in dump and "== 文字修改\n" in dump
    assert "'services_handled'\t'为群众办理、代办事项数'\t568\t1203\t635\t111.8" in dump
    assert_golden("diff/2023H1-2023H2.xlsx.txt", dump, update_golden)


def revision_dump(data: bytes) -> str:
    """Return each body paragraph with its revisions as [-deleted-] and {+inserted+}."""
    from lxml import etree

    from tests.compare.word_view import document_root

    lines = []
    for p in document_root(data).iter(f"{{{W}}}p"):
        parts = []
        for child in p:
            text = "".join(child.itertext())
            if child.tag == f"{{{W}}}del":
                parts.append(f"[-{text}-]")
            elif child.tag == f"{{{W}}}ins":
                parts.append(f"{{+{text}+}}")
            elif child.tag == f"{{{W}}}r":
                parts.append(text)
        mark = p.find(f"{{{W}}}pPr/{{{W}}}rPr")
        kind = (
            ""
            if mark is None
            else "".join(
                {"ins": "（整段新增）", "del": "（整段删除）"}[etree.QName(m).localname]
                for m in mark
                if etree.QName(m).localname in ("ins", "del")
            )
        )
        if parts or kind:
            lines.append(kind + "".join(parts))
    return "\n".join(lines) + "\n"


def test_tracked_docx_is_golden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    target = tmp_path / "修订稿.docx"
    code, _, err = run([*ARGS, "--format", "docx", "-o", str(target)], capsys)
    assert code == 0, err
    assert f"已生成 {target}" in err
    assert_golden("diff/2023H1-2023H2.docx.txt", revision_dump(target.read_bytes()), update_golden)


def test_exit_code_only_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(ARGS, capsys)[0] == 0
    assert run([*ARGS, "--exit-code"], capsys)[0] == 1
    assert run(["diff", "data/2023H1", "data/2023H1", "--exit-code"], capsys)[0] == 0


def test_binary_formats_need_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([*ARGS, "--format", "xlsx"], capsys)
    assert (code, out) == (2, "")
    assert "--format xlsx 需要用 -o 指定输出文件" in err
    code, _, err = run([*ARGS, "--format", "pdf"], capsys)
    assert code == 2 and "不支持的格式：pdf" in err


def test_bad_data_is_reported_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["diff", "data/2023H1", str(tmp_path)], capsys)
    assert (code, out) == (2, "") and "report.yaml" in err


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from zsdreport.compare.output import wants_colour
    from zsdreport.compare.periods import compare_folders
    from zsdreport.compare.view import render_terminal

    assert wants_colour(True) and not wants_colour(False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(True)
    coloured = render_terminal(compare_folders(Path(ARGS[1]), Path(ARGS[2])), colour=True)
    assert "\x1b[31m预计2023\x1b[0m" in coloured and "\x1b[32m全\x1b[0m" in coloured


def test_a_label_that_looks_like_a_formula_stays_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from openpyxl import load_workbook

    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "tests" / "data" / "mini", old)
    shutil.copytree(ROOT / "tests" / "data" / "mini", new)
    party = new / "work-party.yaml"
    text = party.read_text(encoding="utf-8")
    party.write_text(
        text.replace("{label: 办理事项, value: 568", '{label: "=HYPERLINK(1)", value: 570'),
        encoding="utf-8",
    )
    target = tmp_path / "对比.csv"
    assert run(["diff", str(old), str(new), "-f", "csv", "-o", str(target)], capsys)[0] == 0
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    handled = next(r for r in rows if r[1] == "handled")
    assert handled[2] == "'=HYPERLINK(1)" and handled[5] == "2"
    assert next(r for r in rows if r[1] == "done_rate")[5] == "-0.3"  # a negative number stays one
    book = tmp_path / "对比.xlsx"
    assert run(["diff", str(old), str(new), "-f", "xlsx", "-o", str(book)], capsys)[0] == 0
    cell = next(
        row[2] for row in load_workbook(book)["指标"].iter_rows() if row[1].value == "handled"
    )
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")

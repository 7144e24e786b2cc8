"""`zsdreport new`: the next period's folder, every typed figure waiting for its new value."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import DATA
from zsdreport.check.validate import load_report
from zsdreport.cli import main
from zsdreport.periods.roundtrip import Number, read, splice

Tree = Callable[[Mapping[str, str | bytes]], Path]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def typed_figures() -> dict[str, tuple[str, str]]:
    """Return label → (value, unit) of every typed figure of data/2023H1."""
    report, _ = load_report(DATA)
    assert report is not None
    return {
        f.metric.label: (str(f.metric.value), f.metric.unit)
        for f in report.figures.values()
        if f.metric.formula is None
    }


@pytest.fixture
def second(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = tmp_path / "x" / "2023H2"
    code, out, err = run(["new", str(target), "--from", str(DATA)], capsys)
    assert code == 0, err
    assert f"已创建 {target}（2023年下半年" in out
    return target


def test_check_warns_once_per_typed_figure_with_label_and_previous_value(
    second: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", str(second)], capsys)
    assert code == 0, err
    stale = [line for line in err.splitlines() if "尚未更新" in line]
    figures = typed_figures()
    assert len(stale) == len(figures) >= 80
    for label, (value, unit) in figures.items():
        expected = f"“{label}”尚未更新（上期 {value}{unit}）：请填写本期数（value）"
        assert sum(expected in line for line in stale) == 1, label
    assert "缺少成文日期" in err
    code, _, _ = run(["check", "--strict", str(second)], capsys)
    assert code == 1


def test_build_marks_stale_figures_in_both_outputs(
    second: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    code, _, err = run(["build", str(second), "-o", str(out_dir)], capsys)
    assert code == 0, err
    assert "尚未更新，生成的文件中印为“【待填：上期……】”" in err
    markdown = next(out_dir.glob("*.md")).read_text("utf-8")
    docx = "\n".join(p.text for p in Document(str(next(out_dir.glob("*.docx")))).paragraphs)
    for text in (markdown, docx):
        assert "组织开展党委理论学习中心组学习【待填：上期3次】" in text
        assert "办结率【待填：上期99.6%】" in text  # computed from stale figures: stale too
        assert text.count("【待填") >= 80


def test_only_value_lines_and_period_words_change(second: Path) -> None:
    for old in sorted(DATA.glob("*.yaml")):
        new = second / old.name
        old_lines = old.read_text("utf-8").splitlines()
        new_lines = new.read_text("utf-8").splitlines()
        assert len(old_lines) == len(new_lines), old.name
        for before, after in zip(old_lines, new_lines, strict=True):
            if before == after:
                continue
            value = re.search(r"\bvalue: ([0-9.]+)", before)
            if value:
                assert after == before.replace(
                    f"value: {value[1]}", f"value: 待填, previous: {value[1]}"
                )
            elif before.startswith("period:"):
                assert (before, after) == ("period: 2023H1", "period: 2023H2")
            elif before.startswith("date:"):
                assert after == "date:             # 成文日期：原稿未写，请按实际填写"
            elif before.startswith("# yaml-language-server"):
                assert after.endswith("schema/section.schema.json") or after.endswith(
                    "schema/report.schema.json"
                )
            else:
                pytest.fail(f"{old.name}: unexpected change {before!r} → {after!r}")


def test_refuses_an_existing_folder(second: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p.name: p.read_bytes() for p in second.iterdir()}
    code, _, err = run(["new", str(second), "--from", str(DATA)], capsys)
    assert code == 2
    assert "已经存在" in err
    assert {p.name: p.read_bytes() for p in second.iterdir()} == before


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        ("next", [], "无法从文件夹名“next”看出期别：请用 --period 指定（如 --period 2023H2）"),
        ("2024H1", ["--period", "2023H2"], "文件夹名 2024H1 表示2024年上半年，与 --period 2023H2"),
        ("next", ["--period", "2023H1"], "新的一期与 2023H1 相同"),
        ("next", ["--period", "2023H3"], "--period 2023H3："),
    ],
)
def test_period_comes_from_the_folder_name_or_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, args: list[str], message: str
) -> None:
    code, _, err = run(["new", str(tmp_path / name), "--from", str(DATA), *args], capsys)
    assert code == 2
    assert message in err
    assert not (tmp_path / name).exists()


def test_annual_report_from_a_half_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "whole"
    code, _, err = run(["new", str(target), "--from", str(DATA), "--period", "2023"], capsys)
    assert code == 0, err
    report, problems = load_report(target)
    assert report is not None, problems
    assert report.title() == "祖师殿镇2023年工作总结和2024年工作计划"


def test_old_period_with_errors_creates_nothing(
    tree: Tree, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tree(
        {
            "report.yaml": "title: 标题\nperiod: 2023H1\nsections: [area]\n",
            "area.yaml": "heading: 标题\nmetrics:\n  a: {label: 甲, value: 一百}\ntext: 共{a}。\n",
        }
    )
    code, _, err = run(["new", str(tmp_path / "2023H2"), "--from", str(old)], capsys)
    assert code == 1
    assert "应为数字" in err and "未创建任何文件" in err
    assert not (tmp_path / "2023H2").exists()


def test_encoding_bom_line_ends_and_a_second_new_are_kept(
    tree: Tree, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    area = "# 说明\r\nheading: 标题\r\nmetrics:\r\n  a: {label: 甲, value: 5, previous: 3, unit: 户}\r\ntext: 共{a}。\r\n"
    old = tree(
        {
            "report.yaml": "title: 标题\nperiod: 2023H2\norgans: [镇政府]\nsections: [area]\n",
            "area.yaml": codecs.BOM_UTF8 + area.encode("utf-8"),
        }
    )
    code, _, err = run(["new", str(tmp_path / "2024H1"), "--from", str(old)], capsys)
    assert code == 0, err
    written = (tmp_path / "2024H1" / "area.yaml").read_bytes()
    expected = area.replace("value: 5, previous: 3", "value: 待填, previous: 5")
    assert written == codecs.BOM_UTF8 + expected.encode("utf-8")


def test_lines_the_writer_would_reformat_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "area.yaml"
    path.write_text("heading:    标题\nmetrics:\n  a: {label: 甲, value: 1}\n", "utf-8")
    document = read(path)
    document.data["metrics"]["a"]["value"] = Number("7")
    assert document.dumps() == "heading:    标题\nmetrics:\n  a: {label: 甲, value: 7}\n"


def test_splice_uses_the_writer_whole_when_a_change_falls_on_a_reformatted_line() -> None:
    original = "metrics:\n    a: {label: 甲, value: 1}\n    b: {label: 乙, value: 2}\n"
    unchanged = "metrics:\n  a: {label: 甲, value: 1}\n  b: {label: 乙, value: 2}\n"
    changed = "metrics:\n  a: {label: 甲, value: 1}\n  b: {label: 乙, value: 7}\n"
    assert splice(original, unchanged, changed) == changed

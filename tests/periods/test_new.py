"""`zsdreport new`: the next period's folder, every typed figure waiting for its new value."""

from __future__ import annotations

import codecs
import os
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
        if f.metric.formula is None and not f.metric.fixed
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
        if old.name == "report.yaml":  # one line added: the period it was made from
            at = new_lines.index("period: 2023H2") + 1
            assert new_lines.pop(at) == f"compare: {{previous: {relative(DATA, second)}}}"
        assert len(old_lines) == len(new_lines), old.name
        for before, after in zip(old_lines, new_lines, strict=True):
            if before == after:
                continue
            value = re.search(r"\bvalue: ([0-9.]+)", before)
            if value and "fixed: true" not in before:
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


def relative(folder: Path, start: Path) -> str:
    return os.path.relpath(folder.resolve(), start.resolve()).replace(os.sep, "/")


def test_a_fixed_figure_keeps_its_value(second: Path) -> None:
    """A figure the same every period (an age limit) is not marked 待填."""
    line = "  elderly_age: {label: 购买基本养老服务的年龄条件, value: 60, unit: 周岁, fixed: true}"
    assert line in (DATA / "work-livelihood.yaml").read_text("utf-8").splitlines()
    assert line in (second / "work-livelihood.yaml").read_text("utf-8").splitlines()
    report, _ = load_report(second)
    assert report is not None
    assert report.figures["elderly_age"].text == "60周岁"


def test_the_new_period_compares_with_the_one_it_came_from(
    second: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """{x.上期} and {x.增减} work in the new period at once: compare.previous is written."""
    area = second / "work-party.yaml"
    text = area.read_text("utf-8")
    text = text.replace("value: 待填, previous: 3, unit: 次}", "value: 5, previous: 3, unit: 次}")
    text = text.replace("text: ", "text: 较上期{study_sessions.增减}。", 1)
    area.write_text(text, "utf-8")
    code, _, err = run(
        ["build", str(second), "-o", str(second.parent / "out"), "--only", "md"], capsys
    )
    assert code == 0, err
    markdown = next((second.parent / "out").glob("*.md")).read_text("utf-8")
    assert "较上期增加2次。" in markdown


@pytest.mark.parametrize("crlf", [False, True])
def test_other_periods_keep_their_meaning(
    tree: Tree, tmp_path: Path, capsys: pytest.CaptureFixture[str], crlf: bool
) -> None:
    """去年同期 moves with the period; 上半年/下半年 are the new year's; the 对比表 follows 上期."""
    report = (
        "title: 标题\nperiod: 2023H2\n"
        "compare: {previous: ../2023H1, last_year: '../2022H2', first_half: ../2023H1}\n"
        "comparison:\n  previous: ../2023H1  # 上期\n  metrics: [a]\nsections: [area]\n"
    )
    area = "heading: 标题\nmetrics:\n  a: {label: 甲, value: 5, unit: 户}\ntext: 共{a}。\n"
    newline = "\r\n" if crlf else "\n"
    files = {"2023H2/report.yaml": report.replace("\n", newline), "2023H2/area.yaml": area}
    for earlier in ("2022H2", "2023H1"):
        files[f"{earlier}/report.yaml"] = f"title: 标题\nperiod: {earlier}\nsections: [area]\n"
        files[f"{earlier}/area.yaml"] = area
    data = tree(files)
    code, out, err = run(["new", str(data / "2024H1"), "--from", str(data / "2023H2")], capsys)
    assert code == 0, err
    assert "注意：compare.first_half 在2024年上半年就是本期自己，已删除。" in out
    written = (data / "2024H1" / "report.yaml").read_bytes().decode("utf-8")
    expected = (
        "title: 标题\nperiod: 2024H1\n"
        "compare: {previous: ../2023H2, last_year: '../2023H1'}\n"
        "comparison:\n  previous: ../2023H2  # 上期\n  metrics: [a]\nsections: [area]\n"
    )
    assert written == expected.replace("\n", newline)


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

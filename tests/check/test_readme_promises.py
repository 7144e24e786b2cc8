"""The README's promises, one test each: the docstring quotes the promise it pins.

Where a promise is pinned in depth elsewhere, the test here is the user's view of it, run
through the command line exactly as the README shows.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.check.conftest import MINI, Cli, Folder


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _built_md(folder: Path) -> str:
    return next(folder.glob("*.md")).read_text(encoding="utf-8")


def test_exit_codes(folder: Folder, cli: Cli) -> None:
    """退出码：0 表示成功；1 表示数据有错误；2 表示命令用法有误。"""
    folder({})
    assert cli("check", "data").code == 0
    assert cli("build", "data", "--bogus-option").code == 2
    folder({"problems.yaml": "heading: 问题\npoints: 三条\n"})
    assert cli("check", "data").code == 1


def test_a_failed_build_changes_no_existing_output(folder: Folder, cli: Cli) -> None:
    """1 表示数据有错误（不会生成或改动任何文件）——已有的输出文件也原样保留。"""
    folder({})
    assert cli("build", "data", "-o", "out", "--only", "md,docx").code == 0
    before = _digests(Path("out"))
    assert len(before) == 2
    folder({"work-party.yaml": MINI["work-party.yaml"].replace("value: 3,", "value: 三,")})
    run = cli("build", "data", "-o", "out", "--only", "md,docx")
    assert run.code == 1
    assert run.err.splitlines()[-1].endswith("未生成任何文件。")
    assert _digests(Path("out")) == before


def test_check_writes_no_file(folder: Folder, cli: Cli) -> None:
    """zsdreport check 只检查数据，不生成文件。"""
    folder({})
    before = sorted(p.as_posix() for p in Path().rglob("*"))
    assert cli("check", "data").code == 0
    assert sorted(p.as_posix() for p in Path().rglob("*")) == before


@pytest.mark.parametrize(
    ("period", "words"),
    [
        ("2023H1", "2023|2022|2024|上半年|下半年"),
        ("2023H2", "2023|2022|2024|下半年|明年"),
    ],
)
def test_period_words_follow_the_period(folder: Folder, cli: Cli, period: str, words: str) -> None:
    """正文写 {year}、{prev_year}、{next_year}、{half}、{next_half}，新的一期只需改 period。"""
    report = MINI["report.yaml"].replace("period: 2023H1", f"period: {period}")
    report = report.replace(
        "date: 2023-07-10", "date: 2024-01-10" if period.endswith("H2") else "date: 2023-07-10"
    )
    party = MINI["work-party.yaml"].replace(
        "组织开展", "{year}|{prev_year}|{next_year}|{half}|{next_half}。组织开展"
    )
    folder({"report.yaml": report, "work-party.yaml": party})
    assert cli("build", "data", "-o", "out", "--only", "md").code == 0
    assert words + "。" in _built_md(Path("out")).replace("\\|", "|")


def test_long_paragraphs_join_without_spaces(folder: Folder, cli: Cli) -> None:
    """text: >- 下面一句一行，生成时自动连接；中文之间不会多出空格。"""
    party = MINI["work-party.yaml"].replace(
        "办理{handled}", "第一句，\n      第二句，\n      办理{handled}"
    )
    folder({"work-party.yaml": party})
    assert cli("build", "data", "-o", "out", "--only", "md").code == 0
    assert "第一句，第二句，办理568件" in _built_md(Path("out"))


def test_half_width_punctuation_is_printed_full_width_and_flagged(folder: Folder, cli: Cli) -> None:
    """误写的半角逗号、冒号、括号（紧挨汉字时）会在输出中自动改为全角，zsdreport check 也会提示。"""
    problems = MINI["problems.yaml"].replace("我镇虽有。", "我镇虽有(部分)产业,规模小。")
    folder({"problems.yaml": problems})
    run = cli("check", "data")
    assert run.code == 0 and any("半角标点" in p for p in run.problems)
    assert cli("build", "data", "-o", "out", "--only", "md").code == 0
    assert "我镇虽有（部分）产业，规模小。" in _built_md(Path("out"))


def test_a_full_stop_after_a_figure_is_printed_full_width_and_flagged(
    folder: Folder, cli: Cli
) -> None:
    """标点写中文全角：引用指标后误写的半角句号（办结率{done_rate}.下一步）同样改正并提示。"""
    party = MINI["work-party.yaml"].replace("办结率{done_rate}。", "办结率{done_rate}.下一步。")
    folder({"work-party.yaml": party})
    run = cli("check", "data")
    assert run.code == 0
    assert (
        "data/work-party.yaml:11:42: 警告: 半角标点“.”与中文相邻，应为全角“。”" in run.problems[0]
    )
    assert cli("build", "data", "-o", "out", "--only", "md").code == 0
    assert "办结率99.6%。下一步。" in _built_md(Path("out"))


def test_prose_is_kept_as_typed(folder: Folder, cli: Cli) -> None:
    """数据原样保留：no、on、010、12:30 等写在文字里的内容不会被改成别的值。"""
    problems = MINI["problems.yaml"].replace("text: 我镇虽有。", "text: no")
    problems = problems.replace("text: 虽然我镇各村（居）干部配备齐全。", "text: '010'")
    folder({"problems.yaml": problems})
    assert cli("build", "data", "-o", "out", "--only", "md").code == 0
    md = _built_md(Path("out"))
    assert "产业发展结构比较单一。no" in md and "村级工作力量相对薄弱。010" in md


@pytest.mark.parametrize("value", ["010", "1_000", "1e3"])
def test_misleading_value_forms_are_errors(folder: Folder, cli: Cli, value: str) -> None:
    """指标数值写 010、1_000、1e3 这类容易误解的形式会报错。"""
    folder({"work-party.yaml": MINI["work-party.yaml"].replace("value: 3,", f"value: {value},")})
    run = cli("check", "data")
    assert run.code == 1
    assert run.problems and run.problems[0].startswith("data/work-party.yaml:3:")


def test_bom_and_windows_line_ends_give_identical_outputs(folder: Folder, cli: Cli) -> None:
    """文件可以带 BOM、用 Windows 换行，结果与普通 UTF-8 完全相同。"""
    folder({})
    assert cli("build", "data", "-o", "plain", "--only", "md,docx").code == 0
    for path in Path("data").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert cli("build", "data", "-o", "windows", "--only", "md,docx").code == 0
    assert _digests(Path("plain")) == _digests(Path("windows"))


def test_a_gbk_file_is_read_with_a_warning(folder: Folder, cli: Cli) -> None:
    """记事本存的 GBK 文件能读，但会提示另存为 UTF-8。"""
    folder({"problems.yaml": MINI["problems.yaml"].encode("gbk")})
    run = cli("check", "data")
    assert run.code == 0
    assert any("problems.yaml" in p and "UTF-8" in p for p in run.problems)


def test_numbering_is_generated(folder: Folder, cli: Cli) -> None:
    """序号不要手打：items 自动编为 1. 2. 3.，points 自动加上“一是”“二是”，（一）按 files 的顺序编号。"""
    folder({})
    assert cli("build", "data", "-o", "out", "--only", "md").code == 0
    md = _built_md(Path("out"))
    assert "## 一、上半年工作开展情况" in md
    assert "### （一）大力抓党建" in md
    assert "1.加强党的领导" in md
    assert "一是村级工作力量相对薄弱。" in md and "二是产业发展结构比较单一。" in md


def test_a_reference_prints_value_and_unit_and_formulas_round(folder: Folder, cli: Cli) -> None:
    """正文写 {标识}，生成时替换成“数值+单位”；formula 按 digits 四舍五入。"""
    folder({})
    assert cli("build", "data", "-o", "out", "--only", "md").code == 0
    assert "学习3次。办理568件，办结566件，办结率99.6%。" in _built_md(Path("out"))


def test_a_formula_needs_digits(folder: Folder, cli: Cli) -> None:
    """计算出来的数用 formula，并必须写 digits。"""
    folder({"work-party.yaml": MINI["work-party.yaml"].replace(", digits: 1", "")})
    run = cli("check", "data")
    assert run.code == 1
    assert run.problems[0].startswith("data/work-party.yaml:6:")


def test_data_text_is_never_run_as_a_template(folder: Folder, cli: Cli) -> None:
    """模板在沙箱中运行，数据中的文字不会被当作模板执行。"""
    problems = MINI["problems.yaml"].replace("我镇虽有。", "我镇虽有{{ 7 * 7 }}{% if 1 %}。")
    folder({"problems.yaml": problems})
    run = cli("build", "data", "-o", "out", "--only", "md")
    # Refused with its place, never evaluated: nothing is printed, let alone 49.
    assert run.code == 1
    assert run.problems[0].startswith(
        "data/problems.yaml:6:15: 错误: “{{ 7 * 7 }}”看起来是模板代码"
    )
    assert not Path("out").exists()

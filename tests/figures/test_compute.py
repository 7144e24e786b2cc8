"""compute_figures: formulas in dependency order, without recursion, with located problems."""

from __future__ import annotations

from pathlib import Path

from tests.check.conftest import MINI
from tests.conftest import write_tree
from zsdreport.check.validate import load_report
from zsdreport.figures.compute import MAX_CHAIN


def _with_metrics(tmp_path: Path, metrics: list[str], refs: str) -> Path:
    lines = "".join(f"  {m}\n" for m in metrics)
    party = (
        "heading: 党建\nmetrics:\n"
        + lines
        + "items:\n  - lead: 加强党的领导。\n    text: "
        + f'"{refs}"\n'
    )
    return write_tree(tmp_path / "data", {**MINI, "work-party.yaml": party})


def _chain(n: int) -> list[str]:
    """Return n formulas each built on the next one, declared before their inputs."""
    metrics = [f"f{i}: {{label: 第{i}项, formula: f{i + 1} + 1, digits: 0}}" for i in range(n)]
    return [*metrics, f"f{n}: {{label: 起点, value: 1}}"]


def test_a_formula_declared_before_its_inputs_is_computed(tmp_path: Path) -> None:
    root = _with_metrics(
        tmp_path,
        [
            "rate: {label: 办结率, formula: done / handled * 100, digits: 1, unit: '%'}",
            "done: {label: 办结, value: 566}",
            "handled: {label: 办理, value: 568}",
        ],
        "{rate}",
    )
    report, problems = load_report(root)
    assert report is not None, problems
    assert report.figures["rate"].text == "99.6%"


def test_formulas_use_exact_inputs_and_round_only_when_printed(tmp_path: Path) -> None:
    root = _with_metrics(
        tmp_path,
        [
            "third: {label: 三分之一, formula: one / 3, digits: 2}",
            "back: {label: 还原, formula: third * 3, digits: 2}",
            "one: {label: 一, value: 1}",
        ],
        "{third}{back}",
    )
    report, problems = load_report(root)
    assert report is not None, problems
    assert (report.figures["third"].text, report.figures["back"].text) == ("0.33", "1.00")


def test_a_long_chain_within_the_limit_is_computed_without_recursion(tmp_path: Path) -> None:
    root = _with_metrics(tmp_path, _chain(MAX_CHAIN), "{f0}")
    report, problems = load_report(root)
    assert report is not None, [p.format() for p in problems]
    assert report.figures["f0"].text == str(MAX_CHAIN + 1)


def test_a_chain_deeper_than_the_limit_is_one_located_problem(tmp_path: Path) -> None:
    root = _with_metrics(tmp_path, _chain(250), "{f0}")
    _, problems = load_report(root)
    errors = [(p.line, p.col, p.message) for p in problems if p.is_error]
    # f149 is the first formula 101 levels up; metric i is on line 3 + i.
    line = 250 - MAX_CHAIN - 1 + 3
    assert errors == [
        (line, 33, f"公式层层引用其他计算指标超过 {MAX_CHAIN} 层：请直接用录入的指标计算")
    ]


def test_a_cycle_is_reported_once_with_its_members(tmp_path: Path) -> None:
    root = _with_metrics(
        tmp_path,
        [
            "a: {label: 甲, formula: b + 1, digits: 0}",
            "b: {label: 乙, formula: c + 1, digits: 0}",
            "c: {label: 丙, formula: 2 * a, digits: 0}",
            "d: {label: 丁, formula: a + 1, digits: 0}",
        ],
        "{d}",
    )
    _, problems = load_report(root)
    errors = [(p.line, p.col, p.message) for p in problems if p.is_error]
    assert errors == [(3, 26, "公式循环引用：a → b → c → a：指标不能直接或间接用自己计算")]


def test_a_formula_on_a_failed_input_adds_no_second_message(tmp_path: Path) -> None:
    root = _with_metrics(
        tmp_path,
        [
            "a: {label: 甲, formula: nope + 1, digits: 0}",
            "b: {label: 乙, formula: a / zero, digits: 0}",
            "c: {label: 丙, formula: b + a, digits: 0}",
            "zero: {label: 零, value: 0}",
        ],
        "{c}",
    )
    _, problems = load_report(root)
    errors = [(p.line, p.col, p.message) for p in problems if p.is_error]
    assert errors == [(3, 26, "公式用到了未定义的指标“nope”")]


def test_another_periods_name_needs_that_period_in_compare(tmp_path: Path) -> None:
    root = _with_metrics(
        tmp_path,
        ["a: {label: 甲, value: 3}", "b: {label: 乙, formula: a - prev.a, digits: 0}"],
        "{b}",
    )
    _, problems = load_report(root)
    errors = [(p.line, p.col, p.message) for p in problems if p.is_error]
    assert errors == [
        (
            4,
            30,
            "“prev.a”用到了上期的指标，但 report.yaml 没有写 compare.previous（那一期的数据文件夹），"
            "或那一期的数据有错误",
        )
    ]

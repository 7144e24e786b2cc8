"""zsdreport diff: figures by id, items by identity, prose by character — in every format."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from tests.compare.test_second_period import SECOND
from tests.conftest import DATA, ROOT
from zsdreport.compare.model import Comparison
from zsdreport.compare.periods import compare_folders

Tree = Callable[[Mapping[str, str | bytes]], Path]
MINI = ROOT / "tests" / "data" / "mini"


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare_folders(DATA, SECOND)


def figures_by_id(comparison: Comparison) -> dict[str, tuple[str, str, str, str]]:
    return {
        f.id: (f.status, f.old_text, f.new_text, f"{f.change}/{f.rate}") for f in comparison.figures
    }


def test_every_changed_figure_with_its_change_and_rate(comparison: Comparison) -> None:
    found = figures_by_id(comparison)
    assert comparison.counts()["figures_changed"] == 17
    assert found["services_handled"] == ("changed", "568件", "1203件", "635/111.8")
    assert found["activists_recommended"] == ("changed", "34人", "21人", "-13/-38.2")
    assert found["collective_income_total"] == (
        "changed",
        "35.1442万元",
        "62.8016万元",
        "27.6574/78.7",
    )
    assert found["village_cleanup_times"][3] == "52/100.0"


def test_a_computed_figure_is_compared_too(comparison: Comparison) -> None:
    rate = next(f for f in comparison.figures if f.id == "handled_rate")
    assert rate.computed and (rate.old_text, rate.new_text) == ("99.6%", "99.3%")
    assert str(rate.change) == "-0.3"


def test_a_changed_unit_is_flagged_not_compared(comparison: Comparison) -> None:
    fund = next(f for f in comparison.figures if f.id == "children_fund")
    assert (fund.status, fund.old_unit, fund.unit) == ("unit_changed", "万", "万元")
    assert fund.change is None and fund.rate is None


def test_added_removed_and_renamed_figures(comparison: Comparison) -> None:
    found = figures_by_id(comparison)
    assert [k for k, v in found.items() if v[0] == "added"] == ["forest_patrols", "fire_points"]
    assert [k for k, v in found.items() if v[0] == "removed"] == ["expected_loans_a"]
    renamed = {f.id: (f.old_label, f.label) for f in comparison.figures if f.renamed}
    assert renamed["study_sessions"] == (
        "党委理论学习中心组学习次数",
        "党委理论学习中心组集中学习次数",
    )


def test_items_added_removed_and_moved(comparison: Comparison) -> None:
    items = [(i.status, i.title, i.old_where, i.new_where) for i in comparison.items]
    assert items == [
        ("removed", "固溆浦经验提效能。", "一、（六）2.", None),
        ("added", "守牢“防火线”，森林防火“不松懈”。", None, "一、（五）3."),
        ("moved", "这半年，我们倾力抓好民生保障，社会事业蓬勃发展。", "二、4.", "二、2."),
    ]
    assert comparison.sections == []


def test_prose_changes_leave_out_figures_and_period_words(comparison: Comparison) -> None:
    (change,) = comparison.prose
    assert change.where == "一、（三）1."
    deleted = [s.text for s in change.segments if s.op == "delete"]
    inserted = [s.text for s in change.segments if s.op == "insert"]
    assert deleted == ["预计2023", "92比", "春"]
    assert inserted == ["全", "小额信", "，做到应贷尽贷", "秋"]


def test_the_same_period_has_no_differences() -> None:
    same = compare_folders(DATA, DATA)
    assert not same.different and same.counts()["figures_unchanged"] == 90


def copies(tmp_path: Path, source: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(source, old)
    shutil.copytree(source, new)
    return old, new


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text


def test_a_point_turned_into_an_item_is_removed_and_added(tmp_path: Path) -> None:
    old, new = copies(tmp_path, MINI)
    edit(new / "problems.yaml", "  - lead: 产业发展结构比较单一。\n    text: 我镇虽有。\n", "")
    edit(
        new / "work-party.yaml",
        "items:\n",
        "items:\n  - lead: 产业发展结构比较单一。\n    text: 我镇虽有。\n",
    )
    found = compare_folders(old, new)
    assert [(i.status, i.kind, i.old_where, i.new_where) for i in found.items] == [
        ("removed", "point", "二、二是", None),
        ("added", "item", None, "一、（一）1."),
    ]  # the item pushed from 1. to 2. kept its order among the others: not a move


def test_an_item_moved_to_another_section_and_reworded_keeps_its_identity(tmp_path: Path) -> None:
    old, new = copies(tmp_path, DATA)
    governance = new / "work-governance.yaml"
    text = governance.read_text(encoding="utf-8")
    start = text.index("  - lead: 抓乡村治理树新风。")
    end = text.index("  - lead: 固溆浦经验提效能。")
    governance.write_text(text[:start] + text[end:], encoding="utf-8")
    # Its lead is reworded too: it is found by the likeness of its text.
    block = text[start:end].replace("抓乡村治理树新风。", "抓乡村治理，树文明新风。")
    safety = new / "work-safety.yaml"
    safety.write_text(safety.read_text(encoding="utf-8") + block, encoding="utf-8")
    found = compare_folders(old, new)
    assert [(i.status, i.title, i.old_where, i.new_where) for i in found.items] == [
        ("moved", "抓乡村治理，树文明新风。", "一、（六）1.", "一、（五）3.")
    ]
    (change,) = found.prose
    assert [s.text for s in change.segments if s.op == "insert"] == ["，", "文明"]
    assert found.figures == []

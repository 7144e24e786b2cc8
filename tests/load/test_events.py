"""The libyaml reader gives exactly what the pure-Python one gives: data, places and messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zsdreport.load.reader as reader
from tests.check.cases import Case
from tests.check.conftest import MINI
from tests.check.test_corpus import CASES  # every tests/check/cases*.py
from tests.conftest import ROOT, write_tree
from zsdreport.load.reader import Source, load_file

pytestmark = pytest.mark.skipif(reader._CParser is None, reason="PyYAML was built without libyaml")

REPO_FILES = sorted(
    p for p in [*ROOT.glob("data/*/*.yaml"), *ROOT.glob("tests/data/*/*.yaml")] if p.is_file()
)


def pure(path: Path, monkeypatch: pytest.MonkeyPatch) -> Source:
    with monkeypatch.context() as patch:
        patch.setattr(reader, "_CParser", None)
        return load_file(path)


def fast_path_taken(path: Path) -> bool:
    source = load_file(path)
    probe = Source(path, source.text, None)
    return bool(source.text) and reader._read_events(probe)


def assert_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected, actual = pure(path, monkeypatch), load_file(path)
    assert actual.data == expected.data
    assert actual.marks == expected.marks
    assert actual.key_marks == expected.key_marks
    assert actual.scalars == expected.scalars
    assert [p.format() for p in actual.problems] == [p.format() for p in expected.problems]


@pytest.mark.parametrize("path", REPO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_data_file_reads_the_same_and_takes_the_fast_path(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_same(path, monkeypatch)
    assert fast_path_taken(path)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_corpus_case_reads_the_same(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {**MINI, **case.files}
    folder = write_tree(tmp_path, {k: v for k, v in files.items() if v is not None})
    for path in sorted(folder.glob("*.y*ml")):
        assert_same(path, monkeypatch)


def test_the_corpus_exercises_both_paths(tmp_path: Path) -> None:
    taken = explained = 0
    for i, case in enumerate(CASES):
        folder = write_tree(tmp_path / str(i), {k: v for k, v in case.files.items() if v})
        for path in folder.glob("*.yaml"):
            if fast_path_taken(path):
                taken += 1
            else:
                explained += 1
    # Syntax, alias, tag, duplicate and depth cases go to the pure loader; the rest stay fast.
    assert taken >= 40 and explained >= 15, (taken, explained)


YAMLISH = st.text(alphabet=st.sampled_from(list("ab: -\n'\"#{}[],&*!|>中。\\\t0")), max_size=60)


@settings(max_examples=3000, deadline=None)
@given(text=YAMLISH)
def test_any_text_reads_the_same(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "a.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same(path, monkeypatch)


def test_the_corpus_list_holds_every_cases_module() -> None:
    import importlib

    for module in (ROOT / "tests" / "check").glob("cases*.py"):
        names = vars(importlib.import_module(f"tests.check.{module.stem}"))
        for value in names.values():
            if isinstance(value, list) and value and isinstance(value[0], Case):
                assert all(case in CASES for case in value), module.name

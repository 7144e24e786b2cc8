"""The YAML the importer writes reads back, through the strict loader, as exactly what was meant."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED
from zsdreport.errors import UsageError
from zsdreport.importer import import_report
from zsdreport.importer.writer import dump, scalar, sentences, write_folder
from zsdreport.load.reader import load_file
from zsdreport.text import prose

PROSE = {"text", "preamble"}


def read_back(text: str, tmp_path: Path) -> Any:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    source = load_file(path)
    assert source.problems == []
    return source.data


def same(written: Any, loaded: Any, key: str = "") -> None:
    """Assert ``loaded`` is ``written``; folded prose may differ only by the joins prose() undoes."""
    if isinstance(written, dict):
        assert list(loaded) == list(written)
        for k in written:
            same(written[k], loaded[k], k)
    elif isinstance(written, list):
        if key in PROSE and len(written) == 1:
            written = written[0]
            same(written, loaded, key)
            return
        assert isinstance(loaded, list) and len(loaded) == len(written)
        for a, b in zip(written, loaded, strict=True):
            same(a, b, key)
    elif key in PROSE or key == "points":
        assert prose(loaded) == prose(written)
    else:
        assert loaded == written


def test_every_file_of_an_import_reads_back(tmp_path: Path) -> None:
    import_report(SEED, tmp_path / "data")
    for path in sorted((tmp_path / "data").glob("*.yaml")):
        source = load_file(path)
        assert source.problems == [], path.name
        assert dump(source.data).count("\n") >= 3


TRICKY = [
    "{half}工作开展情况",
    "%",
    "- 列表",
    "a: b",
    "注 #1",
    "no",
    "010",
    "12:30",
    '引号"里"',
    "反斜杠\\",
    "结尾冒号:",
    " 前有空格",
    "后有空格 ",
    "制表\t符",
    "",
    "[方括号]",
    "'单引号'",
    "`反引号`",
    "@at",
    "*星号",
    "&和",
    "!感叹",
    "|竖线",
    ">大于",
    "?问号",
]


@pytest.mark.parametrize("text", TRICKY)
def test_scalars_read_back_unchanged(text: str, tmp_path: Path) -> None:
    data = {"heading": text, "metrics": {"m": {"label": text or "x", "unit": text}}}
    assert read_back(dump(data), tmp_path) == {
        "heading": text,
        "metrics": {"m": {"label": text or "x", "unit": text}},
    }


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_scalar_reads_back_unchanged(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.yaml"
        path.write_text(
            f"a: {scalar(text)}\nb: {{c: {scalar(text, flow=True)}}}\n", encoding="utf-8"
        )
        source = load_file(path)
        assert source.problems == []
        assert source.data == {"a": text, "b": {"c": text}}


def test_prose_is_one_sentence_per_line(tmp_path: Path) -> None:
    text = "始终把政治建设摆在首位，坚持“关键少数”带头学。组织开展学习{study}。用好用活专题学习、专题研讨、主题宣讲等形式，深入推进“一月一课一片一实践”活动，取得实效。"
    data = {"heading": "党建", "items": [{"lead": "加强党的领导。", "text": [text, "第二段。"]}]}
    written = dump(data)
    assert (
        "    text:\n      - >-\n        始终把政治建设摆在首位，坚持“关键少数”带头学。\n" in written
    )
    same(data, read_back(written, tmp_path))
    assert all(len(line) <= 40 for line in sentences(text))


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="已存在且不为空"):
        write_folder(folder, {"report.yaml": "a: b\n"}, force=False)
    assert (folder / "keep.txt").exists()
    write_folder(folder, {"report.yaml": "a: b\n"}, force=True)
    assert sorted(p.name for p in folder.iterdir()) == ["report.yaml"]

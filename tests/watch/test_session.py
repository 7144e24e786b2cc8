"""Watcher: rebuilds reuse what did not change and still equal a cold build, file by file."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import DATA
from zsdreport.build import build
from zsdreport.check.validate import load_report, prose_fields
from zsdreport.errors import DataError
from zsdreport.render.docx_base import docx_base
from zsdreport.render.template_folder import export_templates
from zsdreport.watch.session import Watcher

STEM = "祖师殿镇2023年上半年工作总结"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "2023H1"
    shutil.copytree(DATA, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def cold(data: Path, out: Path, templates: Path | None = None) -> dict[str, bytes]:
    """Build as a new process would: no base, no block kept from another build."""
    docx_base.cache_clear()
    try:
        outputs = build(data, out, templates=templates).outputs
    finally:
        docx_base.cache_clear()
    return {p.name: p.read_bytes() for p in outputs}


def outputs(watcher: Watcher) -> dict[str, bytes]:
    result = watcher.rebuild()
    assert result.failure is None, result.failure
    return {p.name: p.read_bytes() for p in result.outputs}


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_a_rebuild_parses_only_the_file_that_changed(data: Path, tmp_path: Path) -> None:
    watcher = Watcher(data, tmp_path / "out")
    watcher.rebuild()
    assert sorted(p.name for p in watcher.files.parsed) == sorted(
        p.name for p in data.glob("*.yaml")
    )
    fields = watcher.files.proofread
    edit(data / "work-party.yaml", "value: 3, unit: 次", "value: 4, unit: 次")
    watcher.files.parsed.clear()
    md = outputs(watcher)[f"{STEM}.md"].decode()
    assert watcher.files.parsed == [data / "work-party.yaml"]
    assert "党委理论学习中心组学习4次" in md
    # Only the fields of the edited file and those printing or typing the figure are read again.
    assert 0 < watcher.files.proofread - fields < fields / 5
    watcher.files.parsed.clear()
    watcher.rebuild()
    assert watcher.files.parsed == []


def test_rebuilds_after_a_series_of_edits_equal_cold_builds(data: Path, tmp_path: Path) -> None:
    watcher = Watcher(data, tmp_path / "watch")
    outputs(watcher)
    edits = [
        ("work-party.yaml", "value: 168, unit: 人", "value: 170, unit: 人"),
        ("highlights.yaml", "heading:", "# 注释\nheading:"),
        ("problems.yaml", "value: 3600, unit: 元", "value: 4000, unit: 元"),
        ("report.yaml", "date: 2023-07-10", "date: 2023-07-12"),
        ("work-livelihood.yaml", "办结率", "事项办结率"),
    ]
    for name, old, new in edits:
        edit(data / name, old, new)
        warm = outputs(watcher)
        fresh = cold(data, tmp_path / "cold")
        assert warm.keys() == fresh.keys()
        assert warm[f"{STEM}.md"] == fresh[f"{STEM}.md"]
        assert parts(warm[f"{STEM}.docx"]) == parts(fresh[f"{STEM}.docx"])
        assert warm == fresh


def test_a_figure_changed_in_one_file_reaches_the_file_that_prints_it(
    data: Path, tmp_path: Path
) -> None:
    # highlights.yaml prints a figure of work-party.yaml and types a number.
    edit(data / "highlights.yaml", "heading:", "text: 共学习{study_sessions}，另有7次。\nheading:")
    watcher = Watcher(data, tmp_path / "out")
    assert "共学习3次，另有7次。" in outputs(watcher)[f"{STEM}.md"].decode()

    edit(data / "work-party.yaml", "value: 3, unit: 次", "value: 7, unit: 次")
    warm = watcher.rebuild()
    assert watcher.files.parsed[-1] == data / "work-party.yaml"
    assert "共学习7次，另有7次。" in warm.outputs[0].read_text(encoding="utf-8")
    # The typed 7 now equals the figure: the unchanged file gets the hint a cold check gives.
    hinted = [p for p in warm.warnings if "{study_sessions}" in p.message]
    assert [p.file.name for p in hinted] == ["highlights.yaml"]
    assert warm.warnings == load_report(data)[1]

    edit(data / "work-party.yaml", "  study_sessions:", "  study_times:")
    failed = watcher.rebuild()
    assert isinstance(failed.failure, DataError)
    errors = [p for p in failed.failure.problems if p.is_error]
    assert any(p.file.name == "highlights.yaml" and "study_sessions" in p.message for p in errors)
    assert failed.failure.problems == load_report(data)[1]


def test_an_invalid_save_writes_nothing(data: Path, tmp_path: Path) -> None:
    watcher = Watcher(data, tmp_path / "out")
    good = outputs(watcher)
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir()}
    edit(data / "plans.yaml", "heading:", "heading: [\nheading2:")
    failed = watcher.rebuild()
    assert isinstance(failed.failure, DataError)
    [error] = [p for p in failed.failure.problems if p.is_error]
    assert error.file == data / "plans.yaml"
    assert error.line is not None
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").iterdir()} == stamps
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == good


def test_the_template_is_compiled_again_only_when_it_changes(data: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    export_templates(templates)
    watcher = Watcher(data, tmp_path / "out", templates=templates)
    first = outputs(watcher)
    outputs(watcher)
    edit(data / "work-party.yaml", "value: 3, unit: 次", "value: 5, unit: 次")
    outputs(watcher)
    assert watcher.compiled == 1
    template = templates / "report.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n附：说明一段。\n", "utf-8")
    changed = outputs(watcher)
    assert watcher.compiled == 2
    assert changed != first
    assert "附：说明一段。" in changed[f"{STEM}.md"].decode()
    assert changed == cold(data, tmp_path / "cold", templates)


def test_changed_tells_whether_a_build_would_read_anything_new(data: Path, tmp_path: Path) -> None:
    watcher = Watcher(data, tmp_path / "out")
    watcher.rebuild()
    assert not watcher.changed()
    (data / "notes.txt").write_text("与报告无关", encoding="utf-8")
    assert not watcher.changed()
    edit(data / "plans.yaml", "heading:", "heading:")
    assert not watcher.changed()
    edit(data / "plans.yaml", "heading:", "# 新注释\nheading:")
    assert watcher.changed()


def test_an_edited_file_is_proofread_again_only_from_the_lines_that_moved(
    data: Path, tmp_path: Path
) -> None:
    # work-revitalization.yaml has two warnings, on lines 38 and 48.
    revitalization = data / "work-revitalization.yaml"
    report = load_report(data)[0]
    assert report is not None
    fields = sum(1 for source, _, _ in prose_fields(report) if source.path == revitalization)
    watcher = Watcher(data, tmp_path / "out")
    watcher.rebuild()
    edits = [
        ("heading: ", "heading: 持续"),  # the first field: the fields below it stay as they were
        ("# ", "# 注释\n# "),  # every line moves down: every field of the file is read again
        ("全镇有（", "全镇共有（"),  # the field of the first warning and those above it
    ]
    counts, lines = [], []
    for old, new in edits:
        edit(revitalization, old, new)
        checked = watcher.files.proofread
        warnings = watcher.rebuild().warnings
        counts.append(watcher.files.proofread - checked)
        assert warnings == load_report(data)[1]
        lines.append([p.line for p in warnings if p.file == revitalization])
    assert counts[0] == 1
    assert counts[1] == fields
    assert 1 < counts[2] < fields
    assert lines == [[38, 48], [39, 49], [39, 49]]

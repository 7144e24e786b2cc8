"""The benchmark's helpers (benchmarks/, run by `make bench`, never by `make test`) work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import bench_editor

    return bench_editor


def test_scaled_copy_is_a_valid_folder_with_each_area_repeated(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_build import DATA, scaled_copy
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from zsdreport.build import check

    once, _ = check(DATA)
    thrice, problems = check(scaled_copy(tmp_path / "2023H1", 3))
    assert not any(p.is_error for p in problems)
    areas = once.parts[0].sections
    assert len(thrice.parts[0].sections) == 3 * len(areas)
    assert len(thrice.figures) == len(once.figures) + 2 * sum(len(s.data.metrics) for s in areas)


def test_rebuild_lines_of_watch_are_read_and_verdicts_said(bench: object) -> None:
    rebuilt = bench.REBUILT  # type: ignore[attr-defined]
    assert float(rebuilt.search("已重建（12.5 ms）：报告.md、报告.docx")[1]) == 12.5
    assert rebuilt.search("已生成 报告.md") is None
    verdict = bench.verdict  # type: ignore[attr-defined]
    assert verdict(1.3, 1.25).endswith("NOT MET") and verdict(1.2, 1.25).endswith(" MET")
    assert verdict(1.7, 1.6, at_least=True).endswith(" MET")


def test_child_runs_report_their_own_peak_memory(bench: object) -> None:
    # A child's maxrss starts at the size of the process that forked it: fork from a small one,
    # as `make bench` does, not from this test process.
    probe = (
        "import sys; from bench_editor import run; "
        "small = run([sys.executable, '-c', 'pass']).peak; "
        "big = run([sys.executable, '-c', 'b = bytearray(200 * 2**20)']).peak; "
        "print(small, big)"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT / "benchmarks",
        capture_output=True,
        text=True,
        check=True,
    )
    small, big = map(int, found.stdout.split())
    assert big > 200 * 2**20 and big > small + 150 * 2**20
    with pytest.raises(RuntimeError, match="exited 3"):
        bench.run([sys.executable, "-c", "raise SystemExit(3)"])  # type: ignore[attr-defined]

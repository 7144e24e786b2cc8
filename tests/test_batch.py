"""`zsdreport build DIR1 DIR2 …`: folders built in a process pool, one failure stops no other."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT


def test_several_folders_one_bad_builds_the_others_and_exits_1(tmp_path: Path) -> None:
    good, bad = tmp_path / "2023H1", tmp_path / "bad"
    shutil.copytree(DATA, good)
    shutil.copytree(ROOT / "tests" / "data" / "mini", bad)
    party = bad / "work-party.yaml"
    party.write_text(party.read_text(encoding="utf-8").replace("heading:", "headline:", 1), "utf-8")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "zsdreport", "build", str(good), str(bad), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert f"{good}：已生成 祖师殿镇2023年上半年工作总结.md、" in run.stdout
    assert f"{bad}：共 1 处错误" in run.stderr and '未知字段 "headline"' in run.stderr
    assert run.stderr.splitlines()[-1] == "共 2 个文件夹：1 个成功，1 个失败。"
    assert sorted(p.name for p in (out / "2023H1").iterdir()) == [
        "祖师殿镇2023年上半年工作总结.docx",
        "祖师殿镇2023年上半年工作总结.md",
    ]
    assert not (out / "bad").exists()


def test_one_job_builds_the_folders_in_this_process_with_the_same_outputs(tmp_path: Path) -> None:
    from zsdreport.batch import BatchJob, build_many

    folders = [tmp_path / "2023H1", tmp_path / "mini"]
    shutil.copytree(DATA, folders[0])
    shutil.copytree(ROOT / "tests" / "data" / "mini", folders[1])
    job = BatchJob(tmp_path / "out", "md", None, False, None)
    serial = build_many(folders, job, jobs=1)
    first = {p: p.read_bytes() for o in serial for p in o.outputs}
    pooled = build_many(folders, job, jobs=2)
    assert [o.outputs for o in pooled] == [o.outputs for o in serial]
    assert {p: p.read_bytes() for o in pooled for p in o.outputs} == first
    assert [o.folder for o in serial] == folders and not any(o.failed for o in serial)


def test_jobs_must_be_a_positive_whole_number(tmp_path: Path) -> None:
    for value in ("0", "-1", "abc", "２"):
        run = subprocess.run(
            [sys.executable, "-m", "zsdreport", "build", str(DATA), str(DATA), "-j", value],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 2, (value, run.stderr)
        assert f"选项 -j/--jobs 的值无效：须为正整数（如 2），不是“{value}”" in run.stderr


def _freeze_count(folder: Path, job: object) -> int:
    import gc

    return gc.get_freeze_count()


def test_forked_workers_start_with_the_inherited_objects_frozen_and_the_parent_thaws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from zsdreport import batch

    if not sys.platform.startswith("linux"):
        pytest.skip("workers are forked on Linux only")
    # Forked: the workers see this replacement of build_one, and report what gc holds frozen.
    monkeypatch.setattr(batch, "build_one", _freeze_count)
    job = batch.BatchJob(tmp_path / "out", "md", None, False, None)
    counts = batch.build_many([tmp_path / "a", tmp_path / "b"], job, jobs=2)
    assert all(isinstance(n, int) and n > 10_000 for n in counts), counts
    assert gc.get_freeze_count() == 0

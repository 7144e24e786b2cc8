"""`zsdreport build DIR1 DIR2 …`: folders built in a process pool, one failure stops no other."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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

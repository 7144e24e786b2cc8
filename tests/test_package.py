"""`pip install .` ships the templates: the installed tool works from any folder, without the repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_carries_the_templates_and_builds_outside_the_repo(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("zsdreport-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "zsdreport/templates/report.md.j2" in names
    assert "zsdreport/cli/__init__.py" in names

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    data = tmp_path / "elsewhere" / "2023H1"
    shutil.copytree(ROOT / "data" / "2023H1", data)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]]),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import zsdreport.render.env as e; print(e.default_templates()); from zsdreport.cli import main; main(['build', '2023H1', '-f', 'md'])",
        ],
        cwd=data.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == str(target / "zsdreport" / "templates")
    assert (data.parent / "build" / "2023H1" / "祖师殿镇2023年上半年工作总结.md").is_file()

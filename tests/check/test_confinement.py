"""Data files are regular files inside the data folder: links, folders and pipes are refused,
and a build opens no file outside the data folder, the output folder and zsdreport's own files
(its package, its templates and their compiled form in the user's cache folder)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.conftest import MINI, Cli, Folder
from tests.conftest import write_tree

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and pipes of POSIX")

_LINK = (
    "data/report.yaml:13:5: 错误: 节的文件 problems.yaml 是符号链接（快捷方式），为安全起见不读取："
    "数据文件夹中只读取真正的文件，请把链接指向的文件复制到数据文件夹中，替换这个链接"
)


@POSIX
@pytest.mark.parametrize("target", ["outside", "inside", "/etc/passwd"])
def test_a_section_file_that_is_a_link_is_refused_at_its_sections_entry(
    target: str, folder: Folder, cli: Cli
) -> None:
    folder({"problems.yaml": None})
    secret = Path("secret.yaml").resolve()
    secret.write_text("heading: 机密第一行\npoints: [一是。]\n", encoding="utf-8")
    Path("data/other.yaml").write_text(MINI["problems.yaml"], encoding="utf-8")
    pointed = {"outside": str(secret), "inside": "other.yaml"}.get(target, target)
    Path("data/problems.yaml").symlink_to(pointed)
    run = cli("check", "data")
    assert run.code == 1
    assert _LINK in run.problems
    assert "机密" not in run.err and "root:" not in run.err


@POSIX
@pytest.mark.parametrize(
    ("make", "kind"), [(os.mkfifo, "命名管道"), (os.mkdir, "文件夹")], ids=["fifo", "folder"]
)
def test_a_section_file_that_is_a_pipe_or_folder_is_refused_without_blocking(
    make: object, kind: str, folder: Folder, cli: Cli
) -> None:
    folder({"problems.yaml": None})
    make("data/problems.yaml")  # type: ignore[operator]
    run = cli("check", "data")
    assert run.code == 1
    assert run.problems == [
        f"data/report.yaml:13:5: 错误: 节的文件 problems.yaml 不是普通文件（而是{kind}）："
        "数据文件夹中的数据只能是 YAML 文本文件"
    ]


@POSIX
def test_a_report_file_that_is_a_link_is_refused(folder: Folder, cli: Cli) -> None:
    folder({"report.yaml": None})
    Path("report.yaml").write_text(MINI["report.yaml"], encoding="utf-8")
    Path("data/report.yaml").symlink_to(Path("report.yaml").resolve())
    run = cli("check", "data")
    assert run.code == 1
    assert run.problems[0] == (
        "data/report.yaml: 错误: 文件是符号链接（快捷方式），为安全起见不读取："
        "数据文件夹中只读取真正的文件，请把链接指向的文件复制到数据文件夹中，替换这个链接"
    )


_PROBE = """
import json, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)) or event == "open" and hasattr(args[0], "__fspath__"):
        opened.append(str(args[0]) if not isinstance(args[0], bytes) else args[0].decode())
from zsdreport.cli import main
sys.addaudithook(hook)
try:
    main(sys.argv[1:])
except SystemExit as e:
    code = e.code
print(json.dumps({"code": code, "opened": opened}), file=sys.stderr)
"""


def _opened_during(args: list[str], cwd: Path) -> tuple[int, list[Path]]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, cwd=cwd, check=False
    )
    report = json.loads(result.stderr.strip().splitlines()[-1])
    return report["code"], [Path(cwd, p).resolve() for p in report["opened"]]


def _allowed(path: Path, *folders: Path) -> bool:
    import zsdreport
    from zsdreport.render.cache_folder import user_cache_home
    from zsdreport.render.env import default_templates

    own = [Path(zsdreport.__file__).resolve().parent, default_templates().resolve()]
    own.append(user_cache_home() / "zsdreport")  # compiled templates, the .docx base (caches)
    python = [Path(p).resolve() for p in {sys.prefix, sys.base_prefix, sys.exec_prefix}]
    python += [Path(p).resolve() for p in sys.path if p and Path(p).is_dir() and p != "."]
    return any(path.is_relative_to(f.resolve()) for f in [*folders, *own, *python])


@POSIX
def test_a_build_opens_no_file_outside_the_data_and_output_folders(tmp_path: Path) -> None:
    data = write_tree(tmp_path / "project" / "data" / "2023H1", MINI)
    out = tmp_path / "project" / "out"
    secret = tmp_path / "secret.yaml"
    secret.write_text("heading: 机密\npoints: [一是。]\n", encoding="utf-8")
    code, opened = _opened_during(["build", str(data), "-o", str(out)], tmp_path)
    assert code == 0
    assert any(p.parent == data for p in opened) and any(p.parent == out for p in opened)
    assert [p for p in opened if not _allowed(p, data, out)] == []
    # A section file linked to a file outside: refused without opening what it points to.
    (data / "problems.yaml").unlink()
    (data / "problems.yaml").symlink_to(secret)
    code, opened = _opened_during(["build", str(data), "-o", str(out)], tmp_path)
    assert code == 1
    assert secret not in opened
    assert [p for p in opened if not _allowed(p, data, out)] == []

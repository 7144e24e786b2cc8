"""Readable git diffs of built .docx files: zsdreport totext as git's textconv driver."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.compare.test_second_period import SECOND
from tests.conftest import DATA
from tests.test_cli import run
from zsdreport.build import build
from zsdreport.compare.docx_text import totext
from zsdreport.compare.gitsetup import ATTRIBUTE, git_setup


def built(data: Path, out: Path) -> Path:
    (path,) = build(data, out, "docx").outputs
    return path


def test_totext_prints_one_paragraph_a_line(tmp_path: Path) -> None:
    lines = totext(built(DATA, tmp_path)).splitlines()
    assert lines[0] == "祖师殿镇2023年上半年工作总结"
    assert lines[-1] == "2023年7月10日"
    assert any(line.startswith("1.加强党的领导，把准发展“方向盘”。始终") for line in lines)


def test_totext_refuses_what_is_not_a_docx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "假.docx"
    fake.write_text("不是 Word 文档", encoding="utf-8")
    code, out, err = run(["totext", str(fake)], capsys)
    assert (code, out) == (2, "") and "不是有效的 Word 文档" in err
    code, _, err = run(["totext", str(tmp_path / "没有.docx")], capsys)
    assert code == 2 and "找不到文件" in err


def git(args: list[str], cwd: Path) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, env=env
    )
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "repo"
    folder.mkdir()
    git(["init", "-q"], folder)
    git(["config", "user.name", "测试"], folder)
    git(["config", "user.email", "test@example.invalid"], folder)
    return folder


def test_git_diff_of_two_built_reports_shows_the_changed_sentence(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # textconv runs a shell command: point it at this interpreter's zsdreport, wherever it is.
    monkeypatch.setattr(sys, "argv", [str(Path(sys.executable).with_name("zsdreport"))])
    monkeypatch.setenv("PATH", os.defpath)
    messages = git_setup(repo)
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == ATTRIBUTE + "\n"
    assert "totext" in git(["config", "diff.zsdreport.textconv"], repo)
    assert len(messages) == 2
    report = repo / "报告.docx"
    report.write_bytes(built(DATA, tmp_path / "old").read_bytes())
    git(["add", "."], repo)
    git(["commit", "-qm", "上半年"], repo)
    report.write_bytes(built(SECOND, tmp_path / "new").read_bytes())
    diff = git(["-c", "core.quotepath=off", "diff"], repo)
    assert "Binary files" not in diff
    changed = [line for line in diff.splitlines() if line.startswith(("-", "+"))]
    assert any(
        "全年累计新增小额信贷512万，做到应贷尽贷。" in line for line in changed if line[0] == "+"
    )
    assert any("预计2023年累计新增贷92比458万。" in line for line in changed if line[0] == "-")


def test_git_setup_twice_adds_the_line_once(repo: Path) -> None:
    (repo / ".gitattributes").write_text("*.yaml text eol=lf", encoding="utf-8")
    git_setup(repo)
    git_setup(repo)
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == (
        "*.yaml text eol=lf\n" + ATTRIBUTE + "\n"
    )


def test_git_setup_outside_a_repository_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, _, err = run(["git-setup", str(tmp_path)], capsys)
    assert code == 2 and "不在 git 仓库中" in err


def test_pre_commit_hook_checks_the_folders_of_changed_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    from tests.conftest import ROOT

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "zsdreport check-changed" and hook["pass_filenames"] is True
    good = tmp_path / "2023H1"
    shutil.copytree(DATA, good)
    bad = tmp_path / "2023H2"
    shutil.copytree(SECOND, bad)
    party = bad / "work-party.yaml"
    party.write_text(party.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = hook["entry"].split()[1:]
    code, _, err = run([*args, "2023H1/work-party.yaml", "2023H1/plans.yaml", "notes.txt"], capsys)
    assert code == 0 and err.count("2023H1：校验通过") == 1
    code, _, err = run([*args, "2023H1/plans.yaml", "2023H2/work-party.yaml"], capsys)
    assert code == 1 and "2023H2/work-party.yaml" in err and "bogus" in err

"""Helpers for the check corpus: a small valid period, and the CLI run in-process."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import write_tree
from zsdreport.cli import main

# A small valid period (the same as tests/data/mini): every case below changes one thing in it.
MINI: dict[str, str] = {
    "report.yaml": """\
title: 祖师殿镇{year}年{half}工作总结
period: 2023H1
organs:
  - 中共溆浦县祖师殿镇委员会
  - 溆浦县祖师殿镇人民政府
date: 2023-07-10
preamble: >-
  {year}年以来，在县委、县政府的坚强领导下，
  各项工作稳步推进。
sections:
  - heading: "{half}工作开展情况"
    files: [work-party]
  - problems
""",
    "work-party.yaml": """\
heading: 大力抓党建、提作风，不断夯实基层党建工作基础
metrics:
  study_sessions: {label: 党委理论学习中心组学习, value: 3, unit: 次}
  handled: {label: 办理事项, value: 568, unit: 件}
  done: {label: 办结事项, value: 566, unit: 件}
  done_rate: {label: 办结率, formula: done / handled * 100, digits: 1, unit: "%"}
items:
  - lead: 加强党的领导，把准发展“方向盘”。
    text: >-
      组织开展党委理论学习中心组学习{study_sessions}。
      办理{handled}，办结{done}，办结率{done_rate}。
""",
    "problems.yaml": """\
heading: 存在问题及不足
points:
  - lead: 村级工作力量相对薄弱。
    text: 虽然我镇各村（居）干部配备齐全。
  - lead: 产业发展结构比较单一。
    text: 我镇虽有。
""",
}

_HEADER = re.compile(r"^(\S[^\n]*?): (错误|警告): ")


@dataclass(frozen=True)
class Run:
    """What one CLI run did: exit code, stdout, stderr."""

    code: int
    out: str
    err: str

    @property
    def problems(self) -> list[str]:
        """Return the first line of every problem printed (``file:line:col: 错误: message``)."""
        return [line for line in self.err.splitlines() if _HEADER.match(line)]


Cli = Callable[..., Run]
Folder = Callable[[Mapping[str, str | bytes | None]], Path]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folder:
    """Return a function writing MINI with some files replaced (None deletes) as ./data."""
    monkeypatch.chdir(tmp_path)

    def make(changes: Mapping[str, str | bytes | None]) -> Path:
        files: dict[str, str | bytes] = dict(MINI)
        for name, content in changes.items():
            if content is None:
                files.pop(name, None)
            else:
                files[name] = content
        return write_tree(Path("data"), files)

    return make


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Return a function running ``zsdreport *args`` in-process."""

    def run(*args: str) -> Run:
        with pytest.raises(SystemExit) as exit_info:
            main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return Run(int(exit_info.value.code or 0), out, err)

    return run

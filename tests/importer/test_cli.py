"""zsdreport import on the command line: messages in Chinese, exit codes, nothing half-written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED
from zsdreport.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_imports_the_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["import", str(SEED), "-o", str(tmp_path / "d")], capsys)
    assert code == 0, err
    assert "期别 2023H1，9 个节文件，89 个指标" in out
    assert "原稿没有标题" in err
    code, _, err = run(["import", str(SEED), "-o", str(tmp_path / "d")], capsys)
    assert code == 2 and "已存在且不为空" in err and "--force" in err
    code, _, err = run(["import", str(SEED), "-o", str(tmp_path / "d"), "--force"], capsys)
    assert code == 0, err


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        ("a.txt", "你好，世界。\n今天天气很好。\n", 1, "不像一份工作报告"),
        ("b.txt", b"\x00\x01\x02binary", 1, "空字节"),
        ("c.docx", b"PK\x03\x04 not really a zip", 1, "无法作为 Word 文档"),
        ("d.docx", "一、标题\n", 1, "无法作为 Word 文档"),
        ("e.txt", b"PK\x03\x04\x14\x00", 1, "二进制文件"),
        ("f.pdf", "一、标题\n", 2, "不支持的文件类型"),
        ("g.txt", "", 1, "文件为空"),
        ("h.txt", "一、工作情况\n1.党建。开展学习。\n", 1, "无法判断报告的期别"),
        ("i.txt", b"\xff\xfe\x00\x00garbage\x81\x82", 1, "UTF-16"),
    ],
)
def test_bad_input_is_refused_in_chinese(
    name: str,
    content: str | bytes,
    code: int,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    got, _, err = run(["import", str(path), "-o", str(tmp_path / "out")], capsys)
    assert (got, message in err) == (code, True), err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["import", str(tmp_path / "nope.docx"), "-o", str(tmp_path / "o")], capsys)
    assert code == 2 and "找不到文件" in err


def test_files_name_the_editor_schema_when_one_is_above_them() -> None:
    from tests.conftest import ROOT
    from zsdreport.importer import schema_line

    line = schema_line(ROOT / "data" / "2022H2", "section.schema.json")
    assert line == "# yaml-language-server: $schema=../../schema/section.schema.json"
    assert line in (ROOT / "data" / "2023H1" / "work-party.yaml").read_text(encoding="utf-8")
    assert schema_line(Path("/"), "section.schema.json") is None

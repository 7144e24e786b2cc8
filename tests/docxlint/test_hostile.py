"""lint-docx on hostile files: a pipe, a zip bomb, absurd numbers: messages, never a hang or crash."""

from __future__ import annotations

import os
import re
import sys
import zipfile
from pathlib import Path

import pytest

from tests.docxlint.samples import conforming, save
from zsdreport.cli import main
from zsdreport.docxlint import lint_docx


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes of POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "报告.docx"
    os.mkfifo(pipe)
    code, out, err = _run(["lint-docx", str(pipe)], capsys)
    assert (code, out) == (2, "")
    assert err == f"错误：{pipe} 不是普通文件（是管道或设备），不是 .docx 文件\n"


def _repack(source: Path, target: Path, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for name, content in extra.items():
            new.writestr(name, content)
    return target


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = save(conforming(), tmp_path)
    # 100 MB of zeros pack into some 100 KB: unpacking it would be the bomb.
    bomb = _repack(good, tmp_path / "bomb.docx", {"word/media/zeros.bin": bytes(100 * 2**20)})
    assert bomb.stat().st_size < 2**20
    code, out, err = _run(["lint-docx", str(bomb)], capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"错误：无法读取 {bomb}：文件解压后过大（word/media/zeros.bin 解压后 100 MB，上限 64 MB）"
        "：可能是恶意构造的压缩包，请勿打开\n"
    )


def test_a_part_packed_beyond_any_xml_ratio_is_refused(tmp_path: Path) -> None:
    from zsdreport.docxlint.result import DocxReadError

    good = save(conforming(), tmp_path)
    packed = _repack(good, tmp_path / "ratio.docx", {"word/media/zeros.bin": bytes(8 * 2**20)})
    with pytest.raises(DocxReadError, match=r"zeros.bin 的压缩比超过 200:1"):
        lint_docx(packed)


@pytest.mark.parametrize("number", ["1e999", "-1e999", "nan", "inf", "9" * 400])
def test_absurd_numbers_in_attributes_fail_rules_instead_of_crashing(
    number: str, tmp_path: Path
) -> None:
    good = save(conforming(), tmp_path)
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(hostile, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename in ("word/document.xml", "word/styles.xml"):
                data = re.sub(
                    rb'w:(top|bottom|left|right|w|h|sz|line|firstLine|firstLineChars|linePitch)="-?[0-9]+"',
                    rb'w:\1="' + number.encode() + b'"',
                    data,
                )
            new.writestr(info, data)
    result = lint_docx(hostile)
    assert result.exit_code == 1
    assert not result["page.margins"].passed

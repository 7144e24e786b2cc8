"""Writing outputs: file modes colleagues can read, and OS errors in Chinese naming the real target."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from zsdreport.cli import main
from zsdreport.errors import OutputError
from zsdreport.write import write_all

POSIX_MODES = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def umask() -> Iterator[None]:
    """Restore the process umask after a test changed it."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@POSIX_MODES
@pytest.mark.parametrize(
    ("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)], ids=oct
)
def test_new_outputs_get_the_usual_mode_for_the_umask(
    mask: int, mode: int, tmp_path: Path, umask: None
) -> None:
    os.umask(mask)
    (written,) = write_all(tmp_path / "out", {"报告.md": b"x"})
    assert _mode(written) == mode


@POSIX_MODES
def test_rewriting_an_output_keeps_it_readable_by_others(tmp_path: Path, umask: None) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "报告.md").write_bytes(b"old")
    (out / "报告.md").chmod(0o644)
    (written,) = write_all(out, {"报告.md": b"new"})
    assert (written.read_bytes(), _mode(written)) == (b"new", 0o644)
    assert [p.name for p in out.iterdir()] == ["报告.md"]


MINI = Path(__file__).resolve().parent / "data" / "mini"


def test_output_folder_that_is_a_file_is_named_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("afile").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["build", str(MINI), "-o", "afile", "-f", "md"])
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == "错误：无法创建输出文件夹 afile：已有同名文件，不是文件夹\n"


def test_output_folder_under_a_file_is_named_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("", encoding="utf-8")
    target = tmp_path / "afile" / "out"
    with pytest.raises(OutputError) as caught:
        write_all(target, {"报告.md": b"x"})
    assert str(caught.value) == f"无法创建输出文件夹 {target}：已有同名文件，不是文件夹"


def test_a_refused_rename_names_the_output_not_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"

    def refuse(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(src))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError) as caught:
        write_all(out, {"报告.md": b"x"})
    assert str(caught.value) == f"无法写入 {out / '报告.md'}：没有写入权限"
    assert ".tmp" not in str(caught.value)
    assert list(out.iterdir()) == []


def test_a_folder_where_files_cannot_be_created_names_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like ``-o /proc/1``: the folder exists, but creating a file in it fails."""
    out = tmp_path / "out"
    out.mkdir()
    real_open = os.open

    def vanish(path: str, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if Path(path).parent == out:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", vanish)
    with pytest.raises(OutputError) as caught:
        write_all(out, {"报告.md": b"x"})
    assert str(caught.value) == f"无法写入 {out / '报告.md'}：文件夹不存在"


def test_an_output_name_taken_by_a_folder_is_named(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "报告.md").mkdir(parents=True)
    with pytest.raises(OutputError) as caught:
        write_all(out, {"报告.md": b"x"})
    assert str(caught.value) == f"无法写入 {out / '报告.md'}：已有同名文件夹，不是文件"
    assert [p.name for p in out.iterdir()] == ["报告.md"]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EEXIST, "已有同名文件，不是文件夹"),
        (errno.ENOTDIR, "已有同名文件，不是文件夹"),
        (errno.EACCES, "没有写入权限"),
        (errno.EPERM, "没有写入权限"),
        (errno.EROFS, "没有写入权限"),
        (errno.ENOSPC, "磁盘空间不足"),
        (errno.EDQUOT, "磁盘空间不足"),
        (errno.ENOENT, "文件夹不存在"),
        (errno.EIO, f"无法写入（错误码 {errno.EIO}）"),
    ],
    ids=lambda value: errno.errorcode.get(value, "") if isinstance(value, int) else "",
)
def test_every_os_error_is_explained_in_chinese(
    code: int, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"

    def fail(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise OSError(code, os.strerror(code), str(src))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError) as caught:
        write_all(out, {"报告.md": b"x"})
    assert str(caught.value) == f"无法写入 {out / '报告.md'}：{reason}"

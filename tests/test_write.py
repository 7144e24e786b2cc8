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
        main(["build", str(MINI), "-o", "afile", "--only", "md"])
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


def test_when_the_second_output_fails_every_old_output_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "报告.md").write_bytes(b"old md")
    (out / "报告.docx").write_bytes(b"old docx")
    real_replace = os.replace

    def fail_second(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        # Only the commit of the second output fails; putting back the first must still work.
        if Path(dst).name == "报告.docx" and Path(src).name.startswith(".zsd-"):
            raise OSError(errno.ENOSPC, "No space left on device", str(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_second)
    with pytest.raises(OutputError) as caught:
        write_all(out, {"报告.md": b"new md", "报告.docx": b"new docx"})
    assert str(caught.value) == f"无法写入 {out / '报告.docx'}：磁盘空间不足"
    assert (out / "报告.md").read_bytes() == b"old md"
    assert (out / "报告.docx").read_bytes() == b"old docx"
    assert sorted(p.name for p in out.iterdir()) == ["报告.docx", "报告.md"]


def test_an_output_that_did_not_exist_is_removed_again_when_a_later_one_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    real_replace = os.replace

    def fail_second(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == "报告.docx":
            raise OSError(errno.EIO, "I/O error", str(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_second)
    with pytest.raises(OutputError):
        write_all(out, {"报告.md": b"new md", "报告.docx": b"new docx"})
    assert list(out.iterdir()) == []


def test_a_folder_in_the_way_of_the_second_output_changes_no_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "报告.md").write_bytes(b"old md")
    (out / "报告.docx").mkdir()
    with pytest.raises(OutputError, match="已有同名文件夹，不是文件"):
        write_all(out, {"报告.md": b"new md", "报告.docx": b"new docx"})
    assert (out / "报告.md").read_bytes() == b"old md"
    assert sorted(p.name for p in out.iterdir()) == ["报告.docx", "报告.md"]


_KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from zsdreport import write

def killed(fd):
    os.kill(os.getpid(), signal.SIGKILL)

write.os.fsync = killed
write.write_all(Path(sys.argv[1]), {"报告.md": b"new"})
"""


@POSIX_MODES
def test_temporary_files_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "out"
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITER, str(out)], capture_output=True, check=False
    )
    assert killed.returncode == -9
    (left,) = out.iterdir()
    assert left.name.startswith(".zsd-") and left.suffix == ".tmp"
    write_all(out, {"报告.md": b"x"})
    assert [p.name for p in out.iterdir()] == ["报告.md"]


def test_a_temporary_file_of_a_running_build_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # Our own process id stands for a build still writing.
    busy = out / f".zsd-{os.getpid()}-abcdef.tmp"
    busy.write_bytes(b"")
    write_all(out, {"报告.md": b"x"})
    assert sorted(p.name for p in out.iterdir()) == [busy.name, "报告.md"]


def test_a_name_too_long_for_the_file_system_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="输出文件名过长（300 个字）"):
        write_all(tmp_path / "out", {"长" * 297 + ".md": b"x"})


def test_a_failed_flush_to_disk_names_its_output_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zsdreport import write

    out = tmp_path / "out"
    out.mkdir()
    (out / "报告.md").write_bytes(b"old md")
    (out / "报告.docx").write_bytes(b"old docx")
    flush = os.fsync
    synced: list[int] = []

    def full_disk(fd: int) -> None:
        synced.append(fd)
        if os.fstat(fd).st_size == len(b"new docx!"):
            raise OSError(errno.ENOSPC, "No space left on device")
        flush(fd)

    monkeypatch.setattr(write.os, "fsync", full_disk)
    with pytest.raises(OutputError, match=r"无法写入 .*报告\.docx：磁盘空间不足"):
        write_all(out, {"报告.md": b"new md", "报告.docx": b"new docx!"})
    assert len(synced) == 2
    assert (out / "报告.md").read_bytes() == b"old md"
    assert (out / "报告.docx").read_bytes() == b"old docx"
    assert sorted(p.name for p in out.iterdir()) == ["报告.docx", "报告.md"]

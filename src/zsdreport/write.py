"""The only place that writes output: each file goes to a temporary name, then is renamed."""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from zsdreport.errors import OutputError


def safe_name(name: str) -> str:
    """Return ``name`` usable as a file name on Windows and Linux: no folders, no reserved marks."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)
    cleaned = cleaned.strip(" .")
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned or "report"


# Names Windows gives to devices: a file called CON.md cannot be created there.
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}


def write_all(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file into ``out_dir`` atomically; if any write fails, none is replaced.

    All contents are written to temporary files first and renamed only when all succeeded,
    so a failed build leaves earlier outputs untouched.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"无法创建输出文件夹 {out_dir}：{_reason(e)}") from e
    staged: list[tuple[Path, Path]] = []
    # The message names the output being written, never the temporary file the OS complained about.
    target = out_dir
    try:
        for name, content in files.items():
            target = out_dir / name
            if target.resolve().parent != out_dir.resolve():
                raise OutputError(f"输出文件名 {name} 不能指向输出文件夹之外")
            fd, tmp = _create_temporary(out_dir)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
        for staged_file, target in staged:
            os.replace(staged_file, target)
    except OSError as e:
        raise OutputError(f"无法写入 {target}：{_reason(e)}") from e
    finally:
        for staged_file, _ in staged:
            staged_file.unlink(missing_ok=True)
    return [target for _, target in staged]


_TEMP_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _create_temporary(folder: Path) -> tuple[int, Path]:
    """Create a new, empty temporary file in ``folder`` and return its descriptor and path.

    The file gets the mode any new file gets (0o666 less the umask, and a folder's default ACL):
    ``tempfile.mkstemp`` would make it 0o600, and the rename would carry that onto the output,
    so colleagues could no longer read it. Letting the OS apply the umask avoids reading it,
    which can only be done by changing it for the whole process.
    """
    for _ in range(100):
        path = folder / f".zsd-{secrets.token_hex(6)}.tmp"
        try:
            return os.open(path, _TEMP_FLAGS, 0o666), path
        except FileExistsError:
            continue
    raise OutputError(f"无法在 {folder} 中创建临时文件：请删除其中以 .zsd- 开头的文件后重试")


_REASONS = {
    errno.EEXIST: "已有同名文件，不是文件夹",
    errno.ENOTDIR: "已有同名文件，不是文件夹",
    errno.EISDIR: "已有同名文件夹，不是文件",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "没有写入权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘空间不足",
    errno.ENOENT: "文件夹不存在",
}


def _reason(error: OSError) -> str:
    """Return why writing failed, in Chinese; the OS's own text is English and names temp files."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return f"无法写入（错误码 {error.errno}）"

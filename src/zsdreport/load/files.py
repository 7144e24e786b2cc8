"""Data files are regular files inside the data folder, read without following links.

A section file that is a symbolic link could show another file's content (or /etc/passwd, whose
first line would then be quoted in an error message), and a pipe or a device would block or never
end: all of them are refused before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)

SYMLINK = (
    "是符号链接（快捷方式），为安全起见不读取：数据文件夹中只读取真正的文件，"
    "请把链接指向的文件复制到数据文件夹中，替换这个链接"
)
NOT_REGULAR = "不是普通文件（而是{kind}）：数据文件夹中的数据只能是 YAML 文本文件"


class RefusedFile(Exception):
    """A data file that is not a regular file of the data folder; the message says why."""


class TooLarge(Exception):
    """A data file larger than the limit; ``size`` is its size in bytes."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def refusal(path: Path) -> str | None:
    """Return why ``path`` may not be read as a data file, or None if it may (or is missing)."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None
    return _refusal(mode)


def _refusal(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return SYMLINK
    return NOT_REGULAR.format(kind=_kind(mode))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISFIFO(mode):
        return "命名管道"
    if stat.S_ISSOCK(mode):
        return "套接字"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备"
    return "特殊文件"


def read_regular(path: Path, limit: int) -> bytes:
    """Return the content of the regular file ``path``, never following a link.

    Raises RefusedFile for a link, a folder, a pipe or a device (checked on the opened file
    too, so a file swapped for a link in between is refused as well), TooLarge past ``limit``
    bytes, OSError otherwise.
    """
    reason = refusal(path)
    if reason is not None:
        raise RefusedFile(reason)
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as e:
        # O_NOFOLLOW on a link fails with ELOOP (Linux) or EMLINK (BSD).
        if path.is_symlink():
            raise RefusedFile(SYMLINK) from e
        raise
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        reason = _refusal(info.st_mode)
        if reason is not None:
            raise RefusedFile(reason)
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        raw = handle.read(limit + 1)
        if len(raw) > limit:  # the file grew while it was read
            raise TooLarge(len(raw))
        return raw

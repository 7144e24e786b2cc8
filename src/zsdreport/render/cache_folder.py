"""The user's cache folder for zsdreport: where it is, kept private, written atomically.

Both caches (compiled templates, render/template_cache.py; the styled .docx base,
render/docx_base_store.py) serve what they find as it is, so a folder another user could write
into is not used at all. Nothing here fails a build: an unusable place means no cache.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path


def user_cache_home() -> Path:
    """Return the folder where this platform keeps a user's caches (XDG_CACHE_HOME if set)."""
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    return Path.home() / ".cache"


def private_folder(name: str) -> Path | None:
    """Return ``zsdreport/<name>`` in the user's cache, made 0700; None if it cannot be private."""
    try:
        root = user_cache_home() / "zsdreport"
        # Made one by one: mkdir(parents=True) would make "zsdreport" with the umask's mode.
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder = root / name
        folder.mkdir(mode=0o700, exist_ok=True)
        if not is_private(folder):
            return None
    except OSError:
        return None
    return folder


def is_private(folder: Path) -> bool:
    """Tell whether only this user can write into ``folder`` (always so on Windows)."""
    if sys.platform == "win32":
        return True
    info = os.lstat(folder)
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.geteuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one.

    A read-only or full disk only means the entry is not kept: the caller's work goes on.
    """
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)

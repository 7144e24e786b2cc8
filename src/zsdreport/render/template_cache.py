"""Compiled templates kept between runs, so that a new process need not compile report.md.j2.

Compiling the default template is about a tenth of what a build adds to its libraries' import
(20 ms of ~200 ms). Jinja stores each compiled template with a digest of its source and compiles
again when the source differs, so an edited template is never served stale. The folder's name
carries what else shapes the compiled code: Jinja's version, the interpreter, and a digest of
render/env.py (the sandbox, its loop budget and filters). Cached code is loaded as it is, so a
planted file would run unchecked: the folder must be the user's own and private (0700 on POSIX),
or no cache is used. A damaged or unwritable cache only means compiling as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket


class _QuietCache(FileSystemBytecodeCache):
    """A bytecode cache whose failures are cache misses, never a failed build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry fails in pickle or marshal, whichever: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        # A read-only or full disk: the build goes on uncached.
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def user_cache_home() -> Path:
    """Return the folder where this platform keeps a user's caches (XDG_CACHE_HOME if set)."""
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    return Path.home() / ".cache"


def cache_key(env_source: Path) -> str:
    """Return what names one generation of compiled code: Jinja, interpreter and env.py."""
    import jinja2

    digest = hashlib.sha256(env_source.read_bytes())
    digest.update(f"{jinja2.__version__} {sys.implementation.cache_tag}".encode())
    return digest.hexdigest()[:16]


def bytecode_cache(env_source: Path) -> FileSystemBytecodeCache | None:
    """Return the shared cache of compiled templates, or None where it cannot be private."""
    try:
        folder = user_cache_home() / "zsdreport" / f"templates-{cache_key(env_source)}"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return None
    except OSError:
        return None
    return _QuietCache(str(folder))


def _private(folder: Path) -> bool:
    """Tell whether only this user can write into ``folder`` (always so on Windows)."""
    if sys.platform == "win32":
        return True
    info = os.lstat(folder)
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.geteuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )

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
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from zsdreport.render.cache_folder import private_folder, user_cache_home

__all__ = ["bytecode_cache", "cache_key", "user_cache_home"]


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


def cache_key(env_source: Path) -> str:
    """Return what names one generation of compiled code: Jinja, interpreter and env.py."""
    import jinja2

    digest = hashlib.sha256(env_source.read_bytes())
    digest.update(f"{jinja2.__version__} {sys.implementation.cache_tag}".encode())
    return digest.hexdigest()[:16]


def bytecode_cache(env_source: Path) -> FileSystemBytecodeCache | None:
    """Return the shared cache of compiled templates, or None where it cannot be private."""
    try:
        folder = private_folder(f"templates-{cache_key(env_source)}")
    except OSError:  # env.py unreadable
        return None
    return None if folder is None else _QuietCache(str(folder))

"""The watching itself: file events from watchfiles, filtered and grouped, until a signal."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from zsdreport.watch.session import DATA_SUFFIXES

# Quiet time that ends a burst of events: an editor saving writes a temporary file, renames
# it and touches the folder within a few milliseconds; one rebuild follows the last of them.
QUIET_MS = 50
# Names editors and office suites give their temporary, backup and lock files.
_TEMPORARY_SUFFIXES = (
    "~",
    ".swp",
    ".swo",
    ".swx",
    ".swn",
    ".tmp",
    ".temp",
    ".bak",
    ".orig",
    ".crswap",
    ".kate-swp",
)
_TEMPORARY_PREFIXES = (".", "~", "#")
# How long watchfiles waits before it hands back an empty burst: the first one tells that it
# is watching; later ones are skipped.
WAKE_MS = 200


class ChangeFilter:
    """Keep the events a rebuild depends on: the folder's data files, the template files.

    An editor's temporary, swap and lock files are ignored, and so is the output folder when
    it lies inside a watched folder (else each build would trigger the next).
    """

    def __init__(self, data_dir: Path, templates: Path | None, out_dir: Path) -> None:
        self._data = data_dir.resolve()
        self._templates = templates.resolve() if templates is not None else None
        self._out = out_dir.resolve()

    def __call__(self, change: Any, path: str) -> bool:
        """Tell whether the event on ``path`` may change what a build reads."""
        where = Path(path)
        name = where.name
        if name.startswith(_TEMPORARY_PREFIXES) or name.endswith(_TEMPORARY_SUFFIXES):
            return False
        if name.isdigit():  # vim checks it may write a folder with a file named 4913
            return False
        if where == self._out or self._out in where.parents:
            return False
        if where.parent == self._data and where.suffix in DATA_SUFFIXES:
            return True
        return self._templates is not None and (
            where == self._templates or self._templates in where.parents
        )


class Changes:
    """The paths changed in some folders, a burst at a time, from the moment it is made.

    Events that come while a build runs are kept by watchfiles and make the next burst.
    """

    def __init__(self, folders: list[Path], keep: ChangeFilter, stop: threading.Event) -> None:
        from watchfiles import watch

        self._events = watch(
            *[str(f.resolve()) for f in folders],
            watch_filter=keep,
            stop_event=stop,
            step=QUIET_MS,
            rust_timeout=WAKE_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
        )
        # The first step starts watching: what changes from now on is seen. Its own answer is
        # dropped; the caller compares the files with what its last build read instead.
        next(self._events, None)

    def __iter__(self) -> Iterator[set[Path]]:
        for batch in self._events:
            if batch:
                yield {Path(path) for _, path in batch}


@contextmanager
def stopped_by_signals() -> Iterator[threading.Event]:
    """Turn Ctrl-C (SIGINT) and SIGTERM into an event the watching loop stops at.

    A signal never interrupts a build: the build under way finishes (its outputs are written
    together or not at all), then the loop ends.
    """
    stop = threading.Event()

    def request_stop(signum: int, frame: Any) -> None:
        stop.set()

    kinds = [signal.SIGINT, signal.SIGTERM]
    previous = {kind: signal.signal(kind, request_stop) for kind in kinds}
    try:
        yield stop
    finally:
        for kind, handler in previous.items():
            signal.signal(kind, handler)

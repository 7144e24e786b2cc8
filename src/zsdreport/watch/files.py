"""Data files read once: an unchanged file's parse, validation and checks are reused."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zsdreport.check.validate import Files, M
from zsdreport.errors import Problem
from zsdreport.figures.figure import Figure
from zsdreport.load.files import RefusedFile, TooLarge, read_regular
from zsdreport.load.reader import MAX_BYTES, PathKey, Source
from zsdreport.watch.prose import ProseCache


@dataclass
class _Entry:
    """What one version of a file gave: its source, each model it validated as, its characters."""

    raw: bytes
    source: Source
    models: dict[type[Any], tuple[Any, list[Problem]]] = field(default_factory=dict)
    characters: list[Problem] | None = None


class CachedFiles(Files):
    """Read each data file as ``Files`` does, reusing the results while its bytes are unchanged.

    The bytes themselves are the key, compared whole: a data file is a few kilobytes, and no
    two versions can be taken for one another. Cross-file checks (figures, references, the
    outline) are not cached here: load_report runs them on every build.
    """

    def __init__(self) -> None:
        self._entries: dict[Path, _Entry] = {}
        self._prose = ProseCache()
        self.parsed: list[Path] = []
        """Every file parsed, in order: what a rebuild did not reuse (for tests and profiles)."""

    def source(self, path: Path) -> Source:
        """Return the source of ``path``, parsed again only when its bytes changed."""
        raw = _read(path)
        entry = self._entries.get(path)
        if raw is not None and entry is not None and entry.raw == raw:
            return entry.source
        source = super().source(path)
        self.parsed.append(path)
        # Kept only if the file did not change while it was parsed: else its bytes would
        # name another version's source. The next change event brings a rebuild anyway.
        if raw is not None and _read(path) == raw:
            self._entries[path] = _Entry(raw, source)
        else:
            self._entries.pop(path, None)
        return source

    def model(self, source: Source, model: type[M], problems: list[Problem]) -> M | None:
        """Return ``source`` validated as ``model``, validating each version of a file once."""
        entry = self._entry(source)
        if entry is None:
            return super().model(source, model, problems)
        if model not in entry.models:
            found: list[Problem] = []
            entry.models[model] = (super().model(source, model, found), found)
        result, found = entry.models[model]
        problems += found
        return result  # type: ignore[no-any-return]

    def characters(self, source: Source) -> list[Problem]:
        """Return the character problems of ``source``, checked once per version of a file."""
        entry = self._entry(source)
        if entry is None:
            return super().characters(source)
        if entry.characters is None:
            entry.characters = super().characters(source)
        return list(entry.characters)

    @property
    def proofread(self) -> int:
        """How many prose fields were proofread, not reused, over all builds: for tests."""
        return self._prose.checked

    def prose(
        self,
        fields: Iterable[tuple[Source, PathKey, str]],
        figures: Mapping[str, Figure],
        words: Mapping[str, str],
    ) -> list[Problem]:
        """Proofread ``fields``, again only where a field or what it depends on changed."""
        return self._prose.check(fields, figures, words)

    def forget_missing(self, present: Iterable[Path]) -> None:
        """Drop the entries of files that are no longer there (renamed or deleted)."""
        keep = set(present)
        for path in [p for p in self._entries if p not in keep]:
            del self._entries[path]

    def _entry(self, source: Source) -> _Entry | None:
        entry = self._entries.get(source.path)
        return entry if entry is not None and entry.source is source else None


def _read(path: Path) -> bytes | None:
    """Return the bytes of the regular file ``path``; None when it cannot be read as data."""
    try:
        return read_regular(path, MAX_BYTES)
    except (RefusedFile, TooLarge, OSError):  # load_file explains why it cannot be read
        return None

"""Proofreading kept per field, with what each field's result depended on.

A field's problems depend on its file's text, its value, the words its {references} expand
to, the period's years and the figures it was compared with (a typed number that equals a
figure, a misspelt reference). Each lookup a field makes is recorded with its answer; the
field is proofread again only when one of those answers changed. So a new figure value
re-reads only the fields that print it or type its number, not the whole report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zsdreport.check.proofread import Lookup, check_field, year_names
from zsdreport.errors import Problem
from zsdreport.figures.figure import Figure
from zsdreport.load.reader import PathKey, Source

_Key = tuple[Path, str, PathKey, str]
# A field found by its place: file, field, value, first line, the file's text from that line on.
_Tail = tuple[Path, PathKey, str, int, str]
_NEWLINE = re.compile("\n")
# One recorded question and its answer: (what was asked, of which argument, the answer).
_Question = tuple[str, str, Any]


class _Asked:
    """The answers of one build's words, years and figures, recording every question asked."""

    def __init__(self, words: Mapping[str, str], years: Mapping[str, str], lookup: Lookup) -> None:
        self.words, self.years, self.lookup = words, years, lookup
        self.questions: list[_Question] = []

    def answer(self, kind: str, arg: str) -> Any:
        """Return the answer to question ``kind`` about ``arg`` (None: not there)."""
        if kind == "word":
            return self.words.get(arg)
        if kind == "year":
            return self.years.get(arg)
        if kind == "value":
            return list(self.lookup.by_value.get(arg, []))
        if kind == "named":
            return self.lookup.named(arg)
        return self.lookup.exact(arg)

    def ask(self, kind: str, arg: str) -> Any:
        """Answer and record the question."""
        found = self.answer(kind, arg)
        self.questions.append((kind, arg, found))
        return found


class _Recorded(Mapping[str, str]):
    """A mapping whose every lookup is recorded as a question of ``kind``."""

    def __init__(self, asked: _Asked, kind: str, data: Mapping[str, str]) -> None:
        self._asked, self._kind, self._data = asked, kind, data

    def __getitem__(self, key: str) -> str:
        found = self._asked.ask(self._kind, key)
        if found is None:
            raise KeyError(key)
        return str(found)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._asked.ask(self._kind, key) is not None

    def __iter__(self) -> Iterator[str]:
        raise TypeError("a field's proofreading may only look words up")  # pragma: no cover

    def __len__(self) -> int:
        raise TypeError("a field's proofreading may only look words up")  # pragma: no cover


class _ByValue(dict[str, list[str]]):
    """Lookup.by_value whose ``get`` is recorded."""

    def __init__(self, asked: _Asked) -> None:
        super().__init__()
        self._asked = asked

    def get(self, key: str, default: Any = None) -> Any:
        found = self._asked.ask("value", key)
        return found if found else default


class _RecordedLookup(Lookup):
    """A Lookup whose every question is recorded."""

    def __init__(self, asked: _Asked) -> None:
        self.by_value = _ByValue(asked)
        self._asked = asked

    def exact(self, inner: str) -> list[str]:
        return list(self._asked.ask("exact", inner))

    def named(self, inner: str) -> list[str]:
        return list(self._asked.ask("named", inner))


@dataclass(frozen=True)
class _Result:
    problems: list[Problem]
    questions: list[_Question]
    tail: _Tail


class ProseCache:
    """check_prose, remembering each field's problems and the answers they came from.

    A field is found again by its file's text, or, when the file changed, by its tail: the
    field's value, the number of the line it starts on and the file's text from that line on.
    Its problems depend on nothing else of the file (their lines, columns and the lines they
    quote are all at or after it), so an edit above a field, or in another file, that moves
    no line leaves the field's problems as they were.
    """

    def __init__(self) -> None:
        self._results: dict[_Key, _Result] = {}
        self._tails: dict[_Tail, _Result] = {}
        self.checked = 0
        """How many fields were proofread (not reused) over all builds: for tests."""

    def check(
        self,
        fields: Iterable[tuple[Source, PathKey, str]],
        figures: Mapping[str, Figure],
        words: Mapping[str, str],
    ) -> list[Problem]:
        """Return what check_prose returns for ``fields``, in the same order."""
        truth = _Asked(words, year_names(words), Lookup(figures))
        results: dict[_Key, _Result] = {}
        tails: dict[_Tail, _Result] = {}
        lines: dict[int, list[int]] = {}
        problems: list[Problem] = []
        for source, path, value in fields:
            key = (source.path, source.text, path, value)
            result = results.get(key) or self._results.get(key)
            if result is None:
                tail = _tail(source, path, value, lines)
                result = tails.get(tail) or self._tails.get(tail)
            if result is None or any(
                truth.answer(k, a) != found for k, a, found in result.questions
            ):
                result = self._proofread(source, path, value, truth, lines)
            results[key] = tails[result.tail] = result
            problems += result.problems
        # Only this build's fields are kept: an edited field's old versions are dropped.
        self._results, self._tails = results, tails
        return problems

    def _proofread(
        self,
        source: Source,
        path: PathKey,
        value: str,
        truth: _Asked,
        lines: dict[int, list[int]],
    ) -> _Result:
        asked = _Asked(truth.words, truth.years, truth.lookup)
        words = _Recorded(asked, "word", truth.words)
        years = _Recorded(asked, "year", truth.years)
        problems = check_field(source, path, value, _RecordedLookup(asked), words, years)
        self.checked += 1
        return _Result(problems, asked.questions, _tail(source, path, value, lines))


def _tail(source: Source, path: PathKey, value: str, lines: dict[int, list[int]]) -> _Tail:
    """Return the field's value, first line and the file's text from that line on."""
    starts = lines.get(id(source))
    if starts is None:
        starts = lines[id(source)] = [0, *(m.end() for m in _NEWLINE.finditer(source.text))]
    first = min(source.locate(path)[0], source.locate(path, at_key=True)[0])
    scalar = source.scalars.get(path)
    if scalar is not None:
        first = min(first, bisect.bisect_right(starts, scalar.start))
    return source.path, path, value, first, source.text[starts[max(first, 1) - 1] :]

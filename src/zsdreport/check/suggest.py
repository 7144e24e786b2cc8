"""Suggest the name that was probably meant, for "是否想写 …？" in messages."""

from __future__ import annotations

from collections.abc import Iterable

MAX_WORD = 40
"""Longest name that gets a suggestion: nobody mistypes a name of 300 000 letters."""
MAX_COMPARISONS = 200_000
"""Most names one Suggester compares, so that 20 000 unknown names cost no more than a few."""


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return `，是否想写 "title"？` for the closest candidate within a few typos, else ""."""
    best = closest(word, candidates)
    return f'，是否想写 "{best}"？' if best else ""


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """Return the candidate nearest to ``word`` (typos, swapped letters, case), if near enough."""
    return Suggester(candidates).closest(word)


def _limit(word: str) -> int:
    return 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3


class Suggester:
    """Suggestions among one list of names, asked for many words: bounded work in total.

    Only names of about the word's length are compared (an edit changes the length by one at
    most), each word is answered once, and past MAX_COMPARISONS no more comparisons are made,
    so the time spent on suggestions never grows with the number of mistakes.
    """

    def __init__(self, candidates: Iterable[str]) -> None:
        self._by_length: dict[int, list[tuple[int, str, str]]] = {}
        for i, name in enumerate(dict.fromkeys(candidates)):
            if len(name) <= MAX_WORD + 3:
                self._by_length.setdefault(len(name), []).append((i, name, name.lower()))
        self._answers: dict[str, str | None] = {}
        self._budget = MAX_COMPARISONS

    def closest(self, word: str) -> str | None:
        """Return the name nearest to ``word``, if near enough (see the module's closest)."""
        if len(word) > MAX_WORD:
            return None
        if word not in self._answers:
            self._answers[word] = self._search(word)
        return self._answers[word]

    def did_you_mean(self, word: str) -> str:
        """Return `，是否想写 "title"？` for the closest name, else ""."""
        best = self.closest(word)
        return f'，是否想写 "{best}"？' if best else ""

    def _search(self, word: str) -> str | None:
        limit = _limit(word)
        low = word.lower()
        scored = []
        for length in range(len(word) - limit, len(word) + limit + 1):
            for i, name, lowered in self._by_length.get(length, []):
                if self._budget <= 0:
                    break
                self._budget -= 1
                score = distance(low, lowered)
                if score <= limit and name != word:
                    scored.append((score, i, name))
        return min(scored)[2] if scored else None


def distance(a: str, b: str) -> int:
    """Return the optimal string alignment distance: edits, counting a swap of neighbours as one."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def shorten(name: str, most: int = MAX_WORD) -> str:
    """Return ``name`` for a message: a name of thousands of letters is cut, with "…"."""
    return name if len(name) <= most else name[:most] + "…"

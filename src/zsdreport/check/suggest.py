"""Suggest the name that was probably meant, for "是否想写 …？" in messages."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return `，是否想写 "title"？` for the closest candidate within a few typos, else ""."""
    best = closest(word, candidates)
    return f'，是否想写 "{best}"？' if best else ""


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """Return the candidate nearest to ``word`` (typos, swapped letters, case), if near enough."""
    limit = 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3
    scored = [
        (distance(word.lower(), c.lower()), i, c) for i, c in enumerate(dict.fromkeys(candidates))
    ]
    scored = [s for s in scored if s[0] <= limit and s[2] != word]
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

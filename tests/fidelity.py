"""Text fidelity: how closely a built report's text matches a reference (the clerk's original).

The project's own measure, used by the tests (the same normalisation as the issue states).

Both texts are normalised (Unicode NFKC, Markdown markup and all whitespace dropped, braille
filler dropped) and compared with difflib's SequenceMatcher without its junk heuristic.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

_MARKUP_LINE = re.compile(r"^\s{0,3}(#{1,6}|>|[-*+])\s+", re.M)


def read_text(path: Path) -> str:
    """Return the text of a .txt/.md file, or of a .docx read paragraph by paragraph."""
    if path.suffix.lower() == ".docx":
        import docx

        document = docx.Document(str(path))
        return "\n".join(p.text for p in document.paragraphs)
    return path.read_text(encoding="utf-8")


def normalise(text: str, *, markdown: bool = True) -> str:
    """Return ``text`` reduced to what fidelity compares."""
    text = unicodedata.normalize("NFKC", text)
    if markdown:
        text = _MARKUP_LINE.sub("", text)
        text = text.replace("**", "").replace("__", "").replace("\\", "")
    text = re.sub(r"[\u2800-\u28ff]", "", text)
    return re.sub(r"\s+", "", text)


def ratio(reference: str, candidate: str) -> float:
    """Return the similarity (0–1) of two texts after normalisation."""
    a, b = normalise(reference), normalise(candidate)
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def differences(reference: str, candidate: str, context: int = 8) -> list[str]:
    """Return each differing span as ``-removed +added`` with a little context, for review."""
    a, b = normalise(reference), normalise(candidate)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.append(
                f"…{a[max(0, i1 - context) : i1]}[-{a[i1:i2]}+{b[j1:j2]}]{a[i2 : i2 + context]}…"
            )
    return out

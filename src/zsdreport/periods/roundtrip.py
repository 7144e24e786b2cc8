"""Round-trip YAML: change a few values of a data file and keep every other byte as it was.

ruamel.yaml keeps comments, key order, quoting and the sentence-per-line ``>-`` layout. Where
it would still write some untouched line differently (an odd indentation, a rare scalar style),
only the lines the change needs are taken from its output and spliced into the original text,
so ``git diff`` shows the values that changed and nothing else. The encoding, a BOM and Windows
line ends are written back as they were read.
"""

from __future__ import annotations

import codecs
import difflib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.representer import RoundTripRepresenter

from zsdreport.errors import DataError, Problem
from zsdreport.load.encoding import decode


class Number(str):
    """A number to write exactly as this text (``12``, ``3.50``), plain, never quoted."""


def _represent_number(representer: RoundTripRepresenter, data: Number) -> Any:
    tag = "tag:yaml.org,2002:float" if "." in data else "tag:yaml.org,2002:int"
    return representer.represent_scalar(tag, str(data))


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never re-wrap a line: the clerk's line breaks are the diff's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(Number, _represent_number)
    return yaml


@dataclass
class YamlDocument:
    """One data file read for changing: its original text, its round-trip data, its encoding."""

    path: Path
    text: str
    data: Any
    encoding: str
    bom: bool
    crlf: bool

    def dumps(self) -> str:
        """Return the text with the changes made to ``data``, untouched lines as they were."""
        yaml = _yaml()
        changed = _dump(yaml, self.data)
        unchanged = _dump(yaml, yaml.load(self.text))
        return splice(self.text, unchanged, changed)

    def encoded(self) -> bytes:
        """Return the changed file's bytes, in the encoding and line ends it was read with."""
        text = self.dumps()
        if self.crlf:
            text = text.replace("\n", "\r\n")
        raw = text.encode(self.encoding)
        return codecs.BOM_UTF8 + raw if self.bom else raw


def read(path: Path) -> YamlDocument:
    """Read ``path`` for changing; raise DataError if it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DataError([Problem(path, None, None, f"无法读取文件：{e.strerror or e}")]) from e
    text, problems = decode(raw, path)
    if text is None:
        raise DataError(problems)
    try:
        raw.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = "gb18030"
    data = _yaml().load(text)
    return YamlDocument(path, text, data, encoding, raw.startswith(codecs.BOM_UTF8), b"\r\n" in raw)


def _dump(yaml: YAML, data: Any) -> str:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def splice(original: str, unchanged: str, changed: str) -> str:
    """Apply the edits that turn ``unchanged`` into ``changed`` to ``original``.

    ``unchanged`` is the writer's rendering of ``original``; where the two agree (almost always
    everywhere) the writer's changed lines replace the original ones, and where they differ the
    original lines are kept. If an edit falls where they differ, the writer's text is used whole.
    """
    if unchanged == original:
        return changed
    old, ours, new = (t.splitlines(keepends=True) for t in (original, unchanged, changed))
    # Where each line of the writer's rendering stands in the original, where they agree.
    place: dict[int, int] = {}
    for block in difflib.SequenceMatcher(None, ours, old, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            place[block.a + k] = block.b + k
    result = list(old)
    edits = difflib.SequenceMatcher(None, ours, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(edits):
        if tag == "equal":
            continue
        lines = range(i1, i2)
        if not all(i in place for i in lines) or (i1 == i2 and i1 - 1 not in place and i1):
            return changed
        if i1 < i2:
            start, end = place[i1], place[i2 - 1] + 1
            if end - start != i2 - i1:
                return changed
        else:
            start = end = place[i1 - 1] + 1 if i1 else 0
        result[start:end] = new[j1:j2]
    return "".join(result)

"""One id pattern, matched whole: a trailing newline or a capital never makes an id."""

from __future__ import annotations

import pytest

from zsdreport.figures.references import expand, references
from zsdreport.schema.base import is_identifier


@pytest.mark.parametrize("text", ["done", "a", "done_rate", "x2"])
def test_ids(text: str) -> None:
    assert is_identifier(text)


@pytest.mark.parametrize("text", ["done\n", "\ndone", " done", "Done", "_done", "2x", "", "dóne"])
def test_not_ids(text: str) -> None:
    assert not is_identifier(text)


def test_a_reference_is_exactly_brace_id_brace() -> None:
    text = "{done}{done\n}{Done}{ done}{done_rate}｛done｝"
    assert [m.group(1) for m in references(text)] == ["done", "done_rate"]
    assert expand(text, {"done": "5件", "done_rate": "99.6%"}) == (
        "5件{done\n}{Done}{ done}99.6%｛done｝"
    )

"""The tracked-changes .docx: accept all gives NEW exactly, reject all gives OLD, Word can open it."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest

from tests.compare.test_second_period import SECOND
from tests.compare.word_view import paragraphs, resolve, revisions
from tests.conftest import DATA, require_client
from zsdreport.build import build
from zsdreport.compare.output import diff_output

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def tracked() -> bytes:
    return diff_output(DATA, SECOND, "docx")[0]


def built_docx(data: Path, out: Path) -> bytes:
    (path,) = build(data, out, "docx").outputs
    return path.read_bytes()


def test_accepting_every_change_gives_the_new_report(tracked: bytes, tmp_path: Path) -> None:
    assert paragraphs(resolve(tracked, accept=True)) == paragraphs(built_docx(SECOND, tmp_path))


def test_rejecting_every_change_gives_the_old_report(tracked: bytes, tmp_path: Path) -> None:
    assert paragraphs(resolve(tracked, accept=False)) == paragraphs(built_docx(DATA, tmp_path))


def test_revisions_carry_author_date_and_deleted_text(tracked: bytes) -> None:
    marks = revisions(tracked)
    assert len(marks) > 30
    assert {m.get(f"{W}author") for m in marks} == {"中共溆浦县祖师殿镇委员会"}
    assert {m.get(f"{W}date") for m in marks} == {"2024-01-10T00:00:00Z"}
    ids = [m.get(f"{W}id") for m in marks]
    assert len(set(ids)) == len(ids)
    deletions = [m for m in marks if m.tag == f"{W}del" and m.getparent().tag != f"{W}rPr"]
    assert deletions and all(
        m.find(f".//{W}delText") is not None and m.find(f".//{W}t") is None for m in deletions
    )


def test_a_changed_figure_is_a_deletion_of_the_old_and_an_insertion_of_the_new(
    tracked: bytes,
) -> None:
    marks = revisions(tracked)
    pairs = [
        ("".join(m.itertext()), "".join(n.itertext()))
        for m, n in itertools.pairwise(marks)
        if m.tag == f"{W}del" and n.tag == f"{W}ins" and m.getnext() is n
    ]
    assert ("568", "1203") in pairs  # 办理、代办事项568件 → 1203件
    assert ("99.6%", "99.3%") in pairs  # the computed 办结率


def test_the_author_can_be_chosen() -> None:
    data = diff_output(DATA, SECOND, "docx", author="张三")[0]
    assert {m.get(f"{W}author") for m in revisions(data)} == {"张三"}


@pytest.mark.client
def test_libreoffice_converts_the_tracked_report_to_pdf(tracked: bytes) -> None:
    require_client("soffice", "libreoffice-writer-nogui")
    from pypdf import PdfReader

    from zsdreport.render.pdf import docx_to_pdf

    reader = PdfReader(io.BytesIO(docx_to_pdf(tracked)))
    text = "".join(page.extract_text() for page in reader.pages)
    # LibreOffice prints revisions as shown: the new figure and the struck-out old one.
    assert "1203" in text and "568" in text

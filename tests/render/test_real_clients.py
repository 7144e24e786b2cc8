"""The built report in real software: LibreOffice renders it to PDF, pandoc reads the .docx.

These tests skip locally when the programs are missing, and fail in CI, which installs them.
"""

from __future__ import annotations

import math
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED, require_client
from tests.fidelity import ratio
from zsdreport.build import build

LINE_PITCH = 28.95
A4 = (595.3, 841.9)
MM = 25.4 / 72  # millimetres per point
TOP_MARGIN = 37 / MM
PAGE_NUMBER = re.compile(r"^— (\d+) —$")


@dataclass
class Line:
    text: str
    x_min: float
    x_max: float
    y_min: float
    y_max: float


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_client("soffice", "libreoffice-writer-nogui")
    result = build(DATA, tmp_path_factory.mktemp("pdf"), "docx,pdf")
    return {p.suffix.lstrip("."): p for p in result.outputs}


@pytest.fixture(scope="module")
def pdf(outputs: dict[str, Path]) -> Path:
    return outputs["pdf"]


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[Page]:
    require_client("pdftotext", "poppler-utils")
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    result = []
    for page in root.iter(f"{{{ns['x']}}}page"):
        lines = []
        for line in page.iter(f"{{{ns['x']}}}line"):
            words = [w.text or "" for w in line.iter(f"{{{ns['x']}}}word")]
            lines.append(
                Line(
                    " ".join(words),
                    float(line.get("xMin", 0)),
                    float(line.get("xMax", 0)),
                    float(line.get("yMin", 0)),
                    float(line.get("yMax", 0)),
                )
            )
        result.append(
            Page(
                float(page.get("width", 0)),
                float(page.get("height", 0)),
                sorted(lines, key=lambda line: line.y_min),
            )
        )
    return result


def body_rows(page: Page) -> dict[int, list[str]]:
    """Return the text lines of the page's body by grid row (1 = first line below the top margin).

    A line belongs to the row its vertical centre falls in; the page number is left out.
    """
    rows: dict[int, list[str]] = {}
    for line in page.lines:
        if PAGE_NUMBER.match(line.text.strip()):
            continue
        centre = (line.y_min + line.y_max) / 2
        row = math.floor((centre - TOP_MARGIN) / LINE_PITCH) + 1
        offset = (centre - TOP_MARGIN) / LINE_PITCH - (row - 0.5)
        assert abs(offset) < 0.3, f"line {line.text[:10]!r} sits between grid rows"
        rows.setdefault(row, []).append(line.text)
    return rows


def test_pages_are_a4(pages: list[Page]) -> None:
    assert pages
    for page in pages:
        assert abs(page.width - A4[0]) < 1 and abs(page.height - A4[1]) < 1


def test_every_page_has_at_most_22_lines_on_the_grid(pages: list[Page]) -> None:
    """A page before the last may end a line or two early where a keep or widow rule moved
    lines on; test_print_proof names the rule for every such page."""
    assert len(pages) > 1
    for number, page in enumerate(pages[:-1], 1):
        rows = body_rows(page)
        assert min(rows) >= 1 and 20 <= max(rows) <= 22, (
            f"page {number}: rows {min(rows)}..{max(rows)}"
        )
    assert max(body_rows(pages[-1])) <= 22


def test_page_numbers_on_every_page_odd_right_even_left(pages: list[Page]) -> None:
    for number, page in enumerate(pages, 1):
        marks = [line for line in page.lines if PAGE_NUMBER.match(line.text.strip())]
        assert len(marks) == 1, f"page {number}: page number missing"
        mark = marks[0]
        assert PAGE_NUMBER.match(mark.text.strip())[1] == str(number)  # type: ignore[index]
        if number % 2:
            assert mark.x_min > page.width / 2, f"page {number} is odd: number belongs on the right"
        else:
            assert mark.x_max < page.width / 2, f"page {number} is even: number belongs on the left"
        block_bottom = page.height - 35 / MM
        dash = (mark.y_min + mark.y_max) / 2
        assert abs(dash - (block_bottom + 7 / MM)) < 1 / MM, (
            "the dash sits 7 mm (±1) below the text block"
        )


def test_page_count_follows_from_the_text_length(
    pages: list[Page], outputs: dict[str, Path], report_figure: Callable[[str], None]
) -> None:
    """28 字 a line, 22 lines a page: the page count is what the text's length predicts."""
    import docx

    unindented = {"Title", "署名", "成文日期"}
    lines = 0
    for paragraph in docx.Document(str(outputs["docx"])).paragraphs:
        indent = 0 if paragraph.style.name in unindented or not paragraph.text else 2
        width = sum(0.5 if ord(c) < 0x2E80 else 1 for c in paragraph.text) + indent
        lines += max(1, math.ceil(width / 28))
    assert len(pages) == math.ceil(lines / 22)
    report_figure(f"LibreOffice PDF: {len(pages)} A4 pages for {lines} lines of text")


@pytest.fixture(scope="module")
def docx_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .docx alone: the pandoc test needs pandoc, not LibreOffice."""
    return build(DATA, tmp_path_factory.mktemp("docx"), "docx").outputs[0]


def test_pandoc_reads_the_docx_text_intact(
    docx_only: Path, report_figure: Callable[[str], None]
) -> None:
    require_client("pandoc", "pandoc")
    docx_path = docx_only
    text = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(docx_path)],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    value = ratio(SEED.read_text(encoding="utf-8"), text)
    report_figure(f"fidelity of the .docx text as pandoc reads it: {value:.4f}")
    assert value >= 0.995

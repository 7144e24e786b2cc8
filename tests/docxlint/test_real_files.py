"""Real .docx files: one made by pandoc from the seed text, and one built by zsdreport itself."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED, require_client
from tests.docxlint.conftest import failing
from tests.golden import assert_golden
from zsdreport.check.validate import load_report
from zsdreport.document.outline import outline
from zsdreport.docxlint import LintResult, format_result, lint_docx
from zsdreport.render.docx import render_docx


def pandoc_docx(tmp_path: Path, lines: list[str]) -> Path:
    """Return a .docx that pandoc makes from Markdown ``lines``, one paragraph each."""
    pandoc = require_client("pandoc", "pandoc")
    source = tmp_path / "seed.md"
    source.write_text("\n\n".join(lines), encoding="utf-8")
    path = tmp_path / "seed.docx"
    subprocess.run(
        [pandoc, "-f", "markdown", str(source), "-o", str(path)], check=True, capture_output=True
    )
    return path


def seed_lines() -> list[str]:
    """Return the clerk's text one paragraph a line, as it was typed in Word."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [line.replace("(", "\\(") for line in lines if line.strip()]


@pytest.mark.client
def test_a_pandoc_docx_of_the_seed_fails_page_font_and_page_number_rules(tmp_path: Path) -> None:
    result = lint_docx(pandoc_docx(tmp_path, seed_lines()))
    # The seed typed in Word the way pandoc lays it out: Letter paper, theme fonts, 12 pt
    # single-spaced text, "(一)" with ASCII brackets, no page numbers, no date, headings
    # that do not keep with the next paragraph, Chinese text in Cambria.
    assert failing(result) == {
        "page.size",
        "page.margins",
        "font.east-asia",
        "font.latin",
        "font.size",
        "font.table",
        "line.pitch",
        "line.chars",
        "para.spacing",
        "para.indent",
        "title.align",
        "marker.chars",
        "keep.heading",
        "page-number.field",
        "page-number.position",
        "footer.distance",
        "closing.date",
        "closing.align",
        "punct.width",
        "punct.hyphen",
        "core.props",
    }, format_result(result)
    # pandoc's reference.docx leaves the East Asian slot to a theme font.
    assert "主题字体" in result["font.east-asia"].details[0]
    assert "Cambria" in result["font.table"].details[0]
    assert result.exit_code == 1


@pytest.mark.client
def test_a_pandoc_docx_with_items_as_headings_fails_the_outline_rule(tmp_path: Path) -> None:
    """Styled the way many clerks do it, with Word's heading styles on every numbered line."""
    marks = (
        ("### ", r"^[0-9]+\."),
        ("## ", r"^\\?[（(][一二三四五六七八九十]+"),
        ("# ", r"^[一二三四五六七八九十]+、"),
    )
    lines = []
    for line in seed_lines():
        prefix = next((p for p, pattern in marks if re.match(pattern, line)), "")
        lines.append(prefix + line)
    result = lint_docx(pandoc_docx(tmp_path, lines))
    checked = {r.rule_id: r for r in result}
    # pandoc's heading styles keep with the next paragraph, but list whole 1. paragraphs.
    assert checked["keep.heading"].passed
    assert not checked["outline.body"].passed
    assert "大纲级别 3 级" in checked["outline.body"].details[0]
    assert not checked["font.table"].passed


def lint_built(data: Path, path: Path) -> LintResult:
    """Build the .docx of the period in ``data`` at ``path`` and check it."""
    report, problems = load_report(data)
    assert report is not None, problems
    path.write_bytes(render_docx(outline(report), report.meta.style))
    return lint_docx(path)


def test_a_report_built_by_zsdreport_passes_every_rule(tmp_path: Path, update_golden: bool) -> None:
    path = tmp_path / "2023H1.docx"
    result = lint_built(DATA, path)
    assert failing(result) == set(), format_result(result)
    assert_golden(
        "lint-docx-2023H1.txt",
        format_result(result, verbose=True).replace(str(path), "2023H1.docx"),
        update_golden,
    )


def test_our_signature_placement_agrees_with_the_checker(tmp_path: Path) -> None:
    """Writer and checker count 字 alike: Latin letters in an organ's name count ½."""
    root = tmp_path / "mini"
    shutil.copytree(Path(__file__).parent.parent / "data" / "mini", root)
    report_file = root / "report.yaml"
    text = report_file.read_text(encoding="utf-8")
    text = text.replace(
        "  - 中共溆浦县祖师殿镇委员会\n  - 溆浦县祖师殿镇人民政府", "  - ABCD镇人民政府"
    )
    assert "ABCD" in text
    report_file.write_text(text, encoding="utf-8")
    result = lint_built(root, tmp_path / "abcd.docx")
    assert failing(result) == set(), format_result(result)

"""Golden files for what users see: the Markdown and a paragraph dump of the .docx."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.golden import assert_golden
from zsdreport.build import render
from zsdreport.check.validate import load_report
from zsdreport.document.outline import outline


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    report, problems = load_report(DATA)
    assert report is not None, [p.format() for p in problems]
    return render(outline(report), report, ["md", "docx"])


def docx_dump(content: bytes) -> str:
    """Return one line per paragraph: style name, effective alignment and text (footers too)."""
    import docx
    import docx.text.paragraph

    def line(p: docx.text.paragraph.Paragraph) -> str:
        align = p.alignment if p.alignment is not None else p.style.paragraph_format.alignment
        return f"{p.style.name} | {align} | {p.text}"

    document = docx.Document(io.BytesIO(content))
    lines = [line(p) for p in document.paragraphs]
    section = document.sections[0]
    for name, footer in (("odd footer", section.footer), ("even footer", section.even_page_footer)):
        lines += [f"{name}: {line(p)}" for p in footer.paragraphs]
    return "\n".join(lines) + "\n"


def test_markdown_is_pinned(rendered: dict[str, bytes], update_golden: bool) -> None:
    assert_golden("2023H1.md", rendered["md"].decode("utf-8"), update_golden)


def test_docx_paragraphs_are_pinned(rendered: dict[str, bytes], update_golden: bool) -> None:
    assert_golden("2023H1.docx.txt", docx_dump(rendered["docx"]), update_golden)


def test_custom_templates_change_the_layout_without_code(tmp_path: Path) -> None:
    from zsdreport.build import build
    from zsdreport.render.template_folder import TEMPLATE, export_templates

    custom = tmp_path / "templates"
    export_templates(custom)
    template = (custom / TEMPLATE).read_text(encoding="utf-8")
    numbered = "## [{{ n | marker(1) }}]{.marker}"
    assert template.count(numbered) == 2
    template = template.replace(numbered, "## [第{{ n | chinese }}部分　]{.marker}")
    (custom / TEMPLATE).write_text(template, encoding="utf-8")
    result = build(DATA, tmp_path / "out", "md,docx", custom)
    files = {p.suffix: p for p in result.outputs}
    markdown = files[".md"].read_text(encoding="utf-8")
    assert "## 第一部分　上半年工作开展情况" in markdown
    assert "## 第四部分　下半年工作打算" in markdown
    dump = docx_dump(files[".docx"].read_bytes())
    assert "Heading 1 | None | 第一部分　上半年工作开展情况" in dump.splitlines()
    assert "Heading 1 | None | 第四部分　下半年工作打算" in dump.splitlines()

"""Reading errors, the printed report and the exit code."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx.document import Document as DocumentObject
from docx.shared import Mm

from tests.docxlint.samples import save
from zsdreport.docxlint import DocxReadError, LintResult, RuleResult, format_result, lint_docx
from zsdreport.errors import EXIT_DATA, EXIT_USAGE, UsageError, ZsdError


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "缺失.docx"
    with pytest.raises(UsageError) as caught:
        lint_docx(path)
    assert str(caught.value) == f"找不到文件 {path}"
    assert caught.value.exit_code == EXIT_USAGE


def test_a_folder_is_not_a_docx(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=re.escape("是文件夹，不是 .docx 文件")):
        lint_docx(tmp_path)


def test_a_text_file_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text("不是 Word 文件", encoding="utf-8")
    with pytest.raises(DocxReadError) as caught:
        lint_docx(path)
    assert str(caught.value) == (
        f"无法读取 {path}：不是 Word 文档（.docx）或文件已损坏；请用 Word 或 WPS 打开后另存为 .docx 再检查"
    )
    assert isinstance(caught.value, ZsdError)
    assert caught.value.exit_code == EXIT_DATA


def test_an_old_doc_file_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(DocxReadError) as caught:
        lint_docx(path)
    assert str(caught.value) == (
        f"无法读取 {path}：不是 Word 文档（.docx）或文件已损坏；旧版 .doc 文件请先用 Word 或 WPS 另存为 .docx"
    )


def test_a_zip_that_is_not_word_fails(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DocxReadError, match=re.escape("不是 Word 文档（.docx）或文件已损坏；")):
        lint_docx(path)


def test_a_file_that_may_not_be_read_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(DocxReadError) as caught:
        lint_docx(path)
    assert str(caught.value) == f"无法读取 {path}：没有读取权限"


@pytest.mark.parametrize(
    "content",
    [b"not a zip", b"PK\x03\x04 truncated", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)],
    ids=["text", "truncated-zip", "ole"],
)
def test_no_english_reaches_the_message(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    with pytest.raises(DocxReadError) as caught:
        lint_docx(path)
    message = str(caught.value)
    for name in (str(path), ".docx", "Word", "WPS"):
        message = message.replace(name, "")
    assert not re.search("[A-Za-z]", message), message


def test_the_report_of_a_conforming_file(doc: DocumentObject, tmp_path: Path) -> None:
    path = save(doc, tmp_path)
    text = format_result(lint_docx(path))
    lines = text.splitlines()
    assert lines[0] == f"{path}：按 GB/T 9704-2012 检查"
    assert lines[1] == "✓ page.size 纸张为 A4"
    assert all(line.startswith("✓ ") for line in lines[1:-1])
    assert lines[-1] == "共 28 条规则：通过 28，失败 0，警告 0"


def test_the_report_marks_errors_and_warnings(doc: DocumentObject, tmp_path: Path) -> None:
    doc.sections[0].bottom_margin = Mm(33)
    doc.sections[0].footer_distance = Mm(12.7)
    result = lint_docx(save(doc, tmp_path))
    lines = format_result(result).splitlines()
    assert lines[2:4] == [
        "✗ page.margins 页边距：上 37 mm、下 35 mm、左 28 mm、右 26 mm",
        "    下页边距为 33.0 mm，应为 35.0 mm（允许 ±1 mm）",
    ]
    assert "! footer.distance 页脚距离约 23 mm（页码在版心下 7 mm）" in lines
    assert lines[-1] == "共 28 条规则：通过 26，失败 1，警告 1"
    assert result.exit_code == 1


def test_verbose_shows_what_passed_rules_measured(doc: DocumentObject, tmp_path: Path) -> None:
    text = format_result(lint_docx(save(doc, tmp_path)), verbose=True)
    assert "✓ closing.date 成文日期格式\n    成文日期：2024年6月30日" in text


def test_warnings_alone_keep_the_exit_code_zero() -> None:
    result = LintResult(Path("x.docx"), [RuleResult("a", "甲", False, "warning", ["提示"])])
    assert result.exit_code == 0
    assert format_result(result).splitlines()[1:] == [
        "! a 甲",
        "    提示",
        "共 1 条规则：通过 0，失败 0，警告 1",
    ]

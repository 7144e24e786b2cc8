from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import DATA, require_client
from zsdreport.build import render
from zsdreport.check.validate import load_report
from zsdreport.document.outline import outline
from zsdreport.errors import OutputError
from zsdreport.render.fonts import missing_fonts
from zsdreport.render.pdf import docx_to_pdf
from zsdreport.schema import StyleProfile


def report_docx() -> bytes:
    report, _ = load_report(DATA)
    assert report is not None
    return render(outline(report), report, ["docx"])["docx"]


def test_two_conversions_at_once_do_not_collide() -> None:
    require_client("soffice", "libreoffice-writer-nogui")
    docx = report_docx()
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(lambda _: docx_to_pdf(docx), range(2)))
    assert all(pdf.startswith(b"%PDF-") for pdf in pdfs)


def test_a_hung_conversion_is_stopped(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    from pathlib import Path

    fake = Path(str(tmp_path)) / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("ZSD_SOFFICE", str(fake))
    with pytest.raises(OutputError, match="LibreOffice 转换 PDF 超时（1 秒）"):
        docx_to_pdf(b"PK", timeout=1)


def test_a_failed_conversion_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    from pathlib import Path

    fake = Path(str(tmp_path)) / "soffice"
    fake.write_text(
        "#!/bin/sh\necho 'source file could not be loaded' >&2\nexit 1\n", encoding="utf-8"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("ZSD_SOFFICE", str(fake))
    with pytest.raises(OutputError, match=r"退出码 1.*source file could not be loaded"):
        docx_to_pdf(b"PK")


@pytest.mark.parametrize(
    ("font_set", "families", "missing"),
    [
        ("gb2312", {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"}, []),
        (
            "gb2312",
            {"仿宋", "楷体", "黑体", "宋体"},
            ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312"],
        ),
        ("windows", {"仿宋", "楷体", "黑体", "宋体"}, ["方正小标宋简体"]),
        (
            "founder",
            set(),
            ["方正小标宋_GBK", "方正仿宋_GBK", "方正黑体_GBK", "方正楷体_GBK", "宋体"],
        ),
    ],
)
def test_missing_fonts_per_font_set(font_set: str, families: set[str], missing: list[str]) -> None:
    style = StyleProfile.model_validate({"font_set": font_set})
    assert missing_fonts(style, families) == missing


def test_a_pdf_build_warns_about_fonts_this_machine_lacks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from pathlib import Path

    from zsdreport import build as build_module
    from zsdreport.render import fonts

    monkeypatch.setattr(fonts, "installed_families", lambda: {"宋体", "黑体"})
    monkeypatch.setattr("zsdreport.render.pdf.docx_to_pdf", lambda docx: b"%PDF-1.7 stub")
    result = build_module.build(DATA, Path(str(tmp_path)), "pdf")
    assert [w.message for w in result.warnings if "字体" in w.message] == [
        "本机没有安装字体 方正小标宋简体、仿宋_GB2312、楷体_GB2312，PDF 中会用其他字体代替；"
        "Word 文档只记录字体名称，在装有这些字体的电脑上打印不受影响"
    ]

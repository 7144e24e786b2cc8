"""PDF export through LibreOffice headless, with a private profile and a bounded time."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from zsdreport.errors import OutputError

TIMEOUT_SECONDS = 180
PROGRAMS = ("soffice", "libreoffice")
INSTALL_HINT = "请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui）"


def find_libreoffice() -> str | None:
    """Return the LibreOffice program on PATH (or named by $ZSD_SOFFICE), if any."""
    named = os.environ.get("ZSD_SOFFICE")
    if named:
        return named if shutil.which(named) else None
    for program in PROGRAMS:
        path = shutil.which(program)
        if path:
            return path
    return None


def docx_to_pdf(docx: bytes, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """Convert .docx bytes to PDF bytes with LibreOffice headless.

    Each conversion gets its own user profile folder, so two builds at once don't collide.
    """
    program = find_libreoffice()
    if program is None:
        raise OutputError(f"生成 PDF 需要 LibreOffice，但本机没有找到：{INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="zsd-pdf-") as work:
        folder = Path(work)
        source = folder / "report.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
            )
        except subprocess.TimeoutExpired as e:
            raise OutputError(f"LibreOffice 转换 PDF 超时（{timeout:.0f} 秒）") from e
        except OSError as e:
            raise OutputError(f"无法运行 LibreOffice（{program}）：{e}") from e
        pdf = folder / "report.pdf"
        if result.returncode != 0 or not pdf.is_file():
            detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()[-300:]
            raise OutputError(f"LibreOffice 转换 PDF 失败（退出码 {result.returncode}）：{detail}")
        return pdf.read_bytes()

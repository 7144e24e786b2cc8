"""PDF export through LibreOffice headless, with a private profile and a bounded time.

The .docx goes to PDF by way of a flat ODF file (.fodt), so that two settings LibreOffice does
not take from a .docx can be made to match it: no automatic space between Chinese and
digits/Latin (Word's ``autoSpaceDE/DN="0"``, which LibreOffice ignores; it moved the 成文日期
a whole 字 left), and no punctuation hanging past the right margin (LibreOffice drops hanging
marks at the end of a full line from its PDFs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from zsdreport.errors import OutputError

TIMEOUT_SECONDS = 180
PROGRAMS = ("soffice", "libreoffice")
INSTALL_HINT = "请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui）"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
# Set on every paragraph style of the .fodt before it is printed.
PRINT_SETTINGS = {"text-autospace": "none", "punctuation-wrap": "simple"}


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
    """Convert .docx bytes to PDF bytes with LibreOffice headless."""
    return docx_to_pdfs([docx], timeout)[0]


def docx_to_pdfs(files: Sequence[bytes], timeout: float = TIMEOUT_SECONDS) -> list[bytes]:
    """Convert several .docx to PDF in two LibreOffice runs in all (.docx → .fodt → .pdf).

    Each call gets its own user profile folder, so two builds at once don't collide;
    ``timeout`` bounds each of the two runs.
    """
    program = find_libreoffice()
    if program is None:
        raise OutputError(f"生成 PDF 需要 LibreOffice，但本机没有找到：{INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="zsd-pdf-") as work:
        folder = Path(work)
        sources = [folder / f"report-{n}.docx" for n in range(len(files))]
        for source, data in zip(sources, files, strict=True):
            source.write_bytes(data)
        flats = _convert(program, folder, "fodt", sources, timeout)
        for flat in flats:
            flat.write_bytes(print_ready(flat.read_bytes()))
        return [pdf.read_bytes() for pdf in _convert(program, folder, "pdf", flats, timeout)]


def print_ready(fodt: bytes) -> bytes:
    """Return the flat ODF text with auto-spacing and hanging punctuation off in every style."""
    from lxml import etree  # type: ignore[import-untyped]

    root = etree.fromstring(fodt, etree.XMLParser(huge_tree=True))
    for props in root.iter(f"{{{STYLE_NS}}}paragraph-properties"):
        for name, value in PRINT_SETTINGS.items():
            props.set(f"{{{STYLE_NS}}}{name}", value)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return data


def _convert(
    program: str, folder: Path, target: str, sources: list[Path], timeout: float
) -> list[Path]:
    """Run LibreOffice once to convert ``sources`` to ``target``; return the new files."""
    command = [
        program,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(folder),
        *map(str, sources),
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired as e:
        raise OutputError(f"LibreOffice 转换 PDF 超时（{timeout:.0f} 秒）") from e
    except OSError as e:
        raise OutputError(f"无法运行 LibreOffice（{program}）：{e}") from e
    made = [source.with_suffix(f".{target}") for source in sources]
    if result.returncode != 0 or not all(path.is_file() for path in made):
        detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()[-300:]
        raise OutputError(f"LibreOffice 转换 PDF 失败（退出码 {result.returncode}）：{detail}")
    return made

"""Render pages 1 and 2 of the built 2023H1 report as PNG for the README (needs LibreOffice, poppler)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def main() -> int:
    import os

    from zsdreport.build import build

    # Stand-in fonts of the right kind for the GB/T 9704 fonts this machine lacks.
    os.environ.setdefault("FONTCONFIG_FILE", str(DOCS / "fonts.conf"))
    if shutil.which("pdftoppm") is None:
        print("需要 pdftoppm（Debian 软件包 poppler-utils）", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        result = build(ROOT / "data" / "2023H1", Path(work), "pdf")
        (pdf,) = result.outputs
        for page in (1, 2):
            stem = DOCS / f"page-{page}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(pdf),
                    str(stem),
                ],
                check=True,
            )
            print(f"已生成 {stem}.png")
        _revisions_page(Path(work))
    return 0


def _revisions_page(work: Path) -> None:
    """Render pages 1 and 5 of the tracked-changes report (2023H1 → tests/data/2023H2)."""
    from zsdreport.compare.output import diff_output
    from zsdreport.render.pdf import docx_to_pdf

    tracked, _ = diff_output(ROOT / "data" / "2023H1", ROOT / "tests" / "data" / "2023H2", "docx")
    pdf = work / "revisions.pdf"
    pdf.write_bytes(docx_to_pdf(tracked))
    # Page 1: the changed title and the inserted 对比表; page 5: the rewritten sentence.
    for page in (1, 5):
        stem = DOCS / f"revisions-{page}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
             str(pdf), str(stem)],
            check=True,
        )  # fmt: skip
        print(f"已生成 {stem}.png")


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: where a build spends its time, and how it scales. Prints ratios from one run.

Absolute times on these machines are noisy, so every figure is a ratio of two timings taken
side by side in the same run (median of several repeats).
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2023H1"
REPEATS = 5


def median_seconds(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """Return the median wall time of ``action`` over ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scaled_copy(target: Path, factor: int) -> Path:
    """Write a period with every area of 一 repeated ``factor`` times (metric ids made unique)."""
    shutil.copytree(DATA, target)
    report = (target / "report.yaml").read_text(encoding="utf-8")
    areas = re.search(r"^    files:\n((?:      - .*\n)+)", report, re.M)
    assert areas is not None, "report.yaml lists the areas of 一 under files:"
    names = re.findall(r"- (\S+)", areas.group(1))
    copies = []
    for k in range(1, factor):
        for name in names:
            text = (target / f"{name}.yaml").read_text(encoding="utf-8")
            ids = re.findall(r"^  ([a-z][a-z0-9_]*): \{", text, re.M)
            for metric in sorted(ids, key=len, reverse=True):
                text = re.sub(rf"\b{metric}\b", f"{metric}_x{k}", text)
            (target / f"{name}-x{k}.yaml").write_text(text, encoding="utf-8")
            copies.append(f"{name}-x{k}")
    listing = "".join(f"      - {name}\n" for name in names + copies)
    (target / "report.yaml").write_text(report.replace(areas.group(1), listing), encoding="utf-8")
    return target


def cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "zsdreport", *args], check=True, capture_output=True)


def main() -> None:
    from zsdreport.build import build, check

    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out"
        bare = median_seconds(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
        help_time = median_seconds(lambda: cli("--help"))
        check_cli = median_seconds(lambda: cli("check", str(DATA)))
        print(f"start-up: `zsdreport --help` / bare python       = {help_time / bare:5.2f}")
        print(f"start-up: `zsdreport check` / `zsdreport --help`  = {check_cli / help_time:5.2f}")

        t_check = median_seconds(lambda: check(DATA))
        t_md = median_seconds(lambda: build(DATA, out, "md"))
        t_docx = median_seconds(lambda: build(DATA, out, "md,docx"))
        print(f"in-process: build md / check                      = {t_md / t_check:5.2f}")
        print(f"in-process: build md+docx / build md               = {t_docx / t_md:5.2f}")

        from zsdreport.document.outline import outline

        big = scaled_copy(Path(work) / "x8", 8)
        size = len(outline(check(big)[0]).blocks) / len(outline(check(DATA)[0]).blocks)
        t_big = median_seconds(lambda: build(big, out, "md,docx"), repeats=3)
        print(
            f"scaling: paragraphs x{size:.2f} -> build time x{t_big / t_docx:.2f} (per paragraph {t_big / t_docx / size:.2f})"
        )


if __name__ == "__main__":
    main()

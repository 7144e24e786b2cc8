"""`check` takes time in proportion to its input: no scan of user text is quadratic.

Every figure is a ratio of two timings taken side by side (best of three, so that a busy
machine slows both alike): the time per unit of input at 10× and 30× must stay within
FACTOR of the time per unit at 1×. A quadratic scan makes that ratio grow with the size
(10× and 30× for 10× and 30× the input), far past the factor.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.check.conftest import MINI
from tests.conftest import DATA, write_tree
from zsdreport.check.validate import load_report

FACTOR = 3.0
REPEATS = 3


def _best_seconds(action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _check_seconds(root: Path) -> float:
    return _best_seconds(lambda: load_report(root))


def _scaled(root: Path, factor: int) -> Path:
    """Write the shipped period with every section file repeated ``factor`` times."""
    shutil.copytree(DATA, root)
    report = (root / "report.yaml").read_text(encoding="utf-8")
    names = [p.stem for p in sorted(root.glob("*.yaml")) if p.name != "report.yaml"]
    copies = []
    for k in range(1, factor):
        for name in names:
            text = (root / f"{name}.yaml").read_text(encoding="utf-8")
            for metric in re.findall(r"^  ([a-z][a-z0-9_]*): \{", text, re.M):
                text = re.sub(rf"(?<![a-z0-9_]){metric}(?![a-z0-9_])", f"{metric}_x{k}", text)
            (root / f"{name}-x{k}.yaml").write_text(text, encoding="utf-8")
            copies.append(f"{name}-x{k}")
    extra = "".join(
        f"  - heading: 第{k}组\n    files: [{', '.join(c for c in copies if c.endswith(f'-x{k}'))}]\n"
        for k in range(1, factor)
    )
    sections = re.search(r"^sections:\n(?:  .*\n)+", report, re.M)
    assert sections is not None
    report = report.replace(sections.group(), sections.group() + extra)
    (root / "report.yaml").write_text(report, encoding="utf-8")
    return root


def _flood(root: Path, text: str) -> Path:
    """Write MINI with one paragraph made of ``text`` (quoted, on one line)."""
    problems = (
        f"heading: 存在问题及不足\npoints:\n  - lead: 村级工作力量相对薄弱。\n    text: '{text}'\n"
    )
    return write_tree(root, {**MINI, "problems.yaml": problems})


def _assert_linear(
    name: str, sizes: tuple[int, ...], seconds: list[float], record: Callable[[str], None]
) -> None:
    unit = seconds[0] / sizes[0]
    ratios = [(t / size) / unit for size, t in zip(sizes, seconds, strict=True)]
    shown = ", ".join(
        f"{size // sizes[0]}×: {r:.2f}" for size, r in zip(sizes, ratios, strict=True)
    )
    record(f"linear time, {name}: time per unit relative to 1× = {shown}")
    assert max(ratios) <= FACTOR, shown


def test_check_scales_linearly_with_the_report(
    tmp_path: Path, report_figure: Callable[[str], None]
) -> None:
    sizes = (1, 10, 30)
    roots = [_scaled(tmp_path / f"x{n}", n) for n in sizes]
    for root in roots:
        report, problems = load_report(root)
        assert report is not None, [p.format() for p in problems if p.is_error]
    _assert_linear("whole report", sizes, [_check_seconds(r) for r in roots], report_figure)


FLOODS: dict[str, tuple[tuple[int, int], Callable[[int], str]]] = {
    "braces": ((4_000, 40_000), lambda n: "{" * n),
    "unknown references": (
        (1_000, 10_000),
        lambda n: "".join(f"{{undefined_{i}}}" for i in range(n)),
    ),
    "one long reference": ((30_000, 300_000), lambda n: "{" + "a" * n + "}"),
    "typed numbers": ((1_000, 10_000), lambda n: "办理12件，" * n),
}


@pytest.mark.parametrize("flood", list(FLOODS), ids=lambda f: f.replace(" ", "-"))
def test_floods_are_checked_in_linear_time(
    flood: str, tmp_path: Path, report_figure: Callable[[str], None]
) -> None:
    sizes, make = FLOODS[flood]
    roots = [_flood(tmp_path / str(n), make(n)) for n in sizes]
    report, problems = load_report(roots[1])
    assert report is None or flood == "typed numbers"
    assert all("内部错误" not in p.message for p in problems)
    _assert_linear(flood, sizes, [_check_seconds(r) for r in roots], report_figure)

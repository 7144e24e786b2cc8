"""Shared fixtures: small data trees written inline, the shipped data, and real clients."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2023H1"
SEED = Path(__file__).resolve().parent / "seed" / "2023H1-report.txt"


def in_ci() -> bool:
    """Tell whether this run is CI: only a true value of CI counts (``CI=false`` or ``0`` do not)."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from current output"
    )


def pytest_configure(config: pytest.Config) -> None:
    # Golden files rewritten in CI would make every golden test pass whatever the output.
    if config.getoption("--update-golden") and in_ci():
        raise pytest.UsageError(
            "--update-golden is refused in CI: golden files are reviewed by hand"
        )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (relative name → text or bytes) under ``root``; text is dedented UTF-8."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path: Path) -> Callable[[Mapping[str, str | bytes]], Path]:
    """Return a function that writes a data folder under tmp_path and returns it."""

    def make(files: Mapping[str, str | bytes]) -> Path:
        return write_tree(tmp_path / "data", files)

    return make


@pytest.fixture
def shipped_data(tmp_path: Path) -> Path:
    """Return a private copy of data/2023H1 that a test may change."""
    target = tmp_path / "2023H1"
    shutil.copytree(DATA, target)
    return target


def require_client(program: str, package: str) -> str:
    """Return the path of ``program``; skip when absent, but fail in CI, where it must run."""
    path = shutil.which(program)
    if path:
        return path
    if in_ci():
        pytest.fail(f"CI must run this test, but {program} is missing (Debian package {package})")
    pytest.skip(f"{program} is not installed (Debian package {package}); CI installs it")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI nothing may be skipped: a skipped real-client test there is a failure."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter is not None else 0
    if in_ci() and skipped and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if reporter is not None:
            reporter.write_line(
                f"CI: {skipped} test(s) were skipped; every test must run in CI", red=True
            )


_FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture
def report_figure(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Return a function that records a measured figure, printed at the end of the run."""

    def record(line: str) -> None:
        request.config.stash.setdefault(_FIGURES, []).append(line)

    return record


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    figures = config.stash.get(_FIGURES, [])
    if figures:
        terminalreporter.section("measured figures")
        for line in figures:
            terminalreporter.write_line(line)

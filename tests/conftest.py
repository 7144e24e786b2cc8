"""Shared fixtures: small data trees written inline, the shipped data, and real clients."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
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


@pytest.fixture(autouse=True, scope="session")
def _own_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the compiled templates of test runs out of the user's cache (and every run fresh)."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache-home"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


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


_VALIDATED = pytest.StashKey[dict[str, list[str]]]()


def ooxml_errors(data: bytes) -> list[str]:
    """Return the OOXML schema errors of a .docx (openxml-audit, Office 2019 schemas)."""
    from openxml_audit import OpenXmlValidator

    with tempfile.TemporaryDirectory(prefix="zsd-ooxml-") as work:
        path = Path(work) / "built.docx"
        path.write_bytes(data)
        result = OpenXmlValidator().validate(path)
    return [str(error) for error in result.errors]


@pytest.fixture(autouse=True)
def _every_built_docx_is_valid_ooxml(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Validate every .docx that render_docx makes during a test; invalid output fails the test."""
    from zsdreport.render import docx_base

    built: list[bytes] = []
    finish = docx_base.zip_members

    # zip_members is render_docx's last step and is looked up in docx_base at each call,
    # so this sees every .docx however a test imported render_docx.
    def recording(members: Mapping[str, bytes], when: datetime) -> bytes:
        out = finish(members, when)
        built.append(out)
        return out

    monkeypatch.setattr(docx_base, "zip_members", recording)
    yield
    seen = request.config.stash.setdefault(_VALIDATED, {})
    for data in built:
        key = hashlib.sha256(data).hexdigest()
        if key not in seen:
            seen[key] = ooxml_errors(data)
        assert seen[key] == [], "the .docx is not valid OOXML:\n" + "\n".join(seen[key][:10])


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    validated = config.stash.get(_VALIDATED, {})
    if validated:
        errors = sum(len(found) for found in validated.values())
        config.stash.setdefault(_FIGURES, []).append(
            f"OOXML schema validation (openxml-audit): {len(validated)} distinct .docx built "
            f"by the tests, {errors} errors"
        )
    figures = config.stash.get(_FIGURES, [])
    if figures:
        terminalreporter.section("measured figures")
        for line in figures:
            terminalreporter.write_line(line)

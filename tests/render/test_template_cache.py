"""Compiled templates kept between runs: used when unchanged, compiled again when not, never unsafe."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA
from zsdreport.build import build
from zsdreport.render import env as env_module
from zsdreport.render.template_cache import bytecode_cache, cache_key
from zsdreport.render.template_folder import export_templates

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record each template Jinja compiles from source."""
    names: list[str] = []
    original = env_module._Environment.compile

    def recording(self: object, source: str, name: str | None = None, *args: object) -> object:
        names.append(str(name))
        return original(self, source, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(env_module._Environment, "compile", recording)
    return names


def markdown(out: Path, templates: Path | None = None) -> bytes:
    (path,) = build(DATA, out, "md", templates).outputs
    return path.read_bytes()


def test_a_second_run_uses_the_compiled_template_and_writes_the_same(
    cache_home: Path, compiles: list[str], tmp_path: Path
) -> None:
    first = markdown(tmp_path / "a")
    assert compiles == ["report.md.j2"]
    assert len(list(cache_home.glob("zsdreport/templates-*/__jinja2_*.cache"))) == 1
    assert markdown(tmp_path / "b") == first
    assert compiles == ["report.md.j2"]  # loaded from the cache, not compiled again


def test_an_edited_template_is_compiled_again(
    cache_home: Path, compiles: list[str], tmp_path: Path
) -> None:
    folder = tmp_path / "tpl"
    export_templates(folder)
    template = folder / "report.md.j2"
    before = markdown(tmp_path / "a", folder).decode("utf-8")
    assert "现将有关情况报告如下：" in before
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("现将有关情况报告如下：", "现将情况报告如下："), "utf-8")
    after = markdown(tmp_path / "b", folder).decode("utf-8")
    assert "现将情况报告如下：" in after and "现将有关情况报告如下：" not in after
    assert compiles == ["report.md.j2", "report.md.j2"]


@pytest.mark.parametrize("keep", [40, 0.5], ids=["in-the-checksum", "in-the-code"])
def test_a_damaged_entry_is_compiled_again(
    keep: float, cache_home: Path, compiles: list[str], tmp_path: Path
) -> None:
    first = markdown(tmp_path / "a")
    for entry in cache_home.glob("zsdreport/templates-*/__jinja2_*.cache"):
        data = entry.read_bytes()
        cut = int(keep if keep >= 1 else len(data) * keep)
        entry.write_bytes(data[:cut] + b"\x00garbage")
    assert markdown(tmp_path / "b") == first
    assert len(compiles) == 2


def test_an_unusable_cache_place_leaves_builds_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert bytecode_cache(Path(env_module.__file__)) is None
    assert b"# " in markdown(tmp_path / "out")


@posix_only
def test_a_folder_others_can_write_or_a_link_is_not_used(cache_home: Path, tmp_path: Path) -> None:
    source = Path(env_module.__file__)
    folder = cache_home / "zsdreport" / f"templates-{cache_key(source)}"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    assert bytecode_cache(source) is None
    folder.rmdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    folder.symlink_to(elsewhere)
    assert bytecode_cache(source) is None
    folder.unlink()
    assert bytecode_cache(source) is not None
    assert os.stat(folder).st_mode & 0o777 == 0o700


def test_the_folder_changes_with_the_code_that_compiles(tmp_path: Path) -> None:
    one, two = tmp_path / "one.py", tmp_path / "two.py"
    one.write_text("x = 1\n", "utf-8")
    two.write_text("x = 2\n", "utf-8")
    assert cache_key(one) != cache_key(two) and cache_key(one) == cache_key(one)

"""The styled base kept between runs: the same bytes as a base made anew, or it is made anew."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx.enum.style import WD_STYLE_TYPE

from tests.conftest import DATA
from tests.render.test_docx import SAMPLE
from zsdreport.build import build
from zsdreport.render import docx_base as base_module
from zsdreport.render.docx import render_docx
from zsdreport.render.docx_base import BODY_MEMBER, docx_base
from zsdreport.render.docx_base_store import BaseEntry, encode, load_entry, slot_for
from zsdreport.schema.style import Fonts, StyleProfile

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
OTHER = StyleProfile(
    font_set="windows", fonts=Fonts(body="仿宋"), heading2_bold=True, item_lead_bold=True
)


@pytest.fixture(autouse=True)
def _fresh_process() -> Iterator[None]:
    """Each build below starts as a new process does: no base in memory."""
    docx_base.cache_clear()
    yield
    docx_base.cache_clear()


@pytest.fixture
def makes(monkeypatch: pytest.MonkeyPatch) -> list[StyleProfile]:
    """Record each base made from python-docx's template (a cache miss)."""
    made: list[StyleProfile] = []
    original = base_module.make_entry

    def recording(style: StyleProfile) -> BaseEntry:
        made.append(style)
        return original(style)

    monkeypatch.setattr(base_module, "make_entry", recording)
    return made


def uncached(style: StyleProfile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> bytes:
    """Render SAMPLE with no cache at all: the cache home is a file, so no folder can be made."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", "utf-8")
    with monkeypatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(blocker))
        assert slot_for(style.model_dump_json()) is None
        docx_base.cache_clear()
        try:
            return render_docx(SAMPLE, style)
        finally:
            docx_base.cache_clear()


def cold(style: StyleProfile) -> bytes:
    """Render SAMPLE as the first build of a new process does (base from the cache if kept)."""
    docx_base.cache_clear()
    return render_docx(SAMPLE, style)


def entry_files(home: Path) -> list[Path]:
    return sorted(home.glob("zsdreport/docx-base-*/*.base"))


def test_the_report_of_2023h1_is_the_same_with_and_without_the_cache(
    cache_home: Path, makes: list[StyleProfile], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def built(out: str) -> bytes:
        docx_base.cache_clear()
        (path,) = build(DATA, tmp_path / out, "docx").outputs
        return path.read_bytes()

    first = built("first")
    assert len(makes) == 1 and len(entry_files(cache_home)) == 1
    again = built("again")
    assert len(makes) == 1  # the second process read the base back
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # no cache can be made there
    none = built("none")
    assert len(makes) == 2
    assert first == again == none


@pytest.mark.parametrize("style", [StyleProfile(), OTHER], ids=["default", "other"])
def test_a_kept_base_gives_the_bytes_of_a_base_made_anew(
    style: StyleProfile,
    cache_home: Path,
    makes: list[StyleProfile],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = cold(style)
    kept = cold(style)
    assert makes == [style]
    assert kept == made == uncached(style, monkeypatch, tmp_path)


def test_another_profile_misses_the_cache_and_never_gets_a_stale_base(
    cache_home: Path, makes: list[StyleProfile], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = cold(StyleProfile())
    (plain_entry,) = entry_files(cache_home)
    other = cold(OTHER)
    assert makes == [StyleProfile(), OTHER] and other != plain
    assert len(entry_files(cache_home)) == 2
    # Even the other profile's file put in its place is not taken for it.
    other_entry = next(p for p in entry_files(cache_home) if p != plain_entry)
    other_entry.write_bytes(plain_entry.read_bytes())
    assert cold(OTHER) == other
    assert makes == [StyleProfile(), OTHER, OTHER]
    assert other == uncached(OTHER, monkeypatch, tmp_path)


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty", "garbage"])
def test_a_damaged_entry_is_made_again_silently(
    damage: str, cache_home: Path, makes: list[StyleProfile]
) -> None:
    first = cold(StyleProfile())
    (entry,) = entry_files(cache_home)
    data = entry.read_bytes()
    middle = len(data) // 2
    entry.write_bytes(
        {
            "truncated": data[:middle],
            "flipped": data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :],
            "empty": b"",
            "garbage": os.urandom(len(data)),
        }[damage]
    )
    assert cold(StyleProfile()) == first
    assert len(makes) == 2
    assert entry.read_bytes() == data  # written again, whole
    assert cold(StyleProfile()) == first and len(makes) == 2


def test_a_whole_entry_that_cannot_be_used_is_made_again(
    cache_home: Path, makes: list[StyleProfile]
) -> None:
    first = cold(StyleProfile())
    slot = slot_for(StyleProfile().model_dump_json())
    assert slot is not None
    entry = load_entry(slot)
    assert entry is not None
    broken = BaseEntry({**entry.members, BODY_MEMBER: b"<w:document"}, entry.style_ids)
    slot.path.write_bytes(encode(broken, slot.key))
    assert load_entry(slot) is not None  # whole and for this key: only using it fails
    assert cold(StyleProfile()) == first
    assert len(makes) == 2


@posix_only
def test_the_cache_folder_is_private_or_not_used(
    cache_home: Path, makes: list[StyleProfile]
) -> None:
    first = cold(StyleProfile())
    (entry,) = entry_files(cache_home)
    assert os.stat(entry.parent).st_mode & 0o777 == 0o700
    assert os.stat(cache_home / "zsdreport").st_mode & 0o777 == 0o700
    entry.parent.chmod(0o777)  # another user could have planted the entry
    assert slot_for(StyleProfile().model_dump_json()) is None
    assert cold(StyleProfile()) == first
    assert len(makes) == 2


def test_a_new_process_reads_the_kept_base_back(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache-home")}
    outputs = []
    for run in ("made", "kept"):
        out = tmp_path / run
        command = [sys.executable, "-m", "zsdreport", "build", str(DATA), "-o", str(out)]
        command += ["--only", "docx"]
        subprocess.run(command, env=env, capture_output=True, check=True)
        outputs.append(next(out.glob("*.docx")).read_bytes())
        (entry,) = entry_files(tmp_path / "cache-home")
        if run == "made":
            written = os.stat(entry)
    # The second run read the entry and did not write it again (a miss replaces the file).
    assert (os.stat(entry).st_ino, os.stat(entry).st_mtime_ns) == (
        written.st_ino,
        written.st_mtime_ns,
    )
    assert outputs[0] == outputs[1]


def test_a_style_id_not_kept_is_looked_up_in_the_kept_styles(cache_home: Path) -> None:
    import docx

    from zsdreport.render.docx_style_names import FOOTER_STYLE
    from zsdreport.render.docx_styles import apply_styles

    made = docx.Document()
    apply_styles(made.styles.element, OTHER)
    expected = made.part.get_style_id(FOOTER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cold(OTHER)
    docx_base.cache_clear()
    base = docx_base(OTHER)  # read back from the cache
    assert (FOOTER_STYLE, WD_STYLE_TYPE.PARAGRAPH) not in base._ids
    assert expected is not None and base.paragraph_style(FOOTER_STYLE) == expected


def test_a_part_the_base_does_not_hold_is_refused_not_made_up(cache_home: Path) -> None:
    document = docx_base(StyleProfile()).fresh()
    with pytest.raises(LookupError, match="holds no"):
        document.settings  # noqa: B018 - python-docx would make a default settings part

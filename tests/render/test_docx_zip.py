"""The zip writer gives the bytes zipfile gives for the same members, deflated once or not."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

import pytest

from zsdreport.render.docx_zip import Deflated, zip_members

MEMBERS = {
    "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
    "word/document.xml": "<w:t>祖师殿镇 2023 年</w:t>".encode() * 500,
    "docProps/empty.xml": b"",
    "word/媒体/图.xml": b"<x/>",
}


def _zipfile(members: dict[str, bytes], when: datetime) -> bytes:
    """What the writer replaced: zipfile with fixed times, deflate and mode 0644."""
    t = max(when, datetime(1980, 1, 1, tzinfo=timezone.utc))
    stamp = (t.year, t.month, t.day, t.hour, t.minute, t.second)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            target.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "when",
    [
        datetime(2000, 1, 1, tzinfo=timezone.utc),
        datetime(2023, 7, 10, 13, 45, 59, tzinfo=timezone.utc),
        datetime(1970, 1, 1, 0, 0, 1, tzinfo=timezone.utc),
        datetime(2107, 12, 31, 23, 59, 59, tzinfo=timezone.utc),
    ],
)
def test_the_bytes_are_those_of_zipfile(when: datetime) -> None:
    assert zip_members(MEMBERS, when) == _zipfile(MEMBERS, when)


def test_members_deflated_before_give_the_same_bytes() -> None:
    when = datetime(2000, 1, 1, tzinfo=timezone.utc)
    deflated = {name: Deflated.of(content) for name, content in MEMBERS.items()}
    mixed = {**deflated, "word/document.xml": MEMBERS["word/document.xml"]}
    assert zip_members(deflated, when) == zip_members(mixed, when) == _zipfile(MEMBERS, when)
    with zipfile.ZipFile(io.BytesIO(zip_members(deflated, when))) as package:
        assert package.testzip() is None
        assert {n: package.read(n) for n in package.namelist()} == MEMBERS
        assert package.getinfo("word/媒体/图.xml").flag_bits & 0x800

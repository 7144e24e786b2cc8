"""The .docx zip: fixed member times and modes, members deflated once when they recur.

The bytes are those ``zipfile`` writes for the same members (tests/render/test_docx_zip.py):
deflated at zlib's default level, no data descriptor, no extra fields, Unix mode 0644. Writing
them here lets the members every build shares (styles, theme, footers …) be deflated once per
style profile (render/docx_base.py) instead of once per build.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import NamedTuple

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)
_VERSION = 20  # deflate
_UNIX = 3
_DEFLATED = 8
_MODE = 0o100644 << 16
_UTF8 = 0x800
_LIMIT = (1 << 31) - 1  # far below ZIP64's; a report is a few hundred kilobytes


# A named tuple, not a dataclass: defined on every build's path, where a dataclass costs ~1 ms.
class Deflated(NamedTuple):
    """A member's content deflated, with the sizes and checksum the zip records."""

    crc: int
    size: int
    data: bytes

    @classmethod
    def of(cls, content: bytes) -> Deflated:
        """Deflate ``content`` as zipfile does (raw deflate, default level)."""
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        data = compressor.compress(content) + compressor.flush()
        return cls(zlib.crc32(content), len(content), data)


def zip_members(members: Mapping[str, bytes | Deflated], when: datetime) -> bytes:
    """Zip ``members`` in their order with fixed times and modes: equal content, equal bytes."""
    t = max(when, ZIP_EPOCH).astimezone(timezone.utc)
    date = (t.year - 1980) << 9 | t.month << 5 | t.day
    time = t.hour << 11 | t.minute << 5 | t.second // 2
    body = bytearray()
    directory = bytearray()
    for name, content in members.items():
        member = content if isinstance(content, Deflated) else Deflated.of(content)
        if max(member.size, len(member.data), len(body)) > _LIMIT:
            raise ValueError(f"zip member {name} too large for a report")
        encoded, flags = _encode(name)
        fields = (_DEFLATED, time, date, member.crc, len(member.data), member.size, len(encoded))
        offset = len(body)
        body += struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, flags, *fields, 0)
        body += encoded + member.data
        directory += struct.pack(
            "<4s4B4HL2L5H2L",
            b"PK\x01\x02",
            _VERSION,
            _UNIX,
            _VERSION,
            0,
            flags,
            *fields,
            0,
            0,
            0,
            0,
            _MODE,
            offset,
        )
        directory += encoded
    count = len(members)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(body), 0)
    return bytes(body + directory + end)


def _encode(name: str) -> tuple[bytes, int]:
    """Return the member name as the zip stores it, and the flag saying it is UTF-8 if so."""
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8

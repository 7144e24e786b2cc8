"""The styled .docx base kept between runs, so that a new process need not restyle a template.

Making the base (render/docx_base.py) is most of what the .docx step of a build costs: python-docx
unmarshals its default template, the styles are rewritten, every part is serialised and
deflated. What comes out is a handful of bytes per member, the style ids and nothing else, so a
process stores that as one file and the next one reads it back instead of making it again.

An entry is named by everything its bytes depend on: the style profile's content, the source of
the modules that make the base (render/docx*.py, render/fonts.py, render/print_style.py,
schema/style.py), and the versions of zsdreport, python-docx, lxml and zlib. The key is also
stored inside the entry and the whole entry carries a SHA-256 digest, so a truncated, damaged or misplaced file is a miss
and the base is made again, never a wrong document. The folder is the user's own and private
(0700 on POSIX), as for the compiled templates; where it cannot be, nothing is cached.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from pathlib import Path
from typing import NamedTuple

from docx.enum.style import WD_STYLE_TYPE

from zsdreport.render.cache_folder import private_folder, write_atomically
from zsdreport.render.docx_zip import Deflated

FORMAT = b"zsdreport docx base 1\n"
_DIGEST = 32  # bytes of SHA-256
_LENGTH = struct.Struct("<I")

_KINDS = {int(kind): kind for kind in WD_STYLE_TYPE}
StyleIds = dict[tuple[str, WD_STYLE_TYPE], "str | None"]


# Named tuples, not dataclasses: defined on every build's path, where a dataclass costs ~1 ms.
class BaseEntry(NamedTuple):
    """A made base: the zip members in their order (deflated where shared) and the style ids."""

    members: dict[str, bytes | Deflated]
    style_ids: StyleIds


def code_key() -> str:
    """Return what names one generation of the code that makes a base (sources and versions)."""
    import docx
    from lxml import etree  # type: ignore[import-untyped]

    import zsdreport

    package = Path(zsdreport.__file__).parent
    sources = sorted((package / "render").glob("docx*.py"))
    sources += [package / "render" / "fonts.py", package / "render" / "print_style.py"]
    sources += [package / "schema" / "style.py"]
    digest = hashlib.sha256(FORMAT)
    for source in sources:
        digest.update(source.name.encode() + b"\x00" + source.read_bytes() + b"\x00")
    versions = (
        zsdreport.__version__,
        docx.__version__,
        etree.LXML_VERSION,
        zlib.ZLIB_RUNTIME_VERSION,
    )
    digest.update(repr(versions).encode())
    return digest.hexdigest()[:16]


def style_key(profile_json: str) -> str:
    """Return the name of the entry for the style profile dumped as ``profile_json``."""
    return hashlib.sha256(profile_json.encode("utf-8")).hexdigest()[:32]


class Slot(NamedTuple):
    """Where the entry for one profile lives, and the key it must carry to be used."""

    path: Path
    key: str


def slot_for(profile_json: str) -> Slot | None:
    """Return the slot of the profile dumped as ``profile_json``; None where no cache can be."""
    try:
        code = code_key()
    except OSError:  # a source unreadable: no cache rather than a guessed key
        return None
    folder = private_folder(f"docx-base-{code}")
    if folder is None:
        return None
    return Slot(folder / f"{style_key(profile_json)}.base", f"{code}\n{profile_json}")


def load_entry(slot: Slot) -> BaseEntry | None:
    """Return the entry stored in ``slot``; None if absent, damaged or made for another key."""
    try:
        return decode(slot.path.read_bytes(), slot.key)
    except Exception:  # whatever a damaged file breaks (OSError, JSON, struct, types): make it anew
        return None


def store_entry(slot: Slot, entry: BaseEntry) -> None:
    """Keep ``entry`` in ``slot`` for the next process; a failed write only means no cache."""
    write_atomically(slot.path, encode(entry, slot.key))


def encode(entry: BaseEntry, key: str) -> bytes:
    """Return the entry as one file: format line, digest, then header and member bytes."""
    listed: list[list[object]] = []
    blobs = []
    for name, content in entry.members.items():
        if isinstance(content, Deflated):
            listed.append([name, content.crc, content.size, len(content.data)])
            blobs.append(content.data)
        else:
            listed.append([name, None, None, len(content)])
            blobs.append(content)
    ids = [[name, int(kind), style_id] for (name, kind), style_id in entry.style_ids.items()]
    header = json.dumps(
        {"key": key, "members": listed, "style_ids": ids}, ensure_ascii=False
    ).encode("utf-8")
    payload = b"".join([_LENGTH.pack(len(header)), header, *blobs])
    return FORMAT + hashlib.sha256(payload).digest() + payload


def decode(data: bytes, key: str) -> BaseEntry | None:
    """Return the entry in ``data`` if it is whole and made for ``key``, else None."""
    if not data.startswith(FORMAT):
        return None
    start = len(FORMAT) + _DIGEST
    payload = memoryview(data)[start:]
    if hashlib.sha256(payload).digest() != data[len(FORMAT) : start]:
        return None
    (length,) = _LENGTH.unpack_from(payload)
    at = _LENGTH.size + length
    header = json.loads(bytes(payload[_LENGTH.size : at]))
    if header["key"] != key:  # a file copied or renamed from another profile's or code's
        return None
    members: dict[str, bytes | Deflated] = {}
    for name, crc, size, count in header["members"]:
        blob = bytes(payload[at : at + count])
        at += count
        members[str(name)] = blob if crc is None else Deflated(int(crc), int(size), blob)
    if at != len(payload):
        return None
    ids: StyleIds = {
        (str(name), _KINDS[kind]): None if style_id is None else str(style_id)
        for name, kind, style_id in header["style_ids"]
    }
    return BaseEntry(members, ids)

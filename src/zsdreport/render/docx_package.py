"""Package-level output: core properties, unused parts, and a byte-stable zip."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime, timezone

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from zsdreport.document.outline import Document
from zsdreport.errors import UsageError
from zsdreport.render.docx_zip import zip_members

# Used when SOURCE_DATE_EPOCH is unset, so that the same data always gives the same bytes.
FIXED_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)
# The last second a zip member's date can hold: the year is stored as 7 bits after 1980.
LAST_ZIP_SECOND = int(datetime(2107, 12, 31, 23, 59, 59, tzinfo=timezone.utc).timestamp())
FIRST_MEMBER = "[Content_Types].xml"
# stylesWithEffects would keep python-docx's theme styles alive for Word 2010; the thumbnail
# shows an empty page.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
DROPPED = (STYLES_WITH_EFFECTS, RT.THUMBNAIL)
# Word 2013 and later open a mode-15 file without "兼容模式"; the template says 14 (Word 2010).
COMPATIBILITY_MODE = "15"
# The extended properties say who wrote the file. Page and word counts are left out: they are
# known only after a client lays the pages out, and a wrong count is worse than none.
APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>zsdreport</Application><DocSecurity>0</DocSecurity></Properties>"
)


def build_time() -> datetime:
    """Return the time stamped into the file: SOURCE_DATE_EPOCH when set, else a constant."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return FIXED_TIME
    try:
        seconds = int(raw)
    except ValueError as e:
        raise UsageError(f"环境变量 SOURCE_DATE_EPOCH 应为整数秒数，现为 “{raw}”") from e
    # A zip stores times from 1980 to 2107. Earlier times are stored as 1980-01-01 (see stable_zip):
    # builders such as Guix set SOURCE_DATE_EPOCH=1. Later ones cannot be stored at all.
    fix = f"请设为 0 到 {LAST_ZIP_SECOND}（2107-12-31）之间的秒数"
    if seconds > LAST_ZIP_SECOND:
        raise UsageError(
            f"环境变量 SOURCE_DATE_EPOCH 太大：{raw} 秒晚于 2107 年底，"
            f"Word 文档（zip 格式）记录不了这么晚的时间；{fix}"
        )
    if seconds < 0:
        raise UsageError(f"环境变量 SOURCE_DATE_EPOCH 不能为负数，现为 “{raw}”；{fix}")
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError) as e:  # a platform whose time_t ends in 2038
        raise UsageError(f"本机无法表示 SOURCE_DATE_EPOCH={raw} 这个时间；{fix}") from e


def set_properties(document: WordDocument, doc: Document, when: datetime) -> None:
    """Fill the core properties with the title and author, and fixed times."""
    props = document.core_properties
    props.title = doc.title
    props.author = doc.author
    props.last_modified_by = doc.author
    props.comments = ""
    props.language = "zh-CN"
    props.revision = 1
    naive = when.astimezone(timezone.utc).replace(tzinfo=None)
    props.created = naive
    props.modified = naive


def set_app_properties(document: WordDocument) -> None:
    """Replace the template's docProps/app.xml ("Microsoft Macintosh Word", 1 page, 0 words)."""
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_XML


def set_compatibility_mode(document: WordDocument) -> None:
    """Mark the file as written for the current Word layout (compatibilityMode 15)."""
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPATIBILITY_MODE)


def drop_unused_parts(document: WordDocument) -> None:
    """Unlink the template parts a report has no use for."""
    for rels in (document.part.package.rels, document.part.rels):
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in DROPPED]:
            del rels[r_id]


def stable_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite the zip with fixed member times and order, so equal content gives equal bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = sorted(source.namelist(), key=lambda n: (n != FIRST_MEMBER, n))
        return zip_members({name: source.read(name) for name in names}, when)

"""The styled base document: styles, page, fonts and package parts, made once per style profile.

Everything in a report's .docx except the body (word/document.xml) and the core properties
depends on the style profile alone. Making it (make_entry: python-docx's template restyled,
saved, every shared member deflated) is most of the .docx step's cost, and what it gives is
plain data: the members' bytes and the style ids the writer asks for. That is kept between runs
(render/docx_base_store.py), and a base is built from it alone: the body and core properties
parsed, a document part around the body, no package. Each build starts from copies of those two
elements and reuses the bytes of every other part, so neither a rebuild (``zsdreport watch``)
nor a new process restyles the template or serialises a shared part again.
"""

from __future__ import annotations

import copy
import io
import zipfile
import zlib
from collections.abc import Hashable
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import PackURI
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.oxml import OxmlElement, parse_xml
from docx.parts.document import DocumentPart
from docx.parts.styles import StylesPart

from zsdreport.render.docx_base_store import BaseEntry, Slot, load_entry, slot_for, store_entry
from zsdreport.render.docx_package import FIRST_MEMBER
from zsdreport.render.docx_style_names import (
    BLANK_STYLE,
    LEAD_STYLE,
    STYLE_NAMES,
    TABLE_CAPTION_STYLE,
    TABLE_HEADER_STYLE,
    TABLE_TEXT_STYLE,
)
from zsdreport.render.docx_zip import Deflated, zip_members
from zsdreport.render.print_style import PrintStyle

if TYPE_CHECKING:
    from docx.opc.coreprops import CoreProperties
    from docx.opc.part import Part
    from docx.package import Package

BODY_MEMBER = "word/document.xml"
CORE_MEMBER = "docProps/core.xml"
STYLES_MEMBER = "word/styles.xml"
# The styles the writer looks up by name (render/docx.py, docx_table.py, docx_keep.py).
WRITER_STYLES = [
    *((name, WD_STYLE_TYPE.PARAGRAPH) for name in dict.fromkeys(STYLE_NAMES.values())),
    *((name, WD_STYLE_TYPE.PARAGRAPH) for name in (BLANK_STYLE, TABLE_CAPTION_STYLE)),
    *((name, WD_STYLE_TYPE.PARAGRAPH) for name in (TABLE_HEADER_STYLE, TABLE_TEXT_STYLE)),
    (LEAD_STYLE, WD_STYLE_TYPE.CHARACTER),
]


def make_entry(style: PrintStyle) -> BaseEntry:
    """Restyle python-docx's template for ``style``; return its members and style ids."""
    import docx

    from zsdreport.render.docx_fonts import write_font_table
    from zsdreport.render.docx_package import (
        drop_unused_parts,
        set_app_properties,
        set_compatibility_mode,
    )
    from zsdreport.render.docx_page import setup_page
    from zsdreport.render.docx_styles import apply_styles

    document = docx.Document()
    apply_styles(document.styles.element, style)
    setup_page(document, style)
    write_font_table(document, style)
    set_compatibility_mode(document)
    set_app_properties(document)
    drop_unused_parts(document)
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as package:
        names = sorted(package.namelist(), key=lambda n: (n != FIRST_MEMBER, n))
        # Deflated once: only the body and the core properties differ from build to build.
        members: dict[str, bytes | Deflated] = {
            name: package.read(name)
            if name in (BODY_MEMBER, CORE_MEMBER)
            else Deflated.of(package.read(name))
            for name in names
        }
    ids = {}
    for name, kind in WRITER_STYLES:
        try:
            ids[name, kind] = document.part.get_style_id(name, kind)  # type: ignore[no-untyped-call]
        except KeyError:  # not in this profile (段内标题 without item_lead_bold): never asked for
            continue
    return BaseEntry(members, ids)


class BodyPart(DocumentPart):
    """The main document part without its package: the body, core properties and styles.

    That is all the writer reaches through it. The styles are parsed only when a style id not
    kept in the entry is asked for; any other part is refused loudly, where python-docx would
    quietly make a default one that the .docx would never hold.
    """

    def __init__(self, element: Any, core: CorePropertiesPart, styles: Deflated) -> None:
        package = cast("Package", None)
        super().__init__(PackURI(f"/{BODY_MEMBER}"), CT.WML_DOCUMENT_MAIN, element, package)
        self._core_part = core
        self._styles_member = styles
        self._parsed_styles: StylesPart | None = None

    @property
    def core_properties(self) -> CoreProperties:
        """The core properties of the document last handed out by the base."""
        return cast("CoreProperties", self._core_part.core_properties)

    def get_style_id(self, style_or_name: Any, style_type: WD_STYLE_TYPE) -> str | None:
        """Return the style id as python-docx does; None (no style) needs no styles parsed."""
        if style_or_name is None:
            return None
        return cast("str | None", super().get_style_id(style_or_name, style_type))  # type: ignore[no-untyped-call]

    @property
    def _styles_part(self) -> StylesPart:
        if self._parsed_styles is None:
            xml = zlib.decompress(self._styles_member.data, -15)
            element = parse_xml(xml)
            package = cast("Package", None)
            self._parsed_styles = StylesPart(
                PackURI(f"/{STYLES_MEMBER}"), CT.WML_STYLES, element, package
            )
        return self._parsed_styles

    def part_related_by(self, reltype: str) -> Part:
        """Refuse: the base keeps the other parts as bytes only (not a KeyError, see above)."""
        raise LookupError(f"the .docx base holds no {reltype} part to change")


class DocxBase:
    """A styled, paged document whose body and core properties are fresh for every build."""

    def __init__(self, entry: BaseEntry) -> None:
        self._members = dict(entry.members)
        body, core = entry.members[BODY_MEMBER], entry.members[CORE_MEMBER]
        styles = entry.members[STYLES_MEMBER]
        if isinstance(body, Deflated) or isinstance(core, Deflated):
            raise ValueError("a base keeps its per-build members as XML")
        if not isinstance(styles, Deflated):
            raise ValueError("a base keeps its styles deflated")
        self._body = parse_xml(body)
        self._core_element = parse_xml(core)
        package = cast("Package", None)
        self._core = CorePropertiesPart(
            PackURI(f"/{CORE_MEMBER}"), CT.OPC_CORE_PROPERTIES, self._core_element, package
        )
        self._part = BodyPart(self._body, self._core, styles)
        self._ids = dict(entry.style_ids)
        self._empty: dict[str, Any] = {}
        # What each block was written as, by the last build and by this one (see recall_block).
        self._blocks: dict[Hashable, list[Any]] = {}
        self._used: dict[Hashable, list[Any]] = {}

    def fresh(self) -> WordDocument:
        """Return the base document with an empty body and the template's core properties."""
        self._part._element = copy.deepcopy(self._body)
        self._core._element = copy.deepcopy(self._core_element)
        return WordDocument(self._part._element, self._part)

    def paragraph_style(self, name: str) -> str | None:
        """Return the style id python-docx would set for paragraph style ``name``."""
        return self._style_id(name, WD_STYLE_TYPE.PARAGRAPH)

    def character_style(self, name: str) -> str | None:
        """Return the style id python-docx would set for character style ``name``."""
        return self._style_id(name, WD_STYLE_TYPE.CHARACTER)

    def _style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        # The name lookup walks every style with XPath: about 0.1 ms a paragraph otherwise.
        key = (name, kind)
        if key not in self._ids:
            self._ids[key] = self._part.get_style_id(name, kind)
        return self._ids[key]

    def empty_paragraph(self, style: str) -> Any:
        """Return a new empty w:p of paragraph style ``style``, as python-docx would make it."""
        if style not in self._empty:
            p = OxmlElement("w:p")
            p.style = self.paragraph_style(style)
            self._empty[style] = p
        return copy.deepcopy(self._empty[style])

    def recall_block(self, block: Hashable) -> list[Any] | None:
        """Return copies of the elements ``block`` was written as, if a build remembered it."""
        found = self._used.get(block)
        if found is None:
            found = self._blocks.get(block)
            if found is None:
                return None
            self._used[block] = found
        return [copy.deepcopy(e) for e in found]

    def remember_block(self, block: Hashable, elements: list[Any]) -> None:
        """Keep copies of the elements just written for ``block``: its XML depends on it alone."""
        self._used[block] = [copy.deepcopy(e) for e in elements]

    def forget_unused_blocks(self) -> None:
        """Keep only the blocks of the build just done, so memory stays one document's worth."""
        self._blocks, self._used = self._used, {}

    def package(self, when: datetime) -> bytes:
        """Return the .docx of the document last handed out by ``fresh``."""
        members = {
            **self._members,
            BODY_MEMBER: self._part.blob,
            CORE_MEMBER: self._core.blob,
        }
        # Looked up at each call, so that tests can see every .docx made (tests/conftest.py).
        return zip_members(members, when)


@lru_cache(maxsize=4)
def docx_base(style: PrintStyle) -> DocxBase:
    """Return the base for ``style``: kept by an earlier run, else made now (and kept).

    Equal profiles share one base within a process (``zsdreport watch``).
    """
    profile = style.model_dump_json()
    slot = slot_for(profile)
    if slot is not None:
        kept = _kept_base(slot)
        if kept is not None:
            return kept
    entry = make_entry(style)
    if slot is not None:
        store_entry(slot, entry)
    return DocxBase(entry)


def _kept_base(slot: Slot) -> DocxBase | None:
    """Return the base kept in ``slot``, or None if there is none that can be used."""
    entry = load_entry(slot)
    if entry is None:
        return None
    try:
        return DocxBase(entry)
    except Exception:  # whole, for this key, yet unusable (written by hand?): make it anew
        return None

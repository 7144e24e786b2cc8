"""The styled base document: styles, page, fonts and package parts, made once per style profile.

Everything in a report's .docx except the body (word/document.xml) and the core properties
depends on the style profile alone. A base is built once per profile; each build starts from
copies of its two per-build XML parts and reuses the bytes of every other part, so a rebuild
(``zsdreport watch``) neither restyles python-docx's template nor serialises parts twice.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Hashable
from datetime import datetime
from functools import lru_cache
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement

from zsdreport.render.docx_fonts import write_font_table
from zsdreport.render.docx_package import (
    FIRST_MEMBER,
    drop_unused_parts,
    set_app_properties,
    set_compatibility_mode,
)
from zsdreport.render.docx_page import setup_page
from zsdreport.render.docx_styles import apply_styles
from zsdreport.render.docx_zip import Deflated, zip_members
from zsdreport.schema.style import StyleProfile

BODY_MEMBER = "word/document.xml"
CORE_MEMBER = "docProps/core.xml"


class DocxBase:
    """A styled, paged document whose body and core properties are fresh for every build."""

    def __init__(self, style: StyleProfile) -> None:
        document = docx.Document()
        apply_styles(document.styles.element, style)
        setup_page(document, style)
        write_font_table(document, style)
        set_compatibility_mode(document)
        set_app_properties(document)
        drop_unused_parts(document)
        self._part = document.part
        self._core = document.part.package._core_properties_part
        self._body = copy.deepcopy(self._part._element)
        self._core_element = copy.deepcopy(self._core._element)
        saved = io.BytesIO()
        document.save(saved)
        with zipfile.ZipFile(saved) as package:
            names = sorted(package.namelist(), key=lambda n: (n != FIRST_MEMBER, n))
            # Deflated once: only the body and the core properties differ from build to build.
            self._members: dict[str, bytes | Deflated] = {
                name: package.read(name)
                if name in (BODY_MEMBER, CORE_MEMBER)
                else Deflated.of(package.read(name))
                for name in names
            }
        self._ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}
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
            self._ids[key] = self._part.get_style_id(name, kind)  # type: ignore[no-untyped-call]
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
def docx_base(style: StyleProfile) -> DocxBase:
    """Return the base for ``style``, built on first use; equal profiles share one base."""
    return DocxBase(style)

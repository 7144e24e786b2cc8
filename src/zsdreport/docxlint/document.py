"""Read a .docx into what the rules look at: body paragraphs, sections, footers, styles, properties."""

from __future__ import annotations

import errno
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.parts.document import DocumentPart
from lxml import etree  # type: ignore[import-untyped]

from zsdreport.docxlint.kinds import Kind
from zsdreport.docxlint.resolve import Element, StyleSheet, w
from zsdreport.docxlint.result import DocxReadError
from zsdreport.errors import UsageError

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"

_SKIP_RUN_PARENTS = {w("del"), w("moveFrom")}


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class Run(NamedTuple):
    """A run of a paragraph, its visible text and where that text starts in the paragraph."""

    element: Element
    text: str
    start: int


@dataclass
class Para:
    """A paragraph: 1-based ``number`` in its story, visible text, runs, section and recognised kind."""

    number: int
    element: Element
    text: str
    runs: list[Run]
    section: int = 0
    kind: Kind = Kind.BODY

    @property
    def snippet(self) -> str:
        text = self.text.strip()
        return text if len(text) <= 12 else text[:12] + "…"


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class Footer(NamedTuple):
    """A footer part used by a section: ``kind`` is default, even or first."""

    label: str
    kind: str
    rel_id: str
    paragraphs: list[Para]


@dataclass(frozen=True)
class Section:
    """Page setup of one section, in twips (``None`` where the document leaves it unset)."""

    number: int
    width: int | None
    height: int | None
    landscape: bool
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    gutter: int
    footer_distance: int | None
    grid_type: str | None
    grid_pitch: int | None
    grid_char_space: int | None
    title_page: bool
    footer_ids: dict[str, str] = field(default_factory=dict)


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class FontEntry(NamedTuple):
    """One font of the font table (word/fontTable.xml): its alternate name and character set."""

    alt: str | None
    charset: str | None


@dataclass
class LintDoc:
    """Everything the rules need from one .docx."""

    path: Path
    paragraphs: list[Para]
    sections: list[Section]
    footers: list[Footer]
    styles: StyleSheet
    theme_fonts: dict[str, str]
    even_and_odd: bool
    title: str | None
    author: str | None
    font_table: dict[str, FontEntry] = field(default_factory=dict)


def read_docx(path: Path) -> LintDoc:
    """Open ``path`` and collect its parts.

    Raise UsageError if ``path`` is missing or a folder, DocxReadError if it is not a readable .docx.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise UsageError(f"找不到文件 {path}") from None
    except OSError as e:
        raise DocxReadError(f"无法读取 {path}：{_read_failure(e)}") from e
    if stat.S_ISDIR(mode):
        raise UsageError(f"{path} 是文件夹，不是 .docx 文件")
    if not stat.S_ISREG(mode):
        # Opening a named pipe would wait for a writer forever.
        raise UsageError(f"{path} 不是普通文件（是管道或设备），不是 .docx 文件")
    try:
        # python-docx reports a file it may not open as "Package not found": ask the OS first.
        with path.open("rb"):
            pass
    except OSError as e:
        raise DocxReadError(f"无法读取 {path}：{_read_failure(e)}") from e
    _check_package_size(path)
    try:
        document = docx.Document(str(path))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.LxmlError,
        OSError,
    ) as e:
        # python-docx's own text ("Package not found at …") is English and says no more than this.
        hint = (
            "；旧版 .doc 文件请先用 Word 或 WPS 另存为 .docx"
            if path.suffix.lower() == ".doc"
            else "；请用 Word 或 WPS 打开后另存为 .docx 再检查"
        )
        raise DocxReadError(f"无法读取 {path}：不是 Word 文档（.docx）或文件已损坏{hint}") from e
    part = document.part
    body = document.element.body
    paragraphs, sections = _body(body)
    has_core = any(rel.reltype == RT.CORE_PROPERTIES for rel in part.package.rels.values())
    props = document.core_properties if has_core else None
    even_and_odd = bool(document.settings.odd_and_even_pages_header_footer)
    return LintDoc(
        path=path,
        paragraphs=paragraphs,
        sections=sections,
        footers=_footers(part, sections, even_and_odd),
        styles=StyleSheet(document.styles.element),
        theme_fonts=_theme_fonts(part),
        even_and_odd=even_and_odd,
        title=props.title if props else None,
        author=props.author if props else None,
        font_table=_font_table(part),
    )


MAX_PART_BYTES = 64 * 1024 * 1024
"""Largest part (unpacked) a .docx may have: a long report's document.xml is a few MB."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_PARTS = 10_000
MAX_RATIO = 200
"""Most a part may grow when unpacked; XML packs about 10:1, a zip bomb a million to one."""


def _check_package_size(path: Path) -> None:
    """Refuse a .docx whose parts would unpack to more than the limits (a "zip bomb")."""
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # python-docx says it is no .docx, with the usual message
    refuse = f"无法读取 {path}：文件解压后过大"
    if len(infos) > MAX_PARTS:
        raise DocxReadError(f"{refuse}（有 {len(infos)} 个部件，上限 {MAX_PARTS}）：不像 Word 文档")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            size = info.file_size / 1024 / 1024
            raise DocxReadError(
                f"{refuse}（{info.filename} 解压后 {size:.0f} MB，上限 {MAX_PART_BYTES // 1024 // 1024} MB）"
                "：可能是恶意构造的压缩包，请勿打开"
            )
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocxReadError(
                f"{refuse}（{info.filename} 的压缩比超过 {MAX_RATIO}:1）：可能是恶意构造的压缩包，请勿打开"
            )
    if total > MAX_TOTAL_BYTES:
        raise DocxReadError(
            f"{refuse}（共 {total / 1024 / 1024:.0f} MB，上限 {MAX_TOTAL_BYTES // 1024 // 1024} MB）"
        )


def _read_failure(error: OSError) -> str:
    """Return why the file could not be opened, in Chinese."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return "没有读取权限"
    return f"无法打开文件（错误码 {error.errno}）"


def _paragraph_elements(root: Element) -> list[Element]:
    """Return the story's paragraphs, leaving out tables, text boxes and compatibility fallbacks."""
    out = []
    for p in root.iter(w("p")):
        ancestors = {a.tag for a in p.iterancestors()}
        if not ancestors & {w("tbl"), w("txbxContent"), MC_FALLBACK}:
            out.append(p)
    return out


def make_para(number: int, p: Element, section: int = 0) -> Para:
    """Return ``p`` with its runs and visible text (deleted text and field codes left out)."""
    runs: list[Run] = []
    text = ""
    for r in p.iter(w("r")):
        if next(r.iterancestors(w("p")), None) is not p or r.getparent().tag in _SKIP_RUN_PARENTS:
            continue
        run_text = _run_text(r)
        runs.append(Run(r, run_text, len(text)))
        text += run_text
    return Para(number, p, text, runs, section)


def _run_text(r: Element) -> str:
    parts = []
    for child in r:
        if child.tag == w("t"):
            parts.append(child.text or "")
        elif child.tag == w("tab"):
            parts.append("\t")
        elif child.tag in (w("br"), w("cr")):
            parts.append("\n")
        elif child.tag == w("noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _body(body: Element) -> tuple[list[Para], list[Section]]:
    paragraphs: list[Para] = []
    sect_prs: list[Element] = []
    for p in _paragraph_elements(body):
        paragraphs.append(make_para(len(paragraphs) + 1, p, len(sect_prs)))
        sect_pr = p.find(f"{w('pPr')}/{w('sectPr')}")
        if sect_pr is not None:
            sect_prs.append(sect_pr)
    final = body.find(w("sectPr"))
    sect_prs.append(final if final is not None else etree.Element(w("sectPr")))
    return paragraphs, _sections(sect_prs)


def _int_attr(el: Element | None, attr: str) -> int | None:
    value = el.get(w(attr)) if el is not None else None
    try:
        return round(float(value)) if value is not None else None
    except (ValueError, OverflowError):  # "abc", "nan", "1e999"
        return None


def _on(flag: Element | None) -> bool:
    """Return whether an on/off element such as ``<w:titlePg/>`` is present and not switched off."""
    return flag is not None and (flag.get(w("val")) or "1") not in {"0", "false", "off"}


def _sections(sect_prs: list[Element]) -> list[Section]:
    sections: list[Section] = []
    inherited: dict[str, str] = {}
    for number, sect_pr in enumerate(sect_prs, 1):
        size, margins, grid = (sect_pr.find(w(t)) for t in ("pgSz", "pgMar", "docGrid"))
        for ref in sect_pr.iterfind(w("footerReference")):
            rel_id = ref.get(f"{{{R_NS}}}id")
            if rel_id:
                inherited[ref.get(w("type")) or "default"] = rel_id
        top, bottom = _int_attr(margins, "top"), _int_attr(margins, "bottom")
        sections.append(
            Section(
                number=number,
                width=_int_attr(size, "w"),
                height=_int_attr(size, "h"),
                landscape=size is not None and size.get(w("orient")) == "landscape",
                top=abs(top) if top is not None else None,
                bottom=abs(bottom) if bottom is not None else None,
                left=_int_attr(margins, "left"),
                right=_int_attr(margins, "right"),
                gutter=_int_attr(margins, "gutter") or 0,
                footer_distance=_int_attr(margins, "footer"),
                grid_type=grid.get(w("type")) if grid is not None else None,
                grid_pitch=_int_attr(grid, "linePitch"),
                grid_char_space=_int_attr(grid, "charSpace"),
                title_page=_on(sect_pr.find(w("titlePg"))),
                footer_ids=dict(inherited),
            )
        )
    return sections


def _footers(part: DocumentPart, sections: list[Section], even_and_odd: bool) -> list[Footer]:
    """Return each distinct footer part in use, labelled the way a clerk would look for it."""
    footers: list[Footer] = []
    seen: set[str] = set()
    names = {
        "default": "奇数页页脚" if even_and_odd else "页脚",
        "even": "偶数页页脚",
        "first": "首页页脚",
    }
    for section in sections:
        for kind, rel_id in section.footer_ids.items():
            if rel_id in seen or rel_id not in part.related_parts:
                continue
            seen.add(rel_id)
            root = part.related_parts[rel_id].element
            paras = [make_para(n, p) for n, p in enumerate(_footer_paragraphs(root), 1)]
            prefix = f"第 {section.number} 节" if len(sections) > 1 else ""
            footers.append(Footer(prefix + names.get(kind, "页脚"), kind, rel_id, paras))
    return footers


def _footer_paragraphs(root: Element) -> list[Element]:
    # Page numbers often sit in a text box or frame, so look inside those too.
    return [p for p in root.iter(w("p")) if MC_FALLBACK not in {a.tag for a in p.iterancestors()}]


def _font_table(part: DocumentPart) -> dict[str, FontEntry]:
    """Return the font table's entries by font name (empty when the part is missing or broken)."""
    rel = next((r for r in part.rels.values() if r.reltype == RT.FONT_TABLE), None)
    if rel is None or rel.is_external:
        return {}
    try:
        root = etree.fromstring(rel.target_part.blob)
    except etree.XMLSyntaxError:
        return {}
    table: dict[str, FontEntry] = {}
    for font in root.iterfind(w("font")):
        alt, charset = font.find(w("altName")), font.find(w("charset"))
        table[font.get(w("name")) or ""] = FontEntry(
            alt.get(w("val")) if alt is not None else None,
            charset.get(w("val")) if charset is not None else None,
        )
    return table


def _theme_fonts(part: DocumentPart) -> dict[str, str]:
    """Return theme font names by rFonts theme value (minorEastAsia → 宋体), for messages."""
    for rel in part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/theme"):
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            return {}
        fonts: dict[str, str] = {}
        for major in ("major", "minor"):
            scheme = root.find(f".//{{{A_NS}}}{major}Font")
            if scheme is None:
                continue
            latin, ea = scheme.find(f"{{{A_NS}}}latin"), scheme.find(f"{{{A_NS}}}ea")
            hans = scheme.find(f"{{{A_NS}}}font[@script='Hans']")
            ea_name = (ea.get("typeface") if ea is not None else "") or (
                hans.get("typeface") if hans is not None else ""
            )
            latin_name = latin.get("typeface") if latin is not None else ""
            fonts.update({f"{major}EastAsia": ea_name or "", f"{major}HAnsi": latin_name or ""})
            fonts[f"{major}Ascii"] = latin_name or ""
        return fonts
    return {}

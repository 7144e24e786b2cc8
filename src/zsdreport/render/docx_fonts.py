"""The font table (word/fontTable.xml): every font the styles name, with its fallbacks.

Word, WPS and LibreOffice look a missing font up here: ``altName`` names the font to use
instead (仿宋_GB2312 → 仿宋 on a Windows machine without the GB2312 fonts), ``charset`` 86
(GB2312) and the code-page bit in ``sig`` say the font is Simplified Chinese, so a client
that has neither picks a Chinese font of the same pitch rather than a Latin one.
"""

from __future__ import annotations

from typing import NamedTuple

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree  # type: ignore[import-untyped]

from zsdreport.render.print_style import KINDS, PrintStyle

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GB2312 = "86"


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class FontInfo(NamedTuple):
    """What the font table says about one font."""

    alt: str | None = None
    charset: str = GB2312
    family: str = "modern"
    pitch: str = "fixed"


# The GB/T 9704 fonts and the fonts every Chinese Windows has under another name.
KNOWN: dict[str, FontInfo] = {
    "仿宋_GB2312": FontInfo("仿宋"),
    "楷体_GB2312": FontInfo("楷体"),
    "方正小标宋简体": FontInfo("宋体", family="script"),
    "方正仿宋_GBK": FontInfo("仿宋"),
    "方正楷体_GBK": FontInfo("楷体"),
    "方正黑体_GBK": FontInfo("黑体"),
    "方正小标宋_GBK": FontInfo("宋体", family="script"),
    "仿宋": FontInfo("FangSong"),
    "楷体": FontInfo("KaiTi"),
    "黑体": FontInfo("SimHei"),
    "宋体": FontInfo("SimSun", family="auto", pitch="variable"),
    "Times New Roman": FontInfo(None, charset="00", family="roman", pitch="variable"),
}
# Unicode and code-page bits of a GB2312 font (sig): CJK ideographs, code page 936.
CJK_SIG = {
    "usb0": "00000001",
    "usb1": "080E0000",
    "usb2": "00000010",
    "usb3": "00000000",
    "csb0": "00040000",
    "csb1": "00000000",
}


def used_fonts(style: PrintStyle) -> list[str]:
    """Return the fonts the styles name, once each: the East Asian ones, then the Latin one."""
    return list(dict.fromkeys([*(style.font(kind) for kind in KINDS), style.fonts.latin]))


def font_info(name: str) -> FontInfo:
    """Return the table entry for ``name``; an unknown font is Chinese if its name is."""
    known = KNOWN.get(name)
    if known is not None:
        return known
    if name.isascii():
        return FontInfo(None, charset="00", family="auto", pitch="variable")
    return FontInfo(None, family="auto", pitch="variable")


def font_table_xml(style: PrintStyle) -> bytes:
    """Return word/fontTable.xml listing exactly the fonts the document uses."""
    root = etree.Element(_w("fonts"), nsmap={"w": W_NS})
    for name in used_fonts(style):
        info = font_info(name)
        font = etree.SubElement(root, _w("font"), {_w("name"): name})
        # Children in CT_Font schema order.
        if info.alt:
            etree.SubElement(font, _w("altName"), {_w("val"): info.alt})
        etree.SubElement(font, _w("charset"), {_w("val"): info.charset})
        etree.SubElement(font, _w("family"), {_w("val"): info.family})
        etree.SubElement(font, _w("pitch"), {_w("val"): info.pitch})
        if info.charset == GB2312:
            etree.SubElement(font, _w("sig"), {_w(k): v for k, v in CJK_SIG.items()})
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def write_font_table(document: WordDocument, style: PrintStyle) -> None:
    """Replace the template's font table (Calibri, Cambria, ＭＳ 明朝 …) with the fonts used."""
    part = document.part.part_related_by(RT.FONT_TABLE)
    part._blob = font_table_xml(style)


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"

"""Runs of text, with the East Asian hint on punctuation Word would set in the Latin font."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles.style import CharacterStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# Characters in Unicode ranges Word shares between the Latin and East Asian font slots: without
# w:hint="eastAsia" Word draws them in the hAnsi font (Times New Roman), see MS-OI29500 §2.1.88.
SHARED_PUNCTUATION = frozenset("“”‘’—…·∶")


def needs_hint(text: str) -> bool:
    """Return whether ``text`` holds punctuation that must take the East Asian font."""
    return not SHARED_PUNCTUATION.isdisjoint(text)


def add_text(
    paragraph: Paragraph,
    text: str,
    char_style: CharacterStyle | None = None,
    *,
    style_id: str | None = None,
) -> Run:
    """Append a run holding ``text``; only the hint and the character style are set on the run.

    ``style_id`` is the id of the character style, for a writer that looked it up once.
    """
    if "\t" in text or "\n" in text or "\r" in text:
        run = paragraph.add_run(text)
    else:
        # What add_run makes of text without tabs and breaks (one w:t), minus its loop per character.
        run = Run(paragraph._p.add_r(), paragraph)
        if text:
            run._r.add_t(text)
    if char_style is not None:
        run.style = char_style
    elif style_id is not None:
        run._r.style = style_id
    if needs_hint(text):
        rpr = run._r.get_or_add_rPr()
        # A new run's w:rPr holds at most w:rStyle, and w:rFonts comes right after it. Inserted
        # here, not by get_or_add_rFonts, which looks for each of the ~40 later siblings first.
        fonts = OxmlElement("w:rFonts", {qn("w:hint"): "eastAsia"})
        rpr.insert(0 if rpr.rStyle is None else 1, fonts)
    return run


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """Append a field (e.g. `` PAGE ``) as begin / instrText / separate / result / end runs."""
    _add_fld_char(paragraph, "begin")
    instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    instr.text = instruction
    paragraph.add_run()._r.append(instr)
    _add_fld_char(paragraph, "separate")
    paragraph.add_run(shown)
    _add_fld_char(paragraph, "end")


def _add_fld_char(paragraph: Paragraph, kind: str) -> None:
    paragraph.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))

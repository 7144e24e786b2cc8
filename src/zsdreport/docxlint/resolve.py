"""Effective formatting: direct → character style → paragraph style → basedOn chain → docDefaults.

Each property is decided by the most specific level that sets it; the level's name is kept so
messages can say where a wrong value comes from. Numbering and table styles are not consulted.
"""

from __future__ import annotations

from typing import Any, NamedTuple, TypeAlias

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# An lxml element. lxml ships no type stubs (lxml-stubs is not a dev dependency), so this is Any.
Element: TypeAlias = Any


def w(tag: str) -> str:
    """Return the Clark name of a WordprocessingML tag or attribute: ``w("sz")``."""
    return f"{{{W_NS}}}{tag}"


_FALSE = {"0", "false", "off"}


# Named tuples, not dataclasses: defined at every start, where a dataclass costs ~1 ms each.
class Level(NamedTuple):
    """One layer of properties (an rPr or pPr element) and where it comes from, in Chinese."""

    source: str
    props: Element


class FontValue(NamedTuple):
    """The font that decides one rFonts slot: an explicit name, or a theme font that overrides it."""

    name: str | None
    theme: str | None
    source: str | None


class Indent(NamedTuple):
    """Effective indents in twips; ``first_line`` is negative for a hanging indent."""

    left: int
    right: int
    first_line: int


class LineSpacing(NamedTuple):
    """Effective ``w:spacing/@w:line`` and its rule (``auto`` lines are in 240ths of a line)."""

    line: int
    rule: str
    source: str | None


class StyleSheet:
    """The styles part, indexed for resolving a paragraph's or run's effective properties."""

    def __init__(self, styles: Element | None) -> None:
        self._styles: dict[str, Element] = {}
        self._default: dict[str, str] = {}
        self._defaults_rpr: Element | None = None
        self._defaults_ppr: Element | None = None
        if styles is None:
            return
        for style in styles.iterfind(w("style")):
            style_id = style.get(w("styleId"))
            if style_id is None:
                continue
            self._styles[style_id] = style
            if style.get(w("default")) in {"1", "true", "on"}:
                self._default.setdefault(style.get(w("type")) or "paragraph", style_id)
        defaults = styles.find(w("docDefaults"))
        if defaults is not None:
            self._defaults_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
            self._defaults_ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")

    def _name(self, style_id: str) -> str:
        name = self._styles[style_id].find(w("name"))
        return (name.get(w("val")) if name is not None else None) or style_id

    def _chain(self, style_id: str | None, kind: str) -> list[tuple[str, Element]]:
        """Return ``(label, style)`` for the style and its basedOn ancestors, most specific first."""
        chain: list[tuple[str, Element]] = []
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append((f"{kind}“{self._name(style_id)}”", style))
            based = style.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return chain

    def _paragraph_style_chain(self, paragraph: Element) -> list[tuple[str, Element]]:
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        style_id = style.get(w("val")) if style is not None else self._default.get("paragraph")
        if style_id not in self._styles:
            style_id = self._default.get("paragraph")
        return self._chain(style_id, "段落样式")

    def _defaults(self, props: Element | None) -> list[Level]:
        return [Level("文档默认格式", props)] if props is not None else []

    def run_levels(self, paragraph: Element, run: Element | None) -> list[Level]:
        """Return the rPr layers that decide a run's properties (or the paragraph's, for ``None``)."""
        levels: list[Level] = []
        if run is not None:
            rpr = run.find(w("rPr"))
            if rpr is not None:
                levels.append(Level("直接格式", rpr))
                rstyle = rpr.find(w("rStyle"))
                if rstyle is not None:
                    for label, style in self._chain(rstyle.get(w("val")), "字符样式"):
                        levels.extend(_props(label, style, "rPr"))
        for label, style in self._paragraph_style_chain(paragraph):
            levels.extend(_props(label, style, "rPr"))
        return levels + self._defaults(self._defaults_rpr)

    def paragraph_levels(self, paragraph: Element) -> list[Level]:
        """Return the pPr layers that decide a paragraph's properties."""
        levels: list[Level] = []
        ppr = paragraph.find(w("pPr"))
        if ppr is not None:
            levels.append(Level("直接格式", ppr))
        for label, style in self._paragraph_style_chain(paragraph):
            levels.extend(_props(label, style, "pPr"))
        return levels + self._defaults(self._defaults_ppr)


def _props(label: str, style: Element, tag: str) -> list[Level]:
    props = style.find(w(tag))
    return [Level(label, props)] if props is not None else []


def resolve_font(levels: list[Level], slot: str) -> FontValue:
    """Return what decides rFonts ``slot`` (eastAsia, ascii, hAnsi): a theme attribute wins at its level."""
    theme_attr = "cstheme" if slot == "cs" else f"{slot}Theme"
    for level in levels:
        fonts = level.props.find(w("rFonts"))
        if fonts is None:
            continue
        theme, name = fonts.get(w(theme_attr)), fonts.get(w(slot))
        if theme:
            return FontValue(None, theme, level.source)
        if name:
            return FontValue(name, None, level.source)
    return FontValue(None, None, None)


def resolve_element(
    levels: list[Level], tag: str, attr: str | None = "val"
) -> tuple[Element | None, str | None]:
    """Return the first ``tag`` child (that has ``attr``, if given) and its level's name."""
    for level in levels:
        found = level.props.find(w(tag))
        if found is not None and (attr is None or found.get(w(attr)) is not None):
            return found, level.source
    return None, None


def resolve_value(
    levels: list[Level], tag: str, attr: str = "val"
) -> tuple[str | None, str | None]:
    """Return the effective ``tag/@attr`` value and its level's name."""
    found, source = resolve_element(levels, tag, attr)
    return (found.get(w(attr)) if found is not None else None), source


def resolve_flag(levels: list[Level], tag: str, default: bool = False) -> bool:
    """Return an on/off property such as ``b`` (a bare ``<w:b/>`` means on)."""
    found, _ = resolve_element(levels, tag, attr=None)
    if found is None:
        return default
    return (found.get(w("val")) or "1").lower() not in _FALSE


def resolve_size(levels: list[Level]) -> tuple[float, str | None]:
    """Return the font size in points (Word's default is 10 pt) and the level that set it."""
    value, source = resolve_value(levels, "sz")
    half_points = to_int(value)
    return (half_points / 2, source) if half_points > 0 else (10.0, None)


def to_int(value: str | None) -> int:
    """Return an OOXML number attribute as an int; 0 when missing or malformed."""
    try:
        return round(float(value)) if value is not None else 0
    except (ValueError, OverflowError):  # "abc", "nan", "1e999"
        return 0


def _ind_group(levels: list[Level], attrs: tuple[str, ...]) -> Element | None:
    for level in levels:
        ind = level.props.find(w("ind"))
        if ind is not None and any(ind.get(w(a)) is not None for a in attrs):
            return ind
    return None


_LEFT = ("left", "leftChars", "start", "startChars")
_RIGHT = ("right", "rightChars", "end", "endChars")


def _side(levels: list[Level], names: tuple[str, str, str, str], char_tw: float) -> int:
    ind = _ind_group(levels, names)
    if ind is None:
        return 0
    twips, chars, alt_twips, alt_chars = names
    count = to_int(ind.get(w(chars)) or ind.get(w(alt_chars)))
    if count:
        return round(count / 100 * char_tw)
    return to_int(ind.get(w(twips)) or ind.get(w(alt_twips)))


def resolve_indent(levels: list[Level], char_tw: float) -> Indent:
    """Return the effective indents; ``*Chars`` values (hundredths of a 字) win when non-zero."""
    first = 0
    ind = _ind_group(levels, ("firstLine", "firstLineChars", "hanging", "hangingChars"))
    if ind is not None:
        if to_int(ind.get(w("hangingChars"))):
            first = -round(to_int(ind.get(w("hangingChars"))) / 100 * char_tw)
        elif to_int(ind.get(w("firstLineChars"))):
            first = round(to_int(ind.get(w("firstLineChars"))) / 100 * char_tw)
        elif ind.get(w("hanging")) is not None:
            first = -to_int(ind.get(w("hanging")))
        else:
            first = to_int(ind.get(w("firstLine")))
    return Indent(_side(levels, _LEFT, char_tw), _side(levels, _RIGHT, char_tw), first)


def resolve_line_spacing(levels: list[Level]) -> LineSpacing:
    """Return the effective line spacing (single ``auto`` when nothing sets it)."""
    spacing, source = resolve_element(levels, "spacing", "line")
    if spacing is None:
        return LineSpacing(240, "auto", None)
    return LineSpacing(to_int(spacing.get(w("line"))), spacing.get(w("lineRule")) or "auto", source)


def resolve_space(levels: list[Level], side: str) -> int:
    """Return space ``before``/``after`` in twips; ``*Lines`` values count as 240 tw per line."""
    for level in levels:
        spacing = level.props.find(w("spacing"))
        if spacing is None:
            continue
        lines = spacing.get(w(f"{side}Lines"))
        if lines is not None and to_int(lines):
            return round(to_int(lines) / 100 * 240)
        if spacing.get(w(side)) is not None:
            return to_int(spacing.get(w(side)))
    return 0

"""The NEW report with Word tracked changes (修订) against OLD: w:ins / w:del, character by character.

Both reports are first rendered the normal way; this module only aligns their body paragraphs and
rewrites NEW's runs, so the layout is exactly the one ``build`` writes.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from difflib import SequenceMatcher
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from zsdreport.compare.docx_text import paragraph_text, read_document, w
from zsdreport.compare.tokens import Token, char_tokens, similarity

PAIRED = 0.5
"""Two paragraphs in the same place are one edited paragraph when at least this alike."""
_RUN_CONTENT = {w("rPr"), w("t"), w("tab"), w("br")}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# The children CT_Settings allows before w:trackRevisions, in schema order (ECMA-376 §17.15.1.78).
_BEFORE_TRACK_REVISIONS = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
    "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView",
)  # fmt: skip


@dataclass
class Revisions:
    """Who and when, and the next free revision id."""

    author: str
    date: str
    next_id: int = 1

    def mark(self, kind: str) -> Any:
        """Return a new empty w:ins or w:del element with id, author and date."""
        element = etree.Element(w(kind))
        element.set(w("id"), str(self.next_id))
        element.set(w("author"), self.author)
        element.set(w("date"), self.date)
        self.next_id += 1
        return element


def _key(element: Any) -> str:
    if element.tag == w("p"):
        style = element.find(f"{w('pPr')}/{w('pStyle')}")
        return (style.get(w("val")) if style is not None else "") + "\x00" + paragraph_text(element)
    return str(etree.tostring(element, encoding="unicode"))


def _simple(paragraph: Any) -> bool:
    """Tell whether a paragraph holds only plain runs, which can be diffed character by character."""
    for child in paragraph:
        if child.tag == w("pPr"):
            continue
        if child.tag != w("r") or any(part.tag not in _RUN_CONTENT for part in child):
            return False
    return True


def _chars(paragraph: Any) -> list[tuple[str, Any]]:
    """Return each character of a paragraph with the run properties it is set in."""
    out: list[tuple[str, Any]] = []
    for run in paragraph.iter(w("r")):
        rpr = run.find(w("rPr"))
        for part in run:
            if part.tag == w("t"):
                out += [(ch, rpr) for ch in part.text or ""]
            elif part.tag == w("tab"):
                out.append(("\t", rpr))
            elif part.tag == w("br"):
                out.append(("\n", rpr))
    return out


def _run(text: str, rpr: Any, deleted: bool) -> Any:
    """Return a w:r holding ``text`` in ``rpr``; deleted text goes in w:delText."""
    run = etree.Element(w("r"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    piece = ""

    def flush() -> None:
        if piece:
            node = etree.SubElement(run, w("delText") if deleted else w("t"))
            node.text = piece
            node.set(_XML_SPACE, "preserve")

    for ch in text:
        if ch in "\t\n":
            flush()
            piece = ""
            etree.SubElement(run, w("tab") if ch == "\t" else w("br"))
        else:
            piece += ch
    flush()
    return run


def _runs(chars: list[tuple[str, Any]], deleted: bool) -> Iterator[Any]:
    """Yield runs for ``chars``, one per stretch set in the same properties."""
    start = 0
    for n in range(1, len(chars) + 1):
        if n == len(chars) or chars[n][1] is not chars[start][1]:
            yield _run("".join(ch for ch, _ in chars[start:n]), chars[start][1], deleted)
            start = n


def _tokens(chars: list[tuple[str, Any]]) -> list[tuple[Token, list[tuple[str, Any]]]]:
    out = []
    at = 0
    for token in char_tokens("".join(ch for ch, _ in chars)):
        out.append((token, chars[at : at + len(token.text)]))
        at += len(token.text)
    return out


def _clear_runs(paragraph: Any) -> None:
    for child in [c for c in paragraph if c.tag != w("pPr")]:
        paragraph.remove(child)


def edit_paragraph(old: Any, new: Any, revisions: Revisions) -> None:
    """Rewrite ``new``'s runs as kept, deleted (OLD's runs) and inserted text, by characters."""
    before, after = _tokens(_chars(old)), _tokens(_chars(new))
    matcher = SequenceMatcher(
        None, [t.key for t, _ in before], [t.key for t, _ in after], autojunk=False
    )
    _clear_runs(new)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            new.extend(_runs([c for _, cs in after[j1:j2] for c in cs], deleted=False))
            continue
        if i2 > i1:
            mark = revisions.mark("del")
            mark.extend(_runs([c for _, cs in before[i1:i2] for c in cs], deleted=True))
            new.append(mark)
        if j2 > j1:
            mark = revisions.mark("ins")
            mark.extend(_runs([c for _, cs in after[j1:j2] for c in cs], deleted=False))
            new.append(mark)


def _mark_paragraph(paragraph: Any, kind: str, revisions: Revisions) -> Any:
    """Return ``paragraph`` wholly inserted or deleted, its paragraph mark included."""
    chars = _chars(paragraph)
    deleted = kind == "del"
    ppr = paragraph.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        paragraph.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(ppr, w("rPr"))
    rpr.insert(0, revisions.mark(kind))
    _clear_runs(paragraph)
    if chars:
        mark = revisions.mark(kind)
        mark.extend(_runs(chars, deleted=deleted))
        paragraph.append(mark)
    return paragraph


def _mark_table(table: Any, kind: str, revisions: Revisions) -> Any:
    """Return ``table`` wholly inserted or deleted: every row marked, every cell's text too."""
    for row in table.iter(w("tr")):
        trpr = row.find(w("trPr"))
        if trpr is None:
            trpr = etree.Element(w("trPr"))
            row.insert(1 if row.find(w("tblPrEx")) is not None else 0, trpr)
        trpr.append(revisions.mark(kind))
        for paragraph in row.iter(w("p")):
            chars = _chars(paragraph)
            _clear_runs(paragraph)
            if chars:
                mark = revisions.mark(kind)
                mark.extend(_runs(chars, deleted=kind == "del"))
                paragraph.append(mark)
    return table


def _same_shape(old: Any, new: Any) -> bool:
    def shape(table: Any) -> list[int]:
        return [len(row.findall(w("tc"))) for row in table.iter(w("tr"))]

    return bool(shape(old) == shape(new))


def _edit_table(old: Any, new: Any, revisions: Revisions) -> None:
    """Diff a table against one of the same shape, cell paragraph by cell paragraph."""
    for old_p, new_p in zip(old.iter(w("p")), new.iter(w("p")), strict=False):
        if paragraph_text(old_p) != paragraph_text(new_p) and _simple(old_p) and _simple(new_p):
            edit_paragraph(old_p, new_p, revisions)


def _likeness(old: Any, new: Any) -> float:
    """Return how alike two body elements are, 0 when they cannot be one edited element."""
    if old.tag != new.tag:
        return 0.0
    if old.tag == w("tbl"):
        return 1.0 if _same_shape(old, new) else 0.0
    if _key(old).split("\x00")[0] != _key(new).split("\x00")[0]:
        return 0.0
    if not (_simple(old) and _simple(new)):
        return 0.0
    value = similarity(paragraph_text(old), paragraph_text(new))
    return value if value >= PAIRED else 0.0


def _pairs(old: list[Any], new: list[Any]) -> dict[int, int]:
    """Pair old and new elements in order, as alike as possible overall (new index → old index).

    Pairing each new paragraph with the first alike old one would take a moved paragraph for an
    edit and delete and re-insert every paragraph it jumped over.
    """
    like = [[_likeness(a, b) for b in new] for a in old]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            paired = best[i + 1][j + 1] + like[i][j] if like[i][j] else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    pairs: dict[int, int] = {}
    i = j = 0
    while i < len(old) and j < len(new):
        if like[i][j] and best[i][j] == best[i + 1][j + 1] + like[i][j]:
            pairs[j] = i
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def merge_bodies(old: list[Any], new: list[Any], revisions: Revisions) -> list[Any]:
    """Return NEW's body elements with OLD's differences as tracked changes, in reading order."""
    out: list[Any] = []
    matcher = SequenceMatcher(None, [_key(e) for e in old], [_key(e) for e in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += new[j1:j2]
            continue
        pairs = _pairs(old[i1:i2], new[j1:j2])
        at = i1
        for n, element in enumerate(new[j1:j2]):
            if n not in pairs:
                out.append(_insert(element, revisions))
                continue
            match = i1 + pairs[n]
            out += [_delete(e, revisions) for e in old[at:match]]
            if element.tag == w("tbl"):
                _edit_table(old[match], element, revisions)
            else:
                edit_paragraph(old[match], element, revisions)
            out.append(element)
            at = match + 1
        out += [_delete(e, revisions) for e in old[at:i2]]
    return out


def _insert(element: Any, revisions: Revisions) -> Any:
    mark = _mark_table if element.tag == w("tbl") else _mark_paragraph
    return mark(element, "ins", revisions)


def _delete(element: Any, revisions: Revisions) -> Any:
    mark = _mark_table if element.tag == w("tbl") else _mark_paragraph
    return mark(copy.deepcopy(element), "del", revisions)


def _body_children(document: Any) -> tuple[Any, list[Any], list[Any]]:
    body = document.find(w("body"))
    content = [c for c in body if c.tag in (w("p"), w("tbl"))]
    rest = [c for c in body if c.tag not in (w("p"), w("tbl"))]
    return body, content, rest


def _track_settings(xml: bytes) -> bytes:
    """Switch on 修订 (w:trackRevisions) so the reviewer's own edits are tracked too."""
    settings = etree.fromstring(xml)
    if settings.find(w("trackRevisions")) is None:
        # CT_Settings orders its children; trackRevisions follows the view and zoom settings.
        anchor = None
        for tag in _BEFORE_TRACK_REVISIONS:
            found = settings.find(w(tag))
            if found is not None:
                anchor = found
        element = etree.Element(w("trackRevisions"))
        if anchor is None:
            settings.insert(0, element)
        else:
            anchor.addnext(element)
    return bytes(etree.tostring(settings, xml_declaration=True, encoding="UTF-8", standalone=True))


def revision_date(when: datetime) -> str:
    """Return ``when`` as w:date wants it: ISO 8601 in UTC, to the second."""
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def tracked_docx(old_docx: bytes, new_docx: bytes, author: str, when: datetime) -> bytes:
    """Return NEW's .docx with OLD → NEW as tracked changes by ``author`` at ``when``."""
    from zsdreport.render.docx_package import stable_zip

    old_doc, new_doc = read_document(old_docx), read_document(new_docx)
    _, old_content, _ = _body_children(old_doc)
    body, new_content, rest = _body_children(new_doc)
    merged = merge_bodies(old_content, new_content, Revisions(author, revision_date(when)))
    for child in list(body):
        body.remove(child)
    body.extend(merged + rest)
    xml = etree.tostring(new_doc, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(new_docx)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = xml
            elif name == "word/settings.xml":
                data = _track_settings(data)
            target.writestr(name, data)
    return stable_zip(out.getvalue(), when)

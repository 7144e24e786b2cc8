"""Print proof: what a PDF shows of a .docx, line by line, and the rules its pages must keep.

The .docx says what each paragraph is; pdftotext's boxes say where each line of the PDF is.
The two texts are aligned character by character, so each PDF line is known to be the first,
a middle or the last line of a given paragraph, and the page breaks can be judged.
"""

from __future__ import annotations

import dataclasses
import difflib
import io
import random
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import docx

from zsdreport.document.outline import Block, Document

PITCH = 28.95  # pt, 22 lines in the 225 mm text block
ROWS = 22
MM = 72 / 25.4  # points per millimetre
TOP, BOTTOM, RIGHT = 37 * MM, 35 * MM, 26 * MM
ZI = 16.0  # pt, one 字 of 3号 text
HEADINGS = frozenset({"Heading 1", "Heading 2"})
CLOSING = frozenset({"署名", "成文日期"})
PAGE_NUMBER = re.compile(r"^—\d+—$")
_X = "{http://www.w3.org/1999/xhtml}"
FILL = "全镇上下凝心聚力扎实推进各项工作取得明显成效"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph of the .docx: its style name, text without whitespace, right indent."""

    style: str
    text: str
    right_pt: float


@dataclass
class Line:
    """One text line of the PDF, with the paragraph it belongs to once aligned."""

    page: int
    text: str
    x_min: float
    x_max: float
    row_pos: float  # 1.0 = centre of the first grid row
    paragraph: int = -1

    @property
    def row(self) -> int:
        return round(self.row_pos)


@dataclass
class Proof:
    """What was found on the pages of one PDF; every count should be 0."""

    pages: int = 0
    lines: int = 0
    lost: list[str] = field(default_factory=list)  # characters of the .docx missing from the PDF
    extra: list[str] = field(default_factory=list)  # characters in the PDF not in the .docx
    past_margin: list[str] = field(default_factory=list)
    off_grid: list[str] = field(default_factory=list)
    over_full: list[str] = field(default_factory=list)
    short_unexplained: list[str] = field(default_factory=list)
    short_kept: int = 0  # pages ended early because a keep or widow rule moved lines on
    shortest: int = ROWS  # the fewest lines on a page before the last
    stranded: list[str] = field(default_factory=list)  # headings as the last line of a page
    widows: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    closing_split: list[str] = field(default_factory=list)
    placement: list[str] = field(default_factory=list)
    date_step: float | None = None  # 字 from the 署名's first character to the date's
    closing_error: float = 0.0  # the largest distance, in 字, of a closing line from its place

    def failures(self) -> dict[str, list[str]]:
        """Return each non-empty list of findings by name."""
        names = (
            "lost",
            "extra",
            "past_margin",
            "off_grid",
            "over_full",
            "short_unexplained",
            "stranded",
            "widows",
            "orphans",
            "closing_split",
            "placement",
        )
        return {name: getattr(self, name) for name in names if getattr(self, name)}


def docx_paragraphs(data: bytes) -> list[Paragraph]:
    """Return the body paragraphs of a .docx, blank ones included."""
    out = []
    for p in docx.Document(io.BytesIO(data)).paragraphs:
        right = p.paragraph_format.right_indent
        out.append(Paragraph(p.style.name, re.sub(r"\s", "", p.text), right.pt if right else 0.0))
    return out


def pdf_lines(pdf: bytes) -> tuple[list[Line], list[str], float]:
    """Return the body lines of every page, the page-number lines, and the page width."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xhtml))
    lines: list[Line] = []
    numbers: list[str] = []
    width = 0.0
    for number, page in enumerate(root.iter(f"{_X}page"), 1):
        width, height = float(page.get("width", 0)), float(page.get("height", 0))
        found = []
        for line in page.iter(f"{_X}line"):
            words = list(line.iter(f"{_X}word"))
            text = re.sub(r"\s", "", "".join(w.text or "" for w in words))
            y_min, y_max = float(line.get("yMin", 0)), float(line.get("yMax", 0))
            if y_min > height - BOTTOM:  # below the text block: the page number
                numbers.append(text)
                continue
            centre = (y_min + y_max) / 2
            found.append(
                Line(
                    number,
                    text,
                    min(float(w.get("xMin", 0)) for w in words),
                    max(float(w.get("xMax", 0)) for w in words),
                    (centre - TOP) / PITCH + 0.5,
                )
            )
        lines += sorted(found, key=lambda ln: ln.row_pos)
    return lines, numbers, width


def proof(docx_bytes: bytes, pdf: bytes) -> Proof:
    """Compare a .docx with its PDF and judge every page break."""
    paragraphs = docx_paragraphs(docx_bytes)
    lines, numbers, width = pdf_lines(pdf)
    result = Proof(pages=max((ln.page for ln in lines), default=0), lines=len(lines))
    _compare_text(paragraphs, lines, numbers, result)
    _check_lines(lines, width, result)
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    of = _lines_of_paragraphs(lines)
    keep_next = _keep_next(paragraphs)
    for page, on_page in by_page.items():
        last, first = on_page[-1], on_page[0]
        if page < result.pages:
            if paragraphs[last.paragraph].style in HEADINGS:
                result.stranded.append(f"第 {page} 页末行是标题“{last.text[:12]}”")
            if of[last.paragraph][0] is last and len(of[last.paragraph]) > 1:
                result.orphans.append(f"第 {page} 页末行是段落首行“{last.text[:12]}”")
        if page > 1 and of[first.paragraph][-1] is first and len(of[first.paragraph]) > 1:
            result.widows.append(f"第 {page} 页首行是段落末行“{first.text[:12]}”")
        if page < result.pages and last.row < ROWS:
            nxt = by_page.get(page + 1, [])
            reason = _why_short(ROWS - last.row, nxt, paragraphs, of, keep_next)
            result.shortest = min(result.shortest, last.row)
            if reason:
                result.short_kept += 1
            else:
                result.short_unexplained.append(
                    f"第 {page} 页只有 {last.row} 行，无规则要求提前换页"
                )
    _check_closing(paragraphs, lines, width, by_page, result)
    return result


def _compare_text(
    paragraphs: list[Paragraph], lines: list[Line], numbers: list[str], result: Proof
) -> None:
    """Align the PDF's text with the .docx's, and give each line its paragraph."""
    owner = [i for i, p in enumerate(paragraphs) for _ in p.text]
    want = "".join(p.text for p in paragraphs)
    got = "".join(ln.text for ln in lines)
    matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
    where: list[int | None] = [None] * len(got)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            where[b0:b1] = range(a0, a1)
        if tag in ("delete", "replace"):
            result.lost.append(f"“{want[a0:a1]}”（在“{want[max(0, a0 - 8) : a0]}”之后）")
        if tag in ("insert", "replace"):
            result.extra.append(f"“{got[b0:b1]}”")
    start = 0
    for line in lines:
        hits = [k for k in where[start : start + len(line.text)] if k is not None]
        start += len(line.text)
        line.paragraph = owner[hits[0]] if hits else (lines[0].paragraph if lines else 0)
    for n, number in enumerate(numbers, 1):
        if number != f"—{n}—":
            result.extra.append(f"第 {n} 页页码为“{number}”")


def _check_lines(lines: list[Line], width: float, result: Proof) -> None:
    right_edge = width - RIGHT
    for line in lines:
        where = f"第 {line.page} 页“{line.text[-6:]}”"
        if line.x_max > right_edge + 0.5:
            result.past_margin.append(f"{where}超出右边距 {line.x_max - right_edge:.1f} 磅")
        if abs(line.row_pos - line.row) > 0.3:
            result.off_grid.append(f"{where}不在行网格上（第 {line.row_pos:.2f} 行）")
        if not 1 <= line.row <= ROWS:
            result.over_full.append(f"{where}在第 {line.row} 行")


def _lines_of_paragraphs(lines: list[Line]) -> dict[int, list[Line]]:
    of: dict[int, list[Line]] = {}
    for line in lines:
        of.setdefault(line.paragraph, []).append(line)
    return of


def _keep_next(paragraphs: list[Paragraph]) -> set[int]:
    """Return the paragraphs that must stay with the next: headings, the body end, 署名 lines."""
    keep = {i for i, p in enumerate(paragraphs) if p.style in HEADINGS or p.style == "署名"}
    first = next((i for i, p in enumerate(paragraphs) if p.style in CLOSING), None)
    if first is not None:
        body_end = max((i for i in range(first) if paragraphs[i].text), default=None)
        if body_end is not None:
            keep.add(body_end)
    return keep


def _why_short(
    gap: int,
    nxt: list[Line],
    paragraphs: list[Paragraph],
    of: dict[int, list[Line]],
    keep_next: set[int],
) -> str:
    """Return which rule forbids pulling 1..gap lines of the next page back, or "" if none does."""
    reasons = []
    for k in range(1, min(gap, len(nxt)) + 1):
        end, rest = nxt[k - 1], nxt[k:]
        mine = of[end.paragraph]
        following = rest[0] if rest else None
        if following is None:
            reason = ""
        elif following.paragraph == end.paragraph:
            if mine[0] is end:
                reason = "orphan"
            elif mine[-1] is following:
                reason = "widow"
            elif paragraphs[end.paragraph].style in HEADINGS | CLOSING:
                reason = "keep-lines"
            elif end.paragraph in keep_next:
                # LibreOffice moves a whole keep-with-next paragraph on when it fits on the
                # next page (Word takes only its last lines): the body's end, before the 署名.
                reason = "keep-whole"
            else:
                reason = ""
        else:
            reason = "keep-next" if end.paragraph in keep_next else ""
        if not reason:
            return ""
        reasons.append(reason)
    return "+".join(reasons)


def _check_closing(
    paragraphs: list[Paragraph],
    lines: list[Line],
    width: float,
    by_page: dict[int, list[Line]],
    result: Proof,
) -> None:
    """The 署名 and date on one page, with body text; each where its right indent puts it."""
    closing = [ln for ln in lines if paragraphs[ln.paragraph].style in CLOSING]
    if not closing:
        return
    pages = {ln.page for ln in closing}
    if len(pages) > 1:
        result.closing_split.append(f"署名和成文日期分在第 {sorted(pages)} 页")
    page = closing[0].page
    if all(paragraphs[ln.paragraph].style in CLOSING for ln in by_page[page]):
        result.closing_split.append(f"第 {page} 页只有署名和成文日期，没有正文")
    right_edge = width - RIGHT
    for line in closing:
        want = right_edge - paragraphs[line.paragraph].right_pt
        result.closing_error = max(result.closing_error, abs(line.x_max - want) / ZI)
        if abs(line.x_max - want) > 0.2 * ZI:
            result.placement.append(
                f"“{line.text}”右端偏离 {(line.x_max - want) / ZI:+.2f} 字（应 ±0.2 字）"
            )
    organs = [ln for ln in closing if paragraphs[ln.paragraph].style == "署名"]
    dates = [ln for ln in closing if paragraphs[ln.paragraph].style == "成文日期"]
    if organs and dates and paragraphs[dates[0].paragraph].right_pt > 2 * ZI + 1:
        # The spec's usual case: the date starts 2 字 right of the (longest) 署名's start.
        step = (dates[0].x_min - min(ln.x_min for ln in organs)) / ZI
        result.date_step = step
        if abs(step - 2) > 0.2:
            result.placement.append(f"成文日期首字在署名首字右侧 {step:.2f} 字，应为 2 字")


def perturb(doc: Document, seed: int) -> Document:
    """Return ``doc`` changed the way a next period changes it, differently for each ``seed``.

    Even seeds shuffle the items of each section; every seed inserts or removes 1–5
    characters at the start of 2–6 paragraphs; every third seed adds a sentence to an item.
    """
    rng = random.Random(seed)
    blocks = list(doc.blocks)
    if seed % 2 == 0:
        blocks = _shuffle_items(blocks, rng)
    prose = [
        i
        for i, b in enumerate(blocks)
        if b.kind in ("body", "item", "subitem", "point") and len(b.body) > 10
    ]
    for i in rng.sample(prose, k=min(len(prose), rng.randint(2, 6))):
        block, n = blocks[i], rng.randint(1, 5)
        if rng.random() < 0.5:
            at = rng.randrange(len(FILL) - n)
            body = FILL[at : at + n] + block.body
        else:
            body = block.body[n:]
        blocks[i] = dataclasses.replace(block, body=body)
    if seed % 3 == 0:
        items = [i for i, b in enumerate(blocks) if b.kind == "item"]
        target, donor = rng.choice(items), blocks[rng.choice(items)].body
        sentences = [s + "。" for s in donor.split("。") if 8 < len(s) < 60]
        if sentences:
            block = blocks[target]
            blocks[target] = dataclasses.replace(block, body=block.body + rng.choice(sentences))
    return doc._replace(blocks=blocks)


def with_sentence(doc: Document, lead: str, sentence: str) -> Document:
    """Return ``doc`` with ``sentence`` added to the end of the item whose lead is ``lead``."""
    blocks = [
        dataclasses.replace(b, body=b.body + sentence) if b.kind == "item" and b.lead == lead else b
        for b in doc.blocks
    ]
    assert blocks != doc.blocks, f"no item leads with {lead}"
    return doc._replace(blocks=blocks)


def _shuffle_items(blocks: list[Block], rng: random.Random) -> list[Block]:
    """Shuffle each run of items (an item with the paragraphs that continue it) in place."""
    groups: list[list[Block]] = []
    for block in blocks:
        if block.kind in ("body", "subitem") and groups and groups[-1][0].kind == "item":
            groups[-1].append(block)
        else:
            groups.append([block])
    out: list[Block] = []
    run: list[list[Block]] = []
    for group in [*groups, []]:
        if group and group[0].kind == "item":
            run.append(group)
            continue
        rng.shuffle(run)
        out += [b for g in run for b in g]
        run = []
        out += group
    return out

"""公文校对: mechanical proofreading of the prose, each finding pointing at the exact character.

Checks run on the text a clerk typed (folded lines joined, {references} expanded), and every
finding is mapped back to its line and column in the YAML file. Most are warnings (``--strict``
makes them errors); a brace that would be printed literally, or a character that cannot be
printed at all, is an error.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from zsdreport.check.markers import typed_marker
from zsdreport.errors import Problem, Severity
from zsdreport.figures.figure import Figure, format_value
from zsdreport.figures.references import REFERENCE
from zsdreport.lazy_re import LazyPattern
from zsdreport.load.encoding import describe_char
from zsdreport.load.reader import PathKey, Source
from zsdreport.schema.base import is_identifier
from zsdreport.text import HALF_TO_FULL, full_width, half_width_marks, is_cjk, quote_pairs

Field = tuple[Source, PathKey, str]
WARNING, ERROR = Severity.WARNING, Severity.ERROR

_OPENERS = {"（": "）", "(": ")", "“": "”", "《": "》", "【": "】", "〔": "〕"}
_CLOSERS = {"）": "（", ")": "(", "”": "“", "》": "《", "】": "【", "〕": "〔"}
_SAME_BRACKET = {"(": "（", ")": "）"}
_PAUSES = "，。、；：？！"
_DOUBLED = re.compile(f"[{_PAUSES}][{_PAUSES}]")
_ALLOWED_PAIRS = {"？！", "！？"}
_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_TOKEN = re.compile(r"[A-Za-z0-9._\-]+")
_DATE_AFTER = re.compile(r"(?:[-—~～至到][0-9]{1,2})?[月日号]")
_BI = re.compile(r"[0-9]比[0-9]")
# Lazy: its 汉字 range costs a millisecond to compile, and few texts have a 比 between figures.
_NUMBER_AND_UNIT = LazyPattern(r"[0-9]+(?:\.[0-9]+)?[\u4e00-\u9fff]?")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


class _Next:
    """The next occurrence of a pattern at or after a position, for positions that only grow.

    Each search resumes where the last one ended, so a scan asking at every character of a line
    costs one pass over it, not one pass per character.
    """

    def __init__(self, text: str, pattern: str) -> None:
        self._text = text
        self._pattern = re.compile(pattern)
        self._asked = -1
        self._found = -1

    def at(self, start: int) -> int:
        """Return where the pattern next occurs at or after ``start`` (len(text) if nowhere)."""
        if start <= self._found and start >= self._asked:
            return self._found
        match = self._pattern.search(self._text, start)
        self._asked, self._found = start, match.start() if match else len(self._text)
        return self._found


def brace_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield the braces that are not a {reference}: {{ code }}, {% code %}, {label}, a lone brace.

    Spans never cross a line. This is what the regular expression
    ``\\{\\{.*?\\}\\}|\\{%.*?%\\}|\\{[^{}\\n]*\\}|[{}]`` finds, in one pass: that expression
    rescans to the end of the line from every brace, which is quadratic on a line of braces.
    """
    newline = _Next(text, "\n")
    double = _Next(text, re.escape("}}"))
    percent = _Next(text, re.escape("%}"))
    special = _Next(text, "[{}\n]")
    brace = _Next(text, "[{}]")
    n = len(text)
    i = brace.at(0)
    while i < n:
        end = i + 1
        if text[i] == "{":
            closer = {"{": double, "%": percent}.get(text[i + 1 : i + 2])
            if closer is not None and (close := closer.at(i + 2)) < newline.at(i + 2):
                end = close + 2
            elif text[i + 1 : i + 2] != "{":
                stop = special.at(i + 1)
                if stop < n and text[stop] == "}":
                    end = stop + 1
        yield i, end
        i = brace.at(end)


_YEARS = ("year", "prev_year", "next_year")


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class Span(NamedTuple):
    """Text with, for each character, its offset in the field's value and whether it was typed."""

    text: str
    origin: tuple[int, ...]
    typed: tuple[bool, ...]

    @classmethod
    def of(cls, value: str) -> Span:
        return cls(value, tuple(range(len(value))), (True,) * len(value))


def check_prose(
    fields: Iterable[Field], figures: Mapping[str, Figure], words: Mapping[str, str]
) -> list[Problem]:
    """Proofread every prose field; ``words`` are what {references} expand to."""
    problems: list[Problem] = []
    years = year_names(words)
    lookup = Lookup(figures)
    for source, path, value in fields:
        problems += check_field(source, path, value, lookup, words, years)
    return problems


def year_names(words: Mapping[str, str]) -> dict[str, str]:
    """Return the reference that prints each year of the period: {"2023": "year", …}."""
    return {words[name]: name for name in _YEARS if name in words}


def check_field(
    source: Source,
    path: PathKey,
    value: str,
    lookup: Lookup,
    words: Mapping[str, str],
    years: Mapping[str, str],
) -> list[Problem]:
    """Proofread one prose field; what it finds depends on nothing but the arguments."""
    text = joined(expanded(Span.of(value), words))
    problems = _braces(source, path, value, lookup)
    problems += _full_width_braces(source, path, value, lookup)
    problems += _half_width(source, path, text)
    problems += _brackets(source, path, text)
    problems += _unpaired_quotes(source, path, text)
    problems += _doubled(source, path, text)
    problems += _typed_figures(source, path, value, lookup, years)
    problems += _bi(source, path, text)
    problems += _comment(source, path)
    problems += _field_in_text(source, path, value)
    problems += _blank_line(source, path, value)
    return problems


def _blank_line(source: Source, path: PathKey, value: str) -> list[Problem]:
    """Warn about a blank line inside a paragraph: it does not start a new paragraph.

    YAML keeps a blank line as "\n\n" in a literal block (|) and as "\n" in folded (>) or
    plain text, where single line breaks have already become spaces.
    """
    scalar = source.scalars.get(path)
    if scalar is None:
        return []
    body = value.strip()
    found = body.find("\n\n" if scalar.style == "|" else "\n")
    if found < 0:
        return []
    # The break sits at the end of the line before the blank one: point at the blank line.
    end_of_line = source.problem(path, "", WARNING, offset=value.index(body) + found)
    line = (end_of_line.line or 0) + 1
    message = "段落中间的空行不会另起一段，生成时与上文连成一段：如需分段，请把 text 写成列表（每段一项“- ”），或删除空行"
    return [Problem(source.path, line, 1, message, WARNING, path, source.line(line))]


class Lookup:
    """The figures by printed value and by name or label, built once for all the prose.

    Looking through every figure for every typed number or stray brace is quadratic on a
    large report; a dictionary answers each in constant time.
    """

    def __init__(self, figures: Mapping[str, Figure]) -> None:
        self.by_value: dict[str, list[str]] = {}
        self._by_name: dict[str, list[str]] = {}
        for key, f in figures.items():
            self.by_value.setdefault(format_value(f.value, f.metric.digits), []).append(key)
            for name in dict.fromkeys((key, f.metric.label)):
                self._by_name.setdefault(name, []).append(key)
        self._keys = set(figures)

    def exact(self, inner: str) -> list[str]:
        """Return the figures whose id or label is ``inner``."""
        return self._by_name.get(inner, [])

    def named(self, inner: str) -> list[str]:
        """Return the figures whose id or label is ``inner``, then the id it is in capitals."""
        found = list(self._by_name.get(inner, []))
        if inner.lower() in self._keys:
            found.append(inner.lower())
        return found


def check_characters(source: Source) -> list[Problem]:
    """Flag characters that cannot be printed (errors) or that nobody meant to type (warnings)."""
    problems: list[Problem] = []
    for path, scalar in source.scalars.items():
        value = scalar.value
        if _ordinary(value):
            continue
        i = 0
        while i < len(value):
            kind = _strange(value[i])
            if kind is None:
                i += 1
                continue
            end = i + 1
            while end < len(value) and (_strange(value[end]) == kind or value[end] == " "):
                end += 1
            end = len(value[:end].rstrip(" "))
            chars = "、".join(dict.fromkeys(describe_char(c) for c in value[i:end] if c != " "))
            if kind is ERROR:
                message = f"含有不能打印的字符 {chars}：请删除它"
            else:
                message = f"含有异常字符 {chars}：多半是从其他文档复制时带入的，请删除"
            problems.append(source.problem(path, message, kind, offset=i, width=end - i))
            i = end
    return problems


# Every space separator (Unicode category Zs) and the tab and line break: not printable in
# str.isprintable's sense, yet ordinary in prose.
_SPACES_AS_BLANKS = dict.fromkeys(
    map(ord, "\t\n\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))), " "
)
_PRINTABLE_YET_STRANGE = re.compile("[\u2800-\u28ff\ufffd]")


def _ordinary(value: str) -> bool:
    """Tell at C speed whether ``value`` holds no character _strange would flag (most do not)."""
    # str.isprintable is False exactly for categories C* and Z* except the ASCII space.
    printable = value.translate(_SPACES_AS_BLANKS).isprintable()
    return printable and _PRINTABLE_YET_STRANGE.search(value) is None


def _strange(ch: str) -> Severity | None:
    if ch in "\n\t":
        return None
    category = unicodedata.category(ch)
    code = ord(ch)
    if category in ("Cc", "Cs") or (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        return ERROR
    if category in ("Cf", "Co", "Cn", "Zl", "Zp") or 0x2800 <= code <= 0x28FF or ch == "\ufffd":
        return WARNING
    return None


def expanded(span: Span, words: Mapping[str, str]) -> Span:
    """Return ``span`` with each known {reference} replaced by its printed form."""
    text: list[str] = []
    origin: list[int] = []
    typed: list[bool] = []
    last = 0
    for match in REFERENCE.finditer(span.text):
        name = match.group(1)
        if name not in words:
            continue
        text.append(span.text[last : match.start()])
        origin += span.origin[last : match.start()]
        typed += span.typed[last : match.start()]
        text.append(words[name])
        origin += [span.origin[match.start()]] * len(words[name])
        typed += [False] * len(words[name])
        last = match.end()
    text.append(span.text[last:])
    origin += span.origin[last:]
    typed += span.typed[last:]
    return Span("".join(text), tuple(origin), tuple(typed))


def joined(span: Span) -> Span:
    """Return ``span`` with its lines joined as printed (see text.join_lines)."""
    keep: list[int] = []
    text = span.text
    i = 0
    while i < len(text):
        if not text[i].isspace():
            keep.append(i)
            i += 1
            continue
        end = i
        while end < len(text) and text[end].isspace():
            end += 1
        near_cjk = (i > 0 and is_cjk(text[i - 1])) or (end < len(text) and is_cjk(text[end]))
        if not near_cjk and i > 0 and end < len(text):
            keep.append(-1 - i)  # one space stands for the run
        i = end
    chars = [text[k] if k >= 0 else " " for k in keep]
    origin = [span.origin[k if k >= 0 else -1 - k] for k in keep]
    typed = [span.typed[k if k >= 0 else -1 - k] for k in keep]
    return Span("".join(chars), tuple(origin), tuple(typed))


def _at(source: Source, path: PathKey, span: Span, i: int, message: str, width: int = 1) -> Problem:
    end = min(i + width, len(span.origin)) - 1
    raw_width = max(1, span.origin[end] - span.origin[i] + 1)
    return source.problem(path, message, WARNING, offset=span.origin[i], width=raw_width)


def _half_width(source: Source, path: PathKey, span: Span) -> list[Problem]:
    """Flag the ASCII marks printing makes full-width (text.half_width_marks), and ASCII quotes."""
    text = span.text
    found = half_width_marks(text)
    # The quotes printing converts (in pairs, text.full_width keeps every index in place).
    printed = full_width(text) if '"' in text else text
    found += [i for i, ch in enumerate(text) if ch == '"' and printed[i] != ch]
    found = sorted(i for i in found if span.typed[i])
    if not found:
        return []
    first = text[found[0]]
    full = "“ ”" if first == '"' else HALF_TO_FULL[first]
    more = f"（本段共 {len(found)} 处）" if len(found) > 1 else ""
    if first == "-":
        message = f"汉字之间的半角连字符“-”表示起止或连接，应为一字线“—”{more}：生成时会自动改为“—”，建议在数据中改正"
    else:
        message = f"半角标点“{first}”与中文相邻，应为全角“{full}”{more}：生成时会自动改为全角，建议在数据中改正"
    return [_at(source, path, span, found[0], message)]


def _unpaired_quotes(source: Source, path: PathKey, span: Span) -> list[Problem]:
    """Flag a last ASCII quote without a partner: printing leaves it ASCII (text._quotes)."""
    text = span.text
    problems: list[Problem] = []
    for quote in ('"', "'"):
        i = quote_pairs(text, quote)[1]
        if i is not None and span.typed[i] and any(is_cjk(ch) for ch in text):
            message = f"半角引号“{quote}”没有配对：生成时不会改为全角，请补上另一半（或改为全角引号）或删除"
            problems.append(_at(source, path, span, i, message))
    return problems


def _brackets(source: Source, path: PathKey, span: Span) -> list[Problem]:
    problems: list[Problem] = []
    stack: list[int] = []
    open_count: dict[str, int] = {}
    text = span.text

    def unclosed(i: int) -> Problem:
        closer = _OPENERS[text[i]]
        return _at(source, path, span, i, f"“{text[i]}”没有对应的“{_full(closer)}”：请补上或删除")

    for i, ch in enumerate(text):
        if ch in _OPENERS:
            stack.append(i)
            open_count[_full(ch)] = open_count.get(_full(ch), 0) + 1
        elif ch in _CLOSERS:
            want = _full(_CLOSERS[ch])
            if not open_count.get(want):
                message = f"“{ch}”没有对应的“{want}”：请补上或删除"
                problems.append(_at(source, path, span, i, message))
                continue
            match = len(stack) - 1
            while _full(text[stack[match]]) != want:
                match -= 1
            problems += [unclosed(k) for k in stack[match + 1 :]]
            for k in stack[match:]:
                open_count[_full(text[k])] -= 1
            del stack[match:]
    problems += [unclosed(k) for k in stack]
    return problems


def _full(ch: str) -> str:
    return _SAME_BRACKET.get(ch, ch)


def _doubled(source: Source, path: PathKey, span: Span) -> list[Problem]:
    problems = []
    for match in _DOUBLED.finditer(span.text):
        pair = match.group()
        if pair in _ALLOWED_PAIRS:
            continue
        message = f"标点重复“{pair}”：请删除多余的标点"
        problems.append(_at(source, path, span, match.start(), message, width=2))
    return problems


def _typed_figures(
    source: Source,
    path: PathKey,
    value: str,
    figures: Lookup,
    years: Mapping[str, str],
) -> list[Problem]:
    def mask(match: re.Match[str]) -> str:
        return "\x00" * len(match.group())

    masked = REFERENCE.sub(mask, value)
    pieces, last = [], 0
    for start, end in brace_spans(masked):
        pieces += [masked[last:start], "\x00" * (end - start)]
        last = end
    masked = "".join([*pieces, masked[last:]])
    marker = typed_marker(masked)
    if marker is not None:
        # A typed "1." is an outline marker, reported as such by check.markers.
        masked = "\x00" * marker.end() + masked[marker.end() :]
    enclosed = _enclosed(masked, "〔[【", "〕]】")
    problems = []
    for match in _NUMBER.finditer(masked):
        number = match.group()
        plain = number.translate(_FULL_DIGITS)
        start, end = match.span()
        before = masked[start - 1] if start else ""
        token = _token_around(masked, start, end)
        if (
            re.search("[A-Za-z]", token)
            or before == "第"
            or _DATE_AFTER.match(masked, end)
            or enclosed[start]
        ):
            continue
        if masked.startswith("年", end) and len(plain) == 4:
            if plain in years:
                message = f"年份“{number}”直接写在正文中：请写 {{{years[plain]}}}，换期时会自动更新"
                problems.append(
                    source.problem(path, message, WARNING, offset=start, width=end - start)
                )
            continue
        message = f"正文中直接写了数字“{number}”：数字应写在 metrics 中，正文用 {{标识}} 引用"
        same = figures.by_value.get(plain, [])
        if same:
            message += "，是否想写 " + " 或 ".join(f"{{{key}}}" for key in same[:3]) + "？"
        problems.append(source.problem(path, message, WARNING, offset=start, width=end - start))
    return problems


def _token_around(text: str, start: int, end: int) -> str:
    for match in _TOKEN.finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if match.start() <= start < match.end():
            return match.group()
    return ""


def _enclosed(text: str, openers: str, closers: str) -> list[bool]:
    """Mark the characters standing between an opener and the next closer (〔2023〕5号)."""
    marks = [False] * len(text)
    start = None
    for i, ch in enumerate(text):
        if ch in openers:
            start = i
        elif ch in closers and start is not None:
            marks[start:i] = [True] * (i - start)
            start = None
    return marks


def _bi(source: Source, path: PathKey, span: Span) -> list[Problem]:
    problems = []
    for match in _BI.finditer(span.text):
        i = match.start() + 1
        left = _number_before(span.text, i)
        right = _NUMBER_AND_UNIT.match(span.text, i + 1)
        shown = f"{left}比{right.group() if right else ''}"
        message = f"“{shown}”中的“比”可能是“笔”的笔误（如“{shown.replace('比', '笔')}”）：请核对"
        problems.append(_at(source, path, span, i, message))
    return problems


def _number_before(text: str, end: int) -> str:
    start = end
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] == "."):
        start -= 1
    return text[start:end]


def _braces(source: Source, path: PathKey, value: str, figures: Lookup) -> list[Problem]:
    """Flag braces that are not a {reference}: they would be printed as they are."""
    problems = []
    references = {m.span() for m in REFERENCE.finditer(value)}
    for start, end in brace_spans(value):
        if (start, end) in references:
            continue
        message = _brace_message(value[start:end], figures)
        problems.append(source.problem(path, message, ERROR, offset=start, width=end - start))
    return problems


def _brace_message(found: str, figures: Lookup) -> str:
    if found.startswith(("{{", "{%")):
        inner = found[2:-2].strip()
        hint = (
            f"；引用指标只用一对花括号，如 {{{inner}}}"
            if REFERENCE.fullmatch(f"{{{inner}}}")
            else ""
        )
        return f"“{found}”看起来是模板代码：数据中的文字不会当作模板执行，而会原样印出{hint}"
    if len(found) == 1:
        return f"多余的花括号“{found}”：花括号只用于引用指标，如 {{标识}}"
    inner = found[1:-1].strip()
    guesses = figures.named(inner)
    hint = f"，是否想写 {{{guesses[0]}}}？" if guesses else ""
    return f"“{found}”不是有效的指标引用：引用指标请写 {{标识}}（标识只用小写英文字母、数字和下划线）{hint}"


_FULL_BRACES = re.compile(r"｛([^｛｝{}\n]{0,100})｝")


def _full_width_braces(source: Source, path: PathKey, value: str, figures: Lookup) -> list[Problem]:
    """Flag `｛study_sessions｝`: an input method's braces are printed as they are, unexpanded."""
    problems = []
    for match in _FULL_BRACES.finditer(value):
        found = match.group()
        inner = match.group(1).strip()
        guesses = figures.exact(inner)
        if guesses or is_identifier(inner):
            fixed = f"{{{guesses[0] if guesses else inner}}}"
            message = (
                f"“{found}”用了全角花括号，不会被替换成数值：引用指标请用半角花括号，写 {fixed}"
            )
        else:
            message = f"“{found}”用了全角花括号：引用指标请用半角花括号 {{标识}}，否则会原样印出"
        start, end = match.span()
        problems.append(source.problem(path, message, ERROR, offset=start, width=end - start))
    return problems


_FIELD_IN_TEXT = re.compile(r"(lead|text|heading|label|title|preamble)[ \t]*：")


def _field_in_text(source: Source, path: PathKey, value: str) -> list[Problem]:
    """Flag `- lead：加强……`: with a full-width colon YAML reads the field name as prose."""
    match = _FIELD_IN_TEXT.match(value)
    if match is None:
        return []
    key = match.group(1)
    message = (
        f"“{match.group()}”像是字段名加中文冒号，会连同“{key}”一起作为正文印出："
        f"若要写 {key} 字段，请改为“{key}: ”（英文冒号加空格）"
    )
    return [source.problem(path, message, ERROR, offset=0, width=match.end())]


def _comment(source: Source, path: PathKey) -> list[Problem]:
    """Flag `text: 办结率 #1` — YAML drops everything from ` #` on, silently."""
    scalar = source.scalars.get(path)
    if scalar is None or scalar.style is not None:
        return []
    line, col = source.position(path, len(scalar.value))
    text = source.line(line) or ""
    match = re.match(r"[ \t]+#(\S.*)", text[col - 1 :])
    if not match:
        return []
    lost = "#" + match.group(1)
    message = (
        f"“{lost}”被当作 YAML 注释，不会出现在报告里：若是正文，请删去“#”前的空格或给整段内容加引号"
    )
    at = col - 1 + match.start(1)
    return [Problem(source.path, line, at, message, WARNING, path, text, len(lost))]

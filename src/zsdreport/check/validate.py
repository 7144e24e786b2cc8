"""Plain data → validated Report. Every problem is collected with its file, line and column."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from zsdreport.check.markers import check_markers
from zsdreport.check.proofread import check_characters, check_prose
from zsdreport.check.schema_errors import validate
from zsdreport.check.suggest import did_you_mean
from zsdreport.errors import Problem, Severity, UsageError
from zsdreport.figures.compute import check_references, compute_figures
from zsdreport.figures.figure import Figure
from zsdreport.figures.references import references
from zsdreport.load.files import refusal
from zsdreport.load.reader import PathKey, Source, load_file
from zsdreport.periods.compare import comparison_words, load_others, outside
from zsdreport.periods.period import check_folder
from zsdreport.periods.words import check_period_words
from zsdreport.report import Part, Report, Section
from zsdreport.schema import Item, ReportFile, SectionFile, SectionGroup, SubItem
from zsdreport.schema.report import PERIOD_WORDS, SectionRef
from zsdreport.text import INTRO, prose, without_intro
from zsdreport.write import safe_name

REPORT_FILE = "report.yaml"
RESERVED = frozenset(PERIOD_WORDS)
MAX_NAME_BYTES = 200
M = TypeVar("M", bound=BaseModel)


class Files:
    """How load_report reads, validates and proofreads each file: afresh, every time.

    ``zsdreport watch`` passes a subclass that reuses what an unchanged file gave last time.
    """

    def source(self, path: Path) -> Source:
        """Return the data file at ``path`` with its positions and loading problems."""
        return load_file(path)

    def model(self, source: Source, model: type[M], problems: list[Problem]) -> M | None:
        """Return ``source`` validated as ``model`` (or None); its problems go into ``problems``."""
        return validate(source, model, problems)

    def characters(self, source: Source) -> list[Problem]:
        """Return the characters of ``source`` that cannot be printed or look pasted in."""
        return check_characters(source)

    def prose(
        self,
        fields: Iterable[tuple[Source, PathKey, str]],
        figures: Mapping[str, Figure],
        words: Mapping[str, str],
    ) -> list[Problem]:
        """Return what proofreading finds in the prose ``fields``."""
        return check_prose(fields, figures, words)


@cache
def _sections_adapter() -> TypeAdapter[list[SectionGroup]]:
    return TypeAdapter(list[SectionRef])


def load_report(
    root: Path, *, previous: bool = True, files: Files | None = None
) -> tuple[Report | None, list[Problem]]:
    """Load and validate a period's data folder; return the report (if usable) and all problems.

    ``previous`` loads the other periods report.yaml names: the previous period a 主要指标对比表
    compares with, and the folders of ``compare`` (never their own other periods). ``files``
    reads this folder's files (default: afresh); the other periods are always read afresh.
    """
    files = files if files is not None else Files()
    if not root.is_dir():
        if root.name == REPORT_FILE and root.is_file():
            raise UsageError(
                f"{root} 是文件，不是文件夹：请指定它所在的数据文件夹，如 {root.parent}"
            )
        if root.exists():
            raise UsageError(f"{root} 不是文件夹：请指定一期数据的文件夹，如 data/2023H1")
        raise UsageError(f"找不到数据文件夹：{root}")
    report_path = root / REPORT_FILE
    if not (report_path.is_file() or report_path.is_symlink()):
        raise UsageError(f"{root} 中没有 {REPORT_FILE}：请指定一期数据的文件夹，如 data/2023H1")
    problems: list[Problem] = []
    source = files.source(report_path)
    sources = [source]
    problems += source.problems
    meta = files.model(source, ReportFile, problems)
    refs = meta.sections if meta is not None else _sections_anyway(source)
    parts = _load_sections(root, source, refs, problems, sources, files)
    if refs:
        names = [n for ref in refs for n in ref.names()]
        listed = {REPORT_FILE} | {
            n if n.endswith((".yaml", ".yml")) else f"{n}.yaml" for n in names
        }
        _check_unlisted(root, source, listed, problems)
    for each in sources:
        problems += files.characters(each)
    if meta is None:
        return None, _in_order(problems, sources)
    report = Report(root, meta, source, parts)
    periods = load_others(report, problems) if previous else {}
    declared = compute_figures(report, problems, outside(report, periods))
    report.comparisons = comparison_words(report, periods, list(prose_fields(report)), problems)
    check_references(report, prose_fields(report), declared, problems)
    problems += files.prose(prose_fields(report), report.figures, report.words())
    problems += check_markers(report)
    problems += check_period_words(prose_fields(report), meta.period)
    problems += check_folder(root, source, meta.period)
    if previous and meta.comparison is not None:
        from zsdreport.check.previous import load_previous

        problems += load_previous(report, lambda folder: load_report(folder, previous=False))
    _check_output(report, problems)
    problems += _check_date(source, meta)
    problems += _check_preamble(source, meta)
    if not meta.organs:
        problems.append(
            source.problem(("organs",), "缺少署名 organs（发文机关）", Severity.WARNING)
        )
    usable = not any(p.is_error for p in problems)
    return (report if usable else None), _in_order(problems, sources)


def _check_date(source: Source, meta: ReportFile) -> list[Problem]:
    """Warn when the 成文日期 is missing or far from the period's end.

    A report is written in the last two months of its half (or year) or the three after it;
    a date outside that window usually means the folder was copied from the last period.
    """
    if meta.date is None:
        return [source.problem(("date",), "缺少成文日期 date（如 2023-07-10）", Severity.WARNING)]
    period = meta.period
    if period.half == 1:
        start, end = date(period.year, 5, 1), date(period.year, 9, 30)
    else:
        start, end = date(period.year, 11, 1), date(period.year + 1, 3, 31)
    if start <= meta.date <= end:
        return []
    written = f"{meta.date.year}年{meta.date.month}月{meta.date.day}日"
    span = f"{period.year}年{period.words()['half']}"
    window = f"{start.year}年{start.month}月至{end.year}年{end.month}月"
    message = f"成文日期 {written} 不像{span}总结的日期（通常在 {window}）：是否忘了改日期？"
    return [source.problem(("date",), message, Severity.WARNING)]


def _check_preamble(source: Source, meta: ReportFile) -> list[Problem]:
    """Warn when the preamble still ends with the sentence the template now writes after it."""
    paragraphs = [p for p in meta.preamble if p.strip()]
    if not paragraphs or without_intro(prose(paragraphs[-1])) == prose(paragraphs[-1]):
        return []
    path: PathKey = ("preamble",)
    if isinstance(source.data.get("preamble"), list):
        path += (len(meta.preamble) - 1,)
    message = (
        f"开头语末尾的“{INTRO}”由模板写出（report.md.j2），数据中不必再写，"
        "否则会印两次：请从 preamble 中删去这句"
    )
    return [source.problem(path, message, Severity.WARNING)]


def _sections_anyway(source: Source) -> list[SectionGroup]:
    """Return the section list of a report file that failed validation, if it is itself valid.

    So that one run shows the problems of every file, not only of report.yaml.
    """
    if not isinstance(source.data, dict):
        return []
    try:
        return _sections_adapter().validate_python(source.data.get("sections"))
    except ValidationError:
        return []


def _in_order(problems: list[Problem], sources: list[Source]) -> list[Problem]:
    rank = {s.path: i for i, s in enumerate(sources)}
    return sorted(
        problems,
        key=lambda p: (rank.get(p.file, len(rank)) if p.file else -1, p.line or 0, p.col or 0),
    )


def _load_sections(
    root: Path,
    source: Source,
    refs: list[SectionGroup],
    problems: list[Problem],
    sources: list[Source],
    files: Files,
) -> list[Part]:
    parts: list[Part] = []
    seen: dict[str, PathKey] = {}
    listed = {name for ref in refs for name in ref.names()}
    for i, ref in enumerate(refs):
        sections: list[Section] = []
        for j, name in enumerate(ref.names()):
            where: PathKey = (
                ("sections", i) if ref.file is not None else ("sections", i, "files", j)
            )
            if name in seen:
                line = source.locate(seen[name])[0]
                message = f"节“{name}”在 sections 中出现了两次（第 {line} 行已有）"
                problems.append(source.problem(where, message))
                continue
            seen[name] = where
            section = _load_section(root, name, source, where, problems, sources, listed, files)
            if section is not None:
                sections.append(section)
        parts.append(Part(ref.heading, sections))
    return parts


def _check_unlisted(root: Path, source: Source, listed: set[str], problems: list[Problem]) -> None:
    for path in sorted(root.iterdir()):
        if path.suffix not in (".yaml", ".yml") or path.name in listed:
            continue
        if path.suffix == ".yml":
            message = f"文件 {path.name} 的扩展名应为 .yaml，否则不会被读取"
        else:
            message = (
                f"文件 {path.name} 没有列在 {REPORT_FILE} 的 sections 中，其内容不会出现在报告里："
                f"请在 sections 中加上“{path.stem}”，或把文件移出数据文件夹"
            )
        problems.append(source.problem(("sections",), message, at_key=True))


def _load_section(
    root: Path,
    name: str,
    report: Source,
    where: PathKey,
    problems: list[Problem],
    sources: list[Source],
    listed: set[str],
    files: Files,
) -> Section | None:
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        message = f"节的文件名过长（{len(name)} 个字）：请用一个较短的文件名"
        problems.append(report.problem(where, message))
        return None
    if "/" in name or "\\" in name or name.startswith(".") or not name.strip():
        problems.append(
            report.problem(where, f"节的文件名“{name}”不能包含路径，只写文件名（不带 .yaml）")
        )
        return None
    if name.endswith((".yaml", ".yml")):
        stem = name.rsplit(".", 1)[0]
        problems.append(report.problem(where, f"节的文件名不用写扩展名：请写“{stem}”"))
        return None
    path = root / f"{name}.yaml"
    refused = refusal(path)
    if refused is not None:
        problems.append(report.problem(where, f"节的文件 {path.name} {refused}"))
        return None
    if not path.is_file():
        # A file listed under its own name is no typo of this one: never suggest it.
        candidates = sorted(
            p.stem for p in root.glob("*.yaml") if p.name != REPORT_FILE and p.stem not in listed
        )
        hint = did_you_mean(name, candidates) or (
            f"：文件是否被删除或改名了？不再需要这一节时，请从 sections 中删去“{name}”"
        )
        problems.append(report.problem(where, f"找不到节的文件 {path.name}{hint}"))
        return None
    source = files.source(path)
    sources.append(source)
    problems += source.problems
    data = files.model(source, SectionFile, problems)
    return Section(name, source, data) if data is not None else None


def prose_fields(report: Report) -> Iterator[tuple[Source, PathKey, str]]:
    """Yield every prose field of the report with its file and data path."""
    meta = report.meta
    for key in ("title", "recipient", "author"):
        value = getattr(meta, key)
        if value:
            yield report.source, (key,), value
    yield from _paragraph_fields(report.source, ("preamble",), meta.preamble)
    for i, ref in enumerate(meta.sections):
        if ref.heading:
            yield report.source, ("sections", i, "heading"), ref.heading
    for i, organ in enumerate(meta.organs):
        yield report.source, ("organs", i), organ
    for section in report.sections():
        data, source = section.data, section.source
        yield source, ("heading",), data.heading
        yield from _paragraph_fields(source, ("text",), data.text)
        yield from _item_fields(source, ("items",), data.items)
        yield from _point_fields(source, ("points",), data.points)
        for t, table in enumerate(data.tables):
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row):
                    if cell:
                        yield source, ("tables", t, "rows", r, c), cell


def _item_fields(
    source: Source, path: PathKey, items: Sequence[Item | SubItem]
) -> Iterator[tuple[Source, PathKey, str]]:
    for i, item in enumerate(items):
        if item.lead:
            yield source, (*path, i, "lead"), item.lead
        yield from _paragraph_fields(source, (*path, i, "text"), item.text)
        yield from _point_fields(source, (*path, i, "points"), item.points)
        if isinstance(item, Item):
            yield from _item_fields(source, (*path, i, "items"), item.items)


def _paragraph_fields(
    source: Source, path: PathKey, paragraphs: list[str]
) -> Iterator[tuple[Source, PathKey, str]]:
    if source.scalars.get(path) is not None:
        # `text: 一段文字` stands for a list of one paragraph: the text is the value itself.
        yield source, path, paragraphs[0]
        return
    for k, paragraph in enumerate(paragraphs):
        if paragraph:
            yield source, (*path, k), paragraph


def _point_fields(
    source: Source, path: PathKey, points: list[Any]
) -> Iterator[tuple[Source, PathKey, str]]:
    for i, point in enumerate(points):
        if source.scalars.get((*path, i)) is not None:
            # `- 一段文字` stands for {text: 一段文字}: the text is the list item itself.
            yield source, (*path, i), point.text
            continue
        for key in ("lead", "text"):
            value = getattr(point, key)
            if value:
                yield source, (*path, i, key), value


def _check_output(report: Report, problems: list[Problem]) -> None:
    """Check output.filename the way build will use it: references, folders, length."""
    where = ("output", "filename")
    filename = report.meta.output.filename
    words = {**report.words(), "title": ""}
    unknown = [m for m in references(filename) if m.group(1) not in words]
    for match in unknown:
        hint = did_you_mean(match.group(1), list(words))
        message = f"输出文件名引用了未定义的 {{{match.group(1)}}}{hint}"
        problems.append(
            report.source.problem(where, message, offset=match.start(), width=len(match.group()))
        )
    if re.search(r"[/\\]|\.\.", filename):
        message = "输出文件名不能包含“/”“\\”或“..”：文件总是写在输出文件夹中（用 -o 指定文件夹）"
        problems.append(report.source.problem(where, message))
        return
    if unknown or any(p.is_error for p in problems):
        return
    name = report.output_name()
    stem = safe_name(name)
    if stem != name:
        message = f"输出文件名“{name}”含有不能用于文件名的字符，将改为“{stem}”"
        problems.append(report.source.problem(where, message, Severity.WARNING))
    if len(stem.encode("utf-8")) > MAX_NAME_BYTES:
        message = f"输出文件名过长（{len(stem)} 个字）：请在 output.filename 中写一个较短的名字"
        problems.append(report.source.problem(where, message))

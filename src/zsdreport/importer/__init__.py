"""import: an existing report (.docx, .txt, .md) → a data folder in the schema of data/2023H1."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zsdreport.errors import DataError, Problem, Severity


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote and noticed: the folder, its files, the figures made, warnings."""

    folder: Path
    files: list[str]
    period: str
    figures: int
    sections: int
    problems: list[Problem] = field(default_factory=list)


def import_report(
    path: Path, folder: Path, *, force: bool = False, metrics: bool = True
) -> ImportResult:
    """Read the report at ``path`` and write its data folder to ``folder``."""
    from zsdreport.importer.figures import extract, figure_problem
    from zsdreport.importer.outline import recognise
    from zsdreport.importer.period import find_period, heading_words, period_words
    from zsdreport.importer.shape import shape
    from zsdreport.importer.sources import read_source
    from zsdreport.importer.writer import dump, write_folder
    from zsdreport.text import full_width, without_intro

    source = read_source(path)
    problems = list(source.problems)
    outline = recognise(source)
    problems += outline.problems
    if not outline.top:
        message = (
            "没有找到报告的层次结构（如“一、”“（一）”“1.”开头的标题），不像一份工作报告："
            "请确认文件内容，或在各部分标题前加上序号后再导入"
        )
        raise DataError([*problems, Problem(path, None, None, message)])
    shaped = shape(outline, source)
    problems += shaped.problems
    texts = [p.text for p in source.paragraphs if p.table is None]
    period = find_period(outline.title, path.stem, texts)
    if period is None:
        message = (
            "无法判断报告的期别：标题中没有“2023年上半年”“2023年”这样的年份，请在标题中写明后再导入"
        )
        raise DataError([*problems, Problem(path, None, None, message)])
    title = outline.title or _fallback_title(outline.organs, period.describe())
    if outline.title is None:
        problems.append(
            Problem(
                path,
                None,
                None,
                f"原稿没有标题：已写作“{title}”，请在 report.yaml 中核对",
                Severity.WARNING,
            )
        )
    report: dict[str, Any] = {
        "title": heading_words(full_width(title), period),
        "period": period.code(),
    }
    if outline.organs:
        report["organs"] = outline.organs
    if outline.date is not None:
        report["date"] = outline.date.isoformat()
    if outline.recipient:
        report["recipient"] = outline.recipient
    preamble = [period_words(full_width(p), period) for p in shaped.report["preamble"]]
    if preamble:
        # The template writes the closing 现将有关情况报告如下： itself: keep it once.
        preamble[-1] = without_intro(preamble[-1])
        preamble = [p for p in preamble if p.strip()]
    if preamble:
        report["preamble"] = preamble
    report["sections"] = [
        {"heading": heading_words(full_width(e["heading"]), period), "files": e["files"]}
        if isinstance(e, dict)
        else e
        for e in shaped.report["sections"]
    ]
    for section in shaped.sections:
        section.comment = full_width(section.comment)
        section.data["heading"] = heading_words(full_width(section.data["heading"]), period)
        for holder, key in _prose(section.data):
            holder[key] = period_words(full_width(holder[key]), period)
    figures = 0
    if metrics:
        figures = extract(
            [(s.name, s.data) for s in shaped.sections],
            lambda name, message: problems.append(
                figure_problem(str(folder / f"{name}.yaml"), message)
            ),
        )
    files = {
        "report.yaml": dump(
            report,
            f"报告总文件：由 zsdreport import 从 {path.name} 导入，请核对标题、期别、署名和成文日期",
        )
    }
    for section in shaped.sections:
        files[f"{section.name}.yaml"] = dump(section.data, section.comment.removeprefix("# "))
    for name in files:
        schema = schema_line(
            folder, "report.schema.json" if name == "report.yaml" else "section.schema.json"
        )
        if schema:
            files[name] += schema + "\n"
    write_folder(folder, files, force=force, keep=path)
    return ImportResult(folder, list(files), period.code(), figures, len(shaped.sections), problems)


def schema_line(folder: Path, name: str) -> str | None:
    """Return the editor's schema comment for a file in ``folder``, when a schema/ folder is above it.

    The comment is the last line, as in data/2023H1, so that it moves no line numbers.
    """
    import os

    target = folder.resolve()
    for parent in target.parents:
        schema = parent / "schema" / name
        if schema.is_file():
            relative = os.path.relpath(schema, target).replace(os.sep, "/")
            return f"# yaml-language-server: $schema={relative}"
    return None


def _fallback_title(organs: list[str], period: str) -> str:
    for organ in organs:
        town = re.search(
            r"([\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))(?:人民政府|委员会|党委|办事处)?$", organ
        )
        if town:
            name = re.sub(r"^.*?(?:县|区|市)", "", town.group(1)) or town.group(1)
            return f"{name}{period}工作总结"
    return f"{period}工作总结"


def _prose(data: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    from zsdreport.importer.figures import _prose_fields

    return _prose_fields(data)

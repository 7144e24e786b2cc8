"""build: load → validate → lay out → render → write, nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from zsdreport.check.validate import load_report
from zsdreport.document.outline import Document, outline
from zsdreport.errors import DataError, Problem, Severity, UsageError
from zsdreport.report import Report
from zsdreport.write import safe_name, write_all

FORMATS = ("md", "docx", "pdf")


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and the warnings it met."""

    outputs: list[Path]
    warnings: list[Problem]


def check(data_dir: Path, *, strict: bool = False) -> tuple[Report, list[Problem]]:
    """Validate a data folder; raise DataError on errors (on warnings too when ``strict``)."""
    report, problems = load_report(data_dir)
    if report is None or (strict and problems):
        raise DataError(problems, strict=strict)
    return report, problems


def parse_formats(value: str | Sequence[str] | None, default: Sequence[str]) -> list[str]:
    """Return the output formats asked for (comma-separated), refusing unknown ones."""
    if value is None:
        return list(default)
    names = value.split(",") if isinstance(value, str) else list(value)
    formats = [n.strip().lower() for n in names if n.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(
            f"不支持的输出格式：{'、'.join(unknown) or '（空）'}；可选 {'、'.join(FORMATS)}"
        )
    return list(dict.fromkeys(formats))


def build(
    data_dir: Path,
    out_dir: Path | None = None,
    formats: str | None = None,
    templates: Path | None = None,
    *,
    strict: bool = False,
) -> BuildResult:
    """Build the report of ``data_dir`` into ``out_dir`` (default ``build/<folder name>``)."""
    report, problems = check(data_dir, strict=strict)
    chosen = parse_formats(formats, report.meta.output.formats)
    out = out_dir if out_dir is not None else Path("build") / data_dir.resolve().name
    doc = outline(report)
    stem = safe_name(report.output_name())
    if "pdf" in chosen:
        problems = [*problems, *_font_warnings(report)]
    files = render(doc, report, chosen, templates)
    outputs = write_all(out, {f"{stem}.{fmt}": content for fmt, content in files.items()})
    return BuildResult(outputs, problems)


def _font_warnings(report: Report) -> list[Problem]:
    from zsdreport.render.fonts import installed_families, missing_fonts

    families = installed_families()
    missing = missing_fonts(report.meta.style, families) if families is not None else []
    if not missing:
        return []
    message = (
        f"本机没有安装字体 {'、'.join(missing)}，PDF 中会用其他字体代替；"
        "Word 文档只记录字体名称，在装有这些字体的电脑上打印不受影响"
    )
    return [Problem(report.source.path, None, None, message, Severity.WARNING)]


def render(
    doc: Document, report: Report, formats: list[str], templates: Path | None
) -> dict[str, bytes]:
    """Render ``doc`` in each format, in memory; nothing is written here."""
    files: dict[str, bytes] = {}
    if "md" in formats:
        from zsdreport.render.markdown import render_markdown

        files["md"] = render_markdown(doc, templates).encode("utf-8")
    if "docx" in formats or "pdf" in formats:
        from zsdreport.render.docx import render_docx

        docx = render_docx(doc, report.meta.style)
        if "docx" in formats:
            files["docx"] = docx
        if "pdf" in formats:
            from zsdreport.render.pdf import docx_to_pdf

            files["pdf"] = docx_to_pdf(docx)
    return files

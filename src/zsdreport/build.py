"""build: load → validate → template → document → render → write, nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from zsdreport.check.validate import Files, load_report
from zsdreport.errors import DataError, Problem, Severity, UsageError
from zsdreport.report import Report

if TYPE_CHECKING:
    from jinja2 import Template

    from zsdreport.document.outline import Document
from zsdreport.write import safe_name, write_all

FORMATS = ("md", "docx", "pdf")


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class BuildResult(NamedTuple):
    """What a build wrote, and the warnings it met."""

    outputs: list[Path]
    warnings: list[Problem]


class Renderer(Protocol):
    """What renders a checked report into output bytes in another process (render/worker.py)."""

    def texts(self, report: Report, templates: Path | None, formats: list[str]) -> dict[str, bytes]:
        """Return what render_texts gives for the outline of ``report``: .md, .docx, no PDF."""
        ...


class Reuse(Protocol):
    """What a caller that builds again and again (``zsdreport watch``) keeps between builds."""

    @property
    def files(self) -> Files:
        """Return how the data files are read (a cache of the unchanged ones)."""
        ...

    def template(self, templates: Path | None) -> Template:
        """Return the compiled document template of ``templates`` (None: the shipped ones)."""
        ...


def check(
    data_dir: Path, *, strict: bool = False, files: Files | None = None
) -> tuple[Report, list[Problem]]:
    """Validate a data folder; raise DataError on errors (on warnings too when ``strict``)."""
    report, problems = load_report(data_dir, files=files)
    if report is None or (strict and problems):
        raise DataError(problems, strict=strict)
    return report, problems


def parse_formats(
    value: str | Sequence[str] | None, default: Sequence[str], *, only: bool = False
) -> list[str]:
    """Return the output formats: ``value`` (comma-separated) added to ``default``, or only them.

    ``--format pdf`` adds a PDF to what report.yaml asks for; ``--only md`` makes just the Markdown.
    """
    if value is None:
        return list(default)
    names = value.split(",") if isinstance(value, str) else list(value)
    formats = [n.strip().lower() for n in names if n.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(
            f"不支持的输出格式：{'、'.join(unknown) or '（空）'}；可选 {'、'.join(FORMATS)}"
        )
    return list(dict.fromkeys(formats if only else [*default, *formats]))


def default_output(data_dir: Path) -> Path:
    """Return where a build goes without ``-o``: ``build/<period folder>`` in the project.

    The project is the folder holding ``data/``, so ``data/2023H1`` goes to ``build/2023H1``
    wherever the command is run from, and a build started inside ``data/`` does not leave an
    untracked ``build/`` there. A period folder outside a ``data/`` folder gets ``build/`` beside it.
    """
    folder = data_dir.resolve()
    home = folder.parent.parent if folder.parent.name == "data" else folder.parent
    return home / "build" / folder.name


def build(
    data_dir: Path,
    out_dir: Path | None = None,
    formats: str | None = None,
    templates: Path | None = None,
    *,
    strict: bool = False,
    extra: str | None = None,
    reuse: Reuse | None = None,
    renderer: Renderer | None = None,
) -> BuildResult:
    """Build the report of ``data_dir`` into ``out_dir`` (default: see default_output).

    ``formats`` replaces the formats report.yaml asks for (``--only``); ``extra`` adds to them
    (``--format``). ``reuse`` supplies files and the template kept from earlier builds;
    ``renderer`` renders the outputs in another process, as they are rendered here.
    """
    if formats is not None and extra is not None:
        raise UsageError(
            "--format 与 --only 只能用一个：--format 在 report.yaml 设置的格式之外增加，--only 只生成所列格式"
        )
    if out_dir is not None:
        check_output_folder(out_dir)
    report, problems = check(data_dir, strict=strict, files=reuse.files if reuse else None)
    configured = report.meta.output.formats
    if extra is not None:
        chosen = parse_formats(extra, configured)
    else:
        chosen = parse_formats(formats, configured, only=True)
    out = out_dir if out_dir is not None else default_output(data_dir)
    if renderer is not None:
        from zsdreport.render.formats import with_pdf

        files = with_pdf(renderer.texts(report, templates, chosen), chosen)
    else:
        from zsdreport.document.outline import outline

        doc = outline(report, templates, template=reuse.template(templates) if reuse else None)
        files = render(doc, report, chosen)
    stem = safe_name(report.output_name())
    if "pdf" in chosen:
        problems = [*problems, *_font_warnings(report)]
    problems = [*problems, *_pending_warning(report)]
    outputs = write_all(out, {f"{stem}.{fmt}": content for fmt, content in files.items()})
    return BuildResult(outputs, problems)


def check_output_folder(out_dir: Path) -> None:
    """Refuse ``-o 报告.docx``: -o names a folder, the file names come from report.yaml."""
    if out_dir.suffix.lower() in {f".{fmt}" for fmt in FORMATS} and not out_dir.is_dir():
        raise UsageError(
            f"-o 指定的是输出文件夹，不是文件：“{out_dir}”以 {out_dir.suffix} 结尾，像是文件名。"
            f"请写一个文件夹，如 -o {out_dir.with_suffix('')}；文件名由 report.yaml 的 output.filename 决定"
        )


def _pending_warning(report: Report) -> list[Problem]:
    """Say once that the outputs print figures still to be filled in, and how they look."""
    pending = [f for f in report.figures.values() if f.pending]
    if not pending:
        return []
    message = (
        f"有 {len(pending)} 个指标尚未更新，生成的文件中印为“【待填：上期……】”："
        "填写本期数（或用 zsdreport fill 从填报表填入）后请重新生成"
    )
    return [Problem(report.source.path, None, None, message, Severity.WARNING)]


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


def render(doc: Document, report: Report, formats: list[str]) -> dict[str, bytes]:
    """Render ``doc`` (the template's document) in each format, in memory; nothing is written here."""
    from zsdreport.render.formats import render_texts, with_pdf

    return with_pdf(render_texts(doc, report.meta.style, formats), formats)

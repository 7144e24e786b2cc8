"""One watched data folder: builds that keep what the next build can reuse."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zsdreport.build import build
from zsdreport.errors import DataError, Problem, UsageError, ZsdError
from zsdreport.watch.files import CachedFiles

if TYPE_CHECKING:
    from jinja2 import Template

DATA_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Rebuild:
    """What one build did: the files written and the warnings, or why nothing was written."""

    milliseconds: float
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    failure: ZsdError | None = None
    """The data's problems (DataError) or another reason; the outputs were left as they were."""


class Watcher:
    """Build ``data_dir`` again and again, reusing the unchanged files and the compiled template.

    The options are those of ``zsdreport build``; every build gives the bytes a cold build
    of the same files gives (tests/watch/test_session.py).
    """

    def __init__(
        self,
        data_dir: Path,
        out_dir: Path | None = None,
        formats: str | None = None,
        templates: Path | None = None,
        *,
        strict: bool = False,
        extra: str | None = None,
    ) -> None:
        self.data_dir, self.out_dir, self.templates = data_dir, out_dir, templates
        self._formats, self._extra, self._strict = formats, extra, strict
        self.files = CachedFiles()
        self._template: Template | None = None
        self._template_key: tuple[tuple[str, bytes], ...] | None = None
        self._built_from: object = None
        self.compiled = 0
        """How many times the template was compiled: for tests."""

    def template(self, templates: Path | None) -> Template:
        """Return the compiled template, compiled again only when a template file changed."""
        from zsdreport.render.env import environment
        from zsdreport.render.template_folder import TEMPLATE, check_folder, default_templates

        folder = default_templates() if templates is None else check_folder(templates)
        key = _folder_key(folder)
        if self._template is None or key != self._template_key:
            self._template = environment(templates).get_template(TEMPLATE)
            self._template_key = key
            self.compiled += 1
        return self._template

    def rebuild(self, *, raise_usage: bool = False) -> Rebuild:
        """Build once, writing nothing unless the whole build succeeds.

        A usage error (a missing folder, an unknown format) is raised when ``raise_usage``,
        so that a first build can end the command; later it is only reported.
        """
        start = time.perf_counter()
        self._built_from = self.inputs()
        try:
            result = build(
                self.data_dir,
                self.out_dir,
                self._formats,
                self.templates,
                strict=self._strict,
                extra=self._extra,
                reuse=self,
            )
        except UsageError as e:
            if raise_usage:
                raise
            return Rebuild(_ms(start), failure=e)
        except ZsdError as e:
            return Rebuild(_ms(start), failure=e)
        finally:
            self.files.forget_missing(_data_files(self.data_dir))
        return Rebuild(_ms(start), result.outputs, result.warnings)

    def changed(self) -> bool:
        """Tell whether a data or template file differs from what the last build read."""
        return self.inputs() != self._built_from

    def inputs(self) -> object:
        """Return everything a build reads from the watched folders, to compare."""
        files = tuple((p.name, _bytes(p)) for p in _data_files(self.data_dir))
        templates = _folder_key(self.templates) if self.templates is not None else ()
        return files, templates

    def watched(self) -> list[Path]:
        """Return the folders to watch: the data folder and the template folder, if any."""
        folders = [self.data_dir]
        if self.templates is not None:
            folders.append(self.templates)
        return folders


def problems_of(failure: ZsdError) -> list[Problem]:
    """Return the located problems a failed build found (none for other failures)."""
    return failure.problems if isinstance(failure, DataError) else []


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _data_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in DATA_SUFFIXES)
    except OSError:
        return []


def _folder_key(folder: Path) -> tuple[tuple[str, bytes], ...]:
    """Return every file of a template folder with its bytes (templates may include others)."""
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
    except OSError:
        return ()
    return tuple((str(p.relative_to(folder)), _bytes(p)) for p in files)


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""

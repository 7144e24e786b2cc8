"""Build several data folders at once, each in its own process; one folder's errors stop no other."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from zsdreport.errors import DataError, Problem, ZsdError


@dataclass(frozen=True)
class FolderOutcome:
    """What building one folder gave: outputs and warnings, or the error that stopped it."""

    folder: Path
    outputs: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.error is not None


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class BatchJob(NamedTuple):
    """The options of `build`, shared by every folder of the batch."""

    output: Path | None
    only: str | None
    templates: Path | None
    strict: bool
    extra: str | None


def build_one(folder: Path, job: BatchJob) -> FolderOutcome:
    """Build ``folder``; errors are returned, never raised, so that the batch goes on."""
    from zsdreport.build import build

    start = time.perf_counter()
    out = job.output / folder.resolve().name if job.output is not None else None
    try:
        result = build(folder, out, job.only, job.templates, strict=job.strict, extra=job.extra)
    except DataError as e:
        return FolderOutcome(
            folder, [], e.problems, e.summary() + "；未生成任何文件", _since(start)
        )
    except ZsdError as e:
        return FolderOutcome(folder, [], [], f"错误：{e}", _since(start))
    except Exception as e:
        message = f"内部错误（{type(e).__name__}）：这是 zsdreport 的缺陷，请加 --debug 单独生成这个文件夹"
        return FolderOutcome(folder, [], [], message, _since(start))
    return FolderOutcome(folder, result.outputs, result.warnings, None, _since(start))


def build_many(folders: list[Path], job: BatchJob, jobs: int | None = None) -> list[FolderOutcome]:
    """Build every folder in a pool of ``jobs`` processes (default: one per core), in order.

    With one job the folders are built one after another in this process: no pool to start.
    """
    workers = min(len(folders), jobs or os.cpu_count() or 1)
    if workers <= 1:
        return [build_one(folder, job) for folder in folders]
    context = None
    if sys.platform.startswith("linux"):
        # Forked workers start with the build's modules already imported here, once, instead of
        # each importing them again (on 2 cores: 1.0 -> see commit; spawn elsewhere as before).
        context = multiprocessing.get_context("fork")
        _preload()
        # The workers' collections then leave the inherited objects alone, so that the pages
        # holding them stay shared instead of being copied into each worker (see commit).
        gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(build_one, folder, job) for folder in folders]
            return [future.result() for future in futures]
    finally:
        gc.unfreeze()


def _preload() -> None:
    """Import what every build needs, so that forked workers inherit it."""
    import zsdreport.build
    import zsdreport.document.dialect
    import zsdreport.document.outline
    import zsdreport.render.docx
    import zsdreport.render.markdown

    zsdreport.document.dialect.parser()  # imports markdown-it and its plugins


def _since(start: float) -> float:
    return time.perf_counter() - start

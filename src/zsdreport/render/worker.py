"""The document's rendering in a second process, made ready while the first checks the data.

A cold build imports Jinja2, markdown-it-py, python-docx and lxml (about 130 ms) only to render a
report it has checked. On Linux a one-shot build on two or more cores therefore forks, before it
imports anything the check needs, a child that imports the renderer and waits. The first process
meanwhile reads and checks the data on the other core, then sends plain values over a pipe: the
template's context (document/context.py), the layout and the style (render/print_style.py), so
that the child imports neither pydantic nor the models. The child renders the template, reads the
document back and answers with the .md and .docx bytes, the bytes one process makes
(tests/render/test_worker.py). Only the first process writes files (write.py).

A template's own error (TemplateFailure, UsageError) comes back and is raised as it would be in
one process. Whatever else goes wrong (the child died or failed, the job could not be pickled),
the first process renders itself, so that the error is raised, and reported, where it would be
without the child. The child never prints: its standard streams are /dev/null, it ignores
Ctrl-C (the first process stops it) and leaves with ``os._exit``, flushing nothing it inherited.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zsdreport.errors import ZsdError

if TYPE_CHECKING:
    from zsdreport.report import Report


def can_fork() -> bool:
    """Return whether a worker can save time here: Linux, two cores, no thread but this one.

    On one core the child's imports would only take turns with the first process's. A thread
    holding a lock at the fork would leave it held for ever in the child; macOS forbids forking
    a process that has used some system frameworks, and Windows cannot fork.
    """
    if not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


class RenderWorker:
    """A forked child that renders one report's outputs; see the module's docstring."""

    def __init__(self, pid: int, jobs: int, results: int) -> None:
        self._pid: int | None = pid
        self._jobs: int | None = jobs
        self._results = results

    @classmethod
    def start(cls) -> RenderWorker | None:
        """Fork the worker; None where it would not help or cannot be (see can_fork)."""
        if not can_fork():
            return None
        pipes: list[int] = []
        try:
            jobs_read, jobs_write = os.pipe()
            pipes += [jobs_read, jobs_write]
            results_read, results_write = os.pipe()
            pipes += [results_read, results_write]
            pid = os.fork()
        except OSError:  # out of processes or descriptors: the build goes on in one process
            for fd in pipes:
                os.close(fd)
            return None
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os.close(jobs_write)
            os.close(results_read)
            _serve(jobs_read, results_write)
        os.close(jobs_read)
        os.close(results_write)
        return cls(pid, jobs_write, results_read)

    @property
    def pid(self) -> int | None:
        """Return the child's process id; None once it has been reaped."""
        return self._pid

    def texts(self, report: Report, templates: Path | None, formats: list[str]) -> dict[str, bytes]:
        """Return the .md and .docx bytes of ``report`` (as render_texts), from the child if it can."""
        from zsdreport.document.context import template_context
        from zsdreport.document.outline import layout_of
        from zsdreport.render.print_style import plain_style

        # Plain values only, the style too: the child imports neither pydantic nor the models.
        style = plain_style(report.meta.style)
        job = (template_context(report), layout_of(report), templates, style, formats)
        answer = self._ask(job)
        if isinstance(answer, ZsdError):
            raise answer
        if answer is not None:
            return answer
        return _render(*job)

    def _ask(self, job: tuple[Any, ...]) -> dict[str, bytes] | ZsdError | None:
        """Send the job and wait for the answer; None if the child did not make one."""
        if self._jobs is None:
            return None
        jobs, self._jobs = self._jobs, None
        try:
            with open(jobs, "wb", closefd=True) as pipe:
                pipe.write(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
            with open(self._results, "rb", closefd=False) as pipe:
                answer = pickle.loads(pipe.read())
        except Exception:  # any failure here is the child's: the caller renders in-process
            answer = None
        finally:
            self.close()
        return answer if isinstance(answer, dict | ZsdError) else None

    def close(self) -> None:
        """Stop the child if it still runs, and reap it; closing twice does nothing."""
        if self._jobs is not None:
            os.close(self._jobs)
            self._jobs = None
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        # A child that has answered is exiting anyway; one that has not is no longer needed.
        with contextlib.suppress(ProcessLookupError):  # a zombie can still be signalled
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(self._results)


def _render(
    context: dict[str, Any], layout: Any, templates: Path | None, style: Any, formats: list[str]
) -> dict[str, bytes]:
    """Render a job: the template's document in the formats asked for (no PDF)."""
    from zsdreport.document.outline import outline_context
    from zsdreport.render.formats import render_texts

    return render_texts(outline_context(context, layout, templates), style, formats)


def _prepare() -> None:  # pragma: no cover - runs in the child
    """Import what rendering needs, while the first process checks the data."""
    import zsdreport.document.dialect
    import zsdreport.document.outline
    import zsdreport.render.docx
    import zsdreport.render.env
    import zsdreport.render.formats
    import zsdreport.render.markdown

    zsdreport.document.dialect.parser()  # markdown-it and its plugins


def _serve(jobs: int, results: int) -> None:  # pragma: no cover - runs in the child
    """The child: prepare, read one job, answer it, leave without cleaning up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Nothing the child could print belongs on the terminal, nor may it keep a pipe reading the
    # build's output open after the build has ended.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    answer: object
    try:
        _prepare()
        with open(jobs, "rb") as pipe:
            job = pipe.read()
        if not job:  # the build failed, or was stopped
            os._exit(0)
        answer = _render(*pickle.loads(job))
    except ZsdError as e:  # the template's own error: the first process reports it
        answer = e
    except BaseException as e:  # reported as "no answer": the first process renders itself
        answer = f"{type(e).__name__}: {e}"
    try:
        with open(results, "wb") as pipe:
            try:
                data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.loads(data)  # an error that cannot be rebuilt there is no answer
            except Exception:
                data = pickle.dumps("unpicklable", protocol=pickle.HIGHEST_PROTOCOL)
            pipe.write(data)
    finally:
        os._exit(0)

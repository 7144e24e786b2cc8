"""The .docx writer in a second process, ready by the time the data is checked.

A cold build spends about 60 ms importing python-docx and lxml, and the .docx is the last
thing it makes. On Linux a one-shot build therefore forks, before it reads any data, a child
that imports the writer and waits; the first process meanwhile reads, checks and renders the
data on the other core, then sends the document over a pipe and gets the .docx bytes back.
The bytes are those ``render_docx`` gives in one process (tests/render/test_worker.py), and
only the first process writes files (write.py).

Whatever goes wrong in the child (it died, it raised, the document could not be pickled) the
first process renders the .docx itself, so that an error is raised, and reported, where it
would be without the child. The child never prints: it ignores Ctrl-C (the first process
stops it) and leaves with ``os._exit``, which flushes nothing it inherited.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zsdreport.document.outline import Document
    from zsdreport.schema.style import StyleProfile

_CHUNK = 1 << 16


def can_fork() -> bool:
    """Return whether this process may fork a worker: Linux, and no thread but this one.

    A thread holding a lock at the fork would leave it held for ever in the child; macOS
    forbids forking a process that has used some system frameworks, and Windows cannot fork.
    """
    if not sys.platform.startswith("linux"):
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


class DocxWorker:
    """A forked child that turns one document into .docx bytes; see the module's docstring."""

    def __init__(self, pid: int, jobs: int, results: int) -> None:
        self._pid: int | None = pid
        self._jobs: int | None = jobs
        self._results = results

    @classmethod
    def start(cls) -> DocxWorker | None:
        """Fork the worker; None where this process may not fork (see can_fork)."""
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

    def render(self, doc: Document, style: StyleProfile) -> bytes:
        """Return ``doc`` as .docx bytes, from the child, or made here if the child fails."""
        answer = self._ask(doc, style)
        if answer is not None:
            return answer
        from zsdreport.render.docx import render_docx

        return render_docx(doc, style)

    def _ask(self, doc: Document, style: StyleProfile) -> bytes | None:
        """Send the job and wait for the answer; None if the child did not make the bytes."""
        if self._jobs is None:
            return None
        jobs, self._jobs = self._jobs, None
        try:
            with open(jobs, "wb", closefd=True) as pipe:
                pipe.write(pickle.dumps((doc, style), protocol=pickle.HIGHEST_PROTOCOL))
            with open(self._results, "rb", closefd=False) as pipe:
                answer = pickle.loads(pipe.read())
        except Exception:  # any failure here is the child's: the caller renders in-process
            answer = None
        finally:
            self.close()
        return answer if isinstance(answer, bytes) else None

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


def _serve(jobs: int, results: int) -> None:  # pragma: no cover - runs in the child
    """The child: import the writer, read one job, answer it, leave without cleaning up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Nothing the child could print belongs on the terminal, nor may it keep a pipe reading the
    # build's output open after the build has ended.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    answer: object
    try:
        from zsdreport.render.docx import render_docx

        with open(jobs, "rb") as pipe:
            job = pipe.read()
        if not job:  # the build failed, or needs no .docx after all
            os._exit(0)
        doc, style = pickle.loads(job)
        answer = render_docx(doc, style)
    except BaseException as e:  # reported as "no answer": the first process renders itself
        answer = f"{type(e).__name__}: {e}"
    try:
        with open(results, "wb") as pipe:
            pipe.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(0)

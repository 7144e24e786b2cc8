"""The .docx worker process (render/worker.py): the same bytes, no output on failure, no child left.

Each case runs in a fresh interpreter, as a build does: the worker pays off, and may fork, only
where python-docx is not imported yet and no other thread runs, which a test session cannot
promise. The drivers count the forks and ask the kernel whether a child is left unreaped.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the worker is forked on Linux only"
)

_COUNT_FORKS = """
import json, os, sys
forks = []
_fork = os.fork
def counted_fork():
    pid = _fork()
    if pid:
        forks.append(pid)
    return pid
os.fork = counted_fork
def children_left():
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return False
    return True
"""

CLI = (
    _COUNT_FORKS
    + """
from zsdreport.cli import _state, app
from zsdreport.cli.zh import run
_state["one_shot"] = True  # as console() sets it
code = run(app, {args!r})
found = {{"code": code, "forks": len(forks), "docx": "docx" in sys.modules, "left": children_left()}}
print(json.dumps(found), file=sys.stderr)
"""
)

WORKER = (
    _COUNT_FORKS
    + """
import signal
from pathlib import Path
from zsdreport.build import check
from zsdreport.document.outline import outline
from zsdreport.render.worker import DocxWorker
report, _ = check(Path({data!r}))
doc, style = outline(report, None), report.meta.style
{case}
print(json.dumps(found), file=sys.stderr)
"""
)


def drive(script: str) -> tuple[dict[str, object], str]:
    """Run ``script`` in a fresh interpreter; return what it found (its last line) and stderr."""
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert child.returncode == 0, child.stderr
    *before, last = child.stderr.strip().splitlines()
    return json.loads(last), "\n".join(before)


def test_a_build_gets_its_docx_from_the_worker_byte_for_byte(tmp_path: Path) -> None:
    from zsdreport.build import build

    found, said = drive(CLI.format(args=["build", str(DATA), "-o", str(tmp_path / "forked")]))
    assert found == {"code": 0, "forks": 1, "docx": False, "left": False}, said
    assert "已生成" not in said and "Traceback" not in said  # 已生成 goes to stdout
    expected = {p.name: p.read_bytes() for p in build(DATA, tmp_path / "plain").outputs}
    made = {p.name: p.read_bytes() for p in (tmp_path / "forked").iterdir()}
    assert made == expected and any(name.endswith(".docx") for name in made)


def test_invalid_data_stops_the_worker_and_writes_nothing(
    tmp_path: Path, shipped_data: Path
) -> None:
    report = shipped_data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "\n未知字段: 1\n", encoding="utf-8")
    out = tmp_path / "out"
    found, said = drive(CLI.format(args=["build", str(shipped_data), "-o", str(out)]))
    assert found == {"code": 1, "forks": 1, "docx": False, "left": False}
    assert "未知字段" in said and "未生成任何文件" in said and "Traceback" not in said
    assert said.count("未生成任何文件") == 1  # the worker prints nothing of its own
    assert not out.exists()


@pytest.mark.parametrize(
    ("only", "forks"), [("md", 0), ("MD, md", 0), ("docx", 1), ("md,pdf", 1), (None, 1)]
)
def test_a_worker_is_forked_only_for_a_word_document(
    tmp_path: Path, only: str | None, forks: int
) -> None:
    # Before the data is read only --only tells whether a .docx is wanted; pdf is made from one.
    args = ["build", str(DATA), "-o", str(tmp_path / "out"), "--only", only or "md"]
    if only is None:
        args = args[:-2]
    if only is not None and "pdf" in only:
        args += ["--templates", str(tmp_path / "missing")]  # stop before LibreOffice is needed
    found, _ = drive(CLI.format(args=args))
    assert found["forks"] == forks and found["left"] is False


def test_in_process_callers_build_without_a_worker(tmp_path: Path) -> None:
    # main() (tests, `python -c`) is not console(): the process may live on, or have threads.
    script = _COUNT_FORKS + (
        "from zsdreport.cli import main\n"
        "try:\n"
        f"    main(['build', {str(DATA)!r}, '-o', {str(tmp_path)!r}])\n"
        "except SystemExit as e:\n"
        "    found = {'code': e.code, 'forks': len(forks)}\n"
    )
    found, _ = drive(script + "print(json.dumps(found), file=sys.stderr)\n")
    assert found == {"code": 0, "forks": 0}


def test_the_worker_answers_what_render_docx_makes() -> None:
    case = """
worker = DocxWorker.start()
answer = worker.render(doc, style)
imported = "docx" in sys.modules  # so the answer came from the child
from zsdreport.render.docx import render_docx
found = {"same": answer == render_docx(doc, style), "imported": imported,
         "pid": worker.pid, "forks": len(forks), "left": children_left()}
worker.close()
"""
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"same": True, "imported": False, "pid": None, "forks": 1, "left": False}


def test_a_dead_worker_is_replaced_by_rendering_here() -> None:
    case = """
worker = DocxWorker.start()
os.kill(worker.pid, signal.SIGKILL)
answer = worker.render(doc, style)
from zsdreport.render.docx import render_docx
found = {"same": answer == render_docx(doc, style), "left": children_left()}
"""
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"same": True, "left": False}


def test_an_error_in_the_worker_is_raised_here_as_without_it() -> None:
    # A block kind the writer does not know fails in the child; the same failure, raised in
    # this process, is what the error boundary reports.
    case = """
import dataclasses
from zsdreport.render.docx import render_docx
odd = dataclasses.replace(doc.blocks[-1], kind="nonsense")
broken = doc._replace(blocks=[*doc.blocks, odd])
errors = []
for make in (DocxWorker.start().render, render_docx):
    try:
        make(broken, style)
    except Exception as e:
        errors.append(f"{type(e).__name__}: {e}")
found = {"errors": errors, "forks": len(forks), "left": children_left()}
"""
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    errors = found["errors"]
    assert isinstance(errors, list) and len(errors) == 2 and errors[0] == errors[1]
    assert found["forks"] == 1 and found["left"] is False


def test_an_unpicklable_job_is_rendered_here() -> None:
    case = """
from zsdreport.render.docx import render_docx
worker = DocxWorker.start()
class Unpicklable(type(style)):
    def __reduce__(self):
        raise TypeError("not picklable")
odd = Unpicklable(**style.model_dump())
found = {"same": worker.render(doc, odd) == render_docx(doc, style), "left": children_left()}
"""
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"same": True, "left": False}


def test_a_worker_closed_unused_leaves_no_child() -> None:
    case = """
worker = DocxWorker.start()
pid = worker.pid
worker.close()
worker.close()
found = {"forked": pid is not None, "pid": worker.pid, "left": children_left()}
"""
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"forked": True, "pid": None, "left": False}


def test_no_worker_is_forked_beside_another_thread() -> None:
    case = """
import threading
stop = threading.Event()
thread = threading.Thread(target=stop.wait)
thread.start()
worker = DocxWorker.start()
stop.set()
thread.join()
found = {"worker": worker is not None, "forks": len(forks)}
"""
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"worker": False, "forks": 0}

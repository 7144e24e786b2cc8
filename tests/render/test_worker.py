"""The renderer's own process (render/worker.py): the same bytes and errors, no child left behind.

Each case runs in a fresh interpreter, as a build does: the worker pays off, and may fork, only
where the renderer is not imported yet and no other thread runs, which a test session cannot
promise. The drivers count the forks, name the libraries the first process imported (what
the child did instead), and ask the kernel whether a child is left unreaped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2,
    reason="the worker is forked on Linux with two cores or more only",
)

RENDERER = ["jinja2", "markdown_it", "docx", "lxml"]

_PROBES = """
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
def renderer_here():
    return [m for m in {renderer!r} if m in sys.modules]
""".replace("{renderer!r}", repr(RENDERER))

CLI = (
    _PROBES
    + """
from zsdreport.cli import _state, app
from zsdreport.cli.zh import run
_state["one_shot"] = {one_shot!r}  # console() sets it
code = run(app, {args!r})
found = {{"code": code, "forks": len(forks), "here": renderer_here(), "left": children_left()}}
print(json.dumps(found), file=sys.stderr)
"""
)

WORKER = (
    _PROBES
    + """
import signal
from pathlib import Path
from zsdreport.build import check
from zsdreport.render.worker import RenderWorker
report, _ = check(Path({data!r}))
formats = ["md", "docx"]
def in_one_process():
    from zsdreport.document.outline import outline
    from zsdreport.render.formats import render_texts
    return render_texts(outline(report), report.meta.style, formats)
{case}
print(json.dumps(found), file=sys.stderr)
"""
)


def drive(script: str) -> tuple[dict[str, object], str]:
    """Run ``script`` in a fresh interpreter; return what it found (its last line) and stderr."""
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert child.returncode == 0, child.stderr
    *before, last = child.stderr.strip().splitlines()
    return json.loads(last), "\n".join(before)


def build_cli(args: list[str], *, one_shot: bool = True) -> tuple[dict[str, object], str]:
    return drive(CLI.format(args=args, one_shot=one_shot))


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("only", [None, "md", "docx"])
def test_a_build_gets_its_outputs_from_the_worker_byte_for_byte(
    tmp_path: Path, only: str | None
) -> None:
    options = [] if only is None else ["--only", only]
    forked, said = build_cli(["build", str(DATA), "-o", str(tmp_path / "forked"), *options])
    assert forked == {"code": 0, "forks": 1, "here": [], "left": False}, said
    plain, _ = build_cli(
        ["build", str(DATA), "-o", str(tmp_path / "plain"), *options], one_shot=False
    )
    assert plain["forks"] == 0 and plain["here"]
    made = outputs(tmp_path / "forked")
    assert made == outputs(tmp_path / "plain")
    assert len(made) == (2 if only is None else 1)


def test_invalid_data_stops_the_worker_and_writes_nothing(
    tmp_path: Path, shipped_data: Path
) -> None:
    report = shipped_data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "\n未知字段: 1\n", encoding="utf-8")
    out = tmp_path / "out"
    found, said = build_cli(["build", str(shipped_data), "-o", str(out)])
    assert found == {"code": 1, "forks": 1, "here": [], "left": False}
    assert "未知字段" in said and "Traceback" not in said
    assert said.count("未生成任何文件") == 1  # the worker prints nothing of its own
    assert not out.exists()


@pytest.mark.parametrize(
    "template",
    [
        "{{ no_such_name }}\n",  # undefined: Jinja's error, in Chinese
        "{% for x in parts %}\n",  # a syntax error
        "# 标题\n\n<div>不是文档结构</div>\n",  # a document the dialect refuses
    ],
)
def test_a_template_error_from_the_worker_reads_as_without_it(
    tmp_path: Path, template: str
) -> None:
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "report.md.j2").write_text(template, encoding="utf-8")
    said = {}
    for one_shot in (True, False):
        out = tmp_path / f"out-{one_shot}"
        args = ["build", str(DATA), "-o", str(out), "--templates", str(templates)]
        found, said[one_shot] = build_cli(args, one_shot=one_shot)
        assert found["code"] == 1 and found["left"] is False and not out.exists()
        assert found["forks"] == int(one_shot)
        if one_shot:
            assert found["here"] == []  # the error was met in the worker, and only reported here
    assert said[True] == said[False] and "模板" in said[True] and "Traceback" not in said[True]


def test_in_process_callers_build_without_a_worker(tmp_path: Path) -> None:
    # main() (tests, `python -c`) is not console(): the process may live on, or have threads.
    script = _PROBES + (
        "from zsdreport.cli import main\n"
        "try:\n"
        f"    main(['build', {str(DATA)!r}, '-o', {str(tmp_path)!r}])\n"
        "except SystemExit as e:\n"
        "    found = {'code': e.code, 'forks': len(forks)}\n"
    )
    found, _ = drive(script + "print(json.dumps(found), file=sys.stderr)\n")
    assert found == {"code": 0, "forks": 0}


def test_the_worker_answers_what_one_process_renders() -> None:
    case = """
worker = RenderWorker.start()
answer = worker.texts(report, None, formats)
here = renderer_here()  # nothing: the answer came from the child
found = {"same": answer == in_one_process(), "here": here, "pid": worker.pid,
         "forks": len(forks), "left": children_left()}
worker.close()
"""
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"same": True, "here": [], "pid": None, "forks": 1, "left": False}


def test_a_dead_worker_is_replaced_by_rendering_here() -> None:
    case = """
worker = RenderWorker.start()
os.kill(worker.pid, signal.SIGKILL)
answer = worker.texts(report, None, formats)
found = {"same": answer == in_one_process(), "left": children_left()}
"""
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"same": True, "left": False}


@pytest.mark.parametrize(
    ("setup", "undo"),
    [
        # A failure in the child that is not a template's error: rendering here raises it, or
        # (here) succeeds.
        (
            "import zsdreport.render.formats as module\n"
            "parent, real = os.getpid(), module.render_texts\n"
            "def fails_in_the_child(*args):\n"
            "    if os.getpid() != parent:\n"
            "        raise RuntimeError('only in the child')\n"
            "    return real(*args)\n"
            "module.render_texts = fails_in_the_child\n",
            "",
        ),
        # A job that cannot be pickled never reaches the child.
        (
            "import zsdreport.document.context as module\n"
            "real = module.template_context\n"
            "module.template_context = lambda report: {**real(report), 'unpicklable': lambda: None}\n",
            "module.template_context = real\n",
        ),
    ],
    ids=["failure in the child", "unpicklable job"],
)
def test_what_the_worker_cannot_render_is_rendered_here(setup: str, undo: str) -> None:
    case = (
        setup
        + "worker = RenderWorker.start()\n"
        + "answer = worker.texts(report, None, formats)\n"
        + undo
        + """found = {"same": answer == in_one_process(), "rendered here": bool(renderer_here()),
         "left": children_left()}
"""
    )
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"same": True, "rendered here": True, "left": False}


def test_a_worker_closed_unused_leaves_no_child() -> None:
    case = """
worker = RenderWorker.start()
pid = worker.pid
worker.close()
worker.close()
found = {"forked": pid is not None, "pid": worker.pid, "left": children_left()}
"""
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"forked": True, "pid": None, "left": False}


@pytest.mark.parametrize(
    "setup",
    [
        # Another thread might hold a lock the child would need.
        "import threading\nstop = threading.Event()\nthreading.Thread(target=stop.wait).start()",
        # On one core the child's imports would only take turns with this process's work.
        "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})",
    ],
)
def test_no_worker_where_it_cannot_help(setup: str) -> None:
    case = (
        setup
        + """
worker = RenderWorker.start()
found = {"worker": worker is not None, "forks": len(forks)}
if "stop" in globals():
    stop.set()
"""
    )
    found, _ = drive(WORKER.format(data=str(DATA), case=case))
    assert found == {"worker": False, "forks": 0}


def test_the_child_finds_the_templates_the_command_line_names(tmp_path: Path) -> None:
    templates = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", templates)
    source = templates / "report.md.j2"
    source.write_text(
        source.read_text(encoding="utf-8") + "\n自定义模板的结尾。\n", encoding="utf-8"
    )
    args = ["build", str(DATA), "-o", str(tmp_path / "out"), "--templates", str(templates)]
    found, said = build_cli([*args, "--only", "md"])
    assert found["code"] == 0 and found["forks"] == 1 and found["here"] == [], said
    (made,) = (tmp_path / "out").iterdir()
    assert made.read_text(encoding="utf-8").rstrip().endswith("自定义模板的结尾。")

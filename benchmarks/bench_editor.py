"""Benchmark of the editing loop (issue 13): cold starts, watch rebuilds, scaling, batches.

Run by ``make bench``. Every figure is a ratio of timings taken side by side in this one run
(medians of REPEATS rounds, each round running every command once in turn), because the machine
is shared and absolute times are noisy. Each line names its target and says MET or NOT MET;
where a target is missed (or with ``--profile``) the profile that shows why follows the line.

Children run with bytecode caching on, as Python does by default (an environment that sets
PYTHONDONTWRITEBYTECODE would make every run compile zsdreport from source), into a temporary
PYTHONPYCACHEPREFIX so that the source tree stays clean, and with a temporary XDG_CACHE_HOME for
the compiled templates; every command runs once before timing, as a clerk's second build would.

A build forks a worker for its rendering (render/worker.py): its times are those of the whole tree
(os.wait4 counts a reaped grandchild's CPU time), so the CPU ratio beside each wall-time ratio
shows what the second core does; its memory is measured over both processes (tree_memory).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench_build import DATA, scaled_copy

REPEATS = int(os.environ.get("REPEATS", "7"))
SIZE_REPEATS = int(os.environ.get("SIZE_REPEATS", "5"))
BATCH_REPEATS = 3
WATCH_EDITS = 12
PY = sys.executable
SIZES = (1, 10, 30, 100)

FLOOR = """
import yaml, jinja2, pydantic, typer, docx
from jinja2.sandbox import SandboxedEnvironment
class M(pydantic.BaseModel):
    a: int
    b: str = ""
M(a=1)
SandboxedEnvironment().from_string("{{ x }}").render(x=1)
"""
"""The realistic floor: the five libraries, one pydantic model, one sandboxed render."""

CHECK_FLOOR = """
import yaml, pydantic
class M(pydantic.BaseModel):
    a: int
M(a=1)
"""

# The watch command's line after each rebuild: 已重建（12 ms）：…
REBUILT = re.compile(r"已重建（\s*([0-9]+(?:\.[0-9]+)?)\s*ms）")

# Profiling children: run the floor first, so that what is profiled is what a command adds.
_PROFILE = """
import cProfile, io, pstats, sys
{floor}
from zsdreport.cli import main
profile = cProfile.Profile()
profile.enable()
try:
    main({args!r})
except SystemExit:
    pass
profile.disable()
text = io.StringIO()
stats = pstats.Stats(profile, stream=text)
stats.sort_stats("tottime").print_stats(14)
stats.sort_stats("cumulative").print_stats("zsdreport", 16)
print(text.getvalue(), file=sys.stderr)
"""
_PHASES = """
import gc, json, sys, time
gc.disable()  # as zsdreport.cli.console does
clock = time.process_time
marks = [clock()]
{floor}
marks.append(clock())
before = len(sys.modules)
from pathlib import Path
import zsdreport.cli
from zsdreport.build import check, render
from zsdreport.document.outline import outline
marks.append(clock())
report, _ = check(Path({data!r}))
marks.append(clock())
document = outline(report, None)
marks.append(clock())
render(document, report, ["md"])
marks.append(clock())
render(document, report, ["docx"])
marks.append(clock())
print(json.dumps([marks, len(sys.modules) - before]))
"""
_IMPORTS = """
{floor}
import sys
from zsdreport.cli import main
try:
    main({args!r})
except SystemExit:
    pass
"""


@dataclass(frozen=True)
class Run:
    """One child process: wall and CPU seconds, peak memory (bytes), what it printed."""

    seconds: float
    cpu: float
    peak: int
    output: str


@dataclass(frozen=True)
class Timing:
    """Medians over the repeats of one command."""

    seconds: float
    cpu: float
    peak: int


def child_env(pycache: Path) -> dict[str, str]:
    """Return the children's environment: bytecode caches on, kept in ``pycache``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["XDG_CACHE_HOME"] = str(pycache.parent / "cache")  # compiled templates, as for a user
    env["PYTHONUTF8"] = "1"
    return env


ENV: dict[str, str] = dict(os.environ)


def run(args: Sequence[str], *, cwd: Path | None = None) -> Run:
    """Run a child to its end; return its times and its own peak memory (os.wait4's ru_maxrss).

    The peak of a forked child is at least the forking process's size: this one stays small.
    """
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=ENV, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {child.returncode}:\n{output}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, output)


def _pss(pid: int) -> int:
    """Return the proportional set size of ``pid`` in bytes (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as listing:
            return [int(child) for child in listing.read().split()]
    except OSError:
        return []


def tree_memory(args: Sequence[str], interval: float = 0.002) -> tuple[int, int]:
    """Return a run's peaks: of its processes' PSS summed (sampled), and of its largest RSS.

    A build forks a worker (render/worker.py), and os.wait4's ru_maxrss is that of the largest
    process only; the sum of the proportional set sizes counts what the processes share once.
    Linux only: elsewhere the sum is 0.
    """
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    peak = 0
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, sum(_pss(p) for p in [child.pid, *_children(child.pid)]))
        time.sleep(interval)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {child.returncode}")
    return peak, usage.ru_maxrss * 1024


def side_by_side(commands: dict[str, list[str]], repeats: int) -> dict[str, Timing]:
    """Run every command once (warm-up), then ``repeats`` rounds of all in turn; medians."""
    for args in commands.values():
        run(args)
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, args in commands.items():
            runs[name].append(run(args))
    return {
        name: Timing(
            statistics.median(r.seconds for r in each),
            statistics.median(r.cpu for r in each),
            max(r.peak for r in each),
        )
        for name, each in runs.items()
    }


def cli(*args: str) -> list[str]:
    """Return the command line of ``zsdreport *args`` in this interpreter."""
    return [PY, "-m", "zsdreport", *args]


def verdict(value: float, target: float, *, at_least: bool = False) -> str:
    """Return the target and whether ``value`` meets it."""
    met = value >= target if at_least else value <= target
    return f"target {'>=' if at_least else '<='} {target:g}   {'MET' if met else 'NOT MET'}"


def show(label: str, value: str, target: str = "no target") -> None:
    """Print one result line: what, the figure, the target and the verdict."""
    print(f"{label:<50} {value:<34} {target}", flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def indent(text: str, prefix: str = "    | ") -> str:
    return "\n".join(prefix + line for line in text.strip().splitlines())


def import_profile(before: str, args: list[str], top: int = 14) -> str:
    """Return the modules a command imports beyond ``before``, the largest cumulative first."""
    child = subprocess.run(
        [PY, "-X", "importtime", "-c", _IMPORTS.format(floor=before, args=args)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    lines = [line for line in child.stderr.splitlines() if line.startswith("import time:")]
    marker = next(
        (i for i, line in enumerate(lines) if line.rstrip().endswith(" zsdreport.cli")), 0
    )
    extra = []
    for line in lines[marker:]:
        _, self_us, total_us, name = (part.strip() for part in re.split(r"[:|]", line, maxsplit=3))
        if self_us.isdigit():
            extra.append((int(total_us), int(self_us), name))
    own = sum(s for _, s, _ in extra)
    rows = [
        f"{t / 1000:7.1f} ms cumulative {s / 1000:6.1f} ms self  {n}"
        for t, s, n in sorted(extra, reverse=True)[:top]
    ]
    return (
        f"imports beyond the floor: {len(extra)} modules, {own / 1000:.0f} ms in all\n"
        + "\n".join(rows)
    )


def phase_profile(repeats: int = 5) -> str:
    """Return the CPU time of each step of a build in a fresh process (medians), after the floor."""
    names = ("the floor", "imports", "check", "template to document", "markdown", "docx")
    samples: list[list[float]] = []
    modules = 0
    for _ in range(repeats):
        child = subprocess.run(
            [PY, "-c", _PHASES.format(floor=FLOOR, data=str(DATA))],
            capture_output=True,
            text=True,
            env=ENV,
            check=True,
        )
        marks, modules = json.loads(child.stdout.strip().splitlines()[-1])
        samples.append([b - a for a, b in itertools.pairwise(marks)])
    steps = [statistics.median(s[i] for s in samples) * 1000 for i in range(len(names))]
    added = ", ".join(f"{n} {t:.0f}" for n, t in zip(names[1:], steps[1:], strict=True))
    return (
        f"CPU ms by step (medians of {repeats}): {names[0]} {steps[0]:.0f}; a build adds "
        f"{sum(steps[1:]):.0f} ({sum(steps[1:]) / steps[0]:.2f} of the floor): {added}; "
        f"{modules} modules beyond the floor's"
    )


def call_profile(before: str, args: list[str]) -> str:
    """Return cProfile's top entries (own time, then zsdreport's cumulative) for one command."""
    child = subprocess.run(
        [PY, "-c", _PROFILE.format(floor=before, args=args)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    kept = [
        line
        for line in child.stderr.splitlines()
        if line.strip()
        and not line.lstrip().startswith(("Ordered by", "List reduced", "Random"))
        and ":" not in line[:3]
    ]
    return "\n".join(line[:150] for line in kept if "function calls" in line or "(" in line)


def cold_starts(tmp: Path, profile: bool) -> float:
    """Print the cold start ratios; return the median cold build time."""
    out = str(tmp / "cold")
    times = side_by_side(
        {
            "floor": [PY, "-c", FLOOR],
            "build": cli("build", str(DATA), "-o", out),
            "check floor": [PY, "-c", CHECK_FLOOR],
            "check": cli("check", str(DATA)),
            "typer": [PY, "-c", "import typer"],
            "help": cli("--help"),
        },
        REPEATS,
    )
    floor, build = times["floor"], times["build"]
    ratio = build.seconds / floor.seconds
    show(
        "cold build / realistic floor",
        f"{ratio:5.2f}  ({ms(build.seconds)} / {ms(floor.seconds)}; CPU {build.cpu / floor.cpu:.2f})",
        verdict(ratio, 1.25),
    )
    if profile or ratio > 1.25:
        build_args = ["build", str(DATA), "-o", out]
        print(indent(phase_profile()))
        print(indent(import_profile(FLOOR, build_args)))
        print(indent(call_profile(FLOOR, build_args)))
    check, check_floor = times["check"], times["check floor"]
    show(
        "cold check / import yaml, pydantic + one model",
        f"{check.seconds / check_floor.seconds:5.2f}  ({ms(check.seconds)} / {ms(check_floor.seconds)}; CPU {check.cpu / check_floor.cpu:.2f})",
    )
    help_time, typer = times["help"], times["typer"]
    ratio = help_time.seconds / typer.seconds
    show(
        "--help / python -c 'import typer'",
        f"{ratio:5.2f}  ({ms(help_time.seconds)} / {ms(typer.seconds)}; CPU {help_time.cpu / typer.cpu:.2f})",
        verdict(ratio, 1.2),
    )
    if profile or ratio > 1.2:
        print(indent(import_profile("import typer", ["--help"])))
    return build.seconds


def _lines(stream: Iterator[str], into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line)


def watch_rebuilds(folder: Path, out: Path, edits: int = WATCH_EDITS) -> list[float] | str:
    """Edit a figure of ``folder`` ``edits`` times under `zsdreport watch`; the rebuild times (ms).

    Returns why the measurement is unavailable instead, when there is no watch command or it
    prints no rebuild line.
    """
    probe = subprocess.run(cli("watch", "--help"), capture_output=True, env=ENV, check=False)
    if probe.returncode != 0:
        return "unavailable: this zsdreport has no `watch` command yet"
    child = subprocess.Popen(
        cli("watch", str(folder), "-o", str(out)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env=ENV,
    )
    assert child.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(child.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        try:
            seen.append(lines.get(timeout=60))  # the first build
        except queue.Empty:
            return "unavailable: `zsdreport watch` printed nothing within 60 s"
        time.sleep(1.0)  # let the watcher arm itself
        section = folder / "work-party.yaml"
        original = section.read_text(encoding="utf-8")
        assert "value: 3, unit: 次}" in original, "the figure the benchmark edits"
        times: list[float] = []
        for k in range(edits):
            section.write_text(
                original.replace("value: 3, unit: 次}", f"value: {4 + k}, unit: 次}}", 1),
                encoding="utf-8",
            )
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
                except queue.Empty:
                    break
                seen.append(line)
                if found := REBUILT.search(line):
                    times.append(float(found[1]))
                    break
        if len(times) < edits // 2:
            tail = "".join(seen[-5:])
            return (
                f"unavailable: {len(times)} rebuild lines for {edits} edits; watch printed:\n{tail}"
            )
        return times
    finally:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def warm_rebuild(tmp: Path, cold_build: float) -> None:
    """Print the median rebuild time of `zsdreport watch` after a one-file edit."""
    folder = scaled_copy(tmp / "watched" / "2023H1", 1)
    result = watch_rebuilds(folder, tmp / "watched-out")
    label = "warm rebuild in watch, one-file edit (2023H1)"
    if isinstance(result, str):
        show(label, result.splitlines()[0], "target <= 25 ms   NOT MEASURED")
        if "\n" in result:
            print(indent(result.split("\n", 1)[1]))
        return
    median = statistics.median(result)
    show(
        label,
        f"{median:.1f} ms, {median / 1000 / cold_build:.3f} of a cold build ({len(result)} edits)",
        verdict(median, 25),
    )


def scaling(tmp: Path, profile: bool) -> None:
    """Print the time and peak memory of 1x … 100x data, and the time per extra 1x."""
    folders = {f: scaled_copy(tmp / f"x{f}" / "2023H1", f) for f in SIZES}
    times = side_by_side(
        {
            str(f): cli("build", str(folder), "-o", str(tmp / f"o{f}"))
            for f, folder in folders.items()
        },
        SIZE_REPEATS,
    )
    t = {f: times[str(f)].seconds for f in SIZES}
    for f in SIZES:
        show(
            f"{f:3d}x data: time / 1x time, largest process",
            f"{t[f] / t[1]:6.2f}  ({ms(t[f])}), {times[str(f)].peak / 2**20:5.1f} MB",
        )
    summed, largest = tree_memory(cli("build", str(folders[100]), "-o", str(tmp / "o100")))
    peak = max(summed, largest, times["100"].peak) / 2**20
    show(
        "100x data: peak memory, all processes",
        f"{peak:5.1f} MB  (PSS summed {summed / 2**20:.1f} MB)",
        verdict(peak, 150),
    )
    changes: list[float] = []
    # Wall time is the figure asked for; the children's CPU time is shown beside it because on a
    # shared machine a long run's wall time also measures what the other processes did meanwhile.
    for kind, name in (("wall", "seconds"), ("CPU", "cpu")):
        u: dict[int, float] = {f: getattr(times[str(f)], name) for f in SIZES}
        early = (u[30] - u[10]) / 20 / u[1]
        late = (u[100] - u[30]) / 70 / u[1]
        change = late / early - 1
        changes.append(change)
        show(
            f"per extra 1x ({kind}): 10x→30x, 30x→100x",
            f"{early:.4f}, {late:.4f} of 1x: {change:+.1%}",
            f"target within ±20%   {'MET' if abs(change) <= 0.2 else 'NOT MET'}",
        )
    if profile or max(map(abs, changes)) > 0.2 or peak > 150:
        print(indent(call_profile(FLOOR, ["build", str(folders[100]), "-o", str(tmp / "o100")])))


def _batch_times(folders: list[str], out: str) -> tuple[list[float], list[Run], list[Run]]:
    """Time ``folders`` as separate builds, as one batch with one job, and as the default batch."""
    serial: list[float] = []
    one_job: list[Run] = []
    pooled: list[Run] = []
    run(cli("build", *folders, "-o", out))
    for _ in range(BATCH_REPEATS):
        start = time.perf_counter()
        for folder in folders:
            run(cli("build", folder, "-o", out))
        serial.append(time.perf_counter() - start)
        one_job.append(run(cli("build", *folders, "-o", out, "-j", "1")))
        pooled.append(run(cli("build", *folders, "-o", out)))
    return serial, one_job, pooled


def batches(tmp: Path, cold_build: float) -> None:
    """Print 8 folders built serially (8 processes; the batch with one job) vs the batch's pool."""
    folders = [str(scaled_copy(tmp / "batch" / f"期{i}", 1)) for i in range(8)]
    serial, one_job, pooled = _batch_times(folders, str(tmp / "batch-out"))
    s, j1 = statistics.median(serial), statistics.median(r.seconds for r in one_job)
    p = statistics.median(r.seconds for r in pooled)
    cores = os.cpu_count() or 1
    show("8 folders: 8 separate builds / batch -j1", f"{s / j1:5.2f}  ({s:.2f} s / {j1:.2f} s)")
    show(
        f"8 folders: batch -j1 / batch default ({cores} cores)",
        f"{j1 / p:5.2f}  ({j1:.2f} s / {p:.2f} s)",
        verdict(j1 / p, 1.6, at_least=True),
    )
    show("8 folders: 8 separate builds / batch default", f"{s / p:5.2f}")
    if j1 / p < 1.6:
        cpu = statistics.median(r.cpu for r in pooled)
        cpu_j1 = statistics.median(r.cpu for r in one_job)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        # Amdahl: one cold build c = start-up and imports s + one folder's work f; -j1 = s + 8 f,
        # and the pool at best s + 8 f / cores: the target needs f >= 0.375 s on 2 cores.
        each = (j1 - cold_build) / 7
        start_up = cold_build - each
        bound = j1 / (start_up + 8 * each / cores)
        print(
            indent(
                f"the pool used {cpu / p:.2f} cores of {cores} (CPU {cpu:.2f} s in {p:.2f} s; "
                f"-j1: CPU {cpu_j1:.2f} s in {j1:.2f} s); "
                f"load average {load}\n"
                f"each further folder takes {each * 1000:.0f} ms after a {cold_build * 1000:.0f} ms "
                f"cold build: with the {start_up * 1000:.0f} ms start-up serial, {cores} idle cores "
                f"give at most {bound:.2f}x; 1.6x on 2 cores needs a folder's work to be at least "
                f"0.375 of the start-up ({each / start_up:.2f} here)"
            )
        )
    # The same with folders ten times as large, where a folder's work outweighs the start-up.
    big = [str(scaled_copy(tmp / "batch10" / f"期{i}", 10)) for i in range(8)]
    _, one_job, pooled = _batch_times(big, str(tmp / "batch10-out"))
    j1 = statistics.median(r.seconds for r in one_job)
    p = statistics.median(r.seconds for r in pooled)
    show("8 folders of 10x data: batch -j1 / default", f"{j1 / p:5.2f}  ({j1:.2f} s / {p:.2f} s)")


def yardstick(tmp: Path, cold_build: float) -> None:
    """Print a cold build against pandoc turning the same Markdown into a .docx."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        show("cold build / pandoc md->docx of the same text", "unavailable: no pandoc")
        return
    markdown = next((tmp / "cold").glob("*.md"))
    times = side_by_side(
        {"pandoc": [pandoc, str(markdown), "-o", str(tmp / "pandoc.docx")]}, REPEATS
    )
    show(
        "cold build / pandoc md->docx of the same text",
        f"{cold_build / times['pandoc'].seconds:5.2f}  (pandoc {ms(times['pandoc'].seconds)})",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="print every profile, met or not")
    options = parser.parse_args(argv)
    global ENV
    with tempfile.TemporaryDirectory(prefix="zsd-bench-") as work:
        tmp = Path(work)
        ENV = child_env(tmp / "pycache")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(
            f"zsdreport benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
            f"load average {load}; medians of REPEATS={REPEATS} side-by-side rounds\n"
        )
        cold = cold_starts(tmp, options.profile)
        warm_rebuild(tmp, cold)
        scaling(tmp, options.profile)
        batches(tmp, cold)
        yardstick(tmp, cold)


if __name__ == "__main__":
    main()

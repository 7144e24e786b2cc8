"""`zsdreport watch` in its own process, driven by real file changes and real signals."""

from __future__ import annotations

import io
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA

STEM = "祖师殿镇2023年上半年工作总结"
# Generous: the machines that run the tests may be slow and busy.
TIMEOUT = 90.0


class Running:
    """A `zsdreport watch` process whose output lines are read as they come."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "zsdreport", "watch", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.seen: list[tuple[str, str]] = []
        self._readers = [
            threading.Thread(target=self._read, args=(name, stream), daemon=True)
            for name, stream in (("out", self.process.stdout), ("err", self.process.stderr))
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, name: str, stream: io.TextIOWrapper | None) -> None:
        assert stream is not None
        for line in stream:
            self.lines.put((name, line.rstrip("\n")))

    def wait_for(self, pattern: str) -> list[str]:
        """Return the lines up to and including the next one matching ``pattern``."""
        deadline = time.monotonic() + TIMEOUT
        got: list[str] = []
        while time.monotonic() < deadline:
            try:
                name, line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, f"watch ended early: {self.seen}"
                continue
            self.seen.append((name, line))
            got.append(line)
            if re.search(pattern, line):
                return got
        raise AssertionError(f"no line matching {pattern!r} within {TIMEOUT} s: {self.seen}")

    def stop(self, sig: signal.Signals) -> tuple[int, str]:
        """Send ``sig``; return the exit code and everything printed after it."""
        self.process.send_signal(sig)
        code = self.process.wait(timeout=TIMEOUT)
        self._close()
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get()[1])
        return code, "\n".join(rest)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._close()

    def _close(self) -> None:
        """Read what is left (the readers end at the end of the pipes) and close the pipes."""
        for reader in self._readers:
            reader.join(timeout=TIMEOUT)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "2023H1"
    shutil.copytree(DATA, folder)
    return folder


@pytest.fixture
def running(data: Path, tmp_path: Path) -> Iterator[Running]:
    watch = Running(str(data), "-o", str(tmp_path / "out"))
    try:
        yield watch
    finally:
        watch.kill()


def save(path: Path, text: str) -> None:
    """Save as an editor does: a temporary file renamed over the old one."""
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(out.iterdir())}


def body(docx: Path) -> str:
    with zipfile.ZipFile(docx) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_watch_rebuilds_keeps_the_last_good_outputs_and_stops_on_ctrl_c(
    running: Running, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    md, docx = out / f"{STEM}.md", out / f"{STEM}.docx"
    first = running.wait_for(r"^已生成（\d+ ms）：")
    assert first[-1].endswith(f"{STEM}.md、{STEM}.docx")
    running.wait_for("正在监视")
    party = data / "work-party.yaml"
    original = party.read_text(encoding="utf-8")

    save(party, original.replace("value: 168, unit: 人", "value: 186, unit: 人"))
    assert re.fullmatch(r"已重建（\d+ ms）：.+", running.wait_for("^已重建")[-1])
    assert "共计186人" in md.read_text(encoding="utf-8")
    assert "共计186人" in body(docx)
    good = snapshot(out)

    broken = original.replace("value: 168, unit: 人", "value: 186, unit: 人").replace(
        "heading: ", "heading: [", 1
    )
    save(party, broken)
    lines = running.wait_for("^未重建：保留上次生成的文件$")
    assert any(re.match(rf"{re.escape(str(party))}:\d+:\d+: ", line) for line in lines), lines
    assert snapshot(out) == good

    save(party, original.replace("value: 168, unit: 人", "value: 200, unit: 人"))
    running.wait_for("^已重建")
    assert "共计200人" in md.read_text(encoding="utf-8")

    unknown = original.replace("  - lead: 加强党的领导", "  - leed: 加强党的领导", 1)
    save(party, unknown)
    lines = running.wait_for("^未重建：保留上次生成的文件$")
    located = [line for line in lines if line.startswith(f"{party}:")]
    assert located and "leed" in located[0], lines
    assert re.match(rf"{re.escape(str(party))}:12:\d+: ", located[0])
    assert "共计200人" in md.read_text(encoding="utf-8")
    settled = snapshot(out)

    save(party, original)
    running.wait_for("^已重建")
    assert snapshot(out) != settled

    # What watch wrote is what a cold build of the same files writes, byte for byte.
    cold = tmp_path / "cold"
    subprocess.run(
        [sys.executable, "-m", "zsdreport", "build", str(data), "-o", str(cold)],
        check=True,
        capture_output=True,
    )
    assert {p.name: p.read_bytes() for p in cold.iterdir()} == {
        p.name: p.read_bytes() for p in out.iterdir()
    }

    code, rest = running.stop(signal.SIGINT)
    assert code == 0
    assert "已停止" in rest
    assert "Traceback" not in rest
    assert all("Traceback" not in line for _, line in running.seen)


def test_sigterm_stops_watch_cleanly(running: Running) -> None:
    running.wait_for("正在监视")
    code, rest = running.stop(signal.SIGTERM)
    assert (code, "Traceback" in rest) == (0, False)
    assert rest.endswith("已停止")


def test_an_invalid_folder_at_start_is_reported_and_watched(data: Path, tmp_path: Path) -> None:
    plans = data / "plans.yaml"
    text = plans.read_text(encoding="utf-8")
    plans.write_text(text.replace("heading:", "heading: [", 1), encoding="utf-8")
    watch = Running(str(data), "-o", str(tmp_path / "out"))
    try:
        lines = watch.wait_for("^未生成")
        assert any(line.startswith(f"{plans}:") for line in lines)
        assert not (tmp_path / "out").exists()
        save(plans, text)
        assert watch.wait_for("^已生成")[-1].startswith("已生成（")
        assert watch.stop(signal.SIGINT)[0] == 0
    finally:
        watch.kill()


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "zsdreport", "watch", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 2
    assert "找不到数据文件夹" in done.stderr

"""Property: whatever happens to a valid data folder, zsdreport answers with 0 and outputs, or with 1,
located problems and no output; never another exit code, never a traceback."""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.check.conftest import MINI
from tests.conftest import write_tree
from zsdreport.cli import main

FILES = sorted(MINI)
SCALARS = [
    "",
    "True * 2",
    "done * 1e999",
    "done / 0",
    "9999H2",
    "0000H1",
    "123456789012345678901234567890",
    "-0.0001",
    "~",
    "no",
    "on",
    "010",
    "-1",
    "1e3",
    "1_000",
    "12:30",
    "nan",
    "一百二十三",
    "３",
    "[]",
    "{}",
    "[1, 2",
    "{a: 1}",
    "{year}",
    "{nope}",
    "{{ x }}",
    '"',
    "'",
    '"未闭合',
    "*a",
    "&a x",
    "!!int 3",
    "!x",
    "|",
    ">-",
    "@",
    "%",
    "`",
    "# 注释",
    "- 项",
    ": 值",
    "a: b: c",
    "\t",
    "（未闭合",
    "，，",
    "⠂ ⠂",
    "\u200b",
    "\ufeff",
    "\x85",
    "\u2028",
    "\ud7ff",
    "😀",
    '"\\x01"',
    '"\\ud800"',
    '"\\uFFFE"',
    '"\\u2028"',
]
KEYS = ["titel", "heading", "text", "items", "points", "metrics", "lead", "值", "", "x y", "-"]

Mutation = tuple[int, str, int, int, str]

mutations = st.tuples(
    st.integers(0, len(FILES) - 1),
    st.sampled_from(
        [
            "delete-line",
            "duplicate-line",
            "swap-lines",
            "retype",
            "rename-key",
            "indent",
            "dedent",
            "tab",
            "truncate",
            "insert",
            "delete-file",
            "binary",
        ]
    ),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.one_of(st.sampled_from(SCALARS), st.text(max_size=12)),
)


def _mutate(files: dict[str, str | bytes], mutation: Mutation) -> None:
    index, op, a, b, payload = mutation
    name = FILES[index]
    if name not in files:
        return
    text = files[name]
    if isinstance(text, bytes) or op == "delete-file":
        # Without report.yaml the folder is no data folder at all: a usage error (exit 2).
        if name != "report.yaml":
            files.pop(name)
        return
    lines = text.split("\n")
    i, j = a % len(lines), b % len(lines)
    if op == "delete-line":
        del lines[i]
    elif op == "duplicate-line":
        lines.insert(i, lines[i])
    elif op == "swap-lines":
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "retype" and ": " in lines[i]:
        lines[i] = lines[i].split(": ", 1)[0] + ": " + payload
    elif op == "rename-key" and ":" in lines[i]:
        indent = len(lines[i]) - len(lines[i].lstrip(" -"))
        lines[i] = lines[i][:indent] + KEYS[b % len(KEYS)] + ":" + lines[i].split(":", 1)[1]
    elif op == "indent":
        lines[i] = " " * (1 + b % 4) + lines[i]
    elif op == "dedent":
        lines[i] = lines[i][1 + b % 4 :] if lines[i].startswith(" ") else lines[i]
    elif op == "tab":
        lines[i] = "\t" + lines[i]
    elif op == "truncate":
        files[name] = text[: a % (len(text) + 1)]
        return
    elif op == "insert":
        at = a % (len(text) + 1)
        files[name] = text[:at] + payload + text[at:]
        return
    elif op == "binary":
        files[name] = bytes((a * 7 + k * b) % 256 for k in range(64))
        return
    files[name] = "\n".join(lines)


def _run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            main(list(args))
        except SystemExit as e:
            code = e.code
        else:  # pragma: no cover - main always exits
            code = None
    return int(code) if isinstance(code, int) else -1, err.getvalue()


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(mutations, min_size=1, max_size=3))
def test_a_mutated_folder_builds_or_fails_with_located_problems(changes: list[Mutation]) -> None:
    files: dict[str, str | bytes] = dict(MINI)
    for change in changes:
        _mutate(files, change)
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp) / "data", files)
        out = Path(tmp) / "out"
        check_code, check_err = _run("check", str(root))
        build_code, build_err = _run("build", str(root), "-o", str(out), "--only", "md")
        for code, err in ((check_code, check_err), (build_code, build_err)):
            assert "Traceback" not in err and "内部错误" not in err, err
            assert code in (0, 1), err
        assert build_code == check_code, (check_err, build_err)
        if build_code == 0:
            written = list(out.iterdir())
            assert [p.suffix for p in written] == [".md"] and written[0].stat().st_size > 0
        else:
            assert not out.exists()
            located = re.compile(rf"^{re.escape(str(root))}/[^/:]+\.ya?ml:\d+(:\d+)?: 错误: ", re.M)
            assert located.search(build_err), build_err
            assert build_err.rstrip("\n").splitlines()[-1].startswith("共 ")

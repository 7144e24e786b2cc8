"""Property: whatever happens to a valid data folder, zsdreport answers with 0 and outputs, or with 1,
located problems and no output; never another exit code, never a traceback."""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
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
    "done # / handled * 100",
    "(done / handled * 100",
    "done / handled * 100%",
    "｛done｝",
    "{Done}",
    "1,203",
    "1.加强",
    "一是加强",
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


# --- formulas and references ------------------------------------------------------------------
# A formula is made of words of the language and of mistakes; when check accepts it, the printed
# rate must be what exact arithmetic gives (Python's own parser, over Fractions, is the oracle).
FORMULA_WORDS = [
    *["done", "handled", "study_sessions", "done_rate", "nope", "Done", "prev.done", "year"],
    *["0", "1", "100", "0.5", "3.25", "010", "1e3", "1,203", "99999999999999", "1."],
    *["+", "-", "*", "/", "＋", "－", "−", "×", "÷", "＊", "／", "(", ")", "（", "）"],
    *["%", "#", "=", "**", "^", "x", "[", "]", "｛", ",", "·", "—", "\\", "'", "办结", "\u200b"],
]
_ORACLE = str.maketrans({"＋": "+", "－": "-", "−": "-", "×": "*", "÷": "/", "＊": "*"})
_ORACLE.update(str.maketrans({"／": "/", "（": "(", "）": ")"}))
VALUES = {"done": 566, "handled": 568, "study_sessions": 3}
PROSE = "办理{handled}，办结{done}，办结率{done_rate}。"
REFERENCE_WORDS = [
    *["{done}", "{Done}", "｛done｝", "{done", "done}", "{ done }", "{{done}}", "{year}"],
    *[
        "{nope}",
        "{done\\n}",
        "{办结事项}",
        "｛办结事项｝",
        "{",
        "}",
        "{}",
        "{{",
        "{%",
        "1.",
        "一是",
    ],
]


def _expected(formula: str) -> str | None:
    """Return the rate as printed when ``formula`` is plain arithmetic, by Python's parser."""
    from fractions import Fraction

    from zsdreport.figures.figure import format_value, round_half_up

    plain = formula.translate(_ORACLE)
    words = re.findall(r"[0-9]+(?:\.[0-9]+)?|[a-z_][a-z0-9_]*|\S", plain)
    if "".join(words) != re.sub(r"\s", "", plain):
        return None
    python = []
    for word in words:
        if word in VALUES:
            python.append(f"F({VALUES[word]})")
        elif re.fullmatch(r"(0|[1-9][0-9]*)(\.[0-9]+)?", word):
            python.append(f"F('{word}')")
        elif word in ("+", "-", "*", "/", "(", ")"):
            python.append(word)
        else:
            return None
    if not words:
        return None
    try:
        value = eval(" ".join(python), {"F": Fraction})  # only whitelisted words
    except (SyntaxError, ZeroDivisionError, TypeError):
        return None
    if abs(value) >= 10**15:
        return None
    return format_value(round_half_up(Fraction(value), 1), 1)


OPERANDS = ["done", "handled", "study_sessions", "0.5", "100", "3.25", "1", "0", "99999999999999"]
OPERATORS = ["+", "-", "*", "/", "＋", "－", "−", "×", "÷", "＊", "／"]


def _combine(inner: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.one_of(
        st.tuples(inner, st.sampled_from(OPERATORS), inner).map(lambda t: [*t[0], t[1], *t[2]]),
        st.tuples(st.sampled_from(["(", "（"]), inner, st.sampled_from([")", "）"])).map(
            lambda t: [t[0], *t[1], t[2]]
        ),
        inner.map(lambda e: ["-", *e]),
    )


# Valid arithmetic, then perhaps one mistake inserted or one word dropped.
formulas = st.tuples(
    st.recursive(st.sampled_from(OPERANDS).map(lambda w: [w]), _combine, max_leaves=8),
    st.one_of(
        st.none(),
        st.tuples(st.integers(0, 30), st.sampled_from(FORMULA_WORDS)),
        st.integers(0, 30),
    ),
).map(lambda t: _spoil(*t))


def _spoil(words: list[str], spoil: tuple[int, str] | int | None) -> list[str]:
    if isinstance(spoil, tuple):
        at, word = spoil
        return [*words[: at % (len(words) + 1)], word, *words[at % (len(words) + 1) :]]
    if isinstance(spoil, int):
        return [w for i, w in enumerate(words) if i != spoil % len(words)]
    return words


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.one_of(formulas, st.lists(st.sampled_from(FORMULA_WORDS), max_size=9)),
    st.booleans(),
    st.lists(st.tuples(st.integers(0, len(PROSE)), st.sampled_from(REFERENCE_WORDS)), max_size=2),
)
def test_a_mutated_formula_or_reference_is_computed_exactly_or_refused(
    words: list[str], spaced: bool, inserts: list[tuple[int, str]]
) -> None:
    formula = (" " if spaced else "").join(words)
    prose = PROSE
    for at, word in sorted(inserts, reverse=True):
        prose = prose[:at] + word + prose[at:]
    quoted = formula.replace("\\", "\\\\").replace('"', '\\"')
    party = (
        MINI["work-party.yaml"]
        .replace("formula: done / handled * 100", f'formula: "{quoted}"')
        .replace("      " + PROSE, "      " + prose)
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp) / "data", {**MINI, "work-party.yaml": party})
        out = Path(tmp) / "out"
        check_code, check_err = _run("check", str(root))
        build_code, build_err = _run("build", str(root), "-o", str(out), "--only", "md")
        for code, err in ((check_code, check_err), (build_code, build_err)):
            assert "Traceback" not in err and "内部错误" not in err, err
            assert code in (0, 1), err
        assert build_code == check_code, (check_err, build_err)
        expected = _expected(formula) if prose == PROSE else None
        if build_code == 1:
            event("refused")
            assert expected is None, (formula, check_err)
            return
        event("computed" if expected is not None else "built")
        (written,) = out.iterdir()
        text = written.read_text(encoding="utf-8")
        # No brace of the data is ever printed as it is.
        assert not re.search("[{}｛｝]", text), text
        if prose == PROSE:
            rate = re.search(r"办结率(-?[0-9.]+)%", text)
            assert rate is not None and rate.group(1) == expected, (formula, text)

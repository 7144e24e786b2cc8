"""Figures across files: compute every metric (formulas included) and check their use in prose."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from zsdreport.check.suggest import Suggester, did_you_mean, shorten
from zsdreport.errors import Problem, Severity
from zsdreport.figures.figure import Figure, format_value, round_half_up
from zsdreport.figures.formula import Formula, FormulaError, Name, parse
from zsdreport.figures.references import references
from zsdreport.load.reader import PathKey, Source
from zsdreport.report import Report, Section
from zsdreport.schema import Metric
from zsdreport.schema.report import PERIOD_WORDS

RESERVED = frozenset(PERIOD_WORDS)
MAX_CHAIN = 100
"""Formulas built on formulas, this many levels deep at most."""
Field = tuple[Source, PathKey, str]
Outside = Callable[[Name], Fraction]
"""Gives the value of a scoped name (``prev.done``); raises FormulaError when there is none."""


# A named tuple, not a dataclass: defined at every start, where a dataclass costs ~1 ms.
class _Declared(NamedTuple):
    section: Section
    metric: Any
    formula: Formula | None = None


def compute_figures(
    report: Report, problems: list[Problem], outside: Outside | None = None
) -> set[str]:
    """Compute every figure into ``report.figures``; return the ids declared (valid or not).

    Formulas are computed in dependency order, whatever order the files declare them in;
    ``outside`` resolves names of other periods (``prev.done``), which are refused without it.
    """
    declared = _declare(report, problems)
    metrics: dict[str, _Declared] = {}
    for key, (section, metric) in declared.items():
        if metric.formula is None:
            metrics[key] = _Declared(section, metric)
            continue
        comment = _comment_after(section, key)
        if comment is not None:
            problems.append(comment)
            continue
        try:
            metrics[key] = _Declared(section, metric, parse(metric.formula))
        except FormulaError as e:
            problems.append(_formula_problem(section, key, e))
    values: dict[str, Fraction] = {}
    pending: set[str] = set()  # still last period's value: typed 待填, or computed from one
    unknown: set[str] = set()  # pending with no previous value at all
    for key, d in metrics.items():
        if d.formula is not None:
            continue
        if d.metric.pending:
            pending.add(key)
            if d.metric.previous is None:
                unknown.add(key)
                continue
        values[key] = Fraction(d.metric.previous if d.metric.pending else d.metric.value)
    for key in _in_order(metrics, declared, problems):
        entry = metrics[key]
        assert entry.formula is not None
        local = {n.id for n in entry.formula.names if n.scope is None}
        if local & pending:
            pending.add(key)
        if local & unknown:
            unknown.add(key)
            continue
        if not local <= values.keys():
            continue  # an input failed: its own message says why

        def lookup(name: Name) -> Fraction:
            if name.scope is None:
                return values[name.id]
            if outside is None:
                raise FormulaError(
                    f"“{name.qualified}”引用了其他期的指标：本期的公式只能用本期的指标",
                    name.offset,
                    name.width,
                )
            return outside(name)

        try:
            values[key] = entry.formula.evaluate(lookup)
        except FormulaError as e:
            problems.append(_formula_problem(entry.section, key, e))
    for key, entry in metrics.items():
        if key not in values and key not in unknown:
            continue
        section, metric = entry.section, entry.metric
        where = ("metrics", key)
        value: Decimal | None = None
        if key in unknown:
            pass
        elif entry.formula is None:
            value = metric.previous if metric.pending else metric.value
        else:
            # The printed figure is the rounded one; formulas built on it used the exact value.
            value = round_half_up(values[key], metric.digits)
            if metric.value is not None and key not in pending and value != metric.value:
                message = f"“{metric.label}”填写为 {metric.value}，按公式 {metric.formula} 计算应为 {format_value(value)}"
                problems.append(section.source.problem((*where, "value"), message))
                continue
        if metric.pending:
            problems.append(_pending_problem(section, key, metric))
        line = section.source.locate(where, at_key=True)[0]
        is_pending = key in pending
        report.figures[key] = Figure(
            key,
            metric,
            value if value is not None else Decimal(0),
            section.source.path,
            line,
            section.name,
            pending=is_pending,
            previous=value if is_pending else metric.previous,
        )
    return set(declared)


def _pending_problem(section: Section, key: str, metric: Metric) -> Problem:
    """Warn once about a figure still carrying last period's value (value: 待填)."""
    if metric.previous is None:
        message = f"“{metric.label}”待填：请填写本期数（value），或用 zsdreport fill 从填报表填入"
    else:
        old = format_value(metric.previous) + metric.unit
        message = (
            f"“{metric.label}”尚未更新（上期 {old}）：请填写本期数（value），"
            "或用 zsdreport fill 从填报表填入"
        )
    return section.source.problem(("metrics", key, "value"), message, Severity.WARNING)


def _declare(report: Report, problems: list[Problem]) -> dict[str, tuple[Section, Any]]:
    declared: dict[str, tuple[Section, Any]] = {}
    for section in report.sections():
        for key, metric in section.data.metrics.items():
            where = ("metrics", key)
            if key in RESERVED:
                problems.append(
                    section.source.problem(
                        where, f"指标标识“{key}”是保留字（期别用词），请换一个", at_key=True
                    )
                )
            elif key in declared:
                first = declared[key][0]
                line = first.source.locate(where, at_key=True)[0]
                message = f"指标“{key}”重复定义（已在 {first.source.path.name}:{line} 定义）"
                problems.append(section.source.problem(where, message, at_key=True))
            else:
                declared[key] = (section, metric)
    return declared


def _comment_after(section: Section, key: str) -> Problem | None:
    """Find `formula: done # / handled`: YAML took the tail for a comment and dropped it."""
    source = section.source
    path = ("metrics", key, "formula")
    scalar = source.scalars.get(path)
    if scalar is None or scalar.style is not None:
        return None
    line, col = source.position(path, len(scalar.value))
    text = source.line(line) or ""
    match = re.match(r"[ \t]+(#.*\S)", text[col - 1 :])
    if not match:
        return None
    lost = match.group(1)
    message = f"公式后面的“{lost}”被 YAML 当作注释丢掉了，公式只剩“{scalar.value}”：公式中不能写“#”，说明请写在 note 中"
    at = col + match.start(1)
    return Problem(source.path, line, at, message, Severity.ERROR, path, text, len(lost))


def _in_order(
    metrics: dict[str, _Declared], declared: dict[str, Any], problems: list[Problem]
) -> list[str]:
    """Return the formulas that can be computed, inputs first (Kahn's algorithm, no recursion).

    Reports names that are not metrics, cycles, and chains deeper than MAX_CHAIN; a formula
    that needs a failed one is left out silently, its input's message says why.
    """
    inputs: dict[str, list[str]] = {}
    for key, entry in metrics.items():
        if entry.formula is None:
            continue
        needs: list[str] = []
        for name in entry.formula.names:
            if name.scope is not None:
                continue
            if name.id not in declared:
                problems.append(_formula_problem(entry.section, key, _undefined(name, declared)))
                break
            needs.append(name.id)
        else:
            inputs[key] = list(dict.fromkeys(needs))
    waiting = {key: sum(1 for n in needs if n in inputs) for key, needs in inputs.items()}
    users: dict[str, list[str]] = {}
    for key, needs in inputs.items():
        for need in needs:
            users.setdefault(need, []).append(key)
    depth = {key: 1 for key in inputs}
    ready = [key for key, count in waiting.items() if count == 0]
    order: list[str] = []
    too_deep: set[str] = set()
    while ready:
        key = ready.pop()
        order.append(key)
        for user in users.get(key, []):
            depth[user] = max(depth[user], depth[key] + 1)
            waiting[user] -= 1
            if waiting[user] == 0:
                if depth[user] > MAX_CHAIN:
                    too_deep.add(user)
                else:
                    ready.append(user)
    for key in too_deep:
        entry = metrics[key]
        message = f"公式层层引用其他计算指标超过 {MAX_CHAIN} 层：请直接用录入的指标计算"
        problems.append(entry.section.source.problem(("metrics", key, "formula"), message))
    _report_cycles(metrics, inputs, waiting, problems)
    return order


def _report_cycles(
    metrics: dict[str, _Declared],
    inputs: dict[str, list[str]],
    waiting: dict[str, int],
    problems: list[Problem],
) -> None:
    """Report each cycle once, at its first declared member, pointing at the name that closes it."""
    stuck = [key for key, count in waiting.items() if count > 0]
    seen: set[str] = set()
    for start in stuck:
        if start in seen:
            continue
        path = [start]
        on_path = {start: 0}
        while True:
            nxt = next((n for n in inputs[path[-1]] if waiting.get(n, 0) > 0), None)
            if nxt is None or nxt in seen:
                break
            if nxt in on_path:
                cycle = path[on_path[nxt] :]
                first = min(cycle, key=list(metrics).index)
                at = cycle.index(first)
                ring = cycle[at:] + cycle[:at]
                entry = metrics[first]
                assert entry.formula is not None
                name = next(n for n in entry.formula.names if n.id == ring[(1) % len(ring)])
                shown = " → ".join([*ring, first])
                error = FormulaError(
                    f"公式循环引用：{shown}：指标不能直接或间接用自己计算", name.offset, name.width
                )
                problems.append(_formula_problem(entry.section, first, error))
                break
            on_path[nxt] = len(path)
            path.append(nxt)
        seen.update(path)


def _undefined(name: Name, declared: dict[str, Any]) -> FormulaError:
    if name.id in RESERVED:
        message = f"“{name.id}”是期别用词，不是指标，不能用在公式中"
    else:
        hint = did_you_mean(name.id, list(declared))
        if not hint and name.id != name.id.lower():
            hint = "：标识只用小写英文字母、数字和下划线"
        message = f"公式用到了未定义的指标“{name.id}”{hint}"
    return FormulaError(message, name.offset, name.width)


def _formula_problem(section: Section, key: str, error: FormulaError) -> Problem:
    path = ("metrics", key, "formula")
    if error.offset is None:
        return section.source.problem(path, str(error))
    return section.source.problem(path, str(error), offset=error.offset, width=error.width)


def check_references(
    report: Report, fields: Iterable[Field], declared: set[str], problems: list[Problem]
) -> None:
    """Check every {name} in prose is declared; warn about figures that nothing uses.

    A figure counts as used when prose prints it or a used figure's formula needs it.
    """
    words = report.meta.period.words()
    used: set[str] = set()
    # One suggester for every unknown name: 20 000 of them must not cost 20 000 full searches.
    suggester = Suggester([*report.figures, *words])
    for source, path, text in fields:
        for match in references(text):
            name = match.group(1)
            if "." in name:
                # {x.上期} uses x; when it cannot be printed, comparison_words said why.
                used.add(name.split(".", 1)[0])
                if name.split(".", 1)[0] in declared:
                    continue
                name = name.split(".", 1)[0]
            elif name in words or name in declared:
                used.add(name)
                continue
            hint = suggester.did_you_mean(name)
            message = f"正文引用了未定义的指标 {{{shorten(name)}}}{hint}"
            problems.append(
                source.problem(path, message, offset=match.start(), width=len(match.group()))
            )
    needed = list(used)
    while needed:
        figure = report.figures.get(needed.pop())
        if figure is not None and figure.metric.formula is not None:
            names = {n.id for n in parse(figure.metric.formula).names if n.scope is None}
            inputs = names - used
            used |= inputs
            needed += inputs
    for key, figure in report.figures.items():
        if key not in used:
            section = next(s for s in report.sections() if s.name == figure.section)
            message = f"指标“{key}”（{figure.metric.label}）已定义但正文没有引用"
            problems.append(
                section.source.problem(("metrics", key), message, Severity.WARNING, at_key=True)
            )

"""Plain data → validated Report. Every problem is collected with its file, line and column."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from zsdreport.errors import Problem, Severity, UsageError
from zsdreport.load import PathKey, Source, load_file
from zsdreport.metrics import (
    Figure,
    FormulaError,
    evaluate,
    format_value,
    formula_names,
    references,
)
from zsdreport.report import Part, Report, Section
from zsdreport.schema import Item, Period, ReportFile, SectionFile

M = TypeVar("M", bound=BaseModel)
REPORT_FILE = "report.yaml"
RESERVED = set(Period(year=2000, half=1).words())


def load_report(root: Path) -> tuple[Report | None, list[Problem]]:
    """Load and validate a period's data folder; return the report (if usable) and all problems."""
    if not root.is_dir():
        raise UsageError(f"找不到数据文件夹：{root}")
    report_path = root / REPORT_FILE
    if not report_path.is_file():
        raise UsageError(f"{root} 中没有 {REPORT_FILE}：请指定一期数据的文件夹，如 data/2023H1")
    problems: list[Problem] = []
    source = load_file(report_path)
    problems += source.problems
    meta = _validate(source, ReportFile, problems)
    if meta is None:
        return None, problems
    parts = _load_sections(root, source, meta, problems)
    report = Report(root, meta, source, parts)
    _check_figures(report, problems)
    _check_references(report, problems)
    if meta.date is None:
        problems.append(
            source.problem(("date",), "缺少成文日期 date（如 2023-07-10）", Severity.WARNING)
        )
    if not meta.organs:
        problems.append(
            source.problem(("organs",), "缺少署名 organs（发文机关）", Severity.WARNING)
        )
    usable = not any(p.is_error for p in problems)
    return (report if usable else None), problems


def _load_sections(
    root: Path, source: Source, meta: ReportFile, problems: list[Problem]
) -> list[Part]:
    parts: list[Part] = []
    seen: dict[str, PathKey] = {}
    for i, ref in enumerate(meta.sections):
        sections: list[Section] = []
        for j, name in enumerate(ref.names()):
            where: PathKey = (
                ("sections", i) if ref.file is not None else ("sections", i, "files", j)
            )
            if name in seen:
                problems.append(source.problem(where, f"节“{name}”在 sections 中出现了两次"))
                continue
            seen[name] = where
            section = _load_section(root, name, source, where, problems)
            if section is not None:
                sections.append(section)
        parts.append(Part(ref.heading, sections))
    listed = {f"{name}.yaml" for name in seen} | {REPORT_FILE}
    for path in sorted(root.iterdir()):
        if path.suffix in (".yaml", ".yml") and path.name not in listed:
            message = (
                f"文件 {path.name} 没有列在 {REPORT_FILE} 的 sections 中，其内容不会出现在报告里"
            )
            problems.append(source.problem(("sections",), message))
    return parts


def _load_section(
    root: Path, name: str, report: Source, where: PathKey, problems: list[Problem]
) -> Section | None:
    if "/" in name or "\\" in name or name.startswith("."):
        problems.append(report.problem(where, f"节的文件名“{name}”不能包含路径"))
        return None
    path = root / f"{name}.yaml"
    if not path.is_file():
        candidates = sorted(p.stem for p in root.glob("*.yaml") if p.name != REPORT_FILE)
        problems.append(
            report.problem(where, f"找不到节的文件 {path.name}{_did_you_mean(name, candidates)}")
        )
        return None
    source = load_file(path)
    problems += source.problems
    data = _validate(source, SectionFile, problems)
    return Section(name, source, data) if data is not None else None


def _validate(source: Source, model: type[M], problems: list[Problem]) -> M | None:
    if source.data is None:
        if not source.problems:
            problems.append(Problem(source.path, None, None, "文件为空"))
        return None
    if not isinstance(source.data, dict):
        problems.append(source.problem((), "文件的最外层应为“字段: 值”的映射"))
        return None
    try:
        return model.model_validate(source.data)
    except ValidationError as e:
        problems += [_problem(source, model, error) for error in e.errors()]
        return None


_TYPE_WORDS = {dict: "映射（字段: 值）", list: "列表（- 项）", str: "文字"}


def _problem(source: Source, model: type[BaseModel], error: Any) -> Problem:
    loc: PathKey = tuple(error["loc"])
    kind = error["type"]
    given = _describe(error.get("input"))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        fields = _fields_at(model, loc[:-1])
        return source.problem(loc, f'未知字段 "{key}"{_did_you_mean(key, fields)}', at_key=True)
    if kind == "missing":
        return source.problem(loc[:-1], f'缺少必填字段 "{loc[-1]}"')
    if loc and loc[-1] == "[key]":
        return source.problem(
            loc[:-1], f"标识“{loc[-2]}”不合规：{_strip(error['msg'])}", at_key=True
        )
    messages = {
        "string_type": f"应为文字，实际为{given}",
        "list_type": f"应为列表（每项以“- ”开头），实际为{given}",
        "dict_type": f"应为映射（字段: 值），实际为{given}",
        "model_type": f"应为映射（字段: 值），实际为{given}",
        "model_attributes_type": f"应为映射（字段: 值），实际为{given}",
        "int_parsing": f"应为整数，实际为{given}",
        "int_from_float": f"应为整数，实际为{given}",
        "float_parsing": f"应为数字，实际为{given}",
        "decimal_parsing": f"应为数字，实际为{given}",
        "bool_parsing": f"应为 true 或 false，实际为{given}",
        "too_short": "项数不够：至少需要 1 项",
        "tuple_type": f"应为列表，实际为{given}",
    }
    if kind in messages:
        message = messages[kind]
    elif kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"应为 {expected.replace(' or ', '、')} 之一，实际为{given}"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = error.get("ctx", {})
        bound = next(iter(ctx.values()), "")
        word = {"greater_than_equal": "不小于", "less_than_equal": "不大于"}.get(kind, "超出范围")
        message = f"数值应{word} {bound}，实际为{given}"
    else:
        message = _strip(error["msg"])
    return source.problem(loc, message)


def _strip(message: str) -> str:
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f' "{value}"'
    if value is None:
        return "空"
    for kind, word in _TYPE_WORDS.items():
        if isinstance(value, kind):
            return word
    return f" {value!r}"


def _fields_at(model: type[BaseModel], loc: PathKey) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (
            isinstance(current, type) and issubclass(current, BaseModel)
        ):
            current = _inner(current)
            if isinstance(part, int):
                continue
        if (
            isinstance(current, type)
            and issubclass(current, BaseModel)
            and part in current.model_fields
        ):
            current = _inner(current.model_fields[part].annotation)
        else:
            current = _inner(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner(annotation: Any) -> Any:
    from typing import get_args

    while True:
        args = [a for a in get_args(annotation) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if models:
            return models[0]
        if not args:
            return annotation
        annotation = args[-1]


def _did_you_mean(word: str, candidates: list[str]) -> str:
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.5)
    return f'，是否想写 "{match[0]}"？' if match else ""


def _check_figures(report: Report, problems: list[Problem]) -> None:
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
    values: dict[str, Decimal] = {}
    visiting: set[str] = set()

    def value_of(key: str) -> Decimal:
        if key in values:
            return values[key]
        if key not in declared:
            raise FormulaError(f"公式用到了未定义的指标“{key}”{_did_you_mean(key, list(declared))}")
        if key in visiting:
            raise FormulaError(f"公式循环引用了指标“{key}”")
        metric = declared[key][1]
        if metric.formula is None:
            values[key] = metric.value
            return metric.value  # type: ignore[no-any-return]
        visiting.add(key)
        try:
            values[key] = evaluate(metric.formula, value_of)
        finally:
            visiting.discard(key)
        return values[key]

    for key, (section, metric) in declared.items():
        where = ("metrics", key)
        try:
            if metric.formula is not None:
                formula_names(metric.formula)
            value = value_of(key)
        except FormulaError as e:
            problems.append(section.source.problem((*where, "formula"), str(e)))
            continue
        if metric.formula is not None and metric.value is not None:
            digits = (
                metric.digits if metric.digits is not None else -metric.value.as_tuple().exponent
            )  # type: ignore[operator]
            computed = format_value(value, int(digits))
            if Decimal(computed) != metric.value:
                message = f"“{metric.label}”填写为 {metric.value}，按公式 {metric.formula} 计算应为 {computed}"
                problems.append(section.source.problem((*where, "value"), message))
                continue
        line = section.source.locate(where, at_key=True)[0]
        report.figures[key] = Figure(key, metric, value, section.source.path, line, section.name)


def prose_fields(report: Report) -> Iterator[tuple[Source, PathKey, str]]:
    """Yield every prose field of the report with its file and data path."""
    meta = report.meta
    for key in ("title", "preamble", "recipient"):
        value = getattr(meta, key)
        if value:
            yield report.source, (key,), value
    for i, ref in enumerate(meta.sections):
        if ref.heading:
            yield report.source, ("sections", i, "heading"), ref.heading
    for section in report.sections():
        data, source = section.data, section.source
        yield source, ("heading",), data.heading
        if data.text:
            yield source, ("text",), data.text
        yield from _item_fields(source, ("items",), data.items)
        yield from _point_fields(source, ("points",), data.points)


def _item_fields(
    source: Source, path: PathKey, items: list[Item]
) -> Iterator[tuple[Source, PathKey, str]]:
    for i, item in enumerate(items):
        for key in ("lead", "text"):
            value = getattr(item, key)
            if value:
                yield source, (*path, i, key), value
        yield from _point_fields(source, (*path, i, "points"), item.points)
        yield from _item_fields(source, (*path, i, "items"), item.items)


def _point_fields(
    source: Source, path: PathKey, points: list[Any]
) -> Iterator[tuple[Source, PathKey, str]]:
    for i, point in enumerate(points):
        for key in ("lead", "text"):
            value = getattr(point, key)
            if value:
                yield source, (*path, i, key), value


def _check_references(report: Report, problems: list[Problem]) -> None:
    words = report.meta.period.words()
    used: set[str] = set()
    for source, path, text in prose_fields(report):
        for match in references(text):
            name = match.group(1)
            if name in words or name in report.figures:
                used.add(name)
                continue
            hint = _did_you_mean(name, [*report.figures, *words])
            message = f"正文引用了未定义的指标 {{{name}}}{hint}"
            problems.append(source.problem(path, message, snippet=match.group()))
    for key, figure in report.figures.items():
        if key not in used:
            section = next(s for s in report.sections() if s.name == figure.section)
            message = f"指标“{key}”（{figure.metric.label}）已定义但正文没有引用"
            problems.append(
                section.source.problem(("metrics", key), message, Severity.WARNING, at_key=True)
            )

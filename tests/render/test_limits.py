"""A custom template cannot hang or flood the build: loops, time, output size and `*` are limited."""

from __future__ import annotations

from pathlib import Path

import pytest

from zsdreport.errors import TemplateFailure
from zsdreport.render import env
from zsdreport.render.env import environment


def _render(tmp_path: Path, template: str) -> str:
    (tmp_path / "report.md.j2").write_text(template, encoding="utf-8")
    return environment(tmp_path).get_template("report.md.j2").render()


def _failure(tmp_path: Path, template: str) -> str:
    with pytest.raises(TemplateFailure) as caught:
        _render(tmp_path, template)
    return str(caught.value).replace(str(tmp_path), "<t>")


_LOOPS = "：请检查模板中的循环是否嵌套过多或没有尽头"


def test_nested_loops_stop_at_the_step_limit_with_the_template_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(env, "MAX_STEPS", 10_000)
    template = (
        "开头\n{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}\n"
    )
    assert _failure(tmp_path, template) == (
        f"模板 <t>/report.md.j2:2 超出运行限制，已停止：循环次数超过 10000 次{_LOOPS}"
    )


def test_loops_over_a_stored_list_count_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(env, "MAX_STEPS", 10_000)
    template = (
        "{% set r = range(1000)|list %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}"
    )
    assert "循环次数超过" in _failure(tmp_path, template)


def test_a_render_past_its_time_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A deadline already passed: the first check stops the render, whatever the machine's speed.
    monkeypatch.setattr(env, "MAX_SECONDS", -1.0)
    assert _failure(tmp_path, "{% for i in range(5000) %}{% endfor %}") == (
        f"模板 <t>/report.md.j2:1 超出运行限制，已停止：运行超过 -1 秒{_LOOPS}"
    )


def test_an_enormous_output_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(env, "MAX_OUTPUT_CHARS", 5_000_000)
    message = _failure(tmp_path, "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}")
    assert message == f"模板 <t>/report.md.j2 超出运行限制，已停止：输出超过 5000000 个字{_LOOPS}"


@pytest.mark.parametrize(
    ("expression", "why"),
    [
        ("'x' * 100000000", "用“*”重复生成的内容超过 1000000 个字或项：报告用不到这么长的内容"),
        ("[1] * 100000000", "用“*”重复生成的内容超过 1000000 个字或项：报告用不到这么长的内容"),
        ("10 ** 100000000", "乘方“10 ** 100000000”的结果过大：报告用不到这么大的数"),
    ],
)
def test_huge_values_are_refused_before_they_are_made(
    expression: str, why: str, tmp_path: Path
) -> None:
    assert _failure(tmp_path, "{{ " + expression + " }}") == (
        f"模板 <t>/report.md.j2:1 超出运行限制，已停止：{why}"
    )


def test_ordinary_loops_and_arithmetic_still_work(tmp_path: Path) -> None:
    template = "{% for i in range(3) %}{{ loop.index }}/{{ loop.length }} {% endfor %}{{ 2 ** 10 }} {{ 'ab' * 2 }}"
    assert _render(tmp_path, template) == "1/3 2/3 3/3 1024 abab"


def test_a_lone_surrogate_from_a_template_is_a_message_not_a_crash(tmp_path: Path) -> None:
    assert _failure(tmp_path, '第一行\n{{ "\\ud800" }}\n') == (
        "模板 <t>/report.md.j2 输出了无法保存的字符 U+D800（输出的第 2 行）：请检查模板中 \\ud800 之类的写法"
    )


@pytest.mark.parametrize(
    ("template", "said"),
    [
        ('{{ "x"|center(10**9) }}', "过滤器 center 的参数 1000000000 过大"),
        ('{{ "x"|indent(10**9) }}', "过滤器 indent 的参数 1000000000 过大"),
        ('{{ "%*s"|format(10**9, "") }}', "format 的格式“%*s”中的宽度过大"),
        ('{{ "%999999999s"|format("") }}', "format 的格式“%999999999s”中的宽度过大"),
        ("{{ lipsum(10**9) }}", "lipsum(1000000000) 过大"),
    ],
)
def test_one_filter_call_cannot_build_an_enormous_string(
    tmp_path: Path, template: str, said: str
) -> None:
    assert said in _failure(tmp_path, template)


def test_ordinary_filter_arguments_still_work(tmp_path: Path) -> None:
    assert _render(
        tmp_path, '{{ "ab"|center(6) }}|{{ "%5s"|format("x") }}|{{ "a b"|indent(2) }}'
    ) == ("  ab  |    x|a b")

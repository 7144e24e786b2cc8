"""Template failures read in Chinese, name the template file and line, and keep Jinja's own text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zsdreport.errors import TemplateFailure
from zsdreport.render.env import environment


@pytest.mark.parametrize(
    ("template", "explanation"),
    [
        ("{{ a", "语法错误：模板在表达式写完前就结束了：缺少 }} 或 %}"),
        ("{% if a %}", "语法错误：模板在 {% if %} 块结束前就结束了：缺少 {% endif %}"),
        ("{% endfor %}", "语法错误：多余的 {% endfor %}：前面没有与它配对的开始标签"),
        ("{% foo %}", "语法错误：不认识的标签 {% foo %}"),
        ("{% for %}", "语法错误：缺少表达式：{{ }} 或 {% %} 里少写了内容"),
        ("{{ a | nofilter }}", "语法错误：没有名为 nofilter 的过滤器"),
        ("{{ a is notest }}", "语法错误：没有名为 notest 的测试"),
        ("{{ a ! }}", "语法错误：出现了意外的字符 '!'：引号或括号是否成对？"),
        ("{{ a ) }}", "语法错误：出现了多余的 )"),
        ("{{ a b }}", "语法错误：表达式写法有误：多出了 b"),
        ("{% block x %}{% endblock %}{% block x %}{% endblock %}", "语法错误：块 x 定义了两次"),
        ("{{ nope }}", "用到了未定义的变量 nope"),
        ("{{ a.titel }}", "用到了不存在的属性 titel"),
        ("{{ items[5] }}", "用到了不存在的元素 5"),
        ("{{ a + 1 }}", "出错：数据类型不匹配，例如把文字和数字相加"),
    ],
)
def test_template_failures_are_explained_in_chinese(
    template: str, explanation: str, tmp_path: Path
) -> None:
    (tmp_path / "report.md.j2").write_text("\n" + template + "\n", encoding="utf-8")
    with pytest.raises(TemplateFailure) as caught:
        environment(tmp_path).get_template("report.md.j2").render(a="文字", items=[])
    message = str(caught.value)
    assert message.startswith(f"模板 {tmp_path / 'report.md.j2'}:2 {explanation}（")
    original = caught.value.__cause__
    assert original is not None
    # Jinja's own text follows in parentheses, so nothing it said is lost.
    assert str(getattr(original, "message", None) or original) in message


def test_an_unknown_jinja_message_still_gets_a_chinese_lead(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("{% extends 5 %}\n", encoding="utf-8")
    with pytest.raises(TemplateFailure) as caught:
        environment(tmp_path).get_template("report.md.j2").render()
    assert re.match(r"模板 \S+ (语法错误|出错)：[^A-Za-z]+（", str(caught.value)), caught.value

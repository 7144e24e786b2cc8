"""Data is never code: templates are sandboxed, Markdown is escaped, outputs stay in their folder,
and nothing the user does ends in a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.check.conftest import MINI, Cli, Folder
from tests.markdown_reader import read_blocks as _blocks
from zsdreport.document.outline import Block, Document, Kind
from zsdreport.errors import OutputError
from zsdreport.render.env import escape_document, escape_markdown
from zsdreport.render.markdown import render_markdown
from zsdreport.text import join_lines
from zsdreport.write import safe_name, write_all


def test_template_code_in_data_is_printed_literally_never_run() -> None:
    code = "{{ 7*7 }}{% for x in range(3) %}x{% endfor %}{# c #}"
    markdown = render_markdown(Document("标题", "", [Block("body", code)]))
    assert _blocks(markdown) == [("p", code)]


HOSTILE = [
    "# 不是标题",
    "## 也不是",
    "- 不是列表",
    "+ 不是列表",
    "* 不是列表",
    "> 不是引用",
    "1. 不是列表",
    "2) 也不是",
    "---",
    "===",
    "***",
    "正文 *不是强调* 与 _下划线_ 和 [链接](http://x.cn) 与 <b>标签</b> 和 `代码` | 表格 |",
    "![图](x.png) 与 &amp; 和 &#35; 以及 \\ 反斜杠 ~~删除~~",
    "<!-- 注释 -->",
    "[脚注]: http://x.cn",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_cannot_change_the_markdown_structure(text: str) -> None:
    kinds: list[tuple[Kind, str]] = [
        ("body", "p"),
        ("title", "h1"),
        ("heading1", "h2"),
        ("heading2", "h3"),
    ]
    for kind, tag in kinds:
        assert _blocks(render_markdown(Document("标题", "", [Block(kind, text)]))) == [(tag, text)]


_PIECES = st.sampled_from(
    [
        *"#-+*>=_`[]()<>!|~&\\.:;0123456789 aZ中文，。“”\t",
        "&amp;",
        "&#35;",
        "<a>",
        "    ",
        "1.",
        "1)",
        "[x]: y",
        "<!--",
        "```",
        "~~~",
    ]
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_escaped_text_reads_back_as_exactly_itself(raw: str) -> None:
    text = join_lines(raw)
    if text:
        assert _blocks(escape_markdown(text) + "\n") == [("p", text)]
        assert _blocks("# " + escape_markdown(text) + "\n") == [("h1", text)]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(
        st.one_of(_PIECES, st.sampled_from(["{", "}", "{.item}", "]{.lead}"])),
        min_size=1,
        max_size=12,
    ).map("".join)
)
def test_escaped_text_reads_back_from_the_document_markdown_as_itself(raw: str) -> None:
    from zsdreport.document.dialect import read_blocks

    text = join_lines(raw)
    if text:
        doc = escape_document(text)
        assert read_blocks(doc + "\n") == [Block("body", text)]
        assert read_blocks("{.item}\n[1.]{.marker}[" + doc + "]{.lead}" + doc + "\n") == [
            Block("item", text, "1.", text, level=3)
        ]


@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_cannot_change_the_document_the_template_writes(
    text: str, folder: Folder
) -> None:
    """Every field the default template prints, hostile, reads back from its document as itself."""
    from zsdreport.check.validate import load_report
    from zsdreport.document.outline import outline
    from zsdreport.text import prose

    quoted = json.dumps(text, ensure_ascii=False)
    report = (
        MINI["report.yaml"]
        .replace("title: 祖师殿镇{year}年{half}工作总结", f"title: {quoted}\nrecipient: {quoted}")
        .replace("  - 溆浦县祖师殿镇人民政府", f"  - {quoted}")
    )
    party = (
        MINI["work-party.yaml"]
        .replace("heading: 大力抓党建、提作风，不断夯实基层党建工作基础", f"heading: {quoted}")
        .replace("  - lead: 加强党的领导，把准发展“方向盘”。", f"  - lead: {quoted}")
    )
    problems = MINI["problems.yaml"].replace(
        "  - lead: 产业发展结构比较单一。\n    text: 我镇虽有。",
        f"  - lead: {quoted}\n    text: {quoted}",
    )
    loaded, found = load_report(
        folder({"report.yaml": report, "work-party.yaml": party, "problems.yaml": problems})
    )
    assert loaded is not None, [p.format() for p in found]
    printed = prose(text)
    blocks = {b.kind: b for b in reversed(outline(loaded).blocks)}  # the first of each kind
    assert blocks["title"].text == printed
    assert blocks["recipient"].text == printed
    assert (blocks["heading2"].marker, blocks["heading2"].body) == ("（一）", printed)
    assert (blocks["item"].marker, blocks["item"].lead) == ("1.", printed)
    last_point = [b for b in outline(loaded).blocks if b.kind == "point"][-1]
    assert (last_point.marker, last_point.lead, last_point.body) == ("二是", printed, printed)
    assert [b.text for b in outline(loaded).blocks if b.kind == "signature"][-1] == printed


def test_prose_that_looks_like_markdown_builds_as_plain_paragraphs(
    folder: Folder, cli: Cli
) -> None:
    """Fields printed without a generated number first: title, recipient, preamble, section text.

    (The space before Chinese text is dropped on purpose: text.join_lines.)
    """
    report = (
        MINI["report.yaml"]
        .replace("title: 祖师殿镇{year}年{half}工作总结", "title: '> quote 总结'")
        .replace("preamble: >-", "recipient: '1. one 县委'\npreamble: >-")
        .replace("  {year}年以来，", "  # heading {year}年以来，")
    )
    party = MINI["work-party.yaml"].replace("items:", "text: '- item 正文'\nitems:")
    problems = MINI["problems.yaml"].replace(
        "points:", "text: '*em* _u_ [link](x) <b> 正文'\npoints:"
    )
    folder({"report.yaml": report, "work-party.yaml": party, "problems.yaml": problems})
    run = cli("build", "data", "-o", "out", "--only", "md")
    assert run.code == 0, run.err
    blocks = _blocks(next(Path("out").glob("*.md")).read_text(encoding="utf-8"))
    assert blocks[:3] == [
        ("h1", "> quote总结"),
        ("p", "1. one县委"),
        (
            "p",
            "# heading 2023年以来，在县委、县政府的坚强领导下，各项工作稳步推进。现将有关情况报告如下：",
        ),
    ]
    assert ("p", "- item正文") in blocks
    assert ("p", "*em* _u_ [link](x) <b>正文") in blocks
    assert {kind for kind, _ in blocks} == {"h1", "h2", "h3", "p"}


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "# {{ title }}\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n",
            "模板 {t}:2 试图访问不允许的内容，已被安全沙箱阻止（access to attribute '__class__' of 'str' object is unsafe.）：模板只能使用提供给它的数据",
        ),
        (
            "{{ parts.append(1) }}\n",
            "模板 {t}:1 试图访问不允许的内容，已被安全沙箱阻止（access to attribute 'append' of 'list' object is unsafe.）：模板只能使用提供给它的数据",
        ),
        (
            "# {{ title }}\n\n{{ undefined_name }}\n",
            "模板 {t}:3 用到了未定义的变量 undefined_name（Jinja 原文：'undefined_name' is undefined）：可用的变量见默认模板 report.md.j2 开头的说明",
        ),
        (
            "# {{ title }}\n{% for p in parts %}\n",
            "模板 {t}:2 语法错误：模板在 {% for %} 块结束前就结束了：缺少 {% endfor %}（Jinja 原文：Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.）",
        ),
        (
            "# {{ title }}\n\n{{ }}\n",
            "模板 {t}:3 语法错误：缺少表达式：{{ }} 或 {% %} 里少写了内容（Jinja 原文：Expected an expression, got 'end of print statement'）",
        ),
        (
            "{{ 1 / 0 }}\n",
            "模板 {t}:1 出错：计算时除数为零（Python 原文：ZeroDivisionError: division by zero）",
        ),
    ],
    ids=["mro", "mutate", "undefined", "syntax", "empty-expression", "division"],
)
def test_a_bad_custom_template_fails_cleanly_naming_file_and_line(
    template: str, message: str, folder: Folder, cli: Cli
) -> None:
    folder({})
    Path("tpl").mkdir()
    Path("tpl/report.md.j2").write_text(template, encoding="utf-8")
    run = cli("build", "data", "-o", "out", "--only", "md", "--templates", "tpl")
    assert run.code == 1
    assert run.err == "错误：" + message.replace("{t}", "tpl/report.md.j2") + "\n"
    assert not Path("out").exists()


def test_a_missing_templates_folder_is_a_usage_error(folder: Folder, cli: Cli) -> None:
    folder({})
    run = cli("build", "data", "-o", "out", "--only", "md", "--templates", "nowhere")
    assert (run.code, run.err) == (2, "错误：找不到模板文件夹：nowhere\n")


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "_.._etc_passwd"),
        ("..", "report"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
        (" .隐藏. ", "隐藏"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("祖师殿镇2023年上半年工作总结", "祖师殿镇2023年上半年工作总结"),
    ],
)
def test_output_names_cannot_leave_the_output_folder(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_write_all_refuses_a_name_outside_the_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="不能指向输出文件夹之外"):
        write_all(tmp_path / "out", {"../escape.md": b"x"})
    assert not (tmp_path / "escape.md").exists()


def test_a_filename_with_a_path_is_refused_before_anything_is_written(
    folder: Folder, cli: Cli
) -> None:
    folder({"report.yaml": MINI["report.yaml"] + 'output: {filename: "../{title}"}\n'})
    run = cli("build", "data", "-o", "out", "--only", "md")
    assert run.code == 1
    assert run.problems == [
        "data/report.yaml:14:20: 错误: 输出文件名不能包含“/”“\\”或“..”：文件总是写在输出文件夹中（用 -o 指定文件夹）"
    ]
    assert not Path("out").exists()


def test_an_internal_error_is_a_short_chinese_message_and_the_traceback_waits_for_debug(
    folder: Folder, cli: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import zsdreport.check.validate

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    folder({})
    monkeypatch.setattr(zsdreport.check.validate, "check_prose", broken)
    run = cli("check", "data")
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        "内部错误（RuntimeError）：这是 zsdreport 的缺陷，不是您数据的问题。"
        "请加 --debug 重新运行，并把输出发给维护人员。\n"
    )
    from zsdreport.cli import main

    with pytest.raises(RuntimeError, match="boom"):
        main(["--debug", "check", "data"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "nowhere"], "错误：找不到数据文件夹：nowhere"),
        (
            ["check", "data/report.yaml"],
            "错误：data/report.yaml 是文件，不是文件夹：请指定它所在的数据文件夹，如 data",
        ),
        (
            ["check", "data/problems.yaml"],
            "错误：data/problems.yaml 不是文件夹：请指定一期数据的文件夹，如 data/2023H1",
        ),
        (["check", "."], "错误：. 中没有 report.yaml：请指定一期数据的文件夹，如 data/2023H1"),
        (["check"], "错误：缺少参数 数据文件夹"),
        (["check", "data", "--bogus"], "错误：没有选项 --bogus"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str, folder: Folder, cli: Cli) -> None:
    folder({})
    run = cli(*args)
    assert run.code == 2
    assert run.err.splitlines()[0] == message


def test_check_writes_nothing(folder: Folder, cli: Cli) -> None:
    root = folder({})
    before = sorted(p.name for p in Path().rglob("*"))
    run = cli("check", str(root))
    assert (run.code, run.out, run.err) == (0, "", "校验通过：0 处错误，0 处警告。\n")
    assert sorted(p.name for p in Path().rglob("*")) == before

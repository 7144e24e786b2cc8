"""Template folders at the command line: exporting, misnamed files, Markdown the document lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.conftest import MINI, Cli, Folder


def test_export_writes_the_default_template_and_refuses_to_overwrite(
    folder: Folder, cli: Cli
) -> None:
    from zsdreport.render.template_folder import default_templates

    folder({})
    run = cli("templates", "export", "tpl")
    assert (run.code, run.out) == (0, "已导出 tpl/report.md.j2\n")
    shipped = (default_templates() / "report.md.j2").read_bytes()
    assert Path("tpl/report.md.j2").read_bytes() == shipped

    Path("tpl/report.md.j2").write_text("# 我的模板\n", encoding="utf-8")
    run = cli("templates", "export", "tpl")
    assert (run.code, run.err) == (
        2,
        "错误：tpl 中已有 report.md.j2，未覆盖；确实要用默认模板替换时加 --force\n",
    )
    assert Path("tpl/report.md.j2").read_text(encoding="utf-8") == "# 我的模板\n"
    assert cli("templates", "export", "tpl", "--force").code == 0
    assert Path("tpl/report.md.j2").read_bytes() == shipped


def test_an_exported_template_builds_the_same_report(folder: Folder, cli: Cli) -> None:
    folder({})
    assert cli("templates", "export", "tpl").code == 0
    assert cli("build", "data", "-o", "a").code == 0
    assert cli("build", "data", "-o", "b", "--templates", "tpl").code == 0
    for name in ("祖师殿镇2023年上半年工作总结.md", "祖师殿镇2023年上半年工作总结.docx"):
        assert Path("a", name).read_bytes() == Path("b", name).read_bytes()


@pytest.mark.parametrize(
    ("files", "hint"),
    [
        ({}, ""),
        ({"report.md.jinja": "# x\n"}, "（文件夹里有 report.md.jinja：请改名为 report.md.j2）"),
        ({"Report.md.j2": "# x\n"}, "（文件夹里有 Report.md.j2：请改名为 report.md.j2）"),
        (
            {"report.j2": "# x\n", "notes.txt": ""},
            "（文件夹里有 report.j2：请改名为 report.md.j2）",
        ),
    ],
    ids=["empty", "jinja-suffix", "capital", "short"],
)
def test_a_missing_or_misnamed_template_is_a_usage_error_naming_the_file(
    files: dict[str, str], hint: str, folder: Folder, cli: Cli
) -> None:
    folder({})
    Path("tpl").mkdir()
    for name, text in files.items():
        Path("tpl", name).write_text(text, encoding="utf-8")
    run = cli("build", "data", "-o", "out", "--templates", "tpl")
    assert run.code == 2
    assert run.err == (
        f"错误：模板文件夹 tpl 中没有 report.md.j2{hint}；"
        "可用 zsdreport templates export tpl 导出默认模板后修改\n"
    )
    assert not Path("out").exists()


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("- 列表", "无序列表（行首的 - + *）"),
        ("> 引用", "引用（行首的 >）"),
        ("正文 **加粗**", "加粗（**文字**）"),
        ("#### 四级", "#### 级标题（只有 # ## ###）"),
        (
            "{.note}\n段落",
            "不认识的段落类型 {.note}（可用：{.body} {.recipient} {.item} {.subitem} {.point} {.signature} {.date} {.caption}）",
        ),
        ("正文[1.]{.marker}", "[…]{.marker} 应写在段首，{.marker} 在 {.lead} 之前"),
    ],
)
def test_markdown_the_document_cannot_hold_is_refused_with_its_line(
    line: str, what: str, folder: Folder, cli: Cli
) -> None:
    folder({})
    Path("tpl").mkdir()
    Path("tpl/report.md.j2").write_text("# {{ title | md }}\n\n" + line + "\n", encoding="utf-8")
    run = cli("build", "data", "-o", "out", "--templates", "tpl")
    assert run.code == 1
    shown = line.splitlines()[-1] if line.startswith("{") else line
    number = 4 if line.startswith("{") else 3
    assert run.err == (
        f"错误：模板 tpl/report.md.j2 生成的文档第 {number} 行用了文档结构中没有的写法：{what}"
        f"（该行：{shown}）；可用的写法见默认模板 report.md.j2 开头的说明\n"
    )
    assert not Path("out").exists()


def test_a_preamble_that_still_ends_with_the_fixed_sentence_is_warned(
    folder: Folder, cli: Cli
) -> None:
    report = MINI["report.yaml"].replace(
        "各项工作稳步推进。", "各项工作稳步推进。现将有关情况报告如下："
    )
    folder({"report.yaml": report})
    run = cli("check", "data")
    assert run.code == 0
    assert run.problems == [
        "data/report.yaml:7:11: 警告: 开头语末尾的“现将有关情况报告如下：”由模板写出（report.md.j2），"
        "数据中不必再写，否则会印两次：请从 preamble 中删去这句"
    ]

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.golden import assert_golden
from zsdreport.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["build", "--help"],
        ["check", "--help"],
        ["metrics", "--help"],
        ["lint-docx", "--help"],
        ["new", "--help"],
        ["diff", "--help"],
        ["totext", "--help"],
        ["git-setup", "--help"],
        ["fill", "--help"],
        ["watch", "--help"],
        ["templates", "--help"],
        ["templates", "export", "--help"],
    ],
    ids=lambda a: "-".join(a),
)
def test_help_is_chinese_and_pinned(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    update_golden: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = run(args, capsys)
    assert code == 0, err
    assert "Usage" not in out and "Options" not in out and "Show this message" not in out
    assert_golden(f"help/{'-'.join(a.strip('-') for a in args)}.txt", out, update_golden)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build"], "错误：缺少参数 数据文件夹"),
        (["buld", "data/2023H1"], "错误：没有这个命令：buld，是否想写 build？"),
        (["buid", "data/2023H1"], "错误：没有这个命令：buid，是否想写 build？"),
        (
            ["publish", "data/2023H1"],
            "错误：没有这个命令：publish；可用的命令有 build、check、metrics、lint-docx、schema、watch、new、fill、diff、totext、git-setup、check-changed、import、templates",
        ),
        (
            ["--debug"],
            "错误：缺少命令；可用的命令有 build、check、metrics、lint-docx、schema、watch、new、fill、diff、totext、git-setup、check-changed、import、templates",
        ),
        (["build", "data/2023H1", "--colour"], "错误：没有选项 --colour"),
        (["build", "data/2023H1", "--format"], "错误：选项 --format 缺少值"),
        (["build", "data/2023H1", "-o"], "错误：选项 -o 缺少值"),
        (["build", "data/2023H1", "--strict=1"], "错误：选项 --strict 不接受值"),
        (["--debug=yes", "build"], "错误：选项 --debug 不接受值"),
        (["check", "data/2023H1", "extra", "more"], "错误：多余的参数：extra more"),
        (["build", "no/such/folder"], "错误：找不到数据文件夹：no/such/folder"),
        (
            ["build", "data/2023H1", "--format", "odt"],
            "错误：不支持的输出格式：odt；可选 md、docx、pdf",
        ),
        (
            ["metrics", "data/2023H1", "--format", "xml"],
            "错误：不支持的格式：xml；可选 table、json、xlsx、csv",
        ),
    ],
)
def test_usage_errors_exit_2_in_chinese(
    args: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(DATA.parent.parent)
    code, out, err = run(args, capsys)
    assert code == 2
    assert err.splitlines()[0] == message
    assert "Traceback" not in err and out == ""


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["buid"], "zsdreport --help"),
        (["build", "data/2023H1", "--format"], "zsdreport build --help"),
        (["check", "data/2023H1", "--strict=1"], "zsdreport check --help"),
    ],
)
def test_usage_errors_point_to_the_help_of_the_command(
    args: list[str], hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(args, capsys)
    assert code == 2
    assert err.splitlines()[-1] == f"请运行 “{hint}” 查看用法。"


def test_an_untranslated_usage_error_still_starts_in_chinese() -> None:
    from typer._click import exceptions as click_errors

    from zsdreport.cli.zh import usage_message

    error = click_errors.BadArgumentUsage("Argument 'x' takes 2 values.")
    assert (
        usage_message(error).splitlines()[0]
        == "错误：命令行用法有误（Argument 'x' takes 2 values.）"
    )


def test_metrics_table_lists_every_figure(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.chdir(DATA.parent.parent)
    code, out, _ = run(["metrics", "data/2023H1"], capsys)
    assert code == 0
    assert_golden("metrics.txt", out, update_golden)


def test_metrics_csv_and_json_agree(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv
    import io
    import json

    monkeypatch.chdir(DATA.parent.parent)
    code, out_csv, _ = run(["metrics", "data/2023H1", "-f", "csv"], capsys)
    assert code == 0
    _, out_json, _ = run(["metrics", "data/2023H1", "-f", "json"], capsys)
    assert out_csv.startswith("\ufeff标识,名称,单位,上期数,本期数,备注,出处")
    rows = list(csv.DictReader(io.StringIO(out_csv.lstrip("\ufeff"))))
    listed = json.loads(out_json)
    assert [(r["标识"], r["本期数"], r["单位"]) for r in rows] == [
        (r["id"], r["value"], r["unit"]) for r in listed
    ]
    assert len(rows) >= 75
    rate = next(r for r in rows if r["备注"].startswith("由公式计算"))
    assert (rate["名称"], rate["本期数"], rate["单位"]) == ("办结率", "99.6", "%")
    assert rate["出处"].startswith("work-livelihood.yaml:")


def test_pdf_without_libreoffice_fails_cleanly_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from pathlib import Path

    out = Path(str(tmp_path)) / "out"
    monkeypatch.setenv("ZSD_SOFFICE", "no-such-libreoffice")
    code, _, err = run(["build", str(DATA), "-o", str(out), "--only", "md,pdf"], capsys)
    assert code == 1
    assert err.strip() == (
        "错误：生成 PDF 需要 LibreOffice，但本机没有找到："
        "请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui）"
    )
    assert not out.exists() or list(out.iterdir()) == []


def test_lint_docx_passes_our_output_and_fails_a_plain_document(
    capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    from pathlib import Path

    import docx

    out = Path(str(tmp_path))
    code, _, _ = run(["build", str(DATA), "-o", str(out), "--only", "docx"], capsys)
    assert code == 0
    (ours,) = out.glob("*.docx")
    code, text, _ = run(["lint-docx", str(ours)], capsys)
    assert code == 0
    assert text.splitlines()[-1] == "共 28 条规则：通过 28，失败 0，警告 0"

    plain = out / "plain.docx"
    document = docx.Document()
    document.add_paragraph("工作总结")
    document.add_paragraph("一、上半年工作开展情况")
    document.save(str(plain))
    code, text, _ = run(["lint-docx", str(plain)], capsys)
    assert code == 1
    assert "✗ page.size 纸张为 A4" in text


def test_lint_docx_on_something_that_is_not_a_docx(
    capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    from pathlib import Path

    fake = Path(str(tmp_path)) / "报告.docx"
    fake.write_text("not a zip", encoding="utf-8")
    code, _, err = run(["lint-docx", str(fake)], capsys)
    assert code == 1
    assert str(fake) in err and "Traceback" not in err
    code, _, err = run(["lint-docx", str(fake.with_name("没有.docx"))], capsys)
    assert code == 2


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a .docx built from the shipped data, which passes every rule."""
    from zsdreport.build import build

    out = tmp_path_factory.mktemp("good")
    (path,) = build(DATA, out, "docx").outputs
    return path


def test_lint_docx_goes_on_after_a_file_it_cannot_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good_docx: Path
) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    missing = tmp_path / "missing.docx"
    code, out, err = run(["lint-docx", str(bad), str(missing), str(good_docx)], capsys)
    assert code == 1
    assert out.splitlines()[0] == f"== {bad}"
    assert f"== {good_docx}" in out.splitlines()
    assert out.splitlines()[-1] == "共 28 条规则：通过 28，失败 0，警告 0"
    assert err.splitlines() == [
        f"错误：无法读取 {bad}：不是 Word 文档（.docx）或文件已损坏；"
        "请用 Word 或 WPS 打开后另存为 .docx 再检查",
        f"错误：找不到文件 {missing}",
    ]


def test_lint_docx_with_a_missing_file_among_good_ones_fails_with_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good_docx: Path
) -> None:
    missing = tmp_path / "missing.docx"
    code, _, err = run(["lint-docx", str(good_docx), str(missing)], capsys)
    assert (code, err) == (1, f"错误：找不到文件 {missing}\n")


def test_lint_docx_when_no_file_exists_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = (tmp_path / name for name in ("a.docx", "b.docx"))
    code, _, err = run(["lint-docx", str(first), str(second)], capsys)
    assert (code, err) == (2, f"错误：找不到文件 {first}\n错误：找不到文件 {second}\n")


def test_a_source_date_epoch_after_2107_is_a_usage_error_not_a_crash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "5000000000")
    code, out, err = run(
        ["build", str(DATA), "-o", str(tmp_path / "out"), "--only", "docx"], capsys
    )
    assert code == 2
    assert err.startswith("错误：环境变量 SOURCE_DATE_EPOCH 太大：5000000000 秒晚于 2107 年底")
    assert "内部错误" not in err and out == ""
    assert not (tmp_path / "out").exists()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from zsdreport import __version__

    assert run(["--version"], capsys) == (0, f"zsdreport {__version__}\n", "")


@pytest.mark.parametrize("name", ["out.docx", "报告.md", "x.PDF"])
def test_an_output_folder_named_like_a_file_is_refused(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["build", str(DATA), "-o", str(tmp_path / name)], capsys)
    stem = (tmp_path / name).with_suffix("")
    suffix = Path(name).suffix
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        f"错误：-o 指定的是输出文件夹，不是文件：“{tmp_path / name}”以 {suffix} 结尾，像是文件名。"
        f"请写一个文件夹，如 -o {stem}；文件名由 report.yaml 的 output.filename 决定"
    )
    assert list(tmp_path.iterdir()) == []


def _built(out: Path) -> list[str]:
    return sorted(p.suffix for p in out.iterdir())


def test_format_adds_to_the_configured_formats_and_only_replaces_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.check.conftest import MINI
    from tests.conftest import write_tree

    data = write_tree(tmp_path / "data" / "2023H1", MINI)
    assert run(["build", str(data), "-o", str(tmp_path / "a"), "--format", "md"], capsys)[0] == 0
    assert _built(tmp_path / "a") == [".docx", ".md"]
    assert run(["build", str(data), "-o", str(tmp_path / "b"), "--only", "md"], capsys)[0] == 0
    assert _built(tmp_path / "b") == [".md"]
    code = run(["build", str(data), "-o", str(tmp_path / "c"), "--only", "docx,md"], capsys)[0]
    assert code == 0
    assert _built(tmp_path / "c") == [".docx", ".md"]
    code, _, err = run(["build", str(data), "--format", "pdf", "--only", "md"], capsys)
    assert (code, err.splitlines()[0]) == (
        2,
        "错误：--format 与 --only 只能用一个：--format 在 report.yaml 设置的格式之外增加，--only 只生成所列格式",
    )


@pytest.mark.parametrize("where", ["project", "data", "period"])
def test_the_default_output_is_build_in_the_project_wherever_the_command_runs(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.check.conftest import MINI
    from tests.conftest import write_tree

    write_tree(tmp_path / "data" / "2023H1", MINI)
    folder = {
        "project": tmp_path,
        "data": tmp_path / "data",
        "period": tmp_path / "data" / "2023H1",
    }
    monkeypatch.chdir(folder[where])
    argument = {"project": "data/2023H1", "data": "2023H1", "period": "."}[where]
    code, _, err = run(["build", argument, "--only", "md"], capsys)
    assert code == 0, err
    assert _built(tmp_path / "build" / "2023H1") == [".md"]
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["2023H1"]


def test_a_library_missing_from_an_old_environment_says_to_reinstall(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from zsdreport.document import dialect

    def not_installed() -> None:
        raise ModuleNotFoundError("No module named 'mdit_py_plugins'", name="mdit_py_plugins")

    monkeypatch.setattr(dialect, "parser", not_installed)
    code, out, err = run(["build", str(DATA), "-o", str(tmp_path / "out"), "--only", "md"], capsys)
    assert code == 1
    assert err.endswith(
        "错误：缺少 zsdreport 需要的软件包 mdit_py_plugins：更新 zsdreport 后请重新安装，"
        "在仓库目录运行 make build（或 .venv/bin/pip install -e .）\n"
    )
    assert "内部错误" not in err and out == ""
    assert not (tmp_path / "out").exists()

"""The strict loader never changes data: text stays as typed, encodings and line ends do not matter."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from tests.check.conftest import MINI, Cli, Folder
from zsdreport.load.reader import MAX_BYTES, align, load_file

FORMATS = "md,docx" if importlib.util.find_spec("zsdreport.render.docx") else "md"


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.suffix: p.read_bytes() for p in sorted(out.iterdir())}


def test_yaml_11_implicit_types_stay_text_exactly_as_typed(folder: Folder, cli: Cli) -> None:
    folder(
        {
            "problems.yaml": (
                "heading: 存在问题及不足\n"
                "points:\n"
                "  - no\n"
                "  - on\n"
                "  - 010\n"
                "  - 12:30\n"
                "  - 1_000\n"
                "  - 0x1F\n"
                "  - 2023-07-10\n"
                "  - ~\n"
                "  - .inf\n"
            )
        }
    )
    data = load_file(Path("data/problems.yaml")).data
    assert data["points"] == [
        "no",
        "on",
        "010",
        "12:30",
        "1_000",
        "0x1F",
        "2023-07-10",
        "~",
        ".inf",
    ]
    run = cli("build", "data", "-o", "out", "--only", "md")
    assert run.code == 0, run.err
    markdown = next(Path("out").glob("*.md")).read_text(encoding="utf-8")
    for n, typed in enumerate(
        ["no", "on", "010", "12:30", "1\\_000", "0x1F", "2023-07-10", "\\~", ".inf"], 3
    ):
        assert f"\n{'一二三四五六七八九'[n - 3]}是{typed}\n" in markdown


def test_a_leading_zero_metric_is_refused_not_read_as_ten(folder: Folder, cli: Cli) -> None:
    folder({"work-party.yaml": MINI["work-party.yaml"].replace("value: 3,", "value: 010,")})
    run = cli("metrics", "data")
    assert run.code == 1
    assert run.problems == [
        'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "010"：数字不能以 0 开头（是否想写 10？）'
    ]


def test_billion_laughs_fails_fast_at_the_first_anchor(folder: Folder, cli: Cli) -> None:
    lines = ['a0: &a0 ["哈哈哈哈哈哈哈哈哈"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    folder({"problems.yaml": "\n".join(lines) + "\n"})
    started = time.perf_counter()
    run = cli("check", "data")
    assert time.perf_counter() - started < 2
    assert run.problems == [
        "data/problems.yaml:1:5: 错误: 不支持 YAML 锚点（以“&”开头的名称）：若这是正文，请给整段内容加引号；否则请删除它"
    ]


def test_a_very_large_file_gets_a_clear_limit(folder: Folder, cli: Cli) -> None:
    filler = "# " + "很长的注释" * 40 + "\n"
    folder(
        {"problems.yaml": MINI["problems.yaml"] + filler * (MAX_BYTES // len(filler.encode()) + 10)}
    )
    run = cli("check", "data")
    assert run.code == 1
    assert run.problems == [
        "data/problems.yaml: 错误: 文件过大（1.0 MB，上限 1 MB）：一节的数据不会这么大，请检查是否放错了文件"
    ]


def test_very_long_lines_are_shown_as_a_window_around_the_caret(folder: Folder, cli: Cli) -> None:
    folder(
        {
            "problems.yaml": MINI["problems.yaml"].replace(
                "我镇虽有。", "甲" * 300 + "，，" + "乙" * 300
            )
        }
    )
    run = cli("check", "data")
    assert run.problems == ["data/problems.yaml:6:311: 警告: 标点重复“，，”：请删除多余的标点"]
    shown, caret = run.err.splitlines()[1:3]
    assert shown == "   6 | …" + "甲" * 60 + "，，" + "乙" * 60 + "…"
    assert caret == "     | " + " " * (1 + 120) + "^^^^"


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("bom", lambda text: b"\xef\xbb\xbf" + text.encode()),
        ("crlf", lambda text: text.replace("\n", "\r\n").encode()),
        ("bom-crlf", lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()),
        ("cr", lambda text: text.replace("\n", "\r").encode()),
    ],
)
def test_bom_and_line_ends_build_byte_identical_output(
    name: str, encode: object, folder: Folder, cli: Cli
) -> None:
    folder({})
    assert cli("build", "data", "-o", "plain", "--only", FORMATS).code == 0
    folder({file: encode(text) for file, text in MINI.items()})  # type: ignore[operator]
    run = cli("check", "data")
    assert (run.code, run.problems) == (0, [])
    assert cli("build", "data", "-o", name, "--only", FORMATS).code == 0
    assert _outputs(Path(name)) == _outputs(Path("plain"))
    assert len(_outputs(Path(name))) == len(FORMATS.split(","))


def test_a_gbk_file_is_read_with_a_warning_and_builds_the_same(folder: Folder, cli: Cli) -> None:
    folder({})
    assert cli("build", "data", "-o", "plain", "--only", "md").code == 0
    folder({"work-party.yaml": MINI["work-party.yaml"].encode("gbk")})
    run = cli("check", "data")
    warning = (
        "data/work-party.yaml: 警告: 文件编码为 GBK，不是 UTF-8；已按 GBK 读取。"
        "建议用记事本“另存为”并选择 UTF-8 编码"
    )
    assert (run.code, run.problems) == (0, [warning])
    assert cli("build", "data", "-o", "gbk", "--only", "md").code == 0
    assert _outputs(Path("gbk")) == _outputs(Path("plain"))
    assert cli("check", "--strict", "data").code == 1


def test_gb18030_four_byte_characters_are_read_too(folder: Folder, cli: Cli) -> None:
    text = MINI["problems.yaml"].replace("我镇虽有。", "我镇虽有𠀀。")
    folder({"problems.yaml": text.encode("gb18030")})
    run = cli("check", "data")
    assert run.problems == [
        "data/problems.yaml: 警告: 文件编码为 GB18030，不是 UTF-8；已按 GB18030 读取。"
        "建议用记事本“另存为”并选择 UTF-8 编码"
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "heading: 存在問題\npoints: [村級工作力量相對薄弱，幹部配備齊全。]\n".encode("big5"),
        "heading: 問題\npoints: [日本語のテキストです。]\n".encode("shift_jis"),
        "heading: 存在问题\n".encode() + b"\xff\xfe\xfd" + "工作。\n".encode(),
    ],
    ids=["big5", "shift-jis", "bad-bytes"],
)
def test_other_encodings_are_refused_never_turned_into_mojibake(
    raw: bytes, folder: Folder, cli: Cli
) -> None:
    folder({"problems.yaml": raw})
    run = cli("check", "data")
    assert run.code == 1
    assert len(run.problems) == 1
    assert run.problems[0].startswith("data/problems.yaml:")
    assert (
        "错误: 无法识别文件编码" in run.problems[0]
        or "错误: 文件不是有效的 UTF-8" in run.problems[0]
    )


@pytest.mark.parametrize(
    ("style", "written", "value"),
    [
        (None, "加强  \n  党的领导，，", "加强 党的领导，，"),
        (">", ">-\n  加强党的\n  领导，，\n", "加强党的 领导，，"),
        (">", ">\n  第一段\n\n  第二段，，\n", "第一段\n第二段，，\n"),
        ("|", "|\n  第一行\n    缩进行，，\n", "第一行\n  缩进行，，\n"),
        ('"', '"双引号\\t转义\\u4e00，，\\\n  续行"', "双引号\t转义一，，续行"),
        ("'", "'单引号''s 文字，，'", "单引号's 文字，，"),
    ],
    ids=["plain", "folded", "folded-blank", "literal", "double", "single"],
)
def test_align_maps_every_value_character_back_to_where_it_was_typed(
    style: str | None, written: str, value: str
) -> None:
    spots = align(written, value, style)
    assert len(spots) == len(value) + 1
    at = value.index("，，")
    assert written[spots[at] : spots[at] + 2] == "，，"
    for i, ch in enumerate(value):
        if not ch.isspace() and ch not in "\t一":
            assert written[spots[i]] == ch, (i, ch)

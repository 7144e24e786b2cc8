"""Hostile and clerk-made inputs (issue 10): each changes MINI and pins every problem `check` reports.

Same shape as cases.py; symbolic links and pipes, which a dict of file contents cannot describe,
are pinned in test_confinement.py.
"""

from __future__ import annotations

from tests.check.cases import PARTY, PROBLEMS, REPORT, Case


def _party(text: str) -> dict[str, str | bytes | None]:
    return {"work-party.yaml": text}


def _problems(text: str | bytes) -> dict[str, str | bytes | None]:
    return {"problems.yaml": text}


def _report(text: str) -> dict[str, str | bytes | None]:
    return {"report.yaml": text}


_LEAD = "  - lead: 加强党的领导，把准发展“方向盘”。"
_HEADING = "heading: 大力抓党建、提作风，不断夯实基层党建工作基础"

CASES: list[Case] = [
    # --- clerk mistakes in YAML: the line with the mistake, and the fix in words -------------
    Case(
        "full-width-colon-after-lead",
        "syntax",
        _party(PARTY.replace(_LEAD, _LEAD.replace("lead: ", "lead："))),
        [
            "data/work-party.yaml:8:5: 错误: YAML 格式错误：“lead”后面用了中文冒号“：”：字段名与内容之间应写英文冒号加空格，请改为“lead: 加强党的领导，把准发展“……”",
        ],
    ),
    Case(
        "missing-colon-after-heading",
        "syntax",
        _party(PARTY.replace(_HEADING, _HEADING.replace("heading: ", "heading "))),
        [
            "data/work-party.yaml:1:1: 错误: YAML 格式错误：“heading”后面缺少冒号：字段名与内容之间应写英文冒号加空格，请改为“heading: 大力抓党建、提作风，不断……”",
        ],
    ),
    Case(
        "full-width-colon-after-heading",
        "syntax",
        _party(PARTY.replace(_HEADING, _HEADING.replace("heading: ", "heading："))),
        [
            "data/work-party.yaml:1:1: 错误: YAML 格式错误：“heading”后面用了中文冒号“：”：字段名与内容之间应写英文冒号加空格，请改为“heading: 大力抓党建、提作风，不断……”",
        ],
    ),
    Case(
        "full-width-colon-on-the-last-line",
        "syntax",
        _problems(PROBLEMS.replace("    text: 我镇虽有。", "    text：我镇虽有。")),
        [
            "data/problems.yaml:6:5: 错误: YAML 格式错误：“text”后面用了中文冒号“：”：字段名与内容之间应写英文冒号加空格，请改为“text: 我镇虽有。”",
        ],
    ),
    Case(
        "missing-colon-after-lead",
        "syntax",
        _party(PARTY.replace(_LEAD, _LEAD.replace("lead: ", "lead "))),
        [
            "data/work-party.yaml:8:5: 错误: YAML 格式错误：“lead”后面缺少冒号：字段名与内容之间应写英文冒号加空格，请改为“lead: 加强党的领导，把准发展“……”",
        ],
    ),
    # --- periods, empty values, section files ------------------------------------------------
    Case(
        "period-lower-case-h",
        "schema",
        _report(REPORT.replace("period: 2023H1", "period: 2023h2")),
        [
            'data/report.yaml:2:9: 错误: 应为“年份H1”“年份H2”（半年，如 2023H1）或“年份”（全年，如 2023），实际为 "2023h2"，是否想写 2023H2？',
        ],
    ),
    Case(
        "period-in-chinese",
        "schema",
        _report(REPORT.replace("period: 2023H1", "period: 2023下半年")),
        [
            'data/report.yaml:2:9: 错误: 应为“年份H1”“年份H2”（半年，如 2023H1）或“年份”（全年，如 2023），实际为 "2023下半年"，是否想写 2023H2？',
        ],
    ),
    Case(
        "period-with-year-word",
        "schema",
        _report(REPORT.replace("period: 2023H1", "period: 2023年上半年")),
        [
            'data/report.yaml:2:9: 错误: 应为“年份H1”“年份H2”（半年，如 2023H1）或“年份”（全年，如 2023），实际为 "2023年上半年"，是否想写 2023H1？',
        ],
    ),
    Case(
        "empty-section-text",
        "schema",
        _problems(PROBLEMS.replace("points:", "text:\npoints:")),
        [
            "data/problems.yaml:2:6: 错误: “text:”后面没有内容：请在冒号后填写内容，不需要时删除这一行",
        ],
    ),
    Case(
        "empty-item-text",
        "schema",
        _party(PARTY.split("    text: >-")[0] + "    text:\n"),
        [
            "data/work-party.yaml:9:10: 错误: “text:”后面没有内容：请在冒号后填写内容，不需要时删除这一行",
        ],
    ),
    Case(
        "empty-list-entry",
        "schema",
        _problems(PROBLEMS + "  -\n"),
        [
            "data/problems.yaml:7:4: 错误: 这一项是空的：请在“- ”后填写内容，或删除这一行",
        ],
    ),
    Case(
        "deleted-section-beside-a-listed-one",
        "cross",
        _report(REPORT.replace("files: [work-party]", "files: [work-party, work-part]")),
        [
            "data/report.yaml:12:25: 错误: 找不到节的文件 work-part.yaml：文件是否被删除或改名了？不再需要这一节时，请从 sections 中删去“work-part”",
        ],
    ),
    Case(
        "section-name-too-long",
        "cross",
        _report(REPORT.replace("  - problems\n", "  - problems\n  - " + "p" * 300 + "\n")),
        [
            "data/report.yaml:14:5: 错误: 节的文件名过长（300 个字）：请用一个较短的文件名",
        ],
    ),
]

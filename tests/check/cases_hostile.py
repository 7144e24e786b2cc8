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
            "data/work-party.yaml:8:5: 错误: YAML 格式错误：“lead”后面用了中文冒号“：”：字段名与内容之间应写英文冒号加空格，请改为“lead: 加强党的领导，把准发展“方向盘”……”",
        ],
    ),
    Case(
        "missing-colon-after-heading",
        "syntax",
        _party(PARTY.replace(_HEADING, _HEADING.replace("heading: ", "heading "))),
        [
            "data/work-party.yaml:1:1: 错误: YAML 格式错误：“heading”后面缺少冒号：字段名与内容之间应写英文冒号加空格，请改为“heading: 大力抓党建、提作风，不断夯实基层……”",
        ],
    ),
    Case(
        "full-width-colon-after-heading",
        "syntax",
        _party(PARTY.replace(_HEADING, _HEADING.replace("heading: ", "heading："))),
        [
            "data/work-party.yaml:1:1: 错误: YAML 格式错误：“heading”后面用了中文冒号“：”：字段名与内容之间应写英文冒号加空格，请改为“heading: 大力抓党建、提作风，不断夯实基层……”",
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
            "data/work-party.yaml:8:5: 错误: YAML 格式错误：“lead”后面缺少冒号：字段名与内容之间应写英文冒号加空格，请改为“lead: 加强党的领导，把准发展“方向盘”……”",
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
    # --- control characters from the data never reach the terminal ------------------------
    Case(
        "escape-sequence-in-a-section-name",
        "cross",
        _report(REPORT.replace("  - problems\n", '  - problems\n  - "\\e[2K\\e[1A校验通过"\n')),
        [
            "data/report.yaml:14:5: 错误: 找不到节的文件 <U+001B>[2K<U+001B>[1A校验通过.yaml：文件是否被删除或改名了？不再需要这一节时，请从 sections 中删去“<U+001B>[2K<U+001B>[1A校验通过”",
            "data/report.yaml:14:6: 错误: 含有不能打印的字符 U+001B：请删除它",
            "data/report.yaml:14:11: 错误: 含有不能打印的字符 U+001B：请删除它",
        ],
    ),
    Case(
        "escape-sequence-in-a-heading",
        "proofread",
        _problems(
            PROBLEMS.replace("heading: 存在问题及不足", 'heading: "存在问题\\e[2K\\r校验通过"')
        ),
        [
            "data/problems.yaml:1:15: 错误: 含有不能打印的字符 U+001B：请删除它",
            "data/problems.yaml:1:20: 错误: 含有不能打印的字符 U+000D：请删除它",
        ],
    ),
    # --- impossible print settings ---------------------------------------------------------
    Case(
        "negative-margin",
        "schema",
        _report(REPORT + "style:\n  margins_mm: [37, 35, -5, 26]\n"),
        ['data/report.yaml:15:24: 错误: 数值应不小于 0.0，实际为 "-5"'],
    ),
    Case(
        "margins-taller-than-the-page",
        "schema",
        _report(REPORT + "style:\n  margins_mm: [90, 90, 28, 26]\n"),
        [
            "data/report.yaml:15:15: 错误: 上下页边距之和 180 mm 过大：A4 纸高 297 mm，正文至少要留 150 mm（国家标准为上 37、下 35）",
        ],
    ),
    Case(
        "margins-wider-than-the-page",
        "schema",
        _report(REPORT + "style:\n  margins_mm: [37, 35, 60, 60]\n"),
        [
            "data/report.yaml:15:15: 错误: 左右页边距之和 120 mm 过大：A4 纸宽 210 mm，正文至少要留 100 mm（国家标准为左 28、右 26）",
        ],
    ),
    Case(
        "margin-larger-than-the-page",
        "schema",
        _report(REPORT + "style:\n  margins_mm: [37, 35, 28, 300]\n"),
        ['data/report.yaml:15:28: 错误: 数值应不大于 100.0，实际为 "300"'],
    ),
    Case(
        "margin-1e999",
        "schema",
        _report(REPORT + "style:\n  margins_mm: [37, 35, 28, 1e999]\n"),
        [
            'data/report.yaml:15:28: 错误: 应为数字（如 12、3.5、-2），实际为 "1e999"：不要用科学记数法（如 1e3），请直接写出数字，如 1000'
        ],
    ),
    Case(
        "zero-line-pitch",
        "schema",
        _report(REPORT + "style:\n  line_pitch_pt: 0\n"),
        ['data/report.yaml:15:18: 错误: 数值应不小于 20.0，实际为 "0"'],
    ),
    # --- more clerk mistakes ---------------------------------------------------------------
    Case(
        "missing-colon-after-title",
        "syntax",
        _report(REPORT.replace("title: 祖师殿镇", "title 祖师殿镇")),
        [
            "data/report.yaml:1:1: 错误: YAML 格式错误：“title”后面缺少冒号：字段名与内容之间应写英文冒号加空格，请改为“title: 祖师殿镇{year}年……”",
        ],
    ),
    Case(
        "full-width-colon-after-period",
        "syntax",
        _report(REPORT.replace("period: 2023H1", "period：2023H1")),
        [
            "data/report.yaml:2:1: 错误: YAML 格式错误：“period”后面用了中文冒号“：”：字段名与内容之间应写英文冒号加空格，请改为“period: 2023H1”",
        ],
    ),
    Case(
        "period-with-a-blank",
        "schema",
        _report(REPORT.replace("period: 2023H1", "period: 2023 H2")),
        [
            'data/report.yaml:2:9: 错误: 应为“年份H1”“年份H2”（半年，如 2023H1）或“年份”（全年，如 2023），实际为 "2023 H2"，是否想写 2023H2？',
        ],
    ),
    Case(
        "empty-point-text",
        "schema",
        _problems(PROBLEMS.replace("    text: 我镇虽有。", "    text:")),
        [
            "data/problems.yaml:6:10: 错误: “text:”后面没有内容：请在冒号后填写内容，不需要时删除这一行"
        ],
    ),
    Case(
        "full-width-colon-in-a-point-read-as-prose",
        "proofread",
        _problems(PROBLEMS + "  - lead：资金保障不足。\n"),
        [
            "data/problems.yaml:7:5: 错误: “lead：”像是字段名加中文冒号，会连同“lead”一起作为正文印出：若要写 lead 字段，请改为“lead: ”（英文冒号加空格）",
        ],
    ),
    Case(
        "reference-of-300-letters",
        "cross",
        _problems(PROBLEMS.replace("我镇虽有。", "我镇虽有{" + "a" * 300 + "}。")),
        [
            "data/problems.yaml:6:15: 错误: 正文引用了未定义的指标 {" + "a" * 40 + "…}",
        ],
    ),
    Case(
        "field-indented-deeper-than-the-one-above",
        "syntax",
        _party(PARTY.replace("  - lead:", " - lead:")),
        [
            "data/work-party.yaml:9:5: 错误: YAML 格式错误：缩进不一致：“text”比上一行的“lead”多缩进了 1 格，"
            "被当成了上一行内容的延续：同一层的字段要左端对齐（“text”前面应为 3 个空格）",
        ],
    ),
]

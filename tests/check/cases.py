"""The corpus of bad inputs: each case changes MINI and pins every problem `check` reports.

`expected` lists the first line of each problem, in order: ``file:line:col: 严重性: 说明``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.check.conftest import MINI


@dataclass(frozen=True)
class Case:
    """One bad data folder and what `zsdreport check` must say about it."""

    id: str
    kind: str
    files: dict[str, str | bytes | None]
    expected: list[str]
    code: int = 1
    args: tuple[str, ...] = field(default=())


def _party(text: str) -> dict[str, str | bytes | None]:
    return {"work-party.yaml": text}


def _problems(text: str | bytes) -> dict[str, str | bytes | None]:
    return {"problems.yaml": text}


REPORT = MINI["report.yaml"]
PARTY = MINI["work-party.yaml"]
PROBLEMS = MINI["problems.yaml"]

CASES: list[Case] = [
    # --- YAML syntax ----------------------------------------------------------------------
    Case(
        "tab-indent",
        "syntax",
        _problems("heading: 问题\npoints:\n\t- 一是。\n"),
        [
            "data/problems.yaml:3:1: 错误: YAML 格式错误：不能用 Tab 键缩进：请改用空格",
        ],
    ),
    Case(
        "unclosed-quote",
        "syntax",
        _problems('heading: "存在问题\npoints:\n  - 一是。\n'),
        [
            "data/problems.yaml:1:10: 错误: YAML 格式错误：引号没有闭合：从这里开始的引号直到文件末尾都没有对应的结束引号",
        ],
    ),
    Case(
        "colon-in-prose",
        "syntax",
        _problems("heading: 问题\npoints:\n  - 办理: 568件\n"),
        [
            'data/problems.yaml:3:5: 错误: 未知字段 "办理"：正文中的“: ”会被当作“字段: 值”，请用中文冒号“：”或给整段内容加引号',
        ],
    ),
    Case(
        "reference-starts-plain-value",
        "syntax",
        {
            "report.yaml": REPORT.replace(
                'heading: "{half}工作开展情况"', "heading: {half}工作开展情况"
            )
        },
        [
            'data/report.yaml:11:14: 错误: YAML 格式错误：以“{”开头的内容会被当作 YAML 的映射或列表：若这是正文，请给整段内容加引号，如 title: "{year}年……"',
        ],
    ),
    Case(
        "at-sign-start",
        "syntax",
        _problems("heading: 问题\npoints:\n  - @镇长 牵头。\n"),
        [
            "data/problems.yaml:3:5: 错误: YAML 格式错误：“@”不能作为内容的开头：若这是正文，请给整段内容加引号",
        ],
    ),
    Case(
        "asterisk-start",
        "syntax",
        _problems("heading: 问题\npoints:\n  - *重点*工作。\n"),
        [
            "data/problems.yaml:3:5: 错误: YAML 格式错误：以“*”开头的内容会被当作 YAML 别名：若这是正文，请给整段内容加引号",
        ],
    ),
    Case(
        "unclosed-flow-mapping",
        "syntax",
        _party(PARTY.replace("value: 3, unit: 次}", "value: 3, unit: 次")),
        [
            "data/work-party.yaml:3:19: 错误: YAML 格式错误：花括号“{”没有正确闭合（或其中的正文含有“,”“:”等符号）：若这是正文，请给整段内容加引号",
        ],
    ),
    Case(
        "bad-indentation",
        "syntax",
        _problems("heading: 问题\npoints:\n  - lead: 一是。\n   text: 内容。\n"),
        [
            "data/problems.yaml:4:4: 错误: YAML 格式错误：缩进不一致：这一行与上面同级的内容没有对齐",
        ],
    ),
    Case(
        "missing-colon",
        "syntax",
        _problems("heading: 问题\n这一行没有冒号\npoints: [一是。]\n"),
        [
            "data/problems.yaml:2:1: 错误: YAML 格式错误：缺少冒号“:”：每个字段应写成“名称: 内容”；若这一行是上一行正文的续行，请检查缩进",
        ],
    ),
    Case(
        "two-documents",
        "syntax",
        _problems("heading: 问题\n---\npoints: [一是。]\n"),
        [
            "data/problems.yaml:2:1: 错误: YAML 格式错误：一个文件只能有一个文档：请删除多余的“---”",
        ],
    ),
    Case(
        "bad-escape",
        "syntax",
        _problems('heading: "C:\\文件"\npoints: [一是。]\n'),
        [
            "data/problems.yaml:1:14: 错误: YAML 格式错误：双引号中的反斜杠“\\”是转义符，这里的转义无效：要写反斜杠本身，请改用单引号，或写成“\\\\”",
        ],
    ),
    Case(
        "block-header-text",
        "syntax",
        _problems("heading: 问题\npoints:\n  - >一是。\n"),
        [
            "data/problems.yaml:3:5: 错误: YAML 格式错误：“|”或“>”之后应直接换行、正文写在下一行并缩进；以“|”或“>”开头的内容会被当作多行文字的标记：若这是正文，请给整段内容加引号",
        ],
    ),
    # --- strict loader --------------------------------------------------------------------
    Case(
        "duplicate-keys",
        "loader",
        _problems("heading: 问题\nheading: 又一个\npoints:\n  - lead: 一是。\n    lead: 二是。\n"),
        [
            "data/problems.yaml:2:1: 错误: 字段“heading”重复（第 1 行已有）：重复的字段会丢失内容，请合并或删除一个",
            "data/problems.yaml:5:5: 错误: 字段“lead”重复（第 4 行已有）：重复的字段会丢失内容，请合并或删除一个",
        ],
    ),
    Case(
        "anchor-and-alias",
        "loader",
        _problems("heading: &h 问题\npoints:\n  - *h\n"),
        [
            "data/problems.yaml:1:10: 错误: 不支持 YAML 锚点（以“&”开头的名称）：若这是正文，请给整段内容加引号；否则请删除它",
        ],
    ),
    Case(
        "yaml-tag",
        "loader",
        _party(PARTY.replace("value: 3,", "value: !!int 3,")),
        [
            "data/work-party.yaml:3:47: 错误: 不支持 YAML 标签 !!int（以“!”开头）：若这是正文，请给整段内容加引号；否则请删除它",
        ],
    ),
    Case(
        "too-deep",
        "loader",
        _problems("heading: 问题\npoints: " + "[" * 40 + "]" * 40 + "\n"),
        [
            "data/problems.yaml:2:40: 错误: 嵌套层次超过 32 层：数据不应嵌套这么深，请检查缩进和括号",
        ],
    ),
    Case(
        "empty-file",
        "loader",
        _problems(""),
        [
            "data/problems.yaml:1: 错误: 文件为空：请填写内容",
        ],
    ),
    Case(
        "only-comments",
        "loader",
        _problems("# 还没写\n\n"),
        [
            "data/problems.yaml:1: 错误: 文件没有内容（只有注释或空白）：请填写内容",
        ],
    ),
    Case(
        "gbk-only-comments",
        "loader",
        _problems("# 还没写\n".encode("gbk")),
        [
            "data/problems.yaml: 警告: 文件编码为 GBK，不是 UTF-8；已按 GBK 读取。建议用记事本“另存为”并选择 UTF-8 编码",
            "data/problems.yaml:1: 错误: 文件没有内容（只有注释或空白）：请填写内容",
        ],
    ),
    Case(
        "binary-garbage",
        "loader",
        _problems(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        [
            "data/problems.yaml:3: 错误: 文件含有空字节（\\0），不是文本文件（或是 UTF-16 编码）：请另存为 UTF-8 编码",
        ],
    ),
    Case(
        "utf16",
        "loader",
        _problems("heading: 问题\n".encode("utf-16")),
        [
            "data/problems.yaml:1: 错误: 文件编码为 UTF-16：请另存为 UTF-8 编码",
        ],
    ),
    Case(
        "damaged-utf8",
        "loader",
        _problems(
            "heading: 存在问题\npoints:\n  - 我镇caf".encode() + b"\xe9" + "工作。\n".encode()
        ),
        [
            "data/problems.yaml:3:10: 错误: 文件不是有效的 UTF-8：这里有无法识别的字节 0xE9（可能混入了其他编码的文字，或文件已损坏）：请删除该处文字后重新输入，并以 UTF-8 编码保存",
        ],
    ),
    Case(
        "big5",
        "loader",
        _problems("heading: 存在問題\npoints: [村級工作力量相對薄弱。]\n".encode("big5")),
        [
            "data/problems.yaml:1:10: 错误: 无法识别文件编码：既不是 UTF-8，也不像 GBK/GB18030 编码的中文：请另存为 UTF-8 编码",
        ],
    ),
    Case(
        "line-separator",
        "loader",
        _problems("heading: 问题\u2028\npoints: [一是。]\n"),
        [
            "data/problems.yaml:1:12: 错误: 文件含有不可见的控制字符 U+2028（LINE SEPARATOR）：请删除它（常见于从网页或其他软件复制的文字）",
        ],
    ),
    Case(
        "control-char",
        "loader",
        _problems("heading: 问题\x07\npoints: [一是。]\n"),
        [
            "data/problems.yaml:1:12: 错误: 文件含有不可见的控制字符 U+0007：请删除它（常见于从网页或其他软件复制的文字）",
        ],
    ),
    Case(
        "top-level-list",
        "loader",
        _problems("- 一是。\n- 二是。\n"),
        [
            "data/problems.yaml:1:1: 错误: 文件的最外层应为“字段: 值”的映射（每行“名称: 内容”）",
        ],
    ),
    # --- schema ---------------------------------------------------------------------------
    Case(
        "unknown-key-titel",
        "schema",
        {"report.yaml": REPORT.replace("title:", "titel:")},
        [
            'data/report.yaml:1:1: 错误: 未知字段 "titel"，是否想写 "title"？',
        ],
    ),
    Case(
        "unknown-key-section",
        "schema",
        _problems(PROBLEMS.replace("points:", "point:")),
        [
            'data/problems.yaml:2:1: 错误: 未知字段 "point"，是否想写 "points"？',
        ],
    ),
    Case(
        "chinese-number",
        "schema",
        _party(PARTY.replace("value: 3,", "value: 一百二十三,")),
        [
            'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "一百二十三"：数值要用阿拉伯数字写，如 123',
        ],
    ),
    Case(
        "leading-zero",
        "schema",
        _party(PARTY.replace("value: 3,", "value: 010,")),
        [
            'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "010"：数字不能以 0 开头（是否想写 10？）',
        ],
    ),
    Case(
        "underscore-number",
        "schema",
        _party(PARTY.replace("value: 568,", "value: 1_000,")),
        [
            'data/work-party.yaml:4:33: 错误: 应为数字（如 12、3.5、-2），实际为 "1_000"：数字中不要写下划线或逗号，是否想写 1000？',
        ],
    ),
    Case(
        "unit-in-value",
        "schema",
        _party(PARTY.replace("value: 568,", "value: 568件,")),
        [
            'data/work-party.yaml:4:33: 错误: 应为数字（如 12、3.5、-2），实际为 "568件"：数值只写数字 568，单位“件”写在 unit 中（unit: 件）',
        ],
    ),
    Case(
        "fullwidth-digit",
        "schema",
        _party(PARTY.replace("value: 3,", "value: ３,")),
        [
            'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "３"：请用半角数字，是否想写 3？',
        ],
    ),
    Case(
        "loose-style-numbers",
        "schema",
        {
            "report.yaml": REPORT
            + "style:\n  line_pitch_pt: 2_8\n  margins_mm: [37, 35, nan, 026]\n"
        },
        [
            'data/report.yaml:15:18: 错误: 应为数字（如 12、3.5、-2），实际为 "2_8"：数字中不要写下划线或逗号，是否想写 28？',
            'data/report.yaml:16:24: 错误: 应为数字（如 12、3.5、-2），实际为 "nan"',
            'data/report.yaml:16:29: 错误: 应为数字（如 12、3.5、-2），实际为 "026"：数字不能以 0 开头（是否想写 26？）',
        ],
    ),
    Case(
        "digits-leading-zero",
        "schema",
        _party(PARTY.replace("digits: 1", "digits: 01")),
        [
            'data/work-party.yaml:6:66: 错误: 应为整数（如 1、12），实际为 "01"：数字不能以 0 开头（是否想写 1？）',
        ],
    ),
    Case(
        "bad-period",
        "schema",
        {"report.yaml": REPORT.replace("2023H1", "2023H3")},
        [
            'data/report.yaml:2:9: 错误: 应为“年份H1”“年份H2”（半年，如 2023H1）或“年份”（全年，如 2023），实际为 "2023H3"',
        ],
    ),
    Case(
        "bad-date",
        "schema",
        {"report.yaml": REPORT.replace("2023-07-10", "2023-02-30")},
        [
            'data/report.yaml:6:7: 错误: 不是有效日期："2023-02-30"',
        ],
    ),
    Case(
        "organs-not-list",
        "schema",
        {"report.yaml": REPORT.replace("organs:\n  - 中共溆浦县祖师殿镇委员会\n  - ", "organs: ")},
        [
            'data/report.yaml:3:9: 错误: 应为列表（每项以“- ”开头），实际为 "溆浦县祖师殿镇人民政府"',
        ],
    ),
    Case(
        "bad-choice",
        "schema",
        {"report.yaml": REPORT + "style: {font_set: gbk}\n"},
        [
            'data/report.yaml:14:19: 错误: 应为 gb2312、windows、founder 之一，实际为 "gbk"',
        ],
    ),
    Case(
        "margins-too-short",
        "schema",
        {"report.yaml": REPORT + "style: {margins_mm: [37, 35]}\n"},
        [
            "data/report.yaml:14:21: 错误: 项数不够：缺少第 3 项",
        ],
    ),
    Case(
        "bad-metric-id",
        "schema",
        _party(PARTY.replace("study_sessions: {", "Study-Sessions: {")),
        [
            "data/work-party.yaml:3:3: 错误: 标识“Study-Sessions”不合规：标识只能用小写英文字母、数字和下划线，并以字母开头",
        ],
    ),
    Case(
        "missing-heading",
        "schema",
        _problems(PROBLEMS.replace("heading: 存在问题及不足\n", "")),
        [
            'data/problems.yaml:1:1: 错误: 缺少必填字段 "heading"',
        ],
    ),
    Case(
        "unquoted-reference",
        "schema",
        _problems(PROBLEMS.replace("text: 我镇虽有。", "text: {year}")),
        [
            'data/problems.yaml:6:11: 错误: 应为文字，实际为映射（字段: 值）：以“{”开头的内容会被当作 YAML 映射，引用指标请加引号，如 "{year}"',
        ],
    ),
    Case(
        "unquoted-reference-item",
        "schema",
        _problems(PROBLEMS + "  - {year}\n"),
        [
            'data/problems.yaml:7:5: 错误: 应为文字，实际为映射：以“{”开头的内容会被当作 YAML 映射，引用指标请加引号，如 "{year}"',
        ],
    ),
    Case(
        "metric-without-value",
        "schema",
        _party(PARTY.replace("value: 3, unit: 次", "unit: 次")),
        [
            "data/work-party.yaml:3:19: 错误: 指标需要 value（数值）或 formula（计算公式）",
        ],
    ),
    # --- across files ---------------------------------------------------------------------
    Case(
        "duplicate-metric",
        "cross",
        _problems(
            PROBLEMS.replace(
                "points:", "metrics:\n  handled: {label: 办理, value: 5, unit: 件}\npoints:"
            ).replace("我镇虽有。", "我镇虽有{handled}。")
        ),
        [
            "data/problems.yaml:3:3: 错误: 指标“handled”重复定义（已在 work-party.yaml:4 定义）",
        ],
    ),
    Case(
        "undefined-reference",
        "cross",
        _party(PARTY.replace("办结{done}", "办结{don}")),
        [
            'data/work-party.yaml:11:21: 错误: 正文引用了未定义的指标 {don}，是否想写 "done"？',
        ],
    ),
    Case(
        "unused-metric",
        "cross",
        # done only feeds the formula of done_rate, which prose prints: that counts as used.
        _party(PARTY.replace("办结{done}，办结率{done_rate}", "办结{done}")),
        [
            "data/work-party.yaml:6:3: 警告: 指标“done_rate”（办结率）已定义但正文没有引用",
        ],
        code=0,
    ),
    Case(
        "derived-disagrees",
        "cross",
        _party(PARTY.replace("digits: 1,", "digits: 1, value: 99.5,")),
        [
            "data/work-party.yaml:6:76: 错误: “办结率”填写为 99.5，按公式 done / handled * 100 计算应为 99.6",
        ],
    ),
    Case(
        "formula-undefined",
        "cross",
        _party(PARTY.replace("done / handled", "done / handle")),
        [
            'data/work-party.yaml:6:43: 错误: 公式用到了未定义的指标“handle”，是否想写 "handled"？',
        ],
    ),
    Case(
        "formula-cycle",
        "cross",
        _party(PARTY.replace("done / handled", "done_rate / handled")),
        [
            "data/work-party.yaml:6:36: 错误: 公式循环引用：done_rate → done_rate：指标不能直接或间接用自己计算",
        ],
    ),
    Case(
        "section-missing",
        "cross",
        {"problems.yaml": None},
        [
            "data/report.yaml:13:5: 错误: 找不到节的文件 problems.yaml：文件是否被删除或改名了？不再需要这一节时，请从 sections 中删去“problems”",
        ],
    ),
    Case(
        "section-typo",
        "cross",
        {"report.yaml": REPORT.replace("  - problems", "  - problem")},
        [
            "data/report.yaml:10:1: 错误: 文件 problems.yaml 没有列在 report.yaml 的 sections 中，其内容不会出现在报告里：请在 sections 中加上“problems”，或把文件移出数据文件夹",
            'data/report.yaml:13:5: 错误: 找不到节的文件 problem.yaml，是否想写 "problems"？',
        ],
    ),
    Case(
        "section-unlisted",
        "cross",
        {"extra.yaml": PROBLEMS, "notes.yml": "a: b\n"},
        [
            "data/report.yaml:10:1: 错误: 文件 extra.yaml 没有列在 report.yaml 的 sections 中，其内容不会出现在报告里：请在 sections 中加上“extra”，或把文件移出数据文件夹",
            "data/report.yaml:10:1: 错误: 文件 notes.yml 的扩展名应为 .yaml，否则不会被读取",
        ],
    ),
    Case(
        "section-twice",
        "cross",
        {"report.yaml": REPORT + "  - problems\n"},
        [
            "data/report.yaml:14:5: 错误: 节“problems”在 sections 中出现了两次（第 13 行已有）",
        ],
    ),
    Case(
        "section-path",
        "cross",
        {"report.yaml": REPORT.replace("  - problems", "  - ../problems")},
        [
            "data/report.yaml:10:1: 错误: 文件 problems.yaml 没有列在 report.yaml 的 sections 中，其内容不会出现在报告里：请在 sections 中加上“problems”，或把文件移出数据文件夹",
            "data/report.yaml:13:5: 错误: 节的文件名“../problems”不能包含路径，只写文件名（不带 .yaml）",
        ],
    ),
    Case(
        "missing-title",
        "cross",
        {"report.yaml": REPORT.replace("title: 祖师殿镇{year}年{half}工作总结\n", "")},
        [
            'data/report.yaml:1:1: 错误: 缺少必填字段 "title"',
        ],
    ),
    Case(
        "missing-date-and-organs",
        "cross",
        {
            "report.yaml": REPORT.replace("date: 2023-07-10\n", "").replace(
                "organs:\n  - 中共溆浦县祖师殿镇委员会\n  - 溆浦县祖师殿镇人民政府\n", ""
            )
        },
        [
            "data/report.yaml:1:1: 警告: 缺少成文日期 date（如 2023-07-10）",
            "data/report.yaml:1:1: 警告: 缺少署名 organs（发文机关）",
        ],
        code=0,
    ),
    Case(
        "filename-undefined",
        "cross",
        {"report.yaml": REPORT + 'output: {filename: "{titel}"}\n'},
        [
            'data/report.yaml:14:21: 错误: 输出文件名引用了未定义的 {titel}，是否想写 "title"？',
        ],
    ),
    Case(
        "filename-escapes",
        "cross",
        {"report.yaml": REPORT + 'output: {filename: "../../etc/{title}"}\n'},
        [
            "data/report.yaml:14:20: 错误: 输出文件名不能包含“/”“\\”或“..”：文件总是写在输出文件夹中（用 -o 指定文件夹）",
        ],
    ),
    Case(
        "filename-marks",
        "cross",
        {"report.yaml": REPORT + 'output: {filename: "{title}: {year}?"}\n'},
        [
            "data/report.yaml:14:20: 警告: 输出文件名“祖师殿镇2023年上半年工作总结: 2023?”含有不能用于文件名的字符，将改为“祖师殿镇2023年上半年工作总结_ 2023_”",
        ],
        code=0,
    ),
    # --- proofreading ---------------------------------------------------------------------
    Case(
        "half-width",
        "proofread",
        _problems(
            PROBLEMS.replace(
                "虽然我镇各村（居）干部配备齐全。", "虽然我镇各村(居)干部配备齐全,分工明确."
            )
        ),
        [
            "data/problems.yaml:4:17: 警告: 半角标点“(”与中文相邻，应为全角“（”（本段共 4 处）：生成时会自动改为全角，建议在数据中改正",
        ],
        code=0,
    ),
    Case(
        "half-not-1-or-2",
        "schema",
        {"report.yaml": REPORT.replace("period: 2023H1", "period: {year: 2023, half: 3}")},
        [
            'data/report.yaml:2:28: 错误: 应为 1、2 之一，实际为 "3"',
        ],
    ),
    Case(
        "point-text-is-one-paragraph",
        "schema",
        _problems(
            PROBLEMS.replace("text: 我镇虽有。", "text:\n      - 我镇虽有。\n      - {a: b}")
        ),
        [
            "data/problems.yaml:7:7: 错误: 应为文字，实际为列表（- 项）",
        ],
    ),
    Case(
        "paragraph-not-text",
        "schema",
        _party(PARTY + "  - lead: 乙。\n    text:\n      - 第一段。\n      - {a: b}\n"),
        [
            "data/work-party.yaml:15:9: 错误: 应为文字，实际为映射（字段: 值）",
        ],
    ),
    Case(
        "formula-without-digits",
        "schema",
        _party(PARTY.replace(" digits: 1,", "")),
        [
            "data/work-party.yaml:6:14: 错误: 计算指标需要 digits（保留几位小数，如 1），否则结果可能是很长的小数",
        ],
    ),
    Case(
        "huge-value",
        "schema",
        _party(PARTY.replace("value: 568,", "value: 1234567890123456789,")),
        [
            "data/work-party.yaml:4:33: 错误: 数值“1234567890123456789”过大：整数部分最多 15 位",
        ],
    ),
    Case(
        "period-year-out-of-range",
        "schema",
        {"report.yaml": REPORT.replace("period: 2023H1", "period: 0000H1")},
        [
            "data/report.yaml:2:9: 错误: 年份 0 不合理：应在 1949～2999 之间，如 2023H1",
        ],
    ),
    Case(
        "third-level-items",
        "schema",
        _party(
            PARTY
            + "  - lead: 乙。\n    items:\n      - lead: 丙。\n        items:\n          - text: 丁。\n"
        ),
        [
            "data/work-party.yaml:14:9: 错误: （1）级条目下不能再写 items：正文层次最多两级（1. 和（1））",
        ],
    ),
    Case(
        "division-by-zero",
        "cross",
        _party(PARTY.replace("value: 568,", "value: 0,")),
        [
            "data/work-party.yaml:6:43: 错误: 公式中的除数 handled 为 0，无法计算",
        ],
    ),
    Case(
        "formula-with-true",
        "cross",
        _party(PARTY.replace("done / handled * 100", "True * 2")),
        [
            "data/work-party.yaml:6:36: 错误: 公式用到了未定义的指标“True”：标识只用小写英文字母、数字和下划线",
        ],
    ),
    Case(
        "blank-line-in-paragraph",
        "proofread",
        _party(PARTY.replace("中心组学习{study_sessions}。\n", "中心组学习{study_sessions}。\n\n")),
        [
            "data/work-party.yaml:11:1: 警告: 段落中间的空行不会另起一段，生成时与上文连成一段：如需分段，请把 text 写成列表（每段一项“- ”），或删除空行",
        ],
        code=0,
    ),
    Case(
        "date-from-last-period",
        "cross",
        {"report.yaml": REPORT.replace("period: 2023H1", "period: 2023H2")},
        [
            "data/report.yaml:6:7: 警告: 成文日期 2023年7月10日 不像2023年下半年总结的日期（通常在 2023年11月至2024年3月）：是否忘了改日期？",
        ],
        code=0,
    ),
    Case(
        "hyphen-between-places",
        "proofread",
        _problems(
            PROBLEMS.replace(
                "text: 我镇虽有。", "text: 打造荷叶-清潭-王钊溪示范带，版本 v1-2 不算。"
            )
        ),
        [
            "data/problems.yaml:6:15: 警告: 汉字之间的半角连字符“-”表示起止或连接，应为一字线“—”（本段共 2 处）：生成时会自动改为“—”，建议在数据中改正",
        ],
        code=0,
    ),
    Case(
        "unclosed-bracket",
        "proofread",
        _problems(
            PROBLEMS.replace(
                "text: 我镇虽有。",
                "text: >-\n      全镇有（脱贫户1743户6095人、\n      监测户122户299人。",
            )
        ),
        [
            "data/problems.yaml:7:10: 警告: “（”没有对应的“）”：请补上或删除",
            "data/problems.yaml:7:14: 警告: 正文中直接写了数字“1743”：数字应写在 metrics 中，正文用 {标识} 引用",
            "data/problems.yaml:7:19: 警告: 正文中直接写了数字“6095”：数字应写在 metrics 中，正文用 {标识} 引用",
            "data/problems.yaml:8:10: 警告: 正文中直接写了数字“122”：数字应写在 metrics 中，正文用 {标识} 引用",
            "data/problems.yaml:8:14: 警告: 正文中直接写了数字“299”：数字应写在 metrics 中，正文用 {标识} 引用",
        ],
        code=0,
    ),
    Case(
        "braille",
        "proofread",
        _problems(PROBLEMS.replace("我镇虽有。", "确保社会环境安全稳定。⠂ ⠂")),
        [
            "data/problems.yaml:6:22: 警告: 含有异常字符 U+2802（BRAILLE PATTERN DOTS-2）：多半是从其他文档复制时带入的，请删除",
        ],
        code=0,
    ),
    Case(
        "invisible-characters",
        "proofread",
        _problems(
            PROBLEMS.replace("虽然我镇", "虽然\u200b我镇").replace(
                "我镇虽有。", "我镇\ue000虽有\ufffd。"
            )
        ),
        [
            "data/problems.yaml:4:13: 警告: 含有异常字符 U+200B（ZERO WIDTH SPACE）：多半是从其他文档复制时带入的，请删除",
            "data/problems.yaml:6:13: 警告: 含有异常字符 U+E000：多半是从其他文档复制时带入的，请删除",
            "data/problems.yaml:6:16: 警告: 含有异常字符 U+FFFD（REPLACEMENT CHARACTER）：多半是从其他文档复制时带入的，请删除",
        ],
        code=0,
    ),
    Case(
        "escaped-control",
        "proofread",
        _problems(PROBLEMS.replace("text: 我镇虽有。", 'text: "我镇\\a虽有。"')),
        [
            "data/problems.yaml:6:14: 错误: 含有不能打印的字符 U+0007：请删除它",
        ],
    ),
    Case(
        "doubled-punctuation",
        "proofread",
        _problems(
            PROBLEMS.replace(
                "text: 我镇虽有。", "text: >-\n      我镇虽有，，\n      但是。。以及，。"
            )
        ),
        [
            "data/problems.yaml:7:11: 警告: 标点重复“，，”：请删除多余的标点",
            "data/problems.yaml:8:9: 警告: 标点重复“。。”：请删除多余的标点",
            "data/problems.yaml:8:13: 警告: 标点重复“，。”：请删除多余的标点",
        ],
        code=0,
    ),
    Case(
        "typed-figures",
        "proofread",
        _party(
            PARTY.replace("办结{done}", "办结566件").replace(
                "组织开展", "2023年7月10日，第3次，5G，组织开展"
            )
        ),
        [
            "data/work-party.yaml:10:7: 警告: 年份“2023”直接写在正文中：请写 {year}，换期时会自动更新",
            "data/work-party.yaml:11:21: 警告: 正文中直接写了数字“566”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {done}？",
        ],
        code=0,
    ),
    Case(
        "bi-for-bi",
        "proofread",
        _party(
            PARTY.replace(
                "metrics:",
                "metrics:\n  loans: {label: 新增贷款笔数, value: 92}\n  amount: {label: 新增贷款, value: 458, unit: 万}",
            ).replace("办结{done}，", "办结{done}，预计新增贷{loans}比{amount}，")
        ),
        [
            "data/work-party.yaml:13:40: 警告: “92比458万”中的“比”可能是“笔”的笔误（如“92笔458万”）：请核对",
        ],
        code=0,
    ),
    Case(
        "template-code",
        "proofread",
        _problems(PROBLEMS.replace("我镇虽有。", "我镇虽有{{ 7*7 }}{% if x %}。")),
        [
            "data/problems.yaml:6:15: 错误: “{{ 7*7 }}”看起来是模板代码：数据中的文字不会当作模板执行，而会原样印出",
            "data/problems.yaml:6:24: 错误: “{% if x %}”看起来是模板代码：数据中的文字不会当作模板执行，而会原样印出",
        ],
    ),
    Case(
        "label-in-braces",
        "proofread",
        _party(PARTY.replace("{done_rate}", "{办结率}")),
        [
            "data/work-party.yaml:6:3: 警告: 指标“done_rate”（办结率）已定义但正文没有引用",
            "data/work-party.yaml:11:31: 错误: “{办结率}”不是有效的指标引用：引用指标请写 {标识}（标识只用小写英文字母、数字和下划线），是否想写 {done_rate}？",
        ],
    ),
    Case(
        "comment-eats-text",
        "proofread",
        _problems(PROBLEMS.replace("我镇虽有。", "我镇虽有 #1 号厂房。")),
        [
            "data/problems.yaml:6:16: 警告: “#1 号厂房。”被当作 YAML 注释，不会出现在报告里：若是正文，请删去“#”前的空格或给整段内容加引号",
        ],
        code=0,
    ),
    Case(
        "strict-fails-on-warnings",
        "proofread",
        _problems(PROBLEMS.replace("我镇虽有。", "我镇虽有,")),
        [
            "data/problems.yaml:6:15: 警告: 半角标点“,”与中文相邻，应为全角“，”：生成时会自动改为全角，建议在数据中改正",
        ],
        args=("--strict",),
    ),
]

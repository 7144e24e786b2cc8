"""The corpus of figure mistakes: formulas, ids, values, units, braces and typed outline markers.

Same shape as cases.py; test_corpus.py runs these with the others.
"""

from __future__ import annotations

from tests.check.cases import Case
from tests.check.conftest import MINI

PARTY = MINI["work-party.yaml"]
PROBLEMS = MINI["problems.yaml"]
RATE = "formula: done / handled * 100"


def _party(old: str, new: str) -> dict[str, str | bytes | None]:
    assert old in PARTY, old
    return {"work-party.yaml": PARTY.replace(old, new, 1)}


def _rate(formula: str) -> dict[str, str | bytes | None]:
    return _party(RATE, f"formula: {formula}")


def _problems(old: str, new: str) -> dict[str, str | bytes | None]:
    assert old in PROBLEMS, old
    return {"problems.yaml": PROBLEMS.replace(old, new, 1)}


_RATE_LINE = '  done_rate: {label: 办结率, formula: done / handled * 100, digits: 1, unit: "%"}\n'
_CYCLE = (
    'formula: share / handled * 100, digits: 1, unit: "%"}\n'
    "  share: {label: 占比, formula: done_rate * handled, digits: 0}"
)
_BLOCK_RATE = '  done_rate:\n    label: 办结率\n    formula: done # / handled * 100\n    digits: 1\n    unit: "%"\n'
_MANY_POINTS = "heading: 存在问题及不足\npoints:\n" + "  - 甲。\n" * 10_000

FIGURE_CASES: list[Case] = [
    # --- fixed figures (kept as they are by `zsdreport new`) ---------------------------------
    Case(
        "fixed-computed",
        "schema",
        _party("digits: 1,", "digits: 1, fixed: true,"),
        [
            "data/work-party.yaml:6:14: 错误: fixed（固定数）只用于录入的数；计算指标随它用到的数变化：请删除 fixed"
        ],
    ),
    Case(
        "fixed-pending",
        "schema",
        _party("value: 3, unit: 次}", "value: 待填, unit: 次, fixed: true}"),
        ["data/work-party.yaml:3:19: 错误: fixed（固定数）要写出它的数值，不能是 待填"],
    ),
    Case(
        "fixed-not-a-flag",
        "schema",
        _party("value: 3, unit: 次}", "value: 3, unit: 次, fixed: 是}"),
        ['data/work-party.yaml:3:66: 错误: 应为 true 或 false，实际为 "是"'],
    ),
    # --- the formula language ---------------------------------------------------------------
    Case(
        "formula-hash-quoted",
        "cross",
        _rate('"done # / handled * 100"'),
        [
            "data/work-party.yaml:6:42: 错误: 公式中不能写“#”（它不是注释）：请删除“#”及后面的说明，说明可写在 note 中",
        ],
    ),
    Case(
        "formula-hash-yaml-comment",
        "cross",
        _party(
            '  done_rate: {label: 办结率, formula: done / handled * 100, digits: 1, unit: "%"}\n',
            _BLOCK_RATE,
        ),
        [
            "data/work-party.yaml:8:19: 错误: 公式后面的“# / handled * 100”被 YAML 当作注释丢掉了，公式只剩“done”：公式中不能写“#”，说明请写在 note 中",
        ],
    ),
    Case(
        "formula-hash-in-flow-mapping",
        "syntax",
        _rate("done # / handled * 100"),
        [
            "data/work-party.yaml:6:41: 错误: YAML 格式错误：花括号“{”中的“ #”被 YAML 当作注释，从“#”到行末（包括“}”）都被丢掉了：公式和数值中不能写“#”，说明请写在 note 中；若这是正文，请给整段内容加引号",
        ],
    ),
    Case(
        "formula-trailing-percent",
        "cross",
        _rate("done / handled * 100%"),
        [
            "data/work-party.yaml:6:56: 错误: 公式末尾不要写“%”：百分比写成 … * 100，单位“%”写在 unit 中",
        ],
    ),
    Case(
        "formula-equals",
        "cross",
        _rate("done_rate = done / handled * 100"),
        [
            "data/work-party.yaml:6:46: 错误: 公式中不要写“=”：只写等号右边的算式，如 done / handled * 100",
        ],
    ),
    Case(
        "formula-square-brackets",
        "cross",
        _rate('"[done - 1] / handled * 100"'),
        [
            "data/work-party.yaml:6:37: 错误: 公式中不能用“[”：分组只用圆括号 ( ) 或（ ）",
        ],
    ),
    Case(
        "formula-thousands-separator",
        "cross",
        _rate('"done / 1,203 * 100"'),
        [
            "data/work-party.yaml:6:45: 错误: 数值不要写千位分隔符，写 1203",
        ],
    ),
    Case(
        "formula-letter-x-as-times",
        "cross",
        _rate("done / handled x 100"),
        [
            "data/work-party.yaml:6:51: 错误: “x”不是乘号：乘号请写 * 或 ×",
        ],
    ),
    Case(
        "formula-power",
        "cross",
        _rate("done ** 2 / handled"),
        [
            "data/work-party.yaml:6:41: 错误: 公式不支持乘方“**”：请写成连乘，如 a * a",
        ],
    ),
    Case(
        "formula-scientific",
        "cross",
        _rate("done * 1e2 / handled"),
        [
            "data/work-party.yaml:6:43: 错误: 数字“1e2”用了科学记数法：公式中的数字请直接写出，如 1000",
        ],
    ),
    Case(
        "formula-labels-not-ids",
        "cross",
        _rate("办结事项 / 办理事项 * 100"),
        [
            "data/work-party.yaml:6:36: 错误: 公式中要写指标的标识（英文，如 done），不能写“办结事项”",
        ],
    ),
    Case(
        "formula-uppercase-id",
        "cross",
        _rate("Done / handled * 100"),
        [
            'data/work-party.yaml:6:36: 错误: 公式用到了未定义的指标“Done”，是否想写 "done"？',
        ],
    ),
    Case(
        "formula-unclosed-bracket",
        "cross",
        _rate("(done / handled * 100"),
        [
            "data/work-party.yaml:6:36: 错误: “(”没有对应的“)”：请补上或删除",
        ],
    ),
    Case(
        "formula-missing-operand",
        "cross",
        _rate("done / * 100"),
        [
            "data/work-party.yaml:6:41: 错误: 运算符“/”和“*”连在一起：中间缺少数字或指标",
        ],
    ),
    Case(
        "formula-empty",
        "cross",
        _rate('""'),
        [
            "data/work-party.yaml:6:37: 错误: 公式是空的：请写算式，如 done / handled * 100",
        ],
    ),
    Case(
        "formula-huge-literal",
        "cross",
        _rate("done / handled * 1" + "0" * 40),
        [
            "data/work-party.yaml:6:53: 错误: 数字过长（最多 30 位）：请检查是否多打了数字",
        ],
    ),
    Case(
        "formula-result-too-large",
        "cross",
        _rate("done * 100000000000000"),
        [
            "data/work-party.yaml:6:36: 错误: 公式的结果过大：请检查公式和用到的数值",
        ],
    ),
    Case(
        "formula-period-word",
        "cross",
        _rate("done / handled * year"),
        [
            "data/work-party.yaml:6:53: 错误: “year”是期别用词，不是指标，不能用在公式中",
        ],
    ),
    Case(
        "formula-other-period",
        "cross",
        _rate("(done - prev.done) / handled * 100"),
        [
            "data/work-party.yaml:6:44: 错误: “prev.done”用到了上期的指标，但 report.yaml 没有写 compare.previous（那一期的数据文件夹），或那一期的数据有错误",
        ],
    ),
    Case(
        "formula-divisor-zero-in-brackets",
        "cross",
        _rate("done / (handled - 568) * 100"),
        [
            "data/work-party.yaml:6:43: 错误: 公式中的除数 handled - 568 为 0，无法计算",
        ],
    ),
    Case(
        "formula-two-metric-cycle",
        "cross",
        _party(RATE + ', digits: 1, unit: "%"}', _CYCLE),
        [
            "data/work-party.yaml:6:36: 错误: 公式循环引用：done_rate → share → done_rate：指标不能直接或间接用自己计算",
        ],
    ),
    Case(
        "formula-full-width-forms-accepted",
        "cross",
        _rate("（done － 0）÷ handled × 100"),
        [],
        code=0,
    ),
    Case(
        "formula-declared-before-its-inputs",
        "cross",
        {
            "work-party.yaml": PARTY.replace(_RATE_LINE, "").replace(
                "metrics:\n", "metrics:\n" + _RATE_LINE
            )
        },
        [],
        code=0,
    ),
    # --- ids, values and units --------------------------------------------------------------
    Case(
        "id-with-trailing-newline",
        "schema",
        _party("  handled:", '  "done\\n": {label: 假, value: 1}\n  handled:'),
        [
            "data/work-party.yaml:4:3: 错误: 标识“done<U+000A>”不合规：标识前后不能有空格或换行：请删除，只写标识本身",
        ],
    ),
    Case(
        "unit-with-braces",
        "schema",
        _party("unit: 次}", 'unit: "{handled}"}'),
        [
            "data/work-party.yaml:3:56: 错误: 单位中不能有花括号“{”：单位只写文字，如 件、%、万元",
        ],
    ),
    Case(
        "value-thousands-flow",
        "schema",
        _party("value: 568,", "value: 1,203,"),
        [
            "data/work-party.yaml:4:33: 错误: 数值不要写千位分隔符，写 1203",
        ],
    ),
    Case(
        "value-thousands-quoted",
        "schema",
        _party("value: 568,", 'value: "1,203",'),
        [
            'data/work-party.yaml:4:33: 错误: 应为数字（如 12、3.5、-2），实际为 "1,203"：数值不要写千位分隔符，写 1203',
        ],
    ),
    Case(
        "value-chinese-numeral",
        "schema",
        _party("value: 3,", "value: 一百二,"),
        [
            'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "一百二"：数值要用阿拉伯数字写，如 120',
        ],
    ),
    Case(
        "value-with-unit",
        "schema",
        _party("value: 3,", "value: 12户,"),
        [
            'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "12户"：数值只写数字 12，单位“户”写在 unit 中（unit: 户）',
        ],
    ),
    Case(
        "value-mixed-numerals",
        "schema",
        _party("value: 3,", "value: 56八,"),
        [
            'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "56八"：数值中混有汉字数字“八”，请全部用阿拉伯数字写出',
        ],
    ),
    Case(
        "value-trailing-point",
        "schema",
        _party("value: 3,", "value: 568.,"),
        [
            'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "568."：小数点后没有数字，是否想写 568？',
        ],
    ),
    Case(
        "value-two-points",
        "schema",
        _party("value: 3,", "value: 1.2.3,"),
        [
            'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "1.2.3"：数字中只能有一个小数点，请核对',
        ],
    ),
    Case(
        "value-overflow",
        "schema",
        _party("value: 3,", "value: 1e999,"),
        [
            'data/work-party.yaml:3:47: 错误: 应为数字（如 12、3.5、-2），实际为 "1e999"：不要用科学记数法（如 1e3），请直接写出数字，如 1000',
        ],
    ),
    Case(
        "metric-named-period-word",
        "cross",
        _party("  handled:", "  half: {label: 半年, value: 1}\n  handled:"),
        [
            "data/work-party.yaml:4:3: 错误: 指标标识“half”是保留字（期别用词），请换一个",
        ],
    ),
    # --- braces in prose --------------------------------------------------------------------
    Case(
        "full-width-braces",
        "proofread",
        _party("学习{study_sessions}", "学习｛study_sessions｝"),
        [
            "data/work-party.yaml:3:3: 警告: 指标“study_sessions”（党委理论学习中心组学习）已定义但正文没有引用",
            "data/work-party.yaml:10:22: 错误: “｛study_sessions｝”用了全角花括号，不会被替换成数值：引用指标请用半角花括号，写 {study_sessions}",
        ],
    ),
    Case(
        "full-width-braces-label",
        "proofread",
        _party("办结{done}", "办结｛办结事项｝"),
        [
            "data/work-party.yaml:11:21: 错误: “｛办结事项｝”用了全角花括号，不会被替换成数值：引用指标请用半角花括号，写 {done}",
        ],
    ),
    Case(
        "reference-in-capitals",
        "proofread",
        _party("办结{done}", "办结{Done}"),
        [
            "data/work-party.yaml:11:21: 错误: “{Done}”不是有效的指标引用：引用指标请写 {标识}（标识只用小写英文字母、数字和下划线），是否想写 {done}？",
        ],
    ),
    # --- hand-typed outline markers ---------------------------------------------------------
    Case(
        "typed-marker-arabic",
        "proofread",
        _party("- lead: 加强", "- lead: 1.加强"),
        [
            "data/work-party.yaml:8:11: 警告: 开头的“1.”像是手打的序号：序号由程序自动生成，这里会印成“1.1.…”，请删除“1.”",
        ],
        code=0,
    ),
    Case(
        "typed-marker-arabic-dun",
        "proofread",
        _party("- lead: 加强", "- lead: 1、加强"),
        [
            "data/work-party.yaml:8:11: 警告: 开头的“1、”像是手打的序号：序号由程序自动生成，这里会印成“1.1、…”，请删除“1、”",
        ],
        code=0,
    ),
    Case(
        "typed-marker-chinese-bracket",
        "proofread",
        _party("- lead: 加强", "- lead: （一）加强"),
        [
            "data/work-party.yaml:8:11: 警告: 开头的“（一）”像是手打的序号：序号由程序自动生成，这里会印成“1.（一）…”，请删除“（一）”",
        ],
        code=0,
    ),
    Case(
        "typed-marker-point",
        "proofread",
        _problems("- lead: 村级", "- lead: 一是村级"),
        [
            "data/problems.yaml:3:11: 警告: 开头的“一是”像是手打的序号：序号由程序自动生成，这里会印成“一是一是…”，请删除“一是”",
        ],
        code=0,
    ),
    Case(
        "typed-marker-heading",
        "proofread",
        _problems("heading: 存在", "heading: 三、存在"),
        [
            "data/problems.yaml:1:10: 警告: 开头的“三、”像是手打的序号：序号由程序自动生成，这里会印成“二、三、…”，请删除“三、”",
        ],
        code=0,
    ),
    Case(
        "typed-marker-strict",
        "proofread",
        _problems("- lead: 产业", "- lead: 二是产业"),
        [
            "data/problems.yaml:5:11: 警告: 开头的“二是”像是手打的序号：序号由程序自动生成，这里会印成“二是二是…”，请删除“二是”",
        ],
        args=("--strict",),
    ),
    Case(
        "ten-thousand-points",
        "cross",
        {"problems.yaml": _MANY_POINTS},
        [
            "data/problems.yaml:10002:5: 错误: 这一级有 10000 个要点，超过了序号能编到的 9999：请分成几部分",
        ],
    ),
]

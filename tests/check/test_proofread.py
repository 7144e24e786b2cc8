"""Proofreading: every kind of finding, its whole message and the exact characters it points at.

Each case writes one prose field and pins every problem `check` reports for it as
``file:line:col: 严重性: 说明 ⟦flagged⟧``, where ⟦…⟧ holds the characters of the source line
under the caret (what users see marked with ^^^).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.check.conftest import MINI
from zsdreport.check.proofread import brace_spans
from zsdreport.check.validate import load_report
from zsdreport.errors import Problem

Files = dict[str, str]

# A section whose metrics the cases quote: 566 is {done}, 7 four metrics at once, 92比458万;
# the lead prints 5人(次), whose ASCII brackets nobody typed in prose, so nothing is flagged.
_PARTY = """\
heading: 大力抓党建、提作风，不断夯实基层党建工作基础
metrics:
  study_sessions: {label: 党委理论学习中心组学习, value: 3, unit: 次}
  handled: {label: 办理事项, value: 568, unit: 件}
  done: {label: 办结事项, value: 566, unit: 件}
  done_rate: {label: 办结率, formula: done / handled * 100, digits: 1, unit: "%"}
  a1: {label: 甲, value: 7, unit: 个}
  a2: {label: 乙, value: 7, unit: 个}
  a3: {label: 丙, value: 7, unit: 个}
  a4: {label: 丁, value: 7, unit: 个}
  loans: {label: 新增贷款笔数, value: 92}
  amount: {label: 新增贷款, value: 458, unit: 万}
  visits: {label: 走访, value: 5, unit: 人(次)}
items:
  - lead: 加强党的领导{study_sessions}{handled}{done}{done_rate}{a1}{a2}{a3}{a4}{loans}{amount}{visits}。
    text: """


def _party(text: str) -> Files:
    """Return the section above with ``text`` as its item's text (line 16 of the file)."""
    return {"work-party.yaml": _PARTY + text + "\n"}


def _point(text: str) -> Files:
    """Return problems.yaml with one point, ``text``, on line 3 (column 5)."""
    return {"problems.yaml": "heading: 问题\npoints:\n  - " + text + "\n"}


def _shown(problem: Problem, root: Path) -> str:
    line = (problem.source_line or "").rstrip("\n")
    start = (problem.col or 1) - 1
    flagged = line[start : start + problem.width]
    where = problem.location().replace(str(root), "data")
    return f"{where}: {problem.severity.value}: {problem.message} ⟦{flagged}⟧"


CASES: list[tuple[str, Files, list[str]]] = [
    (
        "half-width-first-of-many",
        _point("我镇(虽有,好:是;吗?对!"),
        [
            "data/problems.yaml:3:7: 警告: 半角标点“(”与中文相邻，应为全角“（”（本段共 6 处）：生成时会自动改为全角，建议在数据中改正 ⟦(⟧",
            "data/problems.yaml:3:7: 警告: “(”没有对应的“）”：请补上或删除 ⟦(⟧",
        ],
    ),
    (
        "half-width-one",
        _point("我镇虽有,好。"),
        [
            "data/problems.yaml:3:9: 警告: 半角标点“,”与中文相邻，应为全角“，”：生成时会自动改为全角，建议在数据中改正 ⟦,⟧",
        ],
    ),
    (
        "half-width-full-stop",
        _point("我镇虽有."),
        [
            "data/problems.yaml:3:9: 警告: 半角标点“.”与中文相邻，应为全角“。”：生成时会自动改为全角，建议在数据中改正 ⟦.⟧",
        ],
    ),
    (
        "half-width-quote-pair",
        _point('他说"OK"。'),
        [
            'data/problems.yaml:3:7: 警告: 半角标点“"”与中文相邻，应为全角““ ””（本段共 2 处）：生成时会自动改为全角，建议在数据中改正 ⟦"⟧',
        ],
    ),
    (
        "hyphen-between-han",
        _point("打造荷叶-清潭"),
        [
            "data/problems.yaml:3:9: 警告: 汉字之间的半角连字符“-”表示起止或连接，应为一字线“—”：生成时会自动改为“—”，建议在数据中改正 ⟦-⟧",
        ],
    ),
    (
        "latin-quotes-stay",
        _point('say "hi" ok，我镇'),
        [],
    ),
    (
        "unpaired-double-quote",
        _point('我镇虽有"特色'),
        [
            'data/problems.yaml:3:9: 警告: 半角引号“"”没有配对：生成时不会改为全角，请补上另一半（或改为全角引号）或删除 ⟦"⟧',
        ],
    ),
    (
        "unpaired-single-quote",
        _point("我镇虽有'特色"),
        [
            "data/problems.yaml:3:9: 警告: 半角引号“'”没有配对：生成时不会改为全角，请补上另一半（或改为全角引号）或删除 ⟦'⟧",
        ],
    ),
    (
        "unpaired-quote-in-latin-only",
        _point("'abc \"x'"),
        [],
    ),
    (
        "unpaired-both-quotes",
        _point("我镇\"虽'有"),
        [
            'data/problems.yaml:3:7: 警告: 半角引号“"”没有配对：生成时不会改为全角，请补上另一半（或改为全角引号）或删除 ⟦"⟧',
            "data/problems.yaml:3:9: 警告: 半角引号“'”没有配对：生成时不会改为全角，请补上另一半（或改为全角引号）或删除 ⟦'⟧",
        ],
    ),
    (
        "closer-without-opener",
        _point("我镇）虽有"),
        [
            "data/problems.yaml:3:7: 警告: “）”没有对应的“（”：请补上或删除 ⟦）⟧",
        ],
    ),
    (
        "ascii-closer-without-opener",
        _point("我镇)虽有"),
        [
            "data/problems.yaml:3:7: 警告: 半角标点“)”与中文相邻，应为全角“）”：生成时会自动改为全角，建议在数据中改正 ⟦)⟧",
            "data/problems.yaml:3:7: 警告: “)”没有对应的“（”：请补上或删除 ⟦)⟧",
        ],
    ),
    (
        "ascii-opener-unclosed",
        _point("我镇(虽有"),
        [
            "data/problems.yaml:3:7: 警告: 半角标点“(”与中文相邻，应为全角“（”：生成时会自动改为全角，建议在数据中改正 ⟦(⟧",
            "data/problems.yaml:3:7: 警告: “(”没有对应的“）”：请补上或删除 ⟦(⟧",
        ],
    ),
    (
        "mixed-width-pair",
        _point('"甲（2023)年度"'),
        [
            "data/problems.yaml:3:8: 警告: 正文中直接写了数字“2023”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦2023⟧",
            "data/problems.yaml:3:12: 警告: 半角标点“)”与中文相邻，应为全角“）”：生成时会自动改为全角，建议在数据中改正 ⟦)⟧",
        ],
    ),
    (
        "crossed-brackets",
        _point("《规划（草案》"),
        [
            "data/problems.yaml:3:8: 警告: “（”没有对应的“）”：请补上或删除 ⟦（⟧",
        ],
    ),
    (
        "unclosed-quote-mark",
        _point("“方向盘"),
        [
            "data/problems.yaml:3:5: 警告: ““”没有对应的“””：请补上或删除 ⟦“⟧",
        ],
    ),
    (
        "two-openers-one-closer",
        _point("（（甲）"),
        [
            "data/problems.yaml:3:5: 警告: “（”没有对应的“）”：请补上或删除 ⟦（⟧",
        ],
    ),
    (
        "closer-of-another-kind",
        _point("《甲）》"),
        [
            "data/problems.yaml:3:7: 警告: “）”没有对应的“（”：请补上或删除 ⟦）⟧",
        ],
    ),
    (
        "square-brackets-unclosed",
        _point("【甲〔乙"),
        [
            "data/problems.yaml:3:5: 警告: “【”没有对应的“】”：请补上或删除 ⟦【⟧",
            "data/problems.yaml:3:7: 警告: “〔”没有对应的“〕”：请补上或删除 ⟦〔⟧",
        ],
    ),
    (
        "closers-alone",
        _point("甲】乙〕丙”"),
        [
            "data/problems.yaml:3:6: 警告: “】”没有对应的“【”：请补上或删除 ⟦】⟧",
            "data/problems.yaml:3:8: 警告: “〕”没有对应的“〔”：请补上或删除 ⟦〕⟧",
            "data/problems.yaml:3:10: 警告: “””没有对应的““”：请补上或删除 ⟦”⟧",
        ],
    ),
    (
        "doubled-punctuation",
        _point("我镇，，虽有。。好？！行！？可？？、；"),
        [
            "data/problems.yaml:3:7: 警告: 标点重复“，，”：请删除多余的标点 ⟦，，⟧",
            "data/problems.yaml:3:11: 警告: 标点重复“。。”：请删除多余的标点 ⟦。。⟧",
            "data/problems.yaml:3:20: 警告: 标点重复“？？”：请删除多余的标点 ⟦？？⟧",
            "data/problems.yaml:3:22: 警告: 标点重复“、；”：请删除多余的标点 ⟦、；⟧",
        ],
    ),
    (
        "doubled-across-lines",
        _point(">-\n    我镇，\n    ，虽有"),
        [
            "data/problems.yaml:4:7: 警告: 标点重复“，，”：请删除多余的标点 ⟦，⟧",
        ],
    ),
    (
        "doubled-at-end",
        _point("我镇虽有：："),
        [
            "data/problems.yaml:3:9: 警告: 标点重复“：：”：请删除多余的标点 ⟦：：⟧",
        ],
    ),
    (
        "typed-numbers-and-years",
        _party("办结566件，共7个，2023年、2022年、2024年、1999年、202年。"),
        [
            "data/work-party.yaml:16:13: 警告: 正文中直接写了数字“566”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {done}？ ⟦566⟧",
            "data/work-party.yaml:16:19: 警告: 正文中直接写了数字“7”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {a1} 或 {a2} 或 {a3}？ ⟦7⟧",
            "data/work-party.yaml:16:22: 警告: 年份“2023”直接写在正文中：请写 {year}，换期时会自动更新 ⟦2023⟧",
            "data/work-party.yaml:16:28: 警告: 年份“2022”直接写在正文中：请写 {prev_year}，换期时会自动更新 ⟦2022⟧",
            "data/work-party.yaml:16:34: 警告: 年份“2024”直接写在正文中：请写 {next_year}，换期时会自动更新 ⟦2024⟧",
            "data/work-party.yaml:16:46: 警告: 正文中直接写了数字“202”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦202⟧",
        ],
    ),
    (
        "numbers-left-alone",
        _party(
            "第3次，5G，3月5日，10号，3-5月，3至5日，3～5日，〔2023〕5号，[12]，【3】，v1.2，ABC-123。"
        ),
        [],
    ),
    (
        "full-width-and-decimal-numbers",
        _party("办结５６６件，办结率99.6%，共１２．５人。"),
        [
            "data/work-party.yaml:16:13: 警告: 正文中直接写了数字“５６６”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {done}？ ⟦５６６⟧",
            "data/work-party.yaml:16:21: 警告: 正文中直接写了数字“99.6”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {done_rate}？ ⟦99.6⟧",
            "data/work-party.yaml:16:28: 警告: 正文中直接写了数字“１２．５”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦１２．５⟧",
        ],
    ),
    (
        "references-and-braces-masked",
        _party('"{handled}件，{{ 5 }}，{ 3 }，3{done}。"'),
        [
            "data/work-party.yaml:16:23: 错误: “{{ 5 }}”看起来是模板代码：数据中的文字不会当作模板执行，而会原样印出 ⟦{{ 5 }}⟧",
            "data/work-party.yaml:16:31: 错误: “{ 3 }”不是有效的指标引用：引用指标请写 {标识}（标识只用小写英文字母、数字和下划线） ⟦{ 3 }⟧",
            "data/work-party.yaml:16:37: 警告: 正文中直接写了数字“3”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {study_sessions}？ ⟦3⟧",
        ],
    ),
    (
        "bi-for-bi",
        _party("预计新增贷{loans}比{amount}，比例3比2，1.5比3.2亿，12比5。"),
        [
            "data/work-party.yaml:16:23: 警告: “92比458万”中的“比”可能是“笔”的笔误（如“92笔458万”）：请核对 ⟦比⟧",
            "data/work-party.yaml:16:35: 警告: 正文中直接写了数字“3”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {study_sessions}？ ⟦3⟧",
            "data/work-party.yaml:16:36: 警告: “3比2”中的“比”可能是“笔”的笔误（如“3笔2”）：请核对 ⟦比⟧",
            "data/work-party.yaml:16:37: 警告: 正文中直接写了数字“2”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦2⟧",
            "data/work-party.yaml:16:39: 警告: 正文中直接写了数字“1.5”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦1.5⟧",
            "data/work-party.yaml:16:42: 警告: “1.5比3.2亿”中的“比”可能是“笔”的笔误（如“1.5笔3.2亿”）：请核对 ⟦比⟧",
            "data/work-party.yaml:16:43: 警告: 正文中直接写了数字“3.2”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦3.2⟧",
            "data/work-party.yaml:16:48: 警告: 正文中直接写了数字“12”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦12⟧",
            "data/work-party.yaml:16:50: 警告: “12比5”中的“比”可能是“笔”的笔误（如“12笔5”）：请核对 ⟦比⟧",
            "data/work-party.yaml:16:51: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
        ],
    ),
    (
        "template-code-and-braces",
        _party(
            '"{{ 7*7 }}、{{ handled }}、{% if x %}、{、}、{办结事项}、{HANDLED}、{未知}、{ handled }。"'
        ),
        [
            "data/work-party.yaml:16:12: 错误: “{{ 7*7 }}”看起来是模板代码：数据中的文字不会当作模板执行，而会原样印出 ⟦{{ 7*7 }}⟧",
            "data/work-party.yaml:16:22: 错误: “{{ handled }}”看起来是模板代码：数据中的文字不会当作模板执行，而会原样印出；引用指标只用一对花括号，如 {handled} ⟦{{ handled }}⟧",
            "data/work-party.yaml:16:36: 错误: “{% if x %}”看起来是模板代码：数据中的文字不会当作模板执行，而会原样印出 ⟦{% if x %}⟧",
            "data/work-party.yaml:16:47: 错误: “{、}”不是有效的指标引用：引用指标请写 {标识}（标识只用小写英文字母、数字和下划线） ⟦{、}⟧",
            "data/work-party.yaml:16:51: 错误: “{办结事项}”不是有效的指标引用：引用指标请写 {标识}（标识只用小写英文字母、数字和下划线），是否想写 {done}？ ⟦{办结事项}⟧",
            "data/work-party.yaml:16:58: 错误: “{HANDLED}”不是有效的指标引用：引用指标请写 {标识}（标识只用小写英文字母、数字和下划线），是否想写 {handled}？ ⟦{HANDLED}⟧",
            "data/work-party.yaml:16:68: 错误: “{未知}”不是有效的指标引用：引用指标请写 {标识}（标识只用小写英文字母、数字和下划线） ⟦{未知}⟧",
            "data/work-party.yaml:16:73: 错误: “{ handled }”不是有效的指标引用：引用指标请写 {标识}（标识只用小写英文字母、数字和下划线），是否想写 {handled}？ ⟦{ handled }⟧",
        ],
    ),
    (
        "full-width-braces",
        _party("｛handled｝、｛办结事项｝、｛未知 词｝、｛Done｝。"),
        [
            "data/work-party.yaml:16:11: 错误: “｛handled｝”用了全角花括号，不会被替换成数值：引用指标请用半角花括号，写 {handled} ⟦｛handled｝⟧",
            "data/work-party.yaml:16:21: 错误: “｛办结事项｝”用了全角花括号，不会被替换成数值：引用指标请用半角花括号，写 {done} ⟦｛办结事项｝⟧",
            "data/work-party.yaml:16:28: 错误: “｛未知 词｝”用了全角花括号：引用指标请用半角花括号 {标识}，否则会原样印出 ⟦｛未知 词｝⟧",
            "data/work-party.yaml:16:35: 错误: “｛Done｝”用了全角花括号：引用指标请用半角花括号 {标识}，否则会原样印出 ⟦｛Done｝⟧",
        ],
    ),
    (
        "field-name-with-chinese-colon",
        _party('"lead：加强"'),
        [
            "data/work-party.yaml:16:12: 错误: “lead：”像是字段名加中文冒号，会连同“lead”一起作为正文印出：若要写 lead 字段，请改为“lead: ”（英文冒号加空格） ⟦lead：⟧",
        ],
    ),
    (
        "field-name-text",
        _party("text ：加强"),
        [
            "data/work-party.yaml:16:11: 错误: “text ：”像是字段名加中文冒号，会连同“text”一起作为正文印出：若要写 text 字段，请改为“text: ”（英文冒号加空格） ⟦text ：⟧",
        ],
    ),
    (
        "field-name-other",
        _party('"heading：一、label：二、title：三、preamble：四"'),
        [
            "data/work-party.yaml:16:12: 错误: “heading：”像是字段名加中文冒号，会连同“heading”一起作为正文印出：若要写 heading 字段，请改为“heading: ”（英文冒号加空格） ⟦heading：⟧",
        ],
    ),
    (
        "field-name-not-at-start",
        _party("加强 lead：工作"),
        [],
    ),
    (
        "comment-in-plain-text",
        _party("办结率 #1"),
        [
            "data/work-party.yaml:16:15: 警告: “#1”被当作 YAML 注释，不会出现在报告里：若是正文，请删去“#”前的空格或给整段内容加引号 ⟦#1⟧",
        ],
    ),
    (
        "comment-in-quoted-text",
        _party('"办结率 #1"'),
        [
            "data/work-party.yaml:16:17: 警告: 正文中直接写了数字“1”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦1⟧",
        ],
    ),
    (
        "hash-without-space",
        _party("办结率#1"),
        [
            "data/work-party.yaml:16:15: 警告: 正文中直接写了数字“1”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦1⟧",
        ],
    ),
    (
        "marker-masked",
        _party('"1.加强3项"'),
        [
            "data/work-party.yaml:16:16: 警告: 正文中直接写了数字“3”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {study_sessions}？ ⟦3⟧",
        ],
    ),
    (
        "half-width-after-reference",
        _party("{handled},办结{done}"),
        [
            'data/work-party.yaml:16:11: 错误: YAML 格式错误：以“{”开头的内容会被当作 YAML 的映射或列表：若这是正文，请给整段内容加引号，如 title: "{year}年……" ⟦{⟧',
        ],
    ),
    (
        "half-width-on-second-line",
        _party(">-\n      我镇{done}\n      虽有,好。"),
        [
            "data/work-party.yaml:18:9: 警告: 半角标点“,”与中文相邻，应为全角“，”：生成时会自动改为全角，建议在数据中改正 ⟦,⟧",
        ],
    ),
    (
        "literal-blank-line",
        _party("|\n      第一段。\n\n      第二段。"),
        [
            "data/work-party.yaml:18:1: 警告: 段落中间的空行不会另起一段，生成时与上文连成一段：如需分段，请把 text 写成列表（每段一项“- ”），或删除空行 ⟦⟧",
        ],
    ),
    (
        "literal-single-break",
        _party("|\n      第一行。\n      第二行。"),
        [],
    ),
    (
        "folded-blank-line",
        _party(">-\n      第一段。\n\n      第二段。"),
        [
            "data/work-party.yaml:18:1: 警告: 段落中间的空行不会另起一段，生成时与上文连成一段：如需分段，请把 text 写成列表（每段一项“- ”），或删除空行 ⟦⟧",
        ],
    ),
    (
        "plain-blank-line",
        _party("第一段。\n\n      第二段。"),
        [
            "data/work-party.yaml:17:1: 警告: 段落中间的空行不会另起一段，生成时与上文连成一段：如需分段，请把 text 写成列表（每段一项“- ”），或删除空行 ⟦⟧",
        ],
    ),
    (
        "strange-characters",
        _party("甲\u200b\u200b 乙⠂ ⠂丙�丁\xad。"),
        [
            "data/work-party.yaml:16:12: 警告: 含有异常字符 U+200B（ZERO WIDTH SPACE）：多半是从其他文档复制时带入的，请删除 ⟦\u200b\u200b⟧",
            "data/work-party.yaml:16:16: 警告: 含有异常字符 U+2802（BRAILLE PATTERN DOTS-2）：多半是从其他文档复制时带入的，请删除 ⟦⠂ ⠂⟧",
            "data/work-party.yaml:16:20: 警告: 含有异常字符 U+FFFD（REPLACEMENT CHARACTER）：多半是从其他文档复制时带入的，请删除 ⟦�⟧",
            "data/work-party.yaml:16:22: 警告: 含有异常字符 U+00AD（SOFT HYPHEN）：多半是从其他文档复制时带入的，请删除 ⟦\xad⟧",
        ],
    ),
    (
        "half-width-reference-then-comma",
        _party('"{handled},办结"'),
        [
            "data/work-party.yaml:16:21: 警告: 半角标点“,”与中文相邻，应为全角“，”：生成时会自动改为全角，建议在数据中改正 ⟦,⟧",
        ],
    ),
    (
        "year-from-reference-not-flagged",
        _party('"{year}年办结"'),
        [],
    ),
    (
        "four-digits-without-year",
        _party("办结1999项"),
        [
            "data/work-party.yaml:16:13: 警告: 正文中直接写了数字“1999”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦1999⟧",
        ],
    ),
    (
        "two-blank-lines-first-one-shown",
        _point("|\n    第一行。\n    第二行。\n\n    第三段。\n\n    第四段。"),
        [
            "data/problems.yaml:6:1: 警告: 段落中间的空行不会另起一段，生成时与上文连成一段：如需分段，请把 text 写成列表（每段一项“- ”），或删除空行 ⟦⟧",
        ],
    ),
    (
        "lone-braces",
        _point('"我镇{虽有}}以及{"'),
        [
            "data/problems.yaml:3:8: 错误: “{虽有}”不是有效的指标引用：引用指标请写 {标识}（标识只用小写英文字母、数字和下划线） ⟦{虽有}⟧",
            "data/problems.yaml:3:12: 错误: 多余的花括号“}”：花括号只用于引用指标，如 {标识} ⟦}⟧",
            "data/problems.yaml:3:15: 错误: 多余的花括号“{”：花括号只用于引用指标，如 {标识} ⟦{⟧",
        ],
    ),
    (
        "template-code-without-spaces",
        _party('"{{handled}}与{%if%}"'),
        [
            "data/work-party.yaml:16:12: 错误: “{{handled}}”看起来是模板代码：数据中的文字不会当作模板执行，而会原样印出；引用指标只用一对花括号，如 {handled} ⟦{{handled}}⟧",
            "data/work-party.yaml:16:24: 错误: “{%if%}”看起来是模板代码：数据中的文字不会当作模板执行，而会原样印出；引用指标只用一对花括号，如 {if} ⟦{%if%}⟧",
        ],
    ),
    (
        "number-at-the-start",
        _party('"12比5，共5"'),
        [
            "data/work-party.yaml:16:12: 警告: 正文中直接写了数字“12”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦12⟧",
            "data/work-party.yaml:16:14: 警告: “12比5”中的“比”可能是“笔”的笔误（如“12笔5”）：请核对 ⟦比⟧",
            "data/work-party.yaml:16:15: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
            "data/work-party.yaml:16:18: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
        ],
    ),
    (
        "latin-token-at-the-start",
        _party("5G网络覆盖全镇"),
        [],
    ),
    (
        "full-width-digits-after-latin",
        _party("型号AB５６"),
        [
            "data/work-party.yaml:16:15: 警告: 正文中直接写了数字“５６”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦５６⟧",
        ],
    ),
    (
        "latin-token-looked-for-40-characters-before",
        _party(
            "a----------------------------------------5个，a---------------------------------------5个"
        ),
        [
            "data/work-party.yaml:16:52: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
        ],
    ),
    (
        "latin-token-looked-for-40-characters-after",
        _party(
            '"5----------------------------------------a，5---------------------------------------a"'
        ),
        [
            "data/work-party.yaml:16:12: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
        ],
    ),
    (
        "strange-character-first",
        _point("\u200b我镇"),
        [
            "data/problems.yaml:3:5: 警告: 含有异常字符 U+200B（ZERO WIDTH SPACE）：多半是从其他文档复制时带入的，请删除 ⟦\u200b⟧",
        ],
    ),
    (
        "unknown-reference-then-known",
        _party('"{nope}{handled},ok"'),
        [
            "data/work-party.yaml:16:12: 错误: 正文引用了未定义的指标 {nope} ⟦{nope}⟧",
            "data/work-party.yaml:16:27: 警告: 半角标点“,”与中文相邻，应为全角“，”：生成时会自动改为全角，建议在数据中改正 ⟦,⟧",
        ],
    ),
    (
        "space-beside-chinese-dropped",
        _point('"我 (abc)"'),
        [
            "data/problems.yaml:3:8: 警告: 半角标点“(”与中文相邻，应为全角“（”：生成时会自动改为全角，建议在数据中改正 ⟦(⟧",
        ],
    ),
    (
        "space-beside-chinese-dropped-after-latin",
        _point('"ab我 (c)"'),
        [
            "data/problems.yaml:3:10: 警告: 半角标点“(”与中文相邻，应为全角“（”：生成时会自动改为全角，建议在数据中改正 ⟦(⟧",
        ],
    ),
    (
        "space-between-digits-kept",
        _party('"1 2比3"'),
        [
            "data/work-party.yaml:16:12: 警告: 正文中直接写了数字“1”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦1⟧",
            "data/work-party.yaml:16:14: 警告: 正文中直接写了数字“2”：数字应写在 metrics 中，正文用 {标识} 引用 ⟦2⟧",
            "data/work-party.yaml:16:15: 警告: “2比3”中的“比”可能是“笔”的笔误（如“2笔3”）：请核对 ⟦比⟧",
            "data/work-party.yaml:16:16: 警告: 正文中直接写了数字“3”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {study_sessions}？ ⟦3⟧",
        ],
    ),
    (
        "trailing-space",
        _point('"我镇abc "'),
        [],
    ),
    (
        "first-character-typed",
        _party('",甲{handled}"'),
        [
            "data/work-party.yaml:16:12: 警告: 半角标点“,”与中文相邻，应为全角“，”：生成时会自动改为全角，建议在数据中改正 ⟦,⟧",
        ],
    ),
    (
        "closer-after-a-pair",
        _point("（甲）乙）"),
        [
            "data/problems.yaml:3:9: 警告: “）”没有对应的“（”：请补上或删除 ⟦）⟧",
        ],
    ),
    (
        "nested-pairs",
        _point("（（甲）乙）"),
        [],
    ),
    (
        "number-after-a-latin-opener",
        _party('"X 5】"'),
        [
            "data/work-party.yaml:16:14: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
            "data/work-party.yaml:16:15: 警告: “】”没有对应的“【”：请补上或删除 ⟦】⟧",
        ],
    ),
    (
        "number-before-a-latin-closer",
        _party('"〔5 X"'),
        [
            "data/work-party.yaml:16:12: 警告: “〔”没有对应的“〕”：请补上或删除 ⟦〔⟧",
            "data/work-party.yaml:16:13: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
        ],
    ),
    (
        "number-first-and-di-last",
        _party("3项排名第"),
        [
            "data/work-party.yaml:16:11: 警告: 正文中直接写了数字“3”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {study_sessions}？ ⟦3⟧",
        ],
    ),
    (
        "number-after-one-left-alone",
        _party("第3次，办结5件"),
        [
            "data/work-party.yaml:16:17: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
        ],
    ),
    (
        "enclosed-then-number",
        _party("甲〔1〕5个"),
        [
            "data/work-party.yaml:16:15: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
        ],
    ),
    (
        "closer-twice",
        _party("甲〔1〕5〕"),
        [
            "data/work-party.yaml:16:15: 警告: 正文中直接写了数字“5”：数字应写在 metrics 中，正文用 {标识} 引用，是否想写 {visits}？ ⟦5⟧",
            "data/work-party.yaml:16:16: 警告: “〕”没有对应的“〔”：请补上或删除 ⟦〕⟧",
        ],
    ),
    (
        "full-width-braces-unknown-identifier",
        _party("｛unknown_id｝"),
        [
            "data/work-party.yaml:16:11: 错误: “｛unknown_id｝”用了全角花括号，不会被替换成数值：引用指标请用半角花括号，写 {unknown_id} ⟦｛unknown_id｝⟧",
        ],
    ),
    (
        "comment-after-quoted-text",
        _party('"办结率" #备注'),
        [],
    ),
    (
        "comment-line-after-a-block",
        _party("|\n      办结率 \n   #x"),
        [],
    ),
    (
        "strange-character-last",
        _point("我镇\u200b"),
        [
            "data/problems.yaml:3:7: 警告: 含有异常字符 U+200B（ZERO WIDTH SPACE）：多半是从其他文档复制时带入的，请删除 ⟦\u200b⟧",
        ],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_finding_names_its_place_and_marks_the_exact_characters(
    files: Files, expected: list[str], tree: Callable[[Mapping[str, str]], Path]
) -> None:
    root = tree({**MINI, **files})
    _, problems = load_report(root)
    assert [_shown(p, root) for p in problems] == expected


def test_the_fast_path_passes_exactly_the_characters_nobody_needs_to_be_told_about() -> None:
    """A text is passed over unread only if no character of it would be flagged."""
    from zsdreport.check.proofread import _ordinary, _strange

    # Every character of the BMP, and of the astral planes those that fall in other categories.
    astral = [0x1F600, 0x1D11E, 0x20000, 0x2FFFE, 0xE0001, 0xE0100, 0xF0000, 0x10FFFD, 0x10FFFF]
    for code in [*range(0x10000), *astral]:
        ch = chr(code)
        assert _ordinary(f"甲{ch}乙") is (_strange(ch) is None), f"U+{code:04X}"


def test_strange_characters_typed_as_escapes_are_found_one_run_at_a_time(
    tree: Callable[[Mapping[str, str]], Path],
) -> None:
    # Written as escapes: a control character cannot be typed into YAML as it is.
    text = '"甲\\u0007 \\u0008\\u0007丙\\ufdd0\\uffff\\ufffe戊\\ufdef\\ufdf0\\t\\ud800己'
    text += '\\ue000\\u2028\\u2029\\u0378庚\\u2800辛\\u28ff壬\\u2900癸"'
    root = tree({**MINI, **_party(text)})
    _, problems = load_report(root)
    assert [(p.line, p.col, p.severity.value, p.message) for p in problems] == [
        (16, 13, "错误", "含有不能打印的字符 U+0007、U+0008：请删除它"),
        (16, 33, "错误", "含有不能打印的字符 U+FDD0、U+FFFF、U+FFFE：请删除它"),
        (16, 52, "错误", "含有不能打印的字符 U+FDEF：请删除它"),
        (16, 66, "错误", "含有不能打印的字符 U+D800：请删除它"),
        (
            16,
            73,
            "警告",
            "含有异常字符 U+E000、U+2028（LINE SEPARATOR）、U+2029（PARAGRAPH SEPARATOR）、U+0378："
            "多半是从其他文档复制时带入的，请删除",
        ),
        (
            16,
            98,
            "警告",
            "含有异常字符 U+2800（BRAILLE PATTERN BLANK）：多半是从其他文档复制时带入的，请删除",
        ),
        (
            16,
            105,
            "警告",
            "含有异常字符 U+28FF（BRAILLE PATTERN DOTS-12345678）：多半是从其他文档复制时带入的，请删除",
        ),
    ]


def test_a_blank_line_is_shown_under_its_number(tree: Callable[[Mapping[str, str]], Path]) -> None:
    root = tree({**MINI, **_point("|\n    第一行。\n\n    第二行。")})
    _, problems = load_report(root)
    assert [p.format().replace(str(root), "data") for p in problems] == [
        "data/problems.yaml:5:1: 警告: 段落中间的空行不会另起一段，生成时与上文连成一段："
        "如需分段，请把 text 写成列表（每段一项“- ”），或删除空行\n"
        "   5 | \n"
        "     | ^"
    ]


# What brace_spans stands for (its docstring): the braces that are not a {reference}.
_BRACES = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{[^{}\n]*\}|[{}]")


@pytest.mark.parametrize(
    "text",
    [
        "{{ a }}",
        "{{ a\n}}",
        "{% a %}",
        "{% a {b} %}",
        "{%\n%}",
        "{a}",
        "{ {a}",
        "{{a}",
        "}{",
        "a}}b{{",
    ],
)
def test_brace_spans_finds_what_its_regular_expression_finds(text: str) -> None:
    assert list(brace_spans(text)) == [m.span() for m in _BRACES.finditer(text)]


@settings(derandomize=True, database=None, max_examples=400)
@given(st.text(alphabet="{}%\na", max_size=24))
def test_brace_spans_agrees_with_its_regular_expression_on_any_text(text: str) -> None:
    assert list(brace_spans(text)) == [m.span() for m in _BRACES.finditer(text)]

from __future__ import annotations

import pytest

from zsdreport.text import full_width, join_lines, prose


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("第一句。\n第二句。", "第一句。第二句。"),
        ("第一句， \n  第二句", "第一句，第二句"),
        ("the quick\nbrown fox", "the quick brown fox"),
        ("共计 168 人", "共计168人"),
        ("  前后空白  \n", "前后空白"),
    ],
)
def test_join_lines_never_puts_spaces_into_chinese(raw: str, joined: str) -> None:
    assert join_lines(raw) == joined


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("报告如下:", "报告如下："),
        ("各村(社区)两委", "各村（社区）两委"),
        ("一是,二是;三是", "一是，二是；三是"),
        ("增长3.5%,共1.2万元.", "增长3.5%，共1.2万元。"),
        ("时间12:30开会", "时间12:30开会"),
        ("荷叶-清潭-王钊溪", "荷叶—清潭—王钊溪"),
        ('打造"网红"产品', "打造“网红”产品"),
        ("1.加强领导", "1.加强领导"),
        ("version 1.2, beta", "version 1.2, beta"),
        # A full stop after a figure's unit or a Latin word ends a Chinese sentence too.
        ("比率5%.另有5%。", "比率5%。另有5%。"),
        ("比率5%.", "比率5%。"),
        ("比率5‰.", "比率5‰。"),
        ("完成“网红”.", "完成“网红”。"),
        ("使用APP.下一步", "使用APP。下一步"),
        ("使用APP. 下一步", "使用APP。 下一步"),
        ("使用APP.", "使用APP."),  # Latin at the end: perhaps an abbreviation, left alone
        ("共5.另有", "共5.另有"),  # after a digit: a typed 5. marker, which check flags
        ("（1）.完善制度", "（1）.完善制度"),  # a typed marker, flagged by check, not rewritten
        ("(1).完善制度", "(1).完善制度"),
        ("等等...他说", "等等...他说"),
        ("x.y", "x.y"),
        ("5%.next", "5%.next"),
    ],
)
def test_full_width_punctuation_next_to_chinese(raw: str, printed: str) -> None:
    assert full_width(raw) == printed


def test_prose_joins_after_converting_punctuation() -> None:
    assert prose("进行;\n 1.5万元") == "进行；1.5万元"


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("增长3%,\n使用APP,\n成效明显。", "增长3%，使用APP，成效明显。"),
        ("进行;\n 1.5万元", "进行；1.5万元"),
        ("报告如下:\n", "报告如下："),
    ],
)
def test_punctuation_at_a_line_end_is_converted_once_lines_are_joined(
    raw: str, printed: str
) -> None:
    assert prose(raw) == printed


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        # Quotes pair up like brackets: both marks of a pair change, or neither.
        ('他说"OK"', "他说“OK”"),
        ('"OK"他说', "“OK”他说"),
        ('打造"网红"和"爆款"', "打造“网红”和“爆款”"),
        ('"网红"', "“网红”"),
        ("称为'老乡'", "称为‘老乡’"),
        ('He said "hi"', 'He said "hi"'),
        ('只有一个"引号', '只有一个"引号'),
        ('汉"a"', "汉“a”"),  # the pair starts right after the first character
        ('a汉"b"', "a汉“b”"),
        ('"a"汉', "“a”汉"),  # Chinese right after the closing quote, at the end
        ('"a"汉b', "“a”汉b"),
        ('"汉a" b', "“汉a” b"),  # Chinese only inside the pair
        ('"a" 汉', '"a" 汉'),  # Chinese elsewhere does not count
        ("it's 好", "it's 好"),
    ],
)
def test_quotes_are_converted_as_pairs(raw: str, printed: str) -> None:
    assert full_width(raw) == printed


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("报告(2023)", "报告（2023）"),  # the partner of a converted bracket follows it
        ("(2023)年度", "（2023）年度"),
        ("报告(2023）", "报告（2023）"),
        ("（2023)报告", "（2023）报告"),
        ("f(x) = 1", "f(x) = 1"),
        ("（X)", "（X）"),  # brackets pair across Latin text
        ("(X）", "（X）"),
        ("是吗?好!", "是吗？好！"),
        ("好?", "好？"),
        ("好!", "好！"),
    ],
)
def test_brackets_and_marks_next_to_chinese(raw: str, printed: str) -> None:
    assert full_width(raw) == printed


def test_quote_pairs_reports_the_unpaired_last_quote() -> None:
    from zsdreport.text import quote_pairs

    assert quote_pairs('a"b"c"d') == ([(1, 3)], 5)
    assert quote_pairs('"a""b"') == ([(0, 2), (3, 5)], None)
    assert quote_pairs("'x'", "'") == ([(0, 2)], None)


def test_visible_writes_out_what_nobody_can_see() -> None:
    from zsdreport.text import visible

    assert visible("a\u200bb\x1b[2Jc") == "a<U+200B>b<U+001B>[2Jc"
    assert visible("换\n行", keep="\n") == "换\n行"
    assert visible("换\n行") == "换<U+000A>行"
    assert visible("\u2028") == "<U+2028>"
    assert visible("汉字 abc") == "汉字 abc"


@pytest.mark.parametrize(
    ("ch", "cjk"),
    [
        ("汉", True),
        ("，", True),
        ("“", True),
        ("—", True),
        ("a", False),
        ("1", False),
        (",", False),
    ],
)
def test_is_cjk(ch: str, cjk: bool) -> None:
    from zsdreport.text import is_cjk

    assert is_cjk(ch) is cjk


def test_widths_in_columns_and_zi() -> None:
    from zsdreport.text import columns, zi

    assert columns("汉字abc") == 7
    assert zi("2023年7月10日") == 6.5
    assert zi("\u2e80") == 1  # the first CJK radical is full width
    assert zi("\u2e7f") == 0.5


@pytest.mark.parametrize(
    ("paragraph", "left"),
    [
        ("各项工作稳步推进。现将有关情况报告如下：", "各项工作稳步推进。"),
        ("各项工作稳步推进。现将有关情况报告如下:", "各项工作稳步推进。"),
        ("各项工作稳步推进。现将有关情况报告如下。", "各项工作稳步推进。"),
        ("各项工作稳步推进。现将有关情况报告如下", "各项工作稳步推进。"),
        ("  各项工作稳步推进。 现将有关情况报告如下：  \n", "  各项工作稳步推进。"),
        (
            "  现将有关情况报告如下：各项工作稳步推进。  ",
            "  现将有关情况报告如下：各项工作稳步推进。  ",
        ),
        ("各项工作稳步推进。", "各项工作稳步推进。"),
    ],
)
def test_without_intro_drops_only_a_closing_intro_sentence(paragraph: str, left: str) -> None:
    from zsdreport.text import without_intro

    assert without_intro(paragraph) == left


# Each CJK block by its first and last character, and the characters just outside the blocks.
_CJK_EDGES = "\u2e80\u2fff\u3000\u303f\u3040\u30ff\u3400\u4dbf\u4e00\u9fff\uf900\ufaff\ufe30\ufe4f\uff00\uffef"
_NEAR_CJK = "\u2e7f\u3100\u33ff\u4dc0\u4dff\ua000\uf8ff\ufb00\ufe2f\ufe50\ufeff\ufff0"


def test_is_cjk_covers_each_block_up_to_its_edges() -> None:
    from zsdreport.text import is_cjk

    assert [ch for ch in _CJK_EDGES if not is_cjk(ch)] == []
    assert [f"U+{ord(ch):04X}" for ch in _NEAR_CJK if is_cjk(ch)] == []


# The regular expressions these scanners replaced (compiling their CJK classes cost a build
# about 20 ms): the specification the scanners are held to, character for character.
_CJK_CLASS = (
    "[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7\u2236]"
)
_HAN_CLASS = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_HALF_WIDTH_SPEC = (
    rf"(?<={_CJK_CLASS})[,;:?!()]|[,;:?!()](?={_CJK_CLASS})"
    rf"|(?<={_HAN_CLASS})\.(?=\s*(?:$|{_CJK_CLASS}))"
    rf"|(?<=[^\d\s.)）])\.(?=\s*{_HAN_CLASS})"
    rf"|(?<=[%‰{_CJK_CLASS[1:-1]}])\.(?=\s*$)"
    rf"|(?<={_HAN_CLASS})-(?={_HAN_CLASS})"
)
_SPACE_NEAR_CJK_SPEC = rf"(?<={_CJK_CLASS})\s+|\s+(?={_CJK_CLASS})"
# Every kind of character the rules tell apart: the marks, digits (also non-ASCII decimals),
# whitespace (also line breaks and the ideographic space, which is CJK too), 汉字 of each block,
# CJK that is not 汉字 (kana, radicals, full-width forms, Chinese quotes), Latin, %‰ and ）.
# (X too: a mutation tester pads strings with it.)
_ALPHABET = ",;:?!().-.. 0９٣ \t\n\r\u3000\xa0\u2028汉\u3400\uf900\u9fff\u4e00あ\u2e80\uffef“—·a%‰）\u2fff\u3040X"


def _samples(count: int, longest: int) -> list[str]:
    import random

    rng = random.Random(2023)
    return [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, longest))) for _ in range(count)
    ]


def _every(alphabet: str, longest: int) -> list[str]:
    import itertools

    return [
        "".join(chars)
        for n in range(longest + 1)
        for chars in itertools.product(alphabet, repeat=n)
    ]


def test_half_width_marks_are_the_positions_the_specification_matches() -> None:
    import re

    from zsdreport.text import half_width_marks

    spec = re.compile(_HALF_WIDTH_SPEC, re.M)
    for text in _samples(6000, 9) + _every("a .汉\n%1)-,\u3000", 4):
        assert half_width_marks(text) == [m.start() for m in spec.finditer(text)], repr(text)


def test_join_lines_drops_the_spaces_the_specification_drops() -> None:
    import re

    spec = re.compile(_SPACE_NEAR_CJK_SPEC)
    # Runs of spaces with several ideographic spaces in them are rare in random text.
    for text in _samples(6000, 9) + _every("a \u3000汉\n", 6):
        expected = re.sub(r"\s+", " ", spec.sub("", text)).strip()
        assert join_lines(text) == expected, repr(text)

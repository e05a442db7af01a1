"""Tests for qa.normalize: width folding, t2s, brackets, Chinese numerals."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from qa.normalize import chinese_number, normalize, to_simplified

# --------------------------------------------------------------- step 1 ----


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＢＣ１２３！？", "ABC123!?"),
        ("多少万元？", "多少万元?"),
        ("项目：合计；比例％", "项目:合计;比例%"),
        ("（30110）", "(30110)"),
        ("(30110)", "(30110)"),
        ("\u3000全角\u3000空格\u3000", "全角空格"),
        ("一般 公共\t预算\n", "一般公共预算"),
        ("OA   系统", "OA系统"),
        ("Windows  10 补丁", "Windows 10补丁"),
        ("A\u00a0B", "A B"),
        ("预\u200b算", "预算"),
        ("预\x00算", "预算"),
    ],
)
def test_width_and_whitespace(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_chinese_punctuation_without_ascii_twin_is_kept() -> None:
    text = "、。「」“”《》〔〕【】"
    assert normalize(text) == text


# --------------------------------------------------------------- step 2 ----


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("職工基本醫療保險繳費", "职工基本医疗保险缴费"),
        ("預算金額最大的項目是哪個", "预算金额最大的项目是哪个"),
        ("一般公共预算", "一般公共预算"),
        ("", ""),
    ],
)
def test_to_simplified(raw: str, expected: str) -> None:
    assert to_simplified(raw) == expected


def test_to_simplified_is_idempotent_on_opencc_chains() -> None:
    once = to_simplified("乾縣")
    assert to_simplified(once) == once


def test_normalize_simplifies_before_numerals() -> None:
    assert normalize("兩萬元") == "2万元"
    assert normalize("預算二〇二五年") == "预算2025年"


# --------------------------------------------------------------- step 3 ----


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("清城机编发〔2019〕2号", "清城机编发〔2019〕2号"),
        ("《区政府会议纪要[2007]7号》", "《区政府会议纪要〔2007〕7号》"),
        ("清远府〔2019〕185号", "清远府〔2019〕185号"),
        ("【2019】2号", "〔2019〕2号"),
        ("［2019］2号", "〔2019〕2号"),
        ("﹝2019﹞2号", "〔2019〕2号"),
        ("【重要】通知", "【重要】通知"),
        ("[12345]", "[12345]"),
        ("【二〇一九】2号", "〔2019〕2号"),
    ],
)
def test_year_bracket_unification(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


# --------------------------------------------------------------- step 4 ----


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # years
        ("二〇二五年", "2025年"),
        ("二零二五年", "2025年"),
        ("二〇二四年预算", "2024年预算"),
        ("二〇二四至二〇二五年", "2024至2025年"),
        ("二五年比二四年", "25年比24年"),  # a two-digit year digit by digit (read as 2025 when that year is loaded)
        ("三四年前", "三四年前"),  # two digits in a row are a range of years
        ("24、25两个年度", "24、25两个年度"),  # a numeral right after digits would run into them
        # amounts
        ("一百万", "100万"),
        ("一百万元", "100万元"),
        ("五万元", "5万元"),
        ("二十万", "20万"),
        ("十五万元", "15万元"),
        ("三点五万", "3.5万"),
        ("一千二百元", "1200元"),
        ("两万", "2万"),
        ("一亿", "1亿"),
        ("十二点五亿元", "12.5亿元"),
        ("一万五千元", "15000元"),
        ("五千", "5000"),
        ("百分之五十", "50%"),
        ("百分之十二点五", "12.5%"),
        ("百分之百", "100%"),
        ("五十%", "50%"),
        # counts and ranking
        ("三个", "3个"),
        ("十个", "10个"),
        ("五项", "5项"),
        ("三个重点项目", "3个重点项目"),
        ("前五个", "前5个"),
        ("前五", "前5"),
        ("前三", "前3"),
        ("预算最多的前三", "预算最多的前3"),
        ("排名前三的部门", "排名前3的部门"),
        ("三至五年", "3至5年"),
    ],
)
def test_numeral_spans_converted(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一般公共预算",
        "一体化",
        "一门式",
        "三公经费",
        "三网融合",
        "三资",
        "十大行动",
        "万元",
        "百万元",
        "千家万户",
        "千万不要",
        "老百姓",
        "重点项目",
        "第一部分",
        "目前一般公共预算",
        "统一项目库",
        "唯一项目",
        "哪一个部门",
        "一次性补助",
        "一条龙服务",
        "八项规定",
        "十四五项目",
        "一两个",
        "三四年",
        "五六万元",
        "几十万元",
        "数十个",
    ],
)
def test_words_with_numeral_characters_unchanged(text: str) -> None:
    assert normalize(text) == text


def test_full_question() -> None:
    out = normalize("文化广电旅游体育局二〇二五年一般公共预算拨款是多少万元？")
    assert out == "文化广电旅游体育局2025年一般公共预算拨款是多少万元?"
    assert "2025年" in out and "一般公共预算" in out


# ------------------------------------------------------- chinese_number ----


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("一千二百三十四点五", Decimal("1234.5")),
        ("二〇二五", Decimal(2025)),
        ("二零二五", Decimal(2025)),
        ("两", Decimal(2)),
        ("十", Decimal(10)),
        ("十五", Decimal(15)),
        ("一百零五", Decimal(105)),
        ("一千零五十", Decimal(1050)),
        ("一千二", Decimal(1200)),
        ("一万五", Decimal(15000)),
        ("三点五万", Decimal(35000)),
        ("十二亿三千万", Decimal(1_230_000_000)),
        ("一万亿", Decimal(10**12)),
        ("零点五", Decimal("0.5")),
        ("百", Decimal(100)),
    ],
)
def test_chinese_number_parses(span: str, expected: Decimal) -> None:
    result = chinese_number(span)
    assert isinstance(result, Decimal)
    assert result == expected


@pytest.mark.parametrize(
    "span",
    [
        "",
        "一般",
        "十四五",
        "一两",
        "三四十",
        "一百十",
        "万万",
        "点五",
        "三点",
        "abc",
        "二〇两五",
    ],
)
def test_chinese_number_rejects_non_numerals(span: str) -> None:
    assert chinese_number(span) is None


# ---------------------------------------------------------- robustness ----


def test_empty_and_blank() -> None:
    assert normalize("") == ""
    assert normalize("   \u3000\t\n") == ""


def test_long_input_is_fast() -> None:
    text = ("職工基本醫療保險繳費二〇二五年一百万元，一般公共预算 " * 400)[:10_000]
    assert len(text) == 10_000
    start = time.perf_counter()
    out = normalize(text)
    assert time.perf_counter() - start < 0.5
    assert "2025年" in out and "100万元" in out


def test_typical_question_is_cheap() -> None:
    q = "教育局2024年项目支出预算金额最大的前五个项目是哪些"
    normalize(q)
    n = 2000
    start = time.perf_counter()
    for _ in range(n):
        normalize(q)
    per_call = (time.perf_counter() - start) / n
    assert per_call < 500e-6  # target ~10 µs; loose bound for slow CI machines


@pytest.mark.parametrize(
    "text",
    [
        "😀预算多少？👨\u200d👩\u200d👧",
        "<b>预算</b>&nbsp;<br/>",
        "<script>alert('一')</script>",
    ],
)
def test_emoji_and_html_pass_through(text: str) -> None:
    out = normalize(text)
    assert isinstance(out, str)
    for keep in ("😀", "👨\u200d👩\u200d👧", "<b>", "</b>", "<script>"):
        if keep in text:
            assert keep in out


SAMPLE_QUESTIONS = [
    "文化广电旅游体育局二〇二五年一般公共预算拨款是多少万元？",
    "職工基本醫療保險繳費預算是多少",
    "預算金額最大的項目是哪個",
    "教育局2024年项目支出预算金额最大的前五个项目是哪些",
    "财政局的三公经费是多少万元",
    "清城机编发〔2019〕2号文件涉及哪些部门",
    "《区政府会议纪要[2007]7号》对应的项目",
    "（30110）职工基本医疗保险缴费科目的金额",
    "预算超过一百万元的项目有几个",
    "一千二百元以上的支出有哪些",
    "政府性基金预算占比超过百分之十二点五的部门",
    "哪三个部门的一般公共预算最多",
    "十大行动相关项目有多少个",
    "一体化政务服务平台建设经费是多少",
    "二零二四年比二〇二五年增加了多少",
    "三点五万元的项目是什么",
    "ＯＡ 系统 运维 费用",
    "前三名的单位是哪些？",
    "统一项目库建设资金",
    "【2019】2号文 的一次性补助",
    "目前一般公共预算收入几十万元",
]


@pytest.mark.parametrize("question", SAMPLE_QUESTIONS)
def test_idempotent(question: str) -> None:
    once = normalize(question)
    assert normalize(once) == once


def test_sample_questions_expected_forms() -> None:
    out = [normalize(q) for q in SAMPLE_QUESTIONS]
    assert out[0] == "文化广电旅游体育局2025年一般公共预算拨款是多少万元?"
    assert out[3] == "教育局2024年项目支出预算金额最大的前5个项目是哪些"
    assert out[7] == "(30110)职工基本医疗保险缴费科目的金额"
    assert out[8] == "预算超过100万元的项目有几个"
    assert out[10] == "政府性基金预算占比超过12.5%的部门"
    assert out[11] == "哪3个部门的一般公共预算最多"
    assert out[16] == "OA系统运维费用"
    assert out[17] == "前3名的单位是哪些?"
    assert out[19] == "〔2019〕2号文的一次性补助"
    assert out[20] == "目前一般公共预算收入几十万元"


@pytest.mark.parametrize(("raw", "expected"), [
    ("功能科目编码二〇一二六〇四是什么", "功能科目编码2012604是什么"),  # a code read digit by digit
    ("科目二零八零一零九", "科目2080109"),
    ("一二三四五热线", "12345热线"),
    ("三四年", "三四年"),  # two digits in a row: a range of years, not a number
    ("二〇二五年", "2025年"),
])
def test_a_long_run_of_digits_is_a_code(raw: str, expected: str) -> None:
    assert normalize(raw) == expected

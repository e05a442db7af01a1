"""Sets across two loaded years (issue 10 §6) with a topic or name filter, with a property both
years show, and with names that must not even be near: phrasings of our own on the culture
department's 2024 and 2025 documents in tests/fixtures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qa.execute import NotAnswerable
from qa.kinds import year_items
from qa.lexicon import Entity, Mention
from qa.normalize import normalize
from tests.conftest import CULTURE, CULTURE_2024, qa_service


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    return qa_service(tmp_path_factory, CULTURE_2024, CULTURE)


def _ask(service, question: str):
    answer = service.ask(question)
    assert answer.answered, answer.answer
    assert answer.intent == "cross_year", (answer.intent, answer.answer)
    return answer


@pytest.mark.parametrize(("question", "items"), [
    ("和体育相关的项目里，2025年新增了哪些？", ["体育场馆免费低收费开放补助"]),
    ("名称里带“全民健身”的项目，2024年有而2025年没有的是哪些", ["清城区全民健身中心维修改造项目"]),
    ("涉及旅游的项目2025年取消了哪些", ["清城区旅游发展规划编制经费"]),
    ("图书馆这一块，2024年列过、2025年没有了的项目", ["区图书馆空调系统更换项目"]),
    ("文物方面有没有2024年安排过、2025年不再安排的项目？", ["第四次全国文物普查工作经费"]),
    ("2025年比2024年少了哪些文物方面的项目", ["第四次全国文物普查工作经费"]),  # 文物, not 少了哪些文物
    ("两年都有而且两年都超过50万元的项目", ["文物保护单位修缮及安全巡查经费", "体育彩票公益金全民健身设施建设项目"]),
])
def test_a_set_across_years_keeps_the_topic_asked(two_years, question, items):
    assert _ask(two_years, question).items == items


def test_a_year_after_a_comparator_word_is_no_amount(two_years):
    """「安排过、2025年」: 过 before a year is no threshold of 2025万元 (the six dropped projects)."""
    answer = _ask(two_years, "2024年安排过、2025年没有了的项目有几个")
    assert answer.value == Decimal(6), answer.answer


def test_a_topic_no_name_spells_is_refused(two_years):
    answer = two_years.ask("武术方面，2025年新增了哪些项目")
    assert not answer.answered and "武术" in answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("两年都被列为重点项目的有哪些", {"items": ["体育彩票公益金全民健身设施建设项目"]}),
    ("哪些项目在两年里都有绩效目标、都是重点项目", {"items": ["体育彩票公益金全民健身设施建设项目"]}),
    ("两年名称完全相同的项目有几个", {"value": 10}),
    ("项目名称两年一字不差的有多少个", {"value": 10}),
])
def test_members_present_in_both_years_with_a_property(two_years, question, expected):
    answer = _ask(two_years, question)
    if "items" in expected:
        assert answer.items == expected["items"], answer.answer
    else:
        assert answer.value == Decimal(expected["value"]), answer.answer


def test_near_names_are_matched_when_asked(two_years):
    """「连名称相似的都没有」: a dropped project whose name another year's name contains is no match
    here (no 2025 name contains a dropped 2024 one), and the reply says the test it used."""
    answer = _ask(two_years, "在2024年有，到2025年连名称相似的项目都没有的是哪些")
    assert len(answer.items) == 6 and "名称相互包含" in answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("全民健身活动经费这个名称两年都有，哪年更多，差多少", Decimal("3.00")),  # 35.00 → 38.00
    ("图书馆免费开放补助资金两年都有吗？两年合计多少", Decimal("40.00")),
    ("旅游宣传推广经费（不含全民健身活动经费）两年加起来多少", Decimal("97.00")),  # 52.00 + 45.00: the one left out is no operand
])
def test_one_named_item_across_years_is_its_values_not_a_set(two_years, question, value):
    answer = _ask(two_years, question)
    assert answer.value == value and not answer.items, answer.answer


def _mention(*labels: str) -> Mention:
    entities = [Entity(f"urn:p{i}", "project", label, frozenset({"urn:d"})) for i, label in enumerate(labels)]
    return Mention(0, 4, "服务费", entities)


@pytest.mark.parametrize(("question", "kept"), [
    ("服务费（不带二期的那个）两年差多少", ["服务费", "2026年度服务费"]),
    ("服务费，不带年份、不带二期的那个，是上年的几倍", ["服务费"]),
    ("服务费两年差多少", ["服务费", "服务费（二期）", "2026年度服务费"]),
])
def test_a_part_the_name_lacks_chooses_among_the_names(question, kept):
    mention = _mention("服务费", "服务费（二期）", "2026年度服务费")
    chosen = year_items.chosen(normalize(question), [mention])
    assert [e.label for e in chosen[0].entities] == kept


def test_a_part_every_name_has_is_refused():
    with pytest.raises(NotAnswerable):
        year_items.chosen(normalize("服务费（不带二期的那个）两年差多少"), [_mention("服务费（二期）")])


def test_a_name_after_an_excluding_word_is_left_out():
    text = "甲经费两年一共多少(不含补助资金)"
    at = text.find("补助资金")
    first, second = _mention("甲经费"), Mention(at, at + 4, "补助资金", [Entity("urn:q", "project", "甲经费补助资金", frozenset())])
    assert year_items.chosen(text, [first, second]) == [first]


@pytest.mark.parametrize(("question", "phrase"), [
    ("2025年的收入预算为啥比2024年少了，文件怎么解释的", "一次性项目本年不再安排"),  # the later year's own reason
    ("2024年收入预算比2023年多出好几十万，原因是什么", "第四次全国文物普查"),  # 好几十万 states, asks nothing
    ("2025年名词解释里新增的经营收入指的是什么", "非独立核算经营活动"),  # a definition, not the set of new projects
])
def test_a_reason_or_a_definition_asked_with_words_of_change(two_years, question, phrase):
    answer = two_years.ask(question)
    assert answer.answered and phrase in answer.answer and answer.value is None, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("2024年的三公经费比2023年减少了多少", Decimal("0.50")),
    ("2024年机关运行经费较2023年下降了多少万元", Decimal("0.95")),
])
def test_a_change_over_the_unloaded_year_before_is_the_documents_own(two_years, question, value):
    """Only 2024 and 2025 are loaded: 2024's 比上年 sentence is its change over 2023."""
    answer = _ask(two_years, question)
    assert answer.value == value and "比上年" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "2023年和2024年的三公经费一共多少",  # a sum needs 2023's figure
    "2024年的三公经费是2023年的几倍",
])
def test_what_needs_the_unloaded_years_figure_is_refused(two_years, question):
    assert not two_years.ask(question).answered


def test_the_year_before_the_earliest_is_worked_back_from_its_stated_change(two_years):
    """2024's 三公 6.70万元 is 0.50万元 below 2023, so 2023 was 7.20; 2025 is 6.00: 1.20 less, the derivation shown."""
    answer = two_years.ask("2025年的三公经费比2023年少了多少")
    assert answer.value == Decimal("1.20") and "推算" in answer.answer and "7.20" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("体彩公益金健身设施项目里健身路径的目标，2025年比2024年多了几条", Decimal(3), "条"),  # 不少于12条 → 15条
    ("全民健身路径这个目标两年一共要求多少条", Decimal(27), "条"),
])
def test_a_targets_figure_across_years(two_years, question, value, unit):
    answer = _ask(two_years, question)
    assert (answer.value, answer.unit) == (value, unit), answer.answer


def test_each_years_targets_in_their_own_words(two_years):
    answer = _ask(two_years, "体育彩票公益金全民健身设施建设项目两年的绩效目标分别是什么")
    assert "笼式足球场" in answer.answer and "多功能运动场" in answer.answer and answer.value is None, answer.answer


def test_a_text_the_same_in_both_years_but_its_year_is_answered_from_both(two_years):
    answer = two_years.ask("图书馆和文化馆是什么性质的单位")
    assert answer.answered and "公益一类事业单位" in answer.answer and "除年份外相同" in answer.answer, answer.answer
    assert len({s.document for s in answer.sources}) == 2


@pytest.mark.parametrize(("question", "item"), [
    ("把2024、2025两年的项目合到一起，哪个金额最大", "清城区全民健身中心维修改造项目"),  # 2024's 82.00 over 2025's 80.00
    ("两年的项目混在一起比，最少的是哪个", "全民艺术普及公益培训经费"),  # 2024's 7.20
])
def test_projects_of_both_years_pooled(two_years, question, item):
    assert _ask(two_years, question).items == [item]


def test_the_filter_is_said_in_the_answer(two_years):
    answer = _ask(two_years, "两年的项目放一起，图书馆方面金额最大的是哪个")
    assert "名称含“图书馆”" in answer.answer and answer.value == Decimal("40.00"), answer.answer


@pytest.mark.parametrize(("question", "value", "said"), [
    # the second item is only in 2024's document: the question spans both years, each item its own
    ("2025年的体育场馆免费低收费开放补助加上清城区全民健身中心维修改造项目一共多少", Decimal("112.00"), "2024年清城区全民健身中心维修改造项目82.00"),
    ("2025年文艺精品创作扶持经费比区图书馆空调系统更换项目少多少", Decimal("13.30"), "2024年区图书馆空调系统更换项目25.80"),
])
def test_an_item_only_one_other_year_holds_brings_that_year_in(two_years, question, value, said):
    answer = _ask(two_years, question)
    assert answer.value == value and said in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "体育类项目2024年有、2025年取消的是哪些",  # 全民健身… is sport by its words, not by 体育
    "2024年有但2025年没了的项目里，和体育有关的有几个",
])
def test_an_empty_set_under_a_topic_of_free_words_is_refused(two_years, question):
    answer = two_years.ask(question)
    assert not answer.answered and "名称含“体育”" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "member"), [
    ("文艺精品创作扶持经费是不是2025年新增的", True),
    ("全民健身活动经费是2025年新加的吗", False),  # 2024 had it too
    ("第四次全国文物普查工作经费2025年被取消了吗", True),
])
def test_whether_one_named_item_is_new_or_dropped(two_years, question, member):
    answer = _ask(two_years, question)
    assert answer.answer.startswith("是" if member else "不是") and len(answer.items) == int(member), answer.answer


def test_the_largest_fall_when_none_fell_says_so(two_years):
    answer = _ask(two_years, "两年都有的项目里，名称含“图书馆”的哪个减少得最多")  # 40 → 40 and 20 → 20
    assert "没有减少" in answer.answer and answer.value is None, answer.answer


@pytest.mark.parametrize(("question", "item"), [
    ("两年名字完全一样的项目中哪个涨得最多", "体育彩票公益金全民健身设施建设项目"),  # names alike restate both years, not amounts alike
    ("2024年的项目到2025年还在、而且减少得最多的是哪个", "旅游宣传推广经费"),
])
def test_ranked_changes_of_members_of_both_years(two_years, question, item):
    assert _ask(two_years, question).items == [item]


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("两年名称含“全民健身”的项目合计多少钱", Decimal("295.00"), "万元"),  # 35 + 82 + 60, then 38 + 80
    ("名称里带“图书馆”的项目，2025年比2024年少了几个", Decimal(1), "个"),  # 3 → 2
    ("文物方面的项目两年加起来多少", Decimal("129.85"), "万元"),  # 58.60 + 8.90 + 62.35
])
def test_a_figure_of_a_named_set_in_each_year(two_years, question, value, unit):
    answer = _ask(two_years, question)
    assert (answer.value, answer.unit) == (value, unit), answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("2025年新增了哪些内设机构", {"items": []}),  # the same four 股 and 办公室 in both years: not projects
    ("2025年比2024年新增了哪些下属单位", {"items": []}),
    ("两年都有的名词解释有几个", {"value": 11}),
])
def test_sets_of_names_across_years_are_those_names(two_years, question, expected):
    answer = _ask(two_years, question)
    if "items" in expected:
        assert answer.items == expected["items"] and "共0项" in answer.answer, answer.answer
    else:
        assert answer.value == Decimal(expected["value"]) and "“三公”经费" in answer.answer, answer.answer


def test_new_targets_are_key_projects_with_targets(two_years):
    answer = _ask(two_years, "2025年新增的绩效目标有哪些")
    assert answer.items == ["文物保护单位修缮及安全巡查经费", "旅游宣传推广经费"], answer.answer


def test_the_total_of_members_of_both_years_gives_each_year(two_years):
    """「多少钱」 is no rise (多): the ten projects of both years, each year's total and both."""
    answer = _ask(two_years, "两年都列了的项目合计多少钱")
    assert answer.value == Decimal("734.11") and "2024年合计354.68万元" in answer.answer and "2025年合计379.43万元" in answer.answer, answer.answer


def test_two_years_named_one_by_one(two_years):
    both = two_years.ask("2024年和2025年都有的项目是哪些")
    assert both.answered and len(both.items) == 10 and "全民健身活动经费" in both.items, both.answer
    higher = two_years.ask("文物保护单位修缮及安全巡查经费2024年和2025年哪个多")
    assert higher.answered and higher.value == Decimal("3.75") and "62.35" in higher.answer, higher.answer


@pytest.mark.parametrize(("question", "present", "absent"), [
    ("哪些项目2024年还有，到2025年的预算表里就看不到了", "第四次全国文物普查工作经费", "旅游宣传推广经费"),  # 看不到 says dropped
    ("两年都有的项目里，2025年比2024年涨了的有哪些", "全民健身活动经费", "旅游宣传推广经费"),  # 35.00 → 38.00; 52.00 → 45.00
    ("两年都有的项目中，2025年降了的是哪些", "旅游宣传推广经费", "全民健身活动经费"),
])
def test_everyday_words_of_dropping_and_rising(two_years, question, present, absent):
    answer = two_years.ask(question)
    assert answer.answered and any(present in i for i in answer.items) and not any(absent in i for i in answer.items), answer.answer


@pytest.mark.parametrize("question", ["两年都有的项目里，2025年比2024年砍得最多的是哪个", "2024、2025年都列了的项目，哪个压缩得最厉害"])
def test_a_cut_said_in_plain_words_is_the_largest_fall(two_years, question):
    answer = _ask(two_years, question)
    assert answer.items == ["旅游宣传推广经费"] and answer.value == Decimal("7.00"), answer.answer  # 52.00 → 45.00


def test_which_year_has_them_says_which_set(two_years):
    new = _ask(two_years, "2025年有而2024年没有的项目是哪些")
    assert sorted(new.items) == ["体育场馆免费低收费开放补助", "文艺精品创作扶持经费"], new.answer
    dropped = _ask(two_years, "2024年有而2025年没有的项目有几个")
    assert dropped.value == 6, dropped.answer


def test_names_alike_in_both_years_filtered_by_direction(two_years):
    answer = _ask(two_years, "两个年度名称完全相同的项目里，2025年比2024年的预算少的有几个？")
    assert answer.value == 1 and answer.items == ["旅游宣传推广经费"], answer.answer


@pytest.mark.parametrize("question", ["图书馆的基本支出合计，2025年比2024年多多少", "文化馆基本支出总计，2025年比2024年多了多少"])
def test_a_total_word_after_a_name_is_no_sum_of_the_years(two_years, question):
    answer = _ask(two_years, question)
    assert answer.value is not None and "两年合计" not in answer.answer, answer.answer


def test_cut_by_how_much_is_a_difference_not_the_dropped_set(two_years):
    answer = _ask(two_years, "旅游宣传推广经费2025年比2024年砍掉了多少")
    assert answer.value == Decimal("7.00"), answer.answer  # 52.00 → 45.00


def test_a_count_in_its_own_unit_is_not_answered_with_amounts(two_years):
    assert not two_years.ask("2024年和2025年全民健身活动经费各培训了多少人次").answered


def test_not_found_in_the_later_year_is_the_dropped_set(two_years):
    answer = _ask(two_years, "2024年的项目中，哪些在2025年的项目表里找不到名称完全相同的项目")
    assert len(answer.items) == 6 and "清城区全民健身中心维修改造项目" in answer.items, answer.answer


def test_same_named_projects_in_both_years(two_years):
    answer = _ask(two_years, "两年都出现的同名项目中，哪个减少得最多？")
    assert answer.items == ["旅游宣传推广经费"], answer.answer


def test_a_project_of_one_year_only_has_no_figure_in_the_other(two_years):
    """清城区旅游发展规划编制经费 is in 2024 only: its two-year sum is refused naming the year that
    lacks it, not 'no figure found'."""
    answer = two_years.ask("2024年和2025年清城区旅游发展规划编制经费加起来多少")
    assert not answer.answered and "2025年的文件中没有" in answer.answer, answer.answer


def test_a_fall_in_money_ranks_by_amount_not_rate(two_years):
    """降幅（绝对额）: the largest fall in 万元, the same project 减少最多 names, not a rate."""
    by_amount = two_years.ask("两年都有的项目中，降幅（绝对额）最大的是哪个项目")
    plain = two_years.ask("两年都有的项目中，减少最多的是哪个项目")
    assert by_amount.answered and by_amount.items == plain.items and by_amount.unit == "万元", by_amount.answer


def test_not_listed_again_is_dropped(two_years):
    said = two_years.ask("2024年有而2025年没再列的项目是哪些")
    assert said.items == two_years.ask("2024年有而2025年没有的项目是哪些").items and said.items, said.answer


def test_one_thing_in_two_joined_years_is_summed_across_them(two_years):
    """「X2024年和2025年两年加起来」: the years joined are no two operands of one year's sum."""
    assert two_years.ask("全民健身活动经费2024年和2025年两年加起来一共多少").value == Decimal("73.00")  # 35.00 + 38.00


@pytest.mark.parametrize(("question", "value", "names"), [
    ("2025年金额最大的项目比2024年金额最大的项目多多少", "2.00", ["清城区全民健身中心维修改造项目", "体育彩票公益金全民健身设施建设项目"]),
    ("2025年金额最小的项目比2024年金额最小的项目少多少", "5.30", ["全民艺术普及公益培训经费", "文艺精品创作扶持经费"]),
])
def test_each_years_top_project_compared(two_years, question, value, names):
    """Each year's own largest (smallest) project, named, and their difference — not a refusal."""
    answer = two_years.ask(question)
    assert answer.value == Decimal(value) and all(n in answer.answer for n in names), answer.answer


def test_ranked_by_the_amount_of_a_change(two_years):
    """「按减少的绝对金额排，最多的」: a ranking by the fall in 万元, the same as 减少最多."""
    said = two_years.ask("两年都有的项目里头，按减少的绝对金额排，最多的是哪个？")
    plain = two_years.ask("两年都有的项目中，减少最多的是哪个项目")
    assert said.answered and said.items == plain.items and len(said.items) == 1, said.answer
    grown = two_years.ask("两年都有的项目，按增加的金额来排，最多的是哪个？")
    assert grown.items == two_years.ask("两年都有的项目中，增加最多的是哪个项目").items and grown.items, grown.answer


def test_untouched_is_the_same_amount(two_years):
    said = two_years.ask("有没有哪个项目两年预算一分钱都没动过？是哪个？")
    assert said.answered and said.items == two_years.ask("两年都有的项目中，金额相同的是哪些").items, said.answer

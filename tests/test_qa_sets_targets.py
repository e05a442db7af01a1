"""Sets of projects filtered by an exact amount or a per-item bound, averages named beside a sum,
measure words with one character wrong, targets found by what the question speaks of, a cited
document named by its kind for one project, and a glossary entry named with its bracketed alias —
each in phrasings written for these tests, on the corpus documents and on generated ones. Figures
were read off the documents in tests/fixtures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import qa_service

from qa.evaluate import score
from qa.service import QAService

SYNTH = Path(__file__).parent / "fixtures" / "synth"


@pytest.fixture(scope="module")
def water(tmp_path_factory) -> QAService:
    return qa_service(tmp_path_factory, SYNTH / "synth_seed262.txt")


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> QAService:
    return qa_service(tmp_path_factory, SYNTH / "synth_seed361.txt")


def _check(service: QAService, question: str, expected: dict):
    answer = service.ask(question)
    assert answer.answered, f"{question}: {answer.answer}"
    assert score(expected, answer.to_json())[0], f"{question}: {answer.answer}"
    return answer


# -- amounts asked exactly, bounds per item, averages with their parts named ---------------------------
@pytest.mark.parametrize(("question", "expected"), [
    ("恰好20万元的项目有哪几个", {"items": ["非物质文化遗产保护专项经费", "图书馆免费开放补助资金"]}),
    ("金额正好是20万元整的项目一共几个", {"value": 2, "unit": "个"}),
    ("刚好等于20万元的项目加起来多少钱", {"value": 40.00, "unit": "万元"}),
    ("单笔高于40万元的项目合计多少", {"value": 187.35, "unit": "万元"}),
    ("每笔不到15万元的项目有哪几个", {"items": ["文艺精品创作扶持经费"]}),
    ("用项目支出总额除以项目个数，平均每个项目是多少", {"value": 35.16, "unit": "万元"}),
    ("名称里带“免费”的项目加一块儿是多少", {"value": 75.00, "unit": "万元"}),
    ("名字里包含“经费”字样的项目有几个", {"value": 9, "unit": "个"}),
])
def test_project_sets_exact_per_item_and_averages(culture, question, expected):
    answer = _check(culture, question, expected)
    assert answer.intent in ("project_set", "list"), answer.intent


@pytest.mark.parametrize(("question", "expected"), [
    ("金额为8.5万元的项目有几个", {"value": 1, "unit": "个"}),
    ("预算是20.4万元的项目是哪个", {"items": ["综治信息系统线路租赁费用"]}),
    ("大于等于20.4万元的项目有几个", {"value": 8, "unit": "个"}),  # 大于等于 keeps the bound itself
    ("小于或等于8.5万元的项目加起来多少", {"value": 66.99, "unit": "万元"}),
    ("大于等于10万元且小于20万元的项目有几个", {"value": 7, "unit": "个"}),
])
def test_amounts_named_bare_or_with_an_inclusive_comparator(bigdata, question, expected):
    _check(bigdata, question, expected)


@pytest.mark.parametrize(("question", "expected"), [
    ("名称中带有'维护'的项目有几个", {"value": 8, "unit": "个"}),
    ("含有光纤两个字的项目有几个", {"value": 5, "unit": "个"}),
    ("跟光纤有关的项目一共多少钱", {"value": 93.10, "unit": "万元"}),
    ("2025年和维护相关的项目有几个", {"value": 8, "unit": "个"}),
    ("云平台方面的项目加起来多少", {"value": 508.81, "unit": "万元"}),
])
def test_name_filters_in_other_quotes_and_by_topic(bigdata, question, expected):
    _check(bigdata, question, expected)


def test_an_amount_naming_one_project_to_describe_is_not_a_set(culture):
    answer = culture.ask("那个80万的体彩项目打算建些什么")  # the amount picks the project; its text is asked
    assert answer.intent != "project_set" and "全民健身路径" in answer.answer, answer.answer


def test_a_topic_no_project_name_holds_is_refused(bigdata):
    assert not bigdata.ask("跟无人机有关的项目有几个").answered


def test_counting_projects_of_a_topic_asks_no_target(culture):
    _check(culture, "和全民健身有关的项目有几个", {"value": 2, "unit": "个"})


@pytest.mark.parametrize(("question", "expected"), [
    ("水库管理所平均每个项目多少钱", {"value": 53.24, "unit": "万元"}),  # (50.00 + 56.48) / 2, its own projects
    ("水库管理所金额为56.48万元的项目有几个", {"value": 1, "unit": "个"}),
])
def test_sets_of_one_subordinate_unit_name_it(water, question, expected):
    answer = _check(water, question, expected)
    assert "水库管理所" in answer.answer, answer.answer


def test_an_exact_amount_no_project_has_is_an_empty_set(culture):
    answer = culture.ask("刚好21万元整的项目有几个")
    assert answer.value == Decimal(0), answer.answer


# -- measure words one character off ---------------------------------------------------------------
@pytest.mark.parametrize(("question", "value"), [
    ("图书馆的基夲支出有多少", "115.35"),
    ("项目支岀是多少", "421.93"),
])
def test_a_measure_word_with_one_wrong_character(culture, question, value):
    answer = culture.ask(question)
    assert answer.value == Decimal(value), answer.answer


def test_a_word_of_the_question_is_never_cut_into_a_cue_typo():
    """项目支出预算: 目支出预算 is one character off 总支出预算, but 目 belongs to 项目."""
    from qa.cue_typos import corrected

    cues = frozenset({"总支出预算", "基本支出"})
    text, fixes = corrected("图书馆项目支出预算是多少", ["支出预算"], cues, [(0, 3)], frozenset())
    assert (text, fixes) == ("图书馆项目支出预算是多少", set())
    text, fixes = corrected("图书馆基夲支出是多少", ["基夲"], cues, [(0, 3)], frozenset())
    assert (text, fixes) == ("图书馆基本支出是多少", {"基本支出"})


def test_a_measure_word_linked_by_a_typo_to_its_glossary_entry_asks_the_amount(culture):
    answer = culture.ask("基本支山是多少")  # 基本支山 links to the glossary's 基本支出 by a typo: the measure asked
    assert answer.value == Decimal("491.80"), answer.answer


def test_a_measure_typo_on_a_generated_document(archives):
    answer = archives.ask("基夲支出是多少")
    assert answer.answered and "基本支出" in answer.answer, answer.answer


# -- targets found by what the question speaks of ----------------------------------------------------
@pytest.mark.parametrize(("fixture", "question", "phrase"), [
    ("culture", "旅游宣传推广经费在游客满意度上定了什么标准？", "游客满意度达到90%以上"),
    ("water", "大中型水库移民后期扶持资金在服务对象满意度方面有什么要求", "服务对象满意度不低于87%"),
    ("archives", "第三方绩效评价服务费关于系统故障定了什么指标", "系统年度故障不超过6次"),
    ("water", "法律顾问服务经费计划培训多少人", "不少于841人次"),  # 多少人: a head count in 人次
])
def test_a_target_by_its_own_words(request, fixture, question, phrase):
    _check(request.getfixturevalue(fixture), question, {"contains": [phrase]})


def test_an_owner_named_by_a_part_keeps_the_target_to_its_own(water):
    answer = water.ask("水库移民后期扶持资金对系统故障定了什么要求")  # another project's words must not tie
    assert answer.answered and "系统年度故障不超过3次" in answer.answer and "整改" not in answer.answer, answer.answer


def test_words_several_targets_speak_of_alike_give_each_of_them(archives):
    answer = archives.ask("对系统故障定了什么指标")  # two projects each state a 系统年度故障 target
    assert answer.answered and answer.value is None, answer.answer
    assert all(p in answer.answer for p in ("不超过11次", "不超过6次")), answer.answer


def test_two_targets_asked_in_one_question_are_both_given(culture):
    answer = culture.ask("旅游宣传推广经费计划拍几部宣传片？推介活动打算办几场？")
    assert all(p in answer.answer for p in ("旅游宣传片1部", "不少于6场")), answer.answer


def test_a_later_question_no_target_answers_is_refused_not_dropped(culture):
    answer = culture.ask("旅游宣传推广经费计划拍几部宣传片？总共花多少钱？")
    assert not answer.answered and "总共花多少钱" in answer.answer, answer.answer


def test_a_target_question_naming_only_its_owner_lists_every_target(culture):
    answer = culture.ask("体育彩票公益金全民健身设施建设项目的绩效指标有哪些")
    assert all(p in answer.answer for p in ("不少于15条", "不少于2个", "100%")), answer.answer


# -- a cited document named by its kind, for one project ----------------------------------------------
def test_a_cited_document_as_the_named_project_cites_it(culture):
    _check(culture, "农村应急广播运维经费引用的区政府常务会议决定事项通知，文号是多少？", {"contains": ["〔2024〕27号"]})


def test_a_cited_document_the_named_project_does_not_cite_is_refused(culture):
    answer = culture.ask("旅游宣传推广经费提到的区政府常务会议决定事项通知是第几号")
    assert not answer.answered and "旅游宣传推广经费" in answer.answer, answer.answer


# -- a glossary entry named with its bracketed alias --------------------------------------------------
@pytest.mark.parametrize("question", ["行政经费（机关运行经费）指的是什么", "请说明行政经费(机关运行经费)的含义"])
def test_a_glossary_entry_with_its_alias_is_its_definition(bigdata, culture, question):
    for service in (bigdata, culture):
        answer = _check(service, question, {"contains": ["维持行政（参公）单位机关运行"]})
        assert answer.intent == "definition", answer.intent

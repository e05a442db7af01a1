"""Sets across two loaded years (issue 10 §6) with a topic or name filter, with a property both
years show, and with names that must not even be near: phrasings of our own on the culture
department's 2024 and 2025 documents in tests/fixtures."""

from __future__ import annotations

from decimal import Decimal

import pytest

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

"""Subordinate units named by a distinctive part of their names and their kind (水库所 for
水库管理所), answered per unit; a unit's basic expenditure by source of funds (表11's columns);
names written with a bracketed alternative (维修（护）费, 因公出国（境）费) read either way
(issue 10 §2, §3). Phrasings of our own; figures read off the documents in tests/fixtures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import FIXTURES, qa_service


@pytest.fixture(scope="module")
def water(tmp_path_factory):
    return qa_service(tmp_path_factory, FIXTURES / "synth" / "synth_seed262.txt")


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("水库所的基本支出是多少", Decimal("46.82"), "万元"),  # 水库管理所: first word and its kind
    ("管理所今年的基本支出有多少万元", Decimal("46.82"), "万元"),  # its last words and its kind
    ("水库所一共有几个项目", Decimal("2"), "个"),  # the unit's own projects, not the department's five
    ("本级的项目支出比水库所多多少", Decimal("2133.52"), "万元"),
    ("水库所基本支出里其他资金有多少", Decimal("0.00"), "万元"),  # a source column of its row in 表11
])
def test_a_unit_named_by_its_short_name(water, question, value, unit):
    answer = water.ask(question)
    assert answer.answered and answer.value == value and answer.unit == unit, answer.answer


@pytest.mark.parametrize("question", ["水库所的办公电话是多少", "水库所现有多少在编人员"])
def test_a_short_name_does_not_answer_what_the_document_lacks(water, question):
    answer = water.ask(question)
    assert not answer.answered and answer.value is None, answer.answer


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("图书馆基本支出中一般公共预算占百分之几", Decimal("100.00"), "%"),  # 115.35 of 115.35 (表11)
    ("文化馆有多少个项目", Decimal("2"), "个"),  # projects counted, not a target in 个
    ("维护费是多少", Decimal("95.83"), "万元"),  # 维修（护）费
    ("出国出境费用是多少", Decimal("0.00"), "万元"),  # 因公出国（境）费
    ("出国（境）方面花了多少", Decimal("0.00"), "万元"),
])
def test_units_sources_and_bracketed_names_culture(culture, question, value, unit):
    answer = culture.ask(question)
    assert answer.answered and answer.value == value and answer.unit == unit, answer.answer


def test_a_units_project_text_is_that_projects(water):
    """「水库所的X经费花在哪方面」: the unit scopes the project; the project's own text answers."""
    answer = water.ask("水库所的法律顾问服务经费准备花在哪方面")
    assert answer.answered and "水资源相关补助政策" in answer.answer and answer.value is None, answer.answer


def test_a_compound_the_text_writes_with_a_word_between(culture):
    """举办活动 (one word of jieba's) in 「举办旅游推介活动不少于6场」: its words in order, a few apart."""
    answer = culture.ask("旅游宣传推广经费对举办活动有什么要求")
    assert answer.answered and "不少于6场" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("在全部单位的项目支出里，文化馆的项目支出占百分之几", Decimal("8.89")),  # 37.50 ÷ 421.93 (表12)
    ("图书馆的项目支出占部门预算的百分之几", Decimal("6.57")),  # another whole: 60.00 ÷ 913.73
])
def test_a_units_share_of_the_whole_the_question_names(culture, question, value):
    answer = culture.ask(question)
    assert answer.answered and answer.value == value and answer.unit == "%", answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("图书馆和文化馆谁的基本支出多？多多少？", Decimal("25.74")),  # who, and by how much: 115.35 − 89.61
    ("文化馆和图书馆谁的项目支出少？少多少", Decimal("22.50")),  # 60.00 − 37.50
])
def test_which_of_two_units_and_by_how_much(culture, question, value):
    answer = culture.ask(question)
    assert answer.answered and answer.value == value, answer.answer


def test_which_of_two_units_alone_is_a_superlative(culture):
    answer = culture.ask("图书馆和文化馆谁的基本支出多")
    assert answer.answered and answer.value == Decimal("115.35") and "图书馆" in answer.answer, answer.answer

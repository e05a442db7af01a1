"""Words that speak about the question, not of a thing it asks for, never block it (issue 10 §2):
the document's own parts and names (表格里, 名字里含…字样), a loaded body pointed at (全局, 该局),
per-item words (单笔), 二者 after two named things. Words asking for what the document does not
hold still refuse, and a department's stated count is not a unit's. Phrasings of our own;
figures read off tests/fixtures/qingcheng_culture_tourism_2025.txt."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("该局今年的三公经费是多少", Decimal("6.00"), "万元"),  # 该局: the loaded bureau, not a body named 该局
    ("全局一共有几个项目", Decimal("12"), "个"),  # 全局: the whole bureau
    ("名字里含“免费开放”字样的项目合计多少", Decimal("45.00"), "万元"),
    ("单笔超过50万元的项目加起来多少钱", Decimal("142.35"), "万元"),
    ("项目支出里电费和基本支出里电费，二者相差多少", Decimal("5.40"), "万元"),
])
def test_words_about_the_question_do_not_block_it(culture, question, value, unit):
    answer = culture.ask(question)
    assert answer.answered and answer.value == value and answer.unit == unit, answer.answer


def test_a_table_named_as_the_place_of_a_term(culture):
    answer = culture.ask("预算表里的“财政拨款收入”指的是什么")
    assert answer.answered and "本级财政部门" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "why"), [
    ("本局图书馆的联系电话是多少", "联系电话"),
    ("请问该局局长的工资是多少", "局长"),
    ("全局的办公地址在哪里", "地址"),
    ("请问江北区财政局的三公经费是多少", "江北区财政局"),  # another body still refuses
    ("图书馆自己有几辆公务车", "图书馆"),  # the department's vehicles are not the library's
])
def test_what_the_document_does_not_hold_still_refuses(culture, question, why):
    answer = culture.ask(question)
    assert not answer.answered and answer.value is None and why in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "why"), [
    ("各镇街分别分到多少全民健身活动经费", "镇街"),  # a breakdown the document does not give
    ("旅游宣传推广经费按月份分别安排多少", "月份"),
])
def test_a_breakdown_by_what_the_document_does_not_split_by(culture, question, why):
    answer = culture.ask(question)
    assert not answer.answered and answer.value is None and why in answer.answer, answer.answer


def test_a_breakdown_by_the_documents_own_sets(culture):
    answer = culture.ask("图书馆和文化馆各自的项目支出分别是多少")
    assert answer.answered and "60.00" in answer.answer and "37.50" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "why"), [
    ("全民健身活动经费里，篮球联赛要花多少钱", "篮球"),  # a part of a project: not stated apart
    ("文物保护单位修缮及安全巡查经费当中，抢救性修缮的金额是多少", "抢救性"),
])
def test_money_of_a_part_of_a_project_is_refused(culture, question, why):
    answer = culture.ask(question)
    assert not answer.answered and answer.value is None and why in answer.answer, answer.answer


def test_money_of_the_project_itself_is_answered(culture):
    answer = culture.ask("全民健身活动经费里面一共多少钱")
    assert answer.answered and answer.value == Decimal("38.00"), answer.answer


def test_the_loaded_body_with_a_locative_is_that_body(bigdata):
    answer = bigdata.ask("中心里有几辆车")  # 中心里: in the loaded 大数据中心 itself
    assert answer.answered and answer.value == 0, answer.answer
    other = bigdata.ask("局里有几辆车")  # no loaded body ends in 局
    assert not other.answered, other.answer

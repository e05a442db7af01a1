"""The items under a class (issue 10 §5), phrasings of our own: a range with both ends keeps both
(超过A不到B); 基本支出's items are its economic table's rows, never the projects; a ranking asked
beside a glossary term is a ranking; a class listed under both expenditures (商品和服务支出 in 表6
and 表7) with neither named is asked back, never answered from one of them. Also: 下属事业单位 names
the subordinate units; a post (主任、站长) is a person the document does not name; a part of a name
written on into a thing of its own (…提升工程) is not that name. Figures read off
tests/fixtures/qingcheng_culture_tourism_2025.txt (表6 lines 575–596, 表7 lines 615–631)."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.mark.parametrize("question", [
    "基本支出的商品和服务支出里，超过3万不到10万的科目有哪些？",
    "麻烦列一下基本支出商品和服务支出中大于3万元、小于10万元的科目",
])
def test_a_range_keeps_both_ends(culture, question):
    answer = culture.ask(question)
    assert sorted(answer.items) == sorted(["办公费", "差旅费", "工会经费", "公务用车运行维护费"]), answer.answer


def test_a_count_in_a_range_of_basic_items(culture):
    answer = culture.ask("基本支出中有几个科目超过20万不到100万")
    assert answer.value == 6, answer.answer  # 奖金 30.80, 绩效工资 42.30, 养老 42.25, 年金 21.12, 医疗 20.02, 公积金 39.21


@pytest.mark.parametrize("question", ["基本支出里最大的科目是什么", "基本支出下面哪一项最多"])
def test_basic_spendings_largest_item_is_no_project(culture, question):
    answer = culture.ask(question)
    assert answer.value == Decimal("112.80") and "基本工资" in answer.answer, answer.answer


def test_a_ranking_beside_a_glossary_term(culture):
    answer = culture.ask("基本支出工资福利支出下面排第二大的科目是什么？")
    assert answer.items == ["津贴补贴"] and answer.value == Decimal("107.61"), answer.answer


@pytest.mark.parametrize("question", ["商品和服务支出下面有哪些科目", "商品和服务支出里最大的科目是哪个"])
def test_a_class_under_both_expenditures_is_asked_back(culture, question):
    answer = culture.ask(question)
    assert not answer.answered and "基本支出" in answer.answer and "项目支出" in answer.answer, answer.answer


def test_the_expenditure_named_picks_the_table(culture):
    answer = culture.ask("项目支出的商品和服务支出里最大的科目")
    assert answer.value == Decimal("101.50") and "委托业务费" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["纳入部门预算的下属事业单位是哪两个？", "局里所属事业单位都有谁"])
def test_subordinate_public_institutions_are_the_units(culture, question):
    answer = culture.ask(question)
    assert sorted(answer.items) == ["清远市清城区图书馆", "清远市清城区文化馆"], answer.answer


@pytest.mark.parametrize("question", ["文化馆的主任是谁", "图书馆站长叫什么名字"])
def test_a_post_names_a_person_the_document_does_not(culture, question):
    assert not culture.ask(question).answered


@pytest.mark.parametrize("question", ["文化遗产股提升工程上年花了多少钱", "文化遗产提升工程上年一共花了多少钱？"])
def test_a_name_written_on_into_a_thing_of_its_own(culture, question):
    answer = culture.ask(question)  # 公共服务和文化遗产股 is an office; its 提升工程 is nothing the document lists
    assert not answer.answered and "970.11" not in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("一般公共预算项目支出是多少", "341.93"),  # 表5 合计 row, not 表3's 421.93 of every fund
    ("政府性基金预算项目支出多少", "80.00"),  # 表9
    ("项目支出是多少", "421.93"),
])
def test_a_fund_before_an_expenditure_is_that_funds_part(culture, question, value):
    assert culture.ask(question).value == Decimal(value)


def test_a_share_of_a_funds_expenditure_takes_that_whole(culture):
    answer = culture.ask("一般公共预算项目支出中，资本性支出占的比重是多少")
    assert "341.93" in answer.answer, answer.answer


def test_a_funds_spending_then_an_expenditure_is_that_funds_part(culture):
    assert culture.ask("政府性基金预算支出里的项目支出是多少").value == Decimal("80.00")


def test_a_class_said_as_a_kind_is_the_class(culture):
    """「商品和服务类（的）支出」「商品服务类科目」: the class 商品和服务支出 said with 类, never the
    procurement figure 服务类 nor the projects."""
    answer = culture.ask("基本支出里商品和服务类的支出是多少")
    assert answer.value == Decimal("54.89"), answer.answer
    answer = culture.ask("项目支出中商品服务类科目有哪些")
    assert "委托业务费" in answer.items and "全民健身活动经费" not in answer.answer, answer.answer

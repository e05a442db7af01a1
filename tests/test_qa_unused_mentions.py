"""Every thing the question names is used by the answer (issue 10 §2, qa.honour.unused_mention): a
class, item, figure or project named and then left out of the answer (the answer neither states it
nor looked it up) makes the reply a refusal naming it. A class named as the set to take parts from
(「X里有哪些」) is used by an answer listing its sub-classes; a measure phrase (人员和公用经费) and
a term (基本支出) scope the answer and ask nothing of their own. Own phrasings; figures read off the
documents in tests/fixtures."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.mark.parametrize(("question", "named"), [
    ("邮电费、租赁费、培训费这三项中哪些超过了100万元？", ("邮电费", "租赁费", "培训费")),
    ("基本工资和绩效工资这两项里面，哪个超过了50万元", ("基本工资", "绩效工资")),
    ("在津贴补贴、奖金两个科目里，有哪些不到10万元", ("津贴补贴", "奖金")),
])
def test_named_items_are_never_replaced_by_other_things(bigdata, question, named):
    """The set asked about is the named items: an answer lists only those, or it is refused naming one."""
    answer = bigdata.ask(question)
    if answer.answered:
        assert all(any(n in item for n in named) for item in answer.items), answer.answer
        assert answer.items or "没有" in answer.answer, answer.answer
    else:
        assert any(f"“{n}”" in answer.answer for n in named), answer.answer


@pytest.mark.parametrize("question", [
    "资本性支出下面都有哪些科目？",
    "项目支出中的资本性支出分成哪几个科目",
    "资本性支出里面有哪几项",
])
def test_a_class_named_as_the_set_is_used_by_its_parts(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.answered and set(answer.items) == {"办公设备购置", "信息网络及软件购置更新"}, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("商品和服务支出里租赁费是多少", Decimal("728.19")),  # a container then its part: the part answers
    ("项目支出中的邮电费安排了多少", Decimal("4.80")),  # a term scopes the column
    ("政府采购里服务类的预算是多少", Decimal("1.00")),  # a figure named as the set of its parts
])
def test_a_scope_named_before_the_part_is_not_held_against_the_answer(bigdata, question, value):
    answer = bigdata.ask(question)
    assert answer.answered and answer.value == value, answer.answer


def test_a_measure_phrase_is_not_an_item(tmp_path_factory):
    """「人员和公用经费」 is 基本支出 (a measure), though 公用经费 alone names 商品和服务支出."""
    from conftest import FIXTURES, qa_service

    service = qa_service(tmp_path_factory, FIXTURES / "synth" / "synth_seed262.txt")
    units = sorted(e.label for e in service.lexicon.entities.values() if e.kind == "budget_unit")
    assert units, "the fixture has subordinate units"
    answer = service.ask(f"{units[0]}人员和公用经费一共多少？")
    assert answer.answered and "公用经费" not in answer.answer, answer.answer


# -- what the question asks for, carried out (qa/data/honour.json operators, per_unit) -----------------
@pytest.mark.parametrize("question", [
    "邮电费在项目支出经济科目里排第几？",
    "租赁费在项目支出的经济科目中按金额排第几",
])
def test_a_rank_asked_is_a_rank_or_a_refusal(bigdata, question):
    answer = bigdata.ask(question)
    assert not answer.answered or "第" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("在1316.25万元的支出总额里，项目支出占多少", Decimal("70.05")),  # the stated whole is the answer's
    ("在900万元的项目支出里，租赁费占多少比重", None),  # no whole of 900万元: refused, never another whole
])
def test_an_amount_the_question_states_is_the_answers(bigdata, question, value):
    answer = bigdata.ask(question)
    if value is None:
        assert not answer.answered and "900" in answer.answer, answer.answer
    else:
        assert answer.answered and answer.value == value, answer.answer


def test_the_parts_asked_are_not_the_whole_given_back(bigdata):
    answer = bigdata.ask("科学技术支出[206]底下列了哪些款项")
    assert not answer.answered or "科学技术支出" not in answer.items, answer.answer


@pytest.mark.parametrize("question", ["中国移动信息费摊到每个月是多少", "办公自动化系统维护费分到每个部门是多少"])
def test_a_share_per_member_the_document_does_not_give_is_refused(bigdata, question):
    answer = bigdata.ask(question)
    assert not answer.answered and "合计" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["基本支出由哪两部分组成？", "基本支出包括哪几块"])
def test_what_a_term_is_made_of_is_its_definition_never_a_list_of_projects(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.answered and "人员支出和公用支出" in answer.answer and not answer.items, answer.answer


@pytest.mark.parametrize("question", ["项目经费平均是多少", "邮电费再加上培训费是多少钱"])
def test_an_average_or_an_addition_asked_is_computed_or_refused(bigdata, question):
    answer = bigdata.ask(question)
    assert not answer.answered or any(w in answer.answer for w in ("平均", "÷", "+")), answer.answer


def test_two_counts_asked_are_both_answered_or_refused(culture):
    answer = culture.ask("体彩健身设施项目要新建多少条路径、多少个运动场")
    assert not answer.answered or ("条" in answer.answer and "个" in answer.answer), answer.answer
    assert not answer.answered or answer.answer.count("不少于") >= 2, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("项目预算倒数第二的是哪个项目", Decimal("2.00")),
    ("排在倒数第二位的项目是哪个，多少钱", Decimal("2.00")),
    ("项目经费倒数第3的是哪一个", Decimal("2.40")),
])
def test_a_rank_counted_from_the_end_is_from_the_smallest(bigdata, question, value):
    answer = bigdata.ask(question)
    assert answer.answered and answer.value == value, answer.answer


@pytest.mark.parametrize("question", ["名称里标着“专线”的项目有哪些", "哪些项目名称写有“专线”"])
def test_a_name_marked_with_a_word_filters_the_projects(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.answered and len(answer.items) == 3 and all("专线" in i for i in answer.items), answer.answer


@pytest.mark.parametrize(("question", "quoted"), [
    ("名称后面缀着“专线”的项目有哪些", "专线"),
    ("叫“维护”什么的项目都列一下", "维护"),
])
def test_a_quoted_word_left_unapplied_is_a_refusal_not_the_whole_list(bigdata, question, quoted):
    answer = bigdata.ask(question)
    assert answer.answered and all(quoted in i for i in answer.items) or f"“{quoted}”" in answer.answer, answer.answer

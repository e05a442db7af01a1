"""What a question leaves out is never what it answers: the head of a left-out phrase (不算司法局那笔
两千多万的X: X) is left out, a class's name said of the one project it begins (除了社区矫正那笔) takes
that project out — a sum that cannot take it out is refused, never given with it — 大头 inside
「把A和B这两个大头扣掉」 ranks nothing, and 「…——那上一年是多少？买车的钱不算」 asks of the thing the
opening names. Phrasings of our own on a generated document (tools.synth seed 3902); expected
figures from its truth."""

from __future__ import annotations

from decimal import Decimal

import pytest


def _by_amount(truth):
    return sorted(truth.projects, key=lambda p: p.amounts[0], reverse=True)


def _figure(truth, label):
    return next(f for f in truth.figures if f.label == label)


def test_the_head_of_a_left_out_phrase_is_left_out(legal):
    service, truth = legal
    first, second = _by_amount(truth)[:2]
    answer = service.ask(f"全部项目里头，不算司法局那笔{int(first.amounts[0])}万的{first.name[:4]}，剩下的金额最大的是哪个项目？")
    assert answer.items == [second.name], answer.answer


def test_a_class_name_said_of_a_project_takes_that_project_out(legal):
    service, truth = legal
    project = next(p for p in truth.projects if p.name.startswith("社区矫正"))
    answer = service.ask("除了社区矫正那笔以外，其余项目加起来多少？")
    assert answer.value == sum(p.amounts[0] for p in truth.projects) - project.amounts[0], answer.answer


def test_big_ones_taken_out_are_not_a_ranking(legal):
    service, truth = legal
    first, second = _by_amount(truth)[:2]
    answer = service.ask(f"把{first.name}和{second.name}这两个大头扣掉，剩下的项目加起来是多少？")
    rest = sum((p.amounts[0] for p in _by_amount(truth)[2:]), Decimal(0))
    assert answer.value == rest, answer.answer


@pytest.mark.parametrize("question", ["养车的钱（公务用车运行维护费）今年{v}万，文件说比上年少了一点——那上一年是安排了多少？买车的钱不算。",
                                      "公车运维这块今年{v}万，说是比上年少了——那它上一年是多少？购车的不算"])
def test_the_thing_of_the_opening_is_asked_when_the_rest_names_only_what_is_left_out(legal, question):
    service, truth = legal
    upkeep = _figure(truth, "公务用车运行维护费")
    assert upkeep.change < 0
    answer = service.ask(question.format(v=upkeep.value))
    assert answer.value == upkeep.value - upkeep.change, answer.answer


def _testing_unit(truth) -> str:
    """The market bureau's subordinate unit whose name ends in 所 (质量计量检测所)."""
    return next(u for u in sorted({p.unit for p in truth.projects}) if u.endswith("所"))


def _unit_projects(truth, unit):
    return sum((p.amounts[0] for p in truth.projects if p.unit == unit), Decimal(0))


def test_a_column_left_out_is_not_the_column_read(market):
    """「只看项目，基本支出不算」「不掺基本支出」: the basic expenditure named is the one not asked."""
    service, truth = market
    unit = _testing_unit(truth)
    short = unit.split("区")[-1]
    answer = service.ask(f"{short}的项目钱是多少？只看项目，基本支出不算。")
    assert answer.value == _unit_projects(truth, unit), answer.answer
    answer = service.ask(f"本级的项目经费和{short}的项目经费相比，本级多出来多少？只比项目，不掺基本支出。")
    assert answer.value == _unit_projects(truth, truth.department) - _unit_projects(truth, unit), answer.answer


def test_what_a_share_leaves_out_is_neither_part_nor_whole(market):
    service, _ = market
    plain = service.ask("一般公共预算基本支出里，工资福利支出那块占的百分比是多少？")
    answer = service.ask("一般公共预算基本支出里，工资福利支出那块占的百分比是多少？（不看项目支出，也不算其他资金那点）")
    assert plain.value is not None and answer.value == plain.value, answer.answer


def test_a_fund_said_to_be_included_asks_the_total(market):
    """「把其他资金那一点也算上」: the unit's class in every fund, not the 其他资金 column."""
    from conftest import truth_row

    service, truth = market
    unit = _testing_unit(truth)
    row = truth_row(truth, 11, "商品和服务支出", unit)
    answer = service.ask(f"{unit.split('区')[-1]}的基本支出里，日常办公运转那块（商品和服务支出）总计多少——把其他资金那一点也算上？")
    assert answer.value == row.amounts[0], answer.answer


@pytest.fixture(scope="module")
def lone_market(tmp_path_factory):
    """A generated market supervision bureau without subordinate units (seed 3908)."""
    from conftest import synth_service

    return synth_service(tmp_path_factory.mktemp("lone"), 3908, "云川市棠溪区市场监督管理局")


def test_units_named_in_an_opening_clause_are_not_the_askers_story(lone_market):
    """「下属的各个市场监管所，基本支出分别是多少」: no such units are loaded; the department's classes are not theirs."""
    service, truth = lone_market
    assert {p.unit for p in truth.projects} == {truth.department}
    answer = service.ask("下属的各个市场监管所，基本支出分别是多少？")
    assert not answer.answered and not answer.items, answer.answer


@pytest.mark.parametrize("question", ["今年政府采购里面，光是买服务的那部分（货物和工程都不算）预算是多少万？",
                                      "政府采购中服务类的是多少（货物与工程不算）"])
def test_what_is_left_out_joins_nothing_asked(legal, question):
    """The 和 of 「（货物和工程都不算）」 joins no two things asked: the part is asked, not its whole beside it."""
    service, truth = legal
    answer = service.ask(question)
    assert answer.value == _figure(truth, "服务类采购预算").value, answer.answer


def test_a_pointer_back_keeps_every_name_of_the_opening(market):
    """「X单位的基本支出里，商品和服务支出有一部分不是财政给的钱，而是其他资金——这部分是多少」: the
    opening names a unit, a class and a fund; the rest's 这部分 is all of them, not the fund alone."""
    from conftest import truth_row

    service, truth = market
    unit = _testing_unit(truth)
    row = truth_row(truth, 11, "商品和服务支出", unit)
    answer = service.ask(f"{unit.split('区')[-1]}的基本支出里，商品和服务支出有一部分不是财政给的钱，而是其他资金——这部分是多少？")
    assert answer.value == row.amounts[6] and unit in answer.answer and "表11" in answer.answer, answer.answer


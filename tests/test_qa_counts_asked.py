"""What a question counts decides what answers it: a head count (多少在编职工) is not an amount, a
thing the document names only as what a figure is spent on (拟购置固定资产…，主要是服务器) is not
counted by another figure in the same unit, 「各花了多少」 asks a figure for each, not one total, and a
month's or a quarter's spending (三月份、第一季度) is not the year's.
Phrasings of our own on a generated document (tools.synth seed 3902); expected figures from its truth."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def goods(legal):
    from tools.synth import generate

    _, truth = legal
    text, _ = generate(3902, department=truth.department)
    said = re.search(r"本年度拟购置固定资产[\d,.]+万元，主要是([^。]+?)等。", text.replace("\n", ""))
    assert said, "the generated document names what it will buy"
    return said.group(1).split("、")


def _figure(truth, label):
    return next(f for f in truth.figures if f.label == label)


@pytest.mark.parametrize("question", ["今年拟购{x}几台？", "打算买几台{x}？", "{x}今年要买多少台"])
def test_a_thing_named_only_in_a_purchase_is_not_counted_by_the_devices_figure(legal, goods, question):
    service, _ = legal
    thing = goods[-1]
    answer = service.ask(question.format(x=thing))
    assert answer.value is None, answer.answer


def test_the_refusal_names_the_thing_counted(legal, goods):
    service, _ = legal
    answer = service.ask(f"今年拟购{goods[-1]}几台")
    assert answer.value is None and goods[-1] in answer.answer, answer.answer


def test_the_devices_and_cars_are_still_counted(legal):
    service, truth = legal
    devices, cars = _figure(truth, "单价在100万元以上的设备"), _figure(truth, "车辆")
    assert service.ask("单价一百万以上的设备有几台？").value == devices.value
    assert service.ask("局里现在账面上有几辆公车？").value == cars.value


def _unit(truth):
    """A subordinate unit's name without the district (质量计量检测所)."""
    unit = sorted({p.unit for p in truth.projects} - {truth.department})[-1]
    return re.split(r"[区县]", unit)[-1]


@pytest.mark.parametrize("question", ["{u}现在有多少在编职工？", "{u}一共多少名员工？", "{u}有多少干部呢", "局里有几个工作人员",
                                      "{u}现在有多少在编在岗的人？", "{u}的档案一共有多少卷？"])
def test_a_head_count_is_never_answered_with_an_amount(market, question):
    service, truth = market
    answer = service.ask(question.format(u=_unit(truth)))
    assert answer.value is None, answer.answer


def test_each_spent_asks_a_figure_for_each(market):
    service, truth = market
    project = max(truth.projects, key=lambda p: p.amounts[0])
    whole = service.ask(f"{project.name}花了多少钱？")
    assert whole.value == project.amounts[0], whole.answer
    answer = service.ask(f"{project.name}具体采购了哪些东西、各花了多少钱？")
    assert answer.value is None, answer.answer


def _goal_with(truth, unit):
    return next((g, t) for g in truth.goals for t in g.targets if t.unit == unit)


def test_a_target_of_another_act_does_not_count_what_is_asked(legal):
    """「X一共聘了多少次」 beside X's only target in 次 (开展法治检查不少于7次): no target says 聘."""
    service, truth = legal
    goal, _ = _goal_with(truth, "次")
    answer = service.ask(f"{goal.project}今年一共聘了多少次？")
    assert answer.value is None, answer.answer


@pytest.mark.parametrize("question", ["{p}的绩效目标里，法治检查全年至少搞几次？", "{p}的目标里，检查一年要做多少次"])
def test_a_target_asked_with_its_own_words_is_answered(legal, question):
    service, truth = legal
    goal, target = _goal_with(truth, "次")
    answer = service.ask(question.format(p=goal.project))
    assert answer.value == target.value, answer.answer


def test_a_class_inside_a_project_after_its_amount_is_not_given(legal):
    """「X两千多万，其中办公费具体是多少」: no document breaks a project down by class; the class's
    department-wide row is not the project's."""
    service, truth = legal
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"{project.name}{int(project.amounts[0])}万，其中办公费具体是多少？")
    assert answer.value is None and not answer.answered, answer.answer


@pytest.mark.parametrize("question", ["{p}三月份花了多少？", "{p}第一季度安排了多少", "{p}上半年用了多少钱", "{p}12月份支出多少"])
def test_a_part_of_the_year_is_not_the_years_figure(legal, question):
    """A budget gives the year's figures: a month's or a quarter's is not stated."""
    service, truth = legal
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(question.format(p=project.name))
    assert not answer.answered, answer.answer

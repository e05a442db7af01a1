"""Things pointed at and names joined (issue 10): 它 in a share is the thing named before it, and the
whole keeps its 本级; 两家 after the two units are described (…都是局属事业单位) is those two, not the
department's total; a name written with 和 for its 及 (档案整理和数字化加工费) is one project, the unit's own
one when a unit is said, as is a misspelt name two projects hold; 基本支出那笔 is the other side's thing in
基本支出. Phrasings of our own on generated documents (tools.synth); figures from the documents' truth."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import synth_service, truth_row


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """A generated city-management bureau with three units; 档案整理及数字化加工费 under 本级 (seed 3920)."""
    return synth_service(tmp_path_factory.mktemp("city"), 3920, None)


@pytest.fixture(scope="module")
def schools(tmp_path_factory):
    """A generated education bureau with two centres (seed 3923)."""
    return synth_service(tmp_path_factory.mktemp("schools"), 3923, None)


@pytest.fixture(scope="module")
def statistics(tmp_path_factory):
    """A generated statistics bureau: 档案整理及数字化加工费 under its centre, 鹿鸣县档案整理… under 本级 (seed 3977)."""
    return synth_service(tmp_path_factory.mktemp("statistics"), 3977, None)


def test_it_in_a_share_keeps_the_whole_said(city):
    service, _ = city
    plain = service.ask("档案整理及数字化加工费占本级项目支出的百分之多少？")
    department = service.ask("档案整理及数字化加工费占项目支出的百分之多少？")
    own_whole, department_whole = plain.rows[-1]["金额"], department.rows[-1]["金额"]
    assert plain.value is not None and own_whole != department_whole, (plain.answer, department.answer)
    answer = service.ask("档案整理及数字化加工费一个项目就不少钱，它占本级项目支出的百分之多少？")
    assert answer.value == plain.value and answer.rows[-1]["金额"] == own_whole, answer.answer


def test_both_units_after_they_are_described(schools):
    service, _ = schools
    asked = service.ask("教师发展中心和学生资助管理中心的基本支出相差多少？")
    assert asked.answered and asked.value is not None, asked.answer
    answer = service.ask("教师发展中心和学生资助管理中心都是局属事业单位，我想比比它们的盘子。两家的基本支出相差多少？")
    assert answer.value == asked.value, answer.answer


def test_a_name_with_he_for_its_ji_under_the_unit_said(statistics):
    service, truth = statistics
    own = next(p for p in truth.projects if p.name == "鹿鸣县档案整理及数字化加工费")
    answer = service.ask("我看到统计普查中心有个档案整理及数字化加工费。那局本级自己的那个档案整理和数字化加工费是多少？")
    assert answer.value == own.amounts[0], answer.answer


@pytest.fixture(scope="module")
def culture(tmp_path_factory):
    """A generated culture bureau with 12345…经费 under its 文化馆 and 映山区“十五五”12345…经费 under 本级 (seed 56280)."""
    return synth_service(tmp_path_factory.mktemp("culture"), 56280, "鹤川市映山区文体旅游局", 2025)


@pytest.mark.parametrize(("question", "unit"), [
    ("文化馆那个12345政务服务便民热线工单办里经费有多少？", "鹤川市映山区文化馆"),
    ("映山区文体旅游局本级那个12345政务服务便民热线工单办里经费有多少？", "鹤川市映山区文体旅游局"),
])
def test_a_misspelt_name_two_projects_hold_is_the_units_own(culture, question, unit):
    service, truth = culture
    own = next(p for p in truth.projects if "12345" in p.name and p.unit == unit)
    answer = service.ask(question)
    assert answer.value == own.amounts[0], answer.answer


def test_a_measure_and_a_pointer_is_the_other_sides_thing(legal):
    service, truth = legal
    basic, project = truth_row(truth, 6, "办公费").amounts[0], truth_row(truth, 7, "办公费").amounts[0]
    answer = service.ask("看到有两笔办公费，一笔在基本支出里，一笔在项目支出里。项目支出的办公费是基本支出那笔的多少倍？")
    assert answer.value == (project / basic).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer

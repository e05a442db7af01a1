"""Units, pointers and picks told in passing (issue 10 §2, §3, §5), phrasings of our own on generated
documents (tools.synth; expected figures from their truth): 本级（不含两个事业单位）, 不算A和B (two units left out),
它 after 「X是Y下面的事业单位」 (X), 两个X（含2025年度那个）, a clause picking a project by its rank (2025年金额最大的
那个项目，2024年的同名项目…), a class said with 支出 (网信事务支出), a name read near a glossary term the answer does
not use (refused), and 这两个项目 after two names said in part."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import synth_service, synth_years_service


@pytest.fixture(scope="module")
def farming(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("farming"), 56170, "青岚市松汀区农业农村局", 2025)


@pytest.fixture(scope="module")
def data_centre(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("data"), 56151, "北渚市岑口县政务数据服务中心", 2025)


@pytest.fixture(scope="module")
def justice_bureau(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("justice"), 56150, "鹤川市映山区司法局", 2025)


def _basic(truth, unit: str) -> Decimal:
    """A unit's basic expenditure: its row of 表11 (the basic expenditure by unit), 总计."""
    return next(r.amounts[0] for r in truth.table(11).rows if r.kind == "unit" and r.label == unit)


def test_the_department_itself_with_two_units_left_out_by_their_count(urban_2025):
    service, truth = urban_2025
    assert len(truth.subordinate_units) == 2
    answer = service.ask("我在对比几个单位的运转成本，想知道城管局本级（不含两个事业单位）的基本支出是多少？")
    assert answer.value == _basic(truth, truth.department), answer.answer


def test_two_units_left_out_before_the_department_itself(urban_2025):
    service, truth = urban_2025
    own = [p for p in truth.projects if p.unit == truth.department]
    a, b = (u[-3:] for u in truth.subordinate_units)
    answer = service.ask(f"不算{a}和{b}，光执法局本级一共有几个项目？")
    assert answer.value == len(own), answer.answer


def test_it_after_a_unit_said_to_be_under_the_bureau(reform_2025):
    service, truth = reform_2025
    unit = truth.subordinate_units[0]
    short = unit[6:]
    answer = service.ask(f"{short}是发改局下面的事业单位，我想知道它维持日常运转要花多少，也就是基本支出总计是多少？")
    assert answer.value == _basic(truth, unit), answer.answer


def test_two_siblings_one_of_a_year_counted_together(farming):
    service, truth = farming
    alike = [p for p in truth.projects if p.name.endswith("村级组织运转经费补助")]
    assert len(alike) == 2
    answer = service.ask("两个“村级组织运转经费补助”（含二〇二五年度那个）加起来多少")
    assert answer.value == sum(p.amounts[0] for p in alike), answer.answer


def test_a_project_picked_by_its_rank_in_a_clause_of_its_own(tmp_path_factory):
    service, earlier, later = synth_years_service(tmp_path_factory.mktemp("farm2"), 56162, "鹤川市岚岗县农业农村局")
    top = max(later.projects, key=lambda p: p.amounts[0])
    before = [p for p in earlier.projects if p.name == top.name]
    answer = service.ask("2025年金额最大的那个项目，2024年的同名项目安排了多少？")
    if before:
        assert answer.value == before[0].amounts[0], answer.answer
    else:
        assert answer.value is None, answer.answer


def test_a_class_said_with_zhichu(data_centre):
    service, truth = data_centre
    row = next(r for r in truth.table(3).rows if r.label == "网信事务")
    total = next(r for r in truth.table(1).rows if r.kind == "total" and r.side == "支出").amounts[0]
    answer = service.ask("网信事务支出占总支出几成？")
    assert answer.value == (row.amounts[0] / total * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_word_read_near_a_glossary_term_the_answer_does_not_use_is_refused(data_centre):
    service, truth = data_centre
    assert not any(r.label == "行政运行" for r in truth.table(3).rows)
    answer = service.ask("行政运行支出是多少")
    assert answer.value is None and "无法回答" in answer.answer, answer.answer


def test_these_two_projects_after_two_names_said_in_part(justice_bureau):
    service, truth = justice_bureau
    def project(part):
        return next(p for p in truth.projects if part in p.name)
    a, b = project("物业"), project("法律援助")
    answer = service.ask("我注意到办公楼物业那笔钱比法律援助补贴高出一大截，这两个项目具体差了多少万元？")
    assert answer.value == abs(a.amounts[0] - b.amounts[0]), answer.answer


def test_a_stretch_opening_inside_a_time_names_no_body(tmp_path_factory):
    service, truth = synth_service(tmp_path_factory.mktemp("labour"), 56160, "青岚市松汀区人力资源和社会保障局", 2025)
    answer = service.ask("听说人社局这两年服务大厅改造了不少，家底应该挺厚。截至2025年1月底，他们的固定资产金额有多少？")
    assert answer.value == truth.figure("固定资产").value, answer.answer


def test_a_body_named_like_a_class_with_zhichu_is_the_body(tmp_path_factory):
    """「档案馆支出总额」: the archive's expenditure total, not the class 档案馆 said with 支出."""
    service, truth = synth_service(tmp_path_factory.mktemp("archive"), 56112, "青岚市鹿鸣县档案馆", 2025)
    total = next(r for r in truth.table(1).rows if r.kind == "total" and r.side == "支出").amounts[0]
    answer = service.ask("档案馆支出总额是多少")
    assert answer.value == total, answer.answer

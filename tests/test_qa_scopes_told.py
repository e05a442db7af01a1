"""Scopes told in passing (issue 10 §2, §5, §6), phrasings of our own on generated documents (tools.synth;
expected figures from their truth): 就X看 (X is the whole of a share), 除了A，还有B (besides A: nothing
taken out), a department named before its years (档案馆2024年和2025年的预算总额: the department, not the class
档案馆), a class whose words only the listed names hold (用彩票公益金安排的项目: refused, never every project),
a story naming one year and 今年 (two years, not the one), and a unit's change in a year whose year before
is not loaded (refused, never the year's figure)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import synth_service, synth_years_service


@pytest.fixture(scope="module")
def centre(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("centre"), 56130, "澜溪市竹湾县政务数据服务中心", 2025)


@pytest.fixture(scope="module")
def market_2025(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("market"), 56121, "青岚市松汀区市场监督管理局", 2025)


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    return synth_years_service(tmp_path_factory.mktemp("archives"), 56112, "青岚市鹿鸣县档案馆")


def _row(truth, table: int, label: str) -> Decimal:
    return next(r.amounts[0] for r in truth.table(table).rows if r.label == label)


@pytest.mark.parametrize("question", ["就基本支出看，工资福利支出占了百分之多少？", "有人说钱都花在人头上。单从基本支出来看，工资福利支出占几成？",
                                      "从基本支出来说，工资福利支出的比重是多少"])
def test_the_whole_said_as_a_view(centre, question):
    service, truth = centre
    part, whole = _row(truth, 6, "工资福利支出"), next(r.amounts[0] for r in truth.table(6).rows if r.kind == "total")
    answer = service.ask(question)
    assert answer.value == (part / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_besides_a_in_a_story_takes_nothing_out(market_2025):
    service, truth = market_2025
    wages = [r for r in truth.table(6).rows if r.code and r.code.startswith("301") and len(r.code) == 5]
    top = max(wages, key=lambda r: r.amounts[0])
    answer = service.ask("人员经费中，除了养老、医保这些缴费，还有工资、津贴各项。基本支出的工资福利支出里哪一项最高？")
    assert answer.value == top.amounts[0] and top.label in answer.answer, answer.answer


def test_the_department_named_before_its_years_is_the_department(archives):
    service, earlier, later = archives
    def income(truth):
        return next(r for r in truth.table(1).rows if r.kind == "total" and r.side == "收入").amounts[0]
    answer = service.ask("档案馆2024年和2025年的预算总额加起来是多少？")
    assert answer.value == income(earlier) + income(later), answer.answer


@pytest.mark.parametrize("question", ["用彩票公益金安排的项目有哪几个？", "彩票公益金安排的项目有哪些"])
def test_a_class_only_the_listed_names_hold_is_not_honoured_by_them(civil_2025, question):
    service, truth = civil_2025
    assert sum("彩票公益金" in p.name for p in truth.projects) < len(truth.projects)
    answer = service.ask(question)
    assert answer.value is None and len(answer.items) < len(truth.projects), answer.answer


def _unit_projects(truth, unit: str) -> Decimal:
    return sum((p.amounts[0] for p in truth.projects if p.unit == unit), Decimal(0))


def test_a_story_naming_a_year_and_this_year_asks_across_both(emergency_years):
    service, earlier, later = emergency_years
    unit = later.subordinate_units[0]
    change = _unit_projects(later, unit) - _unit_projects(earlier, unit)
    answer = service.ask(f"{unit[-8:]}2024年只有几个小项目，今年一下子多了不少。它的项目支出{'增加' if change > 0 else '减少'}了多少？")
    assert answer.value == abs(change), answer.answer


def test_a_units_change_in_the_first_loaded_year_is_refused(emergency_years):
    service, _, later = emergency_years
    unit = later.subordinate_units[0]
    answer = service.ask(f"2024年{unit[-8:]}项目支出增加了多少？")
    assert answer.value is None and "无法回答" in answer.answer, answer.answer


def test_a_measure_the_story_introduces_with_a_colon_scopes_the_items(legal):
    """「我在看基本支出的明细：A和B合计」: the items of 基本支出 (表6), not refused as named in two tables."""
    service, truth = legal
    expected = _row(truth, 6, "办公费") + _row(truth, 6, "差旅费")
    answer = service.ask("我在看基本支出的明细：办公费和差旅费合计是多少？")
    assert answer.value == expected, answer.answer


def test_a_sum_with_one_item_missing_is_refused_not_the_other_alone(legal):
    service, truth = legal
    assert not any(r.label == "差旅费" for r in truth.table(7).rows)
    for question in ("项目支出里办公费和差旅费合计是多少？", "我在核对项目支出的几项开支：办公费和差旅费合计是多少？"):
        answer = service.ask(question)
        assert answer.value is None and "差旅费" in answer.answer, answer.answer


def test_a_counted_pointer_keeps_the_story_that_names_its_members(centre):
    service, truth = centre
    rows = {r.label: r.amounts[0] for r in truth.table(7).rows if r.code and len(r.code) == 5}
    a, b = sorted(rows, key=rows.get, reverse=True)[:2]
    answer = service.ask(f"我注意到项目支出的经济分类里既有{a}又有{b}，{b}还不少。请问这两项相差多少万元？")
    assert answer.value == rows[a] - rows[b], answer.answer


def test_a_story_of_what_the_asker_wants_to_see_keeps_its_measure(legal):
    """「我想看看项目支出的钱都花在什么类型上。…哪一项占大头」: 想看看 is no guess; the items are 项目支出's."""
    service, truth = legal
    rows = [r for r in truth.table(7).rows if r.code and len(r.code) == 5]
    top = max(rows, key=lambda r: r.amounts[0])
    answer = service.ask("我想看看项目支出的钱都花在什么类型上。按经济科目明细（办公费、印刷费这一级）看，哪一项占大头？")
    assert answer.value == top.amounts[0] and top.label in answer.answer, answer.answer


def test_a_name_filter_in_the_story_pointed_back_at(legal):
    service, truth = legal
    held = [p for p in truth.projects if "经费" in p.name]
    assert 2 <= len(held) < len(truth.projects)
    answer = service.ask("刚才看到有几个项目名字里都带“经费”，我想把它们合在一起算算，加起来一共多少钱？")
    assert answer.value == sum(p.amounts[0] for p in held), answer.answer


def test_a_unit_said_to_act_as_a_subordinate_unit_asked_its_projects(market):
    service, truth = market
    unit = truth.subordinate_units[0]
    own = [p.name for p in truth.projects if p.unit == unit]
    answer = service.ask(f"{unit[6:]}作为下属事业单位，好像也承担项目，具体是哪些项目？")
    assert sorted(answer.items) == sorted(own), answer.answer


def test_the_average_of_listed_items(legal):
    service, truth = legal
    rows = [r for r in truth.table(6).rows if r.code and r.code.startswith("301") and len(r.code) == 5 and r.amounts[0]][:3]
    assert len(rows) == 3 and len({r.label for r in rows}) == 3
    answer = service.ask(f"{rows[0].label}、{rows[1].label}、{rows[2].label}这三项平均每项多少钱？")
    mean = (sum(r.amounts[0] for r in rows) / 3).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert answer.value == mean, answer.answer

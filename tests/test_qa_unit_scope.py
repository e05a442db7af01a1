"""Per-unit questions in a department with subordinate units (issue 10 §5), on a generated
document (tests/fixtures/synth/synth_seed262.txt: 水利局 本级, 水库管理所, 水利工程建设管理中心;
表11 basic expenditure by unit with its sources of funds, 表12 projects by unit). Phrasings are
written for these tests; the figures were read off the document: a unit's source-of-funds column
and its zeros, a unit's share of the department's column or budget, a project's share of its
unit's projects, two units compared, a unit's project described, and names that must not be
guessed (a mistyped department is not its unit; 是/在 beside a name are not typos in it)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import qa_service

from qa.service import QAService

SYNTH = Path(__file__).parent / "fixtures" / "synth" / "synth_seed262.txt"


@pytest.fixture(scope="module")
def water(tmp_path_factory) -> QAService:
    return qa_service(tmp_path_factory, SYNTH)


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("水库管理所基本支出里的其他资金是多少", "0", "万元"),  # a zero in the unit's row, not a refusal
    ("请问水利工程建设管理中心基本支出中其他资金有多少", "37.02", "万元"),
    ("水库管理所项目支出中政府性基金是多少", "56.48", "万元"),  # 政府性基金 names the column 政府性基金预算
    ("水库管理所项目支出里一般公共预算安排了多少", "50", "万元"),
    ("水利工程建设管理中心的基本支出当中，其他资金大概占百分之几", "11.04", "%"),  # 37.02 ÷ 335.43
    ("水库管理所项目支出中，政府性基金占多大比例", "53.04", "%"),  # 56.48 ÷ 106.48
])
def test_a_units_source_of_funds(water, question, value, unit):
    answer = water.ask(question)
    assert answer.answered, answer.answer
    assert answer.value == Decimal(value) and answer.unit == unit, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("水库管理所项目支出在整个部门项目支出中的比重", "4.54"),  # 106.48 ÷ 2,346.48 (表12 合计)
    ("所有项目支出里，水库管理所的项目占多少比例", "4.54"),  # the whole named first
    ("水库管理所的预算（基本加项目）占全部门预算的百分比", "4.23"),  # (46.82 + 106.48) ÷ 3,624.63
    ("大中型水库移民后期扶持资金在水库管理所项目支出里占几成", "53.04"),  # 56.48 ÷ 106.48
])
def test_shares_within_units_and_the_department(water, question, value):
    answer = water.ask(question)
    assert answer.answered, answer.answer
    assert answer.value == Decimal(value) and answer.unit == "%", answer.answer


def test_a_share_whose_whole_is_not_said_names_the_choice(water):
    answer = water.ask("水库管理所项目支出占比是多少")
    assert not answer.answered and "部门项目支出合计" in answer.answer and "本年支出合计" in answer.answer


def test_no_share_of_a_project_listed_under_another_unit(water):
    answer = water.ask("档案整理及数字化加工费在水库管理所项目支出中占多少比例")  # a project of 本级
    assert not answer.answered and "其他单位" in answer.answer


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("水库管理所与水利工程建设管理中心，哪家基本支出高？高多少", "288.61", "万元"),  # 335.43 − 46.82
    ("本级的项目支出是水库管理所的多少倍", "21.04", "倍"),  # 2,240.00 ÷ 106.48
    ("本级基本支出里的工资和福利支出是水库管理所的几倍", "18.44", "倍"),  # 802.70 ÷ 43.54: 是 is not part of the name
])
def test_two_units_compared(water, question, value, unit):
    answer = water.ask(question)
    assert answer.answered, answer.answer
    assert answer.value == Decimal(value) and answer.unit == unit, answer.answer


def test_a_project_of_a_unit_is_described_by_its_own_text(water):
    answer = water.ask("水库管理所的法律顾问服务经费是做什么的")
    assert answer.answered and "覆盖镇（街）不少于7个" in answer.answer
    assert not water.ask("本级的法律顾问服务经费用来干什么").answered  # listed under 水库管理所 only


def test_a_mistyped_department_is_not_its_unit(water):
    """「竹湾县水利居」 shares only the department's part of 水利工程建设管理中心's name."""
    answer = water.ask("竹湾县水利居本级的项目支出是多少")
    assert answer.value == Decimal("2240.00"), answer.answer
    assert "建设管理中心" not in answer.answer


def test_a_unit_is_named_by_its_short_name(water):
    assert water.ask("水库所的基本支出是多少").value == Decimal("46.82")  # 水库管理所: first word + suffix


def test_a_department_wide_count_is_not_a_units(water):
    answer = water.ask("水库管理所名下有几辆车")  # 车辆 are stated for the whole department only
    assert not answer.answered and "水库管理所" in answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("水利局本级基本支出里财政拨款有多少", "895.90"),  # 财政拨款 links the line 预算拨款: still the column
    ("水利工程建设管理中心的财政拨款是多少", "298.41"),  # no column word: basic + project
    ("水库管理所与本级相比，基本支出差多少", "849.08"),  # the measure after 相比 holds for both units
    ("本级的商品和服务支出占基本支出的百分比", "10.40"),  # 93.20 ÷ 895.90: 本级's own basic expenditure
])
def test_the_unit_named_scopes_every_part(water, question, value):
    answer = water.ask(question)
    assert answer.answered, answer.answer
    assert answer.value == Decimal(value), answer.answer


def test_the_units_list_marks_the_department_itself(water):
    answer = water.ask("竹湾县水利局有哪几个预算单位")
    assert "澜溪市竹湾县水利局（本级）" in answer.answer and "澜溪市竹湾县水库管理所" in answer.answer


def test_a_units_projects_are_counted_not_a_target(water):
    assert water.ask("水库管理所一共有几个项目？").value == Decimal(2)


@pytest.mark.parametrize(("question", "value"), [
    ("水库管理所和水利工程建设管理中心这两家单位的基本支出一共多少", "382.25"),  # 两家 names these two, not all
    ("本级的项目支出比下属单位合计多多少", "2133.52"),  # 2,240.00 − 106.48: 管理中心 lists no project
    ("水库管理所的基本支出占下属单位基本支出合计的比例", "12.25"),  # 46.82 ÷ (46.82 + 335.43)
    ("水库管理所项目支出占水库管理所全部支出的比重", "69.46"),  # 106.48 ÷ (46.82 + 106.48)
])
def test_wholes_made_of_units(water, question, value):
    answer = water.ask(question)
    assert answer.answered, answer.answer
    assert answer.value == Decimal(value), answer.answer


def test_the_subordinate_units_leave_the_department_out(water):
    answer = water.ask("下属单位里哪个单位的基本支出最高？")
    assert answer.value == Decimal("335.43") and "建设管理中心" in answer.answer, answer.answer


def test_a_units_change_over_the_year_is_not_in_one_years_document(water):
    answer = water.ask("水库管理所的项目支出比上年增加了多少")  # 表12 gives this year's units only
    assert not answer.answered and "上年" in answer.answer


def test_one_units_projects_are_listed_and_ranked_not_summed(water):
    listed = water.ask("水库管理所的项目有哪些")
    assert "法律顾问服务经费" in listed.answer and "大中型水库移民后期扶持资金" in listed.answer
    largest = water.ask("水库管理所项目支出里最大的是哪个")
    assert largest.value == Decimal("56.48") and "移民后期扶持资金" in largest.answer, largest.answer


def test_a_project_named_with_its_unit(water):
    assert water.ask("水库管理所那笔法律顾问服务经费有多少钱").value == Decimal("50.00")
    answer = water.ask("本级的大中型水库移民后期扶持资金是多少")  # listed under 水库管理所 only
    assert not answer.answered and "水库管理所" in answer.answer, answer.answer


def test_including_the_subordinate_units_is_every_unit(water):
    assert water.ask("水利局（含下属单位）的项目支出是多少").value == Decimal("2346.48")  # 2,240.00 + 106.48


def test_each_units_figure_asked_is_listed_not_summed(water):
    answer = water.ask("本级和水库管理所的基本支出分别是多少")
    assert answer.value is None and "895.90" in answer.answer and "46.82" in answer.answer, answer.answer


def test_a_units_column_against_the_department_alone_names_the_choice(water):
    answer = water.ask("水库管理所的项目支出占整个部门的比重")  # of 表12's 合计 or of the whole budget?
    assert not answer.answered and "还是" in answer.answer
    assert water.ask("水库管理所的项目支出占部门预算的比例").value == Decimal("2.94")  # 106.48 ÷ 3,624.63


@pytest.mark.parametrize("question", [
    "水库管理所的基本支出和项目支出加起来占部门支出总额的比例",
    "水库管理所的基本支出和项目支出这两块加一起，占部门支出总额的百分之几",  # 加一起: a sum word too
    "水库管理所的基本支出和项目支出合在一起占部门支出总额多大比例？",
])
def test_a_sum_of_a_units_columns_stays_the_units(water, question):
    answer = water.ask(question)
    assert answer.value == Decimal("4.23"), answer.answer  # (46.82 + 106.48) ÷ 3,624.63


def test_a_units_project_in_one_source_of_funds(water):
    answer = water.ask("水库管理所的大中型水库移民后期扶持资金里一般公共预算安排了多少")
    assert answer.value == Decimal("0.00"), answer.answer  # all of it is 政府性基金预算 (56.48)


@pytest.mark.parametrize(("question", "value"), [
    ("三家单位平均每个单位的基本支出是多少", Decimal("426.05")),  # (895.90 + 46.82 + 335.43) ÷ 3
    ("各个单位的项目支出平均每家多少", Decimal("782.16")),  # (2,240.00 + 106.48 + 0.00) ÷ 3
    ("下属单位平均每家的预算是多少", Decimal("244.37")),  # (153.30 + 335.43) ÷ 2, each unit basic + project
    ("平均每个单位的基本支出有多少", Decimal("426.05")),
    ("每家单位基本支出的平均值", Decimal("426.05")),
])
def test_an_average_over_units(water, question, value):
    answer = water.ask(question)
    assert answer.value == value and "÷" in answer.answer, answer.answer


def test_an_average_over_a_number_of_units_the_document_does_not_have_is_refused(water):
    answer = water.ask("两家单位平均的基本支出")
    assert not answer.answered and "3个单位" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["各单位基本支出分别多少", "每个单位的基本支出分别是多少", "各个单位的基本支出各自是多少"])
def test_each_unit_asked_one_by_one_is_no_breakdown_the_document_lacks(water, question):
    answer = water.ask(question)
    assert answer.answered and all(v in answer.answer for v in ("895.90", "46.82", "335.43")), answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("办公费在项目支出里比在基本支出里多多少", Decimal("207.37")),  # 238.46 − 31.09 (表7, 表6)
    ("办公费在基本支出中比在项目支出中少了多少", Decimal("207.37")),
    ("办公费在项目支出里是在基本支出里的几倍", Decimal("7.67")),  # 238.46 ÷ 31.09
])
def test_one_item_in_two_kinds_of_expenditure(water, question, value):
    """「X在A里比在B里」: the second side names only where; its subject is the first side's item."""
    answer = water.ask(question)
    assert answer.value == value and "238.46" in answer.answer and "31.09" in answer.answer, answer.answer


def test_a_source_of_funds_left_out_is_not_the_column(market):
    """「X基本支出中由其他资金负担的工资福利支出是多少？（不要财政拨款那部分）」: the 其他资金 column."""
    service, truth = market
    table = truth.table(11)
    other = table.columns.index("其他资金")
    funded = table.columns.index("财政拨款合计")
    row = next(r for r in table.rows if r.label == "工资和福利支出" and r.unit != truth.department and r.amounts[funded] != r.amounts[other])
    name = row.unit.removeprefix(truth.region)
    answer = service.ask(f"{name}的基本支出中，由“其他资金”负担的工资和福利支出是多少？（不要财政拨款那部分）")
    assert answer.value == row.amounts[other], answer.answer


def test_a_units_project_money_in_plain_words_as_a_share(market):
    """「X的项目钱占全部项目钱的百分之几」: the unit's 表12 row over the 合计 row."""
    from qa.answer import percent

    service, truth = market
    table = truth.table(12)
    total = next(r for r in table.rows if r.kind == "total").amounts[0]
    unit = next(r for r in table.rows if r.kind == "unit" and r.label != truth.department)
    answer = service.ask(f"{unit.label.removeprefix(truth.region)}的项目钱占全部项目钱的百分之几？")
    assert answer.value == percent(unit.amounts[0], total), answer.answer


def test_the_department_itself_without_its_units(market):
    """「局本级（不含下属单位）的基本支出」: 不含 is no 含 — the department's own row, never every unit's."""
    service, truth = market
    own = next(r for r in truth.table(11).rows if r.kind == "unit" and r.label == truth.department)
    answer = service.ask("局本级（不含下属单位）的基本支出是多少？")
    assert answer.value == own.amounts[0], answer.answer

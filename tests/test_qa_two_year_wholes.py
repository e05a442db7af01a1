"""Wholes across two years (issue 10): 「按两年收支总表的总额算，增长率」 is 表1's 收入总计 (= 支出总计) of each year;
an instruction on the sign (下降的话给正数) is no unknown word and is followed. Phrasings of
our own on a generated emergency bureau with a unit (tools.synth seed 56142) in two years."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from conftest import figure_value, truth_row


def _rounded(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


def test_the_total_of_table_one_grows(emergency_years):
    service, earlier, later = emergency_years
    a, b = (truth_row(t, 1, "收入总计").amounts[0] for t in (earlier, later))
    answer = service.ask("按两年收支总表的总额算，增长率到底是多少？")
    assert answer.value == _rounded((b - a) / a * 100) and answer.unit == "%", answer.answer


def test_a_sign_instruction_is_heard(emergency_years):
    service, earlier, later = emergency_years
    unit = "鹤川市岚岗县应急救援指挥中心"
    shares = [truth_row(t, 11, unit).amounts[0] / truth_row(t, 11, "合计").amounts[0] * 100 for t in (earlier, later)]
    answer = service.ask("指挥中心基本支出占部门基本支出的比重，2025年比2024年变了多少个百分点？（下降的话给正数）")
    assert answer.value == _rounded(shares[0] - shares[1]), answer.answer  # a fall positive, so a rise negative


def test_a_top_against_a_total_is_not_two_tops(emergency_years):
    service, _, _ = emergency_years
    answer = service.ask("2024年最大的单个项目比2025年全部项目支出加起来还多多少？")
    assert not answer.answered, answer.answer


def test_a_section_said_is_where_to_look(emergency_years):
    service, earlier, later = emergency_years
    rooms = [figure_value(t, "房屋") for t in (earlier, later)]
    answer = service.ask("看国有资产部分，2024年房屋面积有不少平方米。两年间房屋面积变化了多少平方米？")
    assert answer.value is not None and abs(answer.value) == abs(rooms[1] - rooms[0]) and answer.unit == "平方米", answer.answer


def test_a_class_said_gone_is_nought_that_year(emergency_years):
    service, earlier, _ = emergency_years
    value = next(r.amounts[0] for r in earlier.table(5).rows if r.code == "2101103")
    answer = service.ask("2101103公务员医疗补助2024年有安排，2025年没有了，减少了多少？")
    assert answer.value == value and "按0计" in answer.answer, answer.answer


def test_a_class_a_years_tables_list_not_is_nought_said_so(emergency_years):
    service, earlier, _ = emergency_years
    value = next(r.amounts[0] for r in earlier.table(5).rows if r.code == "2101103")
    answer = service.ask("2101103公务员医疗补助2025年比2024年减少了多少？")
    assert answer.value == value and "2025年的文件中没有列出" in answer.answer, answer.answer


def test_a_project_a_year_lists_not_is_still_refused(emergency_years):
    service, earlier, later = emergency_years
    gone = sorted({p.name for p in earlier.projects} - {p.name for p in later.projects})[0]
    answer = service.ask(f"{gone}2025年比2024年减少了多少？")
    assert not answer.answered, answer.answer


def test_a_count_of_things_changed_over_the_two_years(emergency_years):
    service, earlier, later = emergency_years
    cars = [figure_value(t, "车辆") for t in (earlier, later)]
    answer = service.ask("车辆增加了几辆？")
    assert answer.value is not None and abs(answer.value) == abs(cars[1] - cars[0]) and answer.unit == "辆", answer.answer


def test_the_key_projects_the_opening_names_are_counted(emergency_years):
    service, earlier, later = emergency_years
    goals = [len(t.goals) for t in (earlier, later)]
    answer = service.ask("重点项目绩效目标表里列出的项目，2025年比2024年多了几个")
    assert answer.value is not None and abs(answer.value) == abs(goals[1] - goals[0]) and answer.unit == "个", answer.answer


def test_each_years_reason_asked_in_one_sentence(emergency_years):
    service, earlier, later = emergency_years
    said = [next(f for f in t.figures if f.label == "收入预算") for t in (earlier, later)]
    words = ["增加" if f.change and f.change > 0 else "减少" for f in said]
    answer = service.ask(f"看两年的情况说明，2024年预算为什么{words[0]}、2025年又为什么{words[1]}？")
    assert all(f.reason in answer.answer for f in said) and "2024年部门预算" in answer.answer, answer.answer


def test_a_cue_begun_inside_a_name_is_no_cue(emergency_years):
    service, _, later = emergency_years
    value = next(r.amounts[0] for r in later.table(7).rows if r.code == "31007")
    answer = service.ask("信息网络及软件购置更新增加了多少钱")  # 更新增加: no 新增 asked
    assert answer.value == value and not answer.items, answer.answer


def test_one_year_told_and_two_compared(emergency_years):
    service, earlier, later = emergency_years
    a, b = (next(r.amounts[0] for r in t.table(7).rows if r.code == "30211") for t in (earlier, later))
    answer = service.ask("看2025年的项目经济分类，差旅费不高，两年一比，项目支出里的差旅费变化了多少？")
    assert answer.value is not None and abs(answer.value) == abs(b - a), answer.answer


def test_one_thing_restated_in_brackets_is_summed_once(emergency_years):
    service, earlier, later = emergency_years
    values = [figure_value(t, "机关运行经费") for t in (earlier, later)]
    answer = service.ask("2024年和2025年的行政经费（机关运行经费）加起来一共多少？")
    assert answer.value == sum(values), answer.answer


def test_each_years_top_unit_is_not_the_departments_total(emergency_years):
    service, _, _ = emergency_years
    answer = service.ask("2025年项目支出最多的单位，比2024年项目支出最多的单位多出多少？")
    assert not answer.answered, answer.answer

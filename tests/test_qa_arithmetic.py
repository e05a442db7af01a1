"""The arithmetic kind (qa/kinds/arithmetic.py) and the operator check of qa/honour.py, on the real
documents in tests/fixtures, in phrasings written for these tests: a difference, a multiple or a
share stated by the question is computed between the operands the question names (each possibly
a sum), never answered as a sum of all names, and refused when an operand is not one figure.
Figures were read off the documents (表3, 表6, 表7, 表11, 表12)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import FIXTURES, qa_service

from qa.answer import Answer
from qa.honour import operator_dropped


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    return qa_service(tmp_path_factory, FIXTURES / "qingcheng_culture_tourism_2024.txt", FIXTURES / "qingcheng_culture_tourism_2025.txt")


def _value(service, question: str) -> Answer:
    answer = service.ask(question)
    assert answer.answered, f"{question}: {answer.answer}"
    return answer


# -- differences ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "value"), [
    ("项目支出与基本支出之间差了多少钱？", "69.87"),  # 表3: 491.80 − 421.93
    ("基本支出跟项目支出比，哪个多？多出多少", "69.87"),
    ("文化馆和图书馆的项目支出相差多少", "22.50"),  # 表12: 60.00 − 37.50
    ("图书馆的项目支出比文化馆的项目支出多出多少？", "22.50"),
    ("项目支出中委托业务费加上劳务费，比维修（护）费多多少万元", "51.67"),  # 表7: 101.50 + 46.00 − 95.83
    ("劳务费比委托业务费少多少？", "55.50"),
    ("委托业务费与劳务费之差是多少", "55.50"),
    ("委托业务费减去劳务费等于多少", "55.50"),
    ("委托业务费超出劳务费多少万元", "55.50"),
    ("委托业务费较劳务费多多少？", "55.50"),
])
def test_difference_between_the_named_operands(culture, question, value):
    answer = _value(culture, question)
    assert answer.value == Decimal(value) and answer.unit == "万元", answer.answer
    assert "−" in answer.answer


def test_difference_of_the_two_kinds_of_expenditure_on_the_bigdata_document(bigdata):
    answer = _value(bigdata, "项目支出和基本支出谁多，多了多少万元")
    assert answer.value == Decimal("527.91"), answer.answer


def test_a_fund_named_before_the_operands_holds_for_both(culture):
    """「一般公共预算里…」: both kinds of expenditure of that fund (表6 and 表7 totals), not of 表3."""
    answer = _value(culture, "一般公共预算里头，项目支出比基本支出少多少")
    assert answer.value == Decimal("149.87"), answer.answer  # 491.80 − 341.93


# -- multiples -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "value"), [
    ("图书馆的基本支出是文化馆基本支出的多少倍", "1.29"),  # 115.35 ÷ 89.61
    ("本级基本支出相当于图书馆基本支出的几倍？", "2.49"),  # 286.84 ÷ 115.35
    ("委托业务费金额是劳务费的几倍", "2.21"),  # 101.50 ÷ 46.00
])
def test_multiple_of_the_named_operands(culture, question, value):
    answer = _value(culture, question)
    assert answer.value == Decimal(value) and answer.unit == "倍", answer.answer


# -- shares whose whole is named loosely ------------------------------------------------------------
@pytest.mark.parametrize(("question", "value"), [
    ("政府性基金预算占支出的比例是多少", "8.76"),  # 80.00 ÷ 913.73 (本年支出合计)
    ("办公费占一般公共预算基本支出的百分之几", "1.40"),  # 6.90 ÷ 491.80 (表6 合计), 办公费 of 表6
    ("图书馆这个单位的基本支出占它基本支出加项目支出的比重", "65.78"),  # 115.35 ÷ 175.35
])
def test_share_of_a_loosely_named_whole(culture, question, value):
    answer = _value(culture, question)
    assert answer.value == Decimal(value) and answer.unit == "%", answer.answer


# -- refusals --------------------------------------------------------------------------------------------
def test_a_term_of_a_written_sum_that_is_not_found_is_refused(culture):
    """A sum the question writes out (A加B) is never read as one of its terms."""
    answer = culture.ask("委托业务费加上火箭发射费，比劳务费多多少")
    assert not answer.answered, answer.answer


def test_an_operand_in_two_tables_is_refused_rather_than_guessed(culture):
    """电费 is 11.40 in 表6 and 6.00 in 表7: without a measure or table the sum is not made."""
    answer = culture.ask("电费和水费加起来比办公费多多少")
    assert not answer.answered, answer.answer


def test_an_answer_that_drops_the_operator_is_refused():
    summed = Answer(question="", answered=True, answer="A为1万元；B为2万元，合计3万元（1 + 2）。", value=Decimal(3), unit="万元")
    assert operator_dropped("A和B哪个多？多多少", summed)
    assert operator_dropped("A是B的几倍", summed)
    assert operator_dropped("A占B的百分比", summed)
    shown = Answer(question="", answered=True, answer="B（2万元）比A（1万元）多1万元（2 − 1 = 1）。", value=Decimal(1), unit="万元")
    assert operator_dropped("A和B哪个多？多多少", shown) is None
    assert operator_dropped("收支差额是什么意思", summed) is None
    top = Answer(question="", answered=True, answer="基本支出最多的单位是A，2万元。", value=Decimal(2), unit="万元")
    assert operator_dropped("A、B、C谁的基本支出多", top) is None  # which one, not by how much


# -- operands named in other ways -------------------------------------------------------------------
def test_short_terms_of_a_written_list_are_their_siblings_rows(bigdata):
    """「卫生、住房、社保三项」: 社保 links; 卫生 and 住房 are the one 类 of the same table starting so."""
    answer = _value(bigdata, "卫生、住房、社保三项合起来比科学技术支出少多少")
    assert answer.value == Decimal("831.02"), answer.answer  # 922.08 − (15.81 + 34.66 + 40.59)
    assert "卫生健康支出" in answer.answer and "住房保障支出" in answer.answer


def test_a_short_term_that_fits_no_sibling_is_refused(bigdata):
    assert not bigdata.ask("科学技术支出比社保、航天两类加起来多多少").answered


def test_former_and_latter_point_at_the_figures_named_before(bigdata):
    answer = _value(bigdata, "先说职业年金缴费支出，再说基本养老保险缴费支出：后者是前者的几倍")
    assert answer.value == Decimal("2.00") and answer.unit == "倍", answer.answer  # 27.06 ÷ 13.53
    quoted = _value(bigdata, "有人讲住房公积金比职工基本医疗保险缴费“翻倍”了，前者是后者的多少倍")
    assert quoted.unit == "倍", quoted.answer  # a quoted saying of the operator is not a name


def test_same_named_figures_each_in_the_table_the_question_gives(bigdata):
    answer = _value(bigdata, "表5的住房公积金跟表6的住房公积金相差多少")
    assert answer.value == Decimal("1.90"), answer.answer  # 表6 36.56 − 表5 34.66
    assert "（表5）" in answer.answer and "（表6）" in answer.answer


# -- sets: the threshold and the operation the question states -----------------------------------------
def test_a_threshold_written_with_guo_filters_the_list(bigdata):
    answer = _value(bigdata, "金额过五十万的项目有哪些")
    assert len(answer.items) == 3 and "政务网络日常设备维护费" in answer.items, answer.answer


def test_a_name_filtered_set_summed_after_its_count_word_is_a_sum(bigdata):
    answer = _value(bigdata, "单看名称带“线路”的几个项目，一共多少钱")
    assert answer.value == Decimal("607.11") and answer.unit == "万元", answer.answer


def test_a_percentage_of_another_figure_may_pass_100(culture):
    """「A相当于B的百分之几」 is not a share of a whole: over 100 % is an answer, not a mismatch."""
    answer = _value(culture, "委托业务费相当于劳务费的百分之几")
    assert answer.value == Decimal("220.65") and answer.unit == "%", answer.answer  # 101.50 ÷ 46.00
    summed = _value(culture, "委托业务费加劳务费相当于项目支出的百分之多少")
    assert summed.value == Decimal("34.96"), summed.answer  # 147.50 ÷ 421.93


# -- across two loaded years (cross_year) ------------------------------------------------------------
@pytest.mark.parametrize(("question", "value", "unit"), [
    ("2025年的项目支出是2024年的几倍", "0.84", "倍"),  # 421.93 ÷ 501.58, the year named first over the second
    ("2024年的基本支出相当于2025年的多少倍", "0.95", "倍"),  # 468.53 ÷ 491.80
    ("2024年和2025年的项目支出平均每年是多少", "461.76", "万元"),  # a measure's two-year mean, not a per-project mean
])
def test_operators_across_two_years(two_years, question, value, unit):
    answer = _value(two_years, question)
    assert answer.value == Decimal(value) and answer.unit == unit, answer.answer


def test_the_subordinate_units_together_are_one_operand(culture):
    answer = _value(culture, "下属单位的项目支出占全部项目支出的比例")
    assert answer.value == Decimal("23.11") and answer.unit == "%", answer.answer  # (60.00 + 37.50) ÷ 421.93
    less = _value(culture, "下属单位的基本支出比本级少多少")
    assert less.value == Decimal("81.88"), less.answer  # 286.84 − (115.35 + 89.61)


def test_a_ratio_of_two_figures_is_their_quotient_not_their_difference(bigdata):
    answer = _value(bigdata, "基本支出与项目支出之比是多少")
    assert answer.value == Decimal("0.43") and "÷" in answer.answer, answer.answer  # 394.17 ÷ 922.08


def test_a_whole_that_points_at_the_set_named_before_is_its_members_sum(bigdata):
    """「重点项目有三个，…占这三项合计」: the three key projects (508.81 + 231.29 + 70.00)."""
    answer = _value(bigdata, "重点项目有三个，其中“保障网络正常运行”的金额占这三项合计的比例是多少")
    assert answer.value == Decimal("28.55") and answer.unit == "%", answer.answer  # 231.29 ÷ 810.10
    wrong_count = bigdata.ask("重点项目里，“保障网络正常运行”的金额占这五项合计的比例是多少")
    assert not wrong_count.answered, wrong_count.answer


@pytest.mark.parametrize(("question", "value"), [
    ("项目支出比基本支出少百分之几", "14.21"),  # (491.80 − 421.93) ÷ 491.80
    ("委托业务费比劳务费多百分之多少", "120.65"),  # (101.50 − 46.00) ÷ 46.00
])
def test_a_relative_difference_is_taken_of_the_figure_compared_with(culture, question, value):
    answer = _value(culture, question)
    assert answer.value == Decimal(value) and answer.unit == "%", answer.answer


def test_the_departments_own_figure_named_with_bumen(culture):
    answer = _value(culture, "本级的基本支出占部门基本支出的比例")
    assert answer.value == Decimal("58.32"), answer.answer  # 286.84 ÷ 491.80


# -- the rate of a change (同比幅度) --------------------------------------------------------------------
def test_a_rate_of_change_asked_by_fudu_is_answered(culture):
    stated = _value(culture, "机关运行经费同比降幅是多少")
    assert stated.value == Decimal("2.3") and stated.unit == "%", stated.answer  # stated by 第三部分
    derived = _value(culture, "公务用车运行维护费比上年下降的幅度是多少（保留两位小数）")
    assert derived.value == Decimal("10.00") and "÷" in derived.answer, derived.answer  # 0.5 ÷ (4.5 + 0.5)


# -- a sum of a written list -------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "value"), [
    ("委托业务费和劳务费一共多少", "147.50"),  # 表7: 101.50 + 46.00
    ("图书馆和文化馆的基本支出合计多少", "204.96"),  # 表11: 115.35 + 89.61, the measure said once for both
    ("全民健身活动经费和非遗保护专项经费加起来一共多少", "58.00"),  # 38.00 + 20.00
])
def test_a_written_list_is_summed(culture, question, value):
    answer = _value(culture, question)
    assert answer.value == Decimal(value) and answer.unit == "万元", answer.answer


def test_a_listed_name_no_entity_fits_is_refused_not_dropped(culture):
    answer = culture.ask("全民健身活动经费和火箭发射经费加起来一共多少")
    assert not answer.answered and "火箭发射经费" in answer.answer, answer.answer


def test_a_stated_count_that_the_list_does_not_match_is_refused(culture):
    answer = culture.ask("旅游宣传推广经费、全民健身活动经费三个项目合计多少")
    assert not answer.answered, answer.answer


def test_a_difference_asked_in_yuan(culture):
    answer = _value(culture, "委托业务费加劳务费比维修（护）费多多少元")
    assert answer.value == Decimal("516700") and answer.unit == "元", answer.answer
    assert "1015000.00 + 460000.00" in answer.answer


def test_which_unit_has_more_is_the_largest_not_the_sum(culture):
    """「谁的…多」 over units asks which one (unit_scope's superlative), never their sum."""
    answer = _value(culture, "本级、图书馆、文化馆当中，谁的项目支出少？")
    assert "文化馆" in answer.answer and answer.value == Decimal("37.50"), answer.answer


def test_which_unit_spends_more_asked_with_hayi_jia(culture):
    answer = _value(culture, "本级和图书馆的基本支出，哪一家多？多了多少")  # 哪一家 is "which one", not a count of names
    assert answer.value == Decimal("171.49"), answer.answer  # 286.84 − 115.35


def test_a_class_of_each_unit_compared_as_a_multiple(culture):
    """The class under each unit in 表11 (本级 32.60, 文化馆 8.46), never the department's whole class
    (54.89) against a unit's whole basic expenditure."""
    answer = _value(culture, "本级基本支出里的商品和服务支出是文化馆的几倍")
    assert answer.value == Decimal("3.85") and answer.unit == "倍", answer.answer

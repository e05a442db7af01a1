"""Questions as a hurried reader types them (issue 10 §2, §3): clauses parted by a space, two
asks of one thing (two targets, a purpose and a document, a count and another count), a body by the
last words of its name (数据中心 of 政务数据服务中心) or with one character written by its sound
(水力局), sums said in everyday words (加一块), counts the documents do not keep (接待了多少批次).
Phrasings of our own; figures read off the documents in tests/fixtures (synth_seed93_govdata.txt:
tools.synth, seed 93)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import FIXTURES, qa_service


@pytest.fixture(scope="module")
def govdata(tmp_path_factory):
    return qa_service(tmp_path_factory, FIXTURES / "synth" / "synth_seed93_govdata.txt")


@pytest.fixture(scope="module")
def water(tmp_path_factory):
    return qa_service(tmp_path_factory, FIXTURES / "synth" / "synth_seed262.txt")


@pytest.mark.parametrize(("question", "value"), [
    ("数据中心的三公经费是多少", Decimal("6.30")),
    ("数据中心今年预算比去年变化了多少", Decimal("544.73")),  # 收入预算2,461.87万元，比上年增加544.73万元
])
def test_a_centre_by_the_last_words_of_its_name(govdata, question, value):
    answer = govdata.ask(question)
    assert answer.value == value, answer.answer


def test_a_centres_offices_by_the_last_words_of_its_name(govdata):
    answer = govdata.ask("数据中心里面设了哪几个股室")
    assert answer.answered and "平台运行股" in answer.items, answer.answer


def test_a_bureau_written_by_its_sound(water):
    answer = water.ask("水力局的三公经费是多少")
    assert answer.value == Decimal("4.90") and "近似词" in answer.answer, answer.answer


def test_another_bureau_is_never_written_by_sound(water):
    assert not water.ask("财政局的三公经费是多少").answered


@pytest.mark.parametrize("question", ["全民健身活动经费和旅游宣传推广经费加一块多少", "全民健身活动经费跟旅游宣传推广经费加一块儿是多少"])
def test_a_sum_in_everyday_words(culture, question):
    assert culture.ask(question).value == Decimal("83.00")  # 38.00 + 45.00


@pytest.mark.parametrize("question", ["今年公务接待费接待了多少批次", "公务接待费一共安排了几批"])
def test_a_count_of_receptions_is_not_their_money(culture, question):
    answer = culture.ask(question)
    assert not answer.answered, answer.answer


@pytest.mark.parametrize(("question", "parts"), [
    ("文物保护单位修缮及安全巡查经费巡查目标是多少次 修缮几处", ("48次", "3处")),
    ("文物巡查那个项目，巡查多少次，修缮几处文物", ("48次", "3处")),
    ("文物保护单位修缮及安全巡查经费用来做什么 依据的是哪个文件", ("清城府办〔2023〕15号", "安全巡查")),
])
def test_two_asks_parted_by_a_space_or_after_the_thing(culture, question, parts):
    answer = culture.ask(question)
    assert answer.answered and all(p in answer.answer for p in parts), answer.answer


@pytest.mark.parametrize(("question", "value"), [("今年收入多少", Decimal("913.73")), ("文广旅体局今年支出是多少", Decimal("913.73"))])
def test_a_bare_income_or_expenditure_is_the_departments_total(culture, question, value):
    answer = culture.ask(question)
    assert answer.value == value and "表1" in answer.answer, answer.answer


def test_a_bare_expenditure_across_two_years(tmp_path_factory):
    from tests.conftest import CULTURE, CULTURE_2024

    two_years = qa_service(tmp_path_factory, CULTURE_2024, CULTURE)
    answer = two_years.ask("2025年支出比2024年多了多少")
    assert answer.value == Decimal("-56.38") and "减少" in answer.answer, answer.answer  # 913.73 − 970.11: a fall, signed


@pytest.mark.parametrize("question", ["哪个项目钱最多 多少", "钱最多的项目是哪个 多少钱"])
def test_a_space_between_two_asks_is_no_difference_asked(culture, question):
    answer = culture.ask(question)
    assert answer.answered and "体育彩票公益金全民健身设施建设项目" in answer.answer and "80.00" in answer.answer, answer.answer



@pytest.fixture(scope="module")
def reform(tmp_path_factory):
    return qa_service(tmp_path_factory, FIXTURES / "synth" / "synth_seed40.txt")  # 宣传工作经费, …（续建）, …（二期）


@pytest.mark.parametrize(("question", "value"), [
    ("宣传工作经费二期多少", Decimal("3.68")),  # the qualifier written on without brackets
    ("宣传工作经费续建多少钱", Decimal("52.89")),
    ("宣传工作经费多少钱 不要二期的", Decimal("1340.00")),  # a part left out is no part asked
    ("宣传工作经费（不含二期）多少", Decimal("1340.00")),
])
def test_projects_told_apart_by_their_qualifier(reform, question, value):
    answer = reform.ask(question)
    assert answer.value == value, answer.answer


def test_projects_picked_by_amount_within_a_unit_are_a_set(water):
    answer = water.ask("水库管理所那个50万的项目是什么")
    assert answer.answered and "法律顾问服务经费" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "parts"), [
    ("哪个项目钱最多 是多少 做什么的", ("体育彩票公益金全民健身设施建设项目", "80.00", "体育彩票公益金")),
    ("金额最小的项目是哪个 干嘛用的", ("文艺精品创作扶持经费", "12.50", "文艺作品")),
])
def test_what_the_one_thing_found_is_for(culture, question, parts):
    """A last clause asking what it is for, after an answer that found one thing: that thing's text."""
    answer = culture.ask(question)
    assert answer.answered and all(p in answer.answer for p in parts), answer.answer


@pytest.mark.parametrize(("question", "said"), [
    ("文化市场执法股股长一年工资多少", "股长"),  # a person's pay, not 工资福利支出
    ("体育股的项目支出预算是多少", "体育股"),  # an internal unit has no budget of its own
    ("2024年各个项目分别安排了多少", "每一项"),  # each asked, one total derived
])
def test_figures_the_documents_do_not_keep_are_refused(culture, question, said):
    answer = culture.ask(question)
    assert not answer.answered and said in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("2025年这个局的政府采购一共安排了多少", Decimal("148.00")),  # 这个局 is the loaded body
    ("公务用车购置费是多少？打算买新车吗", Decimal("0.00")),
    ("我想弄明白基本支出和项目支出分别是多少", None),  # each one's figure, not a list of projects
])
def test_everyday_clauses_around_a_figure(culture, question, value):
    answer = culture.ask(question)
    assert answer.answered and answer.value == value, answer.answer
    if value is None:
        assert "491.80" in answer.answer and "421.93" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["我想弄明白公务用车运行维护费一般都包括哪些开支", "公务用车运行维护费包括哪些费用"])
def test_the_spending_a_leaf_class_covers_is_its_glossary_entry(culture, question):
    answer = culture.ask(question)
    assert answer.answered and "燃料费" in answer.answer and answer.value is None, answer.answer


@pytest.mark.parametrize("question", ["发该局的三公经费", "发改局的三公经费"])
def test_a_short_name_written_by_its_sound(reform, question):
    assert reform.ask(question).value == Decimal("8.80")


def test_a_purpose_and_the_law_behind_it(culture):
    answer = culture.ask("文物保护单位修缮及安全巡查经费主要用于什么？依据的是哪部法规")
    assert answer.answered and "清城府办〔2023〕15号" in answer.answer, answer.answer


def test_a_rise_and_its_rate_across_years(tmp_path_factory):
    from tests.conftest import CULTURE, CULTURE_2024

    two_years = qa_service(tmp_path_factory, CULTURE_2024, CULTURE)
    answer = two_years.ask("文物保护单位修缮及安全巡查经费2025年比上年涨了多少？涨幅多少")
    assert "3.75" in answer.answer and "6.40%" in answer.answer, answer.answer  # 62.35 − 58.60; ÷ 58.60


def test_a_class_with_no_rows_under_it_never_lists_the_projects(culture):
    """「公务用车运行维护费包括哪些项目」: no row stands under the class; the projects are not its parts."""
    answer = culture.ask("公务用车运行维护费包括哪些项目")
    assert not answer.answered or "全民健身活动经费" not in answer.answer, answer.answer
    assert not answer.answered, answer.answer


def test_a_part_inside_a_project_after_its_amount_is_refused(culture):
    answer = culture.ask("全民健身活动经费38万里篮球联赛具体花多少")
    assert not answer.answered and "篮球联赛" in answer.answer, answer.answer


def test_how_many_hundred_millions_is_an_amount(culture):
    assert culture.ask("今年政府采购总共安排多少，大概几个亿？").value == Decimal("148.00")


def test_last_years_figure_and_the_change_both_given(culture):
    """Two asks of one kind (last year's figure, then the change): both given."""
    answer = culture.ask("去年三公经费多少 今年比去年少了多少")
    assert answer.value == Decimal("6.70") and "减少0.70万元" in answer.answer, answer.answer  # 6.00 + 0.7


def test_a_bare_income_change_is_the_stated_income_budget(culture):
    answer = culture.ask("今年收入比上年增长了百分之多少")
    assert answer.answered and "收入预算" in answer.answer and answer.unit == "%", answer.answer


@pytest.mark.parametrize("question", ["两个全民健身活动经费项目加一起多少", "全民健身活动经费本级和图书馆两笔合计"])
def test_a_sum_of_things_counted_out_is_never_one_row(culture, question):
    """Only one 全民健身活动经费 row exists: a sum of two of them is no figure the document gives."""
    answer = culture.ask(question)
    assert not answer.answered, answer.answer


def test_a_units_projects_counted_out_are_its_row(culture):
    assert culture.ask("图书馆那两个项目加起来一共多少").value == Decimal("60.00")  # 40.00 + 20.00

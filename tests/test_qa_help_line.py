"""Questions as readers put them on a help line (issue 10 §2), phrasings of our own: who is asking
and why (我是刚来的科员，想知道…; 我家住在城郊，想问问…) fills no slot; a claim read somewhere and
checked (看报纸说…是6万元，是不是这个数; 新闻里说…) asks the document's figure — 这个数 is no count;
a verb before 区 (想知道区文广旅体局) names no district; what is left once one project is taken out
(除了X那一大块，其余项目加起来) leaves it out; why a body's budget changed is the stated reason, not
its duties; each of the cars (三辆公务用车各自) is a breakdown no document gives; a clause stating
a figure before the question (局里有1辆车，那房屋…) is context, unless it says which set is asked. Figures read off
tests/fixtures/qingcheng_culture_tourism_2025.txt."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.mark.parametrize(("question", "value"), [
    ("我家住在城郊，想问问全民健身活动经费安排了多少", "38.00"),
    ("看报纸说今年三公经费是6万元，是不是这个数？", "6.00"),
    ("新闻里说文广旅体局今年的三公经费是6万元，对吗", "6.00"),
    ("想知道区文广旅体局的三公经费", "6.00"),
    ("除了体育彩票公益金全民健身设施建设项目那一大块，其余项目加起来一共多少", "341.93"),  # 421.93 − 80.00
])
def test_what_the_reader_says_around_the_question(culture, question, value):
    answer = culture.ask(question)
    assert answer.value == Decimal(value), answer.answer


def test_who_is_asking_is_not_asked_about(culture):
    answer = culture.ask("我是刚来的科员，想知道体育股主要管些什么")
    assert answer.answered and "全民健身计划" in answer.answer, answer.answer


def test_why_a_bodys_budget_changed_is_its_stated_reason(culture):
    answer = culture.ask("今年文广旅体局的预算怎么少了这么多，原因是什么")
    assert "一次性项目" in answer.answer and "职责" not in answer.answer, answer.answer


def test_each_of_the_cars_is_no_figure_the_document_gives(culture):
    assert not culture.ask("三辆公务用车各自的运行费分别多少").answered


@pytest.mark.parametrize("question", ["三公经费里哪些项目是0？", "三公经费下面有几项是零"])
def test_the_items_of_a_figure_that_are_nought(culture, question):
    answer = culture.ask(question)
    assert answer.items == ["因公出国（境）费", "公务用车购置费"], answer.answer  # 公务接待费 1.50 is not nought; the cars' 4.50 is 购置费 0 + 运行维护费 4.50


@pytest.mark.parametrize("question", ["局里名下一共有几辆公车", "有几辆公务用车"])
def test_cars_counted_are_the_cars_held_not_what_they_cost(culture, question):
    answer = culture.ask(question)
    assert answer.value == 1 and answer.unit == "辆", answer.answer  # line 1025: 车辆1辆


def test_the_units_whose_budgets_are_included(culture):
    answer = culture.ask("部门预算包含哪些单位的预算？")
    assert {"清远市清城区图书馆", "清远市清城区文化馆"} <= set(answer.items), answer.answer


def test_the_set_picked_from_is_no_count_asked(culture):
    answer = culture.ask("政府采购的几个类别里，金额超过30万元的是哪几类？")
    assert answer.items == ["工程类采购预算", "服务类采购预算"] and answer.value is None, answer.answer  # 40.00, 85.00; 货物类 23.00


def test_a_generic_word_narrows_no_list_of_duties(culture):
    answer = culture.ask("文广旅体局的主要职责到底管哪几块业务？")
    assert len(answer.items) == 6, answer.answer  # all six duties, not the one that says 业务


def test_an_average_over_the_key_projects(culture):
    answer = culture.ask("说明里列的那三个重点项目，平均每个多少钱")
    assert answer.value == Decimal("62.45") and "重点项目" in answer.answer, answer.answer  # 187.35 ÷ 3


def test_a_works_no_document_lists_is_not_the_departments_total(culture):
    answer = culture.ask("上年的清城区图书馆空调提升工程一共花了多少钱")
    assert not answer.answered and "提升工程" in answer.answer, answer.answer


def test_the_units_of_the_budget_asked_at_the_end(culture):
    answer = culture.ask("纳入2025年部门预算编制范围的单位是哪几个")
    assert len(answer.items) == 3 and "清远市清城区图书馆" in answer.items, answer.answer  # never the projects


def test_the_department_itself_with_its_units_left_out(culture):
    answer = culture.ask("局本级（不算图书馆和文化馆）金额最少的项目是什么")
    assert answer.items == ["文化市场综合执法经费"], answer.answer  # 15.60, the least of the department's own


def test_the_key_projects_targets_in_their_words(culture):
    answer = culture.ask("重点项目的绩效目标是怎么定的")
    assert "全民健身路径不少于15条" in answer.answer and len(answer.items) == 3, answer.answer


@pytest.mark.parametrize("question", ["文化馆免费开放及群众文化活动经费里办公费是多少", "全民健身活动经费中印刷费具体多少"])
def test_a_class_inside_a_project_is_no_figure_the_document_gives(culture, question):
    answer = culture.ask(question)
    assert not answer.answered, answer.answer  # never the class total of 表6/表7


def test_a_class_name_written_on_into_a_body(bigdata):
    answer = bigdata.ask("清城区社会福利院的基本支出是多少")
    assert not answer.answered, answer.answer  # a body not loaded, not the class 社会福利


@pytest.mark.parametrize(("question", "value"), [
    ("局里有1辆公务车，那房屋面积是多少平方米？", "3560"),
    ("今年收入预算比上年减少了56.38万元，那上年的收入预算是多少？", "970.11"),  # 913.73 + 56.38
])
def test_a_premise_before_the_question_is_context(culture, question, value):
    answer = culture.ask(question)
    assert answer.value == Decimal(value), answer.answer


def test_a_premise_that_says_which_set_is_kept(culture):
    """「局本级一共N个项目、合计X万元，平均每个多少」: the premise names the set; dropped, the
    average would be over every project of the department."""
    answer = culture.ask("局本级一共有5个项目、合计400万元，平均每个项目多少？")
    assert not answer.answered or "本级" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "根据今年的降幅倒推，上年的收入预算是多少",
    "上一年的收入预算大概是多少？用今年数加上减少额算一下",
])
def test_last_years_figure_worked_back_the_way_asked(culture, question):
    """The way named (the stated rate, 加上减少额) is not what is asked: 913.73 + 56.38."""
    assert culture.ask(question).value == Decimal("970.11")


def test_a_document_a_projects_target_column_cites(culture):
    """表12's text of a project is its 绩效目标 column: the document it cites answers 「绩效目标是根据哪个文件」."""
    answer = culture.ask("农村应急广播运维经费的绩效目标是根据哪个文件定的")
    assert "〔2024〕27号" in answer.answer, answer.answer


def test_a_part_inside_a_figure_has_its_own_reason(culture):
    """「三公里的公务接待费…理由」: 公务接待费's stated reason, not 三公经费's; 不降反升 carries nothing."""
    answer = culture.ask("三公里的公务接待费不升反降，给的理由是什么")
    assert "从严控制公务接待范围和标准" in answer.answer, answer.answer

"""Things said another way than the template says them (issue 10 §2, §3, §5), phrasings of our own:
a sum said after a count asks the sum (「列出的那几个项目，金额合计多少」); 本级 left out (除了本级)
asks the subordinate units; a measure between a fund and an item (一般公共预算基本支出里X) belongs to
the container; 至少多少/起码 ask a target's floor, not a difference; 口径 names nothing; a loaded
body's name with one character written by its sound is that body, and the answer says so; a count
asked of a project's text is the number its text gives. Figures read off the documents in tests/fixtures."""

from __future__ import annotations

from decimal import Decimal

import pytest


def test_a_sum_said_after_a_count_is_the_sum(culture):
    answer = culture.ask("重点项目绩效目标里列出的那几个项目，金额合计多少")
    assert answer.value == Decimal("187.35"), answer.answer  # 80.00 + 62.35 + 45.00


def test_a_count_alone_is_still_a_count(culture):
    assert culture.ask("重点项目一共有几个").value == 3


@pytest.mark.parametrize("question", ["除了本级以外，还有哪几个单位纳入了部门预算", "不算局本级，下面有几家单位"])
def test_the_department_left_out_leaves_its_subordinate_units(culture, question):
    answer = culture.ask(question)
    assert answer.answered and sorted(answer.items) == ["清远市清城区图书馆", "清远市清城区文化馆"], answer.answer


@pytest.mark.parametrize("question", ["一般公共预算基本支出里的办公费是多少", "请问一般公共预算基本支出中办公费有多少"])
def test_a_fund_and_a_measure_before_an_item_are_its_container(culture, question):
    answer = culture.ask(question)
    assert answer.value == Decimal("6.90") and "6.90" in answer.answer and "833.73" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["文物安全巡查一年至少多少次", "文物巡查那个项目，起码要巡查多少次"])
def test_at_least_asks_a_targets_floor(culture, question):
    answer = culture.ask(question)
    assert answer.value == Decimal("48") and answer.unit == "次", answer.answer


def test_a_word_of_scope_names_nothing(culture):
    answer = culture.ask("公务用车运行维护费按口径反映哪些开支")
    assert answer.answered and "燃料费" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["文化广电旅由体育局的三公经费是多少", "请问清城区文化广电旅游体育句的三公经费"])
def test_a_loaded_bodys_name_spelt_by_its_sound(culture, question):
    answer = culture.ask(question)
    assert answer.value == Decimal("6.00") and "近似词" in answer.answer, answer.answer


def test_another_body_is_still_another_body(culture):
    answer = culture.ask("清城区文化广电新闻出版局的三公经费是多少")
    assert not answer.answered, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("三资平台那个项目的客户端部署在多少个镇", Decimal("8")),  # 「8个镇（街）和113个自然村」
    ("“三资”平台维护经费的客户端部署到了多少个自然村", Decimal("113")),
])
def test_a_count_asked_of_a_projects_text(bigdata, question, value):
    answer = bigdata.ask(question)
    assert answer.value == value and answer.unit == "个" and "部署" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["两建平台那个光纤租赁加维护的费用是多少", "两建平台光纤租赁加维护的费用有多少"])
def test_a_partial_name_ending_one_short_of_a_class_name_takes_it(bigdata, question):
    """「…加维护的费用」: the stretch of 两建平台光纤租赁费及维护费 takes the class name 维护费 it holds."""
    answer = bigdata.ask(question)
    assert answer.value == Decimal("8.30"), answer.answer


@pytest.mark.parametrize(("question", "modifier"), [("光纤那边的维护费是多少", "光纤"), ("机房的维护费是多少", "机房")])
def test_a_modifier_of_a_class_is_never_dropped(bigdata, question, modifier):
    """Which 维护费: a word of the projects' names before the class narrows it; the class total
    (113.10) does not answer it."""
    answer = bigdata.ask(question)
    assert not answer.answered and f"“{modifier}”" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["维护费是多少", "项目支出的维护费是多少", "今年的维护费是多少"])
def test_words_that_narrow_nothing_keep_the_class(bigdata, question):
    assert bigdata.ask(question).value == Decimal("113.10")


@pytest.mark.parametrize(("question", "parts"), [
    ("文物保护单位修缮及安全巡查经费是按哪个文件安排的，钱主要干什么用", ("清城府办〔2023〕15号", "文物")),
    ("图书馆免费开放补助资金有多少，是干什么的", ("20.00", "全民阅读推广")),
])
def test_two_asks_of_one_thing_are_both_answered(culture, question, parts):
    answer = culture.ask(question)
    assert answer.answered and all(p in answer.answer for p in parts), answer.answer


def test_one_ask_in_two_clauses_is_answered_once(bigdata):
    answer = bigdata.ask("三公经费是多少，比上年增加了多少")
    assert answer.answered and answer.answer.count("0.40") == 1, answer.answer


@pytest.mark.parametrize("question", ["文物保护单位修缮及安全巡查经费每处文物多少钱", "全民健身活动经费摊下来每个镇每村多少", "图书馆免费开放补助资金每所图书馆分多少"])
def test_a_figure_per_thing_the_document_does_not_divide_is_refused(culture, question):
    answer = culture.ask(question)
    assert not answer.answered, answer.answer


@pytest.mark.parametrize(("question", "said", "unsaid"), [
    ("文化馆那个12.5万的项目是干嘛的", "文艺精品创作扶持经费", "文化馆免费开放及群众文化活动经费"),  # the one of that amount
    ("文化馆那个项目安排的37.5万元是干什么的", "文艺精品创作扶持经费", "纳入2025年部门预算编制范围"),  # 25.00 + 12.50: both, each named
    ("图书馆的项目主要做什么", "图书馆文献资源购置经费", "纳入2025年部门预算编制范围"),
])
def test_a_units_project_pointed_at_by_the_unit(culture, question, said, unsaid):
    answer = culture.ask(question)
    assert answer.answered and said in answer.answer and unsaid not in answer.answer, answer.answer


def test_a_units_project_of_an_amount_it_does_not_have_is_refused(culture):
    assert not culture.ask("文化馆那个99万的项目是干嘛的").answered


@pytest.mark.parametrize("question", ["旅游宣传那笔45万花在哪些地方", "旅游宣传那个45万的钱用在哪"])
def test_a_class_name_with_the_amount_of_one_project_is_that_project(culture, question):
    """旅游宣传 is a class too; 45万 is what 旅游宣传推广经费 has: its text answers."""
    answer = culture.ask(question)
    assert answer.answered and "清城好玩" in answer.answer, answer.answer


def test_an_amount_no_such_project_has_is_refused(culture):
    assert not culture.ask("旅游宣传那笔99万花在哪些地方").answered

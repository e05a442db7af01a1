"""What is told beside the ask asks nothing (issue 10): a heard clause (听说局里要买新车) and a name written with the
head of the one before it left out (公务用车购置费比运行维护费); a statement that a figure is nearly all of one kind
(几乎全是财政拨款); examples listed (包括办公费、水电费、差旅费等); a kind of project (服务类的小项目); words of targets
before a clause asking money; the asker's aim (想了解一下…成本); units set apart by their kind (不算下属的所); the
parts of a class told (只有A和B两块); two measures added with 总计 said of one. Phrasings of our own on generated
departments (tools.synth)."""

from __future__ import annotations

import pytest
from conftest import figure_value, project_amount, same_value

from qa.answer import percent


@pytest.mark.parametrize("question", ["听说局里今年要买新车，“三公”里公务用车购置费比运行维护费少多少？",
                                      "有人跟我说局里今年要买新车，公务用车购置费比运行维护费少多少？"])
def test_a_heard_clause_and_a_head_left_out(legal, question):
    service, truth = legal
    answer = service.ask(question)
    assert answer.value == figure_value(truth, "公务用车运行维护费") - figure_value(truth, "公务用车购置费"), answer.answer


def test_a_figure_said_nearly_all_of_one_kind(legal):
    service, _ = legal
    direct = service.ask("表1的其他资金是多少？")
    answer = service.ask("局里的钱几乎全是财政拨款，但表1收入那栏还有一小块不是财政给的，“其他资金”有多少？")
    assert direct.value is not None and (answer.value, answer.answer) == (direct.value, direct.answer), answer.answer


def test_examples_listed_before_the_ask(legal):
    service, truth = legal
    answer = service.ask("机关运行经费这个口径包括办公费、水电费、差旅费等一大串，今年局里机关运行经费安排了多少？")
    assert answer.value == figure_value(truth, "机关运行经费"), answer.answer


def test_a_kind_of_projects_said_before_former_and_latter(legal):
    service, truth = legal
    a, b = "法律顾问服务经费", "信息系统安全测评费"
    answer = service.ask(f"看了几个技术服务类的小项目，{a}和{b}差得挺远，想问前者比后者多几万？")
    assert answer.value == project_amount(truth, a) - project_amount(truth, b), answer.answer


def test_words_of_targets_before_money_asked(legal):
    service, truth = legal
    answer = service.ask("绩效评价本来是财政部门的活，局里却单列了一个第三方绩效评价服务费，这个项目安排了多少钱")
    assert answer.value == project_amount(truth, "第三方绩效评价服务费"), answer.answer


@pytest.mark.parametrize("told, asked", [("想了解一下区里执法队伍的日常运转成本，执法大队的基本支出预算是多少？", "执法大队的基本支出预算是多少？"),
                                         ("不算下属的所，只看局机关本身，局本级的基本支出是多少", "局本级的基本支出是多少")])
def test_the_askers_aim_and_units_set_apart_by_kind(market, told, asked):
    service, _ = market
    same_value(service, told, asked)


def test_the_parts_of_a_class_told(civil_2025):
    service, truth = civil_2025
    rows = {r.label: r.amounts[0] for r in truth.table(2).rows if r.code and r.code.startswith("20810")}
    answer = service.ask("社会福利这一类下面只有老年福利和殡葬两块，殡葬支出占社会福利支出的几成？")
    assert answer.value == percent(rows["殡葬"], rows["社会福利"]), answer.answer


def test_two_measures_added_with_a_total_said_of_one(emergency_years):
    service, _, _ = emergency_years
    same_value(service, "把基本支出总计和项目支出加在一起，指挥中心2025年比2024年多了多少？", "指挥中心基本支出和项目支出加在一起，2025年比2024年多了多少？")


def test_it_is_the_project_pointed_at_not_the_fund_told(emergency_years):
    service, earlier, later = emergency_years
    name = "安全生产执法检查经费"
    change = next(p.amounts[0] for p in later.projects if p.name == name) - next(p.amounts[0] for p in earlier.projects if p.name == name)
    answer = service.ask("安全生产执法检查那个项目走的是一般公共预算，我想知道它2025年比2024年多安排了多少？")
    assert answer.value == change, answer.answer


def test_units_guessed_with_zhilei_are_counted(emergency_years):
    service, _, later = emergency_years
    answer = service.ask("之前以为局里底下会挂着调解之类的事业单位，请问它2025年有几个下属单位？")
    assert answer.value == len(later.subordinate_units), answer.answer

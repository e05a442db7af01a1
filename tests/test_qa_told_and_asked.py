"""What the asker tells is set apart from what they ask (issue 10): a document's stated change told as a
statement before the figure worked back from it; things described by what they are said to be (这两个新增项目);
a bare 「那X呢？」 asked again in full; the asker's own school, a time counted in passing (好几次), a bracket's
各自, a year told of beside the year asked; a person told of and asked of by 他; the one department loaded named
by a word that is a class's name too. Phrasings of our own on generated departments (tools.synth)."""

from __future__ import annotations

import pytest
from conftest import figure_value, goal_target, last_year_value, project_amount


def test_a_change_told_as_a_statement_then_worked_back(legal):
    service, truth = legal
    answer = service.ask("我手头没有去年的文件，不过今年的说明里写了比上年增加了多少。据此倒推，上一年的支出预算应该是多少万元？")
    assert answer.value == last_year_value(truth, "支出预算"), answer.answer


def test_things_described_by_what_they_are_said_to_be(legal):
    service, truth = legal
    a, b = "法律顾问服务经费", "信息系统安全测评费"
    answer = service.ask(f"帮我看看，{a}和{b}这两个新增项目加起来多少钱？")
    assert answer.value == project_amount(truth, a) + project_amount(truth, b), answer.answer


def test_a_bare_ask_asked_again_in_full(legal):
    service, truth = legal
    answer = service.ask("社区矫正那边的项目基本砍光了，那法律援助案件补贴呢？法律援助案件补贴安排了多少？")
    assert answer.value == project_amount(truth, "法律援助案件补贴"), answer.answer


def test_the_askers_own_school_and_times_said_in_passing(legal):
    service, truth = legal
    sessions = goal_target(truth, "行政复议应诉工作经费", "场")
    answer = service.ask("我们学校今年被检查了好几次，有点好奇上面的考核。行政复议应诉工作经费的绩效目标里，要举办多少场活动？")
    assert answer.value == sessions, answer.answer


def test_a_bracket_saying_how_each_year_is_taken(years):
    service, earlier, later = years
    change = figure_value(later, "固定资产") - figure_value(earlier, "固定资产")
    answer = service.ask("固定资产金额（各自截至当年1月31日）两年相差多少？")
    assert answer.value == abs(change), answer.answer


@pytest.mark.parametrize("question", ["业务培训经费2024年是局里自己在用，2025年列在哪个单位名下？",
                                      "业务培训经费2024年看着挺多，2025年安排了多少？"])
def test_a_year_told_of_beside_the_year_asked(emergency_years, question):
    service, _, later = emergency_years
    project = next(p for p in later.projects if p.name == "业务培训经费")
    answer = service.ask(question)
    assert answer.answered, answer.answer
    assert answer.value == project.amounts[0] if "多少" in question else answer.items == [project.unit], answer.answer


def test_a_person_told_of_and_asked_of(legal):
    service, truth = legal
    assert not service.ask("听说局长是新来的，我挺好奇他一年的工资大概是多少？").answered
    answer = service.ask("听说局长很重视法律援助，他那边的法律援助案件补贴安排了多少？")
    assert answer.value == project_amount(truth, "法律援助案件补贴"), answer.answer


def test_the_loaded_department_named_by_a_class_word(archives):
    service, _ = archives
    direct = service.ask("档案馆“三公”经费变化的原因是什么？")
    answer = service.ask("我看到档案馆的“三公”经费今年比上年少了一些，一般都会给个说法。档案馆官方给出的原因是怎么写的？")
    assert "三公" in direct.answer and "主要原因" in direct.answer, direct.answer
    assert answer.answer == direct.answer

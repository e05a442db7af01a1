"""Changes and parts said plainly (issue 10 §1), phrasings of our own on a generated document
(tools.synth seed 3902): 「X涨了多少」「X降了多少」 ask the change, never the figure; clauses saying only
which way figures moved (「三公经费涨了，可接待费反而降了，」) are premises, and the reason asked is the
last-named figure's; a whole named before its part (「政府采购那块，服务类的」「分货物、工程、服务三类，
其中工程类」) gives the part alone. Expected figures come from the document's truth."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("verb", ["涨了多少", "降了多少", "涨了多少万元"])
def test_a_change_said_plainly_is_the_change(legal, verb):
    service, truth = legal
    figure = next(f for f in truth.figures if f.change and f.label.endswith("费") and f.parent)
    answer = service.ask(f"{figure.label}{verb}？")
    assert answer.value == abs(figure.change), answer.answer


def test_premises_of_direction_leave_the_last_figure_asked(legal):
    service, truth = legal
    whole = truth.figure("“三公”经费")
    part = next(f for f in truth.figures if f.parent == whole.label and f.change)
    moved = {True: "涨了", False: "降了"}
    answer = service.ask(f"三公经费总数{moved[whole.change > 0]}，可{part.label}{moved[part.change > 0]}，{part.label}变化的原因是什么？")
    assert answer.answered and part.label in answer.answer, answer.answer
    assert f"{abs(part.change):.2f}" in answer.answer


@pytest.mark.parametrize("question", ["政府采购那块，{}的安排了多少万？", "政府采购分货物、工程、服务三类，其中{}是多少？"])
def test_a_whole_named_before_its_part_gives_the_part(legal, question):
    service, truth = legal
    part = truth.figure("工程类采购预算")
    answer = service.ask(question.format("工程类"))
    assert answer.value == part.value, answer.answer


def test_two_targets_joined_in_one_ask_are_each_given(legal):
    service, truth = legal
    goal = next(g for g in truth.goals if "整改时限" in g.text and "完成率" in g.text and len(g.targets) == 2)
    answer = service.ask(f"{goal.project}的绩效目标里，整改时限和任务完成率分别要求多少？")
    for target in goal.targets:
        assert f"{target.value}{target.unit}" in answer.answer.replace(".00", ""), answer.answer
    assert len(answer.items) == 2


def test_two_figures_reasons_each_given(legal):
    service, truth = legal
    whole = truth.figure("“三公”经费")
    part = next(f for f in truth.figures if f.parent == whole.label and f.change and f.label != whole.label)
    answer = service.ask(f"今年三公经费和{part.label}都有变化，这两处各自给的理由是什么？")
    assert answer.answer.count("主要原因是") == 2, answer.answer


def test_a_class_left_out_after_its_name_is_not_ranked(legal):
    service, truth = legal
    table = truth.table(7)
    kept = sorted((r for r in table.rows if r.code and len(r.code) == 5 and not r.code.startswith("310")), key=lambda r: -r.amounts[0])
    answer = service.ask("项目支出按经济科目分（资本性支出那块不算），哪个科目金额最大？")
    assert answer.items == [kept[0].label], answer.answer


def test_a_count_stated_for_a_sum_must_match(legal):
    service, _ = legal
    assert not service.ask("基本支出里，基本工资、津贴补贴、奖金这四样加起来是多少？").answered
    four = service.ask("基本支出里，基本工资、津贴补贴、奖金、绩效工资这四样（就是工资条上那几块）加起来是多少？")
    assert four.answered and len(four.items) == 4, four.answer


@pytest.mark.parametrize("question", ["房屋和车辆加起来多少", "截至今年1月底，账上的固定资产、房子、车子总共值多少钱？", "车辆比房屋多多少"])
def test_figures_in_different_units_are_never_added_or_compared(legal, question):
    service, _ = legal
    answer = service.ask(question)
    assert not answer.answered, answer.answer


def test_an_aside_restating_the_total_names_no_operand(legal):
    service, truth = legal
    answer = service.ask("截至今年1月底，账上的固定资产总共值多少钱？（房子车子都算进去的那个总金额，不是本年拟购置的）")
    assert answer.value == truth.figure("固定资产").value, answer.answer


def test_a_figure_is_given_with_what_it_is_mostly_spent_on(legal):
    service, truth = legal
    answer = service.ask("今年打算购置的固定资产主要是哪些东西？（金额也顺便说下）")
    assert answer.value == truth.figure("拟购置固定资产").value and "主要是" in answer.answer, answer.answer


def test_two_targets_asked_on_either_side_of_a_dunhao_are_each_given(legal):
    """「X这个重点项目，绩效目标里整改时限要求多少、活动要办几场」: both targets, never one alone."""
    service, truth = legal
    goal = next(g for g in truth.goals if "整改时限" in g.text and "场" in g.text)
    answer = service.ask(f"{goal.project}这个重点项目，绩效目标里整改时限要求多少、活动要办几场？")
    for target in goal.targets:
        if target.unit in ("天", "场"):
            assert f"{target.value}{target.unit}" in answer.answer, answer.answer

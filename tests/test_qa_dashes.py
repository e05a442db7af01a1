"""A dash parts clauses like a comma: what is named before it (a class, a project) stays in the
question when the words after it name nothing of their own, an exclusion between dashes is
honoured, and 「X除外」 closes what it leaves out — a bound after it is not turned round. Phrasings of
our own on a generated document (tools.synth seed 3902); a trailing 「…都不算」 names what is not
asked (seed 3905 in two years). Expected figures from the documents' truth."""

from __future__ import annotations

import re

import pytest
from conftest import project_amounts


def _services_children(truth):
    table = truth.table(7)
    return [r for r in table.rows if r.code and len(r.code) == 5 and r.code.startswith("302")]


@pytest.mark.parametrize("aside", ["——{x}那种小钱除外——", "，{x}除外，", "（{x}不算）"])
def test_classes_named_before_a_dash_stay_and_the_bound_is_not_turned(legal, aside):
    service, truth = legal
    children = sorted(_services_children(truth), key=lambda r: r.amounts[0])
    bound = int(children[len(children) // 2].amounts[0])
    left_out = children[0]  # the smallest: 「那种小钱」
    expected = [r.label for r in children if r.amounts[0] > bound and r is not left_out]
    assert len(expected) >= 2
    question = "今年项目支出按经济科目拆开看，商品和服务支出下面" + aside.format(x=left_out.label) + f"超过{bound}万的是哪几项？"
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(expected), answer.answer


def test_a_large_class_left_out_between_dashes_is_not_listed(legal):
    service, truth = legal
    children = sorted(_services_children(truth), key=lambda r: r.amounts[0])
    bound = int(children[len(children) // 2].amounts[0])
    left_out = children[-1]
    expected = [r.label for r in children if r.amounts[0] > bound and r is not left_out]
    answer = service.ask(f"项目支出按经济科目看，商品和服务支出里——{left_out.label}除外——超过{bound}万的有哪些？")
    assert sorted(answer.items) == sorted(expected), answer.answer


def test_this_year_said_before_the_dash_picks_the_year(years):
    """Both years loaded: 今年 and the project stand before the dash, the ask after it."""
    service, _, later = years
    goal, target = next((g, t) for g in later.goals for t in g.targets if t.unit not in ("%", "个") and not re.search(r"\d{4}", g.project))
    said = re.search(rf"([\u4e00-\u9fff]{{4,}}?)(不少于|达到|控制在)?{target.value}{target.unit}", goal.text)
    answer = service.ask(f"今年{goal.project}才{int(goal.amount)}万，绩效目标倒写着要{said.group(1)}——{said.group(2) or ''}多少{target.unit}？")
    assert answer.value == target.value and "2025" in answer.answer, answer.answer


def test_the_year_of_the_question_not_of_its_aside(years):
    """「今年X是多少？（去年那份写的是N，怎么今年就变了）」: 去年 in the aside scopes nothing."""
    service, earlier, later = years
    old, new = (t.figure("“三公”经费").value for t in (earlier, later))
    for question in (f"今年三公经费是多少？（去年那份写的是{old}万，怎么今年就变了）", f"今年三公经费——去年那份写的是{old}万——是多少？"):
        answer = service.ask(question)
        assert answer.value == new and "2025" in answer.answer, answer.answer


def test_what_a_trailing_exclusion_names_is_not_the_set_asked(years):
    """「哪几个今年的钱比去年多？没变的、变少的都不算」: the grown ones, not the unchanged."""
    service, earlier, later = years
    before = project_amounts(earlier)
    grown = sorted(p.name for p in later.projects if p.name in before and p.amounts[0] > before[p.name])
    assert grown
    answer = service.ask("两年都列了的项目里头，哪几个今年的钱比去年多？金额没变的、变少的都不算")
    assert sorted(answer.items) == grown, answer.answer


def test_which_year_more_and_by_how_much_said_as_duochulai(years):
    """「X到底哪一年安排得多？多出来的是多少万元」: the difference, not whether X is new."""
    service, earlier, later = years
    before = project_amounts(earlier)
    project = next(p for p in later.projects if p.name in before and p.amounts[0] != before[p.name])
    answer = service.ask(f"{project.name}到底哪一年安排得多？多出来的是多少万元？")
    assert answer.value == abs(project.amounts[0] - before[project.name]), answer.answer


def test_what_a_total_is_said_to_include_is_no_column_of_its_own(years):
    """「基本支出（含其他资金在内）2025年比2024年少多少」: 基本支出 itself, not its 其他资金 column."""
    service, earlier, later = years
    old, new = (t.table(3).rows[0].amounts[1] for t in (earlier, later))
    for question in ("按表3口径（含其他资金在内），基本支出2025年比2024年变化了多少万元？", "基本支出2025年比2024年变化了多少万元？连其他资金一起算"):
        answer = service.ask(question)
        assert answer.value == abs(new - old), answer.answer

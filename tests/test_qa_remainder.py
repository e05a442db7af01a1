"""A whole less the parts a question leaves out (issue 10 §1), phrasings of our own on generated
documents (tools.synth seeds 3901, 3902): 不算A和B，还剩多少; 把A、B这两块都除掉，剩下的; a part not
inside the whole is refused, never the whole given back; a unit's projects less those listed in
brackets after 除掉. Expected figures come from the documents' truth."""

from __future__ import annotations

from decimal import Decimal

import pytest


def _rows(truth, number: int) -> dict[str, Decimal]:
    table = truth.table(number)
    return {r.label: r.amounts[0] for r in table.rows}


@pytest.mark.parametrize("question", ["基本支出工资福利里，不算{a}和{b}，还剩多少？", "基本支出的工资福利支出，把{a}、{b}这两项都除掉，剩下的是多少？"])
def test_a_class_less_two_of_its_items(legal, question):
    service, truth = legal
    rows = _rows(truth, 6)
    answer = service.ask(question.format(a="绩效工资", b="奖金"))
    assert answer.value == rows["工资福利支出"] - rows["绩效工资"] - rows["奖金"], answer.answer
    assert "−" in answer.answer


def test_a_figure_less_its_part(legal):
    service, truth = legal
    whole = truth.figure("“三公”经费")
    part = truth.figure("公务用车购置及运行维护费")
    answer = service.ask("三公经费不含公务用车购置及运行维护费还剩多少？")
    assert answer.value == whole.value - part.value, answer.answer


def test_a_part_outside_the_whole_is_refused(legal):
    service, _ = legal
    answer = service.ask("基本支出工资福利里，不算办公费，还剩多少？")
    assert not answer.answered, answer.answer


def test_a_units_projects_less_those_listed_in_brackets(market):
    service, truth = market
    unit = max(truth.subordinate_units, key=lambda u: sum(p.unit == u for p in truth.projects))
    own = [p for p in truth.projects if p.unit == unit]
    assert len(own) >= 3
    left = own[:2]
    expected = sum((p.amounts[0] for p in own[2:]), Decimal(0))
    names = "、".join(p.name for p in left)
    answer = service.ask(f"{unit[len('北渚市芦湾区'):]}的项目，除掉那两个（{names}），剩下的加起来多少？")
    assert answer.value == expected, answer.answer

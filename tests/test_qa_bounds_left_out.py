"""A bound whose own amount the question leaves out (issue 10): 「那几个整500万的先不算，500万以下的项目里
最大的是哪个」 asks below the bound, not at it — 以下 alone keeps it. Phrasings of our own on a generated
statistics bureau (tools.synth seed 3905, two projects at 500万元)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import synth_service


@pytest.fixture(scope="module")
def statistics(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("statistics"), 3905, "青岚市松汀区统计局")


def _projects(truth) -> list[tuple[str, Decimal]]:
    return [(r.label, r.amounts[0]) for r in truth.table(12).rows if r.kind == "project"]


def _bound(truth) -> Decimal:
    """An amount two projects share, with projects below it."""
    amounts = [a for _, a in _projects(truth)]
    return max(a for a in amounts if amounts.count(a) >= 2 and min(amounts) < a)


@pytest.mark.parametrize("question", ["那几个整{b}万的先不算，{b}万以下的项目里最大的是哪个",
                                      "{b}万元及以下的项目中金额最高的是哪个？刚好{b}万的不算"])
def test_the_bound_left_out_is_not_asked(statistics, question):
    service, truth = statistics
    bound = _bound(truth)
    label, value = max(((n, a) for n, a in _projects(truth) if a < bound), key=lambda p: p[1])
    answer = service.ask(question.format(b=f"{bound:f}"))
    assert answer.answered and label in answer.answer and answer.value == value, answer.answer


def test_the_bound_alone_is_kept(statistics):
    service, truth = statistics
    bound = _bound(truth)
    answer = service.ask(f"{bound:f}万以下的项目里最大的是哪个")
    assert answer.value == bound, answer.answer


def test_the_projects_at_a_told_amount_pointed_out(statistics):
    service, truth = statistics
    bound = _bound(truth)
    held = sum(a == bound for _, a in _projects(truth))
    label, value = max(((n, a) for n, a in _projects(truth) if a != bound), key=lambda p: p[1])
    answer = service.ask(f"有{held}个项目都是{bound:f}万，这{held}个之外，剩下的项目里哪个钱最多？")
    assert answer.answered and label in answer.answer and answer.value == value, answer.answer


def test_a_wrong_count_of_the_pointed_out_is_refused(statistics):
    service, truth = statistics
    bound = _bound(truth)
    held = sum(a == bound for _, a in _projects(truth))
    answer = service.ask(f"有{held + 1}个项目都是{bound:f}万，这{held + 1}个之外，剩下的项目里哪个钱最多？")
    assert not answer.answered and f"{held}个" in answer.answer, answer.answer


def test_the_pointed_out_after_a_remark(statistics):
    service, truth = statistics
    bound = _bound(truth)
    held = sum(a == bound for _, a in _projects(truth))
    label, value = max(((n, a) for n, a in _projects(truth) if a != bound), key=lambda p: p[1])
    answer = service.ask(f"项目里有{held}个都是{bound:f}万的我知道了，除掉这{held}个，剩下的项目里哪个钱最多？")
    assert answer.value == value and label in answer.answer, answer.answer

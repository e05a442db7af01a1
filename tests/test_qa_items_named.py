"""Classes filtered by a part of their names (issue 10): 「基本支出经济分类中名称含缴费的科目」 lists only the
classes of 表6 whose names hold 缴费, quoted or not; 「名字里带缴费的科目」 with no table named is never
answered with projects. Phrasings of our own on a generated justice bureau (tools.synth seed 3902)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["基本支出经济分类中名称含缴费的科目有哪些", "请问基本支出按经济分类，名字里带“缴费”的科目都有哪些？"])
def test_classes_holding_a_word(legal, question):
    service, truth = legal
    held = {r.label for r in truth.table(6).rows if r.code and "缴费" in r.label}
    answer = service.ask(question)
    assert held and set(answer.items) == held, answer.answer


def test_classes_are_never_projects(legal):
    service, truth = legal
    answer = service.ask("名字里带缴费的科目都有哪些？")
    assert not set(answer.items) & {p.name for p in truth.projects}, answer.answer


def test_the_fund_left_out_is_not_the_fund_kept(civil_2025):
    service, truth = civil_2025
    kept = min((p for p in truth.projects if p.fund == "一般公共预算"), key=lambda p: p.amounts[0])
    assert min(p.amounts[0] for p in truth.projects) < kept.amounts[0]  # the fund left out holds a smaller one
    answer = service.ask("不算政府性基金那笔，单看一般公共预算安排的项目，金额最小的是哪个？")
    assert kept.name in answer.answer and answer.value == kept.amounts[0], answer.answer


def test_it_taken_out_is_the_thing_named_before(legal):
    service, truth = legal
    top = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"{top.name}一家就两千多万，那把它去掉，剩下的项目加起来是多少？")
    assert answer.value == sum(p.amounts[0] for p in truth.projects) - top.amounts[0], answer.answer


def test_the_items_under_classes_listed_are_pooled(legal):
    service, truth = legal
    items = [r for r in truth.table(7).rows if r.code and len(r.code) == 5 and r.code[:3] in ("302", "310")]
    top = max(items, key=lambda r: r.amounts[0])
    answer = service.ask("项目支出按经济分类看，商品和服务支出、资本性支出下面那些明细科目里哪个最大")
    assert answer.value == top.amounts[0] and top.label in answer.answer, answer.answer

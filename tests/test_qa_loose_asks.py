"""Asks said loosely (issue 10): a change asked with 减了 (较2024年减了多少, 两年下来减了多少); the members of a set
asked with 是什么 after a term named inside the set's description; two units compared first and the measure said
after (A和B比，基本支出谁多); the bulk of a whole told (其中大头是X) before the share of another part is asked.
Phrasings of our own on generated departments (tools.synth seeds 3905, 3901)."""

from __future__ import annotations

import pytest
from conftest import figure_value, same_value

from qa.answer import percent


def _row(truth, number: int, label: str):
    return next(r.amounts[0] for r in truth.table(number).rows if r.label == label)


@pytest.mark.parametrize("question", ["{}2025年较2024年减了多少", "{}两年下来减了多少？"])
def test_a_change_asked_with_jian_le(years, question):
    service, earlier, later = years
    classes = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助")
    fell = next(c for c in classes if _row(later, 6, c) < _row(earlier, 6, c))
    answer = service.ask(question.format(fell))
    assert answer.value == _row(earlier, 6, fell) - _row(later, 6, fell), answer.answer


def test_members_asked_with_shi_shenme(years):
    service, _, _ = years
    listed = service.ask("2024年项目支出经济分类里有、2025年项目支出经济分类里没有了的科目是哪些？")
    answer = service.ask("2024年项目支出经济分类里有、2025年项目支出经济分类里没有了的科目是什么？")
    assert listed.answered and "项目支出：指" not in answer.answer
    assert answer.items == listed.items, answer.answer


def test_two_units_compared_then_the_measure(market):
    service, _ = market
    same_value(service, "执法大队和检测所比，基本支出谁多？多多少？", "执法大队的基本支出比检测所多多少？")


def test_the_bulk_told_before_another_part_is_asked(market):
    service, truth = market
    answer = service.ask("三公经费一共十来万，其中大头是公车运维，公务接待费占多大比例？")
    assert answer.value == percent(figure_value(truth, "公务接待费"), figure_value(truth, "“三公”经费")), answer.answer

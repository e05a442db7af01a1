"""What a question over two loaded years of one department means when it leaves something unsaid,
phrasings of our own on generated documents (tools.synth; expected figures from their truth): a change
asked with no year is the latest year over the one before."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest


def _total(truth, column: int) -> Decimal:
    return next(r for r in truth.table(3).rows if r.kind == "total").amounts[column]


def _rate(a: Decimal, b: Decimal) -> Decimal:
    return (abs(b - a) / a * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("question", ["基本支出的增幅是多少？", "基本支出变化了百分之几", "请问基本支出的变化率是多少？"])
def test_a_change_asked_with_no_year_is_the_latest_over_the_one_before(years, question):
    service, earlier, later = years
    answer = service.ask(question)
    assert answer.value == _rate(_total(earlier, 1), _total(later, 1)), answer.answer


def test_a_difference_asked_with_no_year_is_the_latest_over_the_one_before(years):
    service, earlier, later = years
    a, b = _total(earlier, 2), _total(later, 2)  # 项目支出
    word = "增加" if b > a else "减少"
    answer = service.ask(f"项目支出{word}了多少万元？")
    assert answer.value == abs(b - a), answer.answer


def test_two_things_compared_with_no_year_are_no_change_over_the_years(years):
    """「项目支出比基本支出多了多少」 compares within a year: which year is still asked, never the change."""
    service, earlier, later = years
    answer = service.ask("项目支出比基本支出多了多少？")
    changes = {abs(_total(later, k) - _total(earlier, k)) for k in (1, 2)}
    assert answer.value not in changes, answer.answer

"""Sets across two years, narrowed (issue 10): projects of the earlier year above an amount
(2024年金额超过200万、2025年不再出现的), of one amount (2024年那些500万元的项目里), or paid by one fund
(2024年靠政府性基金安排的项目里) that the later year no longer has — each filter applied to the year it is
said of, never dropped, never read as one project's name. Phrasings of our own on generated
departments in two years (tools.synth); expected names from their truth."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import synth_years_service

FUND = 3  # 表12's 政府性基金预算 column


@pytest.fixture(scope="module")
def farming_years(tmp_path_factory):
    """A generated agriculture bureau in 2024 and 2025 with one 政府性基金 project dropped (seeds 56262, 56263)."""
    return synth_years_service(tmp_path_factory.mktemp("farming_years"), 56262, "北渚市岑口县农业农村局", later_seed=56263)


def _dropped(earlier, later, keep) -> list[str]:
    now = {p.name for p in later.projects}
    return sorted(p.name for p in earlier.projects if p.name not in now and keep(p))


@pytest.mark.parametrize("question", ["2024年金额超过200万、2025年不再出现的项目有哪些", "2024年超过200万元的项目里，2025年没有了的是哪些？"])
def test_dropped_above_an_amount(years, question):
    service, earlier, later = years
    expected = _dropped(earlier, later, lambda p: p.amounts[0] > 200)
    assert expected and expected != _dropped(earlier, later, lambda p: True)
    assert sorted(service.ask(question).items) == expected


def test_dropped_of_one_amount(farming_years):
    service, earlier, later = farming_years
    expected = _dropped(earlier, later, lambda p: p.amounts[0] == Decimal(500))
    assert len(expected) >= 2
    answer = service.ask("2024年那些500万元的项目里，哪些到2025年已经不再安排了？")
    assert sorted(answer.items) == expected, answer.answer


def test_dropped_of_one_fund(farming_years):
    service, earlier, later = farming_years
    expected = _dropped(earlier, later, lambda p: p.amounts[FUND] > 0)
    assert expected
    answer = service.ask("2024年靠政府性基金安排的项目里，哪个到2025年不见了？")
    assert sorted(answer.items) == expected and "政府性基金" in answer.answer, answer.answer

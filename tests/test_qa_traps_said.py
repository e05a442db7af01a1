"""Questions a budget cannot answer though they name what it holds — a rate per recipient, an address,
a monthly split — refused, never answered with the total or the thing's own text; phrasings of our own
on a generated document (tools.synth seed 3904)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["村庄规划编制经费的补助标准是多少？", "村庄规划编制经费按每个村每年多少钱的标准发放？"])
def test_a_rate_per_recipient_is_no_total(resources, question):
    """「X的补助标准」: a budget states X's total; the rate per recipient it does not give."""
    service, _ = resources
    answer = service.ask(question)
    assert not answer.answered, answer.answer


def test_an_address_asked_of_a_unit_is_not_its_duties(resources):
    """「X中心在哪条路上？想过去办事」: the unit's text says what it does, not where it is."""
    service, truth = resources
    answer = service.ask(f"{truth.subordinate_units[1].removeprefix(truth.region)}在哪条路上？想过去办事。")
    assert not answer.answered, answer.answer


def test_a_monthly_split_is_not_the_projects_text(resources):
    """「X是怎么按月分配的」: the year's figure only; the project's purpose says no month."""
    service, _ = resources
    answer = service.ask("宣传工作经费是怎么按月分配的？")
    assert not answer.answered, answer.answer


@pytest.mark.parametrize("question", ["因公出国（境）费安排了吗？", "今年有没有安排公务用车购置费？"])
def test_whether_money_is_arranged_is_answered_by_its_amount(resources, question):
    """「X安排了吗」: the amount says whether (0: not arranged) — a yes-or-no the figure does answer."""
    service, truth = resources
    label = "因公出国（境）费" if "出国" in question else "公务用车购置费"
    answer = service.ask(question)
    assert answer.value == truth.figure(label).value, answer.answer


@pytest.fixture(scope="module")
def water_years(tmp_path_factory):
    """A generated water bureau with two units, in 2024 and 2025 (seed 3905)."""
    from conftest import synth_years_service

    return synth_years_service(tmp_path_factory.mktemp("water_years"), 3905, "北渚市芦湾区水利局")


def test_a_count_of_staff_is_never_a_money_figure(water_years):
    """「水库管理所有多少名职工」, two years loaded: the documents give the unit's money, not its staff."""
    service, _, _ = water_years
    answer = service.ask("水库管理所有多少名职工？")
    assert not answer.answered, answer.answer

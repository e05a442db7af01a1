"""A project gone in one year whose family the other year holds (issue 10): 「X2024年有一笔，2025年只剩下
（二期）了」 sets X against X（二期）; 「2025年有补助资金和第二批两笔，这两笔加起来」 against their sum — each
named in the answer. With no part said, X is still refused in the year without it (never a guess among
its family). Phrasings of our own on a generated emergency bureau (tools.synth seed 3910) in two years."""

from __future__ import annotations

import pytest
from conftest import project_amount, synth_years_service


@pytest.fixture(scope="module")
def emergency(tmp_path_factory):
    return synth_years_service(tmp_path_factory.mktemp("emergency"), 3910, "云川市棠溪区应急管理局")


def test_the_one_member_said(emergency):
    service, earlier, later = emergency
    base = "安全生产专项整治经费"
    answer = service.ask(f"{base}2024年有一笔，2025年只剩下（二期）了。二期和2024年那笔相差多少？")
    diff = project_amount(later, base + "（二期）") - project_amount(earlier, base)
    assert answer.value is not None and abs(answer.value) == abs(diff), answer.answer
    assert base + "（二期）" in answer.answer, answer.answer


def test_two_members_said_and_summed(emergency):
    service, earlier, later = emergency
    base = "危险化学品企业安全评估经费"
    answer = service.ask(f"{base}2024年只有一个，2025年有补助资金和第二批两笔。2025年这两笔加起来比2024年多多少？")
    total = project_amount(later, base + "补助资金") + project_amount(later, base + "（第二批）")
    assert answer.value is not None and abs(answer.value) == abs(total - project_amount(earlier, base)), answer.answer


def test_no_part_said_is_refused(emergency):
    service, _, _ = emergency
    answer = service.ask("会议室音视频设备维护费2025年比2024年多多少？")
    assert not answer.answered and "2025" in answer.answer, answer.answer


@pytest.fixture(scope="module")
def market(tmp_path_factory):
    return synth_years_service(tmp_path_factory.mktemp("market"), 3904, None)


def test_the_one_not_meant_is_left_out_in_each_year(market):
    service, earlier, later = market
    base = "聘用人员劳务费"
    assert base + "补助资金" in {p.name for p in earlier.projects}
    answer = service.ask(f"{base}（不是后面带“补助资金”的那个）2025年比上年变化了多少")
    diff = project_amount(later, base) - project_amount(earlier, base)
    assert answer.value is not None and abs(answer.value) == abs(diff), answer.answer


def test_names_not_the_same_are_the_new_ones(emergency):
    service, earlier, later = emergency
    new = {p.name for p in later.projects} - {p.name for p in earlier.projects}
    answer = service.ask("2025年的项目里，名称跟2024年任何一个项目都不完全相同的有多少个？")
    assert answer.value == len(new), answer.answer


def test_an_example_of_the_set_asked_is_no_member_check(emergency):
    service, earlier, later = emergency
    dropped = {p.name for p in earlier.projects} - {p.name for p in later.projects}
    example = sorted(dropped)[0]
    answer = service.ask(f"有几个老项目2025年好像没再出现，比如{example}。2024年还有、到2025年就不见了的项目都有哪些？")
    assert set(answer.items) == dropped, answer.answer


@pytest.mark.parametrize(("said", "up"), [("多", True), ("少", False)])
def test_names_in_both_years_that_rose_or_fell(emergency, said, up):
    service, earlier, later = emergency
    old = {p.name: p.amounts[0] for p in earlier.projects}
    moved = {p.name for p in later.projects if p.name in old and (p.amounts[0] > old[p.name] if up else p.amounts[0] < old[p.name])}
    answer = service.ask(f"同名项目里，2025年预算比2024年{said}的是哪些？")
    assert moved and set(answer.items) == moved, answer.answer


def test_projects_of_an_exact_amount_counted_each_year(emergency):
    service, earlier, later = emergency
    counts = [sum(1 for p in t.projects if p.amounts[0] == 500) for t in (earlier, later)]
    answer = service.ask("两年的项目表里，金额正好是500万元的项目加起来一共有几个？")
    assert answer.value == sum(counts) and "500" in answer.answer, answer.answer

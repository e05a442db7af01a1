"""A part of the names narrows a set of offices or units (issue 10 §1), phrasings of our own on a
generated document (tools.synth seed 3901): 名称以“股”结尾的内设机构有几个, 内设机构里哪些是股,
名字里带“X”的内设机构; an office named by a kind word that no loaded office has is still refused,
and the whole list is still the whole list. Expected names come from the document's truth."""

from __future__ import annotations

from decimal import Decimal

import pytest


def _kind_word(truth) -> tuple[str, list[str]]:
    """The last character some but not all offices' names end in, and those offices."""
    names = [name for name, _ in truth.units]
    for last in dict.fromkeys(n[-1] for n in names):
        held = [n for n in names if n.endswith(last)]
        if 0 < len(held) < len(names):
            return last, held
    raise AssertionError("the generated offices share one kind word")


@pytest.mark.parametrize("question", ["名称以“{}”结尾的内设机构有几个？", "内设机构中有几个{}？", "内设机构名字以{}结尾的有多少个"])
def test_offices_counted_by_the_end_of_their_names(market, question):
    service, truth = market
    kind, held = _kind_word(truth)
    answer = service.ask(question.format(kind))
    assert answer.value == Decimal(len(held)), answer.answer
    assert answer.items == held


def test_offices_listed_by_their_kind_word(market):
    service, truth = market
    kind, held = _kind_word(truth)
    answer = service.ask(f"内设机构里哪些是{kind}？")
    assert answer.items == held, answer.answer


def test_offices_listed_by_a_quoted_part_of_their_names(market):
    service, truth = market
    names = [name for name, _ in truth.units]
    part = next(n[:2] for n in names if sum(n[:2] in m for m in names) == 1)
    answer = service.ask(f"名字里带“{part}”的内设机构是哪个")
    assert answer.items == [n for n in names if part in n], answer.answer


def test_an_office_not_loaded_is_still_refused_and_the_whole_list_unchanged(market):
    service, truth = market
    kind, _ = _kind_word(truth)
    assert service.ask(f"宣传{kind}负责什么").value is None
    assert "无法回答" in service.ask(f"宣传{kind}负责什么").answer
    whole = service.ask("内设机构有哪些？")
    assert whole.items == [name for name, _ in truth.units], whole.answer


def test_the_offices_listed_then_one_described_in_a_second_sentence(market):
    service, truth = market
    name, duty = truth.units[-1]
    answer = service.ask(f"2025年文件里内设了哪几个股室？其中{name}具体管什么？")
    assert all(n in answer.items for n, _ in truth.units), answer.answer
    assert duty.rstrip("。") in answer.answer


def test_two_offices_named_for_their_division_of_work(market):
    service, truth = market
    (a, duty_a), (b, duty_b) = truth.units[1], truth.units[2]
    answer = service.ask(f"内设的{a}和{b}分工是怎样的，各管什么？")
    assert duty_a.rstrip("。") in answer.answer and duty_b.rstrip("。") in answer.answer, answer.answer


def _basic(truth) -> dict[str, Decimal]:
    rows = truth.table(11).rows
    return {r.label: r.amounts[0] for r in rows if r.kind == "unit"}


def test_units_compared_and_ranked(market):
    service, truth = market
    basic = _basic(truth)
    ordered = sorted(basic, key=basic.get, reverse=True)
    answer = service.ask("三个单位里面，基本支出排第二的是哪家？")
    assert ordered[1] in answer.answer and answer.value == basic[ordered[1]], answer.answer
    sub = truth.subordinate_units[0]
    answer = service.ask(f"局本级和{sub[len('北渚市芦湾区'):]}的基本支出，哪个多？")
    winner, other = sorted((truth.department, sub), key=basic.get, reverse=True)
    assert answer.answered and answer.answer.index(winner) < answer.answer.index(other.replace(truth.department, "本级")), answer.answer
    assert answer.value in (basic[winner], basic[winner] - basic[other]), answer.answer


def test_a_name_ending_written_in_brackets_filters_the_projects(market):
    service, truth = market
    answer = service.ask("名字后面带（第二批）的项目都有哪些")
    assert answer.items == [p.name for p in truth.projects if p.name.endswith("（第二批）")], answer.answer

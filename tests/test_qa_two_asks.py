"""Two asks joined in one question across two years (issue 10 §6), phrasings of our own on a
generated department in 2024 and 2025 (tools.synth seed 3905): 「涨得最多的和跌得最多的分别是哪个」
gives both rankings (no single figure); 「名称一模一样」 is the same name, not the same amount.
Expected names come from the documents' truth."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import synth_years_service


def _changes(earlier, later):
    old = {p.name: p.amounts[0] for p in earlier.projects if sum(q.name == p.name for q in earlier.projects) == 1}
    new = {p.name: p.amounts[0] for p in later.projects if sum(q.name == p.name for q in later.projects) == 1}
    return {n: new[n] - old[n] for n in old.keys() & new.keys()}


def test_the_largest_rise_and_fall_each_given(years):
    service, earlier, later = years
    change = _changes(earlier, later)
    rise, fall = max(change, key=change.get), min(change, key=change.get)
    assert change[rise] > 0 > change[fall]
    answer = service.ask("兩年都有的項目裡，漲得最多的和跌得最多的分別是哪個？")
    assert rise in answer.answer and fall in answer.answer, answer.answer
    assert answer.value is None


def test_same_name_is_not_same_amount(years):
    service, earlier, later = years
    change = _changes(earlier, later)
    fell = sorted(n for n, c in change.items() if c < 0)
    answer = service.ask("两年名称一模一样都有的项目里，哪些是2025年反而比2024年少的？")
    assert sorted(answer.items) == fell, answer.answer


def test_this_year_and_last_year_pick_the_documents_of_one_department(years):
    service, earlier, later = years
    three = {t.year: t.figure("“三公”经费") for t in (earlier, later)}
    last = service.ask("去年三公经费是多少")
    assert last.value == three[2024].value and "2024年" in last.answer, last.answer
    this = service.ask("今年三公经费多少")
    assert this.value == three[2025].value and "2025年" in this.answer, this.answer
    change = service.ask("三公经费比去年增加多少")
    assert change.value == abs(three[2025].change), change.answer


def test_an_aside_setting_a_total_apart_and_one_restating_parts(years):
    service, earlier, later = years
    project = {t.year: next(r for r in t.table(3).rows if r.kind == "total").amounts[2] for t in (earlier, later)}
    answer = service.ask("项目支出（注意不是支出总额哈）2025年比2024年增加了多少万？")
    assert answer.value == abs(project[2025] - project[2024]), answer.answer
    three = {t.year: t.figure("“三公”经费").value for t in (earlier, later)}
    answer = service.ask("“三公”经费（出国、公车、接待那三样）2024年加2025年一共是多少万？")
    assert answer.value == three[2024] + three[2025], answer.answer


def test_a_year_named_beside_last_year_is_that_years_document(years):
    service, earlier, _ = years
    amounts = sorted(p.amounts[0] for p in earlier.projects)
    low, high = int(amounts[1]) + 1, int(amounts[-2])
    expected = sorted(p.name for p in earlier.projects if low < p.amounts[0] < high)
    answer = service.ask(f"去年的项目里（2024年那张项目表），金额超过{low}万但不到{high}万的有哪些？")
    assert sorted(answer.items) == expected, answer.answer


def test_new_and_dropped_asked_in_two_sentences_are_both_given(years):
    """「…新增了哪些？又有哪些…没了？」: the second sentence, opening with 又, asks a set of its own."""
    service, earlier, later = years
    old, new = {p.name for p in earlier.projects}, {p.name for p in later.projects}
    added, dropped = sorted(new - old), sorted(old - new)
    assert added and dropped
    answer = service.ask("2025年比2024年新增了哪些项目？又有哪些项目2024年有而2025年没了？")
    assert sorted(answer.items) == sorted(added + dropped), answer.answer


@pytest.fixture(scope="module")
def years_apart(tmp_path_factory):
    """A department whose largest fall by amount is not its largest by rate (seed 3911)."""
    return synth_years_service(tmp_path_factory.mktemp("years_apart"), 3911, "青岚市松汀区统计局")


def test_two_rankings_in_two_sentences_are_both_given_or_refused(years_apart):
    """By amount, then by rate: never the answer to one of them alone."""
    service, earlier, later = years_apart
    old = {p.name: p.amounts[0] for p in earlier.projects}
    change = _changes(earlier, later)
    by_amount = min(change, key=change.get)
    by_rate = min(change, key=lambda n: change[n] / old[n])
    assert by_amount != by_rate
    answer = service.ask("两年都有的项目里，按金额算降得最多的是哪个？要是按降幅百分比算，降得最狠的又是哪个？")
    assert not answer.answered or by_amount in answer.answer and by_rate in answer.answer, answer.answer


def test_each_years_reason_when_asked_of_each(years):
    """「两年的三公经费变化原因各是什么」: each document's own reason, labelled by its year; never a
    difference of figures for a reason asked."""
    service, earlier, later = years
    answer = service.ask("两年的三公经费变化原因各是什么？")
    assert answer.answered and answer.answer.count("原因") == 2, answer.answer
    assert str(earlier.year) in answer.answer and str(later.year) in answer.answer
    answer = service.ask("三公经费方面，2024年和2025年的说明里各自怎么解释变化原因的？")
    assert not answer.answered or answer.answer.count("原因") >= 2, answer.answer


def test_last_year_against_this_year_in_that_order(years):
    """「X去年比今年多出多少」: the earlier year less the later, as asked."""
    service, earlier, later = years
    old, new = (t.figure("支出预算").value for t in (earlier, later))
    answer = service.ask("支出预算去年比今年多出多少万元？")
    assert answer.value == old - new, answer.answer


def test_the_year_before_a_name_is_never_part_of_it(years):
    """「2024年办公设备构置经费预算多少」 (a typo) with 2025年办公设备购置经费 loaded too: 2024年 names
    the year, and the earlier document's figure is given — never the later one's."""
    service, earlier, later = years
    names = {p.name: p.amounts[0] for p in earlier.projects}
    base = next(p.name[5:] for p in later.projects if p.name.startswith(f"{later.year}年") and p.name[5:] in names and p.name[5:].endswith("经费"))
    typo = base.replace("购", "构").replace("租赁", "租凭")
    assert typo != base
    assert service.ask(f"{earlier.year}年{base}预算多少？").value == names[base]
    answer = service.ask(f"{earlier.year}年{typo}预算多少？")
    assert answer.value in (None, names[base]), answer.answer  # a refusal at worst, never the later one's


def test_a_second_sentence_asking_anew_is_never_the_whole_answer(years):
    """「今年预算总量下来了，说明里怎么解释的？另外三公经费反而涨了，又是什么理由？」: both reasons, or
    a refusal naming the ask not answered — never the second reason alone."""
    service, earlier, later = years
    answer = service.ask("今年预算总量下来了，说明里怎么解释的？另外三公经费反而涨了，又是什么理由？")
    assert not answer.answered or answer.answer.count("原因") >= 2, answer.answer


def test_a_second_sentence_asks_within_the_set_the_first_opened(years):
    """「基本支出按经济分类看，…没了的是哪几个？反过来新加的又是哪个？」: the second ask is of the same
    set (表6's items), never of the projects; both sets or a refusal."""
    service, earlier, later = years
    old, new = ({r.label for r in t.table(6).rows if r.code and len(r.code) == 5} for t in (earlier, later))
    answer = service.ask("基本支出按经济分类看，2024年列了、2025年就没了的明细科目是哪几个？反过来2025年新加的又是哪个？")
    assert not answer.answered or sorted(answer.items) == sorted((old - new) | (new - old)), answer.answer


def test_a_change_told_from_one_amount_to_another_is_across_the_two_years(years):
    """「支出预算从A万变到B万，这个幅度是百分之多少」 names no year: the stated move is between the two
    loaded years of the one department."""
    service, earlier, later = years
    old, new = (t.figure("支出预算").value for t in (earlier, later))
    answer = service.ask(f"支出预算从{int(old)}多万一下子变到{int(new)}多万，这个变化幅度是百分之多少？")
    rate = (abs(new - old) / old * 100).quantize(Decimal("0.01"))
    assert answer.value is not None and abs(answer.value) == rate, answer.answer

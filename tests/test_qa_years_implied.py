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


SEED = 560312  # a natural resources bureau: a subordinate unit with four projects, two of them 500万元


@pytest.fixture(scope="module")
def lands(tmp_path_factory):
    from conftest import synth_service

    return synth_service(tmp_path_factory.mktemp("lands"), SEED, None)


def _projects(truth) -> list:
    return [p for p in truth.projects if p.amounts[0] > 0]


def test_an_amount_before_those_projects_chooses_them(lands):
    """「500万元的那几个项目合计」: the projects of that amount, not every project."""
    service, truth = lands
    amount = Decimal(500)
    chosen = [p for p in truth.projects if p.amounts[0] == amount]
    assert len(chosen) >= 2
    for question in ("500万元的那几个项目合计是多少？", "500万那几个项目一共多少钱"):
        answer = service.ask(question)
        assert answer.value == amount * len(chosen), answer.answer


def test_words_of_a_projects_own_name_asked_apart_are_not_given(lands):
    """「X一共多少，其中A和B各分多少」 with A and B words of X's own name: the document gives X whole."""
    service, truth = lands
    project = max(_projects(truth), key=lambda p: len(p.name))
    a, b = project.name[:2], project.name[2:4]
    for question in (f"{project.name}里{a}和{b}分别是多少？", f"{project.name}一共多少，其中{a}和{b}各分多少？"):
        answer = service.ask(question)
        assert not answer.answered, (question, answer.answer)


def test_a_noun_no_document_holds_is_not_answered_by_a_projects_text(lands):
    """「X是哪家运营商提供的」: X's text chosen by another word (提供) does not name the company."""
    service, truth = lands
    project, verb = next((p, v) for p in _projects(truth) for v in ("提供", "开展", "实施", "推进", "完成", "保障") if v in p.purpose)  # a word its text says
    answer = service.ask(f"{project.name}是哪家运营商{verb}的？")
    assert not answer.answered, answer.answer
    assert service.ask(f"{project.name}主要用于做什么？").answered


def test_a_body_named_by_a_projects_words_is_not_loaded(lands):
    """「劳动人事争议仲裁院在哪」 beside the project 劳动人事争议仲裁经费: a body, not that project."""
    service, truth = lands
    project = next(p for p in _projects(truth) if p.name.endswith("经费") and len(p.name) >= 7)
    body = project.name[:-2] + "院"
    answer = service.ask(f"{body}在什么地方？")
    assert not answer.answered, answer.answer
    assert "没有" in answer.answer and body in answer.answer, answer.answer

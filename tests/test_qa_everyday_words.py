"""Everyday words for the document's terms (qa/data/synonyms.tsv), phrasings of our own on a
generated document (tools.synth seed 3902): 出差的钱 is 差旅费, 车辆数 is the count of 车辆. Expected
figures come from the document's truth."""

from __future__ import annotations

from conftest import truth_row


def test_travel_money_is_the_travel_line(legal):
    service, truth = legal
    travel = truth_row(truth, 6, "差旅费")
    for question in ("基本支出里出差的钱安排了多少？", "出差费（基本支出那张表里的）是多少"):
        answer = service.ask(question)
        assert answer.value == travel.amounts[0], answer.answer


def test_the_count_of_cars_named_as_a_number_of_cars(legal):
    service, truth = legal
    cars = sum(held for _, _, held, _ in truth.staff)
    answer = service.ask("按文件里的车辆数算，局里一共有几辆车？")
    assert answer.value == cars, answer.answer


def test_buying_an_official_car_is_the_purchase_line(legal):
    service, truth = legal
    figure = next(f for f in truth.figures if f.label == "公务用车购置费")
    for question in ("今年有没有安排买公务用车的钱？安排了多少", "买公车的预算是多少"):
        answer = service.ask(question)
        assert answer.value == figure.value, answer.answer


def test_the_project_that_burns_most_money_is_the_largest(legal):
    service, truth = legal
    largest = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask("哪个项目最烧钱？")
    assert answer.items == [largest.name], answer.answer


def test_over_a_million_is_a_threshold(legal):
    """过百万 / 超百万: more than 100万元, never every project."""
    service, truth = legal
    over = [p for p in truth.projects if p.amounts[0] > 100]
    assert 0 < len(over) < len(truth.projects)
    for question in ("过百万的项目有几个", "超百万的项目一共几个？"):
        answer = service.ask(question)
        assert answer.value == len(over), answer.answer


def test_two_terms_asked_apart_are_each_defined(legal):
    """「读者老问基本支出和项目支出有啥区别…项目支出按文件里的说法是怎么定义的」: each term named is
    given in the glossary's words, the one asked last too."""
    service, truth = legal
    glossary = dict(truth.glossary)
    for question in ("基本支出和项目支出有啥区别？", "读者老问基本支出和项目支出有啥区别，我得加个小注——越简单越好——项目支出按文件里的说法是怎么定义的？"):
        answer = service.ask(question)
        for term in ("基本支出", "项目支出"):
            assert glossary[term].rstrip("。")[:20] in answer.answer, (question, answer.answer)

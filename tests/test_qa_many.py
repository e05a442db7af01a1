"""Several departments and years in one store (generated documents): questions naming a
department or a year, comparisons of years, rankings and totals across departments."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.parsing.textutil import split_region
from kg.pipeline import replace_documents
from kg.store.embedded import OxigraphStore
from qa.service import QAService
from tools.synth import generate


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    first, t1 = generate(5)
    second, t2 = generate(6, previous=t1)  # the same department, the next year
    other, t3 = generate(7)
    store = OxigraphStore(tmp_path_factory.mktemp("many"))
    replace_documents([("a.txt", first.encode()), ("b.txt", second.encode()), ("c.txt", other.encode())], store)
    return QAService(store), t1, t2, t3


def _sangong(truth) -> Decimal:
    return next(r for r in truth.table(8).rows if "三公" in r.label).amounts[0]


def test_a_named_department_and_year_select_the_document(corpus):
    service, t1, t2, t3 = corpus
    core = split_region(t1.department)[1]
    assert service.ask(f"{core}{t2.year}年的三公经费是多少？").value == _sangong(t2)
    assert service.ask(f"{core}{t1.year}年的三公经费是多少？").value == _sangong(t1)
    assert service.ask(f"{t3.department}的三公经费是多少？").value == _sangong(t3)


def test_years_of_one_department_are_compared(corpus):
    service, t1, t2, _ = corpus
    core = split_region(t1.department)[1]
    answer = service.ask(f"{core}{t2.year}年比{t1.year}年预算增加多少？")
    stated = t2.figure("收入预算").change
    assert answer.answered and answer.value == abs(stated)


def test_rank_and_total_across_departments(corpus):
    service, t1, t2, t3 = corpus
    ranked = service.ask("哪个部门三公经费最多？")
    values = {_sangong(t) for t in (t1, t2, t3)}
    assert ranked.answered and ranked.value == max(values)
    total = service.ask("各部门三公经费合计多少？")
    assert total.value == sum(_sangong(t) for t in (t1, t2, t3))


def test_an_unqualified_question_is_answered_per_document_in_a_stable_order(corpus):
    service, t1, t2, t3 = corpus
    answer = service.ask("三公经费是多少？")
    assert answer.answered
    names = [t.department for t in (t1, t3)]
    assert all(name in answer.answer for name in names)
    newer, older = f"{t2.department}{t2.year}", f"{t1.department}{t1.year}"
    assert answer.answer.index(newer) < answer.answer.index(older)  # newest year first

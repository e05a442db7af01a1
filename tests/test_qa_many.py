"""Several departments and years in one store (generated documents): questions naming a
department or a year, comparisons of years, rankings and totals across departments."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.parsing.textutil import split_region
from kg.pipeline import replace_documents
from kg.store.embedded import OxigraphStore
from qa.kinds.base import cue_data
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
    """Each department once, in the latest year all have (t1's, not t2's): a department's two
    years are not two departments."""
    service, t1, _, t3 = corpus
    ranked = service.ask("哪个部门三公经费最多？")
    values = {_sangong(t) for t in (t1, t3)}
    assert ranked.answered and ranked.value == max(values)
    total = service.ask("各部门三公经费合计多少？")
    assert total.value == sum(_sangong(t) for t in (t1, t3))


def test_an_unqualified_question_is_answered_per_document_in_a_stable_order(corpus):
    service, t1, t2, t3 = corpus
    answer = service.ask("三公经费是多少？")
    assert answer.answered
    names = [t.department for t in (t1, t3)]
    assert all(name in answer.answer for name in names)
    newer, older = f"{t2.department}{t2.year}", f"{t1.department}{t1.year}"
    assert answer.answer.index(newer) < answer.answer.index(older)  # newest year first


def _total(truth, column: int) -> Decimal:
    return next(r for r in truth.table(3).rows if r.kind == "total").amounts[column]


FIGURES = {"三公经费": _sangong, "基本支出": lambda t: _total(t, 1), "项目支出": lambda t: _total(t, 2)}


@pytest.mark.parametrize("what", sorted(FIGURES))
@pytest.mark.parametrize("operation", ["max", "min", "sum", "diff"])
def test_departments_asked_together_get_one_result(corpus, operation, what):
    """The cross_department kind's own phrasings (qa/data/kinds/cross_department.json): each
    department's figure of the latest year all of them have (t1, not t2), one aggregate."""
    service, t1, _, t3 = corpus
    a, b = split_region(t1.department)[1], split_region(t3.department)[1]
    values = {t1.department: FIGURES[what](t1), t3.department: FIGURES[what](t3)}
    expected = {"max": max(values.values()), "min": min(values.values()), "sum": sum(values.values()),
                "diff": abs(values[t1.department] - values[t3.department])}[operation]
    for template in cue_data("cross_department")["phrasings"][operation]:
        question = template.format(a=a, b=b, what=what)
        answer = service.ask(question)
        assert answer.answered and answer.value == expected, (question, answer.answer)
        assert answer.intent == "cross_department", (question, answer.intent)
        if operation in ("max", "min") and len(set(values.values())) == 2:
            top = (max if operation == "max" else min)(values, key=values.get)
            assert answer.items == [f"{top}{t1.year}年"], (question, answer.items)


def test_departments_with_no_common_year_or_not_loaded_are_refused(corpus):
    service, t1, t2, t3 = corpus
    a, b = split_region(t1.department)[1], split_region(t3.department)[1]
    no_year = service.ask(f"{a}和{b}{t2.year}年的三公经费合计多少？")
    assert not no_year.answered and "同一年度" in no_year.answer, no_year.answer
    other = service.ask(f"{a}和{t1.department[:6]}财政局的三公经费加起来是多少？")
    assert not other.answered and "财政局" in other.answer, other.answer
    three = service.ask("三个部门的项目支出合计多少？")
    assert not three.answered and "3个部门" in three.answer, three.answer


def test_years_of_the_one_department_that_has_both_when_none_is_named(corpus):
    """「Y年新增了哪些项目」 with another department loaded: only one department has both years."""
    service, t1, t2, _ = corpus
    new = sorted({p.name for p in t2.projects} - {p.name for p in t1.projects})
    answer = service.ask(f"{t2.year}年比{t1.year}年新增了哪些项目？")
    assert answer.answered and answer.intent == "cross_year", answer.answer
    assert sorted(answer.items) == new and answer.answer.startswith(t2.department), answer.answer


@pytest.fixture(scope="module")
def six(tmp_path_factory):
    """Six departments of one kind in six districts: every name but the district's is shared."""
    from tools.synth.data import REGIONS

    docs = [generate(40 + k, department=f"{region}教育局") for k, (region, _) in enumerate(REGIONS[:6])]
    store = OxigraphStore(tmp_path_factory.mktemp("six"))
    replace_documents([(f"{k}.txt", text.encode()) for k, (text, _) in enumerate(docs)], store)
    return QAService(store), [truth for _, truth in docs]


def test_a_figure_asked_of_no_department_among_many_asks_which(six):
    service, truths = six
    answer = service.ask("三公经费是多少？")
    assert not answer.answered and "请说明是哪个部门" in answer.answer and answer.answer.count("部门预算") <= 8, answer.answer
    named = service.ask(f"{truths[3].department}的三公经费是多少？")
    assert named.value == _sangong(truths[3]), named.answer


def test_a_part_of_a_name_with_its_department_named(six):
    service, truths = six
    project = truths[2].projects[0]
    part = project.name[2:-2] if len(project.name) >= 8 else project.name
    answer = service.ask(f"{truths[2].department}的{part}那个项目多少钱？")
    assert answer.value == project.amounts[0], answer.answer


def test_a_name_many_departments_share_asks_which(six):
    service, _ = six
    for question in ("教育局的工资福利支出下面金额最小的科目是哪个？", "教育局的表7项目支出分为哪几大类经济科目？"):
        answer = service.ask(question)
        assert not answer.answered and "请说明是哪个部门" in answer.answer, answer.answer  # never a ranking of the six bureaus


def test_two_bodies_of_one_name_told_apart_by_their_districts(six):
    from tools.synth.data import REGIONS

    service, truths = six
    (_, a), (_, b) = REGIONS[0], REGIONS[1]
    each = [service.ask(f"{t.department}的项目支出是多少？").value for t in truths[:2]]
    answer = service.ask(f"{a}教育局和{b}教育局哪个项目支出多？")
    assert answer.value == max(each) and None not in each, answer.answer

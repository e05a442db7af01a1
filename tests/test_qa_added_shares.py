"""A share of several things added (issue 10): 「X有两笔…这两笔加在一起占项目支出的百分之多少」 is the sum of X
and its sibling (X（续建）) over the whole, never X alone; when the two said cannot be told apart (three
projects hold X's name), it is refused, not answered with one. Phrasings of our own on generated
documents (tools.synth); expected figures from their truth."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import synth_service


@pytest.fixture(scope="module")
def farming(tmp_path_factory):
    """A generated bureau whose 公务出行租车经费 has one sibling, （续建） (seed 3906)."""
    return synth_service(tmp_path_factory.mktemp("farming"), 3906, None)


@pytest.fixture(scope="module")
def inspection(tmp_path_factory):
    """A generated bureau with three projects holding 第三方绩效评价服务费 (seed 3919)."""
    return synth_service(tmp_path_factory.mktemp("inspection"), 3919, None)


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("question", [
    "公务出行租车经费有两笔，一笔是局里原来的，一笔是续建。我想算算这两笔加在一起占全部项目支出的百分之多少？",
    "公务出行租车经费前后两笔加在一起占项目支出的百分之多少？",
])
def test_two_of_one_name_added_as_a_share(farming, question):
    service, truth = farming
    held = [p.amounts[0] for p in truth.projects if "公务出行租车经费" in p.name]
    assert len(held) == 2
    whole = sum(p.amounts[0] for p in truth.projects)
    answer = service.ask(question)
    assert answer.value == _share(sum(held), whole) and answer.unit == "%", answer.answer


def test_one_of_them_alone_is_still_its_own_share(farming):
    service, truth = farming
    alone = next(p.amounts[0] for p in truth.projects if p.name == "公务出行租车经费")
    answer = service.ask("公务出行租车经费占项目支出的百分之多少？")
    assert answer.value == _share(alone, sum(p.amounts[0] for p in truth.projects)), answer.answer


def test_two_said_of_three_is_refused(inspection):
    service, _ = inspection
    answer = service.ask("第三方绩效评价服务费前后两笔加在一起占项目支出的百分之多少？")
    assert not answer.answered, answer.answer

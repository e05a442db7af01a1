"""Texts, citations, targets and refusals in anyone's words (issue 10 §2-§4), phrasings of our own:
a plan said in everyday words (准备添置、计划新购) is the document's 拟购置; a count of things to
buy is not an amount. Figures and words were read off the documents in tests/fixtures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import qa_service

SYNTH_361 = Path(__file__).parent / "fixtures" / "synth" / "synth_seed361.txt"


@pytest.fixture(scope="module")
def synth361(tmp_path_factory):
    return qa_service(tmp_path_factory, SYNTH_361)


@pytest.mark.parametrize("question", [
    "今年准备添置哪些固定资产？",
    "单位计划新购的固定资产主要有什么",
    "打算买些什么固定资产",
])
def test_planned_purchases_described_in_everyday_words(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.answered and "交换机" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("今年计划购置固定资产多少钱", Decimal("159.17")),
    ("预计要新买多少固定资产", Decimal("159.17")),
    ("本年度准备添置多少万元的固定资产", Decimal("159.17")),
])
def test_planned_purchase_amount(synth361, question, value):
    answer = synth361.ask(question)
    assert answer.answered and answer.value == value, answer.answer


def test_a_count_of_things_to_buy_is_not_the_amount(bigdata):
    answer = bigdata.ask("今年打算买几架交换机")
    assert not answer.answered and "架" in answer.answer, answer.answer

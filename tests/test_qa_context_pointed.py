"""A word pointing back into the asker's context carries what the context names (issue 10): 「这类依据」
after a sentence naming a cited document, 「它名下」 in a later clause after one naming a unit — never the
whole set unfiltered. Phrasings of our own on a generated justice bureau (tools.synth seed 3902)."""

from __future__ import annotations

import pytest

CITED = "区政府常务会议纪要"


def _citing(truth) -> set[str]:
    return {p.name for p in truth.projects if any(c.title == CITED for c in p.citations)}


@pytest.mark.parametrize("question", [f"我发现有项目引用了{CITED}，想看看是哪些项目用了这类依据？",
                                      "听说有的项目拿区政府的常务会议纪要当依据。用这种文件的项目有哪些"])
def test_a_kind_of_document_pointed_at(legal, question):
    service, truth = legal
    answer = service.ask(question)
    others = {p.name for p in truth.projects} - _citing(truth)
    assert _citing(truth) and all(n in answer.answer for n in _citing(truth)), answer.answer
    assert not any(n in answer.answer for n in others), answer.answer


def test_it_in_a_later_clause_is_the_unit_told_of(legal):
    service, truth = legal
    unit = "金禾市桐溪区公证处"
    mine = {p.name for p in truth.projects if p.unit == unit and p.amounts[0] < 20}
    others = {p.name for p in truth.projects if p.unit != unit and p.amounts[0] < 20}
    answer = service.ask("我在看公证处的项目结构，想挑出小的。它名下金额不到20万的项目有哪些？")
    assert mine and others and set(answer.items) == mine, answer.answer

"""The key projects' targets asked as 什么内容 (issue 10): 「重点项目的绩效目标是什么内容」 lists each key
project with its target in its words, as 是什么 does. Phrasings of our own on a generated justice bureau
(tools.synth seed 3902)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["重点项目的绩效目标是什么内容？", "说明里列的重点项目绩效目标，具体是什么内容"])
def test_targets_in_their_words(legal, question):
    service, truth = legal
    answer = service.ask(question)
    assert answer.answered and all(g.project in answer.answer and g.text.rstrip("。") in answer.answer for g in truth.goals), answer.answer

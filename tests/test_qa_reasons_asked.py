"""A reason asked as a yes-or-no guess (是因为…吗, 是不是因为…) or as 因为什么: the reason the document states
for the change, as when asked 原因是什么 — not a figure worked out from the change. Phrasings of our
own on a generated document (tools.synth)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "注意到今年预算比去年多了九十多万，是因为上年有什么项目没了吗？",
    "收入预算和上年比有变化，是不是因为项目调整？",
    "今年收入预算变化是因为什么",
])
def test_a_reason_asked_as_a_guess_gets_the_stated_reason(legal, question):
    service, _ = legal
    stated = service.ask("收入预算比上年变化的主要原因是什么？")
    assert stated.answered and "原因" in stated.answer, stated.answer
    reason = stated.answer[stated.answer.index("原因"):]
    answer = service.ask(question)
    assert answer.answered and reason in answer.answer, answer.answer

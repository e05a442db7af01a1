"""A glossary term's parts asked for (三公经费包括哪几项): the table's rows with their figures, and the
document's own definition that names them, with its glossary source. A filtered list (哪几项不是零) is
only the rows. Phrasings of our own on a generated document (tools.synth)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["三公经费具体包括哪几项", "文件里“三公”经费指的是哪几项费用", "三公经费由哪几项组成？"])
def test_parts_of_a_term_come_with_its_definition(legal, question):
    service, truth = legal
    answer = service.ask(question)
    assert answer.answered, answer.answer
    assert len(answer.items) == 3 and "公务接待费" in answer.items, answer.items
    assert "因公出国（境）费用、公务用车购置及运行维护费和公务接待费" in answer.answer  # the glossary's words
    assert any("名词解释" in s.table for s in answer.sources), answer.sources


def test_a_filtered_list_is_only_the_rows(legal):
    service, _ = legal
    answer = service.ask("三公经费里哪几项不是零？")
    assert answer.answered and "名词解释" not in answer.answer, answer.answer

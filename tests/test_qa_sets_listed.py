"""Sets the question lists itself (issue 10): classes named in brackets after the set's word
(几个大类（社保、卫生健康、住房保障）里，哪一类最少) are the candidates ranked — the first of them is not a
class to split. Examples of a level in brackets (款级科目（办公费、劳务费那一层）) stay examples. Phrasings of
our own on a generated document (tools.synth)."""

from __future__ import annotations

from conftest import truth_row


def test_classes_listed_in_brackets_are_the_candidates(legal):
    service, truth = legal
    listed = ["社会保障和就业支出", "卫生健康支出", "住房保障支出"]
    least = min(listed, key=lambda label: truth_row(truth, 3, label).amounts[0])
    answer = service.ask("这几个支出功能大类（社保、卫生健康、住房保障）里，哪一类最少？")
    assert answer.items == [least] and answer.value == truth_row(truth, 3, least).amounts[0], answer.answer
    assert "共比较3项" in answer.answer


def test_the_same_classes_listed_without_brackets_agree(legal):
    service, _ = legal
    bracketed = service.ask("这几个支出功能大类（社保、卫生健康、住房保障）里，哪一类最少？")
    plain = service.ask("社保、卫生健康、住房保障这几类里，哪一类最少？")
    assert plain.value == bracketed.value and plain.items == bracketed.items, plain.answer

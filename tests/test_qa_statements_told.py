"""Clauses that tell, not ask (issue 10): what the asker holds (我手上有一份科目清单，其中X…), what they mean
to do or were asked to do (我们想评估一下办公条件，… / 单位领导让我核一下数，…) and the document's own words
asked for (文件原话) — none of them is held against the question that follows. A person the documents do
not name stays refused, whoever asks. Phrasings of our own on a generated document (tools.synth);
expected figures from its truth."""

from __future__ import annotations

from conftest import truth_row


def test_a_list_the_asker_holds_asks_no_list(legal):
    service, truth = legal
    row = truth_row(truth, 3, "行政运行")
    answer = service.ask(f"我手上有一份功能分类科目清单，其中编码{row.code}的行政运行，今年预算多少？")
    assert answer.value == row.amounts[0] and not answer.items, answer.answer


def test_a_list_asked_for_is_still_a_list(legal):
    service, truth = legal
    answer = service.ask("给我一份项目清单，都有哪些项目？")
    assert len(answer.items) == len(truth.projects), answer.answer


def test_who_asked_the_asker_is_context(legal):
    service, truth = legal
    project = next(p for p in truth.projects if p.name == "法律援助案件补贴")
    answer = service.ask("单位领导让我核一下数，法律援助案件补贴今年预算里到底安排了多少？")
    assert answer.value == project.amounts[0], answer.answer


def test_what_the_asker_means_to_do_is_context(legal):
    service, _ = legal
    plain = service.ask("房屋面积有多少平方米？")
    assert plain.answered and plain.unit == "平方米", plain.answer
    answer = service.ask("我们单位想评估一下办公条件，文件里说房屋面积有多少平方米？")
    assert answer.value == plain.value and answer.unit == "平方米", answer.answer


def test_a_person_asked_for_stays_refused(legal):
    service, _ = legal
    answer = service.ask("局长让我查一下，局长的工资是多少")
    assert not answer.answered, answer.answer


def test_the_document_words_asked_for(legal):
    service, _ = legal
    stated = service.ask("三公经费比上年变化的原因是什么？")
    assert stated.answered and "原因" in stated.answer, stated.answer
    answer = service.ask("三公经费和上年比有变化，文件原话给的理由是什么")
    assert answer.answered and stated.answer[stated.answer.index("原因"):] in answer.answer, answer.answer


"""Names said the short way (issue 10 §3), phrasings of our own on generated documents (tools.synth):
a name ending in 费 named by one word of its own and 费 (评价费, 调解费); the rest of a name written with
one other character (租用费 for 租赁费) or 费用 for its 费 (专线租赁费用). The answer says which name it read;
a short form no name holds is refused. Expected figures come from the documents' truth."""

from __future__ import annotations

import pytest
from conftest import synth_service


@pytest.fixture(scope="module")
def justice(tmp_path_factory):
    """A generated justice bureau with one 电子公文专线 project (seed 3906)."""
    return synth_service(tmp_path_factory.mktemp("justice"), 3906, "金禾市桐溪区司法局")


def _project(truth, part: str):
    held = [p for p in truth.projects if part in p.name]
    assert len(held) == 1, [p.name for p in held]
    return held[0]


@pytest.mark.parametrize(("question", "part"), [
    ("评价费是多少", "评价"),
    ("第三方评价费安排了多少钱？", "评价"),
    ("调解费是多少", "调解"),
])
def test_a_word_of_the_name_and_its_fei(legal, question, part):
    service, truth = legal
    project = _project(truth, part)
    answer = service.ask(question)
    assert answer.value == project.amounts[0], answer.answer
    assert project.name in answer.answer


@pytest.mark.parametrize("question", [
    "数字政府电子公文专线租用费多少钱",
    "公文专线租用费是多少？",
    "专线租赁费用是多少",
    "公文专线租赁费用安排了多少",
])
def test_the_rest_of_a_name_said_otherwise(justice, question):
    service, truth = justice
    project = _project(truth, "电子公文专线")
    answer = service.ask(question)
    assert answer.value == project.amounts[0], answer.answer
    assert "近似词" in answer.answer and project.name in answer.answer


def test_a_class_said_with_feiyong_is_still_the_class(justice):
    service, truth = justice
    row = next(r for r in truth.table(7).rows if r.label == "租赁费")
    assert service.ask("租赁费用是多少").value == row.amounts[0]


@pytest.mark.parametrize("question", ["律师费是多少", "物业费是多少"])
def test_a_short_form_no_name_holds_is_refused(legal, question):
    service, truth = legal
    assert not any(question[:2] in p.name for p in truth.projects)
    answer = service.ask(question)
    assert answer.value is None and "无法回答" in answer.answer, answer.answer


def test_the_rest_of_a_name_said_short_is_not_another_names(bigdata):
    """「“一门式”区府至各镇街线路费」: …各镇街（部门）线路租赁费用 said short, not 线路费 of another project."""
    answer = bigdata.ask("“一门式”区府至各镇街线路费和东城街龙塘镇那个线路租赁费，差了多少？")
    assert "区府至各镇街（部门）线路租赁费用" in answer.answer and "龙塘镇" in answer.answer and "通讯线路费" not in answer.answer, answer.answer

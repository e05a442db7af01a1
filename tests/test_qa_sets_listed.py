"""Sets the question lists itself (issue 10): classes named in brackets after the set's word
(几个大类（社保、卫生健康、住房保障）里，哪一类最少) are the candidates ranked — the first of them is not a
class to split. Examples of a level in brackets (款级科目（办公费、劳务费那一层）) stay examples. Names holding
either of two keywords (名称里含“A”或者“B”) are all listed; a unit's projects are ranked (X第二大的项目); the
whole said with its parts (全局（含A、B）) is the whole.
Phrasings of our own on generated documents (tools.synth)."""

from __future__ import annotations

import pytest
from conftest import synth_service, truth_row


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


@pytest.mark.parametrize("question", ["名称里含“法律”或者“调解”的项目有哪些", "名字里带“法律”或“调解”的项目都有哪些？"])
def test_names_holding_either_keyword(legal, question):
    service, truth = legal
    expected = [p.name for p in truth.projects if "法律" in p.name or "调解" in p.name]
    assert any("法律" in n for n in expected) and any("调解" in n for n in expected)
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(expected), answer.answer


def test_one_keyword_is_still_one(legal):
    service, truth = legal
    answer = service.ask("名称里含“调解”的项目有哪些")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if "调解" in p.name), answer.answer


def test_a_units_projects_ranked(tmp_path):
    service, truth = synth_service(tmp_path, 56250, "澜溪市竹湾县发展和改革局", 2025)  # a 价格认证中心 with 22 projects
    own = sorted((p.amounts[0] for p in truth.projects if p.unit.endswith("价格认证中心")), reverse=True)
    assert own[1] != own[2]
    answer = service.ask("价格认证中心第二大的项目安排了多少")
    assert answer.value == own[1] and f"共比较{len(own)}项" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["全局（含教师发展中心、学生资助管理中心）一共有多少个项目？", "教育局全部门（本级加两个事业单位）一共有多少个项目？"])
def test_the_whole_said_with_its_parts(tmp_path, question):
    service, truth = synth_service(tmp_path, 3923, None)  # an education bureau whose two centres hold projects too
    assert len({p.unit for p in truth.projects}) == 3
    assert service.ask(question).value == len(truth.projects)
    own = [p for p in truth.projects if p.unit.endswith("教师发展中心")]
    assert service.ask("教师发展中心有多少个项目？").value == len(own)

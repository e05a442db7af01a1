"""Projects of one name told apart by a part (issue 10): 「X一期二期加起来」 is X and X（二期） summed, the two
written side by side with no joiner; 「两个项目都以“X”打头，一个是普通的，一个是专项经费。这两个加在一起」 is X
and X专项经费 — the part said alone names the one member of X's family holding it. Phrasings of our own
on a generated human-resources bureau (tools.synth seed 3902, no department given)."""

from __future__ import annotations

import pytest
from conftest import project_amount


@pytest.mark.parametrize("question", ["宣传工作经费一期二期加起来安排了多少", "宣传工作经费一期二期一共多少钱？"])
def test_two_phases_side_by_side_summed(hr, question):
    service, truth = hr
    answer = service.ask(question)
    assert answer.value == project_amount(truth, "宣传工作经费") + project_amount(truth, "宣传工作经费（二期）"), answer.answer


def test_a_part_said_alone_names_the_member(hr):
    service, truth = hr
    base = "档案整理及数字化加工费"
    answer = service.ask(f"表里有两个项目都以“{base}”打头，一个是普通的，一个是专项经费。这两个加在一起是多少？")
    assert answer.value == project_amount(truth, base) + project_amount(truth, base + "专项经费"), answer.answer


@pytest.mark.parametrize("pointers", [("后面这笔", "前面那笔"), ("后者", "前者")])
def test_the_former_and_the_latter_of_two_told(hr, pointers):
    service, truth = hr
    later, former = pointers
    base = "聘用人员劳务费"
    answer = service.ask(f"{base}有两笔名字很像，一笔就叫“{base}”，另一笔叫“2025年{base}”。{later}比{former}相差多少？")
    assert answer.value is not None and abs(answer.value) == abs(project_amount(truth, "2025年" + base) - project_amount(truth, base)), answer.answer


def test_two_of_a_name_said_in_part_summed(hr):
    service, truth = hr
    family = [p.amounts[0] for p in truth.projects if "基层财务一体化平台" in p.name and "第三期合同款" in p.name]
    assert len(family) == 2
    answer = service.ask("“基层财务一体化平台”第三期合同款，原来有一笔，续建又有一笔。两笔合计多少？")
    assert answer.value == sum(family), answer.answer


def test_a_name_said_with_another_joiner_and_no_kind_word(hr):
    service, truth = hr
    answer = service.ask("档案整理跟数字化加工的那个项目安排了多少钱？")
    assert answer.value == project_amount(truth, "档案整理及数字化加工费"), answer.answer


def test_a_name_filter_after_a_story_of_amounts(hr):
    service, truth = hr
    held = [p.amounts[0] for p in truth.projects if "档案整理及数字化加工" in p.name]
    answer = service.ask("档案整理及数字化加工费在表里出现了两次，一笔500多万。麻烦帮我把名称里带“档案整理及数字化加工”的都加起来，一共多少？")
    assert answer.value == sum(held), answer.answer

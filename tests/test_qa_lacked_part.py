"""A name part said to be lacking picks the name without it (issue 10): 「不带“十五五”的法律顾问服务经费」
is the plain project, not 岚岗县“十五五”法律顾问服务经费 the words 十五五+name link. Phrasings of our
own on a generated human-resources bureau (tools.synth seed 3902, no department given)."""

from __future__ import annotations

import pytest
from conftest import project_amount

PLAIN = "法律顾问服务经费"



@pytest.mark.parametrize("question", [f"不带“十五五”的“{PLAIN}”是多少？", f"没有带十五五的{PLAIN}安排了多少钱"])
def test_the_name_without_the_part(hr, question):
    service, truth = hr
    prefixed = next(p.name for p in truth.projects if p.name != PLAIN and p.name.endswith(PLAIN))
    assert project_amount(truth, PLAIN) != project_amount(truth, prefixed)
    answer = service.ask(question)
    assert answer.value == project_amount(truth, PLAIN) and prefixed not in answer.answer, answer.answer


def test_the_name_with_the_part(hr):
    service, truth = hr
    prefixed = next(p.name for p in truth.projects if p.name != PLAIN and p.name.endswith(PLAIN))
    answer = service.ask(f"“十五五”{PLAIN}是多少？")
    assert answer.value == project_amount(truth, prefixed), answer.answer


@pytest.mark.parametrize("question", ["信息系统安全测评费（不是后面那笔补助资金）预算是多少？", "信息系统安全测评费（不含补助资金）是多少",
                                      "听说信息系统这块花钱多。局里的那个项目——信息系统安全测评费（不是后面那笔补助资金）——预算是多少？"])
def test_the_one_not_meant_said_in_brackets(hr, question):
    service, truth = hr
    answer = service.ask(question)
    assert answer.value == project_amount(truth, "信息系统安全测评费") and "补助资金为" not in answer.answer, answer.answer


def test_the_one_with_the_part_in_brackets(hr):
    service, truth = hr
    answer = service.ask("信息系统安全测评费（带补助资金的那笔）是多少")
    assert answer.value == project_amount(truth, "信息系统安全测评费补助资金"), answer.answer

"""Projects named by a part of their name, and what their own text and targets say (issue 10 §3, §4):
phrasings of our own, on the documents in tests/fixtures. A question that writes out more than a
class's name, or asks for what only a project has (its document, its target), is about the project."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.mark.parametrize("question", [
    "安全巡查修缮这个项目依据的是哪份文件",
    "文物巡查项目的依据文件文号",
    "修缮文物那个项目是按哪个文件安排的",
])
def test_a_citation_asked_of_a_part_of_a_project_name(culture, question):
    answer = culture.ask(question)
    assert answer.answered and "清城府办〔2023〕15号" in answer.answer, answer.answer


def test_a_target_asked_of_a_part_of_a_project_name(culture):
    answer = culture.ask("修缮巡查那个重点项目定了什么绩效目标")
    assert answer.answered and "不少于48次" in answer.answer and "不少于3处" in answer.answer, answer.answer


def test_a_name_written_past_a_class_name_is_the_project(culture):
    answer = culture.ask("文物修缮这块安排了多少钱")
    assert answer.answered and answer.value == Decimal("62.35"), answer.answer
    assert "文物保护单位修缮及安全巡查经费" in answer.answer, answer.answer


def test_a_cue_half_is_not_a_name(culture):
    answer = culture.ask("区政府常务会议〔2024〕27号通知被哪项经费引用了")
    assert answer.answered and "农村应急广播运维经费" in answer.answer, answer.answer


def test_a_project_named_before_its_kind_noun_is_not_the_set_of_projects(bigdata):
    answer = bigdata.ask("执法平台技术开发项目列入了哪个清单")
    assert answer.answered and "十大行动方案" in answer.answer, answer.answer
    assert "共29项" not in answer.answer, answer.answer

"""Sets and names said in everyday words, phrasings of our own on a generated culture bureau with two
subordinate units (tools.synth seed 77701; expected figures from its truth): 「事业单位有哪几家」 asks
the units, not the classes whose names begin with 事业单位; 「博物馆有没有项目」 asks the unit's set of
projects, empty or not, never one of its figures, and 「…有没有安排项目，花多少」 what they spend;
「基层广播那个维护费」 names the project 基层广播终端维护经费 with its 经费 said the short way."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def bureau(tmp_path_factory):
    from conftest import synth_service

    return synth_service(tmp_path_factory.mktemp("bureau"), 77701, "金禾市桐溪区文体旅游局")


def _units_projects(truth, unit: str) -> list:
    return [p for p in truth.projects if p.unit == unit]


@pytest.mark.parametrize("question", ["事业单位有哪几家", "局里的事业单位都有哪些"])
def test_the_kind_of_unit_asked_is_no_class(bureau, question):
    service, truth = bureau
    answer = service.ask(question)
    assert answer.answered and all(u in answer.answer for u in truth.subordinate_units), answer.answer
    assert "医疗" not in answer.answer, answer.answer


def test_a_unit_without_projects_has_none(bureau):
    service, truth = bureau
    empty = next(u for u in truth.subordinate_units if not _units_projects(truth, u))
    answer = service.ask(f"{empty[-3:]}有没有项目")  # 博物馆
    assert answer.answered and answer.value is None and answer.items == [], answer.answer


def test_a_units_projects_asked_yes_or_no(bureau):
    service, truth = bureau
    unit = next(u for u in truth.subordinate_units if _units_projects(truth, u))
    names = [p.name for p in _units_projects(truth, unit)]
    answer = service.ask(f"{unit[-3:]}有项目吗")
    assert sorted(answer.items) == sorted(names), answer.answer
    answer = service.ask(f"{unit[-3:]}有没有安排项目，花多少")
    assert answer.value == sum(p.amounts[0] for p in _units_projects(truth, unit)), answer.answer


@pytest.mark.parametrize("question", ["{a}那个{b}多少钱", "{a}那个{b}是按哪个文件来的"])
def test_a_projects_fee_said_the_short_way(bureau, question):
    service, truth = bureau
    project = next(p for p in truth.projects if p.name.endswith("维护经费"))
    head, fee = project.name[:4], project.name[-4:].replace("经费", "费")  # 基层广播 … 维护费
    answer = service.ask(question.format(a=head, b=fee))
    assert answer.answered and project.name in answer.answer and "维修" not in answer.answer, answer.answer
    if "多少钱" in question:
        assert answer.value == project.amounts[0], answer.answer

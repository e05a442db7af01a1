"""Sets and names said in everyday words, phrasings of our own on a generated culture bureau with two
subordinate units (tools.synth seed 77701; expected figures from its truth): 「事业单位有哪几家」 asks
the units, not the classes whose names begin with 事业单位; 「博物馆有没有项目」 asks the unit's set of
projects, empty or not, never one of its figures, and 「…有没有安排项目，花多少」 what they spend;
「基层广播那个维护费」 names the project 基层广播终端维护经费 with its 经费 said the short way. On a
natural resources bureau with X and X（续建） (seed 3904): 「是后面带“续建”的那个」 picks one of the two and
「不是名字后面带续建的那个」 the other, never a set filtered by the name; an amount said of a project
(「有个项目是X万，是哪个」「都是整500万」) picks the projects of that amount; 「渔歌区全区…支出」 asks a
whole region's budget, which is not loaded; an office named in part is the only thing a figure could
be of, and it has none; X（续建） where no project carries （续建） is not X; 多少项目 counts the projects
and 多少项目经费/专项经费 sums them, unless words say which (给X安排的)."""

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


def _pair(truth):
    names = {p.name: p for p in truth.projects}
    return next((names[n], names[m]) for n in names for m in names if m != n and m.startswith(n + "（"))


@pytest.mark.parametrize("question", ["{a}——注意，是后面带“{part}”的那个——掏了多少钱？", "{a}，是带{part}的那个，多少钱"])
def test_the_name_said_picks_one_of_two(resources, question):
    service, truth = resources
    plain, later = _pair(truth)
    part = later.name[len(plain.name) + 1:-1]  # 续建
    answer = service.ask(question.format(a=plain.name, part=part))
    assert answer.value == later.amounts[0], answer.answer


def test_the_name_said_not_to_be_meant_filters_nothing(resources):
    service, truth = resources
    plain, later = _pair(truth)
    part = later.name[len(plain.name) + 1:-1]
    answer = service.ask(f"{plain.name}（注意，不是名字后面带{part}的那个）预算安排了多少？")
    assert answer.value == plain.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["我看到有个项目是{v}万，是哪个项目？", "{v}万的是哪个项目"])
def test_an_amount_said_of_a_project_asks_which(resources, question):
    service, truth = resources
    counts = {}
    for p in truth.projects:
        counts.setdefault(p.amounts[0], []).append(p.name)
    value, names = next((v, n) for v, n in counts.items() if len(n) == 1)
    answer = service.ask(question.format(v=value))
    assert answer.items == names, answer.answer


def test_projects_all_of_a_round_amount(resources):
    service, truth = resources
    value = max({p.amounts[0] for p in truth.projects}, key=lambda v: sum(p.amounts[0] == v for p in truth.projects))
    answer = service.ask(f"有好几个项目都是整{value:f}万，分别是哪几个？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.amounts[0] == value), answer.answer


@pytest.mark.parametrize("question", ["{region}全区2025年的一般公共预算支出一共是多少？", "整个{region}的财政拨款收入有多少"])
def test_a_whole_regions_budget_is_not_the_departments(resources, question):
    service, truth = resources
    region = truth.region.split("市")[-1]  # 渔歌区
    answer = service.ask(question.format(region=region))
    assert not answer.answered and "区" in answer.answer, answer.answer


def test_an_office_named_in_part_has_no_budget(resources):
    """「国土空间规划提升工程上一年花了多少」: the only thing named is an office by a part of its name; no
    figure of the department is its answer."""
    service, truth = resources
    office = next(name for name, _ in truth.units if name.endswith("股"))
    answer = service.ask(f"文件说{office[:-1]}提升工程已经完成了，那它上一年花了多少钱？")
    assert not answer.answered, answer.answer


@pytest.mark.parametrize("qualifier", ["续建", "第二批"])
def test_a_project_with_a_qualifier_no_project_has_is_not_the_one_without(resources, qualifier):
    service, truth = resources
    names = [p.name for p in truth.projects]
    plain = next(n for n in names if not any(m.startswith(n + "（") for m in names) and "（" not in n)
    answer = service.ask(f"{plain}（{qualifier}）安排了多少？")
    assert not answer.answered and qualifier in answer.answer, answer.answer
    assert service.ask(f"{plain}安排了多少？").answered


def test_the_projects_counted_and_summed_in_everyday_words(resources):
    service, truth = resources
    total = sum(p.amounts[0] for p in truth.projects)
    assert service.ask("一共有多少项目").value == len(truth.projects)
    for question in ("今年安排了多少项目经费", "今年一共安排了多少专项经费？"):
        assert service.ask(question).value == total, question
    answer = service.ask("今年给特困人员救助供养安排了多少专项经费？")  # 给X: a purpose no project is named by
    assert not answer.answered, answer.answer

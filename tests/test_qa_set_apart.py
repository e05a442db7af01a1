"""Words that set a thing apart or say where to look (issue 10 §2, §3), phrasings of our own on
generated documents (tools.synth seeds 3801–3803): 「（不是局本级）」 scopes nothing; 「别跟X弄混」
and 「不是X」 beside the thing asked drop X; a name right before 表 names the table; a quoted word
in the answer's table title is said; 那一行 is filler; 「X这个机构承担哪些工作」 asks its duties; 本级
and a unit named pool their projects; a class's share of one project is not given; a name written
around its amount (拟购置3.61万元固定资产) is one name; 想看看 opens the question after a clause of
life; a definition written in 第三部分 (行政经费（机关运行经费）指…); whether the budget takes in a
body is its composition; 下面 as a word of inside; a name filter and one bound together. Expected
figures come from the documents' truth."""

from __future__ import annotations

import pytest

from tests.conftest import synth_service, synth_years_service, truth_row


@pytest.fixture(scope="module")
def stats(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("stats"), 3802, "云川市雁屏县统计局")


def test_a_self_word_set_apart_scopes_nothing(stats):
    service, truth = stats
    centre = truth.subordinate_units[0]
    answer = service.ask("麻烦问下，下属的统计普查中心（不是局本级），它基本支出里的商品和服务支出是多少？")
    assert answer.value == truth_row(truth, 11, "商品和服务支出", centre).amounts[0], answer.answer


def test_contrasts_beside_the_thing_asked_are_dropped(stats):
    service, truth = stats
    running = truth_row(truth, 8, "公务用车运行维护费").amounts[0]
    answer = service.ask("表8“三公”经费那张表里，公务用车运行维护费是多少？我问的是运行维护，不是购置费")
    assert answer.value == running, answer.answer
    clinic = next(r for r in truth.table(3).rows if r.label == "行政单位医疗")
    answer = service.ask(f"社保和医疗那几块我都看过了，想单独确认一下：行政单位医疗（{clinic.code}）是多少？别跟事业单位医疗弄混")
    assert answer.value == clinic.amounts[0], answer.answer


def test_a_row_called_that_line(stats):
    service, truth = stats
    answer = service.ask("表7那张“一般公共预算项目支出情况表（按经济分类科目）”里，会议费那一行列了多少？")
    assert answer.value == truth_row(truth, 7, "会议费").amounts[0], answer.answer


def test_an_office_called_an_organ_asked_its_work(stats):
    service, truth = stats
    name, duties = truth.units[0]
    answer = service.ask(f"{name}这个机构承担哪些日常工作？")
    assert duties.split("，")[0] in answer.answer, answer.answer


def test_the_self_unit_and_a_unit_pool_their_projects(stats):
    service, truth = stats
    top = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"把本级和普查中心的项目放在一起，统计局{len(truth.projects)}个项目里哪个预算最多？")
    assert answer.items == [top.name], answer.answer
    centre = [p for p in truth.projects if p.unit == truth.subordinate_units[0]]
    answer = service.ask("普查中心（不是局本级）的项目里哪个最多")
    assert answer.items == [max(centre, key=lambda p: p.amounts[0]).name], answer.answer


@pytest.fixture(scope="module")
def education(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("education"), 3801, "澜溪市枫渡区教育局")


def test_a_name_written_around_its_amount(education):
    service, truth = education
    planned = truth.figure("拟购置固定资产")
    answer = service.ask(f"教育局本年度准备添置{planned.value}万元的固定资产，主要打算买些什么？")
    assert answer.answered and answer.value is None and "主要是" not in answer.answer and "计算机" in answer.answer, answer.answer


def test_a_clause_of_life_before_the_opening_of_the_question(education):
    service, truth = education
    row = truth_row(truth, 3, "高中教育")
    answer = service.ask(f"孩子明年要上高中了，想看看[{row.code}]这个科目今年一共安排了多少钱？")
    assert answer.value == row.amounts[0], answer.answer


def test_a_definition_written_in_the_explanation(education):
    service, _ = education
    for question in ("行政经费是怎么定义的", "机关运行经费（也就是行政经费）在这份说明里是怎么定义的？"):
        answer = service.ask(question)
        assert answer.answered and answer.value is None and "指用于维持" in answer.answer, (question, answer.answer)
    assert service.ask("行政经费是多少").value is not None


def test_whether_the_budget_takes_in_a_body_is_its_composition(education):
    service, _ = education
    answer = service.ask("枫渡区教育局的部门预算里有没有把区属中小学的预算一起算进去？")
    assert answer.answered and "仅含本级" in answer.answer, answer.answer


def test_a_classes_column_below_it_and_a_name_filter_with_one_bound(education):
    service, truth = education
    row = next(r for r in truth.table(3).rows if r.code and len(r.code) == 7 and r.amounts[1] == 0)
    assert service.ask(f"{row.label}（{row.code}）这个科目下面，基本支出占了多少钱？").value == 0
    chosen = sorted(p.name for p in truth.projects if "经费" in p.name and p.amounts[0] < 30 and p.fund == "一般公共预算")
    answer = service.ask("用一般公共预算安排、名称里带“经费”、而且金额低于30万元的项目有哪些？")
    assert sorted(answer.items) == chosen, answer.answer


@pytest.fixture(scope="module")
def culture(tmp_path_factory):
    return synth_years_service(tmp_path_factory.mktemp("culture"), 3803, "鹤川市映山区文体旅游局")


def test_a_class_is_no_part_of_one_project(culture):
    service, _, later = culture
    project = next(g for g in later.goals)
    answer = service.ask(f"2025年{project.project}那{int(project.amount)}万里面，印刷费具体占了多少？")
    assert not answer.answered and ("分解" in answer.answer or f"{project.project}中的印刷费" in answer.answer), answer.answer  # the part the document does not give, named


def test_two_sums_of_a_name_filtered_set_compared_across_years(culture):
    service, earlier, later = culture
    a, b = (sum(p.amounts[0] for p in t.projects if "安全" in p.name) for t in (earlier, later))
    answer = service.ask("名称里带“安全”的项目，2024年的合计比2025年的合计多多少万元？")
    assert answer.value == a - b, answer.answer


def test_a_dropped_set_totalled_and_members_unchanged(culture):
    service, earlier, later = culture
    kept = {p.name: p.amounts[0] for p in later.projects}
    dropped = sum(p.amounts[0] for p in earlier.projects if p.name not in kept)
    answer = service.ask("我在核对一次性项目：2024年有而2025年不再安排的项目，2024年一共安排了多少钱？")
    assert answer.value == dropped, answer.answer
    same = [p.name for p in earlier.projects if kept.get(p.name) == p.amounts[0]]
    assert service.ask("两年都列了的项目中，有没有哪个金额完全没变？是哪个？").items == same


def test_a_tables_note_as_printed(culture):
    service, earlier, _ = culture
    note = earlier.table(1).note
    answer = service.ask("2024年表1收支总体情况表下面的注释原文是怎么写的？")
    assert answer.answered and note in answer.answer, answer.answer


def test_which_block_is_larger_and_which_of_several_classes(stats):
    service, truth = stats
    total = next(r for r in truth.table(3).rows if r.kind == "total")
    answer = service.ask("全部门今年的支出分基本支出和项目支出两块，哪块多，多出多少？")
    assert answer.value == abs(total.amounts[1] - total.amounts[2]), answer.answer
    table = truth.table(3)
    parent = next(r for r in table.rows if r.code and len(r.code) == 5 and sum(1 for c in table.rows if c.code and len(c.code) == 7 and c.code.startswith(r.code)) >= 2)
    children = [c for c in table.rows if c.code and len(c.code) == 7 and c.code.startswith(parent.code)]
    answer = service.ask(f"{parent.label}（{parent.code}）下面的几个项级科目，哪个科目钱最多？")
    assert answer.items == [max(children, key=lambda c: c.amounts[0]).label], answer.answer


def test_a_projects_target_column_quoted_when_it_states_no_number(stats):
    service, truth = stats
    goals = {g.project for g in truth.goals}
    project = next(p for p in truth.projects if p.name not in goals and not any(ch.isdigit() for ch in p.purpose)
                   and sum(q.name == p.name for q in truth.projects) == 1)
    answer = service.ask(f"{project.name}的绩效目标是什么？")
    assert answer.answered and answer.value is None and project.purpose[-10:] in answer.answer, answer.answer


def test_a_count_of_batches_after_the_name_and_a_quoted_name_set_apart(tmp_path_factory):
    """「X两批加起来」: the projects whose names hold X, counted after them; 「（不是“2024年度”那个）」: a
    quoted name after 不是 is set apart, not a name the answer must hold."""
    service, truth = synth_service(tmp_path_factory.mktemp("batches"), 3701, "南屿市梓阳县自然资源局")
    names = [p.name for p in truth.projects]
    base = next(n for n in names if any(m != n and m.startswith(n) and "第二批" in m for m in names)
                and sum(n in m for m in names) == 2)
    total = sum(p.amounts[0] for p in truth.projects if base in p.name)
    assert service.ask(f"{base}两批加起来一共多少？").value == total
    own = next(p for p in truth.projects if p.name == base)
    answer = service.ask(f"{base}（不是“第二批”那个）预算是多少？")
    assert answer.value == own.amounts[0], answer.answer


@pytest.fixture(scope="module")
def nested(tmp_path_factory):
    """A statistics bureau with a project whose name begins another's (seed 3801)."""
    return synth_service(tmp_path_factory.mktemp("nested"), 3801, "云川市雁屏县统计局")


def test_a_dashed_aside_setting_a_name_apart(nested):
    """「“X专项经费”——注意不是那个X——它安排了多少」: the name set apart between dashes is not asked."""
    service, truth = nested
    names = [p.name for p in truth.projects]
    short, long = next((a, b) for a in names for b in names if a != b and b.startswith(a) and names.count(a) == 1 and names.count(b) == 1)
    amount = next(p.amounts[0] for p in truth.projects if p.name == long)
    answer = service.ask(f"看到统计局有个“{long}”——注意不是那个{short}——它安排了多少钱？")
    assert answer.value == amount, answer.answer

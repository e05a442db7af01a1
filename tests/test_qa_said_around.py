"""What stands around the thing asked, phrasings of our own on a generated natural resources bureau with
three subordinate units (tools.synth seed 3904; expected figures from its truth): a unit named by its
short name in the opening clause (「环卫所那二十来个项目，平均…」; seed 539301) scopes the question; a fund after a row
named by its code (「编码X那一行，一般公共预算…」) is that row's column; 机关运转 describes, it names no
本级; a container before a name (「三公经费里的X，反映…」) is not a second subject; 盘子 is a figure's
size; 「谁…更大？大多少？」 asks the difference; 除开 leaves out as 除了 does, and so does 「把那三个500万的
扣掉」 of projects picked by amount. On a statistics bureau in two years (seed 3905): words a name
restates beside it (「基本支出（就是养人和日常运转的钱）」) ask nothing; 「按2024年的文件往回推，2023年的X」
is the 2024 document's last-year figure. A department named beside its unit (城管局和环卫所, 连带) is
the bureau itself and that unit; 「有个项目的预算是X万，全称叫啥」 picks the project of that amount;
「X，把续建那笔也算上」 adds X（续建）; a share of projects named alike is of all projects; 「在Y里头占」
names the whole."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest


def _projects_of(truth, unit: str) -> list:
    return [p for p in truth.projects if p.unit == unit]


@pytest.mark.parametrize("opening", ["环卫所那几个项目，", "环卫所那二十来个项目，", "环卫所的那些项目，"])
def test_a_unit_by_its_short_name_in_the_opening_scopes_the_question(sanitation, opening):
    service, truth = sanitation
    own = _projects_of(truth, "南屿市渔歌区环境卫生管理所")
    mean = (sum(p.amounts[0] for p in own) / len(own)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask(opening + "平均摊到每个项目是多少钱？")
    assert answer.value == mean, answer.answer


def test_a_fund_after_a_row_named_by_its_code_is_its_column(resources):
    service, truth = resources
    row = next(r for r in truth.table(2).rows if r.code and len(r.code) == 7 and r.amounts[0] > 0)
    answer = service.ask(f"功能科目编码{row.code}那一行，一般公共预算安排了多少？")
    assert answer.value == row.amounts[0], answer.answer  # 表2's 一般公共预算 column of the row (the fund's only source here)


def test_machinery_running_describes_a_figure_it_names_no_unit(resources):
    service, truth = resources
    figure = next(f for f in truth.figures if f.label == "机关运行经费")
    answer = service.ask("自然资源局今年用来维持机关运转的钱，就是机关运行经费，安排了多少？")
    assert answer.value == figure.value and "合计" not in answer.answer, answer.answer


def test_a_container_before_a_name_is_not_a_second_subject(resources):
    service, _ = resources
    answer = service.ask("三公经费里的公务用车运行维护费，具体反映的是哪些开销？")
    assert "燃料费" in answer.answer and answer.value is None, answer.answer


def test_two_units_which_is_larger_and_by_how_much(resources):
    service, truth = resources
    a, b = "南屿市渔歌区不动产登记中心", "南屿市渔歌区自然资源和规划信息中心"
    diff = abs(sum(p.amounts[0] for p in _projects_of(truth, a)) - sum(p.amounts[0] for p in _projects_of(truth, b)))
    for question in ("不动产登记中心跟规划信息中心，谁的项目支出更大？大多少？", "不动产登记中心跟规划信息中心，谁的项目盘子更大？大多少？"):
        answer = service.ask(question)
        assert answer.value == diff, (question, answer.answer)


def test_a_class_less_one_item_said_with_chukai(resources):
    service, truth = resources
    whole = next(r for r in truth.table(7).rows if r.code == "310")
    part = next(r for r in truth.table(7).rows if r.code == "31002")
    answer = service.ask(f"项目支出的{whole.label}里，除开{part.label}，剩下的是多少？")
    assert answer.value == whole.amounts[0] - part.amounts[0], answer.answer


def test_projects_of_an_amount_left_out_then_summed(resources):
    service, truth = resources
    value = max({p.amounts[0] for p in truth.projects}, key=lambda v: sum(p.amounts[0] == v for p in truth.projects))
    count = sum(p.amounts[0] == value for p in truth.projects)
    rest = sum(p.amounts[0] for p in truth.projects if p.amounts[0] != value)
    answer = service.ask(f"所有项目，把那{count}个{value:f}万的扣掉，剩下的加起来是多少？")
    assert answer.value == rest, answer.answer


@pytest.mark.parametrize("question", ["两年一比，基本支出（就是养人和日常运转的钱）增加了多少？",
                                      "养人和日常运转那部分开销（基本支出），2025年比2024年多掏了多少？"])
def test_words_a_name_restates_ask_nothing(years, question):
    service, earlier, later = years
    basic = [t.table(3).rows[0].amounts[1] for t in (earlier, later)]  # 表3 合计 row: 基本支出
    answer = service.ask(question)
    assert answer.value == basic[1] - basic[0], answer.answer


@pytest.mark.parametrize("question", ["根据2024年文件的增减数倒推，2023年的收入预算是多少？", "按2024年的文件往回推，2023年的收入预算是多少？"])
def test_the_year_before_the_earliest_is_that_documents_last_year(years, question):
    service, earlier, _ = years
    income = next(f for f in earlier.figures if f.label == "收入预算")
    answer = service.ask(question)
    assert answer.answered and answer.value == income.value - income.change, answer.answer


@pytest.mark.parametrize("question", ["城管局和环卫所的全部项目一共多少钱", "城管局连同环卫所的全部项目一共多少钱"])
def test_the_department_beside_its_unit_is_the_bureau_itself(sanitation, question):
    service, truth = sanitation
    answer = service.ask(question)
    assert answer.value == sum(p.amounts[0] for p in truth.projects), answer.answer  # 本级 and its one unit: every project


def test_the_largest_of_the_bureau_and_its_unit_is_over_all_projects(sanitation):
    service, truth = sanitation
    top = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask("城管局连带环卫所所有项目里，哪个项目砸的钱最多？")
    assert answer.value == top.amounts[0] and f"共比较{len(truth.projects)}项" in answer.answer, answer.answer


def test_a_project_picked_by_its_amount_asked_by_its_full_name(resources):
    service, truth = resources
    counts = {}
    for p in truth.projects:
        counts.setdefault(p.amounts[0], []).append(p.name)
    value, names = next((v, n) for v, n in counts.items() if len(n) == 1)
    answer = service.ask(f"我记得有个项目的预算是{value:f}万，这个项目全称叫啥来着？")
    assert answer.items[:1] == names, answer.answer


def test_a_sibling_with_its_qualifier_included_is_added(resources):
    service, truth = resources
    names = {p.name: p for p in truth.projects}
    plain, later = next((names[n], names[m]) for n in names for m in names if m.startswith(n + "（"))
    part = later.name[len(plain.name) + 1:-1]
    answer = service.ask(f"{plain.name}，把{part}那笔也算上，一共多少？")
    assert answer.value == plain.amounts[0] + later.amounts[0], answer.answer


def test_a_share_of_projects_named_alike_in_all_projects(resources):
    service, truth = resources
    chosen = [p for p in truth.projects if "档案" in p.name]
    total, whole = sum(p.amounts[0] for p in chosen), sum(p.amounts[0] for p in truth.projects)
    answer = service.ask("名字里带“档案”的项目加在一起，占项目支出总额的比例是多少？")
    assert answer.value == (total / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_share_whose_whole_is_said_with_litou(resources):
    service, truth = resources
    part, whole = (next(r for r in truth.table(2).rows if r.code == c) for c in ("2080505", "20805"))
    answer = service.ask(f"{part.label}那块钱，在{whole.label}里头占多大比例？")
    assert answer.value == (part.amounts[0] / whole.amounts[0] * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer

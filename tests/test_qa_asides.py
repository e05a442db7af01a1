"""What a reader writes around the question (issue 10 §2), phrasings of our own on generated
documents (tools.synth seeds 3701–3703): a lead-in ending in a colon (想了解一下…的结构：) is
context, and 「X这一项」 restates X; a class's column asked after 这个科目, an amount stated of it
and 其中; a premise counting offices before the offices named; duties narrowed by a part of a
project's name; 按文件说 is no citation asked; 「这个项目安排了多少钱」 after a citation is asked of
the project found; a table by its title; 「含X的那个口径」 adds nothing; 「那它的」 points into the
context; 压下来 is a change; the 本级's named projects added up; two classes in the table of every
fund; withdrawn asks, 一分不差, 哪一年多 and 一共多出来 across two years; an economic class a
table does not list is 0 only when that table's classes make up the whole. Expected figures come
from the documents' truth."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.conftest import project_amounts, synth_service, synth_years_service, truth_row


@pytest.fixture(scope="module")
def land(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("land"), 3701, "南屿市梓阳县自然资源局")


def test_a_lead_in_ending_in_a_colon_is_context(land):
    service, truth = land
    answer = service.ask("想了解一下人员经费的结构：基本支出工资福利里头，绩效工资这一项是多少？")
    assert answer.value == truth_row(truth, 6, "绩效工资").amounts[0], answer.answer


def test_a_classes_column_after_its_code_an_amount_and_qiyong(land):
    service, truth = land
    row = next(r for r in truth.table(3).rows if r.code and len(r.code) == 7 and r.amounts[1] == 0 and r.amounts[0] > 1000)
    wan = int(row.amounts[0] // 1000)
    answer = service.ask(f"{row.label}（{row.code}）这个科目{'一二三四五六七八九'[wan - 1]}千多万，其中基本支出占多少？")
    assert answer.value == row.amounts[1] and answer.unit == "万元", answer.answer
    share = service.ask(f"{row.label}的基本支出占它的百分之几")
    assert share.value == Decimal(0) and share.unit == "%", share.answer


def test_offices_named_after_a_premise_counting_them(land):
    service, truth = land
    first, second = truth.units[0], truth.units[1]
    answer = service.ask(f"局里设了两个内设机构，{first[0]}和{second[0][-5:]}分别管些什么？")
    assert first[1].split("，")[0] in answer.answer and second[1].split("，")[0] in answer.answer, answer.answer


def test_duties_narrowed_by_a_part_of_a_projects_name(land):
    service, truth = land
    duty = next(d for d in truth.duties if "耕地保护" in d)
    assert any("耕地保护" in p.name for p in truth.projects)  # the words are a project's too
    answer = service.ask("在主要职责里，跟镇街耕地保护有关的那一条是怎么表述的？")
    assert answer.items == [duty], answer.answer


def test_according_to_the_document_asks_no_citation(land):
    service, truth = land
    project = next(p for p in truth.projects if p.name == "宣传工作经费")
    answer = service.ask("不动产登记中心那笔500万的宣传工作经费，按文件说主要用于什么？")
    assert answer.answered and project.purpose[-12:] in answer.answer, answer.answer


def test_the_project_a_citation_names_then_its_amount(land):
    service, truth = land
    project = next(p for p in truth.projects if [c.number for c in p.citations] == ["〔2024〕85号"])
    answer = service.ask("县政府常务会议纪要（〔2024〕85号）是哪个项目的依据？这个项目安排了多少钱？")
    assert project.name in answer.answer and answer.value == project.amounts[0], answer.answer


@pytest.fixture(scope="module")
def health(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("health"), 3702, "北渚市岑口县卫生健康局")


def test_a_table_by_its_title_and_what_a_figure_includes(health):
    service, truth = health
    row = truth_row(truth, 3, "疾病预防控制机构")
    answer = service.ask(f"支出总体情况表里，疾病预防控制机构（{row.code}）这个科目的合计数是多少？我要的是含其他资金的那个口径")
    assert answer.value == row.amounts[0], answer.answer


def test_a_pointer_after_a_context_clause_points_into_it(health):
    service, truth = health
    unit = truth.subordinate_units[0]
    listed = [r.label for r in truth.table(11).rows if r.unit == unit and r.kind == "item"]
    assert "对个人和家庭的补助" not in listed  # the unit's column is 0
    answer = service.ask(f"我看表11里{unit[-7:]}的基本支出只列了两类，那它的“对个人和家庭的补助”是多少？")
    assert answer.value == 0 and unit in answer.answer, answer.answer


def test_a_colloquial_fall_asks_the_stated_reason(health):
    service, truth = health
    assert next(f for f in truth.figures if "三公" in f.label).change < 0
    direct = service.ask("三公经费比上年减少的主要原因是什么")
    answer = service.ask("三公经费今年压下来不少，文件里给出的主要原因是啥")
    assert direct.answered and "主要原因" in direct.answer and answer.answer == direct.answer, answer.answer


def test_the_self_units_named_projects_added_up_and_each(health):
    service, truth = health
    own = [p for p in truth.projects if p.unit == truth.department][:3]
    names = "、".join(p.name for p in own[:2]) + "和" + own[2].name
    total = sum(p.amounts[0] for p in own)
    assert service.ask(f"本级的{names}这三个项目加起来一共多少？").value == total
    each = service.ask(f"本级的{own[0].name}和{own[1].name}分别是多少")
    assert each.value is None and each.items == [own[0].name, own[1].name], each.answer


def test_two_classes_are_taken_from_the_table_of_every_fund(health):
    service, truth = health
    part, whole = truth_row(truth, 3, "公共卫生"), truth_row(truth, 3, "卫生健康支出")
    answer = service.ask(f"公共卫生（{part.code}）占卫生健康支出的百分之几？")
    expected = (part.amounts[0] / whole.amounts[0] * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert answer.value == expected, answer.answer


DEPARTMENT = "青岚市鹿鸣县民政局"


@pytest.fixture(scope="module")
def civil(tmp_path_factory):
    return synth_years_service(tmp_path_factory.mktemp("civil"), 3703, DEPARTMENT)


def _income(truth) -> Decimal:
    return next(r for r in truth.table(1).rows if r.kind == "total" and r.side == "收入").amounts[0]


def test_a_checking_verb_and_yigong_before_a_difference(civil):
    service, earlier, later = civil
    answer = service.ask("看了民政局连续两年的预算公开，想核实一下：2025年本部门的收入预算比2024年一共多出来多少万元？")
    assert answer.value == _income(later) - _income(earlier), answer.answer
    both = service.ask("2024年和2025年收入预算一共多少")
    assert both.value == _income(later) + _income(earlier), both.answer


def test_a_withdrawn_ask_is_not_held_against_the_answer(civil):
    service, earlier, later = civil
    old, new = (t.figure("公务用车运行维护费").value for t in (earlier, later))
    answer = service.ask("公务用车运行维护费两年各是多少我就不问了，只想知道2025年比2024年多了多少？")
    assert answer.value == abs(new - old) and answer.answer.count("2024年") <= 3, answer.answer


def test_same_to_the_fen_and_which_year_is_larger(civil):
    service, earlier, later = civil
    before = project_amounts(earlier)
    same = [p.name for p in later.projects if before.get(p.name) == p.amounts[0]]
    assert service.ask("有没有哪个项目2024年和2025年安排的钱一分不差？是哪个？").items == same
    name = next(p.name for p in later.projects if p.name in before and before[p.name] != p.amounts[0])
    now = next(p.amounts[0] for p in later.projects if p.name == name)
    answer = service.ask(f"不带任何前缀后缀的那个{name}，哪一年安排得多？多了多少万元？")
    assert answer.value == abs(now - before[name]), answer.answer


def test_a_class_a_table_does_not_list_is_zero_when_its_classes_are_the_whole(civil):
    service, _, later = civil
    basic = later.table(6)
    assert not any(r.label == "对个人和家庭的补助" for r in basic.rows)
    answer = service.ask("2025年民政局基本支出里“对个人和家庭的补助”有多少？")
    assert answer.value == 0 and "没有列出" in answer.answer, answer.answer


def test_one_name_for_two_projects_gives_no_single_figure_unless_a_word_picks_one(civil):
    service, _, later = civil
    alike = [p for p in later.projects if "信息系统安全测评费" in p.name]
    assert len(alike) == 2
    answer = service.ask("2025年信息系统安全侧评费预算是多少？")
    assert answer.value is None and all(p.name in answer.answer for p in alike), answer.answer
    picked = next(p for p in alike if "十五五" in p.name)
    assert service.ask("2025年十五五那个信息系统安全侧评费预算是多少？").value == picked.amounts[0]


def test_the_first_part_of_a_series_is_the_one_written_without_its_part(land):
    service, truth = land
    first = next(p for p in truth.projects if p.name == "耕地保护专项资金")
    assert any(p.name.startswith(first.name) and "第二批" in p.name for p in truth.projects)
    assert service.ask("耕地保护专项资金第一批安排了多少").value == first.amounts[0]
    lone = next(p.name for p in truth.projects if not any(q.name != p.name and q.name.startswith(p.name) for q in truth.projects)
                and "期" not in p.name and "批" not in p.name)
    assert not service.ask(f"{lone}一期多少钱").answered  # no later part loaded: the first is not stated apart

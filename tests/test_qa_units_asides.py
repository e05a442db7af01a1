"""Units and asides around them (issue 10 §2, §5), phrasings of our own on generated documents
(tools.synth seeds 3901–3903): subordinate units summed with 本级 left out by 不算; an aside naming
what is not meant (（注意不是局本级那个“X”）); 含X那部分 asks the total, not X's column; 除了X以外
leaves X out of a lookup; a table's title in 《》 holds no names asked; 百分之多少 is answered in %
or not at all; one project named twice in an aside is one; 三家下属事业单位 leaves the department
out of a ranking, and 三个所属事业单位（…） with some named by short names means all of them.
Expected figures come from the documents' truth."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.conftest import project_amounts, synth_years_service


def _whole_budget(truth, unit: str) -> Decimal:
    basic = next(r for r in truth.table(11).rows if r.kind == "unit" and r.unit == unit).amounts[0]
    project = sum((p.amounts[0] for p in truth.projects if p.unit == unit), Decimal(0))
    return basic + project



def test_subordinate_units_summed_with_the_self_unit_left_out(market):
    service, truth = market
    first, second = truth.subordinate_units
    expected = _whole_budget(truth, first) + _whole_budget(truth, second)
    answer = service.ask(f"把{first[3:]}和{second[3:]}两家的基本支出、项目支出全部加在一起（不算局本级），一共多少万元？")
    assert answer.value == expected, answer.answer


def test_a_tables_title_holds_no_names_asked(market):
    service, truth = market
    row = next(r for r in truth.table(8).rows if r.label == "行政经费")
    answer = service.ask("《财政拨款安排的行政经费及“三公”经费预算表》里，行政经费那一行合计填的是多少？")
    assert answer.value == row.amounts[0], answer.answer



def test_an_aside_naming_what_is_not_meant(legal):
    service, truth = legal
    unit = truth.subordinate_units[1]
    own = next(p.name for p in truth.projects if p.unit == truth.department)
    answer = service.ask(f"{unit[3:]}（注意不是局本级那个“{own}”）名下有哪些项目？")
    assert answer.items == [p.name for p in truth.projects if p.unit == unit], answer.answer


def test_included_funds_ask_the_total_and_a_left_out_one_is_not_asked(legal):
    service, truth = legal
    unit = truth.subordinate_units[1]
    row = next(r for r in truth.table(11).rows if r.unit == unit and r.label == "工资和福利支出")
    assert row.amounts[-1] > 0  # the unit has other funds: the total differs from that column
    answer = service.ask(f"{unit[3:]}基本支出里的工资和福利支出总计是多少？含其他资金那部分")
    assert answer.value == row.amounts[0], answer.answer
    other = next(r for r in truth.table(1).rows if r.label == "其他资金")
    answer = service.ask("司法局今年除了财政拨款以外，还有一块“其他资金”收入，具体是多少？")
    assert answer.value == other.amounts[0], answer.answer


def test_a_percentage_asked_is_never_an_amount(legal):
    service, truth = legal
    goals = {g.project for g in truth.goals}
    project = next(p.name for p in truth.projects if p.name not in goals and "%" not in p.purpose)
    answer = service.ask(f"{project}项目的任务完成率目标是百分之多少？")
    assert not answer.answered, answer.answer


DEPARTMENT = "南屿市梓阳县卫生健康局"


@pytest.fixture(scope="module")
def health(tmp_path_factory):
    return synth_years_service(tmp_path_factory.mktemp("health"), 3903, DEPARTMENT)


def test_one_project_named_twice_in_an_aside_is_one(health):
    service, _, later = health
    project = next(p for p in later.projects if p.name == "爱国卫生运动专项经费")
    answer = service.ask(f"2025年{project.unit[6:]}那个爱卫运动专项（爱国卫生运动的）拨了多少万元？")
    assert answer.value == project.amounts[0], answer.answer


def test_subordinate_units_ranked_across_years_and_all_of_them_counted(health):
    service, earlier, later = health

    def basic(truth):
        return {r.unit: r.amounts[0] for r in truth.table(11).rows if r.kind == "unit"}
    before, after = basic(earlier), basic(later)
    grown = max((u for u in after if u != DEPARTMENT and u in before), key=lambda u: after[u] - before[u])
    answer = service.ask("三家下属事业单位中，哪家的基本支出2025年比2024年增加得最多？")
    assert answer.items == [grown], answer.answer
    old = {p.name for p in earlier.projects}
    new = sorted(p.name for p in later.projects if p.unit != DEPARTMENT and p.name not in old)
    answer = service.ask("三个所属事业单位（疾控、监督所、妇幼）在2025年新增了哪些项目？两年都有的不算。")
    assert sorted(answer.items) == new, answer.answer


def test_a_ranking_stated_by_the_way_and_duties_on_a_class_named(market, legal):
    service, truth = market
    ranked = sorted(truth.projects, key=lambda p: p.amounts[0], reverse=True)
    assert ranked[0].amounts[0] > ranked[1].amounts[0] > ranked[2].amounts[0]
    answer = service.ask(f"三家单位的项目放在一起按金额排（局本级的{ranked[0].name}排第一），第二大的是哪个项目？")
    assert answer.items == [ranked[1].name], answer.answer
    service, truth = legal
    duties = [d for d in truth.duties if "社区矫正" in d]
    answer = service.ask("在社区矫正这块，区司法局承担什么职责？")  # 这块，区…: a clause break is no region's name
    assert answer.items == duties, answer.answer


def test_sets_of_both_years_named_in_other_words(health):
    service, earlier, later = health
    before = project_amounts(earlier)
    up = sorted(p.name for p in later.projects if p.name in before and p.amounts[0] > before[p.name])
    answer = service.ask("两年项目表里都出现、而且2025年金额比2024年高的项目有哪些？")
    assert sorted(answer.items) == up, answer.answer


def test_figures_described_on_the_way_are_no_bounds(health, market):
    service, earlier, later = health

    def projects(truth):
        return next(r for r in truth.table(3).rows if r.kind == "total").amounts[2]
    a, b = projects(earlier), projects(later)
    rate = ((b - a) / a * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask(f"卫健局项目支出从2024年的不到{int(a) + 1}万涨到2025年{int(b)}多万，具体增长率是百分之几（保留两位小数）？")
    assert answer.value == rate, answer.answer
    service, truth = market
    total = next(r for r in truth.table(3).rows if r.kind == "total")
    answer = service.ask(f"看表3的时候发现项目支出特别大，想算一下它在支出总计（{total.amounts[0]}万元那个）里占多少比重？")
    assert answer.value == (total.amounts[2] / total.amounts[0] * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_last_years_figures_of_two_things_added_up(legal):
    service, truth = legal
    figures = [f for f in truth.figures if f.label in ("公务用车运行维护费", "公务接待费") and f.change is not None]
    assert len(figures) == 2
    expected = sum((f.value - f.change for f in figures), Decimal(0))
    answer = service.ask("上年公务用车运行维护费和公务接待费这两项加起来是多少？")
    assert answer.value == expected, answer.answer


def test_classes_listed_are_the_ones_ranked_across_years(health):
    service, earlier, later = health

    def top(truth):
        return {r.code: r for r in truth.table(3).rows if r.code and len(r.code) == 3}
    before, after = top(earlier), top(later)
    listed = [c for c in ("208", "210", "221") if c in before and c in after]
    assert len(listed) == 3
    best = max(listed, key=lambda c: (after[c].amounts[0] - before[c].amounts[0]) / before[c].amounts[0])
    answer = service.ask("社保就业、卫生健康、住房保障这三个类级支出，哪一类2025年较2024年增长幅度最大？")
    assert answer.items == [after[best].label], answer.answer


def test_two_kinds_of_cited_documents_asked_of_one_project(market):
    service, truth = market
    project = next(p for p in truth.projects if any((c.title or "").endswith("法") for c in p.citations)
                   and any("会议纪要" in (c.title or "") for c in p.citations) and sum(q.name == p.name for q in truth.projects) == 1)
    answer = service.ask(f"{project.name}引用了哪部法律和哪个会议纪要？")
    titles = [c.title for c in project.citations if c.title.endswith("法") or "会议纪要" in c.title]
    assert all(t in answer.answer for t in titles), answer.answer
    assert not service.ask(f"{project.name}引用了哪部法律和哪个通知？").answered or any("通知" in (c.title or "") for c in project.citations)

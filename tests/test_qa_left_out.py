"""What a question leaves out or asks of each (issue 10 §1, §2), phrasings of our own on a generated
document with subordinate units (tools.synth seed 3901): a unit's project expenditure less a project
left out (不含X的话还剩多少), shown as a subtraction, and refused for a figure no project is in;
除了局本级 and 剩下两个事业单位 scope a name-filtered set to the subordinate units, and a count of them
that is wrong is refused; two projects' cited documents asked 分别 are each given. Expected figures
come from the document's truth."""

from __future__ import annotations

from decimal import Decimal

import pytest


def test_a_project_left_out_of_the_unit_figure(market):
    service, truth = market
    own = [p for p in truth.projects if p.unit == truth.department]
    left = max(own, key=lambda p: p.amounts[0])
    expected = sum((p.amounts[0] for p in own), Decimal(0)) - left.amounts[0]
    answer = service.ask(f"局本级的项目支出，不含{left.name}的话还剩多少？")
    assert answer.value == expected, answer.answer
    assert "−" in answer.answer
    assert not service.ask(f"局本级的基本支出，不含{left.name}是多少？").answered


def test_subordinate_projects_by_name_with_the_self_unit_left_out(market):
    service, truth = market
    word = "经费"
    expected = [p.name for p in truth.projects if p.unit != truth.department and word in p.name]
    count = "两三四五"[len(truth.subordinate_units) - 2]
    answer = service.ask(f"名称里带“{word}”的项目，除了局本级的不算，剩下{count}个事业单位的有哪些？")
    assert expected and answer.items == expected, answer.answer
    wrong = "三" if count == "两" else "两"
    assert not service.ask(f"名称里带“{word}”的项目，除了局本级的不算，剩下{wrong}个事业单位的有哪些？").answered


def test_each_project_cited_documents(market):
    service, truth = market
    citing = [p for p in truth.projects if p.citations][:2]
    answer = service.ask(f"{citing[0].name}和{citing[1].name}分别是根据哪份文件安排的？")
    for p in citing:
        said = p.citations[0].number or p.citations[0].title
        assert said.split("〔")[-1] in answer.answer, answer.answer


def test_a_measure_left_out_leaves_the_other_column(market):
    service, truth = market
    table = truth.table(3)
    row = next(r for r in table.rows if r.code and len(r.code) in (5, 7) and r.amounts[1] and r.amounts[2]
               and sum(q.label == r.label for q in table.rows) == 1)
    answer = service.ask(f"功能分类{row.code}（{row.label}）这个科目里，刨掉基本支出，项目支出那部分是多少？")
    assert answer.value == row.amounts[2], answer.answer


def test_duties_but_the_one_quoted(market):
    service, truth = market
    last = truth.duties[-1]
    answer = service.ask(f"主要职责里，除了“{last}”这条以外，还有哪些？")
    assert answer.items == list(truth.duties[:-1]), answer.answer


def test_a_unit_named_in_the_context_and_pointed_at_after_the_year(market):
    service, truth = market
    unit = truth.subordinate_units[-1]
    table = truth.table(11)
    rows = list(table.rows)
    at = next(k for k, r in enumerate(rows) if r.label == unit)
    goods = next(r for r in rows[at + 1:] if r.label == "商品和服务支出")
    answer = service.ask(f"我在核对{unit[len('北渚市芦湾区'):]}的日常公用开支（水电、办公这些），2025年它基本支出里的“商品和服务支出”是多少？")
    assert answer.value == goods.amounts[0], answer.answer


def test_a_share_of_the_self_units_projects_with_a_unit_left_out(market):
    service, truth = market
    own = [p for p in truth.projects if p.unit == truth.department]
    part = own[0]
    whole = sum((p.amounts[0] for p in own), Decimal(0))
    unit = truth.subordinate_units[0][len("北渚市芦湾区"):]
    answer = service.ask(f"{part.name}占局本级（不含{unit}）项目支出的比例是多少？")
    expected = (part.amounts[0] / whole * 100).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert answer.value == expected, answer.answer


def test_a_name_beginning_with_a_cue_word_is_left_out_through_a_pointer(legal):
    """法律 is a cue word (a cited law) and the start of 法律顾问服务经费: the name takes it, and
    除掉其中那个X leaves X out of the rest."""
    service, truth = legal
    left = next(p for p in truth.projects if p.name.startswith("法律顾问"))
    own = [p for p in truth.projects if p.unit == truth.department]
    assert service.ask("法律顾问那个项目安排了多少？").value == left.amounts[0]
    expected = sum((p.amounts[0] for p in own), Decimal(0)) - left.amounts[0]
    for question in ("局本级的项目里，除掉其中那个法律顾问，剩下的加一块是多少？", "局本级的项目里，不算里面的法律顾问，其余的合计多少？"):
        answer = service.ask(question)
        assert answer.value == expected, answer.answer


def test_a_unit_the_department_is_said_to_include_is_not_its_scope(market):
    """「市场监管局（含检测所）的基本支出」: the whole department's figure, with the unit in it."""
    service, truth = market
    whole = service.ask("市场监督管理局的基本支出是多少？")
    unit = service.ask("质量计量检测所的基本支出是多少？")
    assert whole.answered and unit.answered and whole.value != unit.value
    for question in ("市场监督管理局（含质量计量检测所）的基本支出是多少？", "市场监督管理局（包括检测所和执法大队）基本支出多少"):
        answer = service.ask(question)
        assert answer.value == whole.value, answer.answer


def test_a_column_left_out_is_never_the_figure_given(market):
    """「…有多少是靠其他资金出的？财政拨款那部分不算」: the 财政拨款 figure is what the question leaves
    out — the answer is the other column's figure or a refusal, never that one."""
    service, truth = market
    unit = truth.subordinate_units[-1]
    row = next(r for r in truth.table(11).rows if r.label == "商品和服务支出" and r.unit == unit)
    columns = truth.table(11).columns
    granted, other = row.amounts[columns.index("财政拨款合计")], row.amounts[columns.index("其他资金")]
    assert granted != other
    answer = service.ask("质量计量检测所基本支出里，商品和服务支出有多少是靠其他资金出的？财政拨款那部分不算，只要其他资金那一列")
    assert answer.value in (None, other), answer.answer


def test_a_class_less_a_child_left_out_is_never_the_class_total(legal):
    """「X下面，除了Y以外的那个科目有多少钱」: the answer takes Y out (the other child's figure) or
    is refused — never X's own total with Y still in it."""
    service, truth = legal
    rows = truth.table(5).rows
    parent = next(r for r in rows if r.code and len(r.code) == 5 and sum(1 for c in rows if c.code and len(c.code) == 7 and c.code.startswith(r.code)) == 2)
    first, second = [c for c in rows if c.code and len(c.code) == 7 and c.code.startswith(parent.code)]
    answer = service.ask(f"{parent.label}（{parent.code}）下面，除了{first.label}以外的那个科目有多少钱？")
    assert answer.value in (None, second.amounts[0]), answer.answer


@pytest.mark.parametrize("question", [
    "只看一般公共预算，[{code}]这个科目的基本支出是多少？",
    "{label}（{code}）一般公共预算的基本支出是多少",
    "我在对比几个县的口径——注意我只要一般公共预算那部分——{label}（{code}）的基本支出是多少？",
])
def test_a_fund_named_picks_its_table_among_two(legal, question):
    """A class whose basic expenditure differs between 表3 (all funds) and 表5 (一般公共预算): the fund
    named picks 表5's figure."""
    service, truth = legal
    every = {r.code: r for r in truth.table(3).rows if r.code}
    granted = next(r for r in truth.table(5).rows if r.code in every and len(r.code) == 7 and r.amounts[1] != every[r.code].amounts[1])
    answer = service.ask(question.format(code=granted.code, label=granted.label))
    assert answer.value == granted.amounts[1], answer.answer


def test_only_one_fund_counted_is_that_funds_table(legal):
    """「X里面，只算一般公共预算拨款、不算其他资金的话是多少」: 表5's figure of X, the fund no operand."""
    service, truth = legal
    every = {r.code: r for r in truth.table(3).rows if r.code}
    granted = next(r for r in truth.table(5).rows if r.code in every and len(r.code) == 7 and r.amounts[0] != every[r.code].amounts[0])
    answer = service.ask(f"{granted.label}（{granted.code}）里面，只算一般公共预算拨款、不算其他资金的话是多少")
    assert answer.value == granted.amounts[0], answer.answer


def test_projects_of_an_amount_left_out_by_the_amount(legal):
    """「撇开那几个十万的，其余项目合计多少」: the projects of that amount left out of the set."""
    service, truth = legal
    amounts = [p.amounts[0] for p in truth.projects]
    common = max(set(amounts), key=amounts.count)
    assert amounts.count(common) >= 2
    rest = [a for a in amounts if a != common]
    answer = service.ask(f"项目支出总额里，撇开那几个{common}万的，其余项目合计多少？")
    assert answer.value == sum(rest), answer.answer
    answer = service.ask(f"去掉那几个{common}万的项目，剩下项目里钱最多的是哪个？")
    assert answer.value == max(rest), answer.answer


def test_the_largest_of_the_rest_when_the_largest_is_left_out(legal):
    """「…里，把“X”去掉，剩下金额最大的是哪一科」: a ranking of the rest, not the rest's total."""
    service, truth = legal
    items = sorted((r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.code.startswith("302")), key=lambda r: r.amounts[0], reverse=True)
    answer = service.ask(f"基本支出的商品和服务支出里，把“{items[0].label}”去掉，剩下金额最大的是哪一科？")
    assert answer.items == [items[1].label], answer.answer


def test_a_set_answered_with_a_thing_it_takes_out_is_refused(legal):
    """「除掉其他那个和X，剩下的加起来」: the rest without X, or a refusal — never a total with X in it."""
    service, truth = legal
    own = [p for p in truth.projects if p.unit == truth.department]
    named = own[-1]
    total = sum((p.amounts[0] for p in own), Decimal(0))
    answer = service.ask(f"局本级的项目，除掉其他那个和{named.name}，剩下的加起来是多少？")
    assert answer.value in (None, total - named.amounts[0]), answer.answer


def test_a_fund_set_apart_never_picks_its_table(legal):
    """「…（不是一般公共预算那张表的数）」: the fund is named to be set apart, so 表5's figure is not it."""
    service, truth = legal
    every = {r.code: r for r in truth.table(3).rows if r.code}
    granted = next(r for r in truth.table(5).rows if r.code in every and len(r.code) == 7 and r.amounts[0] != every[r.code].amounts[0])
    answer = service.ask(f"[{granted.code}]{granted.label}这一行合计是多少（不是一般公共预算那张表的数）？")
    assert answer.value != granted.amounts[0], answer.answer


def test_a_sibling_left_out_of_a_comparison_of_two_is_in_no_figure(legal):
    """「工资福利里A和B相差多少？C先放一边不算。」: C is in neither figure compared; the difference stands."""
    service, truth = legal
    children = [r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.code.startswith("301")]
    first, second, left = children[:3]
    answer = service.ask(f"工资福利里{first.label}和{second.label}相差多少？{left.label}先放一边不算。")
    assert answer.value == abs(first.amounts[0] - second.amounts[0]), answer.answer


def test_a_figure_holding_the_part_left_out_is_not_given(legal):
    """「公车的开销是多少？买车的钱不算」: 公务用车购置及运行维护费 holds the purchase left out — never
    given as the answer; 修车/油费 name the running costs."""
    service, truth = legal
    both, running = truth.figure("公务用车购置及运行维护费"), truth.figure("公务用车运行维护费")
    answer = service.ask("公务用车购置及运行维护费今年安排了多少？买车的钱不算")
    assert not answer.answered and "购置" in answer.answer, answer.answer
    assert answer.value != both.value
    for question in ("公车修车、油费这些开销安排了多少？", "养车的钱今年多少"):
        assert service.ask(question).value == running.value, question


def test_a_project_left_out_with_the_hua_is_never_the_answer(legal):
    """「项目支出，X不算的话，还剩多少」: never X's own figure; when answered, the rest."""
    service, truth = legal
    project = max(truth.projects, key=lambda p: p.amounts[0])
    rest = truth.table(3).rows[0].amounts[2] - project.amounts[0]
    for question in (f"一般公共预算安排的项目支出，{project.name}不算的话，还剩多少", f"项目支出，{project.name}不算的话，还剩多少？"):
        answer = service.ask(question)
        assert answer.value != project.amounts[0] and (not answer.answered or answer.value == rest), answer.answer


def test_an_example_of_a_rule_is_not_left_out(market):
    """「名称带“经费”的项目有哪些？带“费”不带“经费”的（比如劳务费）不要」: 劳务费 illustrates the rule."""
    service, truth = market
    expected = sorted(p.name for p in truth.projects if "经费" in p.name)
    answer = service.ask("名称里带“经费”两个字的项目有哪些？带“费”但不带“经费”的（比如劳务费）不要")
    assert sorted(answer.items) == expected, answer.answer


def test_a_unit_called_by_its_kind_word_alone(market):
    """「局本级和大队的项目」: the one unit whose kind is 大队; 「执法大队」 said in part too."""
    service, truth = market
    squad = next(u for u in {p.unit for p in truth.projects} if u.endswith("大队"))
    expected = sorted(p.name for p in truth.projects if p.unit in (truth.department, squad))
    answer = service.ask("局本级和大队的项目有哪些？")
    assert sorted(answer.items) == expected, answer.answer


def test_a_unit_left_out_below_the_department(market):
    """「只看局机关自己（不算下面的X），基本支出一共多少」: the department's own row, never the sum with X."""
    service, truth = market
    unit = next(u for u in {p.unit for p in truth.projects} if u != truth.department)
    own = next(r for r in truth.table(11).rows if r.label == truth.department)
    answer = service.ask(f"只看局机关自己（不算下面的{unit.removeprefix(truth.region)}），基本支出一共多少？")
    assert answer.value == own.amounts[0], answer.answer


def test_the_cheapest_said_as_saving_most(legal):
    service, truth = legal
    cheapest = min(truth.projects, key=lambda p: p.amounts[0])
    assert service.ask("哪个项目最省钱？").items == [cheapest.name]


def test_a_whole_and_its_parts_are_never_summed(legal):
    """「“三公”里剩下那几项——出国、用车——加起来」: never 三公 plus its own parts."""
    service, truth = legal
    abroad, cars = truth.figure("因公出国（境）费").value, truth.figure("公务用车购置及运行维护费").value
    answer = service.ask("除了公务接待费，“三公”里剩下那几项——出国、用车——今年加起来安排了多少？")
    assert answer.value in (None, abroad + cars), answer.answer


def test_a_level_left_out_asks_the_level_below(legal):
    """「（不要大类合计，只要下面的细项）」「（类级合计不算）」: the 款 of the economic table, never a 类."""
    service, truth = legal
    items = [r for r in truth.table(7).rows if r.code and len(r.code) == 5]
    largest = max(items, key=lambda r: r.amounts[0])
    for question in ("项目支出按经济分类看，哪一个科目的钱最多？（类级合计不算）", "项目支出按经济分类看，哪一个科目的钱最多？（不要大类合计，只要下面的细项）"):
        assert service.ask(question).items == [largest.label], question

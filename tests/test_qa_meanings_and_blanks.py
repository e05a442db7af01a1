"""What a figure covers and what a line leaves blank (issue 10): 「X包括什么」 of a figure with no parts is its
glossary sentence or a refusal, never every project; the projects whose 表12 line states no goal or use
(没写绩效目标) and those that do; a change asked with its sign (下降记为负); a whole said twice before its parts
(工资构成…工资福利支出里A、B、C和D); a change asked openly (有什么变化) over two years; an open ask before a
figure asked (变化怎么样？…减少了多少？). Phrasings of our own on generated departments (tools.synth seeds 3902,
3901, 3905)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import figure_value, project_amount, project_amounts, same_answer, same_value, synth_service, truth_row

from qa.answer import fmt


def _spending(truth) -> Decimal:
    """A generated document's 支出总计 (表1)."""
    return next(r for r in truth.table(1).rows if r.kind == "total" and r.side == "支出").amounts[0]


@pytest.mark.parametrize("question", ["机关运行经费包括什么", "机关运行经费都包括什么？"])
def test_a_figure_with_no_parts_is_never_every_project(hr, question):
    service, truth = hr
    answer = service.ask(question)
    assert not answer.items and not any(p.name in answer.answer for p in truth.projects), answer.answer


@pytest.mark.parametrize("question", ["公务用车购置费都包括什么", "公务用车购置费包含哪些内容？"])
def test_what_a_figure_covers_is_its_glossary_sentence(market, question):
    service, _ = market
    answer = service.ask(question)
    assert answer.answered and "车辆购置税" in answer.answer and answer.value is None, answer.answer


@pytest.mark.parametrize("question, said", [
    ("哪些项目没写绩效目标？", False), ("表12里绩效目标一栏是空的项目有哪些", False), ("哪些项目没有写用途", False),
    ("哪些项目写了绩效目标", True)])
def test_projects_by_whether_their_line_states_a_goal(hr, question, said):
    service, truth = hr
    answer = service.ask(question)
    expected = sorted(p.name for p in truth.projects if bool(p.purpose) == said)
    assert sorted(answer.items) == expected, answer.answer


def test_projects_without_a_goal_counted(hr):
    service, truth = hr
    answer = service.ask("有几个项目没写绩效目标？")
    assert answer.value == sum(1 for p in truth.projects if not p.purpose), answer.answer


def test_a_change_asked_with_its_sign(years):
    service, earlier, later = years
    change = _spending(later) - _spending(earlier)
    answer = service.ask("支出总计2025年相对2024年变化了多少（下降记为负）？")
    assert answer.value == change, answer.answer


def test_a_whole_said_twice_before_its_parts(hr):
    service, truth = hr
    parts = ["基本工资", "津贴补贴", "奖金", "绩效工资"]
    total = sum(truth_row(truth, 6, p).amounts[0] for p in parts)
    answer = service.ask("想看看工资构成，不算社保和公积金，只看工资福利支出里基本工资、津贴补贴、奖金和绩效工资这四项，合计是多少？")
    assert answer.value == total, answer.answer


@pytest.mark.parametrize("question", ["三公经费有什么变化？", "三公经费两年变化怎么样"])
def test_a_change_asked_openly_over_two_years(years, question):
    service, earlier, later = years
    a, b = figure_value(earlier, "“三公”经费"), figure_value(later, "“三公”经费")
    answer = service.ask(question)
    assert answer.answered and fmt(a) in answer.answer and fmt(b) in answer.answer and answer.value == abs(b - a), answer.answer


def test_an_open_ask_before_the_figure_asked(years):
    service, earlier, later = years
    change = _spending(later) - _spending(earlier)
    answer = service.ask("三公经费变化怎么样？支出总计2025年比2024年变化了多少万元？")
    assert answer.answered and answer.value == abs(change) and answer.value != Decimal(0), answer.answer


def test_an_open_ask_before_a_measure_asked(years):
    service, _, _ = years
    same_value(service, "人员经费变化怎么样？基本支出2025年比2024年变化了多少？", "基本支出2025年比2024年变化了多少？")


def test_every_project_told_is_no_average(market):
    service, truth = market
    project = next(p for p in truth.projects if p.citations)
    answer = service.ask(f"做政策梳理时发现每个项目都写了依据，{project.name}是依据哪个文件安排的？")
    assert answer.answered and project.citations[0].title in answer.answer and answer.value is None, answer.answer


def test_a_rise_said_as_not_falling(years):
    service, earlier, later = years
    before = project_amounts(earlier)
    risen = sorted(p.name for p in later.projects if p.name in before and p.amounts[0] > before[p.name])
    answer = service.ask("两年都有的项目中，有没有2025年不降反升的？是哪些")
    assert sorted(answer.items) == risen, answer.answer


def test_a_glossary_entry_named_whole_asked_what_it_is_for(market):
    service, truth = market
    definition = dict(truth.glossary)["行政经费（机关运行经费）"]
    answer = service.ask("请教一下，行政经费（机关运行经费）是用来干什么的？")
    assert answer.answered and definition[:12] in answer.answer, answer.answer


def test_classes_listed_by_their_stems(market):
    service, truth = market
    parts = ["差旅费", "会议费", "培训费"]
    total = sum(truth_row(truth, 6, p).amounts[0] for p in parts)
    answer = service.ask("差旅、会议、培训这三块基本支出合计是多少？")
    assert answer.value == total, answer.answer
    unfound = service.ask("差旅、会议、印刷这三块基本支出合计是多少？")  # 印刷费 is not in the document: never 基本支出's total
    assert not unfound.answered and unfound.value is None, unfound.answer


@pytest.mark.parametrize("question", ["基本支出最少的是哪一家？", "下面有几个预算单位，我想知道基本支出最少的是哪一家？"])
def test_which_one_asked_of_the_units(market, question):
    service, _ = market
    same_answer(service, question, "哪个单位的基本支出最少？")


def test_the_department_budget_spending_over_two_years(years):
    service, earlier, later = years
    same_value(service, "2024、2025两年的部门预算支出加起来一共多少", "两年的支出总计加起来一共多少")


def test_things_listed_with_quotes_and_counted_are_summed(hr):
    service, truth = hr
    names = ["党建及精神文明建设经费", "“数字政府”电子公文专线租赁费", "信息系统安全测评费"]
    total = sum(project_amount(truth, n) for n in names)
    answer = service.ask(f"我们关注信息化方面的投入：{'、'.join(names)}这三项一共多少钱？")
    assert answer.value == total, answer.answer


def test_a_person_told_of_and_asked_by_a_pointer_is_refused(hr):
    service, _ = hr
    answer = service.ask("我想联系一下人社局的局长，他叫什么名字？")
    assert not answer.answered, answer.answer


def test_a_class_said_before_its_own_subclass_qualifies_it(hr):
    service, truth = hr
    row = truth_row(truth, 5, "社会保险经办机构")
    answer = service.ask("我在研究社保经办能力的投入，请问社保经办机构这个科目今年安排了多少钱？")
    assert answer.value == row.amounts[0], answer.answer


def test_a_measure_inside_a_class_said_with_科目(market):
    service, truth = market
    row = truth_row(truth, 5, "市场监督管理事务")
    answer = service.ask("市场监督管理事务科目中项目支出占了百分之多少？")
    assert fmt(answer.value) == fmt(row.amounts[2] * 100 / row.amounts[0]), answer.answer


def test_two_measures_of_one_class_compared(archives):
    service, truth = archives
    row = truth_row(truth, 5, "档案馆")
    answer = service.ask("档案馆这个科目基本支出比项目支出少多少？")
    assert answer.value == abs(row.amounts[1] - row.amounts[2]), answer.answer


def test_a_friend_saying_what_the_bureau_does_names_no_body(market):
    service, _ = market
    same_value(service, "朋友说局里今年要换新公务车，我有点怀疑。公务用车购置费到底安排了多少？", "公务用车购置费安排了多少？")


@pytest.mark.parametrize("told", ["下面三个预算单位平均下来，每个单位的基本支出是多少？",
                                  "本级和两个下属单位，平均每个单位的基本支出是多少？"])
def test_an_average_over_the_units_said_in_a_clause_or_beside_their_names(market, told):
    service, _ = market
    same_value(service, told, "平均每个单位的基本支出是多少？")


@pytest.mark.parametrize("told", ["基本支出增长比例是多少", "基本支出的增长率是多少（按百分比）？"])
def test_a_rate_of_change_said_as_a_proportion(years, told):
    service, _, _ = years
    same_value(service, told, "基本支出的增长率是多少")


def test_new_projects_said_as_新上(years):
    service, earlier, later = years
    before = {p.name for p in earlier.projects}
    answer = service.ask("2025年新上的项目有几个？")
    assert answer.value == len({p.name for p in later.projects} - before), answer.answer


def test_the_least_fall_is_the_highest_rate(years):
    service, earlier, later = years
    before = project_amounts(earlier)
    rates = {p.name: (p.amounts[0] - before[p.name]) / before[p.name] for p in later.projects if before.get(p.name)}
    answer = service.ask("两年都有的项目里，按降幅百分比算，哪个项目降得最少？")
    assert answer.items == [max(rates, key=rates.get)], answer.answer


def test_a_polite_request_for_the_projects_is_no_yes_or_no(market):
    service, truth = market
    answer = service.ask("表格太多看不过来，能不能先把项目支出表里列的项目都告诉我？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects), answer.answer


def test_amounts_told_as_a_movement_are_not_the_figure_asked(market):
    service, truth = market
    three = next(f for f in truth.figures if f.label == "“三公”经费")
    before = three.value - three.change
    told = f"我看到三公经费从{fmt(before)}万元变到了{fmt(three.value)}万元，文件里说比上年变化了多少？"
    same_value(service, told, "三公经费比上年变化了多少？")


@pytest.mark.parametrize("told, direct", [
    ("同事让我估一下去年的盘子有多大。根据说明里的增减额推算，去年的收入预算是多少？", "根据说明里的增减额推算，去年的收入预算是多少？"),
    ("最近在对比几个区直部门的机关运行成本，这个局今年的行政经费是多少万元？", "今年的行政经费是多少万元？"),
    ("准备去办事，先了解下他们怎么分工的：内设机构有哪些？", "内设机构有哪些？")])
def test_what_the_asker_is_doing_with_no_我(market, told, direct):
    service, _ = market
    same_answer(service, told, direct)


def test_two_told_apart_by_a_quoted_part_and_the_one_without_it_picked(hr):
    service, truth = hr
    answer = service.ask("表里有两个宣传工作经费的项目，一个带“二期”一个不带，我只要不带二期的那个。它的预算是多少？")
    assert answer.value == project_amount(truth, "宣传工作经费"), answer.answer


@pytest.fixture(scope="module")
def sports(tmp_path_factory):
    """A generated culture and sports bureau (seed 56601) with a class 体育."""
    return synth_service(tmp_path_factory.mktemp("sports"), 56601, "澜溪市竹湾县文体旅游局", 2025)


def test_a_class_word_inside_another_bodys_name_is_that_body(sports):
    service, _ = sports
    answer = service.ask("澜溪市体育局2025年部门预算是多少？")
    assert not answer.answered and "体育局" in answer.answer, answer.answer
    assert service.ask("竹湾县文体旅游局的体育支出是多少？").answered


def test_a_class_word_inside_a_units_name_is_that_unit(market):
    service, _ = market
    answer = service.ask("市场监督管理事务中心的预算是多少？")
    assert not answer.answered and "市场监督管理事务中心" in answer.answer, answer.answer


def test_a_name_crowned_with_a_quoted_word(hr):
    service, truth = hr
    answer = service.ask("我看项目清单里有好几个名字前面冠了“十五五”的，具体是哪几个项目？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if "十五五" in p.name), answer.answer


def test_a_units_projects_as_a_share_of_all_project_spending(market):
    service, truth = market
    names = ["办公楼物业管理服务费", "安全生产专项整治经费"]
    part = sum(project_amount(truth, n) for n in names)
    whole = next(r for r in truth.table(3).rows if r.kind == "total").amounts[2]
    answer = service.ask(f"检测所名下的{names[0]}和{names[1]}，合起来占全部项目支出的百分之几？")
    assert fmt(answer.value) == fmt(part * 100 / whole), answer.answer


def test_the_projects_a_unit_is_in_charge_of(market):
    service, truth = market
    unit = "北渚市芦湾区质量计量检测所"
    answer = service.ask("听说检测所还管了不少杂事。检测所负责哪些项目？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.unit == unit), answer.answer


def test_what_a_figure_defined_in_the_text_covers(hr):
    service, _ = hr
    answer = service.ask("机关运行经费具体包括哪些开支？")
    assert answer.answered and "办公费" in answer.answer and not answer.items, answer.answer


def test_the_whole_bureau_is_the_loaded_one(market):
    service, _ = market
    same_value(service, "整个局的三公经费才几万块，具体是多少？", "三公经费是多少？")


def test_a_guess_checked_by_the_figure_asked_after_it(emergency_years):
    service, _, _ = emergency_years
    direct = service.ask("工资福利支出2025年比2024年增加了多少")
    answer = service.ask("应急局是不是给人涨工资了？工资福利支出2025年比2024年增加了多少")
    assert direct.value is not None and answer.value == direct.value and "没有直接说明" in answer.answer, answer.answer

"""Questions of one sentence whose clauses before the last tell rather than ask — the asker's context,
a guess, a topic, an item pointed at — phrasings of our own on generated documents (tools.synth;
expected figures from their truth)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import synth_service, truth_row


def _short(unit: str) -> str:
    return unit.removeprefix("南屿市渔歌区")


def _basic(truth, unit: str):
    return next(r for r in truth.table(11).rows if r.kind == "unit" and r.unit == unit).amounts[0]


def test_this_item_after_another_units_row_is_that_item_of_the_unit_named(resources):
    """「表11里A列了“X”，那B这一项是多少」: X of B, not B's whole budget."""
    service, truth = resources
    storage, registry, info = truth.subordinate_units
    row = truth_row(truth, 11, "商品和服务支出", registry)
    answer = service.ask(f"我看表11里{_short(storage)}和{_short(info)}都列了“商品和服务支出”，那{_short(registry)}这一项是多少？")
    assert answer.value == row.amounts[0], answer.answer


def test_two_units_set_up_as_the_topic_are_those_compared(resources):
    """「A和B，基本支出差了多少」: the two units' basic spending, not the department's against one of them."""
    service, truth = resources
    storage, registry, _ = truth.subordinate_units
    answer = service.ask(f"{_short(storage)}和{_short(registry)}，基本支出差了多少？")
    assert answer.value == abs(_basic(truth, storage) - _basic(truth, registry)), answer.answer


def test_it_after_a_unit_said_to_belong_to_the_bureau_is_the_unit(resources):
    """「A是X局下属的事业单位，我想知道它的基本支出」: 它 is the unit, not the bureau loaded (a guard: the
    unit named before the bureau)."""
    service, truth = resources
    storage = truth.subordinate_units[0]
    answer = service.ask(f"{_short(storage)}是自然资源局下属的事业单位，我想知道它今年的基本支出一共多少？")
    assert answer.value == _basic(truth, storage), answer.answer


def test_a_class_in_a_guessing_clause_is_not_the_measure_asked(resources):
    """「A的工资福利支出好像挺高，它的基本支出是多少」: the guess's class is not asked; 它 is the unit."""
    service, truth = resources
    registry = truth.subordinate_units[1]
    answer = service.ask(f"{_short(registry)}的工资福利支出好像挺高，它的基本支出是多少？")
    assert answer.value == _basic(truth, registry), answer.answer


def test_a_clause_naming_the_thing_again_before_the_question_is_context(resources):
    """「现在到处都在压减三公经费，X局今年三公经费合计安排了多少」: 压减 in the context asks no change."""
    service, truth = resources
    answer = service.ask("现在到处都在压减“三公”经费，自然资源局今年三公经费合计安排了多少？")
    assert answer.value == truth.figure("“三公”经费").value, answer.answer


def test_a_short_name_before_its_bracketed_code_is_that_class(resources):
    """「基本养老（2080505）比职业年金（2080506）多多少」: the coded classes, not the class a short name links alone."""
    service, truth = resources
    a, b = truth_row(truth, 5, "机关事业单位基本养老保险缴费支出"), truth_row(truth, 5, "机关事业单位职业年金缴费支出")
    answer = service.ask("养老支出（2080505）比养老支出（2080506）多多少？")
    assert answer.value == a.amounts[0] - b.amounts[0], answer.answer


def test_a_list_said_to_have_n_members_is_summed_without_the_class_named_before(resources):
    """「算人员经费的时候我想把A、B和C这三块合在一起看」: the three items, not 工资福利支出 besides."""
    service, truth = resources
    rows = [truth_row(truth, 6, label) for label in ("基本工资", "津贴补贴", "奖金")]
    answer = service.ask("算人员经费的时候，我想把基本工资、津贴补贴和奖金这三块合在一起看，加起来是多少？")
    assert answer.value == sum(r.amounts[0] for r in rows), answer.answer


def test_the_largest_class_told_before_the_second_asked_is_no_container(resources):
    """「X是项目支出经济分类里最多的。那排第二的经济科目是哪个」: the second of project spending's items."""
    service, truth = resources
    items = sorted((r for r in truth.table(7).rows if r.code and len(r.code) == 5), key=lambda r: -r.amounts[0])
    answer = service.ask(f"{items[0].label}肯定是项目支出经济分类里最多的。那排第二的经济科目是哪个？")
    assert answer.value == items[1].amounts[0], answer.answer


def test_a_change_asked_after_two_years_said_is_of_the_later_year(years):
    """「两年对比2025年少了多少」: 对比 sets no year before another; the change is the later year's."""
    service, earlier, later = years
    a = next(r for r in earlier.table(3).rows if r.kind == "total").amounts[2]
    b = next(r for r in later.table(3).rows if r.kind == "total").amounts[2]
    word = "多" if b > a else "少"
    answer = service.ask(f"2024年项目支出有{a}万元，2025年是{b}万元，两年对比2025年{word}了多少？")
    assert answer.value == abs(b - a), answer.answer


def test_the_projects_new_in_the_later_year_summed(years):
    """「2025年新增的项目一共安排了多少」: the new projects' total, not their list."""
    service, earlier, later = years
    old = {p.name for p in earlier.projects}
    new = [p.amounts[0] for p in later.projects if p.name not in old]
    answer = service.ask("2025年新增的项目一共安排了多少？")
    assert answer.value == sum(new), answer.answer


def test_a_reason_asked_of_the_bodys_change_is_the_stated_reason(resources):
    """「今年X局比去年大了不少，主要原因是什么」: the reason the document states for the change, not the duties."""
    service, truth = resources
    answer = service.ask("今年自然资源局的总盘子比去年大了一些，有人说是因为涨工资，我不太信。文件里写的主要原因是什么？")
    assert "原因" in answer.answer and truth.units[0][1] not in answer.answer, answer.answer


@pytest.fixture(scope="module")
def statistics(tmp_path_factory):
    """A generated statistics bureau with one 人口变动情况抽样调查经费 project beside 城乡住户抽样调查经费 (seed 3912)."""
    return synth_service(tmp_path_factory.mktemp("statistics"), 3912, "青岚市松汀区统计局", 2025)


def test_a_cue_word_inside_a_projects_own_words_parts_no_name(statistics):
    """「有个人口变动抽样调查的项目，经费有多少」: 变动 (a word of change) and 个人 are the name's words here."""
    service, truth = statistics
    project = next(p for p in truth.projects if p.name.startswith("人口变动"))
    answer = service.ask("统计局有个人口变动抽样调查的项目，经费有多少？")
    assert answer.value == project.amounts[0], answer.answer


def test_a_clause_naming_the_unit_again_before_its_measure_is_context(years):
    """「统计局2025年一下子多了好多项目，它的项目支出2025年比2024年多了多少」: the story's words ask nothing."""
    service, earlier, later = years
    a = next(r for r in earlier.table(3).rows if r.kind == "total").amounts[2]
    b = next(r for r in later.table(3).rows if r.kind == "total").amounts[2]
    answer = service.ask(f"统计局2025年一下子多了好多项目，它的项目支出2025年比2024年{'多' if b > a else '少'}了多少？")
    assert answer.value == abs(b - a), answer.answer


def test_a_project_named_by_one_word_and_its_kinds_ending(resources):
    """「党建经费」 for 党建及精神文明建设经费: a word only its name holds, with the 经费 its name ends in."""
    service, truth = resources
    project = next(p for p in truth.projects if p.name.startswith("党建"))
    answer = service.ask("党建经费是多少？")
    assert answer.value == project.amounts[0], answer.answer


@pytest.fixture(scope="module")
def farming(tmp_path_factory):
    """A generated agriculture bureau whose 动物疫病预防控制中心 spends other funds (seed 3900)."""
    return synth_service(tmp_path_factory.mktemp("farming"), 3900, "金禾市桐溪区农业农村局", 2025)


def test_a_fund_other_than_the_one_asked_is_no_part(farming):
    """「…用了财政拨款以外的其他资金，它的基本支出里其他资金占多大比例」: 其他资金's share, not 财政拨款's."""
    service, truth = farming
    row = next(r for r in truth.table(11).rows if r.kind == "unit" and r.unit.endswith("动物疫病预防控制中心"))
    share = (row.amounts[-1] / row.amounts[0] * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask("注意到只有动物疫控中心用了财政拨款以外的其他资金，它的基本支出里其他资金占多大比例？")
    assert answer.value == share, answer.answer


@pytest.fixture(scope="module")
def culture(tmp_path_factory):
    """A generated culture bureau whose unit 图书馆 shares its name with a class (seed 3949)."""
    return synth_service(tmp_path_factory.mktemp("culture"), 3949, "澜溪市枫渡区文化广电旅游体育局", 2025)


def test_it_after_a_unit_that_is_a_class_too_is_the_unit(culture):
    """「听说图书馆的钱不全是财政给的，它基本支出里…」: 它 is the unit 图书馆, though a class bears its name."""
    service, truth = culture
    row = next(r for r in truth.table(11).rows if r.kind == "unit" and r.unit.endswith("图书馆"))
    answer = service.ask("听说图书馆的钱不全是财政给的，它的基本支出一共有多少？")
    assert answer.value == row.amounts[0], answer.answer


def test_a_guess_asked_back_is_the_story_a_pointer_points_into(resources):
    """「X是直接发给农民的钱吧？今年这一项安排了多少钱」: 这一项 is X; the guess's own words ask nothing."""
    service, truth = resources
    project = next(p for p in truth.projects if p.name == "耕地保护专项资金")
    answer = service.ask("耕地保护专项资金是直接发给农民的钱吧？今年区里这一项安排了多少钱？")
    assert answer.value == project.amounts[0], answer.answer


def test_a_story_wondering_about_the_amount_the_question_asks_again(resources):
    """「…好奇热线背后花多少钱。X局的12345热线工单办理经费有多少」: the question asks it again, of a thing it names."""
    service, truth = resources
    project = next(p for p in truth.projects if p.name.startswith("12345"))
    answer = service.ask("在市民热线上反映过几次问题，好奇热线背后花多少钱。自然资源局的12345热线工单办理经费有多少？")
    assert answer.value == project.amounts[0], answer.answer


def test_a_hedged_clause_before_a_question_of_its_own_measure_is_context(resources):
    """「几个单位的走势好像不一样，X的基本支出是多少」: the guess's words (走势) ask nothing."""
    service, truth = resources
    storage = truth.subordinate_units[0]
    answer = service.ask(f"几个单位的走势好像不一样，{_short(storage)}的基本支出是多少？")
    assert answer.value == _basic(truth, storage), answer.answer


def test_a_project_a_context_names_by_part_scopes_a_question_after_an_intro(resources):
    """「我看法律顾问服务的绩效目标写了服务覆盖范围，请问覆盖多少个村（社区）」: the count its own text states."""
    service, truth = resources
    project = next(p for p in truth.projects if p.name == "法律顾问服务经费")
    count = re.search(r"(\d+)个村（社区）", project.purpose).group(1)
    answer = service.ask("我看法律顾问服务的绩效目标写了服务覆盖范围，请问覆盖多少个村（社区）？")
    assert answer.value == Decimal(count), answer.answer


def test_it_asked_its_projects_after_a_story_of_one_unit(resources):
    """「A是个事业单位，我原以为它没什么项目。它今年承担了哪些项目」: A's projects; 没什么 asks nothing."""
    service, truth = resources
    registry = truth.subordinate_units[1]
    own = {p.name for p in truth.projects if p.unit == registry}
    answer = service.ask(f"{_short(registry)}是个事业单位，我原以为它没什么项目。它今年承担了哪些项目？")
    assert set(answer.items) == own, answer.answer


def test_hedged_clauses_before_a_set_asked_of_its_own(resources):
    """「感觉很多项目都是整数500万，像是拍脑袋定的，金额正好是500万元的项目有几个」: the guess's words ask nothing."""
    service, truth = resources
    count = sum(p.amounts[0] == 500 for p in truth.projects)
    answer = service.ask("感觉很多项目都是整数500万，像是拍脑袋定的，金额正好是500万元的项目有几个？")
    assert answer.value == count, answer.answer


def test_two_of_one_name_with_the_continued_one_included(resources):
    """「两个X（含续建那个）合计多少」: both projects of X's name; 含 restates the count."""
    service, truth = resources
    both = [p for p in truth.projects if p.name.startswith("卫片执法图斑核查经费")]
    assert len(both) == 2
    answer = service.ask("两个卫片执法图斑核查经费（含续建那个）合计多少？")
    assert answer.value == sum(p.amounts[0] for p in both), answer.answer


def test_the_count_summed_is_the_one_said_last(resources):
    """「本级N个项目里，除了X，其余N-1个加起来多少」: the rest's count, not the set's, is what is summed."""
    service, truth = resources
    own = [p for p in truth.projects if p.unit == truth.department]
    answer = service.ask(f"本级{len(own)}个项目里，除了{own[0].name}，其余{len(own) - 1}个加起来多少？")
    assert answer.value == sum(p.amounts[0] for p in own[1:]), answer.answer


def test_buying_told_before_a_share_of_goods_purchases_is_spoken_of(resources):
    """「今年要买不少设备，政府采购里货物类的预算占政府采购的比例」: 采购 speaks of buying; the share is answered."""
    service, truth = resources
    goods, whole = truth.figure("货物类采购预算").value, truth.figure("政府采购").value
    share = (goods / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask("今年要买不少设备，政府采购里货物类的预算占整个政府采购的比例是多少？")
    assert answer.value == share, answer.answer


def test_an_office_of_the_loaded_bureau_in_the_askers_story_is_no_other_body(resources):
    """「朋友家孩子刚分配到X局Y股，我想知道这个股具体负责什么」: Y股 is the bureau's own office; the story asks nothing."""
    service, truth = resources
    office, duty = next((name, duty) for name, duty in truth.units if name.endswith("股"))
    answer = service.ask(f"朋友家孩子刚分配到自然资源局{office}，我想知道这个股具体负责什么工作？")
    assert duty[:12] in answer.answer, answer.answer


def test_a_clause_telling_of_the_set_asked_again_is_context(resources):
    """「X局的项目一长串，看得眼花，平均下来每个项目多少钱」: the set is said again; 一长串 asks nothing."""
    service, truth = resources
    mean = (sum(p.amounts[0] for p in truth.projects) / len(truth.projects)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask("资源局的项目一长串，看得眼花，平均下来每个项目多少钱？")
    assert answer.value == mean, answer.answer


def test_an_unknown_word_choosing_the_set_is_still_refused(resources):
    """「学校足球队的项目很多，平均每个项目多少钱」: the unknown words say which projects — never all of them
    (a guard of the rule above)."""
    service, _ = resources
    assert not service.ask("学校足球队的项目很多，平均每个项目多少钱？").answered


def test_the_askers_guess_at_the_answer_after_the_ask_scopes_nothing(resources):
    """「表12里金额最少的项目是哪个，我猜是X中心那个」: the smallest of all projects, not of the unit guessed."""
    service, truth = resources
    smallest = min(p.amounts[0] for p in truth.projects)
    answer = service.ask(f"看表12里金额最少的项目是哪个，我猜是{_short(truth.subordinate_units[0])}那个？")
    assert answer.value == smallest, answer.answer

"""Guesses checked and scopes read whole (issue 10): a member the asker guesses is the top (最大的是不是X,
我觉得X最多) is checked in the answer, never taken for the set; the units a count runs over (本级和下属单位,
本级加上两个中心, 包括X在内的整个局); an office told as where the asker saw a project; a range pointed back at
(落在这个区间); what a thing was compared with is no antecedent of 这笔钱; 一个项目平均 is no count stated; an
earlier end of the asker's context when the latest leaves nothing named. Phrasings of our own on generated
departments (tools.synth seeds 3901, 3905)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import figure_value, last_year_value, project_amounts, same_answer, same_value


def _in_both_years(earlier, later) -> str:
    """The first name (in sort order) of a project both generated years hold."""
    return sorted({p.name for p in earlier.projects} & {p.name for p in later.projects})[0]


def _top(truth) -> tuple[str, Decimal]:
    amounts = project_amounts(truth)
    name = max(amounts, key=amounts.get)
    return name, amounts[name]


def test_a_wrong_guess_at_the_top_is_corrected(market):
    service, truth = market
    name, amount = _top(truth)
    other = next(p for p in truth.projects if p.name != name)
    answer = service.ask(f"金额最大的项目是不是{other.name}？")
    assert answer.value == amount and answer.items == [name], answer.answer
    assert f"不是{other.name}" in answer.answer, answer.answer


def test_a_right_guess_at_the_top_is_confirmed(market):
    service, truth = market
    name, amount = _top(truth)
    answer = service.ask(f"我觉得{name}最多，不知道对不对。到底哪个项目金额最大？")
    assert answer.value == amount and answer.answer.startswith("是的"), answer.answer


@pytest.mark.parametrize("question", [
    "本级和下属单位一共有多少个项目", "帮我数一下，局本级加上两个下属单位，全部门一共有多少个项目？",
    "包括检测所在内，整个局一共几个项目", "算上检测所，整个局一共有几个项目？"])
def test_counts_over_the_whole_with_its_units(market, question):
    service, truth = market
    answer = service.ask(question)
    assert answer.value == len(truth.projects), answer.answer


def test_a_count_over_the_own_level_and_one_unit(market):
    service, truth = market
    units = {"北渚市芦湾区市场监督管理局", "北渚市芦湾区市场监督管理综合执法大队"}
    answer = service.ask("局本级和执法大队一共有几个项目")
    assert answer.value == sum(1 for p in truth.projects if p.unit in units), answer.answer


def test_units_counted_by_their_kind_must_match_the_document(market):
    service, _ = market
    assert not service.ask("本级加上两个所一共有多少个项目").answered


def test_an_office_told_as_where_a_project_was_seen(market):
    same_answer(market[0], "登记注册股那边有个12345政务服务便民热线工单办理经费，它主要用于什么？",
                "12345政务服务便民热线工单办理经费主要用于什么？")


@pytest.mark.parametrize("question", [
    "金额在100万到600万这个区间的项目有哪些", "我想按规模分档，中间一档是超过100万、不到600万。落在这个区间的项目有哪些？"])
def test_a_range_pointed_back_at(market, question):
    service, truth = market
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(n for n, v in project_amounts(truth).items() if 100 <= v <= 600), answer.answer


def test_what_a_thing_is_compared_with_is_no_antecedent(market):
    service, truth = market
    amounts = project_amounts(truth)
    first, second = "12345政务服务便民热线工单办理经费", "第三方绩效评价服务费"
    assert amounts[first] > amounts[second]
    told = f"{first}有{amounts[first]}万，比{second}多一些。这笔钱主要用于什么？"
    same_answer(service, told, f"{first}主要用于什么？")


def test_one_project_averaged_is_no_count_stated(market):
    service, truth = market
    total = sum(project_amounts(truth).values())
    answer = service.ask("把全部项目支出平均摊到每个项目上，一个项目平均多少万元？")
    assert answer.value == (total / len(truth.projects)).quantize(Decimal("0.01")), answer.answer


def test_hearsay_then_what_the_asker_saw(years):
    service, _, _ = years
    told = "最近听说基层涨了绩效，我看基本支出里的绩效工资两年都有，2025年比2024年增长了多少个百分比？"
    answer = service.ask(told)
    expected = service.ask("基本支出里的绩效工资2025年比2024年增长了百分之多少？")
    assert expected.value is not None and answer.value == expected.value and answer.unit == "%", answer.answer


def test_a_title_written_on_a_short_name_is_a_person(legal):
    assert not legal[0].ask("司法局长一年工资大概多少").answered


@pytest.mark.parametrize("question", ["学校今年的预算有多少？", "孩子在这边的中学读书，想知道学校今年的预算有多少？"])
def test_an_institution_that_keeps_its_own_budget(legal, question):
    assert not legal[0].ask(question).answered


def test_the_bracket_the_asker_saw_is_no_word_to_find(market):
    same_answer(market[0], "看到机构设置里有个食品安全股，括号里没写别的，它具体负责什么？", "食品安全股具体负责什么？")


def test_a_long_list_told_then_counted(market):
    service, truth = market
    answer = service.ask("检测所下面的项目列了一长串，我数不过来，请问一共有多少个？")
    assert answer.value == sum(1 for p in truth.projects if p.unit.endswith("检测所")), answer.answer


def test_the_top_left_out_by_a_pronoun(market):
    service, truth = market
    name, _ = _top(truth)
    ranked = sorted(project_amounts(truth).items(), key=lambda x: -x[1])
    answer = service.ask(f"金额最大的是{name}这个我知道了。除了它以外，哪个项目最多？")
    assert answer.items == [ranked[1][0]], answer.answer


def test_a_name_filter_asked_after_units_told(market):
    service, truth = market
    answer = service.ask("市场监管局有登记注册股，还有个检测所，我猜跟安全有关的项目不少。名称里带“安全”的项目有哪些？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if "安全" in p.name), answer.answer


@pytest.mark.parametrize("told, direct", [
    ("450.01万元的那个公共就业服务专项经费主要用于什么？", "岚岗县公共就业服务专项经费主要用于什么？"),
    ("19万元的那个公共就业服务专项经费主要用于什么？", "公共就业服务专项经费主要用于什么？")])
def test_an_amount_stated_picks_the_member_of_a_family(hr, told, direct):
    same_answer(hr[0], told, direct)


def test_each_years_top_differenced(years):
    service, earlier, later = years
    tops = [max(p.amounts[0] for p in truth.projects) for truth in (earlier, later)]
    answer = service.ask("两年里各自最大的那个项目，金额相差多少？")
    assert answer.value == abs(tops[1] - tops[0]), answer.answer


def test_members_one_year_lacks_counted(years):
    service, earlier, later = years
    before = {p.name for p in earlier.projects}
    answer = service.ask("一般新的一年都会冒出些新项目，2025年的项目里有几个是2024年没出现过的？")
    assert answer.value == len({p.name for p in later.projects} - before), answer.answer


def test_a_verb_before_the_bureau_names_no_other_body(years):
    same_value(years[0], "在整理统计局近两年的财政数据，两年统计局的支出预算合计是多少？", "两年统计局的支出预算合计是多少？")


def test_a_word_of_the_askers_guess_is_not_held_against_it(years):
    service, earlier, later = years
    both = _in_both_years(earlier, later)
    same_value(service, f"{both}2025年好像只剩个零头了，跟2024年比相差多少？", f"{both}2025年跟2024年比相差多少？")


def test_a_remark_on_bodies_in_general_scopes_nothing(market):
    same_answer(market[0], "我看机关运行经费今年有变化，一般机关都在压缩开支，这里变化的原因是什么？", "机关运行经费今年变化的原因是什么？")


def test_money_told_of_other_parts_bounds_nothing(market):
    same_value(market[0], "看政府采购那一段，工程类和服务类都有钱，那货物类采购预算是多少呢？", "货物类采购预算是多少？")


def test_the_own_level_set_apart_by_zhiwai(market):
    same_value(market[0], "局本级之外还有两个下属单位，想知道它们合起来的体量：两个下属单位的基本支出加起来是多少",
               "两个下属单位的基本支出加起来是多少")


@pytest.mark.parametrize("question", ["食品安全抽检监测经费500万，每家企业能分到多少？", "聘用人员劳务费2800万，每个聘用人员能拿多少，有没有标准？"])
def test_an_amount_per_recipient_is_not_stated(market, question):
    assert not market[0].ask(question).answered


def test_a_word_for_the_top(market):
    service, truth = market
    answer = service.ask("我只想知道重头戏是哪个。哪个项目钱最多")
    assert answer.items == [_top(truth)[0]], answer.answer


def test_what_the_asker_studies_is_context(market):
    same_value(market[0], "我在研究安全方面的投入，麻烦把名字里带“安全”的项目都加起来，合计多少？", "名字里带“安全”的项目合计多少？")


def test_members_that_appear_only_later(years):
    service, earlier, later = years
    answer = service.ask("有没有2024年项目表里没有、2025年才出现的项目？是哪个？")
    assert sorted(answer.items) == sorted({p.name for p in later.projects} - {p.name for p in earlier.projects}), answer.answer


def test_a_whole_name_with_one_character_wrong(hr):
    service, truth = hr
    answer = service.ask("公共就业服务专项经废是多少？")
    assert answer.value == project_amounts(truth)["公共就业服务专项经费"], answer.answer


def test_its_books_are_the_bodys(market):
    same_value(market[0], "听说市场监管局家底不少，执法车辆、检测设备一大堆。它账上的固定资产金额到底是多少？", "固定资产金额是多少？")


def test_its_member_named_by_its_part(hr):
    service, truth = hr
    amounts = project_amounts(truth)
    answer = service.ask("“数字政府”电子公文专线租赁费和它的专项经费相比，差多少钱")
    assert answer.value == amounts["“数字政府”电子公文专线租赁费"] - amounts["“数字政府”电子公文专线租赁费专项经费"], answer.answer


def _holding(truth, part: str) -> Decimal:
    return sum((p.amounts[0] for p in truth.projects if part in p.name), Decimal(0))


def test_a_long_topic_summed_in_each_year(years):
    service, earlier, later = years
    part = "12345政务服务便民热线"
    answer = service.ask(f"{part}相关的项目，2025年合计比2024年增加了多少？")
    assert answer.value == _holding(later, part) - _holding(earlier, part), answer.answer


def test_a_years_members_counted_and_summed(years):
    service, earlier, later = years
    name = "办公楼物业管理服务费"
    answer = service.ask(f"{name}2025年有两笔（原项目加续建），合起来比2024年多多少？")
    assert answer.value == _holding(later, name) - _holding(earlier, name), answer.answer


def test_what_the_asker_will_check_it_against_is_no_operand(market):
    same_value(market[0], "帮我算算聘用人员劳务费和食品安全抽检监测经费加在一起是多少，我想核对一下是不是正好等于一般公共服务支出的数。",
               "聘用人员劳务费和食品安全抽检监测经费加在一起是多少")


def test_two_things_guessed_alike_are_no_operands(market):
    service, truth = market
    answer = service.ask("感觉食品安全抽检监测经费和公务出行租车经费差不多大，到底哪个项目钱最多？")
    assert answer.items == [_top(truth)[0]], answer.answer


def test_a_sentence_of_curiosity_before_the_target_asked(hr):
    service, _ = hr
    answer = service.ask("“数字政府”电子公文专线租赁费专项经费只有110万，我好奇这么点钱能定什么目标。它的任务完成率要达到多少")
    assert (answer.value, answer.unit) == (Decimal(97), "%"), answer.answer


def test_a_name_said_again_after_the_story(hr):
    service, _ = hr
    answer = service.ask("“数字政府”电子公文专线租赁费专项经费是个重点项目，钱花得怎么样要看绩效。“数字政府”电子公文专线租赁费专项经费的任务完成率要达到多少？")
    assert (answer.value, answer.unit) == (Decimal(97), "%"), answer.answer


def test_a_units_key_project_target(urban_2025):
    service, _ = urban_2025
    answer = service.ask("市政设施和园林绿化管理中心那个公文流转系统运维经费，服务对象满意度要到多少？")
    assert (answer.value, answer.unit) == (Decimal(92), "%"), answer.answer


def test_a_count_in_a_projects_text_with_its_noun_restated(hr):
    service, _ = hr
    answer = service.ask("公共就业服务专项经费那个项目说服务覆盖了很多村，我想知道具体覆盖了多少个村（社区）？")
    assert answer.value == 50, answer.answer


def test_an_amount_moved_from_a_year_to_the_next(years):
    same_value(years[0], "基本支出从2024年的那个数涨到了现在这样，增长了百分之多少？", "基本支出2025年比2024年增长了百分之多少？")


def test_a_measure_said_lower_is_no_set(years):
    same_value(years[0], "总盘子涨了这么多，基本支出是不是反而少了？少了百分之几", "基本支出2025年比2024年变化了百分之几？")


def test_a_misspelt_name_with_its_part_is_that_member(years):
    service, _, later = years
    answer = service.ask("2025年办公楼物业管理服务废（续建）是多少？")
    assert answer.value == project_amounts(later)["办公楼物业管理服务费（续建）"], answer.answer


def test_other_bodies_named_in_what_the_asker_will_do(market):
    same_value(market[0], "想算算局机关项目的平均规模，方便和别的局比。本级的项目平均每个多少钱？", "本级的项目平均每个多少钱？")


def test_distinct_members_of_two_years_counted(years):
    service, earlier, later = years
    answer = service.ask("把两年的项目清单合在一起，同名的只算一个，总共有多少个不同的项目？")
    assert answer.value == len({p.name for p in earlier.projects} | {p.name for p in later.projects}), answer.answer


def test_a_shares_change_asked_without_years(years):
    same_value(years[0], "一般公共服务支出占比上升了多少个百分点", "2025年比2024年，一般公共服务支出占比上升了多少个百分点")


def test_characters_left_single_are_an_unknown_word(market):
    assert not market[0].ask("基本支出的电废是多少").answered


def test_an_asking_word_written_with_a_homophone(market):
    same_value(market[0], "聘用人员劳务费跟食品安全抽检监测经费两项家起来多少", "聘用人员劳务费跟食品安全抽检监测经费两项加起来多少")


def test_each_years_figure_the_same_in_both(years):
    service, _, _ = years
    answer = service.ask("两年的政府性基金预算支出各是多少？")
    assert answer.value == 0 and "2024年0.00万元" in answer.answer and "2025年0.00万元" in answer.answer, answer.answer


def test_the_year_of_a_figure_stated_is_told(years):
    same_value(years[0], "基本支出2024年安排了524.48万，2025年还有吗？有的话是多少", "2025年基本支出是多少")


def test_how_the_document_explains_a_change(years):
    service, _, _ = years
    told, direct = service.ask("2025年统计局预算增加了不少，文件怎么解释的？"), service.ask("2025年统计局预算为什么增加？")
    assert direct.answered and "原因" in told.answer and told.answer == direct.answer, told.answer


def test_a_kind_of_part_said_for_the_part(years):
    service, _, later = years
    answer = service.ask("2025年名字里带年份的项目有哪些？")
    expected = sorted(p.name for p in later.projects if re.search(r"20\d{2}年", p.name))
    assert expected and sorted(answer.items) == expected, answer.answer


def test_a_change_in_points_between_two_years_is_its_size(years):
    service, _, _ = years
    ordered = service.ask("项目支出占支出总计的比重，2024年比2025年变化了多少个百分点？")
    answer = service.ask("项目支出占支出总计的比重，两年之间变动了几个百分点？")
    assert ordered.value is not None and answer.value == abs(ordered.value), answer.answer


def test_a_bound_after_a_movement_describes_the_figure(years):
    same_value(years[0], "基本支出从几百万涨到不到一千万，增幅是多少？", "基本支出2025年比2024年增长了百分之多少？")


def test_a_year_ago(years):
    same_value(years[0], "基本支出比一年前增加了多少？", "基本支出2025年比2024年增加了多少？")


def test_a_top_n_told_of_a_thing_asks_no_top(years):
    service, earlier, later = years
    both = _in_both_years(earlier, later)
    same_value(service, f"{both}两年都排在项目金额的前两位，2025年比2024年少了多少？", f"{both}2025年比2024年少了多少？")


def test_projects_paid_from_what_their_names_hold(civil_2025):
    service, truth = civil_2025
    expected = sorted(p.name for p in truth.projects if "彩票公益金" in p.name)
    answer = service.ask("用彩票公益金安排的项目有哪几个？")
    assert expected and sorted(answer.items) == expected, answer.answer


def test_the_year_before_the_earliest_worked_back_and_compared(years):
    service, earlier, later = years
    expected = figure_value(later, "收入预算") - last_year_value(earlier, "收入预算")
    answer = service.ask("收入预算2025年比2023年变化了多少？2023年的数用2024年说明里的增减额推算")
    assert answer.value == abs(expected) and "推算" in answer.answer, answer.answer


def test_a_year_before_the_earliest_with_no_change_stated_is_refused(years):
    assert not years[0].ask("办公楼物业管理服务费2025年比2023年多多少？").answered


@pytest.mark.parametrize("told, direct", [
    ("执法大队和检测所都是市场监管局下属的事业单位，规模应该不一样。请问两家谁的基本支出多，多多少？", "执法大队和检测所谁的基本支出多，多多少？"),
    ("检测所是下属事业单位，按理说花钱应该比局机关少吧？两家的项目支出到底谁多，差多少？", "检测所和局机关的项目支出谁多，差多少？")])
def test_two_bodies_a_story_names_taken_up_again(market, told, direct):
    same_value(market[0], told, direct)


@pytest.mark.parametrize("told", ["按项目个数平均，2025年平均每个项目的金额比2024年少多少万元",
                                  "项目数量变了，但平均每个项目的金额呢？2025年平均每个项目比2024年少了多少？"])
def test_each_years_average_per_project_compared(years, told):
    service, earlier, later = years
    means = [sum(p.amounts[0] for p in t.projects) / len(t.projects) for t in (earlier, later)]
    answer = service.ask(told)
    assert answer.value is not None and abs(abs(answer.value) - abs(means[1] - means[0])) < Decimal("0.01"), answer.answer


def test_another_bureau_of_the_same_district_is_not_loaded(years):
    assert not years[0].ask("顺便想对比一下同区的其他部门，青岚市松汀区发展和改革局2024、2025两年的预算总额分别是多少？").answered


def test_the_figure_named_last_against_the_whole_told_first(culture):
    same_value(culture, "看到三公经费总体变化不大，但公务接待费好像变得多些，公务接待费比上年变化了多少？", "公务接待费比上年变化了多少？")


def test_a_set_told_beside_the_one_member_asked(market):
    same_answer(market[0], "局里就五个股室，办公室我大概知道干什么，想了解一下食品安全股负责哪些工作？", "食品安全股负责哪些工作？")


def test_a_whole_named_by_its_two_parts(market):
    same_value(market[0], "三公经费里公车购置和运维那块占了几成？", "公务用车购置及运行维护费占“三公”经费的比重是多少？")


def test_two_units_compared_before_the_measure(market):
    same_value(market[0], "执法大队和检测所相比，基本支出总计谁多，多多少？", "执法大队和检测所的基本支出谁多，多多少？")


def test_a_misspelt_name_of_both_years_is_that_items_change(years):
    same_value(years[0], "两年都有的那个办公楼物业管理服务废，2025年比2024年增加了多少", "办公楼物业管理服务费2025年比2024年增加了多少")


def test_two_bodies_told_by_kind_are_never_two_names_of_one_class(market):
    answer = market[0].ask("听说局机关和下属单位的人员经费差不多。按基本支出预算表看，两家的工资和福利支出差多少？")
    assert answer.value is None or "本级" in answer.answer, answer.answer

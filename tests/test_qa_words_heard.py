"""Words that carry nothing are ignored (issue 10): what the asker heard (听说X对维修有时效方面的规定，…) is
context, its words no unknown ones; 找找看 is filler; 名称后面标着“续建”的那个X picks X（续建）as 带 does.
Phrasings of our own on generated documents (tools.synth seeds 3902)."""

from __future__ import annotations

import pytest
from conftest import figure_value, project_amount


def test_a_heard_clause_is_context(legal):
    service, truth = legal
    target = next(t for p in truth.projects if p.name == "社区矫正监管经费" for t in p.targets)
    answer = service.ask("听说社区矫正监管经费这个项目对维修有时效方面的规定，设备故障响应时间不超过几小时？")
    assert answer.value == target.value and answer.unit == target.unit, answer.answer


def test_find_and_see_is_filler(legal):
    service, truth = legal
    name, value = min(((p.name, p.amounts[0]) for p in truth.projects), key=lambda p: p[1])
    answer = service.ask("表12里项目金额差别很大。想找找看预算最少的项目是哪一个，多少钱？")
    assert answer.value == value and name in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["名称后面标着“续建”的那个业务培训经费是多少", "名字后面标有续建的那个业务培训经费是多少？"])
def test_marked_with_picks_the_member(hr, question):
    service, truth = hr
    answer = service.ask(question)
    assert answer.value == project_amount(truth, "业务培训经费（续建）"), answer.answer


def test_a_part_of_a_name_in_a_heard_clause_links_nothing(legal):
    service, truth = legal
    answer = service.ask("看新闻说很多部门把业务外包给第三方，司法局项目支出经济分类里的委托业务费有多少？")
    assert answer.value == next(r.amounts[0] for r in truth.table(7).rows if r.label == "委托业务费"), answer.answer


def test_a_part_of_a_name_never_answers_for_a_whole_one(legal):
    service, truth = legal
    answer = service.ask("很多部门把业务外包给第三方，项目支出经济分类里的委托业务费有多少？")
    project = project_amount(truth, "第三方绩效评价服务费")
    assert answer.value != project, answer.answer


def test_past_an_amount_is_a_strict_bound(legal):
    service, truth = legal
    held = {p.name for p in truth.projects if "经费" in p.name and p.amounts[0] > 10}
    answer = service.ask("我比较关注大额项目。名称里带“经费”二字、而且金额过十万的项目有哪些？")
    assert set(answer.items) == held, answer.answer


def test_a_new_issue_is_no_phase(legal):
    service, truth = legal
    answer = service.ask("年底要出新一期普法读本了，法律顾问服务经费今年预算是多少？")
    assert answer.value == project_amount(truth, "法律顾问服务经费"), answer.answer


def test_works_talked_of_are_no_works_named(legal):
    service, truth = legal
    answer = service.ask("听说司法局今年要搞不少工程，那政府采购里工程类的预算是多少？")
    assert answer.value == figure_value(truth, "工程类采购预算"), answer.answer


def test_the_thing_heard_of_is_asked_of(legal):
    service, _ = legal
    answer = service.ask("听说法律援助案件补贴是按一个会议纪要来安排的，具体是哪个文件？")
    assert answer.answered and "区政府常务会议纪要" in answer.answer, answer.answer


def test_a_heard_project_pointed_at_is_asked(legal):
    service, truth = legal
    answer = service.ask("我是研究社区矫正的，听说司法局也有个社区矫正的项目，好像是监管方面的，这个项目预算多少？")
    assert answer.value == project_amount(truth, "社区矫正监管经费"), answer.answer


@pytest.mark.parametrize("question", ["我在做图表，要把司法局的项目按金额从小到大排。排在第二位的是哪个项目？",
                                      "项目按金额从小到大排，排第二的是哪个"])
def test_an_ascending_order_said_ranks_from_the_smallest(legal, question):
    service, truth = legal
    second = sorted(truth.projects, key=lambda p: p.amounts[0])[1]
    answer = service.ask(question)
    assert answer.value == second.amounts[0] and second.name in answer.answer, answer.answer


def test_a_name_then_what_was_heard_is_context(legal):
    service, truth = legal
    answer = service.ask("司法所规范化建设听说要动工程，我想核对一下：政府采购里工程类预算是多少？")
    assert answer.value == figure_value(truth, "工程类采购预算"), answer.answer


def test_to_buy_fixed_assets_is_the_planned_purchase(legal):
    service, truth = legal
    planned = figure_value(truth, "拟购置固定资产")
    answer = service.ask(f"我看到本年度要购置{planned}万元的固定资产，具体是多少？")
    assert answer.value == planned, answer.answer


def test_a_unit_counted_is_no_unknown_noun(legal):
    service, truth = legal
    target = next(t for p in truth.projects if p.name == "社区矫正监管经费" for t in p.targets)
    answer = service.ask("社区矫正监管经费的设备故障响应时间要求不超过几个小时？")
    assert answer.value == target.value, answer.answer


def test_works_only_wondered_about_are_no_works_named(legal):
    service, truth = legal
    answer = service.ask("采购明细我只关心有没有工程，政府采购里工程类采购预算是多少")
    assert answer.value == figure_value(truth, "工程类采购预算"), answer.answer


def test_an_example_of_a_kind_is_no_unknown_thing(legal):
    service, _ = legal
    answer = service.ask("有的部门会有彩票公益金之类的政府性基金，司法局有吗？政府性基金预算支出是多少？")
    assert answer.answered and answer.value == 0, answer.answer

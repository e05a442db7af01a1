"""Things told apart by what is said of them (issue 10): a thing said only as what is not asked (不是后面那个补助资金)
with the thing asked unfound is a refusal, never the set-apart thing's figure; 前者/后者 after two things in the
same sentence; a step said before the ask (分别算出来后); 开局 is no body; a member named whole beside 原来那笔; a
bracket setting a whole name's namesakes apart; targets' words 写了; a told clause saying what another source
leaves out (新闻稿里没说为什么); each unit's own project of one name (本级那笔和价格认证中心那笔). Phrasings of our own on
generated departments (tools.synth seeds 3905, 3901, 3902, 56171)."""

from __future__ import annotations

import pytest
from conftest import figure_value, goal_target, same_answer

from qa.answer import fmt


def test_only_the_thing_set_apart_named(years):
    service, _, _ = years
    answer = service.ask("这个专线费本身（不是后面那个补助资金）安排了多少万元？")
    assert not answer.answered and answer.value is None, answer.answer


def test_former_and_latter_in_one_sentence(market):
    service, truth = market
    times = figure_value(truth, "公务用车运行维护费") / figure_value(truth, "公务接待费")
    answer = service.ask("想对比一下“三公”经费里的两块：公务用车运行维护和公务接待，前者大约是后者的几倍？")
    assert fmt(answer.value) == fmt(times), answer.answer


@pytest.mark.parametrize("told, direct", [
    ("2024年和2025年项目支出占支出总计的比重分别算出来后，2025年比2024年变化了几个百分点？", "项目支出占支出总计的比重2025年比2024年变化了几个百分点？"),
    ("“十五五”规划快开局了，各部门预算里都开始冒出这个字眼。2025年名称里有“十五五”的项目都有哪些？", "2025年名称里有“十五五”的项目都有哪些？")])
def test_steps_and_stories_said_before_the_ask(years, told, direct):
    service, _, _ = years
    same_answer(service, told, direct)


def test_a_member_named_whole_beside_the_original_one(years):
    service, _, later = years
    amounts = {p.name: p.amounts[0] for p in later.projects}
    answer = service.ask("2025年全国经济普查经费第二批比原来那笔多了多少")
    assert answer.value == amounts["全国经济普查经费（第二批）"] - amounts["全国经济普查经费"], answer.answer


def test_a_bracket_setting_namesakes_apart(years):
    service, earlier, later = years
    name = "办公楼物业管理服务费"
    amount = {y: next(p.amounts[0] for p in t.projects if p.name == name) for y, t in ((2024, earlier), (2025, later))}
    answer = service.ask(f"{name}（就是不带“续建”“二期”字样的那个）两年相差多少？")
    assert answer.value == abs(amount[2025] - amount[2024]), answer.answer


def test_a_target_said_written(legal):
    service, truth = legal
    answer = service.ask("听说局里今年会搞不少普法主题活动，行政复议应诉工作经费的绩效目标里写了要举办多少场？")
    assert answer.value == goal_target(truth, "行政复议应诉工作经费", "场"), answer.answer


def test_what_another_source_leaves_out(legal):
    service, _ = legal
    answer = service.ask("局里今年预算比上年涨了一点，新闻稿里没说为什么，文件里给的主要原因是什么？")
    assert answer.answered and "主要原因" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["本级的业务培训经费比价格认证中心的多多少？",
                                      "业务培训经费，发改局本级那笔和价格认证中心那笔差了多少钱？"])
def test_each_units_own_project_of_one_name(reform_2025, question):
    service, truth = reform_2025
    own = {p.unit: p.amounts[0] for p in truth.projects if p.name.endswith("业务培训经费")}
    answer = service.ask(question)
    assert len(own) == 2 and answer.value == abs(own["云川市雁屏县发展和改革局"] - own["云川市雁屏县价格认证中心"]), answer.answer

"""What a text does not say is refused, not answered with the text (issue 10): a person asked of an
office (普法与依法治理股的股长是谁 — 股 is also the office set's cue word) and the venue of what a project
pays for (在哪个场地举办) or where a building is (办公楼在什么地方) when its text names no place; a firm asked
(哪家律所承接), bodies asked (…的单位是哪些) and names asked (增加的是哪一个) are never answered with amounts,
a change or projects; a matter the story tells of (这件事) is not the department's total; the one not meant
(不是检测站名字带2025年的那笔) is left out, unit and all; the points between two shares are not one share.
The text itself is still given when asked for. Phrasings of our own on generated documents (tools.synth)."""

from __future__ import annotations

import pytest
from conftest import synth_service


@pytest.mark.parametrize("question", ["普法与依法治理股的股长是谁", "普法与依法治理股的负责人叫什么名字？"])
def test_a_person_of_an_office_is_not_its_duties(legal, question):
    service, _ = legal
    answer = service.ask(question)
    assert not answer.answered, answer.answer


def test_the_office_duties_are_still_answered(legal):
    service, truth = legal
    duty = dict(truth.units)["普法与依法治理股"]
    answer = service.ask("普法与依法治理股负责什么？")
    assert answer.answered and duty.rstrip("。") in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["社区矫正监管经费的活动在哪个场地举办？", "人民调解员以案定补经费那个培训在哪里举行"])
def test_a_venue_no_text_names_is_refused(legal, question):
    service, _ = legal
    answer = service.ask(question)
    assert not answer.answered, answer.answer
    assert "举办" in answer.answer or "没有" in answer.answer


def test_the_project_text_is_still_answered(legal):
    service, _ = legal
    answer = service.ask("社区矫正监管经费是干什么用的？")
    assert answer.answered and "社区矫正监管经费" in answer.answer, answer.answer


@pytest.fixture(scope="module")
def statistics(tmp_path_factory):
    """A generated statistics bureau with an 办公楼物业管理服务费 project (seed 3905)."""
    return synth_service(tmp_path_factory.mktemp("statistics"), 3905, "青岚市松汀区统计局")


@pytest.mark.parametrize("question", ["青岚市松汀区统计局办公楼在什么地方", "统计局的办公楼在哪里？"])
def test_where_a_building_is_is_not_a_project_text(statistics, question):
    service, _ = statistics
    answer = service.ask(question)
    assert not answer.answered, answer.answer


def test_what_money_is_used_in_is_still_its_text(statistics):
    service, _ = statistics
    answer = service.ask("办公楼物业管理服务费主要用在什么地方？")
    assert answer.answered and "办公楼物业管理服务费" in answer.answer, answer.answer


def test_a_firm_asked_across_years_is_not_the_amounts(years):
    service, _, _ = years
    answer = service.ask("2024年和2025年办公楼物业管理服务费分别是哪家律所承接的？")
    assert not answer.answered, answer.answer


def test_units_asked_are_not_answered_with_projects(years):
    service, _, _ = years
    answer = service.ask("2024年有项目、到2025年一个项目都没有的单位是哪些？")
    assert not answer.answered, answer.answer


def test_units_asked_are_answered_with_units(tmp_path):
    service, _ = synth_service(tmp_path, 3920, None)  # a bureau with three units, 本级 spending the most on projects
    answer = service.ask("四个预算单位里哪个单位的项目支出最多？")
    assert answer.answered and answer.items and answer.items[0].startswith("本级"), answer.answer


@pytest.mark.parametrize("question", [
    "统计信息事务下面的各个科目里，2025年比2024年增加的是哪一个？",
    "对比两年的基本支出经济分类表，2025年多出了几个新科目，是哪些？",
])
def test_names_asked_are_not_answered_with_a_change(years, question):
    service, _, _ = years
    answer = service.ask(question)
    assert not answer.answered, answer.answer


def test_a_matter_pointed_at_is_not_the_total(legal):
    service, _ = legal
    answer = service.ask("看新闻说桐溪区在创建法治示范区，想知道这件事在司法局预算里安排了多少钱？")
    assert not answer.answered, answer.answer
    assert service.ask("司法局今年预算安排了多少钱？").answered


def test_the_one_not_meant_said_with_its_unit(tmp_path):
    service, truth = synth_service(tmp_path, 56201, "金禾市望垣县农业农村局", 2025)  # 高质量发展工程经费 under 本级, 2025年… under the 检测站
    own = next(p for p in truth.projects if p.name == "“百县千镇万村”高质量发展工程经费")
    answer = service.ask("局本级那个高质量发展工程经费是多少？我说的不是检测站名字带2025年的那笔。")
    assert answer.value == own.amounts[0], answer.answer


def test_points_between_two_shares_are_not_one_share(legal):
    service, _ = legal
    answer = service.ask("做分析时想看结构：项目支出占总支出的比重，比基本支出的比重高出几个百分点？")
    assert not answer.answered or "百分点" in answer.answer, answer.answer
    assert service.ask("项目支出占总支出的比重是多少？").unit == "%"

"""What the asker heard, plans or says in passing (issue 10): an act heard of (看到说明里说今年新增了X，…) is
not asked of the figure; a purpose (为了算个平均数，…：) asks no average; a polite 帮我查查 and the loaded
region said before a name (映山区这边公务接待费) carry nothing; a bureau whose name is also a class
(档案馆) is the bureau when the reason for its budget's change is asked; 明细科目 are the classes below;
a target asked twice (…是怎么要求的？最多几天？) is one target. Phrasings of our own on generated documents
(tools.synth); figures from their truth."""

from __future__ import annotations

import pytest
from conftest import goal_target, synth_service


@pytest.fixture(scope="module")
def culture(tmp_path_factory):
    """A generated culture bureau of 映山区 whose 文化馆 has a 少儿游泳培训经费 (seed 56280)."""
    return synth_service(tmp_path_factory.mktemp("culture"), 56280, "鹤川市映山区文体旅游局", 2025)


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """A generated 档案馆 — a bureau whose name is also a functional class (seed 56300)."""
    return synth_service(tmp_path_factory.mktemp("archives"), 56300, "澜溪市枫渡区档案馆", 2025)


def _project(truth, name: str):
    return next(p for p in truth.projects if p.name == name)


def test_an_act_heard_of_is_not_asked(legal):
    service, truth = legal
    answer = service.ask("看到说明里说今年新增了法律援助案件补贴，这个项目具体安排了多少？")
    assert answer.value == _project(truth, "法律援助案件补贴").amounts[0], answer.answer


def test_an_act_asked_stays_asked(legal):
    service, _ = legal
    assert not service.ask("今年新增的法律援助案件补贴安排了多少？").answered


def test_a_purpose_asks_no_average(legal):
    service, truth = legal
    answer = service.ask("为了算个平均数，我得先知道项目数量：项目表里一共列了多少个项目？")
    assert answer.value == len(truth.projects), answer.answer


def test_an_average_asked_is_still_an_average(legal):
    service, _ = legal
    assert "平均" in service.ask("项目平均每个多少钱？").answer


def test_a_polite_check_and_a_story_carry_nothing(culture):
    service, truth = culture
    swim = next(p for p in truth.projects if "游泳" in p.name)
    answer = service.ask("孩子正在学游泳，听说文化馆有一笔体育彩票公益金的少儿游泳培训经费，能帮我查查是多少吗？")
    assert answer.value == swim.amounts[0], answer.answer


def test_the_loaded_region_before_a_name(culture):
    service, _ = culture
    plain = service.ask("公务接待费在“三公”经费里占多大比例？")
    answer = service.ask("映山区这边公务接待费在“三公”经费里占多大比例？")
    assert plain.value is not None and answer.value == plain.value, answer.answer


def test_the_reason_for_a_bureau_named_like_a_class(archives):
    service, _ = archives
    stated = service.ask("收入预算比上年变化的主要原因是什么")
    reason = stated.answer[stated.answer.index("原因"):]
    answer = service.ask("看到档案馆今年预算比上年有变化。说明里给的主要原因是什么？")
    assert answer.answered and reason in answer.answer, answer.answer


def test_detail_classes_counted(legal):
    service, truth = legal
    below = [r for r in truth.table(6).rows if r.code and r.code.startswith("302") and len(r.code) == 5]
    answer = service.ask("基本支出的商品和服务支出下面一共列了几个明细科目？")
    assert answer.value == len(below), answer.answer


def test_a_target_asked_twice_is_one_target(legal):
    service, truth = legal
    days = goal_target(truth, "行政复议应诉工作经费", "天")
    answer = service.ask("行政复议应诉工作经费对问题整改时限是怎么要求的？最多几天？")
    assert answer.value == days, answer.answer

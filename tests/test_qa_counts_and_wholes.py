"""Counts and wholes said loosely (issue 10): a range in a text (每个站点配置1-5名) is no count, nor a count of each
the count of the whole; a common word holding 村 (农村) names no village; a measure said as a whole with 总额
(项目支出总额里); two measures told then pointed at (这两块); the table the asker says they are looking at,
kept when the rest of the sentence is a remark; a count of another thing than a target counts (多少个村 beside 覆盖镇（街）
不少于N个), and two counts asked at once (多少个镇街、多少个村社区) answered by the text that states both. Phrasings of our own on generated departments (tools.synth)."""

from __future__ import annotations

import pytest
from conftest import project_amount, same_value, synth_service

from qa.answer import percent


@pytest.fixture(scope="module")
def farming(tmp_path_factory):
    """A generated agriculture bureau in 2025 whose 农村人居环境整治经费 staffs each site with 1-5 people (seed 3900)."""
    return synth_service(tmp_path_factory.mktemp("farming"), 3900, "南屿市渔歌区农业农村局", 2025)


@pytest.mark.parametrize("question", ["农村人居环境整治经费里说每个站点配1到5名专职人员，那全区一共配了多少名专职人员？",
                                      "农村人居环境整治经费具体在哪几个村实施？"])
def test_no_count_the_text_does_not_give(farming, question):
    service, _ = farming
    answer = service.ask(question)
    assert not answer.answered and answer.value is None, answer.answer


def test_a_range_is_quoted_not_counted(farming):
    service, _ = farming
    answer = service.ask("农村人居环境整治经费每个站点配几名专职人员？")
    assert answer.answered and answer.value is None and "1-5名专职人员" in answer.answer, answer.answer


def test_a_measure_said_as_a_whole(legal):
    service, truth = legal
    whole = next(r.amounts[0] for r in truth.table(12).rows if r.label == "合计")
    answer = service.ask("项目支出总额里，法律顾问服务经费占了几成？")
    assert answer.value == percent(project_amount(truth, "法律顾问服务经费"), whole), answer.answer


def test_two_measures_told_then_pointed_at(archives):
    service, _ = archives
    same_value(service, "看结构时我习惯先看基本支出和项目支出的对比。档案馆这两块哪个多？多出多少？", "基本支出和项目支出哪个多？多多少？")


def test_the_table_looked_at_kept_beside_a_remark(legal):
    service, _ = legal
    direct = service.ask("项目支出的经济分类里，商品和服务支出下面排第二的科目是什么？")
    answer = service.ask("我在看项目支出的经济分类，排第一的我已经知道了。商品和服务支出下面排第二的科目是什么？")
    assert direct.value is not None and (answer.value, answer.answer) == (direct.value, direct.answer), answer.answer


@pytest.mark.parametrize("question, value", [("4G农业物联网监测站运维费的服务覆盖了多少个村？", 38),
                                             ("4G农业物联网监测站运维费的服务覆盖了多少个镇街、多少个村社区？", None)])
def test_counts_the_text_gives(farming, question, value):
    service, _ = farming
    answer = service.ask(question)
    assert answer.answered and answer.value == value and "38个村" in answer.answer, answer.answer

"""Which of two holds more, asked as 主要放在哪边 (issue 10): 「本级和环卫所，项目经费主要放在哪边？」 names the
unit with the larger project expenditure, never their sum; a second sentence asking by how much is the
figure given. Phrasings of our own on a generated urban management bureau (tools.synth seed 56180)."""

from __future__ import annotations

from conftest import truth_row

BUREAU, SANITATION = "金禾市望垣县城市管理和综合执法局", "金禾市望垣县环境卫生管理所"


def _projects(truth, unit: str):
    return truth_row(truth, 12, unit).amounts[0]


def test_where_it_mostly_goes(urban_2025):
    service, truth = urban_2025
    answer = service.ask("城管局本级和下属的环卫所，项目经费主要放在哪边？")
    assert answer.value == max(_projects(truth, BUREAU), _projects(truth, SANITATION)) and "合计" not in answer.answer, answer.answer


def test_where_then_how_much_more(urban_2025):
    service, truth = urban_2025
    answer = service.ask("城管局本级和下属的环卫所，项目经费主要放在哪边？本级的项目支出比环卫所多多少")
    assert answer.value == _projects(truth, BUREAU) - _projects(truth, SANITATION), answer.answer


def test_a_told_sentence_with_not_much_is_no_ask(urban_2025):
    service, truth = urban_2025
    answer = service.ask("有人跟我说环卫所只是个小单位，花不了多少钱。环卫所的项目钱好像比局本级还少？到底少多少？")
    assert answer.value is not None and abs(answer.value) == _projects(truth, BUREAU) - _projects(truth, SANITATION), answer.answer


def test_the_measure_the_context_names_is_compared(urban_2025):
    service, truth = urban_2025
    basic = {u: truth_row(truth, 11, u).amounts[0] for u in (BUREAU, SANITATION)}
    answer = service.ask("看表11的时候发现局本级和环卫所的基本支出差得不少，想确认一下：局本级比环卫所多出多少万元？")
    assert answer.value == basic[BUREAU] - basic[SANITATION], answer.answer

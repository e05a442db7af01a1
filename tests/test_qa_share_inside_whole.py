"""A share's part lies inside its whole (issue 10): 「其他资金占博物馆基本支出的百分比」 is the unit's own
其他资金 column of 表11 over its basic expenditure, never the department's 其他资金 over it. Phrasings of
our own on a generated culture bureau (tools.synth seed 3949: 文化馆 and 博物馆 have 其他资金 in 表11)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import figure_value, synth_service, truth_row

UNIT = "金禾市桐溪区博物馆"


@pytest.fixture(scope="module")
def museum(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("culture"), 3949, None)


def _share(truth, column: str) -> Decimal:
    row = truth_row(truth, 11, UNIT)
    columns = truth.table(11).columns
    return (100 * row.amounts[columns.index(column)] / row.amounts[0]).quantize(Decimal("0.01"), ROUND_HALF_UP)


@pytest.mark.parametrize("question", ["其他资金占博物馆基本支出的百分比是多少？",
                                      "博物馆的基本支出里有一部分是其他资金。这部分其他资金占博物馆基本支出的比重？"])
def test_a_fund_named_alone_is_the_whole_units(museum, question):
    service, truth = museum
    answer = service.ask(question)
    assert answer.value == _share(truth, "其他资金") and answer.unit == "%", answer.answer


def test_the_fund_of_the_department_stays_the_departments(museum):
    service, _ = museum
    answer = service.ask("其他资金占支出总额的比例是多少？")
    assert UNIT not in answer.answer, answer.answer


def test_a_figures_share_of_its_container_named_first(legal):
    service, truth = legal
    part, whole = (figure_value(truth, label) for label in ("公务用车运行维护费", "“三公”经费"))
    answer = service.ask("三公经费里，公务用车运行维护费占多少比例？")
    assert answer.value == (100 * part / whole).quantize(Decimal("0.01"), ROUND_HALF_UP), answer.answer


def test_a_storys_amount_bounds_no_projects(legal):
    service, truth = legal
    part, whole = (figure_value(truth, label) for label in ("服务类采购预算", "政府采购"))
    answer = service.ask("今年政府采购一共不到一千万，货物、工程、服务三类都列了。服务类采购占了多大比例？")
    assert answer.value == (100 * part / whole).quantize(Decimal("0.01"), ROUND_HALF_UP), answer.answer


@pytest.mark.parametrize("question", ["金额最大的三个项目合计占项目支出总额的百分之多少？", "前三大项目合计占项目支出的比例是多少"])
def test_the_top_projects_share(legal, question):
    service, truth = legal
    amounts = sorted((p.amounts[0] for p in truth.projects), reverse=True)
    answer = service.ask(question)
    assert answer.value == (100 * sum(amounts[:3]) / sum(amounts)).quantize(Decimal("0.01"), ROUND_HALF_UP), answer.answer


def test_a_tie_at_the_last_place_is_refused(legal):
    service, truth = legal
    answer = service.ask("金额最大的四个项目合计占项目支出总额的百分之多少？")  # the 4th and 5th are both 10万元
    assert not answer.answered, answer.answer


def test_a_car_word_for_the_official_car_figure(legal):
    service, truth = legal
    part, whole = (figure_value(truth, label) for label in ("公务用车运行维护费", "“三公”经费"))
    answer = service.ask("三公经费里面，车辆运行维护费占了多大比例？")
    assert answer.value == (100 * part / whole).quantize(Decimal("0.01"), ROUND_HALF_UP), answer.answer

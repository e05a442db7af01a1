"""A sentence that tells, not asks, is the asker's context (issue 10): 「公证处这几年在搞规范化，我想看看
投入。司法所规范化建设经费多少」 asks the project's figure, not also the unit's total — 这几年, 那几个, 近几年
and 前几天 point at a span, they are no 几 of a question. Phrasings of our own on a generated justice
bureau (tools.synth seed 3902)."""

from __future__ import annotations

import pytest
from conftest import project_amount, synth_service, truth_row


@pytest.mark.parametrize("question", ["公证处这几年在搞规范化，我想看看投入。司法所规范化建设经费多少", "公证处这几年花钱不少。司法所规范化建设经费多少",
                                      "公证处近几年预算涨得厉害。司法所规范化建设经费安排了多少钱？",
                                      "前几天看到公证处投入不少。司法所规范化建设经费多少"])
def test_a_told_sentence_is_not_asked(legal, question):
    service, truth = legal
    answer = service.ask(question)
    assert answer.value == truth_row(truth, 12, "司法所规范化建设经费").amounts[0], answer.answer
    assert "预算合计" not in answer.answer, answer.answer


def test_two_asked_sentences_are_both_answered(legal):
    service, truth = legal
    answer = service.ask("公证处有哪几个项目？司法所规范化建设经费多少？")
    assert answer.answered and "人民调解员以案定补经费" in answer.answer and "司法所规范化建设经费" in answer.answer, answer.answer


def _figure(truth, label: str):
    return next(f for f in truth.figures if f.label == label)


def test_it_after_a_told_body_asks_the_figure_alone(legal):
    service, truth = legal
    rooms, cars = _figure(truth, "房屋"), _figure(truth, "车辆")
    answer = service.ask(f"看说明里司法局房屋{rooms.value}平方米、车辆{cars.value}辆，那它账上的固定资产到底有多少？就是截至今年1月底那个数。")
    assert answer.value == _figure(truth, "固定资产").value and "平方米" not in answer.answer, answer.answer


def test_a_guessed_reason_checked_by_a_figure(legal):
    service, truth = legal
    answer = service.ask("三公经费表里公务用车那几栏金额都不大，是不是因为司法局根本没几辆车？司法局有几辆公务车")
    assert answer.value == _figure(truth, "车辆").value and answer.unit == "辆", answer.answer


def test_a_reason_asked_after_a_guess_is_still_given(legal):
    service, truth = legal
    answer = service.ask("支出预算为什么比上年多了？是不是因为项目多了？")
    assert _figure(truth, "支出预算").reason in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["看到基本支出商品和服务支出下面有一项“其他交通费用”，数额好像不小，具体是多少？",
                                      "商品和服务支出里有一项叫邮电费，是多少？"])
def test_a_class_holding_the_one_named_is_where_to_look(legal, question):
    service, truth = legal
    label = "其他交通费用" if "交通" in question else "邮电费"
    answer = service.ask(question)
    assert answer.value == truth_row(truth, 6, label).amounts[0], answer.answer


@pytest.fixture(scope="module")
def civil(tmp_path_factory):
    """A generated civil affairs bureau whose 2080299 has both basic and project expenditure (seed 3911)."""
    return synth_service(tmp_path_factory.mktemp("civil"), 3911, None)


@pytest.mark.parametrize(("measure", "column"), [("基本支出", 1), ("项目支出", 2)])
def test_the_measure_asked_after_both_are_told(civil, measure, column):
    service, truth = civil
    row = next(r for r in truth.table(3).rows if r.code == "2080299")
    answer = service.ask(f"看表3的时候有点糊涂，其他民政管理事务支出（2080299）这个科目里既有基本支出也有项目支出，其中{measure}是多少万元？")
    assert answer.value == row.amounts[column], answer.answer


def test_a_doubt_told_is_no_ask(legal):
    service, truth = legal
    top = max((r for r in truth.table(6).rows if r.code and r.code.startswith("302") and len(r.code) == 5), key=lambda r: r.amounts[0])
    answer = service.ask("一般印象里机关公用经费最多的是办公费，不知道司法局是不是也这样。基本支出的商品和服务支出里，哪一项花得最多？")
    assert answer.value == top.amounts[0] and top.label in answer.answer, answer.answer


def test_the_table_the_question_names_over_the_contexts(legal):
    service, truth = legal
    row = next(r for r in truth.table(3).rows if r.code == "2040650")
    answer = service.ask("我对照着看了支出总表和一般公共预算支出表，发现“事业运行”两边的数对不上。请问按支出总体情况表算，2040650事业运行合计是多少？")
    assert answer.value == row.amounts[0], answer.answer


def test_the_one_not_asked_said_after_the_question(legal):
    service, truth = legal
    answer = service.ask("项目支出里面的办公费是多少？我问的不是基本支出那个办公费。")
    assert answer.value == truth_row(truth, 7, "办公费").amounts[0] and "基本支出中的办公费" not in answer.answer, answer.answer


def test_a_clause_going_on_with_and_keeps_the_thing_before(legal):
    service, truth = legal
    answer = service.ask("我注意到项目支出里也有办公费，而且比基本支出里的办公费高一些，两者相差多少？")
    diff = truth_row(truth, 7, "办公费").amounts[0] - truth_row(truth, 6, "办公费").amounts[0]
    assert answer.value is not None and abs(answer.value) == abs(diff), answer.answer


def test_owners_told_are_no_operands(legal):
    service, truth = legal
    a, b = (project_amount(truth, n) for n in ("司法所规范化建设经费", "行政复议应诉工作经费"))
    answer = service.ask("司法所规范化建设经费是公证处的，行政复议应诉工作经费是法律援助处的，这两个项目金额相差多少？")
    assert answer.value is not None and abs(answer.value) == abs(a - b), answer.answer

"""Nothing the question asks is dropped (issue 10 §2), in phrasings of our own: a part named inside a
figure or a named total (「X里面，Y花多少」) that no entity is, a figure asked per member of a set the
document does not break down by (各季度, 各科室), and one amount asked where only a list was found,
are refused naming what is missing — never answered with the whole's figure. A part the document
does name inside its whole is still answered. Figures were read off the documents in tests/fixtures."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.mark.parametrize(("question", "missing"), [
    ("基本支出里面的电费是多少", "电费"),  # this document's 基本支出 has no 电费 row
    ("项目支出中，电费安排了多少", "电费"),
    ("社会综合治理云平台项目当中，服务器托管具体花多少钱", "服务器"),
    ("公务接待费在各个季度分别安排了多少", "季度"),
    ("公务接待费在各个科室分别安排了多少", "科室"),  # an internal office has no budget of its own
    ("公务接待费分给每个乡各有多少", "乡"),  # a one-character set noun, asked 各有多少
    ("社会综合治理云平台项目下达到各个片区的金额是多少", "片区"),
    ("每个街道各是多少的社会综合治理云平台项目经费", "街道"),
    ("公务接待费每个月能用多少", "每个月"),  # a budget is yearly: no figure per part of the year
    ("社会综合治理云平台项目上半年花多少钱", "上半年"),
])
def test_a_part_or_breakdown_not_given_is_refused(bigdata, question, missing):
    answer = bigdata.ask(question)
    assert not answer.answered and missing in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("基本支出中的邮电费是多少", Decimal("1.00")),  # the part is named and linked: answered
    ("项目支出里面，邮电费是多少", Decimal("4.80")),
    ("基本支出里工资福利支出多少", Decimal("367.82")),
])
def test_a_named_part_is_answered(bigdata, question, value):
    answer = bigdata.ask(question)
    assert answer.answered and answer.value == value, answer.answer


def test_one_amount_asked_is_never_a_list(culture):
    answer = culture.ask("名称里带“经费”的项目加一块儿是多少钱")
    assert not (answer.answered and answer.value is None and len(answer.items) > 1), answer.answer


@pytest.mark.parametrize("question", ["那个电子政务外网的项目依据的通知叫什么", "大数据中心的内设机构分别叫啥"])
def test_a_name_asked_is_not_answered_with_money(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.unit != "万元", answer.answer


@pytest.mark.parametrize("question", ["那个电子政务外网的项目依据的通知叫什么", "这个做光纤的项目绩效目标是什么"])
def test_one_project_pointed_at_is_never_the_whole_list(bigdata, question):
    answer = bigdata.ask(question)
    assert not (answer.answered and len(answer.items) > 1), answer.answer


@pytest.mark.parametrize(("question", "words"), [
    ("大数据中心的职责里，关于数字认证是怎么说的", "数字认证"),  # 关于X是…: the duties that speak of X
    ("大数据中心职责里对信息安全等级保护是怎么要求的", "等级保护"),  # the nouns no name takes narrow the list
])
def test_duties_narrowed_to_what_the_question_names(bigdata, question, words):
    answer = bigdata.ask(question)
    assert answer.answered and len(answer.items) == 1 and words in answer.items[0], answer.answer


@pytest.mark.parametrize(("fixture", "question", "value"), [
    ("bigdata", "全部支出当中，基本支出所占的比例是多少", Decimal("29.95")),  # the whole named first, by a total
    ("culture", "收入总额里面，政府性基金预算占几成", Decimal("8.76")),
])
def test_share_with_the_whole_named_first(request, fixture, question, value):
    answer = request.getfixturevalue(fixture).ask(question)
    assert answer.answered and answer.value == value and answer.unit == "%", answer.answer


def test_name_and_amount_asked_together(bigdata):
    answer = bigdata.ask("金额最大的项目叫什么，多少钱")
    assert answer.answered and answer.value == Decimal("423.97") and "专线线路" in answer.answer, answer.answer


@pytest.mark.parametrize(("short", "core", "expected"), [
    ("人社局", "人力资源和社会保障局", True),
    ("市场监管局", "市场监督管理局", True),
    ("卫健局", "卫生健康局", True),
    ("文旅局", "文化广电旅游体育局", True),
    ("体育局", "文化广电旅游体育局", False),  # does not start as the name does: another body
    ("全局", "文化广电旅游体育局", False),
    ("人社中心", "人力资源和社会保障局", False),  # another suffix
])
def test_shortened_body_names(short, core, expected):
    from qa.lexicon import abbreviates

    assert abbreviates(short, core) is expected


def test_a_shortened_department_name_scopes_the_question(culture):
    answer = culture.ask("文旅局的三公经费是多少")
    assert answer.answered and answer.value == Decimal("6.00"), answer.answer


def test_an_average_asked_with_its_total_named(bigdata):
    answer = bigdata.ask("平均一个项目多少钱（总计除以个数）")  # 总计 is the average's part, not a total asked
    assert answer.answered and answer.value == Decimal("31.80"), answer.answer


def test_a_passage_stating_the_figure_agrees_with_it():
    """Two readings, a passage and a target's figure: when the passage states the figure in its unit
    they agree (the figure answers); when it does not, they do not (the reply asks back)."""
    from qa.answer import Answer
    from qa.service import _quotes

    figure = Answer("q", True, "目标：全年开展检查不少于37次（37次）。", Decimal(37), "次")
    assert _quotes(Answer("q", True, "X：…全年开展检查不少于37次，杜绝事故。"), figure)
    assert not _quotes(Answer("q", True, "X：…全年开展检查不少于36次。"), figure)


@pytest.fixture(scope="module")
def farming(tmp_path_factory):
    from conftest import synth_service

    return synth_service(tmp_path_factory.mktemp("farming"), 3908, "南屿市梓阳县农业农村局")


def test_a_target_counting_one_thing_does_not_answer_for_another(farming):
    """「覆盖多少个村」 where the target counts 镇（街）: refused, never the count of 镇."""
    service, truth = farming
    goal, target = next((g, t) for g in truth.goals for t in g.targets if t.unit == "个" and "镇" in g.text)
    answer = service.ask(f"{goal.project}的绩效目标里，服务要覆盖多少个村？")
    assert not answer.answered and answer.value != target.value, answer.answer
    assert service.ask(f"{goal.project}的绩效目标里，服务要覆盖多少个镇？").value == target.value

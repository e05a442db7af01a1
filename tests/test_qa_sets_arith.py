"""Sets picked by a topic or a quoted part with a stated count, ranges with inclusive marks, and the
arithmetic of classes and counts (children of a class, one column of a class row, the rank of an
item among its siblings, averages per thing counted) — phrasings written for these tests, on the
corpus documents and on generated ones. Figures were read off the documents in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import qa_service

from qa.evaluate import score
from qa.service import QAService

SYNTH = Path(__file__).parent / "fixtures" / "synth"


@pytest.fixture(scope="module")
def water(tmp_path_factory) -> QAService:
    return qa_service(tmp_path_factory, SYNTH / "synth_seed262.txt")


@pytest.fixture(scope="module")
def hotline(tmp_path_factory) -> QAService:
    """A generated department with a project named by a number (12345政务服务便民热线工单办理经费 9.82万元)."""
    return qa_service(tmp_path_factory, SYNTH / "synth_seed76.txt")


def _check(service: QAService, question: str, expected: dict):
    answer = service.ask(question)
    assert answer.answered, f"{question}: {answer.answer}"
    assert score(expected, answer.to_json())[0], f"{question}: {answer.answer}"
    return answer


def _refused(service: QAService, question: str, why: str):
    answer = service.ask(question)
    assert not answer.answered, f"{question}: {answer.answer}"
    assert why in answer.answer, answer.answer


# -- topic or quoted part with a count of members ------------------------------------------------------
@pytest.mark.parametrize(("question", "expected"), [
    ("和全民健身相关的两个项目一共多少钱", {"value": 118.00, "unit": "万元"}),
    ("与体育有关的两个项目的经费加在一起是多少", {"value": 110.00, "unit": "万元"}),
    ("两个“全民健身”相关的经费合计多少", {"value": 118.00, "unit": "万元"}),
    ("跟“免费”有关的3个项目总共安排了多少", {"value": 75.00, "unit": "万元"}),
])
def test_topic_sets_with_a_stated_count(culture, question, expected):
    assert _check(culture, question, expected).intent == "project_set"


def test_a_stated_count_the_set_does_not_have_is_refused(culture):
    _refused(culture, "跟“免费开放”有关的三个项目合计", "问题说有3个")


def test_named_members_beside_a_topic_are_the_members(culture):
    _check(culture, "体育相关的两个项目（全民健身活动经费、文化市场综合执法经费）加起来多少", {"value": 53.60, "unit": "万元"})


# -- ranges with (含)/(不含) marks ------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "expected"), [
    ("20万元（含）到40万元之间的项目有几个", {"value": 7, "unit": "个"}),
    ("20万元（不含）到40万元（含）之间的项目有几个", {"value": 5, "unit": "个"}),
    ("30万元(含)以上的项目加起来多少", {"value": 328.83, "unit": "万元"}),
])
def test_ranges_with_inclusive_marks(culture, question, expected):
    _check(culture, question, expected)


# -- a figure divided by a count the question or the document states ------------------------------------
@pytest.mark.parametrize(("question", "expected"), [
    ("公务用车运行维护费按5辆车分摊，每辆车多少钱", {"value": 0.90, "unit": "万元"}),
    ("单位有2辆车，平均每辆车的公务用车运行维护费是多少", {"value": 2.25, "unit": "万元"}),
    ("假设全民健身活动经费覆盖19个村，摊到每个村多少万元", {"value": 2.00, "unit": "万元"}),
    ("平均每辆车的公务用车运行维护费是多少", {"value": 4.50, "unit": "万元"}),  # 车辆1辆, stated in the document
    ("按文件里的车辆数算，每辆车的运行维护费平均多少", {"value": 4.50, "unit": "万元"}),  # 车辆数: the count of 车辆
])
def test_a_figure_per_counted_thing(culture, question, expected):
    assert _check(culture, question, expected).intent == "per_count"


def test_a_figure_per_thing_and_per_month_is_refused(culture):
    assert not culture.ask("平均每辆车每月的运行维护费是多少").answered


def test_no_count_to_divide_by_is_refused(bigdata):
    assert not bigdata.ask("平均每辆车的公务用车运行维护费是多少").answered  # the centre holds no car


# -- the items listed under a class --------------------------------------------------------------------
@pytest.mark.parametrize(("question", "expected"), [
    ("文化和旅游底下列了哪些款项", {"items": ["行政运行", "图书馆", "群众文化", "文化创作与保护", "文化和旅游市场管理", "旅游宣传"]}),
    ("社会保障和就业支出里面包含哪些项级科目", {"items": ["行政单位离退休", "事业单位离退休", "机关事业单位基本养老保险缴费支出", "机关事业单位职业年金缴费支出"]}),
])
def test_children_of_a_functional_class(culture, question, expected):
    assert _check(culture, question, expected).intent == "children"


def test_children_of_an_economic_class_in_the_column_named(bigdata):
    answer = _check(bigdata, "项目支出的商品和服务支出里包括哪些科目", {"items": ["邮电费", "维修（护）费", "租赁费", "培训费", "其他交通费用"]})
    assert len(answer.items) == 5


def test_a_glossary_entry_asked_what_it_covers_stays_a_definition(culture):
    _check(culture, "名词解释里其他收入主要包括什么", {"contains": ["存款利息收入"]})


# -- the rank of a class row among its siblings ----------------------------------------------------------
@pytest.mark.parametrize(("question", "place"), [
    ("项目支出里的劳务费按金额排名第几", 3),  # 表7: 委托业务费 101.50 and 维修（护）费 95.83 are larger
    ("在项目支出的经济科目里，专用材料费从小到大排第几", 5),
])
def test_rank_of_a_class_among_its_siblings(culture, question, place):
    answer = _check(culture, question, {"value": place, "unit": "名"})
    assert answer.intent == "rank"


def test_rank_of_a_class_in_two_tables_asks_which(culture):
    _refused(culture, "邮电费排第几", "请说明是哪张表")


# -- one column of a class row -------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "expected"), [
    ("群众文化里面，项目支出占了多少", {"value": 37.50, "unit": "万元"}),  # 表3 [2070109] 102.64 = 65.14 + 37.50
    ("图书馆（2070104）这一项，基本支出占多少钱", {"value": 86.03, "unit": "万元"}),
    ("群众文化里项目支出占了多大比重", {"value": 36.54, "unit": "%"}),  # 37.50 ÷ 102.64, not its share of 文化和旅游
    ("文化和旅游中基本支出占几成", {"value": 67.16, "unit": "%"}),
])
def test_one_column_of_a_class_row(culture, question, expected):
    assert _check(culture, question, expected).intent == "row_column"


# -- a project named by a number or a quoted part of its name ------------------------------------------
@pytest.mark.parametrize("question", [
    "12345那个热线项目安排了多少钱",
    "“12345便民热线”经费预算多少",  # the quote leaves out 政务服务 in the middle
    "“12345”热线经费多少",
])
def test_a_project_named_by_its_number(hotline, question):
    _check(hotline, question, {"value": 9.82, "unit": "万元"})


def test_a_quote_with_words_the_name_lacks_is_refused(hotline):
    _refused(hotline, "“12345热线维修”经费多少", "12345热线维修")


# -- a share whose whole is named first, with or without its figure -----------------------------------
def test_a_share_of_the_measure_named_as_the_whole(culture):
    """劳务费 is a row of 表7 (一般公共预算项目支出 by economic class) only: of 项目支出 it is a share of 表7's
    合计, 341.93 — the 80.00 of 政府性基金 project spending is not broken down, so whether it holds more
    劳务费 is not known (not 421.93 of 表3, not 商品和服务支出)."""
    answer = _check(culture, "在项目支出里面，劳务费占的比重是多少", {"value": 13.45, "unit": "%"})  # 46.00 ÷ 341.93
    assert "一般公共预算项目支出" in answer.answer, answer.answer


def test_a_share_of_the_whole_the_question_states(culture):
    _check(culture, "在421.93万元的项目支出中，劳务费所占比例是多少", {"value": 10.90, "unit": "%"})  # 46.00 ÷ 421.93, as stated (表3)


def test_a_whole_stated_with_another_figure_is_refused(culture):
    _refused(culture, "在400万元的项目支出中，劳务费所占比例是多少", "文件中是421.93万元")


# -- items named one by one, filtered by an amount ---------------------------------------------------
def test_named_items_filtered_by_an_amount(bigdata):
    answer = _check(bigdata, "奖金、绩效工资、津贴补贴这三项当中，哪些高于55万元", {"items": ["奖金", "绩效工资"]})
    assert answer.items == ["奖金", "绩效工资"]  # 表6: 58.23, 78.18; 津贴补贴 38.31; never the projects over 55万元


def test_named_items_counted_by_an_amount(bigdata):
    _check(bigdata, "基本工资和奖金里面，有几项不低于60万元", {"value": 0, "unit": "项"})


def test_the_largest_share_asked_as_the_big_part(culture):
    _check(culture, "基本支出的工资福利支出中，哪一项占大头", {"contains": ["基本工资"]})


@pytest.mark.parametrize(("question", "said"), [
    ("事业收入包括什么", "事业单位开展专业业务活动"),
    ("基本支出包括些什么", "人员支出和公用支出"),
])
def test_a_glossary_entry_asked_what_it_includes(culture, question, said):
    _check(culture, question, {"contains": [said]})  # never the list of projects


def test_a_rank_asked_is_never_answered_with_a_figure(water):
    _refused(water, "在项目支出的经济科目里，专用材料费从小到大排第几", "排第几")  # the document has no 专用材料费


def test_a_class_named_with_the_word_class_is_that_class_not_a_level(culture):
    # 「工资福利类」 names 工资福利支出 itself: its rows are ranked, not the 类-level rows (itself alone)
    _check(culture, "基本支出的工资福利类里面，金额排第二的是哪一项", {"contains": ["津贴补贴", "107.61"]})


def test_a_share_of_two_named_after_their_whole(legal):
    """「三公经费里，A和B合计占了几成」: the sum's share; 「A和B占了几成」 without 合计 is refused, never A's
    share alone; 买车/用车 name the purchase and the running costs."""
    from qa.answer import percent

    service, truth = legal
    whole, buy, run = (truth.figure(x).value for x in ("“三公”经费", "公务用车购置费", "公务用车运行维护费"))
    for question in ("三公经费里，公务用车购置费和公务用车运行维护费合计占了几成？", "三公经费里，买车加用车占了百分之几？"):
        answer = service.ask(question)
        assert answer.value == percent(buy + run, whole), answer.answer
    answer = service.ask("三公经费里，买车和用车占了几成？")
    assert answer.value not in (percent(buy, whole), percent(run, whole)), answer.answer

"""The registered question kinds (qa/kinds/) on the real documents, each asked in at least five
phrasings written for these tests (none is in the sample question files): describe, project_set,
unit_scope, cross_year; entities named by parts of their names; filler that never blocks; and
refusals that name what is missing. Figures were read off the documents in tests/fixtures."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import qa_service

from qa.evaluate import score
from qa.service import QAService

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
CULTURE_2024 = FIXTURES / "qingcheng_culture_tourism_2024.txt"


@pytest.fixture(scope="module")
def two_years(tmp_path_factory) -> QAService:
    return qa_service(tmp_path_factory, CULTURE_2024, CULTURE)


def _answered(service: QAService, question: str, kind: str):
    answer = service.ask(question)
    assert answer.answered, f"{question}: {answer.answer}"
    assert answer.intent == kind, f"{question}: read as {answer.intent}: {answer.answer}"
    return answer


# -- describe: the entity's own text, best sentences by BM25, with the source line -------------------
@pytest.mark.parametrize(("question", "phrase"), [
    ("麻烦简单说说移动办公用户费是干嘛用的", "移动政务办公"),
    ("行政审批电子监察系统维护费这笔钱花在哪些方面？", "技术支持"),
    ("区政府机房消防那个项目为何要安排？", "机房消防安全"),
    ("办公自动化系统维护费的作用是什么", "公文交换系统"),
    ("网络规划和数据管理股负责什么", "基础信息资源库"),
    ("4G广播那个项目准备先在哪里建？", "飞来峡"),
])
def test_describe_quotes_the_entity_text_on_the_bigdata_document(bigdata, question, phrase):
    answer = _answered(bigdata, question, "describe")
    assert phrase in answer.answer
    assert answer.sources and answer.sources[0].line


@pytest.mark.parametrize(("question", "phrase"), [
    ("非遗保护专项经费打算做些什么？", "代表性传承人"),
    ("文化市场综合执法经费主要巡查什么地方", "网吧"),
    ("体育股的职责有哪些", "全民健身"),
    ("全民健身活动经费这个项目是干什么的", "全民健身运动会"),
    ("图书馆免费开放补助资金用来保障哪些空间开放？", "阅览室"),
])
def test_describe_on_the_culture_document(culture, question, phrase):
    assert phrase in _answered(culture, question, "describe").answer


@pytest.mark.parametrize("question", [
    "机房安全防护技术服务费的联系人是谁？",
    "移动办公用户费的中标单位是哪家？",
    "网络运维股的办公电话是多少？",
    "办公自动化系统维护费的合同编号是什么",
    "大数据中心的具体地址在哪里？",
])
def test_describe_refuses_what_the_text_does_not_say(bigdata, question):
    answer = bigdata.ask(question)
    assert not answer.answered, answer.answer


# -- project_set: name filters, ranges, count / sum / average -----------------------------------------
@pytest.mark.parametrize(("question", "expected"), [
    ("名字里含“光纤”的项目一共几个？", {"value": 5, "unit": "个"}),
    ("名称中带“维护”的项目平均每个多少钱？", {"value": 15.38, "unit": "万元"}),
    ("名称含有“维护”的项目合起来多少钱", {"value": 123.04, "unit": "万元"}),
    ("高于20万元但低于50万元的项目加起来多少钱？", {"value": 187.58, "unit": "万元"}),
    ("名称以“云平台项目”开头的项目有哪些？", {"items": ["移动端虚拟专线", "末端设备维修", "龙塘、石角主干线路"]}),
    ("项目平均每个多少万元？", {"value": 31.80, "unit": "万元"}),
])
def test_project_sets_by_name_and_amount(bigdata, question, expected):
    answer = _answered(bigdata, question, "project_set")
    assert score(expected, answer.to_json())[0], answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("名称里有“免费”两个字的项目有哪些", {"items": ["体育场馆免费低收费开放补助", "图书馆免费开放补助资金"]}),
    ("名称以“图书馆”开头的项目一共多少钱？", {"value": 60.00, "unit": "万元"}),
    ("金额在30万元到40万元之间的项目有几个", {"value": 4, "unit": "个"}),
    ("名称含“经费”的项目数量是多少？", {"value": 9, "unit": "个"}),
    ("项目平均下来每个项目多少钱", {"value": 35.16, "unit": "万元"}),
])
def test_project_sets_on_the_culture_document(culture, question, expected):
    answer = _answered(culture, question, "project_set")
    assert score(expected, answer.to_json())[0], answer.answer


# -- unit_scope: 本级, named and subordinate units from 表11 / 表12 --------------------------------------
@pytest.mark.parametrize(("question", "value"), [
    ("图书馆的基本支出有多少？", "115.35"),
    ("文化馆本身的项目支出是多少钱？", "37.50"),
    ("下属单位的项目支出加起来一共多少钱？", "97.50"),
    ("局本级基本支出中工资和福利支出是多少？", "250.64"),
    ("图书馆基本支出里对个人和家庭的补助有多少", "0"),
    ("图书馆的工资福利支出占图书馆基本支出的比例", "88.01"),  # a class of one unit's 表11 rows, of its basic
    ("文化馆基本支出里商品和服务支出占几成", "9.44"),
])
def test_unit_scope(culture, question, value):
    assert _answered(culture, question, "unit_scope").value == Decimal(value)


def test_a_difference_between_units_is_read_by_the_arithmetic_kind(culture):
    """The operator between two units' figures is the arithmetic kind's slot (qa/kinds/arithmetic.py)."""
    assert _answered(culture, "本级和文化馆的基本支出相差多少？", "arithmetic").value == Decimal("197.23")
    assert _answered(culture, "图书馆的项目支出占图书馆预算合计的比例？", "arithmetic").value == Decimal("34.22")


def test_unit_scope_extremes_name_the_unit(culture):
    answer = _answered(culture, "哪个单位的基本支出最少？", "unit_scope")
    assert "文化馆" in answer.answer and answer.value == Decimal("89.61")


# -- cross_year: one result over two loaded years ---------------------------------------------------
@pytest.mark.parametrize(("question", "expected"), [
    ("文广旅体局的基本支出2024年到2025年增加了多少万元？", {"value": 23.27, "unit": "万元"}),
    ("2025年的三公经费比2024年下降了百分之几？", {"value": 10.45, "unit": "%"}),
    ("图书馆文献资源购置经费这两年一共安排多少钱？", {"value": 80.00, "unit": "万元"}),
    ("2025年政府性基金预算相当于2024年的百分之多少？", {"value": 133.33, "unit": "%"}),
    ("项目支出占本年支出合计的比重2025年比2024年下降了几个百分点？", {"value": 5.53, "unit": "%"}),
    ("2025年新出现了哪些项目？", {"items": ["体育场馆免费低收费开放补助", "文艺精品创作扶持经费"]}),
    ("2024年安排了、2025年取消了的项目有哪些？", {"items": ["清城区全民健身中心维修改造项目", "全民艺术普及公益培训经费"]}),
    ("两年都有且金额持平的项目是哪些？", {"items": ["文化市场综合执法经费", "图书馆免费开放补助资金"]}),
    ("2024年和2025年各自金额最大的项目分别是什么？", {"items": ["清城区全民健身中心维修改造项目", "体育彩票公益金全民健身设施建设项目"]}),
    ("本级基本支出两年比较增加了多少", {"value": 15.83, "unit": "万元"}),
    ("2025年的支出总计比2024年减少多少？", {"value": 56.38, "unit": "万元"}),  # 总计 of a name is no sum
    ("文化馆2025年项目支出比2024年增加还是减少？幅度多少？", {"value": 28.42, "unit": "%"}),
    ("2025年的本年收入合计是2024年的百分之多少？", {"value": 94.19, "unit": "%"}),
    ("2025年新增项目一共多少钱？", {"value": 42.50, "unit": "万元"}),
    ("2025年新增了几个项目？", {"value": 2, "unit": "个"}),
    ("2025年比2024年多了哪些项目？", {"items": ["体育场馆免费低收费开放补助", "文艺精品创作扶持经费"]}),
    ("2024年和2025年都安排了、而且2025年金额更高的项目是哪些？", {"items": ["全民健身活动经费", "非物质文化遗产保护专项经费"]}),
    ("基本支出的占比2025年较2024年提高了多少个百分点？", {"value": 5.53, "unit": "%"}),
    ("24年和25年的三公经费合计多少？", {"value": 12.70, "unit": "万元"}),  # two-digit years of loaded documents
    ("从2024到2025，基本支出增加了多少？", {"value": 23.27, "unit": "万元"}),
    ("三公经费两年平均每年多少？", {"value": 6.35, "unit": "万元"}),
    ("2024年有、2025年砍掉的项目里，哪个金额最小？", {"value": 7.20, "unit": "万元"}),
    ("2025年新增的项目中金额超过20万元的有哪些？", {"items": ["体育场馆免费低收费开放补助"]}),
    ("两年都有的项目中，2025年比2024年多出5万元以上的有哪些？", {"items": ["体育彩票公益金全民健身设施建设项目"]}),
    ("哪个单位的基本支出两年间增加最多？", {"contains": ["文化广电旅游体育局"]}),
    ("功能分类项级科目里哪个两年间减少最多？", {"contains": ["体育场馆"]}),
    ("两年都有的项目，增长率排第三的是哪个项目", {"contains": ["非物质文化遗产保护专项经费"]}),  # ranked by rate
    ("哪个项目两年间增速最快", {"contains": ["体育彩票公益金全民健身设施建设项目"]}),
    ("两年都有的项目中增长率最低的是哪个", {"contains": ["旅游宣传推广经费"]}),
    ("两年都有的项目里，哪个下降的比例最大？", {"value": 13.46, "unit": "%"}),
    ("两年都有的项目中增加额排第二的是哪个", {"contains": ["文物保护单位修缮及安全巡查经费"]}),
    ("行政经费（机关运行经费）这两年加起来多少？", {"value": 57.14, "unit": "万元"}),  # a glossary term's full name
    ("项目支出占部门支出的比例，2025年比2024年少了几个百分点", {"value": 5.53, "unit": "%"}),  # 部门支出: the total
    ("2024年的全民健身中心维修改造项目和2025年的体彩公益金项目相差多少", {"value": 2.00, "unit": "万元"}),  # each year its own item
    ("文化馆基本支出中商品和服务支出的占比两年变化了几个百分点？", {"value": 1.55, "unit": "%"}),  # 6.80/86.17 → 8.46/89.61
    ("2024年基本支出占了总支出的三成左右，到2025年这个比重升了多少个百分点？", {"value": 5.53, "unit": "%"}),
    ("基本支出2025年是2024年的多少倍", {"value": 1.05, "unit": "倍"}),  # 491.80 / 468.53: the year named first over the other
    ("2024年的项目支出是2025年项目支出的几倍", {"value": 1.19, "unit": "倍"}),  # 501.58 / 421.93
    ("两年的项目支出平均下来每年多少", {"value": 461.76, "unit": "万元"}),  # (501.58 + 421.93) / 2, not an average per project
    ("非物质文化遗产保护专项经费2025年较2024年增长了百分之几", {"value": 11.11, "unit": "%"}),  # 百分之几 is the rate, not a target's unit
    ("今年的基本支出比去年增加了多少", {"value": 23.27, "unit": "万元"}),  # 今年/去年 with both years loaded: the latest two
    ("机关运行经费两年分别是多少", {"contains": ["28.90", "28.24"]}),
    ("两年当中金额最大的项目是哪一个", {"contains": ["清城区全民健身中心维修改造项目"]}),
    ("二五年的三公经费比二四年少了多少", {"value": 0.70, "unit": "万元"}),  # 6.70 → 6.00, years digit by digit
    ("24、25两个年度的机关运行经费合起来是多少", {"value": 57.14, "unit": "万元"}),  # 28.90 + 28.24
    ("和2024年相比，2025年的项目数量减少了几个", {"value": 4, "unit": "个"}),  # 16 → 12 projects
    ("基本支出经济分类科目中，2024年列了而2025年消失了的是哪个", {"items": ["会议费"]}),
    ("2025年的基本支出比前一年多了多少", {"value": 23.27, "unit": "万元"}),  # 前一年 is no rank (前1)
])
def test_cross_year(two_years, question, expected):
    answer = _answered(two_years, question, "cross_year")
    assert score(expected, answer.to_json())[0], answer.answer


@pytest.mark.parametrize(("question", "phrase"), [
    ("“基本支出”这个词是什么意思", "人员支出和公用支出"),  # the glossary says the same in both years
    ("24年全民健身活动经费是依据哪个规划安排的", "清城府〔2022〕9号"),  # 24年: the loaded 2024 (〔2022〕 is no year asked)
])
def test_a_question_naming_no_year_is_answered_when_each_year_says_the_same(two_years, question, phrase):
    answer = two_years.ask(question)
    assert answer.answered and phrase in answer.answer, answer.answer


def test_a_reason_asked_with_both_years_loaded_is_the_later_years_own_words(two_years):
    answer = two_years.ask("2025年的预算比上年少了，文件说是什么原因")
    assert answer.answered and "一次性项目本年不再安排" in answer.answer, answer.answer


def test_the_smallest_project_of_one_named_year_is_not_pooled_with_the_year_before(two_years):
    answer = two_years.ask("2025年全部项目中金额最少的是哪个")
    assert answer.answered and answer.value == Decimal("12.50"), answer.answer  # 文艺精品创作扶持经费, not 2024's 7.20


def test_a_figure_that_differs_between_the_years_is_asked_back(two_years):
    answer = two_years.ask("基本支出占多少比例")  # no year named, and the years differ: which one is asked
    assert not answer.answered and "请说明" in answer.answer, answer.answer


def test_the_earlier_year_compared_with_the_later_is_said_so(two_years):
    answer = _answered(two_years, "2024年的基本支出比2025年少多少", "cross_year")
    assert answer.value == Decimal("23.27") and "2024年比2025年少23.27万元" in answer.answer


@pytest.mark.parametrize("question", ["清城区文旅体局社会保障和就业支出是多少", "文广旅体局的社会保障和就业支出有多少？"])
def test_a_department_by_a_shortened_abbreviation(culture, question):
    answer = culture.ask(question)  # 文化广电旅游体育局 → 文旅体局: one word of four left out, not a unit linked by likeness
    assert answer.answered and answer.value == Decimal("68.42"), answer.answer


def test_a_glossary_term_by_its_full_name_asked_for_an_amount_gives_the_figure(culture):
    amount = culture.ask("行政经费（机关运行经费）预算多少钱？")
    assert amount.answered and amount.value == Decimal("28.24"), amount.answer
    meaning = culture.ask("行政经费（机关运行经费）是什么意思？")
    assert meaning.value is None and "维持行政" in meaning.answer


@pytest.mark.parametrize("question", [
    "2026年的项目支出比2025年多多少？",
    "2023年图书馆的基本支出是多少？",
    "预计2026年的三公经费会增加多少？",
    "2023年和2024年的项目支出一共多少？",
    "2023年文物保护经费是多少？两年比变化多大",
])
def test_a_year_not_loaded_is_refused(two_years, question):
    assert not two_years.ask(question).answered


# -- entities by parts of their names, typos and homophones ----------------------------------------
@pytest.mark.parametrize(("question", "value"), [
    ("云平台专线线路那个项目预算多少？", "423.97"),
    ("综治线路租赁这一项花多少钱", "20.40"),
    ("4G广播的项目安排了多少万元", "7.01"),
    ("区府至各镇街线路租赁费用是多少", "63.41"),
    ("西102室视频专线的预算是多少", "5.76"),
])
def test_projects_named_by_a_part_of_their_name(bigdata, question, value):
    answer = bigdata.ask(question)
    assert answer.answered and answer.value == Decimal(value), answer.answer


@pytest.mark.parametrize(("service", "question", "value"), [
    ("bigdata", "三工经费是多少？", "0.40"),
    ("culture", "图书管的基本支出是多少？", "115.35"),
    ("culture", "体彩公益金那个全民健身设施项目多少钱", "80.00"),
    ("culture", "非遗保护专项经费预算多少", "20.00"),
    ("bigdata", "津贴补帖多少万？", "38.31"),
])
def test_typos_homophones_and_abbreviations(request, service, question, value):
    answer = request.getfixturevalue(service).ask(question)
    assert answer.answered and answer.value == Decimal(value), answer.answer


# -- filler never blocks; nouns nobody knows do --------------------------------------------------------
@pytest.mark.parametrize(("question", "value"), [
    ("你好，麻烦告诉我一下大数据中心今年的三公经费", "0.40"),
    ("我想了解一下，项目支出按经济分类，租赁费一共列支多少？", "728.19"),
    ("能不能帮忙查查基本支出打算安排多少", "394.17"),
    ("劳驾，大数据中心名下有几辆车？", "0"),
    ("写稿要用：住房公积金预计安排多少？", "34.66"),
])
def test_filler_and_verbs_never_block(bigdata, question, value):
    answer = bigdata.ask(question)
    assert answer.answered and answer.value == Decimal(value), answer.answer


@pytest.mark.parametrize("question", [
    "清城区财政局2025年的部门预算收入是多少？",
    "清城区教育局的三公经费是多少？",
    "大数据中心有多少名在编人员？",
    "大数据中心负责人的年薪是多少",
    "清城区卫生健康局今年的项目支出有多少",
])
def test_other_bodies_and_attributes_are_refusals(bigdata, question):
    answer = bigdata.ask(question)
    assert not answer.answered, answer.answer


def test_eval_scores_an_answer_listing_far_more_than_asked_as_wrong():
    many = {"answered": True, "answer": "…", "items": [f"项目{k}" for k in range(29)], "value": 7.01}
    assert score({"value": 7.01}, many) == (False, "wrong")
    assert score({"items": ["项目1"]}, many) == (False, "wrong")
    assert score({"items": ["项目1"]}, {**many, "items": many["items"][:6]}) == (True, "correct")
    assert score({"value": 29, "unit": "个"}, {**many, "value": 29}) == (True, "correct")  # a count lists what it counts


# -- glossary entries by the name they speak of; shares of a container; filters; comparisons --------
@pytest.mark.parametrize(("question", "phrase"), [
    ("公务接待费反映的是哪些支出", "外宾接待"),
    ("因公出国（境）费用是指什么", "国际旅费"),
    ("公务用车购置费的意思是什么", "牌照费"),
    ("公务用车运行维护费反映些什么", "过路过桥费"),
    ("机关运行经费的含义", "维持行政（参公）单位机关运行"),
])
def test_glossary_entries_found_by_the_name_they_speak_of(bigdata, question, phrase):
    answer = bigdata.ask(question)
    assert answer.answered and phrase in answer.answer, answer.answer


@pytest.mark.parametrize(("service", "question", "value"), [
    ("bigdata", "项目支出中商品和服务支出占多大比例", "93.47"),
    ("culture", "基本支出中工资福利支出占多少比例", "87.81"),
    ("bigdata", "车辆租赁经费和中国移动信息费哪个预算更多？", "6.00"),
    ("culture", "旅游宣传推广经费与文化市场综合执法经费哪个更高？", "29.40"),
    ("bigdata", "本年收入预算相当于上年的百分之几？", "49.40"),
    ("culture", "一般公共预算拨款是政府性基金预算的多少倍", "10.42"),
])
def test_shares_of_a_container_comparisons_and_multiples(request, service, question, value):
    answer = request.getfixturevalue(service).ask(question)
    assert answer.answered and answer.value == Decimal(value), answer.answer


def test_non_zero_filter_and_stated_reasons(bigdata, culture):
    nonzero = bigdata.ask("“三公”经费里不为零的有哪几项？")
    assert nonzero.items == ["公务接待费"], nonzero.answer
    assert culture.ask("三公经费中不是零的是哪几项").items == ["公务用车运行维护费", "公务接待费"]  # 第三部分二: of the cars' 4.50, 购置费 is 0
    reason = bigdata.ask("收入预算减少的原因是什么？")
    assert reason.answered and "专项预算减少" in reason.answer


# -- target: a measurable performance target of the project named -----------------------------------
@pytest.mark.parametrize(("question", "value", "unit"), [
    ("体育彩票公益金全民健身设施建设项目的多功能运动场要建几个？", "2", "个"),
    ("全民健身活动经费一年要举办多少场区级赛事？", "10", "场"),
    ("文物保护单位修缮及安全巡查经费要求全年巡查多少次", "48", "次"),
    ("旅游宣传推广经费计划参加几场推介活动", "6", "场"),
    ("体育彩票公益金全民健身设施建设项目要新建多少条健身路径", "15", "条"),
])
def test_targets_of_the_project_named(culture, question, value, unit):
    answer = _answered(culture, question, "target")
    assert answer.value == Decimal(value) and answer.unit == unit, answer.answer


def test_a_target_the_project_does_not_have_is_refused(culture):
    assert not culture.ask("全民健身活动经费要培训多少名社会体育指导员？").answered


def test_sets_under_a_container(bigdata, culture):
    levels = culture.ask("文化旅游体育与传媒支出下面有哪些项级科目")
    assert levels.answered and all(len(r["行"]) for r in levels.rows)
    assert {"图书馆", "群众文化", "行政运行"} <= set(levels.items), levels.answer
    added = bigdata.ask("基本支出的商品和服务支出下面各科目逐项加起来是多少")
    assert added.value == Decimal("21.90") and added.items == [] and "合计" in added.answer, added.answer
    assert not bigdata.ask("商品和服务支出下面各科目逐项加起来是多少").answered  # listed under 表6 and 表7: which is not said


def test_counted_noun_and_full_document_numbers(two_years):
    count = two_years.ask("2024年文广旅体局（含下属单位）一共有多少个项目？")
    assert count.answered and count.value == 16, count.answer
    cited = two_years.ask("2024年图书馆免费开放补助资金是根据哪份文件安排的？")
    assert cited.answered and "文财务发〔2011〕5号" in cited.answer, cited.answer


def test_a_sum_of_n_named_projects_finds_all_n_or_refuses(culture, bigdata):
    assert not culture.ask("这两个项目（全民健身活动经费、体育）合计多少").answered
    two = culture.ask("2个项目（全民健身活动经费、旅游宣传推广经费）加起来多少")
    assert two.answered and two.value == Decimal("83.00"), two.answer
    differ = bigdata.ask("车辆租赁经费和中国移动信息费差了多少")
    assert differ.answered and differ.value == Decimal("6.00"), differ.answer


@pytest.mark.parametrize(("question", "asked"), [
    ("准备买的交换机每台单价多少钱？", True),
    ("本年度拟购置固定资产多少万元", False),
    ("网络故障按绩效目标一年累计最多能有多少分钟？", True),
    ("保障网络正常运行的目标里每次故障时间不超过多少分钟？", False),
])
def test_a_unit_price_or_a_total_the_figure_does_not_state_is_refused(bigdata, question, asked):
    """单价 asked and only a total stated, 累计 asked and only a per-time limit stated: refused."""
    answer = bigdata.ask(question)
    assert answer.answered is not asked, answer.answer


def test_a_quoted_name_no_figure_speaks_of_is_refused(culture):
    refused = culture.ask("“清城乐游”系列宣传推广活动今年要办几场？")
    assert not refused.answered and "清城乐游" in refused.answer, refused.answer
    assert culture.ask("“三公”经费是多少").answered


def test_a_share_whose_named_whole_is_not_found_is_refused_not_taken_of_a_parent(culture):
    refused = culture.ask("机关运行经费占一般公共预算人员支出的多大比重？")
    assert not refused.answered, refused.answer
    fund_kind = culture.ask("机关运行经费占一般公共预算基本支出的多大比重？")  # that fund's basic expenditure: 表6's total
    assert fund_kind.answered and fund_kind.value == Decimal("5.74") and "表6" in fund_kind.answer, fund_kind.answer
    parent = culture.ask("委托业务费的占比是多少")  # no whole named: the class it belongs to
    assert parent.answered and parent.value == Decimal("31.83"), parent.answer


def test_projects_of_the_department_itself_leave_out_its_subordinate_units(culture):
    least = culture.ask("本级项目当中预算最少的是哪一个？")
    assert least.answered and least.value == Decimal("15.60"), least.answer
    count = culture.ask("局本级一共安排了几个项目")
    assert count.answered and count.value == 8, count.answer


@pytest.mark.parametrize(("question", "value"), [
    ("金额第二多的项目是哪个", "62.35"),
    ("项目中预算排名第三的是哪一个？", "45.00"),
    ("本级项目里钱第二少的是哪个", "20.00"),
])
def test_the_n_th_of_a_ranking(culture, question, value):
    answer = culture.ask(question)
    assert answer.answered and answer.value == Decimal(value) and len(answer.items) == 1, answer.answer


def test_a_threshold_or_rank_no_reading_slot_holds_is_never_dropped(culture):
    """本级's whole project expenditure (324.43) is not the answer to a question with a threshold."""
    answer = culture.ask("局本级预算超过30万元的项目有哪些")
    assert answer.answered and len(answer.items) == 5 and answer.value != Decimal("324.43"), answer.answer


def test_projects_of_subordinate_units_or_all_units(culture):
    sub = culture.ask("下属单位里名称带“经费”的项目合计多少")
    assert sub.answered and sub.value == Decimal("77.50"), sub.answer
    only = culture.ask("文广旅体局下属单位一共安排了多少个项目？")
    assert only.answered and only.value == 4, only.answer
    every = culture.ask("文广旅体局（含下属单位）一共安排了多少个项目？")
    assert every.answered and every.value == 12, every.answer


def test_readings_that_score_alike_and_disagree_ask_back(bigdata, monkeypatch):
    """With the margin widened so that the classic reading competes with describe, their
    different answers are not given: the reply names both, and each suggestion, asked, answers."""
    from qa import kinds

    monkeypatch.setattr(kinds, "CLOSE_MARGIN", 0.25)
    question = "办公自动化系统维护费起什么作用"
    answer = bigdata.ask(question + "？")
    assert not answer.answered and answer.intent == "ask_back", answer.answer
    assert len(answer.suggestions) == 2 and all(question in s for s in answer.suggestions), answer.suggestions
    for suggestion in answer.suggestions:
        picked = bigdata.ask(suggestion)
        assert picked.answered and "公文交换系统" in picked.answer, picked.answer
    monkeypatch.setattr(kinds, "CLOSE_MARGIN", 0.05)
    assert bigdata.ask(question + "呢？").answered  # readings far apart: the best answers


def test_a_cited_title_names_every_document_of_that_title(bigdata):
    answer = bigdata.ask("区政府常务会议决定事项通知被哪些项目引用了")
    assert answer.answered and "末端设备维修及线路租金" in answer.answer and "社会综合治理云平台项目" in answer.answer, answer.answer
    one = bigdata.ask("〔2019〕185号被哪个项目引用")
    assert one.answered and "社会综合治理云平台项目引用" not in one.answer, one.answer


def test_which_places_asked_by_name_are_refused_when_the_text_names_none(culture, bigdata):
    refused = culture.ask("农村应急广播运维经费覆盖哪些镇？")
    assert not refused.answered and "镇" in refused.answer, refused.answer
    named = bigdata.ask("4G广播那个项目准备先在哪几个镇建？")
    assert named.answered and "飞来峡" in named.answer, named.answer


def test_projects_that_cite_a_document(culture):
    count = culture.ask("有多少个项目注明了依据的文件？")
    assert count.answered and count.value == 3, count.answer
    listed = culture.ask("哪些项目写明了依据文件")
    assert listed.answered and len(listed.items) == 3 and "农村应急广播运维经费" in listed.items, listed.answer


def test_an_overlap_of_two_sets_is_refused_not_answered_with_one_set(bigdata):
    answer = bigdata.ask("基本支出和项目支出两边都列了的经济科目是哪些")
    assert not answer.answered and "共有" in answer.answer, answer.answer


def test_assets_held_are_not_the_answer_to_what_will_be_bought(culture):
    planned = culture.ask("今年计划购置的固定资产分哪几类？")  # the things 拟购置固定资产's sentence lists, not the assets held
    assert planned.answered and "主要是" in planned.answer and "车辆" not in planned.answer, planned.answer
    held = culture.ask("固定资产分哪几类？")
    assert held.answered and "车辆" in held.answer, held.answer
    bought = culture.ask("公务用车购置费是多少")
    assert bought.answered and bought.value == 0, bought.answer


def test_buying_asked_in_everyday_words_is_answered_by_the_purchase_figure_not_the_cars_held(culture):
    both = culture.ask("今年要不要买公务车？公务用车购置费安排了多少")
    assert both.answered and both.value == 0 and "车辆" not in both.answer, both.answer
    held_only = culture.ask("打算买几辆公务车？")  # 拟购置: a count of cars to buy, and only an amount planned
    assert not held_only.answered and "辆数" in held_only.answer and "车辆" not in held_only.answer, held_only.answer


@pytest.mark.parametrize(("question", "value"), [
    ("文化馆（基本加项目）占部门预算的百分之几？", Decimal("13.91")),
    ("图书馆基本支出和项目支出合起来占整个部门预算的比例是多少？", Decimal("19.19")),
])
def test_a_units_whole_budget_as_the_part_of_the_departments_budget(culture, question, value):
    answer = culture.ask(question)
    assert answer.answered and answer.value == value, answer.answer


def test_a_share_whose_part_exceeds_its_whole_is_refused(culture):
    """「X在Y里占比」 read with part and whole the wrong way round would be over 100 %: refused."""
    answer = culture.ask("公务接待费在三公经费里占比多少？")
    assert answer.answered and answer.value < 100, answer.answer
    reversed_ = culture.ask("三公经费占公务接待费的比例是多少？")
    assert not reversed_.answered and "没有对上" in reversed_.answer, reversed_.answer


def test_staff_and_office_costs_of_a_unit_are_its_basic_expenditure(culture):
    answer = culture.ask("想比较人员公用经费：局本级的基本支出比图书馆多出多少万元？")
    assert answer.answered and answer.value == Decimal("171.49"), answer.answer


# -- cross_department: several departments asked together, one result --------------------------------
@pytest.fixture(scope="module")
def departments(tmp_path_factory) -> QAService:
    """Two departments, one of them in two years: compared in the year both have (2025)."""
    return qa_service(tmp_path_factory, FIXTURES / "qingcheng_bigdata_center_2025.txt", CULTURE, CULTURE_2024)


@pytest.mark.parametrize(("question", "expected"), [
    ("大数据中心和文广旅体局哪个的三公经费更多？", {"contains": ["文化广电旅游体育局2025年"], "value": 6.00}),
    ("两个部门谁的项目支出更高？", {"contains": ["大数据中心2025年"], "value": 922.08}),
    ("大数据中心与文广旅体局的基本支出相差多少？", {"value": 97.63}),
    ("大数据中心比文广旅体局的三公经费少多少？", {"value": 5.60}),
    ("2025年两个部门三公经费一共多少？", {"value": 6.40}),
    ("两个单位的项目支出加起来是多少？", {"value": 1344.01}),
    ("哪个部门的基本支出占比最高？", {"contains": ["文化广电旅游体育局2025年"], "value": 53.82}),
    ("各部门2025年的项目支出分别是多少？", {"contains": ["922.08", "421.93"]}),
])
def test_cross_department(departments, question, expected):
    answer = _answered(departments, question, "cross_department")
    assert all(p in answer.answer for p in expected.get("contains", [])), answer.answer
    if "value" in expected:
        assert answer.value == Decimal(str(expected["value"])).quantize(answer.value), answer.answer


@pytest.mark.parametrize("question", [
    "2024年两个部门的三公经费合计多少？",  # the other department has no 2024 document
    "大数据中心和清城区财政局的项目支出合计多少？",  # a body not loaded
    "三个部门的三公经费加起来多少？",  # two are loaded
])
def test_cross_department_refusals(departments, question):
    assert not departments.ask(question).answered


def test_reaching_an_amount_is_a_lower_bound(culture):
    """达到30万元 keeps the projects of 30万元 and more (a bound), not every project."""
    answer = culture.ask("金额达到30万元的项目有哪些？")
    assert len(answer.items) == 7 and all(Decimal(v) >= 30 for v in re.findall(r"（(\d+\.\d+)万元）", answer.answer)), answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("项目支出至少多少", "421.93"),
    ("今年基本支出达到多少", "491.80"),
])
def test_a_figures_bound_words_ask_no_target(culture, question, value):
    """至少/达到 beside a figure the question names (项目支出) ask that figure, not a target's number."""
    answer = culture.ask(question)
    assert answer.value == Decimal(value), answer.answer

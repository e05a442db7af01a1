"""Texts, citations, targets and refusals in anyone's words (issue 10 §2-§4), phrasings of our own:
a plan said in everyday words (准备添置、计划新购) is the document's 拟购置; a count of things to
buy is not an amount. Figures and words were read off the documents in tests/fixtures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import qa_service

SYNTH_361 = Path(__file__).parent / "fixtures" / "synth" / "synth_seed361.txt"


@pytest.fixture(scope="module")
def synth361(tmp_path_factory):
    return qa_service(tmp_path_factory, SYNTH_361)


@pytest.mark.parametrize("question", [
    "今年准备添置哪些固定资产？",
    "单位计划新购的固定资产主要有什么",
    "打算买些什么固定资产",
    "今年要采购什么固定资产",  # 采购 of 固定资产 is the planned purchase, not 政府采购
])
def test_planned_purchases_described_in_everyday_words(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.answered and "交换机" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("今年计划购置固定资产多少钱", Decimal("159.17")),
    ("预计要新买多少固定资产", Decimal("159.17")),
    ("本年度准备添置多少万元的固定资产", Decimal("159.17")),
])
def test_planned_purchase_amount(synth361, question, value):
    answer = synth361.ask(question)
    assert answer.answered and answer.value == value, answer.answer


def test_a_count_of_things_to_buy_is_not_the_amount(bigdata):
    answer = bigdata.ask("今年打算买几架交换机")
    assert not answer.answered and "架" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "武装工作专网维护根据的是哪个会议记要",  # 记要: the old spelling of 纪要
    "武装工作专网维护是按哪一份会议记要安排的",
    "武装工作专往维护依据哪个会议记要",  # a typo in the name beside it
])
def test_a_misspelt_kind_of_cited_document(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.answered and "区政府会议纪要" in answer.answer, answer.answer


@pytest.fixture(scope="module")
def culture2024(tmp_path_factory):
    from tests.conftest import CULTURE_2024

    return qa_service(tmp_path_factory, CULTURE_2024)


@pytest.mark.parametrize("question", [
    "文物普查实施方案是哪个文号",  # a cited document named by its title without the region
    "第四次全国文物普查的实施方案，发文号是多少",
    "哪个项目是按文物普查实施方案安排的",
])
def test_a_cited_document_named_by_its_title(culture2024, question):
    answer = culture2024.ask(question)
    assert answer.answered and "清城府办函〔2023〕88号" in answer.answer, answer.answer


def test_a_title_part_never_takes_a_project_name(culture2024):
    answer = culture2024.ask("文物普查和文物保护单位修缮这两个项目一共多少钱")  # 文物普查 is the project, not the 实施方案
    assert answer.answered and answer.value == Decimal("67.50"), answer.answer


@pytest.fixture(scope="module")
def synth262(tmp_path_factory):
    return qa_service(tmp_path_factory, Path(__file__).parent / "fixtures" / "synth" / "synth_seed262.txt")


@pytest.mark.parametrize("question", [
    "县委全面深化改革委员会的会议纪要被哪个项目引用了",  # the issuer is not another body to refuse
    "哪一个项目依据了县委全面深化改革委员会的纪要",
])
def test_the_project_citing_a_document_named_by_its_issuer(synth262, question):
    answer = synth262.ask(question)
    assert answer.answered and "会议室音视频设备维护费" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "said"), [
    ("武裝工作專網維護要做哪些事情？", "续费"),  # traditional characters, and 事情 asks what it does
    ("移動辦公用戶費主要做些甚麼事兒", "掌上应用系统"),
    ("武装工作专网维护这笔钱干些什么事情", "续费"),
])
def test_what_a_project_does_in_anyone_s_characters(bigdata, question, said):
    answer = bigdata.ask(question)
    assert answer.answered and said in answer.answer, answer.answer


@pytest.fixture(scope="module")
def synth40(tmp_path_factory):
    return qa_service(tmp_path_factory, Path(__file__).parent / "fixtures" / "synth" / "synth_seed40.txt")


@pytest.mark.parametrize("question", [
    "信用那个（第二批）的绩效目标是什么",  # a part of the name, a pointer, then its batch mark
    "重点项目信用这个(第二批)目标写了啥",
    "重点项目里的信用那个（第二批）绩效目标说的什么",
])
def test_a_target_of_a_project_named_by_a_part_and_its_batch(synth40, question):
    answer = synth40.ask(question)  # four projects are （第二批）, and 社会信用体系建设经费 has no batch mark
    assert answer.answered and "不少于46次" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("收入预算跟上年比下降了多少", Decimal("50.6"), "%"),  # 比上年减少1348.45万元，下降50.6%: 下降 names the rate
    ("收入预算比去年减少了多少", Decimal("1348.45"), "万元"),  # 减少 names the amount
    ("收入预算比上年下降了多少万元", Decimal("1348.45"), "万元"),
])
def test_a_stated_change_by_its_verb(bigdata, question, value, unit):
    answer = bigdata.ask(question)
    assert answer.answered and answer.value == value and answer.unit == unit, answer.answer


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    from tests.conftest import CULTURE, CULTURE_2024

    return qa_service(tmp_path_factory, CULTURE_2024, CULTURE)


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("2025年公务接待费比上年下降多少", Decimal("11.8"), "%"),  # the 2025 text states the rate
    ("2025年公务接待费比上年减少多少", Decimal("0.2"), "万元"),
    ("2025年“三公”经费较上年下降了多少", Decimal("10.4"), "%"),
])
def test_a_stated_rate_with_two_years_loaded(two_years, question, value, unit):
    answer = two_years.ask(question)
    assert answer.answered and abs(answer.value - value) < Decimal("0.06") and answer.unit == unit, answer.answer


@pytest.fixture(scope="module")
def synth76(tmp_path_factory):
    return qa_service(tmp_path_factory, Path(__file__).parent / "fixtures" / "synth" / "synth_seed76.txt")


@pytest.mark.parametrize("question", [
    "12345热线工单办理经费要求故障响应最多几个小时",  # 几个小时 asks in 小时, not in 个
    "12345政务服务便民热线工单办理经费的响应时间不超过多少个小时？",
    "便民热线工单办理经费，设备故障几个小时内要响应",
])
def test_a_target_asked_in_hours(synth76, question):
    answer = synth76.ask(question)
    assert answer.answered and answer.value == Decimal("22") and answer.unit == "小时", answer.answer


@pytest.mark.parametrize("question", [
    "基本支出包括什么支出？",  # the glossary's words, never the list of projects
    "想问下文件里的“基本支出”都包括哪几类支出",
])
def test_what_a_glossary_term_includes(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.answered and "人员支出和公用支出" in answer.answer, answer.answer


def test_what_a_term_includes_is_the_same_in_two_years(two_years):
    answer = two_years.ask("麻烦问下“项目支出”包括什么支出")
    assert answer.answered and "特定行政任务" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "收入预算比上年少了很多，官方给的原因是什么",  # 官方 gives the document's own words
    "收入预算下降了，官方公布的理由是啥",
    "收入预算减少主要减了哪些专项？举几个例子吧",  # examples asked, not a count
    "预算减少了，是哪些专项没了？请举几个例子",
])
def test_the_stated_reason_of_a_change_in_anyone_s_words(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.answered and "专项预算减少" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "社会信用体系建设经费的绩效目标",  # not a key project (only its （第二批） is); its 表12 绩效目标 column states no number
    "社会信用体系建设经费绩效指标写了什么",
])
def test_a_target_column_without_a_number_is_quoted_never_the_amount(synth40, question):
    answer = synth40.ask(question)
    assert answer.answered and answer.value is None and "社会信用体系工作机制" in answer.answer, answer.answer
    assert [s.table.split()[0] for s in answer.sources] == ["表12"], answer.sources


def test_a_target_stated_in_a_project_s_own_text(culture):
    answer = culture.ask("图书馆文献资源购置经费定了什么绩效目标")  # not a key project; its text states 不少于1.2万册
    assert answer.answered and "1.2万册" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "大数据中心租车是为了干啥",  # the body named, its one project that speaks of 租车 (车辆租赁) answers
    "清城区大数据中心为何需要租车",
])
def test_why_a_body_spends_on_a_thing_is_its_project_s_text(bigdata, question):
    answer = bigdata.ask(question)
    assert answer.answered and "租赁车辆" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "大数据中心的办公地址在哪",  # 办公 is in a project's name, 地址 in none: never that project's text
    "大数据中心为啥要租光纤",  # several projects rent fibre: none is guessed
])
def test_a_body_s_words_no_one_project_holds_are_refused(bigdata, question):
    answer = bigdata.ask(question)
    assert not answer.answered, answer.answer


@pytest.mark.parametrize("question", ["图书馆免费开放补助资金安排的20万元主要用在哪里", "免费开放补助资金那笔安排的20万元是干什么用的"])
def test_an_amount_arranged_is_no_rank(culture, question):
    """「安排的20万元」: 排 inside 安排 before a number is no rank (排第2); the purpose is asked."""
    answer = culture.ask(question)
    assert answer.answered and "全民阅读推广" in answer.answer and answer.value is None, answer.answer


@pytest.mark.parametrize("question", ["纳入部门预算编制的是哪三家单位", "部门预算包括哪三个单位"])
def test_which_units_by_their_number(culture, question):
    answer = culture.ask(question)
    assert answer.answered and "清远市清城区图书馆" in answer.answer and "清远市清城区文化馆" in answer.answer, answer.answer

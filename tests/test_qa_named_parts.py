"""Projects named by a part of their name, and what their own text and targets say (issue 10 §3, §4):
phrasings of our own, on the documents in tests/fixtures. A question that writes out more than a
class's name, or asks for what only a project has (its document, its target), is about the project."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.mark.parametrize("question", [
    "安全巡查修缮这个项目依据的是哪份文件",
    "文物巡查项目的依据文件文号",
    "修缮文物那个项目是按哪个文件安排的",
])
def test_a_citation_asked_of_a_part_of_a_project_name(culture, question):
    answer = culture.ask(question)
    assert answer.answered and "清城府办〔2023〕15号" in answer.answer, answer.answer


def test_a_target_asked_of_a_part_of_a_project_name(culture):
    answer = culture.ask("修缮巡查那个重点项目定了什么绩效目标")
    assert answer.answered and "不少于48次" in answer.answer and "不少于3处" in answer.answer, answer.answer


def test_a_name_written_past_a_class_name_is_the_project(culture):
    answer = culture.ask("文物修缮这块安排了多少钱")
    assert answer.answered and answer.value == Decimal("62.35"), answer.answer
    assert "文物保护单位修缮及安全巡查经费" in answer.answer, answer.answer


def test_a_cue_half_is_not_a_name(culture):
    answer = culture.ask("区政府常务会议〔2024〕27号通知被哪项经费引用了")
    assert answer.answered and "农村应急广播运维经费" in answer.answer, answer.answer


def test_a_project_named_before_its_kind_noun_is_not_the_set_of_projects(bigdata):
    answer = bigdata.ask("执法平台技术开发项目列入了哪个清单")
    assert answer.answered and "十大行动方案" in answer.answer, answer.answer
    assert "共29项" not in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value", "unit"), [
    ("健身路径计划新建或更新多少条", Decimal("15"), "条"),
    ("宣传片准备拍几部", Decimal("1"), "部"),
    ("旅游推介活动至少办几场", Decimal("6"), "场"),
    ("购置文献资源那个项目馆藏图书要新增多少", Decimal("1.2"), "万册"),
])
def test_a_target_found_by_its_own_words(culture, question, value, unit):
    answer = culture.ask(question)
    assert answer.answered and answer.value == value and answer.unit == unit, answer.answer


def test_a_target_asked_by_what_it_measures(bigdata):
    answer = bigdata.ask("每次出故障最长允许多久")
    assert answer.answered and answer.value == Decimal("30") and answer.unit == "分钟", answer.answer


@pytest.mark.parametrize("question", ["运动场打算建多少平方米", "宣传片准备拍多少分钟"])
def test_a_target_in_another_unit_is_refused(culture, question):
    answer = culture.ask(question)
    assert not answer.answered, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("修缮巡查文物这个项目安排了多少", Decimal("62.35")),
    ("宣传片的制作费要多少钱", None),
])
def test_a_bare_amount_question_is_not_a_target(culture, question, value):
    answer = culture.ask(question)
    assert answer.unit != "部" and answer.unit != "处" and answer.unit != "次", answer.answer
    if value is not None:
        assert answer.value == value, answer.answer


@pytest.mark.parametrize(("question", "said"), [
    ("三资监管平台的机房设在哪里", "区政府6楼中心机房"),
    ("三资平台客户端装到了几个自然村", "113个自然村"),
    ("三资监管平台是哪一年建设的", "2013年"),
])
def test_a_place_or_coverage_from_the_text_that_speaks_of_the_name(bigdata, question, said):
    answer = bigdata.ask(question)
    assert answer.answered and said in answer.answer, answer.answer
    assert answer.sources and answer.sources[0].row == "“三资”平台维护经费", answer.sources


def test_a_count_a_target_states_is_the_targets(culture):
    answer = culture.ask("全民健身活动经费那个项目区级赛事全年办几场")
    assert answer.answered and answer.value == Decimal("10") and answer.unit == "场", answer.answer


@pytest.mark.parametrize("question", ["甚麼叫基本支出", "基本支出是甚麼意思"])
def test_a_definition_asked_in_traditional_characters(culture, question):
    answer = culture.ask(question)
    assert answer.answered and answer.value is None and "基本支出" in answer.answer and "指" in answer.answer, answer.answer


def test_the_units_of_the_budget_asked_at_the_end(culture):
    answer = culture.ask("这次部门预算里的单位都有哪些")
    assert answer.answered and "清远市清城区图书馆" in answer.answer and "清远市清城区文化馆" in answer.answer, answer.answer
    assert "经费" not in answer.answer, answer.answer


def test_a_units_projects_are_not_the_units(culture):
    answer = culture.ask("图书馆这个单位有哪些项目")
    assert answer.answered and "图书馆文献资源购置经费" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "said", "not_said"), [
    ("各项目引用的文件当中哪一份年代最久", "清城府办〔2022〕18号", "〔2024〕27号"),
    ("依据的文件里发文时间最晚的是哪个，给哪个项目用的", "〔2024〕27号", "〔2022〕18号"),
])
def test_the_earliest_or_latest_cited_document_by_year(culture, question, said, not_said):
    answer = culture.ask(question)
    assert answer.answered and said in answer.answer and not_said not in answer.answer, answer.answer


def test_the_earliest_document_a_named_project_cites(bigdata):
    answer = bigdata.ask("社会综合治理云平台项目引用的文件中最早的是哪一份")
    assert answer.answered and "2019" in answer.answer and "2007" not in answer.answer, answer.answer


def test_what_a_department_is_responsible_for_in_one_field(culture):
    answer = culture.ask("文广旅体局在旅游资源方面负责哪些事")
    assert answer.answered and "普查" in answer.answer and answer.sources[0].table == "第一部分一 主要职责", answer.answer


def test_an_everyday_word_alone_does_not_name_a_project(bigdata):
    answer = bigdata.ask("政府投资的信息化建设项目这块，大数据中心主要负责什么")
    assert "线路租赁费" not in answer.answer, answer.answer


def test_another_phase_than_the_name_holds_is_refused(bigdata):
    answer = bigdata.ask("三资监管平台升级开发合同第三期要花多少")
    assert not answer.answered, answer.answer
    assert bigdata.ask("三资监管平台升级开发合同第二期要花多少").value == Decimal("11.40")


@pytest.mark.parametrize("question", ["体育场馆免费低收费开放补助的目标是多少", "旅游宣传推广经费的指标定为多少"])
def test_a_target_figure_of_a_project_without_one_target_is_refused_not_its_amount(culture, question):
    answer = culture.ask(question)
    assert not answer.answered, answer.answer


def test_the_only_target_of_a_named_project(culture):
    answer = culture.ask("图书馆文献资源购置经费的目标定为多少")
    assert answer.answered and answer.value == Decimal("1.2") and answer.unit == "万册", answer.answer


def test_a_list_that_names_no_set_is_not_every_project(bigdata):
    answer = bigdata.ask("一门式的专线都通到了哪些镇街")
    assert "共29项" not in answer.answer, answer.answer


def test_two_targets_of_one_owner_that_fit_alike_are_asked_back(bigdata):
    answer = bigdata.ask("保障网络正常运行那项的指标是多少")
    assert not answer.answered, answer.answer


@pytest.mark.parametrize(("question", "project"), [
    ("执法装备是哪个项目购置的", "文化市场综合执法经费"),
    ("自习室免费开放由哪个项目保障", "图书馆免费开放补助资金"),
])
def test_the_project_whose_own_text_speaks_of_it(culture, question, project):
    answer = culture.ask(question)
    assert answer.answered and answer.answer.startswith(project), answer.answer


def test_a_word_is_not_read_across_a_word_of_the_text(culture):
    answer = culture.ask("文广旅体局的负责人是谁")
    assert not answer.answered, answer.answer


def test_money_in_a_projects_name_does_not_make_a_target_an_amount(culture):
    answer = culture.ask("全民健身活动经费的目标定为多少")
    assert answer.answered and answer.value == Decimal("10") and answer.unit == "场", answer.answer


def test_a_part_of_a_name_before_a_whole_one(culture):
    """「文献资源购置经费是全民健身活动经费的几倍」: the stray characters before the second name written
    out whole (…经费是|全民健身…) rival nothing; the first is found by its part."""
    answer = culture.ask("文献资源购置经费是全民健身活动经费的几倍")
    assert answer.answered and answer.value == Decimal("1.05") and answer.unit == "倍", answer.answer


@pytest.mark.parametrize("question", ["文物保护单位修缮及安全巡查经费依据的文件是什么", "安全巡查经费依据的文件有哪些"])
def test_the_documents_a_project_rests_on_are_its_citations(culture, question):
    """「依据的文件」 names the set of cited documents: asked of a project, they are its citations."""
    answer = culture.ask(question)
    assert answer.answered and "清城府办〔2023〕15号" in answer.answer, answer.answer


def test_a_stretch_of_a_name_never_starts_inside_a_number():
    """「2026年司法…」 does not name 「6年司法所…」: a matched stretch is cut back to whole numbers."""
    from qa.partial import _whole_numbers

    text = "2026年司法款下面"
    cluster = [(3, "6年"), (4, "年司"), (5, "司法")]
    assert _whole_numbers(cluster, text) == [(4, "年司"), (5, "司法")]
    assert _whole_numbers([(0, "ab"), (1, "b1")], "ab12") == [(0, "ab")]
    assert _whole_numbers([(0, "12"), (1, "23")], "123") == [(0, "12"), (1, "23")]  # a number written whole stays


@pytest.mark.parametrize(("question", "value"), [
    ("一般公共预算支出合计是多少", Decimal("833.73")),  # 表4's 合计, not 本年支出合计 beside it
    ("一般公共预算的支出合计有多少万元", Decimal("833.73")),
])
def test_a_total_word_written_onto_a_name_is_that_things_total(culture, question, value):
    answer = culture.ask(question)
    assert answer.value == value, answer.answer

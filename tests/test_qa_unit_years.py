"""A subordinate unit (by a shortened name, or 本级) across two loaded years of its department, its
rank and superlatives among its own projects, its share of a department total and the change of that
share; counts the document gives for the department only; across two years: the largest fall or
growth, which year is higher, a class filter on economic items new in a year, each year's cited
documents (issue 10 §5, §6). Phrasings of our own; figures read off the documents in tests/fixtures
(the water department's 2026 document is generated from its 2025 one: tools.synth, seed 263)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import CULTURE, CULTURE_2024, FIXTURES, qa_service

WATER_2025 = FIXTURES / "synth" / "synth_seed262.txt"
WATER_2026 = FIXTURES / "synth" / "synth_seed262_2026.txt"


@pytest.fixture(scope="module")
def water(tmp_path_factory):
    return qa_service(tmp_path_factory, WATER_2025, WATER_2026)


@pytest.fixture(scope="module")
def culture(tmp_path_factory):
    return qa_service(tmp_path_factory, CULTURE_2024, CULTURE)


def _value(service, question: str) -> Decimal:
    answer = service.ask(question)
    assert answer.answered, answer.answer
    return answer.value


@pytest.mark.parametrize(("question", "value"), [
    ("水管所的项目支出两个年度差了多少钱", Decimal("3704.76")),  # 水库管理所: 106.48 → 3811.24
    ("请问水建中心2025年与2026年的基本支出加起来多少", Decimal("771.82")),  # 水利工程建设管理中心: 335.43 + 436.39
    ("水建中心基本支出2026年比2025年增长了百分之几", Decimal("30.10")),
    ("本级的项目经费，2026比2025多出来多少", Decimal("12866.81")),  # years without 年, joined by 比
    ("局本级项目支出2025跟2026相比差多少", Decimal("12866.81")),
])
def test_a_unit_named_short_across_two_years(water, question, value):
    assert _value(water, question) == value


def test_the_change_of_a_units_share_in_points(water):
    """335.43 / 1278.15 = 26.24 %, 436.39 / 1415.43 = 30.83 %: 4.59 points, from the unrounded shares."""
    answer = water.ask("水建中心的基本支出在全部门基本支出合计里的占比，两年间变动了几个百分点")
    assert answer.answered and answer.value == Decimal("4.59") and answer.unit == "%", answer.answer


@pytest.mark.parametrize(("question", "item", "value"), [
    ("水管所2026年的项目中，按金额排在第二位的是哪一个", "第三期合同款补助资金", Decimal("373.89")),
    ("2026年水建中心金额最低的那个项目是什么，多少钱", "宣传工作经费（续建）", Decimal("2.91")),
    ("2026年局本级哪一个项目最大", "档案整理及数字化加工费", Decimal("2979")),
])
def test_rank_and_superlative_among_one_units_projects(water, question, item, value):
    answer = water.ask(question)
    assert answer.answered and answer.value == value and item in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "水管所自己有多少辆公车",
    "2026年本级的房屋面积有多少平方米",
    "局机关名下有几辆车",
])
def test_a_units_count_of_things_held_is_refused(water, question):
    """第三部分 counts cars and buildings for the department as a whole: no unit's own count."""
    answer = water.ask(question)
    assert not answer.answered and "没有单列" in answer.answer, answer.answer


def test_the_departments_own_count_is_still_answered(water):
    answer = water.ask("2026年水利局有几辆车")
    assert answer.answered and answer.value == Decimal("1") and answer.unit == "辆", answer.answer


@pytest.mark.parametrize(("question", "item", "value"), [
    ("两个年度都安排了的项目里，跌得最多的是哪一个", "会议室音视频设备维护费", Decimal("500.00")),
    ("两年都有的项目当中，增加得最多的是哪个", "公文流转系统运维经费", Decimal("59.78")),
])
def test_the_largest_change_among_projects_of_both_years(water, question, item, value):
    answer = water.ask(question)
    assert answer.answered and answer.items == [item] and answer.value == value, answer.answer


def test_the_largest_fall_in_percent_ranks_by_rate(culture):
    """降幅最大 is a rate: the project of both years whose growth rate is the lowest, in %."""
    answer = culture.ask("两年都列了的项目中，哪个项目的降幅最大")
    assert answer.answered and answer.unit == "%" and len(answer.items) == 1, answer.answer


@pytest.mark.parametrize(("question", "first"), [
    ("法律顾问服务经费2025、2026哪一年高，高出多少", "2025年较高"),
    ("法律顾问服务经费在两年里哪年少一些，少多少", "2026年较低"),
])
def test_which_year_is_higher_and_by_how_much(water, question, first):
    answer = water.ask(question)  # 50.00 in 2025, 39.44 in 2026
    assert answer.answered and answer.value == Decimal("10.56") and first in answer.answer, answer.answer


def test_which_year_without_the_word_year(culture):
    answer = culture.ask("公务用车运行维护费2024与2025哪年低，低了多少")
    assert answer.answered and answer.value == Decimal("0.50") and "2025年较低" in answer.answer, answer.answer


def test_economic_items_new_under_a_class(water):
    """资本性支出 is only in 项目支出's economic table: the 310 items new in 2026 there."""
    answer = water.ask("资本性支出中，2026年新出现的经济科目有哪些")
    assert answer.answered and answer.items == ["办公设备购置", "基础设施建设", "信息网络及软件购置更新"], answer.answer


def test_a_class_in_both_economic_tables_is_asked_which(water):
    answer = water.ask("商品和服务支出下面2026年新增了哪些经济科目")
    assert not answer.answered and "基本支出和项目支出" in answer.answer, answer.answer


def test_economic_items_dropped_under_a_class_of_one_expenditure(culture):
    answer = culture.ask("项目支出资本性支出下的经济科目，哪些2024年列了而2025年不再有")
    assert answer.answered and answer.items == ["办公设备购置"], answer.answer


@pytest.mark.parametrize("question", [
    "全民健身活动经费在两个年度各自引用了哪份文件",
    "2024年和2025年全民健身活动经费的依据文件分别是",
])
def test_each_years_cited_documents(culture, question):
    answer = culture.ask(question)
    assert answer.answered and answer.value is None, answer.answer
    assert "清城府〔2022〕9号" in answer.answer and "清城府办〔2022〕18号" in answer.answer, answer.answer


def test_a_year_that_cites_nothing_says_so(water):
    answer = water.ask("会议室音视频设备维护费两年分别根据什么文件安排的")
    assert answer.answered and "〔2019〕69号" in answer.answer and "2026年：文件没有写明" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("建设中心2026年基本支出是多少", Decimal("436.39")),  # 水利工程建设管理中心 by a middle word and its kind
    ("2025年水管所的基本支出有多少", Decimal("46.82")),  # 水库管理所 by the first characters of its words
])
def test_a_unit_named_by_any_of_its_words_and_its_kind(water, question, value):
    answer = water.ask(question)
    assert answer.answered and answer.value == value and "表11" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "name"), [
    ("培训中心2026年的基本支出是多少", "培训中心"),
    ("2026年水利局监测中心的项目支出", "监测中心"),
    ("质检站两年的基本支出一共多少", "质检站"),
])
def test_a_unit_the_department_does_not_have_is_refused(water, question, name):
    """Not the department's own figure: the reply names the unit it does not have."""
    answer = water.ask(question)
    assert not answer.answered and f"“{name}”" in answer.answer, answer.answer


def test_a_units_suffix_inside_a_word_or_a_project_name_is_no_unit(culture):
    """馆 of 馆藏 and 文化站 of a project's name (镇（街）综合文化站…) name no unit."""
    answer = culture.ask("2025年图书馆文献资源购置新增馆藏的目标是多少")
    assert "预算单位" not in answer.answer, answer.answer
    answer = culture.ask("2024年综合文化站设备更新经费是多少")
    assert answer.answered and answer.value == Decimal("8.50"), answer.answer


def test_a_place_word_before_a_project_is_no_unit(water):
    """「公共场所的…」: a name ending in 所 not followed by what a unit has is no unit asked."""
    answer = water.ask("公共场所的卫生监督经费多少")
    assert "预算单位" not in answer.answer, answer.answer


def test_a_units_number_of_projects_in_each_year(water):
    """水库管理所: 2 projects in 2025, 8 in 2026 — its own, not the department's."""
    answer = water.ask("水管所的项目数量2026年比2025年多了几个")
    assert answer.answered and answer.value == Decimal("6") and answer.unit == "个", answer.answer


def test_the_total_inside_a_shares_whole_is_no_sum_of_years(water):
    """「占部门基本支出合计的比重」: 合计 names the whole; 两年各是多少 asks both shares, no sum."""
    answer = water.ask("水建中心基本支出占部门基本支出合计的比重，两年各是多少")
    assert answer.answered and answer.value is None and "26.24%" in answer.answer and "30.83%" in answer.answer, answer.answer


def test_the_largest_fall_in_proportion_is_the_lowest_rate(culture):
    answer = culture.ask("两年都有的项目当中，哪一个减少的比例最大")
    assert answer.answered and answer.unit == "%" and "增长率最低" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "2026年本级的三公经费是多少",
    "2026年局本级政府采购预算有多少",
    "2025年本级收入合计是多少",
])
def test_a_department_wide_figure_is_not_the_departments_own_units(water, question):
    """With subordinate units, 本级 is one unit: the department's 三公经费, 政府采购 or income is not its own."""
    answer = water.ask(question)
    assert not answer.answered and "本级" in answer.answer, answer.answer


def test_a_figure_of_the_departments_own_unit_is_still_answered(water):
    answer = water.ask("2026年本级的工资福利支出有多少")  # its block of 表11
    assert answer.answered and answer.value == Decimal("840.28"), answer.answer


def test_the_first_n_by_their_change(water):
    """「减少最多的两个」: the two members of both years that fell most, each with its change (only
    those that fell: 会议室音视频设备维护费 1000 → 500, 大中型水库移民后期扶持资金 56.48 → 10)."""
    answer = water.ask("两年都安排了的项目中，减少最多的两个是哪些")
    assert answer.answered and answer.items == ["会议室音视频设备维护费", "大中型水库移民后期扶持资金"], answer.answer


def test_which_year_is_lower_with_the_measure_between(water):
    answer = water.ask("水管所两年里哪一年的基本支出更少，少了多少")  # 46.82 in 2025, 40.69 in 2026
    assert answer.answered and answer.value == Decimal("6.13") and "2026年较低" in answer.answer, answer.answer


def test_a_change_of_share_in_points_is_read_across_the_years(water):
    """「…的比例比上年下降了几个百分点」: one year's share alone does not answer it. 本级 project
    expenditure: 2240.00 of 2346.48 (95.46 %) in 2025, 15106.81 of 24107.56 (62.66 %) in 2026 (表12)."""
    answer = water.ask("本级2026年项目支出占全部门项目支出的比重比上年下降了几个百分点")
    assert answer.answered and answer.value == Decimal("32.80") and answer.unit == "%", answer.answer


@pytest.mark.parametrize("question", [
    "全民健身活动经费两年分别拿来做什么",
    "2024年和2025年全民健身活动经费的用途各是什么",
])
def test_each_years_purpose_is_its_own_words(culture, question):
    """What a project is for, asked of both years: each year's text, not its amounts."""
    answer = culture.ask(question)
    assert answer.answered and answer.value is None and "万元" not in answer.answer, answer.answer
    assert "第十届全民健身运动会" in answer.answer and "社会体育指导员培训" in answer.answer, answer.answer

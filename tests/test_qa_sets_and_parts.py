"""Sets, their parts and what is left out of them (issue 10 §2, §3, §5), phrasings of our own: the
top N added up; members named after 除了 (and those joined to them) are not ranked; a unit named
after 不算 scopes nothing; a fund named filters a name-filtered set; a side of a difference that
names only where (基本支出里的) takes the other side's thing; 加/再加 join names; an office by its
shortened name (疾控股), an office no document has (宣传股) refused; one word only one project's
name holds, with 那个项目 right after it, names that project; a count a project's 绩效目标 text
states is its target. Figures read off tests/fixtures/qingcheng_culture_tourism_2025.txt (表6 lines
575–596, 表7 615–631, 表12) and off generated documents (tools.synth, seeds 341 and 342)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.pipeline import replace_documents
from kg.store.embedded import OxigraphStore
from qa.service import QAService
from tools.synth import generate


def test_the_top_n_added_up(culture):
    answer = culture.ask("金额最大的两个项目加起来多少")
    assert answer.value == Decimal("142.35"), answer.answer  # 80.00 + 62.35
    assert culture.ask("最大的两个项目是哪两个").value is None  # a list, not a sum


@pytest.mark.parametrize(("question", "name", "value"), [
    ("除了基本工资，基本支出工资福利支出里哪项最多", "津贴补贴", "107.61"),
    ("基本支出的工资福利支出里除了基本工资和津贴补贴，哪一项最大", "绩效工资", "42.30"),
])
def test_members_left_out_are_not_ranked(culture, question, name, value):
    answer = culture.ask(question)
    assert answer.items == [name] and answer.value == Decimal(value), answer.answer


def test_a_unit_left_out_scopes_nothing(culture):
    own = culture.ask("本级的项目支出是多少").value
    answer = culture.ask("局本级（不算图书馆和文化馆）的项目支出一共多少")
    assert own is not None and answer.value == own, answer.answer


def test_a_fund_named_filters_a_name_filtered_set(culture):
    answer = culture.ask("名称里有“全民健身”、用政府性基金安排的项目合计多少")
    assert answer.value == Decimal("80.00") and "政府性基金" in answer.answer, answer.answer  # not 38.00 + 80.00


@pytest.mark.parametrize("question", ["邮电费项目支出比基本支出里的多多少", "邮电费在项目支出里比在基本支出里多多少",
                                      "说到邮电费，项目支出里的比基本支出里的多多少"])  # the thing in a clause before both sides
def test_a_side_naming_only_where_takes_the_other_sides_thing(culture, question):
    assert culture.ask(question).value == Decimal("5.70")  # 8.00 (表7) − 2.30 (表6)


def test_names_joined_by_plus(culture):
    answer = culture.ask("全民健身活动经费加上旅游宣传推广经费再加非遗专项，一共多少")
    assert answer.value == Decimal("103.00"), answer.answer  # 38.00 + 45.00 + 20.00


@pytest.fixture(scope="module")
def health(tmp_path_factory):
    text, truth = generate(341, department="云川市雁屏县卫生健康局")
    store = OxigraphStore(tmp_path_factory.mktemp("health"))
    replace_documents([("health.txt", text.encode())], store)
    return QAService(store), truth


def test_an_office_by_its_shortened_name(health):
    service, _ = health
    answer = service.ask("疾控股平时管哪些事")
    assert answer.answered and "疾病预防控制股" in answer.answer and "免疫" in answer.answer, answer.answer


def test_an_office_no_document_has_is_refused(health):
    answer = health[0].ask("宣传股负责什么")
    assert not answer.answered and "宣传股" in answer.answer, answer.answer  # never the list of all offices


def test_one_word_of_its_own_and_its_kind_name_a_project(health):
    service, truth = health
    renting = next(p for p in truth.projects if "租车" in p.name)
    assert service.ask("租车那个项目花了多少钱").value == renting.amounts[0]


@pytest.fixture(scope="module")
def land(tmp_path_factory):
    text, _ = generate(342, department="金禾市桐溪区自然资源局")
    store = OxigraphStore(tmp_path_factory.mktemp("land"))
    replace_documents([("land.txt", text.encode())], store)
    return QAService(store)


@pytest.mark.parametrize("question", [
    "不动产登记中心的办公设备购置经费，按绩效目标服务要覆盖几个村（社区）",
    "不动产登记中心的办公设备购置经费要覆盖镇街和村居，其中村（社区）是多少个？",  # the thing counted named before its count
    "不动产登记中心的办公设备购置经费，服务覆盖的村（社区）有几个",
])
def test_a_count_its_target_text_states(land, question):
    answer = land.ask(question)
    assert answer.value == 28, answer.answer


def test_a_ranking_names_what_it_found(land):
    answer = land.ask("不动产登记中心金额最小的项目名字叫什么")
    assert answer.items == ["不动产登记档案数字化经费"], answer.answer


def test_a_units_part_of_a_figure_is_not_its_whole_budget(land):
    assert not land.ask("三公经费当中，不动产登记中心花了多少").answered


@pytest.mark.parametrize(("question", "value"), [
    ("财政拨款安排的“三公”经费今年多少", "6.00"),
    ("上一年财政拨款安排的三公经费一共多少", "6.70"),  # 6.00 + 减少0.7
])
def test_the_source_of_a_figure_is_not_a_second_figure(culture, question, value):
    answer = culture.ask(question)
    assert answer.value == Decimal(value), answer.answer


@pytest.mark.parametrize("question", [
    "社会保障和就业、卫生健康、住房保障三类支出合计多少",
    "表1里社会保障和就业、卫生健康、住房保障这三类支出合计是多少",
])
def test_a_count_before_a_total_word_sums_the_things_named(culture, question):
    """「三类支出合计」 after three names is their sum (68.42 + 20.02 + 39.21), not 本年支出合计."""
    answer = culture.ask(question)
    assert answer.value == Decimal("127.65"), answer.answer


@pytest.mark.parametrize(("question", "value"), [
    ("除了超过50万元的项目，其余的项目有几个", "10"),  # 12 projects, two above 50万元 (62.35, 80.00)
    ("除去那几个20万元的项目，剩下的项目有几个", "10"),  # two of exactly 20.00
    ("除去那几个20万元的项目，剩下的项目里金额最少的是哪个", "12.50"),
])
def test_an_amount_left_out_keeps_the_members_outside_it(culture, question, value):
    answer = culture.ask(question)
    assert answer.value == Decimal(value), answer.answer


def test_a_name_filtered_set_is_ranked_within_itself(culture):
    """「名称里带“图书馆”的项目里最多的」: the largest of those projects (40.00 over 20.00), not of all."""
    answer = culture.ask("名称里带“图书馆”的项目里金额最高的是哪个")
    assert answer.items == ["图书馆文献资源购置经费"] and answer.value == Decimal("40.00"), answer.answer
    second = culture.ask("名称里带“图书馆”的项目里金额第二高的是哪个")
    assert second.items == ["图书馆免费开放补助资金"], second.answer


def test_a_figure_filtered_by_amount_is_split_to_its_finest_parts(culture):
    """三公经费's 公务用车购置及运行维护费 (4.50) is 购置费 0 + 运行维护费 4.50: 「哪些是0」 finds the
    purchase at nought, which the part above it hides."""
    answer = culture.ask("三公经费里哪些是0")
    assert answer.items == ["因公出国（境）费", "公务用车购置费"], answer.answer


def test_a_unit_named_before_a_project_scopes_it(land):
    """「不动产登记中心的宣传工作经费」 is that unit's project (500), not an operand of its own: the
    unit's totals differ between 表11 and 表12, which asked back before."""
    answer = land.ask("不动产登记中心的宣传工作经费比不动产登记中心的办公设备购置经费多多少")
    assert answer.value == Decimal("231.80"), answer.answer  # 500 − 268.20


def test_a_fund_named_by_contrast_is_not_the_one_asked(land):
    """「不是财政拨款的其他资金」: 财政拨款 (337.10) describes 其他资金 (37.36) by contrast."""
    answer = land.ask("不动产登记中心基本支出里有一块不是财政拨款的“其他资金”，具体是多少")
    assert answer.value == Decimal("37.36"), answer.answer
    assert land.ask("不动产登记中心基本支出里的财政拨款合计是多少").value == Decimal("337.10")


def test_a_counted_part_of_names_filters_the_projects(culture):
    """「两个免费开放项目」: 免费开放 is in exactly two projects' names (20.00 + 25.00)."""
    answer = culture.ask("两个免费开放项目合计多少")
    assert answer.value == Decimal("45.00"), answer.answer
    assert culture.ask("两个免费开放的加起来是多少").value == Decimal("45.00")  # no 项目 said: the sum word ends the part
    assert culture.ask("图书馆那两个项目加起来一共多少").value == Decimal("60.00")  # a unit's projects counted: no part of names
    listed = culture.ask("两个免费开放项目是哪两个")
    assert listed.items == ["图书馆免费开放补助资金", "文化馆免费开放及群众文化活动经费"], listed.answer


def test_a_class_called_a_unit_is_no_unit(culture):
    answer = culture.ask("群众文化这个单位自己的基本支出是多少")
    assert not answer.answered and "群众文化" in answer.answer, answer.answer


def test_an_average_over_a_funds_projects_checks_their_stated_count(culture):
    """「一般公共预算安排的11个项目，平均每个」: the projects' average (341.93 ÷ 11), not the fund's
    whole budget divided by the count; a count the document does not bear out is refused."""
    assert culture.ask("一般公共预算安排的11个项目，平均每个项目多少万元").value == Decimal("31.08")
    assert not culture.ask("一般公共预算安排的12个项目，平均每个项目多少万元").answered


@pytest.mark.parametrize(("question", "items"), [
    ("项目支出的经济科目里，金额超过10万不到30万的有哪几个", ["专用材料费", "其他商品和服务支出", "专用设备购置"]),  # 表7, not projects
    ("哪些项目刚好安排了20万元", ["非物质文化遗产保护专项经费", "图书馆免费开放补助资金"]),
    ("两个所属事业单位里，基本支出最多的是哪一家", ["清远市清城区图书馆"]),
])
def test_sets_named_in_other_words(culture, question, items):
    assert culture.ask(question).items == items


def test_a_class_in_the_total_is_taken_from_the_table_of_every_fund(culture):
    """706.08 (表3, every fund) ÷ 913.73, not a refusal over 表5's 一般公共预算 figure."""
    assert culture.ask("文化旅游体育与传媒支出在总支出里占多大比例").value == Decimal("77.27")


def test_which_aspect_asks_the_projects_text(culture):
    answer = culture.ask("全民健身活动经费要落实哪方面的计划")
    assert answer.value is None and "全民健身实施计划" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "strict"), [
    ("项目预算在{a}万以上、{b}万以下的（不含两头）有几个？", True),
    ("金额{a}万以上{b}万以下的项目有几个", False),
    ("项目金额超过{a}万但是不到{b}万的有几个？", True),
    ("{a}万以上、{b}万以下的项目（两头都含）有几个", False),
])
def test_a_range_of_two_one_sided_bounds(legal, question, strict):
    """Two bounds each said on its own side (A以上、B以下), joined by 但是 or a pause, and a mark for
    both ends: both bounds are kept, never only the last."""
    service, truth = legal
    amounts = sorted({p.amounts[0] for p in truth.projects})
    a, b = amounts[1], amounts[-2]
    inside = [p for p in truth.projects if (a < p.amounts[0] < b if strict else a <= p.amounts[0] <= b)]
    answer = service.ask(question.format(a=a, b=b))
    assert answer.value == len(inside), answer.answer

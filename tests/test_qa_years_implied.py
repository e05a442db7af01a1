"""What a question over two loaded years of one department means when it leaves something unsaid,
phrasings of our own on generated documents (tools.synth; expected figures from their truth): a change
asked with no year is the latest year over the one before."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest


def _total(truth, column: int) -> Decimal:
    return next(r for r in truth.table(3).rows if r.kind == "total").amounts[column]


def _rate(a: Decimal, b: Decimal) -> Decimal:
    return (abs(b - a) / a * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("question", ["基本支出的增幅是多少？", "基本支出变化了百分之几", "请问基本支出的变化率是多少？"])
def test_a_change_asked_with_no_year_is_the_latest_over_the_one_before(years, question):
    service, earlier, later = years
    answer = service.ask(question)
    assert answer.value == _rate(_total(earlier, 1), _total(later, 1)), answer.answer


def test_a_difference_asked_with_no_year_is_the_latest_over_the_one_before(years):
    service, earlier, later = years
    a, b = _total(earlier, 2), _total(later, 2)  # 项目支出
    word = "增加" if b > a else "减少"
    answer = service.ask(f"项目支出{word}了多少万元？")
    assert answer.value == abs(b - a), answer.answer


def test_two_things_compared_with_no_year_are_no_change_over_the_years(years):
    """「项目支出比基本支出多了多少」 compares within a year: which year is still asked, never the change."""
    service, earlier, later = years
    answer = service.ask("项目支出比基本支出多了多少？")
    changes = {abs(_total(later, k) - _total(earlier, k)) for k in (1, 2)}
    assert answer.value not in changes, answer.answer


SEED = 560312  # a natural resources bureau: a subordinate unit with four projects, two of them 500万元


@pytest.fixture(scope="module")
def lands(tmp_path_factory):
    from conftest import synth_service

    return synth_service(tmp_path_factory.mktemp("lands"), SEED, None)


def _projects(truth) -> list:
    return [p for p in truth.projects if p.amounts[0] > 0]


def test_an_amount_before_those_projects_chooses_them(lands):
    """「500万元的那几个项目合计」: the projects of that amount, not every project."""
    service, truth = lands
    amount = Decimal(500)
    chosen = [p for p in truth.projects if p.amounts[0] == amount]
    assert len(chosen) >= 2
    for question in ("500万元的那几个项目合计是多少？", "500万那几个项目一共多少钱"):
        answer = service.ask(question)
        assert answer.value == amount * len(chosen), answer.answer


def test_words_of_a_projects_own_name_asked_apart_are_not_given(lands):
    """「X一共多少，其中A和B各分多少」 with A and B words of X's own name: the document gives X whole."""
    service, truth = lands
    project = max(_projects(truth), key=lambda p: len(p.name))
    a, b = project.name[:2], project.name[2:4]
    for question in (f"{project.name}里{a}和{b}分别是多少？", f"{project.name}一共多少，其中{a}和{b}各分多少？"):
        answer = service.ask(question)
        assert not answer.answered, (question, answer.answer)


def test_a_noun_no_document_holds_is_not_answered_by_a_projects_text(lands):
    """「X是哪家运营商提供的」: X's text chosen by another word (提供) does not name the company."""
    service, truth = lands
    project, verb = next((p, v) for p in _projects(truth) for v in ("提供", "开展", "实施", "推进", "完成", "保障") if v in p.purpose)  # a word its text says
    answer = service.ask(f"{project.name}是哪家运营商{verb}的？")
    assert not answer.answered, answer.answer
    assert service.ask(f"{project.name}主要用于做什么？").answered


def test_a_body_named_by_a_projects_words_is_not_loaded(lands):
    """「劳动人事争议仲裁院在哪」 beside the project 劳动人事争议仲裁经费: a body, not that project."""
    service, truth = lands
    project = next(p for p in _projects(truth) if p.name.endswith("经费") and len(p.name) >= 7)
    body = project.name[:-2] + "院"
    answer = service.ask(f"{body}在什么地方？")
    assert not answer.answered, answer.answer
    assert "没有" in answer.answer and body in answer.answer, answer.answer


def _figure(truth, label: str):
    return next(f for f in truth.figures if f.label == label)


def test_a_question_opened_by_a_verb_of_asking_sets_the_context_aside(lands):
    """「看到…分货物、工程、服务三类，货物和工程我已经找到了，想请问服务类…是多少」: 想请问 opens the question."""
    service, truth = lands
    answer = service.ask("看到说明里提到政府采购分货物、工程、服务三类，货物和工程我已经找到了，想请问服务类采购预算是多少？")
    assert answer.value == _figure(truth, "服务类采购预算").value, answer.answer


def test_a_claim_checked_then_a_figure_asked_gives_that_figure(lands):
    """「有人说X翻了好几倍，是真的吗？说明里写的X比上年增长了百分之多少？」: the rate is the value."""
    service, truth = lands
    three = _figure(truth, "“三公”经费")
    answer = service.ask("网上有人说这个局的三公经费翻了好几倍，是真的吗？说明里写的三公经费比上年增长了百分之多少？")
    assert answer.value == three.rate and answer.unit == "%", answer.answer


def test_what_the_asker_writes_about_is_no_topic_of_the_set(years):
    """「我在写一篇关于压缩开支的稿子。两年都有的项目里哪个减少得最多」: all the projects of both years."""
    service, earlier, later = years
    old = {p.name: p.amounts[0] for p in earlier.projects}
    new = {p.name: p.amounts[0] for p in later.projects}
    falls = {n: old[n] - new[n] for n in old.keys() & new.keys()}
    top = max(falls, key=falls.get)
    answer = service.ask("我在写一篇关于压缩开支的稿子，想找一个典型例子。两年都有的同名项目里，按金额算哪个减少得最多？")
    assert top in answer.answer, answer.answer


def test_a_thing_restated_before_its_sum_word_is_added_once(lands):
    """「…也就是人员和公用经费那块——X局今年的基本支出一共是多少」: 基本支出 said three ways is one figure."""
    service, truth = lands
    basic = next(r for r in truth.table(3).rows if r.kind == "total").amounts[1]
    answer = service.ask(f"想先弄清楚这个局日常运转要花多少钱，也就是人员和公用经费那块——{truth.department}今年的基本支出一共是多少？")
    assert answer.value == basic, answer.answer


def test_two_classes_joined_by_jiashang_are_summed(lands):
    """「A加上B是多少」: 加上 adds, as 加起来 does."""
    service, truth = lands
    a, b = (next(r for r in truth.table(6).rows if r.label == label) for label in ("工资福利支出", "商品和服务支出"))
    answer = service.ask("基本支出里工资福利支出加上商品和服务支出是多少？")
    assert answer.value == a.amounts[0] + b.amounts[0], answer.answer


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """A generated archives bureau: its name 档案馆 is a class's name too (2012604)."""
    from conftest import synth_service

    return synth_service(tmp_path_factory.mktemp("archives"), 3, "云川市棠溪区档案馆")


def test_a_bodys_total_budget_is_the_whole_though_a_class_bears_its_name(archives):
    service, truth = archives
    whole = next(r for r in truth.table(1).rows if r.label == "收入总计").amounts[0]
    answer = service.ask("档案馆总预算是多少？")
    assert answer.value == whole, answer.answer


def _income_total(truth) -> Decimal:
    return next(r for r in truth.table(1).rows if r.label == "收入总计").amounts[0]


def test_the_budget_of_the_one_department_loaded_compared_across_years(years):
    """「2025年预算是2024年的几倍」 with one department loaded: its whole budget."""
    service, earlier, later = years
    ratio = (_income_total(later) / _income_total(earlier)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask("2025年预算是2024年的几倍？")
    assert answer.value == ratio, answer.answer



def test_a_code_written_for_its_pointer_never_runs_into_the_years_after_it(years):
    """「编码2012604。这个科目25年比24年增加了多少」: 2012604 and 25年 stay apart."""
    service, earlier, later = years
    old = {r.code: r for r in earlier.table(2).rows if r.code and len(r.code) == 7}
    row = next(r for r in later.table(2).rows if r.code in old and r.amounts[0] != old[r.code].amounts[0])
    a, b = old[row.code].amounts[0], row.amounts[0]
    answer = service.ask(f"我注意到功能分类里有个“{row.label}”科目，编码{row.code}。这个科目25年比24年{'增加' if b > a else '减少'}了多少？")
    assert answer.value == abs(b - a), answer.answer


def test_a_unit_picked_out_of_the_units_counted_is_the_one_asked(market):
    """「三个单位里，X的项目支出是多少」: X's, not the three summed."""
    service, truth = market
    unit = truth.subordinate_units[0]
    plain = service.ask(f"{unit}的项目支出是多少？")
    assert plain.answered and plain.value is not None, plain.answer
    for question in (f"三个单位里，{unit}的项目支出是多少？", f"三家单位中只有{unit}的项目支出是多少？"):
        answer = service.ask(question)
        assert answer.value == plain.value, (question, answer.answer)


def test_things_told_before_a_one_thing_ask_are_not_asked(lands):
    """「看说明里政府采购好像全是服务类的，我有点好奇，那货物类采购预算是多少呢」: the goods only."""
    service, truth = lands
    answer = service.ask("看说明里政府采购好像主要是服务类的，我有点好奇，那货物类采购预算是多少呢？")
    assert answer.value == _figure(truth, "货物类采购预算").value, answer.answer
    both = service.ask("政府采购和货物类采购预算分别是多少？")
    assert _figure(truth, "政府采购").value is not None and "政府采购" in both.answer and both.value is None, both.answer


def test_a_pointer_before_a_name_of_the_things_kind_means_that_name(lands):
    """「…除了财政拨款，还有一小笔别的来源。表里这笔其他资金是多少」: 这笔 is 其他资金's, not 财政拨款."""
    service, truth = lands
    other = next(r for r in truth.table(1).rows if r.label == "其他资金")
    answer = service.ask("看到收入里除了财政拨款，还有一小笔别的来源，挺好奇的。表里这笔“其他资金”是多少？")
    assert answer.value == other.amounts[0], answer.answer


def test_shares_of_two_years_pooled_are_one_share_of_the_sums(years):
    """「把两年放在一起算，项目支出合计占两年支出总额的比重」: (p1 + p2) ÷ (t1 + t2), never two shares added."""
    service, earlier, later = years
    part = _total(earlier, 2) + _total(later, 2)
    whole = _total(earlier, 0) + _total(later, 0)
    answer = service.ask("把两年放在一起算，项目支出合计占两年支出总额的比重是多少？")
    assert answer.value == (part / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_an_item_a_statement_says_is_new_asked_its_figure(years):
    """「2024年的表里没有X（code）这一科目，2025年新列了。2025年安排了多少」: X's figure, not the set of new items."""
    service, earlier, later = years
    old = {r.code for r in earlier.table(2).rows if r.code}
    row = next(r for r in later.table(2).rows if r.code and len(r.code) == 7 and r.code not in old and r.amounts[0] > 0)
    answer = service.ask(f"2024年的表里没有{row.label}（{row.code}）这一科目，2025年新列了。2025年安排了多少？")
    assert answer.value == row.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["局里和{unit}的项目是分开列的，我只要局本级的，项目支出合计多少？",
                                      "本级和{unit}的情况好像相反，本级的项目支出是多少？"])
def test_the_bureau_itself_asked_after_units_named(market, question):
    """「局和X的项目是分开列的，我只要局本级的…」「本级和X的情况好像相反，本级的…」: the bureau's own, not all units."""
    service, truth = market
    own = service.ask("本级的项目支出是多少？")
    answer = service.ask(question.format(unit=truth.subordinate_units[0]))
    assert own.value is not None and answer.value == own.value, answer.answer


def test_a_thing_said_inside_the_measure_asked_is_not_what_it_points_at(market):
    """「X是局下属的事业单位，人员经费应该都在基本支出里。请问它的基本支出」: 它 is X."""
    service, truth = market
    unit = truth.subordinate_units[0]
    plain = service.ask(f"{unit}的基本支出是多少？")
    answer = service.ask(f"{unit}是局下属的事业单位，人员经费应该都在基本支出里。请问它的基本支出是多少？")
    assert plain.value is not None and answer.value == plain.value, answer.answer


def test_which_firm_or_where_a_text_does_not_say_is_refused(lands):
    service, truth = lands
    project = _projects(truth)[0]
    firm = service.ask(f"{project.name}说是委托第三方做的，想问下这个第三方具体是哪家单位？")
    assert not firm.answered, firm.answer
    rooms = _figure(truth, "房屋")
    place = service.ask(f"房屋面积{rooms.value:.0f}平方米，这些房子在哪个位置？")
    assert not place.answered, place.answer


@pytest.fixture(scope="module")
def planning(tmp_path_factory):
    """A generated development and reform bureau with a unit, whose project names hold 编制 (规划编制经费)."""
    from conftest import synth_service

    return synth_service(tmp_path_factory.mktemp("planning"), 55851, "澜溪市竹湾县发展和改革局", 2025)


def test_a_count_of_a_thing_no_set_is_not_a_count_of_projects(planning):
    """「X有几个编制」: a staff quota the documents do not give (编制 is a word of project names), never the number of projects."""
    service, truth = planning
    assert any("编制" in p.name for p in truth.projects)
    answer = service.ask(f"{truth.subordinate_units[0]}有几个编制？")
    assert not answer.answered, answer.answer
    assert service.ask("一共有几个项目？").value == len(truth.projects)


def test_a_measure_said_to_include_which_projects_lists_them(lands):
    """「项目支出包括哪些项目」: the projects, not the glossary entry of 项目支出."""
    service, truth = lands
    answer = service.ask("今年项目支出包括哪些项目？")
    assert answer.answered and all(p.name in answer.answer for p in truth.projects[:3]), answer.answer
    assert "指" in service.ask("项目支出包括哪些？").answer


def test_the_askers_own_words_in_a_clause_that_tells_are_context(years):
    """「审计那边想核一下网络安全方面的投入，X两年合计安排了多少」「手头没有…，…」「听老师说…」: words no document
    knows, in a clause before the ask that tells and names no thing, or naming who said it, are ignored."""
    service, earlier, later = years
    a, b = _total(earlier, 2), _total(later, 2)
    for question in ("审计那边想核一下网络安全方面的投入，项目支出两年合计安排了多少？",
                     "手头没有纸质的预算文件，只好看网上的，项目支出两年合计安排了多少？",
                     "听老师说项目钱不少。项目支出两年合计安排了多少？"):
        answer = service.ask(question)
        assert answer.value == a + b, (question, answer.answer)
    scoped = service.ask("公厕那块，项目支出是多少？")
    assert not scoped.answered, scoped.answer


def test_a_quoted_word_of_the_askers_before_the_question_names_nothing(years):
    """「都说统计局越来越像个“项目局”。项目支出占支出合计的比重，2025年比2024年提高了多少个百分点」."""
    service, earlier, later = years

    def share(truth) -> Decimal:
        return _total(truth, 2) / _total(truth, 0) * 100

    points = (share(later) - share(earlier)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask("都说统计局越来越像个“项目局”。项目支出占支出合计的比重，2025年比2024年变化了多少个百分点？")
    assert answer.value == points, answer.answer


def test_it_or_no_subject_opening_a_share_is_the_thing_the_story_names(lands):
    """「X两千多万，感觉占了项目支出的绝大部分。它占项目支出的比例到底是多少」「…。准确说占全部项目支出的几成」."""
    service, truth = lands
    project = max(truth.projects, key=lambda p: p.amounts[0])
    whole = _total(truth, 2)
    share = (project.amounts[0] / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask(f"{project.name}金额不小，感觉占了项目支出的一大块。它占项目支出的比例到底是多少？")
    assert answer.value == share, answer.answer


def test_a_restriction_told_before_the_ask_keeps_its_units(market):
    """「不算局本级。X和Y的基本支出加起来」: a restriction told before the ask stays (a guard)."""
    service, truth = market
    u1, u2 = truth.subordinate_units[:2]
    each = [service.ask(f"{u}的基本支出是多少？").value for u in (u1, u2)]
    both = service.ask(f"想看看下属单位的日常运转，不算局本级。{u1}和{u2}的基本支出加起来多少？")
    assert both.value == sum(each), both.answer


def test_two_years_written_as_one_before_both_have(years):
    """「2024和2025两年都有安排的项目是哪几个」: the projects of both years."""
    service, earlier, later = years
    both = {p.name for p in earlier.projects} & {p.name for p in later.projects}
    answer = service.ask("2024和2025两年都有安排的项目是哪几个？")
    assert both and all(n in answer.answer for n in both), answer.answer


def test_counts_over_the_projects_of_two_years(years):
    """「两年表12里的项目加在一起一共多少个」「有几个在2025年还能找到同名的」「有几个比2024年同名项目的预算少」."""
    service, earlier, later = years
    old = {p.name: p.amounts[0] for p in earlier.projects}
    new = {p.name: p.amounts[0] for p in later.projects}
    assert service.ask("两年表12里的项目加在一起一共多少个？").value == len(old) + len(new)
    assert service.ask("2024年表12里的项目，有几个在2025年还能找到同名的？").value == len(old.keys() & new.keys())
    fewer = service.ask("2025年的项目里，有几个比2024年同名项目的预算少？")
    assert fewer.value == sum(new[n] < old[n] for n in old.keys() & new.keys()), fewer.answer


@pytest.fixture(scope="module")
def families(tmp_path_factory):
    """A generated market supervision bureau whose projects come in families of one name (X, X补助资金, X（第二批）)."""
    from conftest import synth_service

    return synth_service(tmp_path_factory.mktemp("families"), 3904, None)


def test_the_two_projects_of_one_name_counted_and_summed(families):
    """「有两个“X”，一个带补助资金一个不带，加起来多少钱」: the two of that name, not one of them."""
    service, truth = families
    names = [p.name for p in truth.projects]
    base, other = next((n, m.replace(n, "")) for n in names for m in names if sum(n in x for x in names) == 2 and n != m and n in m
                       and re.fullmatch(r"[\u4e00-\u9fff]{8,}", n) and re.fullmatch(r"[\u4e00-\u9fff]+", m.replace(n, "")))
    pair = [p for p in truth.projects if base in p.name]
    short = base[2:]  # said shorter, as people do
    answer = service.ask(f"有两个“{short}”，一个带{other}一个不带，加起来多少钱？")
    assert answer.value == sum(p.amounts[0] for p in pair), answer.answer


def test_a_name_filter_on_classification_items_is_no_filter_on_projects(lands):
    """「名称里带“医疗”的项级科目有哪些」: classes, never 「名称含“医疗”的项目共0个」."""
    service, truth = lands
    labels = [r.label for r in truth.table(2).rows if r.code and len(r.code) == 7]
    word = next(w for w in ("医疗", "运行", "保险", "事务") if any(w in label for label in labels))
    answer = service.ask(f"名称里带“{word}”的项级科目（7位编码的）有哪些")
    assert not answer.answered or (answer.items and all(word in i for i in answer.items)), answer.answer


def test_a_year_the_context_names_is_one_of_the_two_compared(years):
    """「我看2024年说明里房屋是N平方米，2025年变了，房屋面积增加了多少平方米」: 2025 over 2024, not 2025's own change."""
    service, earlier, later = years
    a, b = (_figure(t, "房屋").value for t in (earlier, later))
    answer = service.ask(f"我看2024年说明里房屋是{a:.0f}平方米，2025年又变了，房屋面积{'增加' if b >= a else '减少'}了多少平方米？")
    assert answer.value == abs(b - a), answer.answer


def test_what_a_figure_includes_said_with_baokuo_asks_no_list(lands):
    """「包括其他资金在内，X局基本支出一共多少」: 基本支出 of every fund, not the list of its classes."""
    service, truth = lands
    answer = service.ask(f"包括其他资金在内，{truth.department}基本支出一共多少？")
    assert answer.value == _total(truth, 1), answer.answer


def test_only_a_share_of_the_other_year_is_a_proportion(years):
    """「2025年的项目支出只有2024年的百分之几」: b ÷ a, not the rate of change."""
    service, earlier, later = years
    a, b = _total(earlier, 2), _total(later, 2)
    answer = service.ask("2025年的项目支出只有2024年的百分之几？")
    assert answer.value == (b / a * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


@pytest.fixture(scope="module")
def shrinking(tmp_path_factory):
    """A generated education bureau whose budget shrank from 2024 to 2025 (tools.synth seed 55802)."""
    from conftest import synth_years_service

    return synth_years_service(tmp_path_factory.mktemp("shrinking"), 55802, "金禾市望垣县教育局")


def test_each_years_smallest_project(shrinking):
    """「两年里各自金额最小的项目分别是哪个」: each year's own smallest, not the smallest of both."""
    service, earlier, later = shrinking
    answer = service.ask("两年里各自金额最小的项目分别是哪个？")
    for truth in (earlier, later):
        low = min(p.amounts[0] for p in truth.projects)
        assert any(p.name in answer.answer for p in truth.projects if p.amounts[0] == low), answer.answer


def test_rose_or_fell_asks_no_direction(shrinking):
    """「是涨了还是跌了？差额多少」: the size of the change, whichever way."""
    service, earlier, later = shrinking
    a, b = _total(earlier, 1), _total(later, 1)
    answer = service.ask("看两年的预算，基本支出是涨了还是跌了？差额多少？")
    assert answer.value == abs(b - a), answer.answer


def test_a_measures_change_of_its_own_years_after_a_story(shrinking):
    """「项目钱多了，人员经费反而少了。基本支出2025年比2024年减少了多少」: 基本支出, not the story's 人员经费."""
    service, earlier, later = shrinking
    a, b = _total(earlier, 1), _total(later, 1)
    answer = service.ask(f"项目钱多了，人员经费反而少了。基本支出2025年比2024年{'增加' if b > a else '减少'}了多少万元？")
    assert answer.value == abs(b - a), answer.answer


def test_the_name_without_a_prefix_said_in_brackets(families):
    """「X（不带芦湾区前缀的）是多少」: the X whose name lacks the prefix."""
    service, truth = families
    names = {p.name: p for p in truth.projects}
    base, prefix = next((n, m[:m.index(n)]) for n in names for m in names if m != n and m.endswith(n) and sum(n in x for x in names) == 2)
    answer = service.ask(f"{base}（不带{prefix}前缀的）是多少？")
    assert answer.value == names[base].amounts[0], answer.answer
    prefixed = service.ask(f"{base}（带{prefix}前缀的）是多少？")
    assert prefixed.value == names[prefix + base].amounts[0], prefixed.answer


def test_a_thing_asked_in_an_opening_that_asks_stays(lands):
    """「想了解一下X局的房屋面积，国有资产情况里写的是多少平方米」: 想了解 asks; 国有资产情况里 says where (a guard)."""
    service, truth = lands
    answer = service.ask(f"想了解一下{truth.department}占用的房屋面积，国有资产情况里写的是多少平方米？")
    assert answer.value == _figure(truth, "房屋").value, answer.answer


def test_a_yes_no_of_its_own_after_a_stated_figure_is_no_amount(years):
    """「两年的X都是N万，是不是同一家律所承接的」: a yes or no the figures do not give."""
    service, earlier, later = years
    both = {p.name for p in earlier.projects} & {p.name for p in later.projects}
    name = sorted(both)[0]
    amount = next(p.amounts[0] for p in later.projects if p.name == name)
    answer = service.ask(f"两年的{name}都是{amount:.2f}万，是不是同一家律所承接的？")
    assert not answer.answered, answer.answer


def test_the_narrower_class_named_under_another_is_the_one_split(lands):
    """「X类下面的Y款，具体分哪几项科目」: Y's items, not X's 款."""
    service, truth = lands
    rows = [r for r in truth.table(2).rows if r.code]
    kuan = next(r for r in rows if len(r.code) == 5 and sum(x.code.startswith(r.code) and len(x.code) == 7 for x in rows) >= 2)
    lei = next(r for r in rows if r.code == kuan.code[:3])
    items = [x.label for x in rows if x.code.startswith(kuan.code) and len(x.code) == 7]
    answer = service.ask(f"{lei.label}下面的{kuan.label}款，具体分哪几项科目？")
    assert all(i in answer.answer for i in items), answer.answer


def test_the_bureau_itself_named_in_the_context_scopes_the_rest(market):
    """「我想算一下局本级（不含X）今年总共能花多少钱，基本支出和项目支出加在一起是多少」: the bureau's own sum."""
    service, truth = market
    own = service.ask("本级的基本支出加项目支出是多少？")
    answer = service.ask(f"我想算一下{truth.department}本级（不含{truth.subordinate_units[0]}）今年总共能花多少钱，基本支出和项目支出加在一起是多少？")
    assert own.value is not None and answer.value == own.value, answer.answer


def test_a_project_named_in_part_before_a_pointer_is_kept(lands):
    """「X要靠基层人员，培训很关键。这个项目的绩效目标是什么」: X by part of its name is what 这个项目 means."""
    service, truth = lands
    goal = next(g for g in truth.goals if len(g.project) >= 9)
    answer = service.ask(f"{goal.project[:-2]}要靠基层调查员，培训很关键。这个项目的绩效目标是什么？")
    assert answer.answered and goal.project in answer.answer, answer.answer


def test_a_year_written_before_a_name_is_its_own_when_one_name_begins_with_it(families):
    """「“2025年X”这一项安排了多少」 beside X, X mistyped: the name that begins with the year."""
    service, truth = families
    names = {p.name: p for p in truth.projects}
    prefixed = next(m for m in names if re.match(r"\d{4}年(?!度)", m) and m[5:] in names and sum(m[5:] in x for x in names) == 2)
    typo = prefixed[:-4] + "至" + prefixed[-3:]  # one character mistyped, as in 河湖长至工作经费
    answer = service.ask(f"预算里“{typo}”这一项到底安排了多少万元？")
    assert answer.value == names[prefixed].amounts[0], answer.answer
    dated = next(m for m in names if m.startswith("2025年度") and m[6:] in names)
    plain = service.ask(f"2025年{dated[6:]}（不是“2025年度”开头那个）是多少？")
    assert plain.value == names[dated[6:]].amounts[0], plain.answer  # 2025年 is no prefix of 2025年度X (a guard)


def test_tongbi_and_one_year_set_against_are_the_two_years(shrinking):
    """「基本支出同比下降了百分之几」「项目支出比2024年少了多少」: 2025 over 2024."""
    service, earlier, later = shrinking
    a, b = _total(earlier, 1), _total(later, 1)
    assert service.ask("基本支出同比下降了百分之几？").value == _rate(a, b)
    c, d = _total(earlier, 2), _total(later, 2)
    answer = service.ask("项目支出比2024年少了多少？")
    assert answer.value == abs(d - c), answer.answer


def test_which_one_of_a_years_projects_is_gone_the_next(years):
    """「2024年的项目里，哪个到2025年连名字相近的项目都没有了」: the set of dropped projects."""
    service, earlier, later = years
    new = [p.name for p in later.projects]
    gone = [p.name for p in earlier.projects if not any(p.name in n or n in p.name for n in new)]
    answer = service.ask("2024年的项目里，哪个到2025年连名字相近的项目都没有了？")
    assert answer.answered and all(g in answer.answer for g in gone), answer.answer


def test_an_a_not_a_ask_before_the_precise_one_names_nothing(shrinking):
    """「人员经费涨得多不多？工资福利支出2025年比2024年增长了百分之几」: 多不多 is no unknown thing."""
    service, earlier, later = shrinking
    a, b = (next(r for r in t.table(6).rows if r.label == "工资福利支出").amounts[0] for t in (earlier, later))
    answer = service.ask(f"人员经费涨得多不多？工资福利支出2025年比2024年{'增长' if b > a else '下降'}了百分之几？")
    assert answer.value == _rate(a, b), answer.answer

"""Changes across two loaded years said in everyday ways, and words around them that ask nothing —
phrasings of our own on a generated statistics bureau in 2024 and 2025 (tools.synth; expected figures
from their truth)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import project_amount


def _total(truth, column: int) -> Decimal:
    return next(r for r in truth.table(3).rows if r.kind == "total").amounts[column]


def _fell(earlier, later):
    """A class of table 5 in both years, named once in each, whose amount fell: (label, 2024, 2025)."""
    def rows(truth):
        found = [r for r in truth.table(5).rows if r.code and len(r.code) == 7]
        return {r.label: r.amounts[0] for r in found if sum(x.label == r.label for x in found) == 1}
    old, new = rows(earlier), rows(later)
    return next((k, old[k], v) for k, v in new.items() if k in old and v < old[k])


@pytest.mark.parametrize("word", ["压缩", "缩减", "削减"])
def test_a_fall_said_as_squeezed_is_the_change_over_the_years(years, word):
    """「X压缩了多少万元」: the fall from 2024 to 2025, not the two years' figures side by side."""
    service, earlier, later = years
    label, a, b = _fell(earlier, later)
    answer = service.ask(f"{label}{word}了多少万元？")
    assert answer.value == a - b, answer.answer


def test_a_change_of_one_named_year_is_over_the_loaded_year_before(years):
    """「2025年项目支出多了多少」: 2025 over 2024, not 2025's figure."""
    service, earlier, later = years
    a, b = _total(earlier, 2), _total(later, 2)
    answer = service.ask(f"2025年项目支出{'多' if b > a else '少'}了多少？")
    assert answer.value == abs(b - a), answer.answer


def test_the_base_year_said_sets_it_against_the_year_after(years):
    """「降幅多大？按2024年为基数算」: 2025 over 2024."""
    service, earlier, later = years
    a, b = _total(earlier, 2), _total(later, 2)
    rate = (abs(b - a) / a * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask(f"项目支出{'增幅' if b > a else '降幅'}多大？按2024年为基数算")
    assert answer.value == rate, answer.answer


def test_those_projects_with_words_of_their_own_point_nowhere_back(years):
    """「我想看看新项目撑起了多少增量：2025年新冒出来的那些项目，合计是多少钱」: 那些 says which, the story asks nothing."""
    service, earlier, later = years
    old = {p.name for p in earlier.projects}
    new = sum(p.amounts[0] for p in later.projects if p.name not in old)
    answer = service.ask("我想看看新项目撑起了多少增量：2025年新冒出来的那些项目（2024年没有的），合计是多少钱？")
    assert answer.value == new, answer.answer


def test_a_sibling_left_out_by_a_quoted_part_of_its_name(years):
    """「X（不含后面加了“专项经费”的那个）增加了多少」: the quote names what is left out, found in no answer."""
    service, earlier, later = years
    name = "12345政务服务便民热线工单办理经费"
    a, b = project_amount(earlier, name), project_amount(later, name)
    answer = service.ask(f"{name}（不含后面加了“专项经费”的那个）{'增加' if b > a else '减少'}了多少？")
    assert answer.value == abs(b - a), answer.answer


def test_the_document_before_its_part_is_no_set_of_cited_documents(years):
    """「文件第三部分列了两个重点项目的绩效目标，这两个重点项目的预算加起来多少」: 文件 is the document."""
    service, _, later = years
    answer = service.ask("2025年文件第三部分列了两个重点项目的绩效目标，这两个重点项目的预算加起来多少？")
    assert answer.value == sum(project_amount(later, g.project) for g in later.goals), answer.answer


def test_a_glossary_word_asked_after_a_change_seen_is_its_entry(years):
    """「新闻里看到“三公”经费被压减，一直没搞清楚是哪三公，文件里是怎么解释的」: the entry, not the change's reason."""
    service, _, _ = years
    answer = service.ask("经常在新闻里看到“三公”经费被压减，但一直没搞清楚到底是哪三公，2025年文件里是怎么解释的？")
    assert "公务接待费" in answer.answer and "因公出国" in answer.answer, answer.answer


def _ranked(truth, k: int) -> list:
    """The projects of the k-th largest amount (k = 0 the largest)."""
    amounts = sorted({p.amounts[0] for p in truth.projects}, reverse=True)
    return [p for p in truth.projects if p.amounts[0] == amounts[k]]


def test_a_project_chosen_by_its_rank_in_one_year_is_looked_up_in_the_other(years):
    """「2024年金额最大的那个项目，到2025年安排了多少」: that project's 2025 amount, matched by name."""
    service, earlier, later = years
    top = _ranked(earlier, 0)
    assert len(top) == 1
    answer = service.ask("2024年金额最大的那个项目，到2025年安排了多少？")
    assert answer.value == project_amount(later, top[0].name), answer.answer


def test_a_rank_held_by_two_projects_or_missing_in_the_other_year_is_refused(years):
    """Two projects share 2024's second amount; 2025's largest is new: neither gives a figure."""
    service, earlier, later = years
    assert len(_ranked(earlier, 1)) == 2
    assert not service.ask("2024年排第二的那个项目，2025年是多少？").answered
    assert _ranked(later, 0)[0].name not in {p.name for p in earlier.projects}
    assert not service.ask("2025年最大的项目，2024年安排了多少钱？").answered


def test_an_amount_after_from_or_to_is_no_year(years):
    """「从2000万降到一百多万」: 2000 is an amount, not a year that is not loaded."""
    service, earlier, later = years
    top = _ranked(earlier, 0)[0]
    a, b = top.amounts[0], project_amount(later, top.name)
    answer = service.ask(f"{top.name}从{a:.0f}万降到{b:.0f}万左右，下降了多少？")
    assert answer.value == a - b, answer.answer


def test_a_story_clause_before_two_years_tops_compared_asks_nothing(years):
    """「两年的头号项目不是同一个，2024年最大的项目比2025年最大的项目多多少」: each year's largest compared."""
    service, earlier, later = years
    a, b = _ranked(earlier, 0)[0].amounts[0], _ranked(later, 0)[0].amounts[0]
    answer = service.ask(f"两年的头号项目不是同一个，2024年最大的项目比2025年最大的项目{'多' if a > b else '少'}多少？")
    assert answer.value == abs(a - b), answer.answer


def test_a_set_set_up_in_a_clause_before_a_comparison_of_the_years_stays(years):
    """「两年都有的项目里，哪些是2025年比2024年钱多了的」: the set of the first clause, filtered (a guard: the
    comparison's clause read alone lost the set on the way)."""
    service, earlier, later = years
    old = {p.name: p.amounts[0] for p in earlier.projects}
    grew = {p.name for p in later.projects if p.name in old and p.amounts[0] > old[p.name]}
    answer = service.ask("两年都有的项目里，哪些是2025年比2024年钱多了的？")
    assert set(answer.items) == grew, answer.answer


def _average(truth) -> Decimal:
    return (sum(p.amounts[0] for p in truth.projects) / len(truth.projects)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_an_average_per_project_compared_across_the_years(years):
    """「平均每个项目的金额，2025年比2024年少了多少」: each year's average per project, then their difference —
    平均 here is per project, not over the two years."""
    service, earlier, later = years
    a, b = _average(earlier), _average(later)
    answer = service.ask(f"项目数量变了不少。平均每个项目的金额，2025年比2024年{'多' if b > a else '少'}了多少？")
    assert answer.value == abs(b - a), answer.answer


@pytest.mark.parametrize("question", ["2025年“一窗受理、集成服务”便民服务站点专线租用费（不含二期）是多少？",
                                      "2025年“一窗受理、集成服务”便民服务站点专线租用费是多少？二期那个不算",
                                      "“一窗受理、集成服务”便民服务站点专线租用费（不是后来那个二期）2025年安排了多少？"])
def test_a_sibling_left_out_by_its_qualifier_is_never_the_one_asked(years, question):
    """「X（不含二期）」「二期那个不算」, X said without its region: the family's member without the mark."""
    service, _, later = years
    answer = service.ask(question)
    assert answer.value == project_amount(later, "松汀区“一窗受理、集成服务”便民服务站点专线租用费"), answer.answer


def test_a_projects_change_over_last_year_is_computed_from_the_year_before_loaded(years):
    """「X比上一年多了多少」 of a project: no document states a project's change; the 2024 document is loaded."""
    service, earlier, later = years
    name = "办公楼物业管理服务费"
    a, b = project_amount(earlier, name), project_amount(later, name)
    answer = service.ask(f"{name}比上一年{'多' if b > a else '少'}了多少？")
    assert answer.value == abs(b - a), answer.answer


@pytest.mark.parametrize("opening", ["与上年相比，", "跟去年比，", "和上一年比较起来，"])
def test_last_year_set_against_first_is_the_documents_own_change(resources, opening):
    """「与上年相比，收入预算变化了多少」: the document's own 比上年 change."""
    service, truth = resources
    figure = truth.figure("收入预算")
    answer = service.ask(f"{opening}2025年收入预算{'多' if figure.change > 0 else '少'}了多少？")
    assert answer.value is not None and abs(answer.value) == abs(figure.change), answer.answer


def test_each_years_largest_kuan_of_an_economic_classification(years):
    """「项目支出按经济分类，两年里金额最大的款分别是什么」: classes (款) of table 7 in each year, not projects."""
    service, earlier, later = years

    def top(truth) -> str:
        return max((r for r in truth.table(7).rows if r.code and len(r.code) == 5), key=lambda r: r.amounts[0]).label

    answer = service.ask("项目支出按经济分类，两年里金额最大的款分别是什么？")
    assert set(answer.items) == {top(earlier), top(later)}, answer.answer


def test_a_total_said_in_brackets_after_a_measure_is_its_column_not_a_sum_of_years(years):
    """「基本支出（总计）2025年比2024年增加了多少」: the change of the total column, not the two years added."""
    service, earlier, later = years
    a, b = _total(earlier, 1), _total(later, 1)
    answer = service.ask(f"我想看整体的变化：基本支出（总计）2025年比2024年{'增加' if b > a else '减少'}了多少？")
    assert answer.value == abs(b - a), answer.answer

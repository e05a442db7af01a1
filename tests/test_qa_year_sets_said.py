"""Sets across two loaded years said in everyday ways (issue 10 §6), phrasings of our own on a generated
statistics bureau in 2024 and 2025 (tools.synth seed 3905; expected members and figures from the truth):
projects continued (延续下来, 还保留着) with no year named, the largest fall said as 压缩的金额, projects
lower than the year before (比2024年少的), projects gone (已经看不到, 消失, 2024年之后被取消), the union of the
two years (两年一共出现过哪些), and classes new in an expenditure (基本支出里新出现的科目: its economic classes)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest


def _projects(truth) -> dict[str, object]:
    return {p.name: p.amounts[0] for p in truth.projects}


def _both(years):
    _, earlier, later = years
    old, new = _projects(earlier), _projects(later)
    return {k: (old[k], new[k]) for k in new if k in old}


@pytest.mark.parametrize("question", ["延续下来的项目有几个？", "到2025年还保留着的项目有几个？", "2024年的项目里，还保留着的有几个"])
def test_projects_continued_are_those_of_both_years(years, question):
    service = years[0]
    answer = service.ask(question)
    assert answer.value == len(_both(years)), answer.answer


@pytest.mark.parametrize("question", ["两年都有的项目中，哪个压缩的金额最大？", "延续下来的项目里，哪个减少的金额最多", "两年都有的项目里哪个下降的额度最大"])
def test_the_largest_fall_said_in_other_words(years, question):
    service = years[0]
    both = _both(years)
    name = min(both, key=lambda k: both[k][1] - both[k][0])
    answer = service.ask(question)
    assert answer.value == both[name][0] - both[name][1] and name in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "lower"), [("麻烦列一下2025年金额比2024年少的项目", True), ("2025年预算比2024年高的项目有哪些", False)])
def test_projects_lower_or_higher_than_the_year_before(years, question, lower):
    service = years[0]
    both = _both(years)
    expected = [k for k, (a, b) in both.items() if (b < a if lower else b > a)]
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(expected), answer.answer


@pytest.mark.parametrize("question", ["2024年有、2025年已经看不到的项目是哪几个？", "2024年有而2025年消失的项目有哪些？",
                                      "2024年之后被取消的项目有哪些？"])
def test_projects_gone_said_in_other_words(years, question):
    service, earlier, later = years
    expected = [k for k in _projects(earlier) if k not in _projects(later)]
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(expected), answer.answer


def test_projects_gone_after_a_year_summed_in_that_year(years):
    service, earlier, later = years
    new = _projects(later)
    expected = sum(v for k, v in _projects(earlier).items() if k not in new)
    answer = service.ask("2024年之后被取消的那几个项目，在2024年合计是多少钱？")
    assert answer.value == expected, answer.answer


def test_the_projects_of_either_year(years):
    service, earlier, later = years
    expected = list(dict.fromkeys([*_projects(earlier), *_projects(later)]))
    answer = service.ask("两年一共出现过哪些项目？")
    assert sorted(answer.items) == sorted(expected), answer.answer


def test_classes_new_in_the_basic_expenditure_are_its_economic_classes(years):
    service, earlier, later = years
    def labels(truth):
        return {r.label for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.amounts[0] != 0}  # 款, the level of 科目
    expected = labels(later) - labels(earlier)
    answer = service.ask("2025年基本支出里新出现了哪些2024年没有的科目")
    assert set(answer.items) == expected, answer.answer
    assert "经济科目" in answer.answer


@pytest.mark.parametrize("question", ["2024年取消了哪些项目？", "2024年新增了哪些项目"])
def test_a_set_against_a_year_not_loaded_is_refused_not_the_whole_list(years, question):
    """「2024年取消了哪些项目」 with 2023 not loaded: refused, never 2024's whole list."""
    answer = years[0].ask(question)
    assert not answer.items and "2023" in answer.answer, answer.answer


def test_a_new_set_as_a_share_of_its_years_projects(years):
    service, earlier, later = years
    old, new = _projects(earlier), _projects(later)
    part = sum(v for k, v in new.items() if k not in old)
    share = (part / sum(new.values()) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask("2025年新增的项目合计占当年项目支出的比例是多少？")
    assert answer.value == share, answer.answer


def test_classes_that_grew_said_with_a_word_before_kemu(years):
    service, earlier, later = years
    def rows(truth):
        return {r.label: r.amounts[0] for r in truth.table(7).rows if r.code and len(r.code) == 5}
    old, new = rows(earlier), rows(later)
    expected = [k for k in new if k in old and new[k] > old[k]]
    answer = service.ask("项目支出按经济分类，哪些明细科目2025年比2024年反而增加了？")
    assert sorted(answer.items) == sorted(expected), answer.answer


def test_years_written_digit_by_digit_without_nian(years):
    service, earlier, later = years
    def three(truth):
        return next(f.value for f in truth.figures if f.label == "“三公”经费")
    answer = service.ask("二〇二四、二〇二五两年的三公经费加起来一共多少？")
    assert answer.value == three(earlier) + three(later), answer.answer

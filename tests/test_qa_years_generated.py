"""Two years of a generated department with a subordinate unit (tools.synth, seed 3503), phrasings of
our own (issue 10 §3, §6): each year's largest projects with ties named together; members of both
years ranked by their rate of fall; members one year has that the other lacks, asked as 「哪些…没有了」
or 「X年的…中，哪个是Y年没有的」; the unit's own project when the same name is written with the
district before it, a unit set apart with 不是 scoping nothing; the outturn (决算) refused. Expected
figures and names come from the documents' truth."""

from __future__ import annotations

import pytest

from tests.conftest import project_amounts, synth_years_service

DEPARTMENT = "北渚市芦湾区应急管理局"


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    return synth_years_service(tmp_path_factory.mktemp("years"), 3503, DEPARTMENT)


def _tops(truth) -> list[str]:
    best = max(p.amounts[0] for p in truth.projects)
    return [p.name for p in truth.projects if p.amounts[0] == best]


def test_each_years_largest_projects_with_ties(years):
    service, earlier, later = years
    assert len(_tops(later)) > 1  # the document has a tie: both are named
    answer = service.ask("2024年和2025年各自金额最大的项目分别是什么")
    assert answer.items == _tops(earlier) + _tops(later), answer.answer


def test_members_of_both_years_ranked_by_their_rate_of_fall(years):
    service, earlier, later = years
    before = project_amounts(earlier)
    rates = {p.name: (p.amounts[0] - before[p.name]) / before[p.name] for p in later.projects if before.get(p.name)}
    steepest = min(rates, key=rates.get)
    for question in ("两年都有的项目中，按下降比例算降得最厉害的是哪一个", "两年都有的项目里按降幅算哪个降得最多"):
        assert service.ask(question).items == [steepest], question


def test_members_the_later_year_lacks_asked_which(years):
    service, earlier, later = years
    kept = {p.name for p in later.projects}
    dropped = [p.name for p in earlier.projects if p.name not in kept and p.amounts[0] > 2000]
    answer = service.ask("2024年超过2000万元的项目里，哪些在2025年已经没有了？")
    assert sorted(answer.items) == sorted(dropped), answer.answer


def test_classes_one_year_has_and_the_other_lacks(years):
    service, earlier, later = years

    def finest(truth):
        table = truth.table(3)
        return {r.label for r in table.rows if r.code and len(r.code) == 7}
    new = service.ask("2025年的功能科目中，哪个是2024年没有的？")
    assert set(new.items) == finest(later) - finest(earlier), new.answer
    gone = service.ask("2024年的功能科目里哪些是2025年没有的")
    assert set(gone.items) == finest(earlier) - finest(later), gone.answer


def test_the_units_own_project_written_with_the_district(years):
    service, earlier, _ = years
    own = next(p for p in earlier.projects if p.unit == DEPARTMENT and p.name.startswith("芦湾区")
               and any(q.name == p.name.removeprefix("芦湾区") and q.unit != DEPARTMENT for q in earlier.projects))
    short = own.name.removeprefix("芦湾区")
    other = next(q for q in earlier.projects if q.name == short)
    assert service.ask(f"2024年局本级那个{short}安排了多少（不是指挥中心的）？").value == own.amounts[0]
    assert service.ask(f"2024年指挥中心的{short}安排了多少").value == other.amounts[0]


def test_the_outturn_is_not_the_budget(years):
    service, earlier, _ = years
    name = earlier.projects[0].name
    assert service.ask(f"2024年{name}安排了多少").answered
    answer = service.ask(f"2024年{name}实际支出（决算）了多少？")
    assert not answer.answered and "决算" in answer.answer, answer.answer

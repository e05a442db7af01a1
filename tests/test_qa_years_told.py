"""Two loaded years, asked in the asker's words (issue 10): a statement that no new projects are seen
(感觉2025年没有什么新项目。) is the asker's, not a set of projects 2025 lacks; 2025年没有什么新项目吗 asks the
new ones; a target both years set alike (两年都要求几份) is one figure; counts over both years
(两个年度都出现的…几个, 有几个是增加的, 项目个数方面…多了几个) are counts of the sets, not a count said.
Phrasings of our own on generated documents (tools.synth); figures from their truth."""

from __future__ import annotations

import pytest
from conftest import project_amounts, synth_years_service


def _new(earlier, later) -> set[str]:
    return {p.name for p in later.projects} - {p.name for p in earlier.projects}


def test_a_statement_of_no_new_projects_is_the_askers(years):
    service, earlier, later = years
    answer = service.ask("我逐个对了项目名称，感觉2025年没有什么新项目。2025年出现了多少个2024年没有的新项目？")
    assert answer.value == len(_new(earlier, later)), answer.answer


def test_no_new_projects_asked_is_the_new_ones(years):
    service, earlier, later = years
    answer = service.ask("2025年没有什么新项目吗？")
    assert set(answer.items) == _new(earlier, later), answer.answer


@pytest.fixture(scope="module")
def justice_years(tmp_path_factory):
    """A generated justice bureau in 2024 and 2025 whose 业务培训经费 targets 4份 both years (seeds 56302, 56303)."""
    return synth_years_service(tmp_path_factory.mktemp("justice_years"), 56302, "青岚市松汀区司法局", later_seed=56303)


def test_a_target_both_years_set_alike_is_one_figure(justice_years):
    service, earlier, later = justice_years
    said = [{(t.unit, t.value) for t in g.targets} for truth in (earlier, later) for g in truth.goals if g.project == "业务培训经费"]
    assert len(said) == 2 and ("份", 4) in said[0] & said[1]
    answer = service.ask("业务培训经费两年都是重点项目，绩效目标里都提到形成工作报告，要求的是几份？")
    assert answer.value == 4 and "2024年" in answer.answer and "2025年" in answer.answer, answer.answer


def test_counts_over_both_years(years):
    service, earlier, later = years
    before = project_amounts(earlier)
    after = {p.name: p.amounts[0] for p in later.projects}
    both = [n for n in after if n in before]
    assert service.ask("两个年度都出现的项目一共有几个？").value == len(both)
    assert service.ask("两年都有的项目里，有几个是增加的？").value == len([n for n in both if after[n] > before[n]])
    assert service.ask("项目个数方面，2025年比2024年多了几个？").value == len(after) - len(before)

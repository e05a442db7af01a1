"""Members of two years read together (issue 10): ranked by their two years added (两年合计最高的项目), and
every project of one name summed in each year (所有的X) — never one year's change set, never a refusal for
the family. Phrasings of our own on generated departments in 2024 and 2025 (tools.synth seeds 56142, 3905)."""

from __future__ import annotations

from decimal import Decimal

import pytest


def _amounts(truth) -> dict[str, Decimal]:
    return {p.name: p.amounts[0] for p in truth.projects}


@pytest.mark.parametrize("question, largest", [("两年都有的那几个项目里，两年合计金额最高的是哪个？", True),
                                               ("在两个年度都列了的项目当中，哪一个两年加起来最少", False)])
def test_members_of_both_ranked_by_their_sum(emergency_years, question, largest):
    service, earlier, later = emergency_years
    old, new = _amounts(earlier), _amounts(later)
    sums = {k: old[k] + new[k] for k in new if k in old}
    best = (max if largest else min)(sums.values())
    answer = service.ask(question)
    assert answer.value == best, answer.answer
    assert answer.items == [k for k, v in sums.items() if v == best], answer.answer


def test_every_project_of_one_name_summed_each_year(years):
    service, earlier, later = years
    name = "12345政务服务便民热线工单办理经费"
    family = [a for n, a in _amounts(later).items() if name in n]
    expected = _amounts(earlier)[name] + sum(family)
    assert len(family) >= 2
    answer = service.ask(f"{name}2025年拆成了好几笔。把两年所有的{name}都加起来，一共多少？")
    assert answer.value == expected, answer.answer

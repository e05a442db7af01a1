"""Which units' figure rose or fell between two loaded years (issue 10): 「三个预算单位里，哪个单位的基本支出
2025年比2024年是增加的」 names the units with both years' figures (表11 basic, 表12 project) — never the
department's sum across years, which answers no 哪个单位. Phrasings of our own on a generated department
in two years (tools.synth); expected units from each year's truth."""

from __future__ import annotations

import pytest
from conftest import synth_years_service


@pytest.fixture(scope="module")
def city_years(tmp_path_factory):
    """A generated city-management bureau with two units in 2024 and 2025 (seed 3901)."""
    return synth_years_service(tmp_path_factory.mktemp("city_years"), 3901, "青岚市松汀区城市管理和综合执法局")


def _moved(earlier, later, table: int, up: bool) -> list[str]:
    before = {r.label: r.amounts[0] for r in earlier.table(table).rows if r.kind == "unit"}
    after = {r.label: r.amounts[0] for r in later.table(table).rows if r.kind == "unit"}
    return [label for label in after if label in before and (after[label] > before[label] if up else after[label] < before[label])]


@pytest.mark.parametrize(("question", "up"), [
    ("三个预算单位里，哪个单位的基本支出2025年比2024年是增加的？", True),
    ("我猜各单位今年的基本支出应该都压缩了，想确认一下。哪些单位的基本支出2025年比2024年减少了？", False),
    ("三个单位里，哪些单位2025年基本支出比2024年多？", True),
])
def test_the_units_that_moved(city_years, question, up):
    service, earlier, later = city_years
    expected = _moved(earlier, later, 11, up)
    assert expected
    answer = service.ask(question)
    assert answer.items == expected, answer.answer
    assert all(label in answer.answer for label in expected)


def test_project_expenditure_by_unit(city_years):
    service, earlier, later = city_years
    expected = _moved(earlier, later, 12, True)
    assert expected
    answer = service.ask("哪些单位的项目支出2025年比2024年增加了？")
    assert answer.items == expected, answer.answer


def test_the_department_change_is_still_one_figure(city_years):
    service, earlier, later = city_years
    answer = service.ask("2025年基本支出比2024年增加了多少？")
    total = [next(r.amounts[0] for r in truth.table(11).rows if r.kind == "total") for truth in (earlier, later)]
    assert answer.value == total[1] - total[0] and not answer.items, answer.answer

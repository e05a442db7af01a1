"""Years asked as a span (issue 10): 近三年 or 2023—2025年 over a department loaded in 2024 and 2025 is
refused naming 2023, never answered with the two loaded years; 近两年 is both of them. A dash between two
years is a range, not an aside's dash. Phrasings of our own on a generated statistics bureau
(tools.synth seed 3905) in two years."""

from __future__ import annotations

import pytest

from qa.normalize import normalize


@pytest.mark.parametrize("question", ["统计局近三年的项目支出分别是多少？", "2023—2025年的项目支出分别是多少？",
                                      "最近3年基本支出各是多少", "统计局近三年（2023～2025年）的支出总额分别是多少"])
def test_a_year_not_loaded_is_refused(years, question):
    service, _, _ = years
    answer = service.ask(question)
    assert not answer.answered and "2023" in answer.answer, answer.answer


def test_the_two_recent_years_are_both_loaded(years):
    service, earlier, later = years
    answer = service.ask("近两年的项目支出分别是多少？")
    figures = [sum(p.amounts[0] for p in t.projects) for t in (earlier, later)]
    assert answer.answered and all(f"{f:.2f}" in answer.answer for f in figures), answer.answer


@pytest.mark.parametrize(("said", "read"), [("2023—2025年", "2023至2025年"), ("2024-2025两年", "2024至2025两年"),
                                            ("文号2023-12", "文号2023-12")])
def test_a_dash_between_years_is_a_range(said, read):
    assert normalize(said) == read


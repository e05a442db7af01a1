"""Wholes across two years (issue 10): 「按两年收支总表的总额算，增长率」 is 表1's 收入总计 (= 支出总计) of each year;
an instruction on the sign (下降的话给正数) is no unknown word and is followed. Phrasings of
our own on a generated emergency bureau with a unit (tools.synth seed 56142) in two years."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from conftest import truth_row


def _rounded(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


def test_the_total_of_table_one_grows(emergency_years):
    service, earlier, later = emergency_years
    a, b = (truth_row(t, 1, "收入总计").amounts[0] for t in (earlier, later))
    answer = service.ask("按两年收支总表的总额算，增长率到底是多少？")
    assert answer.value == _rounded((b - a) / a * 100) and answer.unit == "%", answer.answer


def test_a_sign_instruction_is_heard(emergency_years):
    service, earlier, later = emergency_years
    unit = "鹤川市岚岗县应急救援指挥中心"
    shares = [truth_row(t, 11, unit).amounts[0] / truth_row(t, 11, "合计").amounts[0] * 100 for t in (earlier, later)]
    answer = service.ask("指挥中心基本支出占部门基本支出的比重，2025年比2024年变了多少个百分点？（下降的话给正数）")
    assert answer.value == _rounded(shares[0] - shares[1]), answer.answer  # a fall positive, so a rise negative

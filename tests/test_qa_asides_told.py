"""Asides and qualifiers said in passing (issue 10 §2, §3), phrasings of our own on generated documents
(tools.synth; expected figures from their truth): 包括其他资金那块 (a column included, no list asked), X（非二期）
(the sibling left out), 下降了多少比例 (a rate), what the asker already knows (我已经知道了), a guess beside a
fact (…小了不少，我猜是X砍了？), a guess whose 什么 asks nothing (我本来以为是新上了什么大工程。), a set of 本级（不含X）
said as 本级's, and a fund restated in brackets (政府性基金（彩票公益金）)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import synth_service


@pytest.fixture(scope="module")
def justice_2025(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("justice"), 56140, "云川市雁屏县司法局", 2025)


@pytest.fixture(scope="module")
def resources_2025(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("resources"), 56141, "青岚市松汀区自然资源局", 2025)


@pytest.mark.parametrize("question", ["事业运行（2040650）总共多少？包括其他资金那块", "事业运行总共多少？算上其他资金在内"])
def test_a_column_included_asks_no_list(justice_2025, question):
    service, truth = justice_2025
    row = next(r for r in truth.table(3).rows if r.code == "2040650")
    answer = service.ask(question)
    assert answer.value == row.amounts[0] and not answer.items, answer.answer


def test_what_the_asker_already_knows_is_no_part_of_the_ask(justice_2025):
    service, truth = justice_2025
    ranked = sorted(truth.projects, key=lambda p: p.amounts[0], reverse=True)
    answer = service.ask(f"最大的那个项目我已经知道了，是{ranked[0].name}。那么项目支出排第二的是哪一项？")
    assert answer.value == ranked[1].amounts[0] and ranked[1].name in answer.answer, answer.answer


def test_a_guess_beside_a_fact_is_not_what_the_question_points_back_at(justice_2025):
    service, _ = justice_2025
    answer = service.ask("2025年司法局的盘子比上一年小了不少，我猜是人员经费砍了？文件里是怎么解释收支下降原因的？")
    assert answer.answered and "原因" in answer.answer, answer.answer


def test_a_guess_whose_shenme_asks_nothing(resources_2025):
    service, _ = resources_2025
    answer = service.ask("今年预算涨了不少，我本来以为是新上了什么大工程。文件给的增长原因是什么？")
    assert answer.answered and "原因" in answer.answer, answer.answer


def test_a_set_of_the_department_itself_with_a_unit_left_out(justice_2025):
    service, truth = justice_2025
    own = [p for p in truth.projects if p.unit == truth.department and "经费" in p.name]
    answer = service.ask(f"司法局本级（不含{truth.subordinate_units[0][-3:]}）名字里带“经费”的项目加起来是多少？")
    assert answer.value == sum(p.amounts[0] for p in own), answer.answer
    assert truth.subordinate_units[0] not in answer.answer


def _rate(a: Decimal, b: Decimal) -> Decimal:
    return (abs(b - a) / a * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_a_rate_asked_as_duoshao_bili(emergency_years):
    service, earlier, later = emergency_years
    def amount(truth):
        return next(p.amounts[0] for p in truth.projects if p.name == "业务培训经费" and p.unit == truth.department)
    a, b = amount(earlier), amount(later)
    answer = service.ask(f"局本级的业务培训经费2025年比2024年{'下降' if b < a else '增长'}了多少比例？")
    assert answer.value == _rate(a, b), answer.answer


def test_a_sibling_left_out_with_fei_in_brackets(emergency_years):
    service, earlier, later = emergency_years
    def amount(truth):
        return next(p.amounts[0] for p in truth.projects if p.name == "安全生产执法检查经费")
    a, b = amount(earlier), amount(later)
    answer = service.ask(f"安全生产执法检查经费（非二期）{'增长' if b > a else '下降'}了百分之几？")
    assert answer.value == _rate(a, b), answer.answer


def test_a_fund_restated_in_brackets_scopes_the_projects(civil_2025):
    service, truth = civil_2025
    funded = [p.name for p in truth.projects if p.fund == "政府性基金预算"]
    assert funded
    for question in ("哪些项目是用政府性基金（彩票公益金）安排的？", "哪些项目是用彩票公益金（政府性基金预算）安排的？"):
        answer = service.ask(question)
        assert sorted(answer.items) == sorted(funded), answer.answer


@pytest.mark.parametrize("question", ["帮我查查二〇二五年政府采购一共安排了多少，我们公司想关注一下县里的采购机会",
                                      "政府采购一共安排了多少？我们是做工程的，想判断一下机会大不大"])
def test_the_asker_on_themself_after_the_ask(urban_2025, question):
    service, truth = urban_2025
    answer = service.ask(question)
    assert answer.value == truth.figure("政府采购").value, answer.answer


def test_the_whole_years_income_is_this_years(urban_2025):
    service, truth = urban_2025
    fund = next(r for r in truth.table(4).rows if r.label.startswith("政府性基金") and r.side == "收入").amounts[0]
    income = truth.figure("收入预算").value
    answer = service.ask("听说城建很依赖土地出让收入。政府性基金预算占全年收入的比例是多少？")
    assert answer.value == (fund / income * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_verbs_particle_opens_no_region(reform_2025):
    service, truth = reform_2025
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"最近在关注相关新闻，顺便翻了下县发改局的预算。{project.name}安排了多少？")
    assert answer.value == project.amounts[0], answer.answer


def test_a_body_after_a_year_not_loaded_is_still_refused(urban_2025):
    service, _ = urban_2025
    answer = service.ask("2025年望垣县卫生健康局的部门预算总额多少")
    assert answer.value is None and "卫生健康局" in answer.answer, answer.answer

"""How a question is shaped decides the figure: 「两年各算一下再相减」 names no direction and
「2024年比2025年低了几个百分点」 says the earlier year is the lower; 「是去年的百分之多少」 asks one
year as a share of the other, not the growth; 「每个镇是多少」「各多少」 ask a figure for each, which a
project's single amount is not; 「拆到A、B各多少」 asks a breakdown of a project the document does not
give. Phrasings of our own on generated documents (tools.synth); expected figures from their truth."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import project_amounts


def _share(truth) -> Decimal:
    total, _, project, *_ = truth.table(3).rows[0].amounts
    return project / total * 100


def _two(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_points_keep_their_sign_whichever_year_is_said_first(years):
    service, earlier, later = years
    change = _share(later) - _share(earlier)
    assert change != 0
    higher, lower = ("2025", "2024") if change > 0 else ("2024", "2025")
    expected = _two(abs(change))
    for question in (f"项目支出在整个部门支出里占的比重，两年各算一下再相减——{higher}年比{lower}年高了几个百分点？",
                     f"项目支出占总支出的比重，{lower}年比{higher}年低了几个百分点？"):
        answer = service.ask(question)
        assert answer.value == expected, (question, answer.answer)


def test_a_share_of_last_year_is_a_proportion_not_a_growth(years):
    service, earlier, later = years
    before, after = (t.table(3).rows[0].amounts[2] for t in (earlier, later))
    answer = service.ask("项目支出今年是去年的百分之多少？")
    assert answer.value == _two(after / before * 100), answer.answer


def test_a_figure_for_each_town_is_not_the_projects_amount(legal):
    service, truth = legal
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"{project.name}那{int(project.amounts[0])}万，分到各个镇（街道）每个镇是多少？")
    assert answer.value is None, answer.answer


def test_a_project_split_into_classes_is_not_answered_with_the_classes_rows(legal):
    service, truth = legal
    project = max(truth.projects, key=lambda p: p.amounts[0])
    classes = [r.label for r in truth.table(7).rows if r.code and len(r.code) == 5 and r.amounts[0] > 0][:2]
    answer = service.ask(f"{project.name}具体拆到{classes[0]}、{classes[1]}各多少？")
    assert answer.value is None and not answer.answered, answer.answer


def test_a_year_said_in_the_askers_context_scopes_the_question(years):
    service, earlier, later = years
    for truth in (earlier, later):
        figure = next(f for f in truth.figures if f.label == "机关运行经费")
        answer = service.ask(f"我看的是{truth.year}年那份，机关运行经费是多少？")
        assert answer.value == figure.value and all(str(truth.year) in s.document for s in answer.sources), answer.answer


def test_a_change_from_the_year_before_is_the_later_documents(years):
    service, _, later = years
    figure = next(f for f in later.figures if f.label == "机关运行经费")
    verb = "压减" if figure.change < 0 else "增加"
    answer = service.ask(f"机关运行经费比上一年{verb}了多少万？")
    assert answer.value == abs(figure.change), answer.answer


@pytest.mark.parametrize("question", ["三公经费{moved}，文件里是怎么解释的？", "三公经费今年{moved}，这个怎么解释？"])
def test_how_a_change_is_explained_asks_its_reason_not_the_words_meaning(legal, question):
    service, truth = legal
    figure = next(f for f in truth.figures if f.label == "“三公”经费")
    moved = "少了一些" if figure.change < 0 else "涨了不少"
    answer = service.ask(question.format(moved=moved))
    meaning = service.ask("三公经费是什么意思？")
    assert "原因" in answer.answer and answer.answer != meaning.answer, answer.answer


@pytest.mark.parametrize(("question", "low", "high"), [("项目里头金额一百多万、但没到两百万的，有哪些？", 100, 200),
                                                      ("金额超过五万但没到二十万的项目有哪些？", 5, 20),
                                                      ("哪些项目高于五万、又不满二十万？", 5, 20)])
def test_a_range_closed_by_everyday_words(legal, question, low, high):
    service, truth = legal
    expected = sorted(p.name for p in truth.projects if low < p.amounts[0] < high)
    assert expected
    assert sorted(service.ask(question).items) == expected


@pytest.mark.parametrize(("question", "fell"), [("两年都有的项目里，除了涨的，哪些是减少了的？", True),
                                               ("两年都有的项目里，除了减少的，哪些是涨了的？", False)])
def test_a_clause_leaving_a_set_out_does_not_pick_the_set(years, question, fell):
    service, earlier, later = years
    before = project_amounts(earlier)
    expected = sorted(p.name for p in later.projects if p.name in before and (p.amounts[0] < before[p.name] if fell else p.amounts[0] > before[p.name]))
    assert expected
    assert sorted(service.ask(question).items) == expected


@pytest.fixture(scope="module")
def civil(tmp_path_factory):
    """A generated civil affairs bureau with a subordinate unit, in 2024 and 2025 (seed 3914)."""
    from conftest import synth_years_service

    return synth_years_service(tmp_path_factory.mktemp("civil"), 3914, "北渚市芦湾区民政局")


def _own_share(truth) -> Decimal:
    own = sum(p.amounts[0] for p in truth.projects if p.unit == truth.department)
    return own / sum(p.amounts[0] for p in truth.projects) * 100


def test_a_share_said_as_its_part_in_the_whole(civil):
    """「本级项目支出在全部项目支出里的份额」: 份额 asks the share, in one year and across the two."""
    service, earlier, later = civil
    answer = service.ask("2025年本级项目支出在全部门项目支出里的份额是多少")
    assert answer.value == _two(_own_share(later)), answer.answer
    answer = service.ask("本级项目支出在全部项目支出里的份额，25年比24年变了多少个百分点")
    assert answer.value == _two(abs(_own_share(later) - _own_share(earlier))), answer.answer


@pytest.mark.parametrize(("question", "plain"), [
    ("基本支出里真正用来养人的钱——工资福利支出那一大类——占基本支出的百分之多少？", "工资福利支出占基本支出的百分之多少？"),
    ("项目支出——也就是项目经费——占总支出的比重是多少？", "项目支出占总支出的比重是多少？")])
def test_a_share_whose_subject_stands_before_a_dash(legal, question, plain):
    """The rest begins with 占: it has no subject of its own, the opening names it."""
    service, _ = legal
    expected = service.ask(plain)
    assert expected.value is not None and expected.unit == "%"
    assert service.ask(question).value == expected.value


@pytest.mark.parametrize(("question", "plain"), [
    ("项目支出按经济科目拆，办公费那一行是多少？注意我问的是项目支出，不是基本支出里那零点几万。", "项目支出里办公费是多少？"),
    ("三公经费今年是多少？比如出国考察、招待客户那些都在里面", "三公经费今年是多少？")])
def test_words_said_beside_the_question_are_not_held_against_it(legal, question, plain):
    """An example (比如…) and a contrast opening a clause (不是…) say what is not asked: their unknown
    words block nothing, and a name in an example is not asked beside the one asked."""
    service, _ = legal
    expected = service.ask(plain)
    assert expected.value is not None
    assert service.ask(question).value == expected.value


def test_last_years_figure_asked_before_what_the_asker_says(legal):
    """「X去年是多少？今年安排的是N万，说明里讲比上年少了一点。」: the question asks last year's figure;
    the change said after it is how to get there, not what is asked."""
    service, truth = legal
    upkeep = next(f for f in truth.figures if f.label == "公务用车运行维护费")
    said = "少" if upkeep.change < 0 else "多"
    answer = service.ask(f"公务用车运行维护费去年是多少？今年安排的是{upkeep.value}万，说明里讲比上年{said}了一点。")
    assert answer.value == upkeep.value - upkeep.change, answer.answer


def test_set_aside_for_now_leaves_out(legal):
    service, truth = legal
    services = next(f for f in truth.figures if f.label == "服务类采购预算")
    answer = service.ask("政府采购那部分，货物和工程先放一边，光是采购服务的预算是多少？")
    assert answer.value == services.value, answer.answer


def test_the_car_purchase_in_everyday_words_is_the_purchase_line(legal):
    service, truth = legal
    purchase = next(f for f in truth.figures if f.label == "公务用车购置费")
    answer = service.ask("今年有没有打算换辆新公车？公车购置这一项到底给了多少钱，还是压根没安排？")
    assert answer.value == purchase.value and "公务用车购置费" in answer.answer, answer.answer


def test_a_code_in_chinese_digits(legal):
    """「功能科目编码二〇四〇六〇二那一项」: a code read digit by digit is the code."""
    service, truth = legal
    row = max((r for r in truth.table(3).rows if r.code and len(r.code) == 7), key=lambda r: r.amounts[0])
    digits = "".join("〇一二三四五六七八九"[int(d)] for d in row.code)
    answer = service.ask(f"功能科目编码{digits}那一项一共安排了多少？")
    assert answer.value == row.amounts[0] and row.label in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["三公经费里面，哪几项今年一分钱都没安排？", "三公經費裡面，哪幾項今年一分錢也沒安排？"])
def test_nothing_arranged_in_everyday_words_is_zero(legal, question):
    service, truth = legal
    expected = sorted(f.label for f in truth.figures if f.section == "二" and f.parent and f.value == 0)
    assert expected
    assert sorted(service.ask(question).items) == expected


def test_a_level_left_out_by_its_codes_in_brackets(legal):
    """「（不算302、310这种大类合计）」: the level left out is the one its codes and 大类 name; the items below are ranked."""
    service, truth = legal
    rows = [r for r in truth.table(7).rows if r.code and len(r.code) == 5]
    top = max(rows, key=lambda r: r.amounts[0])
    answer = service.ask("项目支出按经济科目的明细看（不算302、310这种大类合计），哪一项安排得最多？")
    assert answer.items == [top.label], answer.answer

"""The asker's remarks around a question (issue 10 §5), phrasings of our own: a hedge in brackets, a
sentence after the question saying why the asker wants it or how it may be given, and a premise that
states the change the question asks to undo. A remark that restricts stays and is honoured or
refused. Expected figures come from a generated document's truth (tools.synth seed 3902)."""

from __future__ import annotations

import pytest

from qa.commentary import without_remarks
from tests.conftest import truth_row


@pytest.mark.parametrize(("question", "kept"), [
    ("A和B相差多少？我想看看谁多", "A和B相差多少？"),
    ("A是多少？（我猜主要是B吧）", "A是多少？"),
    ("哪个项目最多？涨多少无所谓，告诉我项目名就行", "哪个项目最多？"),
    ("A上年是多少？今年8.1万说是比上年多了一点", "A上年是多少？"),
    ("A是多少？（不算B）", "A是多少？（不算B）"),  # a restriction stays
    ("A是多少？我只关心财政拨款那部分", "A是多少？我只关心财政拨款那部分"),
    ("A是多少？B又是多少？", "A是多少？B又是多少？"),  # a second ask stays
    ("（我猜是A吧）", "（我猜是A吧）"),  # nothing asking would be left
    ("B里A占了多大比例？（A应该就是C吧）", "B里A占了多大比例？"),  # no ask word: the aside still goes
    ("请列出A的明细（我猜有三项）", "请列出A的明细"),
    ("A是多少？注意不是B那个，是C的那个", "A是多少？"),  # which thing it is not: a remark
    ("A去年是多少？文件只说了今年和增加额", "A去年是多少？"),  # what the document says: a remark
    ("名称带X的项目（不管是本级还是下属单位的）加起来多少", "名称带X的项目加起来多少"),  # either counts
    ("A是多少？（只算本级的）", "A是多少？（只算本级的）"),
    ("我记得A今年是涨了的吧？到底是涨是降，幅度百分之多少", "我记得A今年是涨了的吧？到底是涨是降，幅度百分之多少"),  # the ask goes on from it
    ("A只有七万，感觉不多——可能是我少见多怪——这笔钱干什么用？", "A只有七万，感觉不多——这笔钱干什么用？"),  # an aside between dashes
    ("A这边——注意我只要一般公共预算那部分——是多少", "A这边——注意我只要一般公共预算那部分——是多少"),  # a restriction stays
    ("A是多少？（B都是这么算出来的吧？）", "A是多少？"),  # a guess
    ("A（就是开门过日子那部分钱，不算B）两年差多少", "A（不算B）两年差多少"),  # the restating words go, the restriction stays
    ("A（说白了就是请人干活的钱）有多少？", "A有多少？"),  # a plain restatement
    ("A那类钱（就是卖地收入之类的）有多少？", "A那类钱有多少？"),  # examples
    ("C跟D比，谁的项目支出——不对，我是说基本支出——多？", "C跟D比，谁的基本支出多？"),  # the asker corrects themself
    ("局里有几台车？不对，我是说车辆一共是几辆", "车辆一共是几辆"),
    ("A比B多，不是少，多多少", "A比B多，不是少，多多少"),  # no correction
])
def test_remarks_taken_out_and_restrictions_kept(question, kept):
    assert without_remarks(question) == kept


def _changed(truth):
    return next(f for f in truth.figures if f.change is not None and f.unit == "万元" and f.change)


def test_a_hedge_in_brackets_changes_nothing(legal):
    service, truth = legal
    figure = _changed(truth)
    plain = service.ask(f"{figure.label}是多少？")
    hedged = service.ask(f"{figure.label}是多少？（我猜不会太多吧）")
    assert plain.value == figure.value and hedged.value == figure.value, hedged.answer
    assert hedged.question.endswith("（我猜不会太多吧）")


def test_last_year_asked_after_a_premise_stating_the_change(legal):
    service, truth = legal
    figure = _changed(truth)
    said = "减少" if figure.change < 0 else "增加"
    answer = service.ask(f"文件说今年{figure.label}比上年{said}了{abs(figure.change)}万元，那上年的{figure.label}是多少？")
    assert answer.value == figure.value - figure.change, answer.answer


def test_a_remark_after_a_comparison(legal):
    service, truth = legal
    first, second = sorted(truth.projects, key=lambda p: p.amounts[0], reverse=True)[:2]
    answer = service.ask(f"{first.name}比{second.name}多多少？我想看看两边谁的钱多，有点意外")
    assert answer.value == first.amounts[0] - second.amounts[0], answer.answer


def test_a_story_before_the_question_naming_nothing_is_set_aside(legal):
    service, truth = legal
    table = truth.table(3)
    row = next(r for r in table.rows if r.code and len(r.code) == 7 and sum(q.label == r.label for q in table.rows) == 1)
    answer = service.ask(f"看功能分类表看得头晕，[{row.code}]这个科目今年一共安排多少？")
    assert answer.value == row.amounts[0], answer.answer
    assert not service.ask("公厕那块，项目支出是多少").answered  # a topic pointed at is no story


def test_a_lead_in_up_to_its_colon_is_context_and_not_checked_against_the_answer(legal):
    service, truth = legal
    figure = truth.figure("固定资产")
    answer = service.ask("做资产盘点对比用：截至今年1月底，账上的固定资产金额是多少？")
    assert answer.value == figure.value, answer.answer
    three = truth.figure("“三公”经费")
    answer = service.ask("看到说今年在编人数增加了，所以想核一下：三公经费是多少万？")
    assert answer.value == three.value, answer.answer


def test_a_lead_in_up_to_a_dash_naming_another_figure_is_context(legal):
    service, truth = legal
    part = truth.figure("公务接待费")
    answer = service.ask(f"接着三公那个话题问——{part.label}比上年变了多少？")
    assert answer.value == abs(part.change), answer.answer


def test_a_description_renamed_in_brackets_and_a_part_saying_where(legal):
    service, truth = legal
    rows = {r.label: r.amounts[0] for r in truth.table(6).rows}
    answer = service.ask("平时开门过日子的那部分钱里（也就是基本支出），办公费一年预算多少？")
    assert answer.value == rows["办公费"], answer.answer
    answer = service.ask("基本支出里人员那块，绩效工资（30107）安排了多少万？")
    assert answer.value == rows["绩效工资"], answer.answer


def test_this_inside_after_a_premise_is_the_thing_it_names(legal):
    service, truth = legal
    table = truth.table(3)
    row = next(r for r in table.rows if r.code and len(r.code) == 7 and r.amounts[0] > 100 and r.amounts[1] and sum(q.label == r.label for q in table.rows) == 1)
    answer = service.ask(f"{row.label}（{row.code}）有{int(row.amounts[0])}多万，这里面基本支出占几成？")
    expected = (row.amounts[1] / row.amounts[0] * 100).quantize(__import__("decimal").Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert answer.value == expected, answer.answer


def test_a_premise_naming_the_thing_asked_is_kept(legal):
    service, truth = legal
    project = next(p for p in truth.projects if p.citations and p.citations[0].number and sum(q.name == p.name for q in truth.projects) == 1)
    answer = service.ask(f"{project.name}这{int(project.amounts[0])}万，是依据哪个文件安排的？")
    assert project.citations[0].number.split("〔")[-1] in answer.answer, answer.answer


def test_the_askers_plan_naming_a_figure_is_context(legal):
    service, truth = legal
    cars = truth.figure("车辆")
    answer = service.ask("想写篇关于基层公务用车的稿子，司法局现在有几辆车？")
    assert answer.value == cars.value, answer.answer
    answer = service.ask("看到三公经费表里有出国一栏（县里应该没什么出国任务吧），因公出国（境）费到底安排了多少？")
    assert answer.value == truth.figure("因公出国（境）费").value, answer.answer


def test_an_aside_framing_the_question_at_its_start_is_a_remark(legal):
    service, truth = legal
    figure = truth.figure("拟购置固定资产")
    answer = service.ask("（帮领导准备材料）今年打算新购置多少固定资产？主要买什么先不管，只要金额")
    assert answer.value == figure.value, answer.answer
    assert without_remarks("（不含本级）项目支出多少") == "（不含本级）项目支出多少"  # a restriction opening the question stays


def test_the_thing_named_in_the_askers_opening_is_asked_of(legal):
    """「我想了解一下…那个“X”，基本支出列了多少」: the opening speaks of the asker, but the thing the
    question asks of is named there — it is not set aside with the asker's words."""
    service, truth = legal
    row = next(r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.label.startswith("其他"))
    answer = service.ask(f"我想了解一下日常开支里那个“{row.label}”，基本支出列了多少？")
    assert answer.value == row.amounts[0], answer.answer


def test_a_story_naming_the_only_department_loaded_is_set_aside(legal):
    """「朋友托我帮忙核一下司法局的家底，说实话…，这个局的X是多少」: the story names the one department
    loaded, which scopes nothing; its other words are the asker's."""
    service, truth = legal
    assets = truth.figure("固定资产")
    answer = service.ask("朋友托我帮忙核一下司法局的家底，说实话我对资产口径不太熟，这个局的固定资产金额是多少？")
    assert answer.value == assets.value, answer.answer


def test_a_pointer_inside_a_name_does_not_point_into_the_story(legal):
    """「想问下X那个经费给了多少钱」: 那个经费 is part of how the name is said, not a pointer back into the
    asker's story (材料堆了一桌子——…——)."""
    service, truth = legal
    project = next(p for p in truth.projects if p.name.endswith("经费") and len(p.name) >= 6 and sum(q.name == p.name for q in truth.projects) == 1)
    answer = service.ask(f"我在做一个小专题，材料堆了一桌子——这份预算是刚翻到的——想问下{project.name[:-2]}那个经费给了多少钱？")
    assert answer.value == project.amounts[0], answer.answer


def test_idle_clauses_anywhere_before_the_question_are_the_askers(legal):
    """A clause that asks nothing, states no figure, names nothing loaded and holds words no document
    knows (官网一时半会儿找不到, 感觉有点少) is the asker's wherever it stands; one naming a body that
    is not loaded is not idle — the question about it is refused."""
    service, truth = legal
    project = max(truth.projects, key=lambda p: p.amounts[0])
    for question in (f"{project.name}安排了多少？官网一时半会儿找不到——就想核一下", f"我翻了半天，官网一时半会儿找不到，{project.name}安排了多少？",
                     f"听说{project.name}的钱不少，感觉有点离谱——{project.name}到底安排了多少？"):
        answer = service.ask(question)
        assert answer.value == project.amounts[0], (question, answer.answer)
    assert not service.ask("我记得司法局下面有个海岛巡逻艇管理站，它今年的基本支出是多少？").answered


@pytest.mark.parametrize(("question", "kept"), [
    ("A两年差了多少？只要差额，不用增长率，单位万元", "A两年差了多少？只要差额，单位万元"),
    ("A两年差了多少？增长率就不用了", "A两年差了多少？"),
    ("A比去年多了多少？百分比不要了，只要绝对数", "A比去年多了多少？只要绝对数"),
])
def test_a_kind_of_answer_declined_is_taken_out(question, kept):
    assert without_remarks(question) == kept


def test_a_difference_in_wanyuan_with_the_rate_declined(years):
    """「只要差额，不用增长率，单位万元」: the change in 万元 (单位万元 asks no 元), no rate."""
    service, earlier, later = years
    old, new = (t.figure("支出预算").value for t in (earlier, later))
    answer = service.ask("支出预算总额两年差了多少？只要差额，不用增长率，单位万元")
    assert answer.value == abs(new - old) and answer.unit == "万元", answer.answer


def test_a_hedged_clause_and_an_article_are_no_part_of_the_question(years):
    """「编辑让我核一个说法」 (一个 is no figure) and 「看到…好像砍了一半」 (a hedge naming only the
    department loaded) are the asker's; the question after them is answered."""
    service, earlier, later = years
    old, new = (t.figure("支出预算").value for t in (earlier, later))
    answer = service.ask("编辑让我核一个说法——我觉得有点夸张——支出预算2025年比2024年变化了多少万元？")
    assert answer.value is not None and abs(answer.value) == abs(new - old), answer.answer
    answer = service.ask("看到统计局的支出好像砍了一半，我一个外行也不太懂经济分类——支出预算2025年比2024年变化了多少万元？")
    assert answer.value is not None and abs(answer.value) == abs(new - old), answer.answer


@pytest.mark.parametrize(("question", "kept"), [
    ("A安排了多少？做小视频时想顺便提一下办公条件。", "A安排了多少？"),
    ("A是多少？B我已经记下了，不用再说，只要A这一行。", "A是多少？只要A这一行。"),
    ("A是多少？我听说B是行政单位，是这样吗", "A是多少？我听说B是行政单位，是这样吗"),  # the ask is of the clause before it
    ("A是多少？2025年的。", "A是多少？2025年的。"),  # a year carries
    ("A一共有多大面积？读者老爱问这个", "A一共有多大面积？"),  # 多大 asks
])
def test_clauses_after_the_question_that_carry_nothing_go(question, kept):
    """carries: here, a clause naming A or B or a year carries something."""
    import re

    assert without_remarks(question, lambda c: bool(re.search(r"[AB]|\d", c))) == kept


def test_a_reason_for_asking_after_the_question_blocks_nothing(legal):
    service, truth = legal
    project = max(truth.projects, key=lambda p: p.amounts[0])
    row = truth_row(truth, 6, "办公费")
    for question, value in ((f"{project.name}安排了多少？老读者习惯先看单位养人的钱。", project.amounts[0]),
                            (f"{project.name}安排了多少？做小视频时想顺便提一下办公条件。", project.amounts[0]),
                            ("基本支出里办公费是多少？差旅费我已经记下了，不用再说。", row.amounts[0])):
        answer = service.ask(question)
        assert answer.value == value, answer.answer


def test_a_name_renamed_by_a_description_keeps_the_name():
    """「A（也就是…的钱）」 keeps A; 「…的钱（也就是A）」 is A."""
    def carries(text):
        return "AB" in text

    assert without_remarks("基本支出的AB（也就是日常开门过日子的钱）里哪项最多？", carries) == "基本支出的AB里哪项最多？"
    assert without_remarks("开门过日子的那部分钱（也就是AB）有多少？", carries) == "AB有多少？"

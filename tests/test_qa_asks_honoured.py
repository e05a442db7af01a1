"""Asks honoured or refused as a whole (issue 10 §1, §2), phrasings of our own on generated
documents (tools.synth seeds 3901, 3902): last year's figure asked after a clause stating the change;
它 after a body the document does not hold is not the department; a sum leaves out what 不含 names
and refuses two words read as one figure; a yes/no ask is never answered by a bare amount; an
office found by a topic word jieba does not know (河长制-like words: three characters or more read
one by one); two sentences asking of two figures' reasons are both answered. Expected figures come
from the documents' truth."""

from __future__ import annotations


def test_last_years_figure_after_a_clause_stating_the_change(legal):
    service, truth = legal
    figure = truth.figure("机关运行经费")
    said = "少了" if figure.change < 0 else "多了"
    answer = service.ask(f"机关运行经费今年{int(figure.value)}万多，比上年{said}{abs(figure.change)}万，那上一年安排的是多少？")
    assert answer.value == figure.value - figure.change, answer.answer


def test_it_after_a_body_not_held_is_not_the_department(legal):
    service, _ = legal
    answer = service.ask("我记得桐溪区司法局下面有个小型调解管理所，它今年的基本支出是多少？")
    assert not answer.answered, answer.answer


def test_a_sum_leaves_out_what_is_left_out(legal):
    service, truth = legal
    table = truth.table(3)
    classes = [r for r in table.rows if r.code and len(r.code) == 3 and r.amounts[0]]
    first, rest = classes[0], classes[1:]
    names = "、".join(r.label for r in rest)
    answer = service.ask(f"不含{first.label}的话，其余几类功能支出（{names}）合计是多少？")
    assert answer.value == sum(r.amounts[0] for r in rest), answer.answer


def test_a_yes_no_ask_is_not_answered_by_an_amount(legal):
    service, _ = legal
    answer = service.ask("公务用车购置费里含不含车辆购置税？")
    assert not answer.answered or answer.value is None, answer.answer


def test_two_sentences_asking_two_reasons(legal):
    service, truth = legal
    parts = [f for f in truth.figures if f.parent == "“三公”经费" and f.change][:2]
    answer = service.ask(f"我有两个疑问：{parts[0].label}为什么变了？{parts[1].label}为啥又有变化？")
    assert answer.answer.count("主要原因是") == 2, answer.answer


def test_a_word_jieba_does_not_know_is_one_topic_noun():
    from qa.segment import unknown_nouns

    assert unknown_nouns("河长制那摊事是哪个股在管") == ["河长制"]
    assert unknown_nouns("三公经费是多少") == []


def test_a_set_named_before_its_listed_members_is_no_operand(legal):
    service, truth = legal
    rows = {r.label: r.amounts[0] for r in truth.table(6).rows}
    answer = service.ask("基本支出里各种工资性支出（基本工资、津贴补贴、奖金）合计多少？")
    assert answer.value == rows["基本工资"] + rows["津贴补贴"] + rows["奖金"], answer.answer


def test_a_listed_item_found_nowhere_is_never_dropped_from_a_sum(legal):
    service, _ = legal
    answer = service.ask("基本支出里各种社保缴费（养老、职业年金缴费、其他社会保障缴费）合计多少？")
    assert not answer.answered and "养老" in answer.answer, answer.answer


def test_an_aside_is_never_parted_from_what_it_is_said_of(legal):
    service, truth = legal
    three = truth.figure("“三公”经费")
    answer = service.ask(f"我看到三公经费变了（{three.value}万元，上年是另一个数），文件给的理由是啥？")
    assert "三公" in answer.answer and "主要原因是" in answer.answer, answer.answer


def test_the_whole_before_its_listed_parts_is_no_operand_and_codes_name_classes(legal):
    service, truth = legal
    rows = {r.label: r.amounts[0] for r in truth.table(6).rows}
    answer = service.ask("工资福利支出中基本工资、津贴补贴、奖金、绩效工资四项合计是多少")
    assert answer.value == rows["基本工资"] + rows["津贴补贴"] + rows["奖金"] + rows["绩效工资"], answer.answer
    classes = {r.code: r.amounts[0] for r in truth.table(3).rows if r.code}
    answer = service.ask("养老（208）、医疗（210）、住房保障（221）三类合计多少？")
    assert answer.value == classes["208"] + classes["210"] + classes["221"], answer.answer


def test_a_list_asked_with_an_amount_as_its_filter(legal):
    service, truth = legal
    amounts = [p.amounts[0] for p in truth.projects]
    value = next(a for a in amounts if amounts.count(a) >= 2)
    answer = service.ask(f"帮我列一下金额正好是{value}万元的项目")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.amounts[0] == value), answer.answer


def test_which_ones_in_a_counting_word_asks_names(legal):
    service, truth = legal
    word = next(w for w in ("经费", "服务", "费") if 1 < sum(w in p.name for p in truth.projects) < len(truth.projects))
    answer = service.ask(f"项目名称里带“{word}”字样的都有哪几条？帮我列一下名字")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if word in p.name), answer.answer

"""Ordinary ways of asking, phrasings of our own on a generated document (tools.synth; expected figures
from its truth): a hedged sentence naming the thing a question then points back at (「…看到有个X，金额好像
不小。麻烦告诉我它是多少」) keeps the thing; 一个 as an article in the asker's story states no count;
a measure before names joined by 加 holds for each of them (项目支出里A加B)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import synth_service, synth_years_service, truth_row


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A generated statistics bureau in 2024 and 2025 whose 2025 project text targets 新增或改造 (seed 3917)."""
    return synth_years_service(tmp_path_factory.mktemp("built"), 3917, "青岚市松汀区统计局")


@pytest.fixture(scope="module")
def schools(tmp_path_factory):
    """A generated education bureau (seed 548501) whose classes 学前教育, 小学教育 … share 教育."""
    return synth_service(tmp_path_factory.mktemp("schools"), 548501, "鹤川市映山区教育局")


@pytest.fixture(scope="module")
def veterans(tmp_path_factory):
    """A generated veterans' affairs bureau (seed 3924): people call it 事务局."""
    return synth_service(tmp_path_factory.mktemp("veterans"), 3924, "青岚市鹿鸣县退役军人事务局")


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """A generated archives department (seed 3931) whose class 档案馆 is also its own short name."""
    return synth_service(tmp_path_factory.mktemp("archives"), 3931, "云川市棠溪区档案馆")


def _continued(truth):
    """The resources bureau's project beside its 续建 (卫片执法图斑核查经费（续建）)."""
    return next(p for p in truth.projects if p.name.endswith("（续建）"))


def _economic(truth, number: int) -> dict[str, object]:
    return {r.label: r.amounts[0] for r in truth.table(number).rows if r.kind == "item"}


@pytest.mark.parametrize("question", [
    "翻表12的时候看到有个{name}，金额好像不小。麻烦告诉我它具体是多少万元？",  # a hedged sentence names what 它 points at
    "我记得有个{name}，数目似乎挺大。能说下它安排了多少钱吗？",
    "我在梳理各区县部门的开支结构，注意到{name}数额挺大，想核实一下这个项目到底安排了多少？",  # a pointer after a name the question says
    "我们做专题时看到{name}，觉得不少，这笔钱具体是多少万元？",
    "我对这笔钱的来历有点好奇。先问个数：{name}是多少万元？",  # asking for a number asks no count
])
def test_the_thing_named_in_everyday_words_is_asked(resources, question):
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(question.format(name=project.name))
    assert answer.value == project.amounts[0], answer.answer


@pytest.mark.parametrize("question", [
    "编辑让我找一个值得深挖的项目，先从钱最多的看起。表12里哪个项目金额最大？",
    "领导交代一个任务，要我盯住花钱最多的。项目支出表里最大的是哪个项目？",
])
def test_an_article_in_the_askers_story_states_no_count(resources, question):
    service, truth = resources
    top = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(question)
    assert answer.items == [top.name], answer.answer


@pytest.mark.parametrize(("measure", "number"), [("项目支出", 7), ("基本支出", 6)])
def test_a_measure_before_names_joined_by_jia_holds_for_each(resources, measure, number):
    service, truth = resources
    basic, project = _economic(truth, 6), _economic(truth, 7)
    both = [k for k in project if k in basic and basic[k] != project[k] and k.endswith("费")][:2]
    assert len(both) == 2
    amounts = _economic(truth, number)
    answer = service.ask(f"{measure}里{both[0]}加{both[1]}一共是多少？")
    assert answer.value == amounts[both[0]] + amounts[both[1]], answer.answer


@pytest.mark.parametrize("question", [
    "您好，我在汇总各地同类部门的公开数据。{dept}的项目支出是多少？",
    "我们在做跨区县比较的专栏，需要{dept}的项目支出总额，请问是多少？",
    "你好，我们正在整理下辖各区的预算资料，想问一下{dept}项目支出一共多少？",
])
def test_the_askers_context_after_a_greeting_or_before_the_intro_is_set_aside(resources, question):
    service, truth = resources
    answer = service.ask(question.format(dept=truth.department))
    assert answer.value == sum(p.amounts[0] for p in truth.projects), answer.answer


@pytest.mark.parametrize("question", [
    "最近不少网友在议论机关单位的“三公”经费。{dept}今年的“三公”经费总额是多少？",
    "三公经费这些年一直是舆论焦点；{dept}的“三公”经费一共安排了多少？",
])
def test_a_story_sentence_naming_only_what_the_question_names_is_set_aside(resources, question):
    service, truth = resources
    answer = service.ask(question.format(dept=truth.department))
    assert answer.value == truth.figure("“三公”经费").value, answer.answer


def test_a_story_sentence_naming_the_thing_the_question_points_at(resources):
    service, truth = resources
    goal = truth.goals[0]
    days = next(t for t in goal.targets if t.unit == "天")
    answer = service.ask(f"{goal.project}一直很受群众关注。这个项目的绩效目标里，问题整改时限是几天？")
    assert answer.value == days.value, answer.answer


@pytest.mark.parametrize("question", [
    "去年那份文件我手上没有。按今年说明里的增减，能推出上一年的收入预算是多少吗？",
    "前些日子有读者问这个局的盘子有多大。能算出上年的收入预算吗？是多少？",
])
def test_a_story_without_names_is_set_aside(resources, question):
    service, truth = resources
    income = truth.figure("收入预算")
    answer = service.ask(question)
    assert answer.value == income.value - income.change, answer.answer


@pytest.mark.parametrize("question", [
    "我在看云川市财政局的预算。项目支出是多少？",
    "我们只关心一般公共预算。项目支出是多少？",
    "去年的情况我了解过了。2023年的项目支出是多少？",
])
def test_a_story_that_scopes_or_restricts_is_kept(resources, question):
    service, truth = resources
    answer = service.ask(question)
    assert answer.value != sum(p.amounts[0] for p in truth.projects), answer.answer


def _cited(truth):
    return next(p for p in truth.projects if p.citations and p.citations[0].number
                and sum(q.amounts[0] == p.amounts[0] for q in truth.projects) == 1)


@pytest.mark.parametrize("question", [
    "{name}（{amount}万元）是依据什么文件安排的？",
    "那个{amount}万元的{name}，是依据哪个文件安排的？",
    "{name}这笔{amount}万元，政策依据是哪份文件？",
])
def test_an_amount_said_of_a_project_asks_no_amount_of_its_citation(resources, question):
    service, truth = resources
    project = _cited(truth)
    answer = service.ask(question.format(name=project.name, amount=f"{project.amounts[0]:f}"))
    assert answer.answered and project.citations[0].number.split("〔")[-1] in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["{name}安排了多少万元，依据什么文件？", "{name}依据哪个文件，安排了多少钱？"])
def test_an_amount_and_a_citation_asked_in_two_clauses_are_both_answered(resources, question):
    service, truth = resources
    project = _cited(truth)
    answer = service.ask(question.format(name=project.name))
    assert answer.value == project.amounts[0] and project.citations[0].number.split("〔")[-1] in answer.answer, answer.answer


def _new_and_dropped(earlier, later):
    before, after = {p.name: p for p in earlier.projects}, {p.name: p for p in later.projects}
    return [after[n] for n in after if n not in before], [before[n] for n in before if n not in after]


@pytest.mark.parametrize("question", [
    "对照两年的表12，2025年有哪些项目是2024年表里没有的？",
    "我逐个核对了两年的项目表。2025年的项目里，哪些在2024年的表里找不到？",
    "2024年没有、2025年才有的项目是哪些？",
])
def test_the_year_said_before_the_negation_lacks_the_projects(years, question):
    service, earlier, later = years
    new, dropped = _new_and_dropped(earlier, later)
    assert new and dropped
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(p.name for p in new), answer.answer


@pytest.mark.parametrize("question", [
    "2024年有、但2025年表里已经不再出现的项目中，金额最大的是哪个？",
    "2024年安排了、2025年没再安排的项目里，钱最多的是哪一个？",
])
def test_the_top_of_the_dropped_projects_said_after_them(years, question):
    service, earlier, later = years
    _, dropped = _new_and_dropped(earlier, later)
    top = max(dropped, key=lambda p: p.amounts[0])
    answer = service.ask(question)
    assert answer.items == [top.name], answer.answer


@pytest.mark.parametrize("question", ["基层站所标准化专项资金安排了多少？", "乡镇机构规范化建设经费是多少万元？", "网格员队伍信息化专项整治经费有多少？"])
def test_another_noun_before_the_end_of_a_name_is_no_project(resources, question):
    service, _ = resources
    answer = service.ask(question)
    assert not answer.answered, answer.answer


@pytest.mark.parametrize(("question", "number"), [
    ("按功能分类，哪一类支出最多？", 5),
    ("一般公共预算基本支出按经济分类，哪一类最多？", 6),
    ("按功能分类的科目里，哪类花钱最少？", 5),
])
def test_which_class_of_a_classification_is_its_top_level(resources, question, number):
    service, truth = resources
    classes = [r for r in truth.table(number).rows if r.code and len(r.code) == 3]
    pick = min if "少" in question else max
    answer = service.ask(question)
    assert answer.items == [pick(classes, key=lambda r: r.amounts[0]).label], answer.answer


def _class_in_both_funds(truth):
    """A functional 项 whose general-budget figure (表5) differs from its whole (表3)."""
    general = {r.code: r for r in truth.table(5).rows if r.code and len(r.code) == 7}
    return next(r for r in truth.table(3).rows if r.code in general and general[r.code].amounts[0] != r.amounts[0]), general


@pytest.mark.parametrize("question", [
    "{label}这一项一般公共预算安排了多少钱？",
    "我在写一篇相关的稿子，看到预算里有{label}（科目{code}）这一项。想问一下这一项一般公共预算安排了多少？",
])
def test_a_fund_after_a_pointer_at_a_thing_is_that_things_column(sanitation, question):
    service, truth = sanitation
    row, general = _class_in_both_funds(truth)
    answer = service.ask(question.format(label=row.label, code=row.code))
    assert answer.value == general[row.code].amounts[0], answer.answer


@pytest.mark.parametrize("question", [
    "按表11的总计口径，{unit}的基本支出2025年比2024年增加了多少？",
    "{unit}基本支出（全口径）2025年比2024年多了多少？",
])
def test_a_basis_said_in_passing_asks_no_sum_across_years(years, question):
    service, earlier, later = years
    def basic(truth):
        return {r.unit: r.amounts[0] for r in truth.table(11).rows if r.kind == "unit"}
    before, after = basic(earlier), basic(later)
    unit = next(u for u in after if u in before and after[u] != before[u])
    answer = service.ask(question.format(unit=unit))
    assert answer.value == after[unit] - before[unit], answer.answer


@pytest.mark.parametrize("question", [
    "2025年{name}的绩效目标里，要新增或改造多少处设施？",
    "{name}今年计划新增或改造几处设施？",
])
def test_new_before_a_count_asked_is_a_target_not_a_set_of_new_projects(built, question):
    service, _, later = built
    project = next(p for p in later.projects if "新增或改造" in p.purpose)
    answer = service.ask(question.format(name=project.name))
    assert answer.value == project.targets[0].value, answer.answer


def test_a_year_in_a_name_does_not_name_it_by_part(built):
    service, _, later = built
    project = next(p for p in later.projects if "新增或改造" in p.purpose)
    answer = service.ask(f"2025年{project.name}的绩效目标里，年度新增或改造的设施不少于几处？")
    assert answer.value == project.targets[0].value, answer.answer


@pytest.mark.parametrize("question", [
    "{parent}这块分了{a}和{b}两个科目，后者比前者多多少？",
    "{parent}下面列了{a}和{b}，后一项比前一项多出多少钱？",
])
def test_former_and_latter_are_the_two_named_last(resources, question):
    service, truth = resources
    rows = [r for r in truth.table(3).rows if r.code]
    for parent in (r for r in rows if len(r.code) == 5):
        children = sorted((r for r in rows if len(r.code) == 7 and r.code.startswith(parent.code)), key=lambda r: r.amounts[0])
        if len(children) >= 2 and children[0].amounts[0] < children[-1].amounts[0]:
            break
    a, b = children[0], children[-1]
    answer = service.ask(question.format(parent=parent.label, a=a.label, b=b.label))
    assert answer.value == b.amounts[0] - a.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["{a}、{b}、{c}这三段的教育支出加起来是多少？", "{a}和{b}、{c}的教育经费合计多少？"])
def test_words_listed_before_a_name_share_its_start(schools, question):
    service, truth = schools
    rows = [r for r in truth.table(3).rows if r.code and len(r.code) == 7 and r.label.endswith("教育") and len(r.label) == 4]
    assert len(rows) >= 3
    a, b, c = rows[:3]
    answer = service.ask(question.format(a=a.label[:2], b=b.label[:2], c=c.label[:2]))
    assert answer.value == a.amounts[0] + b.amounts[0] + c.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["基本和项目支出合计多少？", "基本与项目支出一共是多少？"])
def test_words_listed_before_a_name_share_its_end(resources, question):
    service, truth = resources
    total = next(r for r in truth.table(3).rows if r.kind == "total")
    answer = service.ask(question)
    assert answer.value == total.amounts[0], answer.answer


@pytest.mark.parametrize("question", [
    "{name}那{amount}万元，文件说主要用在哪？",
    "{name}有{amount}万，照理说是请人干活的钱，但文件里写的用途好像不一样——文件里这笔钱主要用于什么？",
])
def test_the_document_saying_asks_no_cited_document(resources, question):
    service, truth = resources
    project = next(p for p in truth.projects if p.purpose and not p.citations)
    answer = service.ask(question.format(name=project.name, amount=f"{project.amounts[0]:f}"))
    assert answer.answered and answer.value is None and project.purpose[-12:-1] in answer.answer, answer.answer


def test_this_concept_points_at_the_term_named_before(resources):
    service, truth = resources
    term, meaning = truth.glossary[1]
    answer = service.ask(f"表1里有一行叫“{term}”。我没太看懂这个概念，它到底是什么意思？")
    assert answer.answered and meaning[2:12] in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["市本级{core}2025年的三公经费是多少？", "听说市本级的{core}也公开了预算，请问市本级{core}的项目支出是多少？"])
def test_the_city_level_is_another_body_than_a_district_bureau(resources, question):
    service, truth = resources
    answer = service.ask(question.format(core=truth.department.removeprefix(truth.region)))
    assert not answer.answered, answer.answer


def _unit(truth):
    return truth.subordinate_units[0]


def _lists_the_units_projects(resources, question: str) -> None:
    """The question, asked of the first subordinate unit by its short name, lists that unit's projects."""
    service, truth = resources
    unit = _unit(truth)
    answer = service.ask(question.format(unit=unit.removeprefix(truth.region)))
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.unit == unit), answer.answer


@pytest.mark.parametrize("question", [
    "我想了解一下下属的{unit}具体承担了哪些项目，能不能把它名下的项目全部列出来？",
    "{unit}是下属事业单位，我想看看它自己的项目：能不能把它的项目都列出来？",
    "我在看{unit}这个事业单位具体承担了哪些项目。表12里列在它名下的项目都有哪些？",  # 事业单位 is a part of a class's name, no thing
])
def test_it_anywhere_in_the_question_is_the_body_named_before(resources, question):
    _lists_the_units_projects(resources, question)


def test_a_units_status_stated_in_passing_asks_no_set_of_units(resources):
    service, truth = resources
    basic = {r.label: r.amounts[0] for r in truth.table(11).rows if r.kind == "unit"}
    unit = _unit(truth)
    answer = service.ask(f"{unit.removeprefix(truth.region)}是下属事业单位，我想看它在整个部门里的分量：它的基本支出占全部门基本支出的比例是多少？")
    assert answer.value == (basic[unit] / sum(basic.values()) * 100).quantize(answer.value), answer.answer


@pytest.mark.parametrize("question", ["家庭医生签约服务费今年安排了多少？", "乡村振兴示范村建设专项整治经费是多少？"])
def test_nouns_before_a_verb_before_the_end_of_a_name_are_another_thing(resources, question):
    service, _ = resources
    assert not service.ask(question).answered


def test_a_table_named_in_the_context_scopes_the_question(resources):
    service, truth = resources
    rows = [r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.code.startswith("302")]
    top = max(rows, key=lambda r: r.amounts[0])
    answer = service.ask("我在看表6的商品和服务支出，想知道公用经费主要花在哪。这部分里哪个经济科目金额最高？")
    assert answer.items == [top.label], answer.answer


def test_a_thing_the_story_names_and_the_question_names_again_is_asked_once(resources):
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"表12里有一笔“{project.name}”，有点好奇这钱的来历。先问个数：这笔{project.name}是多少万元？")
    assert answer.value == project.amounts[0] and answer.answer.count(project.name) == 1, answer.answer


@pytest.mark.parametrize("question", [
    "{a}和{b}，两家的项目支出相差多少？",
    "表11把基本支出分成了{a}和{b}等几块。两家单位的基本支出相差多少？",
])
def test_the_two_just_named_taken_up_again(resources, question):
    service, truth = resources
    basic = {r.label: r.amounts[0] for r in truth.table(11).rows if r.kind == "unit"}
    project = {u: sum(p.amounts[0] for p in truth.projects if p.unit == u) for u in basic}
    a, b = truth.subordinate_units[:2]
    figures = project if "项目" in question else basic
    answer = service.ask(question.format(a=a.removeprefix(truth.region), b=b.removeprefix(truth.region)))
    assert answer.value == abs(figures[a] - figures[b]), answer.answer


def test_a_units_status_under_a_named_bureau_stated_in_passing(resources):
    service, truth = resources
    basic = {r.label: r.amounts[0] for r in truth.table(11).rows if r.kind == "unit"}
    unit = truth.subordinate_units[1].removeprefix(truth.region)
    core = truth.department.removeprefix(truth.region)
    answer = service.ask(f"{unit}是{core}下属的事业单位，我想知道它自己的日常运转要花多少钱。{unit}的基本支出预算是多少？")
    assert answer.value == basic[truth.subordinate_units[1]], answer.answer


@pytest.mark.parametrize("question", ["三公经费里实际安排了钱的是哪几项？", "“三公”经费中真正有预算的有哪些？"])
def test_money_arranged_asks_the_members_not_nought(resources, question):
    service, truth = resources
    members = [f for f in truth.figures if f.section == "二" and f.label != "“三公”经费" and f.parent in (None, "“三公”经费")]
    answer = service.ask(question)
    assert answer.answered and not any(f.label in answer.items for f in members if f.value == 0), answer.answer


def test_a_target_quoted_for_how_it_is_required_gives_its_figure(resources):
    service, truth = resources
    goal = next(g for g in truth.goals if len(g.targets) == 1)
    target = goal.targets[0]
    noun = re.match(r"[\u4e00-\u9fff]+?(?=达到|不低于|不超过|控制在|不少于)", goal.text).group(0)
    answer = service.ask(f"{goal.project}的绩效目标对{noun}是怎么要求的？")
    assert answer.value == target.value and answer.unit == target.unit, answer.answer


@pytest.mark.parametrize("question", ["政府采购那段写了三类采购。请问哪几类的预算不是零？", "说明里的政府采购分了几类，请问哪几类的金额不为零？"])
def test_a_figure_named_in_the_context_is_what_the_question_asks_into(resources, question):
    service, truth = resources
    parts = [f.label for f in truth.figures if f.section == "四" and f.label != "政府采购" and f.value != 0]
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(parts), answer.answer


@pytest.mark.parametrize("question", ["对比一下：事务局的三公经费是多少？", "最近在写稿子，看到事务局预算里三公经费一项，想请问是多少？"])
def test_a_bureau_called_by_the_last_word_of_its_name(veterans, question):
    service, truth = veterans
    answer = service.ask(question)
    assert answer.value == truth.figure("“三公”经费").value, answer.answer


@pytest.mark.parametrize("question", [
    "我在梳理下属单位的钱都花在哪。能不能把{unit}安排的项目名称都列一下？",
    "可不可以帮我把{unit}的项目列一下？",
    "能不能把{unit}在项目支出表里的项目都列出来？",  # the table named is where to look, not the unit's project expenditure
    "我们想做一期节目讲{unit}的钱花在哪儿，请把它在项目支出表里的项目全部列一下。",
])
def test_a_request_to_list_is_no_yes_or_no_question(resources, question):
    _lists_the_units_projects(resources, question)


@pytest.mark.parametrize("question", [
    "{name}只有{amount}万元，我比较好奇它的用途——文件说主要用于什么？",
    "{name}有{amount}万元，有人质疑是养人的钱，文件里写它主要用于什么？",
])
def test_a_fairly_or_a_doubt_reported_asks_nothing(resources, question):
    service, truth = resources
    project = next(p for p in truth.projects if p.purpose and not p.citations and sum(q.name == p.name for q in truth.projects) == 1)
    answer = service.ask(question.format(name=project.name, amount=f"{project.amounts[0]:f}"))
    assert answer.answered and project.purpose[-12:-1] in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "我在看基本支出里的公用经费，想知道商品和服务支出中哪一项最多？",
    "在看基本支出结构时，我想知道商品和服务支出里哪项最多？",
])
def test_a_measure_in_the_askers_context_scopes_the_items_asked(resources, question):
    service, truth = resources
    rows = [r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.code.startswith("302")]
    answer = service.ask(question)
    assert answer.items == [max(rows, key=lambda r: r.amounts[0]).label], answer.answer


def test_a_story_sentence_after_the_askers_opening_is_set_aside_too(resources):
    service, truth = resources
    unit = _unit(truth)
    answer = service.ask(f"我在梳理各单位的项目数量，局本级的项目太多先不数了。{unit.removeprefix(truth.region)}名下列了多少个项目？")
    assert answer.value == sum(p.unit == unit for p in truth.projects), answer.answer


@pytest.mark.parametrize("question", ["{name}这笔钱在各个镇（街）是怎么分配的？", "{name}在各乡镇如何分配？"])
def test_how_a_figure_is_shared_out_by_place_is_not_given(resources, question):
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    assert not service.ask(question.format(name=project.name)).answered


@pytest.mark.parametrize("question", [
    "我在做系列报道，想先摸一下区{core}的“家底”。这个部门的收支总预算是多少万元？",
    "读者来信问区{core}的三公经费有多少，请问是多少？",
])
def test_words_before_a_bare_district_are_no_region(resources, question):
    service, truth = resources
    answer = service.ask(question.format(core=truth.department.removeprefix(truth.region)))
    expected = truth.figure("收入预算").value if "收支" in question else truth.figure("“三公”经费").value
    assert answer.value == expected, answer.answer


def test_another_region_before_the_bureau_is_still_another_body(resources):
    service, truth = resources
    assert not service.ask(f"远市佛冈县{truth.department.removeprefix(truth.region)}的三公经费是多少？").answered


def test_an_impression_between_a_premise_and_the_question_asks_nothing(resources):
    service, truth = resources
    figure = truth.figure("“三公”经费")
    moved = "增加" if figure.change > 0 else "减少"
    answer = service.ask(f"文件里说今年“三公”经费{figure.value:f}万元，比上年{moved}{abs(figure.change):f}万元，幅度看着很吓人，我想核实一下基数。"
                         "那上一年的三公经费到底是多少？")
    assert answer.value == figure.value - figure.change, answer.answer


def test_a_felt_impression_before_the_question_is_a_remark(years):
    service, earlier, later = years
    before, after = (sum(p.amounts[0] for p in t.projects) for t in (earlier, later))
    rate = ((after - before) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer = service.ask("看完两年的预算表，感觉2025年的项目经费比2024年变化不小，总支出的变化主要就是项目支出带来的。"
                         "具体来说，项目支出从2024年到2025年变化了百分之多少？")
    assert answer.value is not None and abs(answer.value) == abs(rate), answer.answer


def test_a_part_of_the_family_the_context_names_keeps_the_context(resources):
    service, truth = resources
    family = [p for p in truth.projects if p.name.startswith("卫片执法图斑核查经费")]
    assert len(family) == 2
    answer = service.ask("我注意到卫片执法图斑核查经费有两笔，一笔名字后面什么也没带，另一笔后面带着续建两个字。两笔加在一起是多少？")
    assert answer.value == sum(p.amounts[0] for p in family), answer.answer


def test_a_self_contained_question_after_a_story_naming_other_things(years):
    service, earlier, later = years
    def running(truth):
        return truth.figure("公务用车运行维护费").value
    answer = service.ask("这个局两年都没买车，三公里面主要就是用车运维和接待。公务用车运行维护费，2025年比2024年多多少？")
    assert answer.value == running(later) - running(earlier), answer.answer


@pytest.mark.parametrize(("question", "up"), [
    ("跟2024年相比，2025年预算金额增加了的项目有哪些？", True),
    ("哪些项目2025年比2024年增加了？", True),
    ("2025年预算减少的项目有哪些？", False),
])
def test_projects_that_grew_or_fell_said_plainly(years, question, up):
    service, earlier, later = years
    before, after = {p.name: p.amounts[0] for p in earlier.projects}, {p.name: p.amounts[0] for p in later.projects}
    moved = sorted(n for n in after if n in before and (after[n] > before[n] if up else after[n] < before[n]))
    answer = service.ask(question)
    assert sorted(answer.items) == moved, answer.answer


def test_this_project_is_one_project_not_the_set(resources):
    service, truth = resources
    project = min((p for p in truth.projects if p.name.startswith("“")), key=lambda p: p.name.index("”"))
    quoted = project.name[1:project.name.index("”")]
    answer = service.ask(f"我翻表12的时候看到一个“{quoted}”的项目，挺感兴趣的，想问一下这个项目今年一共给了多少钱？")
    assert answer.value == project.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["截至2025年6月底，这个局实际已经花了多少钱？", "到9月底项目支出用了多少？"])
def test_spending_up_to_a_month_is_not_given(resources, question):
    service, _ = resources
    assert not service.ask(question).answered


def test_a_total_cut_across_years_is_a_difference(years):
    service, earlier, later = years
    before, after = (sum(p.amounts[0] for p in t.projects) for t in (earlier, later))
    answer = service.ask("项目支出从2024年到2025年一共压减了多少？" if after < before else "项目支出从2024年到2025年一共增加了多少？")
    assert answer.value == abs(after - before), answer.answer


def test_the_classification_in_the_askers_context_scopes_the_items_asked(resources):
    service, truth = resources
    rows = [r for r in truth.table(7).rows if r.code and len(r.code) == 5]
    answer = service.ask("我在看项目支出按经济科目的分布，想知道具体到款一级，哪个科目的金额最大？")
    assert answer.items == [max(rows, key=lambda r: r.amounts[0]).label], answer.answer


def test_the_one_thing_a_story_names_is_what_a_question_naming_none_asks_of(years):
    service, earlier, later = years
    before, after = {p.name: p.amounts[0] for p in earlier.projects}, {p.name: p.amounts[0] for p in later.projects}
    name = next(n for n in after if n in before and after[n] < before[n] and sum(p.name == n for p in later.projects) == 1)
    answer = service.ask(f"2024年{name}安排得不少，到2025年好像少了很多。2025年比2024年少了多少钱？")
    assert answer.value == before[name] - after[name], answer.answer


def test_a_hedged_sentence_names_the_thing_of_a_question_naming_none(resources):
    service, truth = resources
    figure = truth.figure("机关运行经费")
    moved = "增加" if figure.change > 0 else "减少"
    answer = service.ask(f"机关运行经费比上年{moved}了，这个幅度不小，我们想在稿子里给出官方解释。文件里说的原因是什么？")
    assert answer.answered and "机关运行经费" in answer.answer and "原因" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["表六中的电费是多少？", "表6里电费是多少？"])
def test_a_table_by_its_numeral(resources, question):
    service, truth = resources
    answer = service.ask(question)
    assert answer.value == next(r.amounts[0] for r in truth.table(6).rows if r.label == "电费"), answer.answer


def test_a_row_no_table_holds_is_never_the_tables_total(resources):
    service, truth = resources
    assert all(r.label != "取暖费" for r in truth.table(6).rows)
    answer = service.ask("表6里取暖费是多少？")
    assert not answer.answered, answer.answer


def test_the_years_spending_is_the_total(resources):
    service, truth = resources
    total = next(r for r in truth.table(3).rows if r.kind == "total").amounts[0]
    projects = sum(p.amounts[0] for p in truth.projects)
    answer = service.ask("项目支出占全年支出的比重是多少？")
    assert answer.value == (projects / total * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


@pytest.mark.parametrize("question", ["2024年表12里的项目，到2025年没有再出现的一共有多少个？", "表12项目支出表里2025年一共列了多少个具体项目？"])
def test_counts_of_projects_said_plainly(years, question):
    service, earlier, later = years
    before, after = {p.name for p in earlier.projects}, [p.name for p in later.projects]
    expected = len(before - set(after)) if "没有再" in question else len(after)
    answer = service.ask(question)
    assert answer.value == expected, answer.answer


def test_the_assets_date_is_no_part_of_the_year(resources):
    service, truth = resources
    answer = service.ask("截至2025年1月31日，这个局的固定资产金额是多少？")
    assert answer.value == truth.figure("固定资产").value, answer.answer


@pytest.mark.parametrize("question", ["预算最少的那个项目是啥？", "金额最小的那个项目叫啥？"])
def test_that_project_after_a_superlative_is_the_set_ranked(resources, question):
    service, truth = resources
    answer = service.ask(question)
    assert answer.items == [min(truth.projects, key=lambda p: p.amounts[0]).name], answer.answer


def test_a_whole_stated_in_a_sentence_before_its_part_is_the_whole(resources):
    service, truth = resources
    whole, part = truth.figure("“三公”经费"), truth.figure("公务接待费")
    answer = service.ask(f"三公经费总共才{whole.value:f}万元。请问其中公务接待费占了百分之多少？")
    assert answer.value == (part.value / whole.value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_share_said_in_tenths_names_nothing_unknown(resources):
    service, truth = resources
    income = truth.figure("收入预算")
    answer = service.ask("和上年比，这个局的预算变化了将近三成，这个幅度很大，我想在稿子里交代清楚。文件给出的原因是什么？")
    assert answer.answered and "原因" in answer.answer and f"{abs(income.change):,.2f}" in answer.answer, answer.answer


def test_the_assets_date_at_the_end_of_january_compared_across_years(years):
    service, earlier, later = years
    answer = service.ask("固定资产家底两年之间增加了多少？就拿两年文件里截至1月底的数比。")
    assert answer.value == later.figure("固定资产").value - earlier.figure("固定资产").value, answer.answer


def test_how_the_asker_means_a_figure_found_asks_nothing_itself(years):
    service, earlier, later = years
    figure = later.figure("“三公”经费")
    answer = service.ask("我手里只有2025年的预算文件。根据文中与上年的比较，2024年的“三公”经费大概安排了多少？")
    assert answer.value == earlier.figure("“三公”经费").value == figure.value - figure.change, answer.answer


def test_a_lead_in_naming_the_document_read_before_a_premise(years):
    service, earlier, _ = years
    figure = earlier.figure("“三公”经费")
    moved = "增加" if figure.change > 0 else "减少"
    answer = service.ask(f"只看2024年的预算公开：三公经费比上年{moved}了一些，那么2023年的三公经费是多少？")
    assert answer.value == figure.value - figure.change, answer.answer


@pytest.mark.parametrize("question", ["科目编码{code}对应的支出预算是多少万元？", "表5里科目编码{code}对应的那一行，预算数是多少？",
                                      "我查了下表5，编码{code}对应的那一行，支出预算是多少？"])
def test_an_amount_word_after_a_thing_is_its_amount(resources, question):
    service, truth = resources
    row = next(r for r in truth.table(5).rows if r.code and len(r.code) == 7)
    answer = service.ask(question.format(code=row.code))
    assert answer.value == row.amounts[0], answer.answer


def test_a_units_status_in_brackets_asks_no_set_of_units(resources):
    service, truth = resources
    unit = _unit(truth)
    answer = service.ask(f"2025年，{unit.removeprefix(truth.region)}（局下属的事业单位）名下安排了哪些项目？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.unit == unit), answer.answer


def test_a_citation_is_given_with_the_words_that_cite_it(resources):
    service, truth = resources
    project = _cited(truth)
    serial = project.citations[0].number.split("〕")[-1]
    answer = service.ask(f"{project.name}是按照哪个文件要求安排的？")
    quoted = next(c for c in re.split(r"[，,。；;]", project.purpose) if serial in c)
    assert answer.answered and f"原文：{quoted}" in answer.answer, answer.answer


def test_the_rest_after_a_name_is_no_pronoun_taking_it_up(resources):
    service, truth = resources
    rows = {r.label: r.amounts[0] for r in truth.table(6).rows}
    answer = service.ask("基本支出中工资福利支出除去基本工资、津贴补贴，其余的有多少")
    assert answer.value == rows["工资福利支出"] - rows["基本工资"] - rows["津贴补贴"], answer.answer


@pytest.mark.parametrize("question", [
    "在一般公共预算支出表里，有一项科目编码是{code}，叫{label}。它的预算是多少？",  # 情况表 shortened to 表
    "一般公共预算支出表中{label}（{code}）安排了多少？",
])
def test_a_table_title_shortened_names_the_table_not_a_figure(resources, question):
    service, truth = resources
    row = next(r for r in truth.table(5).rows if r.code and len(r.code) == 7)
    answer = service.ask(question.format(code=row.code, label=row.label))
    assert answer.value == row.amounts[0], answer.answer


@pytest.mark.parametrize("question", [
    "2024年和2025年哪一年的机关运行经费更高？高出多少万元？",  # the thing between 哪一年 and 更高
    "两年里哪一年的机关运行经费多一些，多多少？",
    "机关运行经费是2024年多还是2025年多？多了多少？",  # a choice of two years asks which
])
def test_which_year_with_the_thing_between_is_one_difference(built, question):
    service, earlier, later = built
    a, b = earlier.figure("机关运行经费").value, later.figure("机关运行经费").value
    answer = service.ask(question)
    assert answer.value == abs(b - a), answer.answer


def _parent_and_children(truth):
    rows = [r for r in truth.table(3).rows if r.code]
    for parent in (r for r in rows if len(r.code) == 5):
        children = [r for r in rows if len(r.code) == 7 and r.code.startswith(parent.code)]
        if len(children) >= 2 and children[0].amounts[0] != children[1].amounts[0]:
            return parent, children[0], children[1]
    raise AssertionError("no class with two children")


@pytest.mark.parametrize("question", [
    "我注意到{parent}下面分成{a}和{b}两个科目，两者相差多少万元？",  # the container is said, not compared
    "{parent}这一块包括{a}与{b}，二者差多少？",
])
def test_a_container_said_before_two_classes_is_not_compared(resources, question):
    service, truth = resources
    parent, a, b = _parent_and_children(truth)
    answer = service.ask(question.format(parent=parent.label, a=a.label, b=b.label))
    assert answer.value == abs(a.amounts[0] - b.amounts[0]), answer.answer


@pytest.mark.parametrize("question", ["{a}和{b}，两项加起来多少？", "{a}和{b}两个科目合计是多少万元？"])
def test_a_class_named_like_the_department_joined_to_a_class_is_that_class(archives, question):
    service, truth = archives
    rows = {r.label: r for r in truth.table(3).rows if r.code and len(r.code) == 7}
    a, b = rows["一般行政管理事务"], rows["档案馆"]
    answer = service.ask(question.format(a=a.label, b=b.label))
    assert answer.value == a.amounts[0] + b.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["行政运行和经营支出，两项加起来多少？", "行政运行加上经营支出一共多少？"])
def test_a_glossary_word_in_a_sum_is_refused_not_dropped(bigdata, question):
    answer = bigdata.ask(question)  # 经营支出: only a glossary entry in this document, no figure
    assert answer.value is None and "经营支出" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "你好，我是跑财经口的记者，最近在比对几个部门的人员经费。麻烦帮我查一下，{dept}今年的住房公积金预算是多少？",
    "编辑部这周在汇总几家单位的公开数据。{dept}的住房公积金安排了多少？",  # 几家 in a statement: several, no count
])
def test_several_in_the_askers_story_asks_no_count(resources, question):
    service, truth = resources
    row = next(r for r in truth.table(6).rows if r.label == "住房公积金")
    answer = service.ask(question.format(dept=truth.department))
    assert answer.value == row.amounts[0], answer.answer


@pytest.mark.parametrize("question", [
    "{item}在基本支出和项目支出里都有，我想知道今年{item}一共安排了多少？",
    "{item}一共安排了多少钱？",  # in both tables, 一共: the two together
    "{item}这个科目有点分散——基本支出里有一点，项目支出里也有一笔。两边合计一共多少？",
])
def test_an_item_in_basic_and_project_spending_summed_when_asked(resources, question):
    service, truth = resources
    basic, project = _economic(truth, 6), _economic(truth, 7)
    item = next(k for k in project if k in basic and basic[k] and project[k] and k.endswith("费"))
    answer = service.ask(question.format(item=item))
    assert answer.value == basic[item] + project[item], answer.answer


@pytest.mark.parametrize("question", [
    "看到{dept}今年的政府采购分成货物、工程、服务三类。其中服务类采购预算是多少？",
    "政府采购包括货物、工程和服务，服务类采购预算安排了多少？",
    "我看到政府采购下面还有一项服务类采购预算。想确认一下具体是多少？",
])
def test_the_parts_a_whole_is_divided_into_ask_for_the_part(resources, question):
    service, truth = resources
    answer = service.ask(question.format(dept=truth.department))
    assert answer.value == truth.figure("服务类采购预算").value, answer.answer


@pytest.mark.parametrize("question", ["表12一共列了多少个项目？所有单位合起来算。", "项目一共有几个？各单位加起来算就行。"])
def test_together_said_of_a_count_asks_no_sum(resources, question):
    service, truth = resources
    answer = service.ask(question)
    assert answer.value == len(truth.projects), answer.answer


@pytest.mark.parametrize("question", [
    "2025年项目变化挺大，我想先数清楚基数。2024年表12一共安排了几个项目？",  # an idle clause between keeps the sentence's end
    "听说2025年的项目清单改了不少。2024年的项目表里列了多少个项目？",
])
def test_the_story_year_gives_way_to_the_questions_own(built, question):
    service, earlier, _ = built
    answer = service.ask(question)
    assert answer.value == len(earlier.projects), answer.answer


@pytest.mark.parametrize("question", ["三公经费分三大类，{dept}今年哪几类是安排了钱的？", "“三公”经费里哪几类的预算不是零？"])
def test_kinds_of_a_figure_asked_are_its_parts_not_its_pieces(archives, question):
    service, truth = archives  # 公务用车购置及运行维护费 is all 运行维护费
    parts = [f.label for f in truth.figures if f.section == "二" and f.parent == "“三公”经费" and f.value]
    answer = service.ask(question.format(dept=truth.department))
    assert sorted(answer.items) == sorted(parts), answer.answer


def test_a_short_name_made_another_bodys_by_the_words_before_is_refused(veterans):
    service, truth = veterans
    other = service.ask("鹿鸣县民族宗教事务局今年的收入预算是多少？")  # 事务局 is the loaded body's short name; 宗教事务局 is another
    assert other.value is None and "宗教事务局" in other.answer, other.answer
    for said in ("鹿鸣县事务局今年的收入预算是多少？", "有读者留言说事务局今年收入预算不少。收入预算是多少？",  # 留言|说: no noun before the name
                 "想搞清楚事务局的收入情况。收入预算是多少？"):
        own = service.ask(said)
        assert own.value == truth.figure("收入预算").value, own.answer


@pytest.mark.parametrize("question", ["地质勘查巡检车购置费是多少？", "森林防火巡护车购置经费安排了多少？"])
def test_part_of_a_name_after_nouns_it_does_not_hold_is_another_thing(resources, question):
    service, _ = resources  # 车购置费 is part of 公务用车购置费; a 巡检车 bought for 地质勘查 is no item of the document
    answer = service.ask(question)
    assert answer.value is None and "没有找到" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["三公经费今年是{v}万元，文件说比上年有所{moved}。那上年是多少？",
                                      "说明里讲三公经费{v}万元，比上年{moved}了！上年的三公经费是多少？",
                                      "三公经费今年是{v}万元，说是比上年有所{moved}。那2024年的三公经费是多少？"])  # last year by its number
def test_last_years_figure_asked_in_a_sentence_after_the_change(resources, question):
    service, truth = resources
    figure = truth.figure("“三公”经费")
    moved = "增加" if figure.change > 0 else "减少"
    answer = service.ask(question.format(v=figure.value, moved=moved))
    assert answer.value == figure.value - figure.change, answer.answer


@pytest.mark.parametrize("question", ["机关运行经费变化不小，2024年才几十万元。2025年的机关运行经费是2024年的多少倍？",
                                      "我翻了几份材料。2025年机关运行经费是2024年的几倍？"])
def test_a_few_in_a_statement_asks_nothing(built, question):
    service, earlier, later = built
    a, b = earlier.figure("机关运行经费").value, later.figure("机关运行经费").value
    answer = service.ask(question)
    assert answer.value == (b / a).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


@pytest.mark.parametrize("question", ["2024年和2025年的重点项目分别是哪几个？", "两年的说明里都列了重点项目绩效目标，分别是哪几个项目？"])
def test_each_years_set_listed_when_asked_of_both(built, question):
    service, earlier, later = built
    answer = service.ask(question)
    for truth in (earlier, later):
        key = [g.project for g in truth.goals]
        assert key and all(f"{truth.year}年" in answer.answer and name in answer.answer for name in key), answer.answer


@pytest.mark.parametrize("question", ["今年有没有安排服务类的政府采购？服务类采购预算是多少？", "服务类采购预算是多少？政府采购里服务类采购预算有多少？"])
def test_one_thing_named_twice_is_asked_once(resources, question):
    service, truth = resources
    answer = service.ask(question)
    assert answer.value == truth.figure("服务类采购预算").value, answer.answer


@pytest.mark.parametrize("question", ["我比较了{parent}（{code}）下面的几个项级科目。除去{first}，剩下的里面哪个最多？",
                                      "我在看{parent}下面的科目。不算{first}的话，其余哪个金额最大？"])
def test_a_class_left_out_is_not_the_questions_own_thing(resources, question):
    service, truth = resources
    rows = [r for r in truth.table(3).rows if r.code]
    for parent in (r for r in rows if len(r.code) == 5):
        children = [r for r in rows if len(r.code) == 7 and r.code.startswith(parent.code)]
        if len(children) >= 3 and len({c.amounts[0] for c in children}) == len(children):
            break
    first = max(children, key=lambda r: r.amounts[0])
    rest = max((c for c in children if c is not first), key=lambda r: r.amounts[0])
    answer = service.ask(question.format(parent=parent.label, code=parent.code, first=first.label))
    assert answer.items == [rest.label], answer.answer


@pytest.mark.parametrize("question", ["一般公共预算项目支出按经济分类，列了哪些项级科目？", "项目支出的经济分类里有哪些项？"])
def test_the_finest_economic_level_is_what_a_reader_calls_xiang(resources, question):
    service, truth = resources
    rows = [r.label for r in truth.table(7).rows if r.code and len(r.code) == 5]
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(rows), answer.answer


@pytest.mark.parametrize("question", ["跟2024年比，2025年的项目表里有没有新冒出来的项目？有的话是几个？", "2025年有没有2024年没安排过的新项目？有几个？"])
def test_a_yes_or_no_question_says_no_year_lacks_the_members(built, question):
    service, earlier, later = built
    new = {p.name for p in later.projects} - {p.name for p in earlier.projects}
    answer = service.ask(question)
    assert answer.value == len(new), answer.answer


@pytest.mark.parametrize("question", ["三公经费总体是增加的，但我看到公务接待费反而降了，文件里给的理由是什么？",
                                      "三公经费是在上升，公务接待费却减少了，原因是什么？"])
def test_the_reason_asked_is_of_the_thing_the_premise_names_last(archives, question):
    service, truth = archives  # 三公经费 rose, 公务接待费 fell
    answer = service.ask(question)
    assert answer.answer.startswith("公务接待费") and f"{-truth.figure('公务接待费').change}" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["我只有今年的预算公开。根据今年文件里的说明，能推算出上年的收入预算是多少吗？",
                                      "按照文件中的说法，上年收入预算是多少？"])
def test_the_document_the_asker_goes_by_asks_nothing(resources, question):
    service, truth = resources
    figure = truth.figure("收入预算")
    answer = service.ask(question)
    assert answer.value == figure.value - figure.change, answer.answer


@pytest.mark.parametrize("question", ["那个基层财务一体化平台迭代项目第三期合同款我看到了，整个合同总金额是多少？",
                                      "电子凭证归档模块迭代项目第三期合同款之外，合同总额有多少？"])
def test_a_whole_asked_after_the_part_said_is_refused(resources, question):
    service, _ = resources  # only the third phase is in the document
    answer = service.ask(question)
    assert answer.value is None and "总数" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["截至1月底的固定资产里，车辆占了多少金额？", "车辆占固定资产的比例是多少？"])
def test_a_count_is_no_share_of_an_amount(resources, question):
    service, _ = resources  # 车辆 is a number of cars, 固定资产 an amount in 万元
    answer = service.ask(question)
    assert answer.value is None and "车辆" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["卫片执法那个图斑核查续建项目安排了多少钱？", "图斑核查那个续建的经费，局里安排了多少？"])
def test_a_word_the_part_said_holds_picks_among_the_names(resources, question):
    service, truth = resources
    project = _continued(truth)
    answer = service.ask(question)
    assert answer.value == project.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["都说部门预算里人员和公用经费占比不高、大头是项目。具体来说，基本支出占支出总额的百分之多少？",
                                      "有人说公用经费花得多。基本支出占支出总额的比例是多少？"])
def test_a_share_named_whole_and_part_is_the_questions_own(resources, question):
    service, truth = resources
    answer = service.ask(question)
    basic = sum(r.amounts[0] for r in truth.table(6).rows if r.code and len(r.code) == 3)
    assert answer.value == (basic / truth.figure("支出预算").value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_the_projects_of_a_leaf_class_are_not_in_the_document(resources):
    service, truth = resources
    row = next(r for r in truth.table(3).rows if r.code and len(r.code) == 7)
    answer = service.ask(f"{row.label}科目（{row.code}）那{row.amounts[0]}万元，具体由哪几个项目构成？")
    assert not answer.answered and "项目表不按科目分列" in answer.answer, answer.answer


def test_a_change_stated_before_how_it_is_explained_keeps_the_change(resources):
    service, truth = resources
    figure = truth.figure("收入预算")
    moved = "增加" if figure.change > 0 else "减少"
    reason = service.ask(f"收入预算今年比上年略有{moved}，我想知道说明里是怎么解释的？")  # the reason of the change, not the glossary
    assert reason.answer.startswith("收入预算") and "主要原因" in reason.answer, reason.answer
    change = service.ask(f"跟上一年比，收入预算{moved[0]}了多少？")  # the change, not last year's figure
    assert change.value == abs(figure.change), change.answer


def test_a_year_not_loaded_in_the_story_is_what_it_asks_of(built):
    service, _, _ = built  # 2022 is neither loaded nor the year before a loaded one
    answer = service.ask("手头只有2024年和2025年的文件，但我还想知道2022年的机关运行经费。能根据2024年文件推算出来吗？是多少？")
    assert answer.value is None and "2022" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["项目表里带续建字样的项目有好几个，我问的是卫片执法图斑核查经费（续建）那个，它安排了多少？",
                                      "表12里好几项都跟图斑核查有关。卫片执法图斑核查经费（续建）安排了多少？"])
def test_several_is_no_count_asked(resources, question):
    service, truth = resources
    project = _continued(truth)
    answer = service.ask(question)
    assert answer.value == project.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["耕地保护专项资金每亩补多少钱？", "2024年和2025年的机关运行经费，每平方米合多少钱？"])
def test_a_figure_per_acre_or_metre_the_document_lacks_is_refused(resources, built, question):
    service = built[0] if "2024年" in question else resources[0]
    answer = service.ask(question)
    assert answer.value is None and "每" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["我注意到有一个{name}，金额还不小，想知道这笔钱按文件说明主要用来做什么？",
                                      "{name}数额挺大的，这个项目是干什么的？"])
def test_an_amount_in_a_remark_is_not_asked(resources, question):
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(question.format(name=project.name))
    assert answer.value is None and project.purpose[:8] in answer.answer, answer.answer  # the project's own text, not its key-project target


def test_an_amount_conceded_before_what_a_word_means_is_not_asked(bigdata):
    answer = bigdata.ask("表里有个经营支出，虽然金额是0，但它到底指什么？")
    assert answer.value is None and "经营支出" in answer.answer and "指" in answer.answer, answer.answer


def test_a_name_said_of_its_money_is_the_body(archives):
    service, truth = archives  # 档案馆 is the department's short name and one of its classes
    basic = next(r for r in truth.table(3).rows if r.kind == "total").amounts
    answer = service.ask("档案馆的钱主要花在项目上还是日常运转上？项目支出是基本支出的多少倍？")
    assert answer.value == (basic[2] / basic[1]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


@pytest.mark.parametrize("question", ["表1收入栏里有一项“上级补助收入”，我想知道今年有没有这部分收入，金额是多少？",
                                      "我看到表1有“财政专户拨款”一行，想问这笔拨款今年安排了多少？"])
def test_a_pointer_naming_the_things_kind_in_the_same_sentence(resources, question):
    service, truth = resources
    label = re.search(r"“(.+?)”", question).group(1)
    row = next(r for r in truth.table(1).rows if label in r.label)
    answer = service.ask(question)
    assert answer.value == row.amounts[0], answer.answer


@pytest.mark.parametrize("question", [
    "我注意到{parent}下面分了好几个款项，{a}、{b}什么的。其中“{b}”这一项今年安排了多少钱？",  # 什么的 after a list: and so on
    "项目表里有好几个名字带“图斑核查”的项目，我想问的是卫片执法图斑核查经费（续建），它主要用来干什么？",
])
def test_a_story_listing_examples_leaves_the_thing_named_after_qizhong(resources, question):
    service, truth = resources
    parent, a, b = _parent_and_children(truth)
    answer = service.ask(question.format(parent=parent.label, a=a.label, b=b.label))
    if "图斑" in question:
        assert answer.value is None and "卫片执法图斑核查经费（续建）" in answer.answer and "共2个" not in answer.answer, answer.answer
    else:
        assert answer.value == b.amounts[0] and parent.label not in answer.answer, answer.answer


def test_a_share_after_qizhong_is_of_the_whole_said_before(archives):
    service, truth = archives
    part, whole = truth.figure("公务用车运行维护费").value, truth.figure("“三公”经费").value
    answer = service.ask(f"三公经费总共才{whole}万元。请问其中公务用车运行维护费占了百分之多少？")
    assert answer.value == (part / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


@pytest.mark.parametrize("question", ["第三部分列出了重点项目的绩效目标，请问列了哪几个项目？",
                                      "我想引用说明里的重点项目绩效目标表。这张表里有哪几个项目？"])
def test_the_key_projects_the_context_names_are_the_projects_asked(resources, question):
    service, truth = resources
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(g.project for g in truth.goals), answer.answer


@pytest.mark.parametrize("question", ["我们准备采访档案馆的{office}，先做点功课：这个股室主要负责哪些工作？",
                                      "听说档案馆的{office}很忙，这个股具体管什么？"])
def test_a_pointer_naming_an_offices_kind_takes_the_office_up(archives, question):
    service, truth = archives  # 档案馆, named before the office, is the department and a class too
    office, duty = next(u for u in truth.units if u[0].endswith("股"))
    answer = service.ask(question.format(dept=truth.department, office=office))
    assert duty.rstrip("。")[:12] in answer.answer and "内设机构共" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["我在核对人员经费。{dept}2025年的基本支出是多少？", "最近在看公用经费。{dept}的项目支出一共多少？"])
def test_a_body_and_a_measure_are_the_questions_own(resources, question):
    service, truth = resources
    total = next(r for r in truth.table(3).rows if r.kind == "total").amounts
    answer = service.ask(question.format(dept=truth.department))
    assert answer.value == (total[1] if "基本" in question else total[2]), answer.answer


@pytest.mark.parametrize("question", ["去年档案馆好像有接待任务，今年预算里还有公务接待费吗？安排了多少？",
                                      "去年档案馆好像接待了不少人，今年还安排公务接待费吗？安排了多少？"])
def test_the_year_of_the_asking_clause_is_asked(archives, question):
    service, truth = archives  # 公务接待费 changed from last year
    answer = service.ask(question)
    assert answer.value == truth.figure("公务接待费").value, answer.answer


def test_bijiao_before_a_feeling_and_duoshao_compare_nothing(resources):
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"看到项目表里有个{project.name}，我比较关心这方面的投入，这笔经费今年安排了多少万元？")
    assert answer.value == project.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["您好，想了解一下司法局的内设机构：除了办公室以外，还设了哪几个股？", "内设机构里哪些是股？"])
def test_an_office_named_with_a_bracket_still_ends_in_its_kind(tmp_path_factory, question):
    service, truth = synth_service(tmp_path_factory.mktemp("justice"), 3943, "鹤川市岚岗县司法局")  # 法治督察股（行政复议股）
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(u[0] for u in truth.units if u[0] != "办公室"), answer.answer


@pytest.mark.parametrize("question", ["2025年第五次全国农业普查专项经费安排了多少？", "2025年全国农业普查经费安排了多少？"])
def test_a_noun_inside_the_part_said_that_the_name_lacks_is_another_thing(built, question):
    service, _, _ = built  # the document has 全国经济普查经费, and 农业 is a word of its text
    answer = service.ask(question)
    assert answer.value is None and "没有找到" in answer.answer, answer.answer


@pytest.fixture(scope="module")
def centre(tmp_path_factory):
    """A generated data service centre (seed 550802): 全中心 and a bare 中心 are the centre itself."""
    return synth_service(tmp_path_factory.mktemp("centre"), 550802, "南屿市渔歌区政务数据服务中心")


def _share_of_projects(truth) -> Decimal:
    total = next(r for r in truth.table(3).rows if r.kind == "total").amounts
    return total[2] / total[0] * 100


@pytest.mark.parametrize(("question", "sign"), [
    ("项目支出占支出总计的比重，2024年比2025年变化了多少个百分点？", -1),  # asked neither up nor down: the signed change
    ("项目支出在总支出中的占比，2025年比2024年变了多少个百分点？降了就用负数表示。", 1),
    ("项目支出占支出总计的比重，2024年比2025年低了多少个百分点？", 1),  # asked which way: its size
])
def test_a_change_in_points_asked_neither_up_nor_down_keeps_its_sign(built, question, sign):
    service, earlier, later = built  # the share rose from 2024 to 2025
    change = (_share_of_projects(later) - _share_of_projects(earlier)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert change > 0
    answer = service.ask(question)
    assert answer.value == sign * change, answer.answer


def test_a_things_own_total_said_of_two_years_sums_them(built):
    service, earlier, later = built
    income = [next(r for r in t.table(4).rows if r.label == "一般公共预算").amounts[0] for t in (earlier, later)]
    answer = service.ask("这两年的一般公共预算收入合计是多少？")
    assert answer.value == sum(income), answer.answer


@pytest.mark.parametrize("question", ["2024年和2025年两年的预算收入合计是多少？", "两年的收入合计一共是多少万元？", "两年的收入合计哪一年多？"])
def test_a_total_said_after_both_years_sums_them_unless_another_operation_follows(built, question):
    """「2024年和2025年两年的预算收入合计是多少」: 合计 after both years sums the years' 本年收入合计; 「…合计哪一年多」 compares them."""
    service, earlier, later = built
    income = [next(r for r in t.table(1).rows if r.kind == "total" and r.side == "收入").amounts[0] for t in (earlier, later)]
    answer = service.ask(question)
    assert answer.value == (abs(income[1] - income[0]) if "哪" in question else sum(income)), answer.answer


@pytest.mark.parametrize("question", ["两年表12里都出现的项目是哪几个？", "2024年和2025年项目表里都有的项目有哪些？"])
def test_the_members_of_both_years_said_with_their_table(built, question):
    service, earlier, later = built
    both = {p.name for p in earlier.projects} & {p.name for p in later.projects}
    answer = service.ask(question)
    assert set(answer.items) == both, answer.answer


def test_money_asked_after_a_rate_word_is_the_difference(built):
    service, earlier, later = built
    old, new = (next(p.amounts[0] for p in t.projects if p.name == "业务培训经费") for t in (earlier, later))
    answer = service.ask("业务培训经费从2024年的几十万元一下涨到2025年的几百万元，我想核实一下涨幅：增加了多少万元？")
    assert (answer.value, answer.unit) == (new - old, "万元"), answer.answer


def test_the_key_projects_are_counted_in_each_year(built):
    service, earlier, later = built
    answer = service.ask("重点项目绩效目标列出的项目个数，2025年比2024年少了几个？")
    assert answer.value == len(earlier.goals) - len(later.goals), answer.answer


@pytest.fixture(scope="module")
def lands(tmp_path_factory):
    """A generated natural resources bureau in 2024 (seed 550803) and 2025 (seed 550850) whose 差旅费 is in
    both basic and project spending, with each year's truth."""
    from kg.pipeline import replace_documents
    from kg.store.embedded import OxigraphStore
    from qa.service import QAService
    from tools.synth import generate

    text_2024, earlier = generate(550803, year=2024)
    text_2025, later = generate(550850, previous=earlier)
    store = OxigraphStore(tmp_path_factory.mktemp("lands"))
    replace_documents([("2024.txt", text_2024.encode()), ("2025.txt", text_2025.encode())], store)
    return QAService(store), earlier, later


def test_a_thing_the_premise_names_keeps_the_measure_it_is_named_in(lands):
    service, earlier, later = lands
    assert all("差旅费" in _economic(t, 6) for t in (earlier, later))
    old, new = (_economic(t, 7)["差旅费"] for t in (earlier, later))
    answer = service.ask("项目支出里差旅费两年变化很大，我粗看是翻了一倍多。请算一下2025年比2024年增长了百分之多少？")
    assert answer.value == ((new - old) / old * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


@pytest.mark.parametrize("question", ["2025年新增的宣传工作经费安排了多少？", "2025年新出现的宣传工作经费是多少万元？"])
def test_a_new_items_own_figure_is_asked(built, question):
    service, earlier, later = built
    assert "宣传工作经费" not in {p.name for p in earlier.projects}
    answer = service.ask(question)
    assert answer.value == next(p.amounts[0] for p in later.projects if p.name == "宣传工作经费"), answer.answer


def test_a_place_in_the_document_names_nothing_it_lacks(built):
    service, _, later = built
    definition = dict(later.glossary)["附属单位上缴收入"]
    answer = service.ask("这个局没有下属单位，但2025年文件末尾的名词解释里还是解释了“附属单位上缴收入”，它指什么？")
    assert definition[:10] in answer.answer, answer.answer


def test_a_count_the_projects_text_states_is_asked_with_yigong(resources):
    service, truth = resources
    project = next(p for p in truth.projects if "个村（社区）" in p.purpose)
    villages = re.search(r"(\d+)个村（社区）", project.purpose).group(1)
    answer = service.ask(f"{project.name}的说明里提到了服务覆盖范围，一共覆盖全区多少个村（社区）？")
    assert answer.value == Decimal(villages), answer.answer


def test_the_departments_own_part_left_out_names_no_other_body(resources):
    service, truth = resources
    answer = service.ask("自然资源局下面有哪几个所属事业单位？不算局机关本级。")
    assert sorted(answer.items) == sorted(truth.subordinate_units), answer.answer


@pytest.mark.parametrize("question", ["{name}有{amount}万元，是全中心最大的一笔项目钱，文件说这笔钱主要用于什么？",
                                      "{name}有{amount}万元，按理说是大头，但我听说文件里写的用途不太一样——文件里这笔钱主要用于什么？"])
def test_this_money_points_at_the_thing_with_the_amount(centre, question):
    service, truth = centre
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(question.format(name=project.name, amount=project.amounts[0]))
    assert answer.answered and project.purpose[-12:].rstrip("。") in answer.answer, answer.answer


def test_the_bare_last_word_of_the_body_is_the_body(centre):
    service, truth = centre
    answer = service.ask("本年度中心准备购置的固定资产主要有哪些？")
    assert answer.answered and "没有提到" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["数据中心租赁费今年安排了多少？", "政务云服务租赁费是多少？"])
def test_nouns_written_onto_a_class_name_are_a_narrower_thing(resources, question):
    service, truth = resources
    assert "租赁费" in _economic(truth, 7)
    answer = service.ask(question)
    assert answer.value is None and "没有找到" in answer.answer, answer.answer


def test_a_class_named_after_where_it_stands_is_that_class(resources):
    service, truth = resources
    answer = service.ask("基本支出表里“其他工资福利支出”是多少？")
    assert answer.value == _economic(truth, 6)["其他工资福利支出"], answer.answer


def test_people_counted_are_not_projects_counted(resources):
    service, _ = resources
    answer = service.ask("公务接待费是几个人去的？")
    assert not answer.answered and "项目" not in answer.answer, answer.answer


def test_the_target_section_is_asked_over_the_project_tables_text(tmp_path_factory):
    service, truth = synth_service(tmp_path_factory.mktemp("labour"), 550601, None)  # a labour bureau
    goal = next(g for g in truth.goals if g.project == "办公设备购置经费")
    project = next(p for p in truth.projects if p.name == goal.project)
    assert goal.targets[0].value != project.targets[0].value  # both in 人次
    answer = service.ask("办公设备购置经费的绩效目标要求培训业务人员不少于多少人次？")
    assert answer.value == goal.targets[0].value, answer.answer


@pytest.mark.parametrize("question", ["2025年人员和公用经费是多少？", "我们在关注过紧日子，人员和公用经费是重点。2025年基本支出是多少？"])
def test_personnel_and_running_costs_are_basic_expenditure(built, question):
    service, _, later = built
    answer = service.ask(question)
    assert answer.value == next(r for r in later.table(3).rows if r.kind == "total").amounts[1], answer.answer


def test_a_funds_part_asked_as_a_share_of_that_fund(lands):
    service, _, later = lands
    fund = next(r for r in later.table(5).rows if r.kind == "total").amounts
    assert fund[0] != next(r for r in later.table(3).rows if r.kind == "total").amounts[0]  # other funds too
    answer = service.ask("2025年一般公共预算支出中项目支出占比是多少？")
    assert answer.value == (fund[2] / fund[0] * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_unit_after_qizhong_with_a_measure_of_its_own(resources):
    service, truth = resources
    unit = truth.subordinate_units[1]
    short = unit.removeprefix(truth.region)
    answer = service.ask(f"我在看项目表，四个单位分开列的。其中{short}那一块的项目支出合计是多少？")
    assert answer.value == sum(p.amounts[0] for p in truth.projects if p.unit == unit), answer.answer


def test_this_centre_points_at_the_unit_the_context_names(resources):
    service, truth = resources
    unit = truth.subordinate_units[1]
    short = unit.removeprefix(truth.region)
    answer = service.ask(f"耕地保护是读者很关心的话题，所以想把{short}的项目都列出来。请问这个中心今年有哪些项目？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.unit == unit), answer.answer


def test_a_fund_said_as_where_a_class_lies(resources):
    service, truth = resources
    row = next(r for r in truth.table(5).rows if r.code and len(r.code) == 7)
    answer = service.ask(f"{row.code}{row.label}在一般公共预算里安排了多少？")
    assert answer.value == row.amounts[0], answer.answer


def test_a_request_ending_in_ma_asks_for_the_figure(lands):
    service, _, later = lands
    part, whole = later.figure("公务用车运行维护费").value, later.figure("“三公”经费").value
    answer = service.ask("三公经费里公务用车运行维护费是大头，能帮我算一下它占2025年三公经费总额的百分比吗？")
    assert answer.value == (part / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_hedged_aside_between_dashes_asks_nothing(resources):
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"{project.name}——说实话我没太明白为什么要花这么多——今年安排了多少？")
    assert answer.value == project.amounts[0], answer.answer


def test_the_kind_of_document_asked_names_no_document(resources):
    service, truth = resources
    project = next(p for p in truth.projects if any("会议纪要" in (c.title or "") for c in p.citations) and len(p.citations) == 1)
    answer = service.ask(f"{project.name}看起来是个新方向，我挺感兴趣。想问它是依据哪份会议纪要安排的？")
    assert answer.answered and "会议纪要" in answer.answer, answer.answer


def test_not_small_leaves_nothing_out(resources):
    service, truth = resources
    project = next(p for p in truth.projects if "站点" not in p.name and len(p.citations) == 1 and p.citations[0].number)
    answer = service.ask(f"我注意到有个{project.name}，金额不算小。这个项目是按哪个文件要求安排的，文号能告诉我吗？")
    assert project.citations[0].number in answer.answer, answer.answer


def test_it_after_a_context_naming_a_thing_is_that_thing(built):
    service, _, later = built
    row = next(r for r in later.table(1).rows if r.label == "社会保障和就业支出")
    total = next(r for r in later.table(1).rows if r.label == "本年支出合计").amounts[0]
    answer = service.ask("社会保障和就业支出是统计局的主业，我想确认一下它在2025年支出总计里占了百分之多少？")
    assert answer.value == (row.amounts[0] / total * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_glossary_word_named_in_a_context_is_what_it_points_at(built):
    service, _, later = built
    answer = service.ask("我看到收入表里有一列“事业收入”，虽然今年都是0，但还是想了解一下，它指的是什么收入？")
    assert dict(later.glossary)["事业收入"].rstrip("。") in answer.answer, answer.answer


def test_this_part_points_at_the_class_holding_the_other_things_named(built):
    service, _, later = built
    items = {r.label: r.amounts[0] for r in later.table(7).rows if r.code and r.code.startswith("302") and len(r.code) == 5}
    answer = service.ask("2025年项目支出的商品和服务支出六千多万，办公费和印刷费都不少。这部分里哪一项最多？")
    assert answer.items == [max(items, key=items.get)], answer.answer


def test_a_clause_restating_the_context_keeps_it(resources):
    service, truth = resources
    units = truth.subordinate_units[:2]
    basic = {r.label: r.amounts[0] for r in truth.table(11).rows if r.kind == "unit"}
    short = [u.removeprefix(truth.region) for u in units]
    answer = service.ask(f"我想算一下两个中心的基本支出总和，也就是{short[0]}加上{short[1]}，一共是多少？")
    assert answer.value == basic[units[0]] + basic[units[1]], answer.answer


def test_zai_jiashang_joins_a_third_term(resources):
    service, truth = resources
    projects = sorted(truth.projects, key=lambda p: p.amounts[0])[-3:]
    a, b, c = (p.name for p in projects)
    answer = service.ask(f"想把几个项目加总：{a}、{b}，再加上{c}，这三项一共多少钱？")
    assert answer.value == sum(p.amounts[0] for p in projects), answer.answer


def test_a_class_named_whole_is_no_targets_words(tmp_path_factory):
    service, truth = synth_service(tmp_path_factory.mktemp("health"), 549350, None)  # 公共卫生 is a class and a word of targets
    row = next(r for r in truth.table(5).rows if r.label == "公共卫生")
    assert any("公共卫生检查" in p.purpose for p in truth.projects)
    answer = service.ask(f"2025年公共卫生（{row.code}）安排了多少？")
    assert answer.value == row.amounts[0], answer.answer


def test_an_attribute_the_documents_lack_is_refused_whatever_its_tag(resources):
    service, _ = resources
    answer = service.ask("各项目的绩效自评得分是多少？")
    assert not answer.answered and "得分" in answer.answer, answer.answer


def test_names_written_together_are_one_thing_not_a_sum(resources):
    service, truth = resources
    income = next(r for r in truth.table(4).rows if r.label == "一般公共预算").amounts[0]
    answer = service.ask("请问自然资源局今年一般公共预算财政拨款一共有多少？")
    assert answer.value == income, answer.answer


def test_a_projects_share_of_an_economic_class_is_refused(resources):
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"我在核对会议费。项目支出里会议费不少，我想知道其中{project.name}分摊了多少会议费？")
    assert not answer.answered, answer.answer


def test_the_thing_named_after_haiyou_duoshao_is_asked(resources):
    service, truth = resources
    other = next(r for r in truth.table(1).rows if r.label == "其他资金").amounts[0]
    answer = service.ask("自然资源局今年除了财政拨款以外，还有多少“其他资金”收入？")
    assert answer.value == other, answer.answer


def test_a_part_of_a_name_before_a_pointer_is_the_sentences_own_thing(resources):
    service, truth = resources
    project = next(p for p in truth.projects if p.name == "公务出行租车经费")
    answer = service.ask("局里的公务用车我没太关注，但我看表12里有一笔租车的钱。公务出行租车那个项目安排了多少钱？")
    assert answer.value == project.amounts[0], answer.answer


def test_a_set_asked_beside_a_reported_question(built):
    service, earlier, later = built
    dropped = {p.name for p in earlier.projects} - {p.name for p in later.projects}
    name = sorted(dropped)[0]
    answer = service.ask(f"有读者问去年的{name}今年还有没有。能帮我看一下，2024年安排过、到2025年不再出现的项目有哪些？")
    assert set(answer.items) == dropped, answer.answer


def test_a_reason_clause_after_the_ask_is_a_remark(schools):
    service, truth = schools
    rows = {r.label: r.amounts[0] for r in truth.table(5).rows if r.code and r.code.startswith("20502") and len(r.code) == 7}
    answer = service.ask("普通教育下面分了好几块，我想知道哪一块钱最多，因为一般印象里学前教育投入偏少。")
    assert answer.items == [max(rows, key=rows.get)], answer.answer


def test_a_whole_said_to_be_pressed_states_a_direction(tmp_path_factory):
    service, truth = synth_service(tmp_path_factory.mktemp("pressed"), 551102, None)  # 三公 fell, 公务接待费 rose
    reason = truth.figure("公务接待费")
    assert reason.change > 0 > truth.figure("“三公”经费").change
    answer = service.ask("“三公”经费整体在压，可公务接待费反而增加了，文件里怎么解释的？")
    assert "公务接待费" in answer.answer and "“三公”经费" not in answer.answer, answer.answer


def test_a_figure_worked_out_from_this_years_explanation_is_asked(built):
    service, _, later = built
    figure = later.figure("机关运行经费")
    answer = service.ask("我手头没有去年的文件。能不能根据今年的说明算出2024年的机关运行经费？")
    assert answer.value == figure.value - figure.change, answer.answer


def test_what_the_asker_means_to_write_is_not_the_question(resources):
    service, truth = resources
    classes = {r.label for r in truth.table(3).rows if r.code and len(r.code) == 3 and r.amounts[0] > 0}
    answer = service.ask("写稿时想交代自然资源局的钱都花在哪些领域。2025年自然资源局的支出落在哪几个功能分类的类级科目上（金额不为零的）？")
    assert set(answer.items) == classes, answer.answer


def test_a_section_said_as_where_to_look_asks_nothing(resources):
    service, truth = resources
    answer = service.ask("我们之前报道过公车改革，想跟进一下。按国有资产占用情况，自然资源局现在有几辆车？")
    assert (answer.value, answer.unit) == (truth.figure("车辆").value, "辆"), answer.answer


def test_a_figure_named_after_qizhong_is_the_questions_own(resources):
    service, truth = resources
    answer = service.ask("我在看说明里政府采购那一段，货物、工程、服务三类都分别列了数。请问其中服务类采购预算是多少？")
    assert answer.value == truth.figure("服务类采购预算").value, answer.answer


def test_the_documents_explanation_as_a_basis_asks_nothing(resources):
    service, truth = resources
    answer = service.ask("按照文件的解释，公务用车运行维护费包括哪些支出？")
    assert "燃料费" in answer.answer, answer.answer


def test_this_class_points_back_at_the_class_named(built):
    service, earlier, later = built
    shares = []
    for t in (earlier, later):
        rows = {r.label: r.amounts[0] for r in t.table(1).rows}
        shares.append(rows["社会保障和就业支出"] / rows["本年支出合计"] * 100)
    answer = service.ask("统计局的钱有一部分在社会保障和就业这一类。我想知道这一类占支出总计的比重，2025年比2024年变化了多少个百分点？")
    assert answer.value == (shares[1] - shares[0]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_measure_alone_after_bi_takes_the_thing_named_before(resources):
    service, truth = resources
    basic, project = _economic(truth, 6), _economic(truth, 7)
    thing = next(k for k in project if k in basic and k.endswith("费") and project[k] > basic[k])
    answer = service.ask(f"基本支出和项目支出里都有{thing}——这一点我之前没注意到——项目支出那边的{thing}比基本支出多多少？")
    assert answer.value == project[thing] - basic[thing], answer.answer


def test_a_sentence_about_the_askers_feature_is_not_the_question(tmp_path_factory):
    service, truth = synth_service(tmp_path_factory.mktemp("labour2"), 551201, None)  # a labour bureau with 第三方绩效评价服务费
    assert any("第三方" in p.name for p in truth.projects)
    answer = service.ask("我们在做一个关于政府购买服务的专题，重点看各部门委托第三方花了多少钱。人社局项目支出里的委托业务费有多少？")
    assert answer.value == _economic(truth, 7)["委托业务费"], answer.answer


def test_a_list_answer_holds_the_things_enumerated(tmp_path_factory):
    service, truth = synth_service(tmp_path_factory.mktemp("labour3"), 550601, None)  # one project named for three programmes
    assert any("粤菜师傅" in p.name and "南粤家政" in p.name for p in truth.projects)
    answer = service.ask("粤菜师傅、广东技工、南粤家政三类培训补贴分别是多少？")
    assert not answer.answered, answer.answer


@pytest.mark.parametrize(("ask", "answered"), [("具体采购的是什么服务？", False), ("对吗？", True)])
def test_the_figure_a_question_states_answers_no_other_ask(resources, ask, answered):
    service, truth = resources
    figure = truth.figure("服务类采购预算")
    answer = service.ask(f"2025年服务类政府采购只有{figure.value}万元，{ask}")
    assert answer.answered == answered, answer.answer


@pytest.mark.parametrize(("ask", "column"), [("请问它的基本支出是多少？", 1), ("请问其中项目支出是多少？", 2)])
def test_a_class_split_in_two_measures_and_then_pointed_at(tmp_path_factory, ask, column):
    service, truth = synth_service(tmp_path_factory.mktemp("labour4"), 550601, None)
    row = next(r for r in truth.table(3).rows if r.label == "社会保险经办机构")
    answer = service.ask(f"我是跑社保条线的记者。表里“社会保险经办机构”那一行既有基本支出也有项目支出，和其他科目不太一样。{ask}")
    assert answer.value == row.amounts[column], answer.answer


def test_a_year_said_relatively_is_not_the_storys(built):
    service, _, later = built
    figure = later.figure("“三公”经费")
    answer = service.ask("我在做三公经费的历年变化曲线，2025年的数有了，还缺上一年的。按说明推算，上年的三公经费是多少？")
    assert answer.value == figure.value - figure.change, answer.answer


def test_a_rate_asked_by_its_name_is_a_target(resources):
    service, truth = resources
    project = next(p for p in truth.projects if p.name == "党建及精神文明建设经费")
    answer = service.ask("党建及精神文明建设经费的任务完成率是多少？")
    assert (answer.value, answer.unit) == (project.targets[0].value, "%"), answer.answer


def test_a_total_that_holds_the_thing_asked_scopes_it(resources):
    service, truth = resources
    fund = next(r for r in truth.table(4).rows if r.label == "政府性基金预算").amounts[0]
    answer = service.ask("财政拨款收入里，政府性基金预算有多少？")
    assert answer.value == fund, answer.answer


def test_a_fund_after_this_class_is_its_column(resources):
    service, truth = resources
    row = next(r for r in truth.table(5).rows if r.label == "事业运行")
    answer = service.ask("事业运行这个科目里，一般公共预算拨款安排了多少？")
    assert answer.value == row.amounts[0], answer.answer


@pytest.mark.parametrize("name", ["森林防火瞭望塔建设项目", "耕地保护补偿项目"])
def test_a_project_no_name_holds_is_refused_not_listed(resources, name):
    service, _ = resources
    answer = service.ask(f"2025年{name}今年预算是多少？")
    assert not answer.answered and name in answer.answer and not answer.items, answer.answer


def test_lion_share_said_asks_no_share(archives):
    service, truth = archives
    total = next(r for r in truth.table(3).rows if r.kind == "total").amounts[2]
    answer = service.ask("我们栏目在盘点各单位的项目经费。档案馆的项目支出看起来占了大头，具体是多少？")
    assert answer.value == total, answer.answer


def test_an_upper_limit_names_what_the_answer_is(resources):
    service, truth = resources
    goal = next(g for g in truth.goals if any(t.unit == "小时" for t in g.targets))
    hours = next(t for t in goal.targets if t.unit == "小时")
    answer = service.ask(f"读到重点项目绩效目标时注意到有设备故障响应时间的要求。{goal.project}的响应时间上限是多少小时？")
    assert answer.value == hours.value, answer.answer


def test_a_cumulative_figure_of_two_years_is_their_sum(built):
    service, earlier, later = built
    answer = service.ask("我们栏目想统计近两年“三公”经费的累计数，2024年和2025年加起来一共多少？")
    assert answer.value == earlier.figure("“三公”经费").value + later.figure("“三公”经费").value, answer.answer


def test_a_request_over_two_clauses_asks_for_the_figure(resources):
    service, truth = resources
    figure = truth.figure("收入预算")
    answer = service.ask("稿子里需要提一下上一年的盘子有多大。能不能根据今年说明里的增减数，推算出上年的收入预算？")
    assert answer.value == figure.value - figure.change, answer.answer


def test_a_quoted_section_title_is_where_to_look(resources):
    service, truth = resources
    answer = service.ask("做稿子需要引用绩效数据。第三部分“重点项目预算绩效目标情况”里列出的是哪几个项目？")
    assert sorted(answer.items) == sorted(g.project for g in truth.goals), answer.answer


def test_an_amount_said_with_duo_is_read_as_an_amount(resources):
    from qa.normalize import normalize

    assert normalize("打算购置一百四十多万元的固定资产") == "打算购置140多万元的固定资产"
    assert normalize("四十多岁") == "四十多岁"  # no unit of money after it: a word, not an amount


def test_zhengzheng_an_amount_picks_the_projects_of_it(built):
    service, _, later = built
    answer = service.ask("2025年哪些项目安排了整整500万元？")
    assert sorted(answer.items) == sorted(p.name for p in later.projects if p.amounts[0] == 500), answer.answer


@pytest.mark.parametrize("question", ["我看到有个叫{name}的项目，一下子安排了{amount}万，占了项目支出的大头。这个项目主要是干什么用的？",
                                      "{name}一下子安排了{amount}万，数额不小，我有点好奇——这笔钱按文件的说法主要用来干什么？",
                                      "按照文件的说法，{name}主要用来干什么？"])
def test_a_key_projects_use_is_its_own_text_after_a_story(resources, question):
    """「这个项目」 points at the project, not at 项目支出 named beside it; 「按文件的说法」 is the
    document speaking, no cited document asked — either way the project's own text answers."""
    service, truth = resources
    name = truth.goals[0].project
    project = next(p for p in truth.projects if p.name == name)
    answer = service.ask(question.format(name=name, amount=int(project.amounts[0])))
    assert answer.value is None and project.purpose[:8] in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["“三公”经费{amount}万元，想知道{first}和{second}各分了多少，文件里有吗？",
                                      "“三公”经费一共{amount}万元，{first}和{second}各占多少？"])
def test_bodies_alone_after_an_opening_ask_of_the_thing_it_names(resources, question):
    """The document gives 三公经费 for the department only: asked per unit after an opening naming it,
    the reply refuses — never each unit's whole budget."""
    service, truth = resources
    first, second = truth.subordinate_units[:2]
    amount = truth.figure("“三公”经费").value
    answer = service.ask(question.format(amount=amount, first=first.removeprefix(truth.region), second=second.removeprefix(truth.region)))
    assert answer.value is None and not answer.items and "预算合计" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["说明里只写了比上年增减多少。按这个增减额倒推，{y0}年的收入预算是多少万元？",
                                      "文件没写上年的数是多少。按增减额倒推一下，上年的收入预算是多少？"])
def test_a_statement_of_what_the_document_says_asks_nothing(resources, question):
    """「说明里只写了…多少。」 reports what the document states: its 多少 asks nothing, the next sentence asks."""
    service, truth = resources
    income = truth.figure("收入预算")
    answer = service.ask(question.format(y0=truth.year - 1))
    assert answer.value == income.value - income.change, answer.answer


@pytest.mark.parametrize(("question", "label"), [("收入预算的降幅是百分之几？", "收入预算"), ("“三公”经费降幅是多少？", "“三公”经费"),
                                                 ("预算说明里写的机关运行经费减幅是百分之几？", "机关运行经费")])
def test_a_rate_named_as_a_noun_is_the_stated_change(resources, question, label):
    """增幅, 降幅, 减幅 name the change in percent: the rate the document states, no share of a total."""
    service, truth = resources
    answer = service.ask(question)
    assert answer.value == abs(truth.figure(label).rate) and answer.unit == "%", answer.answer


@pytest.mark.parametrize("question", ["按这份预算文件的解释，“三公”经费包括哪几项？", "根据本文件的说法，三公经费具体有哪几项？"])
def test_this_document_is_no_cited_document(resources, question):
    """「这份预算文件」「本文件」 is the document read, not a document it cites: the parts of 三公经费 are listed."""
    service, truth = resources
    parts = [f.label for f in truth.figures if f.parent == "“三公”经费"]
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(parts), answer.answer


@pytest.mark.parametrize("question", ["只看政府性基金预算安排的项目，有哪些？", "只看一般公共预算安排的项目，哪一个钱最少？"])
def test_a_fund_said_with_only_scopes_the_projects(resources, question):
    """「只看X安排的项目」: the fund narrows the projects, as it does when said without 只看."""
    service, truth = resources
    fund = "政府性基金预算" if "政府性基金" in question else "一般公共预算"
    funded = [p for p in truth.projects if p.fund == fund]
    expected = sorted(p.name for p in funded) if "哪些" in question else [min(funded, key=lambda p: p.amounts[0]).name]
    answer = service.ask(question)
    assert sorted(answer.items) == expected, answer.answer


def test_a_name_elided_after_than_is_the_sibling_of_the_thing_compared(tmp_path_factory):
    """「用于残疾人事业的彩票公益金支出比用于社会福利的多多少」: after 比, the start of a name whose end the
    thing before 比 says (seed 552302: two lottery classes share 彩票公益金支出)."""
    service, truth = synth_service(tmp_path_factory.mktemp("lottery"), 552302, None)
    rows = {r.label: r.amounts[0] for r in truth.table(2).rows}
    pairs = [(a, b) for a in rows for b in rows if a != b and "的" in b and b.split("的")[1] == a.split("的")[-1]]
    assert pairs
    for first, second in pairs:  # 「…比用于社会福利的多多少」: 社会福利 is a class of its own too
        elided = second.split("的")[0]
        answer = service.ask(f"{first}比{elided}的多多少？")
        assert answer.value == abs(rows[first] - rows[second]) and second in answer.answer, answer.answer
        answer = service.ask(f"彩票公益金分成两块。{first.split('的')[0]}的比{elided}的多多少？")  # both sides said by their names' starts
        assert answer.value == abs(rows[first] - rows[second]) and second in answer.answer, answer.answer


def test_a_name_filter_in_the_story_leaves_a_thing_named_by_code(resources):
    """「看到好几个带“X”字样的科目。我说的是编码N的那一项」: the code's figure, not the story's filter."""
    service, truth = resources
    row = next(r for r in truth.table(2).rows if r.code and len(r.code) == 7)
    word = row.label[:2]
    answer = service.ask(f"在功能分类表里看到好几个带“{word}”字样的科目，有点绕。我说的是编码{row.code}的那一项，它安排了多少？")
    assert answer.value == row.amounts[0], answer.answer


@pytest.mark.parametrize("pointer", ["这两块", "这两笔", "这两个"])
def test_two_things_named_then_counted_are_compared(resources, pointer):
    """「A和B这两块，哪个多？多出多少？」: the count points at the two just named, nothing unknown."""
    service, truth = resources
    first, second = [r for r in truth.table(2).rows if r.code and len(r.code) == 3 and r.amounts[0] > 0][:2]
    answer = service.ask(f"{first.label}和{second.label}{pointer}，哪个多？多出多少？")
    assert answer.value == abs(first.amounts[0] - second.amounts[0]), answer.answer


def test_units_counted_with_jia_are_no_unknown_word(resources):
    """「…三家事业单位。这三家的基本支出合计」: 三家 counts the units named (jieba cuts 家事 otherwise)."""
    service, truth = resources
    units = [u.removeprefix(truth.region) for u in truth.subordinate_units]
    count = "两三四五"[len(units) - 2]
    rows = {r.label: r for r in truth.table(11).rows}  # 表11: each unit's basic expenditure
    expected = sum(rows[u].amounts[0] for u in truth.subordinate_units)
    answer = service.ask(f"这个局下面有{'、'.join(units)}{count}家事业单位。这{count}家的基本支出合计是多少？")
    assert answer.value == expected, answer.answer


@pytest.mark.parametrize("question", ["表十二里一共列了哪些项目？请把名称都列出来。", "项目表一共列了哪些项目？"])
def test_all_listed_is_a_list_not_a_sum(resources, question):
    """「一共列了哪些项目」: 一共 of the listing asks for the names, not their sum."""
    service, truth = resources
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(p.name for p in truth.projects), answer.answer


def test_it_with_a_measure_after_a_story_is_the_body(resources):
    """「我在给县里几个局做人员经费的横向比较，先从X局开始。它的基本支出一共是多少」: 几个局 names no body;
    what has a 基本支出 is the bureau, not 人员经费 named beside it."""
    service, truth = resources
    core = truth.department.removeprefix(truth.region)
    answer = service.ask(f"我在给区里几个局做人员经费的横向比较，先从{core}开始。它的基本支出一共是多少万元？")
    assert answer.value == truth_row(truth, 3, "合计").amounts[1], answer.answer


@pytest.mark.parametrize("question", ["除了局本级以外，哪个单位的基本支出最多？", "基本支出里，不算局本级，哪个单位最少？"])
def test_every_unit_but_the_bureaus_own(resources, question):
    """「除了局本级以外哪个单位最多」: the units but the bureau's own are ranked."""
    service, truth = resources
    rows = {r.label: r.amounts[0] for r in truth.table(11).rows if r.label in truth.subordinate_units}
    pick = max if "最多" in question else min
    answer = service.ask(question)
    assert answer.items == [pick(rows, key=rows.get)], answer.answer


def test_a_count_in_a_statement_is_no_unknown_word(resources):
    """「这个局账上一辆车都没有，那有没有安排买车？公务用车购置费是多少」: 一辆车 counts, names nothing unknown."""
    service, truth = resources
    answer = service.ask("这个局账上一辆车都没有，那今年有没有安排买车？公务用车购置费是多少？")
    assert answer.value == truth.figure("公务用车购置费").value, answer.answer


@pytest.mark.parametrize("remark", ["国有资产那部分应该有写吧。", "表里估计有列的吧。"])
def test_where_the_document_may_say_it_is_a_remark(resources, remark):
    """「…有几辆车？国有资产那部分应该有写吧。」: where the asker guesses the answer stands asks nothing."""
    service, truth = resources
    cars = sum(s[2] for s in truth.staff)
    answer = service.ask(f"这个局自己到底有几辆车？{remark}")
    assert answer.value == cars and answer.unit == "辆", answer.answer


def test_a_storys_measure_scopes_a_question_into_a_class(resources):
    """「我在看项目支出的经济分类，…。商品和服务支出里哪一项最大」: the items of 项目支出's class, not a
    refusal between 表6 and 表7."""
    service, truth = resources
    table = truth.table(7)  # 一般公共预算项目支出 by economic class
    parent = next(r for r in table.rows if r.code == "302")
    items = [r for r in table.rows if r.code and r.code.startswith("302") and len(r.code) == 5]
    answer = service.ask("我在看项目支出的经济分类，会议费、差旅费都不少。商品和服务支出里哪一项最大？")
    assert parent and answer.items == [max(items, key=lambda r: r.amounts[0]).label], answer.answer


def test_another_projects_words_inside_a_target_are_the_targets(resources):
    """「X的绩效目标里培训业务人员不少于多少人次」: words of another project's name inside the target
    asked are the target's words."""
    service, truth = resources
    project = next(p for p in truth.projects if any(t.unit == "人次" for t in p.targets) and p.name != "业务培训经费")
    target = next(t for t in project.targets if t.unit == "人次")
    answer = service.ask(f"{project.name}的绩效目标里培训业务人员不少于多少人次？")
    assert answer.value == target.value and "近似词" not in answer.answer, answer.answer


def test_a_storys_year_scopes_a_reason_asked_after_a_comparison_with_last_year(built):
    """「我翻到2024年的预算说明，那年收入预算比上年下降了N%。文件给出的主要原因是什么」: 比上年 compares;
    the story's 2024 is the question's year."""
    service, earlier, later = built
    income = earlier.figure("收入预算")
    answer = service.ask(f"我翻到2024年的预算说明，那年收入预算比上年变化了{abs(income.rate)}%。文件给出的主要原因是什么？")
    assert answer.answered and f"{abs(income.change):,.2f}" in answer.answer and f"{income.value:.2f}" in answer.answer, answer.answer


def test_a_story_naming_both_years_leaves_which_year_asked(built):
    """「2025年的说明…，可我记得2024年表里也有。这个项目哪一年的预算更多？多了多少」: both loaded years are compared."""
    service, earlier, later = built
    both = {p.name: p.amounts[0] for p in earlier.projects}
    name, amount = next((p.name, p.amounts[0]) for p in later.projects if p.name in both and both[p.name] != p.amounts[0])
    answer = service.ask(f"2025年的说明把{name}说成新增项目，可我记得2024年表里也有。这个项目哪一年的预算更多？多了多少？")
    assert answer.value == abs(amount - both[name]), answer.answer


@pytest.mark.parametrize("question", ["{name}的合同给了哪家单位？", "{name}的项目进度怎么样了？"])
def test_a_contract_or_progress_no_text_states_is_refused(resources, question):
    """合同 and 进度 (jieba tags them 'a' and 'd') are nouns the project's text must speak of: refused, never its text."""
    service, truth = resources
    project = next(p for p in truth.projects if "合同" not in p.purpose and "进度" not in p.purpose and "合同" not in p.name)
    answer = service.ask(question.format(name=project.name))
    assert not answer.answered, answer.answer


def test_each_parts_quantity_a_text_does_not_give_is_refused(resources):
    """「X具体买了哪些物资、各买多少数量」: a text with one amount gives no figure for each part."""
    service, truth = resources
    project = next(p for p in truth.projects if not re.search(r"\d", p.purpose))
    answer = service.ask(f"{project.name}具体用在哪些方面、各花了多少？")
    assert not answer.answered, answer.answer


@pytest.mark.parametrize("word", ["基金", "协会"])
def test_a_noun_after_a_units_short_name_is_another_thing(resources, word):
    """「社会保险基金的收支」 beside a 社会保险事业管理中心: a noun the name lacks, right after its part, names
    another thing the document does not hold — never the unit's budget."""
    service, truth = resources
    unit = truth.subordinate_units[0].removeprefix(truth.region)
    part = unit[:4]
    answer = service.ask(f"今年{part}{word}的收支规模有多大？")
    assert not answer.answered and f"{part}{word}" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["矿山生态修复治理专项经费今年安排了多少？", "森林资源保护专项资金安排了多少钱？"])
def test_a_fund_named_by_words_no_name_holds_is_refused(resources, question):
    """「X专项经费安排了多少」 where no project is X: refused, never the list of every project."""
    service, truth = resources
    answer = service.ask(question)
    assert not answer.answered and not answer.items, answer.answer


def test_projects_of_an_amount_said_with_anpai(resources):
    """「项目支出里，安排了N万元的是哪几个项目」: the projects of exactly that amount."""
    service, truth = resources
    amounts = [p.amounts[0] for p in truth.projects]
    amount = next(a for a in amounts if amounts.count(a) >= 2 and a == int(a))
    answer = service.ask(f"项目支出里，安排了{int(amount)}万元的是哪几个项目？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.amounts[0] == amount), answer.answer


def test_a_head_count_asked_after_a_reason_is_refused(resources):
    """「机关运行经费变化的原因是人员变动，那么在编人数是多少」: a count no document states — never the reason's sentence."""
    service, truth = resources
    answer = service.ask("今年机关运行经费变化的原因是在编人数减少，那么局里在编人数是多少？")
    assert not answer.answered and "人数" in answer.answer, answer.answer


def test_the_bulk_said_between_clauses_is_a_remark(resources):
    """「X两千多万，占了项目支出的大头，这么多钱主要用于什么」: no share is asked; the project's use is."""
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"{project.name}{int(project.amounts[0])}万，占了项目支出的大头，这么多钱主要用于什么？")
    assert answer.value is None and project.purpose[:8] in answer.answer, answer.answer


def test_last_years_figure_worked_back_when_the_asker_asks_if_it_can_be(resources):
    """「…还缺去年的数。根据今年的说明能推算出上一年是多少吗」: the figure worked back by its stated change."""
    service, truth = resources
    figure = truth.figure("机关运行经费")
    answer = service.ask("我们做了一个各部门机关运行经费的年度对比表，还缺这个局去年的数。根据今年的说明能推算出上一年是多少吗？")
    assert answer.value == figure.value - figure.change, answer.answer


def test_a_premise_of_the_other_year_leaves_the_question_its_own(built):
    """「2024年还有N万元其他资金，2025年其他资金收入有多少」: 2025's figure alone."""
    service, earlier, later = built
    row = lambda truth: next(r for r in truth.table(1).rows if r.label.startswith("其他"))  # noqa: E731
    answer = service.ask(f"2024年这个局还有{row(earlier).amounts[0]}万元其他资金，2025年其他资金收入有多少？")
    assert answer.value == row(later).amounts[0], answer.answer


@pytest.mark.parametrize("question", ["{base}有两个项目，合计多少？", "表12里{base}出现了两次，后面那笔标着第二批。这两批加起来一共多少？",
                                      "{base}分了两笔，两笔加起来一共是多少？"])
def test_a_name_said_to_have_two_entries_sums_both(resources, question):
    """「X有两个项目，合计多少」「X出现了两次…这两批加起来」: the projects whose names hold X, when that many."""
    service, truth = resources
    names = [p.name for p in truth.projects]
    base = next(n for n in names if sum(n in m for m in names) == 2 and len(n) >= 4)
    expected = sum(p.amounts[0] for p in truth.projects if base in p.name)
    answer = service.ask(question.format(base=base))
    assert answer.value == expected, answer.answer


def test_a_pointer_at_a_part_of_another_name_is_not_resolved(resources):
    """「上了个智慧城管平台建设项目，…。这个项目安排了多少」: 建设项目 ends a name the document lacks —
    refused, never the projects' sum."""
    service, truth = resources
    answer = service.ask("有网友说局里今年上了个智慧云平台建设项目，花了不少钱。这个项目安排了多少预算？")
    assert not answer.answered and not answer.items, answer.answer


def test_an_ask_restated_before_a_dash_asks_the_target(resources):
    """「我想知道花了这么多钱要达到什么效果——它的绩效目标是怎么定的」: 效果 asks the target; 这么 names nothing."""
    service, truth = resources
    goal = truth.goals[0]
    answer = service.ask(f"{goal.project}一下子就是{int(goal.amount)}万，挺引人注意的。我想知道花了这么多钱要达到什么效果——它的绩效目标是怎么定的？")
    assert answer.answered and goal.text[:6] in answer.answer, answer.answer


def test_these_few_years_in_a_story_ask_nothing(resources):
    """「机关运行经费这几年一直是大家关心的“过紧日子”指标。X局机关运行经费安排了多少」: 这几年 is no ask; the story is set aside."""
    service, truth = resources
    core = truth.department.removeprefix(truth.region)
    answer = service.ask(f"机关运行经费这几年一直是大家关心的“过紧日子”指标。{core}今年机关运行经费安排了多少万元？")
    assert answer.value == truth.figure("机关运行经费").value, answer.answer


def test_how_many_decimals_is_no_unknown_word(resources):
    """「…下降了百分之几？请用两年的合计数算到小数点后两位。」: how the answer is given asks nothing."""
    service, truth = resources
    answer = service.ask("“三公”经费比上年下降了百分之几？请用文件里的合计数算到小数点后两位。")
    assert answer.value == abs(truth.figure("“三公”经费").rate), answer.answer


@pytest.mark.parametrize("question", ["纳入部门预算编制范围的单位都有哪几个？", "部门预算包括哪些单位？", "纳入今年部门预算编制范围的单位一共几个？"])
def test_the_units_within_the_budget_are_asked(resources, question):
    """「纳入部门预算编制范围的单位都有哪几个」「部门预算包括哪些单位」: the budget units, never the projects."""
    service, truth = resources
    answer = service.ask(question)
    units = 1 + len(truth.subordinate_units)
    assert (answer.value == units if "几个" in question and "哪" not in question else len(answer.items) == units), answer.answer


@pytest.mark.parametrize("question", ["局里的无人机采购项目安排了多少钱？", "今年的无人机采购项目预算是多少？"])
def test_words_before_a_linked_part_make_another_thing(resources, question):
    """「无人机采购项目」 beside 政府采购: words before the name linked make another thing, refused."""
    service, truth = resources
    answer = service.ask(question)
    assert not answer.answered, answer.answer


def test_a_count_in_an_unstated_unit_is_refused(resources):
    """「今年要买无人机，具体打算买几架、每架多少钱」: 架 is a unit no figure is in."""
    service, truth = resources
    answer = service.ask("说明里提到今年要购置固定资产，请问具体打算买几架无人机、每架多少钱？")
    assert not answer.answered, answer.answer


def test_last_years_money_asked_after_a_rate_said(resources):
    """「机关运行经费今年下降了N%，那上年安排的是多少万元」: last year's figure in 万元, worked back — not the rate."""
    service, truth = resources
    figure = truth.figure("机关运行经费")
    answer = service.ask(f"机关运行经费今年下降了{abs(figure.rate)}%，那上年安排的是多少万元？")
    assert answer.value == figure.value - figure.change, answer.answer


def test_table_twelve_is_no_count_of_two(resources):
    """「表十二项目支出表里一共列了几个项目」: 十二 numbers the table; it states no count of two."""
    service, truth = resources
    answer = service.ask("表十二项目支出表里一共列了几个项目？")
    assert answer.value == len(truth.projects), answer.answer


@pytest.mark.parametrize("story", ["作为长期关注“三公”消费的记者，我比较在意压缩的理由是不是套话。", "作为纳税人我挺关心钱为什么少了。"])
def test_the_askers_concern_in_a_statement_asks_nothing(resources, story):
    """「我比较在意理由是不是套话。」「我挺关心钱为什么少了。」: the asker's concern is a story; the next sentence asks."""
    service, truth = resources
    figure = truth.figure("“三公”经费")
    answer = service.ask(f"{story}“三公”经费今年为什么减少？")
    assert answer.answered and f"{abs(figure.change):.2f}" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "一般公共预算给{label}这个科目安排了多少钱？",
    "想核实一下，一般公共预算用在{label}上的是多少万元？",
    "这份预算里一般公共预算对“{label}”安排了多少？",
])
def test_a_fund_before_the_thing_it_pays_for_is_that_things_column(sanitation, question):
    """「一般公共预算给X这个科目安排了多少」: the fund said first is the column of X's row, not a second figure."""
    service, truth = sanitation
    row, general = _class_in_both_funds(truth)
    answer = service.ask(question.format(label=row.label))
    assert answer.value == general[row.code].amounts[0], answer.answer


@pytest.mark.parametrize("question", ["一般公共预算安排的基本支出是多少？", "一般公共预算用于基本支出多少万元？", "一般公共预算给基本支出安排了多少？"])
def test_a_fund_before_a_measure_it_pays_for_is_that_funds_part(sanitation, question):
    """「一般公共预算安排的基本支出」: the general budget's part of the basic expenditure (表5's total row)."""
    service, truth = sanitation
    total = next(r for r in truth.table(5).rows if r.kind == "total")
    answer = service.ask(question)
    assert answer.value == total.amounts[1], answer.answer


@pytest.mark.parametrize("question", ["哪个项目用的是政府性基金？", "政府性基金预算用在哪些项目上？",
                                      "有一笔项目资金不是一般公共预算，而是政府性基金，但没找到是哪个项目。请问是哪个？"])
def test_which_project_a_fund_pays_for_lists_its_projects(resources, question):
    """「哪个项目用的是政府性基金」: the projects that fund pays for, never the fund's own total."""
    service, truth = resources
    funded = sorted(p.name for p in truth.projects if p.fund == "政府性基金预算")
    assert funded
    answer = service.ask(question)
    assert sorted(answer.items) == funded, answer.answer


@pytest.mark.parametrize("question", ["机关本身和下属{b}的日常开支差距有多大？", "{a}和{b}的基本支出差距有多大？"])
def test_a_gap_between_units_is_their_difference(resources, question):
    """「A和B的基本支出差距有多大」: 差距 asks a difference, not the two figures' sum."""
    service, truth = resources
    basic = {r.label: r.amounts[0] for r in truth.table(11).rows if r.kind == "unit"}
    a, b = truth.subordinate_units[:2]
    first = truth.department if "机关本身" in question else a
    answer = service.ask(question.format(a=a.removeprefix(truth.region), b=b.removeprefix(truth.region)))
    assert answer.value == abs(basic[first] - basic[b]), answer.answer


@pytest.mark.parametrize("question", ["{name}，文件里说是根据哪些会议纪要的精神安排的？", "{name}，依据的是哪几份会议纪要？"])
def test_the_kind_of_document_asked_leaves_the_opening_its_subject(resources, question):
    """「X，文件里说是根据哪些会议纪要的精神安排的」: 哪些会议纪要 is the kind asked, no name; X, said first, is the subject."""
    service, truth = resources
    project = next(p for p in truth.projects if any("会议纪要" in (c.title or "") for c in p.citations) and len(p.citations) > 1)
    answer = service.ask(question.format(name=project.name))
    meetings = [c for c in project.citations if "会议纪要" in (c.title or "")]
    assert answer.answered and all(c.number.split("〔")[-1] in answer.answer for c in meetings), answer.answer
    others = [c for p in truth.projects if p.name != project.name for c in p.citations]
    assert not any(c.number.split("〔")[-1] in answer.answer for c in others), answer.answer


@pytest.mark.parametrize("question", ["我在对表7，{parent}里那笔{item}是多少？", "{parent}中那一项{item}安排了多少万元？"])
def test_a_pointer_after_a_container_word_still_names_a_part(resources, question):
    """「对个人和家庭的补助里那笔生活补助是多少」: 里那笔 makes the first name the whole the second is a part of — one figure, not two."""
    service, truth = resources
    rows = [r for r in truth.table(7).rows if r.kind == "item" and r.code]
    parents = {r.code: r for r in rows if len(r.code) == 3}
    item = next(r for r in rows if len(r.code) == 5 and r.code[:3] in parents and sum(x.label == r.label for x in truth.table(6).rows) == 0)
    answer = service.ask(question.format(parent=parents[item.code[:3]].label, item=item.label))
    assert answer.value == item.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["我注意到基本支出里商品和服务支出有{amount}万元左右，想知道钱主要花在哪。其中金额最高的明细科目是哪一个？",
                                      "基本支出里的商品和服务支出是{amount}万元，我想知道钱都花在哪。这当中哪一项最多？",
                                      "基本支出中的商品和服务支出一共{amount}万元，我想知道其中哪一项花得最多？"])
def test_among_them_opening_a_later_sentence_points_into_the_premise(resources, question):
    """「X有六十多万元，想知道钱主要花在哪。其中金额最高的是哪一个」: 其中 opening the last sentence is X's items, not every item."""
    service, truth = resources
    rows = [r for r in truth.table(6).rows if r.kind == "item" and r.code and r.code.startswith("302")]
    whole = next(r for r in rows if r.code == "302")
    top = max((r for r in rows if len(r.code) == 5), key=lambda r: r.amounts[0])
    answer = service.ask(question.format(amount=int(whole.amounts[0]) if "左右" in question else whole.amounts[0]))
    assert answer.items == [top.label], answer.answer


@pytest.mark.parametrize("question", ["“三公”经费{way3}了，但机关运行经费好像是{way}的，对吧？它比上年{way}了百分之几？",
                                      "机关运行经费好像是{way}的，是吧？比上年{way}了百分之多少？"])
def test_a_tag_question_is_context_and_it_is_the_thing_named_last(resources, question):
    """「A降了，但B好像是涨的，对吧？它比上年增长了百分之几」: the tag question asks a confirmation the answer gives; 它 is B."""
    service, truth = resources
    figure, three = truth.figure("机关运行经费"), truth.figure("“三公”经费")
    words = {True: "增长", False: "下降"}
    answer = service.ask(question.format(way=words[figure.rate > 0], way3=words[three.rate > 0]))
    assert answer.value == abs(figure.rate), answer.answer


@pytest.mark.parametrize("question", ["{name}这个项目放在哪个单位名下？", "{name}是归哪家单位的？", "我想知道{name}挂在哪个预算单位下面。",
                                      "项目表里的{name}属于哪个单位？", "{name}到底是哪个单位在花这笔钱？"])
def test_the_unit_a_project_is_listed_under(resources, question):
    """「X放在哪个单位名下」: the unit of X's row in the project table, not X's amount or its purpose."""
    service, truth = resources
    project = next(p for p in truth.projects if p.unit != truth.department and sum(q.name == p.name for q in truth.projects) == 1)
    answer = service.ask(question.format(name=project.name))
    assert answer.items == [project.unit], answer.answer


def test_the_unit_a_project_is_listed_under_in_each_year(built):
    """「X这两年分别放在哪个单位名下」: each loaded year's unit of X."""
    service, earlier, later = built
    before = {p.name: p.unit for p in earlier.projects if sum(q.name == p.name for q in earlier.projects) == 1}
    name, unit = next((p.name, p.unit) for p in later.projects if p.name in before and sum(q.name == p.name for q in later.projects) == 1)
    answer = service.ask(f"{name}这两年分别放在哪个单位名下？")
    assert set(answer.items) == {before[name], unit} and "2024年" in answer.answer and "2025年" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["{unit}的项目支出看着不少，我想知道具体是什么。{unit}名下有哪些项目？",
                                      "{unit}今年项目支出挺多的，想弄清楚具体是啥。它名下都有哪些项目？"])
def test_a_vague_ask_before_the_full_question_is_context(resources, question):
    """「X的项目支出不少，我想知道具体是什么。X名下有哪些项目」: the vague ask names nothing; the next sentence asks it in full."""
    _lists_the_units_projects(resources, question)


def test_a_vague_ask_before_the_full_question_is_context_across_years(years):
    """「X2025年的项目支出比上一年多了不少，我想知道具体是什么。2025年X名下有哪些项目」: 哪些项目 asks projects, never items of a measure."""
    service, earlier, later = years
    short = later.department.removeprefix(later.region)
    answer = service.ask(f"{short}2025年的项目支出比上一年变化不小，我想知道具体是什么。2025年{short}都有哪些项目？")
    assert sorted(answer.items) == sorted(p.name for p in later.projects), answer.answer


@pytest.mark.parametrize("question", ["我在写一篇关于{cls}投入的稿子，想先核实一个基础数据：{core}今年的项目支出总共安排了多少钱？",
                                      "最近在关注{cls}这一块。{core}的项目支出一共是多少万元？"])
def test_a_class_named_in_the_story_leaves_a_bodys_measure_its_own(resources, question):
    """「我在写关于X投入的稿子，…Y局今年的项目支出总共多少」: the body's own measure, not X's part of it."""
    service, truth = resources
    total = next(r for r in truth.table(3).rows if r.kind == "total")
    cls = next(r.label for r in truth.table(3).rows if r.code and len(r.code) == 7 and r.amounts[2] and r.amounts[2] != total.amounts[2])
    answer = service.ask(question.format(cls=cls, core=truth.department.removeprefix(truth.region)))
    assert answer.value == total.amounts[2], answer.answer


@pytest.mark.parametrize("question", ["{kuan}里{xiang}的数额特别大，我想知道它占{lei}的比重是多少？",
                                      "{kuan}当中的{xiang}不少，想问一下它占{lei}的百分之几？"])
def test_it_after_a_part_named_inside_its_whole_is_the_part(resources, question):
    """「A里B的数额特别大，我想知道它占C的比重」: 它 is B, named last inside A; C after 占 is the whole."""
    service, truth = resources
    rows = [r for r in truth.table(3).rows if r.code]
    unique = [r for r in rows if sum(q.label == r.label for q in rows) == 1]
    xiang = next(r for r in unique if len(r.code) == 7 and any(k.code == r.code[:5] for k in unique) and any(k.code == r.code[:3] for k in unique)
                 and next(k for k in rows if k.code == r.code[:5]).amounts[0] != r.amounts[0])
    kuan, lei = (next(k for k in rows if k.code == xiang.code[:n]) for n in (5, 3))
    answer = service.ask(question.format(kuan=kuan.label, xiang=xiang.label, lei=lei.label))
    assert answer.value == (xiang.amounts[0] / lei.amounts[0] * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


@pytest.mark.parametrize("question", ["除了{big}这个大头之外，{a}、{b}这两类支出加起来是多少？", "{big}那块是大头，先不管它。{a}和{b}合计多少万元？"])
def test_a_thing_called_the_big_part_asks_no_largest(resources, question):
    """「除了X这个大头之外，A、B这两类支出加起来」: 这个大头 describes X; the sum of A and B is asked."""
    service, truth = resources
    tops = sorted((r for r in truth.table(3).rows if r.code and len(r.code) == 3), key=lambda r: -r.amounts[0])
    big, a, b = tops[:3]
    answer = service.ask(question.format(big=big.label, a=a.label, b=b.label))
    assert answer.value == a.amounts[0] + b.amounts[0], answer.answer


def _repeated_amount(truth):
    amounts = [p.amounts[0] for p in truth.projects]
    return next(a for a in sorted(set(amounts), key=lambda a: -amounts.count(a)))


def test_projects_of_exactly_an_amount_said_with_dou(resources):
    """「哪些项目的预算刚好都是N万元」: 都 inside the exact amount keeps it a condition."""
    service, truth = resources
    amount = _repeated_amount(truth)
    answer = service.ask(f"我注意到表12里有好几笔整数的项目钱。哪些项目的预算刚好都是{amount:f}万元？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.amounts[0] == amount), answer.answer


@pytest.mark.parametrize("question", ["哪些项目安排的数额跟{a}万元一模一样？", "列一下预算等同于{a}万元的项目", "有哪些项目的钱数是{a}万元这个数？"])
def test_a_stated_amount_is_never_dropped_from_a_list(resources, question):
    """A list asked with an amount is that amount's projects or a refusal — never projects of other amounts."""
    service, truth = resources
    amount = _repeated_amount(truth)
    answer = service.ask(question.format(a=f"{amount:f}"))
    assert not answer.answered or sorted(answer.items) == sorted(p.name for p in truth.projects if p.amounts[0] == amount), answer.answer


@pytest.mark.parametrize("question", ["档案馆本年度拟购置的固定资产主要有哪些？", "档案馆今年打算买哪些固定资产？"])
def test_the_department_named_by_a_class_name_scopes_a_figures_text(archives, question):
    """「档案馆本年度拟购置的固定资产主要有哪些」: 档案馆 (the department, a class's name too) is the scope; the figure's own words answer."""
    service, truth = archives
    answer = service.ask(question)
    assert answer.answered and "密集架" in answer.answer and not answer.items, answer.answer


def test_any_county_said_with_yi_ge_names_no_other_body(resources):
    """「在一个县X局里不算小了」: 一个县 is any county, not another district's bureau."""
    service, truth = resources
    project = next(p for p in truth.projects if p.purpose and sum(q.name == p.name for q in truth.projects) == 1)
    kind = truth.department.removeprefix(truth.region)[-5:]
    answer = service.ask(f"{project.name}有{project.amounts[0]:f}万元，在一个县{kind}里不算小了。这笔钱主要用来做什么？")
    assert answer.answered and project.purpose[:8] in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["2025年{core}的项目不算多，只剩几个。其中哪个项目安排的钱最多？", "我看2025年的项目就几个。当中哪个项目钱最多？"])
def test_several_in_a_statement_asks_no_count(years, question):
    """「只剩几个。其中哪个项目安排的钱最多」: a statement's 几个 is "several"; the largest is asked."""
    service, earlier, later = years
    top = max(later.projects, key=lambda p: p.amounts[0])
    answer = service.ask(question.format(core=later.department.removeprefix(later.region)))
    assert answer.items == [top.name], answer.answer


def test_a_bodys_own_set_after_a_story_naming_a_class(resources):
    """「最近在做一篇关于X的报道，…。Y局的部门预算包括哪几个单位」: the body's units, the story's class aside."""
    service, truth = resources
    cls = next(r.label for r in truth.table(3).rows if r.code and len(r.code) == 5)
    core = truth.department.removeprefix(truth.region)
    answer = service.ask(f"最近在做一篇关于{cls}的报道，需要先搞清楚预算主体。{core}的部门预算包括哪几个单位？")
    assert len(answer.items) == 1 + len(truth.subordinate_units), answer.answer


@pytest.mark.parametrize("question", ["我在看{unit}的{part}，就是{amount}万元那一项。请问它依据的是哪份文件，文号是多少？",
                                      "{unit}名下有个{part}（{amount}万元）。它是根据哪个文件安排的？"])
def test_it_after_a_unit_and_its_project_is_the_project(resources, question):
    """「我在看X中心的Y经费，就是N万元那一项。请问它依据的是哪份通知」: 它 is the project (named by a part), the unit its scope."""
    service, truth = resources
    project = next(p for p in truth.projects if p.citations and p.citations[0].number and p.unit != truth.department
                   and sum(q.name == p.name for q in truth.projects) == 1)
    answer = service.ask(question.format(unit=project.unit.removeprefix(truth.region), part=project.name[2:], amount=f"{project.amounts[0]:f}"))
    assert answer.answered and project.citations[0].number.split("〔")[-1] in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["我在写一篇稿子，注意到2025年{core}的项目支出变化不小。和2024年相比，项目支出变化了多少万元？",
                                      "2025年的项目支出我看了一下。跟2024年比，项目支出差了多少万元？"])
def test_the_storys_year_is_compared_with_the_year_the_question_names(years, question):
    """「注意到2025年X的项目支出涨了不少。和2024年相比，项目支出增长了多少」: 2025 is the year compared with 2024."""
    service, earlier, later = years
    total = [next(r for r in t.table(3).rows if r.kind == "total").amounts[2] for t in (earlier, later)]
    answer = service.ask(question.format(core=later.department.removeprefix(later.region)))
    assert answer.value == abs(total[1] - total[0]), answer.answer


@pytest.mark.parametrize("question", ["档案馆今年要买密集架，我想算算单价。密集架每组采购价是多少钱？", "密集架的采购价是多少？", "扫描仪采购花了多少钱？"])
def test_a_thing_bought_is_no_figure_of_procurement(archives, question):
    """「密集架的采购价是多少」 (seed 3931's document names 密集架 among what it will buy): 采购 there is the thing's price,
    not 政府采购 — refused, as is a price per group."""
    service, truth = archives
    answer = service.ask(question)
    assert not answer.answered, answer.answer
    assert service.ask("今年政府采购预算是多少？").value == truth.figure("政府采购").value


def test_a_word_before_a_bodys_name_is_no_misspelt_region(veterans):
    """「审议时发现退役军人事务局…」: 现 of 发现 sounds like 县 but belongs to a word of its own; no other county is named."""
    service, truth = veterans
    total = next(r for r in truth.table(3).rows if r.kind == "total").amounts[2]
    answer = service.ask("我是人大代表，审议时发现退役军人事务局今年的预算变化很大。想请您帮我看一下，项目支出是多少？")
    assert answer.value == total, answer.answer


@pytest.mark.parametrize("question", ["几个预算单位里，基本支出最少的是哪个单位？就是养人、保运转那部分钱最少的。",
                                      "哪个单位的基本支出最少？也就是日常运转花钱最省的那家。"])
def test_a_restatement_in_everyday_words_after_the_question_asks_nothing(resources, question):
    """「…最少的是哪个单位？就是养人、保运转那部分钱最少的。」: the restatement names nothing; its words are not held against the question."""
    service, truth = resources
    basic = {r.label: r.amounts[0] for r in truth.table(11).rows if r.kind == "unit"}
    answer = service.ask(question)
    assert answer.items == [min(basic, key=basic.get)], answer.answer


@pytest.mark.parametrize("question", ["几个预算单位里，基本支出最多的是哪个单位？", "这几家单位中基本支出最少的是哪家？"])
def test_several_units_is_the_set_of_units(resources, question):
    """「几个预算单位里，基本支出最多的是哪个」: 几个 names the units to look in, however many — never a count asked nor items ranked."""
    service, truth = resources
    basic = {r.label: r.amounts[0] for r in truth.table(11).rows if r.kind == "unit"}
    answer = service.ask(question)
    assert len(answer.items) == 1 and (min if "最少" in question else max)(basic, key=basic.get) in answer.items[0], answer.answer


@pytest.mark.parametrize("question", ["我在写财政专项经费的稿子。档案馆今年预算变化了{change}万元，文件里说主要原因是什么？", "档案馆今年的预算为什么有变化？"])
def test_the_department_named_by_a_class_name_before_its_budget(archives, question):
    """「档案馆今年预算减少了…，主要原因是什么」: 档案馆 before 预算 is the department (a class's name too); its budget's stated reason."""
    service, truth = archives
    whole = next(f for f in truth.figures if f.section == "一")
    answer = service.ask(question.format(change=f"{whole.change:f}"))
    assert answer.answered and "原因" in answer.answer and f"{whole.change:f}" in answer.answer.replace(",", ""), answer.answer


def test_the_big_part_said_in_a_statement_ranks_nothing(resources):
    """「X今年有N万，占了项目支出的大头。说明里写的这笔钱要用来做什么」: 大头 describes X; X's text is asked."""
    service, truth = resources
    project = next(p for p in sorted(truth.projects, key=lambda p: -p.amounts[0]) if p.purpose and sum(q.name == p.name for q in truth.projects) == 1)
    answer = service.ask(f"{project.name}今年有{int(project.amounts[0])}多万，占了项目支出的大头。说明里写的这笔钱要用来做什么？")
    assert answer.answered and project.purpose[:8] in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["对比两年的项目表，2024年安排了{t}万元以上、到2025年项目表里就不见了的项目有哪些？",
                                      "2024年金额在{t}万元及以上、但2025年项目表里已经没有的项目有哪些？"])
def test_projects_dropped_after_2024_filtered_by_their_2024_amount(years, question):
    """「2024年安排了N万元以上、到2025年就不见了的项目」: the dropped projects at or above N (a bound after a year and a clause is still read)."""
    service, earlier, later = years
    names = {p.name for p in later.projects}
    dropped = [p for p in earlier.projects if p.name not in names]
    t = sorted(p.amounts[0] for p in dropped)[len(dropped) // 2]
    answer = service.ask(question.format(t=f"{t:f}"))
    assert sorted(answer.items) == sorted(p.name for p in dropped if p.amounts[0] >= t), answer.answer


@pytest.mark.parametrize("question", ["想知道2025年是不是换了一批新项目。2025年项目表里的项目，有几个是2024年就已经安排过的？",
                                      "2025年项目表里的项目，哪些在2024年的项目表里也出现过？"])
def test_projects_of_2025_already_there_in_2024(years, question):
    """「2025年的项目，有几个是2024年就已经安排过的」: the projects in both years — the story's 新项目 asks no set."""
    service, earlier, later = years
    both = {p.name for p in earlier.projects} & {p.name for p in later.projects}
    answer = service.ask(question)
    assert (answer.value == len(both) if "几个" in question else set(answer.items) == both), answer.answer


def test_a_bodys_total_after_a_story_comparing_a_class(resources):
    """「我正在比较几个区的X投入。Y局2025年部门预算的支出总计是多少」: the story's 比较 and class are context; Y's total is asked."""
    service, truth = resources
    cls = next(r.label for r in truth.table(3).rows if r.code and len(r.code) == 3)
    total = next(r for r in truth.table(1).rows if r.label == "支出总计").amounts[0]
    core = truth.department.removeprefix(truth.region)
    answer = service.ask(f"我是做基层研究的，正在比较几个区的{cls}投入。{core}2025年部门预算的支出总计是多少？")
    assert answer.value == total, answer.answer


@pytest.mark.parametrize("question", ["三公经费一共就{about}万多，里面公务用车运行维护费占了百分之多少？", "“三公”经费总共{about}万出头，当中公务接待费占几成？"])
def test_inside_opening_the_question_points_at_the_premises_whole(resources, question):
    """「三公经费一共就两万多，里面X占了百分之多少」: 里面 is inside the whole the premise names — the share of 三公经费."""
    service, truth = resources
    whole = truth.figure("“三公”经费")
    part = truth.figure("公务用车运行维护费" if "公务用车" in question else "公务接待费")
    answer = service.ask(question.format(about=int(whole.value)))
    assert answer.value == (part.value / whole.value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


@pytest.mark.parametrize("question", ["政府性基金预算支出用在了哪个功能科目上？", "政府性基金预算支出有哪些功能科目？"])
def test_the_classes_a_fund_pays_for_are_its_own_tables_rows(resources, question):
    """「政府性基金预算支出用在了哪个功能科目上」: the 项 rows of that fund's own table (表9) — not the fund's total, not every class."""
    service, truth = resources
    rows = [r.label for r in truth.table(9).rows if r.code and len(r.code) == 7]
    assert rows
    answer = service.ask(question)
    assert sorted(answer.items) == sorted(rows), answer.answer


@pytest.mark.parametrize("question", ["{core}本级（不含下属中心）一共安排了多少个项目？", "局本级（不包括下属单位）有几个项目？"])
def test_the_bureaus_own_projects_with_its_units_left_out(resources, question):
    """「本级（不含下属中心）一共安排了多少个项目」: 不含 leaves the units out — the bureau's own projects, never all or the units'."""
    service, truth = resources
    answer = service.ask(question.format(core=truth.department.removeprefix(truth.region)))
    assert answer.value == sum(p.unit == truth.department for p in truth.projects), answer.answer


@pytest.mark.parametrize("question", ["今年的{name}比上年是增是减？上年大概是多少万元？", "{name}比上年多了还是少了？上年是多少？"])
def test_last_years_figure_asked_after_the_direction(resources, question):
    """「比上年是增是减？上年大概是多少万元？」: the last ask is last year's figure, worked back (its direction said with it)."""
    service, truth = resources
    figure = next(f for f in truth.figures if f.value and f.change and abs(f.change) != f.value - f.change and f.unit == "万元")
    answer = service.ask(question.format(name=figure.label))
    assert answer.value == figure.value - figure.change, answer.answer


@pytest.mark.parametrize("question", ["为了和2025年做对照，我先算2024年：当年项目支出占部门总支出的比重是多少？",
                                      "为了跟2025年比较，我先看2024年：那一年的项目支出是多少？",
                                      "想跟2025年对比，先看2024年的：那一年项目支出是多少"])  # the colon ends a lead-in the sentence opens with 想
def test_the_year_compared_with_in_the_context_is_not_the_year_asked(years, question):
    """「为了和2025年做对照，我先算2024年：当年…」: 2025 is what it is compared with; 2024 is asked."""
    service, earlier, later = years
    total = next(r for r in earlier.table(3).rows if r.kind == "total")
    answer = service.ask(question)
    expected = (total.amounts[2] / next(r for r in earlier.table(1).rows if r.label == "本年支出合计").amounts[0] * 100).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP) if "比重" in question else total.amounts[2]
    assert answer.value == expected, answer.answer


@pytest.mark.parametrize("question", ["{base}有两个项目，连同第二批加起来是多少？", "{base}分了两笔，加上第二批那笔一共多少万元？"])
def test_together_with_opening_the_question_adds_to_what_the_context_names(archives, question):
    """「X有两个项目，连同第二批加起来是多少」 (seed 3931: X and X（第二批）): 连同 adds the part it names to the thing the context names."""
    service, truth = archives
    second = next(p for p in truth.projects if p.name.endswith("（第二批）"))
    base = second.name.removesuffix("（第二批）")
    expected = sum(p.amounts[0] for p in truth.projects if p.name in (base, second.name))
    answer = service.ask(question.format(base=base))
    assert answer.value == expected, answer.answer


@pytest.mark.parametrize("question", ["这个局二〇二五年的项目支出表（表12）里一共列了几个项目？", "这个局今年的项目有几个？"])
def test_this_bureau_points_at_the_body_not_at_one_project(resources, question):
    """「这个局二〇二五年的项目支出表里一共列了几个项目」: 这个局 is the loaded body; its projects are counted."""
    service, truth = resources
    answer = service.ask(question)
    assert answer.value == len(truth.projects), answer.answer


@pytest.mark.parametrize("question", ["档案馆现在有几辆车？", "我看不少单位都有单价一百万元以上的大型设备，档案馆有没有？有几台？"])
def test_the_department_named_by_a_class_name_asked_a_count_it_holds(archives, question):
    """「档案馆现在有几辆车」: 档案馆 (the department, a class's name too) is the scope — no target's words; the count it holds is asked."""
    service, truth = archives
    name = "车辆" if "车" in question else next(f.label for f in truth.figures if f.unit == "台")
    answer = service.ask(question)
    assert answer.value == truth.figure(name).value, answer.answer


def test_how_the_rate_is_worked_out_is_no_unknown_word(years):
    """「…增长了多少？按两年表8的数算百分比，保留两位小数。」: the basis of the computation asks nothing of its own (数算 is no thing)."""
    service, earlier, later = years
    name = next(f.label for f in later.figures if f.parent == "“三公”经费" and earlier.figure(f.label).value and f.value != earlier.figure(f.label).value)
    before, after = earlier.figure(name).value, later.figure(name).value
    answer = service.ask(f"{name}从2024年到2025年增长了多少？按两年表8的数算百分比，保留两位小数。")
    assert answer.value == ((after - before) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer  # signed: 增长 of a fall is negative


@pytest.mark.parametrize("question", ["您好，想问下局里“三公”经费是多少？", "想知道局里三公经费一共多少？"])
def test_the_bureau_after_the_asking_words_is_the_loaded_one(resources, question):
    """「想问下局里…」: 局 right after the asking words is the bureau loaded, no body called 想问下局."""
    service, truth = resources
    answer = service.ask(question)
    assert answer.value == truth.figure("“三公”经费").value, answer.answer


def test_which_office_does_a_duty_asked_after_the_bureau(resources):
    """「想知道局里哪个股室负责X」: the bureau said before the asking word modifies no project's part in the duty."""
    service, truth = resources
    office, words = next((o, said.group(1)) for o, duty in truth.units if o.endswith("股")
                         and (said := re.search(r"负责([\u4e00-\u9fff]{4,8}?)(?:[、，和]|工作)", duty)))  # 地质灾害防治, 地质灾害 a project's part too
    answer = service.ask(f"我是做报道的，想知道局里哪个股室负责{words}？")
    assert office in answer.answer, answer.answer


def _fiscal_row(truth):
    """A spending class of 表4 (财政拨款) whose figure differs from the same class in 表3 (every fund)."""
    everything = {r.label: r.amounts[0] for r in truth.table(3).rows if r.kind == "item"}
    return next(r for r in truth.table(4).rows if r.side == "支出" and r.amounts[0] and everything.get(r.label) not in (None, r.amounts[0]))


@pytest.mark.parametrize("question", ["财政拨款口径下的{label}是多少？", "表1里有{label}，那按财政拨款口径，{label}是多少？"])
def test_the_money_of_a_table_named_as_a_scope_is_that_tables_figure(legal, question):
    """「财政拨款口径下的X」: 表4's X (the money of 财政拨款), not 表3's (every fund) beside 预算拨款."""
    service, truth = legal
    row = _fiscal_row(truth)
    answer = service.ask(question.format(label=row.label))
    assert answer.value == row.amounts[0], answer.answer


def test_a_scope_the_figure_is_not_given_in_is_refused(legal):
    """「按财政拨款口径，项目支出是多少」: 表4 holds no 项目支出; 表3's (every fund) is another figure."""
    service, _ = legal
    answer = service.ask("按财政拨款口径，项目支出是多少？")
    assert not answer.answered and "财政拨款口径" in answer.answer, answer.answer


def test_a_named_total_of_the_table_named_is_that_tables(legal):
    """「表4的收入总计」: 表4's row, not 表1's 收入总计 (the template's total of that name; they differ here)."""
    service, truth = legal
    answer = service.ask("表4的收入总计是多少？")
    assert answer.value == next(r.amounts[0] for r in truth.table(4).rows if r.label == "收入总计"), answer.answer


def _class_with_parts(truth):
    """A 类 of 表3 with three or more 款 under it, and those 款 rows."""
    rows = [r for r in truth.table(3).rows if r.kind == "item" and r.code]
    for head in (r for r in rows if len(r.code) == 3):
        parts = [r for r in rows if len(r.code) == 5 and r.code.startswith(head.code)]
        if len(parts) >= 3:
            return head, parts
    raise AssertionError("no class with three parts")


def test_the_parts_listed_before_a_superlative_are_its_candidates(schools):
    """「X下面分了好几个款，A、B、C。哪个款的金额最大？」: the parts listed are those compared, not each a thing the answer must state."""
    service, truth = schools
    head, parts = _class_with_parts(truth)
    listed = "、".join(p.label for p in parts)
    answer = service.ask(f"{head.label}下面分了好几个款，{listed}。哪个款的金额最大？")
    assert answer.items == [max(parts, key=lambda p: p.amounts[0]).label], answer.answer


def test_examples_listed_with_deng_are_no_filter(resources):
    """「有印刷费、劳务费等好几项。其中金额最高的明细科目是多少」: examples (等) of a wider set."""
    service, truth = resources
    rows = [r for r in truth.table(7).rows if r.kind == "item" and r.code and len(r.code) == 5 and r.amounts[0]]
    top = max(rows, key=lambda r: r.amounts[0])
    shown = [r.label for r in rows if r is not top][:2]
    answer = service.ask(f"项目支出按经济分类拆开来看，有{'、'.join(shown)}等好几项。请问其中金额最高的那个明细科目是多少钱？")
    assert answer.value == top.amounts[0], answer.answer


def test_an_amount_of_things_bought_parts_no_name(resources):
    """「今年要买一批固定资产…主要买些什么」: 一批 between the plan and the thing; the plan's detail (拟购置), not the assets held."""
    service, truth = resources
    answer = service.ask("局里今年要买一批固定资产，金额不小。说明里提到主要买些什么？")
    assert answer.answered and "拟购置固定资产" in answer.answer and "截至" not in answer.answer, answer.answer


def test_a_yes_no_ask_of_a_direction_before_the_precise_question(years):
    """「买设备、搞建设的钱是不是也少了？资本性支出…变化了多少」: the yes/no ask is answered by the figure after it; its 买 asks no 购置."""
    service, earlier, later = years
    before, after = (next(r.amounts[0] for r in t.table(7).rows if r.label == "资本性支出") for t in (earlier, later))
    answer = service.ask("预算压缩以后，买设备、搞建设的钱是不是也少了？项目支出里的资本性支出，2025年比2024年变化了多少？")
    assert answer.value is not None and abs(answer.value) == abs(after - before), answer.answer


@pytest.mark.parametrize("question", ["2024年有{a}个项目，到了2025年只剩{b}个。哪些项目没有延续下来？",
                                      "2024年的项目里，哪几个没能保留下来，2025年表12里找不到了？"])
def test_not_carried_on_is_dropped(years, question):
    """「哪些项目没有延续下来」: 延续下来 negated asks the projects dropped, not those in both years."""
    service, earlier, later = years
    kept = {p.name for p in later.projects}
    dropped = sorted({p.name for p in earlier.projects} - kept)
    answer = service.ask(question.format(a=len(earlier.projects), b=len(later.projects)))
    assert sorted(answer.items) == dropped, answer.answer


@pytest.mark.parametrize("question", ["局里今年的创业担保贷款贴息项目预算是多少？", "存款利息补贴项目安排了多少？"])
def test_a_level_word_inside_another_word_is_no_level(resources, question):
    """「创业担保贷款贴息项目预算」: 款 of 贷款 is no 款 level; the project is none of the document's — refused, never 项目支出."""
    service, _ = resources
    answer = service.ask(question)
    assert not answer.answered and "款" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["政府采购里服务类是多少？具体分别采购了哪些服务、各多少钱？", "货物类采购都买了哪几样东西，每样多少钱？"])
def test_things_by_name_each_with_its_amount_need_a_list(resources, question):
    """「分别采购了哪些服务、各多少钱」: the document states the 服务类 total only — no figure stands for the list asked."""
    service, _ = resources
    answer = service.ask(question)
    assert not answer.answered, answer.answer


@pytest.mark.parametrize("question", ["2025年新冒出来几个项目，2024年一个都没有。分别是哪些项目？",
                                      "2024年有几个项目到了2025年就没有了。是哪几个？"])
def test_a_statements_count_word_before_names_asked(years, question):
    """「新冒出来几个项目，…。分别是哪些项目」: 几个 in a statement says there are some; the names are asked."""
    service, earlier, later = years
    before, after = {p.name for p in earlier.projects}, {p.name for p in later.projects}
    expected = sorted(after - before if "新" in question else before - after)
    answer = service.ask(question)
    assert sorted(answer.items) == expected and answer.value is None, answer.answer


def test_a_class_said_in_both_years_asks_its_change(years):
    """「基本支出里的工资福利支出两年都有，我想知道2025年比2024年变化了百分之多少」: 两年都有 says the named class
    is in both years; its change is asked, not the set of classes that fell."""
    service, earlier, later = years
    before, after = (next(r.amounts[0] for r in t.table(6).rows if r.label == "工资福利支出") for t in (earlier, later))
    answer = service.ask("基本支出里的工资福利支出两年都有，我想知道2025年比2024年变化了百分之多少？")
    expected = ((after - before) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert answer.value is not None and abs(answer.value) == abs(expected), answer.answer


def test_the_documents_edition_asks_nothing(resources):
    """「2025年版本的预算里，X是多少」: 版本 is the document asked of, no thing of its own."""
    service, truth = resources
    answer = service.ask("2025年版本的预算里，三公经费是多少？")
    assert answer.value == truth.figure("“三公”经费").value, answer.answer


@pytest.mark.parametrize("question", ["编辑想知道今年最大的一笔项目钱花在哪。哪个项目预算最多？", "领导好奇钱最多的项目是什么。哪个项目金额最大？"])
def test_a_wish_reported_before_the_question_is_its_story(resources, question):
    """「编辑想知道…花在哪。哪个项目预算最多？」: what another person wants to know is reported; the next sentence asks."""
    service, truth = resources
    answer = service.ask(question)
    assert answer.items == [max(truth.projects, key=lambda p: p.amounts[0]).name], answer.answer


def test_which_n_parts_a_class_has(resources):
    """「项目支出里的X分成哪两类」: 哪 with a number asks the parts by name, as 哪几类 does."""
    service, truth = resources
    rows = [r for r in truth.table(7).rows if r.kind == "item" and r.code]
    head, parts = next((h, p) for h in rows if len(h.code) == 3 and 2 <= len(p := [r for r in rows if len(r.code) == 5 and r.code.startswith(h.code)]) <= 3)
    answer = service.ask(f"项目支出里的{head.label}分成哪{'两三'[len(parts) - 2]}类？")
    assert sorted(answer.items) == sorted(p.label for p in parts), answer.answer


@pytest.mark.parametrize("question", ["2025年的部门预算总盘子有多大？", "部门预算规模是多少？"])
def test_the_whole_budget_asked_without_naming_the_body(resources, question):
    """「部门预算总盘子有多大」: the loaded body's whole budget (收入总计), asked by 多大 too."""
    service, truth = resources
    answer = service.ask(question)
    assert answer.value == truth_row(truth, 1, "收入总计").amounts[0], answer.answer


def test_a_class_said_new_asks_its_figure(years):
    """「2025年新出现的2080501行政单位离退休是多少」: the new class's own figure, not whether it is in a set of projects."""
    service, earlier, later = years
    old = {r.code for r in earlier.table(3).rows if r.code}
    row = next(r for r in later.table(3).rows if r.code and len(r.code) == 7 and r.code not in old)
    answer = service.ask(f"2025年新出现的{row.code}{row.label}是多少？")
    assert answer.value == row.amounts[0], answer.answer


@pytest.mark.parametrize("said", ["{code}.3%", "{code}%", "{code}万元"])
def test_a_number_stated_is_no_class_code(resources, said):
    """「三公经费增长了208.3%，说明里给的原因是什么」: 208 of 208.3% is a rate, not the class 208 (社会保障和就业支出)."""
    service, truth = resources
    code = next(r.code for r in truth.table(3).rows if r.code and len(r.code) == 3)
    answer = service.ask(f"三公经费比上年变了{said.format(code=code)}，说明里给的原因是什么？")
    assert answer.answered and "原因" in answer.answer, answer.answer


def test_the_part_a_twin_is_told_by_is_left_out_in_its_year(years):
    """「X这个项目（不算2025年另列的“专项经费”），2025年比2024年变化了多少」: of 2025's X and X专项经费, X."""
    service, earlier, later = years
    names = {p.name: p for p in later.projects}
    base, twin = next((p, names[p.name + "专项经费"]) for p in later.projects if p.name + "专项经费" in names)
    before = next(p for p in earlier.projects if p.name == base.name)
    answer = service.ask(f"{base.name}这个项目（不算2025年另列的“专项经费”），2025年比2024年变化了多少？")
    assert answer.value is not None and abs(answer.value) == abs(base.amounts[0] - before.amounts[0]), answer.answer


def test_a_target_asked_twice_in_two_sentences(resources):
    """「X在项目表里对任务完成率提了什么要求？不低于多少？」: the second sentence asks the same target again."""
    service, truth = resources
    project = next(p for p in truth.projects if p.targets and "任务完成率" in p.purpose)
    answer = service.ask(f"{project.name}在项目表里对任务完成率提了什么要求？不低于多少？")
    assert answer.value == project.targets[0].value, answer.answer


@pytest.mark.parametrize("question", ["单价100万元以上的设备，2025年比2024年多了几台？", "单价一百万元以上的设备两年各有几台？"])
def test_a_unit_price_said_without_zai_names_the_assets(years, question):
    """「单价100万元以上的设备」: the document's 单价在100万元以上的设备, counted in each year."""
    service, earlier, later = years
    label = next(f.label for f in later.figures if f.unit == "台")
    before, after = earlier.figure(label).value, later.figure(label).value
    answer = service.ask(question)
    if "各" in question:
        assert f"{before}台" in answer.answer.replace(".00", "") and f"{after}台" in answer.answer.replace(".00", ""), answer.answer
    else:
        assert answer.value is not None and abs(answer.value) == abs(after - before), answer.answer


@pytest.mark.parametrize("question", ["科目编码{code}对应的支出，今年一般公共预算安排了多少钱？", "科目编码{code}（{label}）里，一般公共预算安排的是多少？"])
def test_a_fund_after_a_class_and_a_clause_is_its_column(resources, question):
    """「科目编码X对应的支出，今年一般公共预算安排了多少」「X（名称）里，一般公共预算…」: the class's 一般公共预算 (表5), not two figures."""
    service, truth = resources
    row = next(r for r in truth.table(5).rows if r.code and len(r.code) == 7 and r.amounts[0])
    answer = service.ask(question.format(code=row.code, label=row.label))
    assert answer.value == row.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["同在{city}的某某县{kind}，2025年项目支出安排了多少？", "隔壁某某县{kind}的情况也想了解，项目支出是多少？"])
def test_a_body_of_the_same_kind_elsewhere_named_in_the_context_is_refused(resources, question):
    """「同在澜溪市的松岭县水利局，2025年X安排了多少」: a bureau of the loaded one's kind in another county is not loaded."""
    service, truth = resources
    city = truth.region[:3]
    answer = service.ask(question.format(city=city, kind=truth.kind).replace("某某", "松岭"))
    assert not answer.answered and "松岭县" in answer.answer, answer.answer


@pytest.mark.parametrize("law", ["法规", "法律"])
def test_which_regulation_a_project_follows_is_its_citation(market, law):
    """「X是按哪部法规安排的」: the document X cites (a law's title), not X's amount."""
    service, truth = market
    project, title = next((p, c.title) for p in truth.projects for c in p.citations if c.title and c.title.endswith(("法", "条例")))
    answer = service.ask(f"{project.name}是按哪部{law}安排的？")
    assert title in answer.answer and answer.value is None, answer.answer


def test_the_use_of_a_project_said_new_is_its_text(years):
    """「2025年新设的X，表里写的用途是什么」: X's own words (its purpose), not that X is new."""
    service, earlier, later = years
    old = {p.name for p in earlier.projects}
    project = next(p for p in later.projects if p.name not in old and p.purpose)
    answer = service.ask(f"2025年新设的{project.name}，表里写的用途是什么？")
    assert project.purpose[:10] in answer.answer and "新增" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["哪些项目预算是{v}万？", "有{n}个项目预算都是{v}万，分别是哪{n}个？"])
def test_an_amount_said_without_yuan_filters_the_projects(resources, question):
    """「哪些项目预算是500万」: the projects of that amount (万 without 元), never every project."""
    service, truth = resources
    amount = next(p.amounts[0] for p in truth.projects if p.amounts[0] == p.amounts[0].to_integral_value() and p.amounts[0] > 10)
    named = sorted(p.name for p in truth.projects if p.amounts[0] == amount)
    answer = service.ask(question.format(v=int(amount), n=len(named)))
    assert sorted(answer.items) == named, answer.answer


def test_a_key_project_named_by_a_part_inside_a_figure_is_no_whole(resources):
    """「政府采购3140.91万元里，国土调查成果更新采购了多少」: a key project (a project and its goal, one name) named
    by a part is a part of the figure the document does not give — never the figure itself."""
    service, truth = resources
    goal = next(g.project for g in truth.goals if "国土调查" in g.project)
    total = truth.figure("政府采购").value
    answer = service.ask(f"政府采购{total}万元里，{goal[3:-2]}采购了多少？")
    assert not answer.answered, answer.answer


@pytest.mark.parametrize("opening", ["听说{r}{kind}请了不少编外人员，", "我要写一篇关于{r}{kind}预算的小稿子，"])
def test_a_verb_before_the_level_word_names_no_other_county(resources, opening):
    """「听说县农业农村局请了不少编外人员，」: 听说 is no county; the loaded bureau's story, set aside."""
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(opening.format(r=truth.region[-1], kind=truth.kind) + f"表12里那个{project.name}安排了多少万元？")
    assert answer.value == project.amounts[0], answer.answer


@pytest.mark.parametrize("question", ["{base}一共有两笔（含第二批），合起来是多少？", "{base}和它的第二批加起来一共多少？", "{base}（含第二批）合计多少？"])
def test_a_project_with_its_second_part_said_beside_it(archives, question):
    """「X一共有两笔（含第二批），合起来是多少」「X和它的第二批加起来」: X and X（第二批）, added (seed 3931)."""
    service, truth = archives
    second = next(p for p in truth.projects if p.name.endswith("（第二批）"))
    base = second.name.removesuffix("（第二批）")
    expected = sum(p.amounts[0] for p in truth.projects if p.name in (base, second.name))
    answer = service.ask(question.format(base=base))
    assert answer.value == expected, answer.answer


def test_the_bureau_pointed_at_names_its_own_measure_after_a_story(resources):
    """「…老师说先看基本支出和项目支出两大块。这个局的基本支出一共多少钱」: the story's measures are said in
    passing; the question asks the pointed bureau's own."""
    service, truth = resources
    answer = service.ask("我刚开始学看部门预算，老师说先看基本支出和项目支出两大块。这个局的基本支出一共多少钱？")
    assert answer.value == next(r for r in truth.table(3).rows if r.kind == "total").amounts[1], answer.answer


def test_it_opening_a_question_with_a_year_is_the_body_the_story_names(years):
    """「…，X局是其中一个样本。它2025年的收入预算比2024年少了多少」: 它 is the body; its year before the measure."""
    service, earlier, later = years
    plain = service.ask("2025年的收入预算比2024年少了多少万元？")
    answer = service.ask(f"我们在做基层部门“过紧日子”的系列报道，{later.region[3:]}{later.kind}是其中一个样本。它2025年的收入预算比2024年少了多少万元？")
    assert plain.value is not None and answer.value == plain.value, answer.answer


def test_a_story_saying_not_much_asks_nothing(years):
    """「总盘子砍了一半，但养人的钱似乎没怎么少。基本支出…增长了百分之几」: 没怎么 says how much, it asks nothing."""
    service, earlier, later = years
    before, after = (next(r for r in t.table(3).rows if r.kind == "total").amounts[1] for t in (earlier, later))
    answer = service.ask("总盘子砍了一半，但养人的钱似乎没怎么少。基本支出2025年比2024年增长了百分之几？")
    assert answer.value == ((after - before) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_the_names_in_a_tables_title_in_a_story_name_no_thing(built):
    """「我逐行对比了两年的一般公共预算支出表，发现有的项级科目消失了。哪些项级科目…到2025年就没有了」: 一般公共预算 is the table's title."""
    service, earlier, later = built
    now = {r.code for r in later.table(5).rows if r.code}
    gone = sorted(r.label for r in earlier.table(5).rows if r.code and len(r.code) == 7 and r.code not in now)
    answer = service.ask("我逐行对比了两年的一般公共预算支出表（按功能分类），发现有的项级科目消失了。哪些项级科目在2024年有安排、到2025年就没有了？")
    assert gone and sorted(answer.items) == gone, answer.answer


def _in_both_columns(truth):
    """An economic class listed in both 表6 (基本支出) and 表7 (项目支出), with each figure."""
    basic = {r.label: r.amounts[0] for r in truth.table(6).rows if r.code and len(r.code) == 5}
    return next((r.label, basic[r.label], r.amounts[0]) for r in truth.table(7).rows if r.code and len(r.code) == 5 and r.label in basic)


@pytest.mark.parametrize("question", ["基本支出和项目支出里的{x}加在一起一共是多少？", "我想算算这个中心一年{x}到底花多少钱：基本支出和项目支出里的{x}加在一起一共是多少？"])
def test_one_class_in_both_columns_added(centre, question):
    """「基本支出和项目支出里的差旅费加在一起」: each column's 差旅费, added; 这个中心 is the centre loaded."""
    service, truth = centre
    label, basic, project = _in_both_columns(truth)
    answer = service.ask(question.format(x=label))
    assert answer.value == basic + project, answer.answer


def test_it_after_a_project_and_its_bureau_is_the_project(built):
    """「X是统计局两年里最大的一个项目。它2025年的预算比2024年增长了百分之几」: 它 is X, not the bureau named after it."""
    service, earlier, later = built
    old = {p.name: p for p in earlier.projects}
    names = [p.name for p in later.projects]
    project = max((p for p in later.projects if p.name in old and not any(n != p.name and p.name in n for n in names)), key=lambda p: p.amounts[0])
    before, after = old[project.name].amounts[0], project.amounts[0]
    answer = service.ask(f"{project.name}是{later.kind}两年里最大的一个项目。它2025年的预算比2024年增长了百分之几？")
    assert answer.value == ((after - before) / before * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


@pytest.mark.parametrize("years_said", ["2024、2025两年", "2024-2025这两年"])
def test_two_years_written_as_one_are_both_years(built, years_said):
    """「X2024、2025两年加起来一共多少」: the two years, each with its own 年 (no unknown 2025两年)."""
    service, earlier, later = built
    old = {p.name: p for p in earlier.projects}
    project = next(p for p in later.projects if p.name in old)
    answer = service.ask(f"{project.name}{years_said}加起来一共多少？")
    assert answer.value == project.amounts[0] + old[project.name].amounts[0], answer.answer


def test_a_kind_word_after_a_listed_three_names_no_fourth_thing(resources):
    """「A、B和C这三项社保类支出合计是多少」: 社保类支出 says what the three are; their sum is asked."""
    service, truth = resources
    rows = [r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.amounts[0]][:3]
    answer = service.ask(f"{rows[0].label}、{rows[1].label}和{rows[2].label}这三项社保类支出合计是多少？")
    assert answer.value == sum(r.amounts[0] for r in rows), answer.answer


@pytest.mark.parametrize("question", ["哪一类功能支出最多？", "除了{top}，哪一类功能支出最多？"])
def test_which_class_of_functional_spending_is_the_top_level(resources, question):
    """「哪一类功能支出最多」: the functional classes' top level (类), not the largest 项 anywhere."""
    service, truth = resources
    classes = sorted((r for r in truth.table(3).rows if r.code and len(r.code) == 3), key=lambda r: -r.amounts[0])
    answer = service.ask(question.format(top=classes[0].label))
    assert answer.items == [classes[1 if "除了" in question else 0].label], answer.answer


def test_the_amount_the_ones_asked_all_have_filters_them(resources):
    """「项目表里金额并列的有N个，都是X万元。请问是哪几个项目」: the projects of that amount, not every project."""
    service, truth = resources
    amounts = [p.amounts[0] for p in truth.projects]
    amount = next(a for a in amounts if amounts.count(a) >= 2)
    named = sorted(p.name for p in truth.projects if p.amounts[0] == amount)
    answer = service.ask(f"项目表里金额并列的有{len(named)}个，都是{amount}万元。请问是哪几个项目？")
    assert sorted(answer.items) == named, answer.answer


def test_examples_listed_with_shenmede_are_no_filter(resources):
    """「基本支出里的商品和服务支出分了十几项，A、B什么的都有。哪一项最多」: examples (什么的) of the class's items."""
    service, truth = resources
    rows = [r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.code.startswith("302") and r.amounts[0]]
    top = max(rows, key=lambda r: r.amounts[0])
    shown = [r.label for r in rows if r is not top][:2]
    answer = service.ask(f"基本支出里的商品和服务支出分了十几项，{'、'.join(shown)}什么的都有。哪一项最多？")
    assert answer.items == [top.label], answer.answer


@pytest.mark.parametrize("question", ["根据{dept}2025年的说明，上年的三公经费是多少？", "手头缺上年的数据。按2025年的文件，上年的三公经费是多少？"])
def test_the_year_of_the_document_read_is_not_the_year_asked(resources, question):
    """「根据X局2025年的说明，上年的三公经费是多少」: 2025 is the document read; 上年 is asked (its figure less its change)."""
    service, truth = resources
    figure = truth.figure("“三公”经费")
    answer = service.ask(question.format(dept=truth.department))
    assert figure.change is not None and answer.value == figure.value - figure.change, answer.answer


def test_how_money_is_shared_between_towns_is_refused(resources):
    """「X在N个镇（街道）之间是怎么分配的」: the document gives no split by town — its coverage sentence is no answer."""
    service, truth = resources
    project, towns = next((p, said.group(1)) for p in truth.projects if (said := re.search(r"(\d+)个镇", p.purpose)))
    answer = service.ask(f"{project.name}{project.amounts[0]}万元在{towns}个镇（街道）之间是怎么分配的？")
    assert not answer.answered and "分开" in answer.answer, answer.answer


def test_a_part_after_the_amount_and_qizhong_is_refused(resources):
    """「X1220万元，其中用于差旅的部分是多少」: a project is not split by what it is spent on — never its total."""
    service, truth = resources
    project = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"{project.name}{project.amounts[0]}万元，其中用于差旅的部分是多少？能拆出来吗？")
    assert not answer.answered, answer.answer


def test_a_unit_said_subordinate_in_the_context_is_a_share_of_the_department(built):
    """「X是下属事业单位，…。它的基本支出占全部门基本支出的百分比」: the whole is the department's (after 占), not the subordinate units'."""
    service, _, later = built
    unit = later.subordinate_units[0]
    own = truth_row(later, 11, unit).amounts[0]
    total = next(r for r in later.table(11).rows if r.kind == "total").amounts[0]
    answer = service.ask(f"{unit}是下属事业单位，我想看看它在整个部门的分量。2025年它的基本支出占全部门基本支出的百分比是多少？")
    assert answer.value == (own / total * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_question_readers_will_ask_is_reported_not_asked(resources):
    """「…，读者肯定会问为什么。文件里说X变化的原因是什么」: another's question before the asker's own; the latter is answered."""
    service, truth = resources
    plain = service.ask("文件里说收入预算变化的原因是什么？")
    answer = service.ask(f"2025年{truth.kind}的盘子变了不少，读者肯定会问为什么。文件里说收入预算变化的原因是什么？")
    assert plain.answered and answer.answer == plain.answer, answer.answer


@pytest.mark.parametrize("question", ["我是做防汛报道的，想了解局里今年的防汛物资储备经费预算是多少？", "应急物资储备经费安排了多少？"])
def test_another_word_before_a_class_named_by_a_part_is_another_thing(resources, question):
    """「防汛物资储备经费」 linking 粮油物资储备支出 (表1, 0.00) by 物资储备: 防汛 where the class says 粮油 makes
    another thing, a project the document does not have — never the class's 0."""
    service, _ = resources
    answer = service.ask(question)
    assert not answer.answered, answer.answer


def test_a_class_stated_new_with_a_measure_word_asks_its_figure(years):
    """「2025年基本支出里新出现了一项X，金额是多少」: 一项 between the set word and X — X's own figure."""
    service, earlier, later = years
    old = {r.label for r in earlier.table(6).rows if r.code}
    row = next(r for r in later.table(6).rows if r.code and len(r.code) == 5 and r.label not in old and r.amounts[0])
    answer = service.ask(f"2025年基本支出里新出现了一项{row.label}，金额是多少？")
    assert answer.value == row.amounts[0], answer.answer

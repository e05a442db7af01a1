"""Everyday ways of saying what is asked, phrasings of our own on generated documents (tools.synth;
expected figures from their truth): financial numerals (拾万元整), 那些“X”项目 and 标了（X）的项目 as name
filters, two figures in two documents give no one value, a second thing left out after a pointer and an
amount (不算A和那个500万的B), a project broken down by class is not given, each year's own reason
asked (两年…分别给的原因), 平摊 and 一模一样 ask nothing new, 几个点 is percentage points, 加一起 sums two
years, a higher level (云川市本级) or a whole region (整个棠溪区…三公经费) is another body. A project of the
same name said to be added (连同带“二期”的那一笔, 算上二期那笔, 带X字样的那笔也算上, 前后两笔) is added;
a part no name holds (不带年份前缀的那个) picks nothing. 机构X where the name is 居家X is another thing;
几台车 counts the cars; 2024、2025两年 are years, not terms of a sum; 按2024年文件的说法，2023年 is
2024's last year; readers and visitors are counted, never answered with an amount; 具体/整张 say
nothing of what is counted. 「除了办公室之外，还设了哪几个股」 names the offices; （合计口径） in brackets
is the total; examples of a level (具体到办公费、差旅费这一级) name the level. Two projects left out by
words of their names before 这两个项目 are left out, and the count is theirs; 2025减2024 is a
subtraction; 一年之间 spans the two years; an execution rate, a count of a kind within a set and a
class or a thing inside a project are not given; 最抠 is the smallest; 打算买车 is the car purchase. A
sentence after the question naming what it asks of (我是说X, 就是X那个数) is what is asked; a prefix many
names share before another loaded name names no project; 2025年比2023年 (2023 derived) is never
answered with 2024. 各安排了X万 picks the projects of that amount; 「今年X是N万元，说明里说比上年有所减少。那上年的X
是多少」 is last year's figure (a premise, even when X's name holds 机关); 日常运转 is 基本支出. The operation
said last is asked (好几个…一共有几个); 哪些项目是重点项目 lists the key projects; 其中 after a stated whole
(三公经费总共才N元。其中X占) and after an intro (我想知道其中X) points back at it. Of more than two things
named, the asking clause's two are compared (有读者留言说A比B还少。按表12，C比A多多少), and a project's name
holding an act word (办公设备购置经费) asks no act."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import figure_value, last_year_value


def test_financial_numerals_are_numbers(resources):
    service, truth = resources
    value = Decimal(10)
    answer = service.ask("刚好拾万元整的项目有哪几个？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.amounts[0] == value), answer.answer


@pytest.mark.parametrize("question", ["那些“{part}”项目合计多少？", "標了（{part}）的項目加起來多少？"])
def test_a_quoted_or_bracketed_part_before_projects_filters_them(resources, question):
    service, truth = resources
    part = "续建"
    chosen = [p for p in truth.projects if part in p.name]
    assert chosen
    answer = service.ask(question.format(part=part))
    assert answer.value == sum(p.amounts[0] for p in chosen), answer.answer


def test_two_things_left_out_the_second_by_pointer_and_amount(resources):
    service, truth = resources
    own = [p for p in truth.projects if p.unit == truth.department]
    first, second = own[0], next(p for p in own[1:] if sum(q.amounts[0] == p.amounts[0] for q in own) == 1)
    words = second.name.strip("“”")[3:-1]  # a part of its name (绩效评价服务)
    answer = service.ask(f"局本级的项目里，不算{first.name}和那个{second.amounts[0]:f}万的{words}，剩下的加一块多少？")
    assert answer.value == sum(p.amounts[0] for p in own) - first.amounts[0] - second.amounts[0], answer.answer


def test_a_project_broken_down_by_class_is_not_given(resources):
    service, truth = resources
    project = truth.projects[0]
    answer = service.ask(f"{project.name}那{project.amounts[0]:f}万，按经济分类各花在哪？")
    assert not answer.answered, answer.answer


def test_spread_and_alike_ask_nothing_new(resources):
    service, truth = resources
    mean = sum(p.amounts[0] for p in truth.projects) / len(truth.projects)
    answer = service.ask("项目支出要是平摊到每个项目头上，平均一个项目摊到多少钱？")
    assert answer.value == mean.quantize(Decimal("0.01")), answer.answer


def test_each_years_own_reason(years):
    service, earlier, later = years
    answer = service.ask("这两年收入预算都变了，文件分别给的原因是什么？")
    assert "2024年" in answer.answer and "2025年" in answer.answer and answer.value is None, answer.answer


def test_two_years_added_together(years):
    service, earlier, later = years
    figure = "机关运行经费"
    values = [next(f for f in t.figures if f.label == figure).value for t in (earlier, later)]
    answer = service.ask(f"{figure}2024、2025两年加一起是多少？")
    assert answer.value == sum(values), answer.answer


def test_one_thing_in_two_documents_has_no_one_value(years):
    service, _, _ = years
    answer = service.ask("机关运行经费是多少？")  # no year: both documents' figures, or a question back
    assert answer.value is None, answer.answer


@pytest.mark.parametrize("question", ["青岚市本级的统计局2025年预算是多少？", "整个松汀区2024年的“三公”经费一共多少？"])
def test_another_level_or_the_whole_region_is_not_loaded(years, question):
    service, _, _ = years
    assert not service.ask(question).answered


def _family(truth):
    """A project X beside X（…）: (X, its sibling, the part its name adds)."""
    names = {p.name: p for p in truth.projects}
    plain, later = next((names[n], names[m]) for n in names for m in names if m.startswith(n + "（"))
    return plain, later, later.name[len(plain.name) + 1:-1]


@pytest.mark.parametrize("question", ["{x}，连同带“{part}”的那一笔一起算，总共多少？", "{x}，算上{part}那笔，总共多少钱？",
                                      "{x}，带{part}字样的那笔也算上，合计多少？", "{x}前后两笔加一起是多少？",
                                      "两笔{x}（带{part}的和不带的）合计多少？"])  # the count said before the name
def test_a_sibling_said_to_be_added_is_added(resources, question):
    service, truth = resources
    plain, later, part = _family(truth)
    answer = service.ask(question.format(x=plain.name, part=part))
    assert answer.value == plain.amounts[0] + later.amounts[0], answer.answer


@pytest.fixture(scope="module")
def prefixed(tmp_path_factory):
    """A statistics bureau in two years with a project beside a year-prefixed one (2025年X; seed 3900)."""
    from conftest import synth_years_service

    return synth_years_service(tmp_path_factory.mktemp("prefixed"), 3900, "青岚市松汀区统计局")


def test_a_part_no_name_holds_picks_nothing(prefixed):
    """「X（不带年份前缀的那个）」: no name holds 年份前缀; the name without a year (X itself) is meant."""
    service, earlier, later = prefixed
    names = {p.name for t in (earlier, later) for p in t.projects}
    shared = next(p for p in later.projects if any(q.name == p.name for q in earlier.projects)
                  and any(re.fullmatch(r"20\d\d年" + re.escape(p.name), n) for n in names))
    before = next(q for q in earlier.projects if q.name == shared.name)
    answer = service.ask(f"{shared.name}（不带年份前缀的那个）2025年比2024年多了多少？")
    assert answer.value == abs(shared.amounts[0] - before.amounts[0]), answer.answer


def test_another_modifier_before_part_of_a_name_is_another_thing(resources):
    """「机构X」 where the project is 居家X (a word of its own where the question has another): no such project."""
    service, truth = resources
    project = next(p for p in truth.projects if p.name.startswith(("第三方", "农村", "不动产", "国土空间")))
    head = next(h for h in ("第三方", "农村", "不动产", "国土空间") if project.name.startswith(h))
    answer = service.ask(f"机构{project.name[len(head):]}安排了多少？")
    assert not answer.answered, answer.answer


def test_cars_counted_in_tai_are_the_cars_held(resources):
    service, truth = resources
    cars = sum(cars for _, _, cars, _ in truth.staff)
    answer = service.ask("局里现在有几台车？")
    assert answer.value == cars, answer.answer


def test_years_listed_are_no_terms_of_a_sum(years):
    service, earlier, later = years
    values = [next(f for f in t.figures if f.label == "“三公”经费").value for t in (earlier, later)]
    answer = service.ask("2024、2025两年的三公经费加起来一共多少？")
    assert answer.value == sum(values), answer.answer


def test_the_earlier_documents_words_on_the_year_before(years):
    service, earlier, _ = years
    figure = next(f for f in earlier.figures if f.label == "“三公”经费")
    answer = service.ask("按2024年文件的说法，2023年的三公经费是多少万？")
    assert answer.value == figure.value - figure.change, answer.answer


@pytest.mark.parametrize("question", ["图书馆一年接待多少读者？", "每年来多少游客？"])
def test_people_counted_are_no_amount(resources, question):
    service, _ = resources
    assert service.ask(question).value is None


@pytest.mark.parametrize("question", ["项目支出表里总共列了多少个具体项目？", "整张项目支出表里一共有几个项目？"])
def test_plain_words_about_the_projects_counted(resources, question):
    service, truth = resources
    assert service.ask(question).value == len(truth.projects)


def test_which_offices_besides_one_names_them(resources):
    """「除了办公室之外，还设了哪几个股」: 哪几个 asks the names, never a count."""
    service, truth = resources
    offices = [name for name, _ in truth.units if name.endswith("股")]
    answer = service.ask("局机关里除了办公室之外，还设了哪几个股？")
    assert sorted(answer.items) == sorted(offices), answer.answer


def test_a_total_said_as_koujing_in_brackets(resources):
    service, truth = resources
    row = next(r for r in truth.table(3).rows if r.code and len(r.code) == 7 and r.amounts[0] > 0)
    other = next(r for r in truth.table(3).rows if r.code and len(r.code) == 7 and r.amounts[0] > 0 and r.code != row.code)
    answer = service.ask(f"{row.label}这个科目（合计口径）比{other.label}多多少？")
    assert answer.value == abs(row.amounts[0] - other.amounts[0]), answer.answer


def test_a_level_named_by_examples(resources):
    service, truth = resources
    items = [r for r in truth.table(7).rows if r.code and len(r.code) == 5]
    top = max(items, key=lambda r: r.amounts[0])
    examples = "、".join(r.label for r in items[:2])
    answer = service.ask(f"项目支出按经济分类，具体到{examples}这一级的科目里，哪一项花钱最多？")
    assert answer.value == top.amounts[0], answer.answer


def _own_word(truth, project) -> str:
    """A word of a project's name no other name holds (宅基地, 档案): how a reader calls it; an everyday
    word (农村) names no project alone."""
    import jieba

    return next((w for w in jieba.lcut(project.name.strip("“”"), HMM=False)
                 if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", w) and jieba.get_FREQ(w, 0) < 5000 and sum(w in p.name for p in truth.projects) == 1), None)


def test_two_projects_left_out_by_words_of_their_names_and_counted(resources):
    service, truth = resources
    first, second = [p for p in truth.projects if _own_word(truth, p)][:2]
    rest = sum(p.amounts[0] for p in truth.projects) - first.amounts[0] - second.amounts[0]
    answer = service.ask(f"除掉{_own_word(truth, first)}和{_own_word(truth, second)}这两个项目，剩下的项目一共多少钱？")
    assert answer.value == rest, answer.answer


def test_a_subtraction_said_is_no_direction(years):
    service, earlier, later = years
    values = [next(f for f in t.figures if f.label == "政府采购").value for t in (earlier, later)]
    answer = service.ask("政府采购预算两年差了多少？2025减2024。")
    assert answer.value == values[1] - values[0], answer.answer


def test_within_a_year_is_the_two_years(years):
    service, earlier, later = years
    values = [next(f for f in t.figures if f.label == "收入预算").value for t in (earlier, later)]
    answer = service.ask("收入预算一年之间变了多少？")
    assert answer.value == abs(values[1] - values[0]), answer.answer


@pytest.mark.parametrize("question", ["{p}2024年和2025年哪一年的执行率更高？", "局里三辆车里有几辆是执法执勤用车？",
                                      "{p}那{a}万里，有多少是花在委托业务费上的？", "{p}{a}万里，买计算机花了多少？"])
def test_what_a_budget_does_not_give(years, question):
    service, earlier, later = years
    project = next(p for p in later.projects if any(q.name == p.name for q in earlier.projects))
    answer = service.ask(question.format(p=project.name, a=f"{project.amounts[0]:f}"))
    assert not answer.answered, answer.answer


def test_the_stingiest_is_the_smallest(resources):
    service, truth = resources
    answer = service.ask("全部门最抠的那个项目才给了多少钱？")
    assert answer.value == min(p.amounts[0] for p in truth.projects), answer.answer


def test_buying_a_car_is_the_car_purchase_not_fixed_assets(resources):
    service, truth = resources
    figure = next(f for f in truth.figures if f.label == "公务用车购置费")
    answer = service.ask("公务用车购置费呢？今年打算买车吗，安排了多少？")
    assert answer.value == figure.value and "固定资产" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["局里的车一年烧多少钱？我是说公务用车运行维护费。",
                                      "他们今年兜里一共有多少钱可以花？就是公务用车运行维护费那个数，万元为单位。"])
def test_a_sentence_naming_what_was_asked(resources, question):
    service, truth = resources
    figure = next(f for f in truth.figures if f.label == "公务用车运行维护费")
    answer = service.ask(question)
    assert answer.value == figure.value, answer.answer


def test_a_prefix_many_names_share_before_another_name(sanitation):
    """「渔歌区“十五五”X」 where X is loaded but no project is X with that prefix: no such project."""
    service, truth = sanitation
    names = [p.name for p in truth.projects]
    prefix = next(n[:n.index("”") + 1] for n in names if "“十五五”" in n)
    plain = next(n for n in names if not n.startswith(prefix) and not any(m == prefix + n for m in names) and "“" not in n)
    answer = service.ask(f"{prefix}{plain}安排了多少？")
    assert not answer.answered and plain in answer.answer, answer.answer


def test_a_year_derived_beside_another_loaded_year_is_not_a_loaded_comparison(years):
    service, earlier, later = years
    answer = service.ask("公务接待费2025年比2023年多了多少？（2023年的数可以从2024年文件倒推）")
    derived = figure_value(later, "公务接待费") - last_year_value(earlier, "公务接待费")
    assert abs(answer.value) == abs(derived) and "推算" in answer.answer, answer.answer  # 2023 worked back, never 2025 against 2024


def test_which_units_is_never_an_amount(resources):
    service, _ = resources
    answer = service.ask("基本支出里有“对个人和家庭的补助”的是哪几个单位？")
    assert answer.value is None, answer.answer


def test_projects_each_of_an_amount(resources):
    service, truth = resources
    value = max({p.amounts[0] for p in truth.projects}, key=lambda v: sum(p.amounts[0] == v for p in truth.projects))
    answer = service.ask(f"哪些项目各安排了{value:f}万元？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.amounts[0] == value), answer.answer


def test_last_years_figure_after_a_premise_of_its_change(resources):
    service, truth = resources
    figure = next(f for f in truth.figures if f.label == "机关运行经费")
    word = "减少" if figure.change < 0 else "增加"
    answer = service.ask(f"今年机关运行经费是{figure.value:f}万元，说明里说比上年有所{word}。那上年的机关运行经费是多少？")
    assert answer.value == figure.value - figure.change, answer.answer


def test_daily_running_is_basic_spending(resources):
    service, truth = resources
    basic = truth.table(3).rows[0].amounts[1]
    answer = service.ask("局里日常运转要花多少钱？")
    assert answer.value == basic, answer.answer


def test_the_operation_said_last_is_asked(resources):
    service, truth = resources
    value = max({p.amounts[0] for p in truth.projects}, key=lambda v: sum(p.amounts[0] == v for p in truth.projects))
    answer = service.ask(f"我数了一下，好几个项目都是整整{value:f}万元。全部门预算正好{value:f}万元的项目一共有几个？")
    assert answer.value == sum(p.amounts[0] == value for p in truth.projects) and answer.unit == "个", answer.answer


def test_which_projects_are_key_projects(resources):
    service, truth = resources
    answer = service.ask("哪些项目是重点项目？")
    assert len(answer.items) == len(truth.goals) or all(g.project in answer.answer for g in truth.goals), answer.answer
    assert not all(p.name in answer.answer for p in truth.projects), answer.answer


def test_a_part_of_a_stated_whole_said_with_qizhong(resources):
    service, truth = resources
    whole, part = (next(f for f in truth.figures if f.label == label) for label in ("“三公”经费", "公务接待费"))
    yuan = int(whole.value * 10000)
    answer = service.ask(f"三公经费总共才{yuan}元。请问其中公务接待费占了百分之多少？")
    assert answer.value == (part.value / whole.value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), answer.answer


def test_a_units_part_of_a_department_figure_pointed_at_after_an_intro(resources):
    service, truth = resources
    unit = truth.subordinate_units[0].split("区")[-1]
    answer = service.ask(f"三公经费是{next(f for f in truth.figures if f.label == '“三公”经费').value:f}万元，我想知道其中{unit}单独用了多少？")
    assert not answer.answered, answer.answer


@pytest.mark.parametrize("opening", ["有读者留言说{a}比{b}还少。按表12，", "这两个项目，我注意到{b}比{a}大不少，"])
def test_the_asking_clauses_two_things_are_compared(resources, opening):
    service, truth = resources
    small, large = sorted((p for p in truth.projects if sum(q.amounts[0] == p.amounts[0] for q in truth.projects) == 1), key=lambda p: p.amounts[0])[:2]
    other = next(p for p in truth.projects if p.name not in (small.name, large.name) and p.amounts[0] > large.amounts[0])
    answer = service.ask(opening.format(a=small.name, b=other.name) + f"{large.name}比{small.name}具体多多少？")
    assert answer.value == large.amounts[0] - small.amounts[0], answer.answer


def test_members_asked_after_a_count_said_in_passing(resources):
    service, truth = resources
    value = max({p.amounts[0] for p in truth.projects}, key=lambda v: sum(p.amounts[0] == v for p in truth.projects))
    answer = service.ask(f"项目里有几个金额是整数的，看起来像是打包安排的。请问哪些项目的预算是{value:f}万元？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.amounts[0] == value), answer.answer

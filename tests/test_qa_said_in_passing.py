"""Questions with something said in passing, phrasings of our own on generated documents (tools.synth;
expected figures from their truth): a time or the loaded body's own region before a name, a claim or a
story before the question, a clarification after it, a target's words naming a class, the table a
share's part is read in, words of no name before 经费, everyday words of an act (买X的钱)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from conftest import synth_service, synth_years_service, truth_row


@pytest.fixture(scope="module")
def lands(tmp_path_factory):
    """A generated natural resources bureau (seed 552008) with a subordinate unit, 印刷费 in 表7 only and
    表7's total below 表3's 项目支出, 机关运行经费 unchanged, a target in 人次."""
    return synth_service(tmp_path_factory.mktemp("lands"), 552008, None)


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    """A generated statistics bureau in 2024 and 2025 (seed 552114): one 满意度 target each year, of
    another project; the floor area changed."""
    return synth_years_service(tmp_path_factory.mktemp("counted"), 552114, "青岚市鹿鸣县统计局")


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _figure(truth, label: str):
    return next(f for f in truth.figures if f.label == label)


def test_a_class_said_in_a_targets_words_is_no_second_owner(tmp_path_factory):
    """「2025年X项目的绩效目标要求全年开展体育检查不少于几次」: 体育 (a class) is the target's words — not a
    second thing, whose 2024 target would be compared with X's."""
    from kg.pipeline import replace_documents
    from kg.store.embedded import OxigraphStore
    from qa.service import QAService
    from tools.synth import generate

    text_2024, earlier = generate(555503, year=2024)  # a culture and sports bureau; 体育 is its class
    text_2025, later = generate(555550, previous=earlier)
    store = OxigraphStore(tmp_path_factory.mktemp("culture"))
    replace_documents([("2024.txt", text_2024.encode()), ("2025.txt", text_2025.encode())], store)
    goal, said = next((g, m) for g in later.goals if (m := re.search(r"开展(\w+?)检查不少于(\d+)次", g.text)) and m.group(1) == "体育")
    name = re.search(r"“(.+?)”", goal.project).group(1)
    answer = QAService(store).ask(f"2025年“{name}”项目的绩效目标要求全年开展体育检查不少于几次？")
    assert answer.value == Decimal(said.group(2)) and answer.unit == "次", answer.answer


@pytest.mark.parametrize("question", ["{item}占项目支出的比例是多少？", "项目支出中{item}占多少？"])
def test_a_part_known_in_one_funds_table_is_a_share_of_that_table(lands, question):
    """印刷费 is a row of 表7 only (一般公共预算项目支出 by economic class): its share of 项目支出 is of 表7's
    合计 — whether other funds' 项目支出 holds more of it is not known."""
    service, truth = lands
    part = truth_row(truth, 7, "印刷费").amounts[0]
    whole = next(r for r in truth.table(7).rows if r.kind == "total").amounts[0]
    answer = service.ask(question.format(item="印刷费"))
    assert answer.value == _share(part, whole) and "一般公共预算项目支出" in answer.answer, answer.answer


def test_a_part_of_one_expenditure_is_no_share_of_the_other(lands):
    service, _ = lands
    answer = service.ask("印刷费占基本支出的比例是多少？")
    assert not answer.answered and "不是基本支出的一部分" in answer.answer, answer.answer


def test_this_year_before_the_county_and_the_loaded_bodys_name_names_no_other_body(lands):
    """「今年县自然资源局」: a time, then 县 — the loaded bureau, no body named 今年县."""
    service, truth = lands
    row = next(r for r in truth.table(2).rows if r.code and len(r.code) == 3 and r.amounts[0])
    answer = service.ask(f"我平时跑口，今年县自然资源局预算涨得挺明显。先问个基础数字：{row.label}安排了多少？")
    assert answer.value == row.amounts[0], answer.answer


def test_a_time_noun_before_the_loaded_bodys_name_names_no_other_body(counted):
    service, _, later = counted
    row = next(r for r in later.table(2).rows if r.code and len(r.code) == 3 and r.amounts[0])
    answer = service.ask(f"2025年的时候统计局的{row.label}是多少？")  # 时候 is no word of a body's name
    assert answer.value == row.amounts[0], answer.answer


def test_a_count_of_cars_in_an_earlier_year_said_with_a_time_noun(counted):
    service, earlier, _ = counted
    answer = service.ask("2024年的时候统计局有几辆车？")
    assert answer.value == _figure(earlier, "车辆").value and answer.unit == "辆", answer.answer


def test_a_claim_before_a_colon_lead_in_is_context(tmp_path_factory):
    """「有读者留言说X局的钱都花在“养人”上了，我想用数据回应一下：Y」: the claim's words ask nothing."""
    service, _ = synth_service(tmp_path_factory.mktemp("labour"), 555601, None)  # a human resources bureau, 人社局
    plain = service.ask("项目支出占全部支出的比例是多少？")
    answer = service.ask("有读者留言说人社局的钱大部分都花在“养人”上了，我想用数据回应一下：项目支出占全部支出的比例是多少？")
    assert plain.answered and answer.value == plain.value, answer.answer


@pytest.mark.parametrize("question", [
    "我注意到统计局的房屋面积两年不一样。2025年比2024年多了多少平方米？",
    "统计局的房屋面积两年不一样，2025年比2024年多了多少平方米？",
])
def test_an_area_asked_after_a_story_naming_it_is_of_that_figure(counted, question):
    service, earlier, later = counted
    change = _figure(later, "房屋").value - _figure(earlier, "房屋").value
    answer = service.ask(question)
    assert answer.value == change and answer.unit == "平方米", answer.answer


@pytest.mark.parametrize("question", [
    "2025年重点项目绩效目标里的服务对象满意度，比2024年重点项目定的满意度高几个百分点？",
    "重点项目的服务对象满意度目标，2025年比2024年提高了几个百分点？",
])
def test_targets_in_percent_compared_across_years_are_each_years_own(counted, question):
    """Each year's target of 满意度 (another project each year): the difference of the stated percents, no share."""
    service, earlier, later = counted
    percent = [Decimal(re.search(r"满意度不低于(\d+)%", g.text).group(1)) for t in (earlier, later) for g in t.goals if "满意度" in g.text]
    answer = service.ask(question)
    assert answer.value == percent[1] - percent[0] and answer.unit == "%", answer.answer
    assert all(g.project in answer.answer for t in (earlier, later) for g in t.goals if "满意度" in g.text), answer.answer


def test_a_project_listing_things_in_its_name_is_asked_its_citation(tmp_path_factory):
    """「A、B这几项补贴依据的是什么文件」: 这几项 points at what was just named, it asks no count."""
    service, truth = synth_service(tmp_path_factory.mktemp("cited"), 552008, None)
    project = next(p for p in truth.projects if p.citations)
    answer = service.ask(f"{project.name}这几项经费，在预算里依据的是什么文件？能告诉我文号吗？")
    assert answer.answered and any(c.number in answer.answer for c in project.citations), answer.answer


@pytest.mark.parametrize("question", [
    "{core}今年的教师招聘考试经费预算是多少？",  # nothing the document holds is named
    "{core}今年安排的特困人员救助供养项目经费是多少？",  # 项目经费 is 项目支出's word, the name before it is none
])
def test_money_for_a_thing_no_name_holds_is_refused(lands, question):
    service, _ = lands
    answer = service.ask(question.format(core="自然资源局"))
    assert not answer.answered and "没有找到" in answer.answer, answer.answer


def test_a_question_wanting_to_know_of_project_spending_is_no_project(counted):
    """「我想知道项目支出单独降了多少」: 项目 begins the measure 项目支出, the words before it name no project."""
    service, earlier, later = counted
    before, after = (next(r for r in t.table(3).rows if r.kind == "total").amounts[2] for t in (earlier, later))
    answer = service.ask("说明里只给了收入的降幅，我想知道项目支出单独变了多少。2025年项目支出比2024年变化了多少万元？")
    assert answer.answered and abs(answer.value) == abs(after - before), answer.answer


@pytest.mark.parametrize("question", ["项目支出表里对{name}是怎么说明的？", "表12里{name}写了什么？"])
def test_a_key_projects_text_asked_in_the_projects_table_is_its_line_there(lands, question):
    """A key project has a line in 表12 and a target in 第三部分: asked in 表12, its line's text."""
    service, truth = lands
    project = next(p for p in truth.projects if p.name == "卫片执法图斑核查经费")
    answer = service.ask(question.format(name=project.name))
    assert project.purpose[:12] in answer.answer, answer.answer


def test_parts_of_a_project_named_by_a_figures_word_are_refused(counted):
    """「X2072万元中，设备采购和维护服务各花多少」: 采购 is 政府采购's word with 设备 before it — a part
    of the project the document does not give, in either year."""
    service, earlier, _ = counted
    project = max(earlier.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"2024年{project.name}{project.amounts[0]}万元中，设备采购和维护服务各花多少？")
    assert not answer.answered, answer.answer


def test_the_loaded_bodys_region_before_a_class_scopes_it(tmp_path_factory):
    """「桐溪区殡葬这个科目」 in 金禾市桐溪区民政局's budget: the region scopes, it names no narrower thing."""
    service, truth = synth_service(tmp_path_factory.mktemp("civil"), 555701, None)
    row = truth_row(truth, 2, "殡葬")
    answer = service.ask("最近在写殡葬改革的报道，想知道桐溪区殡葬这个科目今年预算多少钱？")
    assert answer.value == row.amounts[0], answer.answer
    other = service.ask("白云区殡葬这个科目今年预算多少钱？")
    assert not other.answered, other.answer


def test_a_clarification_asking_a_share_in_full_replaces_the_loose_question(lands):
    """「三公经费里面车的钱占多少？我指的是X在三公经费中的占比。」: the second sentence is the question."""
    service, truth = lands
    expected = _share(_figure(truth, "公务用车购置及运行维护费").value, _figure(truth, "“三公”经费").value)
    answer = service.ask("三公经费里面车的钱占多少？我指的是公务用车购置及运行维护费在三公经费中的占比。")
    assert answer.value == expected, answer.answer


def test_a_floor_asked_as_the_least_is_no_difference(lands):
    """「最少多少人次」 asks a target's floor (不少于), not a difference (少多少)."""
    service, _ = lands
    answer = service.ask("卫片执法图斑核查经费这个项目我比较关心，它的绩效目标里对培训业务人员的数量有什么要求？最少多少人次？")
    assert answer.value == 163 and answer.unit == "人次", answer.answer


def test_bodies_compared_after_a_story_naming_the_measure(lands):
    """「…本级和下属的X基本支出差得挺多。请帮我算一下，本级比X多多少万元？」: in the story's measure."""
    service, truth = lands
    unit = truth.subordinate_units[0]
    own = truth_row(truth, 11, truth.department).amounts[0]
    other = truth_row(truth, 11, unit).amounts[0]
    answer = service.ask(f"看表11的时候发现，自然资源局本级和下属的{unit}基本支出差得挺多。请帮我算一下，本级和{unit}差多少万元？")
    assert answer.value == abs(own - other), answer.answer


@pytest.mark.parametrize("words", ["加总一下", "汇总一下", "相加"])
def test_a_listed_sum_said_with_other_sum_words(lands, words):
    service, truth = lands
    labels = ["基本工资", "津贴补贴", "奖金", "绩效工资"]
    expected = sum(truth_row(truth, 6, label).amounts[0] for label in labels)
    answer = service.ask(f"我在核对基本支出里的人员工资部分。麻烦把基本工资、津贴补贴、奖金和绩效工资这四项{words}，一共多少万元？")
    assert answer.value == expected, answer.answer


def test_a_question_someone_put_to_the_asker_is_reported(lands):
    """「有退休老人问我…。我看到有个科目叫X，请问…」: another's question, reported; its words ask nothing."""
    service, truth = lands
    row = next(r for r in truth.table(2).rows if r.label == "自然资源事务")
    answer = service.ask("有退休老人问我区里给这块的经费到底有多少。我看到有个科目叫“自然资源事务”，请问这个款级科目今年合计是多少万元？")
    assert answer.value == row.amounts[0], answer.answer


def test_whether_a_figure_changed_is_answered_by_its_change(lands):
    service, truth = lands
    figure = _figure(truth, "机关运行经费")
    answer = service.ask("机关运行经费今年和上年比有变化吗？文件怎么说的？")
    assert answer.answered and f"{figure.value}万元" in answer.answer and "持平" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["我们关注项目经费的去向。项目支出里买办公设备的钱比付租赁费多多少万元？", "项目支出里买办公设备的钱和租赁费差多少？"])
def test_an_acts_everyday_word_names_the_class_of_that_act(tmp_path_factory, question):
    """「买办公设备的钱」 is 办公设备购置 (qa/data/honour.json act_synonyms), beside a project 办公设备购置经费."""
    service, truth = synth_service(tmp_path_factory.mktemp("water"), 555802, None)
    assert any(p.name == "办公设备购置经费" for p in truth.projects)
    bought, rent = (truth_row(truth, 7, label).amounts[0] for label in ("办公设备购置", "租赁费"))
    answer = service.ask(question)
    assert answer.value == bought - rent, answer.answer


@pytest.mark.parametrize("question", ["统计局今年收支涨了不少，我想知道钱多在哪儿。情况说明里点名提到今年新增了哪些项目？",
                                      "今年新增了哪几个项目？", "文件说明里提到的新增项目有哪些？"])
def test_projects_the_explanation_names_new_in_a_single_year(lands, question):
    """One year loaded: 新增 is what 第三部分 says (本年新增X、Y等项目), not every project of the table."""
    from tools.synth import generate

    service, _ = lands
    text, _ = generate(552008)
    named = re.search(r"本年新增(.+?)等项目", text.replace("\n", "")).group(1).split("、")
    answer = service.ask(question.replace("统计局", "自然资源局"))
    assert answer.items == named, answer.answer


def test_projects_said_cut_without_their_names_are_refused(tmp_path_factory):
    service, truth = synth_service(tmp_path_factory.mktemp("cut"), 552007, None)  # 本年压减…: last year's projects, not in this table
    answer = service.ask("情况说明里点名压减了哪些项目？")
    assert not answer.answered and not any(p.name in answer.answer for p in truth.projects), answer.answer


def test_a_unit_pointed_at_after_a_remark_naming_it_is_that_unit(lands):
    """「我们在做一篇关于县里X中心的稿子。想了解一下，这个中心今年在表12里列了哪些项目」: its projects, not all."""
    service, truth = lands
    unit = truth.subordinate_units[0]
    answer = service.ask(f"我们在做一篇关于县里{unit.removeprefix(truth.region)}的稿子。想了解一下，这个中心今年在表12里列了哪些项目支出？请逐一列出项目名称。")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.unit == unit), answer.answer


def test_a_class_asked_inside_its_container_is_no_list_of_the_containers_parts(lands):
    """「三公经费里的公务用车运行维护费包括哪些支出」: what it covers, never 三公经费's other parts."""
    service, _ = lands
    answer = service.ask("三公经费里的公务用车运行维护费包括哪些支出？")
    assert answer.answered and "因公出国" not in answer.answer, answer.answer


def test_a_count_stated_before_asking_which_remain_is_a_premise(counted):
    """「2024年X名下有8个项目，到了2025年X只剩下哪几个项目」: the 2025 projects of X; 哪个 counts nothing."""
    service, earlier, later = counted
    unit = later.subordinate_units[0]
    before = sum(1 for p in earlier.projects if p.unit == unit)
    answer = service.ask(f"2024年{unit}名下有{before}个项目，到了2025年{unit}只剩下哪几个项目？")
    assert sorted(answer.items) == sorted(p.name for p in later.projects if p.unit == unit), answer.answer


def test_which_project_of_a_unit_is_its_list_not_its_budget(counted):
    service, _, later = counted
    unit = later.subordinate_units[0]
    answer = service.ask(f"2025年{unit}只剩下哪个项目？")
    assert sorted(answer.items) == sorted(p.name for p in later.projects if p.unit == unit), answer.answer


@pytest.mark.parametrize("question", [
    "我是一名跑水利口的记者，刚拿到县水利局今年的部门预算公开文本，想先核实一个基础数字：今年基本支出一共安排了多少万元？",
    "我是跑水利口的记者，想先核实一个数：今年基本支出一共安排了多少万元？",
])
def test_the_askers_self_description_names_no_thing_asked_of(tmp_path_factory, question):
    """水利 of 跑水利口的记者 is a class, but the asker's beat: 基本支出 is the department's."""
    service, truth = synth_service(tmp_path_factory.mktemp("water"), 555901, None)  # a water bureau, class 水利
    answer = service.ask(question)
    assert answer.value == next(r for r in truth.table(3).rows if r.kind == "total").amounts[1], answer.answer


def test_a_project_the_lead_in_names_is_what_a_target_after_the_colon_asks_of(tmp_path_factory):
    service, truth = synth_service(tmp_path_factory.mktemp("farm"), 555902, None)  # 高标准农田建设项目's text: a target in 次
    project = next(p for p in truth.projects if p.name == "高标准农田建设项目")
    said = re.search(r"开展(\w+?)检查不少于(\d+)次", project.purpose)
    answer = service.ask(f"高标准农田是今年的热点，我翻到表12里高标准农田建设项目的绩效目标，想确认一个数：全年开展{said.group(1)}检查不少于多少次？")
    assert answer.value == Decimal(said.group(2)), answer.answer


def test_an_aside_before_by_the_way_is_context(tmp_path_factory):
    """「政府采购那部分我看得不太细，顺便问一下，X」: 顺便 opens the question as 问一下 does."""
    service, _ = synth_service(tmp_path_factory.mktemp("stats"), 556001, None)
    plain = service.ask("统计局今年拟购置的固定资产主要是些什么东西？")
    answer = service.ask("政府采购那部分我看得不太细，顺便问一下，统计局今年拟购置的固定资产主要是些什么东西？")
    assert plain.answered and answer.answer == plain.answer, answer.answer


@pytest.mark.parametrize("question", ["在政府采购那部分，我注意到服务类采购占了大头。具体占政府采购总额的比重是多少？",
                                      "服务类采购好像占了大头。到底占政府采购的百分之多少？"])
def test_a_share_asked_without_its_part_is_of_the_thing_the_story_names(lands, question):
    service, truth = lands
    expected = _share(_figure(truth, "服务类采购预算").value, _figure(truth, "政府采购").value)
    answer = service.ask(question)
    assert answer.value == expected, answer.answer


def test_space_occupied_asks_no_share(counted):
    """「该局占用的房屋面积…增加了多少平方米」: 占用 is a verb, no share asked."""
    service, earlier, later = counted
    answer = service.ask("该局占用的房屋面积2025年比2024年增加了多少平方米？")
    assert answer.value == _figure(later, "房屋").value - _figure(earlier, "房屋").value, answer.answer


def test_a_question_asked_again_in_the_documents_words_is_answered(lands):
    """「人员和运转经费在X总盘子里占多少？也就是基本支出占总支出的比例是多少？」: the second says it exactly."""
    service, truth = lands
    total = next(r for r in truth.table(3).rows if r.kind == "total").amounts
    answer = service.ask("人员和运转经费在自然资源局总盘子里占多少？也就是基本支出占总支出的比例是多少？")
    assert answer.value == _share(total[1], total[0]), answer.answer


def test_a_quoted_word_in_a_lead_in_is_no_name(counted):
    """「做2024年的回顾稿需要一个“头号项目”：那一年…预算最高的是哪一个」: the quote is the asker's word."""
    service, earlier, _ = counted
    top = max(earlier.projects, key=lambda p: p.amounts[0])
    answer = service.ask("做2024年的回顾稿需要一个“头号项目”：那一年所有项目中，预算最高的是哪一个？")
    assert answer.value == top.amounts[0], answer.answer


def test_a_topic_opened_with_guanyu_is_context(counted):
    """「关于人员经费负担，…基本支出中，工资福利支出占多少比例」: 人员经费 in the topic is no part asked."""
    service, _, later = counted
    part, whole = truth_row(later, 6, "工资福利支出").amounts[0], next(r for r in later.table(6).rows if r.kind == "total").amounts[0]
    answer = service.ask("关于人员经费负担，2025年统计局一般公共预算基本支出中，工资福利支出占多少比例？")
    assert answer.value == _share(part, whole), answer.answer


@pytest.mark.parametrize("words", ["在基本工资、津贴补贴、绩效工资这些款级科目里，哪一项预算最高？", "基本工资、津贴补贴和绩效工资，哪个最多？"])
def test_the_largest_of_things_listed_by_name_is_among_them(lands, words):
    service, truth = lands
    rows = [truth_row(truth, 6, label) for label in ("基本工资", "津贴补贴", "绩效工资")]
    top = max(rows, key=lambda r: r.amounts[0])
    answer = service.ask(words)
    assert answer.value == top.amounts[0] and answer.items == [top.label], answer.answer


def test_only_the_appropriation_is_the_appropriation_tables_figure(tmp_path_factory):
    """「只看财政拨款的话，X安排了多少」: 表4's X (without other money), as 财政拨款口径 is."""
    service, truth = synth_service(tmp_path_factory.mktemp("health"), 556102, None)  # a health bureau with other money
    row = next(r for r in truth.table(4).rows if r.label == "卫生健康支出")
    assert row.amounts[0] != truth_row(truth, 2, "卫生健康支出").amounts[0]
    answer = service.ask("只看财政拨款的话，卫生健康支出安排了多少？")
    assert answer.value == row.amounts[0], answer.answer


def test_an_editor_asking_the_asker_is_a_reported_question(lands):
    service, _ = lands
    plain = service.ask("文件里说收入预算增长的主要原因是什么？")
    answer = service.ask("编辑让我解释为什么自然资源局今年预算涨了不少。文件里说收入预算增长的主要原因是什么？")
    assert plain.answered and answer.answer == plain.answer, answer.answer


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """A generated urban management bureau (seed 556202) with two subordinate units, 执法大队 and 环卫所."""
    return synth_service(tmp_path_factory.mktemp("city"), 556202, None)


def test_a_verb_before_the_county_names_no_other_body(city):
    """「查到县城管局预算里有个X」: 查到 is no region's name."""
    service, truth = city
    project = next(p for p in truth.projects if p.name == "城区园林绿化养护费")
    answer = service.ask(f"我家附近据说要搞绿化，查到县城管局预算里有个{project.name}，这个项目预算多少钱？")
    assert answer.value == project.amounts[0], answer.answer


def test_units_said_to_be_the_bureaus_are_compared(city):
    """「执法大队和环卫所都是局属事业单位，…」: 都是局 names no body."""
    service, truth = city
    team, sanitation = (truth_row(truth, 11, u).amounts[0] for u in truth.subordinate_units[::-1])
    answer = service.ask("执法大队和环卫所都是局属事业单位，规模差别大不大？执法大队的基本支出和环卫所差多少万元？")
    assert answer.value == abs(team - sanitation), answer.answer


def test_who_said_a_claim_names_nothing_asked(tmp_path_factory):
    """「新闻稿说X局今年预算比去年少了…。官方给出的理由是什么」: the source of the claim is no thing of the documents."""
    service, _ = synth_service(tmp_path_factory.mktemp("labour"), 556101, None)
    plain = service.ask("桐溪区人社局今年预算比去年少了四千多万。官方给出的理由是什么？")
    answer = service.ask("新闻稿说桐溪区人社局今年预算比去年少了四千多万。官方给出的理由是什么？")
    assert plain.answered and answer.answer == plain.answer, answer.answer


def test_who_of_the_two_bodies_a_lead_in_names(tmp_path_factory):
    """「A本级和B两家都有不少项目，我想比较一下：谁的项目支出更多」: the two are compared."""
    service, truth = synth_service(tmp_path_factory.mktemp("labour2"), 556101, None)
    own, centre = (sum(p.amounts[0] for p in truth.projects if p.unit == u) for u in (truth.department, truth.subordinate_units[0]))
    answer = service.ask("人社局本级和社保中心两家都有不少项目，我想比较一下：谁的项目支出更多？多出多少万元？")
    assert answer.value == abs(own - centre), answer.answer


def test_examples_of_a_level_are_no_set_ranked(lands):
    """「款级科目（办公费、租赁费这一级），哪一项最大」: the largest of that level of 表7, not of the two named."""
    service, truth = lands
    top = max((r for r in truth.table(7).rows if r.code and len(r.code) == 5), key=lambda r: r.amounts[0])
    answer = service.ask("项目支出按经济科目看，具体到款级科目（办公费、租赁费这一级），哪一项金额最大？")
    assert answer.value == top.amounts[0], answer.answer


def test_a_whole_contract_is_not_one_payment_under_it(lands):
    """「整个合同的总金额」 of a project paid as 第三期合同款: the budget gives the payment, not the contract."""
    service, truth = lands
    project = next(p for p in truth.projects if "期合同款" in p.name)
    name = re.search(r"“(.+?)”", project.name).group(1)
    answer = service.ask(f"那个“{name}”，整个合同的总金额是多少？")
    assert not answer.answered and ("整个合同" in answer.answer or "总数" in answer.answer), answer.answer
    assert service.ask(f"{project.name}是多少？").value == project.amounts[0]


@pytest.mark.parametrize("counted", ["两批", "两笔"])
def test_two_batches_of_a_name_are_both_added(tmp_path_factory, counted):
    service, truth = synth_service(tmp_path_factory.mktemp("batches"), 552003, None)
    both = [p for p in truth.projects if p.name in ("信息系统安全测评费", "信息系统安全测评费（第二批）")]
    answer = service.ask(f"{counted}信息系统安全测评费合计多少？")
    assert len(both) == 2 and answer.value == sum(p.amounts[0] for p in both), answer.answer


def test_a_word_jieba_does_not_know_before_a_names_part_is_another_thing(tmp_path_factory):
    """「河长制工作经费」 beside the only 工作经费 project 宣传工作经费: 河长制 is a word of its own (no typo
    of 宣传's 传), naming a project the document does not have."""
    service, truth = synth_service(tmp_path_factory.mktemp("river"), 555201, None)
    assert [p.name for p in truth.projects if "工作经费" in p.name] == ["宣传工作经费"]
    answer = service.ask("今年水利局的河长制工作经费安排了多少？")
    assert not answer.answered and "河长制" in answer.answer, answer.answer


def test_a_statement_that_most_are_zero_bounds_nothing(tmp_path_factory):
    """「…但大部分是0。真正有预算安排（金额不为零）的大类有哪几个」: the non-zero classes."""
    service, truth = synth_service(tmp_path_factory.mktemp("veterans"), 555101, None)
    classes = [r.label for r in truth.table(2).rows if r.code and len(r.code) == 3 and r.amounts[0]]
    answer = service.ask("收支总表里列了二十多个支出功能大类，但大部分是0。2025年这个部门真正有预算安排（金额不为零）的功能分类大类有哪几个？")
    assert sorted(answer.items) == sorted(classes), answer.answer


def test_a_reason_asked_after_the_askers_guess_is_the_stated_reason(tmp_path_factory):
    """「…我第一反应是不是砍了什么大项目。文件是怎么解释收入预算大幅下降的」: the guess asks nothing; the reason is quoted."""
    from kg.pipeline import replace_documents
    from kg.store.embedded import OxigraphStore
    from qa.service import QAService
    from tools.synth import generate

    text_2024, earlier = generate(555103, year=2024)
    text_2025, later = generate(555150, previous=earlier)
    store = OxigraphStore(tmp_path_factory.mktemp("health"))
    replace_documents([("2024.txt", text_2024.encode()), ("2025.txt", text_2025.encode())], store)
    reason = next(f.reason for f in later.figures if f.label == "收入预算")
    answer = QAService(store).ask("看到2025年卫健局的预算一下子从两亿多掉到不到三千万，我第一反应是不是砍了什么大项目。2025年文件是怎么解释收入预算大幅下降的？")
    assert reason[:12] in answer.answer and not answer.items, answer.answer


def test_a_sum_said_as_jia_yixia(lands):
    service, truth = lands
    expected = truth_row(truth, 6, "基本工资").amounts[0] + truth_row(truth, 6, "津贴补贴").amounts[0]
    answer = service.ask("帮我把基本工资和津贴补贴加一下，合计多少？")
    assert answer.value == expected, answer.answer


def test_an_approximate_multiple_in_a_statement_asks_nothing(counted):
    """「…一下子涨了十几倍，有点不敢相信。请按两年的收入总计算一下增长率」: 十几倍 says how much, the rate is asked."""
    service, _, _ = counted
    plain = service.ask("2025年收入总计比2024年增长了百分之多少？")
    answer = service.ask("看到统计局2025年的预算一下子变了十几倍，有点不敢相信。请按两年预算表里的收入总计，帮我算一下增长率，保留两位小数。")
    assert plain.answered and answer.value == plain.value and answer.unit == "%", answer.answer


def test_a_premise_stating_an_approximate_amount_is_context(city):
    """「执法大队的项目支出只有十几万，看着很少，我想核实一下。X名下有哪几个项目」: the premise states 十几万; the
    projects are asked, not the unit's 项目支出."""
    service, truth = city
    team = next(u for u in truth.subordinate_units if u.endswith("执法大队"))
    answer = service.ask("执法大队的项目支出只有十几万，看着很少，我想核实一下。城市管理综合执法大队名下有哪几个项目？")
    assert sorted(answer.items) == sorted(p.name for p in truth.projects if p.unit == team), answer.answer

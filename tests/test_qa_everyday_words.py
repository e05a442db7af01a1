"""Everyday words for the document's terms and asks (qa/data/synonyms.tsv, cues.json expansions),
phrasings of our own on a generated document (tools.synth seed 3902): 出差的钱 is 差旅费, 车辆数 the
count of 车辆, 买公车 the purchase line, 最烧钱 the largest, 过百万 a threshold, 几几年 which year,
排个队 a ranking, 七位编码 the item level, 几台 cars in 辆, 有啥区别 of two terms both definitions,
and a guess after a which-question (是不是X) asks nothing more. Expected figures come from the
document's truth."""

from __future__ import annotations

from conftest import truth_row


def test_travel_money_is_the_travel_line(legal):
    service, truth = legal
    travel = truth_row(truth, 6, "差旅费")
    for question in ("基本支出里出差的钱安排了多少？", "出差费（基本支出那张表里的）是多少"):
        answer = service.ask(question)
        assert answer.value == travel.amounts[0], answer.answer


def test_the_count_of_cars_named_as_a_number_of_cars(legal):
    service, truth = legal
    cars = sum(held for _, _, held, _ in truth.staff)
    answer = service.ask("按文件里的车辆数算，局里一共有几辆车？")
    assert answer.value == cars, answer.answer


def test_buying_an_official_car_is_the_purchase_line(legal):
    service, truth = legal
    figure = truth.figure("公务用车购置费")
    for question in ("今年有没有安排买公务用车的钱？安排了多少", "买公车的预算是多少"):
        answer = service.ask(question)
        assert answer.value == figure.value, answer.answer


def test_the_project_that_burns_most_money_is_the_largest(legal):
    service, truth = legal
    largest = max(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask("哪个项目最烧钱？")
    assert answer.items == [largest.name], answer.answer


def test_over_a_million_is_a_threshold(legal):
    """过百万 / 超百万: more than 100万元, never every project."""
    service, truth = legal
    over = [p for p in truth.projects if p.amounts[0] > 100]
    assert 0 < len(over) < len(truth.projects)
    for question in ("过百万的项目有几个", "超百万的项目一共几个？"):
        answer = service.ask(question)
        assert answer.value == len(over), answer.answer


def test_two_terms_asked_apart_are_each_defined(legal):
    """「读者老问基本支出和项目支出有啥区别…项目支出按文件里的说法是怎么定义的」: each term named is
    given in the glossary's words, the one asked last too."""
    service, truth = legal
    glossary = dict(truth.glossary)
    for question in ("基本支出和项目支出有啥区别？", "读者老问基本支出和项目支出有啥区别，我得加个小注——越简单越好——项目支出按文件里的说法是怎么定义的？"):
        answer = service.ask(question)
        for term in ("基本支出", "项目支出"):
            assert glossary[term].rstrip("。")[:20] in answer.answer, (question, answer.answer)


def test_a_year_asked_as_jijinian_is_the_cited_documents_year(legal):
    """「依据文件是哪份？是几几年的？」: 几几年 asks which year, not a count of years."""
    service, truth = legal
    project = next(p for p in truth.projects if p.citations and p.citations[0].number)
    answer = service.ask(f"{project.name}的依据文件是哪份？是几几年的？")
    assert answer.answered and project.citations[0].number[:4] in answer.answer, answer.answer


def test_ranked_by_queueing_up(legal):
    service, truth = legal
    second = sorted(truth.projects, key=lambda p: p.amounts[0], reverse=True)[1]
    answer = service.ask("所有项目按金额排个队，第二大的是哪个？多少钱")
    assert answer.value == second.amounts[0] and second.name in answer.answer, answer.answer


def test_seven_digit_codes_are_the_item_level(legal):
    service, truth = legal
    rows = truth.table(5).rows
    parent = next(r for r in rows if r.code and len(r.code) == 3)
    items = [r.label for r in rows if r.code and len(r.code) == 7 and r.code.startswith(parent.code)]
    answer = service.ask(f"{parent.code}那一类底下列了哪几个七位编码的科目？")
    assert sorted(answer.items) == sorted(items), answer.answer


def test_cars_counted_in_tai_and_a_guess_after_a_which_question(legal):
    service, truth = legal
    cars = truth.figure("车辆")
    answer = service.ask("局里登记的车辆一共几台？我好像有点记不清")
    assert answer.value == cars.value, answer.answer
    largest = max(truth.projects, key=lambda p: p.amounts[0])
    other = min(truth.projects, key=lambda p: p.amounts[0])
    answer = service.ask(f"哪个项目钱最多，是不是{other.name}？")
    assert answer.items == [largest.name], answer.answer


def test_buying_services_and_a_new_car(legal):
    service, truth = legal
    assert service.ask("今年政府采购里头，买服务的那块预算多少？").value == truth.figure("服务类采购预算").value
    assert service.ask("今年买新公务车的预算是多少？").value == truth.figure("公务用车购置费").value


def test_what_a_line_covers_is_its_glossary_words(legal):
    """「公务用车运行维护费具体包括哪些开销」: what it covers, in the glossary's words — not its amount."""
    service, truth = legal
    answer = service.ask("三公经费里的公务用车运行维护费，具体包括哪些开销？")
    assert answer.value is None and "燃料费" in answer.answer, answer.answer


def test_a_part_named_only_in_what_a_figure_is_mostly_spent_on_is_refused(legal):
    """「拟购置的X打算花多少钱」 where X is one of the things the planned purchases are mostly: the
    document gives no figure for X alone."""
    service, truth = legal
    planned = service.ask("拟购置固定资产是多少？")
    detail = planned.answer.split("主要是")[1].split("、")[0] if "主要是" in planned.answer else None
    assert detail, planned.answer
    assert not service.ask(f"拟购置的{detail}打算花多少钱？").answered


def test_a_short_name_never_begins_inside_a_word(legal):
    """电费 inside 水电费, 出差 inside 支出差额: a two-character name links only where a word of the
    question begins — 水电费 is not 电费 (the sum is refused, never 电费 alone)."""
    service, truth = legal
    answer = service.ask("水电费加上邮电费，基本支出里一共安排了多少？")
    assert not answer.answered, answer.answer
    assert service.ask("“三公”里因公出国（境）那一块安排了多少？").value == truth.figure("因公出国（境）费").value


def test_the_largest_and_the_smallest_asked_in_a_row(legal):
    """「…明细里，哪项最多、哪项最少」: both rankings, never the last alone."""
    service, truth = legal
    items = [r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.code.startswith("302")]
    most, least = max(items, key=lambda r: r.amounts[0]), min(items, key=lambda r: r.amounts[0])
    answer = service.ask("基本支出的商品和服务支出明细里，哪项最多、哪项最少？")
    assert answer.items == [most.label, least.label], answer.answer


def test_a_figure_per_mu_is_not_the_total(legal):
    service, truth = legal
    project = max(truth.projects, key=lambda p: p.amounts[0])
    for question in (f"{project.name}一亩地补多少钱？", f"{project.name}每亩多少钱"):
        assert not service.ask(question).answered


def test_two_numbers_told_apart_and_a_difference_in_wan(legal):
    """「两个数长得挺像」 counts nothing (两个 + 数, not 个数); 「差几万」 asks the difference."""
    service, truth = legal
    rows = sorted((r for r in truth.table(6).rows if r.code and len(r.code) == 5), key=lambda r: r.amounts[0], reverse=True)
    a, b = rows[0], rows[1]
    answer = service.ask(f"基本支出里{a.label}是多少？别跟{b.label}弄混了，两个数长得挺像")
    assert answer.value == a.amounts[0], answer.answer
    answer = service.ask(f"基本支出里{a.label}和{b.label}两个数差几万？")
    assert answer.value == a.amounts[0] - b.amounts[0], answer.answer


def test_second_and_top_in_everyday_words(legal):
    service, truth = legal
    ranked = sorted(truth.projects, key=lambda p: p.amounts[0], reverse=True)
    assert service.ask("项目里排老二的是哪个？").items == [ranked[1].name]
    assert service.ask("顺带问一下，头号项目是哪个？我感觉是个大项目").items == [ranked[0].name]
    houses = truth.figure("房屋")
    assert service.ask("局里名下房屋有多大面积？").value == houses.value


def test_a_column_not_to_be_mixed_in(legal):
    """「我只要基本支出的数，项目支出那边的别混进来」: the basic column's figure."""
    service, truth = legal
    row = next(r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.code.startswith("301"))
    answer = service.ask(f"基本支出按经济科目分的那张表里，{row.label}（{row.code}）是多少？我只要基本支出的数，项目支出那边的别混进来")
    assert answer.value == row.amounts[0], answer.answer


def test_a_number_alone_is_no_part_of_a_name(legal):
    """「那一百来万固定资产」: 100 is an amount said of the planned purchases, not a part of the name
    单价在100万元以上的设备."""
    service, truth = legal
    planned = truth.figure("拟购置固定资产")
    answer = service.ask("今年打算新买的那一百来万固定资产，主要是买些什么东西？")  # the things asked; the amount said beside them
    assert f"{planned.value:.2f}万元" in answer.answer and "主要是" in answer.answer, answer.answer


def test_a_cited_documents_year_is_no_budget_year(legal):
    """「X府2023年第86号文，是哪个项目拿来当依据的」: 2023年 is the document's number, not a year of
    the budget to be refused."""
    import re

    service, truth = legal
    project, match = next((p, m) for p in truth.projects for c in p.citations if c.number and (m := re.fullmatch(r"(.+?)〔(\d{4})〕(\d+)号", c.number)))
    answer = service.ask(f"{match.group(1)}{match.group(2)}年第{match.group(3)}号文，是哪个项目拿来当依据的？")
    assert answer.answered and project.name in answer.answer, answer.answer


def test_project_money_in_plain_words_is_project_expenditure(legal):
    """项目花的钱 / 项目上的钱 is 项目支出, 日常开支 is 基本支出; 哪个项目钱最多 still ranks projects."""
    from qa.answer import percent

    service, truth = legal
    total, basic, project = truth.table(3).rows[0].amounts[:3]
    for question in ("今年项目上的钱占总支出的百分之多少？", "部门总支出里，项目花的钱占了百分之几"):
        answer = service.ask(question)
        assert answer.value == percent(project, total), answer.answer
    assert service.ask("日常开支一共安排了多少？").value == basic
    largest = max(truth.projects, key=lambda p: p.amounts[0])
    assert service.ask("哪个项目钱最多？").items == [largest.name]


def test_everyday_words_for_the_documents_terms(legal):
    """出国考察、出境学习 name one thing (asked once); 发工资 the wage class; 政府采购里买东西 the goods;
    日常加项目 the two columns of one class; 大家 and 差不多 carry nothing."""
    service, truth = legal
    abroad = truth.figure("因公出国（境）费")
    answer = service.ask("今年有没有安排人出国考察、出境学习之类的钱？有的话多少？")
    assert answer.value == abroad.value and answer.answer.count("因公出国（境）费为") == 1, answer.answer
    wages = truth_row(truth, 6, "工资福利支出")
    assert service.ask("基本支出里发工资、福利那一块是多少？").value == wages.amounts[0]
    goods, services = truth.figure("货物类采购预算"), truth.figure("服务类采购预算")
    answer = service.ask("政府采购里买东西比买服务差多少？")
    assert answer.value == abs(goods.value - services.value), answer.answer
    office = truth_row(truth, 6, "办公费").amounts[0] + truth_row(truth, 7, "办公费").amounts[0]
    for question in ("办公费日常加项目合起来多少钱？", "办公费，日常那块加上项目那块，一共安排了多少？"):
        assert service.ask(question).value == office, question
    largest = max(truth.projects, key=lambda p: p.amounts[0])
    assert service.ask("大家都说项目里钱最多的是哪个？").items == [largest.name]


def test_money_of_a_word_no_name_takes_is_not_the_whole_budget(legal):
    """「办公的钱，日常那块加上项目那块」: 办公 names no line; the answer is never 基本支出 + 项目支出."""
    service, truth = legal
    total = truth.table(3).rows[0].amounts[0]
    answer = service.ask("办公的钱，日常那块加上项目那块，一共安排了多少？")
    assert not answer.answered and "办公" in answer.answer and answer.value != total, answer.answer


def test_a_fund_named_after_a_figure_is_its_column(legal):
    """「公务用车运行维护费按一般公共预算口径安排了多少」: 表8's 一般公共预算 column of that row, never the
    fund's own total beside it."""
    service, truth = legal
    row = truth_row(truth, 8, "公务用车运行维护费")
    column = truth.table(8).columns.index("一般公共预算")
    for question in ("“三公”经费里，公务用车运行维护费按一般公共预算口径安排了多少？", "公务用车运行维护费的一般公共预算是多少？"):
        answer = service.ask(question)
        assert answer.value == row.amounts[column], answer.answer


def test_the_units_under_the_department_in_plain_words(market):
    service, truth = market
    units = {p.unit for p in truth.projects} - {truth.department}
    answer = service.ask("局底下管着的事业单位是哪几个？")
    assert all(u in answer.answer for u in units) and not any("医疗" in i for i in answer.items), answer.answer


def test_which_kind_of_money_a_term_means_is_its_definition(legal):
    service, truth = legal
    term, text = next((t, x) for t, x in truth.glossary if t == "结转下年")
    answer = service.ask("“结转下年”指的是哪种钱")
    assert text.rstrip("。")[:15] in answer.answer and answer.value is None, answer.answer


def test_the_askers_audience_and_plain_names(legal):
    """读者/整份 carry nothing; 购车 is the purchase line; 大件设备 the equipment over 100万."""
    service, truth = legal
    purchase, big = truth.figure("公务用车购置费"), truth.figure("单价在100万元以上的设备")
    answer = service.ask("有读者留言问今年有没有买新车——我说的是买车本身，不是养车——购车这块预算是多少？")
    assert answer.value == purchase.value and "购置费" in answer.answer, answer.answer
    answer = service.ask("单价超过一百万元的那种“大件”设备，局里手里有几台？")
    assert answer.value == big.value and answer.unit == "台", answer.answer
    largest = max(truth.projects, key=lambda p: p.amounts[0])
    assert service.ask("整份预算里单个项目最贵的是哪一个？").items == [largest.name]

"""Tests for kg.parsing.document on the two corpus documents: every record checked against the text file.

The document-specific expectations (counts, figures, names, line numbers) live here, never in kg/.
Amounts are re-read from the file independently of the parser: each table's line range is found
by its 表N heading, and every printed amount token on it must be one parsed cell, in order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from kg.parsing.document import parse_file
from kg.records import BudgetDocument, Span, Table

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
BIGDATA_DEPT = "清远市清城区大数据中心"
CULTURE_DEPT = "清远市清城区文化广电旅游体育局"
LIBRARY = "清远市清城区图书馆"
CULTURAL_CENTRE = "清远市清城区文化馆"

# An amount as these documents print it: 1,316.25 / 0.00 (written here, not imported from kg).
PRINTED_AMOUNT = re.compile(r"-?\d{1,3}(?:,\d{3})*\.\d{2}|-?\d+\.\d{2}")
TABLE_HEADING = re.compile(r"^\s*表(\d{1,2})\s*$")
COLUMNS = {1: 1, 2: 12, 3: 7, 4: 1, 5: 3, 6: 1, 7: 1, 8: 4, 9: 3, 10: 3, 11: 7, 12: 7}
TWO_SIDED = (1, 4)

# rows per table, counted by hand from the documents
ROWS = {
    "bigdata": {1: 36, 2: 17, 3: 17, 4: 31, 5: 17, 6: 28, 7: 10, 8: 7, 9: 1, 10: 1, 11: 5, 12: 31},
    "culture": {1: 36, 2: 32, 3: 32, 4: 31, 5: 29, 6: 26, 7: 13, 8: 7, 9: 4, 10: 1, 11: 12, 12: 16},
}


def _lines(path: Path) -> list[str]:
    return path.read_text("utf-8").split("\n")


def _squash(text: str) -> str:
    return re.sub(r"\s", "", text)


def _joined(lines: list[str], span: Span) -> str:
    """The text of a span's lines, whitespace (including full-width spaces) removed."""
    return "".join(_squash(line) for line in lines[span.start - 1: span.end])


def _amount_tokens(line: str) -> list[str]:
    return [t for t in line.split() if PRINTED_AMOUNT.fullmatch(t)]


def _table_ranges(lines: list[str]) -> dict[int, tuple[int, int]]:
    """表N → (heading line, last line) found by reading the file, 1-based and inclusive."""
    heads = [(int(m.group(1)), i + 1) for i, line in enumerate(lines) if (m := TABLE_HEADING.match(line))]
    part_three = next(i + 1 for i, line in enumerate(lines) if line.strip().startswith("第三部分"))
    ranges = {}
    for k, (number, start) in enumerate(heads):
        stop = heads[k + 1][1] - 1 if k + 1 < len(heads) else part_three - 1
        ranges[number] = (start, stop)
    return ranges


@pytest.fixture(scope="module")
def bigdata() -> BudgetDocument:
    return parse_file(BIGDATA)


@pytest.fixture(scope="module")
def culture() -> BudgetDocument:
    return parse_file(CULTURE)


@pytest.fixture(scope="module", params=["bigdata", "culture"])
def corpus(request, bigdata, culture) -> tuple[str, BudgetDocument, list[str]]:
    doc = bigdata if request.param == "bigdata" else culture
    path = BIGDATA if request.param == "bigdata" else CULTURE
    return request.param, doc, _lines(path)


def _row(table: Table, label: str, occurrence: int = 0):
    found = [r for r in table.rows if r.label == label]
    assert len(found) > occurrence, f"表{table.number} has no row {label!r}"
    return found[occurrence]


def _cells(row) -> list[str]:
    return [c.text for c in row.cells]


# -- counts -----------------------------------------------------------------------------------------


def test_bundled_counts(bigdata):
    doc = bigdata
    assert doc.department == BIGDATA_DEPT
    assert doc.year == 2025
    assert doc.doc_id == f"{BIGDATA_DEPT}-2025"
    assert doc.source == BIGDATA.name
    assert doc.line_count == len(_lines(BIGDATA))
    assert doc.warnings == []
    assert len(doc.duties) == 9
    assert len(doc.units) == 3
    assert [t.number for t in doc.tables] == list(range(1, 13))
    assert len(doc.projects) == 29
    assert len(doc.glossary) == 10
    assert len(doc.goals) == 3
    assert len(doc.figures) == 18
    assert [s.number for s in doc.sections] == ["一", "二", "三", "四", "五", "六"]
    assert doc.composition is not None
    assert doc.composition.subordinate_units == []
    assert doc.composition.text == f"本部门无下属单位，部门预算为{BIGDATA_DEPT}本级预算。"
    assert doc.composition.span == Span(111, 113)
    assert doc.budget_units == [BIGDATA_DEPT]
    assert len(doc.citations) == 5


def test_culture_counts(culture):
    doc = culture
    assert doc.department == CULTURE_DEPT
    assert doc.year == 2025
    assert doc.line_count == len(_lines(CULTURE))
    assert doc.warnings == []
    assert len(doc.duties) == 6
    assert len(doc.units) == 4
    assert [t.number for t in doc.tables] == list(range(1, 13))
    assert len(doc.projects) == 12
    assert len(doc.glossary) == 11
    assert len(doc.goals) == 3
    assert len(doc.figures) == 18
    assert doc.composition.subordinate_units == [LIBRARY, CULTURAL_CENTRE]
    assert doc.composition.span == Span(71, 79)
    assert "（本级）" in doc.composition.text
    assert doc.budget_units == [CULTURE_DEPT, LIBRARY, CULTURAL_CENTRE]
    assert len(doc.citations) == 3


# -- every table, every row, re-read from the file ------------------------------------------------------


def test_table_spans_start_at_headings(corpus):
    _, doc, lines = corpus
    ranges = _table_ranges(lines)
    assert sorted(ranges) == list(range(1, 13))
    for table in doc.tables:
        start, stop = ranges[table.number]
        assert table.span.start == start
        assert start < table.span.end <= stop
        assert len(table.columns) == COLUMNS[table.number]


def test_every_printed_amount_is_one_cell_in_order(corpus):
    """For each table: the amount tokens on each line of the file = the parsed cells of that line."""
    _, doc, lines = corpus
    ranges = _table_ranges(lines)
    for table in doc.tables:
        start, stop = ranges[table.number]
        printed = {n: _amount_tokens(lines[n - 1]) for n in range(start, stop + 1)}
        printed = {n: tokens for n, tokens in printed.items() if tokens}
        parsed: dict[int, list[str]] = defaultdict(list)
        for row in table.rows:
            assert start <= row.span.start <= row.span.end <= stop, (table.number, row.label)
            parsed[row.span.end].extend(_cells(row))
        assert dict(parsed) == printed, f"表{table.number}"


def test_row_counts_match_the_file(corpus):
    name, doc, lines = corpus
    ranges = _table_ranges(lines)
    for table in doc.tables:
        start, stop = ranges[table.number]
        n = COLUMNS[table.number]
        amount_lines = [_amount_tokens(lines[i - 1]) for i in range(start, stop + 1)]
        amount_lines = [tokens for tokens in amount_lines if tokens]
        if table.number in TWO_SIDED:
            derived = sum(len(tokens) for tokens in amount_lines)  # one or two label/amount pairs a line
            assert all(len(tokens) in (1, 2) for tokens in amount_lines)
        else:
            assert all(len(tokens) == n for tokens in amount_lines), f"表{table.number}"
            derived = len(amount_lines)
        assert len(table.rows) == derived == ROWS[name][table.number], f"表{table.number}"
        assert [r.index for r in table.rows] == list(range(len(table.rows)))
        for row in table.rows:
            assert len(row.cells) == n
            assert [c.column for c in row.cells] == table.columns


def test_cell_values_are_the_printed_numbers(corpus):
    _, doc, _ = corpus
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                assert cell.value == Decimal(cell.text.replace(",", ""))
                assert row.value(cell.column) == cell.value or [c.column for c in row.cells].count(cell.column) > 1


def test_row_labels_stand_on_their_lines(corpus):
    _, doc, lines = corpus
    for table in doc.tables:
        for row in table.rows:
            text = _joined(lines, row.span)
            assert _squash(row.label) in text, (table.number, row.label, row.span)
            if row.code:
                assert row.code in _squash(lines[row.span.start - 1]), (table.number, row.code)


def test_zero_rows_are_kept(bigdata):
    t1 = bigdata.table(1)
    for label in ("外交支出", "国防支出", "公共安全支出", "教育支出", "其他支出", "结转下年"):
        row = _row(t1, label)
        assert _cells(row) == ["0.00"] and row.value("预算") == 0
    assert _cells(_row(t1, "财政专户拨款")) == ["0.00"]
    assert _cells(bigdata.table(9).rows[0]) == ["0.00", "0.00", "0.00"]
    assert bigdata.table(9).rows[0].kind == "total"
    assert bigdata.table(9).note == "本表本年无发生额。"
    assert _cells(_row(bigdata.table(8), "行政经费")) == ["0.00"] * 4


# -- 表1 / 表4: two sides ---------------------------------------------------------------------------------


def test_table1_sides(bigdata):
    t1 = bigdata.table(1)
    income = [(r.label, r.cells[0].text) for r in t1.rows if r.side == "收入"]
    assert income == [
        ("预算拨款", "1,316.25"),
        ("财政专户拨款", "0.00"),
        ("其他资金", "0.00"),
        ("本年收入合计", "1,316.25"),
        ("上级补助收入", "0.00"),
        ("附属单位上缴收入", "0.00"),
        ("用事业基金弥补收支差额", "0.00"),
        ("收入总计", "1,316.25"),
    ]
    spending = [r for r in t1.rows if r.side == "支出"]
    assert len(spending) == 28
    assert {r.side for r in t1.rows} == {"收入", "支出"}
    first = t1.rows[:2]
    assert [(r.label, r.side, r.ordinal, r.span) for r in first] == [
        ("预算拨款", "收入", "一、", Span(126, 126)),
        ("一般公共服务支出", "支出", "一、", Span(126, 126)),
    ]
    assert (_row(t1, "科学技术支出").side, _row(t1, "科学技术支出").cells[0].text) == ("支出", "922.08")
    # a line with only a spending item after the income side ran out
    assert _row(t1, "公共安全支出").side == "支出"
    assert _row(t1, "其他支出").span == Span(173, 173)  # after the repeated header on the next page
    assert _row(t1, "对附属单位补助支出").ordinal == "二十四、"
    totals = [(r.label, r.side) for r in t1.rows if r.kind == "total"]
    assert totals == [("本年收入合计", "收入"), ("本年支出合计", "支出"), ("收入总计", "收入"), ("支出总计", "支出")]


def test_table4_sides(bigdata, culture):
    t4 = bigdata.table(4)
    assert [r.label for r in t4.rows if r.side == "收入"] == ["一般公共预算", "政府性基金预算", "国有资本经营预算", "本年收入合计", "收入总计"]
    assert _row(t4, "结转下年").side == "支出"
    assert _row(t4, "结转下年").span == Span(422, 422)
    c4 = culture.table(4)
    assert (_row(c4, "政府性基金预算").side, _cells(_row(c4, "政府性基金预算"))) == ("收入", ["80.00"])
    assert (_row(c4, "其他支出").side, _cells(_row(c4, "其他支出"))) == ("支出", ["80.00"])


# -- classified tables: codes, names, nesting ---------------------------------------------------------------


def test_functional_codes_and_broken_names(bigdata):
    t2 = bigdata.table(2)
    assert [r.code for r in t2.rows] == [
        None, "201", "20137", "2013750", "206", "20601", "2060199", "208", "20805", "2080505", "2080506",
        "210", "21011", "2101102", "221", "22102", "2210201",
    ]
    row = _row(t2, "其他科学技术管理事务支出")
    assert row.code == "2060199"
    assert row.span == Span(259, 263)
    assert row.depth == 3
    assert t2.rows[row.parent].code == "20601"
    assert t2.rows[t2.rows[row.parent].parent].code == "206"
    assert _cells(row) == ["922.08", "922.08"] + ["0.00"] * 10
    pension = _row(t2, "机关事业单位基本养老保险缴费支出")
    assert (pension.code, pension.span, pension.cells[0].text) == ("2080505", Span(269, 273), "27.06")
    t3 = bigdata.table(3)
    assert _row(t3, "其他科学技术管理事务支出").span == Span(326, 330)
    assert _row(t3, "机关事业单位职业年金缴费支出").span == Span(342, 346)
    t5 = bigdata.table(5)
    assert (_row(t5, "其他科学技术管理事务支出").code, _row(t5, "其他科学技术管理事务支出").span) == ("2060199", Span(455, 455))
    assert _row(t5, "住房公积金").code == "2210201"
    assert t5.classification == "functional"
    assert t5.title == "一般公共预算支出情况表（按功能分类科目）"
    assert t2.rows[0].kind == "total" and t2.rows[0].label == "合计"


def test_economic_codes(bigdata, culture):
    t6 = bigdata.table(6)
    assert t6.classification == "economic"
    allowance = _row(t6, "津贴补贴")
    assert (allowance.code, allowance.span, _cells(allowance), allowance.depth) == ("30102", Span(492, 492), ["38.31"], 2)
    assert t6.rows[allowance.parent].code == "301"
    other = _row(t6, "其他商品和服务支出")
    assert (other.code, other.span) == ("30299", Span(537, 537))  # after the page break's repeated header
    assert t6.rows[other.parent].code == "302"
    t7 = bigdata.table(7)
    repair = _row(t7, "维修（护）费")
    assert (repair.code, _cells(repair), repair.span) == ("30213", ["113.10"], Span(558, 558))
    assert [r.code for r in t7.rows] == [None, "302", "30207", "30213", "30214", "30216", "30239", "310", "31002", "31007"]
    c9 = culture.table(9)
    assert [(r.code, r.label, _cells(r)) for r in c9.rows] == [
        (None, "合计", ["80.00", "0.00", "80.00"]),
        ("229", "其他支出", ["80.00", "0.00", "80.00"]),
        ("22960", "彩票公益金安排的支出", ["80.00", "0.00", "80.00"]),
        ("2296003", "用于体育事业的彩票公益金支出", ["80.00", "0.00", "80.00"]),
    ]
    c3 = culture.table(3)
    assert _row(c3, "行政事业单位养老支出").span == Span(357, 357)  # first row after the page's repeated header
    assert _row(c3, "用于体育事业的彩票公益金支出").span == Span(393, 397)


def test_parents_follow_codes(corpus):
    _, doc, _ = corpus
    for table in doc.tables:
        if table.classification is None:
            continue
        for row in table.rows:
            if row.code is None:
                assert row.kind == "total" and row.parent is None
                continue
            assert row.depth == {3: 1, 5: 2, 7: 3}[len(row.code)]
            if len(row.code) == 3:
                assert row.parent is None
            else:
                assert table.rows[row.parent].code == row.code[:-2]


# -- 表8: 三公 nesting --------------------------------------------------------------------------------------


def test_table8_nesting(bigdata, culture):
    t8 = bigdata.table(8)
    summary = [(r.label, r.ordinal, r.depth, t8.rows[r.parent].label if r.parent is not None else None) for r in t8.rows]
    assert summary == [
        ("行政经费", None, 0, None),
        ("“三公”经费", None, 0, None),
        ("因公出国（境）支出", "（一）", 1, "“三公”经费"),
        ("公务用车购置及运行维护支出", "（二）", 1, "“三公”经费"),
        ("公务用车购置费", "1.", 2, "公务用车购置及运行维护支出"),
        ("公务用车运行维护费", "2.", 2, "公务用车购置及运行维护支出"),
        ("公务接待费支出", "（三）", 1, "“三公”经费"),
    ]
    assert _cells(_row(t8, "“三公”经费")) == ["0.40", "0.40", "0.00", "0.00"]
    c8 = culture.table(8)
    assert _cells(_row(c8, "行政经费")) == ["28.24", "28.24", "0.00", "0.00"]
    assert _cells(_row(c8, "公务用车运行维护费")) == ["4.50", "4.50", "0.00", "0.00"]
    assert c8.rows[_row(c8, "公务用车运行维护费").parent].label == "公务用车购置及运行维护支出"


# -- 表11 / 表12: units and projects -----------------------------------------------------------------------


def test_table11_units(bigdata, culture):
    t11 = bigdata.table(11)
    assert [(r.label, r.kind, r.unit, r.parent) for r in t11.rows] == [
        ("合计", "total", None, None),
        (BIGDATA_DEPT, "unit", BIGDATA_DEPT, None),
        ("工资和福利支出", "item", BIGDATA_DEPT, 1),
        ("商品和服务支出", "item", BIGDATA_DEPT, 1),
        ("对个人和家庭的补助", "item", BIGDATA_DEPT, 1),
    ]
    c11 = culture.table(11)
    units = [(r.label, r.cells[0].text, r.span) for r in c11.rows if r.kind == "unit"]
    assert units == [
        (CULTURE_DEPT, "286.84", Span(711, 714)),  # the name is broken over two lines
        (LIBRARY, "115.35", Span(722, 722)),
        (CULTURAL_CENTRE, "89.61", Span(728, 728)),
    ]
    library_rows = [(r.label, r.cells[0].text) for r in c11.rows if r.unit == LIBRARY and r.kind == "item"]
    assert library_rows == [("工资和福利支出", "101.52"), ("商品和服务支出", "13.83")]
    for row in c11.rows:
        if row.kind == "item":
            assert c11.rows[row.parent].kind == "unit" and c11.rows[row.parent].label == row.unit


def test_table12_projects_and_units(bigdata, culture):
    t12 = bigdata.table(12)
    assert [r.kind for r in t12.rows[:2]] == ["total", "unit"]
    assert all(r.kind == "project" for r in t12.rows[2:])
    assert [p.row for p in bigdata.projects] == t12.rows[2:]
    assert {p.unit for p in bigdata.projects} == {BIGDATA_DEPT}
    assert t12.rows[0].cells[0].text == "922.08"
    # the document's own rounding: the 29 projects add up to 922.09, its 合计 says 922.08
    assert sum(p.row.cells[0].value for p in bigdata.projects) == Decimal("922.09")
    names = [p.name for p in bigdata.projects]
    assert names[0] == "清城区“一体化”综合执法平台项目技术开发"
    assert names[-1] == "清城区社会综合治理云平台专线线路项目"
    assert "“清城区农村集体三资监管平台（票据电子化管理）功能升级开发”合同第二期费用" in names
    assert "东城街与龙塘镇“一门式、一网式”政务服务中心建设项目线路租赁费" in names
    big = _row(t12, "清城区社会综合治理云平台专线线路项目")
    assert (big.span, big.cells[0].text) == (Span(1123, 1126), "423.97")
    assert _row(t12, "“清城区农村集体三资监管平台（票据电子化管理）功能升级开发”合同第二期费用").span == Span(1042, 1050)

    c12 = culture.table(12)
    by_unit = defaultdict(list)
    for p in culture.projects:
        by_unit[p.unit].append(p.name)
    assert by_unit == {
        CULTURE_DEPT: [
            "全民健身活动经费", "文化市场综合执法经费", "旅游宣传推广经费", "非物质文化遗产保护专项经费",
            "文物保护单位修缮及安全巡查经费", "农村应急广播运维经费", "体育场馆免费低收费开放补助",
            "体育彩票公益金全民健身设施建设项目",
        ],
        LIBRARY: ["图书馆文献资源购置经费", "图书馆免费开放补助资金"],
        CULTURAL_CENTRE: ["文化馆免费开放及群众文化活动经费", "文艺精品创作扶持经费"],
    }
    units = [(r.label, r.cells[0].text) for r in c12.rows if r.kind == "unit"]
    assert units == [(CULTURE_DEPT, "324.43"), (LIBRARY, "60.00"), (CULTURAL_CENTRE, "37.50")]
    for p in culture.projects:
        unit_row = c12.rows[p.row.parent]
        assert unit_row.kind == "unit" and unit_row.label == p.unit
    lottery = _row(c12, "体育彩票公益金全民健身设施建设项目")
    assert _cells(lottery) == ["80.00", "80.00", "0.00", "80.00", "0.00", "0.00", "0.00"]
    # each unit's projects add up to the unit's row
    for unit_row in (r for r in c12.rows if r.kind == "unit"):
        total = sum(p.row.cells[0].value for p in culture.projects if p.unit == unit_row.label)
        assert total == unit_row.cells[0].value


def test_every_purpose_is_its_lines(corpus):
    """Each project's 绩效目标 text is non-empty and is exactly the text of its span, after its row."""
    _, doc, lines = corpus
    rows = doc.table(12).rows
    for project in doc.projects:
        assert project.purpose, project.name
        span = project.purpose_span
        assert span is not None and span.start > project.row.span.end
        following = next((r for r in rows[project.row.index + 1:]), None)
        if following is not None:
            assert span.end < following.span.start
        assert _squash(project.purpose) == _joined(lines, span)
        assert _squash(lines[span.start - 1]) and project.purpose.startswith(_squash(lines[span.start - 1])[:6])
        assert not any(_amount_tokens(lines[n - 1]) for n in range(span.start, span.end + 1))


PURPOSES = [
    ("bigdata", "清城区“一体化”综合执法平台项目技术开发", "根据我区落实市委“十大行动方案”的任务清单，以", "考核全流程信息化。", Span(692, 702)),
    ("bigdata", "车辆租赁经费", "根据《中共清远市清远市清城区委机构编制委员", "通过租赁车辆为更好推动我单位工作的开展。", Span(706, 714)),
    ("bigdata", "光纤年租、互联网年租", "通过实施光纤年租、互联网年租项目", "保障相关政务工作正常运行。", Span(815, 817)),
    ("bigdata", "移动办公用户费", "通过实施该项目为全区移动政务办公", "各市驻区单位等", Span(821, 827)),
    ("bigdata", "“一门式”项目区府至各镇街（部门）线路租赁费用", "通过租用线路，为各镇街政务服务中心", "出现网络线路问题及时处理。", Span(953, 955)),
    ("bigdata", "清城区社会综合治理云平台专线线路项目", "清城区社会综合治理云平台作为清城区“智慧城市”基础", "需重新续约专线服务。", Span(1128, 1146)),
    ("culture", "全民健身活动经费", "根据《清远市清城区全民健身实施计划（2021—2025年）》", "全年举办区级群众性体育赛事活动不少于10场。", Span(780, 786)),
    ("culture", "图书馆文献资源购置经费", "通过购置纸质图书、报刊和数字资源", "全年新增馆藏图书不少于1.2万册。", Span(892, 894)),
    ("culture", "文艺精品创作扶持经费", "通过实施文艺精品创作扶持项目", "参加省、市群众文艺作品评选展演。", Span(949, 953)),
]


@pytest.mark.parametrize(("which", "name", "start", "end", "span"), PURPOSES, ids=[p[1][:8] for p in PURPOSES])
def test_purpose_spot_checks(which, name, start, end, span, bigdata, culture):
    doc = bigdata if which == "bigdata" else culture
    project = next(p for p in doc.projects if p.name == name)
    assert project.purpose.startswith(start)
    assert project.purpose.endswith(end)
    assert project.purpose_span == span


def test_purpose_joins_words_broken_by_spaces(bigdata):
    project = next(p for p in bigdata.projects if p.name == "清城区社会综合治理云平台专线线路项目")
    assert "安全生产" in project.purpose and "自然资源" in project.purpose and "“一张图”" in project.purpose


# -- citations ------------------------------------------------------------------------------------------------


def test_project_citations_bundled(bigdata):
    cited = {p.name: p.citations for p in bigdata.projects if p.citations}
    assert set(cited) == {"车辆租赁经费", "武装工作专网维护", "云平台项目各镇（街）项目末端设备维修及线路租金", "清城区社会综合治理云平台项目"}
    (org,) = cited["车辆租赁经费"]
    assert org.number == "清城机编发〔2019〕2号"
    assert org.title == "中共清远市清远市清城区委机构编制委员关于印发清远市清城区大数据中心机构编制方案的通知"
    assert (org.issuer, org.year, org.serial) == ("清城机编发", 2019, 2)
    assert "清城机编发[2019]2号" in org.variants and "清城机编发（2019）2号" in org.variants
    assert org.span == Span(706, 714)
    (minutes,) = cited["武装工作专网维护"]
    assert minutes.number == "区政府会议纪要〔2007〕7号"
    assert minutes.text == "《区政府会议纪要[2007]7号》"
    assert (minutes.year, minutes.serial) == (2007, 7)
    (decision,) = cited["云平台项目各镇（街）项目末端设备维修及线路租金"]
    assert decision.number == "〔2019〕185号"
    assert decision.issuer is None
    assert decision.title == "区政府常务会议决定事项通知"
    two = cited["清城区社会综合治理云平台项目"]
    assert [c.number for c in two] == ["区委常委会议决定事项通知〔2019〕4号", "区政府常务会议决定事项通知〔2019〕41号"]
    assert all(not d.citations for d in bigdata.duties) and all(not u.citations for u in bigdata.units)


def test_project_citations_culture(culture):
    by_number = {c.number: c for c in culture.citations}
    assert set(by_number) == {"清城府办〔2022〕18号", "清城府办〔2023〕15号", "〔2024〕27号"}
    assert by_number["清城府办〔2022〕18号"].title == "清远市清城区全民健身实施计划（2021—2025年）"
    assert by_number["清城府办〔2023〕15号"].title == "清远市清城区人民政府办公室关于加强文物安全工作的通知"
    assert by_number["〔2024〕27号"].title == "区政府常务会议决定事项通知"
    assert by_number["〔2024〕27号"].year == 2024


def test_project_targets(culture, bigdata):
    fitness = next(p for p in culture.projects if p.name == "全民健身活动经费")
    assert [(t.comparator, t.value, t.unit, t.cue) for t in fitness.targets] == [(">=", Decimal("10"), "场", "不少于")]
    books = next(p for p in culture.projects if p.name == "图书馆文献资源购置经费")
    assert [(t.comparator, t.value, t.unit) for t in books.targets] == [(">=", Decimal("1.2"), "万册")]
    # a range (1-2个) and a date are not targets
    village = next(p for p in bigdata.projects if p.name == "百兆光纤宽带示范村租用费")
    assert village.targets == []


# -- 第三部分 figures -------------------------------------------------------------------------------------------


def _figure(doc: BudgetDocument, label: str):
    found = [f for f in doc.figures if f.label == label]
    assert len(found) == 1, label
    return found[0]


def test_income_and_spending_change(bigdata):
    for label, line in (("收入预算", 1153), ("支出预算", 1163)):
        f = _figure(bigdata, label)
        assert (f.section, f.value, f.unit) == ("一", Decimal("1316.25"), "万元")
        assert f.change == Decimal("-1348.45")
        assert f.change_rate == Decimal("-50.6")
        assert f.change_text == "比上年减少1,348.45万元"
        assert f.reason.startswith("本年专项预算减少，如东城街与龙塘镇“一门式、一网式”政务服务中心弱电建设项目")
        assert f.reason.endswith("清远市清城区涉税房地产价格认定数字化项目监理费用等")
        assert f.span.start == line


def test_three_public_expenses(bigdata, culture):
    figures = bigdata.figures
    total = _figure(bigdata, "“三公”经费")
    assert (total.value, total.change, total.change_rate, total.reason) == (Decimal("0.4"), 0, 0, "与上年持平，无增减变化")
    k = figures.index(total)
    parents = {f.label: (figures[f.parent].label if f.parent is not None else None) for f in figures if f.section == "二"}
    assert parents == {
        "“三公”经费": None,
        "因公出国（境）费": "“三公”经费",
        "公务用车购置及运行维护费": "“三公”经费",
        "公务用车购置费": "公务用车购置及运行维护费",
        "公务用车运行维护费": "公务用车购置及运行维护费",
        "公务接待费": "“三公”经费",
    }
    assert _figure(bigdata, "公务接待费").value == Decimal("0.4") and _figure(bigdata, "公务接待费").parent == k
    c = culture
    assert (_figure(c, "“三公”经费").value, _figure(c, "“三公”经费").change, _figure(c, "“三公”经费").change_rate) == (
        Decimal("6"), Decimal("-0.7"), Decimal("-10.4"))
    car = _figure(c, "公务用车购置及运行维护费")
    assert (car.value, car.change, car.change_rate) == (Decimal("4.5"), Decimal("-0.5"), Decimal("-10"))
    assert car.reason == "公务用车使用年限较长、维修保养计划优化，运行维护费压减"
    running = _figure(c, "公务用车运行维护费")
    assert (running.value, running.change, running.text) == (Decimal("4.5"), Decimal("-0.5"), "公务用车运行维护费4.5万元")
    reception = _figure(c, "公务接待费")
    assert (reception.value, reception.change, reception.change_rate) == (Decimal("1.5"), Decimal("-0.2"), Decimal("-11.8"))


def test_running_costs(bigdata, culture):
    f = _figure(bigdata, "机关运行经费")
    assert (f.section, f.value, f.change) == ("三", 0, 0)
    assert "非参照公务员法管理的事业单位" in f.reason
    g = _figure(culture, "机关运行经费")
    assert (g.value, g.change, g.change_rate, g.span) == (Decimal("28.24"), Decimal("-0.66"), Decimal("-2.3"), Span(1009, 1009))


def test_procurement(bigdata, culture):
    for doc, values in ((bigdata, ("15", "14", "0", "1")), (culture, ("148", "23", "40", "85"))):
        total = _figure(doc, "政府采购")
        k = doc.figures.index(total)
        assert (total.section, total.value, total.parent) == ("四", Decimal(values[0]), None)
        parts = [(f.label, f.value) for f in doc.figures if f.parent == k]
        assert parts == [
            ("货物类采购预算", Decimal(values[1])),
            ("工程类采购预算", Decimal(values[2])),
            ("服务类采购预算", Decimal(values[3])),
        ]


def test_state_assets(bigdata, culture):
    expected = {
        "bigdata": ("568.45", "0", "0", "0", "14", "交换机、设备等"),
        "culture": ("1236.58", "3560", "1", "0", "23", "自助借还设备、执法记录仪等"),
    }
    for name, doc in (("bigdata", bigdata), ("culture", culture)):
        value, house, cars, devices, planned, detail = expected[name]
        assets = _figure(doc, "固定资产")
        k = doc.figures.index(assets)
        assert (assets.section, assets.value, assets.unit, assets.as_of) == ("五", Decimal(value), "万元", "2025年1月31日")
        parts = [(f.label, f.value, f.unit) for f in doc.figures if f.parent == k]
        assert parts == [
            ("房屋", Decimal(house), "平方米"),
            ("车辆", Decimal(cars), "辆"),
            ("单价在100万元以上的设备", Decimal(devices), "台"),
        ]
        buy = _figure(doc, "拟购置固定资产")
        assert (buy.value, buy.unit, buy.detail, buy.parent) == (Decimal(planned), "万元", detail, None)


def test_figure_spans_hold_the_printed_number(corpus):
    _, doc, lines = corpus
    for f in doc.figures:
        number = re.search(r"(\d[\d,]*(?:\.\d+)?)" + re.escape(f.unit) + "$", f.text)
        assert number, f.text
        assert Decimal(number.group(1).replace(",", "")) == f.value
        assert number.group(0) in _joined(lines, f.span), (f.label, f.span)
        assert f.text.endswith(f.unit) and _squash(f.label) in _squash(f.text)
        assert not f.text.startswith("比上年"), f.text


# -- performance goals ------------------------------------------------------------------------------------------


def test_performance_goals_bundled(bigdata):
    goals = [(g.project, g.amount, g.amount_text, g.span) for g in bigdata.goals]
    assert goals == [
        ("保障网络正常运行", Decimal("231.29"), "231.29", Span(1234, 1240)),
        ("保障云平台项目正常运行", Decimal("508.81"), "508.81", Span(1242, 1250)),
        ("政务网络日常设备维护", Decimal("70"), "70", Span(1253, 1263)),
    ]
    network, cloud, upkeep = bigdata.goals
    assert network.goal == "各单位网络故障、我单位管理的各类信息化系统故障全年不超过10次，每次故障时间不超过30分钟。"
    assert [(t.comparator, t.value, t.unit, t.cue) for t in network.targets] == [
        ("<=", Decimal("10"), "次", "不超过"),
        ("<=", Decimal("30"), "分钟", "不超过"),
    ]
    assert network.targets[1].text == "每次故障时间不超过30分钟"
    assert [(t.comparator, t.value, t.unit) for t in cloud.targets] == [(">=", Decimal("90"), "%")]
    assert cloud.targets[0].cue == "以上"
    assert cloud.goal.startswith("完成清城区社会综合治理云平台建设项目") and cloud.goal.endswith("实现智慧场景应用开展与拓展。")
    assert upkeep.targets == []
    assert upkeep.goal.endswith("保障政务网络设备正常运行。")


def test_performance_goals_culture(culture):
    assert [(g.project, g.amount) for g in culture.goals] == [
        ("体育彩票公益金全民健身设施建设项目", Decimal("80")),
        ("文物保护单位修缮及安全巡查经费", Decimal("62.35")),
        ("旅游宣传推广经费", Decimal("45")),
    ]
    lottery, relics, tourism = culture.goals
    assert [(t.comparator, t.value, t.unit) for t in lottery.targets] == [
        (">=", Decimal("15"), "条"), (">=", Decimal("2"), "个"), (">=", Decimal("100"), "%"),
    ]
    assert [(t.comparator, t.value, t.unit) for t in relics.targets] == [(">=", Decimal("48"), "次"), (">=", Decimal("3"), "处")]
    assert [(t.comparator, t.value, t.unit, t.cue) for t in tourism.targets] == [
        (">=", Decimal("6"), "场", "不少于"), ("=", Decimal("1"), "部", None), (">=", Decimal("90"), "%", "以上"),
    ]


def test_goal_text_is_its_lines(corpus):
    _, doc, lines = corpus
    for goal in doc.goals:
        text = _joined(lines, goal.span)
        assert text.startswith(_squash(goal.project) + goal.amount_text)
        assert text.endswith(_squash(goal.goal))


# -- overview and glossary ----------------------------------------------------------------------------------------


def test_duties_and_units_are_their_lines(corpus):
    _, doc, lines = corpus
    chinese = "一二三四五六七八九十"
    for duty in doc.duties:
        text = _joined(lines, duty.span)
        assert text == f"（{chinese[duty.ordinal - 1]}）" + _squash(duty.text)
    for unit in doc.units:
        assert _squash(lines[unit.span.start - 1]) == f"（{chinese[unit.ordinal - 1]}）{unit.name}"
        assert _joined(lines, unit.span).endswith(_squash(unit.duty))


def test_duties_and_units_bundled(bigdata):
    first, last = bigdata.duties[0], bigdata.duties[-1]
    assert first.span == Span(5, 11)
    assert first.text.startswith("贯彻落实区委、区政府关于信息化和大数据应用工作的决策")
    assert first.text.endswith("参与拟订清城区信息化发展中长期规划和年度计划并实施。")
    assert (last.ordinal, last.text, last.span) == (9, "承办局机关和上级部门交办的其他工作任务", Span(50, 50))
    assert bigdata.duties[7].span == Span(47, 48)  # the line after a PDF break starts with a space
    assert [(u.name, u.span) for u in bigdata.units] == [
        ("办公室", Span(54, 60)), ("网络规划和数据管理股", Span(62, 78)), ("网络运维股", Span(80, 107)),
    ]
    assert bigdata.units[2].duty.endswith("协助有关部门做好网上舆情信息收集、引导等工作。")


def test_duties_and_units_culture(culture):
    assert [u.name for u in culture.units] == ["办公室", "公共服务和文化遗产股", "旅游发展和市场管理股", "体育股"]
    assert culture.duties[5].span == Span(31, 34)
    assert culture.duties[5].text.endswith("完成区委、区政府交办的其他任务。")


GLOSSARY = ["财政拨款收入", "事业收入", "经营收入", "其他收入", "用事业基金弥补收支差额", "基本支出", "项目支出", "经营支出", "行政经费（机关运行经费）", "“三公”经费"]


def test_glossary(bigdata, culture, corpus):
    assert [t.term for t in bigdata.glossary] == GLOSSARY
    assert [t.term for t in culture.glossary] == [*GLOSSARY, "政府性基金预算"]
    first = bigdata.glossary[0]
    assert (first.definition, first.span) == ("指预算单位从本级财政部门取得的财政预算资金收入。", Span(1268, 1270))
    three = bigdata.glossary[9]
    assert three.definition.startswith("“三公”经费指部门（单位）使用财政拨款安排的因公出国（境）费用")
    assert three.definition.endswith("公务接待费反映按规定开支的各类公务接待（含外宾接待）费用。")
    assert culture.glossary[10].definition.endswith("专项用于特定公共事业发展的收支预算。")
    _, doc, lines = corpus
    chinese = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]
    for term in doc.glossary:
        text = _joined(lines, term.span)
        assert text == f"{chinese[term.ordinal - 1]}、{_squash(term.term)}:{_squash(term.definition)}"


def test_table_titles_and_notes(bigdata):
    titles = [t.title for t in bigdata.tables]
    assert titles == [
        "收支总体情况表", "收入总体情况表", "支出总体情况表", "财政拨款收支总体情况表",
        "一般公共预算支出情况表（按功能分类科目）", "一般公共预算基本支出情况表（按经济分类科目）",
        "一般公共预算项目支出情况表（按经济分类科目）", "财政拨款安排的行政经费及“三公”经费预算表",
        "政府性基金预算支出情况表", "国有资本经营预算支出情况表", "部门预算基本支出预算表", "部门预算项目支出及其他支出预算表",
    ]
    assert bigdata.table(1).note.endswith("本套报表金额单位转换时可能存在尾数误差。")
    assert bigdata.table(1).span == Span(118, 186)
    assert bigdata.table(12).span == Span(651, 1148)

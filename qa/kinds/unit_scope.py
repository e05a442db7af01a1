"""unit_scope: figures of budget units in a department with subordinate units — the department's
own budget (本级), a named unit (图书馆), its subordinate units (下属单位) or all of them — from
表11 (basic expenditure by unit, with its economic classes under each unit) and 表12 (project
expenditure by unit): one unit's figure, their sum, a comparison, the largest, or a share."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from kg.template import load_template
from qa.answer import Answer, fmt, percent
from qa.commentary import restricts
from qa.execute import COUNTED_SUBORDINATE, NotAnswerable
from qa.facts import Fact
from qa.honour import excluded_before, included_spans, kept_text, left_out, left_out_spans, self_left_out
from qa.kinds.base import Context, Reading, Slot, cue_data, pattern
from qa.kinds.remainder import less
from qa.lexicon import Entity, Mention, load_cues, match_form, negated_before, split_region
from qa.normalize import count_of
from qa.segment import says_something
from qa.spans import occurrences

NAME = "unit_scope"


COLUMN_MEASURES = {"basic": "基本支出", "project": "项目支出"}


def column_words(column: str) -> list[str]:
    """The words of a column of expenditure (basic, project): its measure's aliases (cues.json measures)."""
    return [match_form(w) for w in load_cues()["measures"][COLUMN_MEASURES[column]]["aliases"]]


def _words(key: str) -> list[str]:
    return column_words(key) if key in COLUMN_MEASURES else [match_form(w) for w in cue_data(NAME)[key]]


def _asking_clause(frame) -> int | None:
    """Where the last clause starts, when it asks and the clauses before it tell (a verb of their own, no ask:
    「本级和下属中心的走势好像相反，城管局本级的项目支出增长率是多少」): units it names are the ones asked, not those the
    telling names. 「检测所，本级的…比它多多少」 tells nothing: both are asked."""
    text = frame.text
    spans = [m.span() for m in re.finditer(r"[^，,。；;？?！!]+[，,。；;？?！!]?", text)]
    asks = load_cues()["clauses"]["asks"]
    if len(spans) < 2 or any(re.search(asks, text[a:b]) for a, b in spans[:-1]) or not re.search(asks, text[spans[-1][0]:]):
        return None
    told = frame.masked()[:spans[-1][0]]
    return spans[-1][0] if says_something(told) and not restricts(told) else None  # 「…，不算局本级。」 restricts


def _units(ctx: Context) -> tuple[list[str], list[Entity]]:
    """The units the question is about, as (how named, unit entities) — before the document is known."""
    frame, text = ctx.frame, ctx.frame.text
    named: list[Entity] = []
    excluded = {id(m) for m in left_out(text, frame.mentions)}
    wanted = re.search(cue_data(NAME)["only_wanted"], text)
    start, end = wanted.span() if wanted else (_asking_clause(frame),) * 2
    if start is not None and not (any(m.start >= end and m.of("budget_unit") for m in frame.mentions) or occurrences(_words("self_words"), text[end:])):
        start = None  # 「检测所只算基本支出的话」: it narrows the measure, not the unit
    if start is not None:  # 「X和Y的项目是分开列的，我只要X本级的」: the units before it are what the asker read
        text = " " * start + text[start:]
    for m in frame.mentions:
        if start is not None and m.start < start:
            continue
        if re.search(r"\d{3,}", m.surface) or ("科目" in text and m.of("classification")):
            continue  # 「2070104图书馆」「图书馆这个科目」: the classification, not the unit
        if id(m) in excluded or negated_before(text, m.start):
            continue  # 「本级（不算登记中心）」「（不是指挥中心的）」: a unit named to be left out or set apart
        named += m.of("budget_unit")
    how = []
    said = occurrences(_words("self_words"), text)
    said = [(a, b) for a, b in said if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in said)]  # 本级 inside 局本级
    if any(not negated_before(text, a) and not self_left_out(text[:b + 2]) for a, b in said):  # 「（不是局本级）」「（不算局本级）」「局本级之外」: set apart
        how.append("self")
    if any(not excluded_before(text, start) for start, _ in occurrences(_words("subordinate_words"), text)):
        how.append("subordinate")  # 「本级（不含下属单位）」: the subordinate units left out are not asked
    if "self_unit" in frame.cues and not said and "self" not in how:
        how.append("self")  # 「城管局和环卫所的项目」: the bureau itself beside its unit (Understander)
    inclusive = "(?<![不未])" + cue_data(NAME)["inclusive"] + "(?:" + "|".join(_words("subordinate_words")) + ")"
    if re.search(inclusive, text):
        return ["all"], named  # 「教育局（含下属单位）」: every unit
    counted = re.search(cue_data(NAME)["all_counted"], text)  # 「三家单位中」, not 「图书馆和文化馆两家单位」
    if counted and len({e.iri for e in named}) + ("self" in how) >= _number(counted.group(0)[0]):
        counted = None  # 「本级和普查中心，两家的」: the two named
    picked = counted and named and re.match(cue_data(NAME)["picked_from"], text[counted.end():])  # 「三个单位里只有X的项目支出是涨的」: X, picked from them
    if not picked and (counted or "subordinate" not in how and any(w in text for w in _words("all_words"))):
        how.append("all")  # 「各单位」, but not in 「下属各单位」「下属单位中哪个单位」
    if "all" in how and self_left_out(text):
        how = [h for h in how if h != "all"] + ["subordinate"]  # 「除了局本级以外哪个单位最多」: every unit but the bureau's own
    return how, named


def _fund_names() -> dict[str, str]:
    """The units table's columns by source of funds (其他资金, 财政拨款合计, 政府性基金预算), each by
    its name with and without 合计 or 预算 (match form, longest first) → the column."""
    names = {}
    for column in load_template().by_layout("units").columns[1:]:
        for name in (column, column.removesuffix("合计"), column.removesuffix("预算")):
            if len(name) >= 4:
                names[match_form(name)] = column
    return dict(sorted(names.items(), key=lambda kv: -len(kv[0])))


def _fund(text: str) -> str | None:
    """The source-of-funds column the question names (「本级基本支出里的其他资金」), or None; one said
    to be included (「含其他资金那部分」) asks the total, not that column."""
    out = left_out_spans(text) + included_spans(text)  # 「把其他资金那一点也算上」: the total, not that column
    return next((column for name, column in _fund_names().items()
                 if any(not negated_before(text, k.start()) and not re.search(r"(?:含|包含|包括|连同|加上)$", text[:k.start()])
                        and not excluded_before(text, k.start()) and not any(a <= k.start() < b for a, b in out)  # 「（不要财政拨款那部分）」
                        and not re.match(r"(?:以外|之外)", text[k.end():])  # 「财政拨款以外的其他资金」: what the fund asked is not
                        for k in re.finditer(re.escape(name), text))), None)


def is_fund(mention: Mention) -> bool:
    """A mention that names a source of funds (by its own words or its entity's label), not a class."""
    return match_form(mention.surface) in _fund_names() or any(match_form(e.label) in _fund_names() for e in mention.entities)


def _year_before_loaded(ctx: Context) -> bool:
    """Whether the year before the asked one is loaded too for the question's department (cross_year
    compares units across them, asking this reading each year's figure); else a unit's change over
    the year is not in the documents (「2024年X中心项目支出增加了多少」 with 2023 not loaded)."""
    documents = ctx.lexicon.documents
    asked = [documents[d] for d in ctx.frame.docs if d in documents]
    years = {d.year for d in asked}
    return any(o.department == d.department and (o.year == d.year - 1 or o.year in years and o.year != d.year) for d in asked for o in documents.values())


def _number(digit: str) -> float:
    """A count written in a digit or a numeral; 几 (several) counts more than any units named."""
    if digit == "几":
        return float("inf")
    return int(digit) if digit.isdigit() else "一二三四五六七八九".index(digit.replace("两", "二")) + 1


def _class_mention(ctx: Context) -> Mention | None:
    for m in ctx.frame.mentions:
        if m.of("classification", "line_item") and not m.of("budget_unit", "department") and len({e.label for e in m.entities}) == 1 and not is_fund(m):
            return m  # one class; 「下属事业单位」 fits several (事业单位医疗, 事业单位离退休) and names none
    return None


def asked_column(ctx: Context, fund: str | None, share: bool) -> str | None:
    """Which figure of the units is asked: their whole budget, a class of their basic expenditure,
    basic or project expenditure — or, for a source of funds named alone, the whole."""
    text = kept_text(ctx.frame)  # 「只看项目，基本支出不算」
    units = [m for m in ctx.frame.mentions if m.of("budget_unit")]
    if any(w in text for w in _words("whole")):
        return "whole"
    both = any(w in text for w in _words("basic")) and (any(w in text for w in _words("project")) or re.search(cue_data(NAME)["its_projects"], text))
    if both and re.search("|".join(cue_data(NAME)["operations"]["sum"] + ["加上"]), text):
        return "whole"  # 「图书馆基本支出加上它的项目，一共多少」: basic and project added, the unit's whole
    if _class_mention(ctx) is not None and not _inside_a_basic_word(ctx):
        return "class"
    if any(w in text for w in _words("basic")):
        return "basic"
    if (any(w in text for w in _words("project")) or re.search("|".join(cue_data(NAME)["project_money"]), text)
            or share and any(text.startswith("项目", m.end) for m in units)):  # 「图书馆的项目占多大比重」, not 「图书馆的项目有哪些」
        return "project"
    projects = [m for m in ctx.frame.mentions if m.of("project") and not m.of("budget_unit")]
    return "whole" if fund and not projects else None  # 「本级的X一般公共预算安排了多少」: the project's column


def _inside_a_basic_word(ctx: Context) -> bool:
    """「人员和公用经费」 names basic expenditure: the class 公用经费 inside it is not asked."""
    mention = _class_mention(ctx)
    for word in _words("basic"):
        for match in re.finditer(re.escape(word), ctx.frame.text):
            if match.start() <= mention.start and mention.end <= match.end():
                return True
    return False


class UnitScope:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        if ctx.frame.intent == "citation":
            return None  # 「公证处的X提到的Y，文号是多少」: a cited document, no unit's figure
        how, named = _units(ctx)
        if not how and not named:
            return None
        text = ctx.frame.text
        counted = [m for w in _words("count_words") for m in re.finditer(re.escape(w), text)
                   if not re.match(r"[\u4e00-\u9fff]{0,6}?(?:里|中|之中|当中)", text[m.end():])]  # 「几个预算单位里，哪个最少」: the set to look in
        if counted or any(w in text for w in _words("which_project")):
            return None  # how many projects, which project: about projects, not a unit's figure
        measured = [w for w, units in cue_data("target")["asked_measures"].items() if units == ["%"]]
        if any(m.of("goal") for m in ctx.frame.mentions) and any(w in text for w in measured):
            return None  # 「法律援助处那个X，任务完成率要到多少」: a key project's target, no unit's figure
        if ctx.frame.rank and ctx.frame.set_kind == "projects":
            return None  # 「价格认证中心第二大的项目安排了多少」: a ranking of the unit's projects
        if ctx.frame.intent == "list" and (ctx.frame.set_kind == "projects" or ctx.frame.measures == ["项目支出"]) and not re.search(r"多少|几|金额", text):
            return None  # 「把文化馆在项目支出表里的项目都列出来」「请列一下公证处名下的项目支出」: the unit's projects, not its project expenditure
        if any(re.search(p, ctx.frame.question or "") for p in cue_data("project_set")["exact_named"]):
            return None  # 「检测所那三个500万的项目」: projects picked by their amount, the project set's
        average = any(match_form(w) in text for w in cue_data("project_set")["operations"]["average"])
        if average and (named or "self" in how) and not re.search(r"每(?:个|家|一个)(?:预算)?单位", text):
            return None  # 「本级的项目平均每个多少」: an average over one unit's projects, not over units (「平均每个单位」 is)
        fund = _fund(text)
        op = "average" if average else next((op for op, pats in cue_data(NAME)["operations"].items() if re.search("|".join(pats), text)), "lookup")
        column = asked_column(ctx, fund, op == "ratio")
        dropped = {id(m) for m in left_out(text, ctx.frame.mentions)}  # 「除掉那三个（A、B、C），剩下的」: the rest, not those
        listed = list({frozenset(e.iri for e in m.of("project")): m for m in ctx.frame.mentions
                       if m.of("project") and not m.of("budget_unit") and id(m) not in dropped}.values())  # one project named twice (爱卫运动专项（爱国卫生运动的）) is one
        one_unit = len({e.iri for e in named}) + len(how) == 1 and how in ([], ["self"])
        share = op == "ratio" and column == "project"  # 「本级那两个项目合起来占本级项目支出的百分之几」
        if len(listed) >= 2 and one_unit and (op in ("lookup", "sum") and not ctx.frame.cues & {"max", "min", "compare", "ratio"} or share):
            slots = [Slot("how", how, (0, 0)), Slot("named", named, (0, 0)), Slot("column", "items", (0, 0)), Slot("fund", fund, (0, 0)),
                     Slot("share", share, (0, 0))]
            return Reading(NAME, 0.8, slots + [Slot("item", m, (m.start, m.end)) for m in listed])  # 「本级的A、B和C三个项目加起来」
        if column is None and op == "average" and re.search(cue_data(NAME)["whole_by_budget"], text):
            column = "whole"  # 「平均每个单位的预算是多少」: each unit's whole budget
        item = _item_asked(ctx, op, how, named) if column is None else None
        if column is None and item is None:
            return _held_count(ctx, how, named)
        if column == "whole" and any(m.of("figure", "line_item") and not m.of("budget_unit", "department", "classification", "project")
                                     and not is_fund(m) for m in ctx.frame.mentions):
            return None  # 「三公经费里，登记中心一共用了多少」: a unit's part of a figure, never its whole budget
        column = column or "item"
        if op == "lookup" and ctx.frame.cues & {"max", "min"}:
            return None  # 「图书馆的两个项目哪一个较大」: a superlative this reading has no slot for
        one = len({e.iri for e in named}) + len(how) == 1
        if op.startswith("superlative") and one and how in ([], ["self"]):
            return None  # 「图书馆（本级）项目支出最大的是哪个」: the largest of one unit's projects, not a unit
        basic, project = any(w in text for w in _words("basic")), any(w in text for w in _words("project"))
        class_share = op == "ratio" and one and (column == "class" and basic or fund and (basic or project))
        if op == "ratio" and column != "whole" and not class_share and any(
                m.of("project", "classification", "line_item", "figure") and not m.of("budget_unit") for m in ctx.frame.mentions):
            return None  # 「X占图书馆项目支出的比例」: the part is X, the unit's figure only the whole
        slots = [Slot("how", how, (0, 0)), Slot("named", named, (0, 0)), Slot("column", column, (0, 0)),
                 Slot("operation", op, (0, 0)), Slot("fund", fund, (0, 0))]
        if op.startswith("superlative") and ctx.frame.rank:
            slots.append(Slot("rank", ctx.frame.rank, (0, 0)))  # 「四个单位里基本支出排第二的」: the units ranked
        if column == "class":
            slots.append(Slot("class", _class_mention(ctx), (0, 0)))
        if item is not None:
            slots.append(Slot("item", item, (item.start, item.end)))
        yearly = ctx.frame.last_year or "yoy" in ctx.frame.cues and not _year_before_loaded(ctx)  # 「比上年增加多少」
        missing = "文件只给出本年各单位的数字，没有上年的分单位数字" if yearly else None
        data = cue_data(NAME)
        return Reading(NAME, 0.8, slots, missing=missing,
                       explained="".join(data["self_words"] + data["whole"] + data["department_wide"] + data["department_whole"] + data["department_alone"]))

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        units = _unit_rows(reading, ctx, executor, doc)
        if not units:
            raise NotAnswerable("文件中没有找到问题所说的预算单位")
        column, fund = reading.slot("column"), reading.slot("fund")
        if column == "item":
            return _item(frame, executor, doc, units[0], reading)
        if column == "items":
            return _items(frame, executor, doc, units[0], reading)
        if column == "class" and not _class_found(executor, doc, reading):
            if not reading.slot("class").of("classification") and reading.slot("named"):  # 「三公经费里，某中心花了多少」: given for the whole department only
                raise NotAnswerable(f"文件中没有找到“{reading.slot('named')[0].label}”自己的这个数 (the figure found is not that unit's)")
            return executor.run(frame)  # the class is not one of 表11's classes under units: the classic reading
        counted = COUNTED_SUBORDINATE.search(frame.text)
        if counted and "self" not in reading.slot("how", []) and count_of(counted.group("n")) != len(units):
            raise NotAnswerable(f"问题说的是{counted.group('n')}个下属单位，文件中的下属单位有{len(units)}个 (not the units the question counts)")
        values = [(label, *unit_value(executor, doc, row, column, reading, fund)) for label, row in units]
        op = reading.slot("operation")
        what = {"basic": "基本支出", "project": "项目支出", "whole": "预算（基本支出 + 项目支出）"}.get(column) or reading.slot("class").entities[0].label
        what += f"中的{fund}" if fund else ""
        if op == "ratio" and len(values) == 1:
            return _one_share(frame, executor, doc, reading, units[0], values[0])
        if op in ("multiple", "difference", "compare") and len(values) > 1:  # one unit: its figure (cross_year compares years)
            return _two(frame, executor, op, _self_and_the_rest(reading, frame.text, values), what)
        facts = [f for _, _, fs in values for f in fs]
        listing = "；".join(f"{label}{what}{fmt(v)}万元" for label, v, _ in values)
        if op in ("superlative_max", "superlative_min") and len(values) > 1:
            ordered = sorted(values, key=lambda x: x[1], reverse=op == "superlative_max")
            rank = frame.rank or 1  # 「四个单位里基本支出排第二的」: the rank asked
            if rank > len(ordered) or rank < len(ordered) and ordered[rank - 1][1] == ordered[rank][1] or rank > 1 and ordered[rank - 2][1] == ordered[rank - 1][1]:
                raise NotAnswerable(f"{len(ordered)}个单位的{what}排不出唯一的第{rank}位（{listing}）")
            label, v, _ = ordered[rank - 1]
            word = ("最多" if op == "superlative_max" else "最少") if rank == 1 else f"第{rank}{'多' if op == 'superlative_max' else '少'}"
            text = f"{what}{word}的单位是{label}，{fmt(v)}万元（{listing}）。"
            return executor.answer(frame, text, v, "万元", items=[label], facts=facts)
        if op == "ratio":
            return _share(frame, executor, doc, values, what, facts)
        if op == "average":
            return _average(frame, executor, values, what, facts)
        if len(values) == 1:
            label, v, _ = values[0]
            left = _left_out_projects(frame, executor, doc, units[0][1].label)
            if left:
                return _without_projects(frame, executor, column, values[0], what, left)
            return executor.answer(frame, f"{label}{what}为{fmt(v)}万元（{_where(column)}）。", v, "万元", facts=facts)
        if any(w in frame.text for w in _words("each_words")):  # 「分别是多少」: each, not their sum
            return executor.answer(frame, f"{listing}。", None, None, items=[label for label, _, _ in values], facts=facts)
        total = sum((v for _, v, _ in values), Decimal(0))
        text = f"{listing}，合计{fmt(total)}万元（{' + '.join(fmt(v) for _, v, _ in values)}）。"
        return executor.answer(frame, text, total, "万元", facts=facts)


def _left_out_projects(frame, executor, doc: str, unit: str) -> list[Fact]:
    """The projects the question leaves out (不含X的话还剩多少), as 表12 lists them; one that is not
    the unit's own cannot be taken from its figure (a refusal)."""
    left = [m for m in left_out(frame.text, frame.mentions) if m.of("project") and not m.of("budget_unit")]
    if not left:
        return []
    labels = {e.label for m in left for e in m.of("project")}
    department = executor.lexicon.documents[doc].name
    found = [p for p in executor.reader.projects(doc) if p.label in labels]
    if not found or any((p.unit_name or department) != unit for p in found):
        raise NotAnswerable(f"“{'、'.join(m.surface for m in left)}”不是{unit}的项目，不能从它的数中减去")
    return found


def _without_projects(frame, executor, column: str, value: tuple, what: str, left: list[Fact]) -> Answer:
    """One unit's project expenditure or whole budget less the projects left out, with the
    subtraction shown; a figure without projects in it (基本支出) cannot lose one."""
    label, v, facts = value
    if column not in ("project", "whole"):
        raise NotAnswerable(f"{what}里不含项目，问题要去掉的“{'、'.join(p.label for p in left)}”不在其中")
    text, rest = less(f"{label}{what}", v, "万元", left)
    return executor.answer(frame, text, rest, "万元", facts=[*facts, *left])


def _average(frame, executor, values: list[tuple], what: str, facts: list[Fact]) -> Answer:
    """「三个单位平均每家的基本支出」: the units' figures summed and divided by their number; a
    number stated that is not the units' number is a refusal."""
    stated = re.search(cue_data(NAME)["all_counted"], frame.text)
    if stated and _number(stated.group(0)[0]) not in (len(values), float("inf")):  # 几个单位: however many
        raise NotAnswerable(f"问题说的是{stated.group(0)}，文件中有{len(values)}个单位")
    if len(values) < 2:
        raise NotAnswerable("只有一个单位，无从平均")
    total = sum((v for _, v, _ in values), Decimal(0))
    mean = (total / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    listing = "；".join(f"{label}{what}{fmt(v)}万元" for label, v, _ in values)
    text = f"{len(values)}个单位平均每个单位{what}{fmt(mean)}万元（（{' + '.join(fmt(v) for _, v, _ in values)}）÷ {len(values)}；{listing}）。"
    return executor.answer(frame, text, mean, "万元", facts=facts)


def _held_count(ctx: Context, how: list[str], named: list[Entity]) -> Reading | None:
    """「本级有几辆车」 in a department with subordinate units: the document counts the things held
    (车辆, 房屋, 设备) for the department as a whole only, so one unit's count is a refusal naming that."""
    frame = ctx.frame
    if frame.unit_word not in cue_data(NAME)["held_units"] or any(m.of("project", "goal") for m in frame.mentions):
        return None
    if len({e.iri for e in named}) + len(how) != 1 or how not in ([], ["self"]):
        return None
    docs = set(frame.docs) or set(ctx.lexicon.documents)
    if not any(e.kind == "budget_unit" and e.docs & docs for e in ctx.lexicon.entities.values()):
        return None  # no subordinate units: 本级 is the whole department
    who = named[0].label if named else "本级"
    slots = [Slot("how", how, (0, 0)), Slot("named", named, (0, 0))]
    if frame.threshold is not None:  # 「单价100万元以上的设备」: read, and refused with the rest
        slots.append(Slot("range", (frame.operator, frame.threshold), (0, 0)))
    return Reading(NAME, 0.8, slots,
                   missing=f"文件只给出整个部门的{frame.unit_word}数，没有单列{who}的 (the document gives the department's count only)")


def _item_asked(ctx: Context, op: str, how: list[str], named: list[Entity]) -> Mention | None:
    """「本级的X是多少」「检测站那笔X多少钱」: the amount of one project named with one unit — the
    project under that unit in 表12 (of two projects of one name, that unit's), or none."""
    frame = ctx.frame
    if op != "lookup" or how not in ([], ["self"]) or len({e.iri for e in named}) + len(how) != 1:
        return None
    if "amount" not in frame.cues or frame.unit_word or frame.cues & {"list", "count", "max", "min", "describe", "performance"}:
        return None
    if pattern("describe", "asks_text").search(frame.text):
        return None  # what the project is for: its text (describe)
    items = [m for m in frame.mentions if m.of("project") and not m.of("budget_unit")]
    return items[0] if len(items) == 1 else None  # of several projects the name may be (a typo, a prefix left off), the unit's one


def _items(frame, executor, doc: str, unit: tuple[str, Fact], reading: Reading) -> Answer:
    """「本级的A、B和C三个项目加起来」: each project under the unit's row of 表12, summed."""
    found = [_item(frame, executor, doc, unit, reading, m) for m in reading.slot_values("item")]
    names = [a.rows[0]["行"] for a in found]
    if len(set(names)) < len(names):  # two words read as one project: one of them was misread, never counted twice
        raise NotAnswerable(f"问题中的两处说法都对应“{names[0]}”，无法确定另一项 (two names read as one project)")
    sources = [s for a in found for s in a.sources]
    if any(w in frame.text for w in _words("each_words")):  # 「分别是多少」: each, not their sum
        listing = "；".join(f"{n}{fmt(a.value)}万元" for n, a in zip(names, found, strict=True))
        return executor.answer(frame, f"{unit[0]}的{listing}。", None, None, items=names, sources=sources)
    total = sum((a.value for a in found), Decimal(0))
    text = f"{unit[0]}的{'、'.join(names)}合计{fmt(total)}万元（{' + '.join(fmt(a.value) for a in found)} = {fmt(total)}）"
    if reading.slot("share"):  # of the unit's project expenditure, or the department's (「占全部项目支出的几成」)
        wide = re.search("(?:" + "|".join(map(re.escape, _words("department_wide"))) + r")的?项目(?:支出|经费)", frame.text)
        owner = "全部" if wide else unit[0]
        if wide:
            facts = executor.measure_total("项目支出", doc, reading.slot("fund"))
            whole = facts[0].value if facts else None
        else:
            whole, facts = unit_value(executor, doc, unit[1], "project", reading, reading.slot("fund"))
        if not whole:
            raise NotAnswerable(f"{owner}的项目支出为0，无法计算比例")
        share = (total / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        text += f"，占{owner}项目支出（{fmt(whole)}万元）的{fmt(share)}%（{fmt(total)} ÷ {fmt(whole)} × 100%）。"
        return executor.answer(frame, text, share, "%", items=names, facts=facts, sources=sources)
    return executor.answer(frame, text + "。", total, "万元", items=names, sources=sources)


def _item(frame, executor, doc: str, unit: tuple[str, Fact], reading: Reading, mention: Mention | None = None) -> Answer:
    """The project's row under the unit's row of 表12, in the source of funds asked."""
    label, row = unit
    table = load_template().by_layout("projects")
    facts = executor.reader.table_facts(doc, table.number)
    mention = mention or reading.slot("item")
    wanted = {match_form(e.label) for e in mention.of("project")}
    under = {f.row for f in facts if f.kind == "unit" and f.label == row.label}
    column = reading.slot("fund") or table.columns[0]
    found = [f for f in facts if f.parent_row in under and f.column == column and match_form(f.label) in wanted]
    if not found:  # 「本级那个会议室…维护费」: the unit's own one is written with the district before it
        found = [f for f in facts if f.parent_row in under and f.column == column and match_form(split_region(f.label)[1]) in wanted]
    if not found:
        elsewhere = sorted({f.unit_name for f in facts if match_form(f.label) in wanted and f.unit_name and f.unit_name != row.label})
        where = f"（表{table.number}中列在{'、'.join(elsewhere)}下）" if elsewhere else ""
        raise NotAnswerable(f"{label}的项目中没有“{mention.entities[0].label}”{where}")
    if len({f.label for f in found}) > 1:
        raise NotAnswerable(f"{label}的项目中有{len({f.label for f in found})}个对得上：{'、'.join(dict.fromkeys(f.label for f in found))}，请说明是哪一个")
    fact = found[0]
    what = f"{fact.label}（{column}）" if reading.slot("fund") else fact.label
    return executor.answer(frame, f"{label}的{what}为{fmt(fact.value)}万元（表{table.number}）。", fact.value, "万元", facts=[fact])


def _self_and_the_rest(reading: Reading, text: str, values: list[tuple]) -> list[tuple]:
    """「本级比下属单位合计多多少」: 本级 against the subordinate units together, in the order named."""
    if set(reading.slot("how")) != {"self", "subordinate"} or reading.slot("named") or len(values) < 3:
        return values
    own = next(v for v in values if v[0].startswith("本级"))
    rest = [v for v in values if v is not own]
    group = ("下属单位合计", sum((v for _, v, _ in rest), Decimal(0)), [f for _, _, fs in rest for f in fs])
    first = min((text.find(w) for w in _words("self_words") if w in text), default=0)
    second = min((text.find(w) for w in _words("subordinate_words") if w in text), default=0)
    return [own, group] if first <= second else [group, own]


def _two(frame, executor, op: str, values: list[tuple], what: str) -> Answer:
    """Two units compared: by how much one exceeds the other, or how many times it is."""
    if len(values) != 2:
        raise NotAnswerable(f"比较需要两个单位，问题中是{len(values)}个")
    (la, a, fa), (lb, b, fb) = values
    facts = [*fa, *fb]
    if op == "multiple":
        if b == 0:
            raise NotAnswerable(f"{lb}{what}为0，无法计算倍数")
        times = (a / b).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        text = f"{la}{what}（{fmt(a)}万元）是{lb}（{fmt(b)}万元）的{times}倍（{fmt(a)} ÷ {fmt(b)}）。"
        return executor.answer(frame, text, times, "倍", facts=facts)
    diff = a - b
    text = f"{la}{what}{fmt(a)}万元，{lb}{fmt(b)}万元，{la}比{lb}{'多' if diff >= 0 else '少'}{fmt(abs(diff))}万元（{fmt(a)} − {fmt(b)}）。"
    return executor.answer(frame, text, abs(diff), "万元", facts=facts)


def _one_share(frame, executor, doc: str, reading: Reading, unit: tuple[str, Fact], part: tuple) -> Answer:
    """A share about one unit: a class or a source of funds within its column, its column or whole
    budget within the department's."""
    column, fund = reading.slot("column"), reading.slot("fund")
    if fund and column in ("basic", "project"):
        return _fund_share(frame, executor, doc, reading, unit, part)
    if fund:
        raise NotAnswerable(f"没有说明{fund}是占哪一项的比例（基本支出还是项目支出）")
    if column == "class":  # 「图书馆基本支出中工资福利支出的占比」
        return _class_share(frame, executor, unit, part)
    if column == "whole":
        return _own_share(frame, executor, doc, unit, part)
    return _column_share(frame, executor, doc, reading, unit, part)


def _where(column: str) -> str:
    template = load_template()
    units, projects = f"表{template.by_layout('units').number}", f"表{template.by_layout('projects').number}"
    return {"basic": units, "project": projects, "whole": f"{units} + {projects}", "class": units}[column]


def _unit_rows(reading: Reading, ctx: Context, executor, doc: str) -> list[tuple[str, Fact]]:
    """(label, 表11 unit row) for each unit in scope, in the order the question names them."""
    units = load_template().by_layout("units")
    rows = [f for f in executor.reader.table_facts(doc, units.number) if f.kind == "unit" and f.column == units.columns[0]]
    department = ctx.lexicon.documents[doc].name
    how, named = reading.slot("how"), reading.slot("named")
    chosen: list[Fact] = []
    excluded = "".join(m.group("names") for m in re.finditer(cue_data(NAME)["exclusion"], ctx.frame.text))
    names = {e.label for e in named if doc in e.docs and match_form(e.label)[-3:] not in excluded}
    every = "all" in how or "subordinate" in how and not names  # 「文化馆这个下属单位」 names one
    for row in rows:
        own = row.label == department
        out = match_form(row.label)[-3:] in excluded  # 「本级（不含图书馆、文化馆）」
        if not out and (every and ("all" in how or not own) or own and "self" in how or row.label in names) and row not in chosen:
            chosen.append(row)
    position = {label: ctx.frame.text.find(match_form(label)[-3:]) for label in (r.label for r in chosen)}
    for r in chosen:
        if r.label == department:
            position[r.label] = min((ctx.frame.text.find(w) for w in _words("self_words") if w in ctx.frame.text), default=-1)
    chosen.sort(key=lambda r: position[r.label] if position[r.label] >= 0 else 999)
    return [(("本级（" + r.label + "）") if r.label == department else r.label, r) for r in chosen]


def _class_found(executor, doc: str, reading: Reading) -> bool:
    """Whether the class named is one of 表11's classes under units (under any of them: a unit
    without that row has none of it)."""
    wanted = {match_form(e.label).replace("和", "") for e in reading.slot("class").entities}
    return any(f.parent_row and match_form(f.label).replace("和", "") in wanted for f in executor.reader.table_facts(doc, load_template().by_layout("units").number))


def unit_value(executor, doc: str, row: Fact, column: str, reading: Reading | None, fund: str | None = None) -> tuple[Decimal, list[Fact]]:
    """A unit's figure: its basic (表11) or project (表12) expenditure, both, or a class of its
    basic expenditure — in the column of a source of funds when one is named (0 when the row has none)."""
    template = load_template()
    units, table = template.by_layout("units"), template.by_layout("projects")
    wanted_column = fund or units.columns[0]
    own = row if fund is None else next((f for f in executor.reader.table_facts(doc, units.number)
                                         if f.row == row.row and f.column == fund), None)
    if column == "basic":
        return (own.value, [own]) if own else (Decimal(0), [row])
    projects = [f for f in executor.reader.table_facts(doc, table.number)
                if f.kind == "unit" and f.column == (fund or table.columns[0]) and f.label == row.label]
    project = projects[0].value if projects else Decimal(0)
    if column == "project":
        return project, projects
    if column == "whole":
        basic = own.value if own else Decimal(0)
        return basic + project, [f for f in (own, *projects) if f is not None]
    wanted = {match_form(e.label).replace("和", "") for e in reading.slot("class").entities}
    children = [f for f in executor.reader.table_facts(doc, units.number)
                if f.parent_row == row.row and f.column == wanted_column and match_form(f.label).replace("和", "") in wanted]
    return (children[0].value, children[:1]) if children else (Decimal(0), [row])


def _fund_share(frame, executor, doc: str, reading: Reading, unit: tuple[str, Fact], part: tuple) -> Answer:
    """「检测站基本支出中其他资金占几成」: a source of funds as a share of the unit's basic or
    project expenditure (the 总计 column of its row)."""
    label, row = unit
    _, value, facts = part
    column, fund = reading.slot("column"), reading.slot("fund")
    total, whole = unit_value(executor, doc, row, column, reading)
    if total == 0:
        raise NotAnswerable("整体为0，无法计算比例")
    share = percent(value, total)
    name = "基本支出" if column == "basic" else "项目支出"
    text = (f"{label}{name}中{fund}（{fmt(value)}万元）占其{name}（{fmt(total)}万元，{_where(column)}）的{share}%"
            f"（{fmt(value)} ÷ {fmt(total)} × 100%）。")
    return executor.answer(frame, text, share, "%", facts=[*facts, *whole])


def _column_share(frame, executor, doc: str, reading: Reading, unit: tuple[str, Fact], part: tuple) -> Answer:
    """「图书馆项目支出占全部门项目支出的比重」: a unit's basic or project expenditure as a share of
    the department's (the 合计 row of 表11 or 表12), or of the department's whole budget (本年支出合计)
    when the question names that. A whole it does not name is not picked: the reply names the choice."""
    label, _ = unit
    _, value, facts = part
    column = reading.slot("column")
    name = "基本支出" if column == "basic" else "项目支出"
    rest = _outside_the_part(frame, reading)
    after = rest[rest.rfind("占"):] if "占" in rest else ""
    if any(w in after for w in _words(column) + _words("self_words") + _words("subordinate_words") + list(_department_whole(executor))):
        rest = after  # 「X是下属事业单位，…。它的基本支出占全部门基本支出」: the whole is the one said after 占
    if _names_a_unit(frame, rest):
        return _part_of_units(frame, executor, doc, reading, unit, part, rest)
    if any(w in rest for w in _words(column)):
        template = load_template()
        table = template.by_layout("units" if column == "basic" else "projects")
        totals = [f for f in executor.reader.table_facts(doc, table.number) if f.kind == "total" and f.column == table.columns[0]]
        whole_name, whole = f"部门{name}合计", totals[0] if totals else None
    elif any(w in rest for w in _department_whole(executor)):
        wholes = executor.total("本年支出合计", doc)
        whole_name, whole = "部门本年支出合计", wholes[0] if wholes else None
    else:
        raise NotAnswerable(f"没有说明{label}{name}是占部门{name}合计，还是占部门本年支出合计，请说明是哪一个")
    if whole is None or whole.value == 0:
        raise NotAnswerable(f"没有找到{whole_name}")
    share = percent(value, whole.value)
    text = f"{label}{name}（{fmt(value)}万元）占{whole_name}（{fmt(whole.value)}万元）的{share}%（{fmt(value)} ÷ {fmt(whole.value)} × 100%）。"
    return executor.answer(frame, text, share, "%", facts=[*facts, whole])


def _names_a_unit(frame, rest: str) -> bool:
    """Whether the whole (the question outside the part) names units: the part's own (其, 自身,
    图书馆 again), 本级 or the subordinate units."""
    units = [match_form(m.surface) for m in frame.mentions if m.of("budget_unit")]
    if any(w and w in rest for w in units + _words("self_words") + _words("subordinate_words")):
        return True
    return re.search(f"(?:{cue_data('arithmetic')['pronouns']})(?!他|中|余|实)", rest) is not None  # 其, not 其他/其中


def _part_of_units(frame, executor, doc: str, reading: Reading, unit: tuple[str, Fact], part: tuple, rest: str) -> Answer:
    """A unit's column as a share of a whole made of units: its own budget (「占图书馆全部支出」「占其
    预算」), or the subordinate units' column together (「占下属单位基本支出合计」). Any other whole
    of units is not computed."""
    label, row = unit
    _, value, facts = part
    column = reading.slot("column")
    name = "基本支出" if column == "basic" else "项目支出"
    if any(w in rest for w in _words("subordinate_words")) and not any(w in rest for w in _words("self_words")):
        department = executor.lexicon.documents[doc].name
        rows = [f for f in all_unit_rows(executor, doc) if f.label != department]
        found = [unit_value(executor, doc, r, column, reading) for r in rows]
        whole_value, whole_facts, whole_name = sum((v for v, _ in found), Decimal(0)), [f for _, fs in found for f in fs], f"下属单位{name}合计"
    elif any(w in rest for w in _words("own_whole")) and not any(w in rest for w in _words(column)):
        whole_value, whole_facts = unit_value(executor, doc, row, "whole", reading)
        whole_name = f"{label}预算合计（基本支出 + 项目支出）"
    else:
        raise NotAnswerable(f"没有找到问题所说的整体（{rest.strip()}）的金额，不计算比例")
    if whole_value == 0 or whole_value < value:
        raise NotAnswerable(f"{whole_name}为{fmt(whole_value)}万元，部分和整体没有对上")
    share = percent(value, whole_value)
    text = f"{label}{name}（{fmt(value)}万元）占{whole_name}（{fmt(whole_value)}万元）的{share}%（{fmt(value)} ÷ {fmt(whole_value)} × 100%）。"
    return executor.answer(frame, text, share, "%", facts=[*facts, *whole_facts])


def all_unit_rows(executor, doc: str) -> list[Fact]:
    units = load_template().by_layout("units")
    return [f for f in executor.reader.table_facts(doc, units.number) if f.kind == "unit" and f.column == units.columns[0]]


def _department_whole(executor) -> list[str]:
    """Words naming the department's whole budget after 占 (部门预算, 总支出)."""
    return [match_form(w) for w in executor.cues["whole_budget"] + cue_data(NAME)["department_whole"]]


def _outside_the_part(frame, reading: Reading) -> str:
    """The question without the unit that is the part and the column word right after it
    (「局本级项目支出在全部门项目支出里」 → 「在全部门项目支出里」): what is left names the whole."""
    text = frame.text
    named = {e.iri for e in reading.slot("named")}
    spans = [(m.start, m.end) for m in frame.mentions if any(e.iri in named for e in m.entities)]
    spans += [(k, k + len(w)) for w in sorted(_words("self_words"), key=len, reverse=True) if (k := text.find(w)) >= 0]
    if not spans:
        return text
    start, end = min(spans)
    tail = re.match("|".join(re.escape(w) for w in sorted(_words("basic") + _words("project") + ["项目"], key=len, reverse=True)), text[end:])
    end += tail.end() if tail else 0
    return text[:start] + " " + text[end:]


def _class_share(frame, executor, unit: tuple[str, Fact], part: tuple) -> Answer:
    """One economic class of a unit's basic expenditure (表11, the rows under the unit) as a share
    of that unit's basic expenditure."""
    label, row = unit
    _, value, facts = part
    if not row.value or facts == [row]:
        raise NotAnswerable(f"{label}的基本支出中没有这一类" if row.value else "整体为0，无法计算比例")
    share = percent(value, row.value)
    text = f"{label}{facts[0].label}（{fmt(value)}万元）占其基本支出（{fmt(row.value)}万元，{_where('basic')}）的{share}%（{fmt(value)} ÷ {fmt(row.value)} × 100%）。"
    return executor.answer(frame, text, share, "%", facts=[*facts, row])


def _own_share(frame, executor, doc: str, unit: tuple[str, Fact], whole: tuple) -> Answer:
    """「图书馆的项目支出占图书馆自身预算（基本加项目）的比重」: a part of one unit's own budget."""
    label, row = unit
    _, total, facts = whole
    before, _, after = frame.text.partition("占")
    if any(w in before for w in _words("whole")):
        return _share_of_department(frame, executor, doc, label, total, facts, after)
    part_column = "project" if any(w in before for w in _words("project")) else "basic"
    part = row.value if part_column == "basic" else total - row.value
    if total == 0:
        raise NotAnswerable("整体为0，无法计算比例")
    value = percent(part, total)
    name = "项目支出" if part_column == "project" else "基本支出"
    text = f"{label}{name}（{fmt(part)}万元）占其预算合计（{fmt(total)}万元，{_where('whole')}）的{value}%（{fmt(part)} ÷ {fmt(total)} × 100%）。"
    return executor.answer(frame, text, value, "%", facts=facts)


def _share_of_department(frame, executor, doc: str, label: str, part: Decimal, facts: list[Fact], after: str) -> Answer:
    """「图书馆（基本加项目）占全部门预算的比重」: the unit's whole budget is the part; the whole is
    the department's 本年支出合计 — only when the question names the budget as a whole."""
    whole_words = _department_whole(executor) + _words("department_alone")  # a unit's whole against the department's
    named = re.match(r"(?:全|整个|整体)?([\u4e00-\u9fff]*?)(?:的|比重|比例|百分|占比|几成|份额|多少|$)", after)
    if not named or named.group(1) not in whole_words:
        raise NotAnswerable(f"没有找到“{named.group(1) if named else after}”的金额，无法按它计算比例")
    wholes = executor.total("本年支出合计", doc)
    if not wholes or wholes[0].value == 0:
        raise NotAnswerable("没有找到部门的本年支出合计")
    whole = wholes[0]
    value = percent(part, whole.value)
    text = (f"{label}预算（基本支出 + 项目支出，{fmt(part)}万元）占部门本年支出合计（{fmt(whole.value)}万元）的{value}%"
            f"（{fmt(part)} ÷ {fmt(whole.value)} × 100%）。")
    return executor.answer(frame, text, value, "%", facts=[*facts, whole])


def _share(frame, executor, doc, values, what, facts) -> Answer:
    """「本级基本支出占三个单位基本支出合计的比重」: the part is the first unit named, the whole the
    units after 占 — or, for one unit, that unit's own whole budget."""
    label, part, _ = values[0]
    whole = sum((v for _, v, _ in values), Decimal(0))
    whole_name = f"{len(values)}个单位{what}合计"
    if whole == 0:
        raise NotAnswerable("整体为0，无法计算比例")
    value = percent(part, whole)
    text = f"{label}{what}（{fmt(part)}万元）占{whole_name}（{fmt(whole)}万元）的{value}%（{fmt(part)} ÷ {fmt(whole)} × 100%）。"
    return executor.answer(frame, text, value, "%", facts=facts)

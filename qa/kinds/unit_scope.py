"""unit_scope: figures of budget units in a department with subordinate units — the department's
own budget (本级), a named unit (图书馆), its subordinate units (下属单位) or all of them — from
表11 (basic expenditure by unit, with its economic classes under each unit) and 表12 (project
expenditure by unit): one unit's figure, their sum, a comparison, the largest, or a share."""

from __future__ import annotations

import re
from decimal import Decimal

from kg.template import load_template
from qa.answer import Answer, fmt, percent
from qa.execute import NotAnswerable
from qa.facts import Fact
from qa.kinds.base import Context, Reading, Slot, cue_data
from qa.lexicon import Entity, Mention, match_form
from qa.normalize import normalize

NAME = "unit_scope"


def _words(key: str) -> list[str]:
    return [match_form(w) for w in cue_data(NAME)[key]]


def _units(ctx: Context) -> tuple[list[str], list[Entity]]:
    """The units the question is about, as (how named, unit entities) — before the document is known."""
    frame, text = ctx.frame, ctx.frame.text
    named: list[Entity] = []
    for m in frame.mentions:
        if re.search(r"\d{3,}", m.surface) or ("科目" in text and m.of("classification")):
            continue  # 「2070104图书馆」「图书馆这个科目」: the classification, not the unit
        named += m.of("budget_unit")
    how = []
    if any(w in text for w in _words("self_words")):
        how.append("self")
    if any(w in text for w in _words("subordinate_words")):
        how.append("subordinate")
    counted = re.search(cue_data(NAME)["all_counted"], text)  # 「三家单位中」
    if counted or any(w in text and not any(s + w in text for s in _words("subordinate_words")) for w in _words("all_words")):
        how.append("all")  # 「各单位」, but not in 「下属各单位」
    return how, named


def _class_mention(ctx: Context) -> Mention | None:
    for m in ctx.frame.mentions:
        if m.of("classification", "line_item") and not m.of("budget_unit", "department") and len({e.label for e in m.entities}) == 1:
            return m  # one class; 「下属事业单位」 fits several (事业单位医疗, 事业单位离退休) and names none
    return None


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
        how, named = _units(ctx)
        if not how and not named:
            return None
        text = ctx.frame.text
        if any(w in text for w in _words("count_words")) or any(w in text for w in _words("which_project")):
            return None  # how many projects, which project: about projects, not a unit's figure
        if any(match_form(w) in text for w in cue_data("project_set")["operations"]["average"]):
            return None  # 「本级的项目平均每个多少」: an average this reading has no slot for
        question = normalize(ctx.frame.question or "")
        if any(re.search(p, question) for ps in cue_data("project_set")["name_filters"].values() for p in ps):
            return None  # 「下属单位里名称带“经费”的项目」: a name filter this reading has no slot for
        if any(w in text for w in _words("whole")):
            column = "whole"
        elif _class_mention(ctx) is not None and not _inside_a_basic_word(ctx):
            column = "class"
        elif any(w in text for w in _words("basic")):
            column = "basic"
        elif any(w in text for w in _words("project")) or re.search("|".join(cue_data(NAME)["project_money"]), text):
            column = "project"
        else:
            return None
        op = next((op for op, pats in cue_data(NAME)["operations"].items() if re.search("|".join(pats), text)), "lookup")
        if op == "lookup" and ctx.frame.cues & {"max", "min"}:
            return None  # 「图书馆的两个项目哪一个较大」: a superlative this reading has no slot for
        class_share = op == "ratio" and column == "class" and len({e.iri for e in named}) + len(how) == 1 and any(w in text for w in _words("basic"))
        if op == "ratio" and column != "whole" and not class_share and any(m.of("project", "classification", "line_item", "figure") and not (m.of("budget_unit") and _whole_is_column(ctx.frame, column)) for m in ctx.frame.mentions):
            return None  # 「X占图书馆项目支出的比例」: the part is X, the unit's figure only the whole
        slots = [Slot("how", how, (0, 0)), Slot("named", named, (0, 0)), Slot("column", column, (0, 0)), Slot("operation", op, (0, 0))]
        if column == "class":
            slots.append(Slot("class", _class_mention(ctx), (0, 0)))
        missing = "文件只给出本年各单位的数字，没有上年的分单位数字" if ctx.frame.last_year else None
        return Reading(NAME, 0.8, slots, missing=missing, explained="".join(cue_data(NAME)["self_words"] + cue_data(NAME)["whole"]))

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        units = _unit_rows(reading, ctx, executor, doc)
        if not units:
            raise NotAnswerable("文件中没有找到问题所说的预算单位")
        column = reading.slot("column")
        if column == "class" and not _class_found(executor, doc, reading):
            source = _source_column(reading)
            if source and len(units) == 1 and reading.slot("operation") in ("ratio", "lookup"):
                return _source_part(frame, executor, doc, units[0], source, reading.slot("operation"))
            return executor.run(frame)  # the class is not one of 表11's classes under units: the classic reading
        values = [(label, *_value(executor, doc, row, column, reading)) for label, row in units]
        op = reading.slot("operation")
        what = {"basic": "基本支出", "project": "项目支出", "whole": "预算（基本支出 + 项目支出）"}.get(column) or reading.slot("class").entities[0].label
        facts = [f for _, _, fs in values for f in fs]
        listing = "；".join(f"{label}{what}{fmt(v)}万元" for label, v, _ in values)
        if op in ("superlative_max", "superlative_min") and len(values) > 1:
            pick = max if op == "superlative_max" else min
            label, v, _ = pick(values, key=lambda x: x[1])
            text = f"{what}{'最多' if op == 'superlative_max' else '最少'}的单位是{label}，{fmt(v)}万元（{listing}）。"
            return executor.answer(frame, text, v, "万元", items=[label], facts=facts)
        if op == "ratio" and len(values) == 1 and column == "class":  # 「图书馆基本支出中工资福利支出的占比」
            return _class_share(frame, executor, units[0], values[0])
        if op == "ratio" and len(values) == 1 and column == "whole":
            return _own_share(frame, executor, doc, units[0], values[0])
        if op == "ratio" and len(values) >= 2:
            return _share(frame, executor, doc, values, what, facts)
        if op == "ratio" and len(values) == 1 and column in ("basic", "project") and _whole_is_column(frame, column):
            return _share_of_all_units(frame, executor, doc, values[0], column, reading, what)
        if op == "compare" and len(values) == 2:
            (la, a, _), (lb, b, _) = values
            diff = a - b
            text = f"{la}{what}{fmt(a)}万元，{lb}{fmt(b)}万元，{'多' if diff >= 0 else '少'}{fmt(abs(diff))}万元（{fmt(a)} − {fmt(b)}）。"
            return executor.answer(frame, text, abs(diff), "万元", facts=facts)
        if len(values) == 1:
            label, v, _ = values[0]
            return executor.answer(frame, f"{label}{what}为{fmt(v)}万元（{_where(column)}）。", v, "万元", facts=facts)
        total = sum((v for _, v, _ in values), Decimal(0))
        text = f"{listing}，合计{fmt(total)}万元（{' + '.join(fmt(v) for _, v, _ in values)}）。"
        return executor.answer(frame, text, total, "万元", facts=facts)


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
    return any(f.parent_row and match_form(f.label).replace("和", "") in wanted for f in executor.reader.table_facts(doc, 11))


def _value(executor, doc: str, row: Fact, column: str, reading: Reading) -> tuple[Decimal, list[Fact]]:
    if column == "basic":
        return row.value, [row]
    template = load_template()
    units, table = template.by_layout("units"), template.by_layout("projects")
    projects = [f for f in executor.reader.table_facts(doc, table.number)
                if f.kind == "unit" and f.column == table.columns[0] and f.label == row.label]
    project = projects[0].value if projects else Decimal(0)
    if column == "project":
        return project, projects
    if column == "whole":
        return row.value + project, [row, *projects]
    wanted = {match_form(e.label).replace("和", "") for e in reading.slot("class").entities}
    children = [f for f in executor.reader.table_facts(doc, units.number)
                if f.parent_row == row.row and f.column == units.columns[0] and match_form(f.label).replace("和", "") in wanted]
    return (children[0].value, children[:1]) if children else (Decimal(0), [row])


def _source_column(reading: Reading) -> str | None:
    """The column of 表11 the class mention names (其他资金, 财政拨款合计): a source of the unit's
    basic expenditure, not an economic class under it."""
    columns = load_template().by_layout("units").columns
    named = {match_form(e.label) for e in reading.slot("class").entities}
    return next((c for c in columns[1:] if match_form(c) in named), None)


def _source_part(frame, executor, doc: str, unit: tuple[str, Fact], source: str, op: str) -> Answer:
    """「检测站基本支出中其他资金占几成」: the unit's row of 表11 in that source's column, alone or
    as a share of the row's total (the table's first column)."""
    label, row = unit
    table = load_template().by_layout("units").number
    cells = [f for f in executor.reader.table_facts(doc, table) if f.kind == "unit" and f.row == row.row and f.column == source]
    value = cells[0].value if cells else Decimal(0)
    facts = cells[:1] + [row]
    if op == "lookup":
        return executor.answer(frame, f"{label}基本支出中{source}为{fmt(value)}万元（{_where('basic')}）。", value, "万元", facts=facts)
    if not row.value:
        raise NotAnswerable("整体为0，无法计算比例")
    share = percent(value, row.value)
    text = f"{label}基本支出中{source}（{fmt(value)}万元）占其基本支出（{fmt(row.value)}万元，{_where('basic')}）的{share}%（{fmt(value)} ÷ {fmt(row.value)} × 100%）。"
    return executor.answer(frame, text, share, "%", facts=facts)


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
    whole_words = [match_form(w) for w in executor.cues["whole_budget"]]
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


def _whole_is_column(frame, column: str) -> bool:
    """The whole of a share is the unit's column summed over all units when the question names that
    column as the whole too: after 占 (「占全部项目支出」), before the unit (「所有项目支出中，图书馆…」)
    or twice (「本级项目支出在全部门项目支出里占多少」)."""
    first = min((m.start for m in frame.mentions if m.of("budget_unit")), default=0)
    whole = frame.text.partition("占")[2] + frame.text[:first]
    return any(w in whole or frame.text.count(w) >= 2 for w in _words(column))


def _share_of_all_units(frame, executor, doc: str, value: tuple, column: str, reading: Reading, what: str) -> Answer:
    """「所有项目支出中图书馆的项目占多大比重」: one unit's column as a share of that column summed
    over every unit of 表11 (the department's own and its subordinate units')."""
    units = load_template().by_layout("units")
    rows = [f for f in executor.reader.table_facts(doc, units.number) if f.kind == "unit" and f.column == units.columns[0]]
    every = [_value(executor, doc, row, column, reading) for row in rows]
    whole = sum((v for v, _ in every), Decimal(0))
    label, part, _ = value
    if whole == 0:
        raise NotAnswerable("整体为0，无法计算比例")
    share = percent(part, whole)
    text = (f"{label}{what}（{fmt(part)}万元）占全部{len(rows)}个单位{what}合计（{fmt(whole)}万元，{_where(column)}）的{share}%"
            f"（{fmt(part)} ÷ {fmt(whole)} × 100%）。")
    return executor.answer(frame, text, share, "%", facts=[f for _, fs in every for f in fs])


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

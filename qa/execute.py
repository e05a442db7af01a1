"""From a Frame to an Answer: resolve what is asked for to figures in the graph (via qa.facts),
compute in Decimal where needed (with the arithmetic shown) and render one Chinese sentence."""

from __future__ import annotations

import copy
import dataclasses
import re
from decimal import ROUND_HALF_UP, Decimal

from kg.template import load_template
from qa import honour, name_filter, queries, segment
from qa.answer import Answer, Source, fmt, percent
from qa.facts import Fact, FactReader, node
from qa.frame import Frame
from qa.kinds.base import cue_data, pattern
from qa.lexicon import Entity, Lexicon, Mention, load_cues, match_form
from qa.normalize import count_of, normalize
from qa.partial import JOINERS
from qa.spans import brackets_open, compiled

VALUE_KINDS = ("classification", "line_item", "project", "figure", "goal", "budget_unit", "department")
SUBORDINATE = re.compile(r"下属|所属|二级|下级")


GENERIC_NOUNS = ("业务", "工作", "事情", "事项", "方面", "内容", "东西")  # 「到底管哪几块业务」: they narrow a list of duties to nothing
MAX_LISTED = 4  # a figure asked of no one document is given for each of at most this many (a department's years)


COUNTED_SUBORDINATE = re.compile(r"(?P<n>[两二三四五六七八九\d])(?:个|家)(?:所属|下属|直属)")  # 「三个所属事业单位」
COUNTED_KIND = re.compile(r"(?P<n>[两二三四五六七八九\d])(?:个|家)(?:下属的?|所属的?|直属的?)?(?P<kind>中心|站|所|馆|院|队)(?![\u4e00-\u9fff]{0,2}(?:单位|名称|名字))")  # 「两个中心」: the subordinate units by their kind
COUNTED_BODIES = re.compile(r"(?P<n>[两二三四五六七八九\d])(?:个|家)(?:所属|下属|直属)?(?:事业)?单位")  # 「剩下两个事业单位的」: the subordinate units, counted


def not_projects_spending(expenditure: str | None) -> bool:
    """An expenditure no project is part of (基本支出: the projects table is 项目支出)."""
    return bool(expenditure) and expenditure != load_template().by_layout("projects").expenditure


def sign_asked(text: str) -> bool:
    """「下降的话用负数表示」: a change asked with its sign (qa/data/cues.json signed)."""
    return compiled(load_cues()["signed"]).search(text) is not None


class NotAnswerable(Exception):
    """The document does not hold what the frame asks for."""


class Executor:
    def __init__(self, reader: FactReader, lexicon: Lexicon) -> None:
        self.reader = reader
        self.lexicon = lexicon
        self.cues = lexicon.cues
        self._by_document: dict[tuple[int, bool], tuple] = {}  # see _in_document

    # ------------------------------------------------------------------------------------------
    def run(self, frame: Frame) -> Answer:
        handler = getattr(self, f"do_{frame.intent}", None)
        if handler is None:
            raise NotAnswerable(frame.refusal or "没有理解这个问题")
        return handler(frame)

    def answer(self, frame: Frame, text: str, value=None, unit=None, items=None, facts=(), sources=()) -> Answer:
        unique: list[Source] = list(dict.fromkeys([*sources, *(self.reader.source(f) for f in facts)]))  # first of each, in order
        return Answer(
            question=frame.question, answered=True, answer=text, value=value, unit=unit, items=list(items or []),
            sources=unique, intent=frame.intent, frame=frame.describe(),
            rows=[_row(f, self.reader) for f in facts],
        )

    def doc_title(self, doc: str) -> str:
        return self.reader.titles.get(doc, doc)

    def prefix(self, frame: Frame, doc: str) -> str:
        return f"{self.doc_title(doc)}：" if len(frame.docs) > 1 else ""

    # -- resolving mentions to figures -------------------------------------------------------------
    def facts_of_entity(self, entity: Entity, docs: list[str]) -> list[Fact]:
        if entity.kind == "figure":
            fact = self.reader.figure(entity.iri)
            facts = [fact] if fact else []
        elif entity.kind == "goal":
            facts = [g for d in docs for g in self.reader.goals(d) if g.iri == entity.iri]
        elif entity.kind == "measure":
            facts = [f for d in docs for f in self.measure_total(entity.label, d)]
        else:
            facts = [f for doc in docs for f in self.reader.item_facts(entity.iri, doc)]
        return [f for f in facts if f.doc in docs]

    def measure_total(self, measure: str, doc: str, fund: str | None = None) -> list[Fact]:
        """A measure's 合计; of one fund (一般公共预算项目支出) from that fund's table."""
        spec = self.cues["measures"].get(measure)
        if not spec:
            return []
        table, column = spec["total"]
        if fund is not None:
            own = load_template().fund_table(fund, measure)
            if own is None:
                return []
            table, column = own.number, measure
        return [f for f in self.reader.total_facts(doc, table) if f.column == column][:1]

    def total(self, name: str, doc: str, table: int | None = None) -> list[Fact]:
        """A total the template names (「财政拨款收入」: 表4's 本年收入合计), a column's total
        (「column:事业收入」) or a table's 合计 row named by the question (「表9:合计」). A named
        total the question reads in another table it names (表4的收入总计) is that table's row when it has one."""
        named = load_template().named_totals.get(name)
        if named:
            own = self.reader.row_facts(doc, table, named[1]) if table is not None else []
            return (own or self.reader.row_facts(doc, named[0], named[1]))[:1]
        table, _, label = name.rpartition(":")
        if table == "column":
            for number in load_template().column_lookup:
                found = [f for f in self.reader.total_facts(doc, number) if f.column == label]
                if found:
                    return found[:1]
            return []
        number = int(table[1:]) if table.startswith("表") else 1
        rows = self.reader.row_facts(doc, number, label)[:1]
        if rows or label != "合计":
            return rows
        grand = [f for f in self.reader.total_facts(doc, number) if f.label.endswith("总计")]  # 「收支总表的总额」: 表1's 收入总计 and 支出总计, one figure
        return grand[:1] if grand and len({f.value for f in grand}) == 1 else []

    def resolve(self, mention: Mention, measure: str | None, frame: Frame, doc: str) -> list[Fact]:
        """The figures a mention stands for, in the sense of its measure (基本支出 …)."""
        facts: list[Fact] = []
        for entity in self._in_document(mention, "科目" in frame.text, doc):
            if entity.kind in VALUE_KINDS or entity.kind == "measure":
                if entity.kind == "department" and "self_unit" not in frame.cues:
                    continue
                facts.extend(self.facts_of_entity(entity, [doc]))
        return choose(facts, measure, frame, self.cues)

    def _in_document(self, mention: Mention, coded_text: bool, doc: str) -> list[Entity]:
        """The entities a mention may stand for in one document, in their order: grouped by
        document once per mention, not filtered once per document (a name every document repeats
        is a thousand entities at a thousand documents, and a question over all of them resolves
        it in each)."""
        kept = self._by_document.get((id(mention), coded_text))
        if kept is None or kept[0] is not mention or kept[1] is not mention.entities:
            coded = bool(re.search(r"\d{3,}", mention.surface)) or coded_text
            entities = (mention.of("classification", "line_item") if coded else []) or mention.of("budget_unit") or mention.entities  # 图书馆: the unit, not the 图书馆 class; [2070104]图书馆: the class
            by_doc: dict[str, list[int]] = {}
            for k, entity in enumerate(entities):
                for d in entity.docs or ("",):  # "": an entity of no document stands in every one
                    by_doc.setdefault(d, []).append(k)
            kept = self._by_document[(id(mention), coded_text)] = (mention, mention.entities, entities, by_doc)
        entities, by_doc = kept[2], kept[3]
        return [entities[k] for k in sorted(by_doc.get(doc, []) + by_doc.get("", []))]

    def operands(self, frame: Frame, doc: str) -> list[tuple[str, list[Fact]]]:
        """Each thing the question names, with its figures: mentions (with their measure) and
        free measures or totals standing alone."""
        values = [m for m in frame.mentions if m.kinds() & set(VALUE_KINDS) and not self._scope_only(m, frame)]
        scoped = _units_before_projects(values, frame.text, doc)
        values = [m for m in values if all(m is not u for u in scoped.values())]
        free = list(frame.measures)
        result: list[tuple[str, list[Fact]]] = []
        if values:
            for m in values:
                if m.measure:
                    measures = [m.measure]
                elif len(values) == 1 and free or len(free) == 1:
                    measures = free  # 「图书馆的基本支出和项目支出」, 「A和B的基本支出」
                else:
                    measures = [None]
                for measure in measures:
                    facts = self.resolve(m, measure, frame, doc)
                    unit = scoped.get(id(m))
                    if unit is not None:  # 「普查中心的法律顾问服务经费」: that unit's project
                        facts = [f for f in facts if f.unit_name in {e.label for e in unit.of("budget_unit")}]
                        result.append((f"{unit.of('budget_unit')[0].label}的{_name(m, measure, facts)}", facts))
                        continue
                    result.append((_name(m, measure, facts), facts))
        else:
            for measure in free:
                result.append(((frame.fund or "") + measure, self.measure_total(measure, doc, frame.fund)))
        named = load_template().named_totals
        for total in frame.totals:
            result.append((named[total][1] if total in named else total.rpartition(":")[2], self.total(total, doc, frame.table)))
        return result

    @staticmethod
    def _scope_only(m: Mention, frame: Frame) -> bool:
        """A department mention is the scope of the question, not an item, unless 本级 follows
        (「档案馆的三公经费」 asks about the department even when 档案馆 is also a class name; so does
        「档案馆的项目支出」, unless the class is marked: 科目, its code)."""
        if "self_unit" in frame.cues or not m.of("department"):
            return False
        others = [o for o in frame.mentions if o is not m and o.kinds() - {"department", "term"}]
        as_class = "科目" in frame.text or bool(re.search(r"\d{3,}", m.surface))
        budget = re.match(r"(?:今年|本年|\d{4}年(?:[和与、及跟]\d{4}年)*)?(?:部门)?(?:预算|总预算|收入预算|支出预算)", frame.text[m.end:])  # 「档案馆今年预算减少了」: the body's budget
        return m.kinds() <= {"department", "term"} or bool(others) or (bool(frame.measures) or bool(frame.totals) or bool(budget)) and not as_class

    # -- lookup ----------------------------------------------------------------------------------
    def do_lookup(self, frame: Frame) -> Answer:
        named = [m for m in frame.mentions if m.of("project") and not m.partial]
        if "performance" in frame.cues and len(named) == 1 and not named[0].of("goal") and not re.search(r"多少|几", frame.text):
            answer = self.do_describe(frame)  # 「X的绩效目标」 of a project no key-project goal states: its 表12 绩效目标 column
            answer.intent = "describe"
            return answer
        frame = _without_containers(frame)
        left = honour.left_out(frame.text, frame.mentions)
        if left and len(frame.value_mentions()) > len([m for m in left if m in frame.value_mentions()]):
            frame = copy.copy(frame)  # 「除了财政拨款以外，还有一块“其他资金”收入，是多少」: the one left out is not asked
            frame.mentions = [m for m in frame.mentions if all(m is not o for o in left)]
        if len(frame.docs) > MAX_LISTED:  # 「三公经费是多少」 with a thousand departments loaded: which one is asked
            frame = copy.copy(frame)
            frame.docs = [self.one_doc(frame)]
        found = [(doc, name, facts) for doc in frame.docs
                 for name, facts in self._without_parents(frame, self.operands(frame, doc), doc) if facts]
        if not found:
            zero = self._not_listed(frame)
            if zero is not None:
                return zero
            raise NotAnswerable("文件中没有找到问题所问的金额")
        acts = honour.acts_asked(frame.question)
        speaking = [x for x in found if any(a in x[1] for a in acts) or any(f.kind in ("project", "goal") for f in x[2])]
        if speaking:  # 「有没有买公务车的预算？公务用车购置费是多少」: the figure of the act, not the cars held (a project named stays: 政府采购里X采购了多少)
            found = speaking
        parts, facts_all, items = [], [], []
        value = unit = None
        for doc, name, facts in found:
            text, v, u = self.say_value(name, facts, frame)
            parts.append(self.prefix(frame, doc) + text)
            facts_all.extend(facts)
            if value is None:
                value, unit = v, u
            items.append(name)
        if frame.last_year:
            raise NotAnswerable("上年数只能由第三部分说明的增减推算")
        if len(parts) > 1 and len({f.value for f in facts_all}) > 1 and (len(items) > 1 or len({d for d, _, _ in found}) > 1):
            value = None  # two figures said (of two things, or of one thing in two documents): no one of them is the answer
        return self.answer(frame, "；".join(parts) + "。", value, unit, facts=facts_all)

    def _not_listed(self, frame: Frame) -> Answer | None:
        """「基本支出里对个人和家庭的补助有多少」: an economic class the document lists elsewhere (表7)
        but not in the table of the expenditure asked (表6), whose top classes add up to its total —
        so nothing of it is in that expenditure: 0, said as such."""
        named = [m for m in frame.value_mentions() if m.measure]
        if len(named) != 1 or len(frame.docs) != 1:
            return None
        mention, doc = named[0], frame.docs[0]
        expenditure = self.cues["measures"].get(mention.measure, {}).get("expenditure")
        coded = [e for e in mention.of("line_item", "classification") if e.code and doc in e.docs]
        if not expenditure or len({e.code for e in coded}) != 1:
            return None
        table = load_template().economic(expenditure)
        whole = {f.value for f in self.measure_total(mention.measure, doc)}
        if table.expenditure != expenditure or len(whole) != 1:
            return None
        rows = [f for f in self.reader.table_facts(doc, table.number) if f.first_column]
        totals = [f for f in rows if f.kind == "total"]
        tops = [f for f in rows if f.kind != "total" and f.code and len(f.code) == len(min((r.code for r in rows if r.code), key=len))]
        if len(totals) != 1 or totals[0].value not in whole or not tops or sum(f.value for f in tops) != totals[0].value or any(f.code == coded[0].code for f in rows):
            return None
        label = coded[0].label
        text = f"{table.name}没有列出“{label}”：该表各类（{len(tops)}类）合计{fmt(totals[0].value)}万元，等于{mention.measure}总额，{mention.measure}中的{label}为0.00万元。"
        return self.answer(frame, text, Decimal(0), "万元", facts=totals)

    def _without_parents(self, frame: Frame, operands: list[tuple[str, list[Fact]]], doc: str) -> list[tuple[str, list[Fact]]]:
        """「服务类的政府采购是多少」: two names, not joined by 和/与/、, of which the graph holds one
        as the other's parent, ask for the part; the container is not a second answer."""
        seen: set[frozenset] = set()
        once = []
        for name, facts in operands:  # 「有没有工程类的政府采购？工程类采购预算是多少」: one thing named twice is asked once
            key = frozenset((f.label, f.value, f.table) for f in facts)
            if not facts or key not in seen:
                once.append((name, facts))
                seen.add(key)
        said = DIVIDED_INTO.sub("", honour.kept_text(frame))  # 「分成货物、工程、服务三类」: the parts a whole is divided into join nothing asked
        if len(once) != 2 or JOINED.search(said):  # 「（货物和工程都不算）」: what is left out joins nothing asked
            return once
        parent_keys = {(p.label, p.value, p.table) for _, facts in once for f in facts if (p := self.parent_of(f, doc)) is not None}
        kept = [(n, fs) for n, fs in once if not any((f.label, f.value, f.table) in parent_keys for f in fs)]
        return kept if len(kept) == 1 else once

    def say_value(self, name: str, facts: list[Fact], frame: Frame) -> tuple[str, Decimal | None, str | None]:
        template = load_template()
        if len(facts) == 2 and {template.layout(f.table) for f in facts} == {"units", "projects"} and all(f.kind == "unit" for f in facts):
            basic, project = sorted(facts, key=lambda f: template.layout(f.table) != "units")  # a unit named alone: its whole budget
            total = basic.value + project.value
            return (f"{basic.label}预算合计{fmt(total)}万元（基本支出{fmt(basic.value)}万元（表{basic.table}）+ 项目支出"
                    f"{fmt(project.value)}万元（表{project.table}）= {fmt(total)}万元）"), total, "万元"
        distinct = sorted({(f.value, f.unit) for f in facts}, key=lambda x: x[0])
        if len(distinct) == 1:
            value, unit = distinct[0]
            value, unit = convert(value, unit, frame)
            where = "、".join(dict.fromkeys(f.where().split(" ")[0] for f in facts))
            return f"{name}为{fmt(value, unit)}{unit}（{where}）{_reason(facts)}", value, unit
        narrowed = _narrowed_by_words(facts, frame)
        if len({f.value for f in narrowed}) == 1:  # the words picked one of the things named alike: that one, by its own name
            return self.say_value(narrowed[0].label if len(narrowed) < len(facts) else name, narrowed, frame)
        facts = narrowed
        funded = _of_the_fund_named(facts, frame)
        if funded and len({f.value for f in funded}) == 1:  # 「只看一般公共预算，X的基本支出」: the table of that fund
            return self.say_value(name, funded, frame)
        stated = re.search(r"(?<![这那])(\d+|[两二三四])(?:笔|个|项|批)(?:加起来|加在一起|合计|一共|总共|共计|之和|相加)", frame.text)
        if stated and "sum" in frame.cues and len({f.label for f in facts}) == len(facts) == count_of(stated.group(1)) and all(f.kind == "project" for f in facts):
            total = sum((f.value for f in facts), Decimal(0))  # 「X第三期合同款，本级有一笔补助资金，中心也有一笔。两笔合计多少」: the names it holds, as many as said
            return f"{'、'.join(f.label for f in facts)}合计{fmt(total)}万元（{' + '.join(fmt(f.value) for f in facts)}）", total, "万元"
        if len({f.label for f in facts}) > 1:  # two things of one name (…测评费（续建） and “十五五”…测评费): each named, no one figure
            said = "；".join(f"{f.label}为{fmt(f.value, f.unit)}{f.unit}（{f.where().split(' ')[0]}）" for f in facts)
            return f"问题所说的名称对应{len(facts)}项：{said}", None, facts[0].unit
        split = [template.economic(e).number for e in ("基本支出", "项目支出")]
        if "sum" in frame.cues and len({f.label for f in facts}) == 1 and sorted(f.table for f in facts) == split:  # 「办公费一共安排了多少」: basic and project together
            total = sum(f.value for f in facts)
            parts = " + ".join(f"{template.table(f.table).expenditure}{fmt(f.value)}万元（表{f.table}）" for f in sorted(facts, key=lambda f: f.table))
            return f"{name}合计{fmt(total)}万元（{parts} = {fmt(total)}万元）", total, "万元"
        pieces = []
        for f in facts:
            value, unit = convert(f.value, f.unit, frame)
            pieces.append(f"{f.where().split(' ')[0]}{('“' + f.column + '”') if f.column and not f.first_column else ''}中为{fmt(value, unit)}{unit}")
        first_value, first_unit = convert(facts[0].value, facts[0].unit, frame)
        return f"{name}在{'，'.join(pieces)}", first_value, first_unit

    # -- compare -----------------------------------------------------------------------------------
    def do_compare(self, frame: Frame) -> Answer:
        if len(frame.docs) > 1:
            # 「X2025年比2024年预算减少多少」: the same figure in two documents, in the order named
            years = [int(y) for y in re.findall(r"((?:19|20)\d{2})年", frame.text)]
            docs = sorted(frame.docs, key=lambda d: years.index(self.lexicon.documents[d].year)
                          if self.lexicon.documents[d].year in years else len(years))
            operands = [(f"{self.doc_title(d).replace('部门预算', '')}{n}", f) for d in docs for n, f in self.operands(frame, d) if f]
            if len(operands) == 2:
                return self.compare_facts(frame, operands)
        doc = self.one_doc(frame)
        operands = [(n, f) for n, f in self.operands(frame, doc) if f]
        if len(operands) > 2:  # 「工资福利里面，A比B高多少」: the container named first is not a third operand
            operands = [(n, f) for n, f in self.operands(_without_containers(frame), doc) if f]
        if len(operands) > 2:  # 「我注意到A比B大不少，A比B具体多多少」「有读者说X比Y多。按表12，A比B多多少」: the asking clause's two
            asking = [c for c in re.finditer(r"[^,，。？?；;！!]+", frame.text) if "比" in c.group(0) and re.search(r"多少|几", c.group(0))]
            if asking:
                last = asking[-1]
                inside = copy.copy(frame)
                inside.mentions = [m for m in frame.mentions if last.start() <= m.start < last.end()]
                named = [(n, f) for n, f in self.operands(inside, doc) if f]
                operands = named if len(named) == 2 else operands
        return self.compare_facts(frame, operands)

    def compare_facts(self, frame: Frame, operands: list[tuple[str, list[Fact]]]) -> Answer:
        """The difference of two named figures, the larger first."""
        if len(operands) < 2:
            raise NotAnswerable("比较需要两个都能在文件中找到的金额")
        (name_a, facts_a), (name_b, facts_b) = operands[:2]
        a, b = single(facts_a), single(facts_b)
        if (a.table, a.row, a.line, a.label, a.column) == (b.table, b.row, b.line, b.label, b.column):  # 表3's 合计 row: 基本支出 ≠ 项目支出
            raise NotAnswerable(f"两处取到的是同一个数（{a.label}，{a.where().split(' ')[0]}），无法比较")
        if name_a == name_b:
            name_a = f"{name_a}（{a.where().split(' ')[0]}）"
            name_b = f"{name_b}（{b.where().split(' ')[0]}）"
        diff = a.value - b.value
        unit = a.unit
        if diff == 0:
            text = f"{name_a}与{name_b}相等，均为{fmt(a.value, unit)}{unit}"
        else:
            more, less = ((name_a, a), (name_b, b)) if diff > 0 else ((name_b, b), (name_a, a))
            text = (f"{more[0]}（{fmt(more[1].value, unit)}{unit}）比{less[0]}（{fmt(less[1].value, unit)}{unit}）"
                    f"多{fmt(abs(diff), unit)}{unit}（{fmt(more[1].value, unit)} − {fmt(less[1].value, unit)} = {fmt(abs(diff), unit)}）")
        return self.answer(frame, text + "。", abs(diff), unit, items=[name_a, name_b], facts=[a, b])

    # -- ratio ---------------------------------------------------------------------------------------
    def do_ratio(self, frame: Frame) -> Answer:
        doc = self.one_doc(frame)
        left = honour.left_out(frame.text, frame.mentions)
        if left and any(all(m is not x for x in left) for m in frame.value_mentions()):  # 「（…也不算其他资金那二十来万）」: what is left out is neither part nor whole
            frame = copy.copy(frame)
            frame.mentions = [m for m in frame.mentions if all(m is not x for x in left)]
        start, cut = _share_sentence(frame)
        before = _subframe(frame, start, cut)
        after = _subframe(frame, cut, len(frame.text))
        inside = WHOLE_INSIDE.search(frame.text)
        if inside and inside.start() > 0:  # 「A在B中占比」: A is the part, B (after 在) the whole
            before = _subframe(frame, 0, inside.start())
            after = _subframe(frame, inside.start(1), inside.end(1))
        numerators = [(n, f) for n, f in self.operands(before, doc) if f]
        denominators = [(n, f) for n, f in self.operands(after, doc) if f]
        if not numerators and denominators and len(denominators) >= 2:
            numerators, denominators = denominators[:1], denominators[1:]
        if len(numerators) >= 2 and not denominators:
            first, second = (m for m in before.mentions[:2]) if len(before.mentions) >= 2 else (None, None)
            if first is not None and frame.text[first.end:second.start].startswith("在"):
                denominators, numerators = numerators[1:2], numerators[:1]  # 「X在Y里占比」: Y is the whole
            elif first is None and _larger(numerators[1]) > _larger(numerators[0]):
                denominators, numerators = numerators[1:2], numerators[:1]  # 「支出总额中，项目支出所占比重」 named by totals and measures: the whole holds the part
            else:
                listed = sorted(before.value_mentions(), key=lambda m: m.start)[1:]
                joined = any(re.fullmatch(rf"[{JOINERS}]|以及|加上", frame.text[a.end:b.start]) for a, b in zip(listed, listed[1:], strict=False))
                if len(numerators) > 2 and joined:  # 「Y里，A和B占了几成」: their sum or each — never A alone
                    raise NotAnswerable(f"没有说明{'、'.join(n for n, _ in numerators[1:])}是合计占比还是各自占比，请说明（如“合计占”）")
                denominators, numerators = numerators[:1], numerators[1:2]  # 「Y中X占比」
        if denominators and len(numerators) > 1 and {f.iri for f in numerators[0][1]} == {f.iri for f in denominators[0][1]}:
            numerators = numerators[1:]  # 「三公经费里公务接待费…，它在三公经费中的占比」: the whole is no part of itself
        if not numerators:
            raise NotAnswerable("没有找到要计算比例的金额")
        projects = [(n, f) for n, f in numerators if all(x.kind == "project" for x in f)]
        if len(projects) >= 2 and denominators and "sum" in frame.cues:  # 「这两笔加在一起占项目支出的百分之多少」: a unit said of one is its owner
            return self._summed_share(frame, projects, denominators[0])
        name_n, facts_n = numerators[0]
        if not denominators and re.search(r"上年|去年|上一年", after.text):
            return self._ratio_to_last_year(frame, name_n, facts_n)
        bound = [m.measure for m in before.mentions if m.measure] or _measure_inside(before)
        if not denominators and bound and self.measure_total(bound[0], doc, frame.fund):
            denominators = [((frame.fund or "") + bound[0], self.measure_total(bound[0], doc, frame.fund))]  # 「项目支出中X占多少」: X's share of 项目支出
            _check_stated_whole(before, bound[0], denominators[0][1])
        if len({f.value for f in facts_n}) > 1 and after.measures:
            # 「住房公积金占基本支出的比例」: the part is taken in the whole's sense
            narrowed = [(n, f) for n, f in self.operands(_with_measure(before, after.measures[0]), doc) if f]
            if narrowed:
                name_n, facts_n = narrowed[0]
        whole_table = load_template().class_lookup[0]
        if len({f.value for f in facts_n}) > 1 and denominators and not frame.measures and not frame.fund \
                and all(f.table in (1, whole_table) and f.kind != "item" or f.section == "一" for f in denominators[0][1]):
            facts_n = [f for f in facts_n if f.table == whole_table] or facts_n  # 「X在总支出里占比」「X占整个支出预算」: X of every fund, as the total is
        if len({f.value for f in facts_n}) > 1 and denominators and not frame.measures and not frame.fund \
                and any(f.table == whole_table for f in facts_n) and any(f.table == whole_table for f in denominators[0][1]):
            facts_n = [f for f in facts_n if f.table == whole_table]  # 「公共卫生占卫生健康支出的百分之几」: both classes in the table of every fund
            denominators = [(denominators[0][0], [f for f in denominators[0][1] if f.table == whole_table])]
        part = single(facts_n)
        if denominators:
            name_d, facts_d = denominators[0]
            if len({f.value for f in facts_d}) > 1:  # the whole in the part's own table
                facts_d = [f for f in facts_d if f.table == part.table] or facts_d
            whole = single(facts_d)
            own = self.whole_of_parts_table(frame, part, whole, name_d, doc)
            if own is not None:
                whole, name_d = own
        else:
            named = _whole_named(frame.text[cut:])
            total = self._table_total(named, doc) if named else None  # 「占支出总表合计的比重」: that table's 合计
            if named and total is None:  # the question names its whole and none was found: no parent stands in for it
                raise NotAnswerable(f"没有找到“{named}”的金额，无法按它计算比例")
            whole = total or self._fund_whole(frame, part, doc) or self.parent_of(part, doc)
            if whole is None:
                whole = single(self.total("本年支出合计", doc))
            name_d = f"表{whole.table}{whole.label}" if total is not None else whole.label
        _check_ratio_pair(frame.text, (name_n, part), (name_d, whole))
        return self._ratio_answer(frame, (name_n, part), (name_d, whole))

    def _ratio_answer(self, frame: Frame, named_part: tuple[str, Fact], named_whole: tuple[str, Fact]) -> Answer:
        """A part's share of a whole in per cent, or how many times the whole it is (几倍), the arithmetic shown."""
        (name_n, part), (name_d, whole) = named_part, named_whole
        if re.search(r"几倍|多少倍|倍数", frame.text):
            times = (part.value / whole.value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            text = f"{name_n}（{fmt(part.value, part.unit)}{part.unit}）是{name_d}（{fmt(whole.value, whole.unit)}{whole.unit}）的{times}倍（{fmt(part.value, part.unit)} ÷ {fmt(whole.value, whole.unit)}）。"
            return self.answer(frame, text, times, "倍", facts=[part, whole])
        value = percent(part.value, whole.value)
        text = (f"{name_n}（{fmt(part.value, part.unit)}{part.unit}）占{name_d}（{fmt(whole.value, whole.unit)}{whole.unit}）的"
                f"{value}%（{fmt(part.value, part.unit)} ÷ {fmt(whole.value, whole.unit)} × 100%）。")
        return self.answer(frame, text, value, "%", facts=[part, whole])

    def _summed_share(self, frame: Frame, parts: list[tuple[str, list[Fact]]], whole_named: tuple[str, list[Fact]]) -> Answer:
        """Several things added, as a share of one whole: every part one figure, or no answer."""
        facts = [single(f) for _, f in parts]
        name_d, facts_d = whole_named
        whole = single([f for f in facts_d if f.table == facts[0].table] or facts_d)
        total = sum((f.value for f in facts), Decimal(0))
        value = percent(total, whole.value)
        added = " + ".join(fmt(f.value, f.unit) for f in facts)
        text = (f"{'、'.join(n for n, _ in parts)}合计（{added} = {fmt(total, whole.unit)}{whole.unit}）占{name_d}（{fmt(whole.value, whole.unit)}{whole.unit}）的"
                f"{value}%（{fmt(total, whole.unit)} ÷ {fmt(whole.value, whole.unit)} × 100%）。")
        return self.answer(frame, text, value, "%", facts=[*facts, whole])

    def _table_total(self, named: str, doc: str) -> Fact | None:
        """「支出总表合计」「表3的总计」: the total row's first column of the table named, when that column is its total."""
        said = re.fullmatch(r"(?P<table>.+?)的?(?:合计|总计)数?", named)
        if said is None:
            return None
        number = re.fullmatch(r"表(\d{1,2})", said.group("table"))
        spec = load_template().table(int(number.group(1))) if number else load_template().named_in(said.group("table"))
        if spec is None or not spec.columns or spec.columns[0] not in ("合计", "总计", "小计"):
            return None
        return next((f for f in self.reader.total_facts(doc, spec.number) if f.column == spec.columns[0]), None)

    def whole_of_parts_table(self, frame: Frame, part: Fact, whole: Fact, name: str, doc: str) -> tuple[Fact, str] | None:
        """「委托业务费占项目支出的比例」 with 委托业务费 known only in 表7 (一般公共预算项目支出, by economic
        class): the whole is that table's 合计, one fund's 项目支出 — other funds' 项目支出 is not broken
        down, so whether it holds more of the part is not known. Of the other expenditure it is no part."""
        spec = load_template().table(part.table) if part.table is not None else None
        if spec is None or not (spec.fund and spec.expenditure) or frame.fund or whole.table == part.table:
            return None
        others = {t.expenditure for t in load_template().tables if t.expenditure} - {spec.expenditure}
        if name in others:  # 「委托业务费占基本支出的比例」 with 委托业务费 a row of 项目支出's table only
            raise NotAnswerable(f"找到的{part.label}是{spec.fund}{spec.expenditure}（表{spec.number}）里的数，不是{name}的一部分，无法计算它占{name}的比例")
        if name != spec.expenditure or whole.value in {Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", frame.text)}:
            return None  # 「在421.93万元的项目支出中」: the whole the question states is the one meant
        own = self.reader.total_facts(doc, part.table)[:1]
        return (own[0], spec.fund + spec.expenditure) if own else None

    def _fund_whole(self, frame: Frame, part: Fact, doc: str) -> Fact | None:
        """「一般公共预算支出中项目支出占比」: a fund's part of a measure, the fund said as what it lies in —
        the whole is that fund's expenditure (its table's 小计), not the department's."""
        if frame.fund is None or not re.search(rf"{re.escape(frame.fund)}(?:支出)?(?:里面|里|当中|之中|中)", frame.text):
            return None
        spec = next((load_template().fund_table(frame.fund, m) for m in frame.measures if load_template().fund_table(frame.fund, m)), None)
        if spec is None or part.table != spec.number:
            return None
        found = [f for f in self.reader.total_facts(doc, spec.number) if f.column == spec.columns[0]][:1]
        return dataclasses.replace(found[0], label=f"{frame.fund}支出") if found else None

    def _ratio_to_last_year(self, frame: Frame, name: str, facts: list[Fact]) -> Answer:
        """「收入预算相当于上年的百分之几」: last year's figure from the stated change, never guessed."""
        stated = [f for f in facts if f.kind == "figure" and f.extra.get("change") is not None]
        if not stated:
            raise NotAnswerable(f"文件没有给出{name}比上年的增减，无法得到上年数")
        fact = stated[0]
        last = fact.value - fact.extra["change"]
        if last == 0:
            raise NotAnswerable("上年数为0，无法计算比例")
        value = percent(fact.value, last)
        text = (f"{fact.label}本年{fmt(fact.value, fact.unit)}{fact.unit}，上年{fmt(last, fact.unit)}{fact.unit}（由“{fact.extra.get('changeText') or ''}”推算），"
                f"本年相当于上年的{value}%（{fmt(fact.value, fact.unit)} ÷ {fmt(last, fact.unit)} × 100%）。")
        return self.answer(frame, text, value, "%", facts=[fact])

    def parent_of(self, fact: Fact, doc: str) -> Fact | None:
        if fact.parent_row and fact.table:
            parents = [f for f in self.reader.table_facts(doc, fact.table) if f.row == fact.parent_row and f.column == fact.column]
            return parents[0] if parents else None
        if fact.kind == "figure" and fact.parent_row:
            return self.reader.figure(fact.parent_row)
        return None

    # -- sum -------------------------------------------------------------------------------------------
    def do_sum(self, frame: Frame) -> Answer:
        if len(frame.docs) > 1 and re.search(r"各部门|所有部门|全部部门|各单位|全区|总共", frame.text) and len(frame.value_mentions()) + len(frame.measures) == 1:
            found = self.across_documents(frame)
            if found:
                total = sum((f.value for _, f in found), Decimal(0))
                unit = found[0][1].unit
                listing = " + ".join(fmt(f.value, unit) for _, f in found)
                text = f"{len(found)}个部门的{found[0][1].label}合计{fmt(total, unit)}{unit}（{listing} = {fmt(total, unit)}）。"
                return self.answer(frame, text, total, unit, items=[t for t, _ in found], facts=[f for _, f in found])
        doc = self.one_doc(frame)
        under = len(frame.value_mentions()) == 1 and re.search(r"下面|之下|下属|下的|各科目|各项|逐项|明细", frame.text)
        left = honour.left_out(frame.text, frame.mentions)
        members = self.members(frame, doc) if (frame.set_kind in ("key_projects", "projects") or under) and len(frame.value_mentions()) - len(left) < 2 else None
        if members is not None and left:
            whole = len(members)
            members = self.filtered(frame, members)  # 「除了X那一大块，剩下的项目加起来」: the set without X
            if len(members) == whole:
                raise NotAnswerable("要去掉的“" + "、".join(m.surface for m in left) + "”不在相加的各项中")
        named = sorted((m for m in frame.value_mentions() if not m.partial and not m.fuzzy and len(m.surface) >= 3 and m.surface in self.lexicon.aliases), key=lambda m: m.start)
        if members is None and any(a.end == b.start for a, b in zip(named, named[1:], strict=False)):
            return self.do_lookup(frame)  # 「一般公共预算财政拨款一共有多少」: names written together name one thing, nothing is added
        if members is None:
            kept = copy.copy(frame)
            kept.mentions = [m for m in frame.mentions if all(m is not x for x in left) and not frame.lists_after(m)]  # 「不含X的话，其余几类（A、B、C）合计」: X is no operand
            found = self.operands(_without_containers(kept), doc)
            operands = [(n, single(f)) for n, f in found if f]  # 「工资福利支出中A、B…合计」: the whole is no operand
            lacking = [n for n, f in found if not f]
            if lacking and len(operands) == 1:  # 「项目支出里A和B合计」 with no B there: never A alone
                raise NotAnswerable(f"要相加的“{lacking[0]}”在文件中没有找到对应的金额")
        else:
            operands = [(f.label, f) for f in members]
        parents = {f.parent_row for _, f in operands if f.parent_row}
        if len(operands) >= 2 and any((f.iri or f.row) in parents for _, f in operands):  # 「三公里剩下那几项——出国、…——加起来」: a whole and its parts are never summed
            raise NotAnswerable("要相加的几项中有一项包含另一项（" + "、".join(n for n, _ in operands) + "），不能相加")
        if members is None:  # 「一个叫X，一个是X专项经费，两个加在一起」「…那块——X一共是多少」: a thing named twice is added once
            operands = list({(n, f.table, f.label, f.value): (n, f) for n, f in operands}.values())
        if len(operands) < 2 and members is None:
            if len(operands) == 1:
                return self.do_lookup(frame)
            raise NotAnswerable("没有找到要相加的金额")
        if not operands:
            raise NotAnswerable("没有找到要相加的金额")
        stated = re.search(r"(\d+)个项目", frame.text)
        if stated and members is None:
            projects = [(n, f) for n, f in operands if f.kind in ("project", "goal")]
            if len(projects) != int(stated.group(1)):  # 「三个项目（A、B、C）合计」: all three found, or no sum
                raise NotAnswerable(f"问题说{stated.group(1)}个项目，文件中能对应上的是{len(projects)}个")
            operands = projects
        if len({(f.table, f.label, f.value) for _, f in operands}) < len(operands):  # two words read as one figure (社保, 其他社保): one is not what was meant
            raise NotAnswerable("要相加的几项中有两项对应到了同一个数（" + "、".join(n for n, _ in operands) + "），请写出完整名称")
        if len({f.unit for _, f in operands}) > 1:  # 「房子车子都算进去的总金额」: 平方米 and 辆 are not added to 万元
            raise NotAnswerable("要相加的数单位不同（" + "、".join(f"{n}以{f.unit}计" for n, f in operands) + "），不能相加")
        total = sum((f.value for _, f in operands), Decimal(0))
        unit = operands[0][1].unit
        arithmetic = " + ".join(fmt(f.value, unit) for _, f in operands)
        names = "、".join(n for n, _ in operands)
        without = f"（不含{'、'.join(m.surface for m in left)}）" if members is not None and left else ""
        text = f"{names}{without}合计{fmt(total, unit)}{unit}（{arithmetic} = {fmt(total, unit)}）。"
        named = [n for n, _ in operands] if members is None else []  # a sum over a set is one figure: its members are in the text
        return self.answer(frame, text, total, unit, items=named, facts=[f for _, f in operands])

    # -- sets: superlative, count, list with filters ------------------------------------------------
    def _whole_of(self, members: list[Fact], doc: str) -> Fact | None:
        """The row all the members are parts of (商品和服务支出 for its items), said with the answer so
        that a figure the question states of it is seen used; None when they share none."""
        first = members[0]
        if not first.parent_row or first.table is None or any(f.parent_row != first.parent_row or f.table != first.table for f in members):
            return None
        return next((f for f in self.reader.table_facts(doc, first.table) if f.row == first.parent_row and f.column == first.column), None)

    def _named_members(self, frame: Frame, mentions: list[Mention], doc: str) -> list[Fact]:
        """「基本工资、津贴补贴、绩效工资这些科目里，哪一项最高」: things listed by name (joined by 、/和) are the
        set itself, each with its one figure; [] when they are not so listed or one has several figures."""
        listed = sorted(mentions, key=lambda m: m.start)
        if len(listed) < 2 or frame.intent != "superlative" or re.match(r"(?:这|那)一?(?:层|级|类)", frame.text[listed[-1].end:]):
            return []  # 「款级科目（办公费、劳务费那一层）」: examples of a level; 「A和B两项相差多少」: no set ranked
        bracketed = re.match(r"[）)](?:里面|里|当中|之中|中)", frame.text[listed[-1].end:])  # 「几个大类（A、B、C）里，哪一类最少」
        if any(brackets_open(frame.text, m.start) != (1 if bracketed else 0) for m in listed):
            return []
        if not all(re.fullmatch(rf"[{JOINERS}]|以及", frame.text[a.end:b.start]) for a, b in zip(listed, listed[1:], strict=False)):
            return []
        if re.match(r"等|什么的|之类", frame.text[listed[-1].end:]):
            return []  # 「有办公费、印刷费等好几项」: examples of the set, not the set
        facts = []
        for m in listed:
            found = self.resolve(m, m.measure or (frame.measures[0] if frame.measures else None), frame, doc)
            if len({f.value for f in found}) != 1:
                return []
            facts.append(found[0])
        return facts

    def _pooled_containers(self, frame: Frame, mentions: list[Mention], doc: str) -> list[Fact] | None:
        """「商品和服务支出、资本性支出下面那些明细科目里哪个最大」: classes listed with a joiner and then a
        container word hold one set — the items under each, pooled; None unless the question says so."""
        classes = [m for m in mentions if m.kinds() & {"classification", "line_item"} and not m.of("project", "goal")]
        if len(classes) < 2 or classes != mentions[:len(classes)]:
            return None
        joined = all(re.fullmatch(r"[、和与及跟]|以及", frame.text[a.end:b.start]) for a, b in zip(classes, classes[1:], strict=False))
        if not joined or not re.match(r"的?(?:下面|之下|底下|里面|里|当中|中)", frame.text[classes[-1].end:]):
            return None
        pooled: list[Fact] = []
        for m in classes:
            one = copy.copy(frame)
            one.mentions = [o for o in frame.mentions if o is m or o not in classes]
            pooled += self.members(one, doc) or []
        return pooled or None

    def members(self, frame: Frame, doc: str) -> list[Fact] | None:
        """The set the question ranges over, as figures; None when no set is named."""
        if frame.set_kind == "key_projects":
            return self.reader.goals(doc)
        left = {id(m) for m in honour.left_out(frame.text, frame.mentions)}  # 「除了X，Y下面哪项最多」: Y is the set
        mentions = [m for m in frame.value_mentions() if not self._scope_only(m, frame) and not m.of("budget_unit") and id(m) not in left]
        inside = bool(mentions) and not mentions[0].of("project", "goal") and re.match(r"里面|里|当中|之中|中|下面", frame.text[mentions[0].end:])
        pooled = self._pooled_containers(frame, mentions, doc)
        if pooled is not None:
            return pooled
        named = self._named_members(frame, mentions, doc)
        if named:
            return named
        if mentions and (frame.set_kind not in ("projects",) or inside):  # 「三公经费里哪些项目是0」: its items, not the projects
            container = mentions[0]
            deeper = [m for m in mentions[1:] if re.fullmatch(r"(?:下面|里面|里|中|之下|下)的?", frame.text[container.end:m.start])
                      and not re.match(r"[、和与及跟]", frame.text[m.end:])  # 「工资福利里基本工资、津贴补贴…哪个最多」: items listed, not one split
                      and any(e.code and f.code and len(e.code) > len(f.code) and e.code.startswith(f.code)
                              for e in m.of("classification") for f in container.of("classification"))]
            container = deeper[-1] if deeper else container  # 「农林水支出下面的水利款，分哪几项」: the narrower class named is the one split
            measure = container.measure or (frame.measures[0] if frame.measures else None)
            facts = self.resolve(container, measure, frame, doc)
            if measure is None and frame.table is None:
                self._one_expenditure(container, facts, doc)
            for parent in sorted(facts, key=lambda f: (f.kind != "figure", f.code is None, f.table or 0)):
                if parent.kind == "figure":
                    filtered = frame.range is not None or frame.threshold is not None
                    children = self._figure_parts(doc, parent, leaves=filtered and not frame.level)  # 「哪几类安排了钱」: the kinds it is split into
                else:
                    rows = self.reader.table_facts(doc, parent.table)
                    children = [f for f in rows if f.parent_row == parent.row and f.column == parent.column]
                    length = {1: 3, 2: 5, 3: 7}.get(frame.level or 0, 0)
                    if parent.code and len(parent.code) < length:  # 「X下面有哪些项级科目」: the descendants at that level; 「工资福利类里」 names X itself
                        children = [f for f in rows if f.code and f.code.startswith(parent.code) and len(f.code) == length
                                    and f.column == parent.column] or children
                if children:
                    return children
        table = frame.table or self.table_for(frame)
        if mentions and frame.set_kind is None and not table:
            return None  # 「机关运行经费包括什么」: a figure with no parts listed, never every project
        layout = load_template().layout(table)
        if layout == "projects":
            frame = _with_set(frame, "projects")  # the rows of the projects table are the projects
        elif table and frame.set_kind != "projects":
            rows = [f for f in self.reader.table_facts(doc, table) if f.kind in ("item",) and f.first_column]
            if layout == "two_sided":
                rows = [f for f in rows if f.side == "支出"]
            return self.by_level(rows, frame)
        if frame.set_kind is None and not (frame.mentions or frame.measures or frame.totals or table) and frame.threshold is None and not frame.n:
            return None  # 「一门式线路覆盖哪些镇街」 names no set: never every project
        if frame.set_kind == "items" and not table and "科目" in frame.text:
            return None  # 「名字里带缴费的科目」 with no table or class named: classes, never the projects
        if frame.set_kind in ("projects", None) or frame.set_kind == "items" and not table:
            if any(m.of("project") for m in frame.mentions) and frame.set_kind != "projects":
                return None  # a question about one project is never answered with all of them
            projects = self.fund_scoped(frame, doc, self.reader.projects(doc))
            keyword = re.search(r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:相关|有关|涉及)", frame.text)
            if keyword:
                projects = [p for p in projects if keyword.group(1) in match_form(p.label)]
            said = purpose_said(frame.text)
            if said is not None and frame.set_kind != "key_projects":  # 「哪些项目没写绩效目标」: by their 表12 text
                projects = [p for p in projects if bool(p.extra.get("purpose")) == said]
            if "set:citations" in frame.cues and not any(m.of("citation") for m in frame.mentions):
                # 「几个项目写明了依据文件」: the projects that cite a document, not all of them
                projects = [p for p in projects if self.reader.run(queries.CITES, citer=node(p.iri))]
            return self.unit_scoped(frame, doc, projects)
        return None

    def _one_expenditure(self, container: Mention, facts: list[Fact], doc: str) -> None:
        """A class with rows under it in the economic tables of two expenditures (商品和服务支出 in 表6
        基本支出 and in 表7 项目支出), the question naming neither: which set is asked is not said."""
        template = load_template()
        spread = {}
        for f in facts:
            spec = template.table(f.table) if f.table else None
            if spec is not None and spec.classification == "economic" and spec.expenditure and f.kind != "figure":
                if any(c.parent_row == f.row and c.column == f.column for c in self.reader.table_facts(doc, f.table)):
                    spread.setdefault(spec.expenditure, spec.name)
        if len(spread) > 1:
            raise NotAnswerable(f"“{container.entities[0].label}”在{'和'.join(spread.values())}中都列了下级科目，"
                                f"请说明问的是{'还是'.join(spread)}的")

    def fund_named(self, frame: Frame) -> str | None:
        """The source of funds the question names first (一般公共预算, 政府性基金预算), if any."""
        out = {id(m) for m in honour.left_out(frame.text, frame.mentions)}  # 「不算政府性基金那笔，单看一般公共预算安排的项目」
        named = list(frame.measures) + [name for m in frame.mentions if id(m) not in out for name, s in self.cues["measures"].items()
                                        if m.surface in {match_form(a) for a in s["aliases"]}] + ([frame.fund] if frame.fund in self.cues["measures"] else [])  # 「只看一般公共预算安排的项目」
        return named[0] if named and self.cues["measures"][named[0]].get("fund") else None

    def fund_scoped(self, frame: Frame, doc: str, projects: list[Fact]) -> list[Fact]:
        """「政府性基金项目有哪些」「用一般公共预算安排的项目」: the projects with money from the fund named."""
        fund = self.fund_named(frame)
        if fund is None:
            return projects
        spec = self.cues["measures"][fund]
        funded = {f.row_index for f in self.reader.table_facts(doc, load_template().by_layout("projects").number)
                  if f.kind == "project" and f.column == spec["column"] and f.value}
        return [p for p in projects if p.row_index in funded]

    def unit_scoped(self, frame: Frame, doc: str, projects: list[Fact]) -> list[Fact]:
        """The projects of the units the question names: a budget unit by name, the department
        itself (本级) or its subordinate units (下属单位); all of them when it names none."""
        left = {id(m) for m in honour.left_out(frame.text, frame.mentions)}  # 「局本级（不算普查中心）」
        named = [m for m in frame.mentions if id(m) not in left and any(doc in e.docs for e in m.of("budget_unit"))]
        included = honour.included_spans(frame.text)
        if named and "self_unit" not in frame.cues and all(any(a <= m.start < b for a, b in included) for m in named):
            return projects  # 「包括图书馆在内，整个部门」「算上图书馆，」: the whole that holds it
        units = {e.label for m in named for e in m.of("budget_unit") if doc in e.docs}
        own = self.lexicon.documents[doc].name
        counted = COUNTED_SUBORDINATE.search(frame.text)
        if counted and units:
            said = counted.group("n")
            subordinate = {r["label"] for r in self.reader.run(queries.BUDGET_UNITS, doc=node(doc)) if r["sub"] in (True, "true", 1)}
            if units <= subordinate and count_of(said) == len(subordinate):
                units = subordinate  # 「三个所属事业单位（疾控、监督所、妇幼）」: all of them, some named by short names
        if units:
            if "self_unit" in frame.cues and not honour.self_left_out(frame.text):  # 「本级和普查中心的项目」: both
                units.add(own)
            return [p for p in projects if p.unit_name in units or own in units and p.unit_name is None]
        inclusive = re.compile(r"(?<![不未])(?:含|包括|包含|连同|加上)(?:其|所有)?(?:" + "|".join(cue_data("unit_scope")["subordinate_words"]) + ")")  # not 「不含下属中心」
        if inclusive.search(frame.text):  # 「（含下属单位）」: all of them
            return projects
        runs = honour.left_out_spans(frame.text)
        subordinate = [m.start() for w in cue_data("unit_scope")["subordinate_words"] for m in re.finditer(re.escape(w), frame.text)
                       if not honour.excluded_before(frame.text, m.start()) and not any(a <= m.start() < b for a, b in runs)]  # 「本级（不含下属中心）」: left out
        kind = COUNTED_KIND.search(frame.text)
        if kind and not subordinate and not honour.excluded_before(frame.text, kind.start()) and not any(a <= kind.start() < b for a, b in runs):
            return self._counted_kind(frame, doc, projects, kind, own)  # 「本级加上两个中心」
        both = "self_unit" in frame.cues and not honour.self_left_out(frame.text)
        if subordinate and both:  # 「本级和下属单位一共」: all of them
            return self._subordinate(frame, doc, projects)
        if subordinate or honour.self_left_out(frame.text):
            return self._subordinate(frame, doc, [p for p in projects if p.unit_name not in (own, None)])
        if "self_unit" in frame.cues:  # 「局本级的项目」: the department's own, not its subordinate units'
            return [p for p in projects if p.unit_name in (own, None)]
        return projects

    def _counted_kind(self, frame: Frame, doc: str, projects: list[Fact], kind: re.Match, own: str) -> list[Fact]:
        """「两个中心的项目」「本级加上两个中心」: the subordinate units of the kind counted, when the document has
        that many of them (with the department's own when 本级 is named too); otherwise no answer."""
        units = {r["label"] for r in self.reader.run(queries.BUDGET_UNITS, doc=node(doc))
                 if r["sub"] in (True, "true", 1) and (kind.group("kind") == "单位" or r["label"].endswith(kind.group("kind")))}
        if count_of(kind.group("n")) != len(units):
            raise NotAnswerable(f"问题说有{kind.group('n')}个{kind.group('kind')}，文件中的下属单位里有{len(units)}个")
        if "self_unit" in frame.cues and not honour.self_left_out(frame.text):
            units.add(own)
        return [p for p in projects if p.unit_name in units or own in units and p.unit_name is None]

    def _subordinate(self, frame: Frame, doc: str, projects: list[Fact]) -> list[Fact]:
        """The subordinate units' projects; a count of them the question states (两个事业单位) is
        checked against the document's."""
        counted = COUNTED_BODIES.search(frame.text)
        if counted:
            subordinate = [r for r in self.reader.run(queries.BUDGET_UNITS, doc=node(doc)) if r["sub"] in (True, "true", 1)]
            if count_of(counted.group("n")) != len(subordinate):
                raise NotAnswerable(f"问题说有{counted.group('n')}个单位，文件中的下属单位有{len(subordinate)}个")
        return projects

    def table_for(self, frame: Frame) -> int | None:
        measure = frame.measures[0] if frame.measures else None
        expenditure = self.cues["measures"].get(measure, {}).get("expenditure") if measure else None
        if frame.classification == "economic":
            return load_template().economic(expenditure).number
        if frame.classification == "functional" or frame.level:
            whole, by_measure = load_template().class_lookup
            return whole if not measure else by_measure
        if expenditure and not_projects_spending(expenditure):
            return load_template().economic(expenditure).number  # 「基本支出里最大的科目」: no project is basic spending
        return None

    @staticmethod
    def by_level(rows: list[Fact], frame: Frame) -> list[Fact]:
        coded = [f for f in rows if f.code]
        if not coded:
            return rows
        if frame.level:
            length = min({1: 3, 2: 5, 3: 7}[frame.level], max(len(f.code) for f in coded))  # 经济分类的项级: 款 is its finest level
            return [f for f in coded if len(f.code) == length]
        parents = {f.parent_row for f in coded}
        return [f for f in coded if f.row not in parents]

    def _figure_parts(self, doc: str, parent: Fact, leaves: bool) -> list[Fact]:
        """The figures a figure is split into (三公经费: 因公出国（境）费, 公务用车购置及运行维护费, …);
        filtered by amount, the finest ones (公务用车购置费 and 运行维护费, not their sum): an amount
        asked of a part the document splits further is asked of each piece."""
        figures = self.reader.figures(doc)

        def parts(of: Fact) -> list[Fact]:
            return [f for f in figures if f.parent_row == of.iri]

        def finest(of: Fact) -> list[Fact]:
            return [piece for part in parts(of) for piece in (finest(part) or [part])]

        return finest(parent) if leaves else parts(parent)

    def filtered(self, frame: Frame, members: list[Fact]) -> list[Fact]:
        named_out = honour.left_out(frame.text, frame.mentions)
        out = [e for m in named_out for e in m.entities]
        left = {match_form(e.label) for e in out}
        codes = () if frame.level else tuple(e.code for e in out if e.code)  # 「（不算302、310这种类级合计），哪一项款级科目最大」: a level asked keeps the parts
        if left:  # 「除了基本工资，哪一项最多」「（资本性支出那块不算）」: the members left out, and those under them, are not ranked, listed or counted
            kept = [f for f in members if match_form(f.label) not in left and not (f.code and f.code.startswith(codes))]
            if len(kept) == len(members):  # 「项目里除了办公设备购置那笔」: a class's name said of the one member it begins
                said = [match_form(m.surface) for m in named_out]
                partly = [f for f in members if any(len(w) >= 3 and w in match_form(f.label) for w in said)]
                kept = [f for f in members if f not in partly] if len(partly) == 1 else kept
            members = kept
        part = name_filter.stated(normalize(frame.question or frame.text)) if frame.set_kind not in name_filter.NAMED_SETS else None
        if part is not None:  # 「基本支出经济分类中名称含“缴费”的科目」: the members whose names hold it
            members = [f for f in members if part.holds(f.label)]
        if frame.range is not None:  # 超过A不到B: both ends, not the last one alone
            return [f for f in members if frame.range.holds(f.value)]
        if frame.threshold is None or not frame.operator:
            return members
        ops = {">=": Decimal.__ge__, ">": Decimal.__gt__, "<=": Decimal.__le__, "<": Decimal.__lt__}
        return [f for f in members if ops[frame.operator](f.value, frame.threshold)]

    def across_documents(self, frame: Frame) -> list[tuple[str, Fact]]:
        """One figure per loaded document for 「哪个部门…最多」 / 「各部门…合计」."""
        found = []
        for doc in frame.docs:
            operands = [(name, f) for name, f in self.operands(frame, doc) if f]
            if operands:
                name, facts = operands[0]
                fact = single(facts)
                fact.label = name
                found.append((self.doc_title(doc), fact))
        return found

    def do_superlative(self, frame: Frame) -> Answer:
        if len(frame.docs) > 1 and re.search(r"哪个部门|哪个单位|哪家|各部门|各单位|哪一个部门", frame.text):
            ranked = sorted(self.across_documents(frame), key=lambda x: x[1].value, reverse=frame.direction != "min")
            if not ranked:
                raise NotAnswerable("没有找到各部门可比较的金额")
            word = "最少" if frame.direction == "min" else "最多"
            listing = "；".join(f"{t}：{fmt(f.value, f.unit)}{f.unit}" for t, f in ranked)
            top_title, top = ranked[0]
            text = f"{top_title.replace('部门预算', '')}{top.label}{word}，{fmt(top.value, top.unit)}{top.unit}（{listing}）。"
            return self.answer(frame, text, top.value, top.unit, items=[t for t, _ in ranked], facts=[f for _, f in ranked])
        doc = self.one_doc(frame)
        members = self.filtered(frame, self.members(frame, doc) or [])
        if frame.direction == "min":
            members = [f for f in members if f.value != 0] or members
        if not members:
            raise NotAnswerable("没有找到可以排序的金额")
        ranked = sorted(members, key=lambda f: f.value, reverse=frame.direction != "min")
        if frame.rank:
            return self._ranked(frame, doc, ranked)
        n = frame.n or 1
        top = ranked[:n]
        word = "最少" if frame.direction == "min" else "最多"
        unit = top[0].unit
        if n == 1:
            ties = [f for f in ranked if f.value == top[0].value]
            names = "、".join(f.label for f in ties)
            whole = self._whole_of(members, doc)
            among = f"{whole.label}（{fmt(whole.value, whole.unit)}{whole.unit}）中" if whole else ""
            text = f"{self.prefix(frame, doc)}{among}金额{word}的是{names}，{fmt(top[0].value, unit)}{unit}（共比较{len(members)}项）。"
            guess = self._guess_checked(frame, members, ties)
            return self.answer(frame, guess[0] + text, top[0].value, unit, items=[f.label for f in ties], facts=ties + guess[1] + ([whole] if whole else []))
        listing = "；".join(f"{k + 1}. {f.label} {fmt(f.value, unit)}{unit}" for k, f in enumerate(top))
        if "sum" in frame.cues and "list" not in frame.cues and len(top) == n:  # 「前三大项目加起来一共多少」: the top N's total
            if len(ranked) > n and ranked[n].value == ranked[n - 1].value:
                raise NotAnswerable(f"第{n}位并列：{'、'.join(f.label for f in ranked if f.value == ranked[n - 1].value)}，前{n}项不止一种取法")
            total = sum((f.value for f in top), Decimal(0))
            text = f"{self.prefix(frame, doc)}金额{word}的{n}项：{listing}；合计{fmt(total, unit)}{unit}（{' + '.join(fmt(f.value, unit) for f in top)}）。"
            return self.answer(frame, text, total, unit, items=[f.label for f in top], facts=top)
        text = f"{self.prefix(frame, doc)}金额{word}的{len(top)}项：{listing}。"
        return self.answer(frame, text, None, None, items=[f.label for f in top], facts=top)

    @staticmethod
    def _guess_checked(frame: Frame, members: list[Fact], ties: list[Fact]) -> tuple[str, list[Fact]]:
        """「最大的是不是办公费」: the answer says whether the member guessed is the top, with its figure;
        a guess that is none of the members ranked is refused, never passed over."""
        if frame.guessed is None:
            return "", []
        codes = {e.code for e in frame.guessed.entities if e.code}
        labels = {e.label for e in frame.guessed.entities}
        guessed = [f for f in members if f.code and f.code in codes or f.label in labels]
        label = frame.guessed.entities[0].label
        if not guessed:
            raise NotAnswerable(f"问题猜的“{label}”不在比较的{len(members)}项之中")
        if any(f in ties for f in guessed):
            return "是的。", []
        return f"不是{label}（{fmt(guessed[0].value, guessed[0].unit)}{guessed[0].unit}）。", guessed[:1]

    def _ranked(self, frame: Frame, doc: str, ranked: list[Fact]) -> Answer:
        """「排第二的是哪个」: the N-th of the ranking; a tie at that place is named, never split."""
        if len(ranked) < frame.rank:
            raise NotAnswerable(f"只有{len(ranked)}项可比较，没有第{frame.rank}位")
        place = ranked[frame.rank - 1]
        ties = [f for f in ranked if f.value == place.value]
        if len(ties) > 1:
            raise NotAnswerable(f"第{frame.rank}位并列：{'、'.join(f.label for f in ties)}")
        word = "少" if frame.direction == "min" else "多"
        unit = place.unit
        above = "；".join(f"{k + 1}. {f.label} {fmt(f.value, unit)}{unit}" for k, f in enumerate(ranked[:frame.rank]))
        text = (f"{self.prefix(frame, doc)}金额第{frame.rank}{word}的是{place.label}，{fmt(place.value, unit)}{unit}"
                f"（共比较{len(ranked)}项：{above}）。")
        return self.answer(frame, text, place.value, unit, items=[place.label], facts=ranked[:frame.rank])

    def do_count(self, frame: Frame) -> Answer:
        doc = self.one_doc(frame)
        if frame.set_kind == "budget_units" and re.search(r"(?:多少|几)个?项目", frame.text):
            frame = _with_set(frame, "projects")  # 「（含下属单位）一共多少个项目」 counts projects, not units
        named = self.named_set(frame, doc)
        if named is not None:
            label, items, sources = named
            text = f"{self.prefix(frame, doc)}{label}共{len(items)}个" + (f"：{'、'.join(items)}。" if items else "。")
            return self.answer(frame, text, Decimal(len(items)), "个", items=items, sources=sources)
        members = self.members(frame, doc)
        if members is None:
            raise NotAnswerable("没有找到要计数的对象")
        chosen = self.filtered(frame, members)
        condition = frame.range.words().removeprefix("金额") if frame.range else f"{_op_word(frame.operator)}{fmt(frame.threshold, '万元')}万元" if frame.threshold is not None else ""
        what = "项目" if members and members[0].kind in ("project", "goal") else "科目"
        text = f"{self.prefix(frame, doc)}{condition and '预算' + condition + '的'}{what}共{len(chosen)}个" + (f"：{'、'.join(f.label + ' ' + fmt(f.value, f.unit) + f.unit for f in chosen)}。" if chosen else "。")
        return self.answer(frame, text, Decimal(len(chosen)), "个", items=[f.label for f in chosen], facts=chosen)

    def named_set(self, frame: Frame, doc: str):
        """Sets that are not figures: duties, internal units, budget units, cited documents; offices
        and units are narrowed by a part of their names the question states (名称以“股”结尾,
        哪些是中心)."""
        found = self._named_set(frame, doc)
        if found is None or frame.name_part is None:
            return found
        label, items, sources = found
        return f"{label}中{frame.name_part.words()}的", [n for n in items if frame.name_part.holds(n)], sources

    def _named_set(self, frame: Frame, doc: str):
        title = self.doc_title(doc)
        kind = frame.set_kind
        if kind == "duties":
            rows = self.reader.run(queries.DUTIES, doc=node(doc))
            return "主要职责", [r["text"] for r in rows], [Source(title, load_template().sections["duties"], f"（{r['ordinal']}）", r["line"]) for r in rows[:1]]
        if kind == "internal_units":
            rows = self.reader.run(queries.INTERNAL_UNITS, doc=node(doc))
            return "内设机构", [r["label"] for r in rows], [Source(title, load_template().sections["internal_units"], r["label"], r["line"]) for r in rows[:1]]
        if kind == "budget_units":
            rows = sorted(self.reader.run(queries.BUDGET_UNITS, doc=node(doc)), key=lambda r: (r["sub"] in (True, "true", 1), r["label"]))
            if SUBORDINATE.search(frame.text) or honour.self_left_out(frame.text):  # 「除了本级，还有哪几个单位」: the subordinate ones
                rows = [r for r in rows if r["sub"] in (True, "true")]
                return "下属单位", [r["label"] for r in rows], self.composition_sources(doc)
            own = [r["label"] + ("" if r["sub"] in (True, "true", 1) or len(rows) == 1 else "（本级）") for r in rows]  # as the document lists it
            return "纳入部门预算的单位", own, self.composition_sources(doc)
        if kind == "citations":
            rows = self.reader.run(queries.ALL_CITATIONS, doc=node(doc))
            return "引用的文件", [_citation_name(r) for r in rows], []
        return None

    def _office_for(self, frame: Frame, doc: str) -> Answer | None:
        """The internal units whose duties hold the most of the question's topic words (the names it
        links and the nouns no name takes); None when it asks no topic. A topic no office's duties
        speak of is a refusal, never the list of every office."""
        words = [w for m in frame.mentions if not m.of("internal_unit", "department", "budget_unit")
                 for w in [match_form(m.surface), *segment.tokenizer().lcut_for_search(match_form(m.surface), HMM=False)] if len(w) >= 2]
        words = list(dict.fromkeys(words + [n for n in frame.free_nouns() if n not in GENERIC_NOUNS]))
        if not words:
            return None
        rows = self.reader.run(queries.INTERNAL_UNITS, doc=node(doc))
        scored = [(sum(len(w) for w in words if w in match_form(r["text"])), r) for r in rows]
        best = max((h for h, _ in scored), default=0)
        if not best:
            raise NotAnswerable(f"内设机构的职责中没有提到“{'、'.join(words)}”")
        picked = [r for h, r in scored if h == best]
        title = self.doc_title(doc)
        held = [w for w in words if any(w in match_form(r["text"]) for r in picked)]
        held = [w for w in held if not any(w != o and w in o for o in held)]  # 全民健身, not 全民 and 健身 again
        text = f"{self.prefix(frame, doc)}职责中写到“{'、'.join(held)}”的是" + "；".join(
            f"{r['label']}（{r['text']}）" for r in picked) + "。"
        return self.answer(frame, text, None, None, items=[r["label"] for r in picked],
                           sources=[Source(title, load_template().sections["internal_units"], r["label"], r["line"]) for r in picked])

    def composition_sources(self, doc: str) -> list[Source]:
        rows = self.reader.run(queries.COMPOSITION, doc=node(doc))
        return [Source(self.doc_title(doc), load_template().sections["composition"], r["text"][:30], r["line"]) for r in rows]

    def do_list(self, frame: Frame) -> Answer:
        doc = self.one_doc(frame)
        leaves = [e for m in frame.value_mentions() if m.kinds() <= {"classification"} for e in m.entities[:1] if e.code and not self.lexicon.descendant_labels(e.code) - {e.label}]
        if "set:projects" in frame.cues and leaves:  # 「防汛科目那98万元由哪几个项目构成」: the project table is not split by class
            raise NotAnswerable(f"文件没有给出“{leaves[0].label}”（{leaves[0].code}）由哪些项目构成，项目表不按科目分列")
        if frame.set_kind == "key_projects" and frame.threshold is None:
            goals = self.reader.goals(doc)
            said = "performance" in frame.cues  # 「重点项目的绩效目标是怎么定的」: each one's target in its words
            text = f"{self.prefix(frame, doc)}重点项目绩效目标共{len(goals)}个：" + "；".join(
                f"{g.label}（{fmt(g.value, g.unit)}万元）" + (f"：{g.extra.get('goalText', '').rstrip('。')}" if said else "") for g in goals) + "。"
            return self.answer(frame, text, None, None, items=[g.label for g in goals], facts=goals)
        if frame.set_kind == "internal_units" and "哪" in frame.text and re.search(self.cues["duty_asked"], frame.text) \
                and not any(m.of("internal_unit") for m in frame.mentions):
            found = self._office_for(frame, doc)
            if found is not None:  # 「文物保护归哪个股管」: the office whose duties speak of it
                return found
        offices = [m for m in frame.mentions if m.of("internal_unit")]
        if frame.set_kind == "internal_units" and offices and re.search(self.cues["duty_asked"] + "|分工", frame.text) \
                and not re.search(r"哪几|哪些|有几|多少个", frame.text):
            return self.do_describe(frame)  # 「内设的A股和B股分工是怎样的，各管什么」: the offices named, each described
        own_sets = ("budget_units", "duties", "internal_units", "citations")
        named = self.named_set(frame, doc) if not frame.value_mentions() or frame.set_kind in own_sets else None
        if named is not None:
            label, items, sources = named
            if frame.set_kind == "budget_units":
                composition = self.reader.run(queries.COMPOSITION, doc=node(doc))
                lead = composition[0]["text"] if composition else ""
                text = f"{self.prefix(frame, doc)}{lead}{label}：{'、'.join(items) if items else '无'}。"
            elif frame.set_kind == "duties":
                nth = re.search(r"第(\d+)(?:项|条|个)?", frame.text)
                if nth and 1 <= int(nth.group(1)) <= len(items):
                    k = int(nth.group(1))
                    return self.answer(frame, f"{self.prefix(frame, doc)}第{k}项主要职责：{items[k - 1]}", items=[items[k - 1]], sources=sources)
                left = _quoted_left_out(frame)
                kept = [(k, t) for k, t in enumerate(items) if not left or match_form(left) not in match_form(t)]
                if left and 0 < len(kept) < len(items):  # 「除了“承办…其他事项”这条以外，还有哪些」: the others
                    text = f"{self.prefix(frame, doc)}主要职责中除“{left}”一条外共{len(kept)}项：" + "".join(f"（{k + 1}）{t}" for k, t in kept)
                    return self.answer(frame, text, None, None, items=[t for _, t in kept], sources=sources)
                topic, picked = _topic(frame, items)
                if topic:  # 「在信息安全方面承担哪些工作」「职责里对X是怎么规定的」: the duties that speak of it
                    text = f"{self.prefix(frame, doc)}主要职责中关于“{topic}”的{len(picked)}项：" + "".join(f"（{k + 1}）{t}" for k, t in picked)
                    return self.answer(frame, text, None, None, items=[t for _, t in picked], sources=sources)
                text = f"{self.prefix(frame, doc)}{label}共{len(items)}项：" + "".join(f"（{k + 1}）{t}" for k, t in enumerate(items))
            else:
                text = f"{self.prefix(frame, doc)}{label}共{len(items)}个：{'、'.join(items)}。"
            return self.answer(frame, text, None, None, items=items, sources=sources)
        members = self.members(frame, doc)
        if members is None and "definition" in frame.cues:
            return self.do_definition(frame)  # 「公务用车购置费都包括什么」: no parts listed, the glossary's words for it
        if members is None:
            raise NotAnswerable("没有找到要列出的对象")
        chosen = self.filtered(frame, members)
        condition = f"（{frame.range.words()}）" if frame.range else f"（{_op_word(frame.operator)}{fmt(frame.threshold, '万元')}万元）" if frame.threshold is not None else ""
        said = purpose_said(frame.text) if chosen and all(f.kind == "project" for f in chosen) else None
        condition += "" if said is None else f"（{load_template().by_layout('projects').name}中{'写了' if said else '未写'}绩效目标或用途的）"
        listing = "、".join(f"{f.label}（{fmt(f.value, f.unit)}{f.unit}）" for f in chosen)
        text = f"{self.prefix(frame, doc)}共{len(chosen)}项{condition}：{listing or '无'}。"
        defined = self._made_of(frame, doc) if not condition and len(chosen) == len(members) else None
        if defined:  # 「三公经费包括哪几项」: the table's rows, and the glossary's words for them
            text += f"文件名词解释：{defined['definition'].split('。')[0]}。"
        sources = [Source(self.doc_title(doc), load_template().sections["glossary"], defined["label"], defined["line"])] if defined else []
        return self.answer(frame, text, None, None, items=[f.label for f in chosen], facts=chosen, sources=sources)

    def _made_of(self, frame: Frame, doc: str) -> dict | None:
        """The glossary row of the one term whose parts are listed, when the question asks what it is made of."""
        terms = {e.iri for m in frame.value_mentions() for e in m.of("term") if doc in e.docs}
        if len(terms) != 1 or not any(w in frame.text for w in self.cues["made_of"]):
            return None
        rows = self.reader.run(queries.TERM, term=node(terms.pop()))
        return rows[0] if rows else None

    # -- texts --------------------------------------------------------------------------------------
    def do_describe(self, frame: Frame) -> Answer:
        """What each thing named says of itself; two named (「办公室和确权登记股分别管些什么」) are
        both answered, each with its source."""
        doc = self.one_doc(frame)
        said: list[Answer] = []
        for m in frame.mentions:
            found = self._describe_one(frame, m, doc)
            if found is None:
                continue
            answer, joins = found
            if not joins:  # a figure, a goal, a term or a cited document: the first named answers alone
                if not said:
                    return answer
                continue
            said.append(answer)
        if len(said) == 1:
            return said[0]
        if said:
            return self.answer(frame, "；".join(a.answer.rstrip("。") for a in said) + "。", sources=[s for a in said for s in a.sources])
        for m in frame.mentions:
            if m.of("department") or m.of("budget_unit"):
                rows = self.reader.run(queries.COMPOSITION, doc=node(doc))
                if rows:
                    units = [r["label"] for r in self.reader.run(queries.BUDGET_UNITS, doc=node(doc))]
                    return self.answer(frame, f"部门预算构成：{rows[0]['text']}", items=units, sources=self.composition_sources(doc))
        raise NotAnswerable("没有找到可以说明的内容")

    def _describe_one(self, frame: Frame, m: Mention, doc: str) -> tuple[Answer, bool] | None:
        """The mention's own text, and whether it joins others' (a project's use, an office's duties)."""
        title = self.doc_title(doc)
        goal_first = "performance" in frame.cues
        project_first = projects_table_named(frame)  # 「项目支出表里对X是怎么说明的」: its line of 表12
        for e in sorted(m.entities, key=lambda e: (e.kind != "goal") if goal_first else (e.kind != "project") if project_first else 0):
            if doc not in e.docs and e.docs:
                continue
            if e.kind == "project":
                rows = self.reader.run(queries.PROJECT, project=node(e.iri))
                if rows and rows[0].get("purpose"):
                    r = rows[0]
                    return self.answer(frame, f"{r['label']}（{r['unitName']}）的绩效目标/用途：{r['purpose']}", sources=[Source(title, load_template().by_layout("projects").name, r["label"], r["line"])]), True
            if e.kind == "internal_unit":
                rows = self.reader.run(queries.INTERNAL_UNIT, unit=node(e.iri))
                if rows:
                    r = rows[0]
                    return self.answer(frame, f"{r['label']}的职责：{r['text']}", sources=[Source(title, load_template().sections["internal_units"], r["label"], r["line"])]), True
            if e.kind == "goal":
                goal = next((g for g in self.reader.goals(doc) if g.iri == e.iri), None)
                if goal:
                    return self.answer(frame, f"重点项目“{goal.label}”（{fmt(goal.value)}万元）的绩效目标：{goal.extra['goalText']}", goal.value, "万元", facts=[goal]), False
            if e.kind == "figure" and "definition" in frame.cues:
                try:  # 「公务用车购置费包含哪些内容」: the glossary's sentence for it, not its amount
                    return self.do_definition(frame), False
                except NotAnswerable:
                    pass
            if e.kind == "figure":
                fact = self.reader.figure(e.iri)
                if fact:
                    extra = fact.extra
                    detail = extra.get("detail") or extra.get("reason")
                    text = f"{fact.label}{fmt(fact.value, fact.unit)}{fact.unit}" + (f"，主要是{detail}" if detail else f"（{extra['source']}）")
                    return self.answer(frame, text + "。", fact.value, fact.unit, facts=[fact]), False
            if e.kind == "term":
                return self.do_definition(frame), False
            if e.kind == "citation":
                return self.do_citation(frame), False
        return None

    def do_definition(self, frame: Frame) -> Answer:
        doc = self.one_doc(frame)
        title = self.doc_title(doc)
        terms = list({e.iri: e for m in frame.mentions for e in m.of("term") if doc in e.docs}.values())
        found = [rows[0] for term in terms if (rows := self.reader.run(queries.TERM, term=node(term.iri)))]
        if found:  # 「X和Y有啥区别」「X按文件怎么定义」: each term named, in its own words
            return self.answer(frame, "；".join(f"{r['label']}：{r['definition'].rstrip('。；')}" for r in found) + "。",
                               sources=[Source(title, load_template().sections["glossary"], r["label"], r["line"]) for r in found])
        surfaces = [m.surface for m in frame.mentions if len(m.surface) >= 3]
        glossary = self.reader.run(queries.TERMS_OF_DOC, doc=node(doc))
        for row in glossary:  # 「机关运行经费指什么」: the term 「行政经费（机关运行经费）」
            if any(surface in match_form(row["label"]) for surface in surfaces):
                return self.answer(frame, f"{row['label']}：{row['definition']}", sources=[Source(title, load_template().sections["glossary"], row["label"], row["line"])])
        best = None
        for row in glossary:
            for sentence in re.split(r"[；。]", row["definition"]):
                plain = re.sub(r"^(其中|包括)[:：]?", "", match_form(sentence))
                for surface in surfaces:
                    if surface not in plain:
                        continue
                    rank = 3 if plain.startswith(surface) else 2 if re.search(re.escape(surface) + "(反映|指|是|包括)", plain) else 1
                    if best is None or rank > best[0]:
                        best = (rank, row, sentence.strip())
        if best:
            _, row, sentence = best
            return self.answer(frame, f"名词解释“{row['label']}”中：{sentence}。", sources=[Source(title, load_template().sections["glossary"], row["label"], row["line"])])
        raise NotAnswerable("名词解释中没有这个词")

    def do_citation(self, frame: Frame) -> Answer:
        doc_scope = frame.docs
        cited = [e for m in frame.mentions for e in m.of("citation")]
        for m in frame.mentions:  # a title without its 文号 names every cited document of that title
            if m.of("citation") and "号" not in m.surface:
                seen = {e.iri for e in cited}
                cited += [e for e in self.lexicon.citations_titled(m.surface) if e.iri not in seen]
        projects = [e for m in frame.mentions for e in m.of("project") if set(e.docs) & set(doc_scope)]
        kinds = {w: p for w, p in self.cues["document_kinds"].items() if re.search(rf"哪(?:部|个|份|些|一)?{w}|什么{w}", frame.text)}
        if len(kinds) >= 2 and len(projects) == 1:  # 「引用了哪部法律和哪个会议纪要」: each kind asked, from what the project cites
            return self._cited_of_kinds(frame, projects[0], kinds)
        projects = list({p.iri: p for p in projects}.values())
        if cited and projects:  # 「P提到的Y通知是几号文」: Y as P cites it, never Y as another project does
            named = next((m.surface for m in frame.mentions if m.of("citation")), cited[0].label)
            return self._cited_by_projects(frame, projects, {c.iri for c in cited}, named)
        if cited:
            parts, items, sources = [], [], []
            for c in cited:
                info = self.reader.run(queries.CITATION, cited=node(c.iri))
                citers = [r for r in self.reader.run(queries.CITED_BY, cited=node(c.iri)) if r["doc"] in doc_scope]
                if not citers:
                    continue
                name = _citation_name(info[0]) if info else c.label
                names = [n for n in dict.fromkeys(r["citerLabel"] for r in citers) if n not in items]
                if not names:
                    continue
                parts.append(f"{name}被{'、'.join(names)}引用")
                items.extend(names)
                sources.extend(Source(self.doc_title(r["doc"]), load_template().by_layout("projects").name, r["citerLabel"], r["line"]) for r in citers)
            if parts and "count" in frame.cues and re.search(r"项目[^，,。？?]{0,4}(?:几|多少)|(?:几|多少)个项目", frame.text):  # 「引用了粤府办文件的项目有几个」: the citing projects counted
                return self.answer(frame, "；".join(parts) + f"。共{len(items)}个项目。", Decimal(len(items)), "个", items=items, sources=sources)
            if parts:
                return self.answer(frame, "；".join(parts) + "。", items=items, sources=sources)
        if projects:
            return self._cited_by_projects(frame, projects)
        raise NotAnswerable("没有找到这份文件的引用")

    def _cited_by_projects(self, frame: Frame, projects: list[Entity], wanted: set[str] | None = None, named: str = "") -> Answer:
        """What each project named cites (「A和B分别是根据哪份纪要安排的」), or of the cited documents
        `wanted` (those the question names by title or kind, as each project cites them); a project
        that cites none is said so, and when none does the answer is a refusal."""
        said, items, sources = [], [], []
        for p in projects:
            rows = [r for r in self.reader.run(queries.CITES, citer=node(p.iri)) if wanted is None or str(r["cited"]) in wanted]
            info = self.reader.run(queries.PROJECT, project=node(p.iri))
            doc = info[0]["doc"] if info else frame.docs[0]
            names = list(dict.fromkeys(_citation_name(r) for r in rows))
            lacks = f"文件没有写明“{p.label}”引用了“{named}”" if named else f"文件没有写明“{p.label}”依据哪份文件"
            quoted = _citing_words(str(info[0].get("purpose") or "") if info else "", rows)
            said.append(f"{p.label}依据的文件：{'；'.join(names)}{f'（原文：{quoted}）' if quoted else ''}" if names else lacks)
            items += [n for n in names if n not in items]
            sources.append(Source(self.doc_title(doc), load_template().by_layout("projects").name, p.label, info[0]["line"] if info else None))
        if not items:
            raise NotAnswerable(said[0] if len(said) == 1 else "文件没有写明这些项目依据哪份文件")
        return self.answer(frame, "；".join(said) + "。", items=items, sources=sources)

    def _cited_of_kinds(self, frame: Frame, project: Entity, kinds: dict[str, str]) -> Answer:
        """The documents one project cites, of each kind the question asks; a kind it cites none of
        is refused by name, never dropped."""
        rows = self.reader.run(queries.CITES, citer=node(project.iri))
        names = [_citation_name(r) for r in rows]
        found = {w: [n for n in names if re.search(p, re.sub(r"[《》〔〕\[\]（）()\d号]", "", n).strip())] for w, p in kinds.items()}
        lacking = [w for w, ns in found.items() if not ns]
        if lacking:
            raise NotAnswerable(f"“{project.label}”引用的文件中没有{'、'.join(lacking)}")
        chosen = list(dict.fromkeys(n for ns in found.values() for n in ns))
        info = self.reader.run(queries.PROJECT, project=node(project.iri))
        source = Source(self.doc_title(info[0]["doc"]), load_template().by_layout("projects").name, project.label, info[0]["line"]) if info else None
        return self.answer(frame, f"{project.label}依据的文件：{'；'.join(chosen)}。", items=chosen, sources=[source] if source else [])

    # -- year over year ----------------------------------------------------------------------------
    def do_yoy(self, frame: Frame) -> Answer:
        if len(frame.docs) > 1 and len(set(re.findall(r"((?:19|20)\d{2})年", frame.text))) >= 2:
            return self.do_compare(frame)  # both years are loaded: compare the two documents
        doc = self.one_doc(frame)
        frame = _without_containers(frame)  # 「三公里的公务接待费」: its change and reason, not 三公经费's
        figures = [e for m in frame.mentions for e in m.of("figure") if doc in e.docs]
        facts = [f for f in (self.reader.figure(e.iri) for e in figures) if f]
        named = [m for m in frame.value_mentions() if not m.kinds() <= {"department"} and not self._scope_only(m, frame)  # 「数据中心今年预算」: the department is the scope
                 and not ("reason" in frame.cues and m.of("department"))]  # 「档案馆…说明里给的主要原因」: the bureau 档案馆 (a class too) — classes state no reason
        bare = {total: word for word, total in self.lexicon.cues["bare_totals"].items()}
        wholes = [t for t in frame.totals if t != load_template().whole_budget and t not in bare]  # 「X局的预算」「收入」 name the budget as a whole
        if not facts and not named and not frame.measures and not wholes:
            if re.search(r"(?:这个|这项|这一|这笔|该|此|那个|那项|上述)(?:项目|科目|项|笔)", frame.text):  # one thing, not named
                raise NotAnswerable("问题说的是某一项目或科目，但没有找到是哪一个；文件没有给出它与上年相比的变化")
            whole = [f for f in self.reader.figures(doc) if f.section == "一"]  # the budget as a whole
            said = [bare[t] for t in frame.totals if t in bare]
            facts = ([f for f in whole if said and said[0] in f.label] or whole)[:1]  # 「支出比上年」: the 支出预算 figure
        if not facts:
            names = "、".join(m.surface for m in named)
            raise NotAnswerable(f"文件没有说明{names}与上年相比的变化")
        with_change = [f for f in facts if f.extra.get("change") is not None or f.extra.get("rate") is not None or f.extra.get("reason")]
        if not with_change:
            raise NotAnswerable(f"文件没有说明{facts[0].label}与上年相比的变化")
        fact = with_change[0]
        if len({f.iri for f in with_change}) >= 2 and re.search(r"其中|反而|但是?|却", frame.text):
            fact = with_change[-1]  # 「三公经费总体是增加的，但其中公务接待费反而少了，怎么解释」「…但公务接待费好像涨得多些，它增长了百分之几」: the one named last, set against the first
        e = fact.extra
        unit = fact.unit
        if "reason" in frame.cues:
            several = list({f.iri: f for f in with_change}.values())
            asked = several if len(several) >= 2 and re.search(r"各自|分别|两处|两者|两项|各是", frame.text) else [fact]  # 「这两处各自给的理由」: each
            said = [self._reason_of(f) for f in asked]
            return self.answer(frame, "；".join(t for t, _ in said) + "。", None, None, facts=[f for _, fs in said for f in fs])
        change = e.get("change")
        if change is not None and (DERIVED.search(frame.text) or re.search(r"多少万|万元|多少钱|金额", frame.text)) and _asks_last_year_value(frame):
            return self._last_year_value(frame, fact)  # 「根据增幅倒推，上年的X是多少」「X今年下降了7.7%，那上年安排的是多少万元」: the figure, worked back by the stated change
        stated_rate = e.get("rate") is not None and re.search(self.lexicon.cues["rate_asked"], frame.text)  # 增长多少: the rate stated
        if frame.unit_word == "%" or re.search(r"幅度|百分|率|几成|[增降减涨]幅", frame.text) or stated_rate:
            if e.get("rate") is None:
                return self._rate_from_change(frame, fact)
            rate = e["rate"]
            amount = f"{'减少' if change < 0 else '增加'}{fmt(abs(change), unit)}{unit}，" if change is not None else ""  # both stated: both said
            text = f"{fact.label}比上年{amount}{'下降' if rate < 0 else '增长'}{abs(rate)}%（文件所述）{_reason([fact])}。"
            return self.answer(frame, text, rate if sign_asked(frame.text) else abs(rate), "%", facts=[fact])
        if change is None:
            raise NotAnswerable(f"文件没有给出{fact.label}比上年增减的金额")
        if _asks_last_year_value(frame):
            several = list({f.iri: f for f in with_change if f.extra.get("change") is not None}.values())
            if "sum" in frame.cues and len(several) >= 2:  # 「上年A和B这两项加起来是多少」: each worked back, then added
                return self._last_years_sum(frame, several)
            return self._last_year_value(frame, fact)
        word = "增加" if change > 0 else "减少" if change < 0 else "持平，增加"
        rate = f"，{'下降' if e['rate'] < 0 else '增长'}{abs(e['rate'])}%" if e.get("rate") is not None else ""
        text = f"{fact.label}{fmt(fact.value, unit)}{unit}，比上年{word}{fmt(abs(change), unit)}{unit}{rate}{_reason([fact])}。"
        return self.answer(frame, text, change if sign_asked(frame.text) else abs(change), unit, facts=[fact])

    def _reason_of(self, fact: Fact) -> tuple[str, list[Fact]]:
        """A figure's change and the reason the document gives for it (the whole's, when its change is
        this part's), and the figures said of; none given is a refusal naming it."""
        e, unit = fact.extra, fact.unit
        reason, said_of = e.get("reason"), [fact]
        parent = self.reader.figure(fact.parent_row) if not reason and fact.parent_row else None
        if parent is not None and parent.extra.get("reason") and e.get("change") is not None and parent.extra.get("change") == e["change"]:
            reason, said_of = parent.extra["reason"], [fact, parent]  # the whole's change is this part's: its reason is this part's
        if not reason:
            raise NotAnswerable(f"文件没有说明{fact.label}变化的原因")
        return f"{fact.label}{fmt(fact.value, unit)}{unit}，{e.get('changeText') or ''}，主要原因是{reason}", said_of

    def _last_years_sum(self, frame: Frame, facts: list[Fact]) -> Answer:
        """Last year's figures of several things, each worked back by its stated change, added up."""
        lasts = [(f, f.value - f.extra["change"]) for f in facts]
        total = sum((v for _, v in lasts), Decimal(0))
        unit = facts[0].unit
        each = "；".join(f"上年{f.label}{fmt(v, unit)}{unit}（{fmt(f.value, unit)} {'+' if f.extra['change'] < 0 else '−'} {fmt(abs(f.extra['change']), unit)}）"
                        for f, v in lasts)
        text = f"{each}，合计{fmt(total, unit)}{unit}（{' + '.join(fmt(v, unit) for _, v in lasts)}）。"
        return self.answer(frame, text, total, unit, facts=facts)

    def _last_year_value(self, frame: Frame, fact: Fact) -> Answer:
        """Last year's figure: this year's less the change the document states (its words quoted)."""
        change, unit = fact.extra["change"], fact.unit
        last = fact.value - change
        text = (f"上年{fact.label}为{fmt(last, unit)}{unit}：由本年{fmt(fact.value, unit)}{unit}和“{fact.extra.get('changeText') or ''}”推算"
                f"（{fmt(fact.value, unit)} {'+' if change < 0 else '−'} {fmt(abs(change), unit)} = {fmt(last, unit)}）。")
        return self.answer(frame, text, last, unit, facts=[fact])

    def _rate_from_change(self, frame: Frame, fact: Fact) -> Answer:
        """「按减少额算，比上年下降的幅度」: the rate from the stated change and this year's figure
        (last year = this year − change), with the arithmetic shown; no change stated, no rate."""
        change = fact.extra.get("change")
        last = fact.value - change if change is not None else None
        if not last:
            raise NotAnswerable(f"文件没有给出{fact.label}的增减幅度")
        rate = percent(abs(change), last)
        unit = fact.unit
        text = (f"{fact.label}本年{fmt(fact.value, unit)}{unit}，{fact.extra.get('changeText') or ''}，上年{fmt(last, unit)}{unit}，"
                f"{'下降' if change < 0 else '增长'}{rate}%（{fmt(abs(change), unit)} ÷ {fmt(last, unit)} × 100%）。")
        return self.answer(frame, text, rate, "%", facts=[fact])

    # -- performance targets -------------------------------------------------------------------------
    def do_performance(self, frame: Frame) -> Answer:
        doc = self.one_doc(frame)
        asks_number = frame.unit_word or "amount" in frame.cues or re.search(r"多少|几", frame.text)
        if not asks_number and any(m.of("goal") for m in frame.mentions):
            return self.do_describe(frame)
        targets = self.reader.run(queries.TARGETS, doc=node(doc))
        owners = {e.iri for m in frame.mentions for e in m.entities if e.kind in ("goal", "project")}
        owner_labels = {match_form(e.label) for m in frame.mentions for e in m.entities if e.kind in ("goal", "project")}
        scored = []
        section = pattern("target", "goal_said").search(frame.text)  # 「X的绩效目标要求…」: the section of targets before the project table's text
        for t in targets:
            if frame.unit_word and frame.unit_word != "%" and not t["unit"].endswith(frame.unit_word):
                continue
            if frame.unit_word == "%" and t["unit"] != "%":
                continue
            overlap = _overlap(frame.text, match_form(t["text"]))
            owned = t["owner"] in owners or match_form(t["ownerLabel"]) in owner_labels
            owner = self.lexicon.entities.get(str(t["owner"]).strip("<>"))
            scored.append((overlap + (3 if owned else 0) + (0.5 if owned and section and owner is not None and owner.kind == "goal" else 0), t))
        scored.sort(key=lambda x: -x[0])
        joined = self.joined_targets(frame, doc, scored[0][1]["ownerLabel"]) if scored and scored[0][0] >= 2 else None
        if joined:  # 「检查次数和整改时限是怎么要求的」: each target asked
            text = "；".join(f"{t['ownerLabel']}的绩效目标：{t['text']}" for t in joined) + "。"
            return self.answer(frame, text, None, None, items=[t["text"] for t in joined],
                               sources=[Source(self.doc_title(doc), load_template().sections["goals"], t["ownerLabel"], t["line"]) for t in joined])
        if scored and scored[0][0] >= 2:
            t = scored[0][1]
            cue = t.get("cue") or ""
            text = f"{t['ownerLabel']}的绩效目标：{t['text']}（{_comparator_word(t['comparator'], cue)}{fmt(t['value'], t['unit'])}{t['unit']}）。"
            return self.answer(frame, text, t["value"], t["unit"], sources=[Source(self.doc_title(doc), load_template().sections["goals"], t["ownerLabel"], t["line"])])
        goals = [e for m in frame.mentions for e in m.of("goal")]
        if goals:
            return self.do_describe(frame)
        figures = self.reader.figures(doc)
        same_unit = [f for f in figures if frame.unit_word and f.unit == frame.unit_word]
        if len(same_unit) == 1:
            fact = same_unit[0]
            if apart := _named_apart(frame, fact, figures):
                raise NotAnswerable(f"文件没有给出“{apart}”的数量，只给出{fact.label}{fmt(fact.value, fact.unit)}{fact.unit}")
            return self.answer(frame, f"{fact.label}为{fmt(fact.value, fact.unit)}{fact.unit}（第三部分{fact.section}）。", fact.value, fact.unit, facts=[fact])
        raise NotAnswerable(f"文件中没有以{frame.unit_word}计的数" if frame.unit_word else "没有找到对应的绩效目标")

    def owner_targets(self, doc: str, owner: str) -> list[dict]:
        """The targets one project or key project states, as rows of queries.TARGETS."""
        return [r for r in self.reader.run(queries.TARGETS, doc=node(doc)) if r["ownerLabel"] == owner]

    def joined_targets(self, frame: Frame, doc: str, owner: str) -> list[dict] | None:
        """「全年检查次数和整改时限是怎么要求的」: two things joined in one ask, each answered by the
        owner's target that speaks of it most; one no target speaks of is a refusal naming it; None
        when the question joins no two such things."""
        owners = [(m.start, m.end) for m in frame.mentions if m.of("project", "goal")]
        joined = next((j for j in re.finditer(cue_data("target")["joined_asks"], frame.text)
                       if not any(a < j.end("b") and j.start("a") < b for a, b in owners)), None)  # 「修缮及安全巡查经费」: a joiner inside the owner's name joins nothing
        if joined is None:
            return None
        rows = self.owner_targets(doc, owner)
        found = []
        for part in (joined.group("a"), joined.group("b")):
            best, hits = best_target(rows, [part[k:k + 2] for k in range(len(part) - 1)])
            if best is None or not hits:
                if found:
                    raise NotAnswerable(f"文件没有给出“{owner}”关于“{part}”的绩效目标")
                return None
            found.append(best)
        return found if found[0] is not found[1] else None

    def narrowed_by_spelling(self, frame: Frame) -> None:
        """「办公楼物业管里服务费」: a name written whole with one character wrong is that name, not also the longer names
        holding it (芦湾区办公楼物业管理服务费) that a part of a name links — when the units named hold it
        (「本级那个X」 may be another unit's name) and no bracketed part after it names a member (X（续建）)."""
        for m in frame.mentions:
            if not m.partial or not m.of("project"):
                continue
            part = re.match(r"[(（]([^()（）]{1,6})[)）]", frame.text[m.end:])
            if part and any(match_form(e.label).endswith(part.group(1) + ")") for e in m.entities):
                continue
            close = {e.label for e in m.entities if len(match_form(e.label)) == len(m.surface) and (not frame.docs or e.docs & set(frame.docs))
                     and sum(a != b for a, b in zip(match_form(e.label), m.surface, strict=True)) <= 1}
            if len(close) != 1:
                continue
            if "self_unit" in frame.cues or any(o.of("budget_unit") for o in frame.mentions):
                if not any(p.label in close for d in frame.docs for p in self.unit_scoped(frame, d, self.reader.projects(d))):
                    continue
            m.entities = [e for e in m.entities if e.label in close]

    def narrowed_by_amount(self, frame: Frame) -> None:
        """「292万元的那个“一村一法律顾问”工作经费」「450万元的那个X」 (X beside 岚岗县X): a name with an amount the question
        states right beside it is the one project of its family with that amount (none or two: the name stays as it is)."""
        for m in frame.mentions:
            projects = m.of("project")
            if not projects:
                continue
            before = re.search(r"(\d+(?:\.\d+)?)(?:万元|万)(?:的|那个|那笔|那项|这个|这笔)*[“\"]?$", frame.text[:m.start])
            after = re.match(r"[”\"]?[(（]?(?:约|大约)?(\d+(?:\.\d+)?)(?:万元|万)", frame.text[m.end:])
            said = (before or after)
            if said is None or len(frame.docs) != 1:
                continue
            amount = Decimal(said.group(1))
            held = {match_form(e.label) for e in projects}
            family = [p for p in self.reader.projects(frame.docs[0]) if any(h in match_form(p.label) for h in held)]  # 岚岗县X beside X
            labels = {p.label for p in family if p.value == amount}
            if len(labels) != 1:
                continue
            found = [e for e in self.lexicon.entities.values() if e.kind in ("project", "goal") and e.label in labels and frame.docs[0] in e.docs]
            m.entities = [e for e in m.entities if e.kind not in ("project", "goal") or e.label in labels] or found or m.entities
            m.entities += [e for e in found if e not in m.entities and e.kind == "goal" and m.of("goal")]  # a key project's goal of that one too

    # -------------------------------------------------------------------------------------------------
    def one_doc(self, frame: Frame) -> str:
        if not frame.docs:
            raise NotAnswerable("没有已载入的文件")
        if len(frame.docs) == 1:
            return frame.docs[0]
        entity_docs = [set(e.docs) for m in frame.mentions for e in m.entities if e.docs and e.kind not in ("measure",)]
        if entity_docs:
            common = set.intersection(*entity_docs) & set(frame.docs) if entity_docs else set()
            if len(common) == 1:
                return common.pop()
            union = set.union(*entity_docs) & set(frame.docs)
            if len(union) == 1:
                return union.pop()
        raise Ambiguous([self.doc_title(d) for d in frame.docs], list(frame.docs))


class Ambiguous(Exception):
    """Several documents could answer: the reply asks which one."""

    def __init__(self, titles: list[str], docs: list[str]) -> None:
        self.titles = titles
        self.docs = docs
        super().__init__("、".join(titles))


# ---------------------------------------------------------------------------------------------------
def choose(facts: list[Fact], measure: str | None, frame: Frame, cues: dict) -> list[Fact]:
    """Pick the figures a question means: the column it names (基本支出 …) or each table's first
    column; a table named in the question wins."""
    if not facts:
        return []
    template = load_template()
    spec = cues["measures"].get(measure) if measure else None
    if spec:
        picked = []
        for f in facts:
            table = template.table(f.table) if f.table else None
            if table and spec.get("expenditure") and table.expenditure == spec["expenditure"] and f.first_column:
                picked.append(f)
            elif table and spec.get("fund") and table.fund == spec["fund"] and f.first_column and f.table not in template.per_unit:
                picked.append(f)
            elif f.column == spec["column"]:
                picked.append(f)
        if not picked:
            return []
        facts = picked
        by_table = {}
        for f in facts:
            by_table.setdefault(f.table, f)
        facts = list(by_table.values())
    else:
        facts = [f for f in facts if f.first_column]
    if frame.table:
        facts = [f for f in facts if f.table == frame.table] or facts
    whole = [f for f in facts if not (f.unit_name and f.kind == "item")]
    facts = whole or facts  # 表11's per-unit rows only when the department-wide tables lack the item
    facts.sort(key=lambda f: (f.table or 0, f.row_index or 0))
    return facts


def convert(value: Decimal, unit: str, frame: Frame) -> tuple[Decimal, str]:
    if frame.want_yuan and unit == "万元":
        return value * 10000, "元"
    return value, unit


def single(facts: list[Fact]) -> Fact:
    """One figure for arithmetic: the same value in several tables is one figure."""
    if not facts:
        raise NotAnswerable("没有找到金额")
    values = {f.value for f in facts}
    if len(values) > 1:
        listing = "；".join(f"{f.where().split(' ')[0]} {fmt(f.value, f.unit)}{f.unit}" for f in facts)
        raise NotAnswerable(f"“{facts[0].label}”在不同表中金额不同（{listing}），请说明是哪张表或基本支出/项目支出")
    return facts[0]


def _name(m: Mention, measure: str | None, facts: list[Fact]) -> str:
    label = facts[0].label if facts else (m.entities[0].label if m.entities else m.surface)
    if facts and facts[0].kind == "unit" and len({f.table for f in facts}) == 1 and measure is None:
        measure = load_template().table(facts[0].table).expenditure
    return f"{measure}中的{label}" if measure and measure not in label else label


def _row(f: Fact, reader: FactReader) -> dict:
    return {
        "文件": reader.titles.get(f.doc, f.doc), "表": f.where().split(" ")[0], "行": f.label, "列": f.column or "",
        "金额": str(f.value), "单位": f.unit, "行号": f.line,
    }


def _reason(facts: list[Fact]) -> str:
    """What 第三部分 states beside a figure — the reason for it or its change (「主要原因是…」) and what
    it is mostly spent on (拟购置固定资产…，主要是无人机、计算机等): an answer keeps both."""
    extras = [getattr(f, "extra", {}) for f in facts if f.kind == "figure"]
    details = dict.fromkeys(e.get("detail") for e in extras)
    reasons = dict.fromkeys(e.get("reason") for e in extras)
    return "".join(f"，主要是{d}" for d in details if d) + "".join(f"，主要原因是{r}" for r in reasons if r)


def _units_before_projects(values: list[Mention], text: str, doc: str) -> dict[int, Mention]:
    """A budget unit named right before a project (「普查中心的法律顾问服务经费」) scopes the project;
    it is no operand of its own. The project mention's id → the unit's mention."""
    scoped: dict[int, Mention] = {}
    for unit in values:
        if not any(doc in e.docs for e in unit.of("budget_unit")):
            continue
        after = next((m for m in values if m.start in (unit.end, unit.end + 1) and m.of("project", "goal")), None)
        if after is not None and text[unit.end:after.start] in ("", "的"):
            scoped[id(after)] = unit
    return scoped




def _of_the_fund_named(facts: list[Fact], frame: Frame) -> list[Fact]:
    """The figures from the tables of the one fund the question names (一般公共预算, 政府性基金), when
    the figures come from several tables; none when it names no fund or several."""
    template = load_template()
    negated = rf"(?:{load_cues()['set_apart']}|不含|不算|不要)[^，,。]{{0,3}}$"  # 「（不是一般公共预算那张表的数）」: the other table
    named = {spec.fund for name, spec in template.measures.items() if spec.fund
             and any(not re.search(negated, frame.text[:k.start()]) for a in load_cues()["measures"].get(name, {}).get("aliases", [name])
                     for k in re.finditer(re.escape(match_form(a)), frame.text))}
    if frame.fund:
        named = {frame.fund}
    if len(named) != 1 or len({f.table for f in facts}) < 2:
        return []
    fund = named.pop()
    return [f for f in facts if (t := template.table(f.table)) is not None and t.fund == fund]


def _narrowed_by_words(facts: list[Fact], frame: Frame) -> list[Fact]:
    """Figures of several things one name links, narrowed by the question's own words: a word set
    apart (「不是二期那笔」「不是带十五五的那个」) drops the names holding it; a word the question
    writes that some of the names hold and others lack (「十五五那个X」) keeps those."""
    labels = {match_form(f.label) for f in facts}
    if len(labels) < 2:
        return facts
    set_apart = f"(?:{load_cues()['set_apart']})(?:带|有|叫)?[“\"]?(?P<w>[\u4e00-\u9fff\\d]{{2,6}}?)[”\"]?(?:的|那|这|项目|）|\\)|，|,|$)"
    apart = [m.group("w") for m in re.finditer(set_apart, frame.text)]
    kept = [f for f in facts if not any(w in match_form(f.label) for w in apart)] or facts
    masked = frame.masked()
    words = [w for w in segment.tokenizer().lcut(masked, HMM=False) if len(w) >= 2 and not re.fullmatch(r"[\d年]+", w) and w not in apart]
    held = [w for w in words if 0 < sum(w in match_form(f.label) for f in kept) < len(kept)]
    if held:
        kept = [f for f in kept if all(w in match_form(f.label) for w in held)] or kept
    return kept


def _without_containers(frame: Frame) -> Frame:
    """「政府采购中服务类采购是多少」 asks for the part, not for the whole that contains it."""
    import copy

    values = frame.value_mentions()
    spans = list(frame.name_spans) + [(m.start, m.end) for m in frame.mentions if m not in values]
    named = {k for a, b in spans for k in range(a, b)}  # 「一般公共预算基本支出里X」: a measure between is the container's too

    def gap(a, b) -> str:
        return "".join(ch for k, ch in enumerate(frame.text[a.end:b.start], a.end) if k not in named)

    containers = {
        id(a) for a, b in zip(values, values[1:], strict=False)
        if re.fullmatch(rf"(?:预算|支出|经费)?(?:{honour.container_words()})(?:[,，、]|(?:那|这)一?(?:笔|项|个|款|类)?)?", gap(a, b))  # 里, 那块，, 分货物、工程、服务三类，其中; 里那笔
        or re.fullmatch(r"(?:安排|拨付|列支|用于)[“\"]?", gap(a, b))  # 「财政拨款安排的三公经费」: the source of the thing asked, not a second figure
        or a.end == b.start and b.lies_under(a)  # 「社保经办机构」: the class said right before its own sub-class qualifies it
    }
    if not containers:
        return frame
    wholes = [{e.iri for e in m.entities} for m in values if id(m) in containers]
    containers |= {id(m) for m in values if any({e.iri for e in m.entities} <= w for w in wholes)}  # 「工资构成…工资福利支出里A、B」: the whole said twice
    narrowed = copy.copy(frame)
    narrowed.mentions = [m for m in frame.mentions if id(m) not in containers]
    return narrowed


def purpose_said(text: str) -> bool | None:
    """Whether the projects asked are those whose 表12 line states a goal or use (True), those whose
    line leaves it blank (False, 「哪些项目没写绩效目标」), or any (None)."""
    if re.search(load_cues()["purpose_unsaid"], text):
        return False
    return True if re.search(load_cues()["purpose_said"], text) else None


def _with_set(frame: Frame, set_kind: str) -> Frame:
    changed = copy.copy(frame)
    changed.set_kind = set_kind
    return changed


def _with_measure(frame: Frame, measure: str) -> Frame:
    import copy

    narrowed = copy.deepcopy(frame)
    for m in narrowed.mentions:
        m.measure = m.measure or measure
    return narrowed


def _whole_named(text: str) -> str:
    """The whole that the part of a share question after 占 names, when it names one beyond the
    budget as a whole (empty for 「占多少」「的比例是多少」「占部门预算的比重」)."""
    cues = load_cues()
    fillers = {*cues["intents"]["ratio"], *(w for w in cues["stopwords"] if len(w) == 1), "多少", "百分", "比率"}
    rest = re.sub("|".join(map(re.escape, sorted(fillers, key=len, reverse=True))), " ", text)
    rest = [w for w in re.sub(r"[^\u4e00-\u9fff]", " ", rest).split() if len(w) >= 2]
    if not rest or all(any(w in b for b in cues["whole_budget"]) for w in rest):
        return ""
    named = re.match(r"(?:占|相当于|是|在)?(.+?)(?:的|比例|比重|百分|占比|几成|份额|多少|多大|$)", text)
    return named.group(1) if named else text


AGAINST_LAST = re.compile(r"(?:[比较和跟与同]|对比|相比)(?:上年|去年|上一年|上年度)|(?:上年|去年|上一年)(?:相比|比)")
CHANGE_ASKED = re.compile(r"增加|减少|增长|下降|变化|增减|差|少了|多了|降了|涨了|升了|压减|缩减|下调|上调")
DERIVED = re.compile(r"推算|倒推|反推|推出|算出|还原|(?:数|数字|数据)(?:来|去)?推(?![进动广荐行])|(?:加上|减去|减掉)[^，,。]{0,4}(?:减少|增加|增长|下降)(?:额|数|的数|的金额)")
BASIS = re.compile(r"(?:根据|按照|依据|按|从)[^，,。]{0,10}(?:增减|变化|变动|增加|减少|增长|下降)[^，,。]{0,4}[，,]")  # 「根据说明里的增减情况，」: the way, not what is asked
LAST_VALUE = re.compile(r"(?:上年|去年|上一年|上年度).{0,16}(?:是多少|多少|有多少|预算)(?:万元|万|元|钱)?[?？]?$")


def _asks_last_year_value(frame: Frame) -> bool:
    """「上年的X是多少」「按增减数倒推上年的X」 ask for last year's figure; 「X跟去年比少了多少」
    「比上年减少了多少」 ask for the change."""
    text = BASIS.sub("", frame.text)
    if DERIVED.search(text):
        return True  # 「按比上年减少的数倒推，上年的X是多少」: the change is the way, the figure is asked
    asked = re.split(r"[?？]", text)[0] if re.search(r"[?？].*[\u4e00-\u9fff]", text) else ""  # 「X去年是多少？今年0.7万，比上年多了一点」: the question before what it says
    if asked and LAST_VALUE.search(asked) and not CHANGE_ASKED.search(asked) and not AGAINST_LAST.search(asked):
        return True
    clauses = [c for c in re.split(r"[，,；;。!！?？]", text) if c.strip()]  # 「比上年是增是减？上年大概是多少万元？」: the last ask is last year's figure
    last_asked = LAST_VALUE.search(clauses[-1]) or frame.last_year and re.search(r"(?:19|20)\d{2}年.{0,16}是多少[?？]?$", clauses[-1]) if clauses else None  # 「…那2024年的X是多少」: last year by its number
    if len(clauses) > 1 and last_asked and not CHANGE_ASKED.search(clauses[-1]) and not AGAINST_LAST.search(clauses[-1]):
        return True  # 「X今年比去年压减了0.27万元，那去年X是多少」「…有所减少。那上年是多少」: the change stated before, last year's figure asked last
    if AGAINST_LAST.search(text):
        return False
    return not CHANGE_ASKED.search(text) and bool(frame.last_year or LAST_VALUE.search(text))


JOINED = re.compile(r"和|与|及|跟|同|、|以及|还有|分别|各(?:是|为|有)|哪个|哪一")
DIVIDED_INTO = re.compile(r"(?:分成|分为|分了|包括|包含|(?:下面|底下|里面|里头|当中|之中)(?:还|也)?有)[^，,。？?]*")  # 「X下面还有一项Y」: Y is a part of X
WHOLE_INSIDE = re.compile(r"在(.{2,40}?)(?:预算)?(?:中|里|里面|内|当中|之中|中间)(?:所)?(?:占|的占比|的比例|的比重|的份额)")


def _inside(frame: Frame, measure: str) -> re.Match | None:
    """「在900万元的项目支出里，X…」: the measure written as the whole, with an amount before it if stated."""
    aliases = "|".join(map(re.escape, sorted((match_form(a) for a in _measure_aliases(frame, measure)), key=len, reverse=True)))
    whole = load_cues()["measure_whole_words"]
    return re.search(rf"(?:(?P<v>\d+(?:\.\d+)?)(?P<u>亿元|亿|万元|万)?)?(?:{aliases})(?:这个|那个)?(?:{whole})?(?:里面|里头|里|中|当中|之中|内)"
                     rf"|(?:按|从)[\u4e00-\u9fff]{{0,8}}?(?:{aliases})(?:[(（][^()（）]*[)）])?来?看"
                     rf"|^(?:只)?看[\u4e00-\u9fff]{{0,8}}?(?:{aliases})(?:[(（][^()（）]*[)）])?[,，]", frame.text)  # 「按一般公共预算基本支出（经济分类）看，X占比」「看W（按经济分类），X所占比重」


def _measure_inside(before: Frame) -> list[str]:
    """A free measure the part is said to be inside (「在项目支出里，租赁费占多大比重」): the whole."""
    return [m for m in before.measures if _inside(before, m)][:1]


def _check_stated_whole(before: Frame, measure: str, facts: list[Fact]) -> None:
    """An amount the question states for the whole (「在900万元的项目支出里」) must be that whole's."""
    match = _inside(before, measure)
    if match and match.group("v") and facts:
        stated = Decimal(match.group("v")) * (10000 if match.group("u") in ("亿", "亿元") else 1)
        if stated != facts[0].value:
            raise NotAnswerable(f"问题说{measure}是{fmt(stated)}万元，文件中是{fmt(facts[0].value)}万元")


def _larger(operand: tuple[str, list[Fact]]) -> Decimal:
    """An operand's largest figure: of two things named before 占 by totals and measures (whose
    order the frame does not keep), the whole is the one that holds the other."""
    return max(f.value for f in operand[1])


def projects_table_named(frame: Frame) -> bool:
    """Whether the question reads its text in the projects' table (表12, or 项目支出表 / 项目表 by name)."""
    spec = load_template().by_layout("projects")
    return frame.table == spec.number or bool(re.search(r"项目(?:支出)?(?:预算)?(?:明细)?表", frame.text))


def _check_ratio_pair(text: str, numerator: tuple[str, Fact], denominator: tuple[str, Fact]) -> None:
    """A share is computed only of a part the whole holds: same scope, same unit, a whole above zero."""
    (name_n, part), (name_d, whole) = numerator, denominator
    if whole.kind in ("project", "goal") and part.kind not in ("project", "goal"):  # 「宣传工作经费那500万里面，印刷费占多少」
        raise NotAnswerable(f"文件没有给出“{whole.label}”按经济科目的分解，{name_n}是全部门的数，不是这个项目里的")
    if whole.kind == "unit" and part.unit_name != whole.label:  # 「图书馆基本支出中X占几成」 with X department-wide
        raise NotAnswerable(f"找到的{name_n}是全部门的数，不是{whole.label}的，不能算它占{whole.label}的比例")
    if (part.unit or "万元") != (whole.unit or "万元"):  # 「固定资产里车辆占了多少金额」: 2辆 is no part of 1586万元
        raise NotAnswerable(f"{name_n}是以{part.unit}计的数，{name_d}是以{whole.unit}计的金额，文件没有给出{name_n}的金额，无法计算占比")
    if whole.value == 0:
        raise NotAnswerable(f"{name_d}为0，无法计算比例")
    if part.value > whole.value > 0 and "占" in text and not re.search(r"相当于|几倍|多少倍|倍数", text):
        raise NotAnswerable(f"{name_n}（{fmt(part.value, part.unit)}{part.unit}）大于{name_d}（{fmt(whole.value, whole.unit)}{whole.unit}），部分和整体没有对上")


def _share_sentence(frame: Frame) -> tuple[int, int]:
    """Where the part is read (start) and where the whole begins (cut). A question saying 占 twice reads
    the last 占 with a name before it in its own clause (「政府采购里货物应该占了大头吧？请算一下货物类采购预算占
    政府采购总额的比例」: the part is in the clause that asks); else the whole question up to its first cue."""
    said = [m.start() for m in re.finditer("占", frame.text)]
    for at in reversed(said[1:] if len(said) > 1 else []):
        a = max(frame.text.rfind(ch, 0, at) for ch in "。！!？?；;，,") + 1
        if any(a <= m.start and m.end <= at for m in frame.value_mentions()):
            return a, at
    return 0, _ratio_cut(frame.text)


def _ratio_cut(text: str) -> int:
    for cue in ("占", "相当于", "是", "在"):
        position = text.find(cue)
        if position > 0:
            return position
    return len(text)


def _subframe(frame: Frame, start: int, end: int) -> Frame:
    import copy

    sub = copy.copy(frame)
    sub.mentions = [m for m in frame.mentions if start <= m.start < end]
    text = frame.text[start:end]
    sub.measures = [name for name in frame.measures if any(match_form(a) in text for a in _measure_aliases(frame, name))]
    sub.totals = [t for t in frame.totals if any(match_form(a) in text for a in _total_aliases(t))]
    return sub


def _measure_aliases(frame: Frame, name: str) -> list[str]:
    from qa.lexicon import load_cues

    return load_cues()["measures"].get(name, {}).get("aliases", [name])


def _total_aliases(name: str) -> list[str]:
    from qa.lexicon import load_cues

    return load_cues()["totals"].get(name, []) + [name]


TOPIC = re.compile(r"(?:在|关于|涉及|有关)([\u4e00-\u9fff]{2,10}?)(?:方面|领域|工作方面|相关)|关于([\u4e00-\u9fff]{2,10}?)(?:是|的|怎么|有)|(?:跟|与|和)([\u4e00-\u9fff]{2,10}?)(?:有关|相关)")


def best_target(rows: list[dict], grams: list[str]) -> tuple[dict | None, int]:
    """The target whose text holds the most of the question's two-character pieces, and how many."""
    hits = {id(r): sum(g in match_form(r["text"]) for g in grams) for r in rows}
    best = max(rows, key=lambda r: hits[id(r)], default=None)
    return best, hits[id(best)] if best is not None else 0


def _quoted_left_out(frame: Frame) -> str | None:
    """A quoted passage the question leaves out (除了“X”这条以外), as written."""
    words = "|".join(honour.excluding_words())
    found = re.search(rf"(?:{load_cues()['set_apart']}|{words})[“\"]([^”\"]{{2,60}})[”\"]", frame.question or "")
    return found.group(1) if found else None


def _topic(frame: Frame, texts: list[str]) -> tuple[str | None, list[tuple[int, str]]]:
    """The topic a question narrows a list of texts to (「在信息安全方面」, or the nouns no name or cue
    word takes: 「对粮食生产资金是怎么规定的」) and the texts that speak of it most, when some and not
    all do. Nouns that no text holds and no other noun narrows: the list does not speak of them."""
    match = TOPIC.search(frame.text)
    partial = [m.surface for m in frame.mentions if m.partial or m.kinds() <= {"classification", "line_item"}]  # 「跟耕地保护有关的那一条」「在社区矫正这块」: a name is a word here
    nouns = [next(g for g in match.groups() if g)] if match else [n for n in partial + frame.free_nouns() if n not in GENERIC_NOUNS]
    if match and not any(nouns[0] in match_form(t) for t in texts):  # 「跟镇街耕地保护有关的」: its words, when no text writes it whole
        nouns = [w for w in segment.tokenizer().lcut(nouns[0], HMM=False) if len(w) >= 2 and w not in GENERIC_NOUNS] or nouns
    hits = [(sum(n in match_form(t) for n in nouns), k, t) for k, t in enumerate(texts)]
    best = max((h for h, _, _ in hits), default=0)
    picked = [(k, t) for h, k, t in hits if h == best and h]
    if not nouns or len(picked) == len(texts):
        return None, []
    if not picked:
        raise NotAnswerable(f"这些条目中没有提到“{'、'.join(nouns)}” (none of them speaks of it)")
    return "、".join(n for n in nouns if any(n in match_form(t) for _, t in picked)), picked


def _overlap(question: str, text: str) -> int:
    grams = {question[k: k + 2] for k in range(len(question) - 1)}
    return sum(1 for k in range(len(text) - 1) if text[k: k + 2] in grams)


def _op_word(operator: str | None) -> str:
    return {">=": "不少于", ">": "超过", "<=": "不超过", "<": "不足"}.get(operator or "", "")


def _named_apart(frame: Frame, fact: Fact, figures: list[Fact]) -> str | None:
    """「今年拟购服务器几台」 beside the only figure in 台 (单价100万元以上的设备): a thing the document
    names only as what a figure is spent on (拟购置固定资产…，主要是服务器) is not counted by another
    figure whose label does not name it."""
    details = "".join(f.extra.get("detail") or "" for f in figures)
    label = match_form(fact.label)
    return next((w for w in frame.free_nouns(known=True) if w in details and match_form(w) not in label), None)


def _comparator_word(comparator: str, cue: str) -> str:
    return {">=": "不少于", ">": "高于", "<=": "不超过", "<": "低于", "=": ""}.get(comparator, cue)


def _citation_name(row: dict) -> str:
    title, number, label = row.get("title"), row.get("number"), row.get("label")
    if title and number and number not in title:
        return f"《{title}》（{number}）"
    if title:
        return f"《{title}》"
    return number or label



def _citing_words(purpose: str, rows: list[dict]) -> str:
    """The clause of a project's text that cites the documents found, in its own words (「按照桐溪发[2020]30号
    文件要求」): what a reader quotes beside the document's name."""
    serials = [m.group(0) for r in rows for m in [re.search(r"\d+号", str(r.get("number") or r.get("label") or ""))] if m]
    clauses = re.findall(r"[^，,。；;]+", purpose)
    cited = [c for c in clauses if any(n in c for n in serials)]
    return "，".join(cited)

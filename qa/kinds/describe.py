"""describe: what an entity's own text says about it (purpose, reason, basis, place, coverage,
nature), answered with the sentences of that text that best match the question (BM25 over
jieba words), each quoted with its source line. A question word the text does not hold is
a refusal naming it, never another entity's text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.parsing.targets import find_targets
from kg.template import load_template
from qa import clauses, honour, queries
from qa.answer import Answer, Source, fmt
from qa.execute import NotAnswerable, projects_table_named
from qa.facts import node
from qa.kinds.base import Context, Reading, Slot, cue_data, pattern
from qa.known import in_own_body, of_the_document
from qa.lexicon import Entity, Mention, load_cues, match_form
from qa.segment import content_nouns, says_something, tokenizer

NAME = "describe"
TEXT_LACKS = "its text does not speak of it"  # a refusal that asking each clause apart may answer (qa/clauses.py)
COUNT_SCORE = 0.78  # a count the entity's own text states beats a target reading of the same words (0.75)
TEXT_KINDS = ("project", "internal_unit", "goal", "figure", "budget_unit", "department", "term")


@dataclass(frozen=True)
class Passage:
    """A sentence of an entity's text and where it stands."""

    text: str
    section: str  # 表12 …, 第一部分二 …
    row: str
    line: int | None


def _doc_of(ctx: Context) -> str | None:
    """The one document the question is asked of; None without an executor, or with several
    documents and none chosen (the classic chain then says which)."""
    if ctx.executor is None:
        return None
    try:
        return ctx.executor.one_doc(ctx.frame)
    except Exception:  # NotAnswerable / Ambiguous: not this kind's to say
        return None


def _subjects(ctx: Context) -> list[Mention]:
    frame = ctx.frame
    found = [m for m in frame.mentions if m.of(*TEXT_KINDS)]
    if any(not m.kinds() <= {"department"} for m in found):
        found = [m for m in found if not m.kinds() <= {"department"}]  # the department is the scope
    if any(m.of("figure", "project", "goal") and not (m.partial or m.fuzzy) and not m.of("department") for m in found):
        found = [m for m in found if not m.of("department")]  # 「档案馆今年拟购置哪些固定资产」: the department (a class's name too) is the scope
    if any(m.of("project", "goal") for m in found):
        found = [m for m in found if not _scoping_unit(m)]  # 「发展中心的宣传工作经费」: the unit is the scope
    container = re.compile(rf"(?:{honour.container_words()})的?")
    found = [m for k, m in enumerate(found) if not (k + 1 < len(found) and container.fullmatch(frame.text[m.end:found[k + 1].start]))]  # 「三公经费里的X」: X's text
    asks_set = (frame.cues & {"list", "count", "sum", "max", "min"} or "whichone" in frame.cues and "describe" not in frame.cues
                or frame.intent == "list" or frame.set_kind not in ("projects", "key_projects"))  # 「哪个项目」, not 「在…建设项目方面负责什么」
    if frame.set_kind and asks_set and not any(m.of("project", "goal", "internal_unit") for m in found):
        return []  # 「文化馆有哪些项目」「政府性基金项目有哪些」 ask for a set, not for a text
    offices = [m for m in found if m.of("internal_unit")]
    duty = len(offices) == 1 and re.search(load_cues()["duty_asked"], frame.text[offices[0].end:])  # 「办公室这个机构承担哪些工作」: its duties
    if frame.set_kind == "internal_units" and not duty and ("list" in frame.cues or "哪" in frame.text and not offices):
        return []  # 「有哪几个股（连办公室算上）」: the set of internal units, one of them named inside it; 「全民健身是哪个股负责的」: which office
    return found


def _scoping_unit(mention: Mention) -> bool:
    return bool(mention.of("budget_unit")) and not mention.of("project", "goal")


def _scoping_units(ctx: Context) -> set[str]:
    """The units the question names beside a project (「发展中心的宣传工作经费」): of two projects
    of one name, the one listed under the named unit (表12) is read."""
    units = {e.label for m in ctx.frame.mentions if _scoping_unit(m) for e in m.of("budget_unit")}
    if any(match_form(w) in ctx.frame.text for w in cue_data("unit_scope")["self_words"]):  # 「本级的X」
        units |= {d.name for d in ctx.lexicon.documents.values() if d.iri in ctx.frame.docs}
    return units


def _listed_under(entity: Entity, executor, units: set[str]) -> bool:
    rows = executor.reader.run(queries.PROJECT, project=node(entity.iri))
    return any(r["unitName"] in units for r in rows)


def _located(chosen: list | None) -> bool:
    """Whether the sentences chosen state an address or a place (X路N号, 位于, 坐落, 设在区政府6楼)."""
    return chosen is not None and re.search(r"[路街巷]\d*号|地址|位于|坐落|设在|设于|\d+[楼层]", "".join(p.text for p in chosen)) is not None


class Describe:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        text = frame.text
        if frame.set_kind == "key_projects":
            return None  # 「重点项目的绩效目标是怎么定的」: the key projects' targets, not the department's text
        if pattern(NAME, "composition_asked").search(text):
            return _composition(ctx)
        if frame.table and pattern(NAME, "note_asked").search(text):
            return _table_note(ctx, frame.table)
        if frame.set_kind == "duties" and not any(m.of("internal_unit") for m in frame.mentions):
            return None  # 「在主要职责里，跟耕地保护有关的那一条」: the duties that speak of it (a list narrowed), not a project's text
        if (detailed := _figure_detail(ctx)) is not None:
            return detailed
        subjects = _subjects(ctx) or _project_of_amount(ctx) or _defined_names(ctx)
        owner = pattern(NAME, "asks_owner").search(text)
        classes_only = bool(frame.mentions) and all(m.kinds() <= {"classification", "line_item", "term"} for m in frame.mentions)
        if not subjects and owner and (not frame.mentions or classes_only and re.search(r"项目|经费|资金|专项", owner.group(0))):
            return _text_owner(ctx)  # 「执法记录仪是哪个项目买的」「公共卫生是哪个项目的」: the project whose text says it
        if not subjects or not (pattern(NAME, "asks_text").search(text) or pattern(NAME, "asks_count").search(text)):
            return None
        counted = pattern(NAME, "asks_count").search(text)
        if pattern(NAME, "asks_amount").search(re.sub(pattern(NAME, "count_totals"), " ", text) if counted else text) or frame.measures or frame.totals or frame.threshold is not None:
            return None
        if "citation" in frame.cues and pattern(NAME, "asks_document").search(text) and any(m.of("project") for m in subjects):
            return None  # which document a project cites: the citation kind (not 「按文件的说法」, the document itself)
        subjects = list({frozenset(e.iri for e in m.entities): m for m in subjects}.values())  # one thing named twice
        subject_iris = {e.iri for m in subjects for e in m.entities}
        if frame.cues & {"definition", "glossary"} and any(e.kind == "term" and e.iri in subject_iris and match_form(e.label) == m.surface for m in frame.mentions for e in m.entities):
            return None  # 「行政经费（机关运行经费）是什么」 names a glossary entry whole, with its alias: the definition
        kinds = {k for m in subjects for k in m.kinds()}
        own_text = kinds & {"project", "internal_unit", "goal", "budget_unit", "department"}
        if "reason" in frame.cues and not own_text:
            return None  # why a stated figure changed: the year-over-year kind quotes the stated reason
        if "reason" in frame.cues and own_text <= {"budget_unit", "department"} and ("yoy" in frame.cues or re.search(pattern(NAME, "change_words"), f"{frame.context}{text}{frame.question or ''}")):
            return None  # 「教育局的预算一下子涨了这么多，什么原因」: the stated reason of the change, not the body's duties
        glossary = bool(frame.cues & {"glossary", "definition"}) and not own_text and "term" not in kinds
        if glossary and not pattern(NAME, "asks_definition").search(text):
            return None
        text_kinds = {e.kind for m in subjects for e in m.of(*TEXT_KINDS)}  # 图书馆 is a class too; its text is the unit's
        if len({id(m) for m in subjects}) > 1 and not text_kinds <= {"budget_unit", "department"}:
            return None  # two things named: a comparison or a list, not one text
        slots = [Slot("entity", m, (m.start, m.end)) for m in subjects]
        slots.append(Slot("words", _query_words(ctx, subjects), (0, len(text))))
        if glossary:  # 「公务用车运行维护费反映哪些支出」: the glossary entry that speaks of this name
            slots.append(Slot("glossary", True, (0, len(text))))
        reading = Reading(NAME, 0.7, slots, checks_words=True)
        if counted:  # 「覆盖了多少个村」: the text's own count, when it states one; a target's otherwise
            asked = list(pattern(NAME, "asks_count").finditer(text))  # 「覆盖了多少个镇街、多少个村社区」: two counts, no one target answers both
            nouns = [text[c.end():c.end() + 1] for c in asked] if len(asked) > 1 else [text[counted.end():counted.end() + 1]]
            if glossary or not own_text & {"project", "goal", "internal_unit"} or not all(self._states_count(reading, ctx, counted.group("unit"), n, len(asked) == 1) for n in nouns):
                return None
            reading.score = COUNT_SCORE
        return reading

    def _states_count(self, reading: Reading, ctx: Context, unit: str, noun: str = "", one_asked: bool = True) -> bool:
        """Whether the sentences of the entity's text that answer the question state a number in `unit`; a target in
        that unit answers instead, unless it counts another thing (覆盖镇（街）不少于4个 for 多少个村)."""
        executor, doc = ctx.executor, _doc_of(ctx)
        if doc is None:
            return False
        labels = {match_form(e.label) for m in reading.slot_values("entity") for e in m.entities}
        targets = executor.reader.run(queries.TARGETS, doc=node(doc))
        if one_asked and any(match_form(t["ownerLabel"]) in labels and unit in t["unit"] and (not re.match(r"[\u4e00-\u9fff]", noun) or noun in t["text"]) for t in targets):
            return False  # the owner's performance target in that unit answers it (the target kind)
        chosen = _best(self.passages(reading, ctx, executor, doc), reading.slot("words"))
        counted = re.escape(unit) + (re.escape(noun) if re.match(r"[\u4e00-\u9fff]", noun) else "")  # 多少个村: a number of 个村, not 不少于5个 (镇)
        return bool(chosen) and re.search(rf"\d+(?:\.\d+)?{counted}", match_form("".join(p.text for p in chosen))) is not None

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        if (fact := reading.slot("detail")) is not None:  # the figure with the things its sentence lists; its amount given when asked too (（金额也顺便说下）)
            sized = [c for c in re.split(r"[，,。；;？?！!（）()]", frame.text) if not re.search(pattern(NAME, "size_said"), c)]
            value, unit = (fact.value, fact.unit) if pattern(NAME, "asks_amount").search("，".join(sized)) else (None, None)
            return executor.answer(frame, f"{fact.label}为{fmt(fact.value, fact.unit)}{fact.unit}（{fact.where()}），主要是{fact.extra['detail']}。", value, unit, facts=[fact])
        doc = executor.one_doc(frame)
        if "list" in frame.cues and not honour.acts_asked(frame.text) and _has_parts(reading, executor, doc):
            return executor.do_list(frame)  # 「固定资产列了哪几类」: the parts of a figure are a list
        if reading.slot("found"):
            passages = reading.slot("found")
        else:
            passages = _glossary(reading, executor, doc) if reading.slot("glossary") else self.passages(reading, ctx, executor, doc)
        if not passages:
            raise NotAnswerable("文件中没有这一项的文字说明")
        words = reading.slot("words")
        if reading.slot("glossary"):  # the sentence that has the name as its subject, the earliest
            name = _name_of(reading)
            own = [p for p in passages if name in match_form(p.row)]  # the entry of that name, whole
            naming = [p for p in passages if name in match_form(p.text)] or passages
            first = min(naming, key=lambda p: match_form(p.text).find(name))
            at = passages.index(first)
            after = passages[at + 1:at + 2]
            chosen = own or [first] + [p for p in after if re.match(r"(?:具体|主要)?(?:包括|包含)", p.text)]  # 「…指…。具体包括：…」 kept whole
            unsaid = [w for w in content_nouns("，".join(words)) if not any(w in match_form(p.text) for p in passages)]
            if unsaid:  # 「公务车是什么品牌」: the glossary does not speak of it
                raise NotAnswerable(f"文件对“{name}”的说明中没有提到“{'、'.join(unsaid)}”")
        else:
            chosen = _best(passages, words)
        if chosen is None and _bodies_only(reading):  # 「某中心为什么要花钱租车」: the body's project that speaks of it
            owned = _project_speaking(executor, doc, words)
            if owned:
                passages = owned
                chosen = _best(owned, words) or owned
        unsaid = [w for w in words if w in frame.unknown and re.search(rf"(?:哪|什么)[一家个位种些类所]*{re.escape(w)}", frame.text)
                  and not any(_says(p.text, w) for p in chosen or [])]
        if chosen is not None and unsaid:  # 「X是哪家运营商提供的」: the noun asked for, which no document holds, is not in the sentences chosen by another word
            raise NotAnswerable(f"文件对“{chosen[0].row}”的说明中没有提到“{'、'.join(unsaid)}” ({TEXT_LACKS})")
        if pattern(NAME, "asks_place").search(frame.text) and (all(m.kinds() <= {"figure"} for m in reading.slot_values("entity"))
                                                               or pattern(NAME, "asks_address").search(frame.text) and not _located(chosen)):  # 「服务中心在哪条路上」: no address in its text
            raise NotAnswerable(f"文件没有写明“{passages[0].row}”的位置 ({TEXT_LACKS})")  # 「这些房子在哪个位置」: a figure's text says how much, never where
        venue = pattern(NAME, "asks_venue").search(frame.text)
        if venue and chosen is not None and not pattern(NAME, "venue_named").search(said := "".join(p.text for p in chosen)) \
                and not (venue.group("noun") and venue.group("noun") in said):  # 「运动会在哪个场地举办」: the project's purpose says no place
            raise NotAnswerable(f"文件没有写明“{chosen[0].row}”在哪里举办 ({TEXT_LACKS})")
        if chosen is not None and pattern(NAME, "asks_firm").search(frame.text) and not re.search(ctx.lexicon.cues["firm_named"], "".join(p.text for p in chosen)):
            raise NotAnswerable(f"文件对“{chosen[0].row}”的说明中没有写明是哪家单位或公司 ({TEXT_LACKS})")  # 「这个第三方具体是哪家单位」
        if chosen is None:
            missing = "、".join(w for w in words if not any(w in p.text for p in passages))
            raise NotAnswerable(f"文件对“{passages[0].row}”的说明中没有提到“{missing}” ({TEXT_LACKS})")
        body = "".join(p.text for p in chosen)
        unnamed = _places_unnamed(frame.text, body)
        if unnamed:
            raise NotAnswerable(f"文件没有列出具体是哪些{unnamed}，只说了“{chosen[0].row}”的总体安排")
        if re.search(r"[各每][^，,。？?、]{0,4}(?:多少|几)", frame.text) and len(set(re.findall(r"\d[\d,.]*", body))) <= 1:
            raise NotAnswerable(f"文件没有分项给出“{chosen[0].row}”各部分的数，只说了总体安排 (no figure for each part)")  # 「具体买了哪些物资、各买多少数量」
        title = executor.doc_title(doc)
        rows = list(dict.fromkeys(p.row for p in chosen))  # 「文化馆那个项目」 with two projects: each under its name
        said = "；".join(f"{row}：{''.join(p.text for p in chosen if p.row == row).rstrip('。')}" for row in rows) + "。"
        answer = f"{executor.prefix(frame, doc)}{said}"
        sources = [Source(title, p.section, p.row, p.line) for p in chosen]
        value, unit = _count_stated(frame.text, body)
        if value is None and re.search(r"要求|目标|指标", frame.text) and not re.search(r"哪些|内容|包括|包含|什么", frame.text):  # 「绩效目标对满意度是怎么要求的」: the one target quoted
            targets = find_targets(body, plain_counts=False)
            value, unit = (targets[0].value, targets[0].unit) if len(targets) == 1 else (None, None)
        several = len(pattern(NAME, "asks_count").findall(frame.text)) > 1  # 「多少个镇街、多少个村社区」: the text answers both, no one number
        value, unit = (None, None) if several else (value, unit)
        if value is None and reading.score == COUNT_SCORE and not several and not _range_stated(frame.text, body):  # 「一共有几个示范村」: the text counts other things (1-2个自然村)
            raise NotAnswerable(f"文件对“{rows[0]}”的说明没有给出问的这个数目 (the count asked is not stated)")
        return executor.answer(frame, answer, value, unit, sources=list(dict.fromkeys(sources)))

    def passages(self, reading: Reading, ctx: Context, executor, doc: str) -> list[Passage]:
        """The text of the entity named; among equally named candidates (a part of a name that
        several names share), the one whose text holds most of the question's words."""
        definition = bool(pattern(NAME, "asks_definition").search(ctx.frame.text))
        words = reading.slot("words")
        out: list[Passage] = []
        units = _scoping_units(ctx)
        for mention in reading.slot_values("entity"):
            own = _units_project(ctx, mention, executor, doc)
            if own is not None:  # 「文化馆那个项目是干什么的」: the unit's one project
                out.extend(own)
                continue
            goal_first = "performance" in ctx.frame.cues
            entities = sorted(mention.of(*TEXT_KINDS), key=lambda e: (not (e.kind == "term" and match_form(e.label) == mention.surface),  # 「行政经费（机关运行经费）是用来干什么的」: the entry named whole
                                                                        (e.kind != "term") if definition else (e.kind == "term"),
                                                                        (e.kind != "goal") if goal_first else (e.kind == "goal")))
            if units and mention.of("project"):
                listed = [e for e in mention.of("project") if _listed_under(e, executor, units)]
                if not listed:
                    continue  # a project of another unit: not the named unit's
                entities = [e for e in entities if e.kind != "project" or e in listed]
            texts = []
            for entity in entities + [e for e in mention.alternatives if e.kind in TEXT_KINDS]:
                if entity.docs and doc not in entity.docs:
                    continue
                found = _texts(entity, executor, doc)
                if found:  # a project and its key-project goal are one name: the text holding more of the words
                    texts.append(found)
            if mention.partial and words and not any(_held(t, words) for t in texts):  # a part of a name its own text speaks of
                texts += [found for entity in _spoken_of(mention, executor, doc, ctx) if (found := _texts(entity, executor, doc))]
            if texts and projects_table_named(ctx.frame):  # 「项目支出表里对X是怎么说明的」: the project's own line of 表12, not its target
                texts = [t for t in texts if any(p.section.startswith("表") for p in t)] or texts
            if texts:
                out.extend(max(texts, key=lambda t: _held(t, words)))
        first: dict[str, Passage] = {}
        for p in out:  # two units of one composition text: its sentences once
            first.setdefault(p.text, p)
        return list(first.values())


def _defined_names(ctx: Context) -> list[Mention]:
    """「行政经费是怎么定义的」: a class or table line asked what it means — its definition is read
    in the glossary or in the explanation, not its figure."""
    if not ctx.frame.cues & {"definition", "glossary"} or not pattern(NAME, "asks_definition").search(ctx.frame.text):
        return []
    return [m for m in ctx.frame.mentions if m.kinds() <= {"classification", "line_item"}][:1]


def _project_of_amount(ctx: Context) -> list[Mention]:
    """「旅游宣传那笔45万花在哪些地方」: a class's name (旅游宣传) with an amount stated that one
    project holding that name has — that project is meant, as a mention of it."""
    executor, frame = ctx.executor, ctx.frame
    stated = _amounts_stated(frame.text)
    named = [m for m in frame.mentions if m.of("classification", "line_item") and not m.of(*TEXT_KINDS)]
    doc = _doc_of(ctx) if stated and len(named) == 1 else None
    if doc is None:
        return []
    word = named[0].surface
    fitting = [f for f in executor.reader.projects(doc) if word in match_form(f.label) and f.value in stated]
    entity = ctx.lexicon.entities.get(fitting[0].iri) if len({f.iri for f in fitting}) == 1 else None
    return [Mention(named[0].start, named[0].end, named[0].surface, [entity])] if entity is not None else []


def _units_project(ctx: Context, mention: Mention, executor, doc: str) -> list[Passage] | None:
    """A unit named right before 项目 (「文化馆那个项目」「图书馆的项目」) points at its project: the
    text of the projects listed under it in 表12 (each under its name), or of the one whose amount
    the question states; None when the mention is no such pointer, no passage when it picks out none."""
    if not mention.of("budget_unit") or mention.of("project", "goal") or not re.match(cue_data(NAME)["unit_project"], ctx.frame.text[mention.end:]):
        return None
    units = {e.label for e in mention.of("budget_unit")}
    facts = list({f.iri: f for f in executor.reader.projects(doc) if f.unit_name in units}.values())
    stated = _amounts_stated(ctx.frame.text)
    if stated and sum(f.value for f in facts) not in stated:  # 37.5万 of a unit with 25 + 12.5: both
        facts = [f for f in facts if f.value in stated]
    table = load_template().by_layout("projects").name
    return [p for f in facts for p in _split(f.extra.get("purpose"), table, f.label, f.line)]


def _text_owner(ctx: Context) -> Reading | None:
    """「执法记录仪是哪个项目买的」: the one project whose own text holds the question's words."""
    executor = ctx.executor
    words = list(dict.fromkeys([match_form(m.surface) for m in ctx.frame.mentions] + _query_words(ctx, [])))  # a class's name is a word here
    if not content_nouns("，".join(words)) or ctx.frame.cues & {"yoy", "reason", "compare", "ratio", "sum", "max", "min", "count"}:
        return None
    doc = _doc_of(ctx)
    if doc is None:
        return None
    texts = [_split(r.get("purpose"), load_template().by_layout("projects").name, r["label"], r["line"])
             for r in executor.reader.run(queries.PROJECT, doc=node(doc))]
    held = [(len({w for w in words if any(w in match_form(p.text) for p in t)}), t) for t in texts if t]
    best = max((n for n, _ in held), default=0)
    owners = [t for n, t in held if n == best]
    if best * 2 < len(words) or len(owners) != 1:
        return None
    return Reading(NAME, 0.7, [Slot("found", owners[0], (0, len(ctx.frame.text))), Slot("words", words, (0, len(ctx.frame.text)))],
                   checks_words=True)


def _table_note(ctx: Context, number: int) -> Reading | None:
    """「表1下面的注释原文是怎么写的」: the note printed under the table, as written."""
    executor, doc = ctx.executor, _doc_of(ctx)
    if doc is None:
        return None
    rows = [r for r in executor.reader.run(queries.TABLE_NOTES, doc=node(doc)) if r["number"] == number]
    span = (0, len(ctx.frame.text))
    found = [Passage(r["note"] if r["note"].startswith("注") else f"注：{r['note']}", f"表{number} {r['title']}", f"表{number}的注", r.get("line")) for r in rows]
    return Reading(NAME, 0.8, [Slot("found", found, span), Slot("words", [], span)], checks_words=True) if found else None


def _composition(ctx: Context) -> Reading | None:
    """「部门预算里有没有把区属中小学的预算一起算进去」: the document's own words on which units its
    budget takes in."""
    executor, doc = ctx.executor, _doc_of(ctx)
    if doc is None:
        return None
    section = load_template().sections["composition"]
    found = [p for r in executor.reader.run(queries.COMPOSITION, doc=node(doc)) for p in _split(r["text"], section, "部门预算单位构成", r["line"])]
    span = (0, len(ctx.frame.text))
    return Reading(NAME, 0.8, [Slot("found", found, span), Slot("words", [], span)], checks_words=True) if found else None


def _bodies_only(reading: Reading) -> bool:
    return all(m.kinds() <= {"department", "budget_unit"} for m in reading.slot_values("entity"))


def _project_speaking(executor, doc: str, words: list[str]) -> list[Passage]:
    """The text of the one project whose name or text holds the question's words (租车 is
    said by 车辆租赁经费: its name holds each character), when it holds all of them."""
    held = []
    for row in executor.reader.run(queries.PROJECT, doc=node(doc)):
        label, text = match_form(row["label"]), row.get("purpose") or ""
        count = sum(1 for w in words if _says(text, w) or set(w) <= set(label))
        held.append((count, row))
    best = max((n for n, _ in held), default=0)
    owners = [row for n, row in held if n == best]
    if not best or best < len(words) or len(owners) != 1:
        return []
    row = owners[0]
    return _split(row.get("purpose"), load_template().by_layout("projects").name, row["label"], row["line"])


def _held(passages: list[Passage], words: list[str]) -> int:
    return sum(w in p.text for w in words for p in passages)


def _spoken_of(mention: Mention, executor, doc: str, ctx: Context) -> list[Entity]:
    """Other projects whose name and text hold the partial name (「三资监管平台」 is written out in the
    text of the platform's upkeep project): their text may be the one the question asks of."""
    surface = mention.surface
    grams = {surface[k:k + 2] for k in range(len(surface) - 1)}
    out = []
    for row in executor.reader.run(queries.PROJECT, doc=node(doc)):
        entity = ctx.lexicon.entities.get(row["project"])
        said = match_form(row["label"] + (row.get("purpose") or ""))
        if entity is not None and entity not in mention.entities and grams and sum(g in said for g in grams) * 4 >= len(grams) * 3:
            out.append(entity)
    return out


def _places_unnamed(question: str, body: str) -> str | None:
    """The place noun of 「哪几个村」「哪些镇」 when the text names no such place (only 各镇、村)."""
    places = "|".join(sorted(cue_data(NAME)["named_places"], key=len, reverse=True))
    asked = re.search(rf"哪(?:几|些)个?(?P<x>{places})", question)
    if not asked:
        return None
    x = asked.group("x")
    body = re.sub("|".join(cue_data(NAME)["place_common_words"]), "，", body)
    named = re.search(rf"(?<![各全每、（(])[\u4e00-\u9fff]{{2,6}}{x}", body)
    return None if named and not re.fullmatch(rf"[各全每所有本]+.*{x}", named.group(0)) else x


def _name_of(reading: Reading) -> str:
    mention = reading.slot("entity")
    return match_form(mention.entities[0].label) if mention.entities else mention.surface


def _glossary(reading: Reading, executor, doc: str) -> list[Passage]:
    """The sentences of glossary entries (第四部分) that name the class or figure asked about."""
    name = _name_of(reading)
    rows = executor.reader.run(queries.TERMS_OF_DOC, doc=node(doc))
    out = []
    for r in rows:
        for p in _split(r["definition"], load_template().sections["glossary"], r["label"], r["line"]):
            if name in match_form(p.text) or name in match_form(r["label"]):
                out.append(p)
    return out or _defined_in_text(name, executor, doc)


def _defined_in_text(name: str, executor, doc: str) -> list[Passage]:
    """「行政经费（机关运行经费）指用于…」: a name no glossary entry holds, defined in a sentence of
    第三部分 — the sentences of the explanation that say what it 指, with their section."""
    out = []
    for r in executor.reader.run(queries.SECTIONS, doc=node(doc)):
        pieces = _split(r["text"], f"第三部分{r['number']}", r["title"], r["line"])
        for k, p in enumerate(pieces):
            said = match_form(p.text)
            at = said.find(name)
            if at >= 0 and re.match(r"(?:[(（][^)）]{0,12}[)）])?(?:是)?指", said[at + len(name):]) or re.search(rf"[(（]{re.escape(name)}[)）](?:是)?指", said):
                out.append(p)
                if k + 1 < len(pieces) and re.match(r"(?:具体|主要)?(?:包括|包含)", pieces[k + 1].text):
                    out.append(pieces[k + 1])  # 「…指…的经费。具体包括：办公费、…」: what it covers, said right after
    return out


def _figure_detail(ctx: Context) -> Reading | None:
    """「拟购置固定资产主要包括哪些」「分哪几类」「主要是哪几类设备」: the things the sentence of one 第三部分 figure lists
    (主要是X、Y、Z等) — its detail, not its amount — when the question asks which ones of that figure alone."""
    frame = ctx.frame
    asked = pattern(NAME, "detail_asked").search(frame.text)
    named = [m for m in frame.value_mentions() if not m.of("department", "budget_unit")]  # 「档案馆说今年要买…」: the body is the scope
    labels = [e.label for m in named for e in m.entities]
    named = [m for m in named if not all(any(e.label in other and e.label != other for other in labels) for e in m.entities)]  # 「国有资产那一段…拟购置固定资产」: the narrower figure
    if asked is None or len(named) != 1 or named[0].kinds() != {"figure"} or ctx.executor is None or pattern(NAME, "asks_amount").search(clauses.asking(frame.text)):
        return None  # 「…数额不小，主要是些什么」: an amount only in a clause that asks
    fact = ctx.executor.reader.figure(named[0].entities[0].iri)
    if fact is None or not fact.extra.get("detail") or any(f.parent_row == fact.iri for f in ctx.executor.reader.figures(fact.doc)):
        return None  # 「固定资产分哪几类」: a figure with figures of its own lists them
    span = (named[0].start, named[0].end)
    return Reading(NAME, 0.8, [Slot("entity", named[0], span), Slot("detail", fact, span)], explained=asked.group(0), checks_words=True)


def _has_parts(reading: Reading, executor, doc: str) -> bool:
    figures = [e.iri for m in reading.slot_values("entity") for e in m.of("figure")]
    return any(f.parent_row in figures for f in executor.reader.figures(doc)) if figures else False


def _texts(entity: Entity, executor, doc: str) -> list[Passage]:
    reader = executor.reader
    iri = node(entity.iri)
    if entity.kind == "project":
        rows = reader.run(queries.PROJECT, project=iri)
        return _split(rows[0].get("purpose"), load_template().by_layout("projects").name, rows[0]["label"], rows[0]["line"]) if rows else []
    if entity.kind == "internal_unit":
        rows = reader.run(queries.INTERNAL_UNIT, unit=iri)
        return _split(rows[0]["text"], load_template().sections["internal_units"], rows[0]["label"], rows[0]["line"]) if rows else []
    if entity.kind == "goal":
        goal = next((g for g in reader.goals(doc) if g.iri == entity.iri), None)
        if goal is None:
            return []
        text = f"{goal.extra['goalText']}（项目金额{fmt(goal.value)}万元）"
        return _split(text, load_template().sections["goals"], goal.label, goal.line)
    if entity.kind == "figure":
        fact = reader.figure(entity.iri)
        if fact is None:
            return []
        text = fact.extra.get("detail") or fact.extra.get("reason") or fact.extra.get("source")
        return _split(text, f"第三部分{fact.section or ''}", fact.label, fact.line)
    if entity.kind == "term":
        rows = reader.run(queries.TERM, term=iri)
        return _split(rows[0]["definition"], load_template().sections["glossary"], rows[0]["label"], rows[0]["line"]) if rows else []
    if entity.kind in ("budget_unit", "department"):
        rows = reader.run(queries.COMPOSITION, doc=node(doc))
        duties = reader.run(queries.DUTIES, doc=node(doc)) if entity.kind == "department" else []  # what it is responsible for
        return ([p for r in duties for p in _split(r["text"], load_template().sections["duties"], entity.label, r["line"])]
                + [p for r in rows for p in _split(r["text"], load_template().sections["composition"], entity.label, r["line"])])
    return []


def _split(text: str | None, section: str, row: str, line) -> list[Passage]:
    if not text:
        return []
    end = pattern(NAME, "sentence_end")
    pieces, start = [], 0
    for match in end.finditer(text):
        pieces.append(text[start:match.end()])
        start = match.end()
    if text[start:].strip():
        pieces.append(text[start:])
    return [Passage(p.strip(), section, row, line) for p in pieces if p.strip()]


def _amounts_stated(text: str) -> set[Decimal]:
    """The amounts in 万 the question writes (「那笔45万」「37.5万元」)."""
    return {Decimal(n) for n in re.findall(r"(\d+(?:\.\d+)?)万", text)}


WHOLE_COUNT = re.compile(r"一共|总共|共计|合计|总数|全区|全县|全市|全镇")


def _range_stated(question: str, body: str) -> bool:
    """「每个站点配几名专职人员」 answered by 「每个站点配置1-3名专职人员」: the text gives the count asked as a
    range — its words answer, no one number; not when the whole is asked (全区一共)."""
    counted = pattern(NAME, "asks_count").search(question)
    noun = question[counted.end():counted.end() + 1] if counted else ""
    return bool(counted and noun and not WHOLE_COUNT.search(question)
                and re.search(rf"\d+[-—~～至到]\d+{re.escape(counted.group('unit'))}{re.escape(noun)}", match_form(body)))


def _count_stated(question: str, body: str) -> tuple[Decimal | None, str | None]:
    """「覆盖多少个村」 answered by a text that says 116个村: the one number the text gives for the
    thing counted (its measure word and first character), as the answer's value; a range's end
    (每个站点配置1-5名) is no count, nor a count of each when the whole is asked (全区一共)."""
    counted = pattern(NAME, "asks_count").search(question)
    noun = question[counted.end():counted.end() + 1] if counted else ""
    if counted and not re.match(r"[\u4e00-\u9fff]", noun):  # 「村（社区）是多少个」: the thing named before its count
        before = re.sub(r"(?:一共|总共|共有|共|是|有|为)+$", "", question[:counted.start()])
        noun = re.sub(r"[(（][^()（）]*[)）]$", "", before)[-1:]
    if not noun or not re.match(r"[\u4e00-\u9fff]", noun):
        return None, None
    text = match_form(body)
    stated = list(re.finditer(rf"(?<![\d.\-—~～至到])(\d+(?:\.\d+)?){re.escape(counted.group('unit'))}{re.escape(noun)}", text))  # 1-5名: a range, no count
    if WHOLE_COUNT.search(question):  # 「全区一共配了多少名」: a count said of each (每个站点配2名) is no whole
        stated = [m for m in stated if not re.search(r"[每各](?:个|家|所|处)?[\u4e00-\u9fff]{0,6}$", re.split(r"[，,。；;]", text[:m.start()])[-1])]
    found = {m.group(1) for m in stated}
    return (Decimal(found.pop()), counted.group("unit")) if len(found) == 1 else (None, None)


def _query_words(ctx: Context, subjects: list[Mention]) -> list[str]:
    """The question's own words: what is left once every named entity, cue word and filler
    word is taken out. They are what the entity's text must speak of."""
    frame = ctx.frame
    text = list(frame.text)
    spans = [(m.start, m.end) for m in frame.mentions] + list(frame.cue_spans)
    sentences = [m.span() for m in clauses.SENTENCE.finditer(frame.text)]
    said = [(a, b) for a, b in sentences if not re.search(ctx.lexicon.cues["clauses"]["asks"], clauses.unasked(frame.text[a:b]))]
    if len(said) < len(sentences):  # 「…光看名字我以为就是发临时工工资。这个项目实际是干什么用的」: a statement before the ask names what it is about, asks nothing of its text
        spans += said
    told_parts = _told_clauses(frame, ctx.lexicon.cues["clauses"]["asks"])
    spans += told_parts
    for start, end in spans:
        for k in range(start, end):
            text[k] = " "
    asks = pattern(NAME, "asks_text")
    stop = {match_form(w) for w in ctx.lexicon.cues["stopwords"]}
    names = "".join(match_form(e.label) for m in subjects for e in m.entities)
    words = [w for w in tokenizer().lcut("".join(text), HMM=False)
             if len(w) >= 2 and w not in stop and not set(w) <= set(names) and asks.sub("", w)  # 租车 restates 车辆租赁; 覆盖范围: cue words only
             and not of_the_document(w) and not in_own_body(w, ctx.lexicon.own_suffixes)]  # 「表里的X」「局里的X」 say where X stands, not what X's text must speak of
    told = [(m.start, m.end) for m in frame.mentions] + (said if len(said) < len(sentences) else []) + told_parts
    asked = "".join(" " if any(a <= k < b for a, b in told) else ch for k, ch in enumerate(frame.text))
    words += [w for w in ctx.lexicon.cues["persons"] if w in asked]  # 「X股的股长是谁」: 股 is a cue word, 股长 still asked
    return [w for w in dict.fromkeys(words) if re.fullmatch(r"[\u4e00-\u9fff]+", w)]


def _told_clauses(frame, asks: str) -> list[tuple[int, int]]:
    """The clauses opening a sentence before its asking one that tell something (a verb of their own:
    「做政策梳理时发现每个项目都写了依据，」): what the asker saw, not what the text must speak of — when the
    asking clause names its own subject (「是哪一年第几号」「他叫什么名字」 ask of what was told)."""
    told = []
    for sentence in clauses.SENTENCE.finditer(frame.text):
        opening = []
        for part in re.finditer(r"[^，,；;]+(?:[，,；;]|$)", sentence.group(0)):
            a, b = sentence.start() + part.start(), sentence.start() + part.end()
            if re.search(asks, part.group(0)):
                if any(a <= m.start < b for m in frame.mentions):
                    told += opening
                break
            if says_something(part.group(0)):
                opening.append((a, b))
    return told


def _best(passages: list[Passage], words: list[str]) -> list[Passage] | None:
    """The passages that best match the question's words; all of a short text when the question
    has no words of its own (「X是做什么的」); None when none of its nouns is in the text."""
    if not words:
        return passages
    corpus = [tokenizer().lcut_for_search(match_form(p.text), HMM=False) for p in passages]
    hits = [w for w in words if any(_says(p.text, w) for p in passages)]
    if not hits:
        nouns = set(content_nouns("，".join(words)))
        return None if nouns else passages
    from rank_bm25 import BM25Okapi  # imports numpy (0.1-0.2 s): only when a text is ranked

    bm25 = BM25Okapi(corpus)
    scores = bm25.get_scores(hits)
    contains = [sum(_says(p.text, w) for w in hits) for p in passages]
    ranked = sorted(range(len(passages)), key=lambda k: (-contains[k], -scores[k], k))
    top = [k for k in ranked[:2] if contains[k] > 0]
    return [passages[k] for k in sorted(top)]


PIECE_GAP = 4  # characters a text may write between the words of a compound (系统|年度|故障 for 系统故障)


def _says(text: str, word: str) -> bool:
    """Whether the text holds the word as written, not across a word of its own (负责人 is not in
    「负责人口监测」, where 人口 is one word), or holds its words in order a few characters apart."""
    text = match_form(text)
    at = text.find(word)
    if at < 0:
        return _says_apart(text, word)
    spans = [(s, e) for _, s, e in tokenizer().tokenize(text, HMM=False)]
    while at >= 0:
        end = at + len(word)
        if not any(s < at < e < end or at < s < end < e for s, e in spans):  # a word of the text half in, half out
            return True
        at = text.find(word, at + 1)
    return False


def _says_apart(text: str, word: str) -> bool:
    """「系统故障」 in 「系统年度故障不超过4次」: the compound's own words, which write all of it, in
    order, each at most PIECE_GAP characters after the one before."""
    pieces = [p for p in tokenizer().lcut_for_search(word, HMM=False) if len(p) >= 2 and p != word]
    if len(pieces) < 2 or "".join(pieces) != word:
        return False
    position = text.find(pieces[0])
    while position >= 0:
        end = position + len(pieces[0])
        for piece in pieces[1:]:
            found = text.find(piece, end)
            if found < 0 or found - end > PIECE_GAP:
                break
            end = found + len(piece)
        else:
            return True
        position = text.find(pieces[0], position + 1)
    return False


"""project_set: projects chosen by a part of their names (名称里带“X”, 以X开头) or by an amount range
(超过A不到B, A到B之间), and what is asked of that set: the list, how many, the sum or the average
(「项目支出平均每个项目多少钱」). The filters come from qa/data/kinds/project_set.json."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from qa import honour, name_filter
from qa.answer import Answer, fmt
from qa.execute import NotAnswerable, not_projects_spending
from qa.facts import Fact
from qa.kinds.base import Context, Reading, Slot, cue_data
from qa.lexicon import load_cues, match_form, spelt_out
from qa.name_filter import NameFilter
from qa.normalize import count_of, normalize
from qa.ranges import Range, left_out_before, marked, stated_range, strict
from qa.spans import compiled

NAME = "project_set"


def _find(patterns: list[str], text: str) -> re.Match | None:
    for p in patterns:
        match = compiled(p).search(text)
        if match:
            return match
    return None


def _operation(text: str, asked: str) -> tuple[str, tuple[int, int]]:
    """The operation asked of the set; an average only when the question itself says it (「为了算个平均数，我得先
    知道项目数量：…一共列了多少个项目」: the story's average is the asker's plan)."""
    found = []
    for op, words in cue_data(NAME)["operations"].items():
        if op == "average" and not any(w in asked for w in words):
            continue
        for w in words:
            k = text.rfind(w)  # 「好几个项目都是500万…一共有几个」: where the word is said last
            if k >= 0 and op == "average" and re.match(cue_data(NAME)["each_said"], text[k + len(w):]):
                continue  # 「每个项目都写了依据」: every project, no average
            if k >= 0:
                found.append((op, (k, k + len(w))))
    if not found:
        return "list", (0, 0)
    averages = [f for f in found if f[0] == "average"]
    if averages:  # a sum or a count beside an average is its part (「平均每个项目多少（总额除以项目数）」)
        return min(averages, key=lambda f: (-(f[1][1] - f[1][0]), f[1][0]))
    order = {"count": 1, "sum": 2}
    return min(found, key=lambda f: (-f[1][1], f[1][0], order[f[0]]))  # the operation said last is asked (「几个项目加起来多少钱」), by its longest word


class ProjectSet:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        if ctx.frame.set_kind == "items" and (any(m.of("classification") for m in ctx.frame.mentions) or _not_projects(ctx.frame) or "项目" not in ctx.frame.text):
            return None  # 「商品和服务支出里超过5万的科目」「基本支出中几个科目」「名称里带“医疗”的项级科目」: classification items, not projects
        if ctx.frame.set_kind in ("economic", "functional") or ctx.frame.name_part is not None:
            return None  # 「项目支出的经济科目里，超过100万的」「名称以“股”结尾的内设机构」: classes or offices, not projects
        if (ctx.frame.context and "项目" not in ctx.frame.text + ctx.frame.context and ctx.frame.set_kind not in ("projects", "key_projects")
                and re.search(r"\d(?:万|亿|元)", ctx.frame.context) and not name_filter.stated(normalize(ctx.frame.question or ""))):
            return None  # 「今年政府采购一共不到20万，…。工程类采购占了多大比例」: the story's amount bounds no projects
        text = spelt_out(normalize(ctx.frame.question or ""))  # 「有好几个」: several, no count
        data = cue_data(NAME)
        slots: list[Slot] = []
        named_part = name_filter.stated(text)
        story = re.sub(r"[^。！？!?]*$", "", ctx.frame.context)  # the whole sentences before the question's
        if named_part and match_form(named_part.said) in story and match_form(named_part.keyword) not in ctx.frame.text \
                and not re.search(data["points_back"], ctx.frame.text):
            named_part = None  # 「看到好几个带“X”字样的科目。我说的是编码…那一项」: the story's filter, not the question's
        if named_part:
            slots.append(Slot("name", named_part, named_part.span))
        topic = [] if slots else _topic(ctx, text, data) or _counted_part(ctx, text, data)
        slots += topic
        match = stated_range(text)
        exact = None if match or ctx.frame.threshold is not None else exact_range(text)  # 超过X万元的项目 bounds X
        named = None if match or exact or ctx.frame.threshold is not None else exact_range(text, data["exact_named"])
        slots += [s for s in (exact, named) if s]
        if match:
            slots.append(Slot("range", match, match.span))
        asked = re.sub("|".join(data["demonstratives"]), lambda m: " " * len(m.group(0)), text)
        for slot in slots:  # 「两个数字政府…项目」: 个数 across the count and the name asks no count
            a, b = slot.span
            asked = asked[:a] + " " * (b - a) + asked[b:]
        op, span = _operation(asked, ctx.frame.text)
        if op == "count" and re.search(data["asks_members"], text[span[1]:]):
            op = "list"  # 「项目里有几个金额是整数的…。请问哪些项目的预算是500万元」: the members asked after
        if op in ("list", "sum") and ctx.frame.intent == "ratio" and re.search(data["share_of_all"], text):
            op = "share"  # 「名字里带“培训”的项目加在一起，占项目支出总额的比例」: the chosen projects' sum over all of them
        if op == "list" and ctx.frame.intent == "compare" and any(s.name == "stated" for s in topic):
            op = "difference"  # 「两个X项目相差多少」「…哪个多」: the two members counted, compared
        if op == "list" and not re.search(data["asks_members"], text) and (named or topic):
            return None  # 「那个80万的项目要建什么」: one project named by its amount or topic, not a set asked
        whole = [m for m in ctx.frame.mentions if m.of("project") and not m.partial and len({e.label for e in m.entities}) == 1]
        if op == "list" and whole and not re.search(data["asks_members"], text):
            return None  # 「带续建的项目有好几个，我问的是X（续建）那个，它安排了多少（主要用来干什么）」: one project named whole
        if not match and not exact and not named and (op in ("sum", "average") or any(s.name == "name" for s in slots)):
            bound = _one_bound(text, data)  # 「不到5万元的项目合计」「名称带“经费”、低于30万元的」: one bound, the other open
            if bound:
                slots.append(bound)
        if op == "average" and re.search("|".join(data["projects"]), ctx.frame.masked()):  # 项目 in a linked name is no set
            slots.append(Slot("average", True, span))
        if not slots:
            return None
        said = re.search(data["said_count"], text)
        if said and left_out_before(text, said.start()):
            said = None  # 「除掉A和B这两个项目，剩下的」: the count of those left out
        if said and op != "count" and not any(s.name == "stated" for s in slots) and not ctx.frame.n:  # 「…安排的8个项目，平均每个多少」: the count is checked
            slots.append(Slot("stated", int(said.group(1)), said.span()))
        if op == "count" and re.search(r"哪几", text) and not re.search(r"(?<!哪)几个[^，,。？?]{0,6}(?:分别|各)?是?哪", text):
            op = "list"  # 「前三的是哪几个」「用X安排的项目有哪几个」 name the members, they count nothing
        slots.append(Slot("operation", op, span))
        if op == "list" and ctx.frame.intent == "superlative":  # 「名称带X的项目里第二高的」「…前三个」: ranked within the set
            slots += [Slot(name, value, span) for name, value in (("rank", ctx.frame.rank), ("n", ctx.frame.n)) if value]
        explained = " ".join(match_form(text[a:b]) for s in slots for a, b in [s.span])
        missing = "文件只列出本年的项目，没有上年的项目明细" if ctx.frame.last_year else None
        return Reading(NAME, 0.8, slots, missing=missing, explained=explained)

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        noun = "重点项目" if frame.set_kind == "key_projects" else "项目"
        projects = executor.reader.goals(doc) if frame.set_kind == "key_projects" else executor.reader.projects(doc)  # 「那三个重点项目平均每个多少」
        projects = executor.fund_scoped(frame, doc, executor.unit_scoped(frame, doc, projects))
        chosen, condition = _filtered(projects, reading)
        stated = reading.slot("stated")
        bounds = next((s for s in reading.slots if s.name == "range"), None)
        counted = next((s for s in reading.slots if s.name == "stated"), None)
        if stated and bounds and bounds.value.left_out and counted.span[0] < bounds.span[0] <= counted.span[1]:  # 「有两个项目都是500万，这两个之外」: the count is of those left out
            held = [p for p in projects if not bounds.value.holds(p.value)]
            if stated != len(held):
                raise NotAnswerable(f"问题说有{stated}个，文件中{bounds.value.words().removesuffix('以外')}的项目有{len(held)}个")
        elif stated and stated != len(chosen):
            raise NotAnswerable(f"问题说有{stated}个，文件中{condition}项目有{len(chosen)}个")
        op = reading.slot("operation")
        left = {id(m) for m in honour.left_out(frame.text, frame.mentions)}  # 「本级（不含公证处）」: not the unit the set is of
        units = list(dict.fromkeys(e.label for m in frame.mentions if id(m) not in left for e in m.of("budget_unit") if doc in e.docs))
        fund = executor.fund_named(frame)
        where = executor.prefix(frame, doc) + ("、".join(units) + "的" if units else "本级的" if "self_unit" in frame.cues else "") + (f"{fund}安排的" if fund else "")  # the units and funds the set is scoped to
        if op == "average":
            if not chosen:
                raise NotAnswerable("没有符合条件的项目")
            total = sum((p.value for p in chosen), Decimal(0))
            mean = (total / len(chosen)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            text = f"{where}{condition}{noun}共{len(chosen)}个，合计{fmt(total)}万元，平均每个{noun}{fmt(mean)}万元（{fmt(total)} ÷ {len(chosen)}）。"
            return executor.answer(frame, text, mean, "万元", facts=chosen)
        if op == "list" and frame.intent == "superlative":
            return _ranked(frame, executor, chosen, f"{where}{condition}{noun}")
        if op == "difference":  # the count stated is checked above: two members
            return executor.compare_facts(frame, [(p.label, [p]) for p in chosen])
        listing = "、".join(f"{p.label}（{fmt(p.value)}万元）" for p in chosen)
        if op == "count":
            text = f"{where}{condition}{noun}共{len(chosen)}个" + (f"：{listing}。" if chosen else "。")
            return executor.answer(frame, text, Decimal(len(chosen)), "个", items=[p.label for p in chosen], facts=chosen)
        if op == "share":
            total, whole = sum((p.value for p in chosen), Decimal(0)), sum((p.value for p in projects), Decimal(0))
            if not chosen or not whole:
                raise NotAnswerable(f"没有{condition}项目")
            share = (total / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            text = (f"{where}{condition}{noun}共{len(chosen)}个：{listing}，合计{fmt(total)}万元，占全部{len(projects)}个{noun}"
                    f"（{fmt(whole)}万元）的{fmt(share)}%（{fmt(total)} ÷ {fmt(whole)} × 100%）。")
            return executor.answer(frame, text, share, "%", items=[p.label for p in chosen], facts=chosen)
        if op == "sum":
            if not chosen:
                raise NotAnswerable(f"没有{condition}项目")
            total = sum((p.value for p in chosen), Decimal(0))
            arithmetic = " + ".join(fmt(p.value) for p in chosen)
            text = f"{where}{condition}{noun}共{len(chosen)}个：{listing}，合计{fmt(total)}万元（{arithmetic} = {fmt(total)}）。"
            return executor.answer(frame, text, total, "万元", facts=chosen)  # one figure: the members are in the text
        text = f"{where}{condition}{noun}共{len(chosen)}个：{listing or '无'}。"
        return executor.answer(frame, text, None, None, items=[p.label for p in chosen], facts=chosen)


def _ranked(frame, executor, chosen: list[Fact], among: str) -> Answer:
    """「名称里带“档案”的项目里最高的」: the N-th largest (or smallest) of the chosen projects, ties
    named together."""
    ordered = sorted(chosen, key=lambda p: p.value, reverse=frame.direction != "min")
    cut = frame.n if frame.n and not frame.rank else (frame.rank or 1) - 1
    if 0 < cut < len(ordered) and ordered[cut - 1].value == ordered[cut].value:  # 五个并列最多, 「第二高」「前三」 say nothing sure
        tied = "、".join(p.label for p in ordered if p.value == ordered[cut].value)
        raise NotAnswerable(f"{among}中{fmt(ordered[cut].value)}万元的有{tied}并列，排不出{f'前{frame.n}个' if frame.n and not frame.rank else f'第{frame.rank}位'}")
    if frame.n and not frame.rank:  # 「前三个」: the first N, in order
        first = ordered[:frame.n]
        listing = "、".join(f"{p.label}（{fmt(p.value)}万元）" for p in first)
        text = f"{among}中金额{'最少' if frame.direction == 'min' else '最多'}的{len(first)}个：{listing}（共比较{len(chosen)}项）。"
        return executor.answer(frame, text, None, None, items=[p.label for p in first], facts=first)
    values = sorted({p.value for p in chosen}, reverse=frame.direction != "min")
    rank = frame.rank or 1
    if len(values) < rank:
        raise NotAnswerable(f"{among}只有{len(chosen)}个，排不到第{rank}")
    top = [p for p in chosen if p.value == values[rank - 1]]
    word = ("最少" if frame.direction == "min" else "最多") if rank == 1 else f"第{rank}{'少' if frame.direction == 'min' else '多'}"
    names = "、".join(p.label for p in top)
    text = f"{among}中金额{word}的是{names}，{fmt(values[rank - 1])}万元（共比较{len(chosen)}项）。"
    return executor.answer(frame, text, values[rank - 1], "万元", items=[p.label for p in top], facts=top)


def _not_projects(frame) -> bool:
    """A measure named whose spending no project is (基本支出: the projects are 项目支出)."""
    return any(not_projects_spending(load_cues()["measures"].get(m, {}).get("expenditure")) for m in frame.measures)


def _topic(ctx: Context, text: str, data: dict) -> list[Slot]:
    """「跟光纤有关的项目」: a name filter on the longest end of the words before the topic cue that a
    project's name holds (跟光纤 → 光纤); a quoted part of those words is tried first, and a count
    the question states (有关的两个项目) picks the end naming that many projects and is kept to be
    checked. None when no project's name holds two of its characters."""
    match = re.search(data["topic"], text) or re.search(data["topic_funded"], text)
    if match is None or ctx.executor is None:
        return []
    if any(m.start < match.end("run") and match.start("run") < m.end for m in ctx.frame.mentions if m.of("budget_unit", "department", "internal_unit")):
        return []  # 「图书馆相关的项目」: a unit's projects (unit_scope), not a name filter
    if sum(1 for m in ctx.frame.mentions if m.of("project") and m.start >= match.end()) >= 2:
        return []  # 「体育相关的三个项目（A、B、C）合计」: the members are named, a written sum (arithmetic)
    try:
        labels = [match_form(p.label) for p in ctx.executor.reader.projects(ctx.executor.one_doc(ctx.frame))]
    except Exception:  # several documents and none chosen: the classic chain says which
        return []
    run = match.group("run")
    stated = re.match(data["stated_count"], run)
    count = int(match.group("n") or (stated.group("n") if stated else 0))
    run = run[stated.end():] if stated else run
    quoted = [match_form(q) for q in re.findall(data["quoted"], run)]
    if match.group("fee") and not (quoted or count):
        return []  # 「跟X有关的费用」 without a count or a quote: a class's figure, not a set of projects
    words = match_form(run).lstrip(data["topic_joiners"])
    held = [k for k in quoted if any(k in label for label in labels)]  # a quoted part held is the keyword
    held = held or [k for k in (words[k:] for k in range(len(words) - 1)) if any(k in label for label in labels)]
    fitting = [k for k in held if sum(k in label for label in labels) == count]
    if not held:
        return []
    slots = [Slot("name", NameFilter((fitting or held)[0], match.group(0), match.span()), match.span())]
    return slots + [Slot("stated", count, match.span())] if count else slots


def _counted_part(ctx: Context, text: str, data: dict) -> list[Slot]:
    """「两个体育彩票公益金项目」: the words between the count and 项目, held by exactly that many
    projects' names, filter them by name (the count is kept to be checked); else nothing."""
    match = next((m for p in data["counted_part"] if (m := re.search(p, text))), None)
    if match is None or ctx.executor is None:
        return []
    try:
        labels = [match_form(p.label) for p in ctx.executor.reader.projects(ctx.executor.one_doc(ctx.frame))]
    except Exception:  # several documents and none chosen: the classic chain says which
        return []
    keyword, count = match_form(match.group("kw")), count_of(match.group("n"))
    if keyword.endswith("项目") or any(m.of("budget_unit") for m in ctx.frame.mentions):
        return []  # 「图书馆那三个项目加起来」: the unit's projects, counted — no part of their names
    tails = [keyword] + [keyword[k:] for k in range(1, len(keyword) - 3)]  # 「表12里X出现了两次」: X, not 里X
    held = next((tail for tail in tails if sum(tail in label for label in labels) == count), None)
    if count < 2 or held is None:
        return []
    return [Slot("name", NameFilter(held, match.group(0), match.span()), match.span()), Slot("stated", count, match.span())]


def _amount(match: re.Match) -> Decimal:
    """The bound in 万元, from the unit written beside it."""
    value = Decimal(match.group("v")) * (10000 if match.group("unit") in ("亿", "亿元") else 1)
    return value / 10000 if match.group("unit") == "元" else value


def exact_range(text: str, patterns: list[str] | None = None) -> Slot | None:
    """An amount asked exactly (刚好500万元整) as a range closed on both sides at it (the kind's `exact` words
    unless others are given); a set of projects across years is filtered by it too (cross_year)."""
    match = _find(cue_data(NAME)["exact"] if patterns is None else patterns, text)
    if match is None:
        return None
    value = _amount(match)
    out = (left_out_before(text, match.start()) or any(a <= match.start() < b for a, b in honour.left_out_spans(text))  # 「把那三个500万的扣掉」
           or re.match(cue_data(NAME)["pointed_left_out"], text[match.end():]) is not None)  # 「有两个项目都是500万，这两个之外」
    return Slot("range", Range(value, value, False, False, match.span(), out), match.span())


def _one_bound(text: str, data: dict) -> Slot | None:
    """A range open on one side (超过A, 不到B, A以上, B以下) as a range slot (None: that side is open)."""
    for side, patterns in data["one_bound"].items():
        match = _find(patterns, text)
        if match:
            value = _amount(match)
            word = match.group(0)
            out = left_out_before(text, match.start())
            if side == "lower":
                return Slot("range", Range(value, None, marked(match, "m", strict(word, data["lower_strict"])), False, match.span(), out), match.span())
            return Slot("range", Range(None, value, False, marked(match, "m", strict(word, data["upper_strict"])), match.span(), out), match.span())
    return None


def _filtered(projects: list[Fact], reading: Reading) -> tuple[list[Fact], str]:
    """The projects that pass the reading's name and range filters, and those filters in words."""
    words = []
    name = reading.slot("name")
    if name:
        projects = [p for p in projects if name.holds(p.label)]
        words.append(name.words())
    bounds = reading.slot("range")
    if bounds:
        projects = [p for p in projects if bounds.holds(p.value)]
        words.append(bounds.words())
    return projects, ("、".join(words) + "的") if words else ""

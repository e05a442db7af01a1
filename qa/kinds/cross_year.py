"""cross_year: one department's budget in two loaded years, answered as one result: the
difference, growth rate, proportion or two-year sum of a figure; the change of a share in
percentage points; projects (or classification items) new in the later year, dropped after
the earlier one, in both years and grown, equal or fallen; each year's largest; the largest
over both. Projects and items are matched across years by name or code."""

from __future__ import annotations

import copy
import dataclasses
import re
from decimal import ROUND_HALF_UP, Decimal

from kg.template import load_template
from qa import clauses, honour, name_filter
from qa.answer import Answer, fmt, percent
from qa.execute import COUNTED_SUBORDINATE, NotAnswerable, sign_asked
from qa.facts import Fact
from qa.kinds import year_items, year_sets
from qa.kinds.base import SHARE_SAID, Context, Reading, Slot, cue_data, pattern
from qa.kinds.project_set import exact_range
from qa.kinds.unit_scope import is_fund
from qa.known import fold_digits
from qa.lexicon import Document, load_cues, match_form
from qa.normalize import count_of, normalize
from qa.spans import LONG_PART, compiled, occurrences
from qa.years import named_years

NAME = "cross_year"
SPANNING = ("cross_year", "cross_department")  # kinds whose reading spans several documents
PER_PROJECT = re.compile(r"平均每个项目|每个项目平均|按项目个数平均|按项目数平均|平均到每个项目|项目的平均(?:金额|规模)")  # an average per project, each year's own figure
TEXT_KINDS = ("describe",)  # kinds that answer with the document's words, never with a figure
def spanned_years(ctx: Context) -> tuple[list[Document], str | None]:
    """The two loaded documents of one department that the question spans, earlier first; and
    what is missing when it names a year of that department that is not loaded."""
    docs = ctx.lexicon.documents
    scope = [docs[d] for d in ctx.frame.docs] or list(docs.values())
    departments = {d.department for d in scope}
    one_department = len(departments) == 1
    text = ctx.frame.text
    named = named_years(_unnamed(ctx), {d.year for d in docs.values()}, spanning=True)
    if len(departments) > 1 and not any(m.of("department", "budget_unit") for m in ctx.frame.mentions):
        # no department named: the one department whose documents span the years asked
        years: dict[str, set[int]] = {}  # each department's loaded years, gathered once (not once per department)
        for d in docs.values():
            years.setdefault(d.department, set()).add(d.year)
        departments = {dep for dep in departments if len(years[dep]) >= 2 and (len(named) < 2 or named <= years[dep])}
    if len(departments) != 1:
        return [], None
    own = sorted((d for d in docs.values() if d.department in departments), key=lambda d: d.year)
    both = pattern(NAME, "both_years").search(text)
    absent = sorted(y for y in named if y not in {d.year for d in own})
    if absent == [own[0].year - 1] and named <= {own[0].year - 1, own[0].year} and pattern(NAME, "derived_back").search(text):
        return [], None  # 「按2024年的文件往回推，2023年的X」: 2024's own last year (2025 beside 2023 is a comparison no document states)
    if absent and (len(named) >= 2 or both) and len(own) >= 2:  # 「2023年…两年比变化多大」: 2023 is not loaded
        have = "、".join(str(d.year) for d in own)
        return own[-2:], f"已载入的是{have}年的文件，没有{'、'.join(map(str, absent))}年的数据 (no document for that year)"
    if not named and len(own) >= 2 and _relative_years(ctx):  # 「今年比去年」 with both years loaded: the latest two
        named = {own[-1].year}
    if not named and one_department and len(own) >= 2 and _change_asked(ctx):  # 「机关运行经费的增幅是多少」: the latest year over the one before
        named = {own[-2].year, own[-1].year}
    things = ctx.frame.value_mentions()
    if (not named and one_department and len(own) >= 2 and pattern(NAME, "previous_year").search(text) and pattern(NAME, "change_asked").search(text)
            and (things and all(m.of("project", "goal", "classification") and not m.of("figure") or _no_change_stated(ctx, m, own[-1]) for m in things)
                 and not ctx.frame.measures or not things and ctx.frame.measures and _measure_change_unstated(ctx, own[-1]))
            and not ctx.frame.totals):
        named = {own[-2].year, own[-1].year}  # 「X比上一年多了多少」 of a project, or of a figure whose change no document states: the year before is loaded
    if len(named) == 1:  # 「2025年的X加上2026年“十五五”Y」: Y is only in 2026's document, its year in its name
        mine = {d.iri: d for d in own}  # the department's own documents: a name another body's document holds names no year
        named |= {y for m in ctx.frame.value_mentions() if not m.of("department") and not m.partial  # a part of a name (社区治理 in a target's words) names no year
                  and (y := _only_year(m, mine, docs)) is not None}
    loaded = {d.year for d in own}
    operation = _first(cue_data(NAME)["set_operations"], text) if len(named) == 1 else None  # read once for the three tests below
    if len(named) == 1 and min(named) + 1 in loaded and _against_the_year_after(operation, text, min(named), loaded):
        named.add(min(named) + 1)  # 「2024年之后被取消的那几个项目」「2024年的项目里，还保留着的」: against the year after it
    elif len(named) == 1 and (pattern(NAME, "previous_year").search(text) or _against_the_year_before(operation)
                            or min(named) - 1 in loaded and _change_asked(ctx)):
        named.add(min(named) - 1)  # 「2025年新增了哪些项目」「2025年比上年」「2025年X多了多少」: against the year before it
        if min(named) not in loaded and len(own) >= 2 and _against_the_year_before(operation):
            have = "、".join(str(d.year) for d in own)  # 「2024年取消了哪些项目」: against 2023, not loaded — never 2024's whole list
            return own[-2:], f"已载入的是{have}年的文件，没有{min(named)}年的数据 (no document for that year)"
    elif len(named) == 1 and min(named) + 1 in loaded and re.search(rf"(?:比|较|相比于?|和|与|跟|同){min(named)}年|(?:以|按|拿){min(named)}年的?数?(?:为|作为?|当)(?:基数|基准|基期)", text):
        named.add(min(named) + 1)  # 「政府采购预算比2024年多了多少」「按2024年为基数算」: the year after it, set against it
    if len(named) >= 2:
        chosen = [d for d in own if d.year in named]
        return (chosen, None) if len(chosen) == len(named) == 2 else ([], None)
    if both and len(own) == 2:
        return own, None
    if not named and len(own) >= 2 and _first({"both": cue_data(NAME)["set_operations"]["both"]}, text, _names(ctx)):
        return own[-2:], None  # 「延续下来的项目里…」: members of both years are of the latest two
    return [], None


def _measure_change_unstated(ctx: Context, doc: Document) -> bool:
    """「基本支出比一年前增加了多少」: a measure whose change the latest document states in no figure of its own name: its
    change is the two loaded years'."""
    if ctx.executor is None:
        return False
    names = ctx.frame.measure_words()
    stated = [f for f in ctx.executor.reader.figures(doc.iri) if match_form(f.label) in names]
    return all(f.extra.get("change") is None and f.extra.get("rate") is None for f in stated)


def _no_change_stated(ctx: Context, mention, doc: Document) -> bool:
    """A figure (政府采购) the latest document states no change of: its change is the two loaded years'."""
    if ctx.executor is None or not mention.of("figure"):
        return False
    labels = {e.label for e in mention.of("figure")}
    found = [f for f in ctx.executor.reader.figures(doc.iri) if f.label in labels]
    return bool(found) and all(f.extra.get("change") is None and f.extra.get("rate") is None for f in found)


def _against_the_year_after(operation: tuple | None, text: str, year: int, loaded: set[int]) -> bool:
    """A set kept or dropped from a year on (「2024年之后被取消的」, or 「2024年的项目里还保留着的」 with 2023 not
    loaded): the year named is the earlier one. `operation`: the set operation the question says first."""
    if operation is None or operation[0] not in (*MEMBERS_OF_BOTH, "dropped"):
        return False
    return bool(re.search(rf"{year}年(?:之后|以后|过后|后)", text)) or operation[0] in MEMBERS_OF_BOTH and year - 1 not in loaded


def _against_the_year_before(operation: tuple | None) -> bool:
    """A set operation that compares a year with the one before (新增, 取消, 增加最多 …); the largest
    of all projects (pooled, each year's) is asked of the years named, not of the year before too."""
    return operation is not None and operation[0] not in ("each_max", "each_min", "pooled_max", "pooled_min")


def _change_asked(ctx: Context) -> bool:
    """Whether the question asks a change over time, compares nothing else (X比Y多了多少 asks within a
    year) and says no last year of its own."""
    text = _unnamed(ctx)
    return (bool(pattern(NAME, "change_asked").search(text)) and not pattern(NAME, "compared_with").search(text)
            and not pattern(NAME, "previous_year").search(text))  # 「比去年增加多少」: the latest document's own change over its last year


def _unnamed(ctx: Context) -> str:
    """The question with the names it links blanked (a cited document's year is no year asked)."""
    text = list(ctx.frame.text)
    for a, b in _names(ctx):
        text[a:b] = " " * (b - a)
    return "".join(text)


DEFINED_AFTER = re.compile(r"(?:这个词|这个概念|一词)?(?:到底|究竟)?(?:是什么|是指|指|什么意思|意思|含义|怎么理解|是啥)")
MEMBERS_OF_BOTH = ("both", "both_up", "both_down", "same")  # set operations over the members of both years


def _names_an_item(frame, classes: bool = False) -> bool:
    """Whether the question names one item by its whole name (each entity of a mention bears that
    name): a set of the members of both years is then not what is asked, the item's values are
    (with `classes`, a class too: 「工资福利支出两年都有，…减少了百分之多少」)."""
    kinds = ("project", "goal", "figure", "line_item") + (("classification",) if classes else ())
    return any((not m.partial or m.fuzzy or len(m.surface) >= LONG_PART and all(m.surface in match_form(e.label) for e in m.entities))  # 业务陪训经费: one name, misspelt
               and m.of(*kinds) and len({e.label for e in m.entities}) == 1
               and not _topic_word(frame, m) and not _class_of_members(frame, m) and not is_fund(m) for m in frame.value_mentions())  # 「靠政府性基金安排的项目」: a filter


def _modifies_an_item(frame, end: int) -> bool:
    """Whether a set word describes the one item named right after it (「新出现的X是多少」; 的 is gone
    in match form) and the question asks that item's figure, not whether it is in the set."""
    return (any(m.start >= end and re.fullmatch(r"了?(?:一[项个笔类])?", frame.text[end:m.start]) and len({e.label for e in m.entities}) == 1 for m in frame.value_mentions())  # 「新出现了一项X，金额是多少」
            and "amount" in frame.cues and not re.search(r"吗|是不是|是否|有没有", frame.text))


def _class_of_members(frame, mention) -> bool:
    """「商品和服务支出里新增了哪些科目」: a class (类, 3 digits) named with 科目 asked below it is the
    set's filter (_within_class), not the item asked."""
    codes = [e.code for e in mention.of("classification")]
    asked = 3 if frame.level == 1 else 5
    return bool(codes) and all(c and len(c) < asked for c in codes) and any(w in frame.text for w in cue_data(NAME)["class_words"])


def _topic_word(frame, mention) -> bool:
    """A name that stands as the set's topic (「文物方面」「体育类」), not as the item asked."""
    on = year_sets.topic(frame.question or frame.text)
    return on is not None and match_form(mention.surface) in match_form(on.said)


def _relative_years(ctx: Context) -> bool:
    """Whether the question compares this year with the last in words (今年…去年, 本年比上年), outside
    the names it links (上年结转 is a row, not a year)."""
    cues, text, names = ctx.lexicon.cues, ctx.frame.text, _names(ctx)

    def outside(words: list[str]) -> bool:
        return any(not any(a <= start < b for a, b in names) for start, _ in occurrences(words, text))

    return outside(cues["this_year"]) and outside(cues["last_year"])


def _first(groups: dict[str, list[str]], text: str, names: list[tuple[int, int]] = ()) -> tuple[str, str, tuple[int, int]] | None:
    """The first operation whose pattern matches outside the names of the question (总计 in
    「支出总计」 is a name, not a sum), with the text it matched and where."""
    text = pattern(NAME, "turned").sub(lambda m: " " * len(m.group(0)), text)  # 「不降反升」: the rise
    for name, alternatives in groups.items():
        for match in compiled("|".join(alternatives)).finditer(text):  # compiled once: re's own cache is too small for these
            inside = any(a <= match.start() < b and b - a > match.end() - match.start() for a, b in names)  # 「…软件购置更新增加了」: 新增 begins inside the name
            if not inside:
                return name, match.group(0), match.span()
    return None


def _asked_first(groups: dict[str, list[str]], text: str, names: list[tuple[int, int]]) -> tuple[str, str, tuple[int, int]] | None:
    """The first operation the last sentence says (「想知道是不是换了一批新项目。…有几个是2024年就已经安排过的」:
    the story's 新项目 is no set asked), else the first the question says anywhere."""
    cut = max((m.end() for m in re.finditer(r"[。！!？?]", text.rstrip("。！!？? "))), default=0)
    asks = re.search(r"[?？]\s*$", text)  # 「…？两年都有的不算。」: a last sentence that asks nothing says what is left out
    comma = max((m.end() for m in re.finditer(r"[，,]", text)), default=0)
    if not cut and comma and not clauses.asks(text[:comma]) and not re.search(r"(?:里|中|内|面|下)[，,]$", text[:comma]) and re.search(r"比(?:19|20)\d{2}年", text[comma:]):
        cut = comma  # 「两年的头号项目不是同一个，2024年最大的项目比2025年最大的项目多多少」: the last clause compares on its own
    found = _first(groups, text[cut:], [(a - cut, b - cut) for a, b in names if a >= cut]) if cut and asks else None
    if found is not None:
        return found[0], found[1], (found[2][0] + cut, found[2][1] + cut)
    if cut and asks and _first({k: v for k, v in cue_data(NAME)["value_operations"].items() if k != "each"}, text[cut:]):
        return None  # 「有读者反映局里绩效工资砍了不少。X下降了百分之几」: the last sentence asks a value, the story's 砍了 no set
    return _first(groups, text, names)


def _count_asked(text: str) -> bool:
    """「…的有几个」: a count of the set asked — not a statement's 几个 before a sentence asking names."""
    return any(not clauses.names_asked_after(text, m.end()) for m in pattern(NAME, "set_count").finditer(text))


def _money_asked_last(text: str, rate_words: list[str]) -> bool:
    """Whether the question asks an amount of money (多少万元) after its last rate word: 「我想核实一下涨幅：
    增加了多少万元」 asks the difference, the rate word is context."""
    money = [m.start() for m in re.finditer(r"(?:多少|几)(?:钱|万元?|元)", text)]
    rates = [m.end() for m in re.finditer("|".join(rate_words), text)]
    return bool(money) and bool(rates) and money[-1] >= rates[-1]


def _clauses_left_out_blanked(text: str) -> str:
    """「两年都有的项目里，除了涨的，哪些是减少了的」: a clause that opens by leaving something out asks
    no set; blanked (same length), the set asked is read across it."""
    words = "|".join(sorted(honour.excluding_words(), key=len, reverse=True))
    return re.sub(cue_data(NAME)["clause_left_out"].format(excluding=words), lambda m: " " * len(m.group(0)), text)


def _share_whole(text: str) -> list[tuple[int, int]]:
    """The whole of a share, from 占 to the share word (「占部门基本支出合计的比例」): its 合计 names
    the whole, it asks no sum of the years."""
    match = re.search(cue_data(NAME)["share_whole"], text)
    return [match.span()] if match else []


def _names(ctx: Context, own_totals: bool = True) -> list[tuple[int, int]]:
    """Spans of the question that name things: entities and cue words such as 支出总计, and words that
    carry nothing (按总计口径: no sum asked). Without `own_totals`, a total said right after a named
    thing is left out unless each year's figure is asked (「这两年的政府性基金预算收入合计」: the thing's
    total is the thing, and 合计 sums the years)."""
    frame = ctx.frame
    idle = occurrences(ctx.lexicon.cues["filler_words"], frame.text)
    totals = list(frame.name_spans)
    if not own_totals and not _first({"each": cue_data(NAME)["value_operations"]["each"]}, frame.text):
        ends = {m.end for m in frame.mentions}
        both = pattern(NAME, "both_years").search(frame.text)
        others = {k: v for k, v in cue_data(NAME)["value_operations"].items() if k != "sum"}
        totals = [(a, b) for a, b in totals if (a not in ends or _first(others, frame.text[b:]))  # 「X的基本支出总计，2025年比2024年增加了多少」: X's total, the change asked after it
                  and not (both and both.end() <= a and frame.text[a:b].endswith("合计") and not _first(others, frame.text[b:]))]  # 「两年的预算收入合计是多少」: 合计 sums the years
    return [(m.start, m.end) for m in frame.mentions] + totals + idle


class CrossYear:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        if "definition" in ctx.frame.cues and any(m.of("term") and DEFINED_AFTER.match(ctx.frame.text, m.end) for m in ctx.frame.mentions):
            return None  # 「新加的X是什么意思」: X's entry (not 「…项目支出经济分类里没有了的科目是什么」: the members)
        years, missing = spanned_years(ctx)
        if "reason" in ctx.frame.cues:  # 「2025年为什么比2024年多」: the later year's own words, not a figure
            one = named_years(_unnamed(ctx), {d.year for d in ctx.lexicon.documents.values()})
            if len(one) == 1 and not re.search(r"比|较|相比|变化|两年|2年", ctx.frame.text[ctx.frame.text.find(str(min(one))):]):
                return None  # 「看两年的情况说明，2024年预算为什么减少」: that year's own reason, the two years are where to look
            return _reason(ctx, years) if len(years) == 2 and not missing else None
        if len(years) != 2:
            return None
        text = ctx.frame.text
        data = cue_data(NAME)
        slots = [Slot("years", years, (0, len(text)))]
        stated = _stated_change(ctx, years) if missing else None
        if stated is not None:  # 「2024年X比2023年多了多少」: 2024's own 比上年, 2023 unloaded
            return Reading(NAME, 0.9, [Slot("years", [stated, stated], (0, len(text))), Slot("own_change", True, (0, len(text)))])
        back = _worked_back(ctx, years) if missing else None
        if back is not None:  # 「2025年比2023年少多少？2023年的数用2024年说明里的减少额推算」
            return Reading(NAME, 0.9, [*slots, Slot("worked_back", back[0], back[1])], explained=back[2])
        if missing:
            return Reading(NAME, 0.9, slots, missing=missing, explained="".join(data["both_years"]))
        ranked = _ranked_in_one_year(text, years)
        if ranked is not None:  # 「2024年金额排第二的那个项目，到2025年安排了多少」
            return Reading(NAME, 0.95, [*slots, Slot("ranked_in", ranked, (0, len(text))), Slot("rank", ranked[2][0], (0, len(text)))], explained=text)
        found = _asked_first(data["set_operations"], _clauses_left_out_blanked(text), _names(ctx) + honour.left_out_spans(text))  # 「没变的、变少的都不算」 asks neither
        if found and (ctx.frame.measures or ctx.frame.totals) and not ctx.frame.set_kind and not re.search(r"项目(?!支出)|科目|单位", text):
            found = None  # 「基本支出是不是反而少了？少了百分之几」: a measure's change, no set of members
        if found and found[0] in ("each_max", "each_min", "pooled_max", "pooled_min") and re.search(data["diff_asked"], text[found[2][1]:]) \
                and not any(clauses.statements(text)) and not re.search(r"是最(?:大|小|多|少|高|低)", text):  # 「X是最大的项目，…下降了百分之几」: X's own change
            found = None  # 「两年里（各自）最大的那个项目，金额相差多少」: the two tops' difference, a value asked
        lacks = _lacking_year(text, data["lacked"])
        if found and found[0] in ("new", "dropped") and lacks in {d.year for d in years}:  # 「2025年有而2024年没有的」: which year lacks them says which set
            found = ("new" if lacks == years[0].year else "dropped", *found[1:])
        if found and found[0] in MEMBERS_OF_BOTH and _names_an_item(ctx.frame, classes=True):  # 「X这个名字两年都有，哪年多」: a value of X
            found = None
        if (found and found[0] in ("new", "dropped") and any(a <= found[2][0] < b for a, b in clauses.statements(text))
                and _names_an_item(ctx.frame, classes=True) and "amount" in ctx.frame.cues and not _first(data["set_operations"], text[found[2][1]:])):
            return None  # 「2024年的表里没有X这一科目，2025年新列了。2025年安排了多少」: the item the statement tells of, its figure
        if (found and found[0] in ("new", "dropped") and not re.search(r"哪|什么|几个|多少个|多少项", text[found[2][1]:])
                and _names_an_item(ctx.frame, classes=True) and re.search(data["diff_asked"] + "|" + data["change_of_amount"], text[found[2][1]:])):
            found = None  # 「X2024年有安排，2025年没有了，减少了多少」: the change of the item the statement tells of
        if found and found[0] in ("new", "dropped") and _modifies_an_item(ctx.frame, found[2][1]) and not _names_an_item(ctx.frame):
            return None  # 「2025年新出现的2101103公务员医疗补助是多少」: the new item's own figure, no set
        if (found and found[0] in ("new", "dropped") and _names_an_item(ctx.frame) and _text_asked(ctx.frame) not in (None, "list")
                and not re.search(r"吗|是不是|是否|有没有|算不算", text)):
            return None  # 「2025年新设的X，表里写的用途是什么」: X's own words are asked, not whether it is new
        said_as = re.search(r"比如|例如|像是?", text)
        example = said_as and (re.search(r"这些|那些", text) or re.search(r"哪些|哪几", text[said_as.end():]))  # 「…，比如X。这些被取消的项目里…」「比如X。…的项目都有哪些」: X is an example of the set asked
        if found and found[0] in ("new", "dropped") and _names_an_item(ctx.frame) and not example:  # 「X是2025年新增的吗」: X in the set?
            slots.append(Slot("member", ctx.frame.value_mentions()[0], (0, len(text))))
        if found:
            slots.append(Slot("set_operation", found[0], (0, len(text))))
            slots.append(Slot("members", _member_kind(ctx.frame, found[0]), (0, len(text))))
            on = year_sets.topic(ctx.frame.question or text)
            if on is not None:  # 「文物方面…2025年没有了的」: only the members whose names say it
                slots.append(Slot("topic", on, (0, len(text))))
            if found[0] in RANKED:  # 「按增长率排第二」: the N-th of the ranking; 「前三个」: the first N
                slots.append(Slot("rank", ctx.frame.rank or 1, (0, len(text))))
                if ctx.frame.n and ctx.frame.n > 1 and not ctx.frame.rank:
                    slots.append(Slot("n", ctx.frame.n, (0, len(text))))
            if ctx.frame.threshold is not None and ctx.frame.operator:  # 「取消的项目中超过10万元的」: the set is filtered
                slots.append(Slot("range", (ctx.frame.operator, ctx.frame.threshold), (0, len(text))))
            said = found[1] + "".join(data["both_years"] + data["set_places"] + data["similar_names"]) + (match_form(on.said) if on else "")
            return Reading(NAME, 0.9, slots, explained=said + "".join(data["name_same_words"]))
        columns = [m.span() for m in pattern(NAME, "table_total").finditer(text)]  # 「按支出总表的合计数算」: a table's column, no sum of the years
        columns += [m.span() for m in re.finditer(r"[(（](?:总计|合计|全口径)[)）]", text)]  # 「基本支出（总计）…增加了多少」: which column, no sum
        found = _first(data["value_operations"], text, _names(ctx, own_totals=False) + _share_whole(text) + columns)
        if found is not None and PER_PROJECT.search(text):  # 「按项目个数平均，2025年平均每个项目比2024年少多少」: each year's average is the figure
            asked = clauses.asking(text)
            others = {k: v for k, v in data["value_operations"].items() if k != "average"}
            again = _first(others, asked) if asked else None
            found = (again[0], again[1], (text.find(asked) + again[2][0], text.find(asked) + again[2][1])) if again and asked in text else found
        if found is not None and found[0] == "sum" and re.search(data["diff_asked"] + "|比[^，,。？?]{2,12}?" + data["change_of_amount"], text):  # 「2024年的合计比2025年的合计多多少」「2025年合计比2024年增加了多少」
            found = _first({"diff": data["value_operations"]["diff"]}, text, _names(ctx)) or found
        if found is not None and found[0] == "rate" and _money_asked_last(text, data["value_operations"]["rate"]):  # 「核实一下涨幅：增加了多少万元」
            found = _first({"diff": data["value_operations"]["diff"]}, text, _names(ctx) + [(0, found[2][1])]) or found
        if found is None and _text_asked(ctx.frame) and ctx.frame.value_mentions():  # 「X两年依据的文件是什么」: each year's
            both = pattern(NAME, "both_years").search(text)
            found = ("each", both.group(0), both.span()) if both else ("each", "", (0, 0))
        if found is None:
            return None
        if found[0] == "diff" and _rate_stated(ctx, years):  # 「2026年X比上年增长多少」: the rate its text states
            return Reading(NAME, 0.9, [Slot("years", [years[1], years[1]], (0, len(text))), Slot("own_change", True, (0, len(text)))],
                           explained=found[1])
        slots.append(Slot("value_operation", found[0], found[2]))
        on = _topic_asked(ctx.frame)
        if on is not None and pattern(NAME, "set_words").search(text) and not _names_an_item(ctx.frame):  # 「名称含X的项目两年合计」: each year's set (not a project named whole)
            slots.append(Slot("topic", on, (0, len(text))))
        explained = found[1] + (year_items.said(text) if ctx.frame.value_mentions() else "") + (match_form(on.said) if on else "")
        score = 0.97 if found[0] == "points" else 0.9  # a change in percentage points between two loaded years: no one year's share answers it
        return Reading(NAME, score, slots, explained=explained)

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        earlier, later = reading.slot("years")
        if reading.slot("reason") or reading.slot("own_change"):  # the later document's words of its change
            each = reading.slot("reason") and re.search(load_cues()["each_document"], ctx.frame.text)  # 「两年…分别给的下降原因」: each document's own
            given = []
            for doc in ([earlier, later] if each else [later]):
                one = copy.copy(ctx.frame)
                one.docs, one.year, one.last_year = [doc.iri], doc.year, True
                given.append((doc, executor.run(one)))
            if len(given) == 1:
                return given[0][1]
            joined = "；".join(f"{doc.year}年：{a.answer.rstrip('。')}" for doc, a in given) + "。"
            return dataclasses.replace(given[-1][1], answer=joined, value=None, unit=None,
                                       sources=list(dict.fromkeys(s for _, a in given for s in a.sources)))
        if reading.slot("worked_back"):
            answer = _worked_back_answer(reading, ctx, executor, earlier, later)
        elif reading.slot("ranked_in"):
            answer = _ranked_then_looked_up(reading.slot("ranked_in"), ctx, executor, (earlier, later))
        elif reading.slot("set_operation"):
            answer = _set_answer(reading, ctx, executor, earlier, later)
        else:
            answer = _value_answer(reading, ctx, executor, earlier, later)
        if len({d.department for d in ctx.lexicon.documents.values()}) > 1:
            answer.answer = f"{later.name}：{answer.answer}"  # several departments loaded: say whose years these are
        return answer


def _worked_back(ctx: Context, years: list[Document]) -> tuple[str, tuple[int, int], str] | None:
    """(operation, its span, words) when a difference or rate is asked between the year before the earliest loaded
    document and a later loaded year (2023 and 2025, 2024 and 2025 loaded): the earliest document states its own
    change over the year before, from which that year's figure is worked back; None otherwise."""
    read = {int(y) for y in re.findall(r"((?:19|20)\d{2})年?(?:的)?(?:预算)?(?:说明|文件|那份|文本|公开)", ctx.frame.text)}  # 「用2024年说明里的减少额」: the document read
    loaded = {d.year for d in years}
    first = min(loaded)
    named = named_years(_unnamed(ctx), set(), spanning=True) - (read & {first})
    if len(named) != 2 or first - 1 not in named or not (named - {first - 1}) <= loaded - {first}:
        return None
    found = _first({k: v for k, v in cue_data(NAME)["value_operations"].items() if k in ("diff", "rate", "sum")}, ctx.frame.text, _names(ctx))
    if found is None or _first(cue_data(NAME)["set_operations"], ctx.frame.text, _names(ctx)) is not None:
        return None
    return found[0], found[2], found[1]


def _worked_back_answer(reading: Reading, ctx: Context, executor, earlier: Document, later: Document) -> Answer:
    """The year before `earlier` worked back from `earlier`'s own stated change (上年 = 本年 − 增减), against `later`."""
    span = next(s.span for s in reading.slots if s.name == "worked_back")
    a, unit, first = figure_in(ctx, executor, earlier, False, span)
    changed = [f for f in executor.reader.figures(earlier.iri) if f.value == a and f.extra.get("change") is not None]
    stated = [f for f in changed if f.label in first.answer] or (changed if len({f.extra["change"] for f in changed}) == 1 else [])  # 「预算总额」 is 收入总计 there, 收入预算 in the text
    if not stated:
        raise NotAnswerable(f"{earlier.year}年的文件没有给出它比上年的增减，推不出{earlier.year - 1}年的数")
    fact = stated[0]
    last, year = a - fact.extra["change"], earlier.year - 1
    b, _, second = figure_in(ctx, executor, later, False, span)
    diff = b - last
    asked = clauses.asking(ctx.frame.text) or ctx.frame.text  # 「2024年文件说比上年增加了…，2025年比2023年少多少」: the way asked, not the one told
    derived = f"{year}年{fmt(last, unit)}{unit}（由{earlier.year}年文件“{fact.extra.get('changeText') or ''}”推算：{fmt(a, unit)} − ({fmt(fact.extra['change'], unit)})）"
    head = f"{fact.label}：{derived}，{later.year}年{fmt(b, unit)}{unit}"
    sources = first.sources + second.sources
    if reading.slot("worked_back") == "rate":
        if last == 0:
            raise NotAnswerable(f"推算的{year}年为0，无法计算增长率")
        rate = percent(diff, last)
        text = f"{head}，{'下降' if rate < 0 else '增长'}{abs(rate)}%（{fmt(diff, unit)} ÷ {fmt(last, unit)} × 100%）。"
        return executor.answer(ctx.frame, text, _shown(rate, _direction(asked), asked), "%", sources=sources)
    word = "减少" if diff < 0 else "增加" if diff > 0 else "持平，变化"
    text = f"{head}，{later.year}年比{year}年{word}{fmt(abs(diff), unit)}{unit}（{fmt(b, unit)} − {fmt(last, unit)}）。"
    return executor.answer(ctx.frame, text, _shown(diff, _direction(asked), asked), unit, sources=sources)


def _stated_change(ctx: Context, years: list[Document]) -> Document | None:
    """A difference or growth rate asked of a loaded year over the unloaded year just before it
    (「2024年…比2023年多了多少」, only 2024 and 2025 loaded): the loaded document states its own change
    over the year before (比上年), so that is the answer; a sum or a multiple would need the figure."""
    named = named_years(_unnamed(ctx), set(), spanning=True)
    loaded = {d.year: d for d in years}
    if len(named) != 2 or max(named) not in loaded or min(named) in loaded or max(named) - min(named) != 1:
        return None
    found = _first(cue_data(NAME)["value_operations"], ctx.frame.text, _names(ctx))
    set_op = _first(cue_data(NAME)["set_operations"], ctx.frame.text, _names(ctx))
    return loaded[max(named)] if set_op is None and found is not None and found[0] in ("diff", "rate") else None


def _rate_stated(ctx: Context, years: list[Document]) -> bool:
    """增长多少 of a figure whose later document states its change over the year just before with
    a rate (比上年增加1.5万元，增长16.5%): the later document's own words answer, rate first."""
    earlier, later = years
    if later.year - earlier.year != 1 or ctx.executor is None or not re.search(ctx.lexicon.cues["rate_asked"], ctx.frame.text):
        return False
    figures = [e for m in ctx.frame.mentions for e in m.of("figure") if later.iri in e.docs]
    facts = [ctx.executor.reader.figure(e.iri) for e in figures]
    return any(f is not None and f.extra.get("rate") is not None for f in facts)


def _reason(ctx: Context, years: list[Document]) -> Reading | None:
    """A change between two years explained: the later document's reason for its change over the
    year before, read when that year is the earlier one (a reason over a gap of years is not stated)."""
    earlier, later = years
    if later.year - earlier.year != 1:
        return None
    slots = [Slot("years", years, (0, len(ctx.frame.text))), Slot("reason", True, (0, len(ctx.frame.text)))]
    return Reading(NAME, 0.9, slots, explained="".join(cue_data(NAME)["both_years"]))


YEARS_AFTER_SHARE = re.compile(r"(?:(?:19|20)\d{2}|\d)(?:年|个年度)|[,，;；]")


def _in_year(frame, doc: Document, intent: str, operation: tuple[int, int], documents: dict[str, Document] | None = None):
    """The question asked of one document, without the words of the operation across the years
    (「两年平均」「增长了多少百分比」 are this kind's, not a per-year average or a target's unit). For a
    share, the years (or the next clause) after 占 are not its whole: 「项目支出占比2025年比2024年变化了
    几个百分点」 asks 项目支出占比 of each year. The text keeps its length, so the mentions' spans stay right."""
    one = copy.copy(frame)
    start, end = operation
    one.text = frame.text[:start] + " " * (end - start) + frame.text[end:]
    one.question = one.text  # kinds that read the question as asked read it without the operation too
    one.docs, one.year, one.last_year, one.intent = [doc.iri], doc.year, False, intent
    one.cues = frame.cues - {"yoy"}  # each year's figure is asked of it, not its change
    one.mentions = year_items.chosen(frame.text, one.mentions)  # 「（不含补助资金）」「不带二期的那个」
    own = _year_mentions(frame, documents)
    if own:  # 「2024年的X项目和2025年的Y项目相差多少」: each year's figure is its own item's
        one.mentions = [m for m in frame.mentions if m not in frame.value_mentions() or m in own.get(doc.year, ())]
    said = re.search(r"占|份额|比重|比例", frame.text)  # 「X在Y里的份额，2025年比2024年…」 as 「X占Y的比重」
    share_at = said.start() if said else -1
    years = YEARS_AFTER_SHARE.search(frame.text, share_at + 1) if intent == "ratio" and share_at >= 0 else None
    if years:
        one.text = one.text[:years.start()] + " " * (len(frame.text) - years.start())
    return one


def _only_year(mention, documents: dict[str, Document], loaded: dict[str, Document] | None = None) -> int | None:
    """The year of the one document holding every entity of the mention (None: several, none, or
    one of the `loaded` documents outside `documents` holds it too)."""
    held = {d for e in mention.entities for d in e.docs if d in (loaded or documents)}
    years = {documents[d].year for d in held if d in documents}
    return years.pop() if len(years) == 1 and held <= documents.keys() else None


def _year_mentions(frame, documents: dict[str, Document] | None = None) -> dict[int, list]:
    """The items the question ties each to its own year (a year just before each, or the one year
    whose document alone holds it): year → items; empty unless two years each have their own items."""
    years = [(m.start(), int(m.group(1))) for m in re.finditer(r"((?:19|20)\d{2})年", frame.text)]
    tied: dict[int, list] = {}
    by_document = False
    for mention in frame.value_mentions():
        only = _only_year(mention, documents) if documents else None
        before = [y for at, y in years if at < mention.start]
        by_document |= only is not None
        if only or before:
            tied.setdefault(only or before[-1], []).append(mention)
    return tied if len(tied) == 2 and all(tied.values()) and (len(years) == 2 or by_document) else {}


def figure_in(ctx: Context, executor, doc: Document, share: bool, operation: tuple[int, int] = (0, 0)) -> tuple[Decimal, str, Answer]:
    """The question's figure (or share, in %) in one document, by the classic readers or the
    single-document kind that reads it best (kinds spanning documents or answering with text are
    left out: a figure is wanted)."""
    target = not share and "performance" in ctx.frame.cues  # 「…路径目标，2025年比2024年多要求几条」: each year's target
    ranked = _each_years_top(ctx, share)
    asked = "ratio" if share else "performance" if target else "superlative" if ranked else "lookup"  # 「2025年最大的项目比2024年最大的多多少」: each year's top
    frame = _in_year(ctx.frame, doc, asked, operation, ctx.lexicon.documents)
    if ranked:
        frame.direction = "min" if "min" in ctx.frame.cues else "max"
    if not share and pattern(NAME, "project_count").search(frame.text) and not PER_PROJECT.search(frame.text):  # 「项目个数比上年少了几个」: a count per year
        if "set:key_projects" in ctx.frame.cues:  # 「重点项目（绩效目标列出的）个数」: the key projects of 第三部分
            goals = executor.reader.goals(doc.iri)
            return Decimal(len(goals)), "个", executor.answer(frame, f"重点项目个数为{len(goals)}个", Decimal(len(goals)), "个", facts=goals[:1])
        projects = executor.unit_scoped(frame, doc.iri, executor.reader.projects(doc.iri))  # 「妇幼中心的项目个数」: that unit's
        exact = exact_range(ctx.frame.text) or exact_range(ctx.frame.text, cue_data("project_set")["exact_named"])
        if exact is not None:  # 「金额正好是500万元的项目…几个」: those of that amount
            projects = [p for p in projects if exact.value.holds(p.value)]
            text = f"{exact.value.words().replace('为', '是')}的项目个数为{len(projects)}个"
            return Decimal(len(projects)), "个", executor.answer(frame, text, Decimal(len(projects)), "个", facts=projects[:1])
        text = f"项目个数为{len(projects)}个"
        return Decimal(len(projects)), "个", executor.answer(frame, text, Decimal(len(projects)), "个", facts=projects[:1])
    gone = [m for m in ctx.frame.mentions if m.of("project", "goal") and not any(doc.iri in e.docs for e in m.entities) and not m.partial]
    for m in gone:  # 「X2024年是140多万，2025年只剩一个第二批」: the members of X's family the question names by their parts
        members = _members_said(ctx, doc, m)
        if members:
            held = {e.iri for e in members}
            frame.mentions = [dataclasses.replace(m, entities=members)] + [o for o in frame.mentions if o is not m and not {e.iri for e in o.entities} <= held]
        if len(members) >= 2 and len(gone) == 1 and len(frame.value_mentions()) == 1 and _sum_said(ctx.frame.question or ""):
            facts = [f for f in executor.reader.projects(doc.iri) if f.label in {e.label for e in members}]
            total = sum((f.value for f in facts), Decimal(0))
            text = "、".join(f.label for f in facts) + f"合计为{fmt(total)}万元（{' + '.join(fmt(f.value) for f in facts)}）"
            return total, "万元", executor.answer(frame, text, total, "万元", facts=facts)
    every = _every_member(ctx, executor, doc)
    if every:  # 「把两年所有的园林绿化养护费都加起来」: each year's projects of that name, added
        total = sum((f.value for f in every), Decimal(0))
        text = "、".join(f.label for f in every) + (f"合计为{fmt(total)}万元（{' + '.join(fmt(f.value) for f in every)}）" if len(every) > 1 else f"为{fmt(total)}万元")
        return total, "万元", executor.answer(frame, text, total, "万元", facts=every)
    if pattern(NAME, "members_counted").search(ctx.frame.text) and _sum_said(ctx.frame.text):  # the members told are X's, counted in the year said
        told = _members_told([m for m in frame.value_mentions() if not m.kinds() <= {"budget_unit", "department"}])
        frame.mentions = [m for m in frame.mentions if m not in told]
    unlisted = [m for m in frame.value_mentions() if m.kinds() <= {"classification", "project", "goal"} and not any(doc.iri in e.docs for e in m.entities) and not m.partial]
    gone = re.search(rf"{doc.year}年[^，,。？?]{{0,6}}?{cue_data(NAME)['said_gone']}", ctx.frame.question or "")
    if len(unlisted) == 1 and len(frame.value_mentions()) == 1 and (gone or unlisted[0].kinds() == {"classification"} and not share):
        label = unlisted[0].entities[0].label  # 「X2024年有安排，2025年没有了」「2101103公务员医疗补助2025年比2024年多出多少」: a class the year's tables list not, or one said gone, is 0 there
        return Decimal(0), "万元", executor.answer(frame, f"{label}（{doc.year}年的文件中没有列出，按0计）为0.00万元", Decimal(0), "万元")
    absent = [m for m in frame.mentions if m.of("project", "goal") and not any(doc.iri in e.docs for e in m.entities) and not m.partial]
    if absent:  # 「X2024年和2025年加起来」 with X in one year only: that year has no figure for it
        raise NotAnswerable(f"{doc.year}年的文件中没有“{absent[0].entities[0].label}”")
    from qa import kinds  # the registry holds this kind too: imported when run, not when loaded

    single = kinds.Context(frame, ctx.lexicon, executor)  # a target is read against the graph's text
    other = [r for r in kinds.readings(single) if r.kind not in SPANNING + TEXT_KINDS and r.score > kinds.LEGACY_SCORE and not r.missing]
    values = frame.value_mentions()
    restated = any(frame.text[a.end:b.start] in ("(", "（") for a, b in zip(values, values[1:], strict=False))  # 「行政经费（机关运行经费）」: one thing said twice
    summed = (not share and len(values) >= 2 and not restated and _sum_said(ctx.frame.text)
              and all(any(match_form(e.label) == m.surface for e in m.entities) for m in values))  # each named whole
    if summed:  # 「2025年变成了A和B两个。这两个加起来比2024年多多少」「A和B这两个项目，2025年合计比2024年合计」: each year's items summed
        frame.intent, frame.cues = "sum", frame.cues | {"sum"}
        answer = executor.run(frame)
    elif other:  # 「局本级的基本支出两年相比」: each year's figure by the kind that reads it best
        answer = kinds.kind(other[0].kind).run(other[0], single, executor)
    else:
        answer = executor.do_ratio(frame) if share else executor.run(frame) if target or ranked else executor.do_lookup(frame)
    if answer.value is None:
        raise NotAnswerable(f"{doc.year}年的文件中这一项不止一个金额，请说明是哪一项")
    if share and answer.unit == "%" and len(answer.rows) == 2:  # the exact share, not the rounded one
        part, whole = (Decimal(r["金额"]) for r in answer.rows)
        if whole:
            return part / whole * 100, "%", answer
    return answer.value, answer.unit or "万元", answer


def _sum_said(text: str) -> bool:
    """Whether the question says a sum (加起来, 合计 …)."""
    return any(w in text for w in load_cues()["intents"]["sum"])


def _every_member(ctx: Context, executor, doc: Document) -> list[Fact]:
    """「所有的X」「X的全部几笔」「X2025年有两笔，…合起来」 with one thing named: every project of `doc` whose name holds X's
    (a count said must be the year's number of them)."""
    values = [m for m in ctx.frame.value_mentions() if not m.kinds() <= {"budget_unit", "department"}]  # 「（检测站一笔、中心一笔）」: where each is
    values = [m for m in values if m not in _members_told(values)]
    if len(values) != 1 or not values[0].of("project"):
        return []
    m, text = values[0], ctx.frame.text
    said, labels = match_form(m.surface), {e.label for e in m.of("project")} if m.partial else set()
    members = [f for f in executor.reader.projects(doc.iri) if said in match_form(f.label) or f.label in labels]  # 「12345热线工单办理的钱」: the names a part links
    if pattern(NAME, "every_before").search(text[:m.start]) or pattern(NAME, "every_after").match(text[m.end:]):
        return members
    counted = pattern(NAME, "members_counted").search(text)  # 「2025年有两笔（检测站一笔、中心一笔），两笔合起来」: the year's members, counted and summed
    return members if counted and _sum_said(text) and count_of(counted.group("n")) == len(members) > 1 else []


def _members_told(values: list) -> list:
    """「X2024年分了两笔（原项目加第二批）」: parts of names said after X that only name X's own members."""
    base = match_form(values[0].surface) if values else ""
    return [m for m in values[1:] if base not in m.surface and any(base in match_form(e.label) for e in m.entities)]


def _members_said(ctx: Context, doc: Document, mention) -> list:
    """The projects of `doc` whose names hold the mention's name (X（第二批）, “十五五”X) and whose own part
    the question says (第二批, 二期, 十五五): the members of X's family it names in a year without X itself."""
    base = match_form(mention.entities[0].label)
    said = match_form(ctx.frame.question or ctx.frame.text)
    pick = name_filter.picked(said)
    if pick is not None and pick[1]:  # 「X（不是后面带“补助资金”的那个）」: a part said as lacking names no member
        said = said[:pick[0].span[0]] + said[pick[0].span[1]:]
    said = fold_digits(said)
    chosen = []
    for e in ctx.lexicon.entities.values():
        label = match_form(e.label)
        if e.kind == "project" and doc.iri in e.docs and base in label and label != base:
            part = fold_digits(re.sub(r"[()（）“”\"「」]", "", label.replace(base, "", 1)))
            for region in ctx.lexicon.regions:  # 「枫渡区“十五五”X」: said as 十五五
                part = part.replace(match_form(region), "")
            if len(part) >= 2 and part in said.replace(base, " "):
                chosen.append(e)
    return chosen


TEXT_CUES = {"citation": "citation", "set:citations": "citation", "performance": "performance", "describe": "describe",
             "definition": "describe"}  # cue → what each year answers with (「X的用途是什么」 of a project: its text)


def _text_asked(frame) -> str | None:
    """What a question asks of each year in words, not a figure: the cited documents (依据的文件),
    the targets (绩效目标) or what it is for (用途); None when it asks a figure."""
    if "describe" in frame.cues and "amount" in frame.cues:
        return None  # 「两年各花多少钱」: a figure
    if frame.intent == "list" and frame.set_kind and "amount" not in frame.cues and "count" not in frame.cues:
        return "list"  # 「两年的重点项目分别是哪几个」: each year's members
    return next((intent for cue, intent in TEXT_CUES.items() if cue in frame.cues), None)


def _each_text(ctx: Context, executor, years: tuple[Document, Document], operation: tuple[int, int], intent: str) -> Answer:
    """「X两年的绩效目标（依据的文件）各是什么」: each year's own words, side by side (no figure is asked)."""
    from qa import kinds

    given: list[Answer | NotAnswerable] = []
    for doc in years:
        frame = _in_year(ctx.frame, doc, intent, operation, ctx.lexicon.documents)
        single = kinds.Context(frame, ctx.lexicon, executor)
        best = [r for r in kinds.readings(single) if r.kind not in SPANNING and r.score > kinds.LEGACY_SCORE and not r.missing]
        try:
            given.append(kinds.kind(best[0].kind).run(best[0], single, executor) if best else executor.run(frame))
        except NotAnswerable as exc:  # one year's text does not say it: that year says so, the other answers
            given.append(exc)
    if all(isinstance(a, NotAnswerable) for a in given):
        raise given[0]
    text = "；".join(f"{doc.year}年：{(a.answer if isinstance(a, Answer) else str(a)).rstrip('。')}" for doc, a in zip(years, given, strict=True)) + "。"
    figures = {(a.value, a.unit) for a in given if isinstance(a, Answer)}
    value, unit = figures.pop() if len(figures) == 1 and all(isinstance(a, Answer) for a in given) else (None, None)  # 「两年都要求几份」: both say 4份
    return executor.answer(ctx.frame, text, value, unit, sources=[s for a in given if isinstance(a, Answer) for s in a.sources])


def _topic_asked(frame) -> name_filter.NameFilter | None:
    """The topic a value is asked of; 「两年的头号项目都是通信类项目，2024年最大的那个比2025年的多多少」: a topic told in a clause
    that asks nothing, beside a top asked, describes the tops — it picks no set."""
    on = year_sets.topic(frame.question or frame.text)
    if on is None or not frame.cues & {"max", "min"}:
        return on
    text = normalize(frame.question or frame.text)
    start = max(text.rfind(c, 0, on.span[0]) for c in "，,。；;？?！!") + 1
    clause = re.match(r"[^，,。；;？?！!]*", text[start:]).group(0)
    return None if not clauses.asks(clause) and re.search(r"(?:最|第)", text[start + len(clause):]) else on


def _each_years_top(ctx: Context, share: bool) -> bool:
    """「2025年最大的项目比2024年最大的多多少」: the figure of each year is that year's largest (smallest) project."""
    return bool(not share and ctx.frame.cues & {"max", "min"} and ctx.frame.set_kind in ("projects", "key_projects") and not ctx.frame.value_mentions()
                and not ctx.frame.measures and not ctx.frame.totals and "sum" not in ctx.frame.cues)  # 「2024年最大的项目比2025年全部项目支出加起来」: one side is no top


def _two_figures(ctx: Context, executor, years: tuple[Document, Document], share: bool, span: tuple[int, int]):
    """The question's figure in each year, what it is, both in words and their sources."""
    earlier, later = years
    frame = ctx.frame
    if frame.cues & {"max", "min"} and frame.set_kind in ("projects", "key_projects") and not frame.value_mentions() and (frame.measures or frame.totals or "sum" in frame.cues):
        raise NotAnswerable("两年问的不是同一种数（一边是最大或最小的项目，一边是合计），没有分开计算 (each side asks another kind of figure)")
    if frame.cues & {"max", "min"} and re.search(r"(?:最多|最大|最高|最少|最小|最低)的?(?:单位|下属单位|预算单位)", frame.text) and not frame.value_mentions():
        raise NotAnswerable("问的是各年最多（最少）的单位，两年的部门合计不是它 (each year's top unit is not computed)")  # 「2025年项目支出最多的单位，比2024年…最多的单位多出多少」
    a, unit, first = figure_in(ctx, executor, earlier, share, span)
    b, _, second = figure_in(ctx, executor, later, share, span)
    if share and unit == "%" and max(a, b) > 100:  # a part larger than its whole: the part and whole were not matched
        raise NotAnswerable("没有在两年的文件中对上同一个部分和整体，无法计算比重")
    what = re.sub(r"合计[\d.,]+万元$", "合计", re.sub(r"[（(].*?[）)]|。$", "", second.answer).split("为")[0]) if not share else "所占比重"  # 「A、B合计62.29万元」: what is summed
    what = what.split("：")[0] if "绩效目标：" in what else what  # a target: its owner's, not the later year's wording
    what = "平均每个项目的金额" if "平均每个项目" in second.answer else what  # 「平均每个项目的金额，2025年比2024年」: each year's total ÷ its count
    head = f"{earlier.year}年{fmt(a, unit)}{unit}，{later.year}年{fmt(b, unit)}{unit}"
    owners = [x.answer.split("的绩效目标：")[0] for x in (first, second) if "的绩效目标：" in x.answer]
    if len(owners) == 2 and owners[0] != owners[1]:  # 「重点项目的满意度目标两年比」: each year's target is another project's
        what = "绩效目标"
        head = f"{earlier.year}年{owners[0]}{fmt(a, unit)}{unit}，{later.year}年{owners[1]}{fmt(b, unit)}{unit}"
    labels = [re.sub(r"[（(][^（）()]*(?:表\d|部分)[^（）()]*[）)]|。$", "", x.answer).split("为")[0] for x in (first, second)]  # a name's own brackets kept
    if not share and len(owners) != 2 and labels[0] != labels[1] and (labels[0] in labels[1] or labels[1] in labels[0]):  # 「2025年只剩一个第二批」: each year's own member of the family
        head = f"{earlier.year}年{labels[0]}{fmt(a, unit)}{unit}，{later.year}年{labels[1]}{fmt(b, unit)}{unit}"
        what = min(labels, key=len)
    tied = _year_mentions(ctx.frame, ctx.lexicon.documents)
    if _each_years_top(ctx, share) and first.items and second.items and not tied:  # 「各年金额最大的项目」: each year's own, named
        what = "金额最小的项目" if "min" in ctx.frame.cues else "金额最大的项目"
        head = f"{earlier.year}年{'、'.join(first.items)}{fmt(a, unit)}{unit}，{later.year}年{'、'.join(second.items)}{fmt(b, unit)}{unit}"
    if tied and not share:  # each year its own item: both named
        names = {y: "、".join(m.entities[0].label for m in ms) for y, ms in tied.items()}
        what = "两项比较"
        head = f"{earlier.year}年{names[earlier.year]}{fmt(a, unit)}{unit}，{later.year}年{names[later.year]}{fmt(b, unit)}{unit}"
    return a, b, unit, what, head, first.sources + second.sources


def _topic_figures(topic, ctx: Context, executor, earlier: Document, later: Document):
    """「名称含X的项目」 in each year: their total (or their number when 几个 is asked)."""
    old, new, said = year_sets.on_topic(topic, _members(executor, ctx.frame, earlier, "projects"), _members(executor, ctx.frame, later, "projects"))
    count = _count_asked(ctx.frame.text)
    a, b = ((Decimal(len(m)) if count else sum((f.value for f in m.values()), Decimal(0))) for m in (old, new))
    members = "；".join(f"{y}年：" + ("、".join(f"{f.label}（{fmt(f.value)}万元）" for f in m.values()) or "无") for y, m in ((earlier.year, old), (later.year, new)))
    what = f"{said[1:]}的项目{'个数' if count else '金额合计'}（{members}）"
    sources = [executor.answer(ctx.frame, "", None, None, facts=list(m.values())).sources for m in (old, new)]
    return a, b, "个" if count else "万元", what, sources[0] + sources[1]


def _value_answer(reading: Reading, ctx: Context, executor, earlier: Document, later: Document) -> Answer:
    op = reading.slot("value_operation")
    text = ctx.frame.text
    asked_text = _text_asked(ctx.frame)
    if op == "each" and asked_text and (ctx.frame.unit_word is None or asked_text == "list") and "count" not in ctx.frame.cues:
        return _each_text(ctx, executor, (earlier, later), next(s.span for s in reading.slots if s.name == "value_operation"), asked_text)
    target_percent = "performance" in ctx.frame.cues and not re.search(r"占|比例|比重|比率", text)  # 「满意度目标高几个百分点」: each year's target in %, no share
    share = op == "points" and not target_percent or (op != "proportion" and SHARE_SAID.search(text) is not None)
    if share and op == "sum" and reading.slot("topic") is None:  # 「两年放在一起算，X合计占两年支出总额的比重」: one share of the pooled figures
        return _pooled_share(ctx, executor, (earlier, later), next(s.span for s in reading.slots if s.name == "value_operation"))
    if reading.slot("topic") is not None:  # 「名称含X的项目两年合计」: each year's set, summed or counted
        a, b, unit, what, sources = _topic_figures(reading.slot("topic"), ctx, executor, earlier, later)
        head = f"{earlier.year}年{fmt(a, unit)}{unit}，{later.year}年{fmt(b, unit)}{unit}"
    else:
        a, b, unit, what, head, sources = _two_figures(ctx, executor, (earlier, later), share, next(s.span for s in reading.slots if s.name == "value_operation"))
    asked = _direction(text)
    if op == "sum":
        total = a + b
        return executor.answer(ctx.frame, f"{what}：{head}，两年合计{fmt(total, unit)}{unit}（{fmt(a, unit)} + {fmt(b, unit)}）。", total, unit, sources=sources)
    if op == "average":
        mean = ((a + b) / 2).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return executor.answer(ctx.frame, f"{what}：{head}，两年平均每年{fmt(mean, unit)}{unit}（({fmt(a, unit)} + {fmt(b, unit)}) ÷ 2）。", mean, unit, sources=sources)
    if op == "each":  # 「两年分别是多少」: both figures, no arithmetic; one figure when the two are the same (两年都是0)
        return executor.answer(ctx.frame, f"{what}：{head}。", a if a == b else None, unit if a == b else None, sources=sources)
    if op == "multiple":
        return _multiple(ctx, executor, (earlier, a), (later, b), f"{what}：{head}", unit, sources)
    if op == "proportion":
        value = percent(b, a)
        return executor.answer(ctx.frame, f"{what}：{head}，{later.year}年相当于{earlier.year}年的{value}%（{fmt(b, unit)} ÷ {fmt(a, unit)} × 100%）。", value, "%", sources=sources)
    diff = b - a
    if op == "points" or share:
        value = diff.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        word = "下降" if value < 0 else "上升"
        said = -value if _earlier_first(text) else value  # 「2024年比2025年低了几个百分点」: the earlier year is said lower
        ordered = not any(_directions(text)) and re.search(r"\d{2,4}年?(?:度)?(?:的[^，,。？?]{0,12})?比\d{2,4}", text)  # 「2024年比2025年变化了多少个百分点」: one year against the other
        shown = said if sign_asked(text) or ordered else _signed(said, asked)  # 「两年之间变动了几个百分点」: its size, the answer says which way
        a2, b2 = (x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for x in (a, b))
        both = f"{earlier.year}年{a2}%，{later.year}年{b2}%" if share else head  # a target's percent is as stated, no share rounded
        return executor.answer(ctx.frame, f"{what}：{both}，{word}{abs(value)}个百分点（{b2} − {a2}{'，按未四舍五入的比重计算' if share else ''}）。",
                               shown, "%", sources=sources)
    word = "减少" if diff < 0 else "增加" if diff > 0 else "持平，变化"
    if op == "rate":
        if a == 0:
            raise NotAnswerable(f"{earlier.year}年为0，无法计算增长率")
        rate = percent(diff, a)
        shown = _shown(rate, asked, text)
        return executor.answer(ctx.frame, f"{what}：{head}，{word}{fmt(abs(diff), unit)}{unit}，{'下降' if rate < 0 else '增长'}{abs(rate)}%（{fmt(diff, unit)} ÷ {fmt(a, unit)} × 100%）。", shown, "%", sources=sources)
    which = pattern(NAME, "which_year").search(text)
    if diff and which:  # 「哪年高？高出多少」: the higher (or lower, 哪年少) year named, then by how much
        (hi, x), (lo, y) = sorted(((earlier, a), (later, b)), key=lambda p: -p[1])
        low = re.match(r"[^高多大低少小,，？?。]{0,12}(?:低|少|小)", text[which.end():])  # the first comparative after 哪年
        said = f"{lo.year}年较低，比{hi.year}年少" if low else f"{hi.year}年较高，比{lo.year}年高出"
        return executor.answer(ctx.frame, f"{what}：{head}，{said}{fmt(abs(diff), unit)}{unit}（{fmt(x, unit)} − {fmt(y, unit)}）。", abs(diff), unit, sources=sources)
    if _earlier_first(text):  # 「2024年的X比2025年多多少」: the earlier year is compared with the later one
        shown = _shown(-diff, asked, text)
        word = "多" if diff < 0 else "少" if diff > 0 else "持平，相差"
        return executor.answer(ctx.frame, f"{what}：{head}，{earlier.year}年比{later.year}年{word}{fmt(abs(diff), unit)}{unit}（{fmt(a, unit)} − {fmt(b, unit)}）。", shown, unit, sources=sources)
    shown = _shown(diff, asked, text)
    return executor.answer(ctx.frame, f"{what}：{head}，{later.year}年比{earlier.year}年{word}{fmt(abs(diff), unit)}{unit}（{fmt(b, unit)} − {fmt(a, unit)}）。", shown, unit, sources=sources)


def _pooled_share(ctx: Context, executor, years: tuple[Document, Document], span: tuple[int, int]) -> Answer:
    """The share of the two years' parts summed in their wholes summed — shares themselves are never added."""
    pairs, sources = [], []
    for doc in years:
        _, _, answer = figure_in(ctx, executor, doc, True, span)
        if len(answer.rows) != 2:
            raise NotAnswerable(f"{doc.year}年没有对上部分和整体，无法把两年合起来计算比重")
        pairs.append(tuple(Decimal(r["金额"]) for r in answer.rows))
        sources += answer.sources
    (p1, w1), (p2, w2) = pairs
    if not w1 + w2:
        raise NotAnswerable("两年的整体合计为0，无法计算比重")
    value = percent(p1 + p2, w1 + w2)
    earlier, later = years
    text = (f"两年合计所占比重为{value}%（({fmt(p1)} + {fmt(p2)}) ÷ ({fmt(w1)} + {fmt(w2)}) × 100%；"
            f"{earlier.year}年{fmt(p1)}/{fmt(w1)}，{later.year}年{fmt(p2)}/{fmt(w2)}）。")
    return executor.answer(ctx.frame, text, value, "%", sources=sources)


def _multiple(ctx: Context, executor, earlier: tuple[Document, Decimal], later: tuple[Document, Decimal], head: str, unit: str, sources) -> Answer:
    """「2024年的X是2025年的几倍」: the year named first over the year named second."""
    text = ctx.frame.text
    first, second = sorted((earlier, later), key=lambda y: text.find(str(y[0].year)) if str(y[0].year) in text else len(text))
    if second[1] == 0:
        raise NotAnswerable(f"{second[0].year}年为0，无法计算倍数")
    times = (first[1] / second[1]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{head}，{first[0].year}年是{second[0].year}年的{times}倍（{fmt(first[1], unit)} ÷ {fmt(second[1], unit)}）。"
    return executor.answer(ctx.frame, text, times, "倍", sources=sources)


EARLIER_FIRST = re.compile(r"((?:19|20)\d{2})年[^比较]{0,40}(?:(?<![对相])比(?![较例重率])|(?<!比)较)[^,，。？?]{0,20}?((?:19|20)\d{2})年")  # 「两年对比2025年少了多少」: 对比 compares no year with another
LAST_YEAR_FIRST = re.compile(r"(?:去年|上年|上一年)[^比较,，。？?]{0,40}(?:比|较)(?:今年|本年)")


def _earlier_first(text: str) -> bool:
    """Whether the question compares the earlier year with the later (「2024年…比2025年」「去年比今年」)."""
    match = EARLIER_FIRST.search(text)
    return bool(match) and int(match.group(1)) < int(match.group(2)) or bool(LAST_YEAR_FIRST.search(text))


def _lacking_year(text: str, lacked: str) -> int | None:
    """The year said last before the first word saying a year lacks the members (「2025年有哪个项目是
    2024年表里没有的」: 2024), or None."""
    negation = re.search(lacked, text)
    said = [(int(m.group(1)), bool(m.group(2))) for m in re.finditer(r"((?:19|20)\d{2})年(之后|以后|过后|后)?", text[:negation.start()])] if negation else []
    return (said[-1][0] + 1 if said[-1][1] else said[-1][0]) if said else None  # 「2024年之后被取消」: the year after it lacks them


def _directions(text: str) -> tuple[bool, bool]:
    """Whether the question speaks of a fall and of a rise (「少了多少」 falls; 「多少」 alone says nothing)."""
    down = re.search(r"(?<!多)少了|(?<!相)减(?!去?\d)|降|低|跌|缩", text)  # 「两年各算一下再相减」「2025减2024」 say no direction
    up = re.search(r"增|涨|升|提高|高了|高出|(?<!少)多了|多出", text)
    return bool(down), bool(up)


def _direction(text: str) -> int:
    """+1 when the question asks how much it rose, −1 how much it fell, 0 when it does not say
    (「增加还是减少」 says neither)."""
    down, up = _directions(text)
    if down == up:
        return 0
    return -1 if down else 1


def _signed(change: Decimal, asked: int) -> Decimal:
    """The size of the change; negative only when it went the other way from the one asked."""
    return -abs(change) if asked and (change > 0) != (asked > 0) and change != 0 else abs(change)


def _shown(change: Decimal, asked: int, text: str) -> Decimal:
    """The change as the answer's value: with its sign when the question asks for one (下降的话用负数表示),
    else its size (negative only against the direction asked)."""
    return change if sign_asked(text) else _signed(change, asked)


def _ranked_in_one_year(text: str, years: list[Document]) -> tuple[int, int, bool] | None:
    """(the year ranked, the year looked up, the rank from the top — or from the bottom when False) when a
    project is chosen by its rank in one year and its amount asked in the other; else None."""
    ranked = pattern(NAME, "ranked_in_one_year").search(text)
    looked = pattern(NAME, "looked_up_in").search(text, ranked.end()) if ranked else None
    loaded = {d.year for d in years}
    if not looked or "比" in text[ranked.end():looked.start()] or int(ranked.group("year")) == int(looked.group("year")) or {int(ranked.group("year")), int(looked.group("year"))} != loaded:
        return None
    said = ranked.group("n") or ranked.group("m")
    rank = 1 if not said else int(said) if said.isdigit() else "一二三四五六七八九".index(said) + 1
    return int(ranked.group("year")), int(looked.group("year")), (rank, not ranked.group("min"))


def _ranked_then_looked_up(ranked: tuple, ctx: Context, executor, years: tuple[Document, Document]) -> Answer:
    """The project of that rank in one year (ties: all of that amount) and its amount in the other year, matched by name."""
    year, other, (rank, largest) = ranked
    doc, there = (next(d for d in years if d.year == y) for y in (year, other))
    members, others = _members(executor, ctx.frame, doc, "projects"), _members(executor, ctx.frame, there, "projects")
    amounts = sorted({f.value for f in members.values()}, reverse=largest)
    if len(amounts) < rank:
        raise NotAnswerable(f"{year}年的项目没有第{rank}名")
    chosen = [k for k, f in members.items() if f.value == amounts[rank - 1]]
    if len(chosen) != 1:
        raise NotAnswerable(f"{year}年排第{rank}的项目有{len(chosen)}个（{'、'.join(members[k].label for k in chosen)}），请说明是哪一个")
    fact = members[chosen[0]]
    place = f"金额{'最大' if largest else '最小'}" if rank == 1 else f"金额第{rank}{'大' if largest else '小'}"
    if chosen[0] not in others:
        raise NotAnswerable(f"{year}年{place}的项目是{fact.label}（{fmt(fact.value)}万元），{other}年的文件中没有这个项目")
    found = others[chosen[0]]
    return executor.answer(ctx.frame, f"{year}年{place}的项目是{fact.label}（{fmt(fact.value)}万元），{other}年安排{fmt(found.value)}万元。",
                           found.value, "万元", facts=[fact, found])


def _members(executor, frame, doc: Document, members: str) -> dict[str, Fact]:
    """Projects, functional classification items (of one level: 项 unless the question names
    类 or 款) or budget units of one year, keyed by name or code."""
    level = frame.level
    if members == "classes":
        size = {1: 3, 2: 5}.get(level or 3, 7)
        rows = [f for f in executor.reader.table_facts(doc.iri, 3) if f.kind == "item" and f.code and f.first_column]
        return {f.code: f for f in _within_class(frame, rows, size, "functional")}
    if members.startswith("economic:"):  # 经济分类科目 of one expenditure: 款 (5 digits) unless 类 is asked
        table = load_template().economic(members.split(":", 1)[1] or None).number
        size = 3 if level == 1 else 5
        rows = [f for f in executor.reader.table_facts(doc.iri, table) if f.kind == "item" and f.code and f.first_column]
        return {f.code: f for f in _within_class(frame, rows, size, "economic")}
    if members == "goals":
        return {match_form(g.label): g for g in executor.reader.goals(doc.iri)}
    if members in ("units_basic", "units_project"):
        table = load_template().by_layout("units" if members == "units_basic" else "projects")
        subordinate = any(w in frame.text for w in cue_data("unit_scope")["subordinate_words"])  # 「三家下属事业单位中」: not the department itself
        return {match_form(f.label): f for f in executor.reader.table_facts(doc.iri, table.number)
                if f.kind == "unit" and f.column == table.columns[0] and not (subordinate and f.label == doc.name)}
    projects = executor.unit_scoped(frame, doc.iri, executor.reader.projects(doc.iri))  # 「救助站两年都有的项目」: that unit's
    return {match_form(p.label): p for p in projects}


def _named_classes(frame, scheme: str, size: int) -> set[str]:
    """Codes of the classes above the level asked (shorter than `size` digits) of one scheme
    (economic, functional) that the question names: the set's filter."""
    return {e.code for m in frame.mentions for e in m.of("classification")
            if e.code and len(e.code) < size and f"/classification/{scheme}/" in e.iri}


def _within_class(frame, rows: list[Fact], size: int, scheme: str) -> list[Fact]:
    """The items of one level (code of `size` digits); only those under the classes the question
    names (「资本性支出里…的经济科目」: codes under 310) when it names some."""
    named = _named_classes(frame, scheme, size)
    listed = {e.code for m in frame.mentions for e in m.of("classification")
              if e.code and len(e.code) == size and f"/classification/{scheme}/" in e.iri}
    if len(listed) >= 2:  # 「社保就业、卫生健康、住房保障这三个类级支出，哪一类…」: the ones listed
        return [f for f in rows if f.code in listed]
    return [f for f in rows if len(f.code) == size and (not named or any(f.code.startswith(c) for c in named))]


def _economic_table(executor, frame, kind: str, docs: tuple[Document, Document]) -> str:
    """「资本性支出中新出现的经济科目」 names no expenditure: the economic table (基本支出's or 项目支出's)
    holding the class named, in either year; a class both hold, or neither, is a refusal naming it."""
    named = _named_classes(frame, "economic", 3 if frame.level == 1 else 5)
    if kind != "economic:" or not named:
        return kind
    holding = []
    for table in (t for t in load_template().tables if t.classification == "economic"):
        codes = {f.code for d in docs for f in executor.reader.table_facts(d.iri, table.number) if f.kind == "item" and f.code}
        if named & codes:
            holding.append(table.expenditure)
    label = next(m.entities[0].label for m in frame.mentions if any(e.code in named for e in m.of("classification")))
    if len(holding) != 1:
        where = f"在{'和'.join(holding)}的经济分类表中都有，请说明是哪一个" if holding else "不在两年的经济分类表中"
        raise NotAnswerable(f"“{label}”{where}")
    return f"economic:{holding[0]}"


def _class_filter_words(frame, kind: str) -> str:
    """The class a set of classification items was restricted to, in words (、属于“资本性支出”)."""
    if not (kind.startswith("economic:") or kind == "classes"):
        return ""
    labels = list(dict.fromkeys(m.entities[0].label for m in frame.mentions if _class_of_members(frame, m)))
    expenditure = kind.split(":", 1)[1] if kind.startswith("economic:") else ""
    said = f"{expenditure}经济科目" if expenditure else ""
    return "".join(f"、{w}" for w in [said, *(f"属于“{x}”" for x in labels)] if w)


def _unit_words(frame, kind: str) -> str:
    """The unit a set of projects was restricted to (executor.unit_scoped), in words (、属于本级)."""
    if kind != "projects":
        return ""
    units = list(dict.fromkeys(e.label for m in frame.mentions for e in m.of("budget_unit")))
    if units and COUNTED_SUBORDINATE.search(frame.text):
        return "、属于所属单位"  # 「三个所属事业单位（疾控、监督所、妇幼）」: all of them (executor.unit_scoped)
    own = "self_unit" in frame.cues and not honour.self_left_out(frame.text)  # 「本级和法援处的都算上」: both, as executor.unit_scoped takes them
    if units:
        return "".join(f"、属于“{u}”" for u in (["本级", *units] if own else units))
    return "、属于本级" if own else ""


def _member_kind(frame, op: str) -> str:
    """What a set question ranges over: classification items (科目; economic ones of an expenditure
    when 经济 is said), budget units (单位), key projects with targets (重点项目; 都写了绩效目标) or projects."""
    data, text, measures = cue_data(NAME), frame.text, frame.measures
    named = [k for k in NAMED_SETS if f"set:{k}" in frame.cues]
    if named and "set:projects" not in frame.cues and op in ("new", "dropped", "both"):  # 「名词解释里新加了哪些」: names
        return f"named:{named[0]}"
    if "set:key_projects" in frame.cues or (op == "both" and "performance" in frame.cues) or pattern(NAME, "goal_members").search(text):
        return "goals"
    if any(w in text for w in data["class_words"]) and "项目" not in text.replace("项目支出", ""):
        economic = any("/classification/economic/" in e.iri for m in frame.mentions for e in m.of("classification"))
        bound = [m.measure for m in frame.mentions if m.measure]  # 「项目支出的资本性支出里」: the measure bound to the class
        spending = [m for m in [*measures, *bound] if load_template().measures[m].expenditure]
        functional = re.search(data["functional_words"], text)
        if economic or any(w in text for w in data["economic_words"]) or spending and not functional:
            # 「资本性支出里的科目」: an economic class names the set; 「基本支出里的科目」: an expenditure's own table is by economic class
            return f"economic:{load_template().measures[spending[0]].expenditure if spending else ''}"
        return "classes"
    if any(w in text for w in data["unit_words"]) and "项目" not in text.replace("项目支出", ""):
        return "units_project" if "项目支出" in text else "units_basic"
    return "projects"


def _set_share(ctx: Context, executor, text: str, facts: list[Fact], every: list[Fact]) -> Answer:
    """A set of projects as a share of all the projects of its year (项目支出, the projects table's total)."""
    part, whole = sum((f.value for f in facts), Decimal(0)), sum((f.value for f in every), Decimal(0))
    if not facts or not whole:
        raise NotAnswerable("没有找到要计算比例的金额")
    share = percent(part, whole)
    said = f"{text}；合计{fmt(part)}万元，占当年项目支出（{fmt(whole)}万元）的{fmt(share)}%（{fmt(part)} ÷ {fmt(whole)} × 100%）。"
    return executor.answer(ctx.frame, said, share, "%", facts=facts)


def _set_result(ctx: Context, executor, text: str, facts: list[Fact]) -> Answer:
    """A set of projects as the answer: its members; its total or its count when that is asked."""
    asked = ctx.frame.text
    if pattern(NAME, "set_total").search(asked):
        total = sum((f.value for f in facts), Decimal(0))
        arithmetic = " + ".join(fmt(f.value) for f in facts) or "0"
        return executor.answer(ctx.frame, f"{text}；合计{fmt(total)}万元（{arithmetic}）。", total, "万元", facts=facts)
    if _count_asked(asked):
        return executor.answer(ctx.frame, f"{text}。", Decimal(len(facts)), "个", facts=facts)
    if len(facts) == 1 and "amount" in ctx.frame.cues:  # 「新出现了一个…科目，它的金额是多少」: the one member's amount
        return executor.answer(ctx.frame, f"{text}。", facts[0].value, facts[0].unit, items=[facts[0].label], facts=facts)
    return executor.answer(ctx.frame, f"{text}。", None, None, items=[f.label for f in facts], facts=facts)


OPS = {">=": Decimal.__ge__, ">": Decimal.__gt__, "<=": Decimal.__le__, "<": Decimal.__lt__}


def _passes(frame, value: Decimal) -> bool:
    """The question's threshold (超过10万元), range (超过A不到B) or exact amount (都安排了整整500万元), when it states one."""
    if frame.range is not None:
        return frame.range.holds(value)
    exact = exact_range(frame.text) or exact_range(frame.text, cue_data("project_set")["exact_named"])  # 「2024年那些500万元的项目里」
    if exact is not None:
        return exact.value.holds(value)
    return frame.threshold is None or not frame.operator or OPS[frame.operator](value, frame.threshold)


def _threshold_words(frame, what: str) -> str:
    if frame.range is not None:
        return f"、{what}{frame.range.words().removeprefix('金额')}"
    if frame.threshold is None or not frame.operator:
        return ""
    word = {">=": "不低于", ">": "超过", "<=": "不超过", "<": "不到"}[frame.operator]
    return f"、{what}{word}{fmt(frame.threshold)}万元"


def _extreme(text: str, facts: list[Fact]) -> tuple[list[Fact], str] | None:
    """The largest (or smallest) of a set when the question asks 「哪个…最多/更大」, ties together."""
    match = next((m for p in cue_data(NAME)["set_extreme"] if (m := re.search(p, text))), None)
    if not match or not facts:
        return None
    direction = "min" if match.group("min") else "max"
    return _tops(facts, direction == "max"), direction


def _tops(facts: list[Fact], largest: bool) -> list[Fact]:
    """The members with the largest (smallest) amount: two at 500万元 are both the largest."""
    best = (max if largest else min)(f.value for f in facts)
    return [f for f in facts if f.value == best]


RANKED = ("rate_rank", "max_growth", "max_fall")


def _ranked_change(ctx: Context, executor, op: str, place: tuple[int, int | None], kind: str, old: dict[str, Fact], new: dict[str, Fact]) -> Answer:
    """Members of both years ranked by their change: in 万元 (增加最多), or by growth rate
    (按增长率排第二; a member with nothing the year before has no rate and is left out); the
    rank-th, or the first n (前三个)."""
    rank, n = place
    noun = "科目" if kind.startswith("economic:") else {"classes": "科目", "units_basic": "单位", "units_project": "单位"}.get(kind, "项目")
    both = [k for k in new if k in old and (op != "rate_rank" or old[k].value)]
    if len(both) < rank:
        raise NotAnswerable(f"两年都有的{noun}只有{len(both)}个，没有第{rank}名" if both else "两年没有共同的项目")
    if op == "rate_rank":
        text = ctx.frame.text  # 「增长率最低」「降幅最大」 rank from the lowest rate; 「降得最少」 from the highest
        lowest = bool(pattern(NAME, "rank_least").search(text)) != bool(pattern(NAME, "rank_fall").search(text))
        change = {k: percent(new[k].value - old[k].value, old[k].value) for k in both}
        measure, unit = "增长率", "%"
    else:
        lowest = op == "max_fall"
        change = {k: new[k].value - old[k].value for k in both}
        measure, unit = ("减少额" if lowest else "增加额"), "万元"
    ordered = sorted(both, key=lambda k: change[k], reverse=not lowest)
    if n:
        return _top_changes(ctx, executor, (op, lowest, noun), ordered[:n], change, old, new)
    k = ordered[rank - 1]
    if op != "rate_rank" and (change[k] >= 0 if lowest else change[k] <= 0):  # 「减少最多的」 and none fell
        word = "减少" if lowest else "增加"
        return executor.answer(ctx.frame, f"两年都有的{len(both)}个{noun}中，没有{word}的{noun}（第{rank}个都没有）。" if rank > 1
                               else f"两年都有的{len(both)}个{noun}中，没有{word}的{noun}。", None, None)
    top = {"增长率": "最低" if lowest else "最高", "减少额": "减少最多", "增加额": "增加最多"}[measure]
    place = f"按{measure}从{'低到高' if lowest and unit == '%' else '高到低'}排第{rank}" if rank > 1 else measure.replace("减少额", "").replace("增加额", "") + top
    shown = _signed(change[k], _direction(ctx.frame.text)) if op == "rate_rank" else abs(change[k])  # 下降比例最大: its size
    said = f"{('增长' if unit == '%' else '增加') if change[k] >= 0 else ('下降' if unit == '%' else '减少')}{fmt(abs(change[k]), unit)}{unit}"
    text = f"两年都有的{noun}中，{place}的是{new[k].label}：{fmt(old[k].value)} → {fmt(new[k].value)}万元，{said}。"
    return executor.answer(ctx.frame, text, shown, unit, items=[new[k].label], facts=[new[k], old[k]])


def _top_changes(ctx: Context, executor, how: tuple[str, bool, str], keys: list[str], change: dict, old: dict[str, Fact], new: dict[str, Fact]) -> Answer:
    """「增长最多的前三个」: the first n members of the ranking, each with its change; a member that
    changed the other way (or not at all) is not among those that grew or fell most."""
    op, lowest, noun = how
    unit = "%" if op == "rate_rank" else "万元"
    kept = keys if op == "rate_rank" else [k for k in keys if (change[k] < 0 if lowest else change[k] > 0)]
    word = ("增长率最低" if lowest else "增长率最高") if op == "rate_rank" else ("减少最多" if lowest else "增加最多")
    listing = "；".join(f"{i}. {new[k].label}：{fmt(old[k].value)} → {fmt(new[k].value)}万元（{'+' if change[k] >= 0 else '−'}{fmt(abs(change[k]), unit)}{unit}）"
                       for i, k in enumerate(kept, 1))
    short = f"（只有{len(kept)}个）" if len(kept) < len(keys) else ""
    text = f"两年都有的{noun}中，{word}的前{len(keys)}个{short}：{listing or '无'}。"
    return executor.answer(ctx.frame, text, None, None, items=[new[k].label for k in kept], facts=[new[k] for k in kept] + [old[k] for k in kept])


def _is_member(ctx: Context, executor, op: str, mention, earlier: tuple[Document, dict[str, Fact]], later: tuple[Document, dict[str, Fact]]) -> Answer:
    """「X是2025年新增的吗」: whether the named item is new in the later year (or dropped after the
    earlier one), with its figure in each year it has one."""
    (y0, old), (y1, new) = (earlier[0].year, earlier[1]), (later[0].year, later[1])
    key = match_form(mention.entities[0].label)
    if key not in old and key not in new:
        raise NotAnswerable(f"两年的项目中都没有“{mention.entities[0].label}”")
    member = key not in old if op == "new" else key not in new
    where = "、".join(f"{y}年{fmt(m[key].value)}万元" for y, m in ((y0, old), (y1, new)) if key in m)
    absent = "、".join(f"{y}年没有" for y, m in ((y0, old), (y1, new)) if key not in m)
    what = f"{y1}年新增" if op == "new" else f"{y1}年不再安排"
    text = f"{'是' if member else '不是'}{what}的：{mention.entities[0].label}{where}{('，' + absent) if absent else ''}。"
    facts = [m[key] for m in (old, new) if key in m]
    if member and _modifies_an_item(ctx.frame, mention.start):  # 「2025年新增的X是多少」: its figure in the year it has one
        figure = (new if op == "new" else old)[key].value
        return executor.answer(ctx.frame, text, figure, "万元", items=[mention.entities[0].label], facts=facts)
    return executor.answer(ctx.frame, text, None, None, items=[mention.entities[0].label] if member else [], facts=facts)


NAMED_SETS = ("glossary", "internal_units", "budget_units", "citations", "duties")  # sets of names, without amounts


def _names_of(ctx: Context, executor, doc: Document, kind: str) -> list[str]:
    """One year's members of a set of names: glossary terms, internal units, budget units …"""
    if kind == "glossary":
        return sorted({e.label for e in ctx.lexicon.entities.values() if e.kind == "term" and doc.iri in e.docs})
    one = copy.copy(ctx.frame)
    one.docs, one.set_kind = [doc.iri], kind
    found = executor.named_set(one, doc.iri)
    return found[1] if found else []


def _named_set_answer(ctx: Context, executor, op: str, kind: str, earlier: Document, later: Document) -> Answer:
    """New, dropped or kept names across the years (名词解释里新加了哪些): compared by name."""
    old, new = (_names_of(ctx, executor, d, kind) for d in (earlier, later))
    if not old and not new:
        raise NotAnswerable("两年的文件中都没有找到这类内容")
    seen_old, seen_new = {match_form(n) for n in old}, {match_form(n) for n in new}
    if op == "new":
        found, what = [n for n in new if match_form(n) not in seen_old], f"{later.year}年新增（{earlier.year}年没有）"
    elif op == "dropped":
        found, what = [n for n in old if match_form(n) not in seen_new], f"{earlier.year}年有、{later.year}年没有"
    else:  # both: the only other operation a set of names is read for (_member_kind)
        found, what = [n for n in new if match_form(n) in seen_old], "两年都有"
    count = Decimal(len(found)) if _count_asked(ctx.frame.text) else None
    text = f"{what}的共{len(found)}项：{'、'.join(found) or '无'}。"
    return executor.answer(ctx.frame, text, count, "个" if count is not None else None, items=found)


def _top_of_sums(ctx: Context, executor, largest: bool, earlier: tuple[int, dict[str, Fact]], later: tuple[int, dict[str, Fact]], what: str) -> Answer:
    """「两年都有的项目里，两年合计最高的是哪个」: the members ranked by their two years added — of the
    members of both years when the question says so, else of either (a year without it adds nought)."""
    (y0, old), (y1, new) = earlier, later
    both = bool(_first({"both": cue_data(NAME)["set_operations"]["both"]}, ctx.frame.text))
    keys = [k for k in new if k in old] if both else [*old, *(k for k in new if k not in old)]
    if not keys:
        raise NotAnswerable("两年没有共同的项目" if both else "没有找到项目")
    total = {k: (old[k].value if k in old else Decimal(0)) + (new[k].value if k in new else Decimal(0)) for k in keys}
    best = (max if largest else min)(total.values())
    tops = [k for k in keys if total[k] == best]
    def said(k: str) -> str:
        parts = [f"{y}年{fmt(m[k].value)}万元" for y, m in ((y0, old), (y1, new)) if k in m]
        return f"{(new.get(k) or old[k]).label}（{' + '.join(parts)} = {fmt(total[k])}万元）" if len(parts) > 1 else f"{(new.get(k) or old[k]).label}（仅{parts[0]}）"
    scope = "两年都有的" if both else f"{y0}年或{y1}年有的"
    text = f"{scope}{len(keys)}个{what}中，两年合计金额最{'高' if largest else '低'}的是{'、'.join(said(k) for k in tops)}。"
    facts = [m[k] for k in tops for m in (old, new) if k in m]
    return executor.answer(ctx.frame, text, best, "万元", items=[(new.get(k) or old[k]).label for k in tops], facts=facts)


def _both_total(ctx: Context, executor, what: str, years: list[tuple[int, list[Fact]]]) -> Answer:
    """The total of members of both years: each year's, and the two years' together."""
    sums = [(y, sum((f.value for f in facts), Decimal(0))) for y, facts in years]
    total = sum((v for _, v in sums), Decimal(0))
    each = "，".join(f"{y}年合计{fmt(v)}万元" for y, v in sums)
    text = f"{what}：{each}，两年合计{fmt(total)}万元（{' + '.join(fmt(v) for _, v in sums)}）。"
    return executor.answer(ctx.frame, text, total, "万元", facts=[f for _, facts in years for f in facts])


def _set_answer(reading: Reading, ctx: Context, executor, earlier: Document, later: Document) -> Answer:
    op = reading.slot("set_operation")
    kind = _economic_table(executor, ctx.frame, reading.slot("members"), (earlier, later))
    if kind.startswith("named:"):
        return _named_set_answer(ctx, executor, op, kind.split(":", 1)[1], earlier, later)
    old, new, topic = year_sets.on_topic(reading.slot("topic"), _members(executor, ctx.frame, earlier, kind), _members(executor, ctx.frame, later, kind))
    topic += _class_filter_words(ctx.frame, kind) + _unit_words(ctx.frame, kind)
    both = [k for k in new if k in old]
    y0, y1 = earlier.year, later.year
    if op in ("new", "dropped") and reading.slot("member"):
        return _is_member(ctx, executor, op, reading.slot("member"), (earlier, old), (later, new))
    if op in ("new", "dropped"):
        keys = [k for k in new if k not in old] if op == "new" else [k for k in old if k not in new]
        near = year_sets.asks_similar(ctx.frame.text)
        if near:  # 「连相近名称都找不到」: no near name in the other year either
            keys = year_sets.without_near_names(keys, old if op == "new" else new)
        listed = new if op == "new" else old
        fund = executor.fund_named(ctx.frame) if kind == "projects" else None
        if fund:  # 「2024年靠政府性基金安排的项目里，哪个到2025年不见了」: of the fund's projects that year
            funded = {id(f) for f in executor.fund_scoped(ctx.frame, (later if op == "new" else earlier).iri, list(listed.values()))}
            keys = [k for k in keys if id(listed[k]) in funded]
            topic += f"、{fund}安排"
        facts = [f for f in (listed[k] for k in keys) if _passes(ctx.frame, f.value)]
        year_sets.check_found(reading.slot("topic"), topic, facts)
        what = (f"{y1}年新增（{y0}年没有）" if op == "new" else f"{y0}年有、{y1}年没有") + topic
        what += f"（{y0 if op == 'new' else y1}年也没有名称相互包含的项目）" if near else ""
        what += _threshold_words(ctx.frame, "金额")
        top = _extreme(ctx.frame.text, facts)
        if top is not None:  # 「新增的项目里哪个金额最大」: the top of the set
            return executor.answer(ctx.frame, f"{what}的{len(facts)}项中，金额{'最多' if top[1] == 'max' else '最少'}的是{'、'.join(f.label for f in top[0])}，{fmt(top[0][0].value)}万元。",
                                   top[0][0].value, "万元", items=[f.label for f in top[0]], facts=top[0])
        listing = "、".join(f"{f.label}（{fmt(f.value)}万元）" for f in facts)
        text = f"{what}的共{len(facts)}项：{listing or '无'}"
        if kind == "projects" and re.search(r"占[^，,。？?]{0,8}项目支出", ctx.frame.text):  # 「新增的项目占当年项目支出的比例」: over that year's projects
            return _set_share(ctx, executor, text, facts, list(listed.values()))
        return _set_result(ctx, executor, text, facts)
    if op in ("same", "both_up", "both_down", "both"):
        if op == "both":  # 「两年都超过100万元的」: the threshold holds in each year
            keys = [k for k in both if _passes(ctx.frame, new[k].value) and _passes(ctx.frame, old[k].value)]
        else:
            test = {"same": lambda d: d == 0, "both_up": lambda d: d > 0, "both_down": lambda d: d < 0}[op]
            keys = [k for k in both if test(new[k].value - old[k].value) and _passes(ctx.frame, abs(new[k].value - old[k].value))]
        year_sets.check_found(reading.slot("topic"), topic, keys)
        word = {"both": "列为重点项目" if kind == "goals" else "名称相同", "same": "金额相同", "both_up": f"{y1}年高于{y0}年", "both_down": f"{y1}年低于{y0}年"}[op] + topic
        word += _threshold_words(ctx.frame, "金额" if op == "both" else "相差")
        listing = "、".join(f"{new[k].label}（{fmt(old[k].value)} → {fmt(new[k].value)}万元）" for k in keys)
        if pattern(NAME, "set_total").search(ctx.frame.text):  # 「两年都列了的项目合计多少钱」: each year's total and both
            return _both_total(ctx, executor, f"两年都有、{word}的{len(keys)}项", [(y0, [old[k] for k in keys]), (y1, [new[k] for k in keys])])
        count = Decimal(len(keys)) if _count_asked(ctx.frame.text) else None  # 「…的有几个」
        return executor.answer(ctx.frame, f"两年都有、{word}的共{len(keys)}项：{listing or '无'}。", count, "个" if count is not None else None,
                               items=[new[k].label for k in keys], facts=[new[k] for k in keys] + [old[k] for k in keys])
    if op in ("sum_max", "sum_min"):
        noun = "科目" if kind == "classes" or kind.startswith("economic:") else {"units_basic": "单位", "units_project": "单位"}.get(kind, "项目")
        return _top_of_sums(ctx, executor, op == "sum_max", (y0, old), (y1, new), topic[1:] or noun)
    if op == "either":  # 「两年的重点项目表里一共出现过哪些项目」: the members of either year, each with its years
        keys = [*old, *(k for k in new if k not in old)]
        listing = "、".join(f"{(new.get(k) or old[k]).label}（{'、'.join(str(y) for y, m in ((y0, old), (y1, new)) if k in m)}年）" for k in keys)
        what = "列为重点项目" if kind == "goals" else "有"
        count = Decimal(len(keys)) if _count_asked(ctx.frame.text) else None  # 「同名的只算一个，总共有多少个不同的项目」
        return executor.answer(ctx.frame, f"{y0}年或{y1}年{what}{topic}的共{len(keys)}项：{listing or '无'}。", count, "个" if count is not None else None,
                               items=[(new.get(k) or old[k]).label for k in keys], facts=[*old.values(), *new.values()])
    if op in RANKED:
        answer = _ranked_change(ctx, executor, op, (reading.slot("rank", 1), reading.slot("n")), kind, old, new)
        answer.answer = f"（{topic[1:]}）{answer.answer}" if topic else answer.answer  # the set was filtered: say so
        if kind in ("classes",) or kind.startswith("economic:"):
            listed = [new[k].label for k in both] if len(both) <= 5 else []
            answer.answer = (f"（比较的是{'、'.join(listed)}）" if listed else "") + answer.answer  # 「这三个类级支出」: the ones compared, named
        return answer
    if op in ("each_max", "each_min"):  # 「两年里各自金额最小的项目分别是哪个」: each year's own
        largest = op == "each_max"
        tops = [(y, _tops(list(m.values()), largest)) for y, m in ((y0, old), (y1, new)) if m]
        text = (f"（{topic[1:]}）" if topic else "") + "；".join(f"{y}年金额最{'多' if largest else '少'}的是{'、'.join(f.label for f in fs)}，{fmt(fs[0].value)}万元" for y, fs in tops) + "。"
        return executor.answer(ctx.frame, text, None, None, items=[f.label for _, fs in tops for f in fs], facts=[f for _, fs in tops for f in fs])
    pooled = [(y0, f) for f in old.values()] + [(y1, f) for f in new.values()]
    if not pooled:
        raise NotAnswerable("没有找到项目")
    best = (max if op == "pooled_max" else min)(f.value for _, f in pooled)
    tops = [(y, f) for y, f in pooled if f.value == best]
    named = "、".join(f"{y}年的{f.label}" for y, f in tops)
    text = f"两年{topic[1:]}的{len(pooled)}项中金额{'最大' if op == 'pooled_max' else '最小'}的是{named}，{fmt(best)}万元。"
    return executor.answer(ctx.frame, text, best, "万元", items=[f.label for _, f in tops], facts=[f for _, f in tops])

"""arithmetic: the operator the question states between named figures — a difference (「A比B
多多少」「A和B谁多，多多少」「A与B之差」), a multiple (「A是B的几倍」「A与B之比」), a share (「A占B的
比例」), a percentage of another figure (「A相当于B的百分之几」), a relative difference (「A比B少
百分之几」) or the sum of a written list (「A和B两个项目一共多少」) — with each side possibly a sum
(「A加B比C多多少」「比A、B、C三类加起来还多多少」), a unit's column (本级, 图书馆, 下属单位), a
fund's kind of expenditure (一般公共预算基本支出), a bare 收入/支出, the set named before (三者合计)
or a figure named before (前者/后者). The operator is a slot with its span, so this reading explains
the operator words and competes by coverage with the classic frame chain, which reads some of these
as a sum of all names. Every operand must resolve to one figure; none is replaced by a nearby one:
an operand holding words no figure stands for is refused, and one that is not one figure leaves
the question to the next reading (qa/honour.py still refuses an answer that drops the operator)."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from kg.template import load_template
from qa.answer import Answer, fmt, percent
from qa.commentary import points_back
from qa.execute import NotAnswerable, _subframe, _without_containers, single
from qa.facts import Fact
from qa.honour import left_out
from qa.kinds.base import Context, Reading, Slot, cue_data
from qa.kinds.unit_scope import column_words, is_fund, unit_value
from qa.known import is_known
from qa.lexicon import load_cues, match_form
from qa.normalize import count_of
from qa.segment import content_nouns
from qa.spans import SENTENCE_END, compiled

NAME = "arithmetic"
VALUE = {"classification", "line_item", "project", "figure", "goal"}
SEPARATORS = re.compile(r"[,，:：;；。!！?？—]+")


class Unexplained(NotAnswerable):
    """An operand holds words no figure found stands for."""


YEAR_TERM = re.compile(r"^(?:19|20)\d{2}年|(?:19|20)\d{2}年$")  # a side that starts or ends with a year joins years, not things


@dataclass(frozen=True)
class Term:
    """One named figure of an operand: its span of the question's match form."""

    start: int
    end: int


@dataclass
class Operand:
    """One side of the operator: a figure, or the sum of several."""

    terms: list[Term]
    summed: bool  # written as a sum (加, 三类加起来): every term must be found
    name: str = ""
    value: Decimal = Decimal(0)
    facts: list[Fact] = field(default_factory=list)


def _structure(text: str) -> tuple[str, re.Match] | None:
    """The first operator the question states, with the spans of its two sides."""
    found = []
    for op, patterns in cue_data(NAME)["structures"].items():
        for p in patterns:
            match = compiled(p).search(text)
            if match:
                found.append((match.end(), op, match))
    if not found:
        return None
    _, op, match = min(found, key=lambda f: f[0])
    return op, match


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without separators and filler words at its edges; the left side starts after
    the last separator (what comes before is context: 「我在写稿子，想对比一下：A比B多多少」)."""
    fillers = re.compile(cue_data(NAME)["edge_fillers"])
    while end > start and SEPARATORS.fullmatch(text[end - 1]):
        end -= 1
    cut = [m.end() for m in SEPARATORS.finditer(text, start, end)]
    start = cut[-1] if cut else start
    container = re.match(cue_data(NAME)["container"], text[start:end])
    start += container.end() if container and container.end() < end - start else 0
    for _ in range(3):
        head = fillers.search(text[start:end])
        if head and head.start() == 0 and head.end() > 0:
            start += head.end()
            continue
        tail = fillers.search(text[start:end])
        if tail and tail.end() == end - start and tail.start() < tail.end():
            end = start + tail.start()
            continue
        break
    return start, end


def _items_only(frame, operand: Operand) -> bool:
    """A list the sum kind reads: each term one named item (project, class, line) or a short
    name of one, with no measure, total, unit or body word and no bracketed aside."""
    words = _name_words() + cue_data("unit_scope")["self_words"]
    bodies = re.compile("|".join(load_cues()["body_suffixes"]))
    for term in operand.terms:
        piece = frame.text[term.start:term.end]
        inside = [m for m in frame.mentions if term.start <= m.start < term.end]
        rest = "".join(" " if any(m.start <= k < m.end for m in inside) else ch for k, ch in enumerate(piece, term.start))
        if bodies.search(rest) or any(m.of("department") for m in inside):
            return False  # 「A局和B局的三公经费加起来」: departments, cross_department's
        if re.search(r"[()]", piece) or any(match_form(w) in piece for w in words) or len(inside) > 1:
            return False
        if inside and not inside[0].of("project", "classification", "line_item") or any(m.of("budget_unit") for m in inside):
            return False
    return True


YEAR_ALONE = re.compile(r"\s*(?:19|20)\d{2}年?\s*")


def _listed(text: str, start: int, end: int) -> Operand:
    """A written list summed by the words after it (「A和B两个项目一共」): its terms at the joiners."""
    data = cue_data(NAME)
    start, end = _trim(text, start, end)
    held = text.rfind("把", start, end)
    start = held + 1 if held >= 0 else start  # 「算人员经费的时候我想把A、B和C这三块合在一起」: the list is what 把 takes
    said = re.search(f"(?:{data['sum_words']})$", text[start:end])
    end = start + said.start() if said else end  # 「A和B加起来一共」
    terms, offset = [], start
    for chunk in re.split(f"({data['sum_joiners']})", text[start:end]):
        if chunk.strip() and not re.fullmatch(data["sum_joiners"], chunk) and not YEAR_ALONE.fullmatch(chunk):  # 「2024、2025两年」: a year is no term
            terms.append(Term(offset, offset + len(chunk)))
        offset += len(chunk)
    return Operand(terms, summed=len(terms) > 1)


def _operand(text: str, start: int, end: int) -> Operand:
    """A side split into its terms when it is written as a sum."""
    data = cue_data(NAME)
    start, end = _trim(text, start, end)
    piece = re.sub(r"\([^()]*\)", lambda m: "#" * len(m.group(0)), text[start:end])  # 「（基本加项目）」 explains, it adds nothing
    said = list(re.finditer(data["sum_words"], piece))
    if not said:
        return Operand([Term(start, end)], summed=False)
    masked = re.sub(data["sum_words"], lambda m: ("、" if m.group(0).startswith("加") and m.end() < len(piece) else " ").ljust(len(m.group(0))), piece)
    terms, offset = [], 0
    for chunk in re.split(f"({data['sum_joiners']})", masked):
        if chunk.strip() and not re.fullmatch(data["sum_joiners"], chunk) and not YEAR_ALONE.fullmatch(chunk):
            left = len(chunk) - len(chunk.lstrip())
            terms.append(Term(start + offset + left, start + offset + len(chunk.rstrip())))
        offset += len(chunk)
    if len(terms) < 2:  # 「预算合计」 is a name, not a sum
        return Operand([Term(start, end)], summed=False)
    return Operand(terms, summed=True)


class Arithmetic:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        if frame.last_year or len(frame.docs) != 1:
            return None  # across years or departments: cross_year and cross_department read them
        masked = frame.masked()  # operator and joiner words inside a linked name are not operators
        found = _structure(masked)
        if found is None:
            return None
        op, match = found
        if match.groupdict().get("b") is not None and SENTENCE_END.search(masked, match.end("a"), match.start("b")):
            return None  # 「…好像在缩减。它的基本支出比上一年少了多少」: two operands on either side of a sentence's end are no pair
        if op == "sum" and frame.cues & {"max", "min"}:
            return None  # 「把本级和普查中心的项目放在一起，哪个最多」: the pooled set ranked, not a sum asked
        if op in ("sum", "average"):
            left, right = _listed(masked, match.start("a"), match.end("a")), Operand([], summed=False)
            if len(left.terms) < 2 or not _named(ctx, left) or not _items_only(frame, left):
                return None  # one name summed (「项目支出合计」), or measures spread over names, are the classic sum's
        else:
            left = _operand(masked, match.start("a"), match.end("a"))
            right = _operand(masked, match.start("b"), match.end("b"))
            if not _named(ctx, left) or not _named(ctx, right) or _unit_class(frame, left) or _unit_class(frame, right):
                return None
            if op == "share" and (_whole_of_the_unit(frame, left, right) or _fund_of_the_whole(frame, left, right)):
                return None
            if _thing_said_before(frame, left, right):
                return None  # 「同样是办公费，项目支出里的比基本支出里的多多少」: one thing in two measures, as the classic compare reads it
            terms = left.terms + right.terms
            joined = [m for m in frame.mentions if m.of("budget_unit") and not any(t.start <= m.start < t.end for t in terms)
                      and any(re.fullmatch(r"[和与跟及、]", frame.text[a:b]) for t in left.terms for a, b in ((m.end, t.start), (t.end, m.start)))]
            if joined:
                return None  # 「A和B相比，基本支出谁多」: a unit joined to the first operand is one of the two compared (unit_scope)
        if any(YEAR_TERM.search(masked[t.start:t.end]) for t in left.terms + right.terms):
            return None  # 「X2024年和2025年加起来」: years joined, one thing in each (cross_year)
        stated = match.groupdict().get("n")
        if stated and count_of(stated) != len(left.terms):
            return Reading(NAME, 0.9, [], missing=f"问题说的是{stated}项，列出的是{len(left.terms)}项", explained=frame.text[match.start():match.end()])
        slots = [Slot("operator", op, (match.end("b"), match.end())), Slot("left", left, match.span("a")),
                 Slot("right", right, match.span("b"))]
        for term in left.terms + right.terms:  # 「金额最大的三个项目合计占…」: the top N is this reading's term
            top = _top_count(frame.text[term.start:term.end])
            if top:
                slots.append(Slot("n", top, (term.start, term.end)))
        said = " ".join(re.findall(cue_data(NAME)["operator_words"], frame.text))
        return Reading(NAME, 0.9, slots, explained=frame.text[match.start():match.end()] + " " + said)

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        left, right = reading.slot("left"), reading.slot("right")
        context = _context_measure(frame, left)
        try:
            try:
                _resolve(left, right, ctx, executor, doc, context)
            except NotAnswerable:  # 「A占B的比例」 with A in two tables: A in B's table
                _resolve(right, left, ctx, executor, doc, context)
                _resolve(left, right, ctx, executor, doc, context)
            if not right.facts:
                _resolve(right, left, ctx, executor, doc, context)
        except Unexplained:
            raise  # an operand names more than any figure found: never a nearby figure
        except NotAnswerable:
            if reading.slot("operator") in ("sum", "average"):
                return _next_best(ctx, executor)  # a list read otherwise (a measure spread over names): the classic sum
            if left.summed or right.summed:
                raise  # a sum the question writes out is never read as one of its terms
            return _next_best(ctx, executor)
        if left.name == right.name:  # 「表6的住房公积金和表5的住房公积金」: told apart by their tables
            left.name, right.name = (f"{s.name}（{'、'.join(dict.fromkeys(f.where().split(' ')[0] for f in s.facts))}）" for s in (left, right))
        keys = [(f.table, f.row, f.column, f.label) for f in left.facts]
        if keys and keys == [(f.table, f.row, f.column, f.label) for f in right.facts]:
            return _next_best(ctx, executor)  # both sides are one figure: this reading did not tell them apart
        if reading.slot("operator") == "share":
            outside = _outside_its_unit(left, right, executor, doc)
            if outside:
                raise NotAnswerable(outside)
        return _render(reading.slot("operator"), left, right, frame, executor)


def _outside_its_unit(part: Operand, whole: Operand, executor, doc: str) -> str | None:
    """「X在本级项目支出中占几成」 with X a project (or class) listed under another unit of 表11/表12:
    the part is not inside the whole, no share of it is computed."""
    units = [f for f in whole.facts if f.kind == "unit" and f.table in load_template().per_unit]
    if not units or len(whole.terms) != 1:
        return None
    rows = {f.row for f in units}
    for fact in part.facts:
        placed = [f for f in executor.reader.table_facts(doc, units[0].table) if f.label == fact.label and f.parent_row]
        if placed and not any(f.parent_row in rows for f in placed):
            return f"“{fact.label}”不在{whole.name}之内（表{units[0].table}中列在其他单位下），不计算它占的比例"
    return None


def _next_best(ctx: Context, executor) -> Answer:
    """When an operand is not one figure, the next reading answers (unit_scope, or the classic
    frame intent); qa/honour.py still refuses an answer that drops the operator."""
    from qa.kinds import next_best

    return next_best(ctx, executor, NAME)


def _named(ctx: Context, operand: Operand) -> bool:
    """Each term names something a figure can stand for: an entity, a measure or total word, the
    department itself (本级), a bare 收入/支出, or a pronoun pointing at the other side's unit."""
    frame = ctx.frame
    named = [bool(piece := frame.text[t.start:t.end]) and (any(t.start <= m.start < t.end for m in frame.mentions)
                                                        or bool(_naming_words().search(piece)) or _top_count(piece) is not None)
             for t in operand.terms]
    return all(named) or operand.summed and any(named)  # 「社保、卫生、住房三类」: the others by their siblings


@cache
def _naming_words() -> re.Pattern:
    """Words that name a figure without an entity (measures, totals, 本级, 它, 前者, 三者合计)."""
    data = cue_data(NAME)
    scope = cue_data("unit_scope")
    words = [re.escape(match_form(w)) for w in _name_words() + scope["self_words"] + scope["subordinate_words"]]  # 「比下属单位合计多多少」
    words += [data["pronouns"], *(w.replace("一", "[一1]") for w in data["back_references"]), data["set_reference"].strip("^$")]  # 前一项 may read 前1项
    return re.compile("|".join(words))


@cache
def _explaining_words() -> re.Pattern:
    """Measure, total and unit column words, longest first: they explain an operand's text."""
    scope = cue_data("unit_scope")
    words = _name_words() + scope["self_words"] + scope["subordinate_words"] + scope["whole"] + column_words("basic") + column_words("project")
    return re.compile("|".join(re.escape(match_form(w)) for w in sorted(words, key=len, reverse=True)))


def _unexplained(frame, term: Term, regions) -> str:
    """Content nouns of the term that no linked name, cue, measure or total word, unit word or
    filler explains (「一般公共预算人员支出」: 人员): the term names more than any figure found.
    A noun made of the characters of a linked entity's label belongs to that name (a partial name);
    a loaded document's region (映山区的公务接待费) is where the figure is, no more."""
    piece = frame.text[term.start:term.end]
    for region in sorted(regions, key=len, reverse=True):
        piece = piece.replace(match_form(region), " " * len(match_form(region)))
    blank = _explaining_words().sub(lambda m: " " * len(m.group(0)), piece)
    text = list(blank)
    spans = [(m.start, m.end) for m in frame.mentions] + list(frame.cue_spans)
    for a, b in spans:
        for k in range(max(a, term.start), min(b, term.end)):
            text[k - term.start] = " "
    rest = re.sub(cue_data(NAME)["term_fillers"], " ", "".join(text))
    labels = [match_form(e.label) for m in frame.mentions if term.start <= m.start < term.end for e in m.entities]
    nouns = [w for chunk in re.sub(r"[^\u4e00-\u9fff]", " ", rest).split() for w in content_nouns(chunk)]
    return " ".join(w for w in nouns if len(w) >= 2 and not any(set(w) <= set(label) for label in labels) and not is_known(w, frame.text, frame.mentions))


def _unit_class(frame, operand: Operand) -> bool:
    """「图书馆的工资福利支出」: a class of one unit's basic expenditure, and 「各单位的项目支出」:
    every unit, are unit_scope's reading."""
    groups = [match_form(w) for w in cue_data("unit_scope")["all_words"]]
    for term in operand.terms:
        if any(w in frame.text[term.start:term.end] for w in groups):
            return True
        inside = [m for m in frame.mentions if term.start <= m.start < term.end]
        units = [m for m in inside if m.of("budget_unit")]
        if units and any(m.of("classification", "line_item") and not m.of("budget_unit") for m in inside):
            return True
    return False


def _whole_of_the_unit(frame, part: Operand, whole: Operand) -> bool:
    """「本级的X占基本支出的百分比」: a bare column word after 占, with a unit named in the part and
    none in the whole, is that unit's column (unit_scope reads it), not the department's."""
    piece = "".join(frame.text[t.start:t.end] for t in whole.terms)
    scope = cue_data("unit_scope")
    unit_words = [match_form(w) for w in scope["self_words"] + scope["subordinate_words"] + scope["department_wide"]]
    if _column(piece) not in ("basic", "project") or any(w in piece for w in unit_words):
        return False
    if any(t.start <= m.start < t.end for t in whole.terms for m in frame.mentions if not m.of("term")):
        return False
    first = "".join(frame.text[t.start:t.end] for t in part.terms)
    named = any(t.start <= m.start < t.end and m.of("budget_unit") for t in part.terms for m in frame.mentions)
    return named or any(match_form(w) in first for w in scope["self_words"])


def _fund_of_the_whole(frame, part: Operand, whole: Operand) -> bool:
    """「其他资金占文化馆基本支出的百分比」: a source of funds named alone before 占, and one unit's basic
    or project expenditure after it, is that unit's column of the fund (unit_scope reads it) — a share's
    part lies inside its whole, never the department's fund."""
    inside = [m for t in part.terms for m in frame.mentions if t.start <= m.start < t.end]
    if len(part.terms) != 1 or not inside or not all(is_fund(m) for m in inside):
        return False
    units = [m for t in whole.terms for m in frame.mentions if t.start <= m.start < t.end and m.of("budget_unit")]
    return len(units) == 1 and _column("".join(frame.text[t.start:t.end] for t in whole.terms)) in ("basic", "project")


@cache
def _name_words() -> list[str]:
    """Measure and total words of cues.json, and the bare wholes of this kind's data."""
    cues = load_cues()
    words = [a for spec in cues["measures"].values() for a in spec["aliases"]]
    words += [w for synonyms in cues["totals"].values() for w in synonyms]
    return words + list(load_cues()["bare_totals"])


def _context_measure(frame, left: Operand) -> str | None:
    """「项目支出里A加B，比C多多少」「基本支出的A比B多多少」: a measure written as the container of
    the first term holds for every term without a measure of its own."""
    first = left.terms[0]
    bound = [m.measure for m in frame.mentions if first.start <= m.start < first.end and m.measure]
    return bound[0] if bound else None


def _context_fund(frame, left: Operand) -> str:
    """「一般公共预算中，基本支出比项目支出多多少」: the fund named before the first operand holds
    for the operands that name a kind of expenditure alone."""
    before = frame.text[:left.terms[0].start]
    for name, spec in load_template().measures.items():
        if spec.fund and any(match_form(a) in before for a in load_cues()["measures"].get(name, {}).get("aliases", [name])):
            return name
    return ""


def _resolve(side: Operand, other: Operand, ctx: Context, executor, doc: str, context: str | None) -> None:
    frame = ctx.frame
    found: dict[Term, tuple[str, list[Fact]]] = {}
    unnamed = [t for t in side.terms if not any(t.start <= m.start < t.end for m in frame.mentions) and not _words_in(frame.text[t.start:t.end])
               and _top_count(frame.text[t.start:t.end]) is None]  # 「前三大项目合计」 names its set
    for term in side.terms:
        if term not in unnamed:
            found[term] = _term(term, side, other, ctx, executor, doc, context)
    for term in unnamed:
        found[term] = _sibling(frame.text[term.start:term.end], [f for n, fs in found.values() for f in fs], executor, doc)
    names, facts, total = [], [], Decimal(0)
    for term in side.terms:
        name, fact_list = found[term]
        names.append(name)
        facts += fact_list
        total += sum((f.value for f in fact_list), Decimal(0))  # a unit's whole budget: basic + project
    side.name = "、".join(names) + ("合计" if len(names) > 1 else "")
    side.value, side.facts = total, facts
    if frame.want_yuan:
        side.value = side.value * 10000


def _set_members(piece: str, frame, executor, doc: str) -> tuple[str, list[Fact]] | None:
    """「三者合计」「它们加起来」: the members of the set the question named (三个重点项目), summed;
    a count that does not match the set is refused."""
    match = re.fullmatch(cue_data(NAME)["set_reference"], piece)
    if not match or frame.set_kind is None:
        return None
    members = executor.members(frame, doc)
    if not members:
        raise NotAnswerable("没有找到问题所说的那一组")
    stated = match.group("n")
    if stated and count_of(stated) != len(members):
        raise NotAnswerable(f"问题说的是{stated}项，文件中这一组有{len(members)}项")
    return f"{'、'.join(f.label for f in members)}合计", members


def _top_count(piece: str) -> int | None:
    """N of a term naming the N largest projects (金额最大的三个项目合计, 前三大项目), else None."""
    match = compiled(cue_data(NAME)["top_projects"]).fullmatch(piece)
    return int(match.group("n") or match.group("m")) if match else None


def _top_projects(piece: str, executor, doc: str) -> tuple[str, list[Fact]] | None:
    """「金额最大的三个项目合计占项目支出总额的百分之多少」: the N largest projects, summed; a tie at the N-th
    place leaves the set unsaid and is refused."""
    n = _top_count(piece)
    if n is None:
        return None
    projects = sorted(executor.reader.projects(doc), key=lambda f: -f.value)
    if len(projects) < n:
        raise NotAnswerable(f"文件中只有{len(projects)}个项目，不到{n}个")
    if len(projects) > n and projects[n - 1].value == projects[n].value:
        raise NotAnswerable(f"第{n}位并列（{projects[n - 1].label}、{projects[n].label}），前{n}个项目不能唯一确定")
    return f"金额最大的{n}个项目（{'、'.join(f.label for f in projects[:n])}）合计", projects[:n]


def _in_order(piece: str, label: str) -> bool:
    """Every character of the piece stands in the label in the same order (文物保护修缮 in
    文物保护单位修缮及安全巡查经费): a name shortened by leaving words out."""
    position = 0
    for ch in piece:
        position = label.find(ch, position) + 1
        if position == 0:
            return False
    return len(piece) >= 4


def _words_in(piece: str) -> bool:
    """The term holds a measure, total, unit or back-reference word (it is named without an entity)."""
    return bool(_naming_words().search(piece))


def _sibling(piece: str, siblings: list[Fact], executor, doc: str) -> tuple[str, list[Fact]]:
    """A short term of a written list (「社保、卫生、住房三类」) is the one row of its named
    siblings' table, column and level whose label starts with it; else it is not found."""
    if not siblings or not piece:
        raise Unexplained(f"文件中没有找到“{piece}”")
    model = siblings[0]
    rows = [f for f in executor.reader.table_facts(doc, model.table) if f.column == model.column
            and len(f.code or "") == len(model.code or "") and f.kind == model.kind]
    fitting = [f for f in rows if match_form(f.label).startswith(piece)] or [f for f in rows if _in_order(piece, match_form(f.label))]
    if len(fitting) != 1:
        raise Unexplained(f"文件中没有找到“{piece}”（表{model.table}中同级的科目里没有唯一以它开头的）")
    return fitting[0].label, fitting


def _term(term: Term, side: Operand, other: Operand, ctx: Context, executor, doc: str, context: str | None) -> tuple[str, list[Fact]]:
    """One term's figure: a budget unit's column (表11/表12), or the one figure its words name."""
    frame = ctx.frame
    piece = frame.text[term.start:term.end]
    members = _set_members(piece, frame, executor, doc) or _top_projects(piece, executor, doc)
    if members is not None:
        return members
    back = cue_data(NAME)["back_references"].get(piece.replace("1", "一"))  # 前一项 may read 前1项
    if back is not None:  # 「A比B翻了一番，准确吗？前者是后者的几倍」: A, B named before
        named = [m for m in frame.mentions if m.end <= min(t.start for t in side.terms + other.terms) and m.kinds() & VALUE]
        if len(named) < 2:
            raise NotAnswerable(f"没有找到“{piece}”所指的项目")
        mention = named[-2:][back]  # the two named last: 「公共卫生这块分了A和B两个科目，后者比前者」 is B and A
        return _term(Term(mention.start, mention.end), side, other, ctx, executor, doc, context)
    measured = _measure_pointed(frame, term, other, executor, doc)
    if measured is not None:  # 「项目支出的培训费是基本支出那笔的多少倍」: the other side's thing, in this measure
        return measured
    pointed = _pointed_at(frame, term, side, other)
    if pointed is not None:  # 「X一个项目就两千九百多万，它占本级项目支出的百分之多少」: 它 is X
        return _term(Term(pointed.start, pointed.end), side, other, ctx, executor, doc, context)
    elided = _elided_subject(frame, term, other, executor, doc)
    if elided is not None:
        return elided
    left_over = _unexplained(frame, term, ctx.lexicon.regions)
    if left_over:
        raise Unexplained(f"文件中没有找到“{frame.text[term.start:term.end]}”（“{left_over}”）")
    unit = _unit_term(term, side, other, ctx, executor, doc)
    if unit is not None:
        return unit
    whole = _whole_term(piece, executor, doc) or _whole_term(_context_fund(frame, _first(side, other)) + piece, executor, doc)
    if whole is not None:
        return whole
    sub = _without_containers(_subframe(frame, term.start, term.end))
    if context:
        sub = _bound(sub, context)
    own_table = re.search(r"表(\d{1,2})", piece)
    if own_table:  # 「表6的住房公积金和表5的住房公积金」: each term in its own table
        sub.table = int(own_table.group(1))
    found = list({n: (n, f) for n, f in executor.operands(sub, doc) if f}.values())
    base = match_form(found[0][0]) if found else ""
    if len(found) > 1 and "sum" in frame.cues and all(base in match_form(n) for n, _ in found):  # 「X前后两笔加在一起占…」: X and its siblings, added
        return "、".join(n for n, _ in found) + "合计", [single(f) for _, f in found]
    if len(found) != 1:
        raise NotAnswerable(f"没有找到“{piece}”对应的一个金额")
    name, facts = found[0]
    tables = {f.table for f in other.facts}
    if len({f.value for f in facts}) > 1 and tables:
        facts = [f for f in facts if f.table in tables] or facts
    return name, [single(facts)]


def _measure_pointed(frame, term: Term, other: Operand, executor, doc: str) -> tuple[str, list[Fact]] | None:
    """A measure and a pointer (基本支出那笔) as a term: the thing the other side names, in that measure."""
    said = re.fullmatch(r"(?P<what>[\u4e00-\u9fff]{2,10}?)的?[那这]一?[笔个项]", frame.text[term.start:term.end])
    if said is None or len(other.terms) != 1:
        return None
    measure = next((name for name, spec in load_cues()["measures"].items() if said.group("what") in {match_form(a) for a in [name, *spec["aliases"]]}), None)
    if measure is None:
        return None
    t = other.terms[0]
    sub = _without_containers(_subframe(frame, t.start, t.end))
    things = [m for m in sub.mentions if not m.of("budget_unit", "department") and not m.kinds() <= {"term"}]  # 项目支出 the term is the other's measure
    if len(things) != 1:
        return None
    sub.mentions = [copy.copy(things[0])]
    sub.mentions[0].measure = measure
    found = list({n: (n, f) for n, f in executor.operands(sub, doc) if f}.values())
    if len(found) != 1:
        raise NotAnswerable(f"没有找到{said.group('what')}中的“{things[0].surface}”")
    name, facts = found[0]
    return name, [single(facts)]


def _pointed_at(frame, term: Term, side: Operand, other: Operand):
    """The one thing named before the operands that a pronoun term (它, 这笔, 这个项目) points back at."""
    if not re.fullmatch(points_back().pattern, frame.text[term.start:term.end]):
        return None
    first = min(t.start for t in side.terms + other.terms)
    named = [m for m in frame.mentions if m.end <= first and m.kinds() & VALUE]
    return named[0] if len({frozenset(e.iri for e in m.entities) for m in named}) == 1 else None


def _thing_said_before(frame, left: Operand, right: Operand) -> bool:
    """Both sides name only where (项目支出里的, 基本支出里的) and one thing is named outside them."""
    terms = left.terms + right.terms
    if any(t.start <= m.start < t.end and m.kinds() & VALUE for t in terms for m in frame.mentions):
        return False
    things = [m for m in frame.mentions if m.kinds() & VALUE]
    funds = load_template().measures  # 「一般公共预算里头，项目支出比基本支出」: a fund scopes both sides, it is no thing of its own
    return len(things) == 1 and not any(e.label in funds for e in things[0].entities) and len(_subframe(frame, 0, len(frame.text)).measures) >= 2


def _elided_subject(frame, term: Term, other: Operand, executor, doc: str) -> tuple[str, list[Fact]] | None:
    """「X在A里比在B里多多少」: the side written 在B里 names no figure of its own; its subject is the
    other side's one named thing, taken in B's measure."""
    piece = frame.text[term.start:term.end]
    if any(term.start <= m.start < term.end and m.kinds() & VALUE for m in frame.mentions):
        return None
    measures = _subframe(frame, term.start, term.end).measures
    subjects = [m for t in other.terms for m in frame.mentions if t.start <= m.start < t.end and m.kinds() & VALUE]
    said = _subframe(frame, other.terms[0].start, other.terms[0].end).measures if len(other.terms) == 1 else []
    after = frame.text[subjects[0].end:other.terms[0].end] if len(subjects) == 1 and len(other.terms) == 1 else ""
    as_class = len(subjects) == 1 and (not subjects[0].of("department", "budget_unit") or re.match(r"(?:这个|这一|该)?(?:功能)?科目", frame.text[subjects[0].end:]))
    parallel = as_class and subjects[0].of("classification") and len(said) == 1 and said != measures and re.fullmatch(r"[\u4e00-\u9fff]{2,8}", piece) \
        and said == _subframe(frame, subjects[0].end, other.terms[0].end).measures and bool(after)
    if not (re.fullmatch(cue_data(NAME)["elided_subject"], piece) or parallel):
        return None  # 「X在B里」, or 「X这个科目基本支出比项目支出」: the bare measure is X's, as the other side's is
    if len(measures) != 1 or len(subjects) != 1:
        return None
    sub = _subframe(frame, subjects[0].start, subjects[0].end)
    sub.measures, sub.totals = [], []
    sub.mentions = [copy.copy(m) for m in sub.mentions]
    for m in sub.mentions:
        m.measure = measures[0]
    found = [(n, f) for n, f in executor.operands(sub, doc) if f]
    if len(found) != 1:
        raise NotAnswerable(f"没有找到{measures[0]}中“{subjects[0].surface}”的一个金额")
    return found[0][0], [single(found[0][1])]


def _first(side: Operand, other: Operand) -> Operand:
    """The side that stands first in the question."""
    return side if not other.terms or side.terms[0].start < other.terms[0].start else other


def _whole_term(piece: str, executor, doc: str) -> tuple[str, list[Fact]] | None:
    """A whole named without an item: a bare 收入/支出 (its total row), or a fund and a kind of
    expenditure together (「一般公共预算基本支出」: the total of the table of that fund and kind)."""
    bare = load_cues()["bare_totals"].get(piece)
    if bare:
        found = executor.total(bare, doc)
        return (bare, found[:1]) if found else None
    template = load_template()
    named = [name for name, spec in template.measures.items()
             if any(match_form(a) in piece for a in load_cues()["measures"].get(name, {}).get("aliases", [name]))]
    funds = [template.measures[n].fund for n in named if template.measures[n].fund]
    kinds = [template.measures[n].expenditure for n in named if template.measures[n].expenditure]
    if len(funds) != 1 or len(kinds) != 1:
        return None
    stated = re.search(r"表(\d{1,2})", piece)
    tables = [n for n in range(1, 40) if (t := template.table(n)) and t.fund == funds[0] and t.expenditure == kinds[0]]
    if stated:
        tables = [n for n in tables if n == int(stated.group(1))]
    if len(tables) != 1:
        return None
    spec = template.table(tables[0])
    totals = [f for f in executor.reader.total_facts(doc, tables[0]) if f.column in (None, spec.columns[0]) or f.first_column]
    return (f"{funds[0]}{kinds[0]}（表{tables[0]}合计）", totals[:1]) if totals else None


def _bound(sub, measure: str):
    """The term's names taken in the context's measure (「项目支出里A加B」)."""
    bound = copy.copy(sub)
    bound.mentions = []
    for m in sub.mentions:
        twin = copy.copy(m)
        twin.measure = m.measure or (measure if not m.of("budget_unit", "department") else None)
        bound.mentions.append(twin)
    return bound


def _column(piece: str) -> str | None:
    data = cue_data("unit_scope")
    if any(match_form(w) in piece for w in data["whole"]) or re.search(cue_data(NAME)["unit_whole"], piece):
        return "whole"
    if any(w in piece for w in column_words("basic")):
        return "basic"
    if any(w in piece for w in column_words("project")):
        return "project"
    return None


def _namesake_project(executor, doc: str, units: set[str], project, regions) -> tuple[str, list[Fact]] | None:
    """The one project of these units whose name holds the other side's project name (a region prefix aside)."""
    core = match_form(project.of("project")[0].label)
    for region in regions:
        core = core.replace(match_form(region), "")
    found = [f for f in executor.reader.projects(doc) if f.unit_name in units and core in match_form(f.label)]
    return (f"{found[0].unit_name}的{found[0].label}", found) if len(found) == 1 else None


def _unit_term(term: Term, side: Operand, other: Operand, ctx: Context, executor, doc: str) -> tuple[str, list[Fact]] | None:
    """A term naming a budget unit (本级, a unit, the subordinate units together, or 它 for the
    other side's unit) with a column word (基本支出/项目支出), taken from the other side when this
    one has none (「图书馆和文化馆的基本支出谁多」)."""
    frame = ctx.frame
    piece = frame.text[term.start:term.end]
    rows = _unit_rows(frame, term, ctx, executor, doc)
    pronoun = cue_data(NAME)["pronouns"]
    if not rows and re.search(pronoun, piece):
        rows = next((r for t in other.terms + [t for t in side.terms if t != term] if (r := _unit_rows(frame, t, ctx, executor, doc))), [])
    if not rows and _column(piece) and len(side.terms) > 1:  # 「它基本支出加项目支出」: the sum is of one unit
        if any(t != term and re.search(pronoun, frame.text[t.start:t.end]) for t in side.terms):
            rows = next((r for t in other.terms if (r := _unit_rows(frame, t, ctx, executor, doc))), [])
        elif piece in column_words("basic") + column_words("project"):  # 「发展中心的基本支出和项目支出加起来」
            rows = next((r for t in side.terms if t != term and (r := _unit_rows(frame, t, ctx, executor, doc))), [])
    if not rows:
        return None
    own = _class_mentions(frame, term)
    classes = own or next((c for t in other.terms if _unit_rows(frame, t, ctx, executor, doc)
                                                    and (c := _class_mentions(frame, t))), [])
    if classes:  # 「本级基本支出中的商品和服务支出是发展中心的几倍」: the class under each unit (表11)
        under = _class_under(executor, doc, rows, classes, ctx.lexicon.documents[doc].name)
        if under is not None:
            return under
        if _self_named(frame, term):
            raise NotAnswerable("文件没有按“本级”列出这一科目 (no figure of that class for the department itself)")
    inside = [m for m in frame.mentions if term.start <= m.start < term.end and m.of("project") and not m.of("budget_unit", "department")]
    if inside and not own and not _column(piece) and len(inside) == 1:  # 「本级的业务培训经费」: the unit's own project of that name, whoever holds the name said
        namesake = _namesake_project(executor, doc, {r.label for r in rows}, inside[0], ctx.lexicon.regions)
        if namesake is not None:
            return namesake
    named = [m for t in other.terms for m in frame.mentions if t.start <= m.start < t.end and m.of("project") and not m.of("budget_unit", "department")]
    first = min(t.start for t in side.terms + other.terms)
    named = named or [m for m in frame.mentions if m.end <= first and m.of("project") and not m.of("budget_unit", "department")]  # 「X，本级那笔和价格认证中心那笔」: the topic said first
    if not own and not _column(piece) and len({frozenset(e.label for e in m.of("project")) for m in named}) == 1 \
            and not any(term.start <= m.start < term.end and m.of("project") for m in frame.mentions):
        namesake = _namesake_project(executor, doc, {r.label for r in rows}, named[0], ctx.lexicon.regions)
        if namesake is not None:  # 「本级的X比价格认证中心的多多少」: the unit's own project of X's name
            return namesake
    if own or any(term.start <= m.start < term.end and m.of("project", "figure") and not m.of("budget_unit") for m in frame.mentions):
        return None  # 「图书馆的电费」: a class of the unit, read as the classic lookup does
    column = _column(piece) or next((c for t in other.terms + side.terms if (c := _column(frame.text[t.start:t.end]))), None)
    if column is None:
        raise NotAnswerable(f"没有说明“{piece}”是基本支出还是项目支出")
    what = {"basic": "基本支出", "project": "项目支出", "whole": "预算合计"}[column]
    department = ctx.lexicon.documents[doc].name
    facts: list[Fact] = []
    for row in rows:
        _, found = unit_value(executor, doc, row, column, None)
        if not found and len(rows) == 1:
            raise NotAnswerable(f"文件中没有{row.label}的{what}")
        facts += found if column == "whole" else found[:1]  # in a group, a unit without a row of the table has none
    if not facts:
        raise NotAnswerable(f"文件中没有{'、'.join(r.label for r in rows)}的{what}")
    if len(rows) > 1:
        return f"{'、'.join(r.label for r in rows)}{what}合计", facts
    label = f"本级（{department}）" if rows[0].label == department else rows[0].label
    return f"{label}{what}", facts


def _class_mentions(frame, term: Term) -> list:
    """Classes named inside a term (「…基本支出中的商品和服务支出」), not units."""
    return [m for m in frame.mentions if term.start <= m.start < term.end
            and m.of("classification", "line_item") and not m.of("budget_unit")]


def _class_under(executor, doc: str, rows: list[Fact], classes: list, department: str) -> tuple[str, list[Fact]] | None:
    """The class's row under each unit in 表11, or None when a unit has no such row."""
    units = load_template().by_layout("units")
    wanted = {match_form(e.label).replace("和", "") for m in classes for e in m.entities}
    facts = []
    for row in rows:
        children = [f for f in executor.reader.table_facts(doc, units.number)
                    if f.parent_row == row.row and f.column == units.columns[0] and match_form(f.label).replace("和", "") in wanted]
        if len(children) != 1:
            return None
        facts.append(children[0])
    label = "、".join(f"本级（{department}）" if r.label == department else r.label for r in rows)
    return f"{label}{facts[0].label}" + ("合计" if len(facts) > 1 else ""), facts


def _self_named(frame, term: Term) -> bool:
    """Whether the term names the department itself (本级) rather than a unit by its name."""
    piece = frame.text[term.start:term.end]
    return any(match_form(w) in piece for w in cue_data("unit_scope")["self_words"])


def _unit_rows(frame, term: Term, ctx: Context, executor, doc: str) -> list[Fact]:
    """The 表11 rows of the unit the term names, or of all subordinate units (下属单位) together."""
    units = load_template().by_layout("units")
    rows = [f for f in executor.reader.table_facts(doc, units.number) if f.kind == "unit" and f.column == units.columns[0]]
    piece = frame.text[term.start:term.end]
    department = ctx.lexicon.documents[doc].name
    left = {id(m) for m in left_out(frame.text, frame.mentions)}  # 「局本级（不含教师发展中心）」: the unit left out is not the whole's
    labels = {e.label for m in frame.mentions if term.start <= m.start < term.end and id(m) not in left for e in m.of("budget_unit") if doc in e.docs}
    if any(match_form(w) in piece for w in cue_data("unit_scope")["self_words"]):
        labels.add(department)
    if not labels and any(match_form(w) in piece for w in cue_data("unit_scope")["subordinate_words"]):
        return [r for r in rows if r.label != department]
    chosen = [r for r in rows if r.label in labels]
    return chosen if len(chosen) == 1 else []


def _render(op: str, left: Operand, right: Operand, frame, executor) -> Answer:
    if op == "share" and len(left.facts) == 1 and len(right.facts) == 1:  # 「印刷费占项目支出」: of the part's own table
        own = executor.whole_of_parts_table(frame, left.facts[0], right.facts[0], right.name, left.facts[0].doc)
        if own is not None:
            right = Operand(right.terms, right.summed, own[1], own[0].value, [own[0]])
    unit = "元" if frame.want_yuan else (left.facts[0].unit if left.facts else "万元")
    a, b = left.value, right.value
    facts = left.facts + right.facts
    if len({f.unit for f in facts}) > 1:  # 平方米 and 辆 are not added to, or compared with, 万元
        raise NotAnswerable("参与计算的数单位不同（" + "、".join(dict.fromkeys(f"{f.label}以{f.unit}计" for f in facts)) + "），不能计算")
    shown = _shown(left, unit), _shown(right, unit)
    if op == "sum":
        return executor.answer(frame, f"{shown[0]}。", a, unit, items=[f.label for f in left.facts], facts=facts)
    if op == "average":  # 「A、B、C这三项平均每项多少」: their sum over their count
        mean = (a / len(left.facts)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return executor.answer(frame, f"{shown[0]}，平均每项{fmt(mean, unit)}{unit}（{fmt(a, unit)} ÷ {len(left.facts)}）。", mean, unit, facts=facts)
    if op == "difference":
        diff = a - b
        if diff == 0:
            return executor.answer(frame, f"{shown[0]}与{shown[1]}相等。", Decimal(0), unit, facts=facts)
        (more, m), (less, n) = ((shown[0], a), (shown[1], b)) if diff > 0 else ((shown[1], b), (shown[0], a))
        text = f"{more}比{less}多{fmt(abs(diff), unit)}{unit}（{fmt(m, unit)} − {fmt(n, unit)} = {fmt(abs(diff), unit)}）。"
        return executor.answer(frame, text, abs(diff), unit, facts=facts)
    if b == 0:
        raise NotAnswerable(f"{right.name}为0，无法计算")
    if op == "relative":  # 「A比B少百分之几」: the difference as a share of B
        rate = percent(abs(a - b), b)
        text = (f"{shown[0]}比{shown[1]}{'多' if a >= b else '少'}{rate}%"
                f"（({fmt(a, unit)} − {fmt(b, unit)}) ÷ {fmt(b, unit)} × 100%）。")
        return executor.answer(frame, text, rate, "%", facts=facts)
    if op == "multiple":
        times = (a / b).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        text = f"{shown[0]}是{shown[1]}的{times}倍（{fmt(a, unit)} ÷ {fmt(b, unit)}）。"
        return executor.answer(frame, text, times, "倍", facts=facts)
    if op == "share" and a > b > 0:
        raise NotAnswerable(f"{shown[0]}大于{shown[1]}，部分和整体没有对上")
    value = percent(a, b)
    verb = "占" if op == "share" else "相当于"
    text = f"{shown[0]}{verb}{shown[1]}的{value}%（{fmt(a, unit)} ÷ {fmt(b, unit)} × 100%）。"
    return executor.answer(frame, text, value, "%", facts=facts)


def _shown(side: Operand, unit: str) -> str:
    """A side with its figure, and the addition when it is a sum (in 元 when asked in 元)."""
    if len(side.terms) > 1:
        scale = Decimal(10000) if unit == "元" else Decimal(1)
        parts = " + ".join(fmt(f.value * scale, unit) for f in side.facts)
        return f"{side.name}（{parts} = {fmt(side.value, unit)}{unit}）"
    return f"{side.name}（{fmt(side.value, unit)}{unit}）"



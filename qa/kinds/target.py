"""target: a measurable performance target (「多功能运动场要建几个」 → 不少于2个). A project named
whole restricts the search to its own targets; otherwise the target is the one whose text holds
the question's own words (目标 found by what it speaks of, not by its owner's name). The figure is
given with its unit; a target in another unit than the one asked is refused, never given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.template import load_template
from qa import queries, segment
from qa.answer import Answer, Source, fmt
from qa.execute import NotAnswerable, best_target
from qa.facts import node
from qa.kinds.base import Context, Reading, Slot, cue_data, pattern
from qa.lexicon import Mention, match_form
from qa.segment import after_years, tokenizer

NAME = "target"
MIN_HIT = 2  # bigrams of the question's own words a target's text must hold (运动+动场, 新增+馆藏)


@dataclass(frozen=True)
class Asked:
    """How the question asks for the figure: a unit, a measured noun's units, or none."""

    units: tuple[str, ...]
    span: tuple[int, int]
    explained: str
    noun: str | None = None
    own_text: bool = False  # asked by a bare 多少: the target's text must hold the words, its owner's name is not enough
    figure: bool = False  # 「X的目标是多少」: a named owner's target figure, whatever its unit
    spoken: bool = False  # 「对系统故障有什么要求」: the target that speaks of words besides its owner's name


class Target:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        if any(m.of("citation") and (not m.partial or "citation" in ctx.frame.cues) for m in ctx.frame.mentions):
            return None  # 「X提到的Y通知是几号文」 asks of a cited document, not of a target (城市管理 of 城市管理检查 is no title said)
        owners = [m for m in ctx.frame.mentions if m.of("project", "goal")]
        if len({frozenset(e.label for e in m.entities) for m in owners}) > 1:
            return None
        if not owners and "count" in ctx.frame.cues and ctx.frame.set_kind in ("projects", "key_projects"):
            return None  # 「救助管理站有几个项目」 counts projects, it asks no target
        asked = _asked(ctx.frame.text, ctx.frame.cues)
        if asked is None or _counts_a_set(ctx, asked):
            return None
        owner = owners[0] if owners else None
        if owner is None or owner.partial or not (asked.units or asked.noun):
            found = _by_text(ctx, owner, asked)
            if found is not None:
                return found
        if owner is None or not (asked.units or asked.noun):
            return None
        slots = [Slot("owner", owner, (owner.start, owner.end)), Slot("unit", asked.units, asked.span)]
        if asked.noun:
            slots.append(Slot("noun", asked.noun, asked.span))
        score = 0.75 if asked.units else 0.65  # a noun alone is a weaker sign than a unit: a text may answer it
        return Reading(NAME, score, slots, explained=asked.explained + _plan_words(ctx.frame.text))

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        chosen = [t for t in reading.slot_values("target") if t] or [_owner_target(reading, ctx, executor, doc)]
        chosen = executor.joined_targets(frame, doc, chosen[0]["ownerLabel"]) or _later_asks(ctx, reading, chosen, doc)
        text = "；".join(f"{t['ownerLabel']}的绩效目标：{t['text']}（{fmt(t['value'], t['unit'])}{t['unit']}）" for t in chosen) + "。"
        sources = [Source(executor.doc_title(doc), "第三部分六 重点项目预算绩效目标", t["ownerLabel"], t["line"]) for t in chosen]
        if len(chosen) > 1:  # several targets speak of what is asked: their words, no one figure
            return executor.answer(frame, text, None, None, items=[t["text"] for t in chosen], sources=sources)
        return executor.answer(frame, text, chosen[0]["value"], chosen[0]["unit"], sources=sources)


def _counts_a_set(ctx: Context, asked: Asked) -> bool:
    """「救助站有几个项目」: the unit asked is followed by the set noun the question names (项目,
    单位): the members of that set are counted, no target's figure is asked."""
    frame = ctx.frame
    words = ctx.lexicon.cues["sets"].get(frame.set_kind or "", [])
    after = frame.text[asked.span[1]:]
    return bool(asked.units) and any(after.startswith(match_form(w)) for w in words)


def _in_unit_asked(reading: Reading, targets: list[dict]) -> list[dict]:
    """The targets in the unit asked (次 is not 人次), or speaking of the noun asked."""
    units = reading.slot("unit")
    if units:
        exact = [t for t in targets if t["unit"] in units]
        return exact or [t for t in targets if t["unit"].endswith(units)]
    if reading.slot("noun"):
        noun = reading.slot("noun")
        grams = [noun[k:k + 2] for k in range(len(noun) - 1)]
        return [t for t in targets if sum(g in match_form(t["text"]) for g in grams) * 2 >= len(grams)]
    return targets


def _owner_target(reading: Reading, ctx: Context, executor, doc: str) -> dict:
    """The named owner's target in the unit asked (or speaking of the noun asked)."""
    owner = reading.slot("owner")
    labels = {match_form(e.label) for e in owner.entities}
    units = reading.slot("unit")  # any one of them answers: 多少人 is 人, 人次 or 万人次
    unit = "、".join(units)
    every = executor.reader.run(queries.TARGETS, doc=node(doc))
    targets = _in_unit_asked(reading, [t for t in every if match_form(t["ownerLabel"]) in labels])
    if not targets:  # 「2025年X是重点项目，它的绩效目标…」: the year is the question's, the key project is X
        labels = {re.sub(r"^\d{4}年度?", "", label) for label in labels}
        targets = _in_unit_asked(reading, [t for t in every if match_form(t["ownerLabel"]) in labels])
        owner.entities = [e for e in ctx.lexicon.entities.values() if e.kind in ("project", "goal") and doc in e.docs
                          and match_form(e.label) in labels] if targets else owner.entities  # the name is X's: the answer says so
    if not targets:
        raise NotAnswerable(f"文件没有给出“{owner.entities[0].label}”以{unit or '这个单位'}计的绩效目标")
    uncounted = _uncounted(ctx.frame, targets) or _act_unsaid(ctx.frame, targets)
    if uncounted:
        raise NotAnswerable(uncounted)
    words = {w for w in after_years(tokenizer().lcut(ctx.frame.text, HMM=False)) if len(w) >= 2}
    score = {id(t): sum(w in match_form(t["text"]) for w in words) for t in targets}
    best = max(targets, key=lambda t: score[id(t)])
    top = [t for t in targets if score[id(t)] == score[id(best)]]
    if pattern(NAME, "goal_said").search(ctx.frame.text) or ctx.frame.set_kind == "key_projects":
        top = [t for t in top if _is_goal(ctx, t["owner"])] or top  # 「X的绩效目标…」: the section of targets
    if len(targets) > 1 and (not any(w in match_form(best["text"]) for w in words - labels) or len({(t["value"], t["unit"]) for t in top}) > 1):
        raise NotAnswerable(f"“{owner.entities[0].label}”有{len(targets)}个以{unit}计的目标，请说明是哪一个")
    return top[0]


def _is_goal(ctx: Context, owner) -> bool:
    """Whether a target's owner is a key project (重点项目绩效目标) rather than a row of the projects table."""
    entity = ctx.lexicon.entities.get(str(owner).strip("<>"))
    return entity is not None and entity.kind == "goal"


def _asked(text: str, cues: set[str]) -> Asked | None:
    """How a figure is asked: 「几个」「多少场」 (a unit), 「多少健身群众」 (a noun), 「人数」「多长时间»
    (a measure's units), 「目标是多少」 (none); None when money or nothing countable is asked."""
    data = cue_data(NAME)
    match = _asks_number().search(text)
    if match and re.search(data["counts_set"], text[:match.start()]):
        return None  # 「和健身有关的项目有几个」 counts projects
    if match:
        units = data["asked_measures"].get(match.group(0))  # 多少人: a head count in 人, 人次 or 万人次
        return Asked(tuple(units) if units else (match.group("unit"),) if match.group("unit") else (), match.span(), match.group(0))
    measure = next((w for w in sorted(data["asked_measures"], key=len, reverse=True) if w in text), None)
    if measure:
        at = text.find(measure)
        return Asked(tuple(data["asked_measures"][measure]), (at, at + len(measure)), measure)
    noun = re.search(data["asks_noun"], text)
    if noun and not re.search(data["money"], noun.group("noun")):
        return Asked((), noun.span(), "", noun.group("noun"))  # 「要接待多少健身群众」: the target that speaks of them
    figure = re.search(data["asks_figure"], text)
    if figure:
        return Asked((), figure.span(), figure.group(0), figure=True)
    spoken = re.search(data["asks_text"], text)
    if spoken:
        return Asked((), spoken.span(), spoken.group(0), spoken=True)
    bare = re.search(data["asks_bare"], text)  # 「馆藏图书要新增多少」: only a target's own text may answer it
    return Asked((), bare.span(), bare.group(0), own_text=True) if bare and not cues & set(data["bare_not"]) else None


COUNTED = re.compile(r"(?:多少|几)个(?P<noun>[\u4e00-\u9fff])(?![\u4e00-\u9fff]{0,1}目标|指标)")  # 「覆盖多少个村」: what is counted


def _uncounted(frame, targets: list[dict]) -> str | None:
    """「覆盖多少个村」 where no target's text speaks of 村 (a target of 镇 counts no 村): why none answers."""
    counted = COUNTED.search(_outside(frame.text, frame.mentions))
    if counted and targets and not any(counted.group("noun") in match_form(t["text"]) for t in targets):
        return f"文件给出的绩效目标没有说“{counted.group('noun')}”的个数"
    return None


def _act_unsaid(frame, targets: list[dict]) -> str | None:
    """「聘用人员劳务费…，今年一共聘了多少人」 beside 「培训业务人员不少于876人次」: when the question's own
    words (its nouns and verbs besides the owner's name and the words every target shares) say
    nothing a target says, no target counts what is asked — a target of another act is not its answer."""
    data = cue_data(NAME)
    generic = set(data["generic_words"]) | set(data["plan_words"]) | set(data["light_verbs"])
    cut = segment.current().pos().lcut(_outside(frame.text, frame.mentions), HMM=False)
    split = segment.glued_to_years([p.word for p in cut])  # 「2025年比2024年少了几次」: 年少 is no word asked
    words = [p.word for k, p in enumerate(cut) if p.flag[:1] in ("n", "v") and p.word not in generic and p.word not in split
             and not (k and cut[k - 1].word in ("多少", "几"))]  # 「多少人」: the unit asked, which every target of it says
    if not words or any(w in match_form(t["text"]) for w in words for t in targets):
        return None
    return f"文件给出的绩效目标没有说“{words[0]}”多少 (no target counts it)"


def _by_text(ctx: Context, owner: Mention | None, asked: Asked) -> Reading | None:
    """The target whose text (with its owner's name) holds most of the question's own words (a
    whole-named owner's only); a reading only when one target clearly holds them. Its unit must be
    the one asked."""
    frame, executor = ctx.frame, ctx.executor
    if executor is None or re.search(cue_data(NAME)["money_asked"], _outside(frame.text, frame.mentions)):
        return None
    figures = [m for m in frame.value_mentions() if m.kinds() & {"figure", "line_item", "classification"} and not m.partial and not m.fuzzy]
    if "占" in frame.text and len(figures) >= 2:
        return None  # 「三公经费里，公务用车购置费占多少比例」: a figure's share of another, no target's percent
    try:
        doc = executor.one_doc(frame)
    except Exception:  # several documents and none chosen: the classic chain says which
        return None
    rows = executor.reader.run(queries.TARGETS, doc=node(doc))
    whole = owner is not None and not owner.partial
    if whole or owner is not None and asked.spoken:  # 「X对系统故障有什么要求」: X's targets, X named by a part too
        labels = {match_form(e.label) for e in owner.entities}
        rows = [r for r in rows if match_form(r["ownerLabel"]) in labels]
    grams = [w[k:k + 2] for w in _own_words(ctx, owner if whole or asked.own_text or asked.spoken else None, asked) for k in range(len(w) - 1)]
    if asked.spoken and not grams:
        return None  # 「X的绩效目标是什么」: all of X's targets, not one
    named = asked.own_text or asked.spoken and owner is not None  # the owner is said: its name picks no target
    strength = {id(r): sum(g in match_form(("" if named else r["ownerLabel"]) + r["text"]) for g in grams) for r in rows}  # 持续时间 ~ 故障时间
    share, least = (0.75, MIN_HIT + 1) if asked.own_text else (0.5, MIN_HIT)  # a bare 多少 asks more of the text
    held = [r for r in rows if strength[id(r)] >= least and strength[id(r)] >= share * len(grams)]
    if not held:
        return _only_target(frame, owner, rows, asked) if asked.figure and owner is not None else None
    if pattern(NAME, "goal_said").search(frame.text):  # 「X的绩效目标要求…」: of X's two texts, the section of targets, not the project table's
        goals = {r["ownerLabel"] for r in held if _is_goal(ctx, r["owner"])}
        held = [r for r in held if _is_goal(ctx, r["owner"]) or r["ownerLabel"] not in goals]
    uncounted = _uncounted(frame, held)
    if uncounted:
        return Reading(NAME, 0.76, [Slot("target", None, asked.span)], checks_words=True, missing=uncounted)
    fitting = [r for r in held if not asked.units or r["unit"] in asked.units or any(r["unit"].endswith(u) for u in asked.units)]
    best = max(fitting or held, key=lambda r: strength[id(r)])
    rivals = [r for r in fitting or held if strength[id(r)] == strength[id(best)] and (r["value"], r["unit"]) != (best["value"], best["unit"])]
    if rivals and frame.set_kind == "key_projects":  # 「作为重点项目，绩效目标要求…」: the key project's target, not the project table's text
        goals = [r for r in [best, *rivals] if _is_goal(ctx, r["owner"])]
        if len(goals) == 1:
            best, rivals = goals[0], []
    chosen = [best]
    if asked.spoken:  # 「对系统故障有什么要求」: every target that speaks of it alike, in its words
        chosen = list({(r["ownerLabel"], r["text"]): r for r in fitting or held if strength[id(r)] == strength[id(best)]}.values())
    elif rivals:  # two targets fit alike: of one owner, the question must say which; of several, not this kind's
        same = all(r["ownerLabel"] == best["ownerLabel"] for r in rivals)
        return Reading(NAME, 0.76, [Slot("target", None, asked.span)], checks_words=True,
                       missing=f"“{best['ownerLabel']}”有{len(rivals) + 1}个目标都符合，请说明问的是哪一个") if same else None
    said = match_form(asked.explained + _plan_words(frame.text) + "".join(t["text"] + t["ownerLabel"] for t in chosen))
    unsaid = [w for w in frame.unknown if not any(w[k:k + 2] in said for k in range(len(w) - 1))]  # 持续时间 ~ 故障时间
    missing = f"文件中没有找到“{'、'.join(unsaid)}” (not found in the document)" if unsaid else None
    if not fitting:
        missing = f"文件给出的目标“{best['text']}”以{best['unit']}计，不是问的{'、'.join(asked.units)}"
    return Reading(NAME, 0.76, [Slot("target", t, asked.span) for t in chosen], missing=missing, checks_words=True)


def _later_asks(ctx: Context, reading: Reading, chosen: list[dict], doc: str) -> list[dict]:
    """「要拍几部宣传片？游客满意度目标是多少？」: each later clause that asks for a target too is
    answered by the same owner's target holding its words; a later question no target answers is
    a refusal naming it, never dropped."""
    frame, data = ctx.frame, cue_data(NAME)
    spans = [s.span for s in reading.slots if s.name in ("target", "unit")]
    asked_start, asked_end = min(a for a, _ in spans), max(b for _, b in spans)
    rows = ctx.executor.owner_targets(doc, chosen[0]["ownerLabel"])
    skip = {match_form(w) for w in ctx.lexicon.cues["stopwords"]} | set(data["generic_words"]) | set(data["plan_words"])
    found = list(chosen)
    for clause in re.finditer(r"[^？?；;。、]+", frame.text):  # 「满意度要求多少、活动要办几场」: an ask on either side of 、
        said = clause.group(0)
        if clause.start() < asked_end and clause.end() > asked_start or not re.search(data["asks_again"], said):
            continue
        if clause.end() <= asked_start and frame.text[clause.end():clause.end() + 1] == "。":
            continue  # 「X只有1万元，我好奇这么点钱能定什么目标。它对满意度的要求是多少」: a sentence before the ask tells
        later = _asked(said, frame.cues)
        own = said.replace(later.explained, " ") if later and later.explained else said
        for m in frame.mentions:  # 「X这个重点项目，满意度要求多少」: the owner's name chooses no target
            own = own.replace(m.surface, " ")
        grams = [w[k:k + 2] for w in after_years(tokenizer().lcut(own, HMM=False)) if len(w) >= 2 and w not in skip for k in range(len(w) - 1)]
        best, hits = best_target(rows, grams)
        if later is not None and not later.units and not hits and re.search("目标|指标|要求", later.explained):
            found += [r for r in rows if r not in found]  # 「…定了什么目标？比如X」: every target of the owner
            continue
        if best is None or not grams or hits * 2 < len(grams):  # 「对X是怎么要求的？最多几个小时？」: the target its words name, asked again
            raise NotAnswerable(f"文件没有给出“{chosen[0]['ownerLabel']}”对“{said}”的绩效目标")
        if best not in found:  # 「对满意度提了什么要求？不低于多少？」: the same target asked twice
            found.append(best)
    return found


def _only_target(frame, owner: Mention, rows: list[dict], asked: Asked) -> Reading:
    """「X的目标是多少」 with no word choosing among X's targets: its only target, else a refusal
    (none stated, or several to choose from), never X's amount."""
    labels = {match_form(e.label) for e in owner.entities}
    own = [r for r in rows if match_form(r["ownerLabel"]) in labels]
    missing = None if len(own) == 1 else (f"文件没有给出“{owner.entities[0].label}”的量化绩效目标" if not own
                                          else f"“{owner.entities[0].label}”有{len(own)}个绩效目标，请说明问的是哪一个")
    return Reading(NAME, 0.76, [Slot("target", own[0] if len(own) == 1 else None, asked.span)], missing=missing,
                   explained=asked.explained + _plan_words(frame.text))


def _own_words(ctx: Context, owner: Mention | None, asked: Asked) -> list[str]:
    """The question's words outside its cue words, the asking phrase and the whole-named owner:
    what the target speaks of."""
    frame = ctx.frame
    text = list(frame.text)
    scope = [(m.start, m.end) for m in frame.mentions if m.kinds() <= {"budget_unit", "department"} or m.of("department")  # 发展中心的X: the scope, not the target's words (档案馆, a class's name too)
             or owner is None and not m.partial and m.kinds() <= {"classification", "line_item"}]  # 「2025年拥军优属（2082804）安排了多少」: a class named whole, no owner, is asked itself
    spans = [*frame.cue_spans, asked.span, *scope, *([(owner.start, owner.end)] if owner else [])]
    for start, end in spans:
        text[start:end] = " " * (end - start)
    data = cue_data(NAME)
    skip = {match_form(w) for w in ctx.lexicon.cues["stopwords"]} | set(data["generic_words"]) | set(data["plan_words"])
    words = [w for w in after_years(tokenizer().lcut("".join(text), HMM=False)) if len(w) >= 2 and w not in skip and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    return list(dict.fromkeys(words))


def _outside(text: str, mentions: list[Mention]) -> str:
    """The question with its named things blanked: 经费 in a project's name asks no money."""
    chars = list(text)
    for m in mentions:
        chars[m.start:m.end] = " " * (m.end - m.start)
    return "".join(chars)


def _plan_words(text: str) -> str:
    """Words of planning around a target (计划达到多少次): part of asking for it, never unknown."""
    return "".join(w for w in cue_data(NAME)["plan_words"] if w in text)


@lru_cache(maxsize=1)
def _asks_number() -> re.Pattern:
    units = sorted((u for u in load_template().target_units if "元" not in u), key=len, reverse=True)
    return re.compile(cue_data(NAME)["asks_number"].replace("{units}", "|".join(map(re.escape, units))))


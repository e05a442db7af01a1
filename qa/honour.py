"""Last check before an answer is given: every part of the question that the figure must carry is
in the answer. A unit price asked for and a total found, a yearly total asked for and a per-time
limit found, a quoted name that no figure of the answer speaks of: the reply is a refusal naming
what is missing, never the nearby figure."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache, lru_cache, reduce
from importlib import resources

from kg.template import load_template
from qa import clauses, commentary, name_filter
from qa.answer import Answer, fmt
from qa.frame import Frame
from qa.known import answer_unit, answer_units, fold_digits
from qa.lexicon import ORG_SUFFIX, SHORT_ALIAS, Lexicon, load_cues, match_form, negated_before, spelt_out
from qa.normalize import count_of, normalize
from qa.ranges import left_out_before
from qa.segment import says_something, tokenizer
from qa.spans import occurrences

SECOND_ASK = "a second figure asked is not answered"  # a refusal that asking each clause apart may answer (qa/clauses.py)
OPERATOR_DROPPED = "the operator asked is not carried out"  # so is this one: 「X安排了多少，依据什么文件」
_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]")
_CLASSES = frozenset({"classification", "line_item"})
_ADDED = re.compile(r"[^，,。；;？?！!]{0,6}(?:以外|之外)?[，,]\s*(?:还|也|另外)")  # 「除了A，还有B」: besides A, nothing taken out


@cache
def _cues() -> dict[str, list[str]]:
    return json.loads(resources.files("qa").joinpath("data/honour.json").read_text("utf-8"))


@cache
def _per_unit_patterns() -> list[re.Pattern[str]]:
    """「每个镇」 is 每镇: the per-unit words with 一个 or 个 after 每."""
    return [re.compile(re.escape(w).replace("每", "每(?:一?个)?")) for w in _cues()["per_unit"]]


DESCRIBED_AS = re.compile(r"(?:这|那)[2-9两二三四几]?(?:个|项|笔)(?P<act>[\u4e00-\u9fff]{1,4}?)的?(?:项目|经费|资金)")


def _labels(answer: Answer) -> list[str]:
    """The names the answer's rows and items bear (a project called …生均公用经费补助 states no rate)."""
    return sorted({s.row for s in answer.sources if s.row} | set(answer.items), key=len, reverse=True)


def _said(answer: Answer) -> str:
    return answer.answer + "".join(s.row for s in answer.sources) + "".join(answer.items)


def missing(question: str, frame: Frame, answer: Answer) -> str | None:
    """What the question asks that `answer` does not honour, or None."""
    cues = _cues()
    question = spelt_out(question)  # the question as it was read: 「举几个例子」 counts nothing
    question = "".join(c for c in re.split(r"(?<=[，,；;])", question) if not re.search(load_cues()["clauses"]["withdrawn"], c))  # 「…我就不问了，」
    both = [w for w in cues["both_sets"] if w in question and re.search(r"[和与跟及、]|以及", question[:question.find(w)])]  # two sets named
    if answer.answered and both and answer.items and answer.intent not in cues["overlap_kinds"]:
        return f"没有计算两组共有的部分（“{both[0]}”），文件也没有直接列出 (an overlap of two sets is not computed)"
    if not answer.answered:
        return None
    if frame and re.search(r"(?:两|2)家", frame.text) and len(frame.docs) < 2 and "self_unit" not in frame.cues and not any(m.of("budget_unit", "department") for m in frame.mentions):
        return "问题说的“两家”没有对上文件中的两个单位 (the two bodies are not found)"  # 「局机关和下属中心…。两家的工资和福利支出差多少」 is no two classes (two documents loaded are the two)
    dropped = operator_dropped(frame.masked() if frame else question, answer) or _target_not_given(frame, answer) or _money_scope_dropped(frame, answer)
    if dropped:
        return dropped
    asked = kept_text(frame) if frame else question
    for m in frame.mentions if frame else []:  # 「办公设备购置经费」 is a project's name, no act asked
        if m.kinds() <= {"project", "goal"} or m.kinds() <= {"classification", "line_item"} and not m.partial:  # 信息网络及软件购置更新: a class's name
            asked = asked[:m.start] + " " * (m.end - m.start) + asked[m.end:]
    for said in list(re.finditer(r"[^。!！?？]+[?？]", asked))[:-1]:  # 「买设备的钱是不是也少了？X下降了多少？」: the yes/no ask the figure after it answers
        if re.search(load_cues()["direction_asked"], said.group(0)):
            asked = asked[:said.start()] + " " * len(said.group(0)) + asked[said.end():]
    asked = DESCRIBED_AS.sub(lambda m: m.group(0).replace(m.group("act"), " " * len(m.group("act"))), asked)  # 「A和B这两个新增项目」: what the things named are said to be
    said = _said(answer)
    asked = "".join(" " * len(c) if (re.match(_cues()["hearsay"], c) or re.search(load_cues()["asker_intent"], c)) and not re.search(load_cues()["clauses"]["asks"], c) else c
                    for c in re.split(r"(?<=[，,。；;：:])", asked))  # 「听说X新增了办公用房，那它…」「我在整理购买服务类的支出，」: the act heard of, or the asker's task, is not asked
    acts = [w for w in acts_asked(asked) if w not in said and not any(x in said for x in cues["act_said_by"].get(w, []))]  # 添置/买 read as 购置
    if acts and answer.intent != "definition":  # 「名词解释里新增的X是什么意思」: a word's meaning holds no figure of an act
        return f"文件中这些数字说的不是“{acts[0]}” (the figures found do not speak of it)"
    internal = [m for m in frame.mentions if m.kinds() == {"internal_unit"} and not _office_told(frame, m, answer)]
    owned = answer.value is not None and answer.unit in (*_cues()["money_units"], None) and not any(e.label in answer.answer for m in internal for e in m.entities) and (
        any(not m.partial for m in internal) or not frame.value_mentions() and not frame.measures and not frame.totals)  # 「褒扬纪念提升工程上一年花了多少」: nothing else named it could be the figure of
    if internal and ("amount" in frame.cues and answer.value is None or owned):  # an internal unit (股, 室) has no budget of its own
        return f"文件没有单列“{internal[0].entities[0].label}”的预算，只有它的职责 (an internal unit has no budget of its own)"
    early = (_each_of_named_not_listed(question, answer) or _project_part_of_figure(frame) or _answer_type_missing(question, answer) or _unit_not_kept(frame, answer, said) or _list_for_amount(question, answer)
             or _one_asked_many_given(question, frame, answer) or _named_thing_given_back(frame, answer) or _projects_of_another_measure(frame, answer)
             or _second_ask_dropped(frame, answer) or _quoted_filter_dropped(question, frame, answer) or _left_out_self_listed(frame, answer) or _left_out_answered(frame, answer) or _reason_not_given(frame, answer) or _exclusion_ignored(frame, answer)
             or _each_thing_held(question) or _share_as_amount(frame, answer) or _amount_as_share(frame, answer) or _share_of_itself(answer) or _unit_not_said(frame, answer) or _outturn_missing(question, said)
             or _part_of_year_missing(question, said) or _project_by_class(frame) or _subset_missing(question, said)
             or _enumerated_not_listed(frame, answer) or _counted_things_unfound(frame, answer) or _stated_figure_given_back(question, answer) or _stated_amount_not_filtered(frame, answer)
             or _firm_not_named(question, answer) or _units_not_listed(question, answer) or _matter_unnamed(frame)
             or _one_share_for_points(question, answer))
    asked = [found.group(0) for p in _per_unit_patterns() if (found := p.search(question))]
    rate = re.search(cues["per_recipient"], question)
    if not early and rate and answer.intent not in ("definition",) and not re.search(r"每|标准", re.sub("|".join(map(re.escape, _labels(answer))) or "^$", "", said)):
        early = f"文件没有给出“{rate.group(0)}”这样的标准或分到每一份的数，只有合计 (no rate per recipient)"
    if not early and asked and (answer.value is not None or not answer.items) and answer.intent not in ("describe", "definition", "performance") and not any(w in said for w in cues["per_unit"] + ["每"]):
        early = f"文件没有给出“{asked[0]}”的金额或数量，只有合计 (the document gives no figure per unit)"  # 摊到每个村 answered 平均每个村: per unit
    if early or answer.value is None:
        return early or _quoted_missing(question, frame, answer) or _deal_whole_missing(question, said) or _yes_no_by_amount(question, answer)
    unquoted = _QUOTED.sub("", question)
    unnamed = _unnamed(frame) if frame else unquoted  # 经费 in a project's name asks no money
    stated = re.sub(r"\d+(?:\.\d+)?(?:万元|亿元|元|万)", "", unnamed)  # 「那个2310万元的X，绩效目标」: an amount that picks the thing asks no money
    if answer.unit in cues["count_units"] and frame.unit_word is None and "count" not in frame.cues and any(w in unquoted and w in stated for w in cues["money_words"]):
        return f"问的是金额，文件中找到的是{answer.unit}数 (a count, not an amount)"
    per = [w for w in cues["per_occurrence"] if w in said and re.search(re.escape(w) + "(?!性)", said) and w not in question]  # 一次性 is not 每次
    totals = [w for w in cues["totals"] if w in question and w not in said]
    if per and totals and "平均" not in question:  # 「平均一个项目多少（总计除以个数）」: the total is the average's part
        return f"文件给出的是“{per[0]}”的数，没有给出“{totals[0]}”的数 (stated per occurrence, not in total)"
    return (_stated_count_missing(question, answer) or _quoted_missing(question, frame, answer)
            or _count_of_money(question, answer)
            or _another_count(question, frame, answer, said) or _count_unnamed(frame, answer)
            or _names_not_given(question, answer) or _yes_no_by_amount(question, answer) or _listed_unmatched(frame, answer) or _not_an_amount(question, answer) or _deal_missing(question, said) or _part_missing(question, frame, said)
            or _part_of_named(frame, answer) or _breakdown_missing(frame) or _stated_amount_unused(frame, answer, said)
            or _one_given_for_each(question, answer) or _fewer_than_stated(question, frame, answer))


def kept_text(frame: Frame) -> str:
    """The question with what it leaves out blanked, positions kept: 「…买车的钱不算」 asks no 购置,
    「只看项目，基本支出不算」 no basic expenditure, and 「（货物和工程都不算）」's 和 joins nothing asked."""
    text = frame.text
    for a, b in left_out_spans(text) + [(m.start, m.end) for m in left_out(text, frame.mentions)]:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def modifier_dropped(frame: Frame, answer: Answer, lexicon: Lexicon) -> str | None:
    """「光纤那边的维护费」「机房的维护费」: a noun of the documents' names written right before a
    named thing (which 维护费) that no name takes and the answer does not say — the figure found is
    the class's, not the thing the modifier picks out."""
    if not answer.answered or answer.value is None:
        return None
    said = _said(answer)
    for m in frame.value_mentions():
        if m.partial:
            continue  # a name written in the question's own words was scored with its words around it
        start = max((k + 1 for k, ch in enumerate(frame.text[:m.start]) if ch in "，,。;；:：?？!！"), default=0)
        for word in frame.free_nouns(start, m.start):
            at = frame.text.rfind(word, start, m.start)
            if word.endswith(ORG_SUFFIX) or _in_region(frame.text, at, at + len(word), lexicon.regions) or not re.fullmatch(_cues()["modifier_between"], frame.text[at + len(word):m.start]) or negated_before(frame.text, at):
                continue  # 「这个中心的」: a body, which the scope checks read; 「桐溪区」: the loaded body's region scopes; 「人员和公用经费」: no modifier; 「不是财政拨款的X」: a contrast
            if frame.text[at:m.end] in lexicon.vocabulary:
                continue  # 「人员公用经费」: one phrase of budget language with the name
            if re.fullmatch(r"[(（\[【]\d{3,}[)）\]】]", m.surface):
                continue  # 「养老（208）」: the asker's own word for the class its code names
            if word not in said and normalize(word) not in said and any(word in alias for alias in lexicon.aliases):
                return f"答案没有用到问题中的“{word}”（它限定的是“{m.surface}”）(a modifier the answer does not use)"
    return None


def _in_region(text: str, start: int, end: int, regions) -> bool:
    """Whether text[start:end] is (part of) a loaded document's region written there (映山区: 山区)."""
    return any(p <= start and end <= p + len(r) for r in map(match_form, regions) for p in (m.start() for m in re.finditer(re.escape(r), text)))


def part_not_given(frame: Frame, answer: Answer, lexicon: Lexicon) -> str | None:
    """「拟购置的服务器打算花多少钱」: a thing of the documents written right after a named figure (X的Y)
    that no name takes and the answer says only as what X is mostly spent on — the figure is X's, not
    Y's, which the document does not give apart."""
    if not answer.answered or answer.value is None:
        return None
    said = re.sub(_cues()["detail"], "", _said(answer))
    for m in frame.value_mentions():
        for word in frame.free_nouns(m.end, min(len(frame.text), m.end + 12)):
            at = frame.text.find(word, m.end)
            if re.fullmatch(_cues()["part_between"], frame.text[m.end:at]) and word in lexicon.vocabulary and word not in said and word in _said(answer):
                return f"文件没有单列“{word}”的金额，“{m.entities[0].label}”是合计 (the figure found is the whole, not that part)"
    return None


def _money_scope_dropped(frame: Frame | None, answer: Answer) -> str | None:
    """「按财政拨款口径，项目支出是多少」: a figure of a money scope (财政拨款, 表4's) from no table of that
    money (表3's 项目支出 holds every fund) is another figure; the document gives none in that scope."""
    if frame is None or frame.money_scope is None or answer.value is None:
        return None
    tables = {int(n) for s in answer.sources for n in re.findall(r"表(\d+)", s.table)}
    if any(frame.money_scope in spec.title for n in tables if (spec := load_template().table(n))):
        return None
    return f"文件没有按“{frame.money_scope}口径”给出这个数 (not given in that scope)"


def money_asked_last(text: str) -> bool:
    """「…第三方绩效评价服务费，这个项目安排了多少钱」: the last clause asks money and names no target word."""
    last = re.findall(r"[^，,；;。？?！!]+", text)
    asks_money = bool(last) and (any(w in last[-1] for w in load_cues()["money_asked"]) or re.search(r"安排了?多少|预算(?:是|为|有)?多少", last[-1]))
    return bool(asks_money) and not any(w in last[-1] for w in load_cues()["intents"]["performance"])


def _target_not_given(frame: Frame, answer: Answer) -> str | None:
    """「X的绩效目标」 of a project that is no key project and whose own text states no target: the
    document gives none; its amount or its purpose is not one."""
    if frame is None or answer.intent in ("performance", "target", "citation") or not re.search(_cues()["target_asked"], frame.masked()) \
            or money_asked_last(frame.text):  # a document its 绩效目标 column cites; 「绩效评价本来是…，这个项目安排了多少钱」
        return None
    projects = [m for m in frame.mentions if m.of("project")]
    named = {e.label for m in projects if not m.partial for e in m.of("project")}  # named whole: a part of a name may be another's
    stated = (answer.value is None and re.search(_cues()["target_stated"], answer.answer)  # its own text states a target
              or answer.intent == "describe" and (  # its 表12 text is the 绩效目标 column:
                  any(s.table == load_template().by_layout("projects").name and s.row in named for s in answer.sources)  # the project's own, quoted
                  or answer.value is not None  # 「绩效目标说覆盖多少个村」: a count it states
                  or re.search(load_cues()["clauses"]["purpose"], frame.text)  # 「绩效目标里说主要用于什么」: its words on the use
                  or frame.intent == "citation"))  # 「绩效目标是根据哪个会议纪要定的」: its words citing it
    if projects and not stated and not any(m.of("goal") for m in frame.mentions):
        return f"文件没有给出“{projects[0].of('project')[0].label}”的绩效目标：它不在重点项目绩效目标中，它的说明也没有写明目标 (no target is stated for it)"
    return None


def _unit_not_kept(frame: Frame, answer: Answer, said: str) -> str | None:
    """「某区图书馆基本支出里的商品和服务支出」「某中心的三公经费」: a budget unit the question names
    scopes the answer. An answer all of whose figures come from tables or text of the whole
    department (not one with a block per unit: 表11, 表12), or one that lists the unit's figure
    beside a department-wide one, is not the unit's; a share of the department's whole is (文化馆占
    部门预算的百分之几). A unit the question leaves out (不含图书馆) scopes nothing."""
    owned = any(m.of("project", "goal") for m in frame.mentions)  # a named project's target is that project's
    if answer.intent not in _cues()["figure_intents"] and (answer.intent != "performance" or owned):
        return None  # 「检测站有几辆车」: a department's stated count is not the unit's
    per_unit = load_template().per_unit
    whole = [s for s in answer.sources if not (m := re.match(r"表(\d+)", s.table)) or int(m.group(1)) not in per_unit]
    excluding = re.compile("(?:" + "|".join(_cues()["excluding"]) + r")[^，,。;；]{0,8}$")
    for m in frame.mentions:
        units = m.of("budget_unit")
        named = any(_norm(e.label) in _norm(said) for e in units)
        read_as_unit = len(units) == len(m.entities) or named  # 图书馆 the unit, not the class 图书馆, when the answer names it
        if units and read_as_unit and not m.of("department") and not excluding.search(frame.text[:m.start]):
            if len(whole) == len(answer.sources) and not (named and not whole) or whole and answer.value is None:
                return f"文件中没有找到“{units[0].label}”自己的这个数 (the figure found is not that unit's)"
    self_kept = not self_left_out(frame.text)
    offices = frame.set_kind == "internal_units"  # 「局机关里设了哪几个股室」: the offices are the 机关's own
    if frame.self_of_units and self_kept and not offices and answer.sources and len(whole) == len(answer.sources):  # 「本级的三公经费」: the department's only
        return "文件只给出整个部门的这个数，没有单列本级的 (the figure found is the whole department's)"
    return None


def left_out(text: str, mentions: list) -> list:
    """Mentions named to be left out: right after an excluding word (不含X, 除去X, 不算X, 除了A和B),
    between 把 and a removing verb (把A、B都除掉), listed in brackets after an excluding clause
    (除掉那三个（A、B、C）), or before an excluding word that ends a clause (（X那块不算）, X除外)."""
    runs = left_out_spans(text)
    out: list = []
    for m in sorted(mentions, key=lambda m: m.start):
        between = text[out[-1].end:m.start] if out else ""
        joined = out and (not between and m.surface[:1] in "和与及、" or re.fullmatch(r"[”\"]?(?:和|与|及|以及|、|还有)(?:[那这][个笔项])?(?:[\d.]+(?:亿元|亿|万元|万|元)?多?)?的?[“\"]?", between)  # 除了A和B, 不算A和那个500万的B: B too
                          or re.fullmatch(_cues()["excluded_head"], between))  # 不算博物馆那笔1000多万的X: X, the head, too
        if (excluded_before(text, m.start) or joined or any(a <= m.start and m.end <= b for a, b in runs)) and not illustrates(text, m):
            out.append(m)
    excluding = "|".join(_cues()["excluding"])
    pointer = (re.search(r"(?:把|将)(?:它|这个|这一?项|这笔)(?:也)?(?:" + excluding + r"|去掉|扣掉|拿掉|刨掉|除掉)", text)
               or re.search(r"(?:" + excluding + r")(?:它|这个|这一?项|这笔)(?!们|[\u4e00-\u9fff]{0,2}(?:项目|科目|单位))", text))  # 「除了它以外」: 它 is the thing named before
    named = [m for m in mentions if pointer and m.end <= pointer.start() and m.kinds() & {"project", "classification", "line_item", "figure"}]
    if named and all(m is not named[-1] for m in out):  # 「X一家就500万，那把它去掉，剩下的项目加起来」「X最多这个我知道了。除了它以外」: 它 is X
        out.append(named[-1])
    return out


def illustrates(text: str, m) -> bool:
    """「带费但不带经费的（比如劳务费）不要」: a name after 比如 is an example of a rule, neither the
    thing left out nor one asked of."""
    return bool(re.search(r"(?:比如|例如|譬如|像是?)[“\"]?$", text[max(0, m.start - 4):m.start]))


def hearsay(clause: str) -> bool:
    """A clause telling what the asker heard or read (听说, 据说, 看说明里说): context, not the ask."""
    return re.match(_cues()["hearsay"], clause) is not None


def heard(clause: str) -> bool:
    """A clause telling what others said (听说, 有人跟我说): no observation of the document."""
    return re.match(_cues()["heard"], clause) is not None


def left_out_spans(text: str) -> list[tuple[int, int]]:
    """The stretches an excluding word closes (「变少的都不算」「X除外」): words in them say what is
    not asked."""
    return list(_left_out_spans(text))


@lru_cache(maxsize=256)
def _left_out_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Read once per question text: a dozen checks ask it of the same question."""
    return tuple(m.span("run") for p in _excluded_runs() for m in p.finditer(text))


def included_spans(text: str) -> list[tuple[int, int]]:
    """What a figure is said to include (含X在内, 连X一起算, 把X也算上; qa/data/cues.json included):
    in it already, neither an operand nor a column of its own."""
    return [m.span("what") for p in load_cues()["included"] for m in re.finditer(p, text)]


def excluding_words() -> list[str]:
    """The words that leave a thing out (不含, 除去, 刨掉 …), qa/data/honour.json."""
    return list(_cues()["excluding"])


def excluded_before(text: str, start: int) -> bool:
    """An excluding word (不含, 除去, 刨掉 …) right before `start`, not the second half of a yes-no
    question (要不要买, 算不算)."""
    window = text[max(0, start - 10):start]
    found = _excluding_before().search(window)
    return bool(found) and not (found.group(0).startswith("不") and window[:found.start()].endswith(found.group(0)[1:2]))


@cache
def _excluded_runs() -> tuple[re.Pattern, ...]:
    words = "|".join(_cues()["excluding"])
    return (re.compile(_cues()["excluded_after"]), re.compile(_cues()["excluded_listed"].format(excluding=words)),
            re.compile(_cues()["excluded_trailing"]))


@cache
def _excluding_before() -> re.Pattern:
    """An excluding word (不含, 除去, 不算) right before a name, perhaps with a pointer (除掉其中那个X)
    and its opening quote."""
    return re.compile("(?:" + "|".join(_cues()["excluding"]) + ")(?:" + _cues()["excluded_pointer"] + r")?[“\"]?$")


def self_left_out(text: str) -> bool:
    """「除了局本级，…」「不算本级的话」「本级之外的」: the department's own part is left out of the question."""
    return bool(re.search("(?:" + "|".join(_cues()["excluding"]) + "|" + load_cues()["set_apart"] + ")[^，,。;；]{0,3}本级", text)
                or re.search(r"本级(?:之外|以外)", text))  # 「局本级之外还有三个下属事业单位」


def _exclusion_ignored(frame: Frame, answer: Answer) -> str | None:
    """「除掉租车那个和X，剩下的加起来」 where 租车 links nothing and X is not read as left out: a set
    answered with a thing the question takes out named and not taken out (no 不含…, no subtraction)
    is refused, never given with it."""
    if not answer.answered or frame.set_kind is None or answer.value is None and not answer.items:
        return None
    words = "|".join(sorted(excluding_words(), key=len, reverse=True))
    out = left_out(frame.text, frame.mentions)
    shown = re.search(_cues()["exclusion_shown"], _said(answer))
    for found in re.finditer(rf"(?:{words})(?P<what>[^，,。；;？?（()）—]{{2,16}})", frame.text):
        named = [m for m in frame.value_mentions() if found.start() <= m.start < found.end()]
        lacked = any(a == found.start("what") for a, _ in frame.cue_spans)  # 「不带“十五五”的X」: the part lacking, read as a cue
        if named and not any(m is o for m in named for o in out) and not shown and not lacked and not _ADDED.match(frame.text, found.end()):
            return f"问题要除去“{found.group('what')}”，答案没有除去它 (what the question takes out is not taken out)"
    return None


def _reason_not_given(frame: Frame, answer: Answer) -> str | None:
    """「…各自怎么解释变化原因」 answered with a difference of figures: a reason asked is a text, and
    an answer with a figure and no reason does not give it."""
    if "reason" not in frame.cues or answer.value is None or any(w in answer.answer for w in _cues()["reason_said"]):
        return None
    return "问的是原因，找到的只是数字 (a reason was asked, only figures were found)"


def _left_out_answered(frame: Frame, answer: Answer) -> str | None:
    """「X有多少是靠其他资金出的？财政拨款那部分不算」「X下面除了Y以外的那个科目」: a figure whose answer
    does not say a thing the question leaves out (never took it out), or names it and not a thing the
    question keeps (is its figure), answers what was not asked."""
    if answer.value is None or answer.items:
        return None
    said = _norm(answer.answer)
    for m in left_out(frame.text, frame.mentions):
        label = next((n for n in [_norm(e.label) for e in m.entities] + [_norm(m.surface)] if n in said), "")  # 财政拨款 links 预算拨款
        kept = [k for k in frame.mentions if k is not m and k.entities]
        inside = any(f.code and e.code and f.code != e.code and f.code.startswith(e.code) and _norm(e.label) in said
                     for k in kept for e in k.entities for f in m.entities)  # 「工资福利里A和B相差多少？C不算」: C is in no figure given
        if not label and inside:  # 「X（code）下面，除了Y以外」: Y is in X's figure; a unit or a sibling left out is the scope's (本级（不含X）)
            return f"问题不算“{m.entities[0].label}”，答案没有把它除去 (what the question leaves out is not taken out)"
        joined = next((s.row for s in answer.sources for e in m.entities if _joins(s.row, e.label)), None)
        if not label and joined:  # 「公车的开销…买车的钱不算」: 公务用车购置及运行维护费 holds the 购置费 left out
            return f"问题不算“{m.entities[0].label}”，找到的“{joined}”包含它 (the figure found holds what the question leaves out)"
        if not label:
            continue
        kept = [k for k in kept if _norm(k.entities[0].label) not in label and _norm(k.surface) not in label]
        shown = re.search(f"(?:不含|除|扣除|减去|−|-|以外|之外)[^。；]{{0,80}}?{re.escape(label)}|{re.escape(label)}[^。；]{{0,4}}(?:以外|之外|除外)", said)
        unused = [k for k in kept if not any(_norm(e.label) in said for e in k.entities)]
        if not shown and (unused or not kept or frame.measures or frame.totals or m.of("budget_unit")):  # 「项目支出，X不算的话还剩多少」 answered with X
            return f"问题不算“{m.entities[0].label}”，找到的却正是它的数 (the figure found is of what the question leaves out)"
    return None


def _joins(whole: str, part: str) -> bool:
    """Whether a name joins two or more names of which `part` is one: 公务用车购置及运行维护费 joins
    公务用车购置费 and 公务用车运行维护费 (their shared head and tail written once)."""
    k = 0
    while k < min(len(whole), len(part)) and whole[k] == part[k]:
        k += 1
    tail = 0
    while tail < min(len(whole), len(part)) - k and whole[-1 - tail] == part[-1 - tail]:
        tail += 1
    if k == 0 or whole == part:
        return False
    pieces = re.split(r"及|和|与|、", whole[k:len(whole) - tail])
    return len(pieces) >= 2 and part[k:len(part) - tail] in pieces


def _left_out_self_listed(frame: Frame, answer: Answer) -> str | None:
    """A list or count that the question takes without 本级 must not hold it."""
    if self_left_out(frame.text) and any("本级" in item for item in answer.items):
        return "问题不算本级，列出的却含本级 (本级 is left out by the question)"
    return None


def _count_of_money(question: str, answer: Answer) -> str | None:
    """「买几台」「在编人数」: a count of things asked, and only money found. 「那几个项目」「几个大类里」
    name a set to look in, not what is asked."""
    if answer.unit not in _cues()["money_units"] or any(w in question for w in _cues()["money_asked"]):
        return None  # 「有几个，一共多少钱」 asks the money too
    units = "|".join(sorted(_cues()["counted_units"], key=len, reverse=True))
    count = re.search(rf"(?<![那这哪])(?:多少|几)({units})(?![亿万]|目(?:经费|资金|支出|预算|的?钱))(?![^，,。？?]{{0,8}}?(?:里|中|之间))", question)  # 几个亿, 多少项目经费: amounts
    asked = count.group(1) if count else answer_unit(question)
    if count and any(question.rfind(w) >= count.end() for w in load_cues()["intents"]["sum"]):
        return None  # 「列的几个项目，预算合计多少」: the sum said after the count is what is asked
    if count and re.search(r"[,，;；。].{0,6}哪(?:个|一|些|项|类)", question[count.end():]):
        return None  # 「下面的几个项级科目，哪个科目钱最多」「只剩几个。其中哪个最多」: the set to look in, then which one
    if asked in _cues()["counted_units"]:
        return f"问的是{asked}数，文件中只有金额 (an amount, not a count)"
    return None


_COUNTED = re.compile(r"(?:多少|(?<!哪)几)(?:个|项|名|家|处|条|所)(?!是)(?P<thing>[\u4e00-\u9fff]{1,6})")  # 哪几个X asks names; 几个是增加的: of the set before


def _another_count(question: str, frame: Frame, answer: Answer, said: str) -> str | None:
    """「有多少个编制」 answered with how many projects: the thing counted must be the one asked."""
    counted = _COUNTED.search(question)
    if not counted or answer.unit not in _cues()["counted_units"]:
        return None
    stop = set(load_cues()["stopwords"])  # 「多少个具体项目」: 具体 says nothing of what is counted
    nouns = [w for w in tokenizer().lcut(counted.group("thing"), HMM=False) if w not in stop][:1]  # 编制 is tagged a verb
    nouns = [w for w in nouns if len(w) >= 2 or w == "人"]  # 「几个人去的」: people, not projects
    kinds_named = {w for group in load_cues()["sets"].values() for w in group}
    if nouns == ["人"] and answer.unit != "人" and not re.search(r"\d+人", said):  # 「几个人去的」: a head count, not projects (聘用人员劳务费 holds 人)
        return "文件没有给出“人”的数目 (a count of something else was found)"
    if nouns and nouns[0] not in said and nouns[0] not in kinds_named and not any(nouns[0] in m.surface for m in frame.mentions):
        return f"文件没有给出“{nouns[0]}”的数目 (a count of something else was found)"
    return None


def _count_unnamed(frame: Frame, answer: Answer) -> str | None:
    """「运动场要建几个」 answered with how many classes there are: a count whose question names no
    set, no threshold and nothing of the document counts something it did not ask about."""
    if answer.intent == "count" and frame.set_kind is None and frame.threshold is None and not frame.value_mentions():
        return "文件没有给出问题所数的东西的个数 (the count found is of something else)"
    return None


def _listed_unmatched(frame: Frame, answer: Answer) -> str | None:
    """「（养老、职业年金、医保、其他社保）合计」 with 养老 linked to nothing: a sum or list over the
    things the question enumerates must take each of them, never drop one silently."""
    if answer.value is None or answer.intent not in ("sum", "aggregate", "arithmetic"):
        return None
    said = match_form(answer.answer)
    for run in re.finditer(r"[\u4e00-\u9fff]{1,12}(?:、[\u4e00-\u9fff]{1,12}){2,}", frame.text):
        start = run.start()
        for piece in run.group(0).split("、"):  # the first and last pieces run on into the sentence (剩下的社保就业, 住房三类加起来…)
            named = any(m.start < start + len(piece) and start < m.end for m in frame.mentions)
            if not named and not any(piece[k:k + 2] in said for k in range(len(piece) - 1)):  # 卫生 read as 卫生健康支出 is said
                return f"问题列出的“{piece}”没有对应到文件中的哪一项 (an item listed is not found)"
            start += len(piece) + 1
    return None


def _enumerated_not_listed(frame: Frame, answer: Answer) -> str | None:
    """「粤菜师傅、广东技工、南粤家政三类培训补贴分别是多少」 answered with a list of other things: a list
    answer to a question that enumerates what it asks must hold each thing enumerated."""
    if frame is None or not answer.items or answer.value is not None:
        return None
    said = match_form(answer.answer + "".join(answer.items))
    for run in re.finditer(r"[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12}){2,}", frame.text):
        pieces = run.group(0).split("、")
        if not any(piece[k:k + 2] in said for piece in pieces for k in range(len(piece) - 1)):
            return f"问题列出的“{'、'.join(pieces)}”，文件中没有分别列出 (the things enumerated are not listed)"
    return None


def _counted_things_unfound(frame: Frame, answer: Answer) -> str | None:
    """「差旅、会议、印刷这三块合计多少」 with fewer than three of them found: the count says how many things
    are asked; an answer built on fewer (the measure's own total) answers another question."""
    if frame is None or answer.value is None:
        return None
    said = COUNTED_THINGS.search(frame.text)
    summed = "|".join(map(re.escape, load_cues()["intents"]["sum"]))
    if not said or not re.match(rf"[^。？?]{{0,12}}?(?:{summed})", frame.text[said.end():]):
        return None
    n = count_of(said.group(1))
    listed = re.search(r"[^，,。？?；;：:]+(?=[这那]$)", frame.text[:said.start()])
    pieces = [p for p in re.finditer(r"[^、]+", listed.group(0))] if listed else []
    if len(pieces) != n:
        return None  # 「这两笔」「这三项」 pointing at a set told before, not at things listed with 、
    unfound = [p.group(0) for p in pieces if not any(listed.start() + p.start() <= m.start < listed.start() + p.end() for m in frame.mentions)]
    if unfound:
        return f"问题说的{n}项中“{'、'.join(unfound)}”没有在文件中找到 (not every thing counted was found)"
    return None


COUNTED_THINGS = re.compile(r"(?<=[这那])([两二三四五六七八九2-9])(?:块|项|类|样|部分|笔)")


def _stated_figure_given_back(question: str, answer: Answer) -> str | None:
    """「服务类政府采购只有0.47万元，具体采购的是什么服务」: the figure the question itself states, given
    back, answers no ask that names no amount."""
    if answer.value is None or answer.unit not in _cues()["money_units"]:
        return None
    text = normalize(question)
    stated = {Decimal(m.group(1)) for m in re.finditer(r"(\d+(?:\.\d+)?)万元", text)}
    asking = [c for c in re.split(r"[，,。；;]", text) if re.search(load_cues()["clauses"]["asks"], c)]
    if answer.value in stated and asking and not re.search(_cues()["amount_in_ask"], asking[-1]) and not re.search(_cues()["yes_no"], asking[-1]):  # 「…是6万元，对吗」 checks it
        return f"问题已经给出了{fmt(answer.value)}万元，问的“{asking[-1].rstrip('？?')}”文件中没有写 (the figure stated is not what is asked)"
    return None


def _yes_no_by_amount(question: str, answer: Answer) -> str | None:
    """「公务用车购置费里含不含车辆购置税？」 answered with an amount: the ask is whether, and the
    clause asking it names no amount."""
    clauses = [c for c in re.split(r"[，,。？?！!；;]", normalize(question)) if c.strip()]
    figure_asked = any(re.search(r"多少|几", c) for c in clauses)
    asking = [c for k, c in enumerate(clauses) if re.search(_cues()["yes_no"], c)
              and not re.search(_cues()["request"], c.strip() + "".join(clauses[k + 1:k + 2]))  # 「能帮我算一下…吗」「能不能根据…增减数，推算出上年的…」 ask for the figure
              and not (figure_asked and re.search(load_cues()["self_check"], c.strip()))]  # 「…是多少，我想核对一下是不是正好等于X」: the asker's own check
    own = bool(asking) and says_something(re.sub(_cues()["yes_no"], "", asking[-1]))  # 「…都是500万，是不是同一家律所承接的」: a figure stated, a thing of its own asked
    if asking and answer.value is not None and re.search(_cues()["arranged_asked"], asking[-1]):
        return None  # 「X安排了吗」「有没有安排X」: its amount says whether (0: not arranged)
    if own and answer.intent == "lookup" and not any(re.search(r"多少|几|金额|数额", c) for c in clauses) and (answer.value is not None or answer.rows):
        return f"问的是“{asking[-1]}”，找到的只是金额，回答不了是或否 (figures, not a yes or no)"
    if not asking or own or answer.value is None or answer.items or any(re.search(_cues()["amount_in_ask"], c) for c in clauses):
        return None
    if answer.intent == "yoy" and all(re.search(r"变化|变动|增减|调整|[增减涨降升跌]", c) for c in asking):
        return None  # 「X今年和上年比有变化吗」: the change answers it, 0 is "no"
    return f"问的是“{asking[-1]}”，找到的只是一个数（{answer.value}{answer.unit or ''}），回答不了是或否 (a number, not a yes or no)"


def _each_of_named_not_listed(question: str, answer: Answer) -> str | None:
    """「具体分别采购了哪些服务、各多少钱」: things by name, each with its amount; a figure or two is no list of them."""
    asked = re.search(_cues()["each_of_named"], normalize(question))
    if asked and not answer.items:
        return f"问的是{asked.group(0)}，文件没有逐项列出 (each named thing's amount is not given)"
    return None


def _names_not_given(question: str, answer: Answer) -> str | None:
    """「那3处文物建筑具体是哪几处」「是哪3处」: the things asked by name, and only a number found
    (how many, or an amount)."""
    text = normalize(question)
    asked = re.search(_cues()["which_ones"], text) if answer.unit in _cues()["counted_units"] else None
    asked = asked or re.search(_cues()["which_counted"], text)  # 「是哪3处」: only names answer it
    if asked is None and answer.unit in _cues()["money_units"] and not any(w in text for w in _cues()["money_asked"]):
        asked = re.search(_cues()["which_named"], text)  # 「…的是哪几个单位」: names, not an amount
    if asked and not answer.items and answer.value is not None:
        return f"问的是{asked.group(0)}，文件只给出了一个数（{answer.value}{answer.unit or ''}），没有列出名称 (a number, not the names)"
    if asked and not answer.items and answer.unit is None and re.search(r"\d万元", answer.answer) and answer.intent not in ("describe", "definition", "citation"):
        return f"问的是{asked.group(0)}，找到的只是金额，没有列出名称 (figures, not the names)"  # 「两年分别是在哪个单位名下」: each year's amount
    return None


def _answer_type_missing(question: str, answer: Answer) -> str | None:
    """「持续多长时间」「下降的幅度」: an answer-type noun asks for its units; an answer in others
    (money, a list of projects) is about something else."""
    typed = None if any(w in question for w in _cues()["amount_sense"]) else answer_units(question)
    if typed and any(typed[0] in c and re.search("倒推|推算|反推|还原", c) for c in re.split(r"[，,。；;]", question)):
        typed = None  # 「根据今年的增幅倒推，上年的X是多少」: the rate is the way, the figure is asked
    if typed and _named_in_passing(question, typed[0]):
        typed = None  # 「我想核实一下涨幅：增加了多少万元」: the clause naming the rate asks nothing, the next asks money
    if typed and (answer.value is not None or answer.items) and answer.unit not in typed[1]:
        return f"问的是“{typed[0]}”，文件中没有找到以{'、'.join(typed[1][:3])}计的答案 (no answer in the units asked)"
    if typed and answer.value is None and not answer.items and re.search(rf"{re.escape(typed[0])}(?:是|有|为)?(?:多少|几)[^，,。；;]*[？?]?$", question):
        return f"问的是“{typed[0]}”，文件中没有找到这个数 (no figure in the units asked)"  # 「…原因是在编人数增加，那么在编人数是多少」: a sentence is no count
    counted = re.search(r"(?:多少|几)个?(人|名|户|家|所)(?:职工|员工|工作人员|干部|在编人员|编制人员|人员)?(?=[？?，,。]|$)", question)
    if counted and (answer.value is None or answer.unit not in ("人", "名", "户", "家", "所")) and not answer.items \
            and not re.search(rf"\d+(?:\.\d+)?(?:个)?{counted.group(1)}", answer.answer):
        return f"问的是多少{counted.group(1)}，文件中没有找到这个数 (no count in the units asked)"  # 「原因说是在编人数增加，具体增加了多少人」
    return None


def _named_in_passing(question: str, noun: str) -> bool:
    """Whether the clause that holds an answer-type noun asks nothing and a later clause asks an amount of money."""
    clauses = re.split(r"[，,。；;:：]", question)
    at = next((k for k, c in enumerate(clauses) if noun in c), None)
    return (at is not None and not re.search(_cues()["clause_asks"], clauses[at])
            and any(re.search(r"(?:多少|几)(?:钱|万元?|元)", c) for c in clauses[at + 1:]))


def _not_an_amount(question: str, answer: Answer) -> str | None:
    """「行政运行的科目编码是多少」: a code, a nature or a structure asked, and a sum of money found."""
    if answer.unit not in _cues()["money_units"]:
        return None
    nouns = "|".join(w for w in _cues()["not_amounts"] if not (answer.items and w in _cues()["name_nouns"]))  # 「最少的那个项目叫什么名字」: the answer names it
    named = "" if any(w in question for w in _cues()["money_asked"]) or answer.items else f"|({_cues()['name_asked']})"  # 「叫什么，多少钱」 asks both; a ranking's answer names its item
    asked = re.search(f"({nouns})(?:的)?{_cues()['asked_directly']}|{_cues()['asked_before']}的?({nouns}){named}", question)  # 编码是多少, 什么类别, 叫什么
    return f"问的是“{next(g for g in asked.groups() if g)}”，文件中找到的是金额 (an amount, not what was asked)" if asked else None


def _deal_whole_missing(question: str, said: str) -> str | None:
    """「整个合同的总金额」 beside 「第三期合同款」: a payment under a contract is not the contract's whole."""
    whole = re.search(_cues()["deal_whole"], normalize(question))
    return f"文件没有给出“{whole.group(0)}”，只有预算安排的款项 (the whole contract is not given)" if whole and not re.search(_cues()["deal_whole"], said) else None


def _deal_missing(question: str, said: str) -> str | None:
    """「合同金额」: a budget line is not a contract's figure unless the answer itself speaks of the contract."""
    deal = [w for w in _cues()["deal_words"] if w in question and w not in said]
    return f"文件没有给出“{deal[0]}”的金额，预算数不是{deal[0]}金额 (the budget is not the deal's figure)" if deal else None


def _part_of_year_missing(question: str, said: str) -> str | None:
    """「三月份花了多少」「第一季度」: a budget gives the year's figures, not a month's or a quarter's."""
    pattern = _cues()["part_of_year"]
    asked = re.search(pattern, normalize(question))
    if asked and not re.search(pattern, said):
        return f"预算只给出全年合计，没有按月或季度分开的数（“{asked.group(0)}”）(no figure for part of the year)"
    return None


def _outturn_missing(question: str, said: str) -> str | None:
    """「决算」「实际支出了多少」: a budget is not what was spent, unless the answer itself speaks of it."""
    asked = [w for w in _cues()["outturn_words"] if w in question and w not in said]
    return f"文件是预算，没有给出“{asked[0]}”的数，预算数不是{asked[0]}数 (a budget is not the outturn)" if asked else None


def left_out_part(text: str, start: int, end: int) -> bool:
    """Whether the part (第二批, 二期) at text[start:end] is said to be left out: 「不含第二批」「不是水库管理所那个第二批」
    「二期那个不算」 — it names the sibling not asked."""
    before = re.search(r"(?:不含|不算|不包括|不是|除去|除了|去掉|[(（]非)[^，,。？?；;]{0,8}$", text[max(0, start - 12):start])  # 「X（非二期）」
    return bool(before) or bool(re.match(r"(?:的|那个|那笔|那一笔)?(?:不算|不要|除外)", text[end:]))


def _part_missing(question: str, frame: Frame, said: str) -> str | None:
    """A figure whose name states a part (合同第二期费用) answers that part only: not the whole
    (总金额) and not another part (第一期)."""
    part = re.compile(_cues()["part_pattern"])
    pick = name_filter.picked(question)  # 「不是后面带二期的那个」 says which name, it asks no part
    question = question[:pick[0].span[0]] + question[pick[0].span[1]:] if pick else question
    question = re.sub(load_cues()["lacking_bracket"], "", question)  # 「X（就是不带“补助资金”“二期”字样的那个）」
    stated = {fold_digits(p) for m in frame.mentions for e in m.entities[:1] for p in part.findall(e.label)}
    unlacked = re.sub(_cues()["part_lacked"] + f"(?:{part.pattern})", "", question)  # 不带二期: not asked
    unlacked = re.sub(rf"带[“\"]?(?:{part.pattern})[”\"]?的?[,，、]?(?:一|1)个(?:不带|没带|没有)", "", unlacked)  # 「一个带“二期”一个不带」: the two told apart
    guessed = [c.span() for c in re.finditer(r"[^，,。；;？?！!]+[，,。；;？?！!]?", unlacked) if commentary.hedged(c.group(0)) and not clauses.asks(c.group(0))]
    asked = {fold_digits(p.group(0)) for p in part.finditer(unlacked) if not left_out_part(unlacked, p.start(), p.end())  # 「二期那个不算」
             and not any(a <= p.start() < b for a, b in guessed)}  # 「感觉A和B二期差不多大，」: the asker's guess asks no part
    if frame.first_of_series:  # 「X（第一批）」 of X beside X（第二批）: X is the first
        asked = {p for p in asked if not re.fullmatch(load_cues()["first_part"], p)}
    if asked and not stated and not any(p in fold_digits(said) for p in asked):
        return f"文件没有分开给出“{sorted(asked)[0]}”的数 (no figure for that part)"  # 「X第一期花了多少」 of a project stated whole
    last_part = max((m.end() for m in part.finditer(question)), default=-1)
    whole_after = any(question.rfind(w) > last_part for w in _cues()["whole_words"] if w in question)  # 「第三期合同款是10万元，整个合同总金额是多少」
    if not stated or stated & asked and not whole_after:
        return None
    if asked or any(w in question for w in _cues()["whole_words"]):
        wanted = "总数" if whole_after or not asked else "、".join(sorted(asked))
        return f"文件只给出了“{sorted(stated)[0]}”的数，没有问题所问的{wanted} (only one part is stated)"
    return None


@cache
def _within() -> str:
    """The words after a whole that the next thing lies in (里, 当中 …), longest first, as alternatives."""
    return "|".join(sorted(_cues()["within"], key=len, reverse=True))


def _project_part_of_figure(frame: Frame) -> str | None:
    """「政府采购254.41万元里，图书馆采购了多少」: a project's part of a 第三部分 figure is given nowhere —
    neither the figure nor the project's own total answers it."""
    within = _within()
    for m in frame.value_mentions():
        inside = m.kinds() == {"figure"} and re.match(rf"(?:\d+(?:\.\d+)?(?:万元|万|元|亿元))?的?(?:{within})的?[,，]?", frame.text[m.end:])
        part = next((o for o in frame.mentions if inside and o.of("project") and o.start == m.end + inside.end()), None)
        if part is not None:
            return f"文件没有单独给出“{m.entities[0].label}”中“{part.surface}”的金额 (no figure for that part)"
    return None


def _part_of_named(frame: Frame, answer: Answer) -> str | None:
    """「X里，制作宣传片具体花了多少钱」「基本支出里的电费」: a thing named inside a linked one or a
    named total (after 里/中) that no entity is — a part the document gives no figure for; the
    whole's figure does not answer it. A target's count (要拍几部宣传片) speaks of the part itself."""
    if answer.unit not in _cues()["money_units"]:
        return None
    within = _within()
    wholes = [(m.end, m.entities[0].label) for m in frame.value_mentions()] + [(b, frame.text[a:b]) for a, b in frame.name_spans]
    wholes += [(at + len(name), name) for name in frame.measures if (at := frame.text.find(name)) >= 0]
    for end, label in wholes:
        inside = re.match(rf"(?:{_cues()['name_rest']})?(?:\d+(?:\.\d+)?(?:万元|万|元))?的?(?:[,，]?其中|{within})的?[,，]?(?:用于|用在|花在)?", frame.text[end:])  # 「X1220万元，其中用于差旅的部分」
        if not inside:
            continue
        start = end + inside.end()
        stop = start + re.search(r"[,，。;；?？]|$", frame.text[start:]).start()
        if any(start <= other.start < stop for other in frame.mentions) or any(start <= a < stop for a, _ in frame.name_spans):
            continue  # 「基本支出里的电费」 with 电费 linked: the part is named
        if re.search(r"(?:那块|这块|那部分|这部分)$", frame.text[start:stop]) and any(m.start > stop for m in frame.value_mentions()):
            continue  # 「基本支出里人员那块，绩效工资是多少」: the part only says where the next name lies
        nouns = frame.free_nouns(start, stop)
        if nouns:
            return f"文件没有单独给出“{label}”中“{nouns[0]}”的金额 (no figure for that part)"
    return None


def _share_as_amount(frame: Frame, answer: Answer) -> str | None:
    """「X在Y里的份额是多少」 answered with X's amount: a share asked is a percentage, never a sum of money."""
    if frame is None or frame.intent != "ratio" or answer.unit not in _cues()["money_units"] or not re.search(_cues()["share_asked"], frame.text):
        return None
    return "问的是所占比例，找到的只是金额 (a share was asked, only an amount was found)"


def _amount_as_share(frame: Frame, answer: Answer) -> str | None:
    """「X里头基本支出占多少钱」 answered with a percentage: money asked (多少钱, 多少万) and no share
    word said is an amount, never a share."""
    if frame is None or answer.unit != "%" or not re.search(r"多少(?:钱|万元?|元)", frame.text) or re.search(_cues()["share_asked"], frame.text):
        return None
    return "问的是金额，找到的是比例 (an amount was asked, a share was found)"


def _share_of_itself(answer: Answer) -> str | None:
    """「社宝中心的项目支出占整个部门项目支出的百分之几」 with the unit not read: 「项目支出（X）占项目支出（X）」
    — a figure as a share of itself answers nothing asked."""
    if answer.unit == "%" and re.search(r"([^，。；（）]{2,30})（([\d.,]+)万元[^）]*）占\1（\2万元", answer.answer):
        return "部分和整体是同一个数，问题所说的部分没有找到 (the part found is the whole)"
    return None


def _subset_missing(question: str, said: str) -> str | None:
    """「三辆车里有几辆是执法执勤用车」: a count of those of one kind within a set, which the set's own
    count does not give."""
    asked = re.search(_cues()["subset_counted"], normalize(question))
    year = asked and re.search(r"\d{4}年", asked.group("what"))
    if year and f"{year.group(0)}没有" in said:
        return None  # 「有几个是2024年没出现过的」: the members one year lacks, counted over the two years
    if asked and asked.group("what") not in said:
        return f"文件没有给出其中“{asked.group('what')}”的数目，只有总数 (no count of that kind within the set)"
    return None


def _project_by_class(frame: Frame) -> str | None:
    """「X项目那220万，按经济分类各花在哪」: a project broken down by class, which no table gives."""
    projects = [m for m in frame.mentions if m.of("project", "goal")]
    if projects and re.search(_cues()["class_breakdown"], frame.text):
        return f"文件没有把“{projects[0].entities[0].label}”按分类拆开，只给出项目合计 (a project is not broken down by class)"
    said = clauses.statements(frame.text)  # 「…我以为就是发临时工工资。这个项目是干什么用的」: a class said in a statement asks nothing
    economic = [m for m in frame.mentions if any(e.code and e.code.startswith("3") for e in m.of("classification"))
                and not any(a <= m.start < b for a, b in said)]
    if (projects and economic and not frame.cues & {"compare", "sum", "ratio", "list", "max", "min"}
            and any(not p.partial and p.end <= c.start for p in projects for c in economic)):  # 「X项目分摊了多少会议费」
        return f"文件没有给出“{projects[0].entities[0].label}”里“{economic[-1].entities[0].label}”的金额，只给出项目合计 (a project is not broken down by class)"
    return None


def _breakdown_missing(frame: Frame) -> str | None:
    """「在各个镇街分别分配了多少」「各科室分别」: a figure per member of a set that no entity of the
    document names, or of one that has no budget of its own; the figures found are not broken down so."""
    for form in _cues()["breakdown"]:
        for found in re.finditer(form.replace("{noun}", r"(?P<noun>[\u4e00-\u9fff]{1,4}?)"), frame.text):
            noun = found.group("noun")
            unbudgeted = any(noun in load_cues()["sets"][kind] for kind in _cues()["sets_without_figures"])
            if unbudgeted or "".join(frame.free_nouns(found.start("noun"), found.end("noun"), shortest=1)) == noun:
                return f"文件没有按“{noun}”分列的数 (no breakdown by it)"
    return None


def _list_for_amount(question: str, answer: Answer) -> str | None:
    """「名称里带X的项目加一块儿多少钱」: one amount asked, and a list found that was not summed."""
    cues = _cues()
    asking = [c for c in re.split(r"[，,。；;:：？?！!]", question) if re.search(cues["clause_asks"], c)]  # 「有两个项目金额都是500万元，是哪两个」: a figure stated asks none
    if answer.value is None and len(answer.items) > 1 and any(w in c for c in asking for w in cues["money_asked"]) \
            and not any(w in question for w in cues["one_by_one"]):
        return f"问的是一个金额，找到的是{len(answer.items)}项的名单，没有算出它们的合计 (a list, not the amount asked)"
    return None


def _one_asked_many_given(question: str, frame: Frame, answer: Answer) -> str | None:
    """「那个做X的项目依据的通知叫什么」: one project pointed at, and a list of many found — the
    project was not found; the whole list is never its answer. The documents one linked project
    cites (two of them), or its targets, are that project's, not candidates for it."""
    pointed = re.search(_cues()["one_pointed_at"], normalize(question))
    one = [m for m in frame.mentions if m.of("project", "goal")] if frame else []
    if answer.intent in ("citation", "target") and len(one) == 1 and len({e.label for e in one[0].entities}) == 1:
        return None  # the targets of the one project pointed at are its own
    if pointed and len(answer.items) > 1 and not any(w in question for w in _cues()["one_by_one"]):
        return f"问的是“{pointed.group(0)}”一项，没有确定是哪一项（找到{len(answer.items)}项） (which one is not found)"
    return None


def _office_told(frame: Frame, office, answer: Answer) -> bool:
    """「价格股那边有个X经费，它是根据哪次会议纪要安排的」: an office named in a clause that asks nothing, before the
    project the answer is of, tells where the asker saw it; the project is what is asked."""
    start = max(frame.text.rfind(c, 0, office.start) for c in "，,。；;？?！!") + 1
    clause = re.match(r"[^，,。；;？?！!]*[，,。；;？?！!]?", frame.text[start:])
    told = clause is not None and not clauses.asks(clause.group(0))
    named = [m for m in frame.mentions if m.start > office.start and m.of("project")]
    return told and any(e.label in answer.answer for m in named for e in m.entities)


def operator_dropped(question: str, answer: Answer) -> str | None:
    """An operator the question states (多多少, 几倍, 占…比例) outside the names it links, that the
    answer does not carry out: a sum or a lone figure given for a difference is refused."""
    said = answer.answer + (answer.unit or "")
    for name, spec in _cues()["operators"].items():
        if name == "addition" and answer.intent == "count":
            continue  # 「本级加上两个中心，一共多少个项目」: a count of the things joined is their union counted
        asked = re.search(spec["asked"], normalize(question))
        if asked and not re.search(spec["said"], said):
            return f"问题问的是“{asked.group(0)}”，找到的答案没有算出它 ({OPERATOR_DROPPED}: {name})"
    return None


def _unnamed(frame: Frame) -> str:
    """The question with the names it links blanked."""
    chars = list(frame.text)
    for m in frame.mentions:
        chars[m.start:m.end] = " " * (m.end - m.start)
    return "".join(chars)


def _stated_count_missing(question: str, answer: Answer) -> str | None:
    """「这四项合计」「两个项目加起来」: a sum over other than as many things as the question counts
    dropped one or took one more."""
    stated = re.search(r"(?:这|那|以上|上述)?([两二三四五六七八九])(?:个|项|笔|块|样|类)[^，,。？?]{0,6}?(?:合计|加起来|加在一起|加一起|加一块|一共|总共|之和|相加|合起来|总和)", question)
    if not stated or not answer.items or answer.intent not in ("sum", "aggregate", "lookup", "arithmetic"):
        return None
    count = "一二三四五六七八九".index(stated.group(1).replace("两", "二")) + 1
    if len(answer.items) != count:  # fewer: one dropped; more: one not named was added (「这四样（就是工资条上那几块）」)
        return f"问题说的是{stated.group(1)}项，文件中找到的是{len(answer.items)}项：{'、'.join(answer.items)}"
    return None


def acts_asked(text: str) -> list[str]:
    """The acts (购置, 采购 …) a question asks about, by their own word or an everyday one (买):
    what is to be bought is not what is held."""
    cues = _cues()
    text = re.sub(f"(?:{load_cues()['set_apart']})[^，,。？?；;]{{0,8}}", "", text)  # 「不是购置费」: set apart, not asked
    return [w for w in cues["acts"] if w in text or any(s in text for s in cues["act_synonyms"].get(w, []))]


def _quoted_missing(question: str, frame: Frame, answer: Answer) -> str | None:
    """A name the question puts in quotes that no linked entity and no part of the answer holds."""
    if not answer.answered or any(w in question for w in _cues()["claim_checks"]):
        return None  # 「要说X比Y“翻了一番”，准确吗？」: the quote is the claim to check
    said = _norm(_said(answer) + "".join(e.label for m in frame.mentions for e in m.entities) + "".join(s.table for s in answer.sources))  # 「“三公”经费那张表」: the table's title
    linked = _norm("".join(m.surface for m in frame.mentions if not m.partial))  # a partial name's span may hold words the name lacks
    for match in _QUOTED.finditer(question):
        quoted = match.group(1)
        if re.fullmatch(_operator_words(), quoted) or _section_title(normalize(quoted)):
            continue  # 「“翻了一番”，准确吗」 quotes a saying of the operator, not a name; 「“重点项目预算绩效目标情况”里」 a section
        if _quote_names_nothing(question, match):
            continue
        name = _norm(quoted)
        if name not in said and _excluded_in_brackets(question, match):
            continue  # 「X（不算带“十五五”的）」: the sibling left out, and the answer holds none of it
        if name not in said and re.search(rf"(?:{load_cues()['set_apart']})(?:带|有|叫|是)?[“\"]?{re.escape(quoted)}", question):
            continue  # 「一个带“二期”一个不带，我只要不带二期的那个」: the word set apart is what the answer lacks
        if name and name not in said and name not in linked and not any(name in _norm(m.surface) and not m.partial or _norm(m.surface) in name for m in frame.mentions):
            if not any(_in_two_pieces(name, _norm(e.label)) for m in frame.mentions for e in m.entities) and not _in_two_pieces(name, said):  # a title said without its year
                return f"文件中没有找到“{quoted}” (not found in the document)"
    return None


def _excluded_in_brackets(question: str, match: re.Match) -> bool:
    """Whether a quote stands in brackets after an excluding word (（不含后面加了“专项经费”的那个）)."""
    opened = max(question.rfind("（", 0, match.start()), question.rfind("(", 0, match.start()))
    closed = min((k for k in (question.find("）", opened), question.find(")", opened)) if k >= 0), default=-1)
    return opened >= 0 and closed > match.end() and any(w in question[opened:match.start()] for w in _cues()["excluding"])


def _quote_names_nothing(question: str, match: re.Match) -> bool:
    """A quote that neither names nor filters: the asker's word in a lead-in (「做回顾稿需要一个“头号项目”：…」,
    what follows the colon asks), a passage left out (「除了“X”这条以外」) or a name set apart (「（不是“2024年度”那个）」)."""
    lacking = any(b.start() < match.start() and match.end() <= b.end() for b in re.finditer(load_cues()["lacking_bracket"], question))  # 「（就是名字前面没有“竹湾县”的那个）」
    return bool(re.match(r"[^，,。？?；;!！]{0,6}[:：]", question[match.end():])) or _set_apart(question[:match.start()]) \
        or excluded_before(question, match.start()) or _said_before_the_question(question, match.end()) or lacking


def _said_before_the_question(question: str, end: int) -> bool:
    """「都说发改局越来越像个“项目局”。项目支出占总支出的比重…」: a quote in a sentence before the last, which
    asks on its own without pointing back (它, 这个, 该), is the asker's word, no name asked."""
    last = max((m.end() for m in re.finditer(r"[。？?！!]", question.rstrip("。？?！! "))), default=0)
    return end <= last and not re.search(r"它|[这那该此其](?:个|项|笔|些|一)", question[last:])


def _set_apart(before: str) -> bool:
    """A quote right after a word that sets it apart (不是“X”, 不是局本级那个“X”): no name asked."""
    return bool(re.search(f"(?:{load_cues()['set_apart']})[^，,。;；“\"「(（]{{0,8}}$", before))


def _in_two_pieces(name: str, label: str) -> bool:
    """「“12345热线工单”经费」 for 12345政务服务便民热线工单办理经费: the quote is the name's own
    words with one stretch left out — two pieces of two characters or more, in order."""
    for k in range(2, len(name) - 1):
        head, tail = name[:k], name[k:]
        at = label.find(head)
        if at >= 0 and label.find(tail, at + len(head) + 1) >= 0:
            return True
    return False


def _operator_words() -> str:
    from qa.kinds.base import cue_data  # the arithmetic kind's words of the operator (翻了一番)

    return cue_data("arithmetic")["operator_words"]


def _norm(text: str) -> str:
    """Quotes and brackets out, traditional characters and widths folded (「兩個」 is 两个)."""
    return re.sub(r"[\s“”\"「」『』《》()（）〔〕\[\]]", "", normalize(text)).lower()


def _told_beside(frame: Frame) -> list:
    """「社会福利这一类下面只有老年福利和殡葬两块，殡葬支出占社会福利支出的几成」: the things a clause before the
    ask tells of (a statement, no ask of its own) beside one the ask names again — what the asker read, not asked."""
    spans = [m.span() for m in re.finditer(r"[^，,。；;？?！!]+[，,。；;？?！!]?", frame.text)]
    asks = load_cues()["clauses"]["asks"]
    asking = [(a, b) for a, b in spans if re.search(asks, frame.text[a:b])]
    if len(asking) != 1:
        return []
    start = asking[0][0]
    asked = {e.iri for m in frame.mentions if m.start >= start for e in m.entities}
    told = []
    for a, b in spans:
        inside = [m for m in frame.mentions if a <= m.start < b]
        if b > start or not inside or not (says_something(frame.text[a:b]) or re.search(r"只有|就有|都是|全是", frame.text[a:b])):
            continue
        aim = re.search(load_cues()["asker_intent"], frame.text[a:b]) and (frame.set_kind or any(m.start >= start and m.kinds() & {"classification", "line_item", "project", "figure"} for m in frame.mentions))
        if aim or asked and any({e.iri for e in m.entities} & asked for m in inside):  # 「想粗算一下…工资性支出，基本工资、…四项加起来」: the asker's aim, the ask names its own
            told += [m for m in inside if not {e.iri for e in m.entities} & asked]
    return told


def unused_mention(frame: Frame, answer: Answer, queried: str, lexicon: Lexicon) -> str | None:
    """A class, item, figure or project the question names that the answer neither states (by
    name or code) nor looked up (its IRI in a query run): a part of the question was dropped
    (「A、B、C这几项里哪些超过50万元」 answered with projects). Named as a set to take parts from
    (「资本性支出里包括哪些」) it is used when the answer's classes lie under it; a thing left out
    (不含X) or one named as a scope or measure (a term, a unit, the department) asks nothing. A class
    is not used by the names of things listed that hold its words (彩票公益金 in a project's name)."""
    if not answer.answered:
        return None
    cues = _cues()
    said = re.sub(cues["detail"], "", _said(answer)) + "".join(r.get("行", "") for r in answer.rows)  # 「拟购置的服务器」: what a figure is mostly spent on is not its subject
    excluding = re.compile("(?:" + "|".join(cues["excluding"]) + r")[^，,。;；]{0,8}$")
    after = container_after()
    columns = {c for spec in load_template().tables for c in spec.columns}  # 一般公共预算: a column, a measure
    loose = _loose(said)
    measures = occurrences(_measure_aliases(), frame.text)
    unlisted = reduce(lambda text, item: text.replace(item, " "), sorted(answer.items, key=len, reverse=True), said)
    used = [m for m in frame.mentions if len(m.surface) > SHORT_ALIAS and m.surface in (unlisted if m.kinds() <= _CLASSES else said) or any(  # 用车 inside 公务用车购置费 is no use of 用车
        _loose(e.label) in loose or (e.code and e.code in said) or f"<{e.iri}>" in queried for e in m.entities)]
    excluded = {id(m) for m in left_out(frame.text, frame.mentions) + [m for m in frame.mentions if illustrates(frame.text, m)]}  # 「（X那块不算）」: named to be left out
    excluded |= {id(m) for m in _listed_members(frame, used)}
    excluded |= {id(m) for m in frame.mentions if _restates_a_fund(frame.text, m)}
    excluded |= {id(m) for m in _told_beside(frame)}
    guessed = commentary.guesses(frame.text)  # 「我以为就是发临时工工资。」: a guess asks nothing
    excluded |= {id(m) for m in frame.mentions if any(a <= m.start < b for a, b in guessed)}
    used_labels = {e.label for m in used for e in m.entities}
    whole = [m for m in frame.mentions if not m.partial and m.kinds() & {"classification", "line_item", "project", "figure"} and id(m) not in excluded
             and not any(_loose(e.label) in loose or (e.code and e.code in said) for e in m.entities)
             and not after.match(frame.text, m.end) and not any(u.start == m.end or u.end == m.start for u in used)]  # a container, or a name's first word
    if whole and any(u.partial and u.surface in said for u in used) and len(frame.value_mentions()) >= 2:  # 「…外包给第三方，…委托业务费有多少」
        return f"答案没有用到问题中的“{whole[0].surface}” (a part of the question the answer does not use)"
    for m in frame.mentions:
        if any(e.label in used_labels for e in m.entities) and m.kinds() <= {"classification", "line_item"}:
            continue  # 「殡葬这个科目（2081004）」: the code names the class its name already took
        guessed_term = m.partial and m.fuzzy and m.kinds() == {"term"}  # 「行政运行支出」 read near 行政经费（机关运行经费）: the answer must say it
        if (m in used or id(m) in excluded or frame.lists_after(m) or not guessed_term and (not m.kinds() & set(cues["used_kinds"]) or m.kinds() & set(cues["used_exempt"]))
                or any(e.label in columns for e in m.entities) or m.surface + "合计" in columns or excluding.search(frame.text[:m.start])  # 财政拨款(合计): a column
                or (m.partial and len({e.label for e in m.entities}) > 1)  # a part shared by several names links nothing for sure (a project and its goal are one)
                or any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in measures)):  # 人员和公用经费: a measure
            continue
        if any(u.start == m.end and (u.of("project") or u.lies_under(m)) for u in used):
            continue  # 社保 + 经办服务经费, 社保 + 经办机构: the first word of a name the answer uses
        same = {e.iri for e in m.entities}
        if any(after.match(frame.text, n.end) and {e.iri for e in n.entities} == same for n in frame.mentions):  # 「工资构成…工资福利支出里」: the whole said twice
            codes = [e.code for e in m.entities if e.code]
            if not codes or any(label in said for c in codes for label in lexicon.descendant_labels(c)):
                continue
        return f"答案没有用到问题中的“{m.surface}” (a part of the question the answer does not use)"
    return None


def _restates_a_fund(text: str, m) -> bool:
    """「政府性基金（彩票公益金）」「彩票公益金（政府性基金预算）」: a name in brackets beside a fund's names that fund
    again, which the answer uses as its scope."""
    funds = _fund_words()
    return bool(re.search(rf"(?:{funds})[(（]$", text[:m.start]) or re.match(rf"[(（](?:{funds})", text[m.end:]))


@cache
def _fund_words() -> str:
    measures = load_cues()["measures"]
    return "|".join(sorted((re.escape(match_form(a)) for spec in measures.values() if spec.get("fund") for a in spec["aliases"]), key=len, reverse=True))


def _listed_members(frame: Frame, used: list) -> list:
    """Names listed together (A、B、C) that the answer need not each use: examples (「有印刷费、劳务费、
    基础设施建设等好几项」, the set is larger), and the others of a list whose one member is the largest
    or smallest found (「分了好几个款，A、B、C、D。哪个款最大」: the top of a wider set is theirs too)."""
    top = frame.intent == "superlative" and frame.n in (None, 1) and not frame.rank
    out = []
    for group in _lists(frame):
        if re.match(r"等(?!于)|什么的?(?!是)|之类", frame.text[group[-1].end:]) or top and any(m in used for m in group):
            out += group
    return out


def _lists(frame: Frame) -> list[list]:
    """Runs of two or more names joined by 、 (and a last 和/及)."""
    groups: list[list] = []
    for m in sorted(frame.mentions, key=lambda m: m.start):
        last = groups[-1][-1] if groups else None
        if last is not None and re.fullmatch(r"、|和|及|以及", frame.text[last.end:m.start]) and (len(groups[-1]) > 1 or frame.text[last.end:m.start] == "、"):
            groups[-1].append(m)
        else:
            groups.append([m])
    return [g for g in groups if len(g) >= 2 and "、" in frame.text[g[0].start:g[-1].end]]


@cache
def _measure_aliases() -> tuple[str, ...]:
    return tuple(alias for measure in load_cues()["measures"].values() for alias in measure["aliases"])


def _loose(text: str) -> str:
    """A name without its joining words: 工资福利支出 and 工资和福利支出 are one name."""
    return re.sub("[和及与、]", "", text)


MOVEMENT_TOLD = re.compile(r"从[^，,。？?]{1,16}?(?:降|涨|增|减|变|跌|升|缩|蹿|掉)[^，,。？?]{0,4}?(?:到|至|成)[^，,。？?]{1,16}")
_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万元|元|亿元)(?![多余左])")


def _in_wan(stated: re.Match) -> Decimal:
    """An amount the question states (_AMOUNT), in 万元: 七万八千元 is 7.80万元."""
    amount = Decimal(stated.group(1))
    return amount / 10000 if stated.group(2) == "元" else amount * 10000 if stated.group(2) == "亿元" else amount


def _stated_amount_unused(frame: Frame, answer: Answer, said: str) -> str | None:
    """「在900万元的项目支出里，X占多大比重」: an amount the question states of a thing (no
    threshold) is that thing's figure; an answer that neither states it nor gives it as its value
    computed with another one."""
    if frame.threshold is not None or frame.operator or answer.value is None or answer.unit not in _cues()["money_units"] + ["%", "倍"]:
        return None
    if answer.intent not in _cues()["figure_intents"] or answer.intent == "performance":
        return None  # 「X（2万元那个）的满意度要求」: the amount picks the project whose target is asked
    moves = [m.span() for m in MOVEMENT_TOLD.finditer(frame.text)]  # 「从两万多降到了五千元」: what the asker saw move, not the figure asked
    for stated in _AMOUNT.finditer(frame.text):
        amount, in_wan = Decimal(stated.group(1)), _in_wan(stated)
        if amount == answer.value or any(w in said for w in {stated.group(1), fmt(amount, stated.group(2)), fmt(in_wan)}):
            continue
        if any(a <= stated.start() < b for a, b in moves):
            continue
        return f"问题中的{stated.group(0)}在答案中没有用到，答案用的是别的数 (the amount the question states is not the answer's)"
    return None


def _stated_amount_not_filtered(frame: Frame, answer: Answer) -> str | None:
    """「哪些项目的预算刚好都是500万元」 answered with every project: an amount the question states and
    no filter took up is a condition dropped; a list whose every figure is that amount kept it, and so
    does one that makes it up (「那43.17万元里是哪些项目」 answered with items of another sum does not)."""
    if answer.value is not None or len(answer.items) < 2 or frame.threshold is not None or frame.range is not None:
        return None
    figures = [Decimal(str(r["金额"])) for r in answer.rows if "金额" in r]
    text = frame.text
    for stated in _AMOUNT.finditer(text):
        if re.match(_cues()["amount_bound_after"], text[stated.end():]) or re.search(_cues()["amount_bound_before"], text[:stated.start()]):
            continue  # 「多出5万元以上的」: a bound another reading takes up
        in_wan = _in_wan(stated)
        if figures and any(v != in_wan for v in figures) and sum(figures) != in_wan:
            return f"问题中的{stated.group(0)}没有用作条件 (the amount the question states was not applied)"
    return None


@cache
def container_after() -> re.Pattern:
    """What follows a name that is the set asked into (资本性支出里, 20138底下, 农业农村这个款下面), past a code in
    brackets and the word for its level."""
    return re.compile(rf"(?:[\[【（(]?\d{{3,}}[\]】）)]?)?(?:(?:这个|这一|那个|该)?(?:科目|款|类|大类))?(?:{container_words()})")


@cache
def container_words() -> str:
    """The words after a whole that the next name is a part of (里, 当中, 那块, 分…三类，其中)."""
    return "|".join(sorted(_cues()["container_after"], key=len, reverse=True))


def _named_thing_given_back(frame: Frame, answer: Answer) -> str | None:
    """「X底下列了哪些款项」 answered with X itself: the parts were asked, the whole was given back."""
    after = container_after()
    if not re.search(_cues()["which_ones"], frame.text) or len(frame.value_mentions()) != 1:
        return None
    for m in frame.mentions:
        if len(answer.items) == 1 and after.match(frame.text, m.end) and any(answer.items[0] == e.label for e in m.entities):
            return f"问的是“{m.surface}”下面的各项，找到的只有它本身 (its parts were asked, the whole was found)"
        if answer.value is not None and not answer.items and after.search(frame.text[m.end:m.end + 6]):  # 「X一般都包括哪些开支」 answered with X's figure
            return f"问的是“{m.surface}”包括的各项，找到的只有它的金额 (its parts were asked, the whole was found)"
    return None


def _projects_of_another_measure(frame: Frame, answer: Answer) -> str | None:
    """「基本支出包括哪两块」 answered with projects: no project is part of 基本支出."""
    named = [w for w in _cues()["not_projects"] if w in frame.text]
    if named and len(answer.items) > 1 and set(answer.items) <= _said_projects(answer):
        return f"问的是“{named[0]}”，找到的是项目的清单 (projects are no part of it)"
    return None


def _said_projects(answer: Answer) -> set[str]:
    """Items the answer's sources cite from the projects table (表12)."""
    projects = load_template().by_layout("projects").number
    return {s.row for s in answer.sources if s.table.startswith(f"表{projects}")}


def _second_ask_dropped(frame: Frame, answer: Answer) -> str | None:
    """「要建多少条路径、多少个运动场」: two counts asked by different measure words; an answer that
    carries one figure drops the other."""
    asked = list(dict.fromkeys(m.group(1) for m in re.finditer(_cues()["asks"], frame.masked())))
    if len(asked) < 2 or answer.value is None or answer.items:
        return None
    said = _said(answer)
    dropped = [u for u in asked if not re.search(rf"\d{re.escape(u)}", said)]
    return f"问题还问了以“{dropped[0]}”计的数，答案没有给出 ({SECOND_ASK})" if dropped else None


def _units_not_listed(question: str, answer: Answer) -> str | None:
    """「2024年有项目、2025年一个项目都没有的下属单位是哪些」 answered with projects: bodies asked, none listed
    (「…事业单位的有哪些」: their projects are)."""
    bodies = [re.sub(r"^本级[（(](.+)[）)]$", r"\1", i) for i in answer.items]  # 「本级（X局）」 is the bureau
    if not answer.items or not re.search(_cues()["units_asked"], question) or any(b.endswith(ORG_SUFFIX) or b == "本级" for b in bodies):
        return None
    return "问的是哪些单位，答案列出的不是单位 (bodies asked, other things listed)"


def _one_share_for_points(question: str, answer: Answer) -> str | None:
    """「项目支出的比重比基本支出的比重高出几个百分点」 answered with one share: the difference of two is asked."""
    if answer.unit != "%" or "百分点" in answer.answer or not re.search(_cues()["points_between"], normalize(question)):
        return None
    return "问的是两个比重相差几个百分点，答案只有一个比重 (one share where the difference of two was asked)"


def _matter_unnamed(frame: Frame | None) -> str | None:
    """「看新闻说枫渡区在争创双拥模范城，想知道这件事在X局预算里安排了多少钱」: a matter pointed at that the
    question names nothing of the documents for — the department's total is not its figure."""
    pointer = re.search(_cues()["matter_pointer"], frame.text) if frame else None
    if pointer is None or any(not m.kinds() <= {"department", "budget_unit"} for m in frame.mentions):
        return None
    return f"问题说的“{pointer.group(0)}”在文件中没有对应的项目或科目 (the matter pointed at is not in the document)"


def _firm_not_named(question: str, answer: Answer) -> str | None:
    """「两年分别是哪家律所承接的」 answered with amounts: a firm asked, none named."""
    if not re.search(_cues()["firm_asked"], question) or re.search(load_cues()["firm_named"], answer.answer):
        return None
    return "文件没有写明是哪家公司或机构承接 (no firm named)"


def _fewer_than_stated(question: str, frame: Frame, answer: Answer) -> str | None:
    """「两个X项目加一起多少」「X本级和大队两笔合计」: a sum of a number of things stated, answered
    with one row's figure — the others were not found."""
    stated = ([m for m in re.finditer(_cues()["stated_things"], question)] or [None])[-1]  # 「四个项目里，除了X，其余三个加起来」: the count summed, said last
    if not stated or "sum" not in frame.cues or answer.value is None or left_out_before(question, stated.start()):
        return None  # 「除掉A和B这两个项目，剩下的」: the count of those left out
    if any(m.of("budget_unit", "department") and not m.of("project") for m in frame.mentions):
        return None  # 「图书馆那三个项目加起来」: a unit's row sums its projects
    number = re.match(r"\d+|.", stated.group(0)).group(0)
    count = int(number) if number.isdigit() else "一二三四五六七八九".index(number.replace("两", "二")) + 1
    rows = len({(s.document, s.table, s.row) for s in answer.sources}) - (answer.unit == "%")  # a share's whole is not one of the things added
    one_named = answer.intent == "sum" and len(frame.value_mentions()) <= 1  # 「两个X项目加一起」「两个项目加起来」 summed over more rows than said
    found = len(answer.items) or (rows if rows == 1 or one_named else 0)
    if found in (0, count):
        return None
    return f"问题说的是{stated.group(0)}，答案加的是{found}笔 (not the things the question counts)"


def _one_given_for_each(question: str, answer: Answer) -> str | None:
    """「各个项目分别安排了多少」: a figure for each thing asked, and one figure found with nothing
    listed — a total is not each."""
    told = [(a, b) for a, b in clauses.statements(question) if b < len(question.rstrip())]  # the last sentence always asks
    asked = "".join(ch for k, ch in enumerate(question) if not any(a <= k < b for a, b in told))  # 「A和B都各自有项目。哪边项目支出多」: a statement's 各自 asks nothing
    asked = re.sub(r"[(（][^()（）]*[)）]", "", asked)  # 「固定资产金额（各自截至当年1月31日）」: a bracket says how a figure is taken
    asked = re.sub(r"(?:分别|各自)(?:算|求|计算|得)(?:出来|好|完|出)?(?:后|以后|之后|再)", "", asked)  # 「两年的比重分别算出来后，…下降了几个百分点」: a step, not the ask
    asked = re.sub(r"(?:分别|各自)(?=的?(?:金额|预算)?(?:最|第))", "", asked)  # 「两年各自最大的项目相差多少」: each one's top, then one figure
    if not re.search(_cues()["each_asked"], asked) or answer.value is None or answer.items:
        return None
    if len(set(re.findall(r"\d{4}年\d", answer.answer))) >= 2:
        return None  # 「两年各是多少」: each year's figure said, the same in both
    return "问题问的是每一项的数，答案只有一个数 (one figure where each was asked)"


def _unit_not_said(frame: Frame, answer: Answer) -> str | None:
    """「两年各培训了多少人次」 answered with amounts: a count asked in its unit (人次, 场, 辆) that the
    answer never says is not answered."""
    unit = frame.unit_word if frame else None
    if not unit or unit in _cues()["money_units"] + ["%", "个", "项", "名", "家"] or unit in answer.answer:
        return None
    if answer.value is not None and any(re.search(rf"\d{alike}", answer.answer) for alike in _cues()["alike_units"].get(unit, [])):
        return None  # 「车辆一共几台」: cars counted in 台 are counted in 辆
    if answer.items and re.search(rf"哪[几些]{unit}", frame.text):
        return None  # 「都有哪几条」: the names are asked, not how many
    return f"问的是{unit}数，答案中没有以{unit}计的数 (not in the unit asked)"


def _each_thing_held(question: str) -> str | None:
    """「两辆公车各自的运行维护费」: no document states a figure per car, building or piece of equipment."""
    held = re.search(_cues()["things_held_counted"], question)
    if held and re.search(_cues()["each_asked"], question):
        return f"文件没有分别给出每一{held.group('unit')}的数，只有合计 (no figure for each one)"
    return None


@cache
def _section_titles() -> tuple[str, ...]:
    """The template's section titles as a document writes them (主要职责, 重点项目预算绩效目标, 国有资产)."""
    template = load_template()
    titles = [t.split(" ", 1)[-1] for t in template.sections.values()] + list(template.explanation_sections.values())
    return tuple(t for t in titles if len(t) >= 2)


def _section_title(word: str) -> bool:
    """Whether a quoted word is a section of the template (重点项目预算绩效目标情况, 国有资产占用情况)."""
    return len(word) >= 4 and any(t in word for t in _section_titles())


def _quoted_filter_dropped(question: str, frame: Frame, answer: Answer) -> str | None:
    """「名称里标着“二期”的项目有几个」 answered with every project: a quoted word no linked name
    takes filters the list, so items without it mean the filter was dropped."""
    if len(answer.items) < 2:
        return None
    linked = "".join(m.surface for m in frame.mentions)
    bracketed = re.finditer(r"(?:带|含|叫)(?:有|着)?[（(]([^）)]{2,12})[）)]", question)  # 「名字后面带（续建）的」: a bracket quotes too
    named = name_filter.stated(normalize(question))
    either = {named.keyword, *named.alternatives} if named and named.alternatives else set()  # 「含“A”或者“B”」: a name holding either
    for match in [*_QUOTED.finditer(question), *bracketed]:
        quoted = match.group(1)
        if _quote_names_nothing(question, match):
            continue
        word = normalize(quoted)
        if _section_title(word):
            continue  # 「第三部分“重点项目预算绩效目标情况”里」: where the list stands, no filter
        group = either if word in either else {word}
        if word and word not in linked and not all(any(w in normalize(item) for w in group) for item in answer.items):
            return f"问题中的“{quoted}”没有用来筛选，列出的项不都带它 (the quoted word is not applied)"
    return None

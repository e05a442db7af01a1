"""Understanding: a Chinese question → a typed Frame (intent, entities, measures, scope, operators).

Cue words come from qa/data/cues.json; entities from the graph's lexicon. Nothing here knows a
particular document. When the question names something the document does not hold (another
year, another level of government, an unknown thing), the frame says so instead of guessing.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal
from functools import cache, cached_property

import ahocorasick

from kg.template import load_template
from qa import clauses, commentary, honour, name_filter, segment
from qa.cue_typos import corrected as cue_typo_corrected
from qa.cue_typos import homophone_asks, linked_as_cue
from qa.frame import Frame
from qa.kinds.base import cue_data
from qa.known import answer_unit, fold_digits, is_known, of_the_document
from qa.lexicon import (
    FUZZY_LENGTH,
    Entity,
    Lexicon,
    Mention,
    abbreviates,
    load_cues,
    match_form,
    negated_before,
    spelt_out,
    syllables_of,
)
from qa.normalize import count_of, normalize
from qa.partial import COMMON as COMMON_WORD
from qa.partial import PartialLinker, kind_words
from qa.ranges import Range, left_out_before, stated_range
from qa.segment import content_nouns, in_longer_word, is_verb, noun_ending, only_function_words, tokenizer
from qa.spans import LONG_PART, brackets_open, compiled, occurrences
from qa.years import YEAR, named_years

CONNECTORS = ("中", "里", "里面", "当中", "之中", "中间", "下", "下面", "之", "部分", "那边", "这边", "那块", "这块", "方面")  # 「项目支出那边的差旅费」
NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|亿|万元|万|元)?")
TOP_N = re.compile(r"前(\d+)(?:个|名|项|位|大)?|最[大多高小少低](\d+)(?:个|项|名)")
RANK = re.compile(r"(?:(?<![安编并彩])排名?|名列|位列|位居)第?(?P<a>[2-9二三四五六七八九])(?![\d.])(?:名|位)?(?P<da>[大多高少小低])?"
                  r"|(?P<from_last>倒数)第(?P<c>[2-9二三四五六七八九])"  # 倒数第二: the second from the smallest
                  r"|第(?P<b>[2-9二三四五六七八九])(?:名|位|大|多|高|少|小|低)(?P<db>[大多高少小低])?|次(?:多|大|高)")
TABLE = re.compile(r"表(\d{1,2})(?!\d)")
UNIT_ASKED = re.compile(r"(?:多少|(?<![这那近前])几)(?:个(?=小时|分钟))?(" + "|".join(sorted(load_cues()["units_asked"], key=len, reverse=True))
                        + r")(?!目(?:经费|资金|支出|预算|的?钱))")  # 「多少项目经费」 asks money, not a count in 项
def _region_before(text: str, known: list[str]) -> str | None:
    """The administrative region written just before a name: a known one, or the 3-character
    token ending in 省/市/区/县 (「远市佛冈县」 is not a region; 「佛冈县」 is; 「今年县」 is a time and 县)."""
    for region in known:
        if text.endswith(region):
            return region
    if len(text) >= 3 and text[-1] in "省市区县" and re.fullmatch(r"[\u4e00-\u9fff]{2}", text[-3:-1]) and text[-3] not in "本全该各一二两三四五六七八九十几这那哪每了着过的得地" \
            and text[-2] not in "城辖" and not set(text[-3:-1]) & set("年月日时") and not is_verb(text[-3:-1]) and not only_function_words(text[-3:-1]) and _starts_a_word(text, len(text) - 3):  # 「这块,区司法局」: a clause break is no region's name
        return text[-3:]
    return None


def _starts_a_word(text: str, at: int) -> bool:
    """Whether a word of `text` begins at `at` (「读者来信问区…」: 信 ends 来信, no region's name starts there)."""
    start = max(0, at - 4)
    position = start
    for word in tokenizer().lcut(text[start:], HMM=False):
        if position >= at:
            return position == at
        position += len(word)
    return position == at


def _only_regions(surface: str, regions: frozenset[str]) -> bool:
    """Whether `surface` is one region's name or several written together (澜溪市枫渡区)."""
    while surface:
        head = next((r for r in regions if surface.startswith(r)), None)
        if head is None:
            return False
        surface = surface[len(head):]
    return True


def _region_before_body(frame: Frame, known: list[str], place_words: list[str]) -> str | None:
    """「乙区教育局」 when only 甲区's is loaded: a region written right before a linked body's
    short name that no loaded document has names another body (that name, else None)."""
    for m in frame.mentions:
        if not m.of("department", "budget_unit") or m.start < 3:
            continue
        region = frame.text[m.start - 3:m.start]
        if not re.fullmatch(r"[\u4e00-\u9fff]{2}[省市区县]", region) or set(region) & set("年月日") or only_function_words(region[:2]) or region in known or region[-2:] in place_words or region[0] in "本全该各我贵其此这那" or re.match(r"[一每某几哪]个", region):  # 「在一个县农业农村局里」: any county's
            continue
        if any(m.start - 3 < a < m.start for a, _ in honour.included_spans(frame.text)):
            continue  # 「算上县图书馆，」: 算上 is the word that includes it, no region's name
        before = frame.text[:m.start - 3]
        if before and re.match(r"[\u4e00-\u9fff]", before[-1]) and before[-1] not in "的在和与及" and not _region_before(before, known):
            continue  # 「今年全区」「年度城区」: the three characters are not a region's name
        return region + m.surface
    return None


def _after_asking(words: str, cues: dict) -> str:
    """`words` after the last asking phrase or asker in them (「想问下」「我」): what may name a body."""
    for said in sorted((*cues["question_intros"], *cues["asker_words"]), key=len, reverse=True):
        at = words.rfind(said)
        if at >= 0:
            words = re.sub(r"^一?下", "", words[at + len(said):])
    return words


def _named_by_code(mentions: list[Mention]) -> list[Mention]:
    """「公积金（功能科目2210201）」: the code says which 住房公积金 (the functional class, not the
    economic one); the name beside it is the same thing, not a second one."""
    coded = [m for m in mentions if re.fullmatch(r"[\[(]?\d{3,}[\])]?", m.surface)]
    if not coded:
        return mentions
    labels = {e.label for c in coded for e in c.entities}
    return [m for m in mentions if m in coded or not {e.label for e in m.entities} & labels]


SELF_CONTAINED = {"figure", "project", "goal"}  # mentions that are a figure in themselves, not in a measure's sense
ITS_MEMBER = re.compile(r"(?:和|与|跟|比|同)(?P<it>它(?:的|那个|的那个|那笔|的那笔)?)[“\"]?(?P<part>[\u4e00-\u9fff]{2,6}?)[”\"]?(?=相比|比|相差|差|多|少|之间|[，,。？?]|的)")  # 「X和它的第二批相比」
BARE_COUNT = {"count", "sum", "list", "whichone", "amount"}  # 「请问一共有多少个」: a count asked of nothing named
STANDARD_BEFORE = re.compile(r"(?:比|比起|相比于|相较于|不如)(?:另一个|另外一个|另外那个|另一项|那个|这个)?$")  # 「比另一个B」: B is what the subject is measured against
THAN_ELIDED = re.compile(r"比([\u4e00-\u9fff]{2,12}?)(?=多|少|高|低|大|小|要[多少高低])")  # 「A比B多」: B, perhaps a name's start
JOINER = re.compile(r"[和与及跟、]|以及|加上?")
BACK_REFERENCE = re.compile(r"(?:这个|这项|这一|这笔|这些|这类|这种|该|此|那个|那项|那些|那类|那种|上述|前面|其)(?:项目|单位|经费|费用|款|项|钱|科目|资金|工作|东西|类|依据|文件)")
IT_OPENS = re.compile(r"它(?!们)|(?=占)")  # 「…。它占项目支出的比例是多少」「…。准确说占全部项目支出的几成」: 它, or no subject at all, opening the last sentence
OPENING_FILLER = re.compile(r"(?:请问|那么?|准确地?说|确切地?说|具体地?说|到底|实际)*")
UNIT_POINTER = re.compile(r"(?:这个|这家|该|此|那个|那家)(?:中心|所|站|队|馆|院|股|室)")  # 「请问这个中心」: the unit of that kind the context names
DEFINED = re.compile(r"(?:是)?指(?:的是)?什么|什么意思|的含义|的意思是")  # 「X指什么」: what a word means is asked
BREAKDOWN = re.compile(r"(?:各个?|每个|按|在(?:\d+个)?)(?!自)(?P<by>[\u4e00-\u9fff()]{1,6}?)(?:之间|中间)?(?:分别|各自|逐一|分开|(?:是|都)?(?:怎么|如何|怎样)(?:分配|分的|划分))")  # a figure asked per X (在7个镇之间怎么分配)
PART_OF = re.compile(r"(?:那|这)?(?:\d+(?:\.\d+)?多?(?:万元|万|元))?(?:里面|当中|之中|里|中)[,，]?")  # right after a project's name (and its amount): what follows is inside it
NAME_PARTS_APART = re.compile(r"[^?？。]*?(?:其中|里面|当中|之中|里|中)[,，]?(?P<parts>[\u4e00-\u9fff、]{2,12}(?:[和与及跟、][\u4e00-\u9fff]{2,12})+?)(?:各自?|分别)")  # 「X…，其中A和B各分多少」
CLAUSE = re.compile(r"[^,，:：;；。!！?？—]+(?:[,，:：;；。!！?？]|—+)?")  # 「…涨得离谱——想确认一下：」: a dash parts clauses


def _year_carried(context: str, question: str, lexicon: Lexicon | None = None) -> str:
    """「我看的是2024年那份，X是多少」: the one year the asker's context names scopes the question
    when it names none, written before it so that the context can be set aside — apart from it when
    the year and the question's first words would read as another name (2024年知识产权保护专项经费)."""
    years = {m.group(1) for m in YEAR.finditer(context)
             if not (re.search(r"[和与跟同]$", context[:m.start()]) and re.match(r"(?:的数?)?(?:做|作|进行)?(?:对照|对比|比较|相比)", context[m.end():]))}  # 「为了和2025年做对照，我先算2024年：」: 2024
    cues = load_cues()
    compared = {m.group(1) for m in YEAR.finditer(question) if re.search(r"(?:[比较与和同跟]|相比于|对比)$", question[:m.start()])}  # 「和2024年相比」: the base, not the question's year
    own = any(m.group(1) not in compared for m in YEAR.finditer(question))
    if len(years) != 1 or own or years <= compared or any(re.search(rf"(?<![比较与和同跟]){re.escape(w)}", question) for w in cues["last_year"]) \
            or any(w in context for w in cues["this_year"]) or re.search(r"(?:两|2)(?:年|个年度)", context + question):
        return question  # 「2025年的数有了，还缺上一年的。上年的X是多少」「看2025年的…，两年一比」: the question's own year, said relatively (比上年 compares, names none); 「2024年…，今年…」: two years
    year = f"{years.pop()}年"
    base = re.search(r"\d{4}年(?:相比|比较|对比)[,，]?", question) if compared else None
    if base:  # 「和2024年相比，项目支出…」: the carried year is the one compared with it
        return question[:base.end()] + year + question[base.end():]
    joined = lexicon is not None and any(m.start == 0 and m.end > len(year) for m in lexicon.link(year + question))
    return year + ("，" if joined else "") + question


def _context_ends(text: str) -> list[int]:
    """Where the context before the question may end, latest first (none: [0]): clauses in which
    the asker speaks of themself (「我在写一篇专题报道，…」) after a greeting (「您好，」), whatever precedes
    the question's own opening (「…，想问一下」), a reported question (「有读者问：」), a topic opened
    (「关于人员经费负担，」). When the latest
    leaves a question naming nothing (「…需要X局的项目支出总额，请问是多少」), the next is tried."""
    spans = [(m.start(), m.end()) for m in CLAUSE.finditer(text)]
    cues = load_cues()
    askers, intros = (*cues["asker_words"], *cues["elided_asker_openers"]), tuple(cues["question_intros"])
    end = 0
    ends = []
    for start, stop in spans[:-1]:
        clause = text[start:stop].strip()
        if start != end or not (clause.startswith(askers) or clause.startswith(tuple(cues["topic_openers"])) or clause.rstrip(",，!！。") in cues["greetings"]
                                or start == 0 and honour.heard(clause)):  # 「听说人社局今年要买新车，」: what the asker heard
            break
        end = stop
        ends.insert(0, end)
    late = end
    for start, stop in spans[1:]:  # 「最近在做调研，看到…，想问一下X」「虽然…，但还是想了解一下，X」: what comes before the question's own opening
        if re.match(cues["self_check"], text[start:stop].lstrip()) and clauses.asks(text[:start]):
            continue  # 「…是多少，我想核对一下是不是等于X」: what the asker will check, after the ask
        if re.sub(cues["clause_connectives"], "", text[start:stop].lstrip()).startswith(intros):
            late = max(late, start)
    for start, stop in spans[:-1]:  # 「有读者问：X」「想了解一下人员经费的结构：X」
        clause = text[start:stop]
        opening = text[max(text.rfind(ch, 0, start) for ch in "。!！?？") + 1:].lstrip()  # the sentence's, 「想跟2025年对比，先看2024年的：X」
        if re.search(r"问[:：]$", clause) or re.search(r"[:：]$", clause) and any(t.startswith((*intros, *cues["lead_in_openers"])) for t in (clause.lstrip(), opening)) \
                or re.search(cues["tag_question"], clause):  # 「…好像是涨的，对吧？它…」
            late = max(late, stop)
    return list(dict.fromkeys([late, *(ends or [0])]))  # 「听说…，我看X两年都有，增长了多少」: an earlier end when the latest leaves nothing named


BREAK = re.compile(r"(?<!\d),|,(?!\d{3})|[，:：;；。!！?？]")  # a comma inside 1,888.66 parts nothing


def _outside_brackets(text: str, cut: int) -> int:
    """A cut inside brackets (「…降了三成（1.7万元，上年还有两万多），」) moves past them and the
    clause they close: an aside is never parted from what it is said of."""
    if brackets_open(text, cut) <= 0:
        return cut
    close = re.search(r"[)）][^,，:：;；。!！?？]*[,，:：;；。!！?？]?", text[cut:])
    return cut + close.end() if close else 0


def _premise_end(text: str) -> int:
    """Where clauses stating figures before the question end (0: none): 「局里有2辆公务车，那房屋
    面积是多少」. Each clause before the last states an amount or which way a figure moved
    (qa/data/cues.json premise, premise_direction) and neither asks nor bounds; the last one asks."""
    cues = load_cues()
    cuts = [m.end() for m in BREAK.finditer(text.rstrip("?？。!！ "))]
    if not cuts:
        return 0
    asks, bounds = cues["clauses"]["asks"], "|".join(map(re.escape, cues["comparators"]))
    clauses = [text[a:b] for a, b in zip([0, *cuts[:-1]], cuts, strict=True)]
    question = text[cuts[-1]:]
    if not re.search(asks, question) or any(re.search(asks, c) or re.search(bounds, c) or c.startswith(tuple(cues["hypotheticals"])) for c in clauses):
        return 0
    stated = [re.search(cues["premise"], c) for c in clauses]
    tails = [re.search(r"[^\d零一二两三四五六七八九十百千万,.]+$", s.group(0)) for s in stated if s]
    counted = {t.group(0) for t in tails if t}  # 「四千二百多万」 ends in 万: money, nothing counted
    moved = [re.search(cues["premise_direction"], c) for c in clauses]  # 「三公经费涨了，可接待费反而降了，接待费下降是什么原因」
    lead = [bool(re.search(r"[:：]$", c)) for c in clauses]  # 「只看2024年的预算公开：…」: a lead-in naming what is read
    if not all(s or m or k for s, m, k in zip(stated, moved, lead, strict=True)) or any(
            re.search(rf"(?<!哪)(?:每|几|多少|单)一?{re.escape(c)}", question) for c in counted if not c.endswith(("元", "%"))):
        return 0  # 「一共3辆车，平均每辆车多少」: the question counts what the premise states (哪个 counts nothing)
    return cuts[-1]


INDEFINITE = re.compile(r"(?<![有只共仅才就是])一[个项]")  # 「挑一个有新闻价值的项目」: an article, no count stated
MOVED_TO = re.compile(r"从[^，,。？?]{1,16}?(?:涨到|升到|增加到|增长到|增到|提高到|降到|减少到|减到|下降到|跌到|掉到|压到|变成|变为|到了|到)了?$")  # 「从X掉到」: what follows is where it went
CHANGED_TO = re.compile(r"[\d.,]+(?:亿元|亿|万元|万|元)?(?:多|左右)?(?:涨到|升到|增加到|增长到|增到|提高到|降到|减少到|减到|下降到|跌到|压到|变成|变为)")  # the amount before a change it names
ASIDE_STATED = re.compile(r"[(（][^)）]*排(?:在)?第[一二三四五1-5][^)）]*[)）]")  # 「（局本级的X排第一）」: a fact stated by the way, set aside
CONFUSED = re.compile(r"(?:别|不要|勿)(?:跟|和|与|把)(?P<x>[^，,。？?]{1,24}?)(?:弄混|搞混|混淆|混了|搞错|弄错|混为一谈|当成)")


def _set_apart_spans(text: str) -> list[tuple[int, int]]:
    """The stretches that name what is not meant: 「（注意不是局本级那个X）」「——注意不是那个X——」「别跟X弄混」 (不算/不含 are
    left out instead: honour.left_out)."""
    opening = rf"(?:注意|注|提醒一下)?[,，:：]?(?:{load_cues()['set_apart']})"
    aside = rf"[(（]{opening}[^)）]*[)）]|——{opening}[^—]*——"
    said_after = r"(?:^|[。？?！!])(?:我)?(?:问|说|要|指)的?(?:是)?不是(?P<x>[^。？?！!]{1,30})"  # 「X是多少？我问的不是基本支出那个办公费。」
    return ([m.span("x") for m in CONFUSED.finditer(text)] + [m.span() for m in re.finditer(aside, text)]
            + [m.span("x") for m in re.finditer(said_after, text)])


def _without_negated(text: str, mentions: list[Mention]) -> list[Mention]:
    """「不是财政拨款的“其他资金”」: a name after 不是 that describes the next one by contrast is not
    asked about; nor is 「…，不是购置费」 or 「别跟事业单位医疗弄混」 beside another name asked."""
    out = honour.left_out_spans(text)
    examples = [m.span() for m in re.finditer(load_cues()["example_aside"], text) if not any(a <= m.start() < b for a, b in out)]  # 「比如出国考察、招待客户」, not 「大类合计（比如X、Y）别算」
    confused = _set_apart_spans(text) + examples
    set_apart = [m for m in mentions if negated_before(text, m.start) or any(a <= m.start and m.end <= b for a, b in confused)]
    asked = [m for m in mentions if m not in set_apart and m.kinds() - {"department", "term"}]
    return [m for m in mentions if m not in set_apart or not asked and not any(o.start - m.end in (0, 1) and o is not m for o in mentions)]


def _fund_after_its_thing(text: str, mentions: list[Mention], template) -> list[Mention]:
    """「公务用车运行维护费按一般公共预算口径」「X的一般公共预算」「X那一行，一般公共预算…」「X这一项一般公共预算…」「X在一般公共预算里」
    「X对应的支出，今年一般公共预算…」「X里，一般公共预算…」: a fund named right after a thing is the
    column of that thing's row, not a second figure (the fund's own total)."""
    kept: list[Mention] = []
    for m in mentions:
        labels = {e.label for e in m.entities}
        thing = kept[-1] if kept else None
        funds = [x for x in labels if x in template.measures and template.measures[x].fund]
        if (thing is not None and funds and thing.measure is None and thing.kinds() & {"line_item", "figure", "project", "classification"}
                and re.fullmatch(r"的?|按|在|[)）]?(?:对应的?支出)?(?:里面|里|中|当中|之中|下面)?[,，]?(?:今年|本年|当年|\d{4}年)?|(?:那|这)?一?(?:行|栏)(?:里|中|上)?[,，]?|(?:这个|这一|那个|那一|这|那)(?:类|款|项|科目)(?:里|中|下)?[,，]?|(?:这个|这一|那个)?(?:类|款|项|科目)?\((?:按|按照)?", text[thing.end:m.start]) and re.match(r"(?:里面|里|中|当中|之中)?(?:口径|的|安排|是|有|为|预算|拨款|[,，?？多几]|$)", text[m.end:])):
            thing.measure = funds[0]
            continue
        fund = _fund_alone(thing, template)
        if (fund and m.measure is None and m.kinds() & {"line_item", "figure", "project", "classification"} and not _fund_alone(m, template)
                and re.fullmatch(load_cues()["fund_to_thing"], text[thing.end:m.start])):
            m.measure = fund  # 「一般公共预算给图书馆这个科目安排了多少」
            kept[-1] = m
            continue
        kept.append(m)
    return kept


def _fund_alone(mention: Mention | None, template) -> str | None:
    """The fund a mention names when it names nothing else (一般公共预算, not a class or project)."""
    if mention is None or mention.measure is not None:
        return None
    funds = [e.label for e in mention.entities if e.label in template.measures and template.measures[e.label].fund]
    return funds[0] if funds and len(funds) == len(mention.entities) else None


def _appropriation_of_fund(mentions: list[Mention], template) -> list[Mention]:
    """「一般公共预算财政拨款」: the appropriation written right after a fund is that fund's (its own row),
    not a second figure."""
    words = set(load_cues()["appropriations"])
    kept: list[Mention] = []
    for m in mentions:
        before = kept[-1] if kept else None
        fund = before is not None and before.end == m.start and any(e.label in template.measures and template.measures[e.label].fund for e in before.entities)
        if fund and m.surface in words:
            continue
        kept.append(m)
    return kept


def _once_each(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two words of one list that name the same thing (「出国考察、出境学习之类」: both 因公出国（境）费),
    or a thing the story names and the question names again, are one mention: the thing is asked once."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        last = kept[-1] if kept else None
        same = last is not None and {e.iri for e in m.entities} == {e.iri for e in last.entities} and not m.partial and not last.partial
        if same and re.fullmatch(r"[^，,。？?]{0,3}[、和及与][^，,。？?]{0,3}", text[last.end:m.start]):
            continue
        whole = _name_with_joiner(text, last, m) if last is not None else []
        if whole:  # 「档案整理和数字化加工费」: one name written with 和 for its 及, not two things
            kept[-1] = Mention(last.start, m.end, text[last.start:m.end], whole, partial=True)
            continue
        if same and m.measure == last.measure and STORY_END.search(text, last.end, m.start):
            kept[-1] = m  # 「还有一笔“其他资金”…。先问个数：这笔其他资金是多少」: the thing the story names, asked again
            continue
        kept.append(m)
    return kept


def _name_with_joiner(text: str, first: Mention, second: Mention) -> list[Entity]:
    """The things both mentions name whose name is the two joined by one joining character (及, 和, 与)."""
    if not re.fullmatch(r"[和与及跟]", text[first.end:second.start]):
        return []
    shared = {e.iri for e in second.entities}
    said = re.compile(re.escape(match_form(first.surface)) + "[及和与、]" + re.escape(match_form(second.surface)) + "(?:费|经费)?$")  # 「档案整理跟数字化加工的项目」
    return [e for e in first.entities if e.iri in shared and said.search(match_form(e.label))]


STATED_FIGURE = re.compile(r"(?:[二两三四五六七八九十百千万]|一[十百千万])[一二两三四五六七八九十百千万]*(?:万|元|个|项|年|倍|成)")  # 「一个说法」: 一个 is no figure
CITED_YEAR = re.compile(r"(?:19|20)\d{2}年?第?\d{1,4}号")
BOTH = re.compile(r"[,，]?(?:这|那)?(?:[两2]家(?:单位)?|[两2]个单位|二者|两者|2者)(?:的|之间的?)?")  # the two just named, taken up again
STORY_END = re.compile(r"[。!！;；]")  # a sentence of the asker's story ends (a question mark asks: qa/clauses.py two_sentences)


SPANNING_CUES = frozenset({"compare", "yoy", "sum", "ratio", "max", "min", "count", "list", "last_year", "this_year"})  # cues that read two years together
CLASS_WORDS = re.compile(r"(?:这个|这一|那个)?(?:科目|类|款|项(?!目))")


def _without_names(frame: Frame) -> str:
    """The question with its names and cited documents' numbers masked (「雁屏府2023年第86号文」: no budget year)."""
    masked = list(frame.text)
    for start, end in [(m.start, m.end) for m in frame.mentions] + [m.span() for m in CITED_YEAR.finditer(frame.text)]:
        masked[start:end] = "#" * (end - start)
    return "".join(masked)


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans no longer span holds (人员和公用经费, not 公用经费 inside it)."""
    return [(a, b) for a, b in spans if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans)]


def _names_its_own(frame: Frame) -> bool:
    """Whether a question names a thing of its own, not only one it leaves out (「除去X，剩下的里面哪个最多」)."""
    left = honour.left_out(frame.text, frame.mentions)
    return any(all(m is not x for x in left) for m in frame.value_mentions())


def _story_end(text: str) -> int:
    """Where the sentences before the last one end (0: one sentence)."""
    return max((m.end() for m in STORY_END.finditer(text.rstrip("。!！;； "))), default=0)

FORMER_LATTER = re.compile(r"(?P<former>前者|前一(?:个|笔|项)|前面(?:那|这)一?(?:个|笔|项))|(?P<latter>后者|后一(?:个|笔|项)|后面(?:那|这)一?(?:个|笔|项))")  # 「后面这笔比前面那笔少多少」
BARE_ASK = re.compile(r"(?:的)?(?:预算|金额|资金|经费|钱)?(?:数|额)?(?:一共|总共|到底|究竟)?(?:是|为|有|安排了?|给了)?多少(?:钱|万元?)?[?？。!！]*$")  # 「…主项目——X——预算是多少」: the name between the dashes is asked
SUBJECTLESS = re.compile(r"(?:而且|并且)?(?:具体|到底|究竟|大概|大约|那)?(?:占|比(?!如|方))")  # 「…。具体占政府采购总额的比重是多少」: the part is what came before
REPORTED = re.compile(load_cues()["reported"])  # 「有读者问X有多大。」「编辑想知道X。」: a question reported, not asked
THINGS = frozenset({"line_item", "classification", "project", "goal"})  # what a figure is of
RANKED_SAID = re.compile(r"最(?:大|多|小|少|高|低)|排名?第|第[2-9二三四五六七八九](?:大|多|高|小|少|低)")  # a member picked by its rank
BELONGS = re.compile(r"是[^,，。；;]{1,20}?(?:下面|下属|下设|所属|直属|管的|管着的)")  # 「X是Y下面的事业单位」: X is the one spoken of
COUNTED_POINTER = re.compile(r"[这那](两|2|二|三|3)(?:项|个|笔|类|款|块|部分)(?:项目|科目)?(?!单位|部门)")  # 这两项, 这两个项目, 这两块: the things named before
ASSET_UNITS = frozenset(load_template().figure_units) - {"个", "万元", "亿元", "元"}  # 辆, 台, 平方米: counted things the document holds
INCLUDED_UNIT = re.compile(r"[(（](?:含|包含|包括|连同|算上)(?P<what>[^()（）]{2,24})[)）]")


TABLE_AFTER = re.compile(r"(?:那张|这张|那个|这个|的)?(?:表|表格)(?:里|中|上|内)?")


def _name_part_set_aside(frame: Frame, lexicon: Lexicon) -> None:
    """「名称以“股”结尾的内设机构」「有几个中心」: a part of the names of offices or units, or the
    kind word some of them end in, narrows that set (Executor.named_set); its words are no unknown
    thing and name no office."""
    if frame.set_kind not in name_filter.NAMED_SETS:
        return
    part = name_filter.stated(normalize(frame.question or ""))
    if part is not None:
        at = frame.text.find(match_form(part.said))
        if at < 0 or re.match(r"(?:的|了)?(?:[一二两三四五六七八九十\d]+个)?(?:项目|科目)", frame.text[at + len(match_form(part.said)):]):
            return  # 「下属单位里名称带“经费”的项目」: the projects are filtered, not the units
        part = replace(part, span=(at, at + len(match_form(part.said))))
    else:
        kind = {"internal_units": "internal_unit", "budget_units": "budget_unit"}[frame.set_kind]
        part = name_filter.member_kind(frame.text, [e.label for e in lexicon.entities.values() if e.kind == kind])
    if part is not None:
        frame.name_part = part
        frame.cue_spans.append(part.span)


def projects_holding(lexicon: Lexicon, names: set[str], docs: list[str], kinds: tuple[str, ...] = ("project",)) -> list[Entity]:
    """The projects (of the documents in scope) whose names hold one of `names` (match form): X,
    X（二期）, 岑口县X, X专项经费 — one family of names."""
    return [e for e in lexicon.entities.values() if e.kind in kinds and (not docs or e.docs & set(docs))
            and any(name in match_form(e.label) for name in names)]


def _name_picked(frame: Frame, lexicon: Lexicon) -> None:
    """「X——注意，是后面带“第二批”的那个——」: of the projects whose names hold X, the one holding (or,
    with 不是, not holding) the part said; the words that say so name nothing else and are no
    unknown words."""
    found = name_filter.picked(frame.text)
    if found is None:
        return
    part, without = found
    start, end = part.span
    picked = False
    bodies = {lexicon.documents[d].department for d in frame.docs if d in lexicon.documents}
    docs = [d for d, doc in lexicon.documents.items() if doc.department in bodies]  # 「X（不是带补助资金的那个）2025年比上年」: in each year of the body
    for m in frame.mentions:
        if start <= m.start < end or not m.of("project", "goal"):
            continue
        family = projects_holding(lexicon, {match_form(e.label) for e in m.of("project", "goal")} | {m.surface}, docs, ("project", "goal"))
        chosen = [e for e in family if (part.keyword in match_form(e.label)) != without]
        if chosen and len(chosen) < len(family):  # the part tells the names apart (「不带年份前缀的」 holds no name's words)
            m.entities, m.partial, picked = chosen, False, True
    if picked:
        frame.mentions = [m for m in frame.mentions if not start <= m.start < end]
        frame.cue_spans.append((start, end))


def _lacked_part(frame: Frame, lexicon: Lexicon) -> None:
    """「不带“十五五”的“X”工作经费」, linked as the name holding 十五五: the part opening the mention is the
    one lacking — of the family holding the rest, the names without that part are meant."""
    for m in frame.mentions:
        after = name_filter.lacked_after(frame.text[m.end:]) if m.of("project", "goal") else None
        if after and not any(o.start == m.end + after.start("kw") and not o.partial for o in frame.mentions):  # 「X（不含补助资金）」, not 「X（不含Y经费）」 with Y a name
            part = match_form(after.group("kw"))
            family = projects_holding(lexicon, {match_form(e.label) for e in m.of("project", "goal")} | {m.surface}, frame.docs, ("project", "goal"))
            chosen = [e for e in family if part not in match_form(e.label)]
            if len(chosen) == 1 and len(family) > 1:
                m.entities, m.partial = chosen, False
                frame.mentions = [o for o in frame.mentions if not m.end <= o.start < m.end + after.end()]
                frame.cue_spans.append((m.end, m.end + after.end()))
        if not m.of("project", "goal") or not name_filter.lacked_before(frame.text[:m.start]) or any(match_form(e.label) == m.surface for e in m.entities):
            continue  # 「不含全民健身活动经费」: a name said whole is left out, no part of another
        for k in range(1, min(7, len(m.surface) - 3)):
            part, rest = m.surface[:k], m.surface[k:]
            family = projects_holding(lexicon, {rest}, frame.docs, ("project", "goal"))
            chosen = [e for e in family if part not in match_form(e.label)]
            if chosen and len(chosen) < len(family):
                m.entities, m.partial, m.start, m.surface = chosen, False, m.start + k, rest
                frame.cue_spans.append((m.start - k, m.start))
                break


def _family_parts(frame: Frame, lexicon: Lexicon) -> None:
    """「X2024年只有一个，2025年有补助资金和第二批两笔」: a part of a name said alone (补助资金) beside a
    project named whole (X) is a member of X's family holding that part — never another project that part
    of a name links (Y补助资金)."""
    named = [m for m in frame.mentions if m.of("project") and not m.partial]
    for m in frame.mentions:
        if not m.partial or not m.of("project", "goal"):
            continue
        for whole in named:
            base = match_form(whole.of("project")[0].label)
            family = projects_holding(lexicon, {base}, [], ("project",))
            members = [e for e in family if match_form(m.surface) in match_form(e.label).replace(base, "", 1)]
            if members:
                m.entities = members
                break


def _year_prefixed(frame: Frame, lexicon: Lexicon) -> None:
    """「水利局预算里“2025年河湖长至工作经费”这一项」: a year written right before a name is the name's own when
    exactly one name of the family holding it begins with that year (2025年河湖长制工作经费 beside 河湖长制工作经费)."""
    for m in frame.mentions:
        before = re.search(r"(\d{4}年度?)$", frame.text[:m.start])
        if before is None or not m.of("project", "goal"):
            continue
        family = projects_holding(lexicon, {match_form(e.label) for e in m.of("project", "goal")} | {m.surface}, frame.docs, ("project", "goal"))
        said = before.group(1) + frame.text[m.start:m.start + 1]  # 2025年X, not 2025年度X
        chosen = [e for e in family if match_form(e.label).startswith(said)]
        if chosen and len({e.label for e in chosen}) == 1 and len(chosen) < len(family):
            m.entities, m.partial = chosen, False


def _partial_narrowed(frame: Frame) -> None:
    """「X那个第三期合同款的续建项目」 linking X…合同款 and X…合同款（续建）: a word the part said holds that
    some of the names hold and others lack keeps those that hold it."""
    for m in frame.mentions:
        labels = {match_form(e.label) for e in m.entities}
        if not m.partial or len(labels) < 2 or not m.of("project", "goal"):
            continue
        words = [w for w in tokenizer().lcut(m.surface, HMM=False) if len(w) >= 2 and not re.fullmatch(r"[\d年]+", w)]
        held = [w for w in words if 0 < sum(w in label for label in labels) < len(labels)]
        kept = [e for e in m.entities if all(w in match_form(e.label) for w in held)]
        if held and kept:
            m.entities = kept


def _only_set_apart(frame: Frame, set_apart: str) -> str | None:
    """The one thing the question names, said in a bracket to be what is not asked (「（不是后面那个补助资金）」): its surface; None
    when anything else is named (a measure, a total, another thing)."""
    values = frame.value_mentions()
    if len(values) != 1 or frame.measures or frame.totals or frame.set_kind:
        return None
    m = values[0]
    return m.surface if re.search(rf"[(（](?:就是|是)?(?:{set_apart})[^，,。()（）]{{0,6}}$", frame.text[:m.start]) else None


def _body_described(frame: Frame) -> None:
    """「一个应急管理部门的项目支出里」: a class's name said as the kind of a body is no class asked."""
    kinds = load_cues()["body_kind_words"]
    said = [m for m in frame.mentions if m.kinds() <= {"classification", "line_item"} and re.match(kinds, frame.text[m.end:])]
    _set_aside(frame, said, beside_others=False)
    frame.cue_spans += [(m.end, m.end + re.match(kinds, frame.text[m.end:]).end()) for m in said]  # 系统 of 退役军人系统 explained too


def _framing_told(frame: Frame) -> None:
    """「设备维护和租用专线这类开支我想合起来看，帮我算算项目支出里A和B一共多少」: a clause before the ask that says
    what the asker means to look at (我想…, 这类开支) names no operand when the asking clause names its own."""
    spans = [m.span() for m in CLAUSE.finditer(frame.text)]
    asks = load_cues()["clauses"]["asks"]
    asking = [a for a, b in spans if re.search(asks, frame.text[a:b])]
    if len(asking) != 1 or not any(m.start >= asking[0] for m in frame.value_mentions()):
        return
    framing = [(a, b) for a, b in spans if b <= asking[0] and re.search(r"我们?[^，,。]{0,3}(?:想|要|打算|准备)|这类|之类", frame.text[a:b])]
    _set_aside(frame, [m for m in frame.value_mentions() if any(a <= m.start < b for a, b in framing)])


def _partials_one_project(frame: Frame) -> None:
    """「用体彩公益金办的那个少儿游泳培训项目」: two parts of names said of one thing, not joined — the broader part
    (体彩公益金, two projects) is narrowed to the project the other part names."""
    parts = [m for m in frame.mentions if m.partial and m.of("project")]
    for a, b in zip(parts, parts[1:], strict=False):
        wide, narrow = ({e.iri for e in a.of("project")}, {e.iri for e in b.of("project")})
        if narrow < wide and not JOINER.search(frame.text[a.end:b.start]) and not re.search(r"还有|比", frame.text[a.end:b.start]):
            a.entities = [e for e in a.entities if e.iri in narrow]


def _kind_of_projects(frame: Frame) -> None:
    """「看了几个技术服务类的小项目」: a procurement kind (服务类) said of projects describes them; no figure asked."""
    frame.mentions = [m for m in frame.mentions if not (m.kinds() == {"figure"} and m.surface.endswith("类")
                                                        and re.match(r"的?(?:小|大|几个)?(?:项目|专项)", frame.text[m.end:]))]


def _parallel_ellipsis(frame: Frame) -> None:
    """「公务用车购置费比运行维护费多多少」: a part of a name that several names end with, beside a name written
    whole, is the one that name's head completes (公务用车 + 运行维护费), not 公务用车购置及运行维护费."""
    whole = {match_form(e.label) for m in frame.mentions if not m.partial for e in m.entities}
    for m in frame.mentions:
        labels = {match_form(e.label) for e in m.entities}
        if not m.partial or len(labels) < 2:
            continue
        said = match_form(m.surface)
        completed = {c for c in labels if c.endswith(said) and len(c) > len(said)
                     and any(w.startswith(c[:-len(said)]) and w != c for w in whole)}
        if len(completed) == 1:
            m.entities = [e for e in m.entities if match_form(e.label) in completed]


def _words_before(text: str, start: int) -> list:
    """The words (jieba, tagged) of the run of Chinese written right before `start`, two to eight characters."""
    run = re.search(r"[\u4e00-\u9fff]{2,8}$", text[:start])
    return segment.current().pos().lcut(run.group(0), HMM=False) if run else []


def _one_off(a: str, b: str) -> bool:
    """Whether two names of one length differ in one character at most (保户 for 保护)."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def _change_explained(frame: Frame) -> None:
    """「预算猛增了四成多，文件怎么解释的」: how the document explains a change it is told of asks the reason, not a
    glossary entry or a cited document."""
    if not re.search(r"(?:怎么|如何|咋)(?:解释|说明|交代)", frame.text) or any(m.of("term") for m in frame.mentions):
        return
    if re.search(r"增|减|涨|降|升|跌|多了|少了|翻", frame.text) and "reason" not in frame.cues:
        frame.cues = (frame.cues - {"definition", "citation", "set:citations"}) | {"reason"}
        frame.set_kind = None if frame.set_kind == "citations" else frame.set_kind


def _target_words_kept(frame: Frame) -> None:
    """「X的绩效目标里培训业务人员不少于多少人次」「X计划培训业务人员多少人次」: after a project named whole, in
    a target asked, a part of another project's name said after 目标/指标 or out of its order (培训业务 of
    业务培训经费) is the target's words, not a second project; a class or term said after a project's
    目标/指标/要求 (「X项目的绩效目标要求开展体育检查不少于几次」) is the target's words too — classes have no targets."""
    if "performance" not in frame.cues and frame.unit_word in (None, "万元", "元", "%"):
        return
    project = next((m for m in frame.mentions if m.of("project", "goal")), None)
    if project is None:
        return
    whole = next((m for m in frame.mentions if not m.partial and m.of("project", "goal")), None)

    def words(m: Mention) -> bool:
        said_after = re.search(r"目标|指标|要求", frame.text[project.end:m.start]) if m.start > project.end else None
        if said_after and m.kinds() <= {"classification", "line_item", "term"}:
            return True
        if whole is not None and m.partial and m.start > whole.end and m.kinds() <= {"citation"} and "performance" in frame.cues:
            return True  # 「X全年要开展发展改革检查不少于几次」: 发展改革 of the target's words, no part of 广东省发展改革条例
        return (whole is not None and m.partial and m.start > whole.end and m.kinds() <= {"project", "goal"}
                and (re.search(r"目标|指标|要求", frame.text[whole.end:m.start])
                     or not any(m.surface in match_form(e.label) for e in m.entities)))  # 培训业务 for 业务培训: words, not a name

    frame.mentions = [m for m in frame.mentions if not words(m)]


RESTATING = re.compile(r"就是|即|也就是|也叫|也称|指的是|说的是|俗称")
CLAUSE_BREAK = re.compile(r"[,，。?？;；:：!！]")


def restated_spans(text: str, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words a name (`named`: the spans of mentions, measures and totals) restates beside them,
    which describe it and ask nothing of their own: a clause before a bracket holding only the name
    (「养人和日常运转那部分开销（基本支出）」), a bracket after a name that restates it (「基本支出（就是养人
    和日常运转的钱）」「电费（水电的那个电）」), a clause before 「，就是X，」."""
    out: list[tuple[int, int]] = []
    for opened in re.finditer(r"\(([^()]*)\)", text):
        start, end = opened.span(1)
        lead = RESTATING.match(text, start)
        body = lead.end() if lead else start
        clause = max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, opened.start())), default=0)
        if (body, end) in named and not any(clause <= a < opened.start() for a, _ in named):
            out.append((clause, opened.start()))
        elif any(b == opened.start() for _, b in named) and not any(start <= a < end for a, _ in named) and (lead or re.search("的?那个", text[start:end])):
            out.append((start, end))
    for said in re.finditer(rf"[,，](?:{RESTATING.pattern})", text):
        clause = max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, said.start())), default=0)
        if any(a == said.end() for a, _ in named):
            out.append((clause, said.start()))
    return out


def _without_table_names(frame: Frame) -> None:
    """「“三公”经费那张表里，公务用车运行维护费是多少」: a name right before 表 names the table,
    not a figure asked, when the question names another thing."""
    titled = load_template().title_in(frame.text)  # 「《财政拨款安排的行政经费及“三公”经费预算表》里」: the names inside a title
    _set_aside(frame, [m for m in frame.mentions if TABLE_AFTER.match(frame.text, m.end) or titled and titled[1] <= m.start and m.end <= titled[2]])


LIST_POINTER = re.compile(r"(?:这|那)(?:[两二三四五六七八九十\d]+|几)(?:项|个|类|笔)$")


def _list_described(frame: Frame) -> None:
    """「A、B和C这三项社保类支出合计」: a name right after 这三项 that closes a list of names says what
    kind of thing they are; it is no fourth operand."""
    kept = sorted(frame.mentions, key=lambda m: m.start)
    for k, m in enumerate(kept):
        pointer = LIST_POINTER.search(frame.text[:m.start])
        before = [o for o in kept[:k] if o.end <= (pointer.start() if pointer else 0)]
        joined = sum(1 for a, b in zip(before, before[1:], strict=False) if re.fullmatch(r"[、和与及]|以及", frame.text[a.end:b.start]))
        if pointer and before and before[-1].end == pointer.start() and joined >= 1:
            _set_aside(frame, [m])
            said = {match_form(w): total for total, words in load_cues()["totals"].items() for w in words}
            for a, b in [s for s in frame.name_spans if m.end <= s[0] <= m.end + 1 and frame.text[s[0]:s[1]] in said]:  # 「这三项社保类支出合计」: their sum, not the budget's 支出合计
                frame.name_spans.remove((a, b))
                frame.totals = [t for t in frame.totals if t != said[frame.text[a:b]]]
                frame.cues = (frame.cues - {f"total:{said[frame.text[a:b]]}"}) | {"sum"}
            return


def _set_aside(frame: Frame, said: list[Mention], beside_others: bool = True) -> None:
    """Mentions that name no operand (a table, what a figure includes, a second part of one name)
    leave the mentions; their words stay explained (no unknown word). With beside_others, only when
    the question names another thing."""
    asked = frame.value_mentions()
    others = len(asked) - len([m for m in said if any(m is a for a in asked)]) + len(frame.measures) + len(frame.totals)  # 「基本支出（含X的其他资金在内）」: a measure is a thing
    if not said or beside_others and others <= 0:
        return
    frame.mentions = [m for m in frame.mentions if all(m is not d for d in said)]
    frame.cue_spans += [(m.start, m.end) for m in said]


def _inside_measure(text: str, m: Mention, measures: list[str]) -> bool:
    """「人员经费应该都在基本支出里。请问它的基本支出」: a thing said to be inside the measure asked is
    no subject of the question's pointer."""
    asked = "|".join(re.escape(w) for w in measures)
    return bool(asked) and re.match(rf"[^，,。；;]{{0,6}}在(?:{asked})(?:里|中|内|之中|里面)", text[m.end:]) is not None


def _told_before_the_ask(frame: Frame) -> None:
    """「看说明里政府采购好像全是服务类的，…那货物类采购预算是多少呢」: a lookup whose asking clause
    names one thing asks that thing; the things named in the clauses told before it (a statement:
    words of its own beside the names, no container word closing it) are what the asker read."""
    clauses = [m.span() for m in CLAUSE.finditer(frame.text)]
    cues = load_cues()
    asking = [a for a, b in clauses if re.search(cues["clauses"]["asks"], frame.text[a:b]) or any(w in frame.text[a:b] for w in cues["question_intros"])]
    if len(asking) != 1:
        return  # 「X，巡查多少次，修缮几处」「X是多少？打算买新车吗」「想了解一下X，…写的是多少」: two asks
    last = asking[0]
    listed = "list" in frame.cues and any(w in frame.text[last:] for w in cues["intents"]["list"])  # 「X包括办公费、…等一大串，」: a told list asks none
    years_told = "yoy" in frame.cues and not YEAR.search(frame.text[last:]) and YEAR.search(frame.text[:last])  # 「2024年项目里有不少X和Y，2025年就很少了，Z减少了多少」
    set_told = years_told and not re.search(r"项目(?!支出)|科目|单位", frame.text[last:])  # 「2024年项目里有不少…」: the set is the story's
    rank_told = frame.cues & {"max", "min"} and not re.search(r"最|第[一二三四五六七八九十\d]|排|前[一二三四五\d]", frame.text[last:])  # 「…印刷费居然最多，…印刷费具体是多少钱」
    ranked = frame.cues & {"max", "min"} and not rank_told
    counted = "count" in frame.cues and frame.unit_word not in ASSET_UNITS  # 「…提到车辆2辆，那单价一百万元以上的设备有几台」: a held count is a figure
    if frame.cues & {"sum", "compare", "ratio", "reason", "whichone"} or counted or ranked or "yoy" in frame.cues and not years_told or listed \
            or frame.set_kind and not (set_told or rank_told):
        return
    asked = [m for m in frame.value_mentions() if m.start >= last]
    told = [m for m in frame.value_mentions() if m.end <= last]
    starts = {m.start for m in asked}
    ask_end = next(b for a, b in clauses if a == last)  # 「…？就是截至今年1月底那个数」: a clause restating the ask points at it
    own = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), frame.text[last:ask_end])  # 「…有多少（就是…那个数）」 restates it too
    pointers = [p for p in re.finditer(cues["each_document"] + r"|其中|里面|当中|它|[这那]一?[个笔项些部块里种类]", own)
                if last + p.end() not in starts]  # 「这笔“其他资金”」: a determiner of the name asked points nowhere else
    if any(m.of("department", "budget_unit") for m in frame.mentions if m.end <= last):  # 「看说明里档案馆房屋0平方米、…，那它账上的固定资产」: 它 is the body told of
        pointers = [p for p in pointers if p.group(0) != "它"]
    if pointers:
        return
    if len({frozenset(e.iri for e in m.entities) for m in asked}) != 1 or not told or re.match(r"(?:情况|部分|那段|一节)?(?:里|中|里面|当中)", frame.text[asked[0].end:]):
        return  # 「…，国有资产情况里写的是多少」: where the answer is, not the thing asked
    masked = frame.masked()
    for a, b in clauses:
        if not any(a <= m.start < b for m in told):
            continue
        rest = masked[a:b]
        told_as = segment.says_something(rest) or re.search(r"(?:全|都|几乎|主要|基本上|大多|大部分)都?是|有(?:不少|很多|好多|一些)|最(?:多|少|大|小|高|低)了?[,，]?$", rest)  # 「城管局的钱几乎全是财政拨款，」「…有不少X和Y，」「X居然最多，」 tell
        if not told_as or re.search(r"(?:里|中|下|下面|里面|当中|之中|这块|方面)[,，:：]?$", rest.strip()):
            return  # 「基本支出，工资福利支出是多少」「X那个项目，…」: a bare name or a container scopes the ask; a statement says something of it
    _set_aside(frame, told)
    frame.cues -= {"list", "max", "min"} if rank_told else {"list"}  # said only in what was told
    if rank_told:
        frame.set_kind = None


COUNTED_LIST = re.compile(r"这([两二三四五六七八九2-9])(?:块|项|个|笔|类|样|部分|大块|大项)")


def _other_than(frame: Frame) -> None:
    """「财政拨款以外的其他资金」: a name right before 以外/之外 and the thing it describes says what that thing is
    not — no operand of its own."""
    said = []
    for m in frame.mentions:
        besides = re.match(r"(?:以外|之外)的?", frame.text[m.end:])
        if besides and any(n.start == m.end + besides.end() for n in frame.mentions):
            said.append(m)
    _set_aside(frame, said)


def _counted_list(frame: Frame) -> None:
    """「算人员经费的时候我想把A、B和C这三块合在一起看」: a list said to have N members is the N things named
    right before the count; a thing named before them (the class they belong to) is no operand."""
    said = COUNTED_LIST.search(frame.text)
    summed = said and re.match(r"[^,，。？?]{0,8}?(?:合在一起|合起来|加起来|加在一起|合计|一共|总共)", frame.text[said.end():])
    n = count_of(said.group(1)) if summed else 0
    things = [m for m in frame.mentions if m.end <= said.start() and not m.kinds() <= {"department", "budget_unit"}] if said else []
    listed = things[-n:] if n and len(things) > n else []
    if listed and all(re.fullmatch(r"[、,，和与及跟以]{1,2}", frame.text[a.end:b.start]) for a, b in zip(listed, listed[1:], strict=False)) \
            and re.fullmatch(r"[的]?", frame.text[listed[-1].end:said.start()]):
        _set_aside(frame, [m for m in things if all(m is not x for x in listed)])


def _one_per_thing(frame: Frame) -> None:
    """「爱卫运动专项（爱国卫生运动的）」: two parts of one name, each linking the same things, say it
    once — the longer part is kept."""
    kept: dict[frozenset[str], Mention] = {}
    dropped = []
    for m in frame.mentions:
        key = frozenset(e.iri for e in m.entities)
        other = kept.get(key)
        if other is None or not (m.partial or other.partial):
            kept.setdefault(key, m)
            continue
        longer, shorter = (m, other) if m.end - m.start > other.end - other.start else (other, m)
        kept[key] = longer
        dropped.append(shorter)
    _set_aside(frame, dropped, beside_others=False)


def _without_included(frame: Frame, cues: list) -> None:
    """「合计数是多少？我要的是含其他资金的那个口径」: what a figure is said to include is in it
    already — no operand of its own, when the question names another thing. 「人社局（含就业中心）」:
    a unit a department is said to include is in its whole, not its scope."""
    spans = honour.included_spans(frame.text)
    _set_aside(frame, [m for m in frame.mentions if any(a <= m.start and m.end <= b for a, b in spans)])
    said = [(start, g) for start, end, _, g in cues if any(end == a for a, _ in spans)]  # 「包括其他资金在内，X一共多少」: 包括 says what is in it
    if said:
        others = set().union(*(g for start, _, _, g in cues if all(start != s for s, _ in said)))
        frame.cues = frame.cues - (set().union(*(g for _, g in said)) - others)
    ends = {m.end for m in frame.mentions if m.of("department")}
    brackets = [m.span() for m in INCLUDED_UNIT.finditer(frame.text) if m.start() in ends]
    units = [m for m in frame.mentions if m.of("budget_unit") and any(a <= m.start and m.end <= b for a, b in brackets)]
    if units:
        _set_aside(frame, units, beside_others=False)
        inside = set().union(*(g for start, _, _, g in cues if any(a <= start < b for a, b in brackets)))
        outside = set().union(*(g for start, _, _, g in cues if not any(a <= start < b for a, b in brackets)))
        frame.cues = frame.cues - (inside - outside)  # its 包括 asks no parts


AMOUNT_BETWEEN = re.compile(r"(?:\d+(?:\.\d+)?(?:万元|万|亿元|元)|[的之])+")


def _classes_joined(frame: Frame) -> None:
    """「一般行政管理事务和档案馆加起来」 where 档案馆 is also the department's or a unit's short name:
    a name joined to a class that names no body is a class too, never a body the list then loses."""
    values = frame.value_mentions()
    for a, b in zip(values, values[1:], strict=False):
        if not JOINER.fullmatch(frame.text[a.end:b.start]):
            continue
        for m, other in ((a, b), (b, a)):
            if m.of("classification") and m.of("department", "budget_unit") and other.of("classification") and not other.of("department", "budget_unit"):
                m.entities = [e for e in m.entities if e.kind not in ("department", "budget_unit")]


def _qualifier_said(extra: str) -> str:
    """How a question says the part a name holds beside its family's shortest name: an ordinal phase in either
    spelling (（二期） → 第?(?:2|二)期), anything else as written (续建)."""
    ordinal = re.fullmatch(r"第?(.)(期|批)", extra)
    digit = fold_digits(ordinal.group(1)) if ordinal else ""
    if not digit.isdigit() or digit == "0":
        return re.escape(extra)
    return rf"第?(?:{'|'.join(sorted({digit, '一二三四五六七八九'[int(digit) - 1]}))}){ordinal.group(2)}"


def _guesses_set_aside(frame: Frame) -> None:
    """「X的人员经费好像在缩减。它的基本支出…少了多少」: a thing named in the asker's guess before the question is
    no operand when the question names its own (a measure or a thing); the bodies the guess names stay."""
    sentences = list(clauses.SENTENCE.finditer(frame.text))
    if len(sentences) < 2:
        sentences = list(re.finditer(r"[^，,]+[，,]?", frame.text))  # 「X这两年人员经费好像压缩了，它的基本支出…」: one sentence, a guess in a clause
        guess_after = len(sentences) == 2 and re.match(r"(?:我猜|猜是|估计是|应该是|可能是)", sentences[-1].group(0)) and clauses.asks(sentences[0].group(0))
        if guess_after:  # 「金额最少的项目是哪个，我猜是文化馆那个？」: the asker's guess at the answer scopes nothing
            frame.mentions = [m for m in frame.mentions if m.start < sentences[-1].start()]
            frame.cue_spans += [sentences[-1].span()]
            return
        if len(sentences) < 2 or clauses.asks(sentences[-2].group(0)):
            return
    last = sentences[-1]
    body_asked = bool(frame.set_kind) and re.search(r"它(?!们)", last.group(0)) and any(m.of("department", "budget_unit") for m in frame.mentions if m.start < last.start())
    if not body_asked and (SUBJECTLESS.match(frame.text, last.start()) or re.search(r"它(?!们)", last.group(0))):  # 「X看起来是最大的一笔，它占…几成」: 它 is what the guess names
        return  # 「X好像占了大头。到底占政府采购的百分之多少」: the question's part is the thing the guess names
    own = (body_asked or any(a >= last.start() for a, _ in frame.name_spans) or any(w in last.group(0) for w in frame.measures)
           or bool(frame.set_kind) and bool(re.search(r"项目(?!支出)|科目|单位", last.group(0)))  # 「感觉A和B差不多大，到底哪个项目钱最多」: a set of its own
           or any(m.start >= last.start() and not m.kinds() <= {"department", "budget_unit"} for m in frame.mentions))
    guessed = [(a, b) for a, b in [*commentary.guesses(frame.text), *(m.span() for m in sentences[:-1] if commentary.hedged(m.group(0)) and not clauses.asks(m.group(0)))]
               if b <= last.start()]
    if own and guessed:
        frame.mentions = [m for m in frame.mentions if m.kinds() & {"department", "budget_unit"} or not any(a <= m.start < b for a, b in guessed)]


def _guessed_member(frame: Frame) -> None:
    """「最大的是不是办公费」「我觉得办公费最多，…最大的是哪一项」: a member the asker guesses is the top is
    checked by the answer, never the set ranked; the set is what the question names besides it."""
    if not frame.cues & {"max", "min"}:
        return
    spec = load_cues()["member_guessed"]
    things = [m for m in frame.value_mentions() if not m.kinds() & {"department", "budget_unit"}]
    for m in things:
        clause_start = max([0, *(k + 1 for k, ch in enumerate(frame.text[:m.start]) if ch in "，,。；;？?！!")])
        before = re.search(spec["before"], frame.text[clause_start:m.start])
        if before is None and not re.match(spec["after"], frame.text[m.end:]):
            continue
        if len(things) > 1 or frame.set_kind:
            frame.guessed = m
            frame.mentions = [o for o in frame.mentions if o is not m]
            frame.cue_spans.append((m.start, m.end))
        return


def _set_told_beside_one_asked(frame: Frame) -> None:
    """「中心就三个股室，办公室我大概知道干什么，想了解一下平台运行股负责哪些工作」: a set told of in a clause that asks
    nothing, when the asking clause names one member of it, is where the member is — the member is asked."""
    if frame.set_kind not in ("internal_units", "budget_units"):
        return
    spans = [c.span() for c in CLAUSE.finditer(frame.text)]
    asking = [(a, b) for a, b in spans if clauses.asks(frame.text[a:b])]
    if not asking or asking[-1] != spans[-1] or any(w in frame.text[:spans[-1][0]] for w in ("哪些", "哪几", "有几", "多少个")):
        return
    a, b = asking[-1]
    kind = "internal_unit" if frame.set_kind == "internal_units" else "budget_unit"
    named = [m for m in frame.mentions if a <= m.start < b and m.of(kind)]
    unnamed = "".join(" " if any(m.start <= k < m.end for m in named) else ch for k, ch in enumerate(frame.text[:b]))[a:]
    words = [w for w in load_cues()["sets"][frame.set_kind] if w in unnamed]  # 股 of 平台运行股 names no set
    if named and not words and len({m.surface for m in named}) == 1:
        frame.set_kind = None
        frame.cues = {c for c in frame.cues if not c.startswith("set:")}
        _set_aside(frame, [m for m in frame.mentions if m.start < a and m.of(kind)], beside_others=False)  # the members told of beside it are no operands


def _self_check_told(frame: Frame) -> None:
    """「帮我算算这两个加在一起是多少，我想核对一下是不是正好等于X的数」: what the asker will check the figure against
    names no operand of the ask before it."""
    for c in CLAUSE.finditer(frame.text):
        if c.start() and re.match(load_cues()["self_check"], c.group(0)) and clauses.asks(frame.text[:c.start()]):
            _set_aside(frame, [m for m in frame.mentions if c.start() <= m.start < c.end()], beside_others=True)


def _counted_noun_restated(frame: Frame) -> None:
    """「覆盖了多少个村（社区）」: a word in brackets after the noun a count asks of restates that noun (村 or 社区);
    a class it links by a part of its name (城乡社区支出) is no operand."""
    for said in re.finditer(r"(?:多少|几)个?[\u4e00-\u9fff]{1,3}[(（](?P<alias>[^()（）]{1,6})[)）]", frame.text):
        a, b = said.span("alias")
        inside = [m for m in frame.mentions if a <= m.start and m.end <= b and m.partial and m.kinds() <= {"classification", "line_item"}]
        frame.mentions = [m for m in frame.mentions if m not in inside]
        frame.cue_spans += [(m.start, m.end) for m in inside]


def _name_before_its_code(frame: Frame) -> None:
    """「基本公卫（2100408）」: a short name written right before a bracketed code is that class; what the
    short name links by itself (公共卫生, the class above) is no operand of its own."""
    coded = [m for m in frame.mentions if re.fullmatch(r"[(（]\d{3,7}[)）]", m.surface)]
    frame.mentions = [m for m in frame.mentions
                      if not any(c.start == m.end and m.of("classification") and all(
                          any(str(x.code or "") and str(y.code or "").startswith(str(x.code)) or m.surface in y.label for y in c.entities) for x in m.entities)
                          for c in coded)]


def _classes_in_containers(frame: Frame) -> None:
    """「行政事业单位养老支出下面的行政运行」: a class name held by classes under several 款 is the one under
    the class named right before it as its container (real documents have a 行政运行 under each 款)."""
    after = honour.container_after()
    for container in frame.mentions:
        codes = [e.code for e in container.of("classification") if e.code]
        end = m.end() if (m := after.match(frame.text, container.end)) else container.end
        if not codes or not (inner := next((m for m in frame.mentions if m.start >= end and re.fullmatch(r"[的,，]?", frame.text[end:m.start])), None)):
            continue
        classes = inner.of("classification")
        under = [e for e in classes if e.code and any(e.code.startswith(c) and e.code != c for c in codes)]
        if under and len({e.code for e in classes}) > len({e.code for e in under}):
            inner.entities = [e for e in inner.entities if e not in classes or e in under]


HELD_ONE = re.compile(r"(?:还|也)?(?:有|列了?|包括|包含)(?:一|1)?(?:项|个|笔|条|款|类)?(?:叫|是|名为)?")


def _container_of_one(frame: Frame) -> None:
    """「基本支出商品和服务支出下面有一项“其他交通费用”，具体是多少」: a class said to hold the one named
    after it (下面有一项) is where to look, not a second thing asked."""
    if frame.cues & {"sum", "compare", "ratio", "count", "list", "max", "min"}:
        return
    after = honour.container_after()
    for container in frame.mentions:
        codes = [e.code for e in container.of("classification", "line_item") if e.code]
        held = after.match(frame.text, container.end)
        one = held and HELD_ONE.match(frame.text, held.end())
        inner = next((m for m in frame.mentions if one and m.start == one.end()), None)
        if codes and inner and any(e.code and e.code != c and e.code.startswith(c) for e in inner.entities for c in codes):
            _set_aside(frame, [container])
            return


SECTION_SAID = re.compile(r"(?:那|这)?(?:部分|一节|那节|章节|一栏|说明)(?:里|中)?[,，:：]")


def _section_named(frame: Frame) -> None:
    """「看国有资产部分，2024年房屋面积…」: a figure named as the section to look in (X部分，) asks nothing
    beside the things the question names after it."""
    _set_aside(frame, [m for m in frame.mentions if m.of("figure") and SECTION_SAID.match(frame.text, m.end)
                       and any(o.start > m.end for o in frame.value_mentions())])


BOTH_HELD = re.compile(r"既有|既包括|既含|(?:也|又|还)有")


def _measures_told(frame: Frame) -> None:
    """「X这个科目里既有基本支出也有项目支出，其中基本支出是多少」: the measures a told clause says X holds are
    what X is made of; the asking clause's measure is the one asked."""
    measures = list(dict.fromkeys(frame.measures))
    if len(measures) < 2:
        return
    spans = [m.span() for m in CLAUSE.finditer(frame.text)]
    asks = load_cues()["clauses"]["asks"]
    told = [(a, b) for a, b in spans if BOTH_HELD.search(frame.text[a:b]) and not re.search(asks, frame.text[a:b])]
    asking = [(a, b) for a, b in spans if re.search(asks, frame.text[a:b])]
    if not told or len(asking) != 1:
        return
    a, b = asking[0]
    said = [m for m in measures if m in frame.text[a:b]]
    if len(said) == 1:
        frame.measures = said


def _performance_told(frame: Frame) -> None:
    """「绩效评价本来是财政部门的活，…单列了一个第三方绩效评价服务费，这个项目安排了多少钱」: words of targets said
    only before a last clause asking money ask no target."""
    if "performance" not in frame.cues:
        return
    if honour.money_asked_last(frame.text):
        frame.cues.discard("performance")


def _owners_told(frame: Frame) -> None:
    """「X是指挥中心的，Y是局本级的，这两个项目金额相差多少」: the units a told clause says the things belong to
    are no operands when the asking clause names the things themselves."""
    if "compare" not in frame.cues:
        return
    spans = [m.span() for m in CLAUSE.finditer(frame.text)]
    asks = load_cues()["clauses"]["asks"]
    asking = [(a, b) for a, b in spans if re.search(asks, frame.text[a:b])]
    if len(asking) != 1:
        return
    a, b = asking[0]
    if sum(1 for m in frame.value_mentions() if a <= m.start < b and not m.of("budget_unit", "department")) < 2:
        return
    _set_aside(frame, [m for m in frame.mentions if m.of("budget_unit") and m.start < a and frame.text[m.start - 1:m.start] == "是"
                       and re.match(r"的?(?:[,，。;；]|$)", frame.text[m.end:])])


def _heard_parts(frame: Frame) -> None:
    """「看新闻说很多部门把业务外包给第三方，…委托业务费有多少」: a part of a name (第三方 of 第三方绩效评价服务费)
    in a clause telling what the asker heard, asking nothing, links no thing asked when another clause names one."""
    asks = load_cues()["clauses"]["asks"]
    heard = [(a, b) for a, b in (m.span() for m in CLAUSE.finditer(frame.text)) if honour.heard(frame.text[a:b]) and not re.search(asks, frame.text[a:b])]
    if heard and BACK_REFERENCE.search(frame.text, heard[-1][1]):
        return  # 「听说有个X的项目，…这个项目预算多少」: the heard thing is pointed at
    inside = [m for m in frame.mentions if any(a <= m.start < b for a, b in heard)]
    if any(all(m is not i for i in inside) for m in frame.value_mentions()):  # 「听说X是按…安排的，具体是哪个文件」: X is what is asked of
        _set_aside(frame, [m for m in inside if m.partial])


def _body_by_its_money(frame: Frame) -> None:
    """「档案馆的钱主要花在哪」 where 档案馆 is the department's short name and a class too: a name
    said of its money (的钱, 的预算) is the body, not the class."""
    for m in frame.mentions:
        if m.of("classification") and m.of("department") and re.match(r"的?(?:钱|预算盘子|家底)", frame.text[m.end:]):
            m.entities = [e for e in m.entities if e.kind != "classification"]


def _joined_around_amounts(frame: Frame) -> None:
    """「拟购置3.61万元固定资产」: a name written in two pieces around the amount it states — the piece
    before linked by part (拟购置 → 拟购置固定资产), the piece after by itself (固定资产) — is one name."""
    mentions = sorted(frame.mentions, key=lambda m: m.start)
    dropped: list[Mention] = []
    for before, after in zip(mentions, mentions[1:], strict=False):
        if not before.partial or not AMOUNT_BETWEEN.fullmatch(frame.text[before.end:after.start]):
            continue
        whole = [e for e in before.entities if match_form(e.label) == before.surface + after.surface]
        if whole:
            after.entities = whole
            dropped.append(before)
    if dropped:
        frame.mentions = [m for m in frame.mentions if all(m is not d for d in dropped)]


@cache
def _intros() -> str:
    """The words that open a question after the asker's context (想问一下, 我想知道), as one alternation."""
    return "|".join(map(re.escape, load_cues()["question_intros"]))


def _opening_pointer(rest: str) -> re.Match | None:
    """A pointer (那, 这, 它, 其) opening the question, after its opening words (「我想确认一下它…」); group 2 is the pointer."""
    return re.match(rf"((?:\d{{4}}年)?(?:(?:{_intros()})(?:一下|下)?[,，]?)?)(那么?|这|它|其)(?!个?(?:{load_cues()['body_pointed']}))", rest)  # 「这个局」 points at the body, no thing


AMONG = "其中|这当中|这里面|里面|里头|当中"  # inside what was said before


def _among(rest: str) -> re.Match | None:
    """「其中」 opening the rest of a question (after a year or an intro): 「…，我想知道其中X」「X一共就两万多，里面Y占了多少」."""
    return re.match(rf"(?:\d{{4}}年)?(?:{_intros()})?(?:{AMONG})", rest)


def _parts_asked(frame: Frame) -> list[Mention]:
    """The things a question asks of: in a share (「它占教育支出的比重」) the whole after 占 is none."""
    share = frame.text.find("占") if frame.intent == "ratio" else -1
    return [m for m in frame.value_mentions() if not 0 <= share < m.start]


def _points_into_context(text: str, cut: int, named: frozenset[tuple[int, int]] = frozenset(), things: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """「这个项目」 anywhere, or 「它」 opening the question's first clause, points back into the context;
    after a name the question itself says (「绩效工资这一项」「…工单办理那个经费」「X数额特别大，想确认一下
    这一项」, spans relative to cut) it points at that name."""
    first = CLAUSE.match(text, cut)
    pointing = [m for m in BACK_REFERENCE.finditer(text[cut:]) if (not any(a < m.start() for a, _ in named) or m.group(0).endswith(("文件", "依据")))
                and not _relative_plural(text[cut:], m)]  # 「…144号的文件，水利局预算里哪个项目是按这个文件安排的」: a document is never the question's own name
    opening = _among(text[cut:])
    later = re.search(rf"[。？?！!；;](?:{_intros()})?(?:{AMONG})", text[cut:])  # 「…，想知道钱主要花在哪。其中最高的是哪个」
    if opening is None and later and not any(a < later.start() for a, _ in named):
        opening = later
    if opening and any(a == opening.end() for a, _ in things) and not re.search(r"占|比例|比重|百分之|几成", text[cut:]):  # 「其中X占了百分之多少」: of the whole said before
        opening = None  # 「…分了好几个款项。其中“一般行政管理事务”这一项」: the question names its own thing (a unit after 其中 is a part of the context's figure)
    joined = re.match(r"(?:连同|连着|再加上|加上|算上)", text[cut:])  # 「X有两个项目，连同第二批加起来是多少」: added to what the context names
    it = re.search(r"它(?=名下|下面|下属|底下|旗下)", text[cut:])
    later_it = it and not any(a < it.start() for a, _ in named)  # 「我在看X的项目结构，想挑出中等规模的。它名下…」: the unit told of, no name of its own before it
    return bool(pointing or opening or joined or first and re.search(r"它(?!们)", first.group(0)) or later_it)


def _member_named(m: Mention, things: list[Mention]) -> str:
    """「两个项目都以“X”打头，一个是普通的，一个是专项经费。这两个」: a part of a name (专项经费) said beside
    another thing (X) names the one member of X's family holding both — written whole."""
    if not m.partial:
        return m.surface
    held = {match_form(e.label) for e in m.entities if any(o is not m and match_form(o.surface) in match_form(e.label) for o in things)}
    return held.pop() if len(held) == 1 else m.surface


def _relative_plural(rest: str, pointer: re.Match) -> bool:
    """「2025年新冒出来的那些项目」: 那些 after words of its own clause says which ones, pointing nowhere back."""
    if not pointer.group(0).startswith(("那些", "这些")):
        return False
    opened = max((m.end() for m in re.finditer(r"[,，:：;；。?？!！(（]", rest[:pointer.start()])), default=0)
    said = re.sub(rf"{YEAR.pattern}|{_intros()}", "", rest[opened:pointer.start()])
    return bool(re.search(r"[\u4e00-\u9fff]{2}", said))


def _names_kind_of(frame: Frame, start: int, end: int) -> bool:
    """A kind noun right after a project named by a part of its name (「X项目」「X那个重点项目」) says
    what X is; it does not ask for the set of projects."""
    noun = frame.text[start:end]
    return any(m.partial and m.of("project", "goal") and re.fullmatch(r"(?:[那这]一?个?)?", frame.text[m.end:start])
               and (set(kind_words(frame.text, m.end)) & {"project", "goal"}) and noun.endswith("项目") for m in frame.mentions)


FUND_TO_MEASURE = re.compile(rf"(?:支出)?(?:里面|里|当中|之中|中)?(?:安排)?|{load_cues()['fund_to_thing']}")  # 「政府性基金预算支出里的基本支出」「一般公共预算安排的基本支出」: the fund's part of it
COUNTED_BEFORE = re.compile(r"(?:这|那)?[两二三四五六七八九十\d]+(?:大类|类|项|个|款|笔|块)(?:科目|项目)?的?$")  # 「三类」 right before a total word counts the things named
FOLLOW_UP = re.compile(r"^(那么?|那个|还有|再看|换成|改成)|呢\??$")
MAX_LENGTH = 300


# Frame passes, in order (spaCy-like named components): what the question tells apart from what it asks, the
# names it narrows, and the kinds of thing its words only describe.
TOLD_APART = (_without_table_names, _list_described, _joined_around_amounts, _classes_joined, _guessed_member, _guesses_set_aside,
              _classes_in_containers, _container_of_one, _heard_parts, _section_named, _measures_told, _owners_told,
              _performance_told, _set_told_beside_one_asked, _self_check_told, _counted_noun_restated, _name_before_its_code, _counted_list, _other_than, _body_by_its_money, _one_per_thing,
              _told_before_the_ask, _framing_told)
NAMES_NARROWED = (_name_part_set_aside, _name_picked, _lacked_part, _family_parts, _year_prefixed)
KINDS_SAID = (_partial_narrowed, _partials_one_project, _parallel_ellipsis, _kind_of_projects, _body_described, _change_explained, _target_words_kept)


class Understander:
    """Holds the cue automaton for one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        cues = lexicon.cues
        self.with_units = {d for e in lexicon.entities.values() if e.kind == "budget_unit" for d in e.docs}  # documents with subordinate units
        self.cue_words: dict[str, set[str]] = {}
        for group, cue_list in cues["intents"].items():
            for word in cue_list:
                self.cue_words.setdefault(match_form(word), set()).add(group)
        for group, cue_list in cues["sets"].items():
            for word in cue_list:
                self.cue_words.setdefault(match_form(word), set()).add("set:" + group)
        for canonical, synonyms in cues["totals"].items():
            for word in synonyms:
                self.cue_words.setdefault(match_form(word), set()).add("total:" + canonical)
        for name, spec in cues["measures"].items():
            for word in spec["aliases"]:
                self.cue_words.setdefault(match_form(word), set()).add("measure:" + name)
        plain_groups = {"comparators": "comparator", "this_year": "this_year", "last_year": "last_year",
                        "self_unit": "self_unit", "next_year": "next_year", "level_words": "level_word", "levels": "level",
                        "filler_words": "filler"}
        for key, group in plain_groups.items():  # word lists (or word → value tables) of cues.json
            for word in cues[key]:
                self.cue_words.setdefault(word, set()).add(group)
        self.automaton = ahocorasick.Automaton()
        for word in self.cue_words:
            self.automaton.add_word(word, word)
        self.automaton.make_automaton()
        self.stopwords = {match_form(w) for w in cues["stopwords"]} | set(cues["unit_nouns"])
        self.kinds_of_money = load_cues()["kinds_of_money"]
        people = "|".join(sorted(map(re.escape, cues["people_counted"]), key=len, reverse=True))
        self.people_asked = re.compile(rf"(?:多少|几)(?:个|名|位)?(?:[\u4e00-\u9fff]{{0,4}}?(?:{people}|人))(?=[呢吗啊呀？?。，,！!；;]|$)"
                                       rf"|(?:{people}|人数)(?:各|分别)?(?:是|为|有)?(?:多少|几)")  # 「多少在编职工」「多少在编在岗的人」「在编人数各是多少」: a head count
        self.partial = PartialLinker(lexicon)
        self.project_asks = [match_form(w) for w in cues["project_asks"]]  # a citation or a target is a project's
        self.term_labels = {match_form(e.label) for e in lexicon.entities.values() if e.kind == "term"}
        self.own_suffixes = lexicon.own_suffixes
        self._columns = {c for spec in load_template().tables for c in spec.columns} | set(cues["measures"])  # a source of funds is a column of a project's row

    # -----------------------------------------------------------------------------------------
    def cues_in(self, text: str, masked: list[bool]) -> list[tuple[int, int, str, set[str]]]:
        """Longest non-overlapping cue words outside entity mentions."""
        found = [(end - len(w) + 1, end + 1, w) for end, w in self.automaton.iter(text)]
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken = list(masked)
        result = []
        for start, end, word in found:
            if any(taken[start:end]):
                continue
            after = self.lexicon.cues["cue_not_after"].get(word)
            if after and re.search(after, text[:start]):
                continue  # 「两个数长得挺像」: 两个 + 数, not 个数 (a count asked)
            before = self.lexicon.cues["cue_not_before"].get(word)
            if before and re.search(before, text[end:]):
                continue  # 「文件说主要用在哪」: the document itself, no cited one
            for k in range(start, end):
                taken[k] = True
            groups = self.cue_words[word]
            money = self.kinds_of_money
            if word in money["nouns"] and text[:start].endswith(tuple(money["after"])):
                groups = groups - {"amount"}  # 「包含哪些钱」 asks for kinds of money, not a sum
            result.append((start, end, word, groups))
        result.sort()
        return result

    def _without_context(self, text: str, previous: Frame | None, corrected: bool) -> Frame | None:
        """The question without the clauses before it that ask nothing of their own: the asker's
        context (「我在写报道，…」) when the rest names what it asks, or a premise stating a figure
        (qa/data/cues.json premise); None when neither can be set aside. 「这个项目」 pointing into
        them keeps them."""
        for end in dict.fromkeys([*_context_ends(text), self._restated_end(text)]):
            found = self._after_context(text, _outside_brackets(text, self._narrative_end(text, end)), previous, corrected)
            if found is not None:
                return found
        story = self._after_story(text, previous, corrected)
        if story is not None:
            return story
        defined = self._definition_last(text, previous, corrected)
        if defined is not None:
            return defined
        premise = _premise_end(text)
        if premise:
            text = text[:premise] + self._whole_for_pointer(text[:premise], text[premise:])
        if premise and not _points_into_context(text, premise):
            trial = self._after_premise(text, premise, previous, corrected)
            if trial is not None:
                trial.context = text[:premise]
            return trial
        return None

    def _restated_end(self, text: str) -> int:
        """「现在到处都在压减三公经费，X局今年三公经费合计安排了多少」「博物馆一下子多了好多项目，博物馆的项目支出…」:
        one sentence whose clauses before the last ask nothing, restrict nothing and name nothing the last one
        does not name again, the last naming a thing or measure of its own — they are the asker's context (0: none)."""
        parts = list(CLAUSE.finditer(text.rstrip("?？。 ")))
        if len(parts) < 2 or _story_end(text) or any(clauses.asks(p.group(0)) or re.search(r"(?:里|中|内|面|下|外)[,，]?$", p.group(0)) or RANKED_SAID.search(p.group(0))
                                                     for p in parts[:-1]):
            return 0  # 「政府采购3140.91万元里，X采购了多少」: a clause naming where to look is no context; 「2025年金额最大的那个项目，…」 picks one
        cut = parts[-1].start()
        if commentary.restricts(text[:cut]) or honour.left_out_spans(text[:cut]):
            return 0
        said = self.lexicon.link(text[cut:])
        own = (any(m.kinds() & (THINGS | {"figure"}) for m in said) or any(w in text[cut:] for w in self._measure_words)  # 「…，它的项目支出…多了多少」: a thing or a measure of its own
               or bool(re.search(r"(?<![这那])(?:项目|科目)", text[cut:])))  # 「…，金额正好是500万元的项目有几个」: a set of its own
        last = {frozenset(e.iri for e in m.entities) for m in said}
        before = {frozenset(e.iri for e in m.entities) for m in self.lexicon.link(text[:cut]) if not (self._one_department and m.kinds() == {"department"})}
        if not own:
            return 0
        if all(commentary.hedged(p.group(0)) for p in parts[:-1]):  # 「本级和下属中心的走势好像相反，…」: the asker's guess
            return cut
        if not before <= last:
            return 0
        return cut if before or self._set_told_again(text, cut, parts) else 0

    def _set_told_again(self, text: str, cut: int, parts: list[re.Match]) -> bool:
        """「X局的项目一长串，看得眼花，平均下来每个项目多少钱」: the clauses before the last say something of the set it
        asks again (a verb, an adjective, a count), choose none of it by an unknown word (「学校足球队的项目很多」) and
        scope nothing (「把两年的项目放在一起看」「2025年项目表里的项目」)."""
        told = any(p.flag.startswith(("v", "a", "m")) for p in segment.current().pos().lcut(YEAR.sub("", text[:cut]), HMM=False))
        if not told or re.search(r"把|放在一起|合在一起|按", text[:cut]):
            return False
        sets = {w for w in ("项目", "科目", "单位") if w in text[:cut]
                and not any(self._unknown_nouns(p.group(0)[:p.group(0).find(w)]) for p in parts[:-1] if w in p.group(0))}
        return bool(sets) and all(w in text[cut:] for w in sets)

    def _definition_last(self, text: str, previous: Frame | None, corrected: bool) -> Frame | None:
        """「这个局没有下属单位，但名词解释里还是解释了X，X指什么」: a last clause asking what one glossary
        word means, after clauses that ask nothing, is the question; they are context."""
        cut = max((m.end() for m in BREAK.finditer(text.rstrip("?？。!！ "))), default=0)
        if not cut or clauses.asks(text[:cut]) or not re.search(DEFINED, text[cut:]):
            return None
        trial = self.understand(_year_carried(text[:cut], text[cut:], self.lexicon), previous, corrected, _context=False)
        if trial.intent != "definition" or trial.unknown or not any(m.of("term") for m in trial.mentions):
            return None
        trial.context = text[:cut]
        return trial

    def _story_asks(self, story: str, question: str = "") -> bool:
        """Whether a sentence of the story asks something of its own: 「我想知道具体是什么。」, naming
        nothing and no noun, asks what the next sentence asks in full; 「好奇热线背后花多少钱。X热线工单办理经费有多少」:
        the question asks it again of a thing it names, all the story's asking clauses name among them."""
        if not clauses.asks(story):
            return False
        asking = [c for s in clauses.SENTENCE.findall(story) for c in re.split(r"[，,；;：:]", s) if clauses.asks(c)]
        own = {e.iri for m in self._linked(question, [False] * (len(question) + 1))[1] if m.kinds() & THINGS for e in m.entities}
        if own and asking and all({e.iri for m in self._linked(c, [False] * (len(c) + 1))[1] for e in m.entities} <= own for c in asking) \
                and all(re.search(r"多少|几", c) for c in asking) and re.search(r"多少|几", question):
            return False
        return not asking or any(self.lexicon.link(c) or content_nouns(c) for c in asking)

    def _after_story(self, text: str, previous: Frame | None, corrected: bool) -> Frame | None:
        """The last sentence alone, when the sentences before it are the asker's story: they ask nothing
        of their own (a reported question aside: 「有读者问X有多大。」), restrict nothing, name no year but
        the question's and no body it does not name; and the question names a thing of its own, or the
        story names nothing the question does not (「最近网上很多人关心政府部门的三公经费。X局的三公经费
        是多少？」). The story's own words then count for nothing."""
        cut = _story_end(text)
        story, question = text[:cut], text[cut:]
        asks = self.lexicon.cues["clauses"]["asks"]
        reason = re.search("|".join(self.lexicon.cues["intents"]["reason"]) + r"|怎么解释|如何解释", question) and self.names_thing(question)  # 「…砍了什么大项目。文件是怎么解释收入预算下降的」
        if (not cut or not re.search(asks, question) or SUBJECTLESS.match(question) or (self._story_asks(story, question) and not REPORTED.search(story) or commentary.restricts(story)) and not reason
                or honour.left_out_spans(story) or re.search(self.lexicon.cues["fund_only"], story)):
            return None
        loaded = {d.year for d in self.lexicon.documents.values()}
        story_years, own_years = named_years(story, loaded), named_years(question, loaded)
        other_years = story_years and own_years and not story_years <= own_years  # 「2025年项目明显变少了。2024年表12一共几个项目」
        if other_years and story_years - own_years - loaded:
            return None  # 「还想知道2023年的X。能根据2024年文件推算吗」: a year not loaded is what the story asks of
        if story_years and not own_years and len(story_years) > 1 and not (story_years <= loaded and re.search(r"哪一?年|[两2]年|这[两2]个?年", question)):
            return None  # 「…2025年…2024年…。这个项目哪一年更多」: the loaded years are the ones compared
        head = self.understand(story, previous, corrected, _context=False)
        if self._unlinked_body(story) or head.scope_refused:
            return None
        titled = load_template().title_in(story)  # 「对比了两年的一般公共预算支出表」: the names inside a table's title name no thing
        named = [m for m in head.mentions if not self._loaded_body(story, m)
                 and not (titled and titled[1] <= m.start and m.end <= titled[2])]
        linked = self._linked(question, [False] * (len(question) + 1))[1]  # 「公务出行租车那个项目」: a part of a name links too
        own_names = frozenset((m.start, m.end) for m in linked if m.kinds() & (THINGS | {"figure"}))  # 「其中X这一项」「其中服务类采购预算」: the pointer is at X
        measured = any(w in question for w in self._measure_words)  # 「其中检测所那一块的项目支出」: a unit and a measure of its own
        units = frozenset((m.start, m.end) for m in linked if m.of("budget_unit")) if measured else frozenset()
        if _points_into_context(text, cut, own_names, own_names | units):
            return None  # pointing at more than the one thing the story names (_pointer_named), or into it (其中)
        question = self._measure_carried(story, _year_carried(story, question, self.lexicon))  # 「我在看项目支出的经济分类，…。商品和服务支出里哪一项最大」
        trial = self.understand(question, previous, corrected, _context=False)
        named_own = _names_its_own(trial) and not all(self._loaded_body(trial.text, m) for m in trial.value_mentions())
        if other_years and not (named_own or trial.set_kind or trial.measures or trial.totals):
            return None  # a year of the story's own is the question's unless the question names its own year and thing
        things = {frozenset(e.iri for e in m.entities): m for m in named if m.kinds() & (THINGS | {"figure"})}
        if not named_own and not trial.measures and not trial.totals and not trial.set_kind and len(things) == 1:  # 「2024年X是最大的项目，…。2025年比2024年少了多少」; 「…的项目有哪些」 asks a set of its own
            trial = self.understand(self._scoped(story, next(iter(things.values()))) + question, previous, corrected, _context=False)
        said = {e.iri for m in trial.mentions for e in m.entities}
        pointed = re.search(self.lexicon.cues["pointed_body"].removesuffix("$"), question)  # 「…。这个局的基本支出一共多少钱」: the body loaded, pointed at
        own = (_names_its_own(trial) or bool(trial.measures and (trial.totals or pointed or any(m.of("department", "budget_unit") for m in trial.mentions)))  # 「司法局这两年都没买车…。公务用车运行维护费，哪一年安排得多」「…。基本支出占支出总额的百分之多少」: the question names its own thing
               or bool(trial.set_kind and REPORTED.search(story))  # 「有读者问X今年还有没有。…不再出现的项目有哪些」: a set asked of its own
               or bool(trial.set_kind == "projects" and re.search(r"(?:名称|名字)(?:里|中|里面)?(?:都)?(?:带|含|包含|有)", question))  # 「X局有价格股，还有个价格认证中心。名称里带“价格”的项目有哪些」: a set of its own
               or bool(trial.measures and own_years and trial.cues & {"yoy", "compare"})  # 「…人员经费反而少了。基本支出2025年比2024年减少了多少」: a measure's change of its own years
               or (trial.set_kind in ("budget_units", "duties", "internal_units") or trial.totals) and any(m.of("department", "budget_unit") for m in trial.mentions))  # 「…。X局的部门预算包括哪几个单位」「…。X局的支出总计是多少」
        bodies_only = not (trial.measures or trial.totals) and all(m.kinds() <= {"department", "budget_unit"} for m in trial.value_mentions())
        if head.measures and bodies_only:
            own = False  # 「…本级和水库管理所基本支出差得挺多。本级比水库管理所多多少」: the bodies are compared in the story's measure
        if (trial.intent == "refuse" or trial.unknown or not own and (any(not {e.iri for e in m.entities} & said for m in named) or set(head.measures + head.totals) - set(trial.measures + trial.totals))
                or not (trial.value_mentions() or trial.totals or trial.measures or trial.set_kind or trial.unit_word not in (None, "%")
                        or any(m.of("internal_unit", "term", "citation") for m in trial.mentions))):
            return None
        trial.context = story
        self._narrower_set_carried(story, trial)
        return trial

    def _narrower_set_carried(self, context: str, trial: Frame) -> None:
        """「第三部分列出了重点项目的绩效目标，请问列了哪几个项目」: the key projects the context names are the
        projects the question asks of."""
        if trial.set_kind == "projects" and any("set:key_projects" in g for *_, g in self.cues_in(context, [False] * (len(context) + 1))):
            trial.set_kind = "key_projects"
            trial.cues.add("set:key_projects")

    def _its_member_named(self, text: str) -> str:
        """「办公楼物业管理服务费和它的第二批相比」「X比它那个“专项经费”多出多少」: 它 with a part of a name after it is the
        member of the family of the project named just before that holds the part — written whole."""
        said = ITS_MEMBER.search(text)
        if said is None:
            return text
        named = [m for m in self._linked(text[:said.start()], [False] * (said.start() + 1))[1]
                 if m.end == said.start() and m.of("project") and len({e.label for e in m.of("project")}) == 1]
        if not named:
            return text
        base = match_form(named[0].of("project")[0].label)
        part = fold_digits(match_form(said.group("part")))
        family = {e.label for e in projects_holding(self.lexicon, {base}, []) if part in fold_digits(match_form(e.label)).replace(base, "", 1)}
        if len(family) != 1:
            return text
        return text[:said.start("it")] + match_form(family.pop()) + text[said.end("part"):]

    def _both_named(self, text: str) -> str:
        """「本级和普查中心，两家的项目支出相差多少」: 两家 taking up the two just joined is their 的;
        「表11分成了本级和普查中心两块。两家单位的基本支出…」: the two a sentence before names, joined."""
        pointer = BOTH.search(text)
        if pointer is None:
            return text
        clause = re.search(r"[^,，。!！;；:：?？]*$", text[:pointer.start()]).group(0)
        if re.search(r"[和与跟及、]", clause) and text[pointer.start()] in ",，":
            return text[:pointer.start()] + "的" + text[pointer.end():]
        cut = max((m.end() for m in STORY_END.finditer(text, 0, pointer.start())), default=0)
        named = [m for m in self._linked(text[:cut], [False] * (cut + 1))[1] if m.kinds() & {"budget_unit", "department", "internal_unit", *THINGS}
                 and not (m.partial and m.kinds() <= THINGS)]  # 「…都是局属事业单位」: a description, not a third thing's part name
        if self._one_department:
            named = [m for m in named if not m.kinds() <= {"department"}]  # 「…都是民政局下属的事业单位。两家」: the bureau loaded is no third
        joined = len(named) == 2 and re.fullmatch(r"(?:本级|机关|局机关)?[和与跟及、]", text[named[0].end:named[1].start])
        units = [m for m in named if m.of("budget_unit")]
        if cut and not joined and pointer.start() >= cut and len({m.surface for m in units}) == 1:
            own = re.search(r"局机关|局本级|机关本级|本级", text[:cut])  # 「普查中心是下属事业单位，…比局机关少。两家的基本支出」: the unit and the bureau itself
            if own:
                return text[:pointer.start()] + f"{own.group(0)}和{units[0].surface}" + ("" if text[pointer.end():].startswith("谁") else "的") + text[pointer.end():]
        if not cut or not joined or pointer.start() < cut:
            return text
        first = text[named[0].start:named[1].start - 1]  # 「统计局本级和…」: the self word goes with the name
        return text[:pointer.start()] + f"{first}和{named[1].surface}" + ("" if text[pointer.end():].startswith("谁") else "的") + text[pointer.end():]

    def _topic_resumed(self, text: str) -> str:
        """「水库管理所，它的基本支出…」: a name set up as the topic and taken up again by 它 is the
        subject of what follows (水库管理所的基本支出…)."""
        for comma in re.finditer(r"[,，]", text):  # 「A和B，基本支出差了多少」「局本级和文化馆，项目支出差多少」: bodies set up as the topic
            opened = max((m.end() for m in re.finditer(r"[,，。？?！!；;:：]", text[:comma.start()])), default=0)
            topic = text[opened:comma.start()]
            if not text[comma.end():].startswith(tuple(self._measure_words)):
                continue
            bodies = self.lexicon.link(topic) + self.lexicon.abbreviated_bodies(topic, self.lexicon.link(topic))
            words = sorted({m.surface for m in bodies} | set(self.lexicon.cues["self_unit"]), key=len, reverse=True)
            rest = re.sub("|".join(map(re.escape, words)), "", topic)
            if bodies and all(m.of("department", "budget_unit") for m in bodies) and re.fullmatch(r"(?:[和与跟及、]|下属的?|下面的?)*", rest):
                return text[:comma.start()] + "的" + text[comma.end():]
        if not re.search(r"[,，][它其]", text):
            return text
        for m in self.lexicon.link(text):
            resumed = re.match(r"[,，](?:它(?!们)|其(?![余他它中实次]))的?", text[m.end:])  # 其余, 其中: no pronoun
            opens = max(text.rfind(ch, 0, m.start) for ch in ",，。？?！!；;") + 1
            if resumed and re.fullmatch(r"(?:关于|至于|说到|说说|那个|这个|那|这)?", text[opens:m.start]):  # 「…用了X以外的其他资金，它的…」: an object, no topic
                return text[:m.end] + "的" + text[m.end + resumed.end():]
        return text

    def _sibling_left_out(self, frame: Frame) -> None:
        """「X（不含第二批）」「X…二期那个不算」: a project of X's family marked by a qualifier the question leaves
        out is never the one asked — the family's member without that mark is."""
        spec = self.lexicon.cues["sibling_words"]
        left = [q for q in re.finditer(spec["said"], frame.text) if honour.left_out_part(frame.text, q.start(), q.end())]
        if not left:
            return
        _set_aside(frame, [m for m in frame.mentions if any(q.start() <= m.start and m.end <= q.end() for q in left)], beside_others=False)
        marked = [match_form(spelt_out(q.group(0))) for q in left]
        by_label = self._projects_by_label
        for m in frame.mentions:
            kept = []
            for e in m.entities:
                label = match_form(e.label)
                mark = next((w for w in marked if w in label), None)
                base = re.sub(rf"[(（]?{re.escape(mark)}[)）]?", "", label) if mark else None
                kept += [x for x in by_label.get(base, []) if x.docs & e.docs] if base and e.kind == "project" else [e]
            m.entities = list({e.iri: e for e in kept}.values()) or m.entities

    @cached_property
    def _projects_by_label(self) -> dict[str, list[Entity]]:
        """The projects by their names in match form."""
        found: dict[str, list[Entity]] = {}
        for e in self.lexicon.entities.values():
            if e.kind == "project":
                found.setdefault(match_form(e.label), []).append(e)
        return found

    def _amount_after_thing(self, frame: Frame) -> None:
        """「科目编码2130108对应的支出预算是多少」: a word for an amount right after a thing is that thing's
        amount, not the figure of that name (qa/data/cues.json amount_after_thing)."""
        spec = self.lexicon.cues["amount_after_thing"]
        kept: list[Mention] = []
        for m in frame.mentions:
            thing = kept[-1] if kept else None
            if (thing is not None and thing.kinds() & THINGS and m.surface in spec["words"] and not m.kinds() & THINGS
                    and re.fullmatch(spec["gap"], frame.text[thing.end:m.start])):
                continue
            kept.append(m)
        frame.mentions = kept
        for a, b in frame.name_spans:  # 「X，今年支出合计是多少」: X's total, not 表1's 本年支出合计
            if frame.text[a:b] in spec["totals"] and any(m.kinds() & THINGS and re.fullmatch(spec["gap"], frame.text[m.end:a]) for m in kept):
                named = {g[len("total:"):] for g in self.cue_words.get(frame.text[a:b], ()) if g.startswith("total:")}
                frame.totals = [t for t in frame.totals if t not in named]

    def _measure_carried(self, context: str, question: str) -> str:
        """「我在看基本支出里的公用经费，想知道商品和服务支出中哪一项最多」: the one measure the asker's
        context names, and the classification (经济, 功能), scope a question into items when it names
        none, written before it."""
        ascending = [w for w in cue_data("rank")["ascending"] if w in context]
        if ascending and RANK.search(question) and not any(w in question for w in cue_data("rank")["ascending"]):
            question = ascending[0] + question  # 「…按金额从小到大排。排在第二位的是哪个项目」: the order the context sets
        said = {name for name, spec in self.lexicon.cues["measures"].items() if any(match_form(a) in context for a in spec["aliases"])}
        bodies = [m for m in self._linked(question, [False] * (len(question) + 1))[1] if m.of("budget_unit")] if len(said) == 1 and "比" in question else []
        if bodies and not any(w in question for w in self._measure_words) \
                and any(m.of("budget_unit") for m in self._linked(context, [False] * (len(context) + 1))[1]):  # 「局本级和普查中心的基本支出差得不多，…局本级比普查中心多出多少」
            first = min([bodies[0].start] + [k for k in [question.find("本级")] if k >= 0])
            end = question.index(bodies[0].surface) + len(bodies[0].surface) if first == bodies[0].start else first + 2
            return question[:end] + next(iter(said)) + question[end:]
        introduced = any(m.kinds() <= {"classification", "line_item"} for m in self.lexicon.link(question))  # 「项目支出的经济分类里既有A又有B。A和B相差多少」
        if not re.search(r"哪[一几]?项(?!目)|哪些项(?!目)|科目|[中里]哪", question) and not introduced:
            return question  # only a question into the items of a class, or naming items, is scoped so
        kind = re.search(r"经济|功能", context)
        if kind and not re.search(r"经济|功能", question):  # 「我在看项目支出按经济科目的分布，…哪个科目最大」
            question = f"按{kind.group(0)}分类，" + question
        said = {name for name, spec in self.lexicon.cues["measures"].items() if any(match_form(a) in context for a in spec["aliases"])}
        if len(said) != 1 or any(w in question for w in self._measure_words) or TABLE.search(question) or load_template().named_in(question):
            return question  # 「按支出总体情况表（含其他资金）算」: the table the question names, not the context's
        classes = {frozenset(e.iri for e in m.entities): m for m in self.lexicon.link(context) if (m.kinds() == {"classification"} or m.kinds() == {"classification", "line_item"})
                   and all(e.code and self.lexicon.descendant_labels(e.code) for e in m.of("classification"))}  # 「劳务费是项目支出里最多的。排第二的…」: a class with none under it holds no items
        inside = next(iter(classes.values())).surface if len(classes) == 1 and not any(m.of("classification") for m in self.lexicon.link(question)) else ""
        return f"{said.pop()}{inside}里" + question  # 「基本支出的商品和服务支出里有十几个科目。哪一个最高」: the class the context names too

    def _whole_name(self, text: str) -> bool:
        """Whether `text` is a name the documents hold, written out whole."""
        return text in self._measure_words or any(m.start == 0 and m.end == len(text) and not m.partial for m in self.lexicon.link(text))

    @cached_property
    def _measure_words(self) -> frozenset[str]:
        """The words that name a measure (基本支出, 项目支出, 人员经费 …)."""
        return frozenset(match_form(a) for spec in self.lexicon.cues["measures"].values() for a in spec["aliases"])

    @cached_property
    def _name_forms(self) -> list[str]:
        """Every name the documents hold, in match form."""
        return sorted({match_form(e.label) for e in self.lexicon.entities.values()})

    def _names_started(self, head: str) -> list[str]:
        """The names longer than `head` that start with it: a run of the sorted names, found by bisection
        (a thousand documents hold tens of thousands of names)."""
        names = self._name_forms
        found = []
        for name in names[bisect_left(names, head):]:
            if not name.startswith(head):
                break
            if name != head:
                found.append(name)
        return found

    def _than_elided(self, text: str) -> str:
        """「用于残疾人事业的彩票公益金支出比用于社会福利的多多少」: after 比, the start of a name whose end
        the thing before 比 has said (彩票公益金支出) is that whole name — when no name is said whole there."""
        than = THAN_ELIDED.search(text)
        if than is None:
            return text
        said = than.group(1)
        before = self.lexicon.link(text[:than.start()])
        whole = lambda words: any(m.start == 0 and m.end == len(words) for m in self.lexicon.link(words))  # noqa: E731
        if whole(said):
            return text
        clause = re.split(r"[，,。；;？?！!]", text[:than.start()])[-1].removesuffix("的")
        for head in (clause[k:] for k in range(len(clause) - 3)):  # 「（请问）用于X的比用于Y的多多少」: both sides said by the start of their names
            started = self._names_started(head)
            if started and not whole(head):
                tail, end = started[0][len(head):], than.start() - text[:than.start()].endswith("的")
                if len(started) > 1 or not whole(said + tail):
                    return text
                return text[:end] + tail + text[end:than.end(1)] + tail + text[than.end(1):]
        if not before or before[-1].end != than.start():
            return text
        named = before[-1].surface
        for k in range(1, len(named) - 1):
            if whole(said + named[k:]) and said + named[k:] != named:
                return text[:than.end(1)] + named[k:] + text[than.end(1):]
        return text

    def _distributed(self, text: str) -> str:
        """「学前、小学、初中这三段的教育支出」: words listed before a name, none a name itself, that each
        make a name with the start of that name (学前教育, 小学教育, 初中教育) are those names; the name
        they share is said once for all of them, not asked of itself."""
        if not re.search(r"[\u4e00-\u9fff][、和与及][\u4e00-\u9fff]", text):
            return text  # no list: most questions
        measures = occurrences(self._measure_words, text)
        named = [(m.start, m.end) for m in self.lexicon.link(text) if m.kinds() & {"classification", "line_item", "figure", "term"}]
        for start_, end_ in sorted(named + measures):
            surface = text[start_:end_]
            shared = self._tail_shared(text, start_, end_)
            if shared is not None:
                return shared
            glue = re.search(r"(?:这|那)?[两二三四五六七八九十\d]*(?:个|段|类|项|块|笔|部分)?的?$", text[:start_])
            listed = re.search(r"(?:[\u4e00-\u9fff]{2,4}[、和与及])+[\u4e00-\u9fff]{2,4}$", text[:glue.start()])
            if listed is None:
                continue
            words = re.split(r"[、和与及]", listed.group(0))
            start = listed.start() + next((k for k in range(len(words[0]) - 1) if self._names_with(words[0][k:], surface)), 0)
            words[0] = text[start:listed.start() + len(words[0])]
            names = [self._names_with(w, surface) for w in words]
            if all(names) and not any(self._whole_name(w) for w in words) and not self._whole_name(text[start:end_]):
                return text[:start] + "、".join(names) + text[glue.start():glue.end()].rstrip("的") + text[end_:]
        return text

    def _tail_shared(self, text: str, start: int, end: int) -> str | None:
        """「基本和项目支出」: words listed before a name that make names with its end (基本支出), none a name itself."""
        listed = re.search(r"(?:[\u4e00-\u9fff]{2,4}[、和与及])+$", text[:start])
        if listed is None:
            return None
        name = text[start:end]
        words = [w for w in re.split(r"[、和与及]", listed.group(0)) if w]

        def tailed(word: str) -> str | None:
            return next((word + name[k:] for k in range(1, len(name) - 1) if self._whole_name(word + name[k:])), None)

        first = listed.start() + next((k for k in range(len(words[0]) - 1) if tailed(words[0][k:])), 0)
        words[0] = text[first:listed.start() + len(words[0])]
        names = [tailed(w) for w in words]
        if not all(names) or any(self._whole_name(w) for w in words) or self._whole_name(text[first:end]):
            return None  # 「人员和公用经费」: a name of its own (基本支出)
        return text[:first] + "、".join([*names, name]) + text[end:]

    def _names_with(self, word: str, name: str) -> str | None:
        """The longest name made of `word` and a start of `name` (学前 + 教育支出 → 学前教育), or None."""
        return next((word + name[:k] for k in range(len(name), 1, -1) if self._whole_name(word + name[:k])), None)

    def _pointer_named(self, text: str) -> str:
        """「看到预算里有学前教育这一项。想问一下这一项一般公共预算安排了多少」「X一直很受市民关注。这个项目的…」:
        a pointer in the last sentence, before which that sentence names no thing, written as the one
        thing the sentences before it name (the only department loaded aside)."""
        tags = [m.end() for m in re.finditer(r"[?？]", text.rstrip("?？ ")) if re.search(self.lexicon.cues["tag_question"], text[:m.end()])]
        cut = max([_story_end(text), *tags])  # 「X是直接发给农民的钱吧？今年这一项安排了多少」: a guess asked back is the story
        clause = not cut and commentary.points_back().search(text)
        if clause:  # 「X里有一项“Y”，我想知道有没有这部分收入」: one sentence, the pointer in a later clause
            cut = max((m.end() for m in BREAK.finditer(text, 0, clause.start())), default=0)
        pointer = (BACK_REFERENCE.search(text, cut) or clause or commentary.points_back().search(text, cut) or UNIT_POINTER.search(text, cut)
                   or IT_OPENS.match(text, OPENING_FILLER.match(text, cut).end())) if cut else None
        before = text[cut:pointer.start()] if pointer else ""
        if pointer is not None and re.fullmatch(r"(?:这|那)?(?:两|2)(?:家|个单位)(?:单位)?|二者|两者", pointer.group(0)):
            return text  # 「两家」 points at two bodies (_both_named), never at one thing
        if pointer is None or any(m.kinds() & THINGS for m in self._linked(before, [False] * (len(before) + 1))[1]):
            return text  # 「公务出行租车那个项目」: the pointer is at the thing the sentence names, by a part of its name too
        story = text[:cut]
        linked = self._linked(story, [False] * (len(story) + 1))[1]
        named = [m for m in linked if not (self._one_department and m.kinds() == {"department"})
                 and not (pointer.group(0) in ("它", "") and m.surface in text[pointer.end():])]  # 「X…占了项目支出绝大部分。它占项目支出的比例」: 它 is X, the whole is said again
        if re.search(r"[项笔目]", pointer.group(0)) and any(m.kinds() & THINGS for m in named):
            named = [m for m in named if m.kinds() & (THINGS | {"figure", "measure", "term"})]  # 「执法大队和局本级都列了X，那检测所这一项」: the item, not the units beside it
        if len({frozenset(e.iri for e in m.entities) for m in named}) > 1:  # 「A有472万，比另一个B多得多。这笔钱…」: what A is compared with is no antecedent
            named = [m for m in named if not STANDARD_BEFORE.search(story[:m.start])] or named
        bodies = [m for m in linked if m.of("department", "budget_unit")]  # 「博物馆这两年人员经费好像压缩了，它的基本支出」: a measure is a body's (图书馆 is a class too)
        bodies = [m for m in bodies if m.of("budget_unit") and not m.of("department")] or bodies if self._one_department else bodies  # 「公证处是司法局下属的事业单位，…它的」: the unit, not the bureau loaded
        last = max(bodies, key=lambda m: m.end) if bodies else None
        if (pointer.group(0) == "它" and last is not None and not self._unlinked_body(story)
                and (re.sub(r"^的?(?:\d{4}年|今年|去年|上年)?的?", "", text[pointer.end():]).startswith(tuple(self._measure_words) + ("收入", "支出", *(("账上", "账面", "名下", "手里", "手上") if re.search(r"[。！!]$", story) else ())))
                     or last.of("budget_unit") and re.search(r"(?:哪些|哪几个|几个|多少个)项目", text[pointer.end():]))):  # 「价格认证中心…。它今年承担了哪些项目」
            return text[:pointer.start()] + last.surface + text[pointer.end():]  # 「…做人员经费的比较，先从X局开始。它的基本支出」: the body named last
        kinded = [m for m in named if any(e.label[-1] in pointer.group(0) for e in m.entities)]  # 「这个股室」「这个中心」: the office or unit named, not the bureau beside it
        if UNIT_POINTER.fullmatch(pointer.group(0)) and not kinded:
            return text  # 「这个中心」 points at a unit of that kind only
        named = kinded or self._container_of_rest(named, pointer.group(0)) or [m for m in named if "项目" in pointer.group(0) and m.of("project")] or named  # 「这个项目」: the project, not 项目支出 beside it
        pointed = THINGS | {"term", "measure", "figure", "internal_unit"} | ({"budget_unit"} if kinded else set())  # 「这个中心」: the unit named
        if len({frozenset(e.iri for e in m.entities) for m in named}) != 1 or not named[-1].kinds() & pointed or self._part_of_another(story, named[-1]):
            return text
        noun = text[pointer.end():pointer.end() + 2]
        kind = any(noun in match_form(e.label) for e in named[-1].entities) if re.fullmatch(r"[\u4e00-\u9fff]{2}", noun) else False
        nouns = tuple(self.lexicon.cues["kinds_of_money"]["nouns"])
        money = pointer.group(0).endswith(nouns) and bool(named[-1].kinds() & (THINGS | {"figure"}))
        kind = kind or money  # 「X有1700多万，…，这笔钱主要用于什么」: money points at the thing with the amount
        defined = pointer.group(0) == "它" and bool(named[-1].of("term")) and re.match(r"(?:指|是指|的意思|是什么意思|什么意思)", text[pointer.end():])
        turned = re.match(r"那么?(?!个|些|项|笔)", text[cut:]) and re.search(r"[项笔目]", pointer.group(0))  # 「…都列了X，那检测所这一项是多少」: 那 turns to the question
        if clause and not (kind or kinded or defined or turned):  # 「…一列“事业收入”，…，它指的是什么收入」: a glossary word defined
            return text  # within one sentence only a pointer naming the thing's own kind (这部分收入 of 上级补助收入, 这个股室 of X股)
        iris = {e.iri for e in named[-1].entities}
        if any(m.start == 0 and ({e.iri for e in m.entities} & iris or m.kinds() & named[-1].kinds() & (THINGS | {"figure"}))
               for m in self.lexicon.link(text[pointer.end():])):
            return text  # 「这笔其他资金」 (after 财政拨款): the pointer stands before a name of the thing's kind, the one it means
        tables = {m.group(0) for m in TABLE.finditer(story)}
        table = tables.pop() if len(tables) == 1 and not TABLE.search(text, cut) else ""  # 「我在看表6的X，…。这部分里…」: X of that table
        written = self._scoped(story, named[-1])
        if written[-1:].isdigit() and text[pointer.end():pointer.end() + 1].isdigit():
            written += re.sub(r"^[这那该此]一?[个项笔类]?", "", pointer.group(0)) or "这项"  # 「编码2012604。这个科目25年比24年」: 2012604科目25年, a code never run into the year after it
        if before.strip("那么"):  # 「…表11…，那检测所这一项」: the table before the unit the clause names
            return text[:cut] + table + text[cut:pointer.start()] + written + text[pointer.end():]
        return text[:pointer.start()] + table + written + text[pointer.end():]

    @staticmethod
    def _part_of_another(text: str, m: Mention) -> bool:
        """「上了个智慧城管平台建设项目」 linking 建设项目 as a part of another name: a noun right before the
        part that the name lacks makes it the end of another thing's name."""
        if not m.partial or not m.of("project", "goal", "budget_unit"):
            return False
        words = _words_before(text, m.start)
        last = words[-1] if words else None
        return (last is not None and len(last.word) >= 2 and last.flag.startswith(("n", "vn"))
                and not any(last.word in match_form(e.label) for e in m.entities))

    @staticmethod
    def _compared_in_measure(frame: Frame, kept: list[Mention], free: list[str], spans: list[tuple[int, int, str]]) -> list[str]:
        """「项目支出的差旅费比基本支出多多少」: a measure alone after 比, the thing before it named in
        another measure, is that thing in this measure (its 差旅费), not the measure's total."""
        than = re.search(r"比(?!例|重|较|率)", frame.text)
        things = [m for m in kept if m.measure and m.end <= (than.start() if than else 0)]
        after = [(a, b, n) for a, b, n in spans if n in free and than and a >= than.end() and not any(m.start >= b for m in kept)]
        if len(things) != 1 or len(after) != 1 or things[0].measure == after[0][2]:
            return free
        twin = copy.copy(things[0])
        twin.measure = after[0][2]
        twin.start, twin.end = after[0][0], after[0][1]
        kept.append(twin)
        return [n for n in free if n != after[0][2]]

    @staticmethod
    def _container_of_rest(named: list[Mention], pointer: str) -> list[Mention]:
        """「X的商品和服务支出将近五千万，会议费和委托业务费都不少。这部分里…」: a pointer at a part
        (这部分, 这块, 这类) points at the class that holds every other thing named (by its code)."""
        if not re.search(r"部分|块|类", pointer):
            return []
        named = [m for m in named if not m.kinds() <= {"measure", "term"}]  # 「项目支出的商品和服务支出」: the measure scopes it
        codes = [{e.code for e in m.entities if e.code} for m in named]
        for m, own in zip(named, codes, strict=True):
            others = [c for c in codes if c is not own and c != own]
            if own and others and all(any(o.startswith(p) and o != p for o in other for p in own) for other in others):
                return [m]
        return []

    def _after_context(self, text: str, cut: int, previous: Frame | None, corrected: bool) -> Frame | None:
        """The question after the context ending at `cut`, when the rest names what it asks or asks of
        the thing the context names last; else None."""
        if SUBJECTLESS.match(text, cut) or RESTATING.match(text, cut) or text[cut - 1:cut] == "—" and BARE_ASK.match(text, cut):
            cut = 0  # 「X——Y那一大类——占基本支出的百分之多少」: the rest has no subject, the opening is it; 「…，也就是A加上B，一共多少」 restates it
        said = text  # as asked: 「其中」 opening the rest points into the context before a measure is carried to it
        if cut:
            text = text[:cut] + self._measure_carried(text[:cut], _year_carried(text[:cut], self._body_for_it(text[:cut], text[cut:]), self.lexicon))
        trial = (self._after_story(text[cut:], previous, corrected) or self.understand(text[cut:], previous, corrected, _context=False)) if cut else None  # 「我在梳理…，局本级的先不数了。X名下…」
        own = re.search(self.lexicon.cues["self_in_context"], text[:cut])
        apart = own is not None and re.search(r"(?:单独|只|单|光)(?:看|算|说|问)[^，,。]{0,6}(?:下面|下属|所属|二级)", text[own.end():cut])  # 「局本级的项目很大，我想单独看看下面两个事业单位」
        if trial is not None and self.with_units.intersection(trial.docs) and own and not apart \
                and not any(m.of("budget_unit") for m in trial.mentions) and not re.search(self.lexicon.cues["self_in_context"], text[cut:]):
            return None  # 「我想算一下X局本级（不含指挥中心）今年总共能花多少钱，A和B加在一起」: the bureau itself scopes the rest
        loaded = {d.year for d in self.lexicon.documents.values()}
        if trial is not None and trial.cues & {"yoy", "compare"} and named_years(text[cut:], loaded) and named_years(text[:cut], loaded) - named_years(text[cut:], loaded):
            return None  # 「我看2024年说明里房屋是0平方米，2025年突然有了，房屋面积增加了多少」: the context's year is one of the two compared
        if trial is not None and honour.heard(text[:cut]) and not (trial.value_mentions() or trial.measures or trial.totals):
            return None  # 「听说中心那笔X也设了绩效目标，具体要办多少场」: what was heard names the thing asked of
        bodies = trial is not None and any(m.of("department", "budget_unit") for m in trial.mentions)  # 「…应急管理的稿子，X局的项目支出是多少」: the body's own
        described = "".join(c for c in CLAUSE.findall(text[:cut]) if not re.match(self.lexicon.cues["self_described"], c))  # 「我是一名跑水利口的记者，」: the asker, no thing asked of
        if trial is not None and trial.intent in ("lookup", "sum") and trial.measures and not trial.value_mentions() and not bodies and any(m.kinds() & THINGS and not _inside_measure(described, m, trial.measures) for m in self.lexicon.link(described)):
            last = text[:cut][_story_end(text[:cut].rstrip(",，")):]  # the sentence the pointer follows
            named = [m for m in self.lexicon.link(last) if m.kinds() & THINGS and not _inside_measure(last, m, trial.measures)]
            one = len({frozenset(e.iri for e in m.entities) for m in named}) == 1
            if one and _opening_pointer(text[cut:]) and (carried := self._thing_carried(named[-1], text[cut:], previous, corrected)) is not None:
                carried.context = text[:cut]  # 「X这一科目既有基本支出又有项目支出。请问它的基本支出是多少」
                return carried
            trial = None  # 「我想了解一下日常开支里那个“其他交通费用”，基本支出列了多少」: the thing asked of is named in the opening
        left = [] if trial is None else honour.left_out(trial.text, trial.mentions)  # 「那上一年是多少？买车的钱不算」: what is left out names nothing asked
        asked = [m for m in trial.mentions if m.partial and re.search(r"(?:哪|什么)[一个份项部条些几]*$", trial.text[:m.start])] if trial is not None else []  # 「依据哪份会议纪要」: the kind asked, no name
        names_nothing = trial is not None and not self._names_its_thing(trial, left + asked, text[:cut])
        pointing = trial is not None and not _parts_asked(trial) and _opening_pointer(text[cut:]) is not None  # 「…，我想确认一下它占总支出的多少」
        opening = self.lexicon.link(text[:cut]) if names_nothing or pointing else []
        things = self._things_told(text[:cut], [m for m in opening if m.kinds() & (THINGS | {"figure"}) and not (trial and _inside_measure(text, m, trial.measures))])
        subjects = [m for m in opening if not (m.kinds() == {"department"} and (self._one_department or pointing))  # 「X是统计局的主业，…它」: the loaded body is no subject
                    and not (pointing and m.kinds() <= {"measure", "term"})]  # 「X这一科目既有基本支出又有项目支出。请问它的基本支出」: measures say how X is split
        one_thing = len({frozenset(e.iri for e in m.entities) for m in subjects}) == 1  # 「社保中心的…商品和服务支出…其他资金——这部分」: all of it is the subject
        others = [m for m in subjects if m.end <= (things[-1].start if things else 0) and {e.iri for e in m.entities} != {e.iri for e in things[-1].entities}]
        last_apart = (things and not one_thing and subjects[-1] is things[-1]
                      and all(re.search(r"[，,。；;？?！!]", text[m.end:things[-1].start]) or re.fullmatch(rf"的?(?:{honour.container_words()})的?", text[m.end:things[-1].start])
                              for m in others))  # 「A降了，但B好像是涨的，对吧？它…」「A里B的数额特别大，…它」: the one named last
        if pointing and trial.measures and (scoped := self._unit_carried(text, cut, trial, previous, corrected)) is not None:
            return scoped  # 「X中心的人员经费好像在缩减。它的基本支出…」: 它 with a body's measure is the unit
        if things and (one_thing or last_apart) and (carried := self._thing_carried(things[-1], text[cut:], previous, corrected)) is not None:
            carried.context = text[:cut]  # 「养车的钱（X）今年3.1万，比上年少了一点——那上一年是多少？」: the rest asks of the thing the opening names last
            return carried
        lead = names_nothing and (text[cut - 1] in ":：" or re.match(_intros(), text[cut:])) and not YEAR.search(text[:cut])  # 「…我翻到X项目的绩效目标，想确认一个数：…」
        projects = [m for m in self._linked(text[:cut], [False] * (cut + 1))[1] if m.of("project", "goal")] if lead and not trial.set_kind else []  # 「我看12345热线工单办理经费的…，请问」: by a part of its name too
        named = {frozenset(e.iri for e in m.entities) for m in projects}
        if len(named) == 1 and {frozenset(e.iri for e in m.entities) for m in things} <= named:
            scoped = self.understand(f"{projects[-1].surface}的{text[cut:]}", previous, corrected, _context=False)
            if scoped.intent != "refuse" and not scoped.unknown:  # 「…我翻到X项目的绩效目标，想确认一个数：全年开展Y检查不少于多少次」: of the one project the opening names
                scoped.context = text[:cut]
                return scoped
        if things and names_nothing:
            trial = None  # 「项目支出按经济科目看，商品和服务支出下面——超过一百万的是哪几项」: the rest names no thing, the opening does
        if trial is not None and names_nothing and not trial.set_kind and re.search(r"(?:项目|科目|单位)[,，]$", text[:cut]) and not re.match(r"我", text) and any(
                any(str(g).startswith("set:") for g in groups) for *_, groups in self.cues_in(text[:cut], [False] * (cut + 1))):
            trial = None  # 「重点项目绩效目标表里列出的项目，2025年比2024年少了几个」: the set the opening names is counted
        if trial is not None and self._context_scopes(text, cut, trial, bodies):
            return None
        if trial is not None and cut and (scoped := self._unit_carried(text, cut, trial, previous, corrected)) is not None:
            return scoped
        if trial is not None and text.startswith(tuple(self.lexicon.cues["topic_openers"])) and not _names_its_own(trial):
            return None  # 「说到邮电费，项目支出里的比基本支出里的多多少」: the topic is the thing asked of
        if trial is not None and not _points_into_context(text, cut, frozenset((m.start, m.end) for m in trial.mentions)) and not (cut and _among(said[cut:])):
            if (trial.value_mentions() or trial.totals or trial.measures or trial.set_kind or trial.scope_refused or trial.unit_word not in (None, "%") and not (trial.unit_word == "个" and trial.cues <= BARE_COUNT)
                    or any(m.of("internal_unit", "term", "citation") for m in trial.mentions)):  # 「…，局里有几辆车」: a count asked
                trial.context = text[:cut] + trial.context  # a story the rest opened with (_after_story) is context too
                self._narrower_set_carried(text[:cut], trial)
                return trial
        return None

    def _unit_carried(self, text: str, cut: int, trial: Frame, previous: Frame | None, corrected: bool) -> Frame | None:
        """「服务中心的基本支出看起来少了一半，我想要个准确数：按基本支出表的总计口径，下降了百分之多少」: the one
        subordinate unit the opening names scopes a rest that names no body and asks across none."""
        opening = self.lexicon.link(text[:cut])
        units = [m for m in opening if m.of("budget_unit") and not m.of("department")]
        guessed = [c.span() for c in re.finditer(r"[^，,。；;？?！!]+", text[:cut]) if commentary.hedged(c.group(0))]
        things = [m for m in opening if m.kinds() - {"budget_unit", "department", "measure", "term"}  # 「X中心的Y经费…，它依据的是」: 它 is Y
                  and not any(a <= m.start < b for a, b in guessed)  # 「X中心的人员经费好像在缩减。」: a guess names no subject
                  and not _inside_measure(text, m, trial.measures)]
        if (len({frozenset(e.iri for e in m.entities) for m in units}) != 1 or things or any(m.of("department", "budget_unit") for m in trial.mentions)
                or not (trial.measures or trial.totals) or any(m.kinds() - {"department", "budget_unit", "measure"} for m in trial.mentions)
                or re.search(self.lexicon.cues["across_units"], text)):  # a measure of the unit asked, no class or project of its own
            return None
        scoped = self.understand(f"{units[0].surface}的{text[cut:]}", previous, corrected, _context=False)
        if scoped.intent == "refuse" or scoped.unknown:
            return None
        scoped.context = text[:cut]
        return scoped

    def _other_body_named(self, clause: str, linked: list[Mention]) -> bool:
        """「同在澜溪市的松岭县水利局，」: a body of the loaded one's kind in another county — the context
        scopes the question to a body not loaded, it is no story of the asker's."""
        return (bool(re.search(self.lexicon.cues["another_body"], clause)) and any(m.of("department") for m in linked)
                and self.understand(clause, None, False, _context=False).scope_refused)

    def _without_idle(self, text: str) -> tuple[str, str]:
        """The question without its idle clauses, and those clauses: a clause before the last one that
        asks nothing, states no figure or year, restricts nothing, names no body and nothing the
        documents hold (the only department loaded aside) and no cue word, and holds a noun
        no document knows or a hedge (「官网一时半会儿找不到——」「感觉不多——」「…好像砍了一半，」) is the
        asker's, wherever it stands; its words are not held against the question."""
        spans = [m.span() for m in CLAUSE.finditer(text)]
        asks, stops = self.lexicon.cues["clauses"]["asks"], self.lexicon.cues["story_stops"]
        idle: list[tuple[int, int]] = []
        for start, stop in spans[:-1]:
            clause = text[start:stop]
            stated_guess = commentary.hedged(clause) and clause[-1:] in "。!！"  # 「我本来以为是新上了什么大工程。」「想看看哪些老项目加码了。」: an idle statement's 什么/哪些 ask nothing
            if (re.search(asks, clause) and not stated_guess or re.search(stops, clause) or commentary.restricts(clause) or re.search(r"[\d()（）“”\"]", clause)
                    or STATED_FIGURE.search(clause) or YEAR.search(clause)):
                continue
            every = self.lexicon.link(clause)
            bodies = [b for b in re.finditer(self.lexicon.cues["body_named"], clause) if not any(m.end == b.end() and m.of("department") for m in every)]
            if self._beyond_the_department(every) or bodies:
                continue
            if BACK_REFERENCE.search(text, stop) and any(not m.partial or len(m.surface) >= LONG_PART for m in self._linked(clause, [False] * (len(clause) + 1))[1]
                                                          if m.of("project", "goal")):
                continue  # 「城乡住户抽样调查要靠基层调查员，…。这个项目的…」: the project a later pointer means, named by part of its name
            if self._other_body_named(clause, every):
                continue
            if not commentary.hedged(clause) and any(groups - {"comparator"} for *_, groups in self.cues_in(clause, [False] * (len(clause) + 1))):
                continue  # 找不到: no bound without a figure; 「按理说是请律师的钱，」: a guess, whatever word it holds
            if commentary.hedged(clause) and any(m.partial and m.of("project", "goal") and re.search(self.lexicon.cues["name_guessed"], clause[:m.start])
                                                 for m in self._linked(clause, [False] * (len(clause) + 1))[1]):
                continue  # 「好像是城乡网格化管理平台…服务费，」: a guess at the name the question is about (not 「感觉X最多」, a guess at the answer)
            if self._unknown_nouns(clause) or commentary.hedged(clause):  # 「…好像砍了一半，」: the asker's guess
                idle.append((start, stop))
        if not idle:
            return text, ""
        kept, last = "", 0
        for start, stop in idle:
            kept += text[last:start]
            if STORY_END.match(text[stop - 1]) and kept[-1:] in (",", "，"):
                kept = kept[:-1] + text[stop - 1]  # 「X变少了，我想先数清楚基数。Y？」: the sentence still ends where it ended
            elif text[stop - 1] in ":：" and kept[-1:] in (",", "，"):
                kept = kept[:-1] + "。"  # 「有读者说X，我想用数据回应一下：Y？」: the lead-in's colon ended what came before
            last = stop
        return kept + text[last:], "".join(text[a:b] for a, b in idle)

    def _unlinked_body(self, clause: str) -> bool:
        """「下属的各个市场监管所，」: a body named (所, 站, 中心 …) that is not the loaded department
        scopes the question — a unit, perhaps not loaded — and is no story of the asker's."""
        linked = self.lexicon.link(clause)
        every = linked + self.lexicon.abbreviated_bodies(clause, linked)
        pointed = self.lexicon.cues["pointed_body"]  # 「这个局」: the loaded one
        determiners = self.lexicon.cues["self_determiners"]
        own = [s for s in self.lexicon.own_suffixes if s]

        def self_named(end: int) -> bool:  # 「全中心」「本中心」「这个中心」: a determiner before a loaded body's own last word
            return any(clause.endswith(s, 0, end) and end > len(s) and re.search(rf"[{determiners}][个家]?$", clause[:end - len(s)]) for s in own)

        freq = tokenizer().FREQ

        tokens = {b: a for _, a, b in tokenizer().tokenize(clause, HMM=False)}

        def word_on(end: int) -> bool:  # 「便民服务站点」: the suffix starts a word of its own (站点), no body ends there; 「快开局了」: 开局 is a word, no body
            common = end - tokens.get(end, end) == 2 and (freq.get(clause[end - 2:end]) or 0) >= COMMON_WORD
            return (freq.get(clause[end - 1:end + 1]) or 0) >= COMMON_WORD or common

        def generic(end: int) -> bool:  # 「县里几个局」「其他局」: bodies counted or set apart, none named
            return bool(re.search(r"(?:几|多|各|每|其他|其它|别的|兄弟|若干|一些|我们|咱们|我|咱|孩子)(?:个|家|的)?(?:所|站|中心|院|队|处|馆|局|室|股|学校|医院)$", clause[:end]))  # 「我们学校」: the asker's own

        return any(not any(m.end == b.end() and m.of("department", "budget_unit", "internal_unit") for m in every)  # 「…分配到司法局社区矫正股」: the bureau's own office
                   and not re.search(pointed, clause[:b.end()]) and not self_named(b.end()) and not word_on(b.end()) and not generic(b.end())
                   and not clause.startswith(("里", "内"), b.end()) for b in re.finditer(self.lexicon.cues["body_named"], clause))  # 「局里」: the body loaded

    def _bodies_named(self, text: str) -> int:
        """How many bodies a text names: units and departments, short names too, and 本级 (the bureau itself)."""
        linked = self._linked(text, [False] * (len(text) + 1))[1]
        bodies = {frozenset(e.iri for e in m.entities) for m in linked + self.lexicon.abbreviated_bodies(text, linked) if m.of("budget_unit", "department")}
        return len(bodies) + ("本级" in text)

    def _narrative_end(self, text: str, cut: int) -> int:
        """Where the asker's story before the question ends, past `cut`: leading clauses that name
        nothing the documents hold (no linked name), state no figure or year, ask nothing, point at
        no topic (那块, 这个), and hold a noun no document knows (「在做县里政法口的稿子，」「看表看得
        头晕，」), or a lead-in naming nothing up to its colon. Whether the rest names what it asks is
        checked by the caller."""
        spans = [(m.start(), m.end()) for m in CLAUSE.finditer(text)]
        asks = self.lexicon.cues["clauses"]["asks"]
        for start, stop in spans[:-1]:  # 「做个两年汇总：」「接着三公那个话题问——」: a lead-in up to its colon or dash, naming no body or year
            clause = text[start:stop]
            scoped = any(m.of("department", "budget_unit", "internal_unit") for m in self.lexicon.link(clause))
            if scoped or YEAR.search(clause) or re.search(asks, clause) or any(w in clause for w in self.lexicon.cues["self_unit"]):
                break
            if re.search(r"[:：]$|—$", text[start:stop]):
                cut = max(cut, stop)
        for start, stop in spans[:-1]:
            if start < cut:
                continue
            if start != cut:
                break
            clause = text[start:stop]
            storied = re.match(self.lexicon.cues["story_openers"], clause)  # 「想写篇关于基层公务用车的稿子，」: the asker's plan, whatever it names
            said = self.lexicon.link(clause)
            linked = self._beyond_the_department(said)
            abbreviated = self.lexicon.abbreviated_bodies(clause, said)  # 「环卫所那二十来个项目，」: a unit by its short name scopes the question
            if (re.search(asks, clause) or re.search(r"\d|[一二两三四五六七八九十百千万]+[来多几余]?(?:万|元|个|项|年)", INDEFINITE.sub("某", clause))
                    or re.search(self.lexicon.cues["story_stops"], clause) or self._unlinked_body(clause)
                    or any(m.of("department", "budget_unit", "internal_unit") for m in linked + abbreviated)
                    or not storied and linked):
                break
            if not self._unknown_nouns(clause):
                break
            cut = stop
        return cut

    @cached_property
    def _one_department(self) -> bool:
        """Whether the loaded documents are of one department (in one or more years)."""
        return len({d.name for d in self.lexicon.documents.values()}) == 1

    def _year_asked(self, plain: str, years: list[int]) -> list[int]:
        """「X2024年是局本级在用，2025年换成了哪个单位」: a year told of in a clause that asks nothing, and
        the other named in the last clause that asks, with nothing compared: the year asked alone."""
        parts = CLAUSE.findall(plain)
        last = [y for y in years if f"{y}年" in parts[-1]] if parts else []
        told = [y for y in years if y not in last and not any(clauses.asks(c) for c in parts[:-1] if f"{y}年" in c)]
        asks = bool(parts) and clauses.asks(parts[-1]) and len(parts) > 1
        return last if asks and len(last) == 1 and told else years

    def _person_told_asked(self, trial: Frame) -> None:
        """「听说局长是新来的，我好奇他一年的工资」: the person the context tells of, asked of by 他 — refused."""
        person = [w for w in self.lexicon.cues["persons"] if w in trial.context and re.search(self.lexicon.cues["person_asked"], trial.text)]
        if person and trial.intent != "refuse":
            trial.unknown.append(person[0])
            trial.intent, trial.refusal = "refuse", f"文件中没有找到“{person[0]}” (not found in the document)"

    def _loaded_body(self, text: str, m: Mention) -> bool:
        """The one department loaded, named (「档案馆给出的原因」), though its name is a class's too
        (档案馆 of 档案事务): no thing of its own unless class words follow it (档案馆这个科目)."""
        return self._one_department and m.of("department") and (m.kinds() == {"department"} or not CLASS_WORDS.match(text, m.end))

    def carries(self, clause: str) -> bool:
        """Whether a clause names something the documents hold (the only department loaded aside), a
        body, a year or figure, or a word the understanding reads (fillers, bare comparators and the
        kind of an answer — 钱, 几项 — aside)."""
        text = match_form(clause)
        if re.search(r"\d|[一二两三四五六七八九十百千万]+(?:万|元|个|项|年)", text) or YEAR.search(text):
            return True
        if self._beyond_the_department(self.lexicon.link(text)) or re.search(self.lexicon.cues["body_named"], text):
            return True
        groups = set().union(*(g for *_, g in self.cues_in(text, [False] * (len(text) + 1)))) - {"comparator", "filler"}
        if groups <= {"amount", "count"}:  # 「老会计习惯先看单位养人的钱」: the kind of an answer beside the asker's own words
            return bool(groups) and not self._unknown_nouns(text)
        return True

    def names_thing(self, clause: str) -> bool:
        """Whether a clause names a thing a figure is of (a class, item, project, figure, term) or a measure."""
        text = match_form(clause)
        return any(w in text for w in self._measure_words) or any(m.kinds() & (THINGS | {"figure", "term"}) for m in self.lexicon.link(text))

    def _beyond_the_department(self, linked: list[Mention]) -> list[Mention]:
        """The names a clause links, but the only department loaded (it scopes nothing)."""
        return [m for m in linked if not (self._one_department and m.kinds() == {"department"})]

    def _unknown_nouns(self, clause: str) -> list[str]:
        """The nouns of a clause that no document and no stop word list knows: the asker's own words."""
        return [w for w in content_nouns(clause) if len(w) >= 2 and w not in self.lexicon.vocabulary and w not in self.stopwords]

    def _whole_for_pointer(self, premise: str, question: str) -> str:
        """「X有四千二百多万，这里面基本支出占了多少」: 这里面 opening the question is the thing the
        premise names last, written in its place so that the premise can be set aside."""
        pointer = re.match(self.lexicon.cues["inside_pointer"], question)
        named = [m for m in self.lexicon.link(premise) if m.kinds() & {"classification", "line_item", "figure", "project"}] if pointer else []
        return named[-1].surface + "里面" + question[pointer.end():] if named else question

    def _thing_carried(self, thing: Mention, rest: str, previous: Frame | None, corrected: bool) -> Frame | None:
        """The rest of the question read with the thing the opening names last written before it, when
        the rest points back at it (那, 它, 这笔) and names one thing then; else None."""
        pointer = _opening_pointer(rest)
        if pointer is None:
            return None
        at = pointer.start(2)  # 「…，文件说这笔钱用于什么」: the thing after the question's opening
        trial = self.understand(rest[:at] + thing.surface + rest[at:], previous, corrected, _context=False)
        left = honour.left_out(trial.text, trial.mentions)
        return trial if sum(all(m is not x for x in left) for m in _parts_asked(trial)) == 1 else None

    def _body_for_it(self, context: str, question: str) -> str:
        """「我在核对X处的开支，2025年它的Y是多少」: 它 opening the question is the last body the
        context names, written in its place so that the context can be set aside."""
        first = CLAUSE.match(question)
        it = re.search(r"(它)(?!们)", first.group(0)) if first else None  # 「2025年它的X」「能不能把它名下的项目列出来」
        if it is None:
            return question
        linked = self.lexicon.link(context)
        bodies = sorted((m for m in linked + self.lexicon.abbreviated_bodies(context, linked) if m.of("budget_unit", "department")), key=lambda m: m.end)
        if any(m.kinds() & (THINGS | {"figure"}) for m in linked) or any(
                m.partial and m.of("project", "goal") for m in self._linked(context, [False] * (len(context) + 1))[1]):  # 「我在看X中心的12345热线工单办理经费」: a project by a part of its name
            return question  # 「社会保障和就业支出是人社局的主业，…它占…」: 它 is the thing the context is about
        if not bodies or re.search(self.lexicon.cues["body_named"], context[bodies[-1].end:]):
            return question  # 「X局下面有个小型水库管理所，它…」: 它 is the body named last, which is not loaded
        held = BELONGS.search(context)
        subject = [m for m in bodies if held and m.end <= held.start() and m.of("budget_unit")]  # 「X中心是发改局下面的事业单位，…它…」: X
        body = subject[-1] if subject else bodies[-1]
        return question[:it.start(1)] + body.surface + question[it.end(1):]

    def _after_premise(self, text: str, cut: int, previous: Frame | None, corrected: bool) -> Frame | None:
        """The question after its premise, when the premise narrows nothing it would lose (a unit, a
        department, a year) and the question names what it asks on its own."""
        head = self.understand(text[:cut], previous, corrected, _context=False)
        trial = self.understand(text[cut:], previous, corrected, _context=False)
        members = {"internal_units": "internal_unit", "projects": "project", "key_projects": "goal"}.get(head.set_kind or "")
        named = bool(members) and sum(1 for m in trial.mentions if m.of(members)) >= 2  # 「设了两个内设机构，办公室和X股分别管什么」
        own_year = trial.year is not None or trial.last_year  # 「今年X比上年减少N，那上年的X是多少」: the question's own year
        own_body = any(m.of("department", "budget_unit") for m in trial.mentions)  # 「看到检测站有个X，那局名下的房屋…」
        if (head.year is not None and not own_year or head.scope_refused or any(m.of("internal_unit", "budget_unit") for m in head.mentions) and not own_body
                or "self_unit" in head.cues or head.set_kind and not named and not trial.value_mentions()
                or re.match(rf"(?:{_intros()})?(?:其中|这|那些|它们)", text[cut:])):
            return None  # 「局本级一共14个项目…，平均每个多少」: the premise says which set, unless the question names its members
        if head.value_mentions() and not trial.value_mentions():
            clauses = [c for c in BREAK.split(text[:cut]) if c.strip()]
            things = {frozenset(e.iri for e in m.entities): m for m in self.lexicon.link(clauses[-1]) if m.kinds() & (THINGS | {"figure"})} if clauses else {}
            named = {frozenset(e.iri for e in m.entities) for m in head.value_mentions()}
            says_change = re.search(r"变化|增减|增加|减少|下降|上升|涨|降", text[cut:])  # 「…，文件对这两年的变化分别是怎么解释的」: the rest says what of it is asked
            if len(things) != 1 or len(named) < 2 and not says_change or not re.search(self.lexicon.cues["clauses"]["asks"], re.sub(r"吗|呢", "", text[cut:])):
                return None  # 「X经费这500万，是依据哪个文件安排的」「X是6万元，对吗」: the premise names what the question asks about
            trial = self.understand(self._scoped(clauses[-1], next(iter(things.values()))) + text[cut:], previous, corrected, _context=False)  # 「三公经费是压缩的，但接待费反而涨了，理由是什么」: of two, the thing the premise names last
        if not trial.docs and head.docs:
            trial.docs = list(head.docs)  # 「X局设了两个内设机构，办公室…」: the premise's department is the question's
        asks = trial.value_mentions() or trial.totals or trial.measures or trial.set_kind or any(m.of("internal_unit", "term", "citation") for m in trial.mentions)
        documents = self.lexicon.documents
        change_across = set(head.docs) != set(trial.docs) and trial.cues & {"yoy", "compare", "ratio"}  # 「X 2024年500万，到2025年降了多少」: the premise's year is needed
        if {documents[d].department for d in head.docs} != {documents[d].department for d in trial.docs} or change_across or not asks:
            return None  # the premise's department is the question's (「2024年…，2025年X有多少」: another year of it, asked alone)
        return trial

    def _scoped(self, clause: str, thing: Mention) -> str:
        """The thing a clause names, with the measure it is named in when said right before it
        (「项目支出里差旅费」: the travel costs of project spending, not of basic spending)."""
        for start, end in occurrences(self._measure_words, clause):
            if end <= thing.start and re.fullmatch(r"(?:里|中|的|当中|里面|下面|下)*", clause[end:thing.start]):
                return clause[start:thing.end]
        return thing.surface

    def _rewritten(self, question: str) -> tuple[str, int | None]:
        """The question in match form with everyday spellings and terms written as the documents write
        them, and what says nothing of what is asked taken out (asides stating a fact, a unit's status,
        how the asker means a figure found); and where a body's name was spelt right from its sound."""
        text = spelt_out(match_form(question or ""))
        for said, written in [*self.lexicon.cues["planned_acts"].items(), *self.lexicon.cues["everyday_terms"].items()]:
            text = compiled(said).sub(written, text)
        text = compiled(self.lexicon.cues["share_remark"]).sub("", ASIDE_STATED.sub("", text))
        text = compiled(self.lexicon.cues["basis_said"]).sub("", compiled(self.lexicon.cues["status_stated"]).sub("", text))
        text, respelt = self._bodies_spelt(text)
        sibling = self.lexicon.cues["sibling_words"]["said"]
        text = re.sub(rf"(?<=[两2][个笔项])([^,，。？?]{{2,40}}?)[(（](?:含|包含|包括|连同|算上)(?:{sibling}|(?:19|20)\d{{2}}年度?)(?:那个|那笔|那一笔|的)?(?:在内)?[)）]", r"\1", text)  # 「两个X（含续建那个）」: the count says both already
        return self._than_elided(self._distributed(self._counted_pointer_resolved(self._former_latter_resolved(text)))), respelt

    def _former_latter_resolved(self, text: str) -> str:
        """「一笔就叫“X”，另一笔叫“2025年X”。后面这笔比前面那笔少多少」: 前者/后面这笔 written as the first or the
        second of the two things the sentences before name, in their order."""
        found = list(FORMER_LATTER.finditer(text))
        cut = max((m.end() for m in re.finditer(r"[。！!？?]", text.rstrip("。！!？? "))), default=0)
        if found and not cut:  # 「公务用车运行维护和公务接待，前者是后者的几倍」: the clauses before the pointer's
            cut = max((m.end() for m in re.finditer(r"[，,；;：:]", text[:found[0].start()])), default=0)
        if not found or not cut or any(m.start() < cut for m in found):
            return text
        story = text[:cut]
        named = [m for m in self._linked(story, [False] * (len(story) + 1))[1] if m.kinds() & THINGS and not m.partial]
        things: list[Mention] = []
        for m in named:
            if all(frozenset(e.iri for e in t.entities) != frozenset(e.iri for e in m.entities) for t in things):
                things.append(m)
        if len(things) != 2:
            return text
        for m in reversed(found):
            thing = things[0] if m.group("former") else things[1]
            text = text[:m.start()] + thing.surface + text[m.end():]
        return text

    def _counted_pointer_resolved(self, text: str) -> str:
        """「…既有办公费又有会议费，会议费还不少。请问这两项相差多少」: 这两项 written as the last two things
        named before it (A和B), when nothing else (a measure, a third thing) is named between them and it."""
        pointer = COUNTED_POINTER.search(text)
        if pointer is None:
            return text
        count = 3 if pointer.group(1) in "三3" else 2
        before = text[:pointer.start()]
        named = [m for m in self._linked(before, [False] * (len(before) + 1))[1] if m.kinds() & (THINGS | {"figure"}) and not self._loaded_body(before, m)]  # parts of names too
        if not named:  # 「先看基本支出和项目支出的对比。这两块哪个多」: with no thing named, the measures are the things counted
            named = [Mention(a, b, before[a:b], []) for a, b in _outermost(occurrences(self._measure_words, before))]
        things: list[Mention] = []
        for m in sorted(named, key=lambda m: m.start, reverse=True):
            key = frozenset(e.iri for e in m.entities) or m.surface
            if all((frozenset(e.iri for e in t.entities) or t.surface) != key for t in things):
                things.insert(0, m)
        between = text[things[-1].end:pointer.start()] if things else ""
        if len(things) != count or any(w in between for w in self._measure_words) or not re.search(r"[,，。;；?？!！]", between):
            return text  # 「A和B这两项」: said right after them, it restates them
        names = [_member_named(m, things) for m in things]
        joined = "、".join(names[:-1]) + "和" + names[-1]
        return text[:pointer.start()] + joined + text[pointer.end():]

    def _context_scopes(self, text: str, cut: int, trial: Frame, bodies: bool) -> bool:
        """Whether the context before `cut` is part of the question: the rest names a part of the family the context
        names (「我注意到X有两笔，…另一笔是“第二批”。两笔加在一起」), a body the context names and the rest does not
        scopes it (「我在看云川市财政局的预算。项目支出是多少」), or the rest compares the two bodies the context names
        (「A和B两家都有不少项目，我想比较一下：谁的项目支出更多」)."""
        context, linked = text[:cut], self.lexicon.link(text[:cut])
        named = [match_form(m.surface) for m in linked if m.kinds() & THINGS]
        own_body = any(m.of("department", "budget_unit") for m in trial.mentions)
        return (any(m.partial and any(n in match_form(e.label) and n != match_form(e.label) for e in m.entities for n in named) for m in trial.mentions)
                or self._unlinked_body(context) and not own_body
                or not bodies and self._other_body_named(context, linked)
                or bool(cut) and bool(re.search(r"谁|哪家|哪个单位|哪一家|哪边|哪一边|哪方", text[cut:])) and not re.search(r"两者|二者|两家|两个单位", text[cut:])
                and not own_body and self._bodies_named(context) >= 2)

    def _names_its_thing(self, trial: Frame, set_apart: list[Mention], context: str) -> bool:
        """Whether the rest after a context names what it asks: a thing (not only a body, nor what it sets apart), a
        total, a measure, a name's part or filter, or a count of what the document holds (「有几辆车」; 「X的房屋面积…多了
        多少平方米」 is of the figure the context names)."""
        own = any(not ((m.kinds() <= {"department", "budget_unit"} or self._loaded_body(trial.text, m)) and not trial.set_kind)
                  and all(m is not x for x in set_apart) for m in trial.mentions)
        held = trial.unit_word in ASSET_UNITS and (re.search(re.escape(trial.unit_word) + r"[\u4e00-\u9fff]", trial.text)
                                                   or not any(m.of("figure") for m in self.lexicon.link(context)))
        return bool(own or trial.totals or trial.measures or trial.name_part or name_filter.stated(trial.text) or held)

    def _things_told(self, context: str, things: list[Mention]) -> list[Mention]:
        """The things a context tells of (「政府采购那段写了三类采购，请问哪几类…」: a figure is one too): the project it
        points at (「X那个项目走的是政府性基金」: the fund says how X is paid) or names in two parts (「给X单独列了一笔租赁费」)."""
        projects = [m for m in self._linked(context, [False] * (len(context) + 1))[1]
                    if m.of("project") and (re.search(r"[那这]个?项目$", m.surface) or re.match(r"[那这]个?项目", context[m.end:]))] if things else []
        if len({frozenset(e.iri for e in m.entities) for m in projects}) == 1 and all(m.kinds() <= {"term", "line_item", "measure"} for m in things):
            return projects[-1:]
        held = self._name_told_in_parts(context, things)
        return [held] if held is not None else things

    def _name_told_in_parts(self, context: str, things: list[Mention]) -> Mention | None:
        """A project named in two parts of a clause (「给数字政府电子公文专线单独列了一笔租赁费」): a part of its name,
        then the class word its name ends with — the one project whose name holds both, else None."""
        if len(things) != 1 or not things[0].kinds() & {"classification", "line_item"}:
            return None
        word = match_form(things[0].surface)
        parts = [m for m in self._linked(context, [False] * (len(context) + 1))[1] if m.partial and m.of("project") and m.end <= things[0].start]
        held = {e.iri: e for m in parts for e in m.of("project") if match_form(e.label).endswith(word) and match_form(m.surface) in match_form(e.label)}
        if len(held) != 1 or not parts or re.search(r"[，,。；;]", context[parts[-1].end:things[0].start]):
            return None
        held_part = copy.copy(parts[-1])
        held_part.entities = list(held.values())
        return held_part

    def _lacking_bracket_dropped(self, text: str) -> str:
        """「法律顾问服务经费（不算续建和补助资金那两个）」「X（就是不带“补助资金”“二期”字样的那个）」: a project's whole name
        and a bracket setting its namesakes apart — the name says which already; the bracket is dropped."""
        for m in sorted(self.lexicon.link(text), key=lambda m: -m.start):
            whole = any(match_form(e.label) == m.surface for e in m.of("project"))
            bracket = re.match(self.lexicon.cues["lacking_bracket"], text[m.end:])
            if whole and bracket:
                text = text[:m.end] + text[m.end + bracket.end():]
        return text

    def _family_base(self, label: str, docs: set[str]) -> str:
        """「办公楼物业管理服务费（第二批）」: the unmarked name of its family (办公楼物业管理服务费) when the documents
        hold it; else the label itself."""
        held = [f for e in self.lexicon.entities.values() if e.kind == "project" and e.docs & docs
                and (f := match_form(e.label)) != label and f in label and re.fullmatch(r"[()（）\s]*(?:" + self.lexicon.cues["sibling_words"]["said"] + r")[()（）\s]*",
                                                                                       label.replace(f, "", 1))]
        return max(held, key=len) if held else label

    @staticmethod
    def _marked_member(m: Mention, base: str) -> str:
        """The base name the mention stands beside when it names a marked member itself (X（第二批）), else ''."""
        return base if all(match_form(e.label) != base for e in m.of("project")) else ""

    def _listed_stems(self, text: str) -> str:
        """「差旅、会议、培训这三块」: classes listed by their stems, the count saying how many — each stem
        written as the class whose name is it plus a suffix (差旅费), when no name is the stem itself."""
        spec = self.lexicon.cues["listed_stems"]
        kinds = set(spec["kinds"])
        for found in reversed(list(re.finditer(spec["list"], text))):
            pieces = list(re.finditer(r"[^、，,和与及跟]+", found.group(1)))
            n = count_of(found.group(2))
            if len(pieces) < n or n < 2:
                continue
            out = []
            for piece in pieces[-n:]:  # 「只看差旅、…」: the first piece may carry words before its stem
                item, end = piece.group(0), found.start(1) + piece.end()
                hit = next(((k, name) for k in range(len(item), 1, -1) for name in (item[-k:], *(item[-k:] + x for x in spec["suffixes"]))
                            if self._names_kind(name, kinds)), None)  # the longest tail naming a class, as written or with its suffix
                if hit is None:
                    break  # a piece naming nothing: the list is left as written
                out.append((end - hit[0], end, hit[1]))
            if len(out) < n or all(named == text[a:b] for a, b, named in out):
                continue
            for a, b, named in reversed(out):
                text = text[:a] + named + text[b:]
        return text

    def _names_kind(self, alias: str, kinds: set[str]) -> bool:
        """Whether `alias` names an entity of one of `kinds`."""
        return any(self.lexicon.entities[i].kind in kinds for i in self.lexicon.aliases.get(alias, ()) if i in self.lexicon.entities)

    def _siblings_named(self, text: str) -> str:
        """「宣传工作经费有一期和二期两笔，二期比一期多多少」「X，续建那笔比原来那笔多多少」: projects of one name told
        apart by a qualifier said alone — written as the names the document gives them (X（二期）for 二期, the
        unmarked X for 一期 or 原来那笔), so that each links to its own project."""
        spec = self.lexicon.cues["sibling_words"]
        if not re.search(spec["said"], text):
            return text
        for m in self.lexicon.link(text) + [p for p in self._linked(text, [False] * (len(text) + 1))[1] if p.partial]:  # 「重点项目前期工作分了新上和续建两块」: the family by a part of its name
            forms = {match_form(e.label) for e in m.of("project")}
            base = min(forms, key=len) if forms else ""
            if not forms or not all(base in f for f in forms):
                continue
            base = self._family_base(base, {d for e in m.of("project") for d in e.docs})
            docs = {d for e in m.of("project") for d in e.docs}
            family = {match_form(e.label) for e in self.lexicon.entities.values()
                      if e.kind == "project" and e.docs & docs and base in match_form(e.label) and match_form(e.label) != base}
            marked = [(_qualifier_said(re.sub(r"[()（）\s]", "", form.replace(base, "", 1))), form) for form in sorted(family)]
            if not marked or any(re.fullmatch(r"第?1[期批]", fold_digits(re.sub(r"[()（）]", "", f.replace(base, "", 1)))) for _, f in marked):
                continue  # a 第一期 of its own: 一期 names it, not the unmarked name
            tokens = [(rf"(?:{said})(?:那一?笔|那一?个|那一?项)?", form) for said, form in marked] + [(spec["unmarked"], base)]
            joined = re.compile("|".join(f"(?P<t{k}>{p})" for k, (p, _) in enumerate(tokens)))
            found = [f for f in joined.finditer(text, m.end) if not re.search(spec["not_operand"], text[max(m.end, f.start() - 4):f.start()])]
            unmarked = [f for f in found if f.lastgroup == f"t{len(tokens) - 1}"]
            member = self._marked_member(m, base)
            if member and unmarked and len(unmarked) == len(found):  # 「X第二批比原来那笔多了多少」: a member named whole, the unmarked one by 原来那笔
                for f in reversed(unmarked):
                    text = text[:f.start()] + member + text[f.end():]
                return text
            if not any(f.lastgroup == f"t{len(tokens) - 1}" for f in found) or all(f.lastgroup == f"t{len(tokens) - 1}" for f in found):
                continue  # both the unmarked and a marked one said as operands (一期和二期, 续建那笔比原来那笔); 「不是二期那个」「带“第二批”的」 are read as said
            head = re.match(spec["head"], text[m.end:])
            start = m.start if head and found[0].start() == m.end + head.end() or found[0].start() == m.end else m.end  # 「X分了一期和二期」「X一期二期加起来」: the phases named stand for X
            out, at = text[:start], m.end if start == m.end else found[0].start()
            for k, f in enumerate(found):
                out += (text[at:f.start()] or ("" if k == 0 else "和")) + tokens[int(f.lastgroup[1:])][1]  # 「一期二期」: two names, joined
                at = f.end()
            return out + text[at:]
        return text

    def understand(self, question: str, previous: Frame | None = None, _corrected: bool = False, _context: bool = True) -> Frame:
        text, respelt = self._rewritten(question)
        text = self._siblings_named(self._lacking_bracket_dropped(self._listed_stems(text))) if _context else text
        text, idle = self._without_idle(text) if _context else (text, "")
        text = self._both_named(self._topic_resumed(self._pointer_named(self._its_member_named(text)) if _context else text))
        trial = self._without_context(text, previous, _corrected) if _context else None
        if trial is not None:
            trial.question = question
            trial.context = idle + trial.context
            self._person_told_asked(trial)
            return trial
        frame = Frame(question=question, text=text, context=idle)
        if not text.strip(" ?？!！。.,，"):
            frame.intent = "refuse"
            frame.refusal = "问题是空的 (empty question)"
            return frame
        if len(text) > MAX_LENGTH:
            frame.intent = "refuse"
            frame.refusal = f"问题过长（{len(text)}字，上限{MAX_LENGTH}字）(question too long)"
            return frame
        cues, exact = self._spans(frame)
        for m in frame.mentions:  # a body's name spelt right from its sound is said in the answer, as any guess is
            m.fuzzy = m.fuzzy or respelt is not None and m.start <= respelt < m.end
        self._scope(frame, cues, exact)
        if frame.refusal:
            frame.intent = "refuse"
            frame.scope_refused = True
            return frame
        if previous is not None:
            keep_scope(frame, previous, self.lexicon)
        self._measures(frame, cues)
        self._modifiers(frame, cues)
        _without_included(frame, cues)
        self._amount_after_thing(frame)
        self._sibling_left_out(frame)
        for step in TOLD_APART:
            step(frame)
        frame.first_of_series = self._first_of_series(frame)
        if previous is not None and self._is_follow_up(frame):
            return self._follow_up(frame, previous)
        self._totals_named_by_terms(frame)
        for named in NAMES_NARROWED:
            named(frame, self.lexicon)
        for step in KINDS_SAID:
            step(frame)
        self._level_by_example(frame)
        if self._department_beside_unit(frame):
            frame.cues.add("self_unit")
        self._siblings_added(frame)
        unknown = self._unknown(frame, cues)
        residue = [c for c in self._residue(frame, cues) if len(c) >= 2]
        fixed = None if _corrected else self._typos_fixed(frame, unknown, residue)
        if fixed:
            retry = self.understand(fixed[0], previous, _corrected=True)
            retry.question = question
            for m in retry.mentions:
                m.fuzzy = m.surface in fixed[1]
            return retry
        if unknown:
            frame.unknown = unknown
        self._decide(frame, unknown, residue)
        return frame

    def _spans(self, frame: Frame) -> tuple[list, list[Mention]]:
        """The question's cue words and the names it links, each with its span; names mask the cues inside them."""
        text = frame.text
        blocked = [False] * (len(text) + 1)
        first = self.cues_in(text, [False] * (len(text) + 1))
        for start, end, _, _ in first:
            for k in range(start, end):
                blocked[k] = True
        for asked in UNIT_ASKED.finditer(text):  # 「修缮几处文物」: a count asked parts the words around it
            for k in range(asked.start(), asked.end()):
                blocked[k] = True
        exact, mentions = self._linked(text, blocked)
        measures = [(start, end) for start, end, _, g in first if any(x.startswith("measure:") for x in g)]
        mentions = [m for m in mentions if not (m.kinds() <= {"classification", "line_item", "term"}
                                                and any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in measures))]  # 「人员和公用经费」: 基本支出, not 公用经费 inside it
        masked = [False] * (len(text) + 1)
        for m in mentions:
            for k in range(m.start, m.end):
                masked[k] = True
        cues = self.cues_in(text, masked)
        frame.cue_spans = [(start, end) for start, end, _, _ in cues]
        frame.name_spans = [(start, end) for start, end, _, g in cues if any(x.startswith(("total:", "measure:")) for x in g)]
        groups: set[str] = set()
        runs = honour.left_out_spans(text)
        statements = [s.span() for s in clauses.SENTENCE.finditer(text) if s.end() < len(text) and not re.search(r"[?？]", s.group(0))]
        several = {m.start() for a, b in statements for m in clauses.SEVERAL.finditer(text, a, b)}  # 「只剩几个。其中哪个最多」: a statement's 几个 is "several"
        generic = [c.span() for c in list(CLAUSE.finditer(text))[:-1] if re.match(self.lexicon.cues["generic_remark"], c.group(0)) and not clauses.asks(c.group(0))]
        for start, _, word, g in cues:
            if any(a <= start < b for a, b in generic):
                continue  # 「一般机关都在压缩开支，」: a remark on bodies in general asks nothing
            if "amount" in g and any(a <= start < b for a, b in statements):
                g = g - {"amount"}  # 「X金额不大，只有1.59万元。能告诉我这个文件的名称和文号吗」: an amount stated asks none
            left = any(a <= start < b for a, b in runs) or "大头" in word and any(a <= start < b for a, b in statements)  # 「…，占了项目支出的大头。这笔钱用来做什么」
            groups |= g - {"max", "min"} if left else g - {"count"} if start in several else g  # 「把A和B这两个大头扣掉」: 大头 says which are left out, it ranks nothing
        frame.cues = groups
        said = _without_negated(text, mentions)
        frame.mentions = _once_each(text, said)
        frame.cue_spans += [(m.start, m.end) for m in said if all(m is not k for k in frame.mentions)]  # a name said twice: its first saying stays explained
        return cues, exact

    def _decide(self, frame: Frame, unknown: list[str], residue: list[str]) -> None:
        """The question's kind, or a refusal naming the words the document does not hold."""
        if frame.unit_word in ("辆", "台", "套", "平方米"):  # 「几辆公车」: the cars held (第三部分), not what they cost
            frame.mentions = [m for m in frame.mentions if not (m.kinds() <= {"figure", "line_item", "term", "classification"}
                                                                and all(e.label.endswith("费") for e in m.entities))]
        frame.intent = self._intent(frame)
        if frame.intent == "lookup" and frame.table and not (frame.value_mentions() or frame.measures or any(not t.startswith("表") for t in frame.totals)):
            rows = [w for c in residue for w in content_nouns(c) if len(w) >= 2 and w not in self.stopwords and w not in self.lexicon.cues["document_words"]]
            if rows:  # 「表6里电费是多少」 where 表6 has no 电费 row: never the table's total
                frame.intent = "refuse"
                frame.refusal = f"表{frame.table}中没有找到“{'、'.join(rows)}”这一行 (no such row)"
        if frame.intent == "refuse" and unknown:
            frame.refusal = f"文件中没有找到“{'、'.join(unknown)}” (not found in the document)"
        textual = frame.intent in ("definition", "citation") and frame.mentions
        if frame.unknown and frame.intent != "refuse" and not textual:
            frame.intent = "refuse"
            frame.refusal = f"文件中没有找到“{'、'.join(frame.unknown)}” (not found in the document)"
        negated = _only_set_apart(frame, self.lexicon.cues["set_apart"])
        if negated and frame.intent != "refuse":  # 「这个专线租用费本身（不是后面那个补助资金）」 with the fee itself unfound
            frame.intent = "refuse"
            frame.refusal = f"问题说的不是“{negated}”，但要问的那一项没有在文件中找到 (the thing asked is not found)"

    def _linked(self, text: str, blocked: list[bool]) -> tuple[list[Mention], list[Mention]]:
        """The names written out whole (exact), and those with the names written in part added."""
        exact = self.lexicon.link(text)
        bodies = self.lexicon.abbreviated_bodies(text, exact)
        exact = sorted([m for m in exact if not any(b.start <= m.start and m.end <= b.end for b in bodies)] + bodies, key=lambda m: m.start)
        wanted = frozenset({"project", "goal"}) if any(w in text for w in self.project_asks) else frozenset()
        departments = [e for m in exact for e in m.of("department")]
        scope = frozenset().union(*(e.docs for e in departments)) if departments else None  # 「司法局的X」: the names of 司法局's documents
        named_body = list(blocked)
        for m in exact:
            if m.of("department") and not m.of("project", "classification", "budget_unit"):
                named_body[m.start:m.end] = [True] * (m.end - m.start)  # 「…教育局的督导评估那个项目」: no other name takes the department's words
        regions = self._regions
        linked = self.partial.link(text, exact, named_body, wanted, scope)
        return exact, _named_by_code([m for m in linked if not (m.partial and _only_regions(m.surface, regions))])  # 「澜溪市」「澜溪市枫渡区」 alone name no document they begin

    @cached_property
    def _regions(self) -> frozenset[str]:
        """The loaded documents' region names (澜溪市, 竹湾县): a region alone is no part of a name."""
        return frozenset(match_form(r) for r in self.lexicon.regions)

    # -- scope: documents, year, level of government -----------------------------------------
    def _scope(self, frame: Frame, cues, exact: list[Mention]) -> None:
        lexicon = self.lexicon
        docs = dict(lexicon.documents)
        named = set()
        for m in frame.mentions:
            for e in m.of("department", "budget_unit"):
                named |= set(e.docs)
        in_scope = [d for d in docs if not named or d in named]
        plain = _without_names(frame)
        years = sorted(named_years(plain, {d.year for d in docs.values()}))
        if len(years) == 2 and not frame.cues & SPANNING_CUES:
            years = self._year_asked(plain, years)
        if len(years) == 2 and not frame.cues & SPANNING_CUES:  # 「X2024年安排了18万，2025年还有吗？有的话是多少」: the year of a figure stated is told
            stated = {y for c in CLAUSE.finditer(plain) if re.search(self.lexicon.cues["premise"], c.group(0)) and not clauses.asks(c.group(0))
                      for y in named_years(c.group(0), {d.year for d in docs.values()})}
            years = [y for y in years if y not in stated] or years
        if years:
            doc_years = {docs[d].year for d in in_scope}
            matching = [d for d in in_scope if docs[d].year in years]
            previous = [d for d in in_scope if docs[d].year - 1 in years and docs[d].year not in years]
            covered = {docs[d].year for d in in_scope} | {docs[d].year - 1 for d in in_scope}
            beyond = [y for y in years if y not in covered]
            if beyond:  # 「2026年比2025年」: a year no loaded document speaks of
                have = "、".join(str(y) for y in sorted(doc_years))
                frame.refusal = f"已载入的文件是{have}年的预算，没有{'、'.join(map(str, beyond))}年的数据 (no document for that year)"
                return
            if matching:
                in_scope = matching
                frame.year = years[0] if len(years) == 1 else None
                source = re.search(r"(?:根据|按照?|依据|从)[^，,。？?]{0,12}?(\d{4})年的?(?:说明|文件|预算公开|公开|那份|文本)", frame.text)
                if source and "last_year" in frame.cues and years == [int(source.group(1))]:
                    frame.last_year = True  # 「根据X局2025年的说明，上年的三公经费是多少」: 2025 is the document read, 上年 the year asked
                frame.cues = frame.cues - {"last_year", "this_year"}  # 「去年（2024年）的X」: the year named is the document's own
                loaded = {docs[d].year for d in docs}
                if any(y not in loaded and y + 1 in {docs[d].year for d in matching} for y in years):
                    frame.last_year = True  # 「2024年的预算说明里2023年的收入」: last year, told by this year's text
            elif previous:
                in_scope = previous
                frame.last_year = True
                frame.year = years[0]
            else:
                have = "、".join(str(y) for y in sorted(doc_years))
                frame.refusal = f"已载入的文件是{have}年的预算，没有{'、'.join(map(str, years))}年的数据 (no document for that year)"
                return
        if "next_year" in frame.cues:
            frame.refusal = "预算文件只有本年度的数字，没有以后年度的数据 (no figures for future years)"
            return
        recent = re.search(lexicon.cues["recent_years"], plain)
        if recent and int(recent.group("n")) >= 2 and in_scope:
            have = sorted({docs[d].year for d in in_scope})
            asked = range(have[-1] - int(recent.group("n")) + 1, have[-1] + 1)
            absent = [y for y in asked if y not in have and not (len(asked) == 2 and y == have[0] - 1)]  # 近两年 of one document: its 上年
            if absent:
                frame.refusal = f"问的是{recent.group(0)}，已载入的文件是{'、'.join(map(str, have))}年的预算，没有{'、'.join(map(str, absent))}年的数据 (no document for that year)"
                return
        loaded = sorted({docs[d].year for d in in_scope})
        one_body = len({docs[d].name for d in in_scope}) == 1  # one department in several years, never another department's year
        if {"this_year", "last_year"} <= frame.cues:  # 「今年X有多少？（去年那份写的还是0，怎么今年就有了）」: the year of the question, not of its aside
            plain = re.sub(r"[(（][^()（）]*[)）]|——[^—]*——", "", frame.text)
            said = {group for group in ("this_year", "last_year") if any(w in plain for w in self.lexicon.cues[group])}
            if len(said) == 2:  # 「去年好像有出国任务，今年预算里还有X吗？安排了多少」: the year of the asking sentence
                asking = clauses.asking(plain)
                said = {group for group in said if any(w in asking for w in self.lexicon.cues[group])} or said
            if len(said) == 1:
                frame.cues = frame.cues - ({"this_year", "last_year"} - said)
        if not years and one_body and len(loaded) > 1 and ("this_year" in frame.cues) != ("last_year" in frame.cues):
            changed = re.search(self.lexicon.cues["change_stated"], frame.text)
            wanted = loaded[-1] if "this_year" in frame.cues or changed else loaded[-1] - 1  # 「去年X是多少」 with both years loaded: the earlier document's own figure
            if wanted in loaded:
                in_scope = [d for d in in_scope if docs[d].year == wanted]
                frame.year = wanted
                frame.cues = frame.cues - ({"last_year"} if wanted != loaded[-1] else set())
        if "last_year" in frame.cues:
            frame.last_year = True
        frame.docs = sorted(in_scope, key=lambda d: (docs[d].name, -docs[d].year))  # a stable order, newest year first
        for check in (self._region_check, lambda f: self._other_body(f, exact), self._unknown_unit, self._body_by_a_projects_name,
                      self._class_called_unit, self._qualified_unknown):
            if frame.refusal:
                break
            check(frame)

    def _siblings_added(self, frame: Frame) -> None:
        """「X，把二期那笔也算上」「X，连同带“二期”的那一笔」「X本身那笔加上专项经费那笔」「X前后两笔加一起」: the
        projects whose names hold X's and the part said (…（二期）, 岑口县X, X专项经费), or all of them when
        their count is said, are named too, to be added."""
        owners = [m for m in frame.mentions if m.of("project") and len({e.label for e in m.of("project")}) == 1]
        if len(owners) != 1:
            return
        owner, cues = owners[0], self.lexicon.cues
        said = [m for p in cues["sibling_added"] for m in re.finditer(p, frame.text[owner.end:])]
        counted = re.search(cues["siblings_counted"], frame.text[owner.end:])
        span = (owner.end + counted.start(), owner.end + counted.end()) if counted else (0, 0)
        if counted is None and "sum" in frame.cues and (counted := re.search(cues["siblings_counted_before"], frame.text[:owner.start])):
            span = counted.span()  # 「两笔X（带前缀的和不带的）合计多少」: the count said before the name
        if not said and not counted:
            return  # the names are read only when the question adds one (at a thousand documents, a hundred thousand names)
        base = match_form(owner.of("project")[0].label)
        family = [e for e in projects_holding(self.lexicon, {base}, frame.docs) if match_form(e.label) != base]
        added = [((owner.end + m.start("part"), owner.end + m.end("part")), [e for e in family if match_form(m.group("part")) in match_form(e.label)]) for m in said]
        if counted and family and count_of(counted.group("n")) == len(family) + 1:
            added.append((span, family))
        for (a, b), siblings in added:
            if siblings and not any(a <= m.start < b for m in frame.mentions):
                frame.mentions = sorted([*frame.mentions, Mention(a, b, frame.text[a:b], siblings)], key=lambda m: m.start)
                frame.cues.add("sum")

    def _level_by_example(self, frame: Frame) -> None:
        """「具体到办公费、差旅费这一级的科目里」: the level of the classes given as examples; they are
        examples of the level, not things asked of."""
        said = re.search(self.lexicon.cues["level_by_example"], frame.text)
        listed = None if said else re.search(self.lexicon.cues["level_by_listed_example"], frame.text) if frame.cues & {"max", "min"} else None
        said = said or listed
        if said is None or frame.level is not None and listed is None:  # 「有A、B、C等等。哪一项最大」: the examples' level, over a level the words guessed
            return
        start, end = said.span("ex")
        examples = [m for m in frame.mentions if start <= m.start and m.end <= end and m.of("classification", "line_item")]
        codes = {len(e.code) for m in examples for e in m.of("classification", "line_item") if e.code}
        if len(examples) < 1 or len(codes) != 1:
            return
        frame.level = {3: 1, 5: 2, 7: 3}.get(codes.pop())
        frame.mentions = [m for m in frame.mentions if m not in examples]
        frame.cue_spans.append(said.span())

    def _department_beside_unit(self, frame: Frame) -> bool:
        """「城管局和环卫所的项目」「城管局连带环卫所」: a department named beside one of its units is the
        bureau itself (本级), not the whole department the unit is part of."""
        joined = self.lexicon.cues["beside_unit"]
        return any(m.of("department") and not m.of("budget_unit") and re.fullmatch(joined, frame.text[m.end:u.start])
                   for m in frame.mentions for u in frame.mentions if u.start > m.end and u.of("budget_unit"))

    def _qualified_unknown(self, frame: Frame) -> None:
        """「惠民殡葬补贴资金（续建）」 where no project of that name carries （续建）, 「竹湾县“十五五”X」 where
        no project is X with that shared prefix: a project the document does not have, never X."""
        for m in frame.mentions:
            said = re.match(rf"\((?P<q>{self.lexicon.cues['qualifiers']})\)", frame.text[m.end:])
            projects = m.of("project", "goal")
            if not said or not projects or len(projects) != len(m.entities):
                continue
            qualified = {match_form(e.label) + said.group(0) for e in projects}
            if not any(a in qualified for a in self.lexicon.aliases_starting(match_form(projects[0].label))):
                frame.refusal = f"文件中没有“{projects[0].label}（{said.group('q')}）”这个项目，只有“{projects[0].label}” (no such project)"
                return
        for head, m in zip(frame.mentions, frame.mentions[1:], strict=False):  # 「竹湾县“十五五”森林防灭火专项经费」: a prefix many names share
            if (head.partial and head.end == m.start and m.of("project") and not m.partial and len(head.entities) > 1
                    and all(match_form(e.label).startswith(head.surface) for e in head.of("project"))):
                wanted = {head.surface + match_form(e.label) for e in m.of("project")}
                if not any(self.lexicon.entities[iri].kind == "project" for w in wanted for iri in self.lexicon.aliases.get(w, ())):  # a name, looked up
                    frame.refusal = f"文件中没有“{head.surface}{m.entities[0].label}”这个项目，只有“{m.entities[0].label}” (no such project)"
                    return

    def _first_of_series(self, frame: Frame) -> bool:
        """「耕地保护专项资金（第一批140万那个）」: the first part asked of a project whose name states
        no part while a later part of it is loaded (…（第二批）) — the one without is the first."""
        if not re.search(self.lexicon.cues["first_part"], frame.text):
            return False
        part = re.compile(self.lexicon.cues["ordinals"])
        for m in frame.mentions:
            for label in {match_form(e.label) for e in m.of("project")}:
                if not part.search(label) and any(a.startswith(label) and part.search(a[len(label):]) for a in self.lexicon.aliases_starting(label)):
                    return True
        return False

    def _class_called_unit(self, frame: Frame) -> None:
        """「图书馆这个单位自己的基本支出」: a class's name called a unit (这个单位, 单位自己) where no
        budget unit of the documents in scope is so named — a refusal naming it, never the class's figure."""
        for m in frame.mentions:
            if m.of("budget_unit", "department", "project", "goal", "internal_unit") or not re.match(r"(?:这个|这家|该|那个)?单位(?:自己|本身|自身)?", frame.text[m.end:]):
                continue
            units = sorted({e.label for e in self.lexicon.entities.values() if e.kind == "budget_unit" and e.docs & set(frame.docs)})
            frame.refusal = f"文件中没有名为“{m.surface}”的预算单位（纳入预算的单位是{'、'.join(units) or '部门本级'}）(no such unit)"
            return

    def _unknown_unit(self, frame: Frame) -> None:
        """「保障中心的基本支出」 in a department with subordinate units: a unit's name (a name ending
        in cues.json unit_suffixes, followed by what a unit has: unit_asked_after) that no loaded
        unit, item or cue word covers is a refusal naming it, never the department's figure."""
        if not self.with_units.intersection(frame.docs):
            return
        frame.self_of_units = "self_unit" in frame.cues
        text = list(frame.text)
        cues = self.lexicon.cues
        suffixes = "|".join(sorted(cues["unit_suffixes"], key=len, reverse=True))
        inside = [m for m in frame.mentions if not m.of("budget_unit", "department", "project") and re.match(suffixes, frame.text[m.end:])]  # 「疾控中心」: a word of a unit's name
        for start, end in [(m.start, m.end) for m in frame.mentions if m not in inside] + frame.cue_spans:
            text[start:end] = "#" * (end - start)
        asked = rf"(?!{cues['unit_suffix_not_before']})(?={cues['unit_asked_after']})"  # 「X中心的基本支出」, not 「公共场所的卫生…」
        for match in re.finditer(rf"[\u4e00-\u9fff]{{2,12}}?(?:{suffixes}){asked}", "".join(text)):
            name = re.split(cues["unit_name_boundary"], match.group(0))[-1]
            if len(name) - len(re.search(suffixes + "$", name).group(0)) < 2 or name[0] in "本该全各我贵其此这那下所" or re.search(r"下属|所属|直属|二级", name):
                continue  # 「不算下属的馆」: units set apart by kind, none named
            if in_longer_word(frame.text, match.end() - 1, match.start(), match.end()) or any(name in alias for alias in self.lexicon.aliases):
                continue  # 馆 of 馆藏; a part of a name the graph knows (图书馆 read as a class, 文化站 of a project's name)
            units = "、".join(sorted({e.label for e in self.lexicon.entities.values() if e.kind == "budget_unit" and e.docs & set(frame.docs)}))
            frame.refusal = f"文件中没有名为“{name}”的预算单位（所属单位是{units}）(no such unit)"
            return

    def _other_body(self, frame: Frame, exact: list[Mention]) -> None:
        """「江北区财政局的预算」 when only other bodies are loaded: a body that is not loaded is a
        refusal, never the loaded one's figure. A body is a name ending in a body suffix
        (cues.json body_suffixes) that no loaded department, unit or item covers; the issuer in a
        cited document's name (某委员会会议纪要) is not a body asked about."""
        text = list(frame.text)
        cited = [(m.start, m.end) for m in frame.mentions if m.of("citation")]
        body_end = re.compile("|".join(sorted(self.lexicon.cues["body_suffixes"], key=len, reverse=True)))
        inside = [m for m in exact if not m.of("department", "budget_unit") and body_end.match(frame.text, m.end)]  # 「澜溪市体育局」: 体育 is a word of a body's name
        for start, end in [(m.start, m.end) for m in exact if m not in inside] + cited + frame.cue_spans:
            for k in range(start, end):
                text[k] = "#"
        for m in exact:  # 「棠溪区医疗保障局」: a short name (保障局) the noun right before it makes another body's
            before = noun_ending("".join(text[max(0, m.start - 6):m.start]))
            names = [e.label for e in m.of("department")]
            willed = re.search(r"(?:想|要|打算|准备|需要|得|来|去|能|会|在|正在|帮|替)$", frame.text[:m.start - len(before)])  # 「想交代司法局的钱」「在整理司法局的数据」: a verb's word, no body's
            timed = before in self.lexicon.cues["time_nouns"]  # 「2024年的时候农业农村局」: a time, no body's name
            if names and len(before) >= 2 and not willed and not timed and not re.search(r"[区县市省镇乡#]", before) and not any(before in n for n in names):
                loaded = "、".join(sorted({d.name for d in self.lexicon.documents.values()}))
                frame.refusal = f"已载入的是{loaded}的预算，没有“{before}{m.surface}”的数据 (that body is not loaded)"
                return
        suffixes = "|".join(sorted(self.lexicon.cues["body_suffixes"], key=len, reverse=True))
        generic = re.search(rf"[{self.lexicon.cues['generic_determiners']}](?:{suffixes})", "".join(text))  # 各局, 别的局, 其他局: bodies in general
        bodies = sorted({d.name for d in self.lexicon.documents.values()})
        told = generic and next((c for c in CLAUSE.finditer(frame.text) if c.start() <= generic.start() < c.end()), None)
        if told and told.end() < len(frame.text.rstrip("?？。 ")) and not clauses.asks(told.group(0)):
            generic = None  # 「想算算本级项目的平均规模，方便和别的局比。」: what the asker will do with it
        if generic and len(bodies) == 1 and not any(m.of("department") for m in frame.mentions):  # beside the loaded body named (「X局是不是像别的局一样…」) they ask nothing
            frame.refusal = f"问的是其他或各个部门，已载入的只有{bodies[0]}的预算 (other bodies are not loaded)"
            return
        for match in re.finditer(rf"([\u4e00-\u9fff]{{2,16}}?)(?:{suffixes})", "".join(text)):
            if match.group(0)[len(match.group(1)) - 1] in self.lexicon.cues["generic_determiners"]:
                continue
            name = match.group(0)
            if re.search(r"[了过着]", match.group(1)):
                continue  # 「哪个项目里提到了委员会」: a verb's words, not a body's name
            last = segment.current().pos().lcut(match.group(1), HMM=False)[-1]
            if (last.flag in ("v", "c", "p", "d", "m") and len(last.word) >= 2 or last.word in ("是", "在", "说", "讲", "称", "问", "看")) and re.match(r"[里内]", "".join(text)[match.end():]):
                continue  # 「有读者反映局里…」: a verb right before 局里, the loaded bureau pointed at
            named = _after_asking(match.group(1), self.lexicon.cues)
            if len(named) < 2 or only_function_words(named):
                continue  # 「想问下局里…」「想知道局里…」: the bureau pointed at, no body named 想知道局; 「都是局属单位」
            opening = match.start(1) + len(match.group(1)) - len(named)
            if re.match(r"[年月日号]", named) and re.search(r"\d$", frame.text[:opening]):
                named = named[1:]  # 「2024年枫渡区卫生健康局」: the year's 年 is no part of the body's name
            if frame.text[:match.end()].endswith(tuple(self.lexicon.cues["suffix_words"])):
                continue  # 「服务大厅」: the suffix is the end of a word of its own (大厅), no body's
            if match.group(1).startswith(tuple(honour.excluding_words())):
                continue  # 「不算局机关本级」: the loaded body's own part left out, no body named 不算局
            if name[0] in "本该全各我贵其此这那" or name in self.lexicon.vocabulary or name[len(match.group(1)) - 1] in self.lexicon.cues["self_determiners"]:
                continue  # 「请问该局」: 该局 is the loaded body, not a body named 请问该局
            if re.search(self.lexicon.cues["pointed_body"], name):
                continue  # 「2025年这个局」: the loaded body pointed at

            if any(set(name[k:]) <= set(d.name) and name[k] == d.core[:1] for d in self.lexicon.documents.values() for k in range(len(name) - 2)):
                continue  # a short form of a loaded body's name starts as it does (卫健局, 文旅体局; not 体育局)
            loaded = "、".join(sorted({d.name for d in self.lexicon.documents.values()}))
            frame.refusal = f"已载入的是{loaded}的预算，没有“{name[len(match.group(1)) - len(named):]}”的数据 (that body is not loaded)"
            return

    def _bodies_spelt(self, text: str) -> tuple[str, int | None]:
        """「鹿鸣县自然资原局」: a loaded body's name written with one character of the same sound
        (资原 for 资源) — its end, three characters or more, ending in a body suffix — spelt right;
        with where the character replaced stands."""
        suffixes = "|".join(sorted(self.lexicon.cues["body_suffixes"], key=len, reverse=True))
        tails, near = self._body_tails
        for match in re.finditer(rf"[\u4e00-\u9fff]{{2,16}}?(?:{suffixes})", text):
            said = match.group(0)
            for k in range(len(said) - 2):
                piece = said[k:]
                if piece in tails:
                    break  # written right
                for j in range(len(piece)):
                    full = near.get(piece[:j] + "?" + piece[j + 1:])
                    at = match.start() + k + j
                    if full and syllables_of(piece[j]) == syllables_of(full[j]) and not in_longer_word(text, at, match.start() + k, match.end()):  # 「发现农业农村局」: 现 is of 发现
                        return text[:match.start() + k] + full + text[match.end():], at
                short = self._short_name_by_sound(piece)
                if short is not None:  # 「人设局」: 人社局 written by its sound
                    changed = next(j for j in range(len(piece)) if piece[j] != short[j])
                    return text[:match.start() + k] + short + text[match.end():], match.start() + k + changed
        return text, None

    def _short_name_by_sound(self, piece: str) -> str | None:
        """A short name of a loaded department (人社局 of 人力资源和社会保障局) written with characters
        of the same sound, spelt right; None when it is one already or is no such name."""
        if any(abbreviates(piece, core) for core in self._core_sounds):
            return None
        for suffix, body, sounds in self._core_sounds.values():
            if not piece.endswith(suffix) or not 2 <= len(piece) - len(suffix) < len(body):
                continue
            said = syllables_of(piece[: -len(suffix)])
            if said[0] != sounds[0]:
                continue
            spelt, at = [], 0
            for sound in said:
                at = next((i for i in range(at, len(body)) if sounds[i] == sound), -1) + 1
                if at == 0:
                    break
                spelt.append(body[at - 1])
            else:
                return "".join(spelt) + suffix
        return None

    @cached_property
    def _core_sounds(self) -> dict[str, tuple[str, str, list[str]]]:
        """Each distinct loaded department name without its region, by its body suffix (局, 委员会):
        (suffix, the words before it, their sounds), read aloud once per understander, not per question."""
        found = {}
        for core in dict.fromkeys(match_form(d.core) for d in self.lexicon.documents.values()):
            suffix = next((x for x in self.lexicon.cues["body_suffixes"] if core.endswith(x)), None)
            if suffix is not None:
                found[core] = (suffix, core[: -len(suffix)], syllables_of(core[: -len(suffix)]))
        return found

    @cached_property
    def _body_tails(self) -> tuple[frozenset[str], dict[str, str | None]]:
        """The loaded bodies' name ends (three characters or more), and each with one character
        blanked (? marks it) → that end; None where two ends blank alike. Made once per understander."""
        departments = {d.department for d in self.lexicon.documents.values()}
        suffixes = tuple(self.lexicon.cues["body_suffixes"])
        names = {match_form(d.name) for d in self.lexicon.documents.values()}
        names |= {a for a, iris in self.lexicon.aliases.items() if iris & departments and a.endswith(suffixes)}  # 人社局: a short name too
        tails = {n[-k:] for n in names for k in range(3, len(n) + 1)}
        near: dict[str, str | None] = {}
        for tail in tails:
            for j in range(len(tail)):
                key = tail[:j] + "?" + tail[j + 1:]
                near[key] = tail if near.get(key, tail) == tail else None
        return frozenset(tails), near

    def _region_check(self, frame: Frame) -> None:
        """「广州市财政局」 is not 「广州市天河区财政局」: another body, another budget."""
        docs = [self.lexicon.documents[d] for d in frame.docs]
        known = list(self.lexicon.regions)
        by_core: dict[str, list] = {}  # the documents with a region by their body's name, gathered once
        for d in docs:
            if d.regions:
                by_core.setdefault(match_form(d.core), []).append(d)
        for core in sorted({match_form(d.core) for d in docs}):
            same_core = by_core.get(core, [])
            position = frame.text.find(core)
            kept: set[str] = set()  # 「棠溪区统计局和雁屏县统计局」: each body named with its region is kept
            while position >= 0 and same_core:
                region = _region_before(frame.text[:position], known)
                if region:
                    matching = [d for d in same_core if d.regions[-1] == region]
                    if not matching:
                        frame.refusal = f"已载入的是{same_core[0].name}的预算，不是{region}{same_core[0].core} (a different body)"
                        return
                    kept |= {x.iri for x in matching}
                position = frame.text.find(core, position + 1)
            if kept:
                frame.docs = [d for d in frame.docs if d not in {x.iri for x in same_core} or d in kept]
        for m in frame.mentions:  # 「澜溪市发改局」: a short name after a region that is not the body's own
            bodies = [self.lexicon.documents[d] for e in m.of("department") for d in e.docs if d in self.lexicon.documents]
            region = _region_before(frame.text[:m.start], known) if bodies and match_form(bodies[0].core) not in m.surface else None
            if region and all(b.regions and b.regions[-1] != region for b in bodies):
                frame.refusal = f"已载入的是{bodies[0].name}的预算，不是{region}{m.surface} (a different body)"
                return
        other = _region_before_body(frame, known, self.lexicon.cues["place_words"])
        if other:
            frame.refusal = f"已载入的是{docs[0].name}的预算，不是{other} (a different body)"
            return
        whole = re.search(self.lexicon.cues["whole_region"], frame.text)
        if whole and docs and not any(m.of("department", "budget_unit") for m in frame.mentions):
            said = re.sub(r"^[，,。:：；;]|\d{4}年|今年|的$", "", whole.group(0))
            frame.refusal = f"已载入的是{docs[0].name}的预算，不是“{said}”的 (a whole region's budget is not loaded)"
            return
        upper = next((r for d in docs for r in d.regions[:-1] if f"{r}本级" in frame.text), None)
        if upper:  # 「云川市本级的X」: the city's own level, not the district's body of that name
            frame.refusal = f"已载入的是{docs[0].name}的预算，不是“{upper}本级”的 (another level of government)"
            return
        for word, level in self.lexicon.cues["level_words"].items():
            if word in frame.text and docs and all(d.regions and not d.regions[-1].endswith(level) for d in docs):
                frame.refusal = f"已载入的是{docs[0].name}（{docs[0].regions[-1] if docs[0].regions else ''}）的预算，没有{word}单位的数据"
                return

    # -- measures bound to mentions -----------------------------------------------------------
    def _measures(self, frame: Frame, cues) -> None:
        """基本支出中的X → X in the 基本支出 sense; a measure alone is itself what is asked for."""
        measure_spans = []
        for start, end, _word, groups in cues:
            for g in groups:
                if g.startswith("measure:"):
                    measure_spans.append((start, end, g.split(":", 1)[1]))
        template = load_template()
        named = list(dict.fromkeys([*measure_spans, *((m.start, m.end, x.label) for m in frame.mentions for x in m.entities if x.label in template.measures)]))  # a name a thousand documents share is one
        for start, end, name in named:  # 「一般公共预算项目支出」: that fund's part of the expenditure, one measure
            fund = template.measures[name].fund if name in template.measures else None
            after = next((n for a, _, n in named if a >= end and FUND_TO_MEASURE.fullmatch(frame.text[end:a])
                          and n in template.measures and template.measures[n].expenditure), None)
            only = fund and re.search(self.lexicon.cues["fund_only"], frame.text[:start])  # 「只算一般公共预算拨款、不算其他资金」: the fund's table
            if fund and (after and template.fund_table(fund, after) is not None or only):
                frame.fund = fund
                measure_spans = [x for x in measure_spans if (x[0], x[1]) != (start, end)]
                frame.mentions = [m for m in frame.mentions if (m.start, m.end) != (start, end)]
        kept: list[Mention] = []
        for m in frame.mentions:
            measure_entities = m.of("measure")
            names = {e.label for e in measure_entities}
            known = self.lexicon.cues["measures"]
            if names and not names & set(known) and len(m.entities) == len(measure_entities) + len(m.of("term")):
                frame.totals.append(f"column:{sorted(names)[0]}")  # 「事业单位经营支出是多少」: that column's total
                continue
            if names and len(m.entities) == len(measure_entities) + len(m.of("term")):
                measure_spans.append((m.start, m.end, sorted(names)[0]))
                if m.of("term"):
                    m.entities = m.of("term")
                    kept.append(m)
                continue
            if measure_entities and m.of("line_item"):
                m.entities = [e for e in m.entities if e.kind != "measure"]
            kept.append(m)
        kept = _appropriation_of_fund(_fund_after_its_thing(frame.text, kept, template), template)
        frame.mentions = kept
        value = [m for m in kept if m.kinds() & {"classification", "line_item", "project", "figure", "goal", "budget_unit", "department"}]
        free: list[str] = []
        spans = sorted(measure_spans)
        runs = honour.left_out_spans(frame.text)
        kept_spans = [x for x in spans if not honour.excluded_before(frame.text, x[0]) and not any(a <= x[0] < b for a, b in runs)]  # 「只看项目，基本支出不算」
        spans = kept_spans if kept_spans else spans  # 「刨掉基本支出，项目支出那部分」: the measure left out is not asked
        for k, (_start, end, name) in enumerate(spans):
            target = next((m for m in value if m.start >= end and self._connected(frame.text[end:m.start])), None)
            joined = k + 1 < len(spans) and JOINER.fullmatch(frame.text[end:spans[k + 1][0]])
            if target is None and joined:  # 「基本支出和项目支出里的电费」: 电费 in each sense
                target = next((m for m in value if m.start >= spans[k + 1][1] and self._connected(frame.text[spans[k + 1][1]:m.start])), None)
                if target is not None and target.measure is None and not (target.kinds() & {"department", "budget_unit"}):
                    twin = copy.copy(target)
                    twin.measure = name
                    kept.append(twin)
                    continue
            if target is not None and target.measure is None and not (target.kinds() & {"department", "budget_unit"}):
                target.measure = name
            else:
                free.append(name)
        for before, after in zip(value, value[1:], strict=False):  # 「基本支出中水费和电费」: 电费 in the same sense
            if before.measure and after.measure is None and JOINER.fullmatch(frame.text[before.end:after.start]) and not (after.kinds() & {"department", "budget_unit"}):
                after.measure = before.measure
        free = self._compared_in_measure(frame, kept, free, spans)
        kept.sort(key=lambda m: (m.start, m.measure or ""))
        frame.measures = free
        frame.mentions = [m for m in kept if not (m.kinds() <= {"term"} and m.surface in {match_form(x) for x in free} and not (frame.cues & {"definition", "glossary"}))]

    @staticmethod
    def _connected(gap: str) -> bool:
        gap = re.sub(r"\d{4}年", "", gap)
        return gap == "" or gap in CONNECTORS or len(gap) <= 2 and all(ch in "中里下之面当间部分" for ch in gap)

    # -- operators, thresholds, N, tables, levels ---------------------------------------------
    def _modifiers(self, frame: Frame, cues) -> None:
        text = frame.text
        comparators = self.lexicon.cues["comparators"]
        named_ends = ({end for _, end, _, groups in cues if any(g.startswith("measure:") for g in groups)}
                      | {m.end for m in frame.value_mentions() if not m.of("department")})  # 「档案馆总预算」: a body's total is the whole, though a class bears its name too
        apart = _set_apart_spans(text)
        for start, end, word, groups in cues:
            if "comparator" in groups:
                number = self._number_near(text, start, end)
                if number is not None and (CHANGED_TO.match(text, end) or MOVED_TO.search(text[:start])):
                    number = None  # 「从2024年不到600万涨到2025年1400多万」「从一万多万掉到不到两千万」: a figure described, not a bound
                if number is not None:
                    frame.operator = comparators[word]
                    frame.threshold = number
                    if left_out_before(text, start):  # 「除了超过300万元的项目，其余的」: the members outside the bound
                        frame.operator = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}[frame.operator]
                    elif frame.operator in ("<=", ">=") and self._bound_left_out(text, start, number):
                        frame.operator = frame.operator[0]  # 「整500万的先不算，500万以下的里最大的」: the bound itself is out
            in_document = "set:citations" in groups and re.match(r"的?(?:里|中|上|说|写|给|讲|提|第|表|附|列)", text[end:])  # 「2025年文件里…」「文件第三部分列了…」: the document itself, no set of cited ones
            narrower = frame.set_kind == "projects" and "set:key_projects" in groups  # 「哪些项目是重点项目」: the key projects
            pointed = (re.search(r"(?:这|该|此)一?个?$", text[:start]) and "set:projects" in groups
                       and any(m.of("project", "goal") for m in frame.mentions))  # 「X…这个项目今年一共给了多少钱」: one project, no set
            if any(g.startswith("set:") for g in groups) and (frame.set_kind is None or narrower) and not _names_kind_of(frame, start, end) and not in_document and not pointed:
                frame.set_kind = next(g.split(":", 1)[1] for g in sorted(groups) if g.startswith("set:"))
            if "level" in groups:
                level = self.lexicon.cues["levels"][word]
                left = honour.excluded_before(text, start) or left_out_before(text, start) or any(a <= start < b for a, b in honour.left_out_spans(text))  # 「（不算302、310这种大类合计）」
                frame.level = level + 1 if left else level  # 「不要大类合计，只要下面的细项」: the level below the one left out
            counted = len(frame.value_mentions()) >= 2 and COUNTED_BEFORE.search(text[:start])
            for g in groups:
                if g.startswith("total:") and counted:  # 「A、B、C三类支出合计」: the named things' sum, not the total
                    frame.cues.add("sum")
                elif g.startswith("total:") and start not in named_ends and not any(a <= start < b for a, b in apart):  # 「一般公共预算支出合计」: the named thing's own total; 「（注意不是支出总额）」 names none
                    frame.totals.append(g.split(":", 1)[1])
        sums = [(start, end, word) for start, end, word, groups in cues if "sum" in groups]
        names = [match_form(n) for n in frame.measures] + [m.surface for m in frame.mentions]
        before = {start: next((n for n in names if n and text[:start].endswith(n)), None) for start, _, _ in sums}
        if sums and frame.cues & {"compare", "ratio"} and all((start in named_ends or before[start]) and word in ("总计", "合计") for start, _, word in sums):
            frame.cues = frame.cues - {"sum"}  # 「法律援助处的基本支出总计」: the total of what is named, no sum asked
            frame.name_spans += [(start - len(before[start] or ""), end) for start, end, _ in sums]
        frame.range = stated_range(normalize(frame.question))
        asked = text[_story_end(text):]  # 「…，但大部分是0。真正有预算安排的有哪几个」: a statement's 是0 bounds nothing
        if frame.range is None and re.search(r"(?<![不非])(?:是|为|等于)(?:0|零)(?![.\d万元])|(?<![不非])为零|金额为0的", asked) and re.search(r"哪|几", asked):
            frame.range = Range(Decimal(0), Decimal(0), False, False)  # 「哪些是0」: the members whose amount is nought
        if frame.set_kind is None:  # 「纳入预算的单位有哪些」: a set named by the question's last words
            ending = text.rstrip("?？。!！ ")
            frame.set_kind = next((kind for kind, words in self.lexicon.cues["sets_at_end"].items() if ending.endswith(tuple(words))), None)
        if frame.set_kind == "budget_units":  # 「事业单位有哪几家」: the kind of unit asked, not 事业单位医疗 by a part of its name
            frame.mentions = [m for m in frame.mentions if not (m.partial and m.surface.endswith("单位"))]
        asking = [c.span() for c in re.finditer(r"[^，,。？?；;！!]+[，,。？?；;！!]?", text) if clauses.asks(c.group(0))] or [(0, len(text))]
        if any(a <= m.start() < b for m in re.finditer(self.lexicon.cues["nonzero"], text) for a, b in asking) and frame.operator is None:  # 「工程类和服务类都有钱，那货物类…是多少」: told, not asked
            frame.operator, frame.threshold = ">", Decimal(0)  # 「不是零的有哪几项」
        top = TOP_N.search(text)
        if top and top.group(1) == "1" and re.search(r"后[一1](?:项|个)|后者", text):
            top = None  # 「后一项比前一项多多少」: the two named last, no top N
        told = top and next((c.group(0) for c in re.finditer(r"[^，,。？?；;！!]+", text) if c.start() <= top.start() < c.end()), "")
        if top and not any(a <= top.start() < b for a, b in asking) and re.search(r"排在|排进|位列|都在|都是|属于", told):
            top = None  # 「X两年都排在项目金额的前两位，2025年比2024年少了多少」: told of X, no top N asked
        if top:
            frame.n = int(top.group(1) or top.group(2))
        rank = RANK.search(text)
        if rank:
            digit = rank.group("a") or rank.group("b") or rank.group("c") or "2"
            frame.rank = int(digit) if digit.isdigit() else "一二三四五六七八九".index(digit) + 1
            frame.mentions = [m for m in frame.mentions if not (m.partial and rank.start() <= m.start < rank.end())]  # 「第二大」: no part of 「（第二批）」
            if re.search("[少小低]", rank.group(0)) or rank.group("from_last") or any(w in match_form(frame.question or text) for w in cue_data("rank")["ascending"]):
                frame.cues.add("min")  # 「按金额从小到大排，排在第二位的」: the second smallest
        self._table_and_unit(frame)

    def _table_and_unit(self, frame: Frame) -> None:
        """The table, classification and unit the question asks in, read apart from what it asks of them."""
        text = frame.text
        table = TABLE.search(text)
        scoped = load_template().scoped_in(text)
        if scoped and not (table and table.start() > scoped[1]):  # 「财政拨款口径下的城乡社区支出」: 表4's figure, 财政拨款 no figure asked (a table the context named before it aside)
            frame.table, frame.money_scope = scoped[0].number, scoped[0].scope
            _set_aside(frame, [m for m in frame.mentions if scoped[1] <= m.start and m.end <= scoped[2]])
        elif table:
            frame.table = int(table.group(1))
        elif (titled := load_template().named_in(text)) is not None:  # 「支出总体情况表里」: the table by its title
            frame.table = titled.number
        if (every := load_template().all_funds_in(text)) is not None:  # 「支出合计（含其他资金）」: of every fund, 其他资金 no figure asked
            frame.table = frame.table or every[0].number
            _set_aside(frame, [m for m in frame.mentions if every[1] <= m.start and m.end <= every[2]])
        if "set:economic" in frame.cues or "经济" in text:
            frame.classification = "economic"
        elif "set:functional" in frame.cues or "功能" in text:
            frame.classification = "functional"
        if frame.level is None and frame.set_kind in ("functional", "economic") and re.search(r"哪[一几]?类|哪些类", text):
            frame.level = 1  # 「按功能分类，哪一类支出最多」: 类 is the classification's top level
        unit = UNIT_ASKED.search(text)
        if unit:
            frame.unit_word = unit.group(1)
        if frame.unit_word is None and self.people_asked.search(text):
            frame.unit_word = "人"
        for noun, unit_name in self.lexicon.cues["unit_nouns"].items():  # 「故障次数」 asks in 次
            if frame.unit_word is None and noun in text:
                frame.unit_word = unit_name
        frame.unit_word = frame.unit_word or answer_unit(text)  # 「降幅」 asks in %
        frame.want_yuan = bool(re.search(r"多少元|以元|单位[:：是为]?元|折合.?元|换算成元|几元", text))
        if "%" in text or "百分" in text:
            frame.unit_word = "%"


    @classmethod
    def _bound_left_out(cls, text: str, start: int, bound: Decimal) -> bool:
        """A stretch the question leaves out (整500万的先不算, 不算500万的) holding the bound's own amount
        and not the bound's words: the members at the bound are not asked."""
        for a, b in honour.left_out_spans(text):
            if not a <= start < b and any(cls._number_near(text, m.start(), m.start()) == bound for m in NUMBER.finditer(text, a, b)):
                return True
        return False

    @staticmethod
    def _number_near(text: str, start: int, end: int) -> Decimal | None:
        after = NUMBER.match(text, end) or NUMBER.match(text, end + 1)
        window = max(0, start - 12)
        before = list(NUMBER.finditer(text, window, start))
        match = after if after and after.start() <= end + 1 else (before[-1] if before and before[-1].end() >= start - 1 else None)
        if match is None or text.startswith(("年", "个年度"), match.end()):  # 「安排过、2025年」: a year, not an amount
            return None
        value = Decimal(match.group(1))
        unit = match.group(2) or "万元"
        if unit.startswith("亿"):
            value *= 10000
        elif unit == "元":
            value /= 10000
        return value

    def _totals_named_by_terms(self, frame: Frame) -> None:
        """「财政拨款收入多少？」 asks for a total, not for the glossary term of that name; a
        department and 「预算」 alone ask for the whole budget (the template's whole_budget total)."""
        if frame.table and not frame.value_mentions() and not frame.measures and not frame.totals and frame.set_kind is None:
            frame.totals.append(f"表{frame.table}:合计")  # 「表9的合计是多少」
            return
        if "amount" not in frame.cues and frame.unit_word is None and not re.search(r"多少|几|多大", frame.text):
            return
        synonyms = {match_form(w): total for total, words in self.lexicon.cues["totals"].items() for w in words}
        kept = []
        for m in frame.mentions:
            if m.kinds() <= {"term"} and m.surface in synonyms and not (frame.cues & {"definition", "glossary"}):
                holds = re.match(r"(?:里面|里|中|当中|之中)[,，]?", frame.text[m.end:]) and any(o.start >= m.end for o in frame.value_mentions()) and "ratio" not in frame.cues
                if not holds:  # 「财政拨款收入里，政府性基金预算有多少」: the total holds the thing asked
                    frame.totals.append(synonyms[m.surface])
            else:
                kept.append(m)
        frame.mentions = kept
        asks_whole = any(match_form(w) in frame.text for w in self.lexicon.cues["whole_budget"])
        named = [m for m in frame.mentions if m.kinds() & {"department", "budget_unit"}]
        body = named or self._one_department or any(match_form(w) in frame.text for w in self.lexicon.cues["whole_budget_of_body"])  # 「部门预算有多大」「2025年预算是2024年的几倍」: the body loaded
        if asks_whole and body and not frame.value_mentions() and not frame.measures and not frame.totals and not frame.set_kind:
            frame.totals.append(load_template().whole_budget)
        things = [m for m in frame.value_mentions() if not m.kinds() <= {"department", "budget_unit"}]
        units = [m for m in named if m.of("budget_unit") and not m.of("department")]  # 「图书馆的支出」: a unit's, not the department's
        if not things and not frame.measures and not frame.totals and not frame.set_kind and not units:
            bare = [total for word, total in self.lexicon.cues["bare_totals"].items() if word in frame.text]
            if len(bare) == 1:  # 「2026年支出比2025年少了多少」「今年收入多少」: the department's total
                frame.totals.append(bare[0])

    # -- what is left over ---------------------------------------------------------------------
    def _unknown(self, frame: Frame, cues) -> list[str]:
        """Content nouns in the question that the lexicon and cue tables do not know."""
        unknown: list[str] = []
        vocabulary = self.lexicon.vocabulary
        for chunk in self._residue(frame, cues):
            for word in content_nouns(chunk):
                if len(word) >= 2 and word not in vocabulary and word not in self.stopwords and not all(ch in self._function_chars for ch in word):
                    unknown.append(word)
        unknown += [w for w in self._single_characters(frame) if w not in unknown]
        unknown = [w for w in unknown if not is_known(w, frame.text, frame.mentions, self.own_suffixes)]  # 幅度, 前者, 光是, 表里, 全局 … (qa/known.py)
        unknown = [w for w in unknown if not self._aside_word(frame, w)]
        if frame.range is not None or frame.threshold is not None:  # 「落在这个区间的」: the range the question states
            unknown = [w for w in unknown if w not in self.lexicon.cues["range_nouns"]]
        said = [w for w in self.lexicon.cues["persons"]  # 「民政局长」: a person's title written on a body's short name is outside it
                if any(not any(m.start <= a and a + len(w) <= m.end for m in frame.mentions) for a in (k.start() for k in re.finditer(re.escape(w), frame.text)))]
        unknown += [w for w in said if w not in unknown
                    and (not self._aside_word(frame, w) or re.search(self.lexicon.cues["person_asked"], frame.text[frame.text.find(w):]))]  # a person's pay or name (股长: not the set word 股); 「听说馆长…，他一年的工资」: asked by 他
        frame.breakdown = self._breakdowns(frame)
        unknown += [w for w in frame.breakdown + self._parts_of_projects(frame, cues) + self._offices_not_loaded(frame) + self._institutions_not_loaded(frame) + self._works_not_loaded(frame)
                    + self._bodies_past_names(frame) + self._parts_inside_projects(frame) + self._name_parts_apart(frame) + self._money_of_unnamed(frame, cues)
                    + [w for w in self._other_modifier(frame) if not self._aside_word(frame, w)] + self._narrower_than_class(frame) + self._noun_after_part(frame) + self._attribute_asked(frame) + self._counted_noun(frame)
                    + self._unnamed_project(frame) if w not in unknown]
        return unknown + [w for w in self._run_on_names(frame, cues) if w not in unknown]

    def _single_characters(self, frame: Frame) -> list[str]:
        """「基本支出的电废是多少」: two characters right after a name or measure, left single by the segmenter and one
        character off a two-character class of the documents (电费), are a misspelt name the answer cannot use — never nothing."""
        ends = {m.end for m in frame.mentions} | {b for _, b in frame.name_spans} | {b for _, b in occurrences(frame.measure_words(), frame.text)}
        out = []
        for end in sorted(ends):
            pair = frame.text[end:end + 2]
            chars = tokenizer().lcut(frame.text[end:end + 4], HMM=False)[:2]
            if [len(w) for w in chars] == [1, 1] and pair not in self._short_classes and any(
                    sum(a != b for a, b in zip(pair, c, strict=True)) == 1 for c in self._short_classes) and not any(pair in alias for alias in self.lexicon.aliases):
                out.append(pair)  # 「文旅局」: a short name the lexicon knows holds it
        return out

    @cached_property
    def _short_classes(self) -> frozenset[str]:
        """The documents' two-character classes and items (电费, 水费): what a two-character typo may stand for."""
        return frozenset(match_form(e.label) for e in self.lexicon.entities.values()
                         if e.kind in ("classification", "line_item") and len(match_form(e.label)) == 2)

    def _other_modifier(self, frame: Frame) -> list[str]:
        """「机构养老服务补贴」 for 居家养老服务补贴, 「…机构标准化建设经费」 for 党建及精神文明建设经费: a noun written right before a project named by the rest
        of its name (or a figure by a short name: 密集架采购 for 政府采购), where the name has a word of its own (居家) — another thing, which no name is."""
        out = []
        for m in frame.mentions:
            classes = m.of("classification", "line_item") if re.match(r"(?:专项)?(?:经费|资金|项目)", frame.text[m.end:]) else []  # 「防汛物资储备经费」 by 粮油物资储备支出's part: a project's name
            labels = [match_form(e.label) for e in m.of("project", "goal") + classes] if m.partial else [match_form(e.label) for e in m.of("figure") if len({e.label for e in m.entities}) == 1]
            if not labels or any(o.end == m.start for o in frame.mentions):
                continue  # 「密集架采购价」: 采购 for 政府采购, its own word 政府 where the question has 密集架
            oov = [w for w in segment.unknown_nouns(frame.text[max(0, m.start - 6):m.start]) if frame.text[:m.start].endswith(w)]
            if oov and m.partial:  # 「河长制工作经费」: a word jieba does not know, right before a name's part, makes another thing
                out.append(oov[0] + m.surface)
                continue
            cut = _words_before(frame.text, m.start)
            word = cut[-1] if cut else None
            if word is None or len(word.word) < 2 or any(word.word in label for label in labels):
                continue
            asked = max((k + 1 for k, w in enumerate(cut) if re.match(r"哪|什么|几|多少", w.word)), default=0)  # 「局里哪个股室负责…」: what is before the asking word is another phrase
            nouns = [w.word for w in cut[asked:] if w.flag.startswith("n") and len(w.word) >= 2 and w.word not in self.stopwords]
            if not (word.flag.startswith(("n", "vn")) or word.flag.startswith("v") and nouns and not any(n in label for n in nouns for label in labels)):
                continue  # 标准化|建设经费: vn; 家庭医生签约|服务补助: nouns the name lacks before a verb
            if all(label.find(m.surface) > 0 for label in labels):  # the name has its own word where the question has another
                out.append(word.word + m.surface)
        return out

    def _unnamed_project(self, frame: Frame) -> list[str]:
        """「森林防火瞭望塔建设项目今年预算是多少」「矿山生态修复治理专项经费安排了多少」: a project named by words no name holds, its amount asked
        (no list, no count) — a project the document does not have, never the list of all projects. So is
        such a name when the question names no thing at all (「今年的教师招聘考试经费是多少」「安排的X项目经费是多少」:
        never the department's total or its 项目支出)."""
        nothing_named = frame.set_kind is None and not any(m.kinds() - {"department", "budget_unit"} for m in frame.mentions)
        if (frame.set_kind != "projects" and not nothing_named or frame.name_part or name_filter.stated(frame.text)
                or re.search(r"哪|几|列|多少个|多少项|有什么|各|分别|都|所有|全部|平均|数量|合起来|加起来|合计|一共|总共|占", frame.text)):
            return []
        for said in re.finditer(r"([\u4e00-\u9fff]{4,16}?)(?:专项)?(?:项目|经费|资金)", frame.text):
            name = re.split(r"[的里中年在]", said.group(1))[-1]  # 「2025年预算里的X项目」: the name is X
            start, end = said.end(1) - len(name), said.end(1)
            start = max([start] + [m.end for m in frame.mentions if m.kinds() <= {"department", "budget_unit"} and start <= m.start < end])  # 「应急管理局无人机采购项目」
            start = max([start] + [b for a, b in frame.cue_spans if a == start and b < end and is_verb(frame.text[a:b])])  # 「安排X项目经费」: the verb before the name is no part of it
            name = frame.text[start:end]
            if frame.text.startswith("支出", said.end()) or re.search(r"想|问|知道|了解", name):
                continue  # 「我想知道项目支出…」: the measure 项目支出, the asker's words
            if len(name) < 4 or re.search(r"方面|相关|有关|类|这|那|各|每|个|名|含|带", name) or "amount" not in frame.cues:
                continue  # 「党建方面的项目」: a topic, a set
            written = name + said.group(0)[len(said.group(1)):]
            if any(_one_off(written, match_form(e.label)) for m in frame.mentions for e in m.entities):
                continue  # 「知识产权保户专项经费」: a typo of a name, corrected later
            taken = [(m.start, m.end) for m in frame.mentions if not m.partial or any(name in match_form(e.label) for e in m.entities)] + list(frame.cue_spans)
            if not any(a < end and start < b for a, b in taken):  # 「耕地保护补偿项目」 read as part of 耕地保护专项资金: no name holds it
                return [written]
            inside = [m for m in frame.mentions if start <= m.start < end]
            lead = frame.text[start:min([m.start for m in inside] + [end])]
            nouns = content_nouns(lead) if inside and len(lead) >= 2 else []
            if nouns and not any(n in match_form(e.label) for n in nouns for m in inside for e in m.entities):
                return [written]  # 「无人机采购项目」 beside 政府采购: words before the name linked make another
        return []

    def _attribute_asked(self, frame: Frame) -> list[str]:
        """「各项目的绩效自评得分是多少」: the word right before 是多少 names what is asked, whatever jieba
        tags it (得分 is tagged a verb); one the documents and cue words do not know is unknown."""
        out = []
        for asked in re.finditer(r"([\u4e00-\u9fff]{2,6})(?:是|为)(?:多少|几)", frame.masked()):
            words = segment.current().pos().lcut(asked.group(1), HMM=False)
            word = words[-1].word if words and words[-1].flag.startswith("v") else ""  # nouns are read as nouns (_unknown)
            cued = any(a < asked.end(1) and asked.end(1) - len(word) < b for a, b in frame.cue_spans)
            if len(word) >= 2 and not cued and word not in self.lexicon.vocabulary and word not in self.lexicon.cues["modal_words"] and match_form(word) not in self.stopwords and word not in self.cue_words \
                    and not is_known(word, frame.text, frame.mentions, self.own_suffixes):
                out.append(word)
        return out

    def _aside_word(self, frame: Frame, word: str) -> bool:
        """「手头没有教育局2024年的预算文件，…」「审计那边想核一下网络安全方面的投入，…」: a word the documents do not
        know, said only in clauses before the last that ask nothing and name no thing nor unit (a department at most), or
        as the source of what the asker heard (听老师说, 教练跟我说), is the asker's own context."""
        asks = self.lexicon.cues["clauses"]["asks"]
        spans = [m.span() for m in CLAUSE.finditer(frame.text)]
        found = [k for k, _ in occurrences([word], frame.text)]
        if not found or len(spans) < 2:
            return False
        body = word.endswith(tuple(self.lexicon.cues["body_suffixes"] + self.lexicon.cues["unit_suffixes"]))

        def aside(k: int) -> bool:
            if re.search(rf"(?:听|据){re.escape(word)}[\u4e00-\u9fff]{{0,3}}说|{re.escape(word)}[\u4e00-\u9fff]{{0,3}}(?:跟我|和我|对我)说", frame.text[max(0, k - 2):k + len(word) + 6]):
                return True  # 「听老师说」「足球队教练跟我说」: who said it
            if body:
                return False  # 「我在看云川市财政局的预算。」: a body not loaded is never context
            a, b = next((a, b) for a, b in spans if a <= k < b)
            if a < spans[-1][0] and word not in self.lexicon.cues["persons"] and not re.search(asks, clauses.unasked(frame.text[a:b])) \
                    and re.search(self.lexicon.cues["clauses"]["concern"], frame.text[a:b]):
                return True  # 「种粮补贴这块我比较关心，…」: the asker's concern
            if a >= spans[-1][0] or re.search(asks, clauses.unasked(frame.text[a:b])) or not segment.says_something(frame.text[a:b].replace(word, "")) \
                    or re.search(r"(?:那块|这块|那部分|方面|领域|里|中)[,，:：]?$", frame.text[a:b]):
                return False  # 「公厕那块，项目支出是多少」: a scope, not a story
            if re.search(rf"、{re.escape(word)}|{re.escape(word)}、", frame.text[a:b]) and re.search(r"等|之类|这些", frame.text[a:b]):
                return True  # 「X这个口径包括办公费、水电费、差旅费等一大串，」: one of the examples listed
            if re.search(self.lexicon.cues["asker_intent"], frame.text[a:b]) or honour.hearsay(frame.text[a:b]):
                return True  # 「我们想评估一下中心的办公条件，…」「单位领导让我核一下数，…」「听说X对整改有时间要求，…」: what the asker means to do or heard
            if commentary.hedged(frame.text[a:b]):
                return True  # 「X2025年好像只剩个零头了，」: a word of the asker's guess, whatever the clause names
            return (all(m.kinds() <= {"department"} for m in frame.mentions if a <= m.start < b)
                    and not re.search(r"本级|下属|单位|中心", frame.text[a:b]))  # 「本级和下属中心的走势好像相反，…」: units compared scope the ask

        return all(aside(k) for k in found)

    def _counted_noun(self, frame: Frame) -> list[str]:
        """「价格认证中心有几个编制」: a count of a noun that no set of the documents is (编制, a staff quota, though
        project names hold the word) asks a number the documents do not give — never the count of all projects."""
        if "count" not in frame.cues or frame.set_kind:
            return []
        sets = {match_form(w) for words in self.lexicon.cues["sets"].values() for w in words}
        out = []
        for counted in re.finditer(r"(?:几|多少)(?:个|名|位)([\u4e00-\u9fff]{2,4})(?=[?？。，,呢吗]|$)", frame.masked()):
            words = segment.current().pos().lcut(counted.group(1), HMM=False)
            noun = words[0].word if len(words) == 1 and words[0].flag[:1] in ("n", "v") else ""  # 编制 is tagged a verb
            if len(noun) >= 2 and not any(w.endswith(noun) for w in sets) and noun not in self.cue_words and noun not in self.lexicon.cues["units_asked"]:  # 几个小时: a unit
                out.append(noun)
        return out

    def _noun_after_part(self, frame: Frame) -> list[str]:
        """「社会保险基金的收支」 linking 社会保险事业管理中心 by 社会保险: a noun right after a part or short form of a name,
        which the name lacks and no cue word reads, makes another thing (社会保险基金) the documents do not hold."""
        out = []
        if "performance" in frame.cues or re.search(r"目标|指标", frame.text) or frame.unit_word not in (None, "万元", "元"):
            return out  # 「全民健身路径这个目标」「培训业务人员多少人次」: a target's own words
        taken = [(m.start, m.end) for m in frame.mentions] + list(frame.cue_spans)
        for m in frame.mentions:
            short = m.partial or all(match_form(e.label) != m.surface for e in m.entities)  # a part of the name, or a short name (养老保险)
            if not short or not m.kinds() & {"budget_unit", "classification"} or m.of("project", "goal"):
                continue
            rest = re.match(r"[\u4e00-\u9fff]{0,6}", frame.text[m.end:]).group(0)
            if any(rest.startswith(w) for w in self._measure_words) or any(a == 0 for a, *_ in self.cues_in(rest, [False] * (len(rest) + 1))):
                continue  # 「不动产登记中心基本支出」: a measure or cue word follows, no noun of another thing
            cut = segment.current().pos().lcut(rest, HMM=False)
            word = cut[0] if cut else None
            if (word is None or len(word.word) < 2 or not word.flag.startswith("n") or word.word in self.cue_words or match_form(word.word) in self.stopwords
                    or any(a <= m.end < b for a, b in taken) or re.fullmatch(self.lexicon.cues["name_kind_words"], word.word)
                    or any(word.word in match_form(e.label) for e in m.entities) or is_known(word.word, frame.text, frame.mentions, self.own_suffixes)):
                continue
            out.append(m.surface + word.word)
        return out

    def _narrower_than_class(self, frame: Frame) -> list[str]:
        """「政务云服务租赁费」: nouns written right onto a class's whole name (租赁费), naming nothing
        else the question says, make a narrower thing no line states — never the class's total."""
        out = []
        taken = [(m.start, m.end) for m in frame.mentions] + list(frame.cue_spans) + list(frame.name_spans)
        for m in frame.mentions:
            if m.partial or not m.kinds() <= {"classification", "line_item"} or not re.search(r"[\u4e00-\u9fff]", m.surface):
                continue  # a code names its item whole
            run = re.search(r"[\u4e00-\u9fff]{2,8}$", frame.text[:m.start])
            if run is None or frame.text[:m.start].endswith(self.lexicon.regions):
                continue  # 「桐溪区殡葬这个科目」: the loaded body's region, no narrower thing
            start = max([run.start()] + [b for a, b in taken if run.start() < b <= m.start])
            words = segment.current().pos().lcut(frame.text[start:m.start], HMM=False)
            nouns = []
            for w in reversed(words):
                if (not w.flag.startswith(("n", "vn")) or match_form(w.word) in self.stopwords or w.word in self.cue_words or of_the_document(w.word)
                        or is_known(w.word, frame.text, frame.mentions, self.own_suffixes)):
                    break  # 「基本支出表里其他工资福利支出」: where it stands, no narrower thing
                nouns.insert(0, w.word)
            said = "".join(nouns)
            if len(said) >= 2 and not any(said in match_form(e.label) for e in m.entities) and said + m.surface in (frame.question or ""):
                out.append(said + m.surface)  # written so: not joined by the 的 match form drops (「不是财政拨款的“其他资金”」)
        return out

    def _money_of_unnamed(self, frame: Frame, cues) -> list[str]:
        """「办公的钱」: the kind of money asked, in a word no name or cue word takes (办公 is no line's
        name) — never the whole budget in its place."""
        if frame.value_mentions():
            return []  # 「日常公用开支（商品和服务支出）」: the thing is named beside the words
        residue = self._residue_text(frame, cues)
        out = []
        for match in re.finditer(r"的?(?:钱|开销|开支|费用)", frame.text):  # match form drops 的
            if re.match(r"[(（]", frame.text[match.end():]):
                continue  # 「日常运转开支（基本支出）」: the bracket names it
            run = residue[:match.start()].rsplit(" ", 1)[-1]
            words = tokenizer().lcut(run, HMM=False) if run else []
            word = words[-1] if words else ""
            if len(word) >= 2 and word not in self.stopwords and not any(ch in self._function_chars or ch in "单每各" for ch in word):  # 一分钱, 单笔钱
                out.append(word + "的" + match.group(0).lstrip("的"))
        return out

    def _bodies_past_names(self, frame: Frame) -> list[str]:
        """「社会福利院的基本支出」: a class's name written on into a body's kind word (院, 所, 站, 中心)
        names a body, not the class; no loaded body is named so (those link whole)."""
        out = []
        for m in frame.mentions:
            suffix = re.match(r"院|所(?![占有在属以谓得需用])|站(?![在])|中心|学校", frame.text[m.end:])  # 所占 is no 所
            if suffix and m.kinds() <= {"classification", "line_item", "term"} and not any(x.start == m.end for x in frame.mentions):
                out.append(m.surface + suffix.group(0))
        return out

    def _parts_inside_projects(self, frame: Frame) -> list[str]:
        """「宣传工作经费里印刷费是多少」: a class inside a project — no document breaks a project down by
        economic class."""
        columns = self._columns
        out = []
        for a, b in zip(frame.mentions, frame.mentions[1:], strict=False):
            if (a.of("project") and not a.of("classification") and b.kinds() <= {"classification", "line_item"} and not {e.label for e in b.entities} & columns
                    and b.surface not in columns and re.fullmatch(self.lexicon.cues["part_of_project"], frame.text[a.end:b.start])):  # 「X两千七百多万，其中印刷费」「X具体拆到A、B」
                out.append(f"{a.surface}中的{b.surface}")
        return out

    def _name_parts_apart(self, frame: Frame) -> list[str]:
        """「春节八一走访慰问经费…其中春节和八一各分多少」: words of a project's own name asked each apart
        (two or more, after the name, joined) are parts of it the document does not split."""
        for m in frame.mentions:
            labels = {match_form(e.label) for e in m.of("project", "goal")}
            if len(labels) != 1:
                continue
            label = next(iter(labels))
            said = NAME_PARTS_APART.match(frame.text, m.end)
            parts = re.split(r"[、和与及跟]", said.group("parts")) if said else []
            if len(parts) >= 2 and all(len(w) >= 2 and w in label and w != label for w in parts):
                return [f"{m.surface}中的{'、'.join(parts)}"]
        return []

    def _body_by_a_projects_name(self, frame: Frame) -> None:
        """「劳动人事争议仲裁院在什么地方」 beside the project 劳动人事争议仲裁经费: a project's name said in part
        that ends in a body's suffix its name does not have there names a body that is not loaded."""
        suffixes = self.lexicon.cues["unit_suffixes"] + self.lexicon.cues["body_suffixes"]
        for m in frame.mentions:
            labels = [match_form(e.label) for e in m.entities]
            if not m.partial or not m.of("project", "goal") or m.of("budget_unit", "department"):
                continue
            if any(m.surface.endswith(s) and len(m.surface) > len(s) + 1 and all(m.surface[-len(s) - 2:] not in label for label in labels) for s in suffixes):
                frame.refusal = f"已载入的文件中没有名为“{m.surface}”的单位 (that body is not loaded)"
                return

    def _works_not_loaded(self, frame: Frame) -> list[str]:
        """「上年的档案安全提升工程花了多少」: a works (…工程) no loaded name holds, named outside every
        linked name — never the department's total in its place."""
        heard = [c for c in CLAUSE.findall(frame.text) if honour.heard(c)]
        pointed = re.search(r"(?:这|该|此|那)(?:个|项|一)?工程", frame.text)  # 「…压减了X工程等专项经费，这个工程上年安排了多少」: the works asked of
        return [n for n in self._unlisted_names(frame, r"[\u4e00-\u9fff]{3,12}?工程", 5)
                if pointed or not (any(n in c for c in heard) or self._aside_word(frame, n) or re.search(r"[要搞做有]|不少|很多|一些", n[:-2]))]  # 「听说今年要搞不少工程」「采购明细我只关心有没有工程」: works talked of, none named

    def _offices_not_loaded(self, frame: Frame) -> list[str]:
        """「宣传股负责什么」: an office named by its kind word 股 that no loaded office's name or
        shortened name is; never the list of all the offices."""
        names = self._unlisted_names(frame, r"([\u4e00-\u9fff]{2,6}?)股(?![长室份票权东本金])", 3)
        return [n for n in names if not re.search("[哪各每本该全这那几些其所下多少个]", n[:-1])]  # 哪个股, 各股: no office's name

    def _institutions_not_loaded(self, frame: Frame) -> list[str]:
        """「学校今年的预算有多少」 of an education bureau: a school, hospital or company named as the owner of a budget,
        where no loaded body or unit is one, keeps a budget the documents do not give."""
        spec = self.lexicon.cues["institutions"]
        masked = frame.masked()
        return [w for w in spec["words"] for k in re.finditer(w, masked) if re.match(spec["owner"], masked[k.end():])
                and not any(w in alias for alias in self.lexicon.aliases)][:1]

    def _unlisted_names(self, frame: Frame, pattern: str, shortest: int) -> list[str]:
        """Names of a kind (`pattern`, ending in its kind word) written outside every linked name that
        no loaded name holds: the last words after a joiner (的和与及、), at least `shortest` long."""
        out = []
        for match in re.finditer(pattern, frame.masked()):
            if frame.name_part and frame.name_part.span[0] < match.end() <= frame.name_part.span[1]:
                continue  # 「名称以股结尾」: the kind word inside a part of names named no office
            name = re.split(r"[的和与及、]", match.group(0))[-1]
            if len(name) >= shortest and not any(name in alias for alias in self.lexicon.aliases):
                out.append(name)
        return out

    def _breakdowns(self, frame: Frame) -> list[str]:
        """「在各个镇街分别分配了多少」: a breakdown by something no set of the document is (its
        units, projects, classes, years) and no linked name holds asks for figures it does not give."""
        sets = [match_form(w) for words in self.lexicon.cues["sets"].values() for w in words] + ["年", "年度"]
        out = []
        for match in BREAKDOWN.finditer(frame.text):
            by = match.group("by").replace("(", "").replace(")", "")
            spans = [(m.start, m.end) for m in frame.mentions] + list(frame.cue_spans)
            named = any(a < match.end("by") and b > match.start("by") for a, b in spans)
            heads = tuple(sets) + tuple(w for w in self.stopwords if len(w) >= 2)  # 「各单位基本支出分别」: by unit, what follows is asked
            if not named and len(by) >= 2 and not by.endswith(tuple(sets)) and not by.startswith(heads) and by not in self.lexicon.vocabulary:
                out.append(by)
        return out

    def _parts_of_projects(self, frame: Frame, cues) -> list[str]:
        """「X经费里，制作宣传片花了多少钱」: money asked of a thing inside a project (its nouns no
        name or cue takes) is a part of the project the document does not state apart."""
        if not any(w in frame.text for w in load_cues()["money_asked"]):
            return []
        out: list[str] = []
        residue = self._residue_text(frame, cues)
        for m in frame.mentions:
            inside = PART_OF.match(frame.text, m.end)
            if m.of("project") and inside:
                clause = CLAUSE.match(residue, inside.end())
                out += [w for w in content_nouns(clause.group(0) if clause else "") if len(w) >= 2 and w not in self.stopwords]
        return out

    def _run_on_names(self, frame: Frame, cues) -> list[str]:
        """A name the question writes on past a linked entity's (旅游宣传|片 where 宣传片 is a noun of the
        document's text): the question names a longer thing no entity is, so it is not that entity."""
        taken = [(m.start, m.end) for m in frame.mentions] + list(frame.cue_spans)
        whole = any(not m.partial and m.of("project", "goal") for m in frame.mentions)  # 「X的绩效目标要求开展药品安全检查…」: the words of X's text
        out = []
        for m in frame.mentions:
            if m.fuzzy or m.partial and whole or m.end >= len(frame.text) or any(s <= m.end < e for s, e in taken):
                continue
            for back, on in ((2, 1), (1, 1), (2, 2)):
                word = frame.text[m.end - back:m.end + on]
                if len(word) >= 3 and word in self.lexicon.vocabulary and content_nouns(word) == [word]:
                    out.append(frame.text[m.start:m.end + on])
                    break
        out = [w for w in out if w in frame.question]  # written so: not joined by the 的 normalising drops
        kind_words = [start for start, _, _, g in cues if any(x.startswith(("set:", "measure:")) for x in g)]
        return out + self._partial_run_ons(frame, taken, kind_words) + self._other_ordinals(frame)

    def _other_ordinals(self, frame: Frame) -> list[str]:
        """A part of a name with an ordinal the name does not hold (合同第一期费用 for …合同第二期费用):
        the question names another phase, batch or section than the linked entity."""
        ordinal = re.compile(self.lexicon.cues["ordinals"])
        out = []
        for m in frame.mentions:
            after = ordinal.match(frame.text, m.end)  # 「…合同|第三期」
            said = frame.text[m.start:m.end] + (after.group(0) if after else "")
            if m.partial and m.entities and any(o not in match_form(m.entities[0].label) for o in ordinal.findall(said)):
                out.append(said)
        named = [m for m in frame.mentions if m.entities and ordinal.search(match_form(m.entities[0].label))]
        projects = {frozenset(e.iri for e in m.of("project")) for m in frame.mentions if m.of("project")}
        for other in ordinal.finditer(frame.text):  # 「第三期合同款那个项目，前两期花了多少」: phases the named one is not
            counted = re.fullmatch(r"([两二三四五六七八九\d]+)[期批]", other.group(0))
            if counted and count_of(counted.group(1)) == len(projects) > 1:
                continue  # 「X和X（二期），两期加起来」: the phases named, counted
            inside = any(m.start <= other.start() < m.end for m in frame.mentions)
            if not inside and named and other.group(0) not in out and all(other.group(0) not in match_form(e.label) for m in named for e in m.entities):
                out.append(other.group(0))
        return out

    def _partial_run_ons(self, frame: Frame, taken: list[tuple[int, int]], kind_words: list[int]) -> list[str]:
        """A part of a name followed, in the same name, by nouns the entity's name does not hold
        (全民健身|中心维修改造 for 全民健身活动经费): the question names another thing."""
        if any(not m.partial and m.of("project", "goal") for m in frame.mentions):
            return []  # 「X项目要建多少条全民健身路径」: the words belong to the named project's text
        out = []
        for m in frame.mentions:
            if not m.partial or m.fuzzy or not m.entities:
                continue
            end = min([s for s, _ in taken if s >= m.end] + [len(frame.text)])
            run = re.split(r"[^\u4e00-\u9fff]|[的之和与及、]", frame.text[m.end:end])[0]
            label = match_form(m.entities[0].label)
            named = frame.text[m.start:m.end + len(run)]
            if m.end + len(run) != end:
                continue
            nouns = content_nouns(run)
            ends_in_noun = bool(nouns) and run.endswith(nouns[-1]) and len(nouns[-1]) >= 2 and not m.of("project", "goal")
            if end not in kind_words and not ends_in_noun:
                continue  # the longer name runs up to the kind word that ends it (…改造|项目), or ends in a noun of its own (褒扬纪念|提升工程 for 褒扬纪念股)
            if named in frame.question and self._nouns_not_of(nouns, label):
                out.append(named)
        return out + self._partial_run_ins(frame, taken) + self._partial_foreign_nouns(frame)

    def _nouns_not_of(self, nouns: list[str], label: str) -> list[str]:
        """The nouns (two characters or more, not stopwords) whose characters a name does not all hold."""
        return [w for w in nouns if len(w) >= 2 and w not in self.stopwords and not set(w) <= set(label)]

    def _partial_foreign_nouns(self, frame: Frame) -> list[str]:
        """「全国农业普查…经费」 read as part of 全国经济普查经费: a noun inside the part said that the name does
        not hold (农业) makes it another thing."""
        out = []
        for m in frame.mentions:
            if not (m.partial or m.fuzzy) or len({e.label for e in m.entities}) != 1:
                continue
            label = match_form(m.entities[0].label)
            foreign = [w for w in self._nouns_not_of(content_nouns(m.surface), label) if not re.fullmatch(self.lexicon.cues["name_kind_words"], w)
                       and not (m.fuzzy and set(w) & set(label))]  # a typo (租凭) still shares a character
            if foreign:
                out.append(m.surface)
        return out

    def _partial_run_ins(self, frame: Frame, taken: list[tuple[int, int]]) -> list[str]:
        """A part of a name written after nouns the entity's name does not hold, the whole ending in a
        kind word (食品安全快|检车购置|经费 for 公务用车购置费, even read as a typo): the question names another thing."""
        out = []
        for m in frame.mentions:
            if not (m.partial or m.fuzzy) or not m.entities:
                continue
            start = max([e for _, e in taken if e <= m.start] + [0])
            before = re.split(r"[^\u4e00-\u9fff]|[的之和与及、里中带含叫是在有为那这个]", frame.text[start:m.start])[-1]  # 「名称里带|X项目」「四街四镇那个|X」: no name's words
            if re.match(r"每|各|平均|单", before):
                continue  # 「每辆车|运行维护费」: a figure per counted thing
            words = self.lexicon.cues["name_kind_words"]
            after = re.match(words, frame.text[m.end:])
            ends = re.search(f"{words}$", frame.text[m.start:m.end])  # 「…巡检|车购置费」: the name ends in the mention
            label = match_form(m.entities[0].label)
            if before and (after or ends) and self._nouns_not_of(content_nouns(before), label):
                out.append(before + frame.text[m.start:m.end] + (after.group(0) if after else ""))
        return out

    @classmethod
    def _residue(cls, frame: Frame, cues) -> list[str]:
        """The runs of Chinese text left once entities and cue words are taken out."""
        return cls._residue_text(frame, cues).split()

    @staticmethod
    def _residue_text(frame: Frame, cues) -> str:
        text = list(frame.text)
        for m in frame.mentions:
            for k in range(m.start, m.end):
                text[k] = " "
        named = [(m.start, m.end) for m in frame.mentions] + frame.name_spans + occurrences(frame.measure_words(), frame.text)
        for start, end in restated_spans(frame.text, named):  # 「养人和日常运转那部分开销（基本支出）」: words the name restates
            text[start:end] = " " * (end - start)
        for start, end in [(a, b) for a, b, _, _ in cues] + frame.cue_spans:  # cue_spans: names set aside too (那张表里)
            for k in range(start, end):
                text[k] = " "
        for match in [*UNIT_ASKED.finditer(frame.text), *re.finditer(load_cues()["example_aside"], frame.text), *re.finditer(load_cues()["contrast_aside"], frame.text)]:  # 「比如加油、过路费」「，不是基本支出里那零点几万」
            for k in range(match.start(), match.end()):
                text[k] = " "
        return re.sub(r"[\d.,%]+(?:[年月日]|[个家项所笔类条名位辆台套处](?=[\u4e00-\u9fff]))?|[一两几][个家项所笔类条名位辆台套处](?=[\u4e00-\u9fff])|[^\u4e00-\u9fff]",
                      lambda m: " " * len(m.group(0)), "".join(text))  # positions kept; 「3家事业单位」「一辆车都没有」: a count, no 家事 or 一辆车

    _function_chars = set("的了吗呢吧啊呀么是有在和与及或对为把被给从到向将就都也还又再很这那该此其中里下之所多少大小高低年个项笔条次几哪啥谁怎样何一二三两上等")

    # -- typos and homophones -------------------------------------------------------------------
    def _typos_fixed(self, frame: Frame, unknown: list[str], residue: list[str]) -> tuple[str, set[str]] | None:
        """The question with its typos corrected and the words it now says, or None: a name linked by
        a typo that is a measure word (基本支山 → 基本支出), a misspelt name or question word (三工经费),
        a measure word one character off (基夲支出)."""
        corrected, fixes = linked_as_cue(frame.text, frame.mentions, self._named_cues())
        if not fixes and (unknown or residue):
            stuck = bool(unknown) or self._intent(copy.copy(frame)) == "refuse"
            spans = [(m.start, m.end) for m in frame.mentions]
            corrected, fixes = self._correct(frame.text, unknown + residue, spans, sound_only=not stuck)
            if not fixes:
                corrected, fixes = cue_typo_corrected(frame.text, unknown + residue, self._named_cues(), spans, self._known)
            if not fixes:
                corrected, fixes = homophone_asks(frame.text, unknown + residue, spans, self._known)
        return (corrected, fixes) if fixes else None

    def _named_cues(self) -> frozenset[str]:
        """The cue words that name a measure or a total (基本支出, 支出总额), and every word known to
        the question's reading (made once per understander)."""
        if not hasattr(self, "_named"):
            self._named = frozenset(w for w, groups in self.cue_words.items() if any(g.startswith(("measure:", "total:")) for g in groups))
            self._known = frozenset(self.cue_words) | frozenset(self.lexicon.aliases)
        return self._named

    def _correct(self, text: str, unknown: list[str], spans: list[tuple[int, int]], sound_only: bool = False) -> tuple[str, set[str]]:
        """Replace a misspelt name or question word (三工经费, 图书管) by the alias it most likely
        means: same pinyin (homophone), or — when the question is otherwise stuck — one character
        off in a long name. Thresholds are strict so that nothing is invented."""
        fixes: set[str] = set()
        syllables = syllables_of(text)
        for word in unknown:
            position = text.find(word)
            if position < 0:
                continue
            best = None
            for length in range(3, 16):
                for start in range(max(0, position - length + 1), min(position + len(word), len(text) - length + 1)):
                    window = text[start:start + length]
                    if any(a < start < b or a < start + length < b for a, b in spans):
                        continue  # a window never cuts through a name the question already says
                    swallowed = [text[a:b] for a, b in spans if start <= a and b <= start + length and b - a >= 3]
                    sound = " ".join(syllables[start:start + length])
                    if (sound_only or swallowed or length < FUZZY_LENGTH) and not self.lexicon.sounds_like_a_name(sound):
                        continue  # only a homophone could fix it, and no name sounds so (checked first: it is one dict look-up)
                    if any(m.end - m.start >= length - 1 for m in self.lexicon.link(window)):
                        continue  # a name written right plus a word after it is not a typo
                    alias = self.lexicon.fuzzy(window, sound, sound_only or bool(swallowed))
                    if swallowed and not (alias and all(name in alias for name in swallowed)):
                        continue  # a name it holds is swallowed only by a homophone that keeps it (公物|接待费 → 公务接待费)
                    if alias and len(alias) == length and any(in_longer_word(text, start + j, start, start + length)
                                                              for j in range(length) if window[j] != alias[j]):
                        continue  # 「医疗废物…」: 废 is of 废物, a word reaching past the window — no typo of 医疗费
                    if alias and (best is None or len(alias) > len(best[2])):
                        best = (start, start + length, alias)
            if best:
                start, end, alias = best
                text = text[:start] + alias + text[end:]
                syllables = syllables_of(text)
                shift = len(alias) - (end - start)
                spans = [(a + shift, b + shift) if a >= end else (a, b) for a, b in spans] + [(start, start + len(alias))]
                fixes.add(alias)
        return text, fixes

    # -- follow-ups ----------------------------------------------------------------------------
    @staticmethod
    def _is_follow_up(frame: Frame) -> bool:
        intents = {"compare", "ratio", "sum", "count", "list", "max", "min", "definition", "citation", "describe", "performance", "reason"}
        return bool(FOLLOW_UP.search(frame.text)) and len(frame.text) <= 20 and not (frame.cues & intents)

    @staticmethod
    def _follow_up(frame: Frame, previous: Frame) -> Frame:
        new = copy.deepcopy(previous)
        new.question = frame.question
        new.text = frame.text
        new.follow_up = True
        values = frame.value_mentions()
        if values:
            new.mentions = [m for m in frame.mentions]
        if frame.measures:
            new.measures = frame.measures
            # 「三公经费」 then 「那项目支出呢」: a figure or project is replaced by the measure; a unit
            # or a classification is asked in the new measure's sense
            new.mentions = [m for m in new.mentions if not (m.kinds() & SELF_CONTAINED) or m.of("budget_unit", "department")]
            for m in new.mentions:
                m.measure = None
        if frame.year is not None or frame.docs != previous.docs:
            new.docs, new.year, new.last_year = frame.docs, frame.year, frame.last_year or previous.last_year and frame.year is None
        new.scope_kept = frame.scope_kept or new.docs == previous.docs
        return new

    # -- the intent ------------------------------------------------------------------------------
    def _intent(self, frame: Frame) -> str:
        c = frame.cues
        said_counts = list(re.finditer(r"(?<!哪)(?:几个|几家|几项)|多少个|多少项", frame.text))  # 「哪几个股」 asks names
        counted = [m.end() for m in said_counts if not re.match(r"[\u4e00-\u9fff]{0,4}?(?:里面|里|当中|之中|中)[,，]", frame.text[m.end():])
                   and not clauses.names_asked_after(frame.text, m.end())]  # 「新冒出来几个X。分别是哪些」: a statement's 几个
        if said_counts and not counted:  # 「几个类别里，金额不是零的是哪几类」: the set it picks from, not a count asked
            c = c - {"count"}
        kinds = set().union(*(m.kinds() for m in frame.mentions)) if frame.mentions else set()
        values = frame.value_mentions()
        asking = clauses.asking(frame.text)  # 「金额还不小，…」 asks nothing
        subject = re.search(r"钱[^，,。？?多几]{0,8}?(?:用于|用来|用在|用到|干|做|花在)", frame.text) and not re.search(r"多少|几|金额", asking)
        amount_asked = bool(c & {"amount"}) and not subject or frame.unit_word is not None  # 「这笔钱主要用于什么」: the money is what is described
        if amount_asked and c & {"describe", "definition"} and frame.unit_word is None and not any(w in asking for w in self.lexicon.cues["intents"]["amount"]):
            amount_asked = False  # 「虽然金额是0，但它到底指什么」: the amount is a remark, the ask is the text
        changed = r"增加|减少|下降|增长|变化|变了|降|涨|翻|倍|多了|少了|持平|没变|不变|一样多|一样|相同|没有变化"
        if "definition" in c and "glossary" not in c and re.search(r"(?:怎么|如何|怎样)解释", frame.text) and re.search(changed, frame.text):
            c = frame.cues = c | {"reason"}  # 「三公经费涨了两倍多，文件里是怎么解释的」: the reason of the change, not what the word means
        if re.search(self.lexicon.cues["reason_guessed"], frame.text) and ("last_year" in c or re.search(changed, f"{frame.context}{frame.text}")):
            c = frame.cues = c | {"reason"}  # 「今年预算比去年少了五百多万，是因为上年有什么项目没了吗」: the stated reason, not a figure
        if "reason" in c and "glossary" not in c and re.search(r"原因|理由|为什么|为啥|为何|解释|" + changed, frame.text):
            return "yoy"  # 「机关运行经费下降的原因」: the stated reason of a change, not the glossary entry
        if "glossary" in c or "set:glossary" in c:
            return "definition"
        if "citation" in kinds:
            return "citation"
        in_glossary = any(m.surface in label for m in frame.mentions for label in self.term_labels)
        ranked = bool(c & {"max", "min"} or frame.rank or frame.n)  # 「X下面排第二大的科目是什么」 asks a ranking, not what X means
        members = frame.set_kind and re.search(r"哪(?:些|几个|几项|几家)(?:" + "|".join(map(re.escape, self.lexicon.cues["sets"].get(frame.set_kind, []))) + ")", frame.text)
        if "definition" in c and ("term" in kinds or in_glossary) and not amount_asked and not (c & {"ratio", "compare"}) and not ranked:
            return "list" if members else "definition"  # 「项目支出包括哪些项目」: the members, not what the word means
        if frame.set_kind in (None, "items") and re.search(r"职责|职能", frame.text) and "internal_unit" not in kinds:
            frame.set_kind = "duties"
        if frame.set_kind in ("duties", "internal_units") and "internal_unit" not in kinds and not amount_asked:
            return "list"
        yoy_words = re.search(r"比上年|较上年|同比|增减|变化|变动|增长|下降|增加|减少|降了|涨了|升了|少了|多了|[增降减涨]幅|幅度", frame.text)
        target_percent = "performance" in c and not re.search(r"占|比例|比重|比率", frame.text)  # 「绩效目标要求满意度不低于百分之多少」: a target's own percent
        if "ratio" in c and not (yoy_words and "占" not in frame.text) and not target_percent:
            return "ratio"
        if "last_year" in c or frame.last_year or ("yoy" in c and ("reason" in c or re.search(self.lexicon.cues["change_stated"], frame.text))):
            return "yoy"
        if "yoy" in c and not c & {"max", "min"} and ("ratio" in c and yoy_words or re.search(r"[增降减涨跌]幅|增速|增长率|下降率", frame.text)):
            return "yoy"  # 「收入预算增幅是百分之几」「增幅是多少」: the change in percent, no share
        if "reason" in c:
            return "yoy"
        strong_compare = re.search(self.lexicon.cues["strong_compare"], frame.text)
        if strong_compare or (len(values) + len(frame.measures) >= 2 and re.search(r"比(?!较).{1,40}(多(?!少)|少|高|低|大|小)", frame.text)):
            return "compare"
        if c & {"citation", "set:citations"} and "project" in kinds and (not amount_asked or re.search(r"文件|文号|依据|出处|法规|法律|条例", frame.text) and not re.search(r"多少钱|金额|多少万|几万", frame.text)):  # 「那个10万元的X依据哪个文件」: an amount said is no amount asked
            return "citation"
        bound_only = not re.search(r"绩效|目标|指标", frame.text) and (frame.measures or frame.totals)  # 「项目支出至少多少」: a figure's own bound words, no target
        if "performance" in c and not bound_only and ("goal" in kinds or not values and not frame.set_kind or frame.unit_word not in (None, "%", "个", "项")
                                                      or re.search(r"不少于|不超过|不低于|达到|以上", frame.text) and not frame.threshold):
            return "performance"
        if frame.unit_word and frame.unit_word not in ("个", "项", "%", "名", "家") and not (kinds & {"figure"}):
            return "performance"
        if frame.unit_word and frame.unit_word not in ("个", "项") and "figure" in kinds and "goal" not in kinds:
            return "lookup"
        if c & {"max", "min"} or frame.n or frame.rank:
            frame.direction = "min" if "min" in c else "max"
            return "superlative"
        if frame.threshold is not None and frame.operator:
            return "count" if "count" in c else "list"
        return self._intent_of_sets(frame, c, counted, amount_asked)

    def _intent_of_sets(self, frame: Frame, c: set[str], counted: list[int], amount_asked: bool) -> str:
        """The kinds that ask of a set or a named thing's figure: count, sum, list, describe, lookup."""
        kinds = set().union(*(m.kinds() for m in frame.mentions)) if frame.mentions else set()
        values = frame.value_mentions()
        summed_after = ("sum" in c and counted and (said_sum := max(frame.text.rfind(w) for w in self.lexicon.cues["intents"]["sum"])) >= counted[-1]
                        and re.search(r"多少|几", frame.text[said_sum:]))  # 「两个单位合起来算」 asks no sum
        if ("count" in c or counted and frame.set_kind) and not summed_after:  # 「列的几个项目，预算合计多少」: the sum said last is asked
            return "count"
        figureless = [m for m in frame.mentions if m.kinds() <= {"term"}
                      and (JOINER.search(frame.text[max(0, m.start - 2):m.start]) or JOINER.match(frame.text, m.end))]
        if c & {"sum", "compare"} and figureless and len(values) + len(frame.measures) < 2:  # 「A和行政运行加起来」 where the second is only a glossary word
            frame.refusal = f"文件中没有找到“{figureless[0].surface}”的金额（只有名词解释“{figureless[0].entities[0].label}”）(no figure for it)"
            return "refuse"
        across = len(frame.docs) > 1 and re.search(r"各部门|所有部门|全部部门|各单位", frame.text)
        parts = re.search(r"下面|之下|下的|各科目|各项|逐项|明细", frame.text)  # 「X下面各科目加起来」
        listed = c & {"list", "whichone"} and not re.search(r"多少|几|金额", frame.text)  # 「一共列了哪些项目」: 一共 of the listing
        if "sum" in c and not listed and (len(values) + len(frame.measures) >= 2 or frame.set_kind in ("key_projects", "projects") or across or parts):
            return "sum"
        money = re.search(r"多少钱|多少万|金额|几万|多少元", frame.text)
        if values and all(m.kinds() <= {"project", "goal"} for m in values) and not frame.set_kind and not amount_asked and "list" in c:
            return "describe"  # a project has no parts to list: 「X是落实哪个方案的任务清单」 asks its text
        things = [m for m in values if not m.kinds() & {"department", "budget_unit"}]
        each = len(things) + len(frame.measures) + len(frame.totals) >= 2 and amount_asked and not frame.set_kind  # 「A和B分别是多少」: each one's figure
        funds = [_fund_alone(m, load_template()) for m in values]
        paid_from = bool(funds) and all(funds)
        if c & {"whichone", "describe"} and frame.set_kind == "projects" and paid_from and not money:
            return "list"  # 「哪个项目用的是政府性基金」「政府性基金用在哪些项目上」: the projects that fund pays for, not the fund's total
        if frame.set_kind == "functional" and paid_from and frame.table is None and not money:
            frame.table = next((t.number for t in load_template().tables if t.fund == funds[0] and t.classification == "functional"), None)
            if frame.table is not None:  # 「政府性基金预算支出用在了哪个功能科目上」: the rows of that fund's own table (表9), not every class
                frame.mentions = [m for m in frame.mentions if m not in values]
                frame.set_kind = "items"
                return "list"
        asking = clauses.asking(frame.text)
        if asking and not any(w in asking for w in self.lexicon.cues["intents"]["list"] if w not in self.lexicon.cues["list_nouns"]) \
                and any(w in frame.text and w not in asking for w in self.lexicon.cues["list_nouns"]):
            c = c - {"list"}  # 「我手上有一份科目清单，其中X今年预算多少」: the list is the asker's, the figure is asked
        if ("list" in c and not (values and money) and not each) or frame.set_kind in ("duties", "internal_units", "budget_units") and not amount_asked:
            return "list"
        if "describe" in c and "performance" in c and frame.set_kind == "key_projects" and not values and not amount_asked:
            return "list"  # 「2025年只列了一个重点项目的绩效目标，是什么内容」: the key projects' targets in their words
        bodies_only = values and all(m.kinds() & {"department", "budget_unit"} for m in values) and not frame.measures and not frame.totals
        if frame.set_kind == "projects" and bodies_only and re.search(r"哪(?:些|几个|几项)项目", frame.text) and not amount_asked:
            return "list"  # 「土地储备中心负责哪些项目」: the unit's projects, not its text
        if "describe" in c and not amount_asked:
            return "describe"
        if frame.set_kind in ("projects", "key_projects") and bodies_only and "whichone" in c and not amount_asked:
            return "list"  # 「2025年公证处只剩下哪个项目」: the unit's projects, never its budget
        if frame.set_kind == "projects" and bodies_only and re.search(r"有没有|有无|是否有|有.{0,4}吗", frame.text):
            if not amount_asked:
                return "list"  # 「博物馆有没有项目」: its set of projects, empty or not, never one of its figures
            frame.measures = ["项目支出"]  # 「图书馆有没有安排项目，花多少」: what its projects spend, not its whole budget
        if values or frame.measures or frame.totals:
            if not amount_asked and kinds & {"project", "goal", "internal_unit"} and ("definition" in c or "whichone" in c):
                return "describe"
            return "lookup"
        if "internal_unit" in kinds or "department" in kinds and ("describe" in c or "definition" in c):
            return "describe"
        if "term" in kinds:
            return "definition"
        if frame.set_kind in ("key_projects", "projects") and amount_asked and not (c & {"list", "count"}) and not frame.free_nouns(known=True):
            frame.cues.add("sum")  # 「今年安排了多少专项经费」: what the projects come to, nothing said narrows them
            return "sum"
        if frame.set_kind in ("key_projects", "projects", "duties", "internal_units", "budget_units", "citations"):
            return "list"
        return "refuse"


def keep_scope(frame: Frame, previous: Frame, lexicon: Lexicon) -> None:
    """A question in a session keeps the previous one's department and year unless it names
    others (「财政局2024年的三公经费」 then 「项目支出是多少」 is the same document; 「2025年呢」
    keeps the department, 「教育局的呢」 the year). Questions over all departments or both
    years (哪个部门、两年) keep nothing."""
    from qa.kinds.base import pattern  # the kinds' own cue data: departments or years asked together

    docs = lexicon.documents
    before = [d for d in previous.docs if d in docs]
    if not before or pattern("cross_department", "collective").search(frame.text) or pattern("cross_year", "both_years").search(frame.text):
        return
    names_body = any(m.of("department", "budget_unit") for m in frame.mentions)
    names_year = bool(YEAR.search(frame.text)) or frame.last_year
    if names_body and names_year:
        return
    if names_body:
        years = {docs[d].year for d in before}
        kept = [d for d in frame.docs if docs[d].year in years]
    elif names_year:
        departments = {docs[d].department for d in before}
        kept = [d for d in frame.docs if docs[d].department in departments]
    else:
        kept = [d for d in frame.docs if d in before]
        frame.year = frame.year if frame.year is not None else previous.year
    if kept and kept != frame.docs:
        frame.docs, frame.scope_kept = kept, True

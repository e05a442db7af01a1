"""Entities named by parts of their names: 「档案数字化项目」 for 某区机关档案数字化加工及扫描服务项目,
「那个应急广播的项目」 for 应急广播终端运维及网络通道租用费.

Each entity name is a bag of character bigrams weighted by how rare they are among all names
(inverse document frequency): 「项目」 and a district's name say little, 「档案」「广播」 a lot. A candidate is scored by
the weight of the question's bigrams it holds (distinctiveness) and the share of its own name's
weight the question covers (coverage). Only a clear winner links; two equally good candidates are
both reported so that the caller can answer for both or ask back.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from qa.lexicon import Entity, Lexicon, Mention, load_cues, match_form
from qa.segment import in_longer_word, is_user_word, tokenizer
from qa.spans import SENTENCE_END

PARTIAL_KINDS = ("project", "classification", "line_item", "figure", "goal", "internal_unit", "budget_unit", "citation", "term")
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"[\[(]\d{4}[\])]|\d+号")  # a cited document's number (某府办函[2023]88号), not its title
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:亿元|亿|万元|万|元|%)?")
_NAME_NUMBER = re.compile(r"(?<![\d.])\d{3,}(?![\d.])")  # a number a name may hold (12345热线): three digits or more, no decimals
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATED = re.compile(r"(?:19|20)\d\d年度?")  # the year a name is of: its characters weigh nothing in it
MIN_WEIGHT = 5.0  # about two rare bigrams: a single shared word never links
EVERYDAY = 10000  # a bigram this common in jieba's dictionary (建设, 工作) never makes one name distinctive
CLEAR_MARGIN = 1.25  # the winner's score over the runner-up's
COMMON = 50  # a word of the question this common in jieba's dictionary is a word, not a stray pair of characters
_KIND_ENDING = re.compile(r"(?:经费|资金|补贴|补助|费)$")  # the kind a project's name ends with (物业费 for 办公楼物业管理服务费)
_QUALIFIER = re.compile(r"\([^)]*\)$")  # a bracketed qualifier ending a name in match form (…测评费(续建))
_KIND_RIGHT_AFTER = re.compile(r"(?:那个|这个|那|这|的)?(?:项目|那项|这项)")
_LISTED_KIND = re.compile(r"(?:(?:和|与|及|、)[\u4e00-\u9fff]{2,6}?)*(?:那|这)?[\d两二三四五几]+个项目(?!支出)")  # 「党建和宣传这2个项目」
JOINERS = "和与跟同、及加"  # between two names (「A和B」「A加B」), unless the name itself holds the character
_JOINER_SET = frozenset(JOINERS)
RUN_BONUS = 0.1  # per character of the name written out in one stretch beyond two: 「体育彩票公益金」 is one name, not 体育 + 彩票公益金
TITLE_RUN = 4  # a cited title is named by a stretch of it written out (文物普查实施方案), not two words of it apart (健身…计划)
KIND_BONUS = 0.3  # the question calls the thing a 项目 (科目, 单位): a name of that kind fits the slot better
_KIND_NOUNS = {"项目": ("project", "goal"), "科目": ("classification", "line_item"), "单位": ("budget_unit",), "股": ("internal_unit",)}


def _trimmed(cluster: list[tuple[int, str]], words: list[list[tuple[int, int, str]]], label: str) -> list[tuple[int, str]]:
    """A run of bigrams without an edge bigram whose outer character belongs to a word of the
    question that reaches outside the run and is not in the name (「准备购置」 does not name
    设备购置: 备 is part of 准备). `words`: the question's common words at each character."""
    start, end = 0, len(cluster)
    while start < end and _word_across(words, cluster[start][0], cluster[start][0], cluster[end - 1][0] + 2, label) \
            and not _word_starting_at(words, cluster[start][0], cluster[end - 1][0] + 2, label):
        start += 1
    while start < end and _word_across(words, cluster[end - 1][0] + 1, cluster[start][0], cluster[end - 1][0] + 2, label):
        end -= 1
    return cluster[start:end]


def _whole_numbers(cluster: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """A stretch never starts or ends inside a number (「2026年司法」 does not name 「6年司法…」)."""
    while cluster and cluster[0][0] > 0 and text[cluster[0][0]].isdigit() and text[cluster[0][0] - 1].isdigit():
        cluster = cluster[1:]
    while cluster and cluster[-1][0] + 2 < len(text) and text[cluster[-1][0] + 1].isdigit() and text[cluster[-1][0] + 2].isdigit():
        cluster = cluster[:-1]
    return cluster


def _common_words(text: str, longest: int = 4) -> list[list[tuple[int, int, str]]]:
    """The dictionary words of 2 to `longest` characters at each character of the question that
    are common (jieba frequency ≥ COMMON), not one of the graph's names and hold no joiner: found
    once per question, not once per candidate name."""
    freq = tokenizer().FREQ
    at: list[list[tuple[int, int, str]]] = [[] for _ in text]
    for i in range(len(text)):
        for j in range(i + 1, min(len(text), i + longest) + 1):
            found = freq.get(text[i:j])
            if found is None:
                break  # the dictionary holds every prefix of its words: no longer word starts here
            piece = text[i:j]
            if j - i >= 2 and found >= COMMON and _JOINER_SET.isdisjoint(piece) and not is_user_word(piece):
                for k in range(i, j):
                    at[k].append((i, j, piece))
    return at


def _word_across(words: list[list[tuple[int, int, str]]], k: int, start: int, end: int, label: str) -> bool:
    """Whether the character at k belongs to a common word reaching outside [start, end) that the name does not hold."""
    return any((i < start or j > end) and piece not in label and piece not in said_short(label) and said_short(piece) not in label
               for i, j, piece in words[k])


def _word_starting_at(words: list[list[tuple[int, int, str]]], k: int, end: int, label: str) -> bool:
    """Whether the run starting at k opens with a common word the name holds, every word across its edge
    starting before it: 「有个人口变动」 reads 人口 as the name's word, though 个人 is a word too."""
    across = [i for i, j, piece in words[k] if (i < k or j > end) and piece not in label]
    return all(i < k for i in across) and any(i == k and j <= end and piece in label for i, j, piece in words[k])


@cache
def said_short(label: str) -> str:
    """A name with its 经费/费用 said the short way (基层广播终端维护费): 「维护费」 is a word the name holds."""
    return re.sub(r"经费|费用", "费", label)


def _longest_run(text: str, label: str) -> int:
    """Length of the longest substring of `text` that `label` holds, 的 left out when the name has
    none (「购置的固定资产」 writes out 购置固定资产)."""
    if "的" not in label:
        text = text.replace("的", "")
    best = 0
    for i in range(len(text)):
        for j in range(i + best + 1, len(text) + 1):
            if text[i:j] in label:
                best = j - i
            else:
                break
    return best


def kind_words(text: str, end: int) -> set[str]:
    """Entity kinds the question names right after a partial name (「…那个项目」, 「…这个科目」),
    never 项目支出 (a measure)."""
    tail = text[end:end + 6]
    kinds: set[str] = set()
    for noun, named in _KIND_NOUNS.items():
        position = tail.find(noun)
        if position >= 0 and not tail[position + len(noun):].startswith("支出"):
            kinds.update(named)
    listed = _LISTED_KIND.match(text, end)  # 「党建和宣传这2个项目」: the kind said after the list the name opens
    if listed:
        kinds.update(_KIND_NOUNS["项目"])
    return kinds


class Candidate(NamedTuple):
    """A name the question may write part of (a tuple: thousands are made for one question at a
    thousand documents)."""

    entity: Entity
    start: int
    end: int
    score: float
    coverage: float
    run: int = 0  # the longest stretch of the question written exactly as in the name
    form: str = ""  # the name matched, in match form: the label, or a cited document's title


def _bigrams(text: str) -> list[tuple[int, str]]:
    """The name's or question's character pairs; digit pairs only inside a number that can be part
    of a name (12345热线): codes and years link exactly, amounts never."""
    numbers = [False] * len(text)
    for match in _NAME_NUMBER.finditer(text):
        if not _YEAR.fullmatch(match.group(0)):
            numbers[match.start():match.end()] = [True] * (match.end() - match.start())
    return [(k, text[k:k + 2]) for k in range(len(text) - 1)
            if _WORD.match(text[k]) and _WORD.match(text[k + 1]) and (not text[k:k + 2].isdigit() or numbers[k] and numbers[k + 1])]


def _clusters(found: list[tuple[int, str]], blocked: list[bool], gap: int = 4, skipped: frozenset[int] = frozenset()) -> list[list[tuple[int, str]]]:
    """Matched bigrams in runs: a name is one stretch of the question, not bigrams scattered
    over it (「A比B多多少」 names two things). `skipped` characters (a pointer before a bracketed
    qualifier: 党建那个（第二批）) do not part a run."""
    runs: list[list[tuple[int, str]]] = []
    for k, g in sorted(found):
        last = runs[-1][-1][0] if runs else -gap - 1
        if k - last - sum(1 for j in range(last + 2, k) if j in skipped) <= gap and not any(blocked[last + 2:k]):
            runs[-1].append((k, g))
        else:
            runs.append([(k, g)])
    return runs


def _typo_extent(text: str, start: int, end: int, label: str, blocked: list[bool]) -> tuple[int, int, bool]:
    """The span grown by one character on either side when that character is a one-letter typo
    of the name (津贴补帖 for 津贴补贴): the answer then says which name it read."""
    surface = text[start:end].lower()
    if surface not in label:
        return _rest_mistyped(text, start, end, label, blocked)[:2] + (True,)
    while start > 0 and blocked[start - 1] and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1:end].lower() in label:
        start -= 1  # 「法律顾问」: a cue word (法律) that goes on into the name is the name's
    while end < len(text) and blocked[end] and "\u4e00" <= text[end] <= "\u9fff" and text[start:end + 1].lower() in label:
        end += 1
    function = _function_characters()
    for s, e in ((start, end + 1), (start - 1, end)):
        if s < 0 or e > len(text) or blocked[s] or blocked[e - 1] or not _HAN.match(text[s] + text[e - 1]) or text[s] in JOINERS or text[e - 1] in JOINERS:
            continue
        if (text[s] if s < start else text[e - 1]) in function:
            continue  # 「是发展中心」「在图书馆」: a function word beside the name, not a typo of its first character
        if in_longer_word(text, s if s < start else e - 1, s, e):
            continue  # the grown character is part of another word of the question (交换机, 活动)
        grown = text[s:e].lower()
        if grown in label:
            continue
        for k in range(len(label) - len(grown) + 1):
            window = label[k:k + len(grown)]
            if sum(a != b for a, b in zip(grown, window, strict=True)) == 1 and _HAN.fullmatch(window[0] + window[-1]):
                before = text[s - 1] if s < start and s > 0 else ""
                if before and "\u4e00" <= before <= "\u9fff" and not blocked[s - 1] and (k == 0 or label[k - 1] != before):
                    continue  # 「河长制工作经费」: 制 ends a word of the question's own (河长制), it is no typo of 宣传's 传
                return s, e, True
    return _rest_mistyped(text, start, end, label, blocked)


def _rest_mistyped(text: str, start: int, end: int, label: str, blocked: list[bool]) -> tuple[int, int, bool]:
    """The span grown over the rest of the name written with one other character (专线租用费 for
    专线租赁费): the same length, the same last character (the name's kind), nothing else between."""
    anchor = label.rfind(text[end - 2:end].lower())  # where the span's last two characters stand in the name
    rest = label[anchor + 2:] if anchor >= 0 else ""
    said = text[end:end + len(rest)].lower()
    if 2 <= len(rest) <= 4 and len(said) == len(rest) and said[-1] == rest[-1] and not any(blocked[end:end + len(rest)]) \
            and all("\u4e00" <= ch <= "\u9fff" for ch in said) and sum(a != b for a, b in zip(said, rest, strict=True)) == 1:
        return start, end + len(rest), True
    short = said_short(re.sub(r"\([^)]*\)", "", rest))  # 「…各镇街线路费」 for …各镇街（部门）线路租赁费用: the rest's first word and its kind
    for n in range(min(len(short) - 1, 5), 2, -1):
        piece = text[end:end + n].lower()
        if len(piece) == n and piece[:2] == short[:2] and piece[-1] == short[-1] and _in_order(piece, short) and not any(blocked[end:end + n]):
            return start, end + n, True
    return start, end, False


def _in_order(piece: str, whole: str) -> bool:
    """Whether the characters of `piece` stand in `whole` in the same order (线路费 in 线路租赁费)."""
    found = iter(whole)
    return all(ch in found for ch in piece)


@cache
def _function_characters() -> frozenset[str]:
    """One-character stop words (是, 在, 的 …): they stand beside names, they are not typos in them."""
    return frozenset(w for w in load_cues()["stopwords"] if len(w) == 1)


@dataclass
class _Name:
    """One name in match form and the entities bearing it, with their places in the lexicon: a
    name every document repeats (「“三公”经费」 in each of a thousand documents) is scored once."""

    form: str
    lowered: str
    grams: set[str]
    whole: float = 0.0  # the weight of all its bigrams
    bearers: list[tuple[int, Entity]] = field(default_factory=list)
    docs: frozenset[str] | None = None  # the documents its bearers are in; None when one is in every document (a shared class)
    tail: str = ""  # a cited document's title is named with its kind (…实施方案, …会议纪要): the bigram a stretch must hold


def _rank(entry: tuple) -> tuple:
    """Best score first; ties in the order the question first reaches the name, then lexicon order."""
    return entry[:4]


def _named(lexicon: Lexicon) -> list[tuple[int, Entity, str, bool]]:
    """Each entity with its label in match form, and a cited document also with its title when
    its label is its number (「文物普查实施方案」 names 某府办函〔2023〕88号 by its title): (place,
    entity, name, whether the name is such a title)."""
    named = [(place, entity, match_form(entity.label), False) for place, entity in enumerate(lexicon.entities.values())]
    places = {entity.iri: place for place, entity, _, _ in named}
    for alias, iris in lexicon.aliases.items():
        for iri in iris:
            entity = lexicon.entities.get(iri)
            if entity is not None and entity.kind == "citation" and not _NUMBER.search(alias) and alias not in match_form(entity.label):
                named.append((places[iri], entity, alias, True))
    return named


class PartialLinker:
    """An inverted index from bigrams to the names that hold them."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.names: dict[str, _Name] = {}
        for place, entity, form, titled in _named(lexicon):
            if entity.kind in PARTIAL_KINDS and len(form) >= 4:
                name = self.names.get(form)
                if name is None:
                    dated = {k for m in _DATED.finditer(form) for k in range(m.start(), m.end())}  # 「2024年度X」: 年度 names no thing
                    grams = {g for k, g in _bigrams(form.lower()) if k not in dated and k + 1 not in dated}
                    if not grams:
                        continue
                    kind = _bigrams(_QUALIFIER.sub("", form.lower()))  # 「…规划(2024—2035年)」 ends in its kind before the years
                    name = self.names[form] = _Name(form, form.lower(), grams, tail=kind[-1][1] if titled and kind else "")
                elif not titled:
                    name.tail = ""
                name.bearers.append((place, entity))
        labels: dict[str, set[str]] = {}  # a project and its key-project goal share one name: counted once
        titles = {name.lowered for name in self.names.values() if name.tail}
        for name in sorted(self.names.values(), key=lambda n: bool(n.tail)):  # a title counts only for bigrams no label holds
            for g in name.grams:
                if not name.tail or labels.get(g, titles) <= titles:
                    labels.setdefault(g, set()).add(name.lowered)
        total = max(len({name.lowered for name in self.names.values() if not name.tail}), 1)
        self.idf = {g: math.log(1 + total / len(held)) for g, held in labels.items()}
        freq = tokenizer().FREQ
        self.one_name = {g for g, held in labels.items() if len(held) == 1 and freq.get(g, 0) < EVERYDAY}  # only one name holds it
        self.parents: dict[str, set[str]] = {}  # by document: the bigrams of its department's name
        for entity in lexicon.entities.values():
            if entity.kind == "department":
                for doc in entity.docs:
                    self.parents.setdefault(doc, set()).update(g for _, g in _bigrams(match_form(entity.label).lower()))
        self.index: dict[str, list[str]] = {}
        for form, name in self.names.items():
            name.whole = sum(self.idf[g] for g in name.grams)  # once, not per question
            name.docs = None if any(not e.docs for _, e in name.bearers) else frozenset().union(*(e.docs for _, e in name.bearers))
            for g in name.grams:
                self.index.setdefault(g, []).append(form)

    def candidates(self, text: str, blocked: list[bool], wanted: frozenset[str] = frozenset(),
                   exact: tuple[tuple[int, int], ...] = (), scope: frozenset[str] | None = None) -> list[Candidate]:
        """Entities whose names share rare bigrams with the question, best first (ties in the
        order the question first reaches them, then lexicon order). `blocked` marks characters
        that belong to cue words (多少, 占, 比例 …) and never count; `wanted`: the entity kinds the
        question's kind needs (a citation or a target is a project's); `exact`: the spans of names
        the question writes out whole; `scope`: the documents of the departments the question names
        (the names of the others are not read: at a thousand documents most names are theirs)."""
        lowered = text.lower()
        blocked = list(blocked)
        for match in _AMOUNT.finditer(lowered):  # 「20万元以上」 is a threshold, never part of a name
            if match.group(0).isdigit() and _NAME_NUMBER.fullmatch(match.group(0)) and not _YEAR.fullmatch(match.group(0)):
                continue  # a bare number of three digits or more, no year and no amount, may be part of a name (12345热线)
            for k in range(match.start(), match.end()):
                blocked[k] = True
        for match in SENTENCE_END.finditer(lowered):  # 「…观众安全。演出场所…」: a name never runs across a sentence's end
            blocked[match.start()] = True
        hits: dict[str, list[tuple[int, str]]] = {}
        for k, g in _bigrams(lowered):
            if blocked[k] and blocked[k + 1]:
                continue
            for form in self.index.get(g, ()):
                hits.setdefault(form, []).append((k, g))
        words = _common_words(lowered)
        runs = [(m.start(), m.end()) for m in re.finditer(r"1+", "".join("1" if b else "0" for b in blocked[:len(lowered)]))
                if 0 < m.start() and m.end() < len(lowered) and _HAN_CHAR.match(lowered[m.start()])]  # cue words between two parts of a name
        skipped = frozenset(k for m in re.finditer(load_cues()["pointer_before_qualifier"], lowered) for k in range(m.start(), m.end()))
        out: list[tuple[tuple[float, int, int, int], Candidate]] = []
        for form, found in hits.items():
            if sum(self.idf[g] for g in {g for _, g in found}) < MIN_WEIGHT - 1e-9 and not any(g in self.one_name for _, g in found):
                continue  # all its bigrams in the question weigh too little, and none is its own: no stretch of them links
            name = self.names[form]
            if scope is not None and name.docs is not None and not name.docs & scope:
                continue
            label = name.lowered
            own_joiner = any(j in label for j in JOINERS)  # 「光纤租赁加维护」 for …租赁费及维护费: 加 said for the name's own 及
            apart = [b or ch in JOINERS and ch not in label and not (ch == "加" and own_joiner) for b, ch in zip(blocked, lowered + " ", strict=True)]
            for a, b in runs:  # 「人口变动抽样调查」: 变动 (a cue word) inside the name's own words parts nothing
                if lowered[a - 1:b] in label or lowered[a:b + 1] in label:
                    apart[a:b] = [False] * (b - a)
            for number, cluster in enumerate(_clusters(found, apart, skipped=skipped)):
                cluster = _whole_numbers(_trimmed(cluster, words, label), lowered)
                if not cluster or name.tail and all(g != name.tail for _, g in cluster):
                    continue
                matched = {g for _, g in cluster}
                weight = sum(self.idf[g] for g in matched)
                coverage = weight / name.whole
                rare = sum(self.idf[g] for g in matched if g in self.one_name)
                start, end = cluster[0][0], cluster[-1][0] + 2
                ending = _KIND_ENDING.search(_QUALIFIER.sub("", label))  # 「…测评费（续建）」 ends in its kind before the bracket
                suffixed = ending is not None and (lowered[start:end].endswith(ending.group(0)) or lowered.startswith(said_short(ending.group(0)), end))
                asked = kind_words(lowered, end) | wanted | ({"project", "goal"} if suffixed else set())  # 「…那个项目」, or a citation asked; 「党建经费」: its word and its kind's ending
                past = [(s, e) for s, e in exact if start <= s and e <= end and e - s < end - start]  # 「文物修缮」 writes on past 文物
                run = _longest_run(lowered[start:end], label)
                if name.tail and run < TITLE_RUN:
                    continue
                base = weight * (0.5 + coverage)
                scores: dict[str, float | None] = {}  # by kind: the bearers differ in nothing else
                first = found[0][0]
                for place, entity in name.bearers:
                    if scope is not None and entity.docs and not entity.docs & scope:
                        continue
                    if entity.kind == "budget_unit" and self._parent_only(entity, matched):
                        continue
                    if entity.kind == "citation" and run < end - start - 2:
                        continue  # a cited document is named by a stretch of its title written out (县委…深改委…纪要 is not 县委常委会会议纪要), a word or two left out at most
                    if entity.kind not in scores:
                        light = weight < MIN_WEIGHT and not _KIND_RIGHT_AFTER.match(lowered, end) and not _LISTED_KIND.match(lowered, end) and not suffixed  # 「租车那个项目」: one word of its own, its kind said right after
                        scores[entity.kind] = None if light else self._score(entity.kind in asked, cluster, blocked, past, weight, coverage, rare, base, run)
                    score = scores[entity.kind]
                    if score is not None:
                        out.append((-score, first, place, number, Candidate(entity, start, end, score, coverage, run, form)))
        out.sort(key=_rank)
        return [pair[4] for pair in out]

    def _parent_only(self, unit: Entity, matched: set[str]) -> bool:
        """Whether the question writes only what a unit's name shares with its department's
        (「棠溪区教肓局」 is the department 棠溪区教育局 mistyped, not its unit 棠溪区教育发展中心):
        a unit is named by the part of its name that tells it from the department."""
        parent = set().union(*(self.parents.get(doc, set()) for doc in unit.docs))
        return bool(parent) and matched <= parent

    def _score(self, named: bool, cluster: list[tuple[int, str]], blocked: list[bool], past: list[tuple[int, int]],
               weight: float, coverage: float, rare: float, base: float, run: int) -> float | None:
        """A name's score for one kind of entity bearing it, or None when the stretch is too weak to
        link. One name-only word is enough when the question says what kind of thing it names or
        writes a shorter exact name on past its end; never a cue's half (哪项经费)."""
        own = [k for k, g in cluster if g in self.one_name and not blocked[k] and not blocked[k + 1]
               and (named or any(k >= e or k + 2 <= s for s, e in past))]
        if own:
            rare = max(rare, 2 * MIN_WEIGHT - 1)
        if weight < MIN_WEIGHT and not own or coverage < 0.25 and rare < 2 * MIN_WEIGHT - 1:
            return None  # 「租车那个项目」: a word only one name holds, its kind said, links in a short document too
        return base * (1 + RUN_BONUS * max(0, run - 2) + (KIND_BONUS if named else 0))

    def link(self, text: str, mentions: list[Mention], blocked: list[bool], wanted: frozenset[str] = frozenset(),
             scope: frozenset[str] | None = None) -> list[Mention]:
        """`mentions` with partial names added: a clear winner that covers more of the question
        than the exact mentions inside its span replaces them; equally good winners are kept
        together in one mention (the caller answers for both or asks)."""
        chosen: list[Mention] = []
        taken = [False] * (len(text) + 1)
        ranked = self.candidates(text, blocked, wanted, tuple((m.start, m.end) for m in mentions), scope)
        iris = [{e.iri for e in m.entities} for m in mentions]  # entities compared by IRI: one per IRI in a lexicon
        named: dict[str, list[tuple[int, int]]] = {}  # where an entity's whole name is written
        for m, found in zip(mentions, iris, strict=True):
            if any(match_form(e.label) == m.surface for e in m.entities):
                for iri in found:
                    named.setdefault(iri, []).append((m.start, m.end))
        kinds = [m.kinds() for m in mentions]
        whole = [any(match_form(e.label) == m.surface for e in m.entities) for m in mentions]
        overlapping: dict[tuple[int, int], list[Candidate]] = {}
        refused: set[tuple] = set()  # (span, score, name, kind) found to tie with another kind or named elsewhere
        spans: dict[tuple[int, int], tuple[list[int], set[str], bool]] = {}  # the exact mentions inside a span, their entities, whether one settles it
        free: dict[tuple[int, int], bool] = {}  # spans no chosen mention takes a character of (cleared when one is chosen)
        for c in ranked:
            c = _over_cut_names(c, mentions)
            if not _HAN_CHAR.search(text[c.start:c.end]):
                continue  # 「那一百来万固定资产」: a number alone is an amount, no part of a name (单价在100万元以上的设备)
            span = (c.start, c.end)
            if span not in free:
                free[span] = not any(taken[c.start:c.end])
            if not free[span]:
                continue
            if span not in spans:
                inside = [k for k, m in enumerate(mentions) if m.start < c.end and m.end > c.start]
                settled = any(mentions[k].end - mentions[k].start >= c.end - c.start - 1 or mentions[k].start < c.start or mentions[k].end > c.end for k in inside)
                spans[span] = inside, set().union(*(iris[k] for k in inside)), settled
            inside, named_inside, settled = spans[span]
            if c.entity.iri in named_inside:
                continue
            if settled:
                continue  # an exact name at least as long wins, and a partial name never cuts one
            named_kind = c.entity.kind in kind_words(text.lower(), c.end) | wanted  # 「…那个项目」 after the span
            if any(mentions[k].end - mentions[k].start >= 4 and c.run < mentions[k].end - mentions[k].start + 2 and whole[k]
                   and not (named_kind and c.entity.kind not in kinds[k]) for k in inside):
                continue  # a whole name written out is that name, unless the question writes out more of a longer one or names its kind
            if any(mentions[k].start < c.start or mentions[k].end > c.end for k in inside if kinds[k] & {"department", "budget_unit"}):
                continue
            label = c.form or match_form(c.entity.label)
            key = (c.start, c.end, c.score, label, c.entity.kind)
            if key in refused:
                continue
            if span not in overlapping:
                overlapping[span] = [o for o in ranked if o.start < c.end and o.end > c.start]
            rivals = [o for o in overlapping[span] if o.entity.iri != c.entity.iri and not _holds_its_name(o, named)]
            ties = [o for o in rivals if o.score * CLEAR_MARGIN > c.score]
            same = [o.entity for o in ties if match_form(o.entity.label) == label]  # a project and its goal
            others = [o.entity for o in ties if match_form(o.entity.label) != label]
            entities = list({e.iri: e for e in [c.entity, *same, *others]}.values())
            linked = {e.iri for e in entities}
            if any(e.kind != c.entity.kind for e in others) or any(linked & iris[k] for k, m in enumerate(mentions) if not (m.start < c.end and m.end > c.start)):
                refused.add(key)  # two different things fit equally (nothing is guessed), or it is already named exactly elsewhere
                continue
            start, end, typo = _typo_extent(text, c.start, c.end, label.lower(), blocked)
            for k in range(min(start, c.start), max(end, c.end)):
                taken[k] = True
            free.clear()
            while start < end and start > 0 and text[start - 1].isdigit() and text[start] in "年月日号":
                start += 1  # 「2024年信息系通…」: 年 of a year the question names is no part of a name
            mention = Mention(start, end, text[start:end], entities, fuzzy=typo, partial=True)
            mention.alternatives = [o.entity for o in rivals if o.score * CLEAR_MARGIN <= c.score and o.score * 2 >= c.score and o.entity.iri not in linked]
            chosen.append(mention)
        if not chosen:
            return mentions
        kept = [m for m in mentions if not any(m.start < c.end and m.end > c.start for c in chosen)]
        return sorted(kept + chosen, key=lambda m: m.start)


def _over_cut_names(candidate: Candidate, mentions: list[Mention]) -> Candidate:
    """「光纤租赁加维护费用」: a stretch that stops one character short of an exact name its own
    name holds (维护费 of …及维护费, or of …维护经费; 租赁费用 of …租赁费) takes that name in, rather than leaving it to cut the stretch."""
    label = candidate.form or match_form(candidate.entity.label)
    for m in mentions:  # 「基层广播那个维护费」: its name's 维护经费 said the short way
        if candidate.start <= m.start < candidate.end < m.end <= candidate.end + 1 and (m.surface in label or m.surface in said_short(label) or said_short(m.surface) in label):
            return candidate._replace(end=m.end)
    return candidate


def _holds_its_name(candidate: Candidate, named: dict[str, list[tuple[int, int]]]) -> bool:
    """A candidate whose span holds its entity's whole name written out (「经费是|食品安全抽检监测经费」):
    that name is linked already; the stray characters before it rival no other name."""
    return any(candidate.start <= a and b <= candidate.end for a, b in named.get(candidate.entity.iri, ()))

"""The question-answering lexicon, built from the graph at load: every entity's labels, aliases
derived by rule, the synonym data file, a jieba user dictionary and a longest-match automaton.

Matching runs on `match_form(text)`: the normalised question with quotes and 的 removed and
brackets unified, so 「拟购置的固定资产」 finds 拟购置固定资产 and “三公”经费 finds 三公经费.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from kg.parsing.textutil import split_region
from kg.store.embedded import OxigraphStore
from kg.template import load_template
from qa.normalize import normalize

KINDS = {
    "https://budgetkg.org/ontology#Department": "department",
    "https://budgetkg.org/ontology#BudgetUnit": "budget_unit",
    "https://budgetkg.org/ontology#InternalUnit": "internal_unit",
    "https://budgetkg.org/ontology#ClassificationItem": "classification",
    "https://budgetkg.org/ontology#LineItem": "line_item",
    "https://budgetkg.org/ontology#Project": "project",
    "https://budgetkg.org/ontology#StatedFigure": "figure",
    "https://budgetkg.org/ontology#PerformanceGoal": "goal",
    "https://budgetkg.org/ontology#GlossaryTerm": "term",
    "https://budgetkg.org/ontology#CitedDocument": "citation",
    "https://budgetkg.org/ontology#Measure": "measure",
}

_TYPES = """VALUES ?type { bkg:Department bkg:BudgetUnit bkg:InternalUnit bkg:ClassificationItem bkg:LineItem bkg:Project
                 bkg:StatedFigure bkg:PerformanceGoal bkg:GlossaryTerm bkg:CitedDocument bkg:Measure }"""
_ENTITIES = f"""
SELECT DISTINCT ?s ?type ?label ?doc ?code WHERE {{ GRAPH ?doc {{
  {_TYPES}
  ?s a ?type ; rdfs:label ?label .
  OPTIONAL {{ ?s skos:notation ?code }}
}} }}
"""
_ALT_LABELS = f"""
SELECT DISTINCT ?s ?label WHERE {{ GRAPH ?g {{
  {_TYPES}
  ?s a ?type .
  {{ ?s skos:altLabel ?label }} UNION {{ ?s dcterms:title ?label }} UNION {{ ?s skos:prefLabel ?label }}
}} }}
"""
_TEXTS = """
SELECT DISTINCT ?text WHERE {
  VALUES ?p { bkg:text bkg:purpose bkg:responsibility skos:definition bkg:goalText bkg:targetText bkg:reason bkg:detail dcterms:title }
  GRAPH ?g { ?s ?p ?text }
}
"""
# the documents using a shared entity (stated once, in the shared graph): those whose graph points at it
_ITEM_DOCS = """SELECT DISTINCT ?item ?doc WHERE {
  VALUES ?p { bkg:item bkg:measure bkg:department bkg:budgetUnit dcterms:references } GRAPH ?doc { ?x ?p ?item } }"""
_DOCS = """
SELECT DISTINCT ?doc ?year ?dept ?name WHERE {
  GRAPH ?doc { ?doc a bkg:BudgetDocument ; bkg:fiscalYear ?year ; bkg:department ?dept } ?dept rdfs:label ?name }
"""
FUZZY_CUTOFF = 85  # fuzz.ratio a one-character typo of a name of six or more characters reaches
FUZZY_LENGTH = 6  # a name this long or longer may be linked through one character written wrong, not only by its sound
_QUOTES = re.compile(r"[“”\"'‘’「」『』《》]")
OFFICE_SUFFIX = ("股", "科", "室")  # an internal office's kind word (疾病预防控制股)
ORG_SUFFIX = ("局", "中心", "委员会", "委", "办公室", "办", "馆", "院", "所", "站", "队", "厅", "部", "会", "处", "署", "社", "团")


NEGATED = re.compile(r"(?:(?<!是)不是|并非|而非|(?<![是并而])非)$")  # 是不是 asks, it negates nothing


def negated_before(text: str, start: int) -> bool:
    """A negating word right before text[start:] (不是财政拨款的其他资金: 财政拨款 is not asked)."""
    return bool(NEGATED.search(text[:start]))


@lru_cache(maxsize=1 << 16)
def match_form(text: str) -> str:
    """The form both questions and aliases are matched in (cached: kinds match the same labels
    on every question)."""
    text = _QUOTES.sub("", normalize(text))
    return text.replace("的", "").replace("（", "(").replace("）", ")").replace("〔", "[").replace("〕", "]").replace("【", "[").replace("】", "]")


@dataclass(frozen=True)
class Entity:
    iri: str
    kind: str
    label: str
    docs: frozenset[str]
    code: str | None = None


@dataclass
class Document:
    iri: str
    year: int
    department: str  # IRI
    name: str  # full department name
    regions: tuple[str, ...]
    core: str  # name without its region prefix


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    entities: list[Entity]
    measure: str | None = None  # 基本支出 / 项目支出 … bound to this mention
    fuzzy: bool = False
    partial: bool = False  # named by a part of its name (qa.partial)
    alternatives: list[Entity] = field(default_factory=list)  # weaker partial candidates for this span

    def kinds(self) -> set[str]:
        return set(self._by_kind())

    def of(self, *kinds: str) -> list[Entity]:
        grouped = self._by_kind()
        present = [k for k in kinds if k in grouped]
        if len(present) <= 1:
            return list(grouped[present[0]]) if present else []
        return [e for e in self.entities if e.kind in kinds]

    def lies_under(self, whole: Mention) -> bool:
        """Whether every class this mention names lies under a class `whole` names, by code (社保 → 经办机构)."""
        codes = [e.code for e in whole.of("classification") if e.code]
        inner = [e.code for e in self.of("classification") if e.code]
        return bool(codes and inner) and all(any(c.startswith(w) and c != w for w in codes) for c in inner)

    def _by_kind(self) -> dict[str, list[Entity]]:
        """The entities by kind, in their order, kept while `entities` is the same list (a name every
        document repeats is a thousand entities at a thousand documents, asked for its kinds often)."""
        kept = self.__dict__.get("_kept")
        if kept is None or kept[0] is not self.entities:
            grouped: dict[str, list[Entity]] = {}
            for e in self.entities:
                grouped.setdefault(e.kind, []).append(e)
            kept = self.__dict__["_kept"] = (self.entities, grouped)
        return kept[1]


@dataclass
class Lexicon:
    entities: dict[str, Entity]
    aliases: dict[str, set[str]]
    documents: dict[str, Document]
    cues: dict
    automaton: ahocorasick.Automaton = field(repr=False)
    vocabulary: set[str] = field(default_factory=set, repr=False)

    def aliases_starting(self, prefix: str) -> list[str]:
        """The aliases that begin with `prefix` (a sorted list made once, searched by bisection)."""
        ordered = self.__dict__.get("_ordered")
        if ordered is None or len(ordered) != len(self.aliases):
            ordered = self.__dict__["_ordered"] = sorted(self.aliases)
        start = bisect.bisect_left(ordered, prefix)
        end = bisect.bisect_left(ordered, prefix + "\U0010ffff")
        return ordered[start:end]

    def fuzzy(self, window: str, sound: str | None = None, sound_only: bool = False) -> str | None:
        """The alias `window` is a homophone of (same pinyin, ≥ 3 characters) or a one-character
        typo of (≥ 6 characters, similarity ≥ 85), else None."""
        if window in self.aliases or not re.fullmatch(r"[\u4e00-\u9fff]+", window):
            return None
        index = self._pinyin_index()
        sound = sound if sound is not None else _pinyin(window)
        if len(window) >= 3 and sound in index:
            return index[sound]
        if len(window) >= FUZZY_LENGTH and not sound_only:
            from rapidfuzz import fuzz, process

            hit = process.extractOne(window, self._near_enough(window), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit:
                return hit[0]
        return None

    def sounds_like_a_name(self, sound: str) -> bool:
        """Whether a name (≥ 3 characters) is read aloud so: syllables joined by spaces."""
        return sound in self._pinyin_index()

    def _by_length(self) -> dict[int, list[str]]:
        if not hasattr(self, "_lengths"):
            lengths: dict[int, list[str]] = {}
            for alias in self.aliases:
                if len(alias) >= FUZZY_LENGTH:
                    lengths.setdefault(len(alias), []).append(alias)
            self._lengths = lengths
        return self._lengths

    def _near_enough(self, window: str) -> list[str]:
        """The aliases one character shorter than `window`, as long or one longer (in that order)
        that can reach FUZZY_CUTOFF. fuzz.ratio is 200·LCS / (both lengths), and the LCS is at most
        the characters both hold, so an alias lacking more than `misses` of the window's characters
        cannot; one holding none of misses + 1 distinct characters of the window lacks that many.
        Kept in order, so extractOne picks the same first best as over all of them."""
        n = len(window)
        if not hasattr(self, "_near"):
            self._near: dict[int, tuple[list[str], dict[str, list[int]]]] = {}
        if n not in self._near:
            near = [a for m in (n - 1, n, n + 1) for a in self._by_length().get(m, ())]
            holding: dict[str, list[int]] = {}
            for k, alias in enumerate(near):
                for ch in set(alias):
                    holding.setdefault(ch, []).append(k)
            self._near[n] = near, holding
        near, holding = self._near[n]
        misses = math.floor(n - FUZZY_CUTOFF / 200 * (2 * n - 1) + 1e-9)  # the shortest alias, n - 1, allows the most
        chars = sorted(set(window), key=lambda ch: len(holding.get(ch, ())))
        if len(chars) <= misses:
            return near
        return [near[k] for k in sorted(set().union(*(holding.get(ch, ()) for ch in chars[:misses + 1])))]

    def _pinyin_index(self) -> dict[str, str]:
        if not hasattr(self, "_pinyin"):
            index: dict[str, str] = {}
            for alias in self.aliases:
                if len(alias) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", alias):
                    index.setdefault(_pinyin(alias), alias)
            self._pinyin = index
        return self._pinyin

    def _named(self, alias: str) -> list[Entity]:
        """The entities an alias names, by IRI (sorted once: a name every document repeats names a
        thousand entities at a thousand documents, and typo correction links many windows)."""
        if not hasattr(self, "_sorted"):
            self._sorted: dict[str, list[Entity]] = {}
        found = self._sorted.get(alias)
        if found is None:
            found = self._sorted[alias] = sorted((self.entities[i] for i in self.aliases[alias]), key=lambda e: e.iri)
        return found

    @cached_property
    def regions(self) -> tuple[str, ...]:
        """The loaded departments' regions (南屿市, 梓阳县), longest first: a region written before a name
        is the loaded body's, or another's when it is none of these."""
        return tuple(sorted({r for d in self.documents.values() for r in d.regions}, key=len, reverse=True))

    @cached_property
    def _citations(self) -> list[tuple[str, Entity]]:
        return [(match_form(e.label), e) for e in self.entities.values() if e.kind == "citation"]

    def citations_titled(self, words: str) -> list[Entity]:
        """The cited documents whose title holds `words` (a title named without its 文号), found
        over the citations' match forms made once per lexicon (thousands at 1000 documents)."""
        return [e for form, e in self._citations if words in form]

    @cached_property
    def _coded(self) -> list[tuple[str, str]]:
        """(code, label) of every coded entity, sorted by code: a class's descendants are a run."""
        return sorted({(e.code, e.label) for e in self.entities.values() if e.code})

    def descendant_labels(self, code: str) -> set[str]:
        """Labels of the classes under `code` (30201 under 302, 2070109 under 20701)."""
        coded = self._coded
        at = bisect.bisect_right(coded, (code, "\uffff"))
        found = set()
        for other, label in coded[at:]:
            if not other.startswith(code):
                break
            found.add(label)
        return found

    @cached_property
    def own_suffixes(self) -> frozenset[str]:
        """The body-kind words the loaded departments' and units' names end in (局, 馆 …): 全局,
        该站, 局里 point at a loaded body."""
        bodies = [d.core for d in self.documents.values()] + [e.label for e in self.entities.values() if e.kind == "budget_unit"]
        return frozenset(s for name in bodies for s in ORG_SUFFIX if name.endswith(s))

    @cached_property
    def _bodies(self) -> list[tuple[str, str, list[Entity], frozenset[int]]]:
        """Each loaded department's and subordinate unit's name (without region), its suffix, the
        entities its name names and where a shortened name may start: a 局's or 委员会's at its first
        character (卫健局) or its last word (事务局 of 退役军人事务局; 卫生局 may be another body), a unit's or a 中心's at any word of its name
        (救援中心 of 应急救援指挥中心, 数据中心 of 政务数据服务中心), its words
        taken two characters each as _abbreviations does (a segmenter that knows the loaded names
        would keep the name whole). Found once per lexicon, not on every question."""
        found = []
        for office in sorted({e.label for e in self.entities.values() if e.kind == "internal_unit"}):  # 疾控股 of 疾病预防控制股
            name = re.sub(r"[（(][^）)]*[）)]$", "", office)
            suffix = next((x for x in OFFICE_SUFFIX if name.endswith(x)), None)
            if suffix and match_form(office) in self.aliases:
                found.append((name, suffix, self._named(match_form(office)), frozenset({0})))
        units = {split_region(e.label)[1] for e in self.entities.values() if e.kind == "budget_unit"}
        departments = {d.core for d in self.documents.values()}
        for core in sorted(departments | units):
            suffix = _suffix(core)
            if suffix and match_form(core) in self.aliases:
                guarded = core in departments and suffix in self.cues["body_suffixes"]  # 卫生局 may be another 局
                body = len(core) - len(suffix)
                starts = ({0, body - 2} if body >= 4 else {0}) if guarded else set(range(0, body, 2))  # 事务局 of 退役军人事务局: its last word
                found.append((core, suffix, self._named(match_form(core)), frozenset(starts)))
        return found

    def abbreviated_bodies(self, text: str, taken: list[Mention]) -> list[Mention]:
        """Loaded departments and their units named by a shortened name (「岚岗县人社局」「妇幼中心」):
        the longest run before a body's suffix that abbreviates its name, outside the names already
        linked. A run that shortens two bodies' names alike names neither (not a guess)."""
        runs: dict[tuple[int, int], list[Entity]] = {}
        for core, suffix, entities, starts in self._bodies:
            if suffix not in text:
                continue  # most bodies' suffixes are not in a question: no scan
            for at in [k for k in range(len(text)) if text.startswith(suffix, k)]:
                end = at + len(suffix)
                lengths = [n for n in range(min(at, len(core)), 1, -1) if abbreviates(text[at - n:end], core, starts, suffix)]
                if not lengths or any(m.start < end and at - lengths[0] < m.end and not at - lengths[0] <= m.start for m in taken):
                    continue  # a name linked inside the run (城管执法 of 城管执法局) gives way to the body
                runs.setdefault((at - lengths[0], end), []).append(entities)
        found: list[Mention] = []
        for (start, end), named in sorted(runs.items(), key=lambda r: r[0][0] - r[0][1]):  # longest first
            if len(named) == 1 and not any(m.start < end and start < m.end for m in found):
                found.append(Mention(start, end, text[start:end], list(named[0])))
        return sorted(found, key=lambda m: m.start)

    def _kind_alone(self, alias: str) -> bool:
        """Whether the alias is a unit's bare kind word (中心, 大队): the end of each name it stands for."""
        named = self._named(alias)
        return bool(named) and all(e.kind == "budget_unit" and e.label.endswith(alias) for e in named)

    def link(self, text: str) -> list[Mention]:
        """Longest non-overlapping alias matches in `text` (already in match form)."""
        found: list[tuple[int, int, str]] = []
        for end, alias in self.automaton.iter(text):
            found.append((end - len(alias) + 1, end + 1, alias))
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken = [False] * (len(text) + 1)
        mentions: list[Mention] = []
        bounds: set[int] | None = None
        for start, end, alias in found:
            if any(taken[start:end]):
                continue
            if end - start <= SHORT_ALIAS and not alias.isdigit():
                bounds = _word_bounds(text) if bounds is None else bounds
                if start not in bounds:
                    continue  # 「水电费」 holds no 电费, 「支出差额」 no 出差: a short name begins a word (「三公里因公出国」 is 三公 里)
                if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in KIND_ALONE_AFTER and self._kind_alone(alias):
                    continue  # 「园林中心」: the kind word ends a name said in part, it is no unit alone
            if (alias[0].isdigit() and start > 0 and (text[start - 1].isdigit() or text[start - 1] == "." and start > 1 and text[start - 2].isdigit())) or (
                alias[-1].isdigit() and end < len(text) and (text[end].isdigit() or re.match(r"\.\d|%|％|个百分点|万|亿|元", text[end:]))
            ):
                continue  # a code inside a longer number (201 in 2013年), or a number itself (208.3%, 208万元)
            for k in range(start, end):
                taken[k] = True
            mentions.append(Mention(start, end, alias, list(self._named(alias))))
        mentions.sort(key=lambda m: m.start)
        unique: list[Mention] = []
        for m in mentions:  # 职工基本医疗保险缴费（30110）, 30113住房公积金: name and code are one mention
            if unique and m.start - unique[-1].end <= 1:
                before, now = {e.iri for e in unique[-1].entities}, {e.iri for e in m.entities}
                if now <= before or before <= now:
                    unique[-1].end = m.end
                    unique[-1].entities = [e for e in unique[-1].entities if e.iri in now]  # the code narrows the name, either order
                    continue
            unique.append(m)
        return unique


def _lazy_pinyin():
    """pypinyin's lazy_pinyin with each character's own reading: its phrase table (0.1–0.5 s to
    load, on the first question that needs a sound) is not loaded. Names and questions are read
    alike, so a sound written for a name still matches it."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import lazy_pinyin

    return lazy_pinyin


@lru_cache(maxsize=16384)
def _syllable(ch: str) -> str:
    """A character's pinyin (itself when it has none): with no phrase table a text is read
    character by character, so the readings are kept per character."""
    return _lazy_pinyin()(ch, errors=lambda chars: list(chars))[0]


def warm_sounds() -> None:
    """Load pypinyin now (a service's start), not on the first question that reads a sound."""
    _lazy_pinyin()


def _pinyin(text: str) -> str:
    return " ".join(_syllable(ch) for ch in text)


def syllables_of(text: str) -> list[str]:
    """One pinyin syllable per character (others as themselves), so that any window's sound
    is a slice: a question is read aloud once, not once per window."""
    return [_syllable(ch) for ch in text]


def spelt_out(text: str) -> str:
    """The text with everyday spellings and abbreviations written as the documents write them
    (cues.json spellings, expansions: 体彩 → 体育彩票, 好几个 → 多个)."""
    cues = load_cues()
    for short, full in [*cues["spellings"].items(), *cues["expansions"].items()]:
        text = text.replace(short, full)
    return text


@lru_cache(maxsize=1)
def load_cues() -> dict:
    """qa/data/cues.json, each measure's words joined with what the template says it is (kg/data/template.json)."""
    cues = json.loads(resources.files("qa").joinpath("data/cues.json").read_text("utf-8"))
    template = load_template().measures
    if set(cues["measures"]) != set(template):
        raise ValueError(f"qa/data/cues.json measures {sorted(cues['measures'])} ≠ kg/data/template.json measures {sorted(template)}")
    for name, words in cues["measures"].items():
        spec = template[name]
        words.update({k: v for k, v in (("expenditure", spec.expenditure), ("fund", spec.fund)) if v})
        words.update(column=spec.column, total=list(spec.total))
    return cues


@lru_cache(maxsize=1)
def _act_words() -> dict[str, list[str]]:
    """An act's everyday words (qa/data/honour.json act_synonyms: 购置 → 买, 购买, 添置)."""
    return json.loads(resources.files("qa").joinpath("data/honour.json").read_text("utf-8"))["act_synonyms"]


@lru_cache(maxsize=1)
def load_synonyms() -> list[tuple[str, str]]:
    pairs = []
    for line in resources.files("qa").joinpath("data/synonyms.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, _, canonical = line.partition("\t")
            pairs.append((alias.strip(), canonical.strip()))
    return pairs


def _suffix(name: str) -> str | None:
    """The body-kind word a name ends in (局, 中心, 委员会 …), the longest that fits."""
    return next((x for x in sorted(ORG_SUFFIX, key=len, reverse=True) if name.endswith(x)), None)


def abbreviates(short: str, core: str, starts: frozenset[int] = frozenset({0}), suffix: str | None = None) -> bool:
    """「人社局」 of 人力资源和社会保障局, 「市场监管局」 of 市场监督管理局: a shorter name that keeps the
    suffix and takes, in order, characters of the name before it, starting with its first one —
    how Chinese bodies are shortened (卫健局 of 卫生健康局); 「健康局」 does not start as 卫生健康局 does.
    `starts`: where in the name a shortened name may begin (a unit's: any of its words); `suffix`:
    the kind word, when it is none of a body's (an office's 股)."""
    suffix = suffix or _suffix(core)
    if not suffix or not short.endswith(suffix):
        return False
    head, body = short[: -len(suffix)], core[: -len(suffix)]
    if len(head) < 2 or len(head) >= len(body):
        return False
    for at in sorted(k for k in starts if k < len(body) and body[k] == head[0]):
        rest = iter(body[at:])
        if all(ch in rest for ch in head):
            return True
    return False


def _abbreviations(core: str) -> list[str]:
    """自然资源规划局 → 自资规局: the first character of each word, then the suffix; with four
    words or more also with one middle word left out, as names are shortened in use
    (教育科学技术体育局 → 教科技体局, 教科体局)."""
    suffix = _suffix(core)
    if not suffix:
        return []
    body = core[: -len(suffix)]
    if len(body) < 6 or len(body) % 2:
        return []
    heads = [body[i] for i in range(0, len(body), 2)]
    shorter = ["".join(heads[:i] + heads[i + 1:]) for i in range(1, len(heads) - 1)] if len(heads) >= 4 else []
    return ["".join(heads) + suffix] + [h + suffix for h in shorter]


def _short_names(core: str) -> list[str]:
    """A subordinate unit called by a distinctive part of its name and its kind (救助站 for
    救助管理站, 检测站 for 农产品质量安全检测站, 发展中心 for 教育发展中心): the words of its name
    before the suffix from any word on, or its first word alone, then the suffix."""
    from qa.segment import words

    suffix = _suffix(core)
    if not suffix:
        return []
    parts = [w for w in words(core[: -len(suffix)]) if w]
    if len(parts) < 2:
        return []
    shorter = ["".join(parts[k:]) for k in range(1, len(parts))] + [parts[0]]
    return [match_form(body + suffix) for body in shorter if len(body) >= 2]


def _bracketed_alternatives(base: str) -> set[str]:
    """因公出国(境)费 and 维修(护)费 name two words at once (出国 or 出境, 维修 or 维护): the name with
    either word or both (因公出境费, 因公出国出境费, 维护费), and the pair alone (出国出境, 出国(境))."""
    out: set[str] = set()
    for match in re.finditer(r"([\u4e00-\u9fff]{2})\(([\u4e00-\u9fff])\)", base):
        head, alt = match.group(1), match.group(1)[:-1] + match.group(2)
        before, after = base[:match.start()], base[match.end():]
        out.update({before + head + after, before + alt + after, before + head + alt + after, head + alt, match.group(0)})
    return out


SHORT_ALIAS = 2  # names this short link only as whole words of the question
KIND_ALONE_AFTER = set("和与及跟同、的在是把给对比")  # 「局本级和中心」: a bare kind word names a unit after these


def _word_bounds(text: str) -> set[int]:
    """Where jieba's words of `text` begin and end."""
    from qa.segment import tokenizer

    bounds, at = {0}, 0
    for word in tokenizer().lcut(text, HMM=False):
        at += len(word)
        bounds.add(at)
    return bounds


def derived_aliases(entity: Entity, label: str) -> set[str]:
    """Aliases by rule: no quotes, 费/费用/经费/支出 variants, codes with or without brackets."""
    base = match_form(label)
    out = {base}
    if entity.kind in ("classification", "line_item", "project", "figure", "goal", "term", "measure"):
        for full, short in (("费用", "费"), ("经费", "费"), ("费支出", "费"), ("支出", "费")):
            if base.endswith(full) and len(base) - len(full) >= 2:
                out.add(base[: -len(full)] + short)
        if base.endswith("预算") and len(base) >= 6:
            out.add(base[:-2])
        if (entity.kind == "classification" and not base.endswith(("支出", "费", "费用", ")", *load_cues()["body_suffixes"], *load_cues()["unit_suffixes"]))
                and not re.search(r"\d", base) and len(base) >= 2):  # 档案馆支出: the body's spending, not the class 档案馆
            out.add(base + "支出")  # 「网信事务支出」: a class said with 支出, as most class names are
        if entity.kind == "classification" and base.endswith("支出") and len(base) >= 6:
            stem = base[:-2]
            out.update({stem + "类", stem.replace("和", "") + "类"})  # 「商品和服务类（的）支出」, 「商品服务类科目」: a class said as a kind
        for act, words in _act_words().items():  # 「买办公设备的钱」: 办公设备购置 said as the act done to the thing
            stem = re.sub(rf"{act}(?:经费|费)?$", "", base)
            if stem != base and len(stem) >= 2:
                out.update(word + stem for word in words)
        if base.endswith("费") and len(base) >= 6:
            out.add(base[:-1])
        if base.endswith("费") and len(base) >= 3:
            out.add(base + "用")
        out.update(_bracketed_alternatives(base))
        paren = re.sub(r"\([^)]*\)$", "", base)
        if paren != base and len(paren) >= 2:
            out.add(paren)
            inner = re.search(r"\(([^)]*)\)$", base)
            if inner and len(inner.group(1)) >= 4:
                out.add(inner.group(1))
            if inner and inner.group(1):
                out.add(paren + inner.group(1))  # 「宣传工作经费二期」: the qualifier written on, without brackets
    if entity.code:
        out.update({entity.code, f"[{entity.code}]", f"({entity.code})"})
    if entity.kind in ("department", "budget_unit"):
        regions, core = split_region(label)
        if regions:
            out.add(match_form(core))
            out.add(match_form(regions[-1] + core))
        for abbreviation in _abbreviations(core):
            out.add(abbreviation)
            if regions:
                out.add(regions[-1] + abbreviation)
                out.add(regions[-1].rstrip("区县市") + abbreviation)
    if entity.kind == "budget_unit":
        out.update(_short_names(split_region(label)[1]))
    if entity.kind == "citation":
        number = re.search(r"\[\d{4}\]\d+号", base)
        if number:
            out.add(number.group(0))
        regions, core = split_region(label)
        if regions and len(core) >= 6:  # 「第四次全国文物普查实施方案」: a cited title without its region
            out.add(match_form(core))
        for prefix in load_cues()["title_prefixes"]:
            if base.startswith(prefix) and len(base) - len(prefix) >= 3:  # 「预算法」
                out.add(base[len(prefix):])
    return {a for a in out if len(a) >= 2}


def _name_the_figures(entities: dict[str, Entity], labels: dict[str, set[str]], by_label: dict[str, set[str]],
                      aliases: dict[str, set[str]]) -> None:
    """A glossary term named 「行政经费（机关运行经费）」 also names the figure 行政经费 (or
    机关运行经费) of the tables: asked for an amount by the term's full name, the figure answers."""
    for iri, entity in entities.items():
        if entity.kind != "term":
            continue
        for label in labels[iri]:
            full = match_form(label)
            parts = re.fullmatch(r"(.{2,}?)\(([^)]{2,})\)", full)
            if not parts:
                continue
            owners = {o for part in parts.groups() for o in by_label.get(part, ()) if entities[o].kind in ("figure", "line_item")}
            if owners:
                aliases.setdefault(full, set()).update(owners)


def _heads(core: str) -> list[str]:
    """Short names of a unit: the last words of its name, at least three characters (检测站 of
    农产品质量安全检测站, 发展中心 of 教育发展中心), and its first word with its suffix (救助站 of
    救助管理站, 教育中心 of 教育发展中心): what readers call the unit for short."""
    from qa.segment import words

    parts = words(core)
    head = ""
    for word in reversed(parts):
        head = word + head
        if len(head) >= 3:
            break
    suffix = _suffix(core)
    short = parts[0] + suffix if suffix and len(parts) >= 2 and len(parts[0]) >= 2 and not parts[0].endswith(suffix) else ""
    return [n for n in (head, short) if 3 <= len(n) < len(core)]


def _kind_word(core: str) -> list[str]:
    """The words of a unit's kind its name ends in, two characters or more: its suffix (中心) and its
    last word when that ends in it (大队 of 综合执法大队, 服务中心)."""
    from qa.segment import words

    suffix = _suffix(core)
    if not suffix:
        return []
    return [w for w in dict.fromkeys([suffix, words(core)[-1]]) if len(w) >= SHORT_ALIAS and w.endswith(suffix) and w != core]


def _name_the_units_by_head(entities: dict[str, Entity], aliases: dict[str, set[str]]) -> None:
    """A subordinate unit is also named by its head (「检测站」) or its kind alone (「局本级和中心」), when
    no other unit has that head and nothing else is named so."""
    heads: dict[str, set[str]] = {}
    for iri, entity in entities.items():
        if entity.kind == "budget_unit":
            core = split_region(entity.label)[1]
            for head in [*_heads(core), *_kind_word(core)]:
                heads.setdefault(head, set()).add(iri)
    for head, owners in heads.items():
        if len(owners) == 1 and head not in aliases:
            aliases[head] = set(owners)


def build_lexicon(store: OxigraphStore) -> Lexicon:
    docs: dict[str, Document] = {}
    for row in store.select(_DOCS):
        regions, core = split_region(row["name"])
        docs[row["doc"]] = Document(row["doc"], int(row["year"]), row["dept"], row["name"], regions, core)
    item_docs: dict[str, set[str]] = {}
    for row in store.select(_ITEM_DOCS):
        item_docs.setdefault(row["item"], set()).add(row["doc"])
    labels: dict[str, set[str]] = {}
    raw: dict[str, dict] = {}
    for row in store.select(_ENTITIES):
        iri = row["s"]
        kind = KINDS[row["type"]]
        entry = raw.setdefault(iri, {"kind": kind, "label": row["label"], "docs": set(), "code": row["code"]})
        if kind == "department":
            entry["kind"] = kind
        if row["doc"] in docs:
            entry["docs"].add(row["doc"])
        labels.setdefault(iri, set()).add(row["label"])
    for row in store.select(_ALT_LABELS):
        if row["s"] in labels:
            labels[row["s"]].add(row["label"])
    measures = set(load_cues()["measures"])
    entities = {
        iri: Entity(iri, e["kind"], e["label"], frozenset(e["docs"] | item_docs.get(iri, set())), e["code"])
        for iri, e in raw.items()
        if e["kind"] != "measure" or e["label"] in measures or e["label"] not in load_cues()["generic_columns"]
    }
    by_label: dict[str, set[str]] = {}
    for iri in entities:
        for label in labels[iri]:
            by_label.setdefault(match_form(label), set()).add(iri)
    aliases: dict[str, set[str]] = {}
    for iri, entity in entities.items():
        for label in labels[iri]:
            for alias in derived_aliases(entity, label):
                owners = by_label.get(alias, {iri})
                if owners - {iri} and iri not in owners and entity.kind not in ("department", "budget_unit"):
                    continue  # a rule-made alias never takes another entity's own name
                aliases.setdefault(alias, set()).add(iri)
    _name_the_figures(entities, labels, by_label, aliases)
    _name_the_units_by_head(entities, aliases)
    for alias, canonical in load_synonyms():
        targets = by_label.get(match_form(canonical))
        if targets and match_form(alias) not in aliases:
            aliases[match_form(alias)] = set(targets)
    automaton = ahocorasick.Automaton()
    for alias in aliases:
        automaton.add_word(alias, alias)
    automaton.make_automaton()
    cues = load_cues()
    lexicon = Lexicon(entities, aliases, docs, cues, automaton)
    texts = [row["text"] for row in store.select(_TEXTS)]
    lexicon.vocabulary = _vocabulary(lexicon, labels, texts)
    lexicon._pinyin_index()  # the names' sounds, made with the lexicon and saved with it (1.5 s at a thousand documents), not on a question
    return lexicon


def _version() -> str:
    """The lexicon's code and data, hashed: a saved lexicon made by other code or data is stale."""
    root = Path(__file__).resolve().parent
    data = [p for p in sorted((root / "data").rglob("*")) if p.is_file()]
    files = [root / "lexicon.py", root / "normalize.py", root / "segment.py", *data,
             root.parent / "kg" / "parsing" / "textutil.py", *sorted((root.parent / "kg" / "data").glob("*.json"))]
    digest = hashlib.sha1()
    for path in files:  # a module that moved fails here, not silently out of the key
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def saved_lexicon(store: OxigraphStore) -> Lexicon:
    """The lexicon of the store's live generation: loaded from beside it when this code and data
    made it, else built from the graph (qa.index.load_or_build) and saved there."""
    from qa.index import load_or_build

    return load_or_build(store, "lexicon", _version(), build_lexicon)


def _vocabulary(lexicon: Lexicon, labels: dict[str, set[str]], texts: list[str]) -> set[str]:
    """Words a question may contain without being unknown: cue words, units and the words of
    the documents' labels and texts. Anything else names something the documents do not hold."""
    from kg.template import load_template
    from qa.segment import dictionary_words, remember_pieces

    words: set[str] = set()
    cues = lexicon.cues
    for group in cues["intents"].values():
        words.update(match_form(w) for w in group)
    for group in cues["sets"].values():
        words.update(match_form(w) for w in group)
    for spec in cues["measures"].values():
        words.update(match_form(w) for w in spec["aliases"])
    for group in cues["totals"].values():
        words.update(match_form(w) for w in group)
    words.update(match_form(w) for w in cues["stopwords"])
    words.update(cues["comparators"])
    words.update(cues["levels"])
    words.update(cues["this_year"] + cues["last_year"] + cues["self_unit"])
    template = load_template()
    words.update(template.target_units + template.figure_units + tuple(template.target_comparators))
    words.update(lexicon.aliases)
    forms = {match_form(label) for group in labels.values() for label in group} | {match_form(text) for text in texts}
    remember_pieces(forms)  # documents repeat their labels and texts: each distinct one cut once, its pieces looked up together
    for form in forms:
        words.update(dictionary_words(form))
    return {w for w in words if w}


def cache_dir() -> Path:
    """A folder of the project's own for caches (jieba's dictionary cache)."""
    root = os.environ.get("BUDGETKG_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "budgetkg")
    path = Path(root)
    path.mkdir(parents=True, exist_ok=True)
    return path

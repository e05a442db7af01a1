"""The typed query frame between understanding a question and querying the graph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from qa.known import is_known
from qa.lexicon import Mention, load_cues, match_form
from qa.name_filter import NameFilter
from qa.ranges import Range
from qa.segment import content_nouns, unknown_nouns


@dataclass
class Frame:
    question: str  # as asked
    text: str  # match form
    intent: str = "lookup"
    mentions: list[Mention] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)  # measures not bound to a mention
    fund: str | None = None  # the fund an expenditure measure is said of (一般公共预算项目支出)
    docs: list[str] = field(default_factory=list)  # document IRIs in scope
    year: int | None = None
    last_year: bool = False
    operator: str | None = None  # >=, >, <=, <
    threshold: Decimal | None = None
    range: Range | None = None  # 超过A不到B: both ends (qa.ranges)
    n: int | None = None  # top N
    rank: int | None = None  # 排第二 / 第三大: the N-th of a ranking
    direction: str | None = None  # max | min
    set_kind: str | None = None  # projects, key_projects, duties, internal_units, budget_units, citations …
    table: int | None = None  # 表N named in the question
    classification: str | None = None  # economic | functional
    level: int | None = None  # 1 类, 2 款, 3 项
    totals: list[str] = field(default_factory=list)  # 本年支出合计 … named by a synonym
    cues: set[str] = field(default_factory=set)  # cue groups present
    cue_spans: list[tuple[int, int]] = field(default_factory=list)  # where the cue words stand
    name_spans: list[tuple[int, int]] = field(default_factory=list)  # cue words that name a total or measure (支出总计)
    want_yuan: bool = False
    unit_word: str | None = None  # 次, 条, 分钟 … asked for
    refusal: str | None = None  # why the document cannot answer
    unknown: list[str] = field(default_factory=list)
    breakdown: list[str] = field(default_factory=list)  # 在各个镇（街）怎么分配: a breakdown by what no set of the document is
    follow_up: bool = False
    scope_kept: bool = False  # the documents in scope came from the session's previous question
    money_scope: str | None = None  # 财政拨款 of 「财政拨款口径下的X」: the money of a table (表4) the figure must be of
    scope_refused: bool = False  # a year, a body or a level that is not loaded: nothing may answer
    self_of_units: bool = False  # 本级 named where the department has subordinate units: one unit of several, not the department
    first_of_series: bool = False  # 「X（第一批）」 of an X written without its part beside an X（第二批）: X is the first
    context: str = ""  # the asker's context or premise set aside before the question (match form)
    name_part: NameFilter | None = None  # 名称以“股”结尾的内设机构, 有几个中心: the part of their names that narrows a set of offices or units
    guessed: Mention | None = None  # 「最大的是不是办公费」: a member the asker guesses is the top, checked in the answer

    def measure_words(self) -> set[str]:
        """The measures the question names, each in every spelling cues.json gives it (match form): where they
        stand in the text."""
        measures = load_cues()["measures"]
        return {match_form(w) for name in self.measures for w in [name, *measures.get(name, {}).get("aliases", [])]}

    def value_mentions(self) -> list[Mention]:
        """Mentions of things that carry amounts."""
        kinds = {"classification", "line_item", "project", "figure", "goal", "budget_unit"}
        return [m for m in self.mentions if m.kinds() & kinds]

    def lists_after(self, m: Mention) -> bool:
        """「各种社保缴费（养老、职业年金、医保）合计」: a name followed by brackets listing two or more
        named things is the set those are of, not one more thing."""
        bracket = re.match(r"[^()（），,。]{0,4}[(（]([^()（）]*)[)）]", self.text[m.end:])  # 「社保缴费（…）」: a word of its kind may stand between
        if bracket is None:
            return False
        start, end = m.end + bracket.start(1), m.end + bracket.end(1)
        return sum(1 for o in self.value_mentions() if start <= o.start and o.end <= end) >= 2

    def masked(self) -> str:
        """The match form with the names it links blanked out: an operator word inside a name
        (「比重大…病虫害」) is not an operator."""
        text = list(self.text)
        for m in self.mentions:
            text[m.start:m.end] = "＃" * (m.end - m.start)
        return "".join(text)

    def free_nouns(self, start: int = 0, end: int | None = None, shortest: int = 2, known: bool = False) -> list[str]:
        """Content nouns of text[start:end] that no mention or cue word takes and that carry
        something (not a stop word, an answer-type noun or a back-reference): what a reading that
        links nothing to them would drop. With `known`, also the words the documents hold."""
        chars = list(self.text)
        for a, b in [(m.start, m.end) for m in self.mentions] + list(self.cue_spans):
            chars[a:b] = " " * (b - a)
        cues = load_cues()
        stop = set(cues["stopwords"]) | set(cues["unit_nouns"])
        labels = "".join(e.label for m in self.mentions for e in m.entities)
        return [w for chunk in "".join(chars[start:end]).split() for w in content_nouns(chunk) + unknown_nouns(chunk)
                if len(w) >= shortest and w not in stop and w not in labels and (known or not is_known(w, self.text, self.mentions))]

    def describe(self) -> dict:
        return {
            "intent": self.intent,
            "entities": [{"text": m.surface, "labels": sorted({e.label for e in m.entities}), "measure": m.measure} for m in self.mentions],
            "measures": self.measures,
            "fund": self.fund,
            "year": self.year,
            "last_year": self.last_year,
            "operator": self.operator,
            "threshold": str(self.threshold) if self.threshold is not None else None,
            "range": self.range.words() if self.range else None,
            "n": self.n,
            "rank": self.rank,
            "direction": self.direction,
            "set": self.set_kind,
            "table": self.table,
            "level": self.level,
        }

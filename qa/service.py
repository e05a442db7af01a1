"""The one way in for every shell (CLI, HTTP, Gradio): QAService(store).ask(question, session)."""

from __future__ import annotations

import copy
import dataclasses
import gc
import json
import logging
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from kg.store.embedded import OxigraphStore
from qa import clauses, commentary, honour, kinds, queries
from qa.answer import Answer, fmt
from qa.execute import Ambiguous, Executor, NotAnswerable
from qa.facts import FactReader
from qa.frame import Frame
from qa.index import fact_index
from qa.kinds.describe import TEXT_LACKS
from qa.lexicon import Lexicon, load_cues, match_form, saved_lexicon, warm_sounds
from qa.segment import Words
from qa.understand import Understander
from qa.years import YEAR

log = logging.getLogger(__name__)
CACHE_SIZE = 4096  # answers kept per service (a few MB)
MAX_TITLES = 8  # documents named in a reply that asks which one
MAX_AGREEING = 4  # a question naming no document is tried on each of at most this many (a department's years)


def _after_context(question: str, frame: Frame) -> str:
    """The question without the context the understanding set aside (「看到说在编人数增加了，所以想核一下：」),
    so that its words are not checked against the answer."""
    if not frame.context:
        return question
    stops = "[,，。!！?？;；:：—]"
    if match_form(question).startswith(frame.context[:4]):  # the context opens the question: as many clauses as it holds
        ends = [m.end() for m in re.finditer(f"{stops}+", question)]
        held = len(re.findall(f"{stops}+", frame.context))
        if 0 < held <= len(ends):
            return question[ends[held - 1]:]
    set_aside = set(re.findall(f"[^{stops[1:-1]}]+", frame.context))  # idle clauses between others (「…，涨幅看着很吓人，…」)
    return "".join(c for c in re.findall(f"[^{stops[1:-1]}]+{stops}*", question) if match_form(re.sub(f"{stops}+$", "", c)) not in set_aside)


def _frame_key(frame: Frame | None) -> str | None:
    return None if frame is None else json.dumps(frame.describe(), ensure_ascii=False, sort_keys=True, default=str)


def _copied(answer: Answer) -> Answer:
    """A copy the caller may change without changing the cached answer: containers are copied,
    their values (str, Decimal, frozen Source) are immutable; several times cheaper than copy.deepcopy."""
    return dataclasses.replace(answer, items=list(answer.items), sources=list(answer.sources),
                               suggestions=list(answer.suggestions), frame=_plain_copy(answer.frame),
                               rows=_plain_copy(answer.rows))


def _plain_copy(value):
    if isinstance(value, dict):
        return {k: _plain_copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return type(value)(_plain_copy(v) for v in value)
    return value


def _drops_a_filter(reading: kinds.Reading, frame: Frame, named: bool) -> bool:
    """A reading with no slot for a threshold, a top N, a rank or a name filter the question states
    (another reading read it: `named`) would answer without it (「本级超过30万元的项目合计」 is not
    本级's whole project expenditure, 「下属单位里名称带X的项目合计」 not the units' whole)."""
    if frame.threshold is not None and frame.operator and reading.slot("range") is None:
        return True
    if named and reading.slot("name") is None and reading.slot("topic") is None:
        return True
    return bool(frame.rank or frame.n) and reading.slot("rank") is None and reading.slot("n") is None


def _quotes(text: Answer, figure: Answer) -> bool:
    """A text answer (a passage, no figure) that states the figure answer's own value in its unit."""
    return text.value is None and not text.items and f"{fmt(figure.value, figure.unit)}{figure.unit}" in text.answer


@dataclass
class Session:
    """What a follow-up question (「那项目支出呢？」) may reuse."""

    previous: Frame | None = None
    history: list[tuple[str, str]] = field(default_factory=list)


class QAService:
    def __init__(self, store: OxigraphStore, *, serving: bool = False) -> None:
        """serving: a long-lived service (the app, the HTTP API, a benchmark) readies itself for many
        questions at its start; a one-question `kgqa ask` does not pay for that."""
        self.store = store
        self.serving = serving
        self._lock = threading.Lock()
        self.reload()

    def reload(self) -> None:
        """Load the fact index and the lexicon of the live generation (after a document is added)."""
        gc.unfreeze()  # what an earlier load froze may now be garbage
        index = fact_index(self.store)
        lexicon = saved_lexicon(self.store)
        words = Words(set(lexicon.aliases) | set(lexicon.cues["budget_words"]))
        titles = {r["doc"]: r["title"] for doc in index.documents for r in index.select(queries.DOCUMENT, {"doc": doc})}
        with self._lock:
            self.lexicon: Lexicon = lexicon
            with words.active():
                self.understander = Understander(lexicon)
            self.words = words
            self._examples = self._make_examples()
            self._labels = sorted({e.label for e in lexicon.entities.values() if e.kind in ("project", "classification", "figure", "term")})
            self.titles = titles
            self.index = index
            self.generation = index.generation
            self._cache: OrderedDict = OrderedDict()
        if self.serving:
            warm_sounds()  # the first question that reads a sound does not pay for the import
            gc.collect()
            gc.freeze()  # the index and lexicon are read-only: the collector need not scan them again (at 1000 documents a full pass took ~0.1 s, on some question)

    def new_session(self) -> Session:
        return Session()

    def ask(self, question: str, session: Session | None = None) -> Answer:
        """Answer one question; never raises for anything a user can type.

        Answers are cached per (question, previous question of the session, store generation):
        the graph is read-only between reloads, so the same question gets the same answer."""
        question = question if isinstance(question, str) else ""
        previous = session.previous if session else None
        key = (question, _frame_key(previous), self.generation)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
        if cached is not None:
            frame, answer = cached
            if session is not None and answer.answered:
                session.previous = frame
                session.history.append((question, answer.answer))
            return _copied(answer)
        with self.words.active():  # this store's names, and no other's, cut the question
            asked = commentary.without_remarks(question, self.understander.carries, self.understander.names_thing)  # 「…？（我猜是X吧）」: the asker's remarks ask nothing
            frame, answer = self._answer(asked, previous)
            answer = self._in_parts(asked, frame, answer, previous)
        answer.question = question
        if session is not None and answer.answered:
            session.previous = frame
            session.history.append((question, answer.answer))
        with self._lock:
            self._cache[key] = (frame, _copied(answer))
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return answer

    def _in_parts(self, asked: str, frame: Frame | None, answer: Answer, previous: Frame | None) -> Answer:
        """A question of several asks answered ask by ask when the whole answer does not hold them
        all: two asks of one thing (「X依据哪个文件，钱干什么用」), two rankings (「涨得最多的和跌得最多的
        分别是哪个」, both or no answer), two asking sentences (「哪几个股室？其中X股管什么？」), and a
        last clause asking of the thing found (「哪个项目钱最多，做什么的」)."""
        split = answer.answered or any(m in answer.answer for m in (honour.SECOND_ASK, honour.OPERATOR_DROPPED, TEXT_LACKS))  # any other refusal of the whole stands
        asks = clauses.split_asks(asked, frame) if split else None
        ranked = clauses.two_superlatives(asked) if asks is None else None
        sentences = clauses.two_sentences(asked) if asks is None and ranked is None else None
        if asks is not None:
            first, second = (self._answer(ask, previous)[1] for ask in asks)
            answer = (clauses.joined(first, second, both_asked=honour.SECOND_ASK in answer.answer) if first.answered else None) or answer
        elif ranked is not None:
            first, second = (self._answer(one, previous)[1] for one in ranked)
            missing = next((q for q, a in zip(ranked, (first, second), strict=True) if not a.answered), None)
            both = clauses.joined(first, second, both_asked=True) if missing is None else None
            answer = dataclasses.replace(both, value=None, unit=None) if both else self._refusal(  # two figures: none is the answer's
                asked, frame, f"“{missing}”没有找到答案，两项都答才算回答" if missing else "两项排名的答案无法合并")
        elif sentences is not None:
            first_frame, first = self._answer(sentences[0], previous)
            second_frame, second = self._answer(sentences[1], first_frame or previous)
            own = second_frame is not None and (any(not m.of("department") for m in second_frame.mentions) or bool(second_frame.measures or second_frame.totals))  # 「用在哪个项目上」 names nothing: it asks of the first answer
            anew = clauses.asks_anew(sentences[1]) or clauses.other_year(*sentences)  # 「又有哪个…没了」「2024年…？2025年又…？」: a set or a year of its own
            lead = clauses.lead(sentences[0])
            if lead and not own and anew:  # 「基本支出按经济分类看，…没了的是哪几个？反过来新加的又是哪个？」: the set said first is the second's too
                second_frame, second = self._answer(lead + sentences[1], previous)
            both = clauses.covers(answer, first) and clauses.covers(answer, second)
            if (own or anew) and first.answered and second.answered and not both:
                answer = clauses.joined(first, second, both_asked=True) or answer
                if second.value is not None and clauses.checks_a_claim(sentences[0]):  # 「有人说X翻了几倍，是真的吗？X增长了百分之多少？」: the figure asked is the second's
                    answer = dataclasses.replace(answer, value=second.value, unit=second.unit)
            elif not answer.answered and not first.answered and second.answered and second.value is not None and clauses.checks_a_claim(sentences[0]) and own:
                answer = dataclasses.replace(second, answer=f"{second.answer}（“{sentences[0].rstrip('？?')}”文件没有直接说明，以上是问到的数字）")  # 「应急局是不是给人涨工资了？工资福利支出…增加了多少」: the figure asked after, the guess left to it
            elif answer.answered and first.answered != second.answered and anew:
                missing = sentences[1] if first.answered else sentences[0]
                return self._refusal(asked, frame, f"“{missing}”没有找到答案，两问都答才算回答")  # 「…怎么解释的？另外…又是什么理由？」: never one ask for two
        about = clauses.about_the_answer(asked, frame, answer)
        if about is not None:
            answer = clauses.joined(answer, self._answer(about, previous)[1]) or answer
        return answer

    def _answer(self, question: str, previous: Frame | None) -> tuple[Frame | None, Answer]:
        chosen, asked = kinds.chosen_reading(question, [k.name for k in kinds.REGISTERED])
        try:
            frame = self.understander.understand(asked, previous)
        except Exception:  # a bug must not reach a user as a stack trace
            log.exception("understanding failed")
            return None, self._refusal(question, None, "无法理解这个问题")
        reader = FactReader(self.store, self.titles, self.index)
        executor = Executor(reader, self.lexicon)
        try:
            executor.narrowed_by_spelling(frame)
            executor.narrowed_by_amount(frame)
            try:
                answer = self._honoured(question, frame, executor, chosen)
            except Ambiguous as exc:
                answer = self._same_in_each(question, frame, executor, chosen, exc)
            relative = frame.year is not None and not YEAR.search(frame.text)  # 「去年X是多少」 with both years loaded: the year was chosen
            if (frame.scope_kept or relative) and len(frame.docs) == 1 and len(self.titles) > 1 and answer.answered \
                    and len({s.document for s in answer.sources}) <= 1:  # say which document (an answer across two years says both)
                answer.answer = f"{self.titles.get(frame.docs[0], '')}：{answer.answer}"
            if frame.mentions and any(m.fuzzy for m in frame.mentions):
                guessed = "、".join(f"“{m.entities[0].label}”" for m in frame.mentions if m.fuzzy)
                answer.answer += f"（问题中的词按近似词{guessed}理解）"
        except Ambiguous as exc:
            shown = "；".join(exc.titles[:MAX_TITLES]) + (f"等{len(exc.titles)}个文件" if len(exc.titles) > MAX_TITLES else "")
            answer = self._refusal(question, frame, "多个文件都能回答，请说明是哪个部门或年度：" + shown)
            answer.suggestions = [f"{t.replace('部门预算', '')}的{question}" for t in exc.titles][:3]
        except kinds.AskBack as exc:
            answer = self._ask_back(question, frame, exc.readings)
        except NotAnswerable as exc:
            answer = self._refusal(question, frame, str(exc))
        except Exception:
            log.exception("answering failed")
            answer = self._refusal(question, frame, "回答时出错")
        answer.query = reader.shown_query()
        return frame, answer

    def _honoured(self, question: str, frame: Frame, executor: Executor, chosen: str | None) -> Answer:
        answer = self._run(frame, executor, chosen)
        unhonoured = (honour.missing(_after_context(question, frame), frame, answer) or honour.unused_mention(frame, answer, answer.query, self.lexicon)
                      or honour.modifier_dropped(frame, answer, self.lexicon) or honour.part_not_given(frame, answer, self.lexicon))
        if unhonoured:
            raise NotAnswerable(unhonoured)
        return answer

    def _same_in_each(self, question: str, frame: Frame, executor: Executor, chosen: str | None, exc: Ambiguous) -> Answer:
        """A question that names no document, asked of each document in scope: when every one gives
        the same answer (a glossary entry, a unit's duties, in both years of a department) it is the
        answer, cited from each; when they differ, each document's answer if the question asks of each
        (各自, 分别), else the reply asks which document (Ambiguous)."""
        if len(exc.docs) > MAX_AGREEING:
            raise exc
        given = []
        for doc in exc.docs:
            one = copy.copy(frame)
            one.docs = [doc]
            try:
                given.append(self._honoured(question, one, executor, chosen))
            except (NotAnswerable, Ambiguous, kinds.AskBack):
                raise exc from None
        said = {(self._own_words(a.answer, d), a.value, tuple(a.items)) for a, d in zip(given, exc.docs, strict=True)}
        if len(said) > 1 and re.search(load_cues()["each_document"], frame.text):  # 「两年的说明里各自怎么解释」: each document's own answer
            return dataclasses.replace(
                given[0], answer="；".join(f"{self.titles.get(d, d)}：{a.answer.rstrip('。')}" for a, d in zip(given, exc.docs, strict=True)) + "。",
                value=None, unit=None, items=list(dict.fromkeys(i for a in given for i in a.items)),
                sources=list(dict.fromkeys(s for a in given for s in a.sources)))
        if len(said) > 1:
            raise exc
        answer = given[0]
        answer.sources = list(dict.fromkeys(s for a in given for s in a.sources))
        verbatim = len({a.answer.replace(self.titles.get(d, d), "") for a, d in zip(given, exc.docs, strict=True)}) == 1
        answer.answer += f"（{len(given)}个文件的说法{'' if verbatim else '除年份外'}相同）"
        return answer

    def _own_words(self, text: str, doc: str) -> str:
        """An answer without its document's title and year: 「纳入2025年…」 and 「纳入2024年…」 say the same."""
        document = self.lexicon.documents.get(doc)
        text = text.replace(self.titles.get(doc, doc), "")
        return text.replace(f"{document.year}年", "") if document else text

    def _run(self, frame: Frame, executor: Executor, chosen: str | None = None) -> Answer:
        """The best reading: a registered kind's when it explains the question better than the
        classic frame intent does; a scope refusal (a year or a body not loaded) always stands.
        When readings score within CLOSE_MARGIN of the best and give different answers, none is
        given: the reply asks back (AskBack). `chosen` is a reading the user picked from those."""
        if frame.scope_refused:
            raise NotAnswerable(frame.refusal or "没有理解这个问题")
        if frame.breakdown:  # no reading answers it: not a passage, not the whole figure
            raise NotAnswerable(f"文件没有按“{'、'.join(frame.breakdown)}”分开给出 (no breakdown by it)")
        context = kinds.Context(frame, self.lexicon, executor)
        found = [r for r in kinds.readings(context) if r.score > kinds.LEGACY_SCORE]
        named = any(r.slot("name") is not None for r in found)  # a name filter (名称带X) some reading read
        found = [r for r in found if not _drops_a_filter(r, frame, named)]
        if chosen is not None:
            found = [r for r in found if r.kind == chosen]
        best = found[0] if found else None
        if best is not None and chosen != kinds.LEGACY:
            if best.missing:
                raise NotAnswerable(best.missing)
            unknown = best.unexplained(frame.unknown)
            if unknown:
                raise NotAnswerable(f"文件中没有找到“{'、'.join(unknown)}” (not found in the document)")
            close = [r for r in found if best.score - r.score < kinds.CLOSE_MARGIN and not r.missing and not r.unexplained(frame.unknown)]
            if best.score - kinds.LEGACY_SCORE < kinds.CLOSE_MARGIN and frame.intent != "refuse":
                close.append(None)  # the classic frame intent competes as one more reading
            if len(close) >= 2 and chosen is None:
                return self._contest(close, context, executor)
            return self._run_reading(best, context, executor)
        if frame.intent == "refuse":
            raise NotAnswerable(frame.refusal or "没有理解这个问题")
        return self._run_reading(None, context, executor)

    @staticmethod
    def _run_reading(reading: kinds.Reading | None, context: kinds.Context, executor: Executor) -> Answer:
        """The reading's answer, its `query` the queries this reading ran (not those of readings
        tried before it): what the answer looked up, for honour.unused_mention."""
        mark = len(executor.reader.ran)
        if reading is None:
            answer = executor.run(context.frame)
        else:
            answer = kinds.kind(reading.kind).run(reading, context, executor)
            answer.intent = reading.kind if answer.intent == context.frame.intent else answer.intent
        answer.query = "\n".join(dict.fromkeys(executor.reader.ran[mark:]))
        return answer

    def _contest(self, close: list[kinds.Reading | None], context: kinds.Context, executor: Executor) -> Answer:
        """Readings that score alike: answer when all that can answer agree, else ask back."""
        given: list[tuple[str, Answer]] = []
        for reading in close[:3]:
            try:
                given.append((reading.kind if reading else kinds.LEGACY, self._run_reading(reading, context, executor)))
            except NotAnswerable:
                continue
        if not given:
            raise NotAnswerable("几种理解都没有找到答案")
        said = {(str(a.value), tuple(a.items)) if a.value is not None or a.items else a.answer for _, a in given}
        if len(said) == 1:
            return given[0][1]
        valued = [a for _, a in given if a.value is not None and a.unit and not a.items]
        if len(valued) == 1 and all(a is valued[0] or _quotes(a, valued[0]) for _, a in given):
            return valued[0]  # 「全年要检查多少次」: the passage that states the figure agrees with it
        raise kinds.AskBack([kind for kind, _ in given])

    def _ask_back(self, question: str, frame: Frame, readings: list[str]) -> Answer:
        """No answer when readings disagree: the reply names them, each a question to pick."""
        labels = [kinds.reading_label(r) for r in readings]
        text = (f"这个问题有{len(labels)}种理解，答案不同：" + "；".join(f"按{label}" for label in labels)
                + "。请选一种问法，不作推测。")
        return Answer(
            question=question, answered=False, answer=text, intent="ask_back", frame=frame.describe(),
            suggestions=[f"按{label}理解：{question}" for label in labels],
        )

    def _refusal(self, question: str, frame: Frame | None, why: str) -> Answer:
        suggestions = self._suggest(frame)
        text = f"无法回答：{why}。文件中没有这个问题的答案，不作推测。"
        return Answer(
            question=question, answered=False, answer=text, suggestions=suggestions, intent="refuse",
            frame=frame.describe() if frame else {},
        )

    def _suggest(self, frame: Frame | None) -> list[str]:
        """「您是不是要问…」: near labels for unknown words, else answerable examples."""
        labels = self._labels  # made once per generation (reload)
        out: list[str] = []
        for word in (frame.unknown if frame else [])[:2]:
            for label, score, _ in process.extract(word, labels, scorer=fuzz.partial_ratio, limit=2):
                if score >= 60:
                    out.append(f"{label}是多少？")
        return (out + self.examples())[:5]

    def examples(self) -> list[str]:
        """Example questions that this graph can answer (built from its own entities, once per generation)."""
        return list(self._examples)

    def _make_examples(self) -> list[str]:
        projects = sorted(e.label for e in self.lexicon.entities.values() if e.kind == "project")[:1]
        terms = sorted(e.label for e in self.lexicon.entities.values() if e.kind == "term")[:1]
        examples = ["三公经费是多少？", "哪个项目花钱最多？", "项目支出占总支出的比例是多少？"]
        examples += [f"{p}预算多少？" for p in projects] + [f"{t}是什么意思？" for t in terms]
        return examples

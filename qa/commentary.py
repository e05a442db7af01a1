"""The asker's remarks around a question (「（我猜是X吧）」「一个小站比局机关还多，有点意外」「保留两位小数
就行」): a sentence after the first one that asks, or an aside in brackets, that hedges, says what the
asker will do with the answer or how it may be given, or speaks of the asker and asks nothing, is
not part of what is asked. It is taken out before the question is read, so its words neither link
things nor count as unknown. A remark that restricts (不算X, 只看Y) stays, to be honoured or refused.
The words are in qa/data/cues.json (commentary)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from qa.clauses import SENTENCE, statements, unasked
from qa.lexicon import load_cues

ASIDE = re.compile(r"[(（]([^()（）]{2,60})[)）]")
DASHED = re.compile(r"——([^—]{2,60})——")  # 「…感觉不多——可能是我少见多怪——这笔…」: an aside between dashes


class Spec(NamedTuple):
    hedges: re.Pattern
    askers: re.Pattern
    asks: re.Pattern
    restrictions: re.Pattern
    examples: re.Pattern  # an aside that only gives examples, restates or says where
    restated: re.Pattern  # a sentence after the question that only restates it
    renamed: re.Pattern  # a description followed by the name it means
    framing: re.Pattern  # an aside opening the question that frames it
    guessed: re.Pattern  # the asker's guess at the answer to a which-question, at its end
    declined: re.Pattern  # a kind of answer the asker does not want
    continues: re.Pattern  # an asking sentence that goes on from the one before
    points_back: re.Pattern  # an asking sentence pointing at a thing named before it
    clarified: re.Pattern  # a sentence after the question naming what it asks of
    corrected: tuple[re.Pattern, ...]  # the asker correcting themself
    reported: re.Pattern  # a sentence ending in another's question (读者肯定会问为什么)
    claim_source: re.Pattern  # who a claim is said by, opening a sentence (新闻稿说…)
    shares: tuple[str, ...]  # the words asking a share (占比, 比例 …): a clarification holding one asks in full
    whole_parts: re.Pattern  # the whole department with an aside naming what it takes in


@cache
def _spec() -> Spec:
    cues = load_cues()
    spec = cues["commentary"]
    return Spec(re.compile("|".join(map(re.escape, spec["hedges"]))), re.compile("|".join(map(re.escape, spec["askers"]))),
                re.compile(f"{cues['clauses']['asks']}|{spec['yes_no']}"), re.compile(spec["restrictions"]),
                re.compile(spec["examples"]), re.compile(spec["restated"]), re.compile(spec["renamed"]), re.compile(spec["framing"]),
                re.compile(spec["guessed"]), re.compile(spec["declined"]), re.compile(spec["continues"]), re.compile(spec["points_back"]), re.compile(spec["clarified"]),
                tuple(re.compile(p) for p in spec["corrected"]), re.compile(cues["reported"] + r"[^。!！;；?？]*$"),
                re.compile(cues["claim_source"]), tuple(w for w in cues["intents"]["ratio"] if len(w) >= 2), re.compile(spec["whole_parts"]))


def is_remark(text: str) -> bool:
    """A hedge, or the asker speaking of themself without asking; never a restriction."""
    spec = _spec()
    if spec.restrictions.search(text):
        return False
    return bool(spec.hedges.search(text) or spec.askers.search(text) and not spec.asks.search(text))


def points_back() -> re.Pattern:
    """Words of an asking sentence that point back at a thing named before it (它, 这一项, 这部分 …)."""
    return _spec().points_back


def hedged(text: str) -> bool:
    """Whether `text` holds a hedge (好像, 我记得, 应该是): the asker's guess."""
    return bool(_spec().hedges.search(text))


def guesses(text: str) -> list[tuple[int, int]]:
    """The spans of the statements that are the asker's guesses (「我以为就是发临时工工资。」「X好像在缩减。」): what they
    name is not asked."""
    return [(a, b) for a, b in statements(text) if hedged(text[a:b])]


def restricts(text: str) -> bool:
    """Whether `text` restricts what is asked (不算X, 只看Y): never a remark."""
    return bool(_spec().restrictions.search(text))


def _aside_is_remark(inner: str) -> bool:
    spec = _spec()
    return is_remark(inner) or bool(spec.examples.search(inner)) and not spec.restrictions.search(inner)


PART = re.compile(r"[^，,；;]+[，,；;]*")
GUESSED = re.compile(r"猜|以为|估计是|应该是|可能是")  # a guess at what the answer is, not a hedged fact (看起来是大头)


def _aside(match: re.Match) -> str:
    """A bracketed aside, or what of it stays: none of a remark; of one restating the name before it
    with a restriction beside (「（就是养人、维持机关运转的那部分钱，不算项目）」), the restriction alone."""
    inner = match.group(1)
    if _aside_is_remark(inner):
        return ""
    spec = _spec()
    parts = PART.findall(inner)
    if len(parts) > 1 and spec.restated.match(inner):
        kept = "".join(p for p in parts if spec.restrictions.search(p)).rstrip("，,；;")
        return f"（{kept}）" if kept else ""
    return match.group(0)


def _said_after(sentence: str, carries: Callable[[str], bool]) -> str:
    """A sentence after the question without its clauses that ask nothing, restrict nothing and carry
    nothing the documents hold (「写博客时想顺手提一句办公条件。」「不用再说，」), and its remarks (「A我已经抄下来了，」)."""
    spec = _spec()
    parts = PART.findall(sentence)
    kept = [c for c in parts if (spec.asks.search(c) or spec.restrictions.search(c) or carries(c)) and not is_remark(c)]
    if len(kept) < len(parts) and any(spec.asks.search(c) and not carries(c) for c in kept):
        return sentence  # 「我听说X是行政单位，是这样吗」: the ask is of the clause before it
    return "".join(kept)


def _named_before(sentence: str, carries: Callable[[str], bool]) -> str:
    """A hedged sentence before a question that points back at it (「…发现有个X，金额好像不小。麻烦告诉我
    它是多少」「我记得有个X，…」): its parts that name something, the thing 它 stands for among them."""
    carried = [c for c in PART.findall(sentence) if carries(c)]
    plain = [c for c in carried if not GUESSED.search(c)]  # 「X比上一年小了不少，我猜是人员经费砍了？」: the fact is pointed at, not the guess beside it
    kept = "".join(plain or carried)
    end = sentence.rstrip()[-1:]
    return kept[:-1] + end if kept[-1:] in "，," and end in "。!！" else kept  # the sentence still ends where it did


def _corrected(question: str) -> str:
    """The question as the asker corrected it: 「谁的项目支出——不对，我是说基本支出——多」 is 谁的基本支出多
    (the words corrected are as long as the correction), 「…？不对，我是说…」 the latter sentence."""
    def meant(m: re.Match) -> str:
        said, right = m.group("said"), m.group("meant")
        kept = said[:-len(right)] if len(said) > len(right) and not re.search(r"[。？?！!]$", said) else ""
        return kept + right

    for pattern in _spec().corrected:
        question = pattern.sub(meant, question)
    return question


def _renamed(match: re.Match, carries: Callable[[str], bool] | None) -> str:
    """「开门过日子的那部分钱（也就是基本支出）」: the name, not the description; 「商品和服务支出（也就是
    日常公用开支）」: the name before, not the description in brackets."""
    before = match.group(0)[:match.start("name") - match.start()].rstrip("（(也就是即")
    if carries is not None and carries(before) and not carries(match.group("name")):
        return before
    return match.group("name")


def _reason_dropped(sentence: str) -> str:
    """「…，我想知道哪一块钱最多，因为一般印象里学前教育投入偏少。」: a clause after the ask giving the
    asker's reason (因为, 由于) and asking nothing is a remark; so are the clauses from one where the asker
    speaks of themself (我们是做工程的，想判断一下…) on."""
    clauses = re.split(r"(?<=[，,])", sentence)
    asking = [k for k, c in enumerate(clauses) if _spec().asks.search(c)]
    if not asking:
        return sentence
    last = asking[-1]
    tail = [c for c in clauses[last + 1:] if not (re.match(load_cues()["commentary"]["reasons"], c) and not _spec().restrictions.search(c))]
    spoken = next((k for k, c in enumerate(tail) if _spec().askers.match(c.lstrip())), None)  # 「…，我们公司想关注一下采购机会」: the asker on themself
    if spoken is not None and not any(_spec().restrictions.search(c) for c in tail[spoken:]):
        tail = tail[:spoken]
    if len(tail) == len(clauses) - last - 1:
        return sentence
    kept = "".join(clauses[:last + 1] + tail).rstrip("，,")
    return kept + ("" if re.search(r"[。？?！!]$", kept) else "？")


YEAR_SAID = re.compile(r"\d{4}(?=年)")


def _year_clauses(sentence: str, asked_years: set[str]) -> str:
    """The clauses of a remark that name a year the question does not (「注意到2025年X涨了不少。和2024年
    相比…」): the year the question compares with it; and what the asker says they are looking at
    (「我在看项目支出的经济分类，办公费最多我已经知道了。」: the table asked of), with no hedge of its own;
    nothing else of the remark is kept."""
    clauses = re.findall(r"[^，,。；;！!？?]+[，,。；;！!？?]?", sentence)
    viewing = re.compile(load_cues()["story_openers"])
    kept = "".join(c for c in clauses if set(YEAR_SAID.findall(c)) - asked_years
                   or len(clauses) > 1 and viewing.match(c) and not _spec().hedges.search(c))
    return re.sub(r"[，,；;]$", "。", kept)


BARE_ASKED_AGAIN = re.compile(r"[，,](?:那|那么)?(?P<x>[\u4e00-\u9fff]{1,10}?)的?呢[?？]")
RESTATING_LEAD = r"^(?:也就是说?|就是说?|即|换句话说)[，,]?"


def without_remarks(question: str, carries: Callable[[str], bool] | None = None, names: Callable[[str], bool] | None = None) -> str:
    """The question without the asker's remarks (before the first asking sentence, only hedges); the
    question itself when nothing asking is left. carries(text): whether a clause names something the
    documents hold or a word the understanding reads; a sentence after the question keeps only such
    clauses, and those that ask or restrict. names(text): whether it names a thing of the documents;
    a question naming none keeps what a hedged sentence before it names."""
    spec = _spec()
    text = spec.claim_source.sub("", _corrected(question))  # 「新闻稿说X…」: who says it names nothing asked
    text = BARE_ASKED_AGAIN.sub(lambda m: "。" if m.group("x") in text[m.end():] else m.group(0), text)  # 「…砍光了，那局本级呢？局本级的…下降了多少」: asked again in full
    dropped = re.search(rf"[。？?！!](?:但|不过)?(?:{load_cues()['clauses']['withdrawn']})(?:这个|这些|那个|这点)?[,，]", text)
    if dropped and text[dropped.end():].strip():  # 「…为什么还定培训指标？先不管这个，X的绩效目标里…多少人次」: what came before is withdrawn
        text = text[dropped.end():]
    text = spec.renamed.sub(lambda m: _renamed(m, carries), text)
    text = spec.whole_parts.sub(r"\g<whole>", text)  # 「全局（含公证处、法律援助处）」: the whole, said with its parts
    opening = ASIDE.match(text)
    if opening and spec.framing.match(opening.group(1)) and not spec.restrictions.search(opening.group(1)):
        text = text[opening.end():]  # 「（做资产盘点对比用）X…」: the asker's framing before the question
    text = ASIDE.sub(_aside, text)
    text = DASHED.sub(lambda m: "——" if _aside_is_remark(m.group(1)) else m.group(0), text)
    sentences = SENTENCE.findall(text)
    asking = [k for k, s in enumerate(sentences) if spec.asks.search(unasked(s))  # 「看到好几个…科目，有点绕。」 asks nothing
              and not (k < len(sentences) - 1 and spec.reported.search(s.rstrip("。!！;；?？")))  # 「读者肯定会问为什么。」: another's question, reported
              and not (k < len(sentences) - 1 and s.rstrip()[-1:] in "。!！" and GUESSED.search(s))]  # 「我本来以为是新上了什么大工程。」: a guess, its 什么 asks nothing
    first = next(iter(asking), None)
    if first is None:  # no ask word (「占了多大比例」「请列出」): only the asides are taken out
        return text if text.strip() else question
    purposed = -1
    if len(asking) > 1 and re.search(load_cues()["commentary"]["purposes"], sentences[first]) and (carries is None or carries(sentences[asking[1]])):
        purposed, first = first, asking[1]  # 「写稿时想交代X的钱都花在哪些领域。2025年X落在哪几类上」: what the asker means to write, then the question
    continues = spec.continues.match(sentences[first])  # 「我记得X今年是涨了的吧？到底是涨是降…」: the ask goes on from it
    remarks = [k == purposed or not continues and bool(spec.hedges.search(s)) and is_remark(s) for k, s in enumerate(sentences[:first])]  # 「X56万多，我猜是记在Y里的吧？Y是多少」
    pointing = any(remarks) and carries is not None and bool(  # 「X涨了29%…。文件里说的原因是什么」: asked only when a remark stands before
        spec.points_back.search(sentences[first]) or names is not None and not names(sentences[first]))
    asked_years = set(YEAR_SAID.findall(sentences[first]))
    kept = [(_named_before(s, carries) if pointing and k not in asking else _year_clauses(s, asked_years)) if remark else s
            for k, (s, remark) in enumerate(zip(sentences[:first], remarks, strict=True))]
    kept.append(_reason_dropped(sentences[first]))
    named = [m for s in sentences[first + 1:] if (m := spec.clarified.match(s)) and (carries is None or carries(m.group("name")))
             and not re.search(r"最(?:多|少|大|小|高|低)", m.group("name"))]  # 「就是养人、保运转那部分钱最少的」 restates the ask: no name
    if named and (spec.asks.search(unasked(named[0].group("name"))) or any(w in named[0].group("name") for w in spec.shares)):  # 「车的钱占多少？我指的是X在Y中的占比。」: the precise question in full replaces the loose one
        restated = re.sub(r"[。？?！!]+$", "", named[0].group("name"))
        kept[-1] = restated + ("？" if spec.asks.search(unasked(restated)) else "是多少？")
    elif named:  # 「…烧多少钱？我是说公务用车运行维护费。」: the name, in brackets beside the words it restates
        asked = re.sub(r"[。？?！!]+$", "", kept.pop())
        kept.append(f"{asked}（就是{named[0].group('name')}）？")
    restating = [s for s in sentences[first + 1:] if re.match(RESTATING_LEAD, s) and spec.asks.search(unasked(s)) and any(w in s for w in spec.shares)
                 and (carries is None or carries(s))]
    if restating and not named:  # 「X在Y里占多少？也就是基本支出占总支出的比例是多少？」: the share asked again in the document's words
        kept[-1] = re.sub(RESTATING_LEAD, "", restating[0])
    after = [s for s in sentences[first + 1:] if not (is_remark(s) or spec.restated.match(s) and not spec.restrictions.search(s) or spec.clarified.match(s))]
    kept += [_said_after(s, carries) for s in after] if carries is not None else after
    kept_text = spec.guessed.sub(r"\g<ask>？", "".join(kept))  # 「哪个明细最多，是不是基本工资？」: the answer says which; the guess asks nothing more
    kept_text = re.sub(r"(^|[。？?！!])[，,]+", r"\1", spec.declined.sub("", kept_text))  # 「只要差额，不用增长率」: a kind of answer not wanted
    return kept_text if spec.asks.search(kept_text) else question

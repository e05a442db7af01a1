"""Two asks of one thing in two clauses (「X是依据哪个文件安排的，钱主要干什么用？」「X有多少，是
干什么的」): each clause is asked on its own — the second, which names no thing of its own, of the
first clause's thing — and both answers are given as one when they are of one kind or one is about
text, and neither already says the other. Anything less certain keeps the answer to the whole
question as it was."""

from __future__ import annotations

import dataclasses
import re

from qa.answer import Answer, fmt
from qa.frame import Frame
from qa.lexicon import load_cues, match_form
from qa.normalize import normalize

SEPARATOR = re.compile(r"[，,；;。？?！!]|\s+")  # a hurried reader parts clauses by a space


def _clauses(question: str) -> list[str]:
    return [c for c in SEPARATOR.split(question.strip().rstrip("？?。!！")) if c.strip()]


def split_asks(question: str, frame: Frame | None) -> tuple[str, str] | None:
    """The two asking clauses as two questions, each asked of the thing the question names first
    (in an asking clause or in a clause before them: 「文物巡查那个项目，巡查多少次，修缮几处」); or None."""
    if frame is None:
        return None
    spec = load_cues()["clauses"]
    clauses = _clauses(question)
    asking = [c for c in clauses if re.search(spec["asks"], c) and not re.search(spec["withdrawn"], c)]  # 「…我就不问了」 asks nothing
    if len(asking) != 2 or clauses[-2:] != asking and clauses != asking:
        return None  # two asks, the last two clauses (after at most one clause naming the thing)
    cut = len(match_form("".join(clauses[:-1])))
    named = [m for m in frame.mentions if m.kinds() & set(spec["subjects"]) and m.start < cut]
    later = [m for m in frame.mentions if m.start >= cut]
    measures = [alias for name in frame.measures for alias in load_cues()["measures"][name]["aliases"]]
    if any(a >= cut for a, _ in frame.name_spans) or any(w in frame.text[cut:] for w in measures):
        return None  # 「人员经费变化怎么样？基本支出…变化了多少」: the last clause names a measure or total of its own
    if not named or len({e.label for e in named[-1].entities}) != 1:
        return None
    if later and not (named[-1].of("project", "goal") and all(m.kinds() <= {"classification", "line_item"} for m in later)):
        return None  # the last clause names a thing of its own (a class word inside a project's ask is its words: 修缮几处文物)
    phrase = frame.text[:named[-1].end]  # 「2026年检测所的业务培训经费」: the thing with its unit and year
    if re.search(spec["asks"], phrase):
        phrase = frame.text[named[0].start:named[-1].end]
        if re.search(spec["asks"], phrase):
            return None
    first = asking[0] if clauses == asking else phrase + asking[0]
    return first, phrase + asking[1]


SENTENCE = re.compile(r"[^。!！?？]+[。!！?？]*")
SEVERAL = re.compile(r"几(?=[个家项位笔份类张种块十百千万])|(?<=[这那近前好])几(?=[年天次回处])")  # 「在比对几个部门的人员经费。」「2024年才几万元。」「这几年」: several


def statements(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences that end as statements (。/！), not as questions."""
    return [s.span() for s in re.finditer(r"[^。!！?？]+[。!！]", text)]


def asking(text: str) -> str:
    """The clauses of `text` that ask, joined (「金额还不小，想知道主要用来做什么」 → its last clause)."""
    pattern = load_cues()["clauses"]["asks"]
    return "".join(c for c in re.split(r"[，,。？?；;！!]", text) if re.search(pattern, c))


ALIKE = re.compile(r"差不多(?:大|高|多)?(?=[，,。；;！!]|$)")  # 「感觉A和B差不多大，」: alike, no 多大 asked
NOT_MUCH = re.compile(r"没有?(?:什么|啥|多少)|[\u4e00-\u9fff]不了(?:多少|几个|什么)")  # 「我原以为它没什么项目。」「感觉没有什么新项目。」「花不了多少钱。」: "not much", no question


def unasked(sentence: str) -> str:
    """A statement — no question mark, no 想知道/请问 — without the asking words it uses otherwise: 几个
    is "several" (「看到好几个带X字样的科目。」), 什么的 after a list is "and so on", and what the document
    is said to state or leave out (「说明里只写了增加多少。」) or the asker's concern (「我在意是不是套话。」) is no ask."""
    cues = load_cues()
    if not re.search(r"[?？]", sentence) and not any(w in sentence for w in cues["question_intros"]):
        sentence = re.sub(cues["clauses"]["said_only"], "", SEVERAL.sub("", NOT_MUCH.sub("", ALIKE.sub("", sentence))))
        concern = re.search(cues["clauses"]["concern"], sentence)
        doubt = concern is not None and re.search(r"是不是|为什么|为啥|怎么会|有没有", sentence[concern.end():])
        sentence = sentence[:concern.start()] if doubt else sentence  # 「我比较在意理由是不是套话。」: the asker's doubt; 「我好奇它的目标是什么」 still asks
        if concern is not None and not doubt and not sentence[concern.end():].strip("，,。；; "):
            sentence = ""  # 「X的钱走哪个科目我不太清楚，」: what the asker does not know, told
        if "、" in sentence:  # 「行政运行、事业运行什么的。」: a list's "and so on"
            sentence = re.sub(r"什么的?(?=[。，,；;！!]|$)", "", sentence)
    return sentence


def names_asked_after(text: str, end: int) -> bool:
    """Whether a sentence after `end` asks for names (「新冒出来几个X，2024年一个都没有。分别是哪些」):
    a count word before it (几个) is said in a statement, no count asked."""
    return bool(re.search(r"[。!！;；][^。!！;；]*(?:哪些|哪几|是哪)", text[end:]))


def asks(sentence: str) -> bool:
    """Whether a sentence asks (an asking word, or 含不含/算不算), a statement's own words aside (unasked)."""
    return bool(re.search(load_cues()["clauses"]["asks"] + r"|([\u4e00-\u9fff])不\1", unasked(sentence)))


def two_sentences(question: str) -> tuple[str, str] | None:
    """「内设了哪几个股室？其中园林绿化股管什么？」: two sentences that each ask, as two questions;
    or None."""
    sentences = [s for s in SENTENCE.findall(question) if s.strip(" 。!！?？")]
    if len(sentences) == 1 and "、" in sentences[0]:  # 「2024年预算为什么减少、2025年又为什么增加？」: two asks of two years in one sentence
        head, _, tail = sentences[0].rpartition("、")
        if asks(head + "？") and asks(tail) and other_year(head, tail):
            sentences = [head + "？", tail]
    if len(sentences) != 2 or not all(asks(s) for s in sentences):
        return None
    if re.match(r"(?:我|我们|本人|笔者)(?:正|最近)?在", sentences[0]) and not re.search(r"[?？]", sentences[0]):
        return None  # 「我在梳理下属单位的钱都花在哪。能不能把X的项目列一下」: what the asker is doing asks nothing
    if re.search(load_cues()["reason_guessed"], sentences[0]) and not any(w in sentences[1] for w in load_cues()["intents"]["reason"]):
        return None  # 「…全是0，是不是因为统计局根本没车？统计局有几辆公务车」: the guess is checked by the figure asked after it
    return sentences[0], sentences[1]


def lead(sentence: str) -> str:
    """The clauses opening a sentence before its first asking one (「基本支出按经济分类看，」), with their
    separators; empty when the sentence opens with its ask."""
    asks = load_cues()["clauses"]["asks"]
    parts = re.split(r"(?<=[，,；;])", sentence)
    opening = []
    for part in parts[:-1]:
        if re.search(asks, part):
            break
        opening.append(part)
    return "".join(opening)


def asks_anew(sentence: str) -> bool:
    """「又有哪个科目24年有而25年没了」「要是按降幅算，降得最狠的又是哪个」: a sentence opening with a
    word of a further ask (又, 另外), or asking 又是…, asks of its own, not of what the one before found
    (「其中…」「它…」)."""
    spec = load_cues()["clauses"]
    opening = re.match(spec["anew"], sentence) or re.search(spec["anew_inside"], sentence)
    return bool(opening) and not re.match(spec["pointer"], re.sub(spec["anew"], "", sentence, count=1))


def other_year(first: str, second: str) -> bool:
    """「2024年预算为什么减少？2025年又为什么增加？」: each sentence names a year of its own, so the second asks
    anew of its year, not of what the first found."""
    said = [set(re.findall(r"((?:19|20)\d{2})年", s)) for s in (first, second)]
    return all(said) and not said[0] & said[1]


def two_superlatives(question: str) -> tuple[str, str] | None:
    """「涨得最多的和跌得最多的分别是哪个」: two rankings joined in one ask, as two questions (the
    words before them and the ask after them shared); or None."""
    question = normalize(question)
    which = re.search(load_cues()["clauses"]["two_which_superlatives"], question)
    if which is not None:  # 「…里哪项最多、哪项最少」: each ranking with the words before them
        head, tail = question[:which.start()], question[which.end():]
        return head + which.group("a") + tail, head + which.group("b") + tail
    found = re.search(load_cues()["clauses"]["two_superlatives"], question)
    if found is None:
        return None
    head, tail = question[:found.start()], question[found.end():]
    return head + found.group("a") + "是" + tail, head + found.group("b") + "是" + tail


def covers(whole: Answer, part: Answer) -> bool:
    """Whether an answer already says what `part` answers (its figure and its items)."""
    said = whole.answer
    if part.value is None and not part.items:  # a text answer: its words
        return whole.answered and part.answer.rstrip("。") in said
    return whole.answered and (part.value is None or fmt(part.value) in said) and all(i in said for i in part.items)


def about_the_answer(question: str, frame: Frame | None, answer: Answer) -> str | None:
    """「哪个项目钱最多，是做什么的」「X是哪个项目的依据？这个项目安排了多少钱」: a last clause asking
    what a thing is for, or pointing at it (这个项目), naming nothing, after an answer that found one
    thing — the clause asked of that thing; or None."""
    if frame is None or not answer.answered or len(answer.items) != 1:
        return None
    clauses = _clauses(question)
    if len(clauses) < 2:
        return None
    last = clauses[-1]
    start = len(match_form("".join(clauses[:-1])))
    spec = load_cues()["clauses"]
    pointer = re.match(spec["pointer"], last)
    if any(m.end > start for m in frame.mentions) or not (re.search(spec["purpose"], last) or pointer and re.search(spec["asks"], last)):
        return None
    return answer.items[0] + (last[pointer.end():] if pointer else last)


def joined(first: Answer, second: Answer, both_asked: bool = False) -> Answer | None:
    """Both answers as one, when the asks are of one kind, or one of them is about text (a purpose,
    a cited document, a target, a meaning), or the whole was refused for answering one of two
    figures asked (`both_asked`); and neither already says the other (the second naming the first's
    figure, or one answer holding the other). Two asks of other kinds (a sum, then a figure in 元)
    stay the whole question's."""
    textual = set(load_cues()["clauses"]["textual"])
    if not second.answered or not (both_asked or first.intent == second.intent or {first.intent, second.intent} & textual):
        return None
    if second.answer in first.answer or first.answer in second.answer:
        return None
    if first.value is not None and fmt(first.value) in second.answer:
        return None  # 「三公经费是多少，比上年增加多少」: the second answer says the first's figure too
    titles = [a.sources[0].document if a.sources else "" for a in (first, second)]
    first_said, second_said = first.answer, second.answer
    if all(titles) and titles[0] != titles[1] and not any(t in a.answer for t, a in zip(titles, (first, second), strict=True)):
        first_said, second_said = f"{titles[0]}：{first.answer}", f"{titles[1]}：{second.answer}"  # two documents' answers, each said with its own
    return dataclasses.replace(
        first, answer=first_said.rstrip("。") + "。" + second_said,
        value=first.value if first.value is not None else second.value, unit=first.unit if first.value is not None else second.unit,
        items=first.items + [i for i in second.items if i not in first.items],
        sources=list(dict.fromkeys([*first.sources, *second.sources])),
        query="\n\n".join(q for q in (first.query, second.query) if q))


def checks_a_claim(sentence: str) -> bool:
    """Whether a sentence only asks whether something is so (是真的吗, 对不对), or asks openly how a thing
    went (变化怎么样): no figure of its own, the figure asked after it is the answer's."""
    return bool(re.search(load_cues()["claim_checked"], sentence) or re.search(load_cues()["open_ask"], sentence)
                and not re.search(r"多少|几|百分", sentence))

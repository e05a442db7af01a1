"""The asker's remarks around a question (「（我猜是X吧）」「一个小站比局机关还多，有点意外」「保留两位小数
就行」): a sentence after the first one that asks, or an aside in brackets, that hedges, says what the
asker will do with the answer or how it may be given, or speaks of the asker and asks nothing, is
not part of what is asked. It is taken out before the question is read, so its words neither link
things nor count as unknown. A remark that restricts (不算X, 只看Y) stays, to be honoured or refused.
The words are in qa/data/cues.json (commentary)."""

from __future__ import annotations

import re
from functools import cache

from qa.lexicon import load_cues

ASIDE = re.compile(r"[(（]([^()（）]{2,60})[)）]")
SENTENCE = re.compile(r"[^。!！?？]+[。!！?？]*")


@cache
def _spec() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    cues = load_cues()
    spec = cues["commentary"]
    hedges = re.compile("|".join(map(re.escape, spec["hedges"])))
    askers = re.compile("|".join(map(re.escape, spec["askers"])))
    asks = re.compile(f"{cues['clauses']['asks']}|{spec['yes_no']}")
    return hedges, askers, asks, re.compile(spec["restrictions"])


def is_remark(text: str) -> bool:
    """A hedge, or the asker speaking of themself without asking; never a restriction."""
    hedges, askers, asks, restrictions = _spec()
    if restrictions.search(text):
        return False
    return bool(hedges.search(text) or askers.search(text) and not asks.search(text))


def without_remarks(question: str) -> str:
    """The question without the asker's remarks (before the first asking sentence, only hedges); the
    question itself when nothing asking is left."""
    asks = _spec()[2]
    text = re.sub(load_cues()["commentary"]["renamed"], lambda m: m.group("name"), question)  # 「开门过日子的那部分钱（也就是基本支出）」: the name, not the description
    examples = re.compile(load_cues()["commentary"]["examples"])
    text = ASIDE.sub(lambda m: "" if is_remark(m.group(1)) or examples.search(m.group(1)) and not _spec()[3].search(m.group(1)) else m.group(0), text)
    sentences = SENTENCE.findall(text)
    first = next((k for k, s in enumerate(sentences) if asks.search(s)), None)
    if first is None:
        return question
    hedges = _spec()[0]
    kept = [s for s in sentences[:first] if not (hedges.search(s) and is_remark(s))]  # 「X56万多，我猜是记在Y里的吧？Y是多少」
    restated = re.compile(load_cues()["commentary"]["restated"])
    kept += sentences[first:first + 1] + [s for s in sentences[first + 1:] if not (is_remark(s) or restated.match(s) and not _spec()[3].search(s))]
    return "".join(kept) if asks.search("".join(kept)) else question

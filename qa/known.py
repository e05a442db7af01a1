"""Words a question may hold that name nothing the graph lacks, though no label or text of the
documents holds them: what the answer is measured in (幅度, 人数, 多长时间), a back-reference to what
the question already named (前者, 三者), emphasis (光是), a share in tenths (近三成), a speaker in a clause of context (有读者说),
and a word written into the name it stands before (「四街四镇那个…线路费」 for a project whose name
says 4街4镇). Anything else the lexicon does not know still counts as unknown."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from qa import segment
from qa.lexicon import Mention, load_cues

NAME_SPAN = 6  # characters between a word and the name it belongs to (四镇那个)
POINTERS = "那这个的是该"  # words that point at the name they stand before


@cache
def _digits() -> dict[str, str]:
    """Chinese digits as Arabic ones (四 → 4), from qa/data/numerals.json: a name says 4街 where a question says 四街."""
    table = json.loads(resources.files("qa").joinpath("data/numerals.json").read_text("utf-8"))["digits"]
    return {ch: str(value) for ch, value in table.items()}


def fold_digits(text: str) -> str:
    """Chinese digits written as Arabic ones (第二期 → 第2期), so that either spelling compares equal."""
    digits = _digits()
    return "".join(digits.get(ch, ch) for ch in text)


def answer_unit(text: str) -> str | None:
    """The unit an answer-type noun asks in (「下降的幅度」 → %), when its units are one."""
    return next((units[0] for noun, units in load_cues()["answer_nouns"].items() if len(units) == 1 and noun in text), None)


def answer_units(text: str) -> tuple[str, list[str]] | None:
    """The first answer-type noun of `text` whose answer has units, with those units (多长时间 → 分钟, 小时 …)."""
    return next(((noun, units) for noun, units in load_cues()["answer_nouns"].items() if units and noun in text), None)


def is_known(word: str, text: str, mentions: list[Mention], own_suffixes: frozenset[str] = frozenset()) -> bool:
    """`word` (at its first place in `text`) fills or names a slot, belongs to a linked name, speaks
    of the document itself or points at a loaded body (`own_suffixes`: its names' last words)."""
    cues = load_cues()
    if word in cues["answer_nouns"] or word in cues["back_references"] or word in cues["emphasis"]:
        return True
    if re.fullmatch(r"(?:将?近|约|大约|差不多)?[一二两三四五六七八九十几\d]成(?:多|左右)?", word):
        return True  # 「减少了将近三成」: a share said in tenths
    if re.fullmatch(r"[这那][两二三四五六七八九几\d](?:块|笔|项|个|部分|类|样|种|家|处)|[这那]?[两二三四五六七八九几\d](?:期|批)", word):
        return True  # 「A和B这两块，哪个多」: the things just named, counted
    if of_the_document(word) or _distributive(word) or word[0] in cues["self_determiners"] and word[1:] in own_suffixes:
        return True
    if in_own_body(word, own_suffixes):
        return True
    at = text.find(word)
    if at >= 0 and _suffix_then_word(word, at, text, own_suffixes):
        return True
    if at >= 0 and re.match(r"[\u4e00-\u9fff]{0,4}?的?(?:之类|等等)", text[at + len(word):]):
        return True  # 「有的部门会有彩票公益金之类的政府性基金」: an example of a kind, not a thing asked
    speakers = cues["speakers"]
    if word in speakers["nouns"] and at >= 0 and re.sub("^[里上中]", "", text[at + len(word):]).startswith(tuple(speakers["verbs"])):  # 新闻里说
        return True
    return at >= 0 and _inside_next_name(word, at, text, mentions)


def in_own_body(word: str, own_suffixes: frozenset[str]) -> bool:
    """「局里3辆车」「馆里」「本年度中心准备购置的」「局属事业单位」: the loaded body itself, named by its last word,
    a place in it or what belongs to it — naming nothing else."""
    after = [*load_cues()["locatives"], *load_cues()["belonging"]]
    return word in own_suffixes or any(word == suffix + tail for suffix in own_suffixes for tail in after)


def _suffix_then_word(word: str, at: int, text: str, own_suffixes: frozenset[str]) -> bool:
    """「纳入这个局部门预算的单位」: jieba joins the loaded body's last word (局) with the first character of the
    next word (部门) — read from after that word, the rest starts with a longer word than the piece joined."""
    for suffix in own_suffixes:
        if word.startswith(suffix) and len(word) > len(suffix):
            rest = segment.words(text[at + len(suffix):at + len(suffix) + 8])
            if rest and len(rest[0]) > len(word) - len(suffix):
                return True
    return False


def _inside_next_name(word: str, at: int, text: str, mentions: list[Mention]) -> bool:
    """「四街四镇那个高清视频会议线路费」: the words just before a linked entity that its own label
    holds (4街4镇…) are that name's, not another thing's; only pointing words (那个) may stand between."""
    for m in mentions:
        run = fold_digits(text[at:m.start])
        if not m.entities or m.start < at + len(word) or len(run) > len(word) + NAME_SPAN:
            continue
        label = fold_digits(m.entities[0].label)
        if fold_digits(word) in label and all(ch in label or ch in POINTERS for ch in run):
            return True
    return False


def of_the_document(word: str) -> bool:
    """「表里」「名称中」「这个名字」: a noun of the document's own text or names, with or without a
    locative written on; it says where to look, not what to find."""
    cues = load_cues()
    stem = next((word[: -len(w)] for w in cues["locatives"] if word.endswith(w) and len(word) > len(w)), word)
    return word in cues["document_words"] or stem in cues["document_words"]


def _distributive(word: str) -> bool:
    """「单笔」「每项」: each item, one by one — a filter applied per item, no thing named; 「各个单位」
    「每个部门」: each of a noun that names nothing by itself (a stop word)."""
    cues = load_cues()
    spec = cues["distributives"]
    if len(word) == 2 and word[0] in spec["prefixes"] and word[1] in spec["classifiers"]:
        return True
    rest = word[1:].removeprefix("个")
    return word[0] in spec["prefixes"] and rest != word[1:] and rest in cues["stopwords"]

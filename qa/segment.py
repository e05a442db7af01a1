"""jieba, set up once: its dictionary cache lives in the project's own cache folder, never /tmp."""

from __future__ import annotations

import logging
import sys
from functools import lru_cache


def _import_jieba():
    """jieba without pkg_resources: jieba imports it only to locate its own dictionary file, and
    falls back to a plain path when it is missing; importing it costs a third of a second on
    every start. A None in sys.modules makes that one import fail, for jieba's import alone."""
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    from qa.lexicon import cache_dir

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(cache_dir())
    tk.cache_file = str(cache_dir() / "jieba.cache")
    tk.initialize()
    return tk


_USER_WORDS: set[str] = set()


def add_words(words: set[str]) -> None:
    """The lexicon's aliases become jieba user words, so entity names are never split."""
    tk = tokenizer()
    for word in words:
        if not tk.FREQ.get(word):
            _USER_WORDS.add(word)  # not jieba's own: dictionary_words leaves it out
        tk.add_word(word, freq=2000)


def dictionary_words(text: str, longest: int = 6) -> set[str]:
    """Every word of jieba's own dictionary inside `text`, and its single characters, wherever a
    cut would put its boundaries. How jieba cuts depends on the user words added before (other
    documents' names); what a text contains must not."""
    freq = tokenizer().FREQ
    found = set(text)
    for i in range(len(text)):
        for j in range(i + 2, min(len(text), i + longest) + 1):
            piece = text[i:j]
            if freq.get(piece) and piece not in _USER_WORDS:
                found.add(piece)
    return found


def is_user_word(word: str) -> bool:
    """A word added from the graph's names, not one of jieba's own."""
    return word in _USER_WORDS


def in_longer_word(text: str, k: int, start: int, end: int, longest: int = 4) -> bool:
    """Whether the character text[k] belongs to a word of jieba's own dictionary that reaches
    outside text[start:end]: 「交」 of 交换机 is not a typo inside a name ending at it."""
    freq = tokenizer().FREQ
    for i in range(max(0, k - longest + 1), k + 1):
        for j in range(k + 1, min(len(text), i + longest) + 1):
            piece = text[i:j]
            if j - i >= 2 and (i < start or j > end) and freq.get(piece) and piece not in _USER_WORDS:
                return True
    return False


def words(text: str) -> list[str]:
    return tokenizer().lcut(text, HMM=False)


@lru_cache(maxsize=1)
def _pos_tokenizer():
    """A part-of-speech tokenizer over our tokenizer. Importing jieba.posseg already reads the
    word → tag table of jieba's dictionary (for its module-level tokenizer); ours has the same
    dictionary, so it takes a copy instead of reading the 350,000 lines a second time."""
    import jieba.posseg

    tk = tokenizer()
    if tk.dictionary != jieba.posseg.dt.tokenizer.dictionary:
        return jieba.posseg.POSTokenizer(tk)
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tk
    pos.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    return pos


NOUN_TAGS = ("n", "ng", "nr", "nrt", "nrfg", "ns", "nt", "nz", "l")  # l: set phrases (联系电话, 在编人员)


def content_nouns(text: str) -> list[str]:
    """The nouns of `text` by jieba's part-of-speech tags: verbs, adverbs, numerals, particles and
    politeness (打算、告诉、麻烦、简单说说) fill no slot and are never counted against a question."""
    return [p.word for p in _pos_tokenizer().lcut(text, HMM=False) if p.flag in NOUN_TAGS]

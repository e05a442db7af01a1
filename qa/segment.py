"""jieba, set up once: its dictionary cache lives in the project's own cache folder, never /tmp."""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    from qa.lexicon import cache_dir

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(cache_dir())
    tk.cache_file = str(cache_dir() / "jieba.cache")
    tk.initialize()
    return tk


def add_words(words: set[str]) -> None:
    """The lexicon's aliases become jieba user words, so entity names are never split."""
    tk = tokenizer()
    for word in words:
        tk.add_word(word, freq=2000)


def words(text: str) -> list[str]:
    return tokenizer().lcut(text, HMM=False)

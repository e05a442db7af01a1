"""Where cue words and patterns occur in a question: the spans of each word of a cue list, found with
`str.find` (a cue list is checked against every question, and most of its words are not in it: no
pattern is built or looked up for them), and the data files' patterns compiled once (a pattern string
passed to `re.search` is looked up in re's cache on every call: a hundred thousand look-ups a benchmark run)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

SENTENCE_END = re.compile(r"[。！!？?；;]")  # where a sentence of a question ends: no name or operand runs across it
LONG_PART = 6  # characters of a name said in part, as written in it, that name one item as surely as its whole name (演出场所安全检查)


def brackets_open(text: str, at: int) -> int:
    """How many brackets stand open at position `at` of the text."""
    return len(re.findall(r"[(（]", text[:at])) - len(re.findall(r"[)）]", text[:at]))


@lru_cache(maxsize=4096)
def compiled(pattern: str) -> re.Pattern[str]:
    """A pattern from the data files, compiled once."""
    return re.compile(pattern)


def occurrences(words: Iterable[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-overlapping occurrence of each word, word by word in the list's order,
    each word's from left to right (as `re.finditer(re.escape(word), text)` for each word)."""
    spans = []
    for word in words:
        if not word:
            continue
        at = text.find(word)
        while at >= 0:
            spans.append((at, at + len(word)))
            at = text.find(word, at + len(word))
    return spans

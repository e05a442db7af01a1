"""Cue words written with one character wrong (基夲支出 → 基本支出, 项目支岀 → 项目支出).

Homophones are corrected with names (qa/lexicon.py `fuzzy`); a character that looks like another but
sounds different is not. A measure or total word of four or more characters is long enough for one
wrong character to leave it recognisable, provided the wrong character makes no word of its own with
a neighbour: 基建支出 (基建 is a word) is never 基本支出, and a window two cue words fit alike (其他支入:
其他收入 or 其他支出) is left alone. An asking word of three or more characters written with a homophone
(家起来 for 加起来) is that word when the window is no word of its own."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from qa.lexicon import Mention, load_cues, match_form, syllables_of
from qa.segment import tokenizer

MIN_CUE = 4  # shorter cue words are too close to ordinary words for one character to be a typo
GAP = "\x00"
POINTERS = "那哪这几么吗呢的地得在再他她它"  # words of pointing and grammar: a homophone of one is another word, never a typo  # stands for the one character a window may get wrong


def _is_word(text: str, known: frozenset[str]) -> bool:
    return text in known or (tokenizer().FREQ.get(text) or 0) > 0


@lru_cache(maxsize=8)
def _by_gap(cues: frozenset[str]) -> tuple[dict[str, list[tuple[str, int]]], tuple[int, ...]]:
    """Each cue word with one character blanked (基本支出 → 基\\0支出 …), once per set of cue words:
    a window finds the cues one character off it by its own blanked forms, not by comparing them all."""
    gaps: dict[str, list[tuple[str, int]]] = {}
    for cue in cues:
        if len(cue) >= MIN_CUE:
            for k in range(len(cue)):
                gaps.setdefault(cue[:k] + GAP + cue[k + 1:], []).append((cue, k))
    return gaps, tuple(sorted({len(c) for c in cues if len(c) >= MIN_CUE}, reverse=True))


def _fits(text: str, start: int, end: int, cues: frozenset[str], known: frozenset[str]) -> str | None:
    """The one cue word text[start:end] is a one-character typo of: the wrong character makes no
    word with the character on either side of it in the question (项目支出预算: 目 is of 项目, so
    目支出预算 is not 总支出预算)."""
    window = text[start:end]
    gaps = _by_gap(cues)[0]
    near = [(cue, k) for k in range(len(window)) if "\u4e00" <= window[k] <= "\u9fff"
            for cue, at in gaps.get(window[:k] + GAP + window[k + 1:], ()) if at == k and cue[k] != window[k]]
    if not near or window in known or _is_word(window, known):  # the dictionary is read only for a near window
        return None
    fits = set()
    for cue, k in near:
        at = start + k
        pairs = [text[max(0, at - 1):at + 1], text[at:at + 2]]
        year = text[at] in "年月日号" and at > 0 and text[at - 1].isdigit()  # 「2024年支出预算」: a date's 年, no typo of 总
        if not year and not any(len(p) == 2 and _is_word(p, known) for p in pairs):
            fits.add(cue)
    return fits.pop() if len(fits) == 1 else None


def corrected(text: str, words: Iterable[str], cues: frozenset[str], names: list[tuple[int, int]],
              known: frozenset[str]) -> tuple[str, set[str]]:
    """The question with each word the understanding could not place (`words`) read as the cue word
    it is a one-character typo of; windows never cut through a name the question already says."""
    lengths = _by_gap(cues)[1]
    fixes: set[str] = set()
    for word in words:
        at = text.find(word)
        if at < 0:
            continue
        for length in lengths:
            for start in range(max(0, at - length + 1), min(at + len(word), len(text) - length + 1)):
                end = start + length
                if any(a < end and start < b for a, b in names):
                    continue
                cue = _fits(text, start, end, cues, known)
                if cue:
                    text = text[:start] + cue + text[end:]
                    fixes.add(cue)
                    break
    return text, fixes


def linked_as_cue(text: str, mentions: list[Mention], cues: Iterable[str]) -> tuple[str, set[str]]:
    """A name linked by a typo (基本支山) whose entity is itself a cue word (the glossary's 基本支出):
    the question with the cue word written out, so that it is read as the measure it names."""
    words = set(cues)
    fixes: set[str] = set()
    for m in sorted((m for m in mentions if m.fuzzy), key=lambda m: -m.start):
        labels = {match_form(e.label) for e in m.entities} & words
        if len(labels) == 1:
            label = labels.pop()
            text = text[:m.start] + label + text[m.end:]
            fixes.add(label)
    return text, fixes


@lru_cache(maxsize=1)
def _asking_sounds() -> dict[str, str]:
    """The intents' cue words of three or more characters by their sound (加起来 → jia qi lai); a sound two words share is left out."""
    by_sound: dict[str, set[str]] = {}
    for words in load_cues()["intents"].values():
        for word in words:
            if len(word) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
                by_sound.setdefault(" ".join(syllables_of(word)), set()).add(word)
    return {sound: next(iter(words)) for sound, words in by_sound.items() if len(words) == 1}


def homophone_asks(text: str, words: Iterable[str], names: list[tuple[int, int]], known: frozenset[str]) -> tuple[str, set[str]]:
    """「两项家起来多少」: an asking word written with a homophone in a stretch the understanding could not place."""
    sounds = _asking_sounds()
    lengths = sorted({len(w) for w in sounds.values()}, reverse=True)
    syllables = syllables_of(text)
    fixes: set[str] = set()
    for word in words:
        at = text.find(word)
        if at < 0:
            continue
        for length in lengths:
            for start in range(at, at + len(word) - length + 1):
                end = start + length
                window = text[start:end]
                cue = sounds.get(" ".join(syllables[start:end]))
                pointed = cue and any(a != b and (a in POINTERS or b in POINTERS) for a, b in zip(window, cue, strict=True))  # 那份 is not 哪份
                if cue and cue != window and not pointed and not any(a < end and start < b for a, b in names) and not _is_word(window, known):
                    text = text[:start] + cue + text[end:]
                    fixes.add(cue)
    return text, fixes

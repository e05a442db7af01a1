"""jieba, set up once: its dictionary in saved tables in the project's own cache folder (never /tmp),
and each store's names as user words of that store's tokenizer alone."""

from __future__ import annotations

import importlib
import json
import logging
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path


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
def _jieba_words() -> WordTable:
    """jieba's own dictionary, shared by every store's words: read-only once made."""
    from qa.lexicon import cache_dir

    jieba.setLogLevel(logging.WARNING)
    return WordTable(cache_dir() / f"jieba-words-{jieba.__version__}.sqlite")


_MISSING = object()


class WordTable:
    """jieba's FREQ (its dictionary's words and their prefixes, a prefix at 0) in an SQLite file made
    once from jieba's dictionary, looked up and remembered word by word: loading it (a 9 MB marshal
    file of 580,000 entries) was half of every `kgqa ask` start."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            _write_words(path)
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._seen: dict[str, int | None] = {}
        self.total = int(self._db.execute("SELECT freq FROM words WHERE word = ''").fetchone()[0])

    def get(self, word: str, default: int | None = None) -> int | None:
        found = self._seen.get(word, _MISSING)
        if found is _MISSING:
            with self._lock:
                row = self._db.execute("SELECT freq FROM words WHERE word = ?", (word,)).fetchone()
            found = self._seen[word] = row[0] if row and word else None
        return default if found is None else found  # type: ignore[return-value]

    def remember(self, words: set[str]) -> None:
        """Look many words up in one statement: the lexicon's names and their prefixes, added as
        user words at start, were a query each (a second of CPU at a thousand documents)."""
        wanted = [w for w in words if w and w not in self._seen]
        with self._lock:
            rows = self._db.execute("SELECT word, freq FROM words WHERE word IN (SELECT value FROM json_each(?))",
                                    (json.dumps(wanted, ensure_ascii=False),)).fetchall()
        found = dict(rows)
        for word in wanted:
            self._seen.setdefault(word, found.get(word))


class UserWords:
    """One store's view of jieba's dictionary: its own words (the lexicon's names) over the shared
    table. Has what jieba's cutting uses (get, in, []); another store's names are never in it."""

    def __init__(self, table: WordTable, words: set[str], freq: int) -> None:
        """What jieba's add_word(word, freq) does, for many words at once, their look-ups one
        statement: a call per name cost half a second at a thousand documents. `new` are the words
        the table did not hold (or held as a prefix only)."""
        self.table = table
        prefixes = {word[:k] for word in words for k in range(1, len(word))}
        table.remember(words | prefixes)
        self.new = frozenset(word for word in words if not table.get(word))
        self._added = {prefix: 0 for prefix in prefixes if table.get(prefix) is None}
        self._added.update(dict.fromkeys(words, freq))

    def get(self, word: str, default: int | None = None) -> int | None:
        found = self._added.get(word)
        return self.table.get(word, default) if found is None else found

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found


def _write_words(path: Path) -> None:
    """jieba's own prefix dictionary (gen_pfdict), its total under the empty word; written beside
    and renamed into place."""
    tk = jieba.Tokenizer()
    freq, total = tk.gen_pfdict(tk.get_dict_file())
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    with db:
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
        db.executemany("INSERT INTO words VALUES (?, ?)", [*freq.items(), ("", total)])
    db.close()
    os.replace(tmp, path)


USER_FREQ = 2000  # a name's frequency as a user word: high enough that jieba never splits it


class Words:
    """The words questions on one store are cut with: jieba's own and the store's names as user
    words, so entity names are never split. One per store, active while it answers: with one
    process-wide dictionary, the names of every store loaded before changed how a question was cut."""

    def __init__(self, names: set[str] | frozenset[str] = frozenset()) -> None:
        table = _jieba_words()
        self.freq = UserWords(table, set(names), USER_FREQ)
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.FREQ = self.freq
        self.tokenizer.total = table.total + USER_FREQ * len(names)
        self.tokenizer.initialized = True
        self._pos = None

    @contextmanager
    def active(self) -> Iterator[Words]:
        token = _ACTIVE.set(self)
        try:
            yield self
        finally:
            _ACTIVE.reset(token)

    def pos(self):
        """A part-of-speech tokenizer over this tokenizer, its tags from TagTable."""
        if self._pos is None:
            self._pos = _pos_tokenizer(self.tokenizer)
        return self._pos


_ACTIVE: ContextVar[Words | None] = ContextVar("budgetkg_words", default=None)


@lru_cache(maxsize=1)
def _plain() -> Words:
    return Words()


def current() -> Words:
    """The words of the store answering now; jieba's own alone outside an answer (building a lexicon)."""
    return _ACTIVE.get() or _plain()


def tokenizer() -> jieba.Tokenizer:
    return current().tokenizer


def dictionary_words(text: str, longest: int = 6) -> set[str]:
    """Every word of jieba's own dictionary inside `text`, and its single characters, wherever a
    cut would put its boundaries. How jieba cuts depends on the user words added before (other
    documents' names); what a text contains must not."""
    freq = current().freq
    found = set(text)
    for i in range(len(text)):
        for j in range(i + 2, min(len(text), i + longest) + 1):
            piece = text[i:j]
            if freq.get(piece) and piece not in freq.new:
                found.add(piece)
    return found


def remember_pieces(texts: set[str], longest: int = 6) -> None:
    """Look up at once every piece dictionary_words will ask of these texts (one statement
    instead of one a piece: 116,000 at a hundred documents)."""
    table = _jieba_words()
    batch: set[str] = set()
    for text in texts:  # in batches: a thousand documents' pieces at once would be one statement of millions
        batch.update(text[i:j] for i in range(len(text)) for j in range(i + 2, min(len(text), i + longest) + 1))
        if len(batch) >= 50_000:
            table.remember(batch)
            batch = set()
    table.remember(batch)


def is_user_word(word: str) -> bool:
    """A word added from the graph's names, not one of jieba's own."""
    return word in current().freq.new


def in_longer_word(text: str, k: int, start: int, end: int, longest: int = 4) -> bool:
    """Whether the character text[k] belongs to a word of jieba's own dictionary that reaches
    outside text[start:end]: 「交」 of 交换机 is not a typo inside a name ending at it."""
    freq = current().freq
    for i in range(max(0, k - longest + 1), k + 1):
        for j in range(k + 1, min(len(text), i + longest) + 1):
            piece = text[i:j]
            if j - i >= 2 and (i < start or j > end) and freq.get(piece) and piece not in freq.new:
                return True
    return False


def words(text: str) -> list[str]:
    return tokenizer().lcut(text, HMM=False)


class TagTable:
    """jieba's word → part-of-speech table in an SQLite file made once from jieba's dictionary:
    reading the dictionary's 350,000 lines costs 0.4 s of CPU on every start, and a question
    looks up a dozen words. Only `get` is used by jieba.posseg's cut without HMM."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            _write_tags(path)
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._seen: dict[str, str | None] = {}

    def get(self, word: str, default: str | None = None) -> str | None:
        tag = self._seen.get(word, "")
        if tag == "":
            with self._lock:
                row = self._db.execute("SELECT tag FROM tags WHERE word = ?", (word,)).fetchone()
            tag = self._seen[word] = row[0] if row else None
        return default if tag is None else tag


def _write_tags(path: Path) -> None:
    """The table from jieba's own dictionary file, written beside and renamed into place."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    with jieba.dt.get_dict_file() as handle:
        rows = {}
        for line in handle:
            word, _, tag = line.decode("utf-8").strip().split(" ")
            rows[word] = tag
    db = sqlite3.connect(tmp)
    with db:
        db.execute("CREATE TABLE tags (word TEXT PRIMARY KEY, tag TEXT) WITHOUT ROWID")
        db.executemany("INSERT INTO tags VALUES (?, ?)", rows.items())
    db.close()
    os.replace(tmp, path)


def _import_posseg():
    """jieba.posseg without the word → tag table its module-level tokenizer reads from the
    dictionary at import (0.4 s): it reads an empty file instead; ours uses TagTable."""
    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    saved = jieba.dt.dictionary
    jieba.dt.dictionary = os.devnull
    try:
        return importlib.import_module("jieba.posseg")
    finally:
        jieba.dt.dictionary = saved


_POS_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _tags() -> TagTable:
    from qa.lexicon import cache_dir

    return TagTable(cache_dir() / f"jieba-pos-{jieba.__version__}.sqlite")


def _pos_tokenizer(tk: jieba.Tokenizer):
    """A part-of-speech tokenizer over `tk`, its tags from TagTable (named by jieba's version: a
    new jieba, a new table)."""
    with _POS_LOCK:  # one thread swaps jieba's dictionary for the import and writes the table
        posseg = _import_posseg()
        pos = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
        pos.tokenizer = tk
        pos.word_tag_tab = _tags()
        return pos


NOUN_TAGS = ("n", "ng", "nr", "nrt", "nrfg", "ns", "nt", "nz", "l")  # l: set phrases (联系电话, 在编人员)
OOV_TAGS = (*NOUN_TAGS, "a", "ag", "vn", "an", "j", "g")  # the characters of a word jieba does not know, read one by one


def only_function_words(word: str) -> bool:
    """Whether jieba reads `word` as verbs, adverbs and particles only (查到, 都是): no place or body is named by it."""
    tokens = current().pos().lcut(word, HMM=False)
    return bool(tokens) and all(t.flag[:1] in "vdpucr" for t in tokens)


def says_something(text: str) -> bool:
    """Whether `text` holds a verb besides 是 and 有 (「看说明里…好像全是服务类的」 tells; 「X那个项目，」 names only)."""
    return any(t.flag.startswith("v") and t.flag != "vn" and t.word not in ("是", "有") for t in current().pos().lcut(text, HMM=False))


def is_verb(word: str) -> bool:
    """Whether jieba reads `word` as one verb (知道, 了解, 看看): the 知道 of 「想知道区教育局」 names no district."""
    tokens = current().pos().lcut(word, HMM=False)
    return len(tokens) == 1 and tokens[0].flag.startswith("v")


@lru_cache(maxsize=1)
def _posts() -> frozenset[str]:
    """The posts a person holds (qa/data/cues.json persons) and the nouns jieba mistags (合同 'a'):
    nouns, whatever jieba tags them (主任 and 站长 are 区别词 'b' there)."""
    from qa.lexicon import load_cues

    cues = load_cues()
    return frozenset(cues["persons"]) | frozenset(cues["mistagged_nouns"])


def _glued(words: list[str], k: int) -> bool:
    """Whether jieba glued the 年 ending a year to the next character (2024 年少, 2024 年表12): 年少, 年表 are
    words no question means."""
    return len(words[k]) > 1 and words[k][0] == "年" and k > 0 and words[k - 1][-2:].isdigit()


def after_years(words: list[str]) -> list[str]:
    """A cut with a year's 年 cut off the character jieba glued it to (2024 年少 → 2024 年 少)."""
    return [piece for k, w in enumerate(words) for piece in (("年", w[1:]) if _glued(words, k) else (w,))]


def glued_to_years(words: list[str]) -> set[str]:
    """The words of a cut that jieba glued to a year's 年: none is a word of the question."""
    return {w for k, w in enumerate(words) if _glued(words, k)}


def content_nouns(text: str) -> list[str]:
    """The nouns of `text` by jieba's part-of-speech tags: verbs, adverbs, numerals, particles and
    politeness (打算、告诉、麻烦、简单说说) fill no slot and are never counted against a question."""
    pairs = current().pos().lcut(text, HMM=False)
    split = glued_to_years([p.word for p in pairs])  # 年少 after a year is no word of the question
    return [p.word for p in pairs if p.word not in split
            and (p.flag in NOUN_TAGS and not (p.flag == "l" and _verb_phrase().fullmatch(p.word)) or p.word in _posts())]


@lru_cache(maxsize=1)
def _verb_phrase():
    """Set phrases (tag l) that are a verb with its potential complement (对不上, 说不清, 算不上): no noun
    (qa/data/cues.json verb_phrases)."""
    from qa.lexicon import load_cues

    return re.compile(load_cues()["verb_phrases"])


def noun_ending(text: str) -> str:
    """The noun (a tag n…, not a verb or an idiom) `text` ends with, or "" (「棠溪区医疗」 → 医疗,
    「想搞清楚」 → "")."""
    words = current().pos().lcut(text, HMM=False)
    return words[-1].word if words and words[-1].flag.startswith("n") else ""


def unknown_nouns(text: str) -> list[str]:
    """Words jieba does not know, which it gives one character at a time (河长制 → 河/长/制): three or
    more such characters of noun-like tags together, one of them a noun — a topic a text may hold."""
    out: list[str] = []
    run: list = []
    for p in [*current().pos().lcut(text, HMM=False), None]:
        if p is not None and len(p.word) == 1 and p.flag in OOV_TAGS:
            run.append(p)
            continue
        if len(run) >= 3 and any(t.flag in NOUN_TAGS for t in run):
            out.append("".join(t.word for t in run))
        run = []
    return out

"""The shortcuts that keep answering flat at a thousand documents give what the plain ways give:
typo candidates filtered by the characters they hold (qa.lexicon), user words added in bulk
(qa.segment), a name every document repeats scored once for all its entities (qa.partial)."""

from __future__ import annotations

import json
import random
import re

import jieba
import pytest
from rapidfuzz import fuzz, process

from kg.pipeline import build_store
from kg.store.embedded import OxigraphStore
from qa import segment
from qa.lexicon import FUZZY_CUTOFF, build_lexicon, match_form
from qa.partial import PartialLinker
from tests.conftest import BIGDATA, CULTURE, CULTURE_2024, FIXTURES
from tools.synth import write_corpus

HAN = re.compile(r"[\u4e00-\u9fff]+")


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory):
    generated = write_corpus(4, 5, tmp_path_factory.mktemp("synth"))  # generated documents repeat names across documents
    store = OxigraphStore(tmp_path_factory.mktemp("store"))
    build_store([BIGDATA, CULTURE, CULTURE_2024, *generated], store)
    return build_lexicon(store)


def _questions() -> list[str]:
    out = []
    for path in sorted(FIXTURES.glob("*.jsonl")):
        out += [json.loads(line)["question"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return out


def test_typo_candidates_filtered_by_characters_give_the_same_match(lexicon):
    """extractOne over the aliases that can reach the cutoff picks what it picks over all of them."""
    windows = set()
    for question in _questions():
        text = match_form(question)
        windows |= {text[i:i + n] for n in range(6, 16) for i in range(len(text) - n + 1)}
    rng = random.Random(5)
    names = sorted(a for a in lexicon.aliases if len(a) >= 6 and HAN.fullmatch(a))
    for name in rng.sample(names, 300):  # one-character typos and drops of real names: the matches that count
        k = rng.randrange(len(name))
        windows |= {name[:k] + rng.choice("的费经支项目区") + name[k + 1:], name[:k] + name[k + 1:]}
    windows = sorted(w for w in windows if HAN.fullmatch(w) and w not in lexicon.aliases)
    by_length = lexicon._by_length()
    hits = 0
    for window in windows:
        every = [a for n in (len(window) - 1, len(window), len(window) + 1) for a in by_length.get(n, ())]
        expected = process.extractOne(window, every, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        found = process.extractOne(window, lexicon._near_enough(window), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        assert (found and found[:2]) == (expected and expected[:2]), window
        hits += expected is not None
    assert len(windows) > 2000 and hits > 200


def test_user_words_in_bulk_are_what_jieba_add_word_makes(lexicon, tmp_path):
    """UserWords gives the frequencies, new words and total that jieba's add_word gives word by word."""
    path = tmp_path / "words.sqlite"
    segment._write_words(path)
    words = set(list(lexicon.aliases)[:3000]) | {"经费", "项目支出"}  # names and words jieba has
    prefixes = {w[:k] for w in words for k in range(1, len(w) + 1)}
    table = segment.WordTable(path)
    reference = jieba.Tokenizer()
    reference.FREQ = {w: f for w in prefixes if (f := segment.WordTable(path).get(w)) is not None}
    reference.total, reference.initialized = 0, True
    expected_new = set()
    for word in words:
        if not reference.FREQ.get(word):
            expected_new.add(word)
        reference.add_word(word, freq=segment.USER_FREQ)
    user = segment.UserWords(table, words, segment.USER_FREQ)
    assert user.new == expected_new
    assert {w: user.get(w) for w in prefixes} == {w: reference.FREQ.get(w) for w in prefixes}
    assert reference.total == segment.USER_FREQ * len(words)
    assert "经费" not in expected_new and expected_new


def test_a_name_many_documents_bear_links_every_bearer(lexicon):
    """Scored once per name, a partial name still stands for each entity bearing it, in lexicon order."""
    linker = PartialLinker(lexicon)
    shared = [name for name in linker.names.values() if len(name.bearers) > 1 and len(name.form) >= 8]
    assert shared
    name = max(shared, key=lambda n: len(n.bearers))
    text = name.form[2:]  # part of the name, as a question writes it
    ranked = [c for c in linker.candidates(text, [False] * (len(text) + 1)) if match_form(c.entity.label) == name.form]
    order = list(lexicon.entities)
    assert [c.entity.iri for c in ranked] == sorted((e.iri for _, e in name.bearers), key=order.index)
    assert len({c.score for c in ranked if c.entity.kind == ranked[0].entity.kind}) == 1

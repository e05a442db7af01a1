"""qa.segment: the part-of-speech tags read from the saved table are jieba.posseg's own, and
importing jieba.posseg through it does not read jieba's dictionary."""

from __future__ import annotations

import json

from qa import segment
from tests.conftest import FIXTURES


def _texts() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.glob("*.jsonl")):
        texts += [json.loads(line)["question"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return texts


def test_nouns_are_those_of_jieba_posseg_reading_its_dictionary():
    texts = _texts()
    assert len(texts) > 100
    posseg = segment._import_posseg()
    reference = posseg.POSTokenizer(segment.tokenizer())  # reads the word → tag table from jieba's dictionary
    assert len(reference.word_tag_tab) > 300_000
    expected = [[p.word for p in reference.lcut(t, HMM=False) if p.flag in segment.NOUN_TAGS] for t in texts]
    assert [segment.content_nouns(t) for t in texts] == expected
    assert any(expected)


def test_the_table_answers_like_the_dictionary(tmp_path):
    table = segment.TagTable(tmp_path / "tags.sqlite")
    assert table.get("经费") == "vn" and table.get("告诉") == "v"  # jieba dict.txt: 经费 1898 vn, 告诉 10953 v
    assert table.get("并非一个词语", "x") == "x"
    assert not list(tmp_path.glob("*.tmp"))

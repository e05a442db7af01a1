"""qa.segment: jieba's word frequencies and part-of-speech tags looked up in saved tables (not
loaded on every start) give jieba's own cuts and tags."""

from __future__ import annotations

import json

import pytest

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
    cuts = [reference.lcut(t, HMM=False) for t in texts]
    expected = [[p.word for p in cut if (p.flag in segment.NOUN_TAGS or p.word in segment._posts())  # posts and mistagged nouns (合同) are nouns
                 and p.word not in segment.glued_to_years([q.word for q in cut])] for cut in cuts]  # 年收入 after 2025: no noun asked
    assert [segment.content_nouns(t) for t in texts] == expected
    assert any(expected)


def test_the_table_answers_like_the_dictionary(tmp_path):
    table = segment.TagTable(tmp_path / "tags.sqlite")
    assert table.get("经费") == "vn" and table.get("告诉") == "v"  # jieba dict.txt: 经费 1898 vn, 告诉 10953 v
    assert table.get("并非一个词语", "x") == "x"
    assert not list(tmp_path.glob("*.tmp"))


def test_cuts_with_the_word_table_are_jieba_own(tmp_path):
    """The tokenizer looks words up in WordTable; a jieba tokenizer that loads its dictionary cuts alike."""
    import jieba

    reference = jieba.Tokenizer()
    reference.tmp_dir, reference.cache_file = str(tmp_path), str(tmp_path / "jieba.cache")
    reference.initialize()
    ours = segment.tokenizer()  # outside an answer: jieba's own words alone
    texts = _texts() + [line for line in (FIXTURES / "qingcheng_bigdata_center_2025.txt").read_text("utf-8").splitlines() if line]
    assert ours.total == reference.total
    assert [ours.lcut(t, HMM=False) for t in texts] == [reference.lcut(t, HMM=False) for t in texts]
    assert [ours.lcut_for_search(t, HMM=False) for t in texts] == [reference.lcut_for_search(t, HMM=False) for t in texts]


def test_one_stores_names_never_cut_another_stores_questions():
    """Each store's names are user words of its own tokenizer: loading one store (or several, in any
    order) leaves how questions on another are cut as they were."""
    question = "麻烦问下城乡融合发展示范区建设专项经费多少"  # jieba alone: 城乡/融合/发展/示范区/建设
    plain = segment.tokenizer().lcut(question, HMM=False)
    named = segment.Words({"发展示范区建设"})
    other = segment.Words({"融合发展示范"})
    with named.active():
        assert "发展示范区建设" in segment.tokenizer().lcut(question, HMM=False)
        with other.active():
            assert "融合发展示范" in segment.tokenizer().lcut(question, HMM=False)
        assert "发展示范区建设" in segment.tokenizer().lcut(question, HMM=False)
        assert segment.is_user_word("发展示范区建设") and not segment.is_user_word("融合发展示范")
    assert segment.tokenizer().lcut(question, HMM=False) == plain
    assert "发展示范区建设" not in plain and not segment.is_user_word("发展示范区建设")


@pytest.mark.parametrize("text, glued", [("2025年比2024年少了几次", "年少"), ("2024年表12里的办公费", "年表")])
def test_a_word_jieba_glues_to_a_years_nian_is_no_noun_of_the_question(text, glued):
    """「2024年少了几次」: jieba cuts 年少 (youth), 「2024年表12」 年表 (a chronicle); neither is asked."""
    assert glued not in segment.content_nouns(text)

"""A question in traditional script with Taiwan's or Hong Kong's words (資訊系統) is read in the mainland's words
the documents use (qa/data/regional_terms.json); the same word typed in simplified script is left alone."""

from __future__ import annotations

import pytest

from qa.normalize import normalize


@pytest.mark.parametrize(("said", "read"), [("資訊系統安全測評費", "信息系统安全测评费"), ("軟體購置費", "软件购置费"),
                                            ("资讯系统安全测评费", "资讯系统安全测评费")])
def test_words_of_traditional_script_as_the_mainland_writes_them(said, read):
    assert normalize(said) == read

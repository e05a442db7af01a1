"""The projects citing a kind of document counted (issue 10): 「引用了桐溪府文件的项目有几个」 is a number of
projects — each counted once however many of those documents it cites — not a list with no figure.
Phrasings of our own on a generated justice bureau (tools.synth seed 3902)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["引用了“桐溪府”文件的项目有几个？", "有几个项目引用了桐溪府的文件"])
def test_citing_projects_counted(legal, question):
    service, truth = legal
    citing = {p.name for p in truth.projects if any(c.issuer == "桐溪府" for c in p.citations)}
    answer = service.ask(question)
    assert answer.value == len(citing) and answer.unit == "个", answer.answer


def test_citing_projects_listed(legal):
    service, truth = legal
    citing = {p.name for p in truth.projects if any(c.issuer == "桐溪府" for c in p.citations)}
    answer = service.ask("引用了桐溪府文件的项目有哪些？")
    assert set(answer.items) == citing, answer.answer

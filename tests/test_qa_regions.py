"""A body's short name after a region (issue 10 §3), phrasings of our own on a generated document
(tools.synth seed 3904): 「云川市发改局」 is the city's body, not the county's 云川市雁屏县发展和改革局,
and is refused as another body; the county's own short name (雁屏县发改局) is answered; a region
alone (云川市) is no part of a cited document's title."""

from __future__ import annotations

import pytest

from tests.conftest import synth_service


@pytest.fixture(scope="module")
def reform(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("reform"), 3904, "云川市雁屏县发展和改革局")


def _three(truth):
    return truth.figure("“三公”经费")


def test_the_citys_body_by_its_short_name_is_another_body(reform):
    service, _ = reform
    answer = service.ask("云川市发改局（市本级）的三公经费是多少？")
    assert not answer.answered and "不是云川市发改局" in answer.answer, answer.answer


@pytest.mark.parametrize("name", ["雁屏县发改局", "云川市雁屏县发改局", "发改局"])
def test_the_countys_own_short_name_is_answered(reform, name):
    service, truth = reform
    answer = service.ask(f"{name}的三公经费是多少？")
    assert answer.value == _three(truth).value, answer.answer

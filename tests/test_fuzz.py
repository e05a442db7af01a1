"""Fuzzing with a fixed budget (CI size; set BUDGETKG_FUZZ_EXAMPLES for a nightly-size run):
mutated documents either parse or raise the project's own ParseError with a line number;
mutated and random questions always get an answer object in bounded time, and a looked-up
figure is always one that the graph holds."""

from __future__ import annotations

import os
import signal
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import ParseError
from kg.parsing.document import parse_text
from kg.parsing.source import decode
from kg.pipeline import build_store
from kg.store.embedded import OxigraphStore
from qa.service import QAService

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENTS = [FIXTURES / "qingcheng_bigdata_center_2025.txt", FIXTURES / "qingcheng_culture_tourism_2025.txt"]
EXAMPLES = int(os.environ.get("BUDGETKG_FUZZ_EXAMPLES", "150"))
LINES = [path.read_text("utf-8").split("\n") for path in DOCUMENTS]
QUESTIONS = [
    "大数据中心今年的三公经费是多少？", "哪个项目花钱最多？", "项目支出占总支出的比例？", "津贴补贴多少万？",
    "基本支出中的工资福利支出是多少？", "预算在20万元以上的项目有几个？", "经营收入是什么？",
    "〔2019〕41号文件是哪个项目的依据？", "收入预算比上年减少了多少？", "每次故障时间不超过多少分钟？",
]


class Timeout(Exception):
    pass


def _bounded(seconds: float):
    def handler(signum, frame):
        raise Timeout()

    signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _unbounded() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)


mutation = st.sampled_from(["delete", "duplicate", "swap", "truncate", "digits", "bytes", "blank", "join"])


@st.composite
def mutated_document(draw) -> tuple[bytes, str]:
    lines = list(draw(st.sampled_from(LINES)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(mutation)
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[i: i + draw(st.integers(1, 20))]
        elif kind == "duplicate":
            lines[i:i] = lines[j: j + draw(st.integers(1, 10))]
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "truncate":
            lines = lines[: max(1, i)]
        elif kind == "digits":
            line = lines[i]
            k = draw(st.integers(0, max(0, len(line) - 1)))
            lines[i] = line[:k] + draw(st.sampled_from("0123456789.,x-")) + line[k + 1:]
        elif kind == "blank":
            lines[i] = ""
        elif kind == "join" and i + 1 < len(lines):
            lines[i: i + 2] = [lines[i] + lines[i + 1]]
        if not lines:
            lines = [""]
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    data = text.encode(encoding)
    if draw(st.booleans()):
        k = draw(st.integers(0, len(data)))
        data = data[:k] + draw(st.binary(min_size=1, max_size=8)) + data[k:]
    return data, encoding


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_document())
def test_mutated_documents_parse_or_fail_with_a_located_error(case):
    data, _ = case
    _bounded(5.0)
    try:
        doc = parse_text(decode(data, "fuzz.txt"), "fuzz.txt")
        assert doc.department and doc.year
    except ParseError as exc:
        assert exc.source == "fuzz.txt"
        assert str(exc)
    except Timeout:
        pytest.fail("parsing hung for more than 5 s")
    finally:
        _unbounded()


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> QAService:
    store = OxigraphStore(tmp_path_factory.mktemp("store"))
    build_store([DOCUMENTS[0]], store)
    return QAService(store)


@pytest.fixture(scope="module")
def amounts(service) -> set[Decimal]:
    rows = service.store.select("SELECT DISTINCT ?v WHERE { ?s bkg:amount ?v }")
    return {row["v"] for row in rows}


@st.composite
def mutated_question(draw) -> str:
    question = draw(st.sampled_from(QUESTIONS))
    chars = list(question)
    for _ in range(draw(st.integers(0, 4))):
        k = draw(st.integers(0, len(chars)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        if op == "insert":
            chars.insert(k, draw(st.characters()))
        elif chars and op == "delete":
            del chars[min(k, len(chars) - 1)]
        elif chars:
            chars[min(k, len(chars) - 1)] = draw(st.characters())
    return "".join(chars)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(mutated_question(), st.text(max_size=200), st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=60)))
def test_any_question_gets_an_answer_and_never_an_unknown_figure(service, amounts, question):
    start = time.perf_counter()
    answer = service.ask(question)
    assert time.perf_counter() - start < 2.0
    data = answer.to_json()
    assert isinstance(data["answered"], bool) and isinstance(data["answer"], str) and data["answer"]
    if answer.answered and answer.intent == "lookup" and answer.value is not None and answer.unit == "万元":
        assert answer.value in amounts, (question, answer.answer)
    if not answer.answered:
        assert data["value"] is None

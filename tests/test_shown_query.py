"""The query shown with an answer runs as it stands: posted to /sparql (over the union default graph of a
store holding both documents) it returns the rows behind the answer; answers keep the document's reason."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from kg.pipeline import build_store
from kg.store.embedded import OxigraphStore
from qa.service import QAService
from ui.app import Handlers

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
QUESTIONS = [(f.name, json.loads(line)["question"]) for f in sorted(FIXTURES.glob("*.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from ui.server import create_app

    root = tmp_path_factory.mktemp("store")
    build_store([BIGDATA, CULTURE], OxigraphStore(root))
    with TestClient(create_app(root)) as c:
        yield c


@pytest.fixture(scope="module")
def services(tmp_path_factory) -> dict[str, QAService]:
    """Each sample file's questions are asked of its own document, as `kgqa eval` does."""
    out = {}
    for name, path in (("bigdata", BIGDATA), ("culture", CULTURE)):
        store = OxigraphStore(tmp_path_factory.mktemp(name))
        build_store([path], store)
        out[name] = QAService(store)
    return out


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _returned(client, query: str) -> list[dict[str, str]]:
    r = client.post("/sparql", data={"query": query})
    assert r.status_code == 200, r.text[:500]
    assert r.headers.get("x-result-truncated") != "true"
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def test_every_sample_question_shows_a_query_that_returns_its_rows(client, services):
    checked = answered = 0
    for name, question in QUESTIONS:
        answer = services["culture" if "culture" in name else "bigdata"].ask(question)
        answered += answer.answered
        if not answer.query:
            assert not answer.answered, question
            continue
        assert "# ?" not in answer.query, "values are inlined, not left in comments"
        returned = _returned(client, answer.query)
        for row in answer.rows:  # each row behind the answer: its amount and its label, in one returned row
            amount = _decimal(row["金额"])
            assert any(amount in {_decimal(v) for v in r.values()} and row["行"] in r.values() for r in returned), \
                (question, row)
        if answer.value is not None and answer.rows and answer.unit in {r["单位"] for r in answer.rows}:
            if answer.value in {_decimal(r["金额"]) for r in answer.rows}:  # a figure, not a computed one
                assert any(answer.value in {_decimal(v) for v in r.values()} for r in returned), question
        checked += 1
    assert checked >= answered >= len(QUESTIONS) * 0.8, (checked, answered)  # 302 run, 288 answered of 321


def test_the_shown_query_is_one_select_with_serialised_terms(client):
    answer = client.app.state.budgetkg.service.ask("大数据中心的津贴补贴多少万？")
    assert answer.answered and answer.value == Decimal("38.31")
    assert answer.query.startswith("PREFIX") and "VALUES" in answer.query
    assert "<http" in answer.query.split("VALUES", 1)[1], "bound IRIs are written as <…> terms"
    returned = _returned(client, answer.query)
    assert any(r.get("rowLabel") == "津贴补贴" and _decimal(r.get("value", "")) == Decimal("38.31") for r in returned)


def test_the_chat_links_the_query_into_the_sparql_tab(client):
    handlers = Handlers(client.app.state.budgetkg)
    result = handlers.ask("大数据中心的津贴补贴多少万？", [], None)
    text = next(m["content"] for m in result.history if "tab=sparql" in str(m.get("content")))
    url = text.split("run its query](/?", 1)[1].split(")", 1)[0]
    params = parse_qs(urlsplit("/?" + url).query)
    assert params["tab"] == ["sparql"] and params["query"] == [result.answer.query]
    state = handlers.url_state(params)
    frame, _, status = handlers.sparql(state.query)
    assert "38.31" in frame.to_csv(index=False), status


@pytest.mark.parametrize(("question", "reason"), [
    ("大数据中心的机关运行经费是多少？", "非参照公务员法管理的事业"),
    ("大数据中心的机关运行经费比上年增加多少？", "非参照公务员法管理的事业"),
    ("文化广电旅游体育局的机关运行经费比上年减少多少？", "严格控制一般性支出"),
    ("文化广电旅游体育局的机关运行经费是多少？", "严格控制一般性支出"),
])
def test_answers_keep_the_stated_reason(client, question, reason):
    answer = client.app.state.budgetkg.service.ask(question)
    assert answer.answered, answer.answer
    assert reason in answer.answer, answer.answer


def test_the_shown_query_does_not_depend_on_earlier_questions(services):
    """A researcher reproducing an answer asks its question alone: the query shown must be the
    one shown when other questions came first (nothing looked up earlier is left out of it)."""
    service = services["culture"]
    questions = [q for name, q in QUESTIONS if "culture" in name][:25]
    after_others = {q: service.ask(q).query for q in questions}
    for question in reversed(questions):
        service._cache.clear()
        assert service.ask(question).query == after_others[question], question

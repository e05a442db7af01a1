"""What a reader can share and check: permalinks, a cited line in its document, the audit's verdict
first, graph labels and caps, suggestions derived from the question, upload messages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from kg.pipeline import build_store
from kg.store.embedded import OxigraphStore
from ui import graph_view
from ui.app import AUDIT_COLUMNS, Handlers
from ui.state import AppState
from ui.uploads import UploadRegistry

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
DOC_ID = "清远市清城区大数据中心-2025"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from ui.server import create_app

    root = tmp_path_factory.mktemp("store")
    build_store([BIGDATA], OxigraphStore(root))
    with TestClient(create_app(root, query_timeout=5.0)) as c:
        yield c


@pytest.fixture(scope="module")
def handlers(client) -> Handlers:
    return Handlers(client.app.state.budgetkg)


def _links(markdown: str) -> list[str]:
    return re.findall(r"\]\((/[^)]+)\)", markdown)


def test_an_answer_links_its_cited_line_and_itself(handlers, client):
    result = handlers.ask("津贴补贴多少万？", [], None)
    message = result.history[1]["content"]
    assert "理解的词" in message and "津贴补贴" in message
    source = next(link for link in _links(message) if link.startswith("/source?"))
    params = parse_qs(urlparse(source).query)
    assert params["doc"] == [DOC_ID] and params["line"] == ["492"] and "38.31" in params["mark"]
    page = client.get(source)
    assert page.status_code == 200
    cited = re.search(r'<li id="L492" class=cited>(.*?)</li>', page.text).group(1)
    assert "<mark>38.31</mark>" in cited and "<mark>津贴补贴</mark>" in cited
    assert 'id="L477"' in page.text and 'id="L507"' in page.text  # the lines around it
    assert result.permalink == "/?q=津贴补贴多少万？"
    assert f"]({result.permalink})" in message
    as_sent = [{**m, "content": [{"type": "text", "text": m["content"]}]} for m in result.history]  # how the page returns it
    follow = handlers.ask("那奖金呢？", as_sent, result.session)
    assert parse_qs(urlparse(follow.permalink).query)["q"] == ["津贴补贴多少万？", "那奖金呢？"]  # replays the chat


def test_the_source_page_escapes_and_refuses(client):
    assert client.get("/source", params={"doc": "nope", "line": 1}).status_code == 404
    assert client.get("/source", params={"doc": DOC_ID, "line": 10**6}).status_code == 404
    page = client.get("/source", params={"doc": DOC_ID, "line": 3, "mark": "<script>"})
    assert page.status_code == 200 and "<script>" not in page.text


def test_a_shared_url_is_read_as_its_state(handlers):
    state = handlers.url_state({"q": ["三公经费是多少？"], "doc": [DOC_ID]})
    assert state.tab == "qa" and state.questions == ["清远市清城区大数据中心2025年的三公经费是多少？"]
    answered = handlers.ask(state.questions[0], [], None)
    assert answered.answer.answered and "0.40" in answered.answer.answer
    tables = handlers.url_state({"tab": ["tables"], "doc": [DOC_ID], "table": ["8"]})
    assert (tables.tab, tables.table) == ("tables", 8) and tables.doc.startswith("https://")
    assert handlers.table_link(tables.doc, 8) == f"/?tab=tables&doc={DOC_ID}&table=8"
    assert parse_qs(urlparse(handlers.ask("a&b=c？", [], None).permalink).query)["q"] == ["a&b=c？"]  # reserved ASCII escaped
    hostile = handlers.url_state({"tab": ["<x>"], "doc": ["http://evil"], "table": ["99"], "query": ["x" * 200_000]})
    assert (hostile.tab, hostile.doc, hostile.table, len(hostile.query)) == (None, None, None, 100_000)


def test_refusal_suggestions_come_from_the_question_and_are_answerable(handlers):
    result = handlers.ask("云平台花了多少", [], None)
    assert not result.answer.answered
    options = result.history[1]["options"]
    assert options and all("云平台" in o["value"] for o in options)
    assert all(handlers.state.ask(o["value"]).answered for o in options)
    unrelated = handlers.ask("明天天气怎么样？", [], None)  # nothing near: the graph's own examples
    assert unrelated.history[1]["options"]


def test_audit_shows_the_verdict_first_and_failures_first(handlers):
    _, frame = handlers.audit_view(False)
    assert list(frame.columns) == AUDIT_COLUMNS and AUDIT_COLUMNS[0] == "结果 status"
    statuses = list(frame["结果 status"])
    assert not statuses[0].startswith("✓") and statuses[-1].startswith("✓")
    order = ["✗", "≈", "✓"]
    assert [order.index(s[0]) for s in statuses] == sorted(order.index(s[0]) for s in statuses)


def test_graph_labels_figures_by_column_and_amount_and_caps_depth(handlers):
    data, choices, _, _ = handlers.graph_search("三公经费", 1)
    assert choices and "三公" in choices[0][0]
    graph = json.loads(handlers.graph_search("清城区社会综合治理云平台专线线路项目", 2)[0])
    figures = [n["label"] for n in graph["nodes"] if n["group"] == "qb:Observation"]
    assert figures and len(set(figures)) == len(figures)  # each names its column and amount
    assert any(label.startswith("总计 423.97") for label in figures)
    deep = json.loads(handlers.graph_search("大数据中心", 3)[0])
    assert len(deep["nodes"]) <= graph_view.MAX_NODES + 40  # drawn nodes and their "more" nodes
    assert any(n["id"].startswith(graph_view.MORE) for n in deep["nodes"])  # the rest behind "+N 更多"
    first = json.loads(handlers.graph_search("大数据中心", 1)[0])
    more = next(n["id"] for n in first["nodes"] if n["id"].startswith(graph_view.MORE))
    wider, _, status = handlers.graph_expand(json.dumps(first), more)
    assert len(json.loads(wider)["nodes"]) > len(first["nodes"]) and "新增" in status


def test_upload_reports_the_graph_it_leaves(tmp_path):
    root = tmp_path / "store"
    build_store([BIGDATA], OxigraphStore(root))
    state = AppState(root, query_timeout=5.0)
    try:
        culture = tmp_path / CULTURE.name
        culture.write_bytes(CULTURE.read_bytes())
        exe = tmp_path / "photo.png"
        exe.write_bytes(b"\x89PNG\r\n")
        handlers = Handlers(state, UploadRegistry(tmp_path, {str(culture), str(exe)}))  # as the upload route issued them
        ok, message = handlers.upload(str(culture))
        assert ok and "图谱现有 2 个文档" in message
        assert f"共 {state.triple_count():,} 条三元组" in message
        ok, message = handlers.upload(str(exe))
        assert not ok and "只接受" in message
    finally:
        state.close()

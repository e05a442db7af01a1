"""The web app in-process: every HTTP route (FastAPI TestClient) and every tab's handler called directly."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from kg.pipeline import build_store
from kg.sparql.guard import QueryRefused, check
from kg.sparql.runner import negotiate, parse_accept
from kg.store.embedded import OxigraphStore
from ui.app import Handlers
from ui.state import AppState, safe_source_name
from ui.uploads import UploadRegistry

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
ROW_CAP = 100

TABLES = "SELECT ?n ?title WHERE { ?t a bkg:BudgetTable ; bkg:tableNumber ?n ; dcterms:title ?title } ORDER BY ?n"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("store")
    build_store([BIGDATA], OxigraphStore(root))
    return root


@pytest.fixture(scope="module")
def client(store_dir):
    from ui.server import create_app

    app = create_app(store_dir, query_timeout=3.0, row_cap=ROW_CAP)
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def handlers(client) -> Handlers:
    return Handlers(client.app.state.budgetkg)


@pytest.fixture()
def writable(tmp_path):
    """A state of its own (uploads change the store)."""
    root = tmp_path / "store"
    build_store([BIGDATA], OxigraphStore(root))
    state = AppState(root, query_timeout=5.0)
    yield state
    state.close()


# -- /health and /api/ask --------------------------------------------------------------------------


def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200
    data = r.json()
    assert data["status"] == "ok"
    assert [d["title"] for d in data["documents"]] == ["清远市清城区大数据中心2025年部门预算"]
    assert data["triples"] > 10_000


def test_ask_get(client):
    r = client.get("/api/ask", params={"q": "津贴补贴多少万？"})
    assert r.status_code == 200
    data = r.json()
    assert data["answered"] is True
    assert data["value"] == 38.31
    assert data["unit"] == "万元"
    assert any("表6" in s["table"] for s in data["sources"])
    assert "SELECT" in data["query"]
    assert set(data) >= {"question", "answer", "items", "sources", "suggestions", "rows"}
    assert r.headers["x-session-id"]


def test_ask_post_with_session_follow_up(client):
    r = client.post("/api/ask", json={"question": "津贴补贴多少万？"})
    assert r.status_code == 200 and r.json()["value"] == 38.31
    session = r.headers["x-session-id"]
    follow = client.post("/api/ask", json={"question": "那奖金呢？", "session": session})
    assert follow.status_code == 200
    assert follow.json()["value"] == 58.23
    assert follow.headers["x-session-id"] == session


def test_ask_follow_up_with_the_session_in_the_header(client):
    first = client.get("/api/ask", params={"q": "津贴补贴多少万？"})
    session = first.headers["x-session-id"]
    follow = client.get("/api/ask", params={"q": "那奖金呢？"}, headers={"X-Session-Id": session})
    assert follow.json()["value"] == 58.23 and follow.headers["x-session-id"] == session
    posted = client.post("/api/ask", json={"question": "那奖金呢？"}, headers={"X-Session-Id": session})
    assert posted.json()["value"] == 58.23 and posted.headers["x-session-id"] == session
    alone = client.get("/api/ask", params={"q": "那奖金呢？"})  # no session: no context to follow
    assert alone.headers["x-session-id"] != session


def test_ask_post_matches_answer_to_json(client, handlers):
    r = client.post("/api/ask", json={"question": "津贴补贴多少万？"})
    expected = handlers.state.ask("津贴补贴多少万？").to_json()
    assert r.json() == json.loads(json.dumps(expected, ensure_ascii=False, default=str))


@pytest.mark.parametrize("request_args", [
    ("get", "/api/ask", {}),
    ("post", "/api/ask", {"json": {}}),
    ("post", "/api/ask", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}),
    ("post", "/api/ask", {"json": ["a list"]}),
])
def test_ask_bad_requests(client, request_args):
    method, url, kwargs = request_args
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == 400
    assert r.json()["message"]


# -- /sparql: the protocol and every format ---------------------------------------------------------

ACCEPTS = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}


def _send(client, how: str, query: str, accept: str | None = None):
    headers = {"Accept": accept} if accept else {}
    if how == "get":
        return client.get("/sparql", params={"query": query}, headers=headers)
    if how == "form":
        return client.post("/sparql", data={"query": query}, headers=headers)
    return client.post("/sparql", content=query.encode("utf-8"), headers={**headers, "Content-Type": "application/sparql-query"})


def _titles(body: bytes, kind: str) -> list[str]:
    text = body.decode("utf-8")
    if kind == "json":
        return [b["title"]["value"] for b in json.loads(text)["results"]["bindings"]]
    if kind == "xml":
        ns = {"s": "http://www.w3.org/2005/sparql-results#"}
        root = ET.fromstring(body)
        return [b.find("s:literal", ns).text for b in root.iterfind(".//s:binding[@name='title']", ns)]
    if kind == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        return [r["title"] for r in rows]
    lines = text.rstrip("\n").split("\n")
    assert lines[0].split("\t") == ["?n", "?title"]
    return [line.split("\t")[1] for line in lines[1:]]


@pytest.mark.parametrize("how", ["get", "form", "body"])
@pytest.mark.parametrize("accept", list(ACCEPTS))
def test_sparql_select_formats(client, how, accept):
    r = _send(client, how, TABLES, accept)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(accept)
    titles = _titles(r.content, ACCEPTS[accept])
    assert len(titles) == 12
    expected = "一般公共预算基本支出情况表（按经济分类科目）"
    assert expected in titles or f'"{expected}"@zh' in titles
    assert r.headers["x-result-count"] == "12"
    assert r.headers["x-result-truncated"] == "false"


def test_sparql_default_is_json(client):
    r = client.get("/sparql", params={"query": TABLES})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert json.loads(r.content)["head"]["vars"] == ["n", "title"]


def test_sparql_csv_escaping_and_values(client):
    r = _send(client, "get", 'SELECT ?v ?n WHERE { BIND("a,b \\"q\\"" AS ?v) BIND(38.31 AS ?n) }', "text/csv")
    assert r.status_code == 200
    assert list(csv.reader(io.StringIO(r.text))) == [["v", "n"], ['a,b "q"', "38.31"]]


def test_sparql_ask(client):
    r = _send(client, "get", "ASK { ?t bkg:tableNumber 6 }")
    assert r.status_code == 200
    assert r.json()["boolean"] is True
    r = _send(client, "get", "ASK { ?t bkg:tableNumber 6 }", "application/sparql-results+xml")
    assert "<boolean>true</boolean>" in r.text


@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_sparql_construct_turtle(client, how):
    query = "CONSTRUCT { ?t dcterms:title ?title } WHERE { ?t a bkg:BudgetTable ; dcterms:title ?title }"
    r = _send(client, how, query, "text/turtle")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    assert len(triples) == 12
    # no Accept at all: Turtle is the default for graphs
    assert _send(client, how, query).headers["content-type"].startswith("text/turtle")


def test_sparql_describe_jsonld(client):
    r = _send(client, "get", "DESCRIBE ?t WHERE { ?t bkg:tableNumber 6 }", "application/ld+json")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/ld+json")
    triples = list(ox.parse(r.content, format=ox.RdfFormat.JSON_LD))
    assert any(str(t.object.value) == "一般公共预算基本支出情况表（按经济分类科目）" for t in triples)


def test_sparql_row_cap(client):
    r = _send(client, "get", "SELECT * WHERE { ?s ?p ?o }")
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == ROW_CAP
    assert r.headers["x-result-truncated"] == "true"
    assert r.headers["x-row-cap"] == str(ROW_CAP)
    r = _send(client, "get", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples")
    assert r.status_code == 200
    assert len(r.text.strip().splitlines()) == ROW_CAP


# -- /sparql: refusals ----------------------------------------------------------------------------------

UPDATES = [
    "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:1/data.ttl>",
    "CLEAR ALL",
    "DROP GRAPH <http://example.org/g>",
    "CREATE GRAPH <http://example.org/g>",
    "COPY DEFAULT TO <http://example.org/g>",
    "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]
SERVICES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { } }",
    "SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:1/> { ?s ?p ?o } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } } }",
    "SELECT * WHERE { ?s a bkg:BudgetTable OPTIONAL { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } }",
    "ASK { ?s ?p ?o .SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { service <http://127.0.0.1:1/> { ?s ?p ?o } } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
    "PREFIX s: <http://127.0.0.1:1/> SELECT * WHERE { ?s ?p ?o # comment\n SERVICE s: { ?s ?p ?o } }",
]


@pytest.mark.parametrize("query", UPDATES)
@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_sparql_updates_refused(client, query, how):
    r = _send(client, how, query)
    assert r.status_code == 400
    assert r.json()["error"] == "update_forbidden"
    assert "只读" in r.json()["message"]


def test_sparql_update_protocol_refused(client):
    r = client.post("/sparql", data={"update": UPDATES[0]})
    assert r.status_code == 400 and r.json()["error"] == "update_forbidden"
    r = client.post("/sparql", content=UPDATES[0].encode(), headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 400 and r.json()["error"] == "update_forbidden"
    assert client.get("/sparql", params={"update": UPDATES[1]}).status_code == 400
    # the store is unchanged
    assert client.get("/sparql", params={"query": "ASK { <http://example.org/a> ?p ?o }"}).json()["boolean"] is False


@pytest.mark.parametrize("query", SERVICES)
def test_sparql_service_refused(client, query):
    for how in ("get", "form", "body"):
        r = _send(client, how, query)
        assert r.status_code == 400, (how, r.text)
        assert r.json()["error"] == "service_forbidden"


def test_sparql_service_never_reaches_the_network(client):
    """A listener on loopback sees no request however SERVICE is spelled."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/sparql"
        for query in (f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ BIND(<{url}> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
                      f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
                      f"LOAD <{url}>"):
            assert _send(client, "get", query).status_code == 400
    finally:
        server.shutdown()
        server.server_close()
    assert hits == []


@pytest.mark.parametrize("query", [
    "SELECT * FROM <http://example.org/> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } FROM <http://example.org/> WHERE { ?s ?p ?o }",
])
def test_sparql_from_refused(client, query):
    r = _send(client, "get", query)
    assert r.status_code == 400
    assert r.json()["error"] == "dataset_forbidden"


def test_sparql_dataset_parameters_refused(client):
    r = client.get("/sparql", params={"query": TABLES, "default-graph-uri": "http://example.org/"})
    assert r.status_code == 400
    r = client.post("/sparql?named-graph-uri=http://example.org/", content=TABLES.encode(),
                    headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400


def test_sparql_other_refusals(client):
    r = _send(client, "get", "SELECT * WHERE { ?s ?p ")
    assert r.status_code == 400 and r.json()["error"] == "syntax_error"
    r = _send(client, "body", "SELECT ?s WHERE { ?s ?p ?o } # " + "x" * 120_000)
    assert r.status_code == 413 and r.json()["message"]
    r = client.get("/sparql")
    assert r.status_code == 400 and r.json()["error"] == "missing_query"
    r = client.post("/sparql", content=b"SELECT * {}", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415


def test_sparql_time_limit(client):
    started = time.monotonic()
    r = _send(client, "get", CARTESIAN)
    elapsed = time.monotonic() - started
    assert r.status_code in (503, 504)
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"] == "timeout"
    assert "时间限制" in r.json()["message"]
    assert elapsed < 10  # the 3 s limit, a noisy machine
    health_started = time.monotonic()
    assert client.get("/health").status_code == 200
    assert time.monotonic() - health_started < 2
    # the killed worker is replaced: a query runs again once it has started (on a loaded machine
    # the replacement may take seconds to start; until then the service says it is busy, 503)
    deadline = time.monotonic() + 20
    while (status := _send(client, "get", TABLES).status_code) == 503 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert status == 200


# -- what is served from disk -------------------------------------------------------------------------


def test_static_and_private_paths(client, store_dir):
    r = client.get("/static/budgetkg/vis-network/vis-network.min.js")
    assert r.status_code == 200 and b"vis-network" in r.content[:300]
    assert client.get("/").status_code == 200
    root = Path(__file__).resolve().parents[1]
    for path in (root / "pyproject.toml", store_dir / "CURRENT", root / "kg" / "store.py"):
        for url in (f"/gradio_api/file={path}", f"/file={path}", f"/static/budgetkg/../../{path.name}"):
            assert client.get(url).status_code in (403, 404), url


# -- the guard and negotiation as units ------------------------------------------------------------------


def test_guard_accepts_read_only_forms():
    assert check("SELECT * WHERE { ?s ?p ?o }").form == "SELECT"
    assert check("ASK { ?s ?p ?o }").form == "ASK"
    assert check("CONSTRUCT WHERE { ?s ?p ?o }").form == "CONSTRUCT"
    assert check("DESCRIBE <http://example.org/x>").form == "DESCRIBE"
    # the words inside strings, IRIs, comments or names are not keywords
    assert check('SELECT ?service WHERE { ?service rdfs:label "SERVICE FROM" } # SERVICE').form == "SELECT"
    with pytest.raises(QueryRefused) as refused:
        check("SELECT * WHERE {" + "{" * 2000 + "}" * 2000 + "}")
    assert refused.value.status == 400


def test_negotiation():
    assert parse_accept("text/csv;q=0.5, application/sparql-results+xml") == ["application/sparql-results+xml", "text/csv"]
    assert negotiate(parse_accept("text/html,*/*;q=0.8"), "SELECT") == "application/sparql-results+json"
    assert negotiate(parse_accept("text/*"), "CONSTRUCT") == "text/turtle"
    assert negotiate(parse_accept("application/json"), "ASK") == "application/sparql-results+json"


# -- every tab's handler ---------------------------------------------------------------------------------


def test_tab_ask(handlers):
    result = handlers.ask("津贴补贴多少万？", [], None)
    user, answer, query = result.history
    assert user == {"role": "user", "content": "津贴补贴多少万？"}
    assert "38.31" in answer["content"] and "表6" in answer["content"]
    assert "SPARQL" in query["metadata"]["title"] and "SELECT" in query["content"]
    assert "表6" in result.citation and "第492行" in result.citation
    assert "38.31" in result.rows.to_csv()
    assert Path(result.csv_path).read_text("utf-8-sig").count("38.31") == 1
    follow = handlers.ask("那奖金呢？", result.history, result.session)
    assert len(follow.history) == 6
    assert "58.23" in follow.history[4]["content"]


def test_tab_ask_refusal_suggests(handlers):
    result = handlers.ask("明天天气怎么样？", [], None)
    assert "无法回答" in result.history[1]["content"]
    assert result.citation == ""


def test_tab_graph(handlers):
    data, choices, props, status = handlers.graph_search("津贴补贴", 1)
    graph = json.loads(data)
    assert len(graph["nodes"]) > 2 and graph["edges"] and graph["legend"]
    assert graph["focus"] == choices[0][1]
    assert any(row[1] == "津贴补贴" for row in props)
    other = next(n["id"] for n in graph["nodes"] if n["id"] != graph["focus"] and "/row/" in n["id"])
    expanded, props, status = handlers.graph_expand(data, other)
    assert len(json.loads(expanded)["nodes"]) > len(graph["nodes"])
    assert props[0] == ["IRI", other]
    assert "新增" in status
    # a node that is not on the page, or text that is not an IRI, is refused
    assert handlers.graph_expand(data, "http://example.org/x> } DROP ALL")[2].startswith("未知节点")
    by_code = json.loads(handlers.graph_search("30102", 2)[0])
    assert len(by_code["nodes"]) > len(graph["nodes"])
    assert handlers.graph_search("不存在的名称xyz", 1)[1] == []


def test_tab_tables(handlers):
    docs = handlers.document_choices()
    assert docs[0][0] == "清远市清城区大数据中心2025年部门预算"
    assert len(handlers.table_choices(docs[0][1])) == 12
    frame, path = handlers.table_view(docs[0][1], 6)
    row = frame[frame["项目 item"].str.strip() == "津贴补贴"].iloc[0]
    assert row["科目编码 code"] == "30102"
    assert row["预算（万元）"] == "38.31"
    assert "津贴补贴" in Path(path).read_text("utf-8-sig")
    functional, economic, projects = handlers.charts(docs[0][1])
    assert len(functional) and len(economic) and len(projects)
    assert set(economic["类型 type"]) == {"基本支出 basic", "项目支出 project"}
    assert projects["金额（万元）"].is_monotonic_decreasing


def test_tab_audit(handlers):
    text, frame = handlers.audit_view(True)
    assert "922.08" in text and "922.09" in text
    row = frame.iloc[0]
    assert row["文件所述 stated"] == "922.08" and row["推算 computed"] == "922.09"
    assert "表12" in row["出处 stated in"] and "表12" in row["推算依据 computed from"]
    assert len(handlers.audit_view(False)[1]) > len(frame)


def test_tab_sparql(handlers):
    frame, path, status = handlers.sparql(TABLES)
    assert len(frame) == 12 and list(frame.columns) == ["n", "title"]
    assert "12 行" in status
    assert "收支总体情况表" in Path(path).read_text("utf-8-sig")
    frame, path, status = handlers.sparql("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }")
    assert frame.empty and path is None and "400" in status
    frame, _, _ = handlers.sparql("CONSTRUCT { ?t dcterms:title ?x } WHERE { ?t bkg:tableNumber 6 ; dcterms:title ?x }")
    assert list(frame.columns) == ["subject", "predicate", "object"] and len(frame) == 1


def test_tab_downloads(handlers):
    paths = [Path(p) for p in handlers.downloads()]
    assert sorted(p.suffix for p in paths) == [".csv", ".graphml", ".jsonld", ".nt", ".ttl"]
    assert all(p.stat().st_size > 1000 for p in paths)
    ttl = next(p for p in paths if p.suffix == ".ttl")
    assert len(list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))) > 10_000


def _uploaded(tmp_path: Path, *paths: Path) -> UploadRegistry:
    """A registry that has issued these files (as the upload route would have)."""
    return UploadRegistry(tmp_path, {str(p) for p in paths})


def test_tab_upload(writable, tmp_path):
    culture = tmp_path / CULTURE.name
    culture.write_bytes(CULTURE.read_bytes())
    handlers = Handlers(writable, _uploaded(tmp_path, culture))
    ok, message = handlers.upload(str(culture))
    assert ok, message
    assert "文化广电旅游体育局" in message
    assert len(handlers.document_choices()) == 2
    result = handlers.ask("文广旅体局旅游宣传推广经费安排了多少？", [], None)
    assert result.answer.value == 45
    assert "45" in result.history[1]["content"]
    assert "文化广电旅游体育局" in handlers.overview()
    assert len(handlers.audit_view(False)[1]["文档 document"].unique()) == 2


def test_tab_upload_published_pdf_and_refuse_a_truncated_document(writable, tmp_path):
    pdf = tmp_path / "culture.pdf"
    pdf.write_bytes((FIXTURES / "qingcheng_culture_tourism_2025_xlsx.pdf").read_bytes())  # Excel-made, ruled tables
    cut = tmp_path / BIGDATA.name
    cut.write_text("\n".join(BIGDATA.read_text("utf-8").split("\n")[:600]), "utf-8")
    handlers = Handlers(writable, _uploaded(tmp_path, pdf, cut))
    ok, message = handlers.upload(str(pdf))
    assert ok and "12 张表，12 个项目" in message, message
    assert handlers.ask("文广旅体局旅游宣传推广经费安排了多少？", [], None).answer.value == 45
    before = writable.store.documents()
    ok, message = handlers.upload(str(cut))  # the first 600 lines of the document already loaded
    assert not ok and "不完整" in message and "表12《" in message and "图谱未改变" in message, message
    assert writable.store.documents() == before


def test_tab_upload_bad_file_changes_nothing(writable, tmp_path):
    names = ("bad.txt", "notes.txt", "report.pdf", "tool.exe")
    handlers = Handlers(writable, _uploaded(tmp_path, *(tmp_path / n for n in names)))
    before = writable.store.documents()
    generation = writable.store.generation
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"<html><body>not a budget</body></html>")
    ok, message = handlers.upload(str(bad))
    assert not ok
    assert "HTML" in message and "第1行" in message and "bad.txt" in message
    assert "图谱未改变" in message
    garbled = tmp_path / "notes.txt"
    garbled.write_text("第一部分 概况\n随便写点什么\n", "utf-8")
    ok, message = handlers.upload(str(garbled))
    assert not ok and "notes.txt" in message
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")  # a PDF cut short: refused with the reason
    ok, message = handlers.upload(str(pdf))
    assert not ok and "report.pdf" in message and "%%EOF" in message
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x90\x00")
    ok, message = handlers.upload(str(exe))
    assert not ok and ".txt" in message and ".pdf" in message
    assert writable.store.documents() == before
    assert writable.store.generation == generation
    assert handlers.ask("津贴补贴多少万？", [], None).answer.value is not None


def test_upload_name_is_only_a_label():
    assert safe_source_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_source_name("C:\\Users\\x\\预算.txt") == "预算.txt"
    assert safe_source_name("a\x00b\n.txt") == "ab.txt"
    assert safe_source_name("") == "upload.txt"


def test_tab_ask_back_shows_the_readings_as_clickable_choices(handlers, monkeypatch):
    """Readings that score alike and disagree: the chat keeps the service's ask-back choices (not
    ui.suggest's), each clickable, and a choice clicked is answered."""
    from qa import kinds

    monkeypatch.setattr(kinds, "CLOSE_MARGIN", 0.25)
    result = handlers.ask("办公自动化系统维护费是起什么作用的？", [], None)
    assert result.answer.intent == "ask_back", result.answer.answer
    message = result.history[1]
    options = [o["value"] for o in message["options"]]
    assert options == result.answer.suggestions and len(options) == 2, options
    assert all(o.startswith("按") and "理解：" in o for o in options) and "请选一种理解" in message["content"]
    picked = handlers.ask(options[0], result.history, result.session)
    assert picked.answer.answered and "公文交换系统" in picked.answer.answer, picked.answer.answer

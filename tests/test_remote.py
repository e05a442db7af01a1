"""The external store: the same program against a real SPARQL 1.1 server (Virtuoso Open Source, started
here on loopback by tests/virtuoso.py; skipped only when the Debian package is not installed).

Builds through the command line (SPARQL Update and Graph Store Protocol), stats / audit / verify /
export equal to the embedded store's, every question of tests/fixtures/*.jsonl answered alike, adding,
replacing and removing documents, a failed load rolled back, and the app with its /sparql pass-through.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
import virtuoso

from kg.checks.verify import verify
from kg.errors import StoreError
from kg.pipeline import add_document, build_store, remove_documents
from kg.store.embedded import OxigraphStore
from kg.store.remote import RemoteError, RemoteStore, bind_values, make_store, settings
from qa.service import QAService

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
QUESTION_FILES = sorted(FIXTURES.glob("*.jsonl"))
ENV_NAMES = ("BUDGETKG_ENDPOINT", "BUDGETKG_UPDATE_ENDPOINT", "BUDGETKG_GRAPH_STORE", "BUDGETKG_SPARQL_USER",
             "BUDGETKG_SPARQL_PASSWORD", "BUDGETKG_SPARQL_TIMEOUT", "BUDGETKG_STATE_DIR", "BUDGETKG_CONFIG")


@pytest.fixture(autouse=True)
def _no_outside_configuration(monkeypatch, tmp_path):
    """Neither the caller's environment nor a config file of theirs decides what these tests use."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if virtuoso.binary() is None:
        pytest.skip("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource)")
    instance = virtuoso.Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    instance.start()
    yield instance
    instance.stop()


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ENV_NAMES + ("BUDGETKG_BASE", "BUDGETKG_STORE", "XDG_DATA_HOME")}
    env.update(extra)
    return env


def kgqa(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env=env or _env(), timeout=180)


def _raw(server, query: str) -> dict:
    """A query straight to the server, without any store's dataset (what the server really holds)."""
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(server.endpoint, data=body, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _server_graphs(server) -> set[str]:
    rows = _raw(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")["results"]["bindings"]
    return {r["g"]["value"] for r in rows}


@pytest.fixture(scope="module")
def embedded(tmp_path_factory) -> dict[str, OxigraphStore]:
    stores = {}
    for name, docs in {"bigdata": [BIGDATA], "culture": [CULTURE], "both": [BIGDATA, CULTURE]}.items():
        stores[name] = OxigraphStore(tmp_path_factory.mktemp(f"embedded-{name}"))
        build_store(docs, stores[name])
    return stores


@pytest.fixture(scope="module")
def remote(server, tmp_path_factory) -> dict[str, RemoteStore]:
    """Three stores on the one server (each sees only its own documents' graphs); loaded three ways."""
    stores = {
        "bigdata": RemoteStore(server.endpoint, tmp_path_factory.mktemp("remote-bigdata")),
        "culture": RemoteStore(server.endpoint, tmp_path_factory.mktemp("remote-culture"),
                               graph_store=server.graph_store),
        "both": RemoteStore(server.endpoint, tmp_path_factory.mktemp("remote-both")),
    }
    build_store([BIGDATA], stores["bigdata"])
    build_store([CULTURE], stores["culture"])
    done = kgqa("build", str(BIGDATA), str(CULTURE), "--store", str(stores["both"].path), "--endpoint", server.endpoint,
                cwd=stores["both"].path)
    assert done.returncode == 0, done.stderr
    assert server.endpoint in done.stdout and "30708 条三元组" in done.stdout
    return stores


# -- the command line ----------------------------------------------------------------------------------


def test_cli_stats_audit_verify_export_equal_the_embedded_store(server, remote, embedded, tmp_path):
    store = remote["both"]
    where = ["--store", str(store.path), "--endpoint", server.endpoint]
    local = ["--store", str(embedded["both"].path)]
    for command in (["stats", "--json"], ["audit", "--json"], ["export", "--format", "nt"], ["export", "--format", "csv"]):
        out_remote, out_local = kgqa(*command, *where, cwd=tmp_path), kgqa(*command, *local, cwd=tmp_path)
        assert out_remote.returncode == 0, out_remote.stderr
        assert out_remote.stdout == out_local.stdout, command
    findings = json.loads(kgqa("audit", "--json", *where, cwd=tmp_path).stdout)
    rounding = [f for f in findings if f["status"] != "ok" and "大数据中心" in f["document"]]
    assert [(f["check"], f["expected"], f["actual"]) for f in rounding] == [("表12 合计 = 全部项目之和", "922.08", "922.09")]
    done = kgqa("verify", *where, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.count("一致 OK") == 3, done.stdout + done.stderr
    assert json.loads(kgqa("stats", "--json", *where, cwd=tmp_path).stdout)["triples"] == 30163


def test_cli_endpoint_from_the_environment_and_a_config_file(server, remote, tmp_path):
    store = remote["both"]
    asked = kgqa("ask", "津贴补贴多少万？", "--json", "--store", str(store.path), cwd=tmp_path,
                 env=_env(BUDGETKG_ENDPOINT=server.endpoint))
    assert asked.returncode == 0, asked.stderr
    assert {r["金额"] for r in json.loads(asked.stdout)["rows"]} == {"38.31", "107.61"}
    (tmp_path / "budgetkg.toml").write_text(f'[store]\nendpoint = "{server.endpoint}"\n', "utf-8")
    stats = kgqa("stats", "--json", "--store", str(store.path), cwd=tmp_path)
    assert stats.returncode == 0 and json.loads(stats.stdout)["triples"] == 30163, stats.stderr
    # --endpoint '' forces the embedded store, whatever the config file says: an empty folder is refused
    empty = kgqa("stats", "--store", str(tmp_path / "nothing"), "--endpoint", "", cwd=tmp_path)
    assert empty.returncode == 1 and "存储为空" in empty.stderr and "Traceback" not in empty.stderr


def test_cli_unreachable_endpoint_is_one_clear_line(tmp_path):
    done = kgqa("build", str(BIGDATA), "--store", str(tmp_path / "s"), "--endpoint", "http://127.0.0.1:9/sparql",
                cwd=tmp_path)
    assert done.returncode == 1
    assert "无法连接 SPARQL 服务" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "s" / "manifest.json").exists()


# -- questions -------------------------------------------------------------------------------------------


def _questions(path: Path) -> list[str]:
    return [json.loads(line)["question"] for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_every_sample_question_gets_the_same_answer(remote, embedded):
    """Each document's question files on a store of that document (as tests/test_qa.py scores them):
    the same answered / value / unit / items. Items are compared as a multiset: the order of a list
    without ORDER BY (e.g. 纳入部门预算的单位) is the store's own, on both stores."""
    checked = 0
    for name in ("bigdata", "culture"):
        local, external = QAService(embedded[name]), QAService(remote[name])
        for path in QUESTION_FILES:
            if ("culture" in path.name) != (name == "culture"):
                continue
            for question in _questions(path):
                a, b = local.ask(question).to_json(), external.ask(question).to_json()
                assert (a["answered"], a["value"], a["unit"]) == (b["answered"], b["value"], b["unit"]), question
                assert sorted(map(str, a["items"] or [])) == sorted(map(str, b["items"] or [])), question
                assert a["sources"] == b["sources"], question
                checked += 1
    assert checked == sum(len(_questions(p)) for p in QUESTION_FILES)


def test_questions_on_two_documents_get_the_same_answers(remote, embedded):
    """Both documents in one store: the same answers, rows and sources (for a figure both documents
    hold, which document is named first follows the store's result order)."""
    local, external = QAService(embedded["both"]), QAService(remote["both"])
    for path in QUESTION_FILES:
        for question in _questions(path):
            a, b = local.ask(question).to_json(), external.ask(question).to_json()

            def key(answer: dict) -> tuple:
                rows = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in answer["rows"] or [])
                sources = sorted(json.dumps(s, ensure_ascii=False, sort_keys=True) for s in answer["sources"])
                return answer["answered"], answer["unit"], sorted(map(str, answer["items"] or [])), rows, sources

            assert key(a) == key(b), question
            if len({s["document"] for s in a["sources"]}) <= 1:
                assert a["value"] == b["value"], question


def test_bound_values_are_terms_never_query_text(remote, embedded):
    from ui.graph_view import search

    hostile = 'x" } } ; DROP GRAPH <urn:x> ; SELECT * WHERE { "'
    for name in ("bigdata",):
        assert search(remote[name], hostile) == search(embedded[name], hostile) == []
        assert search(remote[name], "津贴补贴") == search(embedded[name], "津贴补贴") != []
    assert remote["bigdata"].triple_count() == embedded["bigdata"].triple_count()
    query = "SELECT ?x WHERE { # a comment with { braces }\n ?x rdfs:label \"{\" }"
    bound = bind_values(query, {"x": ox.NamedNode("urn:a"), "q": 'a"b\n{'})
    assert bound.index("VALUES (?x ?q)") == len("SELECT ?x WHERE {") + 1
    assert '"a\\"b\\n{"' in bound
    with pytest.raises(ValueError):
        bind_values(query, {"x } ; DROP": 1})


# -- writing ---------------------------------------------------------------------------------------------


def test_add_replace_remove_and_a_failed_load_rolled_back(server, tmp_path, monkeypatch):
    # graphs of its own: the module's stores hold the same documents under the default IRIs
    monkeypatch.setenv("BUDGETKG_BASE", "https://budgetkg.test/remote-writes/")
    store = RemoteStore(server.endpoint, tmp_path / "state", graph_store=server.graph_store)
    build_store([BIGDATA], store)
    alone = store.triple_count()
    add_document("culture.txt", CULTURE.read_bytes(), store)
    both = store.triple_count()
    assert [d.source for d in store.documents()] == [BIGDATA.name, "culture.txt"] and both > alone
    # same department and year: replaced, not duplicated; a changed figure is answered from the new text
    changed = CULTURE.read_text("utf-8").replace("107.61", "107.62")
    add_document("culture-again.txt", changed.encode("utf-8"), store)
    assert [d.source for d in store.documents()] == [BIGDATA.name, "culture-again.txt"]
    assert store.triple_count() == both
    rows = QAService(store).ask("津贴补贴多少万？").to_json()["rows"]
    assert {r["金额"] for r in rows} == {"38.31", "107.62"}
    assert all(v.ok for v in verify(store))
    # a load that fails half way: the graphs it changed are put back, the manifest stays
    generation, documents = store.generation, store.documents()
    calls = []
    original = RemoteStore._load

    def failing(self, graph, ntriples):
        calls.append(graph)
        if len(calls) == 2:
            raise RemoteError("simulated failure", 500)
        return original(self, graph, ntriples)

    monkeypatch.setattr(RemoteStore, "_load", failing)
    with pytest.raises(StoreError, match="simulated failure"):
        from kg.pipeline import add_documents

        add_documents([("b2.txt", BIGDATA.read_bytes()), ("c2.txt", CULTURE.read_bytes())], store)
    monkeypatch.setattr(RemoteStore, "_load", original)
    assert store.generation == generation and store.documents() == documents
    assert store.triple_count() == both and all(v.ok for v in verify(store))
    assert {p.name for p in (store.path / "documents").iterdir()} == {n for d in documents for n in (d.text_file, f"{d.text_file}.shared.nt")}
    # removal drops the graph on the server
    culture_graph = documents[1].graph
    remove_documents(["culture-again.txt"], store)
    assert [d.source for d in store.documents()] == [BIGDATA.name]
    assert store.triple_count() == alone and culture_graph not in _server_graphs(server)
    assert all(v.ok for v in verify(store))


def test_digest_authentication_and_graph_store_protocol(server, tmp_path, monkeypatch):
    monkeypatch.setenv("BUDGETKG_BASE", "https://budgetkg.test/digest/")
    store = RemoteStore(server.auth_endpoint, tmp_path / "state", graph_store=server.auth_graph_store,
                        user="dba", password="dba")
    build_store([BIGDATA], store)
    assert store.triple_count() == 13470
    wrong = RemoteStore(server.auth_endpoint, tmp_path / "state", user="dba", password="wrong")
    with pytest.raises(RemoteError) as refused:
        wrong.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert refused.value.status == 401


def test_a_result_cut_at_the_servers_row_limit_is_an_error(tmp_path):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "urn:a"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("X-SPARQL-MaxRows", "1")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        endpoint = f"http://127.0.0.1:{httpd.server_port}/sparql"
        store = RemoteStore(endpoint, tmp_path)
        store._write_manifest({"format": 1, "endpoint": endpoint, "generation": 1, "documents": []})
        with pytest.raises(StoreError, match="ResultSetMaxRows"):
            store.select("SELECT ?s WHERE { ?s ?p ?o }")
    finally:
        httpd.shutdown()


# -- configuration ---------------------------------------------------------------------------------------


def test_settings_come_from_the_argument_the_environment_or_a_config_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert settings() is None and isinstance(make_store(tmp_path / "s"), OxigraphStore)
    (tmp_path / "budgetkg.toml").write_text(
        '[store]\nendpoint = "http://a/sparql"\ngraph_store = "http://a/crud"\ntimeout = 5\n', "utf-8")
    found = settings()
    assert (found.endpoint, found.graph_store, found.timeout) == ("http://a/sparql", "http://a/crud", 5.0)
    assert settings("http://b/sparql").graph_store is None  # the file's other settings are for its own server
    monkeypatch.setenv("BUDGETKG_ENDPOINT", "http://c/sparql")
    monkeypatch.setenv("BUDGETKG_GRAPH_STORE", "http://c/crud")
    found = settings()
    assert (found.endpoint, found.graph_store) == ("http://c/sparql", "http://c/crud")
    assert settings("") is None
    store = make_store(tmp_path / "state")
    assert isinstance(store, RemoteStore) and store.endpoint == "http://c/sparql" and store.path == tmp_path / "state"
    (tmp_path / "budgetkg.toml").write_text("[store\n", "utf-8")
    monkeypatch.delenv("BUDGETKG_ENDPOINT")
    with pytest.raises(StoreError, match="配置文件无效"):
        settings()


# -- the app ---------------------------------------------------------------------------------------------


# ui/graph_view._EDGES binds ?s / ?o with BIND inside UNION branches under a VALUES ?x, which Virtuoso
# 7.2's SPARQL compiler rejects ("SP031 … sparp_gp_deprecate(): equiv replaces filter but under
# deprecation"). This form gives the same rows on Oxigraph and on Virtuoso:
EDGES_FOR_VIRTUOSO = """
SELECT ?x ?s ?p ?o WHERE {
  VALUES ?x { %s }
  { ?x ?p ?o2 . FILTER(isIRI(?o2)) } UNION { ?s2 ?p ?x . FILTER(isIRI(?s2)) }
  BIND(COALESCE(?s2, ?x) AS ?s) BIND(COALESCE(?o2, ?x) AS ?o)
}
"""


def test_edges_query_workaround_gives_the_same_rows(remote, embedded):
    from ui import graph_view

    doc = remote["bigdata"].graphs()[0]
    query = EDGES_FOR_VIRTUOSO % f"<{doc}>"
    rows = sorted(map(str, remote["bigdata"].select(query)))
    assert rows == sorted(map(str, embedded["bigdata"].select(query))) and rows
    assert sorted(map(str, embedded["bigdata"].select(graph_view._EDGES % f"<{doc}>"))) == rows


def test_graph_neighbourhood_on_virtuoso(remote):
    from ui import graph_view

    assert graph_view.neighbourhood(remote["bigdata"], remote["bigdata"].graphs()[0], 1).number_of_nodes() > 1


def test_app_answers_and_passes_sparql_through(remote, server, monkeypatch):
    from fastapi.testclient import TestClient

    from ui.server import create_app

    app = create_app(remote["both"], query_timeout=10.0, row_cap=5)
    with TestClient(app) as client:
        health = client.get("/health").json()
        assert health["status"] == "ok" and health["triples"] == 30163 and len(health["documents"]) == 2
        answer = client.get("/api/ask", params={"q": "大数据中心的津贴补贴多少万？"}).json()
        assert answer["answered"] and answer["value"] == 38.31
        tables = "SELECT ?n ?title WHERE { ?t a bkg:BudgetTable ; bkg:tableNumber ?n ; dcterms:title ?title } ORDER BY ?n ?title"
        got = client.get("/sparql", params={"query": tables})
        assert got.status_code == 200 and got.headers["x-result-truncated"] == "true"
        rows = got.json()["results"]["bindings"]
        assert len(rows) == 5 and rows[0]["n"] == {"type": "literal", "value": "1",
                                                   "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
        csv_text = client.post("/sparql", content=tables, headers={"Content-Type": "application/sparql-query",
                                                                   "Accept": "text/csv"}).text
        assert csv_text.splitlines() == ["n,title"] + ["1,收支总体情况表"] * 2 + ["2,收入总体情况表"] * 2 + ["3,支出总体情况表"]
        assert client.get("/sparql", params={"query": "ASK { ?s a bkg:BudgetDocument }"}).json() == {"head": {}, "boolean": True}
        ttl = client.get("/sparql", params={"query": "CONSTRUCT { ?d a bkg:BudgetDocument } WHERE { ?d a bkg:BudgetDocument }"},
                         headers={"Accept": "text/turtle"})
        assert ttl.status_code == 200 and ttl.text.count("bkg:BudgetDocument") == 2
        # the dataset is this store's documents: no system graph of the server's
        graphs = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}).json()
        assert {r["g"]["value"] for r in graphs["results"]["bindings"]} == set(remote["both"].graphs())
        # refused before anything reaches the server
        for query, code in [
            ("SELECT (<bif:sprintf>('%s', 'x') AS ?x) WHERE {}", "function_forbidden"),
            ("PREFIX b: <bif:> SELECT ?s WHERE { ?s b:contains 'x' }", "function_forbidden"),
            ("SELECT ?s WHERE { ?s ?p ?o FILTER(<urn:f>(?o)) }", "function_forbidden"),
            ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "service_forbidden"),
            ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "update_forbidden"),
        ]:
            refused = client.get("/sparql", params={"query": query})
            assert refused.status_code == 400 and refused.json()["error"] == code, query
        assert client.get("/sparql", params={"query": "SELECT (xsd:integer('7') AS ?x) WHERE {}"}).status_code == 200
        bad = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
        assert bad.status_code == 400
    assert _raw(server, "ASK { <urn:a> <urn:b> <urn:c> }")["boolean"] is False

"""Issue 9: the holes an outside probe found, each tried as an attacker would.

Every network check uses a listener on 127.0.0.1 and records what reaches it; nothing here sends
traffic anywhere else (outbound attempts are caught by a patched socket layer, never made).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import hostile_pdfs
import pytest
from fastapi.testclient import TestClient

from kg.errors import ParseError
from kg.parsing.worker import ParseLimits, ParsePool
from kg.pipeline import build_store, load_document, prepare
from kg.sparql.guard import QueryRefused, check
from kg.store.embedded import OxigraphStore
from ui.state import AppState

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
ROOT = Path(__file__).resolve().parents[1]
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


class Listener:
    """An HTTP server on loopback that records every request (path) it receives."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                hits.append(self.path)
                body = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "literal", "value": "LEAK"}}]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("store")
    build_store([BIGDATA], OxigraphStore(root))
    return root


@pytest.fixture(scope="module")
def client(store_dir):
    from ui.server import create_app

    app = create_app(store_dir, query_timeout=1.0, row_cap=100)
    with TestClient(app) as c:
        yield c


# -- 1. SSRF through /sparql ------------------------------------------------------------------------


def _escape_smuggled(url: str) -> str:
    """The probe's query: rdflib (escapes decoded first) sees SERVICE inside a string, Oxigraph does not."""
    return ('SELECT * WHERE { VALUES ?v { <urn:x:\\u0041#> "x\\u0022 " } '
            f'SERVICE <{url}> {{ ?s ?p ?o }} VALUES ?u {{ " \\u0022" }} }}')


def test_sparql_escape_smuggled_service_reaches_nothing(client, listener):
    url = f"http://127.0.0.1:{listener.port}/sparql"
    for query in (_escape_smuggled(url),
                  f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ SERVICE <{url}\\u003E {{ ?s ?p ?o }} }}",
                  "SELECT * WHERE { VALUES ?v { \"\\u005Cu0022\" } }"):
        r = client.get("/sparql", params={"query": query})
        # refused, or run as the guard read it (then SERVICE is inside a string literal)
        assert r.status_code in (200, 400), (query, r.text)
        assert "LEAK" not in r.text
    assert listener.hits == []


def test_guard_returns_the_text_the_engine_runs():
    checked = check('SELECT ?x WHERE { BIND("caf\\u00E9" AS ?x) }')
    assert checked.text == 'SELECT ?x WHERE { BIND("café" AS ?x) }'
    with pytest.raises(QueryRefused) as err:
        check('SELECT ?x WHERE { BIND("\\uD800" AS ?x) }')
    assert err.value.code == "bad_escape"


def test_query_worker_has_no_network(client, listener):
    """Defence in depth: were the guard to let SERVICE through, the worker could still reach nothing."""
    runner = client.app.state.budgetkg.runner
    runner.run("ASK { ?s ?p ?o }")  # a worker is running now
    worker = next(iter(runner._idle))
    ns = os.readlink(f"/proc/{worker.process.pid}/ns/net")
    assert ns != os.readlink("/proc/self/ns/net")
    # the same isolation in a fresh process, then Oxigraph asked to call the listener directly
    code = textwrap.dedent(f"""
        import pyoxigraph as ox, socket
        from kg.isolation import deny_network
        print(deny_network())
        try:
            list(ox.Store().query("SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"))
            print("REACHED")
        except OSError as exc:
            print("refused", exc)
        try:
            socket.create_connection(("127.0.0.1", {listener.port}), timeout=2)
            print("REACHED")
        except OSError as exc:
            print("refused", exc)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert "REACHED" not in out.stdout, out.stdout + out.stderr
    assert "netns" in out.stdout and "seccomp" in out.stdout
    assert listener.hits == []


# -- 5. SPARQL concurrency is bounded ------------------------------------------------------------------


def test_sparql_flood_leaves_the_app_responsive(client):
    """48 slow queries at once (more than the server's request threads): the excess is turned away
    at once with 503 + Retry-After, and /health and /api/ask keep answering fast."""
    with ThreadPoolExecutor(48) as pool:
        futures = [pool.submit(client.get, "/sparql", params={"query": CARTESIAN}) for _ in range(48)]
        time.sleep(0.3)
        started = time.monotonic()
        assert client.get("/health").status_code == 200
        health = time.monotonic() - started
        started = time.monotonic()
        assert client.get("/api/ask", params={"q": "津贴补贴多少万？"}).status_code == 200
        ask = time.monotonic() - started
        responses = [f.result() for f in futures]
    busy = [r for r in responses if r.json().get("error") == "busy"]
    assert busy and all(r.status_code == 503 and r.headers["Retry-After"] for r in busy)
    assert health < 0.5 and ask < 0.5, (health, ask)


# -- 6. workers die with their parent ---------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _kill_parent_and_watch(command: list[str], settle: float = 1.5, env: dict[str, str] | None = None) -> list[int]:
    """Run `command`, SIGKILL it `settle` s after its first worker appears; the workers still alive 5 s later."""
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                              env={**os.environ, **(env or {})})
    try:
        deadline = time.monotonic() + 30
        while not _children(parent.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(settle)
        workers = _children(parent.pid)
        assert workers, "the parent started no worker"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(_alive(p) for p in workers):
            time.sleep(0.1)
        return [p for p in workers if _alive(p)]
    finally:
        if parent.poll() is None:
            parent.kill()


def test_sparql_worker_dies_with_the_server(store_dir):
    code = textwrap.dedent(f"""
        import threading
        from kg.store.embedded import OxigraphStore
        from kg.sparql.runner import SparqlRunner
        runner = SparqlRunner(OxigraphStore({str(store_dir)!r}), timeout=60)
        runner.run({CARTESIAN!r})  # a worker busy on a core for a minute
    """)
    survivors = _kill_parent_and_watch([sys.executable, "-c", code], settle=3.0)
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == []


def test_build_parse_worker_dies_with_kgqa_build(tmp_path):
    loop = tmp_path / "loop.pdf"
    loop.write_bytes(hostile_pdfs.reference_loop())
    survivors = _kill_parent_and_watch([sys.executable, "-m", "ui.cli", "build", str(loop), "--store", str(tmp_path / "s")],
                                       env={"BUDGETKG_PARSE_TIMEOUT": "120"})
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == []


# -- 4. documents that stall or flood the parser -----------------------------------------------------

# (make, limits, words the refusal says): the memory and page cases get time enough to show their own limit
SHORT, LONG = ParseLimits(seconds=2.0, memory_mb=400), ParseLimits(seconds=30.0, memory_mb=400)
HOSTILE = {
    "reference-loop": (hostile_pdfs.reference_loop, SHORT, "时间限制"),
    "operator-bomb": (hostile_pdfs.operator_bomb, SHORT, "时间限制"),
    "bad-checksum": (hostile_pdfs.bad_checksum, SHORT, "时间限制"),
    "flate-bomb": (hostile_pdfs.flate_bomb, LONG, "内存上限"),
    "60k-pages": (hostile_pdfs.many_pages, LONG, "页数过多"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_pdfs_are_refused_naming_the_limit(name):
    make, limits, words = HOSTILE[name]
    with ParsePool(1, limits) as pool:
        started = time.monotonic()
        with pytest.raises(ParseError) as caught:
            prepare([(f"{name}.pdf", make())], pool=pool)
        assert words in str(caught.value) and str(caught.value).startswith(f"{name}.pdf"), str(caught.value)
        assert time.monotonic() - started < min(limits.seconds, 10) + 4, name
        # the pool still parses a real document afterwards
        assert prepare([(BIGDATA.name, BIGDATA.read_bytes())], pool=pool)[0][0].tables


def test_upload_parses_outside_the_write_lock(tmp_path):
    root = tmp_path / "store"
    build_store([BIGDATA], OxigraphStore(root))
    state = AppState(root, query_timeout=5.0)
    state.parser.close()
    state.parser = ParsePool(1, ParseLimits(seconds=4.0, memory_mb=400))
    generation = state.store.generation
    errors: list[Exception] = []

    def upload() -> None:
        try:
            state.add_document("loop.pdf", hostile_pdfs.reference_loop())
        except Exception as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    try:
        uploading = threading.Thread(target=upload, daemon=True)
        uploading.start()
        time.sleep(0.5)
        latencies = []
        for _ in range(5):  # questions are answered while the hostile document is being parsed
            answered: list[object] = []

            def ask(out: list[object] = answered) -> None:
                out.append(state.ask("津贴补贴多少万？"))

            started = time.monotonic()
            asking = threading.Thread(target=ask, daemon=True)
            asking.start()
            asking.join(3)
            latencies.append(time.monotonic() - started)
            assert answered, "a question waited for the upload"
            time.sleep(0.3)
        uploading.join(15)
        assert not uploading.is_alive()
        assert len(errors) == 1 and isinstance(errors[0], ParseError) and "时间限制" in str(errors[0])
        assert max(latencies) < 0.5, latencies
        assert state.store.generation == generation
    finally:
        state.close()


def test_parse_worker_outlives_the_request_thread_that_started_it():
    """In the server a request thread asks for the worker; the kernel's parent-death signal follows
    the thread that started a process, so the worker is started by the pool's own thread."""
    with ParsePool(1, LONG) as pool:
        asking = threading.Thread(target=lambda: prepare([(BIGDATA.name, BIGDATA.read_bytes())], pool=pool))
        asking.start()
        asking.join(120)
        time.sleep(1.0)
        assert len(pool._idle) == 1 and pool._idle[0].process.is_alive()


def test_junk_run_into_the_last_paragraph_is_refused():
    """The probe's 4.9 MB text: junk after the glossary became one 4 MB definition that every QA
    reload had to tokenise (72 s under the write lock)."""
    line = "项目支出 其他 " + " ".join(["123.45"] * 12) + "\n"
    data = BIGDATA.read_bytes() + (line * 60_000).encode()
    with pytest.raises(ParseError) as caught:
        load_document("junk.txt", data)
    assert "过长" in str(caught.value) and caught.value.line is not None, str(caught.value)


def test_upload_holds_the_write_lock_only_to_switch(tmp_path):
    root = tmp_path / "store"
    build_store([BIGDATA], OxigraphStore(root))
    state = AppState(root, query_timeout=5.0)
    held: list[float] = []
    writing = state.lock.writing

    @contextmanager
    def timed():
        with writing():
            started = time.monotonic()
            yield
            held.append(time.monotonic() - started)

    state.lock.writing = timed
    try:
        started = time.monotonic()
        state.add_document(CULTURE.name, CULTURE.read_bytes())
        total = time.monotonic() - started
    finally:
        state.close()
    assert len(held) == 1 and held[0] < 0.5 * total, (held, total)


def test_kgqa_build_refuses_a_hanging_pdf(tmp_path):
    loop = tmp_path / "loop.pdf"
    loop.write_bytes(hostile_pdfs.reference_loop())
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "ui.cli", "build", str(loop), "--store", str(tmp_path / "s")],
                            capture_output=True, text=True, timeout=60, cwd=ROOT,
                            env={**os.environ, "BUDGETKG_PARSE_TIMEOUT": "2"})
    assert result.returncode == 1 and "时间限制" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert time.monotonic() - started < 20
    assert not (tmp_path / "s" / "CURRENT").exists()


# -- 2. nothing a client sends makes the server connect anywhere ---------------------------------------

LOOPBACK = {"127.0.0.1", "::1", "localhost", "testserver"}


@pytest.fixture()
def outbound(monkeypatch):
    """Record (and refuse) every name lookup or connection towards anything but loopback."""
    import socket

    attempts: list[object] = []
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect
    real_create = socket.create_connection

    def getaddrinfo(host, *args, **kwargs):
        if str(host) not in LOOPBACK:
            attempts.append(("getaddrinfo", host))
            raise socket.gaierror("blocked by the test")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock, address):
        if not (isinstance(address, tuple) and str(address[0]) in LOOPBACK):
            attempts.append(("connect", address))
            raise OSError("blocked by the test")
        return real_connect(sock, address)

    def create_connection(address, *args, **kwargs):
        if str(address[0]) not in LOOPBACK:
            attempts.append(("create_connection", address))
            raise OSError("blocked by the test")
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return attempts


def test_file_route_never_connects_anywhere(client, listener, outbound):
    port = listener.port
    spellings = [f"http://127.0.0.1:{port}/x", f"http://localhost:{port}/x", f"http://[::1]:{port}/x",
                 f"http://2130706433:{port}/x", f"http://0x7f000001:{port}/x", f"http://127.1:{port}/x",
                 f"https://127.0.0.1:{port}/x", f"http://budgetkg.invalid:{port}/x", f"HTTP://127.0.0.1:{port}/x",
                 f"http:%2F%2F127.0.0.1:{port}/x", f"%68ttp://127.0.0.1:{port}/x", f"//127.0.0.1:{port}/x"]
    answers = {(route, spelling): client.get(route + spelling).status_code
               for spelling in spellings for route in ("/gradio_api/file=", "/file=", "/gradio_api/proxy=")}
    assert outbound == [] and listener.hits == []
    assert all(status in (403, 404) for status in answers.values()), answers


# -- 3. the upload endpoint reads only this app's uploads --------------------------------------------


def _call_upload(client, file_data: dict) -> str:
    """The upload tab's event through Gradio's HTTP API; returns the event stream's text."""
    r = client.post("/gradio_api/call/on_upload", json={"data": [file_data, None]})
    assert r.status_code == 200, r.text
    return client.get(f"/gradio_api/call/on_upload/{r.json()['event_id']}").text


def test_upload_endpoint_reads_only_uploaded_files(tmp_path, listener, outbound):
    from ui.server import create_app

    root = tmp_path / "store"
    build_store([BIGDATA], OxigraphStore(root))
    server_file = tmp_path / "server-side" / "culture.txt"  # any file on the server the attacker names
    server_file.parent.mkdir()
    server_file.write_bytes((FIXTURES / "qingcheng_culture_tourism_2025.txt").read_bytes())
    with TestClient(create_app(root, query_timeout=1.0)) as c:
        store = c.app.state.budgetkg.store
        for path in (str(server_file), f"http://127.0.0.1:{listener.port}/culture.txt",
                     f"{server_file.parent}/../server-side/culture.txt"):
            text = _call_upload(c, {"path": path, "meta": {"_type": "gradio.FileData"}})
            assert "event: error" in text and "(added)" not in text, text
        assert [d.source for d in store.documents()] == [BIGDATA.name]
        # the same file sent through the upload route is accepted
        r = c.post("/gradio_api/upload", files={"files": ("culture.txt", server_file.read_bytes(), "text/plain")})
        uploaded = r.json()[0]
        text = _call_upload(c, {"path": uploaded, "orig_name": "culture.txt", "meta": {"_type": "gradio.FileData"}})
        assert "event: complete" in text, text
        assert sorted(d.source for d in store.documents()) == sorted([BIGDATA.name, "culture.txt"])
        # a symlink planted next to an upload is not an upload
        link = Path(uploaded).parent / f"link-{os.getpid()}-{time.monotonic_ns()}.txt"
        link.symlink_to(server_file)
        try:
            text = _call_upload(c, {"path": str(link), "meta": {"_type": "gradio.FileData"}})
        finally:
            link.unlink()
        assert "event: error" in text
    assert outbound == [] and listener.hits == []


# -- 7. clear errors, never a traceback or a 500 --------------------------------------------------------


def test_api_ask_refuses_bad_text_and_deep_json(client):
    r = client.post("/api/ask", content=b'{"question": "\\ud800"}', headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_text", r.text
    deep = b"[" * 30_000 + b"]" * 30_000  # under the 64 kB body limit
    r = client.post("/api/ask", content=deep, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_json", r.text
    assert client.get("/health").status_code == 200


def _main(capsys, *argv: str) -> tuple[int, str]:
    from ui.cli import main

    code = main(list(argv))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


CLI_CASES = {  # argv ({store}: a built store, {tmp}: a fresh folder), words the one-line error must hold
    "store is a file": (["ask", "津贴补贴多少万？", "--store", str(BIGDATA)], "不是目录"),
    "build /dev/zero": (["build", "/dev/zero", "--store", "{tmp}/s"], "不是普通文件"),
    "export into a missing folder": (["export", "--format", "nt", "-o", "{tmp}/missing/x.nt", "--store", "{store}"], "不存在"),
    "export onto a folder": (["export", "--format", "nt", "-o", "{tmp}", "--store", "{store}"], "是目录"),
    "export to /dev/full": (["export", "--format", "nt", "-o", "/dev/full", "--store", "{store}"], "/dev/full"),
    "serve --port 70000": (["serve", "--port", "70000", "--store", "{store}"], "65535"),
}


@pytest.mark.parametrize("case", list(CLI_CASES))
def test_cli_bad_arguments(capsys, store_dir, tmp_path, case):
    argv, words = CLI_CASES[case]
    code, err = _main(capsys, *(a.format(store=store_dir, tmp=tmp_path) for a in argv))
    assert code == 1 and words in err and err.startswith("错误 error:"), err
    assert not list(tmp_path.parent.glob("*.partial")) and not list(Path("/dev").glob("*.partial"))
    if case == "export to /dev/full":
        assert Path("/dev/full").is_char_device()


@pytest.mark.parametrize("name, value, words", [
    ("BUDGETKG_QUERY_TIMEOUT", "abc", "正数"),
    ("BUDGETKG_ROW_CAP", "-5", "正整数"),
    ("BUDGETKG_PARSE_TIMEOUT", "0", "正数"),
])
def test_cli_bad_settings(capsys, store_dir, monkeypatch, name, value, words):
    monkeypatch.setenv(name, value)
    command = "build" if name == "BUDGETKG_PARSE_TIMEOUT" else "serve"
    args = [str(BIGDATA), "--store", str(store_dir.parent / "other")] if command == "build" else ["--store", str(store_dir)]
    code, err = _main(capsys, command, *args)
    assert code == 1 and name in err and words in err, err


def test_cli_eval_empty_file(capsys, store_dir, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    code, err = _main(capsys, "eval", str(empty), "--store", str(store_dir))
    assert code == 1 and "没有题目" in err


def test_cli_ask_under_an_ascii_locale(store_dir):
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    env.pop("PYTHONIOENCODING", None)
    result = subprocess.run([sys.executable, "-m", "ui.cli", "ask", "津贴补贴多少万？", "--store", str(store_dir)],
                            capture_output=True, env=env, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "38.31" in result.stdout.decode("utf-8")
    result = subprocess.run([sys.executable, "-m", "ui.cli", "ask", "--store", str(store_dir)],
                            input="津贴补贴多少万？\n".encode(), capture_output=True, env=env, timeout=120, cwd=ROOT)
    assert result.returncode == 0 and "38.31" in result.stdout.decode("utf-8"), result.stderr.decode("utf-8", "replace")

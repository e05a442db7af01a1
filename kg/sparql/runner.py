"""Run user-supplied SPARQL where it can be stopped: in worker processes, killed at the time limit.

    runner = SparqlRunner(store, timeout=10.0, row_cap=10_000)
    result = runner.run("SELECT …", accept="text/csv")   # RunResult(status=200, media_type, body …)
    runner.close()

Each worker is a fresh interpreter (multiprocessing "spawn": nothing inherited from the server's
threads) that opens the store's live generation with `pyoxigraph.Store.read_only`, checks the query
with `kg.sparql.guard.check` (so even a pathological parse is bounded by the time limit), runs it
and serialises at most `row_cap` rows. The server waits `timeout` seconds for the answer; when it
does not come the worker is killed (SIGKILL) and replaced on the next request, and the caller gets
QueryRefused(503, "timeout"). Workers also run under an address-space limit, so a runaway query
cannot take the server's memory with it; on a local store they have no network at all (their own
network namespace and a seccomp filter, kg.isolation), and they die with the server.

At most `workers` queries run and `queue_limit` wait; any more are refused at once (503 "busy",
Retry-After), so a flood of /sparql requests never holds the server's request threads.

Results: SELECT as SPARQL JSON / XML / CSV / TSV, ASK as JSON / XML (CSV/TSV: `true`/`false`),
CONSTRUCT / DESCRIBE as Turtle, JSON-LD or N-Triples, chosen from the Accept header.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from kg.graph.vocab import PREFIXES, SPARQL_PREFIXES
from kg.isolation import deny_network, die_with_parent, limit_memory
from kg.sparql.guard import MAX_QUERY_BYTES, QueryRefused
from kg.store.embedded import Store

__all__ = ["RESULT_TYPES", "GRAPH_TYPES", "RunResult", "SparqlRunner", "negotiate", "parse_accept"]

JSON, XML, CSV, TSV = (
    "application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values",
)
TURTLE, JSONLD, NTRIPLES = "text/turtle", "application/ld+json", "application/n-triples"
RESULT_TYPES = (JSON, XML, CSV, TSV)
GRAPH_TYPES = (TURTLE, JSONLD, NTRIPLES)
ALIASES = {
    "application/json": JSON, "application/xml": XML, "text/xml": XML, "text/tsv": TSV,
    "application/x-turtle": TURTLE, "application/turtle": TURTLE, "text/plain": NTRIPLES,
}
WORKER_NICENESS = 10
QUEUE_LIMIT = 8  # queries waiting for a worker beyond the running ones; more are answered 503 at once
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


# -- content negotiation ---------------------------------------------------------------------------


def parse_accept(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (q=0 dropped, ties keep their order)."""
    found: list[tuple[float, int, str]] = []
    for k, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            found.append((-q, k, media))
    return [media for _, _, media in sorted(found)]


def negotiate(accept: list[str], form: str) -> str:
    """The media type to answer with: the first acceptable one this query form supports."""
    supported = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    for media in accept:
        media = ALIASES.get(media, media)
        if media in supported:
            return media
        if media == "*/*" or (media.endswith("/*") and any(s.startswith(media[:-1]) for s in supported)):
            return next((s for s in supported if media == "*/*" or s.startswith(media[:-1])), supported[0])
    return supported[0]  # lenient: an unknown Accept still gets the default format


# -- serialisation (in the worker) -----------------------------------------------------------------


def _term_json(term: Any) -> dict[str, Any]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject), "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    return {"type": "literal", "value": str(term)}


def _term_xml(term: Any) -> str:
    data = _term_json(term)
    if data["type"] == "uri":
        return f"<uri>{escape(data['value'])}</uri>"
    if data["type"] == "bnode":
        return f"<bnode>{escape(data['value'])}</bnode>"
    if data["type"] == "triple":
        v = term
        return (f"<triple><subject>{_term_xml(v.subject)}</subject><predicate>{_term_xml(v.predicate)}</predicate>"
                f"<object>{_term_xml(v.object)}</object></triple>")
    attrs = ""
    if "xml:lang" in data:
        attrs = f" xml:lang={quoteattr(data['xml:lang'])}"
    elif "datatype" in data:
        attrs = f" datatype={quoteattr(data['datatype'])}"
    return f"<literal{attrs}>{escape(data['value'])}</literal>"


def _term_plain(term: Any) -> str:
    """CSV form: IRIs and literals as their plain text, blank nodes as _:id."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def term_display(term: Any) -> str:
    """How the UI shows a term: prefixed names for IRIs, plain text for literals."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _short(term.value)
    return _term_plain(term)


def serialize_solutions(variables: list[str], rows: list[list[Any]], media: str) -> bytes:
    if media == JSON:
        bindings = [{v: _term_json(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode("utf-8")
    if media == XML:
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>")
        for row in rows:
            out.append("<result>" + "".join(f"<binding name={quoteattr(v)}>{_term_xml(t)}</binding>"
                                            for v, t in zip(variables, row, strict=True) if t is not None) + "</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if media == CSV:
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_term_plain(t) for t in row] for row in rows)
        return text.getvalue().encode("utf-8")
    if media == TSV:
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(media)


def serialize_boolean(value: bool, media: str) -> bytes:
    if media == JSON:
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if media == XML:
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head></head><boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    return str(value).lower().encode("utf-8")


def serialize_triples(triples: list[Any], media: str) -> bytes:
    import pyoxigraph as ox

    fmt = {TURTLE: ox.RdfFormat.TURTLE, JSONLD: ox.RdfFormat.JSON_LD, NTRIPLES: ox.RdfFormat.N_TRIPLES}[media]
    if fmt == ox.RdfFormat.N_TRIPLES:
        return ox.serialize(triples, format=fmt) or b""
    return ox.serialize(triples, format=fmt, prefixes=PREFIXES) or b""


# -- the worker process ----------------------------------------------------------------------------


_EXTENSION_IRI = re.compile(r"(?i)(?:<|(?<![\w:?$.\-%]))(?:bif|sql):")


def _refuse_extensions(text: str) -> None:
    """For an external server: no function but SPARQL's own and XSD casts, no server-specific names.

    Virtuoso runs `bif:` / `sql:` IRIs as its built-in functions and stored procedures (some read
    URLs or files), so a query that names any, or calls any other extension function, is refused.
    """
    from rdflib.plugins.sparql import algebra, parser

    from kg.sparql.guard import _IRI, _STRING, _walk

    lexical = re.compile(f"({_STRING})|({_IRI})|(#[^\\n\\r]*)", re.DOTALL)

    blanked = lexical.sub(lambda m: m.group(2) or " ", text)  # escapes decoded by the guard; IRIs kept, strings blanked
    if _EXTENSION_IRI.search(blanked):
        raise QueryRefused(400, "function_forbidden",
                           "不允许服务器专有的函数或过程（bif:、sql:）。Server-specific functions are not allowed.")
    translated = algebra.translateQuery(parser.parseQuery(text), initNs=PREFIXES)
    for node in _walk(translated.algebra):
        if node.name == "Function" and not str(node.get("iri", "")).startswith(XSD_NS):
            raise QueryRefused(400, "function_forbidden",
                               f"不允许扩展函数 {node.get('iri')}（只接受 SPARQL 内置函数与 XSD 类型转换）。"
                               "Extension functions are not allowed.")


def _execute_remote(request: dict[str, Any], checked: Any) -> dict[str, Any]:
    """The query on the external SPARQL server (dataset: the store's documents), answered as locally."""
    import pyoxigraph as ox

    from kg.store.remote import RESULTS_JSON, RemoteError, parse_results, run_query, term_from_json

    _refuse_extensions(checked.text)
    cap = int(request["row_cap"])
    media = negotiate(request["accept"], checked.form)
    graph_form = checked.form in ("CONSTRUCT", "DESCRIBE")
    try:
        body, _ = run_query(request["remote"], SPARQL_PREFIXES + checked.text,
                            "application/n-triples" if graph_form else RESULTS_JSON, float(request["timeout"]))
    except RemoteError as exc:
        if exc.timed_out:
            raise QueryRefused(503, "timeout", f"查询超过时间限制，已停止。Query stopped at the time limit. {exc}") from None
        if exc.status is not None and 400 <= exc.status < 500:
            raise QueryRefused(400, "query_error", f"查询失败 (query failed)：{exc}") from None
        raise QueryRefused(502, "store_error", f"无法查询外部存储 (the external store failed)：{exc}") from None
    out: dict[str, Any] = {"status": 200, "form": checked.form, "truncated": False}
    if graph_form:
        try:
            parsed = ox.parse(body, ox.RdfFormat.N_TRIPLES)
            triples: list[Any] = []
            for triple in parsed:
                if len(triples) >= cap:
                    out["truncated"] = True
                    break
                triples.append(triple)
        except SyntaxError as exc:
            raise QueryRefused(502, "store_error", f"外部存储的回答无法解析 (bad answer from the external store)：{exc}") from None
        return _graph_out(out, triples, media, request)
    data = parse_results(body)
    if "boolean" in data:
        value = data["boolean"] in (True, "true", 1, "1")
        out.update(media_type=media, body=serialize_boolean(value, media), count=1)
        if request.get("table"):
            out.update(columns=["boolean"], rows=[["true" if value else "false"]])
        return out
    variables = list(data.get("head", {}).get("vars", []))
    bindings = data.get("results", {}).get("bindings", [])
    if len(bindings) > cap:
        out["truncated"] = True
        bindings = bindings[:cap]
    rows = [[term_from_json(b.get(v)) for v in variables] for b in bindings]
    return _solutions_out(out, variables, rows, media, request)


def _solutions_out(out: dict[str, Any], variables: list[str], rows: list[list[Any]], media: str,
                   request: dict[str, Any]) -> dict[str, Any]:
    out.update(media_type=media, body=serialize_solutions(variables, rows, media), count=len(rows))
    if request.get("table"):
        out.update(columns=variables, rows=[[term_display(t) for t in row] for row in rows],
                   csv=serialize_solutions(variables, rows, CSV))
    return out


def _graph_out(out: dict[str, Any], triples: list[Any], media: str, request: dict[str, Any]) -> dict[str, Any]:
    out.update(media_type=media, body=serialize_triples(triples, media), count=len(triples))
    if request.get("table"):
        rows = [[term_display(t.subject), term_display(t.predicate), term_display(t.object)] for t in triples]
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(["subject", "predicate", "object"])
        writer.writerows([_term_plain(t.subject), _term_plain(t.predicate), _term_plain(t.object)] for t in triples)
        out.update(columns=["subject", "predicate", "object"], rows=rows, csv=text.getvalue().encode("utf-8"))
    return out


def _execute(request: dict[str, Any], stores: dict[str, Any]) -> dict[str, Any]:
    import pyoxigraph as ox

    from kg.sparql.guard import check

    checked = check(request["query"])
    if request.get("remote"):
        return _execute_remote(request, checked)
    path = request["db_path"]
    db = stores.get(path)
    if db is None:
        stores.clear()
        db = stores[path] = ox.Store.read_only(path)
    cap = int(request["row_cap"])
    media = negotiate(request["accept"], checked.form)
    try:
        result = db.query(checked.text, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryRefused(400, "syntax_error", f"SPARQL 查询无效 (invalid query)：{exc}") from None
    out: dict[str, Any] = {"status": 200, "form": checked.form, "truncated": False}
    if isinstance(result, ox.QueryBoolean):
        out.update(media_type=media, body=serialize_boolean(bool(result), media), count=1)
        if request.get("table"):
            out.update(columns=["boolean"], rows=[["true" if result else "false"]])
        return out
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows: list[list[Any]] = []
        for solution in result:
            if len(rows) >= cap:
                out["truncated"] = True
                break
            rows.append([solution[v] for v in variables])
        return _solutions_out(out, variables, rows, media, request)
    triples = []
    for triple in result:
        if len(triples) >= cap:
            out["truncated"] = True
            break
        triples.append(triple)
    return _graph_out(out, triples, media, request)


def worker_main(conn: Any, memory_mb: int | None, parent_pid: int, offline: bool) -> None:
    """The worker's loop: one request in, one answer out, until the pipe closes.

    Before any query: no network when the store is local (a guard mistake still reaches nothing),
    death with the server (kill -9 included), an address-space cap and a lower CPU priority than
    the server, so /health and /api/ask keep their latency while queries run.
    """
    if offline:
        deny_network()
    die_with_parent(parent_pid)
    limit_memory(memory_mb)
    os.nice(WORKER_NICENESS)
    import pyoxigraph  # noqa: F401 - import before reporting ready, so start-up is not query time

    import kg.sparql.guard  # noqa: F401

    conn.send({"ready": True})
    stores: dict[str, Any] = {}
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            response = _execute(request, stores)
        except QueryRefused as exc:
            response = {"status": exc.status, "error": exc.code, "message": exc.message}
        except MemoryError:
            response = {"status": 503, "error": "memory_limit", "message": "查询超出内存上限 (query exceeded the memory limit)"}
        except OSError as exc:
            stores.clear()
            response = {"status": 500, "error": "store_error", "message": f"无法读取存储 (cannot read the store)：{exc}"}
        except Exception as exc:  # noqa: BLE001 - reported to the caller as JSON, never a traceback
            response = {"status": 400, "error": "query_error", "message": f"查询失败 (query failed)：{type(exc).__name__}: {exc}"}
        try:
            conn.send(response)
        except (OSError, ValueError):
            return


# -- the pool (in the server) ----------------------------------------------------------------------


@dataclass
class RunResult:
    status: int
    form: str
    media_type: str
    body: bytes
    count: int
    truncated: bool
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    csv: bytes = b""
    seconds: float = 0.0


class _Worker:
    def __init__(self, ctx: Any, memory_mb: int | None, start_timeout: float, offline: bool, spawner: ThreadPoolExecutor) -> None:
        parent, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_main, args=(child, memory_mb, os.getpid(), offline), daemon=True,
                                   name="budgetkg-sparql")
        # started from one long-lived thread: the kernel's parent-death signal follows the thread
        # that forked, and a request thread may end while its worker lives on
        spawner.submit(self.process.start).result()
        child.close()
        self.conn = parent
        if not parent.poll(start_timeout):
            self.kill()
            raise QueryRefused(503, "worker_start", "查询进程未能启动 (the query worker did not start)")
        try:
            parent.recv()
        except (EOFError, OSError):
            self.kill()
            raise QueryRefused(503, "worker_start", "查询进程未能启动 (the query worker did not start)") from None

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        try:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(5)
        finally:
            self.conn.close()


class SparqlRunner:
    """A small pool of worker processes; every query has a time limit and a row cap."""

    def __init__(self, store: Store, *, timeout: float = 10.0, row_cap: int = 10_000, workers: int = 2,
                 memory_mb: int | None = 2048, start_timeout: float = 60.0,
                 reading: Callable[[], AbstractContextManager[Any]] | None = None, queue_limit: int = QUEUE_LIMIT) -> None:
        self.store = store
        self.timeout = float(timeout)
        self.row_cap = int(row_cap)
        self.max_workers = max(1, int(workers))
        self.memory_mb = memory_mb
        self.start_timeout = start_timeout
        self.reading = reading or nullcontext
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: list[_Worker] = []
        self._count = 0
        self._cond = threading.Condition()
        self._closed = False
        self._offline = getattr(store, "remote_target", None) is None  # a remote store's workers need the network
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="budgetkg-sparql-spawn")
        self._admitted = threading.BoundedSemaphore(self.max_workers + max(0, int(queue_limit)))

    # workers -----------------------------------------------------------------------------------
    def _acquire(self, wait: float) -> _Worker:
        deadline = time.monotonic() + wait
        with self._cond:
            while True:
                if self._closed:
                    raise QueryRefused(503, "closed", "服务正在关闭 (the server is shutting down)")
                while self._idle:
                    worker = self._idle.pop()
                    if worker.alive():
                        return worker
                    worker.kill()
                    self._count -= 1
                if self._count < self.max_workers:
                    self._count += 1
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    raise QueryRefused(503, "busy", "查询繁忙，请稍后再试 (all query workers are busy; try again)")
                self._cond.wait(left)
        try:
            return _Worker(self._ctx, self.memory_mb, self.start_timeout, self._offline, self._spawner)
        except BaseException:
            with self._cond:
                self._count -= 1
                self._cond.notify()
            raise

    def _release(self, worker: _Worker, healthy: bool) -> None:
        if not healthy:
            worker.kill()
        with self._cond:
            if healthy and not self._closed:
                self._idle.append(worker)
            else:
                self._count -= 1
                if healthy:
                    worker.kill()
            self._cond.notify()

    def warm(self) -> None:
        """Start one worker now (so the first query does not wait for an interpreter)."""
        try:
            self._release(self._acquire(self.start_timeout), True)
        except QueryRefused:
            pass

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._count -= len(idle)
        for worker in idle:
            worker.kill()
        self._spawner.shutdown(wait=False)

    # queries -----------------------------------------------------------------------------------
    def run(self, query: str | None, accept: str | list[str] | None = None, *, table: bool = False,
            timeout: float | None = None, row_cap: int | None = None) -> RunResult:
        """Run one query (raises QueryRefused with the HTTP status for every refusal or failure)."""
        if query is None or not str(query).strip():
            raise QueryRefused(400, "missing_query", "缺少查询：请提供 query 参数 (missing query)")
        size = len(str(query).encode("utf-8"))
        if size > MAX_QUERY_BYTES:
            raise QueryRefused(413, "query_too_large",
                               f"查询过长：{size} 字节，上限 {MAX_QUERY_BYTES} 字节 (query too large: {size} bytes, limit {MAX_QUERY_BYTES})")
        if not self._admitted.acquire(blocking=False):
            raise QueryRefused(503, "busy", "查询繁忙：正在运行和排队的查询已满，请稍后再试 (too many queries running or waiting; try again)")
        try:
            return self._run(str(query), accept, table, timeout, row_cap)
        finally:
            self._admitted.release()

    def _run(self, query: str, accept: str | list[str] | None, table: bool, timeout: float | None,
             row_cap: int | None) -> RunResult:
        limit = self.timeout if timeout is None else float(timeout)
        media = accept if isinstance(accept, list) else parse_accept(accept)
        with self.reading():
            generation = self.store.generation
            if generation is None:
                raise QueryRefused(503, "no_store", "存储为空 (the store is empty)")
            request = {
                "query": query, "accept": media, "row_cap": self.row_cap if row_cap is None else int(row_cap),
                "table": table, "timeout": limit,
            }
            remote_target = getattr(self.store, "remote_target", None)
            if remote_target is not None:  # an external SPARQL server: the worker forwards the checked query
                request["remote"] = remote_target()
            else:
                request["db_path"] = os.fspath(self.store.path / generation / "oxigraph")
            worker = self._acquire(limit)
            started = time.monotonic()
            try:
                worker.conn.send(request)
                if not worker.conn.poll(limit):
                    self._release(worker, False)
                    raise QueryRefused(503, "timeout",
                                       f"查询超过时间限制（{limit:g} 秒），已停止。Query stopped at the time limit ({limit:g} s).")
                response = worker.conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                self._release(worker, False)
                raise QueryRefused(500, "worker_failed", "查询进程意外退出（可能超出内存上限）(the query worker died)") from None
            self._release(worker, True)
        seconds = time.monotonic() - started
        if response.get("status") != 200:
            raise QueryRefused(int(response.get("status", 500)), response.get("error", "error"), response.get("message", ""))
        return RunResult(
            status=200, form=response["form"], media_type=response["media_type"], body=response["body"],
            count=response["count"], truncated=response["truncated"], columns=response.get("columns", []),
            rows=response.get("rows", []), csv=response.get("csv", b""), seconds=seconds,
        )

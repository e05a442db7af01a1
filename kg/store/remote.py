"""An external store: the same graphs on a SPARQL 1.1 server (Virtuoso, Fuseki, Oxigraph server …).

    store = RemoteStore("http://127.0.0.1:8890/sparql", Path("state"),
                        graph_store="http://127.0.0.1:8890/sparql-graph-crud")
    store.replace([(record, source_bytes, triples), …])
    store.select("SELECT ?x WHERE { … }", {"doc": NamedNode(…)})

What lives where:
    on the server          one named graph per document (the document IRI, as in the embedded store)
    in the state folder    manifest.json (which documents, which graphs) and documents/ (their source
                           texts), so `documents()`, `document_text()`, `kgqa verify` and rebuilds work

Every query is sent with the manifest's graphs as its dataset (SPARQL protocol `default-graph-uri`
and `named-graph-uri`), so it sees the union of this store's documents and nothing else on the server
(Virtuoso's own system graphs, other stores' documents). Bound values are never spliced in as text:
each is serialised as an RDF term (N-Triples syntax, escaped by pyoxigraph) into a `VALUES` block at
the start of the query's WHERE group, which binds them as Oxigraph's substitutions do (FILTERs and
OPTIONALs see them). Results come back as the same Python values as the embedded store's.

Writing: each changed document's graph is replaced — Graph Store Protocol PUT when `graph_store` is
configured (one request per document: the fast way, and Virtuoso's HTTP bulk load), else SPARQL Update
(`DROP SILENT GRAPH`, then `INSERT DATA` in chunks of CHUNK triples; a chunk the server finds too large
is split). The manifest is written only after every load succeeded; on a failure the
changed graphs are put back from the previous documents' stored texts and the manifest stays as it was.

Configuration (first found wins for the endpoint; see `settings`):
    --endpoint URL                         (the command line; '' forces the embedded store)
    BUDGETKG_ENDPOINT, BUDGETKG_UPDATE_ENDPOINT, BUDGETKG_GRAPH_STORE,
    BUDGETKG_SPARQL_USER, BUDGETKG_SPARQL_PASSWORD, BUDGETKG_SPARQL_TIMEOUT
    ./budgetkg.toml, then $XDG_CONFIG_HOME/budgetkg/config.toml (~/.config/…) — or BUDGETKG_CONFIG:
        [store]
        endpoint = "http://127.0.0.1:8890/sparql"
        update_endpoint = "…"     graph_store = "…"     user = "…"     password = "…"
        timeout = 60              state_dir = "…"
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import StoreError
from kg.graph.build import DocumentTriples
from kg.graph.vocab import SPARQL_PREFIXES, shared_graph
from kg.store.embedded import FORMAT_VERSION, StoredDocument, _term, default_store_dir, python_value, shared_file

__all__ = ["RemoteError", "RemoteSettings", "RemoteStore", "bind_values", "make_store", "settings"]

CHUNK = 500  # triples per INSERT DATA request (Virtuoso 7.2 refuses ~1,500: "generated SQL text … 10000 lines")
MIN_CHUNK = 50  # a refused chunk is split in halves down to this size
EMPTY_GRAPH = "urn:budgetkg:empty"  # the dataset of a store without documents (no such graph exists)
RESULTS_JSON = "application/sparql-results+json"
XSD = "http://www.w3.org/2001/XMLSchema#"
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# what may hide a '{' that is not the WHERE group's: strings, IRIs, comments (as in kg.sparql.guard)
_IRI = r"<[^<>\"{}|^`\\\x00-\x20]*>"
_STRING = r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\""
_TOKENS = re.compile(f"{_STRING}|{_IRI}|#[^\\n\\r]*", re.DOTALL)


class RemoteError(StoreError):
    """A request to the SPARQL server failed: HTTP status (None: no answer), timed out or not."""

    def __init__(self, message: str, status: int | None = None, timed_out: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.timed_out = timed_out


# -- configuration -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RemoteSettings:
    endpoint: str
    update_endpoint: str | None = None
    graph_store: str | None = None
    user: str | None = None
    password: str | None = None
    timeout: float = 60.0
    state_dir: str | None = None


def _config_files() -> list[Path]:
    if os.environ.get("BUDGETKG_CONFIG"):
        return [Path(os.environ["BUDGETKG_CONFIG"])]
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return [Path("budgetkg.toml"), config_home / "budgetkg" / "config.toml"]


def _read_config() -> dict[str, Any]:
    """The [store] table of the first config file there is ({} when none)."""
    import tomllib

    for path in _config_files():
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StoreError(f"无法读取配置文件 {path}: {exc.strerror} (cannot read the config file)") from exc
        try:
            table = tomllib.loads(raw.decode("utf-8")).get("store", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise StoreError(f"配置文件无效 {path}: {exc} (invalid config file)") from exc
        if not isinstance(table, dict):
            raise StoreError(f"配置文件无效 {path}: [store] 应为表 (the [store] entry must be a table)")
        return table
    return {}


def settings(endpoint: str | None = None) -> RemoteSettings | None:
    """Where the external store is, or None for the embedded one.

    The endpoint: the argument (an empty string means "embedded", whatever else says), else
    BUDGETKG_ENDPOINT, else the config file's [store] endpoint. The other settings come from the
    environment, else from the config file when it names the same endpoint (or names none).
    """
    if endpoint is not None and not endpoint.strip():
        return None
    config = _read_config()
    chosen = (endpoint or os.environ.get("BUDGETKG_ENDPOINT") or str(config.get("endpoint") or "")).strip()
    if not chosen:
        return None
    file_applies = str(config.get("endpoint") or chosen).strip() == chosen

    def pick(env: str, key: str) -> str | None:
        value = os.environ.get(env) or (config.get(key) if file_applies else None)
        return str(value) if value not in (None, "") else None

    timeout = pick("BUDGETKG_SPARQL_TIMEOUT", "timeout")
    try:
        seconds = float(timeout) if timeout else 60.0
    except ValueError:
        raise StoreError(f"SPARQL 超时设置无效：{timeout} (invalid timeout)") from None
    return RemoteSettings(
        endpoint=chosen,
        update_endpoint=pick("BUDGETKG_UPDATE_ENDPOINT", "update_endpoint"),
        graph_store=pick("BUDGETKG_GRAPH_STORE", "graph_store"),
        user=pick("BUDGETKG_SPARQL_USER", "user"),
        password=pick("BUDGETKG_SPARQL_PASSWORD", "password"),
        timeout=seconds,
        state_dir=pick("BUDGETKG_STATE_DIR", "state_dir"),
    )


def default_state_dir(endpoint: str) -> Path:
    """The local state of a remote store: beside the default embedded store, one folder per endpoint."""
    base = default_store_dir()
    return base.with_name(f"{base.name}-remote-{hashlib.sha1(endpoint.encode('utf-8')).hexdigest()[:12]}")


def make_store(path: str | Path | None = None, endpoint: str | None = None):
    """The store to use (nothing is built): RemoteStore when an endpoint is configured, else OxigraphStore."""
    from kg.store.embedded import OxigraphStore

    found = settings(endpoint)
    if found is None:
        return OxigraphStore(Path(path) if path else default_store_dir())
    state = Path(path) if path else Path(found.state_dir) if found.state_dir else default_state_dir(found.endpoint)
    return RemoteStore.from_settings(found, state)


# -- terms ---------------------------------------------------------------------------------------------


def bind_values(query: str, bindings: dict[str, Any] | None) -> str:
    """The query with a `VALUES (?a ?b) { (<…> "…") }` block opening its WHERE group.

    Values are RDF terms serialised by pyoxigraph (escaped N-Triples syntax), never user text.
    """
    if not bindings:
        return query
    names = list(bindings)
    for name in names:
        if not _VARIABLE.match(name):
            raise ValueError(f"not a variable name: {name!r}")
    terms = " ".join(str(_term(bindings[name])) for name in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }} "
    brace = _where_brace(query)
    return query[: brace + 1] + block + query[brace + 1:]


@lru_cache(maxsize=256)
def _where_brace(query: str) -> int:
    """Where the query's first group opens (strings and IRIs blanked first); cached, as the
    answerer binds the same few queries again and again."""
    blanked = _TOKENS.sub(lambda m: " " * len(m.group(0)), query)
    brace = blanked.find("{")
    if brace < 0:
        raise ValueError("query without a WHERE group")
    return brace


def _canonical_decimal(text: str) -> str:
    """A decimal's lexical form as Oxigraph writes it (no trailing zeros, no exponent)."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return text
    if not value.is_finite():
        return text
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return format(value, "f")


def normal_term(term: Any) -> Any:
    """A literal in the embedded store's lexical form (canonical decimals, true/false booleans)."""
    if isinstance(term, ox.Literal) and not term.language:
        datatype = term.datatype.value
        if datatype == XSD + "decimal":
            value = _canonical_decimal(term.value)
            return term if value == term.value else ox.Literal(value, datatype=term.datatype)
        if datatype == XSD + "boolean" and term.value.strip() in ("1", "0"):
            return ox.Literal("true" if term.value.strip() == "1" else "false", datatype=term.datatype)
    return term


def term_from_json(data: dict[str, Any] | None) -> Any:
    """A SPARQL JSON results term as a pyoxigraph term, in the embedded store's lexical forms."""
    if data is None:
        return None
    kind, value = data.get("type"), str(data.get("value", ""))
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value) if re.match(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$", value) else ox.BlankNode()
    if kind == "triple" and isinstance(data.get("value"), dict):
        inner = data["value"]
        return ox.Triple(term_from_json(inner["subject"]), term_from_json(inner["predicate"]), term_from_json(inner["object"]))
    language = data.get("xml:lang")
    if language:
        return ox.Literal(value, language=language)
    datatype = data.get("datatype")
    if datatype and datatype != XSD + "string":
        return normal_term(ox.Literal(value, datatype=ox.NamedNode(datatype)))
    return ox.Literal(value)


def _decimals_with_point(ntriples: str) -> str:
    """Integral xsd:decimal literals written as "14.0" (the same value): Virtuoso 7 stores "14"^^xsd:decimal
    as an xsd:integer, and then answers with an int where the embedded store gives a Decimal."""
    if XSD + "decimal" not in ntriples:
        return ntriples
    changed = False
    quads = []
    for quad in ox.parse(ntriples.encode("utf-8"), ox.RdfFormat.N_TRIPLES):
        obj = quad.object
        if isinstance(obj, ox.Literal) and obj.datatype.value == XSD + "decimal" and "." not in obj.value:
            quad = ox.Quad(quad.subject, quad.predicate, ox.Literal(obj.value + ".0", datatype=obj.datatype))
            changed = True
        quads.append(ox.Triple(quad.subject, quad.predicate, quad.object))
    return (ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8") if changed else ntriples


# -- HTTP ------------------------------------------------------------------------------------------------


PRIME_ABOVE = 32 * 1024  # bodies larger than this are sent with credentials at once (see _authorization)


def _opener(urls: Iterable[str], user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    handlers: list[Any] = []
    if user:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        for url in urls:
            manager.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(manager), urllib.request.HTTPBasicAuthHandler(manager)]
    opener = urllib.request.build_opener(*handlers)
    opener.budgetkg_credentials = (user, password or "") if user else None  # type: ignore[attr-defined]
    return opener


def _authorization(opener: urllib.request.OpenerDirector, method: str, url: str, timeout: float) -> str | None:
    """The Authorization header for a request, from a HEAD probe's challenge (None: none asked).

    urllib answers a 401 by sending the request again with credentials; a server that refuses a large
    body before reading it (Virtuoso's /sparql-graph-crud-auth) breaks the pipe first. So large bodies
    go with the header computed beforehand.
    """
    credentials = getattr(opener, "budgetkg_credentials", None)
    if not credentials:
        return None
    try:
        urllib.request.build_opener().open(urllib.request.Request(url, method="HEAD"), timeout=timeout).close()
        return None
    except urllib.error.HTTPError as exc:
        challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
        exc.close()
    except OSError:
        return None  # the real request reports the problem
    scheme, _, rest = challenge.partition(" ")
    if scheme.lower() == "basic":
        import base64

        return "Basic " + base64.b64encode(f"{credentials[0]}:{credentials[1]}".encode()).decode("ascii")
    if scheme.lower() != "digest":
        return None
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, url, *credentials)
    chal = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
    value = urllib.request.HTTPDigestAuthHandler(manager).get_authorization(urllib.request.Request(url, method=method), chal)
    return f"Digest {value}" if value else None


def http(opener: urllib.request.OpenerDirector, method: str, url: str, body: bytes | None, headers: dict[str, str],
         timeout: float) -> tuple[bytes, dict[str, str]]:
    """One request; every failure becomes a RemoteError (status, message from the server)."""
    if body is not None and len(body) > PRIME_ABOVE:
        header = _authorization(opener, method, url, timeout)
        if header:
            headers = {**headers, "Authorization": header}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    where = urllib.parse.urlsplit(url)._replace(query="").geturl()
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.read(), {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as exc:
        detail = exc.read(2000).decode("utf-8", "replace").strip().splitlines()
        message = " ".join(line.strip() for line in detail[:3])[:400]
        raise RemoteError(f"SPARQL 服务返回 HTTP {exc.code}（{where}）：{message}", exc.code) from None
    except TimeoutError:
        raise RemoteError(f"SPARQL 服务超时（{timeout:g} 秒，{where}）(the SPARQL server timed out)", timed_out=True) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise RemoteError(f"SPARQL 服务超时（{timeout:g} 秒，{where}）(the SPARQL server timed out)", timed_out=True) from None
        raise RemoteError(f"无法连接 SPARQL 服务 {where}：{reason} (cannot reach the SPARQL server)") from None
    except OSError as exc:
        raise RemoteError(f"无法连接 SPARQL 服务 {where}：{exc} (cannot reach the SPARQL server)") from None


def run_query(target: dict[str, Any], query: str, accept: str, timeout: float,
              opener: urllib.request.OpenerDirector | None = None) -> tuple[bytes, dict[str, str]]:
    """POST a query (form-encoded, with the target's graphs as its dataset); refuses cut-off results.

    `target` is what RemoteStore.remote_target() gives (plain data: it crosses process boundaries).
    """
    graphs = target["graphs"] or [EMPTY_GRAPH]
    fields = [("query", query)] + [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]
    opener = opener or _opener([target["endpoint"]], target.get("user"), target.get("password"))
    body, headers = http(opener, "POST", target["endpoint"], urllib.parse.urlencode(fields).encode("utf-8"),
                         {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": accept}, timeout)
    if "x-sparql-maxrows" in headers:
        raise RemoteError(f"SPARQL 服务按其行数上限（{headers['x-sparql-maxrows']} 行）截断了结果；请调高服务器的上限"
                          f"（Virtuoso: virtuoso.ini [SPARQL] ResultSetMaxRows）。The server cut the result at its row limit.")
    if headers.get("x-sql-state"):  # Virtuoso's "anytime" partial result
        raise RemoteError(f"SPARQL 服务只返回了部分结果（{headers.get('x-sql-state')} {headers.get('x-sql-message', '')}）"
                          "(the server returned a partial result: raise its query time limit)", timed_out=True)
    return body, headers


def parse_results(body: bytes) -> dict[str, Any]:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise RemoteError(f"SPARQL 服务的回答不是 JSON 结果 (not SPARQL JSON results)：{exc}") from None


# -- the store -------------------------------------------------------------------------------------------


class RemoteStore:
    """Graphs on a SPARQL 1.1 server; manifest and source texts in a local state folder."""

    def __init__(self, endpoint: str, state_dir: str | Path, *, update_endpoint: str | None = None,
                 graph_store: str | None = None, user: str | None = None, password: str | None = None,
                 timeout: float = 60.0) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.graph_store = graph_store
        self.user = user
        self.password = password
        self.timeout = float(timeout)
        self.path = Path(state_dir)
        self._opener = _opener([u for u in (endpoint, self.update_endpoint, graph_store) if u], user, password)
        self._manifest_cache: tuple[tuple[int, int], dict[str, Any]] | None = None

    @classmethod
    def from_settings(cls, found: RemoteSettings, state_dir: str | Path) -> RemoteStore:
        return cls(found.endpoint, state_dir, update_endpoint=found.update_endpoint, graph_store=found.graph_store,
                   user=found.user, password=found.password, timeout=found.timeout)

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r}, {str(self.path)!r})"

    # -- the manifest ----------------------------------------------------------------------------------
    def _manifest(self) -> dict[str, Any] | None:
        """The manifest, if it exists and belongs to this endpoint (another server's state is not ours)."""
        path = self.path / "manifest.json"
        try:
            stat = path.stat()
        except FileNotFoundError:
            return None
        key = (stat.st_mtime_ns, stat.st_size)
        if self._manifest_cache is None or self._manifest_cache[0] != key:
            try:
                self._manifest_cache = (key, json.loads(path.read_text("utf-8")))
            except FileNotFoundError:
                return None
            except (OSError, ValueError) as exc:
                raise StoreError(f"无法读取存储清单 {path}: {exc} (cannot read the manifest)") from exc
        manifest = self._manifest_cache[1]
        return manifest if manifest.get("endpoint") == self.endpoint else None

    @property
    def generation(self) -> str | None:
        manifest = self._manifest()
        return None if manifest is None else f"remote-{manifest.get('generation', 0)}"

    def exists(self) -> bool:
        return self._manifest() is not None

    def documents(self) -> list[StoredDocument]:
        manifest = self._manifest()
        return [] if manifest is None else [StoredDocument(**d) for d in manifest["documents"]]

    def format_version(self) -> int | None:
        manifest = self._manifest()
        return None if manifest is None else manifest.get("format")

    def document_text(self, doc: StoredDocument) -> bytes:
        return (self.path / "documents" / doc.text_file).read_bytes()

    def graphs(self) -> list[str]:
        """The store's graphs on the server: each document's, then the shared one (kg.graph.vocab.shared_graph)."""
        documents = self.documents()
        return [d.graph for d in documents] + ([self.shared_graph()] if documents else [])

    def shared_graph(self) -> str:
        """This store's shared graph on the server, named in its manifest: one per state folder, so two
        state folders on one server never change what the other shares."""
        return str((self._manifest() or {}).get("shared_graph") or "")

    def remote_target(self) -> dict[str, Any]:
        """What a query needs (picklable: the SPARQL runner's worker processes get it)."""
        if not self.exists():
            raise StoreError(f"存储为空：{self.path} (no store here; run `kgqa build --endpoint {self.endpoint}` first)")
        return {"endpoint": self.endpoint, "graphs": self.graphs(), "user": self.user, "password": self.password}

    # -- reading -----------------------------------------------------------------------------------------
    def query_json(self, query: str, timeout: float | None = None) -> dict[str, Any]:
        body, _ = run_query(self.remote_target(), query, RESULTS_JSON, self.timeout if timeout is None else timeout,
                            self._opener)
        return parse_results(body)

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT with values bound as RDF terms (a VALUES block, never spliced user text)."""
        data = self.query_json(SPARQL_PREFIXES + bind_values(query, bindings))
        names = data.get("head", {}).get("vars", [])
        return [{name: python_value(term_from_json(row.get(name))) for name in names}
                for row in data.get("results", {}).get("bindings", [])]

    def graph_quads(self, graph: str) -> Iterator[ox.Quad]:
        """The triples of one document's graph (a CONSTRUCT as N-Triples: Virtuoso writes that fastest)."""
        if graph not in self.graphs():
            return iter(())
        name = ox.NamedNode(graph)
        body, _ = run_query(self.remote_target(), f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}",
                            "application/n-triples", self.timeout, self._opener)
        try:
            triples = list(ox.parse(body, ox.RdfFormat.N_TRIPLES))
        except SyntaxError as exc:
            raise RemoteError(f"SPARQL 服务的 N-Triples 无法解析 (bad N-Triples from the server)：{exc}") from None
        return iter([ox.Quad(t.subject, t.predicate, normal_term(t.object), name) for t in triples])

    def quads(self) -> Iterator[ox.Quad]:
        for graph in self.graphs():
            yield from self.graph_quads(graph)

    def triple_count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows and rows[0]["n"] is not None else 0

    # -- writing -----------------------------------------------------------------------------------------
    def replace(self, documents: Iterable[tuple[StoredDocument, bytes, DocumentTriples]]) -> None:
        """Make the store hold exactly these documents: (record, source bytes, N-Triples).

        `documents` may be a generator: each document is loaded as it comes (never all in memory).
        """
        self._change(documents, set(), keep_rest=False)

    def apply(self, add: Iterable[tuple[StoredDocument, bytes, DocumentTriples]], remove: set[str] = frozenset(),
              switching: Callable[[], contextlib.AbstractContextManager[Any]] = contextlib.nullcontext) -> None:
        """Add, replace (same doc_id) or remove documents; the other documents' graphs are not touched.
        The server's graphs change in place, so the whole change runs inside `switching()`."""
        with switching():
            if not self.exists():
                self.replace(add)
                return
            if self.format_version() != FORMAT_VERSION:
                raise StoreError(f"存储 {self.path} 由旧版本建立，请用 kgqa build 重建 (built by an older BudgetKG: rebuild it)")
            self._change(add, set(remove), keep_rest=True)

    def _change(self, add: Iterable[tuple[StoredDocument, bytes, DocumentTriples]], remove: set[str], keep_rest: bool) -> None:
        with self._write_lock():
            old = self.documents()
            old_manifest = self._manifest() or {}
            shared_name = old_manifest.get("shared_graph") or f"{shared_graph()}/{uuid.uuid4().hex[:16]}"
            loaded: list[StoredDocument] = []
            written: list[Path] = []
            changed: list[str] = []  # graphs touched on the server, in order
            try:
                for record, source, triples in add:
                    own, shared = triples.own, triples.shared
                    written += self._write_files(record, source, shared)
                    if record.graph not in changed:
                        changed.append(record.graph)
                    self._load(record.graph, own)
                    loaded.append(record)
                new_ids = {record.doc_id for record in loaded}
                kept = [d for d in old if keep_rest and d.doc_id not in new_ids and d.doc_id not in remove]
                live = {record.graph for record in loaded} | {d.graph for d in kept}
                for graph in dict.fromkeys(d.graph for d in old if d.graph not in live):
                    changed.append(graph)
                    self._update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")
                changed.append(shared_name)
                self._load_shared(shared_name, kept + loaded)
            except BaseException as exc:
                problems = self._roll_back(changed, old, shared_name)
                for path in written:
                    with contextlib.suppress(OSError):
                        path.unlink()
                if problems:
                    raise StoreError(f"{exc}；回滚也失败了 (rolling back failed too)：{'; '.join(problems)}。"
                                     f"请重新运行 `kgqa build` 或 `kgqa verify`。") from exc
                if isinstance(exc, OSError):
                    raise StoreError(f"无法写入存储 {self.path}: {exc} (cannot write the store)") from exc
                raise
            records = kept + loaded
            manifest = {"format": FORMAT_VERSION, "endpoint": self.endpoint,
                        "generation": int(old_manifest.get("generation", 0)) + 1, "shared_graph": shared_name,
                        "documents": [asdict(record) for record in records]}
            self._write_manifest(manifest)
            referenced = {name for record in records for name in (record.text_file, shared_file(record))}
            for path in (self.path / "documents").glob("*"):
                if path.name not in referenced:
                    with contextlib.suppress(OSError):
                        path.unlink()

    def _roll_back(self, graphs: list[str], old: list[StoredDocument], shared_name: str) -> list[str]:
        """Put each changed graph back as the previous manifest had it; returns what could not be."""
        from kg.pipeline import load_document  # here: kg.pipeline imports this module

        by_graph = {d.graph: d for d in old}
        problems = []
        for graph in graphs:
            try:
                previous = by_graph.get(graph)
                if graph == shared_name:
                    self._load_shared(shared_name, old)
                elif previous is None:
                    self._update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")
                else:
                    self._load(graph, load_document(previous.source, self.document_text(previous))[1].own)
            except Exception as exc:  # noqa: BLE001 - reported together, after trying every graph
                problems.append(f"{graph}: {exc}")
        return problems

    def _load_shared(self, name: str, documents: list[StoredDocument]) -> None:
        """The shared graph: the union of what these documents share (their .shared.nt files)."""
        lines = {line for d in documents
                 for line in (self.path / "documents" / shared_file(d)).read_text("utf-8").splitlines() if line}
        if lines:
            self._load(name, "\n".join(sorted(lines)) + "\n")
        else:
            self._update(f"DROP SILENT GRAPH {ox.NamedNode(name)}")

    def _load(self, graph: str, ntriples: str) -> None:
        """Replace one graph's content with these N-Triples."""
        ntriples = _decimals_with_point(ntriples)
        if self.graph_store:
            separator = "&" if "?" in self.graph_store else "?"
            url = f"{self.graph_store}{separator}{urllib.parse.urlencode({'graph': graph})}"
            http(self._opener, "PUT", url, ntriples.encode("utf-8"), {"Content-Type": "application/n-triples"},
                 self.timeout)
            return
        self._update(f"DROP SILENT GRAPH {ox.NamedNode(graph)}")
        lines = [line for line in ntriples.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        blank = any(isinstance(t, ox.BlankNode) for q in ox.parse(ntriples.encode("utf-8"), ox.RdfFormat.N_TRIPLES)
                    for t in (q.subject, q.object))
        # blank nodes are scoped to one INSERT DATA: a graph with any goes in one request
        chunks = [lines] if blank else [lines[i:i + CHUNK] for i in range(0, len(lines), CHUNK)]
        for chunk in chunks:
            if chunk:
                self._insert(graph, chunk, split=not blank)

    def _insert(self, graph: str, lines: list[str], split: bool) -> None:
        """INSERT DATA these triples; a chunk the server refuses (400, 413: too large for it) is halved."""
        try:
            self._update(f"INSERT DATA {{ GRAPH {ox.NamedNode(graph)} {{\n" + "\n".join(lines) + "\n} }")
        except RemoteError as exc:
            if not split or exc.status not in (400, 413) or len(lines) <= MIN_CHUNK:
                raise
            half = len(lines) // 2
            self._insert(graph, lines[:half], split)
            self._insert(graph, lines[half:], split)

    def _update(self, text: str) -> None:
        body = urllib.parse.urlencode({"update": text}).encode("utf-8")
        http(self._opener, "POST", self.update_endpoint, body,
             {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": "*/*"}, self.timeout)

    def _write_files(self, record: StoredDocument, source: bytes, shared: str) -> list[Path]:
        """Store a document's source text and what it shares (content-addressed names); returns the files that are new."""
        folder = self.path / "documents"
        written = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for target, data in ((folder / record.text_file, source), (folder / shared_file(record), shared.encode("utf-8"))):
                if target.exists():
                    continue
                tmp = target.with_name(target.name + ".tmp")
                tmp.write_bytes(data)
                os.replace(tmp, target)
                written.append(target)
        except OSError as exc:
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise StoreError(f"无法写入存储目录 {self.path}: {exc} (cannot write the state folder)") from exc
        return written

    def _write_manifest(self, manifest: dict[str, Any]) -> None:
        target = self.path / "manifest.json"
        tmp = self.path / "manifest.json.tmp"
        try:
            with open(tmp, "w", encoding="utf-8") as handle:
                json.dump(manifest, handle, ensure_ascii=False, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise StoreError(f"无法写入存储清单 {target}: {exc} (cannot write the manifest)") from exc
        self._manifest_cache = None

    @contextlib.contextmanager
    def _write_lock(self) -> Iterator[None]:
        """One writer at a time on this state folder (across processes, where flock exists)."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            handle = open(self.path / ".lock", "a+b")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise StoreError(f"无法创建存储目录 {self.path}: {exc} (cannot create the state folder)") from exc
        try:
            try:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            except ImportError:  # not POSIX: one writer by convention
                pass
            yield
        finally:
            handle.close()


def wait_until_up(endpoint: str, seconds: float = 60.0) -> None:
    """Poll until the endpoint answers ASK {} (for scripts and tests)."""
    deadline = time.monotonic() + seconds
    opener = urllib.request.build_opener()
    url = f"{endpoint}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    while True:
        try:
            http(opener, "GET", url, None, {"Accept": RESULTS_JSON}, 5.0)
            return
        except RemoteError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)

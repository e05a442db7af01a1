"""The web app (Gradio Blocks): 问答, 图谱, 预算表, 核对, SPARQL, 下载, 上传.

Every tab's work is a method of `Handlers`, callable without a browser (the tests do); `build_demo`
only wires them to components. Nothing here fetches from the network: vis-network is served from
/static/budgetkg/ (copied from pyvis), charts are Gradio's own plots, fonts are Gradio's bundled ones.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no request leaves the machine

import json  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from decimal import Decimal, InvalidOperation  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402
from urllib.parse import quote  # noqa: E402

import gradio as gr  # noqa: E402
import pandas as pd  # noqa: E402

from kg.checks.audit import STATUS_NAMES, audit, problems, render  # noqa: E402
from kg.checks.stats import stats  # noqa: E402
from kg.errors import BudgetKGError  # noqa: E402
from kg.exports.formats import FORMATS, export  # noqa: E402
from kg.sparql.guard import QueryRefused  # noqa: E402
from kg.template import load_template  # noqa: E402
from qa.answer import Answer, Source  # noqa: E402
from qa.service import Session  # noqa: E402
from ui import graph_view, source_view, suggest, tables  # noqa: E402
from ui.state import AppState, UploadRefused  # noqa: E402
from ui.uploads import UploadRegistry, guard_component  # noqa: E402

QUEUE_CONCURRENCY = 4  # Gradio events run at once (2 cores; answers are CPU-light reads)
QUEUE_MAX_SIZE = 512  # events waiting beyond this are refused with a clear error
log = logging.getLogger(__name__)

STATIC_URL = "/static/budgetkg"
MAX_DISPLAY_ROWS = 1000

_BASIC = load_template().economic("基本支出").number  # the examples' tables, from the template
_ITEMS = load_template().by_layout("items").number
SPARQL_EXAMPLES: dict[str, str] = {
    "全部文档 documents": """SELECT ?doc ?title ?year WHERE {
  ?doc a bkg:BudgetDocument ; dcterms:title ?title ; bkg:fiscalYear ?year .
} ORDER BY ?title""",
    "十二张表 tables": """SELECT ?title ?n ?table WHERE {
  ?doc a bkg:BudgetDocument ; dcterms:title ?title ; bkg:hasTable ?t .
  ?t bkg:tableNumber ?n ; dcterms:title ?table .
} ORDER BY ?title ?n""",
    "项目支出排行 projects by amount": """SELECT ?project ?amount WHERE {
  ?p a bkg:Project ; rdfs:label ?project ; bkg:row ?row .
  ?obs bkg:row ?row ; bkg:measure/rdfs:label "总计"@zh ; bkg:amount ?amount .
} ORDER BY DESC(?amount) LIMIT 20""",
    "按经济分类的基本支出 basic by economic class": f"""SELECT ?code ?label ?amount WHERE {{
  ?t bkg:tableNumber {_BASIC} .
  ?row bkg:inTable ?t ; bkg:code ?code ; rdfs:label ?label .
  ?obs bkg:row ?row ; bkg:amount ?amount .
  FILTER(STRLEN(?code) = 3)
}} ORDER BY ?code""",
    "三公经费 the three public expenses": f"""SELECT ?doc ?row ?column ?amount WHERE {{
  ?t bkg:tableNumber {_ITEMS} ; bkg:document/dcterms:title ?doc .
  ?r bkg:inTable ?t ; rdfs:label ?row .
  ?obs bkg:row ?r ; bkg:measure/rdfs:label ?column ; bkg:amount ?amount .
}} ORDER BY ?doc ?row ?column""",
    "引用的文件 cited documents": """SELECT ?number ?title WHERE {
  ?c a bkg:CitedDocument ; rdfs:label ?number .
  OPTIONAL { ?c dcterms:title ?title }
} ORDER BY ?number""",
    f"CONSTRUCT：表{_BASIC} 的行 rows of 表{_BASIC}": f"""CONSTRUCT {{ ?row rdfs:label ?label ; bkg:code ?code }}
WHERE {{ ?t bkg:tableNumber {_BASIC} . ?row bkg:inTable ?t ; rdfs:label ?label . OPTIONAL {{ ?row bkg:code ?code }} }}""",
}

GRAPH_TEMPLATE = """
<div class="kg-graph">
  <div class="kg-canvas"></div>
  <div class="kg-legend"></div>
  <div class="kg-hint">滚轮缩放、拖动节点；单击节点展开其邻居并在右侧显示属性。Scroll to zoom, drag nodes, click a node to expand it.</div>
</div>
"""
GRAPH_CSS = """
.kg-canvas { height: 560px; width: 100%; border: 1px solid #d0d7de; border-radius: 8px; background: #ffffff; }
.kg-legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin-top: 8px; font-size: 13px; }
.kg-legend span { display: inline-flex; align-items: center; gap: 5px; }
.kg-legend i { display: inline-block; width: 12px; height: 12px; border-radius: 50%; border: 1px solid #888; }
.kg-hint { color: #666; font-size: 12px; margin-top: 4px; }
"""
GRAPH_JS = """
const canvas = element.querySelector('.kg-canvas');
const legend = element.querySelector('.kg-legend');
const nodes = new vis.DataSet([]);
const edges = new vis.DataSet([]);
const network = new vis.Network(canvas, { nodes: nodes, edges: edges }, {
  autoResize: true,
  nodes: { shape: 'dot', size: 14, font: { size: 13 } },
  edges: { font: { size: 10, align: 'middle', color: '#555' }, color: { color: '#9aa5b1', highlight: '#333' },
           smooth: { type: 'continuous' } },
  physics: { stabilization: { iterations: 200, fit: true }, barnesHut: { gravitationalConstant: -12000, springLength: 200 } },
  interaction: { hover: true, tooltipDelay: 150, zoomView: true, dragView: true, dragNodes: true },
});
window.budgetkgGraph = { network: network, nodes: nodes, edges: edges, element: element };
function draw() {
  let data = {};
  try { data = props.value ? JSON.parse(props.value) : {}; } catch (e) { data = {}; }
  if (data.reset) { nodes.clear(); edges.clear(); }
  nodes.update(data.nodes || []);
  edges.update(data.edges || []);
  legend.replaceChildren(...(data.legend || []).map(function (item) {
    const span = document.createElement('span');
    const dot = document.createElement('i');
    dot.style.background = item.color;
    span.append(dot, document.createTextNode(item.name));
    return span;
  }));
  element.dataset.nodeCount = String(nodes.length);
  element.dataset.edgeCount = String(edges.length);
  if (data.focus && nodes.get(data.focus)) { network.selectNodes([data.focus]); }
  if (data.reset) {
    network.once('stabilizationIterationsDone', function () { network.fit(); });
    setTimeout(function () { network.fit(); }, 600);
  }
}
network.on('click', function (params) {
  if (params.nodes && params.nodes.length) { trigger('node_click', { node: params.nodes[0] }); }
});
if (window.ResizeObserver) {
  let wasHidden = canvas.clientWidth === 0;
  new ResizeObserver(function () {
    if (canvas.clientWidth > 0) { network.redraw(); if (wasHidden) { network.fit(); } wasHidden = false; }
    else { wasHidden = true; }
  }).observe(canvas);
}
watch('value', draw);
draw();
"""
HEAD = (f'<link rel="stylesheet" href="{STATIC_URL}/vis-network/vis-network.css">'
        f'<script src="{STATIC_URL}/vis-network/vis-network.min.js"></script>')
CSS = """
.kg-sparql textarea { font-family: "IBM Plex Mono", ui-monospace, monospace !important; font-size: 13px !important; }
footer { display: none !important; }
"""


@dataclass
class ChatResult:
    history: list[dict[str, Any]]
    rows: pd.DataFrame
    csv_path: str | None
    citation: str
    session: Session
    answer: Answer
    permalink: str = ""  # /?q=… : opening it asks this chat's questions again


@dataclass
class UrlState:
    """What a shared URL asks for: /?q=…[&q=…][&doc=ID] (questions, in one chat), ?tab=sparql&query=…,
    ?tab=tables&doc=ID&table=N, ?tab=graph&search=…"""
    tab: str | None = None
    questions: list[str] | None = None
    doc: str | None = None  # a document's IRI
    table: int | None = None
    query: str | None = None
    search: str | None = None


# the audit table: the verdict first, then both figures, then where they come from
AUDIT_COLUMNS = ["结果 status", "核对 check", "文件所述 stated", "推算 computed", "差额 difference", "出处 stated in",
                 "推算依据 computed from", "说明 message", "文档 document"]
AUDIT_WIDTHS = ["90px", "220px", "110px", "110px", "90px", "260px", "260px", "260px", "200px"]
AUDIT_ORDER = {"gap": 0, "rounding": 1, "ok": 2}
AUDIT_MARKS = {"gap": "✗ ", "rounding": "≈ ", "ok": "✓ "}
MAX_LINK_QUESTIONS = 6  # a permalink replays at most the chat's last questions


def _plain(text: str) -> str:
    """Document text shown as Markdown: no images, links or HTML can come from a document."""
    return re.sub(r"([\\`*_\[\]<>!|#])", r"\\\1", str(text))


def link(params: list[tuple[str, str]]) -> str:
    """A relative URL of the app with these parameters, readable: only ASCII that a URL reserves is
    escaped (the browser encodes the rest when it is followed)."""
    def escape(text: str) -> str:
        return "".join(ch if ord(ch) > 127 else quote(ch, safe="") for ch in text)
    return "/?" + "&".join(f"{escape(k)}={escape(v)}" for k, v in params)


def _message_text(content: Any) -> str:
    """A chat message's text: a string, or (as the page sends it back) a list of parts."""
    if isinstance(content, list):
        return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return content if isinstance(content, str) else ""


def _printed(value: str) -> str:
    """An amount as documents print it: thousands separators, two decimals (0.4 → 0.40)."""
    try:
        return f"{Decimal(value):,.2f}"
    except (InvalidOperation, ValueError):
        return value


def _df(records: list[dict[str, Any]], columns: list[str] | None = None) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, columns=columns) if records or columns else pd.DataFrame()


class Handlers:
    """Every tab's work, as plain methods of the shared AppState."""

    def __init__(self, state: AppState, uploads: UploadRegistry | None = None) -> None:
        self.state = state
        self.uploads = uploads or UploadRegistry(state.work_dir, frozenset())  # default: no upload is readable

    # -- 问答 -----------------------------------------------------------------------------------------
    def ask(self, question: str, history: list[Any] | None, session: Session | None) -> ChatResult:
        session = session if isinstance(session, Session) else self.state.service.new_session()
        history = list(history or [])
        question = (question or "").strip()
        if not question:
            return ChatResult(history, _df([]), None, "", session, Answer(question="", answered=False, answer=""))
        answer = self.state.ask(question, session)
        if not answer.answered and answer.intent != "ask_back":  # an ask-back's suggestions are its readings: kept
            answer.suggestions = self.suggestions(question) or answer.suggestions
        history.append({"role": "user", "content": question})
        asked = [_message_text(m.get("content")) for m in history if isinstance(m, dict) and m.get("role") == "user"]
        permalink = link([("q", q) for q in asked[-MAX_LINK_QUESTIONS:]])
        history.extend(self.chat_messages(answer, permalink))
        rows = _df(answer.rows)
        csv_path = None
        if answer.rows:
            path = self.state.new_file("answer-rows.csv")
            rows.to_csv(path, index=False, encoding="utf-8-sig")
            csv_path = str(path)
        return ChatResult(history, rows, csv_path, answer.citation(), session, answer, permalink)

    def suggestions(self, question: str) -> list[str]:
        """Answerable questions about the entities nearest to what was asked (ui.suggest)."""
        service = self.state.service
        return suggest.derived(question, service.lexicon, lambda q: self.state.ask(q).answered)

    def chat_messages(self, answer: Answer, permalink: str = "") -> list[dict[str, Any]]:
        """The assistant's messages: the answer with its figure, the words it understood, its sources
        (each opening the document at the cited line) and a permalink; suggestions as clickable
        options; then the SPARQL, collapsed."""
        lines = [_plain(answer.answer)]
        understood = [f"{_plain(e['text'])}→{_plain('、'.join(e['labels']))}" if e["labels"] != [e["text"]] else _plain(e["text"])
                      for e in answer.frame.get("entities", [])] + [_plain(m) for m in answer.frame.get("measures", [])]
        if understood:
            lines += ["", "**理解的词 understood**：" + "；".join(understood)]
        if answer.sources:
            lines += ["", "**来源 source**（点击行号查看原文 click a line to see it in the document）：" +
                      "；".join(self._cite(s, answer) for s in answer.sources[:6])]
        if permalink:
            lines += ["", f"[本回答的链接 permalink]({permalink})"]
        if answer.query:  # the one runnable query behind the answer, opened in the SPARQL tab
            lines += ["", f"[在 SPARQL 页运行本回答的查询 run its query]({link([('tab', 'sparql'), ('query', answer.query)])})"]
        message: dict[str, Any] = {"role": "assistant", "content": "\n".join(lines)}
        if answer.suggestions:
            heading = "**请选一种理解 pick a reading**" if answer.intent == "ask_back" else "**您可以问 you could ask**"
            message["content"] += f"\n\n{heading}（点击提问 click to ask）："
            message["options"] = [{"value": q, "label": q} for q in answer.suggestions]
        messages: list[dict[str, Any]] = [message]
        if answer.query:
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", answer.query)), default=0))
            messages.append({
                "role": "assistant",
                "content": f"{fence}sparql\n{answer.query}\n{fence}",
                "metadata": {"title": "查询 SPARQL query（点击展开）", "status": "done"},
            })
        return messages

    def _cite(self, source: Source, answer: Answer) -> str:
        """A source as text, its 第N行 a link to the document's text around that line, the figure marked."""
        text = _plain(source.cite())
        doc = self._doc_ids().get(source.document)
        if not source.line or not doc:
            return text
        printed = [str(r.get("金额")) for r in answer.rows if r.get("行号") == source.line and r.get("金额")]
        marks = [source.row.split("（")[0]] + [_printed(v) for v in printed] + printed
        link = source_view.source_link(doc, source.line, list(dict.fromkeys(marks)))
        return text.replace(f"第{source.line}行", f"[第{source.line}行]({link})")

    def _doc_ids(self) -> dict[str, str]:
        return {f"{d.department}{d.year}年部门预算": d.doc_id for d in self.state.documents()}

    def url_state(self, params: dict[str, list[str]]) -> UrlState:
        """Read a shared URL's parameters (hostile: only known documents and tables, bounded text)."""
        first = {k: (v[0] if v else "") for k, v in params.items()}
        wanted = first.get("doc", "")
        record = next((d for d in self.state.documents() if wanted in (d.doc_id, d.graph)), None)
        table = int(first["table"]) if first.get("table", "").isdigit() and 1 <= int(first["table"]) <= 12 else None
        questions = [q.strip()[:300] for q in params.get("q", [])[:MAX_LINK_QUESTIONS] if q.strip()]
        if record:  # a document scope: the question names the document and year, as the QA's own suggestions do
            questions = [f"{record.department}{record.year}年的{q}" for q in questions]
        tab = first.get("tab") if first.get("tab") in ("qa", "graph", "tables", "audit", "sparql", "download", "upload") else None
        return UrlState(tab=tab or ("qa" if questions else None), questions=questions or None,
                        doc=record.graph if record else None, table=table,
                        query=first.get("query", "")[:100_000] or None, search=first.get("search", "")[:200] or None)

    def table_link(self, doc: str | None, number: int | None) -> str:
        doc_id = next((d.doc_id for d in self.state.documents() if d.graph == doc), None)
        return link([("tab", "tables"), ("doc", doc_id), ("table", str(int(number)))]) if doc_id and number else ""

    def examples(self) -> list[str]:
        with self.state.lock.reading():
            return self.state.service.examples()

    # -- 图谱 -----------------------------------------------------------------------------------------
    def graph_search(self, text: str, depth: int = 1) -> tuple[str, list[tuple[str, str]], list[list[str]], str]:
        """(vis data JSON, matches as dropdown choices, the focus's properties, a status line)."""
        with self.state.lock.reading():
            matches = graph_view.search(self.state.store, text)
            if not matches:
                return json.dumps({"nodes": [], "edges": [], "legend": [], "reset": True}), [], [], \
                    f"没有找到“{(text or '').strip()}” (nothing found)。可以输入名称、科目编码或文号。"
            focus = matches[0]["id"]
            data, props = self._focus(focus, depth)
        choices = [(m["name"], m["id"]) for m in matches]
        status = f"找到 {len(matches)} 个结果 (matches)，显示第一个：{matches[0]['name']}；{len(data['nodes'])} 个节点。"
        return json.dumps(data, ensure_ascii=False), choices, props, status

    def graph_focus(self, iri: str, depth: int = 1) -> tuple[str, list[list[str]], str]:
        if not iri:
            return json.dumps({"nodes": [], "edges": [], "legend": [], "reset": True}), [], ""
        with self.state.lock.reading():
            data, props = self._focus(iri, depth)
        return json.dumps(data, ensure_ascii=False), props, f"{len(data['nodes'])} 个节点 (nodes)。"

    def _focus(self, iri: str, depth: int) -> tuple[dict[str, Any], list[list[str]]]:
        g = graph_view.neighbourhood(self.state.store, iri, int(depth or 1))
        data = graph_view.to_vis(g, focus=iri, reset=True)
        return data, [list(p) for p in graph_view.properties(self.state.store, iri)]

    def graph_expand(self, current: str | None, node: str | None) -> tuple[str, list[list[str]], str]:
        """Add a clicked node's neighbours to the drawing; its properties for the side panel."""
        g = graph_view.from_vis(current)
        widen = isinstance(node, str) and node.startswith(graph_view.MORE)  # "+N 更多": more of its node's neighbours
        node = node[len(graph_view.MORE):] if widen else node
        if not isinstance(node, str) or node not in g:
            return current or "", [], "未知节点 (unknown node)"
        before = g.number_of_nodes()
        with self.state.lock.reading():
            g = graph_view.neighbourhood(self.state.store, node, 1, g, widen=widen)
            data = graph_view.to_vis(g, focus=node, reset=False)
            props = [list(p) for p in graph_view.properties(self.state.store, node)]
        added = g.number_of_nodes() - before
        return json.dumps(data, ensure_ascii=False), props, f"展开 (expanded)：新增 {added} 个节点，共 {g.number_of_nodes()} 个。"

    def initial_graph(self) -> tuple[str, list[list[str]]]:
        """The first document's neighbourhood, drawn when the page opens."""
        docs = self.document_choices()
        if not docs:
            return json.dumps({"nodes": [], "edges": [], "legend": [], "reset": True}), []
        data, props, _ = self.graph_focus(docs[0][1], 1)
        return data, props

    # -- 预算表 -----------------------------------------------------------------------------------------
    def document_choices(self) -> list[tuple[str, str]]:
        with self.state.lock.reading():
            return tables.document_choices(self.state.store)

    def table_choices(self, doc: str | None) -> list[tuple[str, int]]:
        if not doc:
            return []
        with self.state.lock.reading():
            return tables.table_choices(self.state.store, doc)

    def table_view(self, doc: str | None, number: int | None) -> tuple[pd.DataFrame, str | None]:
        if not doc or not number:
            return pd.DataFrame(), None
        with self.state.lock.reading():
            frame = tables.table_frame(self.state.store, doc, int(number))
        path = self.state.new_file(f"table-{int(number)}.csv")
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        return frame, str(path)

    def charts(self, doc: str | None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        if not doc:
            return pd.DataFrame(), pd.DataFrame(), pd.DataFrame()
        with self.state.lock.reading():
            store = self.state.store
            return tables.functional_chart(store, doc), tables.economic_chart(store, doc), tables.project_chart(store, doc)

    # -- 核对 -----------------------------------------------------------------------------------------
    def audit_view(self, only_problems: bool = True) -> tuple[str, pd.DataFrame]:
        with self.state.lock.reading():
            findings = audit(self.state.store)
        shown = problems(findings) if only_problems else findings
        shown = sorted(shown, key=lambda f: AUDIT_ORDER.get(f.status, 0))  # failures first (a stable sort)
        records = [{
            "结果 status": f"{AUDIT_MARKS.get(f.status, '')}{STATUS_NAMES.get(f.status, f.status)}", "核对 check": f.check,
            "文件所述 stated": format(f.expected, ","), "推算 computed": format(f.actual, ","),
            "差额 difference": format(f.difference, "f"), "出处 stated in": f.expected_source,
            "推算依据 computed from": f.actual_source, "说明 message": f.message, "文档 document": f.document,
        } for f in shown]
        return render(findings), _df(records, AUDIT_COLUMNS)

    # -- SPARQL -----------------------------------------------------------------------------------------
    def sparql(self, query: str) -> tuple[pd.DataFrame, str | None, str]:
        try:
            result = self.state.runner.run(query, "application/sparql-results+json", table=True)
        except QueryRefused as exc:
            return pd.DataFrame(), None, f"**错误 error ({exc.status})**：{exc.message}"
        frame = pd.DataFrame(result.rows[:MAX_DISPLAY_ROWS], columns=result.columns)
        path = self.state.new_file("sparql-results.csv")
        path.write_bytes(b"\xef\xbb\xbf" + result.csv)
        note = f"{result.count} 行 (rows)，用时 {result.seconds:.2f} 秒"
        if result.truncated:
            note += f"；已达行数上限 {self.state.runner.row_cap}，结果被截断 (truncated at the row cap)"
        if result.count > MAX_DISPLAY_ROWS:
            note += f"；表格显示前 {MAX_DISPLAY_ROWS} 行，CSV 含全部"
        return frame, str(path), note + "。"

    # -- 下载 -----------------------------------------------------------------------------------------
    def downloads(self) -> list[str]:
        paths = []
        with self.state.lock.reading():
            for name, fmt in FORMATS.items():
                path = self.state.new_file(f"budgetkg{fmt.extension}")
                with open(path, "wb") as out:
                    export(self.state.store, name, out)
                paths.append(str(path))
        return paths

    # -- 上传 -----------------------------------------------------------------------------------------
    def upload(self, file: Any) -> tuple[bool, str]:
        """(ok, message). The file is read from the path Gradio saved it to; its name is a label only."""
        if file is None:
            return False, "请先选择一个 .txt 或 .pdf 文件 (choose a .txt or .pdf file first)"
        given = getattr(file, "name", None) or str(file)
        original = getattr(file, "orig_name", None) or Path(given).name
        try:
            path = self.uploads.check(given)
        except UploadRefused as exc:
            return False, f"**未能添加 (not added)**：{exc}。图谱未改变 (nothing changed)。"
        try:
            size = path.stat().st_size
            if size > 5 * 1024 * 1024:
                return False, f"未能添加 (not added)：文件过大：{size} 字节，上限 5 MB (file too large)。图谱未改变 (nothing changed)。"
            data = path.read_bytes()
        except OSError as exc:
            return False, f"未能添加 (not added)：无法读取上传的文件 (cannot read the upload)：{exc.strerror}"
        try:
            report = self.state.add_document(original, data)
        except BudgetKGError as exc:
            return False, f"**未能添加 (not added)**：{_plain(str(exc))}\n\n图谱未改变 (nothing changed)。"
        except Exception:  # noqa: BLE001 - never a stack trace for a user
            log.exception("upload failed")
            return False, "**未能添加 (not added)**：添加时出错 (internal error)。图谱未改变 (nothing changed)。"
        doc = report.documents[-1]
        loaded = len(self.state.documents())
        lines = [f"**已添加 (added)**：{_plain(doc.department)}{doc.year}年部门预算（{len(doc.tables)} 张表，{len(doc.projects)} 个项目，"
                 f"{report.triples:,} 条三元组）。",
                 f"图谱现有 {loaded} 个文档，共 {self.state.triple_count():,} 条三元组 (documents, triples in the graph)。"]
        lines += [f"注意 warning：{_plain(w)}" for w in report.warnings[:10]]
        return True, "\n\n".join(lines)

    def overview(self) -> str:
        with self.state.lock.reading():
            result = stats(self.state.store)
        lines = [f"**已载入 {len(result['documents'])} 个文档，共 {result['triples']:,} 条三元组** (documents loaded, triples)"]
        for doc in result["documents"]:
            counts = doc["counts"]
            lines.append(f"- {_plain(doc['title'])}（{_plain(doc['source'])}）：{counts.get('预算表 tables', 0)} 张表，"
                         f"{counts.get('项目 projects', 0)} 个项目，{counts.get('金额 table figures', 0)} 个金额")
        return "\n".join(lines)


# -- wiring ---------------------------------------------------------------------------------------------


SHOW_LINK = "(link) => { if (link) { history.replaceState(null, '', link); } }"


def build_demo(state: AppState) -> gr.Blocks:
    """The Gradio app: one function per tab, then what a page load does with its URL."""
    demo = gr.Blocks(title="预算图谱 BudgetKG", analytics_enabled=False)
    # the upload tab reads only files the upload route of this app handed out (recorded by Gradio)
    uploads = UploadRegistry(gr.utils.get_upload_folder(), demo.upload_file_set)
    h = Handlers(state, uploads)

    with demo:
        gr.Markdown("# 预算图谱 BudgetKG\n部门预算知识图谱与中文问答 · Chinese department budgets as a knowledge graph")
        overview = gr.Markdown(h.overview(), elem_id="kg-overview")
        with gr.Tabs() as tabs:
            with gr.Tab("问答 Q&A", id="qa"):
                qa = _qa_tab(h)
            with gr.Tab("图谱 Graph", id="graph"):
                graph = _graph_tab(h)
            with gr.Tab("预算表 Tables", id="tables") as tables_tab:
                budget = _tables_tab(h, tables_tab)
            with gr.Tab("核对 Audit", id="audit"):
                audit_text, audit_df = _audit_tab(h)
            with gr.Tab("SPARQL", id="sparql"):
                sparql = _sparql_tab(h, state)
            with gr.Tab("下载 Download", id="download"):
                _download_tab(h)
            with gr.Tab("上传 Upload", id="upload"):
                _upload_tab(h, uploads, [overview, budget.doc_pick, audit_text, audit_df])
        _on_load(demo, h, [overview, budget.table_df, budget.table_csv, *budget.charts, audit_text, audit_df, tabs,
                           budget.doc_pick, budget.table_pick, budget.table_url], qa, sparql, graph)
    # Answers take milliseconds and only read the store (under a shared lock), so several run at
    # once; the queue is bounded so a flood of requests is turned away instead of piling up.
    demo.queue(default_concurrency_limit=QUEUE_CONCURRENCY, max_size=QUEUE_MAX_SIZE)
    return demo


@dataclass
class _QATab:
    outputs: list[Any]  # what an answer updates
    ask: Any  # on_ask(question, history, session, request)


def _qa_tab(h: Handlers) -> _QATab:
    session = gr.State(None)
    chatbot = gr.Chatbot(label="问答 (每个回答附来源与查询)", height=460, elem_id="kg-chat",
                         buttons=["copy"], feedback_options=None)
    with gr.Row():
        question = gr.Textbox(placeholder="例如：津贴补贴多少万？ 那项目支出呢？", show_label=False, scale=5,
                              elem_id="kg-question")
        ask_btn = gr.Button("提问 Ask", variant="primary", scale=1, elem_id="kg-ask")
        clear_btn = gr.Button("清空 Clear", scale=1)
    gr.Markdown("示例问题 examples：")
    with gr.Row():
        example_buttons = [gr.Button(q, size="sm") for q in h.examples()]
    with gr.Row(visible=False) as answer_links:  # shown once there is an answer to cite or share
        citation = gr.Textbox(label="引用 citation（可复制 copyable）", buttons=["copy"], interactive=False,
                              elem_id="kg-citation", scale=3)
        permalink = gr.Textbox(label="本回答的链接 permalink（打开即重新提问 opens and asks again）", buttons=["copy"],
                               interactive=False, elem_id="kg-permalink", scale=2)
    with gr.Accordion("答案背后的数据行 rows behind the answer", open=True, visible=False) as rows_box:
        rows = gr.Dataframe(label="数据行 rows", interactive=False, wrap=True)
        rows_csv = gr.File(label="下载 CSV download", interactive=False)

    def on_ask(q, history, sess, request: gr.Request = None):
        r = h.ask(q, history, sess)
        origin = f"{request.url.scheme}://{request.headers['host']}" if request and request.headers.get("host") else ""
        return (r.history, "", r.rows, r.csv_path, r.citation, r.session, origin + r.permalink if r.permalink else "",
                gr.Row(visible=bool(r.citation or r.permalink)), gr.Accordion(visible=bool(r.answer.rows)))

    outputs = [chatbot, question, rows, rows_csv, citation, session, permalink, answer_links, rows_box]
    ask_btn.click(on_ask, [question, chatbot, session], outputs, api_name="ask").then(None, [permalink], None, js=SHOW_LINK)
    question.submit(on_ask, [question, chatbot, session], outputs).then(None, [permalink], None, js=SHOW_LINK)
    for button in example_buttons:
        button.click(on_ask, [button, chatbot, session], outputs).then(None, [permalink], None, js=SHOW_LINK)

    def on_option(history, sess, evt: gr.SelectData, request: gr.Request):
        return on_ask(str(evt.value), history, sess, request)

    chatbot.option_select(on_option, [chatbot, session], outputs).then(None, [permalink], None, js=SHOW_LINK)
    clear_btn.click(lambda: ([], "", pd.DataFrame(), None, "", None, "", gr.Row(visible=False), gr.Accordion(visible=False)),
                    None, outputs).then(None, None, None, js="() => { history.replaceState(null, '', '/'); }")
    return _QATab(outputs, on_ask)


def _graph_tab(h: Handlers) -> list[Any]:
    """The graph search; returns [graph, matches, node properties, status] (what a search updates)."""
    with gr.Row():
        graph_query = gr.Textbox(label="搜索实体 search（名称、科目编码或文号 name, code or document number）",
                                 placeholder=f"例如：津贴补贴、30102、表{_BASIC}、大数据中心", scale=4, elem_id="kg-graph-query")
        depth = gr.Slider(1, 3, value=1, step=1, label="深度 depth", scale=1)
        graph_btn = gr.Button("搜索 Search", variant="primary", scale=1, elem_id="kg-graph-search")
    matches = gr.Dropdown(label="搜索结果 matches", choices=[], interactive=True)
    graph_status = gr.Markdown("")
    initial_data, initial_props = h.initial_graph()
    with gr.Row():
        with gr.Column(scale=3):
            graph = gr.HTML(initial_data, html_template=GRAPH_TEMPLATE, css_template=GRAPH_CSS,
                            js_on_load=GRAPH_JS, head=HEAD, elem_id="kg-graph")
        with gr.Column(scale=2):
            node_props = gr.Dataframe(initial_props or None, headers=["属性 property", "值 value"], label="节点属性 properties",
                                      interactive=False, wrap=True, elem_id="kg-node-props")

    def on_search(text, d):
        data, choices, props, status = h.graph_search(text, d)
        return data, gr.Dropdown(choices=choices, value=choices[0][1] if choices else None), props, status

    graph_btn.click(on_search, [graph_query, depth], [graph, matches, node_props, graph_status])
    graph_query.submit(on_search, [graph_query, depth], [graph, matches, node_props, graph_status])
    matches.input(h.graph_focus, [matches, depth], [graph, node_props, graph_status])

    def on_node(current, evt: gr.EventData):
        return h.graph_expand(current, getattr(evt, "_data", {}).get("node") if evt else None)

    graph.node_click(on_node, [graph], [graph, node_props, graph_status])
    return [graph, matches, node_props, graph_status]


@dataclass
class _TablesTab:
    doc_pick: Any
    table_pick: Any
    table_df: Any
    table_url: Any
    table_csv: Any
    charts: list[Any]


def _tables_tab(h: Handlers, tab: Any) -> _TablesTab:
    docs = h.document_choices()
    first_doc = docs[0][1] if docs else None
    default = load_template().views.default_table
    functional_title, economic_title, projects_title = tables.chart_titles()
    with gr.Row():
        doc_pick = gr.Dropdown(label="文档 document", choices=docs, value=first_doc, interactive=True)
        table_pick = gr.Dropdown(label="表 table", choices=h.table_choices(first_doc), value=default if first_doc else None,
                                 interactive=True)
    table_df = gr.Dataframe(label="预算表（单位：万元）", interactive=False, wrap=True, max_height=520,
                            elem_id="kg-table")
    table_url = gr.Textbox(label="本表链接 link to this table", buttons=["copy"], interactive=False,
                           elem_id="kg-table-link")
    table_csv = gr.File(label="下载本表 CSV", interactive=False)
    with gr.Row():
        chart_functional = gr.BarPlot(x="功能分类 functional class", y="金额（万元）", color="类型 type",
                                      title=functional_title, x_label_angle=-30, height=340)
        chart_economic = gr.BarPlot(x="经济分类 economic class", y="金额（万元）", color="类型 type",
                                    title=economic_title, x_label_angle=-30, height=340)
    chart_projects = gr.BarPlot(x="项目 project", y="金额（万元）", title=projects_title, sort="-y",
                                x_label_angle=-40, height=380)
    charts = [chart_functional, chart_economic, chart_projects]

    def on_doc(doc):
        choices = h.table_choices(doc)
        frame, path = h.table_view(doc, default if choices else None)
        f, e, p = h.charts(doc)
        return gr.Dropdown(choices=choices, value=default if choices else None), frame, path, f, e, p

    doc_pick.input(on_doc, [doc_pick], [table_pick, table_df, table_csv, *charts]
                   ).then(h.table_link, [doc_pick, table_pick], [table_url]).then(None, [table_url], None, js=SHOW_LINK)
    table_pick.input(h.table_view, [doc_pick, table_pick], [table_df, table_csv]
                     ).then(h.table_link, [doc_pick, table_pick], [table_url]).then(None, [table_url], None, js=SHOW_LINK)

    def refresh_docs(current):
        choices = h.document_choices()
        values = [v for _, v in choices]
        return gr.Dropdown(choices=choices, value=current if current in values else (values[0] if values else None))

    tab.select(refresh_docs, [doc_pick], [doc_pick])
    return _TablesTab(doc_pick, table_pick, table_df, table_url, table_csv, charts)


def _audit_tab(h: Handlers) -> tuple[Any, Any]:
    gr.Markdown("表内、表间和第三部分说明的算术核对：每处不一致给出两边的数字和出处。"
                "Arithmetic checks within and across tables: both figures and their sources.")
    with gr.Row():
        only = gr.Checkbox(value=True, label="只显示不一致 only problems")
        audit_btn = gr.Button("重新核对 Re-run", size="sm")
    audit_df = gr.Dataframe(label="核对结果 findings（结果在前，不一致在前 status first, failures first）",
                            headers=AUDIT_COLUMNS, column_widths=AUDIT_WIDTHS, interactive=False, wrap=True,
                            max_height=560, elem_id="kg-audit-table")
    with gr.Accordion("核对报告 report (text)", open=False):
        audit_text = gr.Textbox(label="核对报告 report", lines=8, max_lines=30, interactive=False, elem_id="kg-audit")
    only.change(h.audit_view, [only], [audit_text, audit_df])
    audit_btn.click(h.audit_view, [only], [audit_text, audit_df])
    return audit_text, audit_df


def _sparql_tab(h: Handlers, state: AppState) -> list[Any]:
    """The SPARQL tab; returns [query box, results, CSV, status]."""
    gr.Markdown(f"只读查询（SELECT / ASK / CONSTRUCT / DESCRIBE），已预置前缀 bkg: qb: skos: dcterms: rdfs: 等；"
                f"时间上限 {state.runner.timeout:g} 秒，行数上限 {state.runner.row_cap}。"
                f"HTTP 端点：`/sparql`。Read-only; prefixes predeclared.")
    example_pick = gr.Dropdown(label="示例查询 examples", choices=list(SPARQL_EXAMPLES), value=None, interactive=True)
    sparql_box = gr.Textbox(value=SPARQL_EXAMPLES["十二张表 tables"], lines=10, max_lines=30, label="查询 query",
                            elem_classes=["kg-sparql"], elem_id="kg-sparql-query")
    sparql_btn = gr.Button("运行 Run", variant="primary", elem_id="kg-sparql-run")
    sparql_status = gr.Markdown("", elem_id="kg-sparql-status")
    sparql_df = gr.Dataframe(label="结果 results", interactive=False, wrap=True, elem_id="kg-sparql-results")
    sparql_csv = gr.File(label="下载 CSV download", interactive=False)
    example_pick.input(lambda k: SPARQL_EXAMPLES.get(k, ""), [example_pick], [sparql_box])
    sparql_link = ("(q) => { history.replaceState(null, '', '/?' + new URLSearchParams({tab: 'sparql', query: q})"
                   ".toString()); }")
    sparql_btn.click(h.sparql, [sparql_box], [sparql_df, sparql_csv, sparql_status]).then(None, [sparql_box], None, js=sparql_link)
    return [sparql_box, sparql_df, sparql_csv, sparql_status]


def _download_tab(h: Handlers) -> None:
    gr.Markdown("\n".join(f"- **{fmt.extension}**：{fmt.description}" for fmt in FORMATS.values()))
    download_btn = gr.Button("生成下载文件 Build the files", variant="primary", elem_id="kg-download")
    download_files = gr.File(label="文件 files", file_count="multiple", interactive=False, elem_id="kg-download-files")
    download_btn.click(h.downloads, None, [download_files])


def _upload_tab(h: Handlers, uploads: UploadRegistry, updated: list[Any]) -> None:
    """The upload tab; `updated`: [overview, document pick, audit text, audit table], refreshed after an upload."""
    gr.Markdown("添加一份部门预算公开文件（.txt 文本，UTF-8 或 GBK；或 .pdf；≤ 5 MB）。解析失败时显示出错的行或页，图谱不变；"
                "同一部门同一年度的文档会替换旧版本（不完整的文件不替换完整的）。Add a document (.txt or .pdf); on any error nothing changes.")
    # no file_types filter: the browser's refusal would be an English toast; the server's check answers in Chinese
    upload_file = gr.File(label="选择文件 choose a .txt or .pdf file", type="filepath", elem_id="kg-upload-file")
    guard_component(upload_file, uploads)
    upload_btn = gr.Button("添加到图谱 Add to the graph", variant="primary", elem_id="kg-upload")
    upload_status = gr.Markdown("", elem_id="kg-upload-status")

    def on_upload(file, current_doc):
        ok, message = h.upload(file)
        choices = h.document_choices()
        values = [v for _, v in choices]
        doc_update = gr.Dropdown(choices=choices, value=current_doc if current_doc in values else (values[0] if values else None))
        text, frame = h.audit_view(True)
        return message, h.overview(), doc_update, text, frame

    upload_btn.click(on_upload, [upload_file, updated[1]], [upload_status, *updated])


def _on_load(demo: gr.Blocks, h: Handlers, shown: list[Any], qa: _QATab, sparql: list[Any], graph: list[Any]) -> None:
    """A page load: the overview, table and audit refreshed, then what its URL asks for (tab, document,
    table, a permalink's questions, a SPARQL query, a graph search)."""

    def on_load(doc, request: gr.Request):
        params: dict[str, list[str]] = {}
        for key, value in (request.query_params.multi_items() if request else []):
            params.setdefault(key, []).append(value)
        url = h.url_state(params)
        doc = url.doc or doc
        number = url.table or load_template().views.default_table
        frame, path = h.table_view(doc, number) if doc else (pd.DataFrame(), None)
        f, e, p = h.charts(doc)
        text, findings = h.audit_view(True)
        out = [h.overview(), frame, path, f, e, p, text, findings, gr.Tabs(selected=url.tab) if url.tab else gr.skip(),
               gr.Dropdown(value=doc) if url.doc else gr.skip(),
               gr.Dropdown(choices=h.table_choices(doc), value=number) if url.doc or url.table else gr.skip(),
               h.table_link(doc, number) if url.tab == "tables" else gr.skip()]
        asked = [gr.skip()] * len(qa.outputs)
        history, sess = [], None
        for q in url.questions or []:  # a permalink: its questions asked again, in one chat
            asked = list(qa.ask(q, history, sess, request))
            history, sess = asked[0], asked[5]
        ran = [url.query, *h.sparql(url.query)] if url.query else [gr.skip()] * 4
        searched = [gr.skip()] * 4
        if url.search:
            data, choices, props, status = h.graph_search(url.search, 1)
            searched = [data, gr.Dropdown(choices=choices, value=choices[0][1] if choices else None), props, status]
        return out + asked + ran + searched

    demo.load(on_load, [shown[9]], [*shown, *qa.outputs, *sparql, *graph])

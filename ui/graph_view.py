"""An entity's neighbourhood in the graph, as a networkx graph and as vis-network data.

    matches = search(store, "津贴补贴")                    # [{"id", "label", "class", "name"}…]
    g = neighbourhood(store, matches[0]["id"], depth=1)   # networkx.MultiDiGraph
    data = to_vis(g, focus=…)                             # {"nodes", "edges", "legend", …}
    rows = properties(store, iri)                         # [(property, value)…] for the side panel

Hubs (a document is the bkg:document of every figure, a column the bkg:measure of hundreds) are
capped per predicate and per node, so a neighbourhood stays readable; the caps are reported in
the node's tooltip. Every value reaches SPARQL as a bound term, never as query text.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

import networkx as nx

from kg.graph.vocab import PREFIXES
from kg.store.embedded import OxigraphStore
from qa.facts import node as iri_node

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
BKG = PREFIXES["bkg"]
QB = PREFIXES["qb"]
SKOS = PREFIXES["skos"]

# class → (Chinese name, colour); the first class of a node found here decides its colour
CLASSES: list[tuple[str, str, str]] = [
    (BKG + "BudgetDocument", "预算文件 document", "#1f3b73"),
    (BKG + "Department", "部门 department", "#d62728"),
    (BKG + "BudgetUnit", "预算单位 budget unit", "#ff7f0e"),
    (BKG + "InternalUnit", "内设机构 internal unit", "#e377c2"),
    (BKG + "Duty", "主要职责 duty", "#f7b6d2"),
    (BKG + "BudgetTable", "预算表 table", "#2ca02c"),
    (BKG + "TableRow", "表格行 row", "#98df8a"),
    (BKG + "StatedFigure", "说明中的数字 stated figure", "#bcbd22"),
    (QB + "Observation", "金额 figure", "#dbdb8d"),
    (BKG + "Project", "项目 project", "#9467bd"),
    (BKG + "ClassificationItem", "分类科目 classification", "#1f77b4"),
    (BKG + "LineItem", "收支项目 line item", "#aec7e8"),
    (BKG + "Measure", "列 column", "#17becf"),
    (BKG + "CitedDocument", "引用文件 cited document", "#8c564b"),
    (BKG + "PerformanceGoal", "绩效目标 goal", "#c5b0d5"),
    (BKG + "Target", "绩效指标 target", "#c49c94"),
    (BKG + "GlossaryTerm", "名词解释 term", "#7f7f7f"),
    (BKG + "ExplanationSection", "情况说明 section", "#ffbb78"),
    (BKG + "BudgetComposition", "预算构成 composition", "#ff9896"),
    (SKOS + "ConceptScheme", "分类体系 scheme", "#9edae5"),
]
OTHER = ("", "其他 other", "#c7c7c7")
CLASS_INFO = {iri: (name, colour) for iri, name, colour in CLASSES}
CLASS_ORDER = {iri: k for k, (iri, _, _) in enumerate(CLASSES)}

# which kinds of match a search lists first
SEARCH_ORDER = {BKG + name: k for k, name in enumerate([
    "Department", "BudgetDocument", "Project", "ClassificationItem", "CitedDocument", "GlossaryTerm", "BudgetTable",
    "InternalUnit", "BudgetUnit", "LineItem", "PerformanceGoal", "StatedFigure", "Measure", "TableRow",
])}

LABEL_PROPERTIES = [
    "http://www.w3.org/2000/01/rdf-schema#label", SKOS + "prefLabel", "http://purl.org/dc/terms/title",
    SKOS + "notation",
]
SEARCH_PROPERTIES = LABEL_PROPERTIES + [
    SKOS + "altLabel", BKG + "code", BKG + "documentNumber", "http://purl.org/dc/terms/identifier",
    "http://data.europa.eu/eli/ontology#id_local",
]
# edges that repeat another edge (prov:wasDerivedFrom = bkg:row, org:purpose = bkg:hasDuty …)
SKIPPED_PREDICATES = {
    RDF_TYPE, "http://www.w3.org/ns/prov#wasDerivedFrom", "http://www.w3.org/ns/org#purpose",
    "http://www.w3.org/ns/org#hasUnit",
}
PER_PREDICATE = 12  # neighbours along one predicate and direction (the focus's)
PER_NODE = 20  # neighbours of the focus in one expansion
DEEP_PER_PREDICATE = 3  # … and of each node two or three links away, so depth 3 stays readable
DEEP_PER_NODE = 5
WIDEN = 3  # a "more" node shows its node's neighbours with the caps this many times larger
MAX_NODES = 120
MAX_LABEL = 18  # characters per label line
EDGE_LABELS_UP_TO = 15  # edges carry their predicate as text only in small drawings (else in the tooltip)
MORE = "more|"  # id prefix of the "+N 更多" node standing for a node's neighbours not drawn


def short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _values(nodes: list[str]) -> str:
    """A VALUES block of IRIs (IRIs come from the store itself; any '>' etc. is refused)."""
    safe = [n for n in nodes if n and not any(ch in n for ch in '<>"{}|^`\\ \n\r\t')]
    return " ".join(f"<{n}>" for n in safe)


# -- search --------------------------------------------------------------------------------------

_SEARCH = """
SELECT DISTINCT ?n ?text ?class ?docTitle ?q WHERE {
  VALUES ?p { %s }
  ?n ?p ?text .
  FILTER(isIRI(?n) && CONTAINS(LCASE(REPLACE(STR(?text), "[“”‘’「」『』\\"'《》]", "")), LCASE(STR(?q))))
  OPTIONAL { ?n a ?class }
  OPTIONAL { ?n bkg:document/dcterms:title ?docTitle }
} LIMIT 2000
"""


def search(store: OxigraphStore, text: str, limit: int = 20) -> list[dict[str, str]]:
    """Entities whose name, code or 文号 contains the text; exact matches and central classes first."""
    text = (text or "").strip()[:200]
    if not text:
        return []
    text = re.sub("[“”‘’「」『』\"'《》]", "", text) or text  # 三公经费 finds “三公”经费
    if text.startswith(("http://", "https://")) and _values([text]):
        rows = store.select("SELECT ?n ?class WHERE { ?n ?p ?o OPTIONAL { ?n a ?class } } LIMIT 20", {"n": iri_node(text)})
        if rows:
            info = describe(store, [text])[text]
            return [{"id": text, "label": info["label"], "class": info["class"], "name": f"{info['label']}（{text}）"}]
    predicates = " ".join(f"<{p}>" for p in SEARCH_PROPERTIES)
    found: dict[str, dict[str, Any]] = {}
    for row in store.select(_SEARCH % predicates, {"q": text}):
        entry = found.setdefault(row["n"], {"id": row["n"], "texts": set(), "classes": set(), "doc": ""})
        entry["texts"].add(str(row["text"]))
        entry["doc"] = entry["doc"] or str(row["docTitle"] or "").replace("部门预算", "")
        if row["class"]:
            entry["classes"].add(row["class"])
    labels = describe(store, list(found))
    ranked = []
    for iri, entry in found.items():
        cls = _best_class(entry["classes"])
        exact = any(t.strip().lower() == text.lower() for t in entry["texts"])
        label = labels.get(iri, {}).get("label") or min(entry["texts"], key=len)
        kind = CLASS_INFO.get(cls, OTHER[1:])[0].split(" ")[0]
        where = f"·{entry['doc']}" if entry["doc"] else ""
        ranked.append((not exact, SEARCH_ORDER.get(cls, len(SEARCH_ORDER)), len(label), label, iri, cls, f"{label}（{kind}{where}）"))
    ranked.sort()
    return [{"id": iri, "label": label, "class": cls, "name": name} for _, _, _, label, iri, cls, name in ranked[:limit]]


def _best_class(classes: set[str]) -> str:
    known = [c for c in classes if c in CLASS_ORDER]
    return min(known, key=CLASS_ORDER.__getitem__) if known else ""


# -- describing nodes ------------------------------------------------------------------------------

_DESCRIBE = """
SELECT DISTINCT ?n ?p ?o WHERE {
  VALUES ?n { %s }
  ?n ?p ?o .
  FILTER(isLiteral(?o) || ?p = rdf:type)
}
"""
_OBSERVATION_NAMES = """
SELECT ?n ?measure ?rowLabel ?tn WHERE {
  VALUES ?n { %s }
  ?n bkg:measure/rdfs:label ?measure .
  OPTIONAL { ?n bkg:row ?row . ?row rdfs:label ?rowLabel . OPTIONAL { ?row bkg:inTable/bkg:tableNumber ?tn } }
}
"""


def describe(store: OxigraphStore, nodes: list[str]) -> dict[str, dict[str, Any]]:
    """For each node: its label, class, colour group and a plain-text tooltip."""
    out: dict[str, dict[str, Any]] = {}
    props: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for start in range(0, len(nodes), 200):
        chunk = _values(nodes[start:start + 200])
        if not chunk:
            continue
        for row in store.select(_DESCRIBE % chunk):
            props[row["n"]][row["p"]].append(row["o"])
    observation_names: dict[str, tuple[str, str, Any]] = {}
    observations = [n for n in nodes if QB + "Observation" in props.get(n, {}).get(RDF_TYPE, [])]
    for start in range(0, len(observations), 200):
        for row in store.select(_OBSERVATION_NAMES % _values(observations[start:start + 200])):
            observation_names[row["n"]] = (row["measure"], row["rowLabel"] or "", row["tn"])
    for node in nodes:
        p = props.get(node, {})
        cls = _best_class(set(p.get(RDF_TYPE, [])))
        label = next((str(p[k][0]) for k in LABEL_PROPERTIES if p.get(k)), "")
        amount = (p.get(BKG + "amount") or [None])[0]
        if node in observation_names and not label:  # a figure: its column and amount, then its table and item
            measure, row_label, table = observation_names[node]
            prefix = f"表{table} " if table else ""
            label = f"{measure} {_amount(amount)}\n{prefix}{row_label}".strip()
        elif amount is not None and label:
            unit = (p.get(BKG + "unit") or [""])[0]
            label = f"{label} {_amount(amount)}{unit}"
        if not label:
            for key in (BKG + "targetText", BKG + "goalText", BKG + "text", BKG + "sectionNumber", BKG + "ordinal"):
                if p.get(key):
                    label = str(p[key][0])
                    break
        label = label or short(node).rsplit("/", 2)[-1]
        name, colour = CLASS_INFO.get(cls, OTHER[1:])
        out[node] = {"label": label, "class": cls, "class_name": name, "color": colour}
    return out


def _amount(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return "" if value is None else str(value)


# -- neighbourhood -------------------------------------------------------------------------------

# Written without BIND inside UNION branches: Virtuoso 7.2 fails to compile that form (SP031).
_EDGES = """
SELECT ?x ?s ?p ?o WHERE {
  VALUES ?x { %s }
  { ?x ?p ?o2 . FILTER(isIRI(?o2)) } UNION { ?s2 ?p ?x . FILTER(isIRI(?s2)) }
  BIND(COALESCE(?s2, ?x) AS ?s) BIND(COALESCE(?o2, ?x) AS ?o)
}
"""


def _edges_of(store: OxigraphStore, frontier: list[str]) -> dict[str, list[tuple[str, str, str]]]:
    by_node: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for start in range(0, len(frontier), 100):
        chunk = _values(frontier[start:start + 100])
        if not chunk:
            continue
        for row in store.select(_EDGES % chunk):
            if row["p"] in SKIPPED_PREDICATES:
                continue
            by_node[row["x"]].append((row["s"], row["p"], row["o"]))
    return by_node


def _capped(node: str, edges: list[tuple[str, str, str]], per_predicate: int = PER_PREDICATE,
            per_node: int = PER_NODE) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """At most per_predicate edges per predicate and direction and per_node in all (outgoing first)."""
    groups: dict[tuple[bool, str], list[tuple[str, str, str]]] = defaultdict(list)
    for edge in sorted(set(edges)):
        groups[(edge[0] != node, edge[1])].append(edge)
    kept: list[tuple[str, str, str]] = []
    hidden: dict[str, int] = {}
    for (incoming, predicate), group in sorted(groups.items(), key=lambda item: (item[0][0], len(item[1]))):
        room = max(0, min(per_predicate, per_node - len(kept)))
        kept.extend(group[:room])
        if len(group) > room:
            hidden[("← " if incoming else "→ ") + short(predicate)] = len(group) - room
    return kept, hidden


def neighbourhood(store: OxigraphStore, focus: str, depth: int = 1, graph: nx.MultiDiGraph | None = None,
                  widen: bool = False) -> nx.MultiDiGraph:
    """The focus node and everything within `depth` links of it (capped: fewer neighbours per node
    beyond the first link), added to `graph`. widen: the focus again, with caps WIDEN times larger."""
    g = graph if graph is not None else nx.MultiDiGraph()
    depth = max(1, min(int(depth or 1), 3))
    g.add_node(focus)
    frontier = [focus]
    expanded = set(g.graph.get("expanded", [])) - ({focus} if widen else set())
    for level in range(depth):
        todo = [n for n in frontier if n not in expanded]
        if not todo or g.number_of_nodes() >= MAX_NODES:
            break
        found = _edges_of(store, todo)
        next_frontier: list[str] = []
        caps = (PER_PREDICATE, PER_NODE) if level == 0 else (DEEP_PER_PREDICATE, DEEP_PER_NODE)
        if widen:
            caps = (caps[0] * WIDEN, caps[1] * WIDEN)
        for node in todo:
            expanded.add(node)
            kept, hidden = _capped(node, found.get(node, []), *caps)
            g.nodes[node]["hidden"] = hidden
            for s, p, o in kept:
                other = o if s == node else s
                if other not in g and g.number_of_nodes() >= MAX_NODES:
                    g.graph["truncated"] = True
                    continue
                if other not in g:
                    next_frontier.append(other)
                    g.add_node(other)
                if not g.has_edge(s, o, key=p):
                    g.add_edge(s, o, key=p, predicate=p)
        frontier = next_frontier
    g.graph["expanded"] = sorted(expanded)
    missing = [n for n in g.nodes if "class_name" not in g.nodes[n] and not n.startswith(MORE)]
    for node, info in describe(store, missing).items():
        g.nodes[node].update(info)
    return g


def to_vis(g: nx.MultiDiGraph, focus: str | None = None, reset: bool = True) -> dict[str, Any]:
    """vis-network data: nodes coloured by class, edges labelled with the predicate, a legend."""
    nodes = []
    edges = []
    used: dict[str, tuple[str, str]] = {}
    for node, data in g.nodes(data=True):
        label = data.get("label", node)
        cls = data.get("class", "")
        name, colour = data.get("class_name", OTHER[1]), data.get("color", OTHER[2])
        used[cls] = (name, colour)
        tooltip = [label, name, short(node)]
        hidden = data.get("hidden") or {}
        for what, count in hidden.items():
            tooltip.append(f"另有 {count} 条 {what} 未显示 (not shown)")
        nodes.append({
            "id": node, "label": "\n".join(line if len(line) <= MAX_LABEL else line[: MAX_LABEL - 1] + "…" for line in label.split("\n")),
            "title": "\n".join(tooltip), "color": colour, "group": short(cls) if cls else "other",
            "borderWidth": 3 if node == focus else 1, "value": 2 if node == focus else 1,
        })
        if hidden:  # one node stands for the neighbours not drawn: clicking it draws more of them
            more = f"{MORE}{node}"
            nodes.append({"id": more, "label": f"+{sum(hidden.values())} 更多 more", "shape": "box", "color": "#eeeeee",
                          "title": "单击显示更多邻居 click to show more neighbours", "group": "more", "count": sum(hidden.values())})
            edges.append({"id": f"{node}|more|{more}", "from": node, "to": more, "dashes": True})
    small = g.number_of_edges() <= EDGE_LABELS_UP_TO
    edges += [
        {"id": f"{s}|{key}|{o}", "from": s, "to": o, "title": short(key), "arrows": "to",
         **({"label": short(key).split(":")[-1]} if small else {})}
        for s, o, key in g.edges(keys=True)
    ]
    legend = [{"name": name, "color": colour} for cls, (name, colour) in sorted(used.items(), key=lambda kv: CLASS_ORDER.get(kv[0], 99))]
    return {"nodes": nodes, "edges": edges, "legend": legend, "focus": focus, "reset": reset,
            "expanded": g.graph.get("expanded", []), "truncated": bool(g.graph.get("truncated"))}


def from_vis(data: dict[str, Any] | str | None) -> nx.MultiDiGraph:
    """Rebuild the graph from vis data sent back by the page (to add a clicked node's neighbours)."""
    if isinstance(data, str):
        try:
            data = json.loads(data) if data.strip() else {}
        except ValueError:
            data = {}
    data = data if isinstance(data, dict) else {}
    g = nx.MultiDiGraph()
    for node in data.get("nodes", [])[: MAX_NODES * 2]:
        if isinstance(node, dict) and isinstance(node.get("id"), str) and not node["id"].startswith(MORE):
            g.add_node(node["id"])
    for node in data.get("nodes", [])[: MAX_NODES * 2]:  # a "more" node: its node still has neighbours not drawn
        if isinstance(node, dict) and str(node.get("id", "")).startswith(MORE) and node["id"][len(MORE):] in g:
            count = node.get("count")
            g.nodes[node["id"][len(MORE):]]["hidden"] = {"…": count if isinstance(count, int) else 0}
    for edge in data.get("edges", [])[: MAX_NODES * 8]:
        if isinstance(edge, dict) and edge.get("from") in g and edge.get("to") in g:
            predicate = str(edge.get("id", "")).split("|")[1] if str(edge.get("id", "")).count("|") == 2 else str(edge.get("title", ""))
            g.add_edge(edge["from"], edge["to"], key=predicate, predicate=predicate)
    g.graph["expanded"] = [n for n in data.get("expanded", []) if isinstance(n, str)]
    return g


def properties(store: OxigraphStore, node: str) -> list[tuple[str, str]]:
    """The node's types and literal properties, for the side panel."""
    if not _values([node]):
        return []
    rows = store.select(_DESCRIBE % _values([node]))
    out: list[tuple[str, str]] = [("IRI", node)]
    types = sorted(short(r["o"]) for r in rows if r["p"] == RDF_TYPE)
    if types:
        out.append(("类型 rdf:type", "、".join(types)))
    literal_rows = sorted((short(r["p"]), _text(r["o"])) for r in rows if r["p"] != RDF_TYPE)
    out.extend(literal_rows)
    return out


def _text(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)

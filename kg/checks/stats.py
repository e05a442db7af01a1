"""`kgqa stats`: how many of each thing the graph holds, per document."""

from __future__ import annotations

from kg.store.embedded import OxigraphStore

CLASSES = {
    "主要职责 duties": "bkg:Duty",
    "内设机构 internal units": "bkg:InternalUnit",
    "预算表 tables": "bkg:BudgetTable",
    "表格行 table rows": "bkg:TableRow",
    "金额 table figures": "qb:Observation",
    "项目 projects": "bkg:Project",
    "说明中的数字 stated figures": "bkg:StatedFigure",
    "重点项目绩效目标 performance goals": "bkg:PerformanceGoal",
    "名词解释 glossary terms": "bkg:GlossaryTerm",
}

_COUNT = """
SELECT ?doc ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class ; bkg:document ?doc .
} GROUP BY ?doc ?class
"""
_CITED = "SELECT ?doc (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a bkg:CitedDocument ; bkg:citedIn ?doc } GROUP BY ?doc"


def stats(store: OxigraphStore) -> dict:
    counts: dict[str, dict[str, int]] = {}
    for row in store.select(_COUNT):
        counts.setdefault(row["doc"], {})[row["class"]] = int(row["n"])
    cited = {row["doc"]: int(row["n"]) for row in store.select(_CITED)}
    expand = {"bkg:": "https://budgetkg.org/ontology#", "qb:": "http://purl.org/linked-data/cube#"}
    documents = []
    for doc in store.documents():
        by_class = counts.get(doc.graph, {})
        row = {}
        for name, curie in CLASSES.items():
            prefix, local = curie.split(":")
            row[name] = by_class.get(expand[prefix + ":"] + local, 0)
        row["金额 table figures"] -= row["说明中的数字 stated figures"]  # stated figures are qb:Observations too
        row["引用文件 cited documents"] = cited.get(doc.graph, 0)
        documents.append({"title": f"{doc.department}{doc.year}年部门预算", "source": doc.source, "counts": row})
    return {"documents": documents, "triples": store.triple_count()}

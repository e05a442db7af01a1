"""BudgetDocument → RDF graph with the vocabulary in ontology/ (Data Cube, ORG, SKOS, PROV-O, DC).

Every amount becomes a qb:Observation carrying its value (xsd:decimal as printed), unit, year,
department, table, column and item, and prov:wasDerivedFrom the table row that records the
document, table number and title, row label and source lines.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, QB, RDF, RDFS, SKOS, XSD

from kg.records import BudgetDocument, Citation, Span, Table, Target
from kg.vocab import BKG, ELI, PREFIXES, base_iri, slug

AMOUNT_UNIT = "万元"


class _Builder:
    def __init__(self, doc: BudgetDocument, base: str) -> None:
        self.doc = doc
        self.base = base
        self.g = Graph()
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.doc_iri = URIRef(f"{base}doc/{slug(doc.department)}-{doc.year}")
        self.dept = self.org(doc.department)

    # -- IRIs ---------------------------------------------------------------------------------
    def org(self, name: str) -> URIRef:
        return URIRef(f"{self.base}org/{slug(name)}")

    def concept(self, scheme: str, code: str) -> URIRef:
        return URIRef(f"{self.base}classification/{scheme}/{self.doc.year}/{code}")

    def scheme(self, scheme: str) -> URIRef:
        return URIRef(f"{self.base}classification/{scheme}/{self.doc.year}")

    def measure(self, column: str) -> URIRef:
        return URIRef(f"{self.base}measure/{slug(column)}")

    def citation(self, c: Citation) -> URIRef:
        return URIRef(f"{self.base}document/{slug(c.key)}")

    def sub(self, *parts: object) -> URIRef:
        return URIRef("/".join([str(self.doc_iri), *map(str, parts)]))

    # -- helpers --------------------------------------------------------------------------------
    def add(self, s, p, o) -> None:
        if o is None:
            return
        if not isinstance(o, (URIRef, Literal)):
            o = _literal(o)
        self.g.add((s, p, o))

    def label(self, s, text: str) -> None:
        self.add(s, RDFS.label, Literal(text, lang="zh"))
        self.add(s, SKOS.prefLabel, Literal(text, lang="zh"))

    def lines(self, s, span: Span | None) -> None:
        """The source lines, and for a PDF the pages they are on (what its reader can look up)."""
        if span:
            self.add(s, BKG.lineStart, span.start)
            self.add(s, BKG.lineEnd, span.end)
            pages = self.doc.pages(span)
            if pages:
                self.add(s, BKG.pageStart, pages[0])
                self.add(s, BKG.pageEnd, pages[1])

    # -- the document -------------------------------------------------------------------------
    def build(self) -> Graph:
        doc, d = self.doc, self.doc_iri
        self.add(d, RDF.type, BKG.BudgetDocument)
        self.add(d, DCTERMS.title, Literal(f"{doc.department}{doc.year}年部门预算", lang="zh"))
        self.add(d, DCTERMS.identifier, doc.doc_id)
        self.add(d, BKG.sourceFile, doc.source)
        self.add(d, BKG.fiscalYear, doc.year)
        self.add(d, BKG.department, self.dept)
        self.add(d, BKG.lineCount, doc.line_count)
        if doc.line_pages:
            self.add(d, BKG.pageCount, max(doc.line_pages))
        self.add(self.dept, RDF.type, BKG.Department)
        self.add(self.dept, RDF.type, ORG.FormalOrganization)
        self.label(self.dept, doc.department)
        self.overview()
        for table in doc.tables:
            self.table(table)
        self.projects()
        self.explanation()
        self.glossary()
        return self.g

    def overview(self) -> None:
        doc, d = self.doc, self.doc_iri
        for duty in doc.duties:
            s = self.sub("duty", duty.ordinal)
            self.add(s, RDF.type, BKG.Duty)
            self.add(s, BKG.ordinal, duty.ordinal)
            self.add(s, BKG.text, Literal(duty.text, lang="zh"))
            self.add(s, BKG.document, d)
            self.lines(s, duty.span)
            self.add(self.dept, BKG.hasDuty, s)
            self.add(self.dept, ORG.purpose, s)
            self.cite(s, duty.citations)
        for unit in doc.units:
            s = self.sub("unit", unit.ordinal)
            self.add(s, RDF.type, BKG.InternalUnit)
            self.add(s, RDF.type, ORG.OrganizationalUnit)
            self.label(s, unit.name)
            self.add(s, BKG.ordinal, unit.ordinal)
            self.add(s, BKG.responsibility, Literal(unit.duty, lang="zh"))
            self.add(s, ORG.unitOf, self.dept)
            self.add(self.dept, ORG.hasUnit, s)
            self.add(s, BKG.document, d)
            self.lines(s, unit.span)
            self.cite(s, unit.citations)
        if doc.composition:
            c = doc.composition
            s = self.sub("composition")
            self.add(s, RDF.type, BKG.BudgetComposition)
            self.add(s, BKG.text, Literal(c.text, lang="zh"))
            self.add(s, BKG.document, d)
            self.lines(s, c.span)
            self.add(d, BKG.composition, s)
        listed = doc.composition.subordinate_units if doc.composition else []
        in_tables = doc.budget_units
        names = in_tables if len(in_tables) > 1 or not listed else [*in_tables, *listed]
        for name in dict.fromkeys(names):
            u = self.org(name)
            self.add(u, RDF.type, BKG.BudgetUnit)
            self.add(u, RDF.type, ORG.Organization)
            self.label(u, name)
            self.add(d, BKG.budgetUnit, u)
            if name != doc.department:
                self.add(u, ORG.subOrganizationOf, self.dept)
                self.add(self.dept, BKG.subordinateUnit, u)

    def cite(self, subject: URIRef, citations: list[Citation]) -> None:
        for c in citations:
            s = self.citation(c)
            self.add(s, RDF.type, BKG.CitedDocument)
            self.add(s, RDF.type, DCTERMS.BibliographicResource)
            self.add(s, RDF.type, ELI.LegalResource)
            self.add(s, RDFS.label, Literal(c.number or c.title, lang="zh"))
            if c.title:
                self.add(s, DCTERMS.title, Literal(c.title, lang="zh"))
            if c.number:
                self.add(s, BKG.documentNumber, c.number)
                self.add(s, ELI.id_local, c.number)
                self.add(s, SKOS.prefLabel, Literal(c.number, lang="zh"))
            for variant in c.variants:
                if variant != c.number:
                    self.add(s, SKOS.altLabel, Literal(variant, lang="zh"))
            self.add(s, BKG.issuer, c.issuer)
            self.add(s, BKG.issueYear, c.year)
            self.add(s, BKG.serialNumber, c.serial)
            self.add(subject, DCTERMS.references, s)
            self.add(s, BKG.citedIn, self.doc_iri)

    # -- tables ---------------------------------------------------------------------------------
    def table(self, table: Table) -> None:
        t = self.sub("table", table.number)
        self.add(t, RDF.type, BKG.BudgetTable)
        self.add(t, RDF.type, QB.DataSet)
        self.add(t, QB.structure, BKG.structure)
        self.add(t, BKG.tableNumber, table.number)
        self.add(t, DCTERMS.title, Literal(table.title, lang="zh"))
        self.add(t, RDFS.label, Literal(f"表{table.number} {table.title}", lang="zh"))
        self.add(t, BKG.document, self.doc_iri)
        self.add(t, BKG.unit, AMOUNT_UNIT)
        self.add(t, BKG.note, Literal(table.note, lang="zh") if table.note else None)
        self.lines(t, table.span)
        self.add(self.doc_iri, BKG.hasTable, t)
        for column in table.columns:
            m = self.measure(column)
            self.add(m, RDF.type, BKG.Measure)
            self.add(m, RDF.type, SKOS.Concept)
            self.label(m, column)
        for row in table.rows:
            r = self.sub("table", table.number, "row", row.index)
            self.add(r, RDF.type, BKG.TableRow)
            self.add(r, RDF.type, PROV.Entity)
            self.add(r, BKG.inTable, t)
            self.add(r, BKG.document, self.doc_iri)
            self.add(r, RDFS.label, Literal(row.label, lang="zh"))
            self.add(r, BKG.rowIndex, row.index)
            self.add(r, BKG.depth, row.depth)
            self.add(r, BKG.rowKind, row.kind)
            self.add(r, BKG.code, row.code)
            self.add(r, BKG.ordinalText, row.ordinal)
            self.add(r, BKG.side, row.side)
            self.lines(r, row.span)
            if row.parent is not None:
                self.add(r, BKG.parentRow, self.sub("table", table.number, "row", row.parent))
            item = self.item(table, row)
            self.add(r, BKG.item, item)
            if row.unit:
                self.add(r, BKG.budgetUnit, self.org(row.unit))
            for k, cell in enumerate(row.cells):
                o = self.sub("table", table.number, "row", row.index, f"c{k}")
                self.add(o, RDF.type, QB.Observation)
                self.add(o, QB.dataSet, t)
                self.add(o, BKG.row, r)
                self.add(o, PROV.wasDerivedFrom, r)
                self.add(o, BKG.measure, self.measure(cell.column))
                self.add(o, BKG.amount, cell.value)
                self.add(o, BKG.amountText, cell.text)
                self.add(o, BKG.unit, AMOUNT_UNIT)
                self.add(o, BKG.fiscalYear, self.doc.year)
                self.add(o, BKG.organization, self.dept)
                self.add(o, BKG.document, self.doc_iri)
                self.add(o, BKG.item, item)

    def item(self, table: Table, row) -> URIRef | None:
        """What a row is about: a classification concept, a budget unit, a project or a line item."""
        if row.code and table.classification:
            c = self.concept(table.classification, row.code)
            self.add(c, RDF.type, SKOS.Concept)
            self.add(c, RDF.type, BKG.ClassificationItem)
            self.add(c, SKOS.notation, row.code)
            self.label(c, row.label)
            self.add(c, SKOS.inScheme, self.scheme(table.classification))
            self.add(self.scheme(table.classification), RDF.type, SKOS.ConceptScheme)
            self.add(self.scheme(table.classification), RDFS.label, Literal(
                f"{self.doc.year}年政府收支分类科目（{'功能分类' if table.classification == 'functional' else '部门预算支出经济分类'}）", lang="zh"))
            self.add(c, BKG.level, {3: "类", 5: "款", 7: "项"}.get(len(row.code)))
            if len(row.code) > 3:
                self.add(c, SKOS.broader, self.concept(table.classification, row.code[: len(row.code) - 2]))
            return c
        if row.kind == "unit":
            return self.org(row.label)
        if row.kind == "project":
            return self.sub("project", row.index)
        if row.kind == "total":
            return None
        c = URIRef(f"{self.base}item/{slug(row.label)}")
        self.add(c, RDF.type, BKG.LineItem)
        self.add(c, RDF.type, SKOS.Concept)
        self.label(c, row.label)
        return c

    def projects(self) -> None:
        for p in self.doc.projects:
            s = self.sub("project", p.row.index)
            self.add(s, RDF.type, BKG.Project)
            self.add(s, RDF.type, PROV.Entity)
            self.label(s, p.name)
            self.add(s, BKG.purpose, Literal(p.purpose, lang="zh") if p.purpose else None)
            self.add(s, BKG.budgetUnit, self.org(p.unit))
            self.add(s, BKG.document, self.doc_iri)
            self.add(s, BKG.row, self.sub("table", 12, "row", p.row.index))
            self.lines(s, p.purpose_span or p.row.span)
            self.cite(s, p.citations)
            for k, target in enumerate(p.targets):
                self.target(s, self.sub("project", p.row.index, "target", k), target)

    def target(self, owner: URIRef, s: URIRef, target: Target) -> None:
        self.add(s, RDF.type, BKG.Target)
        self.add(s, BKG.targetText, Literal(target.text, lang="zh"))
        self.add(s, BKG.comparator, target.comparator)
        self.add(s, BKG.comparatorText, target.cue)
        self.add(s, BKG.targetValue, target.value)
        self.add(s, BKG.targetUnit, target.unit)
        self.add(owner, BKG.target, s)

    # -- 第三部分 ---------------------------------------------------------------------------------
    def explanation(self) -> None:
        doc = self.doc
        dataset = self.sub("explanation")
        if doc.figures:
            self.add(dataset, RDF.type, QB.DataSet)
            self.add(dataset, QB.structure, BKG.structure)
            self.add(dataset, RDFS.label, Literal("第三部分 情况说明中的数字", lang="zh"))
            self.add(dataset, BKG.document, self.doc_iri)
        for section in doc.sections:
            s = self.sub("section", section.number)
            self.add(s, RDF.type, BKG.ExplanationSection)
            self.add(s, BKG.sectionNumber, section.number)
            self.add(s, DCTERMS.title, Literal(section.title, lang="zh"))
            self.add(s, BKG.text, Literal(section.text, lang="zh"))
            self.add(s, BKG.document, self.doc_iri)
            self.lines(s, section.span)
        for k, f in enumerate(doc.figures):
            s = self.sub("figure", k)
            self.add(s, RDF.type, BKG.StatedFigure)
            self.add(s, RDF.type, QB.Observation)
            self.add(s, QB.dataSet, dataset)
            self.add(s, RDFS.label, Literal(f.label, lang="zh"))
            self.add(s, BKG.amount, f.value)
            self.add(s, BKG.unit, f.unit)
            self.add(s, BKG.section, self.sub("section", f.section))
            self.add(s, BKG.sourceText, Literal(f.text, lang="zh"))
            self.add(s, BKG.changeAmount, f.change)
            self.add(s, BKG.changeRate, f.change_rate)
            self.add(s, BKG.changeText, f.change_text)
            self.add(s, BKG.reason, Literal(f.reason, lang="zh") if f.reason else None)
            self.add(s, BKG.detail, Literal(f.detail, lang="zh") if f.detail else None)
            self.add(s, BKG.asOf, f.as_of)
            self.add(s, BKG.fiscalYear, doc.year)
            self.add(s, BKG.organization, self.dept)
            self.add(s, BKG.document, self.doc_iri)
            self.add(s, BKG.figureIndex, k)
            if f.parent is not None:
                self.add(s, BKG.parentFigure, self.sub("figure", f.parent))
            self.lines(s, f.span)
        names = {p.name: p for p in doc.projects}
        for k, goal in enumerate(doc.goals):
            s = self.sub("goal", k)
            self.add(s, RDF.type, BKG.PerformanceGoal)
            self.add(s, RDFS.label, Literal(goal.project, lang="zh"))
            self.add(s, BKG.amount, goal.amount)
            self.add(s, BKG.amountText, goal.amount_text)
            self.add(s, BKG.unit, AMOUNT_UNIT)
            self.add(s, BKG.goalText, Literal(goal.goal, lang="zh"))
            self.add(s, BKG.document, self.doc_iri)
            self.add(s, BKG.section, self.sub("section", "六"))
            self.add(s, BKG.goalIndex, k)
            self.lines(s, goal.span)
            match = names.get(goal.project)
            if match:
                self.add(s, BKG.project, self.sub("project", match.row.index))
            for j, target in enumerate(goal.targets):
                self.target(s, self.sub("goal", k, "target", j), target)

    def glossary(self) -> None:
        scheme = self.sub("glossary")
        if self.doc.glossary:
            self.add(scheme, RDF.type, SKOS.ConceptScheme)
            self.add(scheme, RDFS.label, Literal(f"{self.doc.department}{self.doc.year}年名词解释", lang="zh"))
        for term in self.doc.glossary:
            s = self.sub("term", term.ordinal)
            self.add(s, RDF.type, BKG.GlossaryTerm)
            self.add(s, RDF.type, SKOS.Concept)
            self.label(s, term.term)
            self.add(s, SKOS.definition, Literal(term.definition, lang="zh"))
            self.add(s, SKOS.inScheme, scheme)
            self.add(s, BKG.document, self.doc_iri)
            self.add(s, BKG.ordinal, term.ordinal)
            self.lines(s, term.span)


def _literal(value) -> Literal:
    if isinstance(value, Decimal):
        return Literal(format(value, "f"), datatype=XSD.decimal)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(str(value))


def document_iri(doc: BudgetDocument, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}doc/{slug(doc.department)}-{doc.year}")


def build_graph(doc: BudgetDocument, base: str | None = None) -> Graph:
    """The RDF graph of one document (deterministic: same document, same triples)."""
    return _Builder(doc, base or base_iri()).build()

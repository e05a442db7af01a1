"""BudgetDocument → RDF with the vocabulary in ontology/ (Data Cube, ORG, SKOS, PROV-O, DC), written
as N-Triples lines directly: no intermediate rdflib graph (building one cost ~10× the rest of a build).

Every amount becomes a qb:Observation carrying its value (xsd:decimal as printed), unit, year,
department, table, column and item, and prov:wasDerivedFrom the table row that records the
document, table number and title, row label and source lines.

The triples come split as the store keeps them (kg.store.embedded): the document's own (a triple naming the
document or one of its parts: tables, rows, figures, projects …) and what it shares with other
documents (columns, classification concepts, organisations, cited documents), so nothing has to
parse them again to split them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kg.graph.vocab import PREFIXES, base_iri, slug
from kg.records import BudgetDocument, Citation, Span, Table, Target

AMOUNT_UNIT = "万元"


class Term(str):
    """An RDF term already written in N-Triples form (an IRI in <>, or a literal)."""


class _Namespace:
    """Terms of one vocabulary by attribute (``BKG.amount``), each formatted once."""

    def __init__(self, iri: str) -> None:
        self._iri = iri

    def __getattr__(self, name: str) -> Term:
        term = Term(f"<{self._iri}{name}>")
        setattr(self, name, term)
        return term


BKG, ELI = _Namespace(PREFIXES["bkg"]), _Namespace(PREFIXES["eli"])
RDF, RDFS, XSD = _Namespace(PREFIXES["rdf"]), _Namespace(PREFIXES["rdfs"]), _Namespace(PREFIXES["xsd"])
DCTERMS, ORG, PROV = _Namespace(PREFIXES["dcterms"]), _Namespace(PREFIXES["org"]), _Namespace(PREFIXES["prov"])
QB, SKOS = _Namespace(PREFIXES["qb"]), _Namespace(PREFIXES["skos"])
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


@dataclass(frozen=True)
class DocumentTriples:
    """One document's triples as N-Triples text: its own graph's, and what it shares."""

    own: str
    shared: str

    @property
    def text(self) -> str:
        """All of them, as one N-Triples document."""
        return self.own + self.shared

    def __len__(self) -> int:
        return self.own.count("\n") + self.shared.count("\n")


def literal(value: object, lang: str | None = None) -> Term:
    """A Python value as an N-Triples literal, in the lexical forms the graph has always had:
    Decimal as printed (xsd:decimal), int (xsd:integer), bool (xsd:boolean), text (@lang or plain)."""
    if isinstance(value, bool):
        return Term(f'"{str(value).lower()}"^^{XSD.boolean}')
    if isinstance(value, Decimal):
        return Term(f'"{format(value, "f")}"^^{XSD.decimal}')
    if isinstance(value, int):
        return Term(f'"{value}"^^{XSD.integer}')
    text = str(value).translate(_ESCAPES)
    return Term(f'"{text}"@{lang}' if lang else f'"{text}"')


class _Builder:
    def __init__(self, doc: BudgetDocument, base: str) -> None:
        self.doc = doc
        self.base = base
        self.own: dict[str, None] = {}  # insertion-ordered sets of N-Triples lines
        self.shared: dict[str, None] = {}
        iri = f"{base}doc/{slug(doc.department)}-{doc.year}"
        self.doc_iri = Term(f"<{iri}>")
        self._own_prefix = f"<{iri}/"
        self.dept = self.org(doc.department)

    # -- IRIs ---------------------------------------------------------------------------------
    def iri(self, path: str) -> Term:
        return Term(f"<{self.base}{path}>")

    def org(self, name: str) -> Term:
        return self.iri(f"org/{slug(name)}")

    def concept(self, scheme: str, code: str) -> Term:
        return self.iri(f"classification/{scheme}/{self.doc.year}/{code}")

    def scheme(self, scheme: str) -> Term:
        return self.iri(f"classification/{scheme}/{self.doc.year}")

    def measure(self, column: str) -> Term:
        return self.iri(f"measure/{slug(column)}")

    def citation(self, c: Citation) -> Term:
        return self.iri(f"document/{slug(c.key)}")

    def sub(self, *parts: object) -> Term:
        return Term("/".join([self.doc_iri[:-1], *map(str, parts)]) + ">")

    # -- helpers --------------------------------------------------------------------------------
    def _mine(self, term: str) -> bool:
        return term == self.doc_iri or term.startswith(self._own_prefix)

    def add(self, s: Term, p: Term, o: object) -> None:
        """One triple; `o` a Term, or a Python value written as a literal; None adds nothing."""
        if o is None:
            return
        if not isinstance(o, Term):
            o = literal(o)
        line = f"{s} {p} {o} .\n"
        (self.own if self._mine(s) or self._mine(o) else self.shared)[line] = None

    def zh(self, s: Term, p: Term, text: str | None) -> None:
        """A Chinese text (@zh); None adds nothing."""
        if text is not None:
            self.add(s, p, literal(text, "zh"))

    def label(self, s: Term, text: str) -> None:
        self.zh(s, RDFS.label, text)
        self.zh(s, SKOS.prefLabel, text)

    def lines(self, s: Term, span: Span | None) -> None:
        """The source lines, and for a PDF the pages they are on (what its reader can look up)."""
        if span:
            self.add(s, BKG.lineStart, span.start)
            self.add(s, BKG.lineEnd, span.end)
            pages = self.doc.pages(span)
            if pages:
                self.add(s, BKG.pageStart, pages[0])
                self.add(s, BKG.pageEnd, pages[1])

    # -- the document -------------------------------------------------------------------------
    def build(self) -> DocumentTriples:
        doc, d = self.doc, self.doc_iri
        self.add(d, RDF.type, BKG.BudgetDocument)
        self.zh(d, DCTERMS.title, f"{doc.department}{doc.year}年部门预算")
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
        return DocumentTriples("".join(self.own), "".join(self.shared))

    def overview(self) -> None:
        doc, d = self.doc, self.doc_iri
        for duty in doc.duties:
            s = self.sub("duty", duty.ordinal)
            self.add(s, RDF.type, BKG.Duty)
            self.add(s, BKG.ordinal, duty.ordinal)
            self.zh(s, BKG.text, duty.text)
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
            self.zh(s, BKG.responsibility, unit.duty)
            self.add(s, ORG.unitOf, self.dept)
            self.add(self.dept, ORG.hasUnit, s)
            self.add(s, BKG.document, d)
            self.lines(s, unit.span)
            self.cite(s, unit.citations)
        if doc.composition:
            c = doc.composition
            s = self.sub("composition")
            self.add(s, RDF.type, BKG.BudgetComposition)
            self.zh(s, BKG.text, c.text)
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

    def cite(self, subject: Term, citations: list[Citation]) -> None:
        for c in citations:
            s = self.citation(c)
            self.add(s, RDF.type, BKG.CitedDocument)
            self.add(s, RDF.type, DCTERMS.BibliographicResource)
            self.add(s, RDF.type, ELI.LegalResource)
            self.zh(s, RDFS.label, c.number or c.title)
            if c.title:
                self.zh(s, DCTERMS.title, c.title)
            if c.number:
                self.add(s, BKG.documentNumber, c.number)
                self.add(s, ELI.id_local, c.number)
                self.zh(s, SKOS.prefLabel, c.number)
            for variant in c.variants:
                if variant != c.number:
                    self.zh(s, SKOS.altLabel, variant)
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
        self.zh(t, DCTERMS.title, table.title)
        self.zh(t, RDFS.label, f"表{table.number} {table.title}")
        self.add(t, BKG.document, self.doc_iri)
        self.add(t, BKG.unit, AMOUNT_UNIT)
        self.zh(t, BKG.note, table.note if table.note else None)
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
            self.zh(r, RDFS.label, row.label)
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

    def item(self, table: Table, row) -> Term | None:
        """What a row is about: a classification concept, a budget unit, a project or a line item."""
        if row.code and table.classification:
            c = self.concept(table.classification, row.code)
            self.add(c, RDF.type, SKOS.Concept)
            self.add(c, RDF.type, BKG.ClassificationItem)
            self.add(c, SKOS.notation, row.code)
            self.label(c, row.label)
            self.add(c, SKOS.inScheme, self.scheme(table.classification))
            self.add(self.scheme(table.classification), RDF.type, SKOS.ConceptScheme)
            kind = "功能分类" if table.classification == "functional" else "部门预算支出经济分类"
            self.zh(self.scheme(table.classification), RDFS.label, f"{self.doc.year}年政府收支分类科目（{kind}）")
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
        c = self.iri(f"item/{slug(row.label)}")
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
            self.zh(s, BKG.purpose, p.purpose if p.purpose else None)
            self.add(s, BKG.budgetUnit, self.org(p.unit))
            self.add(s, BKG.document, self.doc_iri)
            self.add(s, BKG.row, self.sub("table", 12, "row", p.row.index))
            self.lines(s, p.purpose_span or p.row.span)
            self.cite(s, p.citations)
            for k, target in enumerate(p.targets):
                self.target(s, self.sub("project", p.row.index, "target", k), target)

    def target(self, owner: Term, s: Term, target: Target) -> None:
        self.add(s, RDF.type, BKG.Target)
        self.zh(s, BKG.targetText, target.text)
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
            self.zh(dataset, RDFS.label, "第三部分 情况说明中的数字")
            self.add(dataset, BKG.document, self.doc_iri)
        for section in doc.sections:
            s = self.sub("section", section.number)
            self.add(s, RDF.type, BKG.ExplanationSection)
            self.add(s, BKG.sectionNumber, section.number)
            self.zh(s, DCTERMS.title, section.title)
            self.zh(s, BKG.text, section.text)
            self.add(s, BKG.document, self.doc_iri)
            self.lines(s, section.span)
        for k, f in enumerate(doc.figures):
            s = self.sub("figure", k)
            self.add(s, RDF.type, BKG.StatedFigure)
            self.add(s, RDF.type, QB.Observation)
            self.add(s, QB.dataSet, dataset)
            self.zh(s, RDFS.label, f.label)
            self.add(s, BKG.amount, f.value)
            self.add(s, BKG.unit, f.unit)
            self.add(s, BKG.section, self.sub("section", f.section))
            self.zh(s, BKG.sourceText, f.text)
            self.add(s, BKG.changeAmount, f.change)
            self.add(s, BKG.changeRate, f.change_rate)
            self.add(s, BKG.changeText, f.change_text)
            self.zh(s, BKG.reason, f.reason if f.reason else None)
            self.zh(s, BKG.detail, f.detail if f.detail else None)
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
            self.zh(s, RDFS.label, goal.project)
            self.add(s, BKG.amount, goal.amount)
            self.add(s, BKG.amountText, goal.amount_text)
            self.add(s, BKG.unit, AMOUNT_UNIT)
            self.zh(s, BKG.goalText, goal.goal)
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
            self.zh(scheme, RDFS.label, f"{self.doc.department}{self.doc.year}年名词解释")
        for term in self.doc.glossary:
            s = self.sub("term", term.ordinal)
            self.add(s, RDF.type, BKG.GlossaryTerm)
            self.add(s, RDF.type, SKOS.Concept)
            self.label(s, term.term)
            self.zh(s, SKOS.definition, term.definition)
            self.add(s, SKOS.inScheme, scheme)
            self.add(s, BKG.document, self.doc_iri)
            self.add(s, BKG.ordinal, term.ordinal)
            self.lines(s, term.span)



def document_iri(doc: BudgetDocument, base: str | None = None) -> str:
    """The document's IRI, which is also the name of its graph in the store."""
    return f"{base or base_iri()}doc/{slug(doc.department)}-{doc.year}"


def build_triples(doc: BudgetDocument, base: str | None = None) -> DocumentTriples:
    """The RDF of one document (deterministic: same document, same lines in the same order)."""
    return _Builder(doc, base or base_iri()).build()

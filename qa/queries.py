"""The parametrised SPARQL queries the answerer runs. Values are bound (pyoxigraph substitutions),
never spliced into the query text; every bound variable is also projected, as Oxigraph requires."""

from __future__ import annotations

# A table row's optional attributes, the same in every query that reads table figures.
_ROW_OPTIONALS = """  OPTIONAL { ?row bkg:code ?code }
  OPTIONAL { ?row bkg:pageStart ?page }
  OPTIONAL { ?row bkg:side ?side }
  OPTIONAL { ?row bkg:parentRow ?parentRow }
"""
_UNIT_NAME = """  OPTIONAL { ?row bkg:budgetUnit/rdfs:label ?unitName }
}
"""

FACTS_OF_ITEM = """
SELECT DISTINCT ?item ?doc ?obs ?value ?text ?column ?tableNo ?tableTitle ?rowLabel ?row ?rowIndex ?code ?line ?page ?kind ?side ?parentRow ?unitName WHERE {
  ?obs bkg:item ?item ; bkg:document ?doc ; bkg:amount ?value ; bkg:amountText ?text ; bkg:row ?row ; bkg:measure ?m .
  ?m rdfs:label ?column .
  ?row rdfs:label ?rowLabel ; bkg:rowIndex ?rowIndex ; bkg:lineStart ?line ; bkg:inTable ?t ; bkg:rowKind ?kind .
  ?t bkg:tableNumber ?tableNo ; dcterms:title ?tableTitle .
""" + _ROW_OPTIONALS + _UNIT_NAME

TABLE_FACTS = """
SELECT DISTINCT ?doc ?tableNo ?obs ?value ?text ?column ?tableTitle ?rowLabel ?row ?rowIndex ?code ?line ?page ?kind ?side ?parentRow ?item ?unitName WHERE {
  ?t bkg:document ?doc ; bkg:tableNumber ?tableNo ; dcterms:title ?tableTitle .
  ?row bkg:inTable ?t ; rdfs:label ?rowLabel ; bkg:rowIndex ?rowIndex ; bkg:lineStart ?line ; bkg:rowKind ?kind .
  ?obs bkg:row ?row ; bkg:amount ?value ; bkg:amountText ?text ; bkg:measure/rdfs:label ?column .
""" + _ROW_OPTIONALS + """  OPTIONAL { ?row bkg:item ?item }
""" + _UNIT_NAME

FIGURE = """
SELECT DISTINCT ?fig ?doc ?label ?value ?unit ?change ?rate ?changeText ?reason ?detail ?source ?line ?page ?section ?parent ?asOf ?index WHERE {
  ?fig a bkg:StatedFigure ; bkg:document ?doc ; rdfs:label ?label ; bkg:amount ?value ; bkg:unit ?unit ;
       bkg:sourceText ?source ; bkg:lineStart ?line ; bkg:section/bkg:sectionNumber ?section ; bkg:figureIndex ?index .
  OPTIONAL { ?fig bkg:pageStart ?page }
  OPTIONAL { ?fig bkg:changeAmount ?change }
  OPTIONAL { ?fig bkg:changeRate ?rate }
  OPTIONAL { ?fig bkg:changeText ?changeText }
  OPTIONAL { ?fig bkg:reason ?reason }
  OPTIONAL { ?fig bkg:detail ?detail }
  OPTIONAL { ?fig bkg:parentFigure ?parent }
  OPTIONAL { ?fig bkg:asOf ?asOf }
}
"""


GOALS = """
SELECT DISTINCT ?doc ?goal ?label ?value ?goalText ?line ?page ?index ?project WHERE {
  ?goal a bkg:PerformanceGoal ; bkg:document ?doc ; rdfs:label ?label ; bkg:amount ?value ; bkg:goalText ?goalText ;
        bkg:lineStart ?line ; bkg:goalIndex ?index .
  OPTIONAL { ?goal bkg:pageStart ?page }
  OPTIONAL { ?goal bkg:project ?project }
} ORDER BY ?index
"""

TARGETS = """
SELECT DISTINCT ?doc ?owner ?ownerLabel ?target ?text ?comparator ?cue ?value ?unit ?line WHERE {
  ?owner bkg:document ?doc ; bkg:target ?target ; rdfs:label ?ownerLabel ; bkg:lineStart ?line .
  ?target bkg:targetText ?text ; bkg:comparator ?comparator ; bkg:targetValue ?value ; bkg:targetUnit ?unit .
  OPTIONAL { ?target bkg:comparatorText ?cue }
}
"""

PROJECTS = """
SELECT DISTINCT ?doc ?total ?project ?label ?value ?unitName ?line ?page ?rowIndex ?purpose WHERE {
  ?project a bkg:Project ; bkg:document ?doc ; rdfs:label ?label ; bkg:row ?row ; bkg:budgetUnit/rdfs:label ?unitName .
  ?row bkg:lineStart ?line ; bkg:rowIndex ?rowIndex .
  OPTIONAL { ?row bkg:pageStart ?page }
  ?obs bkg:row ?row ; bkg:measure ?total ; bkg:amount ?value .
  OPTIONAL { ?project bkg:purpose ?purpose }
} ORDER BY ?rowIndex
"""

MEASURE = """
SELECT DISTINCT ?label ?measure WHERE { ?measure a bkg:Measure ; rdfs:label ?label }
"""

PROJECT = """
SELECT DISTINCT ?project ?doc ?label ?purpose ?line ?unitName WHERE {
  ?project a bkg:Project ; bkg:document ?doc ; rdfs:label ?label ; bkg:lineStart ?line ; bkg:budgetUnit/rdfs:label ?unitName .
  OPTIONAL { ?project bkg:purpose ?purpose }
}
"""

CITED_BY = """
SELECT DISTINCT ?cited ?doc ?citer ?citerLabel ?type ?line WHERE {
  ?citer dcterms:references ?cited ; bkg:document ?doc ; rdfs:label ?citerLabel ; a ?type ; bkg:lineStart ?line .
  FILTER(?type IN (bkg:Project, bkg:InternalUnit, bkg:Duty))
}
"""

CITES = """
SELECT DISTINCT ?citer ?cited ?label ?title ?number WHERE {
  ?citer dcterms:references ?cited .
  ?cited rdfs:label ?label .
  OPTIONAL { ?cited dcterms:title ?title }
  OPTIONAL { ?cited bkg:documentNumber ?number }
}
"""

CITATION = """
SELECT DISTINCT ?cited ?label ?title ?number ?issuer ?year WHERE {
  ?cited a bkg:CitedDocument ; rdfs:label ?label .
  OPTIONAL { ?cited dcterms:title ?title }
  OPTIONAL { ?cited bkg:documentNumber ?number }
  OPTIONAL { ?cited bkg:issuer ?issuer }
  OPTIONAL { ?cited bkg:issueYear ?year }
}
"""

ALL_CITATIONS = """
SELECT DISTINCT ?doc ?cited ?label ?title ?number WHERE {
  ?cited a bkg:CitedDocument ; bkg:citedIn ?doc ; rdfs:label ?label .
  OPTIONAL { ?cited dcterms:title ?title }
  OPTIONAL { ?cited bkg:documentNumber ?number }
}
"""

DUTIES = """
SELECT DISTINCT ?doc ?duty ?ordinal ?text ?line WHERE {
  ?duty a bkg:Duty ; bkg:document ?doc ; bkg:ordinal ?ordinal ; bkg:text ?text ; bkg:lineStart ?line .
} ORDER BY ?ordinal
"""

INTERNAL_UNITS = """
SELECT DISTINCT ?doc ?unit ?ordinal ?label ?text ?line WHERE {
  ?unit a bkg:InternalUnit ; bkg:document ?doc ; bkg:ordinal ?ordinal ; rdfs:label ?label ; bkg:responsibility ?text ; bkg:lineStart ?line .
} ORDER BY ?ordinal
"""

INTERNAL_UNIT = """
SELECT DISTINCT ?unit ?doc ?label ?text ?line WHERE {
  ?unit a bkg:InternalUnit ; bkg:document ?doc ; rdfs:label ?label ; bkg:responsibility ?text ; bkg:lineStart ?line .
}
"""

COMPOSITION = """
SELECT DISTINCT ?doc ?text ?line WHERE {
  ?doc bkg:composition ?c . ?c bkg:text ?text ; bkg:lineStart ?line .
}
"""

BUDGET_UNITS = """
SELECT DISTINCT ?doc ?unit ?label ?sub WHERE {
  ?doc bkg:budgetUnit ?unit . ?unit rdfs:label ?label .
  BIND(EXISTS { ?unit org:subOrganizationOf ?parent } AS ?sub)
}
"""

TERM = """
SELECT DISTINCT ?term ?doc ?label ?definition ?line WHERE {
  ?term a bkg:GlossaryTerm ; bkg:document ?doc ; rdfs:label ?label ; skos:definition ?definition ; bkg:lineStart ?line .
}
"""

TERMS_OF_DOC = """
SELECT DISTINCT ?doc ?term ?label ?definition ?line WHERE {
  ?term a bkg:GlossaryTerm ; bkg:document ?doc ; rdfs:label ?label ; skos:definition ?definition ; bkg:lineStart ?line .
}
"""

SECTIONS = """
SELECT DISTINCT ?doc ?section ?number ?title ?text ?line WHERE {
  ?section a bkg:ExplanationSection ; bkg:document ?doc ; bkg:sectionNumber ?number ; dcterms:title ?title ; bkg:text ?text ; bkg:lineStart ?line .
} ORDER BY ?line
"""

TABLE_NOTES = """
SELECT DISTINCT ?doc ?number ?title ?note ?line WHERE {
  ?doc bkg:hasTable ?table . ?table bkg:tableNumber ?number ; dcterms:title ?title ; bkg:note ?note .
  OPTIONAL { ?table bkg:lineEnd ?line }
} ORDER BY ?number
"""

DOCUMENT = """
SELECT DISTINCT ?doc ?title ?year ?source WHERE {
  ?doc a bkg:BudgetDocument ; dcterms:title ?title ; bkg:fiscalYear ?year ; bkg:sourceFile ?source .
}
"""

CITED_IN_DOC = """
SELECT DISTINCT ?doc ?cited ?label ?title ?number ?year ?citer ?citerLabel ?line WHERE {
  ?citer dcterms:references ?cited ; bkg:document ?doc ; rdfs:label ?citerLabel ; bkg:lineStart ?line .
  ?cited rdfs:label ?label ; bkg:issueYear ?year .
  OPTIONAL { ?cited dcterms:title ?title }
  OPTIONAL { ?cited bkg:documentNumber ?number }
}
"""

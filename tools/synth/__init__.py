"""Deterministic generator of valid 部门预算公开 documents in the standard template, with their truth.

A developer tool of the source checkout, not part of the installed package. `generate(seed)` returns
the text of one document — as text extracted from the published PDF, with its artefacts (names
broken over lines, column headers repeated after page breaks, page numbers, "单位：万元单位名称：…"
lines, full-width indentation) — and a `Truth` with everything the document states. The tables are
internally consistent in integer cents (every parent row is the sum of its children, the totals
agree across tables and with 第三部分). `previous=` the Truth of the year before makes a later year
of the same department whose stated changes against last year are consistent. Same arguments,
byte-identical text.

The departments, units, projects and phrases are invented (vocabulary.json); the template's printed
text is the standard one (standard.json, and the tables' titles and columns from kg's template).
Used for scale tests, the evaluation on unseen documents, and to test that the parser follows the
template rather than two files. Run `python -m tools.synth --help` from the checkout.

Modules: model (the department's budget in cents), tables (第二部分), explanation (第三部分),
render (the text), corpus (generate, write_corpus).
"""

from tools.synth.corpus import generate, write_corpus
from tools.synth.data import HEADERS
from tools.synth.truth import (
    Truth,
    TruthCitation,
    TruthFigure,
    TruthGoal,
    TruthProject,
    TruthRow,
    TruthTable,
    TruthTarget,
)

__all__ = [
    "HEADERS",
    "Truth",
    "TruthCitation",
    "TruthFigure",
    "TruthGoal",
    "TruthProject",
    "TruthRow",
    "TruthTable",
    "TruthTarget",
    "generate",
    "write_corpus",
]

"""The generator's entry points: one document with its truth, or a folder of documents."""

from __future__ import annotations

import random
from pathlib import Path

from tools.synth.data import CORE_TERMS, GLOSSARY, KINDS, REGIONS
from tools.synth.explanation import build_explanation, build_goals
from tools.synth.model import Model, build_model
from tools.synth.render import render
from tools.synth.tables import build_tables
from tools.synth.text import dec
from tools.synth.truth import Truth, TruthProject, TruthTable


def _projects(model: Model, table12: TruthTable) -> tuple[TruthProject, ...]:
    amounts = {r.label: r.amounts for r in table12.rows if r.kind == "project"}
    return tuple(TruthProject(p.unit, p.name, amounts[p.name], p.purpose, p.citations, p.targets, p.code, p.fund,
                              tuple((code, dec(cents)) for code, cents in p.economic))
                 for p in model.projects)


def _glossary(rng: random.Random) -> tuple[tuple[str, str], ...]:
    """The core terms and a sample of the others, in the template's order."""
    count = rng.randint(8, 12)
    optional = [k for k, (term, _) in enumerate(GLOSSARY) if term not in CORE_TERMS]
    core = [k for k, (term, _) in enumerate(GLOSSARY) if term in CORE_TERMS]
    return tuple(GLOSSARY[k] for k in sorted(core + rng.sample(optional, count - len(core))))


def generate(seed: int, *, department: str | None = None, year: int | None = None,
             previous: Truth | None = None) -> tuple[str, Truth]:
    """One document (text) and its truth; same arguments, byte-identical text.

    department: a name such as 云川市棠溪区教育局 (its kind is taken from the name's end when known);
    otherwise the seed picks one. previous: the Truth of the same department's year before — the
    department, duties, units and staff carry over, some projects continue, and its 第三部分 figures
    are this document's 上年 figures (change = this year − last year, rate to one decimal). The year
    defaults to previous.year + 1, else 2025."""
    if year is None:
        year = previous.year + 1 if previous is not None else 2025
    if previous is not None and previous.year >= year:
        raise ValueError(f"previous is {previous.year}, not a year before {year}")
    model = build_model(seed, department, year, previous)
    rng = random.Random(seed * 7919 + year)
    tables, facts = build_tables(model)
    paragraphs, figures = build_explanation(rng, model, facts)
    goals = build_goals(rng, model)
    truth = Truth(
        seed=seed, department=model.department, year=year, kind=model.kind.core, region=model.region,
        duties=tuple(model.duties), units=tuple(model.offices), subordinate_units=tuple(model.subs),
        tables=tuple(tables), projects=_projects(model, tables[11]), figures=tuple(figures), goals=tuple(goals),
        glossary=_glossary(rng), staff=tuple((u.name, u.headcount, u.cars, u.run) for u in model.units),
    )
    return render(model, truth, paragraphs, rng), truth


def write_corpus(n: int, seed: int, out_dir: str | Path) -> list[Path]:
    """Write n documents as UTF-8 .txt files named by department and year: different departments,
    every 5th document a later year of an earlier one. Returns the paths in order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pairs = [(region, kind.core) for region, _ in REGIONS for kind in KINDS]
    rng.shuffle(pairs)
    latest: dict[str, Truth] = {}
    order: list[str] = []
    paths: list[Path] = []
    for i in range(n):
        doc_seed = seed * 100003 + i
        if (i % 5 == 4 and order) or len(order) >= len(pairs):
            # a later year: of a random earlier department, or in turn once every department has one
            department = order[rng.randrange(len(order))] if i % 5 == 4 else order[i % len(order)]
            text, truth = generate(doc_seed, previous=latest[department])
        else:
            region, core = pairs[len(order) % len(pairs)]
            department = region + core
            text, truth = generate(doc_seed, department=department)
            order.append(department)
        latest[department] = truth
        path = out / f"{truth.department}_{truth.year}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths

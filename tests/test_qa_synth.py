"""Question answering on generated documents the project has never seen (tools.synth): every
question kind, answers known from the generator. bench/qa_synth_eval.py runs more seeds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parent.parent / "bench" / "qa_synth_eval.py"


@pytest.fixture(scope="module")
def harness():
    spec = importlib.util.spec_from_file_location("qa_synth_eval", HARNESS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seeds", [[101, 102, 103], [104, 105, 106]])
def test_unseen_generated_documents_score_at_least_95_percent(harness, seeds):
    totals, misses = harness.evaluate(seeds)
    good = sum(ok for ok, _ in totals.values())
    count = sum(n for _, n in totals.values())
    assert count > 100
    assert good / count >= 0.95, "\n".join(misses)
    assert not [m for m in misses if "hallucination" in m], "\n".join(misses)
    assert {"lookup", "zero", "superlative", "comparison", "ratio", "yoy", "citation", "definition", "unanswerable",
            "describe", "project_set", "unit_scope", "cross_year", "target", "cross_department"} <= set(totals)


def test_every_kind_is_asked_in_at_least_five_phrasings_of_its_data(harness):
    """Each registered kind's data holds five or more phrasings per group, and the harness asks
    each kind in five or more of them on generated documents (not one template per kind)."""
    from collections import defaultdict

    from qa import kinds
    from qa.kinds.base import cue_data
    from tools.synth import generate

    for kind in kinds.REGISTERED:
        groups = cue_data(kind.name)["phrasings"]
        assert groups and all(len(set(p)) >= 5 for p in groups.values()), (kind.name, {g: len(p) for g, p in groups.items()})
    asked: dict[str, set[str]] = defaultdict(set)
    for seed in (101, 102, 103):
        _, truth = generate(seed)
        _, later = generate(seed, previous=truth)
        _, other = generate(seed + harness.OTHER_SEED)
        items = harness.kind_questions(truth) + harness.cross_year_questions(truth, later) + harness.cross_department_questions(truth, other)
        for kind, question, _ in items:
            asked[kind].add(question)
    for kind in kinds.REGISTERED:
        assert len(asked[kind.name]) >= 5, (kind.name, sorted(asked[kind.name]))

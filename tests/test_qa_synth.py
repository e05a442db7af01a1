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
            "describe", "project_set", "unit_scope", "cross_year", "target"} <= set(totals)

"""Questions to suggest after a refusal, derived from what was asked: the entities whose names are
nearest to the question's words, each asked the way its kind is asked (an amount, a definition, a
duty …), and kept only if the graph answers it.

    derived(question, lexicon, answers)   up to LIMIT questions; `answers(q)` says whether q is answered
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz, process

from qa.lexicon import Lexicon, match_form

LIMIT = 5
CANDIDATES = 12  # nearest names tried (each asked once, in milliseconds)
MIN_SCORE = 60
# how a question about an entity of each kind is asked
FORMS = {
    "classification": "{}是多少？",
    "line_item": "{}是多少？",
    "figure": "{}是多少？",
    "goal": "{}的绩效目标是什么？",
    "project": "{}预算多少？",
    "budget_unit": "{}的预算是多少？",
    "term": "{}是什么意思？",
    "citation": "哪些项目引用了{}？",
    "internal_unit": "{}负责什么？",
    "department": "{}的三公经费是多少？",
}


def derived(question: str, lexicon: Lexicon, answers: Callable[[str], bool]) -> list[str]:
    """Up to LIMIT answerable questions about the entities nearest to the question's words."""
    text = match_form(question or "")
    if not text:
        return []
    names = {match_form(e.label): e for e in lexicon.entities.values() if e.kind in FORMS}
    nearest = process.extract(text, list(names), scorer=fuzz.partial_ratio, limit=CANDIDATES * 3,
                              score_cutoff=MIN_SCORE)
    out: list[str] = []
    seen: set[str] = set()
    for name, _, _ in nearest:
        entity = names[name]
        candidate = FORMS[entity.kind].format(entity.label)
        if candidate in seen or match_form(candidate) == text:
            continue
        seen.add(candidate)
        if len(seen) > CANDIDATES:
            break
        if answers(candidate):
            out.append(candidate)
            if len(out) == LIMIT:
                break
    return out

"""Registered question kinds. Each kind is one module here plus one data file of cue patterns in
qa/data/kinds/; it reads a question (already linked and normalised into a Frame) into a scored
Reading with its slots tied to spans of the question, runs it into a typed result and renders
Chinese. The service answers with the best-scoring reading; the classic frame intents
(qa/understand.py) compete as one more reading, so no kind's position in a chain decides another's.
"""

from __future__ import annotations

from qa.kinds.arithmetic import Arithmetic
from qa.kinds.base import (
    CLOSE_MARGIN,
    LEGACY,
    LEGACY_SCORE,
    AskBack,
    Context,
    Kind,
    Reading,
    Slot,
    chosen_reading,
    reading_label,
)
from qa.kinds.children import Children
from qa.kinds.cited_year import CitedYear
from qa.kinds.cross_department import CrossDepartment
from qa.kinds.cross_year import CrossYear
from qa.kinds.describe import Describe
from qa.kinds.fund_source import FundSource
from qa.kinds.named_filter import NamedFilter
from qa.kinds.per_count import PerCount
from qa.kinds.project_owner import ProjectOwner
from qa.kinds.project_set import ProjectSet
from qa.kinds.rank import Rank
from qa.kinds.remainder import Remainder
from qa.kinds.row_column import RowColumn
from qa.kinds.stated_members import StatedMembers
from qa.kinds.target import Target
from qa.kinds.unit_changes import UnitChanges
from qa.kinds.unit_scope import UnitScope

REGISTERED: tuple[Kind, ...] = (Describe(), ProjectSet(), CrossYear(), CrossDepartment(), UnitScope(), Target(), Rank(), Arithmetic(), CitedYear(), PerCount(), Children(), RowColumn(), NamedFilter(), Remainder(), ProjectOwner(), StatedMembers(), FundSource(), UnitChanges())

__all__ = [
    "CLOSE_MARGIN", "LEGACY", "LEGACY_SCORE", "REGISTERED", "AskBack", "Context", "Kind", "Reading", "Slot",
    "chosen_reading", "kind", "next_best", "reading_label", "readings",
]


def kind(name: str) -> Kind:
    return next(k for k in REGISTERED if k.name == name)


def readings(ctx: Context) -> list[Reading]:
    """Every registered kind's reading of the question, best first."""
    found = [r for kind in REGISTERED if (r := kind.read(ctx)) is not None]
    return sorted(found, key=lambda r: -r.score)


def next_best(ctx: Context, executor, after: str):
    """The best reading of another kind than `after` (or the classic frame intent), for a kind
    that found its reading does not fit once it looked at the figures."""
    others = [r for r in readings(ctx) if r.kind != after and r.score > LEGACY_SCORE and not r.missing]
    if others:
        return kind(others[0].kind).run(others[0], ctx, executor)
    return executor.run(ctx.frame)

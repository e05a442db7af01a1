"""Measurable targets inside 绩效目标 texts: 不超过10次, 不超过30分钟, 90%以上 → number, unit, comparison."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kg.records import Target
from kg.template import load_template

_CLAUSE = re.compile(r"[^，。；;,！!？?]+")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    template = load_template()
    before = sorted((c for c in template.target_comparators if c not in ("以上", "以下", "以内")), key=len, reverse=True)
    after = [c for c in ("以上", "以下", "以内") if c in template.target_comparators]
    units = sorted(template.target_units, key=len, reverse=True)
    return re.compile(
        rf"(?P<before>{'|'.join(map(re.escape, before))})?"
        rf"(?P<num>\d+(?:\.\d+)?)"
        rf"(?P<unit>{'|'.join(map(re.escape, units))})"
        rf"(?P<after>{'|'.join(after)})?"
    )


def find_targets(text: str, plain_counts: bool = True) -> list[Target]:
    """Each number + unit with a comparison cue; with plain_counts also bare counts (制作宣传片1部)."""
    comparators = load_template().target_comparators
    targets: list[Target] = []
    for clause in _CLAUSE.findall(text):
        for match in _pattern().finditer(clause):
            cue = match.group("after") or match.group("before")
            prefix = clause[: match.start()]
            if re.search(r"\d[-—~～至到]$", prefix) or re.search(r"\d{4}年$", prefix):
                continue  # a range such as 1-2个 or a date, not a target
            if cue is None and not plain_counts:
                continue
            comparator = comparators.get(cue, "=") if cue else "="
            if match.group("before") in ("达到", "保持在") and match.group("after"):
                comparator = comparators[match.group("after")]
            targets.append(
                Target(
                    text=clause.strip(),
                    comparator=comparator,
                    cue=cue,
                    value=Decimal(match.group("num")),
                    unit=match.group("unit"),
                )
            )
    return targets

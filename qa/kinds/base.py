"""What every question kind shares: its cue data, the reading it proposes and the context it reads."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Protocol

from kg.template import load_template
from qa.answer import Answer
from qa.frame import Frame
from qa.lexicon import Lexicon

SHARE_SAID = re.compile(r"占(?!用|地|有)")  # 占 asks a share; 占用, 占地 and 占有 are verbs of their own
LEGACY_SCORE = 0.5  # the classic frame intent's reading; a kind that explains more of the question beats it
LEGACY = "frame"  # the classic frame intent's name among the readings
LEGACY_LABEL = "常规问法"
CLOSE_MARGIN = 0.05  # readings this close to the best one compete: different answers are asked back


class AskBack(Exception):
    """Readings that score alike give different answers: the reply names them and asks which."""

    def __init__(self, readings: list[str]) -> None:
        super().__init__("、".join(readings))
        self.readings = readings


def reading_label(kind: str) -> str:
    """How the reply names a reading (「各预算单位（表11、表12）」), from the kind's data."""
    if kind == LEGACY:
        return LEGACY_LABEL
    per_unit = "、".join(f"表{n}" for n in load_template().per_unit)  # the tables with a block per unit, from the template
    return cue_data(kind)["reading"].format(per_unit_tables=per_unit)


_CHOSEN = re.compile(r"^按(?P<label>.{2,24}?)理解[:：]\s*(?P<question>.+)$", re.S)


def chosen_reading(question: str, names: list[str]) -> tuple[str | None, str]:
    """「按各预算单位（表11、表12）理解：…」 — a suggestion of an ask-back, asked: the kind it picks
    and the question itself; (None, question) for any other question."""
    match = _CHOSEN.match(question)
    if match:
        for name in [*names, LEGACY]:
            if reading_label(name) == match.group("label"):
                return name, match.group("question")
    return None, question


@dataclass(frozen=True)
class Slot:
    """One part of what is asked, with the span of the question it came from."""

    name: str
    value: Any
    span: tuple[int, int]


@dataclass
class Reading:
    kind: str
    score: float  # share of the question's content explained, with the kind's fit
    slots: list[Slot] = field(default_factory=list)
    missing: str | None = None  # a slot the graph cannot fill: the reply is a refusal naming it
    explained: str = ""  # the question text its cue patterns matched (a word inside is not unknown)
    checks_words: bool = False  # the kind itself tests the question's own words (describe)

    def unexplained(self, unknown: list[str]) -> list[str]:
        """Unknown content nouns this reading leaves unexplained: they count against it."""
        return [] if self.checks_words else [w for w in unknown if w not in self.explained]

    def slot(self, name: str, default: Any = None) -> Any:
        return next((s.value for s in self.slots if s.name == name), default)

    def slot_values(self, name: str) -> list[Any]:
        return [s.value for s in self.slots if s.name == name]


@dataclass
class Context:
    frame: Frame
    lexicon: Lexicon
    executor: Any = None  # the question's executor: a kind that must see the graph's text to read the question (target)


class Kind(Protocol):
    name: str

    def read(self, ctx: Context) -> Reading | None: ...

    def run(self, reading: Reading, ctx: Context, executor) -> Answer: ...


@cache
def cue_data(kind: str) -> dict:
    """qa/data/kinds/KIND.json: the kind's cue words and patterns."""
    return json.loads(resources.files("qa").joinpath(f"data/kinds/{kind}.json").read_text("utf-8"))


@cache
def pattern(kind: str, key: str) -> re.Pattern:
    """A regular expression from the kind's data: a list of alternatives, joined."""
    value = cue_data(kind)[key]
    return re.compile(value if isinstance(value, str) else "|".join(value))


def asked_without_amount(kind: str, text: str) -> re.Match | None:
    """Where the kind's asking words stand (its data's `asks`), unless the question asks a figure instead (`amount`)."""
    asked = pattern(kind, "asks").search(text)
    return None if asked is None or pattern(kind, "amount").search(text) else asked

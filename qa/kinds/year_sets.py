"""Filters on a set asked across two years (cross_year's new, dropped, in both years …): a topic or
a part of the name (「文物方面」「和X相关的」「名称里带X」), members with no near name in the other
year (「连相近名称都找不到」), and a property both years must show (重点项目 with 绩效目标). The words
live in qa/data/kinds/cross_year.json (topic_filters, similar_names) and project_set.json
(name_filters); a filter the members cannot honour is a refusal, never the unfiltered set."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.execute import NotAnswerable
from qa.facts import Fact
from qa.kinds.base import cue_data
from qa.lexicon import match_form
from qa.normalize import normalize

NAME = "cross_year"


@dataclass(frozen=True)
class Topic:
    """Members whose names contain `keyword`; `said` is the question's words for it."""

    keyword: str
    said: str
    how: str = "contains"  # contains | prefix | suffix (名称以X开头)


def topic(question: str) -> Topic | None:
    """The topic or name part the question restricts the set to, if it states one."""
    text = normalize(question)
    for how, patterns in cue_data("project_set")["name_filters"].items():
        for p in patterns:
            match = re.search(p, text)
            if match:
                return Topic(match_form(match.group("kw")), match.group(0), how)
    for p in cue_data(NAME)["topic_filters"]:
        match = re.search(p, text)
        if match and not re.fullmatch(cue_data(NAME)["not_topics"], match_form(match.group("kw"))):
            return Topic(match_form(match.group("kw")), match.group(0))
    return None


def _passes(topic_: Topic, fact: Fact) -> bool:
    name = match_form(fact.label)
    return {"contains": topic_.keyword in name, "prefix": name.startswith(topic_.keyword),
            "suffix": name.endswith(topic_.keyword)}[topic_.how]


def on_topic(topic_: Topic | None, old: dict[str, Fact], new: dict[str, Fact]) -> tuple[dict[str, Fact], dict[str, Fact]]:
    """Both years' members restricted to the topic; a refusal when no name of either year has it
    (a topic the names do not spell cannot be told apart: the whole set would be a guess)."""
    if topic_ is None:
        return old, new
    kept = ({k: f for k, f in old.items() if _passes(topic_, f)}, {k: f for k, f in new.items() if _passes(topic_, f)})
    if not kept[0] and not kept[1]:
        raise NotAnswerable(f"两年的项目名称中都没有“{topic_.keyword}”，无法按“{topic_.said}”挑出项目")
    return kept


def asks_similar(text: str) -> bool:
    """「连相近名称都找不到」: a member counts as matched by any name of the other year containing it
    or contained in it, not only by the same name."""
    return bool(re.search("|".join(cue_data(NAME)["similar_names"]), text))


def without_near_names(keys: list[str], other: dict[str, Fact]) -> list[str]:
    """The keys no name of the other year contains or is contained in."""
    return [k for k in keys if not any(k in o or o in k for o in other)]

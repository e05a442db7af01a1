"""Filters on a set asked across two years (cross_year's new, dropped, in both years …): a topic or
a part of the name (「文物方面」「和X相关的」「名称里带X」), members with no near name in the other
year (「连相近名称都找不到」), and a property both years must show (重点项目 with 绩效目标). The words
live in qa/data/kinds/cross_year.json (topic_filters, similar_names); a part of the name is read by
qa/name_filter.py. A filter the members cannot honour is a refusal, never the unfiltered set."""

from __future__ import annotations

import re

from qa import name_filter
from qa.execute import NotAnswerable
from qa.facts import Fact
from qa.kinds.base import cue_data
from qa.lexicon import match_form
from qa.name_filter import NameFilter
from qa.normalize import normalize

NAME = "cross_year"


def topic(question: str) -> NameFilter | None:
    """The topic or name part the question restricts the set to, if it states one."""
    text = normalize(question)
    named = name_filter.stated(text)
    if named:
        return named
    for p in cue_data(NAME)["topic_filters"]:
        for match in re.finditer(p, text):
            if re.match(cue_data(NAME)["writings"], text[match.end():]):
                continue  # 「我在写一篇关于X的稿子」: what the asker writes about, no set's topic
            if not re.fullmatch(cue_data(NAME)["not_topics"], match_form(match.group("kw"))):
                return NameFilter(match_form(match.group("kw")), match.group(0), match.span(), loose=True)
            break
    return None


def _tightened(topic_: NameFilter, names: list[str]) -> NameFilter:
    """A loose topic's keyword cut to its longest tail that some member's name holds."""
    if not topic_.loose:
        return topic_
    word = topic_.keyword
    tails = [word[k:] for k in range(len(word) - 1)]
    held = next((t for t in tails if any(t in n for n in names)), None)
    return NameFilter(held or word[-2:], topic_.said, topic_.span, topic_.how)


def on_topic(topic_: NameFilter | None, old: dict[str, Fact], new: dict[str, Fact]) -> tuple[dict[str, Fact], dict[str, Fact], str]:
    """Both years' members restricted to the topic, and the filter in words (、名称含“文物”); a
    refusal when no name of either year has it (a topic the names do not spell cannot be told
    apart: the whole set would be a guess)."""
    if topic_ is None:
        return old, new, ""
    topic_ = _tightened(topic_, [match_form(f.label) for f in [*old.values(), *new.values()]])
    kept = ({k: f for k, f in old.items() if topic_.holds(f.label)}, {k: f for k, f in new.items() if topic_.holds(f.label)})
    if not kept[0] and not kept[1]:
        raise NotAnswerable(f"两年的项目名称中都没有“{topic_.keyword}”，无法按“{topic_.said}”挑出项目")
    return kept[0], kept[1], f"、{topic_.words()}"


def asks_similar(text: str) -> bool:
    """「连相近名称都找不到」: a member counts as matched by any name of the other year containing it
    or contained in it, not only by the same name."""
    return bool(re.search("|".join(cue_data(NAME)["similar_names"]), text))


def without_near_names(keys: list[str], other: dict[str, Fact]) -> list[str]:
    """The keys no name of the other year contains or is contained in."""
    return [k for k in keys if not any(k in o or o in k for o in other)]


def check_found(topic_: NameFilter | None, said: str, found: list) -> None:
    """An empty set under a topic read from free words (体育类, X方面) is no answer: the names that
    spell the word hold none, but the document files no project under a topic, so a project of it
    named otherwise (全民健身… for 体育) cannot be ruled out."""
    if topic_ is not None and topic_.loose and not found:
        raise NotAnswerable(f"{said[1:]}的项目中没有符合的；文件没有按领域给项目归类，不能断定这一方面的项目一个都没有")

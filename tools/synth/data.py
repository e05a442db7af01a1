"""The generator's data, read once: the standard template's printed text (standard.json, and the
tables' titles and columns from kg's template model) and the invented vocabulary (vocabulary.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kg.template import load_template

_HERE = Path(__file__).resolve().parent


def _load(name: str) -> dict:
    return json.loads((_HERE / name).read_text("utf-8"))


@dataclass(frozen=True)
class Kind:
    """A kind of department (教育局, 档案馆 …) and what its documents name."""

    core: str  # the department's name after the region
    status: str  # 行政 | 参公 | 事业
    run: str  # functional 项 of its own running costs
    general: str  # functional 项 of its generic projects
    topics: tuple[str, ...]
    offices: tuple[tuple[str, str], ...]  # internal units other than 办公室: (name, duty)
    subs: tuple[tuple[str, str], ...]  # possible subordinate units: (name after the region, run code)
    projects: tuple[tuple[str, str], ...]  # (functional 项, name stem)
    fund: tuple[tuple[str, str], ...]  # 政府性基金 projects: (functional 项, name stem)
    goods: str  # what it buys (第三部分五)


def _kind(raw: dict) -> Kind:
    pairs = {key: tuple(tuple(p) for p in raw[key]) for key in ("offices", "subs", "projects", "fund")}
    return Kind(raw["core"], raw["status"], raw["run"], raw["general"], tuple(raw["topics"]), goods=raw["goods"],
                **pairs)


STANDARD = _load("standard.json")
VOCABULARY = _load("vocabulary.json")
_TEMPLATE = load_template()

TITLES: dict[int, str] = {t.number: t.title for t in _TEMPLATE.tables}
COLUMNS: dict[int, tuple[str, ...]] = {t.number: t.columns for t in _TEMPLATE.tables}
PARTS: dict[str, str] = _TEMPLATE.parts

FUNCTIONAL: dict[str, str] = STANDARD["functional"]
ECONOMIC: dict[str, str] = STANDARD["economic"]
UNIT_CLASS_NAMES: dict[str, str] = STANDARD["unit_class_names"]
RUNNING_ITEMS = tuple(STANDARD["running_items"])
GOODS_ITEMS = tuple(STANDARD["goods_items"])
WORKS_ITEMS = tuple(STANDARD["works_items"])
T1_CLASSES = tuple(STANDARD["t1_classes"])
T4_CLASSES = T1_CLASSES[:19] + (T1_CLASSES[20], T1_CLASSES[19]) + T1_CLASSES[21:]  # 表4 swaps 二十 and 二十一
HEADERS: dict[int, str] = {int(k): v for k, v in STANDARD["headers"].items()}
HEADERS[4] = HEADERS[1]
RUNNING_DEFINITION: str = STANDARD["running_definition"]
GLOSSARY: tuple[tuple[str, str], ...] = tuple(
    (term, RUNNING_DEFINITION[RUNNING_DEFINITION.index("指"):] if definition == "{running_definition}" else definition)
    for term, definition in STANDARD["glossary"])
CORE_TERMS = tuple(STANDARD["core_terms"])

REGIONS: tuple[tuple[str, str], ...] = tuple(tuple(r) for r in VOCABULARY["regions"])
KINDS: tuple[Kind, ...] = tuple(_kind(k) for k in VOCABULARY["kinds"])
WORDS: dict = VOCABULARY

"""The standard template, loaded from kg/data/template.json (headings and columns are data)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class TableSpec:
    number: int
    title: str
    layout: str
    columns: tuple[str, ...]
    classification: str | None = None
    fund: str | None = None
    expenditure: str | None = None

    @property
    def name(self) -> str:
        """「表12 部门预算项目支出及其他支出预算表」, as a source is cited."""
        return f"表{self.number} {self.title}"


@dataclass(frozen=True)
class Template:
    tables: tuple[TableSpec, ...]
    parts: dict[str, str]
    overview_sections: dict[str, str]
    explanation_sections: dict[str, str]
    no_subordinate_cue: str
    header_prefixes: tuple[str, ...]
    figure_units: tuple[str, ...]
    figure_label_prefixes: tuple[str, ...]
    figure_label_suffixes: tuple[str, ...]
    detail_cues: tuple[str, ...]
    target_comparators: dict[str, str]
    target_units: tuple[str, ...]

    def table(self, number: int) -> TableSpec | None:
        return next((t for t in self.tables if t.number == number), None)

    def layout(self, number: int | None) -> str | None:
        spec = self.table(number) if number is not None else None
        return spec.layout if spec else None

    def by_layout(self, layout: str) -> TableSpec:
        """The one table of a layout (projects: 表12, units: 表11)."""
        return next(t for t in self.tables if t.layout == layout)


@lru_cache(maxsize=1)
def load_template() -> Template:
    raw = json.loads(resources.files("kg").joinpath("data/template.json").read_text("utf-8"))
    tables = tuple(
        TableSpec(
            number=t["number"],
            title=t["title"],
            layout=t["layout"],
            columns=tuple(t["columns"]),
            classification=t.get("classification"),
            fund=t.get("fund"),
            expenditure=t.get("expenditure"),
        )
        for t in raw["tables"]
    )
    return Template(
        tables=tables,
        parts=raw["parts"],
        overview_sections=raw["overview_sections"],
        explanation_sections=raw["explanation_sections"],
        no_subordinate_cue=raw["no_subordinate_cue"],
        header_prefixes=tuple(raw.get("header_prefixes", ())),
        figure_units=tuple(raw["figure_units"]),
        figure_label_prefixes=tuple(raw["figure_label_prefixes"]),
        figure_label_suffixes=tuple(raw["figure_label_suffixes"]),
        detail_cues=tuple(raw["detail_cues"]),
        target_comparators=raw["target_comparators"],
        target_units=tuple(raw["target_units"]),
    )

"""cited_year: the cited document issued earliest or latest (「依据文件里年份最早的是哪份」), by the year
its 文号 states (bkg:issueYear), with the projects that cite it. Documents of equal year are all
named; a cited document without a year is not ranked."""

from __future__ import annotations

from kg.template import load_template
from qa import queries
from qa.answer import Answer, Source
from qa.execute import NotAnswerable, _citation_name, _iri
from qa.kinds.base import Context, Reading, Slot, cue_data, pattern

NAME = "cited_year"


class CitedYear:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        text = ctx.frame.text
        cited, extreme = pattern(NAME, "cited").search(text), pattern(NAME, "extreme").search(text)
        if not cited or not extreme:
            return None
        latest = any(w in extreme.group(0) for w in cue_data(NAME)["latest"])
        slots = [Slot("latest", latest, extreme.span())]
        return Reading(NAME, 0.85, slots, explained=text[min(cited.start(), extreme.start()):max(cited.end(), extreme.end())])

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        rows = [r for r in executor.reader.run(queries.CITED_YEARS, doc=_iri(doc)) if r.get("year") is not None]
        if not rows:
            raise NotAnswerable("文件引用的依据文件没有写明发文年份")
        years = {int(str(r["year"])) for r in rows}
        year = max(years) if reading.slot("latest") else min(years)
        chosen = [r for r in rows if int(str(r["year"])) == year]
        by_cited: dict[str, list[dict]] = {}
        for r in chosen:
            by_cited.setdefault(_citation_name(r), []).append(r)
        word = "最晚" if reading.slot("latest") else "最早"
        parts = [f"{name}，用于{'、'.join(dict.fromkeys(r['citerLabel'] for r in citers))}" for name, citers in by_cited.items()]
        text = f"依据文件中发文年份{word}的是{year}年的{'；'.join(parts)}（共{len(years)}个年份的文件）。"
        items = list(by_cited) + list(dict.fromkeys(r["citerLabel"] for r in chosen))
        title, table = executor.doc_title(doc), load_template().by_layout("projects").name
        sources = [Source(title, table, r["citerLabel"], r["line"]) for r in chosen]
        return executor.answer(frame, text, items=items, sources=sources)

"""cited_year: the earliest or latest document the budget's projects cite, by the year of its
document number (bkg:issueYear), with the projects that cite it (「依据文件里发文最早的是哪份」).
A project named restricts the search to its own citations; documents of the same year are all named."""

from __future__ import annotations

from kg.template import load_template
from qa import queries
from qa.answer import Answer, Source
from qa.execute import NotAnswerable
from qa.facts import node
from qa.kinds.base import Context, Reading, Slot, cue_data, pattern
from qa.lexicon import match_form

NAME = "cited_year"
SCOPE_KINDS = {"department", "budget_unit", "project", "goal", "citation"}


class CitedYear:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        text = frame.text
        asked = pattern(NAME, "asks_document").search(text)
        early, late = pattern(NAME, "earliest").search(text), pattern(NAME, "latest").search(text)
        if not asked or bool(early) == bool(late) or any(not m.kinds() <= SCOPE_KINDS for m in frame.mentions):
            return None
        if frame.measures or frame.totals or frame.threshold is not None:
            return None
        owners = [m for m in frame.mentions if m.of("project", "goal")]
        which = early or late
        slots = [Slot("direction", "min" if early else "max", which.span())]
        slots += [Slot("owner", m, (m.start, m.end)) for m in owners]
        explained = asked.group(0) + which.group(0) + "".join(w for w in cue_data(NAME)["year_words"] if w in text)
        return Reading(NAME, 0.8, slots, explained=explained)

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        rows = executor.reader.run(queries.CITED_IN_DOC, doc=node(doc))
        owners = {match_form(e.label) for m in reading.slot_values("owner") for e in m.entities}
        if owners:
            rows = [r for r in rows if match_form(r["citerLabel"]) in owners]
        if not rows:
            raise NotAnswerable("文件中没有写明发文年份的依据文件")
        pick = min if reading.slot("direction") == "min" else max
        year = pick(int(r["year"]) for r in rows)
        chosen = [r for r in rows if int(r["year"]) == year]
        cited: dict[str, list[str]] = {}
        for r in chosen:
            cited.setdefault(_name(r), [])
            if r["citerLabel"] not in cited[_name(r)]:
                cited[_name(r)].append(r["citerLabel"])
        word = "最早" if pick is min else "最晚"
        parts = [f"{name}，是{'、'.join(citers)}的依据" for name, citers in cited.items()]
        text = f"{executor.prefix(frame, doc)}依据文件中发文年份{word}的是{year}年的：{'；'.join(parts)}。"
        title = executor.doc_title(doc)
        section = load_template().by_layout("projects").name
        sources = list(dict.fromkeys(Source(title, section, r["citerLabel"], r["line"]) for r in chosen))
        return executor.answer(frame, text, items=list(cited), sources=sources)


def _name(row: dict) -> str:
    title, number = row.get("title"), row.get("number") or row.get("label")
    return f"《{title}》（{number}）" if title and number and match_form(number) not in match_form(title) else f"《{title or number}》"


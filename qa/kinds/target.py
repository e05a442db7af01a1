"""target: a measurable performance target of the project or key project the question names
(「多功能运动场要建几个」 → 不少于2个), chosen among that owner's targets by the unit asked and the
words the question shares with the target's text. Another owner's target is never used."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.template import load_template
from qa import queries
from qa.answer import Answer, Source, fmt
from qa.execute import NotAnswerable
from qa.kinds.base import Context, Reading, Slot, cue_data
from qa.lexicon import match_form
from qa.segment import tokenizer

NAME = "target"


class Target:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        owners = [m for m in ctx.frame.mentions if m.of("project", "goal")]
        data = cue_data(NAME)
        if not owners or len({frozenset(e.label for e in m.entities) for m in owners}) > 1:
            return None
        match = _asks_number().search(ctx.frame.text)
        noun = re.search(data["asks_noun"], ctx.frame.text)
        if match:
            unit, span, explained = match.group("unit"), match.span(), match.group(0)
        elif noun and not re.search(data["money"], noun.group("noun")):
            unit, span, explained = None, noun.span(), ""  # 「要接待多少健身群众」: the target that speaks of them
        else:
            return None
        slots = [Slot("owner", owners[0], (owners[0].start, owners[0].end)), Slot("unit", unit, span)]
        if not unit and noun:
            slots.append(Slot("noun", noun.group("noun"), noun.span()))
        score = 0.75 if unit else 0.65  # a noun alone is a weaker sign than a unit: a text may answer it
        explained += "".join(w for w in data["plan_words"] if w in ctx.frame.text)
        return Reading(NAME, score, slots, explained=explained)

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        owner = reading.slot("owner")
        labels = {match_form(e.label) for e in owner.entities}
        unit = reading.slot("unit")
        targets = [t for t in executor.reader.run(queries.TARGETS, doc=_iri(doc)) if match_form(t["ownerLabel"]) in labels]
        if unit:
            exact = [t for t in targets if t["unit"] == unit]  # 次 is not 人次
            targets = exact or [t for t in targets if t["unit"].endswith(unit)]
        elif reading.slot("noun"):
            noun = reading.slot("noun")
            grams = [noun[k:k + 2] for k in range(len(noun) - 1)]
            targets = [t for t in targets if sum(g in match_form(t["text"]) for g in grams) * 2 >= len(grams)]
        if not targets:
            raise NotAnswerable(f"文件没有给出“{owner.entities[0].label}”以{unit or '这个单位'}计的绩效目标")
        words = {w for w in tokenizer().lcut(frame.text, HMM=False) if len(w) >= 2}
        best = max(targets, key=lambda t: sum(w in match_form(t["text"]) for w in words))
        if len(targets) > 1 and not any(w in match_form(best["text"]) for w in words - labels):
            raise NotAnswerable(f"“{owner.entities[0].label}”有{len(targets)}个以{unit}计的目标，请说明是哪一个")
        text = f"{best['ownerLabel']}的绩效目标：{best['text']}（{fmt(best['value'], best['unit'])}{best['unit']}）。"
        source = Source(executor.doc_title(doc), "第三部分六 重点项目预算绩效目标", best["ownerLabel"], best["line"])
        return executor.answer(frame, text, best["value"], best["unit"], sources=[source])


@lru_cache(maxsize=1)
def _asks_number() -> re.Pattern:
    units = sorted((u for u in load_template().target_units if "元" not in u), key=len, reverse=True)
    return re.compile(cue_data(NAME)["asks_number"].replace("{units}", "|".join(map(re.escape, units))))


def _iri(value: str):
    import pyoxigraph as ox

    return ox.NamedNode(value)

"""Question answering on documents the project has never seen: generated departments
(tools.synth), questions built from templates of every kind — for the registered kinds, the
phrasings of their data files (qa/data/kinds/*.json) — answers known from the generator. Each
seed also generates the department's year before, and the two years are asked together.

    python bench/qa_synth_eval.py [--seeds 20] [--first 1] [-v]

Prints accuracy per question kind and every miss. The same harness runs on a few seeds in
tests/test_qa_synth.py.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.parsing.textutil import split_region  # noqa: E402
from kg.pipeline import replace_documents  # noqa: E402
from kg.store.embedded import OxigraphStore  # noqa: E402
from kg.template import load_template  # noqa: E402
from qa.evaluate import score  # noqa: E402
from qa.kinds.base import cue_data  # noqa: E402
from qa.service import QAService  # noqa: E402
from tools.synth import Truth, generate  # noqa: E402

CENT = Decimal("0.01")  # figures are rounded half up (四舍五入), as the documents and the answers round them

OTHER_SEED = 5000  # the seed offset of the second department asked together with each seed's


def money(value: Decimal) -> dict:
    return {"value": float(value), "unit": "万元"}


def questions(truth: Truth) -> list[tuple[str, str, dict]]:
    """(kind, question, expected) built from what the generated document states."""
    out: list[tuple[str, str, dict]] = []
    _, core = split_region(truth.department)
    projects = list(truth.projects)
    by_name: dict[str, list] = defaultdict(list)
    for p in projects:
        by_name[p.name].append(p)
    unique = [p for p in projects if len(by_name[p.name]) == 1]
    for p in unique[:4]:
        out.append(("lookup", f"{p.name}预算多少？", money(p.amounts[0])))
    if unique:
        p = unique[-1]
        out.append(("lookup", f"{core}的{p.name}安排了多少钱？", money(p.amounts[0])))
    t6, t7 = truth.table(6), truth.table(7)
    labels6 = {r.label for r in t6.rows if r.code}
    labels7 = {r.label for r in t7.rows if r.code}
    for row in [r for r in t6.rows if r.code and len(r.code) == 5][:3]:
        out.append(("lookup", f"基本支出中的{row.label}是多少？", money(row.amounts[0])))
        if row.label not in labels7:
            out.append(("lookup", f"{row.label}多少万元？", money(row.amounts[0])))
    for row in [r for r in t7.rows if r.code and len(r.code) == 5][:2]:
        out.append(("lookup", f"项目支出里{row.label}是多少？", money(row.amounts[0])))
        if row.label not in labels6:
            out.append(("lookup", f"{row.label}预算是多少？", money(row.amounts[0])))
    t1 = truth.table(1)
    zeros = [r for r in t1.rows if r.side == "支出" and r.amounts[0] == 0 and r.kind == "item"]
    for row in zeros[:2]:
        out.append(("zero", f"{row.label}是多少？", money(Decimal(0))))
    t3 = truth.table(3)
    for row in [r for r in t3.rows if r.code and len(r.code) == 7][:2]:
        out.append(("lookup", f"{row.code}的金额是多少？", money(row.amounts[0])))
    if projects:
        top = max(projects, key=lambda p: p.amounts[0])
        out.append(("superlative", "哪个项目花钱最多？", {"contains": [top.name]}))
        low = min((p for p in projects if p.amounts[0] > 0), key=lambda p: p.amounts[0])
        if sum(1 for p in projects if p.amounts[0] == low.amounts[0]) == 1:
            out.append(("superlative", "金额最小的项目是哪个？", {"contains": [low.name]}))
        out.append(("aggregate", "一共有多少个项目？", {"value": len(projects), "unit": "个"}))
        threshold = sorted(p.amounts[0] for p in projects)[len(projects) // 2]
        limit = int(threshold) + 1
        count = sum(1 for p in projects if p.amounts[0] >= limit)
        out.append(("aggregate", f"预算在{limit}万元以上的项目有几个？", {"value": count, "unit": "个"}))
    if len(unique) >= 2:
        a, b = unique[0], unique[1]
        out.append(("comparison", f"{a.name}比{b.name}多多少？", money(abs(a.amounts[0] - b.amounts[0]))))
        out.append(("aggregate", f"{a.name}和{b.name}合计多少？", money(a.amounts[0] + b.amounts[0])))
    t8 = truth.table(8)
    sangong = next(r for r in t8.rows if "三公" in r.label)
    out.append(("lookup", f"{core}的三公经费是多少？", money(sangong.amounts[0])))
    total3 = next(r for r in t3.rows if r.kind == "total")
    spend = next(r for r in t1.rows if r.label == "本年支出合计")
    if spend.amounts[0]:
        ratio = (total3.amounts[2] / spend.amounts[0] * 100).quantize(CENT, rounding=ROUND_HALF_UP)
        out.append(("ratio", "项目支出占总支出的比例是多少？", {"value": float(ratio), "unit": "%"}))
    out.append(("lookup", "基本支出是多少？", money(total3.amounts[1])))
    for label in ("政府采购", "固定资产"):
        figure = truth.figure(label)
        if figure:
            out.append(("lookup", f"{label}是多少？", {"value": float(figure.value), "unit": figure.unit}))
    income = truth.figure("收入预算")
    if income and income.change is not None:
        out.append(("yoy", "收入预算比上年变化了多少？", money(abs(income.change))))
        out.append(("yoy", "上年的收入预算是多少？", money(income.value - income.change)))
    for p in projects:
        for c in p.citations:
            if c.number and len(by_name[p.name]) == 1:
                out.append(("citation", f"{c.number}是哪个项目的依据？", {"contains": [p.name]}))
                break
        else:
            continue
        break
    for term, definition in truth.glossary[:2]:
        out.append(("definition", f"{term.strip('“”')}是什么意思？", {"contains": [definition[2:14]]}))
    if truth.units:
        out.append(("list", "内设机构有哪些？", {"items": [name for name, _ in truth.units]}))
    out.append(("aggregate", "有几个下属单位？", {"value": len(truth.subordinate_units), "unit": "个"}))
    t11 = truth.table(11)
    for name in truth.subordinate_units[:1]:
        row = next(r for r in t11.rows if r.kind == "unit" and r.label == name)
        out.append(("lookup", f"{split_region(name)[1]}的基本支出是多少？", money(row.amounts[0])))
    for goal in truth.goals[:1]:
        out.append(("performance", f"{goal.project}的绩效目标是什么？", {"contains": [goal.text[:10]]}))
    out += sample_style(truth, core, unique)
    out.append(("unanswerable", f"{core}的负责人是谁？", {"unanswerable": True}))
    out.append(("unanswerable", f"{truth.year + 1}年的预算是多少？", {"unanswerable": True}))
    out.append(("unanswerable", f"{core}有多少名在编人员？", {"unanswerable": True}))
    return out


def sample_style(truth: Truth, core: str, unique: list) -> list[tuple[str, str, dict]]:
    """Questions phrased like the sample question files, on this generated document."""
    out: list[tuple[str, str, dict]] = []
    for goal in truth.goals[:1]:
        out.append(("performance", f"{goal.project}的绩效目标包括哪些内容？", {"contains": [goal.text[:8]]}))
        out.append(("performance", f"重点项目表里{goal.project}的预算数是多少？", money(goal.amount)))
    if truth.goals:
        total = sum((g.amount for g in truth.goals), Decimal(0))
        out.append(("aggregate", "重点项目的预算合计是多少？", money(total)))
    cited = [(p, c) for p in unique for c in p.citations if c.number]
    for p, c in cited[:1]:
        out.append(("citation", f"{p.name}依据的是什么文件？", {"contains": [c.number.split("〔")[-1]]}))
    if unique:
        low = sorted(p.amounts[0] for p in unique)
        limit = int(low[len(low) // 3]) + 1
        under = [p.name for p in truth.projects if p.amounts[0] < limit]
        if under and len(under) < 8:
            out.append(("list", f"预算不足{limit}万元的项目有哪些？", {"items": under}))
        p = unique[0]
        t3 = truth.table(3)
        project_total = next(r for r in t3.rows if r.kind == "total").amounts[2]
        if project_total:
            share = (p.amounts[0] / project_total * 100).quantize(CENT, rounding=ROUND_HALF_UP)
            out.append(("ratio", f"{p.name}占项目支出的百分比是多少？", {"value": float(share), "unit": "%"}))
    t7 = truth.table(7)
    classes = [r.label for r in t7.rows if r.code and len(r.code) == 3]
    out.append(("list", "表7项目支出分为哪几大类经济科目？", {"items": classes}))
    t6 = truth.table(6)
    wages = [r for r in t6.rows if r.code and r.code.startswith("301") and len(r.code) == 5 and r.amounts[0] > 0]
    if wages:
        smallest = min(wages, key=lambda r: r.amounts[0])
        if sum(1 for r in wages if r.amounts[0] == smallest.amounts[0]) == 1:
            out.append(("superlative", "工资福利支出下面金额最小的科目是哪个？", {"contains": [smallest.label]}))
    sangong = truth.figure("“三公”经费")
    if sangong and sangong.change is not None:
        out.append(("yoy", f"上年（{truth.year - 1}年）的三公经费是多少？", money(sangong.value - sangong.change)))
    if truth.units:
        out.append(("list", f"{core}内设了哪些股室？", {"items": [name for name, _ in truth.units]}))
    return out


def _phrasings(kind: str, group: str) -> list[str]:
    return cue_data(kind)["phrasings"][group]


def kind_questions(truth: Truth) -> list[tuple[str, str, dict]]:
    """The registered kinds' own phrasings (qa/data/kinds/*.json) on one generated document."""
    out: list[tuple[str, str, dict]] = []
    projects = [p for p in truth.projects if sum(1 for q in truth.projects if q.name == p.name) == 1 and p.purpose]
    for k, p in enumerate(projects[:2]):
        for template in _phrasings("describe", "project")[k::2]:
            out.append(("describe", template.format(project=p.name), {"contains": [p.purpose[:10]]}))
        for template in _phrasings("describe", "refuse")[k::2]:
            out.append(("unanswerable", template.format(project=p.name), {"unanswerable": True}))
    for office, duty in truth.units[:1]:
        for template in _phrasings("describe", "office"):
            out.append(("describe", template.format(office=office), {"contains": [duty[:10]]}))
    names = [p.name for p in truth.projects]
    grams = sorted({n[k:k + 2] for n in names for k in range(len(n) - 1) if "\u4e00" <= n[k] <= "\u9fff" and "\u4e00" <= n[k + 1] <= "\u9fff"})
    for kw in [g for g in grams if 2 <= sum(g in n for n in names) <= 4][:2]:
        chosen = [p for p in truth.projects if kw in p.name]
        for template in _phrasings("project_set", "list"):
            out.append(("project_set", template.format(kw=kw), {"items": [p.name for p in chosen]}))
        out += [("project_set", t.format(kw=kw), {"value": len(chosen), "unit": "个"}) for t in _phrasings("project_set", "count")]
        total = money(sum((p.amounts[0] for p in chosen), Decimal(0)))
        out += [("project_set", t.format(kw=kw), total) for t in _phrasings("project_set", "sum")]
    amounts = sorted(p.amounts[0] for p in truth.projects)
    if len(amounts) >= 6:
        a, b = int(amounts[1]) + 1, int(amounts[len(amounts) // 2]) + 1
        inside = [p.name for p in truth.projects if a <= p.amounts[0] <= b]
        if 0 < len(inside) <= 8:
            out += [("project_set", t.format(a=a, b=b), {"items": inside}) for t in _phrasings("project_set", "range")]
        exact = amounts[len(amounts) // 2]  # an amount asked exactly: how many projects have it
        out += [("project_set", t.format(a=exact), {"value": amounts.count(exact), "unit": "个"}) for t in _phrasings("project_set", "exact")]
    reason = next((f.reason for f in truth.figures if f.label == "收入预算"), None) or ""
    stated_new = re.search(r"新增(.+?)等项目", reason)  # what the explanation names new, in one year's document
    for t in _phrasings("stated_members", "new"):
        out.append(("stated_members", t, {"items": stated_new.group(1).split("、")} if stated_new else {"unanswerable": True}))
    columns = load_template().by_layout("projects").columns
    sources = cue_data("fund_source")["sources"]
    for p in projects[:2]:  # the sources of funds of a project: its 表12 source columns that hold money
        paid = [c for c, v in zip(columns, p.amounts, strict=False) if c in sources and v]
        out += [("fund_source", t.format(project=p.name), {"items": paid}) for t in _phrasings("fund_source", "source")]
    for p in projects[:1]:  # the unit a project is listed under
        out += [("project_owner", t.format(project=p.name), {"contains": [p.unit]}) for t in _phrasings("project_owner", "owner")]
    for p in [p for p in projects if sum(1 for q in truth.projects if q.amounts[0] == p.amounts[0]) == 1][:2]:
        place = 1 + sum(1 for q in truth.projects if q.amounts[0] > p.amounts[0])  # by amount, from the largest
        out += [("rank", t.format(project=p.name), {"value": place, "unit": "名"}) for t in _phrasings("rank", "project")]
    rows = [r for r in truth.table(3).rows if r.code]
    for parent in [r for r in rows if len(r.code) == 5][:2]:  # a 款's 项 rows, asked with the children kind's phrasings
        below = [r.label for r in rows if len(r.code) == 7 and r.code.startswith(parent.code)]
        if below and sum(1 for r in rows if r.label == parent.label) == 1:
            out += [("children", t.format(item=parent.label), {"items": below}) for t in _phrasings("children", "children")]
    bodies = [truth.kind, *truth.subordinate_units]  # a class named like a body (档案馆) is read as the body
    for row in [r for r in rows if len(r.code) in (5, 7) and r.amounts[1] and r.amounts[2] and sum(1 for q in rows if q.label == r.label) == 1
                and not any(r.label in b or b in r.label for b in bodies)][:1]:
        for column, amount in (("基本支出", row.amounts[1]), ("项目支出", row.amounts[2])):  # one column of a class row
            out += [("row_column", t.format(item=row.label, column=column), money(amount)) for t in _phrasings("row_column", "column")]
            share = {"value": float((amount / row.amounts[0] * 100).quantize(CENT, rounding=ROUND_HALF_UP)), "unit": "%"}
            out += [("row_column", t.format(item=row.label, column=column), share) for t in _phrasings("row_column", "share")]
    t6rows = [r for r in truth.table(6).rows if r.code and len(r.code) == 5 and sum(1 for q in truth.table(6).rows if q.label == r.label) == 1]
    pairs = [(x, y) for x in t6rows for y in t6rows if y.amounts[0] - x.amounts[0] >= 2][:1]
    for x, y in pairs:  # two named items filtered by an amount between them: the larger passes
        t = int((x.amounts[0] + y.amounts[0]) / 2)
        out += [("named_filter", q.format(a=x.label, b=y.label, t=t), {"items": [y.label]}) for q in _phrasings("named_filter", "list")]
    for whole in [r for r in truth.table(6).rows if r.code and len(r.code) == 3][:1]:  # a class less two of its items
        parts = [r for r in truth.table(6).rows if r.code and len(r.code) == 5 and r.code.startswith(whole.code)][:2]
        if len(parts) == 2 and all(sum(1 for q in truth.table(6).rows if q.label == r.label) == 1 for r in (whole, *parts)):
            rest = money(whole.amounts[0] - parts[0].amounts[0] - parts[1].amounts[0])
            out += [("remainder", t.format(whole=whole.label, a=parts[0].label, b=parts[1].label), rest) for t in _phrasings("remainder", "class")]
    for p in projects[:1]:  # a figure divided by a count the question states
        for n, counter, thing in ((4, "个", "村"), (3, "辆", "车")):
            share = money((p.amounts[0] / n).quantize(CENT, rounding=ROUND_HALF_UP))
            out += [("per_count", t.format(n=n, counter=counter, thing=thing, item=p.name), share) for t in _phrasings("per_count", "stated")]
    if truth.projects:
        mean = (sum(amounts, Decimal(0)) / len(amounts)).quantize(CENT, rounding=ROUND_HALF_UP)
        out += [("project_set", t, money(mean)) for t in _phrasings("project_set", "average")]
    out += arithmetic_questions(truth)
    for goal in truth.goals:  # a unit that only one target of that name is stated in (goal and project alike)
        units = [t.unit for t in goal.targets] + [t.unit for p in truth.projects if p.name == goal.project for t in p.targets
                                                  if t not in goal.targets]
        for t in goal.targets:
            if units.count(t.unit) == 1 and t.unit not in ("%", "万元") and sum(1 for g in truth.goals if g.project == goal.project) == 1:
                for template in _phrasings("target", "unit"):
                    out.append(("target", template.format(project=goal.project, unit=t.unit), {"value": float(t.value), "unit": t.unit}))
                break
    out += unit_questions(truth) + cited_year_questions(truth) + text_owner_questions(truth)
    return out


def text_owner_questions(truth: Truth) -> list[tuple[str, str, dict]]:
    """「X是哪个项目的」: a noun only one project's text holds names that project (describe)."""
    from qa.segment import content_nouns

    purposes = {p.name: p.purpose for p in truth.projects if p.purpose and sum(q.name == p.name for q in truth.projects) == 1}
    texts = [p.purpose or "" for p in truth.projects] + [p.name for p in truth.projects]
    for name, purpose in purposes.items():
        for word in content_nouns(purpose):
            if len(word) >= 3 and sum(word in t for t in texts) == 1:
                return [("describe", t.format(kw=word), {"contains": [name]}) for t in _phrasings("describe", "owner")]
    return []


def cited_year_questions(truth: Truth) -> list[tuple[str, str, dict]]:
    """The earliest and the latest cited document by the year in its number (cited_year)."""
    dated = [(int(m.group(1)), c.number) for p in truth.projects for c in p.citations
             if c.number and (m := re.search(r"〔(\d{4})〕", c.number))]
    out: list[tuple[str, str, dict]] = []
    for group, pick in (("earliest", min), ("latest", max)) if dated else ():
        year = pick(y for y, _ in dated)
        number = next(n for y, n in dated if y == year)
        out += [("cited_year", t, {"contains": [number.split("〔")[-1]]}) for t in _phrasings("cited_year", group)]
    return out


def arithmetic_questions(truth: Truth) -> list[tuple[str, str, dict]]:
    """The arithmetic kind's phrasings between two projects of distinct amounts (names holding no
    operator word, so that the question's structure is the template's)."""
    plain = [p for p in truth.projects if sum(1 for q in truth.projects if q.name == p.name) == 1 and p.amounts[0] > 0
             and not re.search(r"[比和与跟同是占加、在为等倍差]", p.name)]
    pairs = [(a, b) for a in plain for b in plain if a.amounts[0] > b.amounts[0]][:1]
    out: list[tuple[str, str, dict]] = []
    for a, b in pairs:
        diff = money(a.amounts[0] - b.amounts[0])
        times = {"value": float((a.amounts[0] / b.amounts[0]).quantize(CENT, rounding=ROUND_HALF_UP)), "unit": "倍"}
        out += [("arithmetic", t.format(a=a.name, b=b.name), diff) for t in _phrasings("arithmetic", "difference")]
        out += [("arithmetic", t.format(a=a.name, b=b.name), times) for t in _phrasings("arithmetic", "multiple")]
        share = {"value": float((b.amounts[0] * 100 / a.amounts[0]).quantize(CENT, rounding=ROUND_HALF_UP)), "unit": "%"}
        out += [("arithmetic", t.format(a=a.name, b=b.name), share) for t in _phrasings("arithmetic", "percent")]
    return out


def unit_questions(truth: Truth) -> list[tuple[str, str, dict]]:
    t11, t12 = truth.table(11), truth.table(12)
    basic = {r.label: r.amounts[0] for r in t11.rows if r.kind == "unit"}
    project = {r.label: r.amounts[0] for r in t12.rows if r.kind == "unit"}
    if not truth.subordinate_units:
        return []
    out: list[tuple[str, str, dict]] = []
    sub = truth.subordinate_units[0]
    short = split_region(sub)[1]
    for template in _phrasings("unit_scope", "basic"):
        out.append(("unit_scope", template.format(sub=short), money(basic[sub])))
    if sub in project:
        out += [("unit_scope", t.format(sub=short), money(project[sub])) for t in _phrasings("unit_scope", "project")]
    out += [("unit_scope", t, money(basic[truth.department])) for t in _phrasings("unit_scope", "self_basic")]
    lowest = min(basic.values())
    if sum(1 for v in basic.values() if v == lowest) == 1:
        name = next(n for n, v in basic.items() if v == lowest)
        out += [("unit_scope", t, {"contains": [split_region(name)[1]]}) for t in _phrasings("unit_scope", "min_basic")]
    subs = sum((basic[s] for s in truth.subordinate_units), Decimal(0))
    out += [("unit_scope", t, money(subs)) for t in _phrasings("unit_scope", "sub_basic_sum")]
    return out


def cross_year_questions(before: Truth, after: Truth) -> list[tuple[str, str, dict]]:
    """Two years of one generated department, asked together in every phrasing of cross_year's data."""
    def total(truth: Truth, column: int) -> Decimal:
        return next(r for r in truth.table(3).rows if r.kind == "total").amounts[column]

    def asked(group: str, expected: dict) -> list[tuple[str, str, dict]]:
        return [("cross_year", t.format(y0=before.year, y1=after.year), expected) for t in _phrasings("cross_year", group)]

    a, b = total(before, 1), total(after, 1)
    out = asked("diff_basic", money(abs(b - a))) + asked("sum_project", money(total(after, 2) + total(before, 2)))
    if a:
        out += asked("rate_basic", {"value": float(abs((b - a) / a * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)), "unit": "%"})
    if total(before, 2):
        share = (total(after, 2) / total(before, 2) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        out += asked("proportion_project", {"value": float(share), "unit": "%"})
    old, new = {p.name for p in before.projects}, {p.name for p in after.projects}
    if new - old:
        out += asked("new", {"items": sorted(new - old)})
    if old - new:
        out += asked("dropped", {"items": sorted(old - new)})
    return out + unit_change_questions(before, after)


def unit_change_questions(before: Truth, after: Truth) -> list[tuple[str, str, dict]]:
    """The units whose basic (表11) or project (表12) expenditure rose or fell, in every phrasing of unit_changes' data."""
    out: list[tuple[str, str, dict]] = []
    for table, what in ((11, "基本支出"), (12, "项目支出")):
        a, b = ({r.label: r.amounts[0] for r in t.table(table).rows if r.kind == "unit"} for t in (before, after))
        if len(b) < 2:
            continue  # one unit: no 哪个单位 to ask
        for group, moved in (("up", [u for u in b if u in a and b[u] > a[u]]), ("down", [u for u in b if u in a and b[u] < a[u]])):
            if moved:
                out += [("unit_changes", t.format(y0=before.year, y1=after.year, what=what), {"items": moved}) for t in _phrasings("unit_changes", group)]
    return out


def cross_department_questions(first: Truth, second: Truth) -> list[tuple[str, str, dict]]:
    """Two generated departments of one year, asked together in every phrasing of cross_department's data."""
    def figures(truth: Truth) -> dict[str, Decimal]:
        t3 = next(r for r in truth.table(3).rows if r.kind == "total")
        return {"三公经费": next(r for r in truth.table(8).rows if "三公" in r.label).amounts[0], "基本支出": t3.amounts[1],
                "项目支出": t3.amounts[2]}

    a, b = split_region(first.department)[1], split_region(second.department)[1]
    out: list[tuple[str, str, dict]] = []
    for what, va in figures(first).items():
        vb = figures(second)[what]
        top = {"max": first if va > vb else second, "min": first if va < vb else second}
        for op, expected in (("sum", money(va + vb)), ("diff", money(abs(va - vb))), ("max", None), ("min", None)):
            if expected is None:
                if va == vb:
                    continue
                expected = {"contains": [top[op].department]}
            out += [("cross_department", t.format(a=a, b=b, what=what), expected) for t in _phrasings("cross_department", op)]
    return out


def _ask(service: QAService, items, seed: int, totals, misses: list[str], verbose: bool) -> None:
    for kind, question, expected in items:
        answer = service.ask(question).to_json()
        ok, verdict = score(expected, answer)
        totals[kind][0] += ok
        totals[kind][1] += 1
        if not ok:
            misses.append(f"seed {seed} [{kind}] {verdict}: {question} expected {expected} got {answer['answer'][:160]}")
        elif verbose:
            print(f"ok seed {seed} {question}")


def evaluate(seeds: list[int], verbose: bool = False) -> tuple[dict[str, list[int]], list[str]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            text, truth = generate(seed)
            store = OxigraphStore(Path(tmp) / f"s{seed}")
            replace_documents([(f"synth-{seed}.txt", text.encode("utf-8"))], store)
            _ask(QAService(store), questions(truth) + kind_questions(truth), seed, totals, misses, verbose)
            later_text, later = generate(seed, previous=truth)
            both = OxigraphStore(Path(tmp) / f"x{seed}")
            replace_documents([(f"synth-{seed}.txt", text.encode("utf-8")), (f"synth-{seed}-next.txt", later_text.encode("utf-8"))], both)
            _ask(QAService(both), cross_year_questions(truth, later), seed, totals, misses, verbose)
            other_text, other = generate(seed + OTHER_SEED)
            if split_region(other.department)[1] != split_region(truth.department)[1] and other.year == truth.year:
                two = OxigraphStore(Path(tmp) / f"d{seed}")
                replace_documents([(f"synth-{seed}.txt", text.encode("utf-8")), (f"synth-{seed}-other.txt", other_text.encode("utf-8"))], two)
                _ask(QAService(two), cross_department_questions(truth, other), seed, totals, misses, verbose)
    return totals, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    totals, misses = evaluate(list(range(args.first, args.first + args.seeds)), args.v)
    good = sum(v[0] for v in totals.values())
    count = sum(v[1] for v in totals.values())
    for kind, (ok, n) in sorted(totals.items()):
        print(f"{kind:<13} {ok}/{n}")
    for miss in misses:
        print("-", miss)
    print(f"accuracy {good / count:.1%} ({good}/{count}) over {args.seeds} generated documents")


if __name__ == "__main__":
    main()

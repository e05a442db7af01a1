"""The budget model of one generated department: its units, staff, basic spending by economic class
and its projects (names, amounts, purposes with citations and targets), all in integer cents."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

from tools.synth.data import KINDS, REGIONS, WORDS, Kind
from tools.synth.text import fill, plain, random_cents, split_cents
from tools.synth.truth import Truth, TruthCitation, TruthProject, TruthTarget


@dataclass
class Unit:
    """A budget unit (the department or a subordinate unit) and its basic spending."""

    name: str
    admin: bool  # its staff are 行政/参公 (机关运行经费, 行政单位医疗/离退休)
    run: str  # functional 项 of its running costs
    headcount: int
    cars: int
    basic: dict[str, int]  # economic 款 → cents (一般公共预算)
    other: dict[str, int] = field(default_factory=dict)  # basic funded by 其他资金 (事业收入)


@dataclass
class Project:
    """A project as the model builds it; its purpose, citations and targets are filled last."""

    unit: str
    name: str
    code: str
    fund: str
    amount: int
    economic: list[tuple[str, int]]
    purpose: str = ""
    citations: tuple[TruthCitation, ...] = ()
    targets: tuple[TruthTarget, ...] = ()


@dataclass
class Model:
    """One department in one year: what the tables, 第三部分 and the rendering are made from."""

    seed: int
    year: int
    kind: Kind
    region: str
    short: str
    department: str
    ctx: dict[str, str]
    duties: list[str]
    offices: list[tuple[str, str]]
    inline_offices: bool
    list_with_he: bool  # the composition lists the last subordinate unit after 和
    subs: list[str]
    units: list[Unit]
    projects: list[Project]
    previous: Truth | None


def _kind_of(department: str) -> Kind | None:
    return next((k for k in sorted(KINDS, key=lambda k: -len(k.core)) if department.endswith(k.core)), None)


def _region_of(department: str) -> tuple[str, str]:
    """The region a department name starts with (云川市棠溪区 → 棠溪区), or the first known region."""
    for region, short in REGIONS:
        if department.startswith(region):
            return region, short
    match = re.match(r"^(?:中共)?(\w{2,4}?[省市])?(\w{2,4}?[区县])", department)
    if match:
        return (match.group(1) or "") + match.group(2), match.group(2)
    return REGIONS[0]


def _context(region: str, short: str, department: str, kind: Kind, year: int) -> dict[str, str]:
    level = short[-1] if short[-1] in "区县市" else "区"
    ctx = {"R": region, "S": short, "L": level, "A": f"全{level}", "D": department, "year": str(year),
           "Y2": str(year), "B": short[:-1] if len(short) > 2 else short}
    for k, topic in enumerate(kind.topics):
        ctx[f"T{k}"] = topic
    ctx["T"] = kind.topics[0]
    return ctx


def _duties(rng: random.Random, kind: Kind, ctx: dict[str, str]) -> list[str]:
    count = rng.randint(3, 12)
    chosen = sorted(rng.sample(range(len(WORDS["duty_templates"])), min(count - 1, len(WORDS["duty_templates"]))))
    topics = list(kind.topics) + list(kind.topics)
    local = dict(ctx)
    for k in range(4):
        local[f"T{k}"] = topics[(k + rng.randrange(len(kind.topics))) % len(topics)]
    duties = [fill(WORDS["duty_templates"][i], local) for i in chosen]
    return duties + [fill(WORDS["last_duty"], ctx)]


def _offices(rng: random.Random, kind: Kind, ctx: dict[str, str]) -> list[tuple[str, str]]:
    count = rng.randint(1, min(5, len(kind.offices)))
    chosen = sorted(rng.sample(range(len(kind.offices)), count))
    return [("办公室", WORDS["office_duty"])] + [(kind.offices[i][0], fill(kind.offices[i][1], ctx)) for i in chosen]


def _basic(rng: random.Random, unit: Unit, is_department: bool, abroad: bool) -> dict[str, int]:
    """The unit's 基本支出 by economic 款 (cents)."""
    h = unit.headcount
    b: dict[str, int] = {}
    b["30101"] = random_cents(rng, 2.6 * h, 4.2 * h)
    b["30102"] = random_cents(rng, 1.8 * h, 4.0 * h)
    if unit.admin or rng.random() < 0.5:
        b["30103"] = random_cents(rng, 0.3 * h, 1.2 * h)
    if rng.random() < 0.3:
        b["30106"] = random_cents(rng, 0.01 * h, 0.05 * h)
    b["30107"] = random_cents(rng, 0.8 * h, 5.0 * h)
    wages = sum(b.values())
    b["30108"] = wages * rng.randint(14, 16) // 100
    b["30109"] = b["30108"] // 2
    b["30110"] = wages * rng.randint(6, 9) // 100
    if unit.admin and rng.random() < 0.5:
        b["30111"] = wages * rng.randint(1, 3) // 100
    b["30112"] = max(1, wages * rng.randint(1, 3) // 100)
    b["30113"] = wages * rng.randint(10, 12) // 100
    if rng.random() < 0.3:
        b["30114"] = random_cents(rng, 0.05 * h, 0.2 * h)
    if rng.random() < 0.6:
        b["30199"] = random_cents(rng, 0.2 * h, 3.0 * h)
    b["30201"] = random_cents(rng, 0.15 * h, 0.5 * h)
    for code, p, low, high in (("30205", 0.5, 0.02, 0.1), ("30206", 0.6, 0.1, 0.6), ("30207", 0.8, 0.05, 0.2),
                               ("30211", 0.8, 0.05, 0.3), ("30213", 0.3, 0.05, 0.4), ("30215", 0.3, 0.01, 0.05),
                               ("30216", 0.4, 0.01, 0.06), ("30229", 0.6, 0.05, 0.2), ("30299", 0.6, 0.02, 0.2)):
        if rng.random() < p:
            b[code] = random_cents(rng, low * h, high * h)
    if is_department or rng.random() < 0.4:
        b["30217"] = random_cents(rng, 0.2, 2.0, 10)
    if abroad and is_department:
        b["30212"] = random_cents(rng, 1.0, 6.0, 100)
    if unit.cars:
        b["30231"] = unit.cars * random_cents(rng, 1.5, 3.5, 10)
    b["30228"] = wages * 2 // 100
    if unit.admin:
        b["30239"] = random_cents(rng, 0.3 * h, 0.9 * h)
    if rng.random() < 0.6:
        b["30302"] = random_cents(rng, 0.5, 0.4 * h + 1)
    if rng.random() < 0.15:
        b["30305"] = random_cents(rng, 0.2, 2.0)
    return {code: b[code] for code in sorted(b)}


def _economic_split(rng: random.Random, name: str, amount: int) -> list[tuple[str, int]]:
    """A project's amount by economic 款, guessed from the words of its name."""
    rules = WORDS["economic_by_word"]
    main = next((code for word, code in rules if word in name), rng.choice(("30299", "30227", "30226", "30201")))
    extra = [c for c in ("30201", "30211", "30215", "30226", "30227", "31002", "31007", "30299") if c != main]
    codes = [main] + rng.sample(extra, rng.choice((0, 0, 1, 1, 2)))
    pieces = split_cents(rng, amount, len(codes), floor=50)
    if len(pieces) != len(codes):
        codes = codes[:1]
    merged: dict[str, int] = {}
    for code, cents in zip(codes, pieces, strict=True):
        merged[code] = merged.get(code, 0) + cents
    return sorted(merged.items())


def _project_names(rng: random.Random, kind: Kind, ctx: dict[str, str], count: int,
                   keep: list[str]) -> list[tuple[str, str, bool]]:
    """Distinct project names: (name, functional 项, from kind.fund)."""
    stems = [(code, stem, False) for code, stem in kind.projects]
    stems += [(kind.general, stem, False) for stem in WORDS["generic_projects"]]
    stems += [(kind.general, fill(stem, ctx), False) for stem in WORDS["long_projects"] if rng.random() < 0.3]
    rng.shuffle(stems)
    names: list[tuple[str, str, bool]] = []
    used = set(keep)
    k = 0
    while len(names) < count:
        code, stem, fund = stems[k % len(stems)]
        if k >= len(stems):
            decor = rng.randrange(2)
            if decor == 0:
                stem = fill(rng.choice(WORDS["project_prefixes"]), ctx) + stem
            else:
                stem = stem + rng.choice(WORDS["project_suffixes"])
        k += 1
        if stem in used:
            if k > 50 * len(stems):
                stem = f"{stem}（第{len(names) + 1}批）"
            else:
                continue
        used.add(stem)
        names.append((stem, code, fund))
    return names


def _citation(rng: random.Random, ctx: dict[str, str], year: int,
              forms: tuple[int, ...] = (0, 1, 2, 3, 4, 5)) -> tuple[str, TruthCitation]:
    """A citation as printed in a purpose text (starting 根据/按照/依据), and what it cites."""
    words = WORDS["citations"]
    cy = rng.randint(year - 6, year - 1)
    serial = rng.randint(1, 199)
    local = dict(ctx, Y=str(cy), Y1=str(cy + 1), Y3=str(cy + 2))
    issuer = fill(rng.choice(words["issuers"]), local)
    left, right = rng.choice((("〔", "〕"),) * 6 + (("[", "]"), ("[", "]"), ("【", "】"), ("（", "）")))
    number = f"{issuer}〔{cy}〕{serial}号"
    printed_number = f"{issuer}{left}{cy}{right}{serial}号"
    form = rng.choice(forms)
    if form == 0:
        title = fill(rng.choice(words["titles"]), local)
        return f"根据《{title}》（{printed_number}）", TruthCitation(number, issuer, title)
    if form == 1:
        meeting = fill(rng.choice(words["meetings"]), local)
        return f"根据{meeting}（〔{cy}〕{serial}号）文件精神", TruthCitation(f"〔{cy}〕{serial}号", None, meeting)
    if form == 2:
        meeting = fill(rng.choice(words["meetings_numbered"]), local)
        printed = f"{meeting}{left}{cy}{right}{serial}号"
        return f"根据《{printed}》文件精神", TruthCitation(f"{meeting}〔{cy}〕{serial}号", meeting, printed)
    if form == 3:
        return f"按照{printed_number}文件要求", TruthCitation(number, issuer, None)
    if form == 4:
        title = fill(rng.choice(words["laws"]), local)
        return f"根据《{title}》有关规定", TruthCitation(None, None, title)
    title = fill(words["yearly_notice"], local)
    return f"依据《{title}》（{printed_number}）", TruthCitation(number, issuer, title)


def target(rng: random.Random, topic: str, plain: bool) -> tuple[str, TruthTarget]:
    if plain:
        text, unit, low, high = rng.choice(WORDS["plain_targets"])
        n = rng.randint(low, high)
        return text.format(n=n), TruthTarget("=", Decimal(n), unit)
    text, comparator, unit, low, high = rng.choice(WORDS["target_templates"])
    n = rng.randint(low, high)
    return text.replace("{T}", topic).format(n=n), TruthTarget(comparator, Decimal(n), unit)


def _purpose(rng: random.Random, project: Project, ctx: dict[str, str], year: int) -> None:
    topic = rng.choice([ctx[k] for k in ctx if re.fullmatch(r"T\d", k)])
    local = dict(ctx, T=topic)
    benefit = fill(rng.choice(WORDS["benefits"]), local)
    action = fill(rng.choice(WORDS["actions"]), local)
    citations: list[TruthCitation] = []
    targets: list[TruthTarget] = []
    form = rng.randrange(5)
    if rng.random() < 0.03:  # an empty 绩效目标 cell
        project.purpose, project.citations, project.targets = "", (), ()
        return
    if form == 0:
        text = f"通过实施{project.name}项目，{action}，{benefit}。"
    elif form in (1, 2):
        cited, citation = _citation(rng, ctx, year)
        citations.append(citation)
        if rng.random() < 0.2:  # a second document, 《…》 only: "根据《A》（…）和《B》（…）"
            cited2, citation2 = _citation(rng, ctx, year, forms=(0, 2, 4, 5))
            if (citation2.number or citation2.title) not in {citation.number or citation.title}:
                cited = f"{cited}和{cited2[2:]}"
                citations.append(citation2)
        text = f"{cited}，{action}，{benefit}。"
    elif form == 3:
        clause, goal = target(rng, topic, plain=False)
        targets.append(goal)
        text = f"{action}，{clause}，{benefit}。"
    else:
        text = f"为{benefit}，{action}。"
    extra = rng.random()
    if extra < 0.15:
        local["P"], local["N"] = plain(project.amount), fill(rng.choice(WORDS["actions"]), local)
        text += fill(WORDS["purpose_amount"], local)
    elif extra < 0.25:
        local["N"], local["M"] = str(rng.randint(2, 9)), str(rng.randint(20, 150))
        text += fill(WORDS["purpose_coverage"], local)
    elif extra < 0.3:
        text += fill(WORDS["purpose_staffing"], dict(local, N=str(rng.randint(2, 5))))
        text += "等" if rng.random() < 0.5 else "。"
    project.purpose = text
    project.citations = tuple(citations)
    project.targets = tuple(targets)


def _identity(rng: random.Random, department: str | None, previous: Truth | None) -> tuple[str, Kind, str, str]:
    """(department, kind, region, short region): named, carried from the year before, or drawn."""
    if previous is not None:
        department = previous.department
    if department is None:
        region, short = rng.choice(REGIONS)
        kind = rng.choice(KINDS)
        return region + kind.core, kind, region, short
    known = next((k for k in KINDS if previous is not None and k.core == previous.kind), None)
    kind = known or _kind_of(department) or rng.choice(KINDS)
    region, short = _region_of(department)
    return department, kind, region, short


@dataclass
class _Organisation:
    duties: list[str]
    offices: list[tuple[str, str]]
    subs: list[str]
    staff: dict[str, tuple[int, int, str]]  # unit → (headcount, cars, functional 项 of its running costs)


def _organisation(rng: random.Random, kind: Kind, ctx: dict[str, str], previous: Truth | None) -> _Organisation:
    """Duties, internal offices, subordinate units and staff: the year before's, or new."""
    if previous is not None:
        return _Organisation(list(previous.duties), list(previous.units), list(previous.subordinate_units),
                             {name: (h, cars, run) for name, h, cars, run in previous.staff})
    duties = _duties(rng, kind, ctx)
    offices = _offices(rng, kind, ctx)
    count = rng.choice((0, 0, 1, 1, 2, 3)) if kind.subs else 0
    chosen = sorted(rng.sample(range(len(kind.subs)), min(count, len(kind.subs))))
    subs = [ctx["R"] + kind.subs[i][0] for i in chosen]
    staff = {ctx["D"]: (rng.randint(5, 60), rng.choice((0, 0, 1, 1, 2, 3)), kind.run)}
    for i, name in zip(chosen, subs, strict=True):
        staff[name] = (rng.randint(3, 30), rng.choice((0, 0, 0, 1)), kind.subs[i][1])
    return _Organisation(duties, offices, subs, staff)


def _units(rng: random.Random, kind: Kind, org: _Organisation, department: str, abroad: bool,
           later: bool) -> list[Unit]:
    """The budget units (the department first) with their basic spending."""
    units: list[Unit] = []
    for name in [department, *org.subs]:
        h, cars, run = org.staff[name]
        if later:
            h = max(2, h + rng.randint(-2, 3))
        is_department = name == department
        admin = is_department and kind.status != "事业"
        unit = Unit(name, admin, run, h, cars, {})
        unit.basic = _basic(rng, unit, is_department, abroad)
        if not admin and rng.random() < 0.3:  # a 事业单位 with its own 事业收入
            unit.other = {"30199": random_cents(rng, 0.2 * h, 2.0 * h)}
            if rng.random() < 0.6:
                unit.other["30226"] = random_cents(rng, 1.0, 20.0)
        units.append(unit)
    return units


def _project_specs(rng: random.Random, kind: Kind, ctx: dict[str, str], unit_names: list[str], cars: int,
                   previous: Truth | None) -> list[tuple[str, str, str, str]]:
    """(unit, name, functional 项, fund) of each project: some carried from the year before, new ones,
    政府性基金 ones of the kind, sometimes a car purchase."""
    size = rng.choice(((3, 8), (3, 12), (8, 20), (10, 30), (20, 60)))
    count = rng.randint(*size)
    carried: list[TruthProject] = []
    if previous is not None:
        carried = [p for p in previous.projects if rng.random() < 0.6][:count]
    fresh = _project_names(rng, kind, ctx, max(0, count - len(carried)), [p.name for p in previous.projects]
                           if previous else [])
    specs: list[tuple[str, str, str, str]] = [(p.unit, p.name, p.code, p.fund) for p in carried]
    for name, code, _ in fresh:
        unit = unit_names[0] if len(unit_names) == 1 or rng.random() < 0.6 else rng.choice(unit_names[1:])
        specs.append((unit, name, code, "一般公共预算"))
    if kind.fund and (rng.random() < 0.4 or (previous is not None and any(
            p.fund == "政府性基金预算" for p in previous.projects))):
        for code, stem in rng.sample(kind.fund, rng.randint(1, len(kind.fund))):
            if stem not in {s[1] for s in specs} and len(specs) < 60:
                specs.append((rng.choice(unit_names), stem, code, "政府性基金预算"))
    car_purchase = WORDS["car_purchase_project"]
    if cars and rng.random() < 0.15 and car_purchase not in {s[1] for s in specs} and len(specs) < 60:
        specs.append((unit_names[0], car_purchase, kind.general, "一般公共预算"))
    return specs


def _projects(rng: random.Random, specs: list[tuple[str, str, str, str]], ctx: dict[str, str],
              year: int) -> list[Project]:
    """Each project's amount, its split by economic 款 and its purpose text."""
    projects: list[Project] = []
    for unit, name, code, fund in specs:
        scale = rng.choice((5.0, 20.0, 60.0, 150.0, 500.0, 500.0, 3000.0))
        amount = random_cents(rng, 1.0, scale, rng.choice((1, 1, 100, 1000, 50000)))
        if name == WORDS["car_purchase_project"]:
            amount = random_cents(rng, 12, 30, 100)
            economic = [("31013", amount)]
        elif fund == "一般公共预算":
            economic = _economic_split(rng, name, amount)
        else:
            economic = []
        project = Project(unit, name, code, fund, amount, economic)
        _purpose(rng, project, ctx, year)
        projects.append(project)
    return projects


def build_model(seed: int, department: str | None, year: int, previous: Truth | None) -> Model:
    """The department of `seed` (or the one named, or the year before's) in `year`."""
    rng = random.Random(seed)
    department, kind, region, short = _identity(rng, department, previous)
    ctx = _context(region, short, department, kind, year)
    if previous is None:
        abroad = rng.random() < 0.08
    else:
        abroad = any(f.label == "因公出国（境）费" and f.value > 0 for f in previous.figures)
    org = _organisation(rng, kind, ctx, previous)
    inline_offices = rng.random() < 0.15
    list_with_he = rng.random() < 0.3
    units = _units(rng, kind, org, department, abroad, previous is not None)
    unit_names = [u.name for u in units]
    specs = _project_specs(rng, kind, ctx, unit_names, org.staff[department][1], previous)
    projects = _projects(rng, specs, ctx, year)
    order = {name: k for k, name in enumerate(unit_names)}
    projects.sort(key=lambda p: order[p.unit])
    return Model(seed, year, kind, region, short, department, ctx, org.duties, org.offices, inline_offices,
                 list_with_he, org.subs, units, projects, previous)

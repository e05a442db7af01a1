"""第三部分: the paragraphs that state the tables' figures again with their changes against last year
(一 … 五), the figures they state, and the key projects' 绩效目标 (六)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from tools.synth.data import RUNNING_DEFINITION, WORDS
from tools.synth.model import Model, target
from tools.synth.tables import Facts
from tools.synth.text import dec, fill, plain, random_cents, rate_of, rate_text
from tools.synth.truth import TruthFigure, TruthGoal, TruthTarget


@dataclass
class _Last:
    """Last year's figures (cents) that this year's are compared with."""

    total: int
    abroad: int
    car_buy: int
    car_run: int
    reception: int
    running: int


def _change(value: int, last: int) -> tuple[int, Decimal | None]:
    change = value - last
    if last == 0:
        return change, (Decimal(0) if change == 0 else None)
    return change, rate_of(change, last)


def _last_value(rng: random.Random, value: int, low: float = 0.7, high: float = 1.3) -> int:
    if rng.random() < 0.25:
        return value
    if value == 0:
        return 0 if rng.random() < 0.8 else random_cents(rng, 0.2, 3.0, 10)
    return max(1, int(value * rng.uniform(low, high)))


def _last_year(rng: random.Random, model: Model, facts: Facts) -> _Last:
    """Last year's figures: from the previous Truth, or invented."""
    if model.previous is not None:
        prev = model.previous

        def cents(label: str) -> int:
            figure = prev.figure(label)
            return int(figure.value * 100) if figure else 0

        return _Last(cents("收入预算"), cents("因公出国（境）费"), cents("公务用车购置费"), cents("公务用车运行维护费"),
                     cents("公务接待费"), cents("机关运行经费"))
    total = max(100, int(facts.total * rng.uniform(0.6, 1.5)))
    abroad, car_buy, car_run, reception = (_last_value(rng, getattr(facts, key))
                                           for key in ("abroad", "car_buy", "car_run", "reception"))
    car_buy = 0 if rng.random() < 0.9 else car_buy
    running = _last_value(rng, facts.running, 0.9, 1.1) if facts.running else 0
    return _Last(total, abroad, car_buy, car_run, reception, running)


def _change_text(change: int, rate: Decimal | None, with_rate: bool = True) -> str:
    word = "增加" if change >= 0 else "减少"
    text = f"比上年{word}{plain(abs(change))}万元"
    if with_rate and rate is not None:
        text += f"，{'增长' if rate >= 0 and change >= 0 else '下降'}{rate_text(rate)}%"
    return text


def _reason(rng: random.Random, change: int, ctx: dict[str, str], names: list[str]) -> str:
    if change == 0:
        return WORDS["reason_same"]
    pool = WORDS["reasons_up"] if change > 0 else WORDS["reasons_down"]
    picked = "、".join(names[:2]) if names else ctx["T"] + "专项"
    return fill(rng.choice(pool), dict(ctx, P=picked))


def _why(rng: random.Random, facts: Facts, key: str, change: int) -> str:
    """The reason given for a change of one 三公 figure."""
    if key == "abroad" and facts.abroad == 0 and change == 0:
        return WORDS["reason_no_abroad"]
    if change == 0:
        return WORDS["reason_same"]
    return rng.choice(WORDS["reasons_item_down" if change < 0 else "reasons_item_up"])


def _totals(rng: random.Random, model: Model, facts: Facts, last: _Last) -> tuple[str, list[TruthFigure]]:
    """一、收支增减变化: income and spending against last year, with a reason naming projects."""
    y, total = model.year, facts.total
    change, rate = _change(total, last.total)
    this_names = [p.name for p in model.projects if len(p.name) <= 16]
    prev_names = [p.name for p in model.previous.projects if len(p.name) <= 16] if model.previous else []
    old_names = [n for n in prev_names if n not in this_names] or [
        fill(WORDS["old_project_fallback"], dict(model.ctx, T=model.kind.topics[-1]))]
    reason = _reason(rng, change, model.ctx, this_names if change > 0 else old_names)
    sentence = f"{y}年本部门收入预算{plain(total)}万元，{_change_text(change, rate)}，主要原因是{reason}；"
    sentence += f"支出预算{plain(total)}万元，{_change_text(change, rate)}，主要原因是{reason}。"
    return sentence, [TruthFigure("一", label, dec(total), "万元", dec(change), rate, reason=reason) for label in ("收入预算", "支出预算")]


def _three(rng: random.Random, model: Model, facts: Facts, last: _Last) -> tuple[str, list[TruthFigure]]:
    """二、“三公”经费 and each of its items against last year."""
    c_abroad, r_abroad = _change(facts.abroad, last.abroad)
    c_buy, _ = _change(facts.car_buy, last.car_buy)
    c_run, _ = _change(facts.car_run, last.car_run)
    c_rec, r_rec = _change(facts.reception, last.reception)
    car = facts.car_buy + facts.car_run
    c_car, r_car = _change(car, last.car_buy + last.car_run)
    three = facts.abroad + car + facts.reception
    c_three, r_three = _change(three, last.abroad + last.car_buy + last.car_run + last.reception)
    text = (f"{model.year}年本部门财政拨款安排“三公”经费{plain(three)}万元，{_change_text(c_three, r_three)}，"
            f"主要原因是{_why(rng, facts, 'three', c_three)}。其中：因公出国（境）费{plain(facts.abroad)}万元，"
            f"{_change_text(c_abroad, r_abroad)}，主要原因是{_why(rng, facts, 'abroad', c_abroad)}；"
            f"公务用车购置及运行维护费{plain(car)}万元（公务用车购置费{plain(facts.car_buy)}万元，"
            f"{_change_text(c_buy, None, False)}；公务用车运行维护费{plain(facts.car_run)}万元，"
            f"{_change_text(c_run, None, False)}。）{_change_text(c_car, r_car)}，"
            f"主要原因是{_why(rng, facts, 'car', c_car)}；公务接待费{plain(facts.reception)}万元，"
            f"{_change_text(c_rec, r_rec)}，主要原因是{_why(rng, facts, 'reception', c_rec)}。")
    return text, [
        TruthFigure("二", "“三公”经费", dec(three), "万元", dec(c_three), r_three),
        TruthFigure("二", "因公出国（境）费", dec(facts.abroad), "万元", dec(c_abroad), r_abroad, "“三公”经费"),
        TruthFigure("二", "公务用车购置及运行维护费", dec(car), "万元", dec(c_car), r_car, "“三公”经费"),
        TruthFigure("二", "公务用车购置费", dec(facts.car_buy), "万元", dec(c_buy), None, "公务用车购置及运行维护费"),
        TruthFigure("二", "公务用车运行维护费", dec(facts.car_run), "万元", dec(c_run), None, "公务用车购置及运行维护费"),
        TruthFigure("二", "公务接待费", dec(facts.reception), "万元", dec(c_rec), r_rec, "“三公”经费"),
    ]


def _running(rng: random.Random, model: Model, facts: Facts, last: _Last) -> tuple[str, list[TruthFigure]]:
    """三、机关运行经费: the standard definition, then the figure against last year."""
    change, rate = _change(facts.running, last.running)
    if model.kind.status == "事业":
        reason = WORDS["reason_no_running"]
    elif change <= 0:
        reason = _why(rng, facts, "running", change)
    else:
        reason = rng.choice(WORDS["reasons_running_up"])
    text = (f"{RUNNING_DEFINITION}{model.year}年，本部门机关运行经费安排{plain(facts.running)}万元，"
            f"{_change_text(change, rate)}，主要原因是{reason}。")
    return text, [TruthFigure("三", "机关运行经费", dec(facts.running), "万元", dec(change), rate)]


def _procurement(rng: random.Random, model: Model, facts: Facts) -> tuple[str, list[TruthFigure]]:
    """四、政府采购 by 货物 / 工程 / 服务."""
    goods, works = facts.goods, facts.works
    services = facts.services * rng.randint(30, 100) // 100
    total = goods + works + services
    text = (f"{model.year}年本部门政府采购安排{plain(total)}万元，其中：货物类采购预算{plain(goods)}万元，"
            f"工程类采购预算{plain(works)}万元，服务类采购预算{plain(services)}万元等。")
    return text, [TruthFigure("四", "政府采购", dec(total), "万元"),
                  TruthFigure("四", "货物类采购预算", dec(goods), "万元", parent="政府采购"),
                  TruthFigure("四", "工程类采购预算", dec(works), "万元", parent="政府采购"),
                  TruthFigure("四", "服务类采购预算", dec(services), "万元", parent="政府采购")]


def _assets(rng: random.Random, model: Model, facts: Facts) -> tuple[str, list[TruthFigure]]:
    """五、国有资产: fixed assets held, what they are, and what will be bought."""
    y, goods = model.year, facts.goods
    assets = random_cents(rng, 30, 3000)
    before = model.previous.figure("固定资产") if model.previous is not None else None
    if before is not None:
        assets = max(100, int(int(before.value * 100) * rng.uniform(0.9, 1.2)))
    area = rng.choice((0, rng.randint(200, 9000)))
    cars = sum(u.cars for u in model.units)
    devices = rng.choice((0, 0, 0, 1, 2))
    text = (f"截至{y}年1月31日，本部门固定资产金额{plain(assets)}万元，分布构成情况为：房屋{area:,}平方米，"
            f"车辆{cars}辆，单价在100万元以上的设备{devices}台等。本年度拟购置固定资产{plain(goods)}万元")
    text += f"，主要是{model.kind.goods}等。" if goods else "。"
    return text, [TruthFigure("五", "固定资产", dec(assets), "万元"),
                  TruthFigure("五", "房屋", Decimal(area), "平方米", parent="固定资产"),
                  TruthFigure("五", "车辆", Decimal(cars), "辆", parent="固定资产"),
                  TruthFigure("五", "单价在100万元以上的设备", Decimal(devices), "台", parent="固定资产"),
                  TruthFigure("五", "拟购置固定资产", dec(goods), "万元")]


def build_explanation(rng: random.Random, model: Model, facts: Facts) -> tuple[list[str], list[TruthFigure]]:
    """第三部分 一 … 五 as paragraphs (one per section, in order), and the figures they state."""
    last = _last_year(rng, model, facts)
    paragraphs: list[str] = []
    figures: list[TruthFigure] = []
    for text, stated in (_totals(rng, model, facts, last), _three(rng, model, facts, last),
                         _running(rng, model, facts, last), _procurement(rng, model, facts),
                         _assets(rng, model, facts)):
        paragraphs.append(text)
        figures += stated
    return paragraphs, figures


def build_goals(rng: random.Random, model: Model) -> list[TruthGoal]:
    """六、重点项目预算绩效目标: one to four projects with target clauses."""
    candidates = [p for p in model.projects if len(p.name) <= 20]
    picked = sorted(rng.sample(range(len(candidates)), min(len(candidates), rng.randint(1, 4))),
                    key=lambda k: -candidates[k].amount)
    goals: list[TruthGoal] = []
    for k in picked:
        p = candidates[k]
        topic = rng.choice(model.kind.topics)
        clauses: list[str] = []
        targets: list[TruthTarget] = []
        for _ in range(rng.randint(1, 3)):
            clause, goal = target(rng, topic, plain=rng.random() < 0.2)
            if any(t.unit == goal.unit for t in targets):
                continue
            clauses.append(clause)
            targets.append(goal)
        if rng.random() < 0.4:
            clauses.append(fill(WORDS["goal_safety"], {"T": topic.removesuffix("安全")}))
        goals.append(TruthGoal(p.name, dec(p.amount), "，".join(clauses) + "。", tuple(targets)))
    return goals



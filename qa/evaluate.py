"""`kgqa eval`: score a question file (schema of shared/questions/README.md) exactly by its rules."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kg.errors import ParseError
from kg.store.embedded import OxigraphStore

MONEY = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10000)}
COUNTS = {"个", "项", "份", "条", "辆", "次", "台", "家", "名", "人", "处", "场", "部", "所", "套", "座", "间", "张", "篇", "期", "批", "户", "村", "位"}
_IGNORED = re.compile(r"[\s“”‘’「」《》\"'〔〕\[\]（）()【】]")


def _plain(text: str) -> str:
    """Text comparison ignores white space, quotes, width and bracket style."""
    from qa.normalize import to_simplified

    folded = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text or "")
    return _IGNORED.sub("", to_simplified(folded))


def value_matches(expected: dict, answer: dict) -> bool:
    value = answer.get("value")
    if value is None:
        return False
    try:
        got = Decimal(str(value))
        want = Decimal(str(expected["value"]))
    except InvalidOperation:
        return False
    want_unit = expected.get("unit") or "万元"
    got_unit = answer.get("unit")
    if want_unit == "%":
        if got_unit in (None, "") and abs(got) <= 1 and abs(want) > 1:
            got *= 100
        elif got_unit not in (None, "", "%"):
            return False
        return abs(got - want) <= Decimal("0.06")
    if want_unit in MONEY:
        if got_unit in MONEY:
            got = got * MONEY[got_unit] / MONEY[want_unit]
        elif got_unit not in (None, ""):
            return False
        return abs(got - want) <= Decimal("0.006")
    if want_unit in COUNTS and got_unit not in (None, "") and got_unit not in COUNTS:
        return False
    if want_unit not in COUNTS and got_unit not in (None, "", want_unit):
        return False
    return abs(got - want) <= Decimal("0.006")


def too_many_items(expected: dict, answer: dict) -> bool:
    """An answer that lists far more than was asked scores wrong (listing all 29 projects is not
    an answer about one of them): more items than max(3, 2 × expected, expected + 5)."""
    if "value" in expected:  # a count lists what it counts; any other figure is one thing
        counted = expected.get("unit") in COUNTS and expected["value"] == int(expected["value"])
        wanted = int(expected["value"]) if counted else 1
    else:
        wanted = len(expected.get("items") or expected.get("contains") or [])
    return len(answer.get("items") or []) > max(3, 2 * wanted, wanted + 5)


def score(expected: dict, answer: dict) -> tuple[bool, str]:
    """(correct, verdict) for one question: correct | wrong | false_refusal | hallucination."""
    if expected.get("unanswerable"):
        return (not answer.get("answered"), "correct" if not answer.get("answered") else "hallucination")
    if not answer.get("answered"):
        return False, "false_refusal"
    if too_many_items(expected, answer):
        return False, "wrong"
    if "value" in expected:
        ok = value_matches(expected, answer)
    else:
        wanted = expected.get("items") or expected.get("contains") or []
        haystack = _plain(answer.get("answer", "")) + "\n" + "\n".join(_plain(i) for i in answer.get("items") or [])
        ok = all(_plain(w) in haystack for w in wanted)
    return ok, "correct" if ok else "wrong"


@dataclass
class Result:
    id: str
    kind: str
    question: str
    expected: dict
    answer: dict
    correct: bool
    verdict: str


@dataclass
class Report:
    file: str
    results: list[Result] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(r.correct for r in self.results) / len(self.results) if self.results else 0.0

    def by_kind(self) -> dict[str, tuple[int, int]]:
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in self.results:
            table[r.kind][0] += r.correct
            table[r.kind][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(table.items())}


def read_questions(path: Path) -> list[dict]:
    questions = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ParseError(str(path), number, f"不是合法的 JSON (invalid JSON: {exc.msg})") from exc
        if not isinstance(item, dict) or "question" not in item or "answer" not in item:
            raise ParseError(str(path), number, "缺少 question 或 answer 字段 (missing question/answer)")
        questions.append(item)
    return questions


def evaluate_file(path: Path, store: OxigraphStore, service=None) -> Report:
    from qa.service import QAService

    try:
        questions = read_questions(path)
    except OSError as exc:
        raise ParseError(str(path), None, f"无法读取 (cannot read): {exc.strerror}") from exc
    service = service or QAService(store)
    report = Report(str(path))
    for item in questions:
        answer = service.ask(item["question"]).to_json()
        correct, verdict = score(item["answer"], answer)
        report.results.append(Result(item.get("id", ""), item.get("type", ""), item["question"], item["answer"], answer, correct, verdict))
    return report


def render_report(report: Report) -> str:
    lines = [f"评测 {report.file}"]
    for kind, (good, total) in report.by_kind().items():
        lines.append(f"  {kind:<13} {good}/{total}")
    for r in report.results:
        if not r.correct:
            label = {"false_refusal": "误拒 false refusal", "hallucination": "不该回答 answered an unanswerable", "wrong": "答错 wrong"}[r.verdict]
            lines.append(f"- {r.id} [{r.kind}] {label}: {r.question}")
            lines.append(f"    期望 expected: {json.dumps(r.expected, ensure_ascii=False)}")
            lines.append(f"    回答 got: {r.answer.get('answer')} (value={r.answer.get('value')}, unit={r.answer.get('unit')})")
    good = sum(r.correct for r in report.results)
    refused = sum(r.verdict == "false_refusal" for r in report.results)
    hallucinated = sum(r.verdict == "hallucination" for r in report.results)
    lines.append(
        f"accuracy {report.accuracy:.1%} ({good}/{len(report.results)}), false refusals {refused}, answered unanswerable {hallucinated}"
    )
    return "\n".join(lines)

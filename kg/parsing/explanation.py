"""第三部分 情况说明 as data: each stated figure with its change against last year and the reasons,
and the key performance goals (项目, 预算数, 绩效目标) with their measurable targets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kg.parsing.targets import find_targets
from kg.parsing.textutil import cn_number, indent, is_noise, join, parse_number
from kg.records import Figure, PerformanceGoal, Section, Span
from kg.template import load_template

SECTION = re.compile(r"^\s*([一二三四五六七八九十]+)、\s*(.+?)\s*$")
GOAL_ROW = re.compile(r"^(?P<name>(?=\S*[\u4e00-\u9fff])\S.*?)\s+(?P<amount>\d[\d,]*(?:\.\d+)?)(?:\s+(?P<text>\S.*))?$")
AS_OF = re.compile(r"截[至止](\d{4}年\d{1,2}月\d{1,2}日)")
DELIMITERS = "，；。：,;:"


def _event_pattern() -> re.Pattern[str]:
    template = load_template()
    units = sorted([*template.figure_units, "%"], key=len, reverse=True)
    cues = "|".join(map(re.escape, template.detail_cues))
    return re.compile(
        rf"(?P<cue>{cues})(?P<ctext>[^；。]*)"
        rf"|(?P<num>\d[\d,]*(?:\.\d+)?)(?P<unit>{'|'.join(map(re.escape, units))})"
        r"|(?P<open>[（(])|(?P<close>[）)])|(?P<stop>。)|(?P<flat>(?:与|和|同|比)上年(?:度)?持平)"
    )


def parse_explanation(lines: list[str], start: int, end: int, source: str):
    sections: list[Section] = []
    heads = [
        (i, m.group(1), m.group(2))
        for i in range(start, end)
        if (m := SECTION.match(lines[i])) and indent(lines[i]) == 0 and cn_number(m.group(1)) is not None
    ]
    figures: list[Figure] = []
    goals: list[PerformanceGoal] = []
    keys = load_template().explanation_sections
    for k, (i, number, title) in enumerate(heads):
        stop = heads[k + 1][0] if k + 1 < len(heads) else end
        body = [(j + 1, lines[j]) for j in range(i + 1, stop) if lines[j].strip() and not is_noise(lines[j])]
        headers = [k for k, (_, t) in enumerate(body) if _is_goal_header(t)]
        text = join([t for k, (_, t) in enumerate(body) if k not in headers[1:]])  # a table header repeated after a page break is layout
        span = Span(i + 1, body[-1][0] if body else i + 1)
        sections.append(Section(number, title, text, span))
        if keys.get("六", "\0") in title:
            goals.extend(_goals(body))
        else:
            offset = len(figures)
            for figure in _figures(number, body):
                figure.parent = None if figure.parent is None else figure.parent + offset
                figures.append(figure)
    return sections, figures, goals


def _line_of(offsets: list[tuple[int, int]], position: int) -> int:
    line = offsets[0][1]
    for offset, number in offsets:
        if offset > position:
            break
        line = number
    return line


def _figures(section: str, body: list[tuple[int, str]]) -> list[Figure]:
    """Scan the section's prose for '<label><number><unit>' and what follows each figure."""
    offsets: list[tuple[int, int]] = []
    parts: list[str] = []
    length = 0
    for number, raw in body:
        piece = join([raw])
        offsets.append((length, number))
        parts.append(piece)
        length += len(piece)
    text = "".join(parts)
    if not text:
        return []
    scan = _Scan(section, text, offsets)
    for match in _event_pattern().finditer(text):
        scan.event(match)
    return scan.figures


@dataclass
class _Scan:
    """One pass over a section's prose: each event (a cue, a bracket, a full stop, 持平, a number)
    updates which figure the next change or reason belongs to and which figure lists hang under."""

    section: str
    text: str
    offsets: list[tuple[int, int]]
    figures: list[Figure] = field(default_factory=list)
    current: int | None = None  # figure that the next change/reason belongs to
    anchor: int | None = None  # parent for 其中/构成 lists, until the sentence ends
    brackets: list[int | None] = field(default_factory=list)
    label_start: int = 0
    last_end: int = 0
    as_of: str | None = None

    def event(self, match: re.Match[str]) -> None:
        if match.group("cue"):
            self._cue(match)
        elif match.group("open"):
            self._open(match)
        elif match.group("close"):
            self._close(match)
        elif match.group("stop"):
            if not self.brackets:
                self.anchor = None
            self.label_start = match.end()
        elif match.group("flat"):
            self._flat(match)
        elif not self._change(match):
            self._figure(match)

    def _cue(self, match: re.Match[str]) -> None:
        if self.current is not None:
            detail = match.group("ctext").strip("，, ")
            if match.group("cue").startswith("主要原因"):
                self.figures[self.current].reason = detail
            else:
                self.figures[self.current].detail = detail
        self.label_start = self.last_end = match.end()

    def _open(self, match: re.Match[str]) -> None:
        opens_group = match.start() == self.last_end and self.current is not None and self.last_end > 0
        self.brackets.append(self.current if opens_group else None)
        if opens_group:
            self.label_start = match.end()

    def _close(self, match: re.Match[str]) -> None:
        parent = self.brackets.pop() if self.brackets else None
        if parent is not None:
            self.current = parent
            self.label_start = self.last_end = match.end()

    def _flat(self, match: re.Match[str]) -> None:
        if self.current is not None and self.figures[self.current].change is None:
            figure = self.figures[self.current]
            figure.change = Decimal(0)
            figure.change_rate = Decimal(0)
            figure.change_text = match.group("flat")
        self.label_start = match.end()

    def _change(self, match: re.Match[str]) -> bool:
        """A number that states the current figure's change against last year (amount or rate)."""
        before = self.text[self.label_start: match.start()]
        unit = match.group("unit")
        change = re.search(r"(比上年|较上年|同比|[比较]\d{4}年(?:预算)?)?(增加|减少|增长|下降|上升|降低)$", before)
        if not (change and self.current is not None and (change.group(1) or unit == "%")):
            return False
        value = parse_number(match.group("num"))
        sign = -1 if change.group(2) in ("减少", "下降", "降低") else 1
        figure = self.figures[self.current]
        if unit == "%":
            figure.change_rate = sign * value
        else:
            figure.change = sign * value
            figure.change_text = self.text[match.start() - len(change.group(0)): match.end()]
        self.label_start = self.last_end = match.end()  # the next figure's text starts after this change
        return True

    def _figure(self, match: re.Match[str]) -> None:
        """A stated figure: its label is the text since the last delimiter."""
        text = self.text
        unit = match.group("unit")
        if unit == "%" or text.startswith(("以上", "以下", "以内"), match.end()):
            return
        before = text[self.label_start: match.start()]
        cut = max((before.rfind(d) for d in DELIMITERS), default=-1)
        head = before[:cut + 1] if cut >= 0 else ""
        label = _clean_label(before[cut + 1:])
        if not label:
            return
        date = AS_OF.search(text[max(0, self.label_start - 40): match.start()])
        self.as_of = date.group(1) if date else self.as_of
        if "其中" in head or "构成" in head or head.endswith(("：", ":")):
            self.anchor = self.anchor if self.anchor is not None else self.current
        parent = next((b for b in reversed(self.brackets) if b is not None), None)
        if parent is None:
            parent = self.anchor
        self.figures.append(
            Figure(
                section=self.section,
                label=label,
                value=parse_number(match.group("num")),
                unit=unit,
                text=text[self.label_start: match.end()].lstrip("，,；;。"),
                span=Span(_line_of(self.offsets, match.start()), _line_of(self.offsets, match.end() - 1)),
                parent=parent,
                as_of=self.as_of if label and date else None,
            )
        )
        self.current = len(self.figures) - 1
        if parent is None:
            self.anchor = None
        self.label_start = self.last_end = match.end()


def _clean_label(raw: str) -> str:
    template = load_template()
    label = re.sub(r"^\d{4}年(\d{1,2}月(\d{1,2}日)?)?", "", raw.strip("，,；;。：: "))
    label = re.sub(r"^(其中|截[至止].*?日)", "", label).strip("，,：: ")
    changed = True
    while changed and label:
        changed = False
        for prefix in template.figure_label_prefixes:
            if label.startswith(prefix) and len(label) > len(prefix):
                label, changed = label[len(prefix):], True
        for suffix in template.figure_label_suffixes:
            if label.endswith(suffix) and len(label) > len(suffix):
                label, changed = label[: -len(suffix)], True
    return label.strip()


def _is_goal_header(line: str) -> bool:
    return all(word in line for word in load_template().goal_header)


def _goals(body: list[tuple[int, str]]) -> list[PerformanceGoal]:
    goals: list[PerformanceGoal] = []
    texts: list[list[tuple[int, str]]] = []
    for number, raw in body:
        line = raw.strip().strip("\u3000")
        if _is_goal_header(line):
            continue  # the goals table's header, repeated on each page
        if line.startswith(("注：", "注:")):
            break
        match = GOAL_ROW.match(line)
        amount = parse_number(match.group("amount")) if match else None
        if match and amount is not None and not line.endswith(("。", "；")):
            goals.append(PerformanceGoal(join([match.group("name")]), amount, match.group("amount"), "", Span(number, number)))
            texts.append([(number, match.group("text"))] if match.group("text") else [])
        elif goals:
            texts[-1].append((number, line))
    for goal, lines in zip(goals, texts, strict=True):
        goal.goal = join([t for _, t in lines])
        if lines:
            goal.span = Span(goal.span.start, lines[-1][0])
        goal.targets = find_targets(goal.goal)
    return goals


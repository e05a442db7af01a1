"""The document's text as a PDF text extraction gives it: lines with blank lines between, names and
prose wrapped at the column width, page breaks with page numbers and repeated table headers."""

from __future__ import annotations

import random
from decimal import Decimal

from tools.synth.data import HEADERS, PARTS, STANDARD, TITLES
from tools.synth.model import Model
from tools.synth.text import cn, fill, money, plain, wrap
from tools.synth.truth import Truth, TruthProject, TruthTable


class Writer:
    """Lines as a PDF text extraction gives them: blank lines between lines, page breaks with their artefacts."""

    def __init__(self, rng: random.Random, department: str) -> None:
        self.rng = rng
        self.department = department
        self.lines: list[str] = []
        self.capacity = rng.randint(24, 44)
        self.used = 0
        self.page = rng.randint(1, 3)
        self.fresh = True  # the next line is the first of a page: a leading space, no blank line before
        self.header: str | None = None
        self.prose_width = rng.randint(26, 29)

    def put(self, text: str, blank: bool = True) -> None:
        if self.fresh:
            if not self.lines or self.lines[-1] != "":
                text = " " + text
            self.fresh = False
        elif blank and self.lines:
            self.lines.append("")
        self.lines.append(text)
        self.used += 1

    def new_page(self) -> None:
        """A page break: sometimes the page number, then the next line starts the page."""
        self.page += 1
        self.used = 0
        if self.lines and self.rng.random() < 0.25:
            self.lines += ["", f"- {self.page - 1} -", "", "", ""]
        self.fresh = True

    def room(self, cost: int) -> None:
        """Break the page first if `cost` more lines do not fit; tables repeat their header."""
        if self.used + cost > self.capacity and self.used > 0:
            self.new_page()
            if self.header is not None:
                self.block(self.header)
                self.used = 0  # the page's rows: the header is not counted

    def block(self, text: str) -> None:
        """Lines exactly as given ("\\n\\n" = a blank line between)."""
        for chunk in text.split("\n\n"):
            for k, line in enumerate(chunk.split("\n")):
                self.put(line, blank=k == 0)

    def prose(self, text: str, indent: str = "", width: int | None = None) -> None:
        width = width or self.prose_width
        for k, line in enumerate(wrap(text, width - len(indent), width)):
            self.room(1)
            self.put((indent if k == 0 else "") + line)

    def row(self, lines: list[tuple[str, bool]], splittable: bool = False) -> None:
        """A table row (lines with: blank line before?), kept on one page unless it is tall and `splittable`."""
        left = self.capacity - self.used
        if splittable and self.header is not None and len(lines) > left >= 2 and self.rng.random() < 0.5:
            for text, blank in lines[:left]:
                self.put(text, blank)
            self.room(self.capacity + 1)  # the page ends inside the row; the header repeats
            lines = lines[left:]
        else:
            self.room(len(lines))
        for text, blank in lines:
            self.put(text, blank)

    def table_start(self, number: int, header: str) -> None:
        if self.lines:
            self.new_page()
        self.put(f"单位：万元单位名称：{self.department}")
        self.put(f"表{number}")
        self.put(TITLES[number])
        self.header = None
        self.block(header)
        self.header = header
        self.used = 0

    def table_end(self, note: list[str]) -> None:
        self.header = None
        self.room(len(note))
        for k, line in enumerate(note):
            self.put(line, blank=k == 0)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _amounts(cents: tuple[Decimal, ...]) -> str:
    return " ".join(money(int(c * 100)) for c in cents)


def _name_lines(rng: random.Random, name: str, indent: str, first: int, width: int, amounts: str,
                code: str | None = None) -> list[tuple[str, bool]]:
    """A row whose name is broken over lines: fragments with blank lines between, amounts on the last line."""
    fragments = wrap(name, first, width)
    lines: list[tuple[str, bool]] = []
    if code is not None:
        if rng.random() < 0.2:
            lines.append((f"{code} {indent}{fragments[0]}", True))
        else:
            lines += [(code, True), (indent + fragments[0], False)]
    else:
        lines.append((indent + fragments[0], True))
    lines += [(f, True) for f in fragments[1:]]
    style = rng.random()
    if style < 0.15:
        text, blank = lines[-1]
        lines[-1] = (f"{text} {amounts}", blank)
    else:
        lines.append((amounts, style > 0.85))
    return lines


def _render_two_sided(w: Writer, table: TruthTable) -> None:
    rows = list(table.rows)
    k = 0
    while k < len(rows):
        row = rows[k]
        pair = [row]
        if row.side == "收入" and k + 1 < len(rows) and rows[k + 1].side == "支出":
            pair.append(rows[k + 1])
        text = " ".join(f"{r.ordinal or ''}{r.label} {money(int(r.amounts[0] * 100))}" for r in pair)
        if row.label == "用事业基金弥补收支差额" and w.rng.random() < 0.3:
            head = f"{row.ordinal}用事业基金弥补收支"
            w.row([(head, True), (text[len(head):], True)])
        else:
            w.row([(text, True)])
        k += len(pair)


def _render_classified(w: Writer, table: TruthTable, rng: random.Random, width: int, bracket: bool) -> None:
    for row in table.rows:
        amounts = _amounts(row.amounts)
        if row.code is None:
            w.row([(f"合计 {amounts}", True)])
            continue
        depth = {3: 0, 5: 1, 7: 2}[len(row.code)]
        indent = "\u3000" * depth
        if bracket:
            w.row([(f"{indent}[{row.code}]{row.label} {amounts}", True)])
        elif depth + len(row.label) <= width:
            if depth == 2 and rng.random() < 0.08:
                w.row([(row.code, True), (f"{indent}{row.label} {amounts}", False)])
            else:
                w.row([(f"{row.code} {indent}{row.label} {amounts}", True)])
        else:
            w.row(_name_lines(rng, row.label, indent, width - depth, width, amounts, code=row.code))


def _render_units(w: Writer, table: TruthTable, rng: random.Random, projects: dict[str, TruthProject],
                  purpose_width: int) -> None:
    for row in table.rows:
        amounts = _amounts(row.amounts)
        if row.kind == "total":
            w.row([(f"合计 {amounts}", True)])
        elif row.kind == "unit":
            if len(row.label) <= 12 and rng.random() < 0.1:
                w.row([(row.label, True), (amounts, False)])
            elif len(row.label) <= 12:
                w.row([(f"{row.label} {amounts}", True)])
            else:
                w.row(_name_lines(rng, row.label, "", 12, 12, amounts))
        elif row.kind == "item":
            w.row([(f"\u3000{row.label} {amounts}", True)])
        else:
            first = rng.choice((9, 10, 10, 11))
            if len(row.label) <= first:
                lines = [(f"\u3000\u3000{row.label} {amounts}", True)]
            else:
                lines = _name_lines(rng, row.label, "\u3000\u3000", first, 12, amounts)
            purpose = wrap(projects[row.label].purpose, purpose_width, purpose_width)
            tight = rng.random() < 0.2
            lines += [(line, not (k == 0 and tight)) for k, line in enumerate(purpose)]
            w.row(lines, splittable=True)


def _render_table8(w: Writer, table: TruthTable) -> None:
    prefixes = ["", "", "\u3000\u3000其中：", "\u3000" * 5, "\u3000" * 8, "\u3000" * 8, "\u3000" * 5]
    for prefix, row in zip(prefixes, table.rows, strict=True):
        w.row([(f"{prefix}{row.ordinal or ''}{row.label} {_amounts(row.amounts)}", True)])


def _overview(w: Writer, model: Model, truth: Truth) -> None:
    """第一部分: duties, internal offices, the budget's composition."""
    titles = STANDARD["overview_titles"]
    w.put(f"{PARTS['overview']} {model.department}概况")
    w.put(titles[0])
    for k, duty in enumerate(truth.duties):
        w.prose(f"（{cn(k + 1)}）{duty}", indent="" if k == 0 else "\u3000\u3000")
    w.put(titles[1])
    for k, (name, duty) in enumerate(truth.units):
        if model.inline_offices:
            w.prose(f"（{cn(k + 1)}）{name}：{duty}", indent="" if k == 0 else "\u3000\u3000")
        else:
            w.room(1)
            w.put(("" if k == 0 else "\u3000\u3000") + f"（{cn(k + 1)}）{name}")
            w.prose(duty, indent="\u3000\u3000")
    w.put(titles[2])
    w.prose(_composition(model, truth.subordinate_units))


def _composition(model: Model, subs: tuple[str, ...]) -> str:
    """三、部门预算构成: the units in the budget, or that there are none below the department."""
    if not subs:
        return fill(STANDARD["no_subordinates"], model.ctx)
    names = "、".join([f"{model.department}（本级）", *subs])
    if len(subs) >= 2 and model.list_with_he:  # "A（本级）、B和C"
        names = names[: -len(subs[-1]) - 1] + "和" + subs[-1]
    listed = subs[0] if len(subs) == 1 else "、".join(subs[:-1]) + "和" + subs[-1]
    return fill(STANDARD["composition"], dict(model.ctx, year=str(model.year), N=str(len(subs) + 1), U=names, V=listed))


def _tables(w: Writer, model: Model, truth: Truth, rng: random.Random) -> None:
    """第二部分: 表1 … 表12, each with its title, header (repeated after page breaks) and note."""
    w.new_page()
    w.put(f"单位：万元单位名称：{model.department}")
    w.put(f"{PARTS['tables']} {model.year}年部门预算表")
    w.put("表1")
    w.put(TITLES[1])
    w.block(HEADERS[1])
    w.header = HEADERS[1]
    w.used = 0
    projects = {p.name: p for p in truth.projects}
    purpose_width = rng.randint(23, 26)
    for table in truth.tables:
        n = table.number
        if n != 1:
            w.table_start(n, HEADERS[n])
        if n in (1, 4):
            _render_two_sided(w, table)
        elif n in (2, 3, 9, 10):
            _render_classified(w, table, rng, {2: 12, 3: 13}.get(n, 22), bracket=False)
        elif n in (5, 6, 7):
            _render_classified(w, table, rng, 40, bracket=True)
        elif n == 8:
            _render_table8(w, table)
        else:
            _render_units(w, table, rng, projects, purpose_width)
        note = list(STANDARD["note_t1"]) if n == 1 else [STANDARD["note_t4"]] if n == 4 else [f"注：{table.note}"]
        w.table_end(note)


def _explanation(w: Writer, model: Model, truth: Truth, paragraphs: list[str], rng: random.Random) -> None:
    """第三部分: sections 一 … 五, then 六 with the key projects' goals as a table."""
    y = model.year
    w.new_page()
    w.put(f"{PARTS['explanation']} {y}年部门预算情况说明")
    titles = STANDARD["explanation_titles"]
    for k, (title, text) in enumerate(zip(titles[:5], paragraphs, strict=True)):
        w.room(2)
        w.put(f"{cn(k + 1)}、{title}")
        w.prose(text)
    goal_width = rng.randint(18, 21)
    rows = [[(f"{goal.project} {plain(int(goal.amount * 100))}", True)]
            + [(line, True) for line in wrap(goal.text, goal_width, goal_width)] for goal in truth.goals]
    w.room(4 + (len(rows[0]) if rows else 0))  # the heading, the header and the first goal on one page
    w.put(f"六、{titles[5]}")
    w.prose(f"{y}年，本部门重点项目绩效目标情况如下：")
    w.put(STANDARD["goals_header"])
    w.header = STANDARD["goals_header"]
    for lines in rows:
        w.row(lines)
    w.header = None
    w.room(1)
    w.put("注：无。")


def render(model: Model, truth: Truth, paragraphs: list[str], rng: random.Random) -> str:
    """The whole document: 第一部分 … 第四部分."""
    w = Writer(rng, model.department)
    _overview(w, model, truth)
    _tables(w, model, truth, rng)
    _explanation(w, model, truth, paragraphs, rng)
    w.new_page()
    w.put(f"{PARTS['glossary']} 名词解释")
    for k, (term, definition) in enumerate(truth.glossary):
        w.prose(f"{cn(k + 1)}、{term}: {definition}")
    return w.text()

"""The answer object: one Chinese sentence, the figure, its sources and the query that found it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Source:
    document: str  # e.g. 广州市天河区财政局2025年部门预算
    table: str  # e.g. 表6 一般公共预算基本支出情况表（按经济分类科目） or 第三部分二
    row: str  # the row label or the sentence
    line: int | None = None
    page: int | None = None  # a document read from a PDF: the page a reader finds the figure on

    def cite(self) -> str:
        where = f"，第{self.page}页" if self.page else f"，第{self.line}行" if self.line else ""
        quoted = f"「{self.row}」" if "“" in self.row else f"“{self.row}”"
        return f"《{self.document}》{self.table}，{quoted}{where}"


@dataclass
class Answer:
    question: str
    answered: bool
    answer: str
    value: Decimal | None = None
    unit: str | None = None
    items: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    query: str = ""
    suggestions: list[str] = field(default_factory=list)
    intent: str = "refuse"
    frame: dict = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        value = None
        if self.value is not None:
            value = int(self.value) if self.value == self.value.to_integral_value() and abs(self.value) < 10**15 else float(self.value)
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.answer,
            "value": value,
            "unit": self.unit,
            "items": self.items,
            "sources": [{"document": s.document, "table": s.table, "row": s.row, "line": s.line, "page": s.page}
                        for s in self.sources],
            "query": self.query,
            "suggestions": self.suggestions,
            "intent": self.intent,
            "frame": self.frame,
            "rows": self.rows,
        }

    def render_text(self) -> str:
        lines = [self.answer]
        if self.sources:
            lines.append("来源：" + "；".join(s.cite() for s in self.sources[:6]))
        if self.suggestions:
            lines.append("您是不是要问：" + " / ".join(self.suggestions))
        return "\n".join(lines)

    def citation(self) -> str:
        """A copyable citation line for a journalist."""
        if not self.sources:
            return ""
        return "；".join(s.cite() for s in self.sources[:3])


def fmt(value: Decimal, unit: str | None = "万元") -> str:
    """A figure as printed: two decimals for money, plain for counts. No thousands separators: Chinese
    news copy writes 1200.50万元, and readers quote the figure as they compute it."""
    if unit in ("万元", "元", "亿元"):
        return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"
    if unit == "%":
        return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"
    normal = value.normalize()
    return f"{normal:f}" if normal == normal.to_integral_value() or "." in f"{normal:f}" else str(value)


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

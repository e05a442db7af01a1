"""Dump every answer of the question files as JSON lines (value, unit, items, sources, answer text,
shown query), so a change that must not change answers can be checked with `diff`.

    python bench/answer_dump.py STORE_ROOT OUT.jsonl FILE.jsonl:STORE_NAME ...
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.store.embedded import OxigraphStore
from qa.service import QAService


def main(root: str, out: str, pairs: list[str]) -> None:
    with open(out, "w", encoding="utf-8") as handle:
        for pair in pairs:
            file, name = pair.rsplit(":", 1)
            service = QAService(OxigraphStore(Path(root) / name))
            for line in Path(file).read_text("utf-8").splitlines():
                if not line.strip():
                    continue
                item = json.loads(line)
                answer = service.ask(item["question"]).to_json()
                kept = {k: answer[k] for k in ("answered", "answer", "value", "unit", "items", "sources", "query")}
                handle.write(json.dumps({"file": Path(file).name, "id": item.get("id"), **kept}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])

"""Uploads and questions at the same time: nothing is corrupted, no question fails, and a
failed upload in the middle changes nothing."""

from __future__ import annotations

import threading
from pathlib import Path

from kg.checks.verify import verify
from tools.synth import generate
from ui.state import AppState

FIXTURES = Path(__file__).parent / "fixtures"


def test_concurrent_uploads_and_questions(tmp_path):
    state = AppState(tmp_path / "store", workers=1)
    try:
        uploads = [
            ("culture.txt", (FIXTURES / "qingcheng_culture_tourism_2025.txt").read_bytes()),
            ("broken.txt", b"<html><body>not a budget</body></html>"),
            ("generated.txt", generate(21)[0].encode("utf-8")),
        ]
        errors: list[str] = []
        answers: list[bool] = []
        stop = threading.Event()

        def ask() -> None:
            while not stop.is_set():
                try:
                    answer = state.ask("津贴补贴多少万？")
                    answers.append(answer.answered)  # one figure, or each department's when two are loaded (then no one value)
                except Exception as exc:  # noqa: BLE001 - any failure is what this test looks for
                    errors.append(repr(exc))

        def upload(name: str, data: bytes) -> None:
            try:
                state.add_document(name, data)
            except Exception as exc:  # noqa: BLE001
                errors.append(f"{name}: {type(exc).__name__}")

        askers = [threading.Thread(target=ask) for _ in range(4)]
        for thread in askers:
            thread.start()
        loaders = [threading.Thread(target=upload, args=item) for item in uploads]
        for thread in loaders:
            thread.start()
        for thread in loaders:
            thread.join()
        stop.set()
        for thread in askers:
            thread.join()

        assert [e for e in errors if not e.startswith("broken.txt: ")] == []
        assert [e for e in errors if e.startswith("broken.txt: ")] == ["broken.txt: ParseError"]
        assert answers and all(answers)
        sources = sorted(d.source for d in state.documents())
        assert sources == sorted(["qingcheng_bigdata_center_2025.txt", "culture.txt", "generated.txt"])
        assert all(v.ok for v in verify(state.store))
    finally:
        state.close()

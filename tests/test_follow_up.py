"""Follow-ups keep the previous question's department, unit and year unless the new question names
others — in the QA session, the CLI's stdin session, the HTTP API's session and the Gradio chat.
Three documents are loaded: two departments, one of them in two years. Figures were read off the
documents in tests/fixtures."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import BIGDATA, CULTURE, CULTURE_2024
from fastapi.testclient import TestClient

from kg.pipeline import build_store
from kg.store.embedded import OxigraphStore
from qa.service import QAService
from ui.app import Handlers

# (question, expected value) in one session: each line keeps what the one before it named
DIALOGUE = [
    ("文广旅体局2024年的三公经费是多少？", Decimal("6.70")),
    ("那项目支出呢？", Decimal("501.58")),  # the department and the year kept
    ("基本支出多少万元", Decimal("468.53")),  # a whole question, naming neither: both kept
    ("2025年呢？", Decimal("491.80")),  # a new year, the department kept
    ("大数据中心的呢？", Decimal("394.17")),  # a new department, the year kept
    ("项目支出是多少？", Decimal("922.08")),
]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("three")
    build_store([BIGDATA, CULTURE, CULTURE_2024], OxigraphStore(root))
    return root


@pytest.fixture(scope="module")
def client(store_dir):
    from ui.server import create_app

    with TestClient(create_app(store_dir, query_timeout=5.0)) as c:
        yield c


def test_a_session_keeps_department_unit_and_year(client):
    service: QAService = client.app.state.budgetkg.service
    session = service.new_session()
    for question, value in DIALOGUE:
        answer = service.ask(question, session)
        assert answer.answered and answer.value == value, (question, answer.answer)
    unit = service.new_session()
    assert service.ask("文广旅体局2024年图书馆的基本支出是多少？", unit).value == Decimal("111.35")
    follow = service.ask("那项目支出呢？", unit)
    assert follow.value == Decimal("85.80") and "2024年" in follow.answer, follow.answer  # the unit and the year kept
    alone = service.ask("那项目支出呢？")  # no session: nothing kept, every document's figure
    assert all(v in alone.answer for v in ("922.08", "421.93", "501.58")), alone.answer


def test_questions_over_all_departments_or_both_years_keep_nothing(client):
    service: QAService = client.app.state.budgetkg.service
    session = service.new_session()
    assert service.ask("大数据中心的三公经费是多少？", session).value == Decimal("0.40")
    ranked = service.ask("哪个部门的三公经费最多？", session)
    assert ranked.value == Decimal("6.00") and ranked.intent == "cross_department", ranked.answer
    session = service.new_session()
    assert service.ask("文广旅体局2025年的项目支出是多少？", session).value == Decimal("421.93")
    both = service.ask("两年的项目支出加起来是多少？", session)
    assert both.value == Decimal("923.51"), both.answer


def test_the_cli_reads_one_session_from_stdin(store_dir):
    questions = "\n".join(q for q, _ in DIALOGUE) + "\n"
    done = subprocess.run([sys.executable, "-m", "ui.cli", "ask", "--json", "--store", str(store_dir)], input=questions,
                          capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr
    values = [json.loads(line)["value"] for line in done.stdout.splitlines()]
    assert values == [float(v) for _, v in DIALOGUE], done.stdout


def test_the_http_session_keeps_the_scope(client):
    first = client.post("/api/ask", json={"question": DIALOGUE[0][0]})
    session = first.headers["x-session-id"]
    for question, value in DIALOGUE[1:]:
        answer = client.post("/api/ask", json={"question": question, "session": session}).json()
        assert answer["value"] == float(value), (question, answer["answer"])


def test_the_gradio_chat_keeps_the_scope(client):
    handlers = Handlers(client.app.state.budgetkg)
    history, session = [], None
    for question, value in DIALOGUE:
        result = handlers.ask(question, history, session)
        history, session = result.history, result.session
        assert result.answer.value == value, (question, result.answer.answer)

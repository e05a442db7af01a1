"""Fixtures shared by the question-answering tests: a QA service over a store built from the
corpus documents in tests/fixtures (one store per test module, as the answers' cache is per store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import build_store
from kg.store.embedded import OxigraphStore
from qa.service import QAService

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
CULTURE_2024 = FIXTURES / "qingcheng_culture_tourism_2024.txt"


def qa_service(tmp_path_factory, *docs: Path) -> QAService:
    store = OxigraphStore(tmp_path_factory.mktemp("store"))
    build_store(list(docs), store)
    return QAService(store)


def synth_service(folder: Path, seed: int, department: str | None, year: int | None = None):
    """A QA service over one generated document (tools.synth), with the document's truth."""
    from kg.pipeline import replace_documents
    from tools.synth import generate

    text, truth = generate(seed, department=department, year=year)
    store = OxigraphStore(folder)
    replace_documents([("synth.txt", text.encode())], store)
    return QAService(store), truth


def truth_row(truth, number: int, label: str, unit: str | None = None):
    """The row of a generated document's table N with that label (of that budget unit, in 表11)."""
    return next(r for r in truth.table(number).rows if r.label == label and (unit is None or r.unit == unit))


def project_amount(truth, name: str):
    """A generated project's 表12 total, by its name."""
    return next(p.amounts[0] for p in truth.projects if p.name == name)


def project_amounts(truth) -> dict:
    """A generated document's projects by name, each with its 表12 total."""
    return {p.name: p.amounts[0] for p in truth.projects}


def figure_value(truth, label: str):
    """A generated figure of 第三部分, by its label."""
    return next(f.value for f in truth.figures if f.label == label)


def goal_target(truth, project: str, unit: str):
    """A generated key project's target value in that unit (场, 天, 人次)."""
    goal = next(g for g in truth.goals if g.project == project)
    return next(t.value for t in goal.targets if t.unit == unit)


def last_year_value(truth, label: str):
    """A generated figure of 第三部分 worked back by its stated change: last year's value."""
    figure = next(f for f in truth.figures if f.label == label)
    return figure.value - figure.change


def same_answer(service, told: str, direct: str) -> None:
    """A question asked with asides or loosely gives the figure and items of the plain question, which is answered."""
    expected, answer = service.ask(direct), service.ask(told)
    assert expected.answered and (answer.value, answer.items) == (expected.value, expected.items), answer.answer


def same_value(service, told: str, direct: str) -> None:
    """A question asked with asides or loosely gives the figure of the plain question, which gives one."""
    expected, answer = service.ask(direct), service.ask(told)
    assert expected.value is not None and answer.value == expected.value, answer.answer


def synth_years_service(folder: Path, seed: int, department: str, later_seed: int | None = None):
    """A QA service over one generated department in 2024 and 2025 (tools.synth), with each year's truth;
    the later year from its own seed when one is given (as the question sets' writers' documents are)."""
    from kg.pipeline import replace_documents
    from tools.synth import generate

    text_2024, earlier = generate(seed, department=department, year=2024)
    text_2025, later = generate(seed if later_seed is None else later_seed, department=department, previous=earlier)
    store = OxigraphStore(folder)
    replace_documents([("2024.txt", text_2024.encode()), ("2025.txt", text_2025.encode())], store)
    return QAService(store), earlier, later


@pytest.fixture(scope="module")
def hr(tmp_path_factory):
    """A generated human-resources bureau with families of one name (tools.synth seed 3902, no department given)."""
    return synth_service(tmp_path_factory.mktemp("hr"), 3902, None)


@pytest.fixture(scope="module")
def legal(tmp_path_factory):
    """A generated justice bureau with no subordinate units (tools.synth seed 3902), with its truth."""
    return synth_service(tmp_path_factory.mktemp("legal"), 3902, "金禾市桐溪区司法局")


@pytest.fixture(scope="module")
def market(tmp_path_factory):
    """A generated market supervision bureau with two subordinate units (seed 3901), with its truth."""
    return synth_service(tmp_path_factory.mktemp("market"), 3901, "北渚市芦湾区市场监督管理局")


@pytest.fixture(scope="module")
def bigdata(tmp_path_factory) -> QAService:
    return qa_service(tmp_path_factory, BIGDATA)


@pytest.fixture(scope="module")
def culture(tmp_path_factory) -> QAService:
    return qa_service(tmp_path_factory, CULTURE)


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    """A generated statistics bureau in 2024 and 2025 (seed 3905), with each year's truth."""
    return synth_years_service(tmp_path_factory.mktemp("years"), 3905, "青岚市松汀区统计局")


@pytest.fixture(scope="module")
def resources(tmp_path_factory):
    """A generated natural resources bureau with three units and a project beside its 续建 (seed 3904)."""
    return synth_service(tmp_path_factory.mktemp("resources"), 3904, "南屿市渔歌区自然资源局")


@pytest.fixture(scope="module")
def sanitation(tmp_path_factory):
    """A generated urban management bureau whose unit 环境卫生管理所 is called 环卫所 (seed 539301)."""
    return synth_service(tmp_path_factory.mktemp("sanitation"), 539301, "南屿市渔歌区城市管理和综合执法局")


@pytest.fixture(scope="module")
def civil_2025(tmp_path_factory):
    """A generated civil affairs bureau in 2025 with lottery-fund projects (seed 56120), with its truth."""
    return synth_service(tmp_path_factory.mktemp("civil"), 56120, "青岚市鹿鸣县民政局", 2025)


@pytest.fixture(scope="module")
def reform_2025(tmp_path_factory):
    """A generated development and reform bureau in 2025 with one subordinate unit (seed 56171), with its truth."""
    return synth_service(tmp_path_factory.mktemp("reform"), 56171, "云川市雁屏县发展和改革局", 2025)


@pytest.fixture(scope="module")
def urban_2025(tmp_path_factory):
    """A generated urban management bureau in 2025 with two subordinate units (seed 56180), with its truth."""
    return synth_service(tmp_path_factory.mktemp("urban"), 56180, "金禾市望垣县城市管理和综合执法局", 2025)


@pytest.fixture(scope="module")
def emergency_years(tmp_path_factory):
    """A generated emergency management bureau with a unit in 2024 and 2025 (seed 56142), with each year's truth."""
    return synth_years_service(tmp_path_factory.mktemp("emergency"), 56142, "鹤川市岚岗县应急管理局")


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """A generated archives bureau in 2025, whose short name 档案馆 is a class's name too (seed 3906), with its truth."""
    return synth_service(tmp_path_factory.mktemp("archives"), 3906, "青岚市鹿鸣县档案馆", 2025)

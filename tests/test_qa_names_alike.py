"""Names that stand for more than one thing (issue 10 §3), phrasings of our own on generated
documents (tools.synth): a department whose short name is also a class (档案馆, class 2012604) is
the department before a measure unless the class is marked; two projects one name holds, counted
and compared; a project and its key-project goal are one name, and the text holding the question's
words answers; the offices are the 机关's own (局机关里的股室); a basis clause (根据增减情况，…)
is the way to last year's figure, not the figure asked. Expected figures come from the documents'
truth, not from the answers."""

from __future__ import annotations

import pytest

from tests.conftest import synth_service


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("archive"), 3601, "鹤川市岚岗县档案馆")


def _table3(truth):
    table = truth.table(3)
    total = next(r for r in table.rows if r.kind == "total")
    return table, total


def test_a_department_named_like_a_class_is_the_department_before_a_measure(archive):
    service, truth = archive
    table, total = _table3(truth)
    basic, projects = total.amounts[1], total.amounts[2]
    assert service.ask("档案馆的基本支出是多少").value == basic
    answer = service.ask("档案馆项目支出比基本支出多出多少万元")
    assert answer.value == abs(projects - basic), answer.answer


def test_the_class_of_that_name_when_marked(archive):
    service, truth = archive
    table, _ = _table3(truth)
    row = next(r for r in table.rows if r.label == "档案馆")
    assert service.ask(f"{row.code}档案馆的基本支出是多少").value == row.amounts[1]
    assert service.ask("档案馆科目的基本支出").value == row.amounts[1]


def test_a_projects_text_answers_when_its_goal_does_not_say_it(archive):
    """The project is also a key project: its 表12 text speaks of 响应时间, its goal does not."""
    service, truth = archive
    goals = {g.project: g.text for g in truth.goals}
    name, purpose = next((p.name, p.purpose) for p in truth.projects if p.name in goals and "响应时间" in p.purpose)
    assert "响应时间" not in goals[name]
    answer = service.ask(f"我想了解一下{name}的响应时间要求")
    assert answer.answered and "响应时间" in answer.answer and purpose.split("，")[1] in answer.answer, answer.answer


@pytest.fixture(scope="module")
def reform(tmp_path_factory):
    return synth_service(tmp_path_factory.mktemp("reform"), 3602, "云川市棠溪区发展和改革局")


def test_two_projects_one_name_holds_counted_and_compared(reform):
    service, truth = reform
    names = [p.name for p in truth.projects]
    short = next(n for n in names if sum(n in m for m in names) == 2)
    a, b = (p.amounts[0] for p in truth.projects if short in p.name)
    for question in (f"两个{short}项目，金额相差多少？", f"两个{short.replace('“', '').replace('”', '')}项目哪个多"):
        answer = service.ask(question)
        assert answer.value == abs(a - b), answer.answer
    assert not service.ask(f"三个{short}项目哪个多").answered  # the count stated is checked


def test_a_basis_clause_is_the_way_to_last_years_figure(reform):
    service, _ = reform
    direct = service.ask("上年收入预算是多少")
    answer = service.ask("根据说明里的增减情况，上一年的收入预算是多少？")
    assert direct.answered and answer.value == direct.value, answer.answer
    assert service.ask("根据说明，收入预算比上年减少了多少").value != direct.value  # the change is asked


def test_the_offices_are_the_bureaus_own(tmp_path_factory):
    service, truth = synth_service(tmp_path_factory.mktemp("veterans"), 3501, "青岚市松汀区退役军人事务局")
    offices = [name for name, _ in truth.units]
    assert service.ask("局机关里设了哪几个股室？").items == offices
    assert not service.ask("本级的三公经费是多少").answered  # a figure of the department is not the 本级's


def test_a_class_name_asked_whose_project_it_is(tmp_path_factory):
    """「公共卫生是哪个项目的」: a class's name that one project's text speaks of — that project, never the class's amount."""
    from kg.pipeline import replace_documents
    from kg.store.embedded import OxigraphStore
    from qa.service import QAService
    from tools.synth import generate

    text, truth = generate(36)
    store = OxigraphStore(tmp_path_factory.mktemp("seed36"))
    replace_documents([("s.txt", text.encode())], store)
    service = QAService(store)
    classes = {r.label for r in truth.table(3).rows if r.code}
    label, project = next((c, ps[0]) for c in sorted(classes)
                          if len(ps := [p for p in truth.projects if c in p.purpose and c not in p.name]) == 1)
    for question in (f"{label}是哪个项目的？", f"{label}是在什么项目里安排的"):
        answer = service.ask(question)
        assert project.name in answer.answer and answer.value != next(
            r.amounts[0] for r in truth.table(3).rows if r.label == label), answer.answer


def test_a_verbs_words_before_a_body_suffix_name_no_body(tmp_path_factory):
    """「哪个项目里提到了委员会」: 里提到了委员会 is no body that is not loaded."""
    from kg.pipeline import replace_documents
    from kg.store.embedded import OxigraphStore
    from qa.service import QAService
    from tools.synth import generate

    text, truth = generate(29)
    store = OxigraphStore(tmp_path_factory.mktemp("seed29"))
    replace_documents([("s.txt", text.encode())], store)
    speaking = [p.name for p in truth.projects if "委员会" in p.purpose]
    answer = QAService(store).ask("哪个项目里提到了委员会？")
    assert "not loaded" not in answer.answer and (answer.answered or len(speaking) != 1), answer.answer

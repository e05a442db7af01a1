"""Which one of several a question means (issue 10 §2, §3), phrasings of our own: another phase than
the one a project's name holds (前一期, 第一期, 前两期 of a 第二期 contract) is a thing the document
does not list, never that project's figure; a project that has a key-project target (第三部分 重点项目
绩效目标) and a target in the projects table's text is asked of as a 重点项目 → the key project's one.
Figures read off tests/fixtures/qingcheng_bigdata_center_2025.txt (line 1048: 合同第二期费用 11.40)
and tests/fixtures/synth/synth_seed93_govdata.txt (lines 754–758 and 949–953)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import FIXTURES, qa_service, synth_service


@pytest.mark.parametrize("question", [
    "三资监管平台功能升级开发合同第二期费用那个项目，前一期花了多少",
    "三资监管平台升级开发合同二期的项目，第一期一共多少钱",
    "三资平台升级开发合同第二期费用，前两期合计是多少？",
])
def test_another_phase_is_not_the_one_named(bigdata, question):
    answer = bigdata.ask(question)
    assert not answer.answered and "11.40" not in answer.answer, answer.answer


def test_the_phase_named_is_answered(bigdata):
    answer = bigdata.ask("三资监管平台功能升级开发合同第二期费用是多少")
    assert answer.value == Decimal("11.40"), answer.answer


@pytest.fixture(scope="module")
def govdata(tmp_path_factory):
    return qa_service(tmp_path_factory, FIXTURES / "synth" / "synth_seed93_govdata.txt")


@pytest.mark.parametrize("question", [
    "公共数据交换通道租用费作为重点项目，绩效目标要求服务对象满意度不低于百分之多少？",  # line 953: 91%; its 表12 text (line 758) says 88%
    "重点项目公共数据交换通道租用费的满意度目标是多少",
])
def test_a_key_projects_target_over_its_table_text(govdata, question):
    answer = govdata.ask(question)
    assert answer.value == Decimal("91") and answer.unit == "%", answer.answer


def test_two_targets_of_one_project_without_saying_which(govdata):
    assert not govdata.ask("公共数据交换通道租用费满意度要求多少").answered  # 88% in 表12, 91% as a key project


def test_a_quoted_title_without_its_year_names_the_document(tmp_path):
    """「“做好教育工作的通知”」 quotes 《关于做好2020年度教育工作的通知》 without its year: the title,
    said in the answer in two pieces, is the one quoted — not a name missing from the document."""
    service, _ = synth_service(tmp_path, 347, "北渚市芦湾区教育局")
    answer = service.ask("我看到有个项目提到一个“做好教育工作的通知”，那是哪一年度的教育工作通知、哪个机关发的文？")
    assert "2020年度" in answer.answer and "芦湾发〔2019〕111号" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "office"), [
    ("哪个股负责文物保护", "公共服务和文化遗产股"),
    ("全民健身是哪个股室负责的", "体育股"),
    ("旅游宣传由哪个内设机构负责", "旅游发展和市场管理股"),
])
def test_which_office_is_the_one_whose_duties_speak_of_it(culture, question, office):
    """Not the list of all four offices, nor a project's text: the office whose duties hold the topic."""
    answer = culture.ask(question)
    assert answer.items == [office], answer.answer


def test_the_documents_one_pointed_project_cites_are_its_own(tmp_path):
    """「X那个项目依据的是哪几份文件」: one project linked, citing two documents — both
    are its answer, not two candidates for which project was meant."""
    service, _ = synth_service(tmp_path, 3301, "云川市棠溪区文体旅游局", 2025)
    answer = service.ask("社区健身路径那个项目依据的是哪几份文件")
    assert "88号" in answer.answer and "预算法" in answer.answer, answer.answer


def test_a_law_by_its_short_name(tmp_path):
    """预算法 is 《中华人民共和国预算法》: the projects citing it, not every project; per case (每件)
    a figure no document gives."""
    service, truth = synth_service(tmp_path, 3302, "北渚市岑口县司法局", 2025)
    answer = service.ask("依据预算法安排的项目有哪几个")
    assert "中华人民共和国预算法" in answer.answer and 0 < len(answer.items) < len(truth.projects), answer.answer
    assert not service.ask("法律援助案件每件的补贴标准多少钱").answered

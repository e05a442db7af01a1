"""Things said loosely around the ask (issue 10): a project named in two parts (给X单独列了一笔租赁费); a share's
part pointed at by 它 with its whole named before it; years told of in a story; a class said as the kind of a body
(一个应急管理部门) and a ranking told (居然最多); 维修费 for 维修（护）费; the asker's aim (想粗算一下…) before
items listed; a figure whose change no document states, over two loaded years; members of both years asked with
哪些…减少了; a bracket naming what a namesake's name holds (名字前面没有“X”); 新上 beside 续建; a firm asked
(交给哪家…机构); the asker's concern (X这块我比较关心) and task (我在整理…). Phrasings of our own on generated
departments (tools.synth seeds 56142, 3902, 3905, 3904)."""

from __future__ import annotations

import pytest
from conftest import figure_value, project_amount, same_answer, same_value


@pytest.mark.parametrize("told, direct", [
    ("三公经费里公务接待费的分量好像变重了，我想知道它在三公经费中的占比2025年比2024年提高了多少个百分点？",
     "公务接待费在三公经费中的占比2025年比2024年提高了多少个百分点？"),
    ("2024年项目里有不少基础设施建设和设备购置，2025年就很少了，项目支出中的资本性支出变化了多少？",
     "项目支出中的资本性支出2025年比2024年变化了多少？"),
    ("那反过来，两年同名的项目里哪些2025年减少了", "两年都有的项目里哪些2025年减少了")])
def test_two_years_asked_loosely(emergency_years, told, direct):
    service, _, _ = emergency_years
    same_answer(service, told, direct)


def test_a_project_named_in_two_parts(emergency_years):
    service, _, later = emergency_years
    answer = service.ask("听说局里2025年给“数字政府”电子公文专线单独列了一笔租赁费，想核实一下这笔钱具体是多少？")
    assert answer.value == project_amount(later, "“数字政府”电子公文专线租赁费"), answer.answer


def test_a_figure_whose_change_no_document_states(emergency_years):
    service, earlier, later = emergency_years
    answer = service.ask("政府采购预算比上一年增加了多少")
    assert answer.value == figure_value(later, "政府采购") - figure_value(earlier, "政府采购"), answer.answer


def test_a_class_as_a_body_kind_and_a_ranking_told(emergency_years):
    service, _, _ = emergency_years
    same_value(service, "一个应急管理部门2025年的项目支出里委托业务费居然最多，我有点意外，想再确认一下委托业务费具体是多少钱？", "2025年项目支出里委托业务费具体是多少钱？")


@pytest.mark.parametrize("told, direct", [
    ("维修费是多少？", "维修（护）费是多少？"),
    ("想粗算一下局里在职人员的工资性支出，基本工资、津贴补贴、奖金和绩效工资四项加起来多少？", "基本工资、津贴补贴、奖金和绩效工资四项加起来多少？"),
    ("种粮补贴这块我比较关心，法律援助案件补贴今年预算多少万元？", "法律援助案件补贴今年预算多少万元？"),
    ("我在整理购买服务类的支出，先从名字上筛一下：名称里带“服务”的项目有哪些？", "名称里带“服务”的项目有哪些？")])
def test_asides_and_short_names(legal, told, direct):
    service, _ = legal
    same_answer(service, told, direct)


def test_a_firm_asked_is_not_the_offices(legal):
    service, _ = legal
    answer = service.ask("法律援助案件补贴这块，是交给哪家法律服务机构来做的？")
    assert not answer.answered, answer.answer


def test_a_namesake_told_by_what_its_name_holds(years):
    service, _, later = years
    answer = service.ask("档案整理及数字化加工费（就是名字前面没有“松汀区”的那个）2025年安排了多少？")
    assert answer.value == project_amount(later, "档案整理及数字化加工费"), answer.answer


def test_new_beside_continued(resources):
    service, truth = resources
    answer = service.ask("卫片执法图斑核查那块分了新上和续建两笔，两个加起来一共多少？")
    assert answer.value == project_amount(truth, "卫片执法图斑核查经费") + project_amount(truth, "卫片执法图斑核查经费（续建）"), answer.answer


def test_a_document_told_then_pointed_at(legal):
    service, truth = legal
    citing = [p.name for p in truth.projects if any(c.number == "桐溪府〔2021〕113号" for c in p.citations)]
    answer = service.ask("我手上有一份桐溪府〔2021〕113号的文件，司法局预算里哪个项目是按这个文件安排的？")
    assert citing and answer.items == citing, answer.answer


def test_those_few_is_no_count(emergency_years):
    service, _, _ = emergency_years
    direct = service.ask("2024年金额在一千万以上的项目，有哪些到2025年就不再安排了？")
    answer = service.ask("2024年金额在一千万以上的那几个项目，有哪些到2025年就不再安排了？")
    assert direct.items and answer.items == direct.items, answer.answer

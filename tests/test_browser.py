"""A real browser against `kgqa serve`: Debian's chromium driven by Playwright.

Starts `kgqa serve` on loopback (free port, fresh store folder: the bundled document is loaded with
no set-up), then asks a question, draws and expands the graph, runs SPARQL, uploads a second
document and asks about it. Every request the page makes must stay on the machine. Screenshots go
to test-output/screenshots/ (set BUDGETKG_UPDATE_SCREENSHOTS=1 to also refresh docs/screenshots/).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
SHOTS = ROOT / "test-output" / "screenshots"
DOC_SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed (/usr/bin/chromium): apt-get install chromium fonts-noto-cjk",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kgqa() -> list[str]:
    script = Path(sys.executable).parent / "kgqa"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.cli"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    store = tmp_path_factory.mktemp("browser") / "store"
    log = tmp_path_factory.mktemp("log") / "serve.log"
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
    with open(log, "wb") as out:
        proc = subprocess.Popen([*_kgqa(), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, env=env, cwd=str(ROOT))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"kgqa serve exited with {proc.returncode}:\n{log.read_text('utf-8', 'replace')}")
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"kgqa serve did not start:\n{log.read_text('utf-8', 'replace')}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="module")
def page(server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page = context.new_page()
            page.set_default_timeout(30_000)
            page.outside = []  # every request that would leave the machine
            page.on("request", lambda r: page.outside.append(r.url)
                    if not r.url.startswith((server, "data:", "blob:", "about:")) else None)
            page.goto(server + "/")
            page.locator("#kg-question textarea").wait_for()
            yield page
        finally:
            browser.close()


def _shot(page, name: str) -> None:
    page.wait_for_timeout(400)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _wait_text(page, selector: str, text: str, timeout: float = 30_000) -> None:
    """Wait until the element's rendered text contains `text` (tables render cells lazily)."""
    page.wait_for_function("([sel, text]) => (document.querySelector(sel)?.innerText || '').includes(text)",
                           arg=[selector, text], timeout=timeout)


def _tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def _ask(page, question: str, expect: str) -> None:
    _tab(page, "问答 Q&A")
    page.locator("#kg-question textarea").fill(question)
    page.locator("#kg-ask").click()
    _wait_text(page, "#kg-chat", expect)


def test_0_no_empty_boxes_before_the_first_answer(page):
    assert page.locator("#kg-citation").count() == 0 or not page.locator("#kg-citation").is_visible()
    assert not page.get_by_text("答案背后的数据行").is_visible()


def test_1_ask_shows_the_cited_figure(page, server):
    _ask(page, "津贴补贴多少万？", "38.31")
    chat = page.locator("#kg-chat")
    assert "表6" in chat.inner_text()
    assert "查询 SPARQL" in chat.inner_text()  # the collapsible query box
    assert "第492行" in page.locator("#kg-citation textarea").input_value()
    page.wait_for_function("decodeURIComponent(location.search).includes('津贴补贴多少万')")  # the URL is the answer's permalink
    assert page.locator("#kg-permalink textarea").input_value().startswith(server + "/?q=津贴补贴多少万")
    _shot(page, "qa")


def test_1b_a_cited_line_opens_in_its_document(page, server):
    cited = page.locator("#kg-chat a", has_text="第492行").last
    href = cited.get_attribute("href")
    assert href.startswith("/source?")
    with page.context.expect_page() as opened:
        cited.click()
    source = opened.value
    source.wait_for_load_state()
    line = source.locator("li.cited")
    assert line.get_attribute("id") == "L492"
    assert source.locator("li.cited mark", has_text="38.31").count() == 1
    assert line.is_visible() and source.locator("#L480").count() == 1  # the lines around it
    source.screenshot(path=str(SHOTS / "source.png"))
    source.close()


def test_1c_suggestions_are_derived_and_clickable(page):
    page.get_by_role("button", name="清空 Clear").click()  # a new chat: no earlier question to follow up
    _wait_text(page, "body", "提问 Ask")
    page.wait_for_function("!(document.querySelector('#kg-chat')?.innerText || '').includes('38.31')")
    _ask(page, "云平台花了多少", "无法回答")
    option = page.locator("#kg-chat button", has_text="云平台").first
    option.wait_for()
    asked = option.inner_text().strip()
    _shot(page, "suggestions")
    option.click()
    _wait_text(page, "#kg-chat", asked.rstrip("？"))
    page.wait_for_function("(document.querySelector('#kg-chat')?.innerText || '').includes('万元')")


def _node_count(page) -> int:
    return page.evaluate("Number(document.querySelector('#kg-graph [data-node-count]')?.dataset.nodeCount || 0)")


def test_2_graph_draws_nodes_and_expands_on_click(page):
    _tab(page, "图谱 Graph")
    page.wait_for_function("Number(document.querySelector('#kg-graph [data-node-count]')?.dataset.nodeCount || 0) > 1")
    page.wait_for_timeout(2500)  # the first view, once laid out
    _shot(page, "graph-first")
    page.locator("#kg-graph-query textarea, #kg-graph-query input").first.fill("津贴补贴")
    page.locator("#kg-graph-search").click()
    page.wait_for_function("window.budgetkgGraph && window.budgetkgGraph.nodes.get().some(n => n.id.endsWith('/30102'))")
    page.wait_for_function("document.querySelector('#kg-graph canvas') && document.querySelector('#kg-graph canvas').width > 0")
    page.wait_for_timeout(1500)  # let the layout settle
    before = _node_count(page)
    assert before > 2
    # click a table-row node on the canvas (its screen position comes from vis-network); the layout is frozen
    # first, so the node is still where it was measured when the click lands, and the node chosen is one
    # no other node covers
    target, point = page.evaluate("""() => {
        const g = window.budgetkgGraph;
        g.network.stopSimulation();
        g.network.fit({ animation: false });
        const box = g.element.querySelector('.kg-canvas').getBoundingClientRect();
        for (const node of g.nodes.get().filter(n => n.id.includes('/table/6/row/'))) {
            const p = g.network.canvasToDOM(g.network.getPositions([node.id])[node.id]);
            if (g.network.getNodeAt(p) === node.id) { return [node.id, { x: box.left + p.x, y: box.top + p.y }]; }
        }
        return [null, null];
    }""")
    assert target, "no table-row node is clear of the others"
    page.wait_for_timeout(300)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function(f"Number(document.querySelector('#kg-graph [data-node-count]')?.dataset.nodeCount || 0) > {before}")
    _wait_text(page, "#kg-node-props", target)
    assert "津贴补贴" in page.locator("#kg-node-props").inner_text()
    page.mouse.move(5, 5)  # no tooltip in the screenshot
    page.evaluate("""() => {
        document.querySelectorAll('.vis-tooltip').forEach(t => { t.style.visibility = 'hidden'; });
        window.budgetkgGraph.network.fit();
    }""")
    legend = page.locator("#kg-graph .kg-legend").inner_text()
    assert "表格行" in legend and "分类科目" in legend
    _shot(page, "graph")


def test_3_tables_and_audit(page):
    _tab(page, "预算表 Tables")
    _wait_text(page, "#kg-table", "津贴补贴")
    assert "38.31" in page.locator("#kg-table").inner_text()
    _shot(page, "tables")
    _tab(page, "核对 Audit")
    _wait_text(page, "#kg-audit-table", "922.09")
    assert "922.08" in page.locator("#kg-audit-table").inner_text()
    # the verdict, first column of the first row, is on screen without scrolling (page or table)
    status = page.locator("#kg-audit-table").get_by_text("尾差").first
    box, table = status.bounding_box(), page.locator("#kg-audit-table").bounding_box()
    viewport = page.viewport_size
    assert 0 <= box["x"] and box["x"] + box["width"] <= min(viewport["width"], table["x"] + table["width"])
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
    _shot(page, "audit")


def test_4_sparql_shows_rows(page):
    _tab(page, "SPARQL")
    box = page.locator("#kg-sparql-query textarea")
    box.fill("SELECT ?n ?title WHERE { ?t a bkg:BudgetTable ; bkg:tableNumber ?n ; dcterms:title ?title } ORDER BY ?n")
    page.locator("#kg-sparql-run").click()
    _wait_text(page, "#kg-sparql-status", "12 行")
    _wait_text(page, "#kg-sparql-results", "一般公共预算基本支出情况表（按经济分类科目）")
    _shot(page, "sparql")


def test_5_downloads(page):
    _tab(page, "下载 Download")
    page.locator("#kg-download").click()
    _wait_text(page, "#kg-download-files", ".graphml", timeout=90_000)  # the built files, not the tab's format list
    _shot(page, "download")


def test_6_upload_then_ask_about_it(page):
    _tab(page, "上传 Upload")
    page.locator("#kg-upload-file input[type=file]").set_input_files(str(CULTURE))
    page.locator("#kg-upload-file").get_by_text(CULTURE.name).first.wait_for(timeout=60_000)
    page.locator("#kg-upload").click()
    _wait_text(page, "#kg-upload-status", "已添加", timeout=60_000)
    assert "文化广电旅游体育局" in page.locator("#kg-upload-status").inner_text()
    assert "2 个文档" in page.locator("#kg-overview").inner_text()
    _shot(page, "upload")
    _ask(page, "文广旅体局旅游宣传推广经费安排了多少？", "45.00")
    assert "文化广电旅游体育局" in page.locator("#kg-chat").inner_text()


def test_7_links_open_their_state(page, server):
    page.goto(server + "/?q=" + "三公经费是多少？" + "&doc=清远市清城区大数据中心-2025")
    _wait_text(page, "#kg-chat", "0.40")
    assert "清远市清城区大数据中心2025年的三公经费是多少" in page.locator("#kg-chat").inner_text()
    page.goto(server + "/?tab=tables&doc=清远市清城区大数据中心-2025&table=8")
    _wait_text(page, "#kg-table", "公务接待费")
    assert page.locator("#kg-table-link textarea").input_value().endswith("table=8")
    page.goto(server + "/?tab=sparql&query=" + urllib.parse.quote("SELECT DISTINCT ?n WHERE { ?t bkg:tableNumber ?n } ORDER BY ?n"))
    _wait_text(page, "#kg-sparql-status", "12 行")
    page.locator("#kg-sparql-query textarea").fill("SELECT ?t WHERE { ?t a bkg:BudgetTable } LIMIT 3")
    page.locator("#kg-sparql-run").click()
    _wait_text(page, "#kg-sparql-status", "3 行")
    assert "LIMIT 3" in urllib.parse.unquote_plus(page.url)  # the SPARQL tab's URL holds its query
    page.goto(server + "/?tab=graph&search=三公经费")
    page.wait_for_function("window.budgetkgGraph && window.budgetkgGraph.nodes.get().some(n => n.label.includes('三公'))")


def test_9_nothing_left_the_machine(page):
    assert page.outside == []
    if os.environ.get("BUDGETKG_UPDATE_SCREENSHOTS"):
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        for shot in SHOTS.glob("*.png"):
            shutil.copy2(shot, DOC_SHOTS / shot.name)

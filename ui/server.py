"""`kgqa serve`: one process, one FastAPI app — the HTTP API and the Gradio app mounted beside it.

    app = create_app(store_path=None, query_timeout=10.0, row_cap=10_000)
    serve(store_path=None, host="127.0.0.1", port=7860)

Routes: /health, /api/ask, /sparql (ui/api.py); /source (a cited line in context, ui/source_view.py);
/static/budgetkg/… (ui/static: vis-network, copied from pyvis — never a CDN); everything else is the Gradio app at /. Only ui/static is served from
disk: Gradio's allowed_paths is that folder alone and the store folder is blocked. No share link,
no analytics, and no route that makes the server fetch a URL (ui/no_outbound.py, ui/uploads.py).
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported

import logging  # noqa: E402
from contextlib import asynccontextmanager  # noqa: E402
from pathlib import Path  # noqa: E402

from fastapi import FastAPI  # noqa: E402
from fastapi.staticfiles import StaticFiles  # noqa: E402

from kg.errors import BudgetKGError  # noqa: E402
from kg.settings import positive_env  # noqa: E402
from ui.api import make_router  # noqa: E402
from ui.no_outbound import RefuseOutboundRoutes  # noqa: E402
from ui.source_view import make_source_router  # noqa: E402
from ui.state import MAX_UPLOAD_BYTES, AppState  # noqa: E402

STATIC_DIR = Path(__file__).resolve().parent / "static"
log = logging.getLogger(__name__)


def create_app(store_path: str | Path | None = None, *, query_timeout: float = 10.0, row_cap: int = 10_000,
               workers: int = 2) -> FastAPI:
    """The whole application; the store is opened (or built from the bundled document) now."""
    import gradio as gr

    from ui.app import CSS, HEAD, STATIC_URL, build_demo

    state = AppState(store_path, query_timeout=query_timeout, row_cap=row_cap, workers=workers)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        state.close()

    app = FastAPI(title="预算图谱 BudgetKG", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.budgetkg = state
    app.add_middleware(RefuseOutboundRoutes)
    app.include_router(make_router(state))
    app.include_router(make_source_router(state))
    app.mount(STATIC_URL, StaticFiles(directory=STATIC_DIR), name="budgetkg-static")
    demo = build_demo(state)
    blocked = [str(state.store.path.resolve())]
    app = gr.mount_gradio_app(
        app, demo, path="/",
        allowed_paths=[str(STATIC_DIR)], blocked_paths=blocked,
        max_file_size=MAX_UPLOAD_BYTES, show_error=True, ssr_mode=False, mcp_server=False,
        footer_links=[], css=CSS, head=HEAD,
    )
    app.state.budgetkg = state
    return app


def serve(store_path: str | Path | None = None, host: str = "127.0.0.1", port: int = 7860, *,
          query_timeout: float | None = None, row_cap: int | None = None) -> None:
    """Run the app with uvicorn until interrupted.

    The SPARQL time limit and row cap default to BUDGETKG_QUERY_TIMEOUT (seconds, 10) and
    BUDGETKG_ROW_CAP (10000).
    """
    import uvicorn

    if query_timeout is None:
        query_timeout = positive_env("BUDGETKG_QUERY_TIMEOUT", 10.0, float)
    if row_cap is None:
        row_cap = positive_env("BUDGETKG_ROW_CAP", 10_000, int)
    if not 0 <= port <= 65535:
        raise BudgetKGError(f"端口 {port} 无效：应在 0–65535 之间 (port must be 0-65535)")
    app = create_app(store_path, query_timeout=query_timeout, row_cap=row_cap)
    app.state.budgetkg.runner.warm()
    app.state.budgetkg.parser.warm()  # the first upload does not wait for an interpreter
    shown = f"[{host}]" if ":" in host else host
    print(f"预算图谱 BudgetKG: http://{shown}:{port}/  (SPARQL: /sparql, 问答 API: /api/ask, /health)", flush=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        app.state.budgetkg.close()

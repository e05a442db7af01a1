"""Nothing a client sends may make the server connect anywhere: refuse URL-bearing Gradio routes.

Gradio's file route (`/gradio_api/file=<path or URL>`) fetches an http(s) URL itself and, before
refusing a private address, asks a public DNS-over-HTTPS service about the host name; its proxy
route (`/gradio_api/proxy=<URL>`) is for apps loaded from elsewhere, which this app never is. This
ASGI middleware answers 403 to both before Gradio sees the request: any `file=` whose target has
a URL scheme (any letters followed by ':', in any case, percent-encoded or not) or starts with
'//', and every `proxy=`. Uploaded files reach Gradio only as local paths (ui/uploads.py).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote

__all__ = ["RefuseOutboundRoutes"]

_ROUTE = re.compile(r"^/(?:gradio_api/)?(file|proxy)=(.*)$", re.DOTALL)
_URLISH = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:|[\\/]{2})")


def _refused(target: str) -> bool:
    match = _ROUTE.match(target)
    if match is None:
        return False
    kind, rest = match.groups()
    for _ in range(3):  # decoded repeatedly: %2568ttp… is still a URL to a route that decodes again
        rest = unquote(rest)
    return kind == "proxy" or bool(_URLISH.match(rest))


class RefuseOutboundRoutes:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            raw = scope.get("raw_path") or b""
            targets = (scope.get("path", ""), raw.decode("latin-1").split("?", 1)[0])
            if any(_refused(t) for t in targets):
                body = json.dumps({"error": "forbidden", "message": "不提供网址的代取 (URLs are not fetched by this server)"},
                                  ensure_ascii=False).encode("utf-8")
                await send({"type": "http.response.start", "status": 403,
                            "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

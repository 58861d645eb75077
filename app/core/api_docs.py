"""The interactive API docs (/docs, Swagger UI; /redoc, ReDoc), served entirely by the app.

FastAPI's default pages load Swagger UI and ReDoc from a CDN and start Swagger UI with an inline
script, so the content security policy had to allow a third-party origin and inline scripts,
and the pages were blank on a network without internet. Here the assets come from the pinned
PyPI package `fastapi-offline` (pyproject.toml and both lock files: Swagger UI and ReDoc's
release bundles, with no dependency beyond FastAPI), read from where pip installed it, and
Swagger UI is started by a script the app serves (`/docs/swagger-init.js`), so the docs' CSP
is `script-src 'self'` (app/core/headers.py). Only the OAuth2 password flow is offered (the
API's only scheme), so no OAuth2 redirect page is served.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/docs/assets"
ASSETS_DIR = Path(str(files("fastapi_offline") / "static"))
INIT_URL = "/docs/swagger-init.js"
# Validation against a third-party service is off: the page reaches this app only.
SWAGGER_INIT = """"use strict";
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});
"""


def _page(title: str, head: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" type="image/png" href="{ASSETS_URL}/favicon.png">
{head}
</head>
<body>
{body}
</body>
</html>
"""


def install_api_docs(app: FastAPI) -> None:
    """Register /docs, /redoc and their assets (before the PWA's catch-all route)."""
    swagger = _page(
        f"{app.title} - Swagger UI",
        f'<link rel="stylesheet" href="{ASSETS_URL}/swagger-ui.css">',
        f'<div id="swagger-ui"></div>\n<script src="{ASSETS_URL}/swagger-ui-bundle.js"></script>'
        f'\n<script src="{INIT_URL}"></script>',
    )
    redoc = _page(
        f"{app.title} - ReDoc",
        "<style>body { margin: 0; padding: 0; }</style>",
        f'<redoc spec-url="{app.openapi_url}"></redoc>\n'
        f'<script src="{ASSETS_URL}/redoc.standalone.js"></script>',
    )

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(swagger)

    @app.get(INIT_URL, include_in_schema=False)
    def swagger_init() -> Response:
        return Response(SWAGGER_INIT, media_type="text/javascript")

    @app.get("/redoc", include_in_schema=False)
    def redoc_page() -> HTMLResponse:
        return HTMLResponse(redoc)

    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="api-docs-assets")

"""The workbench: `create_app(settings)` builds the FastAPI app (pages, /api, /vendor).

Why one factory: `armstrace serve`, the tests and the benchmark all build the same app from
explicit settings. Every route declares its least role (`access.Routes`); one app-wide
dependency checks it and CSRF; one set of handlers gives every error the same shape; one
middleware adds the security headers (CSP without inline scripts, nosniff, referrer policy).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from armstrace.auth.ratelimit import LoginLimiter
from armstrace.auth.roles import Access
from armstrace.store import open_store
from armstrace.version import __version__
from armstrace.web import vendor
from armstrace.web.access import Routes
from armstrace.web.api import accounts, actors, analysis, claims, curation, documents, uploads
from armstrace.web.config import WebSettings
from armstrace.web.errors import install_error_handlers
from armstrace.web.identity import authorize
from armstrace.web.insights import Insights
from armstrace.web.pages.admin import routes as admin_pages
from armstrace.web.pages.forms import routes as form_pages
from armstrace.web.pages.views import routes as view_pages
from armstrace.web.uploads import UploadJobs

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).with_name("static")
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
ROUTE_MODULES: tuple[Routes, ...] = (
    claims.routes,
    documents.routes,
    actors.routes,
    analysis.routes,
    curation.routes,
    uploads.routes,
    accounts.routes,
    vendor.routes,
    view_pages,
    form_pages,
    admin_pages,
)
STATIC_ACCESS: dict[str, Access] = {"GET /static": "anonymous"}
"""Mounted static files (our CSS and JS) are public, like the login page that needs them."""

meta = Routes("/api", tags=["meta"])


@meta.get("/openapi.json", "viewer", include_in_schema=False)
def openapi(request: Request) -> dict[str, Any]:
    """The OpenAPI schema of /api."""
    schema: dict[str, Any] = request.app.openapi()
    return schema


class SecurityHeaders:
    """Add the security headers to every HTTP response; pages and API are never cached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        cacheable = path.startswith(("/static/", "/vendor/"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.decode("latin-1").lower() for name, _ in headers}
                extra = dict(SECURITY_HEADERS)
                if not cacheable:
                    extra["cache-control"] = "no-store"
                for name, value in extra.items():
                    if name not in present:
                        headers.append((name.encode("latin-1"), value.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The workbench on the store named by `settings.db_url` (migrated on open)."""
    settings = settings or WebSettings()
    store = open_store(settings.db_url)

    insights = Insights(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=insights.warm, name="armstrace-warm", daemon=True).start()
        yield
        store.close()

    app = FastAPI(
        title="armstrace",
        version=__version__,
        summary="Claims about the arms trade, with their evidence, as JSON.",
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(authorize)],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.insights = insights
    app.state.uploads = UploadJobs()
    app.state.login_limiter = LoginLimiter(settings.login_attempts, settings.login_window_s)
    table: dict[str, Access] = dict(STATIC_ACCESS)
    for routes in (meta, *ROUTE_MODULES):
        routes.install(app)
        table.update(routes.access)
    app.state.route_access = table
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    missing = vendor.missing_files(settings.vendor_dir)
    if missing:
        log.warning(
            "front-end libraries missing under %s (%s): run `npm ci`; graphs, charts and the "
            "map will not draw",
            settings.vendor_dir,
            ", ".join(missing),
        )
    return app

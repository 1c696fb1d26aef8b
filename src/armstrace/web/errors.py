"""The one JSON error shape of the API, and the handlers that produce it.

    {"ok": false, "error": "no claim 'abc'", "errors": [], "status": 404}

Why one shape: scripts and the pages' JavaScript read errors the same way whatever went
wrong (validation, permissions, a missing record, the database). A test pins it. Page routes
(not under /api) get the same message as an HTML page instead.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from armstrace.errors import InputError, StoreError, UsageError

log = logging.getLogger(__name__)


class NotSignedIn(Exception):
    """Raised by the access check: the route needs a user and there is none."""


def error_body(status: int, error: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """The API's error document."""
    return {"ok": False, "error": error, "errors": list(errors or []), "status": status}


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _respond(
    request: Request, status: int, error: str, errors: list[Any] | None = None
) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if is_api(request):
        return JSONResponse(error_body(status, error, errors), status_code=status, headers=headers)
    from armstrace.web.pages.render import render_error

    response: Response = render_error(request, status, error)
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Route every failure through `error_body` (API) or the error page (pages)."""

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, exc: NotSignedIn) -> Response:
        if is_api(request):
            return _respond(request, 401, "sign in first, or send an API token (Bearer)")
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        return _respond(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        locs: list[str] = errors[0]["loc"] if errors else []  # type: ignore[assignment]
        message = str(errors[0]["msg"]) if errors else "invalid request"
        where = ".".join(locs[1:] or locs)
        return _respond(request, 422, f"{where}: {message}" if where else message, errors)

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError) -> Response:
        return _respond(request, 400, str(exc))

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        return _respond(request, 422, str(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return _respond(request, 503, f"the database is not available: {exc}")

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _respond(request, 500, f"unexpected {type(exc).__name__}; see the server log")

"""Rendering pages: one Jinja2 environment (autoescape on), the layout's shared context.

Why every page goes through `render`: the layout needs the caller, the mode, the navigation
and the CSRF token, and the token's cookie must be set on the same response.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from armstrace.auth.roles import allows
from armstrace.version import __version__
from armstrace.web.identity import csrf_token_for, identify, settings_of

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

NAVIGATION = (
    ("/", "Overview", "viewer"),
    ("/claims", "Claims", "viewer"),
    ("/documents", "Documents", "viewer"),
    ("/actors", "Actors", "viewer"),
    ("/network", "Network", "viewer"),
    ("/estimates", "Estimates", "viewer"),
    ("/map", "Map", "viewer"),
    ("/curation", "Curation", "analyst"),
    ("/upload", "Upload", "analyst"),
    ("/audit", "Audit log", "viewer"),
)


def render(
    request: Request, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """The page `template` with the layout's context; sets the CSRF cookie when it is new."""
    caller = identify(request)
    settings = settings_of(request)
    role = caller.user.role if caller.user else None
    nav = [(href, label) for href, label, level in NAVIGATION if allows(role, level)]
    csrf = csrf_token_for(request)
    base = {
        "caller": caller,
        "role": role,
        "team": settings.team,
        "nav": nav,
        "path": request.url.path,
        "csrf_token": csrf,
        "version": __version__,
        "can_curate": allows(role, "analyst"),
        "is_admin": allows(role, "admin"),
    }
    response = templates.TemplateResponse(
        request, template, {**base, **context}, status_code=status_code
    )
    csrf_token_for(request, response)
    return response


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    """The error page: the same message the API would give, for a person."""
    titles = {401: "Sign in needed", 403: "Not allowed", 404: "Not found", 413: "Too large"}
    title = titles.get(status, "Something went wrong" if status >= 500 else "Cannot do that")
    return render(
        request, "error.html", status_code=status, title=title, message=message, status=status
    )

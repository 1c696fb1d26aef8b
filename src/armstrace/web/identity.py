"""Who is calling: the local user, a signed-in browser or a script with an API token.

Why here and not in each route: `authorize` (an app-wide dependency) identifies the caller,
checks the route's access level and, for every state-changing request a browser could be
tricked into sending (cookie-authenticated, or any request in local mode), its CSRF token.
Bearer-token requests carry no ambient credentials, so they need none.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from fastapi import HTTPException, Request, Response

from armstrace.auth.sessions import session_user
from armstrace.auth.tokens import token_user
from armstrace.auth.users import User
from armstrace.web.access import SAFE_METHODS, check_access, required
from armstrace.web.config import WebSettings

SESSION_COOKIE = "armstrace_session"
CSRF_COOKIE = "armstrace_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"


@dataclass(frozen=True)
class Caller:
    """The identity behind a request; `user` is None for an anonymous one."""

    user: User | None
    via: Literal["local", "session", "token", "anonymous"]
    csrf_token: str

    @property
    def name(self) -> str:
        return self.user.name if self.user else "anonymous"


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def identify(request: Request) -> Caller:
    """Work out the caller once per request (cached on request.state)."""
    cached = getattr(request.state, "caller", None)
    if isinstance(cached, Caller):
        return cached
    settings = settings_of(request)
    store = request.app.state.store
    cookie_csrf = request.cookies.get(CSRF_COOKIE) or ""
    caller = Caller(None, "anonymous", cookie_csrf)
    if not settings.team:
        local = User(0, settings.local_user, "admin", datetime.fromtimestamp(0, UTC))
        caller = Caller(local, "local", cookie_csrf)
    else:
        authorization = request.headers.get("authorization", "")
        scheme, _, secret = authorization.partition(" ")
        if scheme.lower() == "bearer" and secret.strip():
            user = token_user(store, secret.strip())
            if user is None:
                raise HTTPException(
                    401, "the API token is not valid (unknown, revoked or disabled)"
                )
            caller = Caller(user, "token", "")
        elif cookie := request.cookies.get(SESSION_COOKIE):
            signed_in = session_user(store, cookie)
            if signed_in is not None:
                caller = Caller(signed_in.user, "session", signed_in.csrf_token)
    request.state.caller = caller
    return caller


async def authorize(request: Request) -> None:
    """App-wide dependency: access level of the route, then CSRF for state changes."""
    level = required(request)
    caller = identify(request)
    check_access(request, caller.user.role if caller.user else None, level)
    if request.method not in SAFE_METHODS and caller.via != "token":
        await _check_csrf(request, caller)


async def _check_csrf(request: Request, caller: Caller) -> None:
    sent = request.headers.get(CSRF_HEADER)
    content_type = request.headers.get("content-type", "")
    if sent is None and content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    expected = caller.csrf_token
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")


def csrf_token_for(request: Request, response: Response | None = None) -> str:
    """The token a page must embed; sets the double-submit cookie when there is none yet."""
    caller = identify(request)
    if caller.via == "session":
        return caller.csrf_token
    token = caller.csrf_token
    if not token:
        token = secrets.token_urlsafe(32)
        request.state.caller = Caller(caller.user, caller.via, token)
        request.state.new_csrf_cookie = token
    if response is not None and getattr(request.state, "new_csrf_cookie", None):
        set_cookie(request, response, CSRF_COOKIE, token, http_only=True)
    return token


def is_secure(request: Request) -> bool:
    """Whether cookies must be Secure: configured, HTTPS, or HTTPS at a trusted proxy."""
    settings = settings_of(request)
    if settings.secure_cookies or request.url.scheme == "https":
        return True
    client = request.client.host if request.client else ""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return client in settings.trusted_proxies and forwarded == "https"


def set_cookie(
    request: Request,
    response: Response,
    name: str,
    value: str,
    *,
    http_only: bool = True,
    max_age: int | None = None,
) -> None:
    """Set a cookie with the workbench's flags: HttpOnly, SameSite=Lax, Secure behind TLS."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=http_only,
        samesite="lax",
        secure=is_secure(request),
        path="/",
    )

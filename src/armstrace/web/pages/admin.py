"""Team-mode pages: the admin's user list and each user's own API tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from armstrace import auth
from armstrace.errors import ArmstraceError
from armstrace.model.vocab import ROLES
from armstrace.store import Store
from armstrace.web.access import Routes
from armstrace.web.identity import identify, settings_of
from armstrace.web.pages.forms import back
from armstrace.web.pages.render import render
from armstrace.web.params import RowId

routes = Routes(tags=["pages"], include_in_schema=False, response_class=HTMLResponse)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _team_only(request: Request) -> None:
    if not settings_of(request).team:
        raise HTTPException(404, "accounts exist in team mode only (armstrace serve --team)")


@routes.get("/admin/users", "admin")
def users_page(request: Request) -> HTMLResponse:
    _team_only(request)
    return render(
        request, "users.html", title="Users", users=auth.list_users(_store(request)), roles=ROLES
    )


@routes.post("/admin/users", "admin")
def add_user(
    request: Request,
    name: Annotated[str, Form(max_length=64)],
    role: Annotated[str, Form()],
    password: Annotated[str, Form(max_length=1000)],
) -> RedirectResponse:
    _team_only(request)
    try:
        auth.add_user(_store(request), name.strip(), role, password, by=identify(request).name)
    except ArmstraceError as exc:
        return back("/admin/users", error=str(exc))
    return back("/admin/users", done=f"added {name.strip()} ({role})")


@routes.post("/admin/users/{name}", "admin")
def change_user(
    request: Request,
    name: str,
    action: Annotated[str, Form()],
    role: Annotated[str, Form()] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> RedirectResponse:
    _team_only(request)
    store, by = _store(request), identify(request).name
    if name == by and action in ("disable", "role"):
        return back("/admin/users", error="you cannot disable yourself or change your own role")
    try:
        if action == "role":
            auth.set_role(store, name, role, by=by)
        elif action in ("disable", "enable"):
            auth.set_disabled(store, name, action == "disable", by=by)
        elif action == "password":
            auth.set_password(store, name, password, by=by)
        else:
            raise HTTPException(422, f"action: {action!r} is not role, disable, enable or password")
    except ArmstraceError as exc:
        return back("/admin/users", error=str(exc))
    return back("/admin/users", done=f"{name}: {action} saved")


@routes.get("/account", "viewer")
def account(request: Request) -> HTMLResponse:
    _team_only(request)
    name = identify(request).name
    return render(
        request,
        "account.html",
        title="Your account",
        tokens=auth.list_tokens(_store(request), name),
        new_token=None,
    )


@routes.post("/account/tokens", "viewer")
def create_token(request: Request, label: Annotated[str, Form(max_length=100)]) -> HTMLResponse:
    """The new token is shown on this response only (never in a URL or a redirect)."""
    _team_only(request)
    name = identify(request).name
    try:
        _info, secret = auth.create_token(_store(request), name, label)
    except ArmstraceError as exc:
        return back("/account", error=str(exc))  # type: ignore[return-value]
    return render(
        request,
        "account.html",
        title="Your account",
        tokens=auth.list_tokens(_store(request), name),
        new_token=secret,
    )


@routes.post("/account/tokens/{token_id}/revoke", "viewer")
def revoke_token(request: Request, token_id: RowId) -> RedirectResponse:
    _team_only(request)
    try:
        auth.revoke_token(_store(request), identify(request).name, token_id)
    except ArmstraceError as exc:
        return back("/account", error=str(exc))
    return back("/account", done=f"token {token_id} revoked")

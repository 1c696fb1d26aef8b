"""/api/session, /api/users, /api/tokens: who am I, user administration, API tokens."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request, Response
from pydantic import BaseModel, Field

from armstrace import auth
from armstrace.store import Store
from armstrace.web.access import Routes
from armstrace.web.identity import csrf_token_for, identify, settings_of
from armstrace.web.params import RowId
from armstrace.web.serialize import token_json, user_json

routes = Routes("/api", tags=["accounts"])


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _team_only(request: Request) -> None:
    if not settings_of(request).team:
        raise HTTPException(409, "local mode has one user and no accounts; start with --team")


@routes.get("/session", "anonymous")
def session(request: Request, response: Response) -> dict[str, Any]:
    """Who is calling, in which mode, and the CSRF token to send with state changes."""
    caller = identify(request)
    token = csrf_token_for(request, response)
    return {
        "mode": "team" if settings_of(request).team else "local",
        "user": caller.user.name if caller.user else None,
        "role": caller.user.role if caller.user else None,
        "via": caller.via,
        "csrf_token": token if caller.via != "token" else None,
    }


@routes.get("/health", "anonymous")
def health(request: Request) -> dict[str, Any]:
    """Liveness: the app answers and the store can be read."""
    counts = _store(request).counts()
    return {"ok": True, "documents": counts["documents"], "claims": counts["claims"]}


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    role: str
    password: str = Field(min_length=1, max_length=1000)


class UserChange(BaseModel):
    role: str | None = None
    disabled: bool | None = None
    password: str | None = Field(default=None, min_length=1, max_length=1000)


@routes.get("/users", "admin")
def users(request: Request) -> dict[str, Any]:
    """Every user (team mode)."""
    _team_only(request)
    items = [user_json(u) for u in auth.list_users(_store(request))]
    return {"items": items, "total": len(items)}


@routes.post("/users", "admin", status_code=201)
def add_user(request: Request, body: NewUser) -> dict[str, Any]:
    """Create a user with a role and a password."""
    _team_only(request)
    user = auth.add_user(
        _store(request), body.name, body.role, body.password, by=identify(request).name
    )
    return user_json(user)


@routes.patch("/users/{name}", "admin")
def change_user(request: Request, name: str, body: UserChange) -> dict[str, Any]:
    """Change a user's role, disable or enable them, or set a new password."""
    _team_only(request)
    store, by = _store(request), identify(request).name
    if name == by and (body.disabled or (body.role and body.role != "admin")):
        raise HTTPException(409, "you cannot disable yourself or lower your own role")
    user = auth.get_user(store, name)
    if body.role is not None:
        user = auth.set_role(store, name, body.role, by=by)
    if body.disabled is not None:
        user = auth.set_disabled(store, name, body.disabled, by=by)
    if body.password is not None:
        auth.set_password(store, name, body.password, by=by)
    return user_json(user)


class NewToken(BaseModel):
    label: str = Field(min_length=1, max_length=100)


@routes.get("/tokens", "viewer")
def tokens(request: Request) -> dict[str, Any]:
    """Your API tokens (never their secrets)."""
    _team_only(request)
    items = [token_json(t) for t in auth.list_tokens(_store(request), identify(request).name)]
    return {"items": items, "total": len(items)}


@routes.post("/tokens", "viewer", status_code=201)
def create_token(request: Request, body: NewToken) -> dict[str, Any]:
    """A new API token for scripts; the secret is in this response only."""
    _team_only(request)
    info, secret = auth.create_token(_store(request), identify(request).name, body.label)
    return {**token_json(info), "token": secret}


@routes.delete("/tokens/{token_id}", "viewer")
def revoke_token(request: Request, token_id: RowId) -> dict[str, Any]:
    """Revoke one of your tokens."""
    _team_only(request)
    auth.revoke_token(_store(request), identify(request).name, token_id)
    return {"ok": True, "id": token_id, "revoked": True}

"""Who may use which route: every route is declared with the least role it needs.

    routes = Routes("/api", tags=["claims"])

    @routes.get("/claims", "viewer")
    def list_claims(...): ...

Why a table: the check runs in one place (`authorize`, an app-wide dependency) and fails
closed — a route missing from the table is refused — and a test walks `app.routes` and proves
every route refuses an anonymous caller and the role just below its own. The table of each
module sits next to its routes, in the decorators.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import FastAPI, HTTPException, Request

from armstrace.auth.roles import Access, allows, rank
from armstrace.web.errors import NotSignedIn

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class Routes:
    """Routes of one module, each with its minimum access level, installed on the app.

    Routes are added straight to the app (`install`), so `app.routes` lists every endpoint
    with its full path and the app-wide `authorize` dependency applies to each.
    """

    def __init__(self, prefix: str = "", **route_args: Any) -> None:
        self.prefix = prefix
        self.route_args = route_args
        self.access: dict[str, Access] = {}
        self._specs: list[tuple[str, str, Callable[..., Any], dict[str, Any]]] = []

    def add(self, method: str, path: str, access: Access, **kwargs: Any) -> Callable[[F], F]:
        rank(access)  # refuse a typo at import time
        full = f"{self.prefix}{path}"
        self.access[f"{method} {full}"] = access

        def register(endpoint: F) -> F:
            self._specs.append((method, full, endpoint, {**self.route_args, **kwargs}))
            return endpoint

        return register

    def get(self, path: str, access: Access, **kwargs: Any) -> Callable[[F], F]:
        return self.add("GET", path, access, **kwargs)

    def post(self, path: str, access: Access, **kwargs: Any) -> Callable[[F], F]:
        return self.add("POST", path, access, **kwargs)

    def put(self, path: str, access: Access, **kwargs: Any) -> Callable[[F], F]:
        return self.add("PUT", path, access, **kwargs)

    def patch(self, path: str, access: Access, **kwargs: Any) -> Callable[[F], F]:
        return self.add("PATCH", path, access, **kwargs)

    def delete(self, path: str, access: Access, **kwargs: Any) -> Callable[[F], F]:
        return self.add("DELETE", path, access, **kwargs)

    def install(self, app: FastAPI) -> None:
        """Add every route to `app` (in the order declared)."""
        for method, path, endpoint, kwargs in self._specs:
            app.add_api_route(path, endpoint, methods=[method], **kwargs)


def route_access(app: FastAPI) -> dict[str, Access]:
    """The combined table of the app: "METHOD /path" → least access level."""
    table: dict[str, Access] = app.state.route_access
    return table


def required(request: Request) -> Access:
    """The access level of the route this request matched; unknown routes need admin."""
    route = request.scope.get("route")
    path = getattr(route, "path", None)
    method = "GET" if request.method == "HEAD" else request.method
    level = route_access(request.app).get(f"{method} {path}")
    if level is None:
        log.error("route %s %s has no access rule: refused", method, path)
        raise HTTPException(403, f"{method} {path} has no access rule")
    return level


def check_access(request: Request, role: str | None, level: Access) -> None:
    """Raise NotSignedIn (401 / sign-in page) or a 403 unless `role` reaches `level`."""
    if allows(role, level):
        return
    if role is None:
        raise NotSignedIn()
    raise HTTPException(403, f"this needs the {level} role; you are {role}")

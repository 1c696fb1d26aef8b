"""Pages that change things, as plain HTML forms: curation, upload, sign-in and sign-out.

Why forms as well as the API: every action works without JavaScript (post, then redirect to
the page with a message). The handlers call the same functions as /api — `armstrace.curation`,
`armstrace.resolve`, the upload jobs — so the audit log reads the same whichever was used.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import BackgroundTasks, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from armstrace import curation, resolve
from armstrace.auth.sessions import end_session, start_session
from armstrace.auth.users import authenticate
from armstrace.errors import ArmstraceError
from armstrace.store import Store, StoredClaim
from armstrace.web.access import Routes
from armstrace.web.api.uploads import check_length, jobs_of, start_upload
from armstrace.web.claim_filters import ClaimFilter
from armstrace.web.identity import SESSION_COOKIE, identify, set_cookie, settings_of
from armstrace.web.pages.render import render
from armstrace.web.pages.views import CHOICES, pages
from armstrace.web.params import Offset, RowId
from armstrace.web.queries import find_claims, get_claim, publishers

routes = Routes(tags=["pages"], include_in_schema=False, response_class=HTMLResponse)
QUEUE = 20
"""Claims shown per page of the review queue."""


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def back(path: str, **message: str) -> RedirectResponse:
    """Post/redirect/get: back to `path` with a message (done=... or error=...)."""
    query = urlencode({k: v for k, v in message.items() if v})
    return RedirectResponse(f"{path}?{query}" if query else path, status_code=303)


def _blank(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def edit_changes(claim: StoredClaim, form: dict[str, str]) -> dict[str, Any]:
    """The spec-field changes an edit form asks for (fields left as they were are not sent)."""
    current = claim.to_record()
    changes: dict[str, Any] = {}
    for name in ("type", "supplier", "recipient", "when", "source", "hedge"):
        value = _blank(form.get(name))
        if value != (current.get(name) if isinstance(current.get(name), str) else None):
            changes[name] = value
    via = [v.strip() for v in (form.get("via") or "").split(",") if v.strip()]
    if via != list(current.get("via") or []):
        changes["via"] = via or None
    category, designation = _blank(form.get("item_category")), _blank(form.get("item_designation"))
    item = {"category": category, "designation": designation} if category else None
    old_item = current.get("item") or None
    old = {k: old_item.get(k) for k in ("category", "designation")} if old_item else None
    if item != old:
        changes["item"] = item
    raw_value = _blank(form.get("quantity_value"))
    old_quantity = current.get("quantity")
    if raw_value is None:
        if old_quantity:
            changes["quantity"] = None
    else:
        try:
            number = float(raw_value.replace(",", ""))
        except ValueError:
            raise HTTPException(422, f"quantity: {raw_value!r} is not a number") from None
        quantity = {
            "value": int(number) if number.is_integer() else number,
            "unit": form.get("quantity_unit") or "items",
            "qualifier": form.get("quantity_qualifier") or "exact",
        }
        if not old_quantity or any(old_quantity.get(k) != v for k, v in quantity.items()):
            changes["quantity"] = quantity
    return changes


@routes.post("/claims/{claim_id}/curate", "analyst")
async def curate(request: Request, claim_id: str) -> RedirectResponse:
    """Confirm, reject, grade or edit a claim from its page."""
    store, user = _store(request), identify(request).name
    claim = get_claim(store, claim_id)
    if claim is None:
        raise HTTPException(404, f"no claim with id {claim_id!r}")
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    action, note = form.get("action"), _blank(form.get("note"))
    path = f"/claims/{quote(claim_id)}"
    try:
        if action == "confirm":
            curation.confirm_claim(store, claim_id, user, note)
        elif action == "reject":
            curation.reject_claim(store, claim_id, user, note)
        elif action == "credibility":
            grade = _blank(form.get("credibility"))
            curation.set_credibility(store, claim_id, int(grade) if grade else None, user, note)
        elif action == "edit":
            curation.edit_claim(store, claim_id, user, edit_changes(claim, form), note)
        else:
            raise HTTPException(
                422, f"action: {action!r} is not confirm, reject, credibility or edit"
            )
    except ArmstraceError as exc:
        return back(path, error=str(exc))
    return back(path, done=f"{action} saved")


@routes.get("/curation", "analyst")
def curation_page(
    request: Request,
    offset: Offset = 0,
    status: str = "extracted",
) -> HTMLResponse:
    store = _store(request)
    status = status if status in CHOICES["statuses"] else "extracted"
    found = find_claims(store, ClaimFilter(status=status), limit=QUEUE, offset=offset)
    return render(
        request,
        "curation.html",
        title="Curation",
        queue=found.claims,
        status=status,
        pager=pages(
            found.total,
            QUEUE,
            offset,
            dict(request.query_params),
            lower_bound=found.total_is_lower_bound,
        ),
        publishers=publishers(store),
        judgements=[j.to_record() for j in resolve.list_judgements(store)][::-1],
        **CHOICES,
    )


@routes.post("/curation/claims/{claim_id}", "analyst")
async def quick_curate(
    request: Request, claim_id: str, action: Annotated[str, Form()]
) -> RedirectResponse:
    """Confirm or reject from the review queue."""
    store, user = _store(request), identify(request).name
    try:
        if action == "confirm":
            curation.confirm_claim(store, claim_id, user)
        elif action == "reject":
            curation.reject_claim(store, claim_id, user)
        else:
            raise HTTPException(422, f"action: {action!r} is not confirm or reject")
    except ArmstraceError as exc:
        return back("/curation", error=str(exc))
    return back("/curation", done=f"claim {claim_id[:8]}… {action}ed")


@routes.post("/curation/reliability", "analyst")
def reliability(
    request: Request, publisher: Annotated[str, Form()], grade: Annotated[str, Form()] = ""
) -> RedirectResponse:
    """Grade a publisher A..F (empty clears the grade)."""
    try:
        name = curation.set_reliability(
            _store(request), publisher, grade or None, identify(request).name
        )
    except ArmstraceError as exc:
        return back("/curation", error=str(exc))
    return back("/curation", done=f"{name}: reliability {grade or 'cleared'}")


@routes.post("/curation/merge", "analyst")
def merge(
    request: Request,
    left: Annotated[str, Form()],
    right: Annotated[str, Form()],
    reason: Annotated[str, Form()],
    kind: Annotated[str, Form()] = "actor",
) -> RedirectResponse:
    """Merge two entity ids (reversible)."""
    try:
        judgement = resolve.merge(
            _store(request), left.strip(), right.strip(), identify(request).name, reason, kind
        )
    except ArmstraceError as exc:
        return back("/curation", error=str(exc))
    return back("/curation", done=f"merged {judgement.left_id} and {judgement.right_id}")


@routes.post("/curation/judgements/{judgement_id}/split", "analyst")
def split(request: Request, judgement_id: RowId) -> RedirectResponse:
    """Undo a merge."""
    try:
        resolve.split(_store(request), judgement_id, identify(request).name)
    except ArmstraceError as exc:
        return back("/curation", error=str(exc))
    return back("/curation", done=f"judgement {judgement_id} split")


@routes.get("/upload", "analyst")
def upload_page(request: Request, job: str | None = None) -> HTMLResponse:
    found = jobs_of(request).get(job) if job else None
    settings = settings_of(request)
    return render(
        request,
        "upload.html",
        title="Upload",
        job=found.to_record() if found else None,
        max_mb=settings.upload_max_bytes / 2**20,
    )


@routes.post("/upload", "analyst")
async def upload(
    request: Request, background: BackgroundTasks, files: Annotated[list[UploadFile], Form()]
) -> RedirectResponse:
    """Upload without JavaScript: the job page refreshes itself until the ingest is done."""
    check_length(request)
    job = await start_upload(request, files, background)
    return back("/upload", job=job.id)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no //host) may follow sign-in."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


@routes.get("/login", "anonymous")
def login_page(request: Request, next: str | None = None) -> HTMLResponse:
    if not settings_of(request).team:
        return RedirectResponse("/", status_code=303)  # type: ignore[return-value]
    return render(request, "login.html", title="Sign in", next=_safe_next(next))


@routes.post("/login", "anonymous")
def login(
    request: Request,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/",
) -> HTMLResponse:
    """Sign in; attempts are limited per account and address. The password is never logged."""
    settings = settings_of(request)
    if not settings.team:
        return RedirectResponse("/", status_code=303)  # type: ignore[return-value]
    limiter = request.app.state.login_limiter
    address = request.client.host if request.client else ""
    wait = limiter.retry_after(name, address)
    if wait > 0:
        message = f"too many failed attempts; try again in {int(wait) + 1} seconds"
        return _login_form(request, 429, message, next, name)
    user = authenticate(_store(request), name, password)
    if user is None:
        limiter.failed(name, address)
        return _login_form(request, 401, "wrong name or password", next, name)
    limiter.succeeded(name, address)
    cookie, _csrf = start_session(_store(request), user, settings.session_hours)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_cookie(
        request, response, SESSION_COOKIE, cookie, max_age=int(settings.session_hours * 3600)
    )
    return response  # type: ignore[return-value]


def _login_form(request: Request, status: int, error: str, target: str, name: str) -> HTMLResponse:
    return render(
        request,
        "login.html",
        status_code=status,
        title="Sign in",
        error=error,
        next=_safe_next(target),
        name=name,
    )


@routes.post("/logout", "viewer")
def logout(request: Request) -> RedirectResponse:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        end_session(_store(request), cookie)
    response = RedirectResponse("/login" if settings_of(request).team else "/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response

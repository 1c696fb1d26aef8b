"""`armstrace serve`: the analyst's workbench (web pages and /api) on this machine."""

from __future__ import annotations

import ipaddress
import json
import logging
from typing import Annotated, Literal

import typer

from armstrace.cli.common import DbOption, stderr, stdout
from armstrace.errors import UsageError

NAME = "serve"
EXAMPLES = (
    "**Examples**\n\n"
    "- `armstrace serve` (local mode: one user, no sign-in, http://127.0.0.1:8000)\n"
    "- `armstrace serve --port 8080 --db sqlite:///claims.db`\n"
    "- `armstrace users add ana --role admin && armstrace serve --team --host 0.0.0.0`\n"
    "- `armstrace serve --team --trusted-proxy 127.0.0.1` (behind a TLS proxy on this host)\n"
)

log = logging.getLogger(__name__)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(metavar="ADDRESS", help="Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(metavar="PORT", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    team: Annotated[
        bool,
        typer.Option(
            "--team",
            envvar="ARMSTRACE_TEAM",
            help="Team mode: users sign in; roles viewer, analyst, admin (see `armstrace users`).",
        ),
    ] = False,
    secure_cookies: Annotated[
        bool,
        typer.Option(
            "--secure-cookies",
            envvar="ARMSTRACE_SECURE_COOKIES",
            help="Mark cookies Secure (the workbench is reached over HTTPS).",
        ),
    ] = False,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            "--trusted-proxy",
            metavar="ADDRESS",
            help="A reverse proxy whose X-Forwarded-Proto: https is believed (repeatable).",
        ),
    ] = None,
    output: Annotated[
        Literal["table", "json"],
        typer.Option("--format", help="How to print the start-up line: table (text) or json."),
    ] = "table",
) -> None:
    """Start the workbench: overview, claims, documents, network, estimates, map, curation.

    Local mode (the default) has one user and no sign-in, and listens only on this machine.
    Team mode (`--team`) needs users (`armstrace users add NAME --role admin`). Stop with Ctrl-C.
    """
    import uvicorn

    from armstrace.auth.users import list_users
    from armstrace.store.db import mask_url
    from armstrace.web import WebSettings, create_app

    if not team and not _is_loopback(host):
        raise UsageError(
            f"--host {host}: local mode has no sign-in, so it only listens on this machine; "
            "use --team to serve others"
        )
    settings = WebSettings(team=team, secure_cookies=secure_cookies)
    if db:
        settings = settings.but(db_url=db)
    if trusted_proxy:
        settings = settings.but(trusted_proxies=tuple(trusted_proxy))
    app = create_app(settings)
    if team and not list_users(app.state.store):
        stderr.print(
            "armstrace: team mode has no users yet; add one with "
            "`armstrace users add NAME --role admin`",
            markup=False,
        )
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    info = {"url": url, "mode": "team" if team else "local", "db": mask_url(settings.db_url)}
    if output == "json":
        stdout.print(json.dumps(info), markup=False, highlight=False)
    else:
        stdout.print(
            f"armstrace workbench on {url} ({info['mode']} mode, {info['db']}); Ctrl-C stops it",
            markup=False,
            highlight=False,
        )
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)

"""The root of the command line: global options, command registration and error handling.

Why errors are handled here and not in each command: every failure must look the same — one
line `armstrace: <message>` on stderr and an exit code (0 ok, 1 some input failed, 2 usage or
configuration) — and a traceback appears only with `--debug`.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import Annotated

import typer
from rich.logging import RichHandler

from armstrace.cli import (
    audit,
    claims,
    curate,
    documents,
    entities,
    estimates,
    evaluate,
    extract,
    findings,
    ingest,
    marking,
    network,
    path,
    reextract,
    reliability,
    sanctions,
    serve,
    signals,
    status,
    users,
)
from armstrace.cli import export as export_cmd
from armstrace.cli import import_ as import_cmd
from armstrace.cli import report as report_cmd
from armstrace.cli.common import error_line, stderr
from armstrace.errors import ArmstraceError, InputError
from armstrace.version import __version__


@dataclass
class _RunState:
    debug: bool = False


_state = _RunState()

app = typer.Typer(
    name="armstrace",
    help=(
        "Turn open-source reporting on the arms trade into claims an analyst can cite.\n\n"
        "Start with `armstrace ingest FOLDER`, then list what was found with "
        "`armstrace claims`. Run `armstrace COMMAND --help` for examples."
    ),
    rich_markup_mode="markdown",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (ingest, extract, claims, documents, status, evaluate):
    app.command(_module.NAME, epilog=_module.EXAMPLES)(_module.command)

for _module in (export_cmd, import_cmd, report_cmd):  # exports, import, briefings
    app.command(_module.NAME, epilog=_module.EXAMPLES)(_module.command)

for _module in (findings, audit, reliability, reextract):  # curation and corroboration
    app.command(_module.NAME, epilog=_module.EXAMPLES)(_module.command)
app.add_typer(curate.app)

for _module in (estimates, path, network, marking, sanctions, signals):  # analysis
    app.command(_module.NAME, epilog=_module.EXAMPLES)(_module.command)
app.add_typer(entities.app)

app.command(serve.NAME, epilog=serve.EXAMPLES)(serve.command)  # the web workbench
app.add_typer(users.app)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"armstrace {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show debug logs and full tracebacks (put it before the command)."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    _state.debug = debug
    handler = RichHandler(console=stderr, show_time=False, show_path=False, markup=False)
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(name)s: %(message)s",
        handlers=[handler],
        force=True,
    )


def exit_code(exc: ArmstraceError) -> int:
    """1 when an input was bad (the user can fix the file), 2 for usage or configuration."""
    return 1 if isinstance(exc, InputError) else 2


def main() -> None:
    """Console-script entry point (`armstrace`, `python -m armstrace`)."""
    try:
        app(prog_name="armstrace")
    except ArmstraceError as exc:
        if _state.debug:
            raise
        error_line(str(exc))
        sys.exit(exit_code(exc))
    except Exception as exc:  # a bug: say so in one line; --debug shows where
        if _state.debug:
            raise
        error_line(
            f"unexpected {type(exc).__name__}: {' '.join(str(exc).split())} "
            "(run `armstrace --debug ...` for the traceback)"
        )
        sys.exit(1)

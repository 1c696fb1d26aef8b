"""The export formats by name: each one a module with a `write(export, fh)` function.

Why a registry: the CLI, the web app and a notebook all look formats up here, and an outside
format is added the same way the built-in ones are, with `register(Exporter(...))` (datasette's
default plug-ins). A format names its module rather than holding its function, so listing the
formats does not import stix2, followthemoney or openpyxl.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from armstrace.errors import UsageError

if TYPE_CHECKING:
    from armstrace.export.dataset import ExportSet


@dataclass(frozen=True)
class Exporter:
    """One output format: `module.function(export, fh)` writes it; binary ones need "wb" files."""

    name: str
    module: str
    suffix: str
    description: str
    binary: bool = False
    function: str = "write"

    def write(self, export: ExportSet, fh: IO[Any]) -> None:
        """Write `export` to `fh` in this format."""
        getattr(importlib.import_module(self.module), self.function)(export, fh)


_EXPORTERS: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    """Add (or replace) a format."""
    _EXPORTERS[exporter.name] = exporter
    return exporter


def exporters() -> list[Exporter]:
    """Every registered format, sorted by name."""
    return [_EXPORTERS[name] for name in sorted(_EXPORTERS)]


def get_exporter(name: str) -> Exporter:
    """The format called `name`; a UsageError lists the known ones."""
    try:
        return _EXPORTERS[name]
    except KeyError:
        known = ", ".join(sorted(_EXPORTERS))
        raise UsageError(f"export format {name!r} is not one of: {known}") from None


_BUILTINS = (
    Exporter("jsonl", "armstrace.export.jsonl", ".jsonl", "claims per the spec, with curation"),
    Exporter(
        "json",
        "armstrace.export.jsonl",
        ".json",
        "the jsonl records as one array",
        function="write_array",
    ),
    Exporter("csv", "armstrace.export.csv", ".csv", "transfers register, one row per finding"),
    Exporter(
        "xlsx", "armstrace.export.xlsx", ".xlsx", "transfers register as a workbook", binary=True
    ),
    Exporter("stix", "armstrace.export.stix", ".json", "STIX 2.1 bundle"),
    Exporter("ftm", "armstrace.export.ftm", ".ftm.json", "FollowTheMoney entities, one a line"),
    Exporter("geojson", "armstrace.export.geojson", ".geojson", "flows as lines, places as points"),
    Exporter("graphml", "armstrace.export.graphml", ".graphml", "the actor network, for Gephi"),
)
for _exporter in _BUILTINS:
    register(_exporter)

"""Exports in the ecosystem's formats: claims (jsonl), a transfers register (csv, xlsx),
STIX 2.1, FollowTheMoney, GeoJSON and GraphML.

    from armstrace.export import collect_export, get_exporter
    export = collect_export(store, supplier="KP", recipient="RU")
    with open("flows.geojson", "w") as fh:
        get_exporter("geojson").write(export, fh)

Each format is a module with `write(export, fh)`; the registry maps names to them.
"""

from armstrace.export.dataset import (
    PLACEHOLDER_FORMAT,
    ExportDocument,
    ExportSet,
    collect_export,
)
from armstrace.export.registry import Exporter, exporters, get_exporter, register

__all__ = [
    "PLACEHOLDER_FORMAT",
    "ExportDocument",
    "ExportSet",
    "Exporter",
    "collect_export",
    "exporters",
    "get_exporter",
    "register",
]

"""Exports in the ecosystem's formats: claims (jsonl), a transfers register (csv, xlsx),
STIX 2.1, FollowTheMoney, GeoJSON and GraphML.

    from armstrace.export import collect_export, get_exporter
    export = collect_export(store, supplier="KP", recipient="RU")
    with open("flows.geojson", "w") as fh:
        get_exporter("geojson").write(export, fh)

Each format is a module with `write(export, fh)`; the registry maps names to them.
"""

from typing import TYPE_CHECKING, Any

from armstrace.export.registry import Exporter, exporters, get_exporter, register

if TYPE_CHECKING:
    from armstrace.export.dataset import (
        PLACEHOLDER_FORMAT,
        ExportDocument,
        ExportSet,
        collect_export,
    )

_FROM_DATASET = ("PLACEHOLDER_FORMAT", "ExportDocument", "ExportSet", "collect_export")


def __getattr__(name: str) -> Any:
    """The dataset side needs the store; load it only when asked, so that listing the formats
    (the CLI's help) stays light."""
    if name in _FROM_DATASET:
        from armstrace.export import dataset

        return getattr(dataset, name)
    raise AttributeError(f"module 'armstrace.export' has no attribute {name!r}")


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

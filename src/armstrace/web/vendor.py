"""Front-end libraries from npm, served from node_modules through an explicit allow-list.

Why an allow-list: `npm ci` at set-up fetches the libraries once; at run time the workbench
needs no internet, and only these files — never an arbitrary path under node_modules — can
be read through `/vendor/...`.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import HTTPException, Request
from fastapi.responses import FileResponse

from armstrace.web.access import Routes

VENDOR_FILES: dict[str, str] = {
    "cytoscape/cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "chart.js/chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "topojson-client/topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "world-atlas/countries-110m.json": "world-atlas/countries-110m.json",
    "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
}
"""URL path under /vendor/ → file under node_modules (npm package name first)."""

_MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json"}


def vendor_path(vendor_dir: Path, name: str) -> Path:
    """The file for /vendor/<name>; 404 when it is not allowed or `npm ci` was not run."""
    relative = VENDOR_FILES.get(name)
    if relative is None:
        raise HTTPException(404, f"/vendor/{name} is not a served library file")
    path = vendor_dir / relative
    if not path.is_file():
        raise HTTPException(
            404, f"/vendor/{name}: {path} is missing; run `npm ci` in the armstrace checkout"
        )
    return path


def missing_files(vendor_dir: Path) -> list[str]:
    """Allowed files that are not on disk (the serve command warns about them)."""
    return [name for name, rel in VENDOR_FILES.items() if not (vendor_dir / rel).is_file()]


routes = Routes(tags=["vendor"], include_in_schema=False)


@routes.get("/vendor/{name:path}", "anonymous")
def vendor_file(name: str, request: Request) -> FileResponse:
    """One allowed library file, cached by the browser for a day."""
    path = vendor_path(request.app.state.settings.vendor_dir, name)
    media_type = _MEDIA_TYPES.get(path.suffix, "application/octet-stream")
    headers = {"Cache-Control": "public, max-age=86400"}
    return FileResponse(path, media_type=media_type, headers=headers)

"""The analyst's workbench: server-rendered pages and a JSON API under /api.

    from armstrace.web import WebSettings, create_app
    app = create_app(WebSettings(db_url="sqlite:///claims.db", team=False))

Run it with `armstrace serve`. Front-end libraries come from node_modules (`npm ci`).
"""

from armstrace.web.app import create_app
from armstrace.web.config import WebSettings

__all__ = ["WebSettings", "create_app"]

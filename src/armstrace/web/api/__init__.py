"""The REST API under /api: JSON for everything the pages show, with one error shape."""

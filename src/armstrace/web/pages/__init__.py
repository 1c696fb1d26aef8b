"""Server-rendered pages (Jinja2), each enhanced by a small JavaScript module using /api."""

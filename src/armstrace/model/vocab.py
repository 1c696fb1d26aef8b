"""Closed vocabularies shared by the store, the CLI and the web.

They live apart from the store's tables so that the command line can build its help from them
without importing SQLAlchemy at start-up.
"""

ROLES = ("viewer", "analyst", "admin")
"""Workbench roles in team mode, least to most trusted."""

CURATION_TARGETS = ("claim", "publisher", "finding", "judgement", "document")
"""What an analyst's curation act (and its audit entry) can be about."""

ENTITY_KINDS = ("actor", "vessel", "item", "place")
"""Kinds of entity that resolution compares and analysts judge."""

"""Sidecar metadata: `STEM.meta.json` beside a document (claims.md).

`{"title", "url", "publisher", "published"}`. An analyst's sidecar knows better than page
metadata, so a value it gives overrides what the reader found; a null or missing value
leaves the reader's value alone. A sidecar is metadata, never a document of its own.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from armstrace.errors import InputError
from armstrace.ingest.origin import load_file
from armstrace.ingest.published import clean_published
from armstrace.model import Document

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"
FIELDS = ("title", "url", "publisher", "published")


@dataclass(frozen=True)
class Sidecar:
    """The cleaned values of one sidecar file."""

    path: Path
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None


def is_sidecar(path: str | Path) -> bool:
    """True for `*.meta.json` files."""
    return Path(path).name.lower().endswith(SIDECAR_SUFFIX)


def sidecar_path(document_path: Path) -> Path:
    """Where the sidecar of `document_path` would be: `x/000_abc.txt` → `x/000_abc.meta.json`."""
    return document_path.with_name(document_path.stem + SIDECAR_SUFFIX)


def load_sidecar(document_path: Path, max_bytes: int) -> Sidecar | None:
    """The sidecar of a document, None when there is none; InputError naming it if malformed."""
    path = sidecar_path(document_path)
    if not path.is_file():
        return None
    raw = load_file(path, max_bytes)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise _malformed(path, "not UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise _malformed(path, f"invalid JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise _malformed(path, f"expected a JSON object, found {_json_type(data)}")
    return _clean(path, data)


def apply_sidecar(document: Document, sidecar: Sidecar) -> Document:
    """A copy of `document` with every value the sidecar gives put in place."""
    given = {name: getattr(sidecar, name) for name in FIELDS}
    return dataclasses.replace(document, **{k: v for k, v in given.items() if v is not None})


def _clean(path: Path, data: dict[str, Any]) -> Sidecar:
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        log.warning("%s: ignoring unknown sidecar keys %s", path, ", ".join(unknown))
    values: dict[str, str | None] = {}
    for name in ("title", "url", "publisher"):
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise _malformed(path, f"'{name}' must be a string or null, not {_json_type(value)}")
        values[name] = (value.strip() or None) if value is not None else None
    published = data.get("published")
    if isinstance(published, bool) or not isinstance(published, str | int | None):
        kind = _json_type(published)
        raise _malformed(path, f"'published' must be a date string or null, not {kind}")
    values["published"] = clean_published(published)
    if published not in (None, "") and values["published"] is None:
        log.warning("%s: 'published' %r is not YYYY, YYYY-MM or YYYY-MM-DD", path, published)
    return Sidecar(path=path, **values)


def _malformed(path: Path, reason: str) -> InputError:
    return InputError(str(path), f"malformed sidecar: {reason}")


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    names |= {int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)

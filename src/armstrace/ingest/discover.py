"""Expand the paths a user gives into the documents to read, in a stable order.

Why stable: batch runs, logs and tests must see the same files in the same order on every
machine. Folders are walked; anything named explicitly is passed on, even when missing or of
an unknown type, so that `read` reports it by name instead of it vanishing silently.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from armstrace.ingest.readers import suffix_of, supported_suffixes
from armstrace.ingest.sidecar import is_sidecar
from armstrace.ingest.url import is_url

log = logging.getLogger(__name__)


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Yield documents: URLs as given, files as given, folders expanded recursively (sorted).

    Inside folders, hidden files and folders, `*.meta.json` sidecars and files with an
    extension no reader knows are skipped. A sidecar named explicitly is skipped too (a shell
    glob picks them up); any other explicit path is yielded. Each path is yielded once.
    """
    seen: set[str] = set()
    for given in paths:
        for found in _expand(given):
            if found not in seen:
                seen.add(found)
                yield found


def _expand(given: str) -> Iterator[str]:
    if is_url(given):
        yield given
        return
    path = Path(given)
    if path.is_dir():
        yield from _walk(path)
    elif is_sidecar(path) and path.is_file():
        log.info("%s: a sidecar, not a document; skipped", given)
    else:
        yield given


def _walk(folder: Path) -> Iterator[str]:
    suffixes = supported_suffixes()
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if name.startswith(".") or is_sidecar(name) or suffix_of(name) not in suffixes:
                continue
            path = Path(root, name)
            found.append((path.relative_to(folder).parts, str(path)))
    for _, path_text in sorted(found):
        yield path_text

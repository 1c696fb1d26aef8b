"""Expand the paths a user gives into the documents to read, in a stable order.

Why stable: batch runs, logs and tests must see the same files in the same order on every
machine. Folders are walked; anything named explicitly is passed on, even when missing or of
an unknown type, so that `read` reports it by name instead of it vanishing silently.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from itertools import chain
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
    given_paths = iter(paths)
    first = next(given_paths, None)
    if first is None:
        return
    second = next(given_paths, None)
    if second is None:  # one path cannot repeat itself: no set of every file found
        yield from _expand(first)
        return
    seen: set[str] = set()
    for given in chain((first, second), given_paths):
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
    """Depth first, each folder's entries sorted by name: the order of sorting every relative
    path by its parts, without holding the whole tree (a million-file corpus) in memory."""
    suffixes = supported_suffixes()
    pending = [_sorted_entries(str(folder))]
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
        elif entry.name.startswith("."):
            continue
        elif _is_dir(entry):
            if not entry.is_symlink():  # as os.walk: a linked folder is not followed
                pending.append(_sorted_entries(entry.path))
        elif not is_sidecar(entry.name) and suffix_of(entry.name) in suffixes:
            yield entry.path


def _sorted_entries(folder: str) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:  # unreadable: skipped, as os.walk does
        log.info("%s: cannot list: %s", folder, exc)
        return iter(())
    return iter(entries)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False

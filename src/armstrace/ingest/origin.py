"""Where a document's bytes came from: its name (stem), size limit and file access.

Why apart from the readers: the text, HTML and PDF readers parse bytes that may come from a
file or from a URL; naming and the size cap must be the same for both.
"""

from __future__ import annotations

import hashlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from armstrace.errors import InputError, TooLarge, Unreadable

SIZE_SETTING = "ARMSTRACE_MAX_FILE_BYTES"
_SLUG_MAX = 80


@dataclass(frozen=True)
class Origin:
    """What a reader needs to know besides the bytes."""

    source: str  # the path or URL as given; named in every error
    stem: str  # becomes `claim.doc`
    declared_charset: str | None = None  # from an HTTP header
    url: str | None = None


def file_stem(path: Path) -> str:
    """The file name without its extension: `x/000_abc.txt` gives `000_abc`."""
    return path.stem


def url_stem(url: str) -> str:
    """A readable, stable name for a URL: a slug of its path, else a sha256 prefix.

    A query string adds a short hash so `?id=1` and `?id=2` stay apart.
    """
    parts = urlsplit(url)
    path = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", parts.path.rstrip("/"))
    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")[:_SLUG_MAX].strip("-")
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
    if not slug:
        return digest[:16]
    if parts.query:
        return f"{slug}-{digest[:8]}"
    return slug


def human_size(n_bytes: int) -> str:
    """`314572800` gives `300 MB`; small sizes stay in bytes so a low test limit reads well."""
    if n_bytes >= 2**20:
        return f"{n_bytes / 2**20:.1f}".removesuffix(".0") + " MB"
    if n_bytes >= 2**10:
        return f"{n_bytes / 2**10:.1f}".removesuffix(".0") + " KB"
    return f"{n_bytes} bytes"


def too_large(source: str, what: str, size: int | None, limit: int) -> TooLarge:
    """The TooLarge error, worded the same for files and downloads (size None: not known)."""
    cap = human_size(limit)
    if size is None:
        return TooLarge(source, f"{what} is over the {cap} limit ({SIZE_SETTING})")
    shown = human_size(size)
    if shown == cap:
        shown, cap = f"{size} bytes", f"{limit} bytes"
    return TooLarge(source, f"{what} is {shown}, over the {cap} limit ({SIZE_SETTING})")


def load_file(path: Path, max_bytes: int) -> bytes:
    """Read a whole file after checking its size with stat, so a huge file is never loaded."""
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise InputError(source, "no such file") from exc
    except OSError as exc:
        raise Unreadable(source, f"cannot open: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(source, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
        raise Unreadable(source, "not a regular file")
    if info.st_size > max_bytes:
        raise too_large(source, "file", info.st_size, max_bytes)
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise Unreadable(source, f"cannot read: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:  # grew after stat, or a device that reports size 0
        raise too_large(source, "file", None, max_bytes)
    return raw

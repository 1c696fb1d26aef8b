"""The PDF parse itself, run only inside a limited child process (see pdf.py).

It imports nothing from armstrace, so it also runs as a plain script in a fresh interpreter:
`python -P pdf_worker.py MEMORY_BYTES < file.pdf` prints one JSON outcome on stdout.
An outcome is a dict: `kind` is ok, encrypted, memory or error; `text`, `title`, `created`
(ISO date or None) and `reason` go with it.
"""

from __future__ import annotations

import io
import json
import logging
import resource
import sys
import warnings
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PdfReadError

PAGE_SEPARATOR = "\n\n"
_REASON_CHARS = 120


def run(raw: bytes, memory_bytes: int) -> dict[str, Any]:
    """Limit this process's address space, then parse; every failure becomes an outcome."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # repairs are routine, not news
    warnings.simplefilter("ignore")  # nor are pypdf's warnings, whatever filters we inherit
    limit_memory(memory_bytes)
    try:
        return extract(raw)
    except MemoryError:
        return {"kind": "memory"}
    except Exception as exc:  # hostile input: pypdf raises many types; the reason goes back
        return {"kind": "error", "reason": _short_reason(exc)}


def limit_memory(extra_bytes: int) -> None:
    """Let this process grow by `extra_bytes` of address space and no more.

    Why relative: a forked worker starts with its parent's address space, which may already
    be gigabytes (loaded models); an absolute cap would leave it nothing.
    """
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = _address_space() + extra_bytes
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int:
    """This process's current virtual size in bytes (Linux); 0 where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return 0
    return 0


def extract(raw: bytes) -> dict[str, Any]:
    """Text layer (pages joined by a blank line), title and creation date of a PDF."""
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        # pypdf has already tried the empty password; decrypt says whether it worked.
        opened = not reader.is_encrypted or reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except DependencyError:
        if b"/Encrypt" not in raw:
            raise
        return {"kind": "encrypted", "reason": "its cipher needs the 'cryptography' package"}
    if not opened:
        return {"kind": "encrypted"}
    text = PAGE_SEPARATOR.join(page.extract_text() or "" for page in reader.pages)
    title, created = _info(reader)
    return {"kind": "ok", "text": text, "title": title, "created": created}


def _info(reader: PdfReader) -> tuple[str | None, str | None]:
    """Title and creation date from the document info; broken entries count as absent."""
    try:
        info = reader.metadata
        if info is None:
            return None, None
        title = (str(info.title).strip() or None) if info.title else None
        created = info.creation_date
    except (PdfReadError, ValueError, TypeError, KeyError):
        return None, None
    return title, created.date().isoformat() if created else None


def _short_reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    reason = lines[0] if lines else type(exc).__name__
    return reason if len(reason) <= _REASON_CHARS else reason[: _REASON_CHARS - 1] + "…"


def main() -> None:
    """Script entry: memory limit in argv[1], PDF bytes on stdin, JSON outcome on stdout."""
    raw = sys.stdin.buffer.read()
    outcome = run(raw, int(sys.argv[1]))
    sys.stdout.buffer.write(json.dumps(outcome).encode("utf-8"))


if __name__ == "__main__":
    main()

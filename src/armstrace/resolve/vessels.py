"""Vessel keys: one id per ship however a report writes its name, or its IMO number if known.

Why: "MV Francop", "M/V FRANCOP" and "the Francop" are one ship, and an IMO number (seven
digits with a check digit) identifies a hull through renamings and reflaggings, so it wins
over the name whenever a report gives it.
"""

from __future__ import annotations

import logging
import re

from armstrace.errors import UsageError
from armstrace.gazetteer import normalise

log = logging.getLogger(__name__)

_IMO_IN_TEXT = re.compile(r"\bIMO\s*(?:no\.?|number|#)?\s*[:.]?\s*(\d{7})\b", re.IGNORECASE)
_PREFIX = re.compile(r"^(?:the\s+)?(?:m\s*v|m\s*s|m\s*t|mv|ms|mt|ss|fv|dhow)\s+")
"""Type prefixes after `normalise` ("M/V" -> "m v", "M.V." -> "mv"), and a leading "the"."""
_THE = re.compile(r"^the\s+")


def imo_is_valid(imo: str) -> bool:
    """Seven digits whose last is the check digit (weights 7..2 on the first six, mod 10)."""
    if not re.fullmatch(r"\d{7}", imo):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(imo[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(imo[6])


def find_imo(text: str) -> str | None:
    """The first valid IMO number written in `text` ("IMO 9203863"), else None."""
    for match in _IMO_IN_TEXT.finditer(text):
        if imo_is_valid(match.group(1)):
            return match.group(1)
        log.info("ignoring %r in %r: the check digit does not match", match.group(1), text)
    return None


def vessel_key(name: str | None, imo: str | None = None) -> str | None:
    """ "imo:NNNNNNN" when an IMO number is given or written in the name, else "vessel:<name>".

    The name is case-folded, punctuation-free, without "MV", "M/V", "MS", "the" and the like.
    None when there is neither a usable name nor an IMO number. A given `imo` that is not a
    valid IMO number is a UsageError.
    """
    if imo is not None:
        digits = re.sub(r"^IMO\s*", "", imo.strip(), flags=re.IGNORECASE)
        if not imo_is_valid(digits):
            raise UsageError(f"imo: {imo!r} is not a valid IMO number (7 digits, check digit)")
        return f"imo:{digits}"
    if not name:
        return None
    found = find_imo(name)
    if found is not None:
        return f"imo:{found}"
    key = _PREFIX.sub("", normalise(_IMO_IN_TEXT.sub(" ", name)))
    key = _THE.sub("", key).strip()
    return f"vessel:{key}" if key else None

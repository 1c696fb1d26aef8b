"""Bytes to text: the one place that decides which character encoding a document uses.

Why a module of its own: reporting on the arms trade arrives in Korean (EUC-KR), Russian
(CP1251), Arabic (UTF-16) and mislabelled Latin-1, and a wrong guess silently corrupts every
claim's evidence. The order is fixed and explained in `decode`.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

from armstrace.errors import EmptyText, Unreadable

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Declared labels that browsers read as a wider code page (WHATWG Encoding Standard):
# pages labelled Latin-1 are really Windows-1252, EUC-KR pages use Windows-949 extensions.
_WIDER: dict[str, str] = {
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "iso8859_9": "cp1254",
    "tis_620": "cp874",
}
# Single-byte labels so often wrong that valid multi-byte UTF-8 beats them.
_WEAK_LABELS = frozenset({"iso8859_1", "ascii", "cp1252"})
# A real text has almost no control characters; binary decoded by chance has many.
MAX_BAD_SHARE = 0.02
# C0 controls but tab and line breaks, DEL, C1 controls, surrogates, private use,
# non-characters and the replacement character.
_BAD_CHARS = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd\ufffe\uffff\U000f0000-\U0010ffff]"
)
MIN_UTF8_EVIDENCE = 8
"""Multi-byte UTF-8 characters needed before a file is read as UTF-8 mixed with another code."""
_TIE = 1e-6
_TIE_PREFERENCE = ("utf_8", "cp1252", "cp1251", "cp949", "iso8859_1")


def decode(raw: bytes, declared: str | None, *, source: str = "input") -> tuple[str, str]:
    """Decode `raw` and name the encoding used (Python's canonical codec name, e.g.
    `utf-8`, `cp949`, `utf-16-le`); raise Unreadable when nothing fits.

    Order: a byte-order mark (it cannot lie), then the declared charset (HTML meta or HTTP
    header) if it decodes cleanly, then strict UTF-8, then UTF-8 mixed with one legacy
    encoding line by line (`utf-8+cp1251`), then charset-normalizer's best guess, accepted
    only when it decodes cleanly and looks like text. Valid UTF-8 comes back exactly (BOM
    removed); judging whether text is binary junk is `bad_share`'s job.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(name), name
            except UnicodeDecodeError as exc:
                raise Unreadable(source, f"byte-order mark says {name} but {exc.reason}") from exc
    found = _decode_declared(raw, declared)
    if found is not None:
        return found
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = _decode_mixed(raw)
    if found is not None:
        return found
    found = _decode_guess(raw)
    if found is not None:
        return found
    raise Unreadable(source, "not valid UTF-8 and no encoding detected")


def bad_share(text: str) -> float:
    """Share of characters no real document contains: controls, NUL, U+FFFD, private use."""
    if not text:
        return 0.0
    return len(_BAD_CHARS.findall(text)) / len(text)


def check_text(text: str, source: str) -> None:
    """Refuse decoded text that is empty or binary junk (a valid UTF-8 run of NULs, say)."""
    if not text.strip():
        raise EmptyText(source, "no text found")
    share = bad_share(text)
    if share > MAX_BAD_SHARE:
        raise Unreadable(source, f"looks like binary data ({share:.0%} control characters)")


def normalise_newlines(text: str) -> str:
    """`\\r\\n` and `\\r` become `\\n`; nothing else changes, so evidence offsets stay true."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def codec_name(label: str | None) -> str | None:
    """Python's name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None


def _decode_declared(raw: bytes, declared: str | None) -> tuple[str, str] | None:
    name = codec_name(declared)
    if name is None:
        if declared:
            log.info("ignoring unknown declared charset %r", declared)
        return None
    if name in ("utf_16", "utf_32"):
        # These labels need a byte-order mark, and there was none (browsers then use UTF-8).
        return None
    if name in _WEAK_LABELS and _is_multibyte_utf8(raw):
        log.info("declared %s but the bytes are UTF-8; using UTF-8", declared)
        return raw.decode("utf-8"), "utf-8"
    for candidate in dict.fromkeys((_WIDER.get(name, name), name)):
        try:
            text = raw.decode(candidate)
        except UnicodeDecodeError:
            continue
        if bad_share(text) <= MAX_BAD_SHARE:
            return text, codecs.lookup(candidate).name
    log.info("declared charset %s does not fit the bytes; detecting instead", declared)
    return None


def _is_multibyte_utf8(raw: bytes) -> bool:
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_mixed(raw: bytes) -> tuple[str, str] | None:
    """Lines of UTF-8 and lines of one legacy encoding in one file (pasted or concatenated
    reports): each line decoded by what fits it, named e.g. `utf-8+cp1251`.

    Why: a whole-file guess reads such a file as one legacy code page and turns every UTF-8
    line into mojibake, silently. Tried only when some non-ASCII lines are valid UTF-8 with
    at least MIN_UTF8_EVIDENCE multi-byte characters, so chance hits in binary do not count.
    """
    lines = raw.splitlines(keepends=True)
    utf8_chars, legacy = 0, []
    for line in lines:
        if line.isascii():
            continue
        try:
            utf8_chars += sum(1 for char in line.decode("utf-8") if ord(char) > 0x7F)
        except UnicodeDecodeError:
            legacy.append(line)
    if utf8_chars < MIN_UTF8_EVIDENCE or not legacy:
        return None
    encoding = _best_guess(b"".join(legacy))
    if encoding is None or codecs.lookup(encoding).name == "utf-8":
        return None
    parts = []
    for line in lines:
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                parts.append(line.decode(encoding))
            except (UnicodeDecodeError, LookupError):
                return None
    text = "".join(parts)
    if bad_share(text) > MAX_BAD_SHARE:
        return None
    name = codecs.lookup(encoding).name
    log.info("mixed encodings: lines of UTF-8 and of %s", name)
    return text, f"utf-8+{name}"


def _decode_guess(raw: bytes) -> tuple[str, str] | None:
    encoding = _best_guess(raw)
    if encoding is None:
        return None
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if bad_share(text) > MAX_BAD_SHARE:
        log.info("guessed %s but the result does not look like text", encoding)
        return None
    return text, codecs.lookup(encoding).name


def _best_guess(raw: bytes) -> str | None:
    """charset-normalizer's best match; on a tie, the more common code page wins.

    Why: for Western text cp1250 and cp1252 often score the same, and picking cp1250 turns
    "pièces" into "pičces".
    """
    matches = list(from_bytes(raw))
    if not matches:
        return None
    best = matches[0]
    tied = [
        match.encoding
        for match in matches
        if abs(match.chaos - best.chaos) < _TIE and abs(match.coherence - best.coherence) < _TIE
    ]
    for preferred in _TIE_PREFERENCE:
        if preferred in tied:
            return preferred
    return best.encoding

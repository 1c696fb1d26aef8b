"""The one exception tree of armstrace.

    ArmstraceError
    ├── InputError            one bad document, file or URL: "report.pdf: PDF is encrypted"
    │   ├── UnsupportedFormat the reader does not know the format
    │   ├── Unreadable        bytes that cannot be decoded or parsed
    │   ├── EmptyText         the document holds no text
    │   └── TooLarge          over a size limit set in settings
    ├── DataFileError         a domain data file is malformed: "data/actors/kp.yml: names: ..."
    ├── StoreError            the database cannot be opened or written
    └── UsageError            a command was called wrongly (exit code 2)

Library code raises these; the CLI turns them into one line on stderr and an exit code.
"""

from __future__ import annotations


class ArmstraceError(Exception):
    """Base of every error armstrace raises on purpose."""


class InputError(ArmstraceError):
    """One input (file, URL, document) could not be used; the batch goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(InputError):
    """The input's format has no reader."""


class Unreadable(InputError):
    """The input's bytes cannot be decoded or parsed."""


class EmptyText(InputError):
    """The input parsed but holds no text."""


class TooLarge(InputError):
    """The input is over a configured size limit."""


class TooSlow(InputError):
    """Reading the input ran over a configured time limit."""


class Overtime(ArmstraceError):
    """Raised inside the extractor when a document's time limit has passed; the caller, which
    knows the document's source, turns it into TooSlow."""


class DataFileError(ArmstraceError):
    """A domain data file is malformed; the message names the file and key."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(ArmstraceError):
    """The store cannot be opened, migrated or written."""


class UsageError(ArmstraceError):
    """A command or function was called with arguments that cannot work."""

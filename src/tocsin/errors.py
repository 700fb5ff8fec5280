"""One error family, so the CLI and the API can turn any of them into a message."""

from __future__ import annotations


class TocsinError(Exception):
    """Base of every error tocsin raises on purpose; the CLI shows it without a traceback."""

    exit_code = 2


class ConfigError(TocsinError):
    """A setting, a data file or an installed package is missing or wrong."""


class DataFileError(ConfigError):
    """A data file (dictionary, patterns, ontology) failed validation: file:line: message."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class InputError(TocsinError):
    """An input document cannot be read (empty, binary, bad encoding, too large...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(TocsinError):
    """The store cannot be opened, migrated or written."""

"""One error family, so the CLI and the API can turn any of them into a message."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


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

    @classmethod
    def invalid(
        cls,
        path: str,
        line: int | None,
        err: ValidationError,
        *,
        default: str = "entry",
        skip: int = 0,
        hint: str = "",
    ) -> DataFileError:
        """``file:line: [field] message`` from pydantic's first complaint.

        ``skip`` drops leading location parts (a tagged union's tag); ``default`` names the
        field when the complaint is about the whole entry.
        """
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"][skip:]) or default
        return cls(path, line, f"[{field}] {first['msg']}{hint}")


class InputError(TocsinError):
    """An input document cannot be read (empty, binary, bad encoding, too large...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(TocsinError):
    """The store cannot be opened, migrated or written."""

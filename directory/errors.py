"""The directory's exceptions: callers catch ``DirectoryError`` and answer politely."""
from __future__ import annotations

from dataclasses import dataclass


class DirectoryError(Exception):
    """Base class of every error the directory raises on purpose."""


class OfferNotFound(DirectoryError):
    """No offer with the given id (or it is not published)."""


class InvalidFilter(DirectoryError):
    """A search filter has a value the directory does not know.

    Attributes:
        parameter: name of the offending filter, for API error messages.
    """

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class RowError:
    """One problem in an import file."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column!r}: {self.reason}"


class ImportValidationError(DirectoryError):
    """An import file has bad rows; nothing was written."""

    def __init__(self, errors: list[RowError]) -> None:
        rows = len({error.line for error in errors})
        super().__init__(f"{rows} bad row(s); nothing was imported")
        self.errors = errors

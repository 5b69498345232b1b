"""Errors the library raises. The CLI catches VerifyError in one place."""

from __future__ import annotations


class VerifyError(Exception):
    """Something the user can fix: the message says what failed, where and how."""


class InputError(VerifyError):
    """An input file or record could not be read as a document."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


class DatabaseError(VerifyError):
    """The claims database cannot be opened or written."""


class NotFoundError(VerifyError):
    """A named document or claim id is not in the store."""

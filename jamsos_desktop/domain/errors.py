"""Typed errors and findings with stable codes.

The UI and the CLI turn a code into a sentence through :mod:`jamsos_desktop.domain.messages`; nothing
chooses behaviour by matching message text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found in a value: an error blocks saving, a warning may be overridden by the clerk."""

    field: str
    code: str
    severity: Severity
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: str = "id") -> str:
        from jamsos_desktop.domain.messages import render

        return render(self.code, lang, **self.params)


class JamsosError(Exception):
    """Base of every expected failure. ``code`` is stable; ``exit_code`` follows CONTRACT.md."""

    exit_code = 2

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        from jamsos_desktop.domain.messages import render

        return render(self.code, lang, **self.params)


class UsageError(JamsosError):
    """Bad command-line usage or an unreadable input (exit 2)."""


class DatabaseError(JamsosError):
    """The database cannot be opened or used as asked: locked, read-only, newer, not ours (exit 2)."""


class ValidationError(JamsosError):
    """A record did not pass the rules; ``findings`` lists every error (warnings are not errors)."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = [f for f in findings if f.is_error]
        first = self.findings[0] if self.findings else None
        super().__init__(first.code if first else "validation.failed", **(first.params if first else {}))

    def message(self, lang: str = "id") -> str:
        return "; ".join(f.message(lang) for f in self.findings) or super().message(lang)


class NotFoundError(JamsosError):
    """The record asked for does not exist (any more)."""


class DuplicateError(JamsosError):
    """A unique value (NIK, KPJ) is already used by another record; ``existing_id`` points to it."""

    def __init__(self, code: str, existing_id: int, /, **params: Any) -> None:
        self.existing_id = existing_id
        super().__init__(code, existing_id=existing_id, **params)


class ConflictError(JamsosError):
    """Somebody else changed the record since it was read (optimistic locking)."""


class IntegrityError(JamsosError):
    """Refused for integrity or security reasons (exit 3)."""

    exit_code = 3

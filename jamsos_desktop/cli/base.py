"""What every command shares: its result, the context it opens, and how output is written."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from jamsos_desktop.app import AppContext


@dataclass
class Result:
    """A command's outcome: ``data`` is the JSON object, ``lines`` the human rendering."""

    data: dict[str, Any]
    lines: list[str] = field(default_factory=list)
    exit_code: int = 0
    #: Start the desktop application on the same database once the output is written (``demo --open``).
    open_gui: bool = False


ContextOpener = Callable[..., "AppContext"]
Handler = Callable[["argparse.Namespace", "Session"], Result]


class Session:
    """Opens the database on first use, with the global options, and closes it at the end."""

    def __init__(self, args: argparse.Namespace, opener: ContextOpener) -> None:
        self.args = args
        self._opener = opener
        self._context: AppContext | None = None

    def context(self, *, regency: str | None = None) -> AppContext:
        if self._context is None:
            self._context = self._opener(data_dir=self.args.data_dir, db=self.args.db, regency=regency)
            login_from_environment(self._context, getattr(self.args, "user", None))
        return self._context

    @property
    def lang(self) -> str:
        return self.args.lang

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
            self._context = None


def login_from_environment(context: AppContext, user: str | None) -> None:
    """Log in with ``--user`` and ``JAMSOS_PASSWORD``; required when the office turned on
    ``cli_require_login``, otherwise commands run as the local administrator (exit 3 when refused)."""
    required = context.settings.get("cli_require_login") == "1"
    if not user and not required:
        return
    password = os.environ.get("JAMSOS_PASSWORD", "")
    if not user or not password:
        from jamsos_desktop.domain.errors import IntegrityError

        raise IntegrityError("auth.required")
    context.users.login(user, password)


def default_lang() -> str:
    value = os.environ.get("JAMSOS_LANG", "id").lower()
    return "en" if value.startswith("en") else "id"


def emit_json(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def emit_lines(lines: list[str]) -> None:
    for line in lines:
        sys.stdout.write(line + "\n")
    sys.stdout.flush()


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A plain text table for terminals."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=False)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [fmt.format(*headers), fmt.format(*("-" * w for w in widths))]
    out.extend(fmt.format(*row) for row in rows)
    return out

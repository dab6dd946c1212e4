"""Who is acting, and what they may do: permissions are enforced here, in the services, not by hiding
buttons. A unit of work carries its :class:`~jamsos_desktop.domain.safety.Actor` (set by the composition
root); service code calls :func:`require` inside the unit of work that does the change.

Without a login the actor is the *local administrator*: the command line (unless the office requires a
login for it), ``selftest``, ``demo`` and the tests run as that user.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable

from jamsos_desktop.domain.errors import IntegrityError
from jamsos_desktop.domain.safety import Actor, Permission, Role


class PermissionDenied(IntegrityError):
    """The current user's role does not allow the action (exit 3)."""

    def __init__(self, permission: Permission, actor: Actor) -> None:
        super().__init__(
            "permission.denied", permission=permission.value, user=actor.username, role=actor.role.label
        )
        self.permission = permission


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        return "operator"


def local_administrator(name: str | None = None) -> Actor:
    return Actor(username=name or os_user(), role=Role.ADMINISTRATOR, user_id=None)


class AccessControl:
    """The session's actor. ``login`` (UserService) replaces it; ``lock``/``logout`` end it."""

    def __init__(self, actor: Actor | None = None) -> None:
        self._actor = actor or local_administrator()
        self.logged_in = False
        self._listeners: list[Callable[[Actor], None]] = []

    @property
    def actor(self) -> Actor:
        return self._actor

    def become(self, actor: Actor, *, logged_in: bool = True) -> None:
        self._actor = actor
        self.logged_in = logged_in
        for listener in list(self._listeners):
            listener(actor)

    def on_change(self, listener: Callable[[Actor], None]) -> None:
        self._listeners.append(listener)

    def can(self, permission: Permission) -> bool:
        return self._actor.can(permission)

    def require(self, permission: Permission) -> None:
        if not self._actor.can(permission):
            raise PermissionDenied(permission, self._actor)


def require(uow: object, permission: Permission) -> None:
    """Refuse (exit 3) unless the unit of work's actor may do ``permission``.

    A unit of work without an actor comes from internal code (migrations, demo data) and is trusted.
    """
    actor = getattr(uow, "actor", None)
    if actor is not None and not actor.can(permission):
        raise PermissionDenied(permission, actor)

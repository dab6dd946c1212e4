"""User accounts (*pengguna*), login and lockout. Passwords are hashed with argon2id (argon2-cffi).

The first account is the administrator, created by the first-run setup. A login takes one argon2
verification (~0.1 s); after ``lockout_attempts`` wrong passwords in a row the account is locked for
``lockout_minutes``. Unknown names cost the same verification as known ones, so the answer's timing
does not tell which names exist. Logins, failures and account changes are written to the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from jamsos_desktop.domain.errors import IntegrityError, NotFoundError, UsageError
from jamsos_desktop.domain.safety import (
    Actor,
    LockoutPolicy,
    Permission,
    Role,
    User,
    normalize_username,
    password_problem,
    username_problem,
)
from jamsos_desktop.services.access import AccessControl, require
from jamsos_desktop.services.audit import record
from jamsos_desktop.services.ports import Clock, UnitOfWorkFactory

_hasher = PasswordHasher()  # argon2id, RFC 9106 low-memory profile (t=3, m=64 MiB, p=4)
_DUMMY_HASH = _hasher.hash("not a real password; equalises timing")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


class UserService:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        access: AccessControl,
        *,
        clock: Clock = datetime.now,
        setting: Callable[[str], str] = lambda _k: "",
    ) -> None:
        self._uow = uow
        self._access = access
        self._clock = clock
        self._setting = setting

    # -- reading -----------------------------------------------------------------------------------------
    def has_users(self) -> bool:
        with self._uow() as uow:
            return uow.users.count(active_only=True) > 0

    def list(self) -> list[User]:
        with self._uow() as uow:
            return uow.users.list()

    def get(self, username: str) -> User:
        with self._uow() as uow:
            user = uow.users.by_username(normalize_username(username))
        if user is None:
            raise NotFoundError("user.not_found", username=username)
        return user

    def policy(self) -> LockoutPolicy:
        def number(key: str, default: int) -> int:
            try:
                return max(1, int(self._setting(key) or default))
            except ValueError:
                return default

        return LockoutPolicy(attempts=number("lockout_attempts", 5), minutes=number("lockout_minutes", 5))

    # -- accounts ----------------------------------------------------------------------------------------
    def create_first_administrator(self, username: str, full_name: str, password: str) -> User:
        """The administrator of a database without accounts (first-run setup, or an upgraded database)."""
        return self._create(username, full_name, Role.ADMINISTRATOR, password, first=True)

    def create(self, username: str, full_name: str, role: Role, password: str) -> User:
        return self._create(username, full_name, role, password, first=False)

    def _create(self, username: str, full_name: str, role: Role, password: str, *, first: bool) -> User:
        name = normalize_username(username)
        problem = username_problem(name)
        if problem:
            raise UsageError(problem, username=username)
        problem = password_problem(password, name)
        if problem:
            raise UsageError(problem)
        if not full_name.strip():
            raise UsageError("user.full_name_required")
        password_hash = hash_password(password)  # outside the write lock: ~0.1 s
        now = self._clock()
        with self._uow(write=True) as uow:
            if first:
                if uow.users.count(active_only=True) > 0:
                    raise IntegrityError("user.first_exists")
            else:
                require(uow, Permission.MANAGE_USERS)
            if uow.users.by_username(name) is not None:
                raise UsageError("user.exists", username=name)
            actor = self._access.actor.username
            user_id = uow.users.add(
                username=name,
                full_name=full_name.strip(),
                role=role,
                password_hash=password_hash,
                now=now,
                by=actor,
            )
            record(
                uow,
                actor,
                "create",
                "user",
                user_id,
                None,
                {"username": name, "full_name": full_name.strip(), "role": role.value},
                at=now,
            )
            uow.commit()
            user = uow.users.get(user_id)
        assert user is not None
        return user

    def set_role(self, username: str, role: Role) -> User:
        return self._change(username, "set_role", role=role)

    def set_active(self, username: str, active: bool) -> User:
        return self._change(username, "activate" if active else "deactivate", active=active)

    def reset_password(self, username: str, password: str) -> User:
        """An administrator sets a new password (and unlocks the account)."""
        problem = password_problem(password, username)
        if problem:
            raise UsageError(problem)
        return self._change(
            username,
            "reset_password",
            password_hash=hash_password(password),
            failed_attempts=0,
            locked_until=None,
        )

    def unlock(self, username: str) -> User:
        return self._change(username, "unlock", failed_attempts=0, locked_until=None)

    def _change(self, username: str, action: str, **changes: object) -> User:
        name = normalize_username(username)
        now = self._clock()
        with self._uow(write=True) as uow:
            require(uow, Permission.MANAGE_USERS)
            user = uow.users.by_username(name)
            if user is None:
                raise NotFoundError("user.not_found", username=username)
            if user.role is Role.ADMINISTRATOR and (
                changes.get("active") is False
                or changes.get("role", Role.ADMINISTRATOR) is not Role.ADMINISTRATOR
            ):
                admins = [u for u in uow.users.list() if u.role is Role.ADMINISTRATOR and u.active]
                if len(admins) <= 1:
                    raise IntegrityError("user.last_administrator")
            uow.users.update(user.id, **changes)
            shown = {
                k: (v.value if isinstance(v, Role) else v) for k, v in changes.items() if k != "password_hash"
            }
            record(
                uow,
                self._access.actor.username,
                action,
                "user",
                user.id,
                {"username": user.username, "role": user.role.value, "active": user.active},
                shown,
                at=now,
            )
            uow.commit()
            changed = uow.users.get(user.id)
        assert changed is not None
        return changed

    def change_own_password(self, old: str, new: str) -> None:
        actor = self._access.actor
        if actor.user_id is None:
            raise UsageError("user.no_account")
        self.authenticate(actor.username, old)
        problem = password_problem(new, actor.username)
        if problem:
            raise UsageError(problem)
        new_hash = hash_password(new)
        with self._uow(write=True) as uow:
            uow.users.update(actor.user_id, password_hash=new_hash)
            record(uow, actor.username, "change_password", "user", actor.user_id, at=self._clock())
            uow.commit()

    # -- login -------------------------------------------------------------------------------------------
    def authenticate(self, username: str, password: str) -> Actor:
        """The actor for a correct name and password; IntegrityError (exit 3) otherwise.

        Wrong passwords count towards the lockout; a locked account refuses even the right password
        until the lock ends.
        """
        name = normalize_username(username)
        now = self._clock()
        with self._uow() as uow:
            user = uow.users.by_username(name)
            stored = uow.users.password_hash(user.id) if user is not None else None
        if user is None or stored is None or not user.active:
            _verify(_DUMMY_HASH, password)
            self._note_failure(None, name, now)
            raise IntegrityError("auth.failed")
        if user.locked_until is not None and user.locked_until > now:
            raise IntegrityError("auth.locked", until=f"{user.locked_until:%H.%M}")
        if not _verify(stored, password):
            self._note_failure(user, name, now)
            raise IntegrityError("auth.failed")
        with self._uow(write=True) as uow:
            changes: dict[str, object] = {"failed_attempts": 0, "locked_until": None, "last_login_at": now}
            if _hasher.check_needs_rehash(stored):
                changes["password_hash"] = hash_password(password)
            uow.users.update(user.id, **changes)
            record(uow, user.username, "login", "user", user.id, at=now)
            uow.commit()
        return Actor(username=user.username, role=user.role, user_id=user.id)

    def login(self, username: str, password: str) -> Actor:
        actor = self.authenticate(username, password)
        self._access.become(actor)
        return actor

    def _note_failure(self, user: User | None, name: str, now: datetime) -> None:
        with self._uow(write=True) as uow:
            if user is not None:
                count, until = self.policy().after_failure(user.failed_attempts, now)
                uow.users.update(user.id, failed_attempts=count, locked_until=until)
                if until is not None:
                    record(
                        uow, name, "locked_out", "user", user.id, None, {"until": until.isoformat()}, at=now
                    )
            record(uow, name[:64] or "?", "login_failed", "user", user.id if user else "", at=now)
            uow.commit()


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False

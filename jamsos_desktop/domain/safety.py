"""Data safety rules (issue 7): roles and permissions, the hash-chained audit trail, backup rotation.

Pure Python: hashing and JSON only, so every rule here is tested without a database.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any


# -- users and roles ---------------------------------------------------------------------------------
class Role(str, Enum):
    """*Peran*: what a user of the office may do."""

    ADMINISTRATOR = "administrator"  # users, settings, stations (and everything else)
    VERIFIER = "verifier"  # approves registrations, resolves conflicts, records funder payments
    OPERATOR = "operator"  # data entry and printing

    @property
    def label(self) -> str:
        return ROLE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return ROLE_LABELS[self][1]


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMINISTRATOR: ("Administrator", "Administrator"),
    Role.VERIFIER: ("Verifikator", "Verifier"),
    Role.OPERATOR: ("Operator", "Operator"),
}


class Permission(str, Enum):
    ENTER_DATA = "enter_data"  # register and edit workers, self-payment receipts, events, imports
    PRINT = "print"  # cards, lists, handover events
    APPROVE = "approve"  # set a registration to verified/registered (also by a KPJ list), reactivate
    ENROL = "enrol"  # put workers into a funded programme: it commits the funder's budget
    REVERSE_PAYMENTS = "reverse_payments"  # cancel a recorded self-payment (a correction of money)
    RESOLVE_CONFLICTS = "resolve_conflicts"  # sync conflicts
    RECORD_FUNDER_PAYMENTS = "record_funder_payments"
    MANAGE_PROGRAMMES = "manage_programmes"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_STATIONS = "manage_stations"
    EXPORT_PERSONAL_DATA = "export_personal_data"  # privacy export of one person, anonymisation
    RESTORE = "restore"
    VIEW_NIK = "view_nik"  # unmasked NIK in lists and in the audit viewer


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OPERATOR: frozenset({Permission.ENTER_DATA, Permission.PRINT}),
    Role.VERIFIER: frozenset(
        {
            Permission.ENTER_DATA,
            Permission.PRINT,
            Permission.APPROVE,
            Permission.ENROL,
            Permission.REVERSE_PAYMENTS,
            Permission.RESOLVE_CONFLICTS,
            Permission.RECORD_FUNDER_PAYMENTS,
            Permission.MANAGE_PROGRAMMES,
            Permission.EXPORT_PERSONAL_DATA,
            Permission.VIEW_NIK,
        }
    ),
    Role.ADMINISTRATOR: frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the local administrator (command line, selftest, tests)."""

    username: str
    role: Role
    user_id: int | None = None  # None: the local administrator (no account)

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = None
    last_login_at: datetime | None = None
    created_at: datetime | None = None


USERNAME_MAX = 32
PASSWORD_MIN = 8


def normalize_username(text: str) -> str:
    return text.strip().lower()


def username_problem(text: str) -> str | None:
    """A message code when ``text`` cannot be a user name (letters, digits, dot, dash, underscore)."""
    name = normalize_username(text)
    if not name or len(name) > USERNAME_MAX or not all(c.isalnum() or c in "._-" for c in name):
        return "user.name_invalid"
    return None


def password_problem(password: str, username: str = "") -> str | None:
    if len(password) < PASSWORD_MIN:
        return "user.password_short"
    if username and password.strip().lower() == normalize_username(username):
        return "user.password_is_name"
    return None


@dataclass(frozen=True)
class LockoutPolicy:
    attempts: int = 5
    minutes: int = 5

    def after_failure(self, failed_attempts: int, now: datetime) -> tuple[int, datetime | None]:
        """(new counter, locked until) after one more failed password."""
        count = failed_attempts + 1
        if count >= self.attempts:
            return 0, now + timedelta(minutes=self.minutes)
        return count, None


# -- audit trail ---------------------------------------------------------------------------------------
GENESIS_HASH = "0" * 64


#: json's own string encoder (the C one when available), as ``json.dumps(text, ensure_ascii=False)``.
_encode_string = json.encoder.encode_basestring


def canonical_json(value: Any) -> str:
    """One text per value: sorted keys, no spaces, dates in ISO form (what the hashes are taken over)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(value)
    return str(value)


def values_digest(old: str | None, new: str | None) -> str:
    """SHA-256 of the old and new values (their canonical JSON texts).

    The chain is taken over this digest, not the values themselves, so the values of a person who is
    anonymised after the retention period can be erased from the trail without breaking the chain.
    The text hashed is ``canonical_json({"old": old, "new": new})``, written out directly (an import
    chains thousands of entries; a test checks both give the same text).
    """
    text = f'{{"new":{_json_text(new)},"old":{_json_text(old)}}}'
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _json_text(value: str | None) -> str:
    return "null" if value is None else _encode_string(value)


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit trail (*jejak audit*): who did what to which record, with the values."""

    seq: int
    at: str  # ISO timestamp, seconds
    actor: str
    action: str
    entity: str
    entity_id: str
    old: str | None  # canonical JSON, None when erased (anonymised) or not applicable
    new: str | None
    digest: str
    prev_hash: str
    hash: str
    erased: bool = False

    def old_values(self) -> Any:
        return json.loads(self.old) if self.old else None

    def new_values(self) -> Any:
        return json.loads(self.new) if self.new else None


def entry_hash(
    prev_hash: str, *, seq: int, at: str, actor: str, action: str, entity: str, entity_id: str, digest: str
) -> str:
    """SHA-256 of the previous hash and the canonical JSON of this entry (written out directly, the same
    text as ``canonical_json`` of the seven fields)."""
    e = _encode_string
    body = (
        f'{{"action":{e(action)},"actor":{e(actor)},"at":{e(at)},"digest":{e(digest)},'
        f'"entity":{e(entity)},"entity_id":{e(entity_id)},"seq":{int(seq)}}}'
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str  # "hash", "link", "values", "sequence"


def verify_chain(
    entries: Iterable[AuditEntry], prev: str = GENESIS_HASH, expected_seq: int = 1
) -> list[ChainProblem]:
    """Every break in the chain: an edited, inserted or deleted entry (stops at the first ten)."""
    problems: list[ChainProblem] = []
    for entry in entries:
        if entry.seq != expected_seq:
            problems.append(ChainProblem(entry.seq, "sequence"))
        if entry.prev_hash != prev:
            problems.append(ChainProblem(entry.seq, "link"))
        if not entry.erased and values_digest(entry.old, entry.new) != entry.digest:
            problems.append(ChainProblem(entry.seq, "values"))
        computed = entry_hash(
            entry.prev_hash,
            seq=entry.seq,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            entity=entry.entity,
            entity_id=entry.entity_id,
            digest=entry.digest,
        )
        if computed != entry.hash:
            problems.append(ChainProblem(entry.seq, "hash"))
        prev = entry.hash
        expected_seq = entry.seq + 1
        if len(problems) >= 10:
            break
    return problems


@dataclass(frozen=True)
class AuditQuery:
    actor: str = ""
    entity: str = ""
    entity_id: str = ""
    since: date | None = None
    until: date | None = None  # inclusive
    limit: int = 500
    offset: int = 0


NIK_FIELDS = ("nik", "kk")


def mask_values(values: Any) -> Any:
    """The same values with NIK and KK masked (for operators in the audit viewer)."""
    from jamsos_desktop.domain.formatting import mask_nik

    if isinstance(values, Mapping):
        return {
            k: (mask_nik(v) if k in NIK_FIELDS and isinstance(v, str) else mask_values(v))
            for k, v in values.items()
        }
    if isinstance(values, list):
        return [mask_values(v) for v in values]
    return values


# -- backups ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RotationPolicy:
    """Grandfather-father-son: the newest backup of each of the last 7 days, 4 weeks and 12 months,
    and always the newest ``recent`` ones (so a backup taken before an import survives the next one)."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    recent: int = 3


def backups_to_keep(stamps: Iterable[datetime], policy: RotationPolicy = RotationPolicy()) -> set[datetime]:
    ordered = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set(ordered[: policy.recent])
    for key, count in (
        (lambda t: t.date(), policy.daily),
        (lambda t: tuple(t.isocalendar()[:2]), policy.weekly),
        (lambda t: (t.year, t.month), policy.monthly),
    ):
        seen: list[Any] = []
        for stamp in ordered:
            bucket = key(stamp)
            if bucket in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(bucket)
            keep.add(stamp)
    return keep


# -- privacy ---------------------------------------------------------------------------------------------
DEFAULT_RETENTION_YEARS = 5


def retention_cutoff(today: date, years: int) -> date:
    """Workers whose membership ended before this day are due for anonymisation."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


@dataclass(frozen=True)
class AnonymisationPlan:
    cutoff: date
    worker_ids: tuple[int, ...] = field(default_factory=tuple)


#: Worker fields (as sync carries them, see ``domain.sync.WORKER_FIELDS``) that anonymisation replaces;
#: the others (sex, village, occupation, income, status, dates of membership, consent record) stay for
#: the statistics and the money.
PERSONAL_FIELDS = (
    "nik", "no_nik", "kk", "name", "birth_place", "birth_date", "address", "rt", "rw", "phone", "kpj", "notes",
    "heirs",
)  # fmt: skip
#: Fields of a worker event (a death or work accident) about the heir, cleared with the worker's.
PERSONAL_EVENT_FIELDS = ("heir_name", "heir_phone", "notes")
ANONYMOUS_PREFIX = "Anonim "


def anonymous_name(worker_id: int) -> str:
    return f"{ANONYMOUS_PREFIX}{worker_id}"


def anonymous_birth_date(birth_date: date | str | None) -> str | None:
    """Only the year stays (age statistics): 1 January of that year, ISO text as sync carries it."""
    if birth_date is None or birth_date == "":
        return None
    year = birth_date.year if isinstance(birth_date, date) else int(str(birth_date)[:4])
    return date(year, 1, 1).isoformat()


def anonymous_values(name: str, birth_date: date | str | None) -> dict[str, Any]:
    """The synced values of :data:`PERSONAL_FIELDS` of an anonymised worker called ``name`` (its
    :func:`anonymous_name`): what every stored copy of those fields becomes."""
    return {
        "nik": None, "no_nik": True, "kk": "", "name": name, "birth_place": "",
        "birth_date": anonymous_birth_date(birth_date), "address": "", "rt": "", "rw": "", "phone": "",
        "kpj": None, "notes": "", "heirs": [],
    }  # fmt: skip


def anonymous_record(values: Mapping[str, Any], target: Mapping[str, Any]) -> dict[str, Any] | None:
    """``values`` (a stored edit's fields) with every personal field it sets replaced by its value in
    ``target`` (:func:`anonymous_values`); None when nothing changes."""
    changed = False
    out = dict(values)
    for name in PERSONAL_FIELDS:
        if name in out and (type(out[name]) is not type(target[name]) or out[name] != target[name]):
            out[name] = target[name]
            changed = True
    return out if changed else None

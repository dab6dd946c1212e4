"""Checks of the values an incoming sync package carries (issue 6): pure, no storage.

A package is signed by a station the office registered, but a signature says who sent it, not that its
values are sound (an older build, a bug, a hand-edited database on the laptop). Every edit is checked
here before anything is stored:

* **shape** (:func:`check_shape`): each value has the JSON type its column needs (text, integer rupiah —
  never a float or a boolean —, ISO dates, the enumerations of sex, status and heir relationship),
  and fits the column's length;
* **rules** (:func:`check_edit`): the record as it would be after the edit (the office's current values
  plus the edit's) goes through :func:`~jamsos_desktop.domain.worker.validate_worker`, the rules of a
  clerk's manual entry (NIK structure and its birth date and sex, region codes, dates, phone, RT/RW,
  income range, consent, heirs). Only errors on the fields the edit sets count: an edit of the phone
  is not refused for an older problem in the address.

An edit with an error is not stored; the rest of the package applies. Each refusal is a
:class:`~jamsos_desktop.domain.errors.Finding` whose code is in the message catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from jamsos_desktop.domain.errors import Finding, Severity
from jamsos_desktop.domain.regions import RegionTable
from jamsos_desktop.domain.worker import Consent, Heir, WorkerData, validate_worker
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex, WorkerStatus

#: Text fields and their longest length (the columns of ``worker``); ``None``: no limit but text.
TEXT_LIMITS: dict[str, int | None] = {
    "kk": 16,
    "name": 100,
    "birth_place": 100,
    "address": 200,
    "rt": 3,
    "rw": 3,
    "village_code": 13,
    "occupation": 80,
    "phone": 16,
    "notes": 2000,
    "end_reason": 500,
}
HEIR_NAME_MAX = 100
CONSENT_BY_MAX = 64
CONSENT_PURPOSE_MAX = 2000
MAX_HEIRS = 20
_SEXES = frozenset(s.value for s in Sex)
_STATUSES = frozenset(s.value for s in WorkerStatus)
_RELATIONS = frozenset(r.value for r in HeirRelationship)
#: Fields a finding of :func:`validate_worker` is about (its ``field`` -> the synced fields).
_FINDING_FIELDS: dict[str, frozenset[str]] = {
    "nik": frozenset({"nik", "no_nik", "birth_date", "sex"}),
    "rt_rw": frozenset({"rt", "rw"}),
}
#: The fields without which no record can be checked as a whole (nor created).
REQUIRED = ("name", "sex", "birth_date", "village_code", "status", "consent")


def _bad(field_name: str, code: str = "sync.value_invalid", **params: object) -> Finding:
    return Finding(field_name, code, Severity.ERROR, {"field": field_name, **params})


def _is_date(value: Any) -> bool:
    if type(value) is not str or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_moment(value: Any) -> bool:
    if type(value) is not str or len(value) > 40:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _text(field_name: str, value: Any, limit: int | None) -> Finding | None:
    if type(value) is not str:
        return _bad(field_name)
    if limit is not None and len(value) > limit:
        return _bad(field_name, "sync.value_too_long", limit=limit)
    return None


def _check_identifier(name: str, value: Any) -> Finding | None:
    if value is None or value == "":
        return None
    if type(value) is not str:
        return _bad(name)
    if name == "kpj":
        return None if len(value) == 11 and value.isdigit() else _bad(name, "kpj.format")
    if not value.isdigit():
        return _bad(name, "nik.digits")
    return None if len(value) == 16 else _bad(name, "nik.length", length=len(value))


def _check_choice(name: str, value: Any) -> Finding | None:
    choices = _SEXES if name == "sex" else _STATUSES
    if type(value) is str and value in choices:
        return None
    return _bad(name, "sync.value_choice", value=str(value)[:20])


def _check_other(name: str, value: Any) -> Finding | None:
    if name == "no_nik":
        return None if type(value) is bool else _bad(name)
    if name == "birth_date":
        return None if _is_date(value) else _bad(name, "sync.value_date")
    if name == "end_date":
        return None if value is None or _is_date(value) else _bad(name, "sync.value_date")
    if name == "income":  # not a float, not a boolean: money is integer rupiah
        return None if type(value) is int else _bad(name, "sync.value_money")
    if name == "consent":
        return _check_consent(value)
    if name == "heirs":
        return _check_heirs(value)
    return _bad(name)


def check_shape(values: Mapping[str, Any]) -> list[Finding]:
    """Type, enumeration and length of each value (what a column can hold at all)."""
    out: list[Finding] = []
    for name, value in values.items():
        limit = TEXT_LIMITS.get(name, 0)
        if limit:  # most fields: text within the column's length
            if type(value) is str and len(value) <= limit:
                continue
            problem = _text(name, value, limit)
        elif name == "nik" or name == "kpj":
            problem = _check_identifier(name, value)
        elif name == "sex" or name == "status":
            problem = _check_choice(name, value)
        else:
            problem = _check_other(name, value)
        if problem is not None:
            out.append(problem)
    return out


def _check_consent(value: Any) -> Finding | None:
    if type(value) is not list or len(value) != 4:
        return _bad("consent")
    purpose, given, by, at = value
    if type(purpose) is not str or type(given) is not bool or type(by) is not str:
        return _bad("consent")
    if len(purpose) > CONSENT_PURPOSE_MAX or len(by) > CONSENT_BY_MAX:
        return _bad("consent", "sync.value_too_long", limit=CONSENT_BY_MAX)
    if at is not None and not _is_moment(at):
        return _bad("consent", "sync.value_date")
    return None


def _check_heirs(value: Any) -> Finding | None:
    if type(value) is not list or len(value) > MAX_HEIRS:
        return _bad("heirs")
    for heir in value:
        if type(heir) is not list or len(heir) != 4:
            return _bad("heirs")
        name, relation, nik, phone = heir
        if type(name) is not str or len(name) > HEIR_NAME_MAX or relation not in _RELATIONS:
            return _bad("heirs")
        if nik is not None and not (type(nik) is str and len(nik) <= 16):
            return _bad("heirs")
        if phone is not None and not (type(phone) is str and len(phone) <= 16):
            return _bad("heirs")
    return None


_SEX_OF = {s.value: s for s in Sex}
_STATUS_OF = {s.value: s for s in WorkerStatus}
_RELATION_OF = {r.value: r for r in HeirRelationship}


def worker_data(values: Mapping[str, Any]) -> WorkerData:
    """The record as a clerk's form would hold it (values already passed :func:`check_shape`)."""
    purpose, given, by, at = values["consent"]
    heirs = values.get("heirs")
    return WorkerData(
        name=values["name"],
        sex=_SEX_OF[values["sex"]],
        birth_date=date.fromisoformat(values["birth_date"]),
        village_code=values["village_code"],
        nik=values.get("nik") or None,
        no_nik=bool(values.get("no_nik", False)),
        kk=values.get("kk") or "",
        birth_place=values.get("birth_place") or "",
        address=values.get("address") or "",
        rt=values.get("rt") or "",
        rw=values.get("rw") or "",
        occupation=values.get("occupation") or "",
        phone=values.get("phone") or "",
        income=values["income"] if values.get("income") is not None else 1_000_000,
        kpj=values.get("kpj") or "",
        status=_STATUS_OF[values["status"]],
        heirs=tuple([Heir(h[0], _RELATION_OF[h[1]], h[2], h[3] or "") for h in heirs]) if heirs else (),
        consent=Consent(purpose, given, by, datetime.fromisoformat(at) if at else None),
        notes=values.get("notes") or "",
    )


@dataclass(frozen=True)
class Rules:
    """What the manual-entry rules need besides the record."""

    regions: RegionTable
    regency_code: str
    today: date


def check_edit(values: Mapping[str, Any], current: Mapping[str, Any] | None, rules: Rules) -> list[Finding]:
    """Errors that refuse an incoming edit setting ``values`` on a record whose values here are
    ``current`` (None: a record new here). Empty: the edit may be stored."""
    problems = check_shape(values)
    if problems:
        return problems
    record = dict(current or {})
    record.update(values)
    if None in (record.get("name"), record.get("sex"), record.get("birth_date"), record.get("village_code"),
                record.get("status"), record.get("consent")):  # fmt: skip
        # Not whole yet (its other fields travel in another package): the fields are sound one by one.
        return []
    if current is not None and check_shape({f: v for f, v in current.items() if f not in values}):
        return []  # the rest of the record is not checkable as a whole; the edit's own values are sound
    validated = validate_worker(worker_data(record), rules.regions, regency_code=rules.regency_code, today=rules.today)
    touched = set(values)
    out = []
    for finding in validated.errors:
        about = _FINDING_FIELDS.get(finding.field) or frozenset({finding.field.split("[", 1)[0]})
        if about & touched:
            out.append(finding)
    return out


def check_in_order(
    edits: Sequence[tuple[str, Mapping[str, Any]]], held: Mapping[str, Mapping[str, Any]], rules: Rules
) -> list[list[Finding]]:
    """The findings of each edit ``(uid, values)``, given in clock order: each is checked against its
    record as the accepted edits before it left it (``held``: the values here before the package).
    Records are independent of each other, so any split of the edits by record gives the same answers."""
    per_uid: dict[str, int] = {}
    for uid, _values in edits:
        per_uid[uid] = per_uid.get(uid, 0) + 1
    running: dict[str, dict[str, Any]] = {}
    out: list[list[Finding]] = []
    for uid, values in edits:
        current = running.get(uid)
        if current is None:
            current = held.get(uid)
        problems = check_edit(values, current, rules)
        out.append(problems)
        if not problems and per_uid[uid] > 1:  # a later edit of the record is checked against this result
            running[uid] = {**(current or {}), **values}
    return out

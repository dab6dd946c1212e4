"""Which programme, calendar, enrolment, payment, card, worker event and handover records travel in sync
packages, and how they merge (issue 6): pure rules, no storage.

Every travelling record has a global id (``gid``), an origin station and a clock reading (``hlc``,
see :mod:`jamsos_desktop.domain.sync`); workers are named by their global ``uid``, never a local id.

* **programme** (name, months, amounts, quota, funders): a *snapshot*; the office is the authority —
  an office version beats any station version, otherwise the newest clock wins. A station's own
  programme of the same name is bound to the office's (one programme here, two global ids).
* **calendar** (the holidays the due dates depend on): one snapshot, office → stations only.
* **enrolment** (programme, worker, start, end, funded range, funder, exit): a snapshot recorded at the
  office or a station, global id ``<programme gid>|<worker uid>``; the newest clock wins, older versions
  stay stored.
* **self_payment** (a worker's own payment and a **reversal**, which is its own record naming the
  payment's gid), **funder_payment** (APBD invoices with their month lines; office → stations only) and
  **card_print** (serial, worker, when and by whom): *append-only facts* merged as a **set union** —
  idempotent, order-independent, nothing lost.
* **worker_event** (a death or work accident of a worker: kind, date, programme, claim status, heir's
  contact, notes): a *snapshot* recorded at a station (a village clerk hears of a death first) or at the
  office (claims follow-up); global id made at capture, names the worker by uid and the programme by its
  gid; the newest clock wins (a claim status changed later is a newer version), older versions stay
  stored. Station → office; office → a station for the workers of its villages. Its consequences (the
  enrolments a death ends, the worker's status) travel as their own records.
* **handover** (a symbolic card handover: name, date, place, officials, programme, the recipients' uids
  in the order they are called): a *snapshot*. **The office is the authority**: the office organises the
  ceremonies, so an office version beats any station version (like programmes), then the newest clock
  wins. Office → every station (the whole list); a station's own go to the office. A recipient whose
  worker is not here is left out of the local list but kept in the record (a station does not hold the
  workers of other villages; a version made here keeps the recipients it could not show); at the office,
  which receives every worker, such a version stays pending until the worker arrives.

A record whose worker, programme, enrolment or reversed payment has not arrived yet is kept **pending**
and applied by a later import; a payment whose receipt number (or a card whose serial) another record
already holds here is kept **held** (stored and relayed, not written) and counted on the sync page.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

PROGRAMME, CALENDAR, ENROLMENT = "programme", "calendar", "enrolment"
SELF_PAYMENT, FUNDER_PAYMENT, CARD_PRINT = "self_payment", "funder_payment", "card_print"
WORKER_EVENT, HANDOVER = "worker_event", "handover"
#: In the order a package applies them (a record's references come first).
KINDS: tuple[str, ...] = (
    PROGRAMME, CALENDAR, ENROLMENT, SELF_PAYMENT, FUNDER_PAYMENT, CARD_PRINT, WORKER_EVENT, HANDOVER,
)  # fmt: skip
SNAPSHOT_KINDS = frozenset({PROGRAMME, CALENDAR, ENROLMENT, WORKER_EVENT, HANDOVER})
#: Snapshot kinds whose office versions beat any station version.
AUTHORITY_KINDS = frozenset({PROGRAMME, CALENDAR, HANDOVER})
APPEND_KINDS = frozenset({SELF_PAYMENT, FUNDER_PAYMENT, CARD_PRINT})
#: Kinds only the office sends (a station's own are kept at the station).
OFFICE_KINDS = frozenset({CALENDAR, FUNDER_PAYMENT})
#: The one calendar record.
CALENDAR_GID = "calendar"

APPLIED, PENDING, HELD = "applied", "pending", "held"

#: Required keys and their types per kind (``None`` allowed where the tuple holds ``type(None)``).
_INT, _STR, _OPT_INT, _OPT_STR = (int,), (str,), (int, type(None)), (str, type(None))
SCHEMAS: dict[str, dict[str, tuple[type, ...]]] = {
    PROGRAMME: {
        "name": _STR, "start_month": _INT, "funded_months": _INT, "income": _INT, "include_jht": (bool,),
        "monthly_amount": _INT, "quota": _OPT_INT, "lapse_threshold": _INT, "funding_window": _STR,
        "horizon_months": _INT, "notes": _STR, "funders": (list,),
    },
    CALENDAR: {"holidays": (list,)},
    ENROLMENT: {
        "programme": _STR, "start_month": _INT, "end_month": _OPT_INT, "funded_from": _INT, "funded_to": _INT,
        "exit_date": _OPT_STR, "exit_reason": _STR, "funder": _OPT_STR, "created_at": _STR, "created_by": _STR,
    },
    SELF_PAYMENT: {
        "programme": _STR, "receipt": _OPT_STR, "first_month": _INT, "last_month": _INT, "amount": _INT,
        "paid_on": _STR, "source": _STR, "reversal_of": _OPT_STR, "reason": _STR, "created_at": _STR,
        "created_by": _STR,
    },
    FUNDER_PAYMENT: {
        "programme": _STR, "funder": _STR, "invoice": _STR, "first_month": _INT, "last_month": _INT,
        "amount": _INT, "expected": _INT, "paid_on": _STR, "reversal_of": _OPT_STR, "reason": _STR,
        "created_at": _STR, "created_by": _STR, "lines": (list,),
    },
    CARD_PRINT: {
        "serial": _STR, "programme": _OPT_STR, "printed_at": _STR, "printed_by": _STR, "reason": _STR,
        "layout": _STR,
    },
    WORKER_EVENT: {
        "programme": _OPT_STR, "kind": _STR, "event_date": _STR, "claim_status": _STR, "heir_name": _STR,
        "heir_relationship": _STR, "heir_phone": _STR, "notes": _STR, "created_at": _STR, "created_by": _STR,
        "updated_at": _STR, "updated_by": _STR,
    },
    HANDOVER: {
        "name": _STR, "event_date": _STR, "place": _STR, "officials": _STR, "programme": _OPT_STR,
        "created_at": _STR, "created_by": _STR, "recipients": (list,),
    },
}  # fmt: skip
#: Kinds that name a worker (``Fact.worker``).
WORKER_KINDS = frozenset({ENROLMENT, SELF_PAYMENT, CARD_PRINT, WORKER_EVENT})
#: Longest text per key where a column is narrower or wider than the general cap (2,000).
_TEXT_CAPS = {
    "kind": 16, "claim_status": 16, "heir_name": 100, "heir_relationship": 20, "heir_phone": 16,
    "created_by": 64, "updated_by": 64, "notes": 20_000, "officials": 20_000,
}  # fmt: skip
_EVENT_KINDS = frozenset({"death", "accident"})
_CLAIM_STATUSES = frozenset({"reported", "submitted", "paid", "rejected"})
#: The most recipients one handover record may name.
MAX_RECIPIENTS = 5_000

_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


@dataclass(frozen=True)
class Fact:
    """One version of one travelling record."""

    gid: str
    hlc: str
    kind: str
    origin: str
    worker: str | None
    data: Mapping[str, Any]
    office: bool = False  # recorded at the office (the authority for programmes, the calendar, handovers)

    def text(self) -> str:
        """The canonical JSON of the data (what is stored and what the digest is taken of)."""
        return _dump(dict(self.data))

    def to_json(self) -> dict[str, Any]:
        return {"gid": self.gid, "hlc": self.hlc, "kind": self.kind, "origin": self.origin,
                "worker": self.worker, "office": self.office, "data": dict(self.data)}  # fmt: skip

    @classmethod
    def from_json(cls, item: Mapping[str, Any]) -> Fact:
        """A fact read from a package, every key and type checked (ValueError when malformed)."""
        try:
            gid, hlc, kind, origin = item["gid"], item["hlc"], item["kind"], item["origin"]
            worker, office, data = item.get("worker"), item.get("office", False), item["data"]
        except (KeyError, TypeError):
            raise ValueError("malformed record") from None
        if kind not in SCHEMAS or not isinstance(data, dict) or type(office) is not bool:
            raise ValueError("malformed record")
        if not all(type(v) is str and 0 < len(v) <= 80 for v in (gid, hlc, origin)):
            raise ValueError("malformed record")
        if (kind in WORKER_KINDS) != (type(worker) is str and 0 < len(worker) <= 36):
            raise ValueError("malformed record")
        check_data(kind, data)
        return cls(gid, hlc, kind, origin, worker if kind in WORKER_KINDS else None, data, office)


def check_data(kind: str, data: Mapping[str, Any]) -> None:
    """ValueError unless ``data`` has every key of its kind with a value of the right type."""
    caps = _TEXT_CAPS if kind in (WORKER_EVENT, HANDOVER) else {}
    for key, types in SCHEMAS[kind].items():
        value = data.get(key, ...)
        if value is ... or type(value) not in types:
            raise ValueError(f"malformed record: {kind} {key}")
        if type(value) is str and len(value) > caps.get(key, 2000):
            raise ValueError(f"malformed record: {kind} {key}")
    if kind == PROGRAMME and not all(
        isinstance(f, list) and len(f) == 4 and type(f[0]) is str for f in data["funders"]
    ):
        raise ValueError("malformed record: programme funders")
    if kind == CALENDAR and not all(
        isinstance(h, list) and len(h) == 2 and all(type(x) is str for x in h) for h in data["holidays"]
    ):
        raise ValueError("malformed record: calendar holidays")
    if kind == FUNDER_PAYMENT and not all(
        isinstance(line, list) and len(line) == 4 and all(type(x) is int for x in line) for line in data["lines"]
    ):
        raise ValueError("malformed record: funder payment lines")
    if kind == WORKER_EVENT:
        _check_event(data)
    if kind == HANDOVER:
        _check_handover(data)


def _check_dates(data: Mapping[str, Any], days: tuple[str, ...], stamps: tuple[str, ...]) -> None:
    try:
        for key in days:
            date.fromisoformat(data[key])
        for key in stamps:
            if datetime.fromisoformat(data[key]).tzinfo is not None:
                raise ValueError(key)
    except ValueError:
        raise ValueError("malformed record: a date or time is not in ISO form") from None


def _check_event(data: Mapping[str, Any]) -> None:
    if data["kind"] not in _EVENT_KINDS or data["claim_status"] not in _CLAIM_STATUSES:
        raise ValueError("malformed record: worker event kind or claim status")
    _check_dates(data, ("event_date",), ("created_at", "updated_at"))


def _check_handover(data: Mapping[str, Any]) -> None:
    recipients = data["recipients"]
    if len(recipients) > MAX_RECIPIENTS or not all(type(u) is str and 0 < len(u) <= 36 for u in recipients):
        raise ValueError("malformed record: handover recipients")
    if len(set(recipients)) != len(recipients):
        raise ValueError("malformed record: handover recipients")
    _check_dates(data, ("event_date",), ("created_at",))


def rank(fact: Fact) -> tuple[bool, str]:
    """Which version of a snapshot record wins: the highest rank. Programmes, the calendar and handovers:
    an office version first; every kind: then the newest clock (clocks are totally ordered)."""
    authority = fact.office if fact.kind in AUTHORITY_KINDS else False
    return (authority, fact.hlc)


def current(versions: Iterable[Fact]) -> Fact | None:
    """The winning version of one record (None when there is none); a function of the set of versions."""
    return max(versions, key=rank, default=None)


def digest(data: Mapping[str, Any]) -> str:
    """A row's captured data reduced to a short fingerprint (change detection, not security)."""
    return hashlib.sha1(_dump(dict(data)).encode()).hexdigest()  # noqa: S324


def enrolment_gid(programme_gid: str, worker_uid: str) -> str:
    return f"{programme_gid}|{worker_uid}"


def materialize(facts: Iterable[Fact]) -> dict[str, Any]:
    """The state a set of facts describes (winning version per snapshot record, the set of append-only
    facts): what every site holding the same facts shows, whatever order they arrived in."""
    versions: dict[str, list[Fact]] = {}
    appended: dict[str, Fact] = {}
    for fact in facts:
        if fact.kind in SNAPSHOT_KINDS:
            versions.setdefault(fact.gid, []).append(fact)
        else:
            appended[fact.gid] = fact
    out: dict[str, Any] = {}
    for gid, group in versions.items():
        win = current(group)
        assert win is not None
        out[gid] = (win.kind, win.worker, win.text())
    for gid, fact in appended.items():
        out[gid] = (fact.kind, fact.worker, fact.text())
    return out

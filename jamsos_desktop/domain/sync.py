"""Sync rules between village laptops (*stasiun*) and the district office: pure, no storage, no crypto.

* A **hybrid logical clock** (:class:`Hlc`) stamps every change: wall-clock milliseconds, a counter for
  changes in the same millisecond, and the station id as the last tie-break, so that any two changes
  are totally ordered and the order is the same everywhere.
* A **change** (:class:`Change`) sets one field of one record (global id ``uid``) to a value. It names
  the versions it replaces (``supersedes``): a clerk's edit replaces the value the clerk saw, a
  conflict resolution replaces every value of the conflict.
* The state of a field is a pure function of the **set** of its changes (:func:`resolve_field`): the
  newest change wins (deterministically, by HLC), and every other *head* — a change no other change
  replaces — whose value differs is kept as a **conflict** for review. Nothing depends on the order in
  which packages arrive, and a losing value is never thrown away.
* Unique values (NIK, KPJ) claimed by two different records go to the record that claimed it first
  (:func:`unique_owner`); the other keeps its record and the claim stays open as a conflict.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

#: Worker fields that travel in packages (heirs travel as one list value, consent as one value).
WORKER_FIELDS: tuple[str, ...] = (
    "nik", "no_nik", "kk", "name", "sex", "birth_place", "birth_date", "address", "rt", "rw",
    "village_code", "occupation", "phone", "income", "kpj", "status", "end_date", "end_reason",
    "notes", "consent", "heirs",
)  # fmt: skip
#: Fields whose value belongs to one record only.
UNIQUE_FIELDS = ("nik", "kpj")
#: Statuses that end a membership: a change to one of them travels as a deactivation.
END_STATUSES = frozenset({"inactive", "withdrawn", "deceased"})

#: 2: changes travel grouped as edits (one per record and clock reading) instead of one per field.
#: 3: programmes, the calendar, enrolments, payments and card prints travel too (``records``).
#: 4: worker events (deaths, work accidents) and handover events travel too.
SCHEMA_VERSION = 4


class ChangeKind:
    """Why a change was made; deactivations and moves between villages are explicit."""

    CREATE = "create"
    UPDATE = "update"
    DEACTIVATE = "deactivate"
    REACTIVATE = "reactivate"
    MOVE = "move"
    RESOLVE = "resolve"
    MERGE = "merge"
    #: The personal fields of a long-inactive worker removed (UU 27/2022): every site that holds the
    #: record also erases the earlier values of those fields from its sync history.
    ANONYMISE = "anonymise"


#: The text a travelling version's values are stored as: compact JSON in the package's own key order
#: (an edit's values in ``sync_edit``, a record version's data in ``sync_fact``). One encoder for both,
#: so that a text encoded ahead of time in a helper process (:class:`TextsAhead`) is the very text
#: storing the values here would give.
stored_text = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class TextsAhead:
    """Stored texts (:data:`stored_text`) encoded ahead of time, for the very value objects they were
    encoded from (by identity: an object it was not given is encoded when asked for, as are values
    made anew, e.g. by a merge). Values read from a package are never changed in place."""

    def __init__(self) -> None:
        self._texts: dict[int, tuple[object, str]] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def add(self, values: Mapping[str, Any], text: str) -> None:
        self._texts[id(values)] = (values, text)  # the object is held: its id is not reused meanwhile

    def text(self, values: Mapping[str, Any]) -> str:
        known = self._texts.get(id(values))
        if known is not None and known[0] is values:
            return known[1]
        return stored_text(values)


# -- hybrid logical clock -------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class Hlc:
    """A hybrid logical clock reading; ordering is (wall, counter, station)."""

    wall: int
    counter: int
    station: str

    def text(self) -> str:
        """Sortable text form: comparing two texts compares the clocks."""
        return f"{self.wall:013d}.{self.counter:06d}.{self.station}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        try:
            wall, counter, station = text.split(".", 2)
            if len(wall) != 13 or len(counter) != 6 or not station:
                raise ValueError(text)
            return cls(int(wall), int(counter), station)
        except ValueError:
            raise ValueError(f"not a clock reading: {text!r}") from None

    def __str__(self) -> str:
        return self.text()


def tick(last: Hlc | None, now_ms: int, station: str) -> Hlc:
    """The clock for a local event at physical time ``now_ms`` after ``last`` (monotonic)."""
    if last is None or now_ms > last.wall:
        return Hlc(now_ms, 0, station)
    return Hlc(last.wall, last.counter + 1, station)


def observe(last: Hlc | None, remote: Hlc, station: str) -> Hlc:
    """The local clock after seeing ``remote``: never behind anything received."""
    if last is None or remote > last:
        return Hlc(remote.wall, remote.counter, station)
    return last


# -- changes --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One field of one record set to ``value`` (JSON-compatible) at ``hlc`` by station ``origin``."""

    uid: str
    field: str
    value: Any
    hlc: str
    origin: str
    kind: str = ChangeKind.UPDATE
    supersedes: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.uid, self.field)

    @property
    def identity(self) -> tuple[str, str, str]:
        """A change is the same change wherever it is seen: same record, field and clock."""
        return (self.uid, self.field, self.hlc)

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "field": self.field,
            "value": self.value,
            "hlc": self.hlc,
            "origin": self.origin,
            "kind": self.kind,
            "supersedes": list(self.supersedes),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Change:
        """Raises ``ValueError`` for anything that is not a well-formed change."""
        try:
            uid, fld, hlc, origin = data["uid"], data["field"], data["hlc"], data["origin"]
            kind, supersedes = data.get("kind", ChangeKind.UPDATE), data.get("supersedes", [])
        except (KeyError, TypeError):
            raise ValueError("malformed change") from None
        if not all(isinstance(v, str) for v in (uid, fld, hlc, origin, kind)) or fld not in WORKER_FIELDS:
            raise ValueError("malformed change")
        if not isinstance(supersedes, list) or not all(isinstance(s, str) for s in supersedes):
            raise ValueError("malformed change")
        Hlc.parse(hlc)
        return cls(uid, fld, data.get("value"), hlc, origin, kind, tuple(supersedes))


@dataclass(frozen=True)
class Edit:
    """One edit of one record: the fields it set, all at one clock reading. Changes are stored and travel
    as edits (a new worker is one edit of 21 fields, not 21 rows); :meth:`changes` gives the per-field
    view the merge works on. ``supersedes`` names, per field, the clock readings the edit replaces."""

    uid: str
    hlc: str
    origin: str
    kind: str
    values: Mapping[str, Any]
    supersedes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def changes(self) -> list[Change]:
        sup = self.supersedes
        return [
            Change(self.uid, f, v, self.hlc, self.origin, self.kind, tuple(sup.get(f, ()))) for f, v in self.values.items()
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "hlc": self.hlc,
            "origin": self.origin,
            "kind": self.kind,
            "values": dict(self.values),
            "supersedes": {f: list(s) for f, s in self.supersedes.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Edit:
        """Raises ``ValueError`` for anything that is not a well-formed edit (fields unknown, clock
        unreadable); the values themselves are checked by :mod:`jamsos_desktop.domain.sync_check`."""
        try:
            uid, hlc, origin, kind = data["uid"], data["hlc"], data["origin"], data["kind"]
            values, supersedes = data["values"], data.get("supersedes") or {}
        except (KeyError, TypeError):
            raise ValueError("malformed edit") from None
        if not (type(uid) is str and type(hlc) is str and type(origin) is str and type(kind) is str):
            raise ValueError("malformed edit")
        if not uid or len(uid) > 36 or len(origin) > 40 or len(kind) > 16 or len(hlc) > 80:
            raise ValueError("malformed edit")
        if type(values) is not dict or not values or not _FIELD_SET.issuperset(values):
            raise ValueError("malformed edit")
        if type(supersedes) is not dict or not _FIELD_SET.issuperset(supersedes):
            raise ValueError("malformed edit")
        sup: dict[str, tuple[str, ...]] = {}
        for f, heads in supersedes.items():
            if type(heads) is not list or not all(type(h) is str for h in heads):
                raise ValueError("malformed edit")
            if heads:
                sup[f] = tuple(heads)
        Hlc.parse(hlc)
        return cls(uid, hlc, origin, kind, values, sup)


_FIELD_SET = frozenset(WORKER_FIELDS)


def group_edits(changes: Iterable[Change]) -> list[Edit]:
    """Per-field changes gathered back into edits (by record and clock), in clock order."""
    grouped: dict[tuple[str, str], list[Change]] = {}
    for change in changes:
        grouped.setdefault((change.uid, change.hlc), []).append(change)
    return [
        Edit(uid, hlc, group[0].origin, group[0].kind, {c.field: c.value for c in group},
             {c.field: c.supersedes for c in group if c.supersedes})  # fmt: skip
        for (uid, hlc), group in sorted(grouped.items(), key=lambda item: (item[0][1], item[0][0]))
    ]


def edit_kind(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> str:
    """The explicit kind of a captured edit: a deactivation, reactivation or move is named as such."""
    if old is None:
        return ChangeKind.CREATE
    kinds = {change_kind(f, old.get(f), v, created=False) for f, v in new.items()}
    for kind in (ChangeKind.DEACTIVATE, ChangeKind.REACTIVATE, ChangeKind.MOVE):
        if kind in kinds:
            return kind
    return ChangeKind.UPDATE


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def value_text(value: Any) -> str:
    """Canonical JSON of a value: equal values have equal texts."""
    # Plain strings are most values: the shared encoder's C path, without a new encoder per call.
    return _CANONICAL.encode(value)


@dataclass(frozen=True)
class FieldOutcome:
    """The shown value of a field and the concurrent values that lost (kept for review)."""

    winner: Change
    losers: tuple[Change, ...] = ()

    @property
    def in_conflict(self) -> bool:
        return bool(self.losers)


def resolve_field(changes: Iterable[Change]) -> FieldOutcome:
    """Winner and conflicts of one field from the set of its changes (order and repeats ignored)."""
    unique = {c.hlc: c for c in changes}
    if not unique:
        raise ValueError("no changes")
    if len(unique) == 1:  # most fields: nothing to compare
        return FieldOutcome(next(iter(unique.values())))
    replaced = {s for c in unique.values() for s in c.supersedes}
    winner = unique[max(unique)]
    winning_value = value_text(winner.value)
    losers = tuple(
        c
        for hlc, c in sorted(unique.items())
        if hlc != winner.hlc and hlc not in replaced and value_text(c.value) != winning_value
    )
    return FieldOutcome(winner, losers)


def merge(changes: Iterable[Change]) -> dict[tuple[str, str], FieldOutcome]:
    """Outcome of every field touched by ``changes``."""
    grouped: dict[tuple[str, str], list[Change]] = {}
    for change in changes:
        grouped.setdefault(change.key, []).append(change)
    return {key: resolve_field(group) for key, group in grouped.items()}


def unique_owner(claims: Mapping[str, str]) -> str:
    """Which record keeps a unique value claimed by several: ``claims`` maps uid -> the HLC of the
    claiming change; the earliest claim keeps it (ties by uid, so the choice is the same everywhere)."""
    if not claims:
        raise ValueError("no claims")
    return min(claims.items(), key=lambda item: (item[1], item[0]))[0]


@dataclass
class MergeState:
    """Incremental merge, as a database applies packages one by one (a reference for the tests and
    for small in-memory uses): ``apply`` returns the keys whose outcome changed."""

    changes: dict[tuple[str, str], dict[str, Change]] = field(default_factory=dict)
    outcomes: dict[tuple[str, str], FieldOutcome] = field(default_factory=dict)

    def apply(self, batch: Iterable[Change]) -> set[tuple[str, str]]:
        touched: set[tuple[str, str]] = set()
        for change in batch:
            known = self.changes.setdefault(change.key, {})
            if change.hlc not in known:
                known[change.hlc] = change
                touched.add(change.key)
        changed = set()
        for key in touched:
            outcome = resolve_field(self.changes[key].values())
            if self.outcomes.get(key) != outcome:
                self.outcomes[key] = outcome
                changed.add(key)
        return changed

    def values(self) -> dict[tuple[str, str], Any]:
        return {key: outcome.winner.value for key, outcome in self.outcomes.items()}

    def conflicts(self) -> set[tuple[str, str, str]]:
        return {
            (key[0], key[1], loser.hlc) for key, outcome in self.outcomes.items() for loser in outcome.losers
        }


def change_kind(field_name: str, old: Any, new: Any, *, created: bool) -> str:
    """The explicit kind of a captured change."""
    if created:
        return ChangeKind.CREATE
    if field_name == "status":
        if new in END_STATUSES and old not in END_STATUSES:
            return ChangeKind.DEACTIVATE
        if old in END_STATUSES and new not in END_STATUSES:
            return ChangeKind.REACTIVATE
    if field_name == "village_code":
        return ChangeKind.MOVE
    return ChangeKind.UPDATE


def next_sequence(seen: Iterable[int]) -> int:
    """The next sequence number the office expects from a station: one past the contiguous run."""
    got = set(seen)
    expected = 1
    while expected in got:
        expected += 1
    return expected


# -- what services exchange with storage ----------------------------------------------------------
@dataclass(frozen=True)
class Station:
    """A village laptop or the office (*stasiun*), with its public keys and the villages it serves."""

    id: str
    name: str
    is_office: bool
    sign_public: str
    box_public: str
    villages: tuple[str, ...] = ()
    is_self: bool = False
    last_seq_in: int = 0
    last_package_at: datetime | None = None
    last_seq_out: int = 0
    acked_hlc: str = ""
    clock: str = ""
    #: The short code in the serials of cards this station prints (``25-TL-000123``), handed out by the
    #: office when it registers the station; empty for the office and for a station not told yet.
    code: str = ""
    #: Public Ed25519 keys (base64url) this station signs its cards' QR codes with, as its signed
    #: packages (or the office's provisioning file) brought them here.
    card_keys: tuple[str, ...] = ()


class RecordOutcome:
    """The stored outcome of every settled field of one record: the shown values, the winning clock of
    each field (``default_hlc`` for those not listed in ``hlcs``: a new record arrives as one edit), and
    the fields whose value the worker row does not hold (``withheld``: a unique NIK/KPJ claimed first by
    another record). One object per record, not per field: packages hold hundreds of thousands of fields.
    """

    __slots__ = ("values", "hlcs", "default_hlc", "withheld")

    def __init__(
        self,
        values: dict[str, Any] | None = None,
        hlcs: dict[str, str] | None = None,
        default_hlc: str = "",
        withheld: Iterable[str] = (),
    ) -> None:
        self.values = values if values is not None else {}
        self.hlcs = hlcs if hlcs is not None else {}
        self.default_hlc = default_hlc
        self.withheld = set(withheld)

    def __contains__(self, field_name: object) -> bool:
        return field_name in self.values

    def hlc(self, field_name: str) -> str:
        return self.hlcs.get(field_name, self.default_hlc)

    def applied(self, field_name: str) -> Any:
        """What the worker row holds for the field."""
        return None if field_name in self.withheld else self.values.get(field_name)

    def applied_values(self) -> dict[str, Any]:
        if not self.withheld:
            return dict(self.values)
        return {f: (None if f in self.withheld else v) for f, v in self.values.items()}

    def state(self, field_name: str) -> tuple[str, Any, bool]:
        return (self.hlc(field_name), self.values[field_name], field_name in self.withheld)

    def set(self, field_name: str, hlc: str, value: Any, withheld: bool = False) -> bool:
        """Record a field's outcome; returns whether anything changed."""
        if field_name in self.values and self.state(field_name) == (hlc, value, withheld) and (
            value_text(self.values[field_name]) == value_text(value)
        ):
            return False
        self.values[field_name] = value
        if hlc != self.default_hlc:
            self.hlcs[field_name] = hlc
        else:
            self.hlcs.pop(field_name, None)
        if withheld:
            self.withheld.add(field_name)
        else:
            self.withheld.discard(field_name)
        return True

    def to_json(self) -> dict[str, Any]:
        return {"v": self.values, "h": self.hlcs, "d": self.default_hlc, "w": sorted(self.withheld)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RecordOutcome:
        return cls(data["v"], data.get("h") or {}, data.get("d", ""), data.get("w") or ())


@dataclass(frozen=True)
class Conflict:
    """A losing value kept for review."""

    id: int
    uid: str
    field: str
    kind: str  # "value" or "unique"
    winner_hlc: str
    winner_value: Any
    loser_hlc: str
    loser_value: Any
    loser_origin: str
    other_uid: str | None = None
    worker_name: str = ""
    other_name: str = ""  # a unique conflict: the name of the other record holding the value


@dataclass(frozen=True)
class PackageRecord:
    """A package written or read here."""

    package_id: str
    digest: str
    direction: str
    sender: str
    recipient: str
    seq: int
    at: datetime
    records: int = 0
    inserted: int = 0
    updated: int = 0
    conflicts: int = 0


@dataclass(frozen=True)
class Refusal:
    """An incoming edit not stored because a value breaks the rules of manual entry."""

    uid: str
    hlc: str
    name: str
    field: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        from jamsos_desktop.domain.messages import render

        reason = render(self.code, lang, **self.params)
        return render("sync.record_refused", lang, name=self.name or self.uid, field=self.field, reason=reason)

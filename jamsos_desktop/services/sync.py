"""Sync between village laptops (stations) and the district office (issue 6).

* ``register_station`` (office) writes a provisioning file; ``join`` (laptop) takes on that identity
  (both administrator acts: ``manage_stations``).
* Local edits are **captured** as one edit per record (the fields that changed, one clock reading)
  whenever the worker row's version differs from the one sync last saw, so every path that writes
  workers (forms, Excel imports, KPJ imports) is tracked without hooks; the clock reading follows the
  row's ``updated_at``. A new worker is one edit of its 21 fields, one row in ``sync_edit``.
* ``export`` writes one ``.jamsync`` zip: ``manifest.json`` (cleartext: ids, sequence, counts,
  SHA-256 of the payload, the sender's latest audit chain hash), ``signature`` (Ed25519 of the manifest
  by the sender) and ``payload.bin`` (edits and merges, encrypted to the recipient). Station → office:
  own edits the office has not acknowledged. Office → station: an acknowledgement (accepted up to,
  next sequence, conflicts, refused edits with reasons, members' status and KPJ) plus every edit the
  office holds for the station's records and villages made elsewhere.
* ``import_package`` checks everything before writing anything, then checks every incoming value
  with the rules of manual entry (:mod:`jamsos_desktop.domain.sync_check`; refused edits are listed,
  the rest applies) and merges in one transaction with the rules of :mod:`jamsos_desktop.domain.sync`
  (order-independent, losers kept as conflicts).
* ``merge`` (a verifier) makes one record of two: the loser stays as a tombstone pointing to the
  winner; the merge travels in packages.
* Export and import need ``enter_data`` (operators move packages), resolving and merging
  ``resolve_conflicts``; all of them are in the audit trail with the actor.

**Programmes, enrolments, payments, cards and events** (schema 4, :mod:`jamsos_desktop.services.sync_records`,
rules in :mod:`jamsos_desktop.domain.sync_records`) travel beside the workers as *records*: each has a
global id and an origin station, names workers by ``uid`` (never a local id) and carries a clock reading
from the same HLC. What travels, and how it merges:

* **programme definitions** (name, months, amounts, quota, window, funders): snapshots; the office is the
  authority — an office version beats any station version, then the newest clock wins. A station's
  programme of the same name is bound to the office's. Office → stations always; a station's own
  programmes go to the office (kept there only while the office has none of that name).
* **the holiday calendar** the due dates depend on: one snapshot, office → stations only.
* **enrolments** (programme, worker, start, end, funded range, funder, exit), recorded at the office or a
  station: snapshots named ``<programme gid>|<worker uid>``, the newest clock wins (older versions stay
  stored); station → office, and office → station for the station's workers and villages.
* **self-payments and their reversals**: append-only facts, merged as a **set union** (idempotent,
  order-independent, nothing lost); a reversal is its own fact naming the payment's gid.
* **funder (APBD) payments** with their month lines (and reversals): append-only, office → stations.
* **card prints** (serial, worker, programme, printed when and by whom): append-only, both ways (a card
  printed at the office shows at the station of the worker's village).
* **worker events** (a death or work accident, its claim status, heir's contact, notes;
  :mod:`jamsos_desktop.services.sync_events`): snapshots named by a gid made at capture, the newest clock
  wins (a claim followed later is a newer version); station → office, office → the station of the
  worker's village.
* **handover events** (name, date, place, officials, programme, the recipients' uids in order): snapshots,
  the office is the authority (office → every station; a station's own or edited ones go to the office,
  where an office version wins). A station shows the recipients it holds; at the office a version waits,
  pending, for recipients not arrived yet.

Capture needs no hook: a snapshot record changed when its row's digest differs from the one bound to its
gid (``sync_local``), an append-only record is new above the kind's id mark and unbound (rows an import
wrote are bound). A record whose worker, programme, enrolment or reversed payment has not arrived is kept
*pending* and applied by a later import (order independence); a payment whose receipt number, or a card
whose serial, another record already holds here is kept *held* (stored and relayed, not written, counted
on the sync page). A station may send only its own records and never office-only kinds; only the office's
own records carry the office's authority. Import checks every record's shape before writing anything and
applies them in the workers' transaction, after the workers they name; each new record is one
``sync_record`` entry of the audit trail, and the import's summary entry counts them per kind.
"""

from __future__ import annotations

import hashlib
import io
import json
import secrets
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from jamsos_desktop.domain.errors import IntegrityError, UsageError
from jamsos_desktop.domain.regions import RegionTable, default_table
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.domain.sync import (
    SCHEMA_VERSION,
    UNIQUE_FIELDS,
    Change,
    ChangeKind,
    Conflict,
    Edit,
    Hlc,
    PackageRecord,
    RecordOutcome,
    Refusal,
    Station,
    edit_kind,
    next_sequence,
    observe,
    resolve_field,
    tick,
    unique_owner,
    value_text,
)
from jamsos_desktop.domain.sync_check import Rules, check_in_order
from jamsos_desktop.domain.sync_records import OFFICE_KINDS, Fact
from jamsos_desktop.services import station_cards, sync_events
from jamsos_desktop.services.access import require
from jamsos_desktop.services.audit import record, record_many
from jamsos_desktop.services.batch import collector_paused
from jamsos_desktop.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from jamsos_desktop.services.privacy import forget_anonymised
from jamsos_desktop.services.sync_checking import PackageChecker
from jamsos_desktop.services.sync_records import SHARED_KINDS, ApplyCounts, RecordSync

if TYPE_CHECKING:
    from jamsos_desktop.services.sync_crypto import StationKeys


def _crypto() -> ModuleType:
    """The package crypto (the ``cryptography`` library), imported when a station is made, a package
    sealed or opened: the sync page lists stations, packages and conflicts without it."""
    from jamsos_desktop.services import sync_crypto

    return sync_crypto


MANIFEST, SIGNATURE, PAYLOAD = "manifest.json", "signature", "payload.bin"
MEMBERS = frozenset({MANIFEST, SIGNATURE, PAYLOAD})
#: Caps against absurd or hostile files (a package of 100,000 workers is a few tens of MB).
MAX_PACKAGE_BYTES = 512 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024
MAX_SIGNATURE_BYTES = 256
MAX_PAYLOAD_BYTES = 1024 * 1024 * 1024
#: A station whose last package is older than this is shown as overdue at the office.
OVERDUE_DAYS = 14


@dataclass(frozen=True)
class ExportResult:
    package_id: str
    path: Path
    records: int
    changes: int  # edits (one per record and clock reading; a new worker is one)
    seq: int
    recipient: str
    #: Programme, calendar, enrolment, payment and card versions in the package, per kind.
    kinds: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportResult:
    status: str  # "applied" or "already-imported"
    package_id: str
    sender: str
    records: int = 0
    inserted: int = 0
    updated: int = 0
    conflicts: int = 0
    rejected: tuple[str, ...] = ()  # records still incomplete here (their other fields not received yet)
    refused: tuple[Refusal, ...] = ()  # edits not stored: a value breaks the rules of manual entry
    #: Programme, calendar, enrolment, payment and card versions new here, per kind; written here per
    #: kind; still waiting for a record they name; held (a receipt or card serial taken here).
    kinds: dict[str, int] = field(default_factory=dict)
    written: dict[str, int] = field(default_factory=dict)
    pending: int = 0
    held: int = 0
    merged: int = 0  # merges of duplicate records new here (each loser a tombstone pointing to its survivor)


@dataclass(frozen=True)
class MergeResult:
    winner: str
    loser: str
    enrolments: int = 0
    payments: int = 0


@dataclass(frozen=True)
class RecordCounts:
    """What the sync page shows besides stations and conflicts."""

    unsent_edits: int = 0  # worker edits made here, not acknowledged by the office
    unsent: dict[str, int] = field(default_factory=dict)  # records made here not acknowledged, per kind
    pending: int = 0  # received records waiting for a worker, programme or payment they name
    held: int = 0  # received records whose receipt number or card serial another record holds here


@dataclass(frozen=True)
class StationInfo:
    """One line of the office inbox."""

    station: Station
    overdue: bool


@dataclass
class _MergeCounts:
    inserted: int = 0
    updated: int = 0
    incomplete: tuple[str, ...] = ()


def _tomb_reason(winner: str) -> str:
    return f"Data ganda, digabung ke {winner}"


_TrailEntry = tuple[str, str, str, str | None, str]


def _batch_trail(action: str, entity: str, package_id: str, versions: list[tuple[str, str, str]]) -> list[_TrailEntry]:
    """One audit entry for many versions a package brought (id, clock, stored text): the versions and
    the SHA-256 of their texts in that order, so the trail's hash chain covers exactly what was stored
    (no entry when there are none)."""
    if not versions:
        return []
    texts = "\n".join(text for _i, _h, text in versions)
    summary = {"count": len(versions), "versions": [[i, h] for i, h, _t in versions],
               "sha256": hashlib.sha256(texts.encode()).hexdigest()}  # fmt: skip
    return [(action, entity, package_id, None, _dump(summary))]


def _record_trail(package_id: str, applied: ApplyCounts) -> list[_TrailEntry]:
    """One audit entry per kind of record a package brought (not one per record: a package of 10,000
    workers brings ~17,000), covering what was stored in ``sync_fact``."""
    by_kind: dict[str, list[tuple[str, str, str]]] = {}
    for f in applied.fresh:
        by_kind.setdefault(f.kind, []).append((f.gid, f.hlc, applied.texts[(f.gid, f.hlc)]))
    return [entry for kind, versions in sorted(by_kind.items())
            for entry in _batch_trail("sync_records", kind, package_id, versions)]  # fmt: skip


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


class SyncService:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        *,
        data_dir: Path,
        user: Callable[[], str],
        clock: Clock,
        regency: Callable[[], str],
        regions: Callable[[], RegionTable] = default_table,
    ) -> None:
        self._uow = uow
        self._regions = regions
        self._data_dir = data_dir
        self._user = user
        self._clock = clock
        self._regency = regency

    # -- identity -----------------------------------------------------------------------------------
    def own(self) -> Station | None:
        with self._uow() as uow:
            return uow.sync.own()

    def _keys(self) -> StationKeys:
        keys = _crypto().StationKeys.load(self._data_dir)
        if keys is None:
            raise IntegrityError("sync.no_keys", path=str(self._data_dir / "keys"))
        return keys

    def _office_identity(self, uow: UnitOfWork) -> Station:
        own = uow.sync.own()
        if own is not None:
            if not own.is_office:
                raise UsageError("sync.not_office")
            return own
        keys = _crypto().StationKeys.load(self._data_dir) or _crypto().StationKeys.generate()
        keys.save(self._data_dir)
        office = Station(
            id="office-" + secrets.token_hex(5),
            name=f"Kantor {self._regency()}",
            is_office=True,
            sign_public=keys.sign_public,
            box_public=keys.box_public,
            is_self=True,
        )
        uow.sync.add_station(office, now=self._clock())
        return office

    def register_station(self, name: str, villages: Iterable[str], out: Path, code: str | None = None) -> Station:
        """Office: a new station and its provisioning file (holds the station's private keys: secret).
        ``code``: the station's card serial code (default: one the office picks, recalling the name)."""
        name = name.strip()
        if not name:
            raise UsageError("sync.station_name")
        with self._uow(write=True) as uow:
            require(uow, Permission.MANAGE_STATIONS)
            office = self._office_identity(uow)
            if uow.sync.station_by_name(name) is not None:
                raise UsageError("sync.station_exists", name=name)
            keys = _crypto().StationKeys.generate()
            station = Station(
                id="st-" + secrets.token_hex(6),
                name=name,
                is_office=False,
                sign_public=keys.sign_public,
                box_public=keys.box_public,
                villages=tuple(sorted(set(villages))),
                code=station_cards.new_code(uow, name, code),
            )
            uow.sync.add_station(station, now=self._clock())
            body = {
                "format": "jamsos-station",
                "version": 1,
                "station": {"id": station.id, "name": station.name, "villages": list(station.villages),
                            "code": station.code},
                "office": {
                    "id": office.id,
                    "name": office.name,
                    "sign_public": office.sign_public,
                    "box_public": office.box_public,
                    "card_keys": station_cards.own_keys(uow),
                },
                "keys": keys.export_private(),
            }
            text = json.dumps(body, sort_keys=True).encode()
            document = {"body": body, "signature": self._keys().signature(text)}
            out.parent.mkdir(parents=True, exist_ok=True)
            _crypto().write_secret(out, json.dumps(document, indent=1).encode())
            record(uow, self._user(), "station_register", "sync_station", station.id, None,
                   {"name": station.name, "villages": list(station.villages), "code": station.code},
                   at=self._clock())  # fmt: skip
            uow.commit()
        return station

    def join(self, path: Path) -> Station:
        """Laptop: become the station of a provisioning file."""
        try:
            document = json.loads(path.read_bytes())
            body = document["body"]
            signature = document["signature"]
            office_info, station_info = body["office"], body["station"]
            keys = _crypto().StationKeys.from_private(body["keys"])
            code = station_cards.read_code(station_info.get("code"))
            office_card_keys = station_cards.read_keys(office_info.get("card_keys"))
        except (OSError, ValueError, KeyError, TypeError):
            raise UsageError("sync.provisioning_unreadable", path=str(path)) from None
        text = json.dumps(body, sort_keys=True).encode()
        if body.get("format") != "jamsos-station" or not _crypto().verify(office_info["sign_public"], text, signature):
            raise IntegrityError("sync.provisioning_invalid", path=str(path))
        with self._uow(write=True) as uow:
            require(uow, Permission.MANAGE_STATIONS)
            own = uow.sync.own()
            if own is not None:
                if own.id == station_info["id"]:
                    return own
                raise UsageError("sync.already_joined", name=own.name)
            keys.save(self._data_dir)
            now = self._clock()
            uow.sync.add_station(
                Station(
                    id=office_info["id"],
                    name=office_info["name"],
                    is_office=True,
                    sign_public=office_info["sign_public"],
                    box_public=office_info["box_public"],
                    card_keys=office_card_keys,
                ),
                now=now,
            )
            station = Station(
                id=station_info["id"],
                name=station_info["name"],
                is_office=False,
                sign_public=keys.sign_public,
                box_public=keys.box_public,
                villages=tuple(station_info.get("villages", ())),
                is_self=True,
                code=code,
            )
            uow.sync.add_station(station, now=now)
            record(uow, self._user(), "station_join", "sync_station", station.id, None,
                   {"name": station.name, "office": office_info["name"]}, at=now)  # fmt: skip
            uow.commit()
        return station

    # -- capture ------------------------------------------------------------------------------------
    def capture(self) -> int:
        with self._uow(write=True) as uow:
            count = self._capture(uow)
            uow.commit()
        return count

    def capture_workers(self, uow: UnitOfWork, uids: Iterable[str]) -> int:
        """Capture, in the caller's transaction, the local changes of these workers and their records
        (the privacy service's anonymisation, before it rewrites their sync history)."""
        return self._capture(uow, uids)

    def _capture(self, uow: UnitOfWork, only: Iterable[str] | None = None) -> int:
        """Workers' edits (see :meth:`_capture_workers`), then programmes, the calendar, enrolments,
        payments and card prints (:class:`RecordSync`); returns how many changes were captured."""
        only = None if only is None else set(only)
        count = self._capture_workers(uow, only)
        return count + len(self._capture_records(uow, only))

    def _capture_records(self, uow: UnitOfWork, only: set[str] | None = None) -> list[Fact]:
        own = uow.sync.own()
        if own is None:
            return []
        now = self._clock()
        clock: list[Hlc | None] = [Hlc.parse(own.clock) if own.clock else None]

        def next_clock() -> Hlc:
            clock[0] = tick(clock[0], _ms(now), own.id)
            return clock[0]

        facts = RecordSync(uow, own, user=self._user(), now=now).capture(next_clock, only)
        if facts and clock[0] is not None:
            uow.sync.update_station(own.id, clock=clock[0].text())
        return facts

    def _capture_workers(self, uow: UnitOfWork, only: Iterable[str] | None = None) -> int:
        """Turn local edits since the last capture into edits (one per record); returns how many field
        changes they hold. ``only``: the records an import is about to touch (the others wait for the
        next capture: a package's cost grows with the package, not with the database)."""
        own = uow.sync.own()
        if own is None:
            return 0
        dirty = sorted(uow.sync.dirty_workers(only), key=lambda d: (d[2], d[0]))
        if not dirty:
            return 0
        tombs = uow.sync.merged(d[0] for d in dirty)
        if tombs:
            # A tombstone edited here stays here: elsewhere its changes would land on the survivor.
            uow.sync.mark_seen((uid, version) for uid, version, _at, _v in dirty if uid in tombs)
            dirty = [d for d in dirty if d[0] not in tombs]
        states = uow.sync.outcomes(d[0] for d in dirty)
        # Records the office refused: once edited here again, sent whole (the office has none of it).
        resend = uow.sync.refused_uids() if not own.is_office else set()
        clock = Hlc.parse(own.clock) if own.clock else None
        new: list[Edit] = []
        count = 0
        for uid, _version, updated_at, values in dirty:
            state = states.get(uid)
            if state is not None and uid in resend:
                changed, old = values, state.values
                supersedes = {f: (state.hlc(f),) for f in values if f in state}
            elif state is None:
                changed, old = values, None
                supersedes: dict[str, tuple[str, ...]] = {}
            else:
                changed = {
                    f: v for f, v in values.items() if f not in state or value_text(state.applied(f)) != value_text(v)
                }
                if not changed:
                    continue
                old = state.values
                supersedes = {f: (state.hlc(f),) for f in changed if f in state}
            clock = tick(clock, _ms(updated_at), own.id)
            new.append(Edit(uid, clock.text(), own.id, edit_kind(old, changed), changed, supersedes))
            count += len(changed)
        texts: dict[tuple[str, str], str] = {}
        stored = uow.sync.add_edits(new, texts)
        # A local edit is the newest change of its fields here; settle to keep concurrent losers.
        self._settle(uow, stored, write_rows=False, states=states, texts=texts)
        uow.sync.mark_seen((uid, version) for uid, version, _at, _v in dirty)
        if resend:
            uow.sync.clear_refusals(uids=resend & {e.uid for e in new})
        if clock is not None:
            uow.sync.update_station(own.id, clock=clock.text())
        return count

    # -- merge --------------------------------------------------------------------------------------
    def _settle(
        self,
        uow: UnitOfWork,
        fresh: Sequence[Edit],
        *,
        write_rows: bool = True,
        states: dict[str, RecordOutcome] | None = None,
        texts: dict[tuple[str, str], str] | None = None,
    ) -> _MergeCounts:
        """Recompute the outcome of every field ``fresh`` (edits just stored) touches, from all its stored
        changes, and write the outcomes, conflicts and (``write_rows``) worker rows.

        A field without an outcome yet has no other stored change (every stored edit is settled in the
        transaction that stores it): when one fresh edit sets it, that edit is its outcome, without
        reading anything back. Only the records with a field settled before (or set twice now) are read.
        ``states``: outcomes already read in this transaction; ``texts``: stored JSON of fresh edits."""
        counts = _MergeCounts()
        if not fresh:
            return counts
        uids = {e.uid for e in fresh}
        if states is None:
            states = uow.sync.outcomes(uids)
        had_row = {u for u in uids if u in states}
        tombs = uow.sync.merged(uids)  # merged into another record: they claim no unique value
        per_uid: dict[str, dict[str, Any]] = {}
        changed_uids: set[str] = set()
        ready: set[str] = set()  # new records whose outcome is their one edit, stored now (taken whole)
        edits_per_uid: dict[str, int] = {}
        for edit in fresh:
            edits_per_uid[edit.uid] = edits_per_uid.get(edit.uid, 0) + 1
        # A record seen for the first time in one edit (a new worker): that edit is the outcome of all
        # its fields, taken whole; only its unique fields go through the field-by-field path below.
        # Who holds each unique value claimed here: one lookup per field for the whole batch, kept up
        # to date below as values are taken away (``claimed``: values taken by records of this batch).
        held = {name: uow.sync.holders(name, {e.values.get(name) for e in fresh} - {None, ""}) for name in UNIQUE_FIELDS}
        claimed: dict[str, dict[Any, str]] = {name: {} for name in UNIQUE_FIELDS}
        setters: dict[tuple[str, str], list[Edit]] = {}
        for edit in fresh:
            uid = edit.uid
            if uid not in states and edits_per_uid[uid] == 1:
                states[uid] = RecordOutcome(dict(edit.values), {}, edit.hlc)
                per_uid[uid] = dict(edit.values)
                changed_uids.add(uid)
                if texts and (uid, edit.hlc) in texts:
                    ready.add(uid)
                for f in UNIQUE_FIELDS:
                    value = edit.values.get(f)
                    if value:
                        if held[f].get(value, uid) != uid or value in claimed[f] or uid in tombs:
                            setters[(uid, f)] = [edit]  # someone else holds it: the claim is decided below
                        else:
                            claimed[f][value] = uid
                continue
            for f in edit.values:
                setters.setdefault((uid, f), []).append(edit)
        settled_before = {uid for uid in had_row}
        need_history = {
            uid for (uid, f), edits in setters.items() if len(edits) > 1 or (uid in settled_before and f in states[uid])
        }
        history = uow.sync.edits_of(need_history) if need_history else {}
        with_conflicts = uow.sync.conflict_keys(had_row) if had_row else set()
        now, user = self._clock(), self._user()
        # (winner hlc, winner value, winner origin, losers) per field
        outcomes: dict[tuple[str, str], tuple[str, Any, str, tuple[Change, ...]]] = {}
        for key in sorted(setters):
            uid, field = key
            edits = setters[key]
            if uid in need_history and (len(edits) > 1 or (uid in settled_before and field in states[uid])):
                outcome = resolve_field(
                    Change(uid, field, e.values[field], e.hlc, e.origin, e.kind, e.supersedes.get(field, ()))
                    for e in history.get(uid, ())
                    if field in e.values
                )
                w = outcome.winner
                outcomes[key] = (w.hlc, w.value, w.origin, outcome.losers)
            else:
                e = edits[0]
                outcomes[key] = (e.hlc, e.values[field], e.origin, ())
        for name in UNIQUE_FIELDS:  # a winner may be an older value than those of the fresh edits
            missing = {o[1] for (_u, f), o in outcomes.items() if f == name and o[1] and o[1] not in held[name]}
            held[name].update(uow.sync.holders(name, missing))
        holders = {h for name in UNIQUE_FIELDS for h in held[name].values()} - set(states)
        if holders:
            loaded = uow.sync.outcomes(holders)
            states.update(loaded)
            had_row.update(loaded)
        pending: dict[tuple[str, str], list[Conflict]] = {}
        for key, (w_hlc, w_value, w_origin, losers) in outcomes.items():
            uid, field = key
            conflicts = [
                Conflict(0, uid, field, "value", w_hlc, w_value, c.hlc, c.value, c.origin) for c in losers
            ]
            withheld = False
            if field in UNIQUE_FIELDS and w_value and uid in tombs:
                withheld = True
            elif field in UNIQUE_FIELDS and w_value:
                holder = claimed[field].get(w_value) or held[field].get(w_value)
                if holder is not None and holder != uid and holder in per_uid and per_uid[holder].get(field) == w_value:
                    # Claimed by another record of this batch (not written yet): decided in memory.
                    holder_state = states[holder]
                    holder_hlc = holder_state.hlc(field)
                    claims = {uid: w_hlc, holder: holder_hlc}
                    if unique_owner(claims) == uid:
                        per_uid[holder][field] = None
                        holder_state.set(field, holder_hlc, holder_state.values[field], True)
                        changed_uids.add(holder)
                        ready.discard(holder)
                        lost = Conflict(0, holder, field, "unique", w_hlc, w_value, holder_hlc, w_value, "", uid)
                        pending.setdefault((holder, field), []).append(lost)
                        claimed[field][w_value] = uid
                    else:
                        conflicts.append(
                            Conflict(0, uid, field, "unique", holder_hlc, w_value, w_hlc, w_value, w_origin, holder)
                        )
                        withheld = True
                elif holder is not None and holder != uid:
                    holder_state = states.get(holder)
                    holder_hlc = holder_state.hlc(field) if holder_state is not None and field in holder_state else ""
                    claims = {uid: w_hlc, holder: holder_hlc}
                    if unique_owner(claims) == uid:
                        version = uow.sync.clear_unique(holder, field)
                        del held[field][w_value]
                        uow.sync.mark_seen([(holder, version)])
                        if holder_state is not None and field in holder_state:
                            holder_state.set(field, holder_hlc, holder_state.values[field], True)
                            changed_uids.add(holder)
                            ready.discard(holder)
                        claimed[field][w_value] = uid
                        lost = Conflict(0, holder, field, "unique", w_hlc, w_value, holder_hlc, w_value, "", uid)
                        if (holder, field) not in pending:
                            pending[(holder, field)] = [
                                c for c in uow.sync.conflicts(uid=holder) if c.field == field and c.kind == "value"
                            ]
                        pending[(holder, field)].append(lost)
                    else:
                        conflicts.append(
                            Conflict(0, uid, field, "unique", holder_hlc, w_value, w_hlc, w_value, w_origin, holder)
                        )
                        withheld = True
            if conflicts or key in with_conflicts or key in pending:
                earlier = [c for c in pending.get(key, []) if c.kind == "unique" and c.uid == uid and c.other_uid]
                pending[key] = conflicts + earlier
            held_here = states.get(uid)
            if held_here is None:
                held_here = states[uid] = RecordOutcome()
            if held_here.set(field, w_hlc, w_value, withheld):
                changed_uids.add(uid)
                if withheld:
                    ready.discard(uid)
            per_uid.setdefault(uid, {})[field] = None if withheld else w_value
            if field in UNIQUE_FIELDS and w_value and not withheld:
                claimed[field][w_value] = uid
        uow.sync.replace_conflicts_many(pending)
        uow.sync.set_outcomes({u: states[u] for u in changed_uids}, existing=had_row, whole=ready)
        if write_rows:
            merged: dict[str, dict[str, Any]] = {}
            for uid in sorted(per_uid):
                # A new record needs all its fields: take the stored outcome of those not touched now.
                values = states[uid].applied_values()
                values.update(per_uid[uid])
                merged[uid] = values
            written = uow.sync.write_workers(merged, user=user, now=now)
            incomplete: list[str] = []
            seen: list[tuple[str, int]] = []
            for uid in sorted(per_uid):
                status, version = written[uid]
                if status == "inserted":
                    counts.inserted += 1
                elif status == "updated":
                    counts.updated += 1
                elif status == "incomplete":
                    incomplete.append(uid)
                if version:
                    seen.append((uid, version))
            uow.sync.mark_seen(seen)
            counts.incomplete = tuple(incomplete)
        return counts

    # -- export -------------------------------------------------------------------------------------
    def export(self, out: Path, station_name: str | None = None) -> ExportResult:
        with collector_paused:
            return self._export(out, station_name)

    def _export(self, out: Path, station_name: str | None) -> ExportResult:
        keys = self._keys()
        with self._uow(write=True) as uow, uow.sync.large_write():
            require(uow, Permission.ENTER_DATA)
            self._capture(uow)
            own = uow.sync.own()
            if own is None:
                raise UsageError("sync.no_station")
            ack: dict[str, Any] | None = None
            if station_name is None:
                if own.is_office:
                    raise UsageError("sync.office_needs_station")
                recipient = next((s for s in uow.sync.stations() if s.is_office), None)
                assert recipient is not None
                rows = uow.sync.edits_by_origin(own.id, own.acked_hlc)
                merges = uow.sync.merges(origin=own.id, after_hlc=own.acked_hlc)
                facts = uow.sync.records.texts_by_origin(own.id, own.acked_hlc)
            else:
                if not own.is_office:
                    raise UsageError("sync.station_cannot_ack")
                recipient = uow.sync.station_by_name(station_name)
                if recipient is None or recipient.is_self:
                    raise UsageError("sync.unknown_station", name=station_name)
                rows, ack, facts = self._acknowledgement(uow, recipient)
                merges = uow.sync.merges(not_origin=recipient.id)
            records = len({r[0] for r in rows})
            changes = len(rows)  # edits: one per record and clock reading
            seq = own.last_seq_out + 1
            package_id = secrets.token_hex(16)
            head = '{"ack":' + json.dumps(ack, ensure_ascii=False, separators=(",", ":")) + "," if ack else "{"
            merge_list = [{"loser": m[0], "winner": m[1], "hlc": m[2], "origin": m[3]} for m in merges]
            body = (
                head + '"merges":' + json.dumps(merge_list, separators=(",", ":"))
                + ',"records":[' + ",".join(text for _kind, text in facts) + "]"
                + ',"edits":[' + ",".join(map(_edit_text, rows)) + "]}"
            )  # fmt: skip
            kinds: dict[str, int] = {}
            for kind, _text in facts:
                kinds[kind] = kinds.get(kind, 0) + 1
            data = self._write(
                out, keys, own, recipient, seq, package_id, body.encode(), len(rows), records,
                uow.audit.latest_hash() if getattr(uow, "audit", None) is not None else "", kinds,
                station_cards.own_keys(uow),
            )  # fmt: skip
            uow.sync.update_station(own.id, last_seq_out=seq)
            uow.sync.add_package(
                PackageRecord(
                    package_id,
                    hashlib.sha256(data).hexdigest(),
                    "out",
                    own.id,
                    recipient.id,
                    seq,
                    self._clock(),
                    records=records,
                )  # fmt: skip
            )
            record(uow, self._user(), "sync_export", "sync_package", package_id, None,
                   {"to": recipient.name, "seq": seq, "records": records, "edits": len(rows), "file": out.name,
                    "acknowledgement": ack is not None, "kinds": kinds}, at=self._clock())  # fmt: skip
            uow.commit()
        return ExportResult(package_id, out, records, changes, seq, recipient.name, kinds)

    def _acknowledgement(
        self, uow: UnitOfWork, station: Station
    ) -> tuple[list[tuple[Any, ...]], dict[str, Any], list[tuple[str, str]]]:
        own_uids = uow.sync.uids_of(station.id)
        uids = own_uids | uow.sync.uids_in_villages(station.villages)
        rows = uow.sync.edits_of_uids(uids, exclude_origin=station.id)
        # Programmes, the calendar and funder payments whole; enrolments, payments and cards of the
        # station's workers and villages made elsewhere.
        facts = uow.sync.records.for_station(uids, SHARED_KINDS, exclude_origin=station.id)
        conflicts = [c for c in uow.sync.conflicts() if c.uid in own_uids]
        return rows, {
            "accepted_up_to": max(uow.sync.max_hlc(station.id), uow.sync.records.max_hlc(station.id)),
            "next_seq": next_sequence(uow.sync.seqs_from(station.id)),
            "station_code": station.code,
            "card_signers": station_cards.signers_for(uow, station),
            "conflicts": [
                {"uid": c.uid, "field": c.field, "kind": c.kind, "shown": c.winner_value, "kept": c.loser_value}
                for c in conflicts
            ],
            "members": [{"uid": uid, "status": status, "kpj": kpj} for uid, status, kpj in uow.sync.status_and_kpj(uids)],
            "refused": [
                {"uid": r.uid, "hlc": r.hlc, "name": r.name, "field": r.field, "code": r.code, "params": dict(r.params)}
                for r in uow.sync.refusals(station.id)
            ],
        }, facts

    def _write(
        self,
        out: Path,
        keys: StationKeys,
        sender: Station,
        recipient: Station,
        seq: int,
        package_id: str,
        body: bytes,
        edits: int,
        records: int,
        audit_hash: str,
        kinds: dict[str, int] | None = None,
        card_keys: Sequence[str] = (),
    ) -> bytes:
        # Level 1: most of the size for a fraction of the time (the payload is mostly repeated keys).
        plain = zlib.compress(body, 1)
        context = f"{package_id}|{sender.id}|{recipient.id}|{seq}".encode()
        ciphertext, epk, nonce = _crypto().seal(plain, recipient.box_public, context)
        manifest = {
            "format": "jamsync",
            "package_id": package_id,
            "from": sender.id,
            "to": recipient.id,
            "seq": seq,
            "schema_version": SCHEMA_VERSION,
            "created": self._clock().isoformat(timespec="seconds"),
            "counts": {"edits": edits, "records": records, **(kinds or {})},
            "members": {PAYLOAD: hashlib.sha256(ciphertext).hexdigest()},
            "encryption": {"algorithm": _crypto().ALGORITHM, "epk": epk, "nonce": nonce},
            "audit_chain_hash": audit_hash,
            "card_keys": list(card_keys),  # the sender's public card keys (station_cards)
        }
        manifest_bytes = json.dumps(manifest, sort_keys=True, indent=1).encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest_bytes)
            archive.writestr(SIGNATURE, keys.signature(manifest_bytes))
            archive.writestr(PAYLOAD, ciphertext, compress_type=zipfile.ZIP_STORED)
        data = buffer.getvalue()
        out.parent.mkdir(parents=True, exist_ok=True)
        temporary = out.with_name(out.name + ".part")
        temporary.write_bytes(data)
        temporary.replace(out)
        return data

    # -- import -------------------------------------------------------------------------------------
    def import_package(self, path: Path) -> ImportResult:
        with collector_paused:
            return self._import_package(path)

    def _import_package(self, path: Path) -> ImportResult:
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise UsageError(
                "sync.package_unreadable", path=str(path), detail=exc.strerror or str(exc)
            ) from None
        if size > MAX_PACKAGE_BYTES:
            raise IntegrityError("sync.package_too_big", path=str(path))
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        manifest_bytes, signature, ciphertext = _unpack(data, path)
        try:
            manifest = json.loads(manifest_bytes)
            package_id, sender_id, recipient_id = manifest["package_id"], manifest["from"], manifest["to"]
            seq = int(manifest["seq"])
            if not isinstance(manifest["encryption"], dict):
                raise ValueError("encryption")
            payload_hash = manifest["members"][PAYLOAD]
            schema = manifest.get("schema_version")
            station_cards.read_keys(manifest.get("card_keys"))
        except (ValueError, KeyError, TypeError):
            raise IntegrityError("sync.package_damaged", path=str(path)) from None
        keys = self._keys()
        with self._uow(write=True) as uow:
            require(uow, Permission.ENTER_DATA)
            own = uow.sync.own()
            if own is None:
                raise UsageError("sync.no_station")
            if recipient_id != own.id:
                raise IntegrityError("sync.not_for_us", path=str(path))
            sender = uow.sync.station(sender_id)
            if sender is None or sender.is_self:
                raise IntegrityError("sync.unknown_sender", sender=str(sender_id))
            if not _crypto().verify(sender.sign_public, manifest_bytes, signature.decode("ascii", "replace")):
                raise IntegrityError("sync.bad_signature", path=str(path))
            known = uow.sync.package(package_id)
            if known is not None:
                if known.digest == digest:
                    return ImportResult("already-imported", package_id, sender.name)
                raise IntegrityError("sync.package_replaced", package_id=package_id)
            if schema != SCHEMA_VERSION:
                raise IntegrityError("sync.schema_version", path=str(path), found=str(schema), expected=SCHEMA_VERSION)
            earlier = uow.sync.package_with_seq(sender.id, seq)
            if earlier is not None:
                raise IntegrityError("sync.sequence_reused", seq=seq, sender=sender.name)
            if hashlib.sha256(ciphertext).hexdigest() != payload_hash:
                raise IntegrityError("sync.package_damaged", path=str(path))
            return self._merge_package(uow, path, digest, manifest, ciphertext, keys, own, sender)

    def _merge_package(self, uow: UnitOfWork, path: Path, digest: str, manifest: dict[str, Any],
                       ciphertext: bytes, keys: StationKeys, own: Station, sender: Station) -> ImportResult:
        """The checked package decrypted, its values checked, merged and committed (one transaction)."""
        package_id, seq, enc = manifest["package_id"], int(manifest["seq"]), manifest["encryption"]
        # A large package's records are checked on two processors; the helper starts now (see
        # :mod:`~jamsos_desktop.services.sync_checking`), while the package is decrypted and read.
        counted = manifest.get("counts")
        expected = counted.get("edits") if isinstance(counted, dict) else 0
        checker = PackageChecker(expected if type(expected) is int else 0)
        with closing(checker), uow.sync.large_write():
            context = f"{package_id}|{sender.id}|{own.id}|{seq}".encode()
            plain = keys.open(ciphertext, epk=enc.get("epk", ""), nonce=enc.get("nonce", ""), context=context)
            if plain is None:
                raise IntegrityError("sync.package_damaged", path=str(path))
            raw = _inflate(plain, path)
            checker.encode_ahead(raw)  # the helper encodes the texts to store while this process reads
            edits, ack, merges, facts = _read_payload(raw, path, sender, own)
            read = edits
            # Everything is checked: from here on, the package is merged as one transaction.
            involved = {e.uid for e in edits} | {u for m in merges for u in m[:2]} | {f.worker for f in facts if f.worker}
            self._capture(uow, involved | {w for w, _h in uow.sync.merged(involved).values()})
            merge_trail = []
            for loser, winner, merge_hlc, origin in merges:
                if uow.sync.merged([winner]) or loser == winner:
                    continue  # a chain or a loop: the first merge of a record stands
                if self._apply_merge(uow, loser, winner, merge_hlc, origin) is not None:
                    merge_trail.append(("sync_merge", "worker", loser, None, {"into": winner, "origin": origin}))
            edits = _redirect(edits, uow.sync.merged({e.uid for e in edits}))
            states = uow.sync.outcomes({e.uid for e in edits})
            edits, refused = self._check(edits, states, checker)
            ahead = checker.edit_texts(read)
            clock = Hlc.parse(own.clock) if own.clock else None
            if edits:
                # Observing the newest reading is observing them all (texts sort like clocks).
                clock = observe(clock, Hlc.parse(max(e.hlc for e in edits)), own.id)
            # Every change received goes in the trail with the values it replaces here (taken before the
            # merge settles them); the new values as stored with the edit, not encoded a second time.
            replaced = {
                e.uid: _dump({f: states[e.uid].applied(f) for f in e.values}) for e in edits if e.uid in states
            }
            texts: dict[tuple[str, str], str] = {}
            new = uow.sync.add_edits(edits, texts, ahead)
            counts = self._settle(uow, new, texts=texts, states=states)
            if not sender.is_office:
                uow.sync.clear_refusals(sender.id, {e.uid for e in edits})
                uow.sync.add_refusals(package_id, sender.id, refused)
            else:
                uow.sync.clear_refusals()
                uow.sync.add_refusals(package_id, sender.id, _refusals_from(ack))
            if facts:
                clock = observe(clock, Hlc.parse(max(f.hlc for f in facts)), own.id)
            if clock is not None:
                uow.sync.update_station(own.id, clock=clock.text())
            now = self._clock()
            # Programmes, calendar, enrolments, payments and cards: after the workers they name.
            checker.add_record_texts(ahead, facts)
            checker.close()
            applied = RecordSync(uow, own, user=self._user(), now=now, ahead=ahead).apply(facts) if facts else ApplyCounts()
            if ack is not None:
                uow.sync.update_station(
                    own.id, acked_hlc=max(own.acked_hlc, str(ack.get("accepted_up_to", "")))
                )
                station_cards.apply_acknowledgement(uow, own, ack)
            station_cards.remember_keys(uow, sender, station_cards.read_keys(manifest.get("card_keys")))
            uow.sync.update_station(sender.id, last_seq_in=max(sender.last_seq_in, seq), last_package_at=now)
            touched = {e.uid for e in edits}
            # Records anonymised here or by this package: their old personal values leave the history
            # (and the values of their audit entries, those this import records below too).
            forget_anonymised(uow, touched, user=self._user(), now=now)
            # Open conflicts this package's records are in: also those kept with a record here that lost a
            # NIK or KPJ to one of them (the count must not depend on the order packages arrive).
            conflicts = len(uow.sync.conflict_keys_involving(touched))
            uow.sync.add_package(
                PackageRecord(package_id, digest, "in", sender.id, own.id, seq, now, len(touched),
                              counts.inserted, counts.updated, conflicts)  # fmt: skip
            )
            actor = self._user()
            summary = {"from": sender.name, "seq": seq, "records": len(touched), "inserted": counts.inserted,
                       "updated": counts.updated, "conflicts": conflicts, "refused": len(refused),
                       "incomplete": len(counts.incomplete), "file": path.name, "sha256": digest,
                       "sender_audit_chain_hash": str(manifest.get("audit_chain_hash", ""))[:64],
                       "kinds": applied.received, "written": applied.written, "pending": applied.pending,
                       "held": applied.held}  # fmt: skip
            record(uow, actor, "sync_acknowledgement" if sender.is_office else "sync_import", "sync_package",
                  package_id, None, summary, at=now)  # fmt: skip
            record_many(uow, actor, merge_trail, at=now)
            trail = getattr(uow, "audit", None)
            if trail is not None:
                # A change of a worker held here: its entry, with the values it replaced. Workers new here:
                # one entry for them all (their values are the edits stored in ``sync_edit``; the entry
                # holds the SHA-256 of those texts), not 10,000 copies of personal data in the trail.
                # (Edits already stored here, re-sent until acknowledged, changed nothing: no entry.)
                trail.append_many(at=now, actor=actor, entries=[
                    ("sync_change", "worker", e.uid, replaced[e.uid], texts[(e.uid, e.hlc)]) for e in new if e.uid in replaced
                ])  # fmt: skip
                arrived = [(e.uid, e.hlc, texts[(e.uid, e.hlc)]) for e in new if e.uid not in replaced]
                trail.append_many(at=now, actor=actor, entries=[
                    *_batch_trail("sync_workers", "worker", package_id, arrived),
                    *_record_trail(package_id, applied),
                ])  # fmt: skip
            tombs = uow.sync.merged(touched)
            for uid, (winner, _h) in tombs.items():
                version = uow.sync.tombstone(uid, _tomb_reason(winner))
                if version is not None:
                    uow.sync.mark_seen([(uid, version)])
            uow.commit()
        return ImportResult(
            "applied", package_id, sender.name, len(touched), counts.inserted, counts.updated, conflicts,
            counts.incomplete, tuple(refused), applied.received, applied.written, applied.pending, applied.held,
            len(merge_trail),
        )  # fmt: skip

    def _check(
        self, edits: list[Edit], states: dict[str, RecordOutcome], checker: PackageChecker | None = None
    ) -> tuple[list[Edit], list[Refusal]]:
        """Incoming edits split into those that pass the rules of manual entry and the refusals of the
        others (:mod:`jamsos_desktop.domain.sync_check`); a record's edits are checked in clock order,
        each against the record as the accepted ones before it left it."""
        rules = Rules(self._regions(), self._regency(), self._clock().date())
        ordered = sorted(edits, key=lambda e: (e.hlc, e.uid))
        held = {uid: state.values for uid, state in states.items()}
        work = [(e.uid, e.values) for e in ordered]
        found = checker.check(work, held, rules) if checker is not None else check_in_order(work, held, rules)
        accepted: list[Edit] = []
        refused: list[Refusal] = []
        names = {uid: values.get("name") for uid, values in held.items()}  # as accepted edits leave them
        for edit, problems in zip(ordered, found, strict=True):
            name = edit.values.get("name")
            if problems:
                if type(name) is not str:
                    name = names.get(edit.uid)
                name = name if type(name) is str else ""
                refused.extend(Refusal(edit.uid, edit.hlc, name, p.field, p.code, p.params) for p in problems)
                continue
            accepted.append(edit)
            if type(name) is str:
                names[edit.uid] = name
        return accepted, refused


    # -- review -------------------------------------------------------------------------------------
    def conflicts(self, limit: int | None = None) -> list[Conflict]:
        with self._uow() as uow:
            return uow.sync.conflicts(limit=limit)

    def resolve(self, conflict_id: int, *, keep_loser: bool) -> None:
        """Close a value conflict with the chosen value; the resolution travels like any change."""
        with self._uow(write=True) as uow:
            require(uow, Permission.RESOLVE_CONFLICTS)
            self._capture(uow)
            own = uow.sync.own()
            conflict = uow.sync.conflict(conflict_id)
            if own is None or conflict is None:
                raise UsageError("sync.conflict_unknown", id=conflict_id)
            uid, field = conflict.uid, conflict.field
            outcome = resolve_field(
                c for e in uow.sync.edits_of([uid]).get(uid, []) for c in e.changes() if c.field == field
            )
            value = conflict.loser_value if keep_loser else conflict.winner_value
            clock = tick(Hlc.parse(own.clock) if own.clock else None, _ms(self._clock()), own.id)
            clock = max(clock, tick(Hlc.parse(outcome.winner.hlc), 0, own.id))
            heads = (outcome.winner.hlc, *(c.hlc for c in outcome.losers))
            edit = Edit(uid, clock.text(), own.id, ChangeKind.RESOLVE, {field: value}, {field: heads})
            self._settle(uow, uow.sync.add_edits([edit]))
            uow.sync.update_station(own.id, clock=clock.text())
            record(uow, self._user(), "sync_resolve", "worker", uid,
                   {"field": field, "shown": conflict.winner_value, "other": conflict.loser_value},
                   {"field": field, "value": value, "conflict": conflict_id}, at=self._clock())  # fmt: skip
            uow.commit()

    # -- merging duplicates -------------------------------------------------------------------------
    def merge(self, winner_uid: str, loser_uid: str) -> MergeResult:
        """The same person registered twice: ``winner_uid`` survives, ``loser_uid`` becomes a tombstone
        pointing to it. The loser's heirs the winner lacks join the winner's (a change of the winner that
        travels like any edit), its enrolments, payments, events and places in handover lists move over; the merge itself travels
        in packages, so every site makes the same tombstone and later changes of the loser made where the
        merge was not known yet land on the winner. A verifier's act (like resolving a conflict)."""
        with collector_paused, self._uow(write=True) as uow:
            require(uow, Permission.RESOLVE_CONFLICTS)
            self._capture(uow)
            if winner_uid == loser_uid:
                raise UsageError("sync.merge_same")
            ids = uow.sync.worker_ids([winner_uid, loser_uid])
            for uid in (winner_uid, loser_uid):
                if uid not in ids:
                    raise UsageError("sync.merge_unknown", uid=uid)
            merged = uow.sync.merged([winner_uid, loser_uid])
            if merged:
                raise UsageError("sync.merge_tombstone", uid=next(iter(merged)))
            own = uow.sync.own()
            clock = tick(Hlc.parse(own.clock) if own and own.clock else None, _ms(self._clock()),
                         own.id if own else "local")  # fmt: skip
            names = uow.sync.worker_names([winner_uid, loser_uid])
            heirs = self._union_heirs(uow, winner_uid, loser_uid)
            moved = self._apply_merge(uow, loser_uid, winner_uid, clock.text(), own.id if own else "local") or {}
            if heirs is not None:
                uow.sync.set_heirs(winner_uid, heirs, user=self._user(), now=self._clock())
            if own is not None:
                uow.sync.update_station(own.id, clock=clock.text())
            record(uow, self._user(), "sync_merge", "worker", loser_uid, {"name": names.get(loser_uid, "")},
                   {"into": winner_uid, "name": names.get(winner_uid, ""), **moved}, at=self._clock())  # fmt: skip
            uow.commit()
        return MergeResult(winner_uid, loser_uid, moved.get("enrolments", 0), moved.get("payments", 0))

    def _union_heirs(self, uow: UnitOfWork, winner: str, loser: str) -> list[list[Any]] | None:
        """The winner's heirs plus the loser's it lacks (by name and relationship); None: nothing to add."""
        rows = {uid: values for uid, _v, _at, values in uow.sync.worker_values_of([winner, loser])}
        mine, theirs = rows[winner]["heirs"], rows[loser]["heirs"]
        known = {(h[0].casefold(), h[1]) for h in mine}
        extra = [h for h in theirs if (h[0].casefold(), h[1]) not in known]
        return mine + extra if extra else None

    def _apply_merge(self, uow: UnitOfWork, loser: str, winner: str, hlc: str, origin: str) -> dict[str, int] | None:
        """Make the tombstone here (idempotent): record the merge, move the loser's local data, drop its
        conflicts, settle both records again (the winner may now hold a NIK the loser held). None: known."""
        if not uow.sync.add_merge(loser, winner, hlc, origin):
            return None
        # Changes of the loser made after the merge (here before the merge was known) belong to the winner.
        late = [e for e in uow.sync.edits_of([loser]).get(loser, []) if e.hlc > hlc]
        if late:
            uow.sync.delete_edits(loser, [e.hlc for e in late])
            uow.sync.add_edits([replace(e, uid=winner, supersedes={}) for e in late])
        ids = uow.sync.worker_ids([loser, winner])
        moved: dict[str, int] = {}
        if loser in ids and winner in ids:
            moved = uow.sync.move_worker_data(ids[loser], ids[winner])
            moved["recipients"] = sync_events.move_recipients(uow.sync.records, ids[loser], ids[winner])
        uow.sync.drop_conflicts_of(loser)
        version = uow.sync.tombstone(loser, _tomb_reason(winner))
        if version is not None:
            uow.sync.mark_seen([(loser, version)])
        history = uow.sync.edits_of([loser, winner])
        self._settle(uow, [e for edits in history.values() for e in edits])
        version = uow.sync.tombstone(loser, _tomb_reason(winner))
        if version is not None:
            uow.sync.mark_seen([(loser, version)])
        return moved

    def inbox(self) -> list[StationInfo]:
        now = self._clock()
        with self._uow() as uow:
            stations = [s for s in uow.sync.stations() if not s.is_self]
        limit = timedelta(days=OVERDUE_DAYS)
        return [
            StationInfo(s, not s.is_office and (s.last_package_at is None or now - s.last_package_at > limit))
            for s in stations
        ]

    def record_counts(self) -> RecordCounts:
        """For the sync page: own changes not acknowledged yet (worker edits, and per kind the programme,
        calendar, enrolment, payment and card versions), and received records pending or held here."""
        with self._uow() as uow:
            own = uow.sync.own()
            if own is None:
                return RecordCounts()
            totals = uow.sync.records.counts()
            unsent: dict[str, int] = {}
            edits = 0
            if not own.is_office:
                unsent = uow.sync.records.counts(origin=own.id, after_hlc=own.acked_hlc)
                edits = len(uow.sync.edits_by_origin(own.id, own.acked_hlc))
            return RecordCounts(edits, unsent, totals.get("pending", 0), totals.get("held", 0))

    def counts(self) -> tuple[int, int]:
        """(stations other than this one, open conflicts)."""
        with self._uow() as uow:
            return uow.sync.count_stations(), uow.sync.count_conflicts()


def _unpack(data: bytes, path: Path) -> tuple[bytes, bytes, bytes]:
    """The three members of a package, checked for names and sizes before anything is decompressed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise IntegrityError("sync.package_damaged", path=str(path)) from None
    names = [i.filename for i in infos]
    if len(names) != len(MEMBERS) or set(names) != MEMBERS:
        raise IntegrityError("sync.package_members", path=str(path))
    caps = {MANIFEST: MAX_MANIFEST_BYTES, SIGNATURE: MAX_SIGNATURE_BYTES, PAYLOAD: MAX_PACKAGE_BYTES}
    out: dict[str, bytes] = {}
    for info in infos:
        if info.file_size > caps[info.filename]:
            raise IntegrityError("sync.package_too_big", path=str(path))
        try:
            with archive.open(info) as member:
                content = member.read(caps[info.filename] + 1)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error):
            raise IntegrityError("sync.package_damaged", path=str(path)) from None
        if len(content) > caps[info.filename]:
            raise IntegrityError("sync.package_too_big", path=str(path))
        out[info.filename] = content
    return out[MANIFEST], out[SIGNATURE], out[PAYLOAD]


def _refusals_from(ack: dict[str, Any] | None) -> list[Refusal]:
    """The office's refusals of this station's edits, as its acknowledgement lists them."""
    out = []
    for item in (ack or {}).get("refused") or ():
        try:
            out.append(Refusal(str(item["uid"]), str(item["hlc"]), str(item.get("name", "")), str(item["field"]),
                               str(item["code"]), dict(item.get("params") or {})))  # fmt: skip
        except (KeyError, TypeError, ValueError):
            continue
    return out


def _edit_text(row: tuple[Any, ...]) -> str:
    """A stored edit row as its JSON object in a package, without decoding its values."""
    uid, hlc, origin, kind, data, supersedes = row
    return (
        f'{{"uid":{value_text(uid)},"hlc":{value_text(hlc)},"origin":{value_text(origin)},'
        f'"kind":{value_text(kind)},"values":{data},"supersedes":{supersedes}}}'
    )


_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode


def _inflate(plain: bytes, path: Path) -> bytes:
    """The decrypted payload decompressed (its JSON), refused beyond :data:`MAX_PAYLOAD_BYTES`."""
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(plain, MAX_PAYLOAD_BYTES)
    except zlib.error:
        raise IntegrityError("sync.package_damaged", path=str(path)) from None
    if inflater.unconsumed_tail:
        raise IntegrityError("sync.package_too_big", path=str(path))
    return raw


def _read_payload(
    raw: bytes, path: Path, sender: Station, own: Station
) -> tuple[list[Edit], dict[str, Any] | None, list[tuple[str, str, str, str]], list[Fact]]:
    try:
        payload = json.loads(raw)
        if b"\\ud" in raw or b"\\uD" in raw:
            # A text escaped as half of a UTF-16 pair without its other half (never written by an export:
            # it writes UTF-8) could not be stored: refused here, not half-way through the merge.
            json.dumps(payload, ensure_ascii=False).encode("utf-8")
        edits = [Edit.from_json(e) for e in payload["edits"]]
        ack = payload.get("ack")
        merges = []
        for m in payload.get("merges") or ():
            loser, winner, hlc, origin = m["loser"], m["winner"], m["hlc"], m["origin"]
            if not all(type(v) is str and 0 < len(v) <= 80 for v in (loser, winner, hlc, origin)):
                raise ValueError("malformed merge")
            Hlc.parse(hlc)
            merges.append((loser, winner, hlc, origin))
        facts = [Fact.from_json(f) for f in payload.get("records") or ()]
        for fact in facts:
            Hlc.parse(fact.hlc)
        station_cards.check_card_serials(facts, sender)
    except (ValueError, KeyError, TypeError, RecursionError):  # RecursionError: JSON nested absurdly deep
        raise IntegrityError("sync.package_damaged", path=str(path)) from None
    if not sender.is_office and (
        any(e.origin != sender.id for e in edits) or any(m[3] != sender.id for m in merges)
        or any(f.origin != sender.id or f.office or f.kind in OFFICE_KINDS for f in facts)
    ):
        # A station speaks only for itself; the office relays others' changes.
        raise IntegrityError("sync.foreign_changes", sender=sender.name)
    if sender.is_office and any(f.office != (f.origin == sender.id) for f in facts):
        # Only the office's own records carry the office's authority.
        raise IntegrityError("sync.foreign_changes", sender=sender.name)
    if sender.is_office != (ack is not None):
        raise IntegrityError("sync.package_damaged", path=str(path))
    return edits, ack, sorted(merges, key=lambda m: (m[2], m[0])), facts


def _redirect(edits: list[Edit], merged: dict[str, tuple[str, str]]) -> list[Edit]:
    """Edits of a merged record made after the merge (where it was not known yet) go to the survivor;
    those made before stay with the tombstone as its history."""
    if not merged:
        return edits
    out = []
    for edit in edits:
        target = merged.get(edit.uid)
        if target is not None and edit.hlc > target[1]:
            edit = replace(edit, uid=target[0], supersedes={})
        out.append(edit)
    return out

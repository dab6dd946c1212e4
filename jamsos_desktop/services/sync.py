"""Sync between village laptops (stations) and the district office (issue 6).

* ``register_station`` (office) writes a provisioning file; ``join`` (laptop) takes on that identity.
* Local edits are **captured** as per-field changes whenever the worker row's version differs from the
  one sync last saw, so every path that writes workers (forms, Excel imports, KPJ imports) is tracked
  without hooks; the clock reading follows the row's ``updated_at``.
* ``export`` writes one ``.jamsync`` zip: ``manifest.json`` (cleartext: ids, sequence, counts,
  SHA-256 of the payload), ``signature`` (Ed25519 of the manifest by the sender) and ``payload.bin``
  (the changes, encrypted to the recipient). Station → office: own changes the office has not
  acknowledged. Office → station: an acknowledgement plus every change the office holds for the
  station's records and villages (KPJ numbers, statuses, resolutions) made elsewhere.
* ``import_package`` checks everything before writing anything, then merges in one transaction with
  the rules of :mod:`jamsos_desktop.domain.sync` (order-independent, losers kept as conflicts).
"""

from __future__ import annotations

import hashlib
import io
import json
import secrets
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from jamsos_desktop.domain.errors import IntegrityError, UsageError
from jamsos_desktop.domain.sync import (
    SCHEMA_VERSION,
    UNIQUE_FIELDS,
    WORKER_FIELDS,
    Change,
    ChangeKind,
    Conflict,
    FieldState,
    Hlc,
    PackageRecord,
    Station,
    change_kind,
    next_sequence,
    observe,
    resolve_field,
    tick,
    unique_owner,
    value_text,
)
from jamsos_desktop.services.ports import Clock, UnitOfWork, UnitOfWorkFactory

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
    changes: int
    seq: int
    recipient: str


@dataclass(frozen=True)
class ImportResult:
    status: str  # "applied" or "already-imported"
    package_id: str
    sender: str
    records: int = 0
    inserted: int = 0
    updated: int = 0
    conflicts: int = 0
    rejected: tuple[str, ...] = ()


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
    ) -> None:
        self._uow = uow
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

    def register_station(self, name: str, villages: Iterable[str], out: Path) -> Station:
        """Office: a new station and its provisioning file (holds the station's private keys: secret)."""
        name = name.strip()
        if not name:
            raise UsageError("sync.station_name")
        with self._uow(write=True) as uow:
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
            )
            uow.sync.add_station(station, now=self._clock())
            body = {
                "format": "jamsos-station",
                "version": 1,
                "station": {"id": station.id, "name": station.name, "villages": list(station.villages)},
                "office": {
                    "id": office.id,
                    "name": office.name,
                    "sign_public": office.sign_public,
                    "box_public": office.box_public,
                },
                "keys": keys.export_private(),
            }
            text = json.dumps(body, sort_keys=True).encode()
            document = {"body": body, "signature": self._keys().signature(text)}
            out.parent.mkdir(parents=True, exist_ok=True)
            _crypto().write_secret(out, json.dumps(document, indent=1).encode())
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
        except (OSError, ValueError, KeyError, TypeError):
            raise UsageError("sync.provisioning_unreadable", path=str(path)) from None
        text = json.dumps(body, sort_keys=True).encode()
        if body.get("format") != "jamsos-station" or not _crypto().verify(office_info["sign_public"], text, signature):
            raise IntegrityError("sync.provisioning_invalid", path=str(path))
        with self._uow(write=True) as uow:
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
            )
            uow.sync.add_station(station, now=now)
            uow.commit()
        return station

    # -- capture ------------------------------------------------------------------------------------
    def capture(self) -> int:
        with self._uow(write=True) as uow:
            count = self._capture(uow)
            uow.commit()
        return count

    def _capture(self, uow: UnitOfWork) -> int:
        """Turn local edits since the last capture into changes; returns how many."""
        own = uow.sync.own()
        if own is None:
            return 0
        dirty = sorted(uow.sync.dirty_workers(), key=lambda d: (d[2], d[0]))
        if not dirty:
            return 0
        states = uow.sync.fields(d[0] for d in dirty)
        clock = Hlc.parse(own.clock) if own.clock else None
        new: list[Change] = []
        for uid, _version, updated_at, values in dirty:
            created = not any((uid, f) in states for f in WORKER_FIELDS)
            for field in WORKER_FIELDS:
                text = value_text(values[field])
                state = states.get((uid, field))
                if state is not None and state.applied == text:
                    continue
                old = json.loads(state.value) if state else None
                clock = tick(clock, _ms(updated_at), own.id)
                change = Change(
                    uid,
                    field,
                    values[field],
                    clock.text(),
                    own.id,
                    change_kind(field, old, values[field], created=created),
                    (state.hlc,) if state else (),
                )
                new.append(change)
        stored = uow.sync.add_changes(new)
        # A local edit is the newest change of its field here; recompute to keep concurrent losers.
        self._settle(uow, {c.key for c in new}, write_rows=False, fresh=stored)
        uow.sync.mark_seen((uid, version) for uid, version, _at, _v in dirty)
        if clock is not None:
            uow.sync.update_station(own.id, clock=clock.text())
        return len(new)

    # -- merge --------------------------------------------------------------------------------------
    def _settle(
        self,
        uow: UnitOfWork,
        keys: set[tuple[str, str]],
        *,
        write_rows: bool = True,
        fresh: Iterable[Change] = (),
    ) -> _MergeCounts:
        """Recompute the outcome of ``keys`` from all their stored changes and write rows and conflicts.

        ``fresh``: the changes just stored. A field without an outcome yet has no other stored change
        (every stored change is settled in the transaction that stores it), so its changes are taken
        from ``fresh`` instead of being read back; only fields settled before are read."""
        counts = _MergeCounts()
        if not keys:
            return counts
        states = uow.sync.fields({uid for uid, _f in keys})
        by_key: dict[tuple[str, str], list[Change]] = {}
        for change in fresh:
            if change.key in keys and change.key not in states:
                by_key.setdefault(change.key, []).append(change)
        by_key.update(uow.sync.changes_for(k for k in keys if k not in by_key))
        with_conflicts = uow.sync.conflict_keys({uid for uid, _f in keys})
        per_uid: dict[str, dict[str, Any]] = {}
        new_states: list[tuple[str, str, FieldState]] = []
        now, user = self._clock(), self._user()
        outcomes = {key: resolve_field(changes) for key, changes in sorted(by_key.items())}
        # Who holds each unique value claimed here: one lookup per field for the whole batch, kept up
        # to date below as values are taken away.
        held = {
            name: uow.sync.holders(name, (o.winner.value for (_u, f), o in outcomes.items() if f == name))
            for name in UNIQUE_FIELDS
        }
        for key, outcome in outcomes.items():
            uid, field = key
            conflicts = [
                Conflict(
                    0, uid, field, "value", outcome.winner.hlc, outcome.winner.value, c.hlc, c.value, c.origin
                )
                for c in outcome.losers
            ]
            applied = outcome.winner.value
            if field in UNIQUE_FIELDS and applied:
                holder = held[field].get(applied)
                if holder == uid:
                    holder = None
                if holder is not None:
                    holder_state = uow.sync.fields([holder]).get((holder, field))
                    claims = {uid: outcome.winner.hlc, holder: holder_state.hlc if holder_state else ""}
                    if unique_owner(claims) == uid:
                        version = uow.sync.clear_unique(holder, field)
                        del held[field][applied]
                        uow.sync.mark_seen([(holder, version)])
                        if holder_state is not None:
                            uow.sync.set_fields(
                                [
                                    (
                                        holder,
                                        field,
                                        FieldState(holder_state.hlc, holder_state.value, value_text(None)),
                                    )
                                ]
                            )
                        lost = Conflict(0, holder, field, "unique", outcome.winner.hlc, applied,
                                        claims[holder], applied, "", uid)  # fmt: skip
                        keep = [
                            c
                            for c in uow.sync.conflicts(uid=holder)
                            if c.field == field and c.kind == "value"
                        ]
                        uow.sync.replace_conflicts(holder, field, keep + [lost])
                    else:
                        conflicts.append(
                            Conflict(
                                0,
                                uid,
                                field,
                                "unique",
                                claims[holder],
                                applied,
                                outcome.winner.hlc,
                                applied,
                                outcome.winner.origin,
                                holder,
                            )  # fmt: skip
                        )
                        applied = None
            if conflicts or key in with_conflicts:
                uow.sync.replace_conflicts(uid, field, conflicts)
            winner_text = value_text(outcome.winner.value)
            state = FieldState(
                outcome.winner.hlc, winner_text, winner_text if applied is outcome.winner.value else value_text(applied)
            )
            if states.get(key) != state:
                new_states.append((uid, field, state))
            per_uid.setdefault(uid, {})[field] = applied
        uow.sync.set_fields(new_states)
        if write_rows:
            incomplete: list[str] = []
            seen: list[tuple[str, int]] = []
            stored: dict[str, dict[str, Any]] = {}
            partial = [u for u, v in per_uid.items() if len(v) < len(WORKER_FIELDS)]
            for (u, f), s in uow.sync.fields(partial).items():
                stored.setdefault(u, {})[f] = json.loads(s.applied)
            merged: dict[str, dict[str, Any]] = {}
            for uid in sorted(per_uid):
                # A new record needs all its fields: take the stored outcome of those not touched now.
                values = stored.get(uid, {})
                values.update(per_uid[uid])
                merged[uid] = values
            written = uow.sync.write_workers(merged, user=user, now=now)
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
        keys = self._keys()
        with self._uow(write=True) as uow:
            self._capture(uow)
            own = uow.sync.own()
            if own is None:
                raise UsageError("sync.no_station")
            if station_name is None:
                if own.is_office:
                    raise UsageError("sync.office_needs_station")
                recipient = next((s for s in uow.sync.stations() if s.is_office), None)
                assert recipient is not None
                changes = uow.sync.changes_by_origin(own.id, own.acked_hlc)
                payload: dict[str, Any] = {"changes": [c.to_json() for c in changes]}
            else:
                if not own.is_office:
                    raise UsageError("sync.station_cannot_ack")
                recipient = uow.sync.station_by_name(station_name)
                if recipient is None or recipient.is_self:
                    raise UsageError("sync.unknown_station", name=station_name)
                payload = self._acknowledgement(uow, recipient)
                changes = [Change.from_json(c) for c in payload["changes"]]
            seq = own.last_seq_out + 1
            package_id = secrets.token_hex(16)
            data = self._write(
                out, keys, own, recipient, seq, package_id, payload, len({c.uid for c in changes})
            )
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
                    records=len({c.uid for c in changes}),
                )  # fmt: skip
            )
            uow.commit()
        return ExportResult(package_id, out, len({c.uid for c in changes}), len(changes), seq, recipient.name)

    def _acknowledgement(self, uow: UnitOfWork, station: Station) -> dict[str, Any]:
        uids = uow.sync.uids_of(station.id) | uow.sync.uids_in_villages(station.villages)
        changes = uow.sync.changes_of_uids(uids, exclude_origin=station.id)
        conflicts = [c for uid in sorted(uow.sync.uids_of(station.id)) for c in uow.sync.conflicts(uid=uid)]
        return {
            "changes": [c.to_json() for c in changes],
            "ack": {
                "accepted_up_to": uow.sync.max_hlc(station.id),
                "next_seq": next_sequence(uow.sync.seqs_from(station.id)),
                "conflicts": [
                    {
                        "uid": c.uid,
                        "field": c.field,
                        "kind": c.kind,
                        "shown": c.winner_value,
                        "kept": c.loser_value,
                    }
                    for c in conflicts
                ],
                "members": [
                    {"uid": uid, "status": status, "kpj": kpj}
                    for uid, status, kpj in uow.sync.status_and_kpj(uids)
                ],
            },
        }

    def _write(
        self,
        out: Path,
        keys: StationKeys,
        sender: Station,
        recipient: Station,
        seq: int,
        package_id: str,
        payload: dict[str, Any],
        records: int,
    ) -> bytes:
        plain = zlib.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(), 6)
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
            "counts": {"changes": len(payload["changes"]), "records": records},
            "members": {PAYLOAD: hashlib.sha256(ciphertext).hexdigest()},
            "encryption": {"algorithm": _crypto().ALGORITHM, "epk": epk, "nonce": nonce},
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
            enc = manifest["encryption"]
            payload_hash = manifest["members"][PAYLOAD]
        except (ValueError, KeyError, TypeError):
            raise IntegrityError("sync.package_damaged", path=str(path)) from None
        keys = self._keys()
        with self._uow(write=True) as uow:
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
            earlier = uow.sync.package_with_seq(sender.id, seq)
            if earlier is not None:
                raise IntegrityError("sync.sequence_reused", seq=seq, sender=sender.name)
            if hashlib.sha256(ciphertext).hexdigest() != payload_hash:
                raise IntegrityError("sync.package_damaged", path=str(path))
            context = f"{package_id}|{sender.id}|{own.id}|{seq}".encode()
            plain = keys.open(ciphertext, epk=enc.get("epk", ""), nonce=enc.get("nonce", ""), context=context)
            if plain is None:
                raise IntegrityError("sync.package_damaged", path=str(path))
            changes, ack = _read_payload(plain, path, sender, own)
            # Everything is checked: from here on, the package is merged as one transaction.
            self._capture(uow)
            clock = Hlc.parse(own.clock) if own.clock else None
            if changes:
                # Observing the newest reading is observing them all (texts sort like clocks).
                clock = observe(clock, Hlc.parse(max(c.hlc for c in changes)), own.id)
            new = uow.sync.add_changes(changes)
            counts = self._settle(uow, {c.key for c in new}, fresh=new)
            if clock is not None:
                uow.sync.update_station(own.id, clock=clock.text())
            now = self._clock()
            if ack is not None:
                uow.sync.update_station(
                    own.id, acked_hlc=max(own.acked_hlc, str(ack.get("accepted_up_to", "")))
                )
            uow.sync.update_station(sender.id, last_seq_in=max(sender.last_seq_in, seq), last_package_at=now)
            touched = {c.uid for c in changes}
            conflicts = len(uow.sync.conflict_keys(touched))
            record = PackageRecord(package_id, digest, "in", sender.id, own.id, seq, now, len(touched),
                                   counts.inserted, counts.updated, conflicts)  # fmt: skip
            uow.sync.add_package(record)
            uow.commit()
        return ImportResult(
            "applied", package_id, sender.name, len(touched), counts.inserted, counts.updated, conflicts,
            counts.incomplete,
        )  # fmt: skip

    # -- review -------------------------------------------------------------------------------------
    def conflicts(self, limit: int | None = None) -> list[Conflict]:
        with self._uow() as uow:
            return uow.sync.conflicts(limit=limit)

    def resolve(self, conflict_id: int, *, keep_loser: bool) -> None:
        """Close a value conflict with the chosen value; the resolution travels like any change."""
        with self._uow(write=True) as uow:
            self._capture(uow)
            own = uow.sync.own()
            conflict = uow.sync.conflict(conflict_id)
            if own is None or conflict is None:
                raise UsageError("sync.conflict_unknown", id=conflict_id)
            key = (conflict.uid, conflict.field)
            outcome = resolve_field(uow.sync.changes_for([key])[key])
            value = conflict.loser_value if keep_loser else conflict.winner_value
            clock = tick(Hlc.parse(own.clock) if own.clock else None, _ms(self._clock()), own.id)
            clock = max(clock, tick(Hlc.parse(outcome.winner.hlc), 0, own.id))
            heads = (outcome.winner.hlc, *(c.hlc for c in outcome.losers))
            change = Change(
                conflict.uid, conflict.field, value, clock.text(), own.id, ChangeKind.RESOLVE, heads
            )
            uow.sync.add_changes([change])
            self._settle(uow, {key})
            uow.sync.update_station(own.id, clock=clock.text())
            uow.commit()

    def inbox(self) -> list[StationInfo]:
        now = self._clock()
        with self._uow() as uow:
            stations = [s for s in uow.sync.stations() if not s.is_self]
        limit = timedelta(days=OVERDUE_DAYS)
        return [
            StationInfo(s, not s.is_office and (s.last_package_at is None or now - s.last_package_at > limit))
            for s in stations
        ]

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


def _read_payload(
    plain: bytes, path: Path, sender: Station, own: Station
) -> tuple[list[Change], dict[str, Any] | None]:
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(plain, MAX_PAYLOAD_BYTES)
        if inflater.unconsumed_tail:
            raise IntegrityError("sync.package_too_big", path=str(path))
        payload = json.loads(raw)
        changes = [Change.from_json(c) for c in payload["changes"]]
        ack = payload.get("ack")
    except (ValueError, KeyError, TypeError, zlib.error):
        raise IntegrityError("sync.package_damaged", path=str(path)) from None
    if not sender.is_office and any(c.origin != sender.id for c in changes):
        # A station speaks only for itself; the office relays others' changes.
        raise IntegrityError("sync.foreign_changes", sender=sender.name)
    if sender.is_office != (ack is not None):
        raise IntegrityError("sync.package_damaged", path=str(path))
    return changes, ack

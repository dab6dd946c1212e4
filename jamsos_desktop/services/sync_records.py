"""Capture and merge of programmes, the calendar, enrolments, payments and card prints in sync packages
(issue 6; worker events and handovers: :mod:`jamsos_desktop.services.sync_events`); the rules are in :mod:`jamsos_desktop.domain.sync_records`, the storage in
:mod:`jamsos_desktop.persistence.sync_records_repository`. Used by :class:`~jamsos_desktop.services.sync.SyncService`
inside its own transactions (capture before an export or an import, apply within the import)."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from jamsos_desktop.domain.sync import Hlc, Station, TextsAhead
from jamsos_desktop.domain.sync_records import (
    APPLIED,
    CALENDAR,
    CALENDAR_GID,
    CARD_PRINT,
    ENROLMENT,
    FUNDER_PAYMENT,
    HANDOVER,
    HELD,
    KINDS,
    OFFICE_KINDS,
    PENDING,
    PROGRAMME,
    SELF_PAYMENT,
    WORKER_EVENT,
    Fact,
    current,
    digest,
    enrolment_gid,
    rank,
)
from jamsos_desktop.services import sync_events
from jamsos_desktop.services.ports import UnitOfWork

#: Kinds every station receives whole from the office (not tied to its villages' workers).
SHARED_KINDS = (PROGRAMME, CALENDAR, FUNDER_PAYMENT, HANDOVER)
_PREFIX = {PROGRAMME: "pg", SELF_PAYMENT: "sp", FUNDER_PAYMENT: "fp", CARD_PRINT: "cp"}


def rank_text(fact: Fact) -> str:
    authority, hlc = rank(fact)
    return ("1" if authority else "0") + hlc


def _gid(kind: str, own: Station) -> str:
    # An office's programmes sort before a station's (``po-`` < ``ps-``): the office's gid names a
    # programme both hold in the enrolments made afterwards.
    where = "o" if own.is_office else "s"
    return f"{_PREFIX[kind]}{where}-{secrets.token_hex(8)}"


@dataclass
class ApplyCounts:
    """Per kind: versions received new, written here; and versions left pending or held."""

    received: dict[str, int] = field(default_factory=dict)
    written: dict[str, int] = field(default_factory=dict)
    pending: int = 0
    held: int = 0
    fresh: list[Fact] = field(default_factory=list)
    #: The stored text of each fresh version, by (gid, clock): what the audit trail's digest covers.
    texts: dict[tuple[str, str], str] = field(default_factory=dict)

    def total_received(self) -> int:
        return sum(self.received.values())


#: The values of an enrolment as capture reads them (its data without the programme's gid).
ENROLMENT_FIELDS = ("start_month", "end_month", "funded_from", "funded_to", "exit_date", "exit_reason", "funder",
                    "created_at", "created_by")  # fmt: skip


def enrolment_digest(worker_uid: str, data: dict[str, Any]) -> str:
    """An enrolment's digest: its values and its worker (a merge of duplicates moves it to another); the
    text of a tuple, cheaper than canonical JSON for the tens of thousands a package may hold."""
    values = (worker_uid, *(data[key] for key in ENROLMENT_FIELDS))
    return hashlib.sha1(repr(values).encode()).hexdigest()  # noqa: S324 - change detection, not security


def _latest(gids: list[tuple[str, str, str]] | None, dg: str) -> tuple[bool, str | None]:
    """Whether a local row is unchanged since its latest bound version (same digest), and that version's
    gid to carry a change under (None: a row never bound, which needs a new gid)."""
    if not gids:
        return False, None
    gid, latest_digest, _rank = max(gids, key=lambda g: g[2])
    return latest_digest == dg, gid


def _canonical(bound: dict[int, list[tuple[str, str, str]]]) -> dict[int, str]:
    """The gid a local row is named by in records made here: the smallest bound (an office's first)."""
    return {local: min(g for g, _d, _r in gids) for local, gids in bound.items()}


class RecordSync:
    """The records part of one sync transaction."""

    def __init__(
        self, uow: UnitOfWork, own: Station, *, user: str, now: datetime, ahead: TextsAhead | None = None
    ) -> None:
        self.uow = uow
        self.ahead = ahead  # the data texts of incoming versions, encoded by the package checker's helper
        self.repo = uow.sync.records
        self.own = own
        self.user = user
        self.now = now

    # -- capture ------------------------------------------------------------------------------------
    def capture(self, tick: Callable[[], Hlc], only_workers: Iterable[str] | None = None) -> list[Fact]:
        """Local changes since the last capture as new versions (stored, bound, returned). ``only_workers``:
        enrolments of these workers only (an import's records); append-only kinds, worker events and
        handovers are always complete."""
        facts: list[Fact] = []
        binds: list[tuple[str, str, int, str, str]] = []
        fresh: list[tuple[str, str, int, str, str]] = []  # gids not bound yet
        office = self.own.is_office

        def new(gid: str, kind: str, worker: str | None, data: dict[str, Any], local_id: int, dg: str,
                known: bool = True) -> None:  # fmt: skip
            fact = Fact(gid, tick().text(), kind, self.own.id, worker, data, office)
            facts.append(fact)
            (binds if known else fresh).append((gid, kind, local_id, dg, rank_text(fact)))

        # Programmes (and, at the office, the calendar): whole snapshots compared by digest.
        bound = self.repo.bound(PROGRAMME)
        for pid, data in sorted(self.repo.programmes().items()):
            dg = digest(data)
            unchanged, gid = _latest(bound.get(pid), dg)
            if unchanged:
                continue
            new(gid or _gid(PROGRAMME, self.own), PROGRAMME, None, data, pid, dg)
        if binds:
            self.repo.bind(binds)
            binds.clear()
        if office:
            data = self.repo.calendar()
            dg = digest(data)
            if not _latest(self.repo.bound(CALENDAR).get(0), dg)[0]:
                new(CALENDAR_GID, CALENDAR, None, data, 0, dg)
        programme_gid = _canonical(self.repo.bound(PROGRAMME))
        # Enrolments: snapshots compared by digest (without the programme's gid: bindings may change it).
        rows = self.repo.enrolments(worker_uids=only_workers)
        bound = self.repo.bound_for(ENROLMENT, rows) if only_workers is not None else self.repo.bound(ENROLMENT)
        for eid, (pid, uid, data) in sorted(rows.items()):
            dg = enrolment_digest(uid, data)
            unchanged, gid = _latest(bound.get(eid), dg)
            if unchanged:
                continue
            data = {**data, "programme": programme_gid[pid]}
            new(gid or enrolment_gid(programme_gid[pid], uid), ENROLMENT, uid, data, eid, dg, gid is not None)
        # Worker events and handovers (small tables, read whole): their own module.
        sync_events.capture(self, new, programme_gid)
        # Append-only kinds: rows above the mark not bound to a gid (an import binds what it writes).
        for kind in (SELF_PAYMENT, FUNDER_PAYMENT, CARD_PRINT):
            if kind in OFFICE_KINDS and not office:
                continue
            rows_new = self.repo.new_rows(kind)
            if not rows_new:
                continue
            known = {i: min(g for g, _d, _r in gids) for i, gids in self.repo.bound_for(
                kind, {r["reversal_of"] for r in rows_new if r.get("reversal_of")}).items()}  # fmt: skip
            for row in rows_new:
                gid = _gid(kind, self.own)
                known[row["id"]] = gid
                data, worker = self._append_data(kind, row, programme_gid, known)
                new(gid, kind, worker, data, row["id"], "", False)
            self.repo.set_mark(kind, max(r["id"] for r in rows_new))
        self.repo.bind(binds)
        self.repo.bind(fresh, fresh=True)
        self.repo.insert_facts(facts)
        return facts

    @staticmethod
    def _append_data(kind: str, row: dict[str, Any], programme_gid: dict[int, str], known: dict[int, str]) -> tuple[dict[str, Any], str | None]:
        def iso(value: Any) -> str:
            return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()

        if kind == CARD_PRINT:
            pid = row["programme_id"]
            return {
                "serial": row["serial"], "programme": programme_gid.get(pid) if pid else None,
                "printed_at": iso(row["printed_at"]), "printed_by": row["printed_by"], "reason": row["reason"],
                "layout": row["layout"],
            }, row["worker_uid"]  # fmt: skip
        reversal = known.get(row["reversal_of"]) if row.get("reversal_of") else None
        common = {
            "programme": programme_gid[row["programme_id"]], "first_month": row["first_month"],
            "last_month": row["last_month"], "amount": row["amount"], "paid_on": iso(row["paid_on"]),
            "reversal_of": reversal, "reason": row["reason"] or "", "created_at": iso(row["created_at"]),
            "created_by": row["created_by"],
        }  # fmt: skip
        if kind == SELF_PAYMENT:
            return {**common, "receipt": row["receipt"], "source": row["source"]}, row["worker_uid"]
        return {**common, "funder": row["funder_name"], "invoice": row["invoice_number"],
                "expected": row["expected"], "lines": row["lines"]}, None  # fmt: skip

    # -- apply --------------------------------------------------------------------------------------
    def apply(self, incoming: list[Fact]) -> ApplyCounts:
        """Store the versions not known here, then write every stored version not applied yet whose
        references exist (those of this package and those pending from earlier ones)."""
        counts = ApplyCounts()
        fresh = self.repo.unknown(incoming)
        counts.fresh = fresh
        for fact in fresh:
            counts.received[fact.kind] = counts.received.get(fact.kind, 0) + 1
        self._fresh: dict[str, list[Fact]] = {}
        for fact in fresh:
            self._fresh.setdefault(fact.gid, []).append(fact)
        earlier = self.repo.waiting()
        todo = {(f.gid, f.hlc): f for f in (*earlier, *fresh)}
        by_kind: dict[str, list[Fact]] = {}
        for fact in todo.values():
            by_kind.setdefault(fact.kind, []).append(fact)
        states: dict[str, list[tuple[str, str]]] = {APPLIED: [], PENDING: [], HELD: []}
        self._merged = self.uow.sync.merged({f.worker for f in todo.values() if f.worker})
        uids = {self._merged.get(f.worker, (f.worker,))[0] for f in todo.values() if f.worker}
        self._workers = self.uow.sync.worker_ids(uids)
        for kind in KINDS:
            facts = by_kind.get(kind)
            if not facts:
                continue
            if kind in (PROGRAMME, CALENDAR, ENROLMENT):
                written = self._apply_snapshots(kind, facts, states)
            elif kind in (WORKER_EVENT, HANDOVER):
                written = sync_events.apply(self, kind, facts, states)
            else:
                written = self._apply_appended(kind, facts, states)
            if written:
                counts.written[kind] = written
        fresh_keys = {(f.gid, f.hlc) for f in fresh}
        state_of = {key: state for state, keys in states.items() for key in keys}
        for state in (APPLIED, PENDING, HELD):
            stored = [f for f in fresh if state_of.get((f.gid, f.hlc), PENDING) == state]
            texts = self.repo.insert_facts(stored, state, self.ahead)
            counts.texts.update(zip(((f.gid, f.hlc) for f in stored), texts, strict=True))
            if state != PENDING:
                self.repo.set_state([k for k in states[state] if k not in fresh_keys], state)
        counts.pending = len(states[PENDING])
        counts.held = len(states[HELD])
        return counts

    def _worker(self, uid: str | None) -> int | None:
        if uid is None:
            return None
        uid = self._merged.get(uid, (uid,))[0]
        return self._workers.get(uid)

    def _apply_snapshots(self, kind: str, facts: list[Fact], states: dict[str, list[tuple[str, str]]]) -> int:
        gids = sorted({f.gid for f in facts})
        versions = self.repo.versions(gids)
        for gid, group in self._fresh.items():
            if gid in versions or any(f.kind == kind for f in group):
                versions.setdefault(gid, []).extend(group)
        local = self.repo.local_ids(gids)
        programmes = self.repo.local_ids({f.data["programme"] for f in facts if kind == ENROLMENT})
        by_name = self.repo.programme_by_name() if kind == PROGRAMME else {}
        existing: dict[tuple[int, int], int] = {}
        funders_of: dict[int, dict[tuple[int, str], int]] = {}
        if kind == ENROLMENT:
            existing = self.repo.enrolment_ids(self._workers.values())
        keys_of: dict[str, list[tuple[str, str]]] = {}
        for f in facts:
            keys_of.setdefault(f.gid, []).append((f.gid, f.hlc))
        binds: list[tuple[str, str, int, str, str]] = []
        inserts: list[tuple[Fact, dict[str, Any]]] = []
        written_ids: set[int] = set()
        written = 0
        for gid in gids:
            win = current(versions.get(gid, ()))
            assert win is not None
            target = local.get(gid)
            if kind == PROGRAMME and target is None:
                target = by_name.get(win.data["name"])
            elif kind == CALENDAR:
                target = 0
            values: dict[str, Any] = {}
            if kind == ENROLMENT:
                pid, wid = programmes.get(win.data["programme"]), self._worker(win.worker)
                if pid is None or wid is None:
                    states[PENDING].extend(keys_of[gid])
                    continue
                if pid not in funders_of:
                    funders_of[pid] = self.repo.funder_ids([pid])
                funder = funders_of[pid].get((pid, win.data["funder"])) if win.data["funder"] else None
                values = {
                    "start_month": win.data["start_month"], "end_month": win.data["end_month"],
                    "funded_from": win.data["funded_from"], "funded_to": win.data["funded_to"],
                    "exit_date": date.fromisoformat(win.data["exit_date"]) if win.data["exit_date"] else None,
                    "exit_reason": win.data["exit_reason"], "funder_id": funder,
                }  # fmt: skip
                target = target if target is not None else existing.get((pid, wid))
                if target is None:
                    inserts.append((win, {"programme_id": pid, "worker_id": wid, **values,
                                          "created_at": datetime.fromisoformat(win.data["created_at"]),
                                          "created_by": win.data["created_by"]}))  # fmt: skip
                    states[APPLIED].extend(keys_of[gid])
                    continue
            states[APPLIED].extend(keys_of[gid])
            applied_rank = ""
            if target is not None:
                applied_rank = max((r for _g, _d, r in self.repo.bound_for(kind, [target]).get(target, ())), default="")
            my_rank = rank_text(win)
            if target is None or my_rank > applied_rank:
                if kind == PROGRAMME:
                    target = self.repo.write_programme(target, dict(win.data), user=self.user, now=self.now)
                elif kind == CALENDAR:
                    self.repo.write_calendar(dict(win.data))
                else:
                    assert target is not None
                    self.repo.update_enrolment(target, values)
                written += 1
            assert target is not None
            binds.append((gid, kind, target, "", my_rank))
            written_ids.add(target)
        if inserts:
            # New rows: their digest is the one capture will compute from what is written (no read-back).
            ids = self.repo.insert_enrolments([row for _f, row in inserts])
            self.repo.bind([
                (win.gid, kind, eid, self._inserted_digest(win, row), rank_text(win))
                for (win, row), eid in zip(inserts, ids, strict=True)
            ], fresh=True)  # fmt: skip
            written += len(inserts)
        self.repo.bind(binds)
        self._refresh(kind, written_ids)
        return written

    def _inserted_digest(self, win: Fact, row: dict[str, Any]) -> str:
        data = {key: win.data[key] for key in ENROLMENT_FIELDS}
        if row["funder_id"] is None:
            data["funder"] = None
        uid = win.worker
        assert uid is not None
        return enrolment_digest(self._merged.get(uid, (uid,))[0], data)

    def _refresh(self, kind: str, local_ids: set[int]) -> None:
        """Bindings of rows written or bound now take the digest capture will compute (no echo)."""
        if not local_ids:
            return
        if kind == PROGRAMME:
            data = self.repo.programmes()
            self.repo.set_digests(kind, {i: digest(data[i]) for i in local_ids if i in data})
        elif kind == CALENDAR:
            self.repo.set_digests(kind, {0: digest(self.repo.calendar())})
        else:
            rows = self.repo.enrolments(ids=local_ids)
            self.repo.set_digests(kind, {i: enrolment_digest(u, d) for i, (_p, u, d) in rows.items()})

    def _apply_appended(self, kind: str, facts: list[Fact], states: dict[str, list[tuple[str, str]]]) -> int:
        facts = sorted(facts, key=lambda f: (f.hlc, f.gid))
        known = self.repo.local_ids({f.gid for f in facts} | {f.data["reversal_of"] for f in facts if f.data.get("reversal_of")})
        programmes = self.repo.local_ids({f.data["programme"] for f in facts if f.data.get("programme")})
        enrolments = self.repo.enrolment_ids(self._workers.values()) if kind == SELF_PAYMENT else {}
        funders = self.repo.funder_ids(programmes.values()) if kind == FUNDER_PAYMENT else {}
        taken: set[str] = set()
        if kind == SELF_PAYMENT:
            taken = self.repo.receipts_taken({f.data["receipt"] for f in facts if f.data["receipt"]})
        elif kind == CARD_PRINT:
            taken = self.repo.serials_taken({f.data["serial"] for f in facts})
        rows: list[tuple[Fact, dict[str, Any]]] = []
        # Reversals may name a payment of the same batch: apply in rounds until nothing more can go.
        waiting = [f for f in facts if f.gid not in known]
        states[APPLIED].extend((f.gid, f.hlc) for f in facts if f.gid in known)
        while waiting:
            later: list[Fact] = []
            batch: list[tuple[Fact, dict[str, Any]]] = []
            for fact in waiting:
                d = fact.data
                reversal = None
                if d.get("reversal_of"):
                    reversal = known.get(d["reversal_of"])
                    if reversal is None:
                        later.append(fact)
                        continue
                pid = programmes.get(d["programme"]) if d.get("programme") else None
                if d.get("programme") and pid is None:
                    later.append(fact)
                    continue
                if kind == FUNDER_PAYMENT:
                    fid = funders.get((pid, d["funder"])) if pid is not None else None
                    if fid is None:
                        later.append(fact)
                        continue
                    row = {"programme_id": pid, "funder_id": fid, "invoice_number": d["invoice"],
                           "first_month": d["first_month"], "last_month": d["last_month"], "amount": d["amount"],
                           "expected": d["expected"], "paid_on": date.fromisoformat(d["paid_on"]),
                           "reversal_of": reversal, "reason": d["reason"],
                           "created_at": datetime.fromisoformat(d["created_at"]), "created_by": d["created_by"],
                           "lines": d["lines"]}  # fmt: skip
                else:
                    wid = self._worker(fact.worker)
                    if wid is None:
                        later.append(fact)
                        continue
                    if kind == SELF_PAYMENT:
                        eid = enrolments.get((pid, wid)) if pid is not None else None
                        if eid is None:
                            later.append(fact)
                            continue
                        if d["receipt"] and d["receipt"] in taken:
                            states[HELD].append((fact.gid, fact.hlc))
                            continue
                        if d["receipt"]:
                            taken.add(d["receipt"])
                        row = {"programme_id": pid, "enrolment_id": eid, "worker_id": wid, "receipt": d["receipt"],
                               "first_month": d["first_month"], "last_month": d["last_month"], "amount": d["amount"],
                               "paid_on": date.fromisoformat(d["paid_on"]), "source": d["source"],
                               "reversal_of": reversal, "reason": d["reason"],
                               "created_at": datetime.fromisoformat(d["created_at"]), "created_by": d["created_by"]}  # fmt: skip
                    else:
                        if d["serial"] in taken:
                            states[HELD].append((fact.gid, fact.hlc))
                            continue
                        taken.add(d["serial"])
                        row = {"serial": d["serial"], "worker_id": wid, "programme_id": pid,
                               "printed_at": datetime.fromisoformat(d["printed_at"]), "printed_by": d["printed_by"],
                               "reason": d["reason"], "layout": d["layout"]}  # fmt: skip
                batch.append((fact, row))
            if not batch:
                states[PENDING].extend((f.gid, f.hlc) for f in later)
                break
            ids = self.repo.insert_rows(kind, [row for _f, row in batch])
            for (fact, _row), local_id in zip(batch, ids, strict=True):
                known[fact.gid] = local_id
                states[APPLIED].append((fact.gid, fact.hlc))
            self.repo.bind([(f.gid, kind, i, "", "0" + f.hlc) for (f, _r), i in zip(batch, ids, strict=True)], fresh=True)
            rows.extend(batch)
            waiting = later
        return len(rows)

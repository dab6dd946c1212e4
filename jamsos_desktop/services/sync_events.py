"""Capture and merge of worker events and handover events in sync packages (issue 6): the two snapshot
kinds :class:`~jamsos_desktop.services.sync_records.RecordSync` hands over to this module, kept out of the
loops of the other kinds (a package without events costs two queries: the two tables read empty).

Rules (:mod:`jamsos_desktop.domain.sync_records`): a **worker event** names its worker by uid and its
programme by gid; the newest clock wins. A **handover** names its programme by gid and its recipients by
uid, in order; an office version beats any station version, then the newest clock wins. Capture needs no
hook: a row changed when the digest of what it holds differs from the digest bound to its gid. Apply
writes the winning version of each record when the row here holds something else (whatever order the
versions came in, every site ends with the winner); a record whose worker or programme is not here stays
pending. A handover recipient who is not here is left out of the local list: at a station (the workers of
other villages never come) the version counts as applied, at the office (every worker comes) it stays
pending until the worker arrives. A version made here keeps the recipients of the latest version that
this site could not show. A merged record's recipient is its survivor, in the versions written here and in
the lists already here when the merge arrives.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from jamsos_desktop.domain.sync_records import (
    APPLIED,
    HANDOVER,
    PENDING,
    SCHEMAS,
    WORKER_EVENT,
    Fact,
    current,
    rank,
)

if TYPE_CHECKING:
    from jamsos_desktop.services.ports import SyncRecordStore
    from jamsos_desktop.services.sync_records import RecordSync

#: ``new(gid, kind, worker, data, local_id, digest, known)`` of :meth:`RecordSync.capture`.
NewVersion = Callable[..., None]
_PREFIX = {WORKER_EVENT: "ev", HANDOVER: "ho"}


def _digest(values: tuple[Any, ...]) -> str:
    return hashlib.sha1(repr(values).encode()).hexdigest()  # noqa: S324 - change detection, not security


def event_digest(uid: str, programme_id: int | None, data: dict[str, Any]) -> str:
    """A worker event's digest: its worker, its programme (local id: bindings may change the gid) and
    its values."""
    return _digest((uid, programme_id, *(data[k] for k in sorted(data) if k != "programme")))


def handover_digest(programme_id: int | None, data: dict[str, Any], recipients: list[str]) -> str:
    return _digest((programme_id, *(data[k] for k in sorted(data) if k not in ("programme", "recipients")),
                    tuple(recipients)))  # fmt: skip


def _gid(kind: str, office: bool) -> str:
    return f"{_PREFIX[kind]}{'o' if office else 's'}-{secrets.token_hex(8)}"


def _latest(gids: list[tuple[str, str, str]] | None, dg: str) -> tuple[bool, str | None]:
    if not gids:
        return False, None
    gid, latest_digest, _rank = max(gids, key=lambda g: g[2])
    return latest_digest == dg, gid


# -- capture ----------------------------------------------------------------------------------------
def capture(rs: RecordSync, new: NewVersion, programme_gid: dict[int, str]) -> None:
    """New versions of the worker events and handovers changed here since their latest bound version."""
    office = rs.own.is_office
    repo = rs.repo.events
    events = repo.worker_events()
    if events:
        bound = rs.repo.bound(WORKER_EVENT)
        for eid, (uid, pid, data) in sorted(events.items()):
            dg = event_digest(uid, pid, data)
            unchanged, gid = _latest(bound.get(eid), dg)
            if unchanged:
                continue
            data = {**data, "programme": programme_gid.get(pid) if pid is not None else None}
            new(gid or _gid(WORKER_EVENT, office), WORKER_EVENT, uid, data, eid, dg, gid is not None)
    handovers = repo.handovers()
    if not handovers:
        return
    bound = rs.repo.bound(HANDOVER)
    changed = []
    for hid, (pid, data, uids) in sorted(handovers.items()):
        dg = handover_digest(pid, data, uids)
        unchanged, gid = _latest(bound.get(hid), dg)
        if not unchanged:
            changed.append((hid, pid, data, uids, dg, gid))
    if not changed:
        return
    # Recipients of the latest version who are not here (other villages' workers) stay named.
    latest = {g: current(v) for g, v in rs.repo.versions([c[5] for c in changed if c[5]]).items()}
    named = {u for win in latest.values() if win is not None for u in win.data["recipients"]}
    here = set(rs.uow.sync.worker_ids(named)) if named else set()
    for hid, pid, data, uids, dg, gid in changed:
        recipients = list(uids)
        win = latest.get(gid) if gid else None
        if win is not None:
            for index, uid in enumerate(win.data["recipients"]):
                if uid not in here and uid not in recipients:
                    recipients.insert(min(index, len(recipients)), uid)
        data = {
            **data,
            "programme": programme_gid.get(pid) if pid is not None else None,
            "recipients": recipients,
        }
        if win is not None and win.office and not office:
            # The office's version wins over this station's edit: the edit travels (kept at the office
            # as a version) and the row here shows the office's version again.
            dg = _rewrite(rs, hid, win)
        new(gid or _gid(HANDOVER, office), HANDOVER, None, data, hid, dg, gid is not None)


def _rewrite(rs: RecordSync, hid: int, win: Fact) -> str:
    """The handover row ``hid`` back to the version ``win``; the digest of what it holds now."""
    programme = win.data["programme"]
    pid = rs.repo.local_ids([programme]).get(programme) if programme else None
    uids, worker_ids, _missing = _People(rs, win.data["recipients"]).here(win.data["recipients"])
    data = normalized({k: win.data[k] for k in SCHEMAS[HANDOVER] if k not in ("programme", "recipients")})
    rs.repo.events.write_handover(hid, pid, data, worker_ids)
    return handover_digest(pid, data, uids)


# -- apply ------------------------------------------------------------------------------------------
def apply(rs: RecordSync, kind: str, facts: list[Fact], states: dict[str, list[tuple[str, str]]]) -> int:
    """Write the winning version of each record of ``facts`` whose row here holds something else; returns
    how many rows were written. ``facts``: the versions of this import not stored yet and those pending."""
    repo = rs.repo.events
    keys_of: dict[str, list[tuple[str, str]]] = {}
    for fact in facts:
        keys_of.setdefault(fact.gid, []).append((fact.gid, fact.hlc))
    gids = sorted(keys_of)
    versions = rs.repo.versions(gids)
    for fact in facts:
        group = versions.setdefault(fact.gid, [])
        if all(f.hlc != fact.hlc for f in group):
            group.append(fact)
    winners = {gid: _winner(versions[gid]) for gid in gids}
    local = rs.repo.local_ids(gids)
    programmes = rs.repo.local_ids({w.data["programme"] for w in winners.values() if w.data["programme"]})
    rows: dict[int, Any] = {}
    if local:
        rows = dict(
            repo.worker_events(ids=local.values())
            if kind == WORKER_EVENT
            else repo.handovers(ids=local.values())
        )
    people = _People(
        rs, [u for w in winners.values() for u in w.data["recipients"]] if kind == HANDOVER else []
    )
    binds: list[tuple[str, str, int, str, str]] = []
    digests: dict[int, str] = {}
    written = 0
    for gid in gids:
        win = winners[gid]
        pid = programmes.get(win.data["programme"]) if win.data["programme"] else None
        if win.data["programme"] and pid is None:
            states[PENDING].extend(keys_of[gid])
            continue
        target = local.get(gid)
        data = normalized({k: win.data[k] for k in SCHEMAS[kind] if k not in ("programme", "recipients")})
        have = rows.get(target) if target is not None else None
        if have is None:
            target = None  # never written here (or its row is gone): a new row
        state = APPLIED
        if kind == WORKER_EVENT:
            wid = rs._worker(win.worker)
            if wid is None:
                states[PENDING].extend(keys_of[gid])
                continue
            uid = rs._merged.get(win.worker or "", (win.worker or "",))[0]
            dg = event_digest(uid, pid, data)
            if have is None or event_digest(*have) != dg:
                target = repo.write_worker_event(target, wid, pid, data)
                written += 1
        else:
            uids, worker_ids, missing = people.here(win.data["recipients"])
            if missing and rs.own.is_office:
                state = PENDING  # written as far as it goes, completed when the workers arrive
            dg = handover_digest(pid, data, uids)
            if have is None or handover_digest(*have) != dg:
                target = repo.write_handover(target, pid, data, worker_ids)
                written += 1
        assert target is not None
        states[state].extend(keys_of[gid])
        digests[target] = dg
        binds.append((gid, kind, target, dg, _rank_text(win)))
    rs.repo.bind(binds)
    rs.repo.set_digests(kind, digests)  # every gid bound to these rows (a row may be named by two)
    return written


# -- merges -----------------------------------------------------------------------------------------
def move_recipients(repo: SyncRecordStore, loser_id: int, winner_id: int) -> int:
    """A merged record's places in handover lists go to its survivor, as every site does when it makes the
    tombstone: a list then shows the survivor whether a version of it came before the merge or after (an
    import names the survivor for a merged recipient). Moving is not an edit: a version bound to the list
    as it was takes the digest of the moved list, so nothing new travels; a local edit not captured yet
    still is. Rows moved."""
    hids = repo.events.handovers_naming(loser_id)
    if not hids:
        return 0
    before = repo.events.handovers(hids)
    bound = repo.bound_for(HANDOVER, hids)
    moved = repo.events.move_recipients(loser_id, winner_id)
    after = repo.events.handovers(hids)
    digests = {}
    for hid in hids:
        if _latest(bound.get(hid), handover_digest(*before[hid]))[0]:
            digests[hid] = handover_digest(*after[hid])
    repo.set_digests(HANDOVER, digests)
    return moved


def _winner(versions: list[Fact]) -> Fact:
    win = current(versions)
    assert win is not None
    return win


def _rank_text(fact: Fact) -> str:
    authority, hlc = rank(fact)
    return ("1" if authority else "0") + hlc


def normalized(data: dict[str, Any]) -> dict[str, Any]:
    """Dates and times as this site stores and reads them back (ISO, a space before the time)."""
    out = dict(data)
    for key in ("event_date",):
        out[key] = date.fromisoformat(out[key]).isoformat()
    for key in ("created_at", "updated_at"):
        if key in out:
            out[key] = datetime.fromisoformat(out[key]).isoformat(sep=" ")
    return out


class _People:
    """Handover recipients here: a merged record's recipient is its survivor, named once."""

    def __init__(self, rs: RecordSync, named: list[str]) -> None:
        self.merged = rs.uow.sync.merged(set(named)) if named else {}
        survivors = {self.merged.get(u, (u,))[0] for u in named}
        self.ids = rs.uow.sync.worker_ids(survivors) if survivors else {}

    def here(self, named: list[str]) -> tuple[list[str], list[int], int]:
        """(the uids the rows here name, their worker ids) in the order called, and how many recipients
        are not here."""
        uids: list[str] = []
        ids: list[int] = []
        missing = 0
        for uid in named:
            survivor = self.merged.get(uid, (uid,))[0]
            wid = self.ids.get(survivor)
            if wid is None:
                missing += 1
            elif wid not in ids:
                uids.append(survivor)
                ids.append(wid)
        return uids, ids, missing

"""Personal data (UU 27/2022, PDP): everything held about one person, and anonymisation after the
retention period.

* :meth:`PrivacyService.export_person` gathers the worker record with heirs and consent, enrolments,
  self-payments, events (claims), card prints and the audit entries about the worker, as JSON.
* :meth:`PrivacyService.anonymise` removes names, NIK, KK, KPJ, addresses, phones and heirs of workers
  whose membership ended more than ``retention_years`` ago (and the heir's contact in their death or
  accident events); the rows, enrolments and payments stay, so counts and money still add up. Their
  values in the audit trail are erased too (entries keyed by the worker's id or its sync uid, and those
  of its events); the chain survives because it covers a digest of the values, not the values.
* Sync (issue 6): the anonymisation is captured at once as an edit of kind ``anonymise`` that travels
  to the office and the stations like any change; wherever it is stored — here, or by an import
  (:func:`forget_anonymised`, called by ``SyncService`` at the end of every import) — the copies of the
  old values in sync's history are replaced (:mod:`jamsos_desktop.persistence.sync_privacy`): older
  edits keep their clocks with anonymised values, so the merge decides as before and no old value is
  sent again.
Both need the ``export_personal_data`` permission (verifier or administrator) and are audited.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jamsos_desktop.domain.errors import NotFoundError
from jamsos_desktop.domain.safety import (
    DEFAULT_RETENTION_YEARS,
    AuditQuery,
    Permission,
    canonical_json,
    retention_cutoff,
)
from jamsos_desktop.domain.worker_types import END_STATUSES
from jamsos_desktop.services.access import require
from jamsos_desktop.services.audit import record
from jamsos_desktop.services.ports import Clock, UnitOfWork, UnitOfWorkFactory

#: Captures, inside the caller's transaction, the local changes of these workers as sync edits
#: (``SyncService.capture_workers``); None where sync is not wired (tests of the registry alone).
CaptureWorkers = Callable[[UnitOfWork, Sequence[str]], object]


@dataclass(frozen=True)
class AnonymisationResult:
    cutoff: date
    retention_years: int
    due: int
    anonymised: int
    audit_entries_erased: int
    dry_run: bool


class PrivacyService:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        *,
        user: Callable[[], str],
        clock: Clock = datetime.now,
        setting: Callable[[str], str] = lambda _k: "",
        capture: CaptureWorkers | None = None,
    ) -> None:
        self._uow = uow
        self._user = user
        self._clock = clock
        self._setting = setting
        self._capture = capture

    def retention_years(self) -> int:
        try:
            return max(1, int(self._setting("retention_years") or DEFAULT_RETENTION_YEARS))
        except ValueError:
            return DEFAULT_RETENTION_YEARS

    # -- export ------------------------------------------------------------------------------------------
    def export_person(self, nik: str) -> dict[str, Any]:
        """Everything held about the worker with ``nik`` (a JSON-able dict); the export is audited."""
        now = self._clock()
        with self._uow(write=True) as uow:
            require(uow, Permission.EXPORT_PERSONAL_DATA)
            worker_id = uow.workers.id_by_nik(nik.strip())
            if worker_id is None:
                raise NotFoundError("privacy.nik_unknown", nik=nik)
            worker = uow.workers.get(worker_id)
            assert worker is not None
            enrolments = uow.enrolments.for_worker(worker_id)
            payments: list[dict[str, Any]] = []
            for enrolment, _name in enrolments:
                payments.extend(
                    asdict(p)
                    for p in uow.payments.self_payments(
                        enrolment.programme_id, worker_id=worker_id, limit=10_000
                    )
                )
            report = {
                "exported_at": now.replace(microsecond=0).isoformat(),
                "exported_by": self._user(),
                "legal_basis": "UU 27/2022 (Pelindungan Data Pribadi): hak subjek data atas akses",
                "worker": asdict(worker),
                "enrolments": [{"programme": name, **asdict(e)} for e, name in enrolments],
                "self_payments": payments,
                "events": [asdict(e) for e in uow.events.list(worker_id=worker_id)],
                "card_prints": [asdict(c) for c in uow.cards.history(worker_id)],
                "audit": [
                    {
                        "seq": e.seq,
                        "at": e.at,
                        "actor": e.actor,
                        "action": e.action,
                        "old": e.old_values(),
                        "new": e.new_values(),
                    }
                    for e in uow.audit.search(
                        AuditQuery(entity="worker", entity_id=str(worker_id), limit=100_000)
                    )
                ],
            }
            record(uow, self._user(), "privacy_export", "worker", worker_id, None, {"nik": nik}, at=now)
            uow.commit()
        return json.loads(canonical_json(report))

    def export_person_to(self, nik: str, out: Path) -> dict[str, Any]:
        report = self.export_person(nik)
        out = Path(out)
        partial = out.with_name(out.name + ".partial")
        partial.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(partial, out)
        return report

    # -- anonymisation -------------------------------------------------------------------------------------
    def anonymise(self, *, dry_run: bool = False) -> AnonymisationResult:
        years = self.retention_years()
        now = self._clock()
        cutoff = retention_cutoff(now.date(), years)
        with self._uow(write=not dry_run) as uow:
            require(uow, Permission.EXPORT_PERSONAL_DATA)
            due = uow.privacy.due(cutoff, [s.value for s in END_STATUSES])
            if dry_run or not due:
                return AnonymisationResult(cutoff, years, len(due), 0, 0, dry_run)
            user = self._user()
            done = uow.privacy.anonymise(due, user=user, now=now)
            uids = uow.privacy.uids(due)
            anonymised: dict[str, str] = {}
            if self._capture is not None:
                # The anonymisation travels like any change (its own edit, kind "anonymise"), captured
                # before sync's history of these records is rewritten.
                before = uow.privacy.newest_edits(uids)
                self._capture(uow, uids)
                anonymised = uow.privacy.mark_anonymisations(uids, before)
            # Records anonymised without an edit (tombstones of merged duplicates do not travel) and the
            # duplicates merged into these are rewritten whole.
            local = [u for u in uids if u not in anonymised]
            scrubbed = uow.privacy.scrub_sync(anonymised, user=user, now=now, local=local)
            ids = sorted({*due, *scrubbed.worker_ids})
            erased = uow.audit.erase_values("worker", [str(i) for i in ids] + sorted({*uids, *scrubbed.uids}))
            erased += uow.audit.erase_values("worker_event", [str(i) for i in uow.privacy.event_ids(ids)])
            record(
                uow,
                user,
                "anonymise",
                "worker",
                "*",
                None,
                {
                    "workers": len(due),
                    "cutoff": cutoff.isoformat(),
                    "retention_years": years,
                    "first_id": due[0],
                    "last_id": due[-1],
                    "sync_edits_rewritten": scrubbed.edits,
                    "sync_conflicts_dropped": scrubbed.conflicts,
                    "merged_duplicates": scrubbed.losers,
                },
                at=now,
            )
            uow.commit()
        return AnonymisationResult(cutoff, years, len(due), done, erased, dry_run)


def forget_anonymised(uow: UnitOfWork, uids: Iterable[str], *, user: str, now: datetime) -> int:
    """After a sync import touched ``uids``: those anonymised here (by this package or before) lose the
    personal values the import stored or kept — older edits, outcomes, conflicts, refusals, event
    versions, and the values of their audit entries (those of this import too). Returns how many
    records were anonymised; most imports find none with one index seek."""
    anonymised = uow.privacy.anonymised(uids)
    if not anonymised:
        return 0
    scrubbed = uow.privacy.scrub_sync(anonymised, user=user, now=now)
    uow.audit.erase_values("worker", [str(i) for i in scrubbed.worker_ids] + list(scrubbed.uids))
    if scrubbed.event_ids:
        uow.audit.erase_values("worker_event", [str(i) for i in scrubbed.event_ids])
    return len(anonymised)

"""Personal data (UU 27/2022, PDP): everything held about one person, and anonymisation after the
retention period.

* :meth:`PrivacyService.export_person` gathers the worker record with heirs and consent, enrolments,
  self-payments, events (claims), card prints and the audit entries about the worker, as JSON.
* :meth:`PrivacyService.anonymise` removes names, NIK, KK, KPJ, addresses, phones and heirs of workers
  whose membership ended more than ``retention_years`` ago; the rows, enrolments and payments stay, so
  counts and money still add up. Their values in the audit trail are erased too; the chain survives
  because it covers a digest of the values, not the values.
Both need the ``export_personal_data`` permission (verifier or administrator) and are audited.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
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
from jamsos_desktop.services.ports import Clock, UnitOfWorkFactory


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
    ) -> None:
        self._uow = uow
        self._user = user
        self._clock = clock
        self._setting = setting

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
            payments = []
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
            done = uow.privacy.anonymise(due, user=self._user(), now=now)
            erased = uow.audit.erase_values("worker", [str(i) for i in due])
            record(
                uow,
                self._user(),
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
                },
                at=now,
            )
            uow.commit()
        return AnonymisationResult(cutoff, years, len(due), done, erased, dry_run)

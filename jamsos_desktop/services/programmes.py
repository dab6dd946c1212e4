"""Programmes and enrolment (*program dan kepesertaan*): create, change, enrol, exit, events, holidays.

Every action is one unit of work. Bulk enrolment selects candidates and inserts enrolments in a few
statements, so enrolling 100,000 workers takes seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from jamsos_desktop.domain.calendar import HOLIDAY_YEARS, fixed_holidays
from jamsos_desktop.domain.errors import (
    ConflictError,
    Finding,
    JamsosError,
    NotFoundError,
    Severity,
    UsageError,
    ValidationError,
)
from jamsos_desktop.domain.excel_rules import HeaderMatch, cell_text, header_key
from jamsos_desktop.domain.formatting import default_language
from jamsos_desktop.domain.programme import (
    ClaimStatus,
    Enrolment,
    EnrolmentExit,
    EnrolResult,
    EventKind,
    ExitReason,
    Month,
    Programme,
    ProgrammeData,
    WorkerEvent,
    split_between_funders,
    validate_programme,
)
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.domain.worker_types import WorkerStatus
from jamsos_desktop.services.access import require
from jamsos_desktop.services.audit import record
from jamsos_desktop.services.ports import Clock, UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class HolidayImport:
    """What importing a holiday list did: rows read, dates added or renamed, rows refused."""

    read: int
    added: int
    updated: int
    unchanged: int
    rejected: tuple[tuple[int, str], ...] = ()
    years: tuple[int, ...] = ()


@dataclass(frozen=True)
class ProgrammeSummary:
    programme: Programme
    enrolled: int


class ProgrammeService:
    def __init__(
        self, uow: UnitOfWorkFactory, *, user: Callable[[], str], clock: Clock = datetime.now
    ) -> None:
        self._uow = uow
        self._user = user
        self._clock = clock

    def today(self) -> date:
        return self._clock().date()

    # -- programmes -----------------------------------------------------------------------------------
    def create(self, data: ProgrammeData) -> Programme:
        findings = validate_programme(data)
        if findings:
            raise ValidationError(findings)
        with self._uow(write=True) as uow:
            require(uow, Permission.MANAGE_PROGRAMMES)
            _office_only(uow)
            if uow.programmes.id_by_name(data.name) is not None:
                raise JamsosError("programme.name_taken", name=data.name.strip())
            pid = uow.programmes.add(data, user=self._user(), now=self._clock())
            created = uow.programmes.get(pid)
            record(uow, self._user(), "create", "programme", pid, None, created, at=self._clock())
            uow.commit()
        assert created is not None
        return created

    def update(self, programme_id: int, data: ProgrammeData, *, expected_version: int) -> Programme:
        """Save changes; when the months or the window change, every enrolment's funded range follows."""
        findings = validate_programme(data)
        if findings:
            raise ValidationError(findings)
        with self._uow(write=True) as uow:
            require(uow, Permission.MANAGE_PROGRAMMES)
            _office_only(uow)
            current = uow.programmes.get(programme_id)
            if current is None:
                raise NotFoundError("programme.not_found", programme_id=programme_id)
            other = uow.programmes.id_by_name(data.name)
            if other is not None and other != programme_id:
                raise JamsosError("programme.name_taken", name=data.name.strip())
            kept = {f.id for f in data.funders if f.id is not None}
            for f in current.funders:
                if f.id is not None and f.id not in kept and uow.programmes.funder_in_use(f.id):
                    raise JamsosError("programme.funder_in_use", name=f.name)
            if not uow.programmes.update(
                programme_id, data, expected_version=expected_version, user=self._user(), now=self._clock()
            ):
                raise ConflictError("programme.changed", by="?")
            if (data.start, data.funded_months, data.window) != (
                current.start,
                current.funded_months,
                current.window,
            ):
                uow.enrolments.refund_window(
                    programme_id, window=data.window, start=data.start.index, funded_months=data.funded_months
                )
            saved = uow.programmes.get(programme_id)
            record(uow, self._user(), "update", "programme", programme_id, current, saved, at=self._clock())
            uow.commit()
        assert saved is not None
        return saved

    def extend(self, programme_id: int, funded_months: int) -> Programme:
        """Change the number of funded months (e.g. the regency adds six more): schedules follow."""
        current = self.get(programme_id)
        return self.update(
            programme_id, replace_data(current, funded_months=funded_months), expected_version=current.version
        )

    def get(self, programme_id: int) -> Programme:
        with self._uow() as uow:
            found = uow.programmes.get(programme_id)
        if found is None:
            raise NotFoundError("programme.not_found", programme_id=programme_id)
        return found

    def list(self) -> list[Programme]:
        with self._uow() as uow:
            return uow.programmes.list()

    def summaries(self) -> list[ProgrammeSummary]:
        with self._uow() as uow:
            return [ProgrammeSummary(p, uow.enrolments.count(p.id)) for p in uow.programmes.list()]

    def count(self) -> int:
        with self._uow() as uow:
            return uow.programmes.count()

    # -- enrolment ------------------------------------------------------------------------------------
    def enrol(
        self,
        programme_id: int,
        *,
        everyone: bool = False,
        village_codes: Sequence[str] | None = None,
        worker_ids: Sequence[int] | None = None,
        start: Month | None = None,
    ) -> EnrolResult:
        """Enrol all active workers, those of some villages, or a selection.

        Workers already in the programme are left alone; workers in another programme over the same
        months are refused (for a single worker with a clear error, for a list they are reported).
        Enrolling beyond the quota is allowed with a warning: the office decides.
        """
        if not everyone and not village_codes and not worker_ids:
            raise JamsosError("enrolment.nothing_selected")
        now, user = self._clock(), self._user()
        with self._uow(write=True) as uow:
            require(uow, Permission.ENROL)  # commits the funder's money: a verifier's decision
            programme = uow.programmes.get(programme_id)
            if programme is None:
                raise NotFoundError("programme.not_found", programme_id=programme_id)
            first = start or programme.start
            if first < programme.start:
                raise JamsosError(
                    "enrolment.start_before_programme", start=str(first), programme_start=str(programme.start)
                )
            eligible, already, inactive = uow.enrolments.candidate_ids(
                programme_id,
                village_codes=None if everyone else village_codes,
                worker_ids=None if everyone else worker_ids,
            )
            clash = uow.enrolments.overlapping(
                programme_id, first.index, None, None if everyone else eligible
            )
            single = worker_ids is not None and len(worker_ids) == 1 and not everyone and not village_codes
            if single:
                wid = worker_ids[0]  # type: ignore[index]
                summary = uow.workers.summaries([wid])
                name = summary[0].name if summary else f"#{wid}"
                if not summary:
                    raise NotFoundError("worker.not_found", worker_id=wid)
                if wid in clash:
                    raise JamsosError("enrolment.overlap", name=name, programme=clash[wid])
                if wid in inactive:
                    raise JamsosError("enrolment.worker_inactive", name=name, status=summary[0].status.label)
                if wid in already:
                    raise JamsosError("enrolment.already", name=name)
            chosen = [w for w in eligible if w not in clash]
            funders = list(programme.funders)
            counts = uow.enrolments.funder_counts(programme_id)
            split = split_between_funders(funders, [counts.get(f.id or 0, 0) for f in funders], len(chosen))
            assignments: list[tuple[int, int | None]] = []
            pos = 0
            for f, n in zip(funders, split, strict=True):
                assignments.extend((w, f.id) for w in chosen[pos : pos + n])
                pos += n
            funded_from, funded_to = programme.funded_range(first)
            uow.enrolments.bulk_enrol(
                programme_id,
                assignments,
                start=first.index,
                funded_from=funded_from.index,
                funded_to=funded_to.index,
                user=user,
                now=now,
            )
            total = uow.enrolments.count(programme_id)
            if assignments:
                record(
                    uow,
                    user,
                    "enrol",
                    "programme",
                    programme_id,
                    None,
                    {
                        "start": str(first),
                        "funded_from": str(funded_from),
                        "funded_to": str(funded_to),
                        "workers": [w for w, _ in assignments],
                        "by_funder": {str(f.id): n for f, n in zip(funders, split, strict=True) if n},
                    },
                    at=now,
                )
            uow.commit()
        warnings: list[Finding] = []
        if programme.quota is not None and total > programme.quota:
            warnings.append(
                Finding(
                    "quota",
                    "enrolment.quota_exceeded",
                    Severity.WARNING,
                    {"quota": programme.quota, "total": total},
                )
            )
        return EnrolResult(
            enrolled=len(assignments),
            already=len(already),
            overlapping=tuple(w for w in eligible if w in clash),
            ineligible=tuple(inactive),
            quota=programme.quota,
            total_after=total,
            warnings=tuple(warnings),
        )

    def enrolments_of(self, worker_id: int) -> list[tuple[Enrolment, str]]:
        with self._uow() as uow:
            return uow.enrolments.for_worker(worker_id)

    def enrolment(self, programme_id: int, worker_id: int) -> Enrolment:
        with self._uow() as uow:
            found = uow.enrolments.get(programme_id, worker_id)
        if found is None:
            raise NotFoundError("enrolment.not_found", worker_id=worker_id)
        return found

    def enrolled_count(self, programme_id: int | None = None) -> int:
        with self._uow() as uow:
            return uow.enrolments.count(programme_id)

    def search_enrolled(
        self, programme_id: int, text: str, limit: int = 50
    ) -> list[tuple[int, str, str, str]]:
        with self._uow() as uow:
            return uow.enrolments.search(programme_id, text, limit)

    def exits(self, programme_id: int) -> list[EnrolmentExit]:
        """Who left the programme by moving away, withdrawing or lapsing (deaths are :meth:`events`)."""
        with self._uow() as uow:
            return uow.enrolments.exits(programme_id)

    def exit_worker(self, worker_id: int, *, exit_date: date, reason: ExitReason | str) -> int:
        """End every enrolment of a worker with the month of ``exit_date``; later months drop."""
        with self._uow(write=True) as uow:
            require(uow, Permission.ENTER_DATA)
            summary = uow.workers.summaries([worker_id])
            if not summary:
                raise NotFoundError("worker.not_found", worker_id=worker_id)
            n = uow.enrolments.end_for_worker(worker_id, exit_date=exit_date, reason=_reason(reason))
            if n:
                record(
                    uow,
                    self._user(),
                    "exit",
                    "enrolment",
                    worker_id,
                    None,
                    {"exit_date": exit_date.isoformat(), "reason": _reason(reason), "enrolments": n},
                    at=self._clock(),
                )
            uow.commit()
        return n

    # -- holidays -------------------------------------------------------------------------------------
    def holidays(self, year: int | None = None) -> list[tuple[date, str]]:
        """The holiday list (*hari libur nasional / cuti bersama*), of one year or all, by date."""
        with self._uow() as uow:
            days = uow.holidays.all()
        return [(d, n) for d, n in days if year is None or d.year == year]

    def holiday_years(self) -> list[int]:
        with self._uow() as uow:
            return sorted({d.year for d, _ in uow.holidays.all()})

    def set_holiday(self, day: date, name: str = "", *, replacing: date | None = None) -> None:
        """Add a holiday or rename it; with ``replacing``, move an existing holiday to ``day``.

        Due dates are computed from this list whenever they are shown, so every calendar, list and
        budget follows at once.
        """
        day = _holiday_day(day)
        name = _holiday_name(name)
        with self._uow(write=True) as uow:
            require(uow, Permission.MANAGE_PROGRAMMES)
            _office_only(uow)
            old = dict(uow.holidays.all())
            if replacing is not None and replacing != day:
                if replacing not in old:
                    raise NotFoundError("holiday.not_found", date=replacing.isoformat())
                if day in old:
                    raise JamsosError("holiday.exists", date=day.isoformat(), name=old[day])
                uow.holidays.remove(replacing)
            uow.holidays.set(day, name)
            before = (
                {"day": replacing.isoformat(), "name": old[replacing]}
                if replacing is not None and replacing in old
                else ({"day": day.isoformat(), "name": old[day]} if day in old else None)
            )
            record(
                uow,
                self._user(),
                "update" if before else "create",
                "holiday",
                day.isoformat(),
                before,
                {"day": day.isoformat(), "name": name},
                at=self._clock(),
            )
            uow.commit()

    def remove_holiday(self, day: date) -> bool:
        with self._uow(write=True) as uow:
            require(uow, Permission.MANAGE_PROGRAMMES)
            _office_only(uow)
            old = dict(uow.holidays.all())
            removed = uow.holidays.remove(day)
            if removed:
                record(
                    uow,
                    self._user(),
                    "delete",
                    "holiday",
                    day.isoformat(),
                    {"day": day.isoformat(), "name": old.get(day, "")},
                    None,
                    at=self._clock(),
                )
            uow.commit()
        return removed

    def add_fixed_holidays(self, year: int) -> int:
        """Add the fixed-date national holidays of ``year`` (names already entered are kept)."""
        if not HOLIDAY_YEARS[0] <= year <= HOLIDAY_YEARS[1]:
            raise JamsosError("holiday.invalid", value=str(year))
        with self._uow(write=True) as uow:
            require(uow, Permission.MANAGE_PROGRAMMES)
            _office_only(uow)
            existing = {d for d, _ in uow.holidays.all()}
            added = [(d, n) for d, n in fixed_holidays(year) if d not in existing]
            for d, n in added:
                uow.holidays.set(d, n)
            if added:
                record(
                    uow,
                    self._user(),
                    "create",
                    "holiday",
                    str(year),
                    None,
                    {"days": [d.isoformat() for d, _ in added]},
                    at=self._clock(),
                )
            uow.commit()
        return len(added)

    def import_holidays(self, path: str | Path, *, dry_run: bool = False) -> HolidayImport:
        """Import a year's list (the SKB's national holidays and *cuti bersama*) from .xlsx or .csv.

        Columns: a date (``tanggal``) and a name (``keterangan``). All valid rows are saved in one
        transaction; a date already in the list gets the file's name; bad rows are reported, never
        half-saved.
        """
        table = _read_holiday_table(Path(path))
        index = {col: i for i, col in table.header.columns.items()}
        parsed: dict[date, str] = {}
        rejected: list[tuple[int, str]] = []
        for row_number, cells in table.rows:
            if all(c is None or str(c).strip() == "" for c in cells):
                continue

            def cell(name: str, cells=cells) -> Any:  # type: ignore[no-untyped-def]
                i = index.get(name)
                return cells[i] if i is not None and i < len(cells) else None

            try:
                day = _holiday_cell(cell("day"), self.today())
                name = _holiday_name(cell_text(cell("name")))
            except JamsosError as exc:
                rejected.append((row_number, exc.message(default_language())))  # the app's language
                continue
            parsed[day] = name
        with self._uow(write=not dry_run) as uow:
            if not dry_run:
                require(uow, Permission.MANAGE_PROGRAMMES)
            _office_only(uow)
            existing = dict(uow.holidays.all())
            added = sum(1 for d in parsed if d not in existing)
            updated = sum(1 for d, n in parsed.items() if d in existing and existing[d] != n)
            if not dry_run:
                for d, n in sorted(parsed.items()):
                    if existing.get(d) != n:
                        uow.holidays.set(d, n)
                if added or updated:
                    record(
                        uow,
                        self._user(),
                        "import",
                        "holiday",
                        Path(path).name,
                        None,
                        {"added": added, "updated": updated},
                        at=self._clock(),
                    )
                uow.commit()
        return HolidayImport(
            read=len(parsed) + len(rejected),
            added=added,
            updated=updated,
            unchanged=len(parsed) - added - updated,
            rejected=tuple(rejected),
            years=tuple(sorted({d.year for d in parsed})),
        )

    # -- events ---------------------------------------------------------------------------------------
    def record_event(self, event: WorkerEvent) -> WorkerEvent:
        """Record a death or work accident; a death ends the worker's enrolments with that month.

        The heir's contact is checked (name and relationship lengths, an Indonesian phone number) and
        a second death of the same worker is refused, so the claim is followed once.
        """
        if event.event_date > self.today():
            raise JamsosError("event.date_future", date=event.event_date.isoformat())
        event = _checked_event(event)
        now, user = self._clock(), self._user()
        with self._uow(write=True) as uow:
            require(uow, Permission.ENTER_DATA)
            summary = uow.workers.summaries([event.worker_id])
            if not summary:
                raise NotFoundError("worker.not_found", worker_id=event.worker_id)
            if event.kind is EventKind.DEATH and any(
                e.kind is EventKind.DEATH for e in uow.events.list(worker_id=event.worker_id)
            ):
                raise JamsosError("event.already_deceased", name=summary[0].name)
            event_id = uow.events.add(event, user=user, now=now)
            if event.kind is EventKind.DEATH:
                uow.enrolments.end_for_worker(
                    event.worker_id, exit_date=event.event_date, reason=ExitReason.DECEASED.value
                )
                self._mark_deceased(uow, event, user=user, now=now)
            record(uow, user, "create", "worker_event", event_id, None, event, at=now)
            uow.commit()
            saved = [e for e in uow.events.list(worker_id=event.worker_id) if e.id == event_id]
        return saved[0] if saved else replace(event, id=event_id)

    @staticmethod
    def _mark_deceased(uow: UnitOfWork, event: WorkerEvent, *, user: str, now: datetime) -> None:
        """The registry follows a recorded death: the worker becomes *meninggal* from that date."""
        current = uow.workers.get(event.worker_id)
        if current is None or current.status is WorkerStatus.DECEASED:
            return
        uow.workers.set_status(
            event.worker_id,
            WorkerStatus.DECEASED,
            end_date=event.event_date,
            reason="Meninggal dunia",
            user=user,
            now=now,
        )
        saved = uow.workers.get(event.worker_id)
        record(uow, user, "deactivate", "worker", event.worker_id, current, saved, at=now)

    def set_claim_status(self, event_id: int, status: ClaimStatus, notes: str | None = None) -> None:
        with self._uow(write=True) as uow:
            require(uow, Permission.ENTER_DATA)
            if not uow.events.set_claim_status(
                event_id, status, notes=notes, user=self._user(), now=self._clock()
            ):
                raise NotFoundError("event.not_found", event_id=event_id)
            changed = {"claim_status": status.value} | ({"notes": notes} if notes is not None else {})
            record(
                uow,
                self._user(),
                "set_claim_status",
                "worker_event",
                event_id,
                None,
                changed,
                at=self._clock(),
            )
            uow.commit()

    def events(self, *, worker_id: int | None = None, programme_id: int | None = None) -> list[WorkerEvent]:
        with self._uow() as uow:
            return uow.events.list(worker_id=worker_id, programme_id=programme_id)


def replace_data(programme: Programme, **changes: object) -> ProgrammeData:
    """The editable part of a programme, with some fields changed."""
    base = ProgrammeData(
        name=programme.name,
        funders=programme.funders,
        start=programme.start,
        funded_months=programme.funded_months,
        income=programme.income,
        include_jht=programme.include_jht,
        quota=programme.quota,
        lapse_threshold=programme.lapse_threshold,
        window=programme.window,
        horizon_months=programme.horizon_months,
        notes=programme.notes,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _reason(reason: ExitReason | str) -> str:
    return reason.value if isinstance(reason, ExitReason) else str(reason)[:32]


# -- holidays: checking input and reading a list -----------------------------------------------------
HOLIDAY_NAME_MAX = 120
_HOLIDAY_HEADERS = {
    **dict.fromkeys(("tanggal", "tgl", "date", "hari", "tanggallibur", "day"), "day"),
    **dict.fromkeys(
        ("keterangan", "nama", "namalibur", "harilibur", "name", "uraian", "libur", "perayaan"), "name"
    ),
}


def _office_only(uow: UnitOfWork) -> None:
    """Programmes and the holiday calendar are the office's (its versions win in sync packages, the due
    dates of every village depend on them): a village laptop that joined the office only reads them."""
    own = uow.sync.own()
    if own is not None and not own.is_office:
        raise UsageError("programme.office_managed")


def _holiday_day(day: date) -> date:
    if not isinstance(day, date) or not HOLIDAY_YEARS[0] <= day.year <= HOLIDAY_YEARS[1]:
        raise JamsosError("holiday.invalid", value=str(day))
    return day


def _holiday_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise JamsosError("holiday.name_required")
    if len(name) > HOLIDAY_NAME_MAX:
        raise JamsosError("holiday.name_too_long", limit=HOLIDAY_NAME_MAX)
    return name


def _holiday_cell(value: Any, today: date) -> date:
    from jamsos_desktop.domain.excel_rules import read_date_cell

    if value is None or str(value).strip() == "":
        raise JamsosError("holiday.invalid", value="")
    parsed, _ = read_date_cell(value, today, column="day")
    if parsed is None:
        raise JamsosError("holiday.invalid", value=cell_text(value))
    return _holiday_day(parsed)


def _holiday_header(cells: Sequence[Any], row_index: int = 0) -> HeaderMatch | None:
    columns: dict[int, str] = {}
    for i, c in enumerate(cells):
        col = _HOLIDAY_HEADERS.get(header_key(c))
        if col is not None and col not in columns.values():
            columns[i] = col
    if set(columns.values()) != {"day", "name"}:
        return None
    return HeaderMatch(row_index, cast(Any, columns), tuple(cell_text(c) for c in cells), ())


def _read_holiday_table(path: Path) -> Any:
    from jamsos_desktop.services.spreadsheet import read_table

    try:
        return read_table(path, finder=_holiday_header, no_header_code="holiday.columns_missing")
    except UsageError as exc:
        if exc.code == "holiday.columns_missing":
            raise UsageError("holiday.columns_missing") from None
        raise


# -- events: checking the heir's contact ------------------------------------------------------------
def _checked_event(event: WorkerEvent) -> WorkerEvent:
    from jamsos_desktop.domain.normalize import normalize_phone

    heir = " ".join(event.heir_name.split())
    relationship = " ".join(event.heir_relationship.split())
    if len(heir) > 100:
        raise JamsosError("event.heir_too_long", field="nama ahli waris", limit=100)
    if len(relationship) > 20:
        raise JamsosError("event.heir_too_long", field="hubungan", limit=20)
    phone = normalize_phone(event.heir_phone or "")
    if phone is None or len(phone) > 16:
        raise JamsosError("phone.format", phone=event.heir_phone.strip())
    return replace(
        event, heir_name=heir, heir_relationship=relationship, heir_phone=phone, notes=event.notes.strip()
    )

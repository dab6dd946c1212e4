"""The contribution calendar (*kalender iuran*) as the office reads it: a programme's grid of months ×
status, one month's figures, a worker's strip of months, and the lists a clerk acts on each month.

Counts come from SQL aggregates (see ``CalendarStore``); this module only classifies each month with
the domain rules, so the grid and a worker's strip always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from jamsos_desktop.domain.calendar import (
    ActionList,
    ActionRow,
    ContributionMonth,
    GridCell,
    MonthStatus,
    MonthTotals,
    Payer,
    classify_counts,
    due_date,
    last_due_month,
    worker_strip,
)
from jamsos_desktop.domain.errors import JamsosError, NotFoundError
from jamsos_desktop.domain.formatting import format_date
from jamsos_desktop.domain.programme import Month, Programme, month_range
from jamsos_desktop.services.ports import Clock, UnitOfWorkFactory


@dataclass(frozen=True)
class PayerFigures:
    count: int
    amount: int
    paid: int
    paid_count: int
    unpaid: int
    unpaid_count: int


@dataclass(frozen=True)
class MonthView:
    """One month of a programme: what is due, from whom, what is paid, who has lost cover."""

    programme_id: int
    month: Month
    due_date: date
    funder: PayerFigures
    self: PayerFigures
    inactive: int
    status_funder: MonthStatus | None
    status_self: MonthStatus | None


@dataclass(frozen=True)
class ProgrammeGrid:
    programme: Programme
    months: tuple[Month, ...]
    due_dates: tuple[date, ...]
    cells: tuple[GridCell, ...]
    totals: tuple[MonthTotals, ...]

    def count(self, month: Month, status: MonthStatus, payer: Payer | None = None) -> int:
        return sum(
            c.count
            for c in self.cells
            if c.month == month and c.status is status and (payer is None or c.payer is payer)
        )


@dataclass(frozen=True)
class WorkerStrip:
    programme: Programme
    worker_id: int
    months: tuple[ContributionMonth, ...]
    inactive: bool
    unpaid_streak: int
    exit_date: date | None = None
    exit_reason: str = ""


class CalendarService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = datetime.now) -> None:
        self._uow = uow
        self._clock = clock

    def today(self) -> date:
        return self._clock().date()

    def _programme(self, uow, programme_id: int) -> Programme:  # type: ignore[no-untyped-def]
        found = uow.programmes.get(programme_id)
        if found is None:
            raise NotFoundError("programme.not_found", programme_id=programme_id)
        return found

    def holidays(self) -> frozenset[date]:
        with self._uow() as uow:
            return frozenset(d for d, _ in uow.holidays.all())

    def due_date(self, month: Month) -> date:
        return due_date(month, self.holidays())

    # -- grid ---------------------------------------------------------------------------------------
    def grid(self, programme_id: int, first: Month | None = None, last: Month | None = None) -> ProgrammeGrid:
        today = self.today()
        with self._uow() as uow:
            programme = self._programme(uow, programme_id)
            holidays = frozenset(d for d, _ in uow.holidays.all())
            first = first or programme.start
            last = last or programme.end
            totals = uow.calendar.month_totals(programme_id, first.index, last.index)
        cells: list[GridCell] = []
        for t in totals:
            cells += classify_counts(
                t.month,
                Payer.FUNDER,
                t.funder_count,
                t.funder_paid_count,
                today,
                programme.lapse_threshold,
                holidays,
            )
            cells += classify_counts(
                t.month,
                Payer.SELF,
                t.self_count,
                t.self_paid_count,
                today,
                programme.lapse_threshold,
                holidays,
            )
        months = tuple(month_range(first, last))
        return ProgrammeGrid(
            programme, months, tuple(due_date(m, holidays) for m in months), tuple(cells), tuple(totals)
        )

    # -- one month ----------------------------------------------------------------------------------
    def month_view(self, programme_id: int, month: Month) -> MonthView:
        today = self.today()
        with self._uow() as uow:
            programme = self._programme(uow, programme_id)
            holidays = frozenset(d for d, _ in uow.holidays.all())
            (t,) = uow.calendar.month_totals(programme_id, month.index, month.index)
            as_of = min(month, last_due_month(today, holidays))
            inactive = uow.calendar.inactive_count(programme_id, as_of.index, programme.lapse_threshold)
        amount = programme.monthly_amount
        funder_paid = max(0, t.funder_paid_amount)
        funder = PayerFigures(
            count=t.funder_count,
            amount=t.funder_count * amount,
            paid=funder_paid,
            paid_count=t.funder_paid_count,
            unpaid=max(0, t.funder_count * amount - funder_paid),
            unpaid_count=t.funder_count - t.funder_paid_count,
        )
        selfp = PayerFigures(
            count=t.self_count,
            amount=t.self_count * amount,
            paid=t.self_paid_count * amount,
            paid_count=t.self_paid_count,
            unpaid=(t.self_count - t.self_paid_count) * amount,
            unpaid_count=t.self_count - t.self_paid_count,
        )
        threshold = programme.lapse_threshold

        def status(count: int, paid: int) -> MonthStatus | None:
            if count == 0:
                return None
            cells = classify_counts(month, Payer.SELF, count, paid, today, threshold, holidays)
            return cells[-1].status

        return MonthView(
            programme_id,
            month,
            due_date(month, holidays),
            funder,
            selfp,
            inactive,
            status(t.funder_count, t.funder_paid_count),
            status(t.self_count, t.self_paid_count),
        )

    # -- one worker ---------------------------------------------------------------------------------
    def worker_strip(self, programme_id: int, worker_id: int) -> WorkerStrip:
        today = self.today()
        with self._uow() as uow:
            programme = self._programme(uow, programme_id)
            holidays = frozenset(d for d, _ in uow.holidays.all())
            enrolment = uow.enrolments.get(programme_id, worker_id)
            if enrolment is None:
                raise NotFoundError("enrolment.not_found", worker_id=worker_id)
            self_paid = {Month(m) for m in uow.payments.self_paid_months(programme_id, enrolment.id)}
            funder_paid: set[Month] = set()
            if enrolment.funder_id is not None and enrolment.has_funded_months:
                funder_paid = {
                    Month(m)
                    for m in uow.payments.funder_paid_months(
                        enrolment.funder_id, enrolment.funded_from.index, enrolment.funded_to.index
                    )
                }
        months = worker_strip(
            enrolment,
            amount=programme.monthly_amount,
            months=month_range(programme.start, max(programme.end, Month.containing(today))),
            funder_paid=funder_paid,
            self_paid=self_paid,
            today=today,
            threshold=programme.lapse_threshold,
            holidays=holidays,
        )
        from jamsos_desktop.domain.calendar import is_inactive, unpaid_streak

        streak = unpaid_streak(enrolment, self_paid, last_due_month(today, holidays))
        return WorkerStrip(
            programme,
            worker_id,
            tuple(months),
            is_inactive(streak, programme.lapse_threshold),
            streak,
            enrolment.exit_date,
            enrolment.exit_reason or "",
        )

    # -- action lists -------------------------------------------------------------------------------
    def _list_args(self, uow, programme_id: int, on: date | None):  # type: ignore[no-untyped-def]
        today = on or self.today()
        programme = self._programme(uow, programme_id)
        holidays = frozenset(d for d, _ in uow.holidays.all())
        current = Month.containing(today)
        return programme, current.index, last_due_month(today, holidays).index

    def action_count(self, kind: ActionList, programme_id: int, *, on: date | None = None) -> int:
        with self._uow() as uow:
            programme, current, as_of = self._list_args(uow, programme_id, on)
            return uow.calendar.action_count(kind, programme_id, current, as_of, programme.lapse_threshold)

    def action_rows(
        self,
        kind: ActionList,
        programme_id: int,
        *,
        limit: int | None = None,
        offset: int = 0,
        on: date | None = None,
    ) -> list[ActionRow]:
        with self._uow() as uow:
            programme, current, as_of = self._list_args(uow, programme_id, on)
            return uow.calendar.action_rows(
                kind, programme_id, current, as_of, programme.lapse_threshold, limit=limit, offset=offset
            )

    def export_action_list(
        self,
        kind: ActionList,
        programme_id: int,
        path: Path,
        *,
        on: date | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Write the list to ``path`` (.xlsx): NIK and phone as text, no cell can run as a formula."""
        from openpyxl import Workbook

        programme = self.programme(programme_id)
        total = self.action_count(kind, programme_id, on=on)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(kind.label[:31])
        ws.append([_text(f"{programme.name} \u2014 {kind.label} \u2014 {format_date(on or self.today())}")])
        ws.append(
            [
                "No",
                "Nama",
                "NIK",
                "No. HP",
                "Desa/Kelurahan",
                "Kecamatan",
                "Dibiayai s.d.",
                "Bulan belum bayar",
                "Terakhir bayar",
            ]
        )
        done = 0
        page = 2000
        while done < total:
            rows = self.action_rows(kind, programme_id, limit=page, offset=done, on=on)
            if not rows:
                break
            for r in rows:
                done += 1
                ws.append(
                    [
                        done,
                        _text(r.name),
                        _text(r.nik),
                        _text(r.phone),
                        _text(r.village),
                        _text(r.district),
                        str(r.funded_to) if r.funded_to else "",
                        r.unpaid_months,
                        str(r.last_paid) if r.last_paid else "",
                    ]
                )
            if progress is not None:
                progress(done, total)
        path = Path(path)
        try:
            wb.save(path)
        except OSError as exc:
            raise JamsosError("io.write", path=str(path), detail=exc.strerror or str(exc)) from None
        return done

    def print_action_list(
        self, kind: ActionList, programme_id: int, path: Path, *, on: date | None = None
    ) -> int:
        """Write the list as a printable A4 PDF (landscape, repeated header), for visits and filing."""
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

        programme = self.programme(programme_id)
        rows = self.action_rows(kind, programme_id, on=on)
        styles = getSampleStyleSheet()
        head = ["No", "Nama", "NIK", "No. HP", "Desa/Kelurahan", "Kecamatan", "Dibiayai s.d.", "Blm bayar"]
        data = [head] + [
            [
                str(i),
                r.name,
                r.nik,
                r.phone,
                r.village,
                r.district,
                str(r.funded_to) if r.funded_to else "",
                str(r.unpaid_months or ""),
            ]
            for i, r in enumerate(rows, start=1)
        ]
        table = Table(
            data,
            repeatRows=1,
            colWidths=[12 * mm, 60 * mm, 38 * mm, 30 * mm, 42 * mm, 34 * mm, 24 * mm, 18 * mm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7f0")),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ]
            )
        )
        title = f"{programme.name} — {kind.label} — {format_date(on or self.today())}"
        doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm)
        try:
            doc.build([Paragraph(_xml(title), styles["Heading3"]), table])
        except OSError as exc:
            raise JamsosError("io.write", path=str(path), detail=exc.strerror or str(exc)) from None
        return len(rows)

    def programme(self, programme_id: int) -> Programme:
        with self._uow() as uow:
            return self._programme(uow, programme_id)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(value: str) -> str:
    """A cell value that Excel shows as text and never evaluates (leading =, +, -, @ neutralised)."""
    value = value or ""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value

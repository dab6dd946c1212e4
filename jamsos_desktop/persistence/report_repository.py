"""Aggregates behind the dashboard and the reports (issue 9): every figure is one ``GROUP BY``.

Nothing here loops over workers in Python. Per-village rows (a regency has a few dozen villages) are
summed to kecamatan by the service; per-enrolment work (who is late, who lost cover) is a streaming
``GROUP BY enrolment_id`` over the covering index ``ix_self_payment_enrolment``.

Member status without streaks
-----------------------------
The calendar defines an enrolment's unpaid *streak* at the latest due month ``A`` as
``A - max(last paid month, first self-paid month - 1)``; ``0`` is paid up, ``1 .. t-1`` late and ``≥ t``
inactive (``t`` = the programme's lapse threshold). Computing the last paid month of every enrolment
costs a grouped join over all payments (~1 s at 100,000 workers), so the dashboard counts the same
classes from two per-enrolment flags over the last ``t`` months only, ``W = A - t + 1``:

* paid up (streak 0) ⟺ an effective payment covers ``A``;
* inactive (streak ≥ t) ⟺ the self-paid phase began by ``W`` and no effective payment touches ``W .. A``;
* late = the rest of the enrolments in their self-paid phase.

An *effective* payment is one not cancelled by a reversal: a reversal repeats its original's months with
the opposite sign, so summing ``+1``/``-1`` over the rows of an enrolment that touch a window counts
effective payments there (the service never lets two effective payments share a month).
``tests/integration/test_reports.py`` checks these counts against the calendar's own action lists.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, and_, case, distinct, except_, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from jamsos_desktop.persistence.card_models import CardPrintRow
from jamsos_desktop.persistence.models import RegionRow, WorkerRow
from jamsos_desktop.persistence.programme_models import (
    EnrolmentRow,
    FunderPaymentLineRow,
    FunderPaymentRow,
    SelfPaymentMonthRow,
    SelfPaymentRow,
)
from jamsos_desktop.persistence.programme_repository import (
    ACTIVE_STATUSES,
    greatest,
)


def _sign() -> Any:
    return case((SelfPaymentRow.reversal_of.is_(None), 1), else_=-1)


def _running(e: Any, month: int) -> Any:
    """Enrolments that cover ``month`` (started, not ended before it)."""
    return and_(e.start_month <= month, or_(e.end_month.is_(None), e.end_month >= month))


def _first_self(e: Any) -> Any:
    return greatest(e.start_month, e.funded_to + 1)


def _district(column: Any) -> Any:
    return func.substr(column, 1, 8)


def _recent(
    sp: Any, programme_id: int, since: int, until: int | None = None, *, reversals: bool | None = None
) -> tuple[Any, ...]:
    """Payments of a programme ending at or after ``since`` (and starting by ``until``; only originals
    or only reversals if asked): a range of ``ix_self_payment_recent`` (last month first).

    ``programme_id + 0``, ``first_month + 0`` and ``coalesce(reversal_of, 0)`` are not index terms, so
    SQLite — which plans without statistics — takes that range instead of the whole programme in another
    index (an equality looks cheaper to it than a range). Plain SQL: PostgreSQL plans from its statistics
    either way. The index leads with the month, not the programme, so the lookups of one enrolment's
    payments (recording a receipt) keep ``ix_self_payment_enrolment``."""
    terms = [sp.last_month >= since, sp.programme_id + 0 == programme_id]
    if until is not None:
        terms.append(sp.first_month + 0 <= until)
    if reversals is not None:
        reversal = func.coalesce(sp.reversal_of, 0)
        terms.append(reversal > 0 if reversals else reversal == 0)
    return tuple(terms)


def _reversals(sp: Any, programme_id: int, since: int, until: int) -> tuple[Any, ...]:
    """Reversals of a programme touching ``since .. until``: a range of the index on ``reversal_of``
    (reversals are a handful; the other terms are expressions, so no index is taken for them)."""
    return (
        sp.reversal_of > 0,
        sp.programme_id + 0 == programme_id,
        sp.last_month + 0 >= since,
        sp.first_month + 0 <= until,
    )


class ReportRepository:
    """Read-only aggregates for :mod:`jamsos_desktop.services.dashboard` and ``services.reports``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- regions --------------------------------------------------------------------------------------
    def region_names(self, regency: str) -> dict[str, str]:
        """code -> name of the regency's kecamatan and villages (a few dozen rows)."""
        stmt = select(RegionRow.code, RegionRow.name).where(RegionRow.code.like(regency + ".%"))
        return {c: n for c, n in self.session.execute(stmt)}

    # -- workers --------------------------------------------------------------------------------------
    def registered_by_village(self) -> dict[str, int]:
        """Registered workers per village code, whatever their status.

        Index-only over ``ix_worker_village_code`` (~15 ms for 100,000 workers); counting only the active
        ones would read the status from the wide list index (~150 ms), half the dashboard's budget.
        """
        stmt = select(WorkerRow.village_code, func.count()).group_by(WorkerRow.village_code)
        return {v: int(n) for v, n in self.session.execute(stmt)}

    def workers_by_village(self, prefix: str = "") -> list[tuple[str, str, str, bool, int]]:
        """(village code, sex, status, has KPJ, count) for the recap; ``prefix`` limits the region."""
        has_kpj = case((WorkerRow.kpj.is_(None), 0), else_=1)
        stmt = select(
            WorkerRow.village_code, WorkerRow.sex, WorkerRow.status, has_kpj, func.count()
        ).group_by(WorkerRow.village_code, WorkerRow.sex, WorkerRow.status, has_kpj)
        if prefix:
            stmt = stmt.where(WorkerRow.village_code.like(prefix + "%"))
        return [(v, s, st, bool(k), int(n)) for v, s, st, k, n in self.session.execute(stmt)]

    def occupations(
        self, programme_id: int | None, month: int, prefix: str = ""
    ) -> list[tuple[str, str, bool, bool, int]]:
        """(occupation, sex, active, enrolled in the programme at ``month``, count)."""
        active = case((WorkerRow.status.in_(ACTIVE_STATUSES), 1), else_=0)
        stmt: Any
        if programme_id is not None:
            e = EnrolmentRow
            enrolled = case((e.id.is_(None), 0), else_=1)
            stmt = select(WorkerRow.occupation, WorkerRow.sex, active, enrolled, func.count()).outerjoin(
                e, and_(e.worker_id == WorkerRow.id, e.programme_id == programme_id, _running(e, month))
            )
            group = (WorkerRow.occupation, WorkerRow.sex, active, enrolled)
        else:
            stmt = select(WorkerRow.occupation, WorkerRow.sex, active, literal(0, Integer), func.count())
            group = (WorkerRow.occupation, WorkerRow.sex, active)
        if prefix:
            stmt = stmt.where(WorkerRow.village_code.like(prefix + "%"))
        stmt = stmt.group_by(*group)
        return [(o or "", s, bool(a), bool(en), int(n)) for o, s, a, en, n in self.session.execute(stmt)]

    # -- enrolments per village -----------------------------------------------------------------------
    def enrolment_by_village(
        self, programme_id: int, month: int, prefix: str = ""
    ) -> list[tuple[str, int, int, int, int]]:
        """Per village: (code, enrolments covering ``month``, funding ends in ``month``, in the next
        month, enrolled workers with a printed card).

        The counts are one range of the covering index ``ix_enrolment_village`` in village order: the
        village is kept on the enrolment (``persistence/dashboard_totals.py``), so no enrolment is joined
        to its worker (~50 ms at 100,000 enrolments, whichever month their funding ends; the join cost
        ~120 ms). The cards are read from the card prints, so they cost what they count.
        """
        e = EnrolmentRow
        village = e.village_code
        running = and_(e.programme_id == programme_id, _running(e, month))

        def in_region(stmt: Any) -> Any:
            return stmt.where(village.like(prefix + "%")) if prefix else stmt

        counts = in_region(
            select(
                village,
                func.count(),
                func.sum(case((e.funded_to == month, 1), else_=0)),
                func.sum(case((e.funded_to == month + 1, 1), else_=0)),
            )
            .where(running)
            .group_by(village)
        )
        printed = select(CardPrintRow.worker_id.label("worker_id")).distinct().subquery("printed")
        # ``programme_id + 0``: not an index term, so SQLite starts from the (few) printed cards and seeks
        # each worker's enrolment, instead of walking every enrolment of the programme in village order.
        carded = in_region(
            select(village, func.count())
            .select_from(printed)
            .join(
                e,
                and_(
                    e.worker_id == printed.c.worker_id, e.programme_id + 0 == programme_id, _running(e, month)
                ),
            )
            .group_by(village)
        )
        per: dict[str, list[int]] = {
            v: [int(n), int(a or 0), int(b or 0), 0] for v, n, a, b in self.session.execute(counts)
        }
        for v, n in self.session.execute(carded):
            per.setdefault(v, [0, 0, 0, 0])[3] += int(n)
        return [(v, n, a, b, c) for v, (n, a, b, c) in per.items()]

    def cards_by_village(self, prefix: str = "") -> dict[str, int]:
        """Workers with at least one printed card, per village."""
        printed = select(CardPrintRow.worker_id).distinct().subquery()
        stmt = (
            select(WorkerRow.village_code, func.count())
            .select_from(printed)
            .join(WorkerRow, WorkerRow.id == printed.c.worker_id)
            .group_by(WorkerRow.village_code)
        )
        if prefix:
            stmt = stmt.where(WorkerRow.village_code.like(prefix + "%"))
        return {v: int(n) for v, n in self.session.execute(stmt)}

    # -- payments per month ---------------------------------------------------------------------------
    def funder_paid_by_month(self, programme_id: int) -> dict[int, int]:
        """month -> net rupiah paid by funders for that month (reversals subtract)."""
        stmt = (
            select(FunderPaymentLineRow.month, func.sum(FunderPaymentLineRow.amount))
            .join(FunderPaymentRow, FunderPaymentRow.id == FunderPaymentLineRow.payment_id)
            .where(FunderPaymentRow.programme_id == programme_id)
            .group_by(FunderPaymentLineRow.month)
        )
        return {m: int(a or 0) for m, a in self.session.execute(stmt)}

    def funder_paid_months(self, programme_id: int) -> set[tuple[int, int]]:
        """(funder id, month) pairs paid (net) by an invoice."""
        stmt = (
            select(FunderPaymentRow.funder_id, FunderPaymentLineRow.month)
            .join(FunderPaymentRow, FunderPaymentRow.id == FunderPaymentLineRow.payment_id)
            .where(FunderPaymentRow.programme_id == programme_id)
            .group_by(FunderPaymentRow.funder_id, FunderPaymentLineRow.month)
            .having(func.sum(FunderPaymentLineRow.workers) > 0)
        )
        return {(f, m) for f, m in self.session.execute(stmt)}

    def self_payment_groups(self, programme_id: int, since: int = 0) -> list[tuple[int, int, int]]:
        """(first month, last month, net number of payments) of the payments ending at or after ``since``.

        Read from ``self_payment_month``, which triggers keep summed per (first, last) month as payments
        and reversals are written (``persistence/dashboard_totals.py``): a few dozen rows however many
        payments there are.
        """
        t = SelfPaymentMonthRow
        stmt = (
            select(t.first_month, t.last_month, t.payments)
            .where(t.programme_id == programme_id, t.last_month >= since, t.payments != 0)
            .order_by(t.first_month, t.last_month)
        )
        return [(int(a), int(b), int(n)) for a, b, n in self.session.execute(stmt)]

    def self_received_by_month(self, programme_id: int) -> dict[int, int]:
        """month index of the payment date -> net rupiah received from workers (reversals subtract)."""
        sp = SelfPaymentRow
        stmt = (
            select(func.strftime("%Y-%m", sp.paid_on), func.sum(sp.amount))
            .where(sp.programme_id == programme_id)
            .group_by(func.strftime("%Y-%m", sp.paid_on))
        )
        out: dict[int, int] = {}
        for ym, amount in self.session.execute(stmt):
            if ym:
                y, m = str(ym).split("-")
                out[int(y) * 12 + int(m) - 1] = int(amount or 0)
        return out

    # -- member status ----------------------------------------------------------------------------------
    def _payment_flags(
        self, programme_id: int, as_of: int, threshold: int, enrolment_ids: list[int] | None = None
    ) -> Any:
        """Per enrolment with a payment touching ``W .. as_of``: ``pa`` (> 0: ``as_of`` paid) and ``pw``
        (> 0: some month of the window paid). See the module docstring."""
        sp = SelfPaymentRow
        window = as_of - threshold + 1
        stmt = (
            select(
                sp.enrolment_id.label("eid"),
                func.sum(_sign() * case((sp.last_month >= as_of, 1), else_=0)).label("pa"),
                func.sum(_sign()).label("pw"),
            )
            .where(sp.programme_id == programme_id, sp.first_month <= as_of, sp.last_month >= window)
            .group_by(sp.enrolment_id)
        )
        if enrolment_ids is not None:
            stmt = stmt.where(sp.enrolment_id.in_(enrolment_ids))
        return stmt.subquery("flags")

    def _paid_counts(self, programme_id: int, as_of: int, window: int) -> tuple[int, int]:
        """(enrolments with an effective payment covering ``as_of``, with one touching ``window .. as_of``).

        Distinct enrolments among the original payments of the window — one range of
        ``ix_self_payment_recent``, only the last few months' payments, never the whole history — less
        the enrolments whose window payments were all reversed (found from the few reversals there).
        """
        sp = SelfPaymentRow
        originals = _recent(sp, programme_id, window, as_of, reversals=False)
        covers = case((sp.last_month >= as_of, 1), else_=0)
        paid_w, paid_a = self.session.execute(
            select(
                func.count(distinct(sp.enrolment_id)),
                func.count(distinct(case((sp.last_month >= as_of, sp.enrolment_id)))),
            ).where(*originals)
        ).one()
        reversed_ids = select(sp.enrolment_id).where(*_reversals(sp, programme_id, window, as_of))
        original = case((sp.reversal_of.is_(None), 1), else_=0)
        per = (
            select(
                func.sum(original * covers).label("oa"),
                func.sum(_sign() * covers).label("pa"),
                func.sum(original).label("ow"),
                func.sum(_sign()).label("pw"),
            )
            .where(
                sp.programme_id == programme_id,
                sp.enrolment_id.in_(reversed_ids),
                sp.last_month >= window,
                sp.first_month <= as_of,
            )
            .group_by(sp.enrolment_id)
            .subquery("reversed")
        )
        undo_a, undo_w = self.session.execute(
            select(
                func.sum(case((and_(per.c.oa > 0, per.c.pa <= 0), 1), else_=0)),
                func.sum(case((and_(per.c.ow > 0, per.c.pw <= 0), 1), else_=0)),
            )
        ).one()
        return int(paid_a or 0) - int(undo_a or 0), int(paid_w or 0) - int(undo_w or 0)

    def status_counts(self, programme_id: int, as_of: int, threshold: int) -> tuple[int, int, int]:
        """(active, late, inactive) enrolments at the latest due month ``as_of``."""
        e = EnrolmentRow
        window = as_of - threshold + 1
        fs = _first_self(e)
        # Phases from the covering schedule index: a handful of groups, not 100,000 rows.
        groups = (
            select(e.start_month, e.end_month, e.funded_to, func.count())
            .where(e.programme_id == programme_id)
            .group_by(e.funder_id, e.start_month, e.end_month, e.funded_from, e.funded_to)
        )
        running = self_phase = old = unusual = 0
        for start, end, fto, n in self.session.execute(groups):
            ended = end is not None and end < as_of
            if ended or fto >= window or start > window:
                unusual += n
            if start > as_of or ended:
                continue
            running += n
            first_self = max(start, fto + 1)
            if first_self <= as_of:
                self_phase += n
                if first_self <= window:
                    old += n
        # Every enrolment that paid in the window, counted without touching the enrolments…
        paid_a, paid_window = self._paid_counts(programme_id, as_of, window)
        if not unusual:
            inactive = old - paid_window
            late = self_phase - paid_a - inactive
            return running - late - inactive, late, inactive
        # …then taken off for the few that do not count: ended before ``as_of``, or whose self-paid
        # phase began after the window opened (joined late, or funding ended less than t months ago).
        special = select(e.id).where(
            e.programme_id == programme_id,
            or_(
                and_(e.end_month.is_not(None), e.end_month < as_of),
                e.funded_to >= window,
                e.start_month > window,
            ),
        )
        ids = list(self.session.scalars(special))
        paid_window_old = paid_window
        for chunk in range(0, len(ids), 20_000):
            part = ids[chunk : chunk + 20_000]
            part_flags = self._payment_flags(programme_id, as_of, threshold, part)
            stmt = (
                select(part_flags.c.pa, part_flags.c.pw, e.end_month, fs)
                .select_from(part_flags)
                .join(e, e.id == part_flags.c.eid)
            )
            for pa, pw, end, first_self in self.session.execute(stmt):
                ended = end is not None and end < as_of
                if ended and pa > 0:
                    paid_a -= 1
                if pw > 0 and (ended or first_self > window):
                    paid_window_old -= 1
        inactive = old - paid_window_old
        late = self_phase - paid_a - inactive
        return running - late - inactive, late, inactive

    def month_by_village(
        self, programme_id: int, month: int, as_of: int, threshold: int, prefix: str = ""
    ) -> list[tuple[str, int | None, int, int, int, int, int, int]]:
        """Per village and funder for the monthly report: (village, funder id, enrolments covering
        ``month``, funded in ``month``, self-paying in ``month``, of whom paid ``month``, late at
        ``as_of``, inactive at ``as_of``)."""
        e = EnrolmentRow
        sp = SelfPaymentRow
        window = as_of - threshold + 1
        fs = _first_self(e)
        paid_month = (
            select(sp.enrolment_id.label("eid"))
            .where(sp.programme_id == programme_id, sp.first_month <= month, sp.last_month >= month)
            .group_by(sp.enrolment_id)
            .having(func.sum(_sign()) > 0)
            .subquery("paid_month")
        )
        flags = self._payment_flags(programme_id, as_of, threshold)
        running_a = _running(e, as_of)
        in_self_a = and_(running_a, fs <= as_of)
        inactive = and_(running_a, fs <= window, func.coalesce(flags.c.pw, 0) <= 0)
        late = and_(in_self_a, func.coalesce(flags.c.pa, 0) <= 0, ~inactive)
        funded = and_(e.funded_from <= month, month <= e.funded_to)
        covers = _running(e, month)
        stmt = (
            select(
                WorkerRow.village_code,
                e.funder_id,
                func.sum(case((covers, 1), else_=0)),
                func.sum(case((and_(covers, funded), 1), else_=0)),
                func.sum(case((and_(covers, ~funded), 1), else_=0)),
                func.sum(case((and_(covers, ~funded, paid_month.c.eid.is_not(None)), 1), else_=0)),
                func.sum(case((late, 1), else_=0)),
                func.sum(case((inactive, 1), else_=0)),
            )
            .join(WorkerRow, WorkerRow.id == e.worker_id)
            .outerjoin(paid_month, paid_month.c.eid == e.id)
            .outerjoin(flags, flags.c.eid == e.id)
            .where(e.programme_id == programme_id)
            .group_by(WorkerRow.village_code, e.funder_id)
        )
        if prefix:
            stmt = stmt.where(WorkerRow.village_code.like(prefix + "%"))
        return [
            (v, f, int(a or 0), int(b or 0), int(c or 0), int(d or 0), int(x or 0), int(y or 0))
            for v, f, a, b, c, d, x, y in self.session.execute(stmt)
        ]

    # -- lists ------------------------------------------------------------------------------------------
    # A list row is (name, NIK, phone, address with RT/RW, village code, occupation, *extra): the address
    # is put together in SQL and nothing unused is fetched, and rows come through the Core connection
    # (the ORM's row handling cost ~0.2 s more for 95,000 rows). Each list also comes as counts per
    # village, for a printed report too long to print (see ``services.reports.MAX_PRINTED_ROWS``).
    @staticmethod
    def _person() -> tuple[Any, ...]:
        w = WorkerRow
        rt = case((w.rt != "", literal(" RT ") + w.rt), else_=literal(""))
        rw = case((w.rw != "", literal("/RW ") + w.rw), else_=literal(""))
        return (
            w.name,
            func.coalesce(w.nik, ""),
            w.phone,
            func.trim(w.address + rt + rw),
            w.village_code,
            w.occupation,
        )

    def _list(self, columns: tuple[Any, ...], source: Any, prefix: str) -> list[Any]:
        stmt = source.add_columns(*columns).order_by(WorkerRow.village_code, WorkerRow.name_key, WorkerRow.id)
        if prefix:
            stmt = stmt.where(WorkerRow.village_code.like(prefix + "%"))
        return list(self.session.connection().execute(stmt).all())

    def _per_village(self, source: Any, prefix: str) -> dict[str, int]:
        stmt = source.add_columns(WorkerRow.village_code, func.count()).group_by(WorkerRow.village_code)
        if prefix:
            stmt = stmt.where(WorkerRow.village_code.like(prefix + "%"))
        return {v: int(n) for v, n in self.session.connection().execute(stmt)}

    def _becoming_self_paying(self, programme_id: int, month: int) -> Any:
        e = EnrolmentRow
        return (
            select()
            .select_from(e)
            .join(WorkerRow, WorkerRow.id == e.worker_id)
            .where(
                e.programme_id == programme_id,
                e.funded_to == month,
                e.funded_to >= e.funded_from,
                or_(e.end_month.is_(None), e.end_month > month),
            )
        )

    def becoming_self_paying(self, programme_id: int, month: int, prefix: str = "") -> list[Any]:
        """Enrolments whose last funded month is ``month`` and which continue after it, as list rows
        ordered by village and name."""
        return self._list(self._person(), self._becoming_self_paying(programme_id, month), prefix)

    def becoming_self_paying_by_village(
        self, programme_id: int, month: int, prefix: str = ""
    ) -> dict[str, int]:
        return self._per_village(self._becoming_self_paying(programme_id, month), prefix)

    def _paid_in_window(self, programme_id: int, as_of: int, window: int) -> Any:
        """Ids of the enrolments with an effective payment touching ``window .. as_of``: those with an
        original there (one range of ``ix_self_payment_recent``) except those whose payments there were
        all reversed (found from the few reversals). See :meth:`_paid_counts`."""
        sp = aliased(SelfPaymentRow, name="sp")
        rv = aliased(SelfPaymentRow, name="rv")
        reversed_there = select(rv.enrolment_id).where(*_reversals(rv, programme_id, window, as_of))
        cancelled = (
            select(sp.enrolment_id)
            .where(
                sp.programme_id == programme_id,  # seeks each such enrolment in ix_self_payment_enrolment
                sp.enrolment_id.in_(reversed_there),
                sp.last_month >= window,
                sp.first_month <= as_of,
            )
            .group_by(sp.enrolment_id)
            .having(func.sum(case((sp.reversal_of.is_(None), 1), else_=-1)) <= 0)
        )
        originals = select(sp.enrolment_id).where(*_recent(sp, programme_id, window, as_of, reversals=False))
        return except_(originals, cancelled)

    def _inactive(self, programme_id: int, as_of: int, threshold: int) -> Any:
        """Enrolments inactive at ``as_of``: running then, self-paying since the window opened and no
        effective payment touching the window (the streak reached ``threshold``; module docstring)."""
        e = EnrolmentRow
        window = as_of - threshold + 1
        return (
            select()
            .select_from(e)
            .join(WorkerRow, WorkerRow.id == e.worker_id)
            .where(
                e.programme_id == programme_id,
                _first_self(e) <= window,
                or_(e.end_month.is_(None), e.end_month >= as_of),
                e.id.not_in(self._paid_in_window(programme_id, as_of, window)),
            )
        )

    def inactive_members(self, programme_id: int, as_of: int, threshold: int, prefix: str = "") -> list[Any]:
        """Members whose unpaid streak at ``as_of`` reached the threshold, as list rows with (unpaid
        months, last paid month or None) added, ordered by village and name.

        The same members, streaks and months as the calendar's *nonaktif* list (its streak query walks
        every payment of every enrolment; here only the last few months' payments are read, and the last
        paid month is looked up for the inactive members alone).
        """
        e, sp, rv = EnrolmentRow, SelfPaymentRow, aliased(SelfPaymentRow, name="rv")
        # ``max(last_month + 0)``: an expression, so SQLite does not read the maximum off
        # ix_self_payment_recent (walking the programme's payments down from the latest) but seeks the
        # enrolment's few payments in ix_self_payment_enrolment.
        last_paid = (
            select(func.max(sp.last_month + 0))
            .where(
                sp.programme_id == programme_id,
                sp.enrolment_id == e.id,
                sp.first_month <= as_of,
                sp.reversal_of.is_(None),
                ~exists().where(rv.reversal_of == sp.id),
            )
            .correlate(e)
            .scalar_subquery()
        )
        rows = self._list(
            (*self._person(), _first_self(e), last_paid),
            self._inactive(programme_id, as_of, threshold),
            prefix,
        )
        return [(*r[:6], as_of - max(-1 if r[7] is None else r[7], r[6] - 1), r[7]) for r in rows]

    def inactive_by_village(
        self, programme_id: int, as_of: int, threshold: int, prefix: str = ""
    ) -> dict[str, int]:
        return self._per_village(self._inactive(programme_id, as_of, threshold), prefix)


__all__ = ["ReportRepository"]

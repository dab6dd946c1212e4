"""Payments (*pembayaran iuran*) and the budget.

* Funder payments are batches against a BPJS invoice (months, invoice number, amount, date), checked
  against what is expected for those months; a mismatch is refused unless the clerk accepts the
  difference, which is then listed in the reconciliation.
* Self-payments are per worker with a unique receipt number; several months ahead are allowed. The
  same receipt entered or imported twice is recorded once.
* Corrections are reversals (a new record cancelling an old one), never edits.
* The budget: planned, paid and outstanding funder money per funder and per kecamatan, with a
  forecast for a full quota.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from jamsos_desktop.domain.calendar import due_date
from jamsos_desktop.domain.errors import JamsosError, NotFoundError, UsageError
from jamsos_desktop.domain.formatting import default_language, format_money
from jamsos_desktop.domain.payments import (
    Budget,
    BudgetLine,
    BudgetMonth,
    FunderPayment,
    ImportResult,
    ImportRowResult,
    Reconciliation,
    SelfPayment,
    check_amount,
    quota_forecast,
    split_amount,
)
from jamsos_desktop.domain.programme import Month, Programme, month_range
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.services.access import require
from jamsos_desktop.services.audit import file_digest, record
from jamsos_desktop.services.ports import Clock, NullProgress, Progress, UnitOfWorkFactory


@dataclass(frozen=True)
class Recorded:
    payment: SelfPayment
    duplicate: bool = False


def _month(value: Month | str) -> Month:
    if isinstance(value, Month):
        return value
    try:
        return Month.parse(str(value))
    except ValueError:
        raise JamsosError("payment.month_invalid", value=value) from None


class PaymentService:
    def __init__(
        self, uow: UnitOfWorkFactory, *, user: Callable[[], str], clock: Clock = datetime.now
    ) -> None:
        self._uow = uow
        self._user = user
        self._clock = clock

    def today(self) -> date:
        return self._clock().date()

    # -- self-payments --------------------------------------------------------------------------------
    def record_self_payment(
        self,
        programme_id: int,
        *,
        receipt: str,
        first: Month | str,
        last: Month | str | None = None,
        amount: Any,
        paid_on: date | None = None,
        worker_id: int | None = None,
        key: str | None = None,
        source: str = "manual",
    ) -> Recorded:
        """Record one receipt. Raises a :class:`JamsosError` with a clear code when anything is off.

        Entering a receipt is data entry (an operator may); cancelling one is not (see the reversal).
        """
        with self._uow(write=True) as uow:
            require(uow, Permission.ENTER_DATA)
            programme = _programme(uow, programme_id)
            outcome = self._record(
                uow, programme, receipt, first, last, amount, paid_on or self.today(), worker_id, key, source
            )
            uow.commit()
        return outcome

    def _record(  # type: ignore[no-untyped-def]
        self, uow, programme: Programme, receipt, first, last, amount, paid_on, worker_id, key, source
    ) -> Recorded:
        receipt = (receipt or "").strip()
        if not receipt:
            raise JamsosError("payment.receipt_required")
        first_m = _month(first)
        last_m = _month(last) if last not in (None, "") else first_m
        if last_m < first_m:
            raise JamsosError("payment.month_range", first=str(first_m), last=str(last_m))
        value = check_amount(amount)
        if paid_on > self.today():
            raise JamsosError("payment.date_future", date=paid_on.isoformat())
        if worker_id is None:
            k = (key or "").strip()
            worker_id = uow.workers.id_by_nik(k) if len(k) == 16 else None
            if worker_id is None and k:
                worker_id = uow.workers.id_by_kpj(k)
            if worker_id is None:
                raise JamsosError("payment.worker_unknown", key=k or "?")
        summary = uow.workers.summaries([worker_id])
        if not summary:
            raise NotFoundError("worker.not_found", worker_id=worker_id)
        name = summary[0].name
        existing = uow.payments.self_payment_by_receipt(receipt)
        if existing is not None:
            same = (existing.worker_id, existing.first, existing.last, existing.amount) == (
                worker_id,
                first_m,
                last_m,
                value,
            )
            if same:
                return Recorded(existing, duplicate=True)
            raise JamsosError("payment.receipt_conflict", receipt=receipt)
        enrolment = uow.enrolments.get(programme.id, worker_id)
        if enrolment is None:
            raise JamsosError("payment.not_enrolled", name=name)
        for m in (first_m, last_m):
            if not enrolment.covers(m):
                raise JamsosError(
                    "payment.outside_enrolment",
                    month=str(m),
                    name=name,
                    start=str(enrolment.start),
                    end=str(enrolment.end) if enrolment.end else "\u2026",
                )
        if enrolment.has_funded_months and first_m <= enrolment.funded_to and last_m >= enrolment.funded_from:
            raise JamsosError("payment.funded_month", month=str(max(first_m, enrolment.funded_from)))
        clash = uow.payments.paid_overlap(programme.id, enrolment.id, first_m.index, last_m.index)
        if clash is not None:
            raise JamsosError(
                "payment.month_paid",
                month=str(max(first_m, clash.first)),
                name=name,
                receipt=clash.receipt or "?",
            )
        months = last_m.index - first_m.index + 1
        expected = months * programme.monthly_amount
        if value != expected:
            raise JamsosError(
                "payment.amount_mismatch",
                amount=format_money(value),
                months=months,
                monthly=format_money(programme.monthly_amount),
                expected=format_money(expected),
            )
        pid = uow.payments.add_self_payment(
            programme_id=programme.id,
            enrolment_id=enrolment.id,
            worker_id=worker_id,
            receipt=receipt,
            first=first_m.index,
            last=last_m.index,
            amount=value,
            paid_on=paid_on,
            source=source,
            reversal_of=None,
            reason="",
            user=self._user(),
            now=self._clock(),
        )
        saved = uow.payments.self_payment(pid)
        assert saved is not None
        record(uow, self._user(), "record", "self_payment", pid, None, saved, at=self._clock())
        return Recorded(saved)

    def reverse_self_payment(self, payment_id: int, reason: str) -> SelfPayment:
        """Cancel a self-payment with a reversal record; the original stays as it was.

        A reversal corrects money already booked, so it is a verifier's act (``reverse_payments``).
        """
        if not reason.strip():
            raise JamsosError("payment.reason_required")
        with self._uow(write=True) as uow:
            require(uow, Permission.REVERSE_PAYMENTS)
            original = uow.payments.self_payment(payment_id)
            if original is None:
                raise NotFoundError("payment.not_found", payment_id=payment_id)
            if original.is_reversal:
                raise JamsosError("payment.reverse_reversal")
            if original.reversed_by is not None:
                raise JamsosError("payment.already_reversed", payment_id=payment_id)
            enrolment = uow.enrolments.get_by_id(original.enrolment_id)
            assert enrolment is not None
            rid = uow.payments.add_self_payment(
                programme_id=enrolment.programme_id,
                enrolment_id=original.enrolment_id,
                worker_id=original.worker_id,
                receipt=None,
                first=original.first.index,
                last=original.last.index,
                amount=-original.amount,
                paid_on=self.today(),
                source="reversal",
                reversal_of=original.id,
                reason=reason.strip(),
                user=self._user(),
                now=self._clock(),
            )
            saved = uow.payments.self_payment(rid)
            record(uow, self._user(), "reverse", "self_payment", rid, original, saved, at=self._clock())
            uow.commit()
        assert saved is not None
        return saved

    def self_payments(
        self, programme_id: int, *, worker_id: int | None = None, limit: int = 200, offset: int = 0
    ) -> list[SelfPayment]:
        with self._uow() as uow:
            return uow.payments.self_payments(programme_id, worker_id=worker_id, limit=limit, offset=offset)

    def count(self) -> int:
        with self._uow() as uow:
            return uow.payments.count_all()

    def import_self_payments(
        self, programme_id: int, path: str | Path, *, progress: Progress | None = None, dry_run: bool = False
    ) -> ImportResult:
        """Import receipts from a spreadsheet (.xlsx or .csv) in one transaction.

        Columns (header spellings are forgiving): receipt number, NIK or KPJ, first month, last month
        (or number of months), amount, payment date. Rejected rows never block valid rows; a receipt
        already recorded with the same details counts as a duplicate, not a second payment.
        """
        table = _read_payment_table(Path(path), progress or NullProgress())
        results: list[ImportRowResult] = []
        recorded = duplicates = rejected = 0
        with self._uow(write=True) as uow:
            require(uow, Permission.ENTER_DATA)
            programme = _programme(uow, programme_id)
            cols = cast(dict[int, str], table.header.columns)
            index = {name: i for i, name in cols.items()}
            total = len(table.rows)
            for n, (row_number, cells) in enumerate(table.rows):

                def cell(name: str, cells=cells) -> Any:  # type: ignore[no-untyped-def]
                    i = index.get(name)
                    return cells[i] if i is not None and i < len(cells) else None

                if all(c is None or str(c).strip() == "" for c in cells):
                    continue
                try:
                    first = _month_cell(cell("first"))
                    last = _month_cell(cell("last")) if cell("last") not in (None, "") else None
                    count = cell("months")
                    if last is None and count not in (None, ""):
                        last = first + (int(check_amount(count)) - 1)
                    paid_on = _date_cell(cell("date"), self.today())
                    key = _key_cell(cell("nik")) or _key_cell(cell("kpj"))
                    outcome = self._record(
                        uow,
                        programme,
                        _text_cell(cell("receipt")),
                        first,
                        last,
                        cell("amount"),
                        paid_on,
                        None,
                        key,
                        "import",
                    )
                except JamsosError as exc:
                    rejected += 1
                    # In the application's language (the CLI's is Indonesian): the clerk reads it on the page.
                    message = exc.message(default_language())
                    results.append(ImportRowResult(row_number, "rejected", exc.code, message))
                    continue
                if outcome.duplicate:
                    duplicates += 1
                    results.append(ImportRowResult(row_number, "duplicate", "payment.receipt_duplicate"))
                else:
                    recorded += 1
                    results.append(ImportRowResult(row_number, "recorded"))
                if progress is not None and n % 200 == 0:
                    progress.update(n, total)
            if not dry_run:
                record(
                    uow,
                    self._user(),
                    "import",
                    "self_payment",
                    Path(path).name,
                    None,
                    {
                        "file": Path(path).name,
                        "sha256": file_digest(Path(path)),
                        "programme_id": programme_id,
                        "rows": len(results),
                        "recorded": recorded,
                        "duplicates": duplicates,
                        "rejected": rejected,
                    },
                    at=self._clock(),
                )
                uow.commit()
        return ImportResult(len(results), recorded, duplicates, rejected, tuple(results))

    # -- funder payments ------------------------------------------------------------------------------
    def expected_for_funder(
        self, programme_id: int, funder_id: int, first: Month, last: Month
    ) -> list[Reconciliation]:
        with self._uow() as uow:
            programme = _programme(uow, programme_id)
            return self._expected(uow, programme, funder_id, first, last)

    def _expected(
        self, uow, programme: Programme, funder_id: int, first: Month, last: Month
    ) -> list[Reconciliation]:  # type: ignore[no-untyped-def]
        funder = next((f for f in programme.funders if f.id == funder_id), None)
        if funder is None:
            raise NotFoundError("funder.not_found", funder_id=funder_id)
        counts = uow.calendar.funder_month_counts(programme.id, first.index, last.index)
        return [
            Reconciliation(
                funder_id,
                funder.name,
                m,
                counts.get((m.index, funder_id), 0),
                counts.get((m.index, funder_id), 0) * programme.monthly_amount,
                0,
            )
            for m in month_range(first, last)
        ]

    def record_funder_payment(
        self,
        programme_id: int,
        *,
        funder_id: int | None = None,
        invoice: str,
        first: Month | str,
        last: Month | str | None = None,
        amount: Any,
        paid_on: date | None = None,
        accept_difference: bool = False,
    ) -> FunderPayment:
        """Record a funder's payment of a BPJS invoice for ``first``..``last``."""
        invoice = (invoice or "").strip()
        if not invoice:
            raise JamsosError("payment.invoice_required")
        first_m = _month(first)
        last_m = _month(last) if last not in (None, "") else first_m
        if last_m < first_m:
            raise JamsosError("payment.month_range", first=str(first_m), last=str(last_m))
        value = check_amount(amount)
        paid_on = paid_on or self.today()
        if paid_on > self.today():
            raise JamsosError("payment.date_future", date=paid_on.isoformat())
        with self._uow(write=True) as uow:
            require(uow, Permission.RECORD_FUNDER_PAYMENTS)
            programme = _programme(uow, programme_id)
            if funder_id is None:
                funder_id = programme.funders[0].id if programme.funders else None
            funder = next((f for f in programme.funders if f.id == funder_id), None)
            if funder is None or funder_id is None:
                raise NotFoundError("funder.not_found", funder_id=funder_id or 0)
            if uow.payments.effective_invoice(funder_id, invoice) is not None:
                raise JamsosError("payment.invoice_duplicate", invoice=invoice, funder=funder.name)
            already = uow.payments.funder_paid_months(funder_id, first_m.index, last_m.index)
            if already:
                m = min(already)
                raise JamsosError(
                    "payment.month_funded_paid", month=str(Month(m)), funder=funder.name, invoice=already[m]
                )
            expected_lines = self._expected(uow, programme, funder_id, first_m, last_m)
            for line in expected_lines:
                if line.workers == 0:
                    raise JamsosError("payment.invoice_months", month=str(line.month), funder=funder.name)
            expected = sum(line.expected for line in expected_lines)
            if value != expected and not accept_difference:
                raise JamsosError(
                    "payment.invoice_mismatch",
                    invoice=invoice,
                    amount=format_money(value),
                    expected=format_money(expected),
                    difference=format_money(value - expected),
                )
            parts = split_amount(value, [line.expected for line in expected_lines])
            pid = uow.payments.add_funder_payment(
                programme_id=programme_id,
                funder_id=funder_id,
                invoice=invoice,
                first=first_m.index,
                last=last_m.index,
                amount=value,
                expected=expected,
                paid_on=paid_on,
                lines=[
                    (line.month.index, line.workers, line.expected, part)
                    for line, part in zip(expected_lines, parts, strict=True)
                ],
                reversal_of=None,
                reason="",
                user=self._user(),
                now=self._clock(),
            )
            saved = uow.payments.funder_payment(pid)
            record(uow, self._user(), "record", "funder_payment", pid, None, saved, at=self._clock())
            uow.commit()
        assert saved is not None
        return saved

    def reverse_funder_payment(self, payment_id: int, reason: str) -> FunderPayment:
        if not reason.strip():
            raise JamsosError("payment.reason_required")
        with self._uow(write=True) as uow:
            require(uow, Permission.RECORD_FUNDER_PAYMENTS)
            original = uow.payments.funder_payment(payment_id)
            if original is None:
                raise NotFoundError("payment.not_found", payment_id=payment_id)
            if original.reversal_of is not None:
                raise JamsosError("payment.reverse_reversal")
            if original.reversed_by is not None:
                raise JamsosError("payment.already_reversed", payment_id=payment_id)
            rid = uow.payments.add_funder_payment(
                programme_id=original.programme_id,
                funder_id=original.funder_id,
                invoice=original.invoice_number,
                first=original.first.index,
                last=original.last.index,
                amount=-original.amount,
                expected=-original.expected,
                paid_on=self.today(),
                lines=[(ln.month.index, -ln.workers, -ln.expected, -ln.amount) for ln in original.lines],
                reversal_of=original.id,
                reason=reason.strip(),
                user=self._user(),
                now=self._clock(),
            )
            saved = uow.payments.funder_payment(rid)
            record(uow, self._user(), "reverse", "funder_payment", rid, original, saved, at=self._clock())
            uow.commit()
        assert saved is not None
        return saved

    def funder_payments(self, programme_id: int) -> list[FunderPayment]:
        with self._uow() as uow:
            return uow.payments.funder_payments(programme_id)

    def reconcile(self, programme_id: int, *, until: Month | None = None) -> list[Reconciliation]:
        """Expected versus paid for every funded month up to ``until`` (default: the current month)."""
        until = until or Month.containing(self.today())
        with self._uow() as uow:
            programme = _programme(uow, programme_id)
            last = min(until, programme.end)
            counts = uow.calendar.funder_month_counts(programme_id, programme.start.index, last.index)
            paid = uow.calendar.funder_paid_by_month(programme_id)
        out = []
        for f in programme.funders:
            for m in month_range(programme.start, last):
                workers = counts.get((m.index, f.id), 0)  # type: ignore[arg-type]
                got = paid.get((m.index, f.id), 0)  # type: ignore[arg-type]
                if workers or got:
                    out.append(
                        Reconciliation(f.id or 0, f.name, m, workers, workers * programme.monthly_amount, got)
                    )
        return out

    # -- budget ---------------------------------------------------------------------------------------
    def budget(self, programme_id: int) -> Budget:
        today = self.today()
        with self._uow() as uow:
            programme = _programme(uow, programme_id)
            holidays = frozenset(d for d, _ in uow.holidays.all())
            planned, districts = uow.calendar.budget_breakdown(programme_id)
            paid = uow.calendar.funder_paid(programme_id)
            totals = uow.calendar.month_totals(programme_id, programme.start.index, programme.end.index)
            self_paid = uow.calendar.self_paid_total(programme_id)
        amount = programme.monthly_amount
        by_funder = tuple(
            BudgetLine(
                str(f.id),
                f.name,
                planned.get(f.id, (0, 0))[0],
                planned.get(f.id, (0, 0))[1] * amount,
                paid.get(f.id or 0, 0),
            )
            for f in programme.funders
        )
        enrolled = sum(n for n, _ in planned.values())
        planned_total = sum(m for _, m in planned.values()) * amount
        paid_total = sum(paid.values())
        by_district = tuple(
            BudgetLine(code, name, n, months * amount, paid_months * amount)
            for code, name, n, months, paid_months in districts
        )
        months: list[BudgetMonth] = []
        for t in totals:
            due = due_date(t.month, holidays)
            if t.funder_count or t.funder_paid_amount:
                months.append(
                    BudgetMonth(
                        t.month,
                        "funder",
                        due,
                        t.funder_count,
                        t.funder_count * amount,
                        max(0, t.funder_paid_amount),
                    )
                )
            if t.self_count:
                months.append(
                    BudgetMonth(
                        t.month, "self", due, t.self_count, t.self_count * amount, t.self_paid_count * amount
                    )
                )
        forecast = quota_forecast(
            programme,
            enrolled_by_funder=[planned.get(f.id, (0, 0))[0] for f in programme.funders],
            planned_now=planned_total,
            today=today,
        )
        return Budget(
            programme_id=programme_id,
            enrolled=enrolled,
            planned=planned_total,
            paid=paid_total,
            by_funder=by_funder,
            by_district=by_district,
            months=tuple(months),
            quota=programme.quota,
            forecast_planned=forecast.total if forecast is not None else None,
            self_paid=self_paid,
            forecast=forecast,
        )


def _programme(uow, programme_id: int) -> Programme:  # type: ignore[no-untyped-def]
    found = uow.programmes.get(programme_id)
    if found is None:
        raise NotFoundError("programme.not_found", programme_id=programme_id)
    return cast(Programme, found)


# -- reading a payment spreadsheet -------------------------------------------------------------------
_PAYMENT_HEADERS: dict[str, str] = {}
for _col, _names in {
    "receipt": (
        "kuitansi",
        "nokuitansi",
        "nomorkuitansi",
        "nokwitansi",
        "kwitansi",
        "receipt",
        "nobukti",
        "bukti",
    ),
    "nik": ("nik", "noktp", "nomorinduk", "nomornik"),
    "kpj": ("kpj", "nokpj", "nomorkpj"),
    "first": (
        "bulanawal",
        "daribulan",
        "bulan",
        "bulanmulai",
        "mulai",
        "first",
        "firstmonth",
        "from",
        "periodeawal",
    ),
    "last": ("bulanakhir", "sampaibulan", "sampai", "hingga", "last", "lastmonth", "to", "periodeakhir"),
    "months": ("jumlahbulan", "lama", "months", "banyakbulan"),
    "amount": ("jumlah", "nominal", "jumlahbayar", "iuran", "amount", "total", "rp", "jumlahrp"),
    "date": ("tanggal", "tanggalbayar", "tglbayar", "tgl", "date", "paidon", "tanggalpembayaran"),
}.items():
    for _n in _names:
        _PAYMENT_HEADERS[_n] = _col


def _payment_header(cells: Sequence[Any], row_index: int = 0) -> Any:
    from jamsos_desktop.domain.excel_rules import HeaderMatch, cell_text, header_key

    columns: dict[int, str] = {}
    for i, c in enumerate(cells):
        col = _PAYMENT_HEADERS.get(header_key(c))
        if col is not None and col not in columns.values():
            columns[i] = col
    found = set(columns.values())
    if not {"receipt", "first", "amount"} <= found or not ({"nik", "kpj"} & found):
        return None
    return HeaderMatch(row_index, cast(Any, columns), tuple(cell_text(c) for c in cells), ())


def _read_payment_table(path: Path, progress: Progress) -> Any:
    from jamsos_desktop.services.spreadsheet import read_table

    try:
        return read_table(
            path, progress=progress, finder=_payment_header, no_header_code="payment.columns_missing"
        )
    except UsageError as exc:
        if exc.code == "payment.columns_missing":
            raise UsageError(
                "payment.columns_missing", columns="kuitansi, NIK/KPJ, bulan awal, jumlah"
            ) from None
        raise


def _text_cell(value: Any) -> str:
    from jamsos_desktop.domain.excel_rules import cell_text

    return cell_text(value).strip()


def _key_cell(value: Any) -> str:
    """NIK or KPJ text; a NIK stored as a number lost its last digit and is refused."""
    if value is None or str(value).strip() == "":
        return ""
    from jamsos_desktop.domain.excel_rules import read_nik_cell

    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) >= 1e15:
        nik = read_nik_cell(value)
        if nik.error is not None:
            raise JamsosError(nik.error.code, **nik.error.params)
    return "".join(ch for ch in _text_cell(value) if ch.isdigit())


def _month_cell(value: Any) -> Month:
    if isinstance(value, datetime | date):
        return Month.of(value.year, value.month)
    text = _text_cell(value)
    try:
        return Month.parse(text)
    except ValueError:
        pass
    parts = text.replace(".", "/").replace("-", "/").split("/")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        a, b = (int(p) for p in parts)
        if a > 31:
            return Month.of(a, b)
        if 1 <= a <= 12 and b > 1900:
            return Month.of(b, a)
    raise JamsosError("payment.month_invalid", value=text)


def _date_cell(value: Any, today: date) -> date:
    if value is None or str(value).strip() == "":
        return today
    from jamsos_desktop.domain.excel_rules import read_date_cell

    parsed, finding = read_date_cell(value, today, column="date")
    if parsed is None:
        raise JamsosError("payment.date_invalid", value=_text_cell(value))
    return parsed

"""SQLAlchemy models of programmes, enrolments, payments and events (issue 3).

Months are stored as integer month indexes (``year * 12 + month - 1``) so that the contribution
calendar can do month arithmetic in SQL (ranges, ``BETWEEN``, differences) without date functions
that differ between SQLite and PostgreSQL. The schedule of an enrolment is not materialised row by
row: it is fully described by ``start_month``/``end_month`` and the funded range
``funded_from``/``funded_to``, which the grid and budget queries aggregate with ``GROUP BY``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from jamsos_desktop.persistence.models import Base, Money


class ProgrammeRow(Base):
    """A contribution programme (*program bantuan iuran*)."""

    __tablename__ = "programme"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    start_month: Mapped[int] = mapped_column(Integer)
    funded_months: Mapped[int] = mapped_column(Integer)
    income: Mapped[int] = mapped_column(Money)
    include_jht: Mapped[bool] = mapped_column(Boolean, default=False)
    monthly_amount: Mapped[int] = mapped_column(Money)
    quota: Mapped[int | None] = mapped_column(Integer)
    lapse_threshold: Mapped[int] = mapped_column(Integer, default=3)
    funding_window: Mapped[str] = mapped_column(String(16), default="calendar")
    horizon_months: Mapped[int] = mapped_column(Integer, default=24)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)


class FunderRow(Base):
    """Who pays the funded months (*penyandang dana*: APBD kabupaten, provinsi, DBH sawit…)."""

    __tablename__ = "funder"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(32), default="other")
    share_percent: Mapped[int | None] = mapped_column(Integer)
    quota: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("programme_id", "name", name="uq_funder_programme_name"),)


class EnrolmentRow(Base):
    """A worker in a programme (*kepesertaan*): months, funded range, payer, exit."""

    __tablename__ = "enrolment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    funder_id: Mapped[int | None] = mapped_column(ForeignKey("funder.id", ondelete="SET NULL"))
    start_month: Mapped[int] = mapped_column(Integer)
    end_month: Mapped[int | None] = mapped_column(Integer)
    funded_from: Mapped[int] = mapped_column(Integer)
    funded_to: Mapped[int] = mapped_column(Integer)
    #: The worker's village, kept by triggers (``persistence/dashboard_totals.py``; never written here).
    village_code: Mapped[str | None] = mapped_column(String(13))
    exit_date: Mapped[date | None] = mapped_column(Date)
    exit_reason: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("programme_id", "worker_id", name="uq_enrolment_programme_worker"),
        # Covering index of the grid and budget GROUP BY: the whole query reads only this index.
        Index(
            "ix_enrolment_schedule",
            "programme_id",
            "funder_id",
            "start_month",
            "end_month",
            "funded_from",
            "funded_to",
        ),
        Index("ix_enrolment_funded_to", "programme_id", "funded_to"),
        # The dashboard's enrolments per village (migration 0008): one range, in village order.
        Index(
            "ix_enrolment_village", "programme_id", "village_code", "start_month", "end_month", "funded_to"
        ),
    )


class HolidayRow(Base):
    """Public holidays (*hari libur nasional / cuti bersama*) that move a due date; editable."""

    __tablename__ = "holiday"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="")


class FunderPaymentRow(Base):
    """A funder's payment of a BPJS invoice for one or more months; reversals are new rows."""

    __tablename__ = "funder_payment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    funder_id: Mapped[int] = mapped_column(ForeignKey("funder.id", ondelete="CASCADE"))
    invoice_number: Mapped[str] = mapped_column(String(64))
    first_month: Mapped[int] = mapped_column(Integer)
    last_month: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Money)
    expected: Mapped[int] = mapped_column(Money)
    paid_on: Mapped[date] = mapped_column(Date)
    reversal_of: Mapped[int | None] = mapped_column(ForeignKey("funder_payment.id"), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_funder_payment_programme", "programme_id", "funder_id"),
        Index("ix_funder_payment_invoice", "funder_id", "invoice_number"),
    )


class FunderPaymentLineRow(Base):
    """One month of a funder payment: workers billed, expected and paid amounts."""

    __tablename__ = "funder_payment_line"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("funder_payment.id", ondelete="CASCADE"), index=True)
    month: Mapped[int] = mapped_column(Integer, index=True)
    workers: Mapped[int] = mapped_column(Integer)
    expected: Mapped[int] = mapped_column(Money)
    amount: Mapped[int] = mapped_column(Money)


class SelfPaymentRow(Base):
    """A worker's own payment (*iuran mandiri*) for consecutive months; receipt numbers are unique.

    A correction is a reversal row (negative amount, ``reversal_of`` set, no receipt), never an edit.
    """

    __tablename__ = "self_payment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolment.id", ondelete="CASCADE"))
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    receipt: Mapped[str | None] = mapped_column(String(64), unique=True)
    first_month: Mapped[int] = mapped_column(Integer)
    last_month: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Money)
    paid_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(16), default="manual")
    reversal_of: Mapped[int | None] = mapped_column(ForeignKey("self_payment.id"), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        # Both covering: month counts of the grid stream in (first, last) order, the unpaid streaks
        # per enrolment in (enrolment, first, last) order; neither needs a join or a sort.
        Index("ix_self_payment_months", "programme_id", "first_month", "last_month", "reversal_of"),
        Index(
            "ix_self_payment_enrolment",
            "programme_id",
            "enrolment_id",
            "first_month",
            "last_month",
            "reversal_of",
        ),
        # The dashboard (migration 0006): payments per month in (last, first) order, the payments
        # touching the last few months as one range of last_month (see report_repository._recent).
        Index(
            "ix_self_payment_recent",
            "last_month",
            "programme_id",
            "reversal_of",
            "first_month",
            "enrolment_id",
        ),
    )


class SelfPaymentMonthRow(Base):
    """Net number of self-payments per programme and (first month, last month): originals count +1,
    reversals −1. Kept by triggers on ``self_payment`` (``persistence/dashboard_totals.py``) for the
    dashboard's payments chart; never written by the application."""

    __tablename__ = "self_payment_month"
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True
    )
    first_month: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_month: Mapped[int] = mapped_column(Integer, primary_key=True)
    payments: Mapped[int] = mapped_column(Integer)


class WorkerEventRow(Base):
    """A death or work accident to follow with the heirs (*klaim JKM / JKK*)."""

    __tablename__ = "worker_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    event_date: Mapped[date] = mapped_column(Date)
    claim_status: Mapped[str] = mapped_column(String(16), default="reported")
    heir_name: Mapped[str] = mapped_column(String(100), default="")
    heir_relationship: Mapped[str] = mapped_column(String(20), default="")
    heir_phone: Mapped[str] = mapped_column(String(16), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_worker_event_kind_date", "kind", "event_date"),)

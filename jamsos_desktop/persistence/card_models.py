"""SQLAlchemy models of card prints and handover events (issue 4). Schema: migration ``0003_cards``."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jamsos_desktop.persistence.models import Base


class CardPrintRow(Base):
    """One printed card (*catatan cetak kartu*): every print, first issue or reprint, gets a row."""

    __tablename__ = "card_print"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    serial: Mapped[str] = mapped_column(String(16), unique=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"))
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="SET NULL"))
    printed_at: Mapped[datetime] = mapped_column(DateTime)
    printed_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(16))
    layout: Mapped[str] = mapped_column(String(16))

    __table_args__ = (Index("ix_card_print_worker", "worker_id", "printed_at"),)


class HandoverEventRow(Base):
    """A symbolic handover of cards (*penyerahan simbolis*)."""

    __tablename__ = "handover_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    event_date: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200))
    officials: Mapped[str] = mapped_column(Text, default="")
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))


class HandoverRecipientRow(Base):
    """A representative who receives a card at the event, in the order they are called."""

    __tablename__ = "handover_recipient"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("handover_event.id", ondelete="CASCADE"))
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("event_id", "worker_id", name="uq_handover_recipient_event_worker"),)

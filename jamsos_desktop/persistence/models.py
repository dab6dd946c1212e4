"""SQLAlchemy 2 models. Every schema change is an Alembic revision in ``migrations/versions``."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


#: Rupiah amounts: 64-bit integers. SQLite's INTEGER already is; on PostgreSQL ``integer`` is 32-bit and a
#: regency's funder payment (Rp9,6 miliar for 95,000 workers × 6 months) would not fit.
Money = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Office settings (regency, office name…): one row per key, values as text."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RegionRow(Base):
    """The regions the office works with, copied from the shipped Kemendagri table on ``init``:
    all provinces and regencies, and the districts and villages of the office's regency. Kept in the
    database so that lists can search and sort by village name in SQL."""

    __tablename__ = "region"
    code: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[int] = mapped_column(Integer)
    parent: Mapped[str | None] = mapped_column(String(13), index=True)
    name_key: Mapped[str] = mapped_column(String(120), index=True)


class WorkerRow(Base):
    """*Pekerja rentan*. NIK, KK and KPJ are text, always."""

    __tablename__ = "worker"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    no_nik: Mapped[bool] = mapped_column(Boolean, default=False)
    kk: Mapped[str] = mapped_column(String(16), default="")
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100))
    sex: Mapped[str] = mapped_column(String(1))
    birth_place: Mapped[str] = mapped_column(String(100), default="")
    birth_date: Mapped[date] = mapped_column(Date)
    address: Mapped[str] = mapped_column(String(200), default="")
    rt: Mapped[str] = mapped_column(String(3), default="")
    rw: Mapped[str] = mapped_column(String(3), default="")
    village_code: Mapped[str] = mapped_column(String(13), index=True)
    occupation: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(16), default="", index=True)
    income: Mapped[int] = mapped_column(Money, default=1_000_000)
    kpj: Mapped[str | None] = mapped_column(String(11), unique=True)
    # No index of its own: three statuses cover most rows, and the planner would prefer it to the
    # search indexes; ix_worker_search covers it.
    status: Mapped[str] = mapped_column(String(16))
    consent_purpose: Mapped[str] = mapped_column(Text)
    consent_given: Mapped[bool] = mapped_column(Boolean)
    consent_by: Mapped[str] = mapped_column(String(64))
    consent_at: Mapped[datetime] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)

    heirs: Mapped[list[HeirRow]] = relationship(
        back_populates="worker",
        cascade="all, delete-orphan",
        order_by="HeirRow.position",
        lazy="selectin",
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # Covering index of the worker list: walking it in name order filters without reading rows.
        Index("ix_worker_search", "name_key", "id", "status", "village_code", "nik", "kpj", "phone"),
    )


class HeirRow(Base):
    """*Ahli waris* of a worker, in the order of PP 44/2015 art. 37 (``position``)."""

    __tablename__ = "heir"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    relation: Mapped[str] = mapped_column("relationship", String(20))
    nik: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(16), default="")

    worker: Mapped[WorkerRow] = relationship(back_populates="heirs")


# Models of later issues live in their own modules; importing them here puts their tables in
# Base.metadata (Alembic's comparison and the tests see the whole schema).
from jamsos_desktop.persistence import (  # noqa: E402,F401
    card_models,
    programme_models,
    safety_models,
    sync_models,
)

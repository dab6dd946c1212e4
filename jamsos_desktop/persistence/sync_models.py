"""SQLAlchemy models of sync between stations and the office (issue 6). Schema: migrations ``0005_sync``, ``0007_sync_edits``, ``0013_station_cards``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jamsos_desktop.persistence.models import Base


class SyncStationRow(Base):
    """A station known here: this database's own identity (``is_self``), the office, or a laptop the
    office registered. Only public keys are stored; private keys live in ``data_dir/keys``."""

    __tablename__ = "sync_station"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    is_office: Mapped[bool] = mapped_column(Boolean, default=False)
    sign_public: Mapped[str] = mapped_column(String(64))
    box_public: Mapped[str] = mapped_column(String(64))
    villages: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of village codes
    registered_at: Mapped[datetime] = mapped_column(DateTime)
    #: Office side: the highest sequence number received from this station, and when.
    last_seq_in: Mapped[int] = mapped_column(Integer, default=0)
    last_package_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: Own row: the last sequence number sent, the newest own change the office acknowledged, the HLC.
    last_seq_out: Mapped[int] = mapped_column(Integer, default=0)
    acked_hlc: Mapped[str] = mapped_column(String(80), default="")
    clock: Mapped[str] = mapped_column(String(80), default="")
    #: Card serial namespace (``25-TL-000123``) the office handed out; unique (migration ``0013``).
    code: Mapped[str | None] = mapped_column(String(8), index=True, unique=True)
    #: JSON list of the public keys this station signs card QR codes with.
    card_keys: Mapped[str | None] = mapped_column(Text)


class SyncEditRow(Base):
    """Every edit known here, local or received: the fields one station set on one record at one clock
    reading (``data``: canonical JSON object field -> value; ``supersedes``: field -> replaced clocks).
    The merge is a function of this set. Schema: migration ``0007_sync_edits``."""

    __tablename__ = "sync_edit"
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(80), primary_key=True)
    origin: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16))
    data: Mapped[str] = mapped_column(Text)
    supersedes: Mapped[str] = mapped_column(Text, default="{}")

    __table_args__ = (Index("ix_sync_edit_origin_hlc", "origin", "hlc"),)


class SyncOutcomeRow(Base):
    """The current outcome of a record's fields, one row per record: ``fields`` is a JSON object
    field -> [winning clock, value] or [clock, value, applied] when the worker row holds another value
    (only while a unique value is claimed by another record)."""

    __tablename__ = "sync_outcome"
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    fields: Mapped[str] = mapped_column(Text)


class SyncRecordRow(Base):
    """Per record: the worker row version last captured or written by sync (a different version means
    a local edit not captured yet)."""

    __tablename__ = "sync_record"
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    seen_version: Mapped[int] = mapped_column(Integer)


class SyncPackageRow(Base):
    """Every package written or read here; ``digest`` (SHA-256 of the file) tells a replay from a forgery."""

    __tablename__ = "sync_package"
    package_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    direction: Mapped[str] = mapped_column(String(3))  # "in" / "out"
    sender: Mapped[str] = mapped_column(String(40), index=True)
    recipient: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    records: Mapped[int] = mapped_column(Integer, default=0)
    inserted: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)


class SyncConflictRow(Base):
    """A losing value kept for review: a concurrent edit (``kind`` "value") or a unique value (NIK, KPJ)
    claimed by another record (``kind`` "unique", ``other_uid`` holds it)."""

    __tablename__ = "sync_conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(8))
    winner_hlc: Mapped[str] = mapped_column(String(80))
    winner_value: Mapped[str] = mapped_column(Text)
    loser_hlc: Mapped[str] = mapped_column(String(80))
    loser_value: Mapped[str] = mapped_column(Text)
    loser_origin: Mapped[str] = mapped_column(String(40))
    other_uid: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (Index("ix_sync_conflict_key", "uid", "field"),)


class SyncMergeRow(Base):
    """Two records found to be the same person: ``loser`` is kept as a tombstone pointing to ``winner``
    (its heirs and history moved over), so that later packages naming the loser land on the winner."""

    __tablename__ = "sync_merge"
    loser: Mapped[str] = mapped_column(String(36), primary_key=True)
    winner: Mapped[str] = mapped_column(String(36), index=True)
    hlc: Mapped[str] = mapped_column(String(80))
    origin: Mapped[str] = mapped_column(String(40))


class SyncRefusalRow(Base):
    """An incoming edit refused for a value that breaks the rules of manual entry (the rest of its package
    applied); reported back to the sending station in the office's acknowledgement."""

    __tablename__ = "sync_refusal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(40))
    sender: Mapped[str] = mapped_column(String(40), index=True)
    uid: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(100))
    field: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(64))
    params: Mapped[str] = mapped_column(Text)  # JSON


class SyncFactRow(Base):
    """A programme, calendar, enrolment, payment or card record as it travels (issue 6, migration
    ``0009_sync_records``): one row per record (``gid``) and version (``hlc``). Append-only kinds
    (payments, reversals, card prints) have one version; snapshot kinds (programme, calendar, enrolment)
    one per change. ``state``: ``applied`` (written to its table here), ``pending`` (waits for a worker,
    programme or payment it names) or ``held`` (a receipt or card serial another record holds here)."""

    __tablename__ = "sync_fact"
    gid: Mapped[str] = mapped_column(String(80), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(80), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(String(40))
    worker: Mapped[str | None] = mapped_column(String(36))
    data: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(8), default="applied")

    __table_args__ = (
        Index("ix_sync_fact_origin_hlc", "origin", "hlc"),
        Index("ix_sync_fact_worker", "worker"),
        Index("ix_sync_fact_state", "state", "kind"),  # the few pending or held versions, by seek
    )


class SyncLocalRow(Base):
    """Which local row a travelling record is here (``gid`` -> ``kind``/``local_id``; several gids may
    name one row, e.g. a station's programme and the office's of the same name), the digest of the row as
    last captured or written, and the clock of that version. Rows with ``gid`` ``~mark/<kind>`` hold the
    highest local id captured of an append-only kind."""

    __tablename__ = "sync_local"
    gid: Mapped[str] = mapped_column(String(80), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    local_id: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(40), default="")
    hlc: Mapped[str] = mapped_column(String(80), default="")

    __table_args__ = (Index("ix_sync_local_kind_id", "kind", "local_id"),)

"""The demo's fast path: a bulk load that rebuilds indexes at its end, and people built without
``WorkerData.__init__``. Both must leave exactly what the ordinary path would (real SQLite files)."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.regions import default_table
from jamsos_desktop.domain.worker import WorkerData, WorkerQuery, validate_worker
from jamsos_desktop.services.demo import demo_workers, generate_demo

NOW = datetime(2026, 3, 1, 9, 30)
REGENCY = "19.03"


def _schema(db: Path) -> dict[str, str]:
    """Every index and trigger of the database, by name, with its SQL."""
    with sqlite3.connect(db) as con:
        return dict(
            con.execute("SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type IN ('index', 'trigger')")
        )


@pytest.mark.sqlite_only  # SQLite's index drop-and-rebuild during a load (a no-op on a server)
def test_bulk_load_leaves_the_same_indexes_and_a_consistent_search_index(tmp_path: Path) -> None:
    ctx = open_context(data_dir=tmp_path)
    db = tmp_path / "jamsos.sqlite3"
    before = _schema(db)
    assert any(name.startswith("ix_worker") for name in before) and "worker_fts_ai" in before
    try:
        generate_demo(ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=6_000, seed=5, now=NOW, user="t")
        # the pooled connection got its ordinary page cache back
        with ctx.unit_of_work() as uow:
            assert uow.session.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -2000
        ids = ctx.registry.search_ids(WorkerQuery())
        assert len(ids) == 6_000
        for text in ("munip", "siti", "ahmad"):  # the trigram index answers, as the row-by-row one did
            hits = ctx.registry.search_ids(WorkerQuery(text=text))
            names = [s.name.casefold() for s in ctx.registry.summaries(hits)]
            assert hits and all(text in n for n in names), text
    finally:
        ctx.close()
    assert _schema(db) == before
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.execute("INSERT INTO worker_fts(worker_fts, rank) VALUES ('integrity-check', 1)")
        indexed = con.execute("SELECT count(*) FROM worker_fts WHERE worker_fts MATCH 'mun'").fetchone()[0]
        assert indexed == con.execute("SELECT count(*) FROM worker WHERE name_key LIKE '%mun%'").fetchone()[0]
        # the heirs' index is back and used
        plan = " ".join(str(r) for r in con.execute("EXPLAIN QUERY PLAN SELECT * FROM heir WHERE worker_id = 5"))
        assert "ix_heir_worker_id" in plan


@pytest.mark.sqlite_only  # SQLite's index drop-and-rebuild during a load (a no-op on a server)
def test_a_failed_bulk_load_rolls_the_dropped_indexes_back(tmp_path: Path) -> None:
    class CancelAfterFirstChunk:
        calls = 0

        def update(self, done: int, total: int, message: str = "") -> None:
            self.calls += 1

        @property
        def cancelled(self) -> bool:
            return self.calls > 1

    ctx = open_context(data_dir=tmp_path)
    db = tmp_path / "jamsos.sqlite3"
    before = _schema(db)
    try:
        with pytest.raises(UsageError):
            generate_demo(
                ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=12_000, seed=1, now=NOW, user="t",
                progress=CancelAfterFirstChunk(),
            )  # fmt: skip
        assert ctx.registry.stats().total == 0
    finally:
        ctx.close()
    assert _schema(db) == before


def test_generated_people_equal_the_ones_the_constructor_builds_and_pass_the_rules() -> None:
    """The generator fills WorkerData without its ``__init__``: every field is there, and a sample
    rebuilt through the constructor is equal and valid."""
    regions = default_table()
    names = {f.name for f in dataclasses.fields(WorkerData)}
    people = [data for data, _ in demo_workers(regions, REGENCY, workers=1_500, seed=11)]
    for data in people:
        assert set(vars(data)) == names
    for data in people[::7]:
        rebuilt = WorkerData(**{name: getattr(data, name) for name in names})
        assert rebuilt == data and hash(rebuilt) == hash(data)
        assert validate_worker(rebuilt, regions, regency_code=REGENCY, today=NOW.date()).ok, data


def _contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as con:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("worker", "heir", "setting")
        }


@pytest.mark.sqlite_only  # the helper process makes SQLite rows (PostgreSQL loads with COPY in one process)
def test_a_helper_process_makes_the_same_database_as_one_process(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.services import demo

    folders = {}
    for parallel_from in (10**9, 1):  # one process, then the helper for any size
        monkeypatch.setattr(demo, "PARALLEL_FROM", parallel_from)
        folder = folders[parallel_from] = tmp_path / f"from-{parallel_from}"
        ctx = open_context(data_dir=folder)
        try:
            result = generate_demo(
                ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=12_345, seed=9, now=NOW, user="t",
                helper_process=True,
            )  # fmt: skip
            assert result.workers == 12_345
            assert ctx.registry.search_ids(WorkerQuery(text="munip"))  # the search index was filled
        finally:
            ctx.close()
    one, two = (_contents(folders[k] / "jamsos.sqlite3") for k in (10**9, 1))
    assert len(one["worker"]) == 12_345 and len(one["heir"]) > 12_345
    assert one == two


@pytest.mark.sqlite_only
def test_a_cancelled_run_with_the_helper_stops_it_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing

    from jamsos_desktop.services import demo

    monkeypatch.setattr(demo, "PARALLEL_FROM", 1)

    class CancelAfterFirstChunk:
        calls = 0

        def update(self, done: int, total: int, message: str = "") -> None:
            self.calls += 1

        @property
        def cancelled(self) -> bool:
            return self.calls > 1

    ctx = open_context(data_dir=tmp_path)
    db = tmp_path / "jamsos.sqlite3"
    before = _schema(db)
    try:
        with pytest.raises(UsageError) as raised:
            generate_demo(
                ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=30_000, seed=1, now=NOW, user="t",
                progress=CancelAfterFirstChunk(), helper_process=True,
            )  # fmt: skip
        assert raised.value.code == "usage.interrupted"
        assert ctx.registry.stats().total == 0
        assert not [p for p in multiprocessing.active_children() if p.name == "jamsos-demo"]
        with pytest.raises(UsageError) as unknown:  # refused before a helper starts, in one sentence
            generate_demo(
                ctx.unit_of_work, ctx.region_table(), "99.99", workers=10, seed=1, now=NOW, user="t", helper_process=True
            )
        assert unknown.value.code == "region.unknown_regency"
    finally:
        ctx.close()
    assert _schema(db) == before

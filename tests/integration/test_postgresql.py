"""The office server: several desktops on one PostgreSQL database at the same time.

Run only when a server is given (``JAMSOS_TEST_POSTGRES_URL``; CI starts one with .ci/start-postgres).
Every other integration test runs on PostgreSQL too; these are about what only a shared server has:
two clerks at once, schema upgrades by one desktop while another starts, the server's own refusals.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import event, text

from jamsos_desktop.app import AppContext, open_context
from jamsos_desktop.domain.errors import ConflictError, DatabaseError
from jamsos_desktop.domain.normalize import search_key
from jamsos_desktop.domain.worker import WorkerData, WorkerQuery
from jamsos_desktop.domain.worker_types import Sex
from jamsos_desktop.persistence import migrate
from jamsos_desktop.persistence.database import Database

pytestmark = pytest.mark.postgresql_only

SITI = WorkerData(
    name="Siti Aminah",
    sex=Sex.FEMALE,
    birth_date=date(1999, 5, 4),
    village_code="19.03.02.2001",
    nik="1903014405990313",
    occupation="Pedagang Kecil",
)


def _second_desktop(context: AppContext, tmp_path, name: str = "petugas.dua") -> AppContext:  # type: ignore[no-untyped-def]
    """Another clerk's desktop on the same server database (its own engine, its own connections)."""
    other = open_context(data_dir=tmp_path / name, db=context.database.target.url)
    other.clock = lambda: datetime(2026, 11, 24, 9, 5)
    other.user = lambda: name
    # A test must fail, not hang, if something waits on a lock it should not.
    event.listen(other.database.engine, "connect", _lock_timeout)
    other.database.engine.dispose()
    return other


def _lock_timeout(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '5s'")
    dbapi_connection.commit()


def test_the_search_uses_the_trigram_index_and_sorts_by_code_point(context) -> None:  # type: ignore[no-untyped-def]
    names = ["Abdul Rahman", "abdullah", "Zainab", "Ahmad Zakaria", "Ámbar", "Ahmad  Zaini"]
    for n, name in enumerate(names, start=1):
        context.registry.register(replace(SITI, name=name, nik=f"19030144059903{n:02d}"))
    crowd = [(replace(SITI, name=f"Warga Nomor {n}", nik=f"1903014405{n:06d}"), f"uid-{n}") for n in range(1, 3001)]
    with context.unit_of_work(write=True) as uow:
        uow.workers.bulk_add(crowd, user="uji", now=datetime(2026, 11, 24, 9, 0))
        uow.commit()
    with context.database.engine.connect() as conn:
        conn.execute(text("ANALYZE worker"))
        indexes = {r[0] for r in conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'worker'"))}
        collation = conn.execute(
            text(
                "SELECT collation_name FROM information_schema.columns "
                "WHERE table_name = 'worker' AND column_name = 'name_key'"
            )
        ).scalar()
        # At a few thousand rows the planner may still prefer a scan; with scans ruled out (and the list
        # index dropped inside this transaction, rolled back below), the LIKE must be served by pg_trgm.
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        conn.execute(text("DROP INDEX ix_worker_search"))
        plan = "\n".join(r[0] for r in conn.execute(text("EXPLAIN SELECT id FROM worker WHERE name_key LIKE '%zaka%'")))
        conn.rollback()
    assert "ix_worker_name_trgm" in indexes and collation == "C"
    assert "Index Scan on ix_worker_name_trgm" in plan, plan
    found = [context.registry.get(i).name for i in context.registry.search_ids(WorkerQuery(text="abdul"))]
    assert found == ["Abdul Rahman", "abdullah"]
    listed = [context.registry.get(i).name for i in context.registry.search_ids(WorkerQuery(text="a"), limit=6)]
    keys = [search_key(n) for n in [*names, *(d.name for d, _uid in crowd)] if "a" in search_key(n)]
    assert [search_key(n) for n in listed] == sorted(keys)[:6]  # code-point order, whatever the server's locale


def test_a_save_over_a_newer_version_is_refused_and_overwrites_nothing(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = _second_desktop(context, tmp_path)
    try:
        saved = context.registry.register(SITI).worker
        mine = context.registry.get(saved.id)
        theirs = other.registry.get(saved.id)
        other.registry.update(theirs.id, replace(SITI, phone="081200000002"), expected_version=theirs.version)
        with pytest.raises(ConflictError) as refused:
            context.registry.update(mine.id, replace(SITI, phone="081200000001"), expected_version=mine.version)
        assert refused.value.code == "worker.changed"
        assert "petugas.dua" in refused.value.message("id")
        assert context.registry.get(saved.id).phone == "081200000002"
    finally:
        other.close()


def test_two_saves_at_the_same_moment_one_wins_the_other_is_told(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Both clerks read version 1 and pass the check; the server's row lock and the version in the
    UPDATE's WHERE clause decide: the second gets the conflict message, not a silent overwrite."""
    other = _second_desktop(context, tmp_path)
    try:
        saved = context.registry.register(SITI).worker
        entered = threading.Event()
        release = threading.Event()
        outcome: dict[str, object] = {}

        # Clerk two's save stops after its UPDATE (row locked, not committed) until told to go on.
        def hold(session, _flush_context, _instances):  # type: ignore[no-untyped-def]
            entered.set()
            release.wait(10)

        def clerk_two() -> None:
            with other.unit_of_work(write=True) as uow:
                uow.workers.update(
                    saved.id, replace(SITI, phone="081200000002"), expected_version=saved.version,
                    user="petugas.dua", now=datetime(2026, 11, 24, 9, 5),
                )
                event.listen(uow.session, "after_flush", hold)
                uow.session.execute(text("SELECT 1"))
                uow.session.flush()
                hold(uow.session, None, None)
                uow.commit()
            outcome["two"] = "saved"

        def clerk_one() -> None:
            try:
                context.registry.update(saved.id, replace(SITI, phone="081200000001"), expected_version=saved.version)
                outcome["one"] = "saved"
            except ConflictError as exc:
                outcome["one"] = exc.code

        two = threading.Thread(target=clerk_two)
        two.start()
        assert entered.wait(10)
        one = threading.Thread(target=clerk_one)
        one.start()
        # Clerk one's UPDATE now waits for clerk two's row lock; let clerk two commit.
        with context.database.engine.connect() as conn:
            waiting = conn.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
            ).scalar()
        release.set()
        two.join(20)
        one.join(20)
        assert outcome == {"two": "saved", "one": "worker.changed"}, (outcome, waiting)
        assert context.registry.get(saved.id).phone == "081200000002"
    finally:
        release.set()
        other.close()


def test_a_long_import_does_not_block_other_clerks(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = _second_desktop(context, tmp_path)
    try:
        many = [
            (replace(SITI, name=f"Warga {n}", nik=f"1903014405{n:06d}"), f"uid-{n}") for n in range(1, 501)
        ]
        with other.unit_of_work(write=True) as uow:  # clerk two's import, still running
            uow.workers.bulk_add(many, user="petugas.dua", now=datetime(2026, 11, 24, 9, 5))
            other_seen_before = other.registry.count(WorkerQuery())
            # Meanwhile clerk one registers, searches and counts without waiting (lock_timeout would fail).
            saved = context.registry.register(SITI).worker
            assert context.registry.search_ids(WorkerQuery(text="siti")) == [saved.id]
            assert context.registry.count(WorkerQuery()) == 1  # the import is not visible until it commits
            uow.commit()
        assert other_seen_before == 0
        assert context.registry.count(WorkerQuery()) == 501
        assert context.audit.verify()[1] == []
    finally:
        other.close()


def test_the_audit_chain_stays_linear_when_clerks_commit_interleaved(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = _second_desktop(context, tmp_path)
    try:
        with other.unit_of_work(write=True) as uow:
            from jamsos_desktop.services.audit import record

            record(uow, "petugas.dua", "note", "worker", "x", None, {"n": 1})
            context.registry.register(SITI)  # commits in between
            record(uow, "petugas.dua", "note", "worker", "y", None, {"n": 2})
            uow.commit()
        count, problems = context.audit.verify()
        assert problems == [] and count >= 3
        with context.database.engine.connect() as conn:
            seqs = [r[0] for r in conn.execute(text("SELECT seq FROM audit_entry ORDER BY seq"))]
        assert seqs == list(range(1, len(seqs) + 1))
    finally:
        other.close()


def test_bulk_inserts_take_ids_from_the_sequence(context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = _second_desktop(context, tmp_path)
    try:
        batch = [(replace(SITI, name=f"Warga {n}", nik=f"1903014405{n:06d}"), f"uid-{n}") for n in range(1, 4)]
        with other.unit_of_work(write=True) as uow:
            ids = uow.workers.bulk_add_ids(batch, user="petugas.dua", now=datetime(2026, 11, 24, 9, 5))
            single = context.registry.register(SITI).worker  # commits while the batch is open
            uow.commit()
        assert single.id not in ids and len(set(ids)) == 3
        assert sorted(context.registry.search_ids(WorkerQuery())) == sorted([*ids, single.id])
    finally:
        other.close()


def test_desktops_starting_together_upgrade_the_schema_once(pg_server) -> None:  # type: ignore[no-untyped-def]
    with pg_server.database(migrated=False) as url:
        script = textwrap.dedent(
            """
            import sys
            from jamsos_desktop.persistence.database import Database
            Database.open(sys.argv[1]).close()
            print("ok")
            """
        )
        procs = [
            subprocess.Popen([sys.executable, "-c", script, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        results = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], results
        db = Database.open(url)
        try:
            assert db.schema_version() == migrate.HEAD
        finally:
            db.close()


def test_a_newer_schema_on_the_server_is_refused_untouched(pg_server) -> None:  # type: ignore[no-untyped-def]
    with pg_server.database() as url:
        from sqlalchemy import create_engine

        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
        with pytest.raises(DatabaseError) as refused:
            Database.open(url)
        assert refused.value.code == "db.newer"
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
        engine.dispose()


def test_an_unreachable_server_is_one_clear_sentence() -> None:
    with pytest.raises(DatabaseError) as refused:
        Database.open("postgresql+psycopg://nobody@127.0.0.1:9/jamsos?connect_timeout=2")
    assert refused.value.code == "db.unreachable"
    message = refused.value.message("id")
    assert "\n" not in message and "Traceback" not in message


# -- the office server as the README sets it up: an owner role and a least-privilege role for desktops --
def _psql() -> str:
    import glob
    import shutil

    found = shutil.which("psql") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))), None)
    if found is None:
        pytest.skip("psql not installed")
    return found


def _run_psql(pg_server, script: str, *variables: str, database: str = "postgres", user: str | None = None) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.resources_path import resource_path

    url = pg_server.url
    argv = [
        _psql(), "-X", "-q", "-h", url.host or "127.0.0.1", "-p", str(url.port or 5432),
        "-U", user or url.username, "-d", database, "-f", str(resource_path(f"postgres/{script}")),
    ]
    for variable in variables:
        argv += ["-v", variable]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_the_documented_office_setup_gives_desktops_least_privilege(pg_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.exc import ProgrammingError

    suffix = uuid.uuid4().hex[:8]
    db, owner, app = f"office_{suffix}", f"owner_{suffix}", f"app_{suffix}"
    names = (f"db={db}", f"owner={owner}", f"app={app}")
    _run_psql(pg_server, "1-create-database.sql", *names, "owner_password=rahasia-pemilik", "app_password=rahasia-meja")
    base = pg_server.url.set(database=db)
    owner_url = base.set(username=owner, password="rahasia-pemilik").render_as_string(hide_password=False)
    app_url = base.set(username=app, password="rahasia-meja").render_as_string(hide_password=False)
    try:
        # Step 2: the owner initialises the schema (first start or `jamsos --db … init`).
        with pytest.raises(DatabaseError) as refused:  # a desktop cannot create (or upgrade) the schema
            open_context(data_dir=tmp_path / "desk", db=app_url).close()
        assert refused.value.code == "db.server_permission"
        open_context(data_dir=tmp_path / "admin", db=owner_url).close()
        _run_psql(pg_server, "3-grant-desktops.sql", f"app={app}", database=db, user=owner)

        desk = open_context(data_dir=tmp_path / "desk", db=app_url)
        try:
            saved = desk.registry.register(SITI).worker
            desk.registry.update(saved.id, replace(SITI, phone="081200000009"), expected_version=saved.version)
            assert desk.registry.search_ids(WorkerQuery(text="siti")) == [saved.id]
            assert desk.audit.verify()[1] == []
            engine = create_engine(app_url)
            for forbidden in (
                "UPDATE audit_entry SET actor = 'orang.lain'",
                "DELETE FROM audit_entry",
                "DROP TABLE worker",
                "CREATE TABLE catatan_gelap (x int)",
                "UPDATE alembic_version SET version_num = 'x'",
            ):
                with pytest.raises(ProgrammingError, match="permission denied|must be owner"), engine.begin() as conn:
                    conn.execute(text(forbidden))
            engine.dispose()
            # Erasing an anonymised person's values is allowed (only the value columns change).
            with desk.database.engine.begin() as conn:
                conn.execute(text("UPDATE audit_entry SET old_values = NULL, new_values = NULL, erased = true WHERE seq = 1"))
            assert desk.audit.verify()[1] == []
        finally:
            desk.close()
    finally:
        pg_server.drop(db)
        with pg_server.admin.connect() as conn:
            conn.execute(text(f'DROP ROLE IF EXISTS "{app}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{owner}"'))

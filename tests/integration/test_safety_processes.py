"""Data safety as scripts and power cuts meet it: real processes, exit codes, kill -9 at signalled points.

A process started with ``JAMSOS_TRACE_POINTS=1`` prints ``@@point NAME`` at the moments that matter and
waits for a line on stdin; the test answers to go on, or kills it with SIGKILL right there. Afterwards the
database must pass ``integrity_check`` and hold all or nothing of the interrupted work.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fcntl: POSIX"),
    # The processes work on the data directory's SQLite file: kill -9 against the file, file backups.
    pytest.mark.sqlite_only,
]


def jamsos(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "jamsos_desktop", "--data-dir", str(data_dir), "--json", *args]
    return subprocess.run(
        argv,
        capture_output=True,
        text=True,
        env=dict(os.environ, **(env or {})),
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


def one_json(out: str) -> dict:  # type: ignore[type-arg]
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out
    return json.loads(lines[0])


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def workers(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM worker").fetchone()[0]


def kill_at(
    argv: list[str], point: str, *, occurrence: int = 1, env: dict[str, str] | None = None
) -> list[str]:
    """Run ``argv`` with trace points on; SIGKILL it when ``point`` is reached the n-th time."""
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, JAMSOS_TRACE_POINTS="1", **(env or {})),
    )
    seen: list[str] = []
    try:
        assert proc.stderr is not None and proc.stdin is not None
        for line in proc.stderr:
            if not line.startswith("@@point "):
                continue
            name = line.split(" ", 1)[1].strip()
            seen.append(name)
            if name == point and seen.count(point) == occurrence:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
                return seen
            proc.stdin.write("\n")
            proc.stdin.flush()
        proc.wait(timeout=30)
        raise AssertionError(f"{point} never reached; saw {seen}, exit {proc.returncode}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("safety-demo")
    result = jamsos("demo", "--workers", "3000", data_dir=folder)
    assert result.returncode == 0, result.stderr
    return folder


def _copy_dir(src: Path, dest: Path) -> Path:
    """A copy of a closed demo database (by the backup API, as the product would)."""
    dest.mkdir(parents=True)
    with sqlite3.connect(src / "jamsos.sqlite3") as a, sqlite3.connect(dest / "jamsos.sqlite3") as b:
        a.backup(b)
    return dest


# -- CLI contract ----------------------------------------------------------------------------------------------
def test_backup_check_restore_through_the_command_line(demo_dir: Path, tmp_path: Path) -> None:
    data = _copy_dir(demo_dir, tmp_path / "d")
    made = jamsos("backup", data_dir=data)
    assert made.returncode == 0, made.stderr
    path = Path(one_json(made.stdout)["path"])
    assert path.parent == data / "backups" and integrity(path) == "ok"
    checked = jamsos("check", data_dir=data)
    assert checked.returncode == 0 and one_json(checked.stdout)["ok"] is True
    restored = jamsos("restore", str(path), data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert one_json(restored.stdout)["restored_from"] == str(path)


def test_encrypted_usb_backup_with_a_wrong_passphrase_is_refused(demo_dir: Path, tmp_path: Path) -> None:
    data = _copy_dir(demo_dir, tmp_path / "d")
    usb = tmp_path / "usb" / "kantor.jamsosbak"
    made = jamsos(
        "backup", "--out", str(usb), "--passphrase-env", "PP", data_dir=data, env={"PP": "benar sekali"}
    )
    assert made.returncode == 0 and one_json(made.stdout)["encrypted"] is True
    before = (data / "jamsos.sqlite3").read_bytes()
    wrong = jamsos("restore", str(usb), "--passphrase-env", "PP", data_dir=data, env={"PP": "salah sekali"})
    assert wrong.returncode == 3
    assert one_json(wrong.stdout)["error"]["code"] == "backup.decrypt_failed"
    assert (data / "jamsos.sqlite3").read_bytes() == before  # nothing written
    missing = jamsos("restore", str(usb), data_dir=data)
    assert missing.returncode == 2
    right = jamsos("restore", str(usb), "--passphrase-env", "PP", data_dir=data, env={"PP": "benar sekali"})
    assert right.returncode == 0, right.stdout


def test_check_exits_3_when_the_audit_trail_was_edited(demo_dir: Path, tmp_path: Path) -> None:
    data = _copy_dir(demo_dir, tmp_path / "d")
    assert jamsos("check", data_dir=data).returncode == 0
    with sqlite3.connect(data / "jamsos.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0] >= 1
        conn.execute("UPDATE audit_entry SET actor = 'orang.lain' WHERE seq = 1")
    result = jamsos("check", data_dir=data)
    assert result.returncode == 3
    report = one_json(result.stdout)
    assert (
        report["ok"] is False and report["audit"]["ok"] is False and report["error"]["code"] == "audit.broken"
    )


def test_restore_is_refused_while_the_application_runs(demo_dir: Path, tmp_path: Path) -> None:
    from jamsos_desktop.services.instance_lock import InstanceLock

    data = _copy_dir(demo_dir, tmp_path / "d")
    backup = Path(one_json(jamsos("backup", data_dir=data).stdout)["path"])
    with InstanceLock(data):
        result = jamsos("restore", str(backup), data_dir=data)
    assert result.returncode == 2 and one_json(result.stdout)["error"]["code"] == "instance.running"


def test_the_office_can_require_a_login_for_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "d"
    env = {"JAMSOS_NEW_PASSWORD": "kata-sandi-admin"}
    assert (
        jamsos(
            "user", "add", "admin", "--full-name", "Admin", "--role", "administrator", data_dir=data, env=env
        ).returncode
        == 0
    )
    from jamsos_desktop.app import open_context

    ctx = open_context(data_dir=data)
    ctx.settings.set("cli_require_login", "1")
    ctx.close()
    refused = jamsos("stats", data_dir=data)
    assert refused.returncode == 3 and one_json(refused.stdout)["error"]["code"] == "auth.required"
    wrong = jamsos("--user", "admin", "stats", data_dir=data, env={"JAMSOS_PASSWORD": "salah-salah"})
    assert wrong.returncode == 3 and one_json(wrong.stdout)["error"]["code"] == "auth.failed"
    ok = jamsos("--user", "admin", "stats", data_dir=data, env={"JAMSOS_PASSWORD": "kata-sandi-admin"})
    assert ok.returncode == 0, ok.stdout
    env2 = {"JAMSOS_PASSWORD": "kata-sandi-admin", "JAMSOS_NEW_PASSWORD": "kata-sandi-opr"}
    jamsos("--user", "admin", "user", "add", "opr", "--full-name", "Operator", data_dir=data, env=env2)
    denied = jamsos(
        "--user",
        "opr",
        "user",
        "add",
        "x2",
        "--full-name",
        "X",
        data_dir=data,
        env={"JAMSOS_PASSWORD": "kata-sandi-opr", "JAMSOS_NEW_PASSWORD": "kata-sandi-x2"},
    )
    assert denied.returncode == 3 and one_json(denied.stdout)["error"]["code"] == "permission.denied"


def test_privacy_export_and_anonymise_dry_run(demo_dir: Path, tmp_path: Path) -> None:
    data = _copy_dir(demo_dir, tmp_path / "d")
    with sqlite3.connect(data / "jamsos.sqlite3") as conn:
        nik = conn.execute("SELECT nik FROM worker WHERE nik IS NOT NULL LIMIT 1").fetchone()[0]
    out = tmp_path / "orang.json"
    result = jamsos("privacy", "export", nik, "--out", str(out), data_dir=data)
    assert result.returncode == 0, result.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["worker"]["nik"] == nik
    dry = jamsos("privacy", "anonymise", "--dry-run", data_dir=data)
    assert dry.returncode == 0 and one_json(dry.stdout)["dry_run"] is True


# -- kill -9 --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("point", ["backup-copy", "backup-copied", "backup-checked"])
def test_kill_during_a_backup(demo_dir: Path, tmp_path: Path, point: str) -> None:
    data = _copy_dir(demo_dir, tmp_path / "d")
    before = workers(data / "jamsos.sqlite3")
    kill_at([sys.executable, "-m", "jamsos_desktop", "--data-dir", str(data), "backup"], point)
    assert integrity(data / "jamsos.sqlite3") == "ok" and workers(data / "jamsos.sqlite3") == before
    assert not list((data / "backups").glob("*.sqlite3"))  # no half copy under a final name
    after = jamsos("backup", data_dir=data)  # the next backup works and clears the leftover
    assert after.returncode == 0 and not list((data / "backups").glob("*.partial"))


@pytest.mark.parametrize(
    ("point", "occurrence"), [("restore-copy", 1), ("restore-step", 1), ("restore-copied", 1)]
)
def test_kill_during_a_restore(demo_dir: Path, tmp_path: Path, point: str, occurrence: int) -> None:
    data = _copy_dir(demo_dir, tmp_path / "d")
    backup = Path(one_json(jamsos("backup", data_dir=data).stdout)["path"])
    db = data / "jamsos.sqlite3"
    with sqlite3.connect(db) as conn:  # the live database moves on after the backup
        conn.execute("DELETE FROM card_print")
        conn.execute("UPDATE worker SET occupation = 'Nelayan' WHERE id % 2 = 0")
        changed = conn.execute("SELECT count(*) FROM worker WHERE occupation = 'Nelayan'").fetchone()[0]
    with sqlite3.connect(backup) as conn:
        original = conn.execute("SELECT count(*) FROM worker WHERE occupation = 'Nelayan'").fetchone()[0]
        # several steps of RESTORE_STEP_PAGES, so "restore-step" 1 lands mid-way
        assert conn.execute("PRAGMA page_count").fetchone()[0] > 1024
    assert changed != original
    seen = kill_at(
        [sys.executable, "-m", "jamsos_desktop", "--data-dir", str(data), "restore", str(backup)],
        point,
        occurrence=occurrence,
    )
    assert integrity(db) == "ok"
    with sqlite3.connect(db) as conn:
        now = conn.execute("SELECT count(*) FROM worker WHERE occupation = 'Nelayan'").fetchone()[0]
    assert now in (changed, original)  # all or nothing
    if point != "restore-copied":
        assert now == changed, seen
    assert jamsos("check", data_dir=data).returncode == 0


IMPORT_SCRIPT = textwrap.dedent(
    """
    import sys
    from jamsos_desktop.app import open_context
    from jamsos_desktop.services.excel_import import WorkerImporter

    def point(name):
        sys.stderr.write("@@point " + name + "\\n"); sys.stderr.flush(); sys.stdin.readline()

    ctx = open_context(data_dir=sys.argv[1])

    class Tapped:
        # "with" looks __enter__ up on the type, so the unit of work is wrapped, not patched.
        def __init__(self, uow):
            self.uow = uow

        def __enter__(self):
            inner = self.uow.__enter__()
            bulk, commit = inner.workers.bulk_add_ids, inner.commit

            def bulk_add_ids(items, **kw):
                items = list(items)
                half = len(items) // 2
                point("import-start")
                first = bulk(items[:half], **kw)
                point("import-half")
                return first + bulk(items[half:], **kw)

            def committed():
                point("import-commit")
                commit()
                point("import-committed")

            inner.workers.bulk_add_ids, inner.commit = bulk_add_ids, committed
            return inner

        def __exit__(self, *exc):
            return self.uow.__exit__(*exc)

    def factory(*, write=False):
        uow = ctx.unit_of_work(write=write)
        return Tapped(uow) if write else uow

    importer = WorkerImporter(factory, ctx.region_table, regency=ctx.regency, user=ctx.user, clock=ctx.clock)
    importer.run(sys.argv[2])
    ctx.close()
    """
)


@pytest.fixture(scope="module")
def import_file(demo_dir: Path, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("export") / "pekerja.xlsx"
    result = jamsos("workers", "export", str(out), data_dir=demo_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.mark.parametrize("point", ["import-start", "import-half", "import-commit", "import-committed"])
def test_kill_during_a_bulk_import(import_file: Path, tmp_path: Path, point: str) -> None:
    data = tmp_path / "fresh"
    assert jamsos("init", data_dir=data).returncode == 0
    db = data / "jamsos.sqlite3"
    kill_at([sys.executable, "-c", IMPORT_SCRIPT, str(data), str(import_file)], point)
    assert integrity(db) == "ok"
    count = workers(db)
    if point == "import-committed":
        dry = jamsos("workers", "import", str(import_file), "--dry-run", data_dir=tmp_path / "dry")
        assert count == one_json(dry.stdout)["imported"] > 2000
    else:
        assert count == 0
    assert jamsos("check", data_dir=data).returncode == 0

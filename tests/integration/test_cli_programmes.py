"""``jamsos program|calendar|payments`` through ``run([...])``: JSON keys per CONTRACT.md, exit codes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from jamsos_desktop.cli.main import run

NOW = datetime(2026, 3, 20, 9, 0)


@pytest.fixture
def cli(tmp_path: Path, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    """Run a command against one data directory with a fixed clock; returns (exit code, JSON)."""
    from jamsos_desktop import app

    original = app.open_context

    def opener(**kwargs):  # type: ignore[no-untyped-def]
        ctx = original(**kwargs)
        ctx.clock = lambda: NOW
        return ctx

    def call(*argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
        capsys.readouterr()
        code = run(["--data-dir", str(tmp_path), "--json", *argv], opener=opener)
        out = capsys.readouterr().out
        lines = [line for line in out.splitlines() if line.strip()]
        assert len(lines) == 1, out
        return code, json.loads(lines[0])

    # Demo workers only (``jamsos demo`` would also create its own programme).
    from jamsos_desktop.services.demo import generate_demo

    ctx = original(data_dir=tmp_path)
    try:
        generate_demo(
            ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=40, seed=4, now=NOW, user="uji"
        )
    finally:
        ctx.close()
    return call


def test_program_create_list_enroll_budget_calendar(cli) -> None:  # type: ignore[no-untyped-def]
    code, created = cli(
        "program",
        "create",
        "--name",
        "Bangka Selatan 2025",
        "--funder",
        "APBD Kabupaten Bangka Selatan",
        "--start",
        "2025-08",
        "--funded-months",
        "6",
    )
    assert code == 0 and created["monthly_amount"] == 16_800 and isinstance(created["id"], int)
    pid = str(created["id"])
    code, listed = cli("program", "list")
    assert listed["programs"][0] == {
        **{k: listed["programs"][0][k] for k in listed["programs"][0]},
        "id": created["id"],
        "name": "Bangka Selatan 2025",
        "start": "2025-08",
        "funded_months": 6,
        "monthly_amount": 16_800,
    }
    code, enrolled = cli("program", "enroll", pid, "--all")
    assert code == 0 and enrolled["enrolled"] > 0
    n = enrolled["enrolled"]
    code, again = cli("program", "enroll", pid, "--all")
    assert again["enrolled"] == 0
    code, budget = cli("program", "budget", pid)
    assert code == 0
    assert (budget["enrolled"], budget["planned"], budget["paid"], budget["outstanding"]) == (
        n,
        n * 16_800 * 6,
        0,
        n * 16_800 * 6,
    )
    nov = next(m for m in budget["months"] if m["month"] == "2025-11")
    assert set(nov) >= {"month", "payer", "due_date", "expected", "paid"}
    assert (nov["payer"], nov["due_date"], nov["expected"]) == ("funder", "2025-11-17", n * 16_800)

    code, paid = cli(
        "payments",
        "funder",
        pid,
        "--invoice",
        "INV/1",
        "--month",
        "2025-08",
        "--to",
        "2025-09",
        "--amount",
        str(2 * n * 16_800),
        "--date",
        "2025-09-01",
    )
    assert code == 0 and paid["difference"] == 0
    code, budget = cli("program", "budget", pid)
    assert budget["paid"] == 2 * n * 16_800

    code, cal = cli("calendar", pid, "--month", "2025-11")
    assert code == 0
    assert cal["month"] == "2025-11" and cal["due_date"] == "2025-11-17"
    assert cal["funder"] == {**cal["funder"], "count": n, "amount": n * 16_800, "paid": 0}
    assert set(cal["self"]) >= {"count", "amount", "paid", "unpaid"} and "inactive" in cal
    code, cal = cli("calendar", pid, "--month", "2025-08")
    assert cal["funder"]["paid"] == n * 16_800


def test_payments_self_import_reverse_list_and_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, created = cli(
        "program", "create", "--name", "P", "--funder", "APBD", "--start", "2025-08", "--funded-months", "6"
    )
    pid = str(created["id"])
    cli("program", "enroll", pid, "--all")
    _, workers = cli("workers", "list")
    nik = next(
        w["nik"]
        for w in workers["workers"]
        if w["nik"] and w["status"] in ("draft", "verified", "registered")
    )
    code, first = cli(
        "payments",
        "self",
        pid,
        "--nik",
        nik,
        "--receipt",
        "KW-9",
        "--month",
        "2026-02",
        "--to",
        "2026-03",
        "--amount",
        "33600",
        "--date",
        "2026-03-01",
    )
    assert code == 0 and first["duplicate"] is False
    code, dup = cli(
        "payments",
        "self",
        pid,
        "--nik",
        nik,
        "--receipt",
        "KW-9",
        "--month",
        "2026-02",
        "--to",
        "2026-03",
        "--amount",
        "33600",
        "--date",
        "2026-03-01",
    )
    assert code == 0 and dup["duplicate"] is True and dup["id"] == first["id"]
    code, err = cli(
        "payments", "self", pid, "--nik", nik, "--receipt", "KW-10", "--month", "2026-04", "--amount", "-5"
    )
    assert code == 2 and err["error"]["code"] == "payment.amount_invalid"
    code, err = cli("payments", "funder", pid, "--invoice", "X", "--month", "2025-08", "--amount", "1")
    assert code == 2 and err["error"]["code"] == "payment.invoice_mismatch"
    code, err = cli("calendar", pid, "--month", "2025-13")
    assert code == 2 and err["error"]["code"] == "usage.month"

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Kuitansi", "NIK", "Bulan", "Sampai", "Jumlah", "Tanggal"])
    wb.active.append(["KW-9", nik, "2026-02", "2026-03", 33_600, "2026-03-01"])  # already recorded
    wb.active.append(["KW-11", nik, "2026-01", None, 16_800, "2026-03-01"])  # a funded month: rejected
    path = tmp_path / "bayar.xlsx"
    wb.save(path)
    code, imported = cli("payments", "import", pid, str(path))
    assert code == 1 and imported["rejected"] == 1 and imported["duplicates"] == 1
    assert imported["errors"][0]["row"] == 3 and imported["errors"][0]["code"] == "payment.funded_month"

    code, rev = cli("payments", "reverse", str(first["id"]), "--reason", "salah input")
    assert code == 0 and rev["amount"] == -33_600
    code, listed = cli("payments", "list", pid)
    assert code == 0 and {p["receipt"] for p in listed["self"]} >= {"KW-9"}
    code, stats = cli("stats")
    assert stats["programs"] == 1 and stats["enrollments"] > 0 and stats["payments"] == 1

    code, err = cli("program", "budget", "999")
    assert code == 2 and err["error"]["code"] == "programme.not_found"


def test_events_add_list_claim_and_errors(cli) -> None:  # type: ignore[no-untyped-def]
    _, created = cli(
        "program", "create", "--name", "BS", "--funder", "APBD", "--start", "2025-08", "--funded-months", "6"
    )
    pid = str(created["id"])
    cli("program", "enroll", pid, "--all")
    _, workers = cli("workers", "list")
    w = next(w for w in workers["workers"] if w["nik"] and w["status"] in ("draft", "verified", "registered"))
    death = ["events", "add", "--nik", w["nik"], "--kind", "death", "--date", "2026-02-10", "--program", pid]
    heir = [
        "--heir-name",
        " Siti  Aminah ",
        "--heir-relationship",
        "spouse",
        "--heir-phone",
        "+62 812 3456 7890",
    ]

    code, err = cli(*death, "--heir-phone", "12ab")
    assert code == 2 and err["error"]["code"] == "phone.format"
    code, err = cli("events", "add", "--nik", "1903000000000000", "--kind", "death", "--date", "2026-02-10")
    assert code == 2 and err["error"]["code"] == "payment.worker_unknown"
    code, err = cli(*death[:-2], "--date", "2026-04-01")  # after the fixed clock's today
    assert code == 2 and err["error"]["code"] == "event.date_future"

    code, event = cli(*death, *heir)
    assert code == 0
    assert (event["name"], event["kind"], event["heir_name"], event["heir_phone"]) == (
        w["name"],
        "death",
        "Siti Aminah",
        "081234567890",
    )
    assert event["jkm_benefit"] == 42_000_000 and event["claim_status"] == "reported"
    code, err = cli(*death)
    assert code == 2 and err["error"]["code"] == "event.already_deceased"
    _, after = cli("workers", "list")
    assert next(x for x in after["workers"] if x["nik"] == w["nik"])["status"] == "deceased"

    code, claimed = cli(
        "events", "claim", str(event["id"]), "--status", "submitted", "--notes", "berkas lengkap"
    )
    assert code == 0 and claimed == {"id": event["id"], "claim_status": "submitted"}
    code, listed = cli("events", "list", "--program", pid)
    assert code == 0 and [(e["id"], e["claim_status"], e["notes"]) for e in listed["events"]] == [
        (event["id"], "submitted", "berkas lengkap")
    ]
    _, by_worker = cli("events", "list", "--nik", w["nik"])
    assert [e["id"] for e in by_worker["events"]] == [event["id"]]
    code, err = cli("events", "claim", "999999", "--status", "paid")
    assert code == 2 and err["error"]["code"] == "event.not_found"


def test_amounts_beyond_two_billion_rupiah_are_kept_exactly(cli) -> None:  # type: ignore[no-untyped-def]
    """A regency's six-month invoice runs to billions of rupiah: 64-bit on every engine (PostgreSQL too)."""
    _, created = cli(
        "program",
        "create",
        "--name",
        "Besar",
        "--funder",
        "APBD",
        "--start",
        "2025-08",
        "--funded-months",
        "6",
    )
    pid = str(created["id"])
    cli("program", "enroll", pid, "--all")
    amount = 9_638_596_800  # 95,621 workers × 6 months × Rp16.800
    code, paid = cli(
        "payments", "funder", pid, "--invoice", "INV-BESAR", "--month", "2025-08", "--to", "2026-01",
        "--amount", str(amount), "--date", "2026-02-01", "--accept-difference",
    )  # fmt: skip
    assert code == 0 and paid["amount"] == amount
    assert sum(m["paid"] for m in paid["months"]) == amount
    _, budget = cli("program", "budget", pid)
    assert budget["paid"] == amount

"""The holiday list (edit, move, fixed dates, import) and worker events/exits against a real database."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.programme import EventKind, ExitReason, Funder, Month, ProgrammeData, WorkerEvent
from jamsos_desktop.domain.worker_types import WorkerStatus
from jamsos_desktop.services.demo import generate_demo

NOW = datetime(2026, 3, 20, 9, 0)


@pytest.fixture
def ctx(context):  # type: ignore[no-untyped-def]
    context.clock = lambda: NOW
    generate_demo(
        context.unit_of_work, context.region_table(), context.regency(), workers=20, seed=5, now=NOW, user="t"
    )
    return context


def programme(ctx, **changes):  # type: ignore[no-untyped-def]
    data = dict(
        name="Bangka Selatan 2025", funders=(Funder("APBD"),), start=Month.of(2025, 8), funded_months=6
    )
    data.update(changes)
    return ctx.programmes.create(ProgrammeData(**data))  # type: ignore[arg-type]


def test_holiday_add_move_rename_remove_moves_the_due_date(ctx) -> None:  # type: ignore[no-untyped-def]
    p = programme(ctx)
    nov = Month.of(2025, 11)
    assert ctx.calendar.month_view(p.id, nov).due_date == date(2025, 11, 17)  # Saturday 15th -> Monday
    ctx.programmes.set_holiday(date(2025, 11, 17), "  Libur  daerah ")
    assert ctx.programmes.holidays(2025) == [(date(2025, 11, 17), "Libur daerah")]
    assert ctx.calendar.grid(p.id).due_dates[3] == date(2025, 11, 18)
    # Moving it to another day: one holiday, at its new date; the due date goes back.
    ctx.programmes.set_holiday(date(2025, 11, 20), "Libur daerah", replacing=date(2025, 11, 17))
    assert ctx.programmes.holidays(2025) == [(date(2025, 11, 20), "Libur daerah")]
    assert ctx.calendar.month_view(p.id, nov).due_date == date(2025, 11, 17)
    ctx.programmes.set_holiday(date(2025, 11, 20), "Hari jadi kabupaten")
    assert ctx.programmes.holidays(2025) == [(date(2025, 11, 20), "Hari jadi kabupaten")]
    assert ctx.programmes.remove_holiday(date(2025, 11, 20))
    assert not ctx.programmes.remove_holiday(date(2025, 11, 20))
    assert ctx.programmes.holidays() == []


def test_holiday_bad_input_changes_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.programmes.set_holiday(date(2026, 3, 19), "Hari Suci Nyepi")
    ctx.programmes.set_holiday(date(2026, 3, 20), "Idulfitri")
    with pytest.raises(JamsosError) as e:
        ctx.programmes.set_holiday(date(2026, 5, 1), "   ")
    assert e.value.code == "holiday.name_required"
    with pytest.raises(JamsosError) as e:
        ctx.programmes.set_holiday(date(2026, 5, 1), "x" * 121)
    assert e.value.code == "holiday.name_too_long"
    with pytest.raises(JamsosError) as e:
        ctx.programmes.set_holiday(date(1926, 5, 1), "Salah ketik")
    assert e.value.code == "holiday.invalid"
    with pytest.raises(JamsosError) as e:  # moving onto a date already listed
        ctx.programmes.set_holiday(date(2026, 3, 20), "Nyepi", replacing=date(2026, 3, 19))
    assert e.value.code == "holiday.exists" and "Idulfitri" in e.value.message("id")
    with pytest.raises(JamsosError) as e:
        ctx.programmes.set_holiday(date(2026, 3, 25), "X", replacing=date(2026, 3, 24))
    assert e.value.code == "holiday.not_found"
    assert ctx.programmes.holidays(2026) == [
        (date(2026, 3, 19), "Hari Suci Nyepi"),
        (date(2026, 3, 20), "Idulfitri"),
    ]


def test_fixed_holidays_of_a_year_keep_names_already_entered(ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.programmes.set_holiday(date(2027, 8, 17), "HUT RI ke-82")
    assert ctx.programmes.add_fixed_holidays(2027) == 4
    assert ctx.programmes.add_fixed_holidays(2027) == 0
    days = dict(ctx.programmes.holidays(2027))
    assert days[date(2027, 8, 17)] == "HUT RI ke-82"
    assert days[date(2027, 12, 25)] == "Hari Raya Natal"
    assert ctx.programmes.holiday_years() == [2027]
    with pytest.raises(JamsosError):
        ctx.programmes.add_fixed_holidays(1900)


def test_import_a_years_list_from_csv(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx.programmes.set_holiday(date(2026, 3, 20), "Idul Fitri")
    path = tmp_path / "libur-2026.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Daftar libur nasional dan cuti bersama 2026"])
        w.writerow(["No", "Tanggal", "Keterangan"])
        w.writerow(["1", "19-03-2026", "Hari Suci Nyepi"])
        w.writerow(["2", "20-03-2026", "Idulfitri 1447 H"])
        w.writerow(["3", "2026-03-23", "Cuti bersama Idulfitri"])
        w.writerow(["4", "31-02-2026", "Tanggal salah"])
        w.writerow(["5", "25-12-2026", ""])
    dry = ctx.programmes.import_holidays(path, dry_run=True)
    assert (dry.added, dry.updated, len(dry.rejected)) == (2, 1, 2)
    assert len(ctx.programmes.holidays(2026)) == 1  # a dry run writes nothing
    done = ctx.programmes.import_holidays(path)
    assert (done.read, done.added, done.updated, done.unchanged) == (5, 2, 1, 0)
    assert [row for row, _ in done.rejected] == [6, 7]  # spreadsheet row numbers
    assert done.years == (2026,)
    assert dict(ctx.programmes.holidays(2026))[date(2026, 3, 20)] == "Idulfitri 1447 H"
    again = ctx.programmes.import_holidays(path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_import_without_the_columns_is_refused(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "salah.csv"
    path.write_text("nama;alamat\nA;B\n", encoding="utf-8")
    with pytest.raises(JamsosError) as e:
        ctx.programmes.import_holidays(path)
    assert e.value.code == "holiday.columns_missing"
    assert ctx.programmes.holidays() == []


def enrolled_worker(ctx, p) -> int:  # type: ignore[no-untyped-def]
    ctx.programmes.enrol(p.id, everyone=True)
    return ctx.programmes.search_enrolled(p.id, "", limit=1)[0][0]


def test_death_ends_months_once_and_checks_the_heir(ctx) -> None:  # type: ignore[no-untyped-def]
    p = programme(ctx)
    wid = enrolled_worker(ctx, p)
    before = ctx.calendar.grid(p.id).totals
    with pytest.raises(JamsosError) as e:
        ctx.programmes.record_event(
            WorkerEvent(wid, EventKind.DEATH, date(2025, 12, 9), programme_id=p.id, heir_phone="12ab")
        )
    assert e.value.code == "phone.format"
    assert ctx.programmes.enrolment(p.id, wid).end is None  # nothing half-written
    event = ctx.programmes.record_event(
        WorkerEvent(
            wid,
            EventKind.DEATH,
            date(2025, 12, 9),
            programme_id=p.id,
            heir_name=" Siti  Aminah ",
            heir_relationship="spouse",
            heir_phone="+62 812-3456-7890",
        )
    )
    assert (event.heir_name, event.heir_phone) == ("Siti Aminah", "081234567890")
    assert ctx.programmes.enrolment(p.id, wid).end == Month.of(2025, 12)
    worker = ctx.registry.get(wid)  # the registry follows: the worker is marked deceased from that day
    assert (worker.status, worker.end_date) == (WorkerStatus.DECEASED, date(2025, 12, 9))
    after = ctx.calendar.grid(p.id).totals
    jan = Month.of(2026, 1).index - p.start.index
    assert after[jan].funder_count == before[jan].funder_count - 1
    assert after[jan - 1].funder_count == before[jan - 1].funder_count  # December is still covered
    with pytest.raises(JamsosError) as e:
        ctx.programmes.record_event(WorkerEvent(wid, EventKind.DEATH, date(2025, 12, 10), programme_id=p.id))
    assert e.value.code == "event.already_deceased"
    assert len(ctx.programmes.events(programme_id=p.id)) == 1


def test_moving_away_ends_the_enrolment(ctx) -> None:  # type: ignore[no-untyped-def]
    p = programme(ctx)
    wid = enrolled_worker(ctx, p)
    assert ctx.programmes.exit_worker(wid, exit_date=date(2026, 2, 3), reason=ExitReason.MOVED) == 1
    e = ctx.programmes.enrolment(p.id, wid)
    assert (e.end, e.exit_reason, e.exit_date) == (Month.of(2026, 2), "moved", date(2026, 2, 3))
    strip = ctx.calendar.worker_strip(p.id, wid)
    assert strip.months[-1].month == Month.of(2026, 2)
    assert (strip.exit_date, strip.exit_reason) == (date(2026, 2, 3), "moved")
    # Ending again later changes nothing.
    assert ctx.programmes.exit_worker(wid, exit_date=date(2026, 3, 3), reason=ExitReason.WITHDRAWN) == 0
    with pytest.raises(JamsosError):
        ctx.programmes.exit_worker(999_999, exit_date=date(2026, 2, 3), reason=ExitReason.MOVED)

"""The sync page as an office clerk uses it: import a station's package in the background, see the
station in the inbox, review a conflict side by side and choose a value."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.worker import WorkerData, WorkerQuery
from jamsos_desktop.domain.worker_types import Sex
from jamsos_desktop.ui.sync.page import SyncPage

MUNIP = WorkerData(
    name="Munip", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code="19.03.01.2008",
    nik="1903011208902835", phone="081211112222",
)  # fmt: skip


def _edit_phone(ctx, value: str) -> None:  # type: ignore[no-untyped-def]
    [worker_id] = ctx.registry.search_ids(WorkerQuery())
    worker = ctx.registry.get(worker_id)
    data = WorkerData(**{name: getattr(worker, name) for name in WorkerData.__dataclass_fields__})
    ctx.registry.update(worker.id, replace(data, phone=value), expected_version=worker.version)


def test_import_review_and_resolve(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office = open_context(data_dir=tmp_path / "office")
    station = open_context(data_dir=tmp_path / "station")
    for ctx, minute in ((office, 0), (station, 30)):
        ctx.clock = lambda minute=minute: datetime(2026, 11, 24, 9, minute)
    try:
        office.sync.register_station("Rias", ["19.03.01.2008"], tmp_path / "rias.station")
        station.sync.join(tmp_path / "rias.station")
        station.registry.register(MUNIP)
        station.sync.export(tmp_path / "1.jamsync")
        office.sync.import_package(tmp_path / "1.jamsync")
        _edit_phone(office, "081333334444")
        _edit_phone(station, "081355556666")
        station.sync.export(tmp_path / "2.jamsync")

        page = SyncPage(office)
        qtbot.addWidget(page)
        assert page.objectName() == "syncPage"
        qtbot.waitUntil(lambda: page.stations.rowCount() == 1)
        assert page.stations.item(0, 0).text() == "Rias"

        with qtbot.waitSignal(page.finished, timeout=20_000) as blocker:
            page.import_file(tmp_path / "2.jamsync")
        assert blocker.args[0].conflicts == 1
        qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1, timeout=10_000)
        # The clerk reads sentences, not the service's record, and they stay after the page refreshed.
        assert page.status.text().startswith("Paket dari Rias diterapkan: pekerja baru 0, diubah 1, konflik 1.")
        assert "{" not in page.status.text()
        assert page.identity.text() == "Komputer ini: Kantor 19.03"
        assert {page.conflicts.item(0, 2).text(), page.conflicts.item(0, 3).text()} == {
            "081333334444",
            "081355556666",
        }
        other = page.conflicts.item(0, 3).text()

        page.conflicts.selectRow(0)
        with qtbot.waitSignal(page.refreshed, timeout=20_000):
            page.keep_other.click()
        qtbot.waitUntil(lambda: page.conflicts.rowCount() == 0, timeout=10_000)
        assert office.sync.counts() == (1, 0)
        assert [w.phone for w in office.registry.summaries(office.registry.search_ids(WorkerQuery()))] == [
            other
        ]
    finally:
        office.close()
        station.close()


def test_refused_package_shows_the_sentence(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office = open_context(data_dir=tmp_path / "office")
    try:
        office.sync.register_station("Rias", [], tmp_path / "rias.station")
        bad = tmp_path / "bad.jamsync"
        bad.write_bytes(b"PK\x03\x04 not really a zip")
        page = SyncPage(office)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.finished, timeout=20_000) as blocker:
            page.import_file(bad)
        assert getattr(blocker.args[0], "code", "") == "sync.package_damaged"
        assert "rusak" in page.status.text()
    finally:
        office.close()


def test_the_same_nik_from_two_laptops_is_merged_from_the_conflict_list(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office = open_context(data_dir=tmp_path / "office")
    laptops = [open_context(data_dir=tmp_path / name) for name in ("rias", "labu")]
    try:
        for minute, (ctx, name) in enumerate(zip(laptops, ("Rias", "Labu"), strict=True)):
            office.sync.register_station(name, ["19.03.01.2008"], tmp_path / f"{name}.station")
            ctx.sync.join(tmp_path / f"{name}.station")
            ctx.clock = lambda minute=minute: datetime(2026, 11, 24, 9, minute)
            ctx.registry.register(replace(MUNIP, name="Munip" if minute == 0 else "Munip Hasan"))
            ctx.sync.export(tmp_path / f"{name}.jamsync")
            office.sync.import_package(tmp_path / f"{name}.jamsync")
        page = SyncPage(office)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1, timeout=10_000)
        # The clerk reads which field and who else holds the value (not a column name and the same number twice).
        shown, held_by = page.conflicts.item(0, 0).text(), page.conflicts.item(0, 3).text()
        assert page.conflicts.item(0, 1).text() == "NIK" and page.conflicts.item(0, 2).text() == MUNIP.nik
        other_name = ({"Munip", "Munip Hasan"} - {shown}).pop()
        assert held_by == f"{MUNIP.nik} \u2014 juga dipakai {other_name}"
        page.conflicts.selectRow(0)
        assert page.merge_keep_this.isEnabled() and not page.keep_shown.isHidden()
        with qtbot.waitSignal(page.finished, timeout=20_000) as blocker:
            page.merge_keep_this.click()
        assert blocker.args[0].winner != blocker.args[0].loser
        qtbot.waitUntil(lambda: page.conflicts.rowCount() == 0, timeout=10_000)
        workers = office.registry.summaries(office.registry.search_ids(WorkerQuery()))
        by_nik = {w.nik: w for w in workers}
        assert MUNIP.nik in by_nik and by_nik[MUNIP.nik].name == "Munip Hasan"  # the record kept took the NIK
    finally:
        office.close()
        for ctx in laptops:
            ctx.close()


def test_station_sees_unsent_records_and_the_office_what_a_package_brought(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.programme import Funder, FunderKind, Month, ProgrammeData

    office = open_context(data_dir=tmp_path / "office")
    station = open_context(data_dir=tmp_path / "station")
    for ctx, minute in ((office, 0), (station, 30)):
        ctx.clock = lambda minute=minute: datetime(2026, 11, 24, 9, minute)
    try:
        office.programmes.create(ProgrammeData(
            name="Bangka Selatan 2026", funders=(Funder("APBD", FunderKind.APBD_KABUPATEN),),
            start=Month.of(2026, 1), funded_months=2, income=1_000_000, quota=None,
        ))  # fmt: skip
        office.sync.register_station("Rias", ["19.03.01.2008"], tmp_path / "rias.station")
        station.sync.join(tmp_path / "rias.station")
        office.sync.export(tmp_path / "ack.jamsync", "Rias")
        station.sync.import_package(tmp_path / "ack.jamsync")
        worker = station.registry.register(MUNIP).worker
        station.programmes.enrol(1, worker_ids=[worker.id])
        station.payments.record_self_payment(1, receipt="KW-1", first="2026-03", amount=16_800, worker_id=worker.id)
        from jamsos_desktop.domain.programme import EventKind, WorkerEvent

        station.programmes.record_event(WorkerEvent(worker_id=worker.id, kind=EventKind.ACCIDENT,
                                                    event_date=date(2026, 11, 20), programme_id=1))  # fmt: skip
        station.sync.capture()

        page = SyncPage(station)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: "kepesertaan 1" in page.records.text(), timeout=10_000)
        assert page.records.objectName() == "syncRecords"
        assert "Belum dikirim: 1 perubahan data pekerja" in page.records.text()
        assert "iuran mandiri 1, peristiwa (meninggal/kecelakaan) 1" in page.records.text()
        with qtbot.waitSignal(page.finished, timeout=20_000):
            page.export_file(tmp_path / "1.jamsync")
        with qtbot.waitSignal(page.refreshed, timeout=20_000):
            pass  # the refresh after the export: the result stays
        assert not page.keep_shown.isEnabled() and not page.merge_keep_this.isEnabled()  # no conflict to review
        assert "kepesertaan 1, iuran mandiri 1, peristiwa (meninggal/kecelakaan) 1" in page.status.text()
        assert page.status.text().startswith("Paket untuk Kantor 19.03 ditulis: 1 pekerja (1 perubahan), nomor urut 1.")

        inbox = SyncPage(office)
        qtbot.addWidget(inbox)
        qtbot.waitUntil(lambda: inbox.identity.text() != "", timeout=10_000)  # its first refresh is done
        with qtbot.waitSignal(inbox.finished, timeout=20_000) as blocker:
            inbox.import_file(tmp_path / "1.jamsync")
        assert blocker.args[0].written == {"enrolment": 1, "self_payment": 1, "worker_event": 1}
        assert (
            "ditulis: kepesertaan 1, iuran mandiri 1, peristiwa (meninggal/kecelakaan) 1; menunggu 0, ditahan 0"
            in inbox.status.text()
        )
        with qtbot.waitSignal(inbox.finished, timeout=20_000):
            inbox.import_file(tmp_path / "1.jamsync")
        with qtbot.waitSignal(inbox.refreshed, timeout=20_000):
            pass
        assert inbox.status.text() == "Paket ini sudah pernah diimpor: tidak ada yang berubah."
    finally:
        office.close()
        station.close()

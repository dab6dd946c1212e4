"""The worker form driven as a clerk would: type a NIK, read what it says, save, fix what is red."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from jamsos_desktop.domain.nik import make_nik
from jamsos_desktop.domain.worker import WorkerQuery
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex, WorkerStatus
from jamsos_desktop.ui.workers.form import WorkerFormDialog, parse_date

TOBOALI = "19.03.01"
RIAS = "19.03.01.2008"

# A woman from Toboali born 17 August 1985 (day 17 + 40 = 57).
NIK_SITI = make_nik(TOBOALI, date(1985, 8, 17), Sex.FEMALE, 2)


def open_form(page) -> WorkerFormDialog:  # type: ignore[no-untyped-def]
    page.addButton.click()
    dialog = page.dialog
    assert isinstance(dialog, WorkerFormDialog)
    assert dialog.objectName() == "workerForm"
    return dialog


def child(dialog: QWidget, name: str) -> QWidget:
    found = dialog.findChild(QWidget, name)
    assert found is not None, name
    return found


def problem(dialog: QWidget, name: str) -> str:
    """The highlight the form put on a field: "", "warning" or "error"."""
    return child(dialog, name).property("problem") or ""


def fill_minimum(qtbot, dialog: WorkerFormDialog, *, nik: str = NIK_SITI, name: str = "Siti Aminah") -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(child(dialog, "nikEdit"), nik)
    qtbot.keyClicks(child(dialog, "nameEdit"), name)
    village = child(dialog, "villageCombo")
    village.setCurrentIndex(village.findData(RIAS))


def test_typing_a_nik_shows_what_it_encodes_and_fills_date_and_sex(qtbot, page):  # type: ignore[no-untyped-def]
    dialog = open_form(page)
    info: QLabel = dialog.findChild(QLabel, "nikInfoLabel")

    qtbot.keyClicks(child(dialog, "nikEdit"), NIK_SITI[:10])
    assert "10 dari 16 digit" in info.text()

    qtbot.keyClicks(child(dialog, "nikEdit"), NIK_SITI[10:])
    assert "17 Agustus 1985" in info.text()
    assert "Perempuan" in info.text()
    assert "Toboali" in info.text()
    assert child(dialog, "birthDateEdit").text() == "17-08-1985"
    assert child(dialog, "sexCombo").currentData() == Sex.FEMALE
    assert problem(dialog, "nikEdit") == ""


def test_sex_and_birth_date_mismatch_are_warnings_not_blocks(qtbot, page, ui_context):  # type: ignore[no-untyped-def]
    dialog = open_form(page)
    qtbot.keyClicks(child(dialog, "birthDateEdit"), "01-02-1990")
    sex = child(dialog, "sexCombo")
    sex.setCurrentIndex(sex.findData(Sex.MALE))
    fill_minimum(qtbot, dialog)

    text = dialog.findChild(QLabel, "nikInfoLabel").text()
    assert "bukan 01-02-1990" in text  # nik.birth_date_mismatch
    assert "bukan Laki-laki" in text  # nik.sex_mismatch
    assert problem(dialog, "nikEdit") == "warning"
    # The clerk typed the date and sex himself: the NIK never overwrites them.
    assert child(dialog, "birthDateEdit").text() == "01-02-1990"

    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    saved = ui_context.registry.list(WorkerQuery(text="Siti"))
    assert [(w.sex, w.birth_date) for w in saved] == [(Sex.MALE, date(1990, 2, 1))]


def test_filled_form_saves_and_search_finds_the_worker(qtbot, page, ui_context):  # type: ignore[no-untyped-def]
    dialog = open_form(page)
    fill_minimum(qtbot, dialog)
    qtbot.keyClicks(child(dialog, "phoneEdit"), "+62 812-7000-1234")
    occupation = child(dialog, "occupationCombo")
    occupation.setCurrentText("Nelayan")
    dialog.ui.addHeirButton.click()
    dialog.ui.heirsTable.item(0, 0).setText("Rudi Hartono")
    relation = dialog.ui.heirsTable.cellWidget(0, 1)
    relation.setCurrentIndex(relation.findData(HeirRelationship.SPOUSE))

    with qtbot.waitSignal(dialog.saved) as blocker:
        qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    worker = ui_context.registry.get(blocker.args[0])
    assert worker.nik == NIK_SITI
    assert worker.phone == "081270001234"
    assert worker.occupation == "Nelayan"
    assert worker.status is WorkerStatus.DRAFT
    assert [(h.name, h.relationship) for h in worker.heirs] == [("Rudi Hartono", HeirRelationship.SPOUSE)]

    search = page.findChild(QWidget, "workerSearchEdit")
    qtbot.keyClicks(search, "siti")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, 0)) == "Siti Aminah"
    search.clear()
    qtbot.keyClicks(search, NIK_SITI[:8])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.countLabel.text() == "1 pekerja"


def test_duplicate_nik_is_caught_before_saving_with_a_link_to_the_record(qtbot, page, ui_context, add_worker):  # type: ignore[no-untyped-def]
    existing = add_worker("Hj. Rohani", born=date(1985, 8, 17), sex=Sex.FEMALE, nik=NIK_SITI)
    page.refresh(wait=True)
    dialog = open_form(page)
    qtbot.keyClicks(child(dialog, "nikEdit"), NIK_SITI)

    frame = child(dialog, "duplicateFrame")
    assert frame.isVisible()
    assert "NIK ini sudah terdaftar atas nama Hj. Rohani" in dialog.ui.duplicateLabel.text()
    assert dialog.ui.openExistingButton.text() == "Buka data Hj. Rohani"

    # Saving anyway is refused, with the reason in the form.
    fill_minimum(qtbot, dialog, nik="", name="Orang Lain")
    qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert ui_context.registry.stats().total == 1

    with qtbot.waitSignal(dialog.openWorkerRequested):
        qtbot.mouseClick(dialog.ui.openExistingButton, Qt.MouseButton.LeftButton)
    opened = page.dialog
    assert isinstance(opened, WorkerFormDialog) and opened is not dialog
    assert opened.worker_id == existing.id
    assert opened.ui.nameEdit.text() == "Hj. Rohani"
    assert not opened.ui.duplicateFrame.isVisible()  # his own NIK is no duplicate
    assert page.selected_id() == existing.id


def test_invalid_nik_says_why_in_the_form_and_saves_nothing(qtbot, page, ui_context):  # type: ignore[no-untyped-def]
    dialog = open_form(page)
    fill_minimum(qtbot, dialog, nik="1903013213850001")  # day 32, month 13
    qtbot.keyClicks(child(dialog, "birthDateEdit"), "01-01-1985")
    sex = child(dialog, "sexCombo")
    sex.setCurrentIndex(sex.findData(Sex.MALE))
    info = dialog.findChild(QLabel, "nikInfoLabel")
    assert "bukan tanggal lahir yang mungkin" in info.text()
    assert problem(dialog, "nikEdit") == "error"

    qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "perlu diperbaiki" in dialog.ui.summaryLabel.text()
    assert ui_context.registry.stats().total == 0

    # A short NIK: the field says how many digits it has.
    child(dialog, "nikEdit").clear()
    qtbot.keyClicks(child(dialog, "nikEdit"), "19030157088")
    qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    assert "NIK harus 16 digit (sekarang 11 digit)" in info.text()
    assert ui_context.registry.stats().total == 0


def test_each_finding_is_shown_next_to_its_field(qtbot, page, ui_context):  # type: ignore[no-untyped-def]
    dialog = open_form(page)
    qtbot.keyClicks(child(dialog, "phoneEdit"), "12")
    qtbot.keyClicks(child(dialog, "kpjEdit"), "123")
    qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)

    def message(name: str) -> QLabel:
        label = dialog.findChild(QLabel, name)
        assert label is not None and label.isVisible(), name
        return label

    assert message("nameMessage").text() == "Nama wajib diisi."
    assert message("sexMessage").text() == "Pilih jenis kelamin."
    assert message("birthdateMessage").text() == "Tanggal lahir wajib diisi."
    assert message("villagecodeMessage").text() == "Pilih desa/kelurahan."
    assert "tidak dikenali" in message("phoneMessage").text()
    assert message("kpjMessage").text() == "Nomor KPJ harus 11 digit angka."
    assert "NIK wajib diisi" in dialog.findChild(QLabel, "nikInfoLabel").text()
    assert problem(dialog, "nameEdit") == "error"
    assert dialog.focusWidget() is not None
    assert ui_context.registry.stats().total == 0

    # Fixing a field and saving again clears its message.
    qtbot.keyClicks(child(dialog, "nameEdit"), "Munip")
    qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    assert not dialog.findChild(QLabel, "nameMessage").isVisible()
    assert problem(dialog, "nameEdit") == ""


def test_a_new_warning_is_shown_once_then_the_clerk_may_save(qtbot, page, ui_context):  # type: ignore[no-untyped-def]
    dialog = open_form(page)
    child(dialog, "noNikCheck").click()
    qtbot.keyClicks(child(dialog, "nameEdit"), "Anak Muda")
    qtbot.keyClicks(child(dialog, "birthDateEdit"), "01-01-2014")
    sex = child(dialog, "sexCombo")
    sex.setCurrentIndex(sex.findData(Sex.MALE))
    village = child(dialog, "villageCombo")
    village.setCurrentIndex(village.findData(RIAS))

    qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Umur 12 tahun" in dialog.findChild(QLabel, "birthdateMessage").text()
    assert ui_context.registry.stats().total == 0

    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    assert ui_context.registry.stats().without_nik == 1


def test_someone_elses_save_is_never_overwritten(qtbot, page, ui_context, add_worker):  # type: ignore[no-untyped-def]
    worker = add_worker("Irman")
    page.refresh(wait=True)
    assert page.select_worker(worker.id)
    page.editButton.click()
    dialog = page.dialog
    assert isinstance(dialog, WorkerFormDialog) and dialog.worker_id == worker.id

    # Another clerk saves first.
    other = ui_context.registry.get(worker.id)
    from dataclasses import replace

    ui_context.registry.update(
        worker.id, replace(other, phone="081299990000"), expected_version=other.version
    )

    dialog.ui.nameEdit.setText("Irman Saputra")
    qtbot.mouseClick(child(dialog, "saveButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "baru saja diubah" in dialog.ui.summaryLabel.text()
    assert ui_context.registry.get(worker.id).name == "Irman"


def test_district_filters_villages_and_village_sets_district(qtbot, page):  # type: ignore[no-untyped-def]
    dialog = open_form(page)
    district, village = dialog.ui.districtCombo, dialog.ui.villageCombo
    everything = village.count()
    district.setCurrentIndex(district.findData("19.03.02"))
    assert 1 < village.count() < everything
    assert all(village.itemData(i).startswith("19.03.02.") for i in range(1, village.count()))

    district.setCurrentIndex(0)
    village.setCurrentIndex(village.findData(RIAS))
    assert district.currentData() == TOBOALI
    assert dialog.village_code() == RIAS


def test_parse_date_accepts_what_clerks_type() -> None:
    assert parse_date("17-08-1985") == date(1985, 8, 17)
    assert parse_date("17/8/1985") == date(1985, 8, 17)
    assert parse_date("17081985") == date(1985, 8, 17)
    assert parse_date("31-02-1985") is None
    assert parse_date("") is None

"""The first-run wizard, driven as a clerk would, on a real database (open_context on a temp folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWizard

from jamsos_desktop.app import open_context
from jamsos_desktop.ui.first_run import (
    DataFolderPage,
    FirstRunWizard,
    SetupChoices,
    apply_setup,
    first_run_needed,
)


@pytest.fixture
def fresh(tmp_path: Path):  # type: ignore[no-untyped-def]
    ctx = open_context(data_dir=tmp_path / "data")
    yield ctx
    ctx.close()


@pytest.fixture
def logo_file(tmp_path: Path) -> Path:
    image = QImage(64, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor("#2f6aa3"))
    path = tmp_path / "Logo Dinsos.PNG"
    assert image.save(str(path), "PNG")
    return path


def _next(qtbot, wizard: QWizard) -> None:  # type: ignore[no-untyped-def]
    before = wizard.currentId()
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), wizard.currentPage().objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before)


def test_needed_until_done_and_never_when_switched_off(fresh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("JAMSOS_NO_FIRST_RUN", raising=False)
    assert first_run_needed(fresh)
    monkeypatch.setenv("JAMSOS_NO_FIRST_RUN", "1")
    assert not first_run_needed(fresh)
    monkeypatch.delenv("JAMSOS_NO_FIRST_RUN")
    fresh.settings.set("setup_done", "1")
    assert not first_run_needed(fresh)


def test_a_clerk_sets_up_the_office_with_logo_and_first_programme(
    qtbot, styled_app, fresh, logo_file: Path
) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)

    office = wizard.officePage
    assert office.regency() == "19.03"  # Bangka Selatan by default
    office.officeEdit.clear()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(office.officeEdit, "Dinsos PPPA Kabupaten Bangka Selatan")
    _next(qtbot, wizard)

    assert wizard.currentPage() is wizard.logoPage
    assert wizard.logoPage.set_logo(logo_file)
    _next(qtbot, wizard)

    admin = wizard.administratorPage
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "kata sandi" in admin.findChild(QLabel, "administratorNote").text()
    qtbot.keyClicks(admin.nameEdit, "Hj. Siti Ma'rifah")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # the account needs a password
    qtbot.keyClicks(admin.passwordEdit, "kata-sandi-kantor")
    qtbot.keyClicks(admin.confirmEdit, "kata-sandi-lain")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    admin.confirmEdit.setText("kata-sandi-kantor")
    _next(qtbot, wizard)

    assert wizard.currentPage() is wizard.dataFolderPage
    assert wizard.dataFolderPage.isComplete()  # a temp folder on the local disk is fine
    _next(qtbot, wizard)

    page = wizard.programmePage
    assert page is not None and wizard.currentPage() is page
    page.createCheck.setChecked(True)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.keyClicks(page.nameEdit, "Perlindungan Pekerja Rentan 2025")
    qtbot.keyClicks(page.funderEdit, "APBD Kabupaten Bangka Selatan")
    page.set_start(2025, 8)
    assert page.startCombo.currentText() == "Agustus 2025"
    assert page.monthsSpin.value() == 6
    with qtbot.waitSignal(wizard.finished, timeout=5000) as finished:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert (
        finished.args == [QWizard.DialogCode.Accepted.value] or wizard.result() == QWizard.DialogCode.Accepted
    )

    settings = fresh.settings
    assert settings.get("setup_done") == "1"
    assert settings.get("office_name") == "Dinsos PPPA Kabupaten Bangka Selatan"
    assert settings.get("administrator_name") == "Hj. Siti Ma'rifah"
    [account] = fresh.users.list()  # the administrator's account, logged in for this session
    assert account.username == "admin" and account.role.value == "administrator"
    assert fresh.access.actor.username == "admin"
    assert settings.get("office_logo") == "branding/logo.png"
    assert (fresh.data_dir / "branding" / "logo.png").read_bytes() == logo_file.read_bytes()
    [programme] = fresh.programmes.list()
    assert programme.name == "Perlindungan Pekerja Rentan 2025"
    assert (programme.start.year, programme.start.month) == (2025, 8)
    assert programme.funded_months == 6
    assert not first_run_needed(fresh)


def test_other_regency_is_applied_to_an_empty_database(qtbot, styled_app, fresh) -> None:  # type: ignore[no-untyped-def]
    apply_setup(
        fresh, SetupChoices(office_name="Dinsos Kabupaten Bangka", regency="19.01", administrator="Irman")
    )
    assert fresh.regency() == "19.01"
    assert fresh.settings.get("setup_done") == "1"


def test_a_refused_setup_keeps_the_wizard_open_and_says_why(qtbot, styled_app, fresh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    shown: list[str] = []
    monkeypatch.setattr(wizard, "show_error", shown.append)
    wizard.logoPage.logo = Path("/nonexistent/logo.png")  # vanished after it was chosen
    wizard.officePage.officeEdit.setText("Dinsos")
    wizard.administratorPage.nameEdit.setText("Munip")
    wizard.accept()
    assert shown and wizard.result() != QWizard.DialogCode.Accepted
    assert fresh.settings.get("setup_done") != "1"


def test_cancelling_changes_nothing(qtbot, styled_app, fresh) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.officePage.officeEdit.setText("Something else")
    with qtbot.waitSignal(wizard.rejected, timeout=5000):
        wizard.reject()
    assert fresh.settings.get("office_name") == "Dinas Sosial"
    assert fresh.settings.get("setup_done") != "1"


def test_a_logo_that_is_not_an_image_is_refused(qtbot, styled_app, fresh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    bogus = tmp_path / "logo.png"
    bogus.write_text("not a picture", encoding="utf-8")
    assert not wizard.logoPage.set_logo(bogus)
    assert wizard.logoPage.logo is None
    assert wizard.logoPage.errorLabel.text()


@pytest.mark.parametrize(
    "folder",
    [
        r"C:\Users\ani\OneDrive - Pemkab Bangka Selatan\JamSos",
        r"\\server-dinsos\data\JamSos",
        "/home/ani/Dropbox/jamsos",
    ],
)
def test_a_synced_or_network_data_folder_must_be_accepted_explicitly(qtbot, styled_app, folder: str) -> None:  # type: ignore[no-untyped-def]
    page = DataFolderPage(Path(folder))
    qtbot.addWidget(page)
    assert page.problems
    assert not page.isComplete()
    assert page.verdict.text()  # says why, in a sentence
    page.acceptRisk.setChecked(True)
    assert page.isComplete()


def test_never_shown_where_nobody_can_answer_it(qtbot, styled_app, fresh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.first_run import run_first_run

    monkeypatch.delenv("JAMSOS_NO_FIRST_RUN", raising=False)
    assert first_run_needed(fresh)
    assert run_first_run(fresh) is False  # offscreen: returns at once instead of blocking on exec()
    assert first_run_needed(fresh)

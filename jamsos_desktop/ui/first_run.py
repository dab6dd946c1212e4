"""The first-run setup (*pengaturan awal*): a short wizard shown once, when the database has no office
set up yet (setting ``setup_done`` absent).

It asks for the office name and regency, a logo for cards and letterheads, the administrator, checks
that the data folder is not a cloud-synced folder or a network share, and offers to create the first
programme. Nothing is written until *Selesai*; what the clerk entered is applied by
:func:`apply_setup` in one go, which the tests call directly. Cancelling leaves the database as it was
and the wizard comes back on the next start.

Never shown by ``selftest``, in tests, or when ``JAMSOS_NO_FIRST_RUN=1``.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.formatting import MONTHS_EN, MONTHS_ID, format_money
from jamsos_desktop.domain.messages import render
from jamsos_desktop.domain.regions import Level
from jamsos_desktop.services.data_folder import FolderProblem, check_data_folder
from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.icons import app_icon

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext

LOGO_FOLDER = "branding"
LOGO_MAX_BYTES = 5_000_000
LOGO_FORMATS = ("png", "jpg", "jpeg", "bmp")


def first_run_needed(context: AppContext) -> bool:
    """True when the office has not been set up and nothing asked to skip the wizard."""
    if os.environ.get("JAMSOS_NO_FIRST_RUN") == "1":
        return False
    return context.settings.get("setup_done") != "1"


@dataclass
class ProgrammeChoice:
    name: str
    funder: str
    start: date  # the first funded month (day ignored)
    funded_months: int


@dataclass
class SetupChoices:
    """What the clerk entered, applied together by :func:`apply_setup`."""

    office_name: str
    regency: str
    administrator: str
    logo: Path | None = None
    programme: ProgrammeChoice | None = None
    #: The administrator's account (data safety): created when a password is given and none exists.
    username: str = ""
    password: str = ""


def apply_setup(context: AppContext, choices: SetupChoices) -> None:
    """Write the office setup (regency first: it is refused when workers of another regency exist)."""
    if choices.regency != context.regency():
        context.initialize(choices.regency)
    if choices.logo is not None:
        context.settings.set("office_logo", copy_logo(choices.logo, context.data_dir))
    if choices.programme is not None:
        create_programme(context, choices.programme)
    context.settings.set("office_name", choices.office_name.strip())
    context.settings.set("administrator_name", choices.administrator.strip())
    if choices.password and not context.users.has_users():
        context.users.create_first_administrator(choices.username, choices.administrator, choices.password)
        context.users.login(choices.username, choices.password)  # this session runs as the administrator
    context.settings.set("setup_done", "1")


def copy_logo(source: Path, data_dir: Path) -> str:
    """Copy the logo into the data folder (so it travels with backups); returns its relative name."""
    folder = data_dir / LOGO_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"logo{source.suffix.lower()}"
    for old in folder.glob("logo.*"):
        if old != target:
            old.unlink()
    shutil.copyfile(source, target)
    return f"{LOGO_FOLDER}/{target.name}"


def create_programme(context: AppContext, choice: ProgrammeChoice) -> None:
    from jamsos_desktop.domain.programme import Funder, FunderKind, Month, ProgrammeData

    data = ProgrammeData(
        name=choice.name.strip(),
        funders=(Funder(name=choice.funder.strip(), kind=FunderKind.APBD_KABUPATEN),),
        start=Month.of(choice.start.year, choice.start.month),
        funded_months=choice.funded_months,
    )
    context.programmes.create(data)


def programmes_available(context: AppContext) -> bool:
    service = getattr(context, "programmes", None)
    return callable(getattr(service, "create", None))


def _error_text(exc: JamsosError) -> str:
    findings = getattr(exc, "findings", None)
    if findings:
        return "\n".join(f.message(i18n.current()) for f in findings)
    return exc.message(i18n.current())


# -- pages -----------------------------------------------------------------------------------------------
class OfficePage(QWizardPage):
    """Office name and regency (province, then regency, from the Kemendagri table)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officePage")
        self.setTitle(self.tr("Kantor"))
        self.setSubTitle(
            self.tr(
                "Selamat datang di JamSos. Isi nama kantor dan kabupaten/kota tempat pekerja terdaftar. "
                "Semua ini bisa diubah nanti."
            )
        )
        self._regions = context.region_table()
        current = context.regency()

        self.officeEdit = QLineEdit(self)
        self.officeEdit.setObjectName("officeNameEdit")
        stored = context.settings.get("office_name")
        self.officeEdit.setText(stored)
        self.officeEdit.setPlaceholderText(self.tr("mis. Dinas Sosial PPPA Kabupaten Bangka Selatan"))
        self.provinceCombo = QComboBox(self)
        self.provinceCombo.setObjectName("provinceCombo")
        self.regencyCombo = QComboBox(self)
        self.regencyCombo.setObjectName("regencyCombo")
        for province in self._regions.provinces():
            self.provinceCombo.addItem(f"{province.name} ({province.code})", province.code)
        self.provinceCombo.currentIndexChanged.connect(self._fill_regencies)
        self.provinceCombo.setCurrentIndex(max(0, self.provinceCombo.findData(current.split(".")[0])))
        self._fill_regencies()
        self.regencyCombo.setCurrentIndex(max(0, self.regencyCombo.findData(current)))

        form = QFormLayout(self)
        form.addRow(self.tr("&Nama kantor"), self.officeEdit)
        form.addRow(self.tr("&Provinsi"), self.provinceCombo)
        form.addRow(self.tr("&Kabupaten/kota"), self.regencyCombo)
        hint = QLabel(
            self.tr(
                "Kabupaten/kota menentukan daftar kecamatan dan desa. Setelah ada pekerja terdaftar, "
                "kabupaten/kota tidak bisa diganti lagi."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        form.addRow(hint)
        self.officeEdit.textChanged.connect(self.completeChanged)

    def _fill_regencies(self) -> None:
        code = self.provinceCombo.currentData()
        self.regencyCombo.clear()
        if not code:
            return
        for region in self._regions.children(code):
            if region.level is Level.REGENCY:
                self.regencyCombo.addItem(f"{region.name} ({region.code})", region.code)

    def isComplete(self) -> bool:
        return bool(self.officeEdit.text().strip()) and bool(self.regencyCombo.currentData())

    def regency(self) -> str:
        return str(self.regencyCombo.currentData())


class LogoPage(QWizardPage):
    """An optional logo for cards and letterheads, copied into the data folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logoPage")
        self.setTitle(self.tr("Logo"))
        self.setSubTitle(
            self.tr(
                "Logo kantor untuk kartu dan kop surat (PNG atau JPG). Boleh dilewati dan dipasang nanti."
            )
        )
        self.logo: Path | None = None
        self.preview = QLabel(self)
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(140, 140)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px dashed #b9c6d3; background: #ffffff;")
        self.preview.setText(self.tr("Belum ada logo"))
        self.pathLabel = QLabel(self)
        self.pathLabel.setObjectName("logoPathLabel")
        self.pathLabel.setWordWrap(True)
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("logoErrorLabel")
        self.errorLabel.setProperty("role", "error")
        self.errorLabel.setWordWrap(True)
        choose = QPushButton(self.tr("&Pilih berkas logo\u2026"), self)
        choose.setObjectName("chooseLogoButton")
        choose.clicked.connect(self._choose)
        clear = QPushButton(self.tr("&Hapus"), self)
        clear.setObjectName("clearLogoButton")
        clear.clicked.connect(lambda: self.set_logo(None))

        buttons = QHBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(clear)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addWidget(self.pathLabel)
        layout.addWidget(self.errorLabel)
        layout.addStretch(1)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logo"), str(Path.home()), self.tr("Gambar (*.png *.jpg *.jpeg *.bmp)")
        )
        if name:
            self.set_logo(Path(name))

    def set_logo(self, path: Path | None) -> bool:
        """Take ``path`` as the logo if it is a readable image of a sensible size; say why not."""
        self.errorLabel.clear()
        if path is None:
            self.logo = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Belum ada logo"))
            self.pathLabel.clear()
            return True
        image = QImage(str(path))
        if path.suffix.lower().lstrip(".") not in LOGO_FORMATS or image.isNull():
            self.errorLabel.setText(self.tr("Berkas ini bukan gambar PNG, JPG atau BMP yang bisa dibaca."))
            return False
        if path.stat().st_size > LOGO_MAX_BYTES:
            self.errorLabel.setText(self.tr("Berkas logo terlalu besar (lebih dari 5 MB)."))
            return False
        self.logo = path
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                132, 132, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.pathLabel.setText(str(path))
        return True


class AdministratorPage(QWizardPage):
    """The administrator: a name, and the account (user name and password, argon2id) that manages users,
    settings and stations. Other clerks get their own accounts from the administrator."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("administratorPage")
        self.setTitle(self.tr("Administrator"))
        self.setSubTitle(self.tr("Siapa yang bertanggung jawab atas JamSos di kantor ini?"))
        self.nameEdit = QLineEdit(self)
        self.nameEdit.setObjectName("administratorNameEdit")
        self.nameEdit.setText(context.settings.get("administrator_name") or "")
        self.nameEdit.setPlaceholderText(self.tr("nama lengkap"))
        self.usernameEdit = QLineEdit(self)
        self.usernameEdit.setObjectName("administratorUsernameEdit")
        self.usernameEdit.setText("admin")
        self.passwordEdit = QLineEdit(self)
        self.passwordEdit.setObjectName("administratorPasswordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmEdit = QLineEdit(self)
        self.confirmEdit.setObjectName("administratorConfirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("administratorErrorLabel")
        self.errorLabel.setProperty("role", "error")
        self.errorLabel.setWordWrap(True)
        self.has_account = context.users.has_users()
        note = QLabel(
            self.tr(
                "Administrator masuk dengan nama pengguna dan kata sandi ini, lalu membuat akun untuk "
                "petugas lain (operator, verifikator). Kata sandi paling sedikit 8 karakter; simpan di "
                "tempat aman, karena tanpa kata sandi data tidak bisa dibuka."
            )
            if not self.has_account
            else self.tr("Akun administrator sudah ada; kata sandi diganti lewat menu Keamanan data."),
            self,
        )
        note.setObjectName("administratorNote")
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        form = QFormLayout(self)
        form.addRow(self.tr("&Nama administrator"), self.nameEdit)
        if not self.has_account:
            form.addRow(self.tr("Nama &pengguna"), self.usernameEdit)
            form.addRow(self.tr("&Kata sandi"), self.passwordEdit)
            form.addRow(self.tr("&Ulangi kata sandi"), self.confirmEdit)
        else:
            for edit in (self.usernameEdit, self.passwordEdit, self.confirmEdit):
                edit.hide()
        form.addRow(note)
        form.addRow(self.errorLabel)
        for edit in (self.nameEdit, self.usernameEdit, self.passwordEdit, self.confirmEdit):
            edit.textChanged.connect(self.completeChanged)

    def problem(self) -> str | None:
        """The message code of what is still wrong with the account fields, or None."""
        from jamsos_desktop.domain.safety import password_problem, username_problem

        if self.has_account:
            return None
        problem = username_problem(self.usernameEdit.text())
        if problem is None:
            problem = password_problem(self.passwordEdit.text(), self.usernameEdit.text())
        if problem is None and self.passwordEdit.text() != self.confirmEdit.text():
            problem = "user.password_mismatch"
        return problem

    def isComplete(self) -> bool:
        problem = self.problem()
        typed = bool(self.passwordEdit.text() or self.confirmEdit.text())
        self.errorLabel.setText(
            render(problem, i18n.current(), username=self.usernameEdit.text()) if problem and typed else ""
        )
        return bool(self.nameEdit.text().strip()) and problem is None


class DataFolderPage(QWizardPage):
    """Where the data lives, and whether that place is safe (not cloud-synced, not a network share)."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataFolderPage")
        self.setTitle(self.tr("Folder data"))
        self.setSubTitle(self.tr("Basis data, cadangan dan log JamSos disimpan di folder ini."))
        self.problems: list[FolderProblem] = check_data_folder(data_dir)
        path = QLabel(str(data_dir), self)
        path.setObjectName("dataFolderLabel")
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("dataFolderVerdict")
        self.verdict.setWordWrap(True)
        self.acceptRisk = QCheckBox(self.tr("Saya mengerti risikonya dan tetap memakai folder ini"), self)
        self.acceptRisk.setObjectName("acceptRiskCheck")
        self.acceptRisk.toggled.connect(self.completeChanged)

        layout = QVBoxLayout(self)
        layout.addWidget(path)
        layout.addWidget(self.verdict)
        layout.addWidget(self.acceptRisk)
        layout.addStretch(1)
        if not self.problems:
            self.verdict.setText(
                self.tr("Folder ini aman untuk basis data: bukan folder awan dan bukan folder jaringan.")
            )
            self.verdict.setProperty("role", "hint")
            self.acceptRisk.hide()
        else:
            self.verdict.setProperty("role", "error")
            self.verdict.setText(
                "\n\n".join(self._explain(p) for p in self.problems) + "\n\n" + self._how_to_move()
            )

    def _explain(self, problem: FolderProblem) -> str:
        if problem.kind == "cloud":
            return self.tr(
                "Folder ini disinkronkan oleh {service}. Aplikasi sinkronisasi menyalin berkas basis data "
                "di tengah penulisan dan bisa memulihkan salinan lama, sehingga data pendaftaran hilang "
                "atau rusak. Untuk berbagi data, pakai menu Sinkronisasi JamSos, bukan folder awan."
            ).format(service=problem.service)
        return self.tr(
            "Folder ini ada di jaringan ({share}). Penguncian berkas di folder jaringan tidak andal, "
            "sehingga dua komputer bisa merusak basis data. Simpan data di disk laptop ini."
        ).format(share=problem.service)

    def _how_to_move(self) -> str:
        return self.tr(
            "Untuk memakai folder lain, tutup JamSos lalu jalankan dengan pilihan --data-dir FOLDER "
            "(atau variabel JAMSOS_DATA_DIR), misalnya folder bawaan %LOCALAPPDATA%\\JamSos."
        )

    def isComplete(self) -> bool:
        return not self.problems or self.acceptRisk.isChecked()


class ProgrammePage(QWizardPage):
    """Optionally, the first programme (more detail later on the Program & Iuran page)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmePage")
        self.setTitle(self.tr("Program pertama"))
        self.setSubTitle(
            self.tr(
                "Program bantuan iuran: siapa yang membayar, mulai bulan apa, berapa bulan. "
                "Boleh dilewati dan dibuat nanti di halaman Program & Iuran."
            )
        )
        today = context.clock().date()
        self.createCheck = QCheckBox(self.tr("Buat program pertama sekarang"), self)
        self.createCheck.setObjectName("createProgrammeCheck")
        self.nameEdit = QLineEdit(self)
        self.nameEdit.setObjectName("programmeNameEdit")
        self.nameEdit.setPlaceholderText(
            self.tr("mis. Perlindungan Pekerja Rentan {year}").format(year=today.year)
        )
        self.funderEdit = QLineEdit(self)
        self.funderEdit.setObjectName("funderEdit")
        self.funderEdit.setPlaceholderText(self.tr("mis. APBD Kabupaten Bangka Selatan"))
        # First funded month, named in words ("Agustus 2025"): two years back to one year ahead.
        self.startCombo = QComboBox(self)
        self.startCombo.setObjectName("programmeStartCombo")
        months = MONTHS_EN if i18n.current() == "en" else MONTHS_ID
        for offset in range(-24, 13):
            year, index = divmod(today.year * 12 + today.month - 1 + offset, 12)
            self.startCombo.addItem(f"{months[index]} {year}", f"{year:04d}-{index + 1:02d}")
        self.startCombo.setCurrentIndex(24)
        self.startCombo.setMaxVisibleItems(12)
        self.monthsSpin = QSpinBox(self)
        self.monthsSpin.setObjectName("fundedMonthsSpin")
        self.monthsSpin.setRange(1, 60)
        self.monthsSpin.setValue(6)
        self.monthsSpin.setSuffix(self.tr(" bulan"))
        amount = QLabel(
            self.tr(
                "Iuran per pekerja per bulan: {amount} (JKK {jkk} + JKM {jkm}), dibayar penyandang dana."
            ).format(amount=format_money(16_800), jkk=format_money(10_000), jkm=format_money(6_800)),
            self,
        )
        amount.setWordWrap(True)
        amount.setProperty("role", "hint")
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("programmeErrorLabel")
        self.errorLabel.setProperty("role", "error")
        self.errorLabel.setWordWrap(True)

        self.fields = QWidget(self)
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Nama program"), self.nameEdit)
        form.addRow(self.tr("&Penyandang dana"), self.funderEdit)
        form.addRow(self.tr("Bulan &mulai"), self.startCombo)
        form.addRow(self.tr("&Lama bantuan"), self.monthsSpin)
        form.addRow(amount)
        layout = QVBoxLayout(self)
        layout.addWidget(self.createCheck)
        layout.addWidget(self.fields)
        layout.addWidget(self.errorLabel)
        layout.addStretch(1)
        self.fields.setEnabled(False)
        self.createCheck.toggled.connect(self.fields.setEnabled)
        self.createCheck.toggled.connect(self.completeChanged)
        self.nameEdit.textChanged.connect(self.completeChanged)
        self.funderEdit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        if not self.createCheck.isChecked():
            return True
        return bool(self.nameEdit.text().strip() and self.funderEdit.text().strip())

    def choice(self) -> ProgrammeChoice | None:
        if not self.createCheck.isChecked():
            return None
        year, month = (int(part) for part in str(self.startCombo.currentData()).split("-"))
        start = date(year, month, 1)
        return ProgrammeChoice(self.nameEdit.text(), self.funderEdit.text(), start, self.monthsSpin.value())

    def set_start(self, year: int, month: int) -> None:
        self.startCombo.setCurrentIndex(self.startCombo.findData(f"{year:04d}-{month:02d}"))


class FirstRunWizard(QWizard):
    """The wizard; :meth:`accept` applies the choices and stays open (with the reason) when refused."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self._context = context
        self.setWindowTitle(self.tr("Pengaturan awal JamSos"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)  # the same header on Windows and Linux
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(48, 48))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Lanjut >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Nanti saja"))
        self.officePage = OfficePage(context, self)
        self.logoPage = LogoPage(self)
        self.administratorPage = AdministratorPage(context, self)
        self.dataFolderPage = DataFolderPage(context.data_dir, self)
        self.programmePage: ProgrammePage | None = None
        for page in (self.officePage, self.logoPage, self.administratorPage, self.dataFolderPage):
            self.addPage(page)
        if programmes_available(context):
            self.programmePage = ProgrammePage(context, self)
            self.addPage(self.programmePage)
        self.resize(640, 480)

    def choices(self) -> SetupChoices:
        return SetupChoices(
            office_name=self.officePage.officeEdit.text(),
            regency=self.officePage.regency(),
            administrator=self.administratorPage.nameEdit.text(),
            logo=self.logoPage.logo,
            programme=self.programmePage.choice() if self.programmePage else None,
            username=self.administratorPage.usernameEdit.text(),
            password="" if self.administratorPage.has_account else self.administratorPage.passwordEdit.text(),
        )

    def accept(self) -> None:
        try:
            apply_setup(self._context, self.choices())
        except JamsosError as exc:
            self.show_error(_error_text(exc))
            return
        except OSError as exc:
            self.show_error(
                self.tr("Logo tidak bisa disalin: {detail}").format(detail=exc.strerror or str(exc))
            )
            return
        super().accept()

    def show_error(self, text: str) -> None:
        page = self.currentPage()
        label = getattr(page, "errorLabel", None)
        if isinstance(label, QLabel):
            label.setText(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Pengaturan belum disimpan"), text, parent=self)
        box.setObjectName("firstRunError")
        box.open()


def run_first_run(context: AppContext, parent: QWidget | None = None) -> bool:
    """Show the wizard if it is needed; True when the office is now set up (or already was)."""
    if not first_run_needed(context):
        return True
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return False  # nobody could answer a modal wizard (tests, CI); it waits for the next real start
    wizard = FirstRunWizard(context, parent)
    return wizard.exec() == QWizard.DialogCode.Accepted

"""The add/edit dialog of a worker (``workerForm``), built from ``forms/worker_form.ui``.

While the clerk types the NIK, the dialog reads what it encodes (birth date, sex, region) and says what
is wrong with it; a NIK already registered to someone else is caught before saving, with a button to
open that record instead. Saving goes through the registry service; every finding is shown next to its
field, errors keep the dialog open, warnings are shown once and may be overridden.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QWidget,
)

from jamsos_desktop.domain.errors import ConflictError, DuplicateError, Finding, JamsosError, ValidationError
from jamsos_desktop.domain.formatting import format_date, format_short_date
from jamsos_desktop.domain.nik import NIK_LENGTH, NikCheck, clean_nik
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.domain.worker import (
    DEFAULT_INCOME,
    DEFAULT_PURPOSE,
    Consent,
    Heir,
    Worker,
    WorkerData,
)
from jamsos_desktop.domain.worker_types import (
    ALLOWED_TRANSITIONS,
    OCCUPATIONS,
    HeirRelationship,
    Sex,
    WorkerStatus,
)
from jamsos_desktop.ui.generated.ui_worker_form import Ui_WorkerForm
from jamsos_desktop.ui.i18n import current, enum_label

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext

_DATE_RE = re.compile(r"^\s*(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\s*$")
_NEW_STATUSES = (WorkerStatus.DRAFT, WorkerStatus.VERIFIED, WorkerStatus.REGISTERED)
_HEIR_NAME, _HEIR_RELATION, _HEIR_NIK, _HEIR_PHONE = range(4)

#: Domain texts shown through ``self.tr(text)``: the occupations (worker_types.OCCUPATIONS, whose English
#: is the items' tooltip) and the consent purpose (worker.DEFAULT_PURPOSE). Listed so lupdate finds them.
_DOMAIN_TEXTS = (
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Nelayan"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Petani/Pekebun"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Buruh Tani"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Buruh Harian Lepas"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Pekerja Kebun Sawit"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Buruh Pelabuhan"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Ojek"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Tukang Parkir"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Pedagang Kecil"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Marbot"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Guru Ngaji"),
    QT_TRANSLATE_NOOP("WorkerFormDialog", "Penambang Timah"),
    QT_TRANSLATE_NOOP(
        "WorkerFormDialog",
        "Pendaftaran dan pengelolaan kepesertaan Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) "
        "BPJS Ketenagakerjaan bagi pekerja rentan yang iurannya dibantu pemerintah daerah",
    ),
)


def parse_date(text: str) -> date | None:
    """``17-08-1985``, ``17/8/1985``, ``17.08.1985`` or ``17081985`` -> a date; None if unreadable."""
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[0:2]}-{text[2:4]}-{text[4:8]}"
    match = _DATE_RE.match(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


class WorkerFormDialog(QDialog):
    """Add a worker (``worker_id=None``) or edit one. Emits :attr:`saved` with the id after a save."""

    saved = Signal(int)
    #: the clerk asked to open another worker's record (a duplicate NIK/KPJ) instead of this one
    openWorkerRequested = Signal(int)

    def __init__(
        self, context: AppContext, worker_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_WorkerForm()
        self.ui.setupUi(self)
        self.setObjectName("workerForm")
        self._context = context
        self._registry = context.registry
        self._worker: Worker | None = registry_get(context, worker_id) if worker_id is not None else None
        self._existing_id: int | None = None
        self._looked_up_nik: str | None = None
        self._shown_warnings: set[tuple[str, str]] = set()
        self._nik_extra: list[Finding] = []
        self._messages: dict[str, tuple[QFormLayout | None, QLabel]] = {}
        self._marked: list[QWidget] = []
        self._villages: list[
            tuple[str, str, str, str]
        ] = []  # (district code, district, village code, village)

        self._setup_widgets()
        self._connect()
        if self._worker is not None:
            self._load(self._worker)
        else:
            self.setWindowTitle(self.tr("Tambah pekerja"))
        self._update_nik_info()

    # -- set-up -------------------------------------------------------------------------------------
    def _setup_widgets(self) -> None:
        ui = self.ui
        ui.sexCombo.addItem(self.tr("\u2014 pilih \u2014"), None)
        for sex in Sex:
            ui.sexCombo.addItem(enum_label(sex), sex.value)  # Qt keeps str enums as plain str

        for district, village in self._context.regions.all_villages():
            self._villages.append((district.code, district.name, village.code, village.name))
        ui.districtCombo.addItem(self.tr("\u2014 semua kecamatan \u2014"), None)
        seen: set[str] = set()
        for district_code, district_name, _, _ in self._villages:
            if district_code not in seen:
                seen.add(district_code)
                ui.districtCombo.addItem(district_name, district_code)
        self._fill_villages(None)
        completer = ui.villageCombo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

        ui.occupationCombo.addItem("")
        # The occupation is stored and reported as written (BPJS's Indonesian names); in English the
        # meaning is given as the item's tooltip.
        for occupation in OCCUPATIONS:
            ui.occupationCombo.addItem(occupation)
            meaning = self.tr(occupation)
            if meaning != occupation:
                ui.occupationCombo.setItemData(
                    ui.occupationCombo.count() - 1, meaning, Qt.ItemDataRole.ToolTipRole
                )
        ui.occupationCombo.setCurrentIndex(0)

        # Digits grouped as the clerk reads them: 1.000.000 in Indonesian, 1,000,000 in English.
        ui.incomeSpin.setLocale(
            QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
            if current() == "id"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        ui.incomeSpin.setGroupSeparatorShown(True)
        ui.incomeSpin.setValue(DEFAULT_INCOME)

        self._fill_statuses(None)

        # The record keeps the purpose in Indonesian (what the worker agreed to); the clerk reads it in
        # the application's language.
        ui.purposeLabel.setText(self.tr("Tujuan: {purpose}.").format(purpose=self.tr(DEFAULT_PURPOSE)))
        ui.purposeLabel.setProperty("role", "hint")

        table = ui.heirsTable
        header = table.horizontalHeader()
        header.setSectionResizeMode(_HEIR_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_HEIR_RELATION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_HEIR_NIK, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(_HEIR_PHONE, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(_HEIR_NIK, 170)
        table.setColumnWidth(_HEIR_PHONE, 140)
        table.verticalHeader().setVisible(False)

        ui.duplicateFrame.hide()
        ui.duplicateLabel.setTextFormat(Qt.TextFormat.PlainText)
        ui.heirsMessageLabel.setProperty("role", "error")
        ui.nikInfoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        # A message label under each field; shown only when that field has something to say.
        self._add_message("name", ui.identityLayout, ui.nameEdit)
        self._add_message("birth_date", ui.identityLayout, ui.birthDateEdit)
        self._add_message("sex", ui.identityLayout, ui.sexCombo)
        self._add_message("kk", ui.identityLayout, ui.kkEdit)
        self._add_message("village_code", ui.addressLayout, ui.villageCombo)
        self._add_message("rt_rw", ui.addressLayout, ui.rtRwLabel)
        self._add_message("phone", ui.membershipLayout, ui.phoneEdit)
        self._add_message("income", ui.membershipLayout, ui.incomeSpin)
        self._add_message("kpj", ui.membershipLayout, ui.kpjEdit)
        consent_label = QLabel(self)
        consent_label.setObjectName("consentMessage")
        consent_label.setWordWrap(True)
        consent_label.hide()
        ui.consentLayout.addWidget(consent_label)
        self._messages["consent"] = (None, consent_label)

    def _add_message(self, key: str, layout: QFormLayout, anchor: QWidget) -> None:
        row, _role = layout.getWidgetPosition(anchor)
        label = QLabel(self)
        label.setObjectName(f"{key.replace('_', '')}Message")
        label.setWordWrap(True)
        layout.insertRow(row + 1, "", label)
        layout.setRowVisible(label, False)
        self._messages[key] = (layout, label)

    def _connect(self) -> None:
        ui = self.ui
        ui.nikEdit.textChanged.connect(self._update_nik_info)
        ui.noNikCheck.toggled.connect(self._on_no_nik)
        ui.birthDateEdit.textChanged.connect(self._update_nik_info)
        ui.sexCombo.currentIndexChanged.connect(self._update_nik_info)
        ui.districtCombo.currentIndexChanged.connect(self._on_district)
        ui.villageCombo.currentIndexChanged.connect(self._on_village)
        ui.addHeirButton.clicked.connect(lambda: self.add_heir())
        ui.removeHeirButton.clicked.connect(self._remove_heir)
        ui.openExistingButton.clicked.connect(self._open_existing)
        ui.saveButton.clicked.connect(self.save)
        ui.cancelButton.clicked.connect(self.reject)

    def _fill_statuses(self, current: WorkerStatus | None) -> None:
        combo = self.ui.statusCombo
        combo.clear()
        if current is None:
            allowed: tuple[WorkerStatus, ...] = _NEW_STATUSES
        else:
            allowed = tuple(s for s in WorkerStatus if s is current or s in ALLOWED_TRANSITIONS[current])
        access = getattr(self._context, "access", None)
        if access is not None and not access.can(Permission.APPROVE):
            # Approving a registration is a verifier's act (the registry refuses it too): an operator
            # keeps the status the record has, or a draft, or an end of membership.
            approved = (WorkerStatus.VERIFIED, WorkerStatus.REGISTERED)
            allowed = tuple(s for s in allowed if s is current or s not in approved)
        for status in allowed:
            combo.addItem(enum_label(status), status.value)
        combo.setCurrentIndex(max(0, combo.findData((current or WorkerStatus.DRAFT).value)))

    def _fill_villages(self, district_code: str | None) -> None:
        combo = self.ui.villageCombo
        keep = self.village_code()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", None)
        for d_code, d_name, v_code, v_name in self._villages:
            if district_code is None:
                combo.addItem(f"{v_name} ({d_name})", v_code)
            elif d_code == district_code:
                combo.addItem(v_name, v_code)
        index = combo.findData(keep) if keep else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    # -- loading ------------------------------------------------------------------------------------
    def _load(self, w: Worker) -> None:
        ui = self.ui
        self.setWindowTitle(self.tr("Ubah data pekerja \u2014 {name}").format(name=w.name))
        ui.noNikCheck.setChecked(w.no_nik)
        ui.nikEdit.setText(w.nik or "")
        ui.kkEdit.setText(w.kk)
        ui.nameEdit.setText(w.name)
        ui.birthPlaceEdit.setText(w.birth_place)
        ui.birthDateEdit.setText(format_short_date(w.birth_date))
        ui.sexCombo.setCurrentIndex(max(0, ui.sexCombo.findData(w.sex.value if w.sex else None)))
        self.set_village(w.village_code)
        ui.addressEdit.setText(w.address)
        ui.rtEdit.setText(w.rt)
        ui.rwEdit.setText(w.rw)
        ui.occupationCombo.setCurrentText(w.occupation)
        ui.phoneEdit.setText(w.phone)
        ui.incomeSpin.setValue(w.income)
        ui.kpjEdit.setText(w.kpj)
        self._fill_statuses(w.status)
        ui.consentCheck.setChecked(w.consent.given)
        ui.notesEdit.setPlainText(w.notes)
        for heir in w.heirs:
            self.add_heir(heir)

    def set_village(self, code: str) -> None:
        district = next((d for d, _, v, _ in self._villages if v == code), None)
        self.ui.districtCombo.setCurrentIndex(max(0, self.ui.districtCombo.findData(district)))
        self.ui.villageCombo.setCurrentIndex(max(0, self.ui.villageCombo.findData(code)))

    @property
    def worker_id(self) -> int | None:
        return self._worker.id if self._worker is not None else None

    # -- live reactions -----------------------------------------------------------------------------
    def _on_district(self) -> None:
        self._fill_villages(self.ui.districtCombo.currentData())

    def _on_village(self) -> None:
        code = self.ui.villageCombo.currentData()
        if not code:
            return
        district = next((d for d, _, v, _ in self._villages if v == code), None)
        combo = self.ui.districtCombo
        if district and combo.currentData() != district:
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(district)))
            combo.blockSignals(False)

    def _on_no_nik(self, checked: bool) -> None:
        self.ui.nikEdit.setEnabled(not checked)
        self._update_nik_info()

    def _update_nik_info(self) -> None:
        ui = self.ui
        self._nik_extra = []
        if ui.noNikCheck.isChecked():
            self._set_nik_html(
                self._hint(self.tr("Pekerja ini belum punya NIK; data lain tetap bisa disimpan."))
            )
            self._set_problem(ui.nikEdit, "")
            self._show_existing(None)
            return
        text = ui.nikEdit.text()
        digits = clean_nik(text)
        if not digits:
            self._set_nik_html(
                self._hint(
                    self.tr(
                        "Ketik 16 digit NIK: tanggal lahir, jenis kelamin dan wilayahnya terbaca otomatis."
                    )
                )
            )
            self._set_problem(ui.nikEdit, "")
            self._show_existing(None)
            return
        check = self._registry.check_nik(text, birth_date=self.birth_date(), sex=self.sex())
        if check.info is not None and (not ui.birthDateEdit.text().strip() or self.sex() is None):
            # Fill what the NIK says; the clerk may still change it (mismatches are then warnings).
            if not ui.birthDateEdit.text().strip():
                ui.birthDateEdit.blockSignals(True)
                ui.birthDateEdit.setText(format_short_date(check.info.birth_date))
                ui.birthDateEdit.blockSignals(False)
            if self.sex() is None:
                ui.sexCombo.blockSignals(True)
                ui.sexCombo.setCurrentIndex(max(0, ui.sexCombo.findData(check.info.sex.value)))
                ui.sexCombo.blockSignals(False)
            check = self._registry.check_nik(text, birth_date=self.birth_date(), sex=self.sex())
        self._render_nik(check)
        self._check_duplicate(check)

    def _render_nik(self, check: NikCheck | None) -> None:
        ui = self.ui
        lines: list[str] = []
        findings = list(check.findings) if check is not None else []
        findings += [f for f in self._nik_extra if f not in findings]
        typing = (  # still typing: a neutral count, not a red error (after a save attempt: red)
            not self._nik_extra
            and check is not None
            and len(check.nik) < NIK_LENGTH
            and check.nik.isdigit()
            and [f.code for f in findings] == ["nik.length"]
        )
        if typing:
            lines.append(
                self._hint(self.tr("{n} dari 16 digit").format(n=len(check.nik)))  # type: ignore[union-attr]
            )
            findings = []
        if check is not None and check.info is not None:
            info = check.info
            table = self._context.region_table()
            code = info.district_code if info.district_code in table else info.regency_code
            lines.append(
                self._ok(
                    self.tr("NIK menunjukkan: lahir {date} \u00b7 {sex} \u00b7 {region}").format(
                        date=format_date(info.birth_date, current()), sex=enum_label(info.sex), region=table.describe(code)
                    )
                )
            )
        for finding in findings:
            if finding.code == "nik.duplicate":
                continue  # shown in the duplicate panel with its button
            lines.append(self._finding_html(finding))
            if not finding.is_error:
                self._shown_warnings.add((finding.field, finding.code))
        errors = any(f.is_error for f in findings)
        warnings = any(not f.is_error for f in findings)
        self._set_problem(ui.nikEdit, "error" if errors else "warning" if warnings else "")
        self._set_nik_html("<br>".join(lines))

    def _check_duplicate(self, check: NikCheck) -> None:
        nik = check.nik
        if len(nik) != NIK_LENGTH or not nik.isdigit():
            self._looked_up_nik = None
            self._show_existing(None)
            return
        if nik == self._looked_up_nik:
            return
        self._looked_up_nik = nik
        found = self._registry.find_by_nik(nik)
        if found is not None and found.id != self.worker_id:
            self._show_existing(
                found.id,
                found.name,
                self.tr("NIK ini sudah terdaftar atas nama {name}.").format(name=found.name),
            )
        else:
            self._show_existing(None)

    def _show_existing(self, worker_id: int | None, name: str = "", sentence: str = "") -> None:
        ui = self.ui
        self._existing_id = worker_id
        if worker_id is None:
            ui.duplicateFrame.hide()
            return
        ui.duplicateLabel.setText(sentence)
        ui.openExistingButton.setText(self.tr("Buka data {name}").format(name=name))
        ui.duplicateFrame.show()

    def _open_existing(self) -> None:
        if self._existing_id is not None:
            existing = self._existing_id
            self.reject()
            self.openWorkerRequested.emit(existing)

    # -- heirs --------------------------------------------------------------------------------------
    def add_heir(self, heir: Heir | None = None) -> int:
        table = self.ui.heirsTable
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, _HEIR_NAME, QTableWidgetItem(heir.name if heir else ""))
        combo = QComboBox(table)
        combo.setObjectName(f"heirRelationCombo{row}")
        for relation in HeirRelationship:  # declared in the order of PP 44/2015 art. 37
            combo.addItem(enum_label(relation), relation.value)
        combo.setCurrentIndex(max(0, combo.findData(heir.relationship.value)) if heir else 0)
        table.setCellWidget(row, _HEIR_RELATION, combo)
        table.setItem(row, _HEIR_NIK, QTableWidgetItem((heir.nik or "") if heir else ""))
        table.setItem(row, _HEIR_PHONE, QTableWidgetItem(heir.phone if heir else ""))
        if heir is None:
            table.setCurrentCell(row, _HEIR_NAME)
            table.editItem(table.item(row, _HEIR_NAME))
        return row

    def _remove_heir(self) -> None:
        table = self.ui.heirsTable
        rows = sorted({i.row() for i in table.selectedIndexes()} or {table.currentRow()}, reverse=True)
        for row in rows:
            if row >= 0:
                table.removeRow(row)

    def heirs(self) -> tuple[Heir, ...]:
        table = self.ui.heirsTable
        out: list[Heir] = []
        for row in range(table.rowCount()):

            def text(column: int, row: int = row) -> str:
                item = table.item(row, column)
                return item.text().strip() if item is not None else ""

            combo = table.cellWidget(row, _HEIR_RELATION)
            value = combo.currentData() if isinstance(combo, QComboBox) else None
            relation = HeirRelationship(value) if value else HeirRelationship.SPOUSE
            if not (text(_HEIR_NAME) or text(_HEIR_NIK) or text(_HEIR_PHONE)):
                continue  # an empty row the clerk added and left
            out.append(Heir(text(_HEIR_NAME), relation, text(_HEIR_NIK) or None, text(_HEIR_PHONE)))
        return tuple(out)

    # -- reading the fields -------------------------------------------------------------------------
    def birth_date(self) -> date | None:
        return parse_date(self.ui.birthDateEdit.text())

    def sex(self) -> Sex | None:
        value = self.ui.sexCombo.currentData()
        return Sex(value) if value else None

    def village_code(self) -> str:
        combo = self.ui.villageCombo
        index = combo.currentIndex()
        text = combo.currentText().strip()
        if index > 0 and combo.itemText(index) == combo.currentText():
            return str(combo.itemData(index) or "")
        if not text:
            return ""
        found = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(combo.itemData(found) or "") if found > 0 else ""

    def data(self) -> WorkerData:
        ui = self.ui
        status_value = ui.statusCombo.currentData()
        consent = self._worker.consent if self._worker is not None else Consent()
        given = ui.consentCheck.isChecked()
        if given != consent.given:
            consent = Consent(purpose=consent.purpose or DEFAULT_PURPOSE, given=given)
        return WorkerData(
            name=ui.nameEdit.text(),
            sex=self.sex(),
            birth_date=self.birth_date(),
            village_code=self.village_code(),
            nik=None if ui.noNikCheck.isChecked() else (ui.nikEdit.text() or None),
            no_nik=ui.noNikCheck.isChecked(),
            kk=ui.kkEdit.text(),
            birth_place=ui.birthPlaceEdit.text(),
            address=ui.addressEdit.text(),
            rt=ui.rtEdit.text(),
            rw=ui.rwEdit.text(),
            occupation=ui.occupationCombo.currentText(),
            phone=ui.phoneEdit.text(),
            income=ui.incomeSpin.value(),
            kpj=ui.kpjEdit.text(),
            status=WorkerStatus(status_value) if status_value else WorkerStatus.DRAFT,
            heirs=self.heirs(),
            consent=consent,
            notes=ui.notesEdit.toPlainText(),
        )

    # -- saving -------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Validate, then register or update. Returns True when saved (the dialog then closes)."""
        data = self.data()
        validated = self._registry.validate(data, worker_id=self.worker_id)
        self.show_findings(validated.findings)
        errors = validated.errors
        if errors:
            self._summary(
                self.tr("Data belum bisa disimpan: {n} hal perlu diperbaiki (lihat tulisan merah).").format(
                    n=len(errors)
                ),
                "error",
            )
            self._focus_field(errors[0].field)
            return False
        new_warnings = {(f.field, f.code) for f in validated.warnings} - self._shown_warnings
        if new_warnings:
            self._shown_warnings |= new_warnings
            self._summary(
                self.tr("Periksa peringatan berwarna kuning; klik Simpan sekali lagi untuk tetap menyimpan."),
                "warning",
            )
            return False
        try:
            if self._worker is None:
                result = self._registry.register(data)
            else:
                result = self._registry.update(self._worker.id, data, expected_version=self._worker.version)
        except ValidationError as exc:
            self.show_findings(exc.findings)
            self._summary(self.tr("Data belum bisa disimpan; lihat tulisan merah."), "error")
            return False
        except DuplicateError as exc:
            name = str(exc.params.get("name", "?"))
            self._show_existing(exc.existing_id, name, exc.message(current()))
            self._summary(exc.message(current()), "error")
            return False
        except ConflictError as exc:
            self._summary(exc.message(current()), "error")
            return False
        except JamsosError as exc:
            self._summary(exc.message(current()), "error")
            return False
        self.saved.emit(result.worker.id)
        self.accept()
        return True

    def show_findings(self, findings: list[Finding] | tuple[Finding, ...]) -> None:
        """Put each finding next to its field (errors red, warnings amber)."""
        self._clear_messages()
        by_field: dict[str, list[Finding]] = {}
        for finding in findings:
            key = "heirs" if finding.field.startswith("heirs[") else finding.field
            by_field.setdefault(key, []).append(finding)
        nik_findings = by_field.pop("nik", [])
        self._nik_extra = nik_findings
        for finding in nik_findings:
            if finding.code == "nik.duplicate":
                name = str(finding.params.get("name", "?"))
                self._show_existing(
                    int(finding.params.get("existing_id", 0)) or None,
                    name,
                    self.tr("NIK ini sudah terdaftar atas nama {name}.").format(name=name),
                )
        if nik_findings or not self.ui.noNikCheck.isChecked():
            text = self.ui.nikEdit.text()
            check = (
                self._registry.check_nik(text, birth_date=self.birth_date(), sex=self.sex())
                if clean_nik(text)
                else None
            )
            self._render_nik(check)
        heirs = by_field.pop("heirs", [])
        if heirs:
            lines = []
            for f in heirs:
                row = int(f.field[len("heirs[") : -1]) + 1 if f.field.endswith("]") else 0
                lines.append(self.tr("Baris {row}: {message}").format(row=row, message=f.message(current())))
            self.ui.heirsMessageLabel.setText("\n".join(lines))
            self._set_problem(self.ui.heirsTable, "error")
        leftover: list[str] = []
        for key, items in by_field.items():
            if key not in self._messages:
                leftover.extend(self._message_text(f) for f in items)
                continue
            layout, label = self._messages[key]
            worst = "error" if any(f.is_error for f in items) else "warning"
            label.setText("\n".join(self._message_text(f) for f in items))
            label.setProperty("role", worst)
            _repolish(label)
            if layout is not None:
                layout.setRowVisible(label, True)
            else:
                label.show()
            for widget in self._field_widgets(key):
                self._set_problem(widget, worst)
        if leftover:
            self._summary("\n".join(leftover), "error")

    def _message_text(self, finding: Finding) -> str:
        if finding.code == "birth_date.required" and self.ui.birthDateEdit.text().strip():
            return self.tr("Tanggal lahir tidak terbaca; tulis seperti 17-08-1985.")
        return finding.message(current())

    def _clear_messages(self) -> None:
        for layout, label in self._messages.values():
            label.clear()
            if layout is not None:
                layout.setRowVisible(label, False)
            else:
                label.hide()
        for widget in self._marked:
            self._set_problem(widget, "")
        self._marked = []
        self.ui.heirsMessageLabel.clear()
        self._summary("", "")

    def _field_widgets(self, key: str) -> list[QWidget]:
        ui = self.ui
        return {
            "name": [ui.nameEdit],
            "sex": [ui.sexCombo],
            "birth_date": [ui.birthDateEdit],
            "kk": [ui.kkEdit],
            "kpj": [ui.kpjEdit],
            "village_code": [ui.villageCombo],
            "rt_rw": [ui.rtEdit, ui.rwEdit],
            "phone": [ui.phoneEdit],
            "income": [ui.incomeSpin],
            "consent": [ui.consentCheck],
            "nik": [ui.nikEdit],
        }.get(key, [])

    def _focus_field(self, key: str) -> None:
        widgets = self._field_widgets("heirs" if key.startswith("heirs[") else key) or (
            [self.ui.heirsTable] if key.startswith("heirs[") else []
        )
        if widgets and widgets[0].isEnabled():
            widgets[0].setFocus()

    # -- little view helpers ------------------------------------------------------------------------
    def _set_problem(self, widget: QWidget, level: str) -> None:
        if (widget.property("problem") or "") == level:
            return
        widget.setProperty("problem", level)
        _repolish(widget)
        if level:
            self._marked.append(widget)

    def _summary(self, text: str, role: str) -> None:
        label = self.ui.summaryLabel
        label.setText(text)
        label.setProperty("role", role)
        _repolish(label)

    def _set_nik_html(self, text: str) -> None:
        self.ui.nikInfoLabel.setText(text)

    @staticmethod
    def _hint(text: str) -> str:
        return f'<span style="color:#5b6b7b">{html.escape(text)}</span>'

    @staticmethod
    def _ok(text: str) -> str:
        return f'<span style="color:#1e6b3a">\u2714 {html.escape(text)}</span>'

    @staticmethod
    def _finding_html(finding: Finding) -> str:
        if finding.is_error:
            return f'<span style="color:#b03a2e">\u2716 {html.escape(finding.message(current()))}</span>'
        return f'<span style="color:#9a6700">\u26a0 {html.escape(finding.message(current()))}</span>'


def registry_get(context: AppContext, worker_id: int) -> Worker:
    return context.registry.get(worker_id)


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
